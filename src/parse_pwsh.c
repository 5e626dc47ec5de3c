/*
 * parse_pwsh.c - PowerShell's Get-NetTCPConnection and Get-NetUDPEndpoint
 * as they reach a file: the default table, Format-Table -AutoSize and
 * Select-Object tables, Format-List blocks, ConvertTo-Csv and
 * ConvertTo-Json.
 *
 * Property names are .NET names and State values enum names (Listen,
 * Established, Bound, TimeWait...): PowerShell translates neither, so
 * columns are found by name.  A table is the line of "----" runs under
 * its header; the runs give the columns (a narrow console wraps a header
 * onto two lines, and cuts values that do not fit with "..." or "…").
 * Whether rows are TCP or UDP comes from the columns (State, RemotePort),
 * the CIM class (CSV #TYPE, JSON), or the command above the table; when
 * none says, the rows are refused with a warning: the pwsh-tcp: and
 * pwsh-udp: formats say it for the whole file.
 */
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "parse.h"

#define MAXCOL 32

enum pw_key {
	K_LADDR, K_LPORT, K_RADDR, K_RPORT, K_STATE, K_PID, K_PNAME,
	K_CLASS, K__COUNT
};

static const struct {
	const char	*name;
	int		 key;
} pw_names[] = {
	{ "LocalAddress", K_LADDR },
	{ "LocalPort", K_LPORT },
	{ "RemoteAddress", K_RADDR },
	{ "RemotePort", K_RPORT },
	{ "State", K_STATE },
	{ "OwningProcess", K_PID },
	/* Calculated properties people add: @{n='ProcessName';e={...}}. */
	{ "ProcessName", K_PNAME },
	{ "Process", K_PNAME },
	{ "CimClass", K_CLASS },
};

/* MSFT_NetTCPConnection.State: the enum's names and values. */
static const struct {
	const char	*name;
	int		 value;
	int		 state;
} pw_states[] = {
	{ "Closed", 1, NM_ST_CLOSE },
	{ "Listen", 2, NM_ST_LISTEN },
	{ "SynSent", 3, NM_ST_SYN_SENT },
	{ "SynReceived", 4, NM_ST_SYN_RECV },
	{ "Established", 5, NM_ST_ESTABLISHED },
	{ "FinWait1", 6, NM_ST_FIN_WAIT1 },
	{ "FinWait2", 7, NM_ST_FIN_WAIT2 },
	{ "CloseWait", 8, NM_ST_CLOSE_WAIT },
	{ "Closing", 9, NM_ST_CLOSING },
	{ "LastAck", 10, NM_ST_LAST_ACK },
	{ "TimeWait", 11, NM_ST_TIME_WAIT },
	{ "DeleteTCB", 12, NM_ST_DELETE_TCB },
	{ "Bound", 100, NM_ST_BOUND },
};

/* One endpoint's values, whichever layout they came from. */
struct pw_rec {
	const char	*v[K__COUNT];
	size_t		 len[K__COUNT];
	int		 line;
};

/* What a table, list or document knows of its rows. */
struct pw_ctx {
	const struct nm_input *in;
	struct nm_snapshot *snap;	/* NULL: only counting (score) */
	int		 proto;		/* -1 until known */
	bool		 listen_hint;	/* the command asked for -State Listen */
	int		 forced;	/* pwsh-tcp:/pwsh-udp:, else -1 */
	int		 rows;		/* endpoints added (or counted) */
	int		 refused;	/* rows of unknown protocol */
	bool		 warned_proto;
	bool		 warned_state;
};

/* Whether s[0..len) holds w (no memmem on every libc we build for). */
static bool
has_word(const char *s, size_t len, const char *w)
{
	size_t i, n = strlen(w);

	for (i = 0; i + n <= len; i++)
		if (memcmp(s + i, w, n) == 0)
			return true;
	return false;
}

static int
key_of(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < NM_NELEM(pw_names); i++)
		if (strlen(pw_names[i].name) == len &&
		    nm_strneq_ci(pw_names[i].name, s, len))
			return pw_names[i].key;
	return -1;
}

