/*
 * plan.h - the plan model: ordered steps of reversible actions, each with
 * the endpoints it closes and the predicted endpoint table after it.
 *
 * Actions are structured data first (kind, target, new value, and what must
 * be read before acting so that it can be put back); the command strings
 * are a rendering of that data for people.  Executors (apply/undo) and
 * script emitters work from the structured fields, never by parsing the
 * command strings.  The JSON form is netmin.plan/1 (doc/json.md).
 *
 * A plan owns its strings and arrays through its arena.  Endpoint copies in
 * steps point at strings of the snapshot the plan was made from, so free
 * the plan before that snapshot.
 */
#ifndef NETMIN_PLAN_H
#define NETMIN_PLAN_H

#include "netmin.h"

/* The method's phases, in the order the plan walks them. */
enum nm_phase {
	NM_PHASE_SERVICES = 0,	/* unused services */
	NM_PHASE_NETBIOS_SMB,	/* NetBIOS over TCP/IP, SMB */
	NM_PHASE_RPC_DCOM,	/* RPC services, DCOM, the endpoint mapper */
	NM_PHASE_RESIDUE,	/* what is left: residue and filtering */
	NM_PHASE__COUNT
};

enum nm_act_kind {
	NM_ACT_SERVICE = 0,	/* Windows service: start type, stop */
	NM_ACT_REGISTRY,	/* Windows registry value: set, delete, edit */
	NM_ACT_NETBIOS,		/* NetbiosOptions on every NetBT interface */
	NM_ACT_UNIT,		/* Linux service: systemd service + socket
				   units, or sysvinit / OpenRC / runit */
	NM_ACT_CONFIG,		/* Linux config: drop-in file or key edit */
	NM_ACT_COMMAND,		/* explicit commands with explicit undo */
	NM_ACT_FILTER,		/* host firewall for what stays */
	NM_ACT__COUNT
};

/* Whether an action removes the service or keeps it and narrows it. */
enum nm_act_mode {
	NM_MODE_DISABLE = 0,
	NM_MODE_NARROW
};

/* Registry operations (NM_ACT_REGISTRY, NM_ACT_NETBIOS). */
enum nm_reg_op {
	NM_REG_SET = 0,		/* create or overwrite value with type+data */
	NM_REG_DELETE,		/* delete the value */
	NM_REG_MULTI_REMOVE,	/* remove item `data` from a REG_MULTI_SZ */
	NM_REG_MULTI_ADD	/* append item `data` to a REG_MULTI_SZ */
};

/* Linux service operations (NM_ACT_UNIT). */
enum nm_unit_op {
	NM_UNIT_DISABLE = 0,	/* stop now and disable (systemctl disable
				   --now), every unit listed */
	NM_UNIT_MASK		/* stop, disable and mask */
};

/* Config edits (NM_ACT_CONFIG). */
enum nm_cfg_format {
	NM_CFG_DROPIN = 0,	/* a whole file netmin owns: `section` header
				   then KEY=VALUE lines; undo deletes it */
	NM_CFG_KEYVALUE,	/* set KEY VALUE lines inside an existing file
				   (`sep` between them); undo restores it */
	NM_CFG_LINE		/* replace lines matching `match` (a prefix)
				   with the settings; undo restores the file */
};

/*
 * A prior value an executor or emitter must read, save, and restore on
 * undo.  kind: "service" (start type and running state of target),
 * "registry" (target = key, value = value name; may be absent),
 * "registry-subkeys" (every subkey of target matching `value`, e.g.
 * Tcpip_*, and the value named by the action in each), "unit" (enablement,
 * mask and active state of target), "file" (contents and mode of target;
 * may be absent).
 */
struct nm_read {
	const char	*kind;
	const char	*target;
	const char	*value;
};

/* Commands for one service manager when it is not the default one. */
struct nm_altcmds {
	const char	*manager;	/* "sysv", "openrc", "runit" */
	const char	*name;		/* the service's name there */
	const char	**commands;
	size_t		 ncommands;
	const char	**undo;
	size_t		 nundo;
};

