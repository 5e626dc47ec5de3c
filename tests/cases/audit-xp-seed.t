# audit of the XP seed: exit 1, 15 of 16 closed
args: audit --from seed/xp-0-initial.netstat-ano.txt --os windows-xp
exit: 1
--- stdout
netmin audit: windows-xp (--os), from file:seed/xp-0-initial.netstat-ano.txt
16 endpoints open, 14 reachable from other hosts. The plan closes 15 and narrows 0 in 8 steps (4 with a reboot); 1 stays.

PROTO  LOCAL                PID   WHAT                                        CONF    PLAN
tcp    0.0.0.0:135          884   RpcSs: Remote Procedure Call                medium  closed by step 8 (reboot)
tcp    0.0.0.0:445          4     LanmanServer: SMB file and printer sharing  medium  closed by step 5 (reboot)
tcp    0.0.0.0:1025         976   Schedule: Task Scheduler                    low     closed by step 7 (reboot)
tcp    0.0.0.0:5000         1160  SSDPSRV: SSDP Discovery                     medium  closed by step 2
tcp    192.70.106.143:139   4     NetBT: NetBIOS over TCP/IP                  medium  closed by step 4
udp    0.0.0.0:135          884   RpcSs: Remote Procedure Call                medium  closed by step 6 (reboot)
udp    0.0.0.0:445          4     LanmanServer: SMB file and printer sharing  medium  closed by step 5 (reboot)
udp    0.0.0.0:500          704   PolicyAgent: IPsec Policy Agent             medium  closed by step 1
udp    0.0.0.0:1026         1112  Dnscache: DNS Client                        low     stays
udp    0.0.0.0:1027         976   Messenger: Messenger                        low     closed by step 6 (reboot)
udp    127.0.0.1:123        976   W32Time: Windows Time                       medium  closed by step 3
udp    127.0.0.1:1900       1160  SSDPSRV: SSDP Discovery                     medium  closed by step 2
udp    192.70.106.143:123   976   W32Time: Windows Time                       medium  closed by step 3
udp    192.70.106.143:137   4     NetBT: NetBIOS over TCP/IP                  medium  closed by step 4
udp    192.70.106.143:138   4     NetBT: NetBIOS over TCP/IP                  medium  closed by step 4
udp    192.70.106.143:1900  1160  SSDPSRV: SSDP Discovery                     medium  closed by step 2

What stays, and why:
  RpcSs (narrowed): the RPC and COM core of Windows: disabling it breaks the system; on 2000/XP/2003 TCP 135 closes by taking TCP/IP out of DCOM's protocols instead
  Dnscache: the DNS client keeps one UDP source port open while it runs (the note's residue); stopping it only loses the cache: --drop dnscache, or filter the port

netmin plan (same options) shows each step's commands, undo and predicted table; netmin explain NAME says more about a service.
--- stderr