/* "..." (Windows PowerShell) or "…" (PowerShell 7) at the end: cut. */
static bool
cut_mark(const char *s, size_t len, size_t *keep)
{
	if (len >= 3 && memcmp(s + len - 3, "...", 3) == 0) {
		*keep = len - 3;
		return true;
	}
	if (len >= 3 && memcmp(s + len - 3, "\xe2\x80\xa6", 3) == 0) {
		*keep = len - 3;
		return true;
	}
	return false;
}

/* A header cut short ("OwningPro..."): the one name it starts. */
static int
key_of_cut(const char *s, size_t len)
{
	size_t keep, i;
	int found = -1;

	if (!cut_mark(s, len, &keep) || keep == 0)
		return key_of(s, len);
	for (i = 0; i < NM_NELEM(pw_names); i++)
		if (strlen(pw_names[i].name) > keep &&
		    nm_strneq_ci(pw_names[i].name, s, keep)) {
			if (found >= 0 && found != pw_names[i].key)
				return -1;
			found = pw_names[i].key;
		}
	return found;
}

/* The command that made a table, from the lines above it. */
static void
command_above(struct pw_ctx *c, size_t at)
{
	size_t i, stop = at > 40 ? at - 40 : 0;

	for (i = at; i-- > stop;) {
		const struct nm_line *l = &c->in->lines.v[i];
		const char *tcp = NULL, *udp = NULL;
		size_t k;

		for (k = 0; k + 18 <= l->len && !tcp && !udp; k++) {
			if (nm_strneq_ci(l->s + k, "Get-NetTCPConnection", 20) &&
			    k + 20 <= l->len)
				tcp = l->s + k;
			else if (nm_strneq_ci(l->s + k, "Get-NetUDPEndpoint", 18))
				udp = l->s + k;
		}
		/* Another command's prompt: the table is its output. */
		if (tcp == NULL && udp == NULL) {
			size_t bl;
			const char *b = nm_line_body(l, &bl);

			if (bl > 3 && memcmp(b, "PS", 2) == 0 &&
			    memchr(b, '>', bl) != NULL)
				return;
			continue;
		}
		if (c->proto < 0)
			c->proto = tcp != NULL ? NM_TCP : NM_UDP;
		/* -State Listen, Where State -eq 'Listen', ... */
		for (k = 0; k + 6 <= l->len; k++)
			if (nm_strneq_ci(l->s + k, "Listen", 6))
				c->listen_hint = true;
		return;
	}
}

static int
state_of(const char *s, size_t len)
{
	size_t i;
	int n;

	for (i = 0; i < NM_NELEM(pw_states); i++)
		if (strlen(pw_states[i].name) == len &&
		    nm_strneq_ci(pw_states[i].name, s, len))
			return pw_states[i].state;
	if (nm_parse_int(s, len, 0, 1000, &n) == 0)
		for (i = 0; i < NM_NELEM(pw_states); i++)
			if (pw_states[i].value == n)
				return pw_states[i].state;
	return -1;
}

/* An address PowerShell printed: "0.0.0.0", "::", "fe80::1%12", cut. */
static int
addr_of(const char *s, size_t len, char *addr, char *zone, int *family,
    bool *cut)
{
	size_t keep;
	const char *pct;

	*cut = false;
	zone[0] = '\0';
	if (cut_mark(s, len, &keep)) {
		/* What is left of it, as net-tools captures keep theirs. */
		if (keep == 0 || keep >= NM_ADDRLEN)
			return -1;
		*cut = true;
		*family = memchr(s, ':', keep) != NULL ? NM_INET6 : NM_INET;
		memcpy(addr, s, keep);
		addr[keep] = '\0';
		return 0;
	}
	pct = memchr(s, '%', len);
	if (pct != NULL) {
		size_t zl = len - (size_t)(pct + 1 - s);

		if (zl == 0 || zl >= NM_ZONELEN)
			return -1;
		memcpy(zone, pct + 1, zl);
		zone[zl] = '\0';
		len = (size_t)(pct - s);
	}
	return nm_addr_canon(s, len, family, addr, NM_ADDRLEN);
}

