/* util_parse.c - helpers for parser tests. */
#include <stdio.h>
#include <string.h>

#include "util_parse.h"

int
tparse(struct nm_snapshot *s, const char *text, const char *format)
{
	struct nm_input in;
	struct nm_error err = { 0 };
	int rc;

	nm_snap_init(s);
	if (nm_input_load(&in, "t.txt", text, strlen(text), &err) != 0)
		return -1;
	rc = nm_parse_input(s, &in, format, &err);
	nm_input_free(&in);
	if (rc == 0)
		nm_snap_finish(s);
	return rc;
}

const char *
tep(const struct nm_snapshot *s, size_t n)
{
	static char buf[512];
	const struct nm_endpoint *e;
	int pid;
	char peer[NM_ADDRLEN + 16] = "";

	if (n >= s->ep.n)
		return "(none)";
	e = &s->ep.v[n];
	pid = nm_ep_pid(e);
	if (e->raddr[0])
		snprintf(peer, sizeof(peer), " %s:%d", e->raddr, e->rport);
	snprintf(buf, sizeof(buf), "%s%s %s%s%s:%d%s %s %d %s%s",
	    nm_proto_name(e->proto), e->family == NM_INET6 ? "6" : "",
	    e->laddr, e->lzone[0] ? "%" : "", e->lzone, e->lport, peer,
	    nm_state_name(e->state), pid,
	    nm_ep_process(e) ? nm_ep_process(e) : "-",
	    e->phantom ? " phantom" : "");
	return buf;
}

int
tparse_files(struct nm_snapshot *s, const char *const *texts, size_t n)
{
	static const char *const names[] = { "a.txt", "b.txt", "c.txt" };
	struct nm_input in;
	struct nm_error err = { 0 };
	size_t i;
	int rc = 0;

	nm_snap_init(s);
	for (i = 0; i < n && i < 3 && rc == 0; i++) {
		if (nm_input_load(&in, names[i], texts[i], strlen(texts[i]),
		    &err) != 0)
			return -1;
		rc = nm_parse_input(s, &in, NULL, &err);
		nm_input_free(&in);
	}
	if (rc == 0)
		nm_snap_finish(s);
	return rc;
}

static void
join(char *buf, size_t len, const char **v, size_t n)
{
	size_t i, o = 0;

	buf[0] = '\0';
	for (i = 0; i < n && o < len; i++)
		o += (size_t)snprintf(buf + o, len - o, "%s%s", i ? " " : "",
		    v[i]);
	if (n == 0)
		snprintf(buf, len, "-");
}

const char *
tproc(const struct nm_snapshot *s, int pid)
{
	static char buf[1024];
	char sv[900];
	size_t i;

	for (i = 0; i < s->procs.n; i++) {
		const struct nm_proc *p = &s->procs.v[i];

		if (p->pid != pid)
			continue;
		join(sv, sizeof(sv), p->services, p->nservices);
		snprintf(buf, sizeof(buf), "%s: %s%s%s", p->name ? p->name :
		    "-", sv, p->user ? " user=" : "", p->user ? p->user : "");
		return buf;
	}
	return "(none)";
}

const char *
tsvc(const struct nm_snapshot *s, size_t n)
{
	static char buf[1024];

	if (n >= s->ep.n)
		return "(none)";
	join(buf, sizeof(buf), s->ep.v[n].services, s->ep.v[n].nservices);
	return buf;
}

const char *
twarn(const struct nm_snapshot *s)
{
	static char buf[4096];
	size_t i, o = 0;

	buf[0] = '\0';
	for (i = 0; i < s->warn.n && o < sizeof(buf); i++)
		o += (size_t)snprintf(buf + o, sizeof(buf) - o, "%d: %s\n",
		    s->warn.v[i].line, s->warn.v[i].message);
	return buf;
}
