/*
 * kb.c - the knowledge-base format: parser, validator and lookups.
 *
 * One parser serves the build (tools/kbgen validates kb/ files and embeds
 * it), the built-in load at run time, and `--kb FILE`; the format is in
 * doc/kb.md.  Every error names file:line.  Nothing here prints.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kb.h"
#include "plan.h"

const struct nm_os_info nm_os_table[NM_OS__COUNT] = {
	[NM_OS_W2000]	= { "windows-2000", "Windows 2000", 50, true, true },
	[NM_OS_WXP]	= { "windows-xp", "Windows XP", 51, false, true },
	[NM_OS_W2003]	= { "windows-2003", "Windows Server 2003", 52, true,
			    false },
	[NM_OS_WVISTA]	= { "windows-vista", "Windows Vista", 60, false,
			    true },
	[NM_OS_W2008]	= { "windows-server-2008", "Windows Server 2008", 60,
			    true, false },
	[NM_OS_W7]	= { "windows-7", "Windows 7", 61, false, true },
	[NM_OS_W2008R2]	= { "windows-server-2008r2",
			    "Windows Server 2008 R2", 61, true, false },
	[NM_OS_W8]	= { "windows-8", "Windows 8", 62, false, true },
	[NM_OS_W2012]	= { "windows-server-2012", "Windows Server 2012", 62,
			    true, false },
	[NM_OS_W81]	= { "windows-8.1", "Windows 8.1", 63, false, true },
	[NM_OS_W2012R2]	= { "windows-server-2012r2",
			    "Windows Server 2012 R2", 63, true, false },
	[NM_OS_W10]	= { "windows-10", "Windows 10", 100, false, true },
	[NM_OS_W2016]	= { "windows-server-2016", "Windows Server 2016", 101,
			    true, false },
	[NM_OS_W2019]	= { "windows-server-2019", "Windows Server 2019", 102,
			    true, false },
	[NM_OS_W2022]	= { "windows-server-2022", "Windows Server 2022", 103,
			    true, false },
	[NM_OS_W11]	= { "windows-11", "Windows 11", 104, false, true },
	[NM_OS_W2025]	= { "windows-server-2025", "Windows Server 2025", 105,
			    true, false },
	[NM_OS_LINUX]	= { "linux", "Linux", 1000, true, true },
};

static nm_osmask
rank_mask(int lo, int hi)
{
	nm_osmask m = 0;
	int g;

	for (g = 0; g < NM_OS_LINUX; g++)
		if (nm_os_table[g].rank >= lo && nm_os_table[g].rank <= hi)
			m |= NM_OSM(g);
	return m;
}

static int
os_gen(const char *id, size_t len)
{
	int g;

	for (g = 0; g < NM_OS__COUNT; g++)
		if (strlen(nm_os_table[g].id) == len &&
		    strncmp(nm_os_table[g].id, id, len) == 0)
			return g;
	return -1;
}

/* Families: what a capture can tell without naming the exact release. */
static const struct {
	const char	*id;
	int		 lo, hi;
} os_families[] = {
	{ "windows", 0, 999 },
	{ "windows-nt5", 50, 52 },
	{ "windows-nt6", 60, 63 },
	{ "windows-nt10", 100, 199 },
	{ "windows-vista+", 60, 199 },
};

nm_osmask
nm_os_mask(const char *id)
{
	size_t i;
	int g;

	if (id == NULL)
		return NM_OSM_ALL;
	if ((g = os_gen(id, strlen(id))) >= 0)
		return NM_OSM(g);
	for (i = 0; i < NM_NELEM(os_families); i++)
		if (strcmp(os_families[i].id, id) == 0)
			return rank_mask(os_families[i].lo, os_families[i].hi);
	return 0;
}

int
nm_os_single(nm_osmask m)
{
	int g;

	for (g = 0; g < NM_OS__COUNT; g++)
		if (m == NM_OSM(g))
			return g;
	return -1;
}

static nm_osmask
edition_mask(bool server)
{
	nm_osmask m = 0;
	int g;

	for (g = 0; g < NM_OS_LINUX; g++)
		if (server ? nm_os_table[g].server : nm_os_table[g].client)
			m |= NM_OSM(g);
	return m;
}

/* One term: ID, family, A..B, ..B, A.. with an optional :client/:server. */
static int
os_term(const char *s, size_t len, nm_osmask *out, char *err, size_t errlen)
{
	const char *dots = NULL;
	nm_osmask m, ed = NM_OSM_ALL;
	size_t i;
	int lo = 0, hi = 999, g;
	char tmp[64];

	if (len > 7 && strncmp(s + len - 7, ":client", 7) == 0) {
		ed = edition_mask(false);
		len -= 7;
	} else if (len > 7 && strncmp(s + len - 7, ":server", 7) == 0) {
		ed = edition_mask(true);
		len -= 7;
	}
	for (i = 0; i + 1 < len; i++)
		if (s[i] == '.' && s[i + 1] == '.') {
			dots = s + i;
			break;
		}
	if (dots == NULL) {
		if (len >= sizeof(tmp))
			goto bad;
		memcpy(tmp, s, len);
		tmp[len] = '\0';
		if ((m = nm_os_mask(tmp)) == 0)
			goto bad;
		*out = m & ed;
		return 0;
	}
	if (dots > s) {
		if ((g = os_gen(s, (size_t)(dots - s))) < 0 ||
		    g == NM_OS_LINUX)
			goto bad;
		lo = nm_os_table[g].rank;
	}
	if (dots + 2 < s + len) {
		if ((g = os_gen(dots + 2, (size_t)(s + len - dots - 2))) < 0 ||
		    g == NM_OS_LINUX)
			goto bad;
		hi = nm_os_table[g].rank;
	}
	if (lo > hi || (dots == s && dots + 2 == s + len))
		goto bad;
	*out = rank_mask(lo, hi) & ed;
	return 0;
bad:
	snprintf(err, errlen, "unknown OS generation '%.*s' (see doc/kb.md)",
	    (int)(len > 60 ? 60 : len), s);
	return -1;
}

int
nm_os_parse(const char *text, nm_osmask *out, char *err, size_t errlen)
{
	const char *p = text, *q;
	nm_osmask m = 0, t;

	while (*p) {
		while (*p == ' ' || *p == ',' || *p == '\t')
			p++;
		if (*p == '\0')
			break;
		q = p;
		while (*q && *q != ' ' && *q != ',' && *q != '\t')
			q++;
		if (os_term(p, (size_t)(q - p), &t, err, errlen) != 0)
			return -1;
		m |= t;
		p = q;
	}
	if (m == 0) {
		snprintf(err, errlen, "empty OS list");
		return -1;
	}
	*out = m;
	return 0;
}

const char *
nm_os_describe(nm_osmask m, char *buf, size_t len)
{
	size_t i, n = 0;
	int g, first = -1, last = -1;

	buf[0] = '\0';
	if (m == NM_OSM_ALL)
		return "any";
	for (i = 0; i < NM_NELEM(os_families); i++)
		if (m == rank_mask(os_families[i].lo, os_families[i].hi)) {
			snprintf(buf, len, "%s", os_families[i].id);
			return buf;
		}
	if (m == NM_OSM(NM_OS_LINUX))
		return "linux";
	/* A contiguous run of Windows generations reads as a range. */
	for (g = 0; g < NM_OS_LINUX; g++)
		if (m & NM_OSM(g)) {
			if (first < 0)
				first = g;
			last = g;
		}
	if (first >= 0 && first != last && (m & NM_OSM_WINDOWS) ==
	    rank_mask(nm_os_table[first].rank, nm_os_table[last].rank)) {
		if (nm_os_table[last].rank >= 105)
			n = (size_t)snprintf(buf, len, "%s..",
			    nm_os_table[first].id);
		else if (first == 0)
			n = (size_t)snprintf(buf, len, "..%s",
			    nm_os_table[last].id);
		else
			n = (size_t)snprintf(buf, len, "%s..%s",
			    nm_os_table[first].id, nm_os_table[last].id);
		if ((m & NM_OSM(NM_OS_LINUX)) && n < len)
			snprintf(buf + n, len - n, " linux");
		return buf;
	}
	for (g = 0; g < NM_OS__COUNT && n < len; g++)
		if (m & NM_OSM(g))
			n += (size_t)snprintf(buf + n, len - n, "%s%s",
			    n ? " " : "", nm_os_table[g].id);
	return buf;
}

