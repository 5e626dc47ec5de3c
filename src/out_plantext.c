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
	nm_buf_printf(b, "%zu endpoint%s open now; %zu step%s (%zu with a "
	    "reboot); %zu open after the last step.\n", p->before.n,
	    p->before.n == 1 ? "" : "s", p->steps.n,
	    p->steps.n == 1 ? "" : "s", reboots, p->remaining.n);
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

static bool
same_ep(const struct nm_endpoint *a, const struct nm_endpoint *b)
{
	return a->proto == b->proto && a->family == b->family &&
	    a->lport == b->lport && strcmp(a->laddr, b->laddr) == 0 &&
	    strcmp(a->lzone, b->lzone) == 0 && nm_ep_pid(a) == nm_ep_pid(b);
}

/* What the plan does to one endpoint it started from. */
struct fate {
	const char	*what;		/* "close", "move", "stay" */
	const struct nm_step *step;
	const char	*why;
};

static struct fate
fate_of(const struct nm_plan *p, const struct nm_endpoint *e)
{
	struct fate f = { "stay", NULL, NULL };
	size_t i, k;

	for (i = 0; i < p->steps.n; i++) {
		const struct nm_step *s = &p->steps.v[i];

		for (k = 0; k < s->closes.n; k++)
			if (same_ep(&s->closes.v[k], e)) {
				f.what = "close";
				f.step = s;
				return f;
			}
		for (k = 0; k < s->moves.n; k++)
			if (same_ep(&s->moves.v[k].from, e)) {
				f.what = "move";
				f.step = s;
				return f;
			}
	}
	for (i = 0; i < p->remaining.n; i++)
		if (same_ep(&p->remaining.v[i].ep, e))
			f.why = p->remaining.v[i].why;
	return f;
}

/* A title up to its first ": " or " (" and at most ~44 characters,
 * ending on a word. */
static int
short_title(const char *t)
{
	size_t n = strlen(t), c;

	c = strcspn(t, ":(");
	if (c < n && c > 0)
		n = c;
	while (n > 0 && t[n - 1] == ' ')
		n--;
	if (n > 44) {
		n = 44;
		while (n > 0 && t[n] != ' ')
			n--;
	}
	return (int)n;
}

static size_t
count_fate(const struct nm_plan *p, const char *what, bool exposed_only)
{
	size_t i, n = 0;

	for (i = 0; i < p->before.n; i++)
		if ((!exposed_only || p->before.v[i].exposure !=
		    NM_EXP_LOOPBACK) &&
		    strcmp(fate_of(p, &p->before.v[i]).what, what) == 0)
			n++;
	return n;
}

void
nm_out_audit_text(const struct nm_plan *p, const struct nm_kb *kb,
    struct nm_buf *b)
{
	static const char *head[] = { "PROTO", "LOCAL", "PID", "WHAT",
	    "CONF", "PLAN" };
	struct nm_table t;
	char a[NM_ADDRLEN + NM_ZONELEN + 4];
	size_t i, exposed = 0, reboots = 0, real = 0;
	size_t stay = count_fate(p, "stay", false);

	for (i = 0; i < p->before.n; i++)
		if (p->before.v[i].exposure != NM_EXP_LOOPBACK)
			exposed++;
	for (i = 0; i < p->steps.n; i++) {
		if (p->steps.v[i].reboot)
			reboots++;
		if (p->steps.v[i].closes.n || p->steps.v[i].moves.n)
			real++;
	}
	nm_buf_printf(b, "netmin audit: %s%s%s%s, from %s\n", p->os ? p->os :
	    "unknown OS", p->os_reason ? " (" : "", p->os_reason ?
	    p->os_reason : "", p->os_reason ? ")" : "", p->nsources ?
	    p->sources[0] : "-");
	nm_buf_printf(b, "%zu endpoint%s open, %zu reachable from other "
	    "hosts. The plan closes %zu and narrows %zu in %zu step%s (%zu "
	    "with a reboot); %zu stay%s.\n\n", p->before.n,
	    p->before.n == 1 ? "" : "s", exposed,
	    count_fate(p, "close", false), count_fate(p, "move", false), real,
	    real == 1 ? "" : "s", reboots, stay, stay == 1 ? "s" : "");
	nm_table_init(&t, NM_NELEM(head), head);
	for (i = 0; i < p->before.n; i++) {
		const struct nm_endpoint *e = &p->before.v[i];
		const struct nm_kb_entry *k = e->kb ? nm_kb_find(kb, e->kb) :
		    NULL;
		struct fate f = fate_of(p, e);

		nm_table_cell(&t, "%s%s", nm_proto_name(e->proto),
		    e->family == NM_INET6 ? "6" : "");
		nm_table_cell(&t, "%s:%d", nm_ep_addr_text(e, a, sizeof(a)),
		    e->lport);
		if (nm_ep_pid(e) >= 0)
			nm_table_cell(&t, "%d", nm_ep_pid(e));
		else
			nm_table_cell(&t, "-");
		if (k != NULL)
			nm_table_cell(&t, "%s: %.*s", nm_kb_name(k),
			    short_title(k->title), k->title);
		else
			nm_table_cell(&t, "%s", "? owner unknown");
		nm_table_cell(&t, "%s", nm_confidence_name(e->confidence));
		if (f.step != NULL)
			nm_table_cell(&t, "%s by step %d%s",
			    strcmp(f.what, "close") == 0 ? "closed" :
			    "to loopback", f.step->id, f.step->reboot ?
			    " (reboot)" : "");
		else
			nm_table_cell(&t, "stays%s", e->exposure ==
			    NM_EXP_LOOPBACK ? " (loopback only)" : "");
	}
	nm_table_render(&t, b);
	nm_table_free(&t);
	if (p->kept.n)
		nm_buf_puts(b, "\nWhat stays, and why:\n");
	for (i = 0; i < p->kept.n; i++) {
		const struct nm_kept *k = &p->kept.v[i];

		nm_buf_printf(b, "  %s%s: %s\n", k->name, k->narrowed ?
		    " (narrowed)" : "", k->why ? k->why : "");
	}
	for (i = 0; i < p->notes.n; i++)
		nm_buf_printf(b, "note: %s\n", p->notes.v[i].message);
	if (real)
		nm_buf_puts(b, "\nnetmin plan (same options) shows each step's "
		    "commands, undo and predicted table; netmin explain NAME "
		    "says more about a service.\n");
	else
		nm_buf_puts(b, "\nNothing the knowledge base would close is "
		    "open: this host is minimal.\n");
}

