/*
 * probe_common.c - what both scan engines share and what runs on every
 * system: port lists, the scan result, verdict names.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "probe.h"

/*
 * UDP ports scanned when -p names none: every port this project has a
 * protocol probe for, plus the UDP services the method closes (NetBIOS
 * datagram, SMB's 445, RPC's dynamic ports are found by rpcdump instead).
 */
const uint16_t nm_udp_default_ports[] = {
	53, 67, 69, 88, 111, 123, 135, 137, 138, 161, 389, 445, 464, 500,
	514, 520, 1434, 1900, 2049, 3389, 3702, 4500, 5353, 5355
};
const size_t nm_udp_default_nports = NM_NELEM(nm_udp_default_ports);

void
nm_scan_init(struct nm_scan *s)
{
	memset(s, 0, sizeof(*s));
}

void
nm_scan_free(struct nm_scan *s)
{
	NM_VEC_FREE(&s->res);
	NM_VEC_FREE(&s->notes);
	nm_afree(&s->arena);
}

void
nm_scan_note(struct nm_scan *s, const char *fmt, ...)
{
	struct nm_buf b = { 0 };
	va_list ap;

	va_start(ap, fmt);
	nm_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	*NM_VEC_PUSH(&s->notes) = nm_astrdup(&s->arena, b.s ? b.s : "");
	nm_buf_free(&b);
}

const char *
nm_pstate_name(int st)
{
	switch (st) {
	case NM_PS_OPEN:		return "open";
	case NM_PS_CLOSED:		return "closed";
	case NM_PS_FILTERED:		return "filtered";
	case NM_PS_OPEN_FILTERED:	return "open|filtered";
	default:			return "unscanned";
	}
}

const char *
nm_preason_name(int r)
{
	switch (r) {
	case NM_PR_CONNECTED:		return "connected";
	case NM_PR_REFUSED:		return "refused";
	case NM_PR_TIMEOUT:		return "no-response";
	case NM_PR_UNREACH:		return "unreachable";
	case NM_PR_UDP_REPLY:		return "udp-response";
	case NM_PR_PORT_UNREACH:	return "port-unreachable";
	case NM_PR_NOT_RECHECKED:	return "not-rechecked";
	default:			return "none";
	}
}

void
nm_ports_add(struct nm_portset *ps, int proto, unsigned lo, unsigned hi)
{
	unsigned p;

	for (p = lo; p <= hi && p <= 65535; p++) {
		uint8_t *byte = &ps->bits[proto][p / 8];
		uint8_t bit = (uint8_t)(1u << (p % 8));

		if (!(*byte & bit)) {
			*byte |= bit;
			ps->count[proto]++;
		}
	}
}

bool
nm_ports_has(const struct nm_portset *ps, int proto, unsigned port)
{
	return port <= 65535 &&
	    (ps->bits[proto][port / 8] & (1u << (port % 8))) != 0;
}

size_t
nm_ports_list(const struct nm_portset *ps, int proto, uint16_t *out)
{
	size_t n = 0;
	unsigned p;

	for (p = 1; p <= 65535; p++)
		if (nm_ports_has(ps, proto, p))
			out[n++] = (uint16_t)p;
	return n;
}

static int
port_num(const char *s, size_t len, unsigned *out)
{
	int v;

	if (nm_parse_int(s, len, 1, 65535, &v) != 0)
		return -1;
	*out = (unsigned)v;
	return 0;
}

/*
 * "22,80,8000-8100": ports and ranges; "-" or "all" is 1-65535, "-1024"
 * is 1-1024, "60000-" runs to 65535.  "T:" and "U:" switch the protocol
 * of the items that follow, nmap's way: "T:22,445,U:53,137".  Items
 * before any prefix go to default_proto, or to both when it is -1.
 */
int
nm_ports_parse(const char *spec, int default_proto, struct nm_portset *ps,
    struct nm_error *err)
{
	const char *p = spec;
	int proto = default_proto;

	if (*spec == '\0')
		return nm_seterr(err, NM_ERR_USAGE, "empty port list");
	while (*p != '\0') {
		const char *end = strchr(p, ',');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		const char *dash;
		unsigned lo = 1, hi = 65535;

		while (len > 0 && isspace((unsigned char)*p)) {
			p++;
			len--;
		}
		while (len > 0 && isspace((unsigned char)p[len - 1]))
			len--;
		if (len >= 2 && p[1] == ':' &&
		    strchr("TtUu", p[0]) != NULL) {
			proto = (p[0] == 'T' || p[0] == 't') ? NM_TCP : NM_UDP;
			p += 2;
			len -= 2;
		}
		if (len == 0)
			return nm_seterr(err, NM_ERR_USAGE,
			    "bad port list '%s': empty item", spec);
		dash = memchr(p, '-', len);
		if (len == 3 && nm_strneq_ci(p, "all", 3)) {
			/* 1-65535 */
		} else if (dash == NULL) {
			if (port_num(p, len, &lo) != 0)
				goto bad;
			hi = lo;
		} else {
			size_t l1 = (size_t)(dash - p), l2 = len - l1 - 1;

			if (l1 > 0 && port_num(p, l1, &lo) != 0)
				goto bad;
			if (l2 > 0 && port_num(dash + 1, l2, &hi) != 0)
				goto bad;
			if (lo > hi)
				return nm_seterr(err, NM_ERR_USAGE,
				    "bad port range '%.*s': %u is above %u",
				    (int)len, p, lo, hi);
		}
		if (proto < 0) {
			nm_ports_add(ps, NM_TCP, lo, hi);
			nm_ports_add(ps, NM_UDP, lo, hi);
		} else {
			nm_ports_add(ps, proto, lo, hi);
		}
		if (end == NULL)
			break;
		p = end + 1;
		if (*p == '\0')
			return nm_seterr(err, NM_ERR_USAGE,
			    "bad port list '%s': ends with a comma", spec);
	}
	return 0;
bad:
	{
		size_t len = strcspn(p, ",");

		return nm_seterr(err, NM_ERR_USAGE, "bad port '%.*s' in '%s' "
		    "(ports are 1-65535; ranges are LOW-HIGH)", (int)len, p,
		    spec);
	}
}
