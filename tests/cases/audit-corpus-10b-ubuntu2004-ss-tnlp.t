# audit of a real capture (corpus/10b-ubuntu2004-ss-tnlp)
args: audit --from corpus/10b-ubuntu2004-ss-tnlp.txt
exit: 1
--- stdout
netmin audit: linux (ss format), from file:corpus/10b-ubuntu2004-ss-tnlp.txt
6 endpoints open, 3 reachable from other hosts. The plan closes 2 and narrows 0 in 1 step (0 with a reboot); 4 stay.

PROTO  LOCAL             PID  WHAT                                     CONF    PLAN
tcp    0.0.0.0:9100      93   node-exporter: Prometheus node exporter  medium  stays
tcp    127.0.0.53%lo:53  80   systemd-resolved: systemd-resolved       medium  stays (loopback only)
tcp    0.0.0.0:22        148  sshd: OpenSSH server                     medium  stays
tcp    127.0.0.1:8125    151  netdata: Netdata monitoring agent        medium  closed by step 1
tcp    0.0.0.0:19999     151  netdata: Netdata monitoring agent        medium  closed by step 1
tcp    127.0.0.1:44551   136  containerd: containerd                   medium  stays (loopback only)

What stays, and why:
  node-exporter: a monitoring agent that the Prometheus server scrapes: filter 9100 to the scraper's address
  systemd-resolved: the host's name resolution: its stub resolver listens on loopback only (LLMNR and mDNS, where on, are turned off)
  sshd: remote administration, perhaps the session you are using: netmin never stops it unless you --drop sshd; narrow it with ListenAddress to a management address, or filter
  containerd: the container runtime; its stream server listens on loopback only

netmin plan (same options) shows each step's commands, undo and predicted table; netmin explain NAME says more about a service.
--- stderr
