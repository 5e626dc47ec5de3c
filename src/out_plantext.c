/*
 * out_plantext.c - plans and audits for people: each step with its
 * commands, undo, what it closes, what breaks, and the predicted table.
 */
#include <stdio.h>
#include <string.h>

#include "kb.h"
#include "out.h"
#include "plan.h"

static const char *
short_kb(const char *id)
{
	const char *s = id ? strchr(id, '/') : NULL;

	return s ? s + 1 : (id ? id : "-");
}

static const char *
ep_text(const struct nm_endpoint *e, char *buf, size_t len)
{
	char a[NM_ADDRLEN + NM_ZONELEN + 4];

	snprintf(buf, len, "%s %s:%d", nm_proto_name(e->proto),
	    nm_ep_addr_text(e, a, sizeof(a)), e->lport);
	return buf;
}

/* A predicted table: compact, indented. */
void
nm_out_endpoints_text(const struct nm_endpoint *v, size_t n,
    const char *indent, struct nm_buf *b)
{
	static const char *head[] = { "PROTO", "LOCAL", "PORT", "PID", "KB",
	    "CONF" };
	struct nm_table t;
	struct nm_buf tb = { 0 };
	char a[NM_ADDRLEN + NM_ZONELEN + 4];
	const char *line;
	size_t i;

	if (n == 0) {
		nm_buf_printf(b, "%s(nothing open)\n", indent);
		return;
	}
	nm_table_init(&t, NM_NELEM(head), head);
	nm_table_right(&t, 2);
	for (i = 0; i < n; i++) {
		const struct nm_endpoint *e = &v[i];

		nm_table_cell(&t, "%s%s", nm_proto_name(e->proto),
		    e->family == NM_INET6 ? "6" : "");
		nm_table_cell(&t, "%s", nm_ep_addr_text(e, a, sizeof(a)));
		nm_table_cell(&t, "%d", e->lport);
		if (nm_ep_pid(e) >= 0)
			nm_table_cell(&t, "%d", nm_ep_pid(e));
		else
			nm_table_cell(&t, "-");
		nm_table_cell(&t, "%s", short_kb(e->kb));
		nm_table_cell(&t, "%s", nm_confidence_name(e->confidence));
	}
	nm_table_render(&t, &tb);
	nm_table_free(&t);
	for (line = tb.s; line && *line;) {
		const char *nl = strchr(line, '\n');
		size_t l = nl ? (size_t)(nl - line) : strlen(line);

		nm_buf_printf(b, "%s%.*s\n", indent, (int)l, line);
		line += l + (nl ? 1 : 0);
	}
	nm_buf_free(&tb);
}

static void
lines(struct nm_buf *b, const char *label, const char *const *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		nm_buf_printf(b, "  %-8s%s\n", i == 0 ? label : "", v[i]);
}

static void
action_text(struct nm_buf *b, const struct nm_action *a)
{
	size_t i;

	nm_buf_printf(b, "  %-8s%s %s: %s%s%s\n", "action",
	    nm_act_kind_name(a->kind), a->target ? a->target : "",
	    a->change ? a->change : "", a->reboot ? " (reboot)" : "",
	    a->unverified ? " [unverified]" : "");
	lines(b, "do", a->commands, a->ncommands);
	lines(b, "undo", a->undo, a->nundo);
	for (i = 0; i < a->nalt; i++) {
		char lab[32];

		snprintf(lab, sizeof(lab), "%s", a->alt[i].manager);
		lines(b, lab, a->alt[i].commands, a->alt[i].ncommands);
	}
	if (a->prior != NULL)
		nm_buf_printf(b, "  %-8s%s%s\n", "before", a->prior,
		    a->prior_assumed ? " (the default; read at run time)" :
		    "");
}

void
nm_out_plan_text(const struct nm_plan *p, struct nm_buf *b)
{
	char buf[160];
	size_t i, k, reboots = 0;

	for (i = 0; i < p->steps.n; i++)
		if (p->steps.v[i].reboot)
			reboots++;
	nm_buf_printf(b, "Plan for %s%s%s%s, from %s\n", p->os ? p->os :
	    "an unknown OS", p->os_reason ? " (" : "", p->os_reason ?
	    p->os_reason : "", p->os_reason ? ")" : "", p->nsources ?
	    p->sources[0] : "-");
	nm_buf_printf(b, "%zu endpoints open now; %zu step%s (%zu with a "
	    "reboot); %zu open after the last step.\n", p->before.n,
	    p->steps.n, p->steps.n == 1 ? "" : "s", reboots,
	    p->remaining.n);
	for (i = 0; i < p->steps.n; i++) {
		const struct nm_step *s = &p->steps.v[i];

		nm_buf_printf(b, "\nStep %d [%s] %s\n", s->id,
		    nm_phase_name(s->phase), s->title);
		if (s->why)
			nm_buf_printf(b, "  %-8s%s\n", "why", s->why);
		for (k = 0; k < s->actions.n; k++)
			action_text(b, &s->actions.v[k]);
		for (k = 0; k < s->closes.n; k++)
			nm_buf_printf(b, "  %-8s%s (%s, %s)\n", k ? "" :
			    "closes", ep_text(&s->closes.v[k], buf,
			    sizeof(buf)), short_kb(s->closes.v[k].kb),
			    nm_confidence_name(s->closes.v[k].confidence));
		for (k = 0; k < s->moves.n; k++) {
			char to[160];

			nm_buf_printf(b, "  %-8s%s -> %s\n", k ? "" : "moves",
			    ep_text(&s->moves.v[k].from, buf, sizeof(buf)),
			    ep_text(&s->moves.v[k].to, to, sizeof(to)));
		}
		nm_buf_printf(b, "  %-8s%s; prediction confidence %s\n",
		    "reboot", s->reboot ? "yes" : "no",
		    nm_confidence_name(s->confidence));
		lines(b, "breaks", s->effects, s->neffects);
		nm_buf_printf(b, "  after:\n");
		nm_out_endpoints_text(s->after.v, s->after.n, "    ", b);
	}
	if (p->kept.n)
		nm_buf_puts(b, "\nStays:\n");
	for (i = 0; i < p->kept.n; i++) {
		const struct nm_kept *k2 = &p->kept.v[i];

		nm_buf_printf(b, "  %s%s: %s\n", k2->name, k2->narrowed ?
		    " (narrowed)" : "", k2->why ? k2->why : "");
	}
	for (i = 0; i < p->notes.n; i++)
		nm_buf_printf(b, "%snote: %s\n", i ? "" : "\n",
		    p->notes.v[i].message);
}
