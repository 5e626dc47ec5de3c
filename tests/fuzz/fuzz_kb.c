/*
 * fuzz_kb.c - libFuzzer target for the knowledge-base parser, which reads
 * `--kb FILE` at run time: parse the input on top of the built-in entries
 * (overrides included), cross-check, and look every entry up.
 */
#include <stddef.h>
#include <stdint.h>

#include "kb.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nm_kb kb;
	struct nm_error err = { 0 };
	size_t i;

	/* The built-in sources (so src= keys resolve) and one entry the
	 * input may override; the whole built-in set is too slow per run. */
	static const char *const base[] = {
		"entry windows/rpcss", "title RPC", "os windows", "src S1",
		"service RpcSs", "port tcp 135 os=..windows-2003",
		"action registry \"HKLM\\SOFTWARE\\Microsoft\\Rpc\" "
		"\"DCOM Protocols\" REG_MULTI_SZ ncacn_ip_tcp op=multi-remove "
		"mode=narrow reboot closes=tcp/135 os=..windows-2003",
	};

	nm_kb_init(&kb);
	if (nm_kb_parse_lines(&kb, nm_kb_files[0].name, nm_kb_files[0].lines,
	    nm_kb_files[0].nlines, &err) != 0 ||
	    nm_kb_parse_lines(&kb, "base.kb", base, sizeof(base) /
	    sizeof(base[0]), &err) != 0)
		__builtin_trap();
	if (nm_kb_parse_text(&kb, "fuzz.kb", (const char *)data, size,
	    &err) == 0 && nm_kb_check(&kb, &err) == 0) {
		for (i = 0; i < kb.entries.n; i++) {
			const struct nm_kb_entry *e = kb.entries.v[i];

			(void)nm_kb_find_name(&kb, e->id, NM_OSM_ALL);
			(void)nm_kb_policy_for(e, NM_OSM_ALL);
			(void)nm_kb_name(e);
		}
	}
	nm_kb_free(&kb);
	return 0;
}
