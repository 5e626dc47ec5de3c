/*
 * parse_netstat_linux.c - net-tools "netstat" on Linux: -tulpn, -anp,
 * -anopt (Timer column), -alnop, -e (User and Inode columns), -W.
 *
 * Rows: "tcp|tcp6|udp|udp6 recv-q send-q local foreign [state] [user
 * inode] [PID/Program name] [timer]".  UDP rows leave the state empty.
 * The program column is "PID/name" cut to 19 characters, where the name is
 * the process's argv[0] and may hold spaces ("2592/nginx: master",
 * "9264/sshd: centos ["), or "-" when netstat could not see the process
 * (not root).  Without -W, an address and its port are cut to fit 23
 * columns, which can eat the end of an IPv6 address.  State words follow
 * the locale (de: VERBUNDEN, cs: NASLOUCHÁ, pt_BR: OUÇA...).
 */
#include <ctype.h>
#include <string.h>

#include "parse.h"

/* '?' takes one letter a code page mangled (a run of bytes >= 0x80). */
static const struct {
	const char	*word;
	int		 state;
} ns_states[] = {
	{ "LISTEN", NM_ST_LISTEN },
	{ "ESTABLISHED", NM_ST_ESTABLISHED },
	{ "SYN_SENT", NM_ST_SYN_SENT },
	{ "SYN_RECV", NM_ST_SYN_RECV },
	{ "FIN_WAIT1", NM_ST_FIN_WAIT1 },
	{ "FIN_WAIT2", NM_ST_FIN_WAIT2 },
	{ "TIME_WAIT", NM_ST_TIME_WAIT },
	{ "CLOSE", NM_ST_CLOSE },
	{ "CLOSE_WAIT", NM_ST_CLOSE_WAIT },
	{ "LAST_ACK", NM_ST_LAST_ACK },
	{ "CLOSING", NM_ST_CLOSING },
	{ "UNKNOWN", NM_ST_UNKNOWN },
	/* de */
	{ "VERBUNDEN", NM_ST_ESTABLISHED },
	{ "UNBEKANNT", NM_ST_UNKNOWN },
	/* cs */
	{ "SPOJENO", NM_ST_ESTABLISHED },
	{ "NASLOUCH?", NM_ST_LISTEN },
	{ "ZAV?EN", NM_ST_CLOSE },
	{ "POSLEDN? ACK", NM_ST_LAST_ACK },
	{ "ZAV?R?", NM_ST_CLOSING },
	{ "NEZN?M", NM_ST_UNKNOWN },
	/* pt_BR */
	{ "OU?A", NM_ST_LISTEN },
	{ "ESTABELECIDA", NM_ST_ESTABLISHED },
	{ "SYN_ENVIADO", NM_ST_SYN_SENT },
	{ "SYN_RECEBIDO", NM_ST_SYN_RECV },
	{ "ESPERA_FIN1", NM_ST_FIN_WAIT1 },
	{ "ESPERA_FIN2", NM_ST_FIN_WAIT2 },
	{ "FECHAR", NM_ST_CLOSE },
	{ "ESPERANDO_FECHAR", NM_ST_CLOSE_WAIT },
	{ "?LTIMO_ACK", NM_ST_LAST_ACK },
	{ "FECHANDO", NM_ST_CLOSING },
	{ "DESCONHECIDA", NM_ST_UNKNOWN },
	/* et, fr, ja */
	{ "TUNDMATU", NM_ST_UNKNOWN },
	{ "INCONNU", NM_ST_UNKNOWN },
};

static bool
match_loose(const char *s, size_t len, const char *pat)
{
	size_t i = 0;

	for (; *pat != '\0'; pat++) {
		if (*pat == '?') {
			size_t run = 0;

			if (i < len && s[i] == '?') {
				i++;
				continue;
			}
			while (i + run < len &&
			    (unsigned char)s[i + run] >= 0x80 && run < 8)
				run++;
			if (run == 0)
				return false;
			i += run;
			continue;
		}
		if (i >= len || s[i] != *pat)
			return false;
		i++;
	}
	return i == len;
}

static int
ns_state(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < NM_NELEM(ns_states); i++)
		if (match_loose(s, len, ns_states[i].word))
			return ns_states[i].state;
	return -1;
}

enum { P_TCP, P_TCP6, P_UDP, P_UDP6, P_RAW, P_OTHER };

