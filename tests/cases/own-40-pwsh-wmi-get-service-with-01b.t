# hand-made capture (own/40): Get-WmiObject win32_service (its list view) and Get-Service's default table of the corpus 01b host: ProcessId names the services of endpoints; Get-Service adds states only
args: list --csv --from corpus/01b-win7-chatterbox-netstat-ano.txt --from own/40-pwsh-wmi-list-get-service-win7.txt
exit: 0
--- stdout
proto,family,local_address,interface,local_port,remote_address,remote_port,state,pid,process,services,exposure,phantom
tcp,ipv4,0.0.0.0,,135,,,listen,700,,,all,false
tcp,ipv4,0.0.0.0,,445,,,listen,4,,,all,false
tcp,ipv4,0.0.0.0,,49152,,,listen,360,,,all,false
tcp,ipv4,0.0.0.0,,49153,,,listen,756,,Audiosrv,all,false
tcp,ipv4,0.0.0.0,,49154,,,listen,920,,AeLookupSvc,all,false
tcp,ipv4,0.0.0.0,,49155,,,listen,416,,,all,false
tcp,ipv4,0.0.0.0,,49156,,,listen,460,,,all,false
tcp,ipv4,10.129.254.227,,139,,,listen,4,,,address,false
tcp,ipv4,10.129.254.227,,9255,,,listen,2856,,,address,false
tcp,ipv4,10.129.254.227,,9256,,,listen,2856,,,address,false
tcp,ipv6,::,,135,,,listen,700,,,all,false
tcp,ipv6,::,,445,,,listen,4,,,all,false
tcp,ipv6,::,,49152,,,listen,360,,,all,false
tcp,ipv6,::,,49153,,,listen,756,,Audiosrv,all,false
tcp,ipv6,::,,49154,,,listen,920,,AeLookupSvc,all,false
tcp,ipv6,::,,49155,,,listen,416,,,all,false
tcp,ipv6,::,,49156,,,listen,460,,,all,false
udp,ipv4,0.0.0.0,,123,,,unconn,888,,,all,false
udp,ipv4,0.0.0.0,,500,,,unconn,920,,AeLookupSvc,all,false
udp,ipv4,0.0.0.0,,4500,,,unconn,920,,AeLookupSvc,all,false
udp,ipv4,0.0.0.0,,5355,,,unconn,1176,,,all,false
udp,ipv4,0.0.0.0,,56106,,,unconn,1176,,,all,false
udp,ipv4,10.129.254.227,,137,,,unconn,4,,,address,false
udp,ipv4,10.129.254.227,,138,,,unconn,4,,,address,false
udp,ipv4,10.129.254.227,,1900,,,unconn,3652,,,address,false
udp,ipv4,10.129.254.227,,9256,,,unconn,2856,,,address,false
udp,ipv4,127.0.0.1,,1900,,,unconn,3652,,,loopback,false
udp,ipv4,127.0.0.1,,50500,,,unconn,3652,,,loopback,false
udp,ipv6,::,,123,,,unconn,888,,,all,false
udp,ipv6,::,,500,,,unconn,920,,AeLookupSvc,all,false
udp,ipv6,::,,4500,,,unconn,920,,AeLookupSvc,all,false
udp,ipv6,::1,,1900,,,unconn,3652,,,loopback,false
udp,ipv6,::1,,50499,,,unconn,3652,,,loopback,false
--- stderr
