/*
 * kb.h - the knowledge base: what each service opens, on which OS
 * generations, what depends on it, what breaks without it, and how to
 * close it.  The data lives in kb/ files (format: doc/kb.md); tools/kbgen
 * validates it at build time and embeds it (src/kb_data.c); `--kb FILE`
 * adds or overrides entries at run time through the same parser.
 */
#ifndef NETMIN_KB_H
#define NETMIN_KB_H

#include "netmin.h"

/* OS generations, in kernel order within each family (doc/kb.md). */
enum nm_os_gen {
	NM_OS_W2000 = 0, NM_OS_WXP, NM_OS_W2003, NM_OS_WVISTA, NM_OS_W2008,
	NM_OS_W7, NM_OS_W2008R2, NM_OS_W8, NM_OS_W2012, NM_OS_W81,
	NM_OS_W2012R2, NM_OS_W10, NM_OS_W2016, NM_OS_W2019, NM_OS_W2022,
	NM_OS_W11, NM_OS_W2025, NM_OS_LINUX,
	NM_OS__COUNT
};

typedef uint32_t nm_osmask;
#define NM_OSM(g)	((nm_osmask)1 << (g))
#define NM_OSM_ALL	((nm_osmask)((1u << NM_OS__COUNT) - 1))
#define NM_OSM_WINDOWS	(NM_OSM_ALL & ~NM_OSM(NM_OS_LINUX))
#define NM_OSM_NT5	(NM_OSM(NM_OS_W2000) | NM_OSM(NM_OS_WXP) | \
			 NM_OSM(NM_OS_W2003))

struct nm_os_info {
	const char	*id;		/* "windows-xp" */
	const char	*name;		/* "Windows XP" */
	int		 rank;		/* kernel order: 50 = NT 5.0 ... */
	bool		 server;
	bool		 client;
};
extern const struct nm_os_info nm_os_table[NM_OS__COUNT];

/* Generation id or family name -> mask; 0 when unknown. */
nm_osmask nm_os_mask(const char *id);
/* "windows-2000..windows-2003", "windows-vista..:client", lists. */
int	 nm_os_parse(const char *text, nm_osmask *out, char *err,
	     size_t errlen);
/* The one generation a mask names, or -1. */
int	 nm_os_single(nm_osmask);
/* Shortest readable text for a mask ("windows-2000..windows-2003"). */
const char *nm_os_describe(nm_osmask, char *buf, size_t len);
/* Dynamic RPC range of a generation mask (1025-5000 or 49152-65535). */
bool	 nm_os_dynamic_rpc(nm_osmask, int port);

/* A source of facts (kb/sources.kb). */
struct nm_kb_source {
	const char	*key;		/* "S1" */
	const char	*kind;		/* documented, observed, community */
	const char	*title;
	const char	*url;
};

/* Where a fact came from and how sure it is. */
struct nm_kb_fact {
	const char	*src;		/* "S1,S4" */
	bool		 unverified;	/* plausible, not yet checked */
	nm_osmask	 os;		/* where it applies */
	const char	*file;
	int		 line;
};

enum nm_kbp_kind {
	NM_KBP_FIXED = 0,	/* a well-known port (or range) */
	NM_KBP_TYPICAL,		/* a dynamic port usually seen at this number
				   on that generation (low confidence) */
	NM_KBP_RPC,		/* dynamic RPC (ncacn_ip_tcp / ncadg_ip_udp) */
	NM_KBP_EPHEMERAL	/* an ephemeral client socket */
};

enum nm_kbp_until {
	NM_KBU_NONE = 0,
	NM_KBU_LAST_UDP_RPC	/* open while any datagram RPC server runs */
};

struct nm_kb_port {
	uint8_t		 proto;		/* NM_TCP, NM_UDP */
	uint8_t		 kind;		/* enum nm_kbp_kind */
	uint8_t		 until;		/* enum nm_kbp_until */
	int8_t		 bind;		/* -1 any, else enum nm_exposure */
	int		 port, port_hi;	/* FIXED/TYPICAL: port..port_hi */
	const char	*note;
	struct nm_kb_fact f;
};

/* An RPC interface the service registers (for rpcdump evidence). */
struct nm_kb_rpc {
	const char	*uuid;		/* lower case */
	const char	*version;	/* "1.0" */
	const char	*name;		/* "atsvc" */
	struct nm_kb_fact f;
};

struct nm_kb_text {
	const char	*text;
	struct nm_kb_fact f;
};

enum nm_kb_stance {
	NM_STANCE_DISABLE = 0,	/* the plan disables it */
	NM_STANCE_KEEP,		/* it stays; narrowed where it can be */
	NM_STANCE_MANUAL	/* closing it is not a host setting */
};

struct nm_kb_policy {
	uint8_t		 stance;	/* enum nm_kb_stance */
	const char	*why;
	struct nm_kb_fact f;
};

struct nm_kb_default {
	const char	*start;		/* "auto", "demand", "disabled" */
	struct nm_kb_fact f;
};

