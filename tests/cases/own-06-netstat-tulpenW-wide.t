# own capture (real netstat): -tulpenW: User and Inode columns, -W keeps the long IPv6 address whole
args: list --all --csv --from own/06-netstat-tulpenW-wide.txt
exit: 0
--- stdout
proto,family,local_address,interface,local_port,remote_address,remote_port,state,pid,process,services,exposure,phantom
tcp,ipv4,127.0.0.1,,8080,,,listen,31565,python3,,loopback,false
tcp,ipv4,0.0.0.0,,80,,,listen,31536,python3,,all,false
tcp,ipv4,127.0.0.53,,53,,,listen,31555,python3,,loopback,false
tcp,ipv6,::,,80,,,listen,31536,python3,,all,false
tcp,ipv6,::,,22,,,listen,31550,python3,,all,false
tcp,ipv6,::,,2222,,,listen,31565,python3,,all,false
udp,ipv4,127.0.0.53,,53,,,unconn,31555,python3,,loopback,false
udp,ipv4,198.18.1.1,,123,,,unconn,31561,python3,,address,false
udp,ipv4,0.0.0.0,,4789,,,unconn,,,,all,false
udp,ipv6,::1,,123,,,unconn,31561,python3,,loopback,false
udp,ipv6,2001:db8:aaaa:bbbb:cccc:dddd:eeee:1,,123,,,unconn,31561,python3,,address,false
--- stderr
