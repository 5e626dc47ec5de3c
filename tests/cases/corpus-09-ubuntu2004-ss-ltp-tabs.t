# corpus capture 09-ubuntu2004-ss-ltp-tabs: exact endpoint set
args: list --all --csv --from corpus/09-ubuntu2004-ss-ltp-tabs.txt
exit: 0
--- stdout
proto,family,local_address,interface,local_port,remote_address,remote_port,state,pid,process,services,exposure,phantom
tcp,ipv4,0.0.0.0,,111,,,listen,599 1,rpcbind systemd,,all,false
tcp,ipv4,127.0.0.53,lo,53,,,listen,600,systemd-resolve,,loopback,false
tcp,ipv4,0.0.0.0,,22,,,listen,2233,sshd,,all,false
tcp,ipv6,::,,111,,,listen,599 1,rpcbind systemd,,all,false
tcp,ipv6,::,,22,,,listen,2233,sshd,,all,false
--- stderr
