# audit of a real capture (corpus/07a-ubuntu2004-ss-ltp-servicenames)
args: audit --from corpus/07a-ubuntu2004-ss-ltp-servicenames.txt
exit: 1
--- stdout
netmin audit: linux (ss format), from file:corpus/07a-ubuntu2004-ss-ltp-servicenames.txt
13 endpoints open, 11 reachable from other hosts. The plan closes 9 and narrows 0 in 2 steps (0 with a reboot); 4 stay.

PROTO  LOCAL             PID   WHAT                                     CONF    PLAN
tcp    127.0.0.1:8125    1273  netdata: Netdata monitoring agent        medium  closed by step 1
tcp    0.0.0.0:19999     1273  netdata: Netdata monitoring agent        medium  closed by step 1
tcp    0.0.0.0:8001      1339  nginx: nginx web server                  medium  closed by step 2
tcp    0.0.0.0:8002      1339  nginx: nginx web server                  medium  closed by step 2
tcp    0.0.0.0:8003      1339  nginx: nginx web server                  medium  closed by step 2
tcp    0.0.0.0:80        1339  nginx: nginx web server                  medium  closed by step 2
tcp    127.0.0.53%lo:53  952   systemd-resolved: systemd-resolved       medium  stays (loopback only)
tcp    0.0.0.0:22        1340  sshd: OpenSSH server                     medium  stays
tcp6   [::]:8001         1339  nginx: nginx web server                  medium  closed by step 2
tcp6   [::]:8002         1339  nginx: nginx web server                  medium  closed by step 2
tcp6   [::]:8003         1339  nginx: nginx web server                  medium  closed by step 2
tcp6   [::]:9100         1271  node-exporter: Prometheus node exporter  medium  stays
tcp6   [::]:22           1340  sshd: OpenSSH server                     medium  stays

What stays, and why:
  systemd-resolved: the host's name resolution: its stub resolver listens on loopback only (LLMNR and mDNS, where on, are turned off)
  sshd: remote administration, perhaps the session you are using: netmin never stops it unless you --drop sshd; narrow it with ListenAddress to a management address, or filter
  node-exporter: a monitoring agent that the Prometheus server scrapes: filter 9100 to the scraper's address

netmin plan (same options) shows each step's commands, undo and predicted table; netmin explain NAME says more about a service.
--- stderr
