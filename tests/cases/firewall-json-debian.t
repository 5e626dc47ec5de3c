# netmin.firewall/1
args: firewall --from corpus/06-debian-apache-netstat-alnop.txt --json
exit: 0
--- stdout
{
  "schema": "netmin.firewall/1",
  "host": {
    "os": "linux",
    "os_reason": "net-tools netstat format",
    "sources": [
      "file:corpus/06-debian-apache-netstat-alnop.txt"
    ]
  },
  "policy": "drop",
  "always": [
    "loopback",
    "established-related",
    "icmp-errors-pmtu",
    "icmpv6-errors-pmtu-nd",
    "dhcp-client"
  ],
  "dhcp": {
    "ipv4": true,
    "ipv6": false,
    "why": "a DHCP client socket (udp/68, dhclient)"
  },
  "allow": [
    {
      "proto": "tcp",
      "port": 22,
      "to": [],
      "from": [],
      "names": [
        "sshd"
      ],
      "origin": "kept",
      "why": "the plan keeps it: remote administration, perhaps the session you are using: netmin never stops it unless you --drop sshd; narrow it with ListenAddress to a management address, or filter",
      "guard": false,
      "listening": true
    }
  ],
  "filtered": [
    {
      "proto": "tcp",
      "family": "ipv6",
      "local_address": "::",
      "local_port": 80,
      "who": "apache2",
      "why": "the plan closes it (step 1: Stop, disable and mask apache2 (Apache HTTP server (CIS 2.1.18)))"
    },
    {
      "proto": "udp",
      "family": "ipv4",
      "local_address": "0.0.0.0",
      "local_port": 123,
      "who": "ntpd",
      "why": "it stays but is filtered: clock synchronisation: it binds UDP 123 on every address; restrict it to the interfaces it needs (interface listen/ignore) or filter"
    },
    {
      "proto": "udp",
      "family": "ipv4",
      "local_address": "10.0.10.4",
      "local_port": 123,
      "who": "ntpd",
      "why": "it stays but is filtered: clock synchronisation: it binds UDP 123 on every address; restrict it to the interfaces it needs (interface listen/ignore) or filter"
    },
    {
      "proto": "udp",
      "family": "ipv6",
      "local_address": "::",
      "local_port": 123,
      "who": "ntpd",
      "why": "it stays but is filtered: clock synchronisation: it binds UDP 123 on every address; restrict it to the interfaces it needs (interface listen/ignore) or filter"
    },
    {
      "proto": "udp",
      "family": "ipv6",
      "local_address": "fe80::f0:ccff:fe9d",
      "local_port": 123,
      "who": "ntpd",
      "why": "it stays but is filtered: clock synchronisation: it binds UDP 123 on every address; restrict it to the interfaces it needs (interface listen/ignore) or filter"
    }
  ],
  "sessions": [
    {
      "client": "120.35.33.11",
      "server": "10.0.10.4",
      "port": 22,
      "how": "an established connection to sshd",
      "admitted": true
    }
  ],
  "notes": []
}
--- stderr
netmin: corpus/06-debian-apache-netstat-alnop.txt:17: the local address 'fe80::f0:ccff:fe9d::123' was cut short by netstat's column width; kept as 'fe80::f0:ccff:fe9d' (netstat -W prints it whole)
