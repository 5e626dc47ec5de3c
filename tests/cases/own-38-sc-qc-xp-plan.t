# hand-made capture (own/38) with the seed xp-0: the plan restores the start types the capture shows (SSDPSRV demand) instead of assuming defaults
args: plan --os windows-xp --from seed/xp-0-initial.netstat-ano.txt --from own/38-sc-qc-xp.txt
exit: 0
--- stdout
Plan for windows-xp (--os), from file:seed/xp-0-initial.netstat-ano.txt
16 endpoints open now; 9 steps (4 with a reboot); 1 open after the last step.

Step 1 [services] Stop and disable PolicyAgent (IPsec Policy Agent)
  why     IPsec Policy Agent (IPSEC Services; IKE in lsass on 2000/XP/2003): the knowledge base disables it by default (S1)
  action  service PolicyAgent: start type disabled, stopped
  do      net stop PolicyAgent
          sc config PolicyAgent start= disabled
  undo    sc config PolicyAgent start= auto
          net start PolicyAgent
  before  auto
  closes  udp 0.0.0.0:500 (policyagent, medium)
  reboot  no; prediction confidence medium
  breaks  IPsec policies and the VPNs, L2TP and domain isolation that use them
  after:
    PROTO  LOCAL           PORT  PID   KB            CONF
    tcp    0.0.0.0          135  884   rpcss         medium
    tcp    0.0.0.0          445  4     lanmanserver  medium
    tcp    0.0.0.0         1025  976   schedule      low
    tcp    0.0.0.0         5000  1160  ssdpsrv       medium
    tcp    192.70.106.143   139  4     netbt         medium
    udp    0.0.0.0          135  884   rpcss         medium
    udp    0.0.0.0          445  4     lanmanserver  medium
    udp    0.0.0.0         1026  1112  dnscache      low
    udp    0.0.0.0         1027  976   messenger     low
    udp    127.0.0.1        123  976   w32time       medium
    udp    127.0.0.1       1900  1160  ssdpsrv       medium
    udp    192.70.106.143   123  976   w32time       medium
    udp    192.70.106.143   137  4     netbt         medium
    udp    192.70.106.143   138  4     netbt         medium
    udp    192.70.106.143  1900  1160  ssdpsrv       medium

Step 2 [services] Stop and disable SSDPSRV (SSDP Discovery)
  why     SSDP Discovery (UPnP device discovery): the knowledge base disables it by default (S1,S5)
  action  service SSDPSRV: start type disabled, stopped
  do      net stop SSDPSRV
          sc config SSDPSRV start= disabled
  undo    sc config SSDPSRV start= demand
          net start SSDPSRV
  before  demand
  closes  tcp 0.0.0.0:5000 (ssdpsrv, medium)
          udp 127.0.0.1:1900 (ssdpsrv, medium)
          udp 192.70.106.143:1900 (ssdpsrv, medium)
  reboot  no; prediction confidence medium
  breaks  UPnP device discovery; the UPnP Device Host (upnphost) depends on it
  after:
    PROTO  LOCAL           PORT  PID   KB            CONF
    tcp    0.0.0.0          135  884   rpcss         medium
    tcp    0.0.0.0          445  4     lanmanserver  medium
    tcp    0.0.0.0         1025  976   schedule      low
    tcp    192.70.106.143   139  4     netbt         medium
    udp    0.0.0.0          135  884   rpcss         medium
    udp    0.0.0.0          445  4     lanmanserver  medium
    udp    0.0.0.0         1026  1112  dnscache      low
    udp    0.0.0.0         1027  976   messenger     low
    udp    127.0.0.1        123  976   w32time       medium
    udp    192.70.106.143   123  976   w32time       medium
    udp    192.70.106.143   137  4     netbt         medium
    udp    192.70.106.143   138  4     netbt         medium

