/* test_kb.c - the knowledge-base format, OS ranges, lookups, overrides. */
#include "harness.h"
#include "kb.h"
#include "plan.h"

static int
parse(struct nm_kb *kb, const char *text, struct nm_error *err)
{
	return nm_kb_parse_text(kb, "t.kb", text, strlen(text), err);
}

TEST(kb_os_ranges)
{
	nm_osmask m;
	char e[160], d[96];

	CHECK(nm_os_parse("windows-2000..windows-2003", &m, e, sizeof(e)) ==
	    0);
	CHECK(m == NM_OSM_NT5);
	CHECK(nm_os_parse("..windows-2003", &m, e, sizeof(e)) == 0 &&
	    m == NM_OSM_NT5);
	/* A kernel range takes both editions. */
	CHECK(nm_os_parse("windows-vista..windows-7", &m, e, sizeof(e)) == 0);
	CHECK(m == (NM_OSM(NM_OS_WVISTA) | NM_OSM(NM_OS_W2008) |
	    NM_OSM(NM_OS_W7) | NM_OSM(NM_OS_W2008R2)));
	CHECK(nm_os_parse("windows-server-2008..:server", &m, e, sizeof(e)) ==
	    0);
	CHECK((m & NM_OSM(NM_OS_W7)) == 0 && (m & NM_OSM(NM_OS_W2025)) != 0);
	CHECK(nm_os_parse("windows-95", &m, e, sizeof(e)) != 0);
	CHECK(strstr(e, "windows-95") != NULL);
	CHECK(nm_os_parse("windows-10..windows-xp", &m, e, sizeof(e)) != 0);
	CHECK(nm_os_parse("linux..", &m, e, sizeof(e)) != 0);
	CHECK_STR(nm_os_describe(NM_OSM_NT5, d, sizeof(d)), "windows-nt5");
	CHECK(nm_os_single(nm_os_mask("windows-xp")) == NM_OS_WXP);
	CHECK(nm_os_single(nm_os_mask("windows-nt6")) < 0);
	CHECK(nm_os_dynamic_rpc(NM_OSM(NM_OS_WXP), 1029));
	CHECK(!nm_os_dynamic_rpc(NM_OSM(NM_OS_WXP), 49152));
	CHECK(nm_os_dynamic_rpc(NM_OSM(NM_OS_W10), 49664));
	CHECK(!nm_os_dynamic_rpc(NM_OSM(NM_OS_LINUX), 49664));
}

TEST(kb_parse_entry)
{
	static const char text[] =
	    "source X documented \"a doc\" https://example.org/x\n"
	    "entry windows/demo\n"
	    "title Demo \"service\" = x\n"
	    "os windows-xp..\n"
	    "src X\n"
	    "service Demo \"Demo Display\"\n"
	    "process demo.exe\n"
	    "port tcp 8080 note=\"a web port\"\n"
	    "port udp 1030 typical os=windows-xp\n"
	    "port tcp rpc unverified\n"
	    "rpc 12345678-1234-ABCD-EF00-0123456789AB 1.0 spoolss\n"
	    "policy keep why=\"it is needed\" os=windows-xp\n"
	    "action registry \"HKLM\\SOFTWARE\\A B\" \"V W\" REG_MULTI_SZ"
	    " a b reboot src=X\n"
	    "note Bind = \"0\" # not a comment in a note\n";
	struct nm_kb kb;
	struct nm_error err = { 0 };
	const struct nm_kb_entry *e;

	nm_kb_init(&kb);
	CHECK(parse(&kb, text, &err) == 0);
	CHECK(nm_kb_check(&kb, &err) == 0);
	e = nm_kb_find(&kb, "windows/demo");
	CHECK(e != NULL);
	if (e != NULL) {
		CHECK_STR(e->title, "Demo \"service\" = x");
		CHECK_STR(e->displays[0], "Demo Display");
		CHECK_INT(e->ports.n, 3);
		CHECK_INT(e->ports.v[1].kind, NM_KBP_TYPICAL);
		CHECK(e->ports.v[2].f.unverified);
		CHECK_STR(e->rpc.v[0].uuid,
		    "12345678-1234-abcd-ef00-0123456789ab");
		CHECK_STR(e->actions.v[0].a1, "HKLM\\SOFTWARE\\A B");
		CHECK_STR(e->actions.v[0].a2, "V W");
		CHECK_INT(e->actions.v[0].nargs, 2);
		CHECK(e->actions.v[0].reboot);
		CHECK_STR(e->notes.v[0].text,
		    "Bind = \"0\" # not a comment in a note");
		CHECK(nm_kb_policy_for(e, NM_OSM(NM_OS_WXP))->stance ==
		    NM_STANCE_KEEP);
		CHECK(nm_kb_policy_for(e, NM_OSM(NM_OS_W10)) == NULL);
		CHECK(nm_kb_find_name(&kb, "demo display", NM_OSM_ALL) == e);
		CHECK(nm_kb_find_name(&kb, "DEMO.EXE", NM_OSM_ALL) == e);
	}
	nm_kb_free(&kb);
}

