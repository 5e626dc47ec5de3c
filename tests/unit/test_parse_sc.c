/* test_parse_sc.c - sc queryex, sc query and sc qc records. */
#include "harness.h"
#include "util_parse.h"

static const char queryex[] =
    "C:\\>sc queryex type= service state= all\r\n"
    "\r\n"
    "SERVICE_NAME: RpcSs\r\n"
    "DISPLAY_NAME: Remote Procedure Call (RPC)\r\n"
    "        TYPE               : 20  WIN32_SHARE_PROCESS\r\n"
    "        STATE              : 4  RUNNING\r\n"
    "                                (NOT_STOPPABLE, NOT_PAUSABLE, IGNORES_SHUTDOWN)\r\n"
    "        WIN32_EXIT_CODE    : 0  (0x0)\r\n"
    "        SERVICE_EXIT_CODE  : 0  (0x0)\r\n"
    "        CHECKPOINT         : 0x0\r\n"
    "        WAIT_HINT          : 0x0\r\n"
    "        PID                : 700\r\n"
    "        FLAGS              :\r\n"
    "\r\n"
    "SERVICE_NAME: Spooler\r\n"
    "DISPLAY_NAME: Print Spooler\r\n"
    "        TYPE               : 110  WIN32_OWN_PROCESS  (interactive)\r\n"
    "        STATE              : 1  STOPPED\r\n"
    "        WIN32_EXIT_CODE    : 1077  (0x435)\r\n"
    "        SERVICE_EXIT_CODE  : 0  (0x0)\r\n"
    "        CHECKPOINT         : 0x0\r\n"
    "        WAIT_HINT          : 0x0\r\n"
    "        PID                : 0\r\n"
    "        FLAGS              :\r\n"
    "\r\n"
    "SERVICE_NAME: RpcEptMapper\r\n"
    "DISPLAY_NAME: RPC Endpoint Mapper\r\n"
    "        TYPE               : 20  WIN32_SHARE_PROCESS\r\n"
    "        STATE              : 4  RUNNING\r\n"
    "                                (NOT_STOPPABLE, NOT_PAUSABLE, IGNORES_SHUTDOWN)\r\n"
    "        WIN32_EXIT_CODE    : 0  (0x0)\r\n"
    "        SERVICE_EXIT_CODE  : 0  (0x0)\r\n"
    "        CHECKPOINT         : 0x0\r\n"
    "        WAIT_HINT          : 0x0\r\n"
    "        PID                : 700\r\n"
    "        FLAGS              :\r\n";

TEST(sc_queryex)
{
	struct nm_snapshot s;

	CHECK_INT(tparse(&s, queryex, NULL), 0);
	CHECK_INT(s.ep.n, 0);
	CHECK_INT(s.svcs.n, 3);
	CHECK_STR(s.svcs.v[0].name, "RpcSs");
	CHECK_STR(s.svcs.v[0].display, "Remote Procedure Call (RPC)");
	CHECK_STR(s.svcs.v[0].state, "running");
	CHECK_STR(s.svcs.v[0].type, "share-process");
	CHECK_INT(s.svcs.v[0].pid, 700);
	CHECK_STR(s.svcs.v[0].start, NULL);
	CHECK_STR(s.svcs.v[1].state, "stopped");
	CHECK_STR(s.svcs.v[1].type, "own-process");
	CHECK_INT(s.svcs.v[1].pid, -1);
	CHECK_STR(tproc(&s, 700), "-: RpcSs RpcEptMapper");
	CHECK(strstr(twarn(&s), "a service list has no endpoints") != NULL);
	nm_snap_free(&s);
}

/* With netstat -ano the running services name the PIDs' endpoints; a
 * PID no service runs in is no warning (sc lists services, not all
 * processes). */
TEST(sc_with_netstat)
{
	struct nm_snapshot s;
	const char *files[2] = {
	    "  TCP    0.0.0.0:135            0.0.0.0:0              LISTENING       700\n"
	    "  TCP    0.0.0.0:9255           0.0.0.0:0              LISTENING       2856\n",
	    queryex };

	CHECK_INT(tparse_files(&s, files, 2), 0);
	CHECK_STR(tsvc(&s, 0), "RpcSs RpcEptMapper");
	CHECK_STR(tsvc(&s, 1), "-");
	CHECK_INT(s.warn.n, 0);
	nm_snap_free(&s);
}

