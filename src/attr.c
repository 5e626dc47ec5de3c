/*
 * attr.c - attribution: which knowledge-base entry owns each endpoint, how
 * sure that is, and why; and a guess of the OS generation from what a
 * capture shows.
 *
 * Evidence is weighed in this order: PID -> services (tasklist /svc,
 * netstat -b component lines, the live service manager) > process name >
 * a fixed port on a known generation > another socket of the same process
 * > a dynamic port that the note's captures show on that generation.  Wrong
 * certainty is worse than none: a dynamic RPC port without evidence stays
 * unattributed, and its reason says what would settle it.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kb.h"

nm_osmask
nm_snap_osmask(const struct nm_snapshot *s)
{
	nm_osmask m = nm_os_mask(s->host.os);

	return m ? m : NM_OSM_ALL;
}

static bool
snap_has_service(const struct nm_snapshot *s, const char *name)
{
	size_t i, k;

	for (i = 0; i < s->procs.n; i++)
		for (k = 0; k < s->procs.v[i].nservices; k++)
			if (nm_streq_ci(s->procs.v[i].services[k], name))
				return true;
	for (i = 0; i < s->svcs.n; i++)
		if (nm_streq_ci(s->svcs.v[i].name, name))
			return true;
	for (i = 0; i < s->ep.n; i++)
		for (k = 0; k < s->ep.v[i].nservices; k++)
			if (nm_streq_ci(s->ep.v[i].services[k], name))
				return true;
	return false;
}

static bool
snap_has_process(const struct nm_snapshot *s, const char *name)
{
	size_t i;

	for (i = 0; i < s->procs.n; i++)
		if (s->procs.v[i].name && nm_streq_ci(s->procs.v[i].name, name))
			return true;
	return false;
}

/*
 * What a capture can tell about the Windows generation.  Each rule names
 * its evidence; the strongest one wins.  Without a rule the family stays.
 */
void
nm_os_guess(const struct nm_snapshot *s, struct nm_os_guess *g,
    struct nm_arena *a)
{
	bool v6 = false, nt5_ports = false, p49152 = false, p4966x = false;
	bool windows;
	size_t i;

	g->id = s->host.os;
	g->confidence = NM_CONF_NONE;
	g->reason = NULL;
	if (s->host.os != NULL && nm_os_single(nm_os_mask(s->host.os)) >= 0) {
		g->confidence = NM_CONF_HIGH;
		g->reason = s->host.os_reason;
		return;
	}
	windows = s->host.os != NULL && nm_startswith(s->host.os, "windows");
	if (!windows)
		return;
	for (i = 0; i < s->ep.n; i++) {
		const struct nm_endpoint *e = &s->ep.v[i];

		if (e->family == NM_INET6)
			v6 = true;
		if (!nm_ep_is_open(e) || e->proto != NM_TCP)
			continue;
		if (e->lport >= 1025 && e->lport <= 5000)
			nt5_ports = true;
		if (e->lport >= 49152 && e->lport <= 49163)
			p49152 = true;
		if (e->lport >= 49664 && e->lport <= 49700)
			p4966x = true;
	}
	if (snap_has_service(s, "CDPSvc") || snap_has_service(s, "DoSvc")) {
		g->id = "windows-nt10";
		g->confidence = NM_CONF_MEDIUM;
		g->reason = "guessed: services that exist only on Windows 10 "
		    "and later (CDPSvc, DoSvc)";
	} else if (snap_has_service(s, "RpcEptMapper") ||
	    snap_has_process(s, "wininit.exe")) {
		g->id = "windows-vista+";
		g->confidence = NM_CONF_MEDIUM;
		g->reason = "guessed: RpcEptMapper or wininit.exe exist from "
		    "Vista on";
		if (p4966x) {
			g->id = "windows-nt10";
			g->reason = "guessed: RpcEptMapper/wininit.exe and RPC "
			    "listeners from 49664 (Windows 10 / Server 2016 "
			    "and later)";
		} else if (p49152) {
			g->id = "windows-nt6";
			g->reason = "guessed: RpcEptMapper/wininit.exe and RPC "
			    "listeners from 49152 (Vista to 8.1 / 2012 R2)";
		}
	} else if (snap_has_service(s, "Messenger")) {
		g->id = "windows-nt5";
		g->confidence = NM_CONF_MEDIUM;
		g->reason = "guessed: a Messenger service (2000, XP, 2003 only)";
	} else if (v6 && p4966x) {
		g->id = "windows-nt10";
		g->confidence = NM_CONF_MEDIUM;
		g->reason = "guessed: IPv6 rows and RPC listeners from 49664 "
		    "(Windows 10 / Server 2016 and later)";
	} else if (v6 && p49152) {
		g->id = "windows-nt6";
		g->confidence = NM_CONF_MEDIUM;
		g->reason = "guessed: IPv6 rows and RPC listeners from 49152 "
		    "(Vista to 8.1 / 2012 R2)";
	} else if (v6) {
		g->id = "windows-vista+";
		g->confidence = NM_CONF_LOW;
		g->reason = "guessed: netstat shows IPv6 rows (Vista and later)";
	} else if (nt5_ports) {
		g->id = "windows-nt5";
		g->confidence = NM_CONF_LOW;
		g->reason = "guessed: no IPv6 rows and dynamic ports in "
		    "1025-5000 (2000, XP, 2003); say --os to be sure";
	}
	(void)a;
}

