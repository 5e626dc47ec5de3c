/*
 * test_journal.c - the undo log: record round trips, torn and damaged
 * lines, the apply/undo summary, durable appends to a real file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compat_fs.h"
#include "harness.h"
#include "journal.h"

static void
fmt(struct nm_jrec *r, struct nm_buf *b)
{
	nm_jrec_format(r, b);
}

/* A journal text: begin, then op 1 done, op 2 done, op 3 started. */
static void
sample(struct nm_buf *b)
{
	struct nm_arena a = { 0 };
	struct nm_jrec *r;
	static const char content[] = "Port 22\n\tListenAddress \"x\"\n\1\xff";
	const char *links[] = { "a.wants/x.service\t/lib/x.service", "b" };

	r = nm_jrec_new(&a, "begin");
	nm_jrec_str(&a, r, "schema", NM_JOURNAL_SCHEMA);
	nm_jrec_int(&a, r, "ops", 3);
	fmt(r, b);
	r = nm_jrec_new(&a, "op");
	nm_jrec_int(&a, r, "i", 1);
	nm_jrec_str(&a, r, "kind", "file-write");
	nm_jrec_bytes(&a, r, "prior_content", content, sizeof(content) - 1);
	nm_jrec_list(&a, r, "prior_links", links, 2);
	nm_jrec_bool(&a, r, "prior_exists", true);
	nm_jrec_str(&a, r, "nothing", NULL);
	nm_jrec_int(&a, r, "prior_mode", -420);
	fmt(r, b);
	r = nm_jrec_new(&a, "done");
	nm_jrec_int(&a, r, "i", 1);
	fmt(r, b);
	r = nm_jrec_new(&a, "op");
	nm_jrec_int(&a, r, "i", 2);
	nm_jrec_str(&a, r, "kind", "unit-stop");
	nm_jrec_str(&a, r, "describe", "stop \"cups.socket\" \xe2\x86\x92 ok");
	fmt(r, b);
	r = nm_jrec_new(&a, "done");
	nm_jrec_int(&a, r, "i", 2);
	fmt(r, b);
	r = nm_jrec_new(&a, "op");
	nm_jrec_int(&a, r, "i", 3);
	nm_jrec_str(&a, r, "kind", "unit-disable");
	fmt(r, b);
	nm_afree(&a);
}

TEST(journal_roundtrip)
{
	struct nm_buf b = { 0 };
	struct nm_journal_log log;
	struct nm_error err = { 0 };
	struct nm_arena a = { 0 };
	const struct nm_jfield *f;
	char *data;
	size_t len;
	long long n;

	sample(&b);
	CHECK_INT(nm_journal_parse(&log, b.s, b.len, &err), 0);
	CHECK_INT(log.rec.n, 6);
	CHECK_INT(log.nbad, 0);
	CHECK(!log.torn_tail);
	CHECK_STR(log.rec.v[1].type, "op");
	CHECK(nm_jrec_getbytes(&a, &log.rec.v[1], "prior_content", &data,
	    &len) == 0);
	CHECK_INT(len, 29);
	CHECK(memcmp(data, "Port 22\n\tListenAddress \"x\"\n\1\xff", 29) == 0);
	f = nm_jrec_get(&log.rec.v[1], "prior_links");
	CHECK(f != NULL && f->kind == NM_JF_LIST && f->nlist == 2);
	if (f != NULL && f->nlist == 2)
		CHECK_STR(f->list[0], "a.wants/x.service\t/lib/x.service");
	CHECK(nm_jrec_getb(&log.rec.v[1], "prior_exists", false));
	CHECK(nm_jrec_get(&log.rec.v[1], "nothing")->kind == NM_JF_NULL);
	CHECK(nm_jrec_geti(&log.rec.v[1], "prior_mode", &n) && n == -420);
	CHECK_STR(nm_jrec_gets(&log.rec.v[3], "describe"),
	    "stop \"cups.socket\" \xe2\x86\x92 ok");
	nm_journal_log_free(&log);
	nm_afree(&a);
	nm_buf_free(&b);
}

