/* test_parse_pwsh.c - Get-NetTCPConnection / Get-NetUDPEndpoint output. */
#include "harness.h"
#include "util_parse.h"

#define TCP_HDR \
	"LocalAddress                        LocalPort RemoteAddress                       RemotePort State       AppliedSetting OwningProcess\r\n" \
	"------------                        --------- -------------                       ---------- -----       -------------- -------------\r\n"

TEST(pwsh_tcp_default_table)
{
	struct nm_snapshot s;

	CHECK_INT(tparse(&s,
	    "PS C:\\> Get-NetTCPConnection\r\n\r\n" TCP_HDR
	    "::                                  49669     ::                                  0          Listen                     624\r\n"
	    "fe80::9c41:2b7e:61d0:3a5f%12        49823     fe80::1%12                          445        SynSent     Internet       4\r\n"
	    "0.0.0.0                             49811     0.0.0.0                             0          Bound                      6904\r\n"
	    "192.168.1.10                        49812     52.113.194.132                      443        TimeWait    Internet       0\r\n"
	    "192.168.1.10                        49704     52.114.128.10                       443        Established Internet       3592\r\n"
	    "127.0.0.1                           65001     0.0.0.0                             0          Listen                     636\r\n"
	    "\r\n\r\nPS C:\\>\r\n", NULL), 0);
	CHECK_INT(s.ep.n, 6);
	CHECK_STR(tep(&s, 0), "tcp6 :::49669 listen 624 -");
	CHECK_STR(tep(&s, 1),
	    "tcp6 fe80::9c41:2b7e:61d0:3a5f%12:49823 fe80::1:445 syn-sent 4 -");
	CHECK_STR(tep(&s, 2), "tcp 0.0.0.0:49811 bound 6904 -");
	CHECK_STR(tep(&s, 3),
	    "tcp 192.168.1.10:49812 52.113.194.132:443 time-wait 0 -");
	CHECK_STR(tep(&s, 4),
	    "tcp 192.168.1.10:49704 52.114.128.10:443 established 3592 -");
	CHECK_STR(tep(&s, 5), "tcp 127.0.0.1:65001 listen 636 -");
	CHECK_INT(s.ep.v[5].exposure, NM_EXP_LOOPBACK);
	CHECK_INT(s.ep.v[0].line, 5);
	CHECK_STR(s.host.os, "windows");
	CHECK_INT(s.warn.n, 0);
	nm_snap_free(&s);
}

/* Get-NetUDPEndpoint's own view (no PIDs), known by its layout alone. */
TEST(pwsh_udp_default_view)
{
	struct nm_snapshot s;

	CHECK_INT(tparse(&s,
	    "LocalAddress                             LocalPort\n"
	    "------------                             ---------\n"
	    "::                                       3390\n"
	    "0.0.0.0                                  3390\n",
	    NULL), 0);
	CHECK_INT(s.ep.n, 2);
	CHECK_STR(tep(&s, 0), "udp6 :::3390 unconn -1 -");
	CHECK_STR(tep(&s, 1), "udp 0.0.0.0:3390 unconn -1 -");
	nm_snap_free(&s);
}

/* Select-Object tables say nothing of the protocol: the command does. */
TEST(pwsh_select_tables_by_command)
{
	struct nm_snapshot s;

	CHECK_INT(tparse(&s,
	    "PS C:\\> Get-NetTCPConnection -State Listen | select LocalAddress,LocalPort,OwningProcess | ft -AutoSize\n"
	    "\n"
	    "LocalAddress LocalPort OwningProcess\n"
	    "------------ --------- -------------\n"
	    "0.0.0.0            135           948\n"
	    "::                 445             4\n"
	    "\n\n"
	    "PS C:\\> Get-NetUDPEndpoint | Select-Object LocalAddress,LocalPort,OwningProcess,@{n='ProcessName';e={(Get-Process -Id $_.OwningProcess).Name}}\n"
	    "\n"
	    "LocalAddress LocalPort OwningProcess ProcessName\n"
	    "------------ --------- ------------- -----------\n"
	    "0.0.0.0            123          1360 svchost\n"
	    "10.20.0.14         137             4 System\n",
	    NULL), 0);
	CHECK_INT(s.ep.n, 4);
	CHECK_STR(tep(&s, 0), "tcp 0.0.0.0:135 listen 948 -");
	CHECK_STR(tep(&s, 1), "tcp6 :::445 listen 4 -");
	CHECK_STR(tep(&s, 2), "udp 0.0.0.0:123 unconn 1360 svchost");
	CHECK_STR(tep(&s, 3), "udp 10.20.0.14:137 unconn 4 System");
	nm_snap_free(&s);
}

