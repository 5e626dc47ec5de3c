/*
 * plan_read.c - a netmin.plan/1 document read back into struct nm_plan, so
 * that apply, undo, verify, the script emitters and the firewall work from
 * exactly the plan a person reviewed.  The reader mirrors out_plan.c key
 * for key; reading what out_plan.c wrote and writing it again gives the
 * same document.  Unknown keys are ignored (later versions add keys), a
 * wrong type or an unknown name is an error with the value's line:column.
 */
#include <stdio.h>
#include <string.h>

#include "json.h"
#include "plan.h"

struct rd {
	struct nm_plan	*p;
	const char	*name;		/* file name for messages */
	struct nm_error	*err;
};

static int
bad(struct rd *r, const struct nm_jv *v, const char *fmt, const char *what)
{
	char msg[256];

	snprintf(msg, sizeof(msg), fmt, what);
	return nm_seterr(r->err, NM_ERR_INPUT, "%s:%d:%d: %s", r->name,
	    v ? v->line : 0, v ? v->col : 0, msg);
}

/* A string member or NULL; a present non-string, non-null is an error. */
static int
str(struct rd *r, const struct nm_jv *o, const char *key, const char **out)
{
	const struct nm_jv *v = nm_jv_get(o, key);

	*out = NULL;
	if (v == NULL || nm_jv_is_null(v))
		return 0;
	if (!nm_jv_is(v, NM_JV_STR) || nm_jv_str(v, NULL) == NULL)
		return bad(r, v, "\"%s\" must be a string", key);
	*out = nm_astrdup(&r->p->arena, v->s);
	return 0;
}

static int
boolean(struct rd *r, const struct nm_jv *o, const char *key, bool *out)
{
	const struct nm_jv *v = nm_jv_get(o, key);

	*out = false;
	if (v == NULL || nm_jv_is_null(v))
		return 0;
	if (!nm_jv_is(v, NM_JV_BOOL))
		return bad(r, v, "\"%s\" must be true or false", key);
	*out = v->b;
	return 0;
}

static int
integer(struct rd *r, const struct nm_jv *o, const char *key, long long min,
    long long max, long long def, long long *out)
{
	const struct nm_jv *v = nm_jv_get(o, key);

	*out = def;
	if (v == NULL || nm_jv_is_null(v))
		return 0;
	if (!nm_jv_is(v, NM_JV_NUM) || !v->is_int || v->i < min || v->i > max)
		return bad(r, v, "\"%s\" must be a whole number in range", key);
	*out = v->i;
	return 0;
}

static int
strv(struct rd *r, const struct nm_jv *o, const char *key, const char ***v,
    size_t *n)
{
	const struct nm_jv *a = nm_jv_get(o, key);
	size_t i;

	*v = NULL;
	*n = 0;
	if (a == NULL || nm_jv_is_null(a))
		return 0;
	if (!nm_jv_is(a, NM_JV_ARR))
		return bad(r, a, "\"%s\" must be an array of strings", key);
	for (i = 0; i < nm_jv_len(a); i++) {
		const struct nm_jv *s = nm_jv_at(a, i);

		if (!nm_jv_is(s, NM_JV_STR) || nm_jv_str(s, NULL) == NULL)
			return bad(r, s, "\"%s\" must hold only strings", key);
		nm_plan_strv_add(r->p, v, n, s->s);
	}
	return 0;
}

/* Name -> enum value through the model's own name function. */
static int
named(struct rd *r, const struct nm_jv *o, const char *key,
    const char *(*name)(int), int count, int def, int *out)
{
	const struct nm_jv *v = nm_jv_get(o, key);
	int i;

	*out = def;
	if (v == NULL || nm_jv_is_null(v))
		return 0;
	if (nm_jv_is(v, NM_JV_STR))
		for (i = 0; i < count; i++)
			if (strcmp(name(i), v->s) == 0) {
				*out = i;
				return 0;
			}
	return bad(r, v, "unknown value for \"%s\"", key);
}

static int
address(struct rd *r, const struct nm_jv *o, const char *key, char *buf,
    size_t len)
{
	const char *s;

	if (str(r, o, key, &s) != 0)
		return -1;
	buf[0] = '\0';
	if (s != NULL && nm_strlcpy(buf, s, len) >= len)
		return bad(r, nm_jv_get(o, key), "\"%s\" is too long", key);
	return 0;
}

