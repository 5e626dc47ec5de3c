/*
 * cmd_explain.c - netmin explain PORT[/proto] | SERVICE: what it is, who
 * opens it, what breaks without it, and how to close it on a generation.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "kb.h"
#include "out.h"

static void
usage(FILE *f)
{
	fputs(
"usage: netmin explain PORT[/tcp|/udp] | SERVICE [--os ID] [--kb FILE]...\n"
"\n"
"What the knowledge base knows about a port or a service: its names\n"
"(Windows service, systemd units, process names), the generations it\n"
"exists on, what it opens, what depends on it and what breaks without it,\n"
"whether netmin closes or keeps it, and the exact commands that close it\n"
"(and undo that), each fact with its source.  SERVICE is a Windows service\n"
"name, a display name, a unit, a process name or a kb id.\n"
"\n"
"      --os ID       only what holds on this generation (windows-xp,\n"
"                    windows-server-2019, linux...)\n"
"      --kb FILE     add or override knowledge-base entries (doc/kb.md)\n"
"\n"
"Examples:\n"
"  netmin explain 135 --os windows-xp\n"
"  netmin explain 5355/udp --os windows-10\n"
"  netmin explain schedule\n"
"  netmin explain avahi-daemon.socket\n", f);
}

static bool
port_arg(const char *a, int *port, int *proto)
{
	const char *sl = strchr(a, '/');
	const char *num = a, *pr = NULL;
	size_t nl = strlen(a);

	*proto = -1;
	if (sl != NULL) {
		if (nm_startswith(a, "tcp/") || nm_startswith(a, "udp/")) {
			pr = a;
			num = sl + 1;
			nl = strlen(num);
		} else {
			pr = sl + 1;
			nl = (size_t)(sl - a);
		}
		*proto = strncmp(pr, "tcp", 3) == 0 ? NM_TCP :
		    strncmp(pr, "udp", 3) == 0 ? NM_UDP : -2;
		if (*proto == -2)
			return false;
	}
	return nm_parse_int(num, nl, 1, 65535, port) == 0;
}

static bool
opens(const struct nm_kb_entry *e, int port, int proto, nm_osmask os)
{
	size_t k;

	for (k = 0; k < e->ports.n; k++) {
		const struct nm_kb_port *p = &e->ports.v[k];

		if (!(p->f.os & os) || (proto >= 0 && p->proto != proto))
			continue;
		if ((p->kind == NM_KBP_FIXED && port >= p->port &&
		    port <= p->port_hi) ||
		    (p->kind == NM_KBP_TYPICAL && port == p->port))
			return true;
	}
	return false;
}

static bool
has_rpc(const struct nm_kb_entry *e, int proto, nm_osmask os)
{
	size_t k;

	for (k = 0; k < e->ports.n; k++)
		if (e->ports.v[k].kind == NM_KBP_RPC && (e->ports.v[k].f.os &
		    os) && (proto < 0 || e->ports.v[k].proto == proto))
			return true;
	return false;
}

static int
explain_port(const struct nm_kb *kb, int port, int proto, nm_osmask os,
    const char *osid, struct nm_buf *b)
{
	size_t i, n = 0;

	for (i = 0; i < kb->entries.n; i++) {
		const struct nm_kb_entry *e = kb->entries.v[i];

		if (!(e->os & os) || !opens(e, port, proto, os))
			continue;
		if (n++)
			nm_buf_putc(b, '\n');
		nm_out_explain(kb, e, os, osid, b);
	}
	if (nm_os_dynamic_rpc(os, port)) {
		size_t m = 0;

		nm_buf_printf(b, "%s%s%s%d is in the dynamic RPC range%s%s: "
		    "whoever registered it with the endpoint mapper owns it "
		    "(netmin rpcdump HOST, or netstat -ano with tasklist "
		    "/svc).  Services that register dynamic %sRPC ports:\n",
		    n ? "\n" : "", proto >= 0 ? nm_proto_name(proto) : "",
		    proto >= 0 ? "/" : "port ", port, osid ? " of " : "",
		    osid ? osid : "", proto == NM_UDP ? "datagram " : "");
		for (i = 0; i < kb->entries.n; i++)
			if ((kb->entries.v[i]->os & os) &&
			    has_rpc(kb->entries.v[i], proto, os))
				nm_buf_printf(b, "%s%s", m++ ? ", " : "  ",
				    nm_kb_name(kb->entries.v[i]));
		nm_buf_putc(b, '\n');
		n++;
	}
	return n ? 0 : -1;
}

int
cmd_explain(int argc, char **argv)
{
	enum { OPT_OS = 256, OPT_KB };
	static const struct option opts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "kb", required_argument, NULL, OPT_KB },
		{ "os", required_argument, NULL, OPT_OS },
		{ NULL, 0, NULL, 0 }
	};
	struct nm_srcopts so = { 0 };
	struct nm_kb kb;
	struct nm_buf out = { 0 };
	const struct nm_kb_entry *e;
	nm_osmask os = NM_OSM_ALL;
	int c, rc, port, proto;

	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'h':
			usage(stdout);
			nm_srcopts_free(&so);
			return NM_EXIT_OK;
		case OPT_KB:
			nm_srcopts_add_kb(&so, optarg);
			break;
		case OPT_OS:
			so.os = optarg;
			break;
		default:
			nm_srcopts_free(&so);
			return nm_usage_error("explain", "bad option");
		}
	}
	if (optind + 1 != argc) {
		nm_srcopts_free(&so);
		return nm_usage_error("explain", optind == argc ? "say what to "
		    "explain: a port (135, 5355/udp) or a service" :
		    "explain takes one port or service");
	}
	if ((rc = nm_check_os("explain", so.os)) != 0) {
		nm_srcopts_free(&so);
		return rc;
	}
	if (so.os)
		os = nm_os_mask(so.os);
	if ((rc = nm_load_kb(&so, &kb)) != 0)
		goto done;
	if (port_arg(argv[optind], &port, &proto)) {
		if (explain_port(&kb, port, proto, os, so.os, &out) != 0) {
			nm_msg("nothing in the knowledge base opens %s%s%d%s%s",
			    proto >= 0 ? nm_proto_name(proto) : "port ",
			    proto >= 0 ? "/" : "", port, so.os ? " on " : "",
			    so.os ? so.os : "");
			rc = NM_EXIT_USAGE;
		}
	} else if ((e = nm_kb_find_name(&kb, argv[optind], os)) != NULL) {
		nm_out_explain(&kb, e, os, so.os, &out);
	} else {
		nm_msg("'%s' names no port, service, unit, process or "
		    "knowledge-base entry (netmin kb list shows them)",
		    argv[optind]);
		rc = NM_EXIT_USAGE;
	}
	nm_write_buf(stdout, &out);
done:
	nm_kb_free(&kb);
	nm_buf_free(&out);
	nm_srcopts_free(&so);
	return rc;
}