static int
ns_proto(const struct nm_tok *t)
{
	static const char *names[] = { "tcp", "tcp6", "udp", "udp6", "raw",
	    "raw6", "udpl", "udpl6" };
	static const int kinds[] = { P_TCP, P_TCP6, P_UDP, P_UDP6, P_RAW,
	    P_RAW, P_OTHER, P_OTHER };
	size_t i;

	for (i = 0; i < NM_NELEM(names); i++)
		if (nm_tok_eq(t, names[i]))
			return kinds[i];
	return -1;
}

static bool
all_digits(const struct nm_tok *t)
{
	size_t i;

	if (t->len == 0)
		return false;
	for (i = 0; i < t->len; i++)
		if (!isdigit((unsigned char)t->s[i]))
			return false;
	return true;
}

#define MAXTOK 16

static bool
ns_row(const struct nm_tok *tok, size_t n, int *kind)
{
	return n >= 5 && (*kind = ns_proto(&tok[0])) >= 0 &&
	    all_digits(&tok[1]) && all_digits(&tok[2]) &&
	    memchr(tok[3].s, ':', tok[3].len) != NULL &&
	    memchr(tok[4].s, ':', tok[4].len) != NULL;
}

static int
ns_score(const struct nm_input *in)
{
	struct nm_tok tok[MAXTOK];
	size_t i, n, blen;
	int score = 0, kind;

	for (i = 0; i < in->lines.n; i++) {
		const char *b = nm_line_body(&in->lines.v[i], &blen);

		n = nm_tokenize(b, blen, tok, MAXTOK);
		if (ns_row(tok, n, &kind))
			score++;
	}
	return score;
}

/* "1510/sshd", "2592/nginx:", "-": the start of the program column. */
static bool
pid_token(const struct nm_tok *t)
{
	size_t i;

	if (t->len == 1 && t->s[0] == '-')
		return true;
	for (i = 0; i < t->len && isdigit((unsigned char)t->s[i]); i++)
		;
	return i > 0 && i < t->len && t->s[i] == '/';
}

static bool
ends_with(const char *s, size_t len, const char *w)
{
	size_t wl = strlen(w);

	return len >= wl && memcmp(s + len - wl, w, wl) == 0;
}

/*
 * The -o timer ends the line: "off (0.00/0/0)", "on (54.39/6/0)",
 * "keepalive (5663.12/0/0)", "timewait (..)", "unkn-N (..)", translated
 * by the locale ("aus", "ein", "vyp", "zapnut"...).  A cut program name
 * may run into it ("sshd: centos [on (0.28/0/0)").  Returns the length of
 * the text before it.
 */
static size_t
strip_timer(const char *s, size_t len)
{
	static const char *kw[] = { "keepalive", "timewait", "off", "on",
	    "aus", "ein", "vyp", "zapnut", "desligado", "em" };
	const char *lp;
	size_t i, k;

	if (len < 4 || s[len - 1] != ')')
		return len;
	lp = NULL;
	for (i = len - 1; i > 0; i--)
		if (s[i - 1] == '(') {
			lp = s + i - 1;
			break;
		}
	if (lp == NULL)
		return len;
	for (i = (size_t)(lp - s) + 1; i < len - 1; i++)
		if (!isdigit((unsigned char)s[i]) && s[i] != '.' && s[i] != '/')
			return len;
	k = (size_t)(lp - s);
	while (k > 0 && (s[k - 1] == ' ' || s[k - 1] == '('))
		k--;
	for (i = 0; i < NM_NELEM(kw); i++)
		if (ends_with(s, k, kw[i]))
			return k - strlen(kw[i]);
	/* Any other word ("unkn-3", a translation we do not list). */
	for (i = k; i > 0 && s[i - 1] != ' '; i--)
		;
	return i > 0 ? i : len;
}

/*
 * net-tools cuts "address:port" to 23 columns (without -W): when it is
 * that long and not plain IPv4, the address may have lost its end.
 * Returns 1 when it surely did (the text is not an address), 2 when it
 * may have, 0 when it did not.
 */
static int
cut_short(const struct nm_tok *t, const struct nm_lx_addr *a, int rc)
{
	if (t->len != 23)
		return 0;
	if (rc != 0)
		return 1;
	if (a->kind == NM_LX_NUM && a->family == NM_INET)
		return 0;
	return 2;
}

/*
 * Reads a cut address: the port after the last ':' and whatever of the
 * address is left, without the ':' it was cut at.
 */
