/*
 * test_epm.c - the endpoint-mapper decoders and client on recorded and
 * hand-built bytes.  tests/data/rpcdump/samba417-standalone.bin is what a
 * real Samba 4.17 samba-dcerpcd sent (netmin rpcdump --record); the other
 * recordings are Windows-style and hostile replies encoded by Impacket
 * (tests/tools/mkept.py), since no Windows endpoint mapper runs here.
 */
#include <stdlib.h>
#include <string.h>

#include "epm.h"
#include "harness.h"

static const struct nm_epm_entry *
find_binding(const struct nm_epm_dump *d, const char *binding)
{
	size_t i;

	for (i = 0; i < d->e.n; i++)
		if (d->e.v[i].has_tower &&
		    strcmp(d->e.v[i].tower.binding, binding) == 0)
			return &d->e.v[i];
	return NULL;
}

/* Runs the client over a recording; returns nm_epm_run's rc. */
static int
replay(const char *name, struct nm_epm_dump *d, struct nm_error *err)
{
	struct nm_buf b = { 0 };
	struct nm_epm_replay r = { 0 };
	struct nm_epm_io io;
	char path[256];
	int rc;

	memset(d, 0, sizeof(*d));
	snprintf(path, sizeof(path), "tests/data/rpcdump/%s", name);
	if (nm_read_file(path, 1 << 20, &b, err) != 0)
		return -2;
	r.p = (const uint8_t *)b.s;
	r.len = b.len;
	nm_epm_replay_io(&io, &r);
	rc = nm_epm_run(&io, d, err);
	nm_buf_free(&b);
	return rc;
}

TEST(epm_samba_recording)
{
	struct nm_epm_dump d;
	struct nm_error err = { 0 };
	const struct nm_epm_entry *e;
	char u[37];

	CHECK_INT(replay("samba417-standalone.bin", &d, &err), 0);
	CHECK_INT(d.e.n, 38);
	CHECK_INT(d.pages, 1);
	CHECK_INT(d.status, NM_EPM_NOT_REGISTERED);
	CHECK_STR(d.end, "ept_s_not_registered");
	CHECK_INT(d.ack.max_xmit, 4280);
	CHECK_STR(d.ack.sec_addr, "135");
	e = find_binding(&d, "ncacn_ip_tcp:198.18.5.2[49153]");
	CHECK(e != NULL);
	if (e != NULL) {
		nm_uuid_str(&e->tower.if_uuid, false, u);
		CHECK_STR(u, "338cd001-2244-31f1-aaaa-900038001003");
		CHECK_INT(e->tower.if_major, 1);
		CHECK_INT(e->tower.port, 49153);
		CHECK_STR(e->tower.host, "198.18.5.2");
		CHECK_STR(e->tower.protseq, "ncacn_ip_tcp");
		CHECK_STR(e->annotation, "winreg");
		CHECK(e->tower.has_syntax);
		CHECK(memcmp(&e->tower.syntax, &nm_uuid_ndr, 16) == 0);
	}
	e = find_binding(&d, "ncacn_np:[\\pipe\\winreg]");
	CHECK(e != NULL);
	if (e != NULL) {
		CHECK_STR(e->tower.endpoint, "\\pipe\\winreg");
		CHECK_STR(e->tower.protseq, "ncacn_np");
		CHECK_INT(e->tower.port, -1);
	}
	e = find_binding(&d, "ncalrpc:[EPMAPPER]");
	CHECK(e != NULL && strcmp(e->tower.protseq, "ncalrpc") == 0);
	CHECK(find_binding(&d, "ncacn_http:0.0.0.0[593]") != NULL);
	nm_epm_dump_free(&d);
}

TEST(epm_windows_paging)
{
	struct nm_epm_dump d;
	struct nm_error err = { 0 };
	const struct nm_epm_entry *e;
	char u[37];

	CHECK_INT(replay("windows-paged.bin", &d, &err), 0);
	CHECK_INT(d.e.n, 11);
	CHECK_INT(d.pages, 2);
	CHECK_STR(d.end, "null handle");
	e = find_binding(&d, "ncacn_np:\\\\W2KSRV[\\PIPE\\atsvc]");
	CHECK(e != NULL && strcmp(e->tower.host, "\\\\W2KSRV") == 0);
	e = find_binding(&d, "ncadg_ip_udp:192.70.106.143[1029]");
	CHECK(e != NULL);
	if (e != NULL) {
		CHECK_STR(e->annotation, "Messenger Service");
		nm_uuid_str(&e->object, true, u);
		CHECK_STR(u, "5A7B91F8-FF00-11D0-A9B2-00C04FB6E6FC");
		CHECK_STR(e->tower.protseq, "ncadg_ip_udp");
	}
	CHECK(find_binding(&d, "ncalrpc:[ntsvcs]") != NULL);
	CHECK(find_binding(&d, "ncacn_http:192.70.106.143[593]") != NULL);
	CHECK(!d.e.v[10].has_tower);
	CHECK_STR(d.e.v[10].annotation, "no tower");
	nm_epm_dump_free(&d);
}

