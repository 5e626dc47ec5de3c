/* test_parse_tasklist.c - tasklist in its layouts and languages. */
#include "harness.h"
#include "kb.h"
#include "util_parse.h"

#define SEP3 "========================= ======== " \
	"============================================\r\n"
#define SEP5 "========================= ======== ================ " \
	"=========== ============\r\n"

static const char svc_en[] =
    "C:\\Windows\\system32>tasklist /svc\r\n"
    "\r\n"
    "Image Name                     PID Services\r\n"
    SEP3
    "System Idle Process              0 N/A\r\n"
    "System                           4 N/A\r\n"
    "svchost.exe                    700 RpcEptMapper, RpcSs\r\n"
    "svchost.exe                    920 AeLookupSvc, BITS, IKEEXT, iphlpsvc,\r\n"
    "                                   LanmanServer, ProfSvc, Schedule, SENS,\r\n"
    "                                   Themes, Winmgmt\r\n"
    "vmacthlp.exe                   656 VMware Physical Disk Helper Service\r\n"
    "spoolsv.exe                   1288 Spooler\r\n"
    "cmd.exe                       3508 N/A\r\n"
    "\r\n"
    "C:\\Windows\\system32>\r\n";

TEST(tasklist_svc_table)
{
	struct nm_snapshot s;

	CHECK_INT(tparse(&s, svc_en, NULL), 0);
	CHECK_INT(s.ep.n, 0);
	CHECK_INT(s.procs.n, 7);
	CHECK_STR(tproc(&s, 0), "System Idle Process: -");
	CHECK_STR(tproc(&s, 4), "System: -");
	CHECK_STR(tproc(&s, 700), "svchost.exe: RpcEptMapper RpcSs");
	CHECK_STR(tproc(&s, 920), "svchost.exe: AeLookupSvc BITS IKEEXT "
	    "iphlpsvc LanmanServer ProfSvc Schedule SENS Themes Winmgmt");
	CHECK_STR(tproc(&s, 656),
	    "vmacthlp.exe: VMware Physical Disk Helper Service");
	CHECK_STR(tproc(&s, 3508), "cmd.exe: -");
	CHECK_INT(s.procs.v[3].line, 8);
	CHECK_STR(s.host.os, "windows");
	/* Alone it lists nothing, and says what it is for. */
	CHECK_STR(twarn(&s), "0: a process list has no endpoints: it is "
	    "evidence about PIDs; add the same host's netstat -ano with "
	    "--from to see their processes and services\n");
	nm_snap_free(&s);
}

/* Translated header and "N/A"; the none-word is learnt from PID 0 and 4. */
TEST(tasklist_svc_translated)
{
	struct nm_snapshot s;

	CHECK_INT(tparse(&s,
	    "Abbildname                     PID Dienste\n"
	    SEP3
	    "System Idle Process              0 Nicht zutreffend\n"
	    "System                           4 Nicht zutreffend\n"
	    "svchost.exe                    884 DcomLaunch, RpcSs, TermService,\n"
	    "                                   Schedule\n"
	    "explorer.exe                  2040 Nicht zutreffend\n",
	    NULL), 0);
	CHECK_STR(tproc(&s, 884),
	    "svchost.exe: DcomLaunch RpcSs TermService Schedule");
	CHECK_STR(tproc(&s, 2040), "explorer.exe: -");
	nm_snap_free(&s);
	CHECK_INT(tparse(&s,
	    "Nome immagine                  PID Servizi\n"
	    SEP3
	    "System Idle Process              0 Non pertinente\n"
	    "System                           4 Non pertinente\n"
	    "lsass.exe                      612 SamSs\n"
	    "winlogon.exe                   540 Non pertinente\n",
	    NULL), 0);
	CHECK_STR(tproc(&s, 612), "lsass.exe: SamSs");
	CHECK_STR(tproc(&s, 540), "winlogon.exe: -");
	nm_snap_free(&s);
}

/* tasklist without /svc: PID -> image only; non-ASCII names keep columns. */
TEST(tasklist_plain_table)
{
	struct nm_snapshot s;

	CHECK_INT(tparse(&s,
	    "\n"
	    "Nom de l\xe2\x80\x99image                 PID Nom de la sessio Num\xc3\xa9ro de s Utilisation\n"
	    SEP5
	    "System Idle Process              0 Services                   0         8 Ko\n"
	    "\n"
	    "svchost.exe                    620 Services                   0    53 972 Ko\n"
	    "\xc3\x9c" "berwachung.exe               3120 Console                    1     12 004 Ko\n",
	    NULL), 0);
	CHECK_INT(s.procs.n, 3);
	CHECK_STR(tproc(&s, 620), "svchost.exe: -");
	CHECK_STR(tproc(&s, 3120), "\xc3\x9c" "berwachung.exe: -");
	CHECK_INT(s.warn.n, 1);		/* no endpoints */
	nm_snap_free(&s);
}

