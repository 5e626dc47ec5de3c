/*
 * exec_linux_op.c - the portable half of the Linux executors: op names,
 * descriptions, and the op <-> journal record mapping.  No system calls
 * here, so the unit tests run it everywhere (also under wine).
 */
#include <stdlib.h>
#include <string.h>

#include "exec_linux.h"
#include "exec_win.h"

static const char *const kind_names[NM_OP__COUNT] = {
	[NM_OP_UNIT_STOP] = "unit-stop",
	[NM_OP_UNIT_START] = "unit-start",
	[NM_OP_UNIT_DISABLE] = "unit-disable",
	[NM_OP_UNIT_ENABLE] = "unit-enable",
	[NM_OP_UNIT_MASK] = "unit-mask",
	[NM_OP_UNIT_UNMASK] = "unit-unmask",
	[NM_OP_FILE_WRITE] = "file-write",
	[NM_OP_FILE_REMOVE] = "file-remove",
	[NM_OP_MKDIR] = "mkdir",
	[NM_OP_RELOAD] = "manager-reload",
	[NM_OP_RESTART] = "unit-try-restart",
	[NM_OP_RUN] = "run",
	[NM_OP_SVC_STOP] = "service-stop",
	[NM_OP_SVC_START_TYPE] = "service-start-type",
	[NM_OP_REG_SET] = "registry-set",
	[NM_OP_REG_DELETE] = "registry-delete",
	[NM_OP_REG_MULTI_REMOVE] = "registry-multi-remove",
	[NM_OP_REG_MULTI_ADD] = "registry-multi-add",
	[NM_OP_REG_KEY_CREATE] = "registry-key-create",
	[NM_OP_NFT_TABLE] = "nft-table",
};

static const char *const mgr_names[] = {
	[NM_MGR_NONE] = "none",
	[NM_MGR_SYSTEMD] = "systemd",
	[NM_MGR_SYSTEMD_USER] = "systemd-user",
	[NM_MGR_SYSTEMD_OFFLINE] = "systemd-offline",
	[NM_MGR_SYSV] = "sysv",
	[NM_MGR_RUNIT] = "runit",
	[NM_MGR_OPENRC] = "openrc",
	[NM_MGR_WINDOWS] = "windows",
};

const char *
nm_op_kind_name(int k)
{
	if (k <= 0 || k >= NM_OP__COUNT || kind_names[k] == NULL)
		return "unknown";
	return kind_names[k];
}

int
nm_op_kind_from_name(const char *s)
{
	int k;

	for (k = 1; k < NM_OP__COUNT; k++)
		if (kind_names[k] != NULL && strcmp(kind_names[k], s) == 0)
			return k;
	return 0;
}

const char *
nm_mgr_name(int m)
{
	if (m < 0 || (size_t)m >= NM_NELEM(mgr_names))
		return "none";
	return mgr_names[m];
}

int
nm_mgr_from_name(const char *s)
{
	size_t i;

	for (i = 1; i < NM_NELEM(mgr_names); i++)
		if (strcmp(mgr_names[i], s) == 0)
			return (int)i;
	return -1;
}

bool
nm_op_is_effect(const struct nm_op *op)
{
	return op->kind == NM_OP_RELOAD || op->kind == NM_OP_RESTART ||
	    op->kind == NM_OP_RUN;
}

bool
nm_op_is_unit(const struct nm_op *op)
{
	return op->kind >= NM_OP_UNIT_STOP && op->kind <= NM_OP_UNIT_UNMASK;
}

static bool
masked(const char *en)
{
	return en != NULL && nm_startswith(en, "masked");
}

/* Enablement words that mean "nothing starts this at boot". */
static bool
not_enabled(const char *en)
{
	static const char *const off[] = { "disabled", "static", "masked",
	    "masked-runtime", "indirect", "generated", "transient",
	    "not-found", "bad", "alias" };
	size_t i;

	if (en == NULL)
		return false;
	for (i = 0; i < NM_NELEM(off); i++)
		if (strcmp(en, off[i]) == 0)
			return true;
	return false;
}

