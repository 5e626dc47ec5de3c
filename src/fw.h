/*
 * fw.h - host firewall rules for what stays (the method's last step).
 *
 * A default-deny inbound model made from the planner's keep/drop decision:
 * the ports of the services the plan keeps (and what --keep names) are
 * allowed, optionally only from some networks; loopback, established and
 * related traffic, the ICMP and ICMPv6 messages IP needs (errors, path MTU,
 * neighbour discovery) and DHCP client replies always pass; everything else
 * that listens is filtered.  The rule that admits the administrator's own
 * session (SSH_CONNECTION on the live host, or an established connection to
 * a remote-admin service in a capture) is always present unless --drop
 * names it: the lockout guard.
 *
 * The model renders as nftables (its own table inet netmin), iptables (its
 * own chain NETMIN-IN jumped from INPUT), netsh advfirewall and PowerShell
 * (rules named netmin-..., group "netmin"), each with an undo form that
 * removes exactly what it added.  fw_nft_read.c reads an nftables file back
 * for netmin apply.
 */
#ifndef NETMIN_FW_H
#define NETMIN_FW_H

#include "netmin.h"

struct nm_kb;
struct nm_plan;
struct nm_planopts;

/* An address block: a --allow-from network, a session's peer, a local
   address (plen 32/128). */
struct nm_fw_net {
	uint8_t		 family;	/* NM_INET, NM_INET6 */
	uint8_t		 plen;
	unsigned char	 a[16];		/* network address, host bits zero */
	char		 text[NM_ADDRLEN + 8];	/* "198.18.9.0/24", "10.0.0.1" */
};

/* Why a rule exists. */
enum nm_fw_origin {
	NM_FW_KEPT = 0,		/* the plan keeps the service */
	NM_FW_ASKED,		/* --keep or --allow-from names it */
	NM_FW_GUARD		/* only the lockout guard */
};

struct nm_fw_rule {
	uint8_t		 proto;		/* NM_TCP, NM_UDP */
	uint8_t		 origin;	/* enum nm_fw_origin */
	int		 port;
	NM_VEC(struct nm_fw_net) local;	/* empty: every local address */
	NM_VEC(struct nm_fw_net) from;	/* empty: from anywhere */
	NM_VEC(const char *) names;	/* who listens: "sshd", "python3" */
	const char	*why;
	bool		 guard;		/* it admits an admin session */
	bool		 listening;	/* something listens there now */
	uint64_t	 specs;		/* --allow-from specs that chose it */
};

/* A listening endpoint reachable from outside that the ruleset filters. */
struct nm_fw_denied {
	uint8_t		 proto;
	uint8_t		 family;
	int		 port;
	const char	*laddr;
	const char	*who;		/* process, service or kb name; NULL */
	const char	*why;
};

/* An administrator's session the lockout guard keeps admitting. */
struct nm_fw_session {
	uint8_t		 family;
	char		 client[NM_ADDRLEN];
	char		 server[NM_ADDRLEN];
	int		 cport;		/* client's port; -1 unknown */
	int		 port;		/* the host's TCP port */
	const char	*how;		/* "SSH_CONNECTION", "an established..." */
	bool		 admitted;	/* a rule of the model admits it */
	bool		 dropped;	/* --drop named it: no guard */
};

struct nm_fw {
	struct nm_arena	 arena;
	const char	*os;
	const char	*os_reason;
	const char	**sources;
	size_t		 nsources;
	bool		 windows;
	bool		 dhcp4, dhcp6;	/* admit DHCP / DHCPv6 client replies */
	const char	*dhcp_why;
	NM_VEC(struct nm_fw_rule) rules;	/* by proto, then port */
	NM_VEC(struct nm_fw_denied) denied;
	NM_VEC(struct nm_fw_session) sessions;
	NM_VEC(const char *) notes;
};

/* --allow-from SVC=CIDR[,CIDR...] */
struct nm_fw_allow {
	const char	*arg;		/* as given */
	const char	*svc;		/* before '=' */
	NM_VEC(struct nm_fw_net) nets;
};

struct nm_fwopts {
	const char	**keep;		/* --keep NAME|PORT */
	size_t		 nkeep;
	const char	**drop;		/* --drop NAME|PORT */
	size_t		 ndrop;
	struct nm_fw_allow *allow;	/* --allow-from */
	size_t		 nallow;
	int		 dhcp;		/* -1 detect, 0 never, 1 always */
	const char	*ssh_connection; /* $SSH_CONNECTION, live host only */
	const struct nm_snapshot *conns; /* where sessions are looked for
					   (live: with connections); NULL:
					   the snapshot itself */
};

/*
 * The planner's options for the same arguments: port and kb names pass
 * through; names that only a listener's process, unit or service matches
 * (no kb entry) stay with the firewall; --allow-from services are kept.
 * An argument that matches nothing is an error.  Arrays live in arena.
 */
int	 nm_fw_planopts(const struct nm_snapshot *, const struct nm_kb *,
	     const struct nm_fwopts *, struct nm_planopts *, struct nm_arena *,
	     struct nm_error *);

/* The model from a snapshot, its plan (made with nm_fw_planopts). */
int	 nm_fw_make(struct nm_fw *, const struct nm_snapshot *,
	     const struct nm_kb *, const struct nm_plan *,
	     const struct nm_fwopts *, struct nm_error *);
void	 nm_fw_free(struct nm_fw *);

