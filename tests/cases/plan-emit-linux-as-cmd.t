# a Linux plan cannot become a .cmd script
args: plan --from corpus/06-debian-apache-netstat-alnop.txt --emit cmd --rollback /dev/null
exit: 2
--- stdout
--- stderr
netmin: corpus/06-debian-apache-netstat-alnop.txt:17: the local address 'fe80::f0:ccff:fe9d::123' was cut short by netstat's column width; kept as 'fe80::f0:ccff:fe9d' (netstat -W prints it whole)
netmin: step 1: a unit action cannot run on Windows; this plan needs --emit sh
Try 'netmin plan --help'.
