/*
 * exec_win_svc.c - services through the service control manager (see
 * exec_win.h): state, start type and delayed start read before a change;
 * ControlService(STOP) and ChangeServiceConfig to change; StartService
 * and ChangeServiceConfig(2) to put back.  Every wait is bounded by the
 * executor's timeout.
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

static int
open_err(struct nm_arena *a, const char *what, const char *name, DWORD e,
    struct nm_error *err)
{
	if (e == ERROR_SERVICE_DOES_NOT_EXIST)
		return nm_seterr(err, NM_ERR_INPUT, "service %s is not "
		    "installed", name);
	if (e == ERROR_ACCESS_DENIED)
		return nm_seterr(err, NM_ERR_PERM, "cannot %s service %s: "
		    "access denied (run netmin.exe as an administrator)",
		    what, name);
	return nm_seterr(err, NM_ERR_SYS, "cannot %s service %s: %s", what,
	    name, nm_win_strerror(a, e));
}

/* The service, opened for `access`; its SCM handle in *scm. */
static SC_HANDLE
open_svc(struct nm_arena *a, const char *name, DWORD access, SC_HANDLE *scm,
    struct nm_error *err)
{
	wchar_t *w;
	SC_HANDLE h;

	*scm = OpenSCManagerW(NULL, NULL, SC_MANAGER_CONNECT);
	if (*scm == NULL) {
		open_err(a, "reach the service control manager for", name,
		    GetLastError(), err);
		return NULL;
	}
	w = nm_win_wide(name);
	h = OpenServiceW(*scm, w, access);
	free(w);
	if (h == NULL) {
		open_err(a, "open", name, GetLastError(), err);
		CloseServiceHandle(*scm);
		*scm = NULL;
	}
	return h;
}

static void
close_svc(SC_HANDLE h, SC_HANDLE scm)
{
	if (h != NULL)
		CloseServiceHandle(h);
	if (scm != NULL)
		CloseServiceHandle(scm);
}

static int
query_state(struct nm_arena *a, SC_HANDLE h, const char *name,
    SERVICE_STATUS_PROCESS *st, struct nm_error *err)
{
	DWORD need;

	if (!QueryServiceStatusEx(h, SC_STATUS_PROCESS_INFO, (BYTE *)st,
	    sizeof(*st), &need))
		return nm_seterr(err, NM_ERR_SYS, "cannot query service %s: %s",
		    name, nm_win_strerror(a, GetLastError()));
	return 0;
}

static int
read_h(struct nm_arena *a, SC_HANDLE h, const char *name, struct nm_prior *p,
    struct nm_error *err)
{
	SERVICE_STATUS_PROCESS st;
	QUERY_SERVICE_CONFIGW *c;
	SERVICE_DELAYED_AUTO_START_INFO d;
	DWORD need = 0;
	BOOL ok;

	if (query_state(a, h, name, &st, err) != 0)
		return -1;
	p->state = st.dwCurrentState;
	if (!QueryServiceConfigW(h, NULL, 0, &need) &&
	    GetLastError() != ERROR_INSUFFICIENT_BUFFER)
		return nm_seterr(err, NM_ERR_SYS, "cannot read the "
		    "configuration of service %s: %s", name,
		    nm_win_strerror(a, GetLastError()));
	c = nm_xmalloc(need ? need : sizeof(*c));
	ok = QueryServiceConfigW(h, c, need, &need);
	if (ok)
		p->start = c->dwStartType;
	free(c);
	if (!ok)
		return nm_seterr(err, NM_ERR_SYS, "cannot read the "
		    "configuration of service %s: %s", name,
		    nm_win_strerror(a, GetLastError()));
	/* Windows 7+; wine answers ERROR_INVALID_LEVEL: flag unknown. */
	if (QueryServiceConfig2W(h, SERVICE_CONFIG_DELAYED_AUTO_START_INFO,
	    (BYTE *)&d, sizeof(d), &need)) {
		p->delayed_known = true;
		p->delayed = d.fDelayedAutostart != FALSE;
	}
	p->have = true;
	return 0;
}

