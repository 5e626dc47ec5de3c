/*
 * verify.c - predicted versus observed: a plan's endpoint tables against
 * a new inventory of the host and a scan of it from outside.
 *
 * An endpoint is the same endpoint when protocol, family, local address
 * and port agree (the plan's canonical text and the inventory's are the
 * same canonical form).  Every endpoint the plan or the host mentions gets
 * one verdict:
 *
 *   predicted open,   open            open as predicted
 *   closed by a step, closed          closed as predicted
 *   closed by a step, open            still open            (mismatch)
 *   not in the plan,  open            newly open            (mismatch)
 *   predicted open,   closed          closed, predicted open (mismatch)
 *
 * and, with a scan: a port that answers from outside while the host lists
 * nothing reachable on it is "reachable from outside, the host says
 * closed" (mismatch: a port forward, a container, or a host view that
 * lies); an endpoint the host lists on all interfaces that does not
 * answer is reported, not counted (a host firewall narrows it by design).
 */
#include <stdlib.h>
#include <string.h>

#include "verify.h"

const char *
nm_verdict_name(int v)
{
	static const char *names[NM_V__COUNT] = {
		"open-as-predicted", "closed-as-predicted",
		"moved-as-predicted", "still-open", "newly-open",
		"closed-predicted-open", "reachable-host-says-closed",
		"host-open-not-reachable"
	};

	return v >= 0 && v < NM_V__COUNT ? names[v] : "?";
}

#define REFS(vec) NM_VEC(struct nm_vref)

static bool
same(const struct nm_vref *a, const struct nm_vref *b)
{
	return a->proto == b->proto && a->family == b->family &&
	    a->port == b->port && strcmp(a->addr, b->addr) == 0;
}

static bool
in_list(const struct nm_vref *r, const struct nm_vref *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (same(r, &v[i]))
			return true;
	return false;
}

static void
ref_from_ep(const struct nm_endpoint *e, struct nm_vref *r)
{
	memset(r, 0, sizeof(*r));
	r->proto = e->proto;
	r->family = e->family;
	nm_strlcpy(r->addr, e->laddr, sizeof(r->addr));
	r->port = e->lport;
	r->kb = e->kb;
}

/* The plan's endpoints (TCP and UDP with a port) as refs. */
static void
plan_refs(const struct nm_endpoint *e, size_t n, void *vecp)
{
	REFS(x) *vec = vecp;
	size_t i;

	for (i = 0; i < n; i++) {
		struct nm_vref r;

		if ((e[i].proto != NM_TCP && e[i].proto != NM_UDP) ||
		    e[i].lport < 0)
			continue;
		ref_from_ep(&e[i], &r);
		if (!in_list(&r, vec->v, vec->n))
			*NM_VEC_PUSH(vec) = r;
	}
}

/* Open endpoints the host lists (listeners, UDP), as refs. */
static void
observed_refs(const struct nm_snapshot *s, void *vecp)
{
	REFS(x) *vec = vecp;
	size_t i;

	for (i = 0; s != NULL && i < s->ep.n; i++) {
		const struct nm_endpoint *e = &s->ep.v[i];
		struct nm_vref r;

		if (!nm_ep_is_open(e) || e->lport < 0 ||
		    (e->proto != NM_TCP && e->proto != NM_UDP))
			continue;
		ref_from_ep(e, &r);
		if (!in_list(&r, vec->v, vec->n))
			*NM_VEC_PUSH(vec) = r;
	}
}

/* Reachable at target: bound to every address, or to the target's. */
static bool
reachable_at(const struct nm_vref *r, const struct nm_target *t)
{
	if (nm_addr_exposure(r->family, r->addr) == NM_EXP_LOOPBACK)
		return false;
	if (nm_addr_is_wildcard(r->addr))
		return r->family == t->family || (r->family == NM_INET6 &&
		    strcmp(r->addr, "::") == 0);
	return strcmp(r->addr, t->text) == 0;
}

