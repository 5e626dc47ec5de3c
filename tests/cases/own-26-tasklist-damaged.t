# hand-made capture (own/26): two damaged rows (no service column; a letter in the PID) are warnings with file:line, the wrapped line of the second is not given to another process
args: list --json --from own/26-tasklist-svc-damaged.txt
exit: 0
--- stdout
{
  "schema": "netmin.inventory/1",
  "host": {
    "os": "windows-vista+",
    "os_reason": "guessed: RpcEptMapper or wininit.exe exist from Vista on",
    "source": "file:own/26-tasklist-svc-damaged.txt",
    "sources": [
      "file:own/26-tasklist-svc-damaged.txt"
    ]
  },
  "endpoints": [],
  "warnings": [
    {
      "source": "own/26-tasklist-svc-damaged.txt",
      "line": 8,
      "message": "cannot read this tasklist row: svchost.exe                    9"
    },
    {
      "source": "own/26-tasklist-svc-damaged.txt",
      "line": 10,
      "message": "cannot read this tasklist row: svchost.exe                  1I76 CryptSvc, Dnscache, LanmanWorkstation,"
    },
    {
      "source": "own/26-tasklist-svc-damaged.txt",
      "line": null,
      "message": "a process list has no endpoints: it is evidence about PIDs; add the same host's netstat -ano with --from to see their processes and services"
    }
  ]
}
--- stderr
netmin: own/26-tasklist-svc-damaged.txt:8: cannot read this tasklist row: svchost.exe                    9
netmin: own/26-tasklist-svc-damaged.txt:10: cannot read this tasklist row: svchost.exe                  1I76 CryptSvc, Dnscache, LanmanWorkstation,
netmin: own/26-tasklist-svc-damaged.txt: a process list has no endpoints: it is evidence about PIDs; add the same host's netstat -ano with --from to see their processes and services
