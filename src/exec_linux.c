/*
 * exec_linux.c - the Linux executors (see exec_linux.h): a command runner
 * without a shell, the service-manager backends (systemd system/user/
 * offline, sysv, runit, openrc) and durable file operations.
 *
 * Prior state is read from the manager (is-enabled, is-active, sv status,
 * service status) and from the file system (the exact links that enable
 * a unit).  Undo puts those links back itself rather than asking the
 * manager to "enable" again, because enable recreates what [Install] says
 * today, not what the admin had.
 */
#include "exec_linux.h"

#ifdef __linux__

#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "compat_fs.h"

#define FILE_LIMIT	(16u << 20)

/* ------------------------------------------------------------------ */
/* Running commands                                                     */

static long long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int
nm_exec_run(struct nm_exec_ctx *ctx, const char *const *argv,
    struct nm_error *err)
{
	int pfd[2], status = 0, devnull;
	pid_t pid;
	long long deadline;
	bool eof = false;

	nm_buf_reset(&ctx->out);
	if (pipe2(pfd, O_CLOEXEC) != 0)
		return nm_seterr(err, NM_ERR_SYS, "pipe: %s", strerror(errno));
	pid = fork();
	if (pid < 0) {
		close(pfd[0]);
		close(pfd[1]);
		return nm_seterr(err, NM_ERR_SYS, "fork: %s", strerror(errno));
	}
	if (pid == 0) {
		devnull = open("/dev/null", O_RDONLY);
		if (devnull >= 0)
			dup2(devnull, 0);
		dup2(pfd[1], 1);
		dup2(pfd[1], 2);
		/* Commands we parse must not be translated or paged. */
		setenv("LC_ALL", "C", 1);
		setenv("SYSTEMD_PAGER", "", 1);
		setenv("SYSTEMD_COLORS", "0", 1);
		execvp(argv[0], (char *const *)argv);
		fprintf(stderr, "cannot run %s: %s\n", argv[0],
		    strerror(errno));
		_exit(127);
	}
	close(pfd[1]);
	deadline = now_ms() + (long long)(ctx->timeout > 0 ?
	    ctx->timeout : 90) * 1000;
	while (!eof) {
		struct pollfd p = { .fd = pfd[0], .events = POLLIN };
		long long left = deadline - now_ms();
		char chunk[4096];
		ssize_t n;

		if (left <= 0) {
			kill(pid, SIGKILL);
			waitpid(pid, NULL, 0);
			close(pfd[0]);
			return nm_seterr(err, NM_ERR_SYS, "%s %s: no answer "
			    "after %d s, killed", argv[0], argv[1] ? argv[1] :
			    "", ctx->timeout > 0 ? ctx->timeout : 90);
		}
		if (poll(&p, 1, (int)(left > 1000 ? 1000 : left)) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		if (!(p.revents & (POLLIN | POLLHUP | POLLERR)))
			continue;
		n = read(pfd[0], chunk, sizeof(chunk));
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			eof = true;
			break;
		}
		if (ctx->out.len < (1u << 20))
			nm_buf_add(&ctx->out, chunk, (size_t)n);
	}
	close(pfd[0]);
	while (waitpid(pid, &status, 0) < 0) {
		if (errno != EINTR)
			return nm_seterr(err, NM_ERR_SYS, "waitpid: %s",
			    strerror(errno));
	}
	nm_buf_add(&ctx->out, NULL, 0);
	if (WIFEXITED(status)) {
		if (WEXITSTATUS(status) == 127 &&
		    strstr(ctx->out.s ? ctx->out.s : "", "cannot run") != NULL)
			return nm_seterr(err, NM_ERR_SYS, "%s",
			    nm_skipws(ctx->out.s));
		return WEXITSTATUS(status);
	}
	return nm_seterr(err, NM_ERR_SYS, "%s died of signal %d", argv[0],
	    WTERMSIG(status));
}

/* The command's output, one line, for messages. */
static const char *
out_line(struct nm_exec_ctx *ctx)
{
	char *s = ctx->out.s, *p;

	if (s == NULL)
		return "";
	/* Keep the last meaningful line: that is where tools say why. */
	while (ctx->out.len > 0 && (s[ctx->out.len - 1] == '\n' ||
	    s[ctx->out.len - 1] == ' '))
		s[--ctx->out.len] = '\0';
	p = strrchr(s, '\n');
	/* systemctl ends 'See "systemctl status X"...': keep the reason */
	while (p != NULL && nm_startswith(p + 1, "See \"")) {
		*p = '\0';
		ctx->out.len = (size_t)(p - s);
		p = strrchr(s, '\n');
	}
	return p ? p + 1 : s;
}

static int
run_ok(struct nm_exec_ctx *ctx, const char *const *argv, struct nm_error *err)
{
	int rc = nm_exec_run(ctx, argv, err);
	struct nm_buf cmd = { 0 };
	size_t i;

	if (rc == 0)
		return 0;
	if (rc < 0)
		return -1;
	for (i = 0; argv[i] != NULL; i++)
		nm_buf_printf(&cmd, "%s%s", i ? " " : "", argv[i]);
	nm_seterr(err, NM_ERR_SYS, "'%s' failed (exit %d): %s", cmd.s, rc,
	    out_line(ctx));
	nm_buf_free(&cmd);
	return -1;
}

/* ------------------------------------------------------------------ */
/* Names and paths                                                      */

/* snprintf for paths; too-long results are cut and caught by safe_path. */
static int pf(char *, size_t, const char *, ...) NM_PRINTF(3, 4);
static int
pf(char *out, size_t n, const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = vsnprintf(out, n, fmt, ap);
	va_end(ap);
	return r;
}

/* Unit and service names go to commands as arguments: no options. */
static bool
safe_name(const char *s)
{
	const char *p;

	if (s == NULL || s[0] == '\0' || s[0] == '-' || s[0] == '.' ||
	    strlen(s) > 255)
		return false;
	for (p = s; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr(":_.@-\\", *p)))
			return false;
	return true;
}