int
nm_win_svc_read(struct nm_exec_ctx *ctx, struct nm_op *op, struct nm_arena *a,
    struct nm_error *err)
{
	SC_HANDLE scm, h;
	int rc;

	(void)ctx;
	h = open_svc(a, op->service, SERVICE_QUERY_STATUS |
	    SERVICE_QUERY_CONFIG, &scm, err);
	if (h == NULL)
		return -1;
	rc = read_h(a, h, op->service, &op->prior, err);
	close_svc(h, scm);
	return rc;
}

/* Polls until the service is in `want`, at most ctx->timeout seconds. */
static int
wait_state(struct nm_exec_ctx *ctx, struct nm_arena *a, SC_HANDLE h,
    const char *name, DWORD want, struct nm_error *err)
{
	ULONGLONG deadline = GetTickCount64() + (ULONGLONG)ctx->timeout * 1000;
	SERVICE_STATUS_PROCESS st;

	for (;;) {
		DWORD ms;

		if (query_state(a, h, name, &st, err) != 0)
			return -1;
		if (st.dwCurrentState == want)
			return 0;
		if (want != SERVICE_STOPPED &&
		    st.dwCurrentState == SERVICE_STOPPED)
			return nm_seterr(err, NM_ERR_SYS, "service %s stopped "
			    "while starting (exit code %lu)", name,
			    (unsigned long)(st.dwWin32ExitCode ==
			    ERROR_SERVICE_SPECIFIC_ERROR ?
			    st.dwServiceSpecificExitCode : st.dwWin32ExitCode));
		if (GetTickCount64() >= deadline)
			return nm_seterr(err, NM_ERR_SYS, "service %s is still "
			    "%s after %d s (waiting for %s)", name,
			    nm_win_svc_state_name(st.dwCurrentState),
			    ctx->timeout, nm_win_svc_state_name(want));
		/* a tenth of the service's own hint, 50 ms to 1 s */
		ms = st.dwWaitHint / 10;
		Sleep(ms < 50 ? 50 : ms > 1000 ? 1000 : ms);
	}
}

static int
control(struct nm_exec_ctx *ctx, struct nm_arena *a, SC_HANDLE h,
    const char *name, DWORD code, DWORD want, struct nm_error *err)
{
	SERVICE_STATUS ss;
	DWORD e;

	if (ControlService(h, code, &ss))
		return wait_state(ctx, a, h, name, want, err);
	e = GetLastError();
	if (code == SERVICE_CONTROL_STOP && e == ERROR_SERVICE_NOT_ACTIVE)
		return 0;
	if (e == ERROR_DEPENDENT_SERVICES_RUNNING)
		return nm_seterr(err, NM_ERR_SYS, "service %s has running "
		    "dependants that the plan did not stop", name);
	if (e == ERROR_INVALID_SERVICE_CONTROL ||
	    e == ERROR_SERVICE_CANNOT_ACCEPT_CTRL)
		return nm_seterr(err, NM_ERR_SYS, "service %s does not accept "
		    "a %s request now: %s", name, code == SERVICE_CONTROL_STOP ?
		    "stop" : "pause", nm_win_strerror(a, e));
	return nm_seterr(err, NM_ERR_SYS, "cannot %s service %s: %s",
	    code == SERVICE_CONTROL_STOP ? "stop" : "pause", name,
	    nm_win_strerror(a, e));
}

static int
start_svc(struct nm_exec_ctx *ctx, struct nm_arena *a, SC_HANDLE h,
    const char *name, struct nm_error *err)
{
	DWORD e;

	if (!StartServiceW(h, 0, NULL)) {
		e = GetLastError();
		if (e != ERROR_SERVICE_ALREADY_RUNNING)
			return nm_seterr(err, NM_ERR_SYS, "cannot start "
			    "service %s: %s", name, nm_win_strerror(a, e));
	}
	return wait_state(ctx, a, h, name, SERVICE_RUNNING, err);
}

