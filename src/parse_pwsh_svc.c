/*
 * parse_pwsh_svc.c - the host's services as PowerShell shows them:
 * Get-Service (Status, Name, DisplayName, StartType) and Win32_Service
 * through Get-CimInstance or Get-WmiObject (Name, ProcessId, StartMode,
 * State, PathName, DelayedAutoStart), as tables, Format-List blocks,
 * ConvertTo-Csv or ConvertTo-Json.  Columns are found by property name
 * (never translated); a table or list needs Name and one of ProcessId,
 * StartMode, StartType, State, Status.
 *
 * Like sc queryex it is evidence: running services name the endpoints of
 * their ProcessId, start types go to the host's service list, where the
 * planner finds what its undo restores.
 */
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "parse.h"

enum ps_key {
	S_NAME, S_DISPLAY, S_PID, S_STARTMODE, S_STARTTYPE, S_STATE,
	S_STATUS, S_PATH, S_DELAYED, S__COUNT
};

static const struct {
	const char	*name;
	int		 key;
} ps_names[] = {
	{ "Name", S_NAME },
	{ "ServiceName", S_NAME },
	{ "DisplayName", S_DISPLAY },
	{ "ProcessId", S_PID },
	{ "StartMode", S_STARTMODE },
	{ "StartType", S_STARTTYPE },
	{ "State", S_STATE },
	{ "Status", S_STATUS },
	{ "PathName", S_PATH },
	{ "DelayedAutoStart", S_DELAYED },
};

/* Win32_Service.State and ServiceControllerStatus (with its numbers). */
static const struct {
	const char	*word;
	int		 value;
	const char	*state;
} ps_states[] = {
	{ "Stopped", 1, "stopped" },
	{ "Start Pending", -1, "start-pending" },
	{ "StartPending", 2, "start-pending" },
	{ "Stop Pending", -1, "stop-pending" },
	{ "StopPending", 3, "stop-pending" },
	{ "Running", 4, "running" },
	{ "Continue Pending", -1, "continue-pending" },
	{ "ContinuePending", 5, "continue-pending" },
	{ "Pause Pending", -1, "pause-pending" },
	{ "PausePending", 6, "pause-pending" },
	{ "Paused", 7, "paused" },
};

/* Win32_Service.StartMode and ServiceStartMode (with its numbers). */
static const struct {
	const char	*word;
	int		 value;
	const char	*start;
	bool		 delayed;
} ps_starts[] = {
	{ "Boot", 0, "boot", false },
	{ "System", 1, "system", false },
	{ "Auto", -1, "auto", false },
	{ "Automatic", 2, "auto", false },
	{ "AutomaticDelayedStart", 10, "auto", true },
	{ "Manual", 3, "demand", false },
	{ "Disabled", 4, "disabled", false },
};

struct ps_rec {
	const char	*v[S__COUNT];
	size_t		 len[S__COUNT];
	int		 line;
};

struct ps_ctx {
	const struct nm_input *in;
	struct nm_snapshot *snap;	/* NULL: counting */
	int		 n;
};

static int
key_of(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < NM_NELEM(ps_names); i++)
		if (strlen(ps_names[i].name) == len &&
		    nm_strneq_ci(ps_names[i].name, s, len))
			return ps_names[i].key;
	return -1;
}

/* Name and one fact about the service: a services table, not another. */
static bool
is_services(const bool *has)
{
	return has[S_NAME] && (has[S_PID] || has[S_STARTMODE] ||
	    has[S_STARTTYPE] || has[S_STATE] || has[S_STATUS]);
}

static bool
eq_ci(const char *s, size_t len, const char *w)
{
	return strlen(w) == len && nm_strneq_ci(s, w, len);
}

