# audit of a real capture (corpus/05-centos-bt-netstat-anopt)
args: audit --from corpus/05-centos-bt-netstat-anopt.txt
exit: 1
--- stdout
netmin audit: linux (net-tools netstat format), from file:corpus/05-centos-bt-netstat-anopt.txt
8 endpoints open, 6 reachable from other hosts. The plan closes 2 and narrows 1 in 2 steps (0 with a reboot); 5 stay.

PROTO  LOCAL          PID   WHAT                                  CONF    PLAN
tcp    0.0.0.0:80     2592  nginx: nginx web server               medium  closed by step 1
tcp    0.0.0.0:22     1510  sshd: OpenSSH server                  medium  stays
tcp    0.0.0.0:888    2592  nginx: nginx web server               medium  closed by step 1
tcp    127.0.0.1:25   1366  postfix: Postfix mail transfer agent  medium  stays (loopback only)
tcp    0.0.0.0:39802  7518  ? owner unknown                       none    stays
tcp6   [::]:3306      2417  mysqld: MySQL / MariaDB server        medium  to loopback by step 2
tcp6   [::]:22        1510  sshd: OpenSSH server                  medium  stays
tcp6   [::1]:25       1366  postfix: Postfix mail transfer agent  medium  stays (loopback only)

What stays, and why:
  sshd: remote administration, perhaps the session you are using: netmin never stops it unless you --drop sshd; narrow it with ListenAddress to a management address, or filter
  postfix: local mail delivery; CIS asks for loopback-only (inet_interfaces), not removal
  mysqld (narrowed): a database: stopping it is the owner's decision; bind it to loopback when only local programs use it
  owner unknown: not attributed, so not changed: see each endpoint's reason for the evidence that would settle it

netmin plan (same options) shows each step's commands, undo and predicted table; netmin explain NAME says more about a service.
--- stderr
