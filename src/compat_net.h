/*
 * compat_net.h - blocking-with-timeout TCP client sockets on POSIX and
 * Winsock, the one place their differences live (compat_net.c).
 */
#ifndef NETMIN_COMPAT_NET_H
#define NETMIN_COMPAT_NET_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"

struct nm_sock;

/*
 * Resolves host (name, IPv4 or IPv6 literal) and connects to the first
 * address that answers within timeout_ms.  'peer' receives the numeric
 * address connected to.
 */
int	 nm_net_connect(const char *host, int port, int timeout_ms,
	     struct nm_sock **, char *peer, size_t peerlen, struct nm_error *);
/*
 * Send all of buf / receive exactly n bytes, waiting at most timeout_ms
 * for each chunk and never past 'deadline' (nm_net_now_ms() time; 0 for
 * none), so that a peer dripping one byte at a time cannot hold us.
 */
int	 nm_net_send(struct nm_sock *, const void *, size_t, int timeout_ms,
	     int64_t deadline, struct nm_error *);
int	 nm_net_recv(struct nm_sock *, void *, size_t, int timeout_ms,
	     int64_t deadline, struct nm_error *);
void	 nm_net_close(struct nm_sock *);
/* Milliseconds from an arbitrary start, never going back. */
int64_t	 nm_net_now_ms(void);

#endif
