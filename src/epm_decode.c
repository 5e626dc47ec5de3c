/*
 * epm_decode.c - DCE/RPC connection-oriented PDUs, the NDR of ept_lookup,
 * and protocol towers: pure functions over byte buffers.  Every length
 * and count read from the wire is checked against what is left before it
 * is used; nothing here allocates more than the caller allows.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "epm.h"

/* E1AF8308-5D1F-11C9-91A4-08002B14A0FA, C706 appendix O. */
const struct nm_uuid nm_uuid_epm = { {
	0xe1, 0xaf, 0x83, 0x08, 0x5d, 0x1f, 0x11, 0xc9,
	0x91, 0xa4, 0x08, 0x00, 0x2b, 0x14, 0xa0, 0xfa } };
/* 8A885D04-1CEB-11C9-9FE8-08002B104860 v2, NDR transfer syntax (C706 14). */
const struct nm_uuid nm_uuid_ndr = { {
	0x8a, 0x88, 0x5d, 0x04, 0x1c, 0xeb, 0x11, 0xc9,
	0x9f, 0xe8, 0x08, 0x00, 0x2b, 0x10, 0x48, 0x60 } };

/* A bounded reader; any overrun sets 'bad' and reads zeros after. */
struct rd {
	const uint8_t	*p;
	size_t		 len, off;
	bool		 be;
	bool		 bad;
};

static bool
rd_need(struct rd *r, size_t n)
{
	if (r->bad || n > r->len - r->off) {
		r->bad = true;
		return false;
	}
	return true;
}

static uint8_t
rd_u8(struct rd *r)
{
	if (!rd_need(r, 1))
		return 0;
	return r->p[r->off++];
}

static uint16_t
rd_u16(struct rd *r)
{
	const uint8_t *q;

	if (!rd_need(r, 2))
		return 0;
	q = r->p + r->off;
	r->off += 2;
	return r->be ? (uint16_t)(q[0] << 8 | q[1]) :
	    (uint16_t)(q[1] << 8 | q[0]);
}

static uint32_t
rd_u32(struct rd *r)
{
	const uint8_t *q;

	if (!rd_need(r, 4))
		return 0;
	q = r->p + r->off;
	r->off += 4;
	if (r->be)
		return (uint32_t)q[0] << 24 | (uint32_t)q[1] << 16 |
		    (uint32_t)q[2] << 8 | q[3];
	return (uint32_t)q[3] << 24 | (uint32_t)q[2] << 16 |
	    (uint32_t)q[1] << 8 | q[0];
}

static const uint8_t *
rd_bytes(struct rd *r, size_t n)
{
	const uint8_t *q;

	if (!rd_need(r, n))
		return NULL;
	q = r->p + r->off;
	r->off += n;
	return q;
}

/* NDR alignment is relative to the start of the stub (C706 14.2.2). */
static void
rd_align(struct rd *r, size_t a)
{
	size_t pad = (a - r->off % a) % a;

	(void)rd_bytes(r, pad);
}

/*
 * An NDR uuid_t: u32, u16, u16 in the stream's byte order, then eight
 * bytes as they are.  Stored in printing order.
 */
static void
rd_uuid(struct rd *r, struct nm_uuid *u)
{
	uint32_t a = rd_u32(r);
	uint16_t b = rd_u16(r), c = rd_u16(r);
	const uint8_t *rest = rd_bytes(r, 8);

	u->b[0] = (uint8_t)(a >> 24);
	u->b[1] = (uint8_t)(a >> 16);
	u->b[2] = (uint8_t)(a >> 8);
	u->b[3] = (uint8_t)a;
	u->b[4] = (uint8_t)(b >> 8);
	u->b[5] = (uint8_t)b;
	u->b[6] = (uint8_t)(c >> 8);
	u->b[7] = (uint8_t)c;
	if (rest != NULL)
		memcpy(u->b + 8, rest, 8);
	else
		memset(u->b + 8, 0, 8);
}

/* Little-endian writers for what we send (drep 0x10: LE, ASCII, IEEE). */
static void
put_u8(struct nm_buf *b, uint8_t v)
{
	nm_buf_add(b, &v, 1);
}

static void
put_u16(struct nm_buf *b, uint16_t v)
{
	uint8_t q[2] = { (uint8_t)v, (uint8_t)(v >> 8) };

	nm_buf_add(b, q, 2);
}