static int
set_start(struct nm_arena *a, SC_HANDLE h, const char *name, DWORD start,
    struct nm_error *err)
{
	if (!ChangeServiceConfigW(h, SERVICE_NO_CHANGE, start,
	    SERVICE_NO_CHANGE, NULL, NULL, NULL, NULL, NULL, NULL, NULL))
		return nm_seterr(err, NM_ERR_SYS, "cannot set the start type "
		    "of service %s to %s: %s", name, nm_win_start_name(start),
		    nm_win_strerror(a, GetLastError()));
	return 0;
}

int
nm_win_svc_do(struct nm_exec_ctx *ctx, const struct nm_op *op,
    struct nm_error *err)
{
	struct nm_arena a = { 0 };
	SC_HANDLE scm, h;
	int rc;

	if (op->kind == NM_OP_SVC_STOP) {
		h = open_svc(&a, op->service, SERVICE_STOP |
		    SERVICE_QUERY_STATUS, &scm, err);
		rc = h == NULL ? -1 : control(ctx, &a, h, op->service,
		    SERVICE_CONTROL_STOP, SERVICE_STOPPED, err);
	} else {
		h = open_svc(&a, op->service, SERVICE_CHANGE_CONFIG, &scm, err);
		rc = h == NULL ? -1 : set_start(&a, h, op->service, op->start,
		    err);
	}
	close_svc(h, scm);
	nm_afree(&a);
	return rc;
}

static bool
running_ish(DWORD s)
{
	return s == SERVICE_RUNNING || s == SERVICE_START_PENDING ||
	    s == SERVICE_CONTINUE_PENDING;
}

static bool
paused_ish(DWORD s)
{
	return s == SERVICE_PAUSED || s == SERVICE_PAUSE_PENDING;
}

int
nm_win_svc_undo(struct nm_exec_ctx *ctx, const struct nm_op *op,
    struct nm_arena *a, struct nm_error *err)
{
	const struct nm_prior *p = &op->prior;
	struct nm_prior cur = { 0 };
	SC_HANDLE scm, h;
	int rc = 1;

	h = open_svc(a, op->service, SERVICE_QUERY_STATUS |
	    SERVICE_QUERY_CONFIG | SERVICE_START | SERVICE_PAUSE_CONTINUE |
	    SERVICE_CHANGE_CONFIG, &scm, err);
	if (h == NULL || read_h(a, h, op->service, &cur, err) != 0) {
		close_svc(h, scm);
		return -1;
	}
	if (op->kind == NM_OP_SVC_START_TYPE) {
		if (cur.start != p->start) {
			if (set_start(a, h, op->service, p->start, err) != 0)
				rc = -1;
			else
				rc = 0;
		}
		if (rc >= 0 && p->delayed_known && cur.delayed_known &&
		    cur.delayed != p->delayed) {
			SERVICE_DELAYED_AUTO_START_INFO d = { p->delayed };

			if (!ChangeServiceConfig2W(h,
			    SERVICE_CONFIG_DELAYED_AUTO_START_INFO, &d))
				rc = nm_seterr(err, NM_ERR_SYS, "cannot put "
				    "back the delayed start of service %s: %s",
				    op->service, nm_win_strerror(a,
				    GetLastError()));
			else
				rc = 0;
		}
		close_svc(h, scm);
		return rc;
	}
	/* SVC_STOP: it was stopped by us only if it ran before. */
	if ((!running_ish(p->state) && !paused_ish(p->state)) ||
	    (running_ish(p->state) && running_ish(cur.state)) ||
	    (paused_ish(p->state) && paused_ish(cur.state))) {
		close_svc(h, scm);
		return 1;
	}
	rc = 0;
	if (cur.state == SERVICE_STOP_PENDING)
		rc = wait_state(ctx, a, h, op->service, SERVICE_STOPPED, err);
	if (rc == 0 && !running_ish(cur.state) && !paused_ish(cur.state))
		rc = start_svc(ctx, a, h, op->service, err);
	if (rc == 0 && paused_ish(p->state))
		rc = control(ctx, a, h, op->service, SERVICE_CONTROL_PAUSE,
		    SERVICE_PAUSED, err);
	close_svc(h, scm);
	return rc < 0 ? -1 : 0;
}

