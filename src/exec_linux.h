/*
 * exec_linux.h - the Linux executors: the only code that changes a Linux
 * host.  Work is cut into primitive operations (struct nm_op), each with
 * describe / read prior state / do / undo, and each small enough that its
 * prior state fits in one journal record.
 *
 * Service managers (backends):
 *   systemd          a running systemd: systemctl (system manager)
 *   systemd-user     a running systemd user manager: systemctl --user
 *   systemd-offline  systemctl --root=DIR: enablement only, nothing stops
 *   sysv             service(8) + update-rc.d(8), /etc/rc?.d links
 *   runit            sv(8), down files and service links
 *   openrc           rc-service(8) + rc-update(8) (untested: not on Debian)
 *
 * Enablement is restored by putting back exactly the links that enabled
 * the unit before (systemd .wants/ links, aliases, masks; sysv rc links;
 * runit service links and down files), so undo gives the same file tree,
 * not merely "enabled" again.
 *
 * Built only on Linux; elsewhere the functions answer NM_ERR_UNSUPPORTED.
 *
 * The op model and the functions below are also the interface of the
 * Windows executors (manager "windows", exec_win*.c): their op kinds and
 * fields are marked "Windows" and documented in exec_win.h.
 */
#ifndef NETMIN_EXEC_LINUX_H
#define NETMIN_EXEC_LINUX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "journal.h"
#include "util.h"

enum nm_mgr {
	NM_MGR_NONE = 0,
	NM_MGR_SYSTEMD,
	NM_MGR_SYSTEMD_USER,
	NM_MGR_SYSTEMD_OFFLINE,
	NM_MGR_SYSV,
	NM_MGR_RUNIT,
	NM_MGR_OPENRC,
	NM_MGR_WINDOWS		/* the service control manager and registry */
};

/* Where and how the executors act. */
struct nm_exec_ctx {
	int		 mgr;		/* enum nm_mgr */
	const char	*root;		/* systemd-offline: the tree */
	const char	*unit_dir;	/* systemd: where admin links live */
	const char	*svdir;		/* runit: scanned folder (/etc/service) */
	const char	*svsrc;		/* runit: definitions (/etc/sv) */
	const char	*etc;		/* sysv/openrc: /etc */
	int		 timeout;	/* seconds per command */
	struct nm_buf	 out;		/* output of the last command */
};

const char *nm_mgr_name(int);
int	 nm_mgr_from_name(const char *);

/* Fills ctx for mgr (NM_MGR_NONE: detect).  Returns -1 with a message. */
int	 nm_exec_init(struct nm_exec_ctx *, int mgr, const char *root,
	     struct nm_error *);
void	 nm_exec_free(struct nm_exec_ctx *);

enum nm_op_kind {
	NM_OP_UNIT_STOP = 1,	/* undo: start if it ran before */
	NM_OP_UNIT_START,	/* undo: stop if it did not run */
	NM_OP_UNIT_DISABLE,	/* undo: put the enabling links back */
	NM_OP_UNIT_ENABLE,
	NM_OP_UNIT_MASK,	/* runit: remove the service link */
	NM_OP_UNIT_UNMASK,
	NM_OP_FILE_WRITE,	/* undo: prior bytes, mode, owner, or absence */
	NM_OP_FILE_REMOVE,
	NM_OP_MKDIR,		/* undo: rmdir if we made it and it is empty */
	NM_OP_RELOAD,		/* systemctl daemon-reload (an effect) */
	NM_OP_RESTART,		/* restart if running (an effect) */
	NM_OP_RUN,		/* a fixed helper, e.g. update-exim4.conf */
	/* Windows (exec_win.h) */
	NM_OP_SVC_STOP,		/* undo: start it again if it ran */
	NM_OP_SVC_START_TYPE,	/* undo: the prior start type */
	NM_OP_REG_SET,		/* undo: prior type and bytes, or absence */
	NM_OP_REG_DELETE,
	NM_OP_REG_MULTI_REMOVE,	/* one item out of a REG_MULTI_SZ */
	NM_OP_REG_MULTI_ADD,	/* one item onto a REG_MULTI_SZ */
	NM_OP_REG_KEY_CREATE,	/* undo: delete it if it is empty */
	NM_OP_NFT_TABLE,	/* nftables table inet netmin, data = its
				   definition; undo: the prior listing */
	NM_OP__COUNT
};

