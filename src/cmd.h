/*
 * cmd.h - the commands (one cmd_*.c each) and what they share: loading a
 * snapshot from --from files or the live host, printing messages.
 */
#ifndef NETMIN_CMD_H
#define NETMIN_CMD_H

#include <stdio.h>

#include "netmin.h"
#include "src.h"

/* Exit codes (design.md). */
#define NM_EXIT_OK	0
#define NM_EXIT_FINDINGS 1
#define NM_EXIT_USAGE	2
#define NM_EXIT_FAIL	3

int	 cmd_list(int, char **);
int	 cmd_plan(int, char **);
int	 cmd_audit(int, char **);
int	 cmd_explain(int, char **);
int	 cmd_kb(int, char **);
int	 cmd_rpcdump(int, char **);
int	 cmd_apply(int, char **);
int	 cmd_undo(int, char **);
int	 cmd_scan(int, char **);
int	 cmd_verify(int, char **);
int	 cmd_firewall(int, char **);

/* Options every inventory-reading command takes. */
struct nm_srcopts {
	const char	**from;		/* --from FILE, repeatable */
	size_t		 nfrom;
	const char	*os;		/* --os ID */
	struct nm_live_opts live;	/* no --from: the live host */
	const char	**rpcdump;	/* --rpcdump HOST: endpoint-map evidence */
	size_t		 nrpcdump;
	const char	**kbfiles;	/* --kb FILE, repeatable */
	size_t		 nkb;
};

/*
 * The live-source options, for a command's getopt_long table:
 * NM_SRCOPTS_LONG inside the (sorted-by-hand) option array, and
 * nm_srcopts_option() in the switch's default branch (true: handled).
 * --from-diag, --proc-root and --root are testing aids (doc/netmin.1.md).
 */
enum {
	NM_OPT_NETNS = 0x1000, NM_OPT_ALL_NETNS, NM_OPT_FROM_DIAG,
	NM_OPT_PROC_ROOT, NM_OPT_ROOT
};
#define NM_SRCOPTS_LONG \
	{ "all-netns", no_argument, NULL, NM_OPT_ALL_NETNS }, \
	{ "from-diag", required_argument, NULL, NM_OPT_FROM_DIAG }, \
	{ "netns", required_argument, NULL, NM_OPT_NETNS }, \
	{ "proc-root", required_argument, NULL, NM_OPT_PROC_ROOT }, \
	{ "root", required_argument, NULL, NM_OPT_ROOT }
bool	 nm_srcopts_option(struct nm_srcopts *, int opt, const char *arg);

void	 nm_srcopts_add_from(struct nm_srcopts *, const char *);
void	 nm_srcopts_add_rpcdump(struct nm_srcopts *, const char *);
void	 nm_srcopts_free(struct nm_srcopts *);
int	 nm_load_snapshot(const struct nm_srcopts *, struct nm_snapshot *);

/* The knowledge base (built in, plus --kb files) and attribution. */
struct nm_kb;
void	 nm_srcopts_add_kb(struct nm_srcopts *, const char *);
int	 nm_load_kb(const struct nm_srcopts *, struct nm_kb *);
int	 nm_check_os(const char *cmd, const char *os);
int	 nm_load_attributed(const struct nm_srcopts *, struct nm_snapshot *,
	     struct nm_kb *);
void	 nm_os_help(FILE *);
int	 nm_err_exit(const char *cmd, const struct nm_error *);
struct nm_planopts;
/* netmin plan's script options (--emit, --rollback, --output, --plan). */
struct nm_emitopts {
	const char	*fmt;		/* --emit cmd|ps1|sh */
	const char	*rollback;	/* --rollback FILE */
	const char	*output;	/* -o FILE; NULL: stdout */
	const char	*plan;		/* --plan FILE: a saved netmin.plan/1 */
};
int	 nm_plan_options(const char *cmd, int argc, char **argv,
	     struct nm_srcopts *, struct nm_planopts *, bool *json,
	     struct nm_emitopts *, void (*help)(FILE *));
int	 nm_exit_for(const struct nm_error *);
int	 nm_load_connections(const struct nm_live_opts *, const struct nm_kb *,
	     struct nm_snapshot *, struct nm_error *);

void	 nm_msg(const char *fmt, ...) NM_PRINTF(1, 2);
int	 nm_usage_error(const char *cmd, const char *fmt, ...) NM_PRINTF(2, 3);
void	 nm_write_buf(FILE *, const struct nm_buf *);
void	 nm_buf_stream(struct nm_buf *, FILE *);	/* flush into FILE */

#endif /* NETMIN_CMD_H */
