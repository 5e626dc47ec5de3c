/*
 * util.h - arena, growable vectors and buffers, error values, safe number
 * parsing.  Nothing here prints; errors travel as enum nm_err plus a message
 * in struct nm_error for the caller (a cmd_*.c file) to show.
 */
#ifndef NETMIN_UTIL_H
#define NETMIN_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* mingw's C99 printf is gnu_printf, not the msvcrt "printf" archetype. */
#if defined(__MINGW_PRINTF_FORMAT)
#define NM_PRINTF(f, a) __attribute__((format(__MINGW_PRINTF_FORMAT, f, a)))
#elif defined(__GNUC__) || defined(__clang__)
#define NM_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define NM_PRINTF(f, a)
#endif

#define NM_NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* Error values returned by library layers; 0 is success. */
enum nm_err {
	NM_OK = 0,
	NM_ERR_USAGE,		/* bad arguments: exit 2 */
	NM_ERR_INPUT,		/* input we cannot use: exit 2 */
	NM_ERR_NOMEM,
	NM_ERR_IO,
	NM_ERR_SYS,		/* OS call failed */
	NM_ERR_PERM,		/* needs privileges */
	NM_ERR_NET,		/* network peer misbehaved or timed out */
	NM_ERR_UNSUPPORTED
};

/* Where a library layer writes its one-line message ("cannot open x: ..."). */
struct nm_error {
	enum nm_err	 code;
	char		 msg[512];
};

int	 nm_seterr(struct nm_error *, enum nm_err, const char *fmt, ...)
	     NM_PRINTF(3, 4);

/* Arena: a chain of blocks freed at once. */
struct nm_arena_block;
struct nm_arena {
	struct nm_arena_block *head;
};

void	*nm_aalloc(struct nm_arena *, size_t);	/* zeroed; aborts on OOM */
char	*nm_astrdup(struct nm_arena *, const char *);
char	*nm_astrndup(struct nm_arena *, const char *, size_t);
char	*nm_asprintf(struct nm_arena *, const char *fmt, ...) NM_PRINTF(2, 3);
void	 nm_afree(struct nm_arena *);

/* Allocation that aborts with a message on exhaustion (like xmalloc). */
void	*nm_xmalloc(size_t);
void	*nm_xcalloc(size_t, size_t);
void	*nm_xrealloc(void *, size_t, size_t);
char	*nm_xstrdup(const char *);

/*
 * Growable vector of any type:  NM_VEC(struct foo) v;  NM_VEC_PUSH(&v)
 * returns a pointer to a new zeroed slot.
 */
#define NM_VEC(T) struct { T *v; size_t n, cap; }
#define NM_VEC_PUSH(vec) \
	(nm_vec_grow((void **)&(vec)->v, &(vec)->cap, (vec)->n + 1, \
	    sizeof(*(vec)->v)), \
	 &(vec)->v[(vec)->n++])
#define NM_VEC_FREE(vec) \
	do { free((vec)->v); (vec)->v = NULL; (vec)->n = (vec)->cap = 0; } \
	while (0)
void	 nm_vec_grow(void **, size_t *cap, size_t need, size_t elsize);

/*
 * Growable NUL-terminated byte buffer.  A buffer with a flush hook is a
 * stream: once it holds NM_BUF_FLUSH_AT bytes, the next add hands them to
 * flush (which empties it), so large output needs no large memory.
 */
struct nm_buf {
	char	*s;
	size_t	 len, cap;
	void	(*flush)(struct nm_buf *);
	void	*flush_arg;
};
#define NM_BUF_FLUSH_AT (64 * 1024)
void	 nm_buf_add(struct nm_buf *, const void *, size_t);
void	 nm_buf_puts(struct nm_buf *, const char *);
void	 nm_buf_putc(struct nm_buf *, int);
void	 nm_buf_printf(struct nm_buf *, const char *fmt, ...) NM_PRINTF(2, 3);
void	 nm_buf_vprintf(struct nm_buf *, const char *fmt, va_list);
void	 nm_buf_reset(struct nm_buf *);
void	 nm_buf_free(struct nm_buf *);

/* Strings. */
bool	 nm_streq_ci(const char *, const char *);
bool	 nm_strneq_ci(const char *, const char *, size_t);
bool	 nm_startswith(const char *, const char *);
bool	 nm_endswith(const char *, const char *);
size_t	 nm_strlcpy(char *, const char *, size_t);
const char *nm_skipws(const char *);

/* Tokens: a view into a line. */
struct nm_tok {
	const char	*s;
	size_t		 len;
};
size_t	 nm_tokenize(const char *line, size_t len, struct nm_tok *out,
	     size_t max);
bool	 nm_tok_eq(const struct nm_tok *, const char *);
bool	 nm_tok_eq_ci(const struct nm_tok *, const char *);

/*
 * Numbers: the whole of s[0..len) must be a decimal in [min, max].
 * Returns 0 and sets *out, or -1.
 */
int	 nm_parse_ll(const char *s, size_t len, long long min, long long max,
	     long long *out);
int	 nm_parse_int(const char *s, size_t len, int min, int max, int *out);

/* Files: read all of a file up to limit bytes ("-" is stdin). */
int	 nm_read_file(const char *path, size_t limit, struct nm_buf *out,
	     struct nm_error *);

#endif /* NETMIN_UTIL_H */
