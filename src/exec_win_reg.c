/*
 * exec_win_reg.c - registry values and keys (see exec_win.h): a value's
 * type and bytes (or its absence, and its key's) read before a change;
 * RegSetValueEx, RegDeleteValue and RegCreateKeyEx to change; the prior
 * bytes written back, or the value or the created key deleted, to undo.
 * The 64-bit view always (KEY_WOW64_64KEY), as the services read it.
 */
#ifdef _WIN32

#undef _WIN32_WINNT
#define _WIN32_WINNT 0x0601
#define WIN32_LEAN_AND_MEAN
#include <windows.h>

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "exec_win.h"
#include "src_win.h"

static HKEY
hive_key(int hive)
{
	switch (hive) {
	case NM_HIVE_HKLM: return HKEY_LOCAL_MACHINE;
	case NM_HIVE_HKCU: return HKEY_CURRENT_USER;
	case NM_HIVE_HKU: return HKEY_USERS;
	case NM_HIVE_HKCR: return HKEY_CLASSES_ROOT;
	case NM_HIVE_HKCC: return HKEY_CURRENT_CONFIG;
	default: return NULL;
	}
}

static int
reg_err(struct nm_arena *a, const char *what, const char *key,
    const char *value, LONG e, struct nm_error *err)
{
	if (e == ERROR_ACCESS_DENIED)
		return nm_seterr(err, NM_ERR_PERM, "cannot %s %s%s%s: access "
		    "denied (run netmin.exe as an administrator)", what, key,
		    value ? "\\" : "", value ? value : "");
	return nm_seterr(err, NM_ERR_SYS, "cannot %s %s%s%s: %s", what, key,
	    value ? "\\" : "", value ? value : "",
	    nm_win_strerror(a, (unsigned long)e));
}

/* Opens key; ERROR_FILE_NOT_FOUND comes back as it is, not as an error. */
static LONG
open_key(const char *key, REGSAM access, HKEY *k)
{
	const char *sub;
	HKEY root = hive_key(nm_win_hive(key, &sub));
	wchar_t *w;
	LONG rc;

	*k = NULL;
	if (root == NULL)
		return ERROR_BAD_PATHNAME;
	w = nm_win_wide(sub);
	rc = RegOpenKeyExW(root, w, 0, access | KEY_WOW64_64KEY, k);
	free(w);
	return rc;
}

/* The value's type and bytes, or its absence (and its key's). */
static int
read_value(struct nm_arena *a, const char *key, const char *value,
    struct nm_prior *p, struct nm_error *err)
{
	HKEY k;
	LONG rc;
	wchar_t *wv;
	DWORD type = 0, len = 0;
	int tries;

	p->have = true;
	rc = open_key(key, KEY_QUERY_VALUE, &k);
	if (rc == ERROR_FILE_NOT_FOUND)
		return 0;
	if (rc != ERROR_SUCCESS)
		return reg_err(a, "read", key, NULL, rc, err);
	p->key_exists = true;
	wv = nm_win_wide(value);
	rc = RegQueryValueExW(k, wv, NULL, &type, NULL, &len);
	/* It may grow between two calls: ask again a few times. */
	for (tries = 0; rc == ERROR_SUCCESS && !p->exists; tries++) {
		DWORD got = len;
		char *d;

		if (len > NM_WIN_REG_MAX || tries == 8) {
			free(wv);
			RegCloseKey(k);
			return nm_seterr(err, NM_ERR_INPUT, "%s\\%s holds %lu "
			    "bytes, more than netmin records", key, value,
			    (unsigned long)len);
		}
		d = nm_aalloc(a, (size_t)len + 2);
		rc = RegQueryValueExW(k, wv, NULL, &type, (BYTE *)d, &got);
		if (rc == ERROR_SUCCESS) {
			p->exists = true;
			p->type = type;
			p->data = d;
			p->len = got;
		} else if (rc == ERROR_MORE_DATA) {
			len = got;
			rc = ERROR_SUCCESS;
		}
	}
	free(wv);
	RegCloseKey(k);
	if (rc == ERROR_FILE_NOT_FOUND)
		return 0;
	if (rc != ERROR_SUCCESS)
		return reg_err(a, "read", key, value, rc, err);
	return 0;
}

static int
read_key(struct nm_arena *a, const char *key, struct nm_prior *p,
    struct nm_error *err)
{
	HKEY k;
	LONG rc = open_key(key, KEY_QUERY_VALUE, &k);

	p->have = true;
	if (rc == ERROR_SUCCESS || rc == ERROR_ACCESS_DENIED) {
		p->exists = true;	/* there, if not readable */
		if (k != NULL)
			RegCloseKey(k);
		return 0;
	}
	if (rc == ERROR_FILE_NOT_FOUND)
		return 0;
	return reg_err(a, "read", key, NULL, rc, err);
}

