/*
 * parse_netstat_win.c - Windows "netstat -an", "-ano", "-anob", "-anp tcp".
 *
 * Rows are found by shape, not by header: "TCP|UDP local foreign [state]
 * [pid]".  Headers and state names are translated by Windows (German says
 * ABHÖREN, Chinese translates only the header), and captures pass through
 * code pages that mangle them, so a TCP row whose foreign address is
 * "0.0.0.0:0" or "[::]:0" is a listener whatever its state word says.
 * With -b, each row may be followed by a service line and an "[image.exe]"
 * line, or by a localised "can not obtain ownership" sentence.
 */
#include <string.h>

#include "parse.h"

struct state_word {
	const char	*word;	/* '?' matches one mangled non-ASCII letter */
	int		 state;
};

static const struct state_word state_words[] = {
	{ "LISTENING", NM_ST_LISTEN },
	{ "LISTEN", NM_ST_LISTEN },
	{ "ESTABLISHED", NM_ST_ESTABLISHED },
	{ "TIME_WAIT", NM_ST_TIME_WAIT },
	{ "CLOSE_WAIT", NM_ST_CLOSE_WAIT },
	{ "SYN_SENT", NM_ST_SYN_SENT },
	{ "SYN_RECEIVED", NM_ST_SYN_RECV },
	{ "SYN_RCVD", NM_ST_SYN_RECV },
	{ "FIN_WAIT_1", NM_ST_FIN_WAIT1 },
	{ "FIN_WAIT_2", NM_ST_FIN_WAIT2 },
	{ "FIN_WAIT1", NM_ST_FIN_WAIT1 },
	{ "FIN_WAIT2", NM_ST_FIN_WAIT2 },
	{ "LAST_ACK", NM_ST_LAST_ACK },
	{ "CLOSING", NM_ST_CLOSING },
	{ "CLOSED", NM_ST_CLOSE },
	{ "BOUND", NM_ST_BOUND },
	{ "DELETE_TCB", NM_ST_DELETE_TCB },
	/* German */
	{ "ABH?REN", NM_ST_LISTEN },
	{ "ABHOEREN", NM_ST_LISTEN },
	{ "HERGESTELLT", NM_ST_ESTABLISHED },
	{ "WARTEND", NM_ST_TIME_WAIT },
	{ "SCHLIESSEN_WARTEN", NM_ST_CLOSE_WAIT },
	{ "SCHLIE?EN_WARTEN", NM_ST_CLOSE_WAIT },
	{ "SYN_GESENDET", NM_ST_SYN_SENT },
	{ "SYN_EMPFANGEN", NM_ST_SYN_RECV },
	{ "FIN_WARTEN_1", NM_ST_FIN_WAIT1 },
	{ "FIN_WARTEN_2", NM_ST_FIN_WAIT2 },
	{ "LETZTE_BEST?TIGUNG", NM_ST_LAST_ACK },
	{ "LETZTE_BESTAETIGUNG", NM_ST_LAST_ACK },
	{ "SCHLIESSEN", NM_ST_CLOSING },
	{ "SCHLIE?EN", NM_ST_CLOSING },
	{ "GESCHLOSSEN", NM_ST_CLOSE },
	{ "GEBUNDEN", NM_ST_BOUND },
	/* French, Spanish, Italian, Portuguese, Dutch, Swedish, Polish */
	{ "?COUTE", NM_ST_LISTEN },
	{ "ECOUTE", NM_ST_LISTEN },
	{ "?TABLI", NM_ST_ESTABLISHED },
	{ "?TABLIE", NM_ST_ESTABLISHED },
	{ "ESCUCHANDO", NM_ST_LISTEN },
	{ "ESTABLECIDO", NM_ST_ESTABLISHED },
	{ "IN ASCOLTO", NM_ST_LISTEN },
	{ "STABILITA", NM_ST_ESTABLISHED },
	{ "OUVINDO", NM_ST_LISTEN },
	{ "ESCUTANDO", NM_ST_LISTEN },
	{ "ESTABELECIDA", NM_ST_ESTABLISHED },
	{ "LUISTEREN", NM_ST_LISTEN },
	{ "LYSSNAR", NM_ST_LISTEN },
	{ "NAS?UCHIWANIE", NM_ST_LISTEN },
	{ "NASLUCHIWANIE", NM_ST_LISTEN },
};

/*
 * Case-insensitive match where '?' in the pattern takes one letter that a
 * code page mangled: a run of 1-8 bytes >= 0x80 (UTF-8, CP850 read as
 * CP1252, double-encoded UTF-8) or a literal '?' from a lossy conversion.
 */
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
		if (i >= len || !nm_strneq_ci(s + i, pat, 1))
			return false;
		i++;
	}
	return i == len;
}

static int
state_from_word(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < NM_NELEM(state_words); i++)
		if (match_loose(s, len, state_words[i].word))
			return state_words[i].state;
	return -1;
}

