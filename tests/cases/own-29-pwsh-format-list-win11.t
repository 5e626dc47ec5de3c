# hand-made capture (own/29): Get-NetTCPConnection | Format-List and Get-NetUDPEndpoint | fl blocks (a CloseWait row with zones)
args: list --all --csv --from own/29-pwsh-format-list-win11.txt
exit: 0
--- stdout
proto,family,local_address,interface,local_port,remote_address,remote_port,state,pid,process,services,exposure,phantom
tcp,ipv6,::,,135,,,listen,1036,,,all,false
tcp,ipv4,0.0.0.0,,135,,,listen,1036,,,all,false
tcp,ipv4,0.0.0.0,,445,,,listen,4,,,all,false
tcp,ipv4,0.0.0.0,,5040,,,listen,6220,,,all,false
tcp,ipv4,192.168.1.57,,139,,,listen,4,,,address,false
tcp,ipv4,0.0.0.0,,49664,,,listen,1000,,,all,false
tcp,ipv6,fe80::5d2e:a1b:c7e:12f4,7,50412,fe80::1,53,close-wait,3388,,,address,false
udp,ipv6,::,,5355,,,unconn,2716,,,all,false
udp,ipv6,::,,5353,,,unconn,2716,,,all,false
udp,ipv4,0.0.0.0,,5355,,,unconn,2716,,,all,false
udp,ipv4,0.0.0.0,,5353,,,unconn,2716,,,all,false
udp,ipv4,0.0.0.0,,5353,,,unconn,9120,,,all,false
--- stderr