Step 3 [services] Stop and disable W32Time (Windows Time)
  why     Windows Time: the knowledge base disables it by default (S1)
  action  service W32Time: start type disabled, stopped
  do      net stop W32Time
          sc config W32Time start= disabled
  undo    sc config W32Time start= auto
          net start W32Time
  before  auto
  closes  udp 127.0.0.1:123 (w32time, medium)
          udp 192.70.106.143:123 (w32time, medium)
  reboot  no; prediction confidence medium
  breaks  clock synchronisation; on domain members, Kerberos authentication once the clock drifts
  after:
    PROTO  LOCAL           PORT  PID   KB            CONF
    tcp    0.0.0.0          135  884   rpcss         medium
    tcp    0.0.0.0          445  4     lanmanserver  medium
    tcp    0.0.0.0         1025  976   schedule      low
    tcp    192.70.106.143   139  4     netbt         medium
    udp    0.0.0.0          135  884   rpcss         medium
    udp    0.0.0.0          445  4     lanmanserver  medium
    udp    0.0.0.0         1026  1112  dnscache      low
    udp    0.0.0.0         1027  976   messenger     low
    udp    192.70.106.143   137  4     netbt         medium
    udp    192.70.106.143   138  4     netbt         medium

Step 4 [netbios-smb] Disable NetBIOS over TCP/IP on every adapter; also lmhosts
  why     NetBIOS over TCP/IP (NetBT driver): name service, datagrams, session service: the knowledge base disables it by default (S1,S4)
  action  netbios HKLM\SYSTEM\CurrentControlSet\Services\NetBT\Parameters\Interfaces: NetbiosOptions = 2 on every adapter (NetBIOS over TCP/IP off)
  do      for /f "delims=" %k in ('reg query "HKLM\SYSTEM\CurrentControlSet\Services\NetBT\Parameters\Interfaces" ^| findstr /i "\\Tcpip_"') do reg add "%k" /v NetbiosOptions /t REG_DWORD /d 2 /f
  undo    for /f "delims=" %k in ('reg query "HKLM\SYSTEM\CurrentControlSet\Services\NetBT\Parameters\Interfaces" ^| findstr /i "\\Tcpip_"') do reg add "%k" /v NetbiosOptions /t REG_DWORD /d <each adapter's value before, 0 by default> /f
  before  0 (the default; read at run time)
  action  service lmhosts: start type disabled, stopped
  do      net stop lmhosts
          sc config lmhosts start= disabled
  undo    sc config lmhosts start= auto
          net start lmhosts
  before  auto
  closes  tcp 192.70.106.143:139 (netbt, medium)
          udp 192.70.106.143:137 (netbt, medium)
          udp 192.70.106.143:138 (netbt, medium)
  reboot  no; prediction confidence medium
  breaks  NetBIOS names and browsing (Network Neighbourhood), WINS, SMB with peers that speak only NetBIOS (NT4, some NAS boxes and printers); Netlogon uses 137-139 only for trusts without DNS
          NetBIOS name resolution through LMHOSTS; one report of SMB to a Synology NAS failing without it
  after:
    PROTO  LOCAL    PORT  PID   KB            CONF
    tcp    0.0.0.0   135  884   rpcss         medium
    tcp    0.0.0.0   445  4     lanmanserver  medium
    tcp    0.0.0.0  1025  976   schedule      low
    udp    0.0.0.0   135  884   rpcss         medium
    udp    0.0.0.0   445  4     lanmanserver  medium
    udp    0.0.0.0  1026  1112  dnscache      low
    udp    0.0.0.0  1027  976   messenger     low

Step 5 [netbios-smb] Turn off direct-hosted SMB (SMBDeviceEnabled = 0)
  why     SMB file and printer sharing: the Server service and direct-hosted SMB (port 445): the knowledge base disables it by default (S1)
  action  registry HKLM\SYSTEM\CurrentControlSet\Services\NetBT\Parameters\SMBDeviceEnabled: SMBDeviceEnabled = 0 (REG_DWORD) (reboot)
  do      reg add "HKLM\SYSTEM\CurrentControlSet\Services\NetBT\Parameters" /v "SMBDeviceEnabled" /t REG_DWORD /d "0" /f
  undo    reg delete "HKLM\SYSTEM\CurrentControlSet\Services\NetBT\Parameters" /v "SMBDeviceEnabled" /f
  before  absent (the default; read at run time)
  closes  tcp 0.0.0.0:445 (lanmanserver, medium)
          udp 0.0.0.0:445 (lanmanserver, medium)
  reboot  yes; prediction confidence medium
  breaks  file and printer sharing, administrative shares (C$, ADMIN$), IPC$ named pipes for remote management (svcctl, winreg, samr, lsarpc, spoolss, netlogon)
  after:
    PROTO  LOCAL    PORT  PID   KB         CONF
    tcp    0.0.0.0   135  884   rpcss      medium
    tcp    0.0.0.0  1025  976   schedule   low
    udp    0.0.0.0   135  884   rpcss      medium
    udp    0.0.0.0  1026  1112  dnscache   low
    udp    0.0.0.0  1027  976   messenger  low

