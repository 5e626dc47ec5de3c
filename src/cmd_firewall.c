/*
 * cmd_firewall.c - netmin firewall: a default-deny inbound ruleset that
 * admits exactly what the plan keeps (plus --keep), as nftables, iptables,
 * netsh or PowerShell, each with its undo form; or the model as a table or
 * JSON (netmin.firewall/1).
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "fw.h"
#include "kb.h"
#include "out.h"
#include "plan.h"

static void
usage(FILE *f)
{
	fputs(
"usage: netmin firewall [--from FILE]... [--os ID] [--kb FILE]...\n"
"                       [--keep NAME|PORT]... [--drop NAME|PORT]...\n"
"                       [--allow-from NAME|PORT=CIDR[,CIDR...]]...\n"
"                       [--dhcp | --no-dhcp]\n"
"                       [--json | --emit nft|iptables|netsh|ps1 [--undo]\n"
"                       [-o FILE]]\n"
"\n"
"A default-deny inbound ruleset that admits exactly the services the plan\n"
"keeps (netmin plan with the same --keep and --drop), and what --keep\n"
"names; loopback, established and related traffic, the ICMP and ICMPv6\n"
"messages IP needs (errors, path MTU, neighbour discovery) and, where the\n"
"host uses DHCP, DHCP client replies always pass.  Every other listening\n"
"port is filtered, and the output says why for each.  Services the\n"
"knowledge base keeps only because they cannot be turned off (the RPC\n"
"endpoint mapper, Event Log, NTP...) are filtered unless --keep names them.\n"
"\n"
"The lockout guard: the session you administer the host through stays\n"
"admitted (SSH_CONNECTION on the live host, or an established connection\n"
"to sshd, Remote Desktop or WinRM in a capture) unless --drop names its\n"
"port or service.\n"
"\n"
"  -f, --from FILE   a capture of the host (repeatable; see netmin list);\n"
"                    without it the live host (--netns NAME: another\n"
"                    network namespace)\n"
"      --os ID       the host's generation (see netmin plan --help)\n"
"      --kb FILE     add or override knowledge-base entries\n"
"  -k, --keep X      admit a service (name, unit, process or kb id) or a\n"
"                    port (80, 80/tcp); a port nothing listens on is\n"
"                    admitted too\n"
"  -d, --drop X      filter it although the plan keeps it (also your own\n"
"                    session's port: then the guard is left out)\n"
"      --allow-from X=CIDR[,CIDR...]\n"
"                    admit X only from these networks (IPv4 or IPv6; X as\n"
"                    for --keep, which it implies)\n"
"      --dhcp, --no-dhcp\n"
"                    admit DHCP client replies or not (default: when the\n"
"                    host has a DHCP client)\n"
"      --json        the model as netmin.firewall/1 (doc/json.md)\n"
"      --emit FMT    nft (table inet netmin), iptables (sh script, chain\n"
"                    NETMIN-IN), netsh (cmd script, rules netmin-*) or ps1\n"
"                    (New-NetFirewallRule -Group netmin)\n"
"      --undo        write the undo form instead: it removes exactly what\n"
"                    the ruleset adds\n"
"  -o, --output FILE write to FILE, and the undo form to FILE with \"-undo\"\n"
"                    before its extension (default: standard output)\n"
"\n"
"Nothing is changed here.  netmin apply FILE --yes loads an nft ruleset in\n"
"one transaction, journaled: netmin undo JOURNAL puts back the table it\n"
"replaced, byte for byte.\n"
"\n"
"Examples:\n"
"  netmin firewall --keep nginx --allow-from ssh=198.18.9.0/24\n"
"  netmin firewall --keep 443/tcp --emit nft -o netmin.nft\n"
"  netmin apply netmin.nft --yes --journal /root/fw.journal\n"
"  netmin firewall --from netstat-ano.txt --from tasklist-svc.txt --emit ps1\n",
	    f);
}

/* "fw.nft" -> "fw-undo.nft" */
static char *
undo_name_for(const char *output)
{
	const char *base = strrchr(output, '/'), *dot;
	struct nm_buf b = { 0 };

	base = base ? base + 1 : output;
	dot = strrchr(base, '.');
	if (dot == NULL || dot == base)
		dot = output + strlen(output);
	nm_buf_printf(&b, "%.*s-undo%s", (int)(dot - output), output, dot);
	return b.s;
}