/* "a\0b\0\0" -> {"a", "b"} */
static const char **
multi(struct nm_arena *a, const wchar_t *w, size_t *n)
{
	const wchar_t *p;
	const char **v;
	size_t k = 0;

	*n = 0;
	for (p = w; p != NULL && *p; p += wcslen(p) + 1)
		k++;
	v = nm_aalloc(a, (k ? k : 1) * sizeof(*v));
	for (p = w; p != NULL && *p; p += wcslen(p) + 1)
		v[(*n)++] = nm_win_narrow(a, p);
	return v;
}

/*
 * What the registry says a service depends on (DependOnService, and
 * DependOnGroup as "+group"): the boot-time source of the SCM's own
 * list, and the only one under wine, whose QueryServiceConfig leaves
 * lpDependencies empty.  Adds what `have` lacks.
 */
static void
reg_depends(struct nm_arena *a, const wchar_t *name, struct nm_win_svcinfo *s)
{
	static const wchar_t *const vals[] = { L"DependOnService",
	    L"DependOnGroup" };
	wchar_t path[400];
	NM_VEC(const char *) v = { 0 };
	HKEY k;
	size_t i, j;

	if (wcslen(name) > 256)
		return;
	wcscpy(path, L"SYSTEM\\CurrentControlSet\\Services\\");
	wcscat(path, name);
	if (RegOpenKeyExW(HKEY_LOCAL_MACHINE, path, 0, KEY_QUERY_VALUE |
	    KEY_WOW64_64KEY, &k) != ERROR_SUCCESS)
		return;
	for (i = 0; i < s->ndepends; i++)
		*NM_VEC_PUSH(&v) = s->depends[i];
	for (i = 0; i < NM_NELEM(vals); i++) {
		DWORD type, len = 0;
		wchar_t *d, *p;

		if (RegQueryValueExW(k, vals[i], NULL, &type, NULL, &len) !=
		    ERROR_SUCCESS || type != REG_MULTI_SZ || len > 65536)
			continue;
		d = nm_xcalloc(len / 2 + 2, sizeof(*d));
		if (RegQueryValueExW(k, vals[i], NULL, &type, (BYTE *)d,
		    &len) == ERROR_SUCCESS) {
			for (p = d; *p; p += wcslen(p) + 1) {
				char *n = nm_win_narrow(a, p);
				bool dup = false;

				if (i == 1)
					n = nm_asprintf(a, "+%s", n);
				for (j = 0; j < v.n; j++)
					dup = dup || nm_streq_ci(v.v[j], n);
				if (!dup)
					*NM_VEC_PUSH(&v) = n;
			}
		}
		free(d);
	}
	RegCloseKey(k);
	if (v.n > s->ndepends) {
		s->depends = nm_aalloc(a, v.n * sizeof(*s->depends));
		memcpy(s->depends, v.v, v.n * sizeof(*s->depends));
		s->ndepends = v.n;
	}
	NM_VEC_FREE(&v);
}

int
nm_win_svc_list(struct nm_arena *a, struct nm_win_svcinfo **out, size_t *nout,
    struct nm_error *err)
{
	BYTE *buf = NULL;
	DWORD size = 0, need = 0, count = 0, resume = 0, i;
	SC_HANDLE scm;
	NM_VEC(struct nm_win_svcinfo) v = { 0 };
	int rounds;
	size_t k;

