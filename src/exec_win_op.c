/*
 * exec_win_op.c - the portable half of the Windows executors (see
 * exec_win.h): descriptions, the no-op test, journal fields, registry
 * paths and data.  No system calls, so the unit tests run it everywhere.
 */
#include <stdlib.h>
#include <string.h>

#include "exec_win.h"
#include "src_win.h"

bool
nm_win_op_is(int kind)
{
	return kind >= NM_OP_SVC_STOP && kind <= NM_OP_REG_KEY_CREATE;
}

/* ---- names ------------------------------------------------------------ */

static const struct {
	const char	*name;
	int		 hive;
} hives[] = {
	{ "HKLM", NM_HIVE_HKLM },
	{ "HKEY_LOCAL_MACHINE", NM_HIVE_HKLM },
	{ "HKCU", NM_HIVE_HKCU },
	{ "HKEY_CURRENT_USER", NM_HIVE_HKCU },
	{ "HKU", NM_HIVE_HKU },
	{ "HKEY_USERS", NM_HIVE_HKU },
	{ "HKCR", NM_HIVE_HKCR },
	{ "HKEY_CLASSES_ROOT", NM_HIVE_HKCR },
	{ "HKCC", NM_HIVE_HKCC },
	{ "HKEY_CURRENT_CONFIG", NM_HIVE_HKCC },
};

int
nm_win_hive(const char *key, const char **sub)
{
	size_t i, n;

	*sub = NULL;
	if (key == NULL)
		return NM_HIVE_NONE;
	n = strcspn(key, "\\");
	for (i = 0; i < NM_NELEM(hives); i++) {
		if (strlen(hives[i].name) != n ||
		    !nm_strneq_ci(key, hives[i].name, n))
			continue;
		*sub = key[n] == '\\' ? key + n + 1 : key + n;
		/* empty path parts would address another key than meant */
		if (strstr(*sub, "\\\\") != NULL || nm_endswith(*sub, "\\") ||
		    (*sub)[0] == '\\')
			return NM_HIVE_NONE;
		return hives[i].hive;
	}
	return NM_HIVE_NONE;
}

const char *
nm_win_hive_name(int hive)
{
	size_t i;

	for (i = 0; i < NM_NELEM(hives); i++)
		if (hives[i].hive == hive)
			return hives[i].name;
	return "?";
}

int
nm_win_start_from_name(const char *s)
{
	static const char *const names[] = { "boot", "system", "auto",
	    "demand", "disabled" };
	size_t i;

	if (s == NULL)
		return -1;
	if (nm_streq_ci(s, "manual"))
		return 3;
	for (i = 0; i < NM_NELEM(names); i++)
		if (nm_streq_ci(s, names[i]))
			return (int)i;
	return -1;
}

int
nm_win_reg_type_from_name(const char *s)
{
	static const uint32_t types[] = { NM_REG_NONE, NM_REG_SZ,
	    NM_REG_EXPAND_SZ, NM_REG_BINARY, NM_REG_DWORD,
	    NM_REG_DWORD_BIG_ENDIAN, NM_REG_LINK, NM_REG_MULTI_SZ,
	    NM_REG_QWORD };
	size_t i;

	if (s == NULL)
		return -1;
	for (i = 0; i < NM_NELEM(types); i++)
		if (nm_streq_ci(s, nm_win_reg_type_name(types[i])))
			return (int)types[i];
	return -1;
}

/* ---- data --------------------------------------------------------------- */

