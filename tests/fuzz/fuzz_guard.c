/*
 * fuzz_guard.c - libFuzzer target for the lockout guard's parsers of
 * /proc text: SSH_CONNECTION, /proc/net/tcp{,6}, route, ipv6_route,
 * if_inet6, and a command line against /proc/net/dev.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "exec_linux_guard.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1), ifn[64];
	struct nm_sshconn c;
	static const char netdev[] = "  lo: 0 0\n  eth0: 0 0\n";

	if (s == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	if (nm_guard_parse_sshconn(s, &c) == 0 &&
	    (strlen(c.client) >= sizeof(c.client) || c.sport < 1))
		__builtin_trap();
	nm_guard_parse_sshconn("198.18.12.2 56302 198.18.12.1 22", &c);
	(void)nm_guard_conn_inode(s, &c);
	nm_guard_parse_sshconn("fd00:12::2 42844 fd00:12::1 22", &c);
	(void)nm_guard_conn_inode(s, &c);
	if (nm_guard_route4(s, NULL, ifn, sizeof(ifn)) == 0 &&
	    strlen(ifn) >= sizeof(ifn))
		__builtin_trap();
	(void)nm_guard_route4(s, "198.18.12.1", ifn, sizeof(ifn));
	(void)nm_guard_route6_default(s, ifn, sizeof(ifn));
	(void)nm_guard_inet6_if(s, "fd00:12::1", ifn, sizeof(ifn));
	(void)nm_guard_serves((const char *)data, size, netdev, "eth0");
	(void)nm_guard_serves("dhclient\0eth0", 13, s, "eth0");
	free(s);
	return 0;
}
