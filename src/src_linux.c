/*
 * src_linux.c - the live Linux source: which network namespaces to read,
 * the sock_diag dump of each (src_linux_diag.c), one /proc pass for the
 * owners of all of them (src_linux_proc.c), and the snapshot's host facts.
 *
 * Other namespaces: the calling thread enters the namespace with setns()
 * only to create its two netlink sockets, then returns.  A socket keeps
 * the namespace it was created in, so the dump itself, /proc and
 * everything else run in our own namespace, with no fork.
 *
 * The one thread we do start reads every process's descriptors while
 * the main thread reads the kernel's socket list: the two are
 * independent until the inodes are matched, and on a busy host each is
 * about half the work.
 */
#ifdef __linux__

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/utsname.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/netlink.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "src_linux.h"

struct ns {
	const char	*label;		/* "NAME" or "net:[INODE]" */
	int		 fd;		/* -1: the one we run in */
	unsigned long long ino;
};

struct live {
	struct nm_snapshot *snap;
	const struct nm_live_opts *o;
	const char	*proc_root, *root, *diag_file, *diag_save;
	const char	*source;
	NM_VEC(struct ns) ns;
	size_t		 ns_denied;
	NM_VEC(struct nm_diag_dec) decs;
};

static const char *
opt_or_env(const char *opt, const char *env, const char *def)
{
	const char *v;

	if (opt != NULL)
		return opt;
	v = getenv(env);
	return v != NULL && *v != '\0' ? v : def;
}

/* "net:[4026531840]" -> 4026531840 */
static unsigned long long
ns_link_ino(const char *link)
{
	unsigned long long v = 0;

	if (strncmp(link, "net:[", 5) != 0)
		return 0;
	for (link += 5; *link >= '0' && *link <= '9'; link++)
		v = v * 10 + (unsigned long long)(*link - '0');
	return v;
}

static unsigned long long
ns_ino_at(const char *path)
{
	char link[64];
	ssize_t n = readlink(path, link, sizeof(link) - 1);

	if (n <= 0)
		return 0;
	link[n] = '\0';
	return ns_link_ino(link);
}

