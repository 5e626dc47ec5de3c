# hand-made captures (own/16, own/27, own/15): netstat -ano, Get-NetTCPConnection and tasklist /svc of one host: each socket once, with the owners and services of all
args: list --csv --from own/16-netstat-ano-de-win10.txt --from own/27-pwsh-tcp-udp-default-de-win10.txt --from own/15-tasklist-svc-de-win10.txt
exit: 0
--- stdout
proto,family,local_address,interface,local_port,remote_address,remote_port,state,pid,process,services,exposure,phantom
tcp,ipv4,0.0.0.0,,135,,,listen,1000,svchost.exe,RpcEptMapper RpcSs,all,false
tcp,ipv4,0.0.0.0,,445,,,listen,4,System,,all,false
tcp,ipv4,0.0.0.0,,5040,,,listen,2392,svchost.exe,CDPSvc,all,false
tcp,ipv4,0.0.0.0,,7680,,,listen,4120,svchost.exe,DoSvc,all,false
tcp,ipv4,0.0.0.0,,8080,,,listen,8120,,,all,false
tcp,ipv4,0.0.0.0,,49664,,,listen,712,lsass.exe,KeyIso SamSs VaultSvc,all,false
tcp,ipv4,0.0.0.0,,49665,,,listen,600,wininit.exe,,all,false
tcp,ipv4,0.0.0.0,,49666,,,listen,1236,svchost.exe,EventLog,all,false
tcp,ipv4,0.0.0.0,,49667,,,listen,1312,svchost.exe,Schedule,all,false
tcp,ipv4,0.0.0.0,,49668,,,listen,2284,spoolsv.exe,Spooler,all,false
tcp,ipv4,0.0.0.0,,49669,,,listen,680,services.exe,,all,false
tcp,ipv4,0.0.0.0,,49670,,,listen,3556,svchost.exe,PolicyAgent,all,false
tcp,ipv4,192.168.178.24,,139,,,listen,4,System,,address,false
tcp,ipv6,::,,135,,,listen,1000,svchost.exe,RpcEptMapper RpcSs,all,false
tcp,ipv6,::,,445,,,listen,4,System,,all,false
tcp,ipv6,::,,7680,,,listen,4120,svchost.exe,DoSvc,all,false
tcp,ipv6,::,,49664,,,listen,712,lsass.exe,KeyIso SamSs VaultSvc,all,false
tcp,ipv6,::,,49665,,,listen,600,wininit.exe,,all,false
tcp,ipv6,::,,49666,,,listen,1236,svchost.exe,EventLog,all,false
tcp,ipv6,::,,49667,,,listen,1312,svchost.exe,Schedule,all,false
tcp,ipv6,::,,49668,,,listen,2284,spoolsv.exe,Spooler,all,false
tcp,ipv6,::,,49669,,,listen,680,services.exe,,all,false
tcp,ipv6,::,,49670,,,listen,3556,svchost.exe,PolicyAgent,all,false
udp,ipv4,0.0.0.0,,123,,,unconn,2436,svchost.exe,W32Time,all,false
udp,ipv4,0.0.0.0,,500,,,unconn,3180,svchost.exe,IKEEXT,all,false
udp,ipv4,0.0.0.0,,3702,,,unconn,3040,svchost.exe,FDResPub,all,false
udp,ipv4,0.0.0.0,,4500,,,unconn,3180,svchost.exe,IKEEXT,all,false
udp,ipv4,0.0.0.0,,5050,,,unconn,2392,svchost.exe,CDPSvc,all,false
udp,ipv4,0.0.0.0,,5353,,,unconn,1588,svchost.exe,Dnscache,all,false
udp,ipv4,0.0.0.0,,5355,,,unconn,1588,svchost.exe,Dnscache,all,false
udp,ipv4,0.0.0.0,,58211,,,unconn,3040,svchost.exe,FDResPub,all,false
udp,ipv4,127.0.0.1,,1900,,,unconn,3012,svchost.exe,SSDPSRV,loopback,false
udp,ipv4,127.0.0.1,,61357,,,unconn,3012,svchost.exe,SSDPSRV,loopback,false
udp,ipv4,192.168.178.24,,137,,,unconn,4,System,,address,false
udp,ipv4,192.168.178.24,,138,,,unconn,4,System,,address,false
udp,ipv4,192.168.178.24,,1900,,,unconn,3012,svchost.exe,SSDPSRV,address,false
udp,ipv4,192.168.178.24,,61356,,,unconn,3012,svchost.exe,SSDPSRV,address,false
udp,ipv6,::,,123,,,unconn,2436,svchost.exe,W32Time,all,false
udp,ipv6,::,,500,,,unconn,3180,svchost.exe,IKEEXT,all,false
udp,ipv6,::,,3702,,,unconn,3040,svchost.exe,FDResPub,all,false
udp,ipv6,::,,4500,,,unconn,3180,svchost.exe,IKEEXT,all,false
udp,ipv6,::,,5353,,,unconn,1588,svchost.exe,Dnscache,all,false
udp,ipv6,::,,5355,,,unconn,1588,svchost.exe,Dnscache,all,false
udp,ipv6,::1,,1900,,,unconn,3012,svchost.exe,SSDPSRV,loopback,false
udp,ipv6,::1,,61355,,,unconn,3012,svchost.exe,SSDPSRV,loopback,false
udp,ipv6,fe80::9c41:2b7e:61d0:3a5f,12,1900,,,unconn,,,,address,false
--- stderr
netmin: own/27-pwsh-tcp-udp-default-de-win10.txt:18: PowerShell cut the local address to fit its column ("2a02:8109:b6c0:4f00:8d3e:91c2:57..."): it is kept as far as it goes; use Format-Table -AutoSize or Format-List
netmin: own/16-netstat-ano-de-win10.txt:10: PID 8120 (tcp/8080) is not in the process list own/15-tasklist-svc-de-win10.txt: the captures were taken at different times, so its process and services are unknown
