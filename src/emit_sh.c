/*
 * emit_sh.c - a plan as a POSIX sh script and its rollback, for Linux.
 *
 * The service manager is found at run time (systemd, OpenRC, runit,
 * sysvinit).  Before each change the script saves what it will change: a
 * unit's enablement and whether it is active, a config file's bytes and
 * mode (or that it did not exist).  Three variables make the scripts
 * usable on test hosts and offline trees: SYSTEMCTL (e.g. "systemctl
 * --user"), NETMIN_ROOT (prefix for config paths) and SVDIR (runit).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emit.h"

static void
q(struct nm_buf *b, const char *s)
{
	nm_buf_putc(b, '\'');
	for (; s && *s; s++) {
		if (*s == '\'')
			nm_buf_puts(b, "'\\''");
		else
			nm_buf_putc(b, *s);
	}
	nm_buf_putc(b, '\'');
}

static int
check_name(const char *what, const char *s, struct nm_error *err)
{
	const char *p;

	if (s == NULL || *s == '\0')
		return nm_seterr(err, NM_ERR_USAGE, "%s missing", what);
	for (p = s; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("@._:-\\", *p)))
			return nm_seterr(err, NM_ERR_USAGE, "%s '%s' has "
			    "characters a unit name cannot have", what, s);
	return 0;
}

static int
check_line(const char *what, const char *s, struct nm_error *err)
{
	if (s != NULL && strpbrk(s, "\r\n") != NULL)
		return nm_seterr(err, NM_ERR_USAGE, "%s holds a line break",
		    what);
	return 0;
}

/* The service's name under a non-systemd manager. */
static const char *
alt_name(const struct nm_action *a, const char *mgr, const char *unit,
    char *buf, size_t len)
{
	size_t i;

	for (i = 0; i < a->nalt; i++)
		if (strcmp(a->alt[i].manager, mgr) == 0 && a->alt[i].name)
			return a->alt[i].name;
	nm_strlcpy(buf, unit, len);
	if (nm_endswith(buf, ".service"))
		buf[strlen(buf) - 8] = '\0';
	return buf;
}

static int
emit_unit(const struct nm_action *a, const char *tag, struct nm_buf *ap,
    struct nm_buf *rb, struct nm_error *err)
{
	size_t i;
	char nb[128];
	bool any_service = false;

	if (a->nunits == 0)
		return nm_seterr(err, NM_ERR_USAGE, "unit action without "
		    "units");
	for (i = 0; i < a->nunits; i++)
		if (check_name("unit", a->units[i], err) != 0)
			return -1;
	nm_buf_puts(ap, "case $NM_MGR in\nsystemd)\n");
	for (i = 0; i < a->nunits; i++) {
		nm_buf_printf(ap, "\tunit_save %s_%zu ", tag, i + 1);
		q(ap, a->units[i]);
		nm_buf_putc(ap, '\n');
	}
	nm_buf_printf(ap, "\tunits_off %s", a->unit_op == NM_UNIT_MASK ?
	    "mask" : "disable");
	for (i = 0; i < a->nunits; i++) {
		nm_buf_putc(ap, ' ');
		q(ap, a->units[i]);
	}
	nm_buf_puts(ap, "\n\t;;\n*)\n");
	/* Other managers know services, not sockets. */
	for (i = 0; i < a->nunits; i++) {
		if (nm_endswith(a->units[i], ".socket"))
			continue;
		any_service = true;
		nm_buf_printf(ap, "\tsvc_off %s_%zu \"$(svc_name ", tag, i + 1);
		q(ap, alt_name(a, "sysv", a->units[i], nb, sizeof(nb)));
		nm_buf_putc(ap, ' ');
		q(ap, alt_name(a, "openrc", a->units[i], nb, sizeof(nb)));
		nm_buf_putc(ap, ' ');
		q(ap, alt_name(a, "runit", a->units[i], nb, sizeof(nb)));
		nm_buf_puts(ap, ")\"\n");
	}
	if (!any_service)
		nm_buf_puts(ap, "\t:\n");
	nm_buf_puts(ap, "\t;;\nesac\n");
	/* Undo in reverse: the service before the socket that starts it. */
	for (i = a->nunits; i > 0; i--)
		nm_buf_printf(rb, "unit_restore %s_%zu\n", tag, i);
	return 0;
}

