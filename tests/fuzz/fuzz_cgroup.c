/*
 * fuzz_cgroup.c - libFuzzer target for the /proc/PID/cgroup parser and
 * the cgroup path -> systemd unit / container rules.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "cgroup.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nm_cgroup cg;
	char path[2048];
	size_t n = size < sizeof(path) - 1 ? size : sizeof(path) - 1;

	(void)nm_cgroup_parse((const char *)data, size, &cg);
	/* Every output is a C string that fits its field. */
	if (strlen(cg.unit) >= sizeof(cg.unit) ||
	    strlen(cg.container) >= sizeof(cg.container))
		__builtin_trap();
	memcpy(path, data, n);
	path[n] = '\0';
	nm_cgroup_from_path(path, &cg);
	(void)nm_unit_name_valid((const char *)data, size);
	return 0;
}
