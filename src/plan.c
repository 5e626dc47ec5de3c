/*
 * plan.c - the planner: from an attributed snapshot, the knowledge base and
 * the user's --keep/--drop, an ordered list of steps in the method's phases
 * (services; NetBIOS and SMB; RPC and DCOM; residue), each simulated on the
 * endpoint table so that every step carries the table predicted after it.
 *
 * Rules the simulation follows (doc/kb.md says where each comes from):
 * - a disabled entry takes its endpoints with it, its dependants go in the
 *   same step (stopping iisadmin stops w3svc and smtpsvc), and so do its
 *   companions (`with`: services that share its RPC endpoint);
 * - an entry that stays (policy keep, --keep, a dependant that stays, the
 *   service carrying an established remote session) is never disabled;
 *   its narrowing actions apply instead (bind to loopback, a protocol off);
 * - a port marked until=last-udp-rpc (UDP 135) closes with the last
 *   datagram RPC server, and only when no unknown UDP port could be one.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kb.h"
#include "plan.h"

struct pent {
	const struct nm_kb_entry *e;
	int		 stance;	/* enum nm_kb_stance */
	bool		 asked_keep, asked_drop;
	const char	*why;
	bool		 in_step;	/* taken by a disable step */
	bool		 narrowed;
};

struct work {
	int		 phase, order;
	size_t		 seq;
	struct pent	*pe;
	const struct nm_kb_action *a;	/* narrow action, or NULL: disable */
};

struct pctx {
	struct nm_plan		*p;
	const struct nm_snapshot *s;
	const struct nm_kb	*kb;
	const struct nm_planopts *o;
	nm_osmask		 os;
	bool			 windows;
	NM_VEC(struct pent)	 ents;
	NM_VEC(struct nm_endpoint) cur;
	bool			 udp135_noted;
};

static const char *
pstr(struct nm_plan *p, const char *fmt, ...) NM_PRINTF(2, 3);

static const char *
pstr(struct nm_plan *p, const char *fmt, ...)
{
	struct nm_buf b = { 0 };
	const char *r;
	va_list ap;

	va_start(ap, fmt);
	nm_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	r = nm_astrdup(&p->arena, b.s ? b.s : "");
	nm_buf_free(&b);
	return r;
}

/* An action or fact applies when it covers every generation the host
 * may be; a partial overlap needs --os to decide. */
static bool
covers(nm_osmask fact, nm_osmask host)
{
	return (host & ~fact) == 0;
}

static const char *
display_of(const struct nm_kb_entry *e, const char *svc)
{
	size_t k;

	for (k = 0; k < e->nservices; k++)
		if (nm_streq_ci(e->services[k], svc))
			return e->displays[k];
	return NULL;
}

static const struct nm_service *
snap_service(const struct nm_snapshot *s, const char *name)
{
	size_t i;

	if (s == NULL)
		return NULL;
	for (i = 0; i < s->svcs.n; i++)
		if (nm_streq_ci(s->svcs.v[i].name, name))
			return &s->svcs.v[i];
	return NULL;
}

/* --- rendering kb actions as plan actions -------------------------------- */

static void
add_cmd(struct nm_plan *p, struct nm_action *a, const char *fmt, ...)
    NM_PRINTF(3, 4);

static void
add_cmd(struct nm_plan *p, struct nm_action *a, const char *fmt, ...)
{
	struct nm_buf b = { 0 };
	va_list ap;

	va_start(ap, fmt);
	nm_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	nm_plan_strv_add(p, &a->commands, &a->ncommands, b.s ? b.s : "");
	nm_buf_free(&b);
}

static void
add_undo(struct nm_plan *p, struct nm_action *a, const char *fmt, ...)
    NM_PRINTF(3, 4);

static void
add_undo(struct nm_plan *p, struct nm_action *a, const char *fmt, ...)
{
	struct nm_buf b = { 0 };
	va_list ap;

	va_start(ap, fmt);
	nm_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	nm_plan_strv_add(p, &a->undo, &a->nundo, b.s ? b.s : "");
	nm_buf_free(&b);
}

/* "a\nb" -> "a\0b" as reg.exe wants REG_MULTI_SZ data. */
static const char *
reg_data(struct nm_plan *p, const char *type, const char *data)
{
	struct nm_buf b = { 0 };
	const char *c, *r;

	if (strcmp(type, "REG_MULTI_SZ") != 0)
		return data;
	for (c = data; *c; c++) {
		if (*c == '\n')
			nm_buf_puts(&b, "\\0");
		else
			nm_buf_putc(&b, *c);
	}
	r = nm_astrdup(&p->arena, b.s ? b.s : "");
	nm_buf_free(&b);
	return r;
}

static void
render_service(struct nm_plan *p, struct nm_action *a,
    const struct nm_kb_entry *e, const struct nm_kb_action *ka,
    const struct nm_snapshot *s, nm_osmask os)
{
	const struct nm_service *sv = snap_service(s, ka->a1);
	const char *name = ka->a1;

	a->service = name;
	a->start = ka->a2;
	a->stop = true;
	a->target = name;
	a->change = pstr(p, "start type %s, stopped", ka->a2);
	if (sv != NULL && sv->start != NULL) {
		a->prior = sv->start;
	} else if (nm_kb_default_start(e, os) != NULL) {
		a->prior = nm_kb_default_start(e, os);
		a->prior_assumed = true;
	}
	nm_action_add_read(p, a, "service", name, NULL);
	nm_action_add_read(p, a, "registry", pstr(p,
	    "HKLM\\SYSTEM\\CurrentControlSet\\Services\\%s", name), "Start");
	add_cmd(p, a, "net stop %s%s", name, a->ndependants ? " /y" : "");
	add_cmd(p, a, "sc config %s start= %s", name, ka->a2);
	if (a->prior != NULL)
		add_undo(p, a, "sc config %s start= %s", name, a->prior);
	else
		add_undo(p, a, "sc config %s start= <the start type sc qc %s "
		    "showed before>", name, name);
	add_undo(p, a, "net start %s", name);
}

