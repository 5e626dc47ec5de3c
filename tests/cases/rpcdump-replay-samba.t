# rpcdump blocks + port table from a real Samba 4.17 samba-dcerpcd reply (recorded with --record; matches Impacket in tests/integration/rpcdump.sh)
args: rpcdump --replay rpcdump/samba417-standalone.bin 198.18.5.2
exit: 0
--- stdout
82273FDC-E32A-18C3-3F78-827929DC23EA v0.0  eventlog
  interface  eventlog: MS-EVEN EventLog Remoting Protocol
  service    EventLog (wevtsvc.dll)
  bindings   ncacn_np:[\pipe\eventlog]

8D9F4E40-A03D-11CE-8F69-08003E30051B v1.0  ntsvcs
  interface  ntsvcs: Plug and Play (PNP remote interface)
  service    PlugPlay (services.exe)
  bindings   ncacn_np:[\pipe\ntsvcs]
             ncacn_np:[\pipe\plugplay]

A8E0653C-2744-4389-A61D-7373DF8B2292 v1.0  FileServerVssAgent
  interface  FileServerVssAgent: MS-FSRVP File Server Remote VSS Protocol
  service    none, runs in fssagent.dll
  bindings   ncacn_np:[\pipe\FssagentRpc]

885D85FB-C754-4062-A0E7-6872CE0064F4 v2.0  mdssvc
  interface  mdssvc: Spotlight metadata search (Samba, for macOS clients)
  service    none, runs in rpcd_mdssvc
  bindings   ncacn_np:[\pipe\mdssvc]
             ncalrpc:[rpcd_mdssvc]

338CD001-2244-31F1-AAAA-900038001003 v1.0  winreg
  interface  winreg: MS-RRP Windows Remote Registry Protocol
  service    RemoteRegistry (regsvc.dll)
  bindings   ncacn_np:[\pipe\winreg]
             ncacn_ip_tcp:198.18.5.2[49153]
             ncalrpc:[rpcd_winreg]

4B324FC8-1670-01D3-1278-5A47BF6EE188 v3.0  srvsvc
  interface  srvsvc: MS-SRVS Server Service Remote Protocol
  service    LanmanServer (srvsvc.dll)
  bindings   ncacn_np:[\pipe\srvsvc]
             ncacn_ip_tcp:198.18.5.2[49154]
             ncalrpc:[rpcd_classic]

12345778-1234-ABCD-EF00-0123456789AB v0.0  lsarpc
  interface  lsarpc: MS-LSAD Local Security Authority Remote Protocol (LSAD, LSAT)
  service    none, runs in lsasrv.dll
  bindings   ncacn_np:[\pipe\lsarpc]
             ncacn_np:[\pipe\lsass]
             ncacn_ip_tcp:198.18.5.2[49152]
             ncalrpc:[rpcd_lsad]

12345678-1234-ABCD-EF00-0123456789AB v1.0  spoolss
  interface  spoolss: MS-RPRN Print System Remote Protocol
  service    Spooler (spoolsv.exe)
  bindings   ncacn_np:[\pipe\spoolss]
             ncalrpc:[rpcd_spoolss]

E1AF8308-5D1F-11C9-91A4-08002B14A0FA v3.0  epmapper
  interface  epmapper: C706 DCE/RPC endpoint mapper (ept)
  service    RpcSs (rpcss.dll)
  bindings   ncacn_np:[\pipe\epmapper]
             ncacn_ip_tcp:198.18.5.2[135]
             ncacn_http:0.0.0.0[593]
             ncalrpc:[EPMAPPER]

6BFFD098-A112-3610-9833-46C3F87E345A v1.0  wkssvc
  interface  wkssvc: MS-WKST Workstation Service Remote Protocol
  service    LanmanWorkstation (wkssvc.dll)
  bindings   ncacn_ip_tcp:198.18.5.2[49154]
             ncalrpc:[rpcd_classic]
             ncacn_np:[\pipe\wkssvc]

367ABB81-9844-35F1-AD32-98F038001003 v2.0  svcctl
  interface  svcctl: MS-SCMR Service Control Manager Remote Protocol
  service    none, runs in services.exe
  bindings   ncalrpc:[rpcd_classic]
             ncacn_np:[\pipe\svcctl]

12345778-1234-ABCD-EF00-0123456789AC v1.0  samr
  interface  samr: MS-SAMR Security Account Manager (SAM) Remote Protocol
  service    SamSs (samsrv.dll)
  bindings   ncacn_ip_tcp:198.18.5.2[49152]
             ncalrpc:[rpcd_lsad]
             ncacn_np:[\pipe\samr]

894DE0C0-0D55-11D3-A322-00C04FA321A1 v1.0  initshutdown
  interface  InitShutdown: MS-RSP Remote Shutdown Protocol
  service    none, runs in wininit.exe
  bindings   ncacn_np:[\pipe\InitShutdown]

3919286A-B10C-11D0-9BA8-00C04FD92EF5 v0.0  dssetup
  interface  dssetup: MS-DSSP Directory Services Setup Remote Protocol
  service    none, runs in lsasrv.dll
  bindings   ncacn_np:[\pipe\lsarpc]
             ncacn_np:[\pipe\lsass]
             ncacn_ip_tcp:198.18.5.2[49152]
             ncalrpc:[rpcd_lsad]

4FC742E0-4A10-11CF-8273-00AA004AE673 v3.0  netdfs
  interface  netdfs: MS-DFSNM Distributed File System (DFS): Namespace Management Protocol
  service    Dfs (dfssvc.exe)
  bindings   ncacn_ip_tcp:198.18.5.2[49154]
             ncalrpc:[rpcd_classic]
             ncacn_np:[\pipe\netdfs]

PORT       INTERFACES              SERVICES
tcp/135    epmapper                RpcSs
tcp/593    epmapper                RpcSs
tcp/49152  lsarpc, samr, dssetup   lsasrv.dll, SamSs
tcp/49153  winreg                  RemoteRegistry
tcp/49154  srvsvc, wkssvc, netdfs  LanmanServer, LanmanWorkstation, Dfs

38 endpoints, 15 interfaces from 198.18.5.2 port 135; 1 ept_lookup call, list ended by ept_s_not_registered
--- stderr
