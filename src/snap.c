/*
 * snap.c - building a snapshot: endpoints, owners, processes, warnings, and
 * the finishing pass that every source shares (exposure, process evidence,
 * cross-source merging, phantom rows).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "netmin.h"

void
nm_snap_init(struct nm_snapshot *s)
{
	memset(s, 0, sizeof(*s));
}

void
nm_snap_free(struct nm_snapshot *s)
{
	if (s->lazy != NULL && s->lazy->free != NULL)
		s->lazy->free(s->lazy->ctx);
	NM_VEC_FREE(&s->ep);
	NM_VEC_FREE(&s->procs);
	NM_VEC_FREE(&s->svcs);
	NM_VEC_FREE(&s->facts);
	NM_VEC_FREE(&s->warn);
	NM_VEC_FREE(&s->rpc);
	nm_afree(&s->arena);
	memset(s, 0, sizeof(*s));
}

struct nm_endpoint *
nm_snap_add_ep(struct nm_snapshot *s)
{
	struct nm_endpoint *e = NM_VEC_PUSH(&s->ep);

	e->lport = -1;
	e->rport = -1;
	return e;
}

struct nm_proc *
nm_snap_proc(struct nm_snapshot *s, int pid, bool create)
{
	size_t i;
	struct nm_proc *p;

	for (i = 0; i < s->procs.n; i++)
		if (s->procs.v[i].pid == pid)
			return &s->procs.v[i];
	if (!create)
		return NULL;
	p = NM_VEC_PUSH(&s->procs);
	p->pid = pid;
	return p;
}

struct nm_service *
nm_snap_service(struct nm_snapshot *s, const char *name, bool create)
{
	struct nm_service *v;
	size_t i;

	for (i = 0; i < s->svcs.n; i++)
		if (nm_streq_ci(s->svcs.v[i].name, name))
			return &s->svcs.v[i];
	if (!create)
		return NULL;
	v = NM_VEC_PUSH(&s->svcs);
	v->name = nm_astrdup(&s->arena, name);
	v->pid = -1;
	return v;
}

void
nm_snap_warn(struct nm_snapshot *s, const char *src, int line,
    const char *fmt, ...)
{
	struct nm_warning *w;
	struct nm_buf b = { 0 };
	va_list ap;

	/* A hostile file must not grow the warning list without end. */
	if (s->warn.n >= 1000) {
		if (s->warn.n == 1000) {
			w = NM_VEC_PUSH(&s->warn);
			w->source = src;
			w->line = 0;
			w->message = "too many warnings, the rest are not shown";
		}
		return;
	}
	va_start(ap, fmt);
	nm_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	w = NM_VEC_PUSH(&s->warn);
	w->source = src;
	w->line = line;
	w->message = nm_astrdup(&s->arena, b.s ? b.s : "");
	nm_buf_free(&b);
}

static bool
strlist_has(const char **v, size_t n, const char *x)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (nm_streq_ci(v[i], x))
			return true;
	return false;
}

static void
strlist_add(struct nm_arena *a, const char ***v, size_t *n, const char *x)
{
	const char **nv;

	if (strlist_has(*v, *n, x))
		return;
	/* Arena lists are rebuilt on growth; they stay short (a few names). */
	nv = nm_aalloc(a, (*n + 1) * sizeof(*nv));
	if (*n)
		memcpy(nv, *v, *n * sizeof(*nv));
	nv[*n] = nm_astrdup(a, x);
	*v = nv;
	(*n)++;
}

/*
 * lsof cuts COMMAND to 9 characters ("systemd-r"); ss shows the 15 of
 * comm ("systemd-resolve").  A longer name of the same process wins, but
 * not a command line ("sshd: /usr/sbin" from netstat).
 */
static bool
name_extends(const char *have, const char *longer)
{
	size_t n = strlen(have);

	return strlen(longer) > n && strncmp(have, longer, n) == 0 &&
	    strpbrk(longer, " :") == NULL;
}

