/*
 * test_exec_win.c - the portable half of the Windows executors: registry
 * data and paths, multi-string edits, descriptions, journal records, plan
 * actions -> ops on recorded hosts, dependants, and the lockout guard.
 *
 * Recorded data stands in for what wine cannot show (said in
 * tests/integration/win-apply.sh): a Remote Desktop session, a WinRM
 * session, EnumDependentServices and group dependencies.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "exec_win.h"
#include "harness.h"
#include "json.h"
#include "src_win.h"

static bool
bytes_eq(const char *d, size_t len, const char *want, size_t wlen)
{
	return len == wlen && memcmp(d, want, len) == 0;
}

#define CHECK_BYTES(d, len, lit) CHECK(bytes_eq((d), (len), (lit), \
	sizeof(lit) - 1))

TEST(win_reg_encode)
{
	struct nm_arena a = { 0 };
	struct nm_error err = { 0 };
	char *d;
	size_t n;

	CHECK_INT(nm_win_reg_encode(&a, NM_REG_DWORD, "0", &d, &n, &err), 0);
	CHECK_BYTES(d, n, "\0\0\0\0");
	CHECK_INT(nm_win_reg_encode(&a, NM_REG_DWORD, "0x11223344", &d, &n,
	    &err), 0);
	CHECK_BYTES(d, n, "\x44\x33\x22\x11");
	CHECK_INT(nm_win_reg_encode(&a, NM_REG_DWORD, "4294967295", &d, &n,
	    &err), 0);
	CHECK_BYTES(d, n, "\xff\xff\xff\xff");
	CHECK_INT(nm_win_reg_encode(&a, NM_REG_DWORD, "4294967296", &d, &n,
	    &err), -1);
	CHECK_STR(err.msg, "\"4294967296\" is not a REG_DWORD number "
	    "(decimal or 0x-hex)");
	CHECK_INT(nm_win_reg_encode(&a, NM_REG_DWORD, "-1", &d, &n, &err), -1);
	CHECK_INT(nm_win_reg_encode(&a, NM_REG_DWORD, "", &d, &n, &err), -1);
	CHECK_INT(nm_win_reg_encode(&a, NM_REG_DWORD, "0x", &d, &n, &err), -1);
	CHECK_INT(nm_win_reg_encode(&a, NM_REG_QWORD, "18446744073709551615",
	    &d, &n, &err), 0);
	CHECK_BYTES(d, n, "\xff\xff\xff\xff\xff\xff\xff\xff");
	CHECK_INT(nm_win_reg_encode(&a, NM_REG_QWORD, "18446744073709551616",
	    &d, &n, &err), -1);
	/* UTF-16LE, a surrogate pair for U+1D11E, the NUL */
	CHECK_INT(nm_win_reg_encode(&a, NM_REG_SZ, "G\xc3\xbc\xf0\x9d\x84\x9e",
	    &d, &n, &err), 0);
	CHECK_BYTES(d, n, "G\0\xfc\0\x34\xd8\x1e\xdd\0\0");
	CHECK_INT(nm_win_reg_encode(&a, NM_REG_EXPAND_SZ, "", &d, &n, &err), 0);
	CHECK_BYTES(d, n, "\0\0");
	CHECK_INT(nm_win_reg_encode(&a, NM_REG_MULTI_SZ, "a\nbc", &d, &n,
	    &err), 0);
	CHECK_BYTES(d, n, "a\0\0\0b\0c\0\0\0\0\0");
	CHECK_INT(nm_win_reg_encode(&a, NM_REG_MULTI_SZ, "", &d, &n, &err), 0);
	CHECK_BYTES(d, n, "\0\0");
	CHECK_INT(nm_win_reg_encode(&a, NM_REG_MULTI_SZ, "a\n", &d, &n, &err),
	    -1);
	CHECK_STR(err.msg, "a REG_MULTI_SZ cannot hold an empty item");
	CHECK_INT(nm_win_reg_encode(&a, NM_REG_MULTI_SZ, "a\n\nb", &d, &n,
	    &err), -1);
	CHECK_INT(nm_win_reg_encode(&a, NM_REG_MULTI_SZ, "\na", &d, &n, &err),
	    -1);
	CHECK_INT(nm_win_reg_encode(&a, NM_REG_BINARY, "00fF10", &d, &n, &err),
	    0);
	CHECK_BYTES(d, n, "\x00\xff\x10");
	CHECK_INT(nm_win_reg_encode(&a, NM_REG_BINARY, "0", &d, &n, &err), -1);
	CHECK_INT(nm_win_reg_encode(&a, NM_REG_BINARY, "0g", &d, &n, &err), -1);
	CHECK_INT(nm_win_reg_encode(&a, NM_REG_LINK, "x", &d, &n, &err), -1);
	CHECK_STR(err.msg, "netmin does not write REG_LINK values");
	CHECK_INT(nm_win_reg_encode(&a, NM_REG_SZ, NULL, &d, &n, &err), -1);
	nm_afree(&a);
}

