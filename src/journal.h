/*
 * journal.h - the undo log of apply (format netmin.journal/1, doc/json.md).
 *
 * A journal is an append-only file of records, one JSON object per line,
 * each ending in a CRC-32 of its own bytes.  apply writes an "op" record
 * holding everything needed to undo an action (prior enablement, running
 * state, file contents and modes) and syncs it to disk *before* it touches
 * the host; "done"/"fail" follow.  A crash at any point leaves whole records
 * plus at most one torn line, which readers skip.  undo appends its own
 * records to the same file, so a second undo knows what the first did.
 *
 * Platform-neutral: the Linux and Windows executors both store their prior
 * state as fields of "op" records.
 */
#ifndef NETMIN_JOURNAL_H
#define NETMIN_JOURNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util.h"

#define NM_JOURNAL_SCHEMA	"netmin.journal/1"
#define NM_JOURNAL_MAXLINE	(64u << 20)	/* one record, base64 incl. */

enum nm_jf_kind { NM_JF_STR, NM_JF_INT, NM_JF_BOOL, NM_JF_NULL, NM_JF_LIST };

struct nm_jfield {
	const char	*key;
	uint8_t		 kind;		/* enum nm_jf_kind */
	bool		 b;
	long long	 num;
	const char	*str;		/* NUL-terminated; no embedded NULs */
	const char	**list;		/* NM_JF_LIST: strings */
	size_t		 nlist;
};

/* One record: its type ("t") and its fields in order, "t" excluded. */
struct nm_jrec {
	const char	*type;
	struct nm_jfield *f;
	size_t		 nf, capf;
	int		 line;		/* 1-based line in the file (reading) */
};

/* Building records; everything lives in the arena. */
struct nm_jrec *nm_jrec_new(struct nm_arena *, const char *type);
void	 nm_jrec_str(struct nm_arena *, struct nm_jrec *, const char *key,
	     const char *val);		/* NULL val gives null */
void	 nm_jrec_int(struct nm_arena *, struct nm_jrec *, const char *key,
	     long long);
void	 nm_jrec_bool(struct nm_arena *, struct nm_jrec *, const char *key,
	     bool);
void	 nm_jrec_list(struct nm_arena *, struct nm_jrec *, const char *key,
	     const char *const *list, size_t n);
void	 nm_jrec_bytes(struct nm_arena *, struct nm_jrec *, const char *key,
	     const void *data, size_t len);	/* stored as base64 */

/* Reading fields back. */
const struct nm_jfield *nm_jrec_get(const struct nm_jrec *, const char *key);
const char *nm_jrec_gets(const struct nm_jrec *, const char *key);
bool	 nm_jrec_geti(const struct nm_jrec *, const char *key, long long *);
bool	 nm_jrec_getb(const struct nm_jrec *, const char *key, bool dflt);
int	 nm_jrec_getbytes(struct nm_arena *, const struct nm_jrec *,
	     const char *key, char **data, size_t *len);  /* NUL-terminated */

/* One record as its line, with the trailing CRC and newline. */
void	 nm_jrec_format(const struct nm_jrec *, struct nm_buf *);

/*
 * Writing: every append is one write() followed by fsync.  Test hook:
 * NETMIN_TEST_TEAR_RECORD=N makes the Nth append of this process write
 * half its line, sync it and die by SIGKILL (a crash inside a write).
 */
struct nm_journal {
	int		 fd;
	char		 path[4096];
	unsigned	 nrec;		/* records appended by this process */
	unsigned	 tear_at;	/* test hook, 0: off */
};

int	 nm_journal_create(struct nm_journal *, const char *path,
	     struct nm_error *);
int	 nm_journal_reopen(struct nm_journal *, const char *path,
	     struct nm_error *);
int	 nm_journal_append(struct nm_journal *, const struct nm_jrec *,
	     struct nm_error *);
void	 nm_journal_close(struct nm_journal *);

/* Reading a whole journal. */
struct nm_journal_log {
	struct nm_arena	 arena;
	NM_VEC(struct nm_jrec) rec;
	size_t		 nbad;		/* lines skipped: torn or corrupt */
	int		 first_bad;	/* line of the first one, 0 if none */
	bool		 torn_tail;	/* the last line had no newline */
};

int	 nm_journal_parse(struct nm_journal_log *, const char *data,
	     size_t len, struct nm_error *);
int	 nm_journal_load(struct nm_journal_log *, const char *path,
	     struct nm_error *);
void	 nm_journal_log_free(struct nm_journal_log *);

/*
 * What a journal says happened (the apply/undo protocol on top of the
 * records; doc/json.md).  ops[] is indexed by op number - 1.
 */
enum nm_jop_state {
	NM_JOP_NONE = 0,	/* no "op" record (never started) */
	NM_JOP_STARTED,		/* "op" written; may or may not have run */
	NM_JOP_DONE,		/* "done" */
	NM_JOP_FAILED,		/* "fail": may have half-run */
	NM_JOP_RECORDED		/* "op" written with its action's, never ran */
};

enum nm_japply { NM_JA_INTERRUPTED, NM_JA_COMPLETE, NM_JA_FAILED };
enum nm_jundo { NM_JU_NONE, NM_JU_INTERRUPTED, NM_JU_COMPLETE,
	NM_JU_INCOMPLETE };

struct nm_jop {
	const struct nm_jrec *op;	/* the "op" record, NULL if none */
	uint8_t		 state;		/* enum nm_jop_state */
	const char	*fail_msg;
	bool		 undone;	/* an "undone" record said restored */
};

struct nm_journal_summary {
	const struct nm_jrec *begin;
	uint8_t		 apply;		/* enum nm_japply */
	uint8_t		 undo;		/* enum nm_jundo */
	struct nm_jop	*ops;		/* arena-owned */
	size_t		 nops;
	long long	 planned;	/* ops the apply meant to run, -1 unknown */
};

int	 nm_journal_summarize(struct nm_journal_log *,
	     struct nm_journal_summary *, struct nm_error *);
bool	 nm_journal_unfinished(const struct nm_journal_summary *);
const char *nm_japply_name(int);
const char *nm_jundo_name(int);

/* Helpers shared by the writers and the tests. */
uint32_t nm_crc32(const void *, size_t);
void	 nm_base64_encode(struct nm_buf *, const void *, size_t);
int	 nm_base64_decode(const char *, size_t, struct nm_buf *);

#endif /* NETMIN_JOURNAL_H */
