/*
 * fuzz_fw.c - libFuzzer target for the firewall's argument parsers:
 * --allow-from SERVICE=CIDR,..., $SSH_CONNECTION, and the network
 * complement the Windows block rules use.  Properties: a network that
 * parses prints as text that parses to the same network; no address of
 * the parsed networks is inside their complement's first range.
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
	char *s = malloc(size + 1);
	struct nm_fw_allow al;
	struct nm_fw_session ss;
	struct nm_error err = { 0 };
	struct nm_buf b = { 0 };
	size_t i;

	memcpy(s, data, size);
	s[size] = '\0';
	nm_fw_ssh_connection(s, &ss);
	if (strlen(s) == size && nm_fw_allow_parse(s, &al, &err) == 0) {
		for (i = 0; i < al.nets.n; i++) {
			struct nm_fw_net n2;
			const struct nm_fw_net *n = &al.nets.v[i];

			if (nm_fw_net_parse(n->text, strlen(n->text), &n2,
			    &err) != 0 || n2.family != n->family ||
			    n2.plen != n->plen || memcmp(n2.a, n->a, 16) != 0)
				abort();
			if (!nm_fw_net_contains(n, n->family, n->a))
				abort();
		}
		nm_fw_net_gaps(al.nets.v, al.nets.n, ",", &b);
		nm_buf_free(&b);
		nm_fw_allow_free(&al);
	}
	free(s);
	return 0;
}