static int
read_cut(const struct nm_tok *t, const char *proto, struct nm_lx_addr *a)
{
	size_t i, hl;
	char host[NM_ADDRLEN];

	memset(a, 0, sizeof(*a));
	for (i = t->len; i > 0 && t->s[i - 1] != ':'; i--)
		;
	if (i == 0 || i == t->len)
		return -1;
	a->port = nm_port_parse(t->s + i, t->len - i, proto);
	if (a->port == -2)
		return -1;
	hl = i - 1;
	while (hl > 0 && t->s[hl - 1] == ':')
		hl--;
	if (hl == 0 || hl >= sizeof(host))
		return -1;
	for (i = 0; i < hl; i++) {
		unsigned char c = (unsigned char)t->s[i];

		if (!isxdigit(c) && c != ':' && c != '.' && c != '%' &&
		    !isalnum(c) && c != '-')
			return -1;
		host[i] = (char)tolower(c);
	}
	host[hl] = '\0';
	nm_strlcpy(a->addr, host, sizeof(a->addr));
	a->kind = NM_LX_NUM;
	a->family = NM_INET6;
	return 0;
}

struct ns_ctx {
	const struct nm_input	*in;
	struct nm_snapshot	*snap;
	size_t			 raw;
	int			 raw_line;
};

static void
bad_row(struct ns_ctx *c, const struct nm_line *l, const char *b, size_t blen,
    const char *why)
{
	nm_snap_warn(c->snap, c->in->name, l->no,
	    "cannot read this netstat row (%s): %.*s", why,
	    (int)(blen > 120 ? 120 : blen), b);
}

/* Reads one side's address; a cut one is read as far as it goes. */
static int
ns_addr(struct ns_ctx *c, const struct nm_line *l, const struct nm_tok *t,
    const char *pname, const char *side, struct nm_lx_addr *a, int *cut)
{
	int rc = nm_lx_hostport(t->s, t->len, pname, a);

	*cut = cut_short(t, a, rc);
	if (*cut == 1) {
		if (read_cut(t, pname, a) != 0)
			return -1;
		nm_snap_warn(c->snap, c->in->name, l->no, "the %s address "
		    "'%.*s' was cut short by netstat's column width; kept as "
		    "'%s' (netstat -W prints it whole)", side, (int)t->len,
		    t->s, a->addr);
	} else if (*cut == 2)
		nm_snap_warn(c->snap, c->in->name, l->no, "the %s address "
		    "'%.*s' fills netstat's column and may have been cut short "
		    "(netstat -W prints it whole)", side, (int)t->len, t->s);
	else if (rc != 0)
		return -1;
	return 0;
}

