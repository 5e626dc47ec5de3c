/*
 * exec_apply.c - apply and undo under the journal (see exec_apply.h and
 * doc/json.md, netmin.journal/1).
 *
 * Apply, per action (a group of ops): read the prior state of every op of
 * the action and append their "op" records, each synced, before the first
 * of them runs (stopping a socket unit stops its service too, so the
 * service's state must be on disk before the socket's stop); then per op
 * run it and append "done" (or "fail" and stop).  A crash between any two
 * of those steps leaves a journal from which undo restores the host: an
 * op whose record exists is undone whether or not it ran, and undoing an
 * op that changed nothing finds nothing to change.
 *
 * Undo walks the ops backwards and puts each prior state back.  Effects
 * (daemon-reload, restart, update-exim4.conf) are deferred until the file
 * ops before them in their group are restored, then run again so that the
 * daemon reads its old configuration.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compat_fs.h"
#include "exec_apply.h"
#include "netmin.h"

const char *
nm_state_dir(void)
{
	const char *s = getenv("NETMIN_STATE_DIR");

	return s != NULL && s[0] != '\0' ? s : nm_fs_state_dir_default();
}

/* active/NAME holds the journal's path: one file per unfinished journal. */
static char *
active_entry(struct nm_arena *a, const char *state_dir, const char *journal)
{
	const char *b = journal, *p;
	uint32_t h = nm_crc32(journal, strlen(journal));

	/* The base name, after '/' or (Windows paths) '\\' or "C:". */
	for (p = journal; *p; p++)
		if (*p == '/' || *p == '\\' || *p == ':')
			b = p + 1;
	return nm_asprintf(a, "%s/active/%s.%08x", state_dir, b,
	    (unsigned)h);
}

static int
mark_active(struct nm_arena *a, const char *state_dir, const char *journal,
    struct nm_error *err)
{
	char *dir = nm_asprintf(a, "%s/active", state_dir);
	char *path = active_entry(a, state_dir, journal);
	int fd;

	if (nm_fs_mkdirs(dir, 0700, err) != 0)
		return -1;
	if (nm_fs_exists(path))
		return 0;
	fd = nm_fs_open(path, NM_FS_CREATE, 0600, err);
	if (fd < 0)
		return -1;
	if (nm_fs_write_all(fd, journal, strlen(journal), path, err) != 0 ||
	    nm_fs_sync(fd, path, err) != 0) {
		nm_fs_close(fd);
		return -1;
	}
	nm_fs_close(fd);
	return nm_fs_sync_dir_of(path, err);
}

static void
unmark_active(struct nm_arena *a, const char *state_dir, const char *journal)
{
	char *path = active_entry(a, state_dir, journal);

	if (remove(path) == 0)
		nm_fs_sync_dir_of(path, NULL);
}

