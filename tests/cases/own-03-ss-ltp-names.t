# own capture (real ss): -ltp without -n: http, http-alt, domain, ssh service names, no Netid column
args: list --all --csv --from own/03-ss-ltp-names.txt
exit: 0
--- stdout
proto,family,local_address,interface,local_port,remote_address,remote_port,state,pid,process,services,exposure,phantom
tcp,ipv4,127.0.0.1,,8080,,,listen,31565,nmt-app,,loopback,false
tcp,ipv4,0.0.0.0,,80,,,listen,31546 31536,nmt-web,,all,false
tcp,ipv4,127.0.0.53,lo,53,,,listen,31555,nmt-dns,,loopback,false
tcp,ipv6,::,,80,,,listen,31546 31536,nmt-web,,all,false
tcp,ipv6,::,,22,,,listen,31550,nmt-ssh,,all,false
tcp,ipv6,::,,2222,,,listen,31565,nmt-app,,all,false
--- stderr
