/*
 * exec_win_plan.c - a Windows plan's actions as executor ops (see
 * exec_win.h), the order in which a service's dependants stop, and the
 * lockout guard's rules.  The host is asked through struct nm_win_host,
 * so all of this runs in the unit tests on recorded hosts.
 *
 * A "service" action stops the service's running dependants first (what
 * "net stop /y" does), each recorded with its own state, then the
 * service, then sets its start type; undo runs backwards: start type
 * first, so that StartService is allowed again, then the service, then
 * its dependants.  A "registry" action that writes into a missing key
 * creates the missing keys one level each (so undo deletes exactly
 * those); "netbios" is a registry set on every matching adapter subkey.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "exec_win.h"
#include "plan.h"
#include "src_win.h"

static int
bad(struct nm_win_build *b, const struct nm_jv *v, struct nm_error *err,
    const char *msg)
{
	return nm_seterr(err, NM_ERR_INPUT, "%s:%d:%d: %s", b->plan,
	    v ? v->line : 0, v ? v->col : 0, msg);
}

static struct nm_op *
push(struct nm_win_build *b, int kind, int step, const char *why)
{
	struct nm_op *op = NM_VEC_PUSH(&b->ops);

	memset(op, 0, sizeof(*op));
	op->kind = kind;
	op->mode = -1;
	op->group = b->group;
	op->step = step;
	op->why = why;
	return op;
}

/* ---- dependants ---------------------------------------------------------- */

static const struct nm_win_svcinfo *
find(const struct nm_win_svcinfo *v, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (nm_streq_ci(v[i].name, name))
			return &v[i];
	return NULL;
}

static bool
depends_on(const struct nm_win_svcinfo *s, const struct nm_win_svcinfo *t)
{
	size_t i;

	for (i = 0; i < s->ndepends; i++) {
		const char *d = s->depends[i];

		if (d[0] == '+' ? t->group != NULL && t->group[0] != '\0' &&
		    nm_streq_ci(d + 1, t->group) : nm_streq_ci(d, t->name))
			return true;
	}
	return false;
}

struct walk {
	const struct nm_win_svcinfo *v;
	size_t		 n;
	uint8_t		*mark;		/* 0 new, 1 on the path, 2 done */
	NM_VEC(size_t)	 order;
};

/* Post-order: a service comes after everything that depends on it. */
static void
visit(struct walk *w, size_t t, int depth)
{
	size_t i;

	w->mark[t] = 1;
	for (i = 0; i < w->n && depth < 64; i++)
		if (w->mark[i] == 0 && depends_on(&w->v[i], &w->v[t]))
			visit(w, i, depth + 1);
	w->mark[t] = 2;
	*NM_VEC_PUSH(&w->order) = t;
}

void
nm_win_dependants(const struct nm_win_svcinfo *v, size_t n, const char *name,
    struct nm_arena *a, const char ***out, size_t *nout)
{
	const struct nm_win_svcinfo *t = find(v, n, name);
	struct walk w = { .v = v, .n = n };
	size_t i, k = 0;

	*out = NULL;
	*nout = 0;
	if (t == NULL)
		return;
	w.mark = nm_xcalloc(n ? n : 1, 1);
	visit(&w, (size_t)(t - v), 0);
	*out = nm_aalloc(a, (w.order.n ? w.order.n : 1) * sizeof(**out));
	for (i = 0; i < w.order.n; i++) {
		const struct nm_win_svcinfo *s = &v[w.order.v[i]];

		if (s == t || s->state == 1 /* stopped */)
			continue;
		(*out)[k++] = s->name;
	}
	*nout = k;
	free(w.mark);
	NM_VEC_FREE(&w.order);
}

/* ---- service actions ------------------------------------------------------ */

static int
load_services(struct nm_win_build *b, struct nm_error *err)
{
	if (b->have_svcs)
		return 0;
	if (b->host->services(b->host->arg, b->a, &b->svcs, &b->nsvcs,
	    err) != 0)
		return -1;
	b->have_svcs = true;
	return 0;
}

