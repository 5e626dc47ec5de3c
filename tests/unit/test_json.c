/*
 * test_json.c - the JSON reader: JSONTestSuite-style accept/reject tables
 * (cases written here, in the spirit of that suite's y_/n_/i_ files),
 * error positions and messages, limits, getters, and the round trip
 * through the out.h writer.
 */
#include <stdlib.h>

#include "harness.h"
#include "json.h"
#include "out.h"

struct jcase {
	const char	*name;
	const char	*text;
	size_t		 len;	/* 0: strlen(text) */
};

/* Documents every strict reader must accept (y_). */
static const struct jcase accept[] = {
	{ "empty array", "[]", 0 },
	{ "empty object", "{}", 0 },
	{ "top-level string", "\"x\"", 0 },
	{ "top-level number", "42", 0 },
	{ "top-level negative zero", "-0", 0 },
	{ "top-level null", "null", 0 },
	{ "top-level true with spaces", " \t\r\n true \n", 0 },
	{ "nested", "[[[]],{\"a\":[{}]}]", 0 },
	{ "numbers", "[0,-1,1.5,-1.5e10,1E+2,1e-2,0.0,123456789012]", 0 },
	{ "int64 extremes", "[9223372036854775807,-9223372036854775808]", 0 },
	{ "beyond int64 becomes double", "[9223372036854775808]", 0 },
	{ "tiny number underflows to zero", "[1e-400]", 0 },
	{ "escapes", "[\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"]", 0 },
	{ "unicode escape", "[\"\\u00e9\\u4E2D\"]", 0 },
	{ "surrogate pair", "[\"\\uD83D\\uDE00\"]", 0 },
	{ "escaped nul", "[\"a\\u0000b\"]", 0 },
	{ "utf8 two to four bytes", "[\"\xc3\xa9\xe4\xb8\xad\xf0\x9f\x98\x80\"]", 0 },
	{ "utf8 U+10FFFF", "[\"\xf4\x8f\xbf\xbf\"]", 0 },
	{ "utf8 noncharacter U+FFFF", "[\"\xef\xbf\xbf\"]", 0 },
	{ "del raw", "[\"\x7f\"]", 0 },
	{ "utf8 bom", "\xef\xbb\xbf{\"a\":1}", 0 },
	{ "empty key", "{\"\":0}", 0 },
	{ "same key in sibling objects", "[{\"a\":1},{\"a\":2}]", 0 },
	{ "keys that differ after nul", "{\"a\\u0000b\":1,\"a\\u0000c\":2}", 0 },
	{ "key prefix of another", "{\"a\":1,\"ab\":2}", 0 },
	{ "whitespace everywhere", " [ 1 , { \"a\" : null } ] ", 0 },
	{ "crlf lines", "{\r\n  \"a\": 1\r\n}\r\n", 0 },
	{ "nine keys (sorted duplicate path)",
	  "{\"a\":1,\"b\":2,\"c\":3,\"d\":4,\"e\":5,\"f\":6,\"g\":7,\"h\":8,"
	  "\"i\":9}", 0 },
};