TEST(kb_errors_name_file_and_line)
{
	static const struct {
		const char	*text;
		const char	*want;
	} bad[] = {
		{ "port tcp 1\n", "t.kb:1: 'port' outside an entry" },
		{ "entry windows/x\ntitle X\nos windows\nsrc S\nservice X\n"
		  "port tcp 0\n", "t.kb:6: bad port '0'" },
		{ "entry windows/x\ntitle X\nos windows-xp\nsrc S\n"
		  "service X\nport tcp 1 os=windows-10\n",
		  "t.kb:6: os=windows-10 reaches beyond" },
		{ "entry windows/x\ntitle X\nos windows\nsrc S\nservice X\n"
		  "port udp 5 typical\n", "t.kb:6: a typical port needs os=" },
		{ "entry windows/x\ntitle X\nos windows\nsrc S\nservice X\n"
		  "action registry HKLM\\A v REG_DWORD x\n",
		  "t.kb:6: REG_DWORD data must be" },
		{ "entry windows/x\ntitle X\nos windows\nsrc S\nservice X\n"
		  "rpc not-a-uuid 1.0 x\n", "t.kb:6: bad interface UUID" },
		{ "entry Windows/x\n", "t.kb:1: usage: entry" },
		{ "entry linux/x\ntitle X\nos windows\nsrc S\nprocess x\n",
		  "t.kb:1: entry linux/x: the os line must match" },
		{ "entry linux/x\ntitle X\nos linux\nsrc S\nprocess x\n"
		  "entry linux/x\ntitle X\nos linux\nsrc S\nprocess x\n",
		  "t.kb:6: entry linux/x is defined twice" },
		{ "entry linux/x\ntitle X\nos linux\nsrc S\nprocess x\n"
		  "action unit x.service bogus=1\n",
		  "t.kb:6: unknown attribute 'bogus='" },
		{ "entry linux/x\ntitle \"open\n", "t.kb:2: unterminated" },
	};
	size_t i;

	for (i = 0; i < NM_NELEM(bad); i++) {
		struct nm_kb kb;
		struct nm_error err = { 0 };

		nm_kb_init(&kb);
		if (parse(&kb, "source S observed \"s\"\n", &err) != 0)
			nm_test_fail(__FILE__, __LINE__, "source: %s", err.msg);
		if (parse(&kb, bad[i].text, &err) == 0 &&
		    nm_kb_check(&kb, &err) == 0)
			nm_test_fail(__FILE__, __LINE__, "case %zu parsed", i);
		else if (strstr(err.msg, bad[i].want) == NULL)
			nm_test_fail(__FILE__, __LINE__, "case %zu: \"%s\", "
			    "expected \"%s\"", i, err.msg, bad[i].want);
		nm_kb_free(&kb);
	}
}

TEST(kb_override_replaces_builtin_entry)
{
	static const char site[] =
	    "entry windows/schedule\ntitle Ours\nos windows\nsrc S1\n"
	    "service Schedule\npolicy keep why=\"we need it\"\n";
	struct nm_kb kb;
	struct nm_error err = { 0 };
	const struct nm_kb_entry *e;
	size_t n;

	nm_kb_init(&kb);
	CHECK(nm_kb_load_builtin(&kb, &err) == 0);
	n = kb.entries.n;
	CHECK(n >= 90);
	CHECK(parse(&kb, site, &err) == 0);
	CHECK(nm_kb_check(&kb, &err) == 0);
	CHECK_INT(kb.entries.n, n);
	CHECK_INT(kb.noverridden, 1);
	e = nm_kb_find_name(&kb, "Schedule", NM_OSM(NM_OS_WXP));
	CHECK(e != NULL && strcmp(e->title, "Ours") == 0);
	nm_kb_free(&kb);
}

TEST(kb_builtin_covers_the_method)
{
	static const char *const names[] = { "iisadmin", "w3svc", "smtpsvc",
	    "policyagent", "msdtc", "ssdpsrv", "w32time", "netbt", "lmhosts",
	    "lanmanserver", "messenger", "schedule", "rasman", "rpcss",
	    "dnscache", "ikeext", "termservice", "winrm", "spooler",
	    "avahi-daemon.socket", "cups", "rpcbind", "sshd",
	    "systemd-resolve", "master", "chronyd", "smbd", "nmbd" };
	struct nm_kb kb;
	struct nm_error err = { 0 };
	size_t i;

	nm_kb_init(&kb);
	CHECK(nm_kb_load_builtin(&kb, &err) == 0);
	for (i = 0; i < NM_NELEM(names); i++)
		if (nm_kb_find_name(&kb, names[i], NM_OSM_ALL) == NULL)
			nm_test_fail(__FILE__, __LINE__, "no entry for %s",
			    names[i]);
	nm_kb_free(&kb);
}
