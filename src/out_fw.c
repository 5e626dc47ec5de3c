/*
 * out_fw.c - a firewall model for people (tables) and as JSON
 * (netmin.firewall/1, doc/json.md).
 */
#include <stdlib.h>
#include <string.h>

#include "fw.h"
#include "out.h"

static void
nets_text(struct nm_buf *b, const struct nm_fw_net *v, size_t n)
{
	size_t i;

	if (n == 0)
		nm_buf_puts(b, "any");
	for (i = 0; i < n; i++)
		nm_buf_printf(b, "%s%s", i ? "," : "", v[i].text);
}

void
nm_out_fw_text(const struct nm_fw *fw, struct nm_buf *b)
{
	static const char *ah[] = { "PROTO", "PORT", "TO", "FROM", "WHO",
	    "WHY" };
	static const char *dh[] = { "PROTO", "LOCAL", "PORT", "WHO", "WHY" };
	struct nm_table t;
	struct nm_buf x = { 0 };
	size_t i, k;

	nm_buf_printf(b, "Firewall for %s", fw->os ? fw->os : "an unknown "
	    "system");
	if (fw->os_reason)
		nm_buf_printf(b, " (%s)", fw->os_reason);
	nm_buf_puts(b, ", from ");
	for (i = 0; i < fw->nsources; i++)
		nm_buf_printf(b, "%s%s", i ? ", " : "", fw->sources[i]);
	nm_buf_puts(b, "\nInbound default: drop.  Always admitted: loopback, "
	    "established and related\ntraffic, ICMP errors and path MTU, ICMPv6 "
	    "errors, path MTU and neighbour\ndiscovery");
	if (fw->dhcp4 || fw->dhcp6)
		nm_buf_printf(b, ", %s client replies", fw->dhcp4 &&
		    fw->dhcp6 ? "DHCP and DHCPv6" : fw->dhcp4 ? "DHCP" :
		    "DHCPv6");
	if ((fw->dhcp4 || fw->dhcp6) && fw->dhcp_why)
		nm_buf_printf(b, " (%s)", fw->dhcp_why);
	nm_buf_puts(b, ".\n");

	nm_buf_printf(b, "\nAllowed (%zu):\n", fw->rules.n);
	if (fw->rules.n) {
		nm_table_init(&t, NM_NELEM(ah), ah);
		nm_table_right(&t, 1);
		for (i = 0; i < fw->rules.n; i++) {
			const struct nm_fw_rule *r = &fw->rules.v[i];

			nm_table_cell(&t, "%s", nm_proto_name(r->proto));
			nm_table_cell(&t, "%d", r->port);
			nm_buf_reset(&x);
			nets_text(&x, r->local.v, r->local.n);
			nm_table_cell(&t, "%s", x.s);
			nm_buf_reset(&x);
			nets_text(&x, r->from.v, r->from.n);
			nm_table_cell(&t, "%s", x.s);
			nm_buf_reset(&x);
			for (k = 0; k < r->names.n; k++)
				nm_buf_printf(&x, "%s%s", k ? "," : "",
				    r->names.v[k]);
			nm_table_cell(&t, "%s", x.len ? x.s : "-");
			nm_table_cell(&t, "%s%s", r->why ? r->why : "",
			    r->guard && r->origin != NM_FW_GUARD ?
			    "; lockout guard" : "");
		}
		nm_table_render(&t, b);
		nm_table_free(&t);
	}
	nm_buf_printf(b, "\nFiltered (%zu listening):\n", fw->denied.n);
	if (fw->denied.n) {
		nm_table_init(&t, NM_NELEM(dh), dh);
		nm_table_right(&t, 2);
		for (i = 0; i < fw->denied.n; i++) {
			const struct nm_fw_denied *d = &fw->denied.v[i];

			nm_table_cell(&t, "%s%s", nm_proto_name(d->proto),
			    d->family == NM_INET6 ? "6" : "");
			nm_table_cell(&t, d->family == NM_INET6 ? "[%s]" : "%s",
			    d->laddr);
			nm_table_cell(&t, "%d", d->port);
			nm_table_cell(&t, "%s", d->who ? d->who : "-");
			nm_table_cell(&t, "%s", d->why);
		}
		nm_table_render(&t, b);
		nm_table_free(&t);
	}
	if (fw->sessions.n) {
		nm_buf_puts(b, "\nSessions (lockout guard):\n");
		for (i = 0; i < fw->sessions.n; i++) {
			const struct nm_fw_session *s = &fw->sessions.v[i];

			nm_buf_printf(b, "  from %s to %s port %d (%s): %s\n",
			    s->client, s->server, s->port, s->how, s->admitted ?
			    "admitted" : "NOT admitted (--drop)");
		}
	}
	if (fw->notes.n) {
		nm_buf_puts(b, "\nNotes:\n");
		for (i = 0; i < fw->notes.n; i++)
			nm_buf_printf(b, "  %s\n", fw->notes.v[i]);
	}
	nm_buf_puts(b, "\nWrite it with --emit nft|iptables|netsh|ps1 (and "
	    "--undo for its undo form).\n");
	nm_buf_free(&x);
}