bool
nm_os_dynamic_rpc(nm_osmask m, int port)
{
	bool old = (m & rank_mask(50, 52)) != 0;
	bool new_ = (m & rank_mask(60, 999)) != 0;

	return (old && port >= 1025 && port <= 5000) ||
	    (new_ && port >= 49152 && port <= 65535);
}

/* --- parser ----------------------------------------------------------- */

#define KB_MAXTOK 64
#define KB_MAXLINE 4096

struct tok {
	char	*s;		/* unquoted text */
	char	*key;		/* attribute name, or NULL */
	bool	 quoted;
};

struct kbp {
	struct nm_kb		*kb;
	const char		*file;
	int			 line;
	struct nm_kb_entry	*e;	/* the entry being read */
	struct nm_error		*err;
	char			 buf[KB_MAXLINE * 2];
	struct tok		 t[KB_MAXTOK];
	size_t			 nt;
	NM_VEC(const char *)	 ids;	/* ids defined by this file */
	const char		*raw;	/* the current line as written */
	size_t			 rawlen;
};

static int
perr(struct kbp *p, const char *fmt, ...) NM_PRINTF(2, 3);

static int
perr(struct kbp *p, const char *fmt, ...)
{
	char m[400];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(m, sizeof(m), fmt, ap);
	va_end(ap);
	return nm_seterr(p->err, NM_ERR_INPUT, "%s:%d: %s", p->file, p->line,
	    m);
}

static bool
attr_name_ok(const char *s, size_t n)
{
	size_t i;

	if (n == 0)
		return false;
	for (i = 0; i < n; i++)
		if (!(islower((unsigned char)s[i]) || s[i] == '_'))
			return false;
	return true;
}

/*
 * Splits a line into tokens.  Double quotes group (a doubled quote is a
 * literal quote); backslashes are literal, for registry paths.  An
 * unquoted `name=` at the start of a token makes it an attribute.  '#'
 * at the start of a token begins a comment.
 */
static int
tokenize(struct kbp *p, const char *line, size_t len)
{
	size_t i = 0, o = 0;

	p->nt = 0;
	while (i < len) {
		struct tok *t;
		size_t start;
		bool quoted = false;
		const char *eq;

		while (i < len && (line[i] == ' ' || line[i] == '\t'))
			i++;
		if (i >= len || line[i] == '#')
			break;
		if (p->nt == KB_MAXTOK)
			return perr(p, "too many words on one line");
		t = &p->t[p->nt++];
		t->key = NULL;
		start = i;
		eq = NULL;
		t->s = p->buf + o;
		while (i < len && line[i] != ' ' && line[i] != '\t') {
			if (line[i] == '"') {
				quoted = true;
				i++;
				for (;;) {
					if (i >= len)
						return perr(p, "unterminated "
						    "quoted string");
					if (line[i] == '"') {
						if (i + 1 < len &&
						    line[i + 1] == '"') {
							p->buf[o++] = '"';
							i += 2;
							continue;
						}
						i++;
						break;
					}
					p->buf[o++] = line[i++];
				}
				continue;
			}
			if (line[i] == '=' && !quoted && eq == NULL &&
			    attr_name_ok(line + start, i - start)) {
				eq = line + i;
				p->buf[o++] = '\0';
				t->key = t->s;
				t->s = p->buf + o;
				i++;
				continue;
			}
			p->buf[o++] = line[i++];
		}
		p->buf[o++] = '\0';
		t->quoted = quoted;
	}
	return 0;
}

static char *
kdup(struct kbp *p, const char *s)
{
	return nm_astrdup(&p->kb->arena, s);
}

static void
strv_push(struct kbp *p, const char ***v, size_t *n, const char *s)
{
	const char **nv = nm_aalloc(&p->kb->arena, (*n + 1) * sizeof(*nv));

	if (*n)
		memcpy(nv, *v, *n * sizeof(*nv));
	nv[*n] = kdup(p, s);
	*v = nv;
	(*n)++;
}

/* Positional words (not attributes) of the current line, after index 0. */
static size_t
npos(const struct kbp *p)
{
	size_t i, n = 0;

	for (i = 1; i < p->nt; i++)
		if (p->t[i].key == NULL)
			n++;
	return n;
}

static const char *
pos(const struct kbp *p, size_t k)
{
	size_t i, n = 0;

	for (i = 1; i < p->nt; i++)
		if (p->t[i].key == NULL && n++ == k)
			return p->t[i].s;
	return NULL;
}

static const char *
pos_join(struct kbp *p, size_t from)
{
	struct nm_buf b = { 0 };
	const char *s, *r;
	size_t k;

	for (k = from; (s = pos(p, k)) != NULL; k++) {
		if (b.len)
			nm_buf_putc(&b, ' ');
		nm_buf_puts(&b, s);
	}
	r = kdup(p, b.s ? b.s : "");
	nm_buf_free(&b);
	return r;
}

/* The line after its keyword, as written (titles and notes keep their
 * quotes and equals signs). */
static const char *
raw_rest(struct kbp *p)
{
	size_t i = 0, e = p->rawlen;

	while (i < e && (p->raw[i] == ' ' || p->raw[i] == '\t'))
		i++;
	while (i < e && p->raw[i] != ' ' && p->raw[i] != '\t')
		i++;
	while (i < e && (p->raw[i] == ' ' || p->raw[i] == '\t'))
		i++;
	while (e > i && (p->raw[e - 1] == ' ' || p->raw[e - 1] == '\t'))
		e--;
	return nm_astrndup(&p->kb->arena, p->raw + i, e - i);
}

/* Flags are bare words; only those the keyword allows are accepted. */
static bool
is_flag(const char *s)
{
	static const char *const flags[] = { "unverified", "reboot",
	    "restart", "typical", "mask", NULL };
	size_t i;

	for (i = 0; flags[i]; i++)
		if (strcmp(s, flags[i]) == 0)
			return true;
	return false;
}

/* Removes flag words from the positionals, checking they are allowed. */
static int
take_flags(struct kbp *p, const char *allowed, unsigned *set)
{
	static const char *const flags[] = { "unverified", "reboot",
	    "restart", "typical", "mask", NULL };
	size_t i, j, k;

	*set = 0;
	for (i = 1, j = 1; i < p->nt; i++) {
		struct tok *t = &p->t[i];

		if (t->key == NULL && !t->quoted && is_flag(t->s)) {
			char pat[32];

			snprintf(pat, sizeof(pat), " %s ", t->s);
			if (allowed == NULL || strstr(allowed, pat) == NULL)
				return perr(p, "'%s' is not allowed on a '%s' "
				    "line", t->s, p->t[0].s);
			for (k = 0; flags[k]; k++)
				if (strcmp(flags[k], t->s) == 0)
					*set |= 1u << k;
			continue;
		}
		p->t[j++] = *t;
	}
	p->nt = j;
	return 0;
}
#define F_UNVERIFIED	(1u << 0)
#define F_REBOOT	(1u << 1)
#define F_RESTART	(1u << 2)
#define F_TYPICAL	(1u << 3)
#define F_MASK		(1u << 4)

/* Attributes: each must be allowed for the keyword; `set=`, `do=`,
 * `undo=` may repeat. */
