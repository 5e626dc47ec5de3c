/*
 * src_linux_proc.c - who holds each socket: one pass over /proc/PID/fd
 * maps socket inodes to processes, then each owning process is described
 * once (comm, exe, user, cgroup -> unit and container).
 *
 * This is where ss -p and netstat -p spend their time: they keep fd
 * entries in a fixed-size hash table, so lookups grow with the socket
 * count.  Here the table is sized to the work (twice the sockets the
 * kernel listed, open addressing), every fd link is read with
 * readlinkat() relative to its directory, and only processes that hold a
 * listed socket are read further.
 */
#ifdef __linux__

#include <sys/stat.h>

#include <ctype.h>
#include <dirent.h>
#include <pthread.h>
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cgroup.h"
#include "src_linux.h"

#define NWORK 4		/* most threads that read fd links */

struct ino_table {
	uint32_t	*ino;
	uint32_t	*ref;		/* index + 1 into refs; 0 = empty */
	size_t		 mask;
};

static uint32_t
ino_hash(uint32_t x)
{
	return x * 2654435761u;
}

static void
table_init(struct ino_table *t, const struct nm_lsock *refs, size_t n)
{
	size_t size = 64, i;

	/* Load factor at most 3/4: linear probing stays short. */
	while (size * 3 < n * 4)
		size <<= 1;
	t->ino = nm_xcalloc(size, sizeof(*t->ino));
	t->ref = nm_xcalloc(size, sizeof(*t->ref));
	t->mask = size - 1;
	for (i = 0; i < n; i++) {
		size_t h;

		if (refs[i].ino == 0)	/* time-wait, request sockets */
			continue;
		h = ino_hash(refs[i].ino) & t->mask;
		while (t->ref[h] != 0 && t->ino[h] != refs[i].ino)
			h = (h + 1) & t->mask;
		t->ino[h] = refs[i].ino;
		t->ref[h] = (uint32_t)i + 1;
	}
}

static uint32_t
table_get(const struct ino_table *t, uint32_t ino)
{
	size_t h = ino_hash(ino) & t->mask;

	while (t->ref[h] != 0) {
		if (t->ino[h] == ino)
			return t->ref[h];
		h = (h + 1) & t->mask;
	}
	return 0;
}

static void
table_free(struct ino_table *t)
{
	free(t->ino);
	free(t->ref);
}

struct uidname {
	uint32_t	 uid;
	const char	*name;
};

struct mgr_units {
	int		 pid;
	struct nm_unitdb *db;
	char		*dirs[16];	/* the user search path, NULL-ended */
};

struct scan {
	struct nm_snapshot *snap;
	struct nm_linv	*inv;
	struct nm_owner_scan *o;
	int		 procfd;
	NM_VEC(struct uidname) users;
	char		*passwd;	/* fake root's etc/passwd, or NULL */
	bool		 passwd_read;
	/* Unit files of each service manager that holds a socket. */
	NM_VEC(struct mgr_units) units;
};

/* Reads a small /proc file relative to procfd; returns length or -1. */
static ssize_t
read_small(int dirfd, const char *path, char *buf, size_t cap)
{
	int fd = openat(dirfd, path, O_RDONLY | O_CLOEXEC);
	ssize_t n, total = 0;

	if (fd < 0)
		return -1;
	while ((size_t)total < cap - 1) {
		n = read(fd, buf + total, cap - 1 - (size_t)total);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		total += n;
	}
	close(fd);
	buf[total] = '\0';
	return total;
}