/* A narrow console wraps a header and cuts values with "..." or "…". */
TEST(pwsh_narrow_console)
{
	struct nm_snapshot s;

	CHECK_INT(tparse(&s,
	    "LocalAddress                        LocalPort RemoteAddress                       RemotePort State       AppliedSetting OwningPr\n"
	    "                                                                                                                        ocess   \n"
	    "------------                        --------- -------------                       ---------- -----       -------------- -------- \n"
	    "2001:db8:4a1:20:f1c3:9e42:7b0d:5... 443       2001:db8:4a1:20::1f                 53344      Established Internet       4       \n"
	    "0.0.0.0                             3389      0.0.0.0                             0          Listen                     1204    \n",
	    NULL), 0);
	CHECK_INT(s.ep.n, 2);
	CHECK_STR(tep(&s, 0), "tcp6 2001:db8:4a1:20:f1c3:9e42:7b0d:5:443 "
	    "2001:db8:4a1:20::1f:53344 established 4 -");
	CHECK(s.ep.v[0].addr_truncated);
	CHECK_STR(tep(&s, 1), "tcp 0.0.0.0:3389 listen 1204 -");
	CHECK(strstr(twarn(&s), "4: PowerShell cut the local address") != NULL);
	nm_snap_free(&s);
	CHECK_INT(tparse(&s,
	    "PS> Get-NetTCPConnection | Select-Object LocalAddress,LocalPort,RemoteAddress,RemotePort,State,OwningProcess\n"
	    "\n"
	    "LocalAddress     LocalPort RemoteAddress    RemotePort State       OwningProcess\n"
	    "------------     --------- -------------    ---------- -----       -------------\n"
	    "fe80::d1c9:61a5\xe2\x80\xa6     49733 fe80::a62b:b0ff\xe2\x80\xa6       8009 Established          5120\n",
	    NULL), 0);
	CHECK_STR(tep(&s, 0),
	    "tcp6 fe80::d1c9:61a5:49733 fe80::a62b:b0ff:8009 established 5120 -");
	CHECK(s.ep.v[0].addr_truncated);
	CHECK_INT(s.warn.n, 2);
	CHECK_INT(s.warn.v[0].line, 5);
	nm_snap_free(&s);
}

TEST(pwsh_format_list)
{
	struct nm_snapshot s;

	CHECK_INT(tparse(&s,
	    "PS C:\\> Get-NetTCPConnection | fl\n"
	    "\n"
	    "LocalAddress   : 172.18.0.8\n"
	    "LocalPort      : 5847\n"
	    "RemoteAddress  : 192.168.20.11\n"
	    "RemotePort     : 15490\n"
	    "State          : Established\n"
	    "AppliedSetting : Internet\n"
	    "OwningProcess  : 21616\n"
	    "CreationTime   : 2020-08-28 \xec\x98\xa4\xed\x9b\x84 12:52:04\n"
	    "OffloadState   : InHost\n"
	    "\n"
	    "LocalAddress   : ::\n"
	    "LocalPort      : 135\n"
	    "RemoteAddress  : ::\n"
	    "RemotePort     : 0\n"
	    "State          : Listen\n"
	    "AppliedSetting :\n"
	    "OwningProcess  : 1036\n"
	    "\n"
	    "PS C:\\> Get-NetUDPEndpoint | fl\n"
	    "\n"
	    "LocalAddress  : 0.0.0.0\n"
	    "LocalPort     : 5353\n"
	    "OwningProcess : 2716\n"
	    "CreationTime  : 13.03.2024 08:12:47\n",
	    NULL), 0);
	CHECK_INT(s.ep.n, 3);
	CHECK_STR(tep(&s, 0),
	    "tcp 172.18.0.8:5847 192.168.20.11:15490 established 21616 -");
	CHECK_INT(s.ep.v[0].line, 3);
	CHECK_STR(tep(&s, 1), "tcp6 :::135 listen 1036 -");
	CHECK_STR(tep(&s, 2), "udp 0.0.0.0:5353 unconn 2716 -");
	nm_snap_free(&s);
}