static void
put_u32(struct nm_buf *b, uint32_t v)
{
	uint8_t q[4] = { (uint8_t)v, (uint8_t)(v >> 8), (uint8_t)(v >> 16),
	    (uint8_t)(v >> 24) };

	nm_buf_add(b, q, 4);
}

static void
put_uuid(struct nm_buf *b, const struct nm_uuid *u)
{
	uint8_t q[16];

	q[0] = u->b[3]; q[1] = u->b[2]; q[2] = u->b[1]; q[3] = u->b[0];
	q[4] = u->b[5]; q[5] = u->b[4];
	q[6] = u->b[7]; q[7] = u->b[6];
	memcpy(q + 8, u->b + 8, 8);
	nm_buf_add(b, q, 16);
}

static void
put_hdr(struct nm_buf *b, uint8_t ptype, uint16_t frag_len, uint32_t call_id)
{
	put_u8(b, 5);			/* rpc_vers */
	put_u8(b, 0);			/* rpc_vers_minor */
	put_u8(b, ptype);
	put_u8(b, NM_PFC_FIRST_FRAG | NM_PFC_LAST_FRAG);
	put_u8(b, 0x10);		/* drep: little-endian, ASCII */
	put_u8(b, 0);			/* IEEE floats */
	put_u8(b, 0);
	put_u8(b, 0);
	put_u16(b, frag_len);
	put_u16(b, 0);			/* auth_length */
	put_u32(b, call_id);
}

/* bind: one presentation context, the ept interface v3.0 over NDR v2. */
void
nm_bind_encode(struct nm_buf *b, uint32_t call_id, uint16_t max_frag)
{
	put_hdr(b, NM_PDU_BIND, 72, call_id);
	put_u16(b, max_frag);		/* max_xmit_frag */
	put_u16(b, max_frag);		/* max_recv_frag */
	put_u32(b, 0);			/* assoc_group_id: new group */
	put_u8(b, 1);			/* n_context_elem */
	put_u8(b, 0);
	put_u16(b, 0);
	put_u16(b, 0);			/* p_cont_id */
	put_u8(b, 1);			/* n_transfer_syn */
	put_u8(b, 0);
	put_uuid(b, &nm_uuid_epm);
	put_u16(b, 3);			/* if_version major */
	put_u16(b, 0);			/* minor */
	put_uuid(b, &nm_uuid_ndr);
	put_u32(b, 2);
}

/*
 * request, opnum 2, ept_lookup stub (40 bytes): inquiry_type
 * RPC_C_EP_ALL_ELTS, object NULL, Ifid NULL, vers_option RPC_C_VERS_ALL,
 * entry_handle, max_ents 500.
 */
void
nm_lookup_req_encode(struct nm_buf *b, uint32_t call_id,
    uint32_t handle_attr, const struct nm_uuid *handle)
{
	put_hdr(b, NM_PDU_REQUEST, 24 + 40, call_id);
	put_u32(b, 40);			/* alloc_hint */
	put_u16(b, 0);			/* p_cont_id */
	put_u16(b, 2);			/* opnum: ept_lookup */
	put_u32(b, 0);			/* inquiry_type: all elements */
	put_u32(b, 0);			/* object: NULL pointer */
	put_u32(b, 0);			/* Ifid: NULL pointer */
	put_u32(b, 1);			/* vers_option: RPC_C_VERS_ALL */
	put_u32(b, handle_attr);
	put_uuid(b, handle);
	put_u32(b, NM_EPM_MAX_ENTS);
}

int
nm_pdu_hdr_decode(const uint8_t *p, size_t len, struct nm_pdu_hdr *h,
    struct nm_error *err)
{
	struct rd r = { p, len, 0, false, false };