static bool
listed(const char *const *v, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (nm_streq_ci(v[i], name))
			return true;
	return false;
}

static int
service_action(struct nm_win_build *b, const struct nm_jv *act, int step,
    const char *why, struct nm_error *err)
{
	const struct nm_jv *jname = nm_jv_get(act, "service");
	const struct nm_jv *jstart = nm_jv_get(act, "start");
	const struct nm_jv *jdeps = nm_jv_get(act, "dependants");
	const char *name = nm_jv_str(jname, NULL);
	const char *start = nm_jv_str(jstart, NULL);
	bool stop = nm_jv_get(act, "stop") != NULL &&
	    nm_jv_get(act, "stop")->type == NM_JV_BOOL &&
	    nm_jv_get(act, "stop")->b;
	const struct nm_win_svcinfo *s;
	const char **deps = NULL, **order;
	size_t ndeps = 0, norder = 0, i, ins = 0;
	NM_VEC(const char *) stops = { 0 };
	int code = -1;
	struct nm_op *op;

	if (name == NULL || name[0] == '\0')
		return bad(b, act, err, "a service action needs \"service\"");
	if (start != NULL && (code = nm_win_start_from_name(start)) < 0)
		return bad(b, jstart, err, nm_asprintf(b->a, "unknown start "
		    "type \"%s\" (boot, system, auto, demand, disabled)",
		    start));
	if (start == NULL && !stop)
		return bad(b, act, err, nm_asprintf(b->a, "the action for %s "
		    "changes nothing (no \"start\", \"stop\" false)", name));
	if (load_services(b, err) != 0)
		return -1;
	if ((s = find(b->svcs, b->nsvcs, name)) == NULL)
		return bad(b, jname, err, nm_asprintf(b->a, "service \"%s\" is "
		    "not installed here", name));
	name = s->name;
	if (stop) {
		/*
		 * Windows' own list first (it knows every kind of
		 * dependency), then what the services' configurations say
		 * (wine has no EnumDependentServices), then the plan's.
		 */
		if (b->host->dependants(b->host->arg, name, b->a, &deps,
		    &ndeps, err) != 0)
			return -1;
		nm_win_dependants(b->svcs, b->nsvcs, name, b->a, &order,
		    &norder);
		for (i = 0; i < ndeps; i++)
			if (!listed(order, norder, deps[i]))
				*NM_VEC_PUSH(&stops) = deps[i];
		for (i = 0; i < norder; i++)
			*NM_VEC_PUSH(&stops) = order[i];
		for (i = 0; i < nm_jv_len(jdeps); i++) {
			const char *d = nm_jv_str(nm_jv_at(jdeps, i), NULL);
			const struct nm_win_svcinfo *ds;

			if (d == NULL || (ds = find(b->svcs, b->nsvcs, d)) ==
			    NULL || ds->state == 1 || listed(stops.v, stops.n,
			    ds->name) || nm_streq_ci(ds->name, name))
				continue;
			/* before the others, in the plan's order: nothing
			   known depends on them */
			*NM_VEC_PUSH(&stops) = ds->name;
			memmove(stops.v + ins + 1, stops.v + ins, (stops.n - 1 -
			    ins) * sizeof(*stops.v));
			stops.v[ins++] = ds->name;
		}
		for (i = 0; i < stops.n; i++) {
			op = push(b, NM_OP_SVC_STOP, step, why);
			op->service = stops.v[i];
			op->of = name;
		}
		op = push(b, NM_OP_SVC_STOP, step, why);
		op->service = name;
	}
	if (start != NULL) {
		op = push(b, NM_OP_SVC_START_TYPE, step, why);
		op->service = name;
		op->start = (uint32_t)code;
	}
	NM_VEC_FREE(&stops);
	return 0;
}