int
nm_state_unfinished(const char *state_dir, struct nm_arena *a,
    const char ***list, size_t *n, struct nm_error *err)
{
	char *dir = nm_asprintf(a, "%s/active", state_dir);
	DIR *d = opendir(dir);
	struct dirent *de;
	NM_VEC(const char *) v = { 0 };

	(void)err;
	*list = NULL;
	*n = 0;
	if (d == NULL)
		return 0;
	while ((de = readdir(d)) != NULL) {
		char *entry;
		struct nm_buf path = { 0 };
		struct nm_journal_log log;
		struct nm_journal_summary s;
		struct nm_error e2 = { 0 };
		size_t k, last = 0;

		if (de->d_name[0] == '.')
			continue;
		entry = nm_asprintf(a, "%s/%s", dir, de->d_name);
		if (nm_read_file(entry, 8192, &path, &e2) != 0) {
			nm_buf_free(&path);
			continue;
		}
		if (nm_journal_load(&log, path.s, &e2) != 0) {
			*NM_VEC_PUSH(&v) = nm_asprintf(a, "%s (cannot read it: "
			    "%s)", path.s, e2.msg);
			nm_journal_log_free(&log);
			nm_buf_free(&path);
			continue;
		}
		if (nm_journal_summarize(&log, &s, &e2) == 0 &&
		    !nm_journal_unfinished(&s)) {
			remove(entry);		/* stale: it did finish */
		} else {
			/* the ops done before it stopped */
			for (k = 0; k < s.nops && s.ops[k].state ==
			    NM_JOP_DONE; k++)
				;
			last = k;
			if (s.undo != NM_JU_NONE)
				*NM_VEC_PUSH(&v) = nm_asprintf(a, "%s (undo %s)",
				    path.s, nm_jundo_name(s.undo));
			else if (s.apply == NM_JA_FAILED)
				*NM_VEC_PUSH(&v) = nm_asprintf(a, "%s (apply "
				    "failed at op %zu of %lld)", path.s,
				    last + 1, s.planned);
			else
				*NM_VEC_PUSH(&v) = nm_asprintf(a, "%s (apply "
				    "interrupted after op %zu of %lld)", path.s,
				    last, s.planned);
		}
		nm_journal_log_free(&log);
		nm_buf_free(&path);
	}
	closedir(d);
	if (v.n) {
		*list = nm_aalloc(a, v.n * sizeof(**list));
		memcpy(*list, v.v, v.n * sizeof(**list));
		*n = v.n;
	}
	NM_VEC_FREE(&v);
	return 0;
}

int
nm_apply_may_start(const char *state_dir, struct nm_error *err)
{
	struct nm_arena a = { 0 };
	const char **list;
	size_t nl;
	int rc = 0;

	nm_state_unfinished(state_dir, &a, &list, &nl, err);
	if (nl > 0)
		rc = nm_seterr(err, NM_ERR_USAGE, "an earlier apply or undo "
		    "did not finish: %s; run 'netmin undo %.*s' to restore "
		    "the host, or pass --force to apply anyway", list[0],
		    (int)strcspn(list[0], " "), list[0]);
	nm_afree(&a);
	return rc;
}

static int
lock_state(const char *state_dir, struct nm_arena *a, struct nm_error *err)
{
	if (nm_fs_mkdirs(state_dir, 0700, err) != 0)
		return -1;
	return nm_fs_lock(nm_asprintf(a, "%s/lock", state_dir), err);
}

static void
report(nm_apply_cb cb, void *arg, size_t i, size_t n, const struct nm_op *op,
    const char *phase, const char *detail)
{
	if (cb != NULL)
		cb(arg, i, n, op, phase, detail);
}

/* "fail" for op i and "end failed": the apply stops there. */
static void
fail_op(struct nm_journal *j, struct nm_arena *a,
    const struct nm_apply_opts *o, struct nm_op *ops, size_t i, size_t n,
    struct nm_error *err)
{
	struct nm_jrec *r;

	r = nm_jrec_new(a, "fail");
	nm_jrec_int(a, r, "i", (long long)i + 1);
	nm_jrec_str(a, r, "message", err->msg);
	nm_journal_append(j, r, NULL);
	r = nm_jrec_new(a, "end");
	nm_jrec_str(a, r, "result", "failed");
	nm_jrec_str(a, r, "message", err->msg);
	nm_journal_append(j, r, NULL);
	report(o->cb, o->arg, i, n, &ops[i], "fail", err->msg);
}

/*
 * Reads the prior state of every op of the group starting at ops[i] and
 * appends their "op" records (each synced) before any of them runs.  On a
 * read failure nothing of the group has run: "end failed", no op record.
 */
static int
record_group(struct nm_exec_ctx *ctx, struct nm_op *ops, size_t i, size_t n,
    struct nm_journal *j, struct nm_arena *a, const struct nm_apply_opts *o,
    struct nm_error *err)
{
	size_t k, end;
	struct nm_jrec *r;

