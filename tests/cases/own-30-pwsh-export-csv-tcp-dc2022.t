# hand-made capture (own/30): Export-Csv -NoTypeInformation of Get-NetTCPConnection -State Listen on a domain controller (every CIM column; State says TCP)
args: list --csv --from own/30-pwsh-export-csv-tcp-dc2022.txt
exit: 0
--- stdout
proto,family,local_address,interface,local_port,remote_address,remote_port,state,pid,process,services,exposure,phantom
tcp,ipv6,::,,135,,,listen,1012,,,all,false
tcp,ipv6,::,,445,,,listen,4,,,all,false
tcp,ipv6,::,,3389,,,listen,1108,,,all,false
tcp,ipv6,::,,5985,,,listen,4,,,all,false
tcp,ipv6,::,,9389,,,listen,2804,,,all,false
tcp,ipv6,::,,47001,,,listen,4,,,all,false
tcp,ipv6,::,,49664,,,listen,684,,,all,false
tcp,ipv4,0.0.0.0,,53,,,listen,2912,,,all,false
tcp,ipv4,0.0.0.0,,88,,,listen,684,,,all,false
tcp,ipv4,0.0.0.0,,135,,,listen,1012,,,all,false
tcp,ipv4,0.0.0.0,,389,,,listen,684,,,all,false
tcp,ipv4,0.0.0.0,,445,,,listen,4,,,all,false
tcp,ipv4,0.0.0.0,,636,,,listen,684,,,all,false
tcp,ipv4,0.0.0.0,,3268,,,listen,684,,,all,false
tcp,ipv4,0.0.0.0,,3269,,,listen,684,,,all,false
tcp,ipv4,0.0.0.0,,3389,,,listen,1108,,,all,false
tcp,ipv4,0.0.0.0,,49664,,,listen,684,,,all,false
tcp,ipv4,10.1.0.4,,139,,,listen,4,,,address,false
tcp,ipv4,127.0.0.1,,53,,,listen,2912,,,loopback,false
--- stderr