int
nm_win_reg_read(struct nm_exec_ctx *ctx, struct nm_op *op, struct nm_arena *a,
    struct nm_error *err)
{
	(void)ctx;
	if (op->kind == NM_OP_REG_KEY_CREATE)
		return read_key(a, op->key, &op->prior, err);
	return read_value(a, op->key, op->value, &op->prior, err);
}

static int
set_value(struct nm_arena *a, const char *key, const char *value, bool create,
    DWORD type, const char *data, size_t len, struct nm_error *err)
{
	HKEY k;
	LONG rc;
	wchar_t *wv;

	rc = open_key(key, KEY_SET_VALUE, &k);
	if (rc == ERROR_FILE_NOT_FOUND && create) {
		const char *sub;
		HKEY root = hive_key(nm_win_hive(key, &sub));
		wchar_t *ws = nm_win_wide(sub);

		rc = RegCreateKeyExW(root, ws, 0, NULL, REG_OPTION_NON_VOLATILE,
		    KEY_SET_VALUE | KEY_WOW64_64KEY, NULL, &k, NULL);
		free(ws);
	}
	if (rc == ERROR_FILE_NOT_FOUND)
		return nm_seterr(err, NM_ERR_SYS, "registry key %s does not "
		    "exist (it did when the plan was read)", key);
	if (rc != ERROR_SUCCESS)
		return reg_err(a, "open", key, NULL, rc, err);
	wv = nm_win_wide(value);
	rc = RegSetValueExW(k, wv, 0, type, (const BYTE *)data, (DWORD)len);
	free(wv);
	RegFlushKey(k);
	RegCloseKey(k);
	if (rc != ERROR_SUCCESS)
		return reg_err(a, "set", key, value, rc, err);
	return 0;
}

static int
delete_value(struct nm_arena *a, const char *key, const char *value,
    struct nm_error *err)
{
	HKEY k;
	LONG rc;
	wchar_t *wv;

	rc = open_key(key, KEY_SET_VALUE, &k);
	if (rc == ERROR_FILE_NOT_FOUND)
		return 0;
	if (rc != ERROR_SUCCESS)
		return reg_err(a, "open", key, NULL, rc, err);
	wv = nm_win_wide(value);
	rc = RegDeleteValueW(k, wv);
	free(wv);
	RegFlushKey(k);
	RegCloseKey(k);
	if (rc != ERROR_SUCCESS && rc != ERROR_FILE_NOT_FOUND)
		return reg_err(a, "delete", key, value, rc, err);
	return 0;
}

int
nm_win_reg_do(struct nm_exec_ctx *ctx, const struct nm_op *op,
    struct nm_error *err)
{
	struct nm_arena a = { 0 };
	struct nm_prior cur = { 0 };
	struct nm_buf b = { 0 };
	int rc = 0;

	(void)ctx;
	switch (op->kind) {
	case NM_OP_REG_SET:
		rc = set_value(&a, op->key, op->value, false, op->type,
		    op->data, op->len, err);
		break;
	case NM_OP_REG_DELETE:
		rc = delete_value(&a, op->key, op->value, err);
		break;
	case NM_OP_REG_MULTI_REMOVE:
	case NM_OP_REG_MULTI_ADD:
		/* From the value as it is now (the journal holds the prior). */
		if (read_value(&a, op->key, op->value, &cur, err) != 0) {
			rc = -1;
			break;
		}
		switch (nm_win_multi_edit(cur.exists, cur.type, cur.data, cur.len,
		    op->data, op->kind == NM_OP_REG_MULTI_ADD, &b)) {
		case 0:
			break;
		case 1:
			rc = set_value(&a, op->key, op->value, false,
			    REG_MULTI_SZ, b.s, b.len, err);
			break;
		default:
			rc = nm_seterr(err, NM_ERR_INPUT, "%s\\%s is %s, not "
			    "REG_MULTI_SZ", op->key, op->value,
			    nm_win_reg_type_name(cur.type));
			break;
		}
		break;
	case NM_OP_REG_KEY_CREATE: {
		const char *sub;
		HKEY root = hive_key(nm_win_hive(op->key, &sub)), k;
		wchar_t *ws = nm_win_wide(sub);
		LONG e = RegCreateKeyExW(root, ws, 0, NULL,
		    REG_OPTION_NON_VOLATILE, KEY_QUERY_VALUE | KEY_WOW64_64KEY,
		    NULL, &k, NULL);

		free(ws);
		if (e != ERROR_SUCCESS)
			rc = reg_err(&a, "create", op->key, NULL, e, err);
		else {
			RegFlushKey(k);
			RegCloseKey(k);
		}
		break;
	}
	default:
		rc = nm_seterr(err, NM_ERR_INPUT, "not a registry operation");
		break;
	}
	nm_buf_free(&b);
	nm_afree(&a);
	return rc < 0 ? -1 : 0;
}

