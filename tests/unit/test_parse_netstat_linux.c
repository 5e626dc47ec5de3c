/* test_parse_netstat_linux.c - net-tools netstat on Linux. */
#include "harness.h"
#include "util_parse.h"

TEST(netstat_linux_anopt_programs_and_timers)
{
	struct nm_snapshot s;

	CHECK_INT(tparse(&s,
	    "# netstat -anopt\n"
	    "Active Internet connections (servers and established)\n"
	    "Proto Recv-Q Send-Q Local Address           Foreign Address         State       PID/Program name     Timer\n"
	    "tcp        0      0 0.0.0.0:80              0.0.0.0:*               LISTEN      2592/nginx: master   off (0.00/0/0)\n"
	    "tcp        0     64 10.0.10.1:22            218.106.157.103:56033   ESTABLISHED 9264/sshd: centos [on (0.28/0/0)\n"
	    "tcp        0      0 10.0.10.4:22            120.35.33.11:58144      ESTABLISHED 961/sshd: root@nott  keepalive (5663.12/0/0)\n"
	    "tcp        0      0 127.0.0.1:5000          127.0.0.1:40000         TIME_WAIT   -                    timewait (42.10/0/0)\n"
	    "tcp6       0      0 :::22                   :::*                    LISTEN      1510/sshd            off (0.00/0/0)\n"
	    "tcp6       0      0 ::1:25                  :::*                    LISTEN      1366/master          off (0.00/0/0)\n",
	    NULL), 0);
	CHECK_INT(s.ep.n, 6);
	CHECK_STR(tep(&s, 0), "tcp 0.0.0.0:80 listen 2592 nginx: master");
	CHECK_STR(tep(&s, 1), "tcp 10.0.10.1:22 218.106.157.103:56033 established 9264 sshd: centos [");
	CHECK_STR(tep(&s, 2), "tcp 10.0.10.4:22 120.35.33.11:58144 established 961 sshd: root@nott");
	CHECK_STR(tep(&s, 3), "tcp 127.0.0.1:5000 127.0.0.1:40000 time-wait -1 -");
	CHECK_STR(tep(&s, 4), "tcp6 :::22 listen 1510 sshd");
	CHECK_STR(tep(&s, 5), "tcp6 ::1:25 listen 1366 master");
	CHECK_INT(s.ep.v[5].exposure, NM_EXP_LOOPBACK);
	CHECK_STR(s.host.os, "linux");
	CHECK_INT(s.warn.n, 0);
	nm_snap_free(&s);
}

TEST(netstat_linux_udp_and_unix_section)
{
	struct nm_snapshot s;

	CHECK_INT(tparse(&s,
	    "(Not all processes could be identified, non-owned process info\n"
	    " will not be shown, you would have to be root to see it all.)\n"
	    "Proto Recv-Q Send-Q Local Address           Foreign Address         State       PID/Program name\n"
	    "udp        0      0 0.0.0.0:68              0.0.0.0:*                           334/dhclient\n"
	    "udp        0      0 10.0.0.5:40000          1.1.1.1:53              ESTABLISHED 77/dig\n"
	    "udp6       0      0 :::123                  :::*                                -\n"
	    "raw6       0      0 :::58                   :::*                    7           700/NetworkManager\n"
	    "Active UNIX domain sockets (servers and established)\n"
	    "Proto RefCnt Flags       Type       State         I-Node   PID/Program name     Path\n"
	    "unix  2      [ ACC ]     STREAM     LISTENING     13721    1/init               /run/systemd/private\n"
	    "......\n",
	    NULL), 0);
	CHECK_INT(s.ep.n, 3);
	CHECK_STR(tep(&s, 0), "udp 0.0.0.0:68 unconn 334 dhclient");
	CHECK_STR(tep(&s, 1), "udp 10.0.0.5:40000 1.1.1.1:53 established 77 dig");
	CHECK_STR(tep(&s, 2), "udp6 :::123 unconn -1 -");
	CHECK_INT(s.warn.n, 1);		/* the raw row */
	CHECK_INT(s.warn.v[0].line, 7);
	nm_snap_free(&s);
}

