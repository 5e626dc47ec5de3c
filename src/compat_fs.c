/*
 * compat_fs.c - durable file operations for POSIX and Windows (see
 * compat_fs.h).  On POSIX, durability of a new or renamed file needs an
 * fsync of the file and of the folder holding its name; Windows has no
 * folder fsync, and _commit() flushes a file.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>

#ifdef _WIN32
#include <direct.h>
#include <fcntl.h>
#include <io.h>
#include <process.h>
#include <stdlib.h>
#include <windows.h>
#else
#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <unistd.h>
#endif

#include "compat_fs.h"

int
nm_fs_open(const char *path, int flags, int mode, struct nm_error *err)
{
	int of = 0, fd;

	of |= (flags & NM_FS_READ) ? O_RDWR : O_WRONLY;
	if (flags & NM_FS_CREATE)
		of |= O_CREAT;
	if (flags & NM_FS_EXCL)
		of |= O_EXCL;
	if (flags & NM_FS_APPEND)
		of |= O_APPEND;
#ifdef _WIN32
	of |= O_BINARY;
	fd = _open(path, of, (mode & 0200) ? (_S_IREAD | _S_IWRITE) : _S_IREAD);
#else
	of |= O_CLOEXEC;
	fd = open(path, of, (mode_t)mode);
#endif
	if (fd < 0)
		return nm_seterr(err, errno == EEXIST ? NM_ERR_INPUT : NM_ERR_IO,
		    "cannot open %s: %s", path, strerror(errno));
	return fd;
}

int
nm_fs_write_all(int fd, const void *p, size_t n, const char *path,
    struct nm_error *err)
{
	const char *s = p;

	while (n > 0) {
#ifdef _WIN32
		int w = _write(fd, s, n > 0x40000000 ? 0x40000000 : (unsigned)n);
#else
		ssize_t w = write(fd, s, n);
#endif
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return nm_seterr(err, NM_ERR_IO, "cannot write %s: %s",
			    path, strerror(errno));
		}
		s += w;
		n -= (size_t)w;
	}
	return 0;
}

int
nm_fs_sync(int fd, const char *path, struct nm_error *err)
{
#ifdef _WIN32
	/* What _commit does, said plainly: the data reaches the disk. */
	HANDLE h = (HANDLE)_get_osfhandle(fd);

	if (h == INVALID_HANDLE_VALUE || !FlushFileBuffers(h))
		return nm_seterr(err, NM_ERR_IO, "cannot sync %s: Windows "
		    "error %lu", path, (unsigned long)GetLastError());
#else
	if (fsync(fd) != 0)
		return nm_seterr(err, NM_ERR_IO, "cannot sync %s: %s", path,
		    strerror(errno));
#endif
	return 0;
}

/* The folder entry of a new or renamed file is only durable after this. */
int
nm_fs_sync_dir_of(const char *path, struct nm_error *err)
{
#ifdef _WIN32
	(void)path;
	(void)err;
	return 0;
#else
	char dir[4096];
	const char *slash = strrchr(path, '/');
	int fd, rc;

	if (slash == NULL)
		nm_strlcpy(dir, ".", sizeof(dir));
	else if (slash == path)
		nm_strlcpy(dir, "/", sizeof(dir));
	else {
		size_t n = (size_t)(slash - path);

		if (n >= sizeof(dir))
			return nm_seterr(err, NM_ERR_INPUT, "path too long: %s",
			    path);
		memcpy(dir, path, n);
		dir[n] = '\0';
	}
	fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return nm_seterr(err, NM_ERR_IO, "cannot open folder %s: %s",
		    dir, strerror(errno));
	rc = fsync(fd);
	if (rc != 0 && errno != EINVAL) {	/* some file systems refuse */
		int e = errno;

		close(fd);
		return nm_seterr(err, NM_ERR_IO, "cannot sync folder %s: %s",
		    dir, strerror(e));
	}
	close(fd);
	return 0;
#endif
}

int
nm_fs_close(int fd)
{
#ifdef _WIN32
	return _close(fd);
#else
	return close(fd);
#endif
}

long long
nm_fs_size(int fd)
{
#ifdef _WIN32
	struct _stati64 st;

	if (_fstati64(fd, &st) != 0)
		return -1;
#else
	struct stat st;

	if (fstat(fd, &st) != 0)
		return -1;
#endif
	return (long long)st.st_size;
}

