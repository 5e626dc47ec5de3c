/*
 * parse.h - turning captured command output into a snapshot.
 *
 * nm_parse_file() reads a file (bounded), decodes it to UTF-8 lines, picks
 * the format (each parser scores the lines it recognises), and runs that
 * parser.  Parsers add endpoints, processes and warnings; they never print.
 */
#ifndef NETMIN_PARSE_H
#define NETMIN_PARSE_H

#include "netmin.h"

/* Input larger than this is refused (bounded memory on hostile input). */
#define NM_PARSE_MAX_BYTES ((size_t)64 << 20)
/* Lines longer than this are not data in any format we read. */
#define NM_PARSE_MAX_LINE 4096

struct nm_line {
	const char	*s;		/* NUL-terminated, no CR/LF */
	size_t		 len;
	int		 no;		/* 1-based line number */
};

struct nm_input {
	const char	*name;		/* path as the user gave it */
	const char	*source;	/* "file:NAME", interned in the snapshot */
	struct nm_buf	 text;		/* UTF-8, lines NUL-separated */
	NM_VEC(struct nm_line) lines;
};

struct nm_parser {
	const char	*name;		/* "netstat-win", "ss", ... */
	const char	*what;		/* one line for --help */
	/* How many lines look like this format's data rows. */
	int		(*score)(const struct nm_input *);
	int		(*parse)(const struct nm_input *, struct nm_snapshot *,
			    struct nm_error *);
	/*
	 * Evidence about endpoints, not endpoints (tasklist, sc queryex):
	 * also read when the same file holds another tool's table.
	 */
	bool		 evidence;
};

extern const struct nm_parser *const nm_parsers[];

const struct nm_parser *nm_parser_find(const char *name);
int	 nm_input_load(struct nm_input *, const char *name, const char *data,
	     size_t len, struct nm_error *);
void	 nm_input_free(struct nm_input *);
int	 nm_parse_input(struct nm_snapshot *, struct nm_input *,
	     const char *format, struct nm_error *);
int	 nm_parse_file(struct nm_snapshot *, const char *arg,
	     struct nm_error *);

/* Helpers shared by the parsers (parse.c). */
const char *nm_line_body(const struct nm_line *, size_t *len);
int	 nm_parse_hostport(const char *s, size_t len, const char *proto,
	     char *addr, size_t addrlen, char *zone, size_t zonelen,
	     int *family, int *port);

/*
 * Fixed-width tables (tasklist's "===== ====", PowerShell's "---- ----"):
 * the columns of a separator line, in characters (not bytes) from the
 * start of its body.  Returns how many, 0 when the body is not made only
 * of runs of c between single or multiple spaces.
 */
struct nm_col {
	size_t		 start, width;
};
size_t	 nm_table_cols(const char *body, size_t len, char c,
	     struct nm_col *, size_t max);
/*
 * A PowerShell table: its "---- ----" line and the header above it, which
 * a narrow console may wrap over up to three lines.  name[] joins each
 * column's header lines; last[] is the line right above alone (for when
 * a prompt or prose sits above the header).
 */
#define NM_DT_MAXCOL 32
struct nm_dtable {
	struct nm_col	 col[NM_DT_MAXCOL];
	char		 name[NM_DT_MAXCOL][64];
	char		 last[NM_DT_MAXCOL][64];
	size_t		 ncol;
	const char	*prefix;	/* what stands before the dash runs */
	size_t		 plen;
};
bool	 nm_dtable_at(const struct nm_input *, size_t i, struct nm_dtable *);
/* Column k of a row, trimmed; NULL when the row lacks the table's prefix. */
const char *nm_dtable_cell(const struct nm_dtable *, const struct nm_line *,
	     size_t k, size_t *len);
/* The byte offset of character column col in s[0..len); len if beyond. */
size_t	 nm_utf8_offset(const char *s, size_t len, size_t col);
/*
 * A copy of s[0..len) that is valid UTF-8 (it goes into JSON): text that
 * is not (cmd.exe writes its OEM code page into files) is read as CP850,
 * the Western European OEM code page.
 */
