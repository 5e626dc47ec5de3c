# audit of a real capture (corpus/06-debian-apache-netstat-alnop)
args: audit --from corpus/06-debian-apache-netstat-alnop.txt
exit: 1
--- stdout
netmin audit: linux (net-tools netstat format), from file:corpus/06-debian-apache-netstat-alnop.txt
11 endpoints open, 8 reachable from other hosts. The plan closes 1 and narrows 0 in 1 step (0 with a reboot); 10 stay.

PROTO  LOCAL                     PID  WHAT                            CONF    PLAN
tcp    127.0.0.1:3306            540  mysqld: MySQL / MariaDB server  medium  stays (loopback only)
tcp    0.0.0.0:22                472  sshd: OpenSSH server            medium  stays
tcp6   [::]:80                   523  apache2: Apache HTTP server     medium  closed by step 1
tcp6   [::]:22                   472  sshd: OpenSSH server            medium  stays
udp    0.0.0.0:68                334  dhclient: ISC DHCP client       medium  stays
udp    10.0.10.4:123             451  ntpd: ntpd                      medium  stays
udp    127.0.0.1:123             451  ntpd: ntpd                      medium  stays (loopback only)
udp    0.0.0.0:123               451  ntpd: ntpd                      medium  stays
udp6   [fe80::f0:ccff:fe9d]:123  451  ntpd: ntpd                      medium  stays
udp6   [::1]:123                 451  ntpd: ntpd                      medium  stays (loopback only)
udp6   [::]:123                  451  ntpd: ntpd                      medium  stays

What stays, and why:
  mysqld: a database: stopping it is the owner's decision; bind it to loopback when only local programs use it
  sshd: remote administration, perhaps the session you are using: netmin never stops it unless you --drop sshd; narrow it with ListenAddress to a management address, or filter
  dhclient: the DHCP client of a DHCP-configured interface: without it the address lapses
  ntpd: clock synchronisation: it binds UDP 123 on every address; restrict it to the interfaces it needs (interface listen/ignore) or filter

netmin plan (same options) shows each step's commands, undo and predicted table; netmin explain NAME says more about a service.
--- stderr
netmin: corpus/06-debian-apache-netstat-alnop.txt:17: the local address 'fe80::f0:ccff:fe9d::123' was cut short by netstat's column width; kept as 'fe80::f0:ccff:fe9d' (netstat -W prints it whole)
