/*
 * util.c - arena, vectors, buffers, strings, numbers, file reading.
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

int
nm_seterr(struct nm_error *e, enum nm_err code, const char *fmt, ...)
{
	va_list ap;

	if (e != NULL) {
		e->code = code;
		va_start(ap, fmt);
		vsnprintf(e->msg, sizeof(e->msg), fmt, ap);
		va_end(ap);
	}
	return -1;
}

static void
oom(void)
{
	fputs("netmin: out of memory\n", stderr);
	abort();
}

void *
nm_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		oom();
	return p;
}

void *
nm_xcalloc(size_t n, size_t sz)
{
	void *p = calloc(n ? n : 1, sz ? sz : 1);

	if (p == NULL)
		oom();
	return p;
}

void *
nm_xrealloc(void *p, size_t n, size_t sz)
{
	if (sz != 0 && n > SIZE_MAX / sz)
		oom();
	p = realloc(p, n * sz != 0 ? n * sz : 1);
	if (p == NULL)
		oom();
	return p;
}

char *
nm_xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;

	return memcpy(nm_xmalloc(n), s, n);
}

/* Arena blocks: big requests get a block of their own. */
struct nm_arena_block {
	struct nm_arena_block	*next;
	size_t			 used, size;
	max_align_t		 data[];
};

#define ARENA_BLOCK (64 * 1024)

void *
nm_aalloc(struct nm_arena *a, size_t n)
{
	struct nm_arena_block *b = a->head;
	size_t al = sizeof(max_align_t);
	char *p;

	n = (n + al - 1) / al * al;
	if (n == 0)
		n = al;
	if (b == NULL || b->size - b->used < n) {
		size_t size = n > ARENA_BLOCK ? n : ARENA_BLOCK;

		b = nm_xmalloc(sizeof(*b) + size);
		b->used = 0;
		b->size = size;
		/* Keep the fuller block at the head only if the new one is big. */
		if (a->head != NULL && n > ARENA_BLOCK) {
			b->next = a->head->next;
			a->head->next = b;
		} else {
			b->next = a->head;
			a->head = b;
		}
	}
	p = (char *)b->data + b->used;
	b->used += n;
	memset(p, 0, n);
	return p;
}

