# Windows 2000 seed capture (no PIDs) + a saved netmin rpcdump of the same host: the endpoint map names the services behind 1025-1029 (MSDTC, Schedule, IISADMIN, Messenger) and 135
args: list --csv --os windows-2000 --from seed/w2k-0-initial.netstat-an.txt --from rpcdump/w2k-seed.rpcdump.json
exit: 0
--- stdout
proto,family,local_address,interface,local_port,remote_address,remote_port,state,pid,process,services,exposure,phantom
tcp,ipv4,0.0.0.0,,25,,,listen,,,,all,false
tcp,ipv4,0.0.0.0,,80,,,listen,,,,all,false
tcp,ipv4,0.0.0.0,,135,,,listen,,,RpcSs,all,false
tcp,ipv4,0.0.0.0,,443,,,listen,,,,all,false
tcp,ipv4,0.0.0.0,,445,,,listen,,,,all,false
tcp,ipv4,0.0.0.0,,1025,,,listen,,,MSDTC,all,false
tcp,ipv4,0.0.0.0,,1026,,,listen,,,Schedule,all,false
tcp,ipv4,0.0.0.0,,1027,,,listen,,,IISADMIN,all,false
tcp,ipv4,0.0.0.0,,3372,,,listen,,,,all,false
tcp,ipv4,0.0.0.0,,4983,,,listen,,,,all,false
tcp,ipv4,192.70.106.143,,139,,,listen,,,,address,false
udp,ipv4,0.0.0.0,,135,,,unconn,,,RpcSs,all,false
udp,ipv4,0.0.0.0,,445,,,unconn,,,,all,false
udp,ipv4,0.0.0.0,,1028,,,unconn,,,IISADMIN,all,false
udp,ipv4,0.0.0.0,,1029,,,unconn,,,Messenger,all,false
udp,ipv4,0.0.0.0,,3456,,,unconn,,,,all,false
udp,ipv4,192.70.106.143,,137,,,unconn,,,,address,false
udp,ipv4,192.70.106.143,,138,,,unconn,,,,address,false
udp,ipv4,192.70.106.143,,500,,,unconn,,,,address,false
--- stderr
netmin: rpcdump/w2k-seed.rpcdump.json:143: the endpoint map names tcp/593 (epmapper) but no capture shows it open
