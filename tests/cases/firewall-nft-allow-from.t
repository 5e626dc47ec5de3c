# --keep apache2 and --allow-from sshd=IPv4+IPv6 nets: per-family rules, the session peer 120.35.33.11 added by the lockout guard
args: firewall --from corpus/06-debian-apache-netstat-alnop.txt --keep apache2 --allow-from sshd=10.0.0.0/8,fd00::/8 --emit nft
exit: 0
--- stdout
#!/usr/sbin/nft -f
# netmin 0.1.0 firewall ruleset for linux (file:corpus/06-debian-apache-netstat-alnop.txt)
# default-deny inbound: loopback, established and related traffic, ICMP errors
# and path MTU, ICMPv6 errors, path MTU and neighbour discovery,
# DHCP client replies (a DHCP client socket (udp/68, dhclient)); then only:
#   allow tcp/22 from 10.0.0.0/8, 120.35.33.11, fd00::/8 (sshd): --allow-from sshd=10.0.0.0/8,fd00::/8; lockout guard
#   allow tcp/80 (apache2): --keep apache2
#   filter udp/123 on 0.0.0.0, 10.0.10.4, [::], [fe80::f0:ccff:fe9d] (ntpd): it stays but is filtered: clock synchronisation: it binds UDP 123 on every address; restrict it to the interfaces it needs (interface listen/ignore) or filter
#   session from 120.35.33.11 to port 22 (an established connection to sshd): admitted (lockout guard)
#
# Load: nft -f FILE (one transaction: all of it or nothing), or
# netmin apply FILE --yes, which records the table it replaces.
# Undo: nft delete table inet netmin (the undo file), or
# netmin undo JOURNAL, which puts back the table it replaced.
table inet netmin
delete table inet netmin
table inet netmin {
	chain input {
		type filter hook input priority filter; policy drop;
		iif "lo" accept comment "loopback"
		ct state established,related accept comment "replies and their ICMP errors"
		ct state invalid drop
		icmp type { destination-unreachable, time-exceeded, parameter-problem } accept comment "ICMP errors, path MTU (frag-needed)"
		icmpv6 type { destination-unreachable, packet-too-big, time-exceeded, parameter-problem, nd-router-solicit, nd-router-advert, nd-neighbor-solicit, nd-neighbor-advert } accept comment "ICMPv6 errors, path MTU, neighbour discovery"
		meta nfproto ipv4 udp sport 67 udp dport 68 accept comment "DHCP client replies"
		ip saddr { 10.0.0.0/8, 120.35.33.11 } tcp dport 22 accept comment "sshd: asked, lockout guard"
		ip6 saddr fd00::/8 tcp dport 22 accept comment "sshd: asked, lockout guard"
		tcp dport 80 accept comment "apache2: asked"
	}
}
--- stderr
netmin: corpus/06-debian-apache-netstat-alnop.txt:17: the local address 'fe80::f0:ccff:fe9d::123' was cut short by netstat's column width; kept as 'fe80::f0:ccff:fe9d' (netstat -W prints it whole)