/* Without -W, "address:port" is cut to 23 columns. */
TEST(netstat_linux_cut_address)
{
	struct nm_snapshot s;

	CHECK_INT(tparse(&s,
	    "udp6       0      0 fe80::f0:ccff:fe9d::123 :::*                                451/ntpd\n"
	    "tcp6       0      0 2001:db8:1:2:3:4:5:6:22 :::*                    LISTEN      9/sshd\n"
	    "tcp        0      0 192.168.100.100:22      0.0.0.0:*               LISTEN      9/sshd\n",
	    NULL), 0);
	CHECK_INT(s.ep.n, 3);
	CHECK_STR(tep(&s, 0), "udp6 fe80::f0:ccff:fe9d:123 unconn 451 ntpd");
	CHECK(s.ep.v[0].addr_truncated);
	CHECK_INT(s.ep.v[0].exposure, NM_EXP_ADDRESS);
	CHECK(s.ep.v[1].addr_truncated);
	CHECK(!s.ep.v[2].addr_truncated);
	CHECK_INT(s.warn.n, 2);
	CHECK_INT(s.warn.v[0].line, 1);
	CHECK(strstr(s.warn.v[0].message, "cut short") != NULL);
	CHECK_INT(s.warn.v[1].line, 2);
	nm_snap_free(&s);
}

/* -e adds User and Inode; no -n gives names; locales translate states. */
TEST(netstat_linux_extend_names_locales)
{
	struct nm_snapshot s;

	CHECK_INT(tparse(&s,
	    "Proto Recv-Q Send-Q Local Address           Foreign Address         State       User       Inode      PID/Program name\n"
	    "tcp        0      0 0.0.0.0:22              0.0.0.0:*               LISTEN      root       21310      804/sshd\n"
	    "udp        0      0 0.0.0.0:5353            0.0.0.0:*                           avahi      19170      600/avahi-daemon: r\n"
	    "tcp        0      0 localhost:ipp           *:*                     LISTEN      -\n"
	    "tcp6       0      0 [::]:ssh                [::]:*                  LISTEN      -\n"
	    "tcp        0      0 *:ssh                   *:*                     LISTEN      -\n"
	    "tcp        0      0 10.0.0.5:22             10.0.0.9:50000          VERBUNDEN   1816/sshd: vagrant\n"
	    "tcp        0      0 10.0.0.5:22             10.0.0.9:50001          POSLEDN\xc3\x8d ACK 1817/sshd\n"
	    "tcp        0      0 0.0.0.0:631             0.0.0.0:*               NASLOUCH\xc3\x81   1818/cupsd\n",
	    NULL), 0);
	CHECK_INT(s.ep.n, 8);
	CHECK_STR(tep(&s, 0), "tcp 0.0.0.0:22 listen 804 sshd");
	CHECK_STR(tep(&s, 1), "udp 0.0.0.0:5353 unconn 600 avahi-daemon: r");
	CHECK_STR(tep(&s, 2), "tcp localhost:631 listen -1 -");
	CHECK_INT(s.ep.v[2].exposure, NM_EXP_LOOPBACK);
	CHECK_STR(tep(&s, 3), "tcp6 :::22 listen -1 -");
	CHECK_STR(tep(&s, 4), "tcp 0.0.0.0:22 listen -1 -");
	CHECK_STR(tep(&s, 5), "tcp 10.0.0.5:22 10.0.0.9:50000 established 1816 sshd: vagrant");
	CHECK_STR(tep(&s, 6), "tcp 10.0.0.5:22 10.0.0.9:50001 last-ack 1817 sshd");
	CHECK_STR(tep(&s, 7), "tcp 0.0.0.0:631 listen 1818 cupsd");
	CHECK_INT(s.warn.n, 0);
	nm_snap_free(&s);
}

TEST(netstat_linux_bad_rows)
{
	struct nm_snapshot s;

	CHECK_INT(tparse(&s,
	    "tcp        0      0 0.0.0.0:22              0.0.0.0:*               LISTEN      804/sshd\n"
	    "tcp        0      0 0.0.0.0:frobnicate      0.0.0.0:*               LISTEN      805/x\n"
	    "tcp        0      0 0.0.0.0:23              0.0.0.0:*               LISTEN      99999999999/x\n"
	    "tcp        0      0\n"
	    "tcp        0      0 10.0.0.5:22             10.0.0.9:50000          WIBBLE      806/y\n",
	    NULL), 0);
	CHECK_INT(s.ep.n, 2);
	CHECK_INT(s.warn.n, 4);
	CHECK_INT(s.warn.v[0].line, 2);
	CHECK_INT(s.warn.v[1].line, 3);
	CHECK_INT(s.warn.v[2].line, 4);
	CHECK_INT(s.warn.v[3].line, 5);
	CHECK_STR(tep(&s, 1), "tcp 10.0.0.5:22 10.0.0.9:50000 unknown 806 y");
	nm_snap_free(&s);
	CHECK(tparse(&s, "Active Internet connections (only servers)\n",
	    "netstat-linux") != 0);
	nm_snap_free(&s);
}
