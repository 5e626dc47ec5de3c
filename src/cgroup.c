/*
 * cgroup.c - a control-group path to a systemd unit and a container.
 *
 * systemd puts every process it starts in a cgroup named after the unit,
 * below the slices that group units ("/system.slice/ssh.service",
 * "/user.slice/user-1000.slice/user@1000.service/app.slice/x.service").
 * Like systemd's own lookup, we skip the leading slices and take the next
 * component as the unit; below a "user@UID.service" manager we do the same
 * again for the user unit.  Container runtimes name their cgroups after the
 * container, which is how the container is told.
 */
#include <string.h>

#include "cgroup.h"
#include "util.h"

#define MAXCOMP 64

struct comp {
	const char	*s;
	size_t		 len;
};

static size_t
split(const char *path, struct comp *c, size_t max)
{
	size_t n = 0;
	const char *p = path;

	while (*p != '\0' && n < max) {
		const char *e;

		while (*p == '/')
			p++;
		if (*p == '\0')
			break;
		e = strchr(p, '/');
		if (e == NULL)
			e = p + strlen(p);
		c[n].s = p;
		c[n].len = (size_t)(e - p);
		n++;
		p = e;
	}
	return n;
}

static int
has_suffix(const struct comp *c, const char *suf)
{
	size_t n = strlen(suf);

	return c->len >= n && memcmp(c->s + c->len - n, suf, n) == 0;
}

static int
has_prefix(const struct comp *c, const char *pre)
{
	size_t n = strlen(pre);

	return c->len >= n && memcmp(c->s, pre, n) == 0;
}

static int
comp_eq(const struct comp *c, const char *s)
{
	return c->len == strlen(s) && memcmp(c->s, s, c->len) == 0;
}

int
nm_unit_name_valid(const char *s, size_t len)
{
	static const char *const types[] = { ".service", ".socket",
	    ".device", ".mount", ".automount", ".swap", ".target", ".path",
	    ".timer", ".slice", ".scope" };
	size_t i, at = 0, dot = 0;

	if (len == 0 || len > 255)
		return 0;
	for (i = 0; i < len; i++) {
		char ch = s[i];

		if (ch == '@') {
			if (at != 0 || i == 0)
				return 0;
			at = i;
		} else if (ch == '.')
			dot = i;
		else if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
		    (ch >= '0' && ch <= '9') || ch == ':' || ch == '-' ||
		    ch == '_' || ch == '\\'))
			return 0;
	}
	if (dot == 0)
		return 0;
	for (i = 0; i < NM_NELEM(types); i++)
		if (len - dot == strlen(types[i]) &&
		    memcmp(s + dot, types[i], len - dot) == 0)
			return 1;
	return 0;
}

/*
 * systemd prefixes '_' to names that would clash with the kernel's own
 * cgroup files; the unit name is the rest.
 */
static struct comp
unescape(struct comp c)
{
	if (c.len > 1 && c.s[0] == '_') {
		c.s++;
		c.len--;
	}
	return c;
}

static int
comp_is_unit(const struct comp *c)
{
	struct comp u = unescape(*c);

	return nm_unit_name_valid(u.s, u.len);
}

static void
copy_comp(char *dst, size_t dstlen, struct comp c)
{
	size_t n = c.len < dstlen - 1 ? c.len : dstlen - 1;

	memcpy(dst, c.s, n);
	dst[n] = '\0';
}

static size_t
skip_slices(const struct comp *c, size_t n, size_t i)
{
	while (i < n && has_suffix(&c[i], ".slice") && comp_is_unit(&c[i]))
		i++;
	return i;
}

