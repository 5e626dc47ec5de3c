/* test_parse_ss.c - iproute2 ss output in its many forms. */
#include "harness.h"
#include "util_parse.h"

/* Every owner of endpoint n as "pid:name pid:name". */
static const char *
owners(const struct nm_snapshot *s, size_t n)
{
	static char buf[256];
	size_t k, len = 0;

	buf[0] = '\0';
	if (n >= s->ep.n)
		return "(none)";
	for (k = 0; k < s->ep.v[n].nowners && len < sizeof(buf); k++)
		len += (size_t)snprintf(buf + len, sizeof(buf) - len, "%s%d:%s",
		    k ? " " : "", s->ep.v[n].owners[k].pid,
		    s->ep.v[n].owners[k].process ?
		    s->ep.v[n].owners[k].process : "-");
	return buf;
}

TEST(ss_tulpn_netid_zones_owners)
{
	struct nm_snapshot s;

	CHECK_INT(tparse(&s,
	    "$ sudo ss -tulpn\n"
	    "Netid State  Recv-Q Send-Q      Local Address:Port  Peer Address:Port Process\n"
	    "udp   UNCONN 0      0       127.0.0.53%lo:53         0.0.0.0:*     users:((\"systemd-resolve\",pid=610,fd=13))\n"
	    "udp   UNCONN 0      0      [fe80::1]%eth0:546           [::]:*     users:((\"NetworkManager\",pid=700,fd=25))\n"
	    "udp   UNCONN 0      0             0.0.0.0:51820      0.0.0.0:*\n"
	    "tcp   LISTEN 0      4096          0.0.0.0:111        0.0.0.0:*     users:((\"rpcbind\",pid=554,fd=4),(\"systemd\",pid=1,fd=53))\n"
	    "tcp   LISTEN 0      511           0.0.0.0:80         0.0.0.0:*     users:((\"nginx\",pid=1339,fd=6),(\"nginx\",pid=1338,fd=6))\n"
	    "tcp   LISTEN 0      128                 *:22               *:*     users:((\"sshd\",pid=804,fd=3))\n"
	    "tcp   LISTEN 0      128              [::]:8080          [::]:*     users:((\"python3\",pid=9,fd=3))\n",
	    NULL), 0);
	CHECK_INT(s.ep.n, 7);
	CHECK_STR(tep(&s, 0), "udp 127.0.0.53%lo:53 unconn 610 systemd-resolve");
	CHECK_INT(s.ep.v[0].exposure, NM_EXP_LOOPBACK);
	CHECK_STR(tep(&s, 1), "udp6 fe80::1%eth0:546 unconn 700 NetworkManager");
	CHECK_STR(tep(&s, 2), "udp 0.0.0.0:51820 unconn -1 -");
	CHECK_INT(s.ep.v[2].nowners, 0);
	CHECK_STR(owners(&s, 3), "554:rpcbind 1:systemd");
	CHECK_STR(owners(&s, 4), "1339:nginx 1338:nginx");
	CHECK_STR(tep(&s, 5), "tcp6 :::22 listen 804 sshd");
	CHECK(s.ep.v[5].dual_stack);
	CHECK_INT(s.ep.v[5].exposure, NM_EXP_ALL);
	CHECK_STR(tep(&s, 6), "tcp6 :::8080 listen 9 python3");
	CHECK(!s.ep.v[6].dual_stack);
	CHECK_STR(s.host.os, "linux");
	CHECK_INT(s.warn.n, 0);
	nm_snap_free(&s);
}

TEST(ss_tuapn_connections_and_mapped)
{
	struct nm_snapshot s;

	CHECK_INT(tparse(&s,
	    "Netid State     Recv-Q Send-Q          Local Address:Port     Peer Address:Port Process\n"
	    "tcp   ESTAB     0      0                   10.0.2.15:22          10.0.2.2:51724 users:((\"sshd\",pid=1853,fd=4),(\"sshd\",pid=1816,fd=4))\n"
	    "tcp   TIME-WAIT 0      0                   127.0.0.1:40000      127.0.0.1:8080\n"
	    "tcp   ESTAB     0      0      [::ffff:192.0.2.7]:80   [::ffff:198.51.100.2]:5555 users:((\"apache2\",pid=77,fd=9))\n"
	    "udp   ESTAB     0      0                  10.0.2.15:40123        1.1.1.1:53   users:((\"dig\",pid=5,fd=3))\n",
	    NULL), 0);
	CHECK_INT(s.ep.n, 4);
	CHECK_STR(tep(&s, 0), "tcp 10.0.2.15:22 10.0.2.2:51724 established 1853 sshd");
	CHECK_STR(tep(&s, 1), "tcp 127.0.0.1:40000 127.0.0.1:8080 time-wait -1 -");
	CHECK_STR(tep(&s, 2), "tcp6 ::ffff:192.0.2.7:80 ::ffff:198.51.100.2:5555 established 77 apache2");
	CHECK_STR(tep(&s, 3), "udp 10.0.2.15:40123 1.1.1.1:53 established 5 dig");
	nm_snap_free(&s);
}

