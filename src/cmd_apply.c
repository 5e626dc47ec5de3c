/*
 * cmd_apply.c - `netmin apply PLAN.json`: turn a plan's actions into
 * executor ops, show them (the default), or run them under a journal
 * (--yes).  Refuses what would lock the user out unless --allow names it.
 * On Linux the ops come from "unit" and "config" actions; in netmin.exe
 * (manager "windows") from "service", "registry" and "netbios" actions
 * (exec_win_plan.c).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "compat_fs.h"
#include "exec_apply.h"
#include "exec_linux.h"
#include "exec_linux_conf.h"
#include "exec_linux_guard.h"
#include "exec_win.h"
#include "fw.h"
#include "json.h"
#include "kb.h"

static void
usage(FILE *f)
{
	fputs("usage: netmin apply PLAN.json [--yes] [--journal FILE]\n"
	    "                    [--manager NAME] [--root DIR] [--allow NAME]...\n"
	    "                    [--force]\n"
	    "       netmin apply RULESET.nft [--yes] [--journal FILE] "
	    "[--allow PORT]...\n"
	    "\n"
	    "Shows, or with --yes makes, the changes of a plan written by\n"
	    "'netmin plan --json' (schema netmin.plan/1) on this host (Linux,\n"
	    "or Windows with netmin.exe).\n"
	    "Without --yes nothing changes: every operation is listed with the\n"
	    "state it finds now and the state it would leave, and file edits\n"
	    "as a diff (exit 1 when something would change, 0 when not).\n"
	    "\n"
	    "With --yes each operation's undo record (enablement links, running\n"
	    "state, file bytes, mode and owner; on Windows the start type,\n"
	    "running state, registry value type and bytes or its absence) is\n"
	    "written to the journal and synced to disk before the operation\n"
	    "runs.  'netmin undo JOURNAL' restores the host exactly, also after\n"
	    "a crash or a failed step.\n"
	    "\n"
	    "  --yes            make the changes (default: dry run)\n"
	    "  --dry-run        show only (the default)\n"
	    "  --journal FILE   where the journal goes (default\n"
	    "                   STATE/journal/apply-TIME-PID.journal)\n"
	    "  --manager NAME   systemd, systemd-user, systemd-offline, sysv,\n"
	    "                   runit, openrc (default: detected)\n"
	    "  --root DIR       an offline tree (systemctl --root): enable and\n"
	    "                   disable only, nothing is stopped\n"
	    "  --allow NAME     let the plan touch NAME although it carries this\n"
	    "                   session or the network (repeatable)\n"
	    "  --force          apply although an earlier journal is unfinished\n"
	    "\n"
	    "Plan actions made on Linux: \"unit\" (stop, then disable or mask\n"
	    "every unit, .socket units first: a listening socket restarts its\n"
	    "service) and \"config\" (a drop-in file, or KEY VALUE / line edits\n"
	    "of a file, then the daemon restarted).  Without systemd the\n"
	    "action's alternative for sysv, runit or openrc names the service.\n"
	    "\n"
	    "On Windows: \"service\" (its running dependants stopped first, then\n"
	    "the service, then its start type set; through the service control\n"
	    "manager), \"registry\" (set, delete, multi-remove, multi-add; keys\n"
	    "created as needed) and \"netbios\" (a value on every adapter key),\n"
	    "through the registry API.  Never stopped unless named with --allow:\n"
	    "TermService in a Remote Desktop session, WinRM under WinRM, sshd\n"
	    "over SSH.  Run it as an administrator.\n"
	    "\n"
	    "A ruleset written by 'netmin firewall --emit nft' is loaded in one\n"
	    "nft -f transaction (all of it or nothing) after the table inet netmin\n"
	    "there now (or its absence) is written to the journal; undo puts that\n"
	    "table back in place, so 'nft list ruleset' reads as before.  The file\n"
	    "may touch no other table.  The lockout guard: apply refuses a\n"
	    "ruleset that does not admit the session you are on (SSH_CONNECTION,\n"
	    "or an established connection to sshd) unless --allow names its\n"
	    "port (22, 22/tcp).\n"
	    "\n"
	    "Examples:\n"
	    "  netmin plan --json > plan.json && netmin apply plan.json\n"
	    "  netmin apply plan.json --yes --journal /root/netmin.journal\n"
	    "  netmin undo /root/netmin.journal\n"
	    "  netmin firewall --keep nginx --emit nft -o fw.nft && "
	    "netmin apply fw.nft --yes\n"
	    "\n"
	    "Environment: NETMIN_STATE_DIR (STATE; default /var/lib/netmin, on\n"
	    "Windows %ProgramData%\\netmin) holds the default journals and the\n"
	    "list of unfinished ones.\n", f);
}

struct build {
	struct nm_arena	 a;
	struct nm_exec_ctx *ctx;
	NM_VEC(struct nm_op) ops;
	NM_VEC(const char *) touched;	/* names the guard must check */
	NM_VEC(int)	 reboot;	/* steps that need a reboot */
	const char	*plan;
	int		 group;
	struct nm_win_build *win;	/* Windows: the action builder */
};

