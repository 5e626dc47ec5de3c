# corpus capture 10e-ubuntu2004-ss-unlp: exact endpoint set
args: list --all --csv --from corpus/10e-ubuntu2004-ss-unlp.txt
exit: 0
--- stdout
proto,family,local_address,interface,local_port,remote_address,remote_port,state,pid,process,services,exposure,phantom
udp,ipv4,127.0.0.1,,8125,,,unconn,151,netdata,,loopback,false
udp,ipv4,127.0.0.53,lo,53,,,unconn,80,systemd-resolve,,loopback,false
udp,ipv4,10.0.3.186,eth0,68,,,unconn,28290,systemd-network,,address,false
--- stderr