static bool
safe_path(const char *s)
{
	return s != NULL && s[0] == '/' && strstr(s, "/../") == NULL &&
	    !nm_endswith(s, "/..") && strlen(s) < 4000;
}

/* sysv/runit/openrc name of a unit: "exim4.service" -> "exim4". */
static const char *
base_name(struct nm_arena *a, const char *unit)
{
	const char *dot = strrchr(unit, '.');

	if (dot != NULL && (strcmp(dot, ".service") == 0))
		return nm_astrndup(a, unit, (size_t)(dot - unit));
	return unit;
}

static const char *
path_base(const char *p)
{
	const char *s = strrchr(p, '/');

	return s ? s + 1 : p;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* ------------------------------------------------------------------ */
/* Context                                                              */

static bool
is_dir(const char *p)
{
	struct stat st;

	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool
have_runsvdir(void)
{
	DIR *d = opendir("/proc");
	struct dirent *de;
	bool found = false;

	if (d == NULL)
		return false;
	while (!found && (de = readdir(d)) != NULL) {
		char path[64], comm[64] = "";
		FILE *f;

		if (de->d_name[0] < '1' || de->d_name[0] > '9')
			continue;
		pf(path, sizeof(path), "/proc/%.20s/comm", de->d_name);
		if ((f = fopen(path, "r")) == NULL)
			continue;
		if (fgets(comm, sizeof(comm), f) != NULL &&
		    strcmp(comm, "runsvdir\n") == 0)
			found = true;
		fclose(f);
	}
	closedir(d);
	return found;
}

int
nm_exec_init(struct nm_exec_ctx *ctx, int mgr, const char *root,
    struct nm_error *err)
{
	const char *v;
	static char userdir[4096], rootdir[4096];

	memset(ctx, 0, sizeof(*ctx));
	ctx->timeout = 90;
	if ((v = getenv("NETMIN_EXEC_TIMEOUT")) != NULL)
		nm_parse_int(v, strlen(v), 1, 3600, &ctx->timeout);
	ctx->etc = "/etc";
	if (mgr == NM_MGR_NONE) {
		/* Same test as sd_booted(3), then the others by their marks. */
		if (root != NULL)
			mgr = NM_MGR_SYSTEMD_OFFLINE;
		else if (is_dir("/run/systemd/system"))
			mgr = NM_MGR_SYSTEMD;
		else if (have_runsvdir())
			mgr = NM_MGR_RUNIT;
		else if (access("/sbin/openrc", X_OK) == 0 ||
		    access("/usr/sbin/openrc", X_OK) == 0)
			mgr = NM_MGR_OPENRC;
		else if (is_dir("/etc/init.d"))
			mgr = NM_MGR_SYSV;
		else
			return nm_seterr(err, NM_ERR_UNSUPPORTED, "no service "
			    "manager found (no running systemd, runit, "
			    "OpenRC or /etc/init.d); name one with "
			    "--manager");
	}
	ctx->mgr = mgr;
	switch (mgr) {
	case NM_MGR_SYSTEMD:
		ctx->unit_dir = "/etc/systemd/system";
		break;
	case NM_MGR_SYSTEMD_USER:
		if ((v = getenv("XDG_CONFIG_HOME")) != NULL && v[0] == '/')
			pf(userdir, sizeof(userdir), "%s/systemd/user",
			    v);
		else if ((v = getenv("HOME")) != NULL && v[0] == '/')
			pf(userdir, sizeof(userdir),
			    "%s/.config/systemd/user", v);
		else
			return nm_seterr(err, NM_ERR_USAGE, "systemd-user: "
			    "neither XDG_CONFIG_HOME nor HOME is set");
		ctx->unit_dir = userdir;
		break;
	case NM_MGR_SYSTEMD_OFFLINE:
		if (root == NULL || !safe_path(root) || !is_dir(root))
			return nm_seterr(err, NM_ERR_USAGE, "systemd-offline "
			    "needs --root DIR, an existing folder");
		ctx->root = root;
		pf(rootdir, sizeof(rootdir), "%s/etc/systemd/system",
		    strcmp(root, "/") == 0 ? "" : root);
		ctx->unit_dir = rootdir;
		break;
	case NM_MGR_RUNIT:
		ctx->svdir = (v = getenv("SVDIR")) != NULL && v[0] == '/' ?
		    v : "/etc/service";
		ctx->svsrc = (v = getenv("NETMIN_RUNIT_SV")) != NULL &&
		    v[0] == '/' ? v : "/etc/sv";
		break;
	case NM_MGR_SYSV:
	case NM_MGR_OPENRC:
		break;
	case NM_MGR_WINDOWS:
		return nm_seterr(err, NM_ERR_USAGE, "this journal or plan is for "
		    "Windows (manager windows): run netmin.exe on that host");
	default:
		return nm_seterr(err, NM_ERR_USAGE, "unknown service manager");
	}
	return 0;
}

void
nm_exec_init_bare(struct nm_exec_ctx *ctx)
{
	const char *v;

	memset(ctx, 0, sizeof(*ctx));
	ctx->timeout = 90;
	if ((v = getenv("NETMIN_EXEC_TIMEOUT")) != NULL)
		nm_parse_int(v, strlen(v), 1, 3600, &ctx->timeout);
	ctx->mgr = NM_MGR_NONE;
	ctx->etc = "/etc";
}

void
nm_exec_free(struct nm_exec_ctx *ctx)
{
	nm_buf_free(&ctx->out);
}

static bool
is_systemd(const struct nm_exec_ctx *ctx)
{
	return ctx->mgr == NM_MGR_SYSTEMD || ctx->mgr == NM_MGR_SYSTEMD_USER ||
	    ctx->mgr == NM_MGR_SYSTEMD_OFFLINE;
}

static bool
live(const struct nm_exec_ctx *ctx)
{
	return ctx->mgr != NM_MGR_SYSTEMD_OFFLINE;
}

/* systemctl [--user|--root=DIR] VERB UNIT */
static int
systemctl(struct nm_exec_ctx *ctx, const char *verb, const char *unit,
    bool check, struct nm_error *err)
{
	const char *argv[8];
	char rootopt[4200];
	size_t n = 0;

	argv[n++] = "systemctl";
	if (ctx->mgr == NM_MGR_SYSTEMD_USER)
		argv[n++] = "--user";
	if (ctx->mgr == NM_MGR_SYSTEMD_OFFLINE) {
		pf(rootopt, sizeof(rootopt), "--root=%s", ctx->root);
		argv[n++] = rootopt;
	}
	argv[n++] = "--no-pager";
	argv[n++] = verb;
	if (unit != NULL) {
		argv[n++] = "--";
		argv[n++] = unit;
	}
	argv[n] = NULL;
	return check ? run_ok(ctx, argv, err) : nm_exec_run(ctx, argv, err);
}

/* ------------------------------------------------------------------ */
/* Links: the file-system entries that enable a unit                    */

struct links {
	NM_VEC(const char *) v;
	struct nm_arena	*a;
};

static void
add_entry(struct links *l, const char *path)
{
	char target[4096];
	ssize_t n;
	struct stat st;

	if (lstat(path, &st) != 0)
		return;
	if (S_ISLNK(st.st_mode)) {
		n = readlink(path, target, sizeof(target) - 1);
		if (n < 0)
			return;
		target[n] = '\0';
		*NM_VEC_PUSH(&l->v) = nm_asprintf(l->a, "%s\t%s", path,
		    target);
	} else if (S_ISREG(st.st_mode)) {
		/* runit down files: present or not; empty target */
		*NM_VEC_PUSH(&l->v) = nm_asprintf(l->a, "%s\t", path);
	}
}

/* Links in dir (and its *.wants/-like subfolders) naming unit. */
static void
scan_unit_links(struct links *l, const char *dir, const char *unit,
    int depth)
{
	DIR *d = opendir(dir);
	struct dirent *de;

	if (d == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		char path[4096], target[4096];
		struct stat st;
		ssize_t n;

		if (de->d_name[0] == '.')
			continue;
		if ((size_t)pf(path, sizeof(path), "%s/%s", dir,
		    de->d_name) >= sizeof(path))
			continue;
		if (lstat(path, &st) != 0)
			continue;
		if (S_ISDIR(st.st_mode) && depth == 0 &&
		    (nm_endswith(de->d_name, ".wants") ||
		    nm_endswith(de->d_name, ".requires") ||
		    nm_endswith(de->d_name, ".upholds"))) {
			scan_unit_links(l, path, unit, 1);
			continue;
		}
		if (!S_ISLNK(st.st_mode))
			continue;
		n = readlink(path, target, sizeof(target) - 1);
		if (n < 0)
			continue;
		target[n] = '\0';
		if (strcmp(de->d_name, unit) == 0 ||
		    strcmp(path_base(target), unit) == 0)
			add_entry(l, path);
	}
	closedir(d);
}

/* /etc/rc?.d/[SK]NNname (sysv, and systemd's sysv-install on Debian). */
static void
scan_rc_links(struct links *l, const char *etc, const char *name)
{
	static const char levels[] = "0123456S";
	size_t i;

	for (i = 0; levels[i]; i++) {
		char dir[4096];
		DIR *d;
		struct dirent *de;

		pf(dir, sizeof(dir), "%s/rc%c.d", etc, levels[i]);
		if ((d = opendir(dir)) == NULL)
			continue;
		while ((de = readdir(d)) != NULL) {
			const char *s = de->d_name;
			char path[4096];

			if ((s[0] != 'S' && s[0] != 'K') || s[1] < '0' ||
			    s[1] > '9' || s[2] < '0' || s[2] > '9' ||
			    strcmp(s + 3, name) != 0)
				continue;
			pf(path, sizeof(path), "%s/%s", dir, s);
			add_entry(l, path);
		}
		closedir(d);
	}
}

static void
scan_openrc_links(struct links *l, const char *etc, const char *name)
{
	char dir[4096];
	DIR *d;
	struct dirent *de;

	pf(dir, sizeof(dir), "%s/runlevels", etc);
	if ((d = opendir(dir)) == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		char path[4096];

		if (de->d_name[0] == '.')
			continue;
		pf(path, sizeof(path), "%s/%s/%s", dir, de->d_name, name);
		add_entry(l, path);
	}
	closedir(d);
}

/* runit: the folder a service link resolves to ("/etc/sv/NAME"). */
static const char *
runit_src(struct nm_exec_ctx *ctx, struct nm_arena *a, const char *name)
{
	char link[4096], target[4096];
	ssize_t n;

	pf(link, sizeof(link), "%s/%s", ctx->svdir, name);
	n = readlink(link, target, sizeof(target) - 1);
	if (n > 0) {
		target[n] = '\0';
		if (target[0] == '/')
			return nm_astrdup(a, target);
		return nm_asprintf(a, "%s/%s", ctx->svdir, target);
	}
	if (is_dir(link))
		return nm_astrdup(a, link);
	return nm_asprintf(a, "%s/%s", ctx->svsrc, name);
}

static const char *
etc_dir(struct nm_exec_ctx *ctx, struct nm_arena *a)
{
	if (ctx->mgr == NM_MGR_SYSTEMD_OFFLINE && strcmp(ctx->root, "/") != 0)
		return nm_asprintf(a, "%s/etc", ctx->root);
	return ctx->etc;
}

static void
collect_links(struct nm_exec_ctx *ctx, struct nm_arena *a, const char *unit,
    struct nm_prior *p)
{
	struct links l = { .a = a };
	const char *name = base_name(a, unit);
	const char *etc = etc_dir(ctx, a);
	char initd[4096];

	switch (ctx->mgr) {
	case NM_MGR_SYSTEMD:
	case NM_MGR_SYSTEMD_OFFLINE:
		scan_unit_links(&l, ctx->unit_dir, unit, 0);
		/* systemctl enable/disable runs systemd-sysv-install too */
		pf(initd, sizeof(initd), "%s/init.d/%s", etc, name);
		if (name != unit && access(initd, F_OK) == 0)
			scan_rc_links(&l, etc, name);
		break;
	case NM_MGR_SYSTEMD_USER:
		scan_unit_links(&l, ctx->unit_dir, unit, 0);
		break;
	case NM_MGR_SYSV:
		scan_rc_links(&l, etc, name);
		break;
	case NM_MGR_OPENRC:
		scan_openrc_links(&l, etc, name);
		break;
	case NM_MGR_RUNIT: {
		char path[4096];

		pf(path, sizeof(path), "%s/%s", ctx->svdir, name);
		add_entry(&l, path);
		pf(path, sizeof(path), "%s/down", runit_src(ctx, a,
		    name));
		add_entry(&l, path);
		break;
	}
	}
	if (l.v.n > 1)
		qsort(l.v.v, l.v.n, sizeof(*l.v.v), cmp_str);
	p->links = nm_aalloc(a, (l.v.n ? l.v.n : 1) * sizeof(*p->links));
	if (l.v.n)
		memcpy(p->links, l.v.v, l.v.n * sizeof(*p->links));
	p->nlinks = l.v.n;
	NM_VEC_FREE(&l.v);
}

/*
 * Makes the link set for unit exactly `want`: removes entries that are
 * there and not wanted, creates the wanted ones that are missing.  Returns
 * 1 when nothing had to change.
 */
static int
restore_links(struct nm_exec_ctx *ctx, struct nm_arena *a, const char *unit,
    const char *const *want, size_t nwant, struct nm_error *err)
{
	struct nm_prior now = { 0 };
	size_t i, k;
	bool changed = false;

	collect_links(ctx, a, unit, &now);
	for (i = 0; i < now.nlinks; i++) {
		bool keep = false;
		char *path;

		for (k = 0; k < nwant && !keep; k++)
			keep = strcmp(now.links[i], want[k]) == 0;
		if (keep)
			continue;
		path = nm_astrdup(a, now.links[i]);
		*strchr(path, '\t') = '\0';
		if (unlink(path) != 0 && errno != ENOENT)
			return nm_seterr(err, NM_ERR_IO, "cannot remove %s: %s",
			    path, strerror(errno));
		nm_fs_sync_dir_of(path, NULL);
		changed = true;
	}
	for (k = 0; k < nwant; k++) {
		bool have = false;
		char *path, *target, *slash;

		for (i = 0; i < now.nlinks && !have; i++)
			have = strcmp(now.links[i], want[k]) == 0;
		if (have)
			continue;
		path = nm_astrdup(a, want[k]);
		if ((target = strchr(path, '\t')) == NULL || path[0] != '/')
			return nm_seterr(err, NM_ERR_INPUT, "bad link record "
			    "'%s'", want[k]);
		*target++ = '\0';
		if ((slash = strrchr(path, '/')) != NULL && slash != path) {
			*slash = '\0';
			if (nm_fs_mkdirs(path, 0755, err) != 0)
				return -1;
			*slash = '/';
		}
		unlink(path);	/* a wrong entry of the same name */
		if (target[0] == '\0') {
			int fd = open(path, O_WRONLY | O_CREAT | O_EXCL |
			    O_CLOEXEC, 0644);

			if (fd < 0)
				return nm_seterr(err, NM_ERR_IO, "cannot create "
				    "%s: %s", path, strerror(errno));
			fsync(fd);
			close(fd);
		} else if (symlink(target, path) != 0) {
			return nm_seterr(err, NM_ERR_IO, "cannot link %s -> %s: "
			    "%s", path, target, strerror(errno));
		}
		nm_fs_sync_dir_of(path, NULL);
		changed = true;
	}
	(void)ctx;
	return changed ? 0 : 1;
}

/* ------------------------------------------------------------------ */
/* Unit state                                                           */

static int
unit_active(struct nm_exec_ctx *ctx, struct nm_arena *a, const char *unit,
    bool *active, struct nm_error *err)
{
	const char *name = base_name(a, unit);
	int rc;

	*active = false;
	switch (ctx->mgr) {
	case NM_MGR_SYSTEMD:
	case NM_MGR_SYSTEMD_USER:
		rc = systemctl(ctx, "is-active", unit, false, err);
		if (rc < 0)
			return -1;
		*active = nm_startswith(nm_skipws(ctx->out.s), "active") ||
		    nm_startswith(nm_skipws(ctx->out.s), "activating") ||
		    nm_startswith(nm_skipws(ctx->out.s), "reloading") ||
		    nm_startswith(nm_skipws(ctx->out.s), "deactivating");
		return 0;
	case NM_MGR_SYSTEMD_OFFLINE:
		return 0;
	case NM_MGR_SYSV: {
		const char *argv[] = { "service", name, "status", NULL };

		rc = nm_exec_run(ctx, argv, err);
		if (rc < 0)
			return -1;
		*active = rc == 0;	/* LSB: 0 running, 3 not running */
		return 0;
	}
	case NM_MGR_OPENRC: {
		const char *argv[] = { "rc-service", name, "status", NULL };

		rc = nm_exec_run(ctx, argv, err);
		if (rc < 0)
			return -1;
		*active = rc == 0;
		return 0;
	}
	case NM_MGR_RUNIT: {
		char svc[4096];
		const char *argv[] = { "sv", "status", svc, NULL };

		pf(svc, sizeof(svc), "%s/%s", ctx->svdir, name);
		rc = nm_exec_run(ctx, argv, err);
		if (rc < 0)
			return -1;
		*active = nm_startswith(nm_skipws(ctx->out.s), "run:");
		return 0;
	}
	}
	return nm_seterr(err, NM_ERR_UNSUPPORTED, "no service manager");
}

static int
unit_enablement(struct nm_exec_ctx *ctx, struct nm_arena *a,
    const char *unit, struct nm_prior *p, struct nm_error *err)
{
	size_t i;
	bool down = false, link = false, start = false;

	if (is_systemd(ctx)) {
		char word[64] = "";

		if (systemctl(ctx, "is-enabled", unit, false, err) < 0)
			return -1;
		sscanf(nm_skipws(ctx->out.s ? ctx->out.s : ""), "%63s", word);
		if (word[0] == '\0' || strstr(ctx->out.s, "No such file") ||
		    strstr(ctx->out.s, "not found"))
			nm_strlcpy(word, "not-found", sizeof(word));
		p->enablement = nm_astrdup(a, word);
		return 0;
	}
	for (i = 0; i < p->nlinks; i++) {
		const char *path = p->links[i];
		const char *tab = strchr(path, '\t');
		size_t plen = (size_t)(tab - path);

		if (ctx->mgr == NM_MGR_RUNIT) {
			if (plen > 5 && memcmp(path + plen - 5, "/down", 5) == 0)
				down = true;
			else
				link = true;
		} else if (ctx->mgr == NM_MGR_SYSV) {
			const char *b = memrchr(path, '/', plen);

			/* started in a multi-user runlevel or at boot */
			if (b && b[1] == 'S' && b > path + 4 &&
			    strchr("2345S", b[-3]) != NULL)
				start = true;
		} else {
			start = true;	/* openrc: in some runlevel */
		}
	}
	if (ctx->mgr == NM_MGR_RUNIT)
		p->enablement = !link ? "masked" : down ? "disabled" :
		    "enabled";
	else
		p->enablement = start ? "enabled" : "disabled";
	return 0;
}

/* ------------------------------------------------------------------ */
/* Files                                                                */

static int
read_file_state(const char *path, struct nm_arena *a, struct nm_prior *p,
    bool want_dir, struct nm_error *err)
{
	struct stat st;
	int fd;
	char *data;
	size_t got = 0;

	p->have = true;
	p->exists = false;
	if (lstat(path, &st) != 0) {
		if (errno == ENOENT)
			return 0;
		return nm_seterr(err, NM_ERR_IO, "cannot read %s: %s", path,
		    strerror(errno));
	}
	if (S_ISLNK(st.st_mode))
		return nm_seterr(err, NM_ERR_INPUT, "%s is a symbolic link; "
		    "netmin edits only regular files (edit its target)", path);
	if (want_dir != !!S_ISDIR(st.st_mode))
		return nm_seterr(err, NM_ERR_INPUT, "%s is %s", path,
		    want_dir ? "not a folder" : "not a regular file");
	p->exists = true;
	p->mode = (int)(st.st_mode & 07777);
	p->uid = (int)st.st_uid;
	p->gid = (int)st.st_gid;
	if (want_dir)
		return 0;
	if (!S_ISREG(st.st_mode) || (size_t)st.st_size > FILE_LIMIT)
		return nm_seterr(err, NM_ERR_INPUT, "%s: not a regular file "
		    "under 16 MiB", path);
	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)) < 0)
		return nm_seterr(err, NM_ERR_IO, "cannot open %s: %s", path,
		    strerror(errno));
	data = nm_aalloc(a, (size_t)st.st_size + 1);
	while (got < (size_t)st.st_size) {
		ssize_t n = read(fd, data + got, (size_t)st.st_size - got);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		got += (size_t)n;
	}
	close(fd);
	p->data = data;
	p->len = got;
	return 0;
}

