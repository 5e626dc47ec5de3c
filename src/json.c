/*
 * json.c - a strict RFC 8259 reader building nm_jv trees in an arena.
 *
 * Recursive descent bounded by NM_JV_MAX_DEPTH.  Children of the
 * containers being read wait on one shared stack and are copied into the
 * arena when their container closes, so no list is rebuilt per element.
 */
#include <float.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "out.h"

struct rd {
	const unsigned char *p, *end, *start;
	struct nm_arena	*a;
	struct nm_error	*err;
	int		 depth;
	size_t		 nodes;
	/* Line and column, kept incrementally (columns count characters). */
	int		 line;
	const unsigned char *line_start;
	const unsigned char *col_at;
	int		 col;
	/* Children waiting for their container to close. */
	NM_VEC(struct nm_jv *) stack;
	struct nm_buf	 scratch;
};

static void
where(struct rd *r, const unsigned char *at, int *line, int *col)
{
	if (at < r->line_start)
		at = r->line_start;
	if (at < r->col_at) {	/* rare: recount from the line start */
		r->col_at = r->line_start;
		r->col = 1;
	}
	for (; r->col_at < at; r->col_at++)
		if ((*r->col_at & 0xc0) != 0x80)
			r->col++;
	*line = r->line;
	*col = r->col;
}

static int
fail_at(struct rd *r, const unsigned char *at, const char *fmt, ...)
    NM_PRINTF(3, 4);

static int
fail_at(struct rd *r, const unsigned char *at, const char *fmt, ...)
{
	char msg[400];
	va_list ap;
	int line, col;

	if (r->err != NULL && r->err->code != NM_OK)
		return -1;	/* the first error is the useful one */
	where(r, at, &line, &col);
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return nm_seterr(r->err, NM_ERR_INPUT, "%d:%d: %s", line, col, msg);
}

/* A byte as the user would want to see it in a message. */
static const char *
show(const unsigned char *p, const unsigned char *end, char *buf, size_t n)
{
	if (p >= end)
		snprintf(buf, n, "end of input");
	else if (*p >= 0x21 && *p < 0x7f)
		snprintf(buf, n, "'%c'", *p);
	else
		snprintf(buf, n, "byte 0x%02x", *p);
	return buf;
}

static void
skip_ws(struct rd *r)
{
	while (r->p < r->end) {
		switch (*r->p) {
		case '\n':
			r->line++;
			r->line_start = r->col_at = r->p + 1;
			r->col = 1;
			/* FALLTHROUGH */
		case ' ':
		case '\t':
		case '\r':
			r->p++;
			break;
		default:
			return;
		}
	}
}

static struct nm_jv *
new_node(struct rd *r, int type, const unsigned char *at)
{
	struct nm_jv *v;

	if (++r->nodes > NM_JV_MAX_NODES) {
		fail_at(r, at, "more than %zu values in one document",
		    NM_JV_MAX_NODES);
		return NULL;
	}
	v = nm_aalloc(r->a, sizeof(*v));
	v->type = (uint8_t)type;
	where(r, at, &v->line, &v->col);
	return v;
}

static unsigned
hex4(const unsigned char *p)
{
	unsigned v = 0;
	int i;

	for (i = 0; i < 4; i++) {
		unsigned c = p[i], d;

		if (c >= '0' && c <= '9')
			d = c - '0';
		else if (c >= 'a' && c <= 'f')
			d = c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			d = c - 'A' + 10;
		else
			return 0xffffffffu;
		v = v << 4 | d;
	}
	return v;
}