/* ---- registry actions ----------------------------------------------------- */

/* Creates every missing key of the path, shallowest first. */
static int
key_ops(struct nm_win_build *b, const char *key, int step, const char *why,
    struct nm_error *err)
{
	const char *sub, *p;
	bool exists = true;

	nm_win_hive(key, &sub);
	for (p = sub; p != NULL && *p; ) {
		const char *next = strchr(p, '\\');
		size_t n = next ? (size_t)(next - key) : strlen(key);
		char *k = nm_astrndup(b->a, key, n);

		if (exists && b->host->key_exists(b->host->arg, k, &exists,
		    err) != 0)
			return -1;
		if (!exists && !listed(b->newkeys.v, b->newkeys.n, k)) {
			struct nm_op *op = push(b, NM_OP_REG_KEY_CREATE, step,
			    why);

			op->key = k;
			*NM_VEC_PUSH(&b->newkeys) = k;
		}
		p = next ? next + 1 : NULL;
	}
	return 0;
}

static const char *const reg_ops[] = { "set", "delete", "multi-remove",
    "multi-add" };

static int
registry_action(struct nm_win_build *b, const struct nm_jv *act, bool netbios,
    int step, const char *why, struct nm_error *err)
{
	const struct nm_jv *jkey = nm_jv_get(act, "key");
	const struct nm_jv *jtype = nm_jv_get(act, "type");
	const struct nm_jv *jdata = nm_jv_get(act, "data");
	const char *opname = nm_jv_str(nm_jv_get(act, "op"), "set");
	const char *key = nm_jv_str(jkey, NULL);
	const char *value = nm_jv_str(nm_jv_get(act, "value"), NULL);
	const char *type = nm_jv_str(jtype, NULL);
	const char *data = nm_jv_str(jdata, NULL);
	const char *sub, **keys = NULL;
	char *bytes = NULL;
	size_t len = 0, nkeys = 1, i;
	int opi, t = -1;
	struct nm_error e2 = { 0 };

	for (opi = 0; opi < (int)NM_NELEM(reg_ops); opi++)
		if (strcmp(opname, reg_ops[opi]) == 0)
			break;
	if (opi == (int)NM_NELEM(reg_ops))
		return bad(b, nm_jv_get(act, "op"), err, nm_asprintf(b->a,
		    "unknown registry op \"%s\" (set, delete, multi-remove, "
		    "multi-add)", opname));
	if (key == NULL || nm_win_hive(key, &sub) == NM_HIVE_NONE ||
	    sub[0] == '\0')
		return bad(b, jkey ? jkey : act, err, nm_asprintf(b->a,
		    "\"key\" must be a full registry path such as "
		    "HKLM\\SOFTWARE\\...%s%s%s", key ? " (not \"" : "",
		    key ? key : "", key ? "\")" : ""));
	if (value == NULL)
		return bad(b, act, err, "a registry action needs \"value\" "
		    "(\"\" for the key's default value)");
	if (opi == NM_REG_SET) {
		if (type == NULL || (t = nm_win_reg_type_from_name(type)) < 0)
			return bad(b, jtype ? jtype : act, err, nm_asprintf(b->a,
			    "a registry set needs \"type\" (REG_DWORD, REG_SZ, "
			    "REG_EXPAND_SZ, REG_MULTI_SZ, REG_QWORD, "
			    "REG_BINARY)%s%s%s", type ? ", not \"" : "",
			    type ? type : "", type ? "\"" : ""));
		if (nm_win_reg_encode(b->a, (uint32_t)t, data, &bytes, &len,
		    &e2) != 0)
			return bad(b, jdata ? jdata : act, err, nm_asprintf(b->a,
			    "%s\\%s: %s", key, value, e2.msg));
	} else if (opi != NM_REG_DELETE) {
		if (data == NULL || data[0] == '\0' || strchr(data, '\n'))
			return bad(b, jdata ? jdata : act, err, "a multi-string "
			    "edit takes one item in \"data\"");
		if (type != NULL && nm_win_reg_type_from_name(type) !=
		    NM_REG_MULTI_SZ)
			return bad(b, jtype, err, "a multi-string edit is for "
			    "REG_MULTI_SZ values");
	}
	if (netbios) {
		const char *pat = nm_jv_str(nm_jv_get(act, "subkeys"), "*");
		const char **all;
		size_t nall, plen = strcspn(pat, "*");

		if (strchr(pat, '*') != NULL && pat[plen + 1] != '\0')
			return bad(b, nm_jv_get(act, "subkeys"), err, "\"subkeys\" "
			    "is a name or a prefix followed by one '*'");
		if (b->host->subkeys(b->host->arg, key, b->a, &all, &nall,
		    err) != 0)
			return -1;
		keys = nm_aalloc(b->a, (nall ? nall : 1) * sizeof(*keys));
		nkeys = 0;
		for (i = 0; i < nall; i++)
			if (strchr(pat, '*') ? nm_strneq_ci(all[i], pat, plen) :
			    nm_streq_ci(all[i], pat))
				keys[nkeys++] = nm_asprintf(b->a, "%s\\%s", key,
				    all[i]);
		if (nkeys == 0)
			*NM_VEC_PUSH(&b->notes) = nm_asprintf(b->a, "%s:%d:%d: "
			    "no subkey of %s matches %s: nothing to change "
			    "there", b->plan, act->line, act->col, key, pat);
	} else {
		keys = nm_aalloc(b->a, sizeof(*keys));
		keys[0] = key;
	}
	for (i = 0; i < nkeys; i++) {
		struct nm_op *op;

		if ((opi == NM_REG_SET || opi == NM_REG_MULTI_ADD) && !netbios &&
		    key_ops(b, keys[i], step, why, err) != 0)
			return -1;
		op = push(b, opi == NM_REG_SET ? NM_OP_REG_SET :
		    opi == NM_REG_DELETE ? NM_OP_REG_DELETE :
		    opi == NM_REG_MULTI_REMOVE ? NM_OP_REG_MULTI_REMOVE :
		    NM_OP_REG_MULTI_ADD, step, why);
		op->key = keys[i];
		op->value = value;
		if (opi == NM_REG_SET) {
			op->type = (uint32_t)t;
			op->data = bytes;
			op->len = len;
		} else if (opi != NM_REG_DELETE) {
			op->data = data;
			op->len = strlen(data);
		}
	}
	return 0;
}

