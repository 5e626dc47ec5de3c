/*
 * fuzz_epm.c - libFuzzer target for the endpoint-mapper client: the input
 * is everything a server sends (bind_ack, then response fragments), run
 * through the real conversation (nm_epm_run over a replay transport), so
 * PDU headers, reassembly, NDR and tower decoding all see it.  The input
 * also goes straight to the tower and ept_lookup-stub decoders.  Seeds:
 * tests/fuzz/seeds/epm/ (real Samba replies and Impacket-encoded ones).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "epm.h"
#include "out.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nm_epm_replay r = { data, size, 0 };
	struct nm_epm_io io;
	struct nm_epm_dump d = { 0 };
	struct nm_error err = { 0 };
	struct nm_tower t;
	struct nm_lookup_reply rep;
	struct nm_epm_entry *v = NULL;
	size_t n = 0, cap = 0;

	nm_epm_replay_io(&io, &r);
	if (nm_epm_run(&io, &d, &err) == 0) {
		struct nm_buf b = { 0 };

		nm_out_rpcdump_text("fuzz", 135, &d, &b);
		nm_out_rpcdump_json("fuzz", 135, &d, &b);
		nm_buf_free(&b);
	}
	nm_epm_dump_free(&d);
	(void)nm_tower_decode(data, size, &t, &err);
	(void)nm_lookup_reply_decode(data, size, size > 0 && (data[0] & 1),
	    &rep, &v, &n, &cap, 100, &err);
	free(v);
	return 0;
}