/* One candidate entry and the port line that matched. */
struct cand {
	const struct nm_kb_entry	*e;
	const struct nm_kb_port		*p;
};

#define MAXCAND 16
/* A shared svchost of XP or 2003 hosts 25 services and more. */
#define MAXSVCNAMES 64

struct actx {
	struct nm_snapshot	*s;
	const struct nm_kb	*kb;
	nm_osmask		 os;
	bool			 os_known;	/* one generation */
	bool			 windows;
	char			 osname[64];
	/* The kb entries the last process names matched: one process may
	 * hold tens of thousands of sockets, each asking the same question. */
	char			 pm_key[256];
	const struct nm_kb_entry *pm_match[MAXCAND];
	size_t			 pm_n;
	bool			 pm_valid;
	const char		*last_reason;	/* shared by runs of equal ones */
};

static void
set(struct actx *c, struct nm_endpoint *e, const struct nm_kb_entry *k,
    int conf, const char *fmt, ...) NM_PRINTF(5, 6);

static void
set(struct actx *c, struct nm_endpoint *e, const struct nm_kb_entry *k,
    int conf, const char *fmt, ...)
{
	struct nm_buf b = { 0 };
	va_list ap;

	/* A table without --why reads 50 000 endpoints and no reasons. */
	if (c->s->lazy != NULL && c->s->lazy->terse) {
		e->kb = k ? k->id : NULL;
		e->confidence = (uint8_t)conf;
		e->reason = "";
		return;
	}
	va_start(ap, fmt);
	nm_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	e->kb = k ? k->id : NULL;
	e->confidence = (uint8_t)conf;
	if (c->last_reason == NULL ||
	    strcmp(c->last_reason, b.s ? b.s : "") != 0)
		c->last_reason = nm_astrdup(&c->s->arena, b.s ? b.s : "");
	e->reason = c->last_reason;
	nm_buf_free(&b);
}

static const char *
pp(const struct nm_endpoint *e, char *buf, size_t len)
{
	snprintf(buf, len, "%s/%d", nm_proto_name(e->proto), e->lport);
	return buf;
}

static void
cand_add(struct cand *v, size_t *n, const struct nm_kb_entry *e,
    const struct nm_kb_port *p)
{
	size_t i;

	for (i = 0; i < *n; i++)
		if (v[i].e == e)
			return;
	if (*n < MAXCAND) {
		v[*n].e = e;
		v[*n].p = p;
		(*n)++;
	}
}