bool
nm_op_noop(const struct nm_op *op)
{
	const struct nm_prior *p = &op->prior;

	if (!p->have)
		return false;
	if (nm_win_op_is(op->kind))
		return nm_win_op_noop(op);
	switch (op->kind) {
	case NM_OP_UNIT_STOP:
		return !p->active;
	case NM_OP_UNIT_START:
		return p->active;
	case NM_OP_UNIT_DISABLE:
		return not_enabled(p->enablement);
	case NM_OP_UNIT_ENABLE:
		return p->enablement != NULL &&
		    strcmp(p->enablement, "enabled") == 0;
	case NM_OP_UNIT_MASK:
		return masked(p->enablement);
	case NM_OP_UNIT_UNMASK:
		return !masked(p->enablement);
	case NM_OP_FILE_WRITE:
		return p->exists && p->len == op->len &&
		    (op->len == 0 || memcmp(p->data, op->data, op->len) == 0) &&
		    (op->mode < 0 || op->mode == p->mode);
	case NM_OP_FILE_REMOVE:
		return !p->exists;
	case NM_OP_MKDIR:
		return p->exists;
	default:
		return false;
	}
}

static void
count_lines(const char *s, size_t len, size_t *lines)
{
	size_t i;

	*lines = 0;
	for (i = 0; i < len; i++)
		if (s[i] == '\n')
			(*lines)++;
	if (len && s[len - 1] != '\n')
		(*lines)++;
}

void
nm_op_describe(const struct nm_op *op, struct nm_buf *b)
{
	const struct nm_prior *p = &op->prior;
	size_t l1, l2;

	if (nm_win_op_is(op->kind)) {
		nm_win_op_describe(op, b);
		return;
	}
	switch (op->kind) {
	case NM_OP_UNIT_STOP:
		nm_buf_printf(b, "stop %s", op->unit);
		if (p->have)
			nm_buf_printf(b, " (%s -> inactive)",
			    p->active ? "active" : "inactive");
		break;
	case NM_OP_UNIT_START:
		nm_buf_printf(b, "start %s", op->unit);
		if (p->have)
			nm_buf_printf(b, " (%s -> active)",
			    p->active ? "active" : "inactive");
		break;
	case NM_OP_UNIT_DISABLE:
	case NM_OP_UNIT_ENABLE:
	case NM_OP_UNIT_MASK:
	case NM_OP_UNIT_UNMASK:
		nm_buf_printf(b, "%s %s", op->kind == NM_OP_UNIT_DISABLE ?
		    "disable" : op->kind == NM_OP_UNIT_ENABLE ? "enable" :
		    op->kind == NM_OP_UNIT_MASK ? "mask" : "unmask", op->unit);
		if (p->have)
			nm_buf_printf(b, " (%s -> %s, %zu link%s recorded)",
			    p->enablement ? p->enablement : "unknown",
			    op->kind == NM_OP_UNIT_DISABLE ? "disabled" :
			    op->kind == NM_OP_UNIT_ENABLE ? "enabled" :
			    op->kind == NM_OP_UNIT_MASK ? "masked" : "unmasked",
			    p->nlinks, p->nlinks == 1 ? "" : "s");
		break;
	case NM_OP_FILE_WRITE:
		count_lines(op->data, op->len, &l2);
		if (p->have && p->exists) {
			count_lines(p->data, p->len, &l1);
			nm_buf_printf(b, "edit %s (%zu -> %zu bytes, %zu -> "
			    "%zu lines, mode %04o", op->path, p->len, op->len,
			    l1, l2, (unsigned)p->mode);
			if (op->mode >= 0 && op->mode != p->mode)
				nm_buf_printf(b, " -> %04o", (unsigned)op->mode);
			nm_buf_puts(b, ", backup in the journal)");
		} else {
			nm_buf_printf(b, "create %s (%zu bytes, %zu lines, "
			    "mode %04o)", op->path, op->len, l2,
			    (unsigned)(op->mode >= 0 ? op->mode : 0644));
		}
		break;
	case NM_OP_FILE_REMOVE:
		nm_buf_printf(b, "remove %s", op->path);
		if (p->have && p->exists)
			nm_buf_printf(b, " (%zu bytes, backup in the journal)",
			    p->len);
		break;
	case NM_OP_MKDIR:
		nm_buf_printf(b, "create folder %s", op->path);
		break;
	case NM_OP_RELOAD:
		nm_buf_puts(b, "reload the service manager's unit files");
		break;
	case NM_OP_RESTART:
		nm_buf_printf(b, "restart %s if it runs (to read its new "
		    "configuration)", op->unit);
		break;
	case NM_OP_NFT_TABLE:
		count_lines(op->data, op->len, &l2);
		nm_buf_printf(b, "load the nftables table inet netmin (%zu "
		    "lines, one transaction", l2);
		if (p->have && p->exists) {
			count_lines(p->data, p->len, &l1);
			nm_buf_printf(b, "; replaces the one there now, %zu "
			    "lines, kept in the journal", l1);
		} else if (p->have) {
			nm_buf_puts(b, "; there is none now");
		}
		nm_buf_putc(b, ')');
		break;
	case NM_OP_RUN: {
		size_t i;

		nm_buf_puts(b, "run");
		for (i = 0; op->argv != NULL && op->argv[i] != NULL; i++)
			nm_buf_printf(b, " %s", op->argv[i]);
		break;
	}
	default:
		nm_buf_puts(b, "unknown operation");
		break;
	}
}

