/*
 * cmd_rpcdump.c - netmin rpcdump: ask a host's DCE/RPC endpoint mapper
 * which RPC interfaces it serves and where (dynamic TCP/UDP ports, named
 * pipes, local names), and say which service each one belongs to.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "epm.h"
#include "out.h"

static void
usage(FILE *f)
{
	fprintf(f,
"usage: netmin rpcdump HOST [--port N] [--timeout SECONDS] [--json]\n"
"                           [--record FILE]\n"
"       netmin rpcdump --replay FILE [HOST] [--json]\n"
"\n"
"Connect to the DCE/RPC endpoint mapper on HOST (TCP 135, no credentials),\n"
"list every entry of its endpoint map with ept_lookup, and show one block\n"
"per RPC interface: UUID and version, annotation, the interface's name and\n"
"specification, the Windows service that hosts it, and its bindings\n"
"(ncacn_ip_tcp:IP[port], ncadg_ip_udp:IP[port], ncacn_np:\\\\HOST[\\pipe\\x],\n"
"ncalrpc:[name], ncacn_http:IP[port]).  A table of the TCP/UDP ports the\n"
"map names follows: on Windows those are the dynamic RPC ports (1025-5000\n"
"before Vista, 49152 and up after) and this is how to tell who owns them.\n"
"\n"
"  -p, --port N        endpoint-mapper port (default 135; 593 is RPC over\n"
"                      HTTP and is not supported)\n"
"  -t, --timeout SECS  connect and per-read timeout, 1-300 (default 5); the\n"
"                      whole dump is abandoned after %d times that\n"
"      --json         netmin.rpcdump/1 document, one entry per tower, with\n"
"                      binding strings written as Impacket's rpcdump writes\n"
"                      them (see doc/json.md)\n"
"      --record FILE  also save every byte the server sent (for bug reports\n"
"                      and tests); written even when the dump fails\n"
"      --replay FILE  read the server's side from a --record file instead\n"
"                      of connecting (HOST then only labels the output)\n"
"\n"
"Interfaces are named from netmin's table of %zu well-known interfaces\n"
"(kb/rpc-interfaces.tsv: Microsoft open specifications, Impacket).  Both\n"
"end-of-list conventions are accepted: Windows' null context handle and\n"
"Samba's ept_s_not_registered status.  Replies are size-checked: at most\n"
"%d entries, %d calls and %zu MiB per reply.\n"
"\n"
"Exit status: 0 dump complete, 2 usage error, 3 network or protocol\n"
"failure (no partial output).\n"
"\n"
"Examples:\n"
"  netmin rpcdump 192.0.2.10\n"
"  netmin rpcdump --json 192.0.2.10 > host-rpc.json\n"
"  netmin rpcdump -t 2 --record ept.bin 192.0.2.10\n",
	    NM_EPM_DEADLINE_FACTOR, nm_nrpcifs, NM_EPM_MAX_ENTRIES,
	    NM_EPM_MAX_PAGES, NM_EPM_MAX_REPLY >> 20);
}

static int
save_record(const char *path, const struct nm_buf *b)
{
	FILE *f = fopen(path, "wb");

	if (f == NULL) {
		nm_msg("cannot write %s: %s", path, strerror(errno));
		return -1;
	}
	if ((b->len && fwrite(b->s, 1, b->len, f) != b->len) ||
	    fclose(f) != 0) {
		nm_msg("cannot write %s", path);
		return -1;
	}
	return 0;
}

int
cmd_rpcdump(int argc, char **argv)
{
	enum { OPT_JSON = 256, OPT_RECORD, OPT_REPLAY };
	static const struct option opts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "json", no_argument, NULL, OPT_JSON },
		{ "port", required_argument, NULL, 'p' },
		{ "record", required_argument, NULL, OPT_RECORD },
		{ "replay", required_argument, NULL, OPT_REPLAY },
		{ "timeout", required_argument, NULL, 't' },
		{ NULL, 0, NULL, 0 }
	};
	const char *record = NULL, *replay = NULL, *host;
	struct nm_epm_dump d;
	struct nm_error err = { 0 };
	struct nm_buf rec = { 0 }, out = { 0 }, in = { 0 };
	bool json = false;
	int c, port = 135, timeout = 5, rc;

	while ((c = getopt_long(argc, argv, "hp:t:", opts, NULL)) != -1) {
		switch (c) {
		case 'h':
			usage(stdout);
			return NM_EXIT_OK;
		case 'p':
			if (nm_parse_int(optarg, strlen(optarg), 1, 65535,
			    &port) != 0)
				return nm_usage_error("rpcdump", "bad port '%s' "
				    "(1-65535)", optarg);
			break;
		case 't':
			if (nm_parse_int(optarg, strlen(optarg), 1, 300,
			    &timeout) != 0)
				return nm_usage_error("rpcdump", "bad timeout "
				    "'%s' (1-300 seconds)", optarg);
			break;
		case OPT_JSON:
			json = true;
			break;
		case OPT_RECORD:
			record = optarg;
			break;
		case OPT_REPLAY:
			replay = optarg;
			break;
		default:
			return nm_usage_error("rpcdump", "bad option");
		}
	}
	if (argc - optind > 1)
		return nm_usage_error("rpcdump", "unexpected argument '%s'",
		    argv[optind + 1]);
	if (optind == argc && replay == NULL)
		return nm_usage_error("rpcdump", "which host? (netmin rpcdump "
		    "HOST)");
	if (replay != NULL && record != NULL)
		return nm_usage_error("rpcdump", "--record and --replay exclude "
		    "each other");
	host = optind < argc ? argv[optind] : replay;
	if (port == 593)
		return nm_usage_error("rpcdump", "port 593 speaks RPC over "
		    "HTTP (ncacn_http), which netmin does not; use 135");

	memset(&d, 0, sizeof(d));
	if (replay != NULL) {
		struct nm_epm_replay r = { 0 };
		struct nm_epm_io io;

		if (nm_read_file(replay, NM_EPM_MAX_REPLY * 4, &in, &err) != 0) {
			nm_msg("%s", err.msg);
			return nm_exit_for(&err);
		}
		r.p = (const uint8_t *)in.s;
		r.len = in.len;
		nm_epm_replay_io(&io, &r);
		rc = nm_epm_run(&io, &d, &err);
	} else
		rc = nm_epm_query(host, port, timeout * 1000,
		    record ? &rec : NULL, &d, &err);
	if (record != NULL && save_record(record, &rec) != 0 && rc == 0) {
		err.code = NM_ERR_IO;
		rc = -1;
		err.msg[0] = '\0';
	}
	if (rc == 0) {
		if (json)
			nm_out_rpcdump_json(host, port, &d, &out);
		else
			nm_out_rpcdump_text(host, port, &d, &out);
		nm_write_buf(stdout, &out);
	} else if (err.msg[0] != '\0')
		nm_msg("rpcdump %s: %s", host, err.msg);
	nm_buf_free(&out);
	nm_buf_free(&rec);
	nm_buf_free(&in);
	nm_epm_dump_free(&d);
	return rc == 0 ? NM_EXIT_OK : NM_EXIT_FAIL;
}
