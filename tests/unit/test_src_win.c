/*
 * test_src_win.c - the decisions of the live Windows source, fed recorded
 * data.  They run natively (ASan) and as unit-tests.exe under wine.
 *
 * Recorded data, not live: wine 8 gives owner PID 0 for every socket and
 * no service tags, so PID -> process -> service attribution cannot be
 * seen end to end under wine.  The rows below are the MIB form of a real
 * Windows 7 SP1 host's `netstat -ano` and `tasklist /svc`
 * (tests/data/corpus/01a, 01b: same host, same PIDs).  The service tag
 * values are made up (netstat does not print tags); tags are small
 * per-process numbers, as here.
 */
#include <stdlib.h>
#include <uchar.h>

#include "harness.h"
#include "src_win.h"

/* A port as dwLocalPort holds it: network order in the low 16 bits. */
#define RAWPORT(p) ((uint32_t)((((p) & 0xff) << 8) | (((p) >> 8) & 0xff)))
/* An IPv4 address as dwLocalAddr holds it on little-endian Windows. */
#define RAWADDR(a, b, c, d) ((uint32_t)(a) | (uint32_t)(b) << 8 | \
	(uint32_t)(c) << 16 | (uint32_t)(d) << 24)

TEST(win_port_from_mib)
{
	CHECK_INT(nm_win_port(0x8700), 135);
	CHECK_INT(nm_win_port(0xbd01), 445);
	CHECK_INT(nm_win_port(0x00c0), 49152);
	/* The upper 16 bits are undefined; they must not leak in. */
	CHECK_INT(nm_win_port(0xdead8700), 135);
	CHECK_INT(nm_win_port(0), 0);
	CHECK_INT(nm_win_port(0xffff), 65535);
	CHECK_INT(nm_win_port(RAWPORT(5355)), 5355);
}

TEST(win_addr4_from_mib)
{
	char b[NM_ADDRLEN];

	nm_win_addr4(0x0100007f, b, sizeof(b));
	CHECK_STR(b, "127.0.0.1");
	nm_win_addr4(0xe3fe810a, b, sizeof(b));
	CHECK_STR(b, "10.129.254.227");
	nm_win_addr4(0, b, sizeof(b));
	CHECK_STR(b, "0.0.0.0");
	nm_win_addr4(RAWADDR(198, 18, 6, 2), b, sizeof(b));
	CHECK_STR(b, "198.18.6.2");
}

TEST(win_tcp_states)
{
	static const int want[] = { NM_ST_UNKNOWN, NM_ST_CLOSE, NM_ST_LISTEN,
	    NM_ST_SYN_SENT, NM_ST_SYN_RECV, NM_ST_ESTABLISHED,
	    NM_ST_FIN_WAIT1, NM_ST_FIN_WAIT2, NM_ST_CLOSE_WAIT,
	    NM_ST_CLOSING, NM_ST_LAST_ACK, NM_ST_TIME_WAIT,
	    NM_ST_DELETE_TCB, NM_ST_UNKNOWN };
	uint32_t i;

	for (i = 0; i < NM_NELEM(want); i++)
		CHECK_INT(nm_win_state(i), want[i]);
	CHECK_INT(nm_win_state(0xffffffff), NM_ST_UNKNOWN);
}