void
nm_win_utf16le(struct nm_buf *b, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	nm_buf_add(b, "", 0);
	while (*p) {
		uint32_t c;
		unsigned char o[4];
		size_t n;

		if (p[0] < 0x80) {
			c = p[0];
			n = 1;
		} else if ((p[0] & 0xe0) == 0xc0 && p[1]) {
			c = (uint32_t)(p[0] & 0x1f) << 6 | (p[1] & 0x3f);
			n = 2;
		} else if ((p[0] & 0xf0) == 0xe0 && p[1] && p[2]) {
			c = (uint32_t)(p[0] & 0x0f) << 12 |
			    (uint32_t)(p[1] & 0x3f) << 6 | (p[2] & 0x3f);
			n = 3;
		} else if ((p[0] & 0xf8) == 0xf0 && p[1] && p[2] && p[3]) {
			c = (uint32_t)(p[0] & 0x07) << 18 |
			    (uint32_t)(p[1] & 0x3f) << 12 |
			    (uint32_t)(p[2] & 0x3f) << 6 | (p[3] & 0x3f);
			n = 4;
		} else {
			c = 0xfffd;	/* not UTF-8: the JSON reader rules it out */
			n = 1;
		}
		p += n;
		if (c >= 0x10000) {
			uint32_t hi = 0xd800 + ((c - 0x10000) >> 10);
			uint32_t lo = 0xdc00 + ((c - 0x10000) & 0x3ff);

			o[0] = (unsigned char)hi;
			o[1] = (unsigned char)(hi >> 8);
			o[2] = (unsigned char)lo;
			o[3] = (unsigned char)(lo >> 8);
			nm_buf_add(b, o, 4);
		} else {
			o[0] = (unsigned char)c;
			o[1] = (unsigned char)(c >> 8);
			nm_buf_add(b, o, 2);
		}
	}
}

static int
parse_number(const char *text, unsigned long long max, unsigned long long *out)
{
	const char *p = text;
	unsigned long long v = 0;
	int base = 10;

	if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
		base = 16;
		p += 2;
	}
	if (*p == '\0')
		return -1;
	for (; *p; p++) {
		int d;

		if (*p >= '0' && *p <= '9')
			d = *p - '0';
		else if (base == 16 && *p >= 'a' && *p <= 'f')
			d = *p - 'a' + 10;
		else if (base == 16 && *p >= 'A' && *p <= 'F')
			d = *p - 'A' + 10;
		else
			return -1;
		if (v > (max - (unsigned)d) / (unsigned)base)
			return -1;
		v = v * (unsigned)base + (unsigned)d;
	}
	*out = v;
	return 0;
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

int
nm_win_reg_encode(struct nm_arena *a, uint32_t type, const char *text,
    char **data, size_t *len, struct nm_error *err)
{
	struct nm_buf b = { 0 };
	unsigned long long v;
	const char *p;
	int i;

	*data = NULL;
	*len = 0;
	if (text == NULL)
		return nm_seterr(err, NM_ERR_INPUT, "no data");
	nm_buf_add(&b, "", 0);
	switch (type) {
	case NM_REG_DWORD:
	case NM_REG_QWORD:
		if (parse_number(text, type == NM_REG_DWORD ? 0xffffffffull :
		    ~0ull, &v) != 0) {
			nm_buf_free(&b);
			return nm_seterr(err, NM_ERR_INPUT, "\"%s\" is not a "
			    "%s number (decimal or 0x-hex)", text,
			    nm_win_reg_type_name(type));
		}
		for (i = 0; i < (type == NM_REG_DWORD ? 4 : 8); i++) {
			unsigned char c = (unsigned char)(v >> (8 * i));

			nm_buf_add(&b, &c, 1);
		}
		break;
	case NM_REG_SZ:
	case NM_REG_EXPAND_SZ:
		nm_win_utf16le(&b, text);
		nm_buf_add(&b, "\0", 2);
		break;
	case NM_REG_MULTI_SZ:
		for (p = text; *p;) {
			size_t n = strcspn(p, "\n");
			char *item = nm_xcalloc(1, n + 1);

			memcpy(item, p, n);
			if (n == 0) {
				free(item);
				nm_buf_free(&b);
				return nm_seterr(err, NM_ERR_INPUT, "a "
				    "REG_MULTI_SZ cannot hold an empty item");
			}
			nm_win_utf16le(&b, item);
			nm_buf_add(&b, "\0", 2);
			free(item);
			p += n;
			if (*p == '\n' && *++p == '\0') {
				nm_buf_free(&b);
				return nm_seterr(err, NM_ERR_INPUT, "a "
				    "REG_MULTI_SZ cannot hold an empty item");
			}
		}
		nm_buf_add(&b, "\0", 2);	/* the list's end */
		break;
	case NM_REG_BINARY:
		for (p = text; *p; p += 2) {
			unsigned char c;

			if (hexval(p[0]) < 0 || p[1] == '\0' ||
			    hexval(p[1]) < 0) {
				nm_buf_free(&b);
				return nm_seterr(err, NM_ERR_INPUT, "REG_BINARY "
				    "data must be pairs of hex digits");
			}
			c = (unsigned char)(hexval(p[0]) << 4 | hexval(p[1]));
			nm_buf_add(&b, &c, 1);
		}
		break;
	default:
		nm_buf_free(&b);
		return nm_seterr(err, NM_ERR_INPUT, "netmin does not write "
		    "%s values", nm_win_reg_type_name(type));
	}
	if (b.len > NM_WIN_REG_MAX) {
		nm_buf_free(&b);
		return nm_seterr(err, NM_ERR_INPUT, "registry data over %u "
		    "bytes", NM_WIN_REG_MAX);
	}
	*data = nm_aalloc(a, b.len + 1);
	memcpy(*data, b.s, b.len);
	*len = b.len;
	nm_buf_free(&b);
	return 0;
}

