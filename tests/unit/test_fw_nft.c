/*
 * test_fw_nft.c - the nftables reader of netmin apply (fw_nft_read.c):
 * files that touch only table inet netmin, the lockout guard's verdict on
 * a session, the in-place replacement transaction, and the nft-table op
 * through a journal record and back.
 */
#include <string.h>

#include "exec_linux.h"
#include "fw.h"
#include "harness.h"

static const char ours[] =
"#!/usr/sbin/nft -f\n"
"# comment\n"
"table inet netmin\n"
"delete table inet netmin\n"
"table inet netmin {\n"
"\tchain input {\n"
"\t\ttype filter hook input priority filter; policy drop;\n"
"\t\tiif \"lo\" accept comment \"loopback\"\n"
"\t\tct state established,related accept\n"
"\t\tct state invalid drop\n"
"\t\ticmp type { destination-unreachable, time-exceeded } accept\n"
"\t\tmeta nfproto ipv4 udp sport 67 udp dport 68 accept\n"
"\t\tip saddr { 10.0.0.0/8, 198.18.9.1 } tcp dport 22 accept comment \"x\"\n"
"\t\tip6 saddr fd00::/8 tcp dport { 22, 2222 } accept\n"
"\t\ttcp dport 8000-8010 counter packets 0 bytes 0 accept\n"
"\t}\n"
"}\n";

static int
admits(const char *text, const char *ssh, char *why, size_t wl)
{
	struct nm_arena a = { 0 };
	struct nm_nft_file f;
	struct nm_error err = { 0 };
	struct nm_fw_session s;
	struct nm_buf w = { 0 };
	int r;

	if (nm_nft_read(text, strlen(text), "t.nft", &a, &f, &err) != 0) {
		nm_test_fail(__FILE__, __LINE__, "%s", err.msg);
		nm_afree(&a);
		return -9;
	}
	if (nm_fw_ssh_connection(ssh, &s) != 0) {
		nm_afree(&a);
		return -8;
	}
	r = nm_nft_admits(&f, &s, &w);
	if (why != NULL)
		snprintf(why, wl, "%s", w.s ? w.s : "");
	nm_buf_free(&w);
	nm_afree(&a);
	return r;
}

TEST(nft_read_takes_the_table_block)
{
	struct nm_arena a = { 0 };
	struct nm_nft_file f;
	struct nm_error err = { 0 };

	CHECK_INT(nm_nft_read(ours, strlen(ours), "t.nft", &a, &f, &err), 0);
	CHECK_INT(f.line, 5);
	CHECK(nm_startswith(f.table, "table inet netmin {\n\tchain input {\n"));
	CHECK(nm_endswith(f.table, "\t}\n}\n"));
	CHECK_INT((long long)f.len, (long long)strlen(f.table));
	nm_afree(&a);
}

static const char *
read_err(const char *text)
{
	static struct nm_error err;
	struct nm_arena a = { 0 };
	struct nm_nft_file f;

	memset(&err, 0, sizeof(err));
	if (nm_nft_read(text, strlen(text), "t.nft", &a, &f, &err) == 0)
		snprintf(err.msg, sizeof(err.msg), "(accepted)");
	nm_afree(&a);
	return err.msg;
}

TEST(nft_read_refuses_what_is_not_the_netmin_table)
{
	CHECK_STR(read_err("flush ruleset\ntable inet netmin {\n}\n"),
	    "t.nft:1: netmin apply loads only the table inet netmin, and this "
	    "line is not part of it: flush ruleset");
	CHECK_STR(read_err("table inet netmin {\n}\ntable ip filter {\n}\n"),
	    "t.nft:3: netmin apply loads only the table inet netmin, and this "
	    "line is not part of it: table ip filter {");
	CHECK_STR(read_err("delete table ip filter\n"), "t.nft:1: netmin apply "
	    "loads only the table inet netmin, and this line is not part of "
	    "it: delete table ip filter");
	CHECK_STR(read_err("include \"/etc/x.nft\"\n"), "t.nft:1: netmin apply "
	    "loads only the table inet netmin, and this line is not part of "
	    "it: include \"/etc/x.nft\"");
	CHECK_STR(read_err("table inet netmin {\n}\ntable inet netmin {\n}\n"),
	    "t.nft:3: a second table inet netmin block (the first is at line "
	    "1)");
	CHECK_STR(read_err("table inet netmin {\n chain input {\n}\n"),
	    "t.nft:3: the file ends inside a block (a '}' is missing)");
	CHECK_STR(read_err("table inet netmin {\n}\n}\n"),
	    "t.nft:3: a '}' that closes nothing");
	CHECK_STR(read_err("table inet netmin {\n\tchain input { }\n} table ip "
	    "x { }\n"), "t.nft:3: the table's closing '}' must stand alone");
	CHECK_STR(read_err("# nothing\n"), "t.nft: no \"table inet netmin { "
	    "... }\" block: not a ruleset written by netmin firewall --emit "
	    "nft");
	CHECK_STR(read_err("table inet netmin {\n comment \"open\n}\n"),
	    "t.nft:2: a line netmin cannot read (an open quote, or too long)");
	/* Braces in comments and quotes do not count. */
	CHECK_STR(read_err("table inet netmin { # {\n chain c { comment \"}\" "
	    "}\n}\n"), "(accepted)");
	CHECK_STR(read_err("add table inet netmin { }\n"), "(accepted)");
}