static const char *
passwd_lookup(struct scan *s, uint32_t uid)
{
	const char *p;

	if (!s->passwd_read) {
		struct nm_buf b = { 0 };
		struct nm_error e = { 0 };
		char *path = nm_asprintf(&s->snap->arena, "%s/etc/passwd",
		    s->o->root);

		s->passwd_read = true;
		if (nm_read_file(path, 1 << 20, &b, &e) == 0)
			s->passwd = b.s;
		else
			nm_buf_free(&b);
	}
	for (p = s->passwd; p != NULL && *p != '\0'; ) {
		const char *nl = strchr(p, '\n'), *c1, *c2, *c3;
		size_t ll = nl ? (size_t)(nl - p) : strlen(p);
		long long v;

		c1 = memchr(p, ':', ll);
		c2 = c1 ? memchr(c1 + 1, ':', ll - (size_t)(c1 + 1 - p)) : NULL;
		c3 = c2 ? memchr(c2 + 1, ':', ll - (size_t)(c2 + 1 - p)) : NULL;
		if (c3 != NULL && nm_parse_ll(c2 + 1, (size_t)(c3 - c2 - 1), 0,
		    UINT32_MAX, &v) == 0 && v == uid)
			return nm_astrndup(&s->snap->arena, p,
			    (size_t)(c1 - p));
		p = nl ? nl + 1 : p + ll;
	}
	return NULL;
}

static const char *
user_name(struct scan *s, uint32_t uid)
{
	struct uidname *u;
	const char *name = NULL;
	size_t i;

	for (i = 0; i < s->users.n; i++)
		if (s->users.v[i].uid == uid)
			return s->users.v[i].name;
	if (s->o->fake_root)
		name = passwd_lookup(s, uid);
	else {
		struct passwd pw, *res = NULL;
		char buf[4096];

		if (getpwuid_r(uid, &pw, buf, sizeof(buf), &res) == 0 &&
		    res != NULL)
			name = nm_astrdup(&s->snap->arena, pw.pw_name);
	}
	if (name == NULL)
		name = nm_asprintf(&s->snap->arena, "%u", uid);
	u = NM_VEC_PUSH(&s->users);
	u->uid = uid;
	u->name = name;
	return name;
}

static void
describe(struct scan *s, struct nm_lproc *p)
{
	struct nm_arena *a = &s->snap->arena;
	char path[64], buf[4096];
	ssize_t n;
	struct nm_cgroup cg;

	snprintf(path, sizeof(path), "%d/comm", p->pid);
	if ((n = read_small(s->procfd, path, buf, sizeof(buf))) > 0) {
		while (n > 0 && buf[n - 1] == '\n')
			buf[--n] = '\0';
		p->name = nm_astrdup(a, buf);
	}
	snprintf(path, sizeof(path), "%d/exe", p->pid);
	if ((n = readlinkat(s->procfd, path, buf, sizeof(buf) - 1)) > 0) {
		buf[n] = '\0';
		p->exe = nm_astrdup(a, buf);
	}
	snprintf(path, sizeof(path), "%d/status", p->pid);
	if (read_small(s->procfd, path, buf, sizeof(buf)) > 0) {
		/* "Uid:\treal\teffective\tsaved\tfs": the effective one. */
		const char *u = strstr(buf, "\nUid:");
		unsigned long r, eff;

		if (u != NULL && sscanf(u + 5, "%lu %lu", &r, &eff) == 2)
			p->user = user_name(s, (uint32_t)eff);
	}
	snprintf(path, sizeof(path), "%d/cgroup", p->pid);
	if ((n = read_small(s->procfd, path, buf, sizeof(buf))) > 0 &&
	    nm_cgroup_parse(buf, (size_t)n, &cg) == 0) {
		if (cg.unit[0])
			p->unit = nm_astrdup(a, cg.unit);
		if (cg.manager[0])
			p->manager = nm_astrdup(a, cg.manager);
		if (cg.container[0])
			p->container = nm_astrdup(a, cg.container);
	}
	/* systemd holds the sockets of its .socket units: as PID 1, or as
	   a user manager (its own cgroup is user@UID.service). */
	p->is_manager = p->name != NULL && strcmp(p->name, "systemd") == 0 &&
	    (p->pid == 1 || (p->unit != NULL && p->manager == NULL &&
	    strncmp(p->unit, "user@", 5) == 0));
	if (p->unit != NULL && !p->is_manager) {
		p->services = nm_aalloc(a, sizeof(*p->services));
		p->services[0] = p->unit;
		p->nservices = 1;
	}
}

