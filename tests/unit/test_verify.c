/*
 * test_verify.c - predicted versus observed on small hand-made plans,
 * inventories and scans (the real host is tests/integration/scan.sh).
 */
#include <string.h>

#include "harness.h"
#include "verify.h"

static struct nm_endpoint
ep(int proto, const char *addr, int port)
{
	struct nm_endpoint e;

	memset(&e, 0, sizeof(e));
	e.proto = (uint8_t)proto;
	e.family = strchr(addr, ':') ? NM_INET6 : NM_INET;
	e.state = proto == NM_TCP ? NM_ST_LISTEN : NM_ST_UNCONN;
	nm_strlcpy(e.laddr, addr, sizeof(e.laddr));
	e.lport = port;
	e.rport = -1;
	return e;
}

static void
observe(struct nm_snapshot *s, int proto, const char *addr, int port)
{
	*nm_snap_add_ep(s) = ep(proto, addr, port);
}

static void
scanned(struct nm_scan *sc, int proto, int port, int state)
{
	struct nm_portres *r = NM_VEC_PUSH(&sc->res);

	r->proto = (uint8_t)proto;
	r->port = (uint16_t)port;
	r->state = (uint8_t)state;
}

static const struct nm_vcheck *
find(const struct nm_verify *v, int proto, const char *addr, int port)
{
	size_t i;

	for (i = 0; i < v->checks.n; i++)
		if (v->checks.v[i].ep.proto == proto &&
		    v->checks.v[i].ep.port == port &&
		    strcmp(v->checks.v[i].ep.addr, addr) == 0)
			return &v->checks.v[i];
	return NULL;
}

/* before: tcp 22, 25, 135 and udp 137 on every address; step 1 closes
 * 25; step 2 closes udp 137 and moves 135 to loopback. */
static void
make_plan(struct nm_plan *p)
{
	struct nm_step *s;
	struct nm_move *m;

	nm_plan_init(p);
	*NM_VEC_PUSH(&p->before) = ep(NM_TCP, "0.0.0.0", 22);
	*NM_VEC_PUSH(&p->before) = ep(NM_TCP, "0.0.0.0", 25);
	*NM_VEC_PUSH(&p->before) = ep(NM_TCP, "0.0.0.0", 135);
	*NM_VEC_PUSH(&p->before) = ep(NM_UDP, "0.0.0.0", 137);
	s = nm_plan_add_step(p, NM_PHASE_SERVICES, "stop smtp");
	*NM_VEC_PUSH(&s->closes) = ep(NM_TCP, "0.0.0.0", 25);
	*NM_VEC_PUSH(&s->after) = ep(NM_TCP, "0.0.0.0", 22);
	*NM_VEC_PUSH(&s->after) = ep(NM_TCP, "0.0.0.0", 135);
	*NM_VEC_PUSH(&s->after) = ep(NM_UDP, "0.0.0.0", 137);
	s = nm_plan_add_step(p, NM_PHASE_NETBIOS_SMB, "netbios off, rpc local");
	*NM_VEC_PUSH(&s->closes) = ep(NM_UDP, "0.0.0.0", 137);
	m = NM_VEC_PUSH(&s->moves);
	m->from = ep(NM_TCP, "0.0.0.0", 135);
	m->to = ep(NM_TCP, "127.0.0.1", 135);
	*NM_VEC_PUSH(&s->after) = ep(NM_TCP, "0.0.0.0", 22);
	*NM_VEC_PUSH(&s->after) = ep(NM_TCP, "127.0.0.1", 135);
}

