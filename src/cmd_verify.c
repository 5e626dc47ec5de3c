/*
 * cmd_verify.c - netmin verify: did the plan do what it predicted, seen
 * from inside the host (a new inventory) and from outside (a scan)?
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "out.h"
#include "verify.h"

static void
usage(FILE *f)
{
	fputs(
"usage: netmin verify --plan PLAN.json [--step N] [--from FILE]... [--os ID]\n"
"                     [--netns NAME] [--target HOST [-p PORTS]] [--json]\n"
"\n"
"Compare what a plan predicted with what is true now.  The host's own view\n"
"is taken again (live, or --from captures made after the change) and each\n"
"endpoint the plan or the host mentions gets a verdict:\n"
"\n"
"  open-as-predicted           the plan keeps it, it is open\n"
"  closed-as-predicted         a step closes it, it is gone\n"
"  moved-as-predicted          a step narrows it (e.g. to loopback), it did\n"
"  still-open                  a step closes it, it is still open\n"
"  newly-open                  the plan never saw it, it is open now\n"
"  closed-predicted-open       the plan keeps it, it is gone\n"
"\n"
"With --target HOST the host is also scanned from here (every TCP port;\n"
"UDP: the plan's and the host's UDP ports and the usual probe list):\n"
"\n"
"  reachable-host-says-closed  it answers from outside although the host\n"
"                              lists nothing there (port forward, container,\n"
"                              or a host view that lies)\n"
"  host-open-not-reachable     the host lists it on every address but it\n"
"                              does not answer (a firewall); reported only\n"
"\n"
"      --plan FILE     a netmin.plan/1 document (netmin plan --json)\n"
"      --step N        verify steps 1..N only (default: the whole plan;\n"
"                      0: nothing applied yet, the plan's starting table)\n"
"  -f, --from FILE     the host's view from captures, as for 'netmin list'\n"
"      --os ID         the host's generation when a capture cannot show it\n"
"      --netns NAME    the live view of another network namespace\n"
"      --target HOST   also scan HOST from here (see 'netmin scan --help')\n"
"  -p, --ports LIST    the ports to scan instead of the default set\n"
"      --json          a netmin.verify/1 document (see doc/json.md)\n"
"\n"
"Exit status: 0 when reality matches the prediction, 1 when it does not,\n"
"2 on bad arguments or an unreadable plan, 3 when the host could not be\n"
"read or scanned.\n"
"\n"
"Examples:\n"
"  netmin plan --json > plan.json; netmin apply plan.json; netmin verify --plan plan.json\n"
"  netmin verify --plan plan.json --from after-netstat-ano.txt --target 192.0.2.10\n",
	    f);
}

static const char *
outside_text(const struct nm_vcheck *c)
{
	return c->outside < 0 ? "-" : nm_pstate_name(c->outside);
}

static void
out_table(const struct nm_plan *p, const char *name,
    const struct nm_verify *v, const struct nm_scan *scan,
    const char *source, struct nm_buf *b)
{
	static const char *head[] = { "STEP", "PROTO", "ENDPOINT",
	    "PREDICTED", "HOST", "OUTSIDE", "VERDICT" };
	struct nm_table t;
	size_t i;
	int pass;

	nm_buf_printf(b, "netmin verify %s: steps 1-%d of %zu, host view: %s",
	    name, v->upto, p->steps.n, source);
	if (scan != NULL)
		nm_buf_printf(b, ", outside: %s (tcp %zu, udp %zu ports)",
		    scan->target.text, scan->scanned[NM_TCP],
		    scan->scanned[NM_UDP]);
	nm_buf_puts(b, "\n");
	nm_table_init(&t, NM_NELEM(head), head);
	/* Mismatches first, then what went as predicted. */
	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < v->checks.n; i++) {
			const struct nm_vcheck *c = &v->checks.v[i];

			if (c->mismatch != (pass == 0))
				continue;
			if (c->step > 0)
				nm_table_cell(&t, "%d", c->step);
			else
				nm_table_cell(&t, "-");
			nm_table_cell(&t, "%s", nm_proto_name(c->ep.proto));
			nm_table_cell(&t, c->ep.family == NM_INET6 ?
			    "[%s]:%d" : "%s:%d", c->ep.addr, c->ep.port);
			nm_table_cell(&t, "%s", c->predicted ? "open" :
			    "closed");
			nm_table_cell(&t, "%s", c->observed ? "open" :
			    "closed");
			if (c->service != NULL)
				nm_table_cell(&t, "%s (%s)", outside_text(c),
				    c->service);
			else
				nm_table_cell(&t, "%s", outside_text(c));
			nm_table_cell(&t, "%s%s", c->mismatch ? "MISMATCH " :
			    "", nm_verdict_name(c->verdict));
		}
	nm_table_render(&t, b);
	nm_table_free(&t);
	if (v->mismatches == 0)
		nm_buf_printf(b, "result: reality matches the prediction "
		    "(%zu endpoints)\n", v->checks.n);
	else
		nm_buf_printf(b, "result: %zu mismatch%s: %zu still open, %zu "
		    "newly open, %zu closed though predicted open, %zu "
		    "reachable from outside though the host says closed\n",
		    v->mismatches, v->mismatches == 1 ? "" : "es",
		    v->count[NM_V_STILL_OPEN], v->count[NM_V_NEWLY_OPEN],
		    v->count[NM_V_GONE], v->count[NM_V_OUTSIDE_OPEN]);
	if (v->count[NM_V_OUTSIDE_SHUT] > 0)
		nm_buf_printf(b, "note: %zu endpoint%s the host lists on every "
		    "address did not answer from outside (a firewall?)\n",
		    v->count[NM_V_OUTSIDE_SHUT],
		    v->count[NM_V_OUTSIDE_SHUT] == 1 ? "" : "s");
	for (i = 0; scan != NULL && i < scan->notes.n; i++)
		nm_buf_printf(b, "note: %s\n", scan->notes.v[i]);
}