/*
 * Replaces path atomically with data, mode and owner: a temporary file in
 * the same folder, synced, renamed over, folder synced.  A crash leaves the
 * old or the new file, never a mix.
 */
static int
write_atomic(const char *path, const char *data, size_t len, int mode,
    int uid, int gid, struct nm_error *err)
{
	char tmp[4200];
	int fd;

	pf(tmp, sizeof(tmp), "%s.netmin-tmp", path);
	unlink(tmp);		/* left by an earlier crash */
	fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW,
	    0600);
	if (fd < 0)
		return nm_seterr(err, NM_ERR_IO, "cannot create %s: %s", tmp,
		    strerror(errno));
	if (nm_fs_write_all(fd, data, len, tmp, err) != 0 ||
	    (uid >= 0 && fchown(fd, (uid_t)uid, (gid_t)gid) != 0 &&
	    nm_seterr(err, NM_ERR_IO, "cannot set owner of %s: %s", tmp,
	    strerror(errno))) ||
	    (fchmod(fd, (mode_t)mode) != 0 && nm_seterr(err, NM_ERR_IO,
	    "cannot set mode of %s: %s", tmp, strerror(errno))) ||
	    nm_fs_sync(fd, tmp, err) != 0) {
		close(fd);
		unlink(tmp);
		return -1;
	}
	close(fd);
	if (rename(tmp, path) != 0) {
		int e = errno;

		unlink(tmp);
		return nm_seterr(err, NM_ERR_IO, "cannot replace %s: %s", path,
		    strerror(e));
	}
	return nm_fs_sync_dir_of(path, err);
}

