/*
 * journal.c - the undo log: records, their line format with a CRC, durable
 * appends, a strict reader that skips torn lines, and the apply/undo
 * protocol summary.  See journal.h and doc/json.md (netmin.journal/1).
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "compat_fs.h"
#include "journal.h"

/* ------------------------------------------------------------------ */
/* CRC-32 (IEEE 802.3, reflected, as zlib and PNG use it) and base64    */

uint32_t
nm_crc32(const void *data, size_t len)
{
	static uint32_t table[256];
	static bool init;
	const unsigned char *p = data;
	uint32_t c = 0xffffffffu;
	size_t i;

	if (!init) {
		for (i = 0; i < 256; i++) {
			uint32_t v = (uint32_t)i;
			int k;

			for (k = 0; k < 8; k++)
				v = (v & 1) ? 0xedb88320u ^ (v >> 1) : v >> 1;
			table[i] = v;
		}
		init = true;
	}
	for (i = 0; i < len; i++)
		c = table[(c ^ p[i]) & 0xff] ^ (c >> 8);
	return c ^ 0xffffffffu;
}

static const char b64[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

void
nm_base64_encode(struct nm_buf *out, const void *data, size_t len)
{
	const unsigned char *p = data;
	size_t i;
	char q[4];

	for (i = 0; i + 2 < len; i += 3) {
		q[0] = b64[p[i] >> 2];
		q[1] = b64[((p[i] & 3) << 4) | (p[i + 1] >> 4)];
		q[2] = b64[((p[i + 1] & 15) << 2) | (p[i + 2] >> 6)];
		q[3] = b64[p[i + 2] & 63];
		nm_buf_add(out, q, 4);
	}
	if (len - i == 1) {
		q[0] = b64[p[i] >> 2];
		q[1] = b64[(p[i] & 3) << 4];
		q[2] = q[3] = '=';
		nm_buf_add(out, q, 4);
	} else if (len - i == 2) {
		q[0] = b64[p[i] >> 2];
		q[1] = b64[((p[i] & 3) << 4) | (p[i + 1] >> 4)];
		q[2] = b64[(p[i + 1] & 15) << 2];
		q[3] = '=';
		nm_buf_add(out, q, 4);
	}
	nm_buf_add(out, NULL, 0);
}

static int
b64val(int c)
{
	const char *p;

	if (c == 0)
		return -1;
	p = strchr(b64, c);
	return p ? (int)(p - b64) : -1;
}

/* Strict: length a multiple of 4, padding only at the end, no spaces. */
int
nm_base64_decode(const char *s, size_t len, struct nm_buf *out)
{
	size_t i;

	nm_buf_reset(out);
	if (len % 4 != 0)
		return -1;
	for (i = 0; i < len; i += 4) {
		int a = b64val(s[i]), b = b64val(s[i + 1]);
		int c = s[i + 2] == '=' ? -2 : b64val(s[i + 2]);
		int d = s[i + 3] == '=' ? -2 : b64val(s[i + 3]);
		unsigned char o[3];

		if (a < 0 || b < 0 || c == -1 || d == -1)
			return -1;
		if ((c == -2 || d == -2) && i + 4 != len)
			return -1;
		if (c == -2 && d != -2)
			return -1;
		o[0] = (unsigned char)((a << 2) | (b >> 4));
		if (c == -2) {
			if (b & 15)
				return -1;	/* non-canonical */
			nm_buf_add(out, o, 1);
			break;
		}
		o[1] = (unsigned char)(((b & 15) << 4) | (c >> 2));
		if (d == -2) {
			if (c & 3)
				return -1;
			nm_buf_add(out, o, 2);
			break;
		}
		o[2] = (unsigned char)(((c & 3) << 6) | d);
		nm_buf_add(out, o, 3);
	}
	nm_buf_add(out, NULL, 0);
	return 0;
}

/* ------------------------------------------------------------------ */
/* Records                                                              */

struct nm_jrec *
nm_jrec_new(struct nm_arena *a, const char *type)
{
	struct nm_jrec *r = nm_aalloc(a, sizeof(*r));

	r->type = nm_astrdup(a, type);
	return r;
}

static struct nm_jfield *
addf(struct nm_arena *a, struct nm_jrec *r, const char *key, int kind)
{
	struct nm_jfield *f;

	if (r->nf == r->capf) {
		size_t cap = r->capf ? r->capf * 2 : 16;
		struct nm_jfield *nf = nm_aalloc(a, cap * sizeof(*nf));

		if (r->nf)
			memcpy(nf, r->f, r->nf * sizeof(*nf));
		r->f = nf;
		r->capf = cap;
	}
	f = &r->f[r->nf++];
	memset(f, 0, sizeof(*f));
	f->key = nm_astrdup(a, key);
	f->kind = (uint8_t)kind;
	return f;
}

void
nm_jrec_str(struct nm_arena *a, struct nm_jrec *r, const char *key,
    const char *val)
{
	if (val == NULL) {
		addf(a, r, key, NM_JF_NULL);
		return;
	}
	addf(a, r, key, NM_JF_STR)->str = nm_astrdup(a, val);
}

void
nm_jrec_int(struct nm_arena *a, struct nm_jrec *r, const char *key,
    long long v)
{
	addf(a, r, key, NM_JF_INT)->num = v;
}

void
nm_jrec_bool(struct nm_arena *a, struct nm_jrec *r, const char *key, bool v)
{
	addf(a, r, key, NM_JF_BOOL)->b = v;
}

void
nm_jrec_list(struct nm_arena *a, struct nm_jrec *r, const char *key,
    const char *const *list, size_t n)
{
	struct nm_jfield *f = addf(a, r, key, NM_JF_LIST);
	size_t i;

	f->list = nm_aalloc(a, (n ? n : 1) * sizeof(*f->list));
	for (i = 0; i < n; i++)
		f->list[i] = nm_astrdup(a, list[i]);
	f->nlist = n;
}

void
nm_jrec_bytes(struct nm_arena *a, struct nm_jrec *r, const char *key,
    const void *data, size_t len)
{
	struct nm_buf b = { 0 };

	nm_base64_encode(&b, data, len);
	addf(a, r, key, NM_JF_STR)->str = nm_astrdup(a, b.s);
	nm_buf_free(&b);
}

const struct nm_jfield *
nm_jrec_get(const struct nm_jrec *r, const char *key)
{
	size_t i;

	for (i = 0; i < r->nf; i++)
		if (strcmp(r->f[i].key, key) == 0)
			return &r->f[i];
	return NULL;
}

const char *
nm_jrec_gets(const struct nm_jrec *r, const char *key)
{
	const struct nm_jfield *f = nm_jrec_get(r, key);

	return f != NULL && f->kind == NM_JF_STR ? f->str : NULL;
}

bool
nm_jrec_geti(const struct nm_jrec *r, const char *key, long long *out)
{
	const struct nm_jfield *f = nm_jrec_get(r, key);

	if (f == NULL || f->kind != NM_JF_INT)
		return false;
	*out = f->num;
	return true;
}

bool
nm_jrec_getb(const struct nm_jrec *r, const char *key, bool dflt)
{
	const struct nm_jfield *f = nm_jrec_get(r, key);

	return f != NULL && f->kind == NM_JF_BOOL ? f->b : dflt;
}

int
nm_jrec_getbytes(struct nm_arena *a, const struct nm_jrec *r,
    const char *key, char **data, size_t *len)
{
	const char *s = nm_jrec_gets(r, key);
	struct nm_buf b = { 0 };

	if (s == NULL || nm_base64_decode(s, strlen(s), &b) != 0) {
		nm_buf_free(&b);
		return -1;
	}
	*len = b.len;
	*data = nm_aalloc(a, b.len + 1);
	if (b.len)
		memcpy(*data, b.s, b.len);
	nm_buf_free(&b);
	return 0;
}

/* JSON string; bytes that are not UTF-8 become U+FFFD (see doc/json.md). */
static void
put_jstr(struct nm_buf *b, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	nm_buf_putc(b, '"');
	while (*p) {
		unsigned c = *p;
		size_t n = 0, k;

		if (c == '"' || c == '\\') {
			nm_buf_putc(b, '\\');
			nm_buf_putc(b, (int)c);
			p++;
			continue;
		}
		if (c < 0x20 || c == 0x7f) {
			switch (c) {
			case '\n': nm_buf_puts(b, "\\n"); break;
			case '\t': nm_buf_puts(b, "\\t"); break;
			case '\r': nm_buf_puts(b, "\\r"); break;
			default: nm_buf_printf(b, "\\u%04x", c); break;
			}
			p++;
			continue;
		}
		if (c < 0x80) {
			nm_buf_putc(b, (int)c);
			p++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf)
			n = 1;
		else if (c >= 0xe0 && c <= 0xef)
			n = 2;
		else if (c >= 0xf0 && c <= 0xf4)
			n = 3;
		for (k = 1; n && k <= n; k++)
			if ((p[k] & 0xc0) != 0x80)
				n = 0;
		/* overlongs, surrogates and > U+10FFFF */
		if (n == 2 && ((c == 0xe0 && p[1] < 0xa0) ||
		    (c == 0xed && p[1] >= 0xa0)))
			n = 0;
		if (n == 3 && ((c == 0xf0 && p[1] < 0x90) ||
		    (c == 0xf4 && p[1] >= 0x90)))
			n = 0;
		if (n == 0) {
			nm_buf_puts(b, "\\ufffd");
			p++;
			continue;
		}
		nm_buf_add(b, p, n + 1);
		p += n + 1;
	}
	nm_buf_putc(b, '"');
}

void
nm_jrec_format(const struct nm_jrec *r, struct nm_buf *b)
{
	size_t start = b->len, i, k;

	nm_buf_puts(b, "{\"t\":");
	put_jstr(b, r->type);
	for (i = 0; i < r->nf; i++) {
		const struct nm_jfield *f = &r->f[i];

		nm_buf_putc(b, ',');
		put_jstr(b, f->key);
		nm_buf_putc(b, ':');
		switch (f->kind) {
		case NM_JF_STR:
			put_jstr(b, f->str);
			break;
		case NM_JF_INT:
			nm_buf_printf(b, "%lld", f->num);
			break;
		case NM_JF_BOOL:
			nm_buf_puts(b, f->b ? "true" : "false");
			break;
		case NM_JF_LIST:
			nm_buf_putc(b, '[');
			for (k = 0; k < f->nlist; k++) {
				if (k)
					nm_buf_putc(b, ',');
				put_jstr(b, f->list[k]);
			}
			nm_buf_putc(b, ']');
			break;
		default:
			nm_buf_puts(b, "null");
			break;
		}
	}
	nm_buf_printf(b, ",\"crc32\":\"%08x\"}\n",
	    (unsigned)nm_crc32(b->s + start, b->len - start));
}

/* ------------------------------------------------------------------ */
/* Writing                                                              */

/* NETMIN_TEST_TEAR_RECORD (journal.h): for the crash tests only. */
static void
test_hook(struct nm_journal *j)
{
	const char *v = getenv("NETMIN_TEST_TEAR_RECORD");
	int n = 0;

	j->nrec = 0;
	j->tear_at = 0;
	if (v != NULL && nm_parse_int(v, strlen(v), 1, 1000000, &n) == 0)
		j->tear_at = (unsigned)n;
}

int
nm_journal_create(struct nm_journal *j, const char *path,
    struct nm_error *err)
{
	if (strlen(path) >= sizeof(j->path))
		return nm_seterr(err, NM_ERR_INPUT, "journal path too long");
	nm_strlcpy(j->path, path, sizeof(j->path));
	test_hook(j);
	j->fd = nm_fs_open(path, NM_FS_CREATE | NM_FS_EXCL | NM_FS_APPEND,
	    0600, err);
	if (j->fd < 0) {
		if (err != NULL && err->code == NM_ERR_INPUT)
			nm_seterr(err, NM_ERR_INPUT, "journal %s already "
			    "exists; choose another with --journal FILE",
			    path);
		return -1;
	}
	/* The new name must survive a crash before any op relies on it. */
	if (nm_fs_sync(j->fd, path, err) != 0 ||
	    nm_fs_sync_dir_of(path, err) != 0) {
		nm_fs_close(j->fd);
		j->fd = -1;
		return -1;
	}
	return 0;
}

/*
 * Reopens for appending.  A torn last line (no newline) is closed with
 * one first, so that the next record starts a line of its own.
 */
int
nm_journal_reopen(struct nm_journal *j, const char *path,
    struct nm_error *err)
{
	long long size;
	char last;

	if (strlen(path) >= sizeof(j->path))
		return nm_seterr(err, NM_ERR_INPUT, "journal path too long");
	nm_strlcpy(j->path, path, sizeof(j->path));
	test_hook(j);
	j->fd = nm_fs_open(path, NM_FS_APPEND | NM_FS_READ, 0600, err);
	if (j->fd < 0)
		return -1;
	size = nm_fs_size(j->fd);
	if (size > 0 && nm_fs_pread(j->fd, &last, 1, size - 1) == 1 &&
	    last != '\n') {
		if (nm_fs_write_all(j->fd, "\n", 1, path, err) != 0 ||
		    nm_fs_sync(j->fd, path, err) != 0) {
			nm_journal_close(j);
			return -1;
		}
	}
	return 0;
}

int
nm_journal_append(struct nm_journal *j, const struct nm_jrec *r,
    struct nm_error *err)
{
	struct nm_buf b = { 0 };
	int rc;

	nm_jrec_format(r, &b);
	if (b.len > NM_JOURNAL_MAXLINE) {
		nm_buf_free(&b);
		return nm_seterr(err, NM_ERR_INPUT, "journal record of %zu "
		    "bytes is too large", b.len);
	}
	if (j->tear_at > 0 && ++j->nrec == j->tear_at) {
		nm_fs_write_all(j->fd, b.s, b.len / 2, j->path, NULL);
		nm_fs_sync(j->fd, j->path, NULL);
		nm_fs_die_now();
	}
	/* One write so a crash tears at most this line. */
	rc = nm_fs_write_all(j->fd, b.s, b.len, j->path, err);
	if (rc == 0)
		rc = nm_fs_sync(j->fd, j->path, err);
	nm_buf_free(&b);
	return rc;
}

void
nm_journal_close(struct nm_journal *j)
{
	if (j->fd >= 0)
		nm_fs_close(j->fd);
	j->fd = -1;
}

/* ------------------------------------------------------------------ */
/* Reading                                                              */

struct rd {
	const char	*p, *end;
	struct nm_arena	*a;
};

static int
hex4(const char *p, unsigned *out)
{
	unsigned v = 0;
	int i;

	for (i = 0; i < 4; i++) {
		int c = p[i];

		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= (unsigned)(c - '0');
		else if (c >= 'a' && c <= 'f')
			v |= (unsigned)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			v |= (unsigned)(c - 'A' + 10);
		else
			return -1;
	}
	*out = v;
	return 0;
}

/* The CRC is written in lower case; one spelling per value. */
static bool
lowerhex(const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!((p[i] >= '0' && p[i] <= '9') || (p[i] >= 'a' && p[i] <= 'f')))
			return false;
	return true;
}

