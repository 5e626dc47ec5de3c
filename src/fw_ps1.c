/*
 * fw_ps1.c - the firewall model as a PowerShell script (NetSecurity
 * module, Windows 8 / Server 2012 and later, or Windows PowerShell 5.1 on
 * 7 / 2008 R2 with it): New-NetFirewallRule with -Group netmin and unique
 * -Name netmin-* for each rule.  The undo script removes the rules of
 * those names that are in the group, so it takes out exactly what the
 * script added; the script refuses to run when one of the names exists,
 * and takes out what it added when a later rule fails.
 */
#include <stdlib.h>
#include <string.h>

#include "fw.h"

/* 'a','b' from "a,b" (the items hold no quotes). */
static void
list(struct nm_buf *b, const char *items)
{
	const char *p = items;
	bool first = true;

	while (*p != '\0') {
		size_t n = strcspn(p, ",");

		nm_buf_printf(b, "%s'%.*s'", first ? "" : ",", (int)n, p);
		first = false;
		p += n;
		if (*p == ',')
			p++;
	}
}

static void
names(const struct nm_fw_winrule *v, size_t n, struct nm_buf *b)
{
	size_t i;

	nm_buf_puts(b, "$Names = @(\n");
	for (i = 0; i < n; i++)
		nm_buf_printf(b, "    '%s'%s\n", v[i].name, i + 1 < n ? "," : "");
	nm_buf_puts(b, ")\n");
}

static const char remove_ours[] =
    "Get-NetFirewallRule -Name $Names -ErrorAction SilentlyContinue |\n"
    "    Where-Object { $_.Group -eq 'netmin' } | Remove-NetFirewallRule\n";

void
nm_fw_emit_ps1(const struct nm_fw *fw, bool undo, struct nm_buf *b)
{
	struct nm_arena a = { 0 };
	struct nm_fw_winrule *v;
	size_t n, i;

	nm_fw_winrules(fw, &a, &v, &n);
	nm_buf_puts(b, "#Requires -RunAsAdministrator\n");
	nm_fw_header(fw, "# ", undo, b);
	if (undo) {
		nm_buf_puts(b, "# Removes exactly the rules the ruleset script "
		    "added: these names, in the\n"
		    "# rule group netmin.  Running it again changes nothing.\n");
		names(v, n, b);
		nm_buf_puts(b, remove_ours);
		goto out;
	}
	nm_buf_puts(b, "#\n"
	    "# Adds inbound rules in the group netmin: allow what stays, block "
	    "every other\n"
	    "# TCP and UDP port (a block rule wins over every allow rule, so "
	    "other rule\n"
	    "# groups cannot open more).  Loopback is exempt and replies pass "
	    "statefully.\n"
	    "# Undo: the undo script.\n"
	    "$ErrorActionPreference = 'Stop'\n");
	names(v, n, b);
	nm_buf_puts(b, "if (Get-NetFirewallRule -Name $Names -ErrorAction "
	    "SilentlyContinue) {\n"
	    "    Write-Error 'netmin: a rule named netmin-* exists already; run "
	    "the undo script first' -ErrorAction Continue\n"
	    "    exit 1\n"
	    "}\n"
	    "$Rule = @{ Group = 'netmin'; Direction = 'Inbound'; Profile = "
	    "'Any' }\n"
	    "try {\n");
	for (i = 0; i < n; i++) {
		const struct nm_fw_winrule *r = &v[i];

		nm_buf_printf(b, "    New-NetFirewallRule @Rule -Name '%s' "
		    "-DisplayName '%s' -Action %s -Protocol %s", r->name,
		    r->name, r->block ? "Block" : "Allow", r->proto);
		if (r->icmp >= 0)
			nm_buf_printf(b, " -IcmpType %d", r->icmp);
		if (r->lport) {
			nm_buf_puts(b, " -LocalPort ");
			list(b, r->lport);
		}
		if (r->rport) {
			nm_buf_puts(b, " -RemotePort ");
			list(b, r->rport);
		}
		if (r->lip) {
			nm_buf_puts(b, " -LocalAddress ");
			list(b, r->lip);
		}
		if (r->rip) {
			nm_buf_puts(b, " -RemoteAddress ");
			list(b, r->rip);
		}
		nm_buf_printf(b, " -Description '%s' | Out-Null\n", r->desc);
	}
	nm_buf_printf(b, "} catch {\n"
	    "    Write-Warning \"netmin: a rule could not be added ($_); taking "
	    "out the ones added\"\n"
	    "    %s"
	    "    exit 1\n"
	    "}\n"
	    "Write-Output 'netmin: %zu rules added'\n",
	    "Get-NetFirewallRule -Name $Names -ErrorAction SilentlyContinue |\n"
	    "        Where-Object { $_.Group -eq 'netmin' } | "
	    "Remove-NetFirewallRule\n", n);
out:
	nm_afree(&a);
}