int
nm_ep_add_owner(struct nm_snapshot *s, struct nm_endpoint *e, int pid,
    const char *process)
{
	struct nm_owner *no;
	size_t i;

	for (i = 0; i < e->nowners; i++)
		if (e->owners[i].pid == pid && pid >= 0) {
			if (process != NULL && (e->owners[i].process == NULL ||
			    name_extends(e->owners[i].process, process)))
				e->owners[i].process =
				    nm_astrdup(&s->arena, process);
			return 0;
		}
	no = nm_aalloc(&s->arena, (e->nowners + 1) * sizeof(*no));
	if (e->nowners)
		memcpy(no, e->owners, e->nowners * sizeof(*no));
	no[e->nowners].pid = pid;
	no[e->nowners].process = nm_astrdup(&s->arena, process);
	e->owners = no;
	e->nowners++;
	return 0;
}

int
nm_ep_add_service(struct nm_snapshot *s, struct nm_endpoint *e,
    const char *name)
{
	strlist_add(&s->arena, &e->services, &e->nservices, name);
	return 0;
}

int
nm_proc_add_service(struct nm_snapshot *s, struct nm_proc *p,
    const char *name)
{
	strlist_add(&s->arena, &p->services, &p->nservices, name);
	return 0;
}

/* Returns the interned copy: endpoints of one source share the pointer. */
const char *
nm_snap_add_source(struct nm_snapshot *s, const char *src)
{
	size_t i;

	strlist_add(&s->arena, &s->host.sources, &s->host.nsources, src);
	for (i = 0; i < s->host.nsources; i++)
		if (nm_streq_ci(s->host.sources[i], src))
			return s->host.sources[i];
	return NULL;
}

size_t
nm_snap_nep(const struct nm_snapshot *s)
{
	return s->ep.n + (s->lazy != NULL ? s->lazy->n : 0);
}

const struct nm_endpoint *
nm_snap_ep(const struct nm_snapshot *s, size_t i, struct nm_endpoint *scratch)
{
	if (i < s->ep.n)
		return &s->ep.v[i];
	s->lazy->get(s->lazy->ctx, i - s->ep.n, scratch);
	if (s->lazy->decorate != NULL)
		s->lazy->decorate(s->lazy->dctx, scratch);
	return scratch;
}

int
nm_ep_pid(const struct nm_endpoint *e)
{
	return e->nowners ? e->owners[0].pid : -1;
}

const char *
nm_ep_process(const struct nm_endpoint *e)
{
	return e->nowners ? e->owners[0].process : NULL;
}

/* Phantoms are never open; TCP is open when listening, UDP when bound. */
bool
nm_ep_is_open(const struct nm_endpoint *e)
{
	if (e->phantom)
		return false;
	if (e->proto == NM_TCP)
		return e->state == NM_ST_LISTEN;
	return true;
}

static bool
is_nt5(const char *os)
{
	return os != NULL && (strcmp(os, "windows-2000") == 0 ||
	    strcmp(os, "windows-xp") == 0 || strcmp(os, "windows-2003") == 0);
}

static bool
os_unknown_windows(const char *os)
{
	return os == NULL || strcmp(os, "windows") == 0;
}

/*
 * Windows before .NET Server build 3606 reported the local port of every
 * outgoing TCP connection as a LISTENING row on 0.0.0.0 (mission.md).  On
 * later Windows the same pattern is a real listener with an accepted
 * connection, so the rule applies when the generation is NT5, or unknown
 * and the capture looks NT5 (no IPv6 rows, port in the old 1024-5000
 * client range).
 */