static int
emit_config(const struct nm_action *a, const char *tag, struct nm_buf *ap,
    struct nm_buf *rb, struct nm_error *err)
{
	size_t i;

	if (a->path == NULL || a->path[0] != '/')
		return nm_seterr(err, NM_ERR_USAGE, "config action needs an "
		    "absolute path");
	if (check_line("path", a->path, err) != 0 ||
	    check_line("section", a->section, err) != 0 ||
	    check_line("match", a->match, err) != 0 ||
	    check_line("separator", a->sep, err) != 0)
		return -1;
	if (a->reload != NULL && check_name("unit", a->reload, err) != 0)
		return -1;
	for (i = 0; i < a->nsettings; i++) {
		if (check_line("setting", a->settings[i], err) != 0)
			return -1;
		if (a->cfg_format != NM_CFG_LINE &&
		    strchr(a->settings[i], '=') == NULL)
			return nm_seterr(err, NM_ERR_USAGE, "setting '%s' is "
			    "not KEY=VALUE", a->settings[i]);
	}
	nm_buf_printf(ap, "cfg_save %s ", tag);
	q(ap, a->path);
	nm_buf_putc(ap, '\n');
	/* The new lines, one per setting, go to a file the helpers read. */
	nm_buf_printf(ap, "cat > \"$NETMIN_STATE/%s.new\" <<'NETMIN_EOF'\n",
	    tag);
	for (i = 0; i < a->nsettings; i++) {
		const char *s = a->settings[i], *eq = strchr(s, '=');

		if (a->cfg_format == NM_CFG_KEYVALUE)
			/* KEY<TAB>KEY<sep>VALUE: the key, then the line. */
			nm_buf_printf(ap, "%.*s\t%.*s%s%s\n", (int)(eq - s), s,
			    (int)(eq - s), s, a->sep ? a->sep : "=", eq + 1);
		else
			nm_buf_printf(ap, "%s\n", s);
	}
	nm_buf_puts(ap, "NETMIN_EOF\n");
	switch (a->cfg_format) {
	case NM_CFG_DROPIN:
		nm_buf_printf(ap, "cfg_dropin %s ", tag);
		q(ap, a->path);
		nm_buf_putc(ap, ' ');
		q(ap, a->section ? a->section : "");
		nm_buf_putc(ap, '\n');
		break;
	case NM_CFG_KEYVALUE:
		nm_buf_printf(ap, "cfg_keyvalue %s ", tag);
		q(ap, a->path);
		nm_buf_putc(ap, '\n');
		break;
	case NM_CFG_LINE:
		if (a->match == NULL)
			return nm_seterr(err, NM_ERR_USAGE, "line edit of %s "
			    "without a match", a->path);
		nm_buf_printf(ap, "cfg_lines %s ", tag);
		q(ap, a->path);
		nm_buf_putc(ap, ' ');
		q(ap, a->match);
		nm_buf_putc(ap, '\n');
		break;
	default:
		return nm_seterr(err, NM_ERR_USAGE, "unknown config format");
	}
	if (a->reload != NULL) {
		nm_buf_puts(ap, "unit_reload ");
		q(ap, a->reload);
		nm_buf_putc(ap, '\n');
	}
	nm_buf_printf(rb, "cfg_restore %s\n", tag);
	if (a->reload != NULL) {
		nm_buf_puts(rb, "unit_reload ");
		q(rb, a->reload);
		nm_buf_putc(rb, '\n');
	}
	return 0;
}

static int
emit_commands(const struct nm_action *a, struct nm_buf *ap, struct nm_buf *rb,
    struct nm_error *err)
{
	size_t i;

	for (i = 0; i < a->ncommands; i++) {
		if (check_line("command", a->commands[i], err) != 0)
			return -1;
		nm_buf_printf(ap, "%s || fail ", a->commands[i]);
		q(ap, a->commands[i]);
		nm_buf_putc(ap, '\n');
	}
	for (i = a->nundo; i > 0; i--) {
		if (check_line("command", a->undo[i - 1], err) != 0)
			return -1;
		nm_buf_printf(rb, "%s || fail ", a->undo[i - 1]);
		q(rb, a->undo[i - 1]);
		nm_buf_putc(rb, '\n');
	}
	return 0;
}

