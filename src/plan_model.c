/*
 * plan_model.c - building and freeing plans, and the names of the plan's
 * enums as JSON spells them.  The planner itself is plan.c.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plan.h"

void
nm_plan_init(struct nm_plan *p)
{
	memset(p, 0, sizeof(*p));
}

void
nm_plan_free(struct nm_plan *p)
{
	size_t i;

	for (i = 0; i < p->steps.n; i++) {
		struct nm_step *s = &p->steps.v[i];

		NM_VEC_FREE(&s->actions);
		NM_VEC_FREE(&s->closes);
		NM_VEC_FREE(&s->moves);
		NM_VEC_FREE(&s->after);
	}
	for (i = 0; i < p->kept.n; i++)
		NM_VEC_FREE(&p->kept.v[i].endpoints);
	NM_VEC_FREE(&p->steps);
	NM_VEC_FREE(&p->kept);
	NM_VEC_FREE(&p->remaining);
	NM_VEC_FREE(&p->before);
	NM_VEC_FREE(&p->notes);
	nm_afree(&p->arena);
	memset(p, 0, sizeof(*p));
}

struct nm_step *
nm_plan_add_step(struct nm_plan *p, int phase, const char *title)
{
	struct nm_step *s = NM_VEC_PUSH(&p->steps);

	s->id = (int)p->steps.n;
	s->phase = (uint8_t)phase;
	s->title = nm_astrdup(&p->arena, title);
	s->confidence = NM_CONF_HIGH;
	return s;
}

struct nm_action *
nm_step_add_action(struct nm_plan *p, struct nm_step *s, int kind)
{
	struct nm_action *a = NM_VEC_PUSH(&s->actions);

	(void)p;
	a->kind = (uint8_t)kind;
	return a;
}

/* Arena string lists grow by copying; they stay short. */
void
nm_plan_strv_add(struct nm_plan *p, const char ***v, size_t *n,
    const char *s)
{
	const char **nv = nm_aalloc(&p->arena, (*n + 1) * sizeof(*nv));

	if (*n)
		memcpy(nv, *v, *n * sizeof(*nv));
	nv[*n] = nm_astrdup(&p->arena, s);
	*v = nv;
	(*n)++;
}

void
nm_plan_strv_addf(struct nm_plan *p, const char ***v, size_t *n,
    const char *fmt, ...)
{
	struct nm_buf b = { 0 };
	va_list ap;

	va_start(ap, fmt);
	nm_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	nm_plan_strv_add(p, v, n, b.s ? b.s : "");
	nm_buf_free(&b);
}

void
nm_action_add_read(struct nm_plan *p, struct nm_action *a, const char *kind,
    const char *target, const char *value)
{
	struct nm_read *nr = nm_aalloc(&p->arena, (a->nreads + 1) *
	    sizeof(*nr));

	if (a->nreads)
		memcpy(nr, a->reads, a->nreads * sizeof(*nr));
	nr[a->nreads].kind = kind;
	nr[a->nreads].target = nm_astrdup(&p->arena, target);
	nr[a->nreads].value = value ? nm_astrdup(&p->arena, value) : NULL;
	a->reads = nr;
	a->nreads++;
}

struct nm_altcmds *
nm_action_add_alt(struct nm_plan *p, struct nm_action *a, const char *manager,
    const char *name)
{
	struct nm_altcmds *na = nm_aalloc(&p->arena, (a->nalt + 1) *
	    sizeof(*na));

	if (a->nalt)
		memcpy(na, a->alt, a->nalt * sizeof(*na));
	na[a->nalt].manager = manager;
	na[a->nalt].name = nm_astrdup(&p->arena, name);
	a->alt = na;
	return &a->alt[a->nalt++];
}

void
nm_plan_note(struct nm_plan *p, const char *fmt, ...)
{
	struct nm_warning *w;
	struct nm_buf b = { 0 };
	va_list ap;

	va_start(ap, fmt);
	nm_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	w = NM_VEC_PUSH(&p->notes);
	w->source = "plan";
	w->message = nm_astrdup(&p->arena, b.s ? b.s : "");
	nm_buf_free(&b);
}

static const char *const phase_names[] = {
	"services", "netbios-smb", "rpc-dcom", "residue"
};
static const char *const kind_names[] = {
	"service", "registry", "netbios", "unit", "config", "command",
	"filter"
};

const char *
nm_phase_name(int ph)
{
	return ph >= 0 && ph < NM_PHASE__COUNT ? phase_names[ph] : "residue";
}

int
nm_phase_from_name(const char *s)
{
	int i;

	for (i = 0; i < NM_PHASE__COUNT; i++)
		if (strcmp(phase_names[i], s) == 0)
			return i;
	return -1;
}

const char *
nm_act_kind_name(int k)
{
	return k >= 0 && k < NM_ACT__COUNT ? kind_names[k] : "command";
}

int
nm_act_kind_from_name(const char *s)
{
	int i;

	for (i = 0; i < NM_ACT__COUNT; i++)
		if (strcmp(kind_names[i], s) == 0)
			return i;
	return -1;
}

const char *
nm_act_mode_name(int m)
{
	return m == NM_MODE_NARROW ? "narrow" : "disable";
}

const char *
nm_reg_op_name(int op)
{
	switch (op) {
	case NM_REG_DELETE:
		return "delete";
	case NM_REG_MULTI_REMOVE:
		return "multi-remove";
	case NM_REG_MULTI_ADD:
		return "multi-add";
	}
	return "set";
}

const char *
nm_unit_op_name(int op)
{
	return op == NM_UNIT_MASK ? "mask" : "disable";
}

const char *
nm_cfg_format_name(int f)
{
	switch (f) {
	case NM_CFG_KEYVALUE:
		return "keyvalue";
	case NM_CFG_LINE:
		return "line";
	}
	return "dropin";
}
