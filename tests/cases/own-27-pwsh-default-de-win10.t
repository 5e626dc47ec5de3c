# hand-made capture (own/27): Get-NetTCPConnection and Get-NetUDPEndpoint default tables on a German Windows 10 (property names and states stay English); Bound and TimeWait rows, fe80::%12 zones, an IPv6 address cut with '...' (kept, flagged, warned)
args: list --all --csv --from own/27-pwsh-tcp-udp-default-de-win10.txt
exit: 0
--- stdout
proto,family,local_address,interface,local_port,remote_address,remote_port,state,pid,process,services,exposure,phantom
tcp,ipv6,::,,49670,,,listen,3556,,,all,false
tcp,ipv6,::,,49669,,,listen,680,,,all,false
tcp,ipv6,::,,49668,,,listen,2284,,,all,false
tcp,ipv6,::,,49667,,,listen,1312,,,all,false
tcp,ipv6,::,,49666,,,listen,1236,,,all,false
tcp,ipv6,::,,49665,,,listen,600,,,all,false
tcp,ipv6,::,,49664,,,listen,712,,,all,false
tcp,ipv6,::,,7680,,,listen,4120,,,all,false
tcp,ipv6,::,,445,,,listen,4,,,all,false
tcp,ipv6,::,,135,,,listen,1000,,,all,false
tcp,ipv6,2a02:8109:b6c0:4f00:8d3e:91c2:57,,49822,2a01:111:f100:3000::a83e:1d4a,443,established,6904,,,address,false
tcp,ipv6,fe80::9c41:2b7e:61d0:3a5f,12,49823,fe80::1,445,syn-sent,4,,,address,false
tcp,ipv4,0.0.0.0,,49670,,,listen,3556,,,all,false
tcp,ipv4,0.0.0.0,,49669,,,listen,680,,,all,false
tcp,ipv4,0.0.0.0,,49668,,,listen,2284,,,all,false
tcp,ipv4,0.0.0.0,,49667,,,listen,1312,,,all,false
tcp,ipv4,0.0.0.0,,49666,,,listen,1236,,,all,false
tcp,ipv4,0.0.0.0,,49665,,,listen,600,,,all,false
tcp,ipv4,0.0.0.0,,49664,,,listen,712,,,all,false
tcp,ipv4,0.0.0.0,,49811,,,bound,6904,,,all,false
tcp,ipv4,192.168.178.24,,49812,52.113.194.132,443,time-wait,0,,,address,false
tcp,ipv4,192.168.178.24,,49811,20.199.120.151,443,established,6904,,,address,false
tcp,ipv4,127.0.0.1,,49702,127.0.0.1,49703,established,6904,,,loopback,false
tcp,ipv4,127.0.0.1,,49703,127.0.0.1,49702,established,6904,,,loopback,false
tcp,ipv4,192.168.178.24,,139,,,listen,4,,,address,false
tcp,ipv4,0.0.0.0,,7680,,,listen,4120,,,all,false
tcp,ipv4,0.0.0.0,,5040,,,listen,2392,,,all,false
tcp,ipv4,0.0.0.0,,445,,,listen,4,,,all,false
tcp,ipv4,0.0.0.0,,135,,,listen,1000,,,all,false
udp,ipv6,::1,,61355,,,unconn,,,,loopback,false
udp,ipv6,::,,5355,,,unconn,,,,all,false
udp,ipv6,::,,5353,,,unconn,,,,all,false
udp,ipv6,::,,4500,,,unconn,,,,all,false
udp,ipv6,::,,3702,,,unconn,,,,all,false
udp,ipv6,::,,500,,,unconn,,,,all,false
udp,ipv6,::,,123,,,unconn,,,,all,false
udp,ipv6,fe80::9c41:2b7e:61d0:3a5f,12,1900,,,unconn,,,,address,false
udp,ipv4,0.0.0.0,,58211,,,unconn,,,,all,false
udp,ipv4,0.0.0.0,,5355,,,unconn,,,,all,false
udp,ipv4,0.0.0.0,,5353,,,unconn,,,,all,false
udp,ipv4,0.0.0.0,,5050,,,unconn,,,,all,false
udp,ipv4,0.0.0.0,,4500,,,unconn,,,,all,false
udp,ipv4,0.0.0.0,,3702,,,unconn,,,,all,false
udp,ipv4,0.0.0.0,,500,,,unconn,,,,all,false
udp,ipv4,0.0.0.0,,123,,,unconn,,,,all,false
udp,ipv4,127.0.0.1,,61357,,,unconn,,,,loopback,false
udp,ipv4,127.0.0.1,,1900,,,unconn,,,,loopback,false
udp,ipv4,192.168.178.24,,61356,,,unconn,,,,address,false
udp,ipv4,192.168.178.24,,1900,,,unconn,,,,address,false
udp,ipv4,192.168.178.24,,138,,,unconn,,,,address,false
udp,ipv4,192.168.178.24,,137,,,unconn,,,,address,false
--- stderr
netmin: own/27-pwsh-tcp-udp-default-de-win10.txt:18: PowerShell cut the local address to fit its column ("2a02:8109:b6c0:4f00:8d3e:91c2:57..."): it is kept as far as it goes; use Format-Table -AutoSize or Format-List
