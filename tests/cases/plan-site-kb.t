# a site's --kb entry: keep the shop's python app, bound to loopback
args: plan --from corpus/05-centos-bt-netstat-anopt.txt --kb kb/site.kb --no-filter
exit: 0
--- stdout
Plan for linux (net-tools netstat format), from file:corpus/05-centos-bt-netstat-anopt.txt
8 endpoints open now; 3 steps (0 with a reboot); 6 open after the last step.

Step 1 [services] Narrow python-app
  why     python-app stays (the shop's application); this narrows what it exposes
  action  config /etc/shop/netmin.conf: host=127.0.0.1
  do      mkdir -p /etc/shop
          printf '[server]\nhost=127.0.0.1\n' > /etc/shop/netmin.conf
          systemctl restart shop.service
  undo    rm -f /etc/shop/netmin.conf
          systemctl restart shop.service
  before  absent (the default; read at run time)
  moves   tcp 0.0.0.0:39802 -> tcp 127.0.0.1:39802
  reboot  no; prediction confidence medium
  after:
    PROTO  LOCAL       PORT  PID   KB          CONF
    tcp    0.0.0.0       80  2592  nginx       medium
    tcp    0.0.0.0       22  1510  sshd        medium
    tcp    0.0.0.0      888  2592  nginx       medium
    tcp    127.0.0.1     25  1366  postfix     medium
    tcp    127.0.0.1  39802  7518  python-app  medium
    tcp6   [::]        3306  2417  mysqld      medium
    tcp6   [::]          22  1510  sshd        medium
    tcp6   [::1]         25  1366  postfix     medium

Step 2 [services] Stop, disable and mask nginx (nginx web server (CIS 2.1.18))
  why     nginx web server (CIS 2.1.18): the knowledge base disables it by default (CIS)
  action  unit nginx.service: stopped, disabled, masked
  do      systemctl disable --now nginx.service
          systemctl mask nginx.service
  undo    systemctl unmask nginx.service
          systemctl enable --now nginx.service
  sysv    service nginx stop
          update-rc.d nginx disable
  openrc  rc-service nginx stop
          rc-update del nginx default
  before  enabled, active (the default; read at run time)
  closes  tcp 0.0.0.0:80 (nginx, medium)
          tcp 0.0.0.0:888 (nginx, medium)
  reboot  no; prediction confidence medium
  breaks  the web sites this host serves
  after:
    PROTO  LOCAL       PORT  PID   KB          CONF
    tcp    0.0.0.0       22  1510  sshd        medium
    tcp    127.0.0.1     25  1366  postfix     medium
    tcp    127.0.0.1  39802  7518  python-app  medium
    tcp6   [::]        3306  2417  mysqld      medium
    tcp6   [::]          22  1510  sshd        medium
    tcp6   [::1]         25  1366  postfix     medium

Step 3 [services] Database: listen on loopback only (bind-address)
  why     mysqld stays (a database: stopping it is the owner's decision; bind it to loopback when only local programs use it); this narrows what it exposes
  action  config /etc/mysql/conf.d/netmin.cnf: bind-address=127.0.0.1
  do      mkdir -p /etc/mysql/conf.d
          printf '[mysqld]\nbind-address=127.0.0.1\n' > /etc/mysql/conf.d/netmin.cnf
          systemctl restart mariadb.service
  undo    rm -f /etc/mysql/conf.d/netmin.cnf
          systemctl restart mariadb.service
  before  absent (the default; read at run time)
  moves   tcp [::]:3306 -> tcp [::1]:3306
  reboot  no; prediction confidence medium
  after:
    PROTO  LOCAL       PORT  PID   KB          CONF
    tcp    0.0.0.0       22  1510  sshd        medium
    tcp    127.0.0.1     25  1366  postfix     medium
    tcp    127.0.0.1  39802  7518  python-app  medium
    tcp6   [::1]       3306  2417  mysqld      medium
    tcp6   [::]          22  1510  sshd        medium
    tcp6   [::1]         25  1366  postfix     medium

Stays:
  sshd: remote administration, perhaps the session you are using: netmin never stops it unless you --drop sshd; narrow it with ListenAddress to a management address, or filter
  postfix: local mail delivery; CIS asks for loopback-only (inet_interfaces), not removal
  python-app (narrowed): the shop's application
  mysqld (narrowed): a database: stopping it is the owner's decision; bind it to loopback when only local programs use it
--- stderr
