# corpus capture 05-centos-bt-netstat-anopt: exact endpoint set
args: list --all --csv --from corpus/05-centos-bt-netstat-anopt.txt
exit: 0
--- stdout
proto,family,local_address,interface,local_port,remote_address,remote_port,state,pid,process,services,exposure,phantom
tcp,ipv4,0.0.0.0,,80,,,listen,2592,nginx: master,,all,false
tcp,ipv4,0.0.0.0,,22,,,listen,1510,sshd,,all,false
tcp,ipv4,0.0.0.0,,888,,,listen,2592,nginx: master,,all,false
tcp,ipv4,127.0.0.1,,25,,,listen,1366,master,,loopback,false
tcp,ipv4,0.0.0.0,,39802,,,listen,7518,python3,,all,false
tcp,ipv4,10.0.10.1,,34586,172.67.148.203,8782,syn-sent,2600,nginx: worker,,address,false
tcp,ipv4,10.0.10.1,,59734,104.21.73.196,8782,syn-sent,2601,nginx: worker,,address,false
tcp,ipv4,10.0.10.1,,22,218.106.157.103,56033,established,9264,sshd: centos [,,address,false
tcp,ipv6,::,,3306,,,listen,2417,mysqld,,all,false
tcp,ipv6,::,,22,,,listen,1510,sshd,,all,false
tcp,ipv6,::1,,25,,,listen,1366,master,,loopback,false
--- stderr