/* Keeps the candidates whose matched port is of `kind`. */
static size_t
keep_kind(struct cand *v, size_t n, int kind)
{
	size_t i, m = 0;

	for (i = 0; i < n; i++)
		if (v[i].p != NULL && v[i].p->kind == kind)
			v[m++] = v[i];
	return m;
}

static void
names_of(const struct cand *v, size_t n, char *buf, size_t len)
{
	size_t i, o = 0;

	buf[0] = '\0';
	for (i = 0; i < n && o < len; i++)
		o += (size_t)snprintf(buf + o, len - o, "%s%s",
		    i == 0 ? "" : (i + 1 == n ? " or " : ", "),
		    nm_kb_name(v[i].e));
}

/* Lower the confidence of a fact the kb marks unverified. */
static int
fact_conf(const struct nm_kb_port *p, int conf)
{
	return p != NULL && p->f.unverified && conf > NM_CONF_LOW ?
	    NM_CONF_LOW : conf;
}

static const char *
unverified_note(const struct nm_kb_port *p)
{
	return p != NULL && p->f.unverified ?
	    " (the port fact is unverified)" : "";
}

static bool
entry_has_dynamic(const struct nm_kb_entry *k, int proto)
{
	size_t i;

	for (i = 0; i < k->ports.n; i++)
		if (k->ports.v[i].proto == proto &&
		    (k->ports.v[i].kind == NM_KBP_RPC ||
		    k->ports.v[i].kind == NM_KBP_EPHEMERAL))
			return true;
	return false;
}

/* The endpoint map's interfaces on this port ("atsvc, sasec"), if any. */
static bool
rpc_evidence(const struct actx *c, const struct nm_endpoint *e, char *buf,
    size_t len)
{
	size_t i, o = 0;

	buf[0] = '\0';
	for (i = 0; i < c->s->rpc.n; i++) {
		const struct nm_rpcev *r = &c->s->rpc.v[i];

		if (r->proto != e->proto || r->port != e->lport ||
		    r->service == NULL)
			continue;
		if (o < len && strstr(buf, r->name ? r->name : r->uuid) == NULL)
			o += (size_t)snprintf(buf + o, len - o, "%s%s",
			    o ? ", " : "", r->name ? r->name : r->uuid);
	}
	return buf[0] != '\0';
}