TEST(win_reg_names)
{
	const char *sub;

	CHECK_INT(nm_win_hive("HKLM\\SOFTWARE\\x y", &sub), NM_HIVE_HKLM);
	CHECK_STR(sub, "SOFTWARE\\x y");
	CHECK_INT(nm_win_hive("hkey_local_machine\\S", &sub), NM_HIVE_HKLM);
	CHECK_STR(sub, "S");
	CHECK_INT(nm_win_hive("HKCU\\a", &sub), NM_HIVE_HKCU);
	CHECK_INT(nm_win_hive("HKEY_USERS\\a", &sub), NM_HIVE_HKU);
	CHECK_INT(nm_win_hive("HKCR\\a", &sub), NM_HIVE_HKCR);
	CHECK_INT(nm_win_hive("HKCC\\a", &sub), NM_HIVE_HKCC);
	CHECK_INT(nm_win_hive("HKLM", &sub), NM_HIVE_HKLM);
	CHECK_STR(sub, "");
	CHECK_INT(nm_win_hive("HKLMX\\a", &sub), NM_HIVE_NONE);
	CHECK_INT(nm_win_hive("SOFTWARE\\a", &sub), NM_HIVE_NONE);
	CHECK_INT(nm_win_hive("HKLM\\a\\\\b", &sub), NM_HIVE_NONE);
	CHECK_INT(nm_win_hive("HKLM\\a\\", &sub), NM_HIVE_NONE);
	CHECK_INT(nm_win_hive("HKLM\\\\a", &sub), NM_HIVE_NONE);
	CHECK_INT(nm_win_hive(NULL, &sub), NM_HIVE_NONE);
	CHECK_STR(nm_win_hive_name(NM_HIVE_HKU), "HKU");
	CHECK_INT(nm_win_start_from_name("Disabled"), 4);
	CHECK_INT(nm_win_start_from_name("manual"), 3);
	CHECK_INT(nm_win_start_from_name("demand"), 3);
	CHECK_INT(nm_win_start_from_name("auto"), 2);
	CHECK_INT(nm_win_start_from_name("boot"), 0);
	CHECK_INT(nm_win_start_from_name("delayed"), -1);
	CHECK_INT(nm_win_reg_type_from_name("reg_multi_sz"), NM_REG_MULTI_SZ);
	CHECK_INT(nm_win_reg_type_from_name("REG_QWORD"), NM_REG_QWORD);
	CHECK_INT(nm_win_reg_type_from_name("REG_WORD"), -1);
}

/* "a\0b\0\0" as UTF-16LE, from "a\nb". */
static size_t
multi(struct nm_arena *a, const char *items, char **d)
{
	size_t n;

	nm_win_reg_encode(a, NM_REG_MULTI_SZ, items, d, &n, NULL);
	return n;
}

TEST(win_multi_edit)
{
	struct nm_arena a = { 0 };
	struct nm_buf out = { 0 };
	char *d, *w;
	size_t n, wn;

	n = multi(&a, "ncacn_ip_tcp\nncacn_spx\nNCACN_IP_TCP", &d);
	wn = multi(&a, "ncacn_spx", &w);
	CHECK_INT(nm_win_multi_edit(true, NM_REG_MULTI_SZ, d, n,
	    "ncacn_ip_tcp", false, &out), 1);
	CHECK(bytes_eq(out.s, out.len, w, wn));
	CHECK_INT(nm_win_multi_edit(true, NM_REG_MULTI_SZ, d, n, "ncacn_nb",
	    false, &out), 0);
	CHECK_INT(nm_win_multi_edit(false, 0, NULL, 0, "x", false, &out), 0);
	CHECK_INT(nm_win_multi_edit(true, NM_REG_MULTI_SZ, d, n, "NCACN_SPX",
	    true, &out), 0);
	CHECK_INT(nm_win_multi_edit(true, NM_REG_MULTI_SZ, w, wn, "dr\xc3\xbc",
	    true, &out), 1);
	wn = multi(&a, "ncacn_spx\ndr\xc3\xbc", &w);
	CHECK(bytes_eq(out.s, out.len, w, wn));
	CHECK_INT(nm_win_multi_edit(false, 0, NULL, 0, "one", true, &out), 1);
	wn = multi(&a, "one", &w);
	CHECK(bytes_eq(out.s, out.len, w, wn));
	/* the only item goes: an empty list */
	n = multi(&a, "one", &d);
	CHECK_INT(nm_win_multi_edit(true, NM_REG_MULTI_SZ, d, n, "one", false,
	    &out), 1);
	CHECK_BYTES(out.s, out.len, "\0\0");
	CHECK_INT(nm_win_multi_edit(true, NM_REG_SZ, d, n, "one", false, &out),
	    -1);
	/* a list without its final NUL is read to its end */
	CHECK_INT(nm_win_multi_edit(true, NM_REG_MULTI_SZ, "a\0\0\0b\0", 6, "c",
	    true, &out), 1);
	CHECK_BYTES(out.s, out.len, "a\0\0\0b\0\0\0c\0\0\0\0\0");
	nm_buf_free(&out);
	nm_afree(&a);
}

static void
describe(const struct nm_op *op, char *out, size_t len)
{
	struct nm_buf b = { 0 };

	nm_op_describe(op, &b);
	snprintf(out, len, "%s", b.s ? b.s : "");
	nm_buf_free(&b);
}