TEST(pwsh_csv)
{
	struct nm_snapshot s;

	/* The #TYPE line names the class (the command is not there). */
	CHECK_INT(tparse(&s,
	    "#TYPE Microsoft.Management.Infrastructure.CimInstance#ROOT/StandardCimv2/MSFT_NetUDPEndpoint\r\n"
	    "\"LocalAddress\",\"LocalPort\",\"OwningProcess\",\"InstanceID\"\r\n"
	    "\"::\",\"53\",\"2912\",\"::++53\"\r\n"
	    "\"10.1.0.4\",\"137\",\"4\",\"10.1.0.4++137\"\r\n",
	    NULL), 0);
	CHECK_INT(s.ep.n, 2);
	CHECK_STR(tep(&s, 0), "udp6 :::53 unconn 2912 -");
	CHECK_STR(tep(&s, 1), "udp 10.1.0.4:137 unconn 4 -");
	nm_snap_free(&s);
	/* -NoTypeInformation: the State column says TCP; a short row warns. */
	CHECK_INT(tparse(&s,
	    "\"State\",\"AppliedSetting\",\"OwningProcess\",\"LocalAddress\",\"LocalPort\",\"RemoteAddress\",\"RemotePort\"\n"
	    "\"Listen\",\"\",\"684\",\"0.0.0.0\",\"389\",\"0.0.0.0\",\"0\"\n"
	    "\"Listen\",\"\",\"684\",\"0.0.0.0\"\n"
	    "\"Established\",\"Internet\",\"1108\",\"10.1.0.5\",\"3389\",\"10.1.0.99\",\"51022\"\n",
	    NULL), 0);
	CHECK_INT(s.ep.n, 2);
	CHECK_STR(tep(&s, 0), "tcp 0.0.0.0:389 listen 684 -");
	CHECK_STR(tep(&s, 1),
	    "tcp 10.1.0.5:3389 10.1.0.99:51022 established 1108 -");
	CHECK_STR(twarn(&s),
	    "3: cannot read this CSV row (4 fields, the header has 7)\n");
	nm_snap_free(&s);
}

TEST(pwsh_json)
{
	struct nm_snapshot s;

	/* Windows PowerShell writes the State enum as its number. */
	CHECK_INT(tparse(&s,
	    "PS C:\\> Get-NetTCPConnection | select LocalAddress,LocalPort,RemoteAddress,RemotePort,State,OwningProcess | ConvertTo-Json\n"
	    "[\n"
	    "    {\n"
	    "        \"LocalAddress\":  \"::\",\n"
	    "        \"LocalPort\":  135,\n"
	    "        \"RemoteAddress\":  \"::\",\n"
	    "        \"RemotePort\":  0,\n"
	    "        \"State\":  2,\n"
	    "        \"OwningProcess\":  1012\n"
	    "    },\n"
	    "    {\n"
	    "        \"LocalAddress\":  \"10.1.0.5\",\n"
	    "        \"LocalPort\":  50118,\n"
	    "        \"RemoteAddress\":  \"10.1.0.4\",\n"
	    "        \"RemotePort\":  135,\n"
	    "        \"State\":  11,\n"
	    "        \"OwningProcess\":  0\n"
	    "    }\n"
	    "]\n"
	    "PS C:\\>\n",
	    NULL), 0);
	CHECK_INT(s.ep.n, 2);
	CHECK_STR(tep(&s, 0), "tcp6 :::135 listen 1012 -");
	CHECK_INT(s.ep.v[0].line, 3);
	CHECK_STR(tep(&s, 1), "tcp 10.1.0.5:50118 10.1.0.4:135 time-wait 0 -");
	nm_snap_free(&s);
	/* One CIM object: its class says UDP. */
	CHECK_INT(tparse(&s,
	    "{\n"
	    "    \"LocalAddress\":  \"0.0.0.0\",\n"
	    "    \"LocalPort\":  500,\n"
	    "    \"OwningProcess\":  3132,\n"
	    "    \"CimSystemProperties\":  {\n"
	    "        \"Namespace\":  \"ROOT/StandardCimv2\",\n"
	    "        \"ClassName\":  \"MSFT_NetUDPEndpoint\"\n"
	    "    }\n"
	    "}\n",
	    NULL), 0);
	CHECK_INT(s.ep.n, 1);
	CHECK_STR(tep(&s, 0), "udp 0.0.0.0:500 unconn 3132 -");
	nm_snap_free(&s);
	/* Broken JSON is an error with its line. */
	CHECK(tparse(&s, "[\n  { \"LocalAddress\": \"::\", \"LocalPort\": 135,\n]\n",
	    NULL) != 0);
	nm_snap_free(&s);
}

