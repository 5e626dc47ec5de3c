# own capture 01 pasted into a markdown note: '> ' quote and TAB indentation, prose around it
args: list --all --csv --from own/12-ss-markdown-quoted.txt
exit: 0
--- stdout
proto,family,local_address,interface,local_port,remote_address,remote_port,state,pid,process,services,exposure,phantom
udp,ipv4,127.0.0.53,lo,53,,,unconn,31555,nmt-dns,,loopback,false
udp,ipv4,198.18.1.1,,123,,,unconn,31561,nmt-ntp,,address,false
udp,ipv4,0.0.0.0,,4789,,,unconn,,,,all,false
udp,ipv6,::1,,123,,,unconn,31561,nmt-ntp,,loopback,false
udp,ipv6,2001:db8:aaaa:bbbb:cccc:dddd:eeee:1,,123,,,unconn,31561,nmt-ntp,,address,false
tcp,ipv4,127.0.0.1,,8080,,,listen,31565,nmt-app,,loopback,false
tcp,ipv4,0.0.0.0,,80,,,listen,31546 31536,nmt-web,,all,false
tcp,ipv4,127.0.0.53,lo,53,,,listen,31555,nmt-dns,,loopback,false
tcp,ipv6,::,,80,,,listen,31546 31536,nmt-web,,all,false
tcp,ipv6,::,,22,,,listen,31550,nmt-ssh,,all,false
tcp,ipv6,::,,2222,,,listen,31565,nmt-app,,all,false
--- stderr
