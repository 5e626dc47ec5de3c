/* test_parse_lsof.c - lsof -i with and without -n/-P and its header. */
#include "harness.h"
#include "util_parse.h"

TEST(lsof_nP_shared_sockets)
{
	struct nm_snapshot s;

	CHECK_INT(tparse(&s,
	    "COMMAND     PID    USER   FD   TYPE DEVICE SIZE/OFF NODE NAME\n"
	    "systemd       1    root   35u  IPv4   1798      0t0  TCP *:111 (LISTEN)\n"
	    "rpcbind     544    _rpc    4u  IPv4   1798      0t0  TCP *:111 (LISTEN)\n"
	    "rpcbind     544    _rpc    6u  IPv6   1800      0t0  TCP *:111 (LISTEN)\n"
	    "cupsd       700    root    7u  IPv6   2000      0t0  TCP [::1]:631 (LISTEN)\n"
	    "sshd       1391    root    4u  IPv4  30449      0t0  TCP 10.0.2.15:22->10.0.2.2:50988 (ESTABLISHED)\n"
	    "sshd       1442 vagrant    4u  IPv4  30449      0t0  TCP 10.0.2.15:22->10.0.2.2:50988 (ESTABLISHED)\n"
	    "avahi-dae   600   avahi   12u  IPv4  19170      0t0  UDP *:5353 \n"
	    "dig          77    user    3u  IPv4  55555      0t0  UDP 10.0.0.5:40000->1.1.1.1:53\n",
	    NULL), 0);
	CHECK_INT(s.ep.n, 6);
	CHECK_STR(tep(&s, 0), "tcp 0.0.0.0:111 listen 1 systemd");
	CHECK_INT(s.ep.v[0].nowners, 2);
	CHECK_INT(s.ep.v[0].owners[1].pid, 544);
	CHECK_STR(tep(&s, 1), "tcp6 :::111 listen 544 rpcbind");
	CHECK_STR(tep(&s, 2), "tcp6 ::1:631 listen 700 cupsd");
	CHECK_STR(tep(&s, 3), "tcp 10.0.2.15:22 10.0.2.2:50988 established 1391 sshd");
	CHECK_INT(s.ep.v[3].nowners, 2);
	CHECK_STR(tep(&s, 4), "udp 0.0.0.0:5353 unconn 600 avahi-dae");
	CHECK_STR(tep(&s, 5), "udp 10.0.0.5:40000 1.1.1.1:53 established 77 dig");
	CHECK_STR(s.ep.v[0].user, "root");
	CHECK_STR(s.host.os, "linux");
	CHECK_INT(s.warn.n, 0);
	nm_snap_free(&s);
}

/* Without -n/-P: host and service names; a name is kept and warned about. */
TEST(lsof_names)
{
	struct nm_snapshot s;

	CHECK_INT(tparse(&s,
	    "systemd-r    80 systemd-resolve   13u  IPv4  4731794      0t0  TCP localhost:domain (LISTEN)\n"
	    "cupsd       700            root    7u  IPv6     2000      0t0  TCP ip6-localhost:ipp (LISTEN)\n"
	    "systemd-n 28290 systemd-network   19u  IPv4 10522441      0t0  UDP focal-base:bootpc \n"
	    "sshd        148            root    3u  IPv4  4732422      0t0  TCP *:ssh (LISTEN)\n"
	    "weird       149            root    3u  IPv4  4732423      0t0  TCP *:no-such-name (LISTEN)\n",
	    NULL), 0);
	CHECK_INT(s.ep.n, 4);
	CHECK_STR(tep(&s, 0), "tcp localhost:53 listen 80 systemd-r");
	CHECK_INT(s.ep.v[0].exposure, NM_EXP_LOOPBACK);
	CHECK_STR(tep(&s, 1), "tcp6 localhost:631 listen 700 cupsd");
	CHECK_STR(tep(&s, 2), "udp focal-base:68 unconn 28290 systemd-n");
	CHECK_INT(s.ep.v[2].exposure, NM_EXP_ADDRESS);
	CHECK_STR(tep(&s, 3), "tcp 0.0.0.0:22 listen 148 sshd");
	CHECK_INT(s.warn.n, 2);
	CHECK_INT(s.warn.v[0].line, 3);
	CHECK(strstr(s.warn.v[0].message, "focal-base") != NULL);
	CHECK_INT(s.warn.v[1].line, 5);
	CHECK(strstr(s.warn.v[1].message, "no-such-name") != NULL);
	nm_snap_free(&s);
}

/* COMMAND with a space, -K thread columns, numeric USER, -T options. */
TEST(lsof_odd_columns)
{
	struct nm_snapshot s;

	CHECK_INT(tparse(&s,
	    "COMMAND     PID   TID TASKCMD USER FD TYPE DEVICE SIZE/OFF NODE NAME\n"
	    "Web Conte  4242               1000 33u IPv4 99 0t0 TCP 127.0.0.1:9000 (LISTEN)\n"
	    "java       5000  5001 worker  0    40u IPv6 98 0t0 TCP *:8080 (ST=LISTEN QR=0 QS=0)\n"
	    "java       5000  5002 worker  0    40u IPv6 98 0t0 TCP *:8080 (ST=LISTEN QR=0 QS=0)\n"
	    "x          1     root 3u IPv4 97 0t0 TCP *:1 (FROBBED)\n",
	    NULL), 0);
	CHECK_INT(s.ep.n, 2);
	CHECK_STR(tep(&s, 0), "tcp 127.0.0.1:9000 listen 4242 Web Conte");
	CHECK_STR(tep(&s, 1), "tcp6 :::8080 listen 5000 java");
	CHECK_INT(s.ep.v[1].nowners, 1);
	CHECK_INT(s.warn.n, 1);
	CHECK_INT(s.warn.v[0].line, 5);
	nm_snap_free(&s);
	CHECK(tparse(&s, "COMMAND PID USER FD TYPE DEVICE SIZE/OFF NODE NAME\n",
	    "lsof") != 0);
	nm_snap_free(&s);
}

TEST(lsof_many_owners_bounded)
{
	struct nm_snapshot s;
	struct nm_buf b = { 0 };
	int i;

	for (i = 0; i < 300; i++)
		nm_buf_printf(&b, "httpd %d www 4u IPv4 777 0t0 TCP *:80 "
		    "(LISTEN)\n", 1000 + i);
	CHECK_INT(tparse(&s, b.s, NULL), 0);
	CHECK_INT(s.ep.n, 1);
	CHECK_INT(s.ep.v[0].nowners, NM_LX_MAX_OWNERS);
	CHECK_INT(s.warn.n, 1);
	CHECK_INT(s.warn.v[0].line, 257);
	nm_snap_free(&s);
	nm_buf_free(&b);
}