	*out = NULL;
	*nout = 0;
	scm = OpenSCManagerW(NULL, NULL, SC_MANAGER_CONNECT |
	    SC_MANAGER_ENUMERATE_SERVICE);
	if (scm == NULL)
		return nm_seterr(err, GetLastError() == ERROR_ACCESS_DENIED ?
		    NM_ERR_PERM : NM_ERR_SYS, "cannot open the service control "
		    "manager: %s", nm_win_strerror(a, GetLastError()));
	/* Each call returns what fits and a resume handle for the rest. */
	for (rounds = 0; rounds < 10000; rounds++) {
		BOOL ok = EnumServicesStatusExW(scm, SC_ENUM_PROCESS_INFO,
		    SERVICE_WIN32 | SERVICE_DRIVER, SERVICE_STATE_ALL, buf,
		    size, &need, &count, &resume, NULL);
		ENUM_SERVICE_STATUS_PROCESSW *e =
		    (ENUM_SERVICE_STATUS_PROCESSW *)buf;

		if (!ok && GetLastError() != ERROR_MORE_DATA) {
			nm_seterr(err, NM_ERR_SYS, "cannot list services: %s",
			    nm_win_strerror(a, GetLastError()));
			free(buf);
			NM_VEC_FREE(&v);
			CloseServiceHandle(scm);
			return -1;
		}
		for (i = 0; buf != NULL && i < count; i++) {
			struct nm_win_svcinfo *s = NM_VEC_PUSH(&v);

			memset(s, 0, sizeof(*s));
			s->name = nm_win_narrow(a, e[i].lpServiceName);
			s->group = "";
			s->state = e[i].ServiceStatusProcess.dwCurrentState;
		}
		if (ok)
			break;
		if (need > size) {
			free(buf);
			size = need + 4096;
			buf = nm_xmalloc(size);
		}
	}
	free(buf);
	/* Dependencies from each configuration; unreadable ones have none. */
	for (k = 0; k < v.n; k++) {
		wchar_t *wn = nm_win_wide(v.v[k].name);
		SC_HANDLE h = OpenServiceW(scm, wn, SERVICE_QUERY_CONFIG);
		QUERY_SERVICE_CONFIGW *c;

		if (h != NULL) {
			need = 0;
			QueryServiceConfigW(h, NULL, 0, &need);
			c = nm_xmalloc(need ? need : sizeof(*c));
			if (QueryServiceConfigW(h, c, need, &need)) {
				v.v[k].group = c->lpLoadOrderGroup ?
				    nm_win_narrow(a, c->lpLoadOrderGroup) : "";
				v.v[k].depends = (const char **)multi(a,
				    c->lpDependencies, &v.v[k].ndepends);
			}
			free(c);
			CloseServiceHandle(h);
		}
		reg_depends(a, wn, &v.v[k]);
		free(wn);
	}
	CloseServiceHandle(scm);
	*out = nm_aalloc(a, (v.n ? v.n : 1) * sizeof(**out));
	if (v.n)
		memcpy(*out, v.v, v.n * sizeof(**out));
	*nout = v.n;
	NM_VEC_FREE(&v);
	return 0;
}

int
nm_win_svc_dependants(const char *service, struct nm_arena *a,
    const char ***out, size_t *nout, struct nm_error *err)
{
	SC_HANDLE scm, h;
	ENUM_SERVICE_STATUSW *e = NULL;
	DWORD need = 0, count = 0, i;

	*out = NULL;
	*nout = 0;
	h = open_svc(a, service, SERVICE_ENUMERATE_DEPENDENTS, &scm, err);
	if (h == NULL)
		return -1;
	if (!EnumDependentServicesW(h, SERVICE_ACTIVE, NULL, 0, &need,
	    &count) && GetLastError() == ERROR_MORE_DATA) {
		e = nm_xmalloc(need);
		if (!EnumDependentServicesW(h, SERVICE_ACTIVE, e, need, &need,
		    &count))
			count = 0;
	} else {
		count = 0;
	}
	/* In the order Windows stops them: the reverse of starting. */
	*out = nm_aalloc(a, (count ? count : 1) * sizeof(**out));
	for (i = 0; i < count; i++)
		(*out)[i] = nm_win_narrow(a, e[i].lpServiceName);
	*nout = count;
	free(e);
	close_svc(h, scm);
	return 0;
}

#endif /* _WIN32 */
