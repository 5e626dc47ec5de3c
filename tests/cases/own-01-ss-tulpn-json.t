# own capture: -tulpn as JSON: dual_stack on the * rows, several owners, interface lo
args: list --json --from own/01-ss-tulpn.txt
exit: 0
--- stdout
{
  "schema": "netmin.inventory/1",
  "host": {
    "os": "linux",
    "os_reason": "ss format",
    "source": "file:own/01-ss-tulpn.txt",
    "sources": [
      "file:own/01-ss-tulpn.txt"
    ]
  },
  "endpoints": [
    {
      "proto": "udp",
      "family": "ipv4",
      "local_address": "127.0.0.53",
      "interface": "lo",
      "local_port": 53,
      "remote_address": null,
      "remote_port": null,
      "state": "unconn",
      "pid": 31555,
      "process": "nmt-dns",
      "services": [],
      "kb": null,
      "exposure": "loopback",
      "phantom": false,
      "source": "file:own/01-ss-tulpn.txt",
      "line": 3
    },
    {
      "proto": "udp",
      "family": "ipv4",
      "local_address": "198.18.1.1",
      "local_port": 123,
      "remote_address": null,
      "remote_port": null,
      "state": "unconn",
      "pid": 31561,
      "process": "nmt-ntp",
      "services": [],
      "kb": null,
      "exposure": "address",
      "phantom": false,
      "source": "file:own/01-ss-tulpn.txt",
      "line": 4
    },
    {
      "proto": "udp",
      "family": "ipv4",
      "local_address": "0.0.0.0",
      "local_port": 4789,
      "remote_address": null,
      "remote_port": null,
      "state": "unconn",
      "pid": null,
      "process": null,
      "services": [],
      "kb": null,
      "exposure": "all",
      "phantom": false,
      "source": "file:own/01-ss-tulpn.txt",
      "line": 5
    },
    {
      "proto": "udp",
      "family": "ipv6",
      "local_address": "::1",
      "local_port": 123,
      "remote_address": null,
      "remote_port": null,
      "state": "unconn",
      "pid": 31561,
      "process": "nmt-ntp",
      "services": [],
      "kb": null,
      "exposure": "loopback",
      "phantom": false,
      "source": "file:own/01-ss-tulpn.txt",
      "line": 6
    },
    {
      "proto": "udp",
      "family": "ipv6",
      "local_address": "2001:db8:aaaa:bbbb:cccc:dddd:eeee:1",
      "local_port": 123,
      "remote_address": null,
      "remote_port": null,
      "state": "unconn",
      "pid": 31561,
      "process": "nmt-ntp",
      "services": [],
      "kb": null,
      "exposure": "address",
      "phantom": false,
      "source": "file:own/01-ss-tulpn.txt",
      "line": 7
    },
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
      "exposure": "loopback",
      "phantom": false,
      "source": "file:own/01-ss-tulpn.txt",
      "line": 8
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
      "exposure": "all",
      "phantom": false,
      "source": "file:own/01-ss-tulpn.txt",
      "line": 9
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
      "exposure": "loopback",
      "phantom": false,
      "source": "file:own/01-ss-tulpn.txt",
      "line": 10
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
      "exposure": "all",
      "phantom": false,
      "source": "file:own/01-ss-tulpn.txt",
      "line": 11
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
      "exposure": "all",
      "phantom": false,
      "dual_stack": true,
      "source": "file:own/01-ss-tulpn.txt",
      "line": 12
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
      "exposure": "all",
      "phantom": false,
      "dual_stack": true,
      "source": "file:own/01-ss-tulpn.txt",
      "line": 13
    }
  ],
  "warnings": []
}
--- stderr
