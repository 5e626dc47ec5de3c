/*
 * cmd_common.c - what the commands share: messages, exit codes, and
 * loading one snapshot from captures or the live host.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "epm.h"
#include "kb.h"
#include "out.h"
#include "parse.h"

void
nm_msg(const char *fmt, ...)
{
	va_list ap;

	fputs("netmin: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

int
nm_usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;

	fputs("netmin: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry 'netmin %s --help'.\n", cmd);
	return NM_EXIT_USAGE;
}

void
nm_write_buf(FILE *f, const struct nm_buf *b)
{
	if (b->len)
		fwrite(b->s, 1, b->len, f);
	fflush(f);
}

static void
stream_flush(struct nm_buf *b)
{
	if (b->len)
		fwrite(b->s, 1, b->len, (FILE *)b->flush_arg);
	b->len = 0;
	b->s[0] = '\0';
}

/* Output that may be large is written as it is made. */
void
nm_buf_stream(struct nm_buf *b, FILE *f)
{
	b->flush = stream_flush;
	b->flush_arg = f;
}

int
nm_exit_for(const struct nm_error *e)
{
	switch (e->code) {
	case NM_ERR_USAGE:
	case NM_ERR_INPUT:
		return NM_EXIT_USAGE;
	default:
		return NM_EXIT_FAIL;
	}
}

void
nm_srcopts_add_from(struct nm_srcopts *o, const char *path)
{
	o->from = nm_xrealloc(o->from, o->nfrom + 1, sizeof(*o->from));
	o->from[o->nfrom++] = path;
}

bool
nm_srcopts_option(struct nm_srcopts *o, int opt, const char *arg)
{
	switch (opt) {
	case NM_OPT_NETNS:
		o->live.netns = arg;
		return true;
	case NM_OPT_ALL_NETNS:
		o->live.all_netns = true;
		return true;
	case NM_OPT_FROM_DIAG:
		o->live.diag_file = arg;
		return true;
	case NM_OPT_PROC_ROOT:
		o->live.proc_root = arg;
		return true;
	case NM_OPT_ROOT:
		o->live.root = arg;
		return true;
	default:
		return false;
	}
}

void
nm_srcopts_add_rpcdump(struct nm_srcopts *o, const char *host)
{
	o->rpcdump = nm_xrealloc(o->rpcdump, o->nrpcdump + 1,
	    sizeof(*o->rpcdump));
	o->rpcdump[o->nrpcdump++] = host;
}

void
nm_srcopts_free(struct nm_srcopts *o)
{
	free(o->from);
	o->from = NULL;
	o->nfrom = 0;
	free(o->rpcdump);
	o->rpcdump = NULL;
	o->nrpcdump = 0;
	free(o->kbfiles);
	o->kbfiles = NULL;
	o->nkb = 0;
}

/* --rpcdump HOST: ask the host's endpoint mapper now (TCP 135, 5 s). */
static int
load_rpcdump(struct nm_snapshot *snap, const char *host)
{
	struct nm_epm_dump d;
	struct nm_error err = { 0 };
	const char *src;

	memset(&d, 0, sizeof(d));
	if (nm_epm_query(host, 135, 5000, NULL, &d, &err) != 0) {
		nm_msg("rpcdump %s: %s", host, err.msg);
		nm_epm_dump_free(&d);
		return NM_EXIT_FAIL;
	}
	src = nm_snap_add_source(snap, nm_asprintf(&snap->arena,
	    "rpcdump:%s", host));
	nm_rpcev_from_dump(snap, &d, src);
	nm_epm_dump_free(&d);
	return 0;
}

void
nm_srcopts_add_kb(struct nm_srcopts *o, const char *path)
{
	o->kbfiles = nm_xrealloc(o->kbfiles, o->nkb + 1, sizeof(*o->kbfiles));
	o->kbfiles[o->nkb++] = path;
}

/* The built-in knowledge base, then every --kb file (which add or
 * override entries), checked as a whole. */
int
nm_load_kb(const struct nm_srcopts *o, struct nm_kb *kb)
{
	struct nm_error err = { 0 };
	size_t i;

	nm_kb_init(kb);
	if (nm_kb_load_builtin(kb, &err) != 0) {
		nm_msg("built-in knowledge base: %s", err.msg);
		return NM_EXIT_FAIL;
	}
	for (i = 0; i < o->nkb; i++)
		if (nm_kb_load_file(kb, o->kbfiles[i], &err) != 0) {
			nm_msg("%s", err.msg);
			return nm_exit_for(&err);
		}
	if (o->nkb && nm_kb_check(kb, &err) != 0) {
		nm_msg("%s", err.msg);
		return nm_exit_for(&err);
	}
	return 0;
}

