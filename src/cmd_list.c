/*
 * cmd_list.c - netmin list: every endpoint, its owner and its exposure.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "kb.h"
#include "out.h"
#include "parse.h"

static void
usage(FILE *f)
{
	size_t i;

	fputs(
"usage: netmin list [--from FILE]... [--os ID] [--rpcdump HOST] [--kb FILE]...\n"
"                   [-a] [-t] [-u] [-4] [-6] [-w]\n"
"                   [--netns NAME|PATH | --all-netns] [--json | --csv]\n"
"\n"
"List listening TCP endpoints and every UDP endpoint, with the owning PID,\n"
"process and services, and who can reach each one (exposure: all\n"
"interfaces, one address, or loopback).\n"
"\n"
"With no --from it reads this host: on Linux the kernel's socket table\n"
"(netlink sock_diag), each socket's processes (as root through a BPF fd\n"
"iterator, else /proc/PID/fd; NETMIN_FD_READER=proc|bpf forces one), their\n"
"user, executable, systemd unit and container (cgroup), the .socket unit\n"
"of sockets systemd (PID 1) holds, and the network namespace.  Sockets no\n"
"process holds (kernel sockets: NFS, WireGuard) are listed with a note.\n"
"Without root, other users' processes cannot be read: their sockets are\n"
"listed without owners and a warning says how many.\n"
"\n"
"  -f, --from FILE   read captured command output instead of the live host;\n"
"                    repeat to combine captures of one host (netstat -ano +\n"
"                    tasklist /svc gives PID -> services).  FORMAT:FILE forces\n"
"                    a format; '-' reads stdin\n"
"      --os ID       the host's generation when a capture cannot show it:\n"
"                    windows-2000, windows-xp, windows-2003, windows-7,\n"
"                    windows-10, windows-server-2016, ..., linux\n"
"      --rpcdump HOST\n"
"                    ask HOST's RPC endpoint mapper (TCP 135) which\n"
"                    service owns each dynamic RPC port; a saved dump\n"
"                    (netmin rpcdump --json, Impacket rpcdump output)\n"
"                    works as a --from file too\n"
"  -a, --all         connections too, not only listeners and UDP (live:\n"
"                    and raw sockets)\n"
"      --netns NAME  the sockets of another network namespace (a name from\n"
"                    'ip netns', or a path such as /proc/PID/ns/net; root)\n"
"      --all-netns   ours and every namespace in /run/netns or used by a\n"
"                    process (root); a NETNS column tells them apart\n"
"  -t, --tcp         TCP only            -u, --udp   UDP only\n"
"  -4                IPv4 only           -6          IPv6 only\n"
"      --kb FILE     add or override knowledge-base entries (doc/kb.md)\n"
"  -w, --why         add a WHY column: the evidence behind each attribution\n"
"      --json        netmin.inventory/1 document (see doc/json.md)\n"
"      --csv         one row per endpoint, for spreadsheets and diffs\n"
"\n"
"Rows the old Windows TCP stack invented (a LISTENING row for the local\n"
"port of an outgoing connection) are shown as phantoms and never counted\n"
"as open.  Rows that look like data but cannot be read are reported as\n"
"warnings with file:line.\n"
"\n"
"Capture formats (detected):\n", f);
	for (i = 0; nm_parsers[i] != NULL; i++)
		fprintf(f, "  %-17s %s\n", nm_parsers[i]->name,
		    nm_parsers[i]->what);
	fputs(
"\n"
"Examples:\n"
"  netmin list                       # this host, listeners with owners\n"
"  netmin list --all-netns --json    # containers and ip-netns too\n"
"  netmin list --from netstat-ano.txt --from tasklist-svc.txt\n"
"  netmin list --from w2k.txt --os windows-2000 --json\n"
"  netmin list --from netstat-an.txt --from rpcdump.json   # who owns 1025+\n"
"  ssh host 'ss -tulpn' | netmin list --from -\n", f);
}

int
cmd_list(int argc, char **argv)
{
	enum { OPT_JSON = 256, OPT_CSV, OPT_OS, OPT_RPCDUMP, OPT_KB };
	static const struct option opts[] = {
		{ "all", no_argument, NULL, 'a' },
		NM_SRCOPTS_LONG,
		{ "csv", no_argument, NULL, OPT_CSV },
		{ "from", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ "json", no_argument, NULL, OPT_JSON },
		{ "kb", required_argument, NULL, OPT_KB },
		{ "os", required_argument, NULL, OPT_OS },
		{ "rpcdump", required_argument, NULL, OPT_RPCDUMP },
		{ "tcp", no_argument, NULL, 't' },
		{ "udp", no_argument, NULL, 'u' },
		{ "why", no_argument, NULL, 'w' },
		{ NULL, 0, NULL, 0 }
	};
	struct nm_srcopts so = { 0 };
	struct nm_filter flt = { 0 };
	struct nm_snapshot snap;
	struct nm_kb kb;
	struct nm_buf out = { 0 };
	bool json = false, csv = false;
	int c, rc;

	while ((c = getopt_long(argc, argv, "46af:htuw", opts, NULL)) != -1) {
		switch (c) {
		case '4':
			flt.v4 = true;
			break;
		case '6':
			flt.v6 = true;
			break;
		case 'a':
			flt.all = true;
			so.live.all = true;
			break;
		case 'f':
			nm_srcopts_add_from(&so, optarg);
			break;
		case 'h':
			usage(stdout);
			nm_srcopts_free(&so);
			return NM_EXIT_OK;
		case 't':
			flt.tcp = true;
			break;
		case 'u':
			flt.udp = true;
			break;
		case OPT_JSON:
			json = true;
			break;
		case OPT_CSV:
			csv = true;
			break;
		case OPT_OS:
			so.os = optarg;
			break;
		case OPT_RPCDUMP:
			nm_srcopts_add_rpcdump(&so, optarg);
			break;
		case OPT_KB:
			nm_srcopts_add_kb(&so, optarg);
			break;
		case 'w':
			flt.why = true;
			break;
		default:
			if (nm_srcopts_option(&so, c, optarg))
				break;
			nm_srcopts_free(&so);
			return nm_usage_error("list", "bad option");
		}
	}
	if (optind < argc) {
		nm_srcopts_free(&so);
		return nm_usage_error("list", "unexpected argument '%s'",
		    argv[optind]);
	}
	if (json && csv) {
		nm_srcopts_free(&so);
		return nm_usage_error("list", "--json and --csv exclude each "
		    "other");
	}
	if ((rc = nm_check_os("list", so.os)) != 0) {
		nm_srcopts_free(&so);
		return rc;
	}
	/* We only print: keep big live tables compact, unless RPC evidence
	   must be applied to every endpoint (nm_snap_finish).  Attribution
	   then happens as each endpoint is read. */
	so.live.lazy = so.nrpcdump == 0;
	rc = nm_load_attributed(&so, &snap, &kb);
	nm_buf_stream(&out, stdout);
	if (rc == 0 && snap.lazy != NULL && !json && !flt.why)
		snap.lazy->terse = true;
	if (rc == 0) {
		if (json)
			nm_out_inventory_json(&snap, &flt, &out);
		else
			nm_out_inventory_table(&snap, &flt, csv, &out);
		nm_write_buf(stdout, &out);
	}
	nm_buf_free(&out);
	nm_snap_free(&snap);
	nm_kb_free(&kb);
	nm_srcopts_free(&so);
	return rc;
}