static void
render_registry(struct nm_plan *p, struct nm_action *a,
    const struct nm_kb_action *ka)
{
	struct nm_buf d = { 0 };
	size_t k;

	a->reg_op = ka->op;
	a->key = ka->a1;
	a->value = ka->a2;
	a->type = ka->a3;
	for (k = 0; k < ka->nargs; k++) {
		if (k)
			nm_buf_putc(&d, '\n');
		nm_buf_puts(&d, ka->args[k]);
	}
	a->data = d.s ? nm_astrdup(&p->arena, d.s) : NULL;
	nm_buf_free(&d);
	a->target = pstr(p, "%s\\%s", a->key, a->value);
	if (ka->prior != NULL) {
		a->prior = ka->prior;
		a->prior_assumed = true;
	}
	nm_action_add_read(p, a, "registry", a->key, a->value);
	switch (a->reg_op) {
	case NM_REG_SET:
		a->change = pstr(p, "%s = %s (%s)", a->value, a->data, a->type);
		add_cmd(p, a, "reg add \"%s\" /v \"%s\" /t %s /d \"%s\" /f",
		    a->key, a->value, a->type, reg_data(p, a->type, a->data));
		break;
	case NM_REG_DELETE:
		a->change = pstr(p, "%s deleted", a->value);
		add_cmd(p, a, "reg delete \"%s\" /v \"%s\" /f", a->key,
		    a->value);
		break;
	case NM_REG_MULTI_REMOVE:
		a->change = pstr(p, "%s without %s", a->value, a->data);
		add_cmd(p, a, "reg query \"%s\" /v \"%s\"", a->key, a->value);
		add_cmd(p, a, "reg add \"%s\" /v \"%s\" /t REG_MULTI_SZ /d "
		    "\"<the items listed, without %s, separated by \\0>\" /f",
		    a->key, a->value, a->data);
		add_undo(p, a, "reg add \"%s\" /v \"%s\" /t REG_MULTI_SZ /d "
		    "\"<the items listed before, separated by \\0>\" /f",
		    a->key, a->value);
		return;
	case NM_REG_MULTI_ADD:
		a->change = pstr(p, "%s with %s added", a->value, a->data);
		add_cmd(p, a, "reg query \"%s\" /v \"%s\"", a->key, a->value);
		add_cmd(p, a, "reg add \"%s\" /v \"%s\" /t REG_MULTI_SZ /d "
		    "\"<the items listed, then %s, separated by \\0>\" /f",
		    a->key, a->value, a->data);
		add_undo(p, a, "reg add \"%s\" /v \"%s\" /t REG_MULTI_SZ /d "
		    "\"<the items listed before, separated by \\0>\" /f",
		    a->key, a->value);
		return;
	}
	if (a->prior != NULL && strcmp(a->prior, "absent") == 0)
		add_undo(p, a, "reg delete \"%s\" /v \"%s\" /f", a->key,
		    a->value);
	else if (a->prior != NULL)
		add_undo(p, a, "reg add \"%s\" /v \"%s\" /t %s /d \"%s\" /f",
		    a->key, a->value, a->type, reg_data(p, a->type, a->prior));
	else
		add_undo(p, a, "reg add \"%s\" /v \"%s\" /t %s /d \"<the data "
		    "reg query showed before>\" /f (or reg delete, if it was "
		    "absent)", a->key, a->value, a->type ? a->type : "REG_SZ");
}

static void
render_netbios(struct nm_plan *p, struct nm_action *a,
    const struct nm_kb_action *ka)
{
	a->reg_op = NM_REG_SET;
	a->key = "HKLM\\SYSTEM\\CurrentControlSet\\Services\\NetBT\\"
	    "Parameters\\Interfaces";
	a->subkeys = "Tcpip_*";
	a->value = "NetbiosOptions";
	a->type = "REG_DWORD";
	a->data = ka->a1;
	a->target = a->key;
	a->change = pstr(p, "NetbiosOptions = %s on every adapter%s", a->data,
	    strcmp(a->data, "2") == 0 ? " (NetBIOS over TCP/IP off)" : "");
	/* 0 (take DHCP's setting) is the default of a new adapter. */
	a->prior = "0";
	a->prior_assumed = true;
	nm_action_add_read(p, a, "registry-subkeys", a->key, a->subkeys);
	add_cmd(p, a, "for /f \"delims=\" %%k in ('reg query \"%s\" ^| "
	    "findstr /i \"\\\\Tcpip_\"') do reg add \"%%k\" /v NetbiosOptions "
	    "/t REG_DWORD /d %s /f", a->key, a->data);
	add_undo(p, a, "for /f \"delims=\" %%k in ('reg query \"%s\" ^| "
	    "findstr /i \"\\\\Tcpip_\"') do reg add \"%%k\" /v NetbiosOptions "
	    "/t REG_DWORD /d <each adapter's value before, 0 by default> /f",
	    a->key);
}

static void
join_units(struct nm_buf *b, const struct nm_action *a)
{
	size_t k;

	for (k = 0; k < a->nunits; k++) {
		nm_buf_putc(b, ' ');
		nm_buf_puts(b, a->units[k]);
	}
}

static void
render_unit(struct nm_plan *p, struct nm_action *a,
    const struct nm_kb_action *ka)
{
	struct nm_buf u = { 0 };
	struct nm_altcmds *alt;
	const char *us;
	size_t k;

	a->unit_op = ka->op;
	for (k = 0; k < ka->nargs; k++)
		nm_plan_strv_add(p, &a->units, &a->nunits, ka->args[k]);
	a->target = a->nunits ? a->units[0] : NULL;
	a->change = a->unit_op == NM_UNIT_MASK ? "stopped, disabled, masked" :
	    "stopped, disabled";
	a->prior = "enabled, active";
	a->prior_assumed = true;
	for (k = 0; k < a->nunits; k++)
		nm_action_add_read(p, a, "unit", a->units[k], NULL);
	join_units(&u, a);
	us = nm_astrdup(&p->arena, u.s ? u.s : "");
	nm_buf_free(&u);
	add_cmd(p, a, "systemctl disable --now%s", us);
	if (a->unit_op == NM_UNIT_MASK) {
		add_cmd(p, a, "systemctl mask%s", us);
		add_undo(p, a, "systemctl unmask%s", us);
	}
	add_undo(p, a, "systemctl enable --now%s", us);
	if (ka->sysv) {
		alt = nm_action_add_alt(p, a, "sysv", ka->sysv);
		nm_plan_strv_addf(p, &alt->commands, &alt->ncommands,
		    "service %s stop", ka->sysv);
		nm_plan_strv_addf(p, &alt->commands, &alt->ncommands,
		    "update-rc.d %s disable", ka->sysv);
		nm_plan_strv_addf(p, &alt->undo, &alt->nundo,
		    "update-rc.d %s enable", ka->sysv);
		nm_plan_strv_addf(p, &alt->undo, &alt->nundo,
		    "service %s start", ka->sysv);
	}
	if (ka->openrc) {
		alt = nm_action_add_alt(p, a, "openrc", ka->openrc);
		nm_plan_strv_addf(p, &alt->commands, &alt->ncommands,
		    "rc-service %s stop", ka->openrc);
		nm_plan_strv_addf(p, &alt->commands, &alt->ncommands,
		    "rc-update del %s default", ka->openrc);
		nm_plan_strv_addf(p, &alt->undo, &alt->nundo,
		    "rc-update add %s default", ka->openrc);
		nm_plan_strv_addf(p, &alt->undo, &alt->nundo,
		    "rc-service %s start", ka->openrc);
	}
	if (ka->runit) {
		alt = nm_action_add_alt(p, a, "runit", ka->runit);
		nm_plan_strv_addf(p, &alt->commands, &alt->ncommands,
		    "sv down %s", ka->runit);
		nm_plan_strv_addf(p, &alt->commands, &alt->ncommands,
		    "touch /etc/service/%s/down", ka->runit);
		nm_plan_strv_addf(p, &alt->undo, &alt->nundo,
		    "rm -f /etc/service/%s/down", ka->runit);
		nm_plan_strv_addf(p, &alt->undo, &alt->nundo,
		    "sv up %s", ka->runit);
	}
}

