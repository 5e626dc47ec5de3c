/*
 * parse_lsof.c - "lsof -i" output: -nP (numbers) or without -n/-P (host
 * and service names), with or without its header (grepped output).
 *
 * Rows: "COMMAND PID [TID TASKCMD] USER FD TYPE DEVICE SIZE/OFF NODE NAME
 * [(STATE)]" with TYPE IPv4/IPv6 and NODE TCP/UDP; they are found by those
 * two columns, so a COMMAND with spaces or a numeric USER does not matter.
 * lsof prints one row per process per descriptor: rows with the same
 * DEVICE (the socket inode) are one socket held by several processes
 * (systemd pid 1 and rpcbind on *:sunrpc), so they become one endpoint
 * with several owners.  COMMAND is cut to 9 characters unless +c was given.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "parse.h"

static const struct {
	const char	*word;
	int		 state;
} lsof_states[] = {
	{ "LISTEN", NM_ST_LISTEN },
	{ "ESTABLISHED", NM_ST_ESTABLISHED },
	{ "SYN_SENT", NM_ST_SYN_SENT },
	{ "SYN_RECV", NM_ST_SYN_RECV },
	{ "FIN_WAIT1", NM_ST_FIN_WAIT1 },
	{ "FIN_WAIT2", NM_ST_FIN_WAIT2 },
	{ "FIN_WAIT_1", NM_ST_FIN_WAIT1 },
	{ "FIN_WAIT_2", NM_ST_FIN_WAIT2 },
	{ "TIME_WAIT", NM_ST_TIME_WAIT },
	{ "CLOSE", NM_ST_CLOSE },
	{ "CLOSED", NM_ST_CLOSE },
	{ "CLOSE_WAIT", NM_ST_CLOSE_WAIT },
	{ "LAST_ACK", NM_ST_LAST_ACK },
	{ "CLOSING", NM_ST_CLOSING },
	{ "BOUND", NM_ST_BOUND },
	{ "IDLE", NM_ST_UNCONN },
	{ "UNKNOWN", NM_ST_UNKNOWN },
};

#define MAXTOK 24

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

struct lsof_row {
	size_t		 type;		/* index of TYPE */
	size_t		 node;		/* index of NODE */
	size_t		 pid;		/* index of PID */
	int		 family;
	int		 proto;
};

/*
 * TYPE is IPv4/IPv6 with at least PID, USER and FD before it; NODE is
 * TCP/UDP one or two columns after DEVICE (SIZE/OFF may be empty); NAME
 * follows.
 */
static bool
lsof_row(const struct nm_tok *tok, size_t n, struct lsof_row *r)
{
	size_t k, j;

	for (k = 3; k + 3 < n; k++) {
		if (nm_tok_eq(&tok[k], "IPv4"))
			r->family = NM_INET;
		else if (nm_tok_eq(&tok[k], "IPv6"))
			r->family = NM_INET6;
		else
			continue;
		for (j = k + 2; j <= k + 3 && j + 1 < n; j++) {
			if (nm_tok_eq(&tok[j], "TCP"))
				r->proto = NM_TCP;
			else if (nm_tok_eq(&tok[j], "UDP"))
				r->proto = NM_UDP;
			else
				continue;
			r->type = k;
			r->node = j;
			for (r->pid = 1; r->pid + 2 < k; r->pid++)
				if (all_digits(&tok[r->pid]))
					return true;
			return false;
		}
		return false;
	}
	return false;
}

static int
lsof_score(const struct nm_input *in)
{
	struct nm_tok tok[MAXTOK];
	struct lsof_row r;
	size_t i, n, blen;
	int score = 0;

	for (i = 0; i < in->lines.n; i++) {
		const char *b = nm_line_body(&in->lines.v[i], &blen);

		n = nm_tokenize(b, blen, tok, MAXTOK);
		if (lsof_row(tok, n, &r))
			score++;
	}
	return score;
}

/* "(LISTEN)", "(ST=LISTEN QR=0 QS=0)" (-T options): the state word. */
static int
lsof_state(const char *p, const char *end)
{
	const char *w;
	size_t i, len;

	if (p >= end || *p != '(')
		return -1;
	p++;
	if (end - p >= 3 && memcmp(p, "ST=", 3) == 0)
		p += 3;
	for (w = p; p < end && *p != ')' && *p != ' '; p++)
		;
	len = (size_t)(p - w);
	for (i = 0; i < NM_NELEM(lsof_states); i++)
		if (strlen(lsof_states[i].word) == len &&
		    memcmp(lsof_states[i].word, w, len) == 0)
			return lsof_states[i].state;
	return -2;
}