TEST(tasklist_verbose_user)
{
	struct nm_snapshot s;

	CHECK_INT(tparse(&s,
	    "Image Name                     PID Session Name        Session#    Mem Usage Status          User Name                                              CPU Time Window Title\n"
	    "========================= ======== ================ =========== ============ =============== ================================================== ============ ========================================================================\n"
	    "System Idle Process              0 Services                   0          8 K Unknown         NT AUTHORITY\\SYSTEM                                    12:01:33 N/A\n"
	    "svchost.exe                    620 Services                   0     10,284 K Unknown         NT AUTHORITY\\NETWORK SERVICE                            0:00:02 N/A\n"
	    "spoolsv.exe                   1288 Services                   0      6,104 K Unknown         N/A                                                     0:00:00 N/A\n",
	    NULL), 0);
	CHECK_STR(tproc(&s, 620),
	    "svchost.exe: - user=NT AUTHORITY\\NETWORK SERVICE");
	CHECK_STR(tproc(&s, 1288), "spoolsv.exe: -");
	nm_snap_free(&s);
}

TEST(tasklist_csv)
{
	struct nm_snapshot s;

	CHECK_INT(tparse(&s,
	    "\"Nom de l'image\",\"PID\",\"Services\"\r\n"
	    "\"System Idle Process\",\"0\",\"N/A\"\r\n"
	    "\"svchost.exe\",\"596\",\"DcomLaunch,PlugPlay,Power\"\r\n"
	    "\"svchost.exe\",\"700\",\"RpcEptMapper,RpcSs\"\r\n"
	    "\"lsass.exe\",\"460\",\"SamSs,VaultSvc\"\r\n",
	    NULL), 0);
	CHECK_INT(s.procs.n, 4);
	CHECK_STR(tproc(&s, 596), "svchost.exe: DcomLaunch PlugPlay Power");
	CHECK_STR(tproc(&s, 0), "System Idle Process: -");
	nm_snap_free(&s);
	/* /nh, no /svc: the memory column has a comma inside its quotes. */
	CHECK_INT(tparse(&s,
	    "\"System Idle Process\",\"0\",\"Services\",\"0\",\"8 K\"\n"
	    "\"svchost.exe\",\"620\",\"Services\",\"0\",\"1,836 K\"\n",
	    NULL), 0);
	CHECK_STR(tproc(&s, 620), "svchost.exe: -");
	nm_snap_free(&s);
}

TEST(tasklist_list)
{
	struct nm_snapshot s;

	CHECK_INT(tparse(&s,
	    "\n"
	    "Image Name:   System Idle Process\n"
	    "PID:          0\n"
	    "Services:     N/A\n"
	    "\n"
	    "Image Name:   svchost.exe\n"
	    "PID:          596\n"
	    "Services:     DcomLaunch\n"
	    "              PlugPlay\n"
	    "              Power\n"
	    "\n"
	    "Image Name:   lsass.exe\n"
	    "PID:          460\n"
	    "Services:     SamSs\n",
	    NULL), 0);
	CHECK_INT(s.procs.n, 3);
	CHECK_STR(tproc(&s, 596), "svchost.exe: DcomLaunch PlugPlay Power");
	CHECK_STR(tproc(&s, 460), "lsass.exe: SamSs");
	CHECK_INT(s.procs.v[1].line, 6);
	nm_snap_free(&s);
	/* Plain /fo list, German labels. */
	CHECK_INT(tparse(&s,
	    "Abbildname:      svchost.exe\n"
	    "PID:             620\n"
	    "Sitzungsname:    Services\n"
	    "Sitzungsnummer:  0\n"
	    "Speichernutzung: 1.836 K\n",
	    NULL), 0);
	CHECK_STR(tproc(&s, 620), "svchost.exe: -");
	nm_snap_free(&s);
}

TEST(tasklist_modules_refused)
{
	struct nm_snapshot s;

	CHECK(tparse(&s,
	    "Image Name                     PID Modules\n"
	    SEP3
	    "svchost.exe                    700 ntdll.dll, kernel32.dll,\n"
	    "                                   KERNELBASE.dll, rpcss.dll\n",
	    NULL) != 0);
	nm_snap_free(&s);
}

