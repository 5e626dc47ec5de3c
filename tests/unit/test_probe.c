/*
 * test_probe.c - port lists, UDP probe payloads and reply decoders.
 *
 * The files in tests/data/probe/ are real replies to netmin's own probes, recorded
 * from the daemons tests/integration/scan.sh runs (dnsmasq 2.90, chrony
 * 4.3, Samba 4.17 nmbd, net-snmp 5.9, strongSwan 5.9.8, minissdpd 1.6,
 * avahi 0.8) with NETMIN_SCAN_NONCE=0x12345678.  LLMNR, WS-Discovery and
 * connectionless DCE/RPC have no answering peer on this machine (no
 * LLMNR responder is packaged without systemd-resolved taking over the
 * resolver, wsdd answers multicast probes only, Samba has no ncadg_ip_udp),
 * so their replies are built here from the specifications.
 */
#include <stdint.h>
#include <string.h>

#include "harness.h"
#include "probe.h"

/* The first nonce a scan with NETMIN_SCAN_NONCE=0x12345678 uses. */
static uint32_t
rec_nonce(void)
{
	uint32_t x = 0x12345678u;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	return x;
}

static struct nm_probe_ctx
ctx4(uint32_t nonce, uint8_t a, uint8_t b, uint8_t c, uint8_t d)
{
	struct nm_probe_ctx x;

	memset(&x, 0, sizeof(x));
	x.nonce = nonce;
	x.family = NM_INET;
	x.addr[0] = a;
	x.addr[1] = b;
	x.addr[2] = c;
	x.addr[3] = d;
	return x;
}

/* Decodes a recording with the probe of that port; returns the detail. */
static const char *
decode_rec(const char *file, unsigned port, int *rc)
{
	static char det[300];
	struct nm_buf b = { 0 };
	struct nm_error err = { 0 };
	struct nm_probe_ctx c = ctx4(rec_nonce(), 198, 18, 4, 2);
	const struct nm_udp_probe *p = nm_udp_probe_for(port);
	char path[256];

	snprintf(path, sizeof(path), "tests/data/probe/%s", file);
	det[0] = '\0';
	*rc = -1;
	if (p == NULL || nm_read_file(path, 1 << 16, &b, &err) != 0)
		return "(cannot read)";
	*rc = p->decode((const uint8_t *)b.s, b.len, &c, det, sizeof(det));
	/* The same bytes under another nonce are not our answer. */
	c.nonce ^= 0x01010101u;
	if (port != 1900 && p->decode((const uint8_t *)b.s, b.len, &c, det,
	    sizeof(det)) != 0)
		*rc = -2;
	c.nonce ^= 0x01010101u;
	(void)p->decode((const uint8_t *)b.s, b.len, &c, det, sizeof(det));
	nm_buf_free(&b);
	return det;
}

TEST(probe_ports_parse)
{
	struct nm_portset ps;
	struct nm_error err = { 0 };
	uint16_t list[16];

	memset(&ps, 0, sizeof(ps));
	CHECK_INT(nm_ports_parse("22,80,8000-8002, 80", NM_TCP, &ps, &err), 0);
	CHECK_INT(ps.count[NM_TCP], 5);
	CHECK_INT(ps.count[NM_UDP], 0);
	CHECK_INT(nm_ports_list(&ps, NM_TCP, list), 5);
	CHECK_INT(list[0], 22);
	CHECK_INT(list[4], 8002);

	memset(&ps, 0, sizeof(ps));
	CHECK_INT(nm_ports_parse("T:135,139,U:137-138", -1, &ps, &err), 0);
	CHECK_INT(ps.count[NM_TCP], 2);
	CHECK_INT(ps.count[NM_UDP], 2);
	CHECK(nm_ports_has(&ps, NM_UDP, 138));
	CHECK(!nm_ports_has(&ps, NM_UDP, 139));

	memset(&ps, 0, sizeof(ps));
	CHECK_INT(nm_ports_parse("53", -1, &ps, &err), 0);
	CHECK(nm_ports_has(&ps, NM_TCP, 53) && nm_ports_has(&ps, NM_UDP, 53));

	memset(&ps, 0, sizeof(ps));
	CHECK_INT(nm_ports_parse("-", NM_TCP, &ps, &err), 0);
	CHECK_INT(ps.count[NM_TCP], 65535);
	memset(&ps, 0, sizeof(ps));
	CHECK_INT(nm_ports_parse("-1024,65000-", NM_TCP, &ps, &err), 0);
	CHECK_INT(ps.count[NM_TCP], 1024 + 536);
	memset(&ps, 0, sizeof(ps));
	CHECK_INT(nm_ports_parse("all", NM_UDP, &ps, &err), 0);
	CHECK_INT(ps.count[NM_UDP], 65535);

	CHECK_INT(nm_ports_parse("0", NM_TCP, &ps, &err), -1);
	CHECK_INT(err.code, NM_ERR_USAGE);
	CHECK_INT(nm_ports_parse("65536", NM_TCP, &ps, &err), -1);
	CHECK_INT(nm_ports_parse("90-80", NM_TCP, &ps, &err), -1);
	CHECK_STR(err.msg, "bad port range '90-80': 90 is above 80");
	CHECK_INT(nm_ports_parse("", NM_TCP, &ps, &err), -1);
	CHECK_INT(nm_ports_parse("22,", NM_TCP, &ps, &err), -1);
	CHECK_INT(nm_ports_parse("22,,23", NM_TCP, &ps, &err), -1);
	CHECK_INT(nm_ports_parse("ssh", NM_TCP, &ps, &err), -1);
	CHECK_STR(err.msg, "bad port 'ssh' in 'ssh' (ports are 1-65535; "
	    "ranges are LOW-HIGH)");
	CHECK_INT(nm_ports_parse("T:", NM_TCP, &ps, &err), -1);
}