int
nm_win_action_ops(struct nm_win_build *b, const struct nm_jv *act, int step,
    const char *why, struct nm_error *err)
{
	const char *kind = nm_jv_str(nm_jv_get(act, "kind"), "");

	if (act == NULL || act->type != NM_JV_OBJ)
		return bad(b, act, err, "an action must be an object");
	if (strcmp(kind, "service") == 0)
		return service_action(b, act, step, why, err);
	if (strcmp(kind, "registry") == 0)
		return registry_action(b, act, false, step, why, err);
	if (strcmp(kind, "netbios") == 0)
		return registry_action(b, act, true, step, why, err);
	if (strcmp(kind, "command") == 0)
		return bad(b, act, err, "netmin does not run \"command\" "
		    "actions on Windows (it changes services and the registry "
		    "through their APIs); write the plan as a script with "
		    "'netmin plan --plan PLAN --emit cmd'");
	if (strcmp(kind, "filter") == 0)
		return bad(b, act, err, "a \"filter\" action is advice for a "
		    "firewall, not a change apply makes; make the plan with "
		    "--no-filter");
	if (strcmp(kind, "unit") == 0 || strcmp(kind, "config") == 0)
		return bad(b, act, err, nm_asprintf(b->a, "action kind \"%s\" "
		    "is a Linux action; netmin.exe makes service, registry "
		    "and netbios actions", kind));
	return bad(b, act, err, nm_asprintf(b->a, "unknown action kind "
	    "\"%s\"", kind));
}

