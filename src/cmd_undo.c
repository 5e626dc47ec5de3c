/*
 * cmd_undo.c - `netmin undo JOURNAL`: put the host back as the journal
 * recorded it before apply, in reverse order; safe to run again.
 * `--status` only reports what the journal says.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "exec_apply.h"
#include "exec_linux.h"
#include "journal.h"

static void
usage(FILE *f)
{
	fputs("usage: netmin undo JOURNAL [--manager NAME] [--root DIR]\n"
	    "       netmin undo --status JOURNAL\n"
	    "       netmin undo --list\n"
	    "\n"
	    "Restores what 'netmin apply --yes' changed, from the journal it\n"
	    "wrote: enablement links, running state, file bytes, modes and\n"
	    "owners (on Windows: start types, running state, registry values\n"
	    "byte for byte, or their absence, and the keys apply created), last\n"
	    "change first.  It works on a journal cut short by a\n"
	    "crash or a failed step, and running it again changes nothing\n"
	    "(each operation first checks whether the prior state is back).\n"
	    "\n"
	    "  --status     print what the journal says happened, change nothing\n"
	    "  --list       the unfinished journals of this host\n"
	    "  --manager    service manager, when not the one the journal names\n"
	    "  --root DIR   the offline tree the journal's apply used\n"
	    "\n"
	    "Exit status: 0 restored (or nothing to restore), 3 when some\n"
	    "change could not be undone (the journal stays listed as\n"
	    "unfinished; fix the cause and run undo again).\n", f);
}

static void
progress(void *arg, size_t i, size_t n, const struct nm_op *op,
    const char *phase, const char *detail)
{
	struct nm_buf d = { 0 };

	(void)arg;
	(void)n;
	nm_op_describe(op, &d);
	if (strcmp(phase, "fail") == 0)
		fprintf(stderr, "netmin: undo op %zu (%s): %s\n", i + 1, d.s,
		    detail ? detail : "");
	else
		printf("undo op %zu: %s: %s\n", i + 1, d.s,
		    strcmp(phase, "skip") == 0 ? "already as before" :
		    "restored");
	fflush(stdout);
	nm_buf_free(&d);
}

static int
status(const char *path)
{
	struct nm_journal_log log;
	struct nm_journal_summary s;
	struct nm_error err = { 0 };
	size_t i;
	int rc = NM_EXIT_OK;

	if (nm_journal_load(&log, path, &err) != 0 ||
	    nm_journal_summarize(&log, &s, &err) != 0) {
		nm_msg("%s", err.msg);
		nm_journal_log_free(&log);
		return nm_exit_for(&err);
	}
	printf("journal %s\n", path);
	printf("apply: %s, %zu of %lld operations recorded\n",
	    nm_japply_name(s.apply), s.nops, s.planned);
	printf("undo: %s\n", nm_jundo_name(s.undo));
	if (log.nbad)
		printf("damaged or torn lines skipped: %zu (first at line %d)\n",
		    log.nbad, log.first_bad);
	for (i = 0; i < s.nops; i++) {
		const struct nm_jop *op = &s.ops[i];
		static const char *const st[] = { "not started", "started",
		    "done", "failed", "not run" };
		const char *d = op->op ? nm_jrec_gets(op->op, "describe") :
		    NULL;

		printf("  %zu %-11s %s%s%s\n", i + 1, st[op->state],
		    d ? d : "",
		    op->undone ? " [undone]" : "",
		    op->fail_msg ? "" : "");
		if (op->fail_msg)
			printf("      error: %s\n", op->fail_msg);
	}
	printf("unfinished: %s\n", nm_journal_unfinished(&s) ? "yes" : "no");
	nm_journal_log_free(&log);
	return rc;
}

int
cmd_undo(int argc, char **argv)
{
	static const struct option lopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "list", no_argument, NULL, 'l' },
		{ "manager", required_argument, NULL, 'm' },
		{ "root", required_argument, NULL, 'r' },
		{ "status", no_argument, NULL, 's' },
		{ NULL, 0, NULL, 0 }
	};
	struct nm_error err = { 0 };
	struct nm_undo_result res;
	const char *root = NULL, *v;
	int c, mgr = NM_MGR_NONE, kill_after = 0;
	bool show = false, list = false;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "h", lopts, NULL)) != -1) {
		switch (c) {
		case 'h': usage(stdout); return NM_EXIT_OK;
		case 'l': list = true; break;
		case 'm':
			if ((mgr = nm_mgr_from_name(optarg)) < 0)
				return nm_usage_error("undo", "unknown service "
				    "manager '%s'", optarg);
			break;
		case 'r': root = optarg; break;
		case 's': show = true; break;
		default:
			return nm_usage_error("undo", "unknown option '%s'",
			    argv[optind - 1]);
		}
	}
	if (list) {
		struct nm_arena a = { 0 };
		const char **l;
		size_t n, i;

		nm_state_unfinished(nm_state_dir(), &a, &l, &n, &err);
		for (i = 0; i < n; i++)
			printf("%s\n", l[i]);
		if (n == 0)
			printf("no unfinished journals in %s\n",
			    nm_state_dir());
		nm_afree(&a);
		return n ? NM_EXIT_FINDINGS : NM_EXIT_OK;
	}
	if (optind != argc - 1)
		return nm_usage_error("undo", "give one journal file");
	if (show)
		return status(argv[optind]);
	if ((v = getenv("NETMIN_TEST_KILL_UNDO_AFTER")) != NULL)
		kill_after = atoi(v);
	if (nm_undo_run(argv[optind], nm_state_dir(), mgr, root, kill_after,
	    progress, NULL, &res, &err) != 0) {
		nm_msg("%s", err.msg);
		return err.code == NM_ERR_INPUT || err.code == NM_ERR_USAGE ?
		    NM_EXIT_USAGE : NM_EXIT_FAIL;
	}
	if (res.restored == 0)
		printf("netmin undo: nothing to restore: the host is as the "
		    "journal found it (%zu operation%s checked)\n",
		    res.unchanged, res.unchanged == 1 ? "" : "s");
	else
		printf("netmin undo: restored %zu operation%s (%zu already as "
		    "before)\n", res.restored, res.restored == 1 ? "" : "s",
		    res.unchanged);
	return NM_EXIT_OK;
}
