# corpus capture 11-ubuntu2004-lsof-grep-noheader: exact endpoint set
args: list --all --csv --from corpus/11-ubuntu2004-lsof-grep-noheader.txt
exit: 0
--- stdout
proto,family,local_address,interface,local_port,remote_address,remote_port,state,pid,process,services,exposure,phantom
tcp,ipv4,0.0.0.0,,111,,,listen,1 544,systemd rpcbind,,all,false
tcp,ipv4,127.0.0.53,,53,,,listen,545,systemd-r,,loopback,false
tcp,ipv4,0.0.0.0,,19999,,,listen,613,netdata,,all,false
tcp,ipv4,10.0.2.15,,19999,10.0.2.2,60600,established,613,netdata,,address,false
tcp,ipv4,127.0.0.1,,8125,,,listen,613,netdata,,loopback,false
tcp,ipv4,0.0.0.0,,22,,,listen,697,sshd,,all,false
tcp,ipv4,10.0.2.15,,22,10.0.2.2,50988,established,1391 1442,sshd,,address,false
--- stderr
