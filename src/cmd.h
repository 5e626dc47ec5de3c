/*
 * cmd.h - the commands (one cmd_*.c each) and what they share: loading a
 * snapshot from --from files or the live host, printing messages.
 */
#ifndef NETMIN_CMD_H
#define NETMIN_CMD_H

#include <stdio.h>

#include "netmin.h"

/* Exit codes (design.md). */
#define NM_EXIT_OK	0
#define NM_EXIT_FINDINGS 1
#define NM_EXIT_USAGE	2
#define NM_EXIT_FAIL	3

int	 cmd_list(int, char **);
int	 cmd_rpcdump(int, char **);

/* Options every inventory-reading command takes. */
struct nm_srcopts {
	const char	**from;		/* --from FILE, repeatable */
	size_t		 nfrom;
	const char	*os;		/* --os ID */
};

void	 nm_srcopts_add_from(struct nm_srcopts *, const char *);
void	 nm_srcopts_free(struct nm_srcopts *);
int	 nm_load_snapshot(const struct nm_srcopts *, struct nm_snapshot *);
int	 nm_exit_for(const struct nm_error *);

void	 nm_msg(const char *fmt, ...) NM_PRINTF(1, 2);
int	 nm_usage_error(const char *cmd, const char *fmt, ...) NM_PRINTF(2, 3);
void	 nm_write_buf(FILE *, const struct nm_buf *);

#endif /* NETMIN_CMD_H */