static void
add_rec(struct ps_ctx *c, const struct ps_rec *r)
{
	struct nm_service *v;
	const char *name;
	size_t i;
	int n, pid = -1;

	if (r->v[S_NAME] == NULL || r->len[S_NAME] == 0)
		return;
	c->n++;
	if (c->snap == NULL)
		return;
	name = nm_text_dup(&c->snap->arena, r->v[S_NAME], r->len[S_NAME]);
	v = nm_snap_service(c->snap, name, true);
	if (r->len[S_DISPLAY] > 0 && v->display == NULL)
		v->display = nm_text_dup(&c->snap->arena, r->v[S_DISPLAY],
		    r->len[S_DISPLAY]);
	if (r->len[S_PATH] > 0 && v->binary == NULL)
		v->binary = nm_text_dup(&c->snap->arena, r->v[S_PATH],
		    r->len[S_PATH]);
	/* Get-Service's Status is the state; Win32_Service's is "OK". */
	for (i = 0; i < NM_NELEM(ps_states); i++) {
		const char *s = r->len[S_STATE] ? r->v[S_STATE] : r->v[S_STATUS];
		size_t sl = r->len[S_STATE] ? r->len[S_STATE] : r->len[S_STATUS];

		if (sl > 0 && (eq_ci(s, sl, ps_states[i].word) ||
		    (nm_parse_int(s, sl, 0, 100, &n) == 0 &&
		    n == ps_states[i].value)))
			v->state = ps_states[i].state;
	}
	for (i = 0; i < NM_NELEM(ps_starts); i++) {
		const char *s = r->len[S_STARTMODE] ? r->v[S_STARTMODE] :
		    r->v[S_STARTTYPE];
		size_t sl = r->len[S_STARTMODE] ? r->len[S_STARTMODE] :
		    r->len[S_STARTTYPE];

		if (sl > 0 && (eq_ci(s, sl, ps_starts[i].word) ||
		    (nm_parse_int(s, sl, 0, 100, &n) == 0 &&
		    n == ps_starts[i].value))) {
			v->start = ps_starts[i].start;
			v->delayed = ps_starts[i].delayed;
		}
	}
	if (r->len[S_DELAYED] > 0 && eq_ci(r->v[S_DELAYED], r->len[S_DELAYED],
	    "True") && v->start != NULL && strcmp(v->start, "auto") == 0)
		v->delayed = true;
	if (r->len[S_PID] > 0 &&
	    nm_parse_int(r->v[S_PID], r->len[S_PID], 0, 0x7fffffff, &pid) != 0)
		nm_snap_warn(c->snap, c->in->name, r->line, "service %s: "
		    "ProcessId \"%.*s\" is not a number", name,
		    (int)(r->len[S_PID] > 20 ? 20 : r->len[S_PID]),
		    r->v[S_PID]);
	/* Stopped services show ProcessId 0. */
	if (pid > 0 && (v->state == NULL || strcmp(v->state, "stopped") != 0)) {
		v->pid = pid;
		nm_proc_add_service(c->snap, nm_snap_proc(c->snap, pid, true),
		    v->name);
	}
}

/* --- tables ---------------------------------------------------------------- */

static size_t
read_table(struct ps_ctx *c, size_t sep)
{
	struct nm_dtable t;
	int key[NM_DT_MAXCOL];
	bool has[S__COUNT] = { false };
	size_t i, k, blen;

	if (!nm_dtable_at(c->in, sep, &t))
		return sep + 1;
	for (k = 0; k < t.ncol; k++) {
		key[k] = key_of(t.name[k], strlen(t.name[k]));
		if (key[k] < 0)
			key[k] = key_of(t.last[k], strlen(t.last[k]));
		if (key[k] >= 0)
			has[key[k]] = true;
	}
	if (!is_services(has))
		return sep + 1;
	for (i = sep + 1; i < c->in->lines.n; i++) {
		const struct nm_line *l = &c->in->lines.v[i];
		struct ps_rec r;

		nm_line_body(l, &blen);
		if (blen == 0 || l->len > NM_PARSE_MAX_LINE ||
		    nm_dtable_cell(&t, l, 0, &blen) == NULL)
			break;
		memset(&r, 0, sizeof(r));
		r.line = l->no;
		for (k = 0; k < t.ncol; k++)
			if (key[k] >= 0)
				r.v[key[k]] = nm_dtable_cell(&t, l, k,
				    &r.len[key[k]]);
		add_rec(c, &r);
	}
	return i;
}