/* UTF-16 code units equal, ASCII letters in either case. */
static bool
item_eq(const unsigned char *x, size_t xn, const unsigned char *y, size_t yn)
{
	size_t i;

	if (xn != yn)
		return false;
	for (i = 0; i < xn; i += 2) {
		unsigned cx = x[i] | (unsigned)x[i + 1] << 8;
		unsigned cy = y[i] | (unsigned)y[i + 1] << 8;

		if (cx >= 'A' && cx <= 'Z')
			cx += 32;
		if (cy >= 'A' && cy <= 'Z')
			cy += 32;
		if (cx != cy)
			return false;
	}
	return true;
}

int
nm_win_multi_edit(bool exists, uint32_t type, const char *data, size_t len,
    const char *item, bool add, struct nm_buf *out)
{
	const unsigned char *d = (const unsigned char *)data;
	struct nm_buf it = { 0 };
	size_t off = 0;
	bool found = false, changed = false;

	nm_buf_reset(out);
	nm_buf_add(out, "", 0);
	if (exists && type != NM_REG_MULTI_SZ)
		return -1;
	nm_win_utf16le(&it, item);
	/* Items end at a NUL unit; an empty item ends the list. */
	while (exists && off + 1 < len) {
		size_t start = off;

		while (off + 1 < len && (d[off] | d[off + 1]) != 0)
			off += 2;
		if (off == start)
			break;
		if (item_eq(d + start, off - start,
		    (const unsigned char *)it.s, it.len)) {
			found = true;
			if (!add) {
				changed = true;
				off += 2;
				continue;
			}
		}
		nm_buf_add(out, d + start, off - start);
		nm_buf_add(out, "\0", 2);
		off += 2;
	}
	if (add && !found) {
		nm_buf_add(out, it.s, it.len);
		nm_buf_add(out, "\0", 2);
		changed = true;
	}
	nm_buf_add(out, "\0", 2);
	nm_buf_free(&it);
	return changed ? 1 : 0;
}

/* ---- the no-op test and descriptions ------------------------------------ */

static bool
same_value(const struct nm_prior *p, uint32_t type, const char *data,
    size_t len)
{
	return p->exists && p->type == type && p->len == len &&
	    (len == 0 || memcmp(p->data, data, len) == 0);
}

static bool
stopped(uint32_t state)
{
	return state == 1;	/* SERVICE_STOPPED */
}

bool
nm_win_op_noop(const struct nm_op *op)
{
	const struct nm_prior *p = &op->prior;
	struct nm_buf b = { 0 };
	int rc;

	if (!p->have)
		return false;
	switch (op->kind) {
	case NM_OP_SVC_STOP:
		return stopped(p->state);
	case NM_OP_SVC_START_TYPE:
		return p->start == op->start;
	case NM_OP_REG_SET:
		return same_value(p, op->type, op->data, op->len);
	case NM_OP_REG_DELETE:
		return !p->exists;
	case NM_OP_REG_MULTI_REMOVE:
	case NM_OP_REG_MULTI_ADD:
		rc = nm_win_multi_edit(p->exists, p->type, p->data, p->len,
		    op->data, op->kind == NM_OP_REG_MULTI_ADD, &b);
		nm_buf_free(&b);
		return rc == 0;
	case NM_OP_REG_KEY_CREATE:
		return p->exists;
	default:
		return false;
	}
}

