# one host seen by netstat -tulpn (cut address), ss -tulpn and lsof -nP: each socket once, owners merged, the whole address wins
args: list --all --csv --from own/05-netstat-tulpn-cut.txt --from own/01-ss-tulpn.txt --from own/10-lsof-nP.txt
exit: 0
--- stdout
proto,family,local_address,interface,local_port,remote_address,remote_port,state,pid,process,services,exposure,phantom
tcp,ipv4,127.0.0.1,,8080,,,listen,31565,python3,,loopback,false
tcp,ipv4,0.0.0.0,,80,,,listen,31536 31546,python3 nmt-web,,all,false
tcp,ipv4,127.0.0.53,lo,53,,,listen,31555,python3,,loopback,false
tcp,ipv6,::,,80,,,listen,31536 31546,python3 nmt-web,,all,false
tcp,ipv6,::,,22,,,listen,31550,python3,,all,false
tcp,ipv6,::,,2222,,,listen,31565,python3,,all,false
udp,ipv4,127.0.0.53,lo,53,,,unconn,31555,python3,,loopback,false
udp,ipv4,198.18.1.1,,123,,,unconn,31561,python3,,address,false
udp,ipv4,0.0.0.0,,4789,,,unconn,,,,all,false
udp,ipv6,::1,,123,,,unconn,31561,python3,,loopback,false
udp,ipv6,2001:db8:aaaa:bbbb:cccc:dddd:eeee:1,,123,,,unconn,31561,python3,,address,false
tcp,ipv4,127.0.0.1,,52784,127.0.0.1,8080,established,31565,nmt-app,,loopback,false
tcp,ipv4,127.0.0.1,,8080,127.0.0.1,52784,established,31565,nmt-app,,loopback,false
tcp,ipv4,127.0.0.1,,59256,127.0.0.1,2222,established,31565,nmt-app,,loopback,false
tcp,ipv6,::ffff:127.0.0.1,,2222,::ffff:127.0.0.1,59256,established,31565,nmt-app,,loopback,false
--- stderr
netmin: own/05-netstat-tulpn-cut.txt:14: the local address '2001:db8:aaaa:bbbb::123' was cut short by netstat's column width; kept as '2001:db8:aaaa:bbbb' (netstat -W prints it whole)
