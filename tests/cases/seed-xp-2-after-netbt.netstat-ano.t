# seed capture xp-2-after-netbt.netstat-ano: exact endpoint set
args: list --all --csv --from seed/xp-2-after-netbt.netstat-ano.txt
exit: 0
--- stdout
proto,family,local_address,interface,local_port,remote_address,remote_port,state,pid,process,services,exposure,phantom
tcp,ipv4,0.0.0.0,,135,,,listen,884,,,all,false
tcp,ipv4,0.0.0.0,,445,,,listen,4,,,all,false
tcp,ipv4,0.0.0.0,,1025,,,listen,976,,,all,false
udp,ipv4,0.0.0.0,,135,,,unconn,884,,,all,false
udp,ipv4,0.0.0.0,,445,,,unconn,4,,,all,false
udp,ipv4,0.0.0.0,,1026,,,unconn,1112,,,all,false
udp,ipv4,0.0.0.0,,1027,,,unconn,976,,,all,false
--- stderr
