/*
 * cmd_audit.c - netmin audit: the main job on one screen.  What listens,
 * what each endpoint is, what the plan would close, what stays and why.
 * Exit 1 when the plan would close or narrow something, 0 when minimal.
 */
#include <stdio.h>
#include <stdlib.h>

#include "cmd.h"
#include "kb.h"
#include "out.h"
#include "plan.h"

static void
usage(FILE *f)
{
	fputs(
"usage: netmin audit [--from FILE]... [--os ID] [--kb FILE]...\n"
"                    [--keep NAME|PORT]... [--drop NAME]... [--json]\n"
"\n"
"What listens, what each endpoint is (and how sure netmin is), what the\n"
"plan would close, and what stays and why, on one screen.  The options\n"
"are netmin plan's; netmin plan shows the commands.\n"
"\n"
"  -f, --from FILE   a capture of the host (repeatable; see netmin list)\n"
"      --os ID       the host's generation (without it netmin guesses)\n"
"      --kb FILE     add or override knowledge-base entries (doc/kb.md)\n"
"  -k, --keep X      keep a service or a port's owner (see netmin plan)\n"
"  -d, --drop NAME   also close a service the knowledge base keeps\n"
"      --json        a netmin.audit/1 document (doc/json.md)\n"
"\n"
"Exit status: 0 when nothing the knowledge base would close is open,\n"
"1 when the plan would close or narrow something (usable in scripts),\n"
"2 for bad options or input, 3 for a runtime failure.\n"
"\n"
"Examples:\n"
"  netmin audit --from netstat-ano.txt --from tasklist-svc.txt\n"
"  netmin audit --from w2k.txt --os windows-2000\n"
"  ssh host 'ss -tulpn' | netmin audit --from - --keep sshd\n", f);
}

int
cmd_audit(int argc, char **argv)
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

	rc = nm_plan_options("audit", argc, argv, &so, &po, &json, NULL,
	    usage);
	if (rc != 0)
		goto done;
	if ((rc = nm_load_attributed(&so, &snap, &kb)) != 0) {
		nm_snap_free(&snap);
		nm_kb_free(&kb);
		goto done;
	}
	if (nm_plan_make(&plan, &snap, &kb, &po, &err) != 0) {
		rc = nm_err_exit("audit", &err);
	} else {
		if (json)
			nm_out_audit_json(&plan, &out);
		else
			nm_out_audit_text(&plan, &kb, &out);
		nm_write_buf(stdout, &out);
		rc = nm_plan_pending(&plan) ? NM_EXIT_FINDINGS : NM_EXIT_OK;
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
