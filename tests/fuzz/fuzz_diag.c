/*
 * fuzz_diag.c - libFuzzer target for the netlink sock_diag decoder: the
 * input is a recorded exchange (our requests and the kernel's replies),
 * exactly what --from-diag reads.  Interface-name resolution and the
 * snapshot's finishing pass run too.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "src_linux.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nm_snapshot snap;
	struct nm_linv inv = { 0 };
	struct nm_diag_dec d;
	const char *label = "net:[1]";
	size_t i;

	nm_snap_init(&snap);
	inv.snap = &snap;
	inv.source = "fuzz";
	nm_diag_init(&d, &inv.socks, 0);
	(void)nm_diag_feed(&d, data, size);
	nm_diag_warn(&d, &snap);
	inv.decs = &d;
	inv.nns = 1;
	inv.ns_label = &label;
	/* Every socket becomes an endpoint, as with no owners found. */
	for (i = 0; i < inv.socks.n; i++)
		nm_linv_endpoint(&inv, i, nm_snap_add_ep(&snap));
	nm_diag_free(&d);
	free(inv.socks.v);
	nm_snap_finish(&snap);
	nm_snap_free(&snap);
	return 0;
}