TEST(journal_invalid_utf8_escaped)
{
	struct nm_arena a = { 0 };
	struct nm_buf b = { 0 };
	struct nm_jrec *r = nm_jrec_new(&a, "begin");
	struct nm_journal_log log;

	nm_jrec_str(&a, r, "schema", NM_JOURNAL_SCHEMA);
	nm_jrec_str(&a, r, "x", "a\xff\xc3(b\xed\xa0\x80");
	nm_jrec_format(r, &b);
	CHECK(strstr(b.s, "\"a\\ufffd\\ufffd(b\\ufffd\\ufffd\\ufffd\"") != NULL);
	CHECK_INT(nm_journal_parse(&log, b.s, b.len, NULL), 0);
	CHECK_STR(nm_jrec_gets(&log.rec.v[0], "x"),
	    "a\xef\xbf\xbd\xef\xbf\xbd(b\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
	nm_journal_log_free(&log);
	nm_buf_free(&b);
	nm_afree(&a);
}

/* Cutting the text at every byte: whole records survive, the rest is torn. */
TEST(journal_torn_at_every_byte)
{
	struct nm_buf b = { 0 };
	size_t cut, whole = 0, ends[8], nends = 0, i;

	sample(&b);
	for (i = 0; i < b.len; i++)
		if (b.s[i] == '\n')
			ends[nends++] = i + 1;
	for (cut = 0; cut <= b.len; cut++) {
		struct nm_journal_log log;
		int rc = nm_journal_parse(&log, b.s, cut, NULL);

		whole = 0;
		for (i = 0; i < nends; i++)
			if (ends[i] <= cut)
				whole++;
		if (whole == 0) {
			CHECK(rc != 0);
		} else {
			CHECK_INT(rc, 0);
			CHECK_INT(log.rec.n, whole);
			CHECK_INT(log.torn_tail, cut != ends[whole - 1]);
			CHECK_INT(log.nbad, cut != ends[whole - 1] ? 1 : 0);
		}
		nm_journal_log_free(&log);
	}
	nm_buf_free(&b);
}

/* Any flipped byte inside a record drops that record, never misreads it. */
TEST(journal_flipped_bytes)
{
	struct nm_buf b = { 0 };
	size_t i;

	sample(&b);
	for (i = 0; i < b.len; i++) {
		struct nm_journal_log log;
		char *copy = nm_xmalloc(b.len);
		int rc;

		if (b.s[i] == '\n') {
			free(copy);
			continue;
		}
		memcpy(copy, b.s, b.len);
		copy[i] ^= 0x20;
		rc = nm_journal_parse(&log, copy, b.len, NULL);
		if (rc == 0) {
			CHECK_INT(log.rec.n, 5);
			CHECK_INT(log.nbad, 1);
		}
		nm_journal_log_free(&log);
		free(copy);
	}
	nm_buf_free(&b);
}

TEST(journal_summary_states)
{
	struct nm_buf b = { 0 };
	struct nm_journal_log log;
	struct nm_journal_summary s;
	struct nm_arena a = { 0 };
	struct nm_jrec *r;

	sample(&b);
	CHECK_INT(nm_journal_parse(&log, b.s, b.len, NULL), 0);
	CHECK_INT(nm_journal_summarize(&log, &s, NULL), 0);
	CHECK_INT(s.apply, NM_JA_INTERRUPTED);
	CHECK_INT(s.undo, NM_JU_NONE);
	CHECK_INT(s.nops, 3);
	CHECK_INT(s.planned, 3);
	CHECK_INT(s.ops[0].state, NM_JOP_DONE);
	CHECK_INT(s.ops[2].state, NM_JOP_STARTED);
	CHECK(nm_journal_unfinished(&s));
	nm_journal_log_free(&log);

	/* apply ends, then an undo that is cut short, then one that ends */
	r = nm_jrec_new(&a, "end");
	nm_jrec_str(&a, r, "result", "complete");
	nm_jrec_format(r, &b);
	CHECK_INT(nm_journal_parse(&log, b.s, b.len, NULL), 0);
	CHECK_INT(nm_journal_summarize(&log, &s, NULL), 0);
	CHECK_INT(s.apply, NM_JA_COMPLETE);
	CHECK(!nm_journal_unfinished(&s));
	nm_journal_log_free(&log);

	r = nm_jrec_new(&a, "undo-begin");
	nm_jrec_format(r, &b);
	r = nm_jrec_new(&a, "undone");
	nm_jrec_int(&a, r, "i", 3);
	nm_jrec_str(&a, r, "result", "restored");
	nm_jrec_format(r, &b);
	nm_buf_puts(&b, "{\"t\":\"undone\",\"i\":2,\"res");	/* torn */
	CHECK_INT(nm_journal_parse(&log, b.s, b.len, NULL), 0);
	CHECK(log.torn_tail);
	CHECK_INT(nm_journal_summarize(&log, &s, NULL), 0);
	CHECK_INT(s.undo, NM_JU_INTERRUPTED);
	CHECK(s.ops[2].undone);
	CHECK(!s.ops[1].undone);
	CHECK(nm_journal_unfinished(&s));
	nm_journal_log_free(&log);

	nm_buf_putc(&b, '\n');		/* what nm_journal_reopen adds */
	r = nm_jrec_new(&a, "undo-end");
	nm_jrec_str(&a, r, "result", "complete");
	nm_jrec_format(r, &b);
	CHECK_INT(nm_journal_parse(&log, b.s, b.len, NULL), 0);
	CHECK_INT(log.nbad, 1);
	CHECK_INT(nm_journal_summarize(&log, &s, NULL), 0);
	CHECK_INT(s.undo, NM_JU_COMPLETE);
	CHECK(!nm_journal_unfinished(&s));
	nm_journal_log_free(&log);
	nm_afree(&a);
	nm_buf_free(&b);
}

/* An action's ops are recorded together; the ones after the first op not
   done never ran (NM_JOP_RECORDED), in that action only. */
TEST(journal_summary_recorded_not_run)
{
	struct nm_arena a = { 0 };
	struct nm_buf b = { 0 };
	struct nm_journal_log log;
	struct nm_journal_summary s;
	struct nm_jrec *r;
	static const int group[] = { 1, 1, 1, 2, 2 };
	size_t i;

	r = nm_jrec_new(&a, "begin");
	nm_jrec_str(&a, r, "schema", NM_JOURNAL_SCHEMA);
	nm_jrec_int(&a, r, "ops", 6);
	nm_jrec_format(r, &b);
	for (i = 0; i < 3; i++) {
		r = nm_jrec_new(&a, "op");
		nm_jrec_int(&a, r, "i", (long long)i + 1);
		nm_jrec_int(&a, r, "group", group[i]);
		nm_jrec_format(r, &b);
	}
	r = nm_jrec_new(&a, "done");
	nm_jrec_int(&a, r, "i", 1);
	nm_jrec_format(r, &b);
	/* op 2 may have run (op 1 is done), op 3 cannot have */
	CHECK_INT(nm_journal_parse(&log, b.s, b.len, NULL), 0);
	CHECK_INT(nm_journal_summarize(&log, &s, NULL), 0);
	CHECK_INT(s.nops, 3);
	CHECK_INT(s.ops[0].state, NM_JOP_DONE);
	CHECK_INT(s.ops[1].state, NM_JOP_STARTED);
	CHECK_INT(s.ops[2].state, NM_JOP_RECORDED);
	nm_journal_log_free(&log);

	for (i = 1; i < 3; i++) {
		r = nm_jrec_new(&a, "done");
		nm_jrec_int(&a, r, "i", (long long)i + 1);
		nm_jrec_format(r, &b);
	}
	for (i = 3; i < 5; i++) {
		r = nm_jrec_new(&a, "op");
		nm_jrec_int(&a, r, "i", (long long)i + 1);
		nm_jrec_int(&a, r, "group", group[i]);
		nm_jrec_format(r, &b);
	}
	r = nm_jrec_new(&a, "fail");
	nm_jrec_int(&a, r, "i", 4);
	nm_jrec_str(&a, r, "message", "no");
	nm_jrec_format(r, &b);
	/* the first op of a new action is never "recorded only"; after a
	   failed op the rest of its action never ran */
	CHECK_INT(nm_journal_parse(&log, b.s, b.len, NULL), 0);
	CHECK_INT(nm_journal_summarize(&log, &s, NULL), 0);
	CHECK_INT(s.ops[2].state, NM_JOP_DONE);
	CHECK_INT(s.ops[3].state, NM_JOP_FAILED);
	CHECK_STR(s.ops[3].fail_msg, "no");
	CHECK_INT(s.ops[4].state, NM_JOP_RECORDED);
	nm_journal_log_free(&log);
	nm_afree(&a);
	nm_buf_free(&b);
}

TEST(journal_rejects_foreign)
{
	struct nm_journal_log log;
	struct nm_error err = { 0 };
	const char *t = "{\"schema\":\"netmin.plan/1\"}\n";

	CHECK(nm_journal_parse(&log, t, strlen(t), &err) != 0);
	CHECK(strstr(err.msg, "not a netmin.journal/1 file") != NULL);
	nm_journal_log_free(&log);
	CHECK(nm_journal_parse(&log, "", 0, &err) != 0);
	nm_journal_log_free(&log);
}

TEST(journal_bad_op_numbers)
{
	struct nm_arena a = { 0 };
	struct nm_buf b = { 0 };
	struct nm_jrec *r;
	struct nm_journal_log log;
	struct nm_journal_summary s;
	struct nm_error err = { 0 };

	r = nm_jrec_new(&a, "begin");
	nm_jrec_str(&a, r, "schema", NM_JOURNAL_SCHEMA);
	nm_jrec_format(r, &b);
	r = nm_jrec_new(&a, "op");
	nm_jrec_int(&a, r, "i", 0);
	nm_jrec_format(r, &b);
	CHECK_INT(nm_journal_parse(&log, b.s, b.len, NULL), 0);
	CHECK(nm_journal_summarize(&log, &s, &err) != 0);
	CHECK(strstr(err.msg, "out of range") != NULL);
	nm_journal_log_free(&log);
	nm_afree(&a);
	nm_buf_free(&b);
}

TEST(base64_strict)
{
	struct nm_buf b = { 0 };
	const char *bad[] = { "A", "AB=C", "A===", "AB==AB==", "AB\n=", "AC==",
	    "AAB=" };
	size_t i;

	for (i = 0; i < NM_NELEM(bad); i++)
		CHECK(nm_base64_decode(bad[i], strlen(bad[i]), &b) != 0);
	CHECK(nm_base64_decode("", 0, &b) == 0 && b.len == 0);
	CHECK(nm_base64_decode("YWI=", 4, &b) == 0 && b.len == 2 &&
	    memcmp(b.s, "ab", 2) == 0);
	nm_buf_free(&b);
	CHECK_INT(nm_crc32("123456789", 9), 0xcbf43926);
}

/* Durable appends to a real file; reopen closes a torn line first. */
TEST(journal_file_append_reopen)
{
	char path[256];
	struct nm_journal j;
	struct nm_error err = { 0 };
	struct nm_arena a = { 0 };
	struct nm_jrec *r;
	struct nm_journal_log log;
	FILE *f;

	snprintf(path, sizeof(path), "build/test-journal-%d.journal",
	    nm_fs_pid());
	remove(path);
	CHECK_INT(nm_journal_create(&j, path, &err), 0);
	r = nm_jrec_new(&a, "begin");
	nm_jrec_str(&a, r, "schema", NM_JOURNAL_SCHEMA);
	CHECK_INT(nm_journal_append(&j, r, &err), 0);
	nm_journal_close(&j);
	CHECK(nm_journal_create(&j, path, &err) != 0);	/* exists */
	CHECK(strstr(err.msg, "already exists") != NULL);

	f = fopen(path, "ab");
	fputs("{\"t\":\"op\",\"i\":1", f);		/* a crash mid-write */
	fclose(f);
	CHECK_INT(nm_journal_reopen(&j, path, &err), 0);
	r = nm_jrec_new(&a, "undo-begin");
	CHECK_INT(nm_journal_append(&j, r, &err), 0);
	nm_journal_close(&j);
	CHECK_INT(nm_journal_load(&log, path, &err), 0);
	CHECK_INT(log.rec.n, 2);
	CHECK_INT(log.nbad, 1);
	CHECK_INT(log.first_bad, 2);
	CHECK_STR(log.rec.v[1].type, "undo-begin");
	CHECK_INT(log.rec.v[1].line, 3);
	nm_journal_log_free(&log);
	remove(path);
	nm_afree(&a);
}