TEST(win_generation_ids)
{
	static const struct {
		uint32_t maj, min, build, pt;
		const char *want;
	} t[] = {
		{ 5, 0, 2195, 1, "windows-2000" },
		{ 5, 0, 2195, 3, "windows-2000" },
		{ 5, 1, 2600, 1, "windows-xp" },
		{ 5, 2, 3790, 1, "windows-xp" },	/* XP x64 */
		{ 5, 2, 3790, 3, "windows-2003" },
		{ 6, 0, 6002, 1, "windows-vista" },
		{ 6, 0, 6003, 3, "windows-server-2008" },
		{ 6, 1, 7601, 1, "windows-7" },
		{ 6, 1, 7601, 3, "windows-server-2008-r2" },
		{ 6, 1, 7601, 2, "windows-server-2008-r2" },
		{ 6, 2, 9200, 1, "windows-8" },
		{ 6, 2, 9200, 3, "windows-server-2012" },
		{ 6, 3, 9600, 1, "windows-8.1" },
		{ 6, 3, 9600, 2, "windows-server-2012-r2" },
		{ 10, 0, 10240, 1, "windows-10" },
		{ 10, 0, 19045, 1, "windows-10" },
		{ 10, 0, 22000, 1, "windows-11" },
		{ 10, 0, 26100, 1, "windows-11" },
		{ 10, 0, 14393, 3, "windows-server-2016" },
		{ 10, 0, 16299, 3, "windows-server-2016" },	/* SAC 1709 */
		{ 10, 0, 17763, 2, "windows-server-2019" },
		{ 10, 0, 19042, 3, "windows-server-2019" },	/* SAC 20H2 */
		{ 10, 0, 20348, 3, "windows-server-2022" },
		{ 10, 0, 25398, 3, "windows-server-2022" },	/* 23H2 */
		{ 10, 0, 26100, 3, "windows-server-2025" },
		{ 6, 4, 9841, 1, "windows-10" },	/* technical preview */
		{ 4, 0, 1381, 1, NULL },
		{ 6, 5, 0, 1, NULL },
		{ 11, 0, 30000, 1, NULL },
		{ 10, 1, 0, 1, NULL },
	};
	size_t i;

	for (i = 0; i < NM_NELEM(t); i++) {
		const char *got = nm_win_generation(t[i].maj, t[i].min,
		    t[i].build, t[i].pt);

		if ((got == NULL) != (t[i].want == NULL) || (got != NULL &&
		    strcmp(got, t[i].want) != 0))
			nm_test_fail(__FILE__, __LINE__, "%u.%u.%u type %u: "
			    "%s, expected %s", (unsigned)t[i].maj,
			    (unsigned)t[i].min, (unsigned)t[i].build,
			    (unsigned)t[i].pt, got ? got : "(null)",
			    t[i].want ? t[i].want : "(null)");
	}
}

TEST(win_service_names)
{
	CHECK_STR(nm_win_start_name(0), "boot");
	CHECK_STR(nm_win_start_name(2), "auto");
	CHECK_STR(nm_win_start_name(3), "demand");
	CHECK_STR(nm_win_start_name(4), "disabled");
	CHECK_STR(nm_win_start_name(5), "unknown");
	CHECK_STR(nm_win_svc_state_name(1), "stopped");
	CHECK_STR(nm_win_svc_state_name(4), "running");
	CHECK_STR(nm_win_svc_state_name(7), "paused");
	CHECK_STR(nm_win_svc_state_name(8), "unknown");
	CHECK_STR(nm_win_svc_type_name(0x10), "own-process");
	CHECK_STR(nm_win_svc_type_name(0x20), "share-process");
	CHECK_STR(nm_win_svc_type_name(0x110), "own-process");
	CHECK_STR(nm_win_svc_type_name(0x60), "user-service");
	CHECK_STR(nm_win_svc_type_name(0xe0), "user-service-instance");
	CHECK_STR(nm_win_svc_type_name(0x1), "kernel-driver");
	CHECK_STR(nm_win_svc_type_name(0x2), "file-system-driver");
}

/* UTF-16LE bytes of n code units, as the registry stores them. */
static uint8_t *
le16(const char16_t *s, size_t n, size_t *len)
{
	uint8_t *b = malloc(n * 2 + 1);
	size_t i;

	for (i = 0; i < n; i++) {
		b[2 * i] = (uint8_t)(s[i] & 0xff);
		b[2 * i + 1] = (uint8_t)(s[i] >> 8);
	}
	*len = n * 2;
	return b;
}

/* Registry text of a string literal, embedded NULs and final NUL kept. */
#define REGTEXT(type, lit, out) reg_text(type, lit, \
	sizeof(lit) / sizeof(char16_t), out)