/*
 * Collecting: every socket descriptor of every process, as (inode, pid).
 * It needs nothing from the kernel's socket list, so it runs while the
 * netlink dump does (src_linux.c).  The readlink() per descriptor is
 * nearly all of the cost, so NWORK threads share it.
 *
 * A small fd directory is read by one worker (PIDs are dealt round).  A
 * big one is shared by fd number, without listing the directory first
 * (listing /proc/PID/fd costs as much again as the links): the workers
 * claim blocks of CHUNK numbers in turn, so one that the netlink dump
 * slowed down takes fewer and all finish together.  Linux 6.2+ gives the
 * number of open fds as the directory's size, so the workers stop once
 * they have found them all between them, or at a block with no fd at
 * all; if they stopped short (a sparse table), the last one to finish
 * lists the directory for the fds above the blocks claimed.
 */
#define BIGDIR	64	/* fds: below this, one worker lists the dir */
#define CHUNK	256	/* fd numbers a worker claims at a time */

struct worker {
	const char	*proc_root;
	const int	*pids;
	atomic_size_t	*found;		/* per PID: fds found by all workers */
	atomic_uint	*done;		/* per PID: workers past the numbers */
	atomic_long	*next;		/* per PID: first unclaimed fd number */
	atomic_bool	*empty;		/* per PID: a claimed block had no fd */
	size_t		 npids;
	unsigned	 id, nwork;
	struct nm_proc_socks ps;
};

/* Reads one fd link; -1 when there is no such fd. */
static int
take(struct worker *w, int fdd, const char *name, int pid)
{
	char link[64];
	ssize_t n;
	uint32_t ino = 0;
	const char *c;
	struct nm_proc_sock *x;

	n = readlinkat(fdd, name, link, sizeof(link) - 1);
	if (n < 0)
		return -1;
	if (n < 10 || memcmp(link, "socket:[", 8) != 0)
		return 0;
	for (c = link + 8; c < link + n && *c >= '0' && *c <= '9'; c++)
		ino = ino * 10 + (uint32_t)(*c - '0');
	x = NM_VEC_PUSH(&w->ps.v);
	x->ino = ino;
	x->pid = pid;
	return 0;
}

/* Lists the directory; takes the fds from number `from` on. */
static void
list_dir(struct worker *w, int fdd, int pid, long from)
{
	struct dirent *de;
	DIR *d;
	int dup_fd = dup(fdd);

	if (dup_fd < 0 || (d = fdopendir(dup_fd)) == NULL) {
		if (dup_fd >= 0)
			close(dup_fd);
		return;
	}
	while ((de = readdir(d)) != NULL) {
		long long fd;

		if (de->d_name[0] < '0' || de->d_name[0] > '9' ||
		    nm_parse_ll(de->d_name, strlen(de->d_name), 0, INT32_MAX,
		    &fd) != 0 || fd < from)
			continue;
		(void)take(w, fdd, de->d_name, pid);
	}
	closedir(d);
}

static void
fd_name(char *out, long fd)
{
	char t[24];
	size_t n = 0;

	do
		t[n++] = (char)('0' + fd % 10);
	while ((fd /= 10) > 0);
	while (n > 0)
		*out++ = t[--n];
	*out = '\0';
}

static void
collect_pid(struct worker *w, int procfd, size_t pi)
{
	int pid = w->pids[pi];
	char path[32], name[24];
	struct stat st;
	long fd, base;
	int fdd;

	snprintf(path, sizeof(path), "%d/fd", pid);
	fdd = openat(procfd, path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fdd < 0) {
		if (w->id == pi % w->nwork && (errno == EACCES ||
		    errno == EPERM))
			w->ps.denied++;
		return;
	}
	if (fstat(fdd, &st) != 0 || st.st_size < BIGDIR || w->nwork == 1) {
		/* Small, or size unknown (before Linux 6.2): one worker
		   lists it (cheaper than guessing at holes). */
		if (w->id == pi % w->nwork) {
			w->ps.seen++;
			list_dir(w, fdd, pid, 0);
		}
		close(fdd);
		return;
	}
	if (w->id == pi % w->nwork)
		w->ps.seen++;
	while (atomic_load(&w->found[pi]) < (size_t)st.st_size &&
	    !atomic_load(&w->empty[pi])) {
		size_t got = 0;

		base = atomic_fetch_add(&w->next[pi], CHUNK);
		for (fd = base; fd < base + CHUNK; fd++) {
			fd_name(name, fd);
			if (take(w, fdd, name, pid) == 0)
				got++;
		}
		if (got == 0)
			atomic_store(&w->empty[pi], true);
		atomic_fetch_add(&w->found[pi], got);
	}
	/* The last worker out lists what lies above the blocks claimed:
	   every block below was read whole. */
	if (atomic_fetch_add(&w->done[pi], 1) + 1 == w->nwork &&
	    atomic_load(&w->found[pi]) < (size_t)st.st_size)
		list_dir(w, fdd, pid, atomic_load(&w->next[pi]));
	close(fdd);
}

