/* test_parse_pwsh_svc.c - Get-Service and Win32_Service as evidence. */
#include "harness.h"
#include "util_parse.h"

/* "name state start pid" of the n-th host service. */
static const char *
tservice(const struct nm_snapshot *s, size_t n)
{
	static char buf[256];
	const struct nm_service *v;

	if (n >= s->svcs.n)
		return "(none)";
	v = &s->svcs.v[n];
	snprintf(buf, sizeof(buf), "%s %s %s%s %d", v->name,
	    v->state ? v->state : "-", v->start ? v->start : "-",
	    v->delayed ? "+delayed" : "", v->pid);
	return buf;
}

TEST(pwsh_svc_win32_service_table)
{
	struct nm_snapshot s;

	CHECK_INT(tparse(&s,
	    "PS C:\\> Get-CimInstance Win32_Service | select Name,ProcessId,StartMode,State,DelayedAutoStart | ft -AutoSize\n"
	    "\n"
	    "Name         ProcessId StartMode State   DelayedAutoStart\n"
	    "----         --------- --------- -----   ----------------\n"
	    "BITS               920 Auto      Running             True\n"
	    "RpcSs              700 Auto      Running            False\n"
	    "SSDPSRV              0 Disabled  Stopped            False\n"
	    "W32Time            888 Manual    Running            False\n",
	    NULL), 0);
	CHECK_INT(s.svcs.n, 4);
	CHECK_STR(tservice(&s, 0), "BITS running auto+delayed 920");
	CHECK_STR(tservice(&s, 1), "RpcSs running auto 700");
	CHECK_STR(tservice(&s, 2), "SSDPSRV stopped disabled -1");
	CHECK_STR(tservice(&s, 3), "W32Time running demand 888");
	CHECK_STR(tproc(&s, 888), "-: W32Time");
	CHECK_INT(s.procs.n, 3);
	nm_snap_free(&s);
}

/* Select-Object right-aligns enums: "Running" reaches under "Status". */
TEST(pwsh_svc_get_service)
{
	struct nm_snapshot s;

	CHECK_INT(tparse(&s,
	    "Name            Status StartType\n"
	    "----            ------ ---------\n"
	    "W32Time        Running    Manual\n"
	    "RemoteRegistry Stopped  Disabled\n"
	    "\n"
	    "Status   Name               DisplayName\n"
	    "------   ----               -----------\n"
	    "Running  Schedule           Task Scheduler\n"
	    "Stopped  upnphost           UPnP Device Host\n",
	    NULL), 0);
	CHECK_INT(s.svcs.n, 4);
	CHECK_STR(tservice(&s, 0), "W32Time running demand -1");
	CHECK_STR(tservice(&s, 1), "RemoteRegistry stopped disabled -1");
	CHECK_STR(tservice(&s, 2), "Schedule running - -1");
	CHECK_STR(s.svcs.v[2].display, "Task Scheduler");
	CHECK_STR(tservice(&s, 3), "upnphost stopped - -1");
	nm_snap_free(&s);
}

TEST(pwsh_svc_list_csv_json)
{
	static const char *const json[] = {
		"[\n"
		"    { \"Name\":  \"Spooler\", \"Status\":  4, "
		"\"StartType\":  2 },\n"
		"    { \"Name\":  \"Fax\", \"Status\":  1, "
		"\"StartType\":  4 }\n"
		"]\n",
		"PS C:\\> Get-Service | Select-Object Name,Status,StartType | "
		"ConvertTo-Json -Compress\r\n"
		"[{\"Name\":\"Spooler\",\"Status\":4,\"StartType\":2},"
		"{\"Name\":\"Fax\",\"Status\":1,\"StartType\":4}]\r\n"
		"PS C:\\>\r\n",
	};
	struct nm_snapshot s;
	size_t i;

	CHECK_INT(tparse(&s,
	    "ExitCode  : 0\n"
	    "Name      : AeLookupSvc\n"
	    "ProcessId : 920\n"
	    "StartMode : Manual\n"
	    "State     : Running\n"
	    "Status    : OK\n",
	    NULL), 0);
	CHECK_STR(tservice(&s, 0), "AeLookupSvc running demand 920");
	nm_snap_free(&s);
	CHECK_INT(tparse(&s,
	    "\"Name\",\"DisplayName\",\"ProcessId\",\"StartMode\",\"State\",\"PathName\"\n"
	    "\"Dnscache\",\"DNS Client\",\"1176\",\"Auto\",\"Running\",\"C:\\Windows\\system32\\svchost.exe -k NetworkService\"\n"
	    "\"MSDTC\",\"Distributed Transaction Coordinator\",\"0\",\"Manual\",\"Stopped\",\"C:\\Windows\\System32\\msdtc.exe\"\n",
	    NULL), 0);
	CHECK_STR(tservice(&s, 0), "Dnscache running auto 1176");
	CHECK_STR(s.svcs.v[0].binary,
	    "C:\\Windows\\system32\\svchost.exe -k NetworkService");
	CHECK_STR(tservice(&s, 1), "MSDTC stopped demand -1");
	nm_snap_free(&s);
	/* ConvertTo-Json writes the enums as numbers; with -Compress the
	   document is one line, here with a prompt before and after it. */
	for (i = 0; i < NM_NELEM(json); i++) {
		CHECK_INT(tparse(&s, json[i], NULL), 0);
		CHECK_STR(tservice(&s, 0), "Spooler running auto -1");
		CHECK_STR(tservice(&s, 1), "Fax stopped disabled -1");
		nm_snap_free(&s);
	}
}

/* With netstat -ano: the services of a ProcessId name its endpoints. */
TEST(pwsh_svc_with_netstat)
{
	struct nm_snapshot s;
	const char *files[2] = {
	    "  TCP    0.0.0.0:135            0.0.0.0:0              LISTENING       700\n"
	    "  UDP    0.0.0.0:123            *:*                                    888\n",
	    "Name      ProcessId StartMode State\n"
	    "----      --------- --------- -----\n"
	    "RpcSs           700 Auto      Running\n"
	    "W32Time         888 Manual    Running\n" };

	CHECK_INT(tparse_files(&s, files, 2), 0);
	CHECK_STR(tsvc(&s, 0), "RpcSs");
	CHECK_STR(tsvc(&s, 1), "W32Time");
	CHECK_INT(s.warn.n, 0);
	nm_snap_free(&s);
}

/* Get-Process and endpoint tables are not service lists. */
TEST(pwsh_svc_not_fooled)
{
	struct nm_snapshot s;

	CHECK(tparse(&s,
	    "Handles  NPM(K)    PM(K)      WS(K)     CPU(s)     Id  SI ProcessName\n"
	    "-------  ------    -----      -----     ------     --  -- -----------\n"
	    "    214      14     2744      10284       0.05    948   0 svchost\n",
	    "pwsh-services") != 0);
	nm_snap_free(&s);
}