static void
add_owner(struct rd *r, struct nm_endpoint *e, long long pid,
    const char *process)
{
	struct nm_owner *no = nm_aalloc(&r->p->arena,
	    (e->nowners + 1) * sizeof(*no));

	if (e->nowners)
		memcpy(no, e->owners, e->nowners * sizeof(*no));
	no[e->nowners].pid = (int)pid;
	no[e->nowners].process = process;
	e->owners = no;
	e->nowners++;
}

/* An endpoint as nm_out_endpoint_keys() writes it (or the short REF form). */
static int
endpoint(struct rd *r, const struct nm_jv *o, struct nm_endpoint *e)
{
	const struct nm_jv *ow;
	const char *process, *s;
	long long pid, v;
	int x;
	size_t i;

	memset(e, 0, sizeof(*e));
	if (!nm_jv_is(o, NM_JV_OBJ))
		return bad(r, o, "an endpoint must be an object%s", "");
	if (named(r, o, "proto", nm_proto_name, 3, NM_TCP, &x) != 0)
		return -1;
	e->proto = (uint8_t)x;
	if (named(r, o, "family", nm_family_name, 2, NM_INET, &x) != 0)
		return -1;
	e->family = (uint8_t)x;
	if (address(r, o, "local_address", e->laddr, sizeof(e->laddr)) != 0 ||
	    address(r, o, "interface", e->lzone, sizeof(e->lzone)) != 0 ||
	    address(r, o, "remote_address", e->raddr, sizeof(e->raddr)) != 0)
		return -1;
	if (integer(r, o, "local_port", 0, 65535, -1, &v) != 0)
		return -1;
	e->lport = (int)v;
	if (integer(r, o, "remote_port", 0, 65535, -1, &v) != 0)
		return -1;
	e->rport = (int)v;
	if (named(r, o, "state", nm_state_name, NM_ST__COUNT,
	    e->proto == NM_TCP ? NM_ST_LISTEN : NM_ST_UNCONN, &x) != 0)
		return -1;
	e->state = (uint8_t)x;
	if (named(r, o, "exposure", nm_exposure_name, 3,
	    nm_addr_exposure(e->family, e->laddr), &x) != 0)
		return -1;
	e->exposure = (uint8_t)x;
	if (named(r, o, "confidence", nm_confidence_name, 4, NM_CONF_NONE,
	    &x) != 0)
		return -1;
	e->confidence = (uint8_t)x;
	if (boolean(r, o, "phantom", &e->phantom) != 0 ||
	    boolean(r, o, "dual_stack", &e->dual_stack) != 0 ||
	    boolean(r, o, "address_truncated", &e->addr_truncated) != 0)
		return -1;
	if (str(r, o, "kb", &e->kb) != 0 || str(r, o, "reason", &e->reason) ||
	    str(r, o, "user", &e->user) != 0 || str(r, o, "exe", &e->exe) ||
	    str(r, o, "unit", &e->unit) != 0 ||
	    str(r, o, "container", &e->container) != 0 ||
	    str(r, o, "netns", &e->netns) != 0 ||
	    str(r, o, "source", &e->source) != 0 ||
	    strv(r, o, "services", &e->services, &e->nservices) != 0)
		return -1;
	if (integer(r, o, "line", 0, 0x7fffffff, 0, &v) != 0)
		return -1;
	e->line = (int)v;
	/* Owners: the "owners" list when present, else pid + process. */
	ow = nm_jv_get(o, "owners");
	if (ow != NULL && !nm_jv_is_null(ow)) {
		if (!nm_jv_is(ow, NM_JV_ARR))
			return bad(r, ow, "\"%s\" must be an array", "owners");
		for (i = 0; i < nm_jv_len(ow); i++) {
			const struct nm_jv *one = nm_jv_at(ow, i);

			if (integer(r, one, "pid", 0, 0x7fffffff, -1, &pid) ||
			    str(r, one, "process", &s) != 0)
				return -1;
			add_owner(r, e, pid, s);
		}
	} else {
		if (integer(r, o, "pid", 0, 0x7fffffff, -1, &pid) != 0 ||
		    str(r, o, "process", &process) != 0)
			return -1;
		if (pid >= 0 || process != NULL)
			add_owner(r, e, pid, process);
	}
	return 0;
}

