# audit of a real capture (corpus/12-ubuntu-ss-unap-wireguard-tabindent)
args: audit --from corpus/12-ubuntu-ss-unap-wireguard-tabindent.txt
exit: 1
--- stdout
netmin audit: linux (ss format), from file:corpus/12-ubuntu-ss-unap-wireguard-tabindent.txt
7 endpoints open, 6 reachable from other hosts. The plan closes 4 and narrows 0 in 1 step (0 with a reboot); 3 stay.

PROTO  LOCAL             PID      WHAT                                    CONF    PLAN
udp    127.0.0.53%lo:53  2680293  systemd-resolved: systemd-resolved      medium  stays (loopback only)
udp    0.0.0.0:51820     -        wireguard: WireGuard                    medium  stays
udp    0.0.0.0:5353      122687   avahi-daemon: Avahi mDNS/DNS-SD daemon  medium  closed by step 1
udp    0.0.0.0:41492     122687   avahi-daemon: Avahi mDNS/DNS-SD daemon  medium  closed by step 1
udp6   [::]:33333        122687   avahi-daemon: Avahi mDNS/DNS-SD daemon  medium  closed by step 1
udp6   [::]:51820        -        wireguard: WireGuard                    medium  stays
udp6   [::]:5353         122687   avahi-daemon: Avahi mDNS/DNS-SD daemon  medium  closed by step 1

What stays, and why:
  systemd-resolved: the host's name resolution: its stub resolver listens on loopback only (LLMNR and mDNS, where on, are turned off)
  wireguard: a VPN endpoint: its socket belongs to the kernel interface, bring it down with wg-quick down IFACE if unused

netmin plan (same options) shows each step's commands, undo and predicted table; netmin explain NAME says more about a service.
--- stderr
