/*
 * out_plan.c - a plan as a netmin.plan/1 JSON document.  The key set is a
 * contract (doc/json.md): add keys, never rename or drop one.
 */
#include <stdio.h>
#include <string.h>

#include "out.h"
#include "plan.h"

static void
strv_json(struct nm_json *j, const char *key, const char *const *v, size_t n)
{
	size_t i;

	nm_json_key(j, key);
	nm_json_arr(j);
	for (i = 0; i < n; i++)
		nm_json_str(j, v[i]);
	nm_json_arr_end(j);
}

/* REG_MULTI_SZ data travels as one string with "\n" between items. */
static void
multi_items_json(struct nm_json *j, const char *data)
{
	const char *p = data, *nl;

	nm_json_key(j, "items");
	nm_json_arr(j);
	while (p != NULL && *p != '\0') {
		nl = strchr(p, '\n');
		nm_json_strn(j, p, nl ? (size_t)(nl - p) : strlen(p));
		p = nl ? nl + 1 : NULL;
	}
	nm_json_arr_end(j);
}

static void
action_json(struct nm_json *j, const struct nm_action *a)
{
	size_t i;

	nm_json_obj(j);
	nm_json_kstr(j, "kind", nm_act_kind_name(a->kind));
	nm_json_kstr(j, "mode", nm_act_mode_name(a->mode));
	nm_json_kstr(j, "target", a->target);
	nm_json_kstr(j, "change", a->change);
	strv_json(j, "commands", a->commands, a->ncommands);
	strv_json(j, "undo", a->undo, a->nundo);
	nm_json_kbool(j, "reboot", a->reboot);
	nm_json_kbool(j, "restart", a->restart);
	switch (a->kind) {
	case NM_ACT_SERVICE:
		nm_json_kstr(j, "service", a->service);
		nm_json_kstr(j, "start", a->start);
		nm_json_kbool(j, "stop", a->stop);
		strv_json(j, "dependants", a->dependants, a->ndependants);
		break;
	case NM_ACT_REGISTRY:
	case NM_ACT_NETBIOS:
		nm_json_kstr(j, "op", nm_reg_op_name(a->reg_op));
		nm_json_kstr(j, "key", a->key);
		if (a->kind == NM_ACT_NETBIOS)
			nm_json_kstr(j, "subkeys", a->subkeys);
		nm_json_kstr(j, "value", a->value);
		nm_json_kstr(j, "type", a->type);
		nm_json_kstr(j, "data", a->data);
		if (a->type != NULL && strcmp(a->type, "REG_MULTI_SZ") == 0)
			multi_items_json(j, a->data);
		break;
	case NM_ACT_UNIT:
		nm_json_kstr(j, "op", nm_unit_op_name(a->unit_op));
		strv_json(j, "units", a->units, a->nunits);
		break;
	case NM_ACT_CONFIG:
		nm_json_kstr(j, "format", nm_cfg_format_name(a->cfg_format));
		nm_json_kstr(j, "path", a->path);
		nm_json_kstr(j, "section", a->section);
		nm_json_kstr(j, "match", a->match);
		nm_json_kstr(j, "sep", a->sep);
		strv_json(j, "settings", a->settings, a->nsettings);
		nm_json_kstr(j, "then", a->then);
		nm_json_kstr(j, "reload", a->reload);
		break;
	default:
		break;
	}
	nm_json_key(j, "alternatives");
	nm_json_arr(j);
	for (i = 0; i < a->nalt; i++) {
		nm_json_obj(j);
		nm_json_kstr(j, "manager", a->alt[i].manager);
		nm_json_kstr(j, "name", a->alt[i].name);
		strv_json(j, "commands", a->alt[i].commands,
		    a->alt[i].ncommands);
		strv_json(j, "undo", a->alt[i].undo, a->alt[i].nundo);
		nm_json_obj_end(j);
	}
	nm_json_arr_end(j);
	nm_json_key(j, "reads");
	nm_json_arr(j);
	for (i = 0; i < a->nreads; i++) {
		nm_json_obj(j);
		nm_json_kstr(j, "kind", a->reads[i].kind);
		nm_json_kstr(j, "target", a->reads[i].target);
		nm_json_kstr(j, "value", a->reads[i].value);
		nm_json_obj_end(j);
	}
	nm_json_arr_end(j);
	nm_json_kstr(j, "prior", a->prior);
	nm_json_kbool(j, "prior_assumed", a->prior_assumed);
	strv_json(j, "effects", a->effects, a->neffects);
	nm_json_kstr(j, "kb", a->kb);
	nm_json_kstr(j, "sources", a->src);
	nm_json_kbool(j, "unverified", a->unverified);
	nm_json_obj_end(j);
}

