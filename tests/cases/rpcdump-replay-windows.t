# rpcdump blocks for the Windows 2000 style map: who owns 1025-1029
args: rpcdump --replay rpcdump/windows-paged.bin 192.0.2.20
exit: 0
--- stdout
E1AF8308-5D1F-11C9-91A4-08002B14A0FA v3.0
  interface  epmapper: C706 DCE/RPC endpoint mapper (ept)
  service    RpcSs (rpcss.dll)
  bindings   ncacn_ip_tcp:192.70.106.143[135]
             ncadg_ip_udp:192.70.106.143[135]
             ncacn_http:192.70.106.143[593]

906B0CE0-C70B-1067-B317-00DD010662DA v1.0
  interface  IXnRemote: MS-CMPO MSDTC Connection Manager: OleTx Transports Protocol
  service    MSDTC (msdtcprx.dll)
  bindings   ncacn_ip_tcp:192.70.106.143[1025]

1FF70682-0A51-30E8-076D-740BE8CEE98B v1.0
  interface  atsvc: MS-TSCH Task Scheduler Service Remoting Protocol (ATSvc)
  service    Schedule (taskcomp.dll)
  bindings   ncacn_ip_tcp:192.70.106.143[1026]

378E52B0-C0A9-11CF-822D-00AA0051E40F v1.0
  interface  sasec: MS-TSCH Task Scheduler Service Remoting Protocol (SASec)
  service    Schedule (taskcomp.dll)
  bindings   ncacn_np:\\W2KSRV[\PIPE\atsvc]

82AD4280-036B-11CF-972C-00AA006887B0 v2.0
  interface  inetinfo: MS-IRP Internet Information Services (IIS) Inetinfo Remote Protocol
  service    IISADMIN (infocomm.dll)
  bindings   ncacn_ip_tcp:192.70.106.143[1027]
             ncadg_ip_udp:192.70.106.143[1028]

5A7B91F8-FF00-11D0-A9B2-00C04FB6E6FC v1.0  Messenger Service
  interface  msgsvcsend: MS-MSRP Messenger Service Remote Protocol (msgsvcsend)
  service    Messenger (msgsvc.dll)
  bindings   ncadg_ip_udp:192.70.106.143[1029]  object 5A7B91F8-FF00-11D0-A9B2-00C04FB6E6FC

17FDD703-1827-4E34-79D4-24A55C53BB37 v1.0  Messenger Service
  interface  msgsvc: MS-MSRP Messenger Service Remote Protocol
  service    Messenger (msgsvc.dll)
  bindings   ncalrpc:[ntsvcs]

(no interface in the tower)  no tower
  interface  unknown
  service    unknown
  bindings   (no tower)

PORT      INTERFACES  SERVICES
tcp/135   epmapper    RpcSs
tcp/593   epmapper    RpcSs
tcp/1025  IXnRemote   MSDTC
tcp/1026  atsvc       Schedule
tcp/1027  inetinfo    IISADMIN
udp/135   epmapper    RpcSs
udp/1028  inetinfo    IISADMIN
udp/1029  msgsvcsend  Messenger

11 endpoints, 8 interfaces from 192.0.2.20 port 135; 2 ept_lookup calls, list ended by null handle
--- stderr