static const struct nm_portres *
scan_result(const struct nm_scan *scan, int proto, int port)
{
	size_t i;

	for (i = 0; scan != NULL && i < scan->res.n; i++)
		if (scan->res.v[i].proto == proto &&
		    scan->res.v[i].port == port)
			return &scan->res.v[i];
	return NULL;
}

/* Answers from outside: TCP open; UDP open (silence proves nothing). */
static bool
answers(const struct nm_portres *r)
{
	return r != NULL && r->state == NM_PS_OPEN;
}

/* Refused outright: TCP closed or filtered, UDP closed. */
static bool
shut(const struct nm_portres *r)
{
	if (r == NULL)
		return false;
	if (r->proto == NM_TCP)
		return r->state == NM_PS_CLOSED || r->state == NM_PS_FILTERED;
	return r->state == NM_PS_CLOSED;
}

static void
add_check(struct nm_verify *out, const struct nm_vref *r, int step,
    bool pred, bool obs, const struct nm_portres *pr, int verdict)
{
	struct nm_vcheck *c = NM_VEC_PUSH(&out->checks);

	c->ep = *r;
	c->step = step;
	c->predicted = pred;
	c->observed = obs;
	c->outside = pr != NULL ? pr->state : -1;
	c->service = pr != NULL ? pr->service : NULL;
	c->verdict = (uint8_t)verdict;
	c->mismatch = verdict == NM_V_STILL_OPEN ||
	    verdict == NM_V_NEWLY_OPEN || verdict == NM_V_GONE ||
	    verdict == NM_V_OUTSIDE_OPEN;
	out->count[verdict]++;
	if (c->mismatch)
		out->mismatches++;
}

/* A step's closes, moves (from, to) as refs. */
struct steprefs {
	REFS(c) closes;
	REFS(f) from;
	REFS(t) to;
};

void
nm_verify_run(const struct nm_plan *p, int upto,
    const struct nm_snapshot *observed, const struct nm_scan *scan,
    struct nm_verify *out)
{
	REFS(x) obs = { 0 }, all = { 0 }, before = { 0 }, pred = { 0 };
	struct steprefs *sr;
	size_t i, k;
	int s;

	memset(out, 0, sizeof(*out));
	if (upto < 0 || upto > (int)p->steps.n)
		upto = (int)p->steps.n;
	out->upto = upto;
	plan_refs(p->before.v, p->before.n, &before);
	if (upto == 0)
		plan_refs(p->before.v, p->before.n, &pred);
	else
		plan_refs(p->steps.v[upto - 1].after.v,
		    p->steps.v[upto - 1].after.n, &pred);
	sr = nm_xcalloc(p->steps.n ? p->steps.n : 1, sizeof(*sr));
	for (k = 0; k < p->steps.n; k++) {
		const struct nm_step *st = &p->steps.v[k];

		plan_refs(st->closes.v, st->closes.n, &sr[k].closes);
		for (i = 0; i < st->moves.n; i++) {
			plan_refs(&st->moves.v[i].from, 1, &sr[k].from);
			plan_refs(&st->moves.v[i].to, 1, &sr[k].to);
		}
	}
	observed_refs(observed, &obs);

	/* Every endpoint anyone mentions, plan order first. */
	for (i = 0; i < before.n; i++)
		if (!in_list(&before.v[i], all.v, all.n))
			*NM_VEC_PUSH(&all) = before.v[i];
	for (i = 0; i < pred.n; i++)
		if (!in_list(&pred.v[i], all.v, all.n))
			*NM_VEC_PUSH(&all) = pred.v[i];
	for (i = 0; i < obs.n; i++)
		if (!in_list(&obs.v[i], all.v, all.n))
			*NM_VEC_PUSH(&all) = obs.v[i];

