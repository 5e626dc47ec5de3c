/*
 * main.c - global options and the command table.
 */
#include <stdio.h>
#include <string.h>

#include "cmd.h"

struct cmd {
	const char	*name;
	int		(*fn)(int, char **);
	const char	*summary;
};

/* In the order a user meets them. */
static const struct cmd cmds[] = {
	{ "audit", cmd_audit, "the main job: what is open, what it is, what the plan closes" },
	{ "list", cmd_list, "every listening endpoint, its owner and exposure" },
	{ "explain", cmd_explain, "what a port or service is, what breaks, how to close it" },
	{ "plan", cmd_plan, "the ordered, reversible steps that close what is not needed" },
	{ "scan", cmd_scan, "which ports of a host answer from outside (TCP, UDP probes)" },
	{ "verify", cmd_verify, "hold a plan to reality: new inventory and outside scan" },
	{ "kb", cmd_kb, "the knowledge base: list, show, check a --kb file, unverified facts" },
	{ "rpcdump", cmd_rpcdump, "ask an endpoint mapper which RPC services listen where" },
	{ "apply", cmd_apply, "make a plan's changes, journaled (Linux, Windows)" },
	{ "undo", cmd_undo, "put back what apply changed, from its journal" },
	{ "firewall", cmd_firewall, "default-deny rules for what stays (nft, iptables, netsh, ps1)" },
};

static void
usage(FILE *f)
{
	size_t i;

	fputs("usage: netmin COMMAND [OPTIONS]\n"
	    "\n"
	    "Find every listening TCP/UDP endpoint, say what owns it and why,\n"
	    "plan the changes that close what is not needed, and prove it.\n"
	    "\n"
	    "Commands:\n", f);
	for (i = 0; i < NM_NELEM(cmds); i++)
		fprintf(f, "  %-9s %s\n", cmds[i].name, cmds[i].summary);
	fputs("\n"
	    "'netmin COMMAND --help' explains each command.\n"
	    "Exit status: 0 ok, 1 findings or changes pending, 2 usage or\n"
	    "input error, 3 runtime failure.\n", f);
}

int
main(int argc, char **argv)
{
	size_t i;

	if (argc < 2) {
		usage(stderr);
		return NM_EXIT_USAGE;
	}
	if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		if (argc > 2 && strcmp(argv[1], "help") == 0) {
			for (i = 0; i < NM_NELEM(cmds); i++)
				if (strcmp(cmds[i].name, argv[2]) == 0) {
					char *av[] = { argv[2], "--help", NULL };

					return cmds[i].fn(2, av);
				}
		}
		usage(stdout);
		return NM_EXIT_OK;
	}
	if (strcmp(argv[1], "-V") == 0 || strcmp(argv[1], "--version") == 0) {
		printf("netmin %s\n", NETMIN_VERSION);
		return NM_EXIT_OK;
	}
	for (i = 0; i < NM_NELEM(cmds); i++)
		if (strcmp(cmds[i].name, argv[1]) == 0)
			return cmds[i].fn(argc - 1, argv + 1);
	fprintf(stderr, "netmin: unknown command '%s'\n", argv[1]);
	usage(stderr);
	return NM_EXIT_USAGE;
}