static int
remove_durable(const char *path, struct nm_error *err)
{
	if (unlink(path) != 0 && errno != ENOENT)
		return nm_seterr(err, NM_ERR_IO, "cannot remove %s: %s", path,
		    strerror(errno));
	return nm_fs_sync_dir_of(path, err);
}

/* Does the file now hold exactly what p recorded? */
static bool
file_matches(const struct nm_prior *now, const struct nm_prior *p)
{
	if (now->exists != p->exists)
		return false;
	if (!p->exists)
		return true;
	return now->len == p->len && (p->len == 0 ||
	    memcmp(now->data, p->data, p->len) == 0) &&
	    now->mode == p->mode && now->uid == p->uid && now->gid == p->gid;
}

/* ------------------------------------------------------------------ */
/* Ops                                                                  */

bool
nm_exec_unit_exists(struct nm_exec_ctx *ctx, const char *unit)
{
	struct nm_arena a = { 0 };
	struct nm_prior p = { 0 };
	struct nm_error err = { 0 };
	char path[4096];
	const char *name = base_name(&a, unit);
	bool ok = false;

	if (!safe_name(unit)) {
		nm_afree(&a);
		return false;
	}
	switch (ctx->mgr) {
	case NM_MGR_SYSTEMD:
	case NM_MGR_SYSTEMD_USER:
	case NM_MGR_SYSTEMD_OFFLINE:
		ok = unit_enablement(ctx, &a, unit, &p, &err) == 0 &&
		    strcmp(p.enablement, "not-found") != 0;
		break;
	case NM_MGR_SYSV:
	case NM_MGR_OPENRC:
		pf(path, sizeof(path), "%s/init.d/%s", ctx->etc, name);
		ok = access(path, X_OK) == 0;
		break;
	case NM_MGR_RUNIT:
		pf(path, sizeof(path), "%s/run", runit_src(ctx, &a,
		    name));
		ok = access(path, X_OK) == 0;
		break;
	}
	nm_afree(&a);
	return ok;
}

