/*
 * parse_ss.c - iproute2 "ss" output: -tulpn, -tuapn, -ltp/-lup without -n
 * (service names), with or without the Netid column.
 *
 * Rows are found by shape: "[netid] STATE recv-q send-q local peer [rest]".
 * The rest holds users:(("name",pid=N,fd=M),...) when -p was given (one
 * entry per process holding the socket: nginx master and workers, or a
 * daemon and systemd pid 1 for socket activation); kernel sockets
 * (WireGuard, nfsd) have none and keep an unknown owner.
 *
 * Addresses come in two styles.  iproute2 4.x and later print 0.0.0.0 for
 * the IPv4 wildcard, bracket IPv6 ("[::]:22") and print "*" for an IPv6
 * wildcard socket with v6only=0, which takes IPv4 too.  Older ss printed
 * "*" for 0.0.0.0 and IPv6 without brackets (":::22").  The style of a file
 * is read from its rows before "*" is interpreted.
 */
#include <ctype.h>
#include <string.h>

#include "parse.h"

static const struct {
	const char	*word;
	int		 state;
} ss_states[] = {
	{ "LISTEN", NM_ST_LISTEN },
	{ "ESTAB", NM_ST_ESTABLISHED },
	{ "UNCONN", NM_ST_UNCONN },
	{ "TIME-WAIT", NM_ST_TIME_WAIT },
	{ "SYN-SENT", NM_ST_SYN_SENT },
	{ "SYN-RECV", NM_ST_SYN_RECV },
	{ "FIN-WAIT-1", NM_ST_FIN_WAIT1 },
	{ "FIN-WAIT-2", NM_ST_FIN_WAIT2 },
	{ "CLOSE-WAIT", NM_ST_CLOSE_WAIT },
	{ "LAST-ACK", NM_ST_LAST_ACK },
	{ "CLOSING", NM_ST_CLOSING },
	{ "BOUND-INACTIVE", NM_ST_BOUND },
	{ "NEW-SYN-RECV", NM_ST_SYN_RECV },
	{ "UNKNOWN", NM_ST_UNKNOWN },
};

static int
ss_state(const struct nm_tok *t)
{
	size_t i;

	for (i = 0; i < NM_NELEM(ss_states); i++)
		if (nm_tok_eq(t, ss_states[i].word))
			return ss_states[i].state;
	return -1;
}

enum netid {
	NID_NONE = 0,	/* no Netid column */
	NID_TCP,
	NID_UDP,
	NID_INET,	/* raw, sctp, mptcp, dccp...: IP, but not TCP/UDP */
	NID_LOCAL	/* unix, netlink, packet, vsock, tipc, xdp */
};

