/*
 * fw_win.c - the Windows Firewall rules of a firewall model, shared by the
 * netsh and PowerShell renderings (see fw.h, struct nm_fw_winrule).
 *
 * Windows evaluates block rules before allow rules, so "default deny"
 * cannot rest on the profile's default action alone (other rule groups,
 * File and Printer Sharing for one, allow ports): every TCP and UDP port
 * the model does not allow gets a block rule, and each allowed port that
 * is limited to some local addresses or peers gets a block rule for the
 * rest.  Names are unique, so the undo form removes exactly these rules.
 */
#include <stdlib.h>
#include <string.h>

#include "fw.h"

typedef NM_VEC(struct nm_fw_winrule) winvec;

static struct nm_fw_winrule *
add(winvec *v, struct nm_arena *a, bool block,
    const char *proto, const char *desc, const char *fmt, ...)
    NM_PRINTF(6, 7);

static struct nm_fw_winrule *
add(winvec *v, struct nm_arena *a, bool block,
    const char *proto, const char *desc, const char *fmt, ...)
{
	struct nm_fw_winrule *r = NM_VEC_PUSH(v);
	struct nm_buf b = { 0 };
	va_list ap;

	memset(r, 0, sizeof(*r));
	va_start(ap, fmt);
	nm_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	r->name = nm_astrdup(a, b.s);
	nm_buf_free(&b);
	r->block = block;
	r->proto = proto;
	r->icmp = -1;
	r->desc = desc;
	return r;
}

static const char *
addrs(struct nm_arena *a, const struct nm_fw_net *v, size_t n)
{
	struct nm_buf b = { 0 };
	const char *s;
	size_t i;

	for (i = 0; i < n; i++)
		nm_buf_printf(&b, "%s%s", i ? "," : "", v[i].text);
	s = nm_astrdup(a, b.s ? b.s : "");
	nm_buf_free(&b);
	return s;
}

static const char *
gaps(struct nm_arena *a, const struct nm_fw_net *v, size_t n)
{
	struct nm_buf b = { 0 };
	const char *s;

	nm_fw_net_gaps(v, n, ",", &b);
	s = nm_astrdup(a, b.s ? b.s : "");
	nm_buf_free(&b);
	return s;
}

void
nm_fw_winrules(const struct nm_fw *fw, struct nm_arena *a,
    struct nm_fw_winrule **out, size_t *nout)
{
	static const int icmp4[] = { 3, 11, 12 };
	static const int icmp6[] = { 1, 2, 3, 4, 133, 134, 135, 136 };
	winvec v = { 0 };
	struct nm_fw_winrule *r;
	struct nm_buf b = { 0 };
	size_t i;
	int pr;

	for (i = 0; i < NM_NELEM(icmp4); i++) {
		r = add(&v, a, false, "ICMPv4", "netmin: ICMP errors and path "
		    "MTU (3 unreachable incl. frag-needed, 11 time exceeded, 12 "
		    "parameter problem)", "netmin-allow-icmpv4-%d", icmp4[i]);
		r->icmp = icmp4[i];
	}
	for (i = 0; i < NM_NELEM(icmp6); i++) {
		r = add(&v, a, false, "ICMPv6", "netmin: ICMPv6 errors, path "
		    "MTU (2 packet too big) and neighbour discovery (133-136)",
		    "netmin-allow-icmpv6-%d", icmp6[i]);
		r->icmp = icmp6[i];
	}
	if (fw->dhcp4) {
		r = add(&v, a, false, "UDP", "netmin: DHCP client replies",
		    "netmin-allow-dhcp");
		r->lport = "68";
		r->rport = "67";
	}
	if (fw->dhcp6) {
		r = add(&v, a, false, "UDP", "netmin: DHCPv6 client replies",
		    "netmin-allow-dhcpv6");
		r->lport = "546";
		r->rport = "547";
	}
	for (i = 0; i < fw->rules.n; i++) {
		const struct nm_fw_rule *x = &fw->rules.v[i];
		char comment[128];

		nm_fw_comment(x, comment, sizeof(comment));
		r = add(&v, a, false, x->proto == NM_TCP ? "TCP" : "UDP",
		    nm_asprintf(a, "netmin: %s", comment), "netmin-allow-%s-%d",
		    nm_proto_name(x->proto), x->port);
		r->lport = nm_asprintf(a, "%d", x->port);
		if (x->local.n)
			r->lip = addrs(a, x->local.v, x->local.n);
		if (x->from.n)
			r->rip = addrs(a, x->from.v, x->from.n);
	}
	for (pr = NM_TCP; pr <= NM_UDP; pr++) {
		nm_buf_reset(&b);
		nm_fw_port_gaps(fw, pr, ",", &b);
		if (b.len == 0)
			continue;
		r = add(&v, a, true, pr == NM_TCP ? "TCP" : "UDP",
		    nm_asprintf(a, "netmin: every %s port not allowed above",
		    pr == NM_TCP ? "TCP" : "UDP"), "netmin-block-%s",
		    nm_proto_name(pr));
		r->lport = nm_astrdup(a, b.s);
	}
	if (fw->dhcp4) {
		r = add(&v, a, true, "UDP", "netmin: UDP 68 from anything but "
		    "a DHCP server port", "netmin-block-udp-68");
		r->lport = "68";
		r->rport = "1-66,68-65535";
	}
	if (fw->dhcp6) {
		r = add(&v, a, true, "UDP", "netmin: UDP 546 from anything but "
		    "a DHCPv6 server port", "netmin-block-udp-546");
		r->lport = "546";
		r->rport = "1-546,548-65535";
	}
	for (i = 0; i < fw->rules.n; i++) {
		const struct nm_fw_rule *x = &fw->rules.v[i];

		if (x->local.n) {
			r = add(&v, a, true, x->proto == NM_TCP ? "TCP" : "UDP",
			    nm_asprintf(a, "netmin: %s %d on other local "
			    "addresses", x->proto == NM_TCP ? "TCP" : "UDP",
			    x->port), "netmin-block-%s-%d-to",
			    nm_proto_name(x->proto), x->port);
			r->lport = nm_asprintf(a, "%d", x->port);
			r->lip = gaps(a, x->local.v, x->local.n);
		}
		if (x->from.n) {
			r = add(&v, a, true, x->proto == NM_TCP ? "TCP" : "UDP",
			    nm_asprintf(a, "netmin: %s %d from other peers",
			    x->proto == NM_TCP ? "TCP" : "UDP", x->port),
			    "netmin-block-%s-%d-from", nm_proto_name(x->proto),
			    x->port);
			r->lport = nm_asprintf(a, "%d", x->port);
			r->rip = gaps(a, x->from.v, x->from.n);
		}
	}
	nm_buf_free(&b);
	*nout = v.n;
	*out = nm_aalloc(a, (v.n ? v.n : 1) * sizeof(**out));
	if (v.n)
		memcpy(*out, v.v, v.n * sizeof(**out));
	NM_VEC_FREE(&v);
}