/* Documents a strict reader must refuse (n_), plus our choices (i_). */
static const struct jcase reject[] = {
	{ "empty", "", 0 },
	{ "only spaces", "   ", 0 },
	{ "trailing comma array", "[1,]", 0 },
	{ "trailing comma object", "{\"a\":1,}", 0 },
	{ "leading comma", "[,1]", 0 },
	{ "double comma", "[1,,2]", 0 },
	{ "missing comma", "[1 2]", 0 },
	{ "unclosed array", "[1", 0 },
	{ "unclosed object", "{\"a\":1", 0 },
	{ "unclosed string", "\"abc", 0 },
	{ "missing colon", "{\"a\" 1}", 0 },
	{ "missing value", "{\"a\":}", 0 },
	{ "unquoted key", "{a:1}", 0 },
	{ "single quotes", "['a']", 0 },
	{ "single quoted key", "{'a':1}", 0 },
	{ "non-string key", "{1:1}", 0 },
	{ "comment", "[1]//x", 0 },
	{ "block comment", "/* x */ [1]", 0 },
	{ "two values", "[1][2]", 0 },
	{ "garbage after", "{} x", 0 },
	{ "leading zero", "[01]", 0 },
	{ "leading zero negative", "[-01]", 0 },
	{ "plus sign", "[+1]", 0 },
	{ "bare dot", "[.5]", 0 },
	{ "trailing dot", "[1.]", 0 },
	{ "exponent without digits", "[1e]", 0 },
	{ "exponent sign only", "[1e+]", 0 },
	{ "minus alone", "[-]", 0 },
	{ "hex number", "[0x10]", 0 },
	{ "NaN", "[NaN]", 0 },
	{ "Infinity", "[Infinity]", 0 },
	{ "minus Infinity", "[-Infinity]", 0 },
	{ "huge number", "[1e400]", 0 },
	{ "True capitalised", "[True]", 0 },
	{ "truncated literal", "[tru]", 0 },
	{ "literal with tail", "[truex]", 0 },
	{ "nullnull", "nullnull", 0 },
	{ "number then letter", "[12abc]", 0 },
	{ "raw newline in string", "[\"a\nb\"]", 0 },
	{ "raw tab in string", "[\"a\tb\"]", 0 },
	{ "raw nul in string", "[\"a\0b\"]", 6 },
	{ "bad escape", "[\"\\x41\"]", 0 },
	{ "escape at end", "[\"\\", 0 },
	{ "short unicode escape", "[\"\\u12\"]", 0 },
	{ "non-hex unicode escape", "[\"\\u12G4\"]", 0 },
	{ "lone high surrogate", "[\"\\uD800\"]", 0 },
	{ "high surrogate then letter", "[\"\\uD800x\"]", 0 },
	{ "lone low surrogate", "[\"\\uDC00\"]", 0 },
	{ "two high surrogates", "[\"\\uD800\\uD800\"]", 0 },
	{ "invalid utf8 byte", "[\"\xff\"]", 0 },
	{ "utf8 continuation alone", "[\"\x80\"]", 0 },
	{ "utf8 overlong slash", "[\"\xc0\xaf\"]", 0 },
	{ "utf8 overlong three", "[\"\xe0\x80\xaf\"]", 0 },
	{ "utf8 encoded surrogate", "[\"\xed\xa0\x80\"]", 0 },
	{ "utf8 above U+10FFFF", "[\"\xf4\x90\x80\x80\"]", 0 },
	{ "utf8 truncated", "[\"\xe4\xb8\"]", 0 },
	{ "utf8 truncated at end", "\"\xe4", 0 },
	{ "latin1 outside string", "[\xe9]", 0 },
	{ "utf16le bom", "\xff\xfe[\0]\0", 6 },
	{ "utf16le without bom", "[\0]\0", 4 },
	{ "nul outside", "[1]\0", 4 },
	{ "vertical tab whitespace", "[\v1]", 0 },
	{ "form feed whitespace", "[\f1]", 0 },
	{ "nbsp whitespace", "[\xc2\xa0" "1]", 0 },
	{ "duplicate key", "{\"a\":1,\"a\":2}", 0 },
	{ "duplicate key via escape", "{\"a\":1,\"\\u0061\":2}", 0 },
	{ "duplicate key among nine", "{\"a\":1,\"b\":2,\"c\":3,\"d\":4,"
	  "\"e\":5,\"f\":6,\"g\":7,\"h\":8,\"b\":9}", 0 },
	{ "close mismatch", "[1}", 0 },
	{ "object close mismatch", "{\"a\":1]", 0 },
	{ "bare word", "hello", 0 },
	{ "python None", "None", 0 },
};

TEST(json_accepts_valid_documents)
{
	size_t i;

	for (i = 0; i < NM_NELEM(accept); i++) {
		struct nm_arena a = { 0 };
		struct nm_error err = { 0 };
		const struct jcase *c = &accept[i];
		size_t len = c->len ? c->len : strlen(c->text);

		if (nm_json_parse(c->text, len, &a, &err) == NULL)
			nm_test_fail(__FILE__, __LINE__, "refused \"%s\": %s",
			    c->name, err.msg);
		nm_afree(&a);
	}
}

TEST(json_rejects_invalid_documents)
{
	size_t i;

	for (i = 0; i < NM_NELEM(reject); i++) {
		struct nm_arena a = { 0 };
		struct nm_error err = { 0 };
		const struct jcase *c = &reject[i];
		size_t len = c->len ? c->len : strlen(c->text);

		if (nm_json_parse(c->text, len, &a, &err) != NULL)
			nm_test_fail(__FILE__, __LINE__, "accepted \"%s\"",
			    c->name);
		else if (err.code != NM_ERR_INPUT || err.msg[0] < '1' ||
		    err.msg[0] > '9')
			nm_test_fail(__FILE__, __LINE__, "\"%s\": bad error "
			    "%d \"%s\"", c->name, err.code, err.msg);
		nm_afree(&a);
	}
}

