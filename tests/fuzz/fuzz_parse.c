/*
 * fuzz_parse.c - libFuzzer target for one capture parser, chosen at build
 * time with -DFUZZ_FORMAT="name" (the Makefile builds one per parser).
 * Detection runs too, so every parser's score() sees the input.
 */
#include <stddef.h>
#include <stdint.h>

#include "parse.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nm_snapshot snap;
	struct nm_input in;
	struct nm_error err = { 0 };
	size_t i;

	if (nm_input_load(&in, "fuzz", (const char *)data, size, &err) != 0)
		return 0;
	for (i = 0; nm_parsers[i] != NULL; i++)
		(void)nm_parsers[i]->score(&in);
	nm_snap_init(&snap);
	if (nm_parse_input(&snap, &in, FUZZ_FORMAT, &err) == 0)
		nm_snap_finish(&snap);
	nm_snap_free(&snap);
	nm_input_free(&in);
	return 0;
}
