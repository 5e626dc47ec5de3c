# --allow-from with host bits set: usage error naming the network
args: firewall --from corpus/06-debian-apache-netstat-alnop.txt --allow-from sshd=10.0.0.1/8 --emit nft
exit: 2
--- stdout
--- stderr
netmin: '10.0.0.1/8' has host bits set (the network is 10.0.0.0/8)
Try 'netmin firewall --help'.