static int
reg_text(uint32_t type, const char16_t *s, size_t n, struct nm_buf *out)
{
	size_t len;
	uint8_t *d = le16(s, n, &len);
	int rc;

	nm_buf_reset(out);
	rc = nm_win_reg_text(type, d, len, out);
	free(d);
	return rc;
}

TEST(win_registry_text)
{
	static const uint8_t zero[] = { 0, 0, 0, 0 }, two[] = { 2, 0, 0, 0 },
	    big[] = { 0x12, 0x34, 0x56, 0x78 }, three[] = { 1, 2, 3 },
	    q[] = { 1, 0, 0, 0, 1, 0, 0, 0 }, bin[] = { 0xde, 0xad, 0x0f };
	struct nm_buf b = { 0 };
	size_t len;
	uint8_t *d;

	CHECK_INT(nm_win_reg_text(NM_REG_DWORD, zero, 4, &b), 0);
	CHECK_STR(b.s, "0");
	nm_buf_reset(&b);
	nm_win_reg_text(NM_REG_DWORD, two, 4, &b);
	CHECK_STR(b.s, "2");
	nm_buf_reset(&b);
	nm_win_reg_text(NM_REG_DWORD, big, 4, &b);
	CHECK_STR(b.s, "2018915346");
	nm_buf_reset(&b);
	nm_win_reg_text(NM_REG_DWORD_BIG_ENDIAN, big, 4, &b);
	CHECK_STR(b.s, "305419896");
	nm_buf_reset(&b);
	nm_win_reg_text(NM_REG_QWORD, q, 8, &b);
	CHECK_STR(b.s, "4294967297");
	nm_buf_reset(&b);
	/* A number of the wrong size is shown as bytes, and said so. */
	CHECK_INT(nm_win_reg_text(NM_REG_DWORD, three, 3, &b), 1);
	CHECK_STR(b.s, "010203");
	nm_buf_reset(&b);
	CHECK_INT(nm_win_reg_text(NM_REG_BINARY, bin, 3, &b), 0);
	CHECK_STR(b.s, "dead0f");
	nm_buf_reset(&b);
	CHECK_INT(nm_win_reg_text(NM_REG_BINARY, bin, 0, &b), 0);
	CHECK_STR(b.s, "");

	/* The method's Rpc\Linkage\Bind = "0", and DCOM Protocols. */
	REGTEXT(NM_REG_MULTI_SZ, u"0\0", &b);
	CHECK_STR(b.s, "0");
	REGTEXT(NM_REG_MULTI_SZ, u"ncacn_ip_tcp\0ncacn_spx\0", &b);
	CHECK_STR(b.s, "ncacn_ip_tcp\nncacn_spx");
	/* Missing terminators and an empty list. */
	d = le16(u"a\0b", 3, &len);
	nm_buf_reset(&b);
	nm_win_reg_text(NM_REG_MULTI_SZ, d, len, &b);
	CHECK_STR(b.s, "a\nb");
	free(d);
	REGTEXT(NM_REG_MULTI_SZ, u"", &b);
	CHECK_STR(b.s, "");
	/* Items after an empty string are not part of the list. */
	REGTEXT(NM_REG_MULTI_SZ, u"x\0\0y\0", &b);
	CHECK_STR(b.s, "x");

	REGTEXT(NM_REG_SZ, u"Y", &b);
	CHECK_STR(b.s, "Y");
	REGTEXT(NM_REG_SZ, u"Y\0junk", &b);
	CHECK_STR(b.s, "Y");
	REGTEXT(NM_REG_EXPAND_SZ, u"%SystemRoot%\\system32", &b);
	CHECK_STR(b.s, "%SystemRoot%\\system32");
	/* Non-ASCII names: accents, CJK, a surrogate pair, a lone one. */
	REGTEXT(NM_REG_SZ, u"R\u00e9seau \u7f51\u7edc", &b);
	CHECK_STR(b.s, "R\xc3\xa9seau \xe7\xbd\x91\xe7\xbb\x9c");
	REGTEXT(NM_REG_SZ, u"\U0001F600", &b);
	CHECK_STR(b.s, "\xf0\x9f\x98\x80");
	{
		static const char16_t lone[] = { 0xd800, 'a', 0xdc00, 0 };

		reg_text(NM_REG_SZ, lone, 4, &b);
		CHECK_STR(b.s, "\xef\xbf\xbd" "a" "\xef\xbf\xbd");
	}
	/* An odd byte count drops the half unit. */
	d = le16(u"ok", 2, &len);
	nm_buf_reset(&b);
	nm_win_reg_text(NM_REG_SZ, d, 3, &b);
	CHECK_STR(b.s, "o");
	free(d);
	CHECK_STR(nm_win_reg_type_name(NM_REG_MULTI_SZ), "REG_MULTI_SZ");
	CHECK_STR(nm_win_reg_type_name(99), "REG_UNKNOWN");
	nm_buf_free(&b);
}