	if (len < NM_PDU_HDR_LEN)
		return nm_seterr(err, NM_ERR_NET, "short PDU header (%zu bytes)",
		    len);
	h->vers = rd_u8(&r);
	h->vers_minor = rd_u8(&r);
	h->ptype = rd_u8(&r);
	h->flags = rd_u8(&r);
	memcpy(h->drep, rd_bytes(&r, 4), 4);
	if (h->vers != 5 || h->vers_minor > 1)
		return nm_seterr(err, NM_ERR_NET, "not a DCE/RPC "
		    "connection-oriented PDU (version %u.%u)", h->vers,
		    h->vers_minor);
	/* drep[0]: high nibble 0 big-endian, 1 little-endian; low 0 ASCII. */
	if ((h->drep[0] >> 4) > 1 || (h->drep[0] & 0x0f) != 0)
		return nm_seterr(err, NM_ERR_NET, "unsupported data "
		    "representation %02x %02x %02x %02x", h->drep[0],
		    h->drep[1], h->drep[2], h->drep[3]);
	h->be = (h->drep[0] >> 4) == 0;
	r.be = h->be;
	h->frag_len = rd_u16(&r);
	h->auth_len = rd_u16(&r);
	h->call_id = rd_u32(&r);
	if (h->frag_len < NM_PDU_HDR_LEN)
		return nm_seterr(err, NM_ERR_NET, "PDU length %u is shorter than "
		    "its header", h->frag_len);
	if (h->auth_len != 0 && (size_t)h->auth_len + 8 >
	    (size_t)h->frag_len - NM_PDU_HDR_LEN)
		return nm_seterr(err, NM_ERR_NET, "PDU authentication length %u "
		    "does not fit in %u bytes", h->auth_len, h->frag_len);
	return 0;
}

/* Printable ASCII only: a hostile server must not reach the terminal. */
static void
copy_text(char *dst, size_t dstlen, const uint8_t *s, size_t n)
{
	size_t i, o = 0;

	if (dstlen == 0)
		return;
	for (i = 0; i < n && o + 1 < dstlen; i++) {
		if (s[i] == 0)
			break;
		dst[o++] = (s[i] >= 0x20 && s[i] < 0x7f) ? (char)s[i] : '?';
	}
	dst[o] = '\0';
}

int
nm_bind_ack_decode(const uint8_t *p, size_t len, const struct nm_pdu_hdr *h,
    struct nm_bind_ack *a, struct nm_error *err)
{
	struct rd r = { p, len, NM_PDU_HDR_LEN, h->be, false };
	uint16_t alen;
	const uint8_t *s;
	uint8_t nres;

	memset(a, 0, sizeof(*a));
	if (h->frag_len < len)
		r.len = h->frag_len;
	a->max_xmit = rd_u16(&r);
	a->max_recv = rd_u16(&r);
	a->assoc_group = rd_u32(&r);
	alen = rd_u16(&r);
	s = rd_bytes(&r, alen);
	if (s != NULL)
		copy_text(a->sec_addr, sizeof(a->sec_addr), s, alen);
	rd_align(&r, 4);
	nres = rd_u8(&r);
	(void)rd_u8(&r);
	(void)rd_u16(&r);
	if (r.bad)
		return nm_seterr(err, NM_ERR_NET, "truncated bind_ack");
	if (nres < 1)
		return nm_seterr(err, NM_ERR_NET, "bind_ack has no result for "
		    "our presentation context");
	a->result = rd_u16(&r);
	a->reason = rd_u16(&r);
	rd_uuid(&r, &a->syntax);
	a->syntax_vers = rd_u32(&r);
	if (r.bad)
		return nm_seterr(err, NM_ERR_NET, "truncated bind_ack result "
		    "list");
	return 0;
}

int
nm_bind_nak_reason(const uint8_t *p, size_t len, const struct nm_pdu_hdr *h,
    uint16_t *reason)
{
	struct rd r = { p, len, NM_PDU_HDR_LEN, h->be, false };

	*reason = rd_u16(&r);
	return r.bad ? -1 : 0;
}

int
nm_fault_status(const uint8_t *p, size_t len, const struct nm_pdu_hdr *h,
    uint32_t *status)
{
	struct rd r = { p, len, NM_PDU_HDR_LEN + 8, h->be, false };

	*status = rd_u32(&r);
	return r.bad ? -1 : 0;
}

