/*
 * addr.c - IPv4/IPv6 addresses and ports as captures print them.
 *
 * Written without inet_pton() so the same code runs in the Windows build
 * with no socket library and can be fuzzed on its own.  IPv6 text is
 * canonicalised as RFC 5952 says (lowercase, longest zero run as "::").
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "netmin.h"
#include "svcnames.h"

static int
parse_v4(const char *s, size_t len, unsigned char out[4])
{
	size_t i = 0;
	int part;

	for (part = 0; part < 4; part++) {
		int v = 0, digits = 0;

		while (i < len && isdigit((unsigned char)s[i])) {
			v = v * 10 + (s[i] - '0');
			if (++digits > 3 || v > 255)
				return -1;
			i++;
		}
		if (digits == 0)
			return -1;
		out[part] = (unsigned char)v;
		if (part < 3) {
			if (i >= len || s[i] != '.')
				return -1;
			i++;
		}
	}
	return i == len ? 0 : -1;
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = tolower(c);
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

static int
parse_v6(const char *s, size_t len, unsigned char out[16])
{
	unsigned short w[8];
	int nw = 0, gap = -1;
	size_t i = 0;

	if (len >= 2 && s[0] == ':' && s[1] == ':') {
		gap = 0;
		i = 2;
		if (i == len)
			goto done;
	} else if (len >= 1 && s[0] == ':')
		return -1;
	while (i < len) {
		size_t start = i;
		int v = 0, digits = 0, h;

		if (nw >= 8)
			return -1;
		/* An embedded IPv4 tail ("::ffff:1.2.3.4"). */
		{
			size_t j = i;

			while (j < len && s[j] != ':')
				j++;
			if (j == len && memchr(s + i, '.', len - i) != NULL) {
				unsigned char v4[4];

				if (nw > 6 || parse_v4(s + i, len - i, v4) != 0)
					return -1;
				w[nw++] = (unsigned short)(v4[0] << 8 | v4[1]);
				w[nw++] = (unsigned short)(v4[2] << 8 | v4[3]);
				i = len;
				break;
			}
		}
		while (i < len && (h = hexval((unsigned char)s[i])) >= 0) {
			v = v * 16 + h;
			if (++digits > 4)
				return -1;
			i++;
		}
		if (digits == 0 || i == start)
			return -1;
		w[nw++] = (unsigned short)v;
		if (i == len)
			break;
		if (s[i] != ':')
			return -1;
		i++;
		if (i < len && s[i] == ':') {
			if (gap >= 0)
				return -1;
			gap = nw;
			i++;
			if (i == len)
				break;
		} else if (i == len)
			return -1;	/* trailing single ':' */
	}
done:
	if (gap < 0 && nw != 8)
		return -1;
	if (gap >= 0 && nw > 7)
		return -1;
	memset(out, 0, 16);
	{
		int k, tail = gap >= 0 ? nw - gap : 0;
		int head = gap >= 0 ? gap : nw;

		for (k = 0; k < head; k++) {
			out[2 * k] = (unsigned char)(w[k] >> 8);
			out[2 * k + 1] = (unsigned char)w[k];
		}
		for (k = 0; k < tail; k++) {
			int pos = 8 - tail + k;

			out[2 * pos] = (unsigned char)(w[gap + k] >> 8);
			out[2 * pos + 1] = (unsigned char)w[gap + k];
		}
	}
	return 0;
}

static void
format_v6(const unsigned char a[16], char *out, size_t outlen)
{
	unsigned w[8];
	int i, best = -1, bestlen = 0, cur = -1, curlen = 0;
	char buf[64];
	size_t n = 0;

	for (i = 0; i < 8; i++)
		w[i] = (unsigned)a[2 * i] << 8 | a[2 * i + 1];
	for (i = 0; i < 8; i++) {
		if (w[i] == 0) {
			if (cur < 0) {
				cur = i;
				curlen = 0;
			}
			if (++curlen > bestlen) {
				best = cur;
				bestlen = curlen;
			}
		} else
			cur = -1;
	}
	if (bestlen < 2)
		best = -1;
	/* IPv4-mapped addresses keep their dotted tail. */
	if (best == 0 && bestlen == 5 && w[5] == 0xffff) {
		snprintf(out, outlen, "::ffff:%u.%u.%u.%u", a[12], a[13], a[14],
		    a[15]);
		return;
	}
	for (i = 0; i < 8; i++) {
		if (i == best) {
			n += (size_t)snprintf(buf + n, sizeof(buf) - n, "::");
			i += bestlen - 1;
			continue;
		}
		if (n > 0 && buf[n - 1] != ':')
			buf[n++] = ':';
		n += (size_t)snprintf(buf + n, sizeof(buf) - n, "%x", w[i]);
	}
	buf[n] = '\0';
	nm_strlcpy(out, buf, outlen);
}

/* Dotted quad without printf: a live table formats 50 000 of them. */
static void
format_v4(const unsigned char a[4], char *out, size_t outlen)
{
	char t[16];
	size_t n = 0;
	int i;

	for (i = 0; i < 4; i++) {
		unsigned v = a[i];

		if (i > 0)
			t[n++] = '.';
		if (v >= 100)
			t[n++] = (char)('0' + v / 100);
		if (v >= 10)
			t[n++] = (char)('0' + v / 10 % 10);
		t[n++] = (char)('0' + v % 10);
	}
	t[n] = '\0';
	nm_strlcpy(out, t, outlen);
}

