# corpus capture 07b-ubuntu2004-ss-lup-servicenames: exact endpoint set
args: list --all --csv --from corpus/07b-ubuntu2004-ss-lup-servicenames.txt
exit: 0
--- stdout
proto,family,local_address,interface,local_port,remote_address,remote_port,state,pid,process,services,exposure,phantom
udp,ipv4,127.0.0.1,,8125,,,unconn,1273,netdata,,loopback,false
udp,ipv4,127.0.0.53,lo,53,,,unconn,952,systemd-resolve,,loopback,false
udp,ipv4,10.0.2.15,eth0,68,,,unconn,815,systemd-network,,address,false
udp,ipv4,0.0.0.0,,68,,,unconn,862,dhclient,,all,false
udp,ipv4,0.0.0.0,,68,,,unconn,867,dhclient,,all,false
--- stderr
