/*
 * fw_nft_read.c - nftables text read back, for netmin apply: check that a
 * ruleset file touches nothing but the table inet netmin, take its table
 * block out, tell whether that table admits an administrator's session
 * (the lockout guard), and build the one transaction that replaces the
 * table in place (its position among the tables, and so `nft list
 * ruleset`, stays as it was).
 *
 * The guard's reading of rules is deliberately narrow: it knows the
 * statements netmin writes and nft lists back (interfaces, ct state,
 * nfproto/l4proto, addresses and sets of them, ports, counters, comments,
 * log, verdicts).  Anything else makes the answer "cannot tell", and apply
 * then refuses unless the user names the session's port.
 */
#include <stdlib.h>
#include <string.h>

#include "fw.h"

#define MAXTOK 512

struct tok {
	const char	*s;
	size_t		 len;
};

static bool
teq(const struct tok *t, const char *s)
{
	return t->len == strlen(s) && memcmp(t->s, s, t->len) == 0;
}

/* Words, quoted strings, and the single characters { } , ; as tokens. */
static size_t
tokens(const char *s, size_t len, struct tok *out, size_t max, bool *bad)
{
	size_t i = 0, n = 0;

	*bad = false;
	while (i < len) {
		size_t st;

		if (s[i] == ' ' || s[i] == '\t' || s[i] == '\r') {
			i++;
			continue;
		}
		if (s[i] == '#')
			break;		/* comment to the end of the line */
		if (n == max) {
			*bad = true;
			break;
		}
		st = i;
		if (s[i] == '"') {
			for (i++; i < len && s[i] != '"'; i++)
				;
			if (i == len) {
				*bad = true;
				break;
			}
			i++;
		} else if (strchr("{},;", s[i]) != NULL) {
			i++;
		} else {
			while (i < len && strchr(" \t\r{},;\"#", s[i]) == NULL)
				i++;
		}
		out[n].s = s + st;
		out[n].len = i - st;
		n++;
	}
	return n;
}

/* Brace depth change of a line, braces in quotes and comments aside. */
static int
brace_delta(const char *s, size_t len)
{
	bool q = false;
	int d = 0;
	size_t i;

	for (i = 0; i < len; i++) {
		if (s[i] == '"')
			q = !q;
		else if (!q && s[i] == '#')
			break;
		else if (!q && s[i] == '{')
			d++;
		else if (!q && s[i] == '}')
			d--;
	}
	return d;
}

static bool
line_is(const struct tok *t, size_t n, const char *const *words, size_t nw)
{
	size_t i;

	if (n != nw)
		return false;
	for (i = 0; i < nw; i++)
		if (!teq(&t[i], words[i]))
			return false;
	return true;
}

int
nm_nft_read(const char *text, size_t len, const char *name,
    struct nm_arena *a, struct nm_nft_file *out, struct nm_error *err)
{
	static const char *const add[] = { "add", "table", "inet", "netmin" };
	/* add + 1: "table inet netmin" */
	static const char *const del[] = { "delete", "table", "inet",
	    "netmin" };
	static const char *const fl[] = { "flush", "table", "inet", "netmin" };
	const char *p = text, *end = text + len, *bstart = NULL;
	struct tok t[MAXTOK];
	int lineno = 0, depth = 0, bline = 0;
	bool bad;

	memset(out, 0, sizeof(out[0]));
	if (memchr(text, '\0', len) != NULL)
		return nm_seterr(err, NM_ERR_INPUT, "%s: a NUL byte: not an "
		    "nftables file", name);
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t ll = nl ? (size_t)(nl - p) : (size_t)(end - p);
		size_t n;
		int d;