/* iproute2 before 4.x: "*" is 0.0.0.0 and IPv6 has no brackets. */
TEST(ss_old_style)
{
	struct nm_snapshot s;

	CHECK_INT(tparse(&s,
	    "State      Recv-Q Send-Q Local Address:Port               Peer Address:Port\n"
	    "LISTEN     0      128       *:22                       *:*                   users:((\"sshd\",1510,3))\n"
	    "LISTEN     0      100    127.0.0.1:25                     *:*\n"
	    "LISTEN     0      128      :::22                      :::*                   users:((\"sshd\",1510,4))\n"
	    "LISTEN     0      100     ::1:25                       :::*\n",
	    NULL), 0);
	CHECK_INT(s.ep.n, 4);
	CHECK_STR(tep(&s, 0), "tcp 0.0.0.0:22 listen 1510 sshd");
	CHECK(!s.ep.v[0].dual_stack);
	CHECK_STR(tep(&s, 2), "tcp6 :::22 listen 1510 sshd");
	CHECK_STR(tep(&s, 3), "tcp6 ::1:25 listen -1 -");
	CHECK_INT(s.warn.n, 0);
	nm_snap_free(&s);
}

/* Only "*" rows: the style cannot be told, and a warning says so. */
TEST(ss_star_only_warns)
{
	struct nm_snapshot s;

	CHECK_INT(tparse(&s,
	    "LISTEN 0 128 *:22 *:* users:((\"sshd\",pid=1,fd=3))\n", NULL), 0);
	CHECK_STR(tep(&s, 0), "tcp6 :::22 listen 1 sshd");
	CHECK(s.ep.v[0].dual_stack);
	CHECK_INT(s.warn.n, 1);
	CHECK_INT(s.warn.v[0].line, 1);
	nm_snap_free(&s);
}

/* No -n: service names; the prompt says -u, so ESTAB rows are UDP. */
TEST(ss_service_names_and_prompt_hint)
{
	struct nm_snapshot s;

	CHECK_INT(tparse(&s,
	    "vagrant@vagrant:~$ sudo ss -lup\n"
	    "State  Recv-Q Send-Q  Local Address:Port  Peer Address:Port Process\n"
	    "UNCONN 0      0      10.0.2.15%eth0:bootpc     0.0.0.0:*    users:((\"systemd-network\",pid=815,fd=19))\n"
	    "vagrant@vagrant:~$ ss -uap\n"
	    "ESTAB  0      0           10.0.2.15:41000      1.1.1.1:domain\n"
	    "vagrant@vagrant:~$ ss -ltp\n"
	    "LISTEN 0      128           0.0.0.0:sunrpc     0.0.0.0:*\n"
	    "LISTEN 0      128           0.0.0.0:ssh        0.0.0.0:*\n",
	    NULL), 0);
	CHECK_INT(s.ep.n, 4);
	CHECK_STR(tep(&s, 0), "udp 10.0.2.15%eth0:68 unconn 815 systemd-network");
	CHECK_STR(tep(&s, 1), "udp 10.0.2.15:41000 1.1.1.1:53 established -1 -");
	CHECK_STR(tep(&s, 2), "tcp 0.0.0.0:111 listen -1 -");
	CHECK_STR(tep(&s, 3), "tcp 0.0.0.0:22 listen -1 -");
	nm_snap_free(&s);
}