/* One socket per DEVICE + NODE + NAME; an open-addressing hash to it. */
struct sock_key {
	uint32_t	 hash;
	size_t		 ep;		/* index into snap->ep, +1; 0 = free */
	const char	*dev;
	size_t		 devlen;
	const char	*name;
	size_t		 namelen;
	int		 proto;
	bool		 capped;	/* warned about too many owners */
};

struct sock_tab {
	struct sock_key	*v;
	size_t		 cap, n;
};

static uint32_t
fnv(uint32_t h, const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 16777619u;
	}
	return h;
}

static struct sock_key *
tab_find(struct sock_tab *t, const struct sock_key *k, bool *found)
{
	size_t i;

	if (t->n * 2 >= t->cap) {
		struct sock_tab nt;
		size_t j;

		nt.cap = t->cap ? t->cap * 2 : 64;
		nt.n = t->n;
		nt.v = nm_xcalloc(nt.cap, sizeof(*nt.v));
		for (j = 0; j < t->cap; j++) {
			if (t->v[j].ep == 0)
				continue;
			for (i = t->v[j].hash & (nt.cap - 1); nt.v[i].ep != 0;
			    i = (i + 1) & (nt.cap - 1))
				;
			nt.v[i] = t->v[j];
		}
		free(t->v);
		*t = nt;
	}
	for (i = k->hash & (t->cap - 1); t->v[i].ep != 0;
	    i = (i + 1) & (t->cap - 1)) {
		const struct sock_key *o = &t->v[i];

		if (o->hash == k->hash && o->proto == k->proto &&
		    o->devlen == k->devlen && o->namelen == k->namelen &&
		    memcmp(o->dev, k->dev, k->devlen) == 0 &&
		    memcmp(o->name, k->name, k->namelen) == 0) {
			*found = true;
			return &t->v[i];
		}
	}
	*found = false;
	return &t->v[i];
}

struct lsof_ctx {
	const struct nm_input	*in;
	struct nm_snapshot	*snap;
	struct sock_tab		 socks;
};

static void
bad_row(struct lsof_ctx *c, const struct nm_line *l, const char *b,
    size_t blen, const char *why)
{
	nm_snap_warn(c->snap, c->in->name, l->no,
	    "cannot read this lsof row (%s): %.*s", why,
	    (int)(blen > 120 ? 120 : blen), b);
}

