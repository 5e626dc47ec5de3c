/*
 * fuzz_nft_read.c - libFuzzer target for the nftables reader of netmin
 * apply (fw_nft_read.c): the file check, the lockout guard's rule
 * evaluator and the in-place replacement.  Property: the table block it
 * takes out reads back as itself.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fw.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nm_arena a = { 0 };
	struct nm_nft_file f, g;
	struct nm_error err = { 0 };
	struct nm_fw_session s;
	struct nm_buf why = { 0 }, tx = { 0 };

	nm_nft_replace((const char *)data, size, "table inet netmin {\n}\n",
	    22, &tx, &err);
	if (nm_nft_read((const char *)data, size, "fuzz", &a, &f, &err) == 0) {
		if (nm_nft_read(f.table, f.len, "again", &a, &g, &err) != 0 ||
		    g.len != f.len || memcmp(g.table, f.table, f.len) != 0)
			abort();
		memset(&s, 0, sizeof(s));
		nm_fw_ssh_connection("198.18.9.1 50000 198.18.9.2 22", &s);
		nm_nft_admits(&f, &s, &why);
		nm_fw_ssh_connection("fd00::1 50000 fd00::2 22", &s);
		nm_buf_reset(&why);
		nm_nft_admits(&f, &s, &why);
	}
	nm_buf_free(&why);
	nm_buf_free(&tx);
	nm_afree(&a);
	return 0;
}
