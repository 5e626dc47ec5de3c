# corpus 07a as JSON: *:9100 is dual-stack, [::]:8001 is not; nginx master and workers as owners
args: list --json --from corpus/07a-ubuntu2004-ss-ltp-servicenames.txt
exit: 0
--- stdout
{
  "schema": "netmin.inventory/1",
  "host": {
    "os": "linux",
    "os_reason": "ss format",
    "source": "file:corpus/07a-ubuntu2004-ss-ltp-servicenames.txt",
    "sources": [
      "file:corpus/07a-ubuntu2004-ss-ltp-servicenames.txt"
    ]
  },
  "endpoints": [
    {
      "proto": "tcp",
      "family": "ipv4",
      "local_address": "127.0.0.1",
      "local_port": 8125,
      "remote_address": null,
      "remote_port": null,
      "state": "listen",
      "pid": 1273,
      "process": "netdata",
      "services": [],
      "kb": "linux/netdata",
      "confidence": "medium",
      "reason": "process netdata",
      "exposure": "loopback",
      "phantom": false,
      "source": "file:corpus/07a-ubuntu2004-ss-ltp-servicenames.txt",
      "line": 3
    },
    {
      "proto": "tcp",
      "family": "ipv4",
      "local_address": "0.0.0.0",
      "local_port": 19999,
      "remote_address": null,
      "remote_port": null,
      "state": "listen",
      "pid": 1273,
      "process": "netdata",
      "services": [],
      "kb": "linux/netdata",
      "confidence": "medium",
      "reason": "process netdata",
      "exposure": "all",
      "phantom": false,
      "source": "file:corpus/07a-ubuntu2004-ss-ltp-servicenames.txt",
      "line": 4
    },
    {
      "proto": "tcp",
      "family": "ipv4",
      "local_address": "0.0.0.0",
      "local_port": 8001,
      "remote_address": null,
      "remote_port": null,
      "state": "listen",
      "pid": 1339,
      "process": "nginx",
      "owners": [
        {
          "pid": 1339,
          "process": "nginx"
        },
        {
          "pid": 1338,
          "process": "nginx"
        },
        {
          "pid": 1337,
          "process": "nginx"
        },
        {
          "pid": 1336,
          "process": "nginx"
        },
        {
          "pid": 1335,
          "process": "nginx"
        }
      ],
      "services": [],
      "kb": "linux/nginx",
      "confidence": "medium",
      "reason": "process nginx (on a port the knowledge base does not list for it)",
      "exposure": "all",
      "phantom": false,
      "source": "file:corpus/07a-ubuntu2004-ss-ltp-servicenames.txt",
      "line": 5
    },
    {
      "proto": "tcp",
      "family": "ipv4",
      "local_address": "0.0.0.0",
      "local_port": 8002,
      "remote_address": null,
      "remote_port": null,
      "state": "listen",
      "pid": 1339,
      "process": "nginx",
      "owners": [
        {
          "pid": 1339,
          "process": "nginx"
        },
        {
          "pid": 1338,
          "process": "nginx"
        },
        {
          "pid": 1337,
          "process": "nginx"
        },
        {
          "pid": 1336,
          "process": "nginx"
        },
        {
          "pid": 1335,
          "process": "nginx"
        }
      ],
      "services": [],
      "kb": "linux/nginx",
      "confidence": "medium",
      "reason": "process nginx (on a port the knowledge base does not list for it)",
      "exposure": "all",
      "phantom": false,
      "source": "file:corpus/07a-ubuntu2004-ss-ltp-servicenames.txt",
      "line": 6
    },
    {
      "proto": "tcp",
      "family": "ipv4",
      "local_address": "0.0.0.0",
      "local_port": 8003,
      "remote_address": null,
      "remote_port": null,
      "state": "listen",
      "pid": 1339,
      "process": "nginx",
      "owners": [
        {
          "pid": 1339,
          "process": "nginx"
        },
        {
          "pid": 1338,
          "process": "nginx"
        },
        {
          "pid": 1337,
          "process": "nginx"
        },
        {
          "pid": 1336,
          "process": "nginx"
        },
        {
          "pid": 1335,
          "process": "nginx"
        }
      ],
      "services": [],
      "kb": "linux/nginx",
      "confidence": "medium",
      "reason": "process nginx (on a port the knowledge base does not list for it)",
      "exposure": "all",
      "phantom": false,
      "source": "file:corpus/07a-ubuntu2004-ss-ltp-servicenames.txt",
      "line": 7
    },
    {
      "proto": "tcp",
      "family": "ipv4",
      "local_address": "0.0.0.0",
      "local_port": 80,
      "remote_address": null,
      "remote_port": null,
      "state": "listen",
      "pid": 1339,
      "process": "nginx",
      "owners": [
        {
          "pid": 1339,
          "process": "nginx"
        },
        {
          "pid": 1338,
          "process": "nginx"
        },
        {
          "pid": 1337,
          "process": "nginx"
        },
        {
          "pid": 1336,
          "process": "nginx"
        },
        {
          "pid": 1335,
          "process": "nginx"
        }
      ],
      "services": [],
      "kb": "linux/nginx",
      "confidence": "medium",
      "reason": "process nginx",
      "exposure": "all",
      "phantom": false,
      "source": "file:corpus/07a-ubuntu2004-ss-ltp-servicenames.txt",
      "line": 8
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
      "pid": 952,
      "process": "systemd-resolve",
      "services": [],
      "kb": "linux/systemd-resolved",
      "confidence": "medium",
      "reason": "process systemd-resolve",
      "exposure": "loopback",
      "phantom": false,
      "source": "file:corpus/07a-ubuntu2004-ss-ltp-servicenames.txt",
      "line": 9
    },
    {
      "proto": "tcp",
      "family": "ipv4",
      "local_address": "0.0.0.0",
      "local_port": 22,
      "remote_address": null,
      "remote_port": null,
      "state": "listen",
      "pid": 1340,
      "process": "sshd",
      "services": [],
      "kb": "linux/sshd",
      "confidence": "medium",
      "reason": "process sshd",
      "exposure": "all",
      "phantom": false,
      "source": "file:corpus/07a-ubuntu2004-ss-ltp-servicenames.txt",
      "line": 10
    },
    {
      "proto": "tcp",
      "family": "ipv6",
      "local_address": "::",
      "local_port": 8001,
      "remote_address": null,
      "remote_port": null,
      "state": "listen",
      "pid": 1339,
      "process": "nginx",
      "owners": [
        {
          "pid": 1339,
          "process": "nginx"
        },
        {
          "pid": 1338,
          "process": "nginx"
        },
        {
          "pid": 1337,
          "process": "nginx"
        },
        {
          "pid": 1336,
          "process": "nginx"
        },
        {
          "pid": 1335,
          "process": "nginx"
        }
      ],
      "services": [],
      "kb": "linux/nginx",
      "confidence": "medium",
      "reason": "process nginx (on a port the knowledge base does not list for it)",
      "exposure": "all",
      "phantom": false,
      "source": "file:corpus/07a-ubuntu2004-ss-ltp-servicenames.txt",
      "line": 11
    },
    {
      "proto": "tcp",
      "family": "ipv6",
      "local_address": "::",
      "local_port": 8002,
      "remote_address": null,
      "remote_port": null,
      "state": "listen",
      "pid": 1339,
      "process": "nginx",
      "owners": [
        {
          "pid": 1339,
          "process": "nginx"
        },
        {
          "pid": 1338,
          "process": "nginx"
        },
        {
          "pid": 1337,
          "process": "nginx"
        },
        {
          "pid": 1336,
          "process": "nginx"
        },
        {
          "pid": 1335,
          "process": "nginx"
        }
      ],
      "services": [],
      "kb": "linux/nginx",
      "confidence": "medium",
      "reason": "process nginx (on a port the knowledge base does not list for it)",
      "exposure": "all",
      "phantom": false,
      "source": "file:corpus/07a-ubuntu2004-ss-ltp-servicenames.txt",
      "line": 12
    },
    {
      "proto": "tcp",
      "family": "ipv6",
      "local_address": "::",
      "local_port": 8003,
      "remote_address": null,
      "remote_port": null,
      "state": "listen",
      "pid": 1339,
      "process": "nginx",
      "owners": [
        {
          "pid": 1339,
          "process": "nginx"
        },
        {
          "pid": 1338,
          "process": "nginx"
        },
        {
          "pid": 1337,
          "process": "nginx"
        },
        {
          "pid": 1336,
          "process": "nginx"
        },
        {
          "pid": 1335,
          "process": "nginx"
        }
      ],
      "services": [],
      "kb": "linux/nginx",
      "confidence": "medium",
      "reason": "process nginx (on a port the knowledge base does not list for it)",
      "exposure": "all",
      "phantom": false,
      "source": "file:corpus/07a-ubuntu2004-ss-ltp-servicenames.txt",
      "line": 13
    },
    {
      "proto": "tcp",
      "family": "ipv6",
      "local_address": "::",
      "local_port": 9100,
      "remote_address": null,
      "remote_port": null,
      "state": "listen",
      "pid": 1271,
      "process": "node_exporter",
      "services": [],
      "kb": "linux/node-exporter",
      "confidence": "medium",
      "reason": "process node_exporter",
      "exposure": "all",
      "phantom": false,
      "dual_stack": true,
      "source": "file:corpus/07a-ubuntu2004-ss-ltp-servicenames.txt",
      "line": 14
    },
    {
      "proto": "tcp",
      "family": "ipv6",
      "local_address": "::",
      "local_port": 22,
      "remote_address": null,
      "remote_port": null,
      "state": "listen",
      "pid": 1340,
      "process": "sshd",
      "services": [],
      "kb": "linux/sshd",
      "confidence": "medium",
      "reason": "process sshd",
      "exposure": "all",
      "phantom": false,
      "source": "file:corpus/07a-ubuntu2004-ss-ltp-servicenames.txt",
      "line": 15
    }
  ],
  "warnings": []
}
--- stderr
