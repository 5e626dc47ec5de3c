/*
 * fw_ipt.c - the firewall model as a sh script for iptables and ip6tables:
 * a chain of its own, NETMIN-IN, ending in DROP, and one jump to it at the
 * top of INPUT.  Each family is loaded with one iptables-restore --noflush
 * (one commit per table, nothing else flushed); when the IPv6 half fails
 * the IPv4 half is taken out again.  The undo script removes the jump and
 * the chain, and nothing else.
 */
#include <stdlib.h>
#include <string.h>

#include "fw.h"

static void
put_addrs(struct nm_buf *b, int family, const char *opt,
    const struct nm_fw_net *v, size_t n)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++) {
		if (v[i].family != family)
			continue;
		nm_buf_printf(b, "%s%s", k++ ? "," : opt, v[i].text);
		if (strchr(v[i].text, '/') == NULL)
			nm_buf_printf(b, "/%d", family == NM_INET ? 32 : 128);
	}
	if (k)
		nm_buf_putc(b, ' ');
}

static void
restore(const struct nm_fw *fw, int fam, struct nm_buf *b)
{
	static const char *const icmp4[] = { "destination-unreachable",
	    "time-exceeded", "parameter-problem", NULL };
	static const char *const icmp6[] = { "destination-unreachable",
	    "packet-too-big", "time-exceeded", "parameter-problem",
	    "router-solicitation", "router-advertisement",
	    "neighbour-solicitation", "neighbour-advertisement", NULL };
	const char *const *t;
	size_t i;
	bool any;

	nm_buf_printf(b, "%s-restore --noflush <<'EOF'\n"
	    "*filter\n"
	    ":NETMIN-IN - [0:0]\n"
	    "-A NETMIN-IN -i lo -m comment --comment \"loopback\" -j ACCEPT\n"
	    "-A NETMIN-IN -m conntrack --ctstate RELATED,ESTABLISHED "
	    "-m comment --comment \"replies and their ICMP errors\" "
	    "-j ACCEPT\n"
	    "-A NETMIN-IN -m conntrack --ctstate INVALID -j DROP\n",
	    fam == NM_INET ? "iptables" : "ip6tables");
	for (t = fam == NM_INET ? icmp4 : icmp6; *t != NULL; t++)
		nm_buf_printf(b, "-A NETMIN-IN -p %s --%s-type %s -j ACCEPT\n",
		    fam == NM_INET ? "icmp" : "ipv6-icmp", fam == NM_INET ?
		    "icmp" : "icmpv6", *t);
	if (fam == NM_INET && fw->dhcp4)
		nm_buf_puts(b, "-A NETMIN-IN -p udp -m udp --sport 67 --dport 68 "
		    "-m comment --comment \"DHCP client replies\" -j ACCEPT\n");
	if (fam == NM_INET6 && fw->dhcp6)
		nm_buf_puts(b, "-A NETMIN-IN -p udp -m udp --sport 547 --dport "
		    "546 -m comment --comment \"DHCPv6 client replies\" "
		    "-j ACCEPT\n");
	for (i = 0; i < fw->rules.n; i++) {
		const struct nm_fw_rule *r = &fw->rules.v[i];
		char comment[128];

		if (!nm_fw_rule_family(r, fam, &any))
			continue;
		nm_fw_comment(r, comment, sizeof(comment));
		nm_buf_puts(b, "-A NETMIN-IN ");
		put_addrs(b, fam, "-s ", r->from.v, r->from.n);
		put_addrs(b, fam, "-d ", r->local.v, r->local.n);
		nm_buf_printf(b, "-p %s -m %s --dport %d -m comment --comment "
		    "\"%s\" -j ACCEPT\n", nm_proto_name(r->proto),
		    nm_proto_name(r->proto), r->port, comment);
	}
	nm_buf_puts(b, "-A NETMIN-IN -j DROP\n"
	    "-I INPUT 1 -j NETMIN-IN\n"
	    "COMMIT\n"
	    "EOF\n");
}

void
nm_fw_emit_ipt(const struct nm_fw *fw, bool undo, struct nm_buf *b)
{
	nm_buf_puts(b, "#!/bin/sh\n");
	nm_fw_header(fw, "# ", undo, b);
	if (undo) {
		nm_buf_puts(b, "# Removes exactly what the ruleset script added: "
		    "the jump from INPUT\n"
		    "# and the chain NETMIN-IN, for IPv4 and IPv6.  Running it "
		    "again changes nothing.\n"
		    "rc=0\n"
		    "for t in iptables ip6tables; do\n"
		    "\twhile \"$t\" -D INPUT -j NETMIN-IN 2>/dev/null; do :; "
		    "done\n"
		    "\tif \"$t\" -n -L NETMIN-IN >/dev/null 2>&1; then\n"
		    "\t\t\"$t\" -F NETMIN-IN && \"$t\" -X NETMIN-IN || rc=1\n"
		    "\tfi\n"
		    "done\n"
		    "exit $rc\n");
		return;
	}
	nm_buf_puts(b, "#\n"
	    "# Adds the chain NETMIN-IN (IPv4 and IPv6) and a jump to it at "
	    "the top of\n"
	    "# INPUT; no other rule or chain is changed.  Undo: the undo "
	    "script.\n"
	    "set -u\n"
	    "for t in iptables ip6tables; do\n"
	    "\tif \"$t\" -n -L NETMIN-IN >/dev/null 2>&1; then\n"
	    "\t\techo \"netmin: $t has a chain NETMIN-IN already; run the "
	    "undo script first\" >&2\n"
	    "\t\texit 1\n"
	    "\tfi\n"
	    "done\n");
	restore(fw, NM_INET, b);
	nm_buf_puts(b, "[ $? -eq 0 ] || { echo \"netmin: iptables-restore "
	    "failed; nothing was changed\" >&2; exit 1; }\n");
	restore(fw, NM_INET6, b);
	nm_buf_puts(b, "if [ $? -ne 0 ]; then\n"
	    "\techo \"netmin: ip6tables-restore failed; taking the IPv4 rules "
	    "out again\" >&2\n"
	    "\tiptables -D INPUT -j NETMIN-IN && iptables -F NETMIN-IN && "
	    "iptables -X NETMIN-IN\n"
	    "\texit 1\n"
	    "fi\n");
}