TEST(epm_hostile_recordings)
{
	static const struct {
		const char	*file;
		const char	*msg;
	} cases[] = {
		{ "bind-nak.bin", "refused the bind: protocol version" },
		{ "fault.bin", "fault 0x1c010002 (nca_s_op_rng_error)" },
		{ "status-error.bin", "status 0x16c9a0d2" },
		{ "endless.bin", "did not end its list after 200" },
		{ "overcount.bin", "claims 400 entries" },
		{ "long-annotation.bin", "annotation of 81 bytes" },
		{ "wrong-call.bin", "reply for call 7" },
		{ "truncated.bin", "server closed the connection" },
	};
	size_t i;

	for (i = 0; i < NM_NELEM(cases); i++) {
		struct nm_epm_dump d;
		struct nm_error err = { 0 };

		CHECK_INT(replay(cases[i].file, &d, &err), -1);
		if (strstr(err.msg, cases[i].msg) == NULL)
			nm_test_fail(__FILE__, __LINE__, "%s: \"%s\" lacks "
			    "\"%s\"", cases[i].file, err.msg, cases[i].msg);
		CHECK_INT(err.code, NM_ERR_NET);
		nm_epm_dump_free(&d);
	}
}

TEST(epm_empty_map)
{
	struct nm_epm_dump d;
	struct nm_error err = { 0 };

	CHECK_INT(replay("empty.bin", &d, &err), 0);
	CHECK_INT(d.e.n, 0);
	CHECK_STR(d.end, "ept_s_not_registered");
	nm_epm_dump_free(&d);
}

TEST(epm_requests)
{
	struct nm_buf b = { 0 };
	struct nm_uuid h;
	const uint8_t *p;

	nm_bind_encode(&b, 1, 4280);
	p = (const uint8_t *)b.s;
	CHECK_INT(b.len, 72);
	CHECK_INT(p[0], 5);
	CHECK_INT(p[2], NM_PDU_BIND);
	CHECK_INT(p[3], 3);
	CHECK_INT(p[4], 0x10);
	CHECK_INT(p[8] | p[9] << 8, 72);
	/* The ept UUID as it goes on the wire: first three fields LE. */
	CHECK(memcmp(p + 32, "\x08\x83\xaf\xe1\x1f\x5d\xc9\x11\x91\xa4\x08"
	    "\x00\x2b\x14\xa0\xfa\x03\x00\x00\x00", 20) == 0);
	CHECK(memcmp(p + 52, "\x04\x5d\x88\x8a\xeb\x1c\xc9\x11\x9f\xe8\x08"
	    "\x00\x2b\x10\x48\x60\x02\x00\x00\x00", 20) == 0);
	nm_buf_reset(&b);
	CHECK_INT(nm_uuid_parse("11111111-2222-3333-4444-555555555555", 36,
	    &h), 0);
	nm_lookup_req_encode(&b, 9, 0, &h);
	p = (const uint8_t *)b.s;
	CHECK_INT(b.len, 64);
	CHECK_INT(p[12], 9);
	CHECK_INT(p[22], 2);			/* opnum */
	CHECK_INT(p[24 + 12], 1);		/* vers_option */
	CHECK(memcmp(p + 24 + 20, "\x11\x11\x11\x11\x22\x22\x33\x33\x44\x44",
	    10) == 0);
	CHECK_INT(p[60] | p[61] << 8, 500);	/* max_ents */
	nm_buf_free(&b);
}

