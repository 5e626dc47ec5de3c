/*
 * exec_linux_guard.h - services apply must not touch unless the user names
 * them (--allow NAME): the one carrying netmin's own session, and the one
 * keeping the host's network address.  See exec_linux_guard.c.
 */
#ifndef NETMIN_EXEC_LINUX_GUARD_H
#define NETMIN_EXEC_LINUX_GUARD_H

#include "util.h"

struct nm_guarded {
	const char	*name;		/* unit or service name */
	const char	*why;		/* "it carries this session: ..." */
};

struct nm_guard {
	struct nm_arena	 arena;
	struct nm_guarded v[64];
	size_t		 n;
};

/* Scans from pid self (its ancestors) and the host's DHCP clients. */
int	 nm_guard_scan(struct nm_guard *, int self);
/* Why name (unit, socket or service) is protected, or NULL. */
const char *nm_guard_check(const struct nm_guard *, const char *name);
void	 nm_guard_free(struct nm_guard *);

#endif /* NETMIN_EXEC_LINUX_GUARD_H */
