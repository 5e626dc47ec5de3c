/*
 * test_plan.c - the golden test that is the planner's spec: from the
 * note's first capture of each series (tests/data/seed/), the tables the
 * plan predicts after its steps must equal, in order and as exact endpoint
 * sets, every later capture of that series; the last steps close what the
 * method closes.  Also --keep, --drop and the narrowing alternatives.
 *
 * Granularity: one step per service.  The Windows 2000 series has one
 * capture per step, so capture k must be the table after step k; the XP
 * series has one capture after three services (policyagent, ssdpsrv,
 * w32time), so that capture must be the table after the third step.
 */
#include "harness.h"
#include "kb.h"
#include "parse.h"
#include "plan.h"

static struct nm_kb kb;
static bool kb_loaded;

static const struct nm_kb *
the_kb(void)
{
	struct nm_error err = { 0 };

	if (!kb_loaded) {
		nm_kb_init(&kb);
		if (nm_kb_load_builtin(&kb, &err) != 0)
			nm_test_fail(__FILE__, __LINE__, "kb: %s", err.msg);
		kb_loaded = true;
	}
	return &kb;
}

static int
load(struct nm_snapshot *s, const char *name, const char *os)
{
	struct nm_error err = { 0 };
	char path[256];

	snprintf(path, sizeof(path), "tests/data/seed/%s", name);
	nm_snap_init(s);
	if (os != NULL) {
		s->host.os = os;
		s->host.os_reason = "--os";
	}
	if (nm_parse_file(s, path, &err) != 0) {
		nm_test_fail(__FILE__, __LINE__, "%s: %s", path, err.msg);
		return -1;
	}
	nm_snap_finish(s);
	nm_attribute(s, the_kb());
	return 0;
}

static bool
same(const struct nm_endpoint *a, const struct nm_endpoint *b)
{
	return a->proto == b->proto && a->family == b->family &&
	    a->lport == b->lport && strcmp(a->laddr, b->laddr) == 0 &&
	    strcmp(a->lzone, b->lzone) == 0 && nm_ep_pid(a) == nm_ep_pid(b);
}

/* The predicted table equals the capture's open endpoints, as sets. */
static bool
table_equals(const struct nm_endpoint *v, size_t n,
    const struct nm_snapshot *cap)
{
	size_t i, j, open = 0;

	for (j = 0; j < cap->ep.n; j++) {
		bool found = false;

		if (!nm_ep_is_open(&cap->ep.v[j]))
			continue;
		open++;
		for (i = 0; i < n; i++)
			if (same(&v[i], &cap->ep.v[j]))
				found = true;
		if (!found)
			return false;
	}
	for (i = 0; i < n; i++)
		for (j = i + 1; j < n; j++)
			if (same(&v[i], &v[j]))
				return false;
	return open == n;
}

static void
dump(const struct nm_endpoint *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		fprintf(stderr, "      %s %s:%d pid %d kb %s\n",
		    nm_proto_name(v[i].proto), v[i].laddr, v[i].lport,
		    nm_ep_pid(&v[i]), v[i].kb ? v[i].kb : "-");
}

/* Every capture appears, in order, among the tables after the steps;
 * returns the step index each one matched (or -1). */
static void
golden(const char *first, const char *os, const char *const *later,
    size_t nlater, const int *want_step, const struct nm_planopts *po,
    struct nm_plan *plan, struct nm_snapshot *snap)
{
	struct nm_error err = { 0 };
	size_t k, st = 0;

	if (load(snap, first, os) != 0)
		return;
	if (nm_plan_make(plan, snap, the_kb(), po, &err) != 0) {
		nm_test_fail(__FILE__, __LINE__, "plan: %s", err.msg);
		return;
	}
	for (k = 0; k < nlater; k++) {
		struct nm_snapshot cap;
		bool found = false;

		if (load(&cap, later[k], os) != 0)
			return;
		for (; st < plan->steps.n; st++)
			if (table_equals(plan->steps.v[st].after.v,
			    plan->steps.v[st].after.n, &cap)) {
				found = true;
				break;
			}
		if (!found)
			nm_test_fail(__FILE__, __LINE__, "%s is not among the "
			    "predicted tables (in order)", later[k]);
		else if ((int)st + 1 != want_step[k])
			nm_test_fail(__FILE__, __LINE__, "%s matched step %zu, "
			    "expected step %d", later[k], st + 1, want_step[k]);
		if (!found && k > 0 && want_step[k] - 1 <
		    (int)plan->steps.n) {
			fprintf(stderr, "    predicted after step %d:\n",
			    want_step[k]);
			dump(plan->steps.v[want_step[k] - 1].after.v,
			    plan->steps.v[want_step[k] - 1].after.n);
		}
		nm_snap_free(&cap);
		if (!found)
			st = 0;
		else
			st++;
	}
}

