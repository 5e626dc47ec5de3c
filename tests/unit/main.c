/*
 * main.c - the unit-test runner: runs every registered test (or those whose
 * name contains argv[1]) and ends with the line "N passed, N failed".
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "harness.h"

static struct nm_test *tests;
static int failures_in_test;

void
nm_test_register(struct nm_test *t)
{
	t->next = tests;
	tests = t;
}

void
nm_test_fail(const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "  %s:%d: ", file, line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	failures_in_test++;
}

int
main(int argc, char **argv)
{
	struct nm_test *t, *rev = NULL, *next;
	int passed = 0, failed = 0;

	/* Constructors ran in reverse; restore file order. */
	for (t = tests; t != NULL; t = next) {
		next = t->next;
		t->next = rev;
		rev = t;
	}
	for (t = rev; t != NULL; t = t->next) {
		if (argc > 1 && strstr(t->name, argv[1]) == NULL)
			continue;
		failures_in_test = 0;
		t->fn();
		if (failures_in_test) {
			printf("not ok - %s\n", t->name);
			failed++;
		} else {
			printf("ok - %s\n", t->name);
			passed++;
		}
	}
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
