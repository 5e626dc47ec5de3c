/*
 * fw.c - the firewall model (see fw.h): which listening endpoints the
 * default-deny ruleset admits and why, the lockout guard, DHCP, and the
 * address and port arithmetic the Windows renderings need.
 *
 * Decision per endpoint that listens on more than loopback, in order:
 *   --drop names it              filtered (also against the guard)
 *   --keep / --allow-from name it  allowed
 *   the plan closes or moves it  filtered (it goes anyway)
 *   the plan keeps its service   allowed, unless the knowledge base tags
 *                                the entry "filter" (it stays because it
 *                                cannot go, not because others need it)
 *   anything else                filtered: owner unknown, or the plan's
 *                                actions leave a port it disables
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fw.h"
#include "kb.h"
#include "plan.h"

static const char *
fstr(struct nm_fw *fw, const char *fmt, ...) NM_PRINTF(2, 3);

static const char *
fstr(struct nm_fw *fw, const char *fmt, ...)
{
	struct nm_buf b = { 0 };
	va_list ap;
	const char *s;

	va_start(ap, fmt);
	nm_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	s = nm_astrdup(&fw->arena, b.s ? b.s : "");
	nm_buf_free(&b);
	return s;
}

static void
note(struct nm_fw *fw, const char *s)
{
	size_t i;

	for (i = 0; i < fw->notes.n; i++)
		if (strcmp(fw->notes.v[i], s) == 0)
			return;
	*NM_VEC_PUSH(&fw->notes) = s;
}

/* --- addresses ---------------------------------------------------------- */

int
nm_fw_net_parse(const char *s, size_t len, struct nm_fw_net *n,
    struct nm_error *err)
{
	const char *sl = memchr(s, '/', len);
	size_t alen = sl ? (size_t)(sl - s) : len;
	int fam, plen, max, i;
	char canon[NM_ADDRLEN];

	memset(n, 0, sizeof(*n));
	if (alen == 0 || nm_addr_parse(s, alen, &fam, n->a) != 0)
		return nm_seterr(err, NM_ERR_USAGE, "'%.*s' is not an IPv4 or "
		    "IPv6 address or network", (int)len, s);
	max = fam == NM_INET ? 32 : 128;
	plen = max;
	if (sl != NULL && nm_parse_int(sl + 1, len - alen - 1, 0, max,
	    &plen) != 0)
		return nm_seterr(err, NM_ERR_USAGE, "'%.*s': the prefix length "
		    "must be 0 to %d", (int)len, s, max);
	n->family = (uint8_t)fam;
	n->plen = (uint8_t)plen;
	for (i = plen; i < max; i++)
		if (n->a[i / 8] & (0x80 >> (i % 8))) {
			unsigned char m[16];
			int k;

			memcpy(m, n->a, 16);
			for (k = plen; k < max; k++)
				m[k / 8] &= (unsigned char)~(0x80 >> (k % 8));
			nm_addr_format(fam, m, canon, sizeof(canon));
			return nm_seterr(err, NM_ERR_USAGE, "'%.*s' has host "
			    "bits set (the network is %s/%d)", (int)len, s,
			    canon, plen);
		}
	nm_addr_format(fam, n->a, canon, sizeof(canon));
	if (plen == max)
		snprintf(n->text, sizeof(n->text), "%s", canon);
	else
		snprintf(n->text, sizeof(n->text), "%s/%d", canon, plen);
	return 0;
}

bool
nm_fw_net_contains(const struct nm_fw_net *n, int family,
    const unsigned char a[16])
{
	int i;

	if (n->family != family)
		return false;
	for (i = 0; i < n->plen; i++)
		if ((n->a[i / 8] ^ a[i / 8]) & (0x80 >> (i % 8)))
			return false;
	return true;
}

/* "::ffff:1.2.3.4" is the IPv4 address for filtering purposes. */
static int
addr_bytes(const char *text, int *family, unsigned char a[16])
{
	static const unsigned char mapped[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0,
	    0, 0xff, 0xff };

	if (nm_addr_parse(text, strlen(text), family, a) != 0)
		return -1;
	if (*family == NM_INET6 && memcmp(a, mapped, 12) == 0) {
		memmove(a, a + 12, 4);
		memset(a + 4, 0, 12);
		*family = NM_INET;
	}
	return 0;
}

static int
host_net(const char *text, struct nm_fw_net *n)
{
	int fam;
	char canon[NM_ADDRLEN];

	memset(n, 0, sizeof(*n));
	if (addr_bytes(text, &fam, n->a) != 0)
		return -1;
	n->family = (uint8_t)fam;
	n->plen = fam == NM_INET ? 32 : 128;
	nm_addr_format(fam, n->a, canon, sizeof(canon));
	snprintf(n->text, sizeof(n->text), "%s", canon);
	return 0;
}

int
nm_fw_allow_parse(const char *arg, struct nm_fw_allow *al,
    struct nm_error *err)
{
	const char *eq = strchr(arg, '='), *p;

	memset(al, 0, sizeof(*al));
	al->arg = arg;
	if (eq == NULL || eq == arg || eq[1] == '\0')
		return nm_seterr(err, NM_ERR_USAGE, "--allow-from takes "
		    "SERVICE=CIDR[,CIDR...] (a name or port, then networks), "
		    "not '%s'", arg);
	al->svc = nm_xstrdup(arg);
	((char *)al->svc)[eq - arg] = '\0';
	for (p = eq + 1; *p != '\0';) {
		size_t n = strcspn(p, ",");
		struct nm_fw_net net;

		if (n == 0 || nm_fw_net_parse(p, n, &net, err) != 0) {
			if (n == 0)
				nm_seterr(err, NM_ERR_USAGE, "--allow-from %s: "
				    "an empty network", arg);
			nm_fw_allow_free(al);
			return -1;
		}
		*NM_VEC_PUSH(&al->nets) = net;
		p += n;
		if (*p == ',')
			p++;
	}
	return 0;
}

void
nm_fw_allow_free(struct nm_fw_allow *al)
{
	free((char *)al->svc);
	al->svc = NULL;
	NM_VEC_FREE(&al->nets);
}