static void
mark_phantoms(struct nm_snapshot *s)
{
	const char *os = s->host.os;
	bool has_v6 = false;
	size_t i, j;

	if (!is_nt5(os) && !os_unknown_windows(os))
		return;
	for (i = 0; i < s->ep.n; i++)
		if (s->ep.v[i].family == NM_INET6)
			has_v6 = true;
	for (i = 0; i < s->ep.n; i++) {
		struct nm_endpoint *l = &s->ep.v[i];

		if (l->proto != NM_TCP || l->state != NM_ST_LISTEN ||
		    strcmp(l->laddr, "0.0.0.0") != 0 || l->source == NULL ||
		    strncmp(l->source, "file:", 5) != 0)
			continue;
		if (!is_nt5(os) && (has_v6 || l->lport < 1024 ||
		    l->lport > 5000))
			continue;
		for (j = 0; j < s->ep.n; j++) {
			const struct nm_endpoint *c = &s->ep.v[j];

			if (c->proto != NM_TCP || c->family != NM_INET ||
			    c->state == NM_ST_LISTEN ||
			    c->lport != l->lport || c->raddr[0] == '\0' ||
			    c->source != l->source)
				continue;
			l->phantom = true;
			if (!is_nt5(os))
				nm_snap_warn(s, l->source + 5, l->line,
				    "0.0.0.0:%d LISTENING is taken for an old-"
				    "Windows phantom of the connection on line "
				    "%d (use --os to say the generation)",
				    l->lport, c->line);
			break;
		}
	}
}

/* Owners agree when one side does not know them or they share a PID. */
static bool
owners_agree(const struct nm_endpoint *a, const struct nm_endpoint *b)
{
	size_t i, j;

	if (nm_ep_pid(a) < 0 || nm_ep_pid(b) < 0)
		return true;
	for (i = 0; i < a->nowners; i++)
		for (j = 0; j < b->nowners; j++)
			if (a->owners[i].pid >= 0 &&
			    a->owners[i].pid == b->owners[j].pid)
				return true;
	return false;
}

/* "localhost" (lsof or netstat without -n) is a loopback address. */
static bool
addr_agree(const char *a, const char *b, int family)
{
	if (strcmp(a, b) == 0)
		return true;
	if (strcmp(a, "localhost") == 0)
		return nm_addr_exposure(family, b) == NM_EXP_LOOPBACK;
	if (strcmp(b, "localhost") == 0)
		return nm_addr_exposure(family, a) == NM_EXP_LOOPBACK;
	return false;
}

/* net-tools cuts long IPv6 addresses: what is left must start the other. */
static bool
cut_agree(const struct nm_endpoint *cut, const struct nm_endpoint *whole)
{
	size_t n = strlen(cut->laddr);

	return cut->addr_truncated && !whole->addr_truncated && n > 0 &&
	    strncmp(cut->laddr, whole->laddr, n) == 0;
}

/* netstat and lsof cannot show the bound device ss shows as "%lo". */
static bool
same_socket(const struct nm_endpoint *a, const struct nm_endpoint *b)
{
	return a->proto == b->proto && a->family == b->family &&
	    a->state == b->state && a->lport == b->lport &&
	    a->rport == b->rport &&
	    (addr_agree(a->laddr, b->laddr, a->family) ||
	    cut_agree(a, b) || cut_agree(b, a)) &&
	    (strcmp(a->lzone, b->lzone) == 0 || a->lzone[0] == '\0' ||
	    b->lzone[0] == '\0') &&
	    strcmp(a->raddr, b->raddr) == 0 && owners_agree(a, b);
}

/* What the second capture knows better: the address, zone, dual stack. */
static void
merge_facts(struct nm_endpoint *keep, const struct nm_endpoint *e)
{
	if (strcmp(keep->laddr, "localhost") == 0 ||
	    (keep->addr_truncated && !e->addr_truncated)) {
		nm_strlcpy(keep->laddr, e->laddr, sizeof(keep->laddr));
		keep->addr_truncated = false;
	}
	if (keep->lzone[0] == '\0')
		nm_strlcpy(keep->lzone, e->lzone, sizeof(keep->lzone));
	keep->dual_stack |= e->dual_stack;
	if (keep->user == NULL)
		keep->user = e->user;
}

/*
 * Two captures of one host (ss and netstat, say) list the same socket
 * twice; keep the first and merge owners and services into it.  Rows of one
 * source are never merged: a capture may really hold two sockets that look
 * alike (SO_REUSEADDR, several processes).
 */