int
nm_response_stub(const uint8_t *p, size_t len, const struct nm_pdu_hdr *h,
    const uint8_t **stub, size_t *stublen, struct nm_error *err)
{
	size_t end = h->frag_len;
	struct rd r = { p, len, NM_PDU_HDR_LEN, h->be, false };
	uint16_t ctx;

	if (end > len)
		return nm_seterr(err, NM_ERR_NET, "truncated response PDU");
	if (h->auth_len != 0)
		return nm_seterr(err, NM_ERR_NET, "unexpected authentication "
		    "trailer in a response to an unauthenticated call");
	(void)rd_u32(&r);		/* alloc_hint: a hint, never trusted */
	ctx = rd_u16(&r);
	(void)rd_u8(&r);		/* cancel_count */
	(void)rd_u8(&r);
	if (r.bad || r.off > end)
		return nm_seterr(err, NM_ERR_NET, "response PDU too short "
		    "(%u bytes)", h->frag_len);
	if (ctx != 0)
		return nm_seterr(err, NM_ERR_NET, "response for presentation "
		    "context %u, we bound only 0", ctx);
	*stub = p + r.off;
	*stublen = end - r.off;
	return 0;
}

/*
 * Towers (C706 appendix L): floor count, then floors of
 * (lhs_len, lhs, rhs_len, rhs), all counts little-endian.
 */
struct floor {
	const uint8_t	*lhs, *rhs;
	uint16_t	 lhs_len, rhs_len;
};

static int
be16(const struct floor *f)
{
	if (f->rhs_len != 2)
		return -1;
	return f->rhs[0] << 8 | f->rhs[1];
}

static void
tcopy(char *dst, size_t dstlen, const struct floor *f)
{
	copy_text(dst, dstlen, f->rhs, f->rhs_len);
}

/*
 * Builds the string binding the way Impacket's rpcdump prints it, so the
 * two can be compared line for line: walk the floors after the third,
 * an endpoint floor sets "protseq:%s[endpoint]", a host floor fills %s.
 */
static void
make_binding(struct nm_tower *t, const struct floor *fl, int nfl)
{
	char pre[32] = "", ep[NM_EPM_MAX_NAME + 8] = "";
	char hostbuf[NM_EPM_MAX_NAME] = "";
	bool have_tmpl = false;
	int i, port;

	for (i = 3; i < nfl; i++) {
		const struct floor *f = &fl[i];
		int id = f->lhs_len == 1 ? f->lhs[0] : -1;

		switch (id) {
		case 0x07:
		case 0x08:
		case 0x1f:
		case 0x0c:
		case 0x0e:
			port = be16(f);
			if (port < 0)
				goto unknown;
			t->port = port;
			nm_strlcpy(pre, id == 0x07 ? "ncacn_ip_tcp:" :
			    id == 0x08 ? "ncadg_ip_udp:" :
			    id == 0x1f ? "ncacn_http:" :
			    id == 0x0c ? "ncacn_spx:~" : "ncadg_ipx:~",
			    sizeof(pre));
			snprintf(ep, sizeof(ep), "[%d]", port);
			have_tmpl = true;
			break;
		case 0x0f:
			tcopy(t->endpoint, sizeof(t->endpoint), f);
			nm_strlcpy(pre, "ncacn_np:", sizeof(pre));
			snprintf(ep, sizeof(ep), "[%s]", t->endpoint);
			have_tmpl = true;
			break;
		case 0x10:
			tcopy(t->endpoint, sizeof(t->endpoint), f);
			snprintf(t->binding, sizeof(t->binding), "ncalrpc:[%s]",
			    t->endpoint);
			return;
		case 0x09:
			if (f->rhs_len != 4)
				goto unknown;
			snprintf(t->host, sizeof(t->host), "%u.%u.%u.%u",
			    f->rhs[0], f->rhs[1], f->rhs[2], f->rhs[3]);
			goto host;
		case 0x0d: {
			int k;

			for (k = 0; k < f->rhs_len && 2 * k + 2 <
			    (int)sizeof(t->host); k++)
				snprintf(t->host + 2 * k, 3, "%02X", f->rhs[k]);
			if (!have_tmpl) {
				snprintf(t->binding, sizeof(t->binding),
				    "SPX: %s", t->host);
				return;
			}
			goto host;
		}
		case 0x01:
		case 0x11:
			tcopy(t->host, sizeof(t->host), f);
			if (!have_tmpl) {
				snprintf(t->binding, sizeof(t->binding),
				    "NetBIOS: %s", t->host);
				return;
			}
			goto host;
		default:
			goto unknown;
		}
		continue;
host:
		if (!have_tmpl) {
			snprintf(t->binding, sizeof(t->binding), "IP: %s",
			    t->host);
			return;
		}
		nm_strlcpy(hostbuf, t->host, sizeof(hostbuf));
		snprintf(t->binding, sizeof(t->binding), "%s%s%s", pre,
		    hostbuf, ep);
		return;
unknown:
		snprintf(t->binding, sizeof(t->binding),
		    "unknown_proto_0x%x:[0]", f->lhs_len ? f->lhs[0] : 0);
		return;
	}
	/* No host floor: still say what we know. */
	if (have_tmpl)
		snprintf(t->binding, sizeof(t->binding), "%s%s", pre, ep);
	else
		nm_strlcpy(t->binding, "none", sizeof(t->binding));
}

