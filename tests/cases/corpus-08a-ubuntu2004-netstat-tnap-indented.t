# corpus capture 08a-ubuntu2004-netstat-tnap-indented: exact endpoint set
args: list --all --csv --from corpus/08a-ubuntu2004-netstat-tnap-indented.txt
exit: 0
--- stdout
proto,family,local_address,interface,local_port,remote_address,remote_port,state,pid,process,services,exposure,phantom
tcp,ipv4,0.0.0.0,,111,,,listen,1,init,,all,false
tcp,ipv4,127.0.0.53,,53,,,listen,556,systemd-resolve,,loopback,false
tcp,ipv4,0.0.0.0,,22,,,listen,804,sshd: /usr/sbin,,all,false
tcp,ipv4,10.0.2.15,,22,10.0.2.2,51724,established,1816,sshd: vagrant,,address,false
tcp,ipv6,::,,111,,,listen,1,init,,all,false
tcp,ipv6,::,,22,,,listen,804,sshd: /usr/sbin,,all,false
--- stderr