	for (end = i; end < n && ops[end].group == ops[i].group; end++) {
		if (nm_op_read_prior(ctx, &ops[end], a, err) != 0) {
			r = nm_jrec_new(a, "end");
			nm_jrec_str(a, r, "result", "failed");
			nm_jrec_str(a, r, "message", err->msg);
			nm_journal_append(j, r, NULL);
			report(o->cb, o->arg, end, n, &ops[end], "fail",
			    err->msg);
			return -1;
		}
	}
	for (k = i; k < end; k++) {
		struct nm_buf d = { 0 };

		r = nm_jrec_new(a, "op");
		nm_jrec_int(a, r, "i", (long long)k + 1);
		nm_op_describe(&ops[k], &d);
		nm_jrec_str(a, r, "describe", d.s);
		nm_buf_free(&d);
		nm_op_to_record(a, &ops[k], r);
		if (nm_journal_append(j, r, err) != 0)
			return -1;	/* not recorded: nothing may run */
	}
	return 0;
}

int
nm_apply_run(struct nm_exec_ctx *ctx, struct nm_op *ops, size_t n,
    const struct nm_apply_opts *o, struct nm_error *err)
{
	struct nm_arena a = { 0 };
	struct nm_journal j = { .fd = -1 };
	struct nm_jrec *r;
	char stamp[32];
	int lock, rc = -1;
	size_t i;

	lock = lock_state(o->state_dir, &a, err);
	if (lock < 0)
		goto out;
	if (!o->force && nm_apply_may_start(o->state_dir, err) != 0)
		goto out;
	if (nm_journal_create(&j, o->journal, err) != 0)
		goto out;
	nm_fs_utc_stamp(stamp, sizeof(stamp), false);
	r = nm_jrec_new(&a, "begin");
	nm_jrec_str(&a, r, "schema", NM_JOURNAL_SCHEMA);
	nm_jrec_str(&a, r, "command", "apply");
	nm_jrec_str(&a, r, "netmin", NETMIN_VERSION);
	nm_jrec_str(&a, r, "created", stamp);
	nm_jrec_str(&a, r, "host", o->host);
	nm_jrec_int(&a, r, "pid", nm_fs_pid());
	nm_jrec_str(&a, r, "plan", o->plan);
	nm_jrec_int(&a, r, "ops", (long long)n);
	nm_jrec_str(&a, r, "manager", nm_mgr_name(ctx->mgr));
	if (ctx->root)
		nm_jrec_str(&a, r, "root", ctx->root);
	if (ctx->unit_dir)
		nm_jrec_str(&a, r, "unit_dir", ctx->unit_dir);
	if (ctx->svdir)
		nm_jrec_str(&a, r, "svdir", ctx->svdir);
	if (ctx->svsrc)
		nm_jrec_str(&a, r, "svsrc", ctx->svsrc);
	if (nm_journal_append(&j, r, err) != 0 ||
	    mark_active(&a, o->state_dir, o->journal, err) != 0)
		goto out;

	for (i = 0; i < n; i++) {
		struct nm_op *op = &ops[i];
		struct nm_op now;
		bool noop;

		/*
		 * An action's ops are recorded together before its first op
		 * runs: stopping a socket unit also stops the service it
		 * activates, so the service's state must be in the journal
		 * before the socket's stop, not only before its own op.
		 */
		if ((i == 0 || ops[i - 1].group != op->group) &&
		    record_group(ctx, ops, i, n, &j, &a, o, err) != 0)
			goto out;

		/* What the op finds now decides whether it has work to do. */
		now = *op;
		if (nm_op_read_prior(ctx, &now, &a, err) != 0) {
			fail_op(&j, &a, o, ops, i, n, err);
			goto out;
		}
		noop = nm_op_noop(&now);
		if (!noop && nm_op_do(ctx, op, err) != 0) {
			fail_op(&j, &a, o, ops, i, n, err);
			goto out;
		}
		r = nm_jrec_new(&a, "done");
		nm_jrec_int(&a, r, "i", (long long)i + 1);
		nm_jrec_str(&a, r, "result", noop ? "unchanged" : "ok");
		if (nm_journal_append(&j, r, err) != 0)
			goto out;
		report(o->cb, o->arg, i, n, op, noop ? "skip" : "do", NULL);
		if (o->kill_after > 0 && (size_t)o->kill_after == i + 1)
			nm_fs_die_now();
	}
	r = nm_jrec_new(&a, "end");
	nm_jrec_str(&a, r, "result", "complete");
	if (nm_journal_append(&j, r, err) != 0)
		goto out;
	unmark_active(&a, o->state_dir, o->journal);
	rc = 0;
out:
	nm_journal_close(&j);
	if (lock >= 0)
		nm_fs_unlock(lock);
	nm_afree(&a);
	return rc;
}

