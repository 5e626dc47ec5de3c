# audit of the XP seed's last capture: the RPC steps are still pending (exit 1)
args: audit --from seed/xp-3-after-smbdevice-reboot.netstat-ano.txt --os windows-xp
exit: 1
--- stdout
netmin audit: windows-xp (--os), from file:seed/xp-3-after-smbdevice-reboot.netstat-ano.txt
5 endpoints open, 5 reachable from other hosts. The plan closes 4 and narrows 0 in 3 steps (3 with a reboot); 1 stays.

PROTO  LOCAL         PID   WHAT                          CONF    PLAN
tcp    0.0.0.0:135   884   RpcSs: Remote Procedure Call  medium  closed by step 3 (reboot)
tcp    0.0.0.0:1025  976   Schedule: Task Scheduler      low     closed by step 2 (reboot)
udp    0.0.0.0:135   884   RpcSs: Remote Procedure Call  medium  closed by step 1 (reboot)
udp    0.0.0.0:1026  1112  Dnscache: DNS Client          low     stays
udp    0.0.0.0:1027  976   Messenger: Messenger          low     closed by step 1 (reboot)

What stays, and why:
  RpcSs (narrowed): the RPC and COM core of Windows: disabling it breaks the system; on 2000/XP/2003 TCP 135 closes by taking TCP/IP out of DCOM's protocols instead
  Dnscache: the DNS client keeps one UDP source port open while it runs (the note's residue); stopping it only loses the cache: --drop dnscache, or filter the port

netmin plan (same options) shows each step's commands, undo and predicted table; netmin explain NAME says more about a service.
--- stderr