static void
render_config(struct nm_plan *p, struct nm_action *a,
    const struct nm_kb_action *ka)
{
	struct nm_buf b = { 0 };
	const char *sep;
	size_t k;

	a->cfg_format = ka->op;
	a->path = ka->a1;
	a->section = ka->section;
	a->match = ka->match;
	a->sep = ka->sep ? ka->sep : "=";
	a->then = ka->a3;
	a->reload = ka->reload;
	for (k = 0; k < ka->nsettings; k++)
		nm_plan_strv_add(p, &a->settings, &a->nsettings,
		    ka->settings[k]);
	a->target = a->path;
	for (k = 0; k < a->nsettings; k++)
		nm_buf_printf(&b, "%s%s", k ? "; " : "", a->settings[k]);
	a->change = nm_astrdup(&p->arena, b.s ? b.s : "");
	nm_buf_reset(&b);
	a->prior = a->cfg_format == NM_CFG_DROPIN ? "absent" : NULL;
	a->prior_assumed = a->cfg_format == NM_CFG_DROPIN;
	nm_action_add_read(p, a, "file", a->path, NULL);
	sep = a->sep;
	switch (a->cfg_format) {
	case NM_CFG_DROPIN: {
		const char *slash = strrchr(a->path, '/');

		add_cmd(p, a, "mkdir -p %.*s", (int)(slash - a->path),
		    a->path);
		if (a->section)
			nm_buf_printf(&b, "[%s]\\n", a->section);
		for (k = 0; k < a->nsettings; k++) {
			const char *eq = strchr(a->settings[k], '=');

			nm_buf_printf(&b, "%.*s%s%s\\n",
			    (int)(eq - a->settings[k]), a->settings[k], sep,
			    eq + 1);
		}
		add_cmd(p, a, "printf '%s' > %s", b.s, a->path);
		add_undo(p, a, "rm -f %s", a->path);
		break;
	}
	case NM_CFG_KEYVALUE:
		add_cmd(p, a, "cp -p %s %s.netmin-bak", a->path, a->path);
		for (k = 0; k < a->nsettings; k++) {
			const char *eq = strchr(a->settings[k], '=');
			int kl = (int)(eq - a->settings[k]);
			char sc = sep[strspn(sep, " ")];

			/* the key, commented out or not, then its separator */
			if (sc == '\0')
				add_cmd(p, a, "sed -i 's|^[#;[:space:]]*%.*s"
				    "[[:space:]].*|%.*s%s%s|' %s", kl,
				    a->settings[k], kl, a->settings[k], sep,
				    eq + 1, a->path);
			else
				add_cmd(p, a, "sed -i 's|^[#;[:space:]]*%.*s"
				    "[[:space:]]*%c.*|%.*s%s%s|' %s", kl,
				    a->settings[k], sc, kl, a->settings[k],
				    sep, eq + 1, a->path);
			add_cmd(p, a, "grep -q '^%.*s' %s || echo '%.*s%s%s' "
			    ">> %s", kl, a->settings[k], a->path, kl,
			    a->settings[k], sep, eq + 1, a->path);
		}
		add_undo(p, a, "mv %s.netmin-bak %s", a->path, a->path);
		break;
	case NM_CFG_LINE:
		add_cmd(p, a, "sed -i.netmin-bak 's|^%s.*|%s|' %s", a->match,
		    a->settings[0], a->path);
		add_undo(p, a, "mv %s.netmin-bak %s", a->path, a->path);
		break;
	}
	nm_buf_free(&b);
	if (a->then) {
		add_cmd(p, a, "%s", a->then);
		add_undo(p, a, "%s", a->then);
	}
	if (a->reload) {
		add_cmd(p, a, "systemctl restart %s", a->reload);
		add_undo(p, a, "systemctl restart %s", a->reload);
	}
}

void
nm_plan_render(struct nm_plan *p, struct nm_action *a,
    const struct nm_kb_entry *e, const struct nm_kb_action *ka,
    const struct nm_snapshot *s, nm_osmask os)
{
	size_t k;

	a->kind = ka->kind;
	a->mode = ka->mode;
	a->reboot = ka->reboot;
	a->restart = ka->restart;
	a->kb = e->id;
	a->src = ka->f.src;
	a->unverified = ka->f.unverified;
	if (ka->breaks)
		nm_plan_strv_add(p, &a->effects, &a->neffects, ka->breaks);
	switch (ka->kind) {
	case NM_ACT_SERVICE:
		render_service(p, a, e, ka, s, os);
		break;
	case NM_ACT_REGISTRY:
		render_registry(p, a, ka);
		break;
	case NM_ACT_NETBIOS:
		render_netbios(p, a, ka);
		break;
	case NM_ACT_UNIT:
		render_unit(p, a, ka);
		break;
	case NM_ACT_CONFIG:
		render_config(p, a, ka);
		break;
	case NM_ACT_COMMAND:
		for (k = 0; k < ka->nargs; k++)
			nm_plan_strv_add(p, &a->commands, &a->ncommands,
			    ka->args[k]);
		for (k = 0; k < ka->nundo; k++)
			nm_plan_strv_add(p, &a->undo, &a->nundo, ka->undo[k]);
		a->target = ka->nargs ? ka->args[0] : NULL;
		a->change = ka->title ? ka->title : "run the command";
		break;
	}
}

/* --- the simulation ------------------------------------------------------ */

static struct pent *
pent_of(struct pctx *c, const char *id)
{
	size_t i;

	if (id == NULL)
		return NULL;
	for (i = 0; i < c->ents.n; i++)
		if (strcmp(c->ents.v[i].e->id, id) == 0)
			return &c->ents.v[i];
	return NULL;
}

static bool
depends_on(struct pctx *c, const struct nm_kb_entry *d,
    const struct nm_kb_entry *x)
{
	size_t k;

	for (k = 0; k < d->ndepends; k++)
		if ((d->depends_os[k] & c->os) &&
		    nm_kb_find_name(c->kb, d->depends[k], c->os) == x)
			return true;
	return false;
}

