/*
 * cmd_plan.c - netmin plan: the ordered, reversible steps that close what
 * the host does not need, each with the endpoint table predicted after it.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "emit.h"
#include "kb.h"
#include "out.h"
#include "plan.h"

static void
usage(FILE *f)
{
	fputs(
"usage: netmin plan [--from FILE]... [--os ID] [--kb FILE]...\n"
"                   [--keep NAME|PORT]... [--drop NAME]... [--no-filter]\n"
"                   [--json | --emit cmd|ps1|sh [-o FILE] [--rollback FILE]]\n"
"       netmin plan --plan PLAN.json [--json | --emit ...]\n"
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
"      --plan FILE   use a plan saved with --json instead of planning again\n"
"                    (review it, then emit exactly what was reviewed)\n"
"\n"
"Scripts, for hosts netmin does not run on or admins who want to read\n"
"every line first:\n"
"      --emit FMT    write the plan as a script: cmd (sc, net, reg), ps1\n"
"                    (PowerShell 5.1+) or sh (systemd, OpenRC, runit, SysV)\n"
"  -o, --output FILE the script (default: standard output)\n"
"      --rollback FILE\n"
"                    the matching rollback script (default with -o: FILE\n"
"                    with \"-rollback\" before its extension)\n"
"Before each change the script reads the prior value (start type, state,\n"
"registry value or its absence, unit enablement, file) and saves it in a\n"
"state folder (NETMIN_STATE, default netmin-state next to the script); the\n"
"rollback script restores those values newest first and skips what was\n"
"never reached.  Both stop at the first failure and say which step failed.\n"
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
"  netmin plan --from ss-tulpn.txt --keep nginx --json > plan.json\n"
"  netmin plan --plan plan.json --emit sh -o harden.sh\n"
"  netmin plan --from netstat-ano.txt --emit cmd -o harden.cmd\n", f);
}

/* Options shared by plan and audit. */
int
nm_plan_options(const char *cmd, int argc, char **argv,
    struct nm_srcopts *so, struct nm_planopts *po, bool *json,
    struct nm_emitopts *eo, void (*help)(FILE *))
{
	enum { OPT_JSON = 256, OPT_OS, OPT_KB, OPT_NOFILTER, OPT_EMIT,
	    OPT_ROLLBACK, OPT_PLAN };
	static const struct option opts[] = {
		NM_SRCOPTS_LONG,
		{ "drop", required_argument, NULL, 'd' },
		{ "emit", required_argument, NULL, OPT_EMIT },
		{ "from", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ "json", no_argument, NULL, OPT_JSON },
		{ "kb", required_argument, NULL, OPT_KB },
		{ "keep", required_argument, NULL, 'k' },
		{ "no-filter", no_argument, NULL, OPT_NOFILTER },
		{ "os", required_argument, NULL, OPT_OS },
		{ "output", required_argument, NULL, 'o' },
		{ "plan", required_argument, NULL, OPT_PLAN },
		{ "rollback", required_argument, NULL, OPT_ROLLBACK },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	while ((c = getopt_long(argc, argv, "d:f:hk:o:", opts, NULL)) != -1) {
		if (eo == NULL && (c == 'o' || c == OPT_EMIT ||
		    c == OPT_ROLLBACK || c == OPT_PLAN))
			return nm_usage_error(cmd, "--emit, --output, --rollback "
			    "and --plan belong to netmin plan");
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
		case OPT_EMIT:
			eo->fmt = optarg;
			break;
		case 'o':
			eo->output = optarg;
			break;
		case OPT_ROLLBACK:
			eo->rollback = optarg;
			break;
		case OPT_PLAN:
			eo->plan = optarg;
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

/* The rollback script's default name: "harden.cmd" -> "harden-rollback.cmd". */
static char *
rollback_name_for(const char *output)
{
	const char *base = strrchr(output, '/'), *dot;
	const char *bs = strrchr(output, '\\');
	struct nm_buf b = { 0 };

	if (bs != NULL && (base == NULL || bs > base))
		base = bs;
	base = base ? base + 1 : output;
	dot = strrchr(base, '.');
	if (dot == NULL || dot == base)
		dot = output + strlen(output);
	nm_buf_printf(&b, "%.*s-rollback%s", (int)(dot - output), output, dot);
	return b.s;
}

/* Checks the script options; fills *fmt (-1: no script). */
static int
emit_options(const struct nm_emitopts *eo, const struct nm_srcopts *so,
    const struct nm_planopts *po, bool json, int *fmt)
{
	*fmt = -1;
	if (eo->plan != NULL && (so->nfrom > 0 || po->nkeep > 0 ||
	    po->ndrop > 0 || po->no_filter || so->os != NULL))
		return nm_usage_error("plan", "--plan reads a finished plan; "
		    "--from, --keep, --drop, --os and --no-filter make a new one");
	if (eo->fmt == NULL) {
		if (eo->output != NULL || eo->rollback != NULL)
			return nm_usage_error("plan", "--output and --rollback "
			    "need --emit cmd|ps1|sh");
		return 0;
	}
	if ((*fmt = nm_emit_fmt_from_name(eo->fmt)) < 0)
		return nm_usage_error("plan", "--emit takes cmd, ps1 or sh, "
		    "not '%s'", eo->fmt);
	if (json)
		return nm_usage_error("plan", "--json and --emit are two "
		    "different outputs; choose one");
	if (eo->output == NULL && eo->rollback == NULL)
		return nm_usage_error("plan", "the script goes to standard "
		    "output; name its rollback script with --rollback FILE "
		    "(or write both with -o FILE)");
	if (eo->output != NULL && eo->rollback != NULL &&
	    strcmp(eo->output, eo->rollback) == 0)
		return nm_usage_error("plan", "--output and --rollback name "
		    "the same file");
	return 0;
}

static int
write_file(const char *path, const struct nm_buf *b, struct nm_error *err)
{
	FILE *f = fopen(path, "wb");
	bool ok;

	if (f == NULL)
		return nm_seterr(err, NM_ERR_IO, "%s: %s", path,
		    strerror(errno));
	ok = fwrite(b->s, 1, b->len, f) == b->len;
	if (fclose(f) != 0)
		ok = false;
	if (!ok)
		return nm_seterr(err, NM_ERR_IO, "%s: cannot write: %s", path,
		    strerror(errno));
	return 0;
}

/* Writes the rollback script first: a script without one is never left. */
static int
emit_scripts(const struct nm_plan *plan, int fmt,
    const struct nm_emitopts *eo, struct nm_error *err)
{
	struct nm_buf script = { 0 }, rollback = { 0 };
	char *rbname = eo->rollback ? nm_xstrdup(eo->rollback) :
	    rollback_name_for(eo->output);
	const char *rbbase = strrchr(rbname, '/');
	int rc;

	rbbase = rbbase ? rbbase + 1 : rbname;
	rc = nm_emit(plan, fmt, rbbase, &script, &rollback, err);
	if (rc == 0)
		rc = write_file(rbname, &rollback, err);
	if (rc == 0 && eo->output != NULL)
		rc = write_file(eo->output, &script, err);
	else if (rc == 0)
		nm_write_buf(stdout, &script);
	if (rc == 0)
		nm_msg("plan: wrote %s (%s) and its rollback script %s",
		    eo->output ? eo->output : "the script",
		    nm_emit_fmt_name(fmt), rbname);
	free(rbname);
	nm_buf_free(&script);
	nm_buf_free(&rollback);
	return rc;
}

int
cmd_plan(int argc, char **argv)
{
	struct nm_srcopts so = { 0 };
	struct nm_planopts po = { 0 };
	struct nm_emitopts eo = { 0 };
	struct nm_snapshot snap = { 0 };
	struct nm_kb kb = { 0 };
	struct nm_plan plan = { 0 };
	struct nm_error err = { 0 };
	struct nm_buf out = { 0 };
	bool json = false, have_plan = false;
	int rc, fmt;

	rc = nm_plan_options("plan", argc, argv, &so, &po, &json, &eo, usage);
	if (rc != 0)
		goto done;
	if ((rc = emit_options(&eo, &so, &po, json, &fmt)) != 0)
		goto done;
	if (eo.plan != NULL) {
		if (nm_plan_read_file(&plan, eo.plan, &err) != 0) {
			rc = nm_err_exit("plan", &err);
			goto done;
		}
		have_plan = true;
	} else {
		if ((rc = nm_load_attributed(&so, &snap, &kb)) != 0)
			goto free;
		have_plan = true;
		if (nm_plan_make(&plan, &snap, &kb, &po, &err) != 0) {
			rc = nm_err_exit("plan", &err);
			goto free;
		}
	}
	if (fmt >= 0) {
		if (emit_scripts(&plan, fmt, &eo, &err) != 0)
			rc = nm_err_exit("plan", &err);
	} else {
		if (json)
			nm_out_plan_json(&plan, &out);
		else
			nm_out_plan_text(&plan, &out);
		nm_write_buf(stdout, &out);
	}
free:
	if (have_plan)
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
