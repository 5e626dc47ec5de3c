/*
 * parse_linux.c - what the Linux capture parsers (ss, net-tools netstat,
 * lsof) share: addresses as those tools print them, including the host and
 * service names they show when run without -n/-P, and the host facts a
 * Linux capture tells.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "parse.h"

/* Names /etc/hosts gives loopback addresses on Debian, Ubuntu and RHEL. */
static const struct {
	const char	*name;
	int		 family;	/* -1: either */
} loop_names[] = {
	{ "localhost", -1 },
	{ "localhost.localdomain", -1 },
	{ "ip6-localhost", NM_INET6 },
	{ "ip6-loopback", NM_INET6 },
	{ "localhost6", NM_INET6 },
	{ "localhost6.localdomain6", NM_INET6 },
};

/* A DNS-ish name: letters, digits, '-', '.', '_'; not all digits. */
static bool
host_name_ok(const char *s, size_t len)
{
	size_t i;
	bool alpha = false;

	if (len == 0 || len >= NM_ADDRLEN)
		return false;
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (isalpha(c))
			alpha = true;
		else if (!isdigit(c) && c != '-' && c != '.' && c != '_')
			return false;
	}
	return alpha;
}

/*
 * Reads "host:port" as ss, netstat and lsof print it: "1.2.3.4:80",
 * "[::1]:631", "[fe80::1]%eth0:546" (ss puts the zone after the bracket),
 * "127.0.0.53%lo:53", ":::22" (net-tools and old ss: no brackets), "*:22",
 * "localhost:domain", "focal-base:bootpc".  The port may be a services(5)
 * name; proto ("tcp"/"udp") picks the row of that name.
 */
int
nm_lx_hostport(const char *s, size_t len, const char *proto,
    struct nm_lx_addr *a)
{
	char tmp[NM_ADDRLEN + NM_ZONELEN + 80], host[NM_ADDRLEN];
	const char *ps;
	size_t pl, hl, i;

	memset(a, 0, sizeof(*a));
	a->family = -1;
	a->port = -1;
	a->why = "address";
	if (len == 0 || len >= sizeof(tmp))
		return -1;
	/* "[v6]%zone:port" -> "[v6%zone]:port" for nm_split_hostport(). */
	if (s[0] == '[') {
		const char *rb = memchr(s, ']', len);

		if (rb != NULL && (size_t)(rb - s) + 1 < len && rb[1] == '%') {
			const char *colon = NULL;
			size_t k;

			for (k = len; k > (size_t)(rb - s) + 1; k--)
				if (s[k - 1] == ':') {
					colon = s + k - 1;
					break;
				}
			if (colon == NULL)
				return -1;
			hl = (size_t)(rb - s);
			memcpy(tmp, s, hl);
			memcpy(tmp + hl, rb + 1, (size_t)(colon - rb - 1));
			hl += (size_t)(colon - rb - 1);
			tmp[hl++] = ']';
			memcpy(tmp + hl, colon, len - (size_t)(colon - s));
			hl += len - (size_t)(colon - s);
			tmp[hl] = '\0';
			s = tmp;
			len = hl;
		}
	}
	if (nm_split_hostport(s, len, host, sizeof(host), a->zone,
	    sizeof(a->zone), &ps, &pl) != 0)
		return -1;
	a->port = nm_port_parse(ps, pl, proto);
	if (a->port == -2) {
		a->why = "port";
		a->badport = ps;
		a->badportlen = pl;
		return -1;
	}
	hl = strlen(host);
	if (hl == 1 && host[0] == '*') {
		a->kind = NM_LX_STAR;
		nm_strlcpy(a->addr, "*", sizeof(a->addr));
		return 0;
	}
	if (nm_addr_canon(host, hl, &a->family, a->addr,
	    sizeof(a->addr)) == 0) {
		a->kind = NM_LX_NUM;
		return 0;
	}
	for (i = 0; i < NM_NELEM(loop_names); i++)
		if (nm_streq_ci(host, loop_names[i].name)) {
			a->kind = NM_LX_LOOPNAME;
			a->family = loop_names[i].family;
			nm_strlcpy(a->addr, "localhost", sizeof(a->addr));
			return 0;
		}
	if (host_name_ok(host, hl)) {
		a->kind = NM_LX_NAME;
		nm_strlcpy(a->addr, host, sizeof(a->addr));
		return 0;
	}
	return -1;
}