/* One record to one endpoint; a warning when it cannot be. */
static void
add_rec(struct pw_ctx *c, const struct pw_rec *r)
{
	struct nm_endpoint ep, *e;
	char rzone[NM_ZONELEN];
	int lfam, rfam, state = -1, pid = -1;
	bool lcut = false, rcut = false;
	const char *why = NULL;

	if (r->v[K_LADDR] == NULL || r->v[K_LPORT] == NULL)
		return;
	memset(&ep, 0, sizeof(ep));
	ep.rport = -1;
	if (c->proto < 0)
		c->proto = c->forced;
	if (c->proto < 0) {
		c->refused++;
		if (c->snap != NULL && !c->warned_proto)
			nm_snap_warn(c->snap, c->in->name, r->line, "cannot tell "
			    "whether these rows are TCP or UDP endpoints (no "
			    "State or RemotePort column, no Get-NetTCPConnection "
			    "or Get-NetUDPEndpoint command above them): they are "
			    "not read; name the format with pwsh-tcp:FILE or "
			    "pwsh-udp:FILE");
		c->warned_proto = true;
		return;
	}
	if (addr_of(r->v[K_LADDR], r->len[K_LADDR], ep.laddr, ep.lzone,
	    &lfam, &lcut) != 0)
		why = "local address";
	else if (nm_parse_int(r->v[K_LPORT], r->len[K_LPORT], 0, 65535,
	    &ep.lport) != 0)
		why = "local port";
	else if (r->v[K_PID] != NULL && r->len[K_PID] > 0 &&
	    nm_parse_int(r->v[K_PID], r->len[K_PID], 0, 0x7fffffff, &pid) != 0)
		why = "owning process";
	else if (r->v[K_STATE] != NULL && c->proto == NM_TCP &&
	    (state = state_of(r->v[K_STATE], r->len[K_STATE])) < 0)
		why = "state";
	else if (r->v[K_RADDR] != NULL && c->proto == NM_TCP &&
	    addr_of(r->v[K_RADDR], r->len[K_RADDR], ep.raddr, rzone, &rfam,
	    &rcut) != 0)
		why = "remote address";
	else if (r->v[K_RPORT] != NULL && c->proto == NM_TCP &&
	    nm_parse_int(r->v[K_RPORT], r->len[K_RPORT], 0, 65535,
	    &ep.rport) != 0)
		why = "remote port";
	if (why != NULL) {
		if (c->snap != NULL)
			nm_snap_warn(c->snap, c->in->name, r->line, "cannot read "
			    "this PowerShell row (%s): %.*s %.*s", why,
			    (int)(r->len[K_LADDR] > 60 ? 60 : r->len[K_LADDR]),
			    r->v[K_LADDR], (int)(r->len[K_LPORT] > 10 ? 10 :
			    r->len[K_LPORT]), r->v[K_LPORT]);
		return;
	}
	c->rows++;
	if (c->snap == NULL)
		return;
	ep.proto = (uint8_t)c->proto;
	ep.family = (uint8_t)lfam;
	ep.addr_truncated = lcut;
	if (c->proto == NM_UDP) {
		ep.state = NM_ST_UNCONN;
		ep.raddr[0] = '\0';
		ep.rport = -1;
	} else {
		bool none = ep.raddr[0] == '\0' ||
		    (nm_addr_is_wildcard(ep.raddr) && ep.rport <= 0);

		if (state >= 0)
			ep.state = (uint8_t)state;
		else if (r->v[K_RADDR] != NULL && none)
			ep.state = NM_ST_LISTEN;
		else if (c->listen_hint)
			ep.state = NM_ST_LISTEN;
		else {
			ep.state = NM_ST_UNKNOWN;
			if (!c->warned_state)
				nm_snap_warn(c->snap, c->in->name, r->line,
				    "no State column: these TCP rows' state is "
				    "unknown (add State to Select-Object, or "
				    "filter with -State Listen)");
			c->warned_state = true;
		}
		/* A listener's "remote" is ::/0.0.0.0 port 0: no peer. */
		if (ep.state == NM_ST_LISTEN || ep.state == NM_ST_BOUND ||
		    none) {
			ep.raddr[0] = '\0';
			ep.rport = -1;
		}
	}
	e = nm_snap_add_ep(c->snap);
	*e = ep;
	e->source = c->in->source;
	e->line = r->line;
	if (lcut)
		nm_snap_warn(c->snap, c->in->name, r->line, "PowerShell cut "
		    "the local address to fit its column (\"%s...\"): it is "
		    "kept as far as it goes; use Format-Table -AutoSize or "
		    "Format-List", ep.laddr);
	if (rcut)
		nm_snap_warn(c->snap, c->in->name, r->line, "PowerShell cut "
		    "the remote address to fit its column (\"%s...\")",
		    ep.raddr);
	if (pid >= 0 || (r->v[K_PNAME] != NULL && r->len[K_PNAME] > 0))
		nm_ep_add_owner(c->snap, e, pid, r->v[K_PNAME] &&
		    r->len[K_PNAME] ? nm_text_dup(&c->snap->arena,
		    r->v[K_PNAME], r->len[K_PNAME]) : NULL);
}