static struct nm_op *
push(struct build *b, int kind, const char *unit, int step, const char *why)
{
	struct nm_op *op = NM_VEC_PUSH(&b->ops);

	memset(op, 0, sizeof(*op));
	op->kind = kind;
	op->unit = unit;
	op->mode = -1;
	op->group = b->group;
	op->step = step;
	op->why = why;
	return op;
}

static const char **
strv(struct build *b, const struct nm_jv *arr, size_t *n, const char *key,
    struct nm_error *err)
{
	const char **v;
	size_t i;

	*n = nm_jv_len(arr);
	v = nm_aalloc(&b->a, (*n ? *n : 1) * sizeof(*v));
	for (i = 0; i < *n; i++) {
		v[i] = nm_jv_str(nm_jv_at(arr, i), NULL);
		if (v[i] == NULL) {
			nm_seterr(err, NM_ERR_INPUT, "%s:%d:%d: \"%s\" must hold "
			    "strings", b->plan, arr->line, arr->col, key);
			return NULL;
		}
	}
	return v;
}

/*
 * ACTION kind "unit": op disable|mask over units[] (sockets included).
 * Without systemd, the alternative for this manager names the service.
 */
static int
unit_action(struct build *b, const struct nm_jv *act, int step,
    const char *why, struct nm_error *err)
{
	const char *op = nm_jv_str(nm_jv_get(act, "op"), "disable");
	const struct nm_jv *alts = nm_jv_get(act, "alternatives");
	const char **units, *mname = nm_mgr_name(b->ctx->mgr);
	size_t n, i, k;
	int second, pass;
	bool systemd = b->ctx->mgr == NM_MGR_SYSTEMD ||
	    b->ctx->mgr == NM_MGR_SYSTEMD_USER ||
	    b->ctx->mgr == NM_MGR_SYSTEMD_OFFLINE;

	if (strcmp(op, "disable") == 0)
		second = NM_OP_UNIT_DISABLE;
	else if (strcmp(op, "mask") == 0)
		second = NM_OP_UNIT_MASK;
	else
		return nm_seterr(err, NM_ERR_INPUT, "%s:%d:%d: unit op \"%s\" "
		    "is not disable or mask", b->plan, act->line, act->col, op);
	units = strv(b, nm_jv_get(act, "units"), &n, "units", err);
	if (units == NULL)
		return -1;
	if (n == 0 && (units[0] = nm_jv_str(nm_jv_get(act, "target"),
	    NULL)) != NULL)
		n = 1;
	if (!systemd) {
		const char *name = NULL;

		for (i = 0; i < nm_jv_len(alts); i++) {
			const struct nm_jv *al = nm_jv_at(alts, i);

			if (strcmp(nm_jv_str(nm_jv_get(al, "manager"), ""),
			    mname) == 0)
				name = nm_jv_str(nm_jv_get(al, "name"), NULL);
		}
		/* else the service unit's name: "exim4.service" -> exim4 */
		for (i = 0; name == NULL && i < n; i++)
			if (nm_endswith(units[i], ".service"))
				name = nm_astrndup(&b->a, units[i],
				    strlen(units[i]) - 8);
		if (name == NULL)
			return nm_seterr(err, NM_ERR_INPUT, "%s:%d:%d: no %s "
			    "name for this action", b->plan, act->line,
			    act->col, mname);
		units[0] = name;
		n = 1;
	}
	for (i = 0; i < n; i++) {
		if (!nm_exec_unit_exists(b->ctx, units[i]))
			return nm_seterr(err, NM_ERR_INPUT, "%s:%d:%d: %s "
			    "\"%s\" does not exist here (%s)", b->plan,
			    act->line, act->col, systemd ? "unit" : "service",
			    units[i], mname);
		*NM_VEC_PUSH(&b->touched) = units[i];
	}
	/* Stop sockets first: a listening socket starts its service again. */
	for (pass = 0; pass < 2; pass++)
		for (k = 0; k < n; k++)
			if (nm_endswith(units[k], ".socket") == (pass == 0))
				push(b, NM_OP_UNIT_STOP, units[k], step, why);
	for (k = 0; k < n; k++)
		push(b, second, units[k], step, why);
	return 0;
}