/* --- Format-List ------------------------------------------------------------ */

/* "Name      : Spooler" (the name padded, " : ", the value). */
static bool
list_item(const struct nm_line *l, const char **n, size_t *nl,
    const char **v, size_t *vl)
{
	size_t blen;
	const char *b = nm_line_body(l, &blen), *c;

	if (blen < 3 || (c = memchr(b, ':', blen)) == NULL || c == b ||
	    c[-1] != ' ')
		return false;
	*n = nm_trim(b, (size_t)(c - b), nl);
	*v = nm_trim(c + 1, blen - (size_t)(c + 1 - b), vl);
	return *nl > 0 && memchr(*n, ' ', *nl) == NULL;
}

static size_t
read_list(struct ps_ctx *c, size_t i)
{
	struct ps_rec r;
	bool has[S__COUNT] = { false };
	const char *n, *v;
	size_t nl, vl, start = i;
	int k;

	memset(&r, 0, sizeof(r));
	r.line = c->in->lines.v[i].no;
	for (; i < c->in->lines.n; i++) {
		if (c->in->lines.v[i].len > NM_PARSE_MAX_LINE ||
		    !list_item(&c->in->lines.v[i], &n, &nl, &v, &vl))
			break;
		if ((k = key_of(n, nl)) >= 0 && !has[k]) {
			has[k] = true;
			r.v[k] = v;
			r.len[k] = vl;
		}
	}
	if (is_services(has))
		add_rec(c, &r);
	return i > start ? i : start + 1;
}

/* --- ConvertTo-Csv ----------------------------------------------------------- */

#define MAXCSV 64

static size_t
read_csv(struct ps_ctx *c, size_t i)
{
	struct nm_csv_field f[MAXCSV];
	bool has[S__COUNT] = { false };
	int key[MAXCSV], n, width, k;
	size_t blen;
	const char *b = nm_line_body(&c->in->lines.v[i], &blen);

	width = nm_csv_split(b, blen, f, MAXCSV);
	for (k = 0; k < width; k++)
		if ((key[k] = key_of(f[k].s, f[k].len)) >= 0)
			has[key[k]] = true;
	if (width < 2 || !is_services(has))
		return i + 1;
	for (i++; i < c->in->lines.n; i++) {
		const struct nm_line *l = &c->in->lines.v[i];
		struct ps_rec r;

		b = nm_line_body(l, &blen);
		if (blen == 0 || l->len > NM_PARSE_MAX_LINE)
			break;
		n = nm_csv_split(b, blen, f, MAXCSV);
		if (n != width) {
			if (n > 1 && c->snap != NULL)
				nm_snap_warn(c->snap, c->in->name, l->no, "cannot "
				    "read this CSV row (%d fields, the header "
				    "has %d)", n, width);
			if (n > 1)
				continue;
			break;
		}
		memset(&r, 0, sizeof(r));
		r.line = l->no;
		for (k = 0; k < n; k++)
			if (key[k] >= 0) {
				r.v[key[k]] = f[k].s;
				r.len[key[k]] = f[k].len;
			}
		add_rec(c, &r);
	}
	return i;
}

/* --- ConvertTo-Json ------------------------------------------------------------ */