/* ---- a recorded host -------------------------------------------------- */

static void
svc(struct nm_win_live *L, const char *name, uint32_t pid, uint32_t start)
{
	struct nm_win_svc *w = NM_VEC_PUSH(&L->svcs);

	w->name = name;
	w->display = name;
	w->type = 0x20;
	w->state = pid ? 4 : 1;
	w->start = start;
	w->config = true;
	w->pid = pid;
	w->binary = "C:\\Windows\\system32\\svchost.exe -k netsvcs";
}

static void
proc(struct nm_win_live *L, uint32_t pid, const char *image)
{
	struct nm_win_proc *p = NM_VEC_PUSH(&L->procs);

	p->pid = pid;
	p->ppid = 416;
	p->image = image;
	if (pid != 0 && pid != 4)
		p->path = "C:\\Windows\\System32\\svchost.exe";
}

static struct nm_win_row *
row(struct nm_win_live *L, int proto, uint32_t state, uint32_t laddr,
    int lport, uint32_t raddr, int rport, uint32_t pid, uint32_t tag)
{
	struct nm_win_row *r = NM_VEC_PUSH(&L->rows);

	r->proto = (uint8_t)proto;
	r->family = NM_INET;
	r->state = state;
	r->laddr4 = laddr;
	r->lport = RAWPORT(lport) | 0xabcd0000u;	/* junk high bits */
	r->raddr4 = raddr;
	r->rport = RAWPORT(rport);
	r->pid = pid;
	/* The rest of the module info is not ours to read. */
	r->module0 = (uint64_t)0x5a5a5a5a << 32 | tag;
	return r;
}

static void
tag(struct nm_win_live *L, uint32_t pid, uint32_t t, const char *service,
    const char *module)
{
	struct nm_win_tag *g = NM_VEC_PUSH(&L->tags);

	g->pid = pid;
	g->tag = t;
	g->service = service;
	g->module = module;
}