static int
check_attrs(struct kbp *p, const char *allowed)
{
	size_t i, j;

	for (i = 1; i < p->nt; i++) {
		char pat[40];

		if (p->t[i].key == NULL)
			continue;
		snprintf(pat, sizeof(pat), " %.30s ", p->t[i].key);
		if (allowed == NULL || strstr(allowed, pat) == NULL)
			return perr(p, "unknown attribute '%s=' on a '%s' line",
			    p->t[i].key, p->t[0].s);
		if (strcmp(p->t[i].key, "set") == 0 ||
		    strcmp(p->t[i].key, "do") == 0 ||
		    strcmp(p->t[i].key, "undo") == 0)
			continue;
		for (j = i + 1; j < p->nt; j++)
			if (p->t[j].key != NULL &&
			    strcmp(p->t[j].key, p->t[i].key) == 0)
				return perr(p, "attribute '%s=' given twice",
				    p->t[i].key);
	}
	return 0;
}

static const char *
attr(const struct kbp *p, const char *key)
{
	size_t i;

	for (i = 1; i < p->nt; i++)
		if (p->t[i].key != NULL && strcmp(p->t[i].key, key) == 0)
			return p->t[i].s;
	return NULL;
}

/* src=, os=, unverified: the common part of every fact. */
static int
fact(struct kbp *p, struct nm_kb_fact *f, unsigned flags)
{
	const char *os = attr(p, "os"), *src = attr(p, "src");
	char e[160];

	f->file = p->file;
	f->line = p->line;
	f->unverified = (flags & F_UNVERIFIED) != 0;
	f->os = p->e->os;
	f->src = src ? kdup(p, src) : p->e->src;
	if (src != NULL && *src == '\0')
		return perr(p, "empty src=");
	if (os != NULL) {
		if (nm_os_parse(os, &f->os, e, sizeof(e)) != 0)
			return perr(p, "%s", e);
		if ((f->os & ~p->e->os) != 0)
			return perr(p, "os=%s reaches beyond the entry's os",
			    os);
	}
	return 0;
}

static int
parse_port_num(const char *s, int *lo, int *hi)
{
	const char *dash = strchr(s, '-');

	if (dash == NULL) {
		if (nm_parse_int(s, strlen(s), 1, 65535, lo) != 0)
			return -1;
		*hi = *lo;
		return 0;
	}
	if (nm_parse_int(s, (size_t)(dash - s), 1, 65535, lo) != 0 ||
	    nm_parse_int(dash + 1, strlen(dash + 1), 1, 65535, hi) != 0 ||
	    *hi < *lo)
		return -1;
	return 0;
}

static int
kw_port(struct kbp *p)
{
	struct nm_kb_port *pt;
	const char *proto, *spec, *bind, *until;
	unsigned fl;

	if (take_flags(p, " typical unverified ", &fl) != 0 ||
	    check_attrs(p, " os src bind until note ") != 0)
		return -1;
	if (npos(p) != 2)
		return perr(p, "usage: port tcp|udp PORT|LO-HI|rpc|ephemeral "
		    "[typical] [os=] [bind=] [until=] [note=] [src=]");
	proto = pos(p, 0);
	spec = pos(p, 1);
	pt = NM_VEC_PUSH(&p->e->ports);
	if (strcmp(proto, "tcp") == 0)
		pt->proto = NM_TCP;
	else if (strcmp(proto, "udp") == 0)
		pt->proto = NM_UDP;
	else
		return perr(p, "protocol must be tcp or udp, not '%s'", proto);
	if (strcmp(spec, "rpc") == 0)
		pt->kind = NM_KBP_RPC;
	else if (strcmp(spec, "ephemeral") == 0)
		pt->kind = NM_KBP_EPHEMERAL;
	else if (parse_port_num(spec, &pt->port, &pt->port_hi) == 0)
		pt->kind = (fl & F_TYPICAL) ? NM_KBP_TYPICAL : NM_KBP_FIXED;
	else
		return perr(p, "bad port '%s' (a number 1-65535, LO-HI, rpc "
		    "or ephemeral)", spec);
	if ((fl & F_TYPICAL) && pt->kind != NM_KBP_TYPICAL)
		return perr(p, "'typical' needs a port number");
	if ((fl & F_TYPICAL) && attr(p, "os") == NULL)
		return perr(p, "a typical port needs os= (it is only typical "
		    "on some generations)");
	if (pt->kind == NM_KBP_EPHEMERAL && pt->proto != NM_UDP)
		return perr(p, "ephemeral client sockets are udp");
	pt->bind = -1;
	if ((bind = attr(p, "bind")) != NULL) {
		if (strcmp(bind, "all") == 0)
			pt->bind = NM_EXP_ALL;
		else if (strcmp(bind, "address") == 0)
			pt->bind = NM_EXP_ADDRESS;
		else if (strcmp(bind, "loopback") == 0)
			pt->bind = NM_EXP_LOOPBACK;
		else
			return perr(p, "bind= must be all, address or "
			    "loopback");
	}
	if ((until = attr(p, "until")) != NULL) {
		if (strcmp(until, "last-udp-rpc") != 0)
			return perr(p, "until= knows only last-udp-rpc");
		pt->until = NM_KBU_LAST_UDP_RPC;
	}
	if (attr(p, "note"))
		pt->note = kdup(p, attr(p, "note"));
	return fact(p, &pt->f, fl);
}

static bool
uuid_ok(const char *s)
{
	static const int groups[] = { 8, 4, 4, 4, 12 };
	size_t g, i;

	for (g = 0; g < 5; g++) {
		for (i = 0; i < (size_t)groups[g]; i++, s++)
			if (!isxdigit((unsigned char)*s))
				return false;
		if (g < 4 && *s++ != '-')
			return false;
	}
	return *s == '\0';
}

static int
kw_rpc(struct kbp *p)
{
	struct nm_kb_rpc *r;
	unsigned fl;
	char *u;
	int maj, min;
	const char *v, *dot;

	if (take_flags(p, " unverified ", &fl) != 0 ||
	    check_attrs(p, " os src ") != 0)
		return -1;
	if (npos(p) < 3)
		return perr(p, "usage: rpc UUID MAJOR.MINOR NAME...");
	if (!uuid_ok(pos(p, 0)))
		return perr(p, "bad interface UUID '%s'", pos(p, 0));
	v = pos(p, 1);
	dot = strchr(v, '.');
	if (dot == NULL || nm_parse_int(v, (size_t)(dot - v), 0, 65535,
	    &maj) != 0 || nm_parse_int(dot + 1, strlen(dot + 1), 0, 65535,
	    &min) != 0)
		return perr(p, "bad interface version '%s' (MAJOR.MINOR)", v);
	r = NM_VEC_PUSH(&p->e->rpc);
	u = kdup(p, pos(p, 0));
	for (char *c = u; *c; c++)
		*c = (char)tolower((unsigned char)*c);
	r->uuid = u;
	r->version = kdup(p, v);
	r->name = pos_join(p, 2);
	return fact(p, &r->f, fl);
}

static int
kw_text(struct kbp *p, struct nm_kb_text *t)
{
	unsigned fl;

	if (take_flags(p, " unverified ", &fl) != 0 ||
	    check_attrs(p, " os src ") != 0)
		return -1;
	if (npos(p) == 0)
		return perr(p, "'%s' needs text", p->t[0].s);
	t->text = pos_join(p, 0);
	return fact(p, &t->f, fl);
}

