/*
 * parse_tasklist.c - Windows "tasklist": PID -> image name, and with /svc
 * PID -> the services the process hosts (the evidence that names the
 * service behind a shared svchost.exe socket).
 *
 * Three layouts: the table (the default /fo table), /fo csv and /fo list.
 * Headers and labels are translated ("Abbildname PID Dienste"), so a table
 * is found by its "===== ======== =====" line and read by the widths of
 * those runs, and CSV and lists by their shape (the second value is the
 * PID).  The number of columns says which listing it is: 3 is /svc (or
 * /m, which lists DLLs and is refused), 5 the plain table, 9 /v (with the
 * user name).  /svc wraps a long service list onto lines whose image and
 * PID columns are blank.  "N/A" is translated too ("Nicht zutreffend"), so
 * whatever the idle process (PID 0) and System (PID 4), which never host a
 * service, show is taken for it as well.
 *
 * A tasklist has no endpoints: it is evidence for the endpoints of a
 * netstat -ano of the same host (nm_snap_finish joins them by PID).
 */
#include <stdlib.h>
#include <string.h>

#include "parse.h"

#define MAXCOL 16
#define MAXTOK 64

enum tl_layout {
	TL_SVC,		/* Image Name, PID, Services (/svc, or /m) */
	TL_PLAIN,	/* Image Name, PID, Session Name, Session#, Mem */
	TL_VERBOSE	/* /v: ... Status, User Name, CPU Time, Window Title */
};

struct tl_row {
	int		 pid;
	const char	*image;		/* into the input text */
	size_t		 ilen;
	const char	*user;		/* /v only; may be NULL */
	size_t		 ulen;
	int		 layout;
	int		 line;
	bool		 cut;		/* the image filled its column */
	struct nm_buf	 svc;		/* services text, wrapped lines joined */
};

struct tl_rows {
	NM_VEC(struct tl_row) v;
	int		 bad;		/* rows that could not be read */
};

/* Warns when snap is set (parsing); score() passes NULL. */
static void
bad_row(struct tl_rows *rows, struct nm_snapshot *snap,
    const struct nm_input *in, const struct nm_line *l, const char *what)
{
	size_t blen;
	const char *b = nm_line_body(l, &blen);

	rows->bad++;
	if (snap != NULL)
		nm_snap_warn(snap, in->name, l->no, "cannot read this tasklist "
		    "%s: %.*s", what, (int)(blen > 120 ? 120 : blen), b);
}

