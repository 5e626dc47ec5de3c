# the method on Windows 2000: the golden plan (steps match w2k-1..5, then messenger, schedule, DCOM)
args: plan --from seed/w2k-0-initial.netstat-an.txt --os windows-2000
exit: 0
--- stdout
Plan for windows-2000 (--os), from file:seed/w2k-0-initial.netstat-an.txt
19 endpoints open now; 8 steps (4 with a reboot); 0 open after the last step.

Step 1 [services] Stop and disable IISADMIN (IIS Admin Service), with its dependants SMTPSVC and W3SVC
  why     IIS Admin Service (inetinfo.exe): hosts the IIS services: the knowledge base disables it by default (S1)
  action  service SMTPSVC: start type disabled, stopped
  do      net stop SMTPSVC
          sc config SMTPSVC start= disabled
  undo    sc config SMTPSVC start= auto
          net start SMTPSVC
  before  auto (the default; read at run time)
  action  service W3SVC: start type disabled, stopped
  do      net stop W3SVC
          sc config W3SVC start= disabled
  undo    sc config W3SVC start= auto
          net start W3SVC
  before  auto (the default; read at run time)
  action  service IISADMIN: start type disabled, stopped
  do      net stop IISADMIN /y
          sc config IISADMIN start= disabled
  undo    sc config IISADMIN start= auto
          net start IISADMIN
  before  auto (the default; read at run time)
  closes  tcp 0.0.0.0:25 (smtpsvc, medium)
          tcp 0.0.0.0:80 (w3svc, medium)
          tcp 0.0.0.0:443 (w3svc, medium)
          tcp 0.0.0.0:1027 (iisadmin, low)
          tcp 0.0.0.0:4983 (iisadmin, low)
          udp 0.0.0.0:1028 (iisadmin, low)
          udp 0.0.0.0:3456 (iisadmin, low)
  reboot  no; prediction confidence low
  breaks  mail sent or relayed through this host
          the web sites this host serves
          every IIS service: web sites, SMTP, FTP, NNTP
  after:
    PROTO  LOCAL           PORT  PID  KB            CONF
    tcp    0.0.0.0          135  -    rpcss         medium
    tcp    0.0.0.0          445  -    lanmanserver  medium
    tcp    0.0.0.0         1025  -    msdtc         low
    tcp    0.0.0.0         1026  -    schedule      low
    tcp    0.0.0.0         3372  -    msdtc         medium
    tcp    192.70.106.143   139  -    netbt         medium
    udp    0.0.0.0          135  -    rpcss         medium
    udp    0.0.0.0          445  -    lanmanserver  medium
    udp    0.0.0.0         1029  -    messenger     low
    udp    192.70.106.143   137  -    netbt         medium
    udp    192.70.106.143   138  -    netbt         medium
    udp    192.70.106.143   500  -    policyagent   medium

Step 2 [services] Stop and disable PolicyAgent (IPsec Policy Agent)
  why     IPsec Policy Agent (IPSEC Services; IKE in lsass on 2000/XP/2003): the knowledge base disables it by default (S1)
  action  service PolicyAgent: start type disabled, stopped
  do      net stop PolicyAgent
          sc config PolicyAgent start= disabled
  undo    sc config PolicyAgent start= auto
          net start PolicyAgent
  before  auto (the default; read at run time)
  closes  udp 192.70.106.143:500 (policyagent, medium)
  reboot  no; prediction confidence medium
  breaks  IPsec policies and the VPNs, L2TP and domain isolation that use them
  after:
    PROTO  LOCAL           PORT  PID  KB            CONF
    tcp    0.0.0.0          135  -    rpcss         medium
    tcp    0.0.0.0          445  -    lanmanserver  medium
    tcp    0.0.0.0         1025  -    msdtc         low
    tcp    0.0.0.0         1026  -    schedule      low
    tcp    0.0.0.0         3372  -    msdtc         medium
    tcp    192.70.106.143   139  -    netbt         medium
    udp    0.0.0.0          135  -    rpcss         medium
    udp    0.0.0.0          445  -    lanmanserver  medium
    udp    0.0.0.0         1029  -    messenger     low
    udp    192.70.106.143   137  -    netbt         medium
    udp    192.70.106.143   138  -    netbt         medium

