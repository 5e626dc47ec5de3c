/*
 * out_inventory.c - endpoints as JSON (schema netmin.inventory/1), as a
 * readable table, and as CSV.  Shared by list, audit and plan.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "out.h"

bool
nm_filter_match(const struct nm_filter *f, const struct nm_endpoint *e)
{
	if ((f->tcp || f->udp) && !((f->tcp && e->proto == NM_TCP) ||
	    (f->udp && e->proto == NM_UDP)))
		return false;
	if ((f->v4 || f->v6) && !((f->v4 && e->family == NM_INET) ||
	    (f->v6 && e->family == NM_INET6)))
		return false;
	if (f->all)
		return true;
	/* Default: listening TCP and every UDP socket (phantoms included). */
	return e->proto != NM_TCP || e->state == NM_ST_LISTEN;
}

/* "0.0.0.0", "[::]", "127.0.0.53%lo", "[fe80::1%12]" */
const char *
nm_ep_addr_text(const struct nm_endpoint *e, char *buf, size_t len)
{
	bool v6 = e->family == NM_INET6 && strchr(e->laddr, ':') != NULL;

	snprintf(buf, len, "%s%s%s%s%s", v6 ? "[" : "", e->laddr,
	    e->lzone[0] ? "%" : "", e->lzone, v6 ? "]" : "");
	return buf;
}

void
nm_out_endpoint_json(struct nm_json *j, const struct nm_endpoint *e)
{
	nm_json_obj(j);
	nm_out_endpoint_keys(j, e);
	nm_json_obj_end(j);
}

/* The keys of one endpoint, for callers that add their own after them. */
void
nm_out_endpoint_keys(struct nm_json *j, const struct nm_endpoint *e)
{
	size_t k;

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
	nm_json_key(j, "remote_address");
	nm_json_str(j, e->raddr[0] ? e->raddr : NULL);
	nm_json_key(j, "remote_port");
	if (e->rport >= 0 && e->raddr[0])
		nm_json_int(j, e->rport);
	else
		nm_json_null(j);
	nm_json_kstr(j, "state", nm_state_name(e->state));
	nm_json_key(j, "pid");
	if (nm_ep_pid(e) >= 0)
		nm_json_int(j, nm_ep_pid(e));
	else
		nm_json_null(j);
	nm_json_kstr(j, "process", nm_ep_process(e));
	if (e->nowners > 1) {
		nm_json_key(j, "owners");
		nm_json_arr(j);
		for (k = 0; k < e->nowners; k++) {
			nm_json_obj(j);
			nm_json_key(j, "pid");
			if (e->owners[k].pid >= 0)
				nm_json_int(j, e->owners[k].pid);
			else
				nm_json_null(j);
			nm_json_kstr(j, "process", e->owners[k].process);
			nm_json_obj_end(j);
		}
		nm_json_arr_end(j);
	}
	nm_json_key(j, "services");
	nm_json_arr(j);
	for (k = 0; k < e->nservices; k++)
		nm_json_str(j, e->services[k]);
	nm_json_arr_end(j);
	nm_json_kstr(j, "kb", e->kb);
	if (e->kb != NULL || e->reason != NULL) {
		nm_json_kstr(j, "confidence", nm_confidence_name(e->confidence));
		nm_json_kstr(j, "reason", e->reason);
	}
	nm_json_kstr(j, "exposure", nm_exposure_name(e->exposure));
	nm_json_kbool(j, "phantom", e->phantom);
	if (e->dual_stack)
		nm_json_kbool(j, "dual_stack", true);
	if (e->addr_truncated)
		nm_json_kbool(j, "address_truncated", true);
	if (e->user)
		nm_json_kstr(j, "user", e->user);
	if (e->exe)
		nm_json_kstr(j, "exe", e->exe);
	if (e->unit)
		nm_json_kstr(j, "unit", e->unit);
	if (e->unit_manager)
		nm_json_kstr(j, "unit_manager", e->unit_manager);
	if (e->container)
		nm_json_kstr(j, "container", e->container);
	if (e->netns)
		nm_json_kstr(j, "netns", e->netns);
	if (e->inode)
		nm_json_kint(j, "inode", (long long)e->inode);
	if (e->owner_note)
		nm_json_kstr(j, "owner_note", e->owner_note);
	if (e->source) {
		nm_json_kstr(j, "source", e->source);
		if (e->line > 0)
			nm_json_kint(j, "line", e->line);
	}
}

