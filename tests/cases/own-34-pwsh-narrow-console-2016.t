# hand-made capture (own/34): the default table in a 128-column console: the OwningProcess header wraps onto a second line, a long IPv6 address is cut with '...' (address_truncated and a warning with its line)
args: list --all --json -6 --from own/34-pwsh-narrow-console-2016.txt
exit: 0
--- stdout
{
  "schema": "netmin.inventory/1",
  "host": {
    "os": "windows-nt10",
    "os_reason": "guessed: IPv6 rows and RPC listeners from 49664 (Windows 10 / Server 2016 and later)",
    "source": "file:own/34-pwsh-narrow-console-2016.txt",
    "sources": [
      "file:own/34-pwsh-narrow-console-2016.txt"
    ]
  },
  "endpoints": [
    {
      "proto": "tcp",
      "family": "ipv6",
      "local_address": "::",
      "local_port": 49673,
      "remote_address": null,
      "remote_port": null,
      "state": "listen",
      "pid": 2744,
      "process": null,
      "services": [],
      "kb": null,
      "confidence": "none",
      "reason": "dynamic RPC port, owner unknown (PID 2744): netmin rpcdump HOST names the interface behind tcp/49673; tasklist /svc or netstat -anob names the services of the PID",
      "exposure": "all",
      "phantom": false,
      "source": "file:own/34-pwsh-narrow-console-2016.txt",
      "line": 6
    },
    {
      "proto": "tcp",
      "family": "ipv6",
      "local_address": "::",
      "local_port": 445,
      "remote_address": null,
      "remote_port": null,
      "state": "listen",
      "pid": 4,
      "process": null,
      "services": [],
      "kb": "windows/lanmanserver",
      "confidence": "medium",
      "reason": "process System on tcp/445, LanmanServer's port",
      "exposure": "all",
      "phantom": false,
      "source": "file:own/34-pwsh-narrow-console-2016.txt",
      "line": 7
    },
    {
      "proto": "tcp",
      "family": "ipv6",
      "local_address": "::",
      "local_port": 135,
      "remote_address": null,
      "remote_port": null,
      "state": "listen",
      "pid": 888,
      "process": null,
      "services": [],
      "kb": "windows/rpceptmapper",
      "confidence": "medium",
      "reason": "tcp/135 is RpcEptMapper's port on windows-nt10",
      "exposure": "all",
      "phantom": false,
      "source": "file:own/34-pwsh-narrow-console-2016.txt",
      "line": 8
    },
    {
      "proto": "tcp",
      "family": "ipv6",
      "local_address": "2001:db8:4a1:20:f1c3:9e42:7b0d:5",
      "local_port": 443,
      "remote_address": "2001:db8:4a1:20::1f",
      "remote_port": 53344,
      "state": "established",
      "pid": 4,
      "process": null,
      "services": [],
      "kb": null,
      "exposure": "address",
      "phantom": false,
      "address_truncated": true,
      "source": "file:own/34-pwsh-narrow-console-2016.txt",
      "line": 9
    },
    {
      "proto": "tcp",
      "family": "ipv6",
      "local_address": "2001:db8:4a1:20:a5d0:3c11:ee98:41b7",
      "local_port": 3389,
      "remote_address": "2001:db8:4a1:33:91a0:55e1:c2d4:7777",
      "remote_port": 60211,
      "state": "established",
      "pid": 1204,
      "process": null,
      "services": [],
      "kb": null,
      "exposure": "address",
      "phantom": false,
      "source": "file:own/34-pwsh-narrow-console-2016.txt",
      "line": 10
    }
  ],
  "warnings": [
    {
      "source": "own/34-pwsh-narrow-console-2016.txt",
      "line": 9,
      "message": "PowerShell cut the local address to fit its column (\"2001:db8:4a1:20:f1c3:9e42:7b0d:5...\"): it is kept as far as it goes; use Format-Table -AutoSize or Format-List"
    }
  ]
}
--- stderr
netmin: own/34-pwsh-narrow-console-2016.txt:9: PowerShell cut the local address to fit its column ("2001:db8:4a1:20:f1c3:9e42:7b0d:5..."): it is kept as far as it goes; use Format-Table -AutoSize or Format-List
