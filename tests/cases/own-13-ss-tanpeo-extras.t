# own capture (real ss): -tanpeo: ino, sk, cgroup, v6only fields after the process list
args: list --json --from own/13-ss-tanpeo-extras.txt
exit: 0
--- stdout
{
  "schema": "netmin.inventory/1",
  "host": {
    "os": "linux",
    "os_reason": "ss format",
    "source": "file:own/13-ss-tanpeo-extras.txt",
    "sources": [
      "file:own/13-ss-tanpeo-extras.txt"
    ]
  },
  "endpoints": [
    {
      "proto": "tcp",
      "family": "ipv4",
      "local_address": "127.0.0.1",
      "local_port": 8080,
      "remote_address": null,
      "remote_port": null,
      "state": "listen",
      "pid": 31565,
      "process": "nmt-app",
      "services": [],
      "kb": null,
      "confidence": "none",
      "reason": "process nmt-app; the knowledge base has no entry for it",
      "exposure": "loopback",
      "phantom": false,
      "source": "file:own/13-ss-tanpeo-extras.txt",
      "line": 3
    },
    {
      "proto": "tcp",
      "family": "ipv4",
      "local_address": "0.0.0.0",
      "local_port": 80,
      "remote_address": null,
      "remote_port": null,
      "state": "listen",
      "pid": 31546,
      "process": "nmt-web",
      "owners": [
        {
          "pid": 31546,
          "process": "nmt-web"
        },
        {
          "pid": 31536,
          "process": "nmt-web"
        }
      ],
      "services": [],
      "kb": null,
      "confidence": "none",
      "reason": "process nmt-web; the knowledge base has no entry for it",
      "exposure": "all",
      "phantom": false,
      "source": "file:own/13-ss-tanpeo-extras.txt",
      "line": 4
    },
    {
      "proto": "tcp",
      "family": "ipv4",
      "local_address": "127.0.0.53",
      "interface": "lo",
      "local_port": 53,
      "remote_address": null,
      "remote_port": null,
      "state": "listen",
      "pid": 31555,
      "process": "nmt-dns",
      "services": [],
      "kb": null,
      "confidence": "none",
      "reason": "process nmt-dns; the knowledge base has no entry for it",
      "exposure": "loopback",
      "phantom": false,
      "source": "file:own/13-ss-tanpeo-extras.txt",
      "line": 5
    },
    {
      "proto": "tcp",
      "family": "ipv6",
      "local_address": "::",
      "local_port": 80,
      "remote_address": null,
      "remote_port": null,
      "state": "listen",
      "pid": 31546,
      "process": "nmt-web",
      "owners": [
        {
          "pid": 31546,
          "process": "nmt-web"
        },
        {
          "pid": 31536,
          "process": "nmt-web"
        }
      ],
      "services": [],
      "kb": null,
      "confidence": "none",
      "reason": "process nmt-web; the knowledge base has no entry for it",
      "exposure": "all",
      "phantom": false,
      "source": "file:own/13-ss-tanpeo-extras.txt",
      "line": 9
    },
    {
      "proto": "tcp",
      "family": "ipv6",
      "local_address": "::",
      "local_port": 22,
      "remote_address": null,
      "remote_port": null,
      "state": "listen",
      "pid": 31550,
      "process": "nmt-ssh",
      "services": [],
      "kb": null,
      "confidence": "none",
      "reason": "process nmt-ssh; the knowledge base has no entry for it",
      "exposure": "all",
      "phantom": false,
      "dual_stack": true,
      "source": "file:own/13-ss-tanpeo-extras.txt",
      "line": 10
    },
    {
      "proto": "tcp",
      "family": "ipv6",
      "local_address": "::",
      "local_port": 2222,
      "remote_address": null,
      "remote_port": null,
      "state": "listen",
      "pid": 31565,
      "process": "nmt-app",
      "services": [],
      "kb": null,
      "confidence": "none",
      "reason": "process nmt-app; the knowledge base has no entry for it",
      "exposure": "all",
      "phantom": false,
      "dual_stack": true,
      "source": "file:own/13-ss-tanpeo-extras.txt",
      "line": 11
    }
  ],
  "warnings": []
}
--- stderr
