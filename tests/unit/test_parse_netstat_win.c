/* test_parse_netstat_win.c - Windows netstat in its many forms. */
#include "harness.h"
#include "util_parse.h"

TEST(netstat_win_ano)
{
	struct nm_snapshot s;

	CHECK_INT(tparse(&s,
	    "C:\\WINDOWS>netstat -ano\r\n\r\nActive Connections\r\n\r\n"
	    "  Proto  Local Address          Foreign Address        State           PID\r\n"
	    "  TCP    0.0.0.0:135            0.0.0.0:0              LISTENING       884\r\n"
	    "  TCP    [::]:135               [::]:0                 LISTENING       884\r\n"
	    "  TCP    10.0.0.5:49157         10.10.14.139:443       ESTABLISHED     2856\r\n"
	    "  UDP    0.0.0.0:500            *:*                                    704\r\n"
	    "  UDP    [fe80::182e:1ba9:7b17:351d%5]:1900  *:*                                    884\r\n",
	    NULL), 0);
	CHECK_INT(s.ep.n, 5);
	CHECK_STR(tep(&s, 0), "tcp 0.0.0.0:135 listen 884 -");
	CHECK_STR(tep(&s, 1), "tcp6 :::135 listen 884 -");
	CHECK_STR(tep(&s, 2), "tcp 10.0.0.5:49157 10.10.14.139:443 established 2856 -");
	CHECK_STR(tep(&s, 3), "udp 0.0.0.0:500 unconn 704 -");
	CHECK_STR(tep(&s, 4), "udp6 fe80::182e:1ba9:7b17:351d%5:1900 unconn 884 -");
	CHECK_INT(s.ep.v[4].exposure, NM_EXP_ADDRESS);
	CHECK_INT(s.warn.n, 0);
	nm_snap_free(&s);
}

TEST(netstat_win_german_and_mojibake)
{
	struct nm_snapshot s;

	CHECK_INT(tparse(&s,
	    "Aktive Verbindungen\n\n  Proto  Lokale Adresse  Remoteadresse  Status\n"
	    "  TCP    0.0.0.0:135    0.0.0.0:0      ABH\xc3\x96REN\n"
	    "  TCP    0.0.0.0:445    0.0.0.0:0      ABH\x99REN\n"
	    "  TCP    0.0.0.0:1025   0.0.0.0:0      ABH\xc3\x83\xe2\x80\x93REN\n"
	    "  TCP    10.0.0.1:1030  10.0.0.2:80    HERGESTELLT\n"
	    "  TCP    10.0.0.1:1031  10.0.0.2:80    SCHLIESSEN_WARTEN\n"
	    "  TCP    10.0.0.1:1032  10.0.0.2:80    WARTEND\n",
	    NULL), 0);
	CHECK_INT(s.ep.n, 6);
	CHECK_INT(s.ep.v[0].state, NM_ST_LISTEN);
	CHECK_INT(s.ep.v[1].state, NM_ST_LISTEN);
	CHECK_INT(s.ep.v[2].state, NM_ST_LISTEN);
	CHECK_INT(s.ep.v[3].state, NM_ST_ESTABLISHED);
	CHECK_INT(s.ep.v[4].state, NM_ST_CLOSE_WAIT);
	CHECK_INT(s.ep.v[5].state, NM_ST_TIME_WAIT);
	nm_snap_free(&s);
}

TEST(netstat_win_anob_blocks)
{
	struct nm_snapshot s;

	CHECK_INT(tparse(&s,
	    "  TCP    0.0.0.0:135            0.0.0.0:0              LISTENING       1016\n"
	    "  RpcSs\n"
	    " [svchost.exe]\n"
	    "  TCP    0.0.0.0:445            0.0.0.0:0              LISTENING       4\n"
	    " Can not obtain ownership information\n"
	    "  TCP    0.0.0.0:5040           0.0.0.0:0              LISTENING       7000\n"
	    "  CDPSvc\n"
	    " [svchost.exe]\n"
	    "  UDP    0.0.0.0:5353           *:*                                    2200\n"
	    " [chrome.exe]\n",
	    NULL), 0);
	CHECK_INT(s.ep.n, 4);
	CHECK_STR(tep(&s, 0), "tcp 0.0.0.0:135 listen 1016 svchost.exe");
	CHECK_INT(s.ep.v[0].nservices, 1);
	CHECK_STR(s.ep.v[0].services[0], "RpcSs");
	CHECK_STR(tep(&s, 1), "tcp 0.0.0.0:445 listen 4 -");
	CHECK_INT(s.ep.v[1].nservices, 0);
	CHECK_STR(tep(&s, 2), "tcp 0.0.0.0:5040 listen 7000 svchost.exe");
	CHECK_STR(s.ep.v[2].services[0], "CDPSvc");
	CHECK_STR(tep(&s, 3), "udp 0.0.0.0:5353 unconn 2200 chrome.exe");
	nm_snap_free(&s);
}

