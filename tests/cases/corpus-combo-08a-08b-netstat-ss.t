# same host: netstat -tnap (1/init) and ss -tanp (rpcbind + systemd) merge into one endpoint per socket
args: list --all --csv --from corpus/08a-ubuntu2004-netstat-tnap-indented.txt --from corpus/08b-ubuntu2004-ss-tanp-indented.txt
exit: 0
--- stdout
proto,family,local_address,interface,local_port,remote_address,remote_port,state,pid,process,services,exposure,phantom
tcp,ipv4,0.0.0.0,,111,,,listen,1 554,init rpcbind,,all,false
tcp,ipv4,127.0.0.53,lo,53,,,listen,556,systemd-resolve,,loopback,false
tcp,ipv4,0.0.0.0,,22,,,listen,804,sshd: /usr/sbin,,all,false
tcp,ipv4,10.0.2.15,,22,10.0.2.2,51724,established,1816 1853,sshd: vagrant sshd,,address,false
tcp,ipv6,::,,111,,,listen,1 554,init rpcbind,,all,false
tcp,ipv6,::,,22,,,listen,804,sshd: /usr/sbin,,all,false
--- stderr
