# audit JSON (netmin.audit/1)
args: audit --from seed/w2k-0-initial.netstat-an.txt --os windows-2000 --json
exit: 1
--- stdout
{
  "schema": "netmin.audit/1",
  "host": {
    "os": "windows-2000",
    "os_reason": "--os",
    "source": "file:seed/w2k-0-initial.netstat-an.txt",
    "sources": [
      "file:seed/w2k-0-initial.netstat-an.txt"
    ]
  },
  "summary": {
    "open": 19,
    "exposed": 19,
    "closed": 19,
    "narrowed": 0,
    "stay": 0,
    "stay_exposed": 0,
    "steps": 8,
    "reboots": 4,
    "minimal": false
  },
  "endpoints": [
    {
      "proto": "tcp",
      "family": "ipv4",
      "local_address": "0.0.0.0",
      "local_port": 25,
      "remote_address": null,
      "remote_port": null,
      "state": "listen",
      "pid": null,
      "process": null,
      "services": [],
      "kb": "windows/smtpsvc",
      "confidence": "medium",
      "reason": "tcp/25 is SMTPSVC's port on windows-2000; the capture shows no owning process",
      "exposure": "all",
      "phantom": false,
      "source": "file:seed/w2k-0-initial.netstat-an.txt",
      "line": 6,
      "plan": {
        "fate": "close",
        "step": 1,
        "why": null
      }
    },
    {
      "proto": "tcp",
      "family": "ipv4",
      "local_address": "0.0.0.0",
      "local_port": 80,
      "remote_address": null,
      "remote_port": null,
      "state": "listen",
      "pid": null,
      "process": null,
      "services": [],
      "kb": "windows/w3svc",
      "confidence": "medium",
      "reason": "tcp/80 is W3SVC's port on windows-2000; the capture shows no owning process",
      "exposure": "all",
      "phantom": false,
      "source": "file:seed/w2k-0-initial.netstat-an.txt",
      "line": 7,
      "plan": {
        "fate": "close",
        "step": 1,
        "why": null
      }
    },
    {
      "proto": "tcp",
      "family": "ipv4",
      "local_address": "0.0.0.0",
      "local_port": 135,
      "remote_address": null,
      "remote_port": null,
      "state": "listen",
      "pid": null,
      "process": null,
      "services": [],
      "kb": "windows/rpcss",
      "confidence": "medium",
      "reason": "tcp/135 is RpcSs's port on windows-2000; the capture shows no owning process",
      "exposure": "all",
      "phantom": false,
      "source": "file:seed/w2k-0-initial.netstat-an.txt",
      "line": 8,
      "plan": {
        "fate": "close",
        "step": 8,
        "why": null
      }
    },
    {
      "proto": "tcp",
      "family": "ipv4",
      "local_address": "0.0.0.0",
      "local_port": 443,
      "remote_address": null,
      "remote_port": null,
      "state": "listen",
      "pid": null,
      "process": null,
      "services": [],
      "kb": "windows/w3svc",
      "confidence": "medium",
      "reason": "tcp/443 is W3SVC's port on windows-2000; the capture shows no owning process",
      "exposure": "all",
      "phantom": false,
      "source": "file:seed/w2k-0-initial.netstat-an.txt",
      "line": 9,
      "plan": {
        "fate": "close",
        "step": 1,
        "why": null
      }
    },
    {
      "proto": "tcp",
      "family": "ipv4",
      "local_address": "0.0.0.0",
      "local_port": 445,
      "remote_address": null,
      "remote_port": null,
      "state": "listen",
      "pid": null,
      "process": null,
      "services": [],
      "kb": "windows/lanmanserver",
      "confidence": "medium",
      "reason": "tcp/445 is LanmanServer's port on windows-2000; the capture shows no owning process",
      "exposure": "all",
      "phantom": false,
      "source": "file:seed/w2k-0-initial.netstat-an.txt",
      "line": 10,
      "plan": {
        "fate": "close",
        "step": 5,
        "why": null
      }
    },
    {
      "proto": "tcp",
      "family": "ipv4",
      "local_address": "0.0.0.0",
      "local_port": 1025,
      "remote_address": null,
      "remote_port": null,
      "state": "listen",
      "pid": null,
      "process": null,
      "services": [],
      "kb": "windows/msdtc",
      "confidence": "low",
      "reason": "a dynamic port; on windows-2000 the note's captures show MSDTC here. Not certain: netstat -ano with tasklist /svc, or netmin rpcdump would confirm it",
      "exposure": "all",
      "phantom": false,
      "source": "file:seed/w2k-0-initial.netstat-an.txt",
      "line": 11,
      "plan": {
        "fate": "close",
        "step": 3,
        "why": null
      }
    },
    {
      "proto": "tcp",
      "family": "ipv4",
      "local_address": "0.0.0.0",
      "local_port": 1026,
      "remote_address": null,
      "remote_port": null,
      "state": "listen",
      "pid": null,
      "process": null,
      "services": [],
      "kb": "windows/schedule",
      "confidence": "low",
      "reason": "a dynamic port; on windows-2000 the note's captures show Schedule here. Not certain: netstat -ano with tasklist /svc, or netmin rpcdump would confirm it",
      "exposure": "all",
      "phantom": false,
      "source": "file:seed/w2k-0-initial.netstat-an.txt",
      "line": 12,
      "plan": {
        "fate": "close",
        "step": 7,
        "why": null
      }
    },
    {
      "proto": "tcp",
      "family": "ipv4",
      "local_address": "0.0.0.0",
      "local_port": 1027,
      "remote_address": null,
      "remote_port": null,
      "state": "listen",
      "pid": null,
      "process": null,
      "services": [],
      "kb": "windows/iisadmin",
      "confidence": "low",
      "reason": "a dynamic port; on windows-2000 the note's captures show IISADMIN here (IIS RPC in the note's capture). Not certain: netstat -ano with tasklist /svc, or netmin rpcdump would confirm it",
      "exposure": "all",
      "phantom": false,
      "source": "file:seed/w2k-0-initial.netstat-an.txt",
      "line": 13,
      "plan": {
        "fate": "close",
        "step": 1,
        "why": null
      }
    },
    {
      "proto": "tcp",
      "family": "ipv4",
      "local_address": "0.0.0.0",
      "local_port": 3372,
      "remote_address": null,
      "remote_port": null,
      "state": "listen",
      "pid": null,
      "process": null,
      "services": [],
      "kb": "windows/msdtc",
      "confidence": "medium",
      "reason": "tcp/3372 is MSDTC's port on windows-2000; the capture shows no owning process",
      "exposure": "all",
      "phantom": false,
      "source": "file:seed/w2k-0-initial.netstat-an.txt",
      "line": 14,
      "plan": {
        "fate": "close",
        "step": 3,
        "why": null
      }
    },
    {
      "proto": "tcp",
      "family": "ipv4",
      "local_address": "0.0.0.0",
      "local_port": 4983,
      "remote_address": null,
      "remote_port": null,
      "state": "listen",
      "pid": null,
      "process": null,
      "services": [],
      "kb": "windows/iisadmin",
      "confidence": "low",
      "reason": "tcp/4983 is IISADMIN's port on windows-2000 (the port fact is unverified); the capture shows no owning process",
      "exposure": "all",
      "phantom": false,
      "source": "file:seed/w2k-0-initial.netstat-an.txt",
      "line": 15,
      "plan": {
        "fate": "close",
        "step": 1,
        "why": null
      }
    },
    {
      "proto": "tcp",
      "family": "ipv4",
      "local_address": "192.70.106.143",
      "local_port": 139,
      "remote_address": null,
      "remote_port": null,
      "state": "listen",
      "pid": null,
      "process": null,
      "services": [],
      "kb": "windows/netbt",
      "confidence": "medium",
      "reason": "tcp/139 is NetBT's port on windows-2000; the capture shows no owning process",
      "exposure": "address",
      "phantom": false,
      "source": "file:seed/w2k-0-initial.netstat-an.txt",
      "line": 16,
      "plan": {
        "fate": "close",
        "step": 4,
        "why": null
      }
    },
    {
      "proto": "udp",
      "family": "ipv4",
      "local_address": "0.0.0.0",
      "local_port": 135,
      "remote_address": null,
      "remote_port": null,
      "state": "unconn",
      "pid": null,
      "process": null,
      "services": [],
      "kb": "windows/rpcss",
      "confidence": "medium",
      "reason": "udp/135 is RpcSs's port on windows-2000; the capture shows no owning process",
      "exposure": "all",
      "phantom": false,
      "source": "file:seed/w2k-0-initial.netstat-an.txt",
      "line": 17,
      "plan": {
        "fate": "close",
        "step": 6,
        "why": null
      }
    },
    {
      "proto": "udp",
      "family": "ipv4",
      "local_address": "0.0.0.0",
      "local_port": 445,
      "remote_address": null,
      "remote_port": null,
      "state": "unconn",
      "pid": null,
      "process": null,
      "services": [],
      "kb": "windows/lanmanserver",
      "confidence": "medium",
      "reason": "udp/445 is LanmanServer's port on windows-2000; the capture shows no owning process",
      "exposure": "all",
      "phantom": false,
      "source": "file:seed/w2k-0-initial.netstat-an.txt",
      "line": 18,
      "plan": {
        "fate": "close",
        "step": 5,
        "why": null
      }
    },
    {
      "proto": "udp",
      "family": "ipv4",
      "local_address": "0.0.0.0",
      "local_port": 1028,
      "remote_address": null,
      "remote_port": null,
      "state": "unconn",
      "pid": null,
      "process": null,
      "services": [],
      "kb": "windows/iisadmin",
      "confidence": "low",
      "reason": "a dynamic port; on windows-2000 the note's captures show IISADMIN here (IIS RPC in the note's capture). Not certain: netstat -ano with tasklist /svc, or netmin rpcdump would confirm it",
      "exposure": "all",
      "phantom": false,
      "source": "file:seed/w2k-0-initial.netstat-an.txt",
      "line": 19,
      "plan": {
        "fate": "close",
        "step": 1,
        "why": null
      }
    },
    {
      "proto": "udp",
      "family": "ipv4",
      "local_address": "0.0.0.0",
      "local_port": 1029,
      "remote_address": null,
      "remote_port": null,
      "state": "unconn",
      "pid": null,
      "process": null,
      "services": [],
      "kb": "windows/messenger",
      "confidence": "low",
      "reason": "a dynamic port; on windows-2000 the note's captures show Messenger here. Not certain: netstat -ano with tasklist /svc, or netmin rpcdump would confirm it",
      "exposure": "all",
      "phantom": false,
      "source": "file:seed/w2k-0-initial.netstat-an.txt",
      "line": 20,
      "plan": {
        "fate": "close",
        "step": 6,
        "why": null
      }
    },
    {
      "proto": "udp",
      "family": "ipv4",
      "local_address": "0.0.0.0",
      "local_port": 3456,
      "remote_address": null,
      "remote_port": null,
      "state": "unconn",
      "pid": null,
      "process": null,
      "services": [],
      "kb": "windows/iisadmin",
      "confidence": "low",
      "reason": "udp/3456 is IISADMIN's port on windows-2000 (the port fact is unverified); the capture shows no owning process",
      "exposure": "all",
      "phantom": false,
      "source": "file:seed/w2k-0-initial.netstat-an.txt",
      "line": 21,
      "plan": {
        "fate": "close",
        "step": 1,
        "why": null
      }
    },
    {
      "proto": "udp",
      "family": "ipv4",
      "local_address": "192.70.106.143",
      "local_port": 137,
      "remote_address": null,
      "remote_port": null,
      "state": "unconn",
      "pid": null,
      "process": null,
      "services": [],
      "kb": "windows/netbt",
      "confidence": "medium",
      "reason": "udp/137 is NetBT's port on windows-2000; the capture shows no owning process",
      "exposure": "address",
      "phantom": false,
      "source": "file:seed/w2k-0-initial.netstat-an.txt",
      "line": 22,
      "plan": {
        "fate": "close",
        "step": 4,
        "why": null
      }
    },
    {
      "proto": "udp",
      "family": "ipv4",
      "local_address": "192.70.106.143",
      "local_port": 138,
      "remote_address": null,
      "remote_port": null,
      "state": "unconn",
      "pid": null,
      "process": null,
      "services": [],
      "kb": "windows/netbt",
      "confidence": "medium",
      "reason": "udp/138 is NetBT's port on windows-2000; the capture shows no owning process",
      "exposure": "address",
      "phantom": false,
      "source": "file:seed/w2k-0-initial.netstat-an.txt",
      "line": 23,
      "plan": {
        "fate": "close",
        "step": 4,
        "why": null
      }
    },
    {
      "proto": "udp",
      "family": "ipv4",
      "local_address": "192.70.106.143",
      "local_port": 500,
      "remote_address": null,
      "remote_port": null,
      "state": "unconn",
      "pid": null,
      "process": null,
      "services": [],
      "kb": "windows/policyagent",
      "confidence": "medium",
      "reason": "udp/500 is PolicyAgent's port on windows-2000; the capture shows no owning process",
      "exposure": "address",
      "phantom": false,
      "source": "file:seed/w2k-0-initial.netstat-an.txt",
      "line": 24,
      "plan": {
        "fate": "close",
        "step": 2,
        "why": null
      }
    }
  ],
  "steps": [
    {
      "id": 1,
      "phase": "services",
      "title": "Stop and disable IISADMIN (IIS Admin Service), with its dependants SMTPSVC and W3SVC",
      "reboot": false,
      "closes": 7,
      "moves": 0
    },
    {
      "id": 2,
      "phase": "services",
      "title": "Stop and disable PolicyAgent (IPsec Policy Agent)",
      "reboot": false,
      "closes": 1,
      "moves": 0
    },
    {
      "id": 3,
      "phase": "services",
      "title": "Stop and disable MSDTC (Distributed Transaction Coordinator)",
      "reboot": false,
      "closes": 2,
      "moves": 0
    },
    {
      "id": 4,
      "phase": "netbios-smb",
      "title": "Disable NetBIOS over TCP/IP on every adapter; also lmhosts",
      "reboot": false,
      "closes": 3,
      "moves": 0
    },
    {
      "id": 5,
      "phase": "netbios-smb",
      "title": "Turn off direct-hosted SMB (SMBDeviceEnabled = 0)",
      "reboot": true,
      "closes": 2,
      "moves": 0
    },
    {
      "id": 6,
      "phase": "rpc-dcom",
      "title": "Stop and disable Messenger (Messenger)",
      "reboot": true,
      "closes": 2,
      "moves": 0
    },
    {
      "id": 7,
      "phase": "rpc-dcom",
      "title": "Stop and disable Schedule (Task Scheduler); also RasMan",
      "reboot": true,
      "closes": 1,
      "moves": 0
    },
    {
      "id": 8,
      "phase": "rpc-dcom",
      "title": "Remove ncacn_ip_tcp from DCOM's default protocols",
      "reboot": true,
      "closes": 1,
      "moves": 0
    }
  ],
  "kept": [
    {
      "kb": "windows/rpcss",
      "name": "RpcSs",
      "why": "the RPC and COM core of Windows: disabling it breaks the system; on 2000/XP/2003 TCP 135 closes by taking TCP/IP out of DCOM's protocols instead",
      "asked": false,
      "narrowed": true
    }
  ],
  "notes": []
}
--- stderr