static const char common_lib[] =
"set -u\n"
"NETMIN_STATE=${NETMIN_STATE:-$(CDPATH= cd -- \"$(dirname -- \"$0\")\" && pwd)/netmin-state}\n"
"SYSTEMCTL=${SYSTEMCTL:-systemctl}\n"
"NETMIN_ROOT=${NETMIN_ROOT:-}\n"
"SVDIR=${SVDIR:-/etc/service}\n"
"NM_STEP='the start'\n"
"\n"
"# Which service manager runs this host (NETMIN_MANAGER overrides).\n"
"nm_manager() {\n"
"\tif [ -n \"${NETMIN_MANAGER:-}\" ]; then echo \"$NETMIN_MANAGER\"\n"
"\telif [ \"$SYSTEMCTL\" != systemctl ] || [ -d /run/systemd/system ]; then echo systemd\n"
"\telif command -v rc-service >/dev/null 2>&1; then echo openrc\n"
"\telif command -v sv >/dev/null 2>&1 && [ -d \"$SVDIR\" ]; then echo runit\n"
"\telse echo sysv\n"
"\tfi\n"
"}\n"
"NM_MGR=$(nm_manager)\n"
"\n"
"# svc_name SYSV OPENRC RUNIT: the name under this host's manager.\n"
"svc_name() {\n"
"\tcase $NM_MGR in openrc) echo \"$2\" ;; runit) echo \"$3\" ;; *) echo \"$1\" ;; esac\n"
"}\n"
"\n"
"unit_reload() {\n"
"\tcase $NM_MGR in\n"
"\tsystemd) $SYSTEMCTL try-restart \"$1\" || fail \"cannot restart $1\" ;;\n"
"\topenrc) if rc-service \"${1%.service}\" status >/dev/null 2>&1; then rc-service \"${1%.service}\" restart || fail \"cannot restart $1\"; fi ;;\n"
"\trunit) if sv status \"$SVDIR/${1%.service}\" 2>/dev/null | grep -q '^run:'; then sv restart \"$SVDIR/${1%.service}\" || fail \"cannot restart $1\"; fi ;;\n"
"\t*) if service \"${1%.service}\" status >/dev/null 2>&1; then service \"${1%.service}\" restart || fail \"cannot restart $1\"; fi ;;\n"
"\tesac\n"
"}\n";