static bool
has_actions(struct pctx *c, const struct nm_kb_entry *e, int mode)
{
	size_t k;

	for (k = 0; k < e->actions.n; k++)
		if (e->actions.v[k].mode == mode &&
		    covers(e->actions.v[k].f.os, c->os))
			return true;
	return false;
}

/* --keep / --drop: "80", "80/tcp", "tcp/80". */
static bool
arg_port(const char *a, int *port, int *proto)
{
	const char *sl = strchr(a, '/');
	const char *num = a, *pr = NULL;
	size_t nl;

	*proto = -1;
	if (sl != NULL) {
		if (nm_startswith(a, "tcp/") || nm_startswith(a, "udp/")) {
			pr = a;
			num = sl + 1;
			nl = strlen(num);
		} else {
			pr = sl + 1;
			nl = (size_t)(sl - a);
		}
		if (strcmp(pr, "tcp") == 0 || nm_startswith(pr, "tcp/"))
			*proto = NM_TCP;
		else if (strcmp(pr, "udp") == 0 || nm_startswith(pr, "udp/"))
			*proto = NM_UDP;
		else
			return false;
	} else {
		nl = strlen(a);
	}
	return nm_parse_int(num, nl, 1, 65535, port) == 0;
}

static bool
arg_matches(struct pctx *c, const char *arg, const struct nm_kb_entry *e)
{
	int port, proto;
	size_t i;

	if (arg_port(arg, &port, &proto)) {
		for (i = 0; i < c->cur.n; i++) {
			const struct nm_endpoint *ep = &c->cur.v[i];

			if (ep->lport == port && (proto < 0 ||
			    ep->proto == proto) && ep->kb != NULL &&
			    strcmp(ep->kb, e->id) == 0)
				return true;
		}
		return false;
	}
	return nm_kb_find_name(c->kb, arg, c->os) == e;
}

static bool
args_match(struct pctx *c, const char **v, size_t n,
    const struct nm_kb_entry *e, const char **which)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (arg_matches(c, v[i], e)) {
			if (which)
				*which = v[i];
			return true;
		}
	return false;
}

static int
check_args(struct pctx *c, const char **v, size_t n, const char *opt,
    struct nm_error *err)
{
	size_t i, k;
	int port, proto;

	for (i = 0; i < n; i++) {
		if (arg_port(v[i], &port, &proto)) {
			bool open = false;

			for (k = 0; k < c->cur.n; k++)
				if (c->cur.v[k].lport == port && (proto < 0 ||
				    c->cur.v[k].proto == proto))
					open = true;
			if (!open)
				nm_plan_note(c->p, "%s %s: nothing listens "
				    "there", opt, v[i]);
			continue;
		}
		if (nm_kb_find_name(c->kb, v[i], c->os) == NULL)
			return nm_seterr(err, NM_ERR_USAGE, "%s '%s': no port, "
			    "and no service, unit, process or knowledge-base "
			    "entry by that name (netmin kb list shows them)",
			    opt, v[i]);
	}
	return 0;
}

static const char *
session_on(struct pctx *c, const struct nm_kb_entry *e)
{
	size_t i, k;

	for (i = 0; i < c->s->ep.n; i++) {
		const struct nm_endpoint *x = &c->s->ep.v[i];

		if (x->proto != NM_TCP || x->state != NM_ST_ESTABLISHED ||
		    x->raddr[0] == '\0' ||
		    nm_addr_exposure(x->family, x->raddr) == NM_EXP_LOOPBACK)
			continue;
		for (k = 0; k < c->cur.n; k++)
			if (c->cur.v[k].kb && strcmp(c->cur.v[k].kb, e->id) ==
			    0 && c->cur.v[k].proto == NM_TCP &&
			    c->cur.v[k].lport == x->lport)
				return pstr(c->p, "an established connection "
				    "from %s to port %d: perhaps your own session",
				    x->raddr, x->lport);
	}
	return NULL;
}

static void
decide(struct pctx *c, struct pent *pe)
{
	const struct nm_kb_policy *pol = nm_kb_policy_for(pe->e, c->os);
	const char *which = NULL, *sess;
	char ob[64];

	pe->stance = pol ? pol->stance : NM_STANCE_DISABLE;
	pe->why = pol ? pol->why : NULL;
	sess = nm_kb_has_tag(pe->e, "remote-admin") ? session_on(c, pe->e) :
	    NULL;
	if (args_match(c, c->o->keep, c->o->nkeep, pe->e, &which)) {
		pe->asked_keep = true;
		pe->stance = NM_STANCE_KEEP;
		pe->why = pstr(c->p, "you asked to keep it (--keep %s)", which);
	} else if (args_match(c, c->o->drop, c->o->ndrop, pe->e, &which)) {
		pe->asked_drop = true;
		pe->stance = NM_STANCE_DISABLE;
		if (sess)
			nm_plan_note(c->p, "--drop %s: %s; the plan ends it",
			    which, sess);
	} else if (sess != NULL && pe->stance == NM_STANCE_DISABLE) {
		pe->stance = NM_STANCE_KEEP;
		pe->why = sess;
	}
	if (pe->stance == NM_STANCE_DISABLE &&
	    !has_actions(c, pe->e, NM_MODE_DISABLE)) {
		pe->stance = NM_STANCE_KEEP;
		pe->why = pstr(c->p, "the knowledge base knows no way to turn "
		    "it off on %s%s", c->s->host.os ? c->s->host.os :
		    nm_os_describe(c->os, ob, sizeof(ob)),
		    nm_os_single(c->os) < 0 ? " (--os may tell)" : "");
	}
}

/* Companions of an entry (its `with` list) that apply here. */
static size_t
companions(struct pctx *c, const struct nm_kb_entry *e,
    const struct nm_kb_entry **out, size_t max)
{
	size_t k, n = 0;

	for (k = 0; k < e->nwith && n < max; k++) {
		const struct nm_kb_entry *w;

		if (!(e->with_os[k] & c->os))
			continue;
		w = nm_kb_find_name(c->kb, e->with[k], c->os);
		if (w != NULL && w != e)
			out[n++] = w;
	}
	return n;
}

static int
companion_stance(struct pctx *c, const struct nm_kb_entry *w)
{
	struct pent *pe = pent_of(c, w->id);

	if (pe != NULL)
		return pe->stance;
	if (args_match(c, c->o->keep, c->o->nkeep, w, NULL))
		return NM_STANCE_KEEP;
	return NM_STANCE_DISABLE;
}