static const struct nm_step *
step_closing(const struct nm_plan *p, int proto, int port)
{
	size_t i, k;

	for (i = 0; i < p->steps.n; i++)
		for (k = 0; k < p->steps.v[i].closes.n; k++)
			if (p->steps.v[i].closes.v[k].proto == proto &&
			    p->steps.v[i].closes.v[k].lport == port)
				return &p->steps.v[i];
	return NULL;
}

TEST(golden_w2k_series)
{
	static const char *const later[] = {
		"w2k-1-after-iisadmin.netstat-an.txt",
		"w2k-2-after-policyagent.netstat-an.txt",
		"w2k-3-after-msdtc.netstat-an.txt",
		"w2k-4-after-netbt.netstat-an.txt",
		"w2k-5-after-smbdevice-reboot.netstat-an.txt",
	};
	static const int want[] = { 1, 2, 3, 4, 5 };
	struct nm_planopts po = { 0 };
	struct nm_plan p;
	struct nm_snapshot s;
	const struct nm_step *st;

	golden("w2k-0-initial.netstat-an.txt", "windows-2000", later,
	    NM_NELEM(later), want, &po, &p, &s);
	/* The rest of the method: messenger (then UDP 135), schedule and
	 * rasman, DCOM without TCP; nothing is left. */
	CHECK_INT(p.steps.n, 8);
	st = step_closing(&p, NM_UDP, 1029);
	CHECK(st != NULL && st->id == 6 && st->reboot);
	CHECK(st != NULL && st->closes.n == 2 && step_closing(&p, NM_UDP,
	    135) == st);
	st = step_closing(&p, NM_TCP, 1026);
	CHECK(st != NULL && st->id == 7 && st->actions.n == 2);
	CHECK(st != NULL && strcmp(st->actions.v[1].service, "RasMan") == 0);
	st = step_closing(&p, NM_TCP, 135);
	CHECK(st != NULL && st->id == 8 && st->phase == NM_PHASE_RPC_DCOM);
	CHECK(st != NULL && st->actions.v[0].reg_op == NM_REG_MULTI_REMOVE);
	CHECK_INT(p.steps.v[7].after.n, 0);
	CHECK_INT(p.remaining.n, 0);
	/* Stopping iisadmin takes its dependants in the same step. */
	CHECK_STR(p.steps.v[0].actions.v[2].service, "IISADMIN");
	CHECK_INT(p.steps.v[0].actions.v[2].ndependants, 2);
	CHECK(strstr(p.steps.v[0].actions.v[2].commands[0], "/y") != NULL);
	/* Phases in the method's order. */
	CHECK_INT(p.steps.v[0].phase, NM_PHASE_SERVICES);
	CHECK_INT(p.steps.v[3].phase, NM_PHASE_NETBIOS_SMB);
	CHECK_INT(p.steps.v[4].phase, NM_PHASE_NETBIOS_SMB);
	CHECK(p.steps.v[4].reboot);
	/* Dynamic ports without PIDs rest on low-confidence attribution. */
	CHECK_INT(p.steps.v[0].confidence, NM_CONF_LOW);
	nm_plan_free(&p);
	nm_snap_free(&s);
}