char	*nm_text_dup(struct nm_arena *, const char *s, size_t len);
/*
 * ConvertTo-Json output in in: from the first line that opens an array or
 * an object to the last that starts or ends with a closing bracket (to
 * the end if none does, so the JSON reader says where it breaks).  At
 * most one line (a prompt or the command) may stand above it; false when
 * it is not such a file.
 */
bool	 nm_json_span(const struct nm_input *, size_t *first, size_t *last);
/*
 * Lines first..last of in (last past the end: to the end) as one JSON
 * document: the other lines stay as empty lines, so a value's line is
 * its line in the file.  NULL with err set ("NAME:LINE: ...") when it is
 * not JSON; values live in a.
 */
struct nm_jv;
struct nm_jv *nm_input_json(const struct nm_input *, size_t first,
	     size_t last, struct nm_arena *a, struct nm_error *);
/* s[0..len) trimmed of spaces and tabs at both ends. */
const char *nm_trim(const char *s, size_t len, size_t *outlen);

/*
 * One CSV line: fields quoted ("a","b") or bare, separated by commas.
 * Returns the number of fields (at most max), or -1 when a quote does not
 * close.  A field's text excludes its quotes; "" inside stays doubled
 * (nm_csv_dup undoes it).
 */
struct nm_csv_field {
	const char	*s;
	size_t		 len;
	bool		 quoted;
};
int	 nm_csv_split(const char *s, size_t len, struct nm_csv_field *,
	     size_t max);
char	*nm_csv_dup(struct nm_arena *, const struct nm_csv_field *);

/*
 * parse_linux.c: addresses as ss, net-tools netstat and lsof print them.
 * A socket shared by more processes than this keeps the first ones (the
 * owner list of one endpoint must not grow without bound).
 */
#define NM_LX_MAX_OWNERS 256
/* ss lists every holder on one line: a pre-fork server makes it long. */
#define NM_LX_MAX_SS_LINE (NM_PARSE_MAX_LINE * 16)

enum nm_lx_kind {
	NM_LX_NUM = 0,		/* numeric address, canonical text */
	NM_LX_STAR,		/* "*": a wildcard the caller interprets */
	NM_LX_LOOPNAME,		/* "localhost" and friends (no -n) */
	NM_LX_NAME		/* another host name (no -n): kept as text */
};

struct nm_lx_addr {
	char		 addr[NM_ADDRLEN];
	char		 zone[NM_ZONELEN];
	int		 family;	/* -1 when the text does not say */
	int		 port;		/* -1 for '*' */
	int		 kind;		/* enum nm_lx_kind */
	const char	*why;		/* what was wrong, on failure */
	const char	*badport;	/* an unknown service name */
	size_t		 badportlen;
};

int	 nm_lx_hostport(const char *s, size_t len, const char *proto,
	     struct nm_lx_addr *);
void	 nm_lx_set_local(struct nm_endpoint *, const struct nm_lx_addr *,
	     int family);
void	 nm_lx_set_remote(struct nm_endpoint *, const struct nm_lx_addr *);
void	 nm_lx_map_v4(struct nm_endpoint *);
const char *nm_lx_why(struct nm_snapshot *, const struct nm_lx_addr *,
	     const char *side);
void	 nm_lx_host_os(struct nm_snapshot *, const char *reason);
void	 nm_lx_warn_name(struct nm_snapshot *, const struct nm_input *,
	     const struct nm_line *, const struct nm_lx_addr *,
	     const char *tool);

/* The parsers. */
extern const struct nm_parser nm_parser_netstat_win;
extern const struct nm_parser nm_parser_tasklist;
extern const struct nm_parser nm_parser_ss;
extern const struct nm_parser nm_parser_netstat_linux;
extern const struct nm_parser nm_parser_lsof;
extern const struct nm_parser nm_parser_pwsh;
extern const struct nm_parser nm_parser_pwsh_tcp;
extern const struct nm_parser nm_parser_pwsh_udp;
extern const struct nm_parser nm_parser_sc;
extern const struct nm_parser nm_parser_pwsh_services;
extern const struct nm_parser nm_parser_rpcdump_json;
extern const struct nm_parser nm_parser_rpcdump_impacket;

#endif /* NETMIN_PARSE_H */