void
nm_win_build_free(struct nm_win_build *b)
{
	NM_VEC_FREE(&b->ops);
	NM_VEC_FREE(&b->notes);
	NM_VEC_FREE(&b->newkeys);
}

/* ---- the lockout guard ---------------------------------------------------- */

static void
guard_add(struct nm_win_guard *g, const char *service, const char *why)
{
	size_t i;

	for (i = 0; i < g->n; i++)
		if (nm_streq_ci(g->v[i].service, service))
			return;
	if (g->n == NM_NELEM(g->v))
		return;
	g->v[g->n].service = service;
	nm_strlcpy(g->v[g->n].why, why, sizeof(g->v[g->n].why));
	g->n++;
}

void
nm_win_guard_make(struct nm_win_guard *g, const struct nm_win_guard_facts *f)
{
	size_t i;
	char why[200];

	memset(g, 0, sizeof(*g));
	if (f->rdp)
		guard_add(g, "TermService", "this is a Remote Desktop "
		    "session (SM_REMOTESESSION)");
	for (i = 0; i < f->nancestors; i++) {
		const char *im = f->ancestors[i];

		if (nm_streq_ci(im, "wsmprovhost.exe") ||
		    nm_streq_ci(im, "winrshost.exe")) {
			snprintf(why, sizeof(why), "this session runs under "
			    "WinRM (%s is an ancestor of netmin)", im);
			guard_add(g, "WinRM", why);
		}
		if (nm_streq_ci(im, "sshd.exe")) {
			snprintf(why, sizeof(why), "this session came in "
			    "over SSH (sshd.exe is an ancestor of netmin)");
			guard_add(g, "sshd", why);
		}
	}
	if (f->ssh != NULL) {
		snprintf(why, sizeof(why), "this session came in over SSH "
		    "(SSH_CONNECTION=%.120s)", f->ssh);
		guard_add(g, "sshd", why);
	}
}

static const char *
guarded(const struct nm_win_guard *g, const char *service)
{
	size_t i;

	for (i = 0; service != NULL && i < g->n; i++)
		if (nm_streq_ci(g->v[i].service, service))
			return g->v[i].why;
	return NULL;
}

const char *
nm_win_guard_check(const struct nm_win_guard *g, const struct nm_op *op,
    const char **name)
{
	static const char svckey[] = "\\SYSTEM\\CurrentControlSet\\Services\\";
	const char *sub, *why;

	*name = NULL;
	if (op->kind == NM_OP_SVC_STOP || op->kind == NM_OP_SVC_START_TYPE) {
		*name = op->service;
		return guarded(g, op->service);
	}
	if (op->kind == NM_OP_REG_KEY_CREATE || !nm_win_op_is(op->kind) ||
	    nm_win_hive(op->key, &sub) != NM_HIVE_HKLM)
		return NULL;
	/* HKLM\SYSTEM\CurrentControlSet\Services\NAME\Start */
	if (nm_strneq_ci(sub, svckey + 1, sizeof(svckey) - 2) &&
	    strchr(sub + sizeof(svckey) - 2, '\\') == NULL &&
	    op->value != NULL && nm_streq_ci(op->value, "Start")) {
		const char *svc = sub + sizeof(svckey) - 2;

		size_t i;

		for (i = 0; i < g->n; i++)
			if (nm_streq_ci(g->v[i].service, svc)) {
				*name = g->v[i].service;
				return g->v[i].why;
			}
		return NULL;
	}
	/* Remote Desktop refuses connections with fDenyTSConnections. */
	if (op->value != NULL && nm_streq_ci(op->value,
	    "fDenyTSConnections") && nm_endswith(sub, "\\Terminal Server") &&
	    (why = guarded(g, "TermService")) != NULL) {
		*name = "TermService";
		return why;
	}
	return NULL;
}