		lineno++;
		n = tokens(p, ll, t, MAXTOK, &bad);
		if (bad)
			return nm_seterr(err, NM_ERR_INPUT, "%s:%d: a line "
			    "netmin cannot read (an open quote, or too long)",
			    name, lineno);
		d = brace_delta(p, ll);
		if (depth + d < 0)
			return nm_seterr(err, NM_ERR_INPUT, "%s:%d: a '}' that "
			    "closes nothing", name, lineno);
		if (depth == 0 && n > 0) {
			size_t off = teq(&t[0], "add") ? 1 : 0;
			bool tbl = n >= off + 3 && line_is(t + off, 3,
			    add + 1, 3);

			if ((tbl && n == off + 3) || line_is(t, n, del, 4) ||
			    line_is(t, n, fl, 4)) {
				/* the table itself: declared, deleted, flushed */
			} else if (tbl && n >= off + 4 && teq(&t[off + 3], "{")) {
				if (bstart != NULL)
					return nm_seterr(err, NM_ERR_INPUT,
					    "%s:%d: a second table inet netmin "
					    "block (the first is at line %d)",
					    name, lineno, bline);
				bstart = p;
				bline = lineno;
			} else {
				return nm_seterr(err, NM_ERR_INPUT, "%s:%d: "
				    "netmin apply loads only the table inet "
				    "netmin, and this line is not part of it: "
				    "%.*s", name, lineno, (int)(ll > 80 ? 80 :
				    ll), p);
			}
		}
		depth += d;
		if (depth < 0)
			return nm_seterr(err, NM_ERR_INPUT, "%s:%d: a '}' that "
			    "closes nothing", name, lineno);
		if (bstart != NULL && depth == 0 && out->table == NULL) {
			const char *close = p + ll;

			/* "}" alone ends the block. */
			if (lineno != bline && !(n == 1 && teq(&t[0], "}")))
				return nm_seterr(err, NM_ERR_INPUT, "%s:%d: "
				    "the table's closing '}' must stand alone",
				    name, lineno);
			out->table = nm_astrndup(a, bstart,
			    (size_t)(close - bstart));
			out->len = (size_t)(close - bstart);
			out->line = bline;
		}
		p = nl ? nl + 1 : end;
	}
	if (depth != 0)
		return nm_seterr(err, NM_ERR_INPUT, "%s:%d: the file ends "
		    "inside a block (a '}' is missing)", name, lineno);
	if (out->table == NULL)
		return nm_seterr(err, NM_ERR_INPUT, "%s: no \"table inet "
		    "netmin { ... }\" block: not a ruleset written by netmin "
		    "firewall --emit nft", name);
	/* The stored block ends with a newline, as nft -f wants. */
	{
		char *t2 = nm_aalloc(a, out->len + 2);

		memcpy(t2, out->table, out->len);
		t2[out->len] = '\n';
		out->table = t2;
		out->len++;
	}
	return 0;
}

/* --- the guard's evaluator ---------------------------------------------- */

enum { NO = 0, YES = 1, UNKNOWN = -1 };

struct pkt {
	int		 family;
	unsigned char	 src[16], dst[16];
	int		 dport;
};

/* A value or a { set }: the tokens of its items. */
static size_t
value(const struct tok *t, size_t n, size_t i, size_t *first, size_t *cnt)
{
	if (i >= n)
		return 0;
	if (!teq(&t[i], "{")) {
		/* "established,related": items joined by commas */
		*first = i;
		*cnt = 1;
		while (i + 2 < n && teq(&t[i + 1], ",") &&
		    !teq(&t[i + 2], "{")) {
			*cnt += 2;
			i += 2;
		}
		return *cnt;
	}
	*first = i + 1;
	*cnt = 0;
	for (i++; i < n && !teq(&t[i], "}"); i++)
		(*cnt)++;
	if (i == n)
		return 0;
	return *cnt + 2;
}

static bool
item_is(const struct tok *t, const char *s)
{
	size_t l = strlen(s);

	if (t->len == l + 2 && t->s[0] == '"')
		return memcmp(t->s + 1, s, l) == 0;
	return teq(t, s);
}

/* Items are separated by "," tokens in sets; each counts alone. */
static int
set_has_word(const struct tok *t, size_t first, size_t cnt, const char *w)
{
	size_t i;

	for (i = first; i < first + cnt; i++)
		if (!teq(&t[i], ",") && item_is(&t[i], w))
			return YES;
	return NO;
}

static int
set_has_port(const struct tok *t, size_t first, size_t cnt, int port)
{
	size_t i;

	for (i = first; i < first + cnt; i++) {
		const char *dash;
		int lo, hi;

		if (teq(&t[i], ","))
			continue;
		dash = memchr(t[i].s, '-', t[i].len);
		if (dash == NULL) {
			if (nm_parse_int(t[i].s, t[i].len, 0, 65535, &lo) != 0)
				return UNKNOWN;	/* a service name */
			if (lo == port)
				return YES;
			continue;
		}
		if (nm_parse_int(t[i].s, (size_t)(dash - t[i].s), 0, 65535,
		    &lo) != 0 || nm_parse_int(dash + 1, t[i].len -
		    (size_t)(dash - t[i].s) - 1, 0, 65535, &hi) != 0)
			return UNKNOWN;
		if (lo <= port && port <= hi)
			return YES;
	}
	return NO;
}

