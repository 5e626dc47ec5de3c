/*
 * probe_epm.c - the endpoint-mapper client: bind to the ept interface,
 * call ept_lookup until the server says the list has ended, reassemble
 * fragmented replies.  The conversation runs over an nm_epm_io, so the
 * same code talks to a socket, replays recorded server bytes in tests,
 * and runs under the fuzzer.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compat_net.h"
#include "epm.h"

/* What we offer; Samba and Windows answer 4280 (0x10b8) too. */
#define MAX_FRAG 4280

/* Reads one PDU (header + body) into pdu. */
static int
recv_pdu(struct nm_epm_io *io, struct nm_buf *pdu, struct nm_pdu_hdr *h,
    size_t *bytes, struct nm_error *err)
{
	uint8_t hdr[NM_PDU_HDR_LEN];

	if (io->recv(io->ctx, hdr, sizeof(hdr), err) != 0)
		return -1;
	if (nm_pdu_hdr_decode(hdr, sizeof(hdr), h, err) != 0)
		return -1;
	nm_buf_reset(pdu);
	nm_buf_add(pdu, hdr, sizeof(hdr));
	if (h->frag_len > NM_PDU_HDR_LEN) {
		size_t body = h->frag_len - NM_PDU_HDR_LEN;

		nm_vec_grow((void **)&pdu->s, &pdu->cap, h->frag_len + 1, 1);
		if (io->recv(io->ctx, pdu->s + pdu->len, body, err) != 0)
			return -1;
		pdu->len += body;
		pdu->s[pdu->len] = '\0';
	}
	*bytes += h->frag_len;
	return 0;
}

static int
fault_error(const uint8_t *p, size_t len, const struct nm_pdu_hdr *h,
    const char *what, struct nm_error *err)
{
	uint32_t st = 0;
	const char *name;

	if (nm_fault_status(p, len, h, &st) != 0)
		return nm_seterr(err, NM_ERR_NET, "%s: the server sent a "
		    "truncated fault PDU", what);
	name = nm_epm_status_name(st);
	return nm_seterr(err, NM_ERR_NET, "%s: the server answered with "
	    "fault 0x%08x%s%s%s", what, st, name ? " (" : "", name ? name : "",
	    name ? ")" : "");
}

static int
do_bind(struct nm_epm_io *io, struct nm_epm_dump *d, struct nm_buf *pdu,
    struct nm_error *err)
{
	struct nm_buf req = { 0 };
	struct nm_pdu_hdr h;
	const uint8_t *p;
	int rc;

	nm_bind_encode(&req, 1, MAX_FRAG);
	rc = io->send(io->ctx, req.s, req.len, err);
	nm_buf_free(&req);
	if (rc != 0 || recv_pdu(io, pdu, &h, &d->bytes, err) != 0)
		return -1;
	p = (const uint8_t *)pdu->s;
	switch (h.ptype) {
	case NM_PDU_BIND_ACK:
		break;
	case NM_PDU_BIND_NAK: {
		uint16_t reason = 0;

		if (nm_bind_nak_reason(p, pdu->len, &h, &reason) != 0)
			return nm_seterr(err, NM_ERR_NET, "the endpoint mapper "
			    "refused the bind (truncated bind_nak)");
		return nm_seterr(err, NM_ERR_NET, "the endpoint mapper refused "
		    "the bind: %s (%u)", nm_bind_reject_name(reason), reason);
	}
	case NM_PDU_FAULT:
		return fault_error(p, pdu->len, &h, "bind", err);
	default:
		return nm_seterr(err, NM_ERR_NET, "bind: expected bind_ack, the "
		    "server sent a %s PDU (type %u)", nm_pdu_type_name(h.ptype),
		    h.ptype);
	}
	if (nm_bind_ack_decode(p, pdu->len, &h, &d->ack, err) != 0)
		return -1;
	if (d->ack.result != 0)
		return nm_seterr(err, NM_ERR_NET, "the endpoint mapper rejected "
		    "the ept interface v3.0: %s (result %u, reason %u)",
		    nm_bind_reject_name(d->ack.reason), d->ack.result,
		    d->ack.reason);
	if (memcmp(&d->ack.syntax, &nm_uuid_ndr, sizeof(nm_uuid_ndr)) != 0 ||
	    d->ack.syntax_vers != 2)
		return nm_seterr(err, NM_ERR_NET, "the endpoint mapper accepted "
		    "a transfer syntax other than NDR v2");
	if (d->ack.max_recv < 64)
		return nm_seterr(err, NM_ERR_NET, "the endpoint mapper accepts "
		    "fragments of only %u bytes", d->ack.max_recv);
	return 0;
}

