/*
 * cmd_scan.c - netmin scan: which ports of a host answer from outside,
 * by TCP connect and UDP protocol probes.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "out.h"
#include "probe.h"
#include "src.h"

static void
usage(FILE *f)
{
	const struct nm_udp_probe *p;

	fprintf(f,
"usage: netmin scan HOST [-p PORTS] [-t] [-u] [-4 | -6] [--json]\n"
"                   [--from FILE]... [--allow-broadcast] [TIMING]\n"
"\n"
"Scan HOST from here, the way an attacker on this network sees it: a TCP\n"
"connect scan (no privileges needed) and UDP probes that speak each\n"
"service's protocol, so an answering service is told apart from silence.\n"
"\n"
"  -p, --ports LIST   ports and ranges: 22,80,8000-8100; '-' is 1-65535;\n"
"                     T: and U: pick the protocol: T:1-1024,U:53,137\n"
"                     (default: every TCP port; the UDP list below)\n"
"  -t, --tcp          TCP connect scan (the default)\n"
"  -u, --udp          UDP scan; with -t both\n"
"  -4, -6             use HOST's IPv4 / IPv6 address (default: IPv4 first)\n"
"      --json         a netmin.scan/1 document (see doc/json.md)\n"
"  -f, --from FILE    the host's own view (a capture, as for 'netmin list'):\n"
"                     a filtered port where the host lists a listener is\n"
"                     marked (a full accept queue looks filtered); when\n"
"                     HOST is this machine, its live view is used\n"
"      --allow-broadcast  scan a broadcast, multicast or network address\n"
"      --no-progress  no progress line on a terminal\n"
"\n"
"Timing (defaults in brackets):\n"
"      --rate N           new probes per second at most [TCP %d, UDP %d]\n"
"      --max-inflight N   probes in flight at most [TCP %d, UDP %d]\n"
"      --min-timeout MS   adaptive timeout floor [TCP %d, UDP %d]\n"
"      --max-timeout MS   and ceiling [%d]\n"
"      --retries N        extra tries of a silent TCP port [%d]\n"
"      --max-time S       time budget per protocol [%d]\n"
"      --icmp-interval MS the target's ICMP rate-limit period [%d]\n"
"\n"
"Verdicts: open (a handshake or a reply), closed (RST, ICMP port\n"
"unreachable), filtered (no answer after every try, or ICMP unreachable),\n"
"open|filtered (UDP silence: a listener that ignores the probe, or a\n"
"firewall).  Closed ports are counted, not listed.\n"
"\n"
"Linux sends about one ICMP port-unreachable a second to a given peer, so\n"
"a fast UDP scan sees silence where ports are closed.  netmin rechecks\n"
"every silent UDP port one at a time, waiting out the rate limit after\n"
"each ICMP; ports the time budget leaves unchecked are marked uncertain.\n"
"\n"
"UDP probes:\n",
	    NM_SCAN_TCP_RATE, NM_SCAN_UDP_RATE, NM_SCAN_TCP_INFLIGHT,
	    NM_SCAN_UDP_INFLIGHT, NM_SCAN_MIN_TIMEOUT_MS,
	    NM_SCAN_UDP_MIN_TIMEOUT_MS, NM_SCAN_MAX_TIMEOUT_MS,
	    NM_SCAN_TCP_RETRIES, NM_SCAN_MAX_TIME_S, NM_SCAN_ICMP_INTERVAL_MS);
	for (p = nm_udp_probes; p->port != 0; p++)
		fprintf(f, "  %-5u %-13s %s\n", p->port, p->service, p->what);
	fputs(
"  other ports get an empty datagram.\n"
"\n"
"Only scan hosts you are allowed to scan.\n"
"\n"
"Examples:\n"
"  netmin scan 198.18.0.2\n"
"  netmin scan -u 198.18.0.2\n"
"  netmin scan -t -u -p T:135,139,445,U:137,138 --json winhost\n", f);
}

struct progress {
	const char	*target;
	bool		 shown;
};

static void
progress_cb(void *ctx, const struct nm_scan_progress *p)
{
	struct progress *pg = ctx;

	if (p->elapsed < 1.0)
		return;
	fprintf(stderr, "\r\033[Knetmin: %s %s: %zu/%zu ports, %zu open, "
	    "%zu filtered, %.0f s%s", pg->target, nm_proto_name(p->proto),
	    p->done, p->total, p->open, p->filtered, p->elapsed,
	    strcmp(p->phase, "probing") == 0 ? "" : " (rechecking)");
	fflush(stderr);
	pg->shown = true;
}

static void
progress_clear(struct progress *pg)
{
	if (pg->shown)
		fputs("\r\033[K", stderr);
	pg->shown = false;
}

/* The host's own listener on this port, if its view shows one. */
static const struct nm_endpoint *
host_listener(const struct nm_snapshot *snap, const struct nm_target *t,
    unsigned port)
{
	size_t i;

	for (i = 0; i < snap->ep.n; i++) {
		const struct nm_endpoint *e = &snap->ep.v[i];

		if (e->proto != NM_TCP || e->state != NM_ST_LISTEN ||
		    e->phantom || e->lport != (int)port)
			continue;
		if (nm_addr_is_wildcard(e->laddr) ||
		    strcmp(e->laddr, t->text) == 0)
			return e;
	}
	return NULL;
}