static void
nets_json(struct nm_json *j, const char *key, const struct nm_fw_net *v,
    size_t n)
{
	size_t i;

	nm_json_key(j, key);
	nm_json_arr(j);
	for (i = 0; i < n; i++)
		nm_json_str(j, v[i].text);
	nm_json_arr_end(j);
}

static const char *
origin_name(int o)
{
	return o == NM_FW_KEPT ? "kept" : o == NM_FW_ASKED ? "asked" : "guard";
}

void
nm_out_fw_json(const struct nm_fw *fw, struct nm_buf *b)
{
	struct nm_json j;
	size_t i, k;

	nm_json_init(&j, b);
	nm_json_obj(&j);
	nm_json_kstr(&j, "schema", "netmin.firewall/1");
	nm_json_key(&j, "host");
	nm_json_obj(&j);
	nm_json_kstr(&j, "os", fw->os);
	nm_json_kstr(&j, "os_reason", fw->os_reason);
	nm_json_key(&j, "sources");
	nm_json_arr(&j);
	for (i = 0; i < fw->nsources; i++)
		nm_json_str(&j, fw->sources[i]);
	nm_json_arr_end(&j);
	nm_json_obj_end(&j);
	nm_json_kstr(&j, "policy", "drop");
	nm_json_key(&j, "always");
	nm_json_arr(&j);
	nm_json_str(&j, "loopback");
	nm_json_str(&j, "established-related");
	nm_json_str(&j, "icmp-errors-pmtu");
	nm_json_str(&j, "icmpv6-errors-pmtu-nd");
	if (fw->dhcp4)
		nm_json_str(&j, "dhcp-client");
	if (fw->dhcp6)
		nm_json_str(&j, "dhcpv6-client");
	nm_json_arr_end(&j);
	nm_json_key(&j, "dhcp");
	nm_json_obj(&j);
	nm_json_kbool(&j, "ipv4", fw->dhcp4);
	nm_json_kbool(&j, "ipv6", fw->dhcp6);
	nm_json_kstr(&j, "why", fw->dhcp_why);
	nm_json_obj_end(&j);
	nm_json_key(&j, "allow");
	nm_json_arr(&j);
	for (i = 0; i < fw->rules.n; i++) {
		const struct nm_fw_rule *r = &fw->rules.v[i];

		nm_json_obj(&j);
		nm_json_kstr(&j, "proto", nm_proto_name(r->proto));
		nm_json_kint(&j, "port", r->port);
		nets_json(&j, "to", r->local.v, r->local.n);
		nets_json(&j, "from", r->from.v, r->from.n);
		nm_json_key(&j, "names");
		nm_json_arr(&j);
		for (k = 0; k < r->names.n; k++)
			nm_json_str(&j, r->names.v[k]);
		nm_json_arr_end(&j);
		nm_json_kstr(&j, "origin", origin_name(r->origin));
		nm_json_kstr(&j, "why", r->why);
		nm_json_kbool(&j, "guard", r->guard);
		nm_json_kbool(&j, "listening", r->listening);
		nm_json_obj_end(&j);
	}
	nm_json_arr_end(&j);
	nm_json_key(&j, "filtered");
	nm_json_arr(&j);
	for (i = 0; i < fw->denied.n; i++) {
		const struct nm_fw_denied *d = &fw->denied.v[i];

		nm_json_obj(&j);
		nm_json_kstr(&j, "proto", nm_proto_name(d->proto));
		nm_json_kstr(&j, "family", nm_family_name(d->family));
		nm_json_kstr(&j, "local_address", d->laddr);
		nm_json_kint(&j, "local_port", d->port);
		nm_json_kstr(&j, "who", d->who);
		nm_json_kstr(&j, "why", d->why);
		nm_json_obj_end(&j);
	}
	nm_json_arr_end(&j);
	nm_json_key(&j, "sessions");
	nm_json_arr(&j);
	for (i = 0; i < fw->sessions.n; i++) {
		const struct nm_fw_session *s = &fw->sessions.v[i];

		nm_json_obj(&j);
		nm_json_kstr(&j, "client", s->client);
		nm_json_kstr(&j, "server", s->server);
		nm_json_kint(&j, "port", s->port);
		nm_json_kstr(&j, "how", s->how);
		nm_json_kbool(&j, "admitted", s->admitted);
		nm_json_obj_end(&j);
	}
	nm_json_arr_end(&j);
	nm_json_key(&j, "notes");
	nm_json_arr(&j);
	for (i = 0; i < fw->notes.n; i++)
		nm_json_str(&j, fw->notes.v[i]);
	nm_json_arr_end(&j);
	nm_json_obj_end(&j);
	nm_json_end(&j);
}