static const char apply_lib[] =
"fail() {\n"
"\tprintf 'netmin: %s failed: %s; later steps were not run.\\n' \"$NM_STEP\" \"$*\" >&2\n"
"\tprintf 'netmin: run %s to put back what was changed.\\n' \"$NM_ROLLBACK\" >&2\n"
"\texit 1\n"
"}\n"
"\n"
"# unit_save TAG UNIT: its enablement and whether it is active.\n"
"unit_save() {\n"
"\tnm_en=$($SYSTEMCTL is-enabled \"$2\" 2>/dev/null) || true\n"
"\tnm_act=$($SYSTEMCTL is-active \"$2\" 2>/dev/null) || true\n"
"\tprintf '%s\\n%s\\n%s\\n' \"$2\" \"${nm_en:-not-found}\" \"${nm_act:-inactive}\" \\\n"
"\t    > \"$NETMIN_STATE/$1.unit\" || fail \"cannot write $NETMIN_STATE\"\n"
"}\n"
"\n"
"# units_off disable|mask UNIT...: stop and disable those that exist.\n"
"units_off() {\n"
"\tnm_op=$1; shift\n"
"\tnm_units=''\n"
"\tfor nm_u; do\n"
"\t\tnm_en=$($SYSTEMCTL is-enabled \"$nm_u\" 2>/dev/null) || true\n"
"\t\tcase $nm_en in\n"
"\t\t''|not-found) echo \"netmin: $nm_u is not installed; nothing to change for it\" ;;\n"
"\t\t*) nm_units=\"$nm_units $nm_u\" ;;\n"
"\t\tesac\n"
"\tdone\n"
"\t[ -n \"$nm_units\" ] || return 0\n"
"\t$SYSTEMCTL disable --now $nm_units || fail \"cannot stop and disable$nm_units\"\n"
"\tif [ \"$nm_op\" = mask ]; then\n"
"\t\t$SYSTEMCTL mask $nm_units || fail \"cannot mask$nm_units\"\n"
"\tfi\n"
"}\n"
"\n"
"# svc_off TAG NAME: stop and disable under OpenRC, runit or sysvinit.\n"
"svc_off() {\n"
"\tnm_f=\"$NETMIN_STATE/$1.svc\"\n"
"\tcase $NM_MGR in\n"
"\topenrc)\n"
"\t\tnm_en=no; rc-update show default 2>/dev/null | grep -q \"^ *$2 \" && nm_en=yes\n"
"\t\tnm_run=no; rc-service \"$2\" status >/dev/null 2>&1 && nm_run=yes\n"
"\t\tprintf 'openrc\\n%s\\n%s\\n%s\\n' \"$2\" \"$nm_en\" \"$nm_run\" > \"$nm_f\" || fail \"cannot write $NETMIN_STATE\"\n"
"\t\t[ $nm_run = no ] || rc-service \"$2\" stop || fail \"cannot stop $2\"\n"
"\t\t[ $nm_en = no ] || rc-update del \"$2\" default || fail \"cannot disable $2\"\n"
"\t\t;;\n"
"\trunit)\n"
"\t\tnm_link=''; [ -L \"$SVDIR/$2\" ] && nm_link=$(readlink \"$SVDIR/$2\")\n"
"\t\tnm_run=no; sv status \"$SVDIR/$2\" 2>/dev/null | grep -q '^run:' && nm_run=yes\n"
"\t\tprintf 'runit\\n%s\\n%s\\n%s\\n' \"$2\" \"$nm_link\" \"$nm_run\" > \"$nm_f\" || fail \"cannot write $NETMIN_STATE\"\n"
"\t\t[ $nm_run = no ] || sv down \"$SVDIR/$2\" || fail \"cannot stop $2\"\n"
"\t\t[ -z \"$nm_link\" ] || rm -f \"$SVDIR/$2\" || fail \"cannot disable $2\"\n"
"\t\t;;\n"
"\t*)\n"
"\t\tnm_en=no; ls /etc/rc[2-5].d/S[0-9][0-9]\"$2\" >/dev/null 2>&1 && nm_en=yes\n"
"\t\tnm_run=no; service \"$2\" status >/dev/null 2>&1 && nm_run=yes\n"
"\t\tprintf 'sysv\\n%s\\n%s\\n%s\\n' \"$2\" \"$nm_en\" \"$nm_run\" > \"$nm_f\" || fail \"cannot write $NETMIN_STATE\"\n"
"\t\t[ $nm_run = no ] || service \"$2\" stop || fail \"cannot stop $2\"\n"
"\t\tif [ $nm_en = yes ]; then\n"
"\t\t\tif command -v update-rc.d >/dev/null 2>&1; then update-rc.d \"$2\" disable >/dev/null || fail \"cannot disable $2\"\n"
"\t\t\telse chkconfig \"$2\" off || fail \"cannot disable $2\"; fi\n"
"\t\tfi\n"
"\t\t;;\n"
"\tesac\n"
"}\n"
"\n"
"# cfg_save TAG PATH: keep the file's bytes and mode, or that it was absent.\n"
"cfg_save() {\n"
"\tnm_p=\"$NETMIN_ROOT$2\"\n"
"\tprintf '%s\\n' \"$2\" > \"$NETMIN_STATE/$1.path\" || fail \"cannot write $NETMIN_STATE\"\n"
"\tif [ -e \"$nm_p\" ]; then cp -p \"$nm_p\" \"$NETMIN_STATE/$1.file\" || fail \"cannot save $nm_p\"\n"
"\telse : > \"$NETMIN_STATE/$1.absent\"; fi\n"
"\t# Folders to create, deepest first, so the rollback removes them all.\n"
"\tnm_d=$(dirname \"$nm_p\")\n"
"\twhile [ ! -d \"$nm_d\" ]; do\n"
"\t\tprintf '%s\\n' \"$nm_d\" >> \"$NETMIN_STATE/$1.mkdir\" || fail \"cannot write $NETMIN_STATE\"\n"
"\t\tnm_d=$(dirname \"$nm_d\")\n"
"\tdone\n"
"\tmkdir -p \"$(dirname \"$nm_p\")\" || fail \"cannot create the folder of $nm_p\"\n"
"}\n"
"\n"
"# Writes stdin to PATH in place, keeping its inode, owner and mode.\n"
"nm_replace() {\n"
"\tcat > \"$1.netmin-new\" || fail \"cannot write $1\"\n"
"\tif [ -e \"$1\" ]; then cat \"$1.netmin-new\" > \"$1\" || fail \"cannot write $1\"; rm -f \"$1.netmin-new\"\n"
"\telse chmod 644 \"$1.netmin-new\" && mv \"$1.netmin-new\" \"$1\" || fail \"cannot write $1\"; fi\n"
"}\n"
"\n"
"# cfg_dropin TAG PATH SECTION: a whole file of the TAG.new lines.\n"
"cfg_dropin() {\n"
"\t{ printf '# Written by netmin; the rollback script removes it.\\n'\n"
"\t  [ -z \"$3\" ] || printf '%s\\n' \"$3\"\n"
"\t  cat \"$NETMIN_STATE/$1.new\"; } | nm_replace \"$NETMIN_ROOT$2\"\n"
"}\n"
"\n"
"# cfg_keyvalue TAG PATH: each KEY's lines replaced by the new ones where\n"
"# KEY first appears (others removed), or added before a Match block/at end.\n"
"cfg_keyvalue() {\n"
"\t[ -f \"$NETMIN_ROOT$2\" ] || fail \"$NETMIN_ROOT$2 does not exist\"\n"
"\tawk -F '\\t' 'NR == FNR { k = $1; l = $0; sub(/^[^\\t]*\\t/, \"\", l)\n"
"\t\tif (!(k in new)) { keys[++n] = k; new[k] = l } else new[k] = new[k] \"\\n\" l; next }\n"
"\t{ t = $0; sub(/^[ \\t]+/, \"\", t); hit = \"\"\n"
"\t  for (i = 1; i <= n; i++) { k = keys[i]\n"
"\t\tif (substr(t, 1, length(k)) == k && (length(t) == length(k) || substr(t, length(k) + 1, 1) ~ /[ \\t=]/)) hit = k }\n"
"\t  if (hit != \"\") { if (!(hit in done)) { print new[hit]; done[hit] = 1 }; next }\n"
"\t  if (tolower(substr(t, 1, 6)) == \"match \" && !flushed) { for (i = 1; i <= n; i++) if (!(keys[i] in done)) { print new[keys[i]]; done[keys[i]] = 1 }; flushed = 1 }\n"
"\t  print }\n"
"\tEND { for (i = 1; i <= n; i++) if (!(keys[i] in done)) print new[keys[i]] }' \\\n"
"\t    \"$NETMIN_STATE/$1.new\" \"$NETMIN_ROOT$2\" | nm_replace \"$NETMIN_ROOT$2\"\n"
"}\n"
"\n"
"# cfg_lines TAG PATH MATCH: lines starting with MATCH become the new lines.\n"
"cfg_lines() {\n"
"\t[ -f \"$NETMIN_ROOT$2\" ] || fail \"$NETMIN_ROOT$2 does not exist\"\n"
"\tawk -v m=\"$3\" 'NR == FNR { new = new (n++ ? \"\\n\" : \"\") $0; next }\n"
"\t{ if (substr($0, 1, length(m)) == m) { if (!done) { print new; done = 1 }; next } print }\n"
"\tEND { if (!done) print new }' \"$NETMIN_STATE/$1.new\" \"$NETMIN_ROOT$2\" | nm_replace \"$NETMIN_ROOT$2\"\n"
"}\n";

