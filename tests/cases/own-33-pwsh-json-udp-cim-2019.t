# hand-made capture (own/33): Get-NetUDPEndpoint | ConvertTo-Json of whole CIM objects, no prompt: CimSystemProperties.ClassName says UDP
args: list --csv --from own/33-pwsh-json-udp-cim-2019.txt
exit: 0
--- stdout
proto,family,local_address,interface,local_port,remote_address,remote_port,state,pid,process,services,exposure,phantom
udp,ipv6,::,,123,,,unconn,1488,,,all,false
udp,ipv6,::,,5353,,,unconn,1760,,,all,false
udp,ipv6,::,,5355,,,unconn,1760,,,all,false
udp,ipv4,0.0.0.0,,123,,,unconn,1488,,,all,false
udp,ipv4,0.0.0.0,,500,,,unconn,3132,,,all,false
udp,ipv4,0.0.0.0,,4500,,,unconn,3132,,,all,false
udp,ipv4,0.0.0.0,,5353,,,unconn,1760,,,all,false
udp,ipv4,0.0.0.0,,5355,,,unconn,1760,,,all,false
udp,ipv4,10.1.0.5,,137,,,unconn,4,,,address,false
udp,ipv4,10.1.0.5,,138,,,unconn,4,,,address,false
--- stderr
