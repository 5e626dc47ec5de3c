# audit of a real capture (corpus/08b-ubuntu2004-ss-tanp-indented)
args: audit --from corpus/08b-ubuntu2004-ss-tanp-indented.txt
exit: 1
--- stdout
netmin audit: linux (ss format), from file:corpus/08b-ubuntu2004-ss-tanp-indented.txt
5 endpoints open, 4 reachable from other hosts. The plan closes 2 and narrows 0 in 1 step (0 with a reboot); 3 stay.

PROTO  LOCAL             PID  WHAT                                CONF    PLAN
tcp    0.0.0.0:111       554  rpcbind: rpcbind                    medium  closed by step 1
tcp    127.0.0.53%lo:53  556  systemd-resolved: systemd-resolved  medium  stays (loopback only)
tcp    0.0.0.0:22        804  sshd: OpenSSH server                medium  stays
tcp6   [::]:111          554  rpcbind: rpcbind                    medium  closed by step 1
tcp6   [::]:22           804  sshd: OpenSSH server                medium  stays

What stays, and why:
  systemd-resolved: the host's name resolution: its stub resolver listens on loopback only (LLMNR and mDNS, where on, are turned off)
  sshd: remote administration, perhaps the session you are using: netmin never stops it unless you --drop sshd; narrow it with ListenAddress to a management address, or filter

netmin plan (same options) shows each step's commands, undo and predicted table; netmin explain NAME says more about a service.
--- stderr