int
nm_fw_ssh_connection(const char *s, struct nm_fw_session *ss)
{
	char c[NM_ADDRLEN], sv[NM_ADDRLEN], canon[NM_ADDRLEN];
	unsigned char a[16];
	int cport, sport, fam, fam2;

	memset(ss, 0, sizeof(*ss));
	if (s == NULL || sscanf(s, "%63s %d %63s %d", c, &cport, sv,
	    &sport) != 4 || cport < 1 || cport > 65535 || sport < 1 ||
	    sport > 65535)
		return -1;
	if (addr_bytes(c, &fam, a) != 0)
		return -1;
	nm_addr_format(fam, a, ss->client, sizeof(ss->client));
	if (addr_bytes(sv, &fam2, a) != 0 || fam2 != fam)
		return -1;
	nm_addr_format(fam, a, canon, sizeof(canon));
	nm_strlcpy(ss->server, canon, sizeof(ss->server));
	ss->family = (uint8_t)fam;
	ss->cport = cport;
	ss->port = sport;
	ss->how = "SSH_CONNECTION";
	return 0;
}

/* Canonical, unmapped text of an address; "" when it is not one. */
static void
canon_addr(const char *text, char *out, size_t len)
{
	unsigned char a[16];
	int fam;

	out[0] = '\0';
	if (addr_bytes(text, &fam, a) == 0)
		nm_addr_format(fam, a, out, len);
}

static bool
is_loopback_text(const char *addr)
{
	char c[NM_ADDRLEN];

	canon_addr(addr, c, sizeof(c));
	return nm_addr_exposure(NM_INET, c) == NM_EXP_LOOPBACK;
}

void
nm_fw_sessions(const struct nm_snapshot *s, const struct nm_kb *kb,
    const char *ssh_connection, struct nm_arena *a,
    struct nm_fw_session **out, size_t *nout)
{
	NM_VEC(struct nm_fw_session) v = { 0 };
	struct nm_fw_session ssh;
	bool have_ssh = nm_fw_ssh_connection(ssh_connection, &ssh) == 0;
	size_t i, k;

	for (i = 0; i < s->ep.n; i++) {
		const struct nm_endpoint *e = &s->ep.v[i];
		char la[NM_ADDRLEN], ra[NM_ADDRLEN];
		struct nm_fw_session ss;
		const char *how = NULL;

		if (e->proto != NM_TCP || e->state != NM_ST_ESTABLISHED ||
		    e->raddr[0] == '\0' || e->lport <= 0 || e->rport <= 0)
			continue;
		canon_addr(e->laddr, la, sizeof(la));
		canon_addr(e->raddr, ra, sizeof(ra));
		if (ra[0] == '\0' || is_loopback_text(ra))
			continue;
		if (have_ssh && strcmp(la, ssh.server) == 0 &&
		    strcmp(ra, ssh.client) == 0 && e->lport == ssh.port &&
		    e->rport == ssh.cport)
			how = "SSH_CONNECTION";
		/* A connection to a remote-admin listener's port. */
		for (k = 0; how == NULL && kb != NULL && k < s->ep.n; k++) {
			const struct nm_endpoint *l = &s->ep.v[k];
			const struct nm_kb_entry *ke;

			if (l->proto != NM_TCP || l->state != NM_ST_LISTEN ||
			    l->lport != e->lport || l->kb == NULL ||
			    (ke = nm_kb_find(kb, l->kb)) == NULL ||
			    !nm_kb_has_tag(ke, "remote-admin"))
				continue;
			how = nm_asprintf(a, "an established connection to %s",
			    nm_kb_name(ke));
		}
		if (how == NULL)
			continue;
		memset(&ss, 0, sizeof(ss));
		ss.family = strchr(ra, ':') ? NM_INET6 : NM_INET;
		nm_strlcpy(ss.client, ra, sizeof(ss.client));
		nm_strlcpy(ss.server, la, sizeof(ss.server));
		ss.cport = e->rport;
		ss.port = e->lport;
		ss.how = how;
		/* One per client and port is enough. */
		for (k = 0; k < v.n; k++)
			if (strcmp(v.v[k].client, ss.client) == 0 &&
			    v.v[k].port == ss.port)
				break;
		if (k == v.n)
			*NM_VEC_PUSH(&v) = ss;
		else if (strcmp(how, "SSH_CONNECTION") == 0)
			v.v[k].how = how;
	}
	*out = NULL;
	*nout = v.n;
	if (v.n) {
		*out = nm_aalloc(a, v.n * sizeof(**out));
		memcpy(*out, v.v, v.n * sizeof(**out));
	}
	NM_VEC_FREE(&v);
}

/* --- arguments ---------------------------------------------------------- */

/* "80", "80/tcp", "tcp/80"; proto -1 when not given. */
static bool
arg_port(const char *a, int *port, int *proto)
{
	const char *sl = strchr(a, '/'), *num = a, *pr;
	size_t nl = strlen(a);

	*proto = -1;
	if (sl != NULL) {
		if (nm_startswith(a, "tcp/") || nm_startswith(a, "udp/")) {
			pr = a;
			num = sl + 1;
			nl = strlen(num);
		} else {
			pr = sl + 1;
			nl = (size_t)(sl - a);
			if (strcmp(pr, "tcp") != 0 && strcmp(pr, "udp") != 0)
				return false;
		}
		*proto = nm_startswith(pr, "tcp") ? NM_TCP : NM_UDP;
	}
	return nm_parse_int(num, nl, 1, 65535, port) == 0;
}

static bool
name_eq(const char *a, const char *b)
{
	size_t n;

	if (a == NULL || b == NULL)
		return false;
	if (nm_streq_ci(a, b))
		return true;
	/* "ssh" names "ssh.service"; "nginx.service" names "nginx". */
	n = strlen(b);
	if (nm_strneq_ci(a, b, n) && nm_streq_ci(a + n, ".service"))
		return true;
	n = strlen(a);
	return nm_strneq_ci(b, a, n) && nm_streq_ci(b + n, ".service");
}

/* Does a name (not a port) describe the endpoint's owner? */
static bool
owner_named(const struct nm_endpoint *e, const char *name)
{
	size_t i;

	if (name_eq(name, e->unit))
		return true;
	for (i = 0; i < e->nowners; i++)
		if (name_eq(name, e->owners[i].process))
			return true;
	for (i = 0; i < e->nservices; i++)
		if (name_eq(name, e->services[i]))
			return true;
	return false;
}