/* --- tables -------------------------------------------------------------- */

struct pw_table {
	struct nm_dtable d;
	int		 key[NM_DT_MAXCOL];
};

/* The "---- ----" line under a header naming LocalAddress and LocalPort. */
static bool
table_at(const struct nm_input *in, size_t i, struct pw_table *t)
{
	bool laddr = false, lport = false;
	size_t k;

	if (!nm_dtable_at(in, i, &t->d) || t->d.ncol < 2)
		return false;
	for (k = 0; k < t->d.ncol; k++) {
		t->key[k] = key_of_cut(t->d.name[k], strlen(t->d.name[k]));
		/* A prompt above the header: the last line alone. */
		if (t->key[k] < 0)
			t->key[k] = key_of_cut(t->d.last[k],
			    strlen(t->d.last[k]));
		laddr |= t->key[k] == K_LADDR;
		lport |= t->key[k] == K_LPORT;
	}
	return laddr && lport;
}

/* Get-NetUDPEndpoint's own view: LocalAddress (40) and LocalPort only. */
static bool
default_udp_view(const struct pw_table *t)
{
	return t->d.ncol == 2 && t->key[0] == K_LADDR &&
	    t->key[1] == K_LPORT && t->d.col[0].start == 0 &&
	    t->d.col[1].start == 41;
}

static size_t
read_table(struct pw_ctx *c, size_t sep, const struct pw_table *t)
{
	size_t i, k, blen;
	bool tcp_cols = false;

	c->proto = -1;
	c->listen_hint = false;
	c->warned_proto = c->warned_state = false;
	for (k = 0; k < t->d.ncol; k++)
		tcp_cols |= t->key[k] == K_STATE || t->key[k] == K_RADDR ||
		    t->key[k] == K_RPORT;
	if (tcp_cols)
		c->proto = NM_TCP;
	command_above(c, sep);
	if (c->proto < 0 && default_udp_view(t))
		c->proto = NM_UDP;
	c->warned_proto = false;
	for (i = sep + 1; i < c->in->lines.n; i++) {
		const struct nm_line *l = &c->in->lines.v[i];
		struct pw_rec r;

		nm_line_body(l, &blen);
		if (blen == 0 || l->len > NM_PARSE_MAX_LINE ||
		    nm_dtable_cell(&t->d, l, 0, &blen) == NULL)
			break;
		memset(&r, 0, sizeof(r));
		r.line = l->no;
		for (k = 0; k < t->d.ncol; k++)
			if (t->key[k] >= 0)
				r.v[t->key[k]] = nm_dtable_cell(&t->d, l, k,
				    &r.len[t->key[k]]);
		/* A line of other text right under the table. */
		if (r.len[K_LADDR] == 0 || r.len[K_LPORT] == 0) {
			const char *b = nm_line_body(l, &blen);

			if (c->snap != NULL)
				nm_snap_warn(c->snap, c->in->name, l->no, "cannot "
				    "read this PowerShell row (%s): %.*s",
				    r.len[K_LADDR] ? "local port" :
				    "local address", (int)(blen > 80 ? 80 : blen),
				    b);
			continue;
		}
		add_rec(c, &r);
	}
	return i;
}

/* --- Format-List ----------------------------------------------------------- */