TEST(nft_admits_the_session_as_the_rules_say)
{
	char why[256];

	CHECK_INT(admits(ours, "198.18.9.1 5000 198.18.9.2 22", NULL, 0), 1);
	CHECK_INT(admits(ours, "10.1.2.3 5000 198.18.9.2 22", NULL, 0), 1);
	CHECK_INT(admits(ours, "fd00::5 5000 fd00::1 2222", NULL, 0), 1);
	CHECK_INT(admits(ours, "192.0.2.1 5000 198.18.9.2 8005", NULL, 0), 1);
	/* Not from an allowed network; not a listed port. */
	CHECK_INT(admits(ours, "192.0.2.1 5000 198.18.9.2 22", why,
	    sizeof(why)), 0);
	CHECK_STR(why, "no rule admits it and the policy drops it");
	CHECK_INT(admits(ours, "fe80::1 5000 fd00::1 22", NULL, 0), 0);
	CHECK_INT(admits(ours, "10.1.2.3 5000 198.18.9.2 68", NULL, 0), 0);
}

TEST(nft_admits_drop_rules_policies_and_unknowns)
{
	char why[256];
	static const char drop_first[] =
	    "table inet netmin {\n\tchain input {\n\t\ttype filter hook input "
	    "priority 0; policy accept;\n\t\tip saddr 192.0.2.0/24 drop\n"
	    "\t\tct state != new accept\n\t}\n}\n";
	static const char unknown[] =
	    "table inet netmin {\n\tchain input {\n\t\ttype filter hook input "
	    "priority 0; policy drop;\n\t\ttcp dport 22 limit rate 5/second "
	    "accept\n\t}\n}\n";
	static const char jump[] =
	    "table inet netmin {\n\tchain input {\n\t\ttype filter hook input "
	    "priority 0; policy drop;\n\t\tjump other\n\t}\n"
	    "\tchain other {\n\t\taccept\n\t}\n}\n";
	static const char no_hook[] =
	    "table inet netmin {\n\tchain other {\n\t\tdrop\n\t}\n"
	    "\tset s {\n\t\ttype ipv4_addr\n\t\telements = { 1.2.3.4 }\n\t}\n"
	    "}\n";
	static const char other_proto[] =
	    "table inet netmin {\n\tchain input {\n\t\ttype filter hook input "
	    "priority 0; policy accept;\n\t\tudp dport 22 drop\n"
	    "\t\tip6 saddr ::/0 drop\n\t\tmeta l4proto udp drop\n"
	    "\t\tiifname \"eth0\" tcp dport 23 drop\n\t}\n}\n";

	CHECK_INT(admits(drop_first, "192.0.2.7 1 198.18.9.2 22", why,
	    sizeof(why)), 0);
	CHECK_STR(why, "line 4 drops it");
	CHECK_INT(admits(drop_first, "192.0.3.7 1 198.18.9.2 22", NULL, 0), 1);
	CHECK_INT(admits(unknown, "192.0.3.7 1 198.18.9.2 22", why,
	    sizeof(why)), -1);
	CHECK(strstr(why, "line 4: a rule netmin cannot evaluate: tcp dport 22 "
	    "limit") != NULL);
	CHECK_INT(admits(jump, "192.0.3.7 1 198.18.9.2 22", NULL, 0), -1);
	CHECK_INT(admits(no_hook, "192.0.3.7 1 198.18.9.2 22", NULL, 0), 1);
	/* Other protocols' rules never match a TCP session; an interface
	   other than lo cannot be told. */
	CHECK_INT(admits(other_proto, "192.0.3.7 1 198.18.9.2 22", NULL, 0), 1);
	CHECK_INT(admits(other_proto, "192.0.3.7 1 198.18.9.2 23", NULL, 0),
	    -1);
}