static void
put_utf8(struct nm_buf *b, unsigned cp)
{
	unsigned char o[4];

	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		nm_buf_add(b, o, 1);
	} else if (cp < 0x800) {
		o[0] = (unsigned char)(0xc0 | (cp >> 6));
		o[1] = (unsigned char)(0x80 | (cp & 0x3f));
		nm_buf_add(b, o, 2);
	} else if (cp < 0x10000) {
		o[0] = (unsigned char)(0xe0 | (cp >> 12));
		o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
		o[2] = (unsigned char)(0x80 | (cp & 0x3f));
		nm_buf_add(b, o, 3);
	} else {
		o[0] = (unsigned char)(0xf0 | (cp >> 18));
		o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3f));
		o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
		o[3] = (unsigned char)(0x80 | (cp & 0x3f));
		nm_buf_add(b, o, 4);
	}
}

/* A JSON string; the CRC already vouched for the bytes, this checks form. */
static const char *
rd_str(struct rd *r)
{
	struct nm_buf b = { 0 };
	const char *out;

	if (r->p >= r->end || *r->p != '"')
		return NULL;
	r->p++;
	for (;;) {
		unsigned char c;

		if (r->p >= r->end)
			goto bad;
		c = (unsigned char)*r->p++;
		if (c == '"')
			break;
		if (c < 0x20)
			goto bad;
		if (c != '\\') {
			nm_buf_putc(&b, c);
			continue;
		}
		if (r->p >= r->end)
			goto bad;
		c = (unsigned char)*r->p++;
		switch (c) {
		case '"': case '\\': case '/':
			nm_buf_putc(&b, c);
			break;
		case 'n': nm_buf_putc(&b, '\n'); break;
		case 't': nm_buf_putc(&b, '\t'); break;
		case 'r': nm_buf_putc(&b, '\r'); break;
		case 'b': nm_buf_putc(&b, '\b'); break;
		case 'f': nm_buf_putc(&b, '\f'); break;
		case 'u': {
			unsigned cp, lo;

			if (r->end - r->p < 4 || hex4(r->p, &cp) != 0)
				goto bad;
			r->p += 4;
			if (cp >= 0xd800 && cp <= 0xdbff) {
				if (r->end - r->p < 6 || r->p[0] != '\\' ||
				    r->p[1] != 'u' || hex4(r->p + 2, &lo) != 0 ||
				    lo < 0xdc00 || lo > 0xdfff)
					goto bad;
				r->p += 6;
				cp = 0x10000 + ((cp - 0xd800) << 10) +
				    (lo - 0xdc00);
			} else if (cp >= 0xdc00 && cp <= 0xdfff) {
				goto bad;
			}
			if (cp == 0)
				goto bad;	/* no embedded NULs */
			put_utf8(&b, cp);
			break;
		}
		default:
			goto bad;
		}
	}
	nm_buf_add(&b, NULL, 0);
	out = nm_astrndup(r->a, b.s, b.len);
	nm_buf_free(&b);
	return out;
bad:
	nm_buf_free(&b);
	return NULL;
}