/* State of a unit/service and of a file, read before an op runs. */
struct nm_prior {
	bool		 have;
	/* units */
	const char	*enablement;	/* "enabled", "disabled", "masked"... */
	bool		 active;
	const char	**links;	/* "PATH\tTARGET", sorted */
	size_t		 nlinks;
	/* files */
	bool		 exists;
	const char	*data;
	size_t		 len;
	int		 mode, uid, gid;
	/* Windows services: state (SERVICE_RUNNING...), start type, and
	   the delayed-start flag where Windows can say (delayed_known) */
	uint32_t	 state, start;
	bool		 delayed, delayed_known;
	/* Windows registry: exists/data/len above are the value; its type,
	   and whether its key exists */
	uint32_t	 type;
	bool		 key_exists;
};

struct nm_op {
	int		 kind;		/* enum nm_op_kind */
	int		 group;		/* ops undone together (effects last) */
	int		 step;		/* plan step id, 0 if none */
	const char	*unit;		/* unit/service name */
	const char	*path;		/* file ops */
	const char	*data;		/* FILE_WRITE content */
	size_t		 len;
	int		 mode;		/* FILE_WRITE/MKDIR mode; -1: keep */
	const char	**argv;		/* NM_OP_RUN: a whitelisted command */
	const char	*why;		/* the plan's reason, for messages */
	/* Windows: service (service ops), start type (SVC_START_TYPE),
	   registry key ("HKLM\\..."), value name, and type + data (REG_SET:
	   the bytes; MULTI ops: the item as UTF-8) */
	const char	*service;
	uint32_t	 start;
	const char	*key;
	const char	*value;
	uint32_t	 type;
	const char	*of;		/* SVC_STOP of a dependant: of whom */
	struct nm_prior	 prior;
};

const char *nm_op_kind_name(int);
int	 nm_op_kind_from_name(const char *);
bool	 nm_op_is_effect(const struct nm_op *);
bool	 nm_op_is_unit(const struct nm_op *);

/* "stop rpcbind.socket (active -> inactive)"; prior state when known. */
void	 nm_op_describe(const struct nm_op *, struct nm_buf *);

/* Reads the current state the op will change into op->prior. */
int	 nm_op_read_prior(struct nm_exec_ctx *, struct nm_op *,
	     struct nm_arena *, struct nm_error *);

/* Is the host already where the op would take it?  (prior must be read) */
bool	 nm_op_noop(const struct nm_op *);

/* Applies the op.  Returns 0, or -1 with a message. */
int	 nm_op_do(struct nm_exec_ctx *, const struct nm_op *,
	     struct nm_error *);

/*
 * Puts back op->prior.  Idempotent: reads the current state first and
 * returns 1 when nothing needed restoring, 0 when it restored, -1 on error.
 */
int	 nm_op_undo(struct nm_exec_ctx *, const struct nm_op *,
	     struct nm_arena *, struct nm_error *);

/* The op and its prior state as fields of a journal "op" record, and back. */
void	 nm_op_to_record(struct nm_arena *, const struct nm_op *,
	     struct nm_jrec *);
int	 nm_op_from_record(struct nm_arena *, const struct nm_jrec *,
	     struct nm_op *, struct nm_error *);

/*
 * Unit names for one service: "rpcbind" -> rpcbind.socket, rpcbind.service
 * when a socket unit triggers the service (socket first: stop it first or
 * the service is activated again).  Names with a suffix stay as they are,
 * plus the socket that triggers them.
 */
int	 nm_exec_units_for(struct nm_exec_ctx *, const char *name,
	     struct nm_arena *, const char ***units, size_t *n,
	     struct nm_error *);

/* Does this service/unit exist for the manager? */
bool	 nm_exec_unit_exists(struct nm_exec_ctx *, const char *unit);

/*
 * Runs argv (no shell), output in ctx->out; returns the exit status, or
 * -1 (and err) when it could not run or timed out.
 */
int	 nm_exec_run(struct nm_exec_ctx *, const char *const *argv,
	     struct nm_error *);

/*
 * exec_linux_nft.c: NM_OP_NFT_TABLE.  The prior state is the exact
 * `nft list table inet netmin` (prior.exists, data, len); do and undo
 * each load one nft -f transaction that replaces the table in place.
 */
int	 nm_nft_prior(struct nm_exec_ctx *, struct nm_arena *,
	     struct nm_prior *, struct nm_error *);
int	 nm_nft_do(struct nm_exec_ctx *, const struct nm_op *,
	     struct nm_error *);
int	 nm_nft_undo(struct nm_exec_ctx *, const struct nm_op *,
	     struct nm_arena *, struct nm_error *);
/* A context for ops that need no service manager (nftables only). */
void	 nm_exec_init_bare(struct nm_exec_ctx *);

#endif /* NETMIN_EXEC_LINUX_H */