/* A remediation, as the kb states it (the planner renders commands). */
struct nm_kb_action {
	uint8_t		 kind;		/* enum nm_act_kind (plan.h) */
	uint8_t		 mode;		/* enum nm_act_mode */
	bool		 reboot, restart;
	uint8_t		 op;		/* nm_reg_op / nm_unit_op / cfg format */
	const char	*a1, *a2, *a3;	/* kind-specific, see kb.c */
	const char	**args;		/* further positional arguments */
	size_t		 nargs;
	const char	**settings;	/* config: set=KEY=VALUE */
	size_t		 nsettings;
	const char	**undo;		/* command: undo=... */
	size_t		 nundo;
	const char	*section, *match, *sep, *reload;
	const char	*sysv, *openrc, *runit;
	const char	*prior;		/* documented default ("absent") */
	const char	*closes;	/* "udp/5355,udp/5353"; NULL = all */
	bool		 moves;		/* narrowing moves ports to loopback */
	const char	*breaks;
	const char	*title;
	int		 phase;		/* -1: the entry's phase */
	struct nm_kb_fact f;
};

struct nm_kb_entry {
	const char	*id;		/* "windows/schedule" */
	const char	*title;
	const char	*src;		/* default sources of the entry */
	nm_osmask	 os;
	const char	**services;	/* Windows short names */
	size_t		 nservices;
	const char	**displays;	/* display names, same order */
	const char	**units;	/* systemd units, .socket included */
	size_t		 nunits;
	const char	**packages;
	size_t		 npackages;
	const char	**processes;	/* as ss/netstat/lsof/tasklist print */
	size_t		 nprocesses;
	const char	**depends;	/* services/entries it needs */
	nm_osmask	*depends_os;	/* where each dependency holds */
	size_t		 ndepends;
	const char	**with;		/* disabled in the same step */
	nm_osmask	*with_os;
	size_t		 nwith;
	const char	**tags;		/* "remote-admin", "core", "role" */
	size_t		 ntags;
	NM_VEC(struct nm_kb_port) ports;
	NM_VEC(struct nm_kb_rpc) rpc;
	NM_VEC(struct nm_kb_text) breaks;
	NM_VEC(struct nm_kb_text) notes;
	NM_VEC(struct nm_kb_policy) policy;
	NM_VEC(struct nm_kb_default) defaults;
	NM_VEC(struct nm_kb_action) actions;
	int		 phase;		/* enum nm_phase */
	int		 order;
	const char	*file;
	int		 line;
};

/* Built-in text, one array of lines per kb file (src/kb_data.c). */
struct nm_kb_file {
	const char		*name;
	const char *const	*lines;
	size_t			 nlines;
};
extern const struct nm_kb_file nm_kb_files[];
extern const size_t nm_kb_nfiles;

struct nm_kb {
	struct nm_arena	 arena;
	NM_VEC(struct nm_kb_entry *) entries;
	NM_VEC(struct nm_kb_source) sources;
	size_t		 noverridden;
};

void	 nm_kb_init(struct nm_kb *);
void	 nm_kb_free(struct nm_kb *);
/* Parses one file's lines; entries add or replace (same id). */
int	 nm_kb_parse_lines(struct nm_kb *, const char *name,
	     const char *const *lines, size_t nlines, struct nm_error *);
int	 nm_kb_parse_text(struct nm_kb *, const char *name, const char *text,
	     size_t len, struct nm_error *);
int	 nm_kb_load_file(struct nm_kb *, const char *path, struct nm_error *);
/* Cross-references: sources, depends/with names.  After every load. */
int	 nm_kb_check(const struct nm_kb *, struct nm_error *);
/* Built-in entries (kb_builtin.c). */
int	 nm_kb_load_builtin(struct nm_kb *, struct nm_error *);

const struct nm_kb_entry *nm_kb_find(const struct nm_kb *, const char *id);
/* By id, id tail, service, unit (with or without .service), process. */
const struct nm_kb_entry *nm_kb_find_name(const struct nm_kb *,
	     const char *name, nm_osmask);
const struct nm_kb_entry *nm_kb_find_service(const struct nm_kb *,
	     const char *svc, nm_osmask);
const struct nm_kb_source *nm_kb_source(const struct nm_kb *,
	     const char *key);
bool	 nm_kb_has_tag(const struct nm_kb_entry *, const char *);
bool	 nm_kb_process_match(const struct nm_kb_entry *, const char *name);
/* The entry's port line that matches an endpoint, or NULL. */
const struct nm_kb_port *nm_kb_port_for(const struct nm_kb_entry *,
	     const struct nm_endpoint *, nm_osmask);
const struct nm_kb_policy *nm_kb_policy_for(const struct nm_kb_entry *,
	     nm_osmask);
const char *nm_kb_default_start(const struct nm_kb_entry *, nm_osmask);
/* The entry's short name for people: first service, unit, or id tail. */
const char *nm_kb_name(const struct nm_kb_entry *);
bool	 nm_kb_fact_applies(const struct nm_kb_fact *, nm_osmask);

/* attr.c: attribution and the OS guess. */
struct nm_os_guess {
	const char	*id;		/* generation id or family name */
	int		 confidence;	/* enum nm_confidence */
	const char	*reason;
};
void	 nm_os_guess(const struct nm_snapshot *, struct nm_os_guess *,
	     struct nm_arena *);
nm_osmask nm_snap_osmask(const struct nm_snapshot *);
void	 nm_attribute(struct nm_snapshot *, const struct nm_kb *);

#endif /* NETMIN_KB_H */