static void
chatterbox(struct nm_win_live *L)
{
	uint32_t me = RAWADDR(10, 129, 254, 227), lo = RAWADDR(127, 0, 0, 1);
	struct nm_win_row *r;
	static const uint8_t any6[16] = { 0 };

	memset(L, 0, sizeof(*L));
	L->ver.major = 6;
	L->ver.minor = 1;
	L->ver.build = 7601;
	L->ver.product_type = NM_VER_NT_WORKSTATION;
	L->ver.sp_major = 1;
	L->ver.csd = "Service Pack 1";
	L->ver.product_name = "Windows 7 Professional";
	L->ver.edition = "Professional";
	L->hostname = "CHATTERBOX";
	proc(L, 0, "[System Process]");
	proc(L, 4, "System");
	proc(L, 700, "svchost.exe");
	proc(L, 920, "svchost.exe");
	proc(L, 1176, "svchost.exe");
	proc(L, 3652, "svchost.exe");
	proc(L, 2856, "AChat.exe");
	svc(L, "RpcEptMapper", 700, 2);
	svc(L, "RpcSs", 700, 2);
	svc(L, "IKEEXT", 920, 3);
	svc(L, "LanmanServer", 920, 2);
	svc(L, "Schedule", 920, 2);
	svc(L, "CryptSvc", 1176, 2);
	svc(L, "Dnscache", 1176, 2);
	svc(L, "LanmanWorkstation", 1176, 2);
	svc(L, "NlaSvc", 1176, 2);
	svc(L, "SSDPSRV", 3652, 3);
	svc(L, "Spooler", 0, 4);
	/* Out of order on purpose: the source sorts. */
	row(L, NM_UDP, 0, 0, 5355, 0, 0, 1176, 0x12);
	row(L, NM_UDP, 0, 0, 56106, 0, 0, 1176, 0);
	row(L, NM_TCP, NM_MIB_TCP_LISTEN, 0, 135, 0, 0, 700, 0);
	row(L, NM_TCP, NM_MIB_TCP_LISTEN, 0, 445, 0, 0, 4, 0);
	row(L, NM_TCP, NM_MIB_TCP_LISTEN, me, 139, 0, 0, 4, 0);
	row(L, NM_TCP, NM_MIB_TCP_ESTAB, me, 49157, RAWADDR(10, 10, 14, 139),
	    443, 2856, 0);
	row(L, NM_TCP, NM_MIB_TCP_TIME_WAIT, me, 49158,
	    RAWADDR(10, 10, 14, 139), 80, 0, 0);
	row(L, NM_UDP, 0, 0, 500, 0, 0, 920, 0x7);
	row(L, NM_UDP, 0, lo, 1900, 0, 0, 3652, 0x1);
	row(L, NM_UDP, 0, me, 137, 0, 0, 4, 0);
	r = row(L, NM_TCP, NM_MIB_TCP_LISTEN, 0, 135, 0, 0, 700, 0);
	r->family = NM_INET6;
	memcpy(r->laddr6, any6, 16);
	/* Link-local UDP 1900 on interface 11, as netstat shows %11. */
	r = row(L, NM_UDP, 0, 0, 1900, 0, 0, 3652, 0x1);
	r->family = NM_INET6;
	r->laddr6[0] = 0xfe;
	r->laddr6[1] = 0x80;
	r->laddr6[15] = 0x01;
	r->lscope = 11;
	/* I_QueryTagInformation answered Dnscache and SSDPSRV; for IKEEXT
	 * only GetOwnerModuleFromUdpEntry did. */
	tag(L, 1176, 0x12, "Dnscache", NULL);
	tag(L, 3652, 0x1, "SSDPSRV", NULL);
	tag(L, 920, 0x7, NULL, "IKEEXT");
}

static const char *
svcs_text(const struct nm_endpoint *e)
{
	static char buf[256];
	size_t i, n = 0;

	buf[0] = '\0';
	for (i = 0; i < e->nservices; i++)
		n += (size_t)snprintf(buf + n, sizeof(buf) - n, "%s%s",
		    i ? " " : "", e->services[i]);
	return buf;
}

TEST(win_tag_resolution)
{
	struct nm_win_live L;

	chatterbox(&L);
	CHECK_STR(nm_win_tag_service(&L, 1176, 0x12), "Dnscache");
	CHECK_STR(nm_win_tag_service(&L, 920, 0x7), "IKEEXT");
	/* Unknown pair, no tag, no pid. */
	CHECK_STR(nm_win_tag_service(&L, 1176, 0x13), NULL);
	CHECK_STR(nm_win_tag_service(&L, 1176, 0), NULL);
	CHECK_STR(nm_win_tag_service(&L, 0, 0x12), NULL);
	/* The module name counts only for a service of that very process:
	 * an image name, or a service that runs elsewhere, does not. */
	tag(&L, 920, 0x8, NULL, "svchost.exe");
	tag(&L, 920, 0x9, NULL, "Dnscache");
	tag(&L, 920, 0xa, NULL, "schedule");	/* case differs */
	tag(&L, 920, 0xb, "", NULL);
	CHECK_STR(nm_win_tag_service(&L, 920, 0x8), NULL);
	CHECK_STR(nm_win_tag_service(&L, 920, 0x9), NULL);
	CHECK_STR(nm_win_tag_service(&L, 920, 0xa), "Schedule");
	CHECK_STR(nm_win_tag_service(&L, 920, 0xb), NULL);
	nm_win_live_free(&L);
}