/* One ept_lookup call: request, then response fragments until LAST. */
static int
do_lookup(struct nm_epm_io *io, struct nm_epm_dump *d, uint32_t call_id,
    struct nm_lookup_reply *rep, struct nm_buf *pdu, struct nm_buf *stub,
    struct nm_error *err)
{
	struct nm_buf req = { 0 };
	struct nm_pdu_hdr h;
	size_t got = 0, before = d->bytes;
	bool first = true, be = false;
	int rc;

	nm_lookup_req_encode(&req, call_id, rep->handle_attr, &rep->handle);
	rc = io->send(io->ctx, req.s, req.len, err);
	nm_buf_free(&req);
	if (rc != 0)
		return -1;
	nm_buf_reset(stub);
	for (;;) {
		const uint8_t *p, *s;
		size_t slen;

		if (recv_pdu(io, pdu, &h, &d->bytes, err) != 0)
			return -1;
		p = (const uint8_t *)pdu->s;
		if (h.ptype == NM_PDU_FAULT)
			return fault_error(p, pdu->len, &h, "ept_lookup", err);
		if (h.ptype != NM_PDU_RESPONSE)
			return nm_seterr(err, NM_ERR_NET, "ept_lookup: expected "
			    "a response, the server sent a %s PDU (type %u)",
			    nm_pdu_type_name(h.ptype), h.ptype);
		if (h.call_id != call_id)
			return nm_seterr(err, NM_ERR_NET, "ept_lookup: reply for "
			    "call %u while waiting for call %u", h.call_id,
			    call_id);
		if (first && !(h.flags & NM_PFC_FIRST_FRAG))
			return nm_seterr(err, NM_ERR_NET, "ept_lookup: reply "
			    "starts without a first fragment");
		if (!first && (h.flags & NM_PFC_FIRST_FRAG))
			return nm_seterr(err, NM_ERR_NET, "ept_lookup: a new "
			    "reply started before the last fragment");
		if (!first && h.be != be)
			return nm_seterr(err, NM_ERR_NET, "ept_lookup: fragments "
			    "disagree on byte order");
		be = h.be;
		first = false;
		if (nm_response_stub(p, pdu->len, &h, &s, &slen, err) != 0)
			return -1;
		got = d->bytes - before;
		if (got > NM_EPM_MAX_REPLY)
			return nm_seterr(err, NM_ERR_NET, "ept_lookup: reply "
			    "larger than %zu MiB, giving up",
			    NM_EPM_MAX_REPLY >> 20);
		nm_buf_add(stub, s, slen);
		if (h.flags & NM_PFC_LAST_FRAG)
			break;
	}
	return nm_lookup_reply_decode((const uint8_t *)stub->s, stub->len, be,
	    rep, &d->e.v, &d->e.n, &d->e.cap, NM_EPM_MAX_ENTRIES - d->e.n,
	    err);
}

