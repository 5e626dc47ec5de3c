/*
 * src_win.c - the live Windows source: asks iphlpapi (owner-module TCP
 * and UDP tables), the service control manager, Toolhelp and the
 * registry, records the answers as they came in a struct nm_win_live, and
 * leaves every decision to src_win_conv.c.  Windows 7 / Server 2008 R2
 * and later; wide-character APIs throughout, UTF-8 inside netmin.
 */
#ifdef _WIN32

#undef _WIN32_WINNT
#define _WIN32_WINNT 0x0601
#define WIN32_LEAN_AND_MEAN
#include <winsock2.h>
#include <ws2tcpip.h>
#include <windows.h>
#include <iphlpapi.h>
#include <tlhelp32.h>

#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "compat_win.h"
#include "src.h"
#include "src_win.h"

/* Registry values larger than this are not settings we read. */
#define REG_MAX_DATA	(1u << 20)

/* Drivers whose start type the method changes or reads (SMB, NetBT,
 * http.sys); EnumServicesStatusEx(SERVICE_WIN32) does not list them. */
static const wchar_t *const drivers[] = {
	L"NetBT", L"srv", L"srv2", L"srvnet", L"mrxsmb10", L"mrxsmb20",
	L"HTTP"
};

static void
note(struct nm_snapshot *s, struct nm_win_live *L, const char *msg)
{
	*NM_VEC_PUSH(&L->notes) = nm_astrdup(&s->arena, msg);
}

/* ---- version and host name ------------------------------------------ */

typedef LONG (WINAPI *rtl_get_version_fn)(OSVERSIONINFOEXW *);
typedef const char *(CDECL *wine_get_version_fn)(void);
typedef ULONG (WINAPI *query_tag_fn)(const wchar_t *, ULONG, void *);

/* A REG_SZ/DWORD value read for the host facts (not recorded as one). */
static bool
reg_get(struct nm_arena *a, const wchar_t *path, const wchar_t *name,
    DWORD *type, uint8_t **data, DWORD *len)
{
	HKEY k;
	LONG rc;

	if (RegOpenKeyExW(HKEY_LOCAL_MACHINE, path, 0, KEY_QUERY_VALUE |
	    KEY_WOW64_64KEY, &k) != ERROR_SUCCESS)
		return false;
	*len = 0;
	rc = RegQueryValueExW(k, name, NULL, type, NULL, len);
	if (rc != ERROR_SUCCESS || *len > REG_MAX_DATA) {
		RegCloseKey(k);
		return false;
	}
	*data = nm_aalloc(a, *len + 2);
	rc = RegQueryValueExW(k, name, NULL, type, *data, len);
	RegCloseKey(k);
	return rc == ERROR_SUCCESS;
}

static const char *
reg_string(struct nm_arena *a, const wchar_t *path, const wchar_t *name)
{
	struct nm_buf b = { 0 };
	uint8_t *d;
	DWORD type, len;
	char *s;

	if (!reg_get(a, path, name, &type, &d, &len) || (type != REG_SZ &&
	    type != REG_EXPAND_SZ))
		return NULL;
	nm_win_utf16_to_utf8(d, len, &b);
	s = b.len ? nm_astrdup(a, b.s) : NULL;
	nm_buf_free(&b);
	return s;
}

static void
read_version(struct nm_snapshot *s, struct nm_win_live *L)
{
	static const wchar_t cv[] =
	    L"SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion";
	HMODULE nt = GetModuleHandleW(L"ntdll.dll");
	rtl_get_version_fn rgv = NULL;
	wine_get_version_fn wgv = NULL;
	OSVERSIONINFOEXW vi;
	uint8_t *d;
	DWORD type, len;

	if (nt != NULL) {
		/* Casting through void (*)(void) is the sanctioned way. */
		rgv = (rtl_get_version_fn)(void (*)(void))GetProcAddress(nt,
		    "RtlGetVersion");
		wgv = (wine_get_version_fn)(void (*)(void))GetProcAddress(nt,
		    "wine_get_version");
	}
	memset(&vi, 0, sizeof(vi));
	vi.dwOSVersionInfoSize = sizeof(vi);
	/* RtlGetVersion tells the truth; GetVersionEx lies to programs
	 * without a compatibility manifest. */
	if (rgv != NULL && rgv(&vi) == 0) {
		L->ver.major = vi.dwMajorVersion;
		L->ver.minor = vi.dwMinorVersion;
		L->ver.build = vi.dwBuildNumber;
		L->ver.product_type = vi.wProductType;
		L->ver.sp_major = vi.wServicePackMajor;
		if (vi.szCSDVersion[0])
			L->ver.csd = nm_win_narrow(&s->arena, vi.szCSDVersion);
	} else
		note(s, L, "cannot read the Windows version (RtlGetVersion)");
	if (wgv != NULL)
		L->ver.wine = nm_astrdup(&s->arena, wgv());
	L->ver.product_name = reg_string(&s->arena, cv, L"ProductName");
	L->ver.edition = reg_string(&s->arena, cv, L"EditionID");
	L->ver.display_version = reg_string(&s->arena, cv, L"DisplayVersion");
	if (L->ver.display_version == NULL)
		L->ver.display_version = reg_string(&s->arena, cv,
		    L"ReleaseId");
	if (reg_get(&s->arena, cv, L"UBR", &type, &d, &len) &&
	    type == REG_DWORD && len == 4)
		L->ver.ubr = (uint32_t)d[0] | (uint32_t)d[1] << 8 |
		    (uint32_t)d[2] << 16 | (uint32_t)d[3] << 24;
}

