/*
 * src_win_conv.c - the decisions of the live Windows source, on recorded
 * data: MIB rows to endpoints, service tags and PIDs to services, the
 * version to a generation id, registry data to facts.  Plain C on every
 * platform, so the unit tests run it on Linux and under wine alike.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "src_win.h"

/*
 * The registry values the method and the planner read (windows-facts.md
 * tables A-E).  A value that is absent is not recorded: absence means
 * the Windows default.
 */
const struct nm_win_regspec nm_win_regspecs[] = {
	/* NetBIOS over TCP/IP and SMB (UDP 137/138, TCP 139, 445) */
	{ "SYSTEM\\CurrentControlSet\\Services\\NetBT\\Parameters",
	    "SMBDeviceEnabled", false },
	{ "SYSTEM\\CurrentControlSet\\Services\\NetBT\\Parameters",
	    "NodeType", false },
	{ "SYSTEM\\CurrentControlSet\\Services\\NetBT\\Parameters\\Interfaces",
	    "NetbiosOptions", true },
	{ "SYSTEM\\CurrentControlSet\\Services\\LanmanServer\\Parameters",
	    "SMB1", false },
	{ "SYSTEM\\CurrentControlSet\\Services\\LanmanServer\\Parameters",
	    "SMB2", false },
	/* RPC and DCOM (135, dynamic ports) */
	{ "SYSTEM\\CurrentControlSet\\Services\\Rpc\\Linkage", "Bind", false },
	{ "SOFTWARE\\Microsoft\\Rpc", "DCOM Protocols", false },
	{ "SOFTWARE\\Microsoft\\Rpc\\Internet", "Ports", false },
	{ "SOFTWARE\\Microsoft\\Rpc\\Internet", "PortsInternetAvailable",
	    false },
	{ "SOFTWARE\\Microsoft\\Rpc\\Internet", "UseInternetPorts", false },
	{ "SOFTWARE\\Microsoft\\Rpc\\RpcProxy", "ValidPorts", false },
	{ "SOFTWARE\\Microsoft\\Ole", "EnableDCOM", false },
	{ "SOFTWARE\\Policies\\Microsoft\\Windows NT\\Printers",
	    "RegisterSpoolerRemoteRpcEndPoint", false },
	{ "SOFTWARE\\Policies\\Microsoft\\Windows NT\\Printers\\RPC",
	    "RpcProtocols", false },
	/* Name resolution (LLMNR 5355, mDNS 5353) */
	{ "SOFTWARE\\Policies\\Microsoft\\Windows NT\\DNSClient",
	    "EnableMulticast", false },
	{ "SYSTEM\\CurrentControlSet\\Services\\Dnscache\\Parameters",
	    "EnableMulticast", false },
	{ "SYSTEM\\CurrentControlSet\\Services\\Dnscache\\Parameters",
	    "EnableMDNS", false },
	{ "SYSTEM\\CurrentControlSet\\Services\\Dnscache\\Parameters",
	    "EnableNetbios", false },
	/* Time, peering */
	{ "SYSTEM\\CurrentControlSet\\Services\\W32Time\\TimeProviders\\"
	    "NtpServer", "Enabled", false },
	{ "SOFTWARE\\Policies\\Microsoft\\Windows\\DeliveryOptimization",
	    "DODownloadMode", false },
	/* Remote administration (3389, WinRM 5985/5986) */
	{ "SYSTEM\\CurrentControlSet\\Control\\Terminal Server",
	    "fDenyTSConnections", false },
	{ "SYSTEM\\CurrentControlSet\\Control\\Terminal Server\\WinStations\\"
	    "RDP-Tcp", "PortNumber", false },
	{ "SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\WSMAN\\Listener",
	    NULL, true },
	/* Shared svchost grouping (PID -> service is 1:1 above this) */
	{ "SYSTEM\\CurrentControlSet\\Control", "SvcHostSplitThresholdInKB",
	    false },
};
const size_t nm_win_nregspecs = NM_NELEM(nm_win_regspecs);

void
nm_win_live_free(struct nm_win_live *L)
{
	NM_VEC_FREE(&L->rows);
	NM_VEC_FREE(&L->tags);
	NM_VEC_FREE(&L->svcs);
	NM_VEC_FREE(&L->procs);
	NM_VEC_FREE(&L->regs);
	NM_VEC_FREE(&L->notes);
}

/* dwLocalPort holds the port in network order in its low 16 bits; the
 * upper bits are not defined (iphlpapi documentation). */
