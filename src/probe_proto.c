/*
 * probe_proto.c - UDP probes and the decoders of their answers, written
 * from the protocol specifications:
 *
 *   53    DNS           RFC 1035 (CHAOS-class TXT "version.bind")
 *   123   NTP           RFC 5905 client mode (mode 3) request
 *   135   DCE/RPC CL    C706 ch. 12 request PDU: ept_lookup (opnum 2)
 *   137   NetBIOS-NS    RFC 1002 4.2.17 NODE STATUS REQUEST
 *   161   SNMP          RFC 1157 / RFC 3416 GetRequest sysDescr.0, "public"
 *   500   IKE           RFC 7296 IKE_SA_INIT request (4500: with the
 *                       RFC 3948 non-ESP marker)
 *   1900  SSDP          UPnP Device Architecture M-SEARCH
 *   3702  WS-Discovery  WS-Discovery (2005/04) Probe for wsdp:Device
 *   5353  mDNS          RFC 6762 6.7 legacy unicast query, RFC 6763 9
 *                       service enumeration
 *   5355  LLMNR         RFC 4795 unicast PTR query for the target's address
 *
 * Every decoder reads untrusted bytes: it checks each length before it
 * reads, follows DNS compression pointers a bounded number of times, and
 * writes printable text only.  Each has a libFuzzer target.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "probe.h"

/* ------------------------------------------------------------------ */
/* Small readers and writers                                          */

static uint16_t
rd16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static uint32_t
rd32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | p[3];
}

static uint16_t
rd16le(const uint8_t *p)
{
	return (uint16_t)(p[1] << 8 | p[0]);
}

static uint32_t
rd32le(const uint8_t *p)
{
	return (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 |
	    (uint32_t)p[1] << 8 | p[0];
}

static void
wr16(uint8_t *p, unsigned v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}

static void
wr32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 24);
	p[1] = (uint8_t)(v >> 16);
	p[2] = (uint8_t)(v >> 8);
	p[3] = (uint8_t)v;
}

/* Deterministic filler bytes (key shares, nonces) from the probe nonce. */
static void
fill(uint8_t *p, size_t n, uint32_t seed)
{
	uint32_t x = seed ? seed : 0x9e3779b9u;
	size_t i;

	for (i = 0; i < n; i++) {
		x ^= x << 13;
		x ^= x >> 17;
		x ^= x << 5;
		p[i] = (uint8_t)x;
	}
}

/* Detail text: appends, truncates, never overflows. */
struct det {
	char	*s;
	size_t	 cap, len;
};

static void
det_init(struct det *d, char *s, size_t cap)
{
	d->s = s;
	d->cap = cap;
	d->len = 0;
	if (cap > 0)
		s[0] = '\0';
}

static void NM_PRINTF(2, 3)
det_printf(struct det *d, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (d->cap == 0 || d->len + 1 >= d->cap)
		return;
	va_start(ap, fmt);
	n = vsnprintf(d->s + d->len, d->cap - d->len, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	d->len += (size_t)n;
	if (d->len >= d->cap)
		d->len = d->cap - 1;
}

/* Untrusted bytes as printable ASCII, whitespace runs as one space. */
static void
det_text(struct det *d, const uint8_t *p, size_t n, size_t max)
{
	size_t i, out = 0;
	bool sp = false;

	for (i = 0; i < n && out < max; i++) {
		int c = p[i];

		if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
			sp = out > 0;
			continue;
		}
		if (sp) {
			det_printf(d, " ");
			sp = false;
			out++;
		}
		det_printf(d, "%c", c >= 0x21 && c < 0x7f ? c : '?');
		out++;
	}
	if (i < n)
		det_printf(d, "...");
}

static void
det_sep(struct det *d)
{
	if (d->len > 0)
		det_printf(d, ", ");
}

/* ------------------------------------------------------------------ */
/* DNS wire format (DNS, mDNS, LLMNR, and NetBIOS names)              */

static size_t
put_name(uint8_t *p, size_t cap, const char *dotted)
{
	size_t off = 0;
	const char *s = dotted;

	while (*s != '\0') {
		const char *dot = strchr(s, '.');
		size_t l = dot ? (size_t)(dot - s) : strlen(s);

		if (l == 0 || l > 63 || off + 1 + l + 1 > cap)
			return 0;
		p[off++] = (uint8_t)l;
		memcpy(p + off, s, l);
		off += l;
		s += l;
		if (*s == '.')
			s++;
	}
	if (off + 1 > cap)
		return 0;
	p[off++] = 0;
	return off;
}

static size_t
dns_query(uint8_t *p, size_t cap, uint16_t id, uint16_t flags,
    const char *name, uint16_t type, uint16_t cls)
{
	size_t n;

	if (cap < 12 + 4)
		return 0;
	memset(p, 0, 12);
	wr16(p, id);
	wr16(p + 2, flags);
	wr16(p + 4, 1);			/* QDCOUNT */
	n = put_name(p + 12, cap - 16, name);
	if (n == 0)
		return 0;
	wr16(p + 12 + n, type);
	wr16(p + 14 + n, cls);
	return 16 + n;
}