/* A value for one line: its text, cut at 60 characters, and its type. */
static void
show_value(struct nm_buf *b, uint32_t type, const char *data, size_t len)
{
	struct nm_buf t = { 0 };
	size_t i, shown = 0;

	nm_win_reg_text(type, (const uint8_t *)data, len, &t);
	nm_buf_putc(b, '"');
	for (i = 0; i < t.len && shown < 60; i++, shown++) {
		if (t.s[i] == '\n')
			nm_buf_puts(b, "\\0");	/* as reg.exe shows items */
		else if (t.s[i] == '"' || t.s[i] == '\\')
			nm_buf_printf(b, "\\%c", t.s[i]);
		else
			nm_buf_putc(b, t.s[i]);
	}
	/* do not cut inside a UTF-8 sequence */
	while (i < t.len && (t.s[i] & 0xc0) == 0x80)
		nm_buf_putc(b, t.s[i++]);
	nm_buf_printf(b, "%s\" %s", i < t.len ? "..." : "",
	    nm_win_reg_type_name(type));
	nm_buf_free(&t);
}

static void
show_prior_value(struct nm_buf *b, const struct nm_prior *p)
{
	if (!p->have)
		return;
	nm_buf_puts(b, " (was ");
	if (!p->exists)
		nm_buf_puts(b, p->key_exists ? "absent" :
		    "absent, key absent");
	else
		show_value(b, p->type, p->data, p->len);
	nm_buf_putc(b, ')');
}

static void
reg_name(struct nm_buf *b, const struct nm_op *op)
{
	nm_buf_printf(b, "%s\\%s", op->key, op->value[0] ? op->value :
	    "(Default)");
}

void
nm_win_op_describe(const struct nm_op *op, struct nm_buf *b)
{
	const struct nm_prior *p = &op->prior;

	switch (op->kind) {
	case NM_OP_SVC_STOP:
		nm_buf_printf(b, "stop service %s", op->service);
		if (p->have || op->of != NULL) {
			nm_buf_puts(b, " (");
			if (p->have)
				nm_buf_printf(b, "%s -> stopped",
				    nm_win_svc_state_name(p->state));
			if (op->of != NULL)
				nm_buf_printf(b, "%sit depends on %s",
				    p->have ? "; " : "", op->of);
			nm_buf_putc(b, ')');
		}
		break;
	case NM_OP_SVC_START_TYPE:
		nm_buf_printf(b, "set start type of %s (", op->service);
		if (p->have)
			nm_buf_printf(b, "%s%s -> ",
			    nm_win_start_name(p->start),
			    p->delayed_known && p->delayed ? ", delayed" : "");
		nm_buf_printf(b, "%s)", nm_win_start_name(op->start));
		break;
	case NM_OP_REG_SET:
		nm_buf_puts(b, "set ");
		reg_name(b, op);
		nm_buf_puts(b, " = ");
		show_value(b, op->type, op->data, op->len);
		show_prior_value(b, p);
		break;
	case NM_OP_REG_DELETE:
		nm_buf_puts(b, "delete ");
		reg_name(b, op);
		show_prior_value(b, p);
		break;
	case NM_OP_REG_MULTI_REMOVE:
	case NM_OP_REG_MULTI_ADD:
		nm_buf_printf(b, "%s \"%s\" %s ", op->kind ==
		    NM_OP_REG_MULTI_ADD ? "add" : "remove", op->data,
		    op->kind == NM_OP_REG_MULTI_ADD ? "to" : "from");
		reg_name(b, op);
		show_prior_value(b, p);
		break;
	case NM_OP_REG_KEY_CREATE:
		nm_buf_printf(b, "create registry key %s", op->key);
		break;
	default:
		nm_buf_puts(b, "unknown operation");
		break;
	}
}