/* A name in /run/netns (ip netns) for a namespace inode, if any. */
static const char *
ns_name(struct live *lv, unsigned long long ino)
{
	char dir[4096], path[4096 + 256];
	struct dirent *de;
	const char *name = NULL;
	DIR *d;

	snprintf(dir, sizeof(dir), "%s/run/netns", strcmp(lv->root, "/") ?
	    lv->root : "");
	if ((d = opendir(dir)) == NULL)
		return NULL;
	while (name == NULL && (de = readdir(d)) != NULL) {
		struct stat st;

		if (de->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
		if (stat(path, &st) == 0 && (unsigned long long)st.st_ino == ino)
			name = nm_astrdup(&lv->snap->arena, de->d_name);
	}
	closedir(d);
	return name;
}

static const char *
ns_label(struct live *lv, unsigned long long ino)
{
	const char *n = ns_name(lv, ino);

	if (n != NULL)
		return n;
	return nm_asprintf(&lv->snap->arena, "net:[%llu]", ino);
}

static bool
have_ns(struct live *lv, unsigned long long ino)
{
	size_t i;

	for (i = 0; i < lv->ns.n; i++)
		if (lv->ns.v[i].ino == ino)
			return true;
	return false;
}

static void
add_ns_path(struct live *lv, const char *path, const char *label)
{
	struct stat st;
	struct ns *n;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return;
	if (fstat(fd, &st) != 0 || have_ns(lv, (unsigned long long)st.st_ino)) {
		close(fd);
		return;
	}
	n = NM_VEC_PUSH(&lv->ns);
	n->fd = fd;
	n->ino = (unsigned long long)st.st_ino;
	n->label = label != NULL ? label : ns_label(lv, n->ino);
}

/* Ours, every ip-netns name, and every namespace a process is in. */
static void
all_namespaces(struct live *lv)
{
	char dir[4096], path[4096 + 256];
	struct dirent *de;
	DIR *d;

	snprintf(dir, sizeof(dir), "%s/run/netns", strcmp(lv->root, "/") ?
	    lv->root : "");
	if ((d = opendir(dir)) != NULL) {
		while ((de = readdir(d)) != NULL) {
			if (de->d_name[0] == '.')
				continue;
			snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
			add_ns_path(lv, path, nm_astrdup(&lv->snap->arena,
			    de->d_name));
		}
		closedir(d);
	}
	if ((d = opendir(lv->proc_root)) == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		unsigned long long ino;

		if (de->d_name[0] < '1' || de->d_name[0] > '9')
			continue;
		snprintf(path, sizeof(path), "%s/%s/ns/net", lv->proc_root,
		    de->d_name);
		ino = ns_ino_at(path);
		if (ino == 0 || have_ns(lv, ino))
			continue;
		add_ns_path(lv, path, NULL);
	}
	closedir(d);
}

static int
pick_namespaces(struct live *lv, struct nm_error *err)
{
	char path[4096];
	unsigned long long self;
	struct ns *n;

	snprintf(path, sizeof(path), "%s/thread-self/ns/net", lv->proc_root);
	if ((self = ns_ino_at(path)) == 0) {
		snprintf(path, sizeof(path), "%s/self/ns/net", lv->proc_root);
		self = ns_ino_at(path);
	}
	if (lv->o->netns != NULL) {
		const char *p = lv->o->netns;
		const char *label = p;
		struct stat st;
		int fd;

		if (strchr(p, '/') == NULL) {
			snprintf(path, sizeof(path), "%s/run/netns/%s",
			    strcmp(lv->root, "/") ? lv->root : "", p);
			p = path;
		}
		if ((fd = open(p, O_RDONLY | O_CLOEXEC)) < 0)
			return nm_seterr(err, errno == ENOENT ? NM_ERR_USAGE :
			    NM_ERR_SYS, "cannot open network namespace %s: %s",
			    lv->o->netns, strerror(errno));
		if (fstat(fd, &st) != 0)
			st.st_ino = 0;
		n = NM_VEC_PUSH(&lv->ns);
		n->ino = (unsigned long long)st.st_ino;
		if (n->ino == self) {
			close(fd);
			fd = -1;
		}
		n->fd = fd;
		if (strchr(label, '/') != NULL)
			label = ns_label(lv, n->ino);
		n->label = nm_astrdup(&lv->snap->arena, label);
		return 0;
	}
	n = NM_VEC_PUSH(&lv->ns);
	n->fd = -1;
	n->ino = self;
	n->label = self ? ns_label(lv, self) : NULL;
	if (lv->o->all_netns)
		all_namespaces(lv);
	return 0;
}

/*
 * Creates the sock_diag and route sockets inside namespace n.  Returns 0,
 * or an errno (EPERM without CAP_SYS_ADMIN).
 */
static int
open_sockets(const struct ns *n, int *diagfd, int *routefd)
{
	int self = -1, e = 0;

	*diagfd = *routefd = -1;
	if (n->fd >= 0) {
		self = open("/proc/thread-self/ns/net", O_RDONLY | O_CLOEXEC);
		if (self < 0)
			return errno;
		if (setns(n->fd, CLONE_NEWNET) != 0) {
			e = errno;
			close(self);
			return e;
		}
	}
	*diagfd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC,
	    NETLINK_SOCK_DIAG);
	if (*diagfd < 0)
		e = errno;
	*routefd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
	if (self >= 0) {
		/* Going back cannot fail for a namespace we came from, but
		   if it did, nothing after this would be trustworthy. */
		if (setns(self, CLONE_NEWNET) != 0)
			abort();
		close(self);
	}
	return e;
}

static int
replay(struct live *lv, struct nm_error *err)
{
	struct nm_buf b = { 0 };
	struct nm_diag_dec *d;
	size_t used;

	if (nm_read_file(lv->diag_file, (size_t)256 << 20, &b, err) != 0)
		return -1;
	d = NM_VEC_PUSH(&lv->decs);
	nm_diag_init(d, lv->snap, lv->source, lv->ns.n ? lv->ns.v[0].label :
	    NULL);
	used = nm_diag_feed(d, b.s, b.len);
	if (d->bad || used != b.len) {
		nm_buf_free(&b);
		return nm_seterr(err, NM_ERR_INPUT, "%s: not a netlink "
		    "sock_diag recording", lv->diag_file);
	}
	nm_diag_zones(d);
	nm_buf_free(&b);
	return 0;
}