/* A disabled entry that something staying needs, stays too. */
static void
settle_dependencies(struct pctx *c)
{
	bool changed = true;
	size_t i, j, k, n;

	while (changed) {
		changed = false;
		for (i = 0; i < c->ents.n; i++) {
			struct pent *x = &c->ents.v[i];
			const struct nm_kb_entry *w[8];

			if (x->stance != NM_STANCE_DISABLE)
				continue;
			for (j = 0; j < c->ents.n; j++) {
				struct pent *d = &c->ents.v[j];

				if (d == x || d->stance == NM_STANCE_DISABLE ||
				    !depends_on(c, d->e, x->e))
					continue;
				x->stance = NM_STANCE_KEEP;
				x->why = pstr(c->p, "%s depends on it and stays",
				    nm_kb_name(d->e));
				changed = true;
				break;
			}
			if (x->stance != NM_STANCE_DISABLE)
				continue;
			n = companions(c, x->e, w, NM_NELEM(w));
			for (k = 0; k < n; k++)
				if (companion_stance(c, w[k]) !=
				    NM_STANCE_DISABLE) {
					x->stance = NM_STANCE_KEEP;
					x->why = pstr(c->p, "it shares its RPC "
					    "endpoint with %s, which stays",
					    nm_kb_name(w[k]));
					changed = true;
					break;
				}
		}
	}
}

static const struct nm_kb_entry *
entry_of(struct pctx *c, const struct nm_endpoint *ep)
{
	return ep->kb ? nm_kb_find(c->kb, ep->kb) : NULL;
}

static bool
entry_has_rpc(const struct nm_kb_entry *e, int proto)
{
	size_t k;

	for (k = 0; k < e->ports.n; k++)
		if (e->ports.v[k].proto == proto &&
		    e->ports.v[k].kind == NM_KBP_RPC)
			return true;
	return false;
}

/* An endpoint that is an RPC server's dynamic port. */
static bool
is_rpc_dynamic(struct pctx *c, const struct nm_endpoint *ep)
{
	const struct nm_kb_entry *e = entry_of(c, ep);
	const struct nm_kb_port *p;

	if (e == NULL || !entry_has_rpc(e, ep->proto))
		return false;
	p = nm_kb_port_for(e, ep, c->os);
	return p != NULL && (p->kind == NM_KBP_RPC ||
	    p->kind == NM_KBP_TYPICAL);
}

/* Does the endpoint fall under a closes= list ("tcp/135,udp/rpc")? */
static bool
spec_match(struct pctx *c, const char *spec, const struct nm_endpoint *ep)
{
	const struct nm_kb_entry *e = entry_of(c, ep);
	const struct nm_kb_port *p = e ? nm_kb_port_for(e, ep, c->os) : NULL;
	const char *s = spec;

	if (spec == NULL)
		return true;
	while (*s) {
		const char *end = strchr(s, ',');
		size_t n = end ? (size_t)(end - s) : strlen(s);
		int proto = strncmp(s, "tcp/", 4) == 0 ? NM_TCP : NM_UDP;
		char w[32];
		int lo, hi;

		snprintf(w, sizeof(w), "%.*s", (int)(n - 4), s + 4);
		if (ep->proto == proto) {
			if (strcmp(w, "any") == 0)
				return true;
			if (strcmp(w, "rpc") == 0 && is_rpc_dynamic(c, ep))
				return true;
			if (strcmp(w, "ephemeral") == 0 && p != NULL &&
			    (p->kind == NM_KBP_EPHEMERAL ||
			    p->kind == NM_KBP_TYPICAL))
				return true;
			if (sscanf(w, "%d-%d", &lo, &hi) == 2 ?
			    (ep->lport >= lo && ep->lport <= hi) :
			    (sscanf(w, "%d", &lo) == 1 && ep->lport == lo))
				return true;
		}
		s += n;
		if (*s == ',')
			s++;
	}
	return false;
}

static bool
same_ep(const struct nm_endpoint *a, const struct nm_endpoint *b)
{
	return a->proto == b->proto && a->family == b->family &&
	    a->lport == b->lport && strcmp(a->laddr, b->laddr) == 0 &&
	    strcmp(a->lzone, b->lzone) == 0 && nm_ep_pid(a) == nm_ep_pid(b);
}

static bool
in_list(const struct nm_endpoint *v, size_t n, const struct nm_endpoint *e)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (same_ep(&v[i], e))
			return true;
	return false;
}

/*
 * UDP 135 (until=last-udp-rpc) goes when no datagram RPC server is left.
 * An unattributed UDP port in the NT5 dynamic range might be one, so it
 * keeps UDP 135 open in the prediction.
 */
static void
cascade(struct pctx *c, struct nm_step *st)
{
	size_t i, j;

	for (i = 0; i < c->cur.n; i++) {
		const struct nm_endpoint *ep = &c->cur.v[i];
		const struct nm_kb_entry *e = entry_of(c, ep);
		const struct nm_kb_port *p;
		bool left = false, unknown = false;
		struct nm_buf ub = { 0 };

		if (e == NULL || in_list(st->closes.v, st->closes.n, ep))
			continue;
		p = nm_kb_port_for(e, ep, c->os);
		if (p == NULL || p->until != NM_KBU_LAST_UDP_RPC)
			continue;
		for (j = 0; j < c->cur.n; j++) {
			const struct nm_endpoint *o = &c->cur.v[j];

			if (o->proto != NM_UDP || o == ep ||
			    in_list(st->closes.v, st->closes.n, o))
				continue;
			if (is_rpc_dynamic(c, o))
				left = true;
			else if (o->kb == NULL &&
			    nm_os_dynamic_rpc(c->os, o->lport)) {
				unknown = true;
				nm_buf_printf(&ub, "%s%d", ub.len ? ", " : "",
				    o->lport);
			}
		}
		if (left || unknown) {
			if (!left && !c->udp135_noted)
				nm_plan_note(c->p, "udp/%d stays in the "
				    "prediction: UDP %s %s no known owner and "
				    "may be a datagram RPC server (netmin "
				    "rpcdump would tell)", ep->lport, ub.s,
				    strchr(ub.s, ',') ? "have" : "has");
			c->udp135_noted |= !left;
			nm_buf_free(&ub);
			continue;
		}
		nm_buf_free(&ub);
		*NM_VEC_PUSH(&st->closes) = *ep;
		nm_plan_strv_addf(c->p, &st->effects, &st->neffects,
		    "%s/%d (the endpoint mapper's datagram endpoint) goes "
		    "with the last datagram RPC service", nm_proto_name(
		    ep->proto), ep->lport);
	}
}

