# same host: ss -tnlp and netstat -nptl46 list the same sockets once, owners merged
args: list --all --csv --from corpus/10b-ubuntu2004-ss-tnlp.txt --from corpus/10c-ubuntu2004-netstat-nptl46.txt
exit: 0
--- stdout
proto,family,local_address,interface,local_port,remote_address,remote_port,state,pid,process,services,exposure,phantom
tcp,ipv4,0.0.0.0,,9100,,,listen,93,prometheus-node-,,all,false
tcp,ipv4,127.0.0.53,lo,53,,,listen,80,systemd-resolved,,loopback,false
tcp,ipv4,0.0.0.0,,22,,,listen,148,sshd,,all,false
tcp,ipv4,127.0.0.1,,8125,,,listen,151,netdata,,loopback,false
tcp,ipv4,0.0.0.0,,19999,,,listen,151,netdata,,all,false
tcp,ipv4,127.0.0.1,,44551,,,listen,136,containerd,,loopback,false
--- stderr