static bool
rd_lit(struct rd *r, const char *lit)
{
	size_t n = strlen(lit);

	if ((size_t)(r->end - r->p) < n || memcmp(r->p, lit, n) != 0)
		return false;
	r->p += n;
	return true;
}

static int
rd_value(struct rd *r, struct nm_jfield *f)
{
	if (r->p >= r->end)
		return -1;
	if (*r->p == '"') {
		f->kind = NM_JF_STR;
		f->str = rd_str(r);
		return f->str ? 0 : -1;
	}
	if (rd_lit(r, "true")) {
		f->kind = NM_JF_BOOL;
		f->b = true;
		return 0;
	}
	if (rd_lit(r, "false")) {
		f->kind = NM_JF_BOOL;
		return 0;
	}
	if (rd_lit(r, "null")) {
		f->kind = NM_JF_NULL;
		return 0;
	}
	if (*r->p == '[') {
		NM_VEC(const char *) v = { 0 };

		r->p++;
		f->kind = NM_JF_LIST;
		if (r->p < r->end && *r->p == ']') {
			r->p++;
		} else {
			for (;;) {
				const char *s = rd_str(r);

				if (s == NULL || v.n >= 1000000) {
					NM_VEC_FREE(&v);
					return -1;
				}
				*NM_VEC_PUSH(&v) = s;
				if (r->p < r->end && *r->p == ',') {
					r->p++;
					continue;
				}
				if (r->p < r->end && *r->p == ']') {
					r->p++;
					break;
				}
				NM_VEC_FREE(&v);
				return -1;
			}
		}
		f->nlist = v.n;
		f->list = nm_aalloc(r->a, (v.n ? v.n : 1) * sizeof(*f->list));
		if (v.n)
			memcpy(f->list, v.v, v.n * sizeof(*f->list));
		NM_VEC_FREE(&v);
		return 0;
	}
	if (*r->p == '-' || (*r->p >= '0' && *r->p <= '9')) {
		const char *s = r->p;

		if (*r->p == '-')
			r->p++;
		while (r->p < r->end && *r->p >= '0' && *r->p <= '9')
			r->p++;
		f->kind = NM_JF_INT;
		return nm_parse_ll(s, (size_t)(r->p - s), LLONG_MIN, LLONG_MAX,
		    &f->num);
	}
	return -1;
}

