/*
 * fw_netsh.c - the firewall model as a cmd.exe script of netsh advfirewall
 * commands (Windows Vista / Server 2008 and later).  netsh has no rule
 * groups for add or delete, so every rule carries a unique netmin-* name
 * and the undo script deletes exactly those names.  The script refuses to
 * run when one of the names exists already, and takes out what it added
 * when a later rule fails, so nothing is left half-applied.
 */
#include <stdlib.h>
#include <string.h>

#include "fw.h"

/* Header lines as rem lines: no character cmd would act on. */
static void
header(const struct nm_fw *fw, bool undo, struct nm_buf *b)
{
	struct nm_buf h = { 0 };
	size_t i;

	nm_fw_header(fw, "rem ", undo, &h);
	for (i = 0; i < h.len; i++)
		nm_buf_putc(b, h.s[i] == '\n' || nm_fw_safe_char(h.s[i]) ||
		    strchr("';#*?!", h.s[i]) != NULL ? h.s[i] : '_');
	nm_buf_free(&h);
}

static void
names(const struct nm_fw_winrule *v, size_t n, struct nm_buf *b)
{
	size_t i, col = 0;

	for (i = 0; i < n; i++) {
		if (col > 60) {
			nm_buf_puts(b, "\n    ");
			col = 0;
		}
		nm_buf_printf(b, " %s", v[i].name);
		col += strlen(v[i].name) + 1;
	}
}

static void
delete_all(const struct nm_fw_winrule *v, size_t n, const char *indent,
    struct nm_buf *b)
{
	nm_buf_printf(b, "%sfor %%%%R in (", indent);
	names(v, n, b);
	nm_buf_printf(b, "\n%s) do netsh advfirewall firewall delete rule "
	    "name=%%%%R >nul 2>&1\n", indent);
}

/* CRLF lines: cmd.exe mis-parses labels in LF-only files. */
static void
emit(const struct nm_fw *fw, bool undo, struct nm_buf *b)
{
	struct nm_arena a = { 0 };
	struct nm_fw_winrule *v;
	size_t n, i;

	nm_fw_winrules(fw, &a, &v, &n);
	nm_buf_puts(b, "@echo off\n");
	header(fw, undo, b);
	if (undo) {
		nm_buf_puts(b, "rem Removes exactly the rules the ruleset script "
		    "added, by their names;\n"
		    "rem running it again changes nothing.  Needs an elevated "
		    "prompt.\n");
		delete_all(v, n, "", b);
		nm_buf_puts(b, "exit /b 0\n");
		goto out;
	}
	nm_buf_puts(b, "rem\n"
	    "rem Adds inbound rules named netmin-*: allow what stays, block "
	    "every other\n"
	    "rem TCP and UDP port (a block rule wins over every allow rule, "
	    "so other rule\n"
	    "rem groups cannot open more).  Loopback is exempt and replies "
	    "pass statefully.\n"
	    "rem Needs an elevated prompt.  Undo: the undo script.\n"
	    "setlocal\n"
	    "for %%R in (");
	names(v, n, b);
	nm_buf_puts(b, "\n) do (\n"
	    "    netsh advfirewall firewall show rule name=%%R >nul 2>&1 && "
	    "goto :exists\n"
	    ")\n");
	for (i = 0; i < n; i++) {
		const struct nm_fw_winrule *r = &v[i];

		nm_buf_printf(b, "netsh advfirewall firewall add rule name=%s "
		    "dir=in action=%s protocol=", r->name, r->block ? "block" :
		    "allow");
		if (r->icmp >= 0)
			nm_buf_printf(b, "%s:%d,any", strcmp(r->proto, "ICMPv4") ==
			    0 ? "icmpv4" : "icmpv6", r->icmp);
		else
			nm_buf_puts(b, r->proto);
		if (r->lport)
			nm_buf_printf(b, " localport=%s", r->lport);
		if (r->rport)
			nm_buf_printf(b, " remoteport=%s", r->rport);
		if (r->lip)
			nm_buf_printf(b, " localip=%s", r->lip);
		if (r->rip)
			nm_buf_printf(b, " remoteip=%s", r->rip);
		nm_buf_printf(b, " profile=any description=\"%s\" >nul || "
		    "goto :fail\n", r->desc);
	}
	nm_buf_printf(b, "echo netmin: %zu rules added\n"
	    "exit /b 0\n"
	    ":exists\n"
	    "echo netmin: a rule named netmin-* exists already; run the undo "
	    "script first 1>&2\n"
	    "exit /b 1\n"
	    ":fail\n"
	    "echo netmin: netsh could not add a rule; taking out the ones "
	    "added 1>&2\n", n);
	delete_all(v, n, "", b);
	nm_buf_puts(b, "exit /b 1\n");
out:
	nm_afree(&a);
}

void
nm_fw_emit_netsh(const struct nm_fw *fw, bool undo, struct nm_buf *b)
{
	struct nm_buf lf = { 0 };
	size_t i;

	emit(fw, undo, &lf);
	for (i = 0; i < lf.len; i++) {
		if (lf.s[i] == '\n')
			nm_buf_putc(b, '\r');
		nm_buf_putc(b, lf.s[i]);
	}
	nm_buf_free(&lf);
}
