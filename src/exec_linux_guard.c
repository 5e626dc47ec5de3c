/*
 * exec_linux_guard.c - the lockout guard: which services apply must not
 * stop, disable, mask, restart or rebind, because doing so would cut the
 * session netmin runs from or the host's network.
 *
 *  1. netmin's ancestors (walking /proc parent links): the service unit of
 *     each (its cgroup), sshd and the other remote-login daemons (dropbear,
 *     telnetd, xrdp...) by name, and the runit service of a "runsv NAME";
 *  2. the ssh connection SSH_CONNECTION names (sshd sets it; sudo -E, su,
 *     tmux and screen keep it while the process tree and cgroup no longer
 *     lead to sshd): the process holding that TCP connection, found
 *     through /proc/net/tcp{,6} and the /proc/PID/fd links, and its
 *     ancestors as in 1; when it cannot be found, ssh and sshd by name;
 *  3. the DHCP clients and network managers (dhclient, dhcpcd, udhcpc,
 *     NetworkManager, systemd-networkd, connmand...) of an interface that
 *     matters: the one carrying the default route (IPv4 or IPv6) and the
 *     one holding the session's own address.  Stopping one lets its lease
 *     lapse.  A client whose command line names interfaces serves those;
 *     one naming none serves every interface.
 *
 * NETMIN_PROC_ROOT points the scan at another /proc (tests).  The parsers
 * of /proc text are pure and portable (unit-tested); the scan is Linux's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "exec_linux_guard.h"

#ifdef __linux__
#include <dirent.h>
#include <unistd.h>
#endif

/* ------------------------------------------------------------------ */
/* Pure parsers of /proc text                                           */

/* Next line of text at *p (without its newline) into buf; false at end. */
static bool
next_line(const char **p, char *buf, size_t len)
{
	const char *s = *p, *e;
	size_t n;

	if (s == NULL || *s == '\0')
		return false;
	e = strchr(s, '\n');
	n = e ? (size_t)(e - s) : strlen(s);
	*p = e ? e + 1 : s + n;
	if (n >= len)
		n = len - 1;
	memcpy(buf, s, n);
	buf[n] = '\0';
	return true;
}

/* "::ffff:1.2.3.4" and "1.2.3.4" name the same IPv4 end. */
static const char *
unmap(const char *a)
{
	if (strncmp(a, "::ffff:", 7) == 0 && strchr(a + 7, '.') != NULL &&
	    strchr(a + 7, ':') == NULL)
		return a + 7;
	return a;
}

static int
canon(const char *s, size_t len, char *out, size_t outlen)
{
	int fam = -1;

	if (len == 0 || nm_addr_canon(s, len, &fam, out, outlen) != 0 ||
	    fam < 0)
		return -1;
	memmove(out, unmap(out), strlen(unmap(out)) + 1);
	return 0;
}

int
nm_guard_parse_sshconn(const char *s, struct nm_sshconn *c)
{
	const char *f[4];
	size_t n[4], k;

	memset(c, 0, sizeof(*c));
	if (s == NULL)
		return -1;
	for (k = 0; k < 4; k++) {
		s = nm_skipws(s);
		f[k] = s;
		while (*s != '\0' && *s != ' ' && *s != '\t')
			s++;
		n[k] = (size_t)(s - f[k]);
		if (n[k] == 0)
			return -1;
	}
	if (*nm_skipws(s) != '\0' ||
	    canon(f[0], n[0], c->client, sizeof(c->client)) != 0 ||
	    canon(f[2], n[2], c->server, sizeof(c->server)) != 0 ||
	    nm_parse_int(f[1], n[1], 1, 65535, &c->cport) != 0 ||
	    nm_parse_int(f[3], n[3], 1, 65535, &c->sport) != 0)
		return -1;
	return 0;
}

