# the nft undo form: deletes table inet netmin only (created first, so it works when gone)
args: firewall --from corpus/06-debian-apache-netstat-alnop.txt --emit nft --undo
exit: 0
--- stdout
#!/usr/sbin/nft -f
# netmin 0.1.0 firewall undo for linux (file:corpus/06-debian-apache-netstat-alnop.txt)
# Removes the table inet netmin the ruleset added; every other table stays.
# (Creating it first makes this work when it is gone already.)
table inet netmin
delete table inet netmin
--- stderr
netmin: corpus/06-debian-apache-netstat-alnop.txt:17: the local address 'fe80::f0:ccff:fe9d::123' was cut short by netstat's column width; kept as 'fe80::f0:ccff:fe9d' (netstat -W prints it whole)