static int
kw_policy(struct kbp *p)
{
	struct nm_kb_policy *po;
	const char *s;
	unsigned fl;

	if (take_flags(p, " unverified ", &fl) != 0 ||
	    check_attrs(p, " os src why ") != 0)
		return -1;
	if (npos(p) != 1)
		return perr(p, "usage: policy disable|keep|manual [why=] [os=] "
		    "[src=]");
	s = pos(p, 0);
	po = NM_VEC_PUSH(&p->e->policy);
	if (strcmp(s, "disable") == 0)
		po->stance = NM_STANCE_DISABLE;
	else if (strcmp(s, "keep") == 0)
		po->stance = NM_STANCE_KEEP;
	else if (strcmp(s, "manual") == 0)
		po->stance = NM_STANCE_MANUAL;
	else
		return perr(p, "policy must be disable, keep or manual, not "
		    "'%s'", s);
	if (attr(p, "why"))
		po->why = kdup(p, attr(p, "why"));
	if (po->stance != NM_STANCE_DISABLE && po->why == NULL)
		return perr(p, "a '%s' policy needs why= (the plan shows it)",
		    s);
	return fact(p, &po->f, fl);
}

static bool
start_ok(const char *s)
{
	return strcmp(s, "auto") == 0 || strcmp(s, "demand") == 0 ||
	    strcmp(s, "disabled") == 0 || strcmp(s, "delayed-auto") == 0 ||
	    strcmp(s, "enabled") == 0 || strcmp(s, "static") == 0 ||
	    strcmp(s, "absent") == 0;
}

static int
kw_default(struct kbp *p)
{
	struct nm_kb_default *d;
	unsigned fl;

	if (take_flags(p, " unverified ", &fl) != 0 ||
	    check_attrs(p, " os src ") != 0)
		return -1;
	if (npos(p) != 1 || !start_ok(pos(p, 0)))
		return perr(p, "usage: default auto|delayed-auto|demand|"
		    "disabled|enabled|static|absent [os=] [src=]");
	d = NM_VEC_PUSH(&p->e->defaults);
	d->start = kdup(p, pos(p, 0));
	return fact(p, &d->f, fl);
}

static bool
reg_type_ok(const char *t)
{
	return strcmp(t, "REG_DWORD") == 0 || strcmp(t, "REG_SZ") == 0 ||
	    strcmp(t, "REG_MULTI_SZ") == 0 ||
	    strcmp(t, "REG_EXPAND_SZ") == 0;
}

static bool
unit_name_ok(const char *u)
{
	return nm_endswith(u, ".service") || nm_endswith(u, ".socket") ||
	    nm_endswith(u, ".path") || nm_endswith(u, ".timer");
}

static int
action_registry(struct kbp *p, struct nm_kb_action *a)
{
	const char *op = attr(p, "op");
	size_t k, n = npos(p);

	a->op = NM_REG_SET;
	if (op != NULL) {
		if (strcmp(op, "set") == 0)
			a->op = NM_REG_SET;
		else if (strcmp(op, "delete") == 0)
			a->op = NM_REG_DELETE;
		else if (strcmp(op, "multi-remove") == 0)
			a->op = NM_REG_MULTI_REMOVE;
		else if (strcmp(op, "multi-add") == 0)
			a->op = NM_REG_MULTI_ADD;
		else
			return perr(p, "op= must be set, delete, multi-remove "
			    "or multi-add");
	}
	if (a->op == NM_REG_DELETE ? n != 3 : n < 5)
		return perr(p, "usage: action registry KEY VALUE TYPE DATA... "
		    "(or KEY VALUE op=delete)");
	a->a1 = kdup(p, pos(p, 1));
	a->a2 = kdup(p, pos(p, 2));
	if (!nm_startswith(a->a1, "HKLM\\") &&
	    !nm_startswith(a->a1, "HKEY_LOCAL_MACHINE\\"))
		return perr(p, "registry key must start with HKLM\\: '%s'",
		    a->a1);
	if (a->op == NM_REG_DELETE)
		return 0;
	a->a3 = kdup(p, pos(p, 3));
	if (!reg_type_ok(a->a3))
		return perr(p, "unknown registry type '%s'", a->a3);
	if (strcmp(a->a3, "REG_MULTI_SZ") != 0 && n != 5)
		return perr(p, "%s takes one DATA word (quote it)", a->a3);
	if (a->op >= NM_REG_MULTI_REMOVE &&
	    (strcmp(a->a3, "REG_MULTI_SZ") != 0 || n != 5))
		return perr(p, "op=%s needs REG_MULTI_SZ and one item", op);
	if (strcmp(a->a3, "REG_DWORD") == 0) {
		long long v;
		const char *d = pos(p, 4);

		if (nm_parse_ll(d, strlen(d), 0, 4294967295LL, &v) != 0)
			return perr(p, "REG_DWORD data must be a decimal "
			    "0-4294967295, not '%s'", d);
	}
	for (k = 4; k < n; k++)
		strv_push(p, &a->args, &a->nargs, pos(p, k));
	return 0;
}

static int
action_config(struct kbp *p, struct nm_kb_action *a)
{
	const char *fmt;
	size_t i;

	if (npos(p) != 3)
		return perr(p, "usage: action config PATH dropin|keyvalue|line "
		    "set=KEY=VALUE... [section=] [match=] [sep=] [reload=]");
	a->a1 = kdup(p, pos(p, 1));
	fmt = pos(p, 2);
	if (a->a1[0] != '/')
		return perr(p, "config path must be absolute: '%s'", a->a1);
	if (strcmp(fmt, "dropin") == 0)
		a->op = NM_CFG_DROPIN;
	else if (strcmp(fmt, "keyvalue") == 0)
		a->op = NM_CFG_KEYVALUE;
	else if (strcmp(fmt, "line") == 0)
		a->op = NM_CFG_LINE;
	else
		return perr(p, "config format must be dropin, keyvalue or "
		    "line, not '%s'", fmt);
	for (i = 1; i < p->nt; i++)
		if (p->t[i].key && strcmp(p->t[i].key, "set") == 0) {
			if (strchr(p->t[i].s, '=') == NULL &&
			    a->op != NM_CFG_LINE)
				return perr(p, "set= wants KEY=VALUE, not '%s'",
				    p->t[i].s);
			strv_push(p, &a->settings, &a->nsettings, p->t[i].s);
		}
	if (a->nsettings == 0)
		return perr(p, "a config action needs at least one set=");
	if (a->op == NM_CFG_LINE && attr(p, "match") == NULL)
		return perr(p, "a line edit needs match=");
	if (attr(p, "section"))
		a->section = kdup(p, attr(p, "section"));
	if (attr(p, "match"))
		a->match = kdup(p, attr(p, "match"));
	if (attr(p, "sep"))
		a->sep = kdup(p, attr(p, "sep"));
	if (attr(p, "reload"))
		a->reload = kdup(p, attr(p, "reload"));
	if (attr(p, "then"))
		a->a3 = kdup(p, attr(p, "then"));
	return 0;
}

