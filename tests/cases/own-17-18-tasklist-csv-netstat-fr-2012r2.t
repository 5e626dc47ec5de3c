# hand-made captures (own/17, own/18): French Server 2012 R2 tasklist /svc /fo csv (translated header) with its French netstat -ano (ÉCOUTE in CP850)
args: list --all --csv --from own/18-netstat-ano-fr-2012r2.txt --from own/17-tasklist-svc-csv-fr-2012r2.txt
exit: 0
--- stdout
proto,family,local_address,interface,local_port,remote_address,remote_port,state,pid,process,services,exposure,phantom
tcp,ipv4,0.0.0.0,,135,,,listen,668,svchost.exe,RpcEptMapper RpcSs,all,false
tcp,ipv4,0.0.0.0,,445,,,listen,4,System,,all,false
tcp,ipv4,0.0.0.0,,3389,,,listen,1020,svchost.exe,TermService,all,false
tcp,ipv4,0.0.0.0,,5985,,,listen,4,System,,all,false
tcp,ipv4,0.0.0.0,,47001,,,listen,4,System,,all,false
tcp,ipv4,0.0.0.0,,49152,,,listen,384,wininit.exe,,all,false
tcp,ipv4,0.0.0.0,,49153,,,listen,728,svchost.exe,Dhcp eventlog lmhosts Wcmsvc,all,false
tcp,ipv4,0.0.0.0,,49154,,,listen,784,svchost.exe,AeLookupSvc BITS CertPropSvc gpsvc IKEEXT iphlpsvc LanmanServer ProfSvc Schedule SENS SessionEnv ShellHWDetection Themes Winmgmt,all,false
tcp,ipv4,0.0.0.0,,49155,,,listen,492,lsass.exe,KeyIso Netlogon SamSs,all,false
tcp,ipv4,0.0.0.0,,49156,,,listen,1280,spoolsv.exe,Spooler,all,false
tcp,ipv4,0.0.0.0,,49157,,,listen,484,services.exe,,all,false
tcp,ipv4,10.0.12.5,,139,,,listen,4,System,,address,false
tcp,ipv4,10.0.12.5,,3389,10.0.12.40,51514,established,1020,svchost.exe,TermService,address,false
tcp,ipv6,::,,135,,,listen,668,svchost.exe,RpcEptMapper RpcSs,all,false
tcp,ipv6,::,,445,,,listen,4,System,,all,false
tcp,ipv6,::,,3389,,,listen,1020,svchost.exe,TermService,all,false
tcp,ipv6,::,,5985,,,listen,4,System,,all,false
tcp,ipv6,::,,47001,,,listen,4,System,,all,false
tcp,ipv6,::,,49152,,,listen,384,wininit.exe,,all,false
tcp,ipv6,::,,49153,,,listen,728,svchost.exe,Dhcp eventlog lmhosts Wcmsvc,all,false
tcp,ipv6,::,,49154,,,listen,784,svchost.exe,AeLookupSvc BITS CertPropSvc gpsvc IKEEXT iphlpsvc LanmanServer ProfSvc Schedule SENS SessionEnv ShellHWDetection Themes Winmgmt,all,false
tcp,ipv6,::,,49155,,,listen,492,lsass.exe,KeyIso Netlogon SamSs,all,false
tcp,ipv6,::,,49156,,,listen,1280,spoolsv.exe,Spooler,all,false
tcp,ipv6,::,,49157,,,listen,484,services.exe,,all,false
udp,ipv4,0.0.0.0,,123,,,unconn,880,svchost.exe,EventSystem FontCache netprofm nsi W32Time WinHttpAutoProxySvc,all,false
udp,ipv4,0.0.0.0,,500,,,unconn,784,svchost.exe,AeLookupSvc BITS CertPropSvc gpsvc IKEEXT iphlpsvc LanmanServer ProfSvc Schedule SENS SessionEnv ShellHWDetection Themes Winmgmt,all,false
udp,ipv4,0.0.0.0,,3389,,,unconn,1020,svchost.exe,TermService,all,false
udp,ipv4,0.0.0.0,,4500,,,unconn,784,svchost.exe,AeLookupSvc BITS CertPropSvc gpsvc IKEEXT iphlpsvc LanmanServer ProfSvc Schedule SENS SessionEnv ShellHWDetection Themes Winmgmt,all,false
udp,ipv4,0.0.0.0,,5355,,,unconn,1008,svchost.exe,CryptSvc Dnscache LanmanWorkstation NlaSvc WinRM,all,false
udp,ipv4,10.0.12.5,,137,,,unconn,4,System,,address,false
udp,ipv4,10.0.12.5,,138,,,unconn,4,System,,address,false
udp,ipv6,::,,123,,,unconn,880,svchost.exe,EventSystem FontCache netprofm nsi W32Time WinHttpAutoProxySvc,all,false
udp,ipv6,::,,500,,,unconn,784,svchost.exe,AeLookupSvc BITS CertPropSvc gpsvc IKEEXT iphlpsvc LanmanServer ProfSvc Schedule SENS SessionEnv ShellHWDetection Themes Winmgmt,all,false
udp,ipv6,::,,3389,,,unconn,1020,svchost.exe,TermService,all,false
udp,ipv6,::,,4500,,,unconn,784,svchost.exe,AeLookupSvc BITS CertPropSvc gpsvc IKEEXT iphlpsvc LanmanServer ProfSvc Schedule SENS SessionEnv ShellHWDetection Themes Winmgmt,all,false
udp,ipv6,::,,5355,,,unconn,1008,svchost.exe,CryptSvc Dnscache LanmanWorkstation NlaSvc WinRM,all,false
--- stderr