static int
endpoints(struct rd *r, const struct nm_jv *o, const char *key, void *vecp)
{
	NM_VEC(struct nm_endpoint) *vec = vecp;
	const struct nm_jv *a = nm_jv_get(o, key);
	size_t i;

	if (a == NULL || nm_jv_is_null(a))
		return 0;
	if (!nm_jv_is(a, NM_JV_ARR))
		return bad(r, a, "\"%s\" must be an array of endpoints", key);
	for (i = 0; i < nm_jv_len(a); i++)
		if (endpoint(r, nm_jv_at(a, i), NM_VEC_PUSH(vec)) != 0)
			return -1;
	return 0;
}

static int
action(struct rd *r, const struct nm_jv *o, struct nm_action *a)
{
	const struct nm_jv *alts, *reads;
	int x;
	size_t i;

	if (!nm_jv_is(o, NM_JV_OBJ))
		return bad(r, o, "an action must be an object%s", "");
	if (named(r, o, "kind", nm_act_kind_name, NM_ACT__COUNT, -1, &x) != 0)
		return -1;
	if (x < 0)
		return bad(r, o, "an action needs a \"%s\"", "kind");
	a->kind = (uint8_t)x;
	if (named(r, o, "mode", nm_act_mode_name, 2, NM_MODE_DISABLE, &x))
		return -1;
	a->mode = (uint8_t)x;
	if (str(r, o, "target", &a->target) != 0 ||
	    str(r, o, "change", &a->change) != 0 ||
	    strv(r, o, "commands", &a->commands, &a->ncommands) != 0 ||
	    strv(r, o, "undo", &a->undo, &a->nundo) != 0 ||
	    boolean(r, o, "reboot", &a->reboot) != 0 ||
	    boolean(r, o, "restart", &a->restart) != 0 ||
	    str(r, o, "prior", &a->prior) != 0 ||
	    boolean(r, o, "prior_assumed", &a->prior_assumed) != 0 ||
	    strv(r, o, "effects", &a->effects, &a->neffects) != 0 ||
	    str(r, o, "kb", &a->kb) != 0 ||
	    str(r, o, "sources", &a->src) != 0 ||
	    boolean(r, o, "unverified", &a->unverified) != 0)
		return -1;
	switch (a->kind) {
	case NM_ACT_SERVICE:
		if (str(r, o, "service", &a->service) != 0 ||
		    str(r, o, "start", &a->start) != 0 ||
		    boolean(r, o, "stop", &a->stop) != 0 ||
		    strv(r, o, "dependants", &a->dependants,
		    &a->ndependants) != 0)
			return -1;
		if (a->service == NULL)
			return bad(r, o, "a service action needs \"%s\"",
			    "service");
		break;
	case NM_ACT_REGISTRY:
	case NM_ACT_NETBIOS:
		if (named(r, o, "op", nm_reg_op_name, 4, NM_REG_SET, &x) != 0)
			return -1;
		a->reg_op = (uint8_t)x;
		if (str(r, o, "key", &a->key) != 0 ||
		    str(r, o, "subkeys", &a->subkeys) != 0 ||
		    str(r, o, "value", &a->value) != 0 ||
		    str(r, o, "type", &a->type) != 0 ||
		    str(r, o, "data", &a->data) != 0)
			return -1;
		if (a->key == NULL || a->value == NULL)
			return bad(r, o, "a registry action needs \"key\" and "
			    "\"value\"%s", "");
		break;
	case NM_ACT_UNIT:
		if (named(r, o, "op", nm_unit_op_name, 2, NM_UNIT_DISABLE,
		    &x) != 0)
			return -1;
		a->unit_op = (uint8_t)x;
		if (strv(r, o, "units", &a->units, &a->nunits) != 0)
			return -1;
		if (a->nunits == 0)
			return bad(r, o, "a unit action needs \"%s\"", "units");
		break;
	case NM_ACT_CONFIG:
		if (named(r, o, "format", nm_cfg_format_name, 3, NM_CFG_DROPIN,
		    &x) != 0)
			return -1;
		a->cfg_format = (uint8_t)x;
		if (str(r, o, "path", &a->path) != 0 ||
		    str(r, o, "section", &a->section) != 0 ||
		    str(r, o, "match", &a->match) != 0 ||
		    str(r, o, "sep", &a->sep) != 0 ||
		    strv(r, o, "settings", &a->settings, &a->nsettings) != 0 ||
		    str(r, o, "then", &a->then) != 0 ||
		    str(r, o, "reload", &a->reload) != 0)
			return -1;
		if (a->path == NULL)
			return bad(r, o, "a config action needs \"%s\"", "path");
		break;
	default:
		break;
	}
	alts = nm_jv_get(o, "alternatives");
	if (alts != NULL && !nm_jv_is_null(alts)) {
		if (!nm_jv_is(alts, NM_JV_ARR))
			return bad(r, alts, "\"%s\" must be an array",
			    "alternatives");
		for (i = 0; i < nm_jv_len(alts); i++) {
			const struct nm_jv *al = nm_jv_at(alts, i);
			const char *mgr, *name;
			struct nm_altcmds *c;

			if (str(r, al, "manager", &mgr) != 0 ||
			    str(r, al, "name", &name) != 0)
				return -1;
			if (mgr == NULL)
				return bad(r, al, "an alternative needs a "
				    "\"%s\"", "manager");
			c = nm_action_add_alt(r->p, a, mgr, name);
			if (strv(r, al, "commands", &c->commands,
			    &c->ncommands) != 0 ||
			    strv(r, al, "undo", &c->undo, &c->nundo) != 0)
				return -1;
		}
	}
	reads = nm_jv_get(o, "reads");
	if (reads != NULL && !nm_jv_is_null(reads)) {
		if (!nm_jv_is(reads, NM_JV_ARR))
			return bad(r, reads, "\"%s\" must be an array", "reads");
		for (i = 0; i < nm_jv_len(reads); i++) {
			const struct nm_jv *rv = nm_jv_at(reads, i);
			const char *kind, *target, *value;

			if (str(r, rv, "kind", &kind) != 0 ||
			    str(r, rv, "target", &target) != 0 ||
			    str(r, rv, "value", &value) != 0)
				return -1;
			if (kind == NULL)
				return bad(r, rv, "a read needs a \"%s\"",
				    "kind");
			nm_action_add_read(r->p, a, kind, target, value);
		}
	}
	return 0;
}