static int
ns_row_parse(struct ns_ctx *c, const struct nm_line *l, const char *b,
    size_t blen, const struct nm_tok *tok, size_t n, int kind)
{
	struct nm_snapshot *s = c->snap;
	struct nm_lx_addr la, ra;
	struct nm_endpoint ep, *e;
	int proto = kind == P_TCP || kind == P_TCP6 ? NM_TCP : NM_UDP;
	int family = kind == P_TCP6 || kind == P_UDP6 ? NM_INET6 : NM_INET;
	int st = -1, lcut, rcut, pid = -1;
	const char *pname = proto == NM_TCP ? "tcp" : "udp";
	const char *prog = NULL, *end = b + blen;
	size_t k = 5, plen = 0;

	if (ns_addr(c, l, &tok[3], pname, "local", &la, &lcut) != 0) {
		bad_row(c, l, b, blen, nm_lx_why(s, &la, "local"));
		return -1;
	}
	if (ns_addr(c, l, &tok[4], pname, "foreign", &ra, &rcut) != 0) {
		bad_row(c, l, b, blen, nm_lx_why(s, &ra, "foreign"));
		return -1;
	}
	/* The state: one word, or two ("POSLEDNÍ ACK"). */
	if (n > k + 1 && !pid_token(&tok[k]) && (st = ns_state(tok[k].s,
	    (size_t)(tok[k + 1].s + tok[k + 1].len - tok[k].s))) >= 0)
		k += 2;
	else if (n > k && (st = ns_state(tok[k].s, tok[k].len)) >= 0)
		k++;
	/* User and Inode (-e) come before the program. */
	while (k < n && !pid_token(&tok[k]))
		k++;
	if (k < n) {
		const struct nm_tok *p = &tok[k];

		if (p->s[0] != '-') {
			const char *slash = memchr(p->s, '/', p->len);

			if (nm_parse_int(p->s, (size_t)(slash - p->s), 0,
			    0x7fffffff, &pid) != 0) {
				bad_row(c, l, b, blen, "PID");
				return -1;
			}
			prog = slash + 1;
			plen = strip_timer(prog, (size_t)(end - prog));
			while (plen > 0 && (prog[plen - 1] == ' ' ||
			    prog[plen - 1] == '\t'))
				plen--;
		}
	}
	memset(&ep, 0, sizeof(ep));
	ep.proto = (uint8_t)proto;
	nm_lx_set_local(&ep, &la, la.family >= 0 ? la.family : family);
	nm_lx_set_remote(&ep, &ra);
	if (kind == P_TCP6 || kind == P_UDP6)
		nm_lx_map_v4(&ep);
	ep.addr_truncated = lcut != 0;
	if (proto == NM_UDP) {
		ep.state = (uint8_t)(ep.raddr[0] ? NM_ST_ESTABLISHED :
		    NM_ST_UNCONN);
	} else if (st == NM_ST_LISTEN || (st < 0 && ep.raddr[0] == '\0')) {
		ep.state = NM_ST_LISTEN;
	} else if (st < 0) {
		nm_snap_warn(s, c->in->name, l->no, "unknown TCP state word; "
		    "state left unknown");
		ep.state = NM_ST_UNKNOWN;
	} else
		ep.state = (uint8_t)st;
	if (ep.state == NM_ST_LISTEN) {
		ep.raddr[0] = '\0';
		ep.rport = -1;
	}
	nm_lx_warn_name(s, c->in, l, &la, "netstat");
	e = nm_snap_add_ep(s);
	*e = ep;
	e->source = c->in->source;
	e->line = l->no;
	if (pid >= 0)
		nm_ep_add_owner(s, e, pid, plen ? nm_astrndup(&s->arena, prog,
		    plen) : NULL);
	return 0;
}

static int
ns_parse(const struct nm_input *in, struct nm_snapshot *snap,
    struct nm_error *err)
{
	struct nm_tok tok[MAXTOK];
	struct ns_ctx c;
	size_t i, n, blen;
	int kind, rows = 0, bad = 0, first_bad = 0;

	memset(&c, 0, sizeof(c));
	c.in = in;
	c.snap = snap;
	nm_lx_host_os(snap, "net-tools netstat format");
	for (i = 0; i < in->lines.n; i++) {
		const struct nm_line *l = &in->lines.v[i];
		const char *b = nm_line_body(l, &blen);

		n = nm_tokenize(b, blen, tok, MAXTOK);
		if (n == 0 || !ns_row(tok, n, &kind)) {
			/* A row cut before its addresses ended. */
			if (n >= 2 && n < 5 && ns_proto(&tok[0]) >= 0 &&
			    ns_proto(&tok[0]) != P_RAW && all_digits(&tok[1]))
				bad_row(&c, l, b, blen, "too few columns");
			continue;
		}
		if (blen > NM_PARSE_MAX_LINE) {
			bad_row(&c, l, b, blen, "line too long");
			if (bad++ == 0)
				first_bad = l->no;
			continue;
		}
		if (kind == P_RAW || kind == P_OTHER) {
			if (c.raw++ == 0)
				c.raw_line = l->no;
			continue;
		}
		if (ns_row_parse(&c, l, b, blen, tok, n, kind) != 0) {
			if (bad++ == 0)
				first_bad = l->no;
			continue;
		}
		rows++;
	}
	if (c.raw > 0)
		nm_snap_warn(snap, in->name, c.raw_line, "%zu raw or udplite "
		    "socket row%s not listed: netmin lists TCP and UDP", c.raw,
		    c.raw == 1 ? "" : "s");
	if (rows == 0) {
		if (bad > 0)
			return nm_seterr(err, NM_ERR_INPUT, "%s:%d: no netstat "
			    "row could be read (%d tried)", in->name,
			    first_bad, bad);
		return nm_seterr(err, NM_ERR_INPUT, "%s: no netstat TCP or "
		    "UDP rows found", in->name);
	}
	return 0;
}

const struct nm_parser nm_parser_netstat_linux = {
	"netstat-linux",
	"net-tools netstat -tulpn, -anp, -anopt, -alnop, -e, -W (any locale)",
	ns_score,
	ns_parse,
};
