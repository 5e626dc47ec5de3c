# ss -tulpn and netstat -tulpn pasted into one file: the ss rows are read, a warning says the netstat rows were not
args: list --all --csv --from own/14-ss-and-netstat-in-one-file.txt
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
netmin: own/14-ss-and-netstat-in-one-file.txt: 11 lines look like netstat-linux rows and were not read (the file was read as ss); give each tool's output its own --from