static int
dump_all(struct live *lv, struct nm_error *err)
{
	struct nm_buf save = { 0 };
	size_t i;
	int rc = 0;

	for (i = 0; i < lv->ns.n && rc == 0; i++) {
		const struct ns *n = &lv->ns.v[i];
		struct nm_diag_dec *d;
		int diagfd, routefd, e;

		if ((e = open_sockets(n, &diagfd, &routefd)) != 0) {
			if (diagfd >= 0)
				close(diagfd);
			if (routefd >= 0)
				close(routefd);
			if (lv->o->netns != NULL || lv->ns.n == 1)
				return nm_seterr(err, e == EPERM ? NM_ERR_PERM :
				    NM_ERR_SYS, "cannot read the sockets of "
				    "network namespace %s: %s%s", n->label ?
				    n->label : "(ours)", strerror(e),
				    e == EPERM ? " (entering it needs root)" :
				    "");
			lv->ns_denied++;
			continue;
		}
		d = NM_VEC_PUSH(&lv->decs);
		nm_diag_init(d, lv->snap, lv->source, n->label);
		rc = nm_diag_dump(diagfd, routefd, d, lv->o->all,
		    lv->diag_save ? &save : NULL, err);
		close(diagfd);
		if (routefd >= 0)
			close(routefd);
	}
	if (rc == 0 && lv->diag_save != NULL) {
		FILE *f = fopen(lv->diag_save, "wb");

		if (f == NULL || fwrite(save.s, 1, save.len, f) != save.len ||
		    fclose(f) != 0)
			rc = nm_seterr(err, NM_ERR_IO, "cannot write %s: %s",
			    lv->diag_save, strerror(errno));
	}
	nm_buf_free(&save);
	return rc;
}

/* Endpoints in a stable, readable order: namespace, protocol, port. */
static struct nm_snapshot *sort_snap;

static int
ep_cmp(const void *a, const void *b)
{
	const struct nm_endpoint *x = &sort_snap->ep.v[*(const uint32_t *)a];
	const struct nm_endpoint *y = &sort_snap->ep.v[*(const uint32_t *)b];
	int c;

	if (x->netns != y->netns && (c = strcmp(x->netns ? x->netns : "",
	    y->netns ? y->netns : "")) != 0)
		return c;
	if (x->proto != y->proto)
		return x->proto - y->proto;
	if (x->lport != y->lport)
		return x->lport - y->lport;
	if (x->family != y->family)
		return x->family - y->family;
	if ((c = strcmp(x->laddr, y->laddr)) != 0)
		return c;
	if (x->rport != y->rport)
		return x->rport - y->rport;
	if ((c = strcmp(x->raddr, y->raddr)) != 0)
		return c;
	return (*(const uint32_t *)a > *(const uint32_t *)b) -
	    (*(const uint32_t *)a < *(const uint32_t *)b);
}

/* Sorts an index, then permutes in place: no second endpoint array. */
static void
sort_endpoints(struct nm_snapshot *snap, size_t from)
{
	size_t n = snap->ep.n - from, i;
	uint32_t *ix;
	struct nm_endpoint tmp;

	if (n < 2)
		return;
	ix = nm_xcalloc(n, sizeof(*ix));
	for (i = 0; i < n; i++)
		ix[i] = (uint32_t)(from + i);
	sort_snap = snap;
	qsort(ix, n, sizeof(*ix), ep_cmp);
	for (i = 0; i < n; i++) {
		size_t j, k;

		if (ix[i] == UINT32_MAX || ix[i] == from + i)
			continue;
		/* Follow the cycle that starts at position i. */
		tmp = snap->ep.v[from + i];
		j = i;
		while ((k = ix[j] - from) != i) {
			snap->ep.v[from + j] = snap->ep.v[from + k];
			ix[j] = UINT32_MAX;
			j = k;
		}
		snap->ep.v[from + j] = tmp;
		ix[j] = UINT32_MAX;
	}
	free(ix);
}

static void
host_facts(struct live *lv)
{
	struct nm_snapshot *snap = lv->snap;

	if (snap->host.os == NULL) {
		snap->host.os = "linux";
		snap->host.os_reason = "live";
	}
	if (strcmp(lv->root, "/") != 0) {
		char path[4096], buf[256];
		FILE *f;

		snprintf(path, sizeof(path), "%s/etc/hostname", lv->root);
		if ((f = fopen(path, "r")) != NULL) {
			if (fgets(buf, sizeof(buf), f) != NULL) {
				buf[strcspn(buf, "\r\n")] = '\0';
				snap->host.hostname = nm_astrdup(&snap->arena,
				    buf);
			}
			fclose(f);
		}
	} else {
		struct utsname u;

		if (uname(&u) == 0)
			snap->host.hostname = nm_astrdup(&snap->arena,
			    u.nodename);
	}
}

struct collector {
	const char	*proc_root;
	struct nm_proc_socks ps;
};