static bool
all_digits(const char *s, size_t len)
{
	size_t i;

	if (len == 0 || len > 10)
		return false;
	for (i = 0; i < len; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

/*
 * An image name is a file name: no path or drive separators, and not an
 * address (PowerShell lists put one where tasklist puts the image).
 */
static bool
image_ok(const char *s, size_t len)
{
	size_t i;

	if (len == 0 || len > 260 || memchr(s, ':', len) != NULL ||
	    memchr(s, '\\', len) != NULL || memchr(s, '/', len) != NULL ||
	    memchr(s, '"', len) != NULL)
		return false;
	for (i = 0; i < len; i++)
		if (s[i] != '.' && (s[i] < '0' || s[i] > '9'))
			return true;
	return false;
}

static int
layout_of(size_t ncol)
{
	if (ncol == 3)
		return TL_SVC;
	if (ncol >= 9)
		return TL_VERBOSE;
	return TL_PLAIN;
}

static struct tl_row *
push_row(struct tl_rows *rows, int pid, const char *img, size_t ilen,
    int layout, int line)
{
	struct tl_row *r = NM_VEC_PUSH(&rows->v);

	r->pid = pid;
	r->image = img;
	r->ilen = ilen;
	r->layout = layout;
	r->line = line;
	return r;
}

static void
svc_append(struct tl_row *r, const char *s, size_t len)
{
	/* Stay bounded on hostile input: no real list is this long. */
	if (r->svc.len + len > 64 * 1024)
		return;
	nm_buf_add(&r->svc, s, len);
}

/* --- the table ---------------------------------------------------------- */

struct tl_table {
	struct nm_col	 col[MAXCOL];
	size_t		 ncol;
	int		 layout;
	const char	*prefix;	/* what stands before the "=" runs */
	size_t		 plen;
};

/* "===== ======== =====": a tasklist separator has at least 3 columns. */
static bool
table_sep(const struct nm_line *l, struct tl_table *t)
{
	size_t blen;
	const char *b = nm_line_body(l, &blen);

	if (blen < 10 || b[0] != '=')
		return false;
	t->ncol = nm_table_cols(b, blen, '=', t->col, MAXCOL);
	if (t->ncol < 3 || t->col[0].width < 3 || t->col[1].width < 3)
		return false;
	t->layout = layout_of(t->ncol);
	t->prefix = l->s;
	t->plen = (size_t)(b - l->s);
	return true;
}

/* The line without the separator's prefix, or NULL when it differs. */
static const char *
aligned_text(const struct tl_table *t, const struct nm_line *l, size_t *len)
{
	if (l->len < t->plen || memcmp(l->s, t->prefix, t->plen) != 0 ||
	    memchr(l->s, '\t', l->len) != NULL)
		return NULL;
	*len = l->len - t->plen;
	return l->s + t->plen;
}

/* Column k of an aligned line: [start, start + width), or to the end. */
static const char *
cell(const struct tl_table *t, const char *s, size_t len, size_t k,
    bool last, size_t *clen)
{
	size_t a = nm_utf8_offset(s, len, t->col[k].start);
	size_t e = last ? len :
	    nm_utf8_offset(s, len, t->col[k].start + t->col[k].width);

	return nm_trim(s + a, e - a, clen);
}

/* A row read by the separator's columns. */
static bool
row_by_columns(const struct tl_table *t, const char *s, size_t len,
    struct tl_rows *rows, int line)
{
	const char *img, *pid, *svc = NULL, *user = NULL;
	size_t il, pl, sl = 0, ul = 0, gap;
	struct tl_row *r;
	int p;

	/* Nothing may overflow into the gaps around the PID. */
	gap = nm_utf8_offset(s, len, t->col[1].start - 1);
	if (gap >= len || s[gap] != ' ' || s[0] == ' ')
		return false;
	gap = nm_utf8_offset(s, len, t->col[1].start + t->col[1].width);
	if (gap < len && s[gap] != ' ')
		return false;
	img = cell(t, s, len, 0, false, &il);
	pid = cell(t, s, len, 1, false, &pl);
	if (!image_ok(img, il) || !all_digits(pid, pl) ||
	    nm_parse_int(pid, pl, 0, 0x7fffffff, &p) != 0)
		return false;
	if (t->layout == TL_SVC) {
		svc = cell(t, s, len, 2, true, &sl);
		if (sl == 0)
			return false;
	} else if (t->layout == TL_VERBOSE)
		user = cell(t, s, len, 6, false, &ul);
	r = push_row(rows, p, img, il, t->layout, line);
	/* 25 characters and no space after them: tasklist cut the name. */
	r->cut = nm_utf8_offset(s, len, t->col[0].width) == il;
	if (t->layout == TL_SVC)
		svc_append(r, svc, sl);
	if (ul > 0) {
		r->user = user;
		r->ulen = ul;
	}
	return true;
}

/*
 * A row whose columns moved (tabs, a paste that re-indented it): the PID
 * is the first number after the image name, and enough follows it.
 */
static bool
row_by_tokens(const struct tl_table *t, const char *s, size_t len,
    struct tl_rows *rows, int line)
{
	struct nm_tok tok[MAXTOK];
	size_t n, k, need = t->layout == TL_SVC ? 1 : 3;
	struct tl_row *r;
	const char *rest;
	size_t rl;
	int p;

	n = nm_tokenize(s, len, tok, MAXTOK);
	for (k = 1; k < n; k++)
		if (all_digits(tok[k].s, tok[k].len))
			break;
	if (k >= n || n - k - 1 < need ||
	    !image_ok(tok[0].s, (size_t)(tok[k - 1].s + tok[k - 1].len -
	    tok[0].s)) ||
	    nm_parse_int(tok[k].s, tok[k].len, 0, 0x7fffffff, &p) != 0)
		return false;
	r = push_row(rows, p, tok[0].s, (size_t)(tok[k - 1].s +
	    tok[k - 1].len - tok[0].s), t->layout, line);
	if (t->layout == TL_SVC) {
		rest = nm_trim(tok[k + 1].s, (size_t)(s + len - tok[k + 1].s),
		    &rl);
		svc_append(r, rest, rl);
	}
	return true;
}

static bool
table_row(const struct tl_table *t, const struct nm_line *l,
    struct tl_rows *rows)
{
	size_t len, blen;
	const char *s = aligned_text(t, l, &len);
	const char *b = nm_line_body(l, &blen);

	if (s != NULL && row_by_columns(t, s, len, rows, l->no))
		return true;
	if (s != NULL && memchr(s, '\t', len) == NULL) {
		size_t i;
		bool ascii = true;

		/* An aligned ASCII line that failed is no row. */
		for (i = 0; i < len; i++)
			ascii &= (unsigned char)s[i] < 0x80;
		if (ascii)
			return false;
	}
	return row_by_tokens(t, b, blen, rows, l->no);
}

/* Blank image and PID columns, text in the services column. */
static bool
continuation_shape(const struct tl_table *t, const struct nm_line *l,
    const char **c, size_t *cl)
{
	size_t len, i, a;
	const char *s;

	if (t->layout != TL_SVC || (s = aligned_text(t, l, &len)) == NULL)
		return false;
	a = nm_utf8_offset(s, len, t->col[2].start);
	for (i = 0; i < a && i < len; i++)
		if (s[i] != ' ')
			return false;
	if (a >= len)
		return false;
	*c = nm_trim(s + a, len - a, cl);
	return *cl > 0;
}

/* A wrapped /svc line: blank image and PID columns, or after a ','. */
static bool
table_continuation(const struct tl_table *t, const struct nm_line *l,
    struct tl_rows *rows)
{
	struct tl_row *r;
	size_t blen, cl;
	const char *b, *c;

	if (t->layout != TL_SVC || rows->v.n == 0)
		return false;
	r = &rows->v.v[rows->v.n - 1];
	if (r->layout != TL_SVC || r->svc.len == 0)
		return false;
	b = nm_line_body(l, &blen);
	if (blen == 0)
		return false;
	if (!continuation_shape(t, l, &c, &cl)) {
		if (r->svc.s[r->svc.len - 1] != ',')
			return false;
		c = b;
		cl = blen;
	}
	if (r->svc.s[r->svc.len - 1] != ',')
		svc_append(r, ",", 1);
	svc_append(r, c, cl);
	return true;
}

/* Whether lines[j] reads as a row (nothing is kept). */
static bool
probe_row(const struct tl_table *t, const struct nm_line *l)
{
	struct tl_rows probe = { 0 };
	const char *c;
	size_t cl, k;
	bool ok = table_row(t, l, &probe) || continuation_shape(t, l, &c, &cl);

	for (k = 0; k < probe.v.n; k++)
		nm_buf_free(&probe.v.v[k].svc);
	NM_VEC_FREE(&probe.v);
	return ok;
}

/* Reads the rows under the separator at lines[sep]; returns the next line. */
static size_t
read_table(const struct nm_input *in, size_t sep, const struct tl_table *t,
    struct tl_rows *rows, struct nm_snapshot *snap)
{
	size_t i, j, blen, cl;
	const char *c;
	bool after_bad = false;

	for (i = sep + 1; i < in->lines.n; i++) {
		const struct nm_line *l = &in->lines.v[i];

		if (l->len > NM_PARSE_MAX_LINE)
			break;
		nm_line_body(l, &blen);
		if (blen == 0) {
			/* Blank lines inside a table only in mangled pastes. */
			for (j = i + 1; j < in->lines.n; j++) {
				nm_line_body(&in->lines.v[j], &blen);
				if (blen != 0)
					break;
			}
			if (j >= in->lines.n || !probe_row(t, &in->lines.v[j]))
				break;
			continue;
		}
		/* The wrapped lines of a row that could not be read. */
		if (after_bad && continuation_shape(t, l, &c, &cl))
			continue;
		after_bad = false;
		if (table_continuation(t, l, rows) || table_row(t, l, rows))
			continue;
		/* Bad in the middle of a table, or the table's end. */
		if (i + 1 < in->lines.n && probe_row(t, &in->lines.v[i + 1])) {
			bad_row(rows, snap, in, l, "row");
			after_bad = true;
			continue;
		}
		break;
	}
	return i;
}

/* --- /fo csv ------------------------------------------------------------- */

/* A tasklist CSV line: every field quoted, at least three of them. */
static int
csv_fields(const struct nm_line *l, struct nm_csv_field *f, size_t max)
{
	size_t blen, k;
	const char *b = nm_line_body(l, &blen);
	int n;

	if (blen < 8 || b[0] != '"' || b[blen - 1] != '"')
		return 0;
	n = nm_csv_split(b, blen, f, max);
	if (n < 3)
		return 0;
	for (k = 0; k < (size_t)n; k++)
		if (!f[k].quoted)
			return 0;
	return n;
}

static bool
csv_row(const struct nm_line *l, struct tl_rows *rows, int *nf)
{
	struct nm_csv_field f[MAXCOL];
	struct tl_row *r;
	int n = csv_fields(l, f, MAXCOL), p;

	*nf = n;
	if (n < 3 || !image_ok(f[0].s, f[0].len) ||
	    !all_digits(f[1].s, f[1].len) ||
	    nm_parse_int(f[1].s, f[1].len, 0, 0x7fffffff, &p) != 0)
		return false;
	r = push_row(rows, p, f[0].s, f[0].len, layout_of((size_t)n), l->no);
	if (n == 3)
		svc_append(r, f[2].s, f[2].len);
	else if (n >= 9) {
		r->user = f[6].s;
		r->ulen = f[6].len;
	}
	return true;
}

/* Reads CSV rows from lines[i] on (a header line is skipped). */
static size_t
read_csv(const struct nm_input *in, size_t i, struct tl_rows *rows,
    struct nm_snapshot *snap)
{
	struct nm_csv_field f[MAXCOL];
	int width = 0, nf;
	size_t start = i;

	for (; i < in->lines.n; i++) {
		const struct nm_line *l = &in->lines.v[i];

		if (l->len > NM_PARSE_MAX_LINE)
			break;
		nf = csv_fields(l, f, MAXCOL);
		if (nf < 3 || (width != 0 && nf != width))
			break;
		width = nf;
		/* The first line may be the header, its words translated. */
		if (!csv_row(l, rows, &nf) && i != start)
			bad_row(rows, snap, in, l, "CSV row");
	}
	return i;
}

/* --- /fo list ------------------------------------------------------------ */

/* "Label:   value" (some languages put a space before the colon). */
static bool
list_label(const struct nm_line *l, const char **val, size_t *vlen)
{
	size_t blen, k;
	const char *b = nm_line_body(l, &blen), *c;

	if (blen == 0 || (c = memchr(b, ':', blen)) == NULL || c == b ||
	    c - b > 40)
		return false;
	for (k = 0; k < (size_t)(c - b); k++)
		if (b[k] == '\t' || (b[k] >= '0' && b[k] <= '9'))
			return false;
	*val = nm_trim(c + 1, blen - (size_t)(c + 1 - b), vlen);
	return true;
}

/*
 * One record: lines "Label: value" from lines[i] up to a blank line or
 * the record's first label again.  Returns the next line.
 */
static size_t
read_list(const struct nm_input *in, size_t i, struct tl_rows *rows,
    struct nm_snapshot *snap, bool *found)
{
	const char *val[MAXCOL], *first = NULL;
	size_t vlen[MAXCOL], n = 0, start = i, flen = 0, blen;
	const struct nm_line *l0 = &in->lines.v[i];
	struct tl_row *r;
	int p;

	*found = false;
	for (; i < in->lines.n; i++) {
		const struct nm_line *l = &in->lines.v[i];
		const char *b = nm_line_body(l, &blen), *v;
		size_t vl;

		if (blen == 0 || l->len > NM_PARSE_MAX_LINE)
			break;
		if (list_label(l, &v, &vl)) {
			size_t ll = (size_t)((const char *)memchr(b, ':', blen) -
			    b);

			if (n == 0) {
				first = b;
				flen = ll;
			} else if (ll == flen && memcmp(b, first, ll) == 0)
				break;
			if (n < MAXCOL) {
				val[n] = v;
				vlen[n] = vl;
			}
			n++;
			continue;
		}
		/* Another service of a /svc record, indented to its value. */
		if (n == 3 && b - l->s > first - l0->s)
			continue;
		break;
	}
	if (n < 3 || n > MAXCOL || !image_ok(val[0], vlen[0]) ||
	    !all_digits(val[1], vlen[1]) ||
	    nm_parse_int(val[1], vlen[1], 0, 0x7fffffff, &p) != 0) {
		/* Labels, but not a tasklist record: some other list. */
		return i > start ? i : start + 1;
	}
	*found = true;
	r = push_row(rows, p, val[0], vlen[0], layout_of(n), l0->no);
	if (n == 3) {
		size_t k;

		svc_append(r, val[2], vlen[2]);
		/* The lines after the label hold one service each. */
		for (k = start + 3; k < i; k++) {
			const char *b = nm_line_body(&in->lines.v[k], &blen);

			svc_append(r, ",", 1);
			svc_append(r, b, blen);
		}
	} else if (n >= 9) {
		r->user = val[6];
		r->ulen = vlen[6];
	}
	(void)snap;
	return i;
}

/* --- the whole file ------------------------------------------------------ */

static void
read_all(const struct nm_input *in, struct tl_rows *rows,
    struct nm_snapshot *snap)
{
	size_t i = 0;
	struct nm_csv_field f[MAXCOL];
	struct tl_table t;

	while (i < in->lines.n) {
		const struct nm_line *l = &in->lines.v[i];
		const char *v;
		size_t vl, next;
		bool found;

		if (l->len > NM_PARSE_MAX_LINE) {
			i++;
			continue;
		}
		if (table_sep(l, &t)) {
			i = read_table(in, i, &t, rows, snap);
			continue;
		}
		if (csv_fields(l, f, MAXCOL) >= 3) {
			next = read_csv(in, i, rows, snap);
			i = next > i ? next : i + 1;
			continue;
		}
		if (list_label(l, &v, &vl)) {
			next = read_list(in, i, rows, snap, &found);
			i = next > i ? next : i + 1;
			continue;
		}
		i++;
	}
}

static void
rows_free(struct tl_rows *rows)
{
	size_t i;

	for (i = 0; i < rows->v.n; i++)
		nm_buf_free(&rows->v.v[i].svc);
	NM_VEC_FREE(&rows->v);
}

static int
tasklist_score(const struct nm_input *in)
{
	struct tl_rows rows = { 0 };
	int n;

	read_all(in, &rows, NULL);
	n = (int)rows.v.n;
	rows_free(&rows);
	return n;
}

/* The words this capture uses for "none": N/A and its translations. */
struct tl_na {
	const char	*w[16];
	size_t		 len[16];
	size_t		 n;
};

static void
na_add(struct tl_na *na, const char *s, size_t len)
{
	size_t i;

	if (len == 0 || na->n == NM_NELEM(na->w))
		return;
	for (i = 0; i < na->n; i++)
		if (na->len[i] == len && nm_strneq_ci(na->w[i], s, len))
			return;
	na->w[na->n] = s;
	na->len[na->n++] = len;
}

static bool
is_na(const struct tl_na *na, const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < na->n; i++)
		if (na->len[i] == len && nm_strneq_ci(na->w[i], s, len))
			return true;
	return false;
}

/* "a, b,c" -> each trimmed name; returns how many end in ".dll". */
static size_t
count_dlls(const struct tl_rows *rows, size_t *items)
{
	size_t i, dll = 0;

	*items = 0;
	for (i = 0; i < rows->v.n; i++) {
		const struct tl_row *r = &rows->v.v[i];
		const char *s = r->svc.s, *end;

		if (s == NULL)
			continue;
		for (end = s + r->svc.len; s < end;) {
			const char *c = memchr(s, ',', (size_t)(end - s));
			size_t il;
			const char *it = nm_trim(s, (size_t)((c ? c : end) - s),
			    &il);

			if (il > 4 && nm_strneq_ci(it + il - 4, ".dll", 4))
				dll++;
			if (il > 0)
				(*items)++;
			s = c ? c + 1 : end;
		}
	}
	return dll;
}

/* One name cut short is the start of the other. */
static bool
is_prefix_ci(const char *a, const char *b)
{
	size_t n = strlen(a);

	return strlen(b) > n && nm_strneq_ci(a, b, n);
}

static void
add_row(const struct nm_input *in, struct nm_snapshot *snap,
    const struct tl_row *r, const struct tl_na *na)
{
	struct nm_proc *p = nm_snap_proc(snap, r->pid, true);
	const char *name = nm_text_dup(&snap->arena, r->image, r->ilen);
	const char *s = r->svc.s, *end = s ? s + r->svc.len : NULL;

	if (p->name == NULL || (r->cut && is_prefix_ci(name, p->name))) {
		if (p->name == NULL)
			p->name = name;
	} else if (is_prefix_ci(p->name, name)) {
		p->name = name;		/* the other source cut it */
	} else if (!nm_streq_ci(p->name, name) || p->source == in->source) {
		if (p->source == in->source)
			nm_snap_warn(snap, in->name, r->line, "PID %d is listed "
			    "again (first on line %d)", r->pid, p->line);
		else
			nm_snap_warn(snap, in->name, r->line, "PID %d is %s here "
			    "but %s in %s:%d: the captures are from different "
			    "times (its services are taken from both)", r->pid,
			    name, p->name, p->source ? p->source + 5 : "?",
			    p->line);
	}
	if (p->source == NULL) {
		p->source = in->source;
		p->line = r->line;
	}
	if (r->user != NULL && r->ulen > 0 && !is_na(na, r->user, r->ulen) &&
	    p->user == NULL)
		p->user = nm_text_dup(&snap->arena, r->user, r->ulen);
	if (r->layout != TL_SVC || s == NULL || is_na(na, s, r->svc.len))
		return;
	while (s != NULL && s < end) {
		const char *c = memchr(s, ',', (size_t)(end - s));
		size_t il, k;
		const char *it = nm_trim(s, (size_t)((c ? c : end) - s), &il);
		bool ok = il > 0 && il <= 256;

		for (k = 0; k < il && ok; k++)
			ok = (unsigned char)it[k] >= 0x20 && it[k] != '"';
		if (ok && !is_na(na, it, il))
			nm_proc_add_service(snap, p,
			    nm_text_dup(&snap->arena, it, il));
		else if (!ok && il > 0)
			nm_snap_warn(snap, in->name, r->line, "PID %d: \"%.*s\" "
			    "is not a service name", r->pid,
			    (int)(il > 60 ? 60 : il), it);
		s = c ? c + 1 : end;
	}
}

static int
tasklist_parse(const struct nm_input *in, struct nm_snapshot *snap,
    struct nm_error *err)
{
	static const char *const known_na[] = {
		"N/A", "N/D", "N/V", "N/B", "n.v.", "Nicht zutreffend",
		"Non applicable", "No disponible", "Nie dotyczy",
	};
	struct tl_rows rows = { 0 };
	struct tl_na na = { 0 };
	size_t i, items, dll;

	read_all(in, &rows, snap);
	if (rows.v.n == 0) {
		rows_free(&rows);
		return nm_seterr(err, NM_ERR_INPUT, "%s: no tasklist rows "
		    "found", in->name);
	}
	dll = count_dlls(&rows, &items);
	if (items > 0 && dll * 2 > items) {
		rows_free(&rows);
		return nm_seterr(err, NM_ERR_INPUT, "%s: this is tasklist /m "
		    "(the DLLs each process loaded), not tasklist /svc",
		    in->name);
	}
	for (i = 0; i < NM_NELEM(known_na); i++)
		na_add(&na, known_na[i], strlen(known_na[i]));
	for (i = 0; i < rows.v.n; i++) {
		const struct tl_row *r = &rows.v.v[i];

		/* Neither ever hosts a service: theirs is the word for none. */
		if ((r->pid == 0 || r->pid == 4) && r->layout == TL_SVC &&
		    r->svc.len > 0 && memchr(r->svc.s, ',', r->svc.len) == NULL)
			na_add(&na, r->svc.s, r->svc.len);
	}
	if (snap->host.os == NULL) {
		snap->host.os = "windows";
		snap->host.os_reason = "tasklist format";
	}
	for (i = 0; i < rows.v.n; i++)
		add_row(in, snap, &rows.v.v[i], &na);
	rows_free(&rows);
	return 0;
}

const struct nm_parser nm_parser_tasklist = {
	"tasklist",
	"Windows tasklist, /svc, /v; table, /fo csv or /fo list (any "
	    "display language): PID -> image and services",
	tasklist_score,
	tasklist_parse,
	true,
};
