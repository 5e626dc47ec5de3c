/* test_plan_json.c - the netmin.plan/1 writer on a plan built by hand. */
#include "harness.h"
#include "out.h"
#include "plan.h"

static void
ep(struct nm_endpoint *e, int proto, const char *addr, int port)
{
	memset(e, 0, sizeof(*e));
	e->proto = (uint8_t)proto;
	e->family = NM_INET;
	e->state = proto == NM_TCP ? NM_ST_LISTEN : NM_ST_UNCONN;
	nm_strlcpy(e->laddr, addr, sizeof(e->laddr));
	e->lport = port;
	e->rport = -1;
}

TEST(plan_json_shape)
{
	struct nm_plan p;
	struct nm_step *s;
	struct nm_action *a;
	struct nm_buf b = { 0 };

	nm_plan_init(&p);
	p.os = "windows-xp";
	p.os_reason = "--os";
	s = nm_plan_add_step(&p, NM_PHASE_RPC_DCOM, "DCOM without TCP");
	a = nm_step_add_action(&p, s, NM_ACT_REGISTRY);
	a->mode = NM_MODE_NARROW;
	a->reg_op = NM_REG_MULTI_REMOVE;
	a->key = "HKLM\\SOFTWARE\\Microsoft\\Rpc";
	a->value = "DCOM Protocols";
	a->type = "REG_MULTI_SZ";
	a->data = "ncacn_ip_tcp";
	a->target = "HKLM\\SOFTWARE\\Microsoft\\Rpc\\DCOM Protocols";
	a->reboot = true;
	nm_action_add_read(&p, a, "registry", a->key, a->value);
	nm_plan_strv_add(&p, &a->commands, &a->ncommands, "reg query x");
	s->reboot = true;
	ep(NM_VEC_PUSH(&s->closes), NM_TCP, "0.0.0.0", 135);
	ep(NM_VEC_PUSH(&s->after), NM_UDP, "0.0.0.0", 1026);
	CHECK_INT(p.steps.n, 1);
	CHECK_INT(s->id, 1);
	nm_out_plan_json(&p, &b);
	CHECK(strstr(b.s, "\"schema\": \"netmin.plan/1\"") != NULL);
	CHECK(strstr(b.s, "\"phase\": \"rpc-dcom\"") != NULL);
	CHECK(strstr(b.s, "\"op\": \"multi-remove\"") != NULL);
	CHECK(strstr(b.s, "\"items\": [\n") != NULL);
	CHECK(strstr(b.s, "\"value\": \"DCOM Protocols\"") != NULL);
	CHECK(strstr(b.s, "\"mode\": \"narrow\"") != NULL);
	CHECK(strstr(b.s, "\"kind\": \"registry\",\n") != NULL);
	nm_buf_free(&b);
	nm_plan_free(&p);
}