/* 1. PID -> services evidence. */
static bool
by_services(struct actx *c, struct nm_endpoint *e)
{
	struct cand all[MAXCAND], v[MAXCAND];
	const char *names[MAXSVCNAMES];
	size_t nn = 0, n = 0, nv, i, unmapped = 0;
	char list[256], w[32], ifs[256];
	size_t o = 0;
	int pid = nm_ep_pid(e);

	for (i = 0; i < e->nservices && nn < MAXSVCNAMES; i++)
		names[nn++] = e->services[i];
	if (e->unit != NULL && nn < MAXSVCNAMES) {
		for (i = 0; i < nn; i++)
			if (nm_streq_ci(names[i], e->unit))
				break;
		if (i == nn)
			names[nn++] = e->unit;
	}
	if (nn == 0)
		return false;
	list[0] = '\0';
	for (i = 0; i < nn; i++) {
		const struct nm_kb_entry *k =
		    nm_kb_find_service(c->kb, names[i], c->os);

		/* A list too long to quote says how many it left out. */
		if (o + strlen(names[i]) + 2 < sizeof(list) - 24)
			o += (size_t)snprintf(list + o, sizeof(list) - o,
			    "%s%s", i ? ", " : "", names[i]);
		else if (o < sizeof(list) - 24) {
			o += (size_t)snprintf(list + o, sizeof(list) - o,
			    " and %zu more", nn - i);
			o = sizeof(list);
		}
		if (k != NULL)
			cand_add(all, &n, k, nm_kb_port_for(k, e, c->os));
		else
			unmapped++;
	}
	/* One service, or several names of one entry (a unit and its
	 * socket): the evidence names the owner. */
	if (n == 1 && unmapped == 0 && rpc_evidence(c, e, ifs, sizeof(ifs))) {
		set(c, e, all[0].e, NM_CONF_HIGH, "the endpoint map (rpcdump) "
		    "places %s of %s on %s", ifs, list, pp(e, w, sizeof(w)));
		return true;
	}
	if (n == 1 && unmapped == 0) {
		set(c, e, all[0].e, NM_CONF_HIGH, "%s %s%s%s%s",
		    c->windows ? (nn > 1 ? "its process hosts" :
		    "its process hosts only") : (nn > 1 ? "its units are" :
		    "its unit is"), list, all[0].p ? "" : " (",
		    all[0].p ? "" : pp(e, w, sizeof(w)), all[0].p ? "" :
		    " is not a port the knowledge base lists for it)");
		return true;
	}
	if (nn == 1) {
		set(c, e, NULL, NM_CONF_NONE, "%s %s, which the knowledge base "
		    "does not know", c->windows ? "its process hosts only" :
		    "its unit is", names[0]);
		return true;
	}
	/* A shared process: only a port tells its services apart. */
	memcpy(v, all, n * sizeof(*v));
	if ((nv = keep_kind(v, n, NM_KBP_FIXED)) == 1) {
		set(c, e, v[0].e, fact_conf(v[0].p, NM_CONF_HIGH),
		    "PID %d hosts %s; of these only %s opens %s%s", pid, list,
		    nm_kb_name(v[0].e), pp(e, w, sizeof(w)),
		    unverified_note(v[0].p));
		return true;
	}
	for (i = 0, nv = 0; i < n; i++)
		if (all[i].p != NULL && all[i].p->kind != NM_KBP_FIXED)
			v[nv++] = all[i];
	if (nv == 1) {
		set(c, e, v[0].e, NM_CONF_MEDIUM, "PID %d hosts %s; of these "
		    "only %s keeps a dynamic %s port (netmin rpcdump would "
		    "confirm)", pid, list, nm_kb_name(v[0].e),
		    e->proto == NM_UDP ? "UDP" : "TCP");
		return true;
	}
	if (nv > 1) {
		char cn[256];

		names_of(v, nv, cn, sizeof(cn));
		set(c, e, NULL, NM_CONF_NONE, "a dynamic port of a shared "
		    "process (PID %d: %s) that belongs to %s: netstat -anob or "
		    "netmin rpcdump would tell which", pid, list, cn);
		return true;
	}
	return false;
}

/* Process names of the endpoint, PID 1 helpers left out when others
 * hold the socket too (socket activation). */
static size_t
process_names(const struct actx *c, const struct nm_endpoint *e,
    const char **out, size_t max)
{
	size_t k, n = 0;

	for (k = 0; k < e->nowners && n < max; k++) {
		const struct nm_owner *o = &e->owners[k];

		if (o->process != NULL && *o->process) {
			if (e->nowners > 1 && o->pid == 1)
				continue;
			out[n++] = o->process;
		} else if (c->windows && o->pid == 4) {
			out[n++] = "System";	/* PID 4 is the kernel */
		}
	}
	return n;
}

/* The kb entries claiming any of names, in kb order, remembered. */
static void
process_matches(struct actx *c, const char **names, size_t nn)
{
	char key[sizeof(c->pm_key)];
	size_t i, k, len = 0;
	bool fits = true;

	for (k = 0; k < nn && fits; k++) {
		size_t l = strlen(names[k]) + 1;

		if (len + l > sizeof(key))
			fits = false;
		else {
			memcpy(key + len, names[k], l);
			len += l;
		}
	}
	if (fits && len < sizeof(key))
		key[len++] = '\0';	/* "a\0b\0\0": unambiguous */
	if (fits && c->pm_valid && memcmp(key, c->pm_key, len) == 0)
		return;
	c->pm_n = 0;
	c->pm_valid = false;
	for (i = 0; i < c->kb->entries.n; i++) {
		const struct nm_kb_entry *ke = c->kb->entries.v[i];
		bool dup = false;

		if (!(ke->os & c->os))
			continue;
		for (k = 0; k < nn; k++)
			if (nm_kb_process_match(ke, names[k]))
				break;
		if (k == nn)
			continue;
		for (k = 0; k < c->pm_n; k++)
			dup |= c->pm_match[k] == ke;
		if (!dup && c->pm_n < MAXCAND)
			c->pm_match[c->pm_n++] = ke;
	}
	if (fits) {
		memcpy(c->pm_key, key, len);
		c->pm_valid = true;
	}
}

