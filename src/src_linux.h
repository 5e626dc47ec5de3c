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

/*
 * A socket as the kernel described it, kept compact (64 bytes, binary
 * addresses) until it becomes an nm_endpoint: a host with 50 000
 * sockets needs a few megabytes, not fifteen.
 */
struct nm_lsock {
	uint8_t		 family;	/* enum nm_family */
	uint8_t		 proto;		/* enum nm_proto */
	uint8_t		 state;		/* enum nm_state */
	uint8_t		 flags;		/* NM_LS_* */
	uint16_t	 lport, rport;
	uint32_t	 ifindex;	/* bound device or scope, 0 if none */
	uint32_t	 ino;
	uint32_t	 uid;		/* the socket's creator */
	uint32_t	 ns;		/* index of its namespace */
	uint32_t	 own, nown;	/* owner range (nm_linv.owners) */
	uint32_t	 extra;		/* 1 + index in nm_linv.extras, or 0 */
	uint8_t		 laddr[16], raddr[16];
};
#define NM_LS_DUAL	0x01	/* IPv6 wildcard that takes IPv4 too */
#define NM_LS_PEER	0x02	/* has a remote end */

struct nm_lsocks {
	struct nm_lsock	*v;
	size_t		 n, cap;
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
	struct nm_lsocks *socks;	/* where sockets go (shared) */
	uint32_t	 ns;		/* namespace index for them */
	int		 family, proto;	/* of the request being answered */
	bool		 done;		/* NLMSG_DONE or an error ended it */
	int		 error;		/* errno the kernel answered, or 0 */
	bool		 bad;		/* malformed message seen */
	NM_VEC(struct nm_diag_link) links;
	NM_VEC(struct nm_diag_fail) fails;	/* dumps the kernel refused */
};

void	 nm_diag_init(struct nm_diag_dec *, struct nm_lsocks *, uint32_t ns);
/* Decodes whole messages in buf; returns bytes used (trailing partial
   message bytes are left over, which a file should not have). */
size_t	 nm_diag_feed(struct nm_diag_dec *, const void *buf, size_t len);
void	 nm_diag_free(struct nm_diag_dec *);
/* Warnings for the dumps the kernel refused (no udp_diag, raw_diag). */
void	 nm_diag_warn(struct nm_diag_dec *, struct nm_snapshot *);
const char *nm_diag_link_name(const struct nm_diag_dec *, uint32_t index);

/* Live: dumps every socket family/protocol through fds made in the right
   namespace; appends the raw exchange to save when save is not NULL. */
int	 nm_diag_dump(int diagfd, int routefd, struct nm_diag_dec *,
	     bool all, struct nm_buf *save, struct nm_error *);

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
/* The same through a BPF iterator, in one read (root, BTF, the initial
   PID namespace); -1, with ps unchanged and the reason in why, where it
   cannot. */
int	 nm_bpf_collect(struct nm_proc_socks *, char *why, size_t whylen);

/* What we know about one process that holds a listed socket. */
struct nm_lproc {
	int		 pid;
	const char	*name;
	const char	*exe;
	const char	*user;
	const char	*unit;
	const char	*manager;
	const char	*container;
	const char	**services;	/* its unit, as evidence */
	size_t		 nservices;
	bool		 is_manager;	/* systemd: PID 1 or a user manager */
};

/* What a socket has beyond its first owner's facts. */
struct nm_lextra {
	const char	**services;
	size_t		 nservices;
	const char	*unit;
	const char	*unit_manager;
	bool		 unit_set;	/* unit/unit_manager override */
	const char	*owner_note;
	const char	*user;
};

/* The live inventory before its sockets become endpoints. */
struct nm_linv {
	struct nm_snapshot *snap;	/* arena, warnings, procs */
	const char	*source;
	struct nm_lsocks socks;
	const char	**ns_label;	/* per namespace index */
	struct nm_diag_dec *decs;	/* per namespace: link names */
	size_t		 nns;
	struct nm_owner	*owners;	/* ranges per socket */
	uint32_t	*owner_proc;	/* index in procs, per owner */
	size_t		 nowners;
	NM_VEC(struct nm_lproc) procs;
	NM_VEC(struct nm_lextra) extras;
};

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

int	 nm_owner_scan(struct nm_linv *, struct nm_proc_socks *,
	     struct nm_owner_scan *, struct nm_error *);

/* Socket i as an endpoint (out is overwritten). */
void	 nm_linv_endpoint(const struct nm_linv *, size_t i,
	     struct nm_endpoint *out);

/* .socket units whose Listen lines match an endpoint PID 1 holds. */
struct nm_unitdb;
extern const char *const nm_system_unit_dirs[];
/* Unit files below root ("/" or "" for none) in dirs (NULL-ended). */
struct nm_unitdb *nm_unitdb_load(const char *root, const char *const *dirs);
size_t	 nm_unitdb_match(struct nm_unitdb *, const struct nm_endpoint *,
	     const char **out, size_t max);
void	 nm_unitdb_free(struct nm_unitdb *);

#endif /* __linux__ */
#endif /* NETMIN_SRC_LINUX_H */