/*
 * One line without its newline.  Returns 0 and fills rec, or -1 when the
 * line is torn or damaged.
 */
static int
parse_line(struct nm_arena *a, const char *s, size_t len, struct nm_jrec *rec)
{
	static const char tag[] = ",\"crc32\":\"";
	const size_t taglen = sizeof(tag) - 1, sufflen = taglen + 8 + 2;
	const char *body_end;
	struct rd r;
	unsigned hi, lo;
	uint32_t want;
	const char *type;

	memset(rec, 0, sizeof(*rec));
	if (len < sufflen + 6 || s[0] != '{' || s[len - 1] != '}' ||
	    s[len - 2] != '"')
		return -1;
	body_end = s + len - sufflen;
	if (memcmp(body_end, tag, taglen) != 0 ||
	    !lowerhex(body_end + taglen, 8) ||
	    hex4(body_end + taglen, &hi) != 0 ||
	    hex4(body_end + taglen + 4, &lo) != 0)
		return -1;
	want = (uint32_t)hi << 16 | lo;
	if (nm_crc32(s, (size_t)(body_end - s)) != want)
		return -1;

	r.p = s + 1;
	r.end = body_end;
	r.a = a;
	if (!rd_lit(&r, "\"t\":") || (type = rd_str(&r)) == NULL)
		return -1;
	rec->type = type;
	while (r.p < r.end) {
		struct nm_jfield fld = { 0 };
		const char *key;

		if (*r.p != ',' || rec->nf >= 4096)
			return -1;
		r.p++;
		if ((key = rd_str(&r)) == NULL || !rd_lit(&r, ":") ||
		    rd_value(&r, &fld) != 0)
			return -1;
		fld.key = key;
		if (rec->nf == rec->capf) {
			size_t cap = rec->capf ? rec->capf * 2 : 16;
			struct nm_jfield *nf = nm_aalloc(a, cap * sizeof(*nf));

			if (rec->nf)
				memcpy(nf, rec->f, rec->nf * sizeof(*nf));
			rec->f = nf;
			rec->capf = cap;
		}
		rec->f[rec->nf++] = fld;
	}
	return 0;
}