/* The short form of an endpoint used in "closes" and "moves". */
static void
endpoint_ref_json(struct nm_json *j, const struct nm_endpoint *e)
{
	nm_json_obj(j);
	nm_json_kstr(j, "proto", nm_proto_name(e->proto));
	nm_json_kstr(j, "family", nm_family_name(e->family));
	nm_json_kstr(j, "local_address", e->laddr);
	if (e->lzone[0])
		nm_json_kstr(j, "interface", e->lzone);
	nm_json_key(j, "local_port");
	if (e->lport >= 0)
		nm_json_int(j, e->lport);
	else
		nm_json_null(j);
	nm_json_key(j, "pid");
	if (nm_ep_pid(e) >= 0)
		nm_json_int(j, nm_ep_pid(e));
	else
		nm_json_null(j);
	nm_json_kstr(j, "kb", e->kb);
	nm_json_kstr(j, "confidence", nm_confidence_name(e->confidence));
	nm_json_obj_end(j);
}

static void
endpoints_json(struct nm_json *j, const char *key,
    const struct nm_endpoint *v, size_t n)
{
	size_t i;

	nm_json_key(j, key);
	nm_json_arr(j);
	for (i = 0; i < n; i++)
		nm_out_endpoint_json(j, &v[i]);
	nm_json_arr_end(j);
}

static void
step_json(struct nm_json *j, const struct nm_step *s)
{
	size_t i;

	nm_json_obj(j);
	nm_json_kint(j, "id", s->id);
	nm_json_kstr(j, "phase", nm_phase_name(s->phase));
	nm_json_kstr(j, "title", s->title);
	nm_json_kstr(j, "why", s->why);
	strv_json(j, "kb", s->kbs, s->nkbs);
	nm_json_key(j, "actions");
	nm_json_arr(j);
	for (i = 0; i < s->actions.n; i++)
		action_json(j, &s->actions.v[i]);
	nm_json_arr_end(j);
	nm_json_key(j, "closes");
	nm_json_arr(j);
	for (i = 0; i < s->closes.n; i++)
		endpoint_ref_json(j, &s->closes.v[i]);
	nm_json_arr_end(j);
	nm_json_key(j, "moves");
	nm_json_arr(j);
	for (i = 0; i < s->moves.n; i++) {
		nm_json_obj(j);
		nm_json_key(j, "from");
		endpoint_ref_json(j, &s->moves.v[i].from);
		nm_json_key(j, "to");
		endpoint_ref_json(j, &s->moves.v[i].to);
		nm_json_obj_end(j);
	}
	nm_json_arr_end(j);
	nm_json_kbool(j, "reboot", s->reboot);
	nm_json_kstr(j, "confidence", nm_confidence_name(s->confidence));
	strv_json(j, "effects", s->effects, s->neffects);
	endpoints_json(j, "after", s->after.v, s->after.n);
	nm_json_obj_end(j);
}

void
nm_out_plan_json(const struct nm_plan *p, struct nm_buf *b)
{
	struct nm_json j;
	size_t i;

	nm_json_init(&j, b);
	nm_json_obj(&j);
	nm_json_kstr(&j, "schema", "netmin.plan/1");
	nm_json_key(&j, "host");
	nm_json_obj(&j);
	nm_json_kstr(&j, "os", p->os);
	nm_json_kstr(&j, "os_reason", p->os_reason);
	nm_json_kstr(&j, "source", p->nsources ? p->sources[0] : NULL);
	strv_json(&j, "sources", p->sources, p->nsources);
	nm_json_obj_end(&j);
	strv_json(&j, "keep", p->keep, p->nkeep);
	strv_json(&j, "drop", p->drop, p->ndrop);
	endpoints_json(&j, "before", p->before.v, p->before.n);
	nm_json_key(&j, "steps");
	nm_json_arr(&j);
	for (i = 0; i < p->steps.n; i++)
		step_json(&j, &p->steps.v[i]);
	nm_json_arr_end(&j);
	nm_json_key(&j, "kept");
	nm_json_arr(&j);
	for (i = 0; i < p->kept.n; i++) {
		const struct nm_kept *k = &p->kept.v[i];

		nm_json_obj(&j);
		nm_json_kstr(&j, "kb", k->kb);
		nm_json_kstr(&j, "name", k->name);
		nm_json_kstr(&j, "why", k->why);
		nm_json_kbool(&j, "asked", k->asked);
		nm_json_kbool(&j, "narrowed", k->narrowed);
		endpoints_json(&j, "endpoints", k->endpoints.v,
		    k->endpoints.n);
		nm_json_obj_end(&j);
	}
	nm_json_arr_end(&j);
	nm_json_key(&j, "remaining");
	nm_json_arr(&j);
	for (i = 0; i < p->remaining.n; i++) {
		const struct nm_remain *r = &p->remaining.v[i];

		/* The endpoint's own keys, then why it stays. */
		nm_json_obj(&j);
		nm_out_endpoint_keys(&j, &r->ep);
		nm_json_kstr(&j, "why", r->why);
		nm_json_kbool(&j, "closable", r->closable);
		nm_json_obj_end(&j);
	}
	nm_json_arr_end(&j);
	nm_json_key(&j, "notes");
	nm_json_arr(&j);
	for (i = 0; i < p->notes.n; i++)
		nm_json_str(&j, p->notes.v[i].message);
	nm_json_arr_end(&j);
	nm_json_obj_end(&j);
	nm_json_end(&j);
}