static int
write_file(const char *path, const struct nm_buf *b, struct nm_error *err)
{
	FILE *f = fopen(path, "wb");
	bool ok;

	if (f == NULL)
		return nm_seterr(err, NM_ERR_IO, "%s: %s", path,
		    strerror(errno));
	ok = fwrite(b->s, 1, b->len, f) == b->len;
	if (fclose(f) != 0)
		ok = false;
	if (!ok)
		return nm_seterr(err, NM_ERR_IO, "%s: cannot write: %s", path,
		    strerror(errno));
	return 0;
}

int
cmd_firewall(int argc, char **argv)
{
	enum { OPT_JSON = 256, OPT_OS, OPT_KB, OPT_EMIT, OPT_UNDO,
	    OPT_ALLOW_FROM, OPT_DHCP, OPT_NO_DHCP };
	static const struct option opts[] = {
		NM_SRCOPTS_LONG,
		{ "allow-from", required_argument, NULL, OPT_ALLOW_FROM },
		{ "dhcp", no_argument, NULL, OPT_DHCP },
		{ "drop", required_argument, NULL, 'd' },
		{ "emit", required_argument, NULL, OPT_EMIT },
		{ "from", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ "json", no_argument, NULL, OPT_JSON },
		{ "kb", required_argument, NULL, OPT_KB },
		{ "keep", required_argument, NULL, 'k' },
		{ "no-dhcp", no_argument, NULL, OPT_NO_DHCP },
		{ "os", required_argument, NULL, OPT_OS },
		{ "output", required_argument, NULL, 'o' },
		{ "undo", no_argument, NULL, OPT_UNDO },
		{ NULL, 0, NULL, 0 }
	};
	struct nm_srcopts so = { 0 };
	struct nm_fwopts fo = { .dhcp = -1 };
	struct nm_planopts po = { 0 };
	struct nm_snapshot snap = { 0 }, conns = { 0 };
	struct nm_kb kb = { 0 };
	struct nm_plan plan = { 0 };
	struct nm_fw fw = { 0 };
	struct nm_arena a = { 0 };
	struct nm_error err = { 0 };
	struct nm_buf out = { 0 }, undo = { 0 };
	NM_VEC(const char *) keep = { 0 }, drop = { 0 };
	NM_VEC(struct nm_fw_allow) allow = { 0 };
	const char *emit = NULL, *output = NULL;
	bool json = false, undo_only = false, have_plan = false,
	    have_fw = false, have_conns = false;
	int c, fmt = -1, rc = 0;
	size_t i;

	optind = 1;
	while ((c = getopt_long(argc, argv, "d:f:hk:o:", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			*NM_VEC_PUSH(&drop) = optarg;
			break;
		case 'f':
			nm_srcopts_add_from(&so, optarg);
			break;
		case 'h':
			usage(stdout);
			rc = -1;
			goto done;
		case 'k':
			*NM_VEC_PUSH(&keep) = optarg;
			break;
		case 'o':
			output = optarg;
			break;
		case OPT_ALLOW_FROM: {
			struct nm_fw_allow al;

			if (nm_fw_allow_parse(optarg, &al, &err) != 0) {
				rc = nm_usage_error("firewall", "%s", err.msg);
				goto done;
			}
			*NM_VEC_PUSH(&allow) = al;
			break;
		}
		case OPT_DHCP:
			fo.dhcp = 1;
			break;
		case OPT_NO_DHCP:
			fo.dhcp = 0;
			break;
		case OPT_EMIT:
			emit = optarg;
			break;
		case OPT_JSON:
			json = true;
			break;
		case OPT_KB:
			nm_srcopts_add_kb(&so, optarg);
			break;
		case OPT_OS:
			so.os = optarg;
			break;
		case OPT_UNDO:
			undo_only = true;
			break;
		default:
			if (nm_srcopts_option(&so, c, optarg))
				break;
			rc = nm_usage_error("firewall", "bad option");
			goto done;
		}
	}
	if (optind < argc) {
		rc = nm_usage_error("firewall", "unexpected argument '%s'",
		    argv[optind]);
		goto done;
	}
	if ((rc = nm_check_os("firewall", so.os)) != 0)
		goto done;
	if (emit != NULL && (fmt = nm_fw_fmt_from_name(emit)) < 0) {
		rc = nm_usage_error("firewall", "--emit takes nft, iptables, "
		    "netsh or ps1, not '%s'", emit);
		goto done;
	}
	if (emit != NULL && json) {
		rc = nm_usage_error("firewall", "--json and --emit are two "
		    "different outputs; choose one");
		goto done;
	}
	if (emit == NULL && (undo_only || output != NULL)) {
		rc = nm_usage_error("firewall", "--undo and --output need --emit "
		    "nft|iptables|netsh|ps1");
		goto done;
	}

	if ((rc = nm_load_attributed(&so, &snap, &kb)) != 0)
		goto free;
	/* Live: the connections too, where the guard finds sessions. */
	if (so.nfrom == 0) {
		if (nm_load_connections(&so.live, &kb, &conns, &err) != 0) {
			rc = nm_err_exit("firewall", &err);
			goto free;
		}
		have_conns = true;
		fo.conns = &conns;
	}
	fo.keep = keep.v;
	fo.nkeep = keep.n;
	fo.drop = drop.v;
	fo.ndrop = drop.n;
	fo.allow = allow.v;
	fo.nallow = allow.n;
	if (so.nfrom == 0)
		fo.ssh_connection = getenv("SSH_CONNECTION");
	if (nm_fw_planopts(&snap, &kb, &fo, &po, &a, &err) != 0 ||
	    nm_plan_make(&plan, &snap, &kb, &po, &err) != 0) {
		rc = nm_err_exit("firewall", &err);
		goto free;
	}
	have_plan = true;
	if (nm_fw_make(&fw, &snap, &kb, &plan, &fo, &err) != 0) {
		rc = nm_err_exit("firewall", &err);
		goto free;
	}
	have_fw = true;
	if (fmt < 0) {
		if (json)
			nm_out_fw_json(&fw, &out);
		else
			nm_out_fw_text(&fw, &out);
		nm_write_buf(stdout, &out);
		goto free;
	}
	nm_fw_emit(&fw, fmt, undo_only, &out, &err);
	if (output == NULL) {
		nm_write_buf(stdout, &out);
	} else {
		char *un = undo_name_for(output);

		rc = write_file(output, &out, &err);
		if (rc == 0 && !undo_only) {
			nm_fw_emit(&fw, fmt, true, &undo, &err);
			rc = write_file(un, &undo, &err);
		}
		if (rc == 0)
			nm_msg("firewall: wrote %s (%s%s)%s%s", output,
			    nm_fw_fmt_name(fmt), undo_only ? ", undo form" : "",
			    undo_only ? "" : " and its undo form ",
			    undo_only ? "" : un);
		free(un);
		if (rc != 0) {
			rc = nm_err_exit("firewall", &err);
			goto free;
		}
	}
	for (i = 0; i < fw.notes.n; i++)
		nm_msg("note: %s", fw.notes.v[i]);
free:
	if (have_fw)
		nm_fw_free(&fw);
	if (have_plan)
		nm_plan_free(&plan);
	if (have_conns)
		nm_snap_free(&conns);
	nm_snap_free(&snap);
	nm_kb_free(&kb);
done:
	for (i = 0; i < allow.n; i++)
		nm_fw_allow_free(&allow.v[i]);
	NM_VEC_FREE(&allow);
	NM_VEC_FREE(&keep);
	NM_VEC_FREE(&drop);
	nm_buf_free(&out);
	nm_buf_free(&undo);
	nm_afree(&a);
	nm_srcopts_free(&so);
	return rc < 0 ? NM_EXIT_OK : rc;
}
