/*
 * exec_linux_conf.c - a plan's config actions (netmin.plan/1 "config":
 * dropin, keyvalue, line) as executor ops: folders to make, the new file
 * bytes (the old ones go into the journal), daemon-reload for unit
 * drop-ins, and the restart that makes the daemon read it.  The knowledge
 * of which file and which setting narrows which daemon (sshd ListenAddress,
 * cupsd Listen, exim dc_local_interfaces, chrony port/cmdport, resolved
 * LLMNR=...) is the knowledge base's; this file only edits text exactly.
 *
 * The text functions are pure (unit-tested); the builder reads files
 * through a callback.
 */
#include <stdlib.h>
#include <string.h>

#include "exec_linux_conf.h"

/* ------------------------------------------------------------------ */
/* Text helpers                                                         */

struct line {
	const char	*s;
	size_t		 len;		/* without the newline */
};

static size_t
split(const char *s, size_t len, struct line **out)
{
	size_t n = 0, cap = 16, i, start = 0;
	struct line *v = nm_xmalloc(cap * sizeof(*v));

	for (i = 0; i <= len; i++) {
		if (i < len && s[i] != '\n')
			continue;
		if (i == len && start == len)
			break;
		if (n == cap)
			v = nm_xrealloc(v, cap *= 2, sizeof(*v));
		v[n].s = s + start;
		v[n].len = i - start;
		n++;
		start = i + 1;
	}
	*out = v;
	return n;
}

/* First word of a config line, case-insensitively, after blanks. */
static bool
keyword_is(const struct line *l, const char *kw, const char **rest)
{
	const char *p = l->s, *end = l->s + l->len;
	size_t n = strlen(kw);

	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	if ((size_t)(end - p) < n || !nm_strneq_ci(p, kw, n))
		return false;
	p += n;
	if (p < end && *p != ' ' && *p != '\t' && *p != '=')
		return false;
	while (p < end && (*p == ' ' || *p == '\t' || *p == '='))
		p++;
	if (rest)
		*rest = p;
	return true;
}

static void
put_line(struct nm_buf *b, const struct line *l)
{
	nm_buf_add(b, l->s, l->len);
	nm_buf_putc(b, '\n');
}

/* ------------------------------------------------------------------ */
/* key=value files: exim4's update-exim4.conf.conf, /etc/default/...,   */
/* avahi-daemon.conf ([section] key=value)                              */

/*
 * Sets key to value (the value written as given, quotes included) in
 * section (NULL: no sections), replacing every active occurrence or adding
 * one at the end of the section.  Returns 1 when the text changed.
 */
int
nm_conf_set_kv(const char *text, size_t len, const char *section,
    const char *key, const char *sep, const char *value, struct nm_buf *out)
{
	struct line *l;
	size_t n = split(text, len, &l), i, last_in = 0;
	bool in = section == NULL, seen_section = false, set = false;
	int changed = 0;
	struct nm_buf want = { 0 };

	nm_buf_printf(&want, "%s%s%s", key, sep, value);
	for (i = 0; i < n; i++) {
		const char *p = l[i].s;

		if (section != NULL && l[i].len > 0 && p[0] == '[') {
			bool was = in;

			in = l[i].len == strlen(section) &&
			    memcmp(p, section, strlen(section)) == 0;
			if (was && !set) {
				/* end of our section without the key */
				nm_buf_printf(out, "%s\n", want.s);
				set = true;
				changed = 1;
			}
			seen_section |= in;
			put_line(out, &l[i]);
			continue;
		}
		if (in && keyword_is(&l[i], key, NULL)) {
			if (l[i].len != want.len ||
			    memcmp(p, want.s, want.len) != 0) {
				nm_buf_puts(out, "# netmin: ");
				put_line(out, &l[i]);
				nm_buf_printf(out, "%s\n", want.s);
				changed = 1;
			} else {
				put_line(out, &l[i]);
			}
			set = true;
			continue;
		}
		if (in)
			last_in = i;
		put_line(out, &l[i]);
	}
	(void)last_in;
	if (!set) {
		if (section != NULL && !seen_section)
			nm_buf_printf(out, "%s\n", section);
		nm_buf_printf(out, "%s\n", want.s);
		changed = 1;
	}
	nm_buf_add(out, NULL, 0);
	nm_buf_free(&want);
	free(l);
	return changed;
}

/* ------------------------------------------------------------------ */
/* Line edits                                                           */

/*
 * Comments out every active line starting with match (after blanks) and
 * puts lines[] where the first one stood (at the end when none did).
 * Returns 1 when the text changed.
 */
int
nm_conf_replace_lines(const char *text, size_t len, const char *match,
    const char *const *lines, size_t nlines, struct nm_buf *out)
{
	struct line *l;
	size_t n = split(text, len, &l), i, k, mlen = strlen(match);
	bool placed = false, same = true;
	size_t nmatched = 0;

	for (i = 0; i < n; i++) {
		const char *p = l[i].s, *end = l[i].s + l[i].len;

		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		if ((size_t)(end - p) >= mlen && memcmp(p, match, mlen) == 0) {
			if (nmatched >= nlines || l[i].len !=
			    strlen(lines[nmatched]) || memcmp(l[i].s,
			    lines[nmatched], l[i].len) != 0)
				same = false;
			nmatched++;
		}
	}
	if (same && nmatched == nlines) {
		nm_buf_add(out, text, len);
		nm_buf_add(out, NULL, 0);
		free(l);
		return 0;
	}
	for (i = 0; i < n; i++) {
		const char *p = l[i].s, *end = l[i].s + l[i].len;

		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		if ((size_t)(end - p) >= mlen && memcmp(p, match, mlen) == 0) {
			nm_buf_puts(out, "# netmin: ");
			put_line(out, &l[i]);
			if (!placed)
				for (k = 0; k < nlines; k++)
					nm_buf_printf(out, "%s\n", lines[k]);
			placed = true;
			continue;
		}
		put_line(out, &l[i]);
	}
	if (!placed)
		for (k = 0; k < nlines; k++)
			nm_buf_printf(out, "%s\n", lines[k]);
	nm_buf_add(out, NULL, 0);
	free(l);
	return 1;
}

