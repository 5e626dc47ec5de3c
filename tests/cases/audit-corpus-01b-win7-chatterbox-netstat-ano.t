# audit of a real capture (corpus/01b-win7-chatterbox-netstat-ano)
args: audit --from corpus/01b-win7-chatterbox-netstat-ano.txt
exit: 1
--- stdout
netmin audit: windows-nt6 (guessed: IPv6 rows and RPC listeners from 49152 (Vista to 8.1 / 2012 R2)), from file:corpus/01b-win7-chatterbox-netstat-ano.txt
33 endpoints open, 29 reachable from other hosts. The plan closes 15 and narrows 0 in 5 steps (2 with a reboot); 18 stay.

PROTO  LOCAL                PID   WHAT                                         CONF    PLAN
tcp    0.0.0.0:135          700   RpcEptMapper: RPC Endpoint Mapper            medium  stays
tcp    0.0.0.0:445          4     LanmanServer: SMB file and printer sharing   medium  closed by step 5 (reboot)
tcp    0.0.0.0:49152        360   ? owner unknown                              none    stays
tcp    0.0.0.0:49153        756   ? owner unknown                              none    stays
tcp    0.0.0.0:49154        920   ? owner unknown                              none    stays
tcp    0.0.0.0:49155        416   ? owner unknown                              none    stays
tcp    0.0.0.0:49156        460   ? owner unknown                              none    stays
tcp    10.129.254.227:139   4     NetBT: NetBIOS over TCP/IP                   medium  closed by step 4
tcp    10.129.254.227:9255  2856  ? owner unknown                              none    stays
tcp    10.129.254.227:9256  2856  ? owner unknown                              none    stays
tcp6   [::]:135             700   RpcEptMapper: RPC Endpoint Mapper            medium  stays
tcp6   [::]:445             4     LanmanServer: SMB file and printer sharing   medium  closed by step 5 (reboot)
tcp6   [::]:49152           360   ? owner unknown                              none    stays
tcp6   [::]:49153           756   ? owner unknown                              none    stays
tcp6   [::]:49154           920   ? owner unknown                              none    stays
tcp6   [::]:49155           416   ? owner unknown                              none    stays
tcp6   [::]:49156           460   ? owner unknown                              none    stays
udp    0.0.0.0:123          888   W32Time: Windows Time                        medium  stays
udp    0.0.0.0:500          920   IKEEXT: IKE and AuthIP IPsec Keying Modules  medium  closed by step 2
udp    0.0.0.0:4500         920   IKEEXT: IKE and AuthIP IPsec Keying Modules  medium  closed by step 2
udp    0.0.0.0:5355         1176  Dnscache: DNS Client                         medium  closed by step 1 (reboot)
udp    0.0.0.0:56106        1176  Dnscache: DNS Client                         medium  stays
udp    10.129.254.227:137   4     NetBT: NetBIOS over TCP/IP                   medium  closed by step 4
udp    10.129.254.227:138   4     NetBT: NetBIOS over TCP/IP                   medium  closed by step 4
udp    10.129.254.227:1900  3652  SSDPSRV: SSDP Discovery                      medium  closed by step 3
udp    10.129.254.227:9256  2856  ? owner unknown                              none    stays
udp    127.0.0.1:1900       3652  SSDPSRV: SSDP Discovery                      medium  closed by step 3
udp    127.0.0.1:50500      3652  SSDPSRV: SSDP Discovery                      medium  closed by step 3
udp6   [::]:123             888   W32Time: Windows Time                        medium  stays
udp6   [::]:500             920   IKEEXT: IKE and AuthIP IPsec Keying Modules  medium  closed by step 2
udp6   [::]:4500            920   IKEEXT: IKE and AuthIP IPsec Keying Modules  medium  closed by step 2
udp6   [::1]:1900           3652  SSDPSRV: SSDP Discovery                      medium  closed by step 3
udp6   [::1]:50499          3652  SSDPSRV: SSDP Discovery                      medium  closed by step 3

What stays, and why:
  RpcEptMapper: no supported off switch on Vista and later (Microsoft: no guidance); COM and DCOM fail without it: filter TCP 135 at the host firewall instead
  W32Time: time synchronisation (Microsoft: no guidance); in a domain, Kerberos fails when clocks drift more than 5 minutes: filter UDP 123 instead
  Dnscache (narrowed): name resolution (Microsoft: no guidance; Windows 10 and later do not let it be stopped): LLMNR and mDNS are turned off instead
  owner unknown: not attributed, so not changed: see each endpoint's reason for the evidence that would settle it

netmin plan (same options) shows each step's commands, undo and predicted table; netmin explain NAME says more about a service.
--- stderr
