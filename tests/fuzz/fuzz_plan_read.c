/*
 * fuzz_plan_read.c - libFuzzer target for the netmin.plan/1 reader; what it
 * accepts must write and read back to the same document.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "out.h"
#include "plan.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nm_plan p, q;
	struct nm_error err = { 0 };
	struct nm_buf a = { 0 }, b = { 0 };

	if (nm_plan_read(&p, (const char *)data, size, "fuzz", &err) != 0)
		return 0;
	nm_out_plan_json(&p, &a);
	if (nm_plan_read(&q, a.s, a.len, "again", &err) != 0)
		abort();
	nm_out_plan_json(&q, &b);
	if (a.len != b.len || memcmp(a.s, b.s, a.len) != 0)
		abort();
	nm_plan_free(&p);
	nm_plan_free(&q);
	nm_buf_free(&a);
	nm_buf_free(&b);
	return 0;
}