TEST(win_fill_endpoints)
{
	struct nm_win_live L;
	struct nm_snapshot s;
	const struct nm_endpoint *e;

	chatterbox(&L);
	nm_snap_init(&s);
	nm_win_fill(&s, &L);
	nm_snap_finish(&s);
	CHECK_INT(s.ep.n, 12);
	if (s.ep.n != 12)
		goto out;
	/* TCP before UDP, IPv4 before IPv6, then address and port. */
	e = &s.ep.v[0];
	CHECK_STR(e->laddr, "0.0.0.0");
	CHECK_INT(e->lport, 135);
	CHECK_INT(e->state, NM_ST_LISTEN);
	CHECK_STR(e->raddr, "");
	CHECK_INT(e->rport, -1);
	CHECK_INT(nm_ep_pid(e), 700);
	CHECK_STR(nm_ep_process(e), "svchost.exe");
	CHECK_STR(e->exe, "C:\\Windows\\System32\\svchost.exe");
	/* No tag: every service of the process is evidence. */
	CHECK_STR(svcs_text(e), "RpcEptMapper RpcSs");
	CHECK(!e->services_exact);
	CHECK_STR(e->source, "live");
	CHECK_INT(e->line, 0);
	CHECK_INT(e->exposure, NM_EXP_ALL);

	e = &s.ep.v[1];
	CHECK_INT(e->lport, 445);
	CHECK_INT(nm_ep_pid(e), 4);
	CHECK_STR(nm_ep_process(e), "System");
	CHECK_STR(svcs_text(e), "");
	CHECK(e->exe == NULL);

	e = &s.ep.v[2];
	CHECK_STR(e->laddr, "10.129.254.227");
	CHECK_INT(e->lport, 139);
	CHECK_INT(e->exposure, NM_EXP_ADDRESS);
	e = &s.ep.v[3];
	CHECK_INT(e->lport, 49157);
	CHECK_INT(e->state, NM_ST_ESTABLISHED);
	CHECK_STR(e->raddr, "10.10.14.139");
	CHECK_INT(e->rport, 443);
	CHECK_STR(nm_ep_process(e), "AChat.exe");
	/* TIME_WAIT has PID 0: no owner, not "System Idle Process". */
	e = &s.ep.v[4];
	CHECK_INT(e->state, NM_ST_TIME_WAIT);
	CHECK_INT(e->nowners, 0);
	CHECK_INT(nm_ep_pid(e), -1);

	e = &s.ep.v[5];
	CHECK_INT(e->family, NM_INET6);
	CHECK_STR(e->laddr, "::");
	CHECK_INT(e->lport, 135);

	e = &s.ep.v[6];
	CHECK_INT(e->proto, NM_UDP);
	CHECK_INT(e->state, NM_ST_UNCONN);
	CHECK_INT(e->lport, 500);
	CHECK_STR(svcs_text(e), "IKEEXT");	/* owner-module fallback */
	CHECK(e->services_exact);
	e = &s.ep.v[7];
	CHECK_INT(e->lport, 5355);
	/* The tag names one service of the shared svchost 1176. */
	CHECK_STR(svcs_text(e), "Dnscache");
	CHECK(e->services_exact);
	e = &s.ep.v[8];
	CHECK_INT(e->lport, 56106);
	CHECK_STR(svcs_text(e),
	    "CryptSvc Dnscache LanmanWorkstation NlaSvc");
	e = &s.ep.v[9];
	CHECK_STR(e->laddr, "10.129.254.227");
	CHECK_INT(e->lport, 137);
	e = &s.ep.v[10];
	CHECK_STR(e->laddr, "127.0.0.1");
	CHECK_INT(e->lport, 1900);
	CHECK_STR(svcs_text(e), "SSDPSRV");
	CHECK_INT(e->exposure, NM_EXP_LOOPBACK);
	e = &s.ep.v[11];
	CHECK_STR(e->laddr, "fe80::1");
	CHECK_STR(e->lzone, "11");
	CHECK_INT(e->family, NM_INET6);
	/* One TIME_WAIT row without owner is normal: no warning. */
	CHECK_INT(s.warn.n, 0);
out:
	nm_snap_free(&s);
	nm_win_live_free(&L);
}