static int
read_cb(const char *path, struct nm_buf *out, struct nm_error *err)
{
	return nm_read_file(path, 16u << 20, out, err);
}

/* ACTION kind "config": dropin, keyvalue or line edit, then reload. */
static int
config_action(struct build *b, const struct nm_jv *act, int step,
    const char *why, struct nm_error *err)
{
	struct nm_conf_plan cp = { 0 };
	struct nm_conf_action ca = { 0 };
	size_t i;

	cp.a = &b->a;
	cp.systemd = b->ctx->mgr == NM_MGR_SYSTEMD ||
	    b->ctx->mgr == NM_MGR_SYSTEMD_USER ||
	    b->ctx->mgr == NM_MGR_SYSTEMD_OFFLINE;
	cp.group = b->group;
	cp.step = step;
	cp.why = why;
	cp.read = read_cb;
	cp.exists = nm_fs_exists;
	ca.format = nm_jv_str(nm_jv_get(act, "format"), "");
	ca.path = nm_jv_str(nm_jv_get(act, "path"), NULL);
	ca.section = nm_jv_str(nm_jv_get(act, "section"), NULL);
	ca.match = nm_jv_str(nm_jv_get(act, "match"), NULL);
	ca.sep = nm_jv_str(nm_jv_get(act, "sep"), NULL);
	ca.reload = nm_jv_str(nm_jv_get(act, "reload"), NULL);
	ca.settings = strv(b, nm_jv_get(act, "settings"), &ca.nsettings,
	    "settings", err);
	if (ca.settings == NULL)
		return -1;
	if (ca.reload != NULL && !cp.systemd && nm_endswith(ca.reload,
	    ".service"))
		ca.reload = nm_astrndup(&b->a, ca.reload,
		    strlen(ca.reload) - 8);
	if (nm_conf_action_ops(&cp, &ca, err) != 0) {
		char msg[sizeof(err->msg)];

		nm_strlcpy(msg, err->msg, sizeof(msg));
		nm_seterr(err, err->code, "%s:%d:%d: %s", b->plan, act->line,
		    act->col, msg);
		NM_VEC_FREE(&cp.ops);
		return -1;
	}
	if (ca.reload != NULL)
		*NM_VEC_PUSH(&b->touched) = ca.reload;
	for (i = 0; i < cp.ops.n; i++)
		*NM_VEC_PUSH(&b->ops) = cp.ops.v[i];
	NM_VEC_FREE(&cp.ops);
	return 0;
}

/* netmin.plan/1 -> ops, one group per action. */
static int
build_ops(struct build *b, const char *path, const char *const *only_steps,
    struct nm_error *err)
{
	struct nm_buf text = { 0 };
	struct nm_jv *doc, *steps;
	const char *schema, *os;
	size_t i, k;
	int rc = -1;

