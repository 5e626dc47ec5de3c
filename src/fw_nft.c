/*
 * fw_nft.c - the firewall model as an nftables file: one table of its own,
 * inet netmin, with a base chain on the input hook whose policy is drop.
 * The file replaces an earlier netmin table and touches no other table, so
 * it never flushes the whole ruleset; its undo form deletes the table.
 * (netmin apply does better than the undo form: it records the table it
 * replaces and puts it back.)
 */
#include <stdlib.h>
#include <string.h>

#include "fw.h"

/* "ip saddr 10.0.0.0/8 " or "ip6 daddr { fd00::1, fd00::2 } " */
static void
put_set(struct nm_buf *b, int family, const char *dir,
    const struct nm_fw_net *v, size_t n)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++)
		if (v[i].family == family)
			k++;
	if (k == 0)
		return;
	nm_buf_printf(b, "%s %s ", family == NM_INET ? "ip" : "ip6", dir);
	if (k > 1)
		nm_buf_puts(b, "{ ");
	for (i = 0, k = 0; i < n; i++)
		if (v[i].family == family)
			nm_buf_printf(b, "%s%s", k++ ? ", " : "", v[i].text);
	nm_buf_puts(b, k > 1 ? " } " : " ");
}

static void
rule(struct nm_buf *b, const struct nm_fw_rule *r)
{
	char comment[128];
	bool any;
	int fam;

	nm_fw_comment(r, comment, sizeof(comment));
	for (fam = NM_INET; fam <= NM_INET6; fam++) {
		if (!nm_fw_rule_family(r, fam, &any))
			continue;
		nm_buf_puts(b, "\t\t");
		if (!any) {
			put_set(b, fam, "daddr", r->local.v, r->local.n);
			put_set(b, fam, "saddr", r->from.v, r->from.n);
		}
		nm_buf_printf(b, "%s dport %d accept comment \"%s\"\n",
		    nm_proto_name(r->proto), r->port, comment);
		if (any)
			break;
	}
}

void
nm_fw_emit_nft(const struct nm_fw *fw, bool undo, struct nm_buf *b)
{
	size_t i;

	nm_buf_puts(b, "#!/usr/sbin/nft -f\n");
	nm_fw_header(fw, "# ", undo, b);
	if (undo) {
		nm_buf_puts(b, "# Removes the table inet netmin the ruleset "
		    "added; every other table stays.\n"
		    "# (Creating it first makes this work when it is gone "
		    "already.)\n"
		    "table inet netmin\n"
		    "delete table inet netmin\n");
		return;
	}
	nm_buf_puts(b, "#\n"
	    "# Load: nft -f FILE (one transaction: all of it or nothing), or\n"
	    "# netmin apply FILE --yes, which records the table it replaces.\n"
	    "# Undo: nft delete table inet netmin (the undo file), or\n"
	    "# netmin undo JOURNAL, which puts back the table it replaced.\n"
	    "table inet netmin\n"
	    "delete table inet netmin\n"
	    "table inet netmin {\n"
	    "\tchain input {\n"
	    "\t\ttype filter hook input priority filter; policy drop;\n"
	    "\t\tiif \"lo\" accept comment \"loopback\"\n"
	    "\t\tct state established,related accept comment \"replies and "
	    "their ICMP errors\"\n"
	    "\t\tct state invalid drop\n"
	    "\t\ticmp type { destination-unreachable, time-exceeded, "
	    "parameter-problem } accept comment \"ICMP errors, path MTU "
	    "(frag-needed)\"\n"
	    "\t\ticmpv6 type { destination-unreachable, packet-too-big, "
	    "time-exceeded, parameter-problem, nd-router-solicit, "
	    "nd-router-advert, nd-neighbor-solicit, nd-neighbor-advert } "
	    "accept comment \"ICMPv6 errors, path MTU, neighbour "
	    "discovery\"\n");
	if (fw->dhcp4)
		nm_buf_puts(b, "\t\tmeta nfproto ipv4 udp sport 67 udp dport 68 "
		    "accept comment \"DHCP client replies\"\n");
	if (fw->dhcp6)
		nm_buf_puts(b, "\t\tmeta nfproto ipv6 udp sport 547 udp dport "
		    "546 accept comment \"DHCPv6 client replies\"\n");
	for (i = 0; i < fw->rules.n; i++)
		rule(b, &fw->rules.v[i]);
	nm_buf_puts(b, "\t}\n}\n");
}
