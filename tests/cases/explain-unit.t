# explain by systemd unit name
args: explain avahi-daemon.socket
exit: 0
--- stdout
linux/avahi-daemon: Avahi mDNS/DNS-SD daemon
  units     avahi-daemon.service avahi-daemon.socket
  packages  avahi-daemon avahi
  process   avahi-daemon
  exists on linux
  opens     udp 5353 (mDNS on every address)  [CIS,CAC,SS]
            udp an ephemeral client port (a random high UDP port)  [SS]
  breaks    .local name resolution and service discovery (printers, shares) on the LAN  [CIS]
  netmin    disables it on linux  [CIS]
  close it  stopped, disabled, masked  [CIS,CAC]
              systemctl disable --now avahi-daemon.socket avahi-daemon.service
              systemctl mask avahi-daemon.socket avahi-daemon.service
              undo: systemctl unmask avahi-daemon.socket avahi-daemon.service
                    systemctl enable --now avahi-daemon.socket avahi-daemon.service
              sysv: service avahi-daemon stop
              openrc: rc-service avahi-daemon stop
              runit: sv down avahi-daemon
  narrower  Limit avahi to the loopback interface  [AVAHI, unverified]
              cp -p /etc/avahi/avahi-daemon.conf /etc/avahi/avahi-daemon.conf.netmin-bak
              sed -i 's|^[#;[:space:]]*allow-interfaces[[:space:]]*=.*|allow-interfaces=lo|' /etc/avahi/avahi-daemon.conf
              grep -q '^allow-interfaces' /etc/avahi/avahi-daemon.conf || echo 'allow-interfaces=lo' >> /etc/avahi/avahi-daemon.conf
              sed -i 's|^[#;[:space:]]*use-ipv6[[:space:]]*=.*|use-ipv6=no|' /etc/avahi/avahi-daemon.conf
              grep -q '^use-ipv6' /etc/avahi/avahi-daemon.conf || echo 'use-ipv6=no' >> /etc/avahi/avahi-daemon.conf
              systemctl restart avahi-daemon.service
              undo: mv /etc/avahi/avahi-daemon.conf.netmin-bak /etc/avahi/avahi-daemon.conf
                    systemctl restart avahi-daemon.service
  sources   CIS (community): CIS Debian 12 / Ubuntu 22.04 / RHEL 9 benchmark items as implemented by ansible-lockdown (DEBIAN12-CIS, UBUNTU22-CIS, RHEL9-CIS) https://github.com/ansible-lockdown/DEBIAN12-CIS
            CAC (community): ComplianceAsCode service_disabled template and rules (stop, disable, mask service and socket) https://github.com/ComplianceAsCode/content
            SS (observed): Public ss -tulpn / netstat -tulpn captures found by exact-string search (linux-facts.md)
            AVAHI (documented): avahi-daemon.conf(5) https://linux.die.net/man/5/avahi-daemon.conf
  defined   kb/linux-default.kb:42
--- stderr
