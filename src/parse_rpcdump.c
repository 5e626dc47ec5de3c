/*
 * parse_rpcdump.c - saved endpoint-mapper dumps as attribution evidence:
 * netmin's own `rpcdump --json` (netmin.rpcdump/1) and the text Impacket's
 * rpcdump.py prints.  They list no endpoints; each TCP/UDP binding becomes
 * an nm_rpcev (netmin.h) that names the interface, and through the
 * interface table the service, behind a port of the same host.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "epm.h"
#include "json.h"
#include "parse.h"

#define SCHEMA "netmin.rpcdump/1"

/* --- netmin.rpcdump/1 ------------------------------------------------- */

static int
json_score(const struct nm_input *in)
{
	size_t i;

	for (i = 0; i < in->lines.n && i < 50; i++)
		if (strstr(in->lines.v[i].s, "\"" SCHEMA "\"") != NULL)
			return 1000000;
	return 0;
}

static int
json_parse(const struct nm_input *in, struct nm_snapshot *snap,
    struct nm_error *err)
{
	struct nm_arena a = { 0 };
	struct nm_jv *top, *ents;
	const char *schema;
	size_t i;
	int rc = -1;

	top = nm_input_json(in, 0, SIZE_MAX, &a, err);
	if (top == NULL)
		goto out;
	schema = nm_jv_str(nm_jv_get(top, "schema"), NULL);
	if (schema == NULL || strcmp(schema, SCHEMA) != 0) {
		nm_seterr(err, NM_ERR_INPUT, "%s: not a %s document (schema "
		    "%s)", in->name, SCHEMA, schema ? schema : "missing");
		goto out;
	}
	ents = nm_jv_get(top, "entries");
	if (ents == NULL || ents->type != NM_JV_ARR) {
		nm_seterr(err, NM_ERR_INPUT, "%s:%d: \"entries\" must be an "
		    "array", in->name, top->line);
		goto out;
	}
	if (nm_jv_len(ents) > NM_EPM_MAX_ENTRIES) {
		nm_seterr(err, NM_ERR_INPUT, "%s: more than %d entries",
		    in->name, NM_EPM_MAX_ENTRIES);
		goto out;
	}
	for (i = 0; i < nm_jv_len(ents); i++) {
		struct nm_jv *e = nm_jv_at(ents, i);
		const char *uuid, *proto, *ver;
		struct nm_uuid u;
		long long port;
		int p;

		if (e == NULL || e->type != NM_JV_OBJ) {
			nm_snap_warn(snap, in->name, e ? e->line : 0,
			    "entry %zu is not an object", i + 1);
			continue;
		}
		proto = nm_jv_str(nm_jv_get(e, "protocol"), NULL);
		p = nm_rpcev_proto(proto);
		if (p < 0)
			continue;	/* pipes, ncalrpc: no port */
		uuid = nm_jv_str(nm_jv_get(e, "uuid"), "");
		ver = nm_jv_str(nm_jv_get(e, "version"), NULL);
		port = nm_jv_int(nm_jv_get(e, "port"), -1);
		if (nm_uuid_parse(uuid, strlen(uuid), &u) != 0 || port < 1 ||
		    port > 65535) {
			nm_snap_warn(snap, in->name, e->line, "entry %zu: needs "
			    "a uuid and a port 1-65535", i + 1);
			continue;
		}
		nm_rpcev_add(snap, p, (int)port,
		    nm_jv_str(nm_jv_get(e, "host"), NULL), uuid, ver,
		    nm_jv_str(nm_jv_get(e, "annotation"), NULL),
		    nm_jv_str(nm_jv_get(e, "service"), NULL), in->name,
		    e->line);
	}
	rc = 0;
out:
	nm_afree(&a);
	return rc;
}

const struct nm_parser nm_parser_rpcdump_json = {
	"rpcdump-json",
	"netmin rpcdump --json (endpoint-map evidence: RPC port owners)",
	json_score,
	json_parse,
};

/* --- Impacket rpcdump.py text ---------------------------------------- */

/*
 * A block:
 *   Protocol: [MS-RRP]: Windows Remote Registry Protocol
 *   Provider: regsvc.dll
 *   UUID    : 338CD001-2244-31F1-AAAA-900038001003 v1.0 winreg
 *   Bindings:
 *             ncacn_ip_tcp:198.18.0.2[49153]
 */