int
nm_win_port(uint32_t raw)
{
	return (int)(((raw & 0xffu) << 8) | ((raw >> 8) & 0xffu));
}

/* dwLocalAddr holds the address bytes in network order in memory, and
 * Windows is little-endian: the first byte is the low one. */
static void
addr4_bytes(uint32_t raw, unsigned char b[4])
{
	b[0] = (unsigned char)(raw & 0xff);
	b[1] = (unsigned char)((raw >> 8) & 0xff);
	b[2] = (unsigned char)((raw >> 16) & 0xff);
	b[3] = (unsigned char)((raw >> 24) & 0xff);
}

void
nm_win_addr4(uint32_t raw, char *out, size_t outlen)
{
	unsigned char b[4];

	addr4_bytes(raw, b);
	nm_addr_format(NM_INET, b, out, outlen);
}

int
nm_win_state(uint32_t mib)
{
	switch (mib) {
	case NM_MIB_TCP_CLOSED:
		return NM_ST_CLOSE;
	case NM_MIB_TCP_LISTEN:
		return NM_ST_LISTEN;
	case NM_MIB_TCP_SYN_SENT:
		return NM_ST_SYN_SENT;
	case NM_MIB_TCP_SYN_RCVD:
		return NM_ST_SYN_RECV;
	case NM_MIB_TCP_ESTAB:
		return NM_ST_ESTABLISHED;
	case NM_MIB_TCP_FIN_WAIT1:
		return NM_ST_FIN_WAIT1;
	case NM_MIB_TCP_FIN_WAIT2:
		return NM_ST_FIN_WAIT2;
	case NM_MIB_TCP_CLOSE_WAIT:
		return NM_ST_CLOSE_WAIT;
	case NM_MIB_TCP_CLOSING:
		return NM_ST_CLOSING;
	case NM_MIB_TCP_LAST_ACK:
		return NM_ST_LAST_ACK;
	case NM_MIB_TCP_TIME_WAIT:
		return NM_ST_TIME_WAIT;
	case NM_MIB_TCP_DELETE_TCB:
		return NM_ST_DELETE_TCB;
	}
	return NM_ST_UNKNOWN;
}

/*
 * Generation ids as --os takes them.  NT 10.0 covers four server
 * releases and two client ones: the build number decides (first builds:
 * Server 2016 14393, 2019 17763, 2022 20348, 2025 26100; Windows 11
 * 22000).  Semi-annual server builds map to the long-term release before
 * them.  Returns NULL for versions netmin does not know.
 */
const char *
nm_win_generation(uint32_t major, uint32_t minor, uint32_t build,
    uint32_t product_type)
{
	bool server = product_type == NM_VER_NT_SERVER ||
	    product_type == NM_VER_NT_DOMAIN_CONTROLLER;

	if (major == 5) {
		switch (minor) {
		case 0:
			return "windows-2000";
		case 1:
			return "windows-xp";
		case 2:		/* XP x64 is 5.2 too */
			return server ? "windows-2003" : "windows-xp";
		}
		return NULL;
	}
	if (major == 6) {
		switch (minor) {
		case 0:
			return server ? "windows-server-2008" : "windows-vista";
		case 1:
			return server ? "windows-server-2008-r2" : "windows-7";
		case 2:
			return server ? "windows-server-2012" : "windows-8";
		case 3:
			return server ? "windows-server-2012-r2" : "windows-8.1";
		case 4:		/* Windows 10 previews said 6.4 */
			break;
		default:
			return NULL;
		}
	} else if (major != 10 || minor != 0)
		return NULL;
	if (!server)
		return build >= 22000 ? "windows-11" : "windows-10";
	if (build >= 26100)
		return "windows-server-2025";
	if (build >= 20348)
		return "windows-server-2022";
	if (build >= 17763)
		return "windows-server-2019";
	return "windows-server-2016";
}

const char *
nm_win_start_name(uint32_t start)
{
	static const char *const names[] = { "boot", "system", "auto",
	    "demand", "disabled" };

	return start < NM_NELEM(names) ? names[start] : "unknown";
}

const char *
nm_win_svc_state_name(uint32_t state)
{
	static const char *const names[] = { "unknown", "stopped",
	    "start-pending", "stop-pending", "running", "continue-pending",
	    "pause-pending", "paused" };

	return state < NM_NELEM(names) ? names[state] : "unknown";
}

