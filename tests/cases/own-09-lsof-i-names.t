# own capture (real lsof 4.95): -i without -n/-P: localhost, service names, forked owners sharing a DEVICE
args: list --all --csv --from own/09-lsof-i-names.txt
exit: 0
--- stdout
proto,family,local_address,interface,local_port,remote_address,remote_port,state,pid,process,services,exposure,phantom
tcp,ipv4,0.0.0.0,,80,,,listen,31536 31546,nmt-web,,all,false
tcp,ipv6,::,,80,,,listen,31536 31546,nmt-web,,all,false
tcp,ipv6,::,,22,,,listen,31550,nmt-ssh,,all,false
udp,ipv4,127.0.0.53,,53,,,unconn,31555,nmt-dns,,loopback,false
tcp,ipv4,127.0.0.53,,53,,,listen,31555,nmt-dns,,loopback,false
udp,ipv6,2001:db8:aaaa:bbbb:cccc:dddd:eeee:1,,123,,,unconn,31561,nmt-ntp,,address,false
udp,ipv4,198.18.1.1,,123,,,unconn,31561,nmt-ntp,,address,false
udp,ipv6,::1,,123,,,unconn,31561,nmt-ntp,,loopback,false
tcp,ipv4,localhost,,8080,,,listen,31565,nmt-app,,loopback,false
tcp,ipv4,localhost,,52784,localhost,8080,established,31565,nmt-app,,loopback,false
tcp,ipv4,localhost,,8080,localhost,52784,established,31565,nmt-app,,loopback,false
tcp,ipv6,::,,2222,,,listen,31565,nmt-app,,all,false
tcp,ipv4,localhost,,59256,localhost,2222,established,31565,nmt-app,,loopback,false
tcp,ipv6,localhost,,2222,localhost,59256,established,31565,nmt-app,,loopback,false
--- stderr