static void
merge_sources(struct nm_snapshot *s)
{
	size_t i, j, k, out = 0;

	if (s->host.nsources < 2)
		return;
	for (i = 0; i < s->ep.n; i++) {
		struct nm_endpoint *e = &s->ep.v[i];
		bool merged = false;

		for (j = 0; j < out; j++) {
			struct nm_endpoint *keep = &s->ep.v[j];

			if (keep->source == e->source || !same_socket(keep, e))
				continue;
			for (k = 0; k < e->nowners; k++)
				nm_ep_add_owner(s, keep, e->owners[k].pid,
				    e->owners[k].process);
			for (k = 0; k < e->nservices; k++)
				nm_ep_add_service(s, keep, e->services[k]);
			merge_facts(keep, e);
			/* An owner known only to the second source wins. */
			if (keep->nowners > 1 && keep->owners[0].pid < 0) {
				struct nm_owner t = keep->owners[0];

				memmove(keep->owners, keep->owners + 1,
				    (keep->nowners - 1) * sizeof(t));
				keep->owners[keep->nowners - 1] = t;
				keep->nowners--;
			}
			merged = true;
			break;
		}
		if (!merged)
			s->ep.v[out++] = *e;
	}
	s->ep.n = out;
}

/* What processes tell us (tasklist /svc, -b lines) flows to endpoints. */
static void
apply_procs(struct nm_snapshot *s)
{
	size_t i, k, m;

	for (i = 0; i < s->ep.n; i++) {
		struct nm_endpoint *e = &s->ep.v[i];

		for (k = 0; k < e->nowners; k++) {
			struct nm_proc *p;

			if (e->owners[k].pid < 0 ||
			    (p = nm_snap_proc(s, e->owners[k].pid, false)) ==
			    NULL)
				continue;
			if (e->owners[k].process == NULL && p->name != NULL)
				e->owners[k].process = p->name;
			if (k == 0) {
				if (e->exe == NULL)
					e->exe = p->exe;
				if (e->user == NULL)
					e->user = p->user;
			}
			if (e->services_exact)
				continue;
			for (m = 0; m < p->nservices; m++)
				nm_ep_add_service(s, e, p->services[m]);
		}
	}
}

/*
 * Endpoint-map evidence names the service behind a port; every open
 * endpoint on that port gets it.  Ports the map names that no source shows
 * open are worth a warning: the map and the capture are from different
 * boots, or a firewall or the capture missed them.
 */
static void
apply_rpc(struct nm_snapshot *s)
{
	size_t i, j, k;

	if (s->rpc.n > 0 && s->ep.n == 0)
		nm_snap_warn(s, s->rpc.v[0].source, 0, "an endpoint map is "
		    "evidence about ports: add the same host's netstat with "
		    "--from to see who owns them");
	for (i = 0; i < s->rpc.n; i++) {
		const struct nm_rpcev *r = &s->rpc.v[i];
		bool seen = false, dup = false;

		for (j = 0; j < s->ep.n; j++) {
			struct nm_endpoint *e = &s->ep.v[j];

			if (e->proto != r->proto || e->lport != r->port ||
			    !nm_ep_is_open(e))
				continue;
			seen = true;
			if (r->service != NULL)
				nm_ep_add_service(s, e, r->service);
		}
		/* One warning per port, however many interfaces it has. */
		for (k = 0; k < i; k++)
			if (s->rpc.v[k].proto == r->proto &&
			    s->rpc.v[k].port == r->port)
				dup = true;
		if (!seen && !dup && s->ep.n > 0)
			nm_snap_warn(s, r->source, r->line, "the endpoint map "
			    "names %s/%d (%s) but no capture shows it open",
			    nm_proto_name(r->proto), r->port,
			    r->name ? r->name : r->uuid);
	}
}