TEST(probe_names)
{
	CHECK_STR(nm_pstate_name(NM_PS_OPEN_FILTERED), "open|filtered");
	CHECK_STR(nm_pstate_name(NM_PS_FILTERED), "filtered");
	CHECK_STR(nm_preason_name(NM_PR_PORT_UNREACH), "port-unreachable");
	CHECK_STR(nm_udp_probe_for(137)->service, "netbios-ns");
	CHECK_STR(nm_udp_probe_for(5355)->service, "llmnr");
	CHECK(nm_udp_probe_for(9999) == NULL);
}

TEST(probe_payloads)
{
	struct nm_probe_ctx c = ctx4(0xa1b2c3d4u, 198, 18, 4, 2);
	uint8_t b[1500];
	size_t n;

	/* RFC 1002 4.2.17: 12-byte header, "*" name, NBSTAT IN. */
	n = nm_udp_probe_for(137)->build(b, sizeof(b), &c);
	CHECK_INT(n, 50);
	CHECK_INT(b[0] << 8 | b[1], 0xc3d4);
	CHECK_INT(b[5], 1);
	CHECK_INT(b[12], 32);
	CHECK(memcmp(b + 13, "CKAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", 32) == 0);
	CHECK_INT(b[47], 0x21);

	/* RFC 5905: version 4, mode 3 (client), 48 bytes. */
	n = nm_udp_probe_for(123)->build(b, sizeof(b), &c);
	CHECK_INT(n, 48);
	CHECK_INT(b[0], 0x23);

	/* SNMP: v2c first, v1 on the recheck; same request-id. */
	n = nm_udp_probe_for(161)->build(b, sizeof(b), &c);
	CHECK_INT(n, 43);
	CHECK_INT(b[4], 1);
	c.try_no = 1;
	(void)nm_udp_probe_for(161)->build(b, sizeof(b), &c);
	CHECK_INT(b[4], 0);
	c.try_no = 0;

	/* IKEv2 IKE_SA_INIT: header length equals the datagram. */
	n = nm_udp_probe_for(500)->build(b, sizeof(b), &c);
	CHECK_INT(n, 28 + 48 + 264 + 36);
	CHECK_INT((size_t)(b[24] << 24 | b[25] << 16 | b[26] << 8 | b[27]), n);
	CHECK_INT(b[17], 0x20);
	CHECK_INT(b[18], 34);
	n = nm_udp_probe_for(4500)->build(b, sizeof(b), &c);
	CHECK_INT(n, 4 + 28 + 48 + 264 + 36);
	CHECK(b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] == 0);

	/* DCE/RPC CL request: version 4, epmapper v3, opnum 2, 40-byte body. */
	n = nm_udp_probe_for(135)->build(b, sizeof(b), &c);
	CHECK_INT(n, 120);
	CHECK_INT(b[0], 4);
	CHECK_INT(b[1], 0);
	CHECK_INT(b[24], 0x08);
	CHECK_INT(b[60], 3);
	CHECK_INT(b[68], 2);
	CHECK_INT(b[74], 40);

	/* LLMNR: PTR for the reverse name of the target. */
	n = nm_udp_probe_for(5355)->build(b, sizeof(b), &c);
	CHECK_INT(n, 12 + 25 + 4);
	CHECK(memcmp(b + 12, "\0012\0014\00218\003198\007in-addr\004arpa", 25)
	    == 0);

	n = nm_udp_probe_for(1900)->build(b, sizeof(b), &c);
	CHECK(n > 0 && memcmp(b, "M-SEARCH * HTTP/1.1\r\n", 21) == 0);
	n = nm_udp_probe_for(3702)->build(b, sizeof(b), &c);
	CHECK(n > 0 && strstr((const char *)b, "<wsd:Probe>") != NULL);
	CHECK(nm_udp_probe_for(3702)->build(b, 100, &c) == 0);
}