static bool
arg_names(const struct nm_kb *kb, nm_osmask os, const char *arg,
    const struct nm_endpoint *e)
{
	int port, proto;
	const struct nm_kb_entry *ke;

	if (arg_port(arg, &port, &proto))
		return e->lport == port && (proto < 0 || proto == e->proto);
	if (owner_named(e, arg))
		return true;
	ke = nm_kb_find_name(kb, arg, os);
	return ke != NULL && e->kb != NULL && strcmp(e->kb, ke->id) == 0;
}

static bool
listens(const struct nm_endpoint *e)
{
	return nm_ep_is_open(e) && e->lport > 0 &&
	    (e->proto == NM_TCP || e->proto == NM_UDP);
}

int
nm_fw_planopts(const struct nm_snapshot *s, const struct nm_kb *kb,
    const struct nm_fwopts *o, struct nm_planopts *po, struct nm_arena *a,
    struct nm_error *err)
{
	nm_osmask os = nm_snap_osmask(s);
	size_t i, k, n = o->nkeep + o->ndrop + o->nallow;
	const char **keep = nm_aalloc(a, (n ? n : 1) * sizeof(*keep));
	const char **drop = nm_aalloc(a, (n ? n : 1) * sizeof(*drop));

	po->keep = keep;
	po->drop = drop;
	po->nkeep = po->ndrop = 0;
	for (i = 0; i < n; i++) {
		const char *arg, *opt;
		bool is_drop = false, seen = false;
		int port, proto;

		if (i < o->nkeep) {
			arg = o->keep[i];
			opt = "--keep";
		} else if (i < o->nkeep + o->ndrop) {
			arg = o->drop[i - o->nkeep];
			opt = "--drop";
			is_drop = true;
		} else {
			arg = o->allow[i - o->nkeep - o->ndrop].svc;
			opt = "--allow-from";
		}
		if (!arg_port(arg, &port, &proto) &&
		    nm_kb_find_name(kb, arg, os) == NULL) {
			for (k = 0; k < s->ep.n && !seen; k++)
				seen = owner_named(&s->ep.v[k], arg);
			if (!seen)
				return nm_seterr(err, NM_ERR_USAGE, "%s '%s': no "
				    "port, and no service, unit, process or "
				    "knowledge-base entry by that name "
				    "(netmin kb list shows them)", opt, arg);
			continue;	/* the firewall's own */
		}
		if (is_drop)
			drop[po->ndrop++] = arg;
		else
			keep[po->nkeep++] = arg;
	}
	return 0;
}

/* --- the model ---------------------------------------------------------- */

static const char *
who_of(struct nm_fw *fw, const struct nm_kb *kb, const struct nm_endpoint *e)
{
	const struct nm_kb_entry *ke = e->kb && kb ? nm_kb_find(kb, e->kb) :
	    NULL;

	if (ke != NULL)
		return nm_kb_name(ke);
	if (e->unit != NULL)
		return e->unit;
	if (e->nservices > 0)
		return e->services[0];
	if (nm_ep_process(e) == NULL && nm_ep_pid(e) >= 0)
		return fstr(fw, "pid %d", nm_ep_pid(e));
	return nm_ep_process(e);
}

static bool
same_ep(const struct nm_endpoint *a, const struct nm_endpoint *b)
{
	return a->proto == b->proto && a->family == b->family &&
	    a->lport == b->lport && strcmp(a->laddr, b->laddr) == 0;
}

/* The step that closes or moves e, or NULL. */
static const struct nm_step *
closing_step(const struct nm_plan *p, const struct nm_endpoint *e,
    bool *moved)
{
	size_t i, k;

	for (i = 0; i < p->steps.n; i++) {
		const struct nm_step *st = &p->steps.v[i];

		for (k = 0; k < st->closes.n; k++)
			if (same_ep(&st->closes.v[k], e)) {
				*moved = false;
				return st;
			}
		for (k = 0; k < st->moves.n; k++)
			if (same_ep(&st->moves.v[k].from, e)) {
				*moved = true;
				return st;
			}
	}
	return NULL;
}

static const struct nm_remain *
remaining(const struct nm_plan *p, const struct nm_endpoint *e)
{
	size_t i;

	for (i = 0; i < p->remaining.n; i++)
		if (same_ep(&p->remaining.v[i].ep, e))
			return &p->remaining.v[i];
	return NULL;
}

static const struct nm_kept *
kept_entry(const struct nm_plan *p, const char *kb)
{
	size_t i;

	for (i = 0; kb != NULL && i < p->kept.n; i++)
		if (p->kept.v[i].kb != NULL && strcmp(p->kept.v[i].kb, kb) == 0)
			return &p->kept.v[i];
	return NULL;
}

static struct nm_fw_rule *
rule_for(struct nm_fw *fw, int proto, int port, bool create)
{
	size_t i;
	struct nm_fw_rule *r;

	for (i = 0; i < fw->rules.n; i++)
		if (fw->rules.v[i].proto == proto &&
		    fw->rules.v[i].port == port)
			return &fw->rules.v[i];
	if (!create)
		return NULL;
	r = NM_VEC_PUSH(&fw->rules);
	memset(r, 0, sizeof(*r));
	r->proto = (uint8_t)proto;
	r->port = port;
	r->origin = NM_FW_GUARD;
	return r;
}

static void
add_name(struct nm_fw_rule *r, const char *name)
{
	size_t i;

	if (name == NULL)
		return;
	for (i = 0; i < r->names.n; i++)
		if (strcmp(r->names.v[i], name) == 0)
			return;
	*NM_VEC_PUSH(&r->names) = name;
}

static bool
has_net(const struct nm_fw_net *v, size_t n, const struct nm_fw_net *x)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (v[i].family == x->family && v[i].plen == x->plen &&
		    memcmp(v[i].a, x->a, 16) == 0)
			return true;
	return false;
}

/* Is a host address inside one of the networks? */
static bool
covered(const struct nm_fw_net *v, size_t n, const struct nm_fw_net *host)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (nm_fw_net_contains(&v[i], host->family, host->a))
			return true;
	return false;
}

