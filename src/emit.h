/*
 * emit.h - a plan written as scripts a person can read, run and take back:
 * an apply script that reads and saves every prior value before it changes
 * it, and a rollback script that puts those saved values back.
 *
 * Both scripts share a state folder (NETMIN_STATE, default "netmin-state"
 * next to the script): the apply script writes one small file per saved
 * value there, the rollback script reads them, newest first, and skips what
 * the apply script never reached.  Both stop at the first failure with a
 * message that names the step.
 */
#ifndef NETMIN_EMIT_H
#define NETMIN_EMIT_H

#include "plan.h"

enum nm_emit_fmt {
	NM_EMIT_CMD = 0,	/* Windows cmd.exe: sc, net, reg */
	NM_EMIT_PS1,		/* Windows PowerShell 5.1+ */
	NM_EMIT_SH		/* POSIX sh: systemctl and friends */
};

int	 nm_emit_fmt_from_name(const char *);
const char *nm_emit_fmt_name(int);

/*
 * Writes the apply script to `script` and the rollback script to
 * `rollback` (either may be NULL).  `rollback_name` is how the apply
 * script tells the user to undo (the file name given to --rollback).
 * Fails with NM_ERR_USAGE when the plan holds actions the format cannot
 * express (a Linux unit in a .cmd, a value that cmd cannot quote safely).
 */
int	 nm_emit(const struct nm_plan *, int fmt, const char *rollback_name,
	     struct nm_buf *script, struct nm_buf *rollback, struct nm_error *);

/* Per-format writers (emit_cmd.c, emit_ps1.c, emit_sh.c). */
int	 nm_emit_cmd(const struct nm_plan *, const char *rollback_name,
	     struct nm_buf *, struct nm_buf *, struct nm_error *);
int	 nm_emit_ps1(const struct nm_plan *, const char *rollback_name,
	     struct nm_buf *, struct nm_buf *, struct nm_error *);
int	 nm_emit_sh(const struct nm_plan *, const char *rollback_name,
	     struct nm_buf *, struct nm_buf *, struct nm_error *);

/* emit.c: shared helpers. */
bool	 nm_emit_is_windows_kind(int kind);
const char *nm_emit_start_num(const char *start);
/*
 * The filter step as comments (prefix "rem " or "# "): a script does not
 * make firewall rules itself; they are generated, reviewed and applied on
 * their own (netmin firewall), so the script only says how.
 */
void	 nm_emit_filter_note(const struct nm_step *, const struct nm_action *,
	     const char *prefix, struct nm_buf *);
void	 nm_emit_header_lines(const struct nm_plan *, const char *prefix,
	     struct nm_buf *);

#endif /* NETMIN_EMIT_H */