TEST(epm_header_checks)
{
	struct nm_pdu_hdr h;
	struct nm_error err = { 0 };
	uint8_t ok[16] = { 5, 0, 2, 3, 0x10, 0, 0, 0, 24, 0, 0, 0, 1, 0, 0, 0 };
	uint8_t be[16] = { 5, 0, 2, 3, 0x00, 0, 0, 0, 0, 24, 0, 0, 0, 0, 0, 1 };
	uint8_t v;

	CHECK_INT(nm_pdu_hdr_decode(ok, 16, &h, &err), 0);
	CHECK_INT(h.frag_len, 24);
	CHECK_INT(h.call_id, 1);
	CHECK(!h.be);
	CHECK_INT(nm_pdu_hdr_decode(be, 16, &h, &err), 0);
	CHECK(h.be);
	CHECK_INT(h.frag_len, 24);
	CHECK_INT(h.call_id, 1);
	CHECK_INT(nm_pdu_hdr_decode(ok, 15, &h, &err), -1);
	v = ok[0];
	ok[0] = 4;
	CHECK_INT(nm_pdu_hdr_decode(ok, 16, &h, &err), -1);
	CHECK(strstr(err.msg, "version 4.0") != NULL);
	ok[0] = v;
	ok[8] = 15;
	CHECK_INT(nm_pdu_hdr_decode(ok, 16, &h, &err), -1);
	ok[8] = 24;
	ok[10] = 8;				/* auth_len 8 > 24-16-8 */
	CHECK_INT(nm_pdu_hdr_decode(ok, 16, &h, &err), -1);
	ok[10] = 0;
	ok[4] = 0x20;				/* unknown integer rep */
	CHECK_INT(nm_pdu_hdr_decode(ok, 16, &h, &err), -1);
}

/* Builds a tower from (lhs id, rhs bytes) floors after the two syntaxes. */
static size_t
mktower(uint8_t *out, const char *floors, size_t flen, int nfloors)
{
	static const uint8_t head[] = {
		0x0d, 0x08, 0x83, 0xaf, 0xe1, 0x1f, 0x5d, 0xc9, 0x11, 0x91,
		0xa4, 0x08, 0x00, 0x2b, 0x14, 0xa0, 0xfa, 0x03, 0x00 };
	size_t o = 0;

	out[o++] = (uint8_t)nfloors;
	out[o++] = 0;
	out[o++] = 19; out[o++] = 0;
	memcpy(out + o, head, 19); o += 19;
	out[o++] = 2; out[o++] = 0; out[o++] = 0; out[o++] = 0;
	out[o++] = 19; out[o++] = 0;
	out[o++] = 0x0d;
	memcpy(out + o, "\x04\x5d\x88\x8a\xeb\x1c\xc9\x11\x9f\xe8\x08\x00\x2b"
	    "\x10\x48\x60\x02\x00", 18); o += 18;
	out[o++] = 2; out[o++] = 0; out[o++] = 0; out[o++] = 0;
	memcpy(out + o, floors, flen);
	return o + flen;
}

#define MKTOWER(buf, s, nf) mktower(buf, s, sizeof(s) - 1, nf)

TEST(epm_towers)
{
	uint8_t t[256];
	struct nm_tower tw;
	struct nm_error err = { 0 };
	size_t n;

	/* ncacn_ip_tcp: 0x0b, port 49667 big-endian, 10.1.2.3 */
	n = MKTOWER(t, "\x01\x00\x0b\x02\x00\x00\x00"
	    "\x01\x00\x07\x02\x00\xc2\x03"
	    "\x01\x00\x09\x04\x00\x0a\x01\x02\x03", 5);
	CHECK_INT(nm_tower_decode(t, n, &tw, &err), 0);
	CHECK_STR(tw.binding, "ncacn_ip_tcp:10.1.2.3[49667]");
	CHECK_INT(tw.port, 49667);
	CHECK_INT(tw.if_major, 3);
	CHECK_INT(tw.rpc_proto, 0x0b);
	/* The same without its host floor still names the port. */
	CHECK_INT(nm_tower_decode(t, n - 9, &tw, &err), -1);
	t[0] = 4;
	CHECK_INT(nm_tower_decode(t, n - 9, &tw, &err), 0);
	CHECK_STR(tw.binding, "ncacn_ip_tcp:[49667]");
	/* An IP floor without an endpoint floor. */
	n = MKTOWER(t, "\x01\x00\x0b\x02\x00\x00\x00"
	    "\x01\x00\x09\x04\x00\x0a\x01\x02\x03", 4);
	CHECK_INT(nm_tower_decode(t, n, &tw, &err), 0);
	CHECK_STR(tw.binding, "IP: 10.1.2.3");
	/* An unknown endpoint protocol, and a non-printable pipe name. */
	n = MKTOWER(t, "\x01\x00\x0b\x02\x00\x00\x00"
	    "\x01\x00\x42\x02\x00\x00\x00", 4);
	CHECK_INT(nm_tower_decode(t, n, &tw, &err), 0);
	CHECK_STR(tw.binding, "unknown_proto_0x42:[0]");
	CHECK(tw.protseq == NULL);
	n = MKTOWER(t, "\x01\x00\x0b\x02\x00\x00\x00"
	    "\x01\x00\x0f\x05\x00\x1b[2Jx", 4);
	CHECK_INT(nm_tower_decode(t, n, &tw, &err), 0);
	CHECK_STR(tw.binding, "ncacn_np:[?[2Jx]");
	/* Counts that do not fit. */
	t[0] = 17;
	CHECK_INT(nm_tower_decode(t, n, &tw, &err), -1);
	CHECK(strstr(err.msg, "17 floors") != NULL);
	t[0] = 4;
	CHECK_INT(nm_tower_decode(t, n - 1, &tw, &err), -1);
	CHECK(strstr(err.msg, "floor 4 runs past") != NULL);
	CHECK_INT(nm_tower_decode(t, 1, &tw, &err), -1);
}