/* The exact message for one bad document. */
static const char *
errmsg(const char *text, size_t len)
{
	static struct nm_error err;
	struct nm_arena a = { 0 };

	memset(&err, 0, sizeof(err));
	if (nm_json_parse(text, len ? len : strlen(text), &a, &err) != NULL)
		snprintf(err.msg, sizeof(err.msg), "(accepted)");
	nm_afree(&a);
	return err.msg;
}

TEST(json_error_positions_and_messages)
{
	CHECK_STR(errmsg("", 0), "1:1: empty document, expected a JSON value");
	CHECK_STR(errmsg("{\n  \"a\": 1,\n  \"b\": 2,\n}", 0),
	    "4:1: trailing comma before '}'");
	CHECK_STR(errmsg("[1,\n 2\n 3]", 0),
	    "3:2: expected ',' or ']' after an array element, found '3'");
	/* Columns count characters, not bytes. */
	CHECK_STR(errmsg("{\"\xc3\xa9\xc3\xa9\": x}", 0),
	    "1:8: expected a value, found 'x'");
	CHECK_STR(errmsg("{\"a\":1,\n \"a\":2}", 0),
	    "2:2: duplicate key \"a\" (first at 1:2)");
	CHECK_STR(errmsg("{\"k1\":0,\"k2\":0,\"k3\":0,\"k4\":0,\"k5\":0,"
	    "\"k6\":0,\"k7\":0,\"k8\":0,\"k9\":0,\"k3\":1}", 0),
	    "1:65: duplicate key \"k3\" (first at 1:16)");
	CHECK_STR(errmsg("[\"a\nb\"]", 0),
	    "1:4: control character U+000A inside a string (write it as an "
	    "escape: \\n; strings cannot span lines)");
	CHECK_STR(errmsg("[\"\\uD800\"]", 0),
	    "1:3: high surrogate \\uD800 not followed by a low surrogate "
	    "\\uDC00-\\uDFFF");
	CHECK_STR(errmsg("[\"ok\xff\"]", 0),
	    "1:5: invalid UTF-8 (byte 0xff) inside a string; save the file "
	    "as UTF-8");
	CHECK_STR(errmsg("[\"\\q\"]", 0), "1:3: invalid escape \\q in a "
	    "string (JSON has \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)");
	CHECK_STR(errmsg("{\"a\" 1}", 0),
	    "1:6: expected ':' after the key \"a\", found '1'");
	CHECK_STR(errmsg("[01]", 0), "1:2: numbers cannot have leading zeros");
	CHECK_STR(errmsg("[True]", 0),
	    "1:2: JSON literals are lower case: true, false, null");
	CHECK_STR(errmsg("{} x", 0),
	    "1:4: unexpected 'x' after the end of the document");
	CHECK_STR(errmsg("\"abc", 0),
	    "1:1: string not closed before the end of input");
	CHECK_STR(errmsg("\xff\xfe{\0}\0", 6), "1:1: this looks like UTF-16; "
	    "JSON files must be UTF-8 (PowerShell: Out-File -Encoding utf8)");
	CHECK_STR(errmsg("[1e999]", 0), "1:2: number 1e999 is too large");
	CHECK_STR(errmsg("// note\n[]", 0),
	    "1:1: comments are not allowed in JSON");
	CHECK_STR(errmsg("\xef\xbb\xbf[,]", 0),
	    "1:2: expected a value, found ','");
}

TEST(json_depth_limit)
{
	struct nm_buf b = { 0 };
	struct nm_arena a = { 0 };
	struct nm_error err = { 0 };
	int i;

	for (i = 0; i < NM_JV_MAX_DEPTH; i++)
		nm_buf_putc(&b, '[');
	for (i = 0; i < NM_JV_MAX_DEPTH; i++)
		nm_buf_putc(&b, ']');
	CHECK(nm_json_parse(b.s, b.len, &a, &err) != NULL);
	nm_buf_reset(&b);
	for (i = 0; i <= NM_JV_MAX_DEPTH; i++)
		nm_buf_puts(&b, "{\"a\":");
	CHECK(nm_json_parse(b.s, b.len, &a, &err) == NULL);
	CHECK_STR(err.msg, "1:641: nested deeper than 128 arrays and objects");
	/* Deep nesting far beyond the limit fails fast, without recursion. */
	nm_buf_reset(&b);
	for (i = 0; i < 1000000; i++)
		nm_buf_putc(&b, '[');
	CHECK(nm_json_parse(b.s, b.len, &a, &err) == NULL);
	nm_buf_free(&b);
	nm_afree(&a);
}

