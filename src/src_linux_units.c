/*
 * src_linux_units.c - which .socket unit a socket held by systemd (PID 1)
 * belongs to, from the unit files alone.
 *
 * `systemctl list-sockets` asks the running manager over D-Bus; a tool
 * that must also work on an image, in a container, or where it cannot
 * reach the bus reads what the manager read: the unit files in the
 * system search path (first one of a name wins, /dev/null links are
 * masked units), their drop-ins (NAME.socket.d/NAME.conf, where an empty
 * ListenStream= resets the list), and the Listen lines in them.
 *
 * Limits (documented in doc/netmin.1.md): templates ("x@.socket") and
 * specifiers are not expanded; a unit changed on disk but not reloaded is
 * read as on disk; transient socket units (systemd-run --socket-property)
 * exist only in /run and are read only if their file is there.  A user
 * manager (systemd --user) is read the same way from its own search path
 * (its XDG_* environment, its mount namespace through /proc/PID/root).
 */
#ifdef __linux__

#include <sys/stat.h>

#include <arpa/inet.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "src_linux.h"

/* The system manager's search path, highest priority first. */
const char *const nm_system_unit_dirs[] = {
	"/etc/systemd/system.control", "/run/systemd/system.control",
	"/run/systemd/transient", "/etc/systemd/system", "/run/systemd/system",
	"/usr/local/lib/systemd/system", "/usr/lib/systemd/system",
	"/lib/systemd/system", NULL
};

struct listen {
	bool		 stream;	/* ListenStream (TCP) or Datagram */
	bool		 any;		/* port only: every address */
	int		 family;	/* AF_INET, AF_INET6 when an address */
	unsigned char	 addr[16];
	int		 port;
};

struct sunit {
	char		*name;
	bool		 enabled;
	NM_VEC(struct listen) l;
};

struct nm_unitdb {
	NM_VEC(struct sunit) u;
	const char *const *dirs;	/* search path, NULL-terminated */
};

static void
parse_listen(struct sunit *u, bool stream, const char *v)
{
	struct listen l = { .stream = stream };
	char host[128];
	const char *colon;
	long long port;

	while (*v == ' ' || *v == '\t')
		v++;
	if (*v == '\0') {	/* "ListenStream=" resets the list */
		struct listen *keep = u->l.v;
		size_t i, n = 0;

		for (i = 0; i < u->l.n; i++)
			if (keep[i].stream != stream)
				keep[n++] = keep[i];
		u->l.n = n;
		return;
	}
	if (*v == '/' || *v == '@')
		return;		/* AF_UNIX */
	if (nm_parse_ll(v, strlen(v), 1, 65535, &port) == 0) {
		l.any = true;
		l.port = (int)port;
		*NM_VEC_PUSH(&u->l) = l;
		return;
	}
	if (*v == '[') {
		const char *rb = strchr(v, ']');
		const char *pct;
		size_t hl;

		if (rb == NULL || rb[1] != ':')
			return;
		hl = (size_t)(rb - v - 1);
		pct = memchr(v + 1, '%', hl);
		if (pct != NULL)
			hl = (size_t)(pct - v - 1);
		if (hl >= sizeof(host))
			return;
		memcpy(host, v + 1, hl);
		host[hl] = '\0';
		colon = rb + 1;
		l.family = AF_INET6;
	} else {
		colon = strrchr(v, ':');
		if (colon == NULL || (size_t)(colon - v) >= sizeof(host))
			return;
		memcpy(host, v, (size_t)(colon - v));
		host[colon - v] = '\0';
		l.family = AF_INET;
	}
	if (nm_parse_ll(colon + 1, strcspn(colon + 1, " \t"), 1, 65535,
	    &port) != 0 || inet_pton(l.family, host, l.addr) != 1)
		return;
	l.port = (int)port;
	*NM_VEC_PUSH(&u->l) = l;
}

static void
trim_right(char *s)
{
	size_t n = strlen(s);

	while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == '\r' ||
	    s[n - 1] == ' ' || s[n - 1] == '\t'))
		s[--n] = '\0';
}

static void
parse_file(struct sunit *u, const char *path)
{
	char line[1024];
	bool in_socket = false;
	FILE *f = fopen(path, "r");

	if (f == NULL)
		return;
	while (fgets(line, sizeof(line), f) != NULL) {
		char *p = line;

		trim_right(p);
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '[') {
			in_socket = strcmp(p, "[Socket]") == 0;
			continue;
		}
		if (!in_socket || *p == '#' || *p == ';')
			continue;
		if (strncmp(p, "ListenStream=", 13) == 0)
			parse_listen(u, true, p + 13);
		else if (strncmp(p, "ListenDatagram=", 15) == 0)
			parse_listen(u, false, p + 15);
	}
	fclose(f);
}

static struct sunit *
find_unit(struct nm_unitdb *db, const char *name)
{
	size_t i;

	for (i = 0; i < db->u.n; i++)
		if (strcmp(db->u.v[i].name, name) == 0)
			return &db->u.v[i];
	return NULL;
}

/* File name part of a path. */
static const char *
base(const char *p)
{
	const char *s = strrchr(p, '/');

	return s ? s + 1 : p;
}

static int
cmp_base(const void *a, const void *b)
{
	return strcmp(base(*(char *const *)a), base(*(char *const *)b));
}