static void
read_hostname(struct nm_snapshot *s, struct nm_win_live *L)
{
	wchar_t buf[256];
	DWORD n = (DWORD)NM_NELEM(buf);

	if (GetComputerNameExW(ComputerNameDnsHostname, buf, &n))
		L->hostname = nm_win_narrow(&s->arena, buf);
}

/* ---- processes -------------------------------------------------------- */

static void
read_procs(struct nm_snapshot *s, struct nm_win_live *L)
{
	PROCESSENTRY32W pe;
	HANDLE snap;
	wchar_t *path;
	BOOL ok;
	size_t denied = 0;

	snap = CreateToolhelp32Snapshot(TH32CS_SNAPPROCESS, 0);
	if (snap == INVALID_HANDLE_VALUE) {
		note(s, L, nm_asprintf(&s->arena, "cannot list processes: %s",
		    nm_win_strerror(&s->arena, GetLastError())));
		return;
	}
	path = nm_xcalloc(32768, sizeof(*path));
	memset(&pe, 0, sizeof(pe));
	pe.dwSize = sizeof(pe);
	for (ok = Process32FirstW(snap, &pe); ok;
	    ok = Process32NextW(snap, &pe)) {
		struct nm_win_proc *p = NM_VEC_PUSH(&L->procs);
		HANDLE h;
		DWORD n = 32768;

		p->pid = pe.th32ProcessID;
		p->ppid = pe.th32ParentProcessID;
		p->image = nm_win_narrow(&s->arena, pe.szExeFile);
		if (p->pid == 0 || p->pid == 4)
			continue;	/* Idle and System have no image file */
		h = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE,
		    p->pid);
		if (h == NULL) {
			denied++;
			continue;
		}
		if (QueryFullProcessImageNameW(h, 0, path, &n))
			p->path = nm_win_narrow(&s->arena, path);
		CloseHandle(h);
	}
	free(path);
	CloseHandle(snap);
	if (denied > 0)
		note(s, L, nm_asprintf(&s->arena, "the image path of %zu "
		    "process%s is not readable (run elevated to see them)",
		    denied, denied == 1 ? "" : "es"));
}

/* ---- services --------------------------------------------------------- */

/* Start type, binary, type and delayed start of one service. */
static bool
read_config(SC_HANDLE h, struct nm_arena *a, struct nm_win_svc *w)
{
	QUERY_SERVICE_CONFIGW *c;
	SERVICE_DELAYED_AUTO_START_INFO d;
	DWORD need = 0;
	bool ok = false;

	if (!QueryServiceConfigW(h, NULL, 0, &need) &&
	    GetLastError() != ERROR_INSUFFICIENT_BUFFER)
		return false;
	c = nm_xmalloc(need ? need : sizeof(*c));
	if (QueryServiceConfigW(h, c, need, &need)) {
		w->start = c->dwStartType;
		w->type = c->dwServiceType;
		w->binary = nm_win_narrow(a, c->lpBinaryPathName);
		w->config = ok = true;
	}
	free(c);
	if (ok && QueryServiceConfig2W(h, SERVICE_CONFIG_DELAYED_AUTO_START_INFO,
	    (BYTE *)&d, sizeof(d), &need))
		w->delayed = d.fDelayedAutostart != FALSE;
	return ok;
}

