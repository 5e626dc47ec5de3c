/*
 * out_inventory.c - endpoints as JSON (schema netmin.inventory/1), as a
 * readable table, and as CSV.  Shared by list, audit and plan.
 */
#include <stdio.h>
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

void
nm_out_inventory_json(const struct nm_snapshot *s, const struct nm_filter *f,
    struct nm_buf *b)
{
	struct nm_json j;
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
	nm_json_kstr(&j, "source", s->host.nsources ? s->host.sources[0] :
	    NULL);
	nm_json_key(&j, "sources");
	nm_json_arr(&j);
	for (i = 0; i < s->host.nsources; i++)
		nm_json_str(&j, s->host.sources[i]);
	nm_json_arr_end(&j);
	nm_json_obj_end(&j);
	nm_json_key(&j, "endpoints");
	nm_json_arr(&j);
	for (i = 0; i < s->ep.n; i++)
		if (nm_filter_match(f, &s->ep.v[i]))
			nm_out_endpoint_json(&j, &s->ep.v[i]);
	nm_json_arr_end(&j);
	warnings_json(&j, s);
	nm_json_obj_end(&j);
	nm_json_end(&j);
}

static void
join_services(const struct nm_endpoint *e, char *buf, size_t len)
{
	size_t k, n = 0;

	buf[0] = '\0';
	for (k = 0; k < e->nservices && n < len; k++)
		n += (size_t)snprintf(buf + n, len - n, "%s%s", k ? " " : "",
		    e->services[k]);
}

static void
join_owners(const struct nm_endpoint *e, bool pids, char *buf, size_t len)
{
	size_t k, n = 0;

	buf[0] = '\0';
	for (k = 0; k < e->nowners && n < len; k++) {
		const struct nm_owner *o = &e->owners[k];

		if (pids) {
			if (o->pid >= 0)
				n += (size_t)snprintf(buf + n, len - n, "%s%d",
				    n ? " " : "", o->pid);
		} else if (o->process != NULL) {
			/* nginx master + 4 workers: say the name once */
			size_t m;
			bool seen = false;

			for (m = 0; m < k; m++)
				if (e->owners[m].process != NULL &&
				    strcmp(e->owners[m].process,
				    o->process) == 0)
					seen = true;
			if (!seen)
				n += (size_t)snprintf(buf + n, len - n, "%s%s",
				    n ? " " : "", o->process);
		}
	}
}

void
nm_out_inventory_table(const struct nm_snapshot *s, const struct nm_filter *f,
    bool csv, struct nm_buf *b)
{
	static const char *head[] = { "PROTO", "LOCAL", "PORT", "STATE",
	    "PID", "PROCESS", "SERVICES", "EXPOSURE", "NOTE" };
	static const char *chead[] = { "proto", "family", "local_address",
	    "interface", "local_port", "remote_address", "remote_port",
	    "state", "pid", "process", "services", "exposure", "phantom" };
	struct nm_table t;
	char abuf[NM_ADDRLEN + NM_ZONELEN + 4], sv[512], pids[256], procs[512];
	size_t i;

	if (csv)
		nm_table_init(&t, NM_NELEM(chead), chead);
	else {
		nm_table_init(&t, NM_NELEM(head), head);
		nm_table_right(&t, 2);
	}
	for (i = 0; i < s->ep.n; i++) {
		const struct nm_endpoint *e = &s->ep.v[i];

		if (!nm_filter_match(f, e))
			continue;
		join_services(e, sv, sizeof(sv));
		join_owners(e, true, pids, sizeof(pids));
		join_owners(e, false, procs, sizeof(procs));
		if (csv) {
			nm_table_cell(&t, "%s", nm_proto_name(e->proto));
			nm_table_cell(&t, "%s", nm_family_name(e->family));
			nm_table_cell(&t, "%s", e->laddr);
			nm_table_cell(&t, "%s", e->lzone);
			if (e->lport >= 0)
				nm_table_cell(&t, "%d", e->lport);
			else
				nm_table_cell(&t, "*");
			nm_table_cell(&t, "%s", e->raddr);
			if (e->raddr[0] && e->rport >= 0)
				nm_table_cell(&t, "%d", e->rport);
			else
				nm_table_cell(&t, "%s", "");
			nm_table_cell(&t, "%s", nm_state_name(e->state));
			nm_table_cell(&t, "%s", pids);
			nm_table_cell(&t, "%s", procs);
			nm_table_cell(&t, "%s", sv);
			nm_table_cell(&t, "%s", nm_exposure_name(e->exposure));
			nm_table_cell(&t, "%s", e->phantom ? "true" : "false");
			continue;
		}
		nm_table_cell(&t, "%s%s", nm_proto_name(e->proto),
		    e->family == NM_INET6 ? "6" : "");
		nm_table_cell(&t, "%s", nm_ep_addr_text(e, abuf,
		    sizeof(abuf)));
		if (e->lport >= 0)
			nm_table_cell(&t, "%d", e->lport);
		else
			nm_table_cell(&t, "*");
		if (e->raddr[0])
			nm_table_cell(&t, "%s %s:%d", nm_state_name(e->state),
			    e->raddr, e->rport);
		else
			nm_table_cell(&t, "%s", nm_state_name(e->state));
		nm_table_cell(&t, "%s", pids[0] ? pids : "-");
		nm_table_cell(&t, "%s", procs[0] ? procs : "-");
		nm_table_cell(&t, "%s", sv[0] ? sv : "-");
		nm_table_cell(&t, "%s", nm_exposure_name(e->exposure));
		nm_table_cell(&t, "%s%s%s", e->phantom ?
		    "phantom (not open)" : "", e->dual_stack ? "dual-stack" :
		    "", e->addr_truncated ? "address cut short" : "");
	}
	if (csv)
		nm_table_render_csv(&t, b);
	else
		nm_table_render(&t, b);
	nm_table_free(&t);
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
