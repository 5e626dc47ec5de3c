# corpus capture 07a-ubuntu2004-ss-ltp-servicenames: exact endpoint set
args: list --all --csv --from corpus/07a-ubuntu2004-ss-ltp-servicenames.txt
exit: 0
--- stdout
proto,family,local_address,interface,local_port,remote_address,remote_port,state,pid,process,services,exposure,phantom
tcp,ipv4,127.0.0.1,,8125,,,listen,1273,netdata,,loopback,false
tcp,ipv4,0.0.0.0,,19999,,,listen,1273,netdata,,all,false
tcp,ipv4,0.0.0.0,,8001,,,listen,1339 1338 1337 1336 1335,nginx,,all,false
tcp,ipv4,0.0.0.0,,8002,,,listen,1339 1338 1337 1336 1335,nginx,,all,false
tcp,ipv4,0.0.0.0,,8003,,,listen,1339 1338 1337 1336 1335,nginx,,all,false
tcp,ipv4,0.0.0.0,,80,,,listen,1339 1338 1337 1336 1335,nginx,,all,false
tcp,ipv4,127.0.0.53,lo,53,,,listen,952,systemd-resolve,,loopback,false
tcp,ipv4,0.0.0.0,,22,,,listen,1340,sshd,,all,false
tcp,ipv6,::,,8001,,,listen,1339 1338 1337 1336 1335,nginx,,all,false
tcp,ipv6,::,,8002,,,listen,1339 1338 1337 1336 1335,nginx,,all,false
tcp,ipv6,::,,8003,,,listen,1339 1338 1337 1336 1335,nginx,,all,false
tcp,ipv6,::,,9100,,,listen,1271,node_exporter,,all,false
tcp,ipv6,::,,22,,,listen,1340,sshd,,all,false
--- stderr
