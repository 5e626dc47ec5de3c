/* test_plan_read.c - netmin.plan/1 read back: round trips and errors. */
#include <stdlib.h>

#include "harness.h"
#include "out.h"
#include "plan_sample.h"

static void
round_trip(void (*build)(struct nm_plan *))
{
	struct nm_plan p, q;
	struct nm_buf a = { 0 }, b = { 0 };
	struct nm_error err = { 0 };

	build(&p);
	nm_out_plan_json(&p, &a);
	CHECK_INT(nm_plan_read(&q, a.s, a.len, "p.json", &err), 0);
	if (err.msg[0])
		fprintf(stderr, "  %s\n", err.msg);
	nm_out_plan_json(&q, &b);
	CHECK_STR(b.s, a.s);
	nm_plan_free(&p);
	nm_plan_free(&q);
	nm_buf_free(&a);
	nm_buf_free(&b);
}

TEST(plan_read_round_trip_windows)
{
	round_trip(sample_windows_plan);
}

TEST(plan_read_round_trip_linux)
{
	round_trip(sample_linux_plan);
}

static const char *
read_err(const char *text)
{
	static struct nm_error err;
	struct nm_plan p;

	memset(&err, 0, sizeof(err));
	if (nm_plan_read(&p, text, strlen(text), "p.json", &err) == 0) {
		nm_plan_free(&p);
		return "(read)";
	}
	return err.msg;
}

TEST(plan_read_errors)
{
	CHECK_STR(read_err("{\"schema\": \"netmin.inventory/1\"}"),
	    "p.json:1:1: not a netmin plan (schema is not netmin.plan/1)");
	CHECK_STR(read_err("{\"schema\": \"netmin.plan/2\", \"steps\": []}"),
	    "p.json:1:12: netmin.plan/2 is newer than this netmin reads (netmin.plan/1)");
	CHECK_STR(read_err("{\"schema\": \"netmin.plan/1\"}"),
	    "p.json:1:1: a plan needs a \"steps\" array");
	CHECK_STR(read_err("{\"schema\": \"netmin.plan/1\", \"steps\": [\n"
	    "  {\"actions\": [{\"kind\": \"teleport\"}]}]}"),
	    "p.json:2:25: unknown value for \"kind\"");
	CHECK_STR(read_err("{\"schema\": \"netmin.plan/1\", \"steps\": [\n"
	    "  {\"actions\": [{\"kind\": \"service\"}]}]}"),
	    "p.json:2:16: a service action needs \"service\"");
	CHECK_STR(read_err("{\"schema\": \"netmin.plan/1\", \"steps\": [\n"
	    "  {\"closes\": [{\"local_port\": 70000}]}]}"),
	    "p.json:2:30: \"local_port\" must be a whole number in range");
	CHECK(strncmp(read_err("{\"schema\": "), "p.json:1:", 9) == 0);
	CHECK_STR(read_err("[]"),
	    "p.json:1:1: not a netmin plan (a JSON object is needed)");
}
