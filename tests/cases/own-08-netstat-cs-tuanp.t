# own capture (real netstat, LANG=cs_CZ.UTF-8): NASLOUCHÁ, SPOJENO, translated header
args: list --all --csv --from own/08-netstat-cs-tuanp.txt
exit: 0
--- stdout
proto,family,local_address,interface,local_port,remote_address,remote_port,state,pid,process,services,exposure,phantom
tcp,ipv4,127.0.0.1,,8080,,,listen,31565,python3,,loopback,false
tcp,ipv4,0.0.0.0,,80,,,listen,31536,python3,,all,false
tcp,ipv4,127.0.0.53,,53,,,listen,31555,python3,,loopback,false
tcp,ipv4,127.0.0.1,,8080,127.0.0.1,52784,established,31565,python3,,loopback,false
tcp,ipv4,127.0.0.1,,59256,127.0.0.1,2222,established,31565,python3,,loopback,false
tcp,ipv4,127.0.0.1,,52784,127.0.0.1,8080,established,31565,python3,,loopback,false
tcp,ipv6,::,,80,,,listen,31536,python3,,all,false
tcp,ipv6,::,,22,,,listen,31550,python3,,all,false
tcp,ipv6,::,,2222,,,listen,31565,python3,,all,false
tcp,ipv6,::ffff:127.0.0.1,,2222,::ffff:127.0.0.1,59256,established,31565,python3,,loopback,false
udp,ipv4,127.0.0.53,,53,,,unconn,31555,python3,,loopback,false
udp,ipv4,198.18.1.1,,123,,,unconn,31561,python3,,address,false
udp,ipv4,0.0.0.0,,4789,,,unconn,,,,all,false
udp,ipv6,::1,,123,,,unconn,31561,python3,,loopback,false
udp,ipv6,2001:db8:aaaa:bbbb,,123,,,unconn,31561,python3,,address,false
--- stderr
netmin: own/08-netstat-cs-tuanp.txt:18: the local address '2001:db8:aaaa:bbbb::123' was cut short by netstat's column width; kept as '2001:db8:aaaa:bbbb' (netstat -W prints it whole)