static const char *
fact(const struct nm_snapshot *s, const char *key, const char **type)
{
	size_t i;

	for (i = 0; i < s->facts.n; i++)
		if (strcmp(s->facts.v[i].key, key) == 0) {
			if (type != NULL)
				*type = s->facts.v[i].type;
			return s->facts.v[i].value;
		}
	return NULL;
}

TEST(win_fill_host)
{
	static const uint8_t zero[] = { 0, 0, 0, 0 };
	struct nm_win_live L;
	struct nm_snapshot s;
	struct nm_win_regval *v;
	const struct nm_proc *p;
	const char *type = NULL;
	size_t len;
	uint8_t *bind;

	chatterbox(&L);
	v = NM_VEC_PUSH(&L.regs);
	v->key = "HKLM\\SYSTEM\\CurrentControlSet\\Services\\NetBT\\Parameters";
	v->name = "SMBDeviceEnabled";
	v->type = NM_REG_DWORD;
	v->data = zero;
	v->len = 4;
	bind = le16(u"0\0", 3, &len);
	v = NM_VEC_PUSH(&L.regs);
	v->key = "HKLM\\SYSTEM\\CurrentControlSet\\Services\\Rpc\\Linkage";
	v->name = "Bind";
	v->type = NM_REG_MULTI_SZ;
	v->data = bind;
	v->len = len;
	v = NM_VEC_PUSH(&L.regs);
	v->key = "HKLM\\SOFTWARE\\Microsoft\\Rpc";
	v->name = "DCOM Protocols";
	v->type = NM_REG_DWORD;		/* wrong type and size: hex + warning */
	v->data = zero;
	v->len = 3;
	*NM_VEC_PUSH(&L.notes) = "cannot list services: access is denied (5)";

	nm_snap_init(&s);
	nm_win_fill(&s, &L);
	nm_snap_finish(&s);
	CHECK_STR(s.host.os, "windows-7");
	CHECK_STR(s.host.os_reason,
	    "live: Windows 6.1 build 7601, workstation");
	CHECK_STR(s.host.hostname, "CHATTERBOX");
	CHECK_INT(s.host.nsources, 1);
	CHECK_STR(s.host.sources[0], "live");
	CHECK_STR(fact(&s, "windows.version", NULL), "6.1.7601");
	CHECK_STR(fact(&s, "windows.generation", NULL), "windows-7");
	CHECK_STR(fact(&s, "windows.product_type", NULL), "workstation");
	CHECK_STR(fact(&s, "windows.edition", NULL), "Professional");
	CHECK_STR(fact(&s, "windows.service_pack", NULL), "Service Pack 1");
	CHECK_STR(fact(&s, "windows.build", NULL), NULL);	/* no UBR */
	CHECK_STR(fact(&s, "wine.version", NULL), NULL);
	CHECK_STR(fact(&s, "HKLM\\SYSTEM\\CurrentControlSet\\Services\\NetBT\\"
	    "Parameters\\SMBDeviceEnabled", &type), "0");
	CHECK_STR(type, "REG_DWORD");
	CHECK_STR(fact(&s, "HKLM\\SYSTEM\\CurrentControlSet\\Services\\Rpc\\"
	    "Linkage\\Bind", &type), "0");
	CHECK_STR(type, "REG_MULTI_SZ");
	CHECK_STR(fact(&s, "HKLM\\SOFTWARE\\Microsoft\\Rpc\\DCOM Protocols",
	    NULL), "000000");
	CHECK_INT(s.warn.n, 2);
	if (s.warn.n == 2) {
		CHECK_STR(s.warn.v[0].message, "HKLM\\SOFTWARE\\Microsoft\\Rpc\\"
		    "DCOM Protocols: REG_DWORD of 3 bytes, shown as hex");
		CHECK_STR(s.warn.v[1].message,
		    "cannot list services: access is denied (5)");
	}

	/* Services: sorted by name, start types and PIDs as recorded. */
	CHECK_INT(s.svcs.n, 11);
	if (s.svcs.n == 11) {
		CHECK_STR(s.svcs.v[0].name, "CryptSvc");
		CHECK_STR(s.svcs.v[10].name, "SSDPSRV");
		CHECK_STR(s.svcs.v[9].name, "Spooler");
		CHECK_STR(s.svcs.v[9].start, "disabled");
		CHECK_STR(s.svcs.v[9].state, "stopped");
		CHECK_INT(s.svcs.v[9].pid, -1);
		CHECK_STR(s.svcs.v[1].name, "Dnscache");
		CHECK_INT(s.svcs.v[1].pid, 1176);
		CHECK_STR(s.svcs.v[1].type, "share-process");
	}
	/* PID -> services, as tasklist /svc shows it. */
	p = nm_snap_proc(&s, 920, false);
	CHECK(p != NULL);
	if (p != NULL) {
		CHECK_INT(p->nservices, 3);
		CHECK_STR(p->name, "svchost.exe");
	}
	nm_snap_free(&s);
	nm_win_live_free(&L);
	free(bind);
}