TEST(win_op_describe_noop)
{
	struct nm_op op;
	char s[400];

	memset(&op, 0, sizeof(op));
	op.kind = NM_OP_SVC_STOP;
	op.service = "W3SVC";
	op.of = "IISADMIN";
	describe(&op, s, sizeof(s));
	CHECK_STR(s, "stop service W3SVC (it depends on IISADMIN)");
	op.prior.have = true;
	op.prior.state = 4;
	describe(&op, s, sizeof(s));
	CHECK_STR(s, "stop service W3SVC (running -> stopped; it depends on "
	    "IISADMIN)");
	CHECK(!nm_op_noop(&op));
	op.prior.state = 1;
	CHECK(nm_op_noop(&op));

	memset(&op, 0, sizeof(op));
	op.kind = NM_OP_SVC_START_TYPE;
	op.service = "Spooler";
	op.start = 4;
	describe(&op, s, sizeof(s));
	CHECK_STR(s, "set start type of Spooler (disabled)");
	op.prior.have = true;
	op.prior.start = 2;
	op.prior.delayed = op.prior.delayed_known = true;
	describe(&op, s, sizeof(s));
	CHECK_STR(s, "set start type of Spooler (auto, delayed -> disabled)");
	CHECK(!nm_op_noop(&op));
	op.prior.start = 4;
	CHECK(nm_op_noop(&op));

	memset(&op, 0, sizeof(op));
	op.kind = NM_OP_REG_SET;
	op.key = "HKLM\\SOFTWARE\\Microsoft\\Rpc";
	op.value = "";
	op.type = NM_REG_MULTI_SZ;
	op.data = "a\0\0\0b\0\0\0\0\0";
	op.len = 10;
	op.prior.have = true;
	describe(&op, s, sizeof(s));
	CHECK_STR(s, "set HKLM\\SOFTWARE\\Microsoft\\Rpc\\(Default) = "
	    "\"a\\0b\" REG_MULTI_SZ (was absent, key absent)");
	op.prior.exists = op.prior.key_exists = true;
	op.prior.type = NM_REG_DWORD;
	op.prior.data = "\x07\0\0\0";
	op.prior.len = 4;
	describe(&op, s, sizeof(s));
	CHECK_STR(s, "set HKLM\\SOFTWARE\\Microsoft\\Rpc\\(Default) = "
	    "\"a\\0b\" REG_MULTI_SZ (was \"7\" REG_DWORD)");
	CHECK(!nm_op_noop(&op));
	op.prior.type = NM_REG_MULTI_SZ;
	op.prior.data = op.data;
	op.prior.len = op.len;
	CHECK(nm_op_noop(&op));
	op.prior.len = 8;	/* same text, other bytes: not the same */
	CHECK(!nm_op_noop(&op));

	/* long values are cut at 60 characters, never inside UTF-8 */
	memset(&op, 0, sizeof(op));
	op.kind = NM_OP_REG_DELETE;
	op.key = "HKLM\\S";
	op.value = "V";
	op.prior.have = op.prior.exists = op.prior.key_exists = true;
	op.prior.type = NM_REG_SZ;
	{
		struct nm_buf b = { 0 };
		int i;

		for (i = 0; i < 59; i++)
			nm_buf_add(&b, "x\0", 2);
		nm_buf_add(&b, "\xfc\0\xfc\0\0\0", 6);
		op.prior.data = b.s;
		op.prior.len = b.len;
		describe(&op, s, sizeof(s));
		CHECK_STR(s, "delete HKLM\\S\\V (was \"xxxxxxxxxxxxxxxxxxxxxxxxxx"
		    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\xc3\xbc...\" REG_SZ)");
		CHECK(!nm_op_noop(&op));
		nm_buf_free(&b);
	}
	op.prior.exists = false;
	CHECK(nm_op_noop(&op));

	memset(&op, 0, sizeof(op));
	op.kind = NM_OP_REG_MULTI_REMOVE;
	op.key = "HKLM\\SOFTWARE\\Microsoft\\Rpc";
	op.value = "DCOM Protocols";
	op.data = "ncacn_ip_tcp";
	op.prior.have = op.prior.key_exists = true;
	describe(&op, s, sizeof(s));
	CHECK_STR(s, "remove \"ncacn_ip_tcp\" from HKLM\\SOFTWARE\\Microsoft\\"
	    "Rpc\\DCOM Protocols (was absent)");
	CHECK(nm_op_noop(&op));
	op.kind = NM_OP_REG_MULTI_ADD;
	CHECK(!nm_op_noop(&op));

	memset(&op, 0, sizeof(op));
	op.kind = NM_OP_REG_KEY_CREATE;
	op.key = "HKLM\\SOFTWARE\\N";
	describe(&op, s, sizeof(s));
	CHECK_STR(s, "create registry key HKLM\\SOFTWARE\\N");
	op.prior.have = true;
	CHECK(!nm_op_noop(&op));
	op.prior.exists = true;
	CHECK(nm_op_noop(&op));
	CHECK_STR(nm_op_kind_name(NM_OP_REG_MULTI_ADD), "registry-multi-add");
	CHECK_INT(nm_op_kind_from_name("service-start-type"),
	    NM_OP_SVC_START_TYPE);
	CHECK_STR(nm_mgr_name(NM_MGR_WINDOWS), "windows");
	CHECK_INT(nm_mgr_from_name("windows"), NM_MGR_WINDOWS);
}

/* Op -> journal line -> parsed -> op: every field comes back. */
static int
roundtrip(struct nm_arena *a, const struct nm_op *in, struct nm_op *out,
    struct nm_journal_log *log, struct nm_error *err)
{
	struct nm_buf b = { 0 };
	struct nm_jrec *r;
	int rc;

	r = nm_jrec_new(a, "begin");
	nm_jrec_str(a, r, "schema", NM_JOURNAL_SCHEMA);
	nm_jrec_format(r, &b);
	r = nm_jrec_new(a, "op");
	nm_jrec_int(a, r, "i", 1);
	nm_op_to_record(a, in, r);
	nm_jrec_format(r, &b);
	rc = nm_journal_parse(log, b.s, b.len, err);
	nm_buf_free(&b);
	if (rc != 0 || log->rec.n != 2)
		return -1;
	return nm_op_from_record(&log->arena, &log->rec.v[1], out, err);
}

static const char *
record_line(struct nm_arena *a, const struct nm_op *op)
{
	struct nm_buf b = { 0 };
	struct nm_jrec *r = nm_jrec_new(a, "op");
	const char *s;

	nm_op_to_record(a, op, r);
	nm_jrec_format(r, &b);
	s = nm_astrndup(a, b.s, b.len - 21);	/* without the CRC */
	nm_buf_free(&b);
	return s;
}

