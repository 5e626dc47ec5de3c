# hand-made capture (own/22): a write-up with netstat -ano and tasklist /svc pasted into one file between prose and code fences: both are read
args: list --all --csv --from own/22-netstat-and-tasklist-one-file.txt
exit: 0
--- stdout
proto,family,local_address,interface,local_port,remote_address,remote_port,state,pid,process,services,exposure,phantom
tcp,ipv4,0.0.0.0,,80,,,listen,4,System,,all,false
tcp,ipv4,0.0.0.0,,135,,,listen,676,svchost.exe,RpcEptMapper RpcSs,all,false
tcp,ipv4,0.0.0.0,,445,,,listen,4,System,,all,false
tcp,ipv4,0.0.0.0,,1433,,,listen,1512,sqlservr.exe,MSSQLSERVER,all,false
tcp,ipv4,0.0.0.0,,5985,,,listen,4,System,,all,false
tcp,ipv4,0.0.0.0,,47001,,,listen,4,System,,all,false
tcp,ipv4,0.0.0.0,,49152,,,listen,372,wininit.exe,,all,false
tcp,ipv4,0.0.0.0,,49153,,,listen,764,svchost.exe,Dhcp eventlog lmhosts,all,false
tcp,ipv4,0.0.0.0,,49154,,,listen,812,svchost.exe,AeLookupSvc BITS CertPropSvc gpsvc IKEEXT iphlpsvc LanmanServer ProfSvc Schedule SENS SessionEnv ShellHWDetection Winmgmt,all,false
tcp,ipv4,0.0.0.0,,49155,,,listen,468,services.exe,,all,false
tcp,ipv4,0.0.0.0,,49156,,,listen,476,lsass.exe,SamSs,all,false
tcp,ipv4,10.10.10.40,,139,,,listen,4,System,,address,false
tcp,ipv4,10.10.10.40,,1433,10.10.10.40,49162,established,1512,sqlservr.exe,MSSQLSERVER,address,false
tcp,ipv6,::,,80,,,listen,4,System,,all,false
tcp,ipv6,::,,135,,,listen,676,svchost.exe,RpcEptMapper RpcSs,all,false
tcp,ipv6,::,,445,,,listen,4,System,,all,false
tcp,ipv6,::,,1433,,,listen,1512,sqlservr.exe,MSSQLSERVER,all,false
udp,ipv4,0.0.0.0,,123,,,unconn,884,svchost.exe,EventSystem FontCache netprofm nsi W32Time WinHttpAutoProxySvc,all,false
udp,ipv4,0.0.0.0,,500,,,unconn,812,svchost.exe,AeLookupSvc BITS CertPropSvc gpsvc IKEEXT iphlpsvc LanmanServer ProfSvc Schedule SENS SessionEnv ShellHWDetection Winmgmt,all,false
udp,ipv4,0.0.0.0,,1434,,,unconn,1660,sqlbrowser.exe,SQLBrowser,all,false
udp,ipv4,0.0.0.0,,4500,,,unconn,812,svchost.exe,AeLookupSvc BITS CertPropSvc gpsvc IKEEXT iphlpsvc LanmanServer ProfSvc Schedule SENS SessionEnv ShellHWDetection Winmgmt,all,false
udp,ipv4,0.0.0.0,,5355,,,unconn,956,svchost.exe,CryptSvc Dnscache LanmanWorkstation NlaSvc WinRM,all,false
udp,ipv4,10.10.10.40,,137,,,unconn,4,System,,address,false
udp,ipv4,10.10.10.40,,138,,,unconn,4,System,,address,false
udp,ipv6,::,,123,,,unconn,884,svchost.exe,EventSystem FontCache netprofm nsi W32Time WinHttpAutoProxySvc,all,false
udp,ipv6,::,,500,,,unconn,812,svchost.exe,AeLookupSvc BITS CertPropSvc gpsvc IKEEXT iphlpsvc LanmanServer ProfSvc Schedule SENS SessionEnv ShellHWDetection Winmgmt,all,false
udp,ipv6,::,,1434,,,unconn,1660,sqlbrowser.exe,SQLBrowser,all,false
udp,ipv6,::,,5355,,,unconn,956,svchost.exe,CryptSvc Dnscache LanmanWorkstation NlaSvc WinRM,all,false
--- stderr
