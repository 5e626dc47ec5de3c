/*
 * fuzz_diag.c - libFuzzer target for the netlink sock_diag decoder: the
 * input is a recorded exchange (our requests and the kernel's replies),
 * exactly what --from-diag reads.  Interface-name resolution and the
 * snapshot's finishing pass run too.
 */
#include <stddef.h>
#include <stdint.h>

#include "src_linux.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nm_snapshot snap;
	struct nm_diag_dec d;

	nm_snap_init(&snap);
	nm_diag_init(&d, &snap, "fuzz", "net:[1]");
	(void)nm_diag_feed(&d, data, size);
	nm_diag_zones(&d);
	nm_diag_free(&d);
	nm_snap_finish(&snap);
	nm_snap_free(&snap);
	return 0;
}