static void
annotate(struct nm_scan *scan, const struct nm_snapshot *snap)
{
	size_t i;

	for (i = 0; i < scan->res.n; i++) {
		struct nm_portres *r = &scan->res.v[i];
		const struct nm_endpoint *e;

		if (r->proto != NM_TCP || r->state != NM_PS_FILTERED)
			continue;
		e = host_listener(snap, &scan->target, r->port);
		if (e == NULL)
			continue;
		if (nm_ep_process(e) != NULL)
			r->note = nm_asprintf(&scan->arena, "the host lists a "
			    "listener here (%s, pid %d): its accept queue may "
			    "be full, or a firewall drops", nm_ep_process(e),
			    nm_ep_pid(e));
		else
			r->note = nm_asprintf(&scan->arena, "the host lists a "
			    "listener here: its accept queue may be full, or "
			    "a firewall drops");
	}
}

static bool
any_filtered(const struct nm_scan *scan)
{
	size_t i;

	for (i = 0; i < scan->res.n; i++)
		if (scan->res.v[i].proto == NM_TCP &&
		    scan->res.v[i].state == NM_PS_FILTERED)
			return true;
	return false;
}

static bool
plain(const struct nm_portres *r)
{
	return r->service == NULL && r->detail == NULL && r->note == NULL &&
	    !r->uncertain && r->state != NM_PS_OPEN;
}

static void
out_table(const struct nm_scan *scan, struct nm_buf *b)
{
	static const char *head[] = { "PROTO", "PORT", "STATE", "SERVICE",
	    "REASON", "DETAIL" };
	struct nm_table t;
	size_t i, j, closed[2] = { 0, 0 }, shown = 0;

	nm_table_init(&t, NM_NELEM(head), head);
	for (i = 0; i < scan->res.n; i = j) {
		const struct nm_portres *r = &scan->res.v[i];

		j = i + 1;
		if (r->state == NM_PS_CLOSED) {
			closed[r->proto]++;
			continue;
		}
		/* Runs of alike ports (a dropped range) take one row. */
		if (plain(r))
			while (j < scan->res.n && plain(&scan->res.v[j]) &&
			    scan->res.v[j].proto == r->proto &&
			    scan->res.v[j].state == r->state &&
			    scan->res.v[j].reason == r->reason &&
			    scan->res.v[j].port == scan->res.v[j - 1].port + 1)
				j++;
		nm_table_cell(&t, "%s", nm_proto_name(r->proto));
		if (j - i > 1)
			nm_table_cell(&t, "%u-%u", r->port,
			    scan->res.v[j - 1].port);
		else
			nm_table_cell(&t, "%u", r->port);
		nm_table_cell(&t, "%s%s", nm_pstate_name(r->state),
		    r->uncertain ? "?" : "");
		nm_table_cell(&t, "%s", r->service ? r->service : "");
		nm_table_cell(&t, "%s", nm_preason_name(r->reason));
		if (j - i > 1)
			nm_table_cell(&t, "%zu ports", j - i);
		else if (r->note != NULL && r->detail != NULL)
			nm_table_cell(&t, "%s; %s", r->detail, r->note);
		else
			nm_table_cell(&t, "%s", r->detail ? r->detail :
			    r->note ? r->note : "");
		shown++;
	}
	nm_buf_printf(b, "netmin scan %s", scan->target.text);
	if (strcmp(scan->target.name, scan->target.text) != 0)
		nm_buf_printf(b, " (%s)", scan->target.name);
	for (i = 0; i < 2; i++)
		if (scan->scanned[i] > 0)
			nm_buf_printf(b, ", %s %zu port%s in %.2f s",
			    nm_proto_name((int)i), scan->scanned[i],
			    scan->scanned[i] == 1 ? "" : "s", scan->secs[i]);
	nm_buf_puts(b, "\n");
	if (shown > 0)
		nm_table_render(&t, b);
	else
		nm_buf_puts(b, "no open or filtered port\n");
	nm_table_free(&t);
	nm_buf_puts(b, "closed (not shown):");
	for (i = 0; i < 2; i++)
		if (scan->scanned[i] > 0)
			nm_buf_printf(b, "%s %s %zu", i > 0 &&
			    scan->scanned[0] > 0 ? "," : "",
			    nm_proto_name((int)i), closed[i]);
	nm_buf_puts(b, "\n");
	for (i = 0; i < scan->notes.n; i++)
		nm_buf_printf(b, "note: %s\n", scan->notes.v[i]);
}