TEST(verify_as_predicted)
{
	struct nm_plan p;
	struct nm_snapshot s;
	struct nm_verify v;
	const struct nm_vcheck *c;

	make_plan(&p);
	nm_snap_init(&s);
	observe(&s, NM_TCP, "0.0.0.0", 22);
	observe(&s, NM_TCP, "127.0.0.1", 135);
	nm_snap_finish(&s);
	nm_verify_run(&p, -1, &s, NULL, &v);
	CHECK_INT(v.upto, 2);
	CHECK_INT(v.mismatches, 0);
	CHECK_INT(v.count[NM_V_CLOSED_OK], 3);	/* 25, 137, 0.0.0.0:135 */
	CHECK_INT(v.count[NM_V_MOVED_OK], 1);
	CHECK_INT(v.count[NM_V_OPEN_OK], 1);
	c = find(&v, NM_TCP, "0.0.0.0", 135);
	CHECK(c != NULL && c->verdict == NM_V_CLOSED_OK && c->step == 2);
	c = find(&v, NM_TCP, "0.0.0.0", 25);
	CHECK(c != NULL && c->step == 1 && !c->predicted && !c->observed);
	nm_verify_free(&v);

	/* Only step 1 verified: 137 and 135 are still predicted open. */
	nm_verify_run(&p, 1, &s, NULL, &v);
	CHECK_INT(v.mismatches, 3);
	CHECK_INT(v.count[NM_V_GONE], 2);	/* 0.0.0.0:135, udp 137 */
	CHECK_INT(v.count[NM_V_NEWLY_OPEN], 1);	/* 127.0.0.1:135 */
	nm_verify_free(&v);
	nm_snap_free(&s);
	nm_plan_free(&p);
}

TEST(verify_mismatches)
{
	struct nm_plan p;
	struct nm_snapshot s;
	struct nm_scan sc;
	struct nm_verify v;
	const struct nm_vcheck *c;

	make_plan(&p);
	nm_snap_init(&s);
	observe(&s, NM_TCP, "0.0.0.0", 22);
	observe(&s, NM_TCP, "0.0.0.0", 25);	/* smtp did not stop */
	observe(&s, NM_TCP, "0.0.0.0", 8080);	/* something new */
	nm_snap_finish(&s);
	nm_scan_init(&sc);
	sc.target.family = NM_INET;
	nm_strlcpy(sc.target.text, "192.0.2.7", sizeof(sc.target.text));
	scanned(&sc, NM_TCP, 22, NM_PS_FILTERED);	/* a host firewall */
	scanned(&sc, NM_TCP, 25, NM_PS_OPEN);
	scanned(&sc, NM_TCP, 2222, NM_PS_OPEN);	/* a port forward */
	scanned(&sc, NM_TCP, 8080, NM_PS_OPEN);
	scanned(&sc, NM_UDP, 137, NM_PS_OPEN_FILTERED);
	nm_verify_run(&p, 1, &s, &sc, &v);
	c = find(&v, NM_TCP, "0.0.0.0", 25);
	CHECK(c != NULL && c->verdict == NM_V_STILL_OPEN && c->mismatch &&
	    c->step == 1 && c->outside == NM_PS_OPEN);
	c = find(&v, NM_TCP, "0.0.0.0", 8080);
	CHECK(c != NULL && c->verdict == NM_V_NEWLY_OPEN && c->mismatch);
	c = find(&v, NM_TCP, "0.0.0.0", 22);
	CHECK(c != NULL && c->verdict == NM_V_OUTSIDE_SHUT && !c->mismatch);
	c = find(&v, NM_TCP, "192.0.2.7", 2222);
	CHECK(c != NULL && c->verdict == NM_V_OUTSIDE_OPEN && c->mismatch);
	/* Silence on UDP proves nothing: 137 is simply gone. */
	c = find(&v, NM_UDP, "0.0.0.0", 137);
	CHECK(c != NULL && c->verdict == NM_V_GONE);
	CHECK_INT(v.mismatches, 5);	/* 25, 8080, 2222, 137, 135 */
	nm_verify_free(&v);
	nm_scan_free(&sc);
	nm_snap_free(&s);
	nm_plan_free(&p);
}

TEST(verify_ports)
{
	struct nm_plan p;
	struct nm_portset ps;

	make_plan(&p);
	memset(&ps, 0, sizeof(ps));
	nm_verify_ports(&p, NULL, &ps);
	CHECK_INT(ps.count[NM_TCP], 65535);
	CHECK(nm_ports_has(&ps, NM_UDP, 137));
	CHECK(nm_ports_has(&ps, NM_UDP, 5355));
	CHECK(!nm_ports_has(&ps, NM_UDP, 22));
	nm_plan_free(&p);
	CHECK_STR(nm_verdict_name(NM_V_STILL_OPEN), "still-open");
	CHECK_STR(nm_verdict_name(NM_V_OUTSIDE_OPEN),
	    "reachable-host-says-closed");
}