Step 6 [rpc-dcom] Stop and disable Messenger (Messenger)
  why     Messenger (net send), datagram RPC: the knowledge base disables it by default (S1)
  action  service Messenger: start type disabled, stopped (reboot)
  do      net stop Messenger
          sc config Messenger start= disabled
  undo    sc config Messenger start= auto
          net start Messenger
  before  auto
  closes  udp 0.0.0.0:1027 (messenger, low)
          udp 0.0.0.0:135 (rpcss, medium)
  reboot  yes; prediction confidence low
  breaks  net send and Alerter pop-up messages
          udp/135 (the endpoint mapper's datagram endpoint) goes with the last datagram RPC service
  after:
    PROTO  LOCAL    PORT  PID   KB        CONF
    tcp    0.0.0.0   135  884   rpcss     medium
    tcp    0.0.0.0  1025  976   schedule  low
    udp    0.0.0.0  1026  1112  dnscache  low

Step 7 [rpc-dcom] Stop and disable Schedule (Task Scheduler); also RasMan
  why     Task Scheduler: the knowledge base disables it by default (S1)
  action  service Schedule: start type disabled, stopped (reboot)
  do      net stop Schedule
          sc config Schedule start= disabled
  undo    sc config Schedule start= auto
          net start Schedule
  before  auto
  action  service RasMan: start type disabled, stopped (reboot)
  do      net stop RasMan
          sc config RasMan start= disabled
  undo    sc config RasMan start= demand
          net start RasMan
  before  demand (the default; read at run time)
  closes  tcp 0.0.0.0:1025 (schedule, low)
  reboot  yes; prediction confidence low
  breaks  AT jobs and scheduled tasks; managing tasks from other hosts (schtasks /s)
          dial-up and VPN connections, Internet Connection Sharing
  after:
    PROTO  LOCAL    PORT  PID   KB        CONF
    tcp    0.0.0.0   135  884   rpcss     medium
    udp    0.0.0.0  1026  1112  dnscache  low

Step 8 [rpc-dcom] Remove ncacn_ip_tcp from DCOM's default protocols
  why     RpcSs stays (the RPC and COM core of Windows: disabling it breaks the system; on 2000/XP/2003 TCP 135 closes by taking TCP/IP out of DCOM's protocols instead); this narrows what it exposes
  action  registry HKLM\SOFTWARE\Microsoft\Rpc\DCOM Protocols: DCOM Protocols without ncacn_ip_tcp (reboot)
  do      reg query "HKLM\SOFTWARE\Microsoft\Rpc" /v "DCOM Protocols"
          reg add "HKLM\SOFTWARE\Microsoft\Rpc" /v "DCOM Protocols" /t REG_MULTI_SZ /d "<the items listed, without ncacn_ip_tcp, separated by \0>" /f
  undo    reg add "HKLM\SOFTWARE\Microsoft\Rpc" /v "DCOM Protocols" /t REG_MULTI_SZ /d "<the items listed before, separated by \0>" /f
  closes  tcp 0.0.0.0:135 (rpcss, medium)
  reboot  yes; prediction confidence medium
  breaks  DCOM over TCP/IP to and from other hosts
  after:
    PROTO  LOCAL    PORT  PID   KB        CONF
    udp    0.0.0.0  1026  1112  dnscache  low

Step 9 [residue] Filter what stays at the host firewall
  why     the method's last step: what must stay, or may come back (programs start RPC services when used), is filtered
  action  filter host firewall: allow only the peers that need them to: udp/1026
  do      netmin firewall --from seed/xp-0-initial.netstat-ano.txt --from own/38-sc-qc-xp.txt --emit netsh
  reboot  no; prediction confidence high
  breaks  connections from other hosts to these ports, except from the peers you allow
  after:
    PROTO  LOCAL    PORT  PID   KB        CONF
    udp    0.0.0.0  1026  1112  dnscache  low

Stays:
  RpcSs (narrowed): the RPC and COM core of Windows: disabling it breaks the system; on 2000/XP/2003 TCP 135 closes by taking TCP/IP out of DCOM's protocols instead
  Dnscache: the DNS client keeps one UDP source port open while it runs (the note's residue); stopping it only loses the cache: --drop dnscache, or filter the port
--- stderr
