# live source replay: recorded sock_diag + fake /proc, every socket, owners, units (socket units via drop-in and enabled links), container, kernel socket, %lo zone
args: list --all --from-diag live/services/diag.bin --proc-root live/services/proc --root live/services/root
exit: 0
--- stdout
PROTO  LOCAL           PORT  STATE                        PID      PROCESS          SERVICES                                                                       KB                CONF    EXPOSURE  NOTE
tcp6   [::]              22  listen                       412 1    sshd systemd     ssh.socket ssh.service                                                         sshd              high    all       dual-stack
tcp    127.0.0.53%lo     53  listen                       600      systemd-resolve  systemd-resolved.service                                                       systemd-resolved  high    loopback
tcp    0.0.0.0           80  listen                       700 701  nginx            nginx.service                                                                  nginx             high    all
tcp6   [::]              80  listen                       700 701  nginx            nginx.service                                                                  nginx             high    all
tcp    0.0.0.0          111  listen                       1        systemd          rpcbind.socket                                                                 rpcbind           high    all
tcp    127.0.0.1        631  listen                       520      cupsd            cups.service                                                                   cups              high    loopback
tcp6   [::1]            631  listen                       520      cupsd            cups.service                                                                   cups              high    loopback
tcp    0.0.0.0         8080  listen                       800      python3          docker-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef.scope  -                 none    all       container docker:0123456789ab
tcp    127.0.0.1       8384  listen                       900      syncthing        syncthing.service                                                              -                 none    loopback
tcp    127.0.0.1       8384  established 127.0.0.1:38492  900      syncthing        syncthing.service                                                              -                 -       loopback
tcp    127.0.0.1      38492  established 127.0.0.1:8384   950      curl             session-2.scope                                                                -                 -       loopback
udp    127.0.0.53%lo     53  unconn                       600      systemd-resolve  systemd-resolved.service                                                       systemd-resolved  high    loopback
udp    0.0.0.0          111  unconn                       1        systemd          rpcbind.socket                                                                 rpcbind           high    all
udp    0.0.0.0         5353  unconn                       1000     avahi-daemon     avahi-daemon.service                                                           avahi-daemon      high    all
udp6   [::]            5353  unconn                       1000     avahi-daemon     avahi-daemon.service                                                           avahi-daemon      high    all
udp    0.0.0.0        51820  unconn                       -        -                -                                                                              wireguard         medium  all       no process here holds it: a kernel socket, or its owner is in another PID namespace
--- stderr
netmin: live: raw sockets not listed: the kernel has no raw_diag module