int
nm_exec_units_for(struct nm_exec_ctx *ctx, const char *name,
    struct nm_arena *a, const char ***units, size_t *n, struct nm_error *err)
{
	const char **u = nm_aalloc(a, 3 * sizeof(*u));
	const char *svc = name, *sock = NULL;

	*n = 0;
	*units = u;
	if (!safe_name(name))
		return nm_seterr(err, NM_ERR_INPUT, "bad service name '%s'",
		    name);
	if (!is_systemd(ctx)) {
		u[(*n)++] = base_name(a, name);
		return 0;
	}
	if (nm_endswith(name, ".socket")) {
		sock = name;
		svc = nm_asprintf(a, "%.*s.service", (int)(strlen(name) - 7),
		    name);
	} else if (strchr(name, '.') == NULL ||
	    (!nm_endswith(name, ".service") && !nm_endswith(name, ".path") &&
	    !nm_endswith(name, ".timer") && !nm_endswith(name, ".target"))) {
		svc = nm_asprintf(a, "%s.service", name);
	}
	if (sock == NULL && nm_endswith(svc, ".service")) {
		char *s = nm_asprintf(a, "%.*s.socket",
		    (int)(strlen(svc) - 8), svc);

		if (nm_exec_unit_exists(ctx, s))
			sock = s;
	}
	if (sock != NULL)
		u[(*n)++] = sock;
	if (nm_exec_unit_exists(ctx, svc) || sock == NULL)
		u[(*n)++] = svc;
	return 0;
}

