# hand-made capture (own/20): plain tasklist (no /svc) of the host of corpus 03: PID -> image only, no services
args: list --all --csv --from corpus/03-srv2016-relevant-netstat-ano.txt --from own/20-tasklist-plain-2016.txt
exit: 0
--- stdout
proto,family,local_address,interface,local_port,remote_address,remote_port,state,pid,process,services,exposure,phantom
tcp,ipv4,0.0.0.0,,80,,,listen,4,System,,all,false
tcp,ipv4,0.0.0.0,,135,,,listen,876,svchost.exe,,all,false
tcp,ipv4,0.0.0.0,,445,,,listen,4,System,,all,false
tcp,ipv4,0.0.0.0,,3389,,,listen,612,svchost.exe,,all,false
tcp,ipv4,0.0.0.0,,5985,,,listen,4,System,,all,false
tcp,ipv4,0.0.0.0,,47001,,,listen,4,System,,all,false
tcp,ipv4,0.0.0.0,,49663,,,listen,4,System,,all,false
tcp,ipv4,0.0.0.0,,49664,,,listen,624,wininit.exe,,all,false
tcp,ipv4,0.0.0.0,,49665,,,listen,740,svchost.exe,,all,false
tcp,ipv4,0.0.0.0,,49666,,,listen,796,svchost.exe,,all,false
tcp,ipv4,0.0.0.0,,49667,,,listen,728,lsass.exe,,all,false
tcp,ipv4,0.0.0.0,,49669,,,listen,1824,spoolsv.exe,,all,false
tcp,ipv4,0.0.0.0,,49672,,,listen,732,services.exe,,all,false
tcp,ipv4,10.10.101.165,,139,,,listen,4,System,,address,false
tcp,ipv4,10.10.101.165,,49663,10.6.31.77,47220,time-wait,0,System Idle Process,,address,false
tcp,ipv4,10.10.101.165,,49663,10.6.31.77,47224,established,4,System,,address,false
tcp,ipv4,10.10.101.165,,49885,20.49.150.241,443,syn-sent,1916,svchost.exe,,address,false
tcp,ipv6,::,,80,,,listen,4,System,,all,false
tcp,ipv6,::,,135,,,listen,876,svchost.exe,,all,false
tcp,ipv6,::,,445,,,listen,4,System,,all,false
tcp,ipv6,::,,3389,,,listen,612,svchost.exe,,all,false
tcp,ipv6,::,,5985,,,listen,4,System,,all,false
tcp,ipv6,::,,47001,,,listen,4,System,,all,false
tcp,ipv6,::,,49663,,,listen,4,System,,all,false
tcp,ipv6,::,,49664,,,listen,624,wininit.exe,,all,false
tcp,ipv6,::,,49665,,,listen,740,svchost.exe,,all,false
tcp,ipv6,::,,49666,,,listen,796,svchost.exe,,all,false
tcp,ipv6,::,,49667,,,listen,728,lsass.exe,,all,false
tcp,ipv6,::,,49669,,,listen,1824,spoolsv.exe,,all,false
tcp,ipv6,::,,49672,,,listen,732,services.exe,,all,false
udp,ipv4,0.0.0.0,,123,,,unconn,1112,svchost.exe,,all,false
udp,ipv4,0.0.0.0,,3389,,,unconn,612,svchost.exe,,all,false
udp,ipv4,0.0.0.0,,5050,,,unconn,1112,svchost.exe,,all,false
udp,ipv4,0.0.0.0,,5353,,,unconn,1232,svchost.exe,,all,false
udp,ipv4,0.0.0.0,,5355,,,unconn,1232,svchost.exe,,all,false
udp,ipv4,10.10.101.165,,137,,,unconn,4,System,,address,false
udp,ipv4,10.10.101.165,,138,,,unconn,4,System,,address,false
udp,ipv6,::,,123,,,unconn,1112,svchost.exe,,all,false
udp,ipv6,::,,3389,,,unconn,612,svchost.exe,,all,false
udp,ipv6,::,,5353,,,unconn,1232,svchost.exe,,all,false
udp,ipv6,::,,5355,,,unconn,1232,svchost.exe,,all,false
--- stderr