static int
step(struct rd *r, const struct nm_jv *o)
{
	const struct nm_jv *acts, *moves;
	struct nm_step *s;
	long long id;
	int x;
	size_t i;

	if (!nm_jv_is(o, NM_JV_OBJ))
		return bad(r, o, "a step must be an object%s", "");
	if (named(r, o, "phase", nm_phase_name, NM_PHASE__COUNT,
	    NM_PHASE_RESIDUE, &x) != 0)
		return -1;
	s = nm_plan_add_step(r->p, x, "");
	if (integer(r, o, "id", 1, 1000000, s->id, &id) != 0)
		return -1;
	s->id = (int)id;
	if (str(r, o, "title", &s->title) != 0 ||
	    str(r, o, "why", &s->why) != 0 ||
	    strv(r, o, "kb", &s->kbs, &s->nkbs) != 0 ||
	    boolean(r, o, "reboot", &s->reboot) != 0 ||
	    strv(r, o, "effects", &s->effects, &s->neffects) != 0 ||
	    named(r, o, "confidence", nm_confidence_name, 4, NM_CONF_NONE,
	    &x) != 0)
		return -1;
	s->confidence = (uint8_t)x;
	if (s->title == NULL)
		s->title = "";
	acts = nm_jv_get(o, "actions");
	if (acts != NULL && !nm_jv_is(acts, NM_JV_ARR))
		return bad(r, acts, "\"%s\" must be an array", "actions");
	for (i = 0; i < nm_jv_len(acts); i++)
		if (action(r, nm_jv_at(acts, i), nm_step_add_action(r->p, s,
		    NM_ACT_COMMAND)) != 0)
			return -1;
	if (endpoints(r, o, "closes", &s->closes) != 0 ||
	    endpoints(r, o, "after", &s->after) != 0)
		return -1;
	moves = nm_jv_get(o, "moves");
	if (moves != NULL && !nm_jv_is(moves, NM_JV_ARR))
		return bad(r, moves, "\"%s\" must be an array", "moves");
	for (i = 0; i < nm_jv_len(moves); i++) {
		const struct nm_jv *m = nm_jv_at(moves, i);
		struct nm_move *mv = NM_VEC_PUSH(&s->moves);

		if (endpoint(r, nm_jv_get(m, "from"), &mv->from) != 0 ||
		    endpoint(r, nm_jv_get(m, "to"), &mv->to) != 0)
			return -1;
	}
	return 0;
}