/* The endpoint's local address joins the rule (wildcard: every one). */
static void
add_local(struct nm_fw_rule *r, const struct nm_endpoint *e, bool *any)
{
	struct nm_fw_net n;

	if (*any)
		return;
	if (nm_addr_is_wildcard(e->laddr) || host_net(e->laddr, &n) != 0) {
		*any = true;
		r->local.n = 0;
		return;
	}
	if (!has_net(r->local.v, r->local.n, &n))
		*NM_VEC_PUSH(&r->local) = n;
}

static int
net_cmp(const void *a, const void *b)
{
	const struct nm_fw_net *x = a, *y = b;
	int c;

	if (x->family != y->family)
		return x->family - y->family;
	if ((c = memcmp(x->a, y->a, 16)) != 0)
		return c;
	return x->plen - y->plen;
}

static int
rule_cmp(const void *a, const void *b)
{
	const struct nm_fw_rule *x = a, *y = b;

	if (x->proto != y->proto)
		return x->proto - y->proto;
	return x->port - y->port;
}

static int
denied_cmp(const void *a, const void *b)
{
	const struct nm_fw_denied *x = a, *y = b;
	int c;

	if (x->proto != y->proto)
		return x->proto - y->proto;
	if (x->port != y->port)
		return x->port - y->port;
	if (x->family != y->family)
		return x->family - y->family;
	if ((c = strcmp(x->laddr, y->laddr)) != 0)
		return c;
	return strcmp(x->who ? x->who : "", y->who ? y->who : "");
}

static bool
is_dhcp_entry(const char *kb)
{
	static const char *const ids[] = { "linux/dhclient",
	    "linux/networkmanager", "linux/systemd-networkd", "windows/dhcp",
	    NULL };
	size_t i;

	for (i = 0; kb != NULL && ids[i] != NULL; i++)
		if (strcmp(kb, ids[i]) == 0)
			return true;
	return false;
}

/* Does the host use DHCP?  Evidence: client sockets, client programs. */
static void
detect_dhcp(struct nm_fw *fw, const struct nm_snapshot *s,
    const struct nm_kb *kb, const struct nm_plan *p, int force)
{
	static const char *const both[] = { "dhcpcd", "NetworkManager",
	    "systemd-networkd", "systemd-network", "dhcpcd5", "connmand",
	    NULL };
	static const char *const v4[] = { "dhclient", "udhcpc", "pump", NULL };
	bool nt5 = fw->os != NULL && (strcmp(fw->os, "windows-2000") == 0 ||
	    strcmp(fw->os, "windows-xp") == 0 || strcmp(fw->os,
	    "windows-2003") == 0 || strcmp(fw->os, "windows-nt5") == 0);
	const char *why = NULL;
	size_t i, k;

	if (force >= 0) {
		fw->dhcp4 = fw->dhcp6 = force == 1;
		fw->dhcp_why = force ? "--dhcp" : "--no-dhcp";
		return;
	}
	for (i = 0; i < p->before.n; i++) {
		const struct nm_endpoint *e = &p->before.v[i];

		if (e->proto != NM_UDP)
			continue;
		if (e->lport == 68 && !fw->dhcp4) {
			fw->dhcp4 = true;
			why = fstr(fw, "a DHCP client socket (udp/68, %s)",
			    who_of(fw, kb, e) ? who_of(fw, kb, e) : "owner unknown");
		}
		if (e->lport == 546 && !fw->dhcp6) {
			fw->dhcp6 = true;
			if (why == NULL)
				why = fstr(fw, "a DHCPv6 client socket (udp/546, "
				    "%s)", who_of(fw, kb, e) ? who_of(fw, kb, e) :
				    "owner unknown");
		}
		if (is_dhcp_entry(e->kb) && why == NULL)
			why = fstr(fw, "the DHCP client %s", e->kb);
	}
	for (i = 0; i < s->procs.n; i++) {
		const struct nm_proc *pr = &s->procs.v[i];

		for (k = 0; pr->name != NULL && both[k] != NULL; k++)
			if (strcmp(pr->name, both[k]) == 0) {
				fw->dhcp4 = fw->dhcp6 = true;
				if (why == NULL)
					why = fstr(fw, "the DHCP client %s",
					    pr->name);
			}
		for (k = 0; pr->name != NULL && v4[k] != NULL; k++)
			if (strcmp(pr->name, v4[k]) == 0) {
				fw->dhcp4 = true;
				if (why == NULL)
					why = fstr(fw, "the DHCP client %s",
					    pr->name);
			}
		for (k = 0; k < pr->nservices; k++)
			if (nm_streq_ci(pr->services[k], "Dhcp")) {
				fw->dhcp4 = true;
				fw->dhcp6 = !nt5;
				if (why == NULL)
					why = "the Windows DHCP Client service";
			}
	}
	for (i = 0; i < s->svcs.n; i++)
		if (nm_streq_ci(s->svcs.v[i].name, "Dhcp") &&
		    s->svcs.v[i].state != NULL &&
		    strcmp(s->svcs.v[i].state, "running") == 0) {
			fw->dhcp4 = true;
			fw->dhcp6 = !nt5;
			if (why == NULL)
				why = "the Windows DHCP Client service";
		}
	for (i = 0; i < p->before.n; i++)
		if (is_dhcp_entry(p->before.v[i].kb)) {
			fw->dhcp4 = true;
			if (strcmp(p->before.v[i].kb, "linux/dhclient") != 0 &&
			    !nt5)
				fw->dhcp6 = true;
		}
	fw->dhcp_why = why;
}

/* Per endpoint: allowed or not, and why. */
struct verdict {
	const struct nm_endpoint *e;
	bool		 allow;
	bool		 asked;
	uint8_t		 origin;
	const char	*why;
	uint64_t	 specs;
};

static int
decide(struct nm_fw *fw, const struct nm_kb *kb, nm_osmask os,
    const struct nm_plan *p, const struct nm_fwopts *o, struct verdict *v,
    struct nm_error *err)
{
	const struct nm_endpoint *e = v->e;
	const char *kept_by = NULL, *dropped_by = NULL;
	const struct nm_remain *rm;
	const struct nm_kept *kp;
	const struct nm_step *st;
	size_t i;
	bool moved = false;