TEST(golden_xp_series)
{
	static const char *const later[] = {
		"xp-1-after-policyagent-ssdpsrv-w32time.netstat-ano.txt",
		"xp-2-after-netbt.netstat-ano.txt",
		"xp-3-after-smbdevice-reboot.netstat-ano.txt",
	};
	static const int want[] = { 3, 4, 5 };
	struct nm_planopts po = { 0 };
	struct nm_plan p;
	struct nm_snapshot s;
	const struct nm_step *st;

	golden("xp-0-initial.netstat-ano.txt", "windows-xp", later,
	    NM_NELEM(later), want, &po, &p, &s);
	CHECK_STR(p.steps.v[0].actions.v[0].service, "PolicyAgent");
	CHECK_STR(p.steps.v[1].actions.v[0].service, "SSDPSRV");
	CHECK_STR(p.steps.v[2].actions.v[0].service, "W32Time");
	st = step_closing(&p, NM_UDP, 1027);	/* messenger, then UDP 135 */
	CHECK(st != NULL && step_closing(&p, NM_UDP, 135) == st);
	st = step_closing(&p, NM_TCP, 1025);	/* schedule (and rasman) */
	CHECK(st != NULL && st->reboot);
	CHECK(step_closing(&p, NM_TCP, 135) != NULL);
	/* The residue: the DNS client's UDP port, then a filter step. */
	CHECK_INT(p.remaining.n, 1);
	if (p.remaining.n == 1) {
		CHECK_INT(p.remaining.v[0].ep.lport, 1026);
		CHECK_INT(nm_ep_pid(&p.remaining.v[0].ep), 1112);
		CHECK_STR(p.remaining.v[0].ep.kb, "windows/dnscache");
	}
	CHECK_INT(p.steps.v[p.steps.n - 1].phase, NM_PHASE_RESIDUE);
	CHECK_INT(p.steps.v[p.steps.n - 1].actions.v[0].kind, NM_ACT_FILTER);
	CHECK_INT(p.steps.v[p.steps.n - 1].closes.n, 0);
	nm_plan_free(&p);
	nm_snap_free(&s);
}

TEST(golden_xp_drop_dnscache_closes_everything)
{
	static const char *const later[] = {
		"xp-1-after-policyagent-ssdpsrv-w32time.netstat-ano.txt",
		"xp-2-after-netbt.netstat-ano.txt",
		"xp-3-after-smbdevice-reboot.netstat-ano.txt",
	};
	static const int want[] = { 3, 4, 5 };
	static const char *drop[] = { "dnscache" };
	struct nm_planopts po = { 0 };
	struct nm_plan p;
	struct nm_snapshot s;
	const struct nm_step *last;

	po.drop = drop;
	po.ndrop = 1;
	golden("xp-0-initial.netstat-ano.txt", "windows-xp", later,
	    NM_NELEM(later), want, &po, &p, &s);
	CHECK_INT(p.remaining.n, 0);
	last = &p.steps.v[p.steps.n - 1];
	CHECK_INT(last->phase, NM_PHASE_RESIDUE);
	CHECK(last->closes.n == 1 && last->closes.v[0].lport == 1026);
	CHECK_INT(last->after.n, 0);
	nm_plan_free(&p);
	nm_snap_free(&s);
}

/* A kept Task Scheduler: RPC bound to loopback, its port moves. */
TEST(plan_keep_schedule_binds_rpc_to_loopback)
{
	static const char *keep[] = { "schedule" };
	struct nm_planopts po = { 0 };
	struct nm_error err = { 0 };
	struct nm_plan p;
	struct nm_snapshot s;
	const struct nm_step *st = NULL;
	size_t i, k;
	bool moved = false, disabled = false;

	po.keep = keep;
	po.nkeep = 1;
	if (load(&s, "xp-0-initial.netstat-ano.txt", "windows-xp") != 0)
		return;
	CHECK(nm_plan_make(&p, &s, the_kb(), &po, &err) == 0);
	for (i = 0; i < p.steps.n; i++) {
		for (k = 0; k < p.steps.v[i].actions.n; k++) {
			const struct nm_action *a = &p.steps.v[i].actions.v[k];

			if (a->service && strcmp(a->service, "Schedule") == 0)
				disabled = true;
			if (a->value && strcmp(a->value, "Bind") == 0)
				st = &p.steps.v[i];
		}
	}
	CHECK(!disabled);
	CHECK(st != NULL);
	if (st != NULL) {
		CHECK_INT(st->moves.n, 1);
		CHECK_STR(st->moves.v[0].from.laddr, "0.0.0.0");
		CHECK_STR(st->moves.v[0].to.laddr, "127.0.0.1");
		CHECK_INT(st->moves.v[0].to.lport, 1025);
		CHECK_INT(st->actions.v[0].mode, NM_MODE_NARROW);
		CHECK_STR(st->actions.v[0].key,
		    "HKLM\\SYSTEM\\CurrentControlSet\\Services\\Rpc\\Linkage");
		CHECK_STR(st->actions.v[0].type, "REG_MULTI_SZ");
		CHECK_STR(st->actions.v[0].data, "0");
		CHECK(st->reboot);
	}
	for (i = 0; i < p.remaining.n; i++)
		if (p.remaining.v[i].ep.lport == 1025 &&
		    strcmp(p.remaining.v[i].ep.laddr, "127.0.0.1") == 0 &&
		    p.remaining.v[i].ep.exposure == NM_EXP_LOOPBACK)
			moved = true;
	CHECK(moved);
	for (i = 0; i < p.kept.n; i++)
		if (strcmp(p.kept.v[i].name, "Schedule") == 0)
			CHECK(p.kept.v[i].asked && p.kept.v[i].narrowed);
	nm_plan_free(&p);
	nm_snap_free(&s);
}

