# live source replay as JSON: listeners only; user, exe, unit, unit_manager, container, netns, inode, owner_note
args: list --json --from-diag live/services/diag.bin --proc-root live/services/proc --root live/services/root
exit: 0
--- stdout
{
  "schema": "netmin.inventory/1",
  "host": {
    "os": "linux",
    "os_reason": "live",
    "hostname": "recorded",
    "owners_from": "proc-fd",
    "source": "diag:live/services/diag.bin",
    "sources": [
      "diag:live/services/diag.bin"
    ]
  },
  "endpoints": [
    {
      "proto": "tcp",
      "family": "ipv6",
      "local_address": "::",
      "local_port": 22,
      "remote_address": null,
      "remote_port": null,
      "state": "listen",
      "pid": 412,
      "process": "sshd",
      "owners": [
        {
          "pid": 412,
          "process": "sshd"
        },
        {
          "pid": 1,
          "process": "systemd"
        }
      ],
      "services": [
        "ssh.socket",
        "ssh.service"
      ],
      "kb": "linux/sshd",
      "confidence": "high",
      "reason": "its units are ssh.socket, ssh.service",
      "exposure": "all",
      "phantom": false,
      "dual_stack": true,
      "user": "root",
      "exe": "/usr/sbin/sshd",
      "unit": "ssh.socket",
      "netns": "net:[4026532999]",
      "inode": 1391434,
      "source": "diag:live/services/diag.bin"
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
      "pid": 600,
      "process": "systemd-resolve",
      "services": [
        "systemd-resolved.service"
      ],
      "kb": "linux/systemd-resolved",
      "confidence": "high",
      "reason": "its unit is systemd-resolved.service",
      "exposure": "loopback",
      "phantom": false,
      "user": "systemd-resolve",
      "exe": "/usr/lib/systemd/systemd-resolved",
      "unit": "systemd-resolved.service",
      "netns": "net:[4026532999]",
      "inode": 1391440,
      "source": "diag:live/services/diag.bin"
    },
    {
      "proto": "tcp",
      "family": "ipv4",
      "local_address": "0.0.0.0",
      "local_port": 80,
      "remote_address": null,
      "remote_port": null,
      "state": "listen",
      "pid": 700,
      "process": "nginx",
      "owners": [
        {
          "pid": 700,
          "process": "nginx"
        },
        {
          "pid": 701,
          "process": "nginx"
        }
      ],
      "services": [
        "nginx.service"
      ],
      "kb": "linux/nginx",
      "confidence": "high",
      "reason": "its unit is nginx.service",
      "exposure": "all",
      "phantom": false,
      "user": "root",
      "exe": "/usr/sbin/nginx",
      "unit": "nginx.service",
      "netns": "net:[4026532999]",
      "inode": 1391441,
      "source": "diag:live/services/diag.bin"
    },
    {
      "proto": "tcp",
      "family": "ipv6",
      "local_address": "::",
      "local_port": 80,
      "remote_address": null,
      "remote_port": null,
      "state": "listen",
      "pid": 700,
      "process": "nginx",
      "owners": [
        {
          "pid": 700,
          "process": "nginx"
        },
        {
          "pid": 701,
          "process": "nginx"
        }
      ],
      "services": [
        "nginx.service"
      ],
      "kb": "linux/nginx",
      "confidence": "high",
      "reason": "its unit is nginx.service",
      "exposure": "all",
      "phantom": false,
      "user": "root",
      "exe": "/usr/sbin/nginx",
      "unit": "nginx.service",
      "netns": "net:[4026532999]",
      "inode": 1391442,
      "source": "diag:live/services/diag.bin"
    },
    {
      "proto": "tcp",
      "family": "ipv4",
      "local_address": "0.0.0.0",
      "local_port": 111,
      "remote_address": null,
      "remote_port": null,
      "state": "listen",
      "pid": 1,
      "process": "systemd",
      "services": [
        "rpcbind.socket"
      ],
      "kb": "linux/rpcbind",
      "confidence": "high",
      "reason": "its unit is rpcbind.socket",
      "exposure": "all",
      "phantom": false,
      "user": "root",
      "exe": "/usr/lib/systemd/systemd",
      "unit": "rpcbind.socket",
      "netns": "net:[4026532999]",
      "inode": 1391435,
      "source": "diag:live/services/diag.bin"
    },
    {
      "proto": "tcp",
      "family": "ipv4",
      "local_address": "127.0.0.1",
      "local_port": 631,
      "remote_address": null,
      "remote_port": null,
      "state": "listen",
      "pid": 520,
      "process": "cupsd",
      "services": [
        "cups.service"
      ],
      "kb": "linux/cups",
      "confidence": "high",
      "reason": "its unit is cups.service",
      "exposure": "loopback",
      "phantom": false,
      "user": "root",
      "exe": "/usr/sbin/cupsd",
      "unit": "cups.service",
      "netns": "net:[4026532999]",
      "inode": 1391437,
      "source": "diag:live/services/diag.bin"
    },
    {
      "proto": "tcp",
      "family": "ipv6",
      "local_address": "::1",
      "local_port": 631,
      "remote_address": null,
      "remote_port": null,
      "state": "listen",
      "pid": 520,
      "process": "cupsd",
      "services": [
        "cups.service"
      ],
      "kb": "linux/cups",
      "confidence": "high",
      "reason": "its unit is cups.service",
      "exposure": "loopback",
      "phantom": false,
      "user": "root",
      "exe": "/usr/sbin/cupsd",
      "unit": "cups.service",
      "netns": "net:[4026532999]",
      "inode": 1391438,
      "source": "diag:live/services/diag.bin"
    },
    {
      "proto": "tcp",
      "family": "ipv4",
      "local_address": "0.0.0.0",
      "local_port": 8080,
      "remote_address": null,
      "remote_port": null,
      "state": "listen",
      "pid": 800,
      "process": "python3",
      "services": [
        "docker-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef.scope"
      ],
      "kb": null,
      "confidence": "none",
      "reason": "its unit is docker-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef.scope, which the knowledge base does not know",
      "exposure": "all",
      "phantom": false,
      "user": "root",
      "exe": "/usr/local/bin/python3.12",
      "unit": "docker-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef.scope",
      "container": "docker:0123456789ab",
      "netns": "net:[4026532999]",
      "inode": 1391443,
      "source": "diag:live/services/diag.bin"
    },
    {
      "proto": "tcp",
      "family": "ipv4",
      "local_address": "127.0.0.1",
      "local_port": 8384,
      "remote_address": null,
      "remote_port": null,
      "state": "listen",
      "pid": 900,
      "process": "syncthing",
      "services": [
        "syncthing.service"
      ],
      "kb": null,
      "confidence": "none",
      "reason": "its unit is syncthing.service, which the knowledge base does not know",
      "exposure": "loopback",
      "phantom": false,
      "user": "alice",
      "exe": "/usr/bin/syncthing",
      "unit": "syncthing.service",
      "unit_manager": "user@1000.service",
      "netns": "net:[4026532999]",
      "inode": 1391444,
      "source": "diag:live/services/diag.bin"
    },
    {
      "proto": "udp",
      "family": "ipv4",
      "local_address": "127.0.0.53",
      "interface": "lo",
      "local_port": 53,
      "remote_address": null,
      "remote_port": null,
      "state": "unconn",
      "pid": 600,
      "process": "systemd-resolve",
      "services": [
        "systemd-resolved.service"
      ],
      "kb": "linux/systemd-resolved",
      "confidence": "high",
      "reason": "its unit is systemd-resolved.service",
      "exposure": "loopback",
      "phantom": false,
      "user": "systemd-resolve",
      "exe": "/usr/lib/systemd/systemd-resolved",
      "unit": "systemd-resolved.service",
      "netns": "net:[4026532999]",
      "inode": 1391439,
      "source": "diag:live/services/diag.bin"
    },
    {
      "proto": "udp",
      "family": "ipv4",
      "local_address": "0.0.0.0",
      "local_port": 111,
      "remote_address": null,
      "remote_port": null,
      "state": "unconn",
      "pid": 1,
      "process": "systemd",
      "services": [
        "rpcbind.socket"
      ],
      "kb": "linux/rpcbind",
      "confidence": "high",
      "reason": "its unit is rpcbind.socket",
      "exposure": "all",
      "phantom": false,
      "user": "root",
      "exe": "/usr/lib/systemd/systemd",
      "unit": "rpcbind.socket",
      "netns": "net:[4026532999]",
      "inode": 1391436,
      "source": "diag:live/services/diag.bin"
    },
    {
      "proto": "udp",
      "family": "ipv4",
      "local_address": "0.0.0.0",
      "local_port": 5353,
      "remote_address": null,
      "remote_port": null,
      "state": "unconn",
      "pid": 1000,
      "process": "avahi-daemon",
      "services": [
        "avahi-daemon.service"
      ],
      "kb": "linux/avahi-daemon",
      "confidence": "high",
      "reason": "its unit is avahi-daemon.service",
      "exposure": "all",
      "phantom": false,
      "user": "avahi",
      "exe": "/usr/sbin/avahi-daemon",
      "unit": "avahi-daemon.service",
      "netns": "net:[4026532999]",
      "inode": 1391446,
      "source": "diag:live/services/diag.bin"
    },
    {
      "proto": "udp",
      "family": "ipv6",
      "local_address": "::",
      "local_port": 5353,
      "remote_address": null,
      "remote_port": null,
      "state": "unconn",
      "pid": 1000,
      "process": "avahi-daemon",
      "services": [
        "avahi-daemon.service"
      ],
      "kb": "linux/avahi-daemon",
      "confidence": "high",
      "reason": "its unit is avahi-daemon.service",
      "exposure": "all",
      "phantom": false,
      "user": "avahi",
      "exe": "/usr/sbin/avahi-daemon",
      "unit": "avahi-daemon.service",
      "netns": "net:[4026532999]",
      "inode": 1391447,
      "source": "diag:live/services/diag.bin"
    },
    {
      "proto": "udp",
      "family": "ipv4",
      "local_address": "0.0.0.0",
      "local_port": 51820,
      "remote_address": null,
      "remote_port": null,
      "state": "unconn",
      "pid": null,
      "process": null,
      "services": [],
      "kb": "linux/wireguard",
      "confidence": "medium",
      "reason": "udp/51820 is wireguard's port on linux; the capture shows no owning process",
      "exposure": "all",
      "phantom": false,
      "user": "root",
      "netns": "net:[4026532999]",
      "inode": 1391445,
      "owner_note": "no process here holds it: a kernel socket, or its owner is in another PID namespace",
      "source": "diag:live/services/diag.bin"
    }
  ],
  "warnings": [
    {
      "source": "live",
      "line": null,
      "message": "raw sockets not listed: the kernel has no raw_diag module"
    }
  ]
}
--- stderr
netmin: live: raw sockets not listed: the kernel has no raw_diag module
