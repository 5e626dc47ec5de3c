# iptables undo form: removes the jump and the chain NETMIN-IN, nothing else
args: firewall --from corpus/06-debian-apache-netstat-alnop.txt --emit iptables --undo
exit: 0
--- stdout
#!/bin/sh
# netmin 0.1.0 firewall undo for linux (file:corpus/06-debian-apache-netstat-alnop.txt)
# Removes exactly what the ruleset script added: the jump from INPUT
# and the chain NETMIN-IN, for IPv4 and IPv6.  Running it again changes nothing.
rc=0
for t in iptables ip6tables; do
	while "$t" -D INPUT -j NETMIN-IN 2>/dev/null; do :; done
	if "$t" -n -L NETMIN-IN >/dev/null 2>&1; then
		"$t" -F NETMIN-IN && "$t" -X NETMIN-IN || rc=1
	fi
done
exit $rc
--- stderr
netmin: corpus/06-debian-apache-netstat-alnop.txt:17: the local address 'fe80::f0:ccff:fe9d::123' was cut short by netstat's column width; kept as 'fe80::f0:ccff:fe9d' (netstat -W prints it whole)
