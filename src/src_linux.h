/*
 * src_linux.h - the pieces of the live Linux source, shared by
 * src_linux*.c only: the sock_diag exchange and its decoder, the /proc
 * owner scan, and .socket unit matching.
 */
#ifndef NETMIN_SRC_LINUX_H
#define NETMIN_SRC_LINUX_H

#ifdef __linux__

#include "netmin.h"
#include "src.h"

/* A socket the decoder added: where its endpoint is, for the owner scan. */
struct nm_diag_ref {
	uint32_t	 ino;
	uint32_t	 uid;		/* the socket's creator */
	uint32_t	 idx;		/* index into snap->ep */
	uint32_t	 ifindex;	/* bound device or scope, 0 if none */
};

struct nm_diag_link {
	uint32_t	 index;
	char		 name[32];
};

struct nm_diag_fail {
	int		 family, proto, error;
};

/*
 * The decoder reads a netlink exchange: our requests (which say family
 * and protocol of the replies that follow) and the kernel's replies.  A
 * recorded file is the same bytes, so replay and live share this code.
 */
struct nm_diag_dec {
	struct nm_snapshot *snap;
	const char	*source;	/* interned in snap */
	const char	*netns;		/* tag for every endpoint, or NULL */
	int		 family, proto;	/* of the request being answered */
	bool		 done;		/* NLMSG_DONE or an error ended it */
	int		 error;		/* errno the kernel answered, or 0 */
	bool		 bad;		/* malformed message seen */
	NM_VEC(struct nm_diag_fail) fails;	/* dumps the kernel refused */
	NM_VEC(struct nm_diag_ref) refs;
	NM_VEC(struct nm_diag_link) links;
};

void	 nm_diag_init(struct nm_diag_dec *, struct nm_snapshot *,
	     const char *source, const char *netns);
/* Decodes whole messages in buf; returns bytes used (trailing partial
   message bytes are left over, which a file should not have). */
size_t	 nm_diag_feed(struct nm_diag_dec *, const void *buf, size_t len);
/* Interface indexes to names ("3" -> "eth0") once the links are known. */
void	 nm_diag_zones(struct nm_diag_dec *);
void	 nm_diag_free(struct nm_diag_dec *);
/* Warnings for the dumps the kernel refused (no udp_diag, raw_diag). */
void	 nm_diag_warn(struct nm_diag_dec *);

/* Live: dumps every socket family/protocol through fds made in the right
   namespace; appends the raw exchange to save when save is not NULL. */
int	 nm_diag_dump(int diagfd, int routefd, struct nm_diag_dec *,
	     bool all, struct nm_buf *save, struct nm_error *);

/* /proc: socket inode -> processes, for every ref of every decoder. */
struct nm_owner_scan {
	const char	*proc_root;
	const char	*root;		/* for /etc/passwd and unit files */
	bool		 fake_root;	/* root is not "/": no NSS lookups */
	uint32_t	 euid;		/* ours, to tell hidden owners */
	/* results */
	size_t		 procs_seen;
	size_t		 procs_denied;	/* fd dir unreadable (EACCES) */
	size_t		 unowned;	/* sockets no process holds */
	size_t		 hidden;	/* unowned and probably hidden */
};

/* Every socket descriptor of every process, in PID order. */
struct nm_proc_sock {
	uint32_t	 ino;
	int		 pid;
};
struct nm_proc_socks {
	NM_VEC(struct nm_proc_sock) v;
	size_t		 seen;		/* processes whose fds we read */
	size_t		 denied;	/* fd dir unreadable (EACCES) */
	int		 error;		/* proc_root itself unreadable */
};
int	 nm_proc_collect(const char *proc_root, struct nm_proc_socks *);

int	 nm_owner_scan(struct nm_snapshot *, struct nm_diag_ref *refs,
	     size_t nrefs, struct nm_proc_socks *, struct nm_owner_scan *,
	     struct nm_error *);

/* .socket units whose Listen lines match an endpoint PID 1 holds. */
struct nm_unitdb;
struct nm_unitdb *nm_unitdb_load(const char *root);
size_t	 nm_unitdb_match(struct nm_unitdb *, const struct nm_endpoint *,
	     const char **out, size_t max);
void	 nm_unitdb_free(struct nm_unitdb *);

#endif /* __linux__ */
#endif /* NETMIN_SRC_LINUX_H */