/*
 * Reads the name at *off into out (dotted, printable), following
 * compression pointers at most 16 times; *off moves past the name as
 * written at that place.  Returns 0, or -1 on a malformed name.
 */
static int
get_name(const uint8_t *p, size_t n, size_t *off, char *out, size_t outlen)
{
	size_t pos = *off, olen = 0, total = 0;
	bool jumped = false;
	int jumps = 0;

	if (outlen > 0)
		out[0] = '\0';
	for (;;) {
		uint8_t l;

		if (pos >= n)
			return -1;
		l = p[pos];
		if ((l & 0xc0) == 0xc0) {
			if (pos + 1 >= n || ++jumps > 16)
				return -1;
			if (!jumped)
				*off = pos + 2;
			jumped = true;
			pos = (size_t)(l & 0x3f) << 8 | p[pos + 1];
			continue;
		}
		if ((l & 0xc0) != 0)
			return -1;		/* extended label types */
		if (l == 0) {
			if (!jumped)
				*off = pos + 1;
			break;
		}
		if (pos + 1 + l > n || (total += l + 1u) > 255)
			return -1;
		if (olen > 0 && olen + 1 < outlen)
			out[olen++] = '.';
		for (size_t i = 0; i < l; i++) {
			int c = p[pos + 1 + i];

			if (olen + 1 < outlen)
				out[olen++] = (char)(c > 0x20 && c < 0x7f ?
				    c : '?');
		}
		if (outlen > 0)
			out[olen] = '\0';
		pos += 1 + l;
	}
	return 0;
}

static const char *
rcode_name(int rc)
{
	static const char *names[] = { "NOERROR", "FORMERR", "SERVFAIL",
	    "NXDOMAIN", "NOTIMP", "REFUSED" };

	return rc >= 0 && rc < (int)NM_NELEM(names) ? names[rc] : NULL;
}

/* One resource record's fixed part, after its name. */
struct dns_rr {
	uint16_t	 type, cls;
	size_t		 rdoff, rdlen;
	char		 name[256];
};

static int
get_rr(const uint8_t *p, size_t n, size_t *off, struct dns_rr *rr)
{
	if (get_name(p, n, off, rr->name, sizeof(rr->name)) != 0 ||
	    *off + 10 > n)
		return -1;
	rr->type = rd16(p + *off);
	rr->cls = rd16(p + *off + 2);
	rr->rdlen = rd16(p + *off + 8);
	rr->rdoff = *off + 10;
	if (rr->rdoff + rr->rdlen > n)
		return -1;
	*off = rr->rdoff + rr->rdlen;
	return 0;
}

/* A DNS-format response to our query id: header checks, questions skipped. */
static int
dns_head(const uint8_t *p, size_t n, uint16_t id, size_t *off,
    unsigned *ancount, unsigned *rcode)
{
	unsigned qd, i;

	if (n < 12 || rd16(p) != id || !(p[2] & 0x80))
		return -1;
	*rcode = p[3] & 0x0f;
	qd = rd16(p + 4);
	*ancount = rd16(p + 6);
	*off = 12;
	for (i = 0; i < qd && i < 16; i++) {
		char tmp[8];

		if (get_name(p, n, off, tmp, sizeof(tmp)) != 0 ||
		    *off + 4 > n)
			return -1;
		*off += 4;
	}
	return qd > 16 ? -1 : 0;
}

/* --- DNS (53): CHAOS TXT version.bind ------------------------------ */

static size_t
build_dns(uint8_t *p, size_t cap, const struct nm_probe_ctx *c)
{
	return dns_query(p, cap, (uint16_t)c->nonce, 0x0100, "version.bind",
	    16, 3);
}

int
nm_dec_dns(const uint8_t *p, size_t n, const struct nm_probe_ctx *c,
    char *detail, size_t dlen)
{
	struct det d;
	size_t off;
	unsigned an, rc, i;
	const char *rn;

	det_init(&d, detail, dlen);
	if (dns_head(p, n, (uint16_t)c->nonce, &off, &an, &rc) != 0)
		return 0;
	rn = rcode_name((int)rc);
	if (rn != NULL)
		det_printf(&d, "rcode %s", rn);
	else
		det_printf(&d, "rcode %u", rc);
	for (i = 0; i < an && i < 8; i++) {
		struct dns_rr rr;

		if (get_rr(p, n, &off, &rr) != 0)
			break;
		if (rr.type == 16 && rr.rdlen > 1) {
			size_t tl = p[rr.rdoff];

			if (tl + 1 > rr.rdlen)
				tl = rr.rdlen - 1;
			det_printf(&d, ", version \"");
			det_text(&d, p + rr.rdoff + 1, tl, 60);
			det_printf(&d, "\"");
			break;
		}
	}
	return 1;
}

/* --- mDNS (5353): legacy unicast service enumeration --------------- */

static size_t
build_mdns(uint8_t *p, size_t cap, const struct nm_probe_ctx *c)
{
	/* Sent from an ephemeral port: a legacy unicast query (6.7). */
	return dns_query(p, cap, (uint16_t)c->nonce, 0,
	    "_services._dns-sd._udp.local", 12, 1);
}