	(void)only_steps;
	if (nm_read_file(path, NM_JV_MAX_BYTES, &text, err) != 0)
		return -1;
	doc = nm_json_parse(text.s, text.len, &b->a, err);
	if (doc == NULL) {
		char msg[sizeof(err->msg)];

		nm_strlcpy(msg, err->msg, sizeof(msg));
		nm_seterr(err, NM_ERR_INPUT, "%s:%s", path, msg);
		goto out;
	}
	schema = nm_jv_str(nm_jv_get(doc, "schema"), NULL);
	if (schema == NULL || strcmp(schema, "netmin.plan/1") != 0) {
		nm_seterr(err, NM_ERR_INPUT, "%s: not a netmin.plan/1 document "
		    "(\"schema\" is %s%s%s)", path, schema ? "\"" : "",
		    schema ? schema : "missing", schema ? "\"" : "");
		goto out;
	}
	os = nm_jv_str(nm_jv_get(nm_jv_get(doc, "host"), "os"), NULL);
	if (b->win != NULL && os != NULL && !nm_startswith(os, "windows")) {
		nm_seterr(err, NM_ERR_INPUT, "%s: the plan is for %s; netmin.exe "
		    "applies Windows plans", path, os);
		goto out;
	}
	if (b->win == NULL && os != NULL && nm_startswith(os, "windows")) {
		nm_seterr(err, NM_ERR_INPUT, "%s: the plan is for %s; on Linux "
		    "netmin applies Linux plans (emit a script with 'netmin "
		    "plan --emit cmd' for that host)", path, os);
		goto out;
	}
	steps = nm_jv_want(doc, "steps", NM_JV_ARR, err);
	if (steps == NULL) {
		char msg[sizeof(err->msg)];

		nm_strlcpy(msg, err->msg, sizeof(msg));
		nm_seterr(err, NM_ERR_INPUT, "%s:%s", path, msg);
		goto out;
	}
	for (i = 0; i < nm_jv_len(steps); i++) {
		const struct nm_jv *st = nm_jv_at(steps, i);
		const struct nm_jv *acts = nm_jv_get(st, "actions");
		int step = (int)nm_jv_int(nm_jv_get(st, "id"), (long long)i + 1);
		const char *title = nm_jv_str(nm_jv_get(st, "title"), NULL);
		bool reboot = nm_jv_get(st, "reboot") != NULL &&
		    nm_jv_get(st, "reboot")->type == NM_JV_BOOL &&
		    nm_jv_get(st, "reboot")->b;

		for (k = 0; k < nm_jv_len(acts); k++) {
			const struct nm_jv *act = nm_jv_at(acts, k);
			const struct nm_jv *rb = nm_jv_get(act, "reboot");
			const char *kind = nm_jv_str(nm_jv_get(act, "kind"), "");

			b->group++;
			if (rb != NULL && rb->type == NM_JV_BOOL && rb->b)
				reboot = true;
			if (b->win != NULL) {
				b->win->group = b->group;
				if (nm_win_action_ops(b->win, act, step, title,
				    err) != 0)
					goto out;
			} else if (strcmp(kind, "unit") == 0) {
				if (unit_action(b, act, step, title, err) != 0)
					goto out;
			} else if (strcmp(kind, "config") == 0) {
				if (config_action(b, act, step, title, err) != 0)
					goto out;
			} else {
				nm_seterr(err, NM_ERR_INPUT, "%s:%d:%d: action "
				    "kind \"%s\" is not one the Linux executor "
				    "makes (unit, config)%s", path, act->line,
				    act->col, kind, strcmp(kind, "service") == 0 ||
				    strcmp(kind, "registry") == 0 ||
				    strcmp(kind, "netbios") == 0 ? ": it is a "
				    "Windows action" : "");
				goto out;
			}
		}
		if (reboot && nm_jv_len(acts) > 0)
			*NM_VEC_PUSH(&b->reboot) = step;
	}
	if (b->win != NULL)
		for (i = 0; i < b->win->ops.n; i++)
			*NM_VEC_PUSH(&b->ops) = b->win->ops.v[i];
	rc = 0;
out:
	nm_buf_free(&text);
	return rc;
}

/* A line diff (LCS) of small config files for the dry run. */
static void
diff_lines(const char *a, size_t alen, const char *b, size_t blen)
{
	const char *la[4000], *lb[4000];
	size_t na = 0, nb = 0, ea[4000], eb[4000], i, j;
	unsigned short *t;

	for (i = 0; i < alen && na < 4000; na++) {
		la[na] = a + i;
		while (i < alen && a[i] != '\n')
			i++;
		ea[na] = (size_t)(a + i - la[na]);
		i++;
	}
	for (i = 0; i < blen && nb < 4000; nb++) {
		lb[nb] = b + i;
		while (i < blen && b[i] != '\n')
			i++;
		eb[nb] = (size_t)(b + i - lb[nb]);
		i++;
	}
	if (na >= 4000 || nb >= 4000 || (na + 1) * (nb + 1) > (1u << 24)) {
		printf("        (file too large to show a diff)\n");
		return;
	}
	t = nm_xcalloc((na + 1) * (nb + 1), sizeof(*t));
#define T(x, y) t[(x) * (nb + 1) + (y)]
	for (i = na; i-- > 0;)
		for (j = nb; j-- > 0;)
			T(i, j) = (ea[i] == eb[j] &&
			    memcmp(la[i], lb[j], ea[i]) == 0) ?
			    (unsigned short)(T(i + 1, j + 1) + 1) :
			    T(i + 1, j) > T(i, j + 1) ? T(i + 1, j) :
			    T(i, j + 1);
	for (i = 0, j = 0; i < na || j < nb;) {
		if (i < na && j < nb && ea[i] == eb[j] &&
		    memcmp(la[i], lb[j], ea[i]) == 0) {
			i++;
			j++;
		} else if (i < na && (j == nb || T(i + 1, j) >= T(i, j + 1))) {
			/* removed lines first, as diff(1) shows them */
			printf("        - %.*s\n", (int)ea[i], la[i]);
			i++;
		} else {
			printf("        + %.*s\n", (int)eb[j], lb[j]);
			j++;
		}
	}
#undef T
	free(t);
}