static void *
worker_main(void *arg)
{
	struct worker *w = arg;
	int procfd = open(w->proc_root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	size_t i;

	if (procfd < 0) {
		w->ps.error = errno;
		return NULL;
	}
	for (i = 0; i < w->npids; i++)
		collect_pid(w, procfd, i);
	close(procfd);
	return NULL;
}

static int
cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

int
nm_proc_collect(const char *proc_root, struct nm_proc_socks *ps)
{
	struct worker w[NWORK];
	pthread_t th[NWORK];
	bool started[NWORK] = { false };
	NM_VEC(int) pids = { 0 };
	atomic_size_t *found;
	atomic_uint *done;
	atomic_long *next;
	atomic_bool *empty;
	struct dirent *de;
	size_t at[NWORK] = { 0 }, i;
	unsigned nwork, t;
	long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	DIR *pd;

	if ((pd = opendir(proc_root)) == NULL) {
		ps->error = errno;
		return -1;
	}
	while ((de = readdir(pd)) != NULL) {
		long long pid;

		if (de->d_name[0] < '1' || de->d_name[0] > '9' ||
		    nm_parse_ll(de->d_name, strlen(de->d_name), 1, INT32_MAX,
		    &pid) != 0)
			continue;
		*NM_VEC_PUSH(&pids) = (int)pid;
	}
	closedir(pd);
	/* A fake tree need not list in PID order; /proc does. */
	if (pids.n > 1)
		qsort(pids.v, pids.n, sizeof(*pids.v), cmp_int);
	nwork = ncpu < 2 ? 1 : ncpu > NWORK ? NWORK : (unsigned)ncpu;
	found = nm_xcalloc(pids.n ? pids.n : 1, sizeof(*found));
	done = nm_xcalloc(pids.n ? pids.n : 1, sizeof(*done));
	next = nm_xcalloc(pids.n ? pids.n : 1, sizeof(*next));
	empty = nm_xcalloc(pids.n ? pids.n : 1, sizeof(*empty));
	for (i = 0; i < pids.n; i++) {
		atomic_init(&found[i], 0);
		atomic_init(&done[i], 0);
		atomic_init(&next[i], 0);
		atomic_init(&empty[i], false);
	}
	memset(w, 0, sizeof(w));
	for (t = 0; t < nwork; t++) {
		w[t].proc_root = proc_root;
		w[t].pids = pids.v;
		w[t].found = found;
		w[t].done = done;
		w[t].next = next;
		w[t].empty = empty;
		w[t].npids = pids.n;
		w[t].id = t;
		w[t].nwork = nwork;
	}
	for (t = 1; t < nwork; t++)
		started[t] = pthread_create(&th[t], NULL, worker_main,
		    &w[t]) == 0;
	worker_main(&w[0]);
	for (t = 1; t < nwork; t++) {
		if (started[t])
			pthread_join(th[t], NULL);
		else {
			/* No thread: do its share here. */
			worker_main(&w[t]);
		}
	}
	/* Merge the per-worker lists, each in PID order, into one. */
	for (t = 0; t < nwork; t++) {
		ps->seen += w[t].ps.seen;
		ps->denied += w[t].ps.denied;
		if (w[t].ps.error != 0)
			ps->error = w[t].ps.error;
	}
	for (;;) {
		int best = -1;

		for (t = 0; t < nwork; t++)
			if (at[t] < w[t].ps.v.n && (best < 0 ||
			    w[t].ps.v.v[at[t]].pid <
			    w[best].ps.v.v[at[best]].pid))
				best = (int)t;
		if (best < 0)
			break;
		*NM_VEC_PUSH(&ps->v) = w[best].ps.v.v[at[best]++];
	}
	for (t = 0; t < nwork; t++)
		NM_VEC_FREE(&w[t].ps.v);
	NM_VEC_FREE(&pids);
	free(found);
	free(done);
	free(next);
	free(empty);
	return 0;
}

static struct nm_lextra *
extra(struct scan *s, struct nm_lsock *k)
{
	struct nm_lextra *x;

	if (k->extra != 0)
		return &s->inv->extras.v[k->extra - 1];
	x = NM_VEC_PUSH(&s->inv->extras);
	k->extra = (uint32_t)s->inv->extras.n;
	return x;
}

static void
strlist_add(struct nm_arena *a, const char ***v, size_t *n, const char *x)
{
	const char **nv;
	size_t i;

	for (i = 0; i < *n; i++)
		if (strcmp((*v)[i], x) == 0)
			return;
	nv = nm_aalloc(a, (*n + 1) * sizeof(*nv));
	if (*n)
		memcpy(nv, *v, *n * sizeof(*nv));
	nv[*n] = x;
	*v = nv;
	(*n)++;
}

/* VAR from a NUL-separated environment, or NULL. */
static const char *
env_get(const char *env, size_t len, const char *var)
{
	size_t vl = strlen(var), off = 0;

	while (off < len) {
		const char *e = env + off;
		size_t el = strnlen(e, len - off);

		if (el > vl && memcmp(e, var, vl) == 0 && e[vl] == '=')
			return e + vl + 1;
		off += el + 1;
	}
	return NULL;
}

/*
 * A user manager's search path (systemd.unit(5)), from its environment;
 * the files are read in its mount namespace, through /proc/PID/root.
 */
static struct nm_unitdb *
user_units(struct scan *s, struct mgr_units *m)
{
	char env[16384], root[64], *home_cfg = NULL, *home_data = NULL;
	const char *home, *cfg, *data, *run;
	ssize_t n;
	size_t k = 0;

	snprintf(root, sizeof(root), "%d/environ", m->pid);
	n = read_small(s->procfd, root, env, sizeof(env));
	if (n < 0)
		n = 0;
	home = env_get(env, (size_t)n, "HOME");
	cfg = env_get(env, (size_t)n, "XDG_CONFIG_HOME");
	data = env_get(env, (size_t)n, "XDG_DATA_HOME");
	run = env_get(env, (size_t)n, "XDG_RUNTIME_DIR");
	if (cfg == NULL && home != NULL)
		cfg = home_cfg = nm_asprintf(&s->snap->arena, "%s/.config",
		    home);
	if (data == NULL && home != NULL)
		data = home_data = nm_asprintf(&s->snap->arena,
		    "%s/.local/share", home);
	(void)home_cfg;
	(void)home_data;
#define DIR_(...) do { if (k < NM_NELEM(m->dirs) - 1) \
	m->dirs[k++] = nm_asprintf(&s->snap->arena, __VA_ARGS__); } while (0)
	if (cfg != NULL)
		DIR_("%s/systemd/user.control", cfg);
	if (run != NULL) {
		DIR_("%s/systemd/user.control", run);
		DIR_("%s/systemd/transient", run);
	}
	if (cfg != NULL)
		DIR_("%s/systemd/user", cfg);
	DIR_("/etc/systemd/user");
	if (run != NULL)
		DIR_("%s/systemd/user", run);
	DIR_("/run/systemd/user");
	if (data != NULL)
		DIR_("%s/systemd/user", data);
	DIR_("/usr/local/share/systemd/user");
	DIR_("/usr/share/systemd/user");
	DIR_("/usr/local/lib/systemd/user");
	DIR_("/usr/lib/systemd/user");
#undef DIR_
	m->dirs[k] = NULL;
	snprintf(root, sizeof(root), "%s/%d/root", s->o->proc_root, m->pid);
	return nm_unitdb_load(root, (const char *const *)m->dirs);
}