/* ------------------------------------------------------------------ */
/* Op building from a plan's config action                              */

static struct nm_op *
push(struct nm_conf_plan *cp, int kind)
{
	struct nm_op *op = NM_VEC_PUSH(&cp->ops);

	memset(op, 0, sizeof(*op));
	op->kind = kind;
	op->mode = -1;
	op->group = cp->group;
	op->step = cp->step;
	op->why = cp->why;
	return op;
}

/* "KEY=VALUE" rendered with sep ("KEY VALUE" for sshd, chrony, cupsd). */
static const char *
render(struct nm_arena *a, const char *setting, const char *sep)
{
	const char *eq = strchr(setting, '=');

	if (eq == NULL || sep == NULL || strcmp(sep, "=") == 0)
		return setting;
	return nm_asprintf(a, "%.*s%s%s", (int)(eq - setting), setting, sep,
	    eq + 1);
}

int
nm_conf_action_ops(struct nm_conf_plan *cp, const struct nm_conf_action *ca,
    struct nm_error *err)
{
	struct nm_buf text = { 0 }, out = { 0 };
	struct nm_op *op;
	size_t i;
	int rc = -1, changed = 0;

	if (ca->path == NULL || ca->path[0] != '/' || ca->nsettings == 0)
		return nm_seterr(err, NM_ERR_INPUT, "config action needs an "
		    "absolute path and settings");
	if (strcmp(ca->format, "dropin") == 0) {
		char *dir = nm_astrdup(cp->a, ca->path), *slash;
		const char *mk[8];
		size_t nmk = 0;

		/* the folders to make, from the top down */
		while ((slash = strrchr(dir, '/')) != NULL && slash != dir &&
		    nmk < NM_NELEM(mk)) {
			*slash = '\0';
			if (cp->exists(dir))
				break;
			mk[nmk++] = nm_astrdup(cp->a, dir);
		}
		while (nmk > 0) {
			op = push(cp, NM_OP_MKDIR);
			op->path = mk[--nmk];
			op->mode = 0755;
		}
		nm_buf_printf(&out, "# written by netmin apply%s%s; 'netmin "
		    "undo' removes it\n", cp->why ? ": " : "",
		    cp->why ? cp->why : "");
		if (ca->section)
			nm_buf_printf(&out, "%s\n", ca->section);
		for (i = 0; i < ca->nsettings; i++)
			nm_buf_printf(&out, "%s\n", render(cp->a,
			    ca->settings[i], ca->sep));
		changed = 1;
	} else if (strcmp(ca->format, "keyvalue") == 0 ||
	    strcmp(ca->format, "line") == 0) {
		if (cp->read(ca->path, &text, err) != 0)
			goto done;
		if (strcmp(ca->format, "line") == 0) {
			const char **lines = nm_aalloc(cp->a, ca->nsettings *
			    sizeof(*lines));

			if (ca->match == NULL) {
				nm_seterr(err, NM_ERR_INPUT, "a line edit "
				    "needs \"match\"");
				goto done;
			}
			for (i = 0; i < ca->nsettings; i++)
				lines[i] = render(cp->a, ca->settings[i],
				    ca->sep);
			changed = nm_conf_replace_lines(text.s, text.len,
			    ca->match, lines, ca->nsettings, &out);
		} else {
			struct nm_buf cur = { 0 };

			nm_buf_add(&cur, text.s, text.len);
			nm_buf_add(&cur, NULL, 0);
			for (i = 0; i < ca->nsettings; i++) {
				const char *s = ca->settings[i];
				const char *eq = strchr(s, '=');
				char *key;

				if (eq == NULL) {
					nm_buf_free(&cur);
					nm_seterr(err, NM_ERR_INPUT, "setting "
					    "'%s' is not KEY=VALUE", s);
					goto done;
				}
				key = nm_astrndup(cp->a, s, (size_t)(eq - s));
				nm_buf_reset(&out);
				changed |= nm_conf_set_kv(cur.s, cur.len,
				    ca->section, key, ca->sep ? ca->sep : "=",
				    eq + 1, &out);
				nm_buf_reset(&cur);
				nm_buf_add(&cur, out.s, out.len);
				nm_buf_add(&cur, NULL, 0);
			}
			nm_buf_free(&cur);
		}
	} else {
		nm_seterr(err, NM_ERR_INPUT, "config format '%s' is not "
		    "dropin, keyvalue or line", ca->format);
		goto done;
	}
	if (!changed) {
		rc = 0;		/* the file already says so */
		goto done;
	}
	op = push(cp, NM_OP_FILE_WRITE);
	op->path = ca->path;
	op->data = nm_astrndup(cp->a, out.s, out.len);
	op->len = out.len;
	op->mode = strcmp(ca->format, "dropin") == 0 ? 0644 : -1;
	/* a unit drop-in is read on daemon-reload */
	if (cp->systemd && (strstr(ca->path, ".service.d/") ||
	    strstr(ca->path, ".socket.d/")))
		push(cp, NM_OP_RELOAD);
	if (ca->reload != NULL) {
		op = push(cp, NM_OP_RESTART);
		op->unit = ca->reload;
	}
	rc = 0;
done:
	nm_buf_free(&text);
	nm_buf_free(&out);
	return rc;
}
