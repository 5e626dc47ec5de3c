# the bundled example pair (netstat -ano + tasklist /svc): services give high-confidence attribution
args: list --from ../../examples/win7-netstat-ano.txt --from ../../examples/win7-tasklist-svc.txt
exit: 0
--- stdout
PROTO  LOCAL            PORT  STATE   PID   PROCESS       SERVICES                                                                                                      KB            CONF    EXPOSURE  NOTE
tcp    0.0.0.0           135  listen  700   svchost.exe   RpcEptMapper RpcSs                                                                                            rpceptmapper  high    all
tcp    0.0.0.0           445  listen  4     System        -                                                                                                             lanmanserver  medium  all
tcp    0.0.0.0         49152  listen  360   wininit.exe   -                                                                                                             wininit       medium  all
tcp    0.0.0.0         49153  listen  756   svchost.exe   Audiosrv Dhcp eventlog lmhosts wscsvc                                                                         eventlog      medium  all
tcp    0.0.0.0         49154  listen  920   svchost.exe   AeLookupSvc BITS IKEEXT iphlpsvc LanmanServer ProfSvc Schedule SENS ShellHWDetection Themes Winmgmt wuauserv  schedule      medium  all
tcp    0.0.0.0         49155  listen  416   services.exe  -                                                                                                             -             none    all
tcp    0.0.0.0         49156  listen  460   lsass.exe     SamSs VaultSvc                                                                                                lsass         medium  all
tcp    10.129.254.227    139  listen  4     System        -                                                                                                             netbt         medium  address
tcp    10.129.254.227   9255  listen  2856  -             -                                                                                                             -             none    address
tcp    10.129.254.227   9256  listen  2856  -             -                                                                                                             -             none    address
tcp6   [::]              135  listen  700   svchost.exe   RpcEptMapper RpcSs                                                                                            rpceptmapper  high    all
tcp6   [::]              445  listen  4     System        -                                                                                                             lanmanserver  medium  all
tcp6   [::]            49152  listen  360   wininit.exe   -                                                                                                             wininit       medium  all
tcp6   [::]            49153  listen  756   svchost.exe   Audiosrv Dhcp eventlog lmhosts wscsvc                                                                         eventlog      medium  all
tcp6   [::]            49154  listen  920   svchost.exe   AeLookupSvc BITS IKEEXT iphlpsvc LanmanServer ProfSvc Schedule SENS ShellHWDetection Themes Winmgmt wuauserv  schedule      medium  all
tcp6   [::]            49155  listen  416   services.exe  -                                                                                                             -             none    all
tcp6   [::]            49156  listen  460   lsass.exe     SamSs VaultSvc                                                                                                lsass         medium  all
udp    0.0.0.0           123  unconn  888   svchost.exe   EventSystem FontCache netprofm nsi sppuinotify W32Time WdiServiceHost                                         w32time       high    all
udp    0.0.0.0           500  unconn  920   svchost.exe   AeLookupSvc BITS IKEEXT iphlpsvc LanmanServer ProfSvc Schedule SENS ShellHWDetection Themes Winmgmt wuauserv  ikeext        high    all
udp    0.0.0.0          4500  unconn  920   svchost.exe   AeLookupSvc BITS IKEEXT iphlpsvc LanmanServer ProfSvc Schedule SENS ShellHWDetection Themes Winmgmt wuauserv  ikeext        high    all
udp    0.0.0.0          5355  unconn  1176  svchost.exe   CryptSvc Dnscache LanmanWorkstation NlaSvc                                                                    dnscache      high    all
udp    0.0.0.0         56106  unconn  1176  svchost.exe   CryptSvc Dnscache LanmanWorkstation NlaSvc                                                                    dnscache      medium  all
udp    10.129.254.227    137  unconn  4     System        -                                                                                                             netbt         medium  address
udp    10.129.254.227    138  unconn  4     System        -                                                                                                             netbt         medium  address
udp    10.129.254.227   1900  unconn  3652  svchost.exe   SSDPSRV                                                                                                       ssdpsrv       high    address
udp    10.129.254.227   9256  unconn  2856  -             -                                                                                                             -             none    address
udp    127.0.0.1        1900  unconn  3652  svchost.exe   SSDPSRV                                                                                                       ssdpsrv       high    loopback
udp    127.0.0.1       50500  unconn  3652  svchost.exe   SSDPSRV                                                                                                       ssdpsrv       high    loopback
udp6   [::]              123  unconn  888   svchost.exe   EventSystem FontCache netprofm nsi sppuinotify W32Time WdiServiceHost                                         w32time       high    all
udp6   [::]              500  unconn  920   svchost.exe   AeLookupSvc BITS IKEEXT iphlpsvc LanmanServer ProfSvc Schedule SENS ShellHWDetection Themes Winmgmt wuauserv  ikeext        high    all
udp6   [::]             4500  unconn  920   svchost.exe   AeLookupSvc BITS IKEEXT iphlpsvc LanmanServer ProfSvc Schedule SENS ShellHWDetection Themes Winmgmt wuauserv  ikeext        high    all
udp6   [::1]            1900  unconn  3652  svchost.exe   SSDPSRV                                                                                                       ssdpsrv       high    loopback
udp6   [::1]           50499  unconn  3652  svchost.exe   SSDPSRV                                                                                                       ssdpsrv       high    loopback
--- stderr
netmin: ../../examples/win7-netstat-ano.txt:15: PID 2856 (tcp/9255, tcp/9256, udp/9256) is not in the process list ../../examples/win7-tasklist-svc.txt: the captures were taken at different times, so its process and services are unknown