static void
warnings_json(struct nm_json *j, const struct nm_snapshot *s)
{
	size_t i;

	nm_json_key(j, "warnings");
	nm_json_arr(j);
	for (i = 0; i < s->warn.n; i++) {
		const struct nm_warning *w = &s->warn.v[i];

		nm_json_obj(j);
		nm_json_kstr(j, "source", w->source);
		nm_json_key(j, "line");
		if (w->line > 0)
			nm_json_int(j, w->line);
		else
			nm_json_null(j);
		nm_json_kstr(j, "message", w->message);
		nm_json_obj_end(j);
	}
	nm_json_arr_end(j);
}

/* The host's services (live sources, service captures); omitted when
 * the source knows none. */
static void
host_services_json(struct nm_json *j, const struct nm_snapshot *s)
{
	size_t i;

	if (s->svcs.n == 0)
		return;
	nm_json_key(j, "services");
	nm_json_arr(j);
	for (i = 0; i < s->svcs.n; i++) {
		const struct nm_service *v = &s->svcs.v[i];

		nm_json_obj(j);
		nm_json_kstr(j, "name", v->name);
		nm_json_kstr(j, "display", v->display);
		nm_json_kstr(j, "start", v->start);
		if (v->delayed)
			nm_json_kbool(j, "delayed", true);
		nm_json_kstr(j, "state", v->state);
		nm_json_key(j, "pid");
		if (v->pid >= 0)
			nm_json_int(j, v->pid);
		else
			nm_json_null(j);
		if (v->type != NULL)
			nm_json_kstr(j, "type", v->type);
		if (v->binary != NULL)
			nm_json_kstr(j, "binary", v->binary);
		nm_json_obj_end(j);
	}
	nm_json_arr_end(j);
}

/* Host facts: registry values, OS version details. */
static void
host_facts_json(struct nm_json *j, const struct nm_snapshot *s)
{
	size_t i;

	if (s->facts.n == 0)
		return;
	nm_json_key(j, "facts");
	nm_json_arr(j);
	for (i = 0; i < s->facts.n; i++) {
		const struct nm_fact *f = &s->facts.v[i];

		nm_json_obj(j);
		nm_json_kstr(j, "key", f->key);
		if (f->type != NULL)
			nm_json_kstr(j, "type", f->type);
		nm_json_kstr(j, "value", f->value);
		nm_json_obj_end(j);
	}
	nm_json_arr_end(j);
}

void
nm_out_inventory_json(const struct nm_snapshot *s, const struct nm_filter *f,
    struct nm_buf *b)
{
	struct nm_json j;
	struct nm_endpoint scratch;
	size_t i;

	nm_json_init(&j, b);
	nm_json_obj(&j);
	nm_json_kstr(&j, "schema", "netmin.inventory/1");
	nm_json_key(&j, "host");
	nm_json_obj(&j);
	nm_json_kstr(&j, "os", s->host.os);
	if (s->host.os_reason)
		nm_json_kstr(&j, "os_reason", s->host.os_reason);
	if (s->host.hostname)
		nm_json_kstr(&j, "hostname", s->host.hostname);
	if (s->host.owners_from)
		nm_json_kstr(&j, "owners_from", s->host.owners_from);
	nm_json_kstr(&j, "source", s->host.nsources ? s->host.sources[0] :
	    NULL);
	nm_json_key(&j, "sources");
	nm_json_arr(&j);
	for (i = 0; i < s->host.nsources; i++)
		nm_json_str(&j, s->host.sources[i]);
	nm_json_arr_end(&j);
	host_services_json(&j, s);
	host_facts_json(&j, s);
	nm_json_obj_end(&j);
	nm_json_key(&j, "endpoints");
	nm_json_arr(&j);
	for (i = 0; i < nm_snap_nep(s); i++) {
		const struct nm_endpoint *e = nm_snap_ep(s, i, &scratch);

		if (nm_filter_match(f, e))
			nm_out_endpoint_json(&j, e);
	}
	nm_json_arr_end(&j);
	warnings_json(&j, s);
	nm_json_obj_end(&j);
	nm_json_end(&j);
}