TEST(probe_recorded_replies)
{
	int rc;

	CHECK_STR(decode_rec("dns-dnsmasq.bin", 53, &rc),
	    "rcode NOERROR, version \"dnsmasq-2.90\"");
	CHECK_INT(rc, 1);
	CHECK_STR(decode_rec("ntp-chrony.bin", 123, &rc),
	    "NTPv4 server, stratum 10, refid 127.127.1.1");
	CHECK_INT(rc, 1);
	CHECK_STR(decode_rec("netbios-nmbd.bin", 137, &rc),
	    "name NMTPEER, workgroup NMTGRP, 7 names, "
	    "MAC 00:00:00:00:00:00");
	CHECK_INT(rc, 1);
	CHECK_STR(decode_rec("snmp-netsnmp.bin", 161, &rc),
	    "SNMPv2c, sysDescr \"netmin test agent\"");
	CHECK_INT(rc, 1);
	CHECK_STR(decode_rec("ike-strongswan.bin", 500, &rc),
	    "IKEv2 IKE_SA_INIT response, notify NO_PROPOSAL_CHOSEN");
	CHECK_INT(rc, 1);
	CHECK_STR(decode_rec("ike-natt-strongswan.bin", 4500, &rc),
	    "IKEv2 IKE_SA_INIT response, notify NO_PROPOSAL_CHOSEN");
	CHECK_INT(rc, 1);
	CHECK_STR(decode_rec("ssdp-minissdpd.bin", 1900, &rc),
	    "server Linux/6 UPnP/1.1 netmin-test/1, st upnp:rootdevice, "
	    "location http://198.18.4.2:5000/rootDesc.xml");
	CHECK_INT(rc, 1);
	CHECK_STR(decode_rec("mdns-avahi.bin", 5353, &rc),
	    "services _workstation._tcp.local");
	CHECK_INT(rc, 1);
}

/* A DNS-format answer: header, our question, one PTR answer. */
static size_t
llmnr_answer(uint8_t *b, uint16_t id)
{
	static const uint8_t q[] = "\0012\0014\00218\003198\007in-addr\004arpa";
	size_t n = 0;

	b[n++] = (uint8_t)(id >> 8);
	b[n++] = (uint8_t)id;
	b[n++] = 0x80;			/* QR, opcode 0 */
	b[n++] = 0x00;
	b[n++] = 0; b[n++] = 1;		/* QDCOUNT */
	b[n++] = 0; b[n++] = 1;		/* ANCOUNT */
	b[n++] = 0; b[n++] = 0; b[n++] = 0; b[n++] = 0;
	memcpy(b + n, q, sizeof(q));	/* name + root label */
	n += sizeof(q);
	b[n++] = 0; b[n++] = 12; b[n++] = 0; b[n++] = 1;
	b[n++] = 0xc0; b[n++] = 12;	/* pointer to the question name */
	b[n++] = 0; b[n++] = 12; b[n++] = 0; b[n++] = 1;
	b[n++] = 0; b[n++] = 0; b[n++] = 0; b[n++] = 30;
	b[n++] = 0; b[n++] = 9;
	memcpy(b + n, "\007winhost\0", 9);
	n += 9;
	return n;
}

