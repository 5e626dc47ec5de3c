# hand-made captures (own/27, own/15): PowerShell tables with the same host's tasklist /svc: processes, services and attribution per endpoint (the UDP view has no PIDs)
args: list --from own/27-pwsh-tcp-udp-default-de-win10.txt --from own/15-tasklist-svc-de-win10.txt
exit: 0
--- stdout
PROTO  LOCAL                            PORT  STATE   PID   PROCESS       SERVICES               KB                  CONF    EXPOSURE  NOTE
tcp6   [::]                            49670  listen  3556  svchost.exe   PolicyAgent            policyagent         high    all
tcp6   [::]                            49669  listen  680   services.exe  -                      -                   none    all
tcp6   [::]                            49668  listen  2284  spoolsv.exe   Spooler                spooler             high    all
tcp6   [::]                            49667  listen  1312  svchost.exe   Schedule               schedule            high    all
tcp6   [::]                            49666  listen  1236  svchost.exe   EventLog               eventlog            high    all
tcp6   [::]                            49665  listen  600   wininit.exe   -                      wininit             medium  all
tcp6   [::]                            49664  listen  712   lsass.exe     KeyIso SamSs VaultSvc  lsass               medium  all
tcp6   [::]                             7680  listen  4120  svchost.exe   DoSvc                  dosvc               high    all
tcp6   [::]                              445  listen  4     System        -                      lanmanserver        medium  all
tcp6   [::]                              135  listen  1000  svchost.exe   RpcEptMapper RpcSs     rpceptmapper        high    all
tcp    0.0.0.0                         49670  listen  3556  svchost.exe   PolicyAgent            policyagent         high    all
tcp    0.0.0.0                         49669  listen  680   services.exe  -                      -                   none    all
tcp    0.0.0.0                         49668  listen  2284  spoolsv.exe   Spooler                spooler             high    all
tcp    0.0.0.0                         49667  listen  1312  svchost.exe   Schedule               schedule            high    all
tcp    0.0.0.0                         49666  listen  1236  svchost.exe   EventLog               eventlog            high    all
tcp    0.0.0.0                         49665  listen  600   wininit.exe   -                      wininit             medium  all
tcp    0.0.0.0                         49664  listen  712   lsass.exe     KeyIso SamSs VaultSvc  lsass               medium  all
tcp    192.168.178.24                    139  listen  4     System        -                      netbt               medium  address
tcp    0.0.0.0                          7680  listen  4120  svchost.exe   DoSvc                  dosvc               high    all
tcp    0.0.0.0                          5040  listen  2392  svchost.exe   CDPSvc                 cdpsvc              high    all
tcp    0.0.0.0                           445  listen  4     System        -                      lanmanserver        medium  all
tcp    0.0.0.0                           135  listen  1000  svchost.exe   RpcEptMapper RpcSs     rpceptmapper        high    all
udp6   [::1]                           61355  unconn  -     -             -                      -                   none    loopback
udp6   [::]                             5355  unconn  -     -             -                      dnscache            medium  all
udp6   [::]                             5353  unconn  -     -             -                      dnscache            medium  all
udp6   [::]                             4500  unconn  -     -             -                      ikeext              medium  all
udp6   [::]                             3702  unconn  -     -             -                      function-discovery  medium  all
udp6   [::]                              500  unconn  -     -             -                      ikeext              medium  all
udp6   [::]                              123  unconn  -     -             -                      w32time             medium  all
udp6   [fe80::9c41:2b7e:61d0:3a5f%12]   1900  unconn  -     -             -                      ssdpsrv             medium  address
udp    0.0.0.0                         58211  unconn  -     -             -                      -                   none    all
udp    0.0.0.0                          5355  unconn  -     -             -                      dnscache            medium  all
udp    0.0.0.0                          5353  unconn  -     -             -                      dnscache            medium  all
udp    0.0.0.0                          5050  unconn  -     -             -                      cdpsvc              medium  all
udp    0.0.0.0                          4500  unconn  -     -             -                      ikeext              medium  all
udp    0.0.0.0                          3702  unconn  -     -             -                      function-discovery  medium  all
udp    0.0.0.0                           500  unconn  -     -             -                      ikeext              medium  all
udp    0.0.0.0                           123  unconn  -     -             -                      w32time             medium  all
udp    127.0.0.1                       61357  unconn  -     -             -                      -                   none    loopback
udp    127.0.0.1                        1900  unconn  -     -             -                      ssdpsrv             medium  loopback
udp    192.168.178.24                  61356  unconn  -     -             -                      -                   none    address
udp    192.168.178.24                   1900  unconn  -     -             -                      ssdpsrv             medium  address
udp    192.168.178.24                    138  unconn  -     -             -                      netbt               medium  address
udp    192.168.178.24                    137  unconn  -     -             -                      netbt               medium  address
--- stderr
netmin: own/27-pwsh-tcp-udp-default-de-win10.txt:18: PowerShell cut the local address to fit its column ("2a02:8109:b6c0:4f00:8d3e:91c2:57..."): it is kept as far as it goes; use Format-Table -AutoSize or Format-List