/* Wine's picture: every socket PID 0, no tags; --os wins over the OS. */
TEST(win_fill_wine_like)
{
	struct nm_win_live L;
	struct nm_snapshot s;

	memset(&L, 0, sizeof(L));
	L.ver.major = 10;
	L.ver.minor = 0;
	L.ver.build = 19045;
	L.ver.product_type = NM_VER_NT_WORKSTATION;
	L.ver.ubr = 3803;
	L.ver.wine = "8.0";
	row(&L, NM_TCP, NM_MIB_TCP_LISTEN, 0, 445, 0, 0, 0, 0);
	row(&L, NM_UDP, 0, RAWADDR(198, 18, 6, 2), 137, 0, 0, 0, 0);
	row(&L, NM_TCP, NM_MIB_TCP_TIME_WAIT, 0, 50000, 0, 80, 0, 0);
	nm_snap_init(&s);
	s.host.os = "windows-server-2016";
	s.host.os_reason = "--os";
	nm_win_fill(&s, &L);
	nm_snap_finish(&s);
	CHECK_STR(s.host.os, "windows-server-2016");
	CHECK_STR(s.host.os_reason, "--os");
	CHECK_STR(fact(&s, "windows.generation", NULL), "windows-10");
	CHECK_STR(fact(&s, "windows.build", NULL), "19045.3803");
	CHECK_STR(fact(&s, "wine.version", NULL), "8.0");
	CHECK_INT(s.ep.n, 3);
	CHECK_INT(s.warn.n, 1);
	if (s.warn.n == 1)
		CHECK_STR(s.warn.v[0].message, "Windows gave no owner process "
		    "(PID 0) for 2 listening or UDP endpoints (wine 8 never "
		    "gives one)");
	nm_snap_free(&s);

	/* Without --os, an unknown version still says "windows". */
	L.ver.major = 11;
	nm_snap_init(&s);
	nm_win_fill(&s, &L);
	CHECK_STR(s.host.os, "windows");
	CHECK_STR(s.host.os_reason, "live: Windows 11.0 build 19045, "
	    "workstation (generation unknown to netmin), wine 8.0");
	nm_snap_free(&s);
	nm_win_live_free(&L);
}