struct nm_action {
	uint8_t		 kind;		/* enum nm_act_kind */
	uint8_t		 mode;		/* enum nm_act_mode */
	bool		 reboot;	/* takes effect only after a reboot */
	bool		 restart;	/* restarts a service to take effect */
	const char	*target;	/* JSON "target" (see doc/json.md) */
	const char	*change;	/* JSON "change": short, for people */

	/* NM_ACT_SERVICE */
	const char	*service;	/* short (key) name */
	const char	*start;		/* new start type: "disabled", "demand" */
	bool		 stop;		/* stop it now too */
	const char	**dependants;	/* stopped with it (net stop /y) */
	size_t		 ndependants;

	/*
	 * NM_ACT_REGISTRY: key (full path, "HKLM\..."), value name, type
	 * ("REG_DWORD", "REG_SZ", "REG_MULTI_SZ", "REG_EXPAND_SZ"), data
	 * (text: decimal for REG_DWORD, items joined by "\n" for MULTI_SZ).
	 * NM_ACT_NETBIOS: key is the Interfaces key, subkeys matches the
	 * per-adapter subkeys ("Tcpip_*"), value/type/data as above.
	 */
	uint8_t		 reg_op;	/* enum nm_reg_op */
	const char	*key;
	const char	*subkeys;
	const char	*value;
	const char	*type;
	const char	*data;

	/* NM_ACT_UNIT */
	uint8_t		 unit_op;	/* enum nm_unit_op */
	const char	**units;	/* "avahi-daemon.socket", ".service" */
	size_t		 nunits;

	/* NM_ACT_CONFIG */
	uint8_t		 cfg_format;	/* enum nm_cfg_format */
	const char	*path;
	const char	*section;	/* "[Resolve]" for drop-ins, or NULL */
	const char	*match;		/* NM_CFG_LINE: lines starting so */
	const char	*sep;		/* NM_CFG_KEYVALUE: " = ", "=", " " */
	const char	**settings;	/* "KEY=VALUE" */
	size_t		 nsettings;
	const char	*then;		/* command run after the edit, before
					   the restart ("update-exim4.conf") */
	const char	*reload;	/* unit to restart afterwards */

	/* Prior values to read and save before acting. */
	struct nm_read	*reads;
	size_t		 nreads;
	/* Prior value as far as the plan knows it (snapshot or kb default). */
	const char	*prior;
	bool		 prior_assumed;	/* from kb defaults, not observed */

	/* Rendering for people: what to type, and how to put it back. */
	const char	**commands;
	size_t		 ncommands;
	const char	**undo;
	size_t		 nundo;
	struct nm_altcmds *alt;		/* other service managers */
	size_t		 nalt;

	const char	**effects;	/* what stops working */
	size_t		 neffects;
	const char	*kb;		/* knowledge-base entry behind it */
	const char	*src;		/* source keys, "S1,S4" */
	bool		 unverified;	/* the kb marks this fact unverified */
};

/* An endpoint that changes address (narrowed) rather than closing. */
struct nm_move {
	struct nm_endpoint from;
	struct nm_endpoint to;
};

struct nm_step {
	int		 id;		/* 1-based */
	uint8_t		 phase;		/* enum nm_phase */
	const char	*title;
	const char	*why;
	const char	**kbs;		/* entries the step acts on */
	size_t		 nkbs;
	NM_VEC(struct nm_action) actions;
	NM_VEC(struct nm_endpoint) closes;	/* as they were before */
	NM_VEC(struct nm_move) moves;
	bool		 reboot;	/* any action needs a reboot */
	uint8_t		 confidence;	/* weakest attribution relied on */
	const char	**effects;	/* what stops working */
	size_t		 neffects;
	NM_VEC(struct nm_endpoint) after;	/* predicted open endpoints */
};