static const char *
protseq_of(int rpc, int ep, int host)
{
	if (ep == 0x10)
		return "ncalrpc";
	if (ep == 0x0f)
		return "ncacn_np";
	if (ep == 0x07 && rpc == 0x0b)
		return "ncacn_ip_tcp";
	if (ep == 0x08 && rpc == 0x0a)
		return "ncadg_ip_udp";
	if (ep == 0x1f)
		return "ncacn_http";
	if (ep == 0x12 || (ep == 0x11 && host < 0))
		return "ncacn_nb_tcp";
	if (ep == 0x0c)
		return "ncacn_spx";
	if (ep == 0x0e)
		return "ncadg_ipx";
	return NULL;
}

/* Floor 1 or 2: 0x0d, UUID (little-endian fields), major; rhs minor. */
static bool
syntax_floor(const struct floor *f, struct nm_uuid *u, uint16_t *maj,
    uint16_t *min)
{
	struct rd r = { f->lhs, f->lhs_len, 1, false, false };
	struct rd m = { f->rhs, f->rhs_len, 0, false, false };

	if (f->lhs_len != 19 || f->lhs[0] != 0x0d || f->rhs_len != 2)
		return false;
	rd_uuid(&r, u);
	*maj = rd_u16(&r);
	*min = rd_u16(&m);
	return !r.bad && !m.bad;
}

int
nm_tower_decode(const uint8_t *p, size_t len, struct nm_tower *t,
    struct nm_error *err)
{
	struct rd r = { p, len, 0, false, false };
	struct floor fl[NM_EPM_MAX_FLOORS];
	uint16_t n;
	int i, host = -1;

	memset(t, 0, sizeof(*t));
	t->rpc_proto = t->ep_proto = t->port = -1;
	n = rd_u16(&r);
	if (r.bad)
		return nm_seterr(err, NM_ERR_NET, "empty protocol tower");
	if (n > NM_EPM_MAX_FLOORS)
		return nm_seterr(err, NM_ERR_NET, "protocol tower claims %u "
		    "floors (at most %d)", n, NM_EPM_MAX_FLOORS);
	for (i = 0; i < n; i++) {
		fl[i].lhs_len = rd_u16(&r);
		fl[i].lhs = rd_bytes(&r, fl[i].lhs_len);
		fl[i].rhs_len = rd_u16(&r);
		fl[i].rhs = rd_bytes(&r, fl[i].rhs_len);
		if (r.bad)
			return nm_seterr(err, NM_ERR_NET, "protocol tower floor "
			    "%d runs past the tower's %zu bytes", i + 1, len);
		if (fl[i].lhs_len == 0)
			return nm_seterr(err, NM_ERR_NET, "protocol tower floor "
			    "%d has no protocol identifier", i + 1);
	}
	t->nfloors = n;
	if (n >= 1)
		t->has_if = syntax_floor(&fl[0], &t->if_uuid, &t->if_major,
		    &t->if_minor);
	if (n >= 2)
		t->has_syntax = syntax_floor(&fl[1], &t->syntax,
		    &t->syntax_major, &t->syntax_minor);
	if (n >= 3)
		t->rpc_proto = fl[2].lhs[0];
	if (n >= 4)
		t->ep_proto = fl[3].lhs[0];
	if (n >= 5)
		host = fl[4].lhs[0];
	t->protseq = protseq_of(t->rpc_proto, t->ep_proto, host);
	make_binding(t, fl, n);
	return 0;
}