int
nm_epm_run(struct nm_epm_io *io, struct nm_epm_dump *d, struct nm_error *err)
{
	struct nm_buf pdu = { 0 }, stub = { 0 };
	struct nm_lookup_reply rep;
	int rc = -1;

	memset(&rep, 0, sizeof(rep));
	if (do_bind(io, d, &pdu, err) != 0)
		goto out;
	for (d->pages = 0; d->pages < NM_EPM_MAX_PAGES; ) {
		if (do_lookup(io, d, (uint32_t)d->pages + 2, &rep, &pdu, &stub,
		    err) != 0)
			goto out;
		d->pages++;
		d->status = rep.status;
		/* Samba: all entries plus "not registered" = end of list. */
		if (rep.status == NM_EPM_NOT_REGISTERED) {
			d->end = "ept_s_not_registered";
			rc = 0;
			goto out;
		}
		if (rep.status != NM_EPM_STATUS_OK) {
			const char *name = nm_epm_status_name(rep.status);

			nm_seterr(err, NM_ERR_NET, "ept_lookup failed with "
			    "status 0x%08x%s%s%s", rep.status,
			    name ? " (" : "", name ? name : "",
			    name ? ")" : "");
			goto out;
		}
		/* Windows: status 0 and a null handle when done. */
		if (rep.handle_null) {
			d->end = "null handle";
			rc = 0;
			goto out;
		}
		/* No entries but "go on" can only loop: stop here. */
		if (rep.num_ents == 0) {
			d->end = "empty page";
			rc = 0;
			goto out;
		}
	}
	nm_seterr(err, NM_ERR_NET, "the endpoint mapper did not end its list "
	    "after %d ept_lookup calls (%zu entries); giving up", d->pages,
	    d->e.n);
out:
	nm_buf_free(&pdu);
	nm_buf_free(&stub);
	return rc;
}

void
nm_epm_dump_free(struct nm_epm_dump *d)
{
	NM_VEC_FREE(&d->e);
}

/* Replay: the recorded bytes are the server; what we send goes nowhere. */
static int
replay_send(void *ctx, const void *p, size_t n, struct nm_error *err)
{
	(void)ctx;
	(void)p;
	(void)n;
	(void)err;
	return 0;
}

static int
replay_recv(void *ctx, void *p, size_t n, struct nm_error *err)
{
	struct nm_epm_replay *r = ctx;

	if (n > r->len - r->off)
		return nm_seterr(err, NM_ERR_NET, "server closed the connection "
		    "(recording ends at byte %zu, %zu more needed)", r->len,
		    n - (r->len - r->off));
	memcpy(p, r->p + r->off, n);
	r->off += n;
	return 0;
}

void
nm_epm_replay_io(struct nm_epm_io *io, struct nm_epm_replay *r)
{
	io->ctx = r;
	io->send = replay_send;
	io->recv = replay_recv;
}

/* Live: a socket, a per-read timeout and an overall deadline. */
struct live {
	struct nm_sock	*s;
	int		 timeout_ms;
	int		 total_ms;
	int64_t		 deadline;
	struct nm_buf	*record;
};

static int
deadline_error(struct live *l, struct nm_error *err)
{
	return nm_seterr(err, NM_ERR_NET, "the endpoint mapper did not "
	    "finish within %d ms; giving up", l->total_ms);
}

static int
live_send(void *ctx, const void *p, size_t n, struct nm_error *err)
{
	struct live *l = ctx;

	if (nm_net_send(l->s, p, n, l->timeout_ms, l->deadline, err) != 0) {
		if (nm_net_now_ms() >= l->deadline)
			return deadline_error(l, err);
		return -1;
	}
	return 0;
}

static int
live_recv(void *ctx, void *p, size_t n, struct nm_error *err)
{
	struct live *l = ctx;

	if (nm_net_recv(l->s, p, n, l->timeout_ms, l->deadline, err) != 0) {
		if (nm_net_now_ms() >= l->deadline)
			return deadline_error(l, err);
		return -1;
	}
	if (l->record != NULL)
		nm_buf_add(l->record, p, n);
	return 0;
}

int
nm_epm_query(const char *host, int port, int timeout_ms,
    struct nm_buf *record, struct nm_epm_dump *d, struct nm_error *err)
{
	struct live l = { 0 };
	struct nm_epm_io io;
	char peer[64];
	int rc;

	if (nm_net_connect(host, port, timeout_ms, &l.s, peer, sizeof(peer),
	    err) != 0)
		return -1;
	l.timeout_ms = timeout_ms;
	l.total_ms = timeout_ms * NM_EPM_DEADLINE_FACTOR;
	l.deadline = nm_net_now_ms() + l.total_ms;
	l.record = record;
	io.ctx = &l;
	io.send = live_send;
	io.recv = live_recv;
	rc = nm_epm_run(&io, d, err);
	nm_net_close(l.s);
	return rc;
}
