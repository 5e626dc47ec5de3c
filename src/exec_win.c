/*
 * exec_win.c - the Windows executors' entry points (see exec_win.h):
 * nm_exec_init for the manager "windows", the op dispatch to
 * exec_win_svc.c and exec_win_reg.c, the host queries the plan builder
 * makes, and the facts the lockout guard weighs.  Elsewhere the host
 * queries answer NM_ERR_UNSUPPORTED (exec_linux.c has the executor entry
 * points there).
 */
#include <stdlib.h>
#include <string.h>

#include "exec_win.h"

#ifdef _WIN32

#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#include <tlhelp32.h>
#include <wctype.h>

/* ---- the executor interface ---------------------------------------------- */

int
nm_exec_init(struct nm_exec_ctx *ctx, int mgr, const char *root,
    struct nm_error *err)
{
	const char *v;

	memset(ctx, 0, sizeof(*ctx));
	ctx->timeout = 90;
	if ((v = getenv("NETMIN_EXEC_TIMEOUT")) != NULL)
		nm_parse_int(v, strlen(v), 1, 3600, &ctx->timeout);
	if (mgr != NM_MGR_NONE && mgr != NM_MGR_WINDOWS)
		return nm_seterr(err, NM_ERR_USAGE, "the service manager %s "
		    "is a Linux one: this journal or plan is for a Linux host; "
		    "netmin.exe changes Windows services and the registry",
		    nm_mgr_name(mgr));
	if (root != NULL)
		return nm_seterr(err, NM_ERR_USAGE, "--root is for offline "
		    "Linux trees; netmin.exe acts on this Windows host");
	ctx->mgr = NM_MGR_WINDOWS;
	return 0;
}

/* A context with no service manager (an nft ruleset journal, refused
 * here by the op dispatch: nftables is Linux). */
void
nm_exec_init_bare(struct nm_exec_ctx *ctx)
{
	memset(ctx, 0, sizeof(*ctx));
	ctx->timeout = 90;
	ctx->mgr = NM_MGR_NONE;
}

void
nm_exec_free(struct nm_exec_ctx *ctx)
{
	nm_buf_free(&ctx->out);
}

int
nm_exec_run(struct nm_exec_ctx *ctx, const char *const *argv,
    struct nm_error *err)
{
	(void)ctx;
	(void)argv;
	return nm_seterr(err, NM_ERR_UNSUPPORTED, "netmin.exe runs no "
	    "commands");
}

bool
nm_exec_unit_exists(struct nm_exec_ctx *ctx, const char *unit)
{
	(void)ctx;
	(void)unit;
	return false;
}

int
nm_exec_units_for(struct nm_exec_ctx *ctx, const char *name,
    struct nm_arena *a, const char ***units, size_t *n, struct nm_error *err)
{
	(void)ctx;
	(void)name;
	(void)a;
	*units = NULL;
	*n = 0;
	return nm_seterr(err, NM_ERR_UNSUPPORTED, "Linux units are not "
	    "in netmin.exe");
}

static int
linux_op(const struct nm_op *op, struct nm_error *err)
{
	return nm_seterr(err, NM_ERR_UNSUPPORTED, "operation %s is a Linux "
	    "one; netmin.exe does not make it", nm_op_kind_name(op->kind));
}

static bool
svc_op(const struct nm_op *op)
{
	return op->kind == NM_OP_SVC_STOP || op->kind == NM_OP_SVC_START_TYPE;
}

int
nm_op_read_prior(struct nm_exec_ctx *ctx, struct nm_op *op,
    struct nm_arena *a, struct nm_error *err)
{
	memset(&op->prior, 0, sizeof(op->prior));
	if (!nm_win_op_is(op->kind))
		return linux_op(op, err);
	return svc_op(op) ? nm_win_svc_read(ctx, op, a, err) :
	    nm_win_reg_read(ctx, op, a, err);
}

int
nm_op_do(struct nm_exec_ctx *ctx, const struct nm_op *op,
    struct nm_error *err)
{
	if (!nm_win_op_is(op->kind))
		return linux_op(op, err);
	return svc_op(op) ? nm_win_svc_do(ctx, op, err) :
	    nm_win_reg_do(ctx, op, err);
}

int
nm_op_undo(struct nm_exec_ctx *ctx, const struct nm_op *op,
    struct nm_arena *a, struct nm_error *err)
{
	if (!nm_win_op_is(op->kind))
		return linux_op(op, err);
	if (!op->prior.have)
		return 1;	/* the journal ends before it was read */
	return svc_op(op) ? nm_win_svc_undo(ctx, op, a, err) :
	    nm_win_reg_undo(ctx, op, a, err);
}

/* ---- host queries for the plan builder ------------------------------------- */

static int
h_services(void *arg, struct nm_arena *a, struct nm_win_svcinfo **v,
    size_t *n, struct nm_error *err)
{
	(void)arg;
	return nm_win_svc_list(a, v, n, err);
}

