# hand-made capture (own/31): a ConvertTo-Csv file typed out later: its #TYPE line names MSFT_NetUDPEndpoint
args: list --csv --from own/31-pwsh-csv-udp-type-dc2022.txt
exit: 0
--- stdout
proto,family,local_address,interface,local_port,remote_address,remote_port,state,pid,process,services,exposure,phantom
udp,ipv6,::,,53,,,unconn,2912,,,all,false
udp,ipv6,::,,123,,,unconn,1488,,,all,false
udp,ipv6,::,,389,,,unconn,684,,,all,false
udp,ipv6,::,,464,,,unconn,684,,,all,false
udp,ipv6,::,,5353,,,unconn,1760,,,all,false
udp,ipv4,0.0.0.0,,53,,,unconn,2912,,,all,false
udp,ipv4,0.0.0.0,,88,,,unconn,684,,,all,false
udp,ipv4,0.0.0.0,,123,,,unconn,1488,,,all,false
udp,ipv4,0.0.0.0,,389,,,unconn,684,,,all,false
udp,ipv4,0.0.0.0,,464,,,unconn,684,,,all,false
udp,ipv4,10.1.0.4,,137,,,unconn,4,,,address,false
udp,ipv4,10.1.0.4,,138,,,unconn,4,,,address,false
udp,ipv4,127.0.0.1,,53,,,unconn,2912,,,loopback,false
udp,ipv4,0.0.0.0,,5353,,,unconn,1760,,,all,false
--- stderr