static int
kw_action(struct kbp *p)
{
	struct nm_kb_action *a;
	const char *kind, *s;
	unsigned fl;
	size_t i, k;
	int kd;

	if (take_flags(p, " unverified reboot restart mask ", &fl) != 0 ||
	    check_attrs(p, " os src mode closes moves breaks title prior op "
	    "section match sep set reload sysv openrc runit do undo phase then ")
	    != 0)
		return -1;
	if (npos(p) < 1)
		return perr(p, "usage: action KIND ARGS... (kinds: service, "
		    "registry, netbios, unit, config, command)");
	kind = pos(p, 0);
	kd = nm_act_kind_from_name(kind);
	if (kd < 0 || kd == NM_ACT_FILTER)
		return perr(p, "unknown action kind '%s'", kind);
	a = NM_VEC_PUSH(&p->e->actions);
	a->kind = (uint8_t)kd;
	a->phase = -1;
	if ((s = attr(p, "phase")) != NULL &&
	    (a->phase = nm_phase_from_name(s)) < 0)
		return perr(p, "phase= must be services, netbios-smb, rpc-dcom "
		    "or residue");
	a->reboot = (fl & F_REBOOT) != 0;
	a->restart = (fl & F_RESTART) != 0;
	if ((s = attr(p, "mode")) != NULL) {
		if (strcmp(s, "narrow") == 0)
			a->mode = NM_MODE_NARROW;
		else if (strcmp(s, "disable") != 0)
			return perr(p, "mode= must be disable or narrow");
	}
	if ((s = attr(p, "moves")) != NULL) {
		if (strcmp(s, "loopback") != 0)
			return perr(p, "moves= knows only loopback");
		a->moves = true;
	}
	if ((fl & F_MASK) && kd != NM_ACT_UNIT)
		return perr(p, "'mask' is for unit actions");
	if (attr(p, "op") && kd != NM_ACT_REGISTRY)
		return perr(p, "op= is for registry actions");
	if ((attr(p, "do") || attr(p, "undo")) && kd != NM_ACT_COMMAND)
		return perr(p, "do=/undo= are for command actions");
	if ((attr(p, "set") || attr(p, "section") || attr(p, "match") ||
	    attr(p, "sep") || attr(p, "reload") || attr(p, "then")) &&
	    kd != NM_ACT_CONFIG)
		return perr(p, "set=, section=, match=, sep=, reload=, then= are "
		    "for config actions");
	if ((attr(p, "sysv") || attr(p, "openrc") || attr(p, "runit")) &&
	    kd != NM_ACT_UNIT)
		return perr(p, "sysv=, openrc=, runit= are for unit actions");
	switch (kd) {
	case NM_ACT_SERVICE:
		if (npos(p) != 3 || !start_ok(pos(p, 2)))
			return perr(p, "usage: action service NAME disabled|"
			    "demand|auto");
		a->a1 = kdup(p, pos(p, 1));
		a->a2 = kdup(p, pos(p, 2));
		break;
	case NM_ACT_REGISTRY:
		if (action_registry(p, a) != 0)
			return -1;
		break;
	case NM_ACT_NETBIOS:
		if (npos(p) > 2)
			return perr(p, "usage: action netbios [NETBIOSOPTIONS]");
		a->a1 = kdup(p, npos(p) == 2 ? pos(p, 1) : "2");
		if (strcmp(a->a1, "0") && strcmp(a->a1, "1") &&
		    strcmp(a->a1, "2"))
			return perr(p, "NetbiosOptions is 0, 1 or 2");
		break;
	case NM_ACT_UNIT:
		if (npos(p) < 2)
			return perr(p, "usage: action unit UNIT... [mask] "
			    "[sysv=] [openrc=] [runit=]");
		for (k = 1; k < npos(p); k++) {
			if (!unit_name_ok(pos(p, k)))
				return perr(p, "'%s' is not a unit name (.service, "
				    ".socket, .path, .timer)", pos(p, k));
			strv_push(p, &a->args, &a->nargs, pos(p, k));
		}
		a->op = (fl & F_MASK) ? NM_UNIT_MASK : NM_UNIT_DISABLE;
		if (attr(p, "sysv"))
			a->sysv = kdup(p, attr(p, "sysv"));
		if (attr(p, "openrc"))
			a->openrc = kdup(p, attr(p, "openrc"));
		if (attr(p, "runit"))
			a->runit = kdup(p, attr(p, "runit"));
		break;
	case NM_ACT_CONFIG:
		if (action_config(p, a) != 0)
			return -1;
		break;
	case NM_ACT_COMMAND:
		if (npos(p) != 1)
			return perr(p, "usage: action command do=CMD... "
			    "undo=CMD...");
		for (i = 1; i < p->nt; i++) {
			if (p->t[i].key && strcmp(p->t[i].key, "do") == 0)
				strv_push(p, &a->args, &a->nargs, p->t[i].s);
			if (p->t[i].key && strcmp(p->t[i].key, "undo") == 0)
				strv_push(p, &a->undo, &a->nundo, p->t[i].s);
		}
		if (a->nargs == 0)
			return perr(p, "a command action needs do=");
		break;
	}
	if (attr(p, "closes"))
		a->closes = kdup(p, attr(p, "closes"));
	if (attr(p, "breaks"))
		a->breaks = kdup(p, attr(p, "breaks"));
	if (attr(p, "title"))
		a->title = kdup(p, attr(p, "title"));
	if (attr(p, "prior"))
		a->prior = kdup(p, attr(p, "prior"));
	if (a->closes != NULL) {
		const char *c = a->closes;

		/* tcp/135, udp/rpc, udp/ephemeral, tcp/any, comma separated */
		while (*c) {
			const char *e = strchr(c, ',');
			size_t n = e ? (size_t)(e - c) : strlen(c);
			int lo, hi;
			char w[32];

			if (n >= sizeof(w) || n < 5 || (strncmp(c, "tcp/", 4) &&
			    strncmp(c, "udp/", 4)))
				return perr(p, "closes= wants PROTO/PORT items "
				    "(tcp/135,udp/rpc)");
			memcpy(w, c + 4, n - 4);
			w[n - 4] = '\0';
			if (strcmp(w, "rpc") && strcmp(w, "ephemeral") &&
			    strcmp(w, "any") && parse_port_num(w, &lo, &hi))
				return perr(p, "closes= item '%.*s' is not "
				    "PROTO/PORT", (int)n, c);
			c += n;
			if (*c == ',')
				c++;
		}
	}
	return fact(p, &a->f, fl);
}

static bool
id_ok(const char *id)
{
	const char *slash = strchr(id, '/');
	const char *c;

	if (slash == NULL || slash == id || slash[1] == '\0' ||
	    strchr(slash + 1, '/') != NULL || strlen(id) > 80)
		return false;
	for (c = id; *c; c++)
		if (!(islower((unsigned char)*c) || isdigit((unsigned char)*c) ||
		    *c == '-' || *c == '.' || *c == '_' || *c == '/'))
			return false;
	return strncmp(id, "windows/", 8) == 0 ||
	    strncmp(id, "linux/", 6) == 0;
}

static void
add_entry(struct kbp *p, struct nm_kb_entry *e)
{
	size_t i;

	for (i = 0; i < p->kb->entries.n; i++)
		if (strcmp(p->kb->entries.v[i]->id, e->id) == 0) {
			p->kb->entries.v[i] = e;
			p->kb->noverridden++;
			return;
		}
	*NM_VEC_PUSH(&p->kb->entries) = e;
}

static void free_orphan(struct nm_kb_entry *);

/* Checks an entry once its last line is read. */
static int
check_entry(struct kbp *p, struct nm_kb_entry *e)
{
	bool windows, linux_;
	size_t i;

	p->line = e->line;
	if (e->title == NULL)
		return perr(p, "entry %s has no title", e->id);
	if (e->os == 0)
		return perr(p, "entry %s has no os line", e->id);
	if (e->src == NULL)
		return perr(p, "entry %s has no src line (every fact needs a "
		    "source)", e->id);
	if (e->nservices + e->nunits + e->nprocesses == 0)
		return perr(p, "entry %s names no service, unit or process",
		    e->id);
	windows = (e->os & NM_OSM_WINDOWS) != 0;
	linux_ = (e->os & NM_OSM(NM_OS_LINUX)) != 0;
	if (windows == linux_ || windows != nm_startswith(e->id, "windows/"))
		return perr(p, "entry %s: the os line must match the id's "
		    "family (windows/ or linux/)", e->id);
	for (i = 0; i < e->actions.n; i++) {
		const struct nm_kb_action *a = &e->actions.v[i];
		bool win_kind = a->kind == NM_ACT_SERVICE ||
		    a->kind == NM_ACT_REGISTRY || a->kind == NM_ACT_NETBIOS;
		bool lin_kind = a->kind == NM_ACT_UNIT ||
		    a->kind == NM_ACT_CONFIG;

		p->line = a->f.line;
		if ((win_kind && !windows) || (lin_kind && !linux_))
			return perr(p, "a %s action does not fit a %s entry",
			    nm_act_kind_name(a->kind),
			    windows ? "windows" : "linux");
	}
	for (i = 0; i < p->ids.n; i++)
		if (strcmp(p->ids.v[i], e->id) == 0) {
			p->line = e->line;
			return perr(p, "entry %s is defined twice in this file",
			    e->id);
		}
	return 0;
}

