/*
 * json.h - reading JSON documents (plans, journals, saved rpcdump output)
 * into a tree of values allocated in an arena.  The writer lives in out.h
 * (nm_json_*); reader values are nm_jv.
 *
 * The reader is strict RFC 8259: one value of any type at the top, no
 * comments, no trailing commas, no NaN/Infinity, no single quotes.  Strings
 * must be valid UTF-8; \uXXXX escapes (surrogate pairs included) are decoded
 * to UTF-8, and a lone surrogate escape is an error.  A UTF-8 byte order
 * mark at the start is skipped (PowerShell 5 writes one); UTF-16 is refused
 * with a message that says so.  Duplicate keys in one object are an error:
 * a plan with two "actions" is ambiguous, and guessing is worse than
 * refusing.
 *
 * Limits keep hostile input bounded: NM_JV_MAX_BYTES of text,
 * NM_JV_MAX_DEPTH nested arrays/objects, NM_JV_MAX_NODES values.
 *
 * Errors: nm_json_parse() returns NULL with err->code NM_ERR_INPUT and
 * err->msg "LINE:COL: message" (1-based; the column counts characters), so
 * a caller prints "netmin: FILE:%s".  Every value remembers where it began
 * (line, col) for later semantic errors ("plan.json:12:7: unknown action").
 */
#ifndef NETMIN_JSON_H
#define NETMIN_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util.h"

#define NM_JV_MAX_BYTES ((size_t)16 << 20)
#define NM_JV_MAX_DEPTH 128
#define NM_JV_MAX_NODES ((size_t)1 << 20)

enum nm_jv_type {
	NM_JV_NULL = 0,
	NM_JV_BOOL,
	NM_JV_NUM,
	NM_JV_STR,
	NM_JV_ARR,
	NM_JV_OBJ
};

struct nm_jv {
	uint8_t		 type;		/* enum nm_jv_type */
	bool		 b;		/* NM_JV_BOOL */
	bool		 is_int;	/* NUM written as an integer that fits */
	int		 line, col;	/* where the value starts, 1-based */
	long long	 i;		/* NUM when is_int */
	double		 d;		/* NUM, always (rounded when is_int) */
	const char	*s;		/* STR: UTF-8, NUL-terminated */
	size_t		 n;		/* STR: bytes; ARR/OBJ: elements */
	struct nm_jv	**items;	/* ARR values, OBJ values */
	struct nm_jv	**keys;		/* OBJ keys (STR values), same order */
};

/*
 * Parses text[0..len) (need not be NUL-terminated).  All values live in
 * the arena and go with it.  Returns the top value, or NULL and err.
 */
struct nm_jv *nm_json_parse(const char *text, size_t len, struct nm_arena *,
	    struct nm_error *);

const char *nm_jv_type_name(int type);

/* Navigation; every function accepts NULL and answers "absent". */
struct nm_jv *nm_jv_get(const struct nm_jv *obj, const char *key);
size_t	 nm_jv_len(const struct nm_jv *);	/* ARR/OBJ elements, else 0 */
struct nm_jv *nm_jv_at(const struct nm_jv *, size_t i);	/* ARR or OBJ value */
const char *nm_jv_key(const struct nm_jv *obj, size_t i);

/*
 * Typed reads with a default for absent or wrong-typed values.
 * nm_jv_str answers def for a string holding U+0000 (not a C string).
 * nm_jv_int takes integers, and other numbers only when they are exactly
 * integral and fit (1e3 yes, 1.5 no).
 */
const char *nm_jv_str(const struct nm_jv *, const char *def);
long long nm_jv_int(const struct nm_jv *, long long def);
double	 nm_jv_num(const struct nm_jv *, double def);
bool	 nm_jv_bool(const struct nm_jv *, bool def);
bool	 nm_jv_is_null(const struct nm_jv *);	/* JSON null, not absent */
bool	 nm_jv_is(const struct nm_jv *, int type);

/*
 * Strict reads of an object member for document loaders: absent or
 * wrong-typed members are an NM_ERR_INPUT error "LINE:COL: "key" must be a
 * string, not a number" (position of the value, or of the object when the
 * key is missing).  Return 0 or -1.
 */
struct nm_jv *nm_jv_want(const struct nm_jv *obj, const char *key, int type,
	    struct nm_error *);
int	 nm_jv_want_str(const struct nm_jv *obj, const char *key,
	    const char **out, struct nm_error *);
int	 nm_jv_want_int(const struct nm_jv *obj, const char *key,
	    long long min, long long max, long long *out, struct nm_error *);
int	 nm_jv_want_bool(const struct nm_jv *obj, const char *key, bool *out,
	    struct nm_error *);

/* Writes v with the out.h writer (round trip: parse, write, parse). */
struct nm_json;
void	 nm_jv_write(struct nm_json *, const struct nm_jv *);

/* Deep equality: same types, numbers, strings, order of members. */
bool	 nm_jv_equal(const struct nm_jv *, const struct nm_jv *);

#endif /* NETMIN_JSON_H */