/*
 * Canonical text of an address; "*" stays "*" (a wildcard of unknown
 * family).  *family is set when the text says which family it is.
 */
int
nm_addr_canon(const char *in, size_t len, int *family, char *out,
    size_t outlen)
{
	unsigned char a[16];

	if (len == 1 && in[0] == '*') {
		nm_strlcpy(out, "*", outlen);
		return 0;
	}
	if (parse_v4(in, len, a) == 0) {
		format_v4(a, out, outlen);
		*family = NM_INET;
		return 0;
	}
	if (memchr(in, ':', len) != NULL && parse_v6(in, len, a) == 0) {
		format_v6(a, out, outlen);
		*family = NM_INET6;
		return 0;
	}
	return -1;
}

/* An address as bytes: 4 (NM_INET) or 16 (NM_INET6) of out are set. */
int
nm_addr_parse(const char *in, size_t len, int *family, unsigned char out[16])
{
	memset(out, 0, 16);
	if (parse_v4(in, len, out) == 0) {
		*family = NM_INET;
		return 0;
	}
	if (memchr(in, ':', len) != NULL && parse_v6(in, len, out) == 0) {
		*family = NM_INET6;
		return 0;
	}
	return -1;
}

/* Canonical text of 4 (NM_INET) or 16 (NM_INET6) address bytes. */
void
nm_addr_format(int family, const unsigned char *a, char *out, size_t outlen)
{
	if (family == NM_INET6)
		format_v6(a, out, outlen);
	else
		format_v4(a, out, outlen);
}

bool
nm_addr_is_wildcard(const char *addr)
{
	return strcmp(addr, "0.0.0.0") == 0 || strcmp(addr, "::") == 0 ||
	    strcmp(addr, "*") == 0 || addr[0] == '\0';
}

int
nm_addr_exposure(int family, const char *addr)
{
	(void)family;
	if (nm_addr_is_wildcard(addr))
		return NM_EXP_ALL;
	if (strncmp(addr, "127.", 4) == 0 || strcmp(addr, "::1") == 0 ||
	    strncmp(addr, "::ffff:127.", 11) == 0 ||
	    strcmp(addr, "localhost") == 0)
		return NM_EXP_LOOPBACK;
	return NM_EXP_ADDRESS;
}

/*
 * A port as printed: a number, '*' (returns -1), or a services(5) name
 * (ss/netstat/lsof without -n).  Returns -2 when it is none of those.
 */
int
nm_port_parse(const char *s, size_t len, const char *proto)
{
	int port;
	size_t lo, hi;

	if (len == 1 && s[0] == '*')
		return -1;
	if (nm_parse_int(s, len, 0, 65535, &port) == 0)
		return port;
	if (len == 0 || len > 63)
		return -2;
	/* Binary search by name, then prefer the row of our protocol. */
	lo = 0;
	hi = nm_nsvcnames;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strncmp(nm_svcnames[mid].name, s, len);

		if (c == 0 && nm_svcnames[mid].name[len] != '\0')
			c = 1;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	port = -2;
	for (; lo < nm_nsvcnames && strncmp(nm_svcnames[lo].name, s, len) == 0 &&
	    nm_svcnames[lo].name[len] == '\0'; lo++) {
		if (port == -2)
			port = nm_svcnames[lo].port;
		if (proto != NULL && strcmp(nm_svcnames[lo].proto, proto) == 0)
			return nm_svcnames[lo].port;
	}
	return port;
}

/*
 * Split "host:port", "[v6]:port", "[v6%zone]:port", "v4%zone:port",
 * "v6:port" (net-tools prints IPv6 without brackets: the last ':' ends the
 * host).  host gets the text without zone or brackets; the port is left as
 * a token for nm_port_parse().
 */
int
nm_split_hostport(const char *s, size_t len, char *host, size_t hostlen,
    char *zone, size_t zonelen, const char **port, size_t *portlen)
{
	const char *h, *p, *pct;
	size_t hl;

	if (len == 0)
		return -1;
	if (s[0] == '[') {
		const char *rb = memchr(s, ']', len);

		if (rb == NULL || (size_t)(rb - s) + 1 >= len ||
		    rb[1] != ':')
			return -1;
		h = s + 1;
		hl = (size_t)(rb - h);
		p = rb + 2;
	} else {
		const char *c = NULL;
		size_t i;

		for (i = len; i > 0; i--)
			if (s[i - 1] == ':') {
				c = s + i - 1;
				break;
			}
		if (c == NULL)
			return -1;
		h = s;
		hl = (size_t)(c - s);
		p = c + 1;
	}
	*port = p;
	*portlen = len - (size_t)(p - s);
	if (*portlen == 0 || hl == 0)
		return -1;
	pct = memchr(h, '%', hl);
	if (zone != NULL && zonelen > 0)
		zone[0] = '\0';
	if (pct != NULL) {
		size_t zl = hl - (size_t)(pct - h) - 1;

		if (zone != NULL) {
			if (zl >= zonelen)
				return -1;
			memcpy(zone, pct + 1, zl);
			zone[zl] = '\0';
		}
		hl = (size_t)(pct - h);
	}
	if (hl >= hostlen)
		return -1;
	memcpy(host, h, hl);
	host[hl] = '\0';
	return 0;
}