static void
read_drivers(struct nm_snapshot *s, struct nm_win_live *L, SC_HANDLE scm)
{
	size_t i;

	for (i = 0; i < NM_NELEM(drivers); i++) {
		SERVICE_STATUS_PROCESS st;
		wchar_t disp[256];
		struct nm_win_svc *w;
		SC_HANDLE h;
		DWORD need;

		h = OpenServiceW(scm, drivers[i], SERVICE_QUERY_CONFIG |
		    SERVICE_QUERY_STATUS);
		if (h == NULL)
			continue;	/* not installed on this system */
		w = NM_VEC_PUSH(&L->svcs);
		w->name = nm_win_narrow(&s->arena, drivers[i]);
		need = (DWORD)NM_NELEM(disp);
		if (GetServiceDisplayNameW(scm, drivers[i], disp, &need))
			w->display = nm_win_narrow(&s->arena, disp);
		if (QueryServiceStatusEx(h, SC_STATUS_PROCESS_INFO, (BYTE *)&st,
		    sizeof(st), &need)) {
			w->state = st.dwCurrentState;
			w->type = st.dwServiceType;
		}
		read_config(h, &s->arena, w);
		CloseServiceHandle(h);
	}
}

static void
read_services(struct nm_snapshot *s, struct nm_win_live *L)
{
	BYTE *buf = NULL;
	DWORD size = 0, need = 0, count = 0, resume = 0, i;
	SC_HANDLE scm;
	size_t unreadable = 0, k, first;
	int rounds;

	scm = OpenSCManagerW(NULL, NULL, SC_MANAGER_CONNECT |
	    SC_MANAGER_ENUMERATE_SERVICE);
	if (scm == NULL) {
		note(s, L, nm_asprintf(&s->arena, "cannot open the service "
		    "control manager: %s", nm_win_strerror(&s->arena,
		    GetLastError())));
		return;
	}
	first = L->svcs.n;
	/* Each call returns what fits and a resume handle for the rest. */
	for (rounds = 0; rounds < 10000; rounds++) {
		BOOL ok = EnumServicesStatusExW(scm, SC_ENUM_PROCESS_INFO,
		    SERVICE_WIN32, SERVICE_STATE_ALL, buf, size, &need, &count,
		    &resume, NULL);
		ENUM_SERVICE_STATUS_PROCESSW *e =
		    (ENUM_SERVICE_STATUS_PROCESSW *)buf;

		if (!ok && GetLastError() != ERROR_MORE_DATA) {
			note(s, L, nm_asprintf(&s->arena, "cannot list "
			    "services: %s", nm_win_strerror(&s->arena,
			    GetLastError())));
			break;
		}
		for (i = 0; buf != NULL && i < count; i++) {
			struct nm_win_svc *w = NM_VEC_PUSH(&L->svcs);

			w->name = nm_win_narrow(&s->arena, e[i].lpServiceName);
			w->display = nm_win_narrow(&s->arena,
			    e[i].lpDisplayName);
			w->type = e[i].ServiceStatusProcess.dwServiceType;
			w->state = e[i].ServiceStatusProcess.dwCurrentState;
			w->pid = e[i].ServiceStatusProcess.dwProcessId;
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
	for (k = first; k < L->svcs.n; k++) {
		struct nm_win_svc *w = &L->svcs.v[k];
		wchar_t *wn = nm_win_wide(w->name);
		SC_HANDLE h = OpenServiceW(scm, wn, SERVICE_QUERY_CONFIG);

		free(wn);
		if (h == NULL || !read_config(h, &s->arena, w))
			unreadable++;
		if (h != NULL)
			CloseServiceHandle(h);
	}
	if (unreadable > 0)
		note(s, L, nm_asprintf(&s->arena, "the configuration (start "
		    "type) of %zu service%s is not readable", unreadable,
		    unreadable == 1 ? "" : "s"));
	read_drivers(s, L, scm);
	CloseServiceHandle(scm);
}

/* ---- sockets and service tags ---------------------------------------- */

/*
 * I_QueryTagInformation (advapi32, undocumented but stable since Vista;
 * netstat -b, Process Explorer and System Informer use it).  Its
 * name-from-tag query is {pid, tag} in, {tag type, LocalAlloc'd name}
 * out.
 */
struct tag_query {
	ULONG		 pid;
	ULONG		 tag;
	ULONG		 type;
	wchar_t		*name;
};

static query_tag_fn
tag_fn(void)
{
	static bool looked;
	static query_tag_fn fn;
	HMODULE m;

	if (looked)
		return fn;
	looked = true;
	if ((m = GetModuleHandleW(L"advapi32.dll")) != NULL)
		fn = (query_tag_fn)(void (*)(void))GetProcAddress(m,
		    "I_QueryTagInformation");
	if (fn == NULL && (m = GetModuleHandleW(L"sechost.dll")) != NULL)
		fn = (query_tag_fn)(void (*)(void))GetProcAddress(m,
		    "I_QueryTagInformation");
	return fn;
}

enum row_kind { TCP4, TCP6, UDP4, UDP6 };

/* The documented path: the module name of a tagged socket is its
 * service's name (src_win_conv.c checks that). */
static const char *
owner_module(struct nm_arena *a, enum row_kind kind, void *row)
{
	TCPIP_OWNER_MODULE_BASIC_INFO *info;
	DWORD size = 0, rc = ERROR_INSUFFICIENT_BUFFER;
	void *buf = NULL;
	const char *name = NULL;
	int i;

	for (i = 0; i < 4 && rc == ERROR_INSUFFICIENT_BUFFER; i++) {
		switch (kind) {
		case TCP4:
			rc = GetOwnerModuleFromTcpEntry(row,
			    TCPIP_OWNER_MODULE_INFO_BASIC, buf, &size);
			break;
		case TCP6:
			rc = GetOwnerModuleFromTcp6Entry(row,
			    TCPIP_OWNER_MODULE_INFO_BASIC, buf, &size);
			break;
		case UDP4:
			rc = GetOwnerModuleFromUdpEntry(row,
			    TCPIP_OWNER_MODULE_INFO_BASIC, buf, &size);
			break;
		case UDP6:
			rc = GetOwnerModuleFromUdp6Entry(row,
			    TCPIP_OWNER_MODULE_INFO_BASIC, buf, &size);
			break;
		}
		if (rc == ERROR_INSUFFICIENT_BUFFER) {
			free(buf);
			buf = nm_xmalloc(size + 64);
			size += 64;
		}
	}
	info = buf;
	if (rc == NO_ERROR && info != NULL && info->pModuleName != NULL)
		name = nm_win_narrow(a, info->pModuleName);
	free(buf);
	return name;
}

/* Asks once per (pid, tag) pair; wine never reaches here (no tags). */
static void
resolve_tag(struct nm_snapshot *s, struct nm_win_live *L, uint32_t pid,
    uint64_t module0, enum row_kind kind, void *row)
{
	uint32_t tag = (uint32_t)(module0 & 0xffffffffu);
	struct nm_win_tag *t;
	struct tag_query q;
	query_tag_fn fn;
	size_t i;

	if (pid == 0 || tag == 0)
		return;
	for (i = 0; i < L->tags.n; i++)
		if (L->tags.v[i].pid == pid && L->tags.v[i].tag == tag)
			return;
	t = NM_VEC_PUSH(&L->tags);
	t->pid = pid;
	t->tag = tag;
	if ((fn = tag_fn()) != NULL) {
		memset(&q, 0, sizeof(q));
		q.pid = pid;
		q.tag = tag;
		if (fn(NULL, 1, &q) == ERROR_SUCCESS && q.name != NULL) {
			t->service = nm_win_narrow(&s->arena, q.name);
			LocalFree(q.name);
			return;
		}
	}
	t->module = owner_module(&s->arena, kind, row);
}

/* A GetExtended*Table result; the table can grow between calls. */
static void *
get_table(bool tcp, ULONG af, DWORD *rc)
{
	DWORD size = 0;
	void *buf = NULL;
	int i;

	for (i = 0; i < 8; i++) {
		if (tcp)
			*rc = GetExtendedTcpTable(buf, &size, FALSE, af,
			    TCP_TABLE_OWNER_MODULE_ALL, 0);
		else
			*rc = GetExtendedUdpTable(buf, &size, FALSE, af,
			    UDP_TABLE_OWNER_MODULE, 0);
		if (*rc != ERROR_INSUFFICIENT_BUFFER)
			break;
		free(buf);
		size += size / 8 + 4096;
		buf = nm_xmalloc(size);
	}
	if (*rc != NO_ERROR) {
		free(buf);
		return NULL;
	}
	return buf;
}

static int
read_table(struct nm_snapshot *s, struct nm_win_live *L, enum row_kind kind,
    struct nm_error *err)
{
	bool tcp = kind == TCP4 || kind == TCP6;
	bool v6 = kind == TCP6 || kind == UDP6;
	void *t;
	DWORD rc, i, n;

	t = get_table(tcp, v6 ? AF_INET6 : AF_INET, &rc);
	if (rc != NO_ERROR) {
		/* A system without IPv6 has no IPv6 tables. */
		if (v6 && (rc == ERROR_NOT_SUPPORTED ||
		    rc == ERROR_INVALID_PARAMETER))
			return 0;
		if (v6) {
			note(s, L, nm_asprintf(&s->arena, "cannot read the "
			    "IPv6 %s table: %s", tcp ? "TCP" : "UDP",
			    nm_win_strerror(&s->arena, rc)));
			return 0;
		}
		nm_seterr(err, NM_ERR_SYS, "cannot read the IPv4 %s table: %s",
		    tcp ? "TCP" : "UDP", nm_win_strerror(&s->arena, rc));
		return -1;
	}
	if (t == NULL)
		return 0;
	n = *(DWORD *)t;	/* dwNumEntries leads every table */
	for (i = 0; i < n; i++) {
		struct nm_win_row *r = NM_VEC_PUSH(&L->rows);

		r->proto = tcp ? NM_TCP : NM_UDP;
		r->family = v6 ? NM_INET6 : NM_INET;
		switch (kind) {
		case TCP4: {
			MIB_TCPROW_OWNER_MODULE *w =
			    &((MIB_TCPTABLE_OWNER_MODULE *)t)->table[i];

			r->state = w->dwState;
			r->laddr4 = w->dwLocalAddr;
			r->lport = w->dwLocalPort;
			r->raddr4 = w->dwRemoteAddr;
			r->rport = w->dwRemotePort;
			r->pid = w->dwOwningPid;
			r->module0 = w->OwningModuleInfo[0];
			resolve_tag(s, L, r->pid, r->module0, kind, w);
			break;
		}
		case TCP6: {
			MIB_TCP6ROW_OWNER_MODULE *w =
			    &((MIB_TCP6TABLE_OWNER_MODULE *)t)->table[i];

			r->state = w->dwState;
			memcpy(r->laddr6, w->ucLocalAddr, 16);
			r->lscope = w->dwLocalScopeId;
			r->lport = w->dwLocalPort;
			memcpy(r->raddr6, w->ucRemoteAddr, 16);
			r->rscope = w->dwRemoteScopeId;
			r->rport = w->dwRemotePort;
			r->pid = w->dwOwningPid;
			r->module0 = w->OwningModuleInfo[0];
			resolve_tag(s, L, r->pid, r->module0, kind, w);
			break;
		}
		case UDP4: {
			MIB_UDPROW_OWNER_MODULE *w =
			    &((MIB_UDPTABLE_OWNER_MODULE *)t)->table[i];

			r->laddr4 = w->dwLocalAddr;
			r->lport = w->dwLocalPort;
			r->pid = w->dwOwningPid;
			r->module0 = w->OwningModuleInfo[0];
			resolve_tag(s, L, r->pid, r->module0, kind, w);
			break;
		}
		case UDP6: {
			MIB_UDP6ROW_OWNER_MODULE *w =
			    &((MIB_UDP6TABLE_OWNER_MODULE *)t)->table[i];

			memcpy(r->laddr6, w->ucLocalAddr, 16);
			r->lscope = w->dwLocalScopeId;
			r->lport = w->dwLocalPort;
			r->pid = w->dwOwningPid;
			r->module0 = w->OwningModuleInfo[0];
			resolve_tag(s, L, r->pid, r->module0, kind, w);
			break;
		}
		}
	}
	free(t);
	return 0;
}

/* ---- registry --------------------------------------------------------- */

static void
read_value(struct nm_snapshot *s, struct nm_win_live *L, HKEY k,
    const char *path, const wchar_t *name)
{
	struct nm_win_regval *v;
	uint8_t *data;
	DWORD type, len = 0;
	LONG rc;
	int i;

	rc = RegQueryValueExW(k, name, NULL, &type, NULL, &len);
	for (i = 0; i < 4 && rc == ERROR_SUCCESS; i++) {
		DWORD want = len;

		if (len > REG_MAX_DATA) {
			note(s, L, nm_asprintf(&s->arena, "HKLM\\%s\\%s: "
			    "value larger than 1 MiB, not read", path,
			    nm_win_narrow(&s->arena, name)));
			return;
		}
		data = nm_aalloc(&s->arena, len + 2);
		rc = RegQueryValueExW(k, name, NULL, &type, data, &len);
		if (rc == ERROR_MORE_DATA)
			rc = ERROR_SUCCESS;	/* grew meanwhile: again */
		else if (rc == ERROR_SUCCESS && len <= want) {
			v = NM_VEC_PUSH(&L->regs);
			v->key = nm_asprintf(&s->arena, "HKLM\\%s", path);
			v->name = nm_win_narrow(&s->arena, name);
			v->type = type;
			v->data = data;
			v->len = len;
			return;
		}
	}
	if (rc != ERROR_SUCCESS && rc != ERROR_FILE_NOT_FOUND)
		note(s, L, nm_asprintf(&s->arena, "cannot read HKLM\\%s\\%s: "
		    "%s", path, nm_win_narrow(&s->arena, name),
		    nm_win_strerror(&s->arena, (DWORD)rc)));
}

/* One value of path (or every value when name is NULL). */
static void
read_key(struct nm_snapshot *s, struct nm_win_live *L, const char *path,
    const char *name)
{
	wchar_t *wp = nm_win_wide(path), vname[16384];
	HKEY k;
	LONG rc;
	DWORD i, n;

	rc = RegOpenKeyExW(HKEY_LOCAL_MACHINE, wp, 0, KEY_READ |
	    KEY_WOW64_64KEY, &k);
	free(wp);
	if (rc == ERROR_FILE_NOT_FOUND)
		return;
	if (rc != ERROR_SUCCESS) {
		note(s, L, nm_asprintf(&s->arena, "cannot open HKLM\\%s: %s",
		    path, nm_win_strerror(&s->arena, (DWORD)rc)));
		return;
	}
	if (name != NULL) {
		wchar_t *wn = nm_win_wide(name);

		read_value(s, L, k, path, wn);
		free(wn);
	} else {
		for (i = 0; i < 10000; i++) {
			n = (DWORD)NM_NELEM(vname);
			if (RegEnumValueW(k, i, vname, &n, NULL, NULL, NULL,
			    NULL) != ERROR_SUCCESS)
				break;
			read_value(s, L, k, path, vname);
		}
	}
	RegCloseKey(k);
}

static void
read_spec(struct nm_snapshot *s, struct nm_win_live *L,
    const struct nm_win_regspec *sp)
{
	wchar_t *wp, sub[256];
	HKEY k;
	DWORD i, n;

	if (!sp->subkeys) {
		read_key(s, L, sp->key, sp->name);
		return;
	}
	wp = nm_win_wide(sp->key);
	if (RegOpenKeyExW(HKEY_LOCAL_MACHINE, wp, 0, KEY_ENUMERATE_SUB_KEYS |
	    KEY_WOW64_64KEY, &k) != ERROR_SUCCESS) {
		free(wp);
		return;
	}
	free(wp);
	for (i = 0; i < 10000; i++) {
		char *path;

		n = (DWORD)NM_NELEM(sub);
		if (RegEnumKeyExW(k, i, sub, &n, NULL, NULL, NULL, NULL) !=
		    ERROR_SUCCESS)
			break;
		path = nm_asprintf(&s->arena, "%s\\%s", sp->key,
		    nm_win_narrow(&s->arena, sub));
		read_key(s, L, path, sp->name);
	}
	RegCloseKey(k);
}

/* ---- the source ------------------------------------------------------- */

int
nm_src_live(struct nm_snapshot *s, const struct nm_live_opts *o,
    struct nm_error *err)
{
	static const enum row_kind kinds[] = { TCP4, TCP6, UDP4, UDP6 };
	struct nm_win_live L;
	size_t i;

	/* Every row is read (o->all too): the output filter chooses.  The
	 * fake roots are Linux paths; namespaces and netlink are Linux's. */
	if (o->netns != NULL || o->all_netns || o->diag_file != NULL ||
	    o->diag_save != NULL)
		return nm_seterr(err, NM_ERR_USAGE, "--netns, --all-netns and "
		    "--from-diag are for Linux hosts");
	memset(&L, 0, sizeof(L));
	read_version(s, &L);
	read_hostname(s, &L);
	read_procs(s, &L);
	read_services(s, &L);
	for (i = 0; i < NM_NELEM(kinds); i++)
		if (read_table(s, &L, kinds[i], err) != 0) {
			nm_win_live_free(&L);
			return -1;
		}
	for (i = 0; i < nm_win_nregspecs; i++)
		read_spec(s, &L, &nm_win_regspecs[i]);
	nm_win_fill(s, &L);
	nm_win_live_free(&L);
	return 0;
}

#else

/* Not Windows: src_win_conv.c still builds (the tests use it). */
typedef int nm_src_win_unused;

#endif /* _WIN32 */