static int
lsof_row_parse(struct lsof_ctx *c, const struct nm_line *l, const char *b,
    size_t blen, const struct nm_tok *tok, size_t n, const struct lsof_row *r)
{
	struct nm_snapshot *s = c->snap;
	const struct nm_tok *name = &tok[r->node + 1];
	const char *pname = r->proto == NM_TCP ? "tcp" : "udp", *arrow;
	const char *end = b + blen, *cmd;
	struct nm_lx_addr la, ra;
	struct nm_endpoint ep, *e;
	struct sock_key key, *slot;
	size_t i, cmdlen;
	int pid, st = -1;
	bool found;

	if (nm_parse_int(tok[r->pid].s, tok[r->pid].len, 0, 0x7fffffff,
	    &pid) != 0) {
		bad_row(c, l, b, blen, "PID");
		return -1;
	}
	arrow = NULL;
	for (i = 0; i + 1 < name->len; i++)
		if (name->s[i] == '-' && name->s[i + 1] == '>') {
			arrow = name->s + i;
			break;
		}
	if (nm_lx_hostport(name->s, arrow ? (size_t)(arrow - name->s) :
	    name->len, pname, &la) != 0) {
		bad_row(c, l, b, blen, nm_lx_why(s, &la, "local"));
		return -1;
	}
	memset(&ra, 0, sizeof(ra));
	ra.kind = NM_LX_STAR;
	ra.port = -1;
	if (arrow != NULL && nm_lx_hostport(arrow + 2, name->len -
	    (size_t)(arrow + 2 - name->s), pname, &ra) != 0) {
		bad_row(c, l, b, blen, nm_lx_why(s, &ra, "remote"));
		return -1;
	}
	if (r->node + 2 < n) {
		st = lsof_state(tok[r->node + 2].s, end);
		if (st == -2) {
			bad_row(c, l, b, blen, "state");
			return -1;
		}
	}
	/* COMMAND is everything before PID (it may hold spaces). */
	cmd = tok[0].s;
	cmdlen = (size_t)(tok[r->pid - 1].s + tok[r->pid - 1].len - cmd);

	key.dev = tok[r->type + 1].s;
	key.devlen = tok[r->type + 1].len;
	key.name = name->s;
	key.namelen = name->len;
	key.proto = r->proto;
	key.capped = false;
	key.hash = fnv(fnv(2166136261u, key.dev, key.devlen), key.name,
	    key.namelen) ^ (uint32_t)r->proto;
	slot = tab_find(&c->socks, &key, &found);
	if (found && slot->ep - 1 < s->ep.n) {
		e = &s->ep.v[slot->ep - 1];
		if (e->nowners < NM_LX_MAX_OWNERS)
			nm_ep_add_owner(s, e, pid, nm_astrndup(&s->arena, cmd,
			    cmdlen));
		else if (e->nowners == NM_LX_MAX_OWNERS &&
		    nm_ep_pid(e) != pid && !slot->capped) {
			slot->capped = true;
			nm_snap_warn(s, c->in->name, l->no, "more than %d "
			    "processes hold the socket of line %d; the first "
			    "%d are listed", NM_LX_MAX_OWNERS, e->line,
			    NM_LX_MAX_OWNERS);
		}
		return 0;
	}
	memset(&ep, 0, sizeof(ep));
	ep.proto = (uint8_t)r->proto;
	nm_lx_set_local(&ep, &la, r->family);
	/* lsof's TYPE says the family; "*" and names follow it. */
	ep.family = (uint8_t)r->family;
	nm_lx_set_remote(&ep, &ra);
	if (r->family == NM_INET6)
		nm_lx_map_v4(&ep);
	if (r->proto == NM_UDP)
		ep.state = (uint8_t)(ep.raddr[0] ? NM_ST_ESTABLISHED :
		    NM_ST_UNCONN);
	else
		ep.state = (uint8_t)(st >= 0 ? st : NM_ST_UNKNOWN);
	if (ep.state == NM_ST_LISTEN) {
		ep.raddr[0] = '\0';
		ep.rport = -1;
	}
	nm_lx_warn_name(s, c->in, l, &la, "lsof");
	e = nm_snap_add_ep(s);
	*e = ep;
	e->source = c->in->source;
	e->line = l->no;
	e->user = nm_astrndup(&s->arena, tok[r->type - 2].s,
	    tok[r->type - 2].len);
	nm_ep_add_owner(s, e, pid, nm_astrndup(&s->arena, cmd, cmdlen));
	*slot = key;
	slot->ep = s->ep.n;
	c->socks.n++;
	return 0;
}

static int
lsof_parse(const struct nm_input *in, struct nm_snapshot *snap,
    struct nm_error *err)
{
	struct nm_tok tok[MAXTOK];
	struct lsof_ctx c;
	struct lsof_row r;
	size_t i, n, blen;
	int rows = 0, bad = 0, first_bad = 0;

	memset(&c, 0, sizeof(c));
	c.in = in;
	c.snap = snap;
	nm_lx_host_os(snap, "lsof format");
	for (i = 0; i < in->lines.n; i++) {
		const struct nm_line *l = &in->lines.v[i];
		const char *b = nm_line_body(l, &blen);

		n = nm_tokenize(b, blen, tok, MAXTOK);
		if (!lsof_row(tok, n, &r))
			continue;
		if (blen > NM_PARSE_MAX_LINE) {
			bad_row(&c, l, b, blen, "line too long");
			if (bad++ == 0)
				first_bad = l->no;
			continue;
		}
		if (lsof_row_parse(&c, l, b, blen, tok, n, &r) != 0) {
			if (bad++ == 0)
				first_bad = l->no;
			continue;
		}
		rows++;
	}
	free(c.socks.v);
	if (rows == 0) {
		if (bad > 0)
			return nm_seterr(err, NM_ERR_INPUT, "%s:%d: no lsof "
			    "row could be read (%d tried)", in->name,
			    first_bad, bad);
		return nm_seterr(err, NM_ERR_INPUT, "%s: no lsof TCP or UDP "
		    "rows found", in->name);
	}
	return 0;
}

const struct nm_parser nm_parser_lsof = {
	"lsof",
	"lsof -i (with or without -n/-P, with or without its header)",
	lsof_score,
	lsof_parse,
};