static int
h_dependants(void *arg, const char *service, struct nm_arena *a,
    const char ***v, size_t *n, struct nm_error *err)
{
	(void)arg;
	return nm_win_svc_dependants(service, a, v, n, err);
}

static int
h_subkeys(void *arg, const char *key, struct nm_arena *a, const char ***v,
    size_t *n, struct nm_error *err)
{
	(void)arg;
	return nm_win_reg_subkeys(key, a, v, n, err);
}

static int
h_key_exists(void *arg, const char *key, bool *exists, struct nm_error *err)
{
	(void)arg;
	return nm_win_reg_key_exists(key, exists, err);
}

void
nm_win_host_live(struct nm_win_host *h)
{
	memset(h, 0, sizeof(*h));
	h->services = h_services;
	h->dependants = h_dependants;
	h->subkeys = h_subkeys;
	h->key_exists = h_key_exists;
}

/* ---- the guard's facts ------------------------------------------------------- */

/* Image names of this process's ancestors, nearest first (Toolhelp). */
static void
ancestors(struct nm_arena *a, struct nm_win_guard_facts *f)
{
	HANDLE snap = CreateToolhelp32Snapshot(TH32CS_SNAPPROCESS, 0);
	PROCESSENTRY32W pe;
	NM_VEC(PROCESSENTRY32W) all = { 0 };
	NM_VEC(const char *) out = { 0 };
	DWORD pid = GetCurrentProcessId();
	int depth;
	size_t i;

	if (snap == INVALID_HANDLE_VALUE)
		return;
	pe.dwSize = sizeof(pe);
	if (Process32FirstW(snap, &pe)) {
		do {
			*NM_VEC_PUSH(&all) = pe;
		} while (Process32NextW(snap, &pe));
	}
	CloseHandle(snap);
	/* Bounded: a parent PID may have been reused by a younger process. */
	for (depth = 0; depth < 32; depth++) {
		DWORD parent = 0;

		for (i = 0; i < all.n; i++)
			if (all.v[i].th32ProcessID == pid)
				parent = all.v[i].th32ParentProcessID;
		if (parent == 0 || parent == pid)
			break;
		for (i = 0; i < all.n; i++)
			if (all.v[i].th32ProcessID == parent) {
				*NM_VEC_PUSH(&out) = nm_win_narrow(a,
				    all.v[i].szExeFile);
				break;
			}
		if (i == all.n)
			break;
		pid = parent;
	}
	f->ancestors = nm_aalloc(a, (out.n ? out.n : 1) * sizeof(char *));
	for (i = 0; i < out.n; i++)
		f->ancestors[i] = out.v[i];
	f->nancestors = out.n;
	NM_VEC_FREE(&all);
	NM_VEC_FREE(&out);
}

int
nm_win_guard_facts_live(struct nm_arena *a, struct nm_win_guard_facts *f,
    struct nm_error *err)
{
	wchar_t buf[512];
	DWORD n;

	(void)err;
	memset(f, 0, sizeof(*f));
	f->rdp = GetSystemMetrics(SM_REMOTESESSION) != 0;
	n = GetEnvironmentVariableW(L"SSH_CONNECTION", buf,
	    (DWORD)NM_NELEM(buf));
	if (n > 0 && n < NM_NELEM(buf))
		f->ssh = nm_win_narrow(a, buf);
	ancestors(a, f);
	return 0;
}

#else /* !_WIN32 */

static int
unsupported(struct nm_error *err)
{
	return nm_seterr(err, NM_ERR_UNSUPPORTED, "the Windows executors are "
	    "in netmin.exe only");
}

static int
h_services(void *arg, struct nm_arena *a, struct nm_win_svcinfo **v,
    size_t *n, struct nm_error *err)
{
	(void)arg;
	(void)a;
	*v = NULL;
	*n = 0;
	return unsupported(err);
}

static int
h_dependants(void *arg, const char *service, struct nm_arena *a,
    const char ***v, size_t *n, struct nm_error *err)
{
	(void)arg;
	(void)service;
	(void)a;
	*v = NULL;
	*n = 0;
	return unsupported(err);
}

static int
h_key_exists(void *arg, const char *key, bool *exists, struct nm_error *err)
{
	(void)arg;
	(void)key;
	*exists = false;
	return unsupported(err);
}

void
nm_win_host_live(struct nm_win_host *h)
{
	memset(h, 0, sizeof(*h));
	h->services = h_services;
	h->dependants = h_dependants;
	h->subkeys = h_dependants;	/* same shape, same answer */
	h->key_exists = h_key_exists;
}

int
nm_win_guard_facts_live(struct nm_arena *a, struct nm_win_guard_facts *f,
    struct nm_error *err)
{
	(void)a;
	memset(f, 0, sizeof(*f));
	return unsupported(err);
}

#endif /* _WIN32 */
