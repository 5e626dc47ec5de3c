/*
 * exec_linux_conf.h - config edits that bind a daemon to loopback (or
 * close its port) instead of stopping it, as executor ops.  See
 * exec_linux_conf.c for what each target does and does not close.
 */
#ifndef NETMIN_EXEC_LINUX_CONF_H
#define NETMIN_EXEC_LINUX_CONF_H

#include "exec_linux.h"

/* What nm_conf_ops needs to know, and where it puts the ops. */
struct nm_conf_plan {
	struct nm_arena	*a;
	const char	*etc;		/* "/etc" (a lab or image root in tests) */
	const char	*unit_dir;	/* systemd admin unit folder */
	bool		 systemd;	/* the manager is systemd */
	const char	*unit;		/* the daemon's unit/service, or NULL */
	int		 group, step;
	const char	*why;
	int		(*read)(const char *path, struct nm_buf *,
			    struct nm_error *);
	bool		(*exists)(const char *path);
	NM_VEC(struct nm_op) ops;
};

extern const char *const nm_conf_targets[];

int	 nm_conf_ops(struct nm_conf_plan *, const char *target,
	     const char *setting, struct nm_error *);

/* The pure text edits (unit-tested). */
bool	 nm_conf_sshd_dropin_ok(const char *, size_t);
void	 nm_conf_sshd_edit(const char *, size_t, struct nm_buf *);
int	 nm_conf_cupsd_edit(const char *, size_t, struct nm_buf *);
int	 nm_conf_set_kv(const char *, size_t, const char *section,
	     const char *key, const char *value, struct nm_buf *);

#endif /* NETMIN_EXEC_LINUX_CONF_H */
