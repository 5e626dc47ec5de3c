# --emit of an unknown form
args: firewall --from corpus/06-debian-apache-netstat-alnop.txt --emit pf
exit: 2
--- stdout
--- stderr
netmin: --emit takes nft, iptables, netsh or ps1, not 'pf'
Try 'netmin firewall --help'.