static bool
is_proto_tok(const struct nm_tok *t, int *proto)
{
	if (nm_tok_eq_ci(t, "TCP") || nm_tok_eq_ci(t, "TCPv6")) {
		*proto = NM_TCP;
		return true;
	}
	if (nm_tok_eq_ci(t, "UDP") || nm_tok_eq_ci(t, "UDPv6")) {
		*proto = NM_UDP;
		return true;
	}
	return false;
}

/* Windows netstat writes addresses as a.b.c.d:p or [v6%zone]:p. */
static bool
looks_like_addr(const struct nm_tok *t)
{
	return t->len >= 3 && (t->s[0] == '[' || t->s[0] == '*' ||
	    (t->s[0] >= '0' && t->s[0] <= '9')) &&
	    memchr(t->s, ':', t->len) != NULL;
}

#define MAXTOK 16

/* A data row has a protocol and two address tokens. */
static bool
is_row(const struct nm_tok *tok, size_t n, int *proto)
{
	return n >= 3 && is_proto_tok(&tok[0], proto) &&
	    looks_like_addr(&tok[1]) && looks_like_addr(&tok[2]);
}

static int
netstat_win_score(const struct nm_input *in)
{
	struct nm_tok tok[MAXTOK];
	size_t i, n, blen;
	int score = 0, proto;

	for (i = 0; i < in->lines.n; i++) {
		const char *b = nm_line_body(&in->lines.v[i], &blen);

		n = nm_tokenize(b, blen, tok, MAXTOK);
		/* Windows netstat rows are upper-case; Linux netstat's aren't. */
		if (is_row(tok, n, &proto) && tok[0].s[0] != 't' &&
		    tok[0].s[0] != 'u')
			score++;
	}
	return score;
}

static bool
foreign_is_none(const char *addr, int port)
{
	return port <= 0 && nm_addr_is_wildcard(addr);
}

/* Parse one row into an endpoint; returns -1 with *why set on failure. */
static int
parse_row(struct nm_snapshot *snap, const struct nm_input *in,
    const struct nm_line *l, const struct nm_tok *tok, size_t n, int proto,
    struct nm_endpoint **out, const char **why)
{
	struct nm_endpoint ep, *e;
	char raddr[NM_ADDRLEN], rzone[NM_ZONELEN];
	int rfam = NM_INET, lfam = NM_INET, rport, pid = -1, state = -1;
	size_t st_first = 3, st_last = n;	/* state tokens [first, last) */
	const char *pname = proto == NM_TCP ? "tcp" : "udp";

	memset(&ep, 0, sizeof(ep));
	if (nm_parse_hostport(tok[1].s, tok[1].len, pname, ep.laddr,
	    sizeof(ep.laddr), ep.lzone, sizeof(ep.lzone), &lfam,
	    &ep.lport) != 0) {
		*why = "local address";
		return -1;
	}
	if (tok[2].len == 3 && memcmp(tok[2].s, "*:*", 3) == 0) {
		raddr[0] = '\0';
		rport = -1;
	} else if (nm_parse_hostport(tok[2].s, tok[2].len, pname, raddr,
	    sizeof(raddr), rzone, sizeof(rzone), &rfam, &rport) != 0) {
		*why = "foreign address";
		return -1;
	}
	if (n > 3 && nm_parse_int(tok[n - 1].s, tok[n - 1].len, 0, 0x7fffffff,
	    &pid) == 0)
		st_last = n - 1;
	else
		pid = -1;
	if (st_last > st_first) {
		/* The state may be several words ("IN ASCOLTO"). */
		const char *s0 = tok[st_first].s;
		const char *s1 = tok[st_last - 1].s + tok[st_last - 1].len;

		state = state_from_word(s0, (size_t)(s1 - s0));
		if (proto == NM_UDP && state < 0) {
			*why = "UDP row";
			return -1;
		}
	}
	if (proto == NM_UDP) {
		ep.state = NM_ST_UNCONN;
	} else if (st_last == st_first) {
		*why = "state";
		return -1;
	} else if (state == NM_ST_BOUND) {
		ep.state = NM_ST_BOUND;
	} else if (foreign_is_none(raddr, rport)) {
		ep.state = NM_ST_LISTEN;
	} else {
		ep.state = (uint8_t)(state >= 0 ? state : NM_ST_UNKNOWN);
	}
	if (ep.state == NM_ST_LISTEN || proto == NM_UDP ||
	    foreign_is_none(raddr, rport)) {
		ep.raddr[0] = '\0';
		ep.rport = -1;
	} else {
		nm_strlcpy(ep.raddr, raddr, sizeof(ep.raddr));
		ep.rport = rport;
	}
	ep.proto = (uint8_t)proto;
	ep.family = (uint8_t)lfam;
	if (strcmp(ep.laddr, "*") == 0) {
		*why = "local address";
		return -1;
	}
	e = nm_snap_add_ep(snap);
	*e = ep;
	e->source = in->source;
	e->line = l->no;
	if (pid >= 0)
		nm_ep_add_owner(snap, e, pid, NULL);
	*out = e;
	return 0;
}