static void
out_json(const struct nm_plan *p, const char *name,
    const struct nm_verify *v, const struct nm_scan *scan,
    const char *source, struct nm_buf *b)
{
	struct nm_json j;
	size_t i;
	int k;

	nm_json_init(&j, b);
	nm_json_obj(&j);
	nm_json_kstr(&j, "schema", "netmin.verify/1");
	nm_json_kstr(&j, "plan", name);
	nm_json_kint(&j, "steps", (long long)p->steps.n);
	nm_json_kint(&j, "verified_steps", v->upto);
	nm_json_kstr(&j, "host_view", source);
	nm_json_key(&j, "target");
	if (scan != NULL)
		nm_json_str(&j, scan->target.text);
	else
		nm_json_null(&j);
	nm_json_kbool(&j, "match", v->mismatches == 0);
	nm_json_kint(&j, "mismatches", (long long)v->mismatches);
	nm_json_key(&j, "counts");
	nm_json_obj(&j);
	for (k = 0; k < NM_V__COUNT; k++)
		nm_json_kint(&j, nm_verdict_name(k), (long long)v->count[k]);
	nm_json_obj_end(&j);
	nm_json_key(&j, "checks");
	nm_json_arr(&j);
	for (i = 0; i < v->checks.n; i++) {
		const struct nm_vcheck *c = &v->checks.v[i];

		nm_json_obj(&j);
		nm_json_key(&j, "step");
		if (c->step > 0)
			nm_json_int(&j, c->step);
		else
			nm_json_null(&j);
		nm_json_kstr(&j, "proto", nm_proto_name(c->ep.proto));
		nm_json_kstr(&j, "family", nm_family_name(c->ep.family));
		nm_json_kstr(&j, "local_address", c->ep.addr);
		nm_json_kint(&j, "local_port", c->ep.port);
		nm_json_kstr(&j, "kb", c->ep.kb);
		nm_json_kstr(&j, "predicted", c->predicted ? "open" : "closed");
		nm_json_kstr(&j, "observed", c->observed ? "open" : "closed");
		nm_json_key(&j, "outside");
		if (c->outside >= 0)
			nm_json_str(&j, nm_pstate_name(c->outside));
		else
			nm_json_null(&j);
		if (c->service != NULL)
			nm_json_kstr(&j, "service", c->service);
		nm_json_kstr(&j, "verdict", nm_verdict_name(c->verdict));
		nm_json_kbool(&j, "mismatch", c->mismatch);
		nm_json_obj_end(&j);
	}
	nm_json_arr_end(&j);
	nm_json_key(&j, "notes");
	nm_json_arr(&j);
	for (i = 0; scan != NULL && i < scan->notes.n; i++)
		nm_json_str(&j, scan->notes.v[i]);
	nm_json_arr_end(&j);
	nm_json_obj_end(&j);
	nm_json_end(&j);
}