/* ---- journal fields ------------------------------------------------------ */

void
nm_win_op_to_record(struct nm_arena *a, const struct nm_op *op,
    struct nm_jrec *r)
{
	const struct nm_prior *p = &op->prior;

	if (op->service)
		nm_jrec_str(a, r, "service", op->service);
	if (op->of)
		nm_jrec_str(a, r, "of", op->of);
	if (op->kind == NM_OP_SVC_START_TYPE) {
		nm_jrec_str(a, r, "start", nm_win_start_name(op->start));
		nm_jrec_int(a, r, "start_code", op->start);
	}
	if (op->key)
		nm_jrec_str(a, r, "key", op->key);
	if (op->value)
		nm_jrec_str(a, r, "value", op->value);
	if (op->kind == NM_OP_REG_SET) {
		nm_jrec_str(a, r, "type", nm_win_reg_type_name(op->type));
		nm_jrec_int(a, r, "type_code", op->type);
		nm_jrec_bytes(a, r, "data", op->data, op->len);
	}
	if (op->kind == NM_OP_REG_MULTI_REMOVE ||
	    op->kind == NM_OP_REG_MULTI_ADD)
		nm_jrec_str(a, r, "item", op->data);
	if (op->why)
		nm_jrec_str(a, r, "why", op->why);
	nm_jrec_bool(a, r, "prior", p->have);
	if (!p->have)
		return;
	switch (op->kind) {
	case NM_OP_SVC_STOP:
		nm_jrec_str(a, r, "prior_state", nm_win_svc_state_name(p->state));
		nm_jrec_int(a, r, "prior_state_code", p->state);
		break;
	case NM_OP_SVC_START_TYPE:
		nm_jrec_str(a, r, "prior_start", nm_win_start_name(p->start));
		nm_jrec_int(a, r, "prior_start_code", p->start);
		if (p->delayed_known)
			nm_jrec_bool(a, r, "prior_delayed", p->delayed);
		else
			nm_jrec_str(a, r, "prior_delayed", NULL);
		break;
	case NM_OP_REG_KEY_CREATE:
		nm_jrec_bool(a, r, "prior_exists", p->exists);
		break;
	default:
		nm_jrec_bool(a, r, "prior_key_exists", p->key_exists);
		nm_jrec_bool(a, r, "prior_exists", p->exists);
		if (p->exists) {
			nm_jrec_str(a, r, "prior_type",
			    nm_win_reg_type_name(p->type));
			nm_jrec_int(a, r, "prior_type_code", p->type);
			nm_jrec_bytes(a, r, "prior_data", p->data, p->len);
		}
		break;
	}
}

static int
want_u32(const struct nm_jrec *r, const char *key, long long max,
    uint32_t *out, struct nm_error *err)
{
	long long v;

	if (!nm_jrec_geti(r, key, &v) || v < 0 || v > max)
		return nm_seterr(err, NM_ERR_INPUT, "line %d: \"%s\" missing "
		    "or out of range", r->line, key);
	*out = (uint32_t)v;
	return 0;
}

static int
want_bytes(struct nm_arena *a, const struct nm_jrec *r, const char *key,
    const char **data, size_t *len, struct nm_error *err)
{
	char *d;

	if (nm_jrec_getbytes(a, r, key, &d, len) != 0 || *len > NM_WIN_REG_MAX)
		return nm_seterr(err, NM_ERR_INPUT, "line %d: bad \"%s\"",
		    r->line, key);
	*data = d;
	return 0;
}

/* Names go to the API as UTF-16: they must be UTF-8 (the writer's). */
static bool
utf8(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	while (s != NULL && *p) {
		size_t n = *p < 0x80 ? 0 : (*p & 0xe0) == 0xc0 && *p >= 0xc2 ?
		    1 : (*p & 0xf0) == 0xe0 ? 2 : (*p & 0xf8) == 0xf0 &&
		    *p <= 0xf4 ? 3 : 9, k;
		uint32_t c = *p;

		if (n == 9)
			return false;
		for (k = 1; k <= n; k++) {
			if ((p[k] & 0xc0) != 0x80)
				return false;
			c = (c << 6) | (p[k] & 0x3f);
		}
		c &= n == 1 ? 0x7ff : n == 2 ? 0xffff : 0x1fffff;
		if ((n == 2 && (c < 0x800 || (c >= 0xd800 && c < 0xe000))) ||
		    (n == 3 && (c < 0x10000 || c > 0x10ffff)))
			return false;
		p += n + 1;
	}
	return true;
}