/* Windows: the services carrying this session stay unless --allow. */
static int
win_guard(struct build *b, const char *const *allow, size_t nallow)
{
	struct nm_win_guard_facts f;
	struct nm_win_guard g;
	struct nm_error err = { 0 };
	size_t i, k;

	if (nm_win_guard_facts_live(&b->a, &f, &err) != 0)
		nm_msg("note: cannot tell which services carry this session: "
		    "%s", err.msg);
	nm_win_guard_make(&g, &f);
	for (i = 0; i < b->ops.n; i++) {
		const char *name, *why = nm_win_guard_check(&g, &b->ops.v[i],
		    &name);
		bool allowed = false;

		for (k = 0; why != NULL && k < nallow; k++)
			if (nm_streq_ci(allow[k], name))
				allowed = true;
		if (why != NULL && !allowed) {
			struct nm_buf d = { 0 };

			nm_op_describe(&b->ops.v[i], &d);
			nm_msg("refusing to %s: %s; name it with --allow %s if "
			    "you mean it", d.s, why, name);
			nm_buf_free(&d);
			return -1;
		}
	}
	return 0;
}

static void
progress(void *arg, size_t i, size_t n, const struct nm_op *op,
    const char *phase, const char *detail)
{
	struct nm_buf d = { 0 };

	(void)arg;
	nm_op_describe(op, &d);
	if (strcmp(phase, "fail") == 0)
		fprintf(stderr, "netmin: [%zu/%zu] %s: failed: %s\n", i + 1, n,
		    d.s, detail ? detail : "");
	else
		printf("[%zu/%zu] %s%s\n", i + 1, n, d.s,
		    strcmp(phase, "skip") == 0 ? ": already so, unchanged" :
		    ": done");
	fflush(stdout);
	nm_buf_free(&d);
}

/* --allow 22, 22/tcp or tcp/22 names a session's port. */
static bool
allows_port(const char *const *allow, size_t n, int port)
{
	char a[16], b[16], c[16];
	size_t i;

	snprintf(a, sizeof(a), "%d", port);
	snprintf(b, sizeof(b), "%d/tcp", port);
	snprintf(c, sizeof(c), "tcp/%d", port);
	for (i = 0; i < n; i++)
		if (strcmp(allow[i], a) == 0 || strcmp(allow[i], b) == 0 ||
		    strcmp(allow[i], c) == 0)
			return true;
	return false;
}

/*
 * The lockout guard for a ruleset: every session this host has (the live
 * sockets, SSH_CONNECTION) must be admitted by the table, or be named.
 */
static int
guard_ruleset(const char *path, const struct nm_nft_file *file,
    const char *const *allow, size_t nallow)
{
	struct nm_srcopts so = { 0 };
	struct nm_snapshot snap = { 0 };
	struct nm_kb kb = { 0 };
	struct nm_arena a = { 0 };
	struct nm_error err = { 0 };
	struct nm_fw_session *ss;
	size_t nss = 0, i;
	int rc;

	if ((rc = nm_load_kb(&so, &kb)) != 0)
		goto out;
	if (nm_load_connections(&so.live, &kb, &snap, &err) != 0) {
		nm_msg("cannot read this host's connections for the lockout "
		    "guard (%s); nothing was changed", err.msg);
		rc = NM_EXIT_FAIL;
		goto out;
	}
	nm_fw_sessions(&snap, &kb, getenv("SSH_CONNECTION"), &a, &ss, &nss);
	for (i = 0; i < nss; i++) {
		struct nm_buf why = { 0 };
		int r = nm_nft_admits(file, &ss[i], &why);

		if (r == 1 || allows_port(allow, nallow, ss[i].port)) {
			nm_buf_free(&why);
			continue;
		}
		nm_msg("refusing to load %s: %s this session (tcp from %s to "
		    "%s port %d, %s)%s%s; regenerate it with netmin firewall "
		    "(its lockout guard admits the session), or name the port "
		    "with --allow %d/tcp if you mean it", path, r == 0 ?
		    "it does not admit" : "netmin cannot tell whether it admits",
		    ss[i].client, ss[i].server, ss[i].port, ss[i].how,
		    why.len ? ": " : "", why.len ? why.s : "", ss[i].port);
		nm_buf_free(&why);
		rc = NM_EXIT_USAGE;
		goto out;
	}
	rc = 0;
out:
	nm_snap_free(&snap);
	nm_kb_free(&kb);
	nm_afree(&a);
	nm_srcopts_free(&so);
	return rc;
}