TEST(win_op_records)
{
	struct nm_arena a = { 0 };
	struct nm_error err = { 0 };
	struct nm_journal_log log;
	struct nm_op in, out;
	static const char name[] = "Wert-\xc3\xbcn\xc3\xaf" "c\xc3\xb6"
	    "d\xc3\xa9-\xe6\x97\xa5\xe6\x9c\xac";

	memset(&in, 0, sizeof(in));
	in.kind = NM_OP_SVC_START_TYPE;
	in.group = 3;
	in.step = 2;
	in.service = "Spooler";
	in.start = 4;
	in.why = "x";
	in.prior.have = true;
	in.prior.start = 2;
	CHECK_STR(record_line(&a, &in), "{\"t\":\"op\",\"kind\":\"service-"
	    "start-type\",\"group\":3,\"step\":2,\"service\":\"Spooler\","
	    "\"start\":\"disabled\",\"start_code\":4,\"why\":\"x\",\"prior\":"
	    "true,\"prior_start\":\"auto\",\"prior_start_code\":2,"
	    "\"prior_delayed\":null");
	CHECK_INT(roundtrip(&a, &in, &out, &log, &err), 0);
	CHECK_INT(out.kind, NM_OP_SVC_START_TYPE);
	CHECK_INT(out.group, 3);
	CHECK_INT(out.step, 2);
	CHECK_STR(out.service, "Spooler");
	CHECK_STR(out.why, "x");
	CHECK_INT(out.start, 4);
	CHECK_INT(out.prior.start, 2);
	CHECK(out.prior.have && !out.prior.delayed_known);
	nm_journal_log_free(&log);
	in.prior.delayed_known = in.prior.delayed = true;
	CHECK_INT(roundtrip(&a, &in, &out, &log, &err), 0);
	CHECK(out.prior.delayed_known && out.prior.delayed);
	nm_journal_log_free(&log);

	memset(&in, 0, sizeof(in));
	in.kind = NM_OP_SVC_STOP;
	in.service = "W3SVC";
	in.of = "IISADMIN";
	in.prior.have = true;
	in.prior.state = 7;
	CHECK_INT(roundtrip(&a, &in, &out, &log, &err), 0);
	CHECK_STR(out.of, "IISADMIN");
	CHECK_INT(out.prior.state, 7);
	nm_journal_log_free(&log);

	/* registry: non-ASCII name, binary prior with NULs, exact bytes */
	memset(&in, 0, sizeof(in));
	in.kind = NM_OP_REG_SET;
	in.key = "HKLM\\SOFTWARE\\Schl\xc3\xbcssel";
	in.value = name;
	in.type = NM_REG_SZ;
	in.data = "G\0\xfc\0\0\0";
	in.len = 6;
	in.prior.have = in.prior.exists = in.prior.key_exists = true;
	in.prior.type = 0x12345678;	/* a type netmin never writes */
	in.prior.data = "\0\xff\0";
	in.prior.len = 3;
	CHECK_INT(roundtrip(&a, &in, &out, &log, &err), 0);
	CHECK_STR(out.key, in.key);
	CHECK_STR(out.value, name);
	CHECK_INT(out.type, NM_REG_SZ);
	CHECK(bytes_eq(out.data, out.len, in.data, in.len));
	CHECK(out.prior.exists && out.prior.key_exists);
	CHECK_INT(out.prior.type, 0x12345678);
	CHECK(bytes_eq(out.prior.data, out.prior.len, "\0\xff\0", 3));
	nm_journal_log_free(&log);
	in.prior.exists = in.prior.key_exists = false;
	CHECK_STR(record_line(&a, &in), "{\"t\":\"op\",\"kind\":\"registry-"
	    "set\",\"group\":0,\"key\":\"HKLM\\\\SOFTWARE\\\\Schl\xc3\xbcssel"
	    "\",\"value\":\"Wert-\xc3\xbcn\xc3\xaf" "c\xc3\xb6" "d\xc3\xa9-"
	    "\xe6\x97\xa5\xe6\x9c\xac\",\"type\":\"REG_SZ\",\"type_code\":1,"
	    "\"data\":\"RwD8AAAA\",\"prior\":true,\"prior_key_exists\":false,"
	    "\"prior_exists\":false");
	CHECK_INT(roundtrip(&a, &in, &out, &log, &err), 0);
	CHECK(!out.prior.exists && !out.prior.key_exists && out.prior.have);
	nm_journal_log_free(&log);

	memset(&in, 0, sizeof(in));
	in.kind = NM_OP_REG_MULTI_REMOVE;
	in.key = "HKLM\\SOFTWARE\\Microsoft\\Rpc";
	in.value = "DCOM Protocols";
	in.data = "ncacn_ip_tcp";
	CHECK_INT(roundtrip(&a, &in, &out, &log, &err), 0);
	CHECK_STR(out.data, "ncacn_ip_tcp");
	CHECK_INT(out.len, 12);
	CHECK(!out.prior.have);
	nm_journal_log_free(&log);

	memset(&in, 0, sizeof(in));
	in.kind = NM_OP_REG_KEY_CREATE;
	in.key = "HKLM\\SOFTWARE\\N";
	in.prior.have = true;
	CHECK_INT(roundtrip(&a, &in, &out, &log, &err), 0);
	CHECK(out.prior.have && !out.prior.exists);
	CHECK(out.value == NULL);
	nm_journal_log_free(&log);
	nm_afree(&a);
}

