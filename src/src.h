/*
 * src.h - live sources: the host this binary runs on, read through the
 * operating system's own interfaces (Linux: netlink sock_diag + /proc in
 * src_linux*.c; Windows: iphlpapi + SCM in src_win.c).  Other platforms get
 * NM_ERR_UNSUPPORTED from compat_live.c.
 *
 * A live source fills a snapshot exactly as a capture parser does; the
 * caller runs nm_snap_finish() afterwards.
 */
#ifndef NETMIN_SRC_H
#define NETMIN_SRC_H

#include "netmin.h"

struct nm_live_opts {
	bool		 all;		/* connections (and raw sockets) too */
	const char	*netns;		/* NAME (/run/netns/NAME) or PATH; NULL
					   for the namespace we run in */
	bool		 all_netns;	/* ours and every other one we can see */
	bool		 lazy;		/* caller reads endpoints only through
					   nm_snap_ep(): keep them compact */

	/*
	 * Replay and fake roots, so the parsing is tested without live
	 * sockets (like ss's TCPDIAG_FILE and PROC_ROOT).  NULL: the host.
	 */
	const char	*proc_root;	/* "/proc" (env NETMIN_PROC_ROOT) */
	const char	*root;		/* "/" for unit files, /etc/passwd,
					   /run/netns (env NETMIN_ROOT) */
	const char	*diag_file;	/* recorded netlink exchange to read
					   instead of the kernel
					   (env NETMIN_DIAG_FILE) */
	const char	*diag_save;	/* record the exchange here
					   (env NETMIN_DIAG_SAVE) */
};

/*
 * Adds the host's sockets, their owners and host facts to snap.  Problems
 * that leave a partial answer (no permission to see some owners, a
 * namespace that cannot be entered) become snapshot warnings; only a
 * failure to read the socket table at all is an error.
 */
int	 nm_src_live(struct nm_snapshot *, const struct nm_live_opts *,
	     struct nm_error *);

#endif /* NETMIN_SRC_H */