int
nm_dec_mdns(const uint8_t *p, size_t n, const struct nm_probe_ctx *c,
    char *detail, size_t dlen)
{
	struct det d;
	size_t off;
	unsigned an, rc, i, shown = 0;

	det_init(&d, detail, dlen);
	if (dns_head(p, n, (uint16_t)c->nonce, &off, &an, &rc) != 0)
		return 0;
	for (i = 0; i < an && i < 64; i++) {
		struct dns_rr rr;
		char target[256];
		size_t toff;

		if (get_rr(p, n, &off, &rr) != 0)
			break;
		if (rr.type != 12)
			continue;
		toff = rr.rdoff;
		if (get_name(p, rr.rdoff + rr.rdlen, &toff, target,
		    sizeof(target)) != 0)
			continue;
		if (shown == 0)
			det_printf(&d, "services ");
		else
			det_printf(&d, " ");
		if (shown++ < 8)
			det_printf(&d, "%s", target);
		else if (shown == 9)
			det_printf(&d, "...");
	}
	if (shown == 0)
		det_printf(&d, "%u answers", an);
	return 1;
}

/* --- LLMNR (5355): PTR for the target's own address ---------------- */

static void
reverse_name(const struct nm_probe_ctx *c, char *out, size_t outlen)
{
	const uint8_t *a = c->addr;

	if (c->family == NM_INET) {
		snprintf(out, outlen, "%u.%u.%u.%u.in-addr.arpa", a[3], a[2],
		    a[1], a[0]);
	} else {
		static const char hx[] = "0123456789abcdef";
		size_t o = 0;
		int i;

		for (i = 15; i >= 0 && o + 4 < outlen; i--) {
			out[o++] = hx[a[i] & 0xf];
			out[o++] = '.';
			out[o++] = hx[a[i] >> 4];
			out[o++] = '.';
		}
		out[o] = '\0';
		nm_strlcpy(out + o, "ip6.arpa", outlen - o);
	}
}

static size_t
build_llmnr(uint8_t *p, size_t cap, const struct nm_probe_ctx *c)
{
	char name[80];

	reverse_name(c, name, sizeof(name));
	return dns_query(p, cap, (uint16_t)c->nonce, 0, name, 12, 1);
}

int
nm_dec_llmnr(const uint8_t *p, size_t n, const struct nm_probe_ctx *c,
    char *detail, size_t dlen)
{
	struct det d;
	size_t off;
	unsigned an, rc, i;

	det_init(&d, detail, dlen);
	/* RFC 4795 2.1.1: opcode 0, and a responder never sets RCODE 3. */
	if (dns_head(p, n, (uint16_t)c->nonce, &off, &an, &rc) != 0 ||
	    (p[2] & 0x78) != 0)
		return 0;
	for (i = 0; i < an && i < 8; i++) {
		struct dns_rr rr;
		char target[256];
		size_t toff;

		if (get_rr(p, n, &off, &rr) != 0)
			break;
		toff = rr.rdoff;
		if (rr.type == 12 && get_name(p, rr.rdoff + rr.rdlen, &toff,
		    target, sizeof(target)) == 0) {
			det_printf(&d, "name %s", target);
			return 1;
		}
	}
	det_printf(&d, "%u answers, rcode %u", an, rc);
	return 1;
}

/* --- NetBIOS name service (137): node status ----------------------- */

static size_t
build_netbios(uint8_t *p, size_t cap, const struct nm_probe_ctx *c)
{
	size_t i;

	if (cap < 50)
		return 0;
	memset(p, 0, 12);
	wr16(p, (uint16_t)c->nonce);
	wr16(p + 4, 1);			/* QDCOUNT */
	/* First-level encoding of "*" padded with NULs to 16 bytes. */
	p[12] = 32;
	p[13] = 'A' + ('*' >> 4);
	p[14] = 'A' + ('*' & 0xf);
	for (i = 1; i < 16; i++) {
		p[13 + 2 * i] = 'A';
		p[14 + 2 * i] = 'A';
	}
	p[45] = 0;
	wr16(p + 46, 0x0021);		/* NBSTAT */
	wr16(p + 48, 0x0001);		/* IN */
	return 50;
}

static void
nb_name(struct det *d, const uint8_t *e)
{
	int len = 15;

	while (len > 0 && (e[len - 1] == ' ' || e[len - 1] == 0))
		len--;
	det_text(d, e, (size_t)len, 15);
}