	for (i = 0; i < o->nkeep && kept_by == NULL; i++)
		if (arg_names(kb, os, o->keep[i], e))
			kept_by = fstr(fw, "--keep %s", o->keep[i]);
	for (i = 0; i < o->nallow && i < 64; i++)
		if (arg_names(kb, os, o->allow[i].svc, e)) {
			v->specs |= (uint64_t)1 << i;
			if (kept_by == NULL)
				kept_by = fstr(fw, "--allow-from %s",
				    o->allow[i].arg);
		}
	for (i = 0; i < o->ndrop && dropped_by == NULL; i++)
		if (arg_names(kb, os, o->drop[i], e))
			dropped_by = o->drop[i];
	if (kept_by != NULL && dropped_by != NULL)
		return nm_seterr(err, NM_ERR_USAGE, "%s and --drop %s both name "
		    "%s/%d (%s); choose one", kept_by, dropped_by,
		    nm_proto_name(e->proto), e->lport, who_of(fw, kb, e));
	if (dropped_by != NULL) {
		v->why = fstr(fw, "--drop %s", dropped_by);
		return 0;
	}
	if (kept_by != NULL) {
		v->allow = v->asked = true;
		v->origin = NM_FW_ASKED;
		v->why = kept_by;
		return 0;
	}
	rm = remaining(p, e);
	if (rm == NULL) {
		st = closing_step(p, e, &moved);
		v->why = st ? fstr(fw, "the plan %s it (step %d: %s)", moved ?
		    "moves" : "closes", st->id, st->title) :
		    "the plan closes it";
		return 0;
	}
	kp = kept_entry(p, e->kb);
	if (kp != NULL) {
		const struct nm_kb_entry *ke = nm_kb_find(kb, e->kb);

		if (ke != NULL && nm_kb_has_tag(ke, "filter")) {
			v->why = fstr(fw, "it stays but is filtered: %s",
			    kp->why ? kp->why : "the knowledge base says so");
			return 0;
		}
		v->allow = true;
		v->origin = NM_FW_KEPT;
		v->why = fstr(fw, "the plan keeps it: %s", kp->why ? kp->why :
		    "kept");
		return 0;
	}
	if (e->kb == NULL)
		v->why = fstr(fw, "owner unknown; --keep %d/%s allows it",
		    e->lport, nm_proto_name(e->proto));
	else
		v->why = rm->why ? rm->why : "not kept";
	return 0;
}

/* A --keep PORT with nothing listening still gets its rule. */
static void
keep_unbound_ports(struct nm_fw *fw, const struct nm_plan *p,
    const struct nm_fwopts *o)
{
	size_t i, k;
	int port, proto, pr;

	for (i = 0; i < o->nkeep + o->nallow; i++) {
		const char *arg = i < o->nkeep ? o->keep[i] :
		    o->allow[i - o->nkeep].svc;
		bool any = false;

		if (!arg_port(arg, &port, &proto))
			continue;
		for (k = 0; k < p->before.n; k++)
			if (p->before.v[k].lport == port && (proto < 0 ||
			    p->before.v[k].proto == proto))
				any = true;
		if (any)
			continue;
		for (pr = NM_TCP; pr <= NM_UDP; pr++) {
			struct nm_fw_rule *r;

			if (proto >= 0 && pr != proto)
				continue;
			r = rule_for(fw, pr, port, true);
			r->origin = NM_FW_ASKED;
			r->why = fstr(fw, "%s %s (nothing listens there now)",
			    i < o->nkeep ? "--keep" : "--allow-from",
			    i < o->nkeep ? arg : o->allow[i - o->nkeep].arg);
			if (i >= o->nkeep && i - o->nkeep < 64)
				r->specs |= (uint64_t)1 << (i - o->nkeep);
		}
		if (proto < 0)
			note(fw, fstr(fw, "--keep %s: nothing listens there; both "
			    "tcp/%d and udp/%d are allowed (name one: %d/tcp)",
			    arg, port, port, port));
	}
}

/* The guard: every session's port stays admitted unless --drop names it. */
static void
guard(struct nm_fw *fw, const struct nm_kb *kb, nm_osmask os,
    const struct nm_plan *p, const struct nm_fwopts *o,
    struct nm_fw_session *ss, struct verdict *v, size_t nv)
{
	struct nm_fw_net client, server;
	struct nm_fw_rule *r;
	const char *dropped = NULL, *who = NULL;
	size_t i, k;
	int port, proto;

	(void)p;
	for (k = 0; k < o->ndrop && dropped == NULL; k++)
		if (arg_port(o->drop[k], &port, &proto) && port == ss->port &&
		    proto != NM_UDP)
			dropped = o->drop[k];
	for (i = 0; i < nv; i++) {
		const struct nm_endpoint *e = v[i].e;

		if (e->proto != NM_TCP || e->lport != ss->port)
			continue;
		who = who_of(fw, kb, e);
		for (k = 0; k < o->ndrop && dropped == NULL; k++)
			if (arg_names(kb, os, o->drop[k], e))
				dropped = o->drop[k];
	}
	if (dropped != NULL) {
		ss->dropped = true;
		note(fw, fstr(fw, "--drop %s: the session from %s to port %d "
		    "(%s) is not admitted: loading this ruleset cuts it off "
		    "once it ends, and no new one gets in", dropped, ss->client,
		    ss->port, ss->how));
		return;
	}
	if (host_net(ss->client, &client) != 0 ||
	    host_net(ss->server, &server) != 0)
		return;
	r = rule_for(fw, NM_TCP, ss->port, true);
	if (r->why == NULL) {
		r->why = fstr(fw, "lockout guard: %s from %s", ss->how,
		    ss->client);
		add_name(r, who);
		r->listening = who != NULL;
	}
	if (r->local.n > 0 && !covered(r->local.v, r->local.n, &server)) {
		*NM_VEC_PUSH(&r->local) = server;
		r->guard = true;
	}
	if (r->from.n > 0 && !covered(r->from.v, r->from.n, &client)) {
		*NM_VEC_PUSH(&r->from) = client;
		r->guard = true;
	}
	if (r->origin == NM_FW_GUARD)
		r->guard = true;
	ss->admitted = true;
}

