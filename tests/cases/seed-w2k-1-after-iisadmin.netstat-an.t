# seed capture w2k-1-after-iisadmin.netstat-an: exact endpoint set
args: list --all --csv --from seed/w2k-1-after-iisadmin.netstat-an.txt
exit: 0
--- stdout
proto,family,local_address,interface,local_port,remote_address,remote_port,state,pid,process,services,exposure,phantom
tcp,ipv4,0.0.0.0,,135,,,listen,,,,all,false
tcp,ipv4,0.0.0.0,,445,,,listen,,,,all,false
tcp,ipv4,0.0.0.0,,1025,,,listen,,,,all,false
tcp,ipv4,0.0.0.0,,1026,,,listen,,,,all,false
tcp,ipv4,0.0.0.0,,3372,,,listen,,,,all,false
tcp,ipv4,192.70.106.143,,139,,,listen,,,,address,false
udp,ipv4,0.0.0.0,,135,,,unconn,,,,all,false
udp,ipv4,0.0.0.0,,445,,,unconn,,,,all,false
udp,ipv4,0.0.0.0,,1029,,,unconn,,,,all,false
udp,ipv4,192.70.106.143,,137,,,unconn,,,,address,false
udp,ipv4,192.70.106.143,,138,,,unconn,,,,address,false
udp,ipv4,192.70.106.143,,500,,,unconn,,,,address,false
--- stderr
