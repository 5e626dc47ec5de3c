# seed capture w2k-4-after-netbt.netstat-an: exact endpoint set
args: list --all --csv --from seed/w2k-4-after-netbt.netstat-an.txt
exit: 0
--- stdout
proto,family,local_address,interface,local_port,remote_address,remote_port,state,pid,process,services,exposure,phantom
tcp,ipv4,0.0.0.0,,135,,,listen,,,,all,false
tcp,ipv4,0.0.0.0,,445,,,listen,,,,all,false
tcp,ipv4,0.0.0.0,,1026,,,listen,,,,all,false
udp,ipv4,0.0.0.0,,135,,,unconn,,,,all,false
udp,ipv4,0.0.0.0,,445,,,unconn,,,,all,false
udp,ipv4,0.0.0.0,,1029,,,unconn,,,,all,false
--- stderr