static void
find_unit(const struct comp *c, size_t n, struct nm_cgroup *out)
{
	size_t i = skip_slices(c, n, 0), j;
	struct comp u;

	if (i >= n || !comp_is_unit(&c[i]))
		return;
	u = unescape(c[i]);
	copy_comp(out->unit, sizeof(out->unit), u);
	if (!(u.len > 13 && memcmp(u.s, "user@", 5) == 0 &&
	    memcmp(u.s + u.len - 8, ".service", 8) == 0))
		return;
	/* A user manager: the unit below it, past its own slices. */
	j = skip_slices(c, n, i + 1);
	if (j >= n || !comp_is_unit(&c[j]))
		return;
	u = unescape(c[j]);
	/* init.scope below user@ is the manager process itself. */
	if (u.len == 10 && memcmp(u.s, "init.scope", 10) == 0)
		return;
	copy_comp(out->manager, sizeof(out->manager), unescape(c[i]));
	copy_comp(out->unit, sizeof(out->unit), u);
}

static int
is_hex64(const char *s, size_t len)
{
	size_t i;

	if (len != 64)
		return 0;
	for (i = 0; i < len; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return 0;
	return 1;
}

/* "PREFIX<64 hex>SUFFIX" -> the hex. */
static const char *
wrapped_id(const struct comp *c, const char *pre, const char *suf)
{
	size_t pl = strlen(pre), sl = strlen(suf);

	if (c->len != pl + 64 + sl || !has_prefix(c, pre) ||
	    !has_suffix(c, suf) || !is_hex64(c->s + pl, 64))
		return NULL;
	return c->s + pl;
}

/* systemd's \xNN escapes back to bytes ("qemu\x2d1" -> "qemu-1"). */
static void
set_name(char *dst, size_t dstlen, const char *kind, const char *s,
    size_t len)
{
	size_t o = 0, i;

	o = nm_strlcpy(dst, kind, dstlen);
	if (o >= dstlen - 1)
		return;
	dst[o++] = ':';
	for (i = 0; i < len && o < dstlen - 1; i++) {
		int hi, lo;

		if (s[i] == '\\' && i + 3 < len && s[i + 1] == 'x') {
			hi = s[i + 2];
			lo = s[i + 3];
			hi = hi >= '0' && hi <= '9' ? hi - '0' : hi >= 'a' &&
			    hi <= 'f' ? hi - 'a' + 10 : -1;
			lo = lo >= '0' && lo <= '9' ? lo - '0' : lo >= 'a' &&
			    lo <= 'f' ? lo - 'a' + 10 : -1;
			if (hi >= 0 && lo >= 0 && (hi || lo)) {
				dst[o++] = (char)(hi * 16 + lo);
				i += 3;
				continue;
			}
		}
		dst[o++] = s[i];
	}
	dst[o] = '\0';
}

static void
set_id(char *dst, size_t dstlen, const char *kind, const char *hex)
{
	set_name(dst, dstlen, kind, hex, 12);
}

static void
find_container(const struct comp *c, size_t n, struct nm_cgroup *out)
{
	static const struct { const char *pre, *suf, *kind; } wraps[] = {
		{ "docker-", ".scope", "docker" },
		{ "libpod-", ".scope", "podman" },
		{ "libpod-", "", "podman" },
		{ "cri-containerd-", ".scope", "containerd" },
		{ "crio-", ".scope", "cri-o" },
	};
	bool kube = false;
	size_t i, w;
	const char *id;

	/* Runtime-specific names first, outermost first. */
	for (i = 0; i < n; i++) {
		for (w = 0; w < NM_NELEM(wraps); w++)
			if ((id = wrapped_id(&c[i], wraps[w].pre,
			    wraps[w].suf)) != NULL) {
				set_id(out->container, sizeof(out->container),
				    wraps[w].kind, id);
				return;
			}
		if (i > 0 && comp_eq(&c[i - 1], "docker") &&
		    is_hex64(c[i].s, c[i].len)) {
			set_id(out->container, sizeof(out->container),
			    "docker", c[i].s);
			return;
		}
		if (i > 0 && comp_eq(&c[i - 1], "lxc")) {
			set_name(out->container, sizeof(out->container), "lxc",
			    c[i].s, c[i].len);
			return;
		}
		if (has_prefix(&c[i], "lxc.payload.") && c[i].len > 12) {
			set_name(out->container, sizeof(out->container), "lxc",
			    c[i].s + 12, c[i].len - 12);
			return;
		}
		if (comp_eq(&c[i], "lxc.payload") && i + 1 < n) {
			set_name(out->container, sizeof(out->container), "lxc",
			    c[i + 1].s, c[i + 1].len);
			return;
		}
		/* The nspawn process itself sits in the service; its
		   container is below ("payload" on newer systemd). */
		if (has_prefix(&c[i], "systemd-nspawn@") &&
		    has_suffix(&c[i], ".service") && c[i].len > 23 &&
		    i + 1 < n && !comp_eq(&c[i + 1], "supervisor")) {
			set_name(out->container, sizeof(out->container),
			    "nspawn", c[i].s + 15, c[i].len - 23);
			return;
		}
		if (i > 0 && comp_eq(&c[i - 1], "machine.slice") &&
		    has_prefix(&c[i], "machine-") &&
		    has_suffix(&c[i], ".scope") && c[i].len > 14) {
			set_name(out->container, sizeof(out->container),
			    "machine", c[i].s + 8, c[i].len - 14);
			return;
		}
		if (has_prefix(&c[i], "kubepods"))
			kube = true;
	}
	/* cgroupfs drivers: a bare container id, under kubepods or not. */
	for (i = 0; i < n; i++)
		if (is_hex64(c[i].s, c[i].len)) {
			set_id(out->container, sizeof(out->container),
			    kube ? "kubepods" : "container", c[i].s);
			return;
		}
}

void
nm_cgroup_from_path(const char *path, struct nm_cgroup *out)
{
	struct comp c[MAXCOMP];
	size_t n;

	memset(out, 0, sizeof(*out));
	nm_strlcpy(out->path, path, sizeof(out->path));
	n = split(out->path, c, MAXCOMP);
	find_unit(c, n, out);
	find_container(c, n, out);
}

/*
 * Lines are "ID:CONTROLLERS:PATH".  PATH may hold ':' itself, so it is
 * everything after the second colon.
 */
int
nm_cgroup_parse(const char *text, size_t len, struct nm_cgroup *out)
{
	const char *p = text, *end = text + len;
	const char *v1 = NULL, *v2 = NULL;
	size_t v1len = 0, v2len = 0;
	char path[1024];

	memset(out, 0, sizeof(*out));
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *le = nl ? nl : end, *c1, *c2;

		c1 = memchr(p, ':', (size_t)(le - p));
		c2 = c1 ? memchr(c1 + 1, ':', (size_t)(le - c1 - 1)) : NULL;
		if (c2 != NULL && c2 + 1 < le && c2[1] == '/') {
			if (c1 - p == 1 && p[0] == '0' && c2 == c1 + 1) {
				v2 = c2 + 1;
				v2len = (size_t)(le - v2);
			} else if ((size_t)(c2 - c1 - 1) == 12 &&
			    memcmp(c1 + 1, "name=systemd", 12) == 0) {
				v1 = c2 + 1;
				v1len = (size_t)(le - v1);
			}
		}
		p = le + 1;
	}
	if (v1 == NULL && v2 == NULL)
		return -1;
	if (v1 == NULL) {
		v1 = v2;
		v1len = v2len;
	}
	if (v1len >= sizeof(path))
		v1len = sizeof(path) - 1;
	memcpy(path, v1, v1len);
	path[v1len] = '\0';
	/* A deleted cgroup still names where the process was. */
	if (v1len > 10 && strcmp(path + v1len - 10, " (deleted)") == 0)
		path[v1len - 10] = '\0';
	nm_cgroup_from_path(path, out);
	return 0;
}