int
nm_fw_make(struct nm_fw *fw, const struct nm_snapshot *s,
    const struct nm_kb *kb, const struct nm_plan *p,
    const struct nm_fwopts *o, struct nm_error *err)
{
	nm_osmask os = nm_snap_osmask(s);
	struct verdict *v;
	struct nm_fw_session *ss;
	size_t nv = 0, nss = 0, i, k;
	int rc = -1;

	memset(fw, 0, sizeof(*fw));
	fw->os = p->os;
	fw->os_reason = p->os_reason;
	fw->sources = p->sources;
	fw->nsources = p->nsources;
	fw->windows = p->os != NULL && nm_startswith(p->os, "windows");
	if (o->nallow > 64)
		return nm_seterr(err, NM_ERR_USAGE, "at most 64 --allow-from");
	detect_dhcp(fw, s, kb, p, o->dhcp);

	v = nm_xcalloc(p->before.n ? p->before.n : 1, sizeof(*v));
	for (i = 0; i < p->before.n; i++) {
		const struct nm_endpoint *e = &p->before.v[i];

		if (!listens(e) || e->exposure == NM_EXP_LOOPBACK ||
		    is_loopback_text(e->laddr))
			continue;
		v[nv].e = e;
		if (decide(fw, kb, os, p, o, &v[nv], err) != 0)
			goto out;
		nv++;
	}
	/* Rules from the allowed endpoints; DHCP client ports have theirs. */
	for (i = 0; i < nv; i++) {
		const struct nm_endpoint *e = v[i].e;
		struct nm_fw_rule *r;
		bool any;

		if (!v[i].allow || (e->proto == NM_UDP && ((e->lport == 68 &&
		    fw->dhcp4) || (e->lport == 546 && fw->dhcp6))))
			continue;
		r = rule_for(fw, e->proto, e->lport, true);
		if (r->why == NULL || (r->origin == NM_FW_KEPT &&
		    v[i].origin == NM_FW_ASKED)) {
			r->why = v[i].why;
			r->origin = v[i].origin;
		}
		r->listening = true;
		r->specs |= v[i].specs;
		add_name(r, who_of(fw, kb, e));
		/* Local addresses: every allowed endpoint of the port. */
		any = false;
		for (k = 0; k < nv && !any; k++)
			if (v[k].allow && v[k].e->proto == e->proto &&
			    v[k].e->lport == e->lport)
				add_local(r, v[k].e, &any);
	}
	keep_unbound_ports(fw, p, o);
	/* --allow-from narrows the sources of the rules it chose. */
	for (i = 0; i < o->nallow; i++) {
		bool used = false;

		for (k = 0; k < fw->rules.n; k++) {
			struct nm_fw_rule *r = &fw->rules.v[k];
			size_t j;

			if (!(r->specs & ((uint64_t)1 << i)))
				continue;
			used = true;
			for (j = 0; j < o->allow[i].nets.n; j++)
				if (!has_net(r->from.v, r->from.n,
				    &o->allow[i].nets.v[j]))
					*NM_VEC_PUSH(&r->from) =
					    o->allow[i].nets.v[j];
		}
		if (!used) {
			nm_seterr(err, NM_ERR_USAGE, "--allow-from %s: %s names "
			    "nothing that listens here", o->allow[i].arg,
			    o->allow[i].svc);
			goto out;
		}
	}
	/* The lockout guard. */
	nm_fw_sessions(o->conns ? o->conns : s, kb, o->ssh_connection,
	    &fw->arena, &ss, &nss);
	for (i = 0; i < nss; i++) {
		guard(fw, kb, os, p, o, &ss[i], v, nv);
		*NM_VEC_PUSH(&fw->sessions) = ss[i];
	}
	if (o->ssh_connection != NULL && o->ssh_connection[0] != '\0') {
		struct nm_fw_session x;
		bool found = false;

		if (nm_fw_ssh_connection(o->ssh_connection, &x) != 0)
			note(fw, fstr(fw, "SSH_CONNECTION '%s' is not \"CLIENT "
			    "PORT SERVER PORT\"; no session guarded from it",
			    o->ssh_connection));
		for (i = 0; i < fw->sessions.n; i++)
			if (strcmp(fw->sessions.v[i].how, "SSH_CONNECTION") == 0)
				found = true;
		if (!found && nm_fw_ssh_connection(o->ssh_connection, &x) == 0)
			note(fw, fstr(fw, "SSH_CONNECTION names a connection "
			    "from %s to %s port %d that this host does not "
			    "have (another host or network namespace?): not "
			    "guarded", x.client, x.server, x.port));
	}
	/* What the ruleset filters. */
	for (i = 0; i < nv; i++) {
		const struct nm_endpoint *e = v[i].e;
		struct nm_fw_denied *d;

		if (rule_for(fw, e->proto, e->lport, false) != NULL ||
		    (e->proto == NM_UDP && ((e->lport == 68 && fw->dhcp4) ||
		    (e->lport == 546 && fw->dhcp6))))
			continue;
		d = NM_VEC_PUSH(&fw->denied);
		d->proto = e->proto;
		d->family = e->family;
		d->port = e->lport;
		d->laddr = e->laddr;
		d->who = who_of(fw, kb, e);
		d->why = v[i].why;
	}
	if (fw->denied.n)
		qsort(fw->denied.v, fw->denied.n, sizeof(*fw->denied.v),
		    denied_cmp);
	/* Drop repeats (one socket per worker process). */
	for (i = k = 0; i < fw->denied.n; i++) {
		if (k > 0 && denied_cmp(&fw->denied.v[k - 1],
		    &fw->denied.v[i]) == 0)
			continue;
		fw->denied.v[k++] = fw->denied.v[i];
	}
	fw->denied.n = k;
	for (i = 0; i < fw->rules.n; i++) {
		struct nm_fw_rule *r = &fw->rules.v[i];

		if (r->local.n > 1)
			qsort(r->local.v, r->local.n, sizeof(*r->local.v),
			    net_cmp);
		if (r->from.n > 1)
			qsort(r->from.v, r->from.n, sizeof(*r->from.v),
			    net_cmp);
	}
	if (fw->rules.n > 1)
		qsort(fw->rules.v, fw->rules.n, sizeof(*fw->rules.v), rule_cmp);
	if (fw->windows && fw->os != NULL && (strcmp(fw->os,
	    "windows-2000") == 0 || strcmp(fw->os, "windows-xp") == 0 ||
	    strcmp(fw->os, "windows-2003") == 0 || strcmp(fw->os,
	    "windows-nt5") == 0))
		note(fw, fstr(fw, "%s has no netsh advfirewall and no "
		    "NetSecurity module: the netsh and ps1 forms need Windows "
		    "Vista / Server 2008 or later", fw->os));
	rc = 0;
out:
	free(v);
	if (rc != 0)
		nm_fw_free(fw);
	return rc;
}

