/*
 * parse.c - reading a capture: decoding, line splitting, format detection,
 * and the small helpers every parser uses.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "parse.h"

/* Order breaks score ties: the more specific formats come first. */
const struct nm_parser *const nm_parsers[] = {
	&nm_parser_rpcdump_json,
	&nm_parser_netstat_win,
	&nm_parser_ss,
	&nm_parser_netstat_linux,
	&nm_parser_lsof,
	&nm_parser_rpcdump_impacket,
	&nm_parser_tasklist,
	&nm_parser_pwsh,
	&nm_parser_pwsh_tcp,
	&nm_parser_pwsh_udp,
	&nm_parser_sc,
	&nm_parser_pwsh_services,
	NULL
};

const struct nm_parser *
nm_parser_find(const char *name)
{
	size_t i;

	for (i = 0; nm_parsers[i] != NULL; i++)
		if (strcmp(nm_parsers[i]->name, name) == 0)
			return nm_parsers[i];
	return NULL;
}

static void
put_utf8(struct nm_buf *b, unsigned cp)
{
	char u[4];

	if (cp < 0x80) {
		nm_buf_putc(b, (int)cp);
		return;
	}
	if (cp < 0x800) {
		u[0] = (char)(0xc0 | cp >> 6);
		u[1] = (char)(0x80 | (cp & 0x3f));
		nm_buf_add(b, u, 2);
	} else if (cp < 0x10000) {
		u[0] = (char)(0xe0 | cp >> 12);
		u[1] = (char)(0x80 | (cp >> 6 & 0x3f));
		u[2] = (char)(0x80 | (cp & 0x3f));
		nm_buf_add(b, u, 3);
	} else {
		u[0] = (char)(0xf0 | cp >> 18);
		u[1] = (char)(0x80 | (cp >> 12 & 0x3f));
		u[2] = (char)(0x80 | (cp >> 6 & 0x3f));
		u[3] = (char)(0x80 | (cp & 0x3f));
		nm_buf_add(b, u, 4);
	}
}

/*
 * PowerShell's "netstat -ano > out.txt" writes UTF-16LE with a BOM; older
 * consoles write it without one.  Returns 1 for LE, 2 for BE, 0 for
 * neither.
 */
static int
utf16_kind(const unsigned char *p, size_t len, size_t *skip)
{
	size_t i, n, zodd = 0, zeven = 0;

	*skip = 0;
	if (len >= 2 && p[0] == 0xff && p[1] == 0xfe) {
		*skip = 2;
		return 1;
	}
	if (len >= 2 && p[0] == 0xfe && p[1] == 0xff) {
		*skip = 2;
		return 2;
	}
	n = len < 1024 ? len : 1024;
	if (n < 8)
		return 0;
	for (i = 0; i + 1 < n; i += 2) {
		zeven += p[i] == 0;
		zodd += p[i + 1] == 0;
	}
	if (zodd * 10 >= (n / 2) * 9 && zeven * 10 < n / 2)
		return 1;
	if (zeven * 10 >= (n / 2) * 9 && zodd * 10 < n / 2)
		return 2;
	return 0;
}

static void
utf16_to_utf8(const unsigned char *p, size_t len, bool be, struct nm_buf *out)
{
	size_t i;

	for (i = 0; i + 1 < len; i += 2) {
		unsigned u = be ? (unsigned)(p[i] << 8 | p[i + 1]) :
		    (unsigned)(p[i + 1] << 8 | p[i]);

		if (u >= 0xd800 && u < 0xdc00 && i + 3 < len) {
			unsigned lo = be ? (unsigned)(p[i + 2] << 8 | p[i + 3]) :
			    (unsigned)(p[i + 3] << 8 | p[i + 2]);

			if (lo >= 0xdc00 && lo < 0xe000) {
				u = 0x10000 + ((u - 0xd800) << 10) +
				    (lo - 0xdc00);
				i += 2;
			} else
				u = 0xfffd;
		} else if (u >= 0xd800 && u < 0xe000)
			u = 0xfffd;
		put_utf8(out, u);
	}
}