static void
put_utf8(struct nm_buf *b, unsigned cp)
{
	char u[4];
	size_t n;

	if (cp < 0x80) {
		u[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		u[0] = (char)(0xc0 | cp >> 6);
		u[1] = (char)(0x80 | (cp & 0x3f));
		n = 2;
	} else if (cp < 0x10000) {
		u[0] = (char)(0xe0 | cp >> 12);
		u[1] = (char)(0x80 | (cp >> 6 & 0x3f));
		u[2] = (char)(0x80 | (cp & 0x3f));
		n = 3;
	} else {
		u[0] = (char)(0xf0 | cp >> 18);
		u[1] = (char)(0x80 | (cp >> 12 & 0x3f));
		u[2] = (char)(0x80 | (cp >> 6 & 0x3f));
		u[3] = (char)(0x80 | (cp & 0x3f));
		n = 4;
	}
	nm_buf_add(b, u, n);
}

/*
 * Length of the well-formed UTF-8 sequence at p (Unicode 15, table 3-7:
 * no overlongs, no surrogates, nothing above U+10FFFF), or 0.
 */
static size_t
utf8_seq(const unsigned char *p, const unsigned char *end)
{
	size_t n, i;
	unsigned char lo = 0x80, hi = 0xbf;

	if (p[0] < 0x80)
		return 1;
	if (p[0] >= 0xc2 && p[0] <= 0xdf)
		n = 2;
	else if (p[0] >= 0xe0 && p[0] <= 0xef) {
		n = 3;
		if (p[0] == 0xe0)
			lo = 0xa0;
		else if (p[0] == 0xed)
			hi = 0x9f;
	} else if (p[0] >= 0xf0 && p[0] <= 0xf4) {
		n = 4;
		if (p[0] == 0xf0)
			lo = 0x90;
		else if (p[0] == 0xf4)
			hi = 0x8f;
	} else
		return 0;
	if ((size_t)(end - p) < n)
		return 0;
	if (p[1] < lo || p[1] > hi)
		return 0;
	for (i = 2; i < n; i++)
		if (p[i] < 0x80 || p[i] > 0xbf)
			return 0;
	return n;
}

/* A string starting at the '"' under r->p; its value goes to v->s/n. */
static int
read_string(struct rd *r, struct nm_jv *v)
{
	const unsigned char *open = r->p, *q;
	struct nm_buf *b = &r->scratch;
	char what[24];

	nm_buf_reset(b);
	nm_buf_add(b, NULL, 0);
	q = ++r->p;
	for (;;) {
		size_t run;

		/* Copy plain runs in one go. */
		for (run = 0; q + run < r->end && q[run] >= 0x20 &&
		    q[run] < 0x80 && q[run] != '"' && q[run] != '\\'; run++)
			;
		nm_buf_add(b, q, run);
		q += run;
		if (q >= r->end)
			return fail_at(r, open, "string not closed before the "
			    "end of input");
		if (*q == '"')
			break;
		if (*q < 0x20)
			return fail_at(r, q, "control character U+%04X inside "
			    "a string (write it as an escape: %s)", *q,
			    *q == '\n' ? "\\n; strings cannot span lines" :
			    *q == '\t' ? "\\t" : *q == '\r' ? "\\r" :
			    "\\u00XX");
		if (*q >= 0x80) {
			size_t n = utf8_seq(q, r->end);

			if (n == 0)
				return fail_at(r, q, "invalid UTF-8 (byte "
				    "0x%02x) inside a string; save the file as "
				    "UTF-8", *q);
			nm_buf_add(b, q, n);
			q += n;
			continue;
		}
		/* Backslash. */
		if (r->end - q < 2)
			return fail_at(r, open, "string not closed before the "
			    "end of input");
		switch (q[1]) {
		case '"':
		case '\\':
		case '/':
			nm_buf_putc(b, q[1]);
			break;
		case 'b':
			nm_buf_putc(b, '\b');
			break;
		case 'f':
			nm_buf_putc(b, '\f');
			break;
		case 'n':
			nm_buf_putc(b, '\n');
			break;
		case 'r':
			nm_buf_putc(b, '\r');
			break;
		case 't':
			nm_buf_putc(b, '\t');
			break;
		case 'u': {
			unsigned cp, lo;

			if (r->end - q < 6 || (cp = hex4(q + 2)) > 0xffff)
				return fail_at(r, q, "\\u must be followed by "
				    "four hex digits");
			if (cp >= 0xdc00 && cp <= 0xdfff)
				return fail_at(r, q, "lone low surrogate "
				    "\\u%04X (a pair starts with \\uD800-"
				    "\\uDBFF)", cp);
			if (cp >= 0xd800 && cp <= 0xdbff) {
				if (r->end - q < 12 || q[6] != '\\' ||
				    q[7] != 'u' ||
				    (lo = hex4(q + 8)) < 0xdc00 ||
				    lo > 0xdfff)
					return fail_at(r, q, "high surrogate "
					    "\\u%04X not followed by a low "
					    "surrogate \\uDC00-\\uDFFF", cp);
				cp = 0x10000 + ((cp - 0xd800) << 10) +
				    (lo - 0xdc00);
				q += 6;
			}
			put_utf8(b, cp);
			q += 4;
			break;
		}
		default:
			return fail_at(r, q, "invalid escape \\%s in a string "
			    "(JSON has \\\" \\\\ \\/ \\b \\f \\n \\r \\t "
			    "\\uXXXX)", q[1] >= 0x21 && q[1] < 0x7f ?
			    (snprintf(what, sizeof(what), "%c", q[1]), what) :
			    (snprintf(what, sizeof(what), " then byte 0x%02x",
			    q[1]), what));
		}
		q += 2;
	}
	r->p = q + 1;
	v->s = nm_astrndup(r->a, b->s, b->len);
	v->n = b->len;
	return 0;
}

static int
read_number(struct rd *r, struct nm_jv *v)
{
	const unsigned char *s = r->p, *q = r->p;
	bool integral = true;
	char *endp;

	if (*q == '-')
		q++;
	if (q >= r->end || *q < '0' || *q > '9') {
		if (q < r->end && (*q == 'I' || *q == 'i'))
			return fail_at(r, s, "Infinity is not a JSON number");
		return fail_at(r, s, "'-' must be followed by a digit");
	}
	if (*q == '0' && q + 1 < r->end && q[1] >= '0' && q[1] <= '9')
		return fail_at(r, s, "numbers cannot have leading zeros");
	while (q < r->end && *q >= '0' && *q <= '9')
		q++;
	if (q < r->end && *q == '.') {
		integral = false;
		if (++q >= r->end || *q < '0' || *q > '9')
			return fail_at(r, q, "a digit must follow the decimal "
			    "point");
		while (q < r->end && *q >= '0' && *q <= '9')
			q++;
	}
	if (q < r->end && (*q == 'e' || *q == 'E')) {
		integral = false;
		q++;
		if (q < r->end && (*q == '+' || *q == '-'))
			q++;
		if (q >= r->end || *q < '0' || *q > '9')
			return fail_at(r, q, "a digit must follow the exponent");
		while (q < r->end && *q >= '0' && *q <= '9')
			q++;
	}
	nm_buf_reset(&r->scratch);
	nm_buf_add(&r->scratch, s, (size_t)(q - s));
	if (integral && nm_parse_ll(r->scratch.s, r->scratch.len, INT64_MIN,
	    INT64_MAX, &v->i) == 0) {
		v->is_int = true;
		v->d = (double)v->i;
	} else {
		/* netmin never calls setlocale(), so '.' is the radix. */
		v->d = strtod(r->scratch.s, &endp);
		if (v->d > DBL_MAX || v->d < -DBL_MAX)
			return fail_at(r, s, "number %.40s%s is too large",
			    r->scratch.s, r->scratch.len > 40 ? "..." : "");
	}
	r->p = q;
	return 0;
}

static int read_value(struct rd *, struct nm_jv **);

/* Moves the top n children from the stack into an arena array. */
static struct nm_jv **
pop_children(struct rd *r, size_t n)
{
	struct nm_jv **v = NULL;

	if (n > 0) {
		v = nm_aalloc(r->a, n * sizeof(*v));
		memcpy(v, r->stack.v + r->stack.n - n, n * sizeof(*v));
		r->stack.n -= n;
	}
	return v;
}

static void
push_child(struct rd *r, struct nm_jv *v)
{
	*NM_VEC_PUSH(&r->stack) = v;
}

static int
read_array(struct rd *r, struct nm_jv *v)
{
	char c[24];
	size_t n = 0;
	struct nm_jv *e;

	r->p++;
	skip_ws(r);
	if (r->p < r->end && *r->p == ']') {
		r->p++;
		return 0;
	}
	for (;;) {
		if (read_value(r, &e) != 0)
			return -1;
		push_child(r, e);
		n++;
		skip_ws(r);
		if (r->p < r->end && *r->p == ']')
			break;
		if (r->p >= r->end || *r->p != ',')
			return fail_at(r, r->p, "expected ',' or ']' after an "
			    "array element, found %s", show(r->p, r->end, c,
			    sizeof(c)));
		r->p++;
		skip_ws(r);
		if (r->p < r->end && *r->p == ']')
			return fail_at(r, r->p, "trailing comma before ']'");
	}
	r->p++;
	v->n = n;
	v->items = pop_children(r, n);
	return 0;
}

static int
cmp_keys(const void *a, const void *b)
{
	const struct nm_jv *x = *(struct nm_jv *const *)a;
	const struct nm_jv *y = *(struct nm_jv *const *)b;
	size_t n = x->n < y->n ? x->n : y->n;
	int c = memcmp(x->s, y->s, n);

	if (c != 0)
		return c;
	if (x->n != y->n)
		return x->n < y->n ? -1 : 1;
	/* Equal keys: document order, so the later one is reported. */
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return x->col < y->col ? -1 : x->col > y->col;
}

/* Sorting a copy finds duplicates in n log n, even in huge objects. */
static int
check_duplicates(struct rd *r, struct nm_jv *v)
{
	struct nm_jv **k;
	size_t i;
	int rc = 0;

	if (v->n < 2)
		return 0;
	if (v->n <= 8) {
		size_t j;

		for (i = 1; i < v->n; i++)
			for (j = 0; j < i; j++)
				if (v->keys[i]->n == v->keys[j]->n &&
				    memcmp(v->keys[i]->s, v->keys[j]->s,
				    v->keys[i]->n) == 0)
					goto dup_small;
		return 0;
dup_small:
		return nm_seterr(r->err, NM_ERR_INPUT, "%d:%d: duplicate key "
		    "\"%.60s\" (first at %d:%d)", v->keys[i]->line,
		    v->keys[i]->col, v->keys[i]->s, v->keys[j]->line,
		    v->keys[j]->col);
	}
	k = nm_xmalloc(v->n * sizeof(*k));
	memcpy(k, v->keys, v->n * sizeof(*k));
	qsort(k, v->n, sizeof(*k), cmp_keys);
	for (i = 1; i < v->n; i++)
		if (k[i]->n == k[i - 1]->n &&
		    memcmp(k[i]->s, k[i - 1]->s, k[i]->n) == 0) {
			rc = nm_seterr(r->err, NM_ERR_INPUT, "%d:%d: duplicate "
			    "key \"%.60s\" (first at %d:%d)", k[i]->line,
			    k[i]->col, k[i]->s, k[i - 1]->line,
			    k[i - 1]->col);
			break;
		}
	free(k);
	return rc;
}

static int
read_object(struct rd *r, struct nm_jv *v)
{
	char c[24];
	size_t n = 0, i;
	struct nm_jv *k, *e, **pairs;

	r->p++;
	skip_ws(r);
	if (r->p < r->end && *r->p == '}') {
		r->p++;
		return 0;
	}
	for (;;) {
		if (r->p >= r->end || *r->p != '"') {
			if (r->p < r->end && *r->p == '\'')
				return fail_at(r, r->p, "keys use double "
				    "quotes, not single quotes");
			return fail_at(r, r->p, "expected a key in double "
			    "quotes, found %s", show(r->p, r->end, c,
			    sizeof(c)));
		}
		if ((k = new_node(r, NM_JV_STR, r->p)) == NULL ||
		    read_string(r, k) != 0)
			return -1;
		skip_ws(r);
		if (r->p >= r->end || *r->p != ':')
			return fail_at(r, r->p, "expected ':' after the key "
			    "\"%.60s\", found %s", k->s, show(r->p, r->end, c,
			    sizeof(c)));
		r->p++;
		if (read_value(r, &e) != 0)
			return -1;
		push_child(r, k);
		push_child(r, e);
		n++;
		skip_ws(r);
		if (r->p < r->end && *r->p == '}')
			break;
		if (r->p >= r->end || *r->p != ',')
			return fail_at(r, r->p, "expected ',' or '}' after an "
			    "object member, found %s", show(r->p, r->end, c,
			    sizeof(c)));
		r->p++;
		skip_ws(r);
		if (r->p < r->end && *r->p == '}')
			return fail_at(r, r->p, "trailing comma before '}'");
	}
	r->p++;
	pairs = r->stack.v + r->stack.n - 2 * n;
	v->n = n;
	v->keys = nm_aalloc(r->a, n * sizeof(*v->keys));
	v->items = nm_aalloc(r->a, n * sizeof(*v->items));
	for (i = 0; i < n; i++) {
		v->keys[i] = pairs[2 * i];
		v->items[i] = pairs[2 * i + 1];
	}
	r->stack.n -= 2 * n;
	return check_duplicates(r, v);
}

static bool
word_at(const struct rd *r, const char *w)
{
	size_t n = strlen(w);

	return (size_t)(r->end - r->p) >= n && memcmp(r->p, w, n) == 0;
}

static int
read_value(struct rd *r, struct nm_jv **out)
{
	struct nm_jv *v;
	char c[24];
	int rc = 0;

	skip_ws(r);
	*out = NULL;
	if (r->p >= r->end)
		return fail_at(r, r->p, r->nodes == 0 ? "empty document, "
		    "expected a JSON value" : "unexpected end of input, "
		    "expected a value");
	switch (*r->p) {
	case '{':
	case '[':
		if (r->depth >= NM_JV_MAX_DEPTH)
			return fail_at(r, r->p, "nested deeper than %d arrays "
			    "and objects", NM_JV_MAX_DEPTH);
		if ((v = new_node(r, *r->p == '{' ? NM_JV_OBJ : NM_JV_ARR,
		    r->p)) == NULL)
			return -1;
		r->depth++;
		rc = v->type == NM_JV_OBJ ? read_object(r, v) :
		    read_array(r, v);
		r->depth--;
		break;
	case '"':
		if ((v = new_node(r, NM_JV_STR, r->p)) == NULL)
			return -1;
		rc = read_string(r, v);
		break;
	case '-':
	case '0': case '1': case '2': case '3': case '4':
	case '5': case '6': case '7': case '8': case '9':
		if ((v = new_node(r, NM_JV_NUM, r->p)) == NULL)
			return -1;
		rc = read_number(r, v);
		break;
	default:
		if (word_at(r, "true") || word_at(r, "false")) {
			if ((v = new_node(r, NM_JV_BOOL, r->p)) == NULL)
				return -1;
			v->b = *r->p == 't';
			r->p += v->b ? 4 : 5;
		} else if (word_at(r, "null")) {
			if ((v = new_node(r, NM_JV_NULL, r->p)) == NULL)
				return -1;
			r->p += 4;
		} else if (*r->p == '\'')
			return fail_at(r, r->p, "strings use double quotes, "
			    "not single quotes");
		else if (*r->p == '/')
			return fail_at(r, r->p, "comments are not allowed in "
			    "JSON");
		else if (word_at(r, "NaN") || word_at(r, "Infinity"))
			return fail_at(r, r->p, "NaN and Infinity are not "
			    "JSON numbers");
		else if (*r->p == '+' || *r->p == '.')
			return fail_at(r, r->p, "numbers start with '-' or a "
			    "digit");
		else if (word_at(r, "True") || word_at(r, "False") ||
		    word_at(r, "None") || word_at(r, "NULL") ||
		    word_at(r, "Null") || word_at(r, "TRUE") ||
		    word_at(r, "FALSE"))
			return fail_at(r, r->p, "JSON literals are lower case: "
			    "true, false, null");
		else
			return fail_at(r, r->p, "expected a value, found %s",
			    show(r->p, r->end, c, sizeof(c)));
		break;
	}
	if (rc != 0)
		return -1;
	/* "truex", "nullnull", "12abc": a literal must end there. */
	if (v->type == NM_JV_NULL || v->type == NM_JV_BOOL ||
	    v->type == NM_JV_NUM) {
		if (r->p < r->end && ((*r->p >= 'a' && *r->p <= 'z') ||
		    (*r->p >= 'A' && *r->p <= 'Z') ||
		    (*r->p >= '0' && *r->p <= '9') || *r->p == '_'))
			return fail_at(r, r->p, "unexpected %s after a %s",
			    show(r->p, r->end, c, sizeof(c)),
			    v->type == NM_JV_NUM ? "number" : "literal");
	}
	*out = v;
	return 0;
}

struct nm_jv *
nm_json_parse(const char *text, size_t len, struct nm_arena *a,
    struct nm_error *err)
{
	struct rd r;
	struct nm_error tmp = { 0 };
	struct nm_jv *v = NULL;
	char c[24];

	if (err == NULL)
		err = &tmp;
	err->code = NM_OK;
	err->msg[0] = '\0';
	memset(&r, 0, sizeof(r));
	r.start = r.p = (const unsigned char *)text;
	r.end = r.p + len;
	r.a = a;
	r.err = err;
	r.line = r.col = 1;
	r.line_start = r.col_at = r.p;
	if (len > NM_JV_MAX_BYTES) {
		nm_seterr(err, NM_ERR_INPUT, "1:1: document larger than %zu "
		    "MiB", NM_JV_MAX_BYTES >> 20);
		return NULL;
	}
	if (len >= 2 && ((r.p[0] == 0xff && r.p[1] == 0xfe) ||
	    (r.p[0] == 0xfe && r.p[1] == 0xff) || r.p[0] == 0 ||
	    r.p[1] == 0)) {
		nm_seterr(err, NM_ERR_INPUT, "1:1: this looks like UTF-16; "
		    "JSON files must be UTF-8 (PowerShell: Out-File "
		    "-Encoding utf8)");
		return NULL;
	}
	if (len >= 3 && r.p[0] == 0xef && r.p[1] == 0xbb && r.p[2] == 0xbf)
		r.p += 3, r.line_start = r.col_at = r.p;
	if (read_value(&r, &v) == 0) {
		skip_ws(&r);
		if (r.p < r.end) {
			fail_at(&r, r.p, "unexpected %s after the end of the "
			    "document", show(r.p, r.end, c, sizeof(c)));
			v = NULL;
		}
	} else
		v = NULL;
	NM_VEC_FREE(&r.stack);
	nm_buf_free(&r.scratch);
	return v;
}

const char *
nm_jv_type_name(int type)
{
	static const char *const names[] = {
		"null", "boolean", "number", "string", "array", "object"
	};

	return type >= 0 && (size_t)type < NM_NELEM(names) ? names[type] :
	    "unknown";
}

struct nm_jv *
nm_jv_get(const struct nm_jv *o, const char *key)
{
	size_t i, kl;

	if (o == NULL || o->type != NM_JV_OBJ || key == NULL)
		return NULL;
	kl = strlen(key);
	for (i = 0; i < o->n; i++)
		if (o->keys[i]->n == kl && memcmp(o->keys[i]->s, key, kl) == 0)
			return o->items[i];
	return NULL;
}

size_t
nm_jv_len(const struct nm_jv *v)
{
	return v != NULL && (v->type == NM_JV_ARR || v->type == NM_JV_OBJ) ?
	    v->n : 0;
}

struct nm_jv *
nm_jv_at(const struct nm_jv *v, size_t i)
{
	return i < nm_jv_len(v) ? v->items[i] : NULL;
}

const char *
nm_jv_key(const struct nm_jv *o, size_t i)
{
	return o != NULL && o->type == NM_JV_OBJ && i < o->n ?
	    o->keys[i]->s : NULL;
}

bool
nm_jv_is(const struct nm_jv *v, int type)
{
	return v != NULL && v->type == type;
}

const char *
nm_jv_str(const struct nm_jv *v, const char *def)
{
	if (v == NULL || v->type != NM_JV_STR || strlen(v->s) != v->n)
		return def;
	return v->s;
}

/* An exactly integral double in long long range, as long long. */
static bool
num_to_ll(const struct nm_jv *v, long long *out)
{
	if (v->is_int) {
		*out = v->i;
		return true;
	}
	/* 2^63 is exact as a double; the range is [-2^63, 2^63). */
	if (!(v->d >= -9223372036854775808.0 && v->d < 9223372036854775808.0) ||
	    (double)(long long)v->d != v->d)
		return false;
	*out = (long long)v->d;
	return true;
}

long long
nm_jv_int(const struct nm_jv *v, long long def)
{
	long long x;

	if (v == NULL || v->type != NM_JV_NUM || !num_to_ll(v, &x))
		return def;
	return x;
}

double
nm_jv_num(const struct nm_jv *v, double def)
{
	return v != NULL && v->type == NM_JV_NUM ? v->d : def;
}

bool
nm_jv_bool(const struct nm_jv *v, bool def)
{
	return v != NULL && v->type == NM_JV_BOOL ? v->b : def;
}

bool
nm_jv_is_null(const struct nm_jv *v)
{
	return v != NULL && v->type == NM_JV_NULL;
}

struct nm_jv *
nm_jv_want(const struct nm_jv *o, const char *key, int type,
    struct nm_error *err)
{
	struct nm_jv *v;

	if (o == NULL || o->type != NM_JV_OBJ) {
		nm_seterr(err, NM_ERR_INPUT, "%d:%d: expected an object with "
		    "\"%s\", found %s", o ? o->line : 1, o ? o->col : 1, key,
		    o ? nm_jv_type_name(o->type) : "nothing");
		return NULL;
	}
	v = nm_jv_get(o, key);
	if (v == NULL) {
		nm_seterr(err, NM_ERR_INPUT, "%d:%d: missing \"%s\" (%s) in "
		    "this object", o->line, o->col, key,
		    nm_jv_type_name(type));
		return NULL;
	}
	if (v->type != type) {
		nm_seterr(err, NM_ERR_INPUT, "%d:%d: \"%s\" must be %s %s, "
		    "not %s %s", v->line, v->col, key,
		    type == NM_JV_ARR || type == NM_JV_OBJ ? "an" : "a",
		    nm_jv_type_name(type),
		    v->type == NM_JV_ARR || v->type == NM_JV_OBJ ? "an" : "a",
		    nm_jv_type_name(v->type));
		return NULL;
	}
	return v;
}

int
nm_jv_want_str(const struct nm_jv *o, const char *key, const char **out,
    struct nm_error *err)
{
	struct nm_jv *v = nm_jv_want(o, key, NM_JV_STR, err);

	if (v == NULL)
		return -1;
	if (strlen(v->s) != v->n)
		return nm_seterr(err, NM_ERR_INPUT, "%d:%d: \"%s\" holds "
		    "U+0000, which netmin does not accept in text", v->line,
		    v->col, key);
	*out = v->s;
	return 0;
}

int
nm_jv_want_int(const struct nm_jv *o, const char *key, long long min,
    long long max, long long *out, struct nm_error *err)
{
	struct nm_jv *v = nm_jv_want(o, key, NM_JV_NUM, err);
	long long x;

	if (v == NULL)
		return -1;
	if (!num_to_ll(v, &x))
		return nm_seterr(err, NM_ERR_INPUT, "%d:%d: \"%s\" must be a "
		    "whole number", v->line, v->col, key);
	if (x < min || x > max)
		return nm_seterr(err, NM_ERR_INPUT, "%d:%d: \"%s\" is %lld, "
		    "outside %lld..%lld", v->line, v->col, key, x, min, max);
	*out = x;
	return 0;
}

int
nm_jv_want_bool(const struct nm_jv *o, const char *key, bool *out,
    struct nm_error *err)
{
	struct nm_jv *v = nm_jv_want(o, key, NM_JV_BOOL, err);

	if (v == NULL)
		return -1;
	*out = v->b;
	return 0;
}

bool
nm_jv_equal(const struct nm_jv *a, const struct nm_jv *b)
{
	size_t i;

	if (a == NULL || b == NULL)
		return a == b;
	if (a->type != b->type)
		return false;
	switch (a->type) {
	case NM_JV_NULL:
		return true;
	case NM_JV_BOOL:
		return a->b == b->b;
	case NM_JV_NUM:
		if (a->is_int != b->is_int)
			return false;
		return a->is_int ? a->i == b->i : a->d == b->d;
	case NM_JV_STR:
		return a->n == b->n && memcmp(a->s, b->s, a->n) == 0;
	case NM_JV_ARR:
	case NM_JV_OBJ:
		if (a->n != b->n)
			return false;
		for (i = 0; i < a->n; i++) {
			if (a->type == NM_JV_OBJ &&
			    !nm_jv_equal(a->keys[i], b->keys[i]))
				return false;
			if (!nm_jv_equal(a->items[i], b->items[i]))
				return false;
		}
		return true;
	}
	return false;
}

void
nm_jv_write(struct nm_json *j, const struct nm_jv *v)
{
	size_t i;

	if (v == NULL) {
		nm_json_null(j);
		return;
	}
	switch (v->type) {
	case NM_JV_NULL:
		nm_json_null(j);
		break;
	case NM_JV_BOOL:
		nm_json_bool(j, v->b);
		break;
	case NM_JV_NUM:
		if (v->is_int)
			nm_json_int(j, v->i);
		else
			nm_json_double(j, v->d);
		break;
	case NM_JV_STR:
		nm_json_strn(j, v->s, v->n);
		break;
	case NM_JV_ARR:
		nm_json_arr(j);
		for (i = 0; i < v->n; i++)
			nm_jv_write(j, v->items[i]);
		nm_json_arr_end(j);
		break;
	case NM_JV_OBJ:
		nm_json_obj(j);
		for (i = 0; i < v->n; i++) {
			nm_json_keyn(j, v->keys[i]->s, v->keys[i]->n);
			nm_jv_write(j, v->items[i]);
		}
		nm_json_obj_end(j);
		break;
	}
}