static int
hexdig(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * The kernel prints a socket address as 8 (IPv4) or 32 (IPv6) hex digits:
 * 32-bit words in host byte order, then ":PORT" in hex.
 */
static int
proc_addr(const char *s, char *out, size_t outlen, int *port)
{
	unsigned char a[16];
	size_t nd = strcspn(s, ":"), w, i;
	int v;

	if ((nd != 8 && nd != 32) || s[nd] != ':')
		return -1;
	for (w = 0; w < nd / 8; w++) {
		uint32_t word = 0;

		for (i = 0; i < 8; i++) {
			if ((v = hexdig(s[w * 8 + i])) < 0)
				return -1;
			word = word << 4 | (uint32_t)v;
		}
		memcpy(a + w * 4, &word, 4);
	}
	*port = 0;
	for (i = nd + 1; s[i] != '\0' && s[i] != ' '; i++) {
		if ((v = hexdig(s[i])) < 0 || i > nd + 4)
			return -1;
		*port = *port << 4 | v;
	}
	nm_addr_format(nd == 8 ? NM_INET : NM_INET6, a, out, outlen);
	memmove(out, unmap(out), strlen(unmap(out)) + 1);
	return 0;
}

unsigned long
nm_guard_conn_inode(const char *text, const struct nm_sshconn *c)
{
	char line[512];

	while (next_line(&text, line, sizeof(line))) {
		char loc[80], rem[80], la[NM_ADDRLEN], ra[NM_ADDRLEN];
		unsigned st;
		unsigned long ino;
		int lp, rp;

		/* sl local rem st tx:rx tr:when retr uid timeout inode */
		if (sscanf(line, " %*s %79s %79s %x %*s %*s %*s %*s %*s %lu",
		    loc, rem, &st, &ino) != 4 || st != 1 /* ESTABLISHED */)
			continue;
		if (proc_addr(loc, la, sizeof(la), &lp) != 0 ||
		    proc_addr(rem, ra, sizeof(ra), &rp) != 0)
			continue;
		if (lp == c->sport && rp == c->cport &&
		    strcmp(la, c->server) == 0 && strcmp(ra, c->client) == 0)
			return ino;
	}
	return 0;
}

int
nm_guard_route4(const char *route, const char *addr, char *ifname,
    size_t len)
{
	char line[512], a4[NM_ADDRLEN];
	unsigned char want[4] = { 0 };
	uint32_t w = 0;
	int best = -1;

	if (addr != NULL) {
		unsigned b[4];
		int fam = -1;

		if (nm_addr_canon(addr, strlen(addr), &fam, a4, sizeof(a4))
		    != 0 || fam != NM_INET || sscanf(a4, "%u.%u.%u.%u", &b[0],
		    &b[1], &b[2], &b[3]) != 4)
			return -1;
		want[0] = (unsigned char)b[0];
		want[1] = (unsigned char)b[1];
		want[2] = (unsigned char)b[2];
		want[3] = (unsigned char)b[3];
		memcpy(&w, want, 4);	/* the kernel's host-order word */
	}
	while (next_line(&route, line, sizeof(line))) {
		char ifn[64];
		unsigned dest, flags, mask;
		int bits = 0;

		/* Iface Destination Gateway Flags RefCnt Use Metric Mask */
		if (sscanf(line, "%63s %x %*x %x %*d %*d %*d %x", ifn, &dest,
		    &flags, &mask) != 4 || !(flags & 1) /* RTF_UP */)
			continue;
		if (addr == NULL) {
			if (dest == 0 && mask == 0) {
				snprintf(ifname, len, "%s", ifn);
				return 0;
			}
			continue;
		}
		if ((w & mask) != dest || (dest == 0 && mask == 0))
			continue;
		for (; mask; mask &= mask - 1)
			bits++;
		if (bits > best) {
			best = bits;
			snprintf(ifname, len, "%s", ifn);
		}
	}
	return best >= 0 ? 0 : -1;
}

int
nm_guard_route6_default(const char *text, char *ifname, size_t len)
{
	char line[512];

	while (next_line(&text, line, sizeof(line))) {
		char dst[40], ifn[64];
		unsigned plen, flags;

		/* dst plen src splen nexthop metric ref use flags iface */
		if (sscanf(line, "%39s %x %*s %*s %*s %*s %*s %*s %x %63s",
		    dst, &plen, &flags, ifn) != 4)
			continue;
		if (plen == 0 && strspn(dst, "0") == 32 && (flags & 1) &&
		    !(flags & 0x200) /* RTF_REJECT */ && strcmp(ifn, "lo")) {
			snprintf(ifname, len, "%s", ifn);
			return 0;
		}
	}
	return -1;
}

int
nm_guard_inet6_if(const char *text, const char *addr, char *ifname,
    size_t len)
{
	char line[512], want[NM_ADDRLEN];
	int fam = -1;

	if (nm_addr_canon(addr, strlen(addr), &fam, want, sizeof(want)) != 0 ||
	    fam != NM_INET6)
		return -1;
	while (next_line(&text, line, sizeof(line))) {
		char hex[40], ifn[64], got[NM_ADDRLEN];
		unsigned char a[16];
		size_t i;

		/* address index plen scope flags name */
		if (sscanf(line, "%39s %*x %*x %*x %*x %63s", hex, ifn) != 2 ||
		    strlen(hex) != 32)
			continue;
		for (i = 0; i < 16; i++) {
			int hi = hexdig(hex[2 * i]), lo = hexdig(hex[2 * i + 1]);

			if (hi < 0 || lo < 0)
				break;
			a[i] = (unsigned char)(hi << 4 | lo);
		}
		if (i < 16)
			continue;
		nm_addr_format(NM_INET6, a, got, sizeof(got));
		if (strcmp(got, want) == 0) {
			snprintf(ifname, len, "%s", ifn);
			return 0;
		}
	}
	return -1;
}

/* Is word (len n) an interface in /proc/net/dev text? */
static bool
is_iface(const char *netdev, const char *w, size_t n)
{
	char line[512];

	while (next_line(&netdev, line, sizeof(line))) {
		const char *s = nm_skipws(line), *colon = strchr(s, ':');

		if (colon != NULL && (size_t)(colon - s) == n &&
		    memcmp(s, w, n) == 0)
			return true;
	}
	return false;
}

bool
nm_guard_serves(const char *cmdline, size_t len, const char *netdev,
    const char *ifname)
{
	size_t i = 0, named = 0;

	while (i < len) {
		size_t s, n;

		while (i < len && (cmdline[i] == '\0' || cmdline[i] == ' '))
			i++;
		s = i;
		while (i < len && cmdline[i] != '\0' && cmdline[i] != ' ')
			i++;
		n = i - s;
		if (n == 0 || !is_iface(netdev, cmdline + s, n))
			continue;
		named++;
		if (n == strlen(ifname) && memcmp(cmdline + s, ifname, n) == 0)
			return true;
	}
	return named == 0;
}

/* ------------------------------------------------------------------ */
/* The scan                                                             */

static const char *
proc_root(void)
{
	const char *r = getenv("NETMIN_PROC_ROOT");

	return r != NULL && r[0] ? r : "/proc";
}

/* Reads a small /proc file (NUL bytes kept); length, or -1. */
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

static int
read_proc(const char *name, char *buf, size_t len)
{
	char path[512];

	snprintf(path, sizeof(path), "%s/%s", proc_root(), name);
	return read_small(path, buf, len);
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

/*
 * What pid and its ancestors run in.  who names pid for the messages:
 * "this netmin" or "the ssh connection from 198.18.0.1:50022".
 */
static void
guard_tree(struct nm_guard *g, int pid, const char *who)
{
	char comm[64], unit[256], why[768], role[300];
	int depth = 0;

	while (pid > 1 && depth < 64) {
		int ppid;

		if (proc_stat(pid, comm, sizeof(comm), &ppid) != 0)
			break;
		if (strcmp(who, "this netmin") == 0)
			snprintf(role, sizeof(role), "%s", depth == 0 ?
			    "this very process" : "an ancestor of this netmin");
		else
			snprintf(role, sizeof(role), "%sthe holder of %s",
			    depth == 0 ? "" : "an ancestor of ", who);
		depth++;
		if (proc_unit(pid, unit, sizeof(unit))) {
			snprintf(why, sizeof(why), "it carries this session: "
			    "%s (pid %d), %s, runs in its control group", comm,
			    pid, role);
			add(g, unit, why);
		}
		if (in_list(remote, comm)) {
			snprintf(why, sizeof(why), "it carries this session: "
			    "%s (pid %d), %s, is the remote-login daemon", comm,
			    pid, role);
			/* Debian names the unit ssh, others sshd */
			add(g, strcmp(comm, "sshd") == 0 ? "ssh" : comm, why);
			if (strcmp(comm, "sshd") == 0)
				add(g, "sshd", why);
		}
		if (strcmp(comm, "runsv") == 0 &&
		    runsv_name(pid, unit, sizeof(unit))) {
			snprintf(why, sizeof(why), "it carries this session: "
			    "runsv %s (pid %d), %s, supervises it", unit, pid,
			    role);
			add(g, unit, why);
		}
		pid = ppid;
	}
}

#ifdef __linux__

/* The process holding socket inode ino, or 0. */
static int
socket_owner(unsigned long ino)
{
	DIR *d = opendir(proc_root());
	struct dirent *de;
	char want[64];
	int found = 0;

	snprintf(want, sizeof(want), "socket:[%lu]", ino);
	while (d != NULL && found == 0 && (de = readdir(d)) != NULL) {
		char dir[512];
		DIR *fd;
		struct dirent *fe;

		if (de->d_name[0] < '1' || de->d_name[0] > '9')
			continue;
		snprintf(dir, sizeof(dir), "%s/%s/fd", proc_root(), de->d_name);
		if ((fd = opendir(dir)) == NULL)
			continue;
		while ((fe = readdir(fd)) != NULL) {
			char path[1024], target[128];
			ssize_t n;

			if (fe->d_name[0] == '.')
				continue;
			snprintf(path, sizeof(path), "%s/%s", dir, fe->d_name);
			n = readlink(path, target, sizeof(target) - 1);
			if (n <= 0)
				continue;
			target[n] = '\0';
			if (strcmp(target, want) == 0) {
				found = atoi(de->d_name);
				break;
			}
		}
		closedir(fd);
	}
	if (d != NULL)
		closedir(d);
	return found;
}

static char *
slurp(struct nm_guard *g, const char *name, size_t cap)
{
	char *buf = nm_aalloc(&g->arena, cap);

	if (read_proc(name, buf, cap) < 0)
		buf[0] = '\0';
	return buf;
}

/* The ssh session: the holder of the connection, else sshd by name. */
static void
guard_session(struct nm_guard *g, const struct nm_sshconn *c)
{
	char *tcp = slurp(g, strchr(c->server, ':') ? "net/tcp6" : "net/tcp",
	    1u << 20);
	unsigned long ino = nm_guard_conn_inode(tcp, c);
	int pid = ino ? socket_owner(ino) : 0;
	char who[256], why[512];

	if (pid > 0) {
		snprintf(who, sizeof(who), "the ssh connection from %s:%d",
		    c->client, c->cport);
		guard_tree(g, pid, who);
		return;
	}
	snprintf(why, sizeof(why), "it carries this session: SSH_CONNECTION "
	    "says it came over ssh from %s to port %d", c->client, c->sport);
	add(g, "ssh", why);
	add(g, "sshd", why);
}

/* Is pid in netmin's network namespace?  (Yes when it cannot tell.) */
static bool
same_netns(int pid)
{
	char path[512], mine[128], theirs[128];
	ssize_t n, m;

	snprintf(path, sizeof(path), "%s/self/ns/net", proc_root());
	n = readlink(path, mine, sizeof(mine) - 1);
	snprintf(path, sizeof(path), "%s/%d/ns/net", proc_root(), pid);
	m = readlink(path, theirs, sizeof(theirs) - 1);
	if (n <= 0 || m <= 0)
		return true;
	return n == m && memcmp(mine, theirs, (size_t)n) == 0;
}

/*
 * The DHCP clients of ifname; what: "carries the default route".  A client
 * in another network namespace (a container) keeps another interface.
 */
static void
guard_dhcp(struct nm_guard *g, const char *ifname, const char *what)
{
	DIR *d = opendir(proc_root());
	struct dirent *de;
	char *netdev = slurp(g, "net/dev", 1u << 16);

	while (d != NULL && (de = readdir(d)) != NULL) {
		char comm[64], pcomm[64], unit[256], why[512], path[512];
		char cmd[4096];
		int p, ppid, pp, n;

		if (de->d_name[0] < '1' || de->d_name[0] > '9')
			continue;
		p = atoi(de->d_name);
		if (proc_stat(p, comm, sizeof(comm), &ppid) != 0 ||
		    !in_list(netkeep, comm) || !same_netns(p))
			continue;
		snprintf(path, sizeof(path), "%s/%d/cmdline", proc_root(), p);
		if ((n = read_small(path, cmd, sizeof(cmd))) < 0 ||
		    !nm_guard_serves(cmd, (size_t)n, netdev, ifname))
			continue;
		snprintf(why, sizeof(why), "the network needs it: %s (pid %d) "
		    "keeps the address of %s, which %s", comm, p, ifname, what);
		if (proc_unit(p, unit, sizeof(unit)))
			add(g, unit, why);
		add(g, strcmp(comm, "systemd-network") == 0 ?
		    "systemd-networkd" : comm, why);
		if (proc_stat(ppid, pcomm, sizeof(pcomm), &pp) == 0 &&
		    strcmp(pcomm, "runsv") == 0 &&
		    runsv_name(ppid, unit, sizeof(unit)))
			add(g, unit, why);
	}
	if (d != NULL)
		closedir(d);
}

#endif /* __linux__ */

int
nm_guard_scan(struct nm_guard *g, int self, const char *sshconn)
{
	struct nm_sshconn c;
	bool ssh = nm_guard_parse_sshconn(sshconn, &c) == 0;

	memset(g->v, 0, sizeof(g->v));
	g->n = 0;
	guard_tree(g, self, "this netmin");
#ifdef __linux__
	{
		char *route = slurp(g, "net/route", 1u << 18);
		char ifname[64];

		if (ssh)
			guard_session(g, &c);
		if (nm_guard_route4(route, NULL, ifname, sizeof(ifname)) == 0)
			guard_dhcp(g, ifname, "carries the default route");
		if (nm_guard_route6_default(slurp(g, "net/ipv6_route",
		    1u << 18), ifname, sizeof(ifname)) == 0)
			guard_dhcp(g, ifname, "carries the IPv6 default route");
		if (ssh && (strchr(c.server, ':') == NULL ?
		    nm_guard_route4(route, c.server, ifname, sizeof(ifname)) :
		    nm_guard_inet6_if(slurp(g, "net/if_inet6", 1u << 16),
		    c.server, ifname, sizeof(ifname))) == 0)
			guard_dhcp(g, ifname, "carries this ssh session");
	}
#else
	(void)ssh;
	(void)read_proc;
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