static void *
collect_main(void *arg)
{
	struct collector *c = arg;

	nm_proc_collect(c->proc_root, &c->ps);
	return NULL;
}

int
nm_src_live(struct nm_snapshot *snap, const struct nm_live_opts *o,
    struct nm_error *err)
{
	struct live lv = { .snap = snap, .o = o };
	struct nm_owner_scan os = { 0 };
	struct collector col = { 0 };
	NM_VEC(struct nm_diag_ref) refs = { 0 };
	size_t i, k, first = snap->ep.n;
	pthread_t th;
	bool threaded;
	int rc;

	lv.proc_root = opt_or_env(o->proc_root, "NETMIN_PROC_ROOT", "/proc");
	lv.root = opt_or_env(o->root, "NETMIN_ROOT", "/");
	lv.diag_file = opt_or_env(o->diag_file, "NETMIN_DIAG_FILE", NULL);
	lv.diag_save = opt_or_env(o->diag_save, "NETMIN_DIAG_SAVE", NULL);
	if (lv.diag_file != NULL) {
		char *s = nm_asprintf(&snap->arena, "diag:%s", lv.diag_file);

		lv.source = nm_snap_add_source(snap, s);
	} else
		lv.source = nm_snap_add_source(snap, "live");
	host_facts(&lv);

	col.proc_root = lv.proc_root;
	threaded = pthread_create(&th, NULL, collect_main, &col) == 0;
	if (lv.diag_file != NULL) {
		struct ns *n = NM_VEC_PUSH(&lv.ns);
		char path[4096];

		snprintf(path, sizeof(path), "%s/self/ns/net", lv.proc_root);
		n->fd = -1;
		n->ino = ns_ino_at(path);
		n->label = n->ino ? ns_label(&lv, n->ino) : NULL;
		rc = replay(&lv, err);
	} else if ((rc = pick_namespaces(&lv, err)) == 0)
		rc = dump_all(&lv, err);
	if (threaded)
		pthread_join(th, NULL);
	else
		collect_main(&col);
	if (rc != 0)
		goto out;

	for (i = 0; i < lv.decs.n; i++)
		nm_diag_warn(&lv.decs.v[i]);
	/* One /proc pass for the sockets of every namespace. */
	if (lv.decs.n == 1) {
		refs.v = lv.decs.v[0].refs.v;	/* take it over, no copy */
		refs.n = lv.decs.v[0].refs.n;
		lv.decs.v[0].refs.v = NULL;
		lv.decs.v[0].refs.n = 0;
	} else
		for (i = 0; i < lv.decs.n; i++)
			for (k = 0; k < lv.decs.v[i].refs.n; k++)
				*NM_VEC_PUSH(&refs) = lv.decs.v[i].refs.v[k];
	for (i = 0; i < lv.decs.n; i++)
		nm_diag_free(&lv.decs.v[i]);
	os.proc_root = lv.proc_root;
	os.root = lv.root;
	os.fake_root = strcmp(lv.root, "/") != 0;
	os.euid = lv.diag_file != NULL ? UINT32_MAX : (uint32_t)geteuid();
	if ((rc = nm_owner_scan(snap, refs.v, refs.n, &col.ps, &os, err)) != 0)
		goto out;
	if (os.hidden > 0)
		nm_snap_warn(snap, "live", 0, "%zu socket%s of other users "
		    "%s no owner: reading other users' /proc/PID/fd needs "
		    "root (%zu process%s not readable)", os.hidden,
		    os.hidden == 1 ? "" : "s", os.hidden == 1 ? "has" :
		    "have", os.procs_denied, os.procs_denied == 1 ? " was" :
		    "es were");
	if (lv.ns_denied > 0)
		nm_snap_warn(snap, "live", 0, "%zu network namespace%s not "
		    "listed: entering %s needs root", lv.ns_denied,
		    lv.ns_denied == 1 ? "" : "s", lv.ns_denied == 1 ? "it" :
		    "them");
	sort_endpoints(snap, first);
out:
	for (i = 0; i < lv.ns.n; i++)
		if (lv.ns.v[i].fd >= 0)
			close(lv.ns.v[i].fd);
	NM_VEC_FREE(&lv.ns);
	for (i = 0; i < lv.decs.n && rc != 0; i++)
		nm_diag_free(&lv.decs.v[i]);
	NM_VEC_FREE(&lv.decs);
	NM_VEC_FREE(&refs);
	NM_VEC_FREE(&col.ps.v);
	return rc;
}

#else
typedef int nm_src_linux_unused;
#endif /* __linux__ */