static int
netid_kind(const struct nm_tok *t)
{
	static const char *inet[] = { "raw", "sctp", "mptcp", "dccp",
	    "icmp6", "udplite" };
	static const char *local[] = { "u_str", "u_dgr", "u_seq", "p_raw",
	    "p_dgr", "nl", "v_str", "v_dgr", "tipc", "xdp", "unix",
	    "netlink", "packet", "vsock" };
	size_t i;

	if (nm_tok_eq(t, "tcp"))
		return NID_TCP;
	if (nm_tok_eq(t, "udp"))
		return NID_UDP;
	for (i = 0; i < NM_NELEM(inet); i++)
		if (nm_tok_eq(t, inet[i]))
			return NID_INET;
	for (i = 0; i < NM_NELEM(local); i++)
		if (nm_tok_eq(t, local[i]))
			return NID_LOCAL;
	return NID_NONE;
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

#define MAXTOK 8

/*
 * A row: sets *first to the index of the state token and *nid to the
 * Netid kind.  IP rows need ':' in both address tokens.
 */
static bool
ss_row(const struct nm_tok *tok, size_t n, size_t *first, int *nid)
{
	size_t i = 0;

	*nid = NID_NONE;
	if (n >= 6 && ss_state(&tok[0]) < 0 && ss_state(&tok[1]) >= 0) {
		*nid = netid_kind(&tok[0]);
		/* A Netid newer than this code: IP when it has ports. */
		if (*nid == NID_NONE)
			*nid = memchr(tok[4].s, ':', tok[4].len) != NULL &&
			    memchr(tok[5].s, ':', tok[5].len) != NULL ?
			    NID_INET : NID_LOCAL;
		i = 1;
	}
	if (n < i + 5 || ss_state(&tok[i]) < 0 || !all_digits(&tok[i + 1]) ||
	    !all_digits(&tok[i + 2]))
		return false;
	*first = i;
	if (*nid == NID_LOCAL)
		return true;
	return memchr(tok[i + 3].s, ':', tok[i + 3].len) != NULL &&
	    memchr(tok[i + 4].s, ':', tok[i + 4].len) != NULL;
}

static int
ss_score(const struct nm_input *in)
{
	struct nm_tok tok[MAXTOK];
	size_t i, n, blen, first;
	int score = 0, nid;

	for (i = 0; i < in->lines.n; i++) {
		const char *b = nm_line_body(&in->lines.v[i], &blen);

		n = nm_tokenize(b, blen, tok, MAXTOK);
		if (ss_row(tok, n, &first, &nid) && nid != NID_LOCAL)
			score++;
	}
	return score;
}

/*
 * "sudo ss -ltp" in a prompt line tells the protocol of rows printed
 * without the Netid column.  Returns NM_TCP or NM_UDP when the command
 * names exactly one of them, -1 when it names both or neither, -2 when the
 * line is not an ss command.
 */
static int
command_proto(const struct nm_tok *tok, size_t n)
{
	size_t i, k, j;
	bool t = false, u = false, is_ss = false;

	for (i = 0; i < n && !is_ss; i++)
		is_ss = nm_tok_eq(&tok[i], "ss") || (tok[i].len > 3 &&
		    memcmp(tok[i].s + tok[i].len - 3, "/ss", 3) == 0);
	if (!is_ss)
		return -2;
	for (k = i; k < n; k++) {
		const struct nm_tok *a = &tok[k];

		if (nm_tok_eq(a, "--tcp"))
			t = true;
		else if (nm_tok_eq(a, "--udp"))
			u = true;
		else if (a->len >= 2 && a->s[0] == '-' && a->s[1] != '-')
			for (j = 1; j < a->len; j++) {
				t |= a->s[j] == 't';
				u |= a->s[j] == 'u';
			}
		else if (a->len == 1 && a->s[0] == '|')
			break;
	}
	if (t != u)
		return t ? NM_TCP : NM_UDP;
	return -1;
}

/* How "*" reads in this file (see the top of the file). */
enum style { STYLE_UNKNOWN, STYLE_NEW, STYLE_OLD };

static bool
unbracketed_v6(const struct nm_tok *t)
{
	size_t i, colons = 0;

	if (t->len == 0 || t->s[0] == '[')
		return false;
	for (i = 0; i < t->len; i++)
		colons += t->s[i] == ':';
	return colons >= 2;
}

static int
file_style(const struct nm_input *in)
{
	struct nm_tok tok[MAXTOK];
	size_t i, n, blen, first, k;
	int nid;
	bool newer = false, older = false;

	for (i = 0; i < in->lines.n; i++) {
		const char *b = nm_line_body(&in->lines.v[i], &blen);

		n = nm_tokenize(b, blen, tok, MAXTOK);
		if (!ss_row(tok, n, &first, &nid) || nid == NID_LOCAL)
			continue;
		for (k = first + 3; k <= first + 4; k++) {
			if (tok[k].s[0] == '[' || (tok[k].len > 8 &&
			    memcmp(tok[k].s, "0.0.0.0:", 8) == 0))
				newer = true;
			if (unbracketed_v6(&tok[k]))
				older = true;
		}
	}
	if (newer == older)
		return STYLE_UNKNOWN;
	return newer ? STYLE_NEW : STYLE_OLD;
}

/*
 * users:(("nginx",pid=1339,fd=7),("nginx",pid=1338,fd=7)); ss before
 * 2014 printed users:(("sshd",1510,3)).  The name is printed unescaped, so
 * it ends at the quote that comes before ",pid=" or ",<digit>".
 */
static int
ss_users(struct nm_snapshot *s, struct nm_endpoint *e, const char *p,
    const char *end, size_t *dropped)
{
	int added = 0;

	while (p < end && *p == '(') {
		const char *name, *q, *d;
		int pid;

		p++;
		if (p >= end || *p != '"')
			return -1;
		name = ++p;
		for (q = p; q + 2 < end; q++)
			if (q[0] == '"' && q[1] == ',' && (isdigit((unsigned
			    char)q[2]) || (end - q >= 6 &&
			    memcmp(q + 2, "pid=", 4) == 0)))
				break;
		if (q + 2 >= end)
			return -1;
		p = q + 2;
		if (end - p >= 4 && memcmp(p, "pid=", 4) == 0)
			p += 4;
		for (d = p; d < end && isdigit((unsigned char)*d); d++)
			;
		if (nm_parse_int(p, (size_t)(d - p), 0, 0x7fffffff,
		    &pid) != 0)
			return -1;
		/* fd and whatever newer ss adds, up to the entry's ')'. */
		for (p = d; p < end && *p != ')'; p++)
			;
		if (p >= end)
			return -1;
		p++;
		if (e->nowners < NM_LX_MAX_OWNERS)
			nm_ep_add_owner(s, e, pid, q > name ?
			    nm_astrndup(&s->arena, name, (size_t)(q - name)) :
			    NULL);
		else
			(*dropped)++;
		added++;
		if (p < end && *p == ',')
			p++;
	}
	return added > 0 && p < end && *p == ')' ? 0 : -1;
}

static const char *
find(const char *p, const char *end, const char *what)
{
	size_t i, n = strlen(what);

	for (i = 0; p + i + n <= end; i++)
		if (memcmp(p + i, what, n) == 0)
			return p + i;
	return NULL;
}

/* Finds "users:(" in [p, end) and reads it; 1 when there is none. */
static int
ss_process(struct nm_snapshot *s, const struct nm_input *in,
    const struct nm_line *l, struct nm_endpoint *e, const char *p,
    const char *end)
{
	const char *u = find(p, end, "users:(");
	size_t dropped = 0;
	int rc;

	if (u == NULL)
		return 1;
	rc = ss_users(s, e, u + 7, end, &dropped);
	if (dropped > 0)
		nm_snap_warn(s, in->name, l->no, "%zu more processes hold this "
		    "socket; the first %d are listed", dropped,
		    NM_LX_MAX_OWNERS);
	return rc;
}

struct ss_ctx {
	const struct nm_input	*in;
	struct nm_snapshot	*snap;
	int			 style;
	int			 hint;		/* command_proto() of the prompt */
	bool			 warned_star;
	size_t			 other;		/* raw, sctp... rows skipped */
	int			 other_line;
};

static void
bad_row(struct ss_ctx *c, const struct nm_line *l, const char *b, size_t blen,
    const char *why)
{
	nm_snap_warn(c->snap, c->in->name, l->no,
	    "cannot read this ss row (%s): %.*s", why,
	    (int)(blen > 120 ? 120 : blen), b);
}

static int
ss_row_parse(struct ss_ctx *c, const struct nm_line *l, const char *b,
    size_t blen, const struct nm_tok *tok, size_t n, size_t i, int nid)
{
	struct nm_snapshot *s = c->snap;
	struct nm_lx_addr la, ra;
	struct nm_endpoint ep, *e;
	int proto, st = ss_state(&tok[i]), family;
	const char *pname, *rest = NULL, *end = b + blen;
	int rc;

	if (nid == NID_TCP)
		proto = NM_TCP;
	else if (nid == NID_UDP)
		proto = NM_UDP;
	else if (c->hint >= 0)
		proto = c->hint;
	else
		proto = st == NM_ST_UNCONN ? NM_UDP : NM_TCP;
	pname = proto == NM_TCP ? "tcp" : "udp";
	if (nm_lx_hostport(tok[i + 3].s, tok[i + 3].len, pname, &la) != 0) {
		bad_row(c, l, b, blen, nm_lx_why(s, &la, "local"));
		return -1;
	}
	if (nm_lx_hostport(tok[i + 4].s, tok[i + 4].len, pname, &ra) != 0) {
		bad_row(c, l, b, blen, nm_lx_why(s, &ra, "peer"));
		return -1;
	}
	memset(&ep, 0, sizeof(ep));
	ep.proto = (uint8_t)proto;
	if (proto == NM_UDP)
		ep.state = (uint8_t)(st == NM_ST_UNCONN ? NM_ST_UNCONN : st);
	else
		ep.state = (uint8_t)(st == NM_ST_UNCONN ? NM_ST_CLOSE : st);
	/* Which family a "*" or a host name (ss -r) stands for. */
	family = ra.family >= 0 ? ra.family : NM_INET;
	if (la.kind == NM_LX_STAR) {
		if (c->style == STYLE_OLD)
			family = NM_INET;
		else {
			family = NM_INET6;
			ep.dual_stack = true;
			if (c->style == STYLE_UNKNOWN && !c->warned_star) {
				c->warned_star = true;
				nm_snap_warn(s, c->in->name, l->no, "'*' read as "
				    "an IPv6 socket that also takes IPv4, as "
				    "iproute2 4.x and later print it (older ss "
				    "printed '*' for 0.0.0.0)");
			}
		}
	}
	nm_lx_set_local(&ep, &la, family);
	nm_lx_set_remote(&ep, &ra);
	if (ep.state == NM_ST_LISTEN) {
		ep.raddr[0] = '\0';
		ep.rport = -1;
	}
	nm_lx_warn_name(s, c->in, l, &la, "ss");
	e = nm_snap_add_ep(s);
	*e = ep;
	e->source = c->in->source;
	e->line = l->no;
	if (n > i + 5)
		rest = tok[i + 5].s;
	if (rest != NULL) {
		/* -e says it outright for IPv6 sockets. */
		if (find(rest, end, " v6only:0") != NULL)
			e->dual_stack = e->family == NM_INET6;
		else if (find(rest, end, " v6only:1") != NULL)
			e->dual_stack = false;
		rc = ss_process(s, c->in, l, e, rest, end);
		if (rc < 0)
			nm_snap_warn(s, c->in->name, l->no, "cannot read the "
			    "process list of this ss row; owner left unknown");
	}
	return 0;
}

static int
ss_parse(const struct nm_input *in, struct nm_snapshot *snap,
    struct nm_error *err)
{
	struct nm_tok tok[MAXTOK];
	struct ss_ctx c;
	size_t i, n, blen, first;
	int nid, rows = 0, bad = 0, first_bad = 0, hint;
	struct nm_endpoint *last = NULL;
	size_t last_idx = 0;

	memset(&c, 0, sizeof(c));
	c.in = in;
	c.snap = snap;
	c.style = file_style(in);
	c.hint = -1;
	nm_lx_host_os(snap, "ss format");
	for (i = 0; i < in->lines.n; i++) {
		const struct nm_line *l = &in->lines.v[i];
		const char *b = nm_line_body(l, &blen);

		n = nm_tokenize(b, blen, tok, MAXTOK);
		if (n == 0)
			continue;
		if (ss_row(tok, n, &first, &nid)) {
			if (nid == NID_LOCAL)
				continue;
			if (blen > NM_LX_MAX_SS_LINE) {
				bad_row(&c, l, b, blen, "line too long");
				if (bad++ == 0)
					first_bad = l->no;
				last = NULL;
				continue;
			}
			if (nid == NID_INET) {
				if (c.other++ == 0)
					c.other_line = l->no;
				continue;
			}
			if (ss_row_parse(&c, l, b, blen, tok, n, first,
			    nid) != 0) {
				if (bad++ == 0)
					first_bad = l->no;
				last = NULL;
				continue;
			}
			rows++;
			last_idx = snap->ep.n - 1;
			last = &snap->ep.v[last_idx];
			continue;
		}
		/* A narrow terminal can push users:(...) to its own line. */
		if (blen > 8 && memcmp(b, "users:((", 8) == 0 && last != NULL &&
		    last_idx < snap->ep.n && snap->ep.v[last_idx].nowners == 0) {
			if (ss_process(snap, in, l, &snap->ep.v[last_idx], b,
			    b + blen) < 0)
				nm_snap_warn(snap, in->name, l->no, "cannot read "
				    "this process list; owner left unknown");
			last = NULL;
			continue;
		}
		hint = command_proto(tok, n);
		if (hint != -2)
			c.hint = hint;
		last = NULL;
	}
	if (c.other > 0)
		nm_snap_warn(snap, in->name, c.other_line, "%zu row%s of other "
		    "IP socket kinds (raw, sctp, mptcp...) not listed: netmin "
		    "lists TCP and UDP", c.other, c.other == 1 ? "" : "s");
	if (rows == 0) {
		if (bad > 0)
			return nm_seterr(err, NM_ERR_INPUT, "%s:%d: no ss row "
			    "could be read (%d tried)", in->name, first_bad,
			    bad);
		return nm_seterr(err, NM_ERR_INPUT, "%s: no ss TCP or UDP rows "
		    "found", in->name);
	}
	return 0;
}

const struct nm_parser nm_parser_ss = {
	"ss",
	"iproute2 ss -tulpn, -tuapn, -ltp, -lup (with or without -n)",
	ss_score,
	ss_parse,
};