static bool
is_file_op(const struct nm_op *op)
{
	return op->kind == NM_OP_FILE_WRITE || op->kind == NM_OP_FILE_REMOVE ||
	    op->kind == NM_OP_MKDIR;
}

struct undo_state {
	struct nm_exec_ctx *ctx;
	struct nm_journal *j;
	struct nm_arena	*a;
	struct nm_undo_result *res;
	nm_apply_cb	 cb;
	void		*arg;
	size_t		 n;
	int		 kill_after;
	size_t		 count;
};

static int
undo_one(struct undo_state *u, size_t i, const struct nm_op *op, bool skip)
{
	struct nm_error e = { 0 };
	struct nm_jrec *r;
	int rc = skip ? 1 : nm_op_undo(u->ctx, op, u->a, &e);

	r = nm_jrec_new(u->a, "undone");
	nm_jrec_int(u->a, r, "i", (long long)i + 1);
	nm_jrec_str(u->a, r, "result", rc < 0 ? "failed" : rc == 1 ?
	    "unchanged" : "restored");
	if (rc < 0) {
		nm_jrec_str(u->a, r, "message", e.msg);
		u->res->failed++;
	} else if (rc == 1) {
		u->res->unchanged++;
	} else {
		u->res->restored++;
	}
	nm_journal_append(u->j, r, NULL);
	report(u->cb, u->arg, i, u->n, op, rc < 0 ? "fail" : rc == 1 ?
	    "skip" : "undo", rc < 0 ? e.msg : NULL);
	u->count++;
	if (u->kill_after > 0 && u->count == (size_t)u->kill_after)
		nm_fs_die_now();
	return rc;
}

/*
 * Effects run again when a file of their group was restored now, or when
 * they may have run and no earlier undo ran them again (it may have died
 * between file and effect).
 */
static void
flush(struct undo_state *u, struct nm_op **pending, size_t *npending,
    struct nm_op *ops, const struct nm_journal_summary *s, bool changed)
{
	size_t k;

	for (k = *npending; k-- > 0;) {
		size_t i = (size_t)(pending[k] - ops);

		undo_one(u, i, pending[k], !changed && (s->ops[i].undone ||
		    s->ops[i].state == NM_JOP_RECORDED));
	}
	*npending = 0;
}

int
nm_undo_run(const char *journal, const char *state_dir, int mgr,
    const char *root, int kill_after, nm_apply_cb cb, void *arg,
    struct nm_undo_result *res, struct nm_error *err)
{
	struct nm_arena a = { 0 };
	struct nm_journal_log log;
	struct nm_journal_summary s;
	struct nm_journal j = { .fd = -1 };
	struct nm_exec_ctx ctx = { 0 };
	struct undo_state u = { 0 };
	struct nm_op *ops = NULL, *pending[64];
	size_t npending = 0, i;
	bool changed = false;
	const char *m, *want_dir;
	int lock, rc = -1, pgroup = -1;
	struct nm_jrec *r;
	char stamp[32];

