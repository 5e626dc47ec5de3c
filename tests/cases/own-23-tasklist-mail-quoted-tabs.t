# hand-made capture (own/23): corpus 01a quoted in a mail reply ('> ' prefix), two rows with tabs instead of spaces; with corpus 01b
args: list --csv --from corpus/01b-win7-chatterbox-netstat-ano.txt --from own/23-tasklist-svc-mail-quoted-tabs.txt
exit: 0
--- stdout
proto,family,local_address,interface,local_port,remote_address,remote_port,state,pid,process,services,exposure,phantom
tcp,ipv4,0.0.0.0,,135,,,listen,700,svchost.exe,RpcEptMapper RpcSs,all,false
tcp,ipv4,0.0.0.0,,445,,,listen,4,System,,all,false
tcp,ipv4,0.0.0.0,,49152,,,listen,360,wininit.exe,,all,false
tcp,ipv4,0.0.0.0,,49153,,,listen,756,svchost.exe,Audiosrv Dhcp eventlog lmhosts wscsvc,all,false
tcp,ipv4,0.0.0.0,,49154,,,listen,920,svchost.exe,AeLookupSvc BITS IKEEXT iphlpsvc LanmanServer ProfSvc Schedule SENS ShellHWDetection Themes Winmgmt wuauserv,all,false
tcp,ipv4,0.0.0.0,,49155,,,listen,416,services.exe,,all,false
tcp,ipv4,0.0.0.0,,49156,,,listen,460,lsass.exe,SamSs VaultSvc,all,false
tcp,ipv4,10.129.254.227,,139,,,listen,4,System,,address,false
tcp,ipv4,10.129.254.227,,9255,,,listen,2856,,,address,false
tcp,ipv4,10.129.254.227,,9256,,,listen,2856,,,address,false
tcp,ipv6,::,,135,,,listen,700,svchost.exe,RpcEptMapper RpcSs,all,false
tcp,ipv6,::,,445,,,listen,4,System,,all,false
tcp,ipv6,::,,49152,,,listen,360,wininit.exe,,all,false
tcp,ipv6,::,,49153,,,listen,756,svchost.exe,Audiosrv Dhcp eventlog lmhosts wscsvc,all,false
tcp,ipv6,::,,49154,,,listen,920,svchost.exe,AeLookupSvc BITS IKEEXT iphlpsvc LanmanServer ProfSvc Schedule SENS ShellHWDetection Themes Winmgmt wuauserv,all,false
tcp,ipv6,::,,49155,,,listen,416,services.exe,,all,false
tcp,ipv6,::,,49156,,,listen,460,lsass.exe,SamSs VaultSvc,all,false
udp,ipv4,0.0.0.0,,123,,,unconn,888,svchost.exe,EventSystem FontCache netprofm nsi sppuinotify W32Time WdiServiceHost,all,false
udp,ipv4,0.0.0.0,,500,,,unconn,920,svchost.exe,AeLookupSvc BITS IKEEXT iphlpsvc LanmanServer ProfSvc Schedule SENS ShellHWDetection Themes Winmgmt wuauserv,all,false
udp,ipv4,0.0.0.0,,4500,,,unconn,920,svchost.exe,AeLookupSvc BITS IKEEXT iphlpsvc LanmanServer ProfSvc Schedule SENS ShellHWDetection Themes Winmgmt wuauserv,all,false
udp,ipv4,0.0.0.0,,5355,,,unconn,1176,svchost.exe,CryptSvc Dnscache LanmanWorkstation NlaSvc,all,false
udp,ipv4,0.0.0.0,,56106,,,unconn,1176,svchost.exe,CryptSvc Dnscache LanmanWorkstation NlaSvc,all,false
udp,ipv4,10.129.254.227,,137,,,unconn,4,System,,address,false
udp,ipv4,10.129.254.227,,138,,,unconn,4,System,,address,false
udp,ipv4,10.129.254.227,,1900,,,unconn,3652,svchost.exe,SSDPSRV,address,false
udp,ipv4,10.129.254.227,,9256,,,unconn,2856,,,address,false
udp,ipv4,127.0.0.1,,1900,,,unconn,3652,svchost.exe,SSDPSRV,loopback,false
udp,ipv4,127.0.0.1,,50500,,,unconn,3652,svchost.exe,SSDPSRV,loopback,false
udp,ipv6,::,,123,,,unconn,888,svchost.exe,EventSystem FontCache netprofm nsi sppuinotify W32Time WdiServiceHost,all,false
udp,ipv6,::,,500,,,unconn,920,svchost.exe,AeLookupSvc BITS IKEEXT iphlpsvc LanmanServer ProfSvc Schedule SENS ShellHWDetection Themes Winmgmt wuauserv,all,false
udp,ipv6,::,,4500,,,unconn,920,svchost.exe,AeLookupSvc BITS IKEEXT iphlpsvc LanmanServer ProfSvc Schedule SENS ShellHWDetection Themes Winmgmt wuauserv,all,false
udp,ipv6,::1,,1900,,,unconn,3652,svchost.exe,SSDPSRV,loopback,false
udp,ipv6,::1,,50499,,,unconn,3652,svchost.exe,SSDPSRV,loopback,false
--- stderr
netmin: corpus/01b-win7-chatterbox-netstat-ano.txt:15: PID 2856 (tcp/9255, tcp/9256, udp/9256) is not in the process list own/23-tasklist-svc-mail-quoted-tabs.txt: the captures were taken at different times, so its process and services are unknown
