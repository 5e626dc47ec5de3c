# hand-made capture (own/28): Select-Object LocalAddress,LocalPort,OwningProcess | Format-Table -AutoSize (numbers right-aligned) for TCP -State Listen and for UDP; the command lines say which is which
args: list --csv --from own/28-pwsh-select-autosize-2019.txt
exit: 0
--- stdout
proto,family,local_address,interface,local_port,remote_address,remote_port,state,pid,process,services,exposure,phantom
tcp,ipv4,0.0.0.0,,135,,,listen,948,,,all,false
tcp,ipv4,0.0.0.0,,445,,,listen,4,,,all,false
tcp,ipv4,0.0.0.0,,3389,,,listen,1044,,,all,false
tcp,ipv4,0.0.0.0,,5985,,,listen,4,,,all,false
tcp,ipv4,0.0.0.0,,47001,,,listen,4,,,all,false
tcp,ipv4,0.0.0.0,,49664,,,listen,656,,,all,false
tcp,ipv4,0.0.0.0,,49665,,,listen,512,,,all,false
tcp,ipv4,0.0.0.0,,49666,,,listen,1172,,,all,false
tcp,ipv4,0.0.0.0,,49667,,,listen,1584,,,all,false
tcp,ipv4,0.0.0.0,,49668,,,listen,2316,,,all,false
tcp,ipv4,0.0.0.0,,49671,,,listen,640,,,all,false
tcp,ipv4,10.20.0.14,,139,,,listen,4,,,address,false
tcp,ipv6,::,,135,,,listen,948,,,all,false
tcp,ipv6,::,,445,,,listen,4,,,all,false
tcp,ipv6,::,,3389,,,listen,1044,,,all,false
tcp,ipv6,::,,5985,,,listen,4,,,all,false
tcp,ipv6,::,,47001,,,listen,4,,,all,false
tcp,ipv6,::,,49664,,,listen,656,,,all,false
tcp,ipv6,::,,49665,,,listen,512,,,all,false
tcp,ipv6,::,,49666,,,listen,1172,,,all,false
tcp,ipv6,::,,49667,,,listen,1584,,,all,false
tcp,ipv6,::,,49668,,,listen,2316,,,all,false
tcp,ipv6,::,,49671,,,listen,640,,,all,false
udp,ipv4,0.0.0.0,,123,,,unconn,1360,,,all,false
udp,ipv4,0.0.0.0,,500,,,unconn,2512,,,all,false
udp,ipv4,0.0.0.0,,3389,,,unconn,1044,,,all,false
udp,ipv4,0.0.0.0,,4500,,,unconn,2512,,,all,false
udp,ipv4,0.0.0.0,,5353,,,unconn,1452,,,all,false
udp,ipv4,0.0.0.0,,5355,,,unconn,1452,,,all,false
udp,ipv4,10.20.0.14,,137,,,unconn,4,,,address,false
udp,ipv4,10.20.0.14,,138,,,unconn,4,,,address,false
udp,ipv6,::,,123,,,unconn,1360,,,all,false
udp,ipv6,::,,500,,,unconn,2512,,,all,false
udp,ipv6,::,,3389,,,unconn,1044,,,all,false
udp,ipv6,::,,4500,,,unconn,2512,,,all,false
udp,ipv6,::,,5353,,,unconn,1452,,,all,false
udp,ipv6,::,,5355,,,unconn,1452,,,all,false
--- stderr