TEST(json_size_and_node_limits)
{
	struct nm_arena a = { 0 };
	struct nm_error err = { 0 };
	struct nm_buf b = { 0 };
	size_t i;

	/* The length is refused before the text is looked at. */
	CHECK(nm_json_parse("[]", NM_JV_MAX_BYTES + 1, &a, &err) == NULL);
	CHECK_STR(err.msg, "1:1: document larger than 16 MiB");
	nm_buf_putc(&b, '[');
	for (i = 0; i < NM_JV_MAX_NODES; i++)
		nm_buf_puts(&b, "0,");
	nm_buf_puts(&b, "0]");
	CHECK(nm_json_parse(b.s, b.len, &a, &err) == NULL);
	CHECK(strstr(err.msg, "more than 1048576 values") != NULL);
	nm_buf_free(&b);
	nm_afree(&a);
}

TEST(json_values_and_getters)
{
	struct nm_arena a = { 0 };
	struct nm_error err = { 0 };
	const char *doc =
	    "{\n"
	    "  \"schema\": \"netmin.plan/1\",\n"
	    "  \"steps\": [ { \"id\": 1, \"reboot\": false, \"w\": 1.5 },\n"
	    "             { \"id\": 2, \"reboot\": true, \"big\": 1e3 } ],\n"
	    "  \"none\": null,\n"
	    "  \"nul\": \"a\\u0000b\",\n"
	    "  \"min\": -9223372036854775808,\n"
	    "  \"huge\": 18446744073709551616,\n"
	    "  \"u\": \"\\u00e9\\ud83d\\ude00/\"\n"
	    "}\n";
	struct nm_jv *v = nm_json_parse(doc, strlen(doc), &a, &err), *s, *e;
	const char *str = NULL;
	long long x = 0;
	bool bo = false;

	CHECK(v != NULL);
	if (v == NULL) {
		nm_test_fail(__FILE__, __LINE__, "%s", err.msg);
		return;
	}
	CHECK_INT(v->type, NM_JV_OBJ);
	CHECK_INT(nm_jv_len(v), 7);
	CHECK_STR(nm_jv_key(v, 0), "schema");
	CHECK_STR(nm_jv_key(v, 7), NULL);
	CHECK_STR(nm_jv_str(nm_jv_get(v, "schema"), NULL), "netmin.plan/1");
	CHECK_STR(nm_jv_str(nm_jv_get(v, "missing"), "dflt"), "dflt");
	CHECK_STR(nm_jv_str(nm_jv_get(v, "steps"), "dflt"), "dflt");
	s = nm_jv_get(v, "steps");
	CHECK_INT(nm_jv_len(s), 2);
	CHECK_INT(s->line, 3);
	CHECK_INT(s->col, 12);
	e = nm_jv_at(s, 1);
	CHECK(nm_jv_at(s, 2) == NULL);
	CHECK_INT(nm_jv_int(nm_jv_get(e, "id"), -1), 2);
	CHECK_INT(nm_jv_bool(nm_jv_get(e, "reboot"), false), 1);
	CHECK_INT(nm_jv_int(nm_jv_get(e, "big"), -1), 1000);
	CHECK_INT(nm_jv_get(e, "big")->is_int, 0);
	CHECK_INT(nm_jv_int(nm_jv_get(nm_jv_at(s, 0), "w"), -1), -1);
	CHECK(nm_jv_num(nm_jv_get(nm_jv_at(s, 0), "w"), 0) == 1.5);
	CHECK_INT(nm_jv_bool(nm_jv_get(v, "schema"), true), 1);
	CHECK(nm_jv_is_null(nm_jv_get(v, "none")));
	CHECK(!nm_jv_is_null(nm_jv_get(v, "missing")));
	CHECK(!nm_jv_is_null(NULL));
	CHECK_INT(nm_jv_get(v, "nul")->n, 3);
	CHECK_STR(nm_jv_str(nm_jv_get(v, "nul"), "dflt"), "dflt");
	CHECK_INT(nm_jv_int(nm_jv_get(v, "min"), 0), INT64_MIN);
	CHECK_INT(nm_jv_get(v, "huge")->is_int, 0);
	CHECK_INT(nm_jv_int(nm_jv_get(v, "huge"), 7), 7);
	CHECK(nm_jv_num(nm_jv_get(v, "huge"), 0) == 18446744073709551616.0);
	CHECK_STR(nm_jv_str(nm_jv_get(v, "u"), NULL),
	    "\xc3\xa9\xf0\x9f\x98\x80/");
	CHECK_INT(nm_jv_len(nm_jv_get(v, "u")), 0);
	CHECK(nm_jv_get(s, "id") == NULL);
	CHECK(nm_jv_get(NULL, "id") == NULL);
	CHECK(nm_jv_at(NULL, 0) == NULL);

	/* Strict reads for document loaders. */
	CHECK_INT(nm_jv_want_str(v, "schema", &str, &err), 0);
	CHECK_STR(str, "netmin.plan/1");
	CHECK_INT(nm_jv_want_str(v, "steps", &str, &err), -1);
	CHECK_STR(err.msg, "3:12: \"steps\" must be a string, not an array");
	CHECK_INT(nm_jv_want_str(v, "nope", &str, &err), -1);
	CHECK_STR(err.msg, "1:1: missing \"nope\" (string) in this object");
	CHECK_INT(nm_jv_want_str(v, "nul", &str, &err), -1);
	CHECK_INT(nm_jv_want_int(e, "id", 1, 10, &x, &err), 0);
	CHECK_INT(x, 2);
	CHECK_INT(nm_jv_want_int(e, "id", 3, 10, &x, &err), -1);
	CHECK_STR(err.msg, "4:22: \"id\" is 2, outside 3..10");
	CHECK_INT(nm_jv_want_int(nm_jv_at(s, 0), "w", 0, 10, &x, &err), -1);
	CHECK_STR(err.msg, "3:47: \"w\" must be a whole number");
	CHECK_INT(nm_jv_want_bool(e, "reboot", &bo, &err), 0);
	CHECK_INT(bo, 1);
	CHECK(nm_jv_want(s, "x", NM_JV_OBJ, &err) == NULL);
	CHECK_STR(err.msg, "3:12: expected an object with \"x\", found array");
	nm_afree(&a);
}