/* 2. The process name. */
static int
by_process(struct actx *c, struct nm_endpoint *e)
{
	struct cand v[MAXCAND], f[MAXCAND];
	const char *names[8];
	size_t nn, n = 0, i, nf;
	char w[32], list[256];

	nn = process_names(c, e, names, NM_NELEM(names));
	if (nn == 0)
		return 0;
	process_matches(c, names, nn);
	for (i = 0; i < c->pm_n; i++)
		cand_add(v, &n, c->pm_match[i], nm_kb_port_for(c->pm_match[i],
		    e, c->os));
	if (n == 0)
		return -1;	/* a known process the kb does not claim */
	if (n == 1) {
		if (v[0].p != NULL || v[0].e->ports.n == 0 ||
		    !(nn == 1 && strcmp(names[0], "System") == 0)) {
			set(c, e, v[0].e, fact_conf(v[0].p, NM_CONF_MEDIUM),
			    "process %s%s%s", names[0], v[0].p ? "" :
			    " (on a port the knowledge base does not list for "
			    "it)", unverified_note(v[0].p));
			return 1;
		}
	}
	memcpy(f, v, n * sizeof(*v));
	if ((nf = keep_kind(f, n, NM_KBP_FIXED)) == 1) {
		set(c, e, f[0].e, fact_conf(f[0].p, NM_CONF_MEDIUM),
		    "process %s on %s, %s's port%s", names[0],
		    pp(e, w, sizeof(w)), nm_kb_name(f[0].e),
		    unverified_note(f[0].p));
		return 1;
	}
	if (nf > 1) {
		names_of(f, nf, list, sizeof(list));
		set(c, e, NULL, NM_CONF_NONE, "process %s on %s: %s; the "
		    "service list of the process (tasklist /svc, netstat -b) "
		    "would settle it", names[0], pp(e, w, sizeof(w)), list);
		return 1;
	}
	return 0;	/* the process is known but shared: go on */
}

/* 3. A fixed port on the generation. */
static bool
by_port(struct actx *c, struct nm_endpoint *e)
{
	struct cand v[MAXCAND];
	size_t n = 0, i, m;
	char w[32], list[256];

	for (i = 0; i < c->kb->entries.n; i++) {
		const struct nm_kb_entry *ke = c->kb->entries.v[i];
		const struct nm_kb_port *p;

		if (!(ke->os & c->os))
			continue;
		p = nm_kb_port_for(ke, e, c->os);
		if (p != NULL && p->kind == NM_KBP_FIXED)
			cand_add(v, &n, ke, p);
	}
	if (n == 0)
		return false;
	/* Prefer facts that hold on every generation the host may be. */
	for (i = 0, m = 0; i < n; i++)
		if ((c->os & ~v[i].p->f.os) == 0)
			v[m++] = v[i];
	if (m == 0)
		m = n;
	if (m == 1) {
		int conf = c->os_known || (c->os & ~v[0].p->f.os) == 0 ?
		    NM_CONF_MEDIUM : NM_CONF_LOW;

		set(c, e, v[0].e, fact_conf(v[0].p, conf), "%s is %s's port "
		    "on %s%s%s", pp(e, w, sizeof(w)), nm_kb_name(v[0].e),
		    c->osname, unverified_note(v[0].p), nm_ep_pid(e) >= 0 ?
		    "" : "; the capture shows no owning process");
		return true;
	}
	names_of(v, m, list, sizeof(list));
	set(c, e, NULL, NM_CONF_NONE, "%s on %s could be %s; the owning "
	    "process would settle it", pp(e, w, sizeof(w)), c->osname, list);
	return true;
}