static int
finish_entry(struct kbp *p)
{
	struct nm_kb_entry *e = p->e;
	int save = p->line;

	if (e == NULL)
		return 0;
	p->e = NULL;
	if (check_entry(p, e) != 0) {
		free_orphan(e);
		return -1;
	}
	*NM_VEC_PUSH(&p->ids) = e->id;
	p->line = save;
	add_entry(p, e);
	return 0;
}

static int
kw_source(struct kbp *p)
{
	struct nm_kb_source *s;
	const char *kind;
	size_t i;

	if (p->e != NULL && finish_entry(p) != 0)
		return -1;
	if (check_attrs(p, " ") != 0)
		return -1;
	if (npos(p) < 3 || npos(p) > 4)
		return perr(p, "usage: source KEY documented|observed|community "
		    "\"TITLE\" [URL]");
	kind = pos(p, 1);
	if (strcmp(kind, "documented") && strcmp(kind, "observed") &&
	    strcmp(kind, "community"))
		return perr(p, "source kind must be documented, observed or "
		    "community, not '%s'", kind);
	for (i = 0; i < p->kb->sources.n; i++)
		if (strcmp(p->kb->sources.v[i].key, pos(p, 0)) == 0) {
			s = &p->kb->sources.v[i];
			goto fill;
		}
	s = NM_VEC_PUSH(&p->kb->sources);
fill:
	s->key = kdup(p, pos(p, 0));
	s->kind = kdup(p, kind);
	s->title = kdup(p, pos(p, 2));
	s->url = npos(p) == 4 ? kdup(p, pos(p, 3)) : NULL;
	return 0;
}

static int
kw_entry(struct kbp *p)
{
	struct nm_kb_entry *e;

	if (finish_entry(p) != 0)
		return -1;
	if (check_attrs(p, " ") != 0)
		return -1;
	if (npos(p) != 1 || !id_ok(pos(p, 0)))
		return perr(p, "usage: entry windows/NAME | linux/NAME (lower "
		    "case, digits, '-', '.', '_')");
	e = nm_aalloc(&p->kb->arena, sizeof(*e));
	e->id = kdup(p, pos(p, 0));
	e->file = p->file;
	e->line = p->line;
	e->phase = NM_PHASE_SERVICES;
	e->order = 50;
	p->e = e;
	return 0;
}

/* depends/with: names, each holding where the line's os= says. */
static int
kw_oslist(struct kbp *p, const char ***v, nm_osmask **osv, size_t *n)
{
	nm_osmask m = p->e->os, *nv;
	const char *os;
	size_t k, base = *n;
	char er[160];

	if (check_attrs(p, " os ") != 0)
		return -1;
	if (npos(p) == 0)
		return perr(p, "'%s' needs at least one name", p->t[0].s);
	if ((os = attr(p, "os")) != NULL &&
	    nm_os_parse(os, &m, er, sizeof(er)) != 0)
		return perr(p, "%s", er);
	nv = nm_aalloc(&p->kb->arena, (base + npos(p)) * sizeof(*nv));
	if (base)
		memcpy(nv, *osv, base * sizeof(*nv));
	for (k = 0; k < npos(p); k++) {
		strv_push(p, v, n, pos(p, k));
		nv[base + k] = m;
	}
	*osv = nv;
	return 0;
}

static int
kw_list(struct kbp *p, const char ***v, size_t *n)
{
	size_t k;

	if (check_attrs(p, " ") != 0)
		return -1;
	if (npos(p) == 0)
		return perr(p, "'%s' needs at least one name", p->t[0].s);
	for (k = 0; k < npos(p); k++)
		strv_push(p, v, n, pos(p, k));
	return 0;
}

static int
parse_line(struct kbp *p)
{
	const char *kw = p->t[0].s;
	struct nm_kb_entry *e = p->e;

	if (p->t[0].key != NULL || p->t[0].quoted)
		return perr(p, "a line starts with a keyword");
	if (strcmp(kw, "source") == 0)
		return kw_source(p);
	if (strcmp(kw, "entry") == 0)
		return kw_entry(p);
	if (e == NULL)
		return perr(p, "'%s' outside an entry (start one with "
		    "'entry ID')", kw);
	if (strcmp(kw, "title") == 0) {
		if (check_attrs(p, " ") != 0)
			return -1;
		if (e->title)
			return perr(p, "second title");
		e->title = raw_rest(p);
		if (*e->title == '\0')
			return perr(p, "empty title");
		return 0;
	}
	if (strcmp(kw, "src") == 0) {
		if (check_attrs(p, " ") != 0)
			return -1;
		if (npos(p) != 1)
			return perr(p, "usage: src KEY[,KEY...]");
		e->src = kdup(p, pos(p, 0));
		return 0;
	}
	if (strcmp(kw, "os") == 0) {
		char er[160];

		if (check_attrs(p, " ") != 0)
			return -1;
		if (npos(p) == 0)
			return perr(p, "usage: os GENERATION|A..B...");
		if (nm_os_parse(pos_join(p, 0), &e->os, er, sizeof(er)) != 0)
			return perr(p, "%s", er);
		return 0;
	}
	if (strcmp(kw, "service") == 0) {
		if (check_attrs(p, " ") != 0)
			return -1;
		if (npos(p) < 1 || npos(p) > 2)
			return perr(p, "usage: service NAME [\"DISPLAY NAME\"]");
		strv_push(p, &e->displays, &e->nservices,
		    npos(p) == 2 ? pos(p, 1) : pos(p, 0));
		e->nservices--;
		strv_push(p, &e->services, &e->nservices, pos(p, 0));
		return 0;
	}
	if (strcmp(kw, "unit") == 0) {
		size_t k;

		for (k = 0; k < npos(p); k++)
			if (!unit_name_ok(pos(p, k)))
				return perr(p, "'%s' is not a unit name",
				    pos(p, k));
		return kw_list(p, &e->units, &e->nunits);
	}
	if (strcmp(kw, "package") == 0)
		return kw_list(p, &e->packages, &e->npackages);
	if (strcmp(kw, "process") == 0)
		return kw_list(p, &e->processes, &e->nprocesses);
	if (strcmp(kw, "depends") == 0)
		return kw_oslist(p, &e->depends, &e->depends_os, &e->ndepends);
	if (strcmp(kw, "with") == 0)
		return kw_oslist(p, &e->with, &e->with_os, &e->nwith);
	if (strcmp(kw, "tag") == 0)
		return kw_list(p, &e->tags, &e->ntags);
	if (strcmp(kw, "phase") == 0) {
		if (check_attrs(p, " ") != 0)
			return -1;
		if (npos(p) < 1 || npos(p) > 2 ||
		    (e->phase = nm_phase_from_name(pos(p, 0))) < 0)
			return perr(p, "usage: phase services|netbios-smb|"
			    "rpc-dcom|residue [ORDER]");
		if (npos(p) == 2 && nm_parse_int(pos(p, 1), strlen(pos(p, 1)),
		    0, 999, &e->order) != 0)
			return perr(p, "phase order must be 0-999");
		return 0;
	}
	if (e->src == NULL && (strcmp(kw, "port") == 0 ||
	    strcmp(kw, "action") == 0 || strcmp(kw, "policy") == 0 ||
	    strcmp(kw, "breaks") == 0 || strcmp(kw, "rpc") == 0 ||
	    strcmp(kw, "default") == 0 || strcmp(kw, "note") == 0))
		return perr(p, "put the entry's src line before its facts");
	if (e->os == 0 && strcmp(kw, "note") != 0 && strcmp(kw, "title"))
		return perr(p, "put the entry's os line before its facts");
	if (strcmp(kw, "port") == 0)
		return kw_port(p);
	if (strcmp(kw, "rpc") == 0)
		return kw_rpc(p);
	if (strcmp(kw, "breaks") == 0)
		return kw_text(p, NM_VEC_PUSH(&e->breaks));
	if (strcmp(kw, "note") == 0) {
		/* Prose as written; a note cites the entry's sources. */
		struct nm_kb_text *t = NM_VEC_PUSH(&e->notes);

		t->text = raw_rest(p);
		if (*t->text == '\0')
			return perr(p, "empty note");
		t->f.file = p->file;
		t->f.line = p->line;
		t->f.os = e->os;
		t->f.src = e->src;
		return 0;
	}
	if (strcmp(kw, "policy") == 0)
		return kw_policy(p);
	if (strcmp(kw, "default") == 0)
		return kw_default(p);
	if (strcmp(kw, "action") == 0)
		return kw_action(p);
	return perr(p, "unknown keyword '%s'", kw);
}