int
nm_journal_parse(struct nm_journal_log *log, const char *data, size_t len,
    struct nm_error *err)
{
	size_t off = 0;
	int line = 0;

	memset(log, 0, sizeof(*log));
	while (off < len) {
		const char *nl = memchr(data + off, '\n', len - off);
		size_t n = nl ? (size_t)(nl - (data + off)) : len - off;
		struct nm_jrec rec;

		line++;
		if (nl == NULL)
			log->torn_tail = true;
		if (n == 0 && nl != NULL) {
			off++;
			continue;	/* the newline closing a torn line */
		}
		if (nl == NULL || memchr(data + off, '\0', n) != NULL ||
		    parse_line(&log->arena, data + off, n, &rec) != 0) {
			log->nbad++;
			if (log->first_bad == 0)
				log->first_bad = line;
		} else {
			rec.line = line;
			*NM_VEC_PUSH(&log->rec) = rec;
		}
		off += n + (nl ? 1 : 0);
	}
	if (log->rec.n == 0 || strcmp(log->rec.v[0].type, "begin") != 0 ||
	    nm_jrec_gets(&log->rec.v[0], "schema") == NULL ||
	    strcmp(nm_jrec_gets(&log->rec.v[0], "schema"),
	    NM_JOURNAL_SCHEMA) != 0)
		return nm_seterr(err, NM_ERR_INPUT, "not a %s file (no valid "
		    "\"begin\" record on its first line)", NM_JOURNAL_SCHEMA);
	if (log->rec.v[0].line != 1)
		return nm_seterr(err, NM_ERR_INPUT, "line 1 is damaged: not "
		    "a usable %s file", NM_JOURNAL_SCHEMA);
	return 0;
}