int
nm_input_load(struct nm_input *in, const char *name, const char *data,
    size_t len, struct nm_error *err)
{
	const unsigned char *p = (const unsigned char *)data;
	size_t skip, i, start;
	int kind;
	struct nm_line *l;

	memset(in, 0, sizeof(*in));
	in->name = name;
	kind = utf16_kind(p, len, &skip);
	if (kind != 0)
		utf16_to_utf8(p + skip, len - skip, kind == 2, &in->text);
	else {
		if (len >= 3 && p[0] == 0xef && p[1] == 0xbb && p[2] == 0xbf)
			skip = 3;
		nm_buf_add(&in->text, data + skip, len - skip);
	}
	nm_buf_add(&in->text, NULL, 0);
	if (memchr(in->text.s, '\0', in->text.len) != NULL) {
		nm_input_free(in);
		return nm_seterr(err, NM_ERR_INPUT,
		    "%s: binary data, not command output", name);
	}
	/* Split in place: "\r\n", "\n" and a lone "\r" all end a line. */
	start = 0;
	for (i = 0; i <= in->text.len; i++) {
		char c = i < in->text.len ? in->text.s[i] : '\n';

		if (c != '\n' && c != '\r')
			continue;
		if (i == in->text.len && start == i)
			break;
		l = NM_VEC_PUSH(&in->lines);
		l->s = in->text.s + start;
		l->len = i - start;
		l->no = (int)in->lines.n;
		if (c == '\r' && i + 1 < in->text.len &&
		    in->text.s[i + 1] == '\n')
			in->text.s[i++] = '\0';
		if (i < in->text.len)
			in->text.s[i] = '\0';
		start = i + 1;
	}
	return 0;
}

void
nm_input_free(struct nm_input *in)
{
	nm_buf_free(&in->text);
	NM_VEC_FREE(&in->lines);
}

/*
 * The part of a line that may hold a table row: output pasted into mail,
 * scripts, markdown or chat arrives indented or behind comment and quote
 * markers.
 */
const char *
nm_line_body(const struct nm_line *l, size_t *len)
{
	const char *s = l->s, *end = l->s + l->len;

	for (;;) {
		while (s < end && (*s == ' ' || *s == '\t'))
			s++;
		if (s < end && (*s == '#' || *s == '>' || *s == ';' ||
		    *s == '|'))
			s++;
		else if (end - s >= 2 && s[0] == '/' && s[1] == '/')
			s += 2;
		else if (end - s >= 3 && s[0] == ':' && s[1] == ':' &&
		    (s[2] == ' ' || s[2] == '\t'))
			s += 3;
		else if (end - s >= 4 && nm_strneq_ci(s, "rem ", 4))
			s += 4;
		else
			break;
	}
	while (end > s && (end[-1] == ' ' || end[-1] == '\t' ||
	    end[-1] == '|'))
		end--;
	*len = (size_t)(end - s);
	return s;
}

int
nm_parse_hostport(const char *s, size_t len, const char *proto, char *addr,
    size_t addrlen, char *zone, size_t zonelen, int *family, int *port)
{
	char host[NM_ADDRLEN];
	const char *ps;
	size_t pl;
	int p;

	if (nm_split_hostport(s, len, host, sizeof(host), zone, zonelen, &ps,
	    &pl) != 0)
		return -1;
	if (nm_addr_canon(host, strlen(host), family, addr, addrlen) != 0)
		return -1;
	p = nm_port_parse(ps, pl, proto);
	if (p == -2)
		return -1;
	*port = p;
	return 0;
}

/* CP850 bytes 0x80-0xff as Unicode. */
static const unsigned short cp850[128] = {
	0x00c7, 0x00fc, 0x00e9, 0x00e2, 0x00e4, 0x00e0, 0x00e5, 0x00e7,
	0x00ea, 0x00eb, 0x00e8, 0x00ef, 0x00ee, 0x00ec, 0x00c4, 0x00c5,
	0x00c9, 0x00e6, 0x00c6, 0x00f4, 0x00f6, 0x00f2, 0x00fb, 0x00f9,
	0x00ff, 0x00d6, 0x00dc, 0x00f8, 0x00a3, 0x00d8, 0x00d7, 0x0192,
	0x00e1, 0x00ed, 0x00f3, 0x00fa, 0x00f1, 0x00d1, 0x00aa, 0x00ba,
	0x00bf, 0x00ae, 0x00ac, 0x00bd, 0x00bc, 0x00a1, 0x00ab, 0x00bb,
	0x2591, 0x2592, 0x2593, 0x2502, 0x2524, 0x00c1, 0x00c2, 0x00c0,
	0x00a9, 0x2563, 0x2551, 0x2557, 0x255d, 0x00a2, 0x00a5, 0x2510,
	0x2514, 0x2534, 0x252c, 0x251c, 0x2500, 0x253c, 0x00e3, 0x00c3,
	0x255a, 0x2554, 0x2569, 0x2566, 0x2560, 0x2550, 0x256c, 0x00a4,
	0x00f0, 0x00d0, 0x00ca, 0x00cb, 0x00c8, 0x0131, 0x00cd, 0x00ce,
	0x00cf, 0x2518, 0x250c, 0x2588, 0x2584, 0x00a6, 0x00cc, 0x2580,
	0x00d3, 0x00df, 0x00d4, 0x00d2, 0x00f5, 0x00d5, 0x00b5, 0x00fe,
	0x00de, 0x00da, 0x00db, 0x00d9, 0x00fd, 0x00dd, 0x00af, 0x00b4,
	0x00ad, 0x00b1, 0x2017, 0x00be, 0x00b6, 0x00a7, 0x00f7, 0x00b8,
	0x00b0, 0x00a8, 0x00b7, 0x00b9, 0x00b3, 0x00b2, 0x25a0, 0x00a0,
};