void
nm_fw_free(struct nm_fw *fw)
{
	size_t i;

	for (i = 0; i < fw->rules.n; i++) {
		NM_VEC_FREE(&fw->rules.v[i].local);
		NM_VEC_FREE(&fw->rules.v[i].from);
		NM_VEC_FREE(&fw->rules.v[i].names);
	}
	NM_VEC_FREE(&fw->rules);
	NM_VEC_FREE(&fw->denied);
	NM_VEC_FREE(&fw->sessions);
	NM_VEC_FREE(&fw->notes);
	nm_afree(&fw->arena);
}

/* --- shared by the renderings ------------------------------------------ */

bool
nm_fw_rule_family(const struct nm_fw_rule *r, int family, bool *any_family)
{
	size_t i;
	bool l = r->local.n == 0, f = r->from.n == 0;

	*any_family = l && f;
	for (i = 0; i < r->local.n; i++)
		if (r->local.v[i].family == family)
			l = true;
	for (i = 0; i < r->from.n; i++)
		if (r->from.v[i].family == family)
			f = true;
	return l && f;
}

void
nm_fw_comment(const struct nm_fw_rule *r, char *out, size_t len)
{
	struct nm_buf b = { 0 };
	char *q;
	size_t i;

	for (i = 0; i < r->names.n; i++)
		nm_buf_printf(&b, "%s%s", i ? ", " : "", r->names.v[i]);
	if (r->names.n == 0)
		nm_buf_printf(&b, "port %d", r->port);
	if (r->origin == NM_FW_GUARD)
		nm_buf_puts(&b, ": lockout guard");
	else if (r->origin == NM_FW_ASKED)
		nm_buf_puts(&b, ": asked");
	else
		nm_buf_puts(&b, ": kept by the plan");
	if (r->guard && r->origin != NM_FW_GUARD)
		nm_buf_puts(&b, ", lockout guard");
	nm_strlcpy(out, b.s, len);
	nm_buf_free(&b);
	for (q = out; *q; q++)
		if (!nm_fw_safe_char(*q))
			*q = '_';
}

/* Characters every rendering can carry inside quotes and comments. */
bool
nm_fw_safe_char(int c)
{
	return c >= 0x20 && c <= 0x7e && strchr("\"'\\`$%&|<>^;#*?!", c) == NULL;
}

/* Ports of proto that no rule allows (DHCP client ports excepted). */
void
nm_fw_port_gaps(const struct nm_fw *fw, int proto, const char *sep,
    struct nm_buf *b)
{
	unsigned char *open = nm_xcalloc(65536, 1);
	int p, start = -1;
	size_t i;
	bool first = true;

	for (i = 0; i < fw->rules.n; i++)
		if (fw->rules.v[i].proto == proto)
			open[fw->rules.v[i].port] = 1;
	if (proto == NM_UDP && fw->dhcp4)
		open[68] = 1;
	if (proto == NM_UDP && fw->dhcp6)
		open[546] = 1;
	for (p = 1; p <= 65536; p++) {
		bool closed = p <= 65535 && !open[p];

		if (closed && start < 0)
			start = p;
		if (!closed && start >= 0) {
			if (start == p - 1)
				nm_buf_printf(b, "%s%d", first ? "" : sep,
				    start);
			else
				nm_buf_printf(b, "%s%d-%d", first ? "" : sep,
				    start, p - 1);
			first = false;
			start = -1;
		}
	}
	nm_buf_add(b, NULL, 0);
	free(open);
}

/* 128-bit address arithmetic on big-endian bytes. */
static void
addr_step(unsigned char a[16], int len, int dir)
{
	int i;

	for (i = len - 1; i >= 0; i--) {
		if (dir > 0) {
			if (++a[i] != 0)
				return;
		} else {
			if (a[i]-- != 0)
				return;
		}
	}
}

static void
put_range(int family, const unsigned char lo[16], const unsigned char hi[16],
    const char *sep, bool *first, struct nm_buf *b)
{
	char x[NM_ADDRLEN], y[NM_ADDRLEN];
	int len = family == NM_INET ? 4 : 16;

	nm_addr_format(family, lo, x, sizeof(x));
	nm_addr_format(family, hi, y, sizeof(y));
	if (memcmp(lo, hi, (size_t)len) == 0)
		nm_buf_printf(b, "%s%s", *first ? "" : sep, x);
	else
		nm_buf_printf(b, "%s%s-%s", *first ? "" : sep, x, y);
	*first = false;
}

void
nm_fw_net_gaps(const struct nm_fw_net *v, size_t n, const char *sep,
    struct nm_buf *b)
{
	struct nm_fw_net *s = nm_xcalloc(n ? n : 1, sizeof(*s));
	bool first = true;
	int fam;
	size_t i;