/* Process evidence from a capture other than this endpoint's, or NULL. */
static const char *
other_proc_source(const struct nm_snapshot *s, const struct nm_endpoint *e)
{
	size_t i;

	for (i = 0; i < s->procs.n; i++)
		if (s->procs.v[i].source != NULL &&
		    s->procs.v[i].source != e->source &&
		    strncmp(s->procs.v[i].source, "file:", 5) == 0)
			return s->procs.v[i].source;
	return NULL;
}

/*
 * A process list (tasklist) and a netstat are two captures: a PID the
 * list lacks was started or ended between them, and a PID the list has
 * may even belong to another process by then.  Say which PIDs are
 * missing, once each, with their open ports.
 */
static void
warn_missing_procs(struct nm_snapshot *s)
{
	size_t i, j;

	if (s->procs.n == 0)
		return;
	for (i = 0; i < s->ep.n; i++) {
		const struct nm_endpoint *e = &s->ep.v[i];
		int pid = nm_ep_pid(e);
		const char *other;
		struct nm_buf b = { 0 };
		bool seen = false;
		size_t nports = 0;

		if (pid < 0 || !nm_ep_is_open(e) || e->source == NULL ||
		    strncmp(e->source, "file:", 5) != 0 ||
		    nm_snap_proc(s, pid, false) != NULL ||
		    (other = other_proc_source(s, e)) == NULL)
			continue;
		for (j = 0; j < i && !seen; j++)
			seen = nm_ep_pid(&s->ep.v[j]) == pid &&
			    nm_ep_is_open(&s->ep.v[j]);
		if (seen)
			continue;
		for (j = i; j < s->ep.n; j++) {
			const struct nm_endpoint *o = &s->ep.v[j];
			char w[16];

			if (nm_ep_pid(o) != pid || !nm_ep_is_open(o))
				continue;
			snprintf(w, sizeof(w), "%s/%d", nm_proto_name(o->proto),
			    o->lport);
			if (b.s != NULL && strstr(b.s, w) != NULL)
				continue;
			if (nports++ < 8)
				nm_buf_printf(&b, "%s%s", b.len ? ", " : "", w);
		}
		if (nports > 8)
			nm_buf_printf(&b, ", ...");
		nm_snap_warn(s, e->source + 5, e->line, "PID %d (%s) is not in "
		    "the process list %s: the captures were taken at different "
		    "times, so its process and services are unknown", pid,
		    b.s ? b.s : "", other + 5);
		nm_buf_free(&b);
	}
}

/* A process list alone has nothing to list: say what it is for. */
static void
warn_procs_only(struct nm_snapshot *s)
{
	size_t i;

	if (s->ep.n != 0 || s->lazy != NULL)
		return;
	for (i = 0; i < s->procs.n; i++)
		if (s->procs.v[i].source != NULL &&
		    strncmp(s->procs.v[i].source, "file:", 5) == 0) {
			nm_snap_warn(s, s->procs.v[i].source + 5, 0, "a process "
			    "list has no endpoints: it is evidence about PIDs; "
			    "add the same host's netstat -ano with --from to "
			    "see their processes and services");
			return;
		}
	/* sc queryex: the services of PIDs, on no port yet. */
	if (s->svcs.n == 0 || s->host.nsources == 0)
		return;
	for (i = 0; i < s->host.nsources; i++)
		if (strncmp(s->host.sources[i], "file:", 5) != 0)
			return;
	nm_snap_warn(s, s->host.sources[0] + 5, 0, "a service list has no "
	    "endpoints: it names the services of PIDs; add the same host's "
	    "netstat -ano with --from to see their ports");
}

void
nm_snap_finish(struct nm_snapshot *s)
{
	size_t i;

	merge_sources(s);
	warn_missing_procs(s);
	warn_procs_only(s);
	apply_procs(s);
	for (i = 0; i < s->ep.n; i++) {
		struct nm_endpoint *e = &s->ep.v[i];

		e->exposure = (uint8_t)nm_addr_exposure(e->family, e->laddr);
	}
	mark_phantoms(s);
	apply_rpc(s);
}

struct nm_rpcev *
nm_snap_add_rpc(struct nm_snapshot *s)
{
	return NM_VEC_PUSH(&s->rpc);
}
