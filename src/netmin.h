/*
 * netmin.h - the model every layer shares: endpoints, processes, services,
 * host facts and warnings, gathered into a snapshot.
 *
 * A snapshot owns all of its strings through an arena, so a whole snapshot
 * is freed with one call and no field needs its own free().  Sources (live
 * or parsed captures) fill snapshots; everything after them only reads.
 */
#ifndef NETMIN_H
#define NETMIN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util.h"

#define NETMIN_VERSION "0.1.0"

/* Largest textual IPv6 address with zone ("%ifname" or "%12") and slack. */
#define NM_ADDRLEN 64
#define NM_ZONELEN 32

enum nm_proto { NM_TCP = 0, NM_UDP = 1, NM_RAW = 2 };
enum nm_family { NM_INET = 0, NM_INET6 = 1 };

/* Socket states, named the way ss names them (JSON uses nm_state_name()). */
enum nm_state {
	NM_ST_UNKNOWN = 0,
	NM_ST_LISTEN,
	NM_ST_UNCONN,		/* UDP or raw socket with no peer */
	NM_ST_ESTABLISHED,
	NM_ST_SYN_SENT,
	NM_ST_SYN_RECV,
	NM_ST_FIN_WAIT1,
	NM_ST_FIN_WAIT2,
	NM_ST_TIME_WAIT,
	NM_ST_CLOSE,
	NM_ST_CLOSE_WAIT,
	NM_ST_LAST_ACK,
	NM_ST_CLOSING,
	NM_ST_BOUND,		/* Windows "BOUND": bound, not listening */
	NM_ST_DELETE_TCB,
	NM_ST__COUNT
};

/* Who can reach a local address. */
enum nm_exposure {
	NM_EXP_ALL = 0,		/* wildcard: every interface */
	NM_EXP_ADDRESS,		/* one specific address */
	NM_EXP_LOOPBACK		/* 127.0.0.0/8 or ::1 */
};

/* How sure attribution is; ordered so that larger is surer. */
enum nm_confidence {
	NM_CONF_NONE = 0,	/* owner unknown */
	NM_CONF_LOW,		/* port number only */
	NM_CONF_MEDIUM,		/* process name, or port + OS generation */
	NM_CONF_HIGH		/* PID -> service evidence, service tag, unit */
};

struct nm_owner {
	int		 pid;		/* -1 when unknown */
	const char	*process;	/* as the source printed it; may be NULL */
};

struct nm_endpoint {
	uint8_t		 proto;		/* enum nm_proto */
	uint8_t		 family;	/* enum nm_family */
	uint8_t		 state;		/* enum nm_state */
	uint8_t		 exposure;	/* enum nm_exposure, set by nm_snap_finish */
	bool		 phantom;	/* old-Windows TDI ghost, never open */
	bool		 dual_stack;	/* IPv6 socket that also takes IPv4 (ss "*") */
	bool		 addr_truncated; /* source cut the address short */
	char		 laddr[NM_ADDRLEN];	/* canonical text, no brackets */
	char		 lzone[NM_ZONELEN];	/* "%lo", "%12" without the % */
	int		 lport;			/* -1 when the source shows '*' */
	char		 raddr[NM_ADDRLEN];	/* "" when there is no peer */
	int		 rport;			/* -1 when there is no peer */

	/* Owners: owners[0] is the primary one (pid/process shortcut). */
	struct nm_owner	*owners;
	size_t		 nowners;

	/* Services evidence (Windows service short names, systemd units). */
	const char	**services;
	size_t		 nservices;

	/* Attribution, filled by the knowledge-base layer. */
	const char	*kb;		/* kb entry id, e.g. "windows/rpcss" */
	uint8_t		 confidence;	/* enum nm_confidence */
	const char	*reason;	/* why we believe kb/services */

	/* Live-source extras; NULL when unknown. */
	const char	*user;
	const char	*exe;
	const char	*unit;
	const char	*container;
	const char	*netns;
	const char	*owner_note;	/* why owners are unknown or partial */
	unsigned long long inode;	/* socket inode; 0 when unknown */
	const char	*unit_manager;	/* user units: their systemd --user
					   manager, "user@1000.service" */

	/* Where it came from. */
	const char	*source;
	int		 line;		/* 0 for live sources */

	/*
	 * services name exactly the socket's service (a Windows service tag),
	 * so the owning process's other services are not added to them.
	 */
	bool		 services_exact;
};

/* A process the snapshot knows about, from any source. */
struct nm_proc {
	int		 pid;
	const char	*name;		/* image or comm name */
	const char	*exe;
	const char	*user;
	const char	**services;
	size_t		 nservices;
	const char	*source;
	int		 line;
};

/* A service the host has, with its state (live Windows SCM, systemd...). */
struct nm_service {
	const char	*name;		/* short name: "Schedule", "ssh.service" */
	const char	*display;
	const char	*start;		/* "auto", "demand", "disabled", "enabled"... */
	const char	*state;		/* "running", "stopped", "active"... */
	int		 pid;		/* -1 when not running */
	const char	*binary;	/* image path and arguments; may be NULL */
	const char	*type;		/* "own-process", "share-process",
					   "kernel-driver"...; may be NULL */
	bool		 delayed;	/* Windows delayed automatic start */
};

/* A named host fact: a registry value, a config setting. */
struct nm_fact {
	const char	*key;		/* e.g. "HKLM\\...\\SMBDeviceEnabled" */
	const char	*value;		/* textual, as the emitters need it */
	const char	*type;		/* "REG_DWORD"...; NULL when not a
					   registry value */
};

