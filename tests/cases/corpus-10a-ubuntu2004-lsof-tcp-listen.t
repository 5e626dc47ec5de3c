# corpus capture 10a-ubuntu2004-lsof-tcp-listen: exact endpoint set
args: list --all --csv --from corpus/10a-ubuntu2004-lsof-tcp-listen.txt
exit: 0
--- stdout
proto,family,local_address,interface,local_port,remote_address,remote_port,state,pid,process,services,exposure,phantom
tcp,ipv4,localhost,,53,,,listen,80,systemd-r,,loopback,false
tcp,ipv4,0.0.0.0,,9100,,,listen,93,prometheu,,all,false
tcp,ipv4,localhost,,44551,,,listen,136,container,,loopback,false
tcp,ipv4,0.0.0.0,,22,,,listen,148,sshd,,all,false
tcp,ipv4,0.0.0.0,,19999,,,listen,151,netdata,,all,false
tcp,ipv4,localhost,,8125,,,listen,151,netdata,,loopback,false
--- stderr