void
nm_op_to_record(struct nm_arena *a, const struct nm_op *op,
    struct nm_jrec *r)
{
	const struct nm_prior *p = &op->prior;

	nm_jrec_str(a, r, "kind", nm_op_kind_name(op->kind));
	nm_jrec_int(a, r, "group", op->group);
	if (op->step)
		nm_jrec_int(a, r, "step", op->step);
	if (nm_win_op_is(op->kind)) {
		nm_win_op_to_record(a, op, r);
		return;
	}
	if (op->unit)
		nm_jrec_str(a, r, "unit", op->unit);
	if (op->path)
		nm_jrec_str(a, r, "path", op->path);
	if (op->kind == NM_OP_FILE_WRITE || op->kind == NM_OP_NFT_TABLE)
		nm_jrec_bytes(a, r, "content", op->data, op->len);
	if (op->kind == NM_OP_FILE_WRITE || op->kind == NM_OP_MKDIR)
		nm_jrec_int(a, r, "mode", op->mode);
	if (op->argv) {
		size_t n = 0;

		while (op->argv[n])
			n++;
		nm_jrec_list(a, r, "argv", op->argv, n);
	}
	if (op->why)
		nm_jrec_str(a, r, "why", op->why);
	nm_jrec_bool(a, r, "prior", p->have);
	if (!p->have)
		return;
	if (nm_op_is_unit(op)) {
		nm_jrec_str(a, r, "prior_enablement", p->enablement);
		nm_jrec_bool(a, r, "prior_active", p->active);
		nm_jrec_list(a, r, "prior_links", p->links, p->nlinks);
	}
	if (op->kind == NM_OP_FILE_WRITE || op->kind == NM_OP_FILE_REMOVE ||
	    op->kind == NM_OP_MKDIR) {
		nm_jrec_bool(a, r, "prior_exists", p->exists);
		if (p->exists && op->kind != NM_OP_MKDIR)
			nm_jrec_bytes(a, r, "prior_content", p->data, p->len);
		if (p->exists) {
			nm_jrec_int(a, r, "prior_mode", p->mode);
			nm_jrec_int(a, r, "prior_uid", p->uid);
			nm_jrec_int(a, r, "prior_gid", p->gid);
		}
	}
	if (op->kind == NM_OP_RESTART)
		nm_jrec_bool(a, r, "prior_active", p->active);
	if (op->kind == NM_OP_NFT_TABLE) {
		nm_jrec_bool(a, r, "prior_exists", p->exists);
		if (p->exists)
			nm_jrec_bytes(a, r, "prior_content", p->data, p->len);
	}
}

static int
want_int(const struct nm_jrec *r, const char *key, long long min,
    long long max, int *out, struct nm_error *err)
{
	long long v;

	if (!nm_jrec_geti(r, key, &v) || v < min || v > max)
		return nm_seterr(err, NM_ERR_INPUT, "line %d: \"%s\" missing "
		    "or out of range", r->line, key);
	*out = (int)v;
	return 0;
}

int
nm_op_from_record(struct nm_arena *a, const struct nm_jrec *r,
    struct nm_op *op, struct nm_error *err)
{
	const char *kind = nm_jrec_gets(r, "kind");
	const struct nm_jfield *f;
	struct nm_prior *p = &op->prior;
	char *data;
	size_t len;
	long long v;