/* SERVICE_* type bits (winnt.h); user services (0x40, 0x80) since 1607. */
const char *
nm_win_svc_type_name(uint32_t type)
{
	if (type & 0x80)
		return "user-service-instance";
	if (type & 0x40)
		return "user-service";
	if (type & 0x20)
		return "share-process";
	if (type & 0x10)
		return "own-process";
	if (type & 0x2)
		return "file-system-driver";
	if (type & 0x1)
		return "kernel-driver";
	return "unknown";
}

const char *
nm_win_reg_type_name(uint32_t type)
{
	switch (type) {
	case NM_REG_NONE:
		return "REG_NONE";
	case NM_REG_SZ:
		return "REG_SZ";
	case NM_REG_EXPAND_SZ:
		return "REG_EXPAND_SZ";
	case NM_REG_BINARY:
		return "REG_BINARY";
	case NM_REG_DWORD:
		return "REG_DWORD";
	case NM_REG_DWORD_BIG_ENDIAN:
		return "REG_DWORD_BIG_ENDIAN";
	case NM_REG_LINK:
		return "REG_LINK";
	case NM_REG_MULTI_SZ:
		return "REG_MULTI_SZ";
	case NM_REG_QWORD:
		return "REG_QWORD";
	}
	return "REG_UNKNOWN";
}

static void
put_utf8(struct nm_buf *b, uint32_t c)
{
	char u[4];

	if (c < 0x80) {
		u[0] = (char)c;
		nm_buf_add(b, u, 1);
	} else if (c < 0x800) {
		u[0] = (char)(0xc0 | (c >> 6));
		u[1] = (char)(0x80 | (c & 0x3f));
		nm_buf_add(b, u, 2);
	} else if (c < 0x10000) {
		u[0] = (char)(0xe0 | (c >> 12));
		u[1] = (char)(0x80 | ((c >> 6) & 0x3f));
		u[2] = (char)(0x80 | (c & 0x3f));
		nm_buf_add(b, u, 3);
	} else {
		u[0] = (char)(0xf0 | (c >> 18));
		u[1] = (char)(0x80 | ((c >> 12) & 0x3f));
		u[2] = (char)(0x80 | ((c >> 6) & 0x3f));
		u[3] = (char)(0x80 | (c & 0x3f));
		nm_buf_add(b, u, 4);
	}
}

/*
 * Appends UTF-16LE text up to its first NUL (or the end; an odd last
 * byte is dropped) as UTF-8; a lone surrogate becomes U+FFFD.  Returns
 * the bytes consumed, the NUL included.
 */
int
nm_win_utf16_to_utf8(const uint8_t *d, size_t len, struct nm_buf *out)
{
	size_t i = 0;

	nm_buf_add(out, "", 0);
	while (i + 1 < len) {
		uint32_t c = (uint32_t)d[i] | (uint32_t)d[i + 1] << 8;

		i += 2;
		if (c == 0)
			break;
		if (c >= 0xd800 && c < 0xdc00 && i + 1 < len) {
			uint32_t lo = (uint32_t)d[i] | (uint32_t)d[i + 1] << 8;

			if (lo >= 0xdc00 && lo < 0xe000) {
				i += 2;
				c = 0x10000 + ((c - 0xd800) << 10) +
				    (lo - 0xdc00);
			} else
				c = 0xfffd;
		} else if (c >= 0xd800 && c < 0xe000)
			c = 0xfffd;
		put_utf8(out, c);
	}
	return (int)i;
}

static void
put_hex(struct nm_buf *b, const uint8_t *d, size_t len)
{
	size_t i;

	nm_buf_add(b, "", 0);
	for (i = 0; i < len; i++)
		nm_buf_printf(b, "%02x", d[i]);
}

/*
 * The text form of a registry value, as facts carry it: REG_DWORD and
 * REG_QWORD in decimal, strings as UTF-8, REG_MULTI_SZ items joined by
 * "\n" (as plan actions carry them), anything else (and a
 * number of the wrong size) as lowercase hex bytes.  Returns 0, or 1
 * when the data did not have the size its type needs.
 */
int
nm_win_reg_text(uint32_t type, const uint8_t *d, size_t len,
    struct nm_buf *out)
{
	size_t off;
	bool first = true;

