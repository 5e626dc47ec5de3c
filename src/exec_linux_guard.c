/*
 * exec_linux_guard.c - the lockout guard: which services apply must not
 * stop, disable, mask, restart or rebind, because doing so would cut the
 * session netmin runs from or the host's network.
 *
 *  - every service unit among netmin's ancestors (walking /proc parent
 *    links): the sshd (or dropbear, telnetd, xrdp...) carrying this session
 *    and anything else netmin runs inside;
 *  - the runit service of an ancestor "runsv NAME";
 *  - the DHCP client or network manager while the host has a default
 *    route (dhclient, dhcpcd, udhcpc, NetworkManager, systemd-networkd,
 *    connmand): stopping it lets the lease lapse.
 *
 * NETMIN_PROC_ROOT points the scan at a recorded /proc tree (tests).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "exec_linux_guard.h"

#ifdef __linux__
#include <dirent.h>
#include <unistd.h>
#endif

static const char *
proc_root(void)
{
	const char *r = getenv("NETMIN_PROC_ROOT");

	return r != NULL && r[0] ? r : "/proc";
}

static int
read_small(const char *path, char *buf, size_t len)
{
	FILE *f = fopen(path, "rb");
	size_t n;

	if (f == NULL)
		return -1;
	n = fread(buf, 1, len - 1, f);
	fclose(f);
	buf[n] = '\0';
	return (int)n;
}

/* comm and parent of a pid from /proc/PID/stat ("1 (x) S 0 ..."). */
static int
proc_stat(int pid, char *comm, size_t clen, int *ppid)
{
	char path[512], buf[1024], *open, *close;

	snprintf(path, sizeof(path), "%s/%d/stat", proc_root(), pid);
	if (read_small(path, buf, sizeof(buf)) <= 0)
		return -1;
	open = strchr(buf, '(');
	close = strrchr(buf, ')');
	if (open == NULL || close == NULL || close < open)
		return -1;
	snprintf(comm, clen, "%.*s", (int)(close - open - 1), open + 1);
	if (sscanf(close + 1, " %*c %d", ppid) != 1)
		return -1;
	return 0;
}

/*
 * The unit of a pid from /proc/PID/cgroup: the last ".service" component
 * of the name=systemd (v1) or unified (v2) path, skipping user@N.service
 * (the user manager carries sessions, not a daemon).
 */
