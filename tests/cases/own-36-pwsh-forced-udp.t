# hand-made capture (own/36) read with pwsh-udp:FILE
args: list --csv --from pwsh-udp:own/36-pwsh-table-from-variable.txt
exit: 0
--- stdout
proto,family,local_address,interface,local_port,remote_address,remote_port,state,pid,process,services,exposure,phantom
udp,ipv4,0.0.0.0,,135,,,unconn,912,,,all,false
udp,ipv4,0.0.0.0,,445,,,unconn,4,,,all,false
udp,ipv6,::,,135,,,unconn,912,,,all,false
--- stderr