/* Tabs, markdown indentation, trailing blanks, names with odd characters. */
TEST(ss_layout_and_odd_names)
{
	struct nm_snapshot s;

	CHECK_INT(tparse(&s,
	    "\tState\tRecv-Q\tSend-Q\t\tLocal Address:Port\tPeer Address:Port\n"
	    "\tLISTEN\t\t0\t 4096\t\t 127.0.0.1:631 \t 0.0.0.0:*\t\tusers:((\"a \\\"b\\\",c\",pid=42,fd=7))   \n"
	    "    UNCONN 0 0 0.0.0.0:5353 0.0.0.0:* users:((\"\",pid=43,fd=1))\n",
	    NULL), 0);
	CHECK_INT(s.ep.n, 2);
	CHECK_STR(tep(&s, 0), "tcp 127.0.0.1:631 listen 42 a \\\"b\\\",c");
	CHECK_STR(tep(&s, 1), "udp 0.0.0.0:5353 unconn 43 -");
	CHECK_INT(s.warn.n, 0);
	nm_snap_free(&s);
}

TEST(ss_bad_rows_warn)
{
	struct nm_snapshot s;

	CHECK_INT(tparse(&s,
	    "State  Recv-Q Send-Q Local Address:Port Peer Address:Port\n"
	    "LISTEN 0      128    0.0.0.0:22         0.0.0.0:*\n"
	    "LISTEN 0      128    0.0.0.0:no-such-service 0.0.0.0:*\n"
	    "LISTEN 0      128    300.1.2.3:22       0.0.0.0:*\n"
	    "LISTEN 0      128    0.0.0.0:23         0.0.0.0:*  users:((\"telnetd\",pid=\n",
	    NULL), 0);
	CHECK_INT(s.ep.n, 2);
	CHECK_INT(s.warn.n, 3);
	CHECK_INT(s.warn.v[0].line, 3);
	CHECK(strstr(s.warn.v[0].message, "no-such-service") != NULL);
	CHECK_INT(s.warn.v[1].line, 4);
	CHECK_INT(s.warn.v[2].line, 5);
	CHECK_STR(tep(&s, 1), "tcp 0.0.0.0:23 listen -1 -");
	nm_snap_free(&s);
}

TEST(ss_other_sockets)
{
	struct nm_snapshot s;

	CHECK_INT(tparse(&s,
	    "Netid State  Recv-Q Send-Q Local Address:Port Peer Address:Port Process\n"
	    "nl    UNCONN 0      0      rtnl:kernel        *\n"
	    "u_str LISTEN 0      4096   /run/systemd/private 13721 * 0 users:((\"systemd\",pid=1,fd=14))\n"
	    "raw   UNCONN 0      0      *:ipv6-icmp        *:*\n"
	    "tcp   LISTEN 0      128    0.0.0.0:22         0.0.0.0:*\n",
	    NULL), 0);
	CHECK_INT(s.ep.n, 1);
	CHECK_INT(s.warn.n, 1);
	CHECK_INT(s.warn.v[0].line, 4);
	nm_snap_free(&s);
}

TEST(ss_no_rows_is_an_error)
{
	struct nm_snapshot s;

	CHECK(tparse(&s, "Netid State Recv-Q Send-Q Local Address:Port Peer Address:Port\n",
	    "ss") != 0);
	nm_snap_free(&s);
	CHECK(tparse(&s, "LISTEN 0 1 0.0.0.0:bogus 0.0.0.0:*\n", "ss") != 0);
	nm_snap_free(&s);
}

/* A narrow terminal can push the process list to a line of its own. */
TEST(ss_users_on_next_line)
{
	struct nm_snapshot s;

	CHECK_INT(tparse(&s,
	    "LISTEN 0 128 0.0.0.0:22 0.0.0.0:*\n"
	    "\t users:((\"sshd\",pid=804,fd=3))\n",
	    NULL), 0);
	CHECK_STR(tep(&s, 0), "tcp 0.0.0.0:22 listen 804 sshd");
	nm_snap_free(&s);
}

/* A pre-fork server with hundreds of workers: the list is bounded. */
TEST(ss_many_owners_bounded)
{
	struct nm_snapshot s;
	struct nm_buf b = { 0 };
	int i;

	nm_buf_puts(&b, "LISTEN 0 511 0.0.0.0:80 0.0.0.0:* users:(");
	for (i = 0; i < 300; i++)
		nm_buf_printf(&b, "%s(\"httpd\",pid=%d,fd=4)", i ? "," : "",
		    1000 + i);
	nm_buf_puts(&b, ")\n");
	CHECK_INT(tparse(&s, b.s, NULL), 0);
	CHECK_INT(s.ep.n, 1);
	CHECK_INT(s.ep.v[0].nowners, NM_LX_MAX_OWNERS);
	CHECK_INT(s.warn.n, 1);
	CHECK(strstr(s.warn.v[0].message, "44 more") != NULL);
	nm_snap_free(&s);
	nm_buf_free(&b);
}
