/*
 * out_rpcdump.c - an endpoint-map dump as blocks (one per interface, the
 * way Impacket's rpcdump groups it) with a port summary, or as the
 * netmin.rpcdump/1 JSON document (one entry per tower).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "epm.h"
#include "out.h"

/* The table row for an entry, if its tower names an interface. */
static const struct nm_rpcif *
entry_if(const struct nm_epm_entry *e)
{
	if (!e->has_tower || !e->tower.has_if)
		return NULL;
	return nm_rpcif_find(&e->tower.if_uuid, e->tower.if_major);
}

static void
if_title(const struct nm_rpcif *r, char *out, size_t len)
{
	if (r == NULL)
		nm_strlcpy(out, "", len);
	else if (r->spec[0] != '\0')
		snprintf(out, len, "%s %s", r->spec, r->title);
	else
		nm_strlcpy(out, r->title, len);
}

static bool
same_if(const struct nm_epm_entry *a, const struct nm_epm_entry *b)
{
	bool ai = a->has_tower && a->tower.has_if;
	bool bi = b->has_tower && b->tower.has_if;

	if (ai != bi)
		return false;
	if (!ai)
		return true;
	return memcmp(&a->tower.if_uuid, &b->tower.if_uuid, 16) == 0 &&
	    a->tower.if_major == b->tower.if_major &&
	    a->tower.if_minor == b->tower.if_minor;
}

/* Short label for an interface: table name, else annotation, else uuid. */
static void
if_label(const struct nm_epm_entry *e, char *out, size_t len)
{
	const struct nm_rpcif *r = entry_if(e);
	char u[37];

	if (r != NULL)
		nm_strlcpy(out, r->name, len);
	else if (e->annotation[0] != '\0')
		nm_strlcpy(out, e->annotation, len);
	else if (e->has_tower && e->tower.has_if) {
		nm_uuid_str(&e->tower.if_uuid, false, u);
		nm_strlcpy(out, u, len);
	} else
		nm_strlcpy(out, "?", len);
}

/* Transport and port a binding reaches from the network, if any. */
static const char *
net_proto(const struct nm_tower *t)
{
	if (t->port < 0 || t->protseq == NULL)
		return NULL;
	if (strcmp(t->protseq, "ncacn_ip_tcp") == 0 ||
	    strcmp(t->protseq, "ncacn_http") == 0)
		return "tcp";
	if (strcmp(t->protseq, "ncadg_ip_udp") == 0)
		return "udp";
	return NULL;
}

static void
add_word(struct nm_buf *b, const char *w)
{
	size_t n = strlen(w);
	const char *p = b->s;

	/* Already listed? (words are ", "-separated) */
	while (p != NULL && *p != '\0') {
		const char *q = strstr(p, ", ");
		size_t l = q ? (size_t)(q - p) : strlen(p);

		if (l == n && strncmp(p, w, n) == 0)
			return;
		p = q ? q + 2 : NULL;
	}
	if (b->len)
		nm_buf_puts(b, ", ");
	nm_buf_puts(b, w);
}

static int
cmp_port(const void *a, const void *b)
{
	const int *x = a, *y = b;

	if (x[0] != y[0])
		return x[0] - y[0];
	return x[1] - y[1];
}

/* tcp/udp ports the map names, with who answers there. */
static void
port_summary(const struct nm_epm_dump *d, struct nm_buf *out)
{
	static const char *head[] = { "PORT", "INTERFACES", "SERVICES" };
	NM_VEC(int) ports = { 0 };	/* pairs: proto (0 tcp, 1 udp), port */
	struct nm_table t;
	size_t i, j;

	for (i = 0; i < d->e.n; i++) {
		const char *np = net_proto(&d->e.v[i].tower);
		int pr, found = 0;

		if (!d->e.v[i].has_tower || np == NULL)
			continue;
		pr = strcmp(np, "udp") == 0;
		for (j = 0; j + 1 < ports.n; j += 2)
			if (ports.v[j] == pr && ports.v[j + 1] ==
			    d->e.v[i].tower.port)
				found = 1;
		if (!found) {
			*NM_VEC_PUSH(&ports) = pr;
			*NM_VEC_PUSH(&ports) = d->e.v[i].tower.port;
		}
	}
	if (ports.n == 0) {
		NM_VEC_FREE(&ports);
		return;
	}
	qsort(ports.v, ports.n / 2, 2 * sizeof(int), cmp_port);
	nm_table_init(&t, 3, head);
	for (j = 0; j + 1 < ports.n; j += 2) {
		struct nm_buf ifs = { 0 }, svcs = { 0 };

		for (i = 0; i < d->e.n; i++) {
			const struct nm_epm_entry *e = &d->e.v[i];
			const char *np = e->has_tower ? net_proto(&e->tower) :
			    NULL;
			const struct nm_rpcif *r;
			char lab[NM_EPM_MAX_NAME];

			if (np == NULL || (strcmp(np, "udp") == 0) !=
			    (ports.v[j] == 1) || e->tower.port != ports.v[j + 1])
				continue;
			if_label(e, lab, sizeof(lab));
			add_word(&ifs, lab);
			r = entry_if(e);
			if (r != NULL && r->service[0] != '\0')
				add_word(&svcs, r->service);
			else if (r != NULL && r->provider[0] != '\0')
				add_word(&svcs, r->provider);
		}
		nm_table_cell(&t, "%s/%d", ports.v[j] ? "udp" : "tcp",
		    ports.v[j + 1]);
		nm_table_cell(&t, "%s", ifs.s ? ifs.s : "");
		nm_table_cell(&t, "%s", svcs.s ? svcs.s : "?");
		nm_buf_free(&ifs);
		nm_buf_free(&svcs);
	}
	nm_table_render(&t, out);
	nm_table_free(&t);
	NM_VEC_FREE(&ports);
}