static const char rollback_lib[] =
"fail() {\n"
"\tprintf 'netmin: rolling back %s failed: %s; the saved values are still in %s.\\n' \\\n"
"\t    \"$NM_STEP\" \"$*\" \"$NETMIN_STATE\" >&2\n"
"\texit 1\n"
"}\n"
"\n"
"unit_restore() {\n"
"\tnm_f=\"$NETMIN_STATE/$1.unit\"\n"
"\tif [ ! -f \"$nm_f\" ]; then\n"
"\t\t[ -f \"$NETMIN_STATE/$1.svc\" ] && svc_restore \"$NETMIN_STATE/$1.svc\"\n"
"\t\treturn 0\n"
"\tfi\n"
"\t{ read -r nm_u; read -r nm_en; read -r nm_act; } < \"$nm_f\"\n"
"\tcase $nm_en in not-found) return 0 ;; esac\n"
"\tcase $nm_en in\n"
"\tmasked|masked-runtime) $SYSTEMCTL mask \"$nm_u\" >/dev/null || fail \"cannot mask $nm_u\" ;;\n"
"\t*) $SYSTEMCTL unmask \"$nm_u\" >/dev/null 2>&1 ;;\n"
"\tesac\n"
"\tcase $nm_en in\n"
"\tenabled|enabled-runtime|linked|linked-runtime|alias|indirect)\n"
"\t\t$SYSTEMCTL enable \"$nm_u\" || fail \"cannot enable $nm_u\" ;;\n"
"\tesac\n"
"\tcase $nm_act in\n"
"\tactive|activating|reloading) $SYSTEMCTL start \"$nm_u\" || fail \"cannot start $nm_u\" ;;\n"
"\tesac\n"
"}\n"
"\n"
"svc_restore() {\n"
"\t{ read -r nm_m; read -r nm_n; read -r nm_en; read -r nm_run; } < \"$1\"\n"
"\tcase $nm_m in\n"
"\topenrc)\n"
"\t\t[ \"$nm_en\" = no ] || rc-update add \"$nm_n\" default || fail \"cannot enable $nm_n\"\n"
"\t\t[ \"$nm_run\" = no ] || rc-service \"$nm_n\" start || fail \"cannot start $nm_n\" ;;\n"
"\trunit)\n"
"\t\t[ -z \"$nm_en\" ] || [ -L \"$SVDIR/$nm_n\" ] || ln -s \"$nm_en\" \"$SVDIR/$nm_n\" || fail \"cannot enable $nm_n\"\n"
"\t\tif [ \"$nm_run\" = yes ]; then\n"
"\t\t\tnm_i=0\n"
"\t\t\twhile ! sv up \"$SVDIR/$nm_n\" >/dev/null 2>&1; do\n"
"\t\t\t\tnm_i=$((nm_i + 1)); [ $nm_i -lt 20 ] || fail \"cannot start $nm_n\"; sleep 0.5\n"
"\t\t\tdone\n"
"\t\tfi ;;\n"
"\tsysv)\n"
"\t\tif [ \"$nm_en\" = yes ]; then\n"
"\t\t\tif command -v update-rc.d >/dev/null 2>&1; then update-rc.d \"$nm_n\" enable >/dev/null || fail \"cannot enable $nm_n\"\n"
"\t\t\telse chkconfig \"$nm_n\" on || fail \"cannot enable $nm_n\"; fi\n"
"\t\tfi\n"
"\t\t[ \"$nm_run\" = no ] || service \"$nm_n\" start || fail \"cannot start $nm_n\" ;;\n"
"\tesac\n"
"}\n"
"\n"
"cfg_restore() {\n"
"\t[ -f \"$NETMIN_STATE/$1.path\" ] || return 0\n"
"\tnm_p=\"$NETMIN_ROOT$(cat \"$NETMIN_STATE/$1.path\")\"\n"
"\tif [ -f \"$NETMIN_STATE/$1.file\" ]; then\n"
"\t\tcat \"$NETMIN_STATE/$1.file\" > \"$nm_p\" || fail \"cannot restore $nm_p\"\n"
"\t\tchmod \"$(stat -c %a \"$NETMIN_STATE/$1.file\")\" \"$nm_p\" || fail \"cannot restore the mode of $nm_p\"\n"
"\telif [ -f \"$NETMIN_STATE/$1.absent\" ]; then\n"
"\t\trm -f \"$nm_p\" || fail \"cannot remove $nm_p\"\n"
"\tfi\n"
"\tif [ -f \"$NETMIN_STATE/$1.mkdir\" ]; then\n"
"\t\twhile read -r nm_d; do rmdir \"$nm_d\" 2>/dev/null || true; done < \"$NETMIN_STATE/$1.mkdir\"\n"
"\tfi\n"
"}\n";