/* A key netmin made goes only when nothing lives in it any more. */
static int
undo_key(struct nm_arena *a, const struct nm_op *op, struct nm_error *err)
{
	const char *sub;
	HKEY root = hive_key(nm_win_hive(op->key, &sub)), k;
	DWORD nsub = 0, nval = 0;
	wchar_t *ws;
	LONG rc;

	rc = open_key(op->key, KEY_QUERY_VALUE, &k);
	if (rc == ERROR_FILE_NOT_FOUND)
		return 1;
	if (rc != ERROR_SUCCESS)
		return reg_err(a, "open", op->key, NULL, rc, err);
	rc = RegQueryInfoKeyW(k, NULL, NULL, NULL, &nsub, NULL, NULL, &nval,
	    NULL, NULL, NULL, NULL);
	RegCloseKey(k);
	if (rc != ERROR_SUCCESS)
		return reg_err(a, "read", op->key, NULL, rc, err);
	if (nsub != 0 || nval != 0)
		return nm_seterr(err, NM_ERR_SYS, "registry key %s, which "
		    "netmin created, now holds %lu subkey%s and %lu value%s "
		    "that netmin did not put there; left in place", op->key,
		    (unsigned long)nsub, nsub == 1 ? "" : "s",
		    (unsigned long)nval, nval == 1 ? "" : "s");
	ws = nm_win_wide(sub);
	rc = RegDeleteKeyExW(root, ws, KEY_WOW64_64KEY, 0);
	free(ws);
	if (rc != ERROR_SUCCESS && rc != ERROR_FILE_NOT_FOUND)
		return reg_err(a, "delete", op->key, NULL, rc, err);
	return 0;
}

int
nm_win_reg_undo(struct nm_exec_ctx *ctx, const struct nm_op *op,
    struct nm_arena *a, struct nm_error *err)
{
	const struct nm_prior *p = &op->prior;
	struct nm_prior cur = { 0 };

	(void)ctx;
	if (op->kind == NM_OP_REG_KEY_CREATE) {
		if (p->exists)
			return 1;	/* it was there before: not ours */
		return undo_key(a, op, err);
	}
	if (read_value(a, op->key, op->value, &cur, err) != 0)
		return -1;
	if (cur.exists == p->exists && (!p->exists || (cur.type == p->type &&
	    cur.len == p->len && (p->len == 0 ||
	    memcmp(cur.data, p->data, p->len) == 0))))
		return 1;
	if (!p->exists)
		return delete_value(a, op->key, op->value, err) == 0 ? 0 : -1;
	return set_value(a, op->key, op->value, p->key_exists, p->type,
	    p->data, p->len, err) == 0 ? 0 : -1;
}

int
nm_win_reg_subkeys(const char *key, struct nm_arena *a, const char ***out,
    size_t *nout, struct nm_error *err)
{
	NM_VEC(const char *) v = { 0 };
	wchar_t name[256];
	HKEY k;
	LONG rc;
	DWORD i;

	*out = NULL;
	*nout = 0;
	rc = open_key(key, KEY_ENUMERATE_SUB_KEYS, &k);
	if (rc == ERROR_FILE_NOT_FOUND)
		return 0;
	if (rc != ERROR_SUCCESS)
		return reg_err(a, "read", key, NULL, rc, err);
	for (i = 0; i < 100000; i++) {
		DWORD n = (DWORD)NM_NELEM(name);

		rc = RegEnumKeyExW(k, i, name, &n, NULL, NULL, NULL, NULL);
		if (rc != ERROR_SUCCESS)
			break;
		*NM_VEC_PUSH(&v) = nm_win_narrow(a, name);
	}
	RegCloseKey(k);
	if (rc != ERROR_SUCCESS && rc != ERROR_NO_MORE_ITEMS) {
		NM_VEC_FREE(&v);
		return reg_err(a, "list the subkeys of", key, NULL, rc, err);
	}
	*out = nm_aalloc(a, (v.n ? v.n : 1) * sizeof(**out));
	if (v.n)
		memcpy(*out, v.v, v.n * sizeof(**out));
	*nout = v.n;
	NM_VEC_FREE(&v);
	return 0;
}

int
nm_win_reg_key_exists(const char *key, bool *exists, struct nm_error *err)
{
	struct nm_arena a = { 0 };
	struct nm_prior p = { 0 };
	int rc = read_key(&a, key, &p, err);

	*exists = p.exists;
	nm_afree(&a);
	return rc;
}

#endif /* _WIN32 */
