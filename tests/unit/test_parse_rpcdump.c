/*
 * test_parse_rpcdump.c - saved endpoint-map dumps as attribution
 * evidence: netmin.rpcdump/1 JSON and Impacket's rpcdump.py text, alone
 * and combined with a netstat capture.
 */
#include <string.h>

#include "epm.h"
#include "harness.h"
#include "util_parse.h"

static const char impacket_text[] =
    "Impacket v0.10.0 - Copyright 2022 SecureAuth Corporation\n"
    "\n"
    "[*] Retrieving endpoint list from 10.0.0.5\n"
    "Protocol: [MS-CMPO]: MSDTC Connection Manager: \n"
    "Provider: msdtcprx.dll \n"
    "UUID    : 906B0CE0-C70B-1067-B317-00DD010662DA v1.0 \n"
    "Bindings: \n"
    "          ncacn_ip_tcp:10.0.0.5[1025]\n"
    "          ncacn_np:\\\\W2K[\\PIPE\\x]\n"
    "\n"
    "Protocol: N/A \n"
    "Provider: N/A \n"
    "UUID    : 5A7B91F8-FF00-11D0-A9B2-00C04FB6E6FC v1.0 Messenger Service\n"
    "Bindings: \n"
    "          ncadg_ip_udp:10.0.0.5[1029]\n"
    "\n"
    "Protocol: N/A \n"
    "Provider: N/A \n"
    "UUID    : 11111111-2222-3333-4444-555555555555 v7.0 mystery\n"
    "Bindings: \n"
    "          ncacn_ip_tcp:10.0.0.5[1031]\n"
    "          ncacn_ip_tcp:10.0.0.5[notaport]\n"
    "UUID    : not-a-uuid v1.0\n"
    "[*] Received 5 endpoints.\n";

TEST(rpcdump_impacket_text)
{
	struct nm_snapshot s;

	CHECK_INT(tparse(&s, impacket_text, NULL), 0);
	CHECK_INT(s.ep.n, 0);
	CHECK_INT(s.rpc.n, 3);
	CHECK_INT(s.rpc.v[0].proto, NM_TCP);
	CHECK_INT(s.rpc.v[0].port, 1025);
	CHECK_STR(s.rpc.v[0].uuid, "906b0ce0-c70b-1067-b317-00dd010662da");
	CHECK_STR(s.rpc.v[0].service, "MSDTC");
	CHECK_STR(s.rpc.v[0].name, "IXnRemote");
	CHECK_STR(s.rpc.v[0].host, "10.0.0.5");
	CHECK_INT(s.rpc.v[0].line, 8);
	CHECK_INT(s.rpc.v[1].proto, NM_UDP);
	CHECK_INT(s.rpc.v[1].port, 1029);
	CHECK_STR(s.rpc.v[1].service, "Messenger");
	CHECK_STR(s.rpc.v[2].service, NULL);
	CHECK_STR(s.rpc.v[2].name, "mystery");
	/* The bad UUID line, and: a map alone attributes nothing. */
	CHECK_INT(s.warn.n, 2);
	if (s.warn.n == 2) {
		CHECK_INT(s.warn.v[0].line, 23);
		CHECK(strstr(s.warn.v[0].message, "UUID line") != NULL);
		CHECK(strstr(s.warn.v[1].message, "add the same host's "
		    "netstat") != NULL);
	}
	nm_snap_free(&s);
}

