# hand-made captures (own/28, own/39): Get-NetTCPConnection/Get-NetUDPEndpoint tables with Get-CimInstance Win32_Service (Name, ProcessId, StartMode, State) of one Server 2019: services and attribution per endpoint
args: list --from own/28-pwsh-select-autosize-2019.txt --from own/39-pwsh-win32-service-2019.txt
exit: 0
--- stdout
PROTO  LOCAL        PORT  STATE   PID   PROCESS  SERVICES                                   KB            CONF    EXPOSURE  NOTE
tcp    0.0.0.0       135  listen  948   -        RpcEptMapper RpcSs                         rpceptmapper  high    all
tcp    0.0.0.0       445  listen  4     -        -                                          lanmanserver  medium  all
tcp    0.0.0.0      3389  listen  1044  -        TermService UmRdpService                   termservice   high    all
tcp    0.0.0.0      5985  listen  4     -        -                                          winrm         medium  all
tcp    0.0.0.0     47001  listen  4     -        -                                          winrm         low     all
tcp    0.0.0.0     49664  listen  656   -        KeyIso SamSs VaultSvc                      lsass         medium  all
tcp    0.0.0.0     49665  listen  512   -        -                                          -             none    all
tcp    0.0.0.0     49666  listen  1172  -        Dhcp EventLog lmhosts                      eventlog      medium  all
tcp    0.0.0.0     49667  listen  1584  -        LanmanServer Schedule Winmgmt              schedule      medium  all
tcp    0.0.0.0     49668  listen  2316  -        Spooler                                    spooler       high    all
tcp    0.0.0.0     49671  listen  640   -        -                                          -             none    all
tcp    10.20.0.14    139  listen  4     -        -                                          netbt         medium  address
tcp6   [::]          135  listen  948   -        RpcEptMapper RpcSs                         rpceptmapper  high    all
tcp6   [::]          445  listen  4     -        -                                          lanmanserver  medium  all
tcp6   [::]         3389  listen  1044  -        TermService UmRdpService                   termservice   high    all
tcp6   [::]         5985  listen  4     -        -                                          winrm         medium  all
tcp6   [::]        47001  listen  4     -        -                                          winrm         low     all
tcp6   [::]        49664  listen  656   -        KeyIso SamSs VaultSvc                      lsass         medium  all
tcp6   [::]        49665  listen  512   -        -                                          -             none    all
tcp6   [::]        49666  listen  1172  -        Dhcp EventLog lmhosts                      eventlog      medium  all
tcp6   [::]        49667  listen  1584  -        LanmanServer Schedule Winmgmt              schedule      medium  all
tcp6   [::]        49668  listen  2316  -        Spooler                                    spooler       high    all
tcp6   [::]        49671  listen  640   -        -                                          -             none    all
udp    0.0.0.0       123  unconn  1360  -        CDPSvc W32Time                             w32time       high    all
udp    0.0.0.0       500  unconn  2512  -        IKEEXT                                     ikeext        high    all
udp    0.0.0.0      3389  unconn  1044  -        TermService UmRdpService                   termservice   low     all
udp    0.0.0.0      4500  unconn  2512  -        IKEEXT                                     ikeext        high    all
udp    0.0.0.0      5353  unconn  1452  -        CryptSvc Dnscache LanmanWorkstation WinRM  dnscache      high    all
udp    0.0.0.0      5355  unconn  1452  -        CryptSvc Dnscache LanmanWorkstation WinRM  dnscache      high    all
udp    10.20.0.14    137  unconn  4     -        -                                          netbt         medium  address
udp    10.20.0.14    138  unconn  4     -        -                                          netbt         medium  address
udp6   [::]          123  unconn  1360  -        CDPSvc W32Time                             w32time       high    all
udp6   [::]          500  unconn  2512  -        IKEEXT                                     ikeext        high    all
udp6   [::]         3389  unconn  1044  -        TermService UmRdpService                   termservice   low     all
udp6   [::]         4500  unconn  2512  -        IKEEXT                                     ikeext        high    all
udp6   [::]         5353  unconn  1452  -        CryptSvc Dnscache LanmanWorkstation WinRM  dnscache      high    all
udp6   [::]         5355  unconn  1452  -        CryptSvc Dnscache LanmanWorkstation WinRM  dnscache      high    all
--- stderr