/*
 * ept_lookup response stub ([MS-RPCE] 2.2.1.2.4, C706 appendix O):
 *   entry_handle (u32 attributes + uuid), num_ents u32,
 *   entries: conformant varying array (max_count, offset, actual_count)
 *     of ept_entry_t { uuid object; twr_t *tower;
 *                      [string] char annotation[64] (offset, count, chars) },
 *   the towers the pointers refer to, in order (twr_t: conformance,
 *     tower_length, octets),
 *   status u32.
 */
int
nm_lookup_reply_decode(const uint8_t *stub, size_t len, bool be,
    struct nm_lookup_reply *rep, struct nm_epm_entry **out, size_t *n,
    size_t *cap, size_t room, struct nm_error *err)
{
	struct rd r = { stub, len, 0, be, false };
	uint32_t maxc, off, cnt, i;
	size_t base = *n;
	uint32_t *refs = NULL;

	memset(rep, 0, sizeof(*rep));
	rep->handle_attr = rd_u32(&r);
	rd_uuid(&r, &rep->handle);
	rep->handle_null = rep->handle_attr == 0 &&
	    nm_uuid_is_nil(&rep->handle);
	rep->num_ents = rd_u32(&r);
	if (r.bad)
		return nm_seterr(err, NM_ERR_NET, "ept_lookup reply too short "
		    "(%zu bytes)", len);
	/* The array is a top-level [out] parameter: no referent id. */
	maxc = rd_u32(&r);
	off = rd_u32(&r);
	cnt = rd_u32(&r);
	if (r.bad)
		return nm_seterr(err, NM_ERR_NET, "ept_lookup reply truncated "
		    "in the entry array header");
	if (cnt != rep->num_ents || off != 0 || cnt > maxc)
		return nm_seterr(err, NM_ERR_NET, "ept_lookup reply array is "
		    "inconsistent (num_ents %u, max %u, offset %u, count %u)",
		    rep->num_ents, maxc, off, cnt);
	if (cnt > NM_EPM_MAX_ENTS)
		return nm_seterr(err, NM_ERR_NET, "ept_lookup reply has %u "
		    "entries, more than the %d we asked for", cnt,
		    NM_EPM_MAX_ENTS);
	if (cnt > room)
		return nm_seterr(err, NM_ERR_NET, "endpoint map exceeds %d "
		    "entries; refusing to read more", NM_EPM_MAX_ENTRIES);
	/* Each entry needs at least 28 bytes: refuse before allocating. */
	if ((size_t)cnt * 28 > len - r.off)
		return nm_seterr(err, NM_ERR_NET, "ept_lookup reply claims %u "
		    "entries but has only %zu bytes left", cnt, len - r.off);
	refs = nm_xcalloc(cnt ? cnt : 1, sizeof(*refs));
	for (i = 0; i < cnt; i++) {
		struct nm_epm_entry *e;
		uint32_t aoff, alen;
		const uint8_t *a;

		nm_vec_grow((void **)out, cap, *n + 1, sizeof(**out));
		e = &(*out)[(*n)++];
		memset(e, 0, sizeof(*e));
		rd_align(&r, 4);
		rd_uuid(&r, &e->object);
		refs[i] = rd_u32(&r);
		aoff = rd_u32(&r);
		alen = rd_u32(&r);
		if (r.bad)
			goto truncated;
		if (aoff > NM_EPM_MAX_ANNOTATION || alen >
		    NM_EPM_MAX_ANNOTATION - aoff) {
			nm_seterr(err, NM_ERR_NET, "entry %u: annotation of "
			    "%u bytes at offset %u exceeds %d", i + 1, alen,
			    aoff, NM_EPM_MAX_ANNOTATION);
			goto fail;
		}
		a = rd_bytes(&r, alen);
		if (a == NULL)
			goto truncated;
		copy_text(e->annotation, sizeof(e->annotation), a, alen);
	}
	for (i = 0; i < cnt; i++) {
		struct nm_epm_entry *e = &(*out)[base + i];
		uint32_t tmax, tlen;
		const uint8_t *tw;

		if (refs[i] == 0)
			continue;
		rd_align(&r, 4);
		tmax = rd_u32(&r);
		tlen = rd_u32(&r);
		if (r.bad)
			goto truncated;
		if (tmax != tlen) {
			nm_seterr(err, NM_ERR_NET, "entry %u: tower length %u "
			    "disagrees with its array size %u", i + 1, tlen,
			    tmax);
			goto fail;
		}
		tw = rd_bytes(&r, tlen);
		if (tw == NULL)
			goto truncated;
		if (nm_tower_decode(tw, tlen, &e->tower, err) != 0) {
			char m[sizeof(err->msg)];

			nm_strlcpy(m, err->msg, sizeof(m));
			nm_seterr(err, NM_ERR_NET, "entry %u: %s", i + 1, m);
			goto fail;
		}
		e->has_tower = true;
	}
	rd_align(&r, 4);
	rep->status = rd_u32(&r);
	if (r.bad)
		goto truncated;
	free(refs);
	return 0;
truncated:
	nm_seterr(err, NM_ERR_NET, "ept_lookup reply truncated at byte %zu "
	    "of %zu", r.off, len);
fail:
	free(refs);
	*n = base;
	return -1;
}

