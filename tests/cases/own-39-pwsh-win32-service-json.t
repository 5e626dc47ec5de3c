# hand-made capture (own/39) alone: the host's services (state, start type, PID) in JSON, and a warning that there are no endpoints
args: list --json --from own/39-pwsh-win32-service-2019.txt
exit: 0
--- stdout
{
  "schema": "netmin.inventory/1",
  "host": {
    "os": "windows-nt10",
    "os_reason": "guessed: services that exist only on Windows 10 and later (CDPSvc, DoSvc)",
    "source": "file:own/39-pwsh-win32-service-2019.txt",
    "sources": [
      "file:own/39-pwsh-win32-service-2019.txt"
    ],
    "services": [
      {
        "name": "AppXSvc",
        "display": null,
        "start": "demand",
        "state": "stopped",
        "pid": null
      },
      {
        "name": "BFE",
        "display": null,
        "start": "auto",
        "state": "running",
        "pid": 1972
      },
      {
        "name": "BITS",
        "display": null,
        "start": "demand",
        "state": "stopped",
        "pid": null
      },
      {
        "name": "CDPSvc",
        "display": null,
        "start": "auto",
        "state": "running",
        "pid": 1360
      },
      {
        "name": "CryptSvc",
        "display": null,
        "start": "auto",
        "state": "running",
        "pid": 1452
      },
      {
        "name": "DcomLaunch",
        "display": null,
        "start": "auto",
        "state": "running",
        "pid": 808
      },
      {
        "name": "Dhcp",
        "display": null,
        "start": "auto",
        "state": "running",
        "pid": 1172
      },
      {
        "name": "Dnscache",
        "display": null,
        "start": "auto",
        "state": "running",
        "pid": 1452
      },
      {
        "name": "EventLog",
        "display": null,
        "start": "auto",
        "state": "running",
        "pid": 1172
      },
      {
        "name": "IKEEXT",
        "display": null,
        "start": "demand",
        "state": "running",
        "pid": 2512
      },
      {
        "name": "KeyIso",
        "display": null,
        "start": "demand",
        "state": "running",
        "pid": 656
      },
      {
        "name": "LanmanServer",
        "display": null,
        "start": "auto",
        "state": "running",
        "pid": 1584
      },
      {
        "name": "LanmanWorkstation",
        "display": null,
        "start": "auto",
        "state": "running",
        "pid": 1452
      },
      {
        "name": "lmhosts",
        "display": null,
        "start": "demand",
        "state": "running",
        "pid": 1172
      },
      {
        "name": "MpsSvc",
        "display": null,
        "start": "auto",
        "state": "running",
        "pid": 1972
      },
      {
        "name": "Netlogon",
        "display": null,
        "start": "demand",
        "state": "stopped",
        "pid": null
      },
      {
        "name": "PolicyAgent",
        "display": null,
        "start": "demand",
        "state": "stopped",
        "pid": null
      },
      {
        "name": "RemoteRegistry",
        "display": null,
        "start": "disabled",
        "state": "stopped",
        "pid": null
      },
      {
        "name": "RpcEptMapper",
        "display": null,
        "start": "auto",
        "state": "running",
        "pid": 948
      },
      {
        "name": "RpcSs",
        "display": null,
        "start": "auto",
        "state": "running",
        "pid": 948
      },
      {
        "name": "SamSs",
        "display": null,
        "start": "auto",
        "state": "running",
        "pid": 656
      },
      {
        "name": "Schedule",
        "display": null,
        "start": "auto",
        "state": "running",
        "pid": 1584
      },
      {
        "name": "Spooler",
        "display": null,
        "start": "auto",
        "state": "running",
        "pid": 2316
      },
      {
        "name": "SSDPSRV",
        "display": null,
        "start": "disabled",
        "state": "stopped",
        "pid": null
      },
      {
        "name": "TermService",
        "display": null,
        "start": "demand",
        "state": "running",
        "pid": 1044
      },
      {
        "name": "UmRdpService",
        "display": null,
        "start": "demand",
        "state": "running",
        "pid": 1044
      },
      {
        "name": "VaultSvc",
        "display": null,
        "start": "demand",
        "state": "running",
        "pid": 656
      },
      {
        "name": "W32Time",
        "display": null,
        "start": "demand",
        "state": "running",
        "pid": 1360
      },
      {
        "name": "WinRM",
        "display": null,
        "start": "auto",
        "state": "running",
        "pid": 1452
      },
      {
        "name": "Winmgmt",
        "display": null,
        "start": "auto",
        "state": "running",
        "pid": 1584
      }
    ]
  },
  "endpoints": [],
  "warnings": [
    {
      "source": "own/39-pwsh-win32-service-2019.txt",
      "line": null,
      "message": "a service list has no endpoints: it names the services of PIDs; add the same host's netstat -ano with --from to see their ports"
    }
  ]
}
--- stderr
netmin: own/39-pwsh-win32-service-2019.txt: a service list has no endpoints: it names the services of PIDs; add the same host's netstat -ano with --from to see their ports