int
nm_journal_load(struct nm_journal_log *log, const char *path,
    struct nm_error *err)
{
	struct nm_buf b = { 0 };
	int rc;

	memset(log, 0, sizeof(*log));
	if (nm_read_file(path, NM_JOURNAL_MAXLINE * 4u, &b, err) != 0) {
		nm_buf_free(&b);
		return -1;
	}
	rc = nm_journal_parse(log, b.s, b.len, err);
	if (rc != 0 && err != NULL) {
		char msg[sizeof(err->msg)];

		nm_strlcpy(msg, err->msg, sizeof(msg));
		nm_seterr(err, NM_ERR_INPUT, "%s: %s", path, msg);
	}
	nm_buf_free(&b);
	return rc;
}

void
nm_journal_log_free(struct nm_journal_log *log)
{
	NM_VEC_FREE(&log->rec);
	nm_afree(&log->arena);
}

/* ------------------------------------------------------------------ */
/* The apply/undo protocol                                              */

const char *
nm_japply_name(int s)
{
	switch (s) {
	case NM_JA_COMPLETE: return "complete";
	case NM_JA_FAILED: return "failed";
	default: return "interrupted";
	}
}

const char *
nm_jundo_name(int s)
{
	switch (s) {
	case NM_JU_INTERRUPTED: return "interrupted";
	case NM_JU_COMPLETE: return "complete";
	case NM_JU_INCOMPLETE: return "incomplete";
	default: return "none";
	}
}

