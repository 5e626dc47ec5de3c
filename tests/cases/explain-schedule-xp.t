# explain a service on one generation
args: explain schedule --os windows-xp
exit: 0
--- stdout
windows/schedule: Task Scheduler
  service   Schedule ("Task Scheduler")
  process   mstask.exe svchost.exe
  exists on windows
  opens     tcp dynamic RPC (1025-5000 on 2000/XP/2003, 49152-65535 later)  [S1,S4]
            tcp 1025, a dynamic port usually seen there on windows-xp  [S1,SEED]
  rpc       1ff70682-0a51-30e8-076d-740be8cee98b v1.0 atsvc (AT service, MS-TSCH)
            378e52b0-c0a9-11cf-822d-00aa0051e40f v1.0 sasec (MS-TSCH)
  goes with RasMan
  tags      filter
  breaks    AT jobs and scheduled tasks; managing tasks from other hosts (schtasks /s)  [S1,S4]
  netmin    disables it on windows-nt5  [S1]
  for       windows-xp
  close it  start type disabled, stopped (reboot), on windows-nt5  [S1,SEED]
              net stop Schedule
              sc config Schedule start= disabled
              undo: sc config Schedule start= auto
                    net start Schedule
  narrower  Bind RPC to loopback only (Rpc\Linkage\Bind = "0") (reboot), on windows-nt5  [S1]
              reg add "HKLM\SYSTEM\CurrentControlSet\Services\Rpc\Linkage" /v "Bind" /t REG_MULTI_SZ /d "0" /f
              undo: reg delete "HKLM\SYSTEM\CurrentControlSet\Services\Rpc\Linkage" /v "Bind" /f
  notes     On 2000/XP the TCP port is shared by every RPC service of the process, so Remote Access Connection Manager (RasMan) goes in the same step (the note: disable schedule and rasman).
            Bind = "0" (REG_MULTI_SZ) makes RPC services listen on 127.0.0.1 only; services that ask for RPC_C_BIND_TO_ALL_NICS ignore it.
  sources   S1 (community): J-B. Marchand, Minimization of network services on Windows systems (HSC, 2002): the method netmin automates http://www.hsc.fr/ressources/breves/min_srv_res_win.en.html
            S4 (documented): Microsoft KB 832017, Service overview and network port requirements for Windows https://support.microsoft.com/en-us/help/832017
            SEED (observed): The 2002 note's worked examples: netstat captures of Windows 2000 and XP after each step (tests/data/seed/)
            S5 (documented): Microsoft, Guidance on disabling system services on Windows Server 2016 with Desktop Experience https://learn.microsoft.com/en-us/windows-server/security/windows-services/security-guidelines-for-disabling-system-services-in-windows-server
  defined   kb/windows-rpc.kb:57
--- stderr