	if (n)
		memcpy(s, v, n * sizeof(*s));
	if (n > 1)
		qsort(s, n, sizeof(*s), net_cmp);
	for (fam = NM_INET; fam <= NM_INET6; fam++) {
		int len = fam == NM_INET ? 4 : 16, bits = len * 8;
		unsigned char cur[16] = { 0 };	/* next uncovered address */
		bool done = false;

		for (i = 0; i < n && !done; i++) {
			unsigned char lo[16], hi[16];
			int k;

			if (s[i].family != fam)
				continue;
			memcpy(lo, s[i].a, 16);
			memcpy(hi, s[i].a, 16);
			for (k = s[i].plen; k < bits; k++)
				hi[k / 8] |= (unsigned char)(0x80 >> (k % 8));
			if (memcmp(hi, cur, (size_t)len) < 0)
				continue;	/* inside what came before */
			if (memcmp(lo, cur, (size_t)len) > 0) {
				unsigned char end[16];

				memcpy(end, lo, 16);
				addr_step(end, len, -1);
				put_range(fam, cur, end, sep, &first, b);
			}
			memcpy(cur, hi, 16);
			for (k = 0; k < len && cur[k] == 0xff; k++)
				;
			if (k == len)
				done = true;	/* covered to the top */
			else
				addr_step(cur, len, 1);
		}
		if (!done) {
			unsigned char top[16];

			memset(top, 0, sizeof(top));
			memset(top, 0xff, (size_t)len);
			put_range(fam, cur, top, sep, &first, b);
		}
	}
	nm_buf_add(b, NULL, 0);
	free(s);
}

/* --- formats ------------------------------------------------------------ */

static const char *const fmt_names[] = { "nft", "iptables", "netsh", "ps1" };

int
nm_fw_fmt_from_name(const char *s)
{
	size_t i;

	for (i = 0; i < NM_NELEM(fmt_names); i++)
		if (strcmp(fmt_names[i], s) == 0)
			return (int)i;
	return -1;
}

const char *
nm_fw_fmt_name(int f)
{
	return f >= 0 && (size_t)f < NM_NELEM(fmt_names) ? fmt_names[f] : "?";
}

int
nm_fw_emit(const struct nm_fw *fw, int fmt, bool undo, struct nm_buf *b,
    struct nm_error *err)
{
	switch (fmt) {
	case NM_FW_NFT:
		nm_fw_emit_nft(fw, undo, b);
		return 0;
	case NM_FW_IPT:
		nm_fw_emit_ipt(fw, undo, b);
		return 0;
	case NM_FW_NETSH:
		nm_fw_emit_netsh(fw, undo, b);
		return 0;
	case NM_FW_PS1:
		nm_fw_emit_ps1(fw, undo, b);
		return 0;
	default:
		return nm_seterr(err, NM_ERR_USAGE, "unknown firewall format");
	}
}

void
nm_fw_header(const struct nm_fw *fw, const char *prefix, bool undo,
    struct nm_buf *b)
{
	size_t i, k;

	nm_buf_printf(b, "%snetmin %s firewall %s for %s (", prefix,
	    NETMIN_VERSION, undo ? "undo" : "ruleset", fw->os ? fw->os :
	    "unknown");
	for (i = 0; i < fw->nsources; i++)
		nm_buf_printf(b, "%s%s", i ? ", " : "", fw->sources[i]);
	nm_buf_puts(b, ")\n");
	if (undo)
		return;
	nm_buf_printf(b, "%sdefault-deny inbound: loopback, established and "
	    "related traffic, ICMP errors\n%sand path MTU, ICMPv6 errors, "
	    "path MTU and neighbour discovery", prefix, prefix);
	if (fw->dhcp4 || fw->dhcp6)
		nm_buf_printf(b, ",\n%s%s client replies (%s)", prefix,
		    fw->dhcp4 && fw->dhcp6 ? "DHCP and DHCPv6" : fw->dhcp4 ?
		    "DHCP" : "DHCPv6", fw->dhcp_why ? fw->dhcp_why : "");
	nm_buf_puts(b, "; then only:\n");
	for (i = 0; i < fw->rules.n; i++) {
		const struct nm_fw_rule *r = &fw->rules.v[i];

		nm_buf_printf(b, "%s  allow %s/%d", prefix,
		    nm_proto_name(r->proto), r->port);
		if (r->local.n) {
			nm_buf_puts(b, " to");
			for (k = 0; k < r->local.n; k++)
				nm_buf_printf(b, "%s %s", k ? "," : "",
				    r->local.v[k].text);
		}
		if (r->from.n) {
			nm_buf_puts(b, " from");
			for (k = 0; k < r->from.n; k++)
				nm_buf_printf(b, "%s %s", k ? "," : "",
				    r->from.v[k].text);
		}
		nm_buf_printf(b, " (%s", r->names.n ? "" : "nothing listens");
		for (k = 0; k < r->names.n; k++)
			nm_buf_printf(b, "%s%s", k ? ", " : "", r->names.v[k]);
		nm_buf_printf(b, "): %s%s\n", r->why ? r->why : "",
		    r->guard && r->origin != NM_FW_GUARD ?
		    "; lockout guard" : "");
	}
	/* One line per port: its addresses, owner and reason. */
	for (i = 0; i < fw->denied.n; i = k) {
		const struct nm_fw_denied *d = &fw->denied.v[i];
		size_t j;

		for (k = i + 1; k < fw->denied.n; k++)
			if (fw->denied.v[k].proto != d->proto ||
			    fw->denied.v[k].port != d->port ||
			    strcmp(fw->denied.v[k].why, d->why) != 0)
				break;
		nm_buf_printf(b, "%s  filter %s/%d on", prefix,
		    nm_proto_name(d->proto), d->port);
		for (j = i; j < k; j++) {
			const struct nm_fw_denied *x = &fw->denied.v[j];

			if (j > i && strcmp(x->laddr, fw->denied.v[j - 1].laddr)
			    == 0)
				continue;
			nm_buf_printf(b, "%s %s%s%s", j > i ? "," : "",
			    x->family == NM_INET6 ? "[" : "", x->laddr,
			    x->family == NM_INET6 ? "]" : "");
		}
		nm_buf_printf(b, " (%s): %s\n", d->who ? d->who :
		    "owner unknown", d->why);
	}
	for (i = 0; i < fw->sessions.n; i++) {
		const struct nm_fw_session *s = &fw->sessions.v[i];

		nm_buf_printf(b, "%s  session from %s to port %d (%s): %s\n",
		    prefix, s->client, s->port, s->how, s->admitted ?
		    "admitted (lockout guard)" : "NOT admitted (--drop)");
	}
	for (i = 0; i < fw->notes.n; i++)
		nm_buf_printf(b, "%snote: %s\n", prefix, fw->notes.v[i]);
}
