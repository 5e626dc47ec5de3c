# same host, UDP: lsof (host name focal-base), ss and netstat
args: list --all --csv --from corpus/10d-ubuntu2004-lsof-udp.txt --from corpus/10e-ubuntu2004-ss-unlp.txt --from corpus/10f-ubuntu2004-netstat-anpu46.txt
exit: 0
--- stdout
proto,family,local_address,interface,local_port,remote_address,remote_port,state,pid,process,services,exposure,phantom
udp,ipv4,127.0.0.53,lo,53,,,unconn,80,systemd-resolved,,loopback,false
udp,ipv4,127.0.0.1,,8125,,,unconn,151,netdata,,loopback,false
udp,ipv4,focal-base,,68,,,unconn,28290,systemd-n,,address,false
udp,ipv4,10.0.3.186,eth0,68,,,unconn,28290,systemd-network,,address,false
--- stderr
netmin: corpus/10d-ubuntu2004-lsof-udp.txt:5: host name 'focal-base' cannot be resolved offline; kept as the address (lsof with -n prints the address)