/* 4. Another socket of the same process, owned by a service whose
 * dynamic ports this one fits. */
static bool
by_sibling(struct actx *c, struct nm_endpoint *e)
{
	struct cand v[MAXCAND];
	size_t n = 0, i;
	int pid = nm_ep_pid(e);
	const struct nm_endpoint *via = NULL;
	char w2[32];

	if (pid <= 4)
		return false;
	for (i = 0; i < c->s->ep.n; i++) {
		const struct nm_endpoint *o = &c->s->ep.v[i];
		const struct nm_kb_entry *ke;
		const struct nm_kb_port *p;

		if (o == e || nm_ep_pid(o) != pid || o->kb == NULL ||
		    o->confidence < NM_CONF_MEDIUM)
			continue;
		ke = nm_kb_find(c->kb, o->kb);
		if (ke == NULL || !entry_has_dynamic(ke, e->proto))
			continue;
		p = nm_kb_port_for(ke, e, c->os);
		if (p != NULL && (p->kind == NM_KBP_RPC ||
		    p->kind == NM_KBP_EPHEMERAL)) {
			if (via == NULL)
				via = o;
			cand_add(v, &n, ke, p);
		}
	}
	if (n != 1)
		return false;
	set(c, e, v[0].e, NM_CONF_MEDIUM, "same process (PID %d) as %s, "
	    "which is %s; it keeps a%s %s port", pid, pp(via, w2, sizeof(w2)),
	    nm_kb_name(v[0].e), v[0].p->kind == NM_KBP_RPC ? " dynamic RPC" :
	    "n ephemeral", nm_proto_name(e->proto));
	return true;
}

/* 5. A dynamic port that the note's captures show on this generation. */
static bool
by_typical(struct actx *c, struct nm_endpoint *e)
{
	struct cand v[MAXCAND];
	size_t n = 0, i;
	char w[32], list[256];

	if (!c->os_known)
		return false;
	for (i = 0; i < c->kb->entries.n; i++) {
		const struct nm_kb_entry *ke = c->kb->entries.v[i];
		const struct nm_kb_port *p = nm_kb_port_for(ke, e, c->os);

		if (p != NULL && p->kind == NM_KBP_TYPICAL)
			cand_add(v, &n, ke, p);
	}
	if (n == 1) {
		set(c, e, v[0].e, NM_CONF_LOW, "a dynamic port; on %s the "
		    "note's captures show %s here%s%s%s. Not certain: %s would "
		    "confirm it", c->osname, nm_kb_name(v[0].e),
		    v[0].p->note ? " (" : "", v[0].p->note ? v[0].p->note :
		    "", v[0].p->note ? ")" : "", nm_ep_pid(e) >= 0 ?
		    "tasklist /svc (or netstat -anob) with this capture, or "
		    "netmin rpcdump" : "netstat -ano with tasklist /svc, or "
		    "netmin rpcdump");
		return true;
	}
	if (n > 1) {
		names_of(v, n, list, sizeof(list));
		set(c, e, NULL, NM_CONF_NONE, "%s is a dynamic port that "
		    "could be %s; netmin rpcdump would tell",
		    pp(e, w, sizeof(w)), list);
		return true;
	}
	return false;
}