int
nm_plan_read(struct nm_plan *p, const char *text, size_t len,
    const char *name, struct nm_error *err)
{
	struct nm_arena tmp = { 0 };
	struct rd r = { p, name, err };
	const struct nm_jv *doc, *a, *host;
	const char *schema;
	size_t i;
	int rc = -1;

	nm_plan_init(p);
	doc = nm_json_parse(text, len, &tmp, err);
	if (doc == NULL) {
		char msg[sizeof(err->msg)];

		nm_strlcpy(msg, err->msg, sizeof(msg));
		nm_seterr(err, NM_ERR_INPUT, "%s:%s", name, msg);
		goto out;
	}
	if (!nm_jv_is(doc, NM_JV_OBJ)) {
		bad(&r, doc, "not a netmin plan (a JSON object is needed)%s",
		    "");
		goto out;
	}
	schema = nm_jv_str(nm_jv_get(doc, "schema"), NULL);
	if (schema == NULL || strncmp(schema, "netmin.plan/", 12) != 0) {
		bad(&r, doc, "not a netmin plan (schema is not netmin.plan/1)%s",
		    "");
		goto out;
	}
	if (strcmp(schema, "netmin.plan/1") != 0) {
		bad(&r, nm_jv_get(doc, "schema"), "%s is newer than this "
		    "netmin reads (netmin.plan/1)", schema);
		goto out;
	}
	host = nm_jv_get(doc, "host");
	if (str(&r, host, "os", &p->os) != 0 ||
	    str(&r, host, "os_reason", &p->os_reason) != 0 ||
	    strv(&r, host, "sources", &p->sources, &p->nsources) != 0 ||
	    strv(&r, doc, "keep", &p->keep, &p->nkeep) != 0 ||
	    strv(&r, doc, "drop", &p->drop, &p->ndrop) != 0 ||
	    endpoints(&r, doc, "before", &p->before) != 0)
		goto out;
	a = nm_jv_get(doc, "steps");
	if (a == NULL || !nm_jv_is(a, NM_JV_ARR)) {
		bad(&r, a ? a : doc, "a plan needs a \"%s\" array", "steps");
		goto out;
	}
	for (i = 0; i < nm_jv_len(a); i++)
		if (step(&r, nm_jv_at(a, i)) != 0)
			goto out;
	a = nm_jv_get(doc, "kept");
	if (a != NULL && !nm_jv_is(a, NM_JV_ARR)) {
		bad(&r, a, "\"%s\" must be an array", "kept");
		goto out;
	}
	for (i = 0; i < nm_jv_len(a); i++) {
		const struct nm_jv *o = nm_jv_at(a, i);
		struct nm_kept *k = NM_VEC_PUSH(&p->kept);

		if (str(&r, o, "kb", &k->kb) != 0 ||
		    str(&r, o, "name", &k->name) != 0 ||
		    str(&r, o, "why", &k->why) != 0 ||
		    boolean(&r, o, "asked", &k->asked) != 0 ||
		    boolean(&r, o, "narrowed", &k->narrowed) != 0 ||
		    endpoints(&r, o, "endpoints", &k->endpoints) != 0)
			goto out;
	}
	a = nm_jv_get(doc, "remaining");
	if (a != NULL && !nm_jv_is(a, NM_JV_ARR)) {
		bad(&r, a, "\"%s\" must be an array", "remaining");
		goto out;
	}
	for (i = 0; i < nm_jv_len(a); i++) {
		const struct nm_jv *o = nm_jv_at(a, i);
		struct nm_remain *rm = NM_VEC_PUSH(&p->remaining);

		if (endpoint(&r, o, &rm->ep) != 0 ||
		    str(&r, o, "why", &rm->why) != 0 ||
		    boolean(&r, o, "closable", &rm->closable) != 0)
			goto out;
	}
	a = nm_jv_get(doc, "notes");
	for (i = 0; i < nm_jv_len(a); i++) {
		const char *n = nm_jv_str(nm_jv_at(a, i), NULL);

		if (n != NULL)
			nm_plan_note(p, "%s", n);
	}
	rc = 0;
out:
	nm_afree(&tmp);
	if (rc != 0)
		nm_plan_free(p);
	return rc;
}

int
nm_plan_read_file(struct nm_plan *p, const char *path, struct nm_error *err)
{
	struct nm_buf b = { 0 };
	int rc;

	nm_plan_init(p);
	if (nm_read_file(path, NM_JV_MAX_BYTES, &b, err) != 0) {
		nm_buf_free(&b);
		return -1;
	}
	rc = nm_plan_read(p, b.s ? b.s : "", b.len, path, err);
	nm_buf_free(&b);
	return rc;
}
