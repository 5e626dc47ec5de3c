# audit of a real capture (corpus/02-win10-driver-netstat-ano)
args: audit --from corpus/02-win10-driver-netstat-ano.txt
exit: 1
--- stdout
netmin audit: windows-vista+ (guessed: netstat shows IPv6 rows (Vista and later)), from file:corpus/02-win10-driver-netstat-ano.txt
39 endpoints open, 35 reachable from other hosts. The plan closes 15 and narrows 0 in 4 steps (2 with a reboot); 24 stay.

PROTO  LOCAL                                PID   WHAT                                        CONF    PLAN
tcp    0.0.0.0:80                           4     HTTP: HTTP.sys, the kernel HTTP listener    medium  stays
tcp    0.0.0.0:135                          716   RpcEptMapper: RPC Endpoint Mapper           medium  stays
tcp    0.0.0.0:445                          4     LanmanServer: SMB file and printer sharing  medium  closed by step 4 (reboot)
tcp    0.0.0.0:5985                         4     WinRM: Windows Remote Management            medium  stays
tcp    0.0.0.0:47001                        4     WinRM: Windows Remote Management            low     stays
tcp    0.0.0.0:49408                        456   ? owner unknown                             none    stays
tcp    0.0.0.0:49409                        860   ? owner unknown                             none    stays
tcp    0.0.0.0:49410                        836   ? owner unknown                             none    stays
tcp    0.0.0.0:49411                        1264  ? owner unknown                             none    stays
tcp    0.0.0.0:49412                        572   ? owner unknown                             none    stays
tcp    0.0.0.0:49413                        580   ? owner unknown                             none    stays
tcp    10.129.189.210:139                   4     NetBT: NetBIOS over TCP/IP                  medium  closed by step 3
tcp6   [::]:80                              4     HTTP: HTTP.sys, the kernel HTTP listener    medium  stays
tcp6   [::]:135                             716   RpcEptMapper: RPC Endpoint Mapper           medium  stays
tcp6   [::]:445                             4     LanmanServer: SMB file and printer sharing  medium  closed by step 4 (reboot)
tcp6   [::]:5985                            4     WinRM: Windows Remote Management            medium  stays
tcp6   [::]:47001                           4     WinRM: Windows Remote Management            low     stays
tcp6   [::]:49408                           456   ? owner unknown                             none    stays
tcp6   [::]:49409                           860   ? owner unknown                             none    stays
tcp6   [::]:49410                           836   ? owner unknown                             none    stays
tcp6   [::]:49411                           1264  ? owner unknown                             none    stays
tcp6   [::]:49412                           572   ? owner unknown                             none    stays
tcp6   [::]:49413                           580   ? owner unknown                             none    stays
udp    0.0.0.0:5353                         72    Dnscache: DNS Client                        low     stays
udp    0.0.0.0:5355                         72    Dnscache: DNS Client                        medium  closed by step 1 (reboot)
udp    0.0.0.0:57943                        72    Dnscache: DNS Client                        medium  stays
udp    10.129.189.210:137                   4     NetBT: NetBIOS over TCP/IP                  medium  closed by step 3
udp    10.129.189.210:138                   4     NetBT: NetBIOS over TCP/IP                  medium  closed by step 3
udp    10.129.189.210:1900                  884   SSDPSRV: SSDP Discovery                     medium  closed by step 2
udp    10.129.189.210:57470                 884   SSDPSRV: SSDP Discovery                     medium  closed by step 2
udp    127.0.0.1:1900                       884   SSDPSRV: SSDP Discovery                     medium  closed by step 2
udp    127.0.0.1:57471                      884   SSDPSRV: SSDP Discovery                     medium  closed by step 2
udp6   [::]:5353                            72    Dnscache: DNS Client                        low     stays
udp6   [::]:5355                            72    Dnscache: DNS Client                        medium  closed by step 1 (reboot)
udp6   [::]:57943                           72    Dnscache: DNS Client                        medium  stays
udp6   [::1]:1900                           884   SSDPSRV: SSDP Discovery                     medium  closed by step 2
udp6   [::1]:57469                          884   SSDPSRV: SSDP Discovery                     medium  closed by step 2
udp6   [fe80::182e:1ba9:7b17:351d%5]:1900   884   SSDPSRV: SSDP Discovery                     medium  closed by step 2
udp6   [fe80::182e:1ba9:7b17:351d%5]:57468  884   SSDPSRV: SSDP Discovery                     medium  closed by step 2

What stays, and why:
  HTTP: http.sys cannot be turned off itself: 'netsh http show servicestate' names the consumer of the port; disable that service
  RpcEptMapper: no supported off switch on Vista and later (Microsoft: no guidance); COM and DCOM fail without it: filter TCP 135 at the host firewall instead
  WinRM: PowerShell remoting, Server Manager, Windows Admin Center, Ansible (perhaps your own way in): netmin never removes it unless you --drop WinRM (Microsoft: do not disable)
  Dnscache (narrowed): name resolution (Microsoft: no guidance; Windows 10 and later do not let it be stopped): LLMNR and mDNS are turned off instead
  owner unknown: not attributed, so not changed: see each endpoint's reason for the evidence that would settle it
note: Dnscache: "Turn off mDNS in the DNS client" applies only on some of the generations this host may be; --os decides

netmin plan (same options) shows each step's commands, undo and predicted table; netmin explain NAME says more about a service.
--- stderr
