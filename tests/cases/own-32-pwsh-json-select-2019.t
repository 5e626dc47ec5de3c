# hand-made capture (own/32): Select-Object ... | ConvertTo-Json behind a prompt; State as the enum's number (2 Listen, 5 Established, 11 TimeWait)
args: list --all --csv --from own/32-pwsh-json-select-2019.txt
exit: 0
--- stdout
proto,family,local_address,interface,local_port,remote_address,remote_port,state,pid,process,services,exposure,phantom
tcp,ipv6,::,,135,,,listen,1012,,,all,false
tcp,ipv6,::,,445,,,listen,4,,,all,false
tcp,ipv6,::,,3389,,,listen,1108,,,all,false
tcp,ipv4,0.0.0.0,,135,,,listen,1012,,,all,false
tcp,ipv4,0.0.0.0,,445,,,listen,4,,,all,false
tcp,ipv4,0.0.0.0,,3389,,,listen,1108,,,all,false
tcp,ipv4,0.0.0.0,,8530,,,listen,4,,,all,false
tcp,ipv4,10.1.0.5,,139,,,listen,4,,,address,false
tcp,ipv4,10.1.0.5,,3389,10.1.0.99,51022,established,1108,,,address,false
tcp,ipv4,10.1.0.5,,50118,10.1.0.4,135,time-wait,0,,,address,false
--- stderr