	memset(res, 0, sizeof(*res));
	memset(&log, 0, sizeof(log));
	lock = lock_state(state_dir, &a, err);
	if (lock < 0)
		goto out;
	if (nm_journal_load(&log, journal, err) != 0 ||
	    nm_journal_summarize(&log, &s, err) != 0)
		goto out;
	res->was_complete = s.undo == NM_JU_COMPLETE;
	m = nm_jrec_gets(s.begin, "manager");
	if (mgr == NM_MGR_NONE && m != NULL && nm_mgr_from_name(m) > 0)
		mgr = nm_mgr_from_name(m);
	if (root == NULL)
		root = nm_jrec_gets(s.begin, "root");
	if (mgr == NM_MGR_NONE && m != NULL && strcmp(m, "none") == 0)
		nm_exec_init_bare(&ctx);	/* nftables only */
	else if (nm_exec_init(&ctx, mgr, root, err) != 0)
		goto out;
	if ((m = nm_jrec_gets(s.begin, "svdir")) != NULL)
		ctx.svdir = m;
	if ((m = nm_jrec_gets(s.begin, "svsrc")) != NULL)
		ctx.svsrc = m;
	want_dir = nm_jrec_gets(s.begin, "unit_dir");
	if (want_dir != NULL && ctx.unit_dir != NULL &&
	    strcmp(want_dir, ctx.unit_dir) != 0) {
		nm_seterr(err, NM_ERR_USAGE, "the journal was written for the "
		    "unit folder %s, but this environment uses %s (for "
		    "systemd-user, set XDG_CONFIG_HOME as during apply)",
		    want_dir, ctx.unit_dir);
		goto out;
	}
	ops = nm_xcalloc(s.nops ? s.nops : 1, sizeof(*ops));
	for (i = 0; i < s.nops; i++) {
		if (s.ops[i].op == NULL)
			continue;
		if (nm_op_from_record(&log.arena, s.ops[i].op, &ops[i],
		    err) != 0)
			goto out;
	}
	if (nm_journal_reopen(&j, journal, err) != 0 ||
	    mark_active(&a, state_dir, journal, err) != 0)
		goto out;
	nm_fs_utc_stamp(stamp, sizeof(stamp), false);
	r = nm_jrec_new(&a, "undo-begin");
	nm_jrec_str(&a, r, "created", stamp);
	nm_jrec_int(&a, r, "pid", nm_fs_pid());
	if (nm_journal_append(&j, r, err) != 0)
		goto out;

	u.ctx = &ctx;
	u.j = &j;
	u.a = &a;
	u.res = res;
	u.cb = cb;
	u.arg = arg;
	u.n = s.nops;
	u.kill_after = kill_after;
	for (i = s.nops; i-- > 0;) {
		struct nm_op *op = &ops[i];

		if (s.ops[i].state == NM_JOP_NONE) {
			res->skipped++;
			continue;
		}
		/* Deferred effects run before a non-file op or a new group. */
		if (npending > 0 && (!is_file_op(op) || op->group != pgroup)) {
			flush(&u, pending, &npending, ops, &s, changed);
			changed = false;
		}
		if (nm_op_is_effect(op)) {
			if (npending < NM_NELEM(pending)) {
				pending[npending++] = op;
				pgroup = op->group;
			}
			continue;
		}
		if (undo_one(&u, i, op, false) == 0)
			changed = true;
	}
	flush(&u, pending, &npending, ops, &s, changed);

	r = nm_jrec_new(&a, "undo-end");
	nm_jrec_str(&a, r, "result", res->failed ? "incomplete" : "complete");
	nm_jrec_int(&a, r, "restored", (long long)res->restored);
	nm_jrec_int(&a, r, "unchanged", (long long)res->unchanged);
	nm_jrec_int(&a, r, "failed", (long long)res->failed);
	if (nm_journal_append(&j, r, err) != 0)
		goto out;
	if (res->failed == 0)
		unmark_active(&a, state_dir, journal);
	rc = res->failed ? -1 : 0;
	if (rc != 0)
		nm_seterr(err, NM_ERR_SYS, "%zu of the recorded changes could "
		    "not be undone (see above); the journal stays active",
		    res->failed);
out:
	free(ops);
	nm_journal_close(&j);
	nm_exec_free(&ctx);
	nm_journal_log_free(&log);
	if (lock >= 0)
		nm_fs_unlock(lock);
	nm_afree(&a);
	return rc;
}