/*
 * Rows are formatted straight into a line buffer, twice: once to measure
 * the columns, once to print.  No per-cell allocation, so a host with
 * fifty thousand sockets prints in little time and little memory.
 */
struct row {
	char	 buf[4096];
	size_t	 len;
	size_t	 off[16];	/* cell starts in buf */
	size_t	 ncell;
	bool	 csv_mode;	/* empty owners stay empty, not "-" */
};

static void
row_add(struct row *r, const char *s, size_t n)
{
	if (n > sizeof(r->buf) - 1 - r->len)
		n = sizeof(r->buf) - 1 - r->len;
	memcpy(r->buf + r->len, s, n);
	r->len += n;
}

static void
row_puts(struct row *r, const char *s)
{
	if (s != NULL)
		row_add(r, s, strlen(s));
}

static void
row_int(struct row *r, long long v)
{
	char t[24];
	size_t n = 0;
	unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v :
	    (unsigned long long)v;

	do
		t[sizeof(t) - 1 - n++] = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	if (v < 0)
		t[sizeof(t) - 1 - n++] = '-';
	row_add(r, t + sizeof(t) - n, n);
}

/* Each cell is NUL-terminated in place. */
static void
row_cell(struct row *r)
{
	if (r->ncell > 0) {
		if (r->len >= sizeof(r->buf) - 1)
			r->len = sizeof(r->buf) - 2;
		r->buf[r->len++] = '\0';
	}
	r->off[r->ncell++] = r->len;
}

static void
row_end(struct row *r)
{
	if (r->len >= sizeof(r->buf))
		r->len = sizeof(r->buf) - 1;
	r->buf[r->len] = '\0';
}

static const char *
cell(const struct row *r, size_t c)
{
	return r->buf + r->off[c];
}

static void
owners_cell(struct row *r, const struct nm_endpoint *e, bool pids)
{
	size_t k, start = r->len;

	for (k = 0; k < e->nowners; k++) {
		const struct nm_owner *o = &e->owners[k];

		if (pids) {
			if (o->pid < 0)
				continue;
			if (r->len > start)
				row_add(r, " ", 1);
			row_int(r, o->pid);
		} else if (o->process != NULL) {
			/* nginx master + 4 workers: say the name once */
			size_t m;
			bool seen = false;

			for (m = 0; m < k && !seen; m++)
				seen = e->owners[m].process != NULL &&
				    strcmp(e->owners[m].process,
				    o->process) == 0;
			if (seen)
				continue;
			if (r->len > start)
				row_add(r, " ", 1);
			row_puts(r, o->process);
		}
	}
	if (r->len == start && !r->csv_mode)
		row_add(r, "-", 1);
}

static void
note_part(struct row *r, size_t start, const char *s)
{
	if (r->len > start)
		row_add(r, "; ", 2);
	row_puts(r, s);
}

