# --undo without --emit
args: firewall --from corpus/06-debian-apache-netstat-alnop.txt --undo
exit: 2
--- stdout
--- stderr
netmin: --undo and --output need --emit nft|iptables|netsh|ps1
Try 'netmin firewall --help'.