static void
json_object(struct ps_ctx *c, const struct nm_jv *o, char nb[][24])
{
	struct ps_rec r;
	bool has[S__COUNT] = { false };
	size_t k;

	memset(&r, 0, sizeof(r));
	r.line = o->line;
	for (k = 0; k < nm_jv_len(o); k++) {
		const char *name = nm_jv_key(o, k);
		const struct nm_jv *v = nm_jv_at(o, k);
		int key = name ? key_of(name, strlen(name)) : -1;

		if (key < 0 || v == NULL)
			continue;
		has[key] = true;
		if (v->type == NM_JV_STR) {
			r.v[key] = v->s;
			r.len[key] = v->n;
		} else if (v->type == NM_JV_NUM && v->is_int) {
			snprintf(nb[key], 24, "%lld", v->i);
			r.v[key] = nb[key];
			r.len[key] = strlen(nb[key]);
		} else if (v->type == NM_JV_BOOL) {
			r.v[key] = v->b ? "True" : "False";
			r.len[key] = strlen(r.v[key]);
		}
	}
	if (is_services(has))
		add_rec(c, &r);
}

static int
read_json(struct ps_ctx *c, size_t first, size_t last, struct nm_error *err)
{
	struct nm_arena a = { 0 };
	struct nm_jv *top;
	char nb[S__COUNT][24];
	size_t i;
	int rc = 0;

	top = nm_input_json(c->in, first, last, &a, err);
	if (top == NULL)
		rc = -1;
	else if (top->type == NM_JV_ARR) {
		for (i = 0; i < nm_jv_len(top); i++)
			if (nm_jv_is(nm_jv_at(top, i), NM_JV_OBJ))
				json_object(c, nm_jv_at(top, i), nb);
	} else if (top->type == NM_JV_OBJ)
		json_object(c, top, nb);
	nm_afree(&a);
	return rc;
}

/* JSON objects counted without parsing: "Name" with a service fact. */
static int
json_count(const struct nm_input *in)
{
	size_t i;
	int names = 0, facts = 0;

	for (i = 0; i < in->lines.n; i++) {
		const char *s = in->lines.v[i].s;

		if (strstr(s, "\"Name\"") != NULL)
			names++;
		if (strstr(s, "\"ProcessId\"") || strstr(s, "\"StartMode\"") ||
		    strstr(s, "\"StartType\""))
			facts++;
	}
	return facts > 0 ? (names < facts ? names : facts) : 0;
}

/* --- the whole file ------------------------------------------------------------ */

static int
read_all(struct ps_ctx *c, struct nm_error *err)
{
	const struct nm_input *in = c->in;
	size_t i = 0, first, last, next;

	if (nm_json_span(in, &first, &last)) {
		if (c->snap == NULL) {
			c->n = json_count(in);
			return 0;
		}
		return read_json(c, first, last, err);
	}
	while (i < in->lines.n) {
		const struct nm_line *l = &in->lines.v[i];
		const char *n, *v;
		size_t nl, vl, blen;
		const char *b = nm_line_body(l, &blen);

		next = i + 1;
		if (l->len > NM_PARSE_MAX_LINE)
			;
		else if (blen >= 2 && b[0] == '-' && b[1] == '-')
			next = read_table(c, i);
		else if (b[0] == '"' && memchr(b, ',', blen) != NULL)
			next = read_csv(c, i);
		else if (list_item(l, &n, &nl, &v, &vl))
			next = read_list(c, i);
		i = next > i ? next : i + 1;
	}
	return 0;
}

static int
svc_score(const struct nm_input *in)
{
	struct ps_ctx c = { in, NULL, 0 };

	(void)read_all(&c, NULL);
	return c.n;
}

static int
svc_parse(const struct nm_input *in, struct nm_snapshot *snap,
    struct nm_error *err)
{
	struct ps_ctx c = { in, snap, 0 };

	if (snap->host.os == NULL) {
		snap->host.os = "windows";
		snap->host.os_reason = "PowerShell format";
	}
	if (read_all(&c, err) != 0)
		return -1;
	if (c.n == 0)
		return nm_seterr(err, NM_ERR_INPUT, "%s: no Get-Service or "
		    "Win32_Service rows found", in->name);
	return 0;
}

const struct nm_parser nm_parser_pwsh_services = {
	"pwsh-services",
	"PowerShell Get-Service, Get-CimInstance/Get-WmiObject "
	    "Win32_Service: tables, Format-List, CSV, JSON",
	svc_score,
	svc_parse,
	true,
};
