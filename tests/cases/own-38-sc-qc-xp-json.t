# hand-made capture (own/38): sc qc of seven XP services: start types, binaries, display names in host.services; no endpoints, a warning says so
args: list --json --from own/38-sc-qc-xp.txt
exit: 0
--- stdout
{
  "schema": "netmin.inventory/1",
  "host": {
    "os": "windows-nt5",
    "os_reason": "guessed: a Messenger service (2000, XP, 2003 only)",
    "source": "file:own/38-sc-qc-xp.txt",
    "sources": [
      "file:own/38-sc-qc-xp.txt"
    ],
    "services": [
      {
        "name": "PolicyAgent",
        "display": "IPSEC Services",
        "start": "auto",
        "state": null,
        "pid": null,
        "type": "share-process",
        "binary": "C:\\WINDOWS\\system32\\lsass.exe"
      },
      {
        "name": "SSDPSRV",
        "display": "SSDP Discovery Service",
        "start": "demand",
        "state": null,
        "pid": null,
        "type": "share-process",
        "binary": "C:\\WINDOWS\\system32\\svchost.exe -k LocalService"
      },
      {
        "name": "W32Time",
        "display": "Windows Time",
        "start": "auto",
        "state": null,
        "pid": null,
        "type": "share-process",
        "binary": "C:\\WINDOWS\\System32\\svchost.exe -k netsvcs"
      },
      {
        "name": "Messenger",
        "display": "Messenger",
        "start": "auto",
        "state": null,
        "pid": null,
        "type": "share-process",
        "binary": "C:\\WINDOWS\\System32\\svchost.exe -k netsvcs"
      },
      {
        "name": "Schedule",
        "display": "Task Scheduler",
        "start": "auto",
        "state": null,
        "pid": null,
        "type": "share-process",
        "binary": "C:\\WINDOWS\\System32\\svchost.exe -k netsvcs"
      },
      {
        "name": "Dnscache",
        "display": "DNS Client",
        "start": "auto",
        "state": null,
        "pid": null,
        "type": "share-process",
        "binary": "C:\\WINDOWS\\System32\\svchost.exe -k NetworkService"
      },
      {
        "name": "LmHosts",
        "display": "TCP/IP NetBIOS Helper",
        "start": "auto",
        "state": null,
        "pid": null,
        "type": "share-process",
        "binary": "C:\\WINDOWS\\System32\\svchost.exe -k LocalService"
      }
    ]
  },
  "endpoints": [],
  "warnings": [
    {
      "source": "own/38-sc-qc-xp.txt",
      "line": null,
      "message": "a service list has no endpoints: it names the services of PIDs; add the same host's netstat -ano with --from to see their ports"
    }
  ]
}
--- stderr
netmin: own/38-sc-qc-xp.txt: a service list has no endpoints: it names the services of PIDs; add the same host's netstat -ano with --from to see their ports