static struct mgr_units *
manager_units(struct scan *s, const struct nm_lproc *p)
{
	struct mgr_units *m;
	size_t i;

	for (i = 0; i < s->units.n; i++)
		if (s->units.v[i].pid == p->pid)
			return &s->units.v[i];
	m = NM_VEC_PUSH(&s->units);
	m->pid = p->pid;
	if (p->pid == 1)
		m->db = nm_unitdb_load(s->o->root, nm_system_unit_dirs);
	else
		m->db = user_units(s, m);
	return m;
}

/*
 * A socket systemd holds belongs to a .socket unit.  Without a running
 * systemd to ask (no D-Bus here, or no systemd at all on an image), the
 * unit files say which: the one whose ListenStream=/ListenDatagram=
 * names this address and port.
 */
static void
socket_unit(struct scan *s, struct nm_lsock *k, size_t i,
    const struct nm_lproc *mgr)
{
	struct nm_endpoint e;
	struct nm_lextra *x;
	const char *m[8], **v;
	size_t n, j;

	nm_linv_endpoint(s->inv, i, &e);
	n = nm_unitdb_match(manager_units(s, mgr)->db, &e, m, NM_NELEM(m));
	x = extra(s, k);
	if (n == 0) {
		if (k->nown == 1)
			x->owner_note = mgr->pid == 1 ? "held by systemd (PID "
			    "1); no .socket unit file lists this address" :
			    "held by a systemd user manager; no .socket unit "
			    "file lists this address";
		return;
	}
	/* The socket unit first: it is what keeps the port open. */
	v = nm_aalloc(&s->snap->arena, (n + e.nservices) * sizeof(*v));
	for (j = 0; j < n; j++)
		v[j] = nm_astrdup(&s->snap->arena, m[j]);
	if (e.nservices)
		memcpy(v + n, e.services, e.nservices * sizeof(*v));
	x->services = v;
	x->nservices = n + e.nservices;
	x->unit = v[0];
	x->unit_manager = mgr->pid == 1 ? NULL : mgr->unit;
	x->unit_set = true;
}