int
nm_emit_sh(const struct nm_plan *p, const char *rollback_name,
    struct nm_buf *script, struct nm_buf *rollback, struct nm_error *err)
{
	struct nm_buf ap = { 0 }, rb = { 0 };
	NM_VEC(char *) chunks = { 0 };
	size_t i, j;
	int rc = 0;

	nm_buf_puts(&ap, "#!/bin/sh\n# Apply script: closes the ports the plan "
	    "closes.\n");
	nm_emit_header_lines(p, "#", &ap);
	nm_buf_puts(&ap, "# Run as root.  NETMIN_STATE names the folder that "
	    "keeps the values read\n# before each change (default: "
	    "netmin-state next to this file).\n");
	nm_buf_puts(&ap, common_lib);
	nm_buf_puts(&ap, "NM_ROLLBACK=");
	q(&ap, rollback_name);
	nm_buf_puts(&ap, "\n");
	nm_buf_puts(&ap, apply_lib);
	nm_buf_puts(&ap, "\nif [ -e \"$NETMIN_STATE/started\" ]; then\n"
	    "\techo \"netmin: $NETMIN_STATE holds values saved by an earlier "
	    "run; run $NM_ROLLBACK first, or set NETMIN_STATE to a new "
	    "folder\" >&2\n\texit 1\nfi\n"
	    "mkdir -p \"$NETMIN_STATE\" || fail \"cannot create "
	    "$NETMIN_STATE\"\n"
	    ": > \"$NETMIN_STATE/started\" || fail \"cannot write "
	    "$NETMIN_STATE\"\n");
	for (i = 0; i < p->steps.n && rc == 0; i++) {
		const struct nm_step *s = &p->steps.v[i];
		char sid[64];

		if (check_line("step title", s->title, err) != 0) {
			rc = -1;
			break;
		}
		snprintf(sid, sizeof(sid), "step %d (", s->id);
		nm_buf_printf(&ap, "\n# --- step %d [%s]: %s\nNM_STEP=", s->id,
		    nm_phase_name(s->phase), s->title);
		{
			struct nm_buf t = { 0 };

			nm_buf_printf(&t, "%s%s)", sid, s->title);
			q(&ap, t.s);
			nm_buf_free(&t);
		}
		nm_buf_puts(&ap, "\necho \"netmin: $NM_STEP\"\n");
		for (j = 0; j < s->actions.n && rc == 0; j++) {
			const struct nm_action *a = &s->actions.v[j];
			struct nm_buf r = { 0 };
			char tag[32];

			snprintf(tag, sizeof(tag), "s%da%zu", s->id, j + 1);
			nm_buf_printf(&r, "\n# undo step %d action %zu\n"
			    "NM_STEP='step %d'\n", s->id, j + 1, s->id);
			switch (a->kind) {
			case NM_ACT_UNIT:
				rc = emit_unit(a, tag, &ap, &r, err);
				break;
			case NM_ACT_CONFIG:
				rc = emit_config(a, tag, &ap, &r, err);
				break;
			case NM_ACT_COMMAND:
				rc = emit_commands(a, &ap, &r, err);
				break;
			case NM_ACT_FILTER:
				nm_emit_filter_note(s, a, "# ", &ap);
				break;
			default:
				rc = nm_seterr(err, NM_ERR_USAGE, "step %d: a %s "
				    "action runs only on Windows; this plan "
				    "needs --emit cmd or ps1", s->id,
				    nm_act_kind_name(a->kind));
			}
			nm_buf_add(&r, NULL, 0);
			*NM_VEC_PUSH(&chunks) = r.s;
		}
	}
	if (rc == 0) {
		nm_buf_puts(&ap, "\n: > \"$NETMIN_STATE/applied\"\n"
		    "echo \"netmin: every step applied; $NM_ROLLBACK puts it all "
		    "back.\"\n");

		nm_buf_puts(&rb, "#!/bin/sh\n# Rollback script: puts back every "
		    "value the apply script saved.\n");
		nm_emit_header_lines(p, "#", &rb);
		nm_buf_puts(&rb, common_lib);
		nm_buf_puts(&rb, rollback_lib);
		nm_buf_puts(&rb, "\nif [ ! -e \"$NETMIN_STATE/started\" ]; then\n"
		    "\techo \"netmin: nothing saved in $NETMIN_STATE; nothing to "
		    "roll back.\"\n\texit 0\nfi\n");
		for (i = chunks.n; i > 0; i--)
			nm_buf_puts(&rb, chunks.v[i - 1]);
		nm_buf_puts(&rb, "\nrm -rf \"$NETMIN_STATE\"\n"
		    "echo 'netmin: rolled back.'\n");
		nm_buf_add(script, ap.s, ap.len);
		nm_buf_add(rollback, rb.s, rb.len);
	}
	for (i = 0; i < chunks.n; i++)
		free(chunks.v[i]);
	NM_VEC_FREE(&chunks);
	nm_buf_free(&ap);
	nm_buf_free(&rb);
	return rc;
}