void
nm_kb_init(struct nm_kb *kb)
{
	memset(kb, 0, sizeof(*kb));
}

void
nm_kb_free(struct nm_kb *kb)
{
	size_t i;

	for (i = 0; i < kb->entries.n; i++) {
		struct nm_kb_entry *e = kb->entries.v[i];

		NM_VEC_FREE(&e->ports);
		NM_VEC_FREE(&e->rpc);
		NM_VEC_FREE(&e->breaks);
		NM_VEC_FREE(&e->notes);
		NM_VEC_FREE(&e->policy);
		NM_VEC_FREE(&e->defaults);
		NM_VEC_FREE(&e->actions);
	}
	NM_VEC_FREE(&kb->entries);
	NM_VEC_FREE(&kb->sources);
	nm_afree(&kb->arena);
	memset(kb, 0, sizeof(*kb));
}

/*
 * An entry replaced by a later one (same id) is no longer in the list;
 * its vectors are freed with the kb only if still referenced, so keep
 * every parsed entry reachable for freeing.
 */
static void
free_orphan(struct nm_kb_entry *e)
{
	NM_VEC_FREE(&e->ports);
	NM_VEC_FREE(&e->rpc);
	NM_VEC_FREE(&e->breaks);
	NM_VEC_FREE(&e->notes);
	NM_VEC_FREE(&e->policy);
	NM_VEC_FREE(&e->defaults);
	NM_VEC_FREE(&e->actions);
}

int
nm_kb_parse_lines(struct nm_kb *kb, const char *name,
    const char *const *lines, size_t nlines, struct nm_error *err)
{
	struct kbp *p = nm_xcalloc(1, sizeof(*p));
	size_t i, before = kb->entries.n;
	struct nm_kb_entry **old = NULL;
	int rc = 0;

	/* Remember what may be overridden, to free the replaced entries. */
	if (before) {
		old = nm_xcalloc(before, sizeof(*old));
		memcpy(old, kb->entries.v, before * sizeof(*old));
	}
	p->kb = kb;
	p->file = nm_astrdup(&kb->arena, name);
	p->err = err;
	for (i = 0; i < nlines && rc == 0; i++) {
		size_t len = strlen(lines[i]);

		p->line = (int)i + 1;
		while (len && (lines[i][len - 1] == '\r' ||
		    lines[i][len - 1] == '\n'))
			len--;
		if (len > KB_MAXLINE) {
			rc = perr(p, "line longer than %d bytes", KB_MAXLINE);
			break;
		}
		if (memchr(lines[i], '\0', len) != NULL) {
			rc = perr(p, "NUL byte");
			break;
		}
		p->raw = lines[i];
		p->rawlen = len;
		if (tokenize(p, lines[i], len) != 0) {
			rc = -1;
			break;
		}
		if (p->nt == 0)
			continue;
		rc = parse_line(p);
	}
	if (rc == 0) {
		p->line = (int)nlines;
		rc = finish_entry(p);
	}
	if (rc != 0 && p->e != NULL) {
		free_orphan(p->e);
		p->e = NULL;
	}
	/* Entries replaced by this file: free their vectors. */
	for (i = 0; i < before; i++) {
		size_t j;
		bool alive = false;

		for (j = 0; j < kb->entries.n; j++)
			if (kb->entries.v[j] == old[i])
				alive = true;
		if (!alive)
			free_orphan(old[i]);
	}
	free(old);
	NM_VEC_FREE(&p->ids);
	free(p);
	return rc == 0 ? 0 : -1;
}

int
nm_kb_parse_text(struct nm_kb *kb, const char *name, const char *text,
    size_t len, struct nm_error *err)
{
	NM_VEC(const char *) lines = { 0 };
	char *copy = nm_xmalloc(len + 1);
	size_t i, start = 0;
	int rc;

	memcpy(copy, text, len);
	copy[len] = '\0';
	for (i = 0; i <= len; i++)
		if (i == len || copy[i] == '\n') {
			if (i == len && start == len)
				break;
			copy[i] = '\0';
			*NM_VEC_PUSH(&lines) = copy + start;
			start = i + 1;
		}
	/* Embedded NULs: lines stop there; catch them as errors. */
	for (i = 0; i < len; i++)
		if (text[i] == '\0') {
			size_t ln = 1, k;

			for (k = 0; k < i; k++)
				if (text[k] == '\n')
					ln++;
			nm_seterr(err, NM_ERR_INPUT, "%s:%zu: NUL byte", name,
			    ln);
			free(copy);
			NM_VEC_FREE(&lines);
			return -1;
		}
	rc = nm_kb_parse_lines(kb, name, lines.v, lines.n, err);
	free(copy);
	NM_VEC_FREE(&lines);
	return rc;
}

int
nm_kb_load_file(struct nm_kb *kb, const char *path, struct nm_error *err)
{
	struct nm_buf b = { 0 };
	int rc;

	if (nm_read_file(path, (size_t)8 << 20, &b, err) != 0)
		return -1;
	rc = nm_kb_parse_text(kb, path, b.s ? b.s : "", b.len, err);
	nm_buf_free(&b);
	return rc;
}

const struct nm_kb_source *
nm_kb_source(const struct nm_kb *kb, const char *key)
{
	size_t i;

	for (i = 0; i < kb->sources.n; i++)
		if (strcmp(kb->sources.v[i].key, key) == 0)
			return &kb->sources.v[i];
	return NULL;
}

static int
check_src(const struct nm_kb *kb, const char *src, const char *file,
    int line, struct nm_error *err)
{
	const char *c = src;
	char key[32];

	while (c && *c) {
		const char *e = strchr(c, ',');
		size_t n = e ? (size_t)(e - c) : strlen(c);

		if (n == 0 || n >= sizeof(key))
			return nm_seterr(err, NM_ERR_INPUT, "%s:%d: bad src "
			    "list '%s'", file, line, src);
		memcpy(key, c, n);
		key[n] = '\0';
		if (nm_kb_source(kb, key) == NULL)
			return nm_seterr(err, NM_ERR_INPUT, "%s:%d: unknown "
			    "source '%s' (define it with a 'source' line)",
			    file, line, key);
		c += n;
		if (*c == ',')
			c++;
	}
	return 0;
}

/* A depends/with name must name an entry (id, service or unit). */
static bool
names_entry(const struct nm_kb *kb, const char *name)
{
	return nm_kb_find_name(kb, name, NM_OSM_ALL) != NULL;
}