static void
note_unowned(struct scan *s, struct nm_lsock *k)
{
	struct nm_lextra *x;

	if (k->ino == 0)
		return;		/* time-wait and half-open: no file at all */
	s->o->unowned++;
	x = extra(s, k);
	if (s->o->procs_denied > 0 && k->uid != s->o->euid) {
		s->o->hidden++;
		x->owner_note = "owner not visible without root";
	} else
		x->owner_note = "no process here holds it: a kernel socket, "
		    "or its owner is in another PID namespace";
	x->user = user_name(s, k->uid);
}

struct pair {
	uint32_t	 sock, proc;
};

int
nm_owner_scan(struct nm_linv *inv, struct nm_proc_socks *ps,
    struct nm_owner_scan *o, struct nm_error *err)
{
	struct nm_snapshot *snap = inv->snap;
	struct scan s = { .snap = snap, .inv = inv, .o = o };
	struct ino_table t;
	NM_VEC(struct pair) pairs = { 0 };
	uint32_t *start;
	size_t i, j, n = inv->socks.n;

	if (ps->error != 0)
		return nm_seterr(err, NM_ERR_IO, "cannot read %s: %s",
		    o->proc_root, strerror(ps->error));
	o->procs_seen = ps->seen;
	o->procs_denied = ps->denied;
	s.procfd = open(o->proc_root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (s.procfd < 0)
		return nm_seterr(err, NM_ERR_IO, "cannot open %s: %s",
		    o->proc_root, strerror(errno));
	/* Which listed socket each descriptor is, process by process. */
	table_init(&t, inv->socks.v, n);
	for (i = 0; i < ps->v.n; i = j) {
		int pid = ps->v.v[i].pid;
		bool have = false;

		for (j = i; j < ps->v.n && ps->v.v[j].pid == pid; j++) {
			uint32_t r = table_get(&t, ps->v.v[j].ino);
			struct pair *pr;

			if (r == 0)
				continue;
			if (!have) {
				struct nm_lproc *p = NM_VEC_PUSH(&inv->procs);

				p->pid = pid;
				describe(&s, p);
				have = true;
			}
			pr = NM_VEC_PUSH(&pairs);
			pr->sock = r - 1;
			pr->proc = (uint32_t)inv->procs.n - 1;
		}
	}
	table_free(&t);

	/* Owner ranges per socket: counting sort keeps PID order. */
	start = nm_xcalloc(n + 1, sizeof(*start));
	for (i = 0; i < pairs.n; i++)
		start[pairs.v[i].sock + 1]++;
	for (i = 0; i < n; i++)
		start[i + 1] += start[i];
	/* In the arena: eager endpoints point into it and outlive inv. */
	inv->owners = nm_aalloc(&snap->arena, (pairs.n ? pairs.n : 1) *
	    sizeof(*inv->owners));
	inv->owner_proc = nm_xcalloc(pairs.n ? pairs.n : 1,
	    sizeof(*inv->owner_proc));
	inv->nowners = pairs.n;
	for (i = 0; i < n; i++) {
		inv->socks.v[i].own = start[i];
		inv->socks.v[i].nown = 0;
	}
	for (i = 0; i < pairs.n; i++) {
		struct nm_lsock *k = &inv->socks.v[pairs.v[i].sock];
		const struct nm_lproc *p = &inv->procs.v[pairs.v[i].proc];
		size_t at = k->own + k->nown;

		/* The same process through two descriptors is one owner. */
		if (k->nown > 0 && inv->owners[at - 1].pid == p->pid)
			continue;
		inv->owners[at].pid = p->pid;
		inv->owners[at].process = p->name;
		inv->owner_proc[at] = pairs.v[i].proc;
		k->nown++;
	}
	free(start);
	NM_VEC_FREE(&pairs);

	for (i = 0; i < n; i++) {
		struct nm_lsock *k = &inv->socks.v[i];
		struct nm_owner *ow = inv->owners + k->own;
		uint32_t *op = inv->owner_proc + k->own;
		const struct nm_lproc *last;
		size_t m;

		if (k->nown == 0) {
			note_unowned(&s, k);
			continue;
		}
		/* systemd (PID 1 or a user manager) goes last: the
		   service doing the work, if it runs, is the owner worth
		   naming first. */
		if (k->nown > 1 && inv->procs.v[op[0]].is_manager) {
			struct nm_owner first = ow[0];
			uint32_t fp = op[0];

			memmove(ow, ow + 1, (k->nown - 1) * sizeof(*ow));
			memmove(op, op + 1, (k->nown - 1) * sizeof(*op));
			ow[k->nown - 1] = first;
			op[k->nown - 1] = fp;
		}
		if (k->nown > 1) {
			struct nm_lextra *x = extra(&s, k);

			for (m = 0; m < k->nown; m++) {
				const struct nm_lproc *p = &inv->procs.v[op[m]];
				size_t q;

				for (q = 0; q < p->nservices; q++)
					strlist_add(&snap->arena, &x->services,
					    &x->nservices, p->services[q]);
			}
		}
		last = &inv->procs.v[op[k->nown - 1]];
		if (last->is_manager)
			socket_unit(&s, k, i, last);
	}
	/* Owning processes join the snapshot's process list. */
	for (i = 0; i < inv->procs.n; i++) {
		const struct nm_lproc *p = &inv->procs.v[i];
		struct nm_proc *np = NM_VEC_PUSH(&snap->procs);

		np->pid = p->pid;
		np->name = p->name;
		np->exe = p->exe;
		np->user = p->user;
		np->services = p->services;
		np->nservices = p->nservices;
		np->source = inv->source;
	}
	for (i = 0; i < s.units.n; i++)
		nm_unitdb_free(s.units.v[i].db);
	NM_VEC_FREE(&s.units);
	NM_VEC_FREE(&s.users);
	free(s.passwd);
	close(s.procfd);
	return 0;
}

#else
typedef int nm_src_linux_proc_unused;
#endif /* __linux__ */
