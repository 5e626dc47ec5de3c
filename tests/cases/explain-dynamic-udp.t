# a dynamic port: who could own it, and how to find out
args: explain 1029/udp --os windows-2000
exit: 0
--- stdout
windows/messenger: Messenger (net send), datagram RPC
  service   Messenger ("Messenger")
  process   services.exe svchost.exe
  exists on windows-nt5
  opens     udp dynamic RPC (1025-5000 on 2000/XP/2003, 49152-65535 later)  [S1,S4]
            udp 1029, a dynamic port usually seen there on windows-2000  [S1,SEED]
  rpc       17fdd703-1827-4e34-79d4-24a55c53bb37 v1.0 msgsvc (MS-MSRP)
            5a7b91f8-ff00-11d0-a9b2-00c04fb6e6fc v1.0 msgsvcsend (MS-MSRP)
  breaks    net send and Alerter pop-up messages  [S1,S4]
  netmin    disables it on windows-nt5  [S1]
  for       windows-2000
  close it  start type disabled, stopped (reboot)  [S1,SEED]
              net stop Messenger
              sc config Messenger start= disabled
              undo: sc config Messenger start= auto
                    net start Messenger
  notes     Windows Vista and later have no Messenger service.
  sources   S1 (community): J-B. Marchand, Minimization of network services on Windows systems (HSC, 2002): the method netmin automates http://www.hsc.fr/ressources/breves/min_srv_res_win.en.html
            S4 (documented): Microsoft KB 832017, Service overview and network port requirements for Windows https://support.microsoft.com/en-us/help/832017
            SEED (observed): The 2002 note's worked examples: netstat captures of Windows 2000 and XP after each step (tests/data/seed/)
  defined   kb/windows-rpc.kb:95

udp/1029 is in the dynamic RPC range of windows-2000: whoever registered it with the endpoint mapper owns it (netmin rpcdump HOST, or netstat -ano with tasklist /svc).  Services that register dynamic datagram RPC ports:
  IISADMIN, Messenger
--- stderr