/* "-b" lines: "[svchost.exe]" names the image of the rows above it. */
static bool
image_line(const char *b, size_t len, const char **img, size_t *ilen)
{
	if (len < 3 || b[0] != '[' || b[len - 1] != ']' ||
	    memchr(b, ' ', len) != NULL)
		return false;
	*img = b + 1;
	*ilen = len - 2;
	return true;
}

/* A Windows service short name: one token of letters, digits, '_', '-', '$'. */
static bool
service_line(const char *b, size_t len)
{
	size_t i;

	if (len == 0 || len > 80)
		return false;
	for (i = 0; i < len; i++) {
		char c = b[i];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '_' || c == '-' ||
		    c == '$' || c == '.'))
			return false;
	}
	return true;
}

static int
netstat_win_parse(const struct nm_input *in, struct nm_snapshot *snap,
    struct nm_error *err)
{
	struct nm_tok tok[MAXTOK];
	size_t i, n, blen;
	int proto, rows = 0;
	bool bmode = false;
	/* Rows since the last image line, for -b blocks. */
	size_t block_first = 0, block_n = 0;
	const char *pending_svc = NULL;
	size_t pending_len = 0;

	(void)err;
	if (snap->host.os == NULL) {
		snap->host.os = "windows";
		snap->host.os_reason = "netstat format";
	}
	/* -b output is recognised by its "[image.exe]" lines. */
	for (i = 0; i < in->lines.n && !bmode; i++) {
		const char *b = nm_line_body(&in->lines.v[i], &blen), *img;
		size_t il;

		bmode = image_line(b, blen, &img, &il);
	}
	for (i = 0; i < in->lines.n; i++) {
		const struct nm_line *l = &in->lines.v[i];
		const char *b = nm_line_body(l, &blen), *img, *why = NULL;
		size_t il;
		struct nm_endpoint *e;

		if (blen > NM_PARSE_MAX_LINE)
			continue;
		n = nm_tokenize(b, blen, tok, MAXTOK);
		if (n >= 2 && is_proto_tok(&tok[0], &proto) &&
		    looks_like_addr(&tok[1])) {
			if (!is_row(tok, n, &proto) || n > 8 ||
			    parse_row(snap, in, l, tok, n, proto, &e,
			    &why) != 0) {
				nm_snap_warn(snap, in->name, l->no,
				    "cannot read this netstat row (%s): %.*s",
				    why ? why : "layout", (int)(blen > 120 ?
				    120 : blen), b);
				continue;
			}
			rows++;
			if (block_n == 0)
				block_first = snap->ep.n - 1;
			block_n++;
			continue;
		}
		if (!bmode || block_n == 0)
			continue;
		if (image_line(b, blen, &img, &il)) {
			const char *name = nm_astrndup(&snap->arena, img, il);
			size_t k;

			/* The image owns the rows of its block. */
			for (k = block_first; k < block_first + block_n &&
			    k < snap->ep.n; k++) {
				struct nm_endpoint *be = &snap->ep.v[k];

				if (be->nowners == 0)
					nm_ep_add_owner(snap, be, -1, name);
				else if (be->owners[0].process == NULL)
					be->owners[0].process = name;
				/* -b names the socket's own service (its
				 * tag), not every service of the process. */
				if (pending_svc != NULL) {
					nm_ep_add_service(snap, be,
					    nm_astrndup(&snap->arena,
					    pending_svc, pending_len));
					be->services_exact = true;
				}
				if (be->nowners && be->owners[0].pid >= 0) {
					struct nm_proc *p = nm_snap_proc(snap,
					    be->owners[0].pid, true);

					if (p->name == NULL) {
						p->name = name;
						p->source = in->source;
						p->line = l->no;
					}
				}
			}
			pending_svc = NULL;
			block_n = 0;
			continue;
		}
		if (n == 1 && service_line(b, blen) && !nm_tok_eq(&tok[0],
		    "...")) {
			pending_svc = b;
			pending_len = blen;
			continue;
		}
		/* "Can not obtain ownership information" in any language. */
		if (n >= 3) {
			block_n = 0;
			pending_svc = NULL;
		}
	}
	if (rows == 0)
		return nm_seterr(err, NM_ERR_INPUT,
		    "%s: no netstat rows found", in->name);
	return 0;
}

const struct nm_parser nm_parser_netstat_win = {
	"netstat-win",
	"Windows netstat -an, -ano, -anob, -anp tcp (any display language)",
	netstat_win_score,
	netstat_win_parse,
};
