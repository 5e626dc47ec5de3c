# --drop dnscache closes the residue; the JSON contract (netmin.plan/1)
args: plan --from seed/xp-0-initial.netstat-ano.txt --os windows-xp --drop dnscache --json
exit: 0
--- stdout
{
  "schema": "netmin.plan/1",
  "host": {
    "os": "windows-xp",
    "os_reason": "--os",
    "source": "file:seed/xp-0-initial.netstat-ano.txt",
    "sources": [
      "file:seed/xp-0-initial.netstat-ano.txt"
    ]
  },
  "keep": [],
  "drop": [
    "dnscache"
  ],
  "before": [
    {
      "proto": "tcp",
      "family": "ipv4",
      "local_address": "0.0.0.0",
      "local_port": 135,
      "remote_address": null,
      "remote_port": null,
      "state": "listen",
      "pid": 884,
      "process": null,
      "services": [],
      "kb": "windows/rpcss",
      "confidence": "medium",
      "reason": "tcp/135 is RpcSs's port on windows-xp",
      "exposure": "all",
      "phantom": false,
      "source": "file:seed/xp-0-initial.netstat-ano.txt",
      "line": 6
    },
    {
      "proto": "tcp",
      "family": "ipv4",
      "local_address": "0.0.0.0",
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
      "source": "file:seed/xp-0-initial.netstat-ano.txt",
      "line": 7
    },
    {
      "proto": "tcp",
      "family": "ipv4",
      "local_address": "0.0.0.0",
      "local_port": 1025,
      "remote_address": null,
      "remote_port": null,
      "state": "listen",
      "pid": 976,
      "process": null,
      "services": [],
      "kb": "windows/schedule",
      "confidence": "low",
      "reason": "a dynamic port; on windows-xp the note's captures show Schedule here. Not certain: tasklist /svc (or netstat -anob) with this capture, or netmin rpcdump would confirm it",
      "exposure": "all",
      "phantom": false,
      "source": "file:seed/xp-0-initial.netstat-ano.txt",
      "line": 8
    },
    {
      "proto": "tcp",
      "family": "ipv4",
      "local_address": "0.0.0.0",
      "local_port": 5000,
      "remote_address": null,
      "remote_port": null,
      "state": "listen",
      "pid": 1160,
      "process": null,
      "services": [],
      "kb": "windows/ssdpsrv",
      "confidence": "medium",
      "reason": "tcp/5000 is SSDPSRV's port on windows-xp",
      "exposure": "all",
      "phantom": false,
      "source": "file:seed/xp-0-initial.netstat-ano.txt",
      "line": 9
    },
    {
      "proto": "tcp",
      "family": "ipv4",
      "local_address": "192.70.106.143",
      "local_port": 139,
      "remote_address": null,
      "remote_port": null,
      "state": "listen",
      "pid": 4,
      "process": null,
      "services": [],
      "kb": "windows/netbt",
      "confidence": "medium",
      "reason": "process System on tcp/139, NetBT's port",
      "exposure": "address",
      "phantom": false,
      "source": "file:seed/xp-0-initial.netstat-ano.txt",
      "line": 10
    },
    {
      "proto": "udp",
      "family": "ipv4",
      "local_address": "0.0.0.0",
      "local_port": 135,
      "remote_address": null,
      "remote_port": null,
      "state": "unconn",
      "pid": 884,
      "process": null,
      "services": [],
      "kb": "windows/rpcss",
      "confidence": "medium",
      "reason": "udp/135 is RpcSs's port on windows-xp",
      "exposure": "all",
      "phantom": false,
      "source": "file:seed/xp-0-initial.netstat-ano.txt",
      "line": 11
    },
    {
      "proto": "udp",
      "family": "ipv4",
      "local_address": "0.0.0.0",
      "local_port": 445,
      "remote_address": null,
      "remote_port": null,
      "state": "unconn",
      "pid": 4,
      "process": null,
      "services": [],
      "kb": "windows/lanmanserver",
      "confidence": "medium",
      "reason": "process System on udp/445, LanmanServer's port",
      "exposure": "all",
      "phantom": false,
      "source": "file:seed/xp-0-initial.netstat-ano.txt",
      "line": 12
    },
    {
      "proto": "udp",
      "family": "ipv4",
      "local_address": "0.0.0.0",
      "local_port": 500,
      "remote_address": null,
      "remote_port": null,
      "state": "unconn",
      "pid": 704,
      "process": null,
      "services": [],
      "kb": "windows/policyagent",
      "confidence": "medium",
      "reason": "udp/500 is PolicyAgent's port on windows-xp",
      "exposure": "all",
      "phantom": false,
      "source": "file:seed/xp-0-initial.netstat-ano.txt",
      "line": 13
    },
    {
      "proto": "udp",
      "family": "ipv4",
      "local_address": "0.0.0.0",
      "local_port": 1026,
      "remote_address": null,
      "remote_port": null,
      "state": "unconn",
      "pid": 1112,
      "process": null,
      "services": [],
      "kb": "windows/dnscache",
      "confidence": "low",
      "reason": "a dynamic port; on windows-xp the note's captures show Dnscache here (the DNS client's source port in the note's capture). Not certain: tasklist /svc (or netstat -anob) with this capture, or netmin rpcdump would confirm it",
      "exposure": "all",
      "phantom": false,
      "source": "file:seed/xp-0-initial.netstat-ano.txt",
      "line": 14
    },
    {
      "proto": "udp",
      "family": "ipv4",
      "local_address": "0.0.0.0",
      "local_port": 1027,
      "remote_address": null,
      "remote_port": null,
      "state": "unconn",
      "pid": 976,
      "process": null,
      "services": [],
      "kb": "windows/messenger",
      "confidence": "low",
      "reason": "a dynamic port; on windows-xp the note's captures show Messenger here. Not certain: tasklist /svc (or netstat -anob) with this capture, or netmin rpcdump would confirm it",
      "exposure": "all",
      "phantom": false,
      "source": "file:seed/xp-0-initial.netstat-ano.txt",
      "line": 15
    },
    {
      "proto": "udp",
      "family": "ipv4",
      "local_address": "127.0.0.1",
      "local_port": 123,
      "remote_address": null,
      "remote_port": null,
      "state": "unconn",
      "pid": 976,
      "process": null,
      "services": [],
      "kb": "windows/w32time",
      "confidence": "medium",
      "reason": "udp/123 is W32Time's port on windows-xp",
      "exposure": "loopback",
      "phantom": false,
      "source": "file:seed/xp-0-initial.netstat-ano.txt",
      "line": 16
    },
    {
      "proto": "udp",
      "family": "ipv4",
      "local_address": "127.0.0.1",
      "local_port": 1900,
      "remote_address": null,
      "remote_port": null,
      "state": "unconn",
      "pid": 1160,
      "process": null,
      "services": [],
      "kb": "windows/ssdpsrv",
      "confidence": "medium",
      "reason": "udp/1900 is SSDPSRV's port on windows-xp",
      "exposure": "loopback",
      "phantom": false,
      "source": "file:seed/xp-0-initial.netstat-ano.txt",
      "line": 17
    },
    {
      "proto": "udp",
      "family": "ipv4",
      "local_address": "192.70.106.143",
      "local_port": 123,
      "remote_address": null,
      "remote_port": null,
      "state": "unconn",
      "pid": 976,
      "process": null,
      "services": [],
      "kb": "windows/w32time",
      "confidence": "medium",
      "reason": "udp/123 is W32Time's port on windows-xp",
      "exposure": "address",
      "phantom": false,
      "source": "file:seed/xp-0-initial.netstat-ano.txt",
      "line": 18
    },
    {
      "proto": "udp",
      "family": "ipv4",
      "local_address": "192.70.106.143",
      "local_port": 137,
      "remote_address": null,
      "remote_port": null,
      "state": "unconn",
      "pid": 4,
      "process": null,
      "services": [],
      "kb": "windows/netbt",
      "confidence": "medium",
      "reason": "process System on udp/137, NetBT's port",
      "exposure": "address",
      "phantom": false,
      "source": "file:seed/xp-0-initial.netstat-ano.txt",
      "line": 19
    },
    {
      "proto": "udp",
      "family": "ipv4",
      "local_address": "192.70.106.143",
      "local_port": 138,
      "remote_address": null,
      "remote_port": null,
      "state": "unconn",
      "pid": 4,
      "process": null,
      "services": [],
      "kb": "windows/netbt",
      "confidence": "medium",
      "reason": "process System on udp/138, NetBT's port",
      "exposure": "address",
      "phantom": false,
      "source": "file:seed/xp-0-initial.netstat-ano.txt",
      "line": 20
    },
    {
      "proto": "udp",
      "family": "ipv4",
      "local_address": "192.70.106.143",
      "local_port": 1900,
      "remote_address": null,
      "remote_port": null,
      "state": "unconn",
      "pid": 1160,
      "process": null,
      "services": [],
      "kb": "windows/ssdpsrv",
      "confidence": "medium",
      "reason": "udp/1900 is SSDPSRV's port on windows-xp",
      "exposure": "address",
      "phantom": false,
      "source": "file:seed/xp-0-initial.netstat-ano.txt",
      "line": 21
    }
  ],
  "steps": [
    {
      "id": 1,
      "phase": "services",
      "title": "Stop and disable PolicyAgent (IPsec Policy Agent)",
      "why": "IPsec Policy Agent (IPSEC Services; IKE in lsass on 2000/XP/2003): the knowledge base disables it by default (S1)",
      "kb": [
        "windows/policyagent"
      ],
      "actions": [
        {
          "kind": "service",
          "mode": "disable",
          "target": "PolicyAgent",
          "change": "start type disabled, stopped",
          "commands": [
            "net stop PolicyAgent",
            "sc config PolicyAgent start= disabled"
          ],
          "undo": [
            "sc config PolicyAgent start= auto",
            "net start PolicyAgent"
          ],
          "reboot": false,
          "restart": false,
          "service": "PolicyAgent",
          "start": "disabled",
          "stop": true,
          "dependants": [],
          "alternatives": [],
          "reads": [
            {
              "kind": "service",
              "target": "PolicyAgent",
              "value": null
            },
            {
              "kind": "registry",
              "target": "HKLM\\SYSTEM\\CurrentControlSet\\Services\\PolicyAgent",
              "value": "Start"
            }
          ],
          "prior": "auto",
          "prior_assumed": true,
          "effects": [],
          "kb": "windows/policyagent",
          "sources": "S1,SEED",
          "unverified": false
        }
      ],
      "closes": [
        {
          "proto": "udp",
          "family": "ipv4",
          "local_address": "0.0.0.0",
          "local_port": 500,
          "pid": 704,
          "kb": "windows/policyagent",
          "confidence": "medium"
        }
      ],
      "moves": [],
      "reboot": false,
      "confidence": "medium",
      "effects": [
        "IPsec policies and the VPNs, L2TP and domain isolation that use them"
      ],
      "after": [
        {
          "proto": "tcp",
          "family": "ipv4",
          "local_address": "0.0.0.0",
          "local_port": 135,
          "remote_address": null,
          "remote_port": null,
          "state": "listen",
          "pid": 884,
          "process": null,
          "services": [],
          "kb": "windows/rpcss",
          "confidence": "medium",
          "reason": "tcp/135 is RpcSs's port on windows-xp",
          "exposure": "all",
          "phantom": false,
          "source": "file:seed/xp-0-initial.netstat-ano.txt",
          "line": 6
        },
        {
          "proto": "tcp",
          "family": "ipv4",
          "local_address": "0.0.0.0",
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
          "source": "file:seed/xp-0-initial.netstat-ano.txt",
          "line": 7
        },
        {
          "proto": "tcp",
          "family": "ipv4",
          "local_address": "0.0.0.0",
          "local_port": 1025,
          "remote_address": null,
          "remote_port": null,
          "state": "listen",
          "pid": 976,
          "process": null,
          "services": [],
          "kb": "windows/schedule",
          "confidence": "low",
          "reason": "a dynamic port; on windows-xp the note's captures show Schedule here. Not certain: tasklist /svc (or netstat -anob) with this capture, or netmin rpcdump would confirm it",
          "exposure": "all",
          "phantom": false,
          "source": "file:seed/xp-0-initial.netstat-ano.txt",
          "line": 8
        },
        {
          "proto": "tcp",
          "family": "ipv4",
          "local_address": "0.0.0.0",
          "local_port": 5000,
          "remote_address": null,
          "remote_port": null,
          "state": "listen",
          "pid": 1160,
          "process": null,
          "services": [],
          "kb": "windows/ssdpsrv",
          "confidence": "medium",
          "reason": "tcp/5000 is SSDPSRV's port on windows-xp",
          "exposure": "all",
          "phantom": false,
          "source": "file:seed/xp-0-initial.netstat-ano.txt",
          "line": 9
        },
        {
          "proto": "tcp",
          "family": "ipv4",
          "local_address": "192.70.106.143",
          "local_port": 139,
          "remote_address": null,
          "remote_port": null,
          "state": "listen",
          "pid": 4,
          "process": null,
          "services": [],
          "kb": "windows/netbt",
          "confidence": "medium",
          "reason": "process System on tcp/139, NetBT's port",
          "exposure": "address",
          "phantom": false,
          "source": "file:seed/xp-0-initial.netstat-ano.txt",
          "line": 10
        },
        {
          "proto": "udp",
          "family": "ipv4",
          "local_address": "0.0.0.0",
          "local_port": 135,
          "remote_address": null,
          "remote_port": null,
          "state": "unconn",
          "pid": 884,
          "process": null,
          "services": [],
          "kb": "windows/rpcss",
          "confidence": "medium",
          "reason": "udp/135 is RpcSs's port on windows-xp",
          "exposure": "all",
          "phantom": false,
          "source": "file:seed/xp-0-initial.netstat-ano.txt",
          "line": 11
        },
        {
          "proto": "udp",
          "family": "ipv4",
          "local_address": "0.0.0.0",
          "local_port": 445,
          "remote_address": null,
          "remote_port": null,
          "state": "unconn",
          "pid": 4,
          "process": null,
          "services": [],
          "kb": "windows/lanmanserver",
          "confidence": "medium",
          "reason": "process System on udp/445, LanmanServer's port",
          "exposure": "all",
          "phantom": false,
          "source": "file:seed/xp-0-initial.netstat-ano.txt",
          "line": 12
        },
        {
          "proto": "udp",
          "family": "ipv4",
          "local_address": "0.0.0.0",
          "local_port": 1026,
          "remote_address": null,
          "remote_port": null,
          "state": "unconn",
          "pid": 1112,
          "process": null,
          "services": [],
          "kb": "windows/dnscache",
          "confidence": "low",
          "reason": "a dynamic port; on windows-xp the note's captures show Dnscache here (the DNS client's source port in the note's capture). Not certain: tasklist /svc (or netstat -anob) with this capture, or netmin rpcdump would confirm it",
          "exposure": "all",
          "phantom": false,
          "source": "file:seed/xp-0-initial.netstat-ano.txt",
          "line": 14
        },
        {
          "proto": "udp",
          "family": "ipv4",
          "local_address": "0.0.0.0",
          "local_port": 1027,
          "remote_address": null,
          "remote_port": null,
          "state": "unconn",
          "pid": 976,
          "process": null,
          "services": [],
          "kb": "windows/messenger",
          "confidence": "low",
          "reason": "a dynamic port; on windows-xp the note's captures show Messenger here. Not certain: tasklist /svc (or netstat -anob) with this capture, or netmin rpcdump would confirm it",
          "exposure": "all",
          "phantom": false,
          "source": "file:seed/xp-0-initial.netstat-ano.txt",
          "line": 15
        },
        {
          "proto": "udp",
          "family": "ipv4",
          "local_address": "127.0.0.1",
          "local_port": 123,
          "remote_address": null,
          "remote_port": null,
          "state": "unconn",
          "pid": 976,
          "process": null,
          "services": [],
          "kb": "windows/w32time",
          "confidence": "medium",
          "reason": "udp/123 is W32Time's port on windows-xp",
          "exposure": "loopback",
          "phantom": false,
          "source": "file:seed/xp-0-initial.netstat-ano.txt",
          "line": 16
        },
        {
          "proto": "udp",
          "family": "ipv4",
          "local_address": "127.0.0.1",
          "local_port": 1900,
          "remote_address": null,
          "remote_port": null,
          "state": "unconn",
          "pid": 1160,
          "process": null,
          "services": [],
          "kb": "windows/ssdpsrv",
          "confidence": "medium",
          "reason": "udp/1900 is SSDPSRV's port on windows-xp",
          "exposure": "loopback",
          "phantom": false,
          "source": "file:seed/xp-0-initial.netstat-ano.txt",
          "line": 17
        },
        {
          "proto": "udp",
          "family": "ipv4",
          "local_address": "192.70.106.143",
          "local_port": 123,
          "remote_address": null,
          "remote_port": null,
          "state": "unconn",
          "pid": 976,
          "process": null,
          "services": [],
          "kb": "windows/w32time",
          "confidence": "medium",
          "reason": "udp/123 is W32Time's port on windows-xp",
          "exposure": "address",
          "phantom": false,
          "source": "file:seed/xp-0-initial.netstat-ano.txt",
          "line": 18
        },
        {
          "proto": "udp",
          "family": "ipv4",
          "local_address": "192.70.106.143",
          "local_port": 137,
          "remote_address": null,
          "remote_port": null,
          "state": "unconn",
          "pid": 4,
          "process": null,
          "services": [],
          "kb": "windows/netbt",
          "confidence": "medium",
          "reason": "process System on udp/137, NetBT's port",
          "exposure": "address",
          "phantom": false,
          "source": "file:seed/xp-0-initial.netstat-ano.txt",
          "line": 19
        },
        {
          "proto": "udp",
          "family": "ipv4",
          "local_address": "192.70.106.143",
          "local_port": 138,
          "remote_address": null,
          "remote_port": null,
          "state": "unconn",
          "pid": 4,
          "process": null,
          "services": [],
          "kb": "windows/netbt",
          "confidence": "medium",
          "reason": "process System on udp/138, NetBT's port",
          "exposure": "address",
          "phantom": false,
          "source": "file:seed/xp-0-initial.netstat-ano.txt",
          "line": 20
        },
        {
          "proto": "udp",
          "family": "ipv4",
          "local_address": "192.70.106.143",
          "local_port": 1900,
          "remote_address": null,
          "remote_port": null,
          "state": "unconn",
          "pid": 1160,
          "process": null,
          "services": [],
          "kb": "windows/ssdpsrv",
          "confidence": "medium",
          "reason": "udp/1900 is SSDPSRV's port on windows-xp",
          "exposure": "address",
          "phantom": false,
          "source": "file:seed/xp-0-initial.netstat-ano.txt",
          "line": 21
        }
      ]
    },
    {
      "id": 2,
      "phase": "services",
      "title": "Stop and disable SSDPSRV (SSDP Discovery)",
      "why": "SSDP Discovery (UPnP device discovery): the knowledge base disables it by default (S1,S5)",
      "kb": [
        "windows/ssdpsrv"
      ],
      "actions": [
        {
          "kind": "service",
          "mode": "disable",
          "target": "SSDPSRV",
          "change": "start type disabled, stopped",
          "commands": [
            "net stop SSDPSRV",
            "sc config SSDPSRV start= disabled"
          ],
          "undo": [
            "sc config SSDPSRV start= auto",
            "net start SSDPSRV"
          ],
          "reboot": false,
          "restart": false,
          "service": "SSDPSRV",
          "start": "disabled",
          "stop": true,
          "dependants": [],
          "alternatives": [],
          "reads": [
            {
              "kind": "service",
              "target": "SSDPSRV",
              "value": null
            },
            {
              "kind": "registry",
              "target": "HKLM\\SYSTEM\\CurrentControlSet\\Services\\SSDPSRV",
              "value": "Start"
            }
          ],
          "prior": "auto",
          "prior_assumed": true,
          "effects": [],
          "kb": "windows/ssdpsrv",
          "sources": "S1,S5,SEED",
          "unverified": false
        }
      ],
      "closes": [
        {
          "proto": "tcp",
          "family": "ipv4",
          "local_address": "0.0.0.0",
          "local_port": 5000,
          "pid": 1160,
          "kb": "windows/ssdpsrv",
          "confidence": "medium"
        },
        {
          "proto": "udp",
          "family": "ipv4",
          "local_address": "127.0.0.1",
          "local_port": 1900,
          "pid": 1160,
          "kb": "windows/ssdpsrv",
          "confidence": "medium"
        },
        {
          "proto": "udp",
          "family": "ipv4",
          "local_address": "192.70.106.143",
          "local_port": 1900,
          "pid": 1160,
          "kb": "windows/ssdpsrv",
          "confidence": "medium"
        }
      ],
      "moves": [],
      "reboot": false,
      "confidence": "medium",
      "effects": [
        "UPnP device discovery; the UPnP Device Host (upnphost) depends on it"
      ],
      "after": [
        {
          "proto": "tcp",
          "family": "ipv4",
          "local_address": "0.0.0.0",
          "local_port": 135,
          "remote_address": null,
          "remote_port": null,
          "state": "listen",
          "pid": 884,
          "process": null,
          "services": [],
          "kb": "windows/rpcss",
          "confidence": "medium",
          "reason": "tcp/135 is RpcSs's port on windows-xp",
          "exposure": "all",
          "phantom": false,
          "source": "file:seed/xp-0-initial.netstat-ano.txt",
          "line": 6
        },
        {
          "proto": "tcp",
          "family": "ipv4",
          "local_address": "0.0.0.0",
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
          "source": "file:seed/xp-0-initial.netstat-ano.txt",
          "line": 7
        },
        {
          "proto": "tcp",
          "family": "ipv4",
          "local_address": "0.0.0.0",
          "local_port": 1025,
          "remote_address": null,
          "remote_port": null,
          "state": "listen",
          "pid": 976,
          "process": null,
          "services": [],
          "kb": "windows/schedule",
          "confidence": "low",
          "reason": "a dynamic port; on windows-xp the note's captures show Schedule here. Not certain: tasklist /svc (or netstat -anob) with this capture, or netmin rpcdump would confirm it",
          "exposure": "all",
          "phantom": false,
          "source": "file:seed/xp-0-initial.netstat-ano.txt",
          "line": 8
        },
        {
          "proto": "tcp",
          "family": "ipv4",
          "local_address": "192.70.106.143",
          "local_port": 139,
          "remote_address": null,
          "remote_port": null,
          "state": "listen",
          "pid": 4,
          "process": null,
          "services": [],
          "kb": "windows/netbt",
          "confidence": "medium",
          "reason": "process System on tcp/139, NetBT's port",
          "exposure": "address",
          "phantom": false,
          "source": "file:seed/xp-0-initial.netstat-ano.txt",
          "line": 10
        },
        {
          "proto": "udp",
          "family": "ipv4",
          "local_address": "0.0.0.0",
          "local_port": 135,
          "remote_address": null,
          "remote_port": null,
          "state": "unconn",
          "pid": 884,
          "process": null,
          "services": [],
          "kb": "windows/rpcss",
          "confidence": "medium",
          "reason": "udp/135 is RpcSs's port on windows-xp",
          "exposure": "all",
          "phantom": false,
          "source": "file:seed/xp-0-initial.netstat-ano.txt",
          "line": 11
        },
        {
          "proto": "udp",
          "family": "ipv4",
          "local_address": "0.0.0.0",
          "local_port": 445,
          "remote_address": null,
          "remote_port": null,
          "state": "unconn",
          "pid": 4,
          "process": null,
          "services": [],
          "kb": "windows/lanmanserver",
          "confidence": "medium",
          "reason": "process System on udp/445, LanmanServer's port",
          "exposure": "all",
          "phantom": false,
          "source": "file:seed/xp-0-initial.netstat-ano.txt",
          "line": 12
        },
        {
          "proto": "udp",
          "family": "ipv4",
          "local_address": "0.0.0.0",
          "local_port": 1026,
          "remote_address": null,
          "remote_port": null,
          "state": "unconn",
          "pid": 1112,
          "process": null,
          "services": [],
          "kb": "windows/dnscache",
          "confidence": "low",
          "reason": "a dynamic port; on windows-xp the note's captures show Dnscache here (the DNS client's source port in the note's capture). Not certain: tasklist /svc (or netstat -anob) with this capture, or netmin rpcdump would confirm it",
          "exposure": "all",
          "phantom": false,
          "source": "file:seed/xp-0-initial.netstat-ano.txt",
          "line": 14
        },
        {
          "proto": "udp",
          "family": "ipv4",
          "local_address": "0.0.0.0",
          "local_port": 1027,
          "remote_address": null,
          "remote_port": null,
          "state": "unconn",
          "pid": 976,
          "process": null,
          "services": [],
          "kb": "windows/messenger",
          "confidence": "low",
          "reason": "a dynamic port; on windows-xp the note's captures show Messenger here. Not certain: tasklist /svc (or netstat -anob) with this capture, or netmin rpcdump would confirm it",
          "exposure": "all",
          "phantom": false,
          "source": "file:seed/xp-0-initial.netstat-ano.txt",
          "line": 15
        },
        {
          "proto": "udp",
          "family": "ipv4",
          "local_address": "127.0.0.1",
          "local_port": 123,
          "remote_address": null,
          "remote_port": null,
          "state": "unconn",
          "pid": 976,
          "process": null,
          "services": [],
          "kb": "windows/w32time",
          "confidence": "medium",
          "reason": "udp/123 is W32Time's port on windows-xp",
          "exposure": "loopback",
          "phantom": false,
          "source": "file:seed/xp-0-initial.netstat-ano.txt",
          "line": 16
        },
        {
          "proto": "udp",
          "family": "ipv4",
          "local_address": "192.70.106.143",
          "local_port": 123,
          "remote_address": null,
          "remote_port": null,
          "state": "unconn",
          "pid": 976,
          "process": null,
          "services": [],
          "kb": "windows/w32time",
          "confidence": "medium",
          "reason": "udp/123 is W32Time's port on windows-xp",
          "exposure": "address",
          "phantom": false,
          "source": "file:seed/xp-0-initial.netstat-ano.txt",
          "line": 18
        },
        {
          "proto": "udp",
          "family": "ipv4",
          "local_address": "192.70.106.143",
          "local_port": 137,
          "remote_address": null,
          "remote_port": null,
          "state": "unconn",
          "pid": 4,
          "process": null,
          "services": [],
          "kb": "windows/netbt",
          "confidence": "medium",
          "reason": "process System on udp/137, NetBT's port",
          "exposure": "address",
          "phantom": false,
          "source": "file:seed/xp-0-initial.netstat-ano.txt",
          "line": 19
        },
        {
          "proto": "udp",
          "family": "ipv4",
          "local_address": "192.70.106.143",
          "local_port": 138,
          "remote_address": null,
          "remote_port": null,
          "state": "unconn",
          "pid": 4,
          "process": null,
          "services": [],
          "kb": "windows/netbt",
          "confidence": "medium",
          "reason": "process System on udp/138, NetBT's port",
          "exposure": "address",
          "phantom": false,
          "source": "file:seed/xp-0-initial.netstat-ano.txt",
          "line": 20
        }
      ]
    },
    {
      "id": 3,
      "phase": "services",
      "title": "Stop and disable W32Time (Windows Time)",
      "why": "Windows Time: the knowledge base disables it by default (S1)",
      "kb": [
        "windows/w32time"
      ],
      "actions": [
        {
          "kind": "service",
          "mode": "disable",
          "target": "W32Time",
          "change": "start type disabled, stopped",
          "commands": [
            "net stop W32Time",
            "sc config W32Time start= disabled"
          ],
          "undo": [
            "sc config W32Time start= auto",
            "net start W32Time"
          ],
          "reboot": false,
          "restart": false,
          "service": "W32Time",
          "start": "disabled",
          "stop": true,
          "dependants": [],
          "alternatives": [],
          "reads": [
            {
              "kind": "service",
              "target": "W32Time",
              "value": null
            },
            {
              "kind": "registry",
              "target": "HKLM\\SYSTEM\\CurrentControlSet\\Services\\W32Time",
              "value": "Start"
            }
          ],
          "prior": "auto",
          "prior_assumed": true,
          "effects": [],
          "kb": "windows/w32time",
          "sources": "S1,SEED",
          "unverified": false
        }
      ],
      "closes": [
        {
          "proto": "udp",
          "family": "ipv4",
          "local_address": "127.0.0.1",
          "local_port": 123,
          "pid": 976,
          "kb": "windows/w32time",
          "confidence": "medium"
        },
        {
          "proto": "udp",
          "family": "ipv4",
          "local_address": "192.70.106.143",
          "local_port": 123,
          "pid": 976,
          "kb": "windows/w32time",
          "confidence": "medium"
        }
      ],
      "moves": [],
      "reboot": false,
      "confidence": "medium",
      "effects": [
        "clock synchronisation; on domain members, Kerberos authentication once the clock drifts"
      ],
      "after": [
        {
          "proto": "tcp",
          "family": "ipv4",
          "local_address": "0.0.0.0",
          "local_port": 135,
          "remote_address": null,
          "remote_port": null,
          "state": "listen",
          "pid": 884,
          "process": null,
          "services": [],
          "kb": "windows/rpcss",
          "confidence": "medium",
          "reason": "tcp/135 is RpcSs's port on windows-xp",
          "exposure": "all",
          "phantom": false,
          "source": "file:seed/xp-0-initial.netstat-ano.txt",
          "line": 6
        },
        {
          "proto": "tcp",
          "family": "ipv4",
          "local_address": "0.0.0.0",
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
          "source": "file:seed/xp-0-initial.netstat-ano.txt",
          "line": 7
        },
        {
          "proto": "tcp",
          "family": "ipv4",
          "local_address": "0.0.0.0",
          "local_port": 1025,
          "remote_address": null,
          "remote_port": null,
          "state": "listen",
          "pid": 976,
          "process": null,
          "services": [],
          "kb": "windows/schedule",
          "confidence": "low",
          "reason": "a dynamic port; on windows-xp the note's captures show Schedule here. Not certain: tasklist /svc (or netstat -anob) with this capture, or netmin rpcdump would confirm it",
          "exposure": "all",
          "phantom": false,
          "source": "file:seed/xp-0-initial.netstat-ano.txt",
          "line": 8
        },
        {
          "proto": "tcp",
          "family": "ipv4",
          "local_address": "192.70.106.143",
          "local_port": 139,
          "remote_address": null,
          "remote_port": null,
          "state": "listen",
          "pid": 4,
          "process": null,
          "services": [],
          "kb": "windows/netbt",
          "confidence": "medium",
          "reason": "process System on tcp/139, NetBT's port",
          "exposure": "address",
          "phantom": false,
          "source": "file:seed/xp-0-initial.netstat-ano.txt",
          "line": 10
        },
        {
          "proto": "udp",
          "family": "ipv4",
          "local_address": "0.0.0.0",
          "local_port": 135,
          "remote_address": null,
          "remote_port": null,
          "state": "unconn",
          "pid": 884,
          "process": null,
          "services": [],
          "kb": "windows/rpcss",
          "confidence": "medium",
          "reason": "udp/135 is RpcSs's port on windows-xp",
          "exposure": "all",
          "phantom": false,
          "source": "file:seed/xp-0-initial.netstat-ano.txt",
          "line": 11
        },
        {
          "proto": "udp",
          "family": "ipv4",
          "local_address": "0.0.0.0",
          "local_port": 445,
          "remote_address": null,
          "remote_port": null,
          "state": "unconn",
          "pid": 4,
          "process": null,
          "services": [],
          "kb": "windows/lanmanserver",
          "confidence": "medium",
          "reason": "process System on udp/445, LanmanServer's port",
          "exposure": "all",
          "phantom": false,
          "source": "file:seed/xp-0-initial.netstat-ano.txt",
          "line": 12
        },
        {
          "proto": "udp",
          "family": "ipv4",
          "local_address": "0.0.0.0",
          "local_port": 1026,
          "remote_address": null,
          "remote_port": null,
          "state": "unconn",
          "pid": 1112,
          "process": null,
          "services": [],
          "kb": "windows/dnscache",
          "confidence": "low",
          "reason": "a dynamic port; on windows-xp the note's captures show Dnscache here (the DNS client's source port in the note's capture). Not certain: tasklist /svc (or netstat -anob) with this capture, or netmin rpcdump would confirm it",
          "exposure": "all",
          "phantom": false,
          "source": "file:seed/xp-0-initial.netstat-ano.txt",
          "line": 14
        },
        {
          "proto": "udp",
          "family": "ipv4",
          "local_address": "0.0.0.0",
          "local_port": 1027,
          "remote_address": null,
          "remote_port": null,
          "state": "unconn",
          "pid": 976,
          "process": null,
          "services": [],
          "kb": "windows/messenger",
          "confidence": "low",
          "reason": "a dynamic port; on windows-xp the note's captures show Messenger here. Not certain: tasklist /svc (or netstat -anob) with this capture, or netmin rpcdump would confirm it",
          "exposure": "all",
          "phantom": false,
          "source": "file:seed/xp-0-initial.netstat-ano.txt",
          "line": 15
        },
        {
          "proto": "udp",
          "family": "ipv4",
          "local_address": "192.70.106.143",
          "local_port": 137,
          "remote_address": null,
          "remote_port": null,
          "state": "unconn",
          "pid": 4,
          "process": null,
          "services": [],
          "kb": "windows/netbt",
          "confidence": "medium",
          "reason": "process System on udp/137, NetBT's port",
          "exposure": "address",
          "phantom": false,
          "source": "file:seed/xp-0-initial.netstat-ano.txt",
          "line": 19
        },
        {
          "proto": "udp",
          "family": "ipv4",
          "local_address": "192.70.106.143",
          "local_port": 138,
          "remote_address": null,
          "remote_port": null,
          "state": "unconn",
          "pid": 4,
          "process": null,
          "services": [],
          "kb": "windows/netbt",
          "confidence": "medium",
          "reason": "process System on udp/138, NetBT's port",
          "exposure": "address",
          "phantom": false,
          "source": "file:seed/xp-0-initial.netstat-ano.txt",
          "line": 20
        }
      ]
    },
    {
      "id": 4,
      "phase": "netbios-smb",
      "title": "Disable NetBIOS over TCP/IP on every adapter; also lmhosts",
      "why": "NetBIOS over TCP/IP (NetBT driver): name service, datagrams, session service: the knowledge base disables it by default (S1,S4)",
      "kb": [
        "windows/netbt",
        "windows/lmhosts"
      ],
      "actions": [
        {
          "kind": "netbios",
          "mode": "disable",
          "target": "HKLM\\SYSTEM\\CurrentControlSet\\Services\\NetBT\\Parameters\\Interfaces",
          "change": "NetbiosOptions = 2 on every adapter (NetBIOS over TCP/IP off)",
          "commands": [
            "for /f \"delims=\" %k in ('reg query \"HKLM\\SYSTEM\\CurrentControlSet\\Services\\NetBT\\Parameters\\Interfaces\" ^| findstr /i \"\\\\Tcpip_\"') do reg add \"%k\" /v NetbiosOptions /t REG_DWORD /d 2 /f"
          ],
          "undo": [
            "for /f \"delims=\" %k in ('reg query \"HKLM\\SYSTEM\\CurrentControlSet\\Services\\NetBT\\Parameters\\Interfaces\" ^| findstr /i \"\\\\Tcpip_\"') do reg add \"%k\" /v NetbiosOptions /t REG_DWORD /d <each adapter's value before, 0 by default> /f"
          ],
          "reboot": false,
          "restart": false,
          "op": "set",
          "key": "HKLM\\SYSTEM\\CurrentControlSet\\Services\\NetBT\\Parameters\\Interfaces",
          "subkeys": "Tcpip_*",
          "value": "NetbiosOptions",
          "type": "REG_DWORD",
          "data": "2",
          "alternatives": [],
          "reads": [
            {
              "kind": "registry-subkeys",
              "target": "HKLM\\SYSTEM\\CurrentControlSet\\Services\\NetBT\\Parameters\\Interfaces",
              "value": "Tcpip_*"
            }
          ],
          "prior": "0",
          "prior_assumed": true,
          "effects": [],
          "kb": "windows/netbt",
          "sources": "S1,SEED",
          "unverified": false
        },
        {
          "kind": "service",
          "mode": "disable",
          "target": "lmhosts",
          "change": "start type disabled, stopped",
          "commands": [
            "net stop lmhosts",
            "sc config lmhosts start= disabled"
          ],
          "undo": [
            "sc config lmhosts start= auto",
            "net start lmhosts"
          ],
          "reboot": false,
          "restart": false,
          "service": "lmhosts",
          "start": "disabled",
          "stop": true,
          "dependants": [],
          "alternatives": [],
          "reads": [
            {
              "kind": "service",
              "target": "lmhosts",
              "value": null
            },
            {
              "kind": "registry",
              "target": "HKLM\\SYSTEM\\CurrentControlSet\\Services\\lmhosts",
              "value": "Start"
            }
          ],
          "prior": "auto",
          "prior_assumed": true,
          "effects": [],
          "kb": "windows/lmhosts",
          "sources": "S1,SEED",
          "unverified": false
        }
      ],
      "closes": [
        {
          "proto": "tcp",
          "family": "ipv4",
          "local_address": "192.70.106.143",
          "local_port": 139,
          "pid": 4,
          "kb": "windows/netbt",
          "confidence": "medium"
        },
        {
          "proto": "udp",
          "family": "ipv4",
          "local_address": "192.70.106.143",
          "local_port": 137,
          "pid": 4,
          "kb": "windows/netbt",
          "confidence": "medium"
        },
        {
          "proto": "udp",
          "family": "ipv4",
          "local_address": "192.70.106.143",
          "local_port": 138,
          "pid": 4,
          "kb": "windows/netbt",
          "confidence": "medium"
        }
      ],
      "moves": [],
      "reboot": false,
      "confidence": "medium",
      "effects": [
        "NetBIOS names and browsing (Network Neighbourhood), WINS, SMB with peers that speak only NetBIOS (NT4, some NAS boxes and printers); Netlogon uses 137-139 only for trusts without DNS",
        "NetBIOS name resolution through LMHOSTS; one report of SMB to a Synology NAS failing without it"
      ],
      "after": [
        {
          "proto": "tcp",
          "family": "ipv4",
          "local_address": "0.0.0.0",
          "local_port": 135,
          "remote_address": null,
          "remote_port": null,
          "state": "listen",
          "pid": 884,
          "process": null,
          "services": [],
          "kb": "windows/rpcss",
          "confidence": "medium",
          "reason": "tcp/135 is RpcSs's port on windows-xp",
          "exposure": "all",
          "phantom": false,
          "source": "file:seed/xp-0-initial.netstat-ano.txt",
          "line": 6
        },
        {
          "proto": "tcp",
          "family": "ipv4",
          "local_address": "0.0.0.0",
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
          "source": "file:seed/xp-0-initial.netstat-ano.txt",
          "line": 7
        },
        {
          "proto": "tcp",
          "family": "ipv4",
          "local_address": "0.0.0.0",
          "local_port": 1025,
          "remote_address": null,
          "remote_port": null,
          "state": "listen",
          "pid": 976,
          "process": null,
          "services": [],
          "kb": "windows/schedule",
          "confidence": "low",
          "reason": "a dynamic port; on windows-xp the note's captures show Schedule here. Not certain: tasklist /svc (or netstat -anob) with this capture, or netmin rpcdump would confirm it",
          "exposure": "all",
          "phantom": false,
          "source": "file:seed/xp-0-initial.netstat-ano.txt",
          "line": 8
        },
        {
          "proto": "udp",
          "family": "ipv4",
          "local_address": "0.0.0.0",
          "local_port": 135,
          "remote_address": null,
          "remote_port": null,
          "state": "unconn",
          "pid": 884,
          "process": null,
          "services": [],
          "kb": "windows/rpcss",
          "confidence": "medium",
          "reason": "udp/135 is RpcSs's port on windows-xp",
          "exposure": "all",
          "phantom": false,
          "source": "file:seed/xp-0-initial.netstat-ano.txt",
          "line": 11
        },
        {
          "proto": "udp",
          "family": "ipv4",
          "local_address": "0.0.0.0",
          "local_port": 445,
          "remote_address": null,
          "remote_port": null,
          "state": "unconn",
          "pid": 4,
          "process": null,
          "services": [],
          "kb": "windows/lanmanserver",
          "confidence": "medium",
          "reason": "process System on udp/445, LanmanServer's port",
          "exposure": "all",
          "phantom": false,
          "source": "file:seed/xp-0-initial.netstat-ano.txt",
          "line": 12
        },
        {
          "proto": "udp",
          "family": "ipv4",
          "local_address": "0.0.0.0",
          "local_port": 1026,
          "remote_address": null,
          "remote_port": null,
          "state": "unconn",
          "pid": 1112,
          "process": null,
          "services": [],
          "kb": "windows/dnscache",
          "confidence": "low",
          "reason": "a dynamic port; on windows-xp the note's captures show Dnscache here (the DNS client's source port in the note's capture). Not certain: tasklist /svc (or netstat -anob) with this capture, or netmin rpcdump would confirm it",
          "exposure": "all",
          "phantom": false,
          "source": "file:seed/xp-0-initial.netstat-ano.txt",
          "line": 14
        },
        {
          "proto": "udp",
          "family": "ipv4",
          "local_address": "0.0.0.0",
          "local_port": 1027,
          "remote_address": null,
          "remote_port": null,
          "state": "unconn",
          "pid": 976,
          "process": null,
          "services": [],
          "kb": "windows/messenger",
          "confidence": "low",
          "reason": "a dynamic port; on windows-xp the note's captures show Messenger here. Not certain: tasklist /svc (or netstat -anob) with this capture, or netmin rpcdump would confirm it",
          "exposure": "all",
          "phantom": false,
          "source": "file:seed/xp-0-initial.netstat-ano.txt",
          "line": 15
        }
      ]
    },
    {
      "id": 5,
      "phase": "netbios-smb",
      "title": "Turn off direct-hosted SMB (SMBDeviceEnabled = 0)",
      "why": "SMB file and printer sharing: the Server service and direct-hosted SMB (port 445): the knowledge base disables it by default (S1)",
      "kb": [
        "windows/lanmanserver"
      ],
      "actions": [
        {
          "kind": "registry",
          "mode": "disable",
          "target": "HKLM\\SYSTEM\\CurrentControlSet\\Services\\NetBT\\Parameters\\SMBDeviceEnabled",
          "change": "SMBDeviceEnabled = 0 (REG_DWORD)",
          "commands": [
            "reg add \"HKLM\\SYSTEM\\CurrentControlSet\\Services\\NetBT\\Parameters\" /v \"SMBDeviceEnabled\" /t REG_DWORD /d \"0\" /f"
          ],
          "undo": [
            "reg delete \"HKLM\\SYSTEM\\CurrentControlSet\\Services\\NetBT\\Parameters\" /v \"SMBDeviceEnabled\" /f"
          ],
          "reboot": true,
          "restart": false,
          "op": "set",
          "key": "HKLM\\SYSTEM\\CurrentControlSet\\Services\\NetBT\\Parameters",
          "value": "SMBDeviceEnabled",
          "type": "REG_DWORD",
          "data": "0",
          "alternatives": [],
          "reads": [
            {
              "kind": "registry",
              "target": "HKLM\\SYSTEM\\CurrentControlSet\\Services\\NetBT\\Parameters",
              "value": "SMBDeviceEnabled"
            }
          ],
          "prior": "absent",
          "prior_assumed": true,
          "effects": [],
          "kb": "windows/lanmanserver",
          "sources": "S1,S7,SEED",
          "unverified": false
        }
      ],
      "closes": [
        {
          "proto": "tcp",
          "family": "ipv4",
          "local_address": "0.0.0.0",
          "local_port": 445,
          "pid": 4,
          "kb": "windows/lanmanserver",
          "confidence": "medium"
        },
        {
          "proto": "udp",
          "family": "ipv4",
          "local_address": "0.0.0.0",
          "local_port": 445,
          "pid": 4,
          "kb": "windows/lanmanserver",
          "confidence": "medium"
        }
      ],
      "moves": [],
      "reboot": true,
      "confidence": "medium",
      "effects": [
        "file and printer sharing, administrative shares (C$, ADMIN$), IPC$ named pipes for remote management (svcctl, winreg, samr, lsarpc, spoolss, netlogon)"
      ],
      "after": [
        {
          "proto": "tcp",
          "family": "ipv4",
          "local_address": "0.0.0.0",
          "local_port": 135,
          "remote_address": null,
          "remote_port": null,
          "state": "listen",
          "pid": 884,
          "process": null,
          "services": [],
          "kb": "windows/rpcss",
          "confidence": "medium",
          "reason": "tcp/135 is RpcSs's port on windows-xp",
          "exposure": "all",
          "phantom": false,
          "source": "file:seed/xp-0-initial.netstat-ano.txt",
          "line": 6
        },
        {
          "proto": "tcp",
          "family": "ipv4",
          "local_address": "0.0.0.0",
          "local_port": 1025,
          "remote_address": null,
          "remote_port": null,
          "state": "listen",
          "pid": 976,
          "process": null,
          "services": [],
          "kb": "windows/schedule",
          "confidence": "low",
          "reason": "a dynamic port; on windows-xp the note's captures show Schedule here. Not certain: tasklist /svc (or netstat -anob) with this capture, or netmin rpcdump would confirm it",
          "exposure": "all",
          "phantom": false,
          "source": "file:seed/xp-0-initial.netstat-ano.txt",
          "line": 8
        },
        {
          "proto": "udp",
          "family": "ipv4",
          "local_address": "0.0.0.0",
          "local_port": 135,
          "remote_address": null,
          "remote_port": null,
          "state": "unconn",
          "pid": 884,
          "process": null,
          "services": [],
          "kb": "windows/rpcss",
          "confidence": "medium",
          "reason": "udp/135 is RpcSs's port on windows-xp",
          "exposure": "all",
          "phantom": false,
          "source": "file:seed/xp-0-initial.netstat-ano.txt",
          "line": 11
        },
        {
          "proto": "udp",
          "family": "ipv4",
          "local_address": "0.0.0.0",
          "local_port": 1026,
          "remote_address": null,
          "remote_port": null,
          "state": "unconn",
          "pid": 1112,
          "process": null,
          "services": [],
          "kb": "windows/dnscache",
          "confidence": "low",
          "reason": "a dynamic port; on windows-xp the note's captures show Dnscache here (the DNS client's source port in the note's capture). Not certain: tasklist /svc (or netstat -anob) with this capture, or netmin rpcdump would confirm it",
          "exposure": "all",
          "phantom": false,
          "source": "file:seed/xp-0-initial.netstat-ano.txt",
          "line": 14
        },
        {
          "proto": "udp",
          "family": "ipv4",
          "local_address": "0.0.0.0",
          "local_port": 1027,
          "remote_address": null,
          "remote_port": null,
          "state": "unconn",
          "pid": 976,
          "process": null,
          "services": [],
          "kb": "windows/messenger",
          "confidence": "low",
          "reason": "a dynamic port; on windows-xp the note's captures show Messenger here. Not certain: tasklist /svc (or netstat -anob) with this capture, or netmin rpcdump would confirm it",
          "exposure": "all",
          "phantom": false,
          "source": "file:seed/xp-0-initial.netstat-ano.txt",
          "line": 15
        }
      ]
    },
    {
      "id": 6,
      "phase": "rpc-dcom",
      "title": "Stop and disable Messenger (Messenger)",
      "why": "Messenger (net send), datagram RPC: the knowledge base disables it by default (S1)",
      "kb": [
        "windows/messenger"
      ],
      "actions": [
        {
          "kind": "service",
          "mode": "disable",
          "target": "Messenger",
          "change": "start type disabled, stopped",
          "commands": [
            "net stop Messenger",
            "sc config Messenger start= disabled"
          ],
          "undo": [
            "sc config Messenger start= auto",
            "net start Messenger"
          ],
          "reboot": true,
          "restart": false,
          "service": "Messenger",
          "start": "disabled",
          "stop": true,
          "dependants": [],
          "alternatives": [],
          "reads": [
            {
              "kind": "service",
              "target": "Messenger",
              "value": null
            },
            {
              "kind": "registry",
              "target": "HKLM\\SYSTEM\\CurrentControlSet\\Services\\Messenger",
              "value": "Start"
            }
          ],
          "prior": "auto",
          "prior_assumed": true,
          "effects": [],
          "kb": "windows/messenger",
          "sources": "S1,SEED",
          "unverified": false
        }
      ],
      "closes": [
        {
          "proto": "udp",
          "family": "ipv4",
          "local_address": "0.0.0.0",
          "local_port": 1027,
          "pid": 976,
          "kb": "windows/messenger",
          "confidence": "low"
        },
        {
          "proto": "udp",
          "family": "ipv4",
          "local_address": "0.0.0.0",
          "local_port": 135,
          "pid": 884,
          "kb": "windows/rpcss",
          "confidence": "medium"
        }
      ],
      "moves": [],
      "reboot": true,
      "confidence": "low",
      "effects": [
        "net send and Alerter pop-up messages",
        "udp/135 (the endpoint mapper's datagram endpoint) goes with the last datagram RPC service"
      ],
      "after": [
        {
          "proto": "tcp",
          "family": "ipv4",
          "local_address": "0.0.0.0",
          "local_port": 135,
          "remote_address": null,
          "remote_port": null,
          "state": "listen",
          "pid": 884,
          "process": null,
          "services": [],
          "kb": "windows/rpcss",
          "confidence": "medium",
          "reason": "tcp/135 is RpcSs's port on windows-xp",
          "exposure": "all",
          "phantom": false,
          "source": "file:seed/xp-0-initial.netstat-ano.txt",
          "line": 6
        },
        {
          "proto": "tcp",
          "family": "ipv4",
          "local_address": "0.0.0.0",
          "local_port": 1025,
          "remote_address": null,
          "remote_port": null,
          "state": "listen",
          "pid": 976,
          "process": null,
          "services": [],
          "kb": "windows/schedule",
          "confidence": "low",
          "reason": "a dynamic port; on windows-xp the note's captures show Schedule here. Not certain: tasklist /svc (or netstat -anob) with this capture, or netmin rpcdump would confirm it",
          "exposure": "all",
          "phantom": false,
          "source": "file:seed/xp-0-initial.netstat-ano.txt",
          "line": 8
        },
        {
          "proto": "udp",
          "family": "ipv4",
          "local_address": "0.0.0.0",
          "local_port": 1026,
          "remote_address": null,
          "remote_port": null,
          "state": "unconn",
          "pid": 1112,
          "process": null,
          "services": [],
          "kb": "windows/dnscache",
          "confidence": "low",
          "reason": "a dynamic port; on windows-xp the note's captures show Dnscache here (the DNS client's source port in the note's capture). Not certain: tasklist /svc (or netstat -anob) with this capture, or netmin rpcdump would confirm it",
          "exposure": "all",
          "phantom": false,
          "source": "file:seed/xp-0-initial.netstat-ano.txt",
          "line": 14
        }
      ]
    },
    {
      "id": 7,
      "phase": "rpc-dcom",
      "title": "Stop and disable Schedule (Task Scheduler); also RasMan",
      "why": "Task Scheduler: the knowledge base disables it by default (S1)",
      "kb": [
        "windows/schedule",
        "windows/rasman"
      ],
      "actions": [
        {
          "kind": "service",
          "mode": "disable",
          "target": "Schedule",
          "change": "start type disabled, stopped",
          "commands": [
            "net stop Schedule",
            "sc config Schedule start= disabled"
          ],
          "undo": [
            "sc config Schedule start= auto",
            "net start Schedule"
          ],
          "reboot": true,
          "restart": false,
          "service": "Schedule",
          "start": "disabled",
          "stop": true,
          "dependants": [],
          "alternatives": [],
          "reads": [
            {
              "kind": "service",
              "target": "Schedule",
              "value": null
            },
            {
              "kind": "registry",
              "target": "HKLM\\SYSTEM\\CurrentControlSet\\Services\\Schedule",
              "value": "Start"
            }
          ],
          "prior": "auto",
          "prior_assumed": true,
          "effects": [],
          "kb": "windows/schedule",
          "sources": "S1,SEED",
          "unverified": false
        },
        {
          "kind": "service",
          "mode": "disable",
          "target": "RasMan",
          "change": "start type disabled, stopped",
          "commands": [
            "net stop RasMan",
            "sc config RasMan start= disabled"
          ],
          "undo": [
            "sc config RasMan start= demand",
            "net start RasMan"
          ],
          "reboot": true,
          "restart": false,
          "service": "RasMan",
          "start": "disabled",
          "stop": true,
          "dependants": [],
          "alternatives": [],
          "reads": [
            {
              "kind": "service",
              "target": "RasMan",
              "value": null
            },
            {
              "kind": "registry",
              "target": "HKLM\\SYSTEM\\CurrentControlSet\\Services\\RasMan",
              "value": "Start"
            }
          ],
          "prior": "demand",
          "prior_assumed": true,
          "effects": [],
          "kb": "windows/rasman",
          "sources": "S1",
          "unverified": false
        }
      ],
      "closes": [
        {
          "proto": "tcp",
          "family": "ipv4",
          "local_address": "0.0.0.0",
          "local_port": 1025,
          "pid": 976,
          "kb": "windows/schedule",
          "confidence": "low"
        }
      ],
      "moves": [],
      "reboot": true,
      "confidence": "low",
      "effects": [
        "AT jobs and scheduled tasks; managing tasks from other hosts (schtasks /s)",
        "dial-up and VPN connections, Internet Connection Sharing"
      ],
      "after": [
        {
          "proto": "tcp",
          "family": "ipv4",
          "local_address": "0.0.0.0",
          "local_port": 135,
          "remote_address": null,
          "remote_port": null,
          "state": "listen",
          "pid": 884,
          "process": null,
          "services": [],
          "kb": "windows/rpcss",
          "confidence": "medium",
          "reason": "tcp/135 is RpcSs's port on windows-xp",
          "exposure": "all",
          "phantom": false,
          "source": "file:seed/xp-0-initial.netstat-ano.txt",
          "line": 6
        },
        {
          "proto": "udp",
          "family": "ipv4",
          "local_address": "0.0.0.0",
          "local_port": 1026,
          "remote_address": null,
          "remote_port": null,
          "state": "unconn",
          "pid": 1112,
          "process": null,
          "services": [],
          "kb": "windows/dnscache",
          "confidence": "low",
          "reason": "a dynamic port; on windows-xp the note's captures show Dnscache here (the DNS client's source port in the note's capture). Not certain: tasklist /svc (or netstat -anob) with this capture, or netmin rpcdump would confirm it",
          "exposure": "all",
          "phantom": false,
          "source": "file:seed/xp-0-initial.netstat-ano.txt",
          "line": 14
        }
      ]
    },
    {
      "id": 8,
      "phase": "rpc-dcom",
      "title": "Remove ncacn_ip_tcp from DCOM's default protocols",
      "why": "RpcSs stays (the RPC and COM core of Windows: disabling it breaks the system; on 2000/XP/2003 TCP 135 closes by taking TCP/IP out of DCOM's protocols instead); this narrows what it exposes",
      "kb": [
        "windows/rpcss"
      ],
      "actions": [
        {
          "kind": "registry",
          "mode": "narrow",
          "target": "HKLM\\SOFTWARE\\Microsoft\\Rpc\\DCOM Protocols",
          "change": "DCOM Protocols without ncacn_ip_tcp",
          "commands": [
            "reg query \"HKLM\\SOFTWARE\\Microsoft\\Rpc\" /v \"DCOM Protocols\"",
            "reg add \"HKLM\\SOFTWARE\\Microsoft\\Rpc\" /v \"DCOM Protocols\" /t REG_MULTI_SZ /d \"<the items listed, without ncacn_ip_tcp, separated by \\0>\" /f"
          ],
          "undo": [
            "reg add \"HKLM\\SOFTWARE\\Microsoft\\Rpc\" /v \"DCOM Protocols\" /t REG_MULTI_SZ /d \"<the items listed before, separated by \\0>\" /f"
          ],
          "reboot": true,
          "restart": false,
          "op": "multi-remove",
          "key": "HKLM\\SOFTWARE\\Microsoft\\Rpc",
          "value": "DCOM Protocols",
          "type": "REG_MULTI_SZ",
          "data": "ncacn_ip_tcp",
          "items": [
            "ncacn_ip_tcp"
          ],
          "alternatives": [],
          "reads": [
            {
              "kind": "registry",
              "target": "HKLM\\SOFTWARE\\Microsoft\\Rpc",
              "value": "DCOM Protocols"
            }
          ],
          "prior": null,
          "prior_assumed": false,
          "effects": [
            "DCOM over TCP/IP to and from other hosts"
          ],
          "kb": "windows/rpcss",
          "sources": "S1,SEED",
          "unverified": false
        }
      ],
      "closes": [
        {
          "proto": "tcp",
          "family": "ipv4",
          "local_address": "0.0.0.0",
          "local_port": 135,
          "pid": 884,
          "kb": "windows/rpcss",
          "confidence": "medium"
        }
      ],
      "moves": [],
      "reboot": true,
      "confidence": "medium",
      "effects": [
        "DCOM over TCP/IP to and from other hosts"
      ],
      "after": [
        {
          "proto": "udp",
          "family": "ipv4",
          "local_address": "0.0.0.0",
          "local_port": 1026,
          "remote_address": null,
          "remote_port": null,
          "state": "unconn",
          "pid": 1112,
          "process": null,
          "services": [],
          "kb": "windows/dnscache",
          "confidence": "low",
          "reason": "a dynamic port; on windows-xp the note's captures show Dnscache here (the DNS client's source port in the note's capture). Not certain: tasklist /svc (or netstat -anob) with this capture, or netmin rpcdump would confirm it",
          "exposure": "all",
          "phantom": false,
          "source": "file:seed/xp-0-initial.netstat-ano.txt",
          "line": 14
        }
      ]
    },
    {
      "id": 9,
      "phase": "residue",
      "title": "Stop and disable Dnscache (DNS Client)",
      "why": "you asked to drop it (--drop)",
      "kb": [
        "windows/dnscache"
      ],
      "actions": [
        {
          "kind": "service",
          "mode": "disable",
          "target": "Dnscache",
          "change": "start type disabled, stopped",
          "commands": [
            "net stop Dnscache",
            "sc config Dnscache start= disabled"
          ],
          "undo": [
            "sc config Dnscache start= auto",
            "net start Dnscache"
          ],
          "reboot": false,
          "restart": false,
          "service": "Dnscache",
          "start": "disabled",
          "stop": true,
          "dependants": [],
          "alternatives": [],
          "reads": [
            {
              "kind": "service",
              "target": "Dnscache",
              "value": null
            },
            {
              "kind": "registry",
              "target": "HKLM\\SYSTEM\\CurrentControlSet\\Services\\Dnscache",
              "value": "Start"
            }
          ],
          "prior": "auto",
          "prior_assumed": true,
          "effects": [],
          "kb": "windows/dnscache",
          "sources": "S1",
          "unverified": false
        }
      ],
      "closes": [
        {
          "proto": "udp",
          "family": "ipv4",
          "local_address": "0.0.0.0",
          "local_port": 1026,
          "pid": 1112,
          "kb": "windows/dnscache",
          "confidence": "low"
        }
      ],
      "moves": [],
      "reboot": false,
      "confidence": "low",
      "effects": [
        "DNS caching (every lookup goes to the server); on Vista and later name resolution"
      ],
      "after": []
    }
  ],
  "kept": [
    {
      "kb": "windows/rpcss",
      "name": "RpcSs",
      "why": "the RPC and COM core of Windows: disabling it breaks the system; on 2000/XP/2003 TCP 135 closes by taking TCP/IP out of DCOM's protocols instead",
      "asked": false,
      "narrowed": true,
      "endpoints": []
    }
  ],
  "remaining": [],
  "notes": []
}
--- stderr
