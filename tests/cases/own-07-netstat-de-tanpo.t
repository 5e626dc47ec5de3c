# own capture (real netstat, LANG=de_DE.UTF-8): German header, VERBUNDEN, timer 'aus (0.00/0/0)'
args: list --all --csv --from own/07-netstat-de-tanpo.txt
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
--- stderr
