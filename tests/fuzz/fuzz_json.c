/*
 * fuzz_json.c - libFuzzer target for the JSON reader, with a round-trip
 * property: whatever parses must survive write (out.h, compact and
 * pretty) -> parse as an equal tree.  A difference aborts, so the fuzzer
 * reports it as a crash.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "json.h"
#include "out.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
check_round_trip(const struct nm_jv *v, bool compact)
{
	struct nm_arena a = { 0 };
	struct nm_error err = { 0 };
	struct nm_buf b = { 0 };
	struct nm_json j;
	struct nm_jv *w;

	nm_json_init(&j, &b);
	j.compact = compact;
	nm_jv_write(&j, v);
	nm_json_end(&j);
	w = nm_json_parse(b.s, b.len, &a, &err);
	if (w == NULL || !nm_jv_equal(v, w)) {
		fprintf(stderr, "round trip failed (%s): %s\n", err.msg, b.s);
		abort();
	}
	nm_buf_free(&b);
	nm_afree(&a);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nm_arena a = { 0 };
	struct nm_error err = { 0 };
	struct nm_jv *v;

	v = nm_json_parse((const char *)data, size, &a, &err);
	if (v != NULL) {
		/* Getters on whatever came out must not misbehave. */
		(void)nm_jv_str(nm_jv_get(v, "schema"), NULL);
		(void)nm_jv_int(nm_jv_at(v, 0), 0);
		check_round_trip(v, true);
		check_round_trip(v, false);
	} else if (err.code != NM_ERR_INPUT) {
		abort();
	}
	nm_afree(&a);
	return 0;
}