static int
set_has_addr(const struct tok *t, size_t first, size_t cnt, int family,
    const unsigned char *a)
{
	size_t i;

	for (i = first; i < first + cnt; i++) {
		struct nm_fw_net net;
		struct nm_error e;

		if (teq(&t[i], ","))
			continue;
		if (nm_fw_net_parse(t[i].s, t[i].len, &net, &e) != 0)
			return UNKNOWN;	/* a range, a named set... */
		if (nm_fw_net_contains(&net, family, a))
			return YES;
	}
	return NO;
}

static int
neg(int r, bool not)
{
	return r == UNKNOWN || !not ? r : r == YES ? NO : YES;
}

/*
 * One rule: whether it matches the packet (YES/NO/UNKNOWN) and its
 * verdict ('a' accept, 'd' drop or reject, 0 none, '?' unknown).
 */
static int
rule_match(const struct tok *t, size_t n, const struct pkt *k, int *verdict)
{
	int m = YES;
	size_t i = 0, f, c, used;

	*verdict = 0;
	while (i < n) {
		int r = UNKNOWN;
		bool not = false;

		if (teq(&t[i], "accept")) {
			*verdict = 'a';
			i++;
			continue;
		}
		if (teq(&t[i], "drop")) {
			*verdict = 'd';
			i++;
			continue;
		}
		if (teq(&t[i], "reject")) {
			*verdict = 'd';
			i++;
			if (i < n && teq(&t[i], "with"))
				i = n;	/* reject with ...: the rest */
			continue;
		}
		if (teq(&t[i], "counter")) {
			i++;
			while (i + 1 < n && (teq(&t[i], "packets") ||
			    teq(&t[i], "bytes")))
				i += 2;
			continue;
		}
		if (teq(&t[i], "comment") && i + 1 < n) {
			i += 2;
			continue;
		}
		if (teq(&t[i], "log")) {
			i++;
			while (i + 1 < n && (teq(&t[i], "prefix") ||
			    teq(&t[i], "level") || teq(&t[i], "flags") ||
			    teq(&t[i], "group") || teq(&t[i], "snaplen")))
				i += 2;
			continue;
		}
		if (teq(&t[i], "jump") || teq(&t[i], "goto") ||
		    teq(&t[i], "return") || teq(&t[i], "queue")) {
			*verdict = '?';
			goto unknown;
		}
		if (teq(&t[i], "continue")) {
			i++;
			continue;
		}
		if (i + 2 <= n && (teq(&t[i], "iif") || teq(&t[i], "iifname"))) {
			i++;
			if (teq(&t[i], "!=")) {
				not = true;
				i++;
			}
			if ((used = value(t, n, i, &f, &c)) == 0)
				goto unknown;
			/* A session from another host never arrives on lo. */
			r = set_has_word(t, f, c, "lo") == YES ? NO : UNKNOWN;
			i += used;
		} else if (i + 3 <= n && teq(&t[i], "ct") &&
		    teq(&t[i + 1], "state")) {
			i += 2;
			if (teq(&t[i], "!=")) {
				not = true;
				i++;
			}
			if ((used = value(t, n, i, &f, &c)) == 0)
				goto unknown;
			r = set_has_word(t, f, c, "new");
			i += used;
		} else if (i + 3 <= n && teq(&t[i], "meta") &&
		    (teq(&t[i + 1], "nfproto") || teq(&t[i + 1], "l4proto"))) {
			bool l4 = teq(&t[i + 1], "l4proto");

			i += 2;
			if (teq(&t[i], "!=")) {
				not = true;
				i++;
			}
			if ((used = value(t, n, i, &f, &c)) == 0)
				goto unknown;
			if (l4)
				r = set_has_word(t, f, c, "tcp") == YES ||
				    set_has_word(t, f, c, "6") == YES ? YES : NO;
			else
				r = set_has_word(t, f, c, k->family == NM_INET ?
				    "ipv4" : "ipv6");
			i += used;
		} else if (i + 3 <= n && (teq(&t[i], "ip") ||
		    teq(&t[i], "ip6")) && (teq(&t[i + 1], "saddr") ||
		    teq(&t[i + 1], "daddr"))) {
			int fam = teq(&t[i], "ip") ? NM_INET : NM_INET6;
			bool src = teq(&t[i + 1], "saddr");

			i += 2;
			if (teq(&t[i], "!=")) {
				not = true;
				i++;
			}
			if ((used = value(t, n, i, &f, &c)) == 0)
				goto unknown;
			i += used;
			if (fam != k->family) {
				m = NO;
				continue;	/* implies the other family */
			}
			r = set_has_addr(t, f, c, fam, src ? k->src : k->dst);
		} else if (i + 3 <= n && (teq(&t[i], "tcp") ||
		    teq(&t[i], "th")) && teq(&t[i + 1], "dport")) {
			i += 2;
			if (teq(&t[i], "!=")) {
				not = true;
				i++;
			}
			if ((used = value(t, n, i, &f, &c)) == 0)
				goto unknown;
			r = set_has_port(t, f, c, k->dport);
			i += used;
		} else if (i + 2 <= n && (teq(&t[i], "udp") ||
		    teq(&t[i], "icmp") || teq(&t[i], "icmpv6") ||
		    teq(&t[i], "sctp") || teq(&t[i], "udplite") ||
		    teq(&t[i], "dccp"))) {
			/* Another protocol's header: never a TCP packet.  Its
			   operand is skipped as far as it can be told. */
			i += 2;
			if (i < n && teq(&t[i], "!="))
				i++;
			used = value(t, n, i, &f, &c);
			i += used ? used : 1;
			m = NO;
			continue;
		} else {
			goto unknown;
		}
		r = neg(r, not);
		if (r == NO)
			m = NO;
		else if (r == UNKNOWN && m == YES)
			m = UNKNOWN;
	}
	return m;
unknown:
	*verdict = '?';		/* a statement it cannot read */
	return UNKNOWN;
}

