# seed capture xp-phantom-listening.netstat-anp-tcp: exact endpoint set
args: list --all --csv --from seed/xp-phantom-listening.netstat-anp-tcp.txt
exit: 0
--- stdout
proto,family,local_address,interface,local_port,remote_address,remote_port,state,pid,process,services,exposure,phantom
tcp,ipv4,0.0.0.0,,1367,,,listen,,,,all,true
tcp,ipv4,192.70.106.142,,1367,192.70.106.76,22,established,,,,address,false
--- stderr
netmin: seed/xp-phantom-listening.netstat-anp-tcp.txt:2: 0.0.0.0:1367 LISTENING is taken for an old-Windows phantom of the connection on line 3 (use --os to say the generation)