void
nm_uuid_str(const struct nm_uuid *u, bool upper, char out[37])
{
	const char *x = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	int i, o = 0;

	for (i = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			out[o++] = '-';
		out[o++] = x[u->b[i] >> 4];
		out[o++] = x[u->b[i] & 15];
	}
	out[o] = '\0';
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Exactly 8-4-4-4-12 hex digits, either case. */
int
nm_uuid_parse(const char *s, size_t len, struct nm_uuid *u)
{
	size_t i, k = 0;

	if (len != 36)
		return -1;
	for (i = 0; i < 36; i++) {
		int hi, lo;

		if (i == 8 || i == 13 || i == 18 || i == 23) {
			if (s[i] != '-')
				return -1;
			continue;
		}
		hi = hexval((unsigned char)s[i]);
		lo = i + 1 < 36 ? hexval((unsigned char)s[i + 1]) : -1;
		if (hi < 0 || lo < 0)
			return -1;
		u->b[k++] = (uint8_t)(hi << 4 | lo);
		i++;
	}
	return k == 16 ? 0 : -1;
}

bool
nm_uuid_is_nil(const struct nm_uuid *u)
{
	static const struct nm_uuid nil;

	return memcmp(u, &nil, sizeof(nil)) == 0;
}

const char *
nm_pdu_type_name(int t)
{
	static const char *const names[] = {
		"request", "ping", "response", "fault", "working", "nocall",
		"reject", "ack", "cl_cancel", "fack", "cancel_ack", "bind",
		"bind_ack", "bind_nak", "alter_context", "alter_context_resp",
		"auth3", "shutdown", "co_cancel", "orphaned"
	};

	if (t >= 0 && (size_t)t < NM_NELEM(names))
		return names[t];
	return "unknown";
}

/* Status codes a client meets here (C706 appendix E, [MS-RPCE] 3.1.1.5.5). */
const char *
nm_epm_status_name(uint32_t s)
{
	switch (s) {
	case 0x16c9a0d6: return "ept_s_not_registered";
	case 0x16c9a0d2: return "ept_s_cant_perform_op";
	case 0x16c9a0c9: return "ept_s_cant_access";
	case 0x16c9a0ca: return "ept_s_invalid_entry";
	case 0x16c9a0db: return "ept_s_invalid_context";
	case 0x1c010002: return "nca_s_op_rng_error";
	case 0x1c010003: return "nca_s_unk_if";
	case 0x1c000009: return "nca_s_proto_error";
	case 0x1c00001b: return "nca_s_fault_remote_no_memory";
	case 0x1c010014: return "nca_s_server_too_busy";
	case 0x1c010017: return "nca_s_unsupported_type";
	case 0x1c000010: return "nca_s_fault_context_mismatch";
	case 0x00000005: return "access denied";
	case 0x000006d9: return "EPT_S_NOT_REGISTERED (Windows)";
	case 0x000006f7: return "RPC_X_BAD_STUB_DATA";
	case 0x00000721: return "RPC_S_SEC_PKG_ERROR";
	default: return NULL;
	}
}

/* Presentation-context and bind_nak reasons (C706 12.6.3.1, 12.6.4.5). */
const char *
nm_bind_reject_name(uint16_t r)
{
	switch (r) {
	case 0: return "reason not specified";
	case 1: return "abstract syntax not supported";
	case 2: return "proposed transfer syntaxes not supported";
	case 3: return "local limit exceeded";
	case 4: return "protocol version not supported";
	case 8: return "authentication type not recognized";
	case 9: return "invalid checksum";
	default: return "unknown reason";
	}
}