/* netns: whether to show a NETNS column (more than one namespace). */
static void
format_row(struct row *r, const struct nm_endpoint *e, bool csv,
    bool netns, bool why)
{
	size_t k, start;

	r->len = r->ncell = 0;
	r->csv_mode = csv;
	if (csv) {
		row_cell(r); row_puts(r, nm_proto_name(e->proto));
		row_cell(r); row_puts(r, nm_family_name(e->family));
		row_cell(r); row_puts(r, e->laddr);
		row_cell(r); row_puts(r, e->lzone);
		row_cell(r);
		if (e->lport >= 0)
			row_int(r, e->lport);
		else
			row_add(r, "*", 1);
		row_cell(r); row_puts(r, e->raddr);
		row_cell(r);
		if (e->raddr[0] && e->rport >= 0)
			row_int(r, e->rport);
		row_cell(r); row_puts(r, nm_state_name(e->state));
		row_cell(r); owners_cell(r, e, true);
		row_cell(r); owners_cell(r, e, false);
		row_cell(r);
		for (k = 0; k < e->nservices; k++) {
			if (k)
				row_add(r, " ", 1);
			row_puts(r, e->services[k]);
		}
		row_cell(r); row_puts(r, nm_exposure_name(e->exposure));
		row_cell(r); row_puts(r, e->phantom ? "true" : "false");
		row_end(r);
		return;
	}
	if (netns) {
		row_cell(r);
		row_puts(r, e->netns ? e->netns : "-");
	}
	row_cell(r);
	row_puts(r, nm_proto_name(e->proto));
	if (e->family == NM_INET6)
		row_add(r, "6", 1);
	row_cell(r);
	if (e->family == NM_INET6 && strchr(e->laddr, ':') != NULL) {
		row_add(r, "[", 1);
		row_puts(r, e->laddr);
		if (e->lzone[0]) {
			row_add(r, "%", 1);
			row_puts(r, e->lzone);
		}
		row_add(r, "]", 1);
	} else {
		row_puts(r, e->laddr);
		if (e->lzone[0]) {
			row_add(r, "%", 1);
			row_puts(r, e->lzone);
		}
	}
	row_cell(r);
	if (e->lport >= 0)
		row_int(r, e->lport);
	else
		row_add(r, "*", 1);
	row_cell(r);
	row_puts(r, nm_state_name(e->state));
	if (e->raddr[0]) {
		row_add(r, " ", 1);
		row_puts(r, e->raddr);
		row_add(r, ":", 1);
		row_int(r, e->rport);
	}
	row_cell(r); owners_cell(r, e, true);
	row_cell(r); owners_cell(r, e, false);
	row_cell(r);
	for (k = 0; k < e->nservices; k++) {
		if (k)
			row_add(r, " ", 1);
		row_puts(r, e->services[k]);
	}
	if (e->nservices == 0)
		row_add(r, "-", 1);
	/* The kb entry without its family ("rpcss"), and how sure. */
	row_cell(r);
	row_puts(r, e->kb ? (strchr(e->kb, '/') ? strchr(e->kb, '/') + 1 :
	    e->kb) : "-");
	row_cell(r);
	row_puts(r, e->kb || e->reason ? nm_confidence_name(e->confidence) :
	    "-");
	row_cell(r); row_puts(r, nm_exposure_name(e->exposure));
	row_cell(r);
	start = r->len;
	if (e->phantom)
		note_part(r, start, "phantom (not open)");
	if (e->dual_stack)
		note_part(r, start, "dual-stack");
	if (e->addr_truncated)
		note_part(r, start, "address cut short");
	if (e->container != NULL) {
		note_part(r, start, "container ");
		row_puts(r, e->container);
	}
	if (e->owner_note != NULL)
		note_part(r, start, e->owner_note);
	if (why) {
		row_cell(r);
		row_puts(r, e->reason ? e->reason : "");
	}
	row_end(r);
}