#define NM_JMAXOPS 100000

int
nm_journal_summarize(struct nm_journal_log *log,
    struct nm_journal_summary *s, struct nm_error *err)
{
	size_t i;
	long long n, maxop = 0;

	memset(s, 0, sizeof(*s));
	s->planned = -1;
	s->begin = &log->rec.v[0];
	if (nm_jrec_geti(s->begin, "ops", &n) && n >= 0 && n <= NM_JMAXOPS)
		s->planned = n;
	/* Ops are numbered 1..N; the highest number sizes the table. */
	for (i = 1; i < log->rec.n; i++) {
		const struct nm_jrec *r = &log->rec.v[i];

		if (nm_jrec_geti(r, "i", &n)) {
			if (n < 1 || n > NM_JMAXOPS)
				return nm_seterr(err, NM_ERR_INPUT,
				    "line %d: op number %lld out of range",
				    r->line, n);
			if (n > maxop)
				maxop = n;
		}
	}
	s->nops = (size_t)maxop;
	s->ops = nm_aalloc(&log->arena, (s->nops ? s->nops : 1) *
	    sizeof(*s->ops));
	s->apply = NM_JA_INTERRUPTED;
	s->undo = NM_JU_NONE;
	for (i = 1; i < log->rec.n; i++) {
		const struct nm_jrec *r = &log->rec.v[i];
		struct nm_jop *op = NULL;
		const char *res;

		if (nm_jrec_geti(r, "i", &n))
			op = &s->ops[n - 1];
		res = nm_jrec_gets(r, "result");
		if (strcmp(r->type, "op") == 0 && op != NULL) {
			if (op->op != NULL)
				return nm_seterr(err, NM_ERR_INPUT,
				    "line %d: op %lld recorded twice",
				    r->line, n);
			op->op = r;
			op->state = NM_JOP_STARTED;
		} else if (strcmp(r->type, "done") == 0 && op != NULL &&
		    op->op != NULL) {
			op->state = NM_JOP_DONE;
		} else if (strcmp(r->type, "fail") == 0 && op != NULL &&
		    op->op != NULL) {
			op->state = NM_JOP_FAILED;
			op->fail_msg = nm_jrec_gets(r, "message");
		} else if (strcmp(r->type, "end") == 0) {
			s->apply = res != NULL && strcmp(res, "complete") == 0 ?
			    NM_JA_COMPLETE : NM_JA_FAILED;
		} else if (strcmp(r->type, "undo-begin") == 0) {
			s->undo = NM_JU_INTERRUPTED;
		} else if (strcmp(r->type, "undone") == 0 && op != NULL) {
			op->undone = res != NULL &&
			    (strcmp(res, "restored") == 0 ||
			    strcmp(res, "unchanged") == 0);
		} else if (strcmp(r->type, "undo-end") == 0) {
			s->undo = res != NULL && strcmp(res, "complete") == 0 ?
			    NM_JU_COMPLETE : NM_JU_INCOMPLETE;
		}
		/* Unknown types are from a newer netmin: ignored. */
	}
	/*
	 * An action's ops are all recorded before the first runs, and run in
	 * order until one fails: an op whose predecessor in the same action
	 * has no "done" never ran.
	 */
	for (i = 1; i < s->nops; i++) {
		struct nm_jop *op = &s->ops[i], *prev = &s->ops[i - 1];
		long long g1, g2;

		if (op->state == NM_JOP_STARTED && prev->op != NULL &&
		    prev->state != NM_JOP_DONE &&
		    nm_jrec_geti(op->op, "group", &g1) &&
		    nm_jrec_geti(prev->op, "group", &g2) && g1 == g2)
			op->state = NM_JOP_RECORDED;
	}
	return 0;
}

/*
 * Unfinished: the host may be between two states.  An apply that ran to
 * its end is finished (its undo stays possible); so is one fully undone.
 */
bool
nm_journal_unfinished(const struct nm_journal_summary *s)
{
	if (s->undo == NM_JU_COMPLETE)
		return false;
	if (s->undo == NM_JU_INTERRUPTED || s->undo == NM_JU_INCOMPLETE)
		return true;
	return s->apply != NM_JA_COMPLETE;
}
