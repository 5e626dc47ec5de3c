/*
 * exec_apply.h - running executor ops under the journal: apply (prior state
 * written and synced before each op), undo (reverse order, effects re-run
 * once their files are back), and the host's list of unfinished journals.
 *
 * The state folder (default /var/lib/netmin, %ProgramData%\netmin on
 * Windows; NETMIN_STATE_DIR) holds a
 * lock file and active/, one symbolic link per journal whose apply or undo
 * has not finished; apply refuses to start while one exists.
 */
#ifndef NETMIN_EXEC_APPLY_H
#define NETMIN_EXEC_APPLY_H

#include "exec_linux.h"
#include "journal.h"

/* Progress for the command to print; phase: "do", "skip", "fail", "undo". */
typedef void (*nm_apply_cb)(void *arg, size_t i, size_t n,
    const struct nm_op *, const char *phase, const char *detail);

struct nm_apply_opts {
	const char	*journal;	/* path of the new journal */
	const char	*state_dir;
	const char	*plan;		/* for the begin record */
	const char	*host;
	bool		 force;		/* start despite unfinished journals */
	int		 kill_after;	/* test hook: SIGKILL after op N */
	nm_apply_cb	 cb;
	void		*arg;
};

const char *nm_state_dir(void);

/*
 * Journals listed active in the state folder and still unfinished:
 * "PATH (apply interrupted at op 3 of 7)".  Stale entries are dropped.
 */
int	 nm_state_unfinished(const char *state_dir, struct nm_arena *,
	     const char ***list, size_t *n, struct nm_error *);

/* -1 with the message when an unfinished journal forbids a new apply. */
int	 nm_apply_may_start(const char *state_dir, struct nm_error *);

/*
 * Runs ops[0..n) with the journal.  Returns 0 when all ran, -1 with err
 * when one failed (the journal then ends "failed", the host is between
 * states and `netmin undo JOURNAL` takes it back).
 */
int	 nm_apply_run(struct nm_exec_ctx *, struct nm_op *, size_t n,
	     const struct nm_apply_opts *, struct nm_error *);

struct nm_undo_result {
	size_t		 restored, unchanged, failed, skipped;
	bool		 was_complete;	/* the journal said undone before */
};

int	 nm_undo_run(const char *journal, const char *state_dir, int mgr,
	     const char *root, int kill_after, nm_apply_cb, void *arg,
	     struct nm_undo_result *, struct nm_error *);

#endif /* NETMIN_EXEC_APPLY_H */