static void
finish_step(struct pctx *c, struct nm_step *st)
{
	size_t i, j, out = 0;

	cascade(c, st);
	for (i = 0; i < st->closes.n; i++)
		if (st->closes.v[i].confidence < st->confidence)
			st->confidence = st->closes.v[i].confidence;
	for (i = 0; i < st->moves.n; i++)
		if (st->moves.v[i].from.confidence < st->confidence)
			st->confidence = st->moves.v[i].from.confidence;
	for (i = 0; i < c->cur.n; i++) {
		struct nm_endpoint *ep = &c->cur.v[i];

		if (in_list(st->closes.v, st->closes.n, ep))
			continue;
		for (j = 0; j < st->moves.n; j++)
			if (same_ep(&st->moves.v[j].from, ep))
				*ep = st->moves.v[j].to;
		c->cur.v[out++] = *ep;
	}
	c->cur.n = out;
	for (i = 0; i < c->cur.n; i++)
		*NM_VEC_PUSH(&st->after) = c->cur.v[i];
	for (i = 0; i < st->actions.n; i++) {
		if (st->actions.v[i].reboot)
			st->reboot = true;
		for (j = 0; j < st->actions.v[i].neffects; j++)
			nm_plan_strv_add(c->p, &st->effects, &st->neffects,
			    st->actions.v[i].effects[j]);
	}
}

static void
add_breaks(struct pctx *c, struct nm_step *st, const struct nm_kb_entry *e)
{
	size_t k;

	for (k = 0; k < e->breaks.n; k++)
		if (e->breaks.v[k].f.os & c->os)
			nm_plan_strv_add(c->p, &st->effects, &st->neffects,
			    e->breaks.v[k].text);
}

static void
member_actions(struct pctx *c, struct nm_step *st,
    const struct nm_kb_entry *m, const char **deps, size_t ndeps)
{
	size_t k;

	for (k = 0; k < m->actions.n; k++) {
		const struct nm_kb_action *ka = &m->actions.v[k];
		struct nm_action *a;

		if (ka->mode != NM_MODE_DISABLE || !covers(ka->f.os, c->os))
			continue;
		a = nm_step_add_action(c->p, st, ka->kind);
		if (ka->kind == NM_ACT_SERVICE && strcmp(ka->a1,
		    nm_kb_name(m)) == 0) {
			a->dependants = deps;
			a->ndependants = ndeps;
		}
		nm_plan_render(c->p, a, m, ka, c->s, c->os);
	}
	nm_plan_strv_add(c->p, &st->kbs, &st->nkbs, m->id);
	add_breaks(c, st, m);
}

static bool
closes_all(struct pctx *c, const struct nm_kb_entry *m)
{
	size_t k;

	for (k = 0; k < m->actions.n; k++)
		if (m->actions.v[k].mode == NM_MODE_DISABLE &&
		    covers(m->actions.v[k].f.os, c->os) &&
		    m->actions.v[k].closes == NULL)
			return true;
	return false;
}

static bool
closed_by_disable(struct pctx *c, const struct nm_kb_entry *m,
    const struct nm_endpoint *ep)
{
	size_t k;

	if (ep->kb == NULL || strcmp(ep->kb, m->id) != 0)
		return false;
	if (closes_all(c, m))
		return true;
	for (k = 0; k < m->actions.n; k++)
		if (m->actions.v[k].mode == NM_MODE_DISABLE &&
		    covers(m->actions.v[k].f.os, c->os) &&
		    spec_match(c, m->actions.v[k].closes, ep))
			return true;
	return false;
}

static void
do_disable(struct pctx *c, struct pent *x)
{
	const struct nm_kb_entry *members[24], *w[8];
	const char **deps = NULL;
	size_t nm = 0, ndeps = 0, nw, i, k;
	const struct nm_kb_action *first = NULL;
	struct nm_buf t = { 0 };
	struct nm_step *st;
	int phase = x->e->phase;
	bool any = false;

	for (i = 0; i < c->ents.n && nm < 16; i++) {
		struct pent *d = &c->ents.v[i];

		if (d != x && d->stance == NM_STANCE_DISABLE &&
		    !d->in_step && depends_on(c, d->e, x->e)) {
			members[nm++] = d->e;
			d->in_step = true;
			nm_plan_strv_add(c->p, &deps, &ndeps, nm_kb_name(d->e));
		}
	}
	members[nm++] = x->e;
	x->in_step = true;
	nw = companions(c, x->e, w, NM_NELEM(w));
	for (k = 0; k < nw && nm < NM_NELEM(members); k++) {
		struct pent *pw = pent_of(c, w[k]->id);

		if (pw != NULL) {
			if (pw->in_step)
				continue;
			pw->in_step = true;
		}
		members[nm++] = w[k];
	}
	for (i = 0; i < c->cur.n; i++)
		for (k = 0; k < nm; k++)
			if (closed_by_disable(c, members[k], &c->cur.v[i]))
				any = true;
	if (!any)
		return;
	for (k = 0; k < x->e->actions.n; k++)
		if (x->e->actions.v[k].mode == NM_MODE_DISABLE &&
		    covers(x->e->actions.v[k].f.os, c->os)) {
			first = &x->e->actions.v[k];
			break;
		}
	if (first != NULL && first->phase >= 0)
		phase = first->phase;
	/* The title says what a person would say. */
	if (first != NULL && first->title != NULL)
		nm_buf_puts(&t, first->title);
	else if (first != NULL && first->kind == NM_ACT_UNIT)
		nm_buf_printf(&t, "Stop%s %s (%s)", first->op == NM_UNIT_MASK ?
		    ", disable and mask" : " and disable", nm_kb_name(x->e),
		    x->e->title);
	else if (x->e->nservices)
		nm_buf_printf(&t, "Stop and disable %s (%s)", nm_kb_name(x->e),
		    display_of(x->e, nm_kb_name(x->e)));
	else
		nm_buf_printf(&t, "Turn off %s", x->e->title);
	if (ndeps) {
		nm_buf_puts(&t, ndeps > 1 ? ", with its dependants " :
		    ", with its dependant ");
		for (k = 0; k < ndeps; k++)
			nm_buf_printf(&t, "%s%s", k ? (k + 1 == ndeps ?
			    " and " : ", ") : "", deps[k]);
	}
	for (k = ndeps + 1; k < nm; k++)
		nm_buf_printf(&t, "%s%s", k == ndeps + 1 ? "; also " : ", ",
		    nm_kb_name(members[k]));
	st = nm_plan_add_step(c->p, phase, t.s);
	nm_buf_free(&t);
	st->why = x->asked_drop ? "you asked to drop it (--drop)" :
	    pstr(c->p, "%s: the knowledge base disables it by default "
	    "(%s)", x->e->title, nm_kb_policy_for(x->e, c->os) ?
	    nm_kb_policy_for(x->e, c->os)->f.src : x->e->src);
	/* Dependants first: they stop before what they need. */
	for (k = 0; k < nm; k++)
		member_actions(c, st, members[k], members[k] == x->e ? deps :
		    NULL, members[k] == x->e ? ndeps : 0);
	for (i = 0; i < c->cur.n; i++)
		for (k = 0; k < nm; k++)
			if (closed_by_disable(c, members[k], &c->cur.v[i])) {
				*NM_VEC_PUSH(&st->closes) = c->cur.v[i];
				break;
			}
	finish_step(c, st);
}