/* "LocalAddress   : ::": the name, padded, " : ", the value. */
static int
list_item(const struct nm_line *l, const char **v, size_t *vl)
{
	size_t blen, nl;
	const char *b = nm_line_body(l, &blen), *c, *n;

	if (blen < 3 || (c = memchr(b, ':', blen)) == NULL || c == b ||
	    c[-1] != ' ')
		return -1;
	n = nm_trim(b, (size_t)(c - b), &nl);
	*v = nm_trim(c + 1, blen - (size_t)(c + 1 - b), vl);
	if (nl == 0)
		return -1;
	return key_of(n, nl) >= 0 ? key_of(n, nl) : K__COUNT;
}

static size_t
read_list(struct pw_ctx *c, size_t i)
{
	struct pw_rec r;
	size_t start = i, n = 0;
	const char *v;
	size_t vl;
	int k;

	memset(&r, 0, sizeof(r));
	r.line = c->in->lines.v[i].no;
	for (; i < c->in->lines.n; i++) {
		if (c->in->lines.v[i].len > NM_PARSE_MAX_LINE)
			break;
		k = list_item(&c->in->lines.v[i], &v, &vl);
		/* A long value wraps onto indented lines. */
		if (k < 0 && n > 0 && c->in->lines.v[i].len > 0 &&
		    (c->in->lines.v[i].s[0] == ' ' ||
		    c->in->lines.v[i].s[0] == '\t') &&
		    nm_line_body(&c->in->lines.v[i], &vl) != NULL && vl > 0)
			continue;
		if (k < 0)
			break;
		n++;
		if (k < K__COUNT) {
			r.v[k] = v;
			r.len[k] = vl;
		}
	}
	if (r.v[K_LADDR] == NULL || r.v[K_LPORT] == NULL)
		return i > start ? i : start + 1;
	c->proto = -1;
	c->listen_hint = false;
	if (r.v[K_STATE] != NULL || r.v[K_RADDR] != NULL ||
	    r.v[K_RPORT] != NULL)
		c->proto = NM_TCP;
	else if (r.v[K_CLASS] != NULL && r.len[K_CLASS] >= 3)
		c->proto = has_word(r.v[K_CLASS], r.len[K_CLASS], "UDP") ?
		    NM_UDP : has_word(r.v[K_CLASS], r.len[K_CLASS], "TCP") ?
		    NM_TCP : -1;
	if (c->proto < 0)
		command_above(c, start);
	add_rec(c, &r);
	return i;
}

/* --- ConvertTo-Csv --------------------------------------------------------- */

static size_t
read_csv(struct pw_ctx *c, size_t i, int proto)
{
	struct nm_csv_field f[MAXCOL];
	int key[MAXCOL], n, width, k;
	size_t blen;
	const char *b = nm_line_body(&c->in->lines.v[i], &blen);
	bool laddr = false, lport = false, tcp_cols = false;

	width = nm_csv_split(b, blen, f, MAXCOL);
	for (k = 0; k < width; k++) {
		key[k] = key_of(f[k].s, f[k].len);
		laddr |= key[k] == K_LADDR;
		lport |= key[k] == K_LPORT;
		tcp_cols |= key[k] == K_STATE || key[k] == K_RADDR ||
		    key[k] == K_RPORT;
	}
	if (!laddr || !lport)
		return i + 1;
	c->proto = proto;
	c->listen_hint = false;
	c->warned_proto = c->warned_state = false;
	if (tcp_cols)
		c->proto = NM_TCP;
	if (c->proto < 0)
		command_above(c, i);
	for (i++; i < c->in->lines.n; i++) {
		const struct nm_line *l = &c->in->lines.v[i];
		struct pw_rec r;

		b = nm_line_body(l, &blen);
		if (blen == 0 || l->len > NM_PARSE_MAX_LINE)
			break;
		n = nm_csv_split(b, blen, f, MAXCOL);
		if (n != width) {
			if (n > 1 && c->snap != NULL)
				nm_snap_warn(c->snap, c->in->name, l->no, "cannot "
				    "read this CSV row (%d fields, the header "
				    "has %d)", n, width);
			if (n > 1)
				continue;
			break;
		}
		memset(&r, 0, sizeof(r));
		r.line = l->no;
		for (k = 0; k < n; k++)
			if (key[k] >= 0 && key[k] < K__COUNT) {
				r.v[key[k]] = f[k].s;
				r.len[key[k]] = f[k].len;
			}
		add_rec(c, &r);
	}
	return i;
}

