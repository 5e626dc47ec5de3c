/*
 * parse_sc.c - Windows "sc queryex" (and "sc query", "sc qc"): the host's
 * services with their state, process and start type.
 *
 *   SERVICE_NAME: Schedule
 *   DISPLAY_NAME: Task Scheduler
 *           TYPE               : 20  WIN32_SHARE_PROCESS
 *           STATE              : 4  RUNNING
 *                                   (STOPPABLE, NOT_PAUSABLE, ACCEPTS_SHUTDOWN)
 *           ...
 *           PID                : 920
 *
 * A record is a name line followed by indented "KEY : value" lines.  The
 * keys may be translated, the values are not: a TYPE value is a number and
 * a WIN32_ or driver word, a STATE value a digit and RUNNING, STOPPED...,
 * a START_TYPE value a number and AUTO_START, DEMAND_START... (sc qc), and
 * PID is the last plain number of an sc queryex record.  Running services
 * with a PID are PID -> service evidence, like tasklist /svc; every record
 * goes to the host's service list (JSON host.services), where the planner
 * finds the start type it will restore.
 */
#include <stdlib.h>
#include <string.h>

#include "parse.h"

#define MAXKEY 16

static const struct {
	const char	*word;
	const char	*state;
} sc_states[] = {
	{ "STOPPED", "stopped" },
	{ "START_PENDING", "start-pending" },
	{ "STOP_PENDING", "stop-pending" },
	{ "RUNNING", "running" },
	{ "CONTINUE_PENDING", "continue-pending" },
	{ "PAUSE_PENDING", "pause-pending" },
	{ "PAUSED", "paused" },
};

static const struct {
	const char	*word;
	const char	*start;
} sc_starts[] = {
	{ "BOOT_START", "boot" },
	{ "SYSTEM_START", "system" },
	{ "AUTO_START", "auto" },
	{ "DEMAND_START", "demand" },
	{ "DISABLED", "disabled" },
};

static const struct {
	const char	*word;
	const char	*type;
} sc_types[] = {
	{ "KERNEL_DRIVER", "kernel-driver" },
	{ "FILE_SYSTEM_DRIVER", "file-system-driver" },
	{ "WIN32_OWN_PROCESS", "own-process" },
	{ "WIN32_SHARE_PROCESS", "share-process" },
	{ "USER_OWN_PROCESS", "user-service" },
	{ "USER_SHARE_PROCESS", "user-service" },
	{ "WIN32", "share-process" },
};

struct sc_rec {
	const char	*name, *display, *state, *start, *type, *binary;
	size_t		 nlen, dlen, blen;
	int		 pid;		/* -1 unknown */
	bool		 delayed;
	int		 line;
	int		 keys;		/* indented keyed lines read */
};

/* "NAME: value" at the start of a line: the key and the value. */
static bool
head_line(const struct nm_line *l, const char **key, size_t *klen,
    const char **val, size_t *vlen)
{
	size_t blen, i;
	const char *b = nm_line_body(l, &blen);

	if (blen < 3 || l->s[0] == ' ' || l->s[0] == '\t')
		return false;
	for (i = 0; i < blen && i < 40; i++) {
		if (b[i] == ':')
			break;
		if (b[i] == ' ' || b[i] == '\t')
			return false;
	}
	if (i == 0 || i >= blen || i == 40 || b[i] != ':')
		return false;
	*key = b;
	*klen = i;
	*val = nm_trim(b + i + 1, blen - i - 1, vlen);
	return true;
}

/* "        KEY                : value" (indented, padded, " : "). */
static bool
key_line(const struct nm_line *l, const char **key, size_t *klen,
    const char **val, size_t *vlen)
{
	size_t blen;
	const char *b, *c;

	if (l->len < 4 || (l->s[0] != ' ' && l->s[0] != '\t'))
		return false;
	b = nm_line_body(l, &blen);
	if (blen < 3 || (c = memchr(b, ':', blen)) == NULL || c == b ||
	    c[-1] != ' ')
		return false;
	*key = nm_trim(b, (size_t)(c - b), klen);
	*val = nm_trim(c + 1, blen - (size_t)(c + 1 - b), vlen);
	return *klen > 0 && memchr(*key, ' ', *klen) == NULL;
}

/* "4  RUNNING": the number, then the word that names it. */
static bool
coded(const char *v, size_t vl, const char **word, size_t *wl)
{
	size_t i = 0;

	while (i < vl && v[i] >= '0' && v[i] <= '9')
		i++;
	if (i == 0 || i == vl || v[i] != ' ')
		return false;
	while (i < vl && v[i] == ' ')
		i++;
	*word = v + i;
	*wl = 0;
	while (i + *wl < vl && v[i + *wl] != ' ')
		(*wl)++;
	return *wl > 0;
}

static bool
word_is(const char *w, size_t wl, const char *s)
{
	return strlen(s) == wl && memcmp(w, s, wl) == 0;
}

/* "2   AUTO_START  (DELAYED)": a delayed automatic start. */
static bool
has_delayed(const char *v, size_t vl)
{
	size_t i;

	for (i = 0; i + 7 <= vl; i++)
		if (memcmp(v + i, "DELAYED", 7) == 0)
			return true;
	return false;
}

static bool
plain_number(const char *v, size_t vl, int *n)
{
	return vl > 0 && nm_parse_int(v, vl, 0, 0x7fffffff, n) == 0;
}

