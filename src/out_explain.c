/*
 * out_explain.c - one knowledge-base entry for people: what it is, who
 * opens what, what breaks, and how to close it on a generation.
 */
#include <stdio.h>
#include <string.h>

#include "kb.h"
#include "out.h"
#include "plan.h"

static void
src_tag(struct nm_buf *b, const struct nm_kb_fact *f)
{
	nm_buf_printf(b, "  [%s%s]", f->src, f->unverified ? ", unverified" :
	    "");
}

static void
strv_line(struct nm_buf *b, const char *label, const char *sep,
    const char *const *v, size_t n)
{
	size_t i;

	if (n == 0)
		return;
	nm_buf_printf(b, "  %-10s", label);
	for (i = 0; i < n; i++)
		nm_buf_printf(b, "%s%s", i ? sep : "", v[i]);
	nm_buf_putc(b, '\n');
}

static void
port_text(struct nm_buf *b, const struct nm_kb_port *p, nm_osmask entry_os)
{
	char os[96];

	nm_buf_printf(b, "%s ", nm_proto_name(p->proto));
	switch (p->kind) {
	case NM_KBP_FIXED:
		if (p->port == p->port_hi)
			nm_buf_printf(b, "%d", p->port);
		else
			nm_buf_printf(b, "%d-%d", p->port, p->port_hi);
		break;
	case NM_KBP_TYPICAL:
		nm_buf_printf(b, "%d, a dynamic port usually seen there",
		    p->port);
		break;
	case NM_KBP_RPC:
		nm_buf_puts(b, "dynamic RPC (1025-5000 on 2000/XP/2003, "
		    "49152-65535 later)");
		break;
	case NM_KBP_EPHEMERAL:
		nm_buf_puts(b, "an ephemeral client port");
		break;
	}
	if (p->f.os != entry_os)
		nm_buf_printf(b, " on %s", nm_os_describe(p->f.os, os,
		    sizeof(os)));
	if (p->bind >= 0)
		nm_buf_printf(b, ", bound to %s", p->bind == NM_EXP_LOOPBACK ?
		    "loopback" : p->bind == NM_EXP_ADDRESS ?
		    "each address" : "every address");
	if (p->until == NM_KBU_LAST_UDP_RPC)
		nm_buf_puts(b, ", until the last datagram RPC service goes");
	if (p->note)
		nm_buf_printf(b, " (%s)", p->note);
}

static void
actions_text(struct nm_buf *b, const struct nm_kb_entry *e, nm_osmask os,
    int mode, const char *label)
{
	struct nm_plan scratch;
	char osd[96];
	size_t k, i;
	bool any = false;

	nm_plan_init(&scratch);
	for (k = 0; k < e->actions.n; k++) {
		const struct nm_kb_action *ka = &e->actions.v[k];
		struct nm_action a;

		if (ka->mode != mode || !(ka->f.os & os))
			continue;
		memset(&a, 0, sizeof(a));
		nm_plan_render(&scratch, &a, e, ka, NULL, os & ka->f.os);
		nm_buf_printf(b, "  %-10s%s%s%s%s", any ? "" : label,
		    ka->title ? ka->title : a.change, a.reboot ? " (reboot)" :
		    "", ka->f.os != e->os ? ", on " : "", ka->f.os != e->os ?
		    nm_os_describe(ka->f.os, osd, sizeof(osd)) : "");
		src_tag(b, &ka->f);
		nm_buf_putc(b, '\n');
		for (i = 0; i < a.ncommands; i++)
			nm_buf_printf(b, "  %-10s  %s\n", "", a.commands[i]);
		for (i = 0; i < a.nundo; i++)
			nm_buf_printf(b, "  %-10s  %s%s\n", "", i ? "      " :
			    "undo: ", a.undo[i]);
		for (i = 0; i < a.nalt; i++)
			nm_buf_printf(b, "  %-10s  %s: %s\n", "",
			    a.alt[i].manager, a.alt[i].ncommands ?
			    a.alt[i].commands[0] : "");
		any = true;
	}
	nm_plan_free(&scratch);
}