	memset(op, 0, sizeof(*op));
	op->mode = -1;
	if (kind == NULL || (op->kind = nm_op_kind_from_name(kind)) == 0)
		return nm_seterr(err, NM_ERR_INPUT, "line %d: unknown op kind "
		    "\"%s\" (written by a newer netmin?)", r->line,
		    kind ? kind : "");
	if (want_int(r, "group", 0, 1000000, &op->group, err) != 0)
		return -1;
	if (nm_jrec_geti(r, "step", &v) && v > 0 && v < 1000000)
		op->step = (int)v;
	if (nm_win_op_is(op->kind)) {
		op->why = nm_jrec_gets(r, "why");
		return nm_win_op_from_record(a, r, op, err);
	}
	op->unit = nm_jrec_gets(r, "unit");
	op->path = nm_jrec_gets(r, "path");
	op->why = nm_jrec_gets(r, "why");
	if (nm_op_is_unit(op) || op->kind == NM_OP_RESTART) {
		if (op->unit == NULL || op->unit[0] == '\0')
			return nm_seterr(err, NM_ERR_INPUT, "line %d: %s "
			    "without \"unit\"", r->line, kind);
	}
	if (op->kind == NM_OP_FILE_WRITE || op->kind == NM_OP_FILE_REMOVE ||
	    op->kind == NM_OP_MKDIR) {
		if (op->path == NULL || op->path[0] != '/')
			return nm_seterr(err, NM_ERR_INPUT, "line %d: %s "
			    "needs an absolute \"path\"", r->line, kind);
	}
	if (op->kind == NM_OP_FILE_WRITE || op->kind == NM_OP_NFT_TABLE) {
		if (nm_jrec_getbytes(a, r, "content", &data, &len) != 0)
			return nm_seterr(err, NM_ERR_INPUT, "line %d: bad "
			    "\"content\"", r->line);
		op->data = data;
		op->len = len;
	}
	if (op->kind == NM_OP_FILE_WRITE || op->kind == NM_OP_MKDIR) {
		if (want_int(r, "mode", -1, 07777, &op->mode, err) != 0)
			return -1;
	}
	if ((f = nm_jrec_get(r, "argv")) != NULL && f->kind == NM_JF_LIST) {
		size_t i;

		op->argv = nm_aalloc(a, (f->nlist + 1) * sizeof(*op->argv));
		for (i = 0; i < f->nlist; i++)
			op->argv[i] = f->list[i];
	}
	if (op->kind == NM_OP_RUN && (op->argv == NULL || op->argv[0] == NULL))
		return nm_seterr(err, NM_ERR_INPUT, "line %d: run without "
		    "\"argv\"", r->line);

	p->have = nm_jrec_getb(r, "prior", false);
	if (!p->have)
		return 0;
	if (op->kind == NM_OP_NFT_TABLE) {
		p->exists = nm_jrec_getb(r, "prior_exists", false);
		if (p->exists && nm_jrec_getbytes(a, r, "prior_content", &data,
		    &p->len) != 0)
			return nm_seterr(err, NM_ERR_INPUT, "line %d: bad "
			    "\"prior_content\"", r->line);
		if (p->exists)
			p->data = data;
		return 0;
	}
	if (nm_op_is_unit(op) || op->kind == NM_OP_RESTART)
		p->active = nm_jrec_getb(r, "prior_active", false);
	if (nm_op_is_unit(op)) {
		p->enablement = nm_jrec_gets(r, "prior_enablement");
		f = nm_jrec_get(r, "prior_links");
		if (f == NULL || f->kind != NM_JF_LIST)
			return nm_seterr(err, NM_ERR_INPUT, "line %d: %s "
			    "without \"prior_links\"", r->line, kind);
		p->links = f->list;
		p->nlinks = f->nlist;
	}
	if (op->kind == NM_OP_FILE_WRITE || op->kind == NM_OP_FILE_REMOVE ||
	    op->kind == NM_OP_MKDIR) {
		p->exists = nm_jrec_getb(r, "prior_exists", false);
		if (p->exists) {
			if (op->kind != NM_OP_MKDIR) {
				if (nm_jrec_getbytes(a, r, "prior_content",
				    &data, &len) != 0)
					return nm_seterr(err, NM_ERR_INPUT,
					    "line %d: bad \"prior_content\"",
					    r->line);
				p->data = data;
				p->len = len;
			}
			if (want_int(r, "prior_mode", 0, 07777, &p->mode,
			    err) != 0 || want_int(r, "prior_uid", 0,
			    0x7fffffff, &p->uid, err) != 0 ||
			    want_int(r, "prior_gid", 0, 0x7fffffff, &p->gid,
			    err) != 0)
				return -1;
		}
	}
	return 0;
}