static bool
uuid_line(const char *s, size_t len, const char **rest)
{
	size_t n = strlen("UUID    : ");

	if (len < n || strncmp(s, "UUID    : ", n) != 0)
		return false;
	*rest = s + n;
	return true;
}

static int
impacket_score(const struct nm_input *in)
{
	size_t i;
	int score = 0;

	for (i = 0; i < in->lines.n; i++) {
		const char *s = in->lines.v[i].s, *rest;
		struct nm_uuid u;

		if (uuid_line(s, in->lines.v[i].len, &rest) &&
		    nm_uuid_parse(rest, strcspn(rest, " "), &u) == 0)
			score += 3;
		else if (strncmp(s, "Bindings: ", 10) == 0 ||
		    strncmp(s, "Protocol: ", 10) == 0 ||
		    strncmp(s, "Provider: ", 10) == 0)
			score++;
	}
	return score;
}

/* "ncacn_ip_tcp:HOST[PORT]": protocol, host and port; -1 if not that. */
static int
split_binding(const char *s, char *protseq, size_t plen, char *host,
    size_t hlen, int *port)
{
	const char *c = strchr(s, ':'), *lb, *rb;

	if (c == NULL || (size_t)(c - s) >= plen)
		return -1;
	memcpy(protseq, s, (size_t)(c - s));
	protseq[c - s] = '\0';
	lb = strchr(c + 1, '[');
	rb = lb ? strchr(lb, ']') : NULL;
	if (lb == NULL || rb == NULL || rb[1] != '\0' ||
	    (size_t)(lb - c - 1) >= hlen)
		return -1;
	memcpy(host, c + 1, (size_t)(lb - c - 1));
	host[lb - c - 1] = '\0';
	return nm_parse_int(lb + 1, (size_t)(rb - lb - 1), 1, 65535, port);
}

static int
impacket_parse(const struct nm_input *in, struct nm_snapshot *snap,
    struct nm_error *err)
{
	char uuid[37] = "", ver[16] = "", ann[128] = "";
	bool in_bindings = false;
	size_t i, blocks = 0, n = 0;

	for (i = 0; i < in->lines.n; i++) {
		const struct nm_line *l = &in->lines.v[i];
		const char *s = l->s, *rest;

		if (uuid_line(s, l->len, &rest)) {
			struct nm_uuid u;
			size_t ul = strcspn(rest, " ");
			const char *v = rest + ul;

			in_bindings = false;
			uuid[0] = '\0';
			if (nm_uuid_parse(rest, ul, &u) != 0 || v[0] != ' ' ||
			    v[1] != 'v') {
				nm_snap_warn(snap, in->name, l->no, "cannot read "
				    "the interface on this UUID line");
				continue;
			}
			memcpy(uuid, rest, 36);
			uuid[36] = '\0';
			v += 2;
			snprintf(ver, sizeof(ver), "%.*s", (int)strcspn(v, " "),
			    v);
			v += strcspn(v, " ");
			v += strspn(v, " ");
			nm_strlcpy(ann, v, sizeof(ann));
			blocks++;
			continue;
		}
		if (strncmp(s, "Bindings:", 9) == 0) {
			in_bindings = uuid[0] != '\0';
			continue;
		}
		if (in_bindings && strncmp(s, "          ", 10) == 0) {
			char ps[32], host[NM_EPM_MAX_NAME];
			const char *b = s + strspn(s, " ");
			int port, p;

			if (split_binding(b, ps, sizeof(ps), host,
			    sizeof(host), &port) != 0)
				continue;	/* pipes, ncalrpc, unknown */
			p = nm_rpcev_proto(ps);
			if (p < 0)
				continue;
			if (n >= NM_EPM_MAX_ENTRIES)
				return nm_seterr(err, NM_ERR_INPUT, "%s: more "
				    "than %d bindings", in->name,
				    NM_EPM_MAX_ENTRIES);
			nm_rpcev_add(snap, p, port, host, uuid, ver, ann, NULL,
			    in->name, l->no);
			n++;
			continue;
		}
		in_bindings = false;
	}
	if (blocks == 0)
		return nm_seterr(err, NM_ERR_INPUT, "%s: no rpcdump interface "
		    "blocks found", in->name);
	return 0;
}

const struct nm_parser nm_parser_rpcdump_impacket = {
	"rpcdump-impacket",
	"Impacket rpcdump.py output (endpoint-map evidence)",
	impacket_score,
	impacket_parse,
};