TEST(sc_qc)
{
	struct nm_snapshot s;

	CHECK_INT(tparse(&s,
	    "C:\\>sc qc Dnscache\n"
	    "[SC] QueryServiceConfig SUCCESS\n"
	    "\n"
	    "SERVICE_NAME: Dnscache\n"
	    "        TYPE               : 20  WIN32_SHARE_PROCESS\n"
	    "        START_TYPE         : 2   AUTO_START\n"
	    "        ERROR_CONTROL      : 1   NORMAL\n"
	    "        BINARY_PATH_NAME   : C:\\Windows\\system32\\svchost.exe -k NetworkService -p\n"
	    "        LOAD_ORDER_GROUP   : TDI\n"
	    "        TAG                : 0\n"
	    "        DISPLAY_NAME       : DNS Client\n"
	    "        DEPENDENCIES       : Tdx\n"
	    "                           : nsi\n"
	    "        SERVICE_START_NAME : NT AUTHORITY\\NetworkService\n"
	    "\n"
	    "C:\\>sc qc BITS\n"
	    "[SC] QueryServiceConfig SUCCESS\n"
	    "\n"
	    "SERVICE_NAME: BITS\n"
	    "        TYPE               : 20  WIN32_SHARE_PROCESS\n"
	    "        START_TYPE         : 2   AUTO_START  (DELAYED)\n"
	    "        ERROR_CONTROL      : 1   NORMAL\n"
	    "        BINARY_PATH_NAME   : C:\\Windows\\System32\\svchost.exe -k netsvcs -p\n"
	    "        DISPLAY_NAME       : Background Intelligent Transfer Service\n"
	    "        SERVICE_START_NAME : LocalSystem\n",
	    NULL), 0);
	CHECK_INT(s.svcs.n, 2);
	CHECK_STR(s.svcs.v[0].start, "auto");
	CHECK(!s.svcs.v[0].delayed);
	CHECK_STR(s.svcs.v[0].display, "DNS Client");
	CHECK_STR(s.svcs.v[0].binary,
	    "C:\\Windows\\system32\\svchost.exe -k NetworkService -p");
	CHECK_STR(s.svcs.v[0].state, NULL);
	CHECK_INT(s.svcs.v[0].pid, -1);
	CHECK_STR(s.svcs.v[1].start, "auto");
	CHECK(s.svcs.v[1].delayed);
	CHECK_INT(s.procs.n, 0);
	nm_snap_free(&s);
}

/* Translated keys: the values say what they are; PID is the last plain
 * number of a queryex record. */
TEST(sc_translated_keys)
{
	struct nm_snapshot s;

	CHECK_INT(tparse(&s,
	    "DIENSTNAME: W32Time\n"
	    "ANZEIGENAME: Windows-Zeitgeber\n"
	    "        TYP                : 20  WIN32_SHARE_PROCESS\n"
	    "        STATUS             : 4  RUNNING\n"
	    "                                (STOPPABLE, NOT_PAUSABLE, ACCEPTS_SHUTDOWN)\n"
	    "        WIN32_BEENDIGUNGSCODE : 0  (0x0)\n"
	    "        DIENST_BEENDIGUNGSCODE : 0  (0x0)\n"
	    "        PRUEFPUNKT         : 0x0\n"
	    "        WARTEHINWEIS       : 0x0\n"
	    "        PROZESS-ID         : 1284\n"
	    "        FLAGS              :\n",
	    NULL), 0);
	CHECK_INT(s.svcs.n, 1);
	CHECK_STR(s.svcs.v[0].name, "W32Time");
	CHECK_STR(s.svcs.v[0].display, "Windows-Zeitgeber");
	CHECK_STR(s.svcs.v[0].state, "running");
	CHECK_INT(s.svcs.v[0].pid, 1284);
	nm_snap_free(&s);
}

/* sc query (no ex) has no PID: state only. */
TEST(sc_query_no_pid)
{
	struct nm_snapshot s;

	CHECK_INT(tparse(&s,
	    "SERVICE_NAME: Schedule\n"
	    "DISPLAY_NAME: Task Scheduler\n"
	    "        TYPE               : 20  WIN32_SHARE_PROCESS\n"
	    "        STATE              : 4  RUNNING\n"
	    "                                (STOPPABLE, NOT_PAUSABLE, ACCEPTS_SHUTDOWN)\n"
	    "        WIN32_EXIT_CODE    : 0  (0x0)\n"
	    "        SERVICE_EXIT_CODE  : 0  (0x0)\n"
	    "        CHECKPOINT         : 0x0\n"
	    "        WAIT_HINT          : 0x0\n",
	    NULL), 0);
	CHECK_INT(s.svcs.n, 1);
	CHECK_STR(s.svcs.v[0].state, "running");
	CHECK_INT(s.svcs.v[0].pid, -1);
	CHECK_INT(s.procs.n, 0);
	nm_snap_free(&s);
}

/* Lists of other tools are not service records. */
TEST(sc_not_fooled)
{
	struct nm_snapshot s;

	CHECK(tparse(&s,
	    "Image Name:   svchost.exe\n"
	    "PID:          596\n"
	    "Services:     DcomLaunch\n"
	    "\n"
	    "Host Name:                 WIN7\n"
	    "OS Name:                   Microsoft Windows 7 Professional\n",
	    "sc") != 0);
	nm_snap_free(&s);
}