/* Display width: UTF-8 continuation bytes take no column. */
static size_t
text_width(const char *s)
{
	size_t w = 0;

	for (; *s; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			w++;
	return w;
}

static void
csv_field(struct nm_buf *b, const char *s)
{
	if (strpbrk(s, ",\"\n\r") == NULL) {
		nm_buf_puts(b, s);
		return;
	}
	nm_buf_putc(b, '"');
	for (; *s; s++) {
		if (*s == '"')
			nm_buf_putc(b, '"');
		nm_buf_putc(b, *s);
	}
	nm_buf_putc(b, '"');
}

static void
spaces(struct nm_buf *b, size_t n)
{
	static const char sp[] = "                                ";

	while (n > 0) {
		size_t k = n < sizeof(sp) - 1 ? n : sizeof(sp) - 1;

		nm_buf_add(b, sp, k);
		n -= k;
	}
}

static void
emit_line(struct nm_buf *b, const char *const *cells, size_t ncols,
    const size_t *w, size_t right)
{
	size_t last = ncols, c;

	/* Trailing empty cells leave no trailing blanks. */
	while (last > 0 && cells[last - 1][0] == '\0')
		last--;
	for (c = 0; c < last; c++) {
		size_t sw = text_width(cells[c]);

		if (c > 0)
			nm_buf_add(b, "  ", 2);
		if (c == right && w[c] > sw)
			spaces(b, w[c] - sw);
		nm_buf_puts(b, cells[c]);
		if (c != right && c + 1 < last && w[c] > sw)
			spaces(b, w[c] - sw);
	}
	nm_buf_putc(b, '\n');
}

void
nm_out_inventory_table(const struct nm_snapshot *s, const struct nm_filter *f,
    bool csv, struct nm_buf *b)
{
	static const char *head[] = { "NETNS", "PROTO", "LOCAL", "PORT",
	    "STATE", "PID", "PROCESS", "SERVICES", "KB", "CONF", "EXPOSURE",
	    "NOTE", "WHY" };
	static const char *chead[] = { "proto", "family", "local_address",
	    "interface", "local_port", "remote_address", "remote_port",
	    "state", "pid", "process", "services", "exposure", "phantom" };
	const char *const *h;
	const char *cells[16];
	size_t w[16] = { 0 }, ncols, i, c, right;
	struct row *r = nm_xmalloc(sizeof(*r));
	struct nm_endpoint scratch;
	const struct nm_endpoint *e;
	size_t nep = nm_snap_nep(s);
	const char *ns0 = NULL;
	bool netns = false;

	if (csv) {
		for (c = 0; c < NM_NELEM(chead); c++) {
			if (c)
				nm_buf_putc(b, ',');
			nm_buf_puts(b, chead[c]);
		}
		nm_buf_putc(b, '\n');
		for (i = 0; i < nep; i++) {
			e = nm_snap_ep(s, i, &scratch);
			if (!nm_filter_match(f, e))
				continue;
			format_row(r, e, true, false, false);
			for (c = 0; c < r->ncell; c++) {
				if (c)
					nm_buf_putc(b, ',');
				csv_field(b, cell(r, c));
			}
			nm_buf_putc(b, '\n');
		}
		free(r);
		return;
	}
	/* One pass measures every column, NETNS too; that column is shown
	   only when rows come from several namespaces. */
	ncols = NM_NELEM(head) - (f->why ? 0 : 1);
	for (c = 0; c < ncols; c++)
		w[c] = text_width(head[c]);
	for (i = 0; i < nep; i++) {
		e = nm_snap_ep(s, i, &scratch);
		if (!nm_filter_match(f, e))
			continue;
		if (e->netns != NULL && !netns) {
			if (ns0 == NULL)
				ns0 = e->netns;
			else if (strcmp(ns0, e->netns) != 0)
				netns = true;
		}
		format_row(r, e, false, true, f->why);
		for (c = 0; c < ncols; c++) {
			size_t cw = text_width(cell(r, c));

			if (cw > w[c])
				w[c] = cw;
		}
	}
	h = head;
	if (!netns) {
		h++;
		ncols--;
		memmove(w, w + 1, ncols * sizeof(*w));
	}
	right = netns ? 3 : 2;		/* PORT */
	emit_line(b, h, ncols, w, right);
	for (i = 0; i < nep; i++) {
		e = nm_snap_ep(s, i, &scratch);
		if (!nm_filter_match(f, e))
			continue;
		format_row(r, e, false, netns, f->why);
		for (c = 0; c < ncols; c++)
			cells[c] = cell(r, c);
		emit_line(b, cells, ncols, w, right);
	}
	free(r);
}

void
nm_out_warnings(const struct nm_snapshot *s, struct nm_buf *b)
{
	size_t i;

	for (i = 0; i < s->warn.n; i++) {
		const struct nm_warning *w = &s->warn.v[i];

		if (w->line > 0)
			nm_buf_printf(b, "netmin: %s:%d: %s\n", w->source,
			    w->line, w->message);
		else
			nm_buf_printf(b, "netmin: %s: %s\n", w->source,
			    w->message);
	}
}
