# explain a port: every generation
args: explain 135/tcp
exit: 0
--- stdout
linux/samba-dcerpcd: Samba DCE/RPC daemon (endpoint mapper on TCP 135)
  units     samba-dcerpcd.service
  packages  samba
  process   samba-dcerpcd rpcd_epmapper rpcd_spoolss rpcd_winreg
  exists on linux
  opens     tcp 135  [SAMBA]
  breaks    DCE/RPC services of Samba (printing, registry, remote management from Windows)  [SAMBA]
  netmin    disables it on linux  [SAMBA]
  close it  stopped, disabled, masked  [SAMBA]
              systemctl disable --now samba-dcerpcd.service
              systemctl mask samba-dcerpcd.service
              undo: systemctl unmask samba-dcerpcd.service
                    systemctl enable --now samba-dcerpcd.service
  notes     The rpcd_* helpers also listen on dynamic ports (49152 and up), registered with the endpoint mapper.
  sources   SAMBA (documented): smb.conf(5): interfaces, bind interfaces only, disable netbios https://www.samba.org/samba/docs/current/man-html/smb.conf.5.html
  defined   kb/linux-cis.kb:180

windows/rpcss: Remote Procedure Call (RPC): endpoint mapper and DCOM server
  service   RpcSs ("Remote Procedure Call (RPC)")
  process   svchost.exe
  exists on windows
  opens     tcp 135 on windows-nt5  [S1,S4]
            udp 135 on windows-nt5, until the last datagram RPC service goes (the endpoint mapper's datagram endpoint; it goes when the last datagram RPC service goes)  [S1,SEED]
            tcp 593 (ncacn_http endpoint mapper (RPC over HTTP), on domain controllers and RPC-over-HTTP proxies)  [S4]
  rpc       e1af8308-5d1f-11c9-91a4-08002b14a0fa v3.0 epmapper (endpoint mapper)
            99fcfec4-5260-101b-bbcb-00aa0021347a v0.0 IObjectExporter (DCOM OXID resolver)
            000001a0-0000-0000-c000-000000000046 v0.0 IRemoteSCMActivator (DCOM activation)
            4d9f4ab8-7d1c-11cf-861e-0020af6e7c57 v0.0 IActivation (DCOM activation)
  tags      core filter
  breaks    remote DCOM and WMI, remote MMC consoles, Group Policy result reports, certificate enrollment, every RPC client that looks up a dynamic port through TCP 135  [S4]
  netmin    keeps it on windows: the RPC and COM core of Windows: disabling it breaks the system; on 2000/XP/2003 TCP 135 closes by taking TCP/IP out of DCOM's protocols instead  [S1,S5]
  narrower  Remove ncacn_ip_tcp from DCOM's default protocols (reboot), on windows-nt5  [S1,SEED]
              reg query "HKLM\SOFTWARE\Microsoft\Rpc" /v "DCOM Protocols"
              reg add "HKLM\SOFTWARE\Microsoft\Rpc" /v "DCOM Protocols" /t REG_MULTI_SZ /d "<the items listed, without ncacn_ip_tcp, separated by \0>" /f
              undo: reg add "HKLM\SOFTWARE\Microsoft\Rpc" /v "DCOM Protocols" /t REG_MULTI_SZ /d "<the items listed before, separated by \0>" /f
  notes     Disabling DCOM alone (dcomcnfg, EnableDCOM=N) does not close TCP 135; removing the ncacn_ip_tcp protocol sequence does (the note, step 3).
            UDP 135 (ncadg_ip_udp) stays while any service listens for datagram RPC (Messenger on 2000/XP); it goes with the last one, after a reboot.
  sources   S1 (community): J-B. Marchand, Minimization of network services on Windows systems (HSC, 2002): the method netmin automates http://www.hsc.fr/ressources/breves/min_srv_res_win.en.html
            S4 (documented): Microsoft KB 832017, Service overview and network port requirements for Windows https://support.microsoft.com/en-us/help/832017
            SEED (observed): The 2002 note's worked examples: netstat captures of Windows 2000 and XP after each step (tests/data/seed/)
            S5 (documented): Microsoft, Guidance on disabling system services on Windows Server 2016 with Desktop Experience https://learn.microsoft.com/en-us/windows-server/security/windows-services/security-guidelines-for-disabling-system-services-in-windows-server
  defined   kb/windows-rpc.kb:10

windows/rpceptmapper: RPC Endpoint Mapper (RpcEptMapper), TCP 135 on Vista and later
  service   RpcEptMapper ("RPC Endpoint Mapper")
  process   svchost.exe
  exists on windows-vista+
  opens     tcp 135  [S4,S5,S21]
  rpc       e1af8308-5d1f-11c9-91a4-08002b14a0fa v3.0 epmapper (endpoint mapper)
  tags      core filter
  breaks    every remote RPC client: remote management consoles, WMI, Event Viewer, schtasks /s, sc \\host  [S4]
  netmin    keeps it on windows-vista+: no supported off switch on Vista and later (Microsoft: no guidance); COM and DCOM fail without it: filter TCP 135 at the host firewall instead  [S4,S5]
  notes     The first Windows version with a separate RpcEptMapper service is not confirmed; netstat -b shows either RpcSs or RpcEptMapper for TCP 135.
  sources   S4 (documented): Microsoft KB 832017, Service overview and network port requirements for Windows https://support.microsoft.com/en-us/help/832017
            S5 (documented): Microsoft, Guidance on disabling system services on Windows Server 2016 with Desktop Experience https://learn.microsoft.com/en-us/windows-server/security/windows-services/security-guidelines-for-disabling-system-services-in-windows-server
            S21 (observed): Public netstat -abno, Seatbelt and Get-NetTCPConnection captures (Windows 7 to Server 2022) https://pastebin.com/vkgCrpku
  defined   kb/windows-rpc.kb:32
--- stderr
