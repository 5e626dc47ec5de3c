# live source replay filtered: -t -6
args: list -t -6 --from-diag live/services/diag.bin --proc-root live/services/proc --root live/services/root
exit: 0
--- stdout
PROTO  LOCAL  PORT  STATE   PID      PROCESS       SERVICES                KB     CONF  EXPOSURE  NOTE
tcp6   [::]     22  listen  412 1    sshd systemd  ssh.socket ssh.service  sshd   high  all       dual-stack
tcp6   [::]     80  listen  700 701  nginx         nginx.service           nginx  high  all
tcp6   [::1]   631  listen  520      cupsd         cups.service            cups   high  loopback
--- stderr
netmin: live: raw sockets not listed: the kernel has no raw_diag module