/* A library error: usage errors point at --help. */
int
nm_err_exit(const char *cmd, const struct nm_error *e)
{
	if (e->code == NM_ERR_USAGE)
		return nm_usage_error(cmd, "%s", e->msg);
	nm_msg("%s", e->msg);
	return nm_exit_for(e);
}

void
nm_os_help(FILE *f)
{
	int g;

	fputs("OS generations (--os):", f);
	for (g = 0; g < NM_OS__COUNT; g++)
		fprintf(f, "%s%s", g % 4 ? ", " : "\n  ", nm_os_table[g].id);
	fputs("\n  families when the exact release is unknown: windows, "
	    "windows-nt5,\n  windows-nt6, windows-nt10, windows-vista+\n", f);
}

int
nm_check_os(const char *cmd, const char *os)
{
	if (os == NULL || nm_os_mask(os) != 0)
		return 0;
	nm_usage_error(cmd, "unknown OS generation '%s' (windows-2000, "
	    "windows-xp, ..., windows-server-2025, linux)", os);
	return NM_EXIT_USAGE;
}

/* A snapshot with every endpoint attributed (kb, confidence, reason). */
int
nm_load_attributed(const struct nm_srcopts *o, struct nm_snapshot *snap,
    struct nm_kb *kb)
{
	int rc;

	if ((rc = nm_load_kb(o, kb)) != 0) {
		nm_snap_init(snap);
		return rc;
	}
	if ((rc = nm_load_snapshot(o, snap)) != 0)
		return rc;
	nm_attribute(snap, kb);
	return 0;
}

/*
 * Fills snap from every --from file, or from the live host.  Prints the
 * error and returns an exit code on failure, 0 on success; warnings are
 * printed to stderr and kept in the snapshot for JSON.
 */
int
nm_load_snapshot(const struct nm_srcopts *o, struct nm_snapshot *snap)
{
	struct nm_error err = { 0 };
	struct nm_buf wb = { 0 };
	size_t i;

	nm_snap_init(snap);
	if (o->os != NULL) {
		snap->host.os = nm_astrdup(&snap->arena, o->os);
		snap->host.os_reason = "--os";
	}
	if (o->nfrom > 0 && (o->live.netns != NULL || o->live.all_netns ||
	    o->live.diag_file != NULL)) {
		nm_msg("--netns, --all-netns and --from-diag read the live "
		    "host; they do not combine with --from");
		return NM_EXIT_USAGE;
	}
	if (o->live.netns != NULL && o->live.all_netns) {
		nm_msg("--netns and --all-netns exclude each other");
		return NM_EXIT_USAGE;
	}
	if (o->nfrom == 0 && nm_src_live(snap, &o->live, &err) != 0) {
		nm_msg("%s", err.msg);
		return nm_exit_for(&err);
	}
	for (i = 0; i < o->nfrom; i++) {
		if (nm_parse_file(snap, o->from[i], &err) != 0) {
			nm_msg("%s", err.msg);
			return nm_exit_for(&err);
		}
	}
	for (i = 0; i < o->nrpcdump; i++) {
		int rc = load_rpcdump(snap, o->rpcdump[i]);

		if (rc != 0)
			return rc;
	}
	nm_snap_finish(snap);
	nm_out_warnings(snap, &wb);
	nm_write_buf(stderr, &wb);
	nm_buf_free(&wb);
	return 0;
}

/*
 * The live host's TCP connections too (for the lockout guard), attributed,
 * warnings kept in the snapshot rather than printed: the caller reads the
 * same host for its own purpose and has said what was missing.
 */
int
nm_load_connections(const struct nm_live_opts *live, const struct nm_kb *kb,
    struct nm_snapshot *snap, struct nm_error *err)
{
	struct nm_live_opts o = *live;

	nm_snap_init(snap);
	o.all = true;
	o.lazy = false;
	if (nm_src_live(snap, &o, err) != 0)
		return -1;
	nm_snap_finish(snap);
	nm_attribute(snap, kb);
	return 0;
}