static const char *
step_key(const struct nm_kb_action *a)
{
	return a->a1 ? a->a1 : "";
}

static void
do_narrow(struct pctx *c, struct pent *x, const struct nm_kb_action *ka)
{
	struct nm_step *st;
	struct nm_action *a;
	NM_VEC(struct nm_endpoint) cl = { 0 };
	NM_VEC(struct nm_move) mv = { 0 };
	size_t i;

	/* One global setting narrows several kept entries: one step. */
	for (i = 0; i < c->p->steps.n; i++) {
		struct nm_step *o = &c->p->steps.v[i];

		if (o->actions.n && o->actions.v[0].mode == NM_MODE_NARROW &&
		    o->actions.v[0].kind == ka->kind &&
		    o->actions.v[0].target != NULL &&
		    nm_startswith(o->actions.v[0].target, step_key(ka)) &&
		    (ka->a2 == NULL || o->actions.v[0].value == NULL ||
		    strcmp(o->actions.v[0].value, ka->a2) == 0)) {
			x->narrowed = true;
			return;
		}
	}
	for (i = 0; i < c->cur.n; i++) {
		const struct nm_endpoint *ep = &c->cur.v[i];
		bool mine = ep->kb != NULL && strcmp(ep->kb, x->e->id) == 0;

		if (ka->moves) {
			struct nm_move *m;
			bool rpc = ka->closes && strstr(ka->closes, "/rpc");

			/* Binding RPC to loopback moves every RPC server's
			 * dynamic port, not only the kept one's. */
			if (!(rpc ? spec_match(c, ka->closes, ep) &&
			    is_rpc_dynamic(c, ep) : mine &&
			    spec_match(c, ka->closes, ep)))
				continue;
			if (ep->exposure == NM_EXP_LOOPBACK)
				continue;
			m = NM_VEC_PUSH(&mv);
			m->from = *ep;
			m->to = *ep;
			nm_strlcpy(m->to.laddr, ep->family == NM_INET6 ? "::1" :
			    "127.0.0.1", sizeof(m->to.laddr));
			m->to.lzone[0] = '\0';
			m->to.exposure = NM_EXP_LOOPBACK;
		} else if (mine && spec_match(c, ka->closes, ep)) {
			*NM_VEC_PUSH(&cl) = *ep;
		}
	}
	if (cl.n == 0 && mv.n == 0) {
		NM_VEC_FREE(&cl);
		NM_VEC_FREE(&mv);
		return;
	}
	st = nm_plan_add_step(c->p, ka->phase >= 0 ? ka->phase : x->e->phase,
	    ka->title ? ka->title : pstr(c->p, "Narrow %s", nm_kb_name(x->e)));
	st->why = pstr(c->p, "%s stays (%s); this narrows what it exposes",
	    nm_kb_name(x->e), x->why ? x->why : "kept");
	a = nm_step_add_action(c->p, st, ka->kind);
	nm_plan_render(c->p, a, x->e, ka, c->s, c->os);
	nm_plan_strv_add(c->p, &st->kbs, &st->nkbs, x->e->id);
	for (i = 0; i < cl.n; i++)
		*NM_VEC_PUSH(&st->closes) = cl.v[i];
	for (i = 0; i < mv.n; i++)
		*NM_VEC_PUSH(&st->moves) = mv.v[i];
	NM_VEC_FREE(&cl);
	NM_VEC_FREE(&mv);
	x->narrowed = true;
	finish_step(c, st);
}