TEST(epm_uuid_text)
{
	struct nm_uuid u;
	char s[37];

	CHECK_INT(nm_uuid_parse("e1af8308-5d1f-11c9-91A4-08002B14A0FA", 36,
	    &u), 0);
	CHECK(memcmp(&u, &nm_uuid_epm, 16) == 0);
	nm_uuid_str(&u, true, s);
	CHECK_STR(s, "E1AF8308-5D1F-11C9-91A4-08002B14A0FA");
	CHECK_INT(nm_uuid_parse("e1af8308-5d1f-11c9-91a4-08002b14a0f", 35,
	    &u), -1);
	CHECK_INT(nm_uuid_parse("e1af8308x5d1f-11c9-91a4-08002b14a0fa", 36,
	    &u), -1);
	CHECK_INT(nm_uuid_parse("g1af8308-5d1f-11c9-91a4-08002b14a0fa", 36,
	    &u), -1);
}

TEST(rpcif_table)
{
	struct nm_uuid u;
	const struct nm_rpcif *r;
	size_t i;

	CHECK(nm_nrpcifs >= 100);
	for (i = 0; i < nm_nrpcifs; i++) {
		CHECK_INT(nm_uuid_parse(nm_rpcifs[i].uuid, 36, &u), 0);
		CHECK(nm_rpcifs[i].source[0] != '\0');
		CHECK(nm_rpcif_find(&u, nm_rpcifs[i].major == -1 ? 77 :
		    nm_rpcifs[i].major) == &nm_rpcifs[i]);
	}
	nm_uuid_parse("338CD001-2244-31F1-AAAA-900038001003", 36, &u);
	r = nm_rpcif_find(&u, 1);
	CHECK(r != NULL && strcmp(r->service, "RemoteRegistry") == 0);
	CHECK(nm_rpcif_find(&u, 2) == NULL);
	nm_uuid_parse("3FAF4738-3A21-4307-B46C-FDDA9BB8C0D5", 36, &u);
	r = nm_rpcif_find(&u, 257);
	CHECK(r != NULL && strcmp(r->service, "AudioSrv") == 0);
}

/* One entry without a tower, status 0: the smallest valid reply. */
TEST(epm_reply_limits)
{
	uint8_t stub[20 + 4 + 12 + 28 + 4];
	struct nm_lookup_reply rep;
	struct nm_epm_entry *v = NULL;
	struct nm_error err = { 0 };
	size_t n = 0, cap = 0;

	memset(stub, 0, sizeof(stub));
	stub[20] = 1;			/* num_ents */
	stub[24] = 1;			/* max_count */
	stub[32] = 1;			/* actual_count */
	CHECK_INT(nm_lookup_reply_decode(stub, sizeof(stub), false, &rep, &v,
	    &n, &cap, 1, &err), 0);
	CHECK_INT(n, 1);
	CHECK(rep.handle_null);
	CHECK(!v[0].has_tower);
	/* The caller's room is the dump's entry cap. */
	n = 0;
	CHECK_INT(nm_lookup_reply_decode(stub, sizeof(stub), false, &rep, &v,
	    &n, &cap, 0, &err), -1);
	CHECK(strstr(err.msg, "exceeds 10000 entries") != NULL);
	CHECK_INT(n, 0);
	/* A tower pointer with no tower after the array. */
	stub[36 + 16] = 2;
	CHECK_INT(nm_lookup_reply_decode(stub, sizeof(stub), false, &rep, &v,
	    &n, &cap, 1, &err), -1);
	CHECK(strstr(err.msg, "truncated") != NULL);
	CHECK_INT(n, 0);
	/* More entries claimed than the array says. */
	stub[36 + 16] = 0;
	stub[20] = 2;
	CHECK_INT(nm_lookup_reply_decode(stub, sizeof(stub), false, &rep, &v,
	    &n, &cap, 9, &err), -1);
	CHECK(strstr(err.msg, "inconsistent") != NULL);
	free(v);
}
