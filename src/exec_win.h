/*
 * exec_win.h - the Windows executors (manager "windows"): service start
 * types and running state through the service control manager, registry
 * values and keys through the registry API.  Nothing runs sc, net or reg.
 * They implement the executor interface of exec_linux.h (struct nm_op,
 * nm_op_read_prior / do / undo), so exec_apply.c journals them exactly as
 * it journals the Linux ops.
 *
 *   exec_win_op.c    (every platform) names, descriptions, the no-op
 *                    test, journal fields, registry data encoding
 *   exec_win_plan.c  (every platform) plan actions -> ops, the order in
 *                    which dependants stop, the lockout guard's rules
 *   exec_win.c       (Windows) nm_exec_init, op dispatch, host queries
 *                    and the guard's facts
 *   exec_win_svc.c   (Windows) services: read, stop, start, start type
 *   exec_win_reg.c   (Windows) registry: read, set, delete, create keys
 *
 * The ops (fields of struct nm_op; prior state in struct nm_prior):
 *   SVC_STOP         service (of: the service it depends on, for a
 *                    dependant); prior state; undo starts it again if it
 *                    was running (and pauses it if it was paused)
 *   SVC_START_TYPE   service, start; prior start type and delayed flag
 *   REG_SET          key, value, type, data/len (the bytes written)
 *   REG_DELETE       key, value
 *   REG_MULTI_REMOVE key, value, data = one item (UTF-8); every copy of
 *   REG_MULTI_ADD    the item (ASCII case ignored) goes, or it is appended
 *   REG_KEY_CREATE   key, whose parent exists; undo deletes it when empty
 * Registry ops record the value's prior type and bytes, or its absence,
 * and whether its key existed; undo writes exactly those bytes back.
 */
#ifndef NETMIN_EXEC_WIN_H
#define NETMIN_EXEC_WIN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "compat_win.h"
#include "exec_linux.h"
#include "json.h"

/* Registry hives a key may start with (full or short spelling). */
enum nm_win_hive {
	NM_HIVE_NONE = 0,
	NM_HIVE_HKLM,		/* HKEY_LOCAL_MACHINE */
	NM_HIVE_HKCU,		/* HKEY_CURRENT_USER */
	NM_HIVE_HKU,		/* HKEY_USERS */
	NM_HIVE_HKCR,		/* HKEY_CLASSES_ROOT */
	NM_HIVE_HKCC		/* HKEY_CURRENT_CONFIG */
};

/* Service start types (SERVICE_BOOT_START .. SERVICE_DISABLED). */
#define NM_WIN_START_MAX 4u
/* Registry values larger than this are refused (not settings). */
#define NM_WIN_REG_MAX	(4u << 20)

/* exec_win_op.c ---------------------------------------------------------- */

bool	 nm_win_op_is(int kind);
bool	 nm_win_op_noop(const struct nm_op *);
void	 nm_win_op_describe(const struct nm_op *, struct nm_buf *);
void	 nm_win_op_to_record(struct nm_arena *, const struct nm_op *,
	     struct nm_jrec *);
/* The Windows fields of an "op" record (kind, group, step done). */
int	 nm_win_op_from_record(struct nm_arena *, const struct nm_jrec *,
	     struct nm_op *, struct nm_error *);

/* "HKLM\\SOFTWARE\\x" -> NM_HIVE_HKLM and "SOFTWARE\\x" (may be ""). */
int	 nm_win_hive(const char *key, const char **sub);
const char *nm_win_hive_name(int hive);

/* "disabled" -> 4 ("manual" is "demand"); -1 when unknown. */
int	 nm_win_start_from_name(const char *);
/* "REG_DWORD" -> 4; -1 when unknown. */
int	 nm_win_reg_type_from_name(const char *);

/*
 * A plan's text data as the bytes RegSetValueEx takes: REG_DWORD and
 * REG_QWORD decimal or 0x-hex, REG_SZ and REG_EXPAND_SZ UTF-16LE with
 * their NUL, REG_MULTI_SZ items split at '\n' (each with its NUL, then
 * the list's), REG_BINARY hex digits.  -1 with a message when the text
 * does not fit the type.
 */
int	 nm_win_reg_encode(struct nm_arena *, uint32_t type, const char *text,
	     char **data, size_t *len, struct nm_error *);
/* UTF-8 (valid, as the JSON reader gives it) appended as UTF-16LE. */
void	 nm_win_utf16le(struct nm_buf *, const char *s);

/*
 * A REG_MULTI_SZ with `item` removed (every copy) or appended (unless
 * there), from the prior bytes.  Returns 1 and the new bytes in out when
 * something changes, 0 when nothing does, -1 when the prior value is not
 * a REG_MULTI_SZ.
 */
int	 nm_win_multi_edit(bool exists, uint32_t type, const char *data,
	     size_t len, const char *item, bool add, struct nm_buf *out);

/* exec_win_plan.c -------------------------------------------------------- */