/* Fills the local side of e from a; family is the one the row implies. */
void
nm_lx_set_local(struct nm_endpoint *e, const struct nm_lx_addr *a, int family)
{
	e->family = (uint8_t)(a->family >= 0 ? a->family : family);
	if (a->kind == NM_LX_STAR)
		nm_strlcpy(e->laddr, e->family == NM_INET6 ? "::" : "0.0.0.0",
		    sizeof(e->laddr));
	else
		nm_strlcpy(e->laddr, a->addr, sizeof(e->laddr));
	nm_strlcpy(e->lzone, a->zone, sizeof(e->lzone));
	e->lport = a->port;
}

static void
map_one(char *addr, size_t len)
{
	char canon[NM_ADDRLEN], buf[NM_ADDRLEN + 8];
	int fam = -1;

	if (nm_addr_canon(addr, strlen(addr), &fam, canon, sizeof(canon)) != 0 ||
	    fam != NM_INET)
		return;
	snprintf(buf, sizeof(buf), "::ffff:%s", canon);
	nm_strlcpy(addr, buf, len);
}

/*
 * net-tools (tcp6 rows) and lsof (IPv6 rows) print an IPv4-mapped address
 * as plain IPv4; ss prints [::ffff:127.0.0.1].  The socket is IPv6: say
 * so, in the form ss uses, so that captures of one host agree.
 */
void
nm_lx_map_v4(struct nm_endpoint *e)
{
	e->family = NM_INET6;
	map_one(e->laddr, sizeof(e->laddr));
	map_one(e->raddr, sizeof(e->raddr));
}

/* The peer, unless it is the "no peer" wildcard ("*:*", "0.0.0.0:*"). */
void
nm_lx_set_remote(struct nm_endpoint *e, const struct nm_lx_addr *a)
{
	if (a->port <= 0 && (a->kind == NM_LX_STAR ||
	    (a->kind == NM_LX_NUM && nm_addr_is_wildcard(a->addr)))) {
		e->raddr[0] = '\0';
		e->rport = -1;
		return;
	}
	nm_strlcpy(e->raddr, a->kind == NM_LX_STAR ? "*" : a->addr,
	    sizeof(e->raddr));
	e->rport = a->port;
}

/*
 * A short reason for a row nm_lx_hostport() refused, naming the
 * services(5) name we do not know.
 */
const char *
nm_lx_why(struct nm_snapshot *s, const struct nm_lx_addr *a, const char *side)
{
	if (a->badport != NULL)
		return nm_asprintf(&s->arena, "unknown service name '%.*s' in "
		    "the %s address (capture with -n, or -P for lsof, for "
		    "numbers)", (int)(a->badportlen > 40 ? 40 : a->badportlen),
		    a->badport, side);
	return nm_asprintf(&s->arena, "%s address", side);
}

/* The endpoints a Linux capture gives say the host is Linux. */
void
nm_lx_host_os(struct nm_snapshot *s, const char *reason)
{
	if (s->host.os == NULL) {
		s->host.os = "linux";
		s->host.os_reason = reason;
	}
}

/* Host names instead of addresses: keep the name and say what to do. */
void
nm_lx_warn_name(struct nm_snapshot *s, const struct nm_input *in,
    const struct nm_line *l, const struct nm_lx_addr *a, const char *tool)
{
	if (a->kind != NM_LX_NAME)
		return;
	nm_snap_warn(s, in->name, l->no, "host name '%s' cannot be resolved "
	    "offline; kept as the address (%s with -n prints the address)",
	    a->addr, tool);
}