int
nm_fs_pread(int fd, void *p, size_t n, long long off)
{
#ifdef _WIN32
	if (_lseeki64(fd, off, SEEK_SET) < 0)
		return -1;
	return _read(fd, p, (unsigned)n);
#else
	return (int)pread(fd, p, n, (off_t)off);
#endif
}

bool
nm_fs_exists(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0;
}

int
nm_fs_mkdirs(const char *path, int mode, struct nm_error *err)
{
	char buf[4096];
	size_t i, n = strlen(path);
	struct stat st;

	if (n == 0 || n >= sizeof(buf))
		return nm_seterr(err, NM_ERR_INPUT, "bad folder name '%s'",
		    path);
	memcpy(buf, path, n + 1);
	for (i = 1; i <= n; i++) {
		if (buf[i] != '/' && buf[i] != '\\' && buf[i] != '\0')
			continue;
		buf[i] = '\0';
		if (stat(buf, &st) != 0) {
#ifdef _WIN32
			(void)mode;
			if (_mkdir(buf) != 0 && errno != EEXIST)
#else
			if (mkdir(buf, (mode_t)mode) != 0 && errno != EEXIST)
#endif
				return nm_seterr(err, NM_ERR_IO,
				    "cannot create folder %s: %s", buf,
				    strerror(errno));
		} else if (!S_ISDIR(st.st_mode)) {
			return nm_seterr(err, NM_ERR_IO,
			    "%s exists and is not a folder", buf);
		}
		if (i < n)
			buf[i] = path[i];
	}
	return 0;
}

int
nm_fs_lock(const char *path, struct nm_error *err)
{
	int fd = nm_fs_open(path, NM_FS_CREATE | NM_FS_READ, 0600, err);

	if (fd < 0)
		return -1;
#ifdef _WIN32
	{
		HANDLE h = (HANDLE)_get_osfhandle(fd);
		OVERLAPPED ov = { 0 };

		if (!LockFileEx(h, LOCKFILE_EXCLUSIVE_LOCK |
		    LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, &ov)) {
			_close(fd);
			return nm_seterr(err, NM_ERR_IO,
			    "%s is locked: another netmin apply or undo is "
			    "running", path);
		}
	}
#else
	if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
		int e = errno;

		close(fd);
		if (e == EWOULDBLOCK)
			return nm_seterr(err, NM_ERR_IO,
			    "%s is locked: another netmin apply or undo is "
			    "running", path);
		return nm_seterr(err, NM_ERR_IO, "cannot lock %s: %s", path,
		    strerror(e));
	}
#endif
	return fd;
}

void
nm_fs_unlock(int fd)
{
	if (fd >= 0)
		nm_fs_close(fd);	/* closing drops the lock */
}

void
nm_fs_utc_stamp(char *out, size_t outlen, bool compact)
{
	time_t t = time(NULL);
	struct tm tm;

#ifdef _WIN32
	gmtime_s(&tm, &t);
#else
	gmtime_r(&t, &tm);
#endif
	strftime(out, outlen, compact ? "%Y%m%d-%H%M%S" :
	    "%Y-%m-%dT%H:%M:%SZ", &tm);
}

int
nm_fs_pid(void)
{
#ifdef _WIN32
	return _getpid();
#else
	return (int)getpid();
#endif
}

const char *
nm_fs_state_dir_default(void)
{
#ifdef _WIN32
	static char dir[1024];
	const char *pd = getenv("ProgramData");

	if (dir[0] == '\0')
		snprintf(dir, sizeof(dir), "%s\\netmin", pd != NULL &&
		    pd[0] != '\0' ? pd : "C:\\ProgramData");
	return dir;
#else
	return "/var/lib/netmin";
#endif
}

void
nm_fs_die_now(void)
{
#ifdef _WIN32
	TerminateProcess(GetCurrentProcess(), 137);
#else
	kill(getpid(), SIGKILL);
#endif
	_exit(137);
}

int
nm_fs_hostname(char *out, size_t len)
{
#ifdef _WIN32
	DWORD n = (DWORD)len;

	return GetComputerNameA(out, &n) ? 0 : -1;
#else
	if (gethostname(out, len) != 0)
		return -1;
	out[len - 1] = '\0';
	return 0;
#endif
}