Step 3 [services] Stop and disable MSDTC (Distributed Transaction Coordinator)
  why     Distributed Transaction Coordinator: the knowledge base disables it by default (S1)
  action  service MSDTC: start type disabled, stopped
  do      net stop MSDTC
          sc config MSDTC start= disabled
  undo    sc config MSDTC start= auto
          net start MSDTC
  before  auto (the default; read at run time)
  closes  tcp 0.0.0.0:1025 (msdtc, low)
          tcp 0.0.0.0:3372 (msdtc, medium)
  reboot  no; prediction confidence low
  breaks  distributed transactions: COM+ transactions, SQL Server linked servers, some cluster resources
  after:
    PROTO  LOCAL           PORT  PID  KB            CONF
    tcp    0.0.0.0          135  -    rpcss         medium
    tcp    0.0.0.0          445  -    lanmanserver  medium
    tcp    0.0.0.0         1026  -    schedule      low
    tcp    192.70.106.143   139  -    netbt         medium
    udp    0.0.0.0          135  -    rpcss         medium
    udp    0.0.0.0          445  -    lanmanserver  medium
    udp    0.0.0.0         1029  -    messenger     low
    udp    192.70.106.143   137  -    netbt         medium
    udp    192.70.106.143   138  -    netbt         medium

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
  before  auto (the default; read at run time)
  closes  tcp 192.70.106.143:139 (netbt, medium)
          udp 192.70.106.143:137 (netbt, medium)
          udp 192.70.106.143:138 (netbt, medium)
  reboot  no; prediction confidence medium
  breaks  NetBIOS names and browsing (Network Neighbourhood), WINS, SMB with peers that speak only NetBIOS (NT4, some NAS boxes and printers); Netlogon uses 137-139 only for trusts without DNS
          NetBIOS name resolution through LMHOSTS; one report of SMB to a Synology NAS failing without it
  after:
    PROTO  LOCAL    PORT  PID  KB            CONF
    tcp    0.0.0.0   135  -    rpcss         medium
    tcp    0.0.0.0   445  -    lanmanserver  medium
    tcp    0.0.0.0  1026  -    schedule      low
    udp    0.0.0.0   135  -    rpcss         medium
    udp    0.0.0.0   445  -    lanmanserver  medium
    udp    0.0.0.0  1029  -    messenger     low

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
    PROTO  LOCAL    PORT  PID  KB         CONF
    tcp    0.0.0.0   135  -    rpcss      medium
    tcp    0.0.0.0  1026  -    schedule   low
    udp    0.0.0.0   135  -    rpcss      medium
    udp    0.0.0.0  1029  -    messenger  low

Step 6 [rpc-dcom] Stop and disable Messenger (Messenger)
  why     Messenger (net send), datagram RPC: the knowledge base disables it by default (S1)
  action  service Messenger: start type disabled, stopped (reboot)
  do      net stop Messenger
          sc config Messenger start= disabled
  undo    sc config Messenger start= auto
          net start Messenger
  before  auto (the default; read at run time)
  closes  udp 0.0.0.0:1029 (messenger, low)
          udp 0.0.0.0:135 (rpcss, medium)
  reboot  yes; prediction confidence low
  breaks  net send and Alerter pop-up messages
          udp/135 (the endpoint mapper's datagram endpoint) goes with the last datagram RPC service
  after:
    PROTO  LOCAL    PORT  PID  KB        CONF
    tcp    0.0.0.0   135  -    rpcss     medium
    tcp    0.0.0.0  1026  -    schedule  low

Step 7 [rpc-dcom] Stop and disable Schedule (Task Scheduler); also RasMan
  why     Task Scheduler: the knowledge base disables it by default (S1)
  action  service Schedule: start type disabled, stopped (reboot)
  do      net stop Schedule
          sc config Schedule start= disabled
  undo    sc config Schedule start= auto
          net start Schedule
  before  auto (the default; read at run time)
  action  service RasMan: start type disabled, stopped (reboot)
  do      net stop RasMan
          sc config RasMan start= disabled
  undo    sc config RasMan start= demand
          net start RasMan
  before  demand (the default; read at run time)
  closes  tcp 0.0.0.0:1026 (schedule, low)
  reboot  yes; prediction confidence low
  breaks  AT jobs and scheduled tasks; managing tasks from other hosts (schtasks /s)
          dial-up and VPN connections, Internet Connection Sharing
  after:
    PROTO  LOCAL    PORT  PID  KB     CONF
    tcp    0.0.0.0   135  -    rpcss  medium

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
    (nothing open)

Stays:
  RpcSs (narrowed): the RPC and COM core of Windows: disabling it breaks the system; on 2000/XP/2003 TCP 135 closes by taking TCP/IP out of DCOM's protocols instead
--- stderr
