/*
 * out_json.c - a small streaming JSON writer.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "out.h"

void
nm_json_init(struct nm_json *j, struct nm_buf *b)
{
	memset(j, 0, sizeof(*j));
	j->b = b;
	j->first[0] = true;
}

static void
newline(struct nm_json *j)
{
	int i;

	if (j->compact)
		return;
	nm_buf_putc(j->b, '\n');
	for (i = 0; i < j->depth; i++)
		nm_buf_puts(j->b, "  ");
}

/* Separator before a value or key at the current depth. */
static void
sep(struct nm_json *j)
{
	if (j->after_key) {
		j->after_key = false;
		return;
	}
	if (j->depth == 0)
		return;
	if (!j->first[j->depth])
		nm_buf_putc(j->b, ',');
	j->first[j->depth] = false;
	newline(j);
}

static void
open_(struct nm_json *j, char c)
{
	sep(j);
	nm_buf_putc(j->b, c);
	if (j->depth + 1 < NM_JSON_MAXDEPTH)
		j->depth++;
	j->first[j->depth] = true;
}

static void
close_(struct nm_json *j, char c)
{
	bool empty = j->first[j->depth];

	if (j->depth > 0)
		j->depth--;
	if (!empty)
		newline(j);
	nm_buf_putc(j->b, c);
}

void
nm_json_obj(struct nm_json *j)
{
	open_(j, '{');
}

void
nm_json_obj_end(struct nm_json *j)
{
	close_(j, '}');
}

void
nm_json_arr(struct nm_json *j)
{
	open_(j, '[');
}

void
nm_json_arr_end(struct nm_json *j)
{
	close_(j, ']');
}

void
nm_json_escape(struct nm_buf *b, const char *s, size_t n)
{
	size_t i;

	nm_buf_putc(b, '"');
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		switch (c) {
		case '"':
			nm_buf_puts(b, "\\\"");
			break;
		case '\\':
			nm_buf_puts(b, "\\\\");
			break;
		case '\n':
			nm_buf_puts(b, "\\n");
			break;
		case '\r':
			nm_buf_puts(b, "\\r");
			break;
		case '\t':
			nm_buf_puts(b, "\\t");
			break;
		default:
			if (c < 0x20 || c == 0x7f)
				nm_buf_printf(b, "\\u%04x", c);
			else
				nm_buf_putc(b, c);
		}
	}
	nm_buf_putc(b, '"');
}

void
nm_json_keyn(struct nm_json *j, const char *k, size_t n)
{
	sep(j);
	nm_json_escape(j->b, k, n);
	nm_buf_puts(j->b, j->compact ? ":" : ": ");
	j->after_key = true;
}

void
nm_json_key(struct nm_json *j, const char *k)
{
	nm_json_keyn(j, k, strlen(k));
}

void
nm_json_strn(struct nm_json *j, const char *s, size_t n)
{
	sep(j);
	nm_json_escape(j->b, s, n);
}

void
nm_json_str(struct nm_json *j, const char *s)
{
	if (s == NULL)
		nm_json_null(j);
	else
		nm_json_strn(j, s, strlen(s));
}

void
nm_json_int(struct nm_json *j, long long v)
{
	sep(j);
	nm_buf_printf(j->b, "%lld", v);
}

/*
 * The shortest of %.15g..%.17g that reads back as the same double, and
 * never bare digits, so a reader keeps it a non-integer ("3.0").
 */
void
nm_json_double(struct nm_json *j, double v)
{
	char t[40];
	int prec;

	sep(j);
	for (prec = 15; prec <= 17; prec++) {
		snprintf(t, sizeof(t), "%.*g", prec, v);
		if (strtod(t, NULL) == v)
			break;
	}
	if (strpbrk(t, ".eEn") == NULL)
		strcat(t, ".0");
	nm_buf_puts(j->b, t);
}

void
nm_json_bool(struct nm_json *j, bool v)
{
	sep(j);
	nm_buf_puts(j->b, v ? "true" : "false");
}

void
nm_json_null(struct nm_json *j)
{
	sep(j);
	nm_buf_puts(j->b, "null");
}

void
nm_json_end(struct nm_json *j)
{
	nm_buf_putc(j->b, '\n');
}

void
nm_json_kstr(struct nm_json *j, const char *k, const char *v)
{
	nm_json_key(j, k);
	nm_json_str(j, v);
}

void
nm_json_kint(struct nm_json *j, const char *k, long long v)
{
	nm_json_key(j, k);
	nm_json_int(j, v);
}

void
nm_json_kbool(struct nm_json *j, const char *k, bool v)
{
	nm_json_key(j, k);
	nm_json_bool(j, v);
}