void
nm_out_explain(const struct nm_kb *kb, const struct nm_kb_entry *e,
    nm_osmask os, const char *osid, struct nm_buf *b)
{
	const struct nm_kb_policy *pol;
	char osd[96];
	size_t k;

	nm_buf_printf(b, "%s: %s\n", e->id, e->title);
	for (k = 0; k < e->nservices; k++)
		nm_buf_printf(b, "  %-10s%s (\"%s\")\n", k ? "" : "service",
		    e->services[k], e->displays[k]);
	strv_line(b, "units", " ", e->units, e->nunits);
	strv_line(b, "packages", " ", e->packages, e->npackages);
	strv_line(b, "process", " ", e->processes, e->nprocesses);
	nm_buf_printf(b, "  %-10s%s\n", "exists on", nm_os_describe(e->os, osd,
	    sizeof(osd)));
	for (k = 0; k < e->ports.n; k++) {
		const struct nm_kb_port *p = &e->ports.v[k];

		if (!(p->f.os & os))
			continue;
		nm_buf_printf(b, "  %-10s", k ? "" : "opens");
		port_text(b, p, e->os);
		src_tag(b, &p->f);
		nm_buf_putc(b, '\n');
	}
	if (e->ports.n == 0)
		nm_buf_printf(b, "  %-10sno port of its own\n", "opens");
	for (k = 0; k < e->rpc.n; k++)
		if (e->rpc.v[k].f.os & os)
			nm_buf_printf(b, "  %-10s%s v%s %s\n", k ? "" :
			    "rpc", e->rpc.v[k].uuid, e->rpc.v[k].version,
			    e->rpc.v[k].name);
	strv_line(b, "needs", ", ", e->depends, e->ndepends);
	strv_line(b, "goes with", ", ", e->with, e->nwith);
	strv_line(b, "tags", " ", e->tags, e->ntags);
	for (k = 0; k < e->breaks.n; k++)
		if (e->breaks.v[k].f.os & os) {
			nm_buf_printf(b, "  %-10s%s", "breaks",
			    e->breaks.v[k].text);
			src_tag(b, &e->breaks.v[k].f);
			nm_buf_putc(b, '\n');
		}
	for (k = 0; k < e->policy.n; k++) {
		const struct nm_kb_policy *p = &e->policy.v[k];

		if (!(p->f.os & os))
			continue;
		nm_buf_printf(b, "  %-10s%s on %s%s%s", k ? "" : "netmin",
		    p->stance == NM_STANCE_DISABLE ? "disables it" :
		    p->stance == NM_STANCE_KEEP ? "keeps it" :
		    "leaves it to you", nm_os_describe(p->f.os, osd,
		    sizeof(osd)), p->why ? ": " : "", p->why ? p->why : "");
		src_tag(b, &p->f);
		nm_buf_putc(b, '\n');
	}
	pol = nm_kb_policy_for(e, os);
	if (pol == NULL && e->policy.n == 0)
		nm_buf_printf(b, "  %-10sdisables it (no policy line)\n",
		    "netmin");
	if (osid != NULL)
		nm_buf_printf(b, "  %-10s%s\n", "for", osid);
	actions_text(b, e, os, NM_MODE_DISABLE, "close it");
	actions_text(b, e, os, NM_MODE_NARROW, "narrower");
	for (k = 0; k < e->notes.n; k++)
		if (e->notes.v[k].f.os & os)
			nm_buf_printf(b, "  %-10s%s\n", k ? "" : "notes",
			    e->notes.v[k].text);
	nm_buf_printf(b, "  %-10s", "sources");
	{
		/* every source key the entry cites, once */
		char seen[512] = ",";
		size_t i;
		const struct nm_kb_fact *fs[256];
		size_t nf = 0;

		for (i = 0; i < e->ports.n && nf < 250; i++)
			fs[nf++] = &e->ports.v[i].f;
		for (i = 0; i < e->actions.n && nf < 250; i++)
			fs[nf++] = &e->actions.v[i].f;
		for (i = 0; i < e->policy.n && nf < 250; i++)
			fs[nf++] = &e->policy.v[i].f;
		for (i = 0; i < e->breaks.n && nf < 250; i++)
			fs[nf++] = &e->breaks.v[i].f;
		for (i = 0; i <= nf; i++) {
			const char *list = i < nf ? fs[i]->src : e->src;
			const char *c = list;

			while (c && *c) {
				size_t n = strcspn(c, ",");
				char key[40];
				const struct nm_kb_source *s;

				snprintf(key, sizeof(key), "%.*s", (int)n, c);
				c += n + (c[n] == ',');
				if (strlen(seen) + strlen(key) + 2 >=
				    sizeof(seen))
					continue;
				{
					char pat[44];

					snprintf(pat, sizeof(pat), ",%s,", key);
					if (strstr(seen, pat) != NULL)
						continue;
				}
				strcat(seen, key);
				strcat(seen, ",");
				s = nm_kb_source(kb, key);
				nm_buf_printf(b, "%s%s (%s): %s%s%s\n",
				    strlen(seen) == strlen(key) + 2 ? "" :
				    "            ", key, s ? s->kind : "?",
				    s ? s->title : "?", s && s->url ? " " : "",
				    s && s->url ? s->url : "");
			}
		}
	}
	nm_buf_printf(b, "  %-10s%s:%d\n", "defined", e->file, e->line);
}