int
nm_nft_admits(const struct nm_nft_file *file, const struct nm_fw_session *s,
    struct nm_buf *why)
{
	const char *p = file->table, *end = file->table + file->len;
	struct tok t[MAXTOK];
	struct pkt k;
	int lineno = file->line - 1, depth = 0, result = YES, chain_res = -2;
	int chain_depth = -1;
	bool base = false, bad, in_chain = false;
	char policy = 'a';

	memset(&k, 0, sizeof(k));
	k.family = s->family;
	k.dport = s->port;
	if (nm_addr_parse(s->client, strlen(s->client), &k.family, k.src) != 0 ||
	    nm_addr_parse(s->server, strlen(s->server), &k.family, k.dst) != 0) {
		nm_buf_printf(why, "the session's addresses do not parse");
		return UNKNOWN;
	}
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t ll = nl ? (size_t)(nl - p) : (size_t)(end - p);
		size_t n = tokens(p, ll, t, MAXTOK, &bad);
		int d = brace_delta(p, ll);

		lineno++;
		if (bad) {
			nm_buf_printf(why, "line %d cannot be read", lineno);
			return UNKNOWN;
		}
		if (!in_chain && depth == 1 && n >= 3 && teq(&t[0], "chain") &&
		    teq(&t[n - 1], "{")) {
			in_chain = true;
			chain_depth = depth + d;
			base = false;
			policy = 'a';
			chain_res = -2;
		} else if (in_chain && depth == chain_depth && n > 0 &&
		    teq(&t[0], "type")) {
			size_t i;

			for (i = 0; i + 1 < n; i++) {
				if (teq(&t[i], "hook"))
					base = teq(&t[i + 1], "input");
				if (teq(&t[i], "policy"))
					policy = teq(&t[i + 1], "drop") ? 'd' :
					    'a';
			}
		} else if (in_chain && depth == chain_depth && n > 0 &&
		    teq(&t[0], "policy") && n >= 2) {
			policy = teq(&t[1], "drop") ? 'd' : 'a';
		} else if (in_chain && depth == chain_depth && n > 0 &&
		    !(n == 1 && teq(&t[0], "}")) && chain_res == -2) {
			int v, m;

			if (d != 0) {
				nm_buf_printf(why, "line %d: a rule over "
				    "several lines", lineno);
				m = UNKNOWN;
				v = '?';
			} else {
				m = rule_match(t, n, &k, &v);
			}
			if (m == UNKNOWN && v != 0) {
				if (why->len == 0)
					nm_buf_printf(why, "line %d: a rule "
					    "netmin cannot evaluate: %.*s",
					    lineno, (int)(ll > 60 ? 60 : ll),
					    nm_skipws(p));
				chain_res = UNKNOWN;
			} else if (m == YES && v == 'a') {
				chain_res = YES;
			} else if (m == YES && v == 'd') {
				chain_res = NO;
				nm_buf_printf(why, "line %d drops it", lineno);
			}
		}
		depth += d;
		if (in_chain && depth < chain_depth) {
			/* The chain ends: a base chain on input decides. */
			if (base) {
				int r = chain_res == -2 ? (policy == 'a' ?
				    YES : NO) : chain_res;

				if (chain_res == -2 && r == NO)
					nm_buf_printf(why, "no rule admits it "
					    "and the policy drops it");
				if (r == NO || (r == UNKNOWN && result == YES))
					result = r;
			}
			in_chain = false;
		}
		p = nl ? nl + 1 : end;
	}
	return result;
}