/* Drop-ins of one unit across every directory, in file-name order. */
static void
apply_dropins(struct sunit *u, const char *root, const char *const *dirs)
{
	NM_VEC(char *) files = { 0 };
	char dir[4096], full[4096 + 512];
	size_t i, k;

	for (i = 0; dirs[i] != NULL; i++) {
		DIR *d;
		struct dirent *de;

		snprintf(dir, sizeof(dir), "%s%s/%s.d", root, dirs[i],
		    u->name);
		if ((d = opendir(dir)) == NULL)
			continue;
		while ((de = readdir(d)) != NULL) {
			bool dup = false;

			if (!nm_endswith(de->d_name, ".conf"))
				continue;
			/* The same file name in a higher directory wins. */
			for (k = 0; k < files.n; k++)
				if (strcmp(base(files.v[k]), de->d_name) == 0)
					dup = true;
			if (dup)
				continue;
			snprintf(full, sizeof(full), "%s/%s", dir, de->d_name);
			*NM_VEC_PUSH(&files) = nm_xstrdup(full);
		}
		closedir(d);
	}
	if (files.n > 1)
		qsort(files.v, files.n, sizeof(*files.v), cmp_base);
	for (k = 0; k < files.n; k++) {
		parse_file(u, files.v[k]);
		free(files.v[k]);
	}
	NM_VEC_FREE(&files);
}

static bool
is_enabled(const char *root, const char *const *dirs, const char *name)
{
	char path[4096];
	size_t i;
	DIR *d;
	struct dirent *de;

	/* Enabled means a link in some *.wants/ or *.requires/ folder. */
	for (i = 0; dirs[i] != NULL; i++) {
		snprintf(path, sizeof(path), "%s%s", root, dirs[i]);
		if ((d = opendir(path)) == NULL)
			continue;
		while ((de = readdir(d)) != NULL) {
			char link[4096 + 512];
			struct stat st;

			if (!nm_endswith(de->d_name, ".wants") &&
			    !nm_endswith(de->d_name, ".requires"))
				continue;
			snprintf(link, sizeof(link), "%s/%s/%s", path,
			    de->d_name, name);
			if (lstat(link, &st) == 0) {
				closedir(d);
				return true;
			}
		}
		closedir(d);
	}
	return false;
}

struct nm_unitdb *
nm_unitdb_load(const char *root, const char *const *dirs)
{
	struct nm_unitdb *db = nm_xcalloc(1, sizeof(*db));
	char dir[4096], path[4096 + 256], target[256];
	size_t i;

	if (root == NULL || strcmp(root, "/") == 0)
		root = "";
	for (i = 0; dirs[i] != NULL; i++) {
		DIR *d;
		struct dirent *de;

		snprintf(dir, sizeof(dir), "%s%s", root, dirs[i]);
		if ((d = opendir(dir)) == NULL)
			continue;
		while ((de = readdir(d)) != NULL) {
			struct sunit *u;
			ssize_t n;

			if (!nm_endswith(de->d_name, ".socket") ||
			    strchr(de->d_name, '@') != NULL ||
			    find_unit(db, de->d_name) != NULL)
				continue;
			snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
			u = NM_VEC_PUSH(&db->u);
			u->name = nm_xstrdup(de->d_name);
			n = readlink(path, target, sizeof(target) - 1);
			if (n > 0) {
				target[n] = '\0';
				if (strcmp(target, "/dev/null") == 0)
					continue;	/* masked */
			}
			parse_file(u, path);
		}
		closedir(d);
	}
	for (i = 0; i < db->u.n; i++) {
		apply_dropins(&db->u.v[i], root, dirs);
		if (db->u.v[i].l.n > 0)
			db->u.v[i].enabled = is_enabled(root, dirs,
			    db->u.v[i].name);
	}
	return db;
}

static bool
listen_match(const struct listen *l, const struct nm_endpoint *e)
{
	unsigned char a[16];
	int fam = e->family == NM_INET ? AF_INET : AF_INET6;

	if (l->stream != (e->proto == NM_TCP) || l->port != e->lport)
		return false;
	if (l->any)
		return strcmp(e->laddr, "0.0.0.0") == 0 ||
		    strcmp(e->laddr, "::") == 0;
	if (l->family != fam || inet_pton(fam, e->laddr, a) != 1)
		return false;
	return memcmp(a, l->addr, fam == AF_INET ? 4 : 16) == 0;
}

/* Enabled units first; a disabled one only when no enabled one fits. */
size_t
nm_unitdb_match(struct nm_unitdb *db, const struct nm_endpoint *e,
    const char **out, size_t max)
{
	size_t n = 0, i, k;
	int pass;

	if (db == NULL || e->proto == NM_RAW)
		return 0;
	for (pass = 0; pass < 2 && n == 0; pass++)
		for (i = 0; i < db->u.n && n < max; i++) {
			const struct sunit *u = &db->u.v[i];

			if (u->enabled != (pass == 0))
				continue;
			for (k = 0; k < u->l.n; k++)
				if (listen_match(&u->l.v[k], e)) {
					out[n++] = u->name;
					break;
				}
		}
	return n;
}

void
nm_unitdb_free(struct nm_unitdb *db)
{
	size_t i;

	if (db == NULL)
		return;
	for (i = 0; i < db->u.n; i++) {
		free(db->u.v[i].name);
		NM_VEC_FREE(&db->u.v[i].l);
	}
	NM_VEC_FREE(&db->u);
	free(db);
}

#else
typedef int nm_src_linux_units_unused;
#endif /* __linux__ */