int
nm_op_read_prior(struct nm_exec_ctx *ctx, struct nm_op *op,
    struct nm_arena *a, struct nm_error *err)
{
	struct nm_prior *p = &op->prior;

	memset(p, 0, sizeof(*p));
	if (nm_op_is_unit(op) || op->kind == NM_OP_RESTART) {
		if (!safe_name(op->unit))
			return nm_seterr(err, NM_ERR_INPUT, "bad unit name "
			    "'%s'", op->unit ? op->unit : "");
		if (unit_active(ctx, a, op->unit, &p->active, err) != 0)
			return -1;
		if (op->kind != NM_OP_RESTART) {
			collect_links(ctx, a, op->unit, p);
			if (unit_enablement(ctx, a, op->unit, p, err) != 0)
				return -1;
		}
		p->have = true;
		return 0;
	}
	switch (op->kind) {
	case NM_OP_NFT_TABLE:
		return nm_nft_prior(ctx, a, p, err);
	case NM_OP_FILE_WRITE:
	case NM_OP_FILE_REMOVE:
		if (!safe_path(op->path))
			return nm_seterr(err, NM_ERR_INPUT, "bad path '%s'",
			    op->path ? op->path : "");
		return read_file_state(op->path, a, p, false, err);
	case NM_OP_MKDIR:
		if (!safe_path(op->path))
			return nm_seterr(err, NM_ERR_INPUT, "bad path '%s'",
			    op->path ? op->path : "");
		return read_file_state(op->path, a, p, true, err);
	default:
		p->have = true;
		return 0;
	}
}

/* Commands whose output is a pure function of files the journal restores. */
static bool
allowed_run(const char *const *argv)
{
	static const char *const ok[] = { "update-exim4.conf", NULL };
	size_t i;

	if (argv == NULL || argv[0] == NULL)
		return false;
	for (i = 0; ok[i] != NULL; i++)
		if (strcmp(path_base(argv[0]), ok[i]) == 0)
			return argv[1] == NULL;
	return false;
}