/* A record as a hand-edited or damaged journal might hold it. */
static const char *
from_line(const char *fields)
{
	static char msg[512];
	struct nm_journal_log log;
	struct nm_error err = { 0 };
	struct nm_arena a = { 0 };
	struct nm_buf b = { 0 };
	struct nm_jrec *r;
	struct nm_op op;
	char line[1024];
	int rc;

	r = nm_jrec_new(&a, "begin");
	nm_jrec_str(&a, r, "schema", NM_JOURNAL_SCHEMA);
	nm_jrec_format(r, &b);
	snprintf(line, sizeof(line), "{\"t\":\"op\",\"i\":1,%s", fields);
	nm_buf_puts(&b, line);
	nm_buf_printf(&b, ",\"crc32\":\"%08x\"}\n", (unsigned)nm_crc32(line,
	    strlen(line)));
	rc = nm_journal_parse(&log, b.s, b.len, &err);
	if (rc == 0 && log.rec.n == 2)
		rc = nm_op_from_record(&log.arena, &log.rec.v[1], &op, &err);
	else
		snprintf(err.msg, sizeof(err.msg), "not parsed");
	snprintf(msg, sizeof(msg), "%s", rc == 0 ? "ok" : err.msg);
	nm_journal_log_free(&log);
	nm_buf_free(&b);
	nm_afree(&a);
	return msg;
}

TEST(win_op_records_bad)
{
	CHECK_STR(from_line("\"kind\":\"service-stop\",\"group\":1"),
	    "line 2: a service op without \"service\"");
	CHECK_STR(from_line("\"kind\":\"service-start-type\",\"group\":1,"
	    "\"service\":\"a\",\"start_code\":5"),
	    "line 2: \"start_code\" missing or out of range");
	CHECK_STR(from_line("\"kind\":\"registry-set\",\"group\":1,\"key\":"
	    "\"SOFTWARE\\\\x\",\"value\":\"v\""),
	    "line 2: a registry op without a usable \"key\"");
	CHECK_STR(from_line("\"kind\":\"registry-delete\",\"group\":1,\"key\":"
	    "\"HKLM\\\\x\""), "line 2: a registry op without \"value\"");
	CHECK_STR(from_line("\"kind\":\"registry-set\",\"group\":1,\"key\":"
	    "\"HKLM\\\\x\",\"value\":\"\",\"type_code\":4,\"data\":\"AAA\""),
	    "line 2: bad \"data\"");
	CHECK_STR(from_line("\"kind\":\"registry-multi-add\",\"group\":1,"
	    "\"key\":\"HKLM\\\\x\",\"value\":\"v\",\"item\":\"\""),
	    "line 2: a multi-string op without \"item\"");
	CHECK_STR(from_line("\"kind\":\"registry-delete\",\"group\":1,\"key\":"
	    "\"HKLM\\\\x\",\"value\":\"v\",\"prior\":true,\"prior_exists\":"
	    "true,\"prior_type_code\":4"),
	    "line 2: bad \"prior_data\"");
	CHECK_STR(from_line("\"kind\":\"service-stop\",\"group\":1,\"service\":"
	    "\"a\",\"prior\":true,\"prior_state_code\":8"),
	    "line 2: \"prior_state_code\" missing or out of range");
	CHECK_STR(from_line("\"kind\":\"registry-delete\",\"group\":1,\"key\":"
	    "\"HKLM\\\\x\",\"value\":\"\",\"prior\":true,\"prior_exists\":"
	    "false"), "ok");
	CHECK_STR(from_line("\"kind\":\"registry-delete\",\"group\":1,\"key\":"
	    "\"HKLM\\\\x\",\"value\":\"a\xff\""),
	    "line 2: a name that is not UTF-8");
	CHECK_STR(from_line("\"kind\":\"service-stop\",\"group\":1,"
	    "\"service\":\"\xed\xa0\x80\""),
	    "line 2: a name that is not UTF-8");
}

/* ---- plan actions on a recorded host ----------------------------------- */

struct fakehost {
	struct nm_win_svcinfo *svcs;
	size_t		 nsvcs;
	const char	*enum_deps[4];	/* what EnumDependentServices says */
	const char	*keys[8];	/* keys that exist */
	const char	*subkeys[4];	/* of any key */
	int		 calls;
};

static int
f_services(void *arg, struct nm_arena *a, struct nm_win_svcinfo **v,
    size_t *n, struct nm_error *err)
{
	struct fakehost *h = arg;

	(void)a;
	(void)err;
	h->calls++;
	*v = h->svcs;
	*n = h->nsvcs;
	return 0;
}

static int
f_dependants(void *arg, const char *svc, struct nm_arena *a,
    const char ***v, size_t *n, struct nm_error *err)
{
	struct fakehost *h = arg;

	(void)svc;
	(void)a;
	(void)err;
	*v = h->enum_deps;
	for (*n = 0; *n < 4 && h->enum_deps[*n]; (*n)++)
		;
	return 0;
}

static int
f_subkeys(void *arg, const char *key, struct nm_arena *a, const char ***v,
    size_t *n, struct nm_error *err)
{
	struct fakehost *h = arg;

	(void)key;
	(void)a;
	(void)err;
	*v = h->subkeys;
	for (*n = 0; *n < 4 && h->subkeys[*n]; (*n)++)
		;
	return 0;
}

static int
f_key_exists(void *arg, const char *key, bool *exists, struct nm_error *err)
{
	struct fakehost *h = arg;
	size_t i;

	(void)err;
	*exists = false;
	for (i = 0; i < 8 && h->keys[i]; i++)
		if (nm_streq_ci(h->keys[i], key))
			*exists = true;
	return 0;
}

static const char *grp_deps[] = { "+SMB" };
static const char *dep_a[] = { "IISADMIN" };
static const char *dep_b[] = { "W3SVC", "Other" };
static const char *cycle_a[] = { "CycB" };
static const char *cycle_b[] = { "CycA", "IISADMIN" };

static struct nm_win_svcinfo recorded[] = {
	{ "IISADMIN", "SMB", NULL, 0, 4 },
	{ "W3SVC", "", dep_a, 1, 4 },		/* by name */
	{ "SMTPSVC", "", grp_deps, 1, 4 },	/* through the group */
	{ "WebSub", "", dep_b, 2, 4 },		/* depends on W3SVC */
	{ "Stopped", "", dep_a, 1, 1 },		/* stopped: stays */
	{ "CycA", "", cycle_a, 1, 4 },		/* a loop: visited once */
	{ "CycB", "", cycle_b, 2, 4 },
	{ "Spooler", "", NULL, 0, 4 },
	{ "Extra", "", NULL, 0, 4 },
};