void
nm_out_audit_json(const struct nm_plan *p, struct nm_buf *b)
{
	struct nm_json j;
	size_t i, k, exposed = 0, reboots = 0;

	for (i = 0; i < p->before.n; i++)
		if (p->before.v[i].exposure != NM_EXP_LOOPBACK)
			exposed++;
	for (i = 0; i < p->steps.n; i++)
		if (p->steps.v[i].reboot)
			reboots++;
	nm_json_init(&j, b);
	nm_json_obj(&j);
	nm_json_kstr(&j, "schema", "netmin.audit/1");
	nm_json_key(&j, "host");
	nm_json_obj(&j);
	nm_json_kstr(&j, "os", p->os);
	nm_json_kstr(&j, "os_reason", p->os_reason);
	nm_json_kstr(&j, "source", p->nsources ? p->sources[0] : NULL);
	nm_json_key(&j, "sources");
	nm_json_arr(&j);
	for (i = 0; i < p->nsources; i++)
		nm_json_str(&j, p->sources[i]);
	nm_json_arr_end(&j);
	nm_json_obj_end(&j);
	nm_json_key(&j, "summary");
	nm_json_obj(&j);
	nm_json_kint(&j, "open", (long long)p->before.n);
	nm_json_kint(&j, "exposed", (long long)exposed);
	nm_json_kint(&j, "closed", (long long)count_fate(p, "close", false));
	nm_json_kint(&j, "narrowed", (long long)count_fate(p, "move", false));
	nm_json_kint(&j, "stay", (long long)count_fate(p, "stay", false));
	nm_json_kint(&j, "stay_exposed", (long long)count_fate(p, "stay",
	    true));
	nm_json_kint(&j, "steps", (long long)p->steps.n);
	nm_json_kint(&j, "reboots", (long long)reboots);
	nm_json_kbool(&j, "minimal", !nm_plan_pending(p));
	nm_json_obj_end(&j);
	nm_json_key(&j, "endpoints");
	nm_json_arr(&j);
	for (i = 0; i < p->before.n; i++) {
		struct fate f = fate_of(p, &p->before.v[i]);

		nm_json_obj(&j);
		nm_out_endpoint_keys(&j, &p->before.v[i]);
		nm_json_key(&j, "plan");
		nm_json_obj(&j);
		nm_json_kstr(&j, "fate", f.what);
		nm_json_key(&j, "step");
		if (f.step)
			nm_json_int(&j, f.step->id);
		else
			nm_json_null(&j);
		nm_json_kstr(&j, "why", f.why);
		nm_json_obj_end(&j);
		nm_json_obj_end(&j);
	}
	nm_json_arr_end(&j);
	nm_json_key(&j, "steps");
	nm_json_arr(&j);
	for (i = 0; i < p->steps.n; i++) {
		const struct nm_step *s = &p->steps.v[i];

		nm_json_obj(&j);
		nm_json_kint(&j, "id", s->id);
		nm_json_kstr(&j, "phase", nm_phase_name(s->phase));
		nm_json_kstr(&j, "title", s->title);
		nm_json_kbool(&j, "reboot", s->reboot);
		nm_json_kint(&j, "closes", (long long)s->closes.n);
		nm_json_kint(&j, "moves", (long long)s->moves.n);
		nm_json_obj_end(&j);
	}
	nm_json_arr_end(&j);
	nm_json_key(&j, "kept");
	nm_json_arr(&j);
	for (i = 0; i < p->kept.n; i++) {
		nm_json_obj(&j);
		nm_json_kstr(&j, "kb", p->kept.v[i].kb);
		nm_json_kstr(&j, "name", p->kept.v[i].name);
		nm_json_kstr(&j, "why", p->kept.v[i].why);
		nm_json_kbool(&j, "asked", p->kept.v[i].asked);
		nm_json_kbool(&j, "narrowed", p->kept.v[i].narrowed);
		nm_json_obj_end(&j);
	}
	nm_json_arr_end(&j);
	nm_json_key(&j, "notes");
	nm_json_arr(&j);
	for (k = 0; k < p->notes.n; k++)
		nm_json_str(&j, p->notes.v[k].message);
	nm_json_arr_end(&j);
	nm_json_obj_end(&j);
	nm_json_end(&j);
}