static int
apply_ruleset(const char *path, const struct nm_buf *text, bool yes,
    const char *journal, const char *const *allow, size_t nallow, bool force)
{
	struct nm_arena a = { 0 };
	struct nm_exec_ctx ctx;
	struct nm_nft_file file;
	struct nm_error err = { 0 };
	struct nm_apply_opts o = { 0 };
	struct nm_op op;
	struct nm_buf d = { 0 };
	char host[256] = "", stamp[32];
	const char *v;
	int rc;

	nm_exec_init_bare(&ctx);
	if (nm_nft_read(text->s, text->len, path, &a, &file, &err) != 0) {
		nm_msg("%s", err.msg);
		rc = nm_exit_for(&err);
		goto out;
	}
	if ((rc = guard_ruleset(path, &file, allow, nallow)) != 0)
		goto out;
	memset(&op, 0, sizeof(op));
	op.kind = NM_OP_NFT_TABLE;
	op.group = 1;
	op.mode = -1;
	op.data = file.table;
	op.len = file.len;
	op.why = nm_asprintf(&a, "netmin firewall ruleset %s", path);
	if (!yes) {
		if (nm_op_read_prior(&ctx, &op, &a, &err) != 0) {
			nm_msg("%s", err.msg);
			rc = nm_exit_for(&err);
			goto out;
		}
		nm_op_describe(&op, &d);
		printf("netmin apply: dry run of %s (1 operation); nothing "
		    "changes without --yes\n  [1] %s\n", path, d.s);
		diff_lines(op.prior.exists ? op.prior.data : "",
		    op.prior.exists ? op.prior.len : 0, op.data, op.len);
		printf("1 change pending; run again with --yes to make it\n");
		rc = NM_EXIT_FINDINGS;
		goto out;
	}
	nm_fs_hostname(host, sizeof(host));
	o.state_dir = nm_state_dir();
	if (journal == NULL) {
		char *dir = nm_asprintf(&a, "%s/journal", o.state_dir);

		if (nm_fs_mkdirs(dir, 0700, &err) != 0) {
			nm_msg("%s", err.msg);
			rc = NM_EXIT_FAIL;
			goto out;
		}
		nm_fs_utc_stamp(stamp, sizeof(stamp), true);
		journal = nm_asprintf(&a, "%s/apply-%s-%d.journal", dir, stamp,
		    nm_fs_pid());
	}
	if (!force && nm_apply_may_start(o.state_dir, &err) != 0) {
		nm_msg("%s", err.msg);
		rc = NM_EXIT_USAGE;
		goto out;
	}
	o.journal = journal;
	o.plan = path;
	o.host = host;
	o.force = force;
	o.cb = progress;
	if ((v = getenv("NETMIN_TEST_KILL_AFTER")) != NULL)
		o.kill_after = atoi(v);
	printf("netmin apply: 1 operation, journal %s\n", journal);
	fflush(stdout);
	if (nm_apply_run(&ctx, &op, 1, &o, &err) != 0) {
		nm_msg("%s", err.msg);
		if (nm_fs_exists(journal) && err.code != NM_ERR_USAGE)
			nm_msg("'netmin undo %s' puts back what was there",
			    journal);
		rc = err.code == NM_ERR_USAGE ? NM_EXIT_USAGE : NM_EXIT_FAIL;
		goto out;
	}
	printf("netmin apply: done; 'netmin undo %s' reverts it\n", journal);
	rc = NM_EXIT_OK;
out:
	nm_buf_free(&d);
	nm_exec_free(&ctx);
	nm_afree(&a);
	return rc;
}

