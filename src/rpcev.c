/*
 * rpcev.c - endpoint-map evidence into a snapshot: one nm_rpcev per
 * TCP/UDP tower, with the hosting service from the well-known interface
 * table.  Used by the live `--rpcdump HOST` source and by the parsers of
 * saved dumps (parse_rpcdump.c).
 */
#include <stdio.h>
#include <string.h>

#include "epm.h"
#include "netmin.h"

/* TCP or UDP for protocol sequences that reach a port; -1 otherwise. */
int
nm_rpcev_proto(const char *protseq)
{
	if (protseq == NULL)
		return -1;
	if (strcmp(protseq, "ncacn_ip_tcp") == 0 ||
	    strcmp(protseq, "ncacn_http") == 0)
		return NM_TCP;
	if (strcmp(protseq, "ncadg_ip_udp") == 0)
		return NM_UDP;
	return -1;
}

/*
 * Adds evidence; uuid is canonical text (either case), version "M.m".
 * The table decides the service; 'service' (what a saved dump said) is
 * the fallback for interfaces this build does not know.
 */
void
nm_rpcev_add(struct nm_snapshot *s, int proto, int port, const char *host,
    const char *uuid, const char *version, const char *name,
    const char *service, const char *source, int line)
{
	struct nm_rpcev *r = nm_snap_add_rpc(s);
	const struct nm_rpcif *rif = NULL;
	struct nm_uuid u;
	char low[37];
	int major = 0;

	if (nm_uuid_parse(uuid, strlen(uuid), &u) == 0) {
		if (version != NULL)
			(void)nm_parse_int(version, strcspn(version, "."), 0,
			    65535, &major);
		rif = nm_rpcif_find(&u, major);
		nm_uuid_str(&u, false, low);
		uuid = low;
	}
	r->proto = (uint8_t)proto;
	r->port = port;
	r->host = host && *host ? nm_astrdup(&s->arena, host) : NULL;
	r->uuid = nm_astrdup(&s->arena, uuid);
	r->version = version ? nm_astrdup(&s->arena, version) : NULL;
	if (rif != NULL)
		r->name = rif->name;
	else if (name != NULL && *name != '\0')
		r->name = nm_astrdup(&s->arena, name);
	if (rif != NULL && rif->service[0] != '\0')
		r->service = rif->service;
	else if (rif == NULL && service != NULL && *service != '\0')
		r->service = nm_astrdup(&s->arena, service);
	r->source = source;
	r->line = line;
}

void
nm_rpcev_from_dump(struct nm_snapshot *s, const struct nm_epm_dump *d,
    const char *source)
{
	size_t i;

	for (i = 0; i < d->e.n; i++) {
		const struct nm_epm_entry *e = &d->e.v[i];
		char u[37], ver[16];
		int proto;

		if (!e->has_tower || !e->tower.has_if || e->tower.port < 0)
			continue;
		proto = nm_rpcev_proto(e->tower.protseq);
		if (proto < 0)
			continue;
		nm_uuid_str(&e->tower.if_uuid, false, u);
		snprintf(ver, sizeof(ver), "%u.%u", e->tower.if_major,
		    e->tower.if_minor);
		nm_rpcev_add(s, proto, e->tower.port, e->tower.host, u, ver,
		    e->annotation, NULL, source, 0);
	}
}