TEST(netstat_win_phantom)
{
	struct nm_snapshot s;

	CHECK_INT(tparse(&s,
	    "C:\\WINDOWS>netstat -anp tcp | find \":1367\"\n"
	    "  TCP    0.0.0.0:1367           0.0.0.0:0              LISTENING\n"
	    "  TCP    192.70.106.142:1367    192.70.106.76:22       ESTABLISHED\n",
	    NULL), 0);
	CHECK_INT(s.ep.n, 2);
	CHECK(s.ep.v[0].phantom);
	CHECK(!nm_ep_is_open(&s.ep.v[0]));
	CHECK(!s.ep.v[1].phantom);
	nm_snap_free(&s);
}

TEST(netstat_win_not_phantom_on_modern)
{
	struct nm_snapshot s;

	/* An accepted connection on a real listener (Server 2016). */
	CHECK_INT(tparse(&s,
	    "  TCP    0.0.0.0:49663          0.0.0.0:0              LISTENING       4\n"
	    "  TCP    10.10.101.165:49663    10.6.31.77:47224       ESTABLISHED     4\n"
	    "  TCP    [::]:49663             [::]:0                 LISTENING       4\n",
	    NULL), 0);
	CHECK(!s.ep.v[0].phantom);
	nm_snap_free(&s);
}

TEST(netstat_win_bad_rows_warn)
{
	struct nm_snapshot s;

	CHECK_INT(tparse(&s,
	    "  TCP    0.0.0.0:135            0.0.0.0:0              LISTENING       884\n"
	    "  TCP    0.0.0.0:99999          0.0.0.0:0              LISTENING       884\n"
	    "  UDP    1.2.3.4:5              *:*   BOGUS\n",
	    NULL), 0);
	CHECK_INT(s.ep.n, 1);
	CHECK_INT(s.warn.n, 2);
	CHECK_INT(s.warn.v[0].line, 2);
	CHECK_INT(s.warn.v[1].line, 3);
	nm_snap_free(&s);
}

TEST(netstat_win_utf16)
{
	struct nm_snapshot s;
	static const char le[] =
	    "\xff\xfe" "T\0C\0P\0 \0" "0\0.\0" "0\0.\0" "0\0.\0" "0\0:\0" "1\0" "3\0" "5\0 \0"
	    "0\0.\0" "0\0.\0" "0\0.\0" "0\0:\0" "0\0 \0" "L\0I\0S\0T\0E\0N\0I\0N\0G\0\r\0\n\0";
	struct nm_input in;
	struct nm_error err = { 0 };

	nm_snap_init(&s);
	CHECK_INT(nm_input_load(&in, "u.txt", le, sizeof(le) - 1, &err), 0);
	CHECK_INT(nm_parse_input(&s, &in, NULL, &err), 0);
	nm_input_free(&in);
	CHECK_INT(s.ep.n, 1);
	CHECK_STR(tep(&s, 0), "tcp 0.0.0.0:135 listen -1 -");
	nm_snap_free(&s);
}

TEST(netstat_win_binary_and_empty)
{
	struct nm_snapshot s;
	struct nm_input in;
	struct nm_error err = { 0 };

	CHECK(nm_input_load(&in, "b", "\x7f" "ELF\0\0\x01", 7, &err) != 0);
	CHECK(strstr(err.msg, "binary") != NULL);
	CHECK(tparse(&s, "hello\nworld\n", NULL) != 0);
	nm_snap_free(&s);
}