/* A row that cannot be read inside the table is a warning with its line. */
TEST(tasklist_bad_row)
{
	struct nm_snapshot s;

	CHECK_INT(tparse(&s,
	    "Image Name                     PID Services\n"
	    SEP3
	    "svchost.exe                    700 RpcSs\n"
	    "svchost.exe               99999999999 Dnscache,\n"
	    "                                   NlaSvc\n"
	    "lsass.exe                      460 SamSs\n",
	    NULL), 0);
	CHECK_INT(s.procs.n, 2);
	CHECK(strstr(twarn(&s), "4: cannot read this tasklist row") != NULL);
	/* The bad row's wrapped line is not another process's service. */
	CHECK_STR(tproc(&s, 700), "svchost.exe: RpcSs");
	CHECK_STR(tproc(&s, 460), "lsass.exe: SamSs");
	nm_snap_free(&s);
}

/* Tabs instead of spaces: the columns are gone, the words are not. */
TEST(tasklist_tabs)
{
	struct nm_snapshot s;

	CHECK_INT(tparse(&s,
	    "Image Name                     PID Services\n"
	    SEP3
	    "System Idle Process\t0\tN/A\n"
	    "svchost.exe\t700\tRpcEptMapper, RpcSs\n",
	    NULL), 0);
	CHECK_STR(tproc(&s, 0), "System Idle Process: -");
	CHECK_STR(tproc(&s, 700), "svchost.exe: RpcEptMapper RpcSs");
	nm_snap_free(&s);
}

static const char netstat_ano[] =
    "  Proto  Local Address          Foreign Address        State           PID\r\n"
    "  TCP    0.0.0.0:135            0.0.0.0:0              LISTENING       700\r\n"
    "  TCP    0.0.0.0:445            0.0.0.0:0              LISTENING       4\r\n"
    "  TCP    0.0.0.0:9255           0.0.0.0:0              LISTENING       2856\r\n"
    "  UDP    0.0.0.0:500            *:*                                    920\r\n"
    "  UDP    0.0.0.0:9256           *:*                                    2856\r\n";

/* netstat -ano + tasklist /svc, in either order: process and services. */
TEST(tasklist_with_netstat)
{
	struct nm_snapshot s;
	const char *files[2] = { netstat_ano, svc_en };

	CHECK_INT(tparse_files(&s, files, 2), 0);
	CHECK_INT(s.ep.n, 5);
	CHECK_STR(tep(&s, 0), "tcp 0.0.0.0:135 listen 700 svchost.exe");
	CHECK_STR(tsvc(&s, 0), "RpcEptMapper RpcSs");
	CHECK_STR(tep(&s, 1), "tcp 0.0.0.0:445 listen 4 System");
	CHECK_STR(tsvc(&s, 1), "-");
	CHECK_STR(tep(&s, 3), "udp 0.0.0.0:500 unconn 920 svchost.exe");
	CHECK_STR(tsvc(&s, 3), "AeLookupSvc BITS IKEEXT iphlpsvc LanmanServer "
	    "ProfSvc Schedule SENS Themes Winmgmt");
	CHECK_STR(tep(&s, 2), "tcp 0.0.0.0:9255 listen 2856 -");
	CHECK_STR(twarn(&s), "4: PID 2856 (tcp/9255, udp/9256) is not in the "
	    "process list b.txt: the captures were taken at different times, "
	    "so its process and services are unknown\n");
	nm_snap_free(&s);
	files[0] = svc_en;
	files[1] = netstat_ano;
	CHECK_INT(tparse_files(&s, files, 2), 0);
	CHECK_STR(tep(&s, 0), "tcp 0.0.0.0:135 listen 700 svchost.exe");
	CHECK_STR(tsvc(&s, 0), "RpcEptMapper RpcSs");
	nm_snap_free(&s);
}

/* Both tools pasted into one file: the table and the evidence are read. */
TEST(tasklist_and_netstat_one_file)
{
	struct nm_snapshot s;
	char both[sizeof(svc_en) + sizeof(netstat_ano)];

	snprintf(both, sizeof(both), "%s%s", svc_en, netstat_ano);
	CHECK_INT(tparse(&s, both, NULL), 0);
	CHECK_INT(s.ep.n, 5);
	CHECK_STR(tep(&s, 0), "tcp 0.0.0.0:135 listen 700 svchost.exe");
	CHECK_STR(tsvc(&s, 0), "RpcEptMapper RpcSs");
	/* One capture: the missing PID is not blamed on timing. */
	CHECK_INT(s.warn.n, 0);
	nm_snap_free(&s);
}

