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

#include <arpa/inet.h>
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
	NM_VEC(struct nm_diag_dec) decs;	/* one per namespace read */
	NM_VEC(const char *) labels;		/* of each decoder */
	struct nm_linv	*inv;
};

static struct nm_diag_dec *
new_dec(struct live *lv, const char *label)
{
	struct nm_diag_dec *d = NM_VEC_PUSH(&lv->decs);

	nm_diag_init(d, &lv->inv->socks, (uint32_t)lv->labels.n);
	*NM_VEC_PUSH(&lv->labels) = label;
	return d;
}

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
	d = new_dec(lv, lv->ns.n ? lv->ns.v[0].label : NULL);
	used = nm_diag_feed(d, b.s, b.len);
	if (d->bad || used != b.len) {
		nm_buf_free(&b);
		return nm_seterr(err, NM_ERR_INPUT, "%s: not a netlink "
		    "sock_diag recording", lv->diag_file);
	}
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
		d = new_dec(lv, n->label);
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

/* Sockets in a stable, readable order: namespace, protocol, port. */
static const struct nm_lsock *sort_socks;

static int
sock_cmp(const void *a, const void *b)
{
	uint32_t ia = *(const uint32_t *)a, ib = *(const uint32_t *)b;
	const struct nm_lsock *x = &sort_socks[ia], *y = &sort_socks[ib];
	int c;

	if (x->ns != y->ns)
		return x->ns < y->ns ? -1 : 1;
	if (x->proto != y->proto)
		return x->proto - y->proto;
	if (x->lport != y->lport)
		return x->lport - y->lport;
	if (x->family != y->family)
		return x->family - y->family;
	if ((c = memcmp(x->laddr, y->laddr, 16)) != 0)
		return c;
	if (x->rport != y->rport)
		return x->rport - y->rport;
	if ((c = memcmp(x->raddr, y->raddr, 16)) != 0)
		return c;
	return (ia > ib) - (ia < ib);
}

/* Sorts an index, then permutes in place: no second array. */
static void
sort_sockets(struct nm_lsocks *v)
{
	size_t n = v->n, i;
	uint32_t *ix;
	struct nm_lsock tmp;

	if (n < 2)
		return;
	ix = nm_xcalloc(n, sizeof(*ix));
	for (i = 0; i < n; i++)
		ix[i] = (uint32_t)i;
	sort_socks = v->v;
	qsort(ix, n, sizeof(*ix), sock_cmp);
	for (i = 0; i < n; i++) {
		size_t j, k;

		if (ix[i] == UINT32_MAX || ix[i] == i)
			continue;
		/* Follow the cycle that starts at position i. */
		tmp = v->v[i];
		j = i;
		while ((k = ix[j]) != i) {
			v->v[j] = v->v[k];
			ix[j] = UINT32_MAX;
			j = k;
		}
		v->v[j] = tmp;
		ix[j] = UINT32_MAX;
	}
	free(ix);
}

void
nm_linv_endpoint(const struct nm_linv *inv, size_t i, struct nm_endpoint *e)
{
	const struct nm_lsock *k = &inv->socks.v[i];
	int af = k->family == NM_INET ? AF_INET : AF_INET6;

	memset(e, 0, sizeof(*e));
	e->proto = k->proto;
	e->family = k->family;
	e->state = k->state;
	if (af == AF_INET)
		nm_addr_format(NM_INET, k->laddr, e->laddr, sizeof(e->laddr));
	else if (inet_ntop(af, k->laddr, e->laddr, sizeof(e->laddr)) == NULL)
		nm_strlcpy(e->laddr, "?", sizeof(e->laddr));
	e->lport = k->lport;
	e->rport = -1;
	if (k->flags & NM_LS_PEER) {
		if (inet_ntop(af, k->raddr, e->raddr, sizeof(e->raddr)) == NULL)
			nm_strlcpy(e->raddr, "?", sizeof(e->raddr));
		e->rport = k->rport;
	}
	e->dual_stack = (k->flags & NM_LS_DUAL) != 0;
	if (k->ifindex != 0) {
		const char *name = k->ns < inv->nns ?
		    nm_diag_link_name(&inv->decs[k->ns], k->ifindex) : NULL;

		if (name != NULL)
			nm_strlcpy(e->lzone, name, sizeof(e->lzone));
		else
			snprintf(e->lzone, sizeof(e->lzone), "%u", k->ifindex);
	}
	e->inode = k->ino;
	e->netns = k->ns < inv->nns ? inv->ns_label[k->ns] : NULL;
	e->source = inv->source;
	if (k->nown > 0) {
		const struct nm_lproc *p = &inv->procs.v[inv->owner_proc[k->own]];

		e->owners = inv->owners + k->own;
		e->nowners = k->nown;
		e->exe = p->exe;
		e->user = p->user;
		e->container = p->container;
		if (!p->is_manager) {
			e->unit = p->unit;
			e->unit_manager = p->manager;
		}
		e->services = p->services;
		e->nservices = p->nservices;
	}
	if (k->extra != 0) {
		const struct nm_lextra *x = &inv->extras.v[k->extra - 1];

		if (x->nservices > 0) {
			e->services = x->services;
			e->nservices = x->nservices;
		}
		if (x->unit_set) {
			e->unit = x->unit;
			e->unit_manager = x->unit_manager;
		}
		if (x->owner_note != NULL)
			e->owner_note = x->owner_note;
		if (x->user != NULL)
			e->user = x->user;
	}
	e->exposure = (uint8_t)nm_addr_exposure(e->family, e->laddr);
}