/* --- replacing the table in place ---------------------------------------- */

int
nm_nft_replace(const char *cur, size_t curlen, const char *table,
    size_t tlen, struct nm_buf *tx, struct nm_error *err)
{
	static const char *const objs[] = { "set", "map", "flowtable",
	    "counter", "quota", "limit", "secmark", "synproxy", NULL };
	const char *p = cur, *end = cur ? cur + curlen : NULL;
	struct nm_buf chains = { 0 }, others = { 0 };
	struct tok t[MAXTOK];
	int depth = 0, lineno = 0;
	bool bad;

	nm_buf_reset(tx);
	if (cur == NULL) {
		if (table == NULL)
			return 0;
		nm_buf_add(tx, table, tlen);
		return 0;
	}
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t ll = nl ? (size_t)(nl - p) : (size_t)(end - p);
		size_t n = tokens(p, ll, t, MAXTOK, &bad), k;

		lineno++;
		if (bad) {
			nm_buf_free(&chains);
			nm_buf_free(&others);
			return nm_seterr(err, NM_ERR_INPUT, "nft list table, "
			    "line %d: cannot be read", lineno);
		}
		if (depth == 1 && n >= 2) {
			bool known = false;

			if (teq(&t[0], "chain")) {
				nm_buf_printf(&chains, "delete chain inet netmin "
				    "%.*s\n", (int)t[1].len, t[1].s);
				known = true;
			} else if (teq(&t[0], "ct") && n >= 3) {
				nm_buf_printf(&others, "delete ct %.*s inet "
				    "netmin %.*s\n", (int)t[1].len, t[1].s,
				    (int)t[2].len, t[2].s);
				known = true;
			} else if (teq(&t[0], "flags") ||
			    teq(&t[0], "comment")) {
				known = true;	/* the table's own */
			}
			for (k = 0; !known && objs[k] != NULL; k++)
				if (teq(&t[0], objs[k])) {
					nm_buf_printf(&others, "delete %s inet "
					    "netmin %.*s\n", objs[k],
					    (int)t[1].len, t[1].s);
					known = true;
				}
			if (!known) {
				nm_buf_free(&chains);
				nm_buf_free(&others);
				return nm_seterr(err, NM_ERR_INPUT, "the table "
				    "inet netmin holds a '%.*s', which netmin "
				    "cannot replace in place", (int)t[0].len,
				    t[0].s);
			}
		}
		depth += brace_delta(p, ll);
		p = nl ? nl + 1 : end;
	}
	/* Rules first (they refer to the rest), then objects, then chains. */
	nm_buf_puts(tx, "flush table inet netmin\n");
	if (others.len)
		nm_buf_add(tx, others.s, others.len);
	if (chains.len)
		nm_buf_add(tx, chains.s, chains.len);
	if (table != NULL)
		nm_buf_add(tx, table, tlen);
	else
		nm_buf_puts(tx, "delete table inet netmin\n");
	nm_buf_add(tx, NULL, 0);
	nm_buf_free(&chains);
	nm_buf_free(&others);
	return 0;
}