	switch (type) {
	case NM_REG_SZ:
	case NM_REG_EXPAND_SZ:
	case NM_REG_LINK:
		nm_win_utf16_to_utf8(d, len, out);
		return 0;
	case NM_REG_MULTI_SZ:
		nm_buf_add(out, "", 0);
		for (off = 0; off + 1 < len;) {
			struct nm_buf item = { 0 };
			int used = nm_win_utf16_to_utf8(d + off, len - off,
			    &item);

			off += (size_t)used;
			if (item.len == 0) {
				nm_buf_free(&item);
				break;		/* the list's final empty string */
			}
			if (!first)
				nm_buf_putc(out, '\n');
			nm_buf_add(out, item.s, item.len);
			nm_buf_free(&item);
			first = false;
		}
		return 0;
	case NM_REG_DWORD:
		if (len != 4)
			break;
		nm_buf_printf(out, "%lu", (unsigned long)((uint32_t)d[0] |
		    (uint32_t)d[1] << 8 | (uint32_t)d[2] << 16 |
		    (uint32_t)d[3] << 24));
		return 0;
	case NM_REG_DWORD_BIG_ENDIAN:
		if (len != 4)
			break;
		nm_buf_printf(out, "%lu", (unsigned long)((uint32_t)d[3] |
		    (uint32_t)d[2] << 8 | (uint32_t)d[1] << 16 |
		    (uint32_t)d[0] << 24));
		return 0;
	case NM_REG_QWORD: {
		unsigned long long q = 0;
		int i;

		if (len != 8)
			break;
		for (i = 7; i >= 0; i--)
			q = q << 8 | d[i];
		nm_buf_printf(out, "%llu", q);
		return 0;
	}
	default:
		put_hex(out, d, len);
		return 0;
	}
	put_hex(out, d, len);
	return 1;
}

static const struct nm_win_svc *
find_svc(const struct nm_win_live *L, const char *name)
{
	size_t i;

	for (i = 0; i < L->svcs.n; i++)
		if (nm_streq_ci(L->svcs.v[i].name, name))
			return &L->svcs.v[i];
	return NULL;
}

/*
 * The service behind a (pid, tag) pair.  I_QueryTagInformation's answer
 * is taken as it is.  GetOwnerModuleFrom*Entry names the service for a
 * tagged socket but the image for an untagged one, so its name counts
 * only when a service of that name runs in that very process.
 */
const char *
nm_win_tag_service(const struct nm_win_live *L, uint32_t pid, uint32_t tag)
{
	const struct nm_win_svc *sv;
	size_t i;

	if (pid == 0 || tag == 0)
		return NULL;
	for (i = 0; i < L->tags.n; i++) {
		const struct nm_win_tag *t = &L->tags.v[i];

		if (t->pid != pid || t->tag != tag)
			continue;
		if (t->service != NULL && t->service[0] != '\0')
			return t->service;
		if (t->module != NULL && (sv = find_svc(L, t->module)) !=
		    NULL && sv->pid == pid)
			return sv->name;
		return NULL;
	}
	return NULL;
}

/* Sort key: protocol, family, local address bytes, port, then the peer. */
static void
row_key(const struct nm_win_row *r, bool local, unsigned char k[16])
{
	memset(k, 0, 16);
	if (r->family == NM_INET)
		addr4_bytes(local ? r->laddr4 : r->raddr4, k);
	else
		memcpy(k, local ? r->laddr6 : r->raddr6, 16);
}

static int
row_cmp(const void *a, const void *b)
{
	const struct nm_win_row *x = *(const struct nm_win_row *const *)a;
	const struct nm_win_row *y = *(const struct nm_win_row *const *)b;
	unsigned char kx[16], ky[16];
	int c;

	if (x->proto != y->proto)
		return x->proto < y->proto ? -1 : 1;
	if (x->family != y->family)
		return x->family < y->family ? -1 : 1;
	row_key(x, true, kx);
	row_key(y, true, ky);
	if ((c = memcmp(kx, ky, 16)) != 0)
		return c;
	if (nm_win_port(x->lport) != nm_win_port(y->lport))
		return nm_win_port(x->lport) < nm_win_port(y->lport) ? -1 : 1;
	row_key(x, false, kx);
	row_key(y, false, ky);
	if ((c = memcmp(kx, ky, 16)) != 0)
		return c;
	if (nm_win_port(x->rport) != nm_win_port(y->rport))
		return nm_win_port(x->rport) < nm_win_port(y->rport) ? -1 : 1;
	if (x->pid != y->pid)
		return x->pid < y->pid ? -1 : 1;
	return 0;
}

static void
row_addr(const struct nm_win_row *r, bool local, char *out, size_t outlen)
{
	unsigned char k[16];

	row_key(r, local, k);
	nm_addr_format(r->family, k, out, outlen);
}

