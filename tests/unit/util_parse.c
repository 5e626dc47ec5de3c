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