/* Length of the well-formed UTF-8 sequence at s, 0 when there is none. */
static size_t
utf8_len(const unsigned char *s, size_t len)
{
	size_t n, i;
	unsigned cp;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		n = 2;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		n = 3;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		n = 4;
	else
		return 0;
	if (n > len)
		return 0;
	cp = s[0] & (0x7f >> n);
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3f);
	}
	/* Overlong forms, surrogates, beyond U+10FFFF. */
	if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) ||
	    (cp >= 0xd800 && cp < 0xe000) || cp > 0x10ffff)
		return 0;
	return n;
}

char *
nm_text_dup(struct nm_arena *a, const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	struct nm_buf b = { 0 };
	size_t i, n;
	char *out;

	for (i = 0; i < len; i += n)
		if ((n = utf8_len(u + i, len - i)) == 0)
			break;
	if (i >= len)
		return nm_astrndup(a, s, len);
	for (i = 0; i < len; i++)
		put_utf8(&b, u[i] < 0x80 ? u[i] : cp850[u[i] - 0x80]);
	out = nm_astrndup(a, b.s, b.len);
	nm_buf_free(&b);
	return out;
}

/*
 * Runs of c ("=====", "-----") separated by spaces; positions count
 * characters, because tables are padded by characters and a UTF-8 name
 * takes more bytes than columns.
 */
size_t
nm_table_cols(const char *body, size_t len, char c, struct nm_col *cols,
    size_t max)
{
	size_t i = 0, n = 0;

	while (i < len) {
		size_t start = i;

		if (body[i] != c)
			return 0;
		while (i < len && body[i] == c)
			i++;
		if (n == max)
			return 0;
		cols[n].start = start;
		cols[n].width = i - start;
		n++;
		while (i < len && body[i] == ' ')
			i++;
	}
	return n;
}

size_t
nm_utf8_offset(const char *s, size_t len, size_t col)
{
	size_t i, c = 0;

	for (i = 0; i < len; i++) {
		/* Continuation bytes belong to the character before. */
		if (((unsigned char)s[i] & 0xc0) == 0x80)
			continue;
		if (c == col)
			return i;
		c++;
	}
	return len;
}

/*
 * Column k of s[0..len) by the table's runs (the last one to the end).  A
 * right-aligned value wider than its header ("Running" under "Status")
 * reaches left into the gap: text that touches a column's start belongs
 * to that column, not to the one before.
 */
static const char *
dt_slice(const struct nm_dtable *t, const char *s, size_t len, size_t k,
    size_t *out)
{
	size_t a = nm_utf8_offset(s, len, t->col[k].start);
	size_t e = k + 1 < t->ncol ? nm_utf8_offset(s, len,
	    t->col[k + 1].start) : len;

	if (k > 0 && a < len)
		while (a > 0 && s[a - 1] != ' ' && s[a] != ' ')
			a--;
	if (e < len && e > a && s[e] != ' ')
		while (e > a && s[e - 1] != ' ')
			e--;
	return nm_trim(s + a, e - a, out);
}

const char *
nm_dtable_cell(const struct nm_dtable *t, const struct nm_line *l, size_t k,
    size_t *len)
{
	if (k >= t->ncol || l->len < t->plen ||
	    memcmp(l->s, t->prefix, t->plen) != 0)
		return NULL;
	return dt_slice(t, l->s + t->plen, l->len - t->plen, k, len);
}