static int
unit_verb(struct nm_exec_ctx *ctx, struct nm_arena *a, int kind,
    const char *unit, struct nm_error *err)
{
	const char *name = base_name(a, unit);
	char svc[4096];

	if (is_systemd(ctx)) {
		static const char *const verbs[NM_OP__COUNT] = {
			[NM_OP_UNIT_STOP] = "stop",
			[NM_OP_UNIT_START] = "start",
			[NM_OP_UNIT_DISABLE] = "disable",
			[NM_OP_UNIT_ENABLE] = "enable",
			[NM_OP_UNIT_MASK] = "mask",
			[NM_OP_UNIT_UNMASK] = "unmask",
			[NM_OP_RESTART] = "try-restart",
		};

		if (!live(ctx) && (kind == NM_OP_UNIT_STOP ||
		    kind == NM_OP_UNIT_START || kind == NM_OP_RESTART))
			return 0;	/* nothing runs in an offline tree */
		return systemctl(ctx, verbs[kind], unit, true, err);
	}
	switch (ctx->mgr) {
	case NM_MGR_SYSV: {
		const char *argv[4] = { "service", name, NULL, NULL };
		const char *rc[5] = { "update-rc.d", name, NULL, NULL, NULL };

		switch (kind) {
		case NM_OP_UNIT_STOP: argv[2] = "stop"; break;
		case NM_OP_UNIT_START: argv[2] = "start"; break;
		case NM_OP_RESTART: {
			bool on;

			if (unit_active(ctx, a, unit, &on, err) != 0)
				return -1;
			if (!on)
				return 0;
			argv[2] = "restart";
			break;
		}
		case NM_OP_UNIT_DISABLE:
		case NM_OP_UNIT_MASK:	/* sysv has no mask: disable */
			rc[2] = "disable";
			return run_ok(ctx, rc, err);
		default:
			rc[2] = "enable";
			return run_ok(ctx, rc, err);
		}
		return run_ok(ctx, argv, err);
	}
	case NM_MGR_OPENRC: {
		const char *argv[5] = { "rc-service", name, NULL, NULL, NULL };
		const char *rc[5] = { "rc-update", NULL, name, "default", NULL };

		switch (kind) {
		case NM_OP_UNIT_STOP: argv[2] = "stop"; break;
		case NM_OP_UNIT_START: argv[2] = "start"; break;
		case NM_OP_RESTART:
			argv[2] = "--ifstarted";
			argv[3] = "restart";
			break;
		case NM_OP_UNIT_DISABLE:
		case NM_OP_UNIT_MASK:
			rc[1] = "del";
			return run_ok(ctx, rc, err);
		default:
			rc[1] = "add";
			return run_ok(ctx, rc, err);
		}
		return run_ok(ctx, argv, err);
	}
	case NM_MGR_RUNIT: {
		/* the LSB verbs wait (-w) until runsv reports the change */
		const char *argv[6] = { "sv", "-w", "30", NULL, svc, NULL };
		const char *src = runit_src(ctx, a, name);
		char path[4096];

		pf(svc, sizeof(svc), "%s/%s", ctx->svdir, name);
		switch (kind) {
		case NM_OP_UNIT_STOP: argv[3] = "stop"; break;
		case NM_OP_UNIT_START: argv[3] = "start"; break;
		case NM_OP_RESTART: argv[3] = "try-restart"; break;
		case NM_OP_UNIT_DISABLE: {
			/* A down file: runsv leaves the service down. */
			int fd;

			pf(path, sizeof(path), "%s/down", src);
			fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
			if (fd < 0)
				return nm_seterr(err, NM_ERR_IO, "cannot "
				    "create %s: %s", path, strerror(errno));
			fsync(fd);
			close(fd);
			return nm_fs_sync_dir_of(path, err);
		}
		case NM_OP_UNIT_ENABLE:
			pf(path, sizeof(path), "%s/down", src);
			return remove_durable(path, err);
		case NM_OP_UNIT_MASK:
			/* Without its link runsvdir stops supervising it. */
			return remove_durable(svc, err);
		case NM_OP_UNIT_UNMASK:
			if (symlink(src, svc) != 0 && errno != EEXIST)
				return nm_seterr(err, NM_ERR_IO, "cannot link "
				    "%s: %s", svc, strerror(errno));
			return nm_fs_sync_dir_of(svc, err);
		default:
			return nm_seterr(err, NM_ERR_UNSUPPORTED, "bad op");
		}
		return run_ok(ctx, argv, err);
	}
	}
	return nm_seterr(err, NM_ERR_UNSUPPORTED, "no service manager");
}

/* runsv takes a moment to notice a new service link; sv needs it. */
static void
runit_wait_supervised(struct nm_exec_ctx *ctx, struct nm_arena *a,
    const char *unit)
{
	char ok[4200];
	int i;

	pf(ok, sizeof(ok), "%s/supervise/ok", runit_src(ctx, a,
	    base_name(a, unit)));
	for (i = 0; i < 150; i++) {	/* runsvdir rescans every 5 s */
		int fd = open(ok, O_WRONLY | O_NONBLOCK | O_CLOEXEC);

		if (fd >= 0) {
			close(fd);
			return;
		}
		usleep(100000);
	}
}

int
nm_op_do(struct nm_exec_ctx *ctx, const struct nm_op *op,
    struct nm_error *err)
{
	struct nm_arena a = { 0 };
	int rc = 0;
	const struct nm_prior *p = &op->prior;

	switch (op->kind) {
	case NM_OP_UNIT_STOP:
	case NM_OP_UNIT_START:
	case NM_OP_UNIT_DISABLE:
	case NM_OP_UNIT_ENABLE:
	case NM_OP_UNIT_MASK:
	case NM_OP_UNIT_UNMASK:
	case NM_OP_RESTART:
		if (!safe_name(op->unit)) {
			rc = nm_seterr(err, NM_ERR_INPUT, "bad unit name");
			break;
		}
		if (ctx->mgr == NM_MGR_RUNIT && (op->kind == NM_OP_UNIT_START ||
		    op->kind == NM_OP_RESTART))
			runit_wait_supervised(ctx, &a, op->unit);
		rc = unit_verb(ctx, &a, op->kind, op->unit, err);
		break;
	case NM_OP_FILE_WRITE:
		rc = write_atomic(op->path, op->data, op->len,
		    op->mode >= 0 ? op->mode : p->exists ? p->mode : 0644,
		    p->exists ? p->uid : -1, p->exists ? p->gid : -1, err);
		break;
	case NM_OP_FILE_REMOVE:
		rc = remove_durable(op->path, err);
		break;
	case NM_OP_MKDIR:
		if (mkdir(op->path, (mode_t)(op->mode >= 0 ? op->mode : 0755))
		    != 0 && errno != EEXIST)
			rc = nm_seterr(err, NM_ERR_IO, "cannot create folder "
			    "%s: %s", op->path, strerror(errno));
		else
			rc = nm_fs_sync_dir_of(op->path, err);
		break;
	case NM_OP_RELOAD:
		if (is_systemd(ctx) && live(ctx))
			rc = systemctl(ctx, "daemon-reload", NULL, true, err);
		break;
	case NM_OP_NFT_TABLE:
		rc = nm_nft_do(ctx, op, err);
		break;
	case NM_OP_RUN:
		if (!allowed_run(op->argv)) {
			rc = nm_seterr(err, NM_ERR_INPUT, "'%s' is not a "
			    "command netmin runs", op->argv && op->argv[0] ?
			    op->argv[0] : "");
			break;
		}
		rc = run_ok(ctx, op->argv, err);
		break;
	default:
		rc = nm_seterr(err, NM_ERR_INPUT, "unknown op");
		break;
	}
	nm_afree(&a);
	return rc < 0 ? -1 : 0;
}