static const struct nm_win_proc *
find_proc(const struct nm_win_live *L, uint32_t pid)
{
	size_t i;

	for (i = 0; i < L->procs.n; i++)
		if (L->procs.v[i].pid == pid)
			return &L->procs.v[i];
	return NULL;
}

static void
add_row(struct nm_snapshot *s, const struct nm_win_live *L,
    const struct nm_win_row *r, const char *src)
{
	struct nm_endpoint *e = nm_snap_add_ep(s);
	const struct nm_win_proc *p;
	const char *svc;

	e->proto = r->proto;
	e->family = r->family;
	row_addr(r, true, e->laddr, sizeof(e->laddr));
	e->lport = nm_win_port(r->lport);
	if (r->family == NM_INET6 && r->lscope != 0)
		snprintf(e->lzone, sizeof(e->lzone), "%lu",
		    (unsigned long)r->lscope);
	if (r->proto == NM_UDP)
		e->state = NM_ST_UNCONN;
	else
		e->state = (uint8_t)nm_win_state(r->state);
	if (r->proto == NM_TCP && e->state != NM_ST_LISTEN) {
		row_addr(r, false, e->raddr, sizeof(e->raddr));
		e->rport = nm_win_port(r->rport);
	}
	e->source = src;
	/* PID 0 is "System Idle Process": Windows has no owner to give
	 * (TIME_WAIT rows; every row under wine 8). */
	if (r->pid == 0)
		return;
	p = find_proc(L, r->pid);
	/* The process's path and its services follow in nm_snap_finish. */
	nm_ep_add_owner(s, e, (int)r->pid, p != NULL ? p->image : NULL);
	svc = nm_win_tag_service(L, r->pid, (uint32_t)(r->module0 &
	    0xffffffffu));
	if (svc != NULL) {
		nm_ep_add_service(s, e, svc);
		e->services_exact = true;
	}
}

static int
svc_cmp(const void *a, const void *b)
{
	const struct nm_service *x = a, *y = b;
	const char *p = x->name, *q = y->name;

	for (; *p && *q; p++, q++) {
		int cp = (unsigned char)*p, cq = (unsigned char)*q;

		if (cp >= 'A' && cp <= 'Z')
			cp += 'a' - 'A';
		if (cq >= 'A' && cq <= 'Z')
			cq += 'a' - 'A';
		if (cp != cq)
			return cp - cq;
	}
	return (unsigned char)*p - (unsigned char)*q;
}

static void
add_fact(struct nm_snapshot *s, const char *key, const char *value,
    const char *type)
{
	struct nm_fact *f;

	if (value == NULL)
		return;
	f = NM_VEC_PUSH(&s->facts);
	f->key = nm_astrdup(&s->arena, key);
	f->value = nm_astrdup(&s->arena, value);
	f->type = type;
}

static const char *
product_type_name(uint32_t t)
{
	switch (t) {
	case NM_VER_NT_WORKSTATION:
		return "workstation";
	case NM_VER_NT_DOMAIN_CONTROLLER:
		return "domain-controller";
	case NM_VER_NT_SERVER:
		return "server";
	}
	return "unknown";
}

static void
fill_host(struct nm_snapshot *s, const struct nm_win_live *L)
{
	const struct nm_win_version *v = &L->ver;
	const char *gen;
	char buf[64];

	if (L->hostname != NULL && s->host.hostname == NULL)
		s->host.hostname = nm_astrdup(&s->arena, L->hostname);
	gen = nm_win_generation(v->major, v->minor, v->build,
	    v->product_type);
	if (s->host.os == NULL) {
		s->host.os = gen != NULL ? gen : "windows";
		s->host.os_reason = nm_asprintf(&s->arena,
		    "live: Windows %lu.%lu build %lu, %s%s%s%s",
		    (unsigned long)v->major, (unsigned long)v->minor,
		    (unsigned long)v->build,
		    product_type_name(v->product_type),
		    gen == NULL ? " (generation unknown to netmin)" : "",
		    v->wine != NULL ? ", wine " : "",
		    v->wine != NULL ? v->wine : "");
	}
	snprintf(buf, sizeof(buf), "%lu.%lu.%lu", (unsigned long)v->major,
	    (unsigned long)v->minor, (unsigned long)v->build);
	add_fact(s, "windows.version", buf, NULL);
	if (v->ubr != 0) {
		snprintf(buf, sizeof(buf), "%lu.%lu", (unsigned long)v->build,
		    (unsigned long)v->ubr);
		add_fact(s, "windows.build", buf, NULL);
	}
	add_fact(s, "windows.product_type", product_type_name(
	    v->product_type), NULL);
	if (gen != NULL)
		add_fact(s, "windows.generation", gen, NULL);
	add_fact(s, "windows.product_name", v->product_name, NULL);
	add_fact(s, "windows.edition", v->edition, NULL);
	add_fact(s, "windows.display_version", v->display_version, NULL);
	add_fact(s, "windows.service_pack", v->csd, NULL);
	add_fact(s, "wine.version", v->wine, NULL);
}