static const char listing[] =
"table inet netmin {\n"
"\tset allowed {\n"
"\t\ttype ipv4_addr\n"
"\t\telements = { 10.0.0.1, 10.0.0.2 }\n"
"\t}\n"
"\tct helper ftp-standard {\n"
"\t\ttype \"ftp\" protocol tcp\n"
"\t}\n"
"\tchain input {\n"
"\t\ttype filter hook input priority filter; policy drop;\n"
"\t\tip saddr @allowed accept\n"
"\t}\n"
"\tchain \"two words\" {\n"
"\t}\n"
"}\n";

TEST(nft_replace_in_place)
{
	struct nm_buf tx = { 0 };
	struct nm_error err = { 0 };

	CHECK_INT(nm_nft_replace(NULL, 0, "table inet netmin {\n}\n", 22, &tx,
	    &err), 0);
	CHECK_STR(tx.s, "table inet netmin {\n}\n");
	CHECK_INT(nm_nft_replace(listing, strlen(listing), "NEW\n", 4, &tx,
	    &err), 0);
	CHECK_STR(tx.s, "flush table inet netmin\n"
	    "delete set inet netmin allowed\n"
	    "delete ct helper inet netmin ftp-standard\n"
	    "delete chain inet netmin input\n"
	    "delete chain inet netmin \"two words\"\n"
	    "NEW\n");
	CHECK_INT(nm_nft_replace(listing, strlen(listing), NULL, 0, &tx, &err),
	    0);
	CHECK(nm_endswith(tx.s, "delete chain inet netmin \"two words\"\n"
	    "delete table inet netmin\n"));
	CHECK(nm_nft_replace("table inet netmin {\n\tmystery x {\n\t}\n}\n", 36,
	    NULL, 0, &tx, &err) != 0);
	CHECK(strstr(err.msg, "holds a 'mystery'") != NULL);
	nm_buf_free(&tx);
}

TEST(nft_op_journal_record_round_trip)
{
	struct nm_arena a = { 0 };
	struct nm_op op, back;
	struct nm_jrec *r;
	struct nm_buf line = { 0 }, d = { 0 };
	struct nm_journal_log log;
	struct nm_error err = { 0 };

	memset(&op, 0, sizeof(op));
	op.kind = NM_OP_NFT_TABLE;
	op.group = 1;
	op.mode = -1;
	op.data = "table inet netmin {\n}\n";
	op.len = strlen(op.data);
	op.prior.have = true;
	op.prior.exists = true;
	op.prior.data = listing;
	op.prior.len = strlen(listing);
	r = nm_jrec_new(&a, "begin");
	nm_jrec_str(&a, r, "schema", NM_JOURNAL_SCHEMA);
	nm_jrec_format(r, &line);
	r = nm_jrec_new(&a, "op");
	nm_jrec_int(&a, r, "i", 1);
	nm_op_to_record(&a, &op, r);
	nm_jrec_format(r, &line);
	CHECK_INT(nm_journal_parse(&log, line.s, line.len, &err), 0);
	CHECK_INT((long long)log.rec.n, 2);
	CHECK_INT(nm_op_from_record(&log.arena, &log.rec.v[1], &back, &err), 0);
	CHECK_INT(back.kind, NM_OP_NFT_TABLE);
	CHECK_STR(nm_op_kind_name(back.kind), "nft-table");
	CHECK_INT((long long)back.len, (long long)op.len);
	CHECK(memcmp(back.data, op.data, op.len) == 0);
	CHECK(back.prior.have && back.prior.exists);
	CHECK_INT((long long)back.prior.len, (long long)strlen(listing));
	CHECK(memcmp(back.prior.data, listing, strlen(listing)) == 0);
	CHECK(!nm_op_noop(&back));
	nm_op_describe(&back, &d);
	CHECK_STR(d.s, "load the nftables table inet netmin (2 lines, one "
	    "transaction; replaces the one there now, 15 lines, kept in the "
	    "journal)");
	nm_journal_log_free(&log);
	nm_buf_free(&line);
	nm_buf_free(&d);
	nm_afree(&a);
}
