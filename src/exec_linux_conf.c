/*
 * exec_linux_conf.c - config edits that narrow a daemon to loopback
 * instead of stopping it.  Each edit reads the daemon's current file and
 * yields ops: a drop-in where the daemon reads drop-ins (sshd_config.d,
 * chrony conf.d, systemd unit and resolved.conf.d drop-ins), otherwise an
 * edit of the main file whose old bytes go into the journal; then the
 * effect that makes the daemon read it (daemon-reload, restart, helper).
 *
 * The text functions are pure (unit-tested); nm_conf_ops reads files.
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
/* sshd                                                                 */

/*
 * sshd takes the first value of most keywords, but ListenAddress lines
 * add up, so a drop-in only narrows when the main file has none of its
 * own and includes sshd_config.d before any Match block.
 */
bool
nm_conf_sshd_dropin_ok(const char *text, size_t len)
{
	struct line *l;
	size_t n = split(text, len, &l), i;
	bool include = false, listen = false, match = false;
	const char *rest;

	for (i = 0; i < n; i++) {
		if (keyword_is(&l[i], "Match", NULL))
			match = true;
		else if (!match && keyword_is(&l[i], "Include", &rest) &&
		    nm_startswith(rest, "/etc/ssh/sshd_config.d/"))
			include = true;
		else if (keyword_is(&l[i], "ListenAddress", NULL))
			listen = true;
	}
	free(l);
	return include && !listen;
}

/* Main-file edit: ListenAddress lines out, loopback ones before Match. */
void
nm_conf_sshd_edit(const char *text, size_t len, struct nm_buf *out)
{
	struct line *l;
	size_t n = split(text, len, &l), i;
	bool done = false;

	for (i = 0; i < n; i++) {
		if (!done && keyword_is(&l[i], "Match", NULL)) {
			nm_buf_puts(out, "# netmin: listen on loopback only\n"
			    "ListenAddress 127.0.0.1\nListenAddress ::1\n");
			done = true;
		}
		if (keyword_is(&l[i], "ListenAddress", NULL)) {
			nm_buf_puts(out, "# netmin: ");
			put_line(out, &l[i]);
			continue;
		}
		put_line(out, &l[i]);
	}
	if (!done)
		nm_buf_puts(out, "# netmin: listen on loopback only\n"
		    "ListenAddress 127.0.0.1\nListenAddress ::1\n");
	nm_buf_add(out, NULL, 0);
	free(l);
}

/* ------------------------------------------------------------------ */
/* cupsd                                                                */

static bool
loopback_listen(const char *v, size_t n)
{
	return v[0] == '/' || nm_strneq_ci(v, "localhost:", 10) ||
	    (n >= 10 && memcmp(v, "127.0.0.1:", 10) == 0) ||
	    (n >= 6 && memcmp(v, "[::1]:", 6) == 0);
}

/*
 * cupsd reads no drop-ins: "Port N" and non-loopback "Listen A:N" become
 * "Listen localhost:N" (localhost covers 127.0.0.1 and ::1).
 */