struct nm_warning {
	const char	*source;
	int		 line;		/* 0 when not tied to a line */
	const char	*message;
};

struct nm_host {
	const char	*os;		/* generation id: "windows-xp", "linux" */
	const char	*os_reason;	/* "--os", "guessed from ..." */
	const char	*hostname;
	const char	*owners_from;	/* live Linux: "bpf-iterator", "proc-fd" */
	const char	**sources;	/* "file:xp.txt", "live" */
	size_t		 nsources;
};

/*
 * RPC endpoint-map evidence (netmin rpcdump, live or saved; Impacket's
 * rpcdump output): the host's endpoint mapper says this interface answers
 * on this TCP/UDP port.  nm_snap_finish adds the hosting service, when it
 * is known, to the services of the open endpoints on that port: this is
 * how dynamic RPC ports (1025-5000, 49152+) get an owner without PIDs.
 */
struct nm_rpcev {
	uint8_t		 proto;		/* NM_TCP (ncacn_ip_tcp, ncacn_http) or
					   NM_UDP (ncadg_ip_udp) */
	int		 port;
	const char	*host;		/* address in the tower; may be NULL */
	const char	*uuid;		/* interface UUID, lowercase */
	const char	*version;	/* "1.0" */
	const char	*name;		/* short name, annotation, or NULL */
	const char	*service;	/* hosting Windows service, NULL unknown */
	const char	*source;
	int		 line;		/* 0 for live rpcdump */
};

/*
 * Endpoints made on demand: a live source may keep a large socket table
 * compact and build each nm_endpoint only when it is read.  Only readers
 * that go through nm_snap_nep()/nm_snap_ep() see them (the inventory
 * outputs); a source does this only when its caller asked for it
 * (nm_live_opts.lazy), so everyone else gets snap->ep filled as usual.
 */
struct nm_ep_lazy {
	size_t		 n;
	void		*ctx;
	void		(*get)(void *ctx, size_t i, struct nm_endpoint *out);
	void		(*free)(void *ctx);
	/* Run on each endpoint as it is read (attribution), or NULL. */
	void		(*decorate)(void *dctx, struct nm_endpoint *);
	void		*dctx;
	/* The reader prints no reasons: decorate may leave them "". */
	bool		 terse;
};

struct nm_snapshot {
	struct nm_arena	 arena;
	struct nm_host	 host;
	NM_VEC(struct nm_endpoint) ep;
	NM_VEC(struct nm_proc) procs;
	NM_VEC(struct nm_service) svcs;
	NM_VEC(struct nm_fact) facts;
	NM_VEC(struct nm_warning) warn;
	NM_VEC(struct nm_rpcev) rpc;
	struct nm_ep_lazy *lazy;	/* endpoints beyond ep, on demand */
};

/* snap.c */
void	 nm_snap_init(struct nm_snapshot *);
void	 nm_snap_free(struct nm_snapshot *);
struct nm_endpoint *nm_snap_add_ep(struct nm_snapshot *);
struct nm_proc *nm_snap_proc(struct nm_snapshot *, int pid, bool create);
/* The host's service of that name (any case), made (pid -1) if asked. */
struct nm_service *nm_snap_service(struct nm_snapshot *, const char *name,
	     bool create);
void	 nm_snap_warn(struct nm_snapshot *, const char *src, int line,
	     const char *fmt, ...) NM_PRINTF(4, 5);
int	 nm_ep_add_owner(struct nm_snapshot *, struct nm_endpoint *, int pid,
	     const char *process);
int	 nm_ep_add_service(struct nm_snapshot *, struct nm_endpoint *,
	     const char *name);
int	 nm_proc_add_service(struct nm_snapshot *, struct nm_proc *,
	     const char *name);
const char *nm_snap_add_source(struct nm_snapshot *, const char *);
void	 nm_snap_finish(struct nm_snapshot *);
struct nm_rpcev *nm_snap_add_rpc(struct nm_snapshot *);
bool	 nm_ep_is_open(const struct nm_endpoint *);
int	 nm_ep_pid(const struct nm_endpoint *);
/* Every endpoint, eager or lazy: i < nm_snap_nep(); scratch holds a
   lazy one until the next call. */
size_t	 nm_snap_nep(const struct nm_snapshot *);
const struct nm_endpoint *nm_snap_ep(const struct nm_snapshot *, size_t i,
	     struct nm_endpoint *scratch);
const char *nm_ep_process(const struct nm_endpoint *);

/* names.c: enum <-> text */
const char *nm_proto_name(int);
const char *nm_family_name(int);
const char *nm_state_name(int);
const char *nm_exposure_name(int);
const char *nm_confidence_name(int);
int	 nm_state_from_name(const char *);

/* addr.c: addresses and ports as text */
int	 nm_addr_canon(const char *in, size_t len, int *family, char *out,
	     size_t outlen);
int	 nm_addr_exposure(int family, const char *addr);
bool	 nm_addr_is_wildcard(const char *addr);
void	 nm_addr_format(int family, const unsigned char *bytes, char *out,
	     size_t outlen);
int	 nm_addr_parse(const char *in, size_t len, int *family,
	     unsigned char out[16]);
int	 nm_port_parse(const char *s, size_t len, const char *proto);
int	 nm_split_hostport(const char *s, size_t len, char *host,
	     size_t hostlen, char *zone, size_t zonelen, const char **port,
	     size_t *portlen);

#endif /* NETMIN_H */
