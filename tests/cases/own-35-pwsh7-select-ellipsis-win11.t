# hand-made capture (own/35): PowerShell 7 cuts values with one character (…): local and remote addresses kept as far as they go, warned
args: list --all --csv --from own/35-pwsh7-select-ellipsis-win11.txt
exit: 0
--- stdout
proto,family,local_address,interface,local_port,remote_address,remote_port,state,pid,process,services,exposure,phantom
tcp,ipv6,fe80::d1c9:61a5,,49733,fe80::a62b:b0ff,8009,established,5120,,,address,false
tcp,ipv4,192.168.0.23,,49734,142.250.185.78,443,established,5120,,,address,false
tcp,ipv4,127.0.0.1,,6463,,,listen,9404,,,loopback,false
tcp,ipv4,0.0.0.0,,27036,,,listen,7784,,,all,false
tcp,ipv6,::,,27036,,,listen,7784,,,all,false
tcp,ipv4,192.168.0.23,,139,,,listen,4,,,address,false
--- stderr
netmin: own/35-pwsh7-select-ellipsis-win11.txt:5: PowerShell cut the local address to fit its column ("fe80::d1c9:61a5..."): it is kept as far as it goes; use Format-Table -AutoSize or Format-List
netmin: own/35-pwsh7-select-ellipsis-win11.txt:5: PowerShell cut the remote address to fit its column ("fe80::a62b:b0ff...")
