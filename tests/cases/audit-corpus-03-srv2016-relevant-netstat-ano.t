# audit of a real capture (corpus/03-srv2016-relevant-netstat-ano)
args: audit --from corpus/03-srv2016-relevant-netstat-ano.txt
exit: 1
--- stdout
netmin audit: windows-nt10 (guessed: IPv6 rows and RPC listeners from 49664 (Windows 10 / Server 2016 and later)), from file:corpus/03-srv2016-relevant-netstat-ano.txt
38 endpoints open, 38 reachable from other hosts. The plan closes 10 and narrows 0 in 5 steps (3 with a reboot); 28 stay.

PROTO  LOCAL              PID   WHAT                                        CONF    PLAN
tcp    0.0.0.0:80         4     HTTP: HTTP.sys, the kernel HTTP listener    medium  stays
tcp    0.0.0.0:135        876   RpcEptMapper: RPC Endpoint Mapper           medium  stays
tcp    0.0.0.0:445        4     LanmanServer: SMB file and printer sharing  medium  closed by step 5 (reboot)
tcp    0.0.0.0:3389       612   TermService: Remote Desktop Services        medium  stays
tcp    0.0.0.0:5985       4     WinRM: Windows Remote Management            medium  stays
tcp    0.0.0.0:47001      4     WinRM: Windows Remote Management            low     stays
tcp    0.0.0.0:49663      4     ? owner unknown                             none    stays
tcp    0.0.0.0:49664      624   ? owner unknown                             none    stays
tcp    0.0.0.0:49665      740   ? owner unknown                             none    stays
tcp    0.0.0.0:49666      796   ? owner unknown                             none    stays
tcp    0.0.0.0:49667      728   ? owner unknown                             none    stays
tcp    0.0.0.0:49669      1824  ? owner unknown                             none    stays
tcp    0.0.0.0:49672      732   ? owner unknown                             none    stays
tcp    10.10.101.165:139  4     NetBT: NetBIOS over TCP/IP                  medium  closed by step 4
tcp6   [::]:80            4     HTTP: HTTP.sys, the kernel HTTP listener    medium  stays
tcp6   [::]:135           876   RpcEptMapper: RPC Endpoint Mapper           medium  stays
tcp6   [::]:445           4     LanmanServer: SMB file and printer sharing  medium  closed by step 5 (reboot)
tcp6   [::]:3389          612   TermService: Remote Desktop Services        medium  stays
tcp6   [::]:5985          4     WinRM: Windows Remote Management            medium  stays
tcp6   [::]:47001         4     WinRM: Windows Remote Management            low     stays
tcp6   [::]:49663         4     ? owner unknown                             none    stays
tcp6   [::]:49664         624   ? owner unknown                             none    stays
tcp6   [::]:49665         740   ? owner unknown                             none    stays
tcp6   [::]:49666         796   ? owner unknown                             none    stays
tcp6   [::]:49667         728   ? owner unknown                             none    stays
tcp6   [::]:49669         1824  ? owner unknown                             none    stays
tcp6   [::]:49672         732   ? owner unknown                             none    stays
udp    0.0.0.0:123        1112  W32Time: Windows Time                       medium  stays
udp    0.0.0.0:3389       612   TermService: Remote Desktop Services        low     stays
udp    0.0.0.0:5050       1112  CDPSvc: Connected Devices Platform Service  medium  closed by step 3
udp    0.0.0.0:5353       1232  Dnscache: DNS Client                        medium  closed by step 2 (reboot)
udp    0.0.0.0:5355       1232  Dnscache: DNS Client                        medium  closed by step 1 (reboot)
udp    10.10.101.165:137  4     NetBT: NetBIOS over TCP/IP                  medium  closed by step 4
udp    10.10.101.165:138  4     NetBT: NetBIOS over TCP/IP                  medium  closed by step 4
udp6   [::]:123           1112  W32Time: Windows Time                       medium  stays
udp6   [::]:3389          612   TermService: Remote Desktop Services        low     stays
udp6   [::]:5353          1232  Dnscache: DNS Client                        medium  closed by step 2 (reboot)
udp6   [::]:5355          1232  Dnscache: DNS Client                        medium  closed by step 1 (reboot)

What stays, and why:
  HTTP: http.sys cannot be turned off itself: 'netsh http show servicestate' names the consumer of the port; disable that service
  RpcEptMapper: no supported off switch on Vista and later (Microsoft: no guidance); COM and DCOM fail without it: filter TCP 135 at the host firewall instead
  TermService: remote desktop sessions, perhaps the one you are using: netmin never turns it off unless you --drop TermService (Microsoft: do not disable)
  WinRM: PowerShell remoting, Server Manager, Windows Admin Center, Ansible (perhaps your own way in): netmin never removes it unless you --drop WinRM (Microsoft: do not disable)
  W32Time: time synchronisation (Microsoft: no guidance); in a domain, Kerberos fails when clocks drift more than 5 minutes: filter UDP 123 instead
  Dnscache (narrowed): name resolution (Microsoft: no guidance; Windows 10 and later do not let it be stopped): LLMNR and mDNS are turned off instead
  owner unknown: not attributed, so not changed: see each endpoint's reason for the evidence that would settle it

netmin plan (same options) shows each step's commands, undo and predicted table; netmin explain NAME says more about a service.
--- stderr
