# seed capture xp-0-initial.netstat-ano: exact endpoint set
args: list --all --csv --from seed/xp-0-initial.netstat-ano.txt
exit: 0
--- stdout
proto,family,local_address,interface,local_port,remote_address,remote_port,state,pid,process,services,exposure,phantom
tcp,ipv4,0.0.0.0,,135,,,listen,884,,,all,false
tcp,ipv4,0.0.0.0,,445,,,listen,4,,,all,false
tcp,ipv4,0.0.0.0,,1025,,,listen,976,,,all,false
tcp,ipv4,0.0.0.0,,5000,,,listen,1160,,,all,false
tcp,ipv4,192.70.106.143,,139,,,listen,4,,,address,false
udp,ipv4,0.0.0.0,,135,,,unconn,884,,,all,false
udp,ipv4,0.0.0.0,,445,,,unconn,4,,,all,false
udp,ipv4,0.0.0.0,,500,,,unconn,704,,,all,false
udp,ipv4,0.0.0.0,,1026,,,unconn,1112,,,all,false
udp,ipv4,0.0.0.0,,1027,,,unconn,976,,,all,false
udp,ipv4,127.0.0.1,,123,,,unconn,976,,,loopback,false
udp,ipv4,127.0.0.1,,1900,,,unconn,1160,,,loopback,false
udp,ipv4,192.70.106.143,,123,,,unconn,976,,,address,false
udp,ipv4,192.70.106.143,,137,,,unconn,4,,,address,false
udp,ipv4,192.70.106.143,,138,,,unconn,4,,,address,false
udp,ipv4,192.70.106.143,,1900,,,unconn,1160,,,address,false
--- stderr