	for (i = 0; i < all.n; i++) {
		const struct nm_vref *r = &all.v[i];
		bool is_pred = in_list(r, pred.v, pred.n);
		bool is_obs = in_list(r, obs.v, obs.n);
		bool was = in_list(r, before.v, before.n);
		const struct nm_portres *pr = NULL;
		int step = 0, v, moved = 0;

		for (s = 0; s < upto && step == 0; s++) {
			if (in_list(r, sr[s].closes.v, sr[s].closes.n) ||
			    in_list(r, sr[s].from.v, sr[s].from.n))
				step = p->steps.v[s].id;
			if (in_list(r, sr[s].to.v, sr[s].to.n)) {
				step = p->steps.v[s].id;
				moved = 1;
			}
		}
		if (scan != NULL && reachable_at(r, &scan->target))
			pr = scan_result(scan, r->proto, r->port);
		if (is_pred && is_obs)
			v = moved ? NM_V_MOVED_OK : NM_V_OPEN_OK;
		else if (is_pred)
			v = NM_V_GONE;
		else if (is_obs)
			v = was ? NM_V_STILL_OPEN : NM_V_NEWLY_OPEN;
		else
			v = NM_V_CLOSED_OK;
		/* The outside view overrides a closed verdict it refutes. */
		if (!is_obs && answers(pr))
			v = NM_V_OUTSIDE_OPEN;
		else if (is_obs && shut(pr) && v == NM_V_OPEN_OK)
			v = NM_V_OUTSIDE_SHUT;
		add_check(out, r, step, is_pred, is_obs, pr, v);
	}

	/* Ports that answer from outside with nothing behind them here. */
	for (k = 0; scan != NULL && k < scan->res.n; k++) {
		const struct nm_portres *pr = &scan->res.v[k];
		bool known = false;
		struct nm_vref r;

		if (!answers(pr))
			continue;
		for (i = 0; i < all.n && !known; i++)
			known = all.v[i].proto == pr->proto &&
			    all.v[i].port == pr->port &&
			    reachable_at(&all.v[i], &scan->target);
		if (known)
			continue;
		memset(&r, 0, sizeof(r));
		r.proto = pr->proto;
		r.family = (uint8_t)scan->target.family;
		nm_strlcpy(r.addr, scan->target.text, sizeof(r.addr));
		r.port = pr->port;
		add_check(out, &r, 0, false, false, pr, NM_V_OUTSIDE_OPEN);
	}
	for (k = 0; k < p->steps.n; k++) {
		NM_VEC_FREE(&sr[k].closes);
		NM_VEC_FREE(&sr[k].from);
		NM_VEC_FREE(&sr[k].to);
	}
	free(sr);
	NM_VEC_FREE(&obs);
	NM_VEC_FREE(&all);
	NM_VEC_FREE(&before);
	NM_VEC_FREE(&pred);
}

void
nm_verify_free(struct nm_verify *v)
{
	NM_VEC_FREE(&v->checks);
}

static void
add_udp(struct nm_portset *ps, const struct nm_endpoint *e, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (e[i].proto == NM_UDP && e[i].lport > 0)
			nm_ports_add(ps, NM_UDP, (unsigned)e[i].lport,
			    (unsigned)e[i].lport);
}

void
nm_verify_ports(const struct nm_plan *p, const struct nm_snapshot *s,
    struct nm_portset *ps)
{
	size_t i, k;

	nm_ports_add(ps, NM_TCP, 1, 65535);
	for (i = 0; i < nm_udp_default_nports; i++)
		nm_ports_add(ps, NM_UDP, nm_udp_default_ports[i],
		    nm_udp_default_ports[i]);
	add_udp(ps, p->before.v, p->before.n);
	for (k = 0; k < p->steps.n; k++)
		add_udp(ps, p->steps.v[k].after.v, p->steps.v[k].after.n);
	for (i = 0; s != NULL && i < s->ep.n; i++)
		if (nm_ep_is_open(&s->ep.v[i]))
			add_udp(ps, &s->ep.v[i], 1);
}
