/*
 * out_table.c - aligned text tables and CSV from the same cells.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "out.h"

void
nm_table_init(struct nm_table *t, size_t ncols, const char **head)
{
	memset(t, 0, sizeof(*t));
	t->ncols = ncols;
	t->head = head;
	t->right = nm_xcalloc(ncols, sizeof(bool));
}

void
nm_table_right(struct nm_table *t, size_t col)
{
	if (col < t->ncols)
		t->right[col] = true;
}

void
nm_table_cell(struct nm_table *t, const char *fmt, ...)
{
	struct nm_buf b = { 0 };
	va_list ap;

	va_start(ap, fmt);
	nm_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	nm_buf_add(&b, NULL, 0);
	*NM_VEC_PUSH(&t->cells) = b.s;
}

/* Display width: UTF-8 continuation bytes take no column. */
static size_t
width(const char *s)
{
	size_t w = 0;

	for (; *s; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			w++;
	return w;
}

static void
pad(struct nm_buf *b, size_t n)
{
	while (n-- > 0)
		nm_buf_putc(b, ' ');
}

void
nm_table_render(struct nm_table *t, struct nm_buf *b)
{
	size_t *w = nm_xcalloc(t->ncols, sizeof(size_t));
	size_t i, c, nrows = t->cells.n / t->ncols;

	for (c = 0; c < t->ncols; c++)
		w[c] = width(t->head[c]);
	for (i = 0; i < t->cells.n; i++) {
		size_t cw = width(t->cells.v[i]);

		if (cw > w[i % t->ncols])
			w[i % t->ncols] = cw;
	}
	for (i = 0; i <= nrows; i++) {
		size_t last = t->ncols;

		/* Trailing empty cells leave no trailing blanks. */
		while (last > 0 && i > 0 &&
		    t->cells.v[(i - 1) * t->ncols + last - 1][0] == '\0')
			last--;
		for (c = 0; c < last; c++) {
			const char *s = i == 0 ? t->head[c] :
			    t->cells.v[(i - 1) * t->ncols + c];
			size_t sw = width(s);

			if (c > 0)
				nm_buf_puts(b, "  ");
			if (t->right[c])
				pad(b, w[c] - sw);
			nm_buf_puts(b, s);
			if (!t->right[c] && c + 1 < last)
				pad(b, w[c] - sw);
		}
		nm_buf_putc(b, '\n');
	}
	free(w);
}

static void
csv_field(struct nm_buf *b, const char *s)
{
	if (strpbrk(s, ",\"\n\r") == NULL) {
		nm_buf_puts(b, s);
		return;
	}
	nm_buf_putc(b, '"');
	for (; *s; s++) {
		if (*s == '"')
			nm_buf_putc(b, '"');
		nm_buf_putc(b, *s);
	}
	nm_buf_putc(b, '"');
}

void
nm_table_render_csv(struct nm_table *t, struct nm_buf *b)
{
	size_t i, c;

	for (c = 0; c < t->ncols; c++) {
		char lower[64];
		size_t k;

		nm_strlcpy(lower, t->head[c], sizeof(lower));
		for (k = 0; lower[k]; k++)
			lower[k] = (char)(lower[k] >= 'A' && lower[k] <= 'Z' ?
			    lower[k] - 'A' + 'a' : lower[k]);
		if (c)
			nm_buf_putc(b, ',');
		csv_field(b, lower);
	}
	nm_buf_putc(b, '\n');
	for (i = 0; i < t->cells.n; i++) {
		if (i % t->ncols)
			nm_buf_putc(b, ',');
		csv_field(b, t->cells.v[i]);
		if (i % t->ncols == t->ncols - 1)
			nm_buf_putc(b, '\n');
	}
}

void
nm_table_free(struct nm_table *t)
{
	size_t i;

	for (i = 0; i < t->cells.n; i++)
		free(t->cells.v[i]);
	NM_VEC_FREE(&t->cells);
	free(t->right);
	t->right = NULL;
}
