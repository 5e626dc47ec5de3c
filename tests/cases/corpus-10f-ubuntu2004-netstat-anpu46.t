# corpus capture 10f-ubuntu2004-netstat-anpu46: exact endpoint set
args: list --all --csv --from corpus/10f-ubuntu2004-netstat-anpu46.txt
exit: 0
--- stdout
proto,family,local_address,interface,local_port,remote_address,remote_port,state,pid,process,services,exposure,phantom
udp,ipv4,127.0.0.1,,8125,,,unconn,151,netdata,,loopback,false
udp,ipv4,127.0.0.53,,53,,,unconn,80,systemd-resolved,,loopback,false
udp,ipv4,10.0.3.186,,68,,,unconn,28290,systemd-netwo,,address,false
--- stderr