char *
nm_astrndup(struct nm_arena *a, const char *s, size_t n)
{
	char *p = nm_aalloc(a, n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
nm_astrdup(struct nm_arena *a, const char *s)
{
	return s == NULL ? NULL : nm_astrndup(a, s, strlen(s));
}

char *
nm_asprintf(struct nm_arena *a, const char *fmt, ...)
{
	va_list ap;
	int n;
	char *p;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		n = 0;
	p = nm_aalloc(a, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

void
nm_afree(struct nm_arena *a)
{
	struct nm_arena_block *b, *next;

	for (b = a->head; b != NULL; b = next) {
		next = b->next;
		free(b);
	}
	a->head = NULL;
}

void
nm_vec_grow(void **v, size_t *cap, size_t need, size_t elsize)
{
	size_t ncap;

	if (need <= *cap)
		return;
	ncap = *cap ? *cap * 2 : 16;
	while (ncap < need)
		ncap *= 2;
	*v = nm_xrealloc(*v, ncap, elsize);
	memset((char *)*v + *cap * elsize, 0, (ncap - *cap) * elsize);
	*cap = ncap;
}

void
nm_buf_add(struct nm_buf *b, const void *p, size_t n)
{
	if (b->flush != NULL && b->len >= NM_BUF_FLUSH_AT)
		b->flush(b);
	if (b->len + n + 1 > b->cap) {
		size_t ncap = b->cap ? b->cap : 256;

		while (ncap < b->len + n + 1)
			ncap *= 2;
		b->s = nm_xrealloc(b->s, ncap, 1);
		b->cap = ncap;
	}
	if (n)
		memcpy(b->s + b->len, p, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void
nm_buf_puts(struct nm_buf *b, const char *s)
{
	nm_buf_add(b, s, strlen(s));
}

void
nm_buf_putc(struct nm_buf *b, int c)
{
	char ch = (char)c;

	nm_buf_add(b, &ch, 1);
}

void
nm_buf_vprintf(struct nm_buf *b, const char *fmt, va_list ap)
{
	va_list ap2;
	int n;

	va_copy(ap2, ap);
	n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n <= 0)
		return;
	nm_buf_add(b, NULL, 0);
	if (b->len + (size_t)n + 1 > b->cap) {
		size_t ncap = b->cap;

		while (ncap < b->len + (size_t)n + 1)
			ncap *= 2;
		b->s = nm_xrealloc(b->s, ncap, 1);
		b->cap = ncap;
	}
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void
nm_buf_printf(struct nm_buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	nm_buf_vprintf(b, fmt, ap);
	va_end(ap);
}

void
nm_buf_reset(struct nm_buf *b)
{
	b->len = 0;
	if (b->s)
		b->s[0] = '\0';
}

void
nm_buf_free(struct nm_buf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}

bool
nm_strneq_ci(const char *a, const char *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (tolower((unsigned char)a[i]) != tolower((unsigned char)b[i]))
			return false;
		if (a[i] == '\0')
			return true;
	}
	return true;
}

bool
nm_streq_ci(const char *a, const char *b)
{
	size_t la = strlen(a);

	return la == strlen(b) && nm_strneq_ci(a, b, la);
}

bool
nm_startswith(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

bool
nm_endswith(const char *s, const char *suffix)
{
	size_t ls = strlen(s), lx = strlen(suffix);

	return ls >= lx && memcmp(s + ls - lx, suffix, lx) == 0;
}

size_t
nm_strlcpy(char *dst, const char *src, size_t size)
{
	size_t n = strlen(src);

	if (size) {
		size_t c = n >= size ? size - 1 : n;

		memcpy(dst, src, c);
		dst[c] = '\0';
	}
	return n;
}

const char *
nm_skipws(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	return s;
}

size_t
nm_tokenize(const char *line, size_t len, struct nm_tok *out, size_t max)
{
	size_t i = 0, n = 0;

	while (i < len && n < max) {
		while (i < len && (line[i] == ' ' || line[i] == '\t' ||
		    line[i] == '\r' || line[i] == '\n'))
			i++;
		if (i >= len)
			break;
		out[n].s = line + i;
		while (i < len && line[i] != ' ' && line[i] != '\t' &&
		    line[i] != '\r' && line[i] != '\n')
			i++;
		out[n].len = (size_t)(line + i - out[n].s);
		n++;
	}
	return n;
}

bool
nm_tok_eq(const struct nm_tok *t, const char *s)
{
	return strlen(s) == t->len && memcmp(t->s, s, t->len) == 0;
}

bool
nm_tok_eq_ci(const struct nm_tok *t, const char *s)
{
	return strlen(s) == t->len && nm_strneq_ci(t->s, s, t->len);
}

int
nm_parse_ll(const char *s, size_t len, long long min, long long max,
    long long *out)
{
	long long v = 0;
	bool neg = false;
	size_t i = 0;

	if (len == 0)
		return -1;
	if (s[0] == '-' || s[0] == '+') {
		neg = s[0] == '-';
		if (++i == len)
			return -1;
	}
	for (; i < len; i++) {
		int d;

		if (s[i] < '0' || s[i] > '9')
			return -1;
		d = s[i] - '0';
		if (v > (LLONG_MAX - d) / 10)
			return -1;
		v = v * 10 + d;
	}
	if (neg)
		v = -v;
	if (v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

int
nm_parse_int(const char *s, size_t len, int min, int max, int *out)
{
	long long v;

	if (nm_parse_ll(s, len, min, max, &v) != 0)
		return -1;
	*out = (int)v;
	return 0;
}

int
nm_read_file(const char *path, size_t limit, struct nm_buf *out,
    struct nm_error *err)
{
	FILE *f;
	char chunk[65536];
	size_t n;
	bool is_stdin = strcmp(path, "-") == 0;

	f = is_stdin ? stdin : fopen(path, "rb");
	if (f == NULL)
		return nm_seterr(err, NM_ERR_IO, "cannot open %s: %s", path,
		    strerror(errno));
	nm_buf_reset(out);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		if (out->len + n > limit) {
			if (!is_stdin)
				fclose(f);
			return nm_seterr(err, NM_ERR_INPUT,
			    "%s: larger than %zu MiB, refusing to read it",
			    path, limit >> 20);
		}
		nm_buf_add(out, chunk, n);
	}
	if (ferror(f)) {
		int e = errno;

		if (!is_stdin)
			fclose(f);
		return nm_seterr(err, NM_ERR_IO, "cannot read %s: %s", path,
		    strerror(e));
	}
	if (!is_stdin)
		fclose(f);
	nm_buf_add(out, NULL, 0);	/* always NUL-terminated */
	return 0;
}