TEST(rpcdump_json_with_netstat)
{
	struct nm_snapshot s;
	struct nm_input in;
	struct nm_error err = { 0 };
	static const char json[] =
	    "{ \"schema\": \"netmin.rpcdump/1\", \"target\": \"h\",\n"
	    "  \"entries\": [\n"
	    "  { \"uuid\": \"1ff70682-0a51-30e8-076d-740be8cee98b\",\n"
	    "    \"version\": \"1.0\", \"protocol\": \"ncacn_ip_tcp\",\n"
	    "    \"port\": 1026, \"service\": \"Wrong\" },\n"
	    "  { \"uuid\": \"22222222-2222-3333-4444-555555555555\",\n"
	    "    \"version\": \"1.0\", \"protocol\": \"ncadg_ip_udp\",\n"
	    "    \"port\": 1040, \"service\": \"FromDump\" },\n"
	    "  { \"uuid\": \"e1af8308-5d1f-11c9-91a4-08002b14a0fa\",\n"
	    "    \"version\": \"3.0\", \"protocol\": \"ncacn_np\",\n"
	    "    \"endpoint\": \"\\\\pipe\\\\epmapper\", \"port\": null },\n"
	    "  { \"uuid\": \"bad\", \"protocol\": \"ncacn_ip_tcp\", \"port\": 5 },\n"
	    "  { \"uuid\": \"e1af8308-5d1f-11c9-91a4-08002b14a0fa\",\n"
	    "    \"version\": \"3.0\", \"protocol\": \"ncacn_http\",\n"
	    "    \"port\": 593 }\n"
	    "] }\n";

	CHECK_INT(tparse(&s,
	    "  Proto  Local Address          Foreign Address        State\n"
	    "  TCP    0.0.0.0:1026           0.0.0.0:0              LISTENING\n"
	    "  UDP    0.0.0.0:1040           *:*\n", NULL), 0);
	/* tparse finished the snapshot; add the dump, then finish again. */
	CHECK_INT(nm_input_load(&in, "d.json", json, strlen(json), &err), 0);
	CHECK_INT(nm_parse_input(&s, &in, NULL, &err), 0);
	nm_input_free(&in);
	nm_snap_finish(&s);
	CHECK_INT(s.rpc.n, 3);
	CHECK_STR(s.rpc.v[0].service, "Schedule");	/* the table wins */
	CHECK_STR(s.rpc.v[1].service, "FromDump");	/* unknown to it */
	CHECK_INT(s.ep.v[0].nservices, 1);
	if (s.ep.v[0].nservices == 1)
		CHECK_STR(s.ep.v[0].services[0], "Schedule");
	CHECK_INT(s.ep.v[1].nservices, 1);
	if (s.ep.v[1].nservices == 1)
		CHECK_STR(s.ep.v[1].services[0], "FromDump");
	/* bad uuid (line 12) and tcp/593 not open (line 13) */
	CHECK_INT(s.warn.n, 2);
	if (s.warn.n == 2) {
		CHECK_INT(s.warn.v[0].line, 12);
		CHECK_INT(s.warn.v[1].line, 13);
		CHECK(strstr(s.warn.v[1].message, "tcp/593 (epmapper)") != NULL);
	}
	nm_snap_free(&s);
}

TEST(rpcdump_json_errors)
{
	struct nm_snapshot s;
	struct nm_input in;
	struct nm_error err = { 0 };
	static const char *bad[] = {
		"{ \"schema\": \"netmin.rpcdump/1\", \"entries\": [ }\n",
		"{ \"schema\": \"netmin.rpcdump/1\", \"entries\": 3 }\n",
	};
	size_t i;

	for (i = 0; i < NM_NELEM(bad); i++) {
		nm_snap_init(&s);
		CHECK_INT(nm_input_load(&in, "x.json", bad[i], strlen(bad[i]),
		    &err), 0);
		CHECK_INT(nm_parse_input(&s, &in, "rpcdump-json", &err), -1);
		CHECK_INT(err.code, NM_ERR_INPUT);
		CHECK(strncmp(err.msg, "x.json:1:", 9) == 0);
		nm_input_free(&in);
		nm_snap_free(&s);
	}
	nm_snap_init(&s);
	CHECK_INT(nm_input_load(&in, "y.json", "{\"schema\":\"netmin.inventory/1\"}",
	    31, &err), 0);
	CHECK_INT(nm_parse_input(&s, &in, "rpcdump-json", &err), -1);
	CHECK(strstr(err.msg, "not a netmin.rpcdump/1 document") != NULL);
	nm_input_free(&in);
	nm_snap_free(&s);
}
