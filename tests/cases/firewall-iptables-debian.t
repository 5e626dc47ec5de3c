# iptables form: chain NETMIN-IN jumped from INPUT, one iptables-restore --noflush per family, refuses when the chain exists
args: firewall --from corpus/06-debian-apache-netstat-alnop.txt --keep apache2 --allow-from sshd=10.0.0.0/8,fd00::/8 --emit iptables
exit: 0
--- stdout
#!/bin/sh
# netmin 0.1.0 firewall ruleset for linux (file:corpus/06-debian-apache-netstat-alnop.txt)
# default-deny inbound: loopback, established and related traffic, ICMP errors
# and path MTU, ICMPv6 errors, path MTU and neighbour discovery,
# DHCP client replies (a DHCP client socket (udp/68, dhclient)); then only:
#   allow tcp/22 from 10.0.0.0/8, 120.35.33.11, fd00::/8 (sshd): --allow-from sshd=10.0.0.0/8,fd00::/8; lockout guard
#   allow tcp/80 (apache2): --keep apache2
#   filter udp/123 on 0.0.0.0, 10.0.10.4, [::], [fe80::f0:ccff:fe9d] (ntpd): it stays but is filtered: clock synchronisation: it binds UDP 123 on every address; restrict it to the interfaces it needs (interface listen/ignore) or filter
#   session from 120.35.33.11 to port 22 (an established connection to sshd): admitted (lockout guard)
#
# Adds the chain NETMIN-IN (IPv4 and IPv6) and a jump to it at the top of
# INPUT; no other rule or chain is changed.  Undo: the undo script.
set -u
for t in iptables ip6tables; do
	if "$t" -n -L NETMIN-IN >/dev/null 2>&1; then
		echo "netmin: $t has a chain NETMIN-IN already; run the undo script first" >&2
		exit 1
	fi
done
iptables-restore --noflush <<'EOF'
*filter
:NETMIN-IN - [0:0]
-A NETMIN-IN -i lo -m comment --comment "loopback" -j ACCEPT
-A NETMIN-IN -m conntrack --ctstate RELATED,ESTABLISHED -m comment --comment "replies and their ICMP errors" -j ACCEPT
-A NETMIN-IN -m conntrack --ctstate INVALID -j DROP
-A NETMIN-IN -p icmp --icmp-type destination-unreachable -j ACCEPT
-A NETMIN-IN -p icmp --icmp-type time-exceeded -j ACCEPT
-A NETMIN-IN -p icmp --icmp-type parameter-problem -j ACCEPT
-A NETMIN-IN -p udp -m udp --sport 67 --dport 68 -m comment --comment "DHCP client replies" -j ACCEPT
-A NETMIN-IN -s 10.0.0.0/8,120.35.33.11/32 -p tcp -m tcp --dport 22 -m comment --comment "sshd: asked, lockout guard" -j ACCEPT
-A NETMIN-IN -p tcp -m tcp --dport 80 -m comment --comment "apache2: asked" -j ACCEPT
-A NETMIN-IN -j DROP
-I INPUT 1 -j NETMIN-IN
COMMIT
EOF
[ $? -eq 0 ] || { echo "netmin: iptables-restore failed; nothing was changed" >&2; exit 1; }
ip6tables-restore --noflush <<'EOF'
*filter
:NETMIN-IN - [0:0]
-A NETMIN-IN -i lo -m comment --comment "loopback" -j ACCEPT
-A NETMIN-IN -m conntrack --ctstate RELATED,ESTABLISHED -m comment --comment "replies and their ICMP errors" -j ACCEPT
-A NETMIN-IN -m conntrack --ctstate INVALID -j DROP
-A NETMIN-IN -p ipv6-icmp --icmpv6-type destination-unreachable -j ACCEPT
-A NETMIN-IN -p ipv6-icmp --icmpv6-type packet-too-big -j ACCEPT
-A NETMIN-IN -p ipv6-icmp --icmpv6-type time-exceeded -j ACCEPT
-A NETMIN-IN -p ipv6-icmp --icmpv6-type parameter-problem -j ACCEPT
-A NETMIN-IN -p ipv6-icmp --icmpv6-type router-solicitation -j ACCEPT
-A NETMIN-IN -p ipv6-icmp --icmpv6-type router-advertisement -j ACCEPT
-A NETMIN-IN -p ipv6-icmp --icmpv6-type neighbour-solicitation -j ACCEPT
-A NETMIN-IN -p ipv6-icmp --icmpv6-type neighbour-advertisement -j ACCEPT
-A NETMIN-IN -s fd00::/8 -p tcp -m tcp --dport 22 -m comment --comment "sshd: asked, lockout guard" -j ACCEPT
-A NETMIN-IN -p tcp -m tcp --dport 80 -m comment --comment "apache2: asked" -j ACCEPT
-A NETMIN-IN -j DROP
-I INPUT 1 -j NETMIN-IN
COMMIT
EOF
if [ $? -ne 0 ]; then
	echo "netmin: ip6tables-restore failed; taking the IPv4 rules out again" >&2
	iptables -D INPUT -j NETMIN-IN && iptables -F NETMIN-IN && iptables -X NETMIN-IN
	exit 1
fi
--- stderr
netmin: corpus/06-debian-apache-netstat-alnop.txt:17: the local address 'fe80::f0:ccff:fe9d::123' was cut short by netstat's column width; kept as 'fe80::f0:ccff:fe9d' (netstat -W prints it whole)