/* Keeping W3SVC keeps what it depends on; SMTP still goes. */
TEST(plan_keep_dependant_keeps_iisadmin)
{
	static const char *keep[] = { "80" };
	struct nm_planopts po = { 0 };
	struct nm_error err = { 0 };
	struct nm_plan p;
	struct nm_snapshot s;
	size_t i;
	bool iis_kept = false;

	po.keep = keep;
	po.nkeep = 1;
	if (load(&s, "w2k-0-initial.netstat-an.txt", "windows-2000") != 0)
		return;
	CHECK(nm_plan_make(&p, &s, the_kb(), &po, &err) == 0);
	CHECK(step_closing(&p, NM_TCP, 80) == NULL);
	CHECK(step_closing(&p, NM_TCP, 4983) == NULL);
	CHECK(step_closing(&p, NM_TCP, 25) != NULL);
	for (i = 0; i < p.kept.n; i++)
		if (strcmp(p.kept.v[i].name, "IISADMIN") == 0) {
			iis_kept = true;
			CHECK(strstr(p.kept.v[i].why, "W3SVC depends on it") !=
			    NULL);
		}
	CHECK(iis_kept);
	nm_plan_free(&p);
	nm_snap_free(&s);
}

/* Without --os the dynamic ports of the w2k capture stay unknown, and
 * the plan does not claim to close them. */
TEST(plan_without_os_is_not_certain)
{
	struct nm_planopts po = { 0 };
	struct nm_error err = { 0 };
	struct nm_plan p;
	struct nm_snapshot s;
	size_t i;

	if (load(&s, "w2k-0-initial.netstat-an.txt", NULL) != 0)
		return;
	CHECK_STR(s.host.os, "windows-nt5");
	for (i = 0; i < s.ep.n; i++)
		if (s.ep.v[i].lport >= 1025 && s.ep.v[i].lport <= 1029) {
			CHECK(s.ep.v[i].kb == NULL);
			CHECK(strstr(s.ep.v[i].reason, "owner unknown") != NULL);
			CHECK(strstr(s.ep.v[i].reason, "rpcdump") != NULL);
		}
	CHECK(nm_plan_make(&p, &s, the_kb(), &po, &err) == 0);
	CHECK(step_closing(&p, NM_UDP, 1029) == NULL);
	/* UDP 135 stays: an unknown UDP port may be an RPC server. */
	CHECK(step_closing(&p, NM_UDP, 135) == NULL);
	CHECK(step_closing(&p, NM_TCP, 135) != NULL);
	CHECK(p.remaining.n == 6);
	nm_plan_free(&p);
	nm_snap_free(&s);
}

TEST(plan_unknown_keep_is_usage_error)
{
	static const char *keep[] = { "no-such-thing" };
	struct nm_planopts po = { 0 };
	struct nm_error err = { 0 };
	struct nm_plan p;
	struct nm_snapshot s;

	po.keep = keep;
	po.nkeep = 1;
	if (load(&s, "xp-0-initial.netstat-ano.txt", "windows-xp") != 0)
		return;
	CHECK(nm_plan_make(&p, &s, the_kb(), &po, &err) != 0);
	CHECK_INT(err.code, NM_ERR_USAGE);
	CHECK(strstr(err.msg, "no-such-thing") != NULL);
	nm_plan_free(&p);
	nm_snap_free(&s);
}