bool
nm_dtable_at(const struct nm_input *in, size_t i, struct nm_dtable *t)
{
	const struct nm_line *l = &in->lines.v[i];
	size_t blen, k, h, first = i;
	const char *b = nm_line_body(l, &blen);

	if (blen < 2 || b[0] != '-' || i == 0)
		return false;
	t->ncol = nm_table_cols(b, blen, '-', t->col, NM_DT_MAXCOL);
	if (t->ncol < 1)
		return false;
	t->prefix = l->s;
	t->plen = (size_t)(b - l->s);
	while (first > 0 && i - first < 3) {
		size_t hl;

		nm_line_body(&in->lines.v[first - 1], &hl);
		if (hl == 0)
			break;
		first--;
	}
	if (first == i)
		return false;
	for (k = 0; k < t->ncol; k++) {
		size_t nl = 0, cl;
		const char *c;

		for (h = first; h < i; h++) {
			c = nm_dtable_cell(t, &in->lines.v[h], k, &cl);
			if (c != NULL && cl > 0 && nl + cl < sizeof(t->name[k])) {
				memcpy(t->name[k] + nl, c, cl);
				nl += cl;
			}
		}
		t->name[k][nl] = '\0';
		c = nm_dtable_cell(t, &in->lines.v[i - 1], k, &cl);
		if (c == NULL || cl >= sizeof(t->last[k]))
			cl = 0;
		memcpy(t->last[k], c ? c : "", cl);
		t->last[k][cl] = '\0';
	}
	return true;
}

const char *
nm_trim(const char *s, size_t len, size_t *outlen)
{
	while (len > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		len--;
	}
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	*outlen = len;
	return s;
}

int
nm_csv_split(const char *s, size_t len, struct nm_csv_field *f, size_t max)
{
	size_t i = 0, n = 0;

	for (;;) {
		struct nm_csv_field x = { s + i, 0, false };

		if (i < len && s[i] == '"') {
			x.quoted = true;
			x.s = s + ++i;
			for (;;) {
				if (i >= len)
					return -1;
				if (s[i] == '"' && i + 1 < len && s[i + 1] == '"')
					i += 2;
				else if (s[i] == '"')
					break;
				else
					i++;
			}
			x.len = (size_t)(s + i - x.s);
			i++;
			/* Anything between the closing quote and the comma. */
			while (i < len && s[i] != ',')
				i++;
		} else {
			while (i < len && s[i] != ',')
				i++;
			x.len = (size_t)(s + i - x.s);
		}
		if (n < max)
			f[n] = x;
		n++;
		if (i >= len)
			break;
		i++;	/* the comma */
	}
	return (int)(n < max ? n : max);
}

char *
nm_csv_dup(struct nm_arena *a, const struct nm_csv_field *f)
{
	char *out = nm_aalloc(a, f->len + 1);
	size_t i, o = 0;

	for (i = 0; i < f->len; i++) {
		out[o++] = f->s[i];
		if (f->quoted && f->s[i] == '"' && i + 1 < f->len &&
		    f->s[i + 1] == '"')
			i++;
	}
	out[o] = '\0';
	return out;
}

/* The best-scoring parser of one kind (evidence or endpoints), or NULL. */
static const struct nm_parser *
best_parser(const struct nm_input *in, bool evidence, int *score)
{
	const struct nm_parser *best = NULL;
	size_t i;

	*score = 0;
	for (i = 0; nm_parsers[i] != NULL; i++) {
		int sc;

		if (nm_parsers[i]->evidence != evidence)
			continue;
		sc = nm_parsers[i]->score(in);
		if (sc > *score) {
			*score = sc;
			best = nm_parsers[i];
		}
	}
	return best;
}

/*
 * A file may hold one tool's endpoint table and, beside it, evidence
 * about it (netstat -ano and tasklist /svc pasted together): the best
 * endpoint format is read, then every evidence format found.  A file of
 * evidence alone is read as such.
 */