void
nm_out_rpcdump_text(const char *target, int port,
    const struct nm_epm_dump *d, struct nm_buf *out)
{
	size_t i, j, nifs = 0;
	bool *done = nm_xcalloc(d->e.n ? d->e.n : 1, sizeof(bool));

	for (i = 0; i < d->e.n; i++) {
		const struct nm_epm_entry *e = &d->e.v[i];
		const struct nm_rpcif *r;
		char title[256], u[37];
		bool first = true;

		if (done[i])
			continue;
		nifs++;
		r = entry_if(e);
		if (e->has_tower && e->tower.has_if) {
			nm_uuid_str(&e->tower.if_uuid, true, u);
			nm_buf_printf(out, "%s v%u.%u", u, e->tower.if_major,
			    e->tower.if_minor);
		} else
			nm_buf_puts(out, "(no interface in the tower)");
		if (e->annotation[0] != '\0')
			nm_buf_printf(out, "  %s", e->annotation);
		nm_buf_putc(out, '\n');
		if_title(r, title, sizeof(title));
		nm_buf_printf(out, "  interface  %s%s%s\n",
		    r ? r->name : "unknown", title[0] ? ": " : "", title);
		if (r != NULL && r->service[0] != '\0')
			nm_buf_printf(out, "  service    %s%s%s%s\n",
			    r->service, r->provider[0] ? " (" : "",
			    r->provider, r->provider[0] ? ")" : "");
		else if (r != NULL && r->provider[0] != '\0')
			nm_buf_printf(out, "  service    none, runs in %s\n",
			    r->provider);
		else
			nm_buf_puts(out, "  service    unknown\n");
		for (j = i; j < d->e.n; j++) {
			const struct nm_epm_entry *f = &d->e.v[j];

			if (done[j] || !same_if(e, f))
				continue;
			done[j] = true;
			nm_buf_printf(out, "  %s %s", first ? "bindings  " :
			    "          ", f->has_tower ? f->tower.binding :
			    "(no tower)");
			if (!nm_uuid_is_nil(&f->object)) {
				nm_uuid_str(&f->object, true, u);
				nm_buf_printf(out, "  object %s", u);
			}
			nm_buf_putc(out, '\n');
			first = false;
		}
		nm_buf_putc(out, '\n');
	}
	free(done);
	port_summary(d, out);
	nm_buf_printf(out, "%s%zu endpoint%s, %zu interface%s from %s port %d; "
	    "%d ept_lookup call%s, list ended by %s\n", d->e.n ? "\n" : "",
	    d->e.n, d->e.n == 1 ? "" : "s", nifs, nifs == 1 ? "" : "s",
	    target, port, d->pages, d->pages == 1 ? "" : "s",
	    d->end ? d->end : "?");
}

void
nm_out_rpcdump_json(const char *target, int port,
    const struct nm_epm_dump *d, struct nm_buf *out)
{
	struct nm_json j;
	size_t i;

	nm_json_init(&j, out);
	nm_json_obj(&j);
	nm_json_kstr(&j, "schema", "netmin.rpcdump/1");
	nm_json_kstr(&j, "target", target);
	nm_json_kint(&j, "port", port);
	nm_json_kint(&j, "calls", d->pages);
	nm_json_kstr(&j, "end", d->end);
	nm_json_key(&j, "entries");
	nm_json_arr(&j);
	for (i = 0; i < d->e.n; i++) {
		const struct nm_epm_entry *e = &d->e.v[i];
		const struct nm_tower *t = &e->tower;
		const struct nm_rpcif *r = entry_if(e);
		bool hi = e->has_tower && t->has_if;
		char u[37], ver[16], title[256];

		nm_json_obj(&j);
		nm_json_key(&j, "uuid");
		if (hi) {
			nm_uuid_str(&t->if_uuid, false, u);
			nm_json_str(&j, u);
		} else
			nm_json_null(&j);
		nm_json_key(&j, "version");
		if (hi) {
			snprintf(ver, sizeof(ver), "%u.%u", t->if_major,
			    t->if_minor);
			nm_json_str(&j, ver);
		} else
			nm_json_null(&j);
		nm_json_kstr(&j, "annotation", e->annotation);
		nm_json_kstr(&j, "binding", e->has_tower ? t->binding : NULL);
		nm_json_kstr(&j, "protocol", e->has_tower ? t->protseq : NULL);
		nm_json_kstr(&j, "host", e->has_tower && t->host[0] ?
		    t->host : NULL);
		nm_json_key(&j, "port");
		if (e->has_tower && t->port >= 0)
			nm_json_int(&j, t->port);
		else
			nm_json_null(&j);
		nm_json_kstr(&j, "endpoint", e->has_tower && t->endpoint[0] ?
		    t->endpoint : NULL);
		nm_json_key(&j, "object");
		if (!nm_uuid_is_nil(&e->object)) {
			nm_uuid_str(&e->object, false, u);
			nm_json_str(&j, u);
		} else
			nm_json_null(&j);
		if_title(r, title, sizeof(title));
		nm_json_kstr(&j, "name", r ? r->name : NULL);
		nm_json_kstr(&j, "interface", r ? title : NULL);
		nm_json_kstr(&j, "service", r && r->service[0] ? r->service :
		    NULL);
		nm_json_kstr(&j, "provider", r && r->provider[0] ?
		    r->provider : NULL);
		nm_json_obj_end(&j);
	}
	nm_json_arr_end(&j);
	nm_json_obj_end(&j);
	nm_json_end(&j);
}