static void
linv_free(void *arg)
{
	struct nm_linv *inv = arg;
	size_t i;

	if (inv == NULL)
		return;
	for (i = 0; i < inv->nns; i++)
		nm_diag_free(&inv->decs[i]);
	free(inv->decs);
	free(inv->ns_label);
	free(inv->socks.v);
	free(inv->owner_proc);
	NM_VEC_FREE(&inv->procs);
	NM_VEC_FREE(&inv->extras);
	free(inv);
}

static void
lazy_get(void *ctx, size_t i, struct nm_endpoint *out)
{
	nm_linv_endpoint(ctx, i, out);
}

/* Sockets become endpoints: all now, or each when it is read. */
static void
publish(struct live *lv)
{
	struct nm_snapshot *snap = lv->snap;
	struct nm_linv *inv = lv->inv;
	size_t i;

	if (lv->o->lazy) {
		struct nm_ep_lazy *lz = nm_aalloc(&snap->arena, sizeof(*lz));

		lz->n = inv->socks.n;
		lz->ctx = inv;
		lz->get = lazy_get;
		lz->free = linv_free;
		snap->lazy = lz;
		lv->inv = NULL;
		return;
	}
	for (i = 0; i < inv->socks.n; i++) {
		struct nm_endpoint *e = nm_snap_add_ep(snap);

		nm_linv_endpoint(inv, i, e);
	}
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

enum fd_reader { FD_CHOOSE, FD_BPF, FD_PROC };	/* NETMIN_FD_READER */

struct collector {
	const char	*proc_root;
	enum fd_reader	 reader;
	bool		 bpf_used;
	char		 bpf_why[160];	/* why it could not be */
	struct nm_proc_socks ps;
};

/* The fd tables through the BPF iterator where it can run (root, the
   real /proc), else through /proc/PID/fd. */
static void *
collect_main(void *arg)
{
	struct collector *c = arg;
	bool bpf = c->reader == FD_BPF || (c->reader == FD_CHOOSE &&
	    strcmp(c->proc_root, "/proc") == 0 && geteuid() == 0);

	if (bpf)
		c->bpf_used = nm_bpf_collect(&c->ps, c->bpf_why,
		    sizeof(c->bpf_why)) == 0;
	if (!c->bpf_used && c->reader != FD_BPF)
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
	pthread_t th;
	bool threaded;
	const char *v;
	size_t i;
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
	lv.inv = nm_xcalloc(1, sizeof(*lv.inv));
	lv.inv->snap = snap;
	lv.inv->source = lv.source;

	col.proc_root = lv.proc_root;
	if ((v = getenv("NETMIN_FD_READER")) != NULL) {
		if (strcmp(v, "bpf") == 0)
			col.reader = FD_BPF;
		else if (strcmp(v, "proc") == 0)
			col.reader = FD_PROC;
		else {
			rc = nm_seterr(err, NM_ERR_USAGE, "NETMIN_FD_READER=%s: "
			    "expected bpf or proc", v);
			goto out;
		}
	}
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
	/* The decoders (their link names) and labels now belong to inv. */
	lv.inv->decs = lv.decs.v;
	lv.inv->nns = lv.decs.n;
	lv.inv->ns_label = lv.labels.v;
	lv.decs.v = NULL;
	lv.labels.v = NULL;
	if (rc == 0 && col.reader == FD_BPF && !col.bpf_used)
		rc = nm_seterr(err, NM_ERR_PERM, "NETMIN_FD_READER=bpf: the "
		    "BPF fd iterator cannot run here (%s; it needs root, "
		    "kernel BTF and the initial PID namespace)", col.bpf_why);
	if (rc != 0)
		goto out;
	/* An auditor may need to know a BPF program was loaded. */
	snap->host.owners_from = col.bpf_used ? "bpf-iterator" : "proc-fd";

	for (i = 0; i < lv.inv->nns; i++)
		nm_diag_warn(&lv.inv->decs[i], snap);
	/* One /proc pass for the sockets of every namespace. */
	os.proc_root = lv.proc_root;
	os.root = lv.root;
	os.fake_root = strcmp(lv.root, "/") != 0;
	os.euid = lv.diag_file != NULL ? UINT32_MAX : (uint32_t)geteuid();
	if ((rc = nm_owner_scan(lv.inv, &col.ps, &os, err)) != 0)
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
	sort_sockets(&lv.inv->socks);
	publish(&lv);
out:
	for (i = 0; i < lv.ns.n; i++)
		if (lv.ns.v[i].fd >= 0)
			close(lv.ns.v[i].fd);
	NM_VEC_FREE(&lv.ns);
	linv_free(lv.inv);
	NM_VEC_FREE(&col.ps.v);
	return rc;
}

#else
typedef int nm_src_linux_unused;
#endif /* __linux__ */