int
nm_dec_netbios(const uint8_t *p, size_t n, const struct nm_probe_ctx *c,
    char *detail, size_t dlen)
{
	struct det d;
	size_t off = 12, rdoff, rdlen;
	char tmp[80];
	unsigned num, i, shown_host = 0, shown_grp = 0;

	det_init(&d, detail, dlen);
	if (n < 12 || rd16(p) != (uint16_t)c->nonce || !(p[2] & 0x80) ||
	    (p[2] & 0x78) != 0 || rd16(p + 6) < 1)
		return 0;
	/* The answer's name: full, or a pointer (RFC 1002 allows either). */
	if (get_name(p, n, &off, tmp, sizeof(tmp)) != 0 || off + 10 > n)
		return 0;
	if (rd16(p + off) != 0x0021)
		return 0;
	rdlen = rd16(p + off + 8);
	rdoff = off + 10;
	if (rdoff + rdlen > n || rdlen < 1)
		return 0;
	num = p[rdoff];
	if (1 + (size_t)num * 18 > rdlen)
		num = (unsigned)((rdlen - 1) / 18);
	for (i = 0; i < num; i++) {
		const uint8_t *e = p + rdoff + 1 + i * 18;
		bool group = (e[16] & 0x80) != 0;

		if (e[15] != 0x00)
			continue;
		if (!group && !shown_host) {
			det_sep(&d);
			det_printf(&d, "name ");
			nb_name(&d, e);
			shown_host = 1;
		} else if (group && !shown_grp) {
			det_sep(&d);
			det_printf(&d, "workgroup ");
			nb_name(&d, e);
			shown_grp = 1;
		}
	}
	det_sep(&d);
	det_printf(&d, "%u names", num);
	if (1 + (size_t)num * 18 + 6 <= rdlen) {
		const uint8_t *m = p + rdoff + 1 + num * 18;

		det_printf(&d, ", MAC %02x:%02x:%02x:%02x:%02x:%02x", m[0],
		    m[1], m[2], m[3], m[4], m[5]);
	}
	return 1;
}

/* --- NTP (123): client request ------------------------------------- */

static void
ntp_stamp(uint8_t *p, uint32_t nonce)
{
	/* A random-looking transmit time; the server echoes it as origin. */
	wr32(p, nonce | 0x80000000u);
	wr32(p + 4, ~nonce);
}

static size_t
build_ntp(uint8_t *p, size_t cap, const struct nm_probe_ctx *c)
{
	if (cap < 48)
		return 0;
	memset(p, 0, 48);
	p[0] = (0 << 6) | (4 << 3) | 3;	/* LI 0, version 4, mode 3 */
	ntp_stamp(p + 40, c->nonce);
	return 48;
}

int
nm_dec_ntp(const uint8_t *p, size_t n, const struct nm_probe_ctx *c,
    char *detail, size_t dlen)
{
	struct det d;
	uint8_t want[8];
	int mode, vn, stratum;

	det_init(&d, detail, dlen);
	if (n < 48)
		return 0;
	mode = p[0] & 7;
	vn = (p[0] >> 3) & 7;
	ntp_stamp(want, c->nonce);
	if ((mode != 4 && mode != 2) || vn < 1 || vn > 4 ||
	    memcmp(p + 24, want, 8) != 0)
		return 0;
	stratum = p[1];
	det_printf(&d, "NTPv%d %s, stratum %d", vn,
	    mode == 4 ? "server" : "symmetric peer", stratum);
	if (stratum <= 1) {
		/* A kiss code (stratum 0) or a reference source name. */
		size_t rl = 0;

		while (rl < 4 && p[12 + rl] != 0)
			rl++;
		det_printf(&d, "%s", stratum == 0 ? ", kiss " : ", refid ");
		det_text(&d, p + 12, rl, 4);
	} else {
		det_printf(&d, ", refid %u.%u.%u.%u", p[12], p[13], p[14],
		    p[15]);
	}
	if ((p[0] >> 6) == 3)
		det_printf(&d, ", unsynchronised");
	return 1;
}

/* --- SSDP (1900): M-SEARCH ----------------------------------------- */

static size_t
build_ssdp(uint8_t *p, size_t cap, const struct nm_probe_ctx *c)
{
	int n;

	n = snprintf((char *)p, cap,
	    "M-SEARCH * HTTP/1.1\r\n"
	    "HOST: %s\r\n"
	    "MAN: \"ssdp:discover\"\r\n"
	    "MX: 1\r\n"
	    "ST: ssdp:all\r\n"
	    "USER-AGENT: netmin/" NETMIN_VERSION " UPnP/1.1\r\n"
	    "\r\n",
	    c->family == NM_INET6 ? "[FF02::C]:1900" : "239.255.255.250:1900");
	return n > 0 && (size_t)n < cap ? (size_t)n : 0;
}

/* Value of header "name:" in an HTTP-like text, or NULL. */
static const uint8_t *
http_header(const uint8_t *p, size_t n, const char *name, size_t *vlen)
{
	size_t nl = strlen(name), i = 0;

	while (i < n) {
		size_t e = i;

		while (e < n && p[e] != '\n')
			e++;
		if (e - i > nl && p[i + nl] == ':' &&
		    nm_strneq_ci((const char *)p + i, name, nl)) {
			size_t v = i + nl + 1, ve = e;

			while (v < ve && (p[v] == ' ' || p[v] == '\t'))
				v++;
			while (ve > v && (p[ve - 1] == '\r' ||
			    p[ve - 1] == ' '))
				ve--;
			*vlen = ve - v;
			return p + v;
		}
		i = e + 1;
	}
	return NULL;
}