TEST(probe_built_replies)
{
	struct nm_probe_ctx c = ctx4(0x0badcafeu, 198, 18, 4, 2);
	uint8_t b[600], req[1500];
	char det[200];
	size_t n;

	n = llmnr_answer(b, 0xcafe);
	CHECK_INT(nm_dec_llmnr(b, n, &c, det, sizeof(det)), 1);
	CHECK_STR(det, "name winhost");
	CHECK_INT(nm_dec_llmnr(b, n - 1, &c, det, sizeof(det)), 1);
	CHECK_STR(det, "1 answers, rcode 0");
	b[3] = 0;
	b[1] ^= 1;
	CHECK_INT(nm_dec_llmnr(b, n, &c, det, sizeof(det)), 0);

	/* A compression loop must not hang or overrun. */
	n = llmnr_answer(b, 0xcafe);
	b[12] = 0xc0;
	b[13] = 12;
	CHECK_INT(nm_dec_llmnr(b, n, &c, det, sizeof(det)), 0);

	/* C706 12.5: a reject PDU answering our activity, status nca_unk_if. */
	n = nm_udp_probe_for(135)->build(req, sizeof(req), &c);
	memcpy(b, req, 80);
	b[1] = 6;
	b[74] = 4;
	b[80] = 0x03; b[81] = 0x00; b[82] = 0x01; b[83] = 0x1c;
	CHECK_INT(nm_dec_dcerpc_cl(b, 84, &c, det, sizeof(det)), 1);
	CHECK_STR(det, "DCE/RPC CL reject status 0x1c010003 (nca_unk_if)");
	b[1] = 0;			/* a request is not an answer */
	CHECK_INT(nm_dec_dcerpc_cl(b, 84, &c, det, sizeof(det)), 0);
	b[1] = 2;			/* response: num_ents after the handle */
	b[74] = 28;
	memset(b + 80, 0, 28);
	b[100] = 3;
	CHECK_INT(nm_dec_dcerpc_cl(b, 108, &c, det, sizeof(det)), 1);
	CHECK_STR(det, "DCE/RPC CL response to ept_lookup, 3 entries");
	b[45] ^= 0xff;			/* someone else's activity */
	CHECK_INT(nm_dec_dcerpc_cl(b, 108, &c, det, sizeof(det)), 0);
	(void)n;

	/* WS-Discovery ProbeMatches relating to our MessageID. */
	n = nm_udp_probe_for(3702)->build(req, sizeof(req), &c);
	{
		const char *id = strstr((const char *)req, "urn:uuid:");
		char msg[600];

		CHECK(id != NULL);
		snprintf(msg, sizeof(msg),
		    "<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/"
		    "soap-envelope\" xmlns:wsd=\"http://schemas.xmlsoap.org/"
		    "ws/2005/04/discovery\"><soap:Header><wsa:RelatesTo>%.45s"
		    "</wsa:RelatesTo></soap:Header><soap:Body>"
		    "<wsd:ProbeMatches><wsd:ProbeMatch><wsd:Types>wsdp:Device "
		    "pub:Computer</wsd:Types><wsd:XAddrs>http://198.18.4.2:5357/"
		    "x</wsd:XAddrs></wsd:ProbeMatch></wsd:ProbeMatches>"
		    "</soap:Body></soap:Envelope>", id);
		CHECK_INT(nm_dec_wsd((const uint8_t *)msg, strlen(msg), &c,
		    det, sizeof(det)), 1);
		CHECK_STR(det, "types wsdp:Device pub:Computer, xaddrs "
		    "http://198.18.4.2:5357/x");
		c.nonce++;
		CHECK_INT(nm_dec_wsd((const uint8_t *)msg, strlen(msg), &c,
		    det, sizeof(det)), 0);
	}

	/* Truncated and empty inputs are never an answer. */
	CHECK_INT(nm_dec_ntp(b, 47, &c, det, sizeof(det)), 0);
	CHECK_INT(nm_dec_snmp(b, 0, &c, det, sizeof(det)), 0);
	CHECK_INT(nm_dec_ike(b, 27, &c, det, sizeof(det)), 0);
	CHECK_INT(nm_dec_netbios(b, 11, &c, det, sizeof(det)), 0);
	CHECK_INT(nm_dec_ssdp((const uint8_t *)"HTTP/1.1 404 Not Found\r\n\r\n",
	    26, &c, det, sizeof(det)), 0);
	CHECK_INT(nm_dec_dns(b, 0, &c, det, 0), 0);
}