/* A service (kb entry) that stays, and why. */
struct nm_kept {
	const char	*kb;		/* entry id, or NULL for "unknown" */
	const char	*name;		/* service / unit / process for people */
	const char	*why;
	bool		 asked;		/* the user said --keep */
	bool		 narrowed;	/* a narrowing step applies to it */
	NM_VEC(struct nm_endpoint) endpoints;	/* still open after the plan */
};

/* An endpoint still open after the last step, and why. */
struct nm_remain {
	struct nm_endpoint ep;
	const char	*why;
	bool		 closable;	/* --drop or a firewall could close it */
};

struct nm_plan {
	struct nm_arena	 arena;
	const char	*os;
	const char	*os_reason;
	const char	**sources;
	size_t		 nsources;
	const char	**keep;		/* --keep arguments as given */
	size_t		 nkeep;
	const char	**drop;		/* --drop arguments as given */
	size_t		 ndrop;
	NM_VEC(struct nm_endpoint) before;	/* open endpoints at the start */
	NM_VEC(struct nm_step) steps;
	NM_VEC(struct nm_kept) kept;
	NM_VEC(struct nm_remain) remaining;
	NM_VEC(struct nm_warning) notes;	/* planner remarks */
};

/* plan_model.c: building and freeing plans (the planner is plan.c). */
void	 nm_plan_init(struct nm_plan *);
void	 nm_plan_free(struct nm_plan *);
struct nm_step *nm_plan_add_step(struct nm_plan *, int phase,
	     const char *title);
struct nm_action *nm_step_add_action(struct nm_plan *, struct nm_step *,
	     int kind);
void	 nm_plan_strv_add(struct nm_plan *, const char ***v, size_t *n,
	     const char *s);
void	 nm_plan_strv_addf(struct nm_plan *, const char ***v, size_t *n,
	     const char *fmt, ...) NM_PRINTF(4, 5);
void	 nm_action_add_read(struct nm_plan *, struct nm_action *,
	     const char *kind, const char *target, const char *value);
struct nm_altcmds *nm_action_add_alt(struct nm_plan *, struct nm_action *,
	     const char *manager, const char *name);
void	 nm_plan_note(struct nm_plan *, const char *fmt, ...) NM_PRINTF(2, 3);

/* plan_read.c: a netmin.plan/1 document back into a plan. */
int	 nm_plan_read(struct nm_plan *, const char *text, size_t len,
	     const char *name, struct nm_error *);
int	 nm_plan_read_file(struct nm_plan *, const char *path,
	     struct nm_error *);

/* plan.c: the planner and its simulator. */
struct nm_kb;
struct nm_kb_entry;
struct nm_kb_action;
struct nm_planopts {
	const char	**keep;		/* --keep NAME|PORT[/PROTO] */
	size_t		 nkeep;
	const char	**drop;		/* --drop NAME: disable what the kb keeps */
	size_t		 ndrop;
	bool		 no_filter;	/* no closing "filter what stays" step */
};
int	 nm_plan_make(struct nm_plan *, const struct nm_snapshot *,
	     const struct nm_kb *, const struct nm_planopts *,
	     struct nm_error *);
/* One kb remediation rendered as a plan action (also for explain). */
void	 nm_plan_render(struct nm_plan *, struct nm_action *,
	     const struct nm_kb_entry *, const struct nm_kb_action *,
	     const struct nm_snapshot *, uint32_t osmask);
/* True when the plan closes or narrows something (audit's exit 1). */
bool	 nm_plan_pending(const struct nm_plan *);

const char *nm_phase_name(int);
const char *nm_act_kind_name(int);
const char *nm_act_mode_name(int);
const char *nm_reg_op_name(int);
const char *nm_unit_op_name(int);
const char *nm_cfg_format_name(int);
int	 nm_phase_from_name(const char *);
int	 nm_act_kind_from_name(const char *);

#endif /* NETMIN_PLAN_H */
