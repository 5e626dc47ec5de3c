# corpus capture 10b-ubuntu2004-ss-tnlp: exact endpoint set
args: list --all --csv --from corpus/10b-ubuntu2004-ss-tnlp.txt
exit: 0
--- stdout
proto,family,local_address,interface,local_port,remote_address,remote_port,state,pid,process,services,exposure,phantom
tcp,ipv4,0.0.0.0,,9100,,,listen,93,prometheus-node,,all,false
tcp,ipv4,127.0.0.53,lo,53,,,listen,80,systemd-resolve,,loopback,false
tcp,ipv4,0.0.0.0,,22,,,listen,148,sshd,,all,false
tcp,ipv4,127.0.0.1,,8125,,,listen,151,netdata,,loopback,false
tcp,ipv4,0.0.0.0,,19999,,,listen,151,netdata,,all,false
tcp,ipv4,127.0.0.1,,44551,,,listen,136,containerd,,loopback,false
--- stderr
