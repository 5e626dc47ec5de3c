/*
 * cmd_plan.c - netmin plan: the ordered, reversible steps that close what
 * the host does not need, each with the endpoint table predicted after it.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "kb.h"
#include "out.h"
#include "plan.h"

static void
usage(FILE *f)
{
	fputs(
"usage: netmin plan [--from FILE]... [--os ID] [--kb FILE]...\n"
"                   [--keep NAME|PORT]... [--drop NAME]... [--no-filter]\n"
"                   [--json]\n"
"\n"
"Plan the changes that close every endpoint the host does not need, in the\n"
"method's phases: unused services; NetBIOS and SMB; RPC and DCOM; residue\n"
"and filtering.  Each step lists its actions (exact commands and how to\n"
"undo them), the endpoints it closes, whether it needs a reboot, what stops\n"
"working, and the endpoint table predicted after it.\n"
"\n"
"  -f, --from FILE   a capture of the host (repeatable; see netmin list)\n"
"      --os ID       the host's generation (windows-2000 ... linux); without\n"
"                    it netmin guesses from the capture and says how sure\n"
"      --kb FILE     add or override knowledge-base entries (doc/kb.md)\n"
"  -k, --keep X      keep a service (name, unit, process or kb id) or the\n"
"                    owner of a port (135, 80/tcp); where the knowledge base\n"
"                    has a narrowing alternative (bind to loopback, a\n"
"                    protocol off) the plan uses it instead\n"
"  -d, --drop NAME   also disable a service the knowledge base keeps by\n"
"                    default (dnscache, TermService, sshd...)\n"
"      --no-filter   no closing \"filter what stays\" step\n"
"      --json        a netmin.plan/1 document (doc/json.md)\n"
"\n"
"Nothing is changed: netmin apply PLAN.json executes a plan, netmin undo\n"
"reverses it.  Services the knowledge base marks as staying (the RPC core,\n"
"a file server's LanmanServer, the service carrying a remote session) are\n"
"never disabled silently; the plan says why they stay.\n"
"\n", f);
	nm_os_help(f);
	fputs(
"\n"
"Examples:\n"
"  netmin plan --from w2k-netstat-an.txt --os windows-2000\n"
"  netmin plan --from netstat-ano.txt --from tasklist-svc.txt --keep schedule\n"
"  netmin plan --from ss-tulpn.txt --keep nginx --json > plan.json\n", f);
}

/* Options shared by plan and audit. */
int
nm_plan_options(const char *cmd, int argc, char **argv,
    struct nm_srcopts *so, struct nm_planopts *po, bool *json,
    void (*help)(FILE *))
{
	enum { OPT_JSON = 256, OPT_OS, OPT_KB, OPT_NOFILTER };
	static const struct option opts[] = {
		NM_SRCOPTS_LONG,
		{ "drop", required_argument, NULL, 'd' },
		{ "from", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ "json", no_argument, NULL, OPT_JSON },
		{ "kb", required_argument, NULL, OPT_KB },
		{ "keep", required_argument, NULL, 'k' },
		{ "no-filter", no_argument, NULL, OPT_NOFILTER },
		{ "os", required_argument, NULL, OPT_OS },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	while ((c = getopt_long(argc, argv, "d:f:hk:", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			po->drop = nm_xrealloc(po->drop, po->ndrop + 1,
			    sizeof(*po->drop));
			po->drop[po->ndrop++] = optarg;
			break;
		case 'f':
			nm_srcopts_add_from(so, optarg);
			break;
		case 'h':
			help(stdout);
			return -1;
		case 'k':
			po->keep = nm_xrealloc(po->keep, po->nkeep + 1,
			    sizeof(*po->keep));
			po->keep[po->nkeep++] = optarg;
			break;
		case OPT_JSON:
			*json = true;
			break;
		case OPT_KB:
			nm_srcopts_add_kb(so, optarg);
			break;
		case OPT_NOFILTER:
			po->no_filter = true;
			break;
		case OPT_OS:
			so->os = optarg;
			break;
		default:
			if (nm_srcopts_option(so, c, optarg))
				break;
			return nm_usage_error(cmd, "bad option");
		}
	}
	if (optind < argc)
		return nm_usage_error(cmd, "unexpected argument '%s'",
		    argv[optind]);
	return nm_check_os(cmd, so->os);
}

int
cmd_plan(int argc, char **argv)
{
	struct nm_srcopts so = { 0 };
	struct nm_planopts po = { 0 };
	struct nm_snapshot snap;
	struct nm_kb kb;
	struct nm_plan plan;
	struct nm_error err = { 0 };
	struct nm_buf out = { 0 };
	bool json = false;
	int rc;

	rc = nm_plan_options("plan", argc, argv, &so, &po, &json, usage);
	if (rc != 0)
		goto done;
	if ((rc = nm_load_attributed(&so, &snap, &kb)) != 0) {
		nm_snap_free(&snap);
		nm_kb_free(&kb);
		goto done;
	}
	if (nm_plan_make(&plan, &snap, &kb, &po, &err) != 0) {
		rc = nm_err_exit("plan", &err);
	} else {
		if (json)
			nm_out_plan_json(&plan, &out);
		else
			nm_out_plan_text(&plan, &out);
		nm_write_buf(stdout, &out);
	}
	nm_plan_free(&plan);
	nm_snap_free(&snap);
	nm_kb_free(&kb);
done:
	nm_buf_free(&out);
	free(po.keep);
	free(po.drop);
	nm_srcopts_free(&so);
	return rc < 0 ? NM_EXIT_OK : rc;
}