/* Neither the columns nor a command say TCP or UDP: refused, unless the
 * format is named. */
TEST(pwsh_protocol_unknown)
{
	struct nm_snapshot s;
	static const char t[] =
	    "PS C:\\> $l | Format-Table LocalAddress, LocalPort, OwningProcess\n"
	    "\n"
	    "LocalAddress LocalPort OwningProcess\n"
	    "------------ --------- -------------\n"
	    "0.0.0.0            135           912\n";

	CHECK(tparse(&s, t, NULL) != 0);
	nm_snap_free(&s);
	/* An earlier command does not speak for a later prompt's table. */
	{
		char two[1024];

		snprintf(two, sizeof(two), "PS C:\\> Get-NetTCPConnection -State "
		    "Listen | ft LocalAddress,LocalPort\n\nLocalAddress LocalPort\n"
		    "------------ ---------\n0.0.0.0            445\n\n%s", t);
		CHECK_INT(tparse(&s, two, NULL), 0);
		CHECK_INT(s.ep.n, 1);
		CHECK_STR(tep(&s, 0), "tcp 0.0.0.0:445 listen -1 -");
		CHECK(strstr(twarn(&s), "11: cannot tell whether these rows are "
		    "TCP or UDP") != NULL);
		nm_snap_free(&s);
	}
	CHECK_INT(tparse(&s, t, "pwsh-udp"), 0);
	CHECK_STR(tep(&s, 0), "udp 0.0.0.0:135 unconn 912 -");
	nm_snap_free(&s);
	/* As TCP without a State column the state is unknown, and said. */
	CHECK_INT(tparse(&s, t, "pwsh-tcp"), 0);
	CHECK_STR(tep(&s, 0), "tcp 0.0.0.0:135 unknown 912 -");
	CHECK(strstr(twarn(&s), "5: no State column") != NULL);
	nm_snap_free(&s);
}

TEST(pwsh_bad_rows)
{
	struct nm_snapshot s;

	CHECK_INT(tparse(&s,
	    "PS C:\\> Get-NetTCPConnection\n\n" TCP_HDR
	    "0.0.0.0                             99999     0.0.0.0                             0          Listen                     4\n"
	    "0.0.0.0                             445       0.0.0.0                             0          Listening                  4\n"
	    "0.0.0.0                             135       0.0.0.0                             0          Listen                     x1\n"
	    "0.0.0.0                             139       0.0.0.0                             0          Listen                     4\n",
	    NULL), 0);
	CHECK_INT(s.ep.n, 1);
	CHECK_STR(twarn(&s),
	    "5: cannot read this PowerShell row (local port): 0.0.0.0 99999\n"
	    "6: cannot read this PowerShell row (state): 0.0.0.0 445\n"
	    "7: cannot read this PowerShell row (owning process): 0.0.0.0 135\n");
	nm_snap_free(&s);
}

/* With tasklist /svc the PowerShell rows get process and services. */
TEST(pwsh_with_tasklist)
{
	struct nm_snapshot s;
	const char *files[2] = {
	    "PS C:\\> Get-NetTCPConnection -State Listen | select LocalAddress,LocalPort,OwningProcess\n"
	    "\n"
	    "LocalAddress LocalPort OwningProcess\n"
	    "------------ --------- -------------\n"
	    "0.0.0.0            135           884\n",
	    "Image Name                     PID Services\n"
	    "========================= ======== ============================================\n"
	    "svchost.exe                    884 RpcEptMapper, RpcSs\n" };

	CHECK_INT(tparse_files(&s, files, 2), 0);
	CHECK_STR(tep(&s, 0), "tcp 0.0.0.0:135 listen 884 svchost.exe");
	CHECK_STR(tsvc(&s, 0), "RpcEptMapper RpcSs");
	nm_snap_free(&s);
}
