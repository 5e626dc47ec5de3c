# corpus capture 06-debian-apache-netstat-alnop: exact endpoint set
args: list --all --csv --from corpus/06-debian-apache-netstat-alnop.txt
exit: 0
--- stdout
proto,family,local_address,interface,local_port,remote_address,remote_port,state,pid,process,services,exposure,phantom
tcp,ipv4,127.0.0.1,,3306,,,listen,540,mysqld,,loopback,false
tcp,ipv4,0.0.0.0,,22,,,listen,472,sshd,,all,false
tcp,ipv4,10.0.10.4,,22,120.35.33.11,58144,established,961,sshd: root@nott,,address,false
tcp,ipv4,10.0.10.4,,59968,10.11.55.21,3333,syn-sent,25691,./shell(1).el,,address,false
tcp,ipv4,10.0.10.4,,22,120.35.33.11,56644,established,824,sshd: root@pts/,,address,false
tcp,ipv6,::,,80,,,listen,523,apache2,,all,false
tcp,ipv6,::,,22,,,listen,472,sshd,,all,false
udp,ipv4,0.0.0.0,,68,,,unconn,334,dhclient,,all,false
udp,ipv4,10.0.10.4,,123,,,unconn,451,ntpd,,address,false
udp,ipv4,127.0.0.1,,123,,,unconn,451,ntpd,,loopback,false
udp,ipv4,0.0.0.0,,123,,,unconn,451,ntpd,,all,false
udp,ipv6,fe80::f0:ccff:fe9d,,123,,,unconn,451,ntpd,,address,false
udp,ipv6,::1,,123,,,unconn,451,ntpd,,loopback,false
udp,ipv6,::,,123,,,unconn,451,ntpd,,all,false
--- stderr
netmin: corpus/06-debian-apache-netstat-alnop.txt:17: the local address 'fe80::f0:ccff:fe9d::123' was cut short by netstat's column width; kept as 'fe80::f0:ccff:fe9d' (netstat -W prints it whole)