/* "#TYPE ...MSFT_NetTCPConnection": the class of the rows below. */
static int
csv_type(const struct nm_line *l)
{
	size_t blen;
	/* Not nm_line_body(): it takes '#' for a comment marker. */
	const char *b = nm_trim(l->s, l->len, &blen);

	if (blen < 6 || !nm_strneq_ci(b, "#TYPE ", 6))
		return -2;
	if (has_word(b, blen, "NetTCPConnection"))
		return NM_TCP;
	if (has_word(b, blen, "NetUDPEndpoint"))
		return NM_UDP;
	return -1;
}

/* --- ConvertTo-Json ------------------------------------------------------- */

static const char *
jv_text(const struct nm_jv *v, char *buf, size_t len, size_t *out)
{
	if (v == NULL || v->type == NM_JV_NULL)
		return NULL;
	if (v->type == NM_JV_STR) {
		*out = v->n;
		return v->s;
	}
	if (v->type == NM_JV_NUM && v->is_int) {
		snprintf(buf, len, "%lld", v->i);
		*out = strlen(buf);
		return buf;
	}
	*out = 0;
	return "";
}

static void
json_object(struct pw_ctx *c, const struct nm_jv *o, int doc)
{
	char nb[K__COUNT][24];
	struct pw_rec r;
	const struct nm_jv *sys, *cls;
	const char *cn;
	size_t k;

	memset(&r, 0, sizeof(r));
	r.line = o->line;
	for (k = 0; k < nm_jv_len(o); k++) {
		const char *name = nm_jv_key(o, k);
		int key = name ? key_of(name, strlen(name)) : -1;

		if (key < 0 || key == K_CLASS)
			continue;
		r.v[key] = jv_text(nm_jv_at(o, k), nb[key], sizeof(nb[key]),
		    &r.len[key]);
	}
	if (r.v[K_LADDR] == NULL || r.v[K_LPORT] == NULL)
		return;
	c->proto = -1;
	if (r.v[K_STATE] != NULL || r.v[K_RADDR] != NULL ||
	    r.v[K_RPORT] != NULL)
		c->proto = NM_TCP;
	/* A CIM instance says its class. */
	sys = nm_jv_get(o, "CimSystemProperties");
	cls = nm_jv_get(o, "CimClass");
	cn = nm_jv_str(nm_jv_get(sys, "ClassName"), NULL);
	if (cn == NULL)
		cn = nm_jv_str(cls, NULL);
	if (cn == NULL)
		cn = nm_jv_str(nm_jv_get(cls, "CimClassName"), NULL);
	if (cn != NULL && strstr(cn, "NetUDPEndpoint") != NULL)
		c->proto = NM_UDP;
	else if (cn != NULL && strstr(cn, "NetTCPConnection") != NULL)
		c->proto = NM_TCP;
	if (c->proto < 0)
		c->proto = doc;
	add_rec(c, &r);
}

static int
read_json(struct pw_ctx *c, size_t first, size_t last, struct nm_error *err)
{
	struct nm_arena a = { 0 };
	struct nm_jv *top;
	size_t i;
	int rc = 0, doc = c->proto;

	top = nm_input_json(c->in, first, last, &a, err);
	if (top == NULL)
		rc = -1;
	else if (top->type == NM_JV_ARR) {
		for (i = 0; i < nm_jv_len(top); i++)
			if (nm_jv_is(nm_jv_at(top, i), NM_JV_OBJ))
				json_object(c, nm_jv_at(top, i), doc);
	} else if (top->type == NM_JV_OBJ)
		json_object(c, top, doc);
	nm_afree(&a);
	return rc;
}

/* A JSON document's rows, counted without parsing it. */
static int
json_score(const struct nm_input *in)
{
	size_t i;
	int n = 0;

	for (i = 0; i < in->lines.n; i++)
		if (strstr(in->lines.v[i].s, "\"LocalPort\"") != NULL)
			n++;
	return n;
}

