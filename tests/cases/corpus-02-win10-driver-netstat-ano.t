# corpus capture 02-win10-driver-netstat-ano: exact endpoint set
args: list --all --csv --from corpus/02-win10-driver-netstat-ano.txt
exit: 0
--- stdout
proto,family,local_address,interface,local_port,remote_address,remote_port,state,pid,process,services,exposure,phantom
tcp,ipv4,0.0.0.0,,80,,,listen,4,,,all,false
tcp,ipv4,0.0.0.0,,135,,,listen,716,,,all,false
tcp,ipv4,0.0.0.0,,445,,,listen,4,,,all,false
tcp,ipv4,0.0.0.0,,5985,,,listen,4,,,all,false
tcp,ipv4,0.0.0.0,,47001,,,listen,4,,,all,false
tcp,ipv4,0.0.0.0,,49408,,,listen,456,,,all,false
tcp,ipv4,0.0.0.0,,49409,,,listen,860,,,all,false
tcp,ipv4,0.0.0.0,,49410,,,listen,836,,,all,false
tcp,ipv4,0.0.0.0,,49411,,,listen,1264,,,all,false
tcp,ipv4,0.0.0.0,,49412,,,listen,572,,,all,false
tcp,ipv4,0.0.0.0,,49413,,,listen,580,,,all,false
tcp,ipv4,10.129.189.210,,139,,,listen,4,,,address,false
tcp,ipv4,10.129.189.210,,5985,10.10.14.74,56732,time-wait,0,,,address,false
tcp,ipv4,10.129.189.210,,5985,10.10.14.74,56734,established,4,,,address,false
tcp,ipv6,::,,80,,,listen,4,,,all,false
tcp,ipv6,::,,135,,,listen,716,,,all,false
tcp,ipv6,::,,445,,,listen,4,,,all,false
tcp,ipv6,::,,5985,,,listen,4,,,all,false
tcp,ipv6,::,,47001,,,listen,4,,,all,false
tcp,ipv6,::,,49408,,,listen,456,,,all,false
tcp,ipv6,::,,49409,,,listen,860,,,all,false
tcp,ipv6,::,,49410,,,listen,836,,,all,false
tcp,ipv6,::,,49411,,,listen,1264,,,all,false
tcp,ipv6,::,,49412,,,listen,572,,,all,false
tcp,ipv6,::,,49413,,,listen,580,,,all,false
udp,ipv4,0.0.0.0,,5353,,,unconn,72,,,all,false
udp,ipv4,0.0.0.0,,5355,,,unconn,72,,,all,false
udp,ipv4,0.0.0.0,,57943,,,unconn,72,,,all,false
udp,ipv4,10.129.189.210,,137,,,unconn,4,,,address,false
udp,ipv4,10.129.189.210,,138,,,unconn,4,,,address,false
udp,ipv4,10.129.189.210,,1900,,,unconn,884,,,address,false
udp,ipv4,10.129.189.210,,57470,,,unconn,884,,,address,false
udp,ipv4,127.0.0.1,,1900,,,unconn,884,,,loopback,false
udp,ipv4,127.0.0.1,,57471,,,unconn,884,,,loopback,false
udp,ipv6,::,,5353,,,unconn,72,,,all,false
udp,ipv6,::,,5355,,,unconn,72,,,all,false
udp,ipv6,::,,57943,,,unconn,72,,,all,false
udp,ipv6,::1,,1900,,,unconn,884,,,loopback,false
udp,ipv6,::1,,57469,,,unconn,884,,,loopback,false
udp,ipv6,fe80::182e:1ba9:7b17:351d,5,1900,,,unconn,884,,,address,false
udp,ipv6,fe80::182e:1ba9:7b17:351d,5,57468,,,unconn,884,,,address,false
--- stderr