/* parse -> write -> parse gives an equal tree, compact and pretty. */
static bool
round_trip(const char *text, bool compact)
{
	struct nm_arena a = { 0 };
	struct nm_error err = { 0 };
	struct nm_buf b = { 0 };
	struct nm_json j;
	struct nm_jv *v1, *v2;
	bool ok;

	v1 = nm_json_parse(text, strlen(text), &a, &err);
	if (v1 == NULL)
		return false;
	nm_json_init(&j, &b);
	j.compact = compact;
	nm_jv_write(&j, v1);
	nm_json_end(&j);
	v2 = nm_json_parse(b.s, b.len, &a, &err);
	ok = v2 != NULL && nm_jv_equal(v1, v2);
	if (!ok)
		fprintf(stderr, "  round trip of %s gave %s (%s)\n", text, b.s,
		    err.msg);
	nm_buf_free(&b);
	nm_afree(&a);
	return ok;
}

TEST(json_round_trip_through_writer)
{
	size_t i;

	for (i = 0; i < NM_NELEM(accept); i++) {
		if (accept[i].len != 0)
			continue;
		CHECK(round_trip(accept[i].text, true));
		CHECK(round_trip(accept[i].text, false));
	}
	CHECK(round_trip("[0.1,3.0,-0.0,1e300,5e-324,2.5E-3,"
	    "123456789.123456789]", true));
	CHECK(round_trip("{\"k\\u0000\":\"\\u001f\\u007f\\\"\"}", true));
}

TEST(json_writer_double_format)
{
	struct nm_buf b = { 0 };
	struct nm_json j;

	nm_json_init(&j, &b);
	j.compact = true;
	nm_json_arr(&j);
	nm_json_double(&j, 3.0);
	nm_json_double(&j, 0.1);
	nm_json_double(&j, -2.5e-7);
	nm_json_double(&j, 1e21);
	nm_json_arr_end(&j);
	CHECK_STR(b.s, "[3.0,0.1,-2.5e-07,1e+21]");
	nm_buf_free(&b);
}

TEST(json_equal)
{
	struct nm_arena a = { 0 };
	struct nm_jv *x = nm_json_parse("{\"a\":[1,2]}", 11, &a, NULL);
	struct nm_jv *y = nm_json_parse("{\"a\":[1,2.0]}", 13, &a, NULL);
	struct nm_jv *z = nm_json_parse("{ \"a\" : [ 1 , 2 ] }", 19, &a, NULL);

	CHECK(x != NULL && y != NULL && z != NULL);
	CHECK(!nm_jv_equal(x, y));	/* 2 and 2.0 differ in is_int */
	CHECK(nm_jv_equal(x, z));
	nm_afree(&a);
}