/* A plan is a JSON object; anything else is read as an nft ruleset. */
static bool
is_ruleset(const char *path, struct nm_buf *text, struct nm_error *err,
    int *rc)
{
	const char *p;

	*rc = 0;
	if (nm_read_file(path, NM_JV_MAX_BYTES, text, err) != 0) {
		*rc = -1;
		return false;
	}
	p = text->s ? nm_skipws(text->s) : "";
	while (*p == '\n' || *p == '\r')
		p = nm_skipws(p + 1);
	if (nm_startswith(p, "\xef\xbb\xbf"))
		p += 3;
	return *p != '{' && *p != '\0';
}

int
cmd_apply(int argc, char **argv)
{
	static const struct option lopts[] = {
		{ "allow", required_argument, NULL, 'a' },
		{ "dry-run", no_argument, NULL, 'n' },
		{ "force", no_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ "journal", required_argument, NULL, 'j' },
		{ "manager", required_argument, NULL, 'm' },
		{ "root", required_argument, NULL, 'r' },
		{ "yes", no_argument, NULL, 'y' },
		{ NULL, 0, NULL, 0 }
	};
	struct build b = { 0 };
	struct nm_exec_ctx ctx = { 0 };
	struct nm_error err = { 0 };
	struct nm_guard guard = { 0 };
	struct nm_apply_opts o = { 0 };
	struct nm_win_build wb = { 0 };
	struct nm_win_host whost;
	NM_VEC(const char *) allow = { 0 };
	const char *journal = NULL, *root = NULL, *plan, *v;
	char host[256] = "", stamp[32];
	int c, mgr = NM_MGR_NONE, rc = NM_EXIT_FAIL;
	bool yes = false, force = false;
	size_t i, k, changes = 0;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "hy", lopts, NULL)) != -1) {
		switch (c) {
		case 'a': *NM_VEC_PUSH(&allow) = optarg; break;
		case 'n': yes = false; break;
		case 'f': force = true; break;
		case 'h': usage(stdout); return NM_EXIT_OK;
		case 'j': journal = optarg; break;
		case 'm':
			if ((mgr = nm_mgr_from_name(optarg)) < 0)
				return nm_usage_error("apply", "unknown service "
				    "manager '%s'", optarg);
			break;
		case 'r': root = optarg; break;
		case 'y': yes = true; break;
		default:
			return nm_usage_error("apply", "unknown option '%s'",
			    argv[optind - 1]);
		}
	}
	if (optind != argc - 1)
		return nm_usage_error("apply", "give one plan file");
	plan = argv[optind];
	{
		struct nm_buf text = { 0 };
		int rrc;

		if (is_ruleset(plan, &text, &err, &rrc)) {
			if (mgr != NM_MGR_NONE || root != NULL)
				rc = nm_usage_error("apply", "--manager and "
				    "--root are for plans, not rulesets");
			else
				rc = apply_ruleset(plan, &text, yes, journal,
				    allow.v, allow.n, force);
			nm_buf_free(&text);
			NM_VEC_FREE(&allow);
			return rc;
		}
		nm_buf_free(&text);
		if (rrc != 0) {
			nm_msg("%s", err.msg);
			NM_VEC_FREE(&allow);
			return nm_exit_for(&err);
		}
	}

	if (nm_exec_init(&ctx, mgr, root, &err) != 0) {
		nm_msg("%s", err.msg);
		NM_VEC_FREE(&allow);
		return nm_exit_for(&err);
	}
	b.ctx = &ctx;
	b.plan = plan;
	if (ctx.mgr == NM_MGR_WINDOWS) {
		nm_win_host_live(&whost);
		wb.a = &b.a;
		wb.host = &whost;
		wb.plan = plan;
		b.win = &wb;
	}
	if (build_ops(&b, plan, NULL, &err) != 0) {
		nm_msg("%s", err.msg);
		rc = nm_exit_for(&err);
		goto out;
	}
	for (i = 0; i < wb.notes.n; i++)
		nm_msg("note: %s", wb.notes.v[i]);

	/* The lockout guard, before anything is shown as doable. */
	if (b.win != NULL) {
		if (win_guard(&b, allow.v, allow.n) != 0) {
			rc = NM_EXIT_USAGE;
			goto out;
		}
	} else {
		nm_guard_scan(&guard, nm_fs_pid(), getenv("SSH_CONNECTION"));
	}
	for (i = 0; b.win == NULL && i < b.touched.n; i++) {
		const char *why = nm_guard_check(&guard, b.touched.v[i]);
		bool allowed = false;

		for (k = 0; k < allow.n; k++)
			if (strcmp(allow.v[k], b.touched.v[i]) == 0)
				allowed = true;
		if (why != NULL && !allowed) {
			nm_msg("refusing to touch %s: %s; name it with --allow "
			    "%s if you mean it", b.touched.v[i], why,
			    b.touched.v[i]);
			rc = NM_EXIT_USAGE;
			goto out;
		}
	}

	if (!yes) {
		printf("netmin apply: dry run of %s (%zu operation%s, manager "
		    "%s); nothing changes without --yes\n", plan, b.ops.n,
		    b.ops.n == 1 ? "" : "s", nm_mgr_name(ctx.mgr));
		for (i = 0; i < b.ops.n; i++) {
			struct nm_op *op = &b.ops.v[i];
			struct nm_buf d = { 0 };
			bool noop;

			if (nm_op_read_prior(&ctx, op, &b.a, &err) != 0) {
				nm_msg("%s", err.msg);
				rc = nm_exit_for(&err);
				goto out;
			}
			noop = nm_op_noop(op);
			nm_op_describe(op, &d);
			printf("  [%zu] %s%s\n", i + 1, d.s, noop ?
			    ": already so, unchanged" : "");
			nm_buf_free(&d);
			if (!noop && !nm_op_is_effect(op))
				changes++;
			if (!noop && op->kind == NM_OP_FILE_WRITE)
				diff_lines(op->prior.data, op->prior.len,
				    op->data, op->len);
		}
		printf("%zu change%s pending; run again with --yes to make "
		    "them\n", changes, changes == 1 ? "" : "s");
		rc = changes ? NM_EXIT_FINDINGS : NM_EXIT_OK;
		goto out;
	}

	nm_fs_hostname(host, sizeof(host));
	o.state_dir = nm_state_dir();
	if (journal == NULL) {
		char *dir = nm_asprintf(&b.a, "%s/journal", o.state_dir);

		if (nm_fs_mkdirs(dir, 0700, &err) != 0) {
			nm_msg("%s", err.msg);
			goto out;
		}
		nm_fs_utc_stamp(stamp, sizeof(stamp), true);
		journal = nm_asprintf(&b.a, "%s/apply-%s-%d.journal", dir,
		    stamp, nm_fs_pid());
	}
	/* Refuse before announcing a journal that will not be written. */
	if (!force && nm_apply_may_start(o.state_dir, &err) != 0) {
		nm_msg("%s", err.msg);
		rc = NM_EXIT_USAGE;
		goto out;
	}
	o.journal = journal;
	o.plan = plan;
	o.host = host;
	o.force = force;
	o.cb = progress;
	if ((v = getenv("NETMIN_TEST_KILL_AFTER")) != NULL)
		o.kill_after = atoi(v);
	printf("netmin apply: %zu operation%s, journal %s\n", b.ops.n,
	    b.ops.n == 1 ? "" : "s", journal);
	fflush(stdout);
	if (nm_apply_run(&ctx, b.ops.v, b.ops.n, &o, &err) != 0) {
		nm_msg("%s", err.msg);
		if (nm_fs_exists(journal) && err.code != NM_ERR_USAGE)
			nm_msg("the host is between states; 'netmin undo %s' "
			    "puts back what was done", journal);
		rc = err.code == NM_ERR_USAGE ? NM_EXIT_USAGE : NM_EXIT_FAIL;
		goto out;
	}
	printf("netmin apply: done; 'netmin undo %s' reverts it\n", journal);
	if (b.reboot.n > 0) {
		printf("netmin apply: reboot for step%s ", b.reboot.n == 1 ?
		    "" : "s");
		for (i = 0; i < b.reboot.n; i++)
			printf("%s%d", i ? ", " : "", b.reboot.v[i]);
		printf(" to take effect\n");
	}
	rc = NM_EXIT_OK;
out:
	nm_win_build_free(&wb);
	NM_VEC_FREE(&b.reboot);
	nm_guard_free(&guard);
	NM_VEC_FREE(&allow);
	NM_VEC_FREE(&b.ops);
	NM_VEC_FREE(&b.touched);
	nm_exec_free(&ctx);
	nm_afree(&b.a);
	return rc;
}