int
nm_op_undo(struct nm_exec_ctx *ctx, const struct nm_op *op,
    struct nm_arena *a, struct nm_error *err)
{
	const struct nm_prior *p = &op->prior;
	struct nm_op cur = *op;
	int rc;

	if (!p->have && !nm_op_is_effect(op))
		return 1;	/* crashed before reading: it never ran */
	if (nm_op_is_effect(op)) {
		/* Effects run again once their group's files are back. */
		if (op->kind == NM_OP_RESTART) {
			bool on;

			if (!live(ctx))
				return 1;	/* nothing runs offline */
			if (unit_active(ctx, a, op->unit, &on, err) != 0)
				return -1;
			if (!on && !p->active)
				return 1;
			/*
			 * It ran before, and the new configuration (or a
			 * crash) left it down: try-restart would not start
			 * it again.
			 */
			if (!on) {
				if (ctx->mgr == NM_MGR_RUNIT)
					runit_wait_supervised(ctx, a, op->unit);
				return unit_verb(ctx, a, NM_OP_UNIT_START,
				    op->unit, err) < 0 ? -1 : 0;
			}
		}
		return nm_op_do(ctx, op, err) == 0 ? 0 : -1;
	}
	if (op->kind == NM_OP_NFT_TABLE)
		return nm_nft_undo(ctx, op, a, err);
	if (nm_op_read_prior(ctx, &cur, a, err) != 0)
		return -1;
	switch (op->kind) {
	case NM_OP_UNIT_STOP:
	case NM_OP_UNIT_START:
		if (cur.prior.active == p->active || !live(ctx))
			return 1;
		if (ctx->mgr == NM_MGR_RUNIT && p->active)
			runit_wait_supervised(ctx, a, op->unit);
		rc = unit_verb(ctx, a, p->active ? NM_OP_UNIT_START :
		    NM_OP_UNIT_STOP, op->unit, err);
		return rc < 0 ? -1 : 0;
	case NM_OP_UNIT_DISABLE:
	case NM_OP_UNIT_ENABLE:
	case NM_OP_UNIT_MASK:
	case NM_OP_UNIT_UNMASK:
		rc = restore_links(ctx, a, op->unit, p->links, p->nlinks, err);
		if (rc < 0)
			return -1;
		if (rc == 0 && is_systemd(ctx) && live(ctx) &&
		    systemctl(ctx, "daemon-reload", NULL, true, err) != 0)
			return -1;
		return rc;
	case NM_OP_FILE_WRITE:
	case NM_OP_FILE_REMOVE:
		if (file_matches(&cur.prior, p))
			return 1;
		if (!p->exists)
			return remove_durable(op->path, err) == 0 ? 0 : -1;
		return write_atomic(op->path, p->data, p->len, p->mode, p->uid,
		    p->gid, err) == 0 ? 0 : -1;
	case NM_OP_MKDIR:
		if (p->exists || !cur.prior.exists)
			return 1;
		if (rmdir(op->path) != 0)
			return nm_seterr(err, NM_ERR_IO, "cannot remove folder "
			    "%s: %s (left in place)", op->path,
			    strerror(errno));
		return nm_fs_sync_dir_of(op->path, err) == 0 ? 0 : -1;
	default:
		return nm_seterr(err, NM_ERR_INPUT, "unknown op");
	}
}

#elif !defined(_WIN32) /* exec_win.c has them on Windows */

#include <stdlib.h>
#include <string.h>

int
nm_exec_init(struct nm_exec_ctx *ctx, int mgr, const char *root,
    struct nm_error *err)
{
	(void)mgr;
	(void)root;
	ctx->mgr = NM_MGR_NONE;
	return nm_seterr(err, NM_ERR_UNSUPPORTED, "the Linux executors are "
	    "not in this build");
}

void
nm_exec_init_bare(struct nm_exec_ctx *ctx)
{
	const char *v;

	memset(ctx, 0, sizeof(*ctx));
	ctx->timeout = 90;
	if ((v = getenv("NETMIN_EXEC_TIMEOUT")) != NULL)
		nm_parse_int(v, strlen(v), 1, 3600, &ctx->timeout);
	ctx->mgr = NM_MGR_NONE;
	ctx->etc = "/etc";
}

void
nm_exec_free(struct nm_exec_ctx *ctx)
{
	nm_buf_free(&ctx->out);
}

int
nm_exec_run(struct nm_exec_ctx *ctx, const char *const *argv,
    struct nm_error *err)
{
	(void)ctx;
	(void)argv;
	return nm_seterr(err, NM_ERR_UNSUPPORTED, "not in this build");
}

bool
nm_exec_unit_exists(struct nm_exec_ctx *ctx, const char *unit)
{
	(void)ctx;
	(void)unit;
	return false;
}

int
nm_exec_units_for(struct nm_exec_ctx *ctx, const char *name,
    struct nm_arena *a, const char ***units, size_t *n, struct nm_error *err)
{
	(void)ctx;
	(void)name;
	(void)a;
	*units = NULL;
	*n = 0;
	return nm_seterr(err, NM_ERR_UNSUPPORTED, "not in this build");
}

int
nm_op_read_prior(struct nm_exec_ctx *ctx, struct nm_op *op,
    struct nm_arena *a, struct nm_error *err)
{
	(void)ctx;
	(void)op;
	(void)a;
	return nm_seterr(err, NM_ERR_UNSUPPORTED, "not in this build");
}

int
nm_op_do(struct nm_exec_ctx *ctx, const struct nm_op *op,
    struct nm_error *err)
{
	(void)ctx;
	(void)op;
	return nm_seterr(err, NM_ERR_UNSUPPORTED, "not in this build");
}

int
nm_op_undo(struct nm_exec_ctx *ctx, const struct nm_op *op,
    struct nm_arena *a, struct nm_error *err)
{
	(void)ctx;
	(void)op;
	(void)a;
	return nm_seterr(err, NM_ERR_UNSUPPORTED, "not in this build");
}

#endif /* __linux__, !_WIN32 */
