/*
 * emit_plan.c - test tool: writes the apply and rollback scripts of a plan
 * (a netmin.plan/1 file, or one of the unit tests' sample plans) so that
 * integration tests can run them for real under wine or sh.
 *
 *   emit_plan PLAN.json|sample-windows|sample-linux cmd|ps1|sh APPLY ROLLBACK
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emit.h"
#include "../unit/plan_sample.h"

static int
write_file(const char *path, const struct nm_buf *b)
{
	FILE *f = fopen(path, "wb");

	if (f == NULL || fwrite(b->s, 1, b->len, f) != b->len ||
	    fclose(f) != 0) {
		perror(path);
		return -1;
	}
	return 0;
}

int
main(int argc, char **argv)
{
	struct nm_plan p;
	struct nm_error err = { 0 };
	struct nm_buf s = { 0 }, r = { 0 };
	const char *slash;
	int fmt;

	if (argc != 5 || (fmt = nm_emit_fmt_from_name(argv[2])) < 0) {
		fprintf(stderr, "usage: emit_plan PLAN.json|sample-windows|"
		    "sample-linux cmd|ps1|sh APPLY ROLLBACK\n");
		return 2;
	}
	if (strcmp(argv[1], "sample-windows") == 0)
		sample_windows_plan(&p);
	else if (strcmp(argv[1], "sample-linux") == 0)
		sample_linux_plan(&p);
	else if (nm_plan_read_file(&p, argv[1], &err) != 0) {
		fprintf(stderr, "emit_plan: %s\n", err.msg);
		return 2;
	}
	slash = strrchr(argv[4], '/');
	if (nm_emit(&p, fmt, slash ? slash + 1 : argv[4], &s, &r, &err) != 0) {
		fprintf(stderr, "emit_plan: %s\n", err.msg);
		return 2;
	}
	if (write_file(argv[3], &s) != 0 || write_file(argv[4], &r) != 0)
		return 3;
	nm_plan_free(&p);
	nm_buf_free(&s);
	nm_buf_free(&r);
	return 0;
}
