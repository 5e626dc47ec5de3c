# audit of a real capture (corpus/04-zhCN-win2008r2-netstat-ano)
args: audit --from corpus/04-zhCN-win2008r2-netstat-ano.txt
exit: 1
--- stdout
netmin audit: windows-nt6 (guessed: IPv6 rows and RPC listeners from 49152 (Vista to 8.1 / 2012 R2)), from file:corpus/04-zhCN-win2008r2-netstat-ano.txt
45 endpoints open, 42 reachable from other hosts. The plan closes 17 and narrows 0 in 5 steps (2 with a reboot); 28 stay.

PROTO  LOCAL                              PID   WHAT                                         CONF    PLAN
tcp    0.0.0.0:135                        860   RpcEptMapper: RPC Endpoint Mapper            medium  stays
tcp    0.0.0.0:445                        4     LanmanServer: SMB file and printer sharing   medium  closed by step 5 (reboot)
tcp    0.0.0.0:3306                       1596  ? owner unknown                              none    stays
tcp    0.0.0.0:3389                       1152  TermService: Remote Desktop Services         medium  stays
tcp    0.0.0.0:5357                       4     fdPHost: Function Discovery                  medium  closed by step 3
tcp    0.0.0.0:8088                       1920  ? owner unknown                              none    stays
tcp    0.0.0.0:8088                       1972  ? owner unknown                              none    stays
tcp    0.0.0.0:8088                       1772  ? owner unknown                              none    stays
tcp    0.0.0.0:8088                       1872  ? owner unknown                              none    stays
tcp    0.0.0.0:49152                      580   ? owner unknown                              none    stays
tcp    0.0.0.0:49153                      912   ? owner unknown                              none    stays
tcp    0.0.0.0:49154                      448   ? owner unknown                              none    stays
tcp    0.0.0.0:49164                      672   ? owner unknown                              none    stays
tcp    0.0.0.0:49165                      2436  ? owner unknown                              none    stays
tcp    0.0.0.0:49167                      680   ? owner unknown                              none    stays
tcp    10.0.10.6:139                      4     NetBT: NetBIOS over TCP/IP                   medium  closed by step 4
tcp    127.0.0.1:9000                     1612  ? owner unknown                              none    stays (loopback only)
tcp    127.0.0.1:9002                     1628  ? owner unknown                              none    stays (loopback only)
tcp    127.0.0.1:9004                     1636  ? owner unknown                              none    stays (loopback only)
tcp6   [::]:135                           860   RpcEptMapper: RPC Endpoint Mapper            medium  stays
tcp6   [::]:445                           4     LanmanServer: SMB file and printer sharing   medium  closed by step 5 (reboot)
tcp6   [::]:3306                          1596  ? owner unknown                              none    stays
tcp6   [::]:3389                          1152  TermService: Remote Desktop Services         medium  stays
tcp6   [::]:5357                          4     fdPHost: Function Discovery                  medium  closed by step 3
tcp6   [::]:49152                         580   ? owner unknown                              none    stays
tcp6   [::]:49153                         912   ? owner unknown                              none    stays
tcp6   [::]:49154                         448   ? owner unknown                              none    stays
tcp6   [::]:49164                         672   ? owner unknown                              none    stays
tcp6   [::]:49165                         2436  ? owner unknown                              none    stays
tcp6   [::]:49167                         680   ? owner unknown                              none    stays
udp    0.0.0.0:500                        448   IKEEXT: IKE and AuthIP IPsec Keying Modules  medium  closed by step 2
udp    0.0.0.0:3702                       1488  fdPHost: Function Discovery                  medium  closed by step 3
udp    0.0.0.0:3702                       1488  fdPHost: Function Discovery                  medium  closed by step 3
udp    0.0.0.0:4500                       448   IKEEXT: IKE and AuthIP IPsec Keying Modules  medium  closed by step 2
udp    0.0.0.0:5355                       1152  Dnscache: DNS Client                         medium  closed by step 1 (reboot)
udp    0.0.0.0:65288                      1488  ? owner unknown                              none    stays
udp    10.0.10.6:137                      4     NetBT: NetBIOS over TCP/IP                   medium  closed by step 4
udp    10.0.10.6:138                      4     NetBT: NetBIOS over TCP/IP                   medium  closed by step 4
udp6   [::]:500                           448   IKEEXT: IKE and AuthIP IPsec Keying Modules  medium  closed by step 2
udp6   [::]:3702                          1488  fdPHost: Function Discovery                  medium  closed by step 3
udp6   [::]:3702                          1488  fdPHost: Function Discovery                  medium  closed by step 3
udp6   [::]:4500                          448   IKEEXT: IKE and AuthIP IPsec Keying Modules  medium  closed by step 2
udp6   [::]:5355                          1152  Dnscache: DNS Client                         medium  closed by step 1 (reboot)
udp6   [::]:65289                         1488  ? owner unknown                              none    stays
udp6   [fe80::ed19:384:ef72:64a8%14]:546  912   Dhcp: DHCP Client                            low     stays

What stays, and why:
  RpcEptMapper: no supported off switch on Vista and later (Microsoft: no guidance); COM and DCOM fail without it: filter TCP 135 at the host firewall instead
  TermService: remote desktop sessions, perhaps the one you are using: netmin never turns it off unless you --drop TermService (Microsoft: do not disable)
  Dnscache (narrowed): name resolution (Microsoft: no guidance; Windows 10 and later do not let it be stopped): LLMNR and mDNS are turned off instead
  Dhcp: the DHCP client of a DHCP-configured adapter: without it the address lapses
  owner unknown: not attributed, so not changed: see each endpoint's reason for the evidence that would settle it

netmin plan (same options) shows each step's commands, undo and predicted table; netmin explain NAME says more about a service.
--- stderr