int
nm_dec_ssdp(const uint8_t *p, size_t n, const struct nm_probe_ctx *c,
    char *detail, size_t dlen)
{
	static const char *keys[][2] = { { "SERVER", "server" },
	    { "ST", "st" }, { "LOCATION", "location" } };
	struct det d;
	size_t i, vl;
	bool any = false;

	(void)c;
	det_init(&d, detail, dlen);
	if (n < 12 || !nm_strneq_ci((const char *)p, "HTTP/1.", 7) ||
	    memcmp(p + 8, " 200", 4) != 0)
		return 0;
	for (i = 0; i < NM_NELEM(keys); i++) {
		const uint8_t *v = http_header(p, n, keys[i][0], &vl);

		if (v == NULL)
			continue;
		det_sep(&d);
		det_printf(&d, "%s ", keys[i][1]);
		det_text(&d, v, vl, 80);
		any = true;
	}
	if (!any && http_header(p, n, "USN", &vl) == NULL)
		return 0;
	return 1;
}

/* --- WS-Discovery (3702): Probe ------------------------------------ */

static void
wsd_uuid(char *out, size_t outlen, uint32_t nonce)
{
	uint8_t b[16];

	fill(b, sizeof(b), nonce);
	b[6] = (uint8_t)((b[6] & 0x0f) | 0x40);	/* version 4 */
	b[8] = (uint8_t)((b[8] & 0x3f) | 0x80);	/* RFC 4122 variant */
	snprintf(out, outlen,
	    "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
	    "%02x%02x%02x%02x%02x%02x", b[0], b[1], b[2], b[3], b[4], b[5],
	    b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
}

static size_t
build_wsd(uint8_t *p, size_t cap, const struct nm_probe_ctx *c)
{
	char id[40];
	int n;

	wsd_uuid(id, sizeof(id), c->nonce);
	n = snprintf((char *)p, cap,
	    "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
	    "<soap:Envelope"
	    " xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\""
	    " xmlns:wsa=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\""
	    " xmlns:wsd=\"http://schemas.xmlsoap.org/ws/2005/04/discovery\""
	    " xmlns:wsdp=\"http://schemas.xmlsoap.org/ws/2006/02/devprof\">"
	    "<soap:Header>"
	    "<wsa:To>urn:schemas-xmlsoap-org:ws:2005:04:discovery</wsa:To>"
	    "<wsa:Action>http://schemas.xmlsoap.org/ws/2005/04/discovery/"
	    "Probe</wsa:Action>"
	    "<wsa:MessageID>urn:uuid:%s</wsa:MessageID>"
	    "</soap:Header>"
	    "<soap:Body><wsd:Probe><wsd:Types>wsdp:Device</wsd:Types>"
	    "</wsd:Probe></soap:Body>"
	    "</soap:Envelope>", id);
	return n > 0 && (size_t)n < cap ? (size_t)n : 0;
}

static const uint8_t *
find(const uint8_t *p, size_t n, const char *s)
{
	size_t l = strlen(s), i;

	for (i = 0; l <= n && i <= n - l; i++)
		if (memcmp(p + i, s, l) == 0)
			return p + i;
	return NULL;
}

/* Text content of the first element whose local name is `name`. */
static void
xml_text(struct det *d, const uint8_t *p, size_t n, const char *name,
    const char *label)
{
	char open[48];
	const uint8_t *q = p, *end = p + n;

	snprintf(open, sizeof(open), ":%s>", name);
	while ((q = find(q, (size_t)(end - q), open)) != NULL) {
		const uint8_t *v = q + strlen(open), *e = v;

		/* An opening tag: "<prefix:name>" (not "</prefix:name>"). */
		const uint8_t *lt = q;

		while (lt > p && *lt != '<' && *lt != '/')
			lt--;
		if (*lt == '<') {
			while (e < end && *e != '<')
				e++;
			det_sep(d);
			det_printf(d, "%s ", label);
			det_text(d, v, (size_t)(e - v), 100);
			return;
		}
		q = v;
	}
}

int
nm_dec_wsd(const uint8_t *p, size_t n, const struct nm_probe_ctx *c,
    char *detail, size_t dlen)
{
	struct det d;
	char id[40];

	det_init(&d, detail, dlen);
	if (find(p, n, "ProbeMatch") == NULL ||
	    find(p, n, "discovery") == NULL)
		return 0;
	/* When the answer says which message it answers, it must be ours. */
	wsd_uuid(id, sizeof(id), c->nonce);
	if (find(p, n, "RelatesTo") != NULL && find(p, n, id) == NULL)
		return 0;
	xml_text(&d, p, n, "Types", "types");
	xml_text(&d, p, n, "XAddrs", "xaddrs");
	if (d.len == 0)
		det_printf(&d, "ProbeMatches");
	return 1;
}

/* --- SNMP (161): GetRequest sysDescr.0 ----------------------------- */

static uint32_t
snmp_reqid(uint32_t nonce)
{
	/* Four content bytes, minimal BER: first byte 0x01..0x7f. */
	return (nonce & 0x7fffffffu) | 0x01000000u;
}

static size_t
build_snmp(uint8_t *p, size_t cap, const struct nm_probe_ctx *c)
{
	static const uint8_t tmpl[] = {
		0x30, 0x29,
		0x02, 0x01, 0x01,			/* version: v2c */
		0x04, 0x06, 'p', 'u', 'b', 'l', 'i', 'c',
		0xa0, 0x1c,				/* GetRequest-PDU */
		0x02, 0x04, 0, 0, 0, 0,			/* request-id */
		0x02, 0x01, 0x00,			/* error-status */
		0x02, 0x01, 0x00,			/* error-index */
		0x30, 0x0e, 0x30, 0x0c,			/* varbinds */
		0x06, 0x08, 0x2b, 0x06, 0x01, 0x02, 0x01, 0x01, 0x01, 0x00,
		0x05, 0x00
	};

	if (cap < sizeof(tmpl))
		return 0;
	memcpy(p, tmpl, sizeof(tmpl));
	/* The recheck asks in SNMPv1, for agents that speak only that. */
	if (c->try_no % 2 == 1)
		p[4] = 0x00;
	wr32(p + 17, snmp_reqid(c->nonce));
	return sizeof(tmpl);
}

/* BER: a tag and a definite length that fits what is left. */
static int
ber(const uint8_t *p, size_t n, size_t *off, uint8_t *tag, size_t *len)
{
	size_t o = *off, l;

	if (o + 2 > n)
		return -1;
	*tag = p[o++];
	l = p[o++];
	if (l & 0x80) {
		size_t k = l & 0x7f;

		if (k == 0 || k > 3 || o + k > n)
			return -1;
		for (l = 0; k > 0; k--)
			l = l << 8 | p[o++];
	}
	if (l > n - o)
		return -1;
	*off = o;
	*len = l;
	return 0;
}

static int
ber_int(const uint8_t *p, size_t n, size_t *off, long *v)
{
	uint8_t tag;
	size_t len, i;
	unsigned long u = 0;

	if (ber(p, n, off, &tag, &len) != 0 || tag != 0x02 || len == 0 ||
	    len > 4)
		return -1;
	for (i = 0; i < len; i++)
		u = u << 8 | p[*off + i];
	if (p[*off] & 0x80)
		u |= ~0UL << (8 * len);
	*v = (long)u;
	*off += len;
	return 0;
}

int
nm_dec_snmp(const uint8_t *p, size_t n, const struct nm_probe_ctx *c,
    char *detail, size_t dlen)
{
	struct det d;
	size_t off = 0, len, end;
	uint8_t tag;
	long ver, rid, estat, eidx;

	det_init(&d, detail, dlen);
	if (ber(p, n, &off, &tag, &len) != 0 || tag != 0x30)
		return 0;
	end = off + len;
	if (ber_int(p, end, &off, &ver) != 0 || ver < 0 || ver > 1)
		return 0;
	if (ber(p, end, &off, &tag, &len) != 0 || tag != 0x04)
		return 0;
	off += len;				/* community */
	if (ber(p, end, &off, &tag, &len) != 0 || tag != 0xa2)
		return 0;			/* GetResponse-PDU */
	end = off + len;
	if (ber_int(p, end, &off, &rid) != 0 ||
	    (uint32_t)rid != snmp_reqid(c->nonce) ||
	    ber_int(p, end, &off, &estat) != 0 ||
	    ber_int(p, end, &off, &eidx) != 0)
		return 0;
	det_printf(&d, "SNMP%s", ver == 1 ? "v2c" : "v1");
	if (estat != 0)
		det_printf(&d, ", error-status %ld", estat);
	/* varbind list -> first varbind -> OID, value */
	if (ber(p, end, &off, &tag, &len) == 0 && tag == 0x30 &&
	    ber(p, end, &off, &tag, &len) == 0 && tag == 0x30 &&
	    ber(p, end, &off, &tag, &len) == 0 && tag == 0x06) {
		off += len;
		if (ber(p, end, &off, &tag, &len) == 0) {
			if (tag == 0x04) {
				det_printf(&d, ", sysDescr \"");
				det_text(&d, p + off, len, 100);
				det_printf(&d, "\"");
			} else if (tag >= 0x80 && tag <= 0x82) {
				det_printf(&d, ", no sysDescr");
			}
		}
	}
	return 1;
}

/* --- IKE (500, 4500): IKEv2 IKE_SA_INIT ---------------------------- */

static size_t
put_transform(uint8_t *p, bool last, int type, int id, int keylen)
{
	size_t len = keylen ? 12 : 8;

	p[0] = last ? 0 : 3;
	p[1] = 0;
	wr16(p + 2, (unsigned)len);
	p[4] = (uint8_t)type;
	p[5] = 0;
	wr16(p + 6, (unsigned)id);
	if (keylen) {
		wr16(p + 8, 0x8000 | 14);	/* TV attribute: Key Length */
		wr16(p + 10, (unsigned)keylen);
	}
	return len;
}

static size_t
ike_init(uint8_t *p, size_t cap, const struct nm_probe_ctx *c)
{
	size_t off = 28, sa, prop;

	if (cap < 28 + 48 + 264 + 36)
		return 0;
	memset(p, 0, 28);
	wr32(p, c->nonce);			/* SPIi */
	wr32(p + 4, ~c->nonce);
	p[16] = 33;				/* next payload: SA */
	p[17] = 0x20;				/* version 2.0 */
	p[18] = 34;				/* IKE_SA_INIT */
	p[19] = 0x08;				/* Initiator */
	/* SA payload with one IKE proposal: AES-CBC-128, SHA2-256, MODP 2048 */
	sa = off;
	p[off] = 34;				/* next: KE */
	p[off + 1] = 0;
	off += 4;
	prop = off;
	p[off] = 0;				/* last proposal */
	p[off + 1] = 0;
	p[off + 4] = 1;				/* proposal 1 */
	p[off + 5] = 1;				/* protocol IKE */
	p[off + 6] = 0;				/* no SPI */
	p[off + 7] = 4;				/* transforms */
	off += 8;
	off += put_transform(p + off, false, 1, 12, 128);	/* ENCR */
	off += put_transform(p + off, false, 2, 5, 0);	/* PRF */
	off += put_transform(p + off, false, 3, 12, 0);	/* INTEG */
	off += put_transform(p + off, true, 4, 14, 0);	/* D-H */
	wr16(p + prop + 2, (unsigned)(off - prop));
	wr16(p + sa + 2, (unsigned)(off - sa));
	/* KE payload, group 14: 256 bytes below the prime. */
	p[off] = 40;				/* next: Nonce */
	p[off + 1] = 0;
	wr16(p + off + 2, 8 + 256);
	wr16(p + off + 4, 14);
	wr16(p + off + 6, 0);
	fill(p + off + 8, 256, c->nonce ^ 0x5a5a5a5au);
	p[off + 8] &= 0x7f;
	off += 8 + 256;
	/* Nonce payload */
	p[off] = 0;
	p[off + 1] = 0;
	wr16(p + off + 2, 4 + 32);
	fill(p + off + 4, 32, c->nonce ^ 0xa5a5a5a5u);
	off += 36;
	wr32(p + 24, (uint32_t)off);
	return off;
}

static size_t
build_ike(uint8_t *p, size_t cap, const struct nm_probe_ctx *c)
{
	return ike_init(p, cap, c);
}

static size_t
build_ike_natt(uint8_t *p, size_t cap, const struct nm_probe_ctx *c)
{
	size_t n;

	if (cap < 4)
		return 0;
	n = ike_init(p + 4, cap - 4, c);
	if (n == 0)
		return 0;
	memset(p, 0, 4);			/* non-ESP marker */
	return n + 4;
}

static const char *
ike_notify_name(int v2, unsigned t)
{
	if (t == 5)
		return "INVALID_MAJOR_VERSION";
	if (t == 7)
		return "INVALID_SYNTAX";
	if (t == 14)
		return "NO_PROPOSAL_CHOSEN";
	if (v2 && t == 17)
		return "INVALID_KE_PAYLOAD";
	if (v2 && t == 16390)
		return "COOKIE";
	return NULL;
}

int
nm_dec_ike(const uint8_t *p, size_t n, const struct nm_probe_ctx *c,
    char *detail, size_t dlen)
{
	struct det d;
	size_t off = 28, len;
	unsigned np, guard = 0, major;
	int v2;

	det_init(&d, detail, dlen);
	if (n >= 4 && rd32(p) == 0)
		p += 4, n -= 4;			/* NAT-T non-ESP marker */
	if (n < 28 || rd32(p) != c->nonce || rd32(p + 4) != ~c->nonce)
		return 0;
	major = p[17] >> 4;
	if (major != 1 && major != 2)
		return 0;
	v2 = major == 2;
	len = rd32(p + 24);
	if (len < 28)
		return 0;
	if (len < n)
		n = len;
	det_printf(&d, "IKEv%u", major);
	if (v2) {
		if (!(p[19] & 0x20))
			return 0;		/* not a response */
		if (p[18] == 34)
			det_printf(&d, " IKE_SA_INIT response");
		else if (p[18] == 37)
			det_printf(&d, " INFORMATIONAL");
		else
			det_printf(&d, " exchange %u", p[18]);
	} else {
		det_printf(&d, " exchange %u", p[18]);
	}
	np = p[16];
	while (np != 0 && off + 4 <= n && guard++ < 32) {
		unsigned plen = rd16(p + off + 2);

		if (plen < 4 || off + plen > n)
			break;
		if ((v2 && np == 41 && plen >= 8) ||
		    (!v2 && np == 11 && plen >= 12)) {
			unsigned t = v2 ? rd16(p + off + 6) :
			    rd16(p + off + 10);
			const char *nn = ike_notify_name(v2, t);

			if (t < 16384 || nn != NULL) {
				if (nn != NULL)
					det_printf(&d, ", notify %s", nn);
				else
					det_printf(&d, ", notify %u", t);
			}
		} else if (v2 && np == 33) {
			det_printf(&d, ", proposal accepted");
		}
		np = p[off];
		off += plen;
	}
	return 1;
}

/* --- DCE/RPC connectionless (135): ept_lookup ---------------------- */

/* e1af8308-5d1f-11c9-91a4-08002b14a0fa v3.0, in little-endian NDR. */
static const uint8_t epm_uuid_le[16] = {
	0x08, 0x83, 0xaf, 0xe1, 0x1f, 0x5d, 0xc9, 0x11,
	0x91, 0xa4, 0x08, 0x00, 0x2b, 0x14, 0xa0, 0xfa
};

static void
cl_actid(uint8_t *b, uint32_t nonce)
{
	fill(b, 16, nonce ^ 0x3c3c3c3cu);
	b[7] = (uint8_t)((b[7] & 0x0f) | 0x40);
	b[8] = (uint8_t)((b[8] & 0x3f) | 0x80);
}

static size_t
build_dcerpc_cl(uint8_t *p, size_t cap, const struct nm_probe_ctx *c)
{
	if (cap < 80 + 40)
		return 0;
	memset(p, 0, 120);
	p[0] = 4;				/* rpc_vers */
	p[1] = 0;				/* request */
	p[2] = 0x20;				/* idempotent */
	p[4] = 0x10;				/* drep: little-endian, ASCII */
	/* object uuid (8..23) nil */
	memcpy(p + 24, epm_uuid_le, 16);	/* if_id */
	cl_actid(p + 40, c->nonce);		/* act_id */
	/* server_boot 56 = 0 */
	p[60] = 3;				/* if_vers 3.0 */
	p[64] = (uint8_t)c->try_no;		/* seqnum */
	p[68] = 2;				/* opnum: ept_lookup */
	p[70] = p[71] = 0xff;			/* ihint: none */
	p[72] = p[73] = 0xff;			/* ahint: none */
	p[74] = 40;				/* body length */
	/* body: inquiry_type 0 (all), object NULL, Ifid NULL, vers_option 1
	 * (all), entry_handle 20 zero bytes, max_ents 1 */
	p[80 + 12] = 1;
	p[80 + 36] = 1;
	return 120;
}

int
nm_dec_dcerpc_cl(const uint8_t *p, size_t n, const struct nm_probe_ctx *c,
    char *detail, size_t dlen)
{
	static const char *types[] = { "request", "ping", "response",
	    "fault", "working", "nocall", "reject", "ack", "cl_cancel",
	    "fack", "cancel_ack" };
	struct det d;
	uint8_t act[16];
	bool le;
	unsigned ptype;
	size_t blen;

	det_init(&d, detail, dlen);
	if (n < 80 || p[0] != 4)
		return 0;
	ptype = p[1];
	if (ptype >= NM_NELEM(types) || ptype == 0 || ptype == 1 ||
	    ptype == 8)
		return 0;			/* not a server's PDU */
	cl_actid(act, c->nonce);
	if (memcmp(p + 40, act, 16) != 0)
		return 0;
	le = (p[4] & 0xf0) == 0x10;
	blen = le ? rd16le(p + 74) : rd16(p + 74);
	det_printf(&d, "DCE/RPC CL %s", types[ptype]);
	if ((ptype == 3 || ptype == 6) && blen >= 4 && n >= 84) {
		uint32_t st = le ? rd32le(p + 80) : rd32(p + 80);

		det_printf(&d, " status 0x%08x", (unsigned)st);
		if (st == 0x1c010003u)
			det_printf(&d, " (nca_unk_if)");
		else if (st == 0x1c010002u)
			det_printf(&d, " (nca_op_rng_error)");
	} else if (ptype == 2 && blen >= 24 && n >= 80 + 24) {
		uint32_t num = le ? rd32le(p + 100) : rd32(p + 100);

		det_printf(&d, " to ept_lookup, %u entr%s", (unsigned)num,
		    num == 1 ? "y" : "ies");
	}
	return 1;
}

/* ------------------------------------------------------------------ */

const struct nm_udp_probe nm_udp_probes[] = {
	{ 53, "domain", "DNS query: CHAOS TXT version.bind",
	  build_dns, nm_dec_dns },
	{ 123, "ntp", "NTP client request (mode 3)", build_ntp, nm_dec_ntp },
	{ 135, "msrpc", "DCE/RPC connectionless ept_lookup",
	  build_dcerpc_cl, nm_dec_dcerpc_cl },
	{ 137, "netbios-ns", "NetBIOS node status (NBSTAT *)",
	  build_netbios, nm_dec_netbios },
	{ 161, "snmp", "SNMP v2c then v1 GetRequest sysDescr.0, "
	  "community public", build_snmp, nm_dec_snmp },
	{ 500, "isakmp", "IKEv2 IKE_SA_INIT request", build_ike, nm_dec_ike },
	{ 1900, "ssdp", "SSDP M-SEARCH ssdp:all", build_ssdp, nm_dec_ssdp },
	{ 3702, "ws-discovery", "WS-Discovery Probe for wsdp:Device",
	  build_wsd, nm_dec_wsd },
	{ 4500, "ipsec-nat-t", "IKEv2 IKE_SA_INIT with non-ESP marker",
	  build_ike_natt, nm_dec_ike },
	{ 5353, "mdns", "mDNS legacy unicast: _services._dns-sd._udp.local",
	  build_mdns, nm_dec_mdns },
	{ 5355, "llmnr", "LLMNR PTR query for the target's address",
	  build_llmnr, nm_dec_llmnr },
	{ 0, NULL, NULL, NULL, NULL }
};

const struct nm_udp_probe *
nm_udp_probe_for(unsigned port)
{
	const struct nm_udp_probe *p;

	for (p = nm_udp_probes; p->port != 0; p++)
		if (p->port == port)
			return p;
	return NULL;
}