/* ops of one JSON action on the recorded host, as "kind:target" lines */
static const char *
build(struct fakehost *fh, const char *json, struct nm_error *err)
{
	static char out[2048];
	struct nm_arena a = { 0 };
	struct nm_win_host host = { fh, f_services, f_dependants, f_subkeys,
	    f_key_exists };
	struct nm_win_build b = { 0 };
	struct nm_jv *doc;
	size_t i, k;
	int rc = 0;

	b.a = &a;
	b.host = &host;
	b.plan = "p.json";
	doc = nm_json_parse(json, strlen(json), &a, err);
	out[0] = '\0';
	for (i = 0; doc != NULL && i < nm_jv_len(doc) && rc == 0; i++) {
		b.group = (int)i + 1;
		rc = nm_win_action_ops(&b, nm_jv_at(doc, i), 7, "why", err);
	}
	if (doc == NULL || rc != 0) {
		snprintf(out, sizeof(out), "error: %s", err->msg);
	} else {
		for (k = 0; k < b.ops.n; k++) {
			const struct nm_op *op = &b.ops.v[k];
			size_t len = strlen(out);

			snprintf(out + len, sizeof(out) - len, "%s%s:%s%s%s",
			    k ? "|" : "", nm_op_kind_name(op->kind),
			    op->service ? op->service : op->key,
			    op->value ? "\\" : "", op->value ? op->value : "");
			CHECK_INT(op->step, 7);
			CHECK_STR(op->why, "why");
		}
		for (k = 0; k < b.notes.n; k++) {
			size_t len = strlen(out);

			snprintf(out + len, sizeof(out) - len, "|note: %s",
			    b.notes.v[k]);
		}
	}
	nm_win_build_free(&b);
	nm_afree(&a);
	return out;
}

TEST(win_plan_services)
{
	struct fakehost fh = { recorded, NM_NELEM(recorded), { NULL },
	    { NULL }, { NULL }, 0 };
	struct nm_error err = { 0 };

	/* dependants deepest first, by name and by group; then the service */
	CHECK_STR(build(&fh, "[{\"kind\":\"service\",\"service\":\"iisadmin\","
	    "\"start\":\"disabled\",\"stop\":true}]", &err),
	    "service-stop:WebSub|service-stop:W3SVC|service-stop:SMTPSVC|"
	    "service-stop:CycA|service-stop:CycB|service-stop:IISADMIN|"
	    "service-start-type:IISADMIN");
	CHECK_INT(fh.calls, 1);
	/* Windows' own list and the plan's come first; no duplicates */
	fh.enum_deps[0] = "SMTPSVC";
	fh.enum_deps[1] = "Spooler";
	CHECK_STR(build(&fh, "[{\"kind\":\"service\",\"service\":\"W3SVC\","
	    "\"stop\":true,\"dependants\":[\"Extra\",\"WebSub\",\"Stopped\","
	    "\"NotHere\",\"W3SVC\"]}]", &err),
	    "service-stop:Extra|service-stop:SMTPSVC|service-stop:Spooler|"
	    "service-stop:WebSub|service-stop:W3SVC");
	fh.enum_deps[0] = fh.enum_deps[1] = NULL;
	/* start type only: nothing stops */
	CHECK_STR(build(&fh, "[{\"kind\":\"service\",\"service\":\"Spooler\","
	    "\"start\":\"manual\"}]", &err), "service-start-type:Spooler");
	CHECK_STR(build(&fh, "[{\"kind\":\"service\",\"service\":\"Absent\","
	    "\"start\":\"disabled\"}]", &err), "error: p.json:1:30: service "
	    "\"Absent\" is not installed here");
	CHECK_STR(build(&fh, "[{\"kind\":\"service\",\"service\":\"Spooler\","
	    "\"start\":\"delayed\"}]", &err), "error: p.json:1:48: unknown "
	    "start type \"delayed\" (boot, system, auto, demand, disabled)");
	CHECK_STR(build(&fh, "[{\"kind\":\"service\",\"service\":\"Spooler\"}]",
	    &err), "error: p.json:1:2: the action for Spooler changes nothing "
	    "(no \"start\", \"stop\" false)");
	CHECK_STR(build(&fh, "[{\"kind\":\"service\"}]", &err),
	    "error: p.json:1:2: a service action needs \"service\"");
	CHECK_STR(build(&fh, "[{\"kind\":\"command\",\"commands\":[\"x\"]}]",
	    &err), "error: p.json:1:2: netmin does not run \"command\" "
	    "actions on Windows (it changes services and the registry through "
	    "their APIs); write the plan as a script with 'netmin plan --plan "
	    "PLAN --emit cmd'");
	CHECK_STR(build(&fh, "[{\"kind\":\"filter\"}]", &err), "error: "
	    "p.json:1:2: a \"filter\" action is advice for a firewall, not a "
	    "change apply makes; make the plan with --no-filter");
	CHECK_STR(build(&fh, "[{\"kind\":\"unit\",\"units\":[\"a\"]}]", &err),
	    "error: p.json:1:2: action kind \"unit\" is a Linux action; "
	    "netmin.exe makes service, registry and netbios actions");
	CHECK_STR(build(&fh, "[1]", &err),
	    "error: p.json:1:2: an action must be an object");
}