int
nm_kb_check(const struct nm_kb *kb, struct nm_error *err)
{
	size_t i, k;

	for (i = 0; i < kb->entries.n; i++) {
		const struct nm_kb_entry *e = kb->entries.v[i];

#define CHK(f) do { if (check_src(kb, (f).src, (f).file, (f).line, err)) \
	return -1; } while (0)
		if (check_src(kb, e->src, e->file, e->line, err) != 0)
			return -1;
		for (k = 0; k < e->ports.n; k++)
			CHK(e->ports.v[k].f);
		for (k = 0; k < e->rpc.n; k++)
			CHK(e->rpc.v[k].f);
		for (k = 0; k < e->breaks.n; k++)
			CHK(e->breaks.v[k].f);
		for (k = 0; k < e->notes.n; k++)
			CHK(e->notes.v[k].f);
		for (k = 0; k < e->policy.n; k++)
			CHK(e->policy.v[k].f);
		for (k = 0; k < e->defaults.n; k++)
			CHK(e->defaults.v[k].f);
		for (k = 0; k < e->actions.n; k++)
			CHK(e->actions.v[k].f);
#undef CHK
		for (k = 0; k < e->ndepends; k++)
			if (!names_entry(kb, e->depends[k]))
				return nm_seterr(err, NM_ERR_INPUT, "%s:%d: entry "
				    "%s depends on '%s', which no entry names",
				    e->file, e->line, e->id, e->depends[k]);
		for (k = 0; k < e->nwith; k++)
			if (!names_entry(kb, e->with[k]))
				return nm_seterr(err, NM_ERR_INPUT, "%s:%d: entry "
				    "%s: 'with %s' names no entry", e->file,
				    e->line, e->id, e->with[k]);
	}
	return 0;
}

/* --- lookups ---------------------------------------------------------- */

const struct nm_kb_entry *
nm_kb_find(const struct nm_kb *kb, const char *id)
{
	size_t i;

	for (i = 0; i < kb->entries.n; i++)
		if (strcmp(kb->entries.v[i]->id, id) == 0)
			return kb->entries.v[i];
	return NULL;
}

const struct nm_kb_entry *
nm_kb_find_service(const struct nm_kb *kb, const char *svc, nm_osmask os)
{
	const struct nm_kb_entry *any = NULL;
	size_t i, k;

	for (i = 0; i < kb->entries.n; i++) {
		const struct nm_kb_entry *e = kb->entries.v[i];

		for (k = 0; k < e->nservices; k++)
			if (nm_streq_ci(e->services[k], svc)) {
				if (e->os & os)
					return e;
				if (any == NULL)
					any = e;
			}
		for (k = 0; k < e->nunits; k++) {
			size_t n = strlen(svc);

			if (nm_streq_ci(e->units[k], svc) ||
			    (nm_strneq_ci(e->units[k], svc, n) &&
			    strcmp(e->units[k] + n, ".service") == 0)) {
				if (e->os & os)
					return e;
				if (any == NULL)
					any = e;
			}
		}
	}
	return any;
}

/* The name a tool printed, reduced to what a kb process line holds. */
static void
norm_process(const char *in, char *out, size_t len)
{
	const char *s = in, *slash;
	size_t n;

	/* "/usr/sbin/sshd" -> "sshd"; "sshd: /usr/sbin" -> "sshd" */
	slash = strrchr(s, '/');
	if (slash != NULL && slash[1] != '\0' && strchr(s, ':') == NULL &&
	    strchr(s, ' ') == NULL)
		s = slash + 1;
	n = strcspn(s, ": ");
	if (n == 0)
		n = strlen(s);
	if (n >= len)
		n = len - 1;
	memcpy(out, s, n);
	out[n] = '\0';
}

bool
nm_kb_process_match(const struct nm_kb_entry *e, const char *name)
{
	char obs[128];
	size_t k, n;

	if (name == NULL || *name == '\0')
		return false;
	norm_process(name, obs, sizeof(obs));
	n = strlen(obs);
	for (k = 0; k < e->nprocesses; k++) {
		if (nm_streq_ci(e->processes[k], obs))
			return true;
		/* comm (15), lsof (9) and netstat columns cut names short */
		if (n >= 8 && strlen(e->processes[k]) > n &&
		    nm_strneq_ci(e->processes[k], obs, n))
			return true;
	}
	return false;
}

const struct nm_kb_entry *
nm_kb_find_name(const struct nm_kb *kb, const char *name, nm_osmask os)
{
	const struct nm_kb_entry *e, *any = NULL;
	size_t i, k;

	if ((e = nm_kb_find(kb, name)) != NULL)
		return e;
	for (i = 0; i < kb->entries.n; i++) {
		const char *tail = strchr(kb->entries.v[i]->id, '/') + 1;

		if (nm_streq_ci(tail, name)) {
			if (kb->entries.v[i]->os & os)
				return kb->entries.v[i];
			if (any == NULL)
				any = kb->entries.v[i];
		}
	}
	if (any != NULL)
		return any;
	if ((e = nm_kb_find_service(kb, name, os)) != NULL)
		return e;
	for (i = 0; i < kb->entries.n; i++) {
		e = kb->entries.v[i];
		for (k = 0; k < e->nservices; k++)
			if (nm_streq_ci(e->displays[k], name))
				return e;
		if (nm_kb_process_match(e, name) && (e->os & os)) {
			if (any == NULL)
				any = e;
		}
	}
	return any;
}

bool
nm_kb_has_tag(const struct nm_kb_entry *e, const char *tag)
{
	size_t k;

	for (k = 0; k < e->ntags; k++)
		if (strcmp(e->tags[k], tag) == 0)
			return true;
	return false;
}

bool
nm_kb_fact_applies(const struct nm_kb_fact *f, nm_osmask os)
{
	return (f->os & os) != 0;
}

const struct nm_kb_port *
nm_kb_port_for(const struct nm_kb_entry *e, const struct nm_endpoint *ep,
    nm_osmask os)
{
	static const uint8_t order[] = { NM_KBP_FIXED, NM_KBP_TYPICAL,
	    NM_KBP_RPC, NM_KBP_EPHEMERAL };
	size_t o, k;

	for (o = 0; o < NM_NELEM(order); o++)
		for (k = 0; k < e->ports.n; k++) {
			const struct nm_kb_port *p = &e->ports.v[k];

			if (p->kind != order[o] || p->proto != ep->proto ||
			    !(p->f.os & os))
				continue;
			switch (p->kind) {
			case NM_KBP_FIXED:
				if (ep->lport >= p->port &&
				    ep->lport <= p->port_hi)
					return p;
				break;
			case NM_KBP_TYPICAL:
				/* only when the generation is known */
				if (ep->lport == p->port && (os & ~p->f.os) == 0)
					return p;
				break;
			case NM_KBP_RPC:
				if (nm_os_dynamic_rpc(os & p->f.os, ep->lport))
					return p;
				break;
			case NM_KBP_EPHEMERAL:
				if (ep->lport >= 1024)
					return p;
				break;
			}
		}
	return NULL;
}

const struct nm_kb_policy *
nm_kb_policy_for(const struct nm_kb_entry *e, nm_osmask os)
{
	size_t k;

	for (k = 0; k < e->policy.n; k++)
		if (e->policy.v[k].f.os & os)
			return &e->policy.v[k];
	return NULL;
}

const char *
nm_kb_default_start(const struct nm_kb_entry *e, nm_osmask os)
{
	size_t k;

	for (k = 0; k < e->defaults.n; k++)
		if ((os & ~e->defaults.v[k].f.os) == 0)
			return e->defaults.v[k].start;
	return NULL;
}

const char *
nm_kb_name(const struct nm_kb_entry *e)
{
	if (e->nservices)
		return e->services[0];
	return strchr(e->id, '/') + 1;
}