static void
fill_services(struct nm_snapshot *s, const struct nm_win_live *L)
{
	size_t i, first = s->svcs.n;

	for (i = 0; i < L->svcs.n; i++) {
		const struct nm_win_svc *w = &L->svcs.v[i];
		struct nm_service *sv = NM_VEC_PUSH(&s->svcs);

		sv->name = nm_astrdup(&s->arena, w->name);
		sv->display = w->display ? nm_astrdup(&s->arena, w->display) :
		    NULL;
		sv->start = w->config ? nm_win_start_name(w->start) : NULL;
		sv->delayed = w->config && w->delayed;
		sv->state = nm_win_svc_state_name(w->state);
		sv->pid = w->pid != 0 ? (int)w->pid : -1;
		sv->binary = w->binary ? nm_astrdup(&s->arena, w->binary) :
		    NULL;
		sv->type = nm_win_svc_type_name(w->type);
		if (w->pid != 0) {
			struct nm_proc *p = nm_snap_proc(s, (int)w->pid, true);

			nm_proc_add_service(s, p, w->name);
		}
	}
	if (s->svcs.n > first)
		qsort(s->svcs.v + first, s->svcs.n - first,
		    sizeof(*s->svcs.v), svc_cmp);
}

static void
fill_registry(struct nm_snapshot *s, const struct nm_win_live *L)
{
	struct nm_buf key = { 0 }, val = { 0 };
	size_t i;

	for (i = 0; i < L->regs.n; i++) {
		const struct nm_win_regval *r = &L->regs.v[i];

		nm_buf_reset(&key);
		nm_buf_reset(&val);
		nm_buf_printf(&key, "%s\\%s", r->key, r->name);
		if (nm_win_reg_text(r->type, r->data, r->len, &val) != 0)
			nm_snap_warn(s, "live", 0, "%s: %s of %zu bytes, "
			    "shown as hex", key.s,
			    nm_win_reg_type_name(r->type), r->len);
		add_fact(s, key.s, val.s ? val.s : "",
		    nm_win_reg_type_name(r->type));
	}
	nm_buf_free(&key);
	nm_buf_free(&val);
}

void
nm_win_fill(struct nm_snapshot *s, const struct nm_win_live *L)
{
	const struct nm_win_row **order;
	const char *src = nm_snap_add_source(s, "live");
	size_t i, noowner = 0;

	fill_host(s, L);
	for (i = 0; i < L->procs.n; i++) {
		const struct nm_win_proc *w = &L->procs.v[i];
		struct nm_proc *p = nm_snap_proc(s, (int)w->pid, true);

		if (p->name == NULL && w->image != NULL)
			p->name = nm_astrdup(&s->arena, w->image);
		if (p->exe == NULL && w->path != NULL)
			p->exe = nm_astrdup(&s->arena, w->path);
		p->source = src;
	}
	fill_services(s, L);

	order = nm_xcalloc(L->rows.n ? L->rows.n : 1, sizeof(*order));
	for (i = 0; i < L->rows.n; i++)
		order[i] = &L->rows.v[i];
	qsort(order, L->rows.n, sizeof(*order), row_cmp);
	for (i = 0; i < L->rows.n; i++) {
		add_row(s, L, order[i], src);
		if (order[i]->pid == 0 && (order[i]->proto == NM_UDP ||
		    order[i]->state == NM_MIB_TCP_LISTEN))
			noowner++;
	}
	free(order);
	fill_registry(s, L);
	for (i = 0; i < L->notes.n; i++)
		nm_snap_warn(s, "live", 0, "%s", L->notes.v[i]);
	if (noowner > 0)
		nm_snap_warn(s, "live", 0, "Windows gave no owner process "
		    "(PID 0) for %zu listening or UDP endpoint%s%s", noowner,
		    noowner == 1 ? "" : "s", L->ver.wine != NULL ?
		    " (wine 8 never gives one)" : "");
}