/* A service as the builder needs it (what QueryServiceConfig gives). */
struct nm_win_svcinfo {
	const char	*name;		/* as the service control manager
					   spells it */
	const char	*group;		/* load-order group, "" for none */
	const char	**depends;	/* lpDependencies: names, "+group" */
	size_t		 ndepends;
	uint32_t	 state;		/* SERVICE_STOPPED (1) .. PAUSED (7) */
};

/* What the builder asks the host (exec_win.c; the tests record one). */
struct nm_win_host {
	void	*arg;
	/* Every service and driver. */
	int	(*services)(void *arg, struct nm_arena *,
		    struct nm_win_svcinfo **, size_t *, struct nm_error *);
	/* EnumDependentServices (active ones, in stop order). */
	int	(*dependants)(void *arg, const char *service,
		    struct nm_arena *, const char ***, size_t *,
		    struct nm_error *);
	/* Subkey names of key; none when the key does not exist. */
	int	(*subkeys)(void *arg, const char *key, struct nm_arena *,
		    const char ***, size_t *, struct nm_error *);
	int	(*key_exists)(void *arg, const char *key, bool *,
		    struct nm_error *);
};

/* Plan actions (netmin.plan/1 "service", "registry", "netbios") -> ops. */
struct nm_win_build {
	struct nm_arena	*a;
	const struct nm_win_host *host;
	const char	*plan;		/* file name for messages */
	int		 group;		/* set by the caller per action */
	NM_VEC(struct nm_op) ops;
	NM_VEC(const char *) notes;	/* said once, not errors */
	NM_VEC(const char *) newkeys;	/* keys earlier actions create */
	struct nm_win_svcinfo *svcs;	/* read on first need */
	size_t		 nsvcs;
	bool		 have_svcs;
};

int	 nm_win_action_ops(struct nm_win_build *, const struct nm_jv *act,
	     int step, const char *why, struct nm_error *);
void	 nm_win_build_free(struct nm_win_build *);

/*
 * Every service that depends on `name`, directly or through others (by
 * name or by "+group"), that is not stopped, in the order to stop them:
 * each after everything that depends on it.
 */
void	 nm_win_dependants(const struct nm_win_svcinfo *, size_t n,
	     const char *name, struct nm_arena *, const char ***out,
	     size_t *nout);

/*
 * The lockout guard: the services carrying the admin's own session.  The
 * facts come from exec_win.c (live) or the tests (recorded: wine has no
 * Remote Desktop or WinRM session to show).
 */
struct nm_win_guard_facts {
	bool		 rdp;		/* GetSystemMetrics(SM_REMOTESESSION) */
	const char	*ssh;		/* SSH_CONNECTION, NULL when unset */
	const char	**ancestors;	/* image names, this process upwards */
	size_t		 nancestors;
};

struct nm_win_guard {
	struct {
		const char	*service;
		char		 why[200];
	} v[8];
	size_t		 n;
};

void	 nm_win_guard_make(struct nm_win_guard *,
	     const struct nm_win_guard_facts *);
/*
 * Why op would cut the session, or NULL; *name is what --allow takes.
 * A service op on a guarded service counts, and so does a registry op
 * that would do the same: the service's Start value, or Remote
 * Desktop's fDenyTSConnections.
 */
const char *nm_win_guard_check(const struct nm_win_guard *,
	     const struct nm_op *, const char **name);

/* exec_win.c (Windows; elsewhere they answer NM_ERR_UNSUPPORTED) --------- */

void	 nm_win_host_live(struct nm_win_host *);
int	 nm_win_guard_facts_live(struct nm_arena *,
	     struct nm_win_guard_facts *, struct nm_error *);

/* exec_win.c, exec_win_svc.c, exec_win_reg.c (Windows only) --------------- */

int	 nm_win_svc_read(struct nm_exec_ctx *, struct nm_op *,
	     struct nm_arena *, struct nm_error *);
int	 nm_win_svc_do(struct nm_exec_ctx *, const struct nm_op *,
	     struct nm_error *);
int	 nm_win_svc_undo(struct nm_exec_ctx *, const struct nm_op *,
	     struct nm_arena *, struct nm_error *);
int	 nm_win_svc_list(struct nm_arena *, struct nm_win_svcinfo **,
	     size_t *, struct nm_error *);
int	 nm_win_svc_dependants(const char *service, struct nm_arena *,
	     const char ***, size_t *, struct nm_error *);

int	 nm_win_reg_read(struct nm_exec_ctx *, struct nm_op *,
	     struct nm_arena *, struct nm_error *);
int	 nm_win_reg_do(struct nm_exec_ctx *, const struct nm_op *,
	     struct nm_error *);
int	 nm_win_reg_undo(struct nm_exec_ctx *, const struct nm_op *,
	     struct nm_arena *, struct nm_error *);
int	 nm_win_reg_subkeys(const char *key, struct nm_arena *,
	     const char ***, size_t *, struct nm_error *);
int	 nm_win_reg_key_exists(const char *key, bool *,
	     struct nm_error *);

#endif /* NETMIN_EXEC_WIN_H */