static void
out_json(const struct nm_scan *scan, struct nm_buf *b)
{
	struct nm_json j;
	size_t i, closed[2] = { 0, 0 };

	nm_json_init(&j, b);
	nm_json_obj(&j);
	nm_json_kstr(&j, "schema", "netmin.scan/1");
	nm_json_kstr(&j, "target", scan->target.text);
	nm_json_kstr(&j, "host", scan->target.name);
	nm_json_kstr(&j, "family", nm_family_name(scan->target.family));
	nm_json_key(&j, "ports");
	nm_json_arr(&j);
	for (i = 0; i < scan->res.n; i++) {
		const struct nm_portres *r = &scan->res.v[i];

		if (r->state == NM_PS_CLOSED) {
			closed[r->proto]++;
			continue;
		}
		nm_json_obj(&j);
		nm_json_kstr(&j, "proto", nm_proto_name(r->proto));
		nm_json_kint(&j, "port", r->port);
		nm_json_kstr(&j, "state", nm_pstate_name(r->state));
		nm_json_kstr(&j, "reason", nm_preason_name(r->reason));
		if (r->service != NULL)
			nm_json_kstr(&j, "service", r->service);
		if (r->detail != NULL)
			nm_json_kstr(&j, "detail", r->detail);
		if (r->uncertain)
			nm_json_kbool(&j, "uncertain", true);
		if (r->note != NULL)
			nm_json_kstr(&j, "note", r->note);
		nm_json_kint(&j, "tries", r->tries);
		nm_json_obj_end(&j);
	}
	nm_json_arr_end(&j);
	nm_json_key(&j, "closed");
	nm_json_obj(&j);
	nm_json_kint(&j, "tcp", (long long)closed[NM_TCP]);
	nm_json_kint(&j, "udp", (long long)closed[NM_UDP]);
	nm_json_obj_end(&j);
	nm_json_key(&j, "scanned");
	nm_json_obj(&j);
	nm_json_kint(&j, "tcp", (long long)scan->scanned[NM_TCP]);
	nm_json_kint(&j, "udp", (long long)scan->scanned[NM_UDP]);
	nm_json_obj_end(&j);
	nm_json_key(&j, "elapsed_ms");
	nm_json_obj(&j);
	nm_json_kint(&j, "tcp", (long long)(scan->secs[NM_TCP] * 1000 + 0.5));
	nm_json_kint(&j, "udp", (long long)(scan->secs[NM_UDP] * 1000 + 0.5));
	nm_json_obj_end(&j);
	nm_json_key(&j, "notes");
	nm_json_arr(&j);
	for (i = 0; i < scan->notes.n; i++)
		nm_json_str(&j, scan->notes.v[i]);
	nm_json_arr_end(&j);
	nm_json_obj_end(&j);
	nm_json_end(&j);
}

