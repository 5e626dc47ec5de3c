/*
 * parse.c - reading a capture: decoding, line splitting, format detection,
 * and the small helpers every parser uses.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parse.h"

/* Order breaks score ties: the more specific formats come first. */
const struct nm_parser *const nm_parsers[] = {
	&nm_parser_rpcdump_json,
	&nm_parser_netstat_win,
	&nm_parser_ss,
	&nm_parser_netstat_linux,
	&nm_parser_lsof,
	&nm_parser_rpcdump_impacket,
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

int
nm_parse_input(struct nm_snapshot *snap, struct nm_input *in,
    const char *format, struct nm_error *err)
{
	const struct nm_parser *best = NULL;
	int bestscore = 0;
	size_t i;

	if (format != NULL) {
		best = nm_parser_find(format);
		if (best == NULL)
			return nm_seterr(err, NM_ERR_USAGE,
			    "unknown capture format '%s'", format);
	} else {
		for (i = 0; nm_parsers[i] != NULL; i++) {
			int sc = nm_parsers[i]->score(in);

			if (sc > bestscore) {
				bestscore = sc;
				best = nm_parsers[i];
			}
		}
		if (best == NULL)
			return nm_seterr(err, NM_ERR_INPUT,
			    "%s: no netstat, ss, lsof, tasklist or "
			    "Get-NetTCPConnection table found", in->name);
	}
	in->source = nm_snap_add_source(snap,
	    nm_asprintf(&snap->arena, "file:%s", in->name));
	in->name = in->source + 5;
	if (best->parse(in, snap, err) != 0)
		return -1;
	/* One file holding two tools' output: say what was left unread. */
	if (format == NULL)
		for (i = 0; nm_parsers[i] != NULL; i++) {
			int sc = nm_parsers[i] == best ? 0 :
			    nm_parsers[i]->score(in);

			if (sc > 0)
				nm_snap_warn(snap, in->name, 0, "%d line%s look%s "
				    "like %s rows and %s not read (the file "
				    "was read as %s); give each tool's output "
				    "its own --from", sc, sc == 1 ? "" : "s",
				    sc == 1 ? "s" : "", nm_parsers[i]->name,
				    sc == 1 ? "was" : "were", best->name);
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
