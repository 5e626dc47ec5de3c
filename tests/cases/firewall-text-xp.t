# the model as a table for the XP seed: the note about netsh advfirewall on NT5
args: firewall --from seed/xp-0-initial.netstat-ano.txt --os windows-xp
exit: 0
--- stdout
Firewall for windows-xp (--os), from file:seed/xp-0-initial.netstat-ano.txt
Inbound default: drop.  Always admitted: loopback, established and related
traffic, ICMP errors and path MTU, ICMPv6 errors, path MTU and neighbour
discovery.

Allowed (0):

Filtered (14 listening):
PROTO  LOCAL           PORT  WHO           WHY
tcp    0.0.0.0          135  RpcSs         the plan closes it (step 8: Remove ncacn_ip_tcp from DCOM's default protocols)
tcp    192.70.106.143   139  NetBT         the plan closes it (step 4: Disable NetBIOS over TCP/IP on every adapter; also lmhosts)
tcp    0.0.0.0          445  LanmanServer  the plan closes it (step 5: Turn off direct-hosted SMB (SMBDeviceEnabled = 0))
tcp    0.0.0.0         1025  Schedule      the plan closes it (step 7: Stop and disable Schedule (Task Scheduler); also RasMan)
tcp    0.0.0.0         5000  SSDPSRV       the plan closes it (step 2: Stop and disable SSDPSRV (SSDP Discovery))
udp    192.70.106.143   123  W32Time       the plan closes it (step 3: Stop and disable W32Time (Windows Time))
udp    0.0.0.0          135  RpcSs         the plan closes it (step 6: Stop and disable Messenger (Messenger))
udp    192.70.106.143   137  NetBT         the plan closes it (step 4: Disable NetBIOS over TCP/IP on every adapter; also lmhosts)
udp    192.70.106.143   138  NetBT         the plan closes it (step 4: Disable NetBIOS over TCP/IP on every adapter; also lmhosts)
udp    0.0.0.0          445  LanmanServer  the plan closes it (step 5: Turn off direct-hosted SMB (SMBDeviceEnabled = 0))
udp    0.0.0.0          500  PolicyAgent   the plan closes it (step 1: Stop and disable PolicyAgent (IPsec Policy Agent))
udp    0.0.0.0         1026  Dnscache      it stays but is filtered: the DNS client keeps one UDP source port open while it runs (the note's residue); stopping it only loses the cache: --drop dnscache, or filter the port
udp    0.0.0.0         1027  Messenger     the plan closes it (step 6: Stop and disable Messenger (Messenger))
udp    192.70.106.143  1900  SSDPSRV       the plan closes it (step 2: Stop and disable SSDPSRV (SSDP Discovery))

Notes:
  windows-xp has no netsh advfirewall and no NetSecurity module: the netsh and ps1 forms need Windows Vista / Server 2008 or later

Write it with --emit nft|iptables|netsh|ps1 (and --undo for its undo form).
--- stderr
