# hand-written in the form iproute2 before 4.x (CentOS 7) printed: * is 0.0.0.0, IPv6 without brackets, fe80::...%eth0 zone
args: list --all --csv --from own/11-ss-old-style.txt
exit: 0
--- stdout
proto,family,local_address,interface,local_port,remote_address,remote_port,state,pid,process,services,exposure,phantom
udp,ipv4,0.0.0.0,,68,,,unconn,713,dhclient,,all,false
udp,ipv4,127.0.0.1,,323,,,unconn,658,chronyd,,loopback,false
udp,ipv6,::1,,323,,,unconn,658,chronyd,,loopback,false
udp,ipv6,fe80::5054:ff:fe12:3456,eth0,546,,,unconn,801,dhclient,,address,false
tcp,ipv4,0.0.0.0,,22,,,listen,1013,sshd,,all,false
tcp,ipv4,127.0.0.1,,25,,,listen,1234,master,,loopback,false
tcp,ipv6,::,,22,,,listen,1013,sshd,,all,false
tcp,ipv6,::1,,25,,,listen,1234,master,,loopback,false
--- stderr