int
nm_conf_cupsd_edit(const char *text, size_t len, struct nm_buf *out)
{
	struct line *l;
	size_t n = split(text, len, &l), i;
	int changed = 0;
	const char *rest;

	for (i = 0; i < n; i++) {
		const char *end = l[i].s + l[i].len;

		if (keyword_is(&l[i], "Port", &rest)) {
			nm_buf_puts(out, "# netmin: ");
			put_line(out, &l[i]);
			nm_buf_printf(out, "Listen localhost:%.*s\n",
			    (int)(end - rest), rest);
			changed++;
		} else if (keyword_is(&l[i], "Listen", &rest) &&
		    !loopback_listen(rest, (size_t)(end - rest))) {
			const char *colon = NULL, *p;

			for (p = rest; p < end; p++)
				if (*p == ':')
					colon = p;
			nm_buf_puts(out, "# netmin: ");
			put_line(out, &l[i]);
			nm_buf_printf(out, "Listen localhost:%.*s\n",
			    colon ? (int)(end - colon - 1) : 3,
			    colon ? colon + 1 : "631");
			changed++;
		} else {
			put_line(out, &l[i]);
		}
	}
	nm_buf_add(out, NULL, 0);
	free(l);
	return changed;
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
    const char *key, const char *value, struct nm_buf *out)
{
	struct line *l;
	size_t n = split(text, len, &l), i, last_in = 0;
	bool in = section == NULL, seen_section = false, set = false;
	int changed = 0;
	struct nm_buf want = { 0 };

	nm_buf_printf(&want, "%s=%s", key, value);
	for (i = 0; i < n; i++) {
		const char *p = l[i].s;

		if (section != NULL && l[i].len > 0 && p[0] == '[') {
			bool was = in;

			in = l[i].len == strlen(section) + 2 &&
			    memcmp(p + 1, section, strlen(section)) == 0;
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
		if (in && l[i].len > strlen(key) &&
		    memcmp(p, key, strlen(key)) == 0 &&
		    (p[strlen(key)] == '=' || p[strlen(key)] == ' ')) {
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
			nm_buf_printf(out, "[%s]\n", section);
		nm_buf_printf(out, "%s\n", want.s);
		changed = 1;
	}
	nm_buf_add(out, NULL, 0);
	nm_buf_free(&want);
	free(l);
	return changed;
}

/* ------------------------------------------------------------------ */
/* Op building                                                          */

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

static void
add_write(struct nm_conf_plan *cp, const char *path, const char *data,
    size_t len, int mode)
{
	struct nm_op *op = push(cp, NM_OP_FILE_WRITE);

	op->path = nm_astrdup(cp->a, path);
	op->data = nm_astrndup(cp->a, data, len);
	op->len = len;
	op->mode = mode;
}

/* mkdir for each missing folder from the top down, then the file. */
static void
add_dropin(struct nm_conf_plan *cp, const char *dir, const char *name,
    const char *data)
{
	struct nm_op *op;

	if (!cp->exists(dir)) {
		op = push(cp, NM_OP_MKDIR);
		op->path = nm_astrdup(cp->a, dir);
		op->mode = 0755;
	}
	add_write(cp, nm_asprintf(cp->a, "%s/%s", dir, name), data,
	    strlen(data), 0644);
}

static void
add_effect(struct nm_conf_plan *cp, int kind, const char *unit)
{
	struct nm_op *op = push(cp, kind);

	if (unit)
		op->unit = nm_astrdup(cp->a, unit);
}

const char *const nm_conf_targets[] = { "sshd", "cupsd", "exim4",
	"chrony", "rpcbind", "avahi-daemon", "systemd-resolved", NULL };

int
nm_conf_ops(struct nm_conf_plan *cp, const char *target, const char *setting,
    struct nm_error *err)
{
	struct nm_buf text = { 0 }, out = { 0 };
	const char *path;
	int rc = -1;

	if (strcmp(target, "sshd") == 0) {
		path = nm_asprintf(cp->a, "%s/ssh/sshd_config", cp->etc);
		if (cp->read(path, &text, err) != 0)
			goto done;
		if (nm_conf_sshd_dropin_ok(text.s, text.len)) {
			add_dropin(cp, nm_asprintf(cp->a, "%s/ssh/sshd_config.d",
			    cp->etc), "50-netmin-loopback.conf",
			    "# netmin: listen on loopback only\n"
			    "ListenAddress 127.0.0.1\nListenAddress ::1\n");
		} else {
			nm_conf_sshd_edit(text.s, text.len, &out);
			add_write(cp, path, out.s, out.len, -1);
		}
		add_effect(cp, NM_OP_RESTART, cp->unit ? cp->unit :
		    "ssh.service");
	} else if (strcmp(target, "cupsd") == 0) {
		path = nm_asprintf(cp->a, "%s/cups/cupsd.conf", cp->etc);
		if (cp->read(path, &text, err) != 0)
			goto done;
		if (nm_conf_cupsd_edit(text.s, text.len, &out) == 0) {
			rc = 0;		/* already loopback only */
			goto done;
		}
		add_write(cp, path, out.s, out.len, -1);
		add_effect(cp, NM_OP_RESTART, cp->unit ? cp->unit :
		    "cups.service");
	} else if (strcmp(target, "exim4") == 0) {
		path = nm_asprintf(cp->a, "%s/exim4/update-exim4.conf.conf",
		    cp->etc);
		if (cp->read(path, &text, err) != 0)
			goto done;
		if (nm_conf_set_kv(text.s, text.len, NULL,
		    "dc_local_interfaces", "'127.0.0.1 ; ::1'", &out) == 0) {
			rc = 0;
			goto done;
		}
		add_write(cp, path, out.s, out.len, -1);
		{
			struct nm_op *op = push(cp, NM_OP_RUN);

			op->argv = nm_aalloc(cp->a, 2 * sizeof(*op->argv));
			op->argv[0] = "update-exim4.conf";
		}
		add_effect(cp, NM_OP_RESTART, cp->unit ? cp->unit : "exim4");
	} else if (strcmp(target, "chrony") == 0) {
		/* conf.d is read where "confdir" stands; ours sorts last */
		add_dropin(cp, nm_asprintf(cp->a, "%s/chrony/conf.d", cp->etc),
		    "zz-netmin-noport.conf",
		    "# netmin: no NTP server port, no UDP command port\n"
		    "port 0\ncmdport 0\n");
		add_effect(cp, NM_OP_RESTART, cp->unit ? cp->unit :
		    "chrony.service");
	} else if (strcmp(target, "rpcbind") == 0 && cp->systemd) {
		/* the sockets belong to rpcbind.socket: narrow those */
		const char *sock = "rpcbind.socket", *svc = "rpcbind.service";
		struct nm_op *op;

		op = push(cp, NM_OP_UNIT_STOP);
		op->unit = sock;
		op = push(cp, NM_OP_UNIT_STOP);
		op->unit = svc;
		add_dropin(cp, nm_asprintf(cp->a, "%s/%s.d", cp->unit_dir,
		    sock), "50-netmin-loopback.conf",
		    "# netmin: loopback only\n[Socket]\nListenStream=\n"
		    "ListenDatagram=\nListenStream=/run/rpcbind.sock\n"
		    "ListenStream=127.0.0.1:111\nListenDatagram=127.0.0.1:111\n"
		    "ListenStream=[::1]:111\nListenDatagram=[::1]:111\n");
		add_effect(cp, NM_OP_RELOAD, NULL);
		op = push(cp, NM_OP_UNIT_START);
		op->unit = sock;
		op = push(cp, NM_OP_UNIT_START);
		op->unit = svc;
	} else if (strcmp(target, "rpcbind") == 0) {
		/* rpcbind -h narrows UDP only; TCP 111 stays on all */
		path = nm_asprintf(cp->a, "%s/default/rpcbind", cp->etc);
		if (cp->read(path, &text, err) != 0)
			goto done;
		if (nm_conf_set_kv(text.s, text.len, NULL, "OPTIONS",
		    "\"-w -h 127.0.0.1 -h ::1\"", &out) == 0) {
			rc = 0;
			goto done;
		}
		add_write(cp, path, out.s, out.len, -1);
		add_effect(cp, NM_OP_RESTART, cp->unit ? cp->unit : "rpcbind");
	} else if (strcmp(target, "avahi-daemon") == 0) {
		/* answers on loopback only; its :5353 socket stays bound */
		path = nm_asprintf(cp->a, "%s/avahi/avahi-daemon.conf", cp->etc);
		if (cp->read(path, &text, err) != 0)
			goto done;
		if (nm_conf_set_kv(text.s, text.len, "server",
		    "allow-interfaces", setting && strchr(setting, '=') ?
		    strchr(setting, '=') + 1 : "lo", &out) == 0) {
			rc = 0;
			goto done;
		}
		add_write(cp, path, out.s, out.len, -1);
		add_effect(cp, NM_OP_RESTART, cp->unit ? cp->unit :
		    "avahi-daemon.service");
	} else if (strcmp(target, "systemd-resolved") == 0) {
		add_dropin(cp, nm_asprintf(cp->a, "%s/systemd/resolved.conf.d",
		    cp->etc), "50-netmin-no-llmnr-mdns.conf",
		    "# netmin: no LLMNR (5355) and no mDNS (5353)\n"
		    "[Resolve]\nLLMNR=no\nMulticastDNS=no\n");
		add_effect(cp, NM_OP_RESTART, "systemd-resolved.service");
	} else {
		nm_seterr(err, NM_ERR_INPUT, "no config edit known for '%s' "
		    "(known: sshd, cupsd, exim4, chrony, rpcbind, "
		    "avahi-daemon, systemd-resolved)", target);
		goto done;
	}
	rc = 0;
done:
	nm_buf_free(&text);
	nm_buf_free(&out);
	return rc;
}