/* Reads one record from lines[i] (its name line); returns the next line. */
static size_t
read_rec(const struct nm_input *in, size_t i, struct sc_rec *r)
{
	const char *k, *v, *w;
	size_t kl, vl, wl, j;
	int last_num = -1, n;

	memset(r, 0, sizeof(*r));
	r->pid = -1;
	if (!head_line(&in->lines.v[i], &k, &kl, &v, &vl) || vl == 0)
		return i + 1;
	r->name = v;
	r->nlen = vl;
	r->line = in->lines.v[i].no;
	for (i++; i < in->lines.n; i++) {
		const struct nm_line *l = &in->lines.v[i];
		size_t blen;

		if (l->len > NM_PARSE_MAX_LINE)
			break;
		nm_line_body(l, &blen);
		if (blen == 0)
			break;
		if (head_line(l, &k, &kl, &v, &vl)) {
			/* The display name line, once, right after the name. */
			if (r->display == NULL && r->keys == 0) {
				r->display = v;
				r->dlen = vl;
				continue;
			}
			break;
		}
		if (!key_line(l, &k, &kl, &v, &vl))
			continue;	/* the flags line under STATE */
		r->keys++;
		if (word_is(k, kl, "PID") && plain_number(v, vl, &n))
			r->pid = n;
		else if (word_is(k, kl, "BINARY_PATH_NAME")) {
			r->binary = v;
			r->blen = vl;
		} else if (word_is(k, kl, "DISPLAY_NAME") && vl > 0) {
			r->display = v;
			r->dlen = vl;
		} else if (coded(v, vl, &w, &wl)) {
			for (j = 0; j < NM_NELEM(sc_states); j++)
				if (word_is(w, wl, sc_states[j].word))
					r->state = sc_states[j].state;
			for (j = 0; j < NM_NELEM(sc_starts); j++)
				if (word_is(w, wl, sc_starts[j].word)) {
					r->start = sc_starts[j].start;
					r->delayed = vl > wl && has_delayed(v, vl);
				}
			for (j = 0; j < NM_NELEM(sc_types) && r->type == NULL;
			    j++)
				if (wl >= strlen(sc_types[j].word) &&
				    memcmp(w, sc_types[j].word,
				    strlen(sc_types[j].word)) == 0)
					r->type = sc_types[j].type;
		} else if (plain_number(v, vl, &n))
			last_num = n;
	}
	/* A translated "PID": the last plain number of an sc queryex record. */
	if (r->pid < 0 && r->state != NULL && last_num >= 0 && r->keys >= 7)
		r->pid = last_num;
	return i;
}

static void
add_rec(const struct nm_input *in, struct nm_snapshot *snap,
    const struct sc_rec *r)
{
	const char *name = nm_text_dup(&snap->arena, r->name, r->nlen);
	struct nm_service *v = nm_snap_service(snap, name, true);

	if (v->display == NULL && r->display != NULL)
		v->display = nm_text_dup(&snap->arena, r->display, r->dlen);
	if (r->state != NULL)
		v->state = r->state;
	if (r->start != NULL) {
		v->start = r->start;
		v->delayed = r->delayed;
	}
	if (r->type != NULL)
		v->type = r->type;
	if (r->binary != NULL && r->blen > 0)
		v->binary = nm_text_dup(&snap->arena, r->binary, r->blen);
	if (r->state != NULL)
		v->pid = r->pid > 0 && strcmp(r->state, "stopped") != 0 ?
		    r->pid : -1;
	/* A running service's process hosts it: PID -> service evidence. */
	if (v->pid > 0) {
		struct nm_proc *p = nm_snap_proc(snap, v->pid, true);

		nm_proc_add_service(snap, p, v->name);
	}
	(void)in;
}

static bool
is_record(const struct sc_rec *r)
{
	return r->name != NULL && (r->state != NULL || r->start != NULL ||
	    r->type != NULL);
}

/* Walks every record; with snap NULL only counts them. */
static int
read_all(const struct nm_input *in, struct nm_snapshot *snap)
{
	size_t i = 0;
	int n = 0;

	while (i < in->lines.n) {
		struct sc_rec r;
		const char *k, *v;
		size_t kl, vl, next;

		if (in->lines.v[i].len > NM_PARSE_MAX_LINE ||
		    !head_line(&in->lines.v[i], &k, &kl, &v, &vl)) {
			i++;
			continue;
		}
		next = read_rec(in, i, &r);
		i = next > i ? next : i + 1;
		if (!is_record(&r))
			continue;
		n++;
		if (snap != NULL)
			add_rec(in, snap, &r);
	}
	return n;
}

static int
sc_score(const struct nm_input *in)
{
	return read_all(in, NULL);
}

static int
sc_parse(const struct nm_input *in, struct nm_snapshot *snap,
    struct nm_error *err)
{
	if (snap->host.os == NULL) {
		snap->host.os = "windows";
		snap->host.os_reason = "sc format";
	}
	if (read_all(in, snap) == 0)
		return nm_seterr(err, NM_ERR_INPUT, "%s: no sc query or sc qc "
		    "records found", in->name);
	return 0;
}

const struct nm_parser nm_parser_sc = {
	"sc",
	"Windows sc queryex, sc query, sc qc (any display language): "
	    "services, their state, PID and start type",
	sc_score,
	sc_parse,
	true,
};