int
nm_parse_input(struct nm_snapshot *snap, struct nm_input *in,
    const char *format, struct nm_error *err)
{
	const struct nm_parser *best = NULL, *ev;
	int bestscore = 0, evscore;
	size_t i;

	if (format != NULL) {
		best = nm_parser_find(format);
		if (best == NULL)
			return nm_seterr(err, NM_ERR_USAGE,
			    "unknown capture format '%s'", format);
	} else {
		best = best_parser(in, false, &bestscore);
		ev = best_parser(in, true, &evscore);
		if (best == NULL)
			best = ev;
		if (best == NULL)
			return nm_seterr(err, NM_ERR_INPUT,
			    "%s: no capture netmin reads (netstat, ss, lsof, "
			    "tasklist, sc, PowerShell Get-NetTCPConnection, "
			    "Get-NetUDPEndpoint or Get-Service, rpcdump); "
			    "'netmin list --help' lists the forms, "
			    "FORMAT:FILE forces one", in->name);
	}
	in->source = nm_snap_add_source(snap,
	    nm_asprintf(&snap->arena, "file:%s", in->name));
	in->name = in->source + 5;
	if (best->parse(in, snap, err) != 0)
		return -1;
	if (format != NULL)
		return 0;
	for (i = 0; nm_parsers[i] != NULL; i++) {
		const struct nm_parser *p = nm_parsers[i];
		int sc = p == best ? 0 : p->score(in);

		if (sc <= 0)
			continue;
		/* Evidence beside the table is read too. */
		if (p->evidence) {
			if (p->parse(in, snap, err) != 0)
				return -1;
			continue;
		}
		/* One file holding two tools' tables: say what was left. */
		nm_snap_warn(snap, in->name, 0, "%d line%s look%s like %s rows "
		    "and %s not read (the file was read as %s); give each "
		    "tool's output its own --from", sc, sc == 1 ? "" : "s",
		    sc == 1 ? "s" : "", p->name, sc == 1 ? "was" : "were",
		    best->name);
	}
	return 0;
}

int
nm_parse_file(struct nm_snapshot *snap, const char *arg, struct nm_error *err)
{
	struct nm_buf raw = { 0 };
	struct nm_input in;
	const char *path = arg, *colon = strchr(arg, ':');
	char format[32];
	int rc;

	format[0] = '\0';
	/* "ss:capture.txt" names the format; "C:\x" is a path. */
	if (colon != NULL && (size_t)(colon - arg) < sizeof(format) &&
	    colon - arg > 1) {
		memcpy(format, arg, (size_t)(colon - arg));
		format[colon - arg] = '\0';
		if (nm_parser_find(format) != NULL)
			path = colon + 1;
		else
			format[0] = '\0';
	}
	if (nm_read_file(path, NM_PARSE_MAX_BYTES, &raw, err) != 0) {
		nm_buf_free(&raw);
		return -1;
	}
	rc = nm_input_load(&in, path, raw.s, raw.len, err);
	nm_buf_free(&raw);
	if (rc != 0)
		return -1;
	rc = nm_parse_input(snap, &in, format[0] ? format : NULL, err);
	nm_input_free(&in);
	return rc;
}

struct nm_jv *
nm_input_json(const struct nm_input *in, size_t first, size_t last,
    struct nm_arena *a, struct nm_error *err)
{
	struct nm_buf text = { 0 };
	struct nm_jv *top;
	size_t i;

	for (i = 0; i < in->lines.n; i++) {
		if (i >= first && i <= last)
			nm_buf_add(&text, in->lines.v[i].s, in->lines.v[i].len);
		nm_buf_putc(&text, '\n');
	}
	top = nm_json_parse(text.s ? text.s : "", text.len, a, err);
	nm_buf_free(&text);
	if (top == NULL) {
		char m[sizeof(err->msg)];

		nm_strlcpy(m, err->msg, sizeof(m));
		nm_seterr(err, NM_ERR_INPUT, "%s:%s", in->name, m);
	}
	return top;
}

bool
nm_json_span(const struct nm_input *in, size_t *first, size_t *last)
{
	size_t i, blen;
	const char *b;
	bool other = false;

	for (i = 0; i < in->lines.n; i++) {
		b = nm_line_body(&in->lines.v[i], &blen);
		if (blen == 0)
			continue;
		if (b[0] == '[' || b[0] == '{')
			break;
		if (other || in->lines.v[i].len > 400)
			return false;
		other = true;
	}
	if (i >= in->lines.n)
		return false;
	*first = i;
	*last = in->lines.n - 1;
	for (i = in->lines.n; i-- > *first;) {
		b = nm_line_body(&in->lines.v[i], &blen);
		while (blen > 0 && (b[blen - 1] == ' ' || b[blen - 1] == '\t' ||
		    b[blen - 1] == '\r'))
			blen--;
		/* "]" alone, or the end of ConvertTo-Json -Compress's line */
		if (blen > 0 && (b[0] == ']' || b[0] == '}' ||
		    b[blen - 1] == ']' || b[blen - 1] == '}')) {
			*last = i;
			break;
		}
	}
	return true;
}
