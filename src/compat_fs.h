/*
 * compat_fs.h - the few file-system calls whose spelling differs between
 * POSIX and Windows: durable appends (fsync of a file and of its folder),
 * exclusive creation, atomic replacement, advisory locks.  journal.c and
 * the executors use these so that they stay free of #ifdefs.
 */
#ifndef NETMIN_COMPAT_FS_H
#define NETMIN_COMPAT_FS_H

#include <stdbool.h>
#include <stddef.h>

#include "util.h"

/* Open flags for nm_fs_open(). */
#define NM_FS_CREATE	0x1	/* create if missing */
#define NM_FS_EXCL	0x2	/* fail if it exists */
#define NM_FS_APPEND	0x4	/* every write goes to the end */
#define NM_FS_READ	0x8	/* also readable */

int	 nm_fs_open(const char *path, int flags, int mode, struct nm_error *);
int	 nm_fs_write_all(int fd, const void *, size_t, const char *path,
	     struct nm_error *);
int	 nm_fs_sync(int fd, const char *path, struct nm_error *);
int	 nm_fs_sync_dir_of(const char *path, struct nm_error *);
int	 nm_fs_close(int fd);
long long nm_fs_size(int fd);
int	 nm_fs_pread(int fd, void *, size_t, long long off);

/* mkdir -p with mode for the missing parts; 0 if it exists as a folder. */
int	 nm_fs_mkdirs(const char *path, int mode, struct nm_error *);
bool	 nm_fs_exists(const char *path);

/*
 * An exclusive advisory lock on path (created if needed), held until
 * nm_fs_unlock(); fails at once with NM_ERR_IO when another holds it.
 */
int	 nm_fs_lock(const char *path, struct nm_error *);
void	 nm_fs_unlock(int fd);

/* Seconds since the epoch and the local time as "2026-11-28T03:56:39Z". */
void	 nm_fs_utc_stamp(char *out, size_t outlen, bool compact);
int	 nm_fs_pid(void);

/*
 * Where apply keeps its state (journals, the lock, unfinished ones):
 * /var/lib/netmin, or %ProgramData%\netmin on Windows.
 */
const char *nm_fs_state_dir_default(void);

/* Test hook: die at once, as a power cut would (no cleanup, no flush). */
void	 nm_fs_die_now(void);
int	 nm_fs_hostname(char *, size_t);

#endif /* NETMIN_COMPAT_FS_H */
