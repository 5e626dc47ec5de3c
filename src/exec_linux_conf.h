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
	bool		 systemd;	/* the manager is systemd */
	int		 group, step;
	const char	*why;
	int		(*read)(const char *path, struct nm_buf *,
			    struct nm_error *);
	bool		(*exists)(const char *path);
	NM_VEC(struct nm_op) ops;
};

/* A plan's config action (doc/json.md, ACTION kind "config"). */
struct nm_conf_action {
	const char	*format;	/* "dropin", "keyvalue", "line" */
	const char	*path;
	const char	*section;	/* "[Resolve]" or NULL */
	const char	*match;		/* line: lines starting so */
	const char	*sep;		/* between KEY and VALUE; NULL "=" */
	const char	**settings;	/* "KEY=VALUE" (line: whole lines) */
	size_t		 nsettings;
	const char	*reload;	/* unit restarted afterwards */
};

int	 nm_conf_action_ops(struct nm_conf_plan *,
	     const struct nm_conf_action *, struct nm_error *);

/* The pure text edits (unit-tested). */
int	 nm_conf_set_kv(const char *, size_t, const char *section,
	     const char *key, const char *sep, const char *value,
	     struct nm_buf *);
int	 nm_conf_replace_lines(const char *, size_t, const char *match,
	     const char *const *lines, size_t nlines, struct nm_buf *);

#endif /* NETMIN_EXEC_LINUX_CONF_H */
