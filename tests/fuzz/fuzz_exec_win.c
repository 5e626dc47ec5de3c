/*
 * fuzz_exec_win.c - libFuzzer target for what the Windows executors read
 * from outside: journal "op" records (undo trusts nothing in them), plan
 * actions (on a fixed recorded host), registry data text, multi-string
 * bytes and key paths.  The first byte picks which.  An op record that
 * reads must format and read back to the same op.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "exec_win.h"
#include "json.h"
#include "src_win.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static const char *dep_a[] = { "A" };
static const char *dep_g[] = { "+G", "B" };
static struct nm_win_svcinfo svcs[] = {
	{ "A", "G", NULL, 0, 4 },
	{ "B", "", dep_a, 1, 4 },
	{ "C", "", dep_g, 2, 4 },
	{ "D", "", dep_a, 1, 1 },
};

static int
f_services(void *arg, struct nm_arena *a, struct nm_win_svcinfo **v,
    size_t *n, struct nm_error *err)
{
	(void)arg;
	(void)a;
	(void)err;
	*v = svcs;
	*n = NM_NELEM(svcs);
	return 0;
}

static int
f_names(void *arg, const char *x, struct nm_arena *a, const char ***v,
    size_t *n, struct nm_error *err)
{
	static const char *names[] = { "Tcpip_{1}", "C" };

	(void)arg;
	(void)x;
	(void)a;
	(void)err;
	*v = names;
	*n = 2;
	return 0;
}

static int
f_key(void *arg, const char *key, bool *exists, struct nm_error *err)
{
	(void)arg;
	(void)err;
	*exists = strlen(key) < 20;
	return 0;
}

static void
check_op(struct nm_arena *a, const struct nm_op *op)
{
	struct nm_buf d = { 0 }, line = { 0 }, d2 = { 0 };
	struct nm_journal_log log;
	struct nm_jrec *r;
	struct nm_op again;

	nm_op_describe(op, &d);
	(void)nm_op_noop(op);
	r = nm_jrec_new(a, "begin");
	nm_jrec_str(a, r, "schema", NM_JOURNAL_SCHEMA);
	nm_jrec_format(r, &line);
	r = nm_jrec_new(a, "op");
	nm_jrec_int(a, r, "i", 1);
	nm_op_to_record(a, op, r);
	nm_jrec_format(r, &line);
	if (nm_journal_parse(&log, line.s, line.len, NULL) != 0 ||
	    log.rec.n != 2 ||
	    nm_op_from_record(&log.arena, &log.rec.v[1], &again, NULL) != 0)
		abort();
	nm_op_describe(&again, &d2);
	if (strcmp(d.s, d2.s) != 0 || again.prior.have != op->prior.have ||
	    again.prior.len != op->prior.len || again.len != op->len)
		abort();
	nm_journal_log_free(&log);
	nm_buf_free(&d);
	nm_buf_free(&d2);
	nm_buf_free(&line);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nm_arena a = { 0 };
	struct nm_error err = { 0 };
	struct nm_buf b = { 0 };
	char *text, *bytes;
	size_t i, n;
	const char *sub;

	if (size < 2)
		return 0;
	text = nm_xcalloc(1, size);
	memcpy(text, data + 1, size - 1);
	switch (data[0] % 5) {
	case 0: {	/* a journal: every Windows op record */
		struct nm_journal_log log;

		if (nm_journal_parse(&log, text, size - 1, NULL) == 0) {
			for (i = 1; i < log.rec.n; i++) {
				struct nm_op op;

				if (strcmp(log.rec.v[i].type, "op") == 0 &&
				    nm_op_from_record(&log.arena,
				    &log.rec.v[i], &op, NULL) == 0 &&
				    nm_win_op_is(op.kind))
					check_op(&a, &op);
			}
		}
		nm_journal_log_free(&log);
		break;
	}
	case 1: {	/* plan actions on a recorded host */
		struct nm_win_host host = { NULL, f_services, f_names,
		    f_names, f_key };
		struct nm_win_build wb = { 0 };
		struct nm_jv *doc = nm_json_parse(text, size - 1, &a, &err);

		wb.a = &a;
		wb.host = &host;
		wb.plan = "fuzz";
		for (i = 0; doc != NULL && i < nm_jv_len(doc); i++)
			if (nm_win_action_ops(&wb, nm_jv_at(doc, i), 1, "f",
			    &err) != 0)
				break;
		for (i = 0; i < wb.ops.n; i++)
			check_op(&a, &wb.ops.v[i]);
		nm_win_build_free(&wb);
		break;
	}
	case 2:		/* registry data text for one type */
		if (nm_win_reg_encode(&a, data[1] % 12, text + 1, &bytes, &n,
		    &err) == 0) {
			nm_win_reg_text(data[1] % 12, (const uint8_t *)bytes, n,
			    &b);
			if (data[1] % 12 == NM_REG_MULTI_SZ)
				nm_win_multi_edit(true, NM_REG_MULTI_SZ, bytes,
				    n, "x", data[1] & 0x80, &b);
		}
		break;
	case 3:		/* multi-string bytes, the item after a NUL */
		n = strlen(text);
		nm_win_multi_edit(true, NM_REG_MULTI_SZ, text + n + (n + 1 <
		    size - 1), size - 1 - n - (n + 1 < size - 1), text,
		    data[1] & 1, &b);
		break;
	default:
		(void)nm_win_hive(text, &sub);
		(void)nm_win_start_from_name(text);
		(void)nm_win_reg_type_from_name(text);
		break;
	}
	nm_buf_free(&b);
	nm_afree(&a);
	free(text);
	return 0;
}