/* --- the whole file -------------------------------------------------------- */

static int
read_all(struct pw_ctx *c, struct nm_error *err)
{
	const struct nm_input *in = c->in;
	struct pw_table t;
	size_t i = 0, first, last;
	int type = -1;

	if (nm_json_span(in, &first, &last)) {
		if (c->snap == NULL) {
			c->rows = json_score(in);
			return 0;
		}
		c->proto = c->forced;
		if (first > 0)
			command_above(c, first);
		return read_json(c, first, last, err);
	}
	while (i < in->lines.n) {
		const struct nm_line *l = &in->lines.v[i];
		const char *v;
		size_t vl, next;
		int k;

		if (l->len > NM_PARSE_MAX_LINE) {
			i++;
			continue;
		}
		if (table_at(in, i, &t)) {
			i = read_table(c, i, &t);
			continue;
		}
		if ((k = csv_type(l)) != -2) {
			type = k;
			i++;
			continue;
		}
		if (memchr(l->s, ',', l->len) != NULL &&
		    strstr(l->s, "LocalPort") != NULL) {
			next = read_csv(c, i, type);
			i = next > i ? next : i + 1;
			continue;
		}
		if (list_item(l, &v, &vl) >= 0) {
			next = read_list(c, i);
			i = next > i ? next : i + 1;
			continue;
		}
		i++;
	}
	return 0;
}

static int
pwsh_score(const struct nm_input *in)
{
	struct pw_ctx c;

	memset(&c, 0, sizeof(c));
	c.in = in;
	c.forced = -1;
	(void)read_all(&c, NULL);
	return c.rows + c.refused;
}

static int
parse_as(const struct nm_input *in, struct nm_snapshot *snap,
    struct nm_error *err, int proto)
{
	struct pw_ctx c;

	memset(&c, 0, sizeof(c));
	c.in = in;
	c.snap = snap;
	c.forced = proto;
	if (snap->host.os == NULL) {
		snap->host.os = "windows";
		snap->host.os_reason = "PowerShell format";
	}
	if (read_all(&c, err) != 0)
		return -1;
	if (c.rows == 0 && c.refused > 0)
		return nm_seterr(err, NM_ERR_INPUT, "%s: cannot tell whether "
		    "the rows are TCP or UDP endpoints; keep the "
		    "Get-NetTCPConnection or Get-NetUDPEndpoint command line "
		    "in the capture, or name the format: pwsh-tcp:FILE or "
		    "pwsh-udp:FILE", in->name);
	if (c.rows == 0 && nm_snap_nep(snap) == 0 && snap->warn.n == 0)
		return nm_seterr(err, NM_ERR_INPUT, "%s: no Get-NetTCPConnection "
		    "or Get-NetUDPEndpoint rows found", in->name);
	return 0;
}

static int
pwsh_parse(const struct nm_input *in, struct nm_snapshot *snap,
    struct nm_error *err)
{
	return parse_as(in, snap, err, -1);
}

static int
pwsh_tcp_parse(const struct nm_input *in, struct nm_snapshot *snap,
    struct nm_error *err)
{
	return parse_as(in, snap, err, NM_TCP);
}

static int
pwsh_udp_parse(const struct nm_input *in, struct nm_snapshot *snap,
    struct nm_error *err)
{
	return parse_as(in, snap, err, NM_UDP);
}

/* Only named: pwsh-tcp:FILE. */
static int
no_score(const struct nm_input *in)
{
	(void)in;
	return 0;
}

const struct nm_parser nm_parser_pwsh = {
	"pwsh",
	"PowerShell Get-NetTCPConnection / Get-NetUDPEndpoint: tables, "
	    "Format-List, ConvertTo-Csv, ConvertTo-Json",
	pwsh_score,
	pwsh_parse,
};

const struct nm_parser nm_parser_pwsh_tcp = {
	"pwsh-tcp",
	"the same, rows that do not say their protocol are TCP",
	no_score,
	pwsh_tcp_parse,
};

const struct nm_parser nm_parser_pwsh_udp = {
	"pwsh-udp",
	"the same, rows that do not say their protocol are UDP",
	no_score,
	pwsh_udp_parse,
};
