# corpus capture 10d-ubuntu2004-lsof-udp: exact endpoint set
args: list --all --csv --from corpus/10d-ubuntu2004-lsof-udp.txt
exit: 0
--- stdout
proto,family,local_address,interface,local_port,remote_address,remote_port,state,pid,process,services,exposure,phantom
udp,ipv4,localhost,,53,,,unconn,80,systemd-r,,loopback,false
udp,ipv4,localhost,,8125,,,unconn,151,netdata,,loopback,false
udp,ipv4,focal-base,,68,,,unconn,28290,systemd-n,,address,false
--- stderr
netmin: corpus/10d-ubuntu2004-lsof-udp.txt:5: host name 'focal-base' cannot be resolved offline; kept as the address (lsof with -n prints the address)
