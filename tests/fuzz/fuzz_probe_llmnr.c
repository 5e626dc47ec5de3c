/*
 * fuzz_probe_llmnr.c - libFuzzer target for the llmnr reply decoder
 * (probe_proto.c).  The first four bytes are the probe's nonce, so the
 * fuzzer can reach past the transaction-id checks; the rest is the reply.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "probe.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nm_probe_ctx c;
	char detail[300];

	if (size < 4)
		return 0;
	memset(&c, 0, sizeof(c));
	c.nonce = (uint32_t)data[0] << 24 | (uint32_t)data[1] << 16 |
	    (uint32_t)data[2] << 8 | data[3];
	c.family = NM_INET;
	(void)nm_dec_llmnr(data + 4, size - 4, &c, detail, sizeof(detail));
	(void)nm_dec_llmnr(data + 4, size - 4, &c, detail, 8);
	return 0;
}