static int
num_opt(const char *name, const char *arg, long min, long max, long *out)
{
	long long v;

	if (nm_parse_ll(arg, strlen(arg), min, max, &v) != 0) {
		nm_usage_error("scan", "%s wants a number from %ld to %ld, "
		    "not '%s'", name, min, max, arg);
		return -1;
	}
	*out = (long)v;
	return 0;
}

int
cmd_scan(int argc, char **argv)
{
	enum { OPT_JSON = 256, OPT_BCAST, OPT_RATE, OPT_INFLIGHT, OPT_MINTO,
	    OPT_MAXTO, OPT_RETRIES, OPT_MAXTIME, OPT_ICMP, OPT_NOPROG };
	static const struct option opts[] = {
		{ "allow-broadcast", no_argument, NULL, OPT_BCAST },
		{ "from", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ "icmp-interval", required_argument, NULL, OPT_ICMP },
		{ "json", no_argument, NULL, OPT_JSON },
		{ "max-inflight", required_argument, NULL, OPT_INFLIGHT },
		{ "max-time", required_argument, NULL, OPT_MAXTIME },
		{ "max-timeout", required_argument, NULL, OPT_MAXTO },
		{ "min-timeout", required_argument, NULL, OPT_MINTO },
		{ "no-progress", no_argument, NULL, OPT_NOPROG },
		{ "ports", required_argument, NULL, 'p' },
		{ "rate", required_argument, NULL, OPT_RATE },
		{ "retries", required_argument, NULL, OPT_RETRIES },
		{ "tcp", no_argument, NULL, 't' },
		{ "udp", no_argument, NULL, 'u' },
		{ NULL, 0, NULL, 0 }
	};
	struct nm_srcopts so = { 0 };
	struct nm_scan_opts o;
	struct nm_portset *ps = NULL;
	struct nm_scan scan;
	struct nm_snapshot snap;
	struct nm_error err = { 0 };
	struct nm_buf out = { 0 };
	struct progress pg = { 0 };
	const char *spec = NULL;
	bool json = false, tcp = false, udp = false, bcast = false;
	bool noprog = false, have_snap = false;
	int c, family = -1, rc = NM_EXIT_OK;
	long v;
	uint16_t *list = NULL;
	size_t n;

	memset(&o, 0, sizeof(o));
	o.retries = -1;
	nm_scan_init(&scan);
	while ((c = getopt_long(argc, argv, "46f:hp:tu", opts, NULL)) != -1) {
		switch (c) {
		case '4':
			family = NM_INET;
			break;
		case '6':
			family = NM_INET6;
			break;
		case 'f':
			nm_srcopts_add_from(&so, optarg);
			break;
		case 'h':
			usage(stdout);
			goto done;
		case 'p':
			spec = optarg;
			break;
		case 't':
			tcp = true;
			break;
		case 'u':
			udp = true;
			break;
		case OPT_JSON:
			json = true;
			break;
		case OPT_BCAST:
			bcast = true;
			break;
		case OPT_NOPROG:
			noprog = true;
			break;
		case OPT_RATE:
			if (num_opt("--rate", optarg, 1, 10000000, &v) != 0)
				goto usage;
			o.rate = v;
			break;
		case OPT_INFLIGHT:
			if (num_opt("--max-inflight", optarg, 1, 65536, &v) != 0)
				goto usage;
			o.max_inflight = (int)v;
			break;
		case OPT_MINTO:
			if (num_opt("--min-timeout", optarg, 1, 60000, &v) != 0)
				goto usage;
			o.min_timeout_ms = (int)v;
			break;
		case OPT_MAXTO:
			if (num_opt("--max-timeout", optarg, 1, 60000, &v) != 0)
				goto usage;
			o.max_timeout_ms = (int)v;
			break;
		case OPT_RETRIES:
			if (num_opt("--retries", optarg, 0, 10, &v) != 0)
				goto usage;
			o.retries = (int)v;
			break;
		case OPT_MAXTIME:
			if (num_opt("--max-time", optarg, 1, 86400, &v) != 0)
				goto usage;
			o.max_time_s = (int)v;
			break;
		case OPT_ICMP:
			if (num_opt("--icmp-interval", optarg, 0, 60000, &v) != 0)
				goto usage;
			o.icmp_interval_ms = v == 0 ? -1 : (int)v;
			break;
		default:
			nm_usage_error("scan", "bad option");
			goto usage;
		}
	}
	if (optind >= argc) {
		nm_usage_error("scan", "which host? (netmin scan HOST)");
		goto usage;
	}
	if (optind + 1 < argc) {
		nm_usage_error("scan", "one host at a time; unexpected '%s'",
		    argv[optind + 1]);
		goto usage;
	}
	if (o.min_timeout_ms > 0 && o.max_timeout_ms > 0 &&
	    o.min_timeout_ms > o.max_timeout_ms) {
		nm_usage_error("scan", "--min-timeout is above --max-timeout");
		goto usage;
	}
	ps = nm_xcalloc(1, sizeof(*ps));
	if (spec != NULL) {
		if (nm_ports_parse(spec, -1, ps, &err) != 0) {
			nm_usage_error("scan", "%s", err.msg);
			goto usage;
		}
		if (!tcp && !udp) {
			/* No -t/-u: the protocols the list names. */
			bool lead = !(spec[0] != '\0' && spec[1] == ':');

			tcp = lead || strstr(spec, "T:") != NULL ||
			    strstr(spec, "t:") != NULL;
			udp = strstr(spec, "U:") != NULL ||
			    strstr(spec, "u:") != NULL;
		}
	} else {
		if (!tcp && !udp)
			tcp = true;
		nm_ports_add(ps, NM_TCP, 1, 65535);
		for (size_t i = 0; i < nm_udp_default_nports; i++)
			nm_ports_add(ps, NM_UDP, nm_udp_default_ports[i],
			    nm_udp_default_ports[i]);
	}
	if (nm_target_resolve(argv[optind], family, bcast, &scan.target,
	    &err) != 0) {
		nm_msg("%s", err.msg);
		rc = nm_exit_for(&err);
		goto done;
	}
	if (so.nfrom > 0) {
		rc = nm_load_snapshot(&so, &snap);
		if (rc != 0)
			goto done;
		have_snap = true;
	}
	pg.target = scan.target.text;
	if (!noprog && isatty(STDERR_FILENO)) {
		o.progress = progress_cb;
		o.progress_ctx = &pg;
	}
	list = nm_xcalloc(65536, sizeof(*list));
	if (tcp && (n = nm_ports_list(ps, NM_TCP, list)) > 0) {
		int r = nm_scan_tcp(&scan, list, n, &o, &err);

		progress_clear(&pg);
		if (r != 0) {
			nm_msg("%s", err.msg);
			rc = nm_exit_for(&err);
			goto done;
		}
	}
	if (udp && (n = nm_ports_list(ps, NM_UDP, list)) > 0) {
		int r = nm_scan_udp(&scan, list, n, &o, &err);

		progress_clear(&pg);
		if (r != 0) {
			nm_msg("%s", err.msg);
			rc = nm_exit_for(&err);
			goto done;
		}
	}
	if (scan.res.n == 0) {
		nm_usage_error("scan", "no port to scan for the protocols "
		    "chosen");
		goto usage;
	}
	/* Scanning this very host: its own live view says where listeners
	 * are, as --from would. */
	if (!have_snap && scan.target.local && any_filtered(&scan)) {
		struct nm_live_opts lo;
		struct nm_error lerr = { 0 };

		memset(&lo, 0, sizeof(lo));
		nm_snap_init(&snap);
		have_snap = true;
		if (nm_src_live(&snap, &lo, &lerr) == 0)
			nm_snap_finish(&snap);
	}
	if (have_snap)
		annotate(&scan, &snap);
	if (json)
		out_json(&scan, &out);
	else
		out_table(&scan, &out);
	nm_write_buf(stdout, &out);
	for (size_t i = 0; i < scan.res.n; i++)
		if (scan.res.v[i].state == NM_PS_UNSCANNED)
			rc = NM_EXIT_FAIL;
	goto done;
usage:
	rc = NM_EXIT_USAGE;
done:
	if (have_snap)
		nm_snap_free(&snap);
	nm_buf_free(&out);
	nm_scan_free(&scan);
	nm_srcopts_free(&so);
	free(ps);
	free(list);
	return rc;
}