TEST(win_plan_registry)
{
	struct fakehost fh = { recorded, NM_NELEM(recorded), { NULL },
	    { "HKLM\\SOFTWARE", "HKLM\\SOFTWARE\\A", NULL },
	    { "Tcpip_{1}", "tcpip_{2}", "Tcpip6_{3}", NULL }, 0 };
	struct nm_error err = { 0 };

	/* missing keys, one op per level, once per build */
	CHECK_STR(build(&fh, "[{\"kind\":\"registry\",\"key\":\"HKLM\\\\"
	    "SOFTWARE\\\\A\\\\B\\\\C\",\"value\":\"v\",\"type\":\"REG_DWORD\","
	    "\"data\":\"1\"},{\"kind\":\"registry\",\"op\":\"multi-add\","
	    "\"key\":\"HKLM\\\\SOFTWARE\\\\A\\\\B\\\\C\",\"value\":\"w\","
	    "\"data\":\"x\"},{\"kind\":\"registry\",\"op\":\"delete\",\"key\":"
	    "\"HKLM\\\\NoSuch\\\\K\",\"value\":\"v\"},{\"kind\":\"registry\","
	    "\"op\":\"multi-remove\",\"key\":\"HKLM\\\\SOFTWARE\\\\A\",\"value\":"
	    "\"DCOM Protocols\",\"type\":\"REG_MULTI_SZ\",\"data\":"
	    "\"ncacn_ip_tcp\"}]", &err),
	    "registry-key-create:HKLM\\SOFTWARE\\A\\B|"
	    "registry-key-create:HKLM\\SOFTWARE\\A\\B\\C|"
	    "registry-set:HKLM\\SOFTWARE\\A\\B\\C\\v|"
	    "registry-multi-add:HKLM\\SOFTWARE\\A\\B\\C\\w|"
	    "registry-delete:HKLM\\NoSuch\\K\\v|"
	    "registry-multi-remove:HKLM\\SOFTWARE\\A\\DCOM Protocols");
	/* per adapter: Tcpip_* in any case, not Tcpip6_ */
	CHECK_STR(build(&fh, "[{\"kind\":\"netbios\",\"key\":\"HKLM\\\\SOFTWARE"
	    "\",\"subkeys\":\"Tcpip_*\",\"value\":\"NetbiosOptions\",\"type\":"
	    "\"REG_DWORD\",\"data\":\"2\"}]", &err),
	    "registry-set:HKLM\\SOFTWARE\\Tcpip_{1}\\NetbiosOptions|"
	    "registry-set:HKLM\\SOFTWARE\\tcpip_{2}\\NetbiosOptions");
	CHECK_STR(build(&fh, "[{\"kind\":\"netbios\",\"key\":\"HKLM\\\\SOFTWARE"
	    "\",\"subkeys\":\"Tcpip6_{3}\",\"value\":\"NetbiosOptions\",\"type\":"
	    "\"REG_DWORD\",\"data\":\"2\"}]", &err),
	    "registry-set:HKLM\\SOFTWARE\\Tcpip6_{3}\\NetbiosOptions");
	CHECK_STR(build(&fh, "[{\"kind\":\"netbios\",\"key\":\"HKLM\\\\SOFTWARE"
	    "\",\"subkeys\":\"Nbt_*\",\"value\":\"NetbiosOptions\",\"type\":"
	    "\"REG_DWORD\",\"data\":\"2\"}]", &err), "|note: p.json:1:2: no "
	    "subkey of HKLM\\SOFTWARE matches Nbt_*: nothing to change there");
	CHECK_STR(build(&fh, "[{\"kind\":\"netbios\",\"key\":\"HKLM\\\\SOFTWARE"
	    "\",\"subkeys\":\"a*b\",\"value\":\"v\",\"type\":\"REG_DWORD\","
	    "\"data\":\"2\"}]", &err), "error: p.json:1:53: \"subkeys\" is a "
	    "name or a prefix followed by one '*'");
	/* bad input: where and why */
	CHECK_STR(build(&fh, "[{\"kind\":\"registry\",\"key\":\"SOFTWARE\\\\A\","
	    "\"value\":\"v\",\"type\":\"REG_SZ\",\"data\":\"x\"}]", &err),
	    "error: p.json:1:27: \"key\" must be a full registry path such as "
	    "HKLM\\SOFTWARE\\... (not \"SOFTWARE\\A\")");
	CHECK_STR(build(&fh, "[{\"kind\":\"registry\",\"key\":\"HKLM\\\\A\","
	    "\"type\":\"REG_SZ\",\"data\":\"x\"}]", &err), "error: p.json:1:2: "
	    "a registry action needs \"value\" (\"\" for the key's default "
	    "value)");
	CHECK_STR(build(&fh, "[{\"kind\":\"registry\",\"key\":\"HKLM\\\\A\","
	    "\"value\":\"v\",\"data\":\"x\"}]", &err), "error: p.json:1:2: a "
	    "registry set needs \"type\" (REG_DWORD, REG_SZ, REG_EXPAND_SZ, "
	    "REG_MULTI_SZ, REG_QWORD, REG_BINARY)");
	CHECK_STR(build(&fh, "[{\"kind\":\"registry\",\"key\":\"HKLM\\\\A\","
	    "\"value\":\"v\",\"type\":\"REG_DWORD\",\"data\":\"x\"}]", &err),
	    "error: p.json:1:75: HKLM\\A\\v: \"x\" is not a REG_DWORD number "
	    "(decimal or 0x-hex)");
	CHECK_STR(build(&fh, "[{\"kind\":\"registry\",\"op\":\"rename\",\"key\":"
	    "\"HKLM\\\\A\",\"value\":\"v\"}]", &err), "error: p.json:1:26: "
	    "unknown registry op \"rename\" (set, delete, multi-remove, "
	    "multi-add)");
	CHECK_STR(build(&fh, "[{\"kind\":\"registry\",\"op\":\"multi-add\","
	    "\"key\":\"HKLM\\\\A\",\"value\":\"v\",\"data\":\"a\\nb\"}]", &err),
	    "error: p.json:1:73: a multi-string edit takes one item in "
	    "\"data\"");
	CHECK_STR(build(&fh, "[{\"kind\":\"registry\",\"op\":\"multi-add\","
	    "\"key\":\"HKLM\\\\A\",\"value\":\"v\",\"type\":\"REG_SZ\",\"data\":"
	    "\"a\"}]", &err), "error: p.json:1:73: a multi-string edit is for "
	    "REG_MULTI_SZ values");
}

