/*
 * cmd_kb.c - netmin kb: read the knowledge base back.  list, show,
 * check (validate files), unverified (facts not yet checked on a real
 * host), sources.
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
"usage: netmin kb list [--os ID] [--kb FILE]...\n"
"       netmin kb show ID|NAME [--os ID] [--kb FILE]...\n"
"       netmin kb check FILE...\n"
"       netmin kb unverified [--kb FILE]...\n"
"       netmin kb sources [--kb FILE]...\n"
"\n"
"The knowledge base is data (kb/*.kb, compiled in; format in doc/kb.md).\n"
"list      every entry: id, generations, ports, what netmin does with it;\n"
"          ends with the entry count per OS family\n"
"show      one entry, as netmin explain shows it\n"
"check     validate files written for --kb (file:line errors, exit 2)\n"
"unverified  every fact marked unverified, with where it is written\n"
"sources   the sources facts cite\n", f);
}

static void
ports_brief(const struct nm_kb_entry *e, nm_osmask os, struct nm_buf *b)
{
	size_t k, n = 0;

	for (k = 0; k < e->ports.n; k++) {
		const struct nm_kb_port *p = &e->ports.v[k];

		if (!(p->f.os & os))
			continue;
		nm_buf_printf(b, "%s%s/", n++ ? " " : "",
		    nm_proto_name(p->proto));
		if (p->kind == NM_KBP_RPC)
			nm_buf_puts(b, "rpc");
		else if (p->kind == NM_KBP_EPHEMERAL)
			nm_buf_puts(b, "ephemeral");
		else if (p->port == p->port_hi)
			nm_buf_printf(b, "%d%s", p->port,
			    p->kind == NM_KBP_TYPICAL ? "~" : "");
		else
			nm_buf_printf(b, "%d-%d", p->port, p->port_hi);
	}
	if (n == 0)
		nm_buf_puts(b, "-");
}

static void
kb_list(const struct nm_kb *kb, nm_osmask os, struct nm_buf *b)
{
	static const char *head[] = { "ID", "ON", "OPENS", "NETMIN" };
	struct nm_table t;
	struct nm_buf pb = { 0 };
	size_t i, nwin = 0, nlin = 0, nsvc = 0, nfacts = 0, nunv = 0, k;
	char osd[96];

	nm_table_init(&t, NM_NELEM(head), head);
	for (i = 0; i < kb->entries.n; i++) {
		const struct nm_kb_entry *e = kb->entries.v[i];
		const struct nm_kb_policy *p = nm_kb_policy_for(e, os);

		if (!(e->os & os))
			continue;
		if (nm_startswith(e->id, "windows/"))
			nwin++;
		else
			nlin++;
		nsvc += e->nservices + e->nunits;
		nfacts += e->ports.n + e->rpc.n + e->breaks.n + e->policy.n +
		    e->actions.n + e->defaults.n;
		for (k = 0; k < e->ports.n; k++)
			nunv += e->ports.v[k].f.unverified;
		for (k = 0; k < e->actions.n; k++)
			nunv += e->actions.v[k].f.unverified;
		for (k = 0; k < e->policy.n; k++)
			nunv += e->policy.v[k].f.unverified;
		for (k = 0; k < e->defaults.n; k++)
			nunv += e->defaults.v[k].f.unverified;
		nm_buf_reset(&pb);
		ports_brief(e, os, &pb);
		nm_table_cell(&t, "%s", e->id);
		nm_table_cell(&t, "%s", nm_os_describe(e->os, osd,
		    sizeof(osd)));
		nm_table_cell(&t, "%s", pb.s);
		nm_table_cell(&t, "%s", p == NULL ? "disable" :
		    p->stance == NM_STANCE_DISABLE ? "disable" :
		    p->stance == NM_STANCE_KEEP ? "keep" : "manual");
	}
	nm_table_render(&t, b);
	nm_table_free(&t);
	nm_buf_free(&pb);
	nm_buf_printf(b, "\n%zu entries: %zu Windows, %zu Linux; %zu service "
	    "and unit names; %zu facts, %zu of them unverified; %zu sources.\n"
	    "(~ marks a typical dynamic port; the policy shown is the first "
	    "that matches --os)\n", nwin + nlin, nwin, nlin, nsvc, nfacts,
	    nunv, kb->sources.n);
}

static void
unv(struct nm_buf *b, const struct nm_kb_entry *e, const char *what,
    const struct nm_kb_fact *f, const char *text)
{
	char osd[96];

	if (!f->unverified)
		return;
	nm_buf_printf(b, "%s:%d: %s %s on %s: %s [%s]\n", f->file, f->line,
	    e->id, what, nm_os_describe(f->os, osd, sizeof(osd)), text,
	    f->src);
}

static void
kb_unverified(const struct nm_kb *kb, struct nm_buf *b)
{
	size_t i, k;
	char w[64];

	for (i = 0; i < kb->entries.n; i++) {
		const struct nm_kb_entry *e = kb->entries.v[i];

		for (k = 0; k < e->ports.n; k++) {
			const struct nm_kb_port *p = &e->ports.v[k];

			if (p->kind == NM_KBP_RPC)
				snprintf(w, sizeof(w), "%s/rpc",
				    nm_proto_name(p->proto));
			else
				snprintf(w, sizeof(w), "%s/%d",
				    nm_proto_name(p->proto), p->port);
			unv(b, e, "port", &p->f, p->note ? p->note : w);
		}
		for (k = 0; k < e->actions.n; k++) {
			const struct nm_kb_action *a = &e->actions.v[k];

			unv(b, e, "action", &a->f, a->title ? a->title :
			    a->a1 ? a->a1 : "");
		}
		for (k = 0; k < e->policy.n; k++)
			unv(b, e, "policy", &e->policy.v[k].f,
			    e->policy.v[k].why ? e->policy.v[k].why : "");
		for (k = 0; k < e->defaults.n; k++)
			unv(b, e, "default start", &e->defaults.v[k].f,
			    e->defaults.v[k].start);
		for (k = 0; k < e->breaks.n; k++)
			unv(b, e, "breaks", &e->breaks.v[k].f,
			    e->breaks.v[k].text);
	}
}

int
cmd_kb(int argc, char **argv)
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
	struct nm_error err = { 0 };
	nm_osmask os = NM_OSM_ALL;
	const char *verb;
	int c, rc = 0, i;

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
			return nm_usage_error("kb", "bad option");
		}
	}
	if (optind >= argc) {
		nm_srcopts_free(&so);
		return nm_usage_error("kb", "say list, show, check, unverified "
		    "or sources");
	}
	verb = argv[optind++];
	if ((rc = nm_check_os("kb", so.os)) != 0) {
		nm_srcopts_free(&so);
		return rc;
	}
	if (so.os)
		os = nm_os_mask(so.os);
	if (strcmp(verb, "check") == 0) {
		/* Each file on top of the built-in kb, as --kb reads it. */
		if (optind >= argc) {
			nm_srcopts_free(&so);
			return nm_usage_error("kb", "check wants FILE...");
		}
		for (i = optind; i < argc && rc == 0; i++)
			nm_srcopts_add_kb(&so, argv[i]);
		rc = nm_load_kb(&so, &kb);
		if (rc == 0)
			printf("%d file%s valid: %zu entries in all (%zu "
			    "replaced a built-in one)\n", argc - optind,
			    argc - optind == 1 ? "" : "s", kb.entries.n,
			    kb.noverridden);
		nm_kb_free(&kb);
		nm_srcopts_free(&so);
		return rc;
	}
	if ((rc = nm_load_kb(&so, &kb)) != 0)
		goto done;
	if (strcmp(verb, "list") == 0 && optind == argc) {
		kb_list(&kb, os, &out);
	} else if (strcmp(verb, "show") == 0 && optind + 1 == argc) {
		const struct nm_kb_entry *e = nm_kb_find_name(&kb,
		    argv[optind], os);

		if (e == NULL) {
			nm_msg("no knowledge-base entry for '%s'",
			    argv[optind]);
			rc = NM_EXIT_USAGE;
		} else {
			nm_out_explain(&kb, e, os, so.os, &out);
		}
	} else if (strcmp(verb, "unverified") == 0 && optind == argc) {
		kb_unverified(&kb, &out);
	} else if (strcmp(verb, "sources") == 0 && optind == argc) {
		size_t k;

		for (k = 0; k < kb.sources.n; k++)
			nm_buf_printf(&out, "%-8s %-10s %s%s%s\n",
			    kb.sources.v[k].key, kb.sources.v[k].kind,
			    kb.sources.v[k].title, kb.sources.v[k].url ?
			    "\n                    " : "", kb.sources.v[k].url ?
			    kb.sources.v[k].url : "");
	} else {
		rc = nm_usage_error("kb", "unknown use of '%s'", verb);
	}
	(void)err;
	nm_write_buf(stdout, &out);
done:
	nm_kb_free(&kb);
	nm_buf_free(&out);
	nm_srcopts_free(&so);
	return rc;
}
