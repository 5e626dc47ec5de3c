# --keep of a name nothing has
args: firewall --from corpus/06-debian-apache-netstat-alnop.txt --keep nosuchd --emit nft
exit: 2
--- stdout
--- stderr
netmin: corpus/06-debian-apache-netstat-alnop.txt:17: the local address 'fe80::f0:ccff:fe9d::123' was cut short by netstat's column width; kept as 'fe80::f0:ccff:fe9d' (netstat -W prints it whole)
netmin: --keep 'nosuchd': no port, and no service, unit, process or knowledge-base entry by that name (netmin kb list shows them)
Try 'netmin firewall --help'.