/* "198.18.9.0/24", "fd00::/8", "10.0.0.1"; host bits must be zero. */
int	 nm_fw_net_parse(const char *s, size_t len, struct nm_fw_net *,
	     struct nm_error *);
bool	 nm_fw_net_contains(const struct nm_fw_net *, int family,
	     const unsigned char a[16]);
/* "SVC=CIDR[,CIDR...]" into allow (nets allocated; nm_fw_allow_free). */
int	 nm_fw_allow_parse(const char *arg, struct nm_fw_allow *,
	     struct nm_error *);
void	 nm_fw_allow_free(struct nm_fw_allow *);
/* $SSH_CONNECTION: "CLIENT CPORT SERVER SPORT". */
int	 nm_fw_ssh_connection(const char *, struct nm_fw_session *);

/*
 * Sessions the guard protects: $SSH_CONNECTION when the snapshot holds
 * that very connection, and established TCP connections from other hosts
 * to a listener of an entry tagged remote-admin (sshd, TermService, WinRM).
 */
void	 nm_fw_sessions(const struct nm_snapshot *, const struct nm_kb *,
	     const char *ssh_connection, struct nm_arena *,
	     struct nm_fw_session **, size_t *);

/*
 * For Windows block rules (block wins over every allow rule there): the
 * ports of proto no rule allows, as "1-21,23-65535" ("" when none), and
 * the complement of a set of networks over both families as ranges
 * ("0.0.0.0-9.255.255.255,11.0.0.0-255.255.255.255,::-ffff:...").  sep
 * goes between items.
 */
void	 nm_fw_port_gaps(const struct nm_fw *, int proto, const char *sep,
	     struct nm_buf *);
void	 nm_fw_net_gaps(const struct nm_fw_net *, size_t n, const char *sep,
	     struct nm_buf *);

/* Renderings. */
enum nm_fw_fmt { NM_FW_NFT = 0, NM_FW_IPT, NM_FW_NETSH, NM_FW_PS1 };

int	 nm_fw_fmt_from_name(const char *);
const char *nm_fw_fmt_name(int);
/* The ruleset, or with undo its undo form. */
int	 nm_fw_emit(const struct nm_fw *, int fmt, bool undo, struct nm_buf *,
	     struct nm_error *);
void	 nm_fw_emit_nft(const struct nm_fw *, bool undo, struct nm_buf *);
void	 nm_fw_emit_ipt(const struct nm_fw *, bool undo, struct nm_buf *);
void	 nm_fw_emit_netsh(const struct nm_fw *, bool undo, struct nm_buf *);
void	 nm_fw_emit_ps1(const struct nm_fw *, bool undo, struct nm_buf *);

/* Shared by the renderings. */
void	 nm_fw_header(const struct nm_fw *, const char *prefix, bool undo,
	     struct nm_buf *);
/* A rule's comment: names and reason, safe characters only. */
void	 nm_fw_comment(const struct nm_fw_rule *, char *out, size_t len);
bool	 nm_fw_safe_char(int);
/* Rules of one family for nftables/iptables: which of local/from to use. */
bool	 nm_fw_rule_family(const struct nm_fw_rule *, int family,
	     bool *any_family);

/*
 * fw_win.c: the Windows rules both renderings (netsh, PowerShell) write,
 * in order.  Allow rules for what stays, then block rules for everything
 * else: Windows Firewall lets a block rule win over every allow rule, so
 * only what the model allows answers, whatever other rule groups allow.
 * Loopback is exempt there and replies pass statefully.
 */
struct nm_fw_winrule {
	const char	*name;		/* "netmin-allow-tcp-22": unique */
	bool		 block;
	const char	*proto;		/* "TCP", "UDP", "ICMPv4", "ICMPv6" */
	int		 icmp;		/* ICMP type, -1 */
	const char	*lport;		/* "22", "1-21,23-65535"; NULL any */
	const char	*rport;
	const char	*lip;		/* addresses and ranges; NULL any */
	const char	*rip;
	const char	*desc;		/* safe characters only */
};
void	 nm_fw_winrules(const struct nm_fw *, struct nm_arena *,
	     struct nm_fw_winrule **, size_t *);

/*
 * fw_nft_read.c: an nftables ruleset file read back for netmin apply.
 * nm_nft_read checks that the file touches nothing but the table inet
 * netmin (declaring, flushing or deleting it, and one block defining it)
 * and returns that block.
 */
struct nm_nft_file {
	const char	*table;		/* "table inet netmin {...}\n" */
	size_t		 len;
	int		 line;		/* where the block starts */
};
int	 nm_nft_read(const char *text, size_t len, const char *name,
	     struct nm_arena *, struct nm_nft_file *, struct nm_error *);
/*
 * Does the table admit a new TCP connection of the session?  1 yes, 0 no,
 * -1 cannot tell (a statement it does not know); why says which line.
 */
int	 nm_nft_admits(const struct nm_nft_file *,
	     const struct nm_fw_session *, struct nm_buf *why);
/*
 * The one nft -f transaction that turns the table listed as cur (NULL:
 * there is none) into table (NULL: none), keeping its place among the
 * tables: flush it, delete its objects, define it again.
 */
int	 nm_nft_replace(const char *cur, size_t curlen, const char *table,
	     size_t tlen, struct nm_buf *tx, struct nm_error *);

/* out_fw.c: the model for people and as netmin.firewall/1. */
void	 nm_out_fw_text(const struct nm_fw *, struct nm_buf *);
void	 nm_out_fw_json(const struct nm_fw *, struct nm_buf *);

#endif /* NETMIN_FW_H */