TEST(win_dependants_direct)
{
	struct nm_arena a = { 0 };
	const char **v;
	size_t n;

	nm_win_dependants(recorded, NM_NELEM(recorded), "CycA", &a, &v, &n);
	CHECK_INT(n, 1);
	CHECK_STR(n ? v[0] : NULL, "CycB");
	nm_win_dependants(recorded, NM_NELEM(recorded), "Spooler", &a, &v, &n);
	CHECK_INT(n, 0);
	nm_win_dependants(recorded, NM_NELEM(recorded), "Nope", &a, &v, &n);
	CHECK_INT(n, 0);
	nm_afree(&a);
}

static const char *
guard(const struct nm_win_guard_facts *f, int kind, const char *svc,
    const char *key, const char *value)
{
	static char out[300];
	struct nm_win_guard g;
	struct nm_op op;
	const char *name, *why;

	memset(&op, 0, sizeof(op));
	op.kind = kind;
	op.service = svc;
	op.key = key;
	op.value = value;
	nm_win_guard_make(&g, f);
	why = nm_win_guard_check(&g, &op, &name);
	snprintf(out, sizeof(out), "%s%s%s", why ? name : "-", why ? ": " : "",
	    why ? why : "");
	return out;
}

/* Recorded sessions: wine has no Remote Desktop or WinRM to show. */
TEST(win_guard)
{
	static const char *winrm[] = { "powershell.exe", "wsmprovhost.exe",
	    "svchost.exe" };
	static const char *ssh[] = { "cmd.exe", "sshd.exe", "sshd.exe",
	    "services.exe" };
	struct nm_win_guard_facts none = { 0 };
	struct nm_win_guard_facts rdp = { .rdp = true };
	struct nm_win_guard_facts wr = { .ancestors = winrm, .nancestors = 3 };
	struct nm_win_guard_facts sh = { .ancestors = ssh, .nancestors = 4,
	    .ssh = "198.18.11.1 50022 198.18.11.2 22" };
	struct nm_win_guard g;

	CHECK_STR(guard(&none, NM_OP_SVC_STOP, "TermService", NULL, NULL), "-");
	CHECK_STR(guard(&rdp, NM_OP_SVC_STOP, "termservice", NULL, NULL),
	    "termservice: this is a Remote Desktop session (SM_REMOTESESSION)");
	CHECK_STR(guard(&rdp, NM_OP_SVC_START_TYPE, "TermService", NULL, NULL),
	    "TermService: this is a Remote Desktop session (SM_REMOTESESSION)");
	CHECK_STR(guard(&rdp, NM_OP_SVC_STOP, "WinRM", NULL, NULL), "-");
	CHECK_STR(guard(&rdp, NM_OP_REG_SET, NULL, "HKLM\\SYSTEM\\"
	    "CurrentControlSet\\Control\\Terminal Server",
	    "fDenyTSConnections"), "TermService: this is a Remote Desktop "
	    "session (SM_REMOTESESSION)");
	CHECK_STR(guard(&rdp, NM_OP_REG_SET, NULL, "HKLM\\SYSTEM\\"
	    "CurrentControlSet\\Services\\TermService", "Start"),
	    "TermService: this is a Remote Desktop session (SM_REMOTESESSION)");
	CHECK_STR(guard(&rdp, NM_OP_REG_SET, NULL, "HKLM\\SYSTEM\\"
	    "CurrentControlSet\\Services\\TermService\\Parameters", "Start"),
	    "-");
	CHECK_STR(guard(&rdp, NM_OP_REG_SET, NULL, "HKLM\\SYSTEM\\"
	    "CurrentControlSet\\Services\\TermService", "Type"), "-");
	CHECK_STR(guard(&none, NM_OP_REG_SET, NULL, "HKLM\\SYSTEM\\"
	    "CurrentControlSet\\Control\\Terminal Server",
	    "fDenyTSConnections"), "-");
	CHECK_STR(guard(&wr, NM_OP_SVC_STOP, "WinRM", NULL, NULL), "WinRM: "
	    "this session runs under WinRM (wsmprovhost.exe is an ancestor "
	    "of netmin)");
	CHECK_STR(guard(&wr, NM_OP_SVC_STOP, "sshd", NULL, NULL), "-");
	CHECK_STR(guard(&sh, NM_OP_SVC_STOP, "SSHD", NULL, NULL), "SSHD: this "
	    "session came in over SSH (sshd.exe is an ancestor of netmin)");
	sh.nancestors = 1;
	CHECK_STR(guard(&sh, NM_OP_SVC_STOP, "sshd", NULL, NULL), "sshd: this "
	    "session came in over SSH (SSH_CONNECTION=198.18.11.1 50022 "
	    "198.18.11.2 22)");
	nm_win_guard_make(&g, &sh);
	CHECK_INT(g.n, 1);
	nm_win_guard_make(&g, &rdp);
	CHECK_INT(g.n, 1);
	CHECK_STR(guard(&rdp, NM_OP_REG_KEY_CREATE, NULL, "HKLM\\SYSTEM\\"
	    "CurrentControlSet\\Services\\TermService", NULL), "-");
	CHECK_STR(guard(&rdp, NM_OP_UNIT_STOP, "TermService", NULL, NULL),
	    "-");
}