static int
work_cmp(const void *a, const void *b)
{
	const struct work *x = a, *y = b;

	if (x->phase != y->phase)
		return x->phase - y->phase;
	if (x->order != y->order)
		return x->order - y->order;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static bool
is_dependant(struct pctx *c, struct pent *d)
{
	size_t i;

	for (i = 0; i < c->ents.n; i++) {
		struct pent *x = &c->ents.v[i];

		if (x != d && x->stance == NM_STANCE_DISABLE &&
		    depends_on(c, d->e, x->e))
			return true;
	}
	return false;
}

static void
plan_steps(struct pctx *c)
{
	NM_VEC(struct work) w = { 0 };
	size_t i, k;

	for (i = 0; i < c->ents.n; i++) {
		struct pent *pe = &c->ents.v[i];
		struct work *wk;

		if (pe->stance == NM_STANCE_DISABLE) {
			if (is_dependant(c, pe))
				continue;
			wk = NM_VEC_PUSH(&w);
			wk->pe = pe;
			wk->phase = pe->e->phase;
			wk->order = pe->e->order;
			for (k = 0; k < pe->e->actions.n; k++)
				if (pe->e->actions.v[k].mode ==
				    NM_MODE_DISABLE && covers(
				    pe->e->actions.v[k].f.os, c->os)) {
					if (pe->e->actions.v[k].phase >= 0)
						wk->phase =
						    pe->e->actions.v[k].phase;
					break;
				}
			wk->seq = w.n;
			continue;
		}
		if (pe->stance != NM_STANCE_KEEP)
			continue;
		for (k = 0; k < pe->e->actions.n; k++) {
			const struct nm_kb_action *a = &pe->e->actions.v[k];

			if (a->mode != NM_MODE_NARROW)
				continue;
			if (!covers(a->f.os, c->os)) {
				if (a->f.os & c->os)
					nm_plan_note(c->p, "%s: \"%s\" applies "
					    "only on some of the generations "
					    "this host may be; --os decides",
					    nm_kb_name(pe->e), a->title ?
					    a->title : nm_act_kind_name(
					    a->kind));
				continue;
			}
			wk = NM_VEC_PUSH(&w);
			wk->pe = pe;
			wk->a = a;
			wk->phase = a->phase >= 0 ? a->phase : pe->e->phase;
			wk->order = pe->e->order;
			wk->seq = w.n;
		}
	}
	if (w.n)
		qsort(w.v, w.n, sizeof(*w.v), work_cmp);
	for (i = 0; i < w.n; i++) {
		if (w.v[i].a == NULL) {
			if (!w.v[i].pe->in_step)
				do_disable(c, w.v[i].pe);
		} else {
			do_narrow(c, w.v[i].pe, w.v[i].a);
		}
	}
	NM_VEC_FREE(&w);
}

static void
residue(struct pctx *c)
{
	bool exposed = false, unknown = false;
	struct nm_buf b = { 0 };
	struct nm_step *st;
	struct nm_action *a;
	size_t i, k;

	for (i = 0; i < c->cur.n; i++) {
		const struct nm_endpoint *ep = &c->cur.v[i];
		struct pent *pe = pent_of(c, ep->kb);
		struct nm_remain *r = NM_VEC_PUSH(&c->p->remaining);

		r->ep = *ep;
		r->closable = ep->exposure != NM_EXP_LOOPBACK;
		if (pe == NULL) {
			r->why = ep->reason ? ep->reason : "owner unknown";
			unknown = true;
		} else if (pe->stance == NM_STANCE_DISABLE) {
			r->why = "the plan's actions for its service do not "
			    "close this port";
		} else {
			r->why = pe->why;
			if (pe->e->policy.n && pe->stance == NM_STANCE_KEEP &&
			    has_actions(c, pe->e, NM_MODE_DISABLE))
				r->closable = true;
		}
		if (ep->exposure != NM_EXP_LOOPBACK)
			exposed = true;
	}
	for (i = 0; i < c->ents.n; i++) {
		struct pent *pe = &c->ents.v[i];
		struct nm_kept *kp;

		if (pe->stance == NM_STANCE_DISABLE)
			continue;
		kp = NM_VEC_PUSH(&c->p->kept);
		kp->kb = pe->e->id;
		kp->name = nm_kb_name(pe->e);
		kp->why = pe->why;
		kp->asked = pe->asked_keep;
		kp->narrowed = pe->narrowed;
		for (k = 0; k < c->cur.n; k++)
			if (c->cur.v[k].kb && strcmp(c->cur.v[k].kb,
			    pe->e->id) == 0)
				*NM_VEC_PUSH(&kp->endpoints) = c->cur.v[k];
	}
	if (unknown) {
		struct nm_kept *kp = NM_VEC_PUSH(&c->p->kept);

		kp->name = "owner unknown";
		kp->why = "not attributed, so not changed: see each endpoint's "
		    "reason for the evidence that would settle it";
		for (k = 0; k < c->cur.n; k++)
			if (c->cur.v[k].kb == NULL)
				*NM_VEC_PUSH(&kp->endpoints) = c->cur.v[k];
	}
	if (!exposed || c->o->no_filter)
		return;
	st = nm_plan_add_step(c->p, NM_PHASE_RESIDUE, "Filter what stays at "
	    "the host firewall");
	st->why = "the method's last step: what must stay, or may come back "
	    "(programs start RPC services when used), is filtered";
	a = nm_step_add_action(c->p, st, NM_ACT_FILTER);
	a->mode = NM_MODE_NARROW;
	a->target = "host firewall";
	for (i = 0; i < c->cur.n; i++) {
		const struct nm_endpoint *ep = &c->cur.v[i];
		char tok[32];

		if (ep->exposure == NM_EXP_LOOPBACK)
			continue;
		snprintf(tok, sizeof(tok), "%s/%d", nm_proto_name(ep->proto),
		    ep->lport);
		if (b.s == NULL || strstr(b.s, tok) == NULL)
			nm_buf_printf(&b, "%s%s", b.len ? ", " : "", tok);
	}
	a->change = pstr(c->p, "allow only the peers that need them to: %s",
	    b.s ? b.s : "");
	nm_buf_reset(&b);
	nm_buf_puts(&b, "netmin firewall");
	for (i = 0; i < c->p->nsources; i++)
		if (nm_startswith(c->p->sources[i], "file:"))
			nm_buf_printf(&b, " --from %s", c->p->sources[i] + 5);
	for (i = 0; i < c->o->nkeep; i++)
		nm_buf_printf(&b, " --keep %s", c->o->keep[i]);
	nm_buf_printf(&b, " --emit %s", c->windows ? "netsh" : "nft");
	nm_plan_strv_add(c->p, &a->commands, &a->ncommands, b.s);
	nm_buf_free(&b);
	nm_plan_strv_add(c->p, &a->effects, &a->neffects, "connections from "
	    "other hosts to these ports, except from the peers you allow");
	a->kb = NULL;
	st->confidence = NM_CONF_HIGH;
	finish_step(c, st);
}

int
nm_plan_make(struct nm_plan *p, const struct nm_snapshot *s,
    const struct nm_kb *kb, const struct nm_planopts *o,
    struct nm_error *err)
{
	struct pctx c = { 0 };
	size_t i, k;

	nm_plan_init(p);
	c.p = p;
	c.s = s;
	c.kb = kb;
	c.o = o;
	c.os = nm_snap_osmask(s);
	c.windows = (c.os & NM_OSM_WINDOWS) && !(c.os & NM_OSM(NM_OS_LINUX));
	p->os = s->host.os;
	p->os_reason = s->host.os_reason;
	p->sources = s->host.sources;
	p->nsources = s->host.nsources;
	for (i = 0; i < o->nkeep; i++)
		nm_plan_strv_add(p, &p->keep, &p->nkeep, o->keep[i]);
	for (i = 0; i < o->ndrop; i++)
		nm_plan_strv_add(p, &p->drop, &p->ndrop, o->drop[i]);
	for (i = 0; i < s->ep.n; i++) {
		const struct nm_endpoint *ep = &s->ep.v[i];

		if (!nm_ep_is_open(ep) || ep->lport < 0 ||
		    (ep->proto != NM_TCP && ep->proto != NM_UDP))
			continue;
		*NM_VEC_PUSH(&p->before) = *ep;
		*NM_VEC_PUSH(&c.cur) = *ep;
	}
	if (check_args(&c, o->keep, o->nkeep, "--keep", err) != 0 ||
	    check_args(&c, o->drop, o->ndrop, "--drop", err) != 0) {
		NM_VEC_FREE(&c.cur);
		return -1;
	}
	for (i = 0; i < c.cur.n; i++) {
		const struct nm_kb_entry *e = entry_of(&c, &c.cur.v[i]);

		if (e != NULL && pent_of(&c, e->id) == NULL)
			NM_VEC_PUSH(&c.ents)->e = e;
	}
	for (i = 0; i < c.ents.n; i++)
		decide(&c, &c.ents.v[i]);
	/* A --keep naming an entry with no open endpoint still counts
	 * (a kept companion), but say that nothing of it is open. */
	for (i = 0; i < o->nkeep; i++) {
		const struct nm_kb_entry *e;
		int port, proto;

		if (arg_port(o->keep[i], &port, &proto))
			continue;
		e = nm_kb_find_name(kb, o->keep[i], c.os);
		for (k = 0; e && k < c.ents.n; k++)
			if (c.ents.v[k].e == e)
				break;
		if (e != NULL && k == c.ents.n)
			nm_plan_note(p, "--keep %s: nothing of %s is open here",
			    o->keep[i], nm_kb_name(e));
	}
	settle_dependencies(&c);
	plan_steps(&c);
	residue(&c);
	NM_VEC_FREE(&c.cur);
	NM_VEC_FREE(&c.ents);
	return 0;
}

bool
nm_plan_pending(const struct nm_plan *p)
{
	size_t i;

	for (i = 0; i < p->steps.n; i++)
		if (p->steps.v[i].closes.n || p->steps.v[i].moves.n)
			return true;
	return false;
}
