# corpus capture 12-ubuntu-ss-unap-wireguard-tabindent: exact endpoint set
args: list --all --csv --from corpus/12-ubuntu-ss-unap-wireguard-tabindent.txt
exit: 0
--- stdout
proto,family,local_address,interface,local_port,remote_address,remote_port,state,pid,process,services,exposure,phantom
udp,ipv4,127.0.0.53,lo,53,,,unconn,2680293,systemd-resolve,,loopback,false
udp,ipv4,0.0.0.0,,51820,,,unconn,,,,all,false
udp,ipv4,0.0.0.0,,5353,,,unconn,122687,avahi-daemon,,all,false
udp,ipv4,0.0.0.0,,41492,,,unconn,122687,avahi-daemon,,all,false
udp,ipv6,::,,33333,,,unconn,122687,avahi-daemon,,all,false
udp,ipv6,::,,51820,,,unconn,,,,all,false
udp,ipv6,::,,5353,,,unconn,122687,avahi-daemon,,all,false
--- stderr