int
cmd_verify(int argc, char **argv)
{
	enum { OPT_JSON = 256, OPT_OS, OPT_PLAN, OPT_STEP, OPT_TARGET };
	static const struct option opts[] = {
		NM_SRCOPTS_LONG,
		{ "from", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ "json", no_argument, NULL, OPT_JSON },
		{ "os", required_argument, NULL, OPT_OS },
		{ "plan", required_argument, NULL, OPT_PLAN },
		{ "ports", required_argument, NULL, 'p' },
		{ "step", required_argument, NULL, OPT_STEP },
		{ "target", required_argument, NULL, OPT_TARGET },
		{ NULL, 0, NULL, 0 }
	};
	struct nm_srcopts so = { 0 };
	struct nm_plan plan;
	struct nm_verify v;
	struct nm_snapshot snap;
	struct nm_scan scan;
	struct nm_scan_opts o;
	struct nm_portset *ps = NULL;
	struct nm_error err = { 0 };
	struct nm_buf out = { 0 };
	const char *plan_path = NULL, *target = NULL, *spec = NULL;
	const char *source;
	uint16_t *list = NULL;
	bool json = false, have_snap = false, scanned = false;
	int c, rc = NM_EXIT_OK, step = -1, proto;
	size_t n;

	nm_plan_init(&plan);
	nm_scan_init(&scan);
	memset(&v, 0, sizeof(v));
	while ((c = getopt_long(argc, argv, "f:hp:", opts, NULL)) != -1) {
		switch (c) {
		case 'f':
			nm_srcopts_add_from(&so, optarg);
			break;
		case 'h':
			usage(stdout);
			goto done;
		case 'p':
			spec = optarg;
			break;
		case OPT_JSON:
			json = true;
			break;
		case OPT_OS:
			so.os = optarg;
			break;
		case OPT_PLAN:
			plan_path = optarg;
			break;
		case OPT_STEP:
			if (nm_parse_int(optarg, strlen(optarg), 0, 100000,
			    &step) != 0) {
				nm_usage_error("verify", "--step wants a step "
				    "number, not '%s'", optarg);
				goto usage;
			}
			break;
		case OPT_TARGET:
			target = optarg;
			break;
		default:
			if (nm_srcopts_option(&so, c, optarg))
				break;
			nm_usage_error("verify", "bad option");
			goto usage;
		}
	}
	if (optind < argc) {
		nm_usage_error("verify", "unexpected argument '%s'",
		    argv[optind]);
		goto usage;
	}
	if (plan_path == NULL) {
		nm_usage_error("verify", "which plan? (--plan PLAN.json)");
		goto usage;
	}
	if (spec != NULL && target == NULL) {
		nm_usage_error("verify", "-p needs --target");
		goto usage;
	}
	if (nm_plan_read_file(&plan, plan_path, &err) != 0) {
		nm_msg("%s", err.msg);
		rc = NM_EXIT_USAGE;
		goto done;
	}
	if (step > (int)plan.steps.n) {
		nm_usage_error("verify", "--step %d: the plan has %zu steps",
		    step, plan.steps.n);
		goto usage;
	}
	rc = nm_load_snapshot(&so, &snap);
	have_snap = true;
	if (rc != 0)
		goto done;
	if (target != NULL) {
		ps = nm_xcalloc(1, sizeof(*ps));
		if (spec != NULL) {
			if (nm_ports_parse(spec, -1, ps, &err) != 0) {
				nm_usage_error("verify", "%s", err.msg);
				goto usage;
			}
		} else {
			nm_verify_ports(&plan, &snap, ps);
		}
		if (nm_target_resolve(target, -1, false, &scan.target,
		    &err) != 0) {
			nm_msg("%s", err.msg);
			rc = nm_exit_for(&err);
			goto done;
		}
		memset(&o, 0, sizeof(o));
		o.retries = -1;
		list = nm_xcalloc(65536, sizeof(*list));
		for (proto = NM_TCP; proto <= NM_UDP; proto++) {
			int r;

			n = nm_ports_list(ps, proto, list);
			if (n == 0)
				continue;
			r = proto == NM_TCP ?
			    nm_scan_tcp(&scan, list, n, &o, &err) :
			    nm_scan_udp(&scan, list, n, &o, &err);
			if (r != 0) {
				nm_msg("%s", err.msg);
				rc = nm_exit_for(&err);
				goto done;
			}
		}
		scanned = true;
	}
	nm_verify_run(&plan, step, &snap, scanned ? &scan : NULL, &v);
	source = so.nfrom > 0 ? "captures" : so.live.netns != NULL ?
	    so.live.netns : "live";
	if (so.nfrom == 1)
		source = so.from[0];
	if (json)
		out_json(&plan, plan_path, &v, scanned ? &scan : NULL, source, &out);
	else
		out_table(&plan, plan_path, &v, scanned ? &scan : NULL, source, &out);
	nm_write_buf(stdout, &out);
	rc = v.mismatches == 0 ? NM_EXIT_OK : NM_EXIT_FINDINGS;
	goto done;
usage:
	rc = NM_EXIT_USAGE;
done:
	if (have_snap)
		nm_snap_free(&snap);
	nm_verify_free(&v);
	nm_plan_free(&plan);
	nm_scan_free(&scan);
	nm_buf_free(&out);
	nm_srcopts_free(&so);
	free(ps);
	free(list);
	return rc;
}