static bool
proc_unit(int pid, char *unit, size_t ulen)
{
	char path[512], buf[8192], *line, *save = NULL;
	bool found = false;

	snprintf(path, sizeof(path), "%s/%d/cgroup", proc_root(), pid);
	if (read_small(path, buf, sizeof(buf)) <= 0)
		return false;
	for (line = strtok_r(buf, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		char *p = strchr(line, ':'), *cg, *comp, *s2 = NULL;

		if (p == NULL)
			continue;
		if (!nm_startswith(p, ":name=systemd:") &&
		    !nm_startswith(p, "::"))
			continue;
		cg = strchr(p + 1, ':');
		if (cg == NULL)
			continue;
		for (comp = strtok_r(cg + 1, "/", &s2); comp != NULL;
		    comp = strtok_r(NULL, "/", &s2)) {
			if (nm_endswith(comp, ".service") &&
			    !nm_startswith(comp, "user@")) {
				snprintf(unit, ulen, "%s", comp);
				found = true;
			}
		}
		if (found)
			return true;
	}
	return false;
}

static void
add(struct nm_guard *g, const char *name, const char *why)
{
	size_t i;

	for (i = 0; i < g->n; i++)
		if (strcmp(g->v[i].name, name) == 0)
			return;
	g->v[g->n].name = nm_astrdup(&g->arena, name);
	g->v[g->n].why = nm_astrdup(&g->arena, why);
	if (g->n + 1 < NM_NELEM(g->v))
		g->n++;
}

static const char *const remote[] = { "sshd", "dropbear", "telnetd",
	"in.telnetd", "mosh-server", "xrdp", "xrdp-sesman", "rlogind",
	"in.rlogind", "x11vnc", "vncserver", "Xvnc", NULL };

static const char *const netkeep[] = { "dhclient", "dhcpcd", "udhcpc",
	"NetworkManager", "systemd-network", "connmand", "wicd", "dhcpcd5",
	"pump", NULL };

static bool
in_list(const char *const *l, const char *s)
{
	for (; *l != NULL; l++)
		if (strcmp(*l, s) == 0)
			return true;
	return false;
}

/* Which interface carries the IPv4 or IPv6 default route, if any. */
static bool
default_route(char *ifname, size_t len)
{
	char path[512], buf[16384], *line, *save = NULL;

	snprintf(path, sizeof(path), "%s/net/route", proc_root());
	if (read_small(path, buf, sizeof(buf)) > 0) {
		for (line = strtok_r(buf, "\n", &save); line != NULL;
		    line = strtok_r(NULL, "\n", &save)) {
			char ifn[64];
			unsigned long dest;

			if (sscanf(line, "%63s %lx", ifn, &dest) == 2 &&
			    dest == 0) {
				snprintf(ifname, len, "%s", ifn);
				return true;
			}
		}
	}
	snprintf(path, sizeof(path), "%s/net/ipv6_route", proc_root());
	save = NULL;
	if (read_small(path, buf, sizeof(buf)) > 0) {
		for (line = strtok_r(buf, "\n", &save); line != NULL;
		    line = strtok_r(NULL, "\n", &save)) {
			char dst[40], ifn[64];
			unsigned plen;

			/* dst plen src splen nexthop metric ref use flags if */
			if (sscanf(line, "%39s %x %*s %*s %*s %*s %*s %*s %*s "
			    "%63s", dst, &plen, ifn) == 3 && plen == 0 &&
			    strcmp(ifn, "lo") != 0 &&
			    strspn(dst, "0") == 32) {
				snprintf(ifname, len, "%s", ifn);
				return true;
			}
		}
	}
	return false;
}

/* runsv's argument is its service folder: "runsv ssh". */
static bool
runsv_name(int pid, char *name, size_t len)
{
	char path[512], buf[1024];
	int n;

	snprintf(path, sizeof(path), "%s/%d/cmdline", proc_root(), pid);
	n = read_small(path, buf, sizeof(buf));
	if (n <= 0 || strlen(buf) + 1 >= (size_t)n)
		return false;
	snprintf(name, len, "%s", buf + strlen(buf) + 1);
	return name[0] != '\0';
}

int
nm_guard_scan(struct nm_guard *g, int self)
{
	int pid = self, depth = 0;
	char comm[64], unit[256], why[512], ifname[64];

	memset(g, 0, sizeof(g->v));
	g->n = 0;
	while (pid > 1 && depth++ < 64) {
		int ppid;

		if (proc_stat(pid, comm, sizeof(comm), &ppid) != 0)
			break;
		if (proc_unit(pid, unit, sizeof(unit))) {
			snprintf(why, sizeof(why), "it carries this session: "
			    "netmin runs under %s (pid %d)", comm, pid);
			add(g, unit, why);
		}
		if (in_list(remote, comm)) {
			snprintf(why, sizeof(why), "it carries this session: "
			    "netmin runs under %s (pid %d)", comm, pid);
			/* Debian names the unit ssh, others sshd */
			add(g, strcmp(comm, "sshd") == 0 ? "ssh" : comm, why);
			if (strcmp(comm, "sshd") == 0)
				add(g, "sshd", why);
		}
		if (strcmp(comm, "runsv") == 0 &&
		    runsv_name(pid, unit, sizeof(unit))) {
			snprintf(why, sizeof(why), "it carries this session: "
			    "netmin runs under runsv %s (pid %d)", unit, pid);
			add(g, unit, why);
		}
		pid = ppid;
	}
#ifdef __linux__
	if (default_route(ifname, sizeof(ifname))) {
		DIR *d = opendir(proc_root());
		struct dirent *de;

		while (d != NULL && (de = readdir(d)) != NULL) {
			int p, ppid;

			if (de->d_name[0] < '1' || de->d_name[0] > '9')
				continue;
			p = atoi(de->d_name);
			if (proc_stat(p, comm, sizeof(comm), &ppid) != 0 ||
			    !in_list(netkeep, comm))
				continue;
			snprintf(why, sizeof(why), "the network needs it: %s "
			    "(pid %d) keeps the address while the default "
			    "route goes via %s", comm, p, ifname);
			if (proc_unit(p, unit, sizeof(unit)))
				add(g, unit, why);
			add(g, strcmp(comm, "systemd-network") == 0 ?
			    "systemd-networkd" : comm, why);
		}
		if (d != NULL)
			closedir(d);
	}
#else
	(void)ifname;
	(void)default_route;
	(void)netkeep;
#endif
	return 0;
}

/* "ssh.service", "ssh.socket", "ssh" all name service "ssh". */
static size_t
stem(const char *s)
{
	const char *dot = strrchr(s, '.');

	if (dot != NULL && (strcmp(dot, ".service") == 0 ||
	    strcmp(dot, ".socket") == 0))
		return (size_t)(dot - s);
	return strlen(s);
}

const char *
nm_guard_check(const struct nm_guard *g, const char *name)
{
	size_t i, n = stem(name);

	for (i = 0; i < g->n; i++) {
		size_t m = stem(g->v[i].name);

		if (m == n && memcmp(g->v[i].name, name, n) == 0)
			return g->v[i].why;
	}
	return NULL;
}

void
nm_guard_free(struct nm_guard *g)
{
	nm_afree(&g->arena);
	g->n = 0;
}
