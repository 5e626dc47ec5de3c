/*
 * exec_linux_guard.h - services apply must not touch unless the user names
 * them (--allow NAME): the one carrying netmin's own session, and the one
 * keeping the address of an interface the host or the session needs.  See
 * exec_linux_guard.c.
 */
#ifndef NETMIN_EXEC_LINUX_GUARD_H
#define NETMIN_EXEC_LINUX_GUARD_H

#include "netmin.h"
#include "util.h"

struct nm_guarded {
	const char	*name;		/* unit or service name */
	const char	*why;		/* "it carries this session: ..." */
};

struct nm_guard {
	struct nm_arena	 arena;
	struct nm_guarded v[64];
	size_t		 n;
};

/*
 * Scans from pid self (its ancestors), the ssh connection SSH_CONNECTION
 * names (sshconn, NULL if none) and the host's DHCP clients.
 */
int	 nm_guard_scan(struct nm_guard *, int self, const char *sshconn);
/* Why name (unit, socket or service) is protected, or NULL. */
const char *nm_guard_check(const struct nm_guard *, const char *name);
void	 nm_guard_free(struct nm_guard *);

/* The pure parts of the scan, on the text of /proc files (unit-tested). */

/* SSH_CONNECTION: "CLIENT_IP CLIENT_PORT SERVER_IP SERVER_PORT". */
struct nm_sshconn {
	char		 client[NM_ADDRLEN], server[NM_ADDRLEN];
	int		 cport, sport;
};
int	 nm_guard_parse_sshconn(const char *, struct nm_sshconn *);

/*
 * The inode of the established TCP socket from /proc/net/tcp or tcp6
 * text whose local end is the connection's server end and remote end its
 * client end; 0 when there is none.
 */
unsigned long nm_guard_conn_inode(const char *text,
	     const struct nm_sshconn *);

/*
 * Interfaces from /proc/net/route text: of the default route (addr NULL)
 * or of the most specific route holding IPv4 address addr.  From
 * /proc/net/ipv6_route: the default route's; from /proc/net/if_inet6: the
 * interface holding IPv6 address addr.  0 and the name, or -1.
 */
int	 nm_guard_route4(const char *route, const char *addr, char *ifname,
	     size_t);
int	 nm_guard_route6_default(const char *ipv6_route, char *ifname, size_t);
int	 nm_guard_inet6_if(const char *if_inet6, const char *addr,
	     char *ifname, size_t);

/*
 * Does a DHCP client or network manager with this command line (NUL-
 * separated /proc/PID/cmdline bytes; a rewritten title such as
 * "dhcpcd: eth0 [ip4]" too) serve interface ifname?  The interfaces the
 * host has come from /proc/net/dev text: a command line naming none of
 * them serves them all.
 */
bool	 nm_guard_serves(const char *cmdline, size_t len, const char *netdev,
	     const char *ifname);

#endif /* NETMIN_EXEC_LINUX_GUARD_H */
