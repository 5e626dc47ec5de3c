# corpus capture 04-zhCN-win2008r2-netstat-ano: exact endpoint set
args: list --all --csv --from corpus/04-zhCN-win2008r2-netstat-ano.txt
exit: 0
--- stdout
proto,family,local_address,interface,local_port,remote_address,remote_port,state,pid,process,services,exposure,phantom
tcp,ipv4,0.0.0.0,,135,,,listen,860,,,all,false
tcp,ipv4,0.0.0.0,,445,,,listen,4,,,all,false
tcp,ipv4,0.0.0.0,,3306,,,listen,1596,,,all,false
tcp,ipv4,0.0.0.0,,3389,,,listen,1152,,,all,false
tcp,ipv4,0.0.0.0,,5357,,,listen,4,,,all,false
tcp,ipv4,0.0.0.0,,8088,,,listen,1920,,,all,false
tcp,ipv4,0.0.0.0,,8088,,,listen,1972,,,all,false
tcp,ipv4,0.0.0.0,,8088,,,listen,1772,,,all,false
tcp,ipv4,0.0.0.0,,8088,,,listen,1872,,,all,false
tcp,ipv4,0.0.0.0,,49152,,,listen,580,,,all,false
tcp,ipv4,0.0.0.0,,49153,,,listen,912,,,all,false
tcp,ipv4,0.0.0.0,,49154,,,listen,448,,,all,false
tcp,ipv4,0.0.0.0,,49164,,,listen,672,,,all,false
tcp,ipv4,0.0.0.0,,49165,,,listen,2436,,,all,false
tcp,ipv4,0.0.0.0,,49167,,,listen,680,,,all,false
tcp,ipv4,10.0.10.6,,139,,,listen,4,,,address,false
tcp,ipv4,10.0.10.6,,3389,218.106.157.104,50468,established,1152,,,address,false
tcp,ipv4,10.0.10.6,,49172,23.49.60.111,80,syn-sent,1152,,,address,false
tcp,ipv4,10.0.10.6,,49173,23.49.60.96,80,syn-sent,2076,,,address,false
tcp,ipv4,10.0.10.6,,49174,185.117.118.21,4444,syn-sent,2976,,,address,false
tcp,ipv4,10.0.10.6,,49177,23.49.60.96,80,syn-sent,2076,,,address,false
tcp,ipv4,127.0.0.1,,9000,,,listen,1612,,,loopback,false
tcp,ipv4,127.0.0.1,,9002,,,listen,1628,,,loopback,false
tcp,ipv4,127.0.0.1,,9004,,,listen,1636,,,loopback,false
tcp,ipv6,::,,135,,,listen,860,,,all,false
tcp,ipv6,::,,445,,,listen,4,,,all,false
tcp,ipv6,::,,3306,,,listen,1596,,,all,false
tcp,ipv6,::,,3389,,,listen,1152,,,all,false
tcp,ipv6,::,,5357,,,listen,4,,,all,false
tcp,ipv6,::,,49152,,,listen,580,,,all,false
tcp,ipv6,::,,49153,,,listen,912,,,all,false
tcp,ipv6,::,,49154,,,listen,448,,,all,false
tcp,ipv6,::,,49164,,,listen,672,,,all,false
tcp,ipv6,::,,49165,,,listen,2436,,,all,false
tcp,ipv6,::,,49167,,,listen,680,,,all,false
udp,ipv4,0.0.0.0,,500,,,unconn,448,,,all,false
udp,ipv4,0.0.0.0,,3702,,,unconn,1488,,,all,false
udp,ipv4,0.0.0.0,,3702,,,unconn,1488,,,all,false
udp,ipv4,0.0.0.0,,4500,,,unconn,448,,,all,false
udp,ipv4,0.0.0.0,,5355,,,unconn,1152,,,all,false
udp,ipv4,0.0.0.0,,65288,,,unconn,1488,,,all,false
udp,ipv4,10.0.10.6,,137,,,unconn,4,,,address,false
udp,ipv4,10.0.10.6,,138,,,unconn,4,,,address,false
udp,ipv6,::,,500,,,unconn,448,,,all,false
udp,ipv6,::,,3702,,,unconn,1488,,,all,false
udp,ipv6,::,,3702,,,unconn,1488,,,all,false
udp,ipv6,::,,4500,,,unconn,448,,,all,false
udp,ipv6,::,,5355,,,unconn,1152,,,all,false
udp,ipv6,::,,65289,,,unconn,1488,,,all,false
udp,ipv6,fe80::ed19:384:ef72:64a8,14,546,,,unconn,912,,,address,false
--- stderr