/* -b names the socket's service: the process's others are not added; a
 * name tasklist cut at 25 characters gives way to netstat's full one. */
TEST(tasklist_with_anob)
{
	struct nm_snapshot s;
	const char *files[2] = {
	    "  TCP    0.0.0.0:135            0.0.0.0:0              LISTENING       884\n"
	    "  RpcSs\n"
	    " [svchost.exe]\n"
	    "  TCP    0.0.0.0:7680           0.0.0.0:0              LISTENING       7000\n"
	    " [StartMenuExperienceHost.exe]\n",
	    "Image Name                     PID Services\n"
	    SEP3
	    "svchost.exe                    884 RpcEptMapper, RpcSs\n"
	    "StartMenuExperienceHost.e     7000 N/A\n" };

	CHECK_INT(tparse_files(&s, files, 2), 0);
	CHECK_STR(tsvc(&s, 0), "RpcSs");
	CHECK_STR(tep(&s, 1),
	    "tcp 0.0.0.0:7680 listen 7000 StartMenuExperienceHost.exe");
	CHECK_STR(tproc(&s, 7000), "StartMenuExperienceHost.exe: -");
	CHECK_INT(s.warn.n, 0);
	nm_snap_free(&s);
}

/* Two process lists that disagree about a PID say so. */
TEST(tasklist_conflict)
{
	struct nm_snapshot s;
	const char *files[2] = {
	    "Image Name                     PID Services\n" SEP3
	    "svchost.exe                    884 RpcSs\n",
	    "\"notepad.exe\",\"884\",\"N/A\"\n" };

	CHECK_INT(tparse_files(&s, files, 2), 0);
	CHECK_STR(tproc(&s, 884), "svchost.exe: RpcSs");
	CHECK(strstr(twarn(&s), "1: PID 884 is notepad.exe here but "
	    "svchost.exe in a.txt:3: the captures are from different times")
	    != NULL);
	nm_snap_free(&s);
}

/* Other tools' tables and lists are not process lists. */
TEST(tasklist_not_fooled)
{
	struct nm_snapshot s;

	CHECK(tparse(&s,
	    "LocalAddress   : 0.0.0.0\n"
	    "LocalPort      : 135\n"
	    "RemoteAddress  : 0.0.0.0\n"
	    "\n"
	    "SERVICE_NAME: Spooler\n"
	    "DISPLAY_NAME: Print Spooler\n"
	    "        TYPE               : 110  WIN32_OWN_PROCESS\n",
	    "tasklist") != 0);
	nm_snap_free(&s);
}

/* The service list of a big shared svchost (XP's netsvcs hosts 26) is
 * evidence in full: W32Time is the 23rd. */
TEST(tasklist_attr_big_svchost)
{
	struct nm_snapshot s;
	struct nm_kb kb;
	struct nm_error err = { 0 };
	const char *files[2] = {
	    "  UDP    0.0.0.0:123            *:*                                    976\n",
	    "Image Name:   svchost.exe\n"
	    "PID:          976\n"
	    "Services:     AudioSrv\n              Browser\n              CryptSvc\n"
	    "              Dhcp\n              dmserver\n              ERSvc\n"
	    "              EventSystem\n              FastUserSwitchingCompatibility\n"
	    "              helpsvc\n              lanmanserver\n"
	    "              lanmanworkstation\n              Messenger\n"
	    "              Netman\n              Nla\n              Schedule\n"
	    "              seclogon\n              SENS\n              SharedAccess\n"
	    "              ShellHWDetection\n              srservice\n"
	    "              Themes\n              TrkWks\n              W32Time\n"
	    "              winmgmt\n              wuauserv\n              WZCSVC\n" };

	nm_kb_init(&kb);
	CHECK_INT(nm_kb_load_builtin(&kb, &err), 0);
	CHECK_INT(tparse_files(&s, files, 2), 0);
	s.host.os = "windows-xp";
	nm_attribute(&s, &kb);
	CHECK_INT(s.ep.v[0].nservices, 26);
	CHECK_STR(s.ep.v[0].kb, "windows/w32time");
	CHECK_INT(s.ep.v[0].confidence, NM_CONF_HIGH);
	CHECK(strstr(s.ep.v[0].reason, "srservice and 6 more; of these only "
	    "W32Time opens udp/123") != NULL);
	nm_snap_free(&s);
	nm_kb_free(&kb);
}