static void
unknown(struct actx *c, struct nm_endpoint *e, const char *process)
{
	char w[32], pb[32] = "";
	int pid = nm_ep_pid(e);
	const char *svcs = pid >= 0 ? "tasklist /svc or netstat -anob names "
	    "the services of the PID" : "netstat -ano with tasklist /svc "
	    "names the services of each PID";

	if (pid >= 0)
		snprintf(pb, sizeof(pb), " (PID %d)", pid);
	if (c->windows && e->proto == NM_UDP && e->lport >= 49152) {
		set(c, e, NULL, NM_CONF_NONE, "a dynamic UDP port, owner "
		    "unknown%s: %s", pb, svcs);
		return;
	}
	if (c->windows && nm_os_dynamic_rpc(c->os, e->lport)) {
		set(c, e, NULL, NM_CONF_NONE, "dynamic RPC port, owner "
		    "unknown%s: netmin rpcdump HOST names the interface behind "
		    "%s; %s", pb, pp(e, w, sizeof(w)), svcs);
		return;
	}
	if (process != NULL)
		set(c, e, NULL, NM_CONF_NONE, "process %s; the knowledge base "
		    "has no entry for it", process);
	else if (pid >= 0)
		set(c, e, NULL, NM_CONF_NONE, "PID %d, no process name and no "
		    "knowledge-base entry for %s", pid, pp(e, w, sizeof(w)));
	else
		set(c, e, NULL, NM_CONF_NONE, "no knowledge-base entry for %s",
		    pp(e, w, sizeof(w)));
}

/* One endpoint alone (a lazily built live one): every rule but the
 * sibling rule, which needs the whole table. */
static void
attribute_one(struct actx *c, struct nm_endpoint *e)
{
	const char *names[8];
	int r;

	if (!nm_ep_is_open(e) || e->lport < 0)
		return;
	if (by_services(c, e))
		return;
	r = by_process(c, e);
	if (r > 0)
		return;
	if (r < 0) {
		process_names(c, e, names, NM_NELEM(names));
		unknown(c, e, names[0]);
		return;
	}
	if (by_port(c, e) || by_typical(c, e))
		return;
	unknown(c, e, NULL);
}

static void
decorate(void *ctx, struct nm_endpoint *e)
{
	attribute_one(ctx, e);
}

void
nm_attribute(struct nm_snapshot *s, const struct nm_kb *kb)
{
	struct actx local = { 0 }, *c = &local;
	struct nm_os_guess g;
	char buf[64];
	size_t i;
	bool *pending;

	nm_os_guess(s, &g, &s->arena);
	if (g.reason != NULL && g.id != s->host.os) {
		s->host.os = g.id;
		s->host.os_reason = g.reason;
	}
	/* Lazy endpoints are attributed as they are read: the context then
	 * lives as long as the snapshot. */
	if (s->lazy != NULL)
		c = nm_aalloc(&s->arena, sizeof(*c));
	c->s = s;
	c->kb = kb;
	c->os = nm_snap_osmask(s);
	c->os_known = nm_os_single(c->os) >= 0;
	c->windows = (c->os & NM_OSM_WINDOWS) != 0 &&
	    !(c->os & NM_OSM(NM_OS_LINUX));
	snprintf(c->osname, sizeof(c->osname), "%s",
	    s->host.os ? s->host.os : nm_os_describe(c->os, buf, sizeof(buf)));
	if (s->lazy != NULL) {
		s->lazy->decorate = decorate;
		s->lazy->dctx = c;
	}
	pending = nm_xcalloc(s->ep.n + 1, sizeof(*pending));
	for (i = 0; i < s->ep.n; i++) {
		struct nm_endpoint *e = &s->ep.v[i];
		const char *names[8];
		int r;

		if (!nm_ep_is_open(e) || e->lport < 0)
			continue;
		if (by_services(c, e))
			continue;
		r = by_process(c, e);
		if (r > 0)
			continue;
		if (r < 0) {
			/* A named process the kb does not claim: its port
			 * number says nothing about it. */
			process_names(c, e, names, NM_NELEM(names));
			unknown(c, e, names[0]);
			continue;
		}
		if (by_port(c, e))
			continue;
		pending[i] = true;
	}
	/* Siblings need the first pass; the weakest rules come last. */
	for (i = 0; i < s->ep.n; i++) {
		struct nm_endpoint *e = &s->ep.v[i];

		if (!pending[i])
			continue;
		if (by_sibling(c, e) || by_typical(c, e))
			continue;
		unknown(c, e, NULL);
	}
	free(pending);
}