int
nm_win_op_from_record(struct nm_arena *a, const struct nm_jrec *r,
    struct nm_op *op, struct nm_error *err)
{
	struct nm_prior *p = &op->prior;
	const struct nm_jfield *f;
	const char *sub;

	op->service = nm_jrec_gets(r, "service");
	op->of = nm_jrec_gets(r, "of");
	op->key = nm_jrec_gets(r, "key");
	op->value = nm_jrec_gets(r, "value");
	if (!utf8(op->service) || !utf8(op->of) || !utf8(op->key) ||
	    !utf8(op->value) || !utf8(nm_jrec_gets(r, "item")))
		return nm_seterr(err, NM_ERR_INPUT, "line %d: a name that is "
		    "not UTF-8", r->line);
	if (op->kind == NM_OP_SVC_STOP || op->kind == NM_OP_SVC_START_TYPE) {
		if (op->service == NULL || op->service[0] == '\0' ||
		    strlen(op->service) > 256)
			return nm_seterr(err, NM_ERR_INPUT, "line %d: a "
			    "service op without \"service\"", r->line);
	} else {
		if (nm_win_hive(op->key, &sub) == NM_HIVE_NONE || sub[0] == '\0')
			return nm_seterr(err, NM_ERR_INPUT, "line %d: a "
			    "registry op without a usable \"key\"", r->line);
		if (op->kind != NM_OP_REG_KEY_CREATE && op->value == NULL)
			return nm_seterr(err, NM_ERR_INPUT, "line %d: a "
			    "registry op without \"value\"", r->line);
	}
	if (op->kind == NM_OP_SVC_START_TYPE &&
	    want_u32(r, "start_code", NM_WIN_START_MAX, &op->start, err) != 0)
		return -1;
	if (op->kind == NM_OP_REG_SET &&
	    (want_u32(r, "type_code", 0xffffffffll, &op->type, err) != 0 ||
	    want_bytes(a, r, "data", &op->data, &op->len, err) != 0))
		return -1;
	if (op->kind == NM_OP_REG_MULTI_REMOVE ||
	    op->kind == NM_OP_REG_MULTI_ADD) {
		op->data = nm_jrec_gets(r, "item");
		if (op->data == NULL || op->data[0] == '\0')
			return nm_seterr(err, NM_ERR_INPUT, "line %d: a "
			    "multi-string op without \"item\"", r->line);
		op->len = strlen(op->data);
	}
	p->have = nm_jrec_getb(r, "prior", false);
	if (!p->have)
		return 0;
	switch (op->kind) {
	case NM_OP_SVC_STOP:
		return want_u32(r, "prior_state_code", 7, &p->state, err);
	case NM_OP_SVC_START_TYPE:
		if (want_u32(r, "prior_start_code", NM_WIN_START_MAX,
		    &p->start, err) != 0)
			return -1;
		f = nm_jrec_get(r, "prior_delayed");
		p->delayed_known = f != NULL && f->kind == NM_JF_BOOL;
		p->delayed = p->delayed_known && f->b;
		return 0;
	case NM_OP_REG_KEY_CREATE:
		p->exists = nm_jrec_getb(r, "prior_exists", false);
		return 0;
	default:
		p->key_exists = nm_jrec_getb(r, "prior_key_exists", false);
		p->exists = nm_jrec_getb(r, "prior_exists", false);
		if (!p->exists)
			return 0;
		if (want_u32(r, "prior_type_code", 0xffffffffll, &p->type,
		    err) != 0 || want_bytes(a, r, "prior_data", &p->data,
		    &p->len, err) != 0)
			return -1;
		return 0;
	}
}
