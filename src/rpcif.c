/*
 * rpcif.c - looks up the well-known interface table (kb/rpc-interfaces.tsv,
 * compiled into rpcif_data.c): an exact (uuid, major) row first, then a
 * row for any version.
 */
#include <string.h>

#include "epm.h"

const struct nm_rpcif *
nm_rpcif_find(const struct nm_uuid *u, int major)
{
	const struct nm_rpcif *any = NULL;
	char s[37];
	size_t i;

	nm_uuid_str(u, false, s);
	for (i = 0; i < nm_nrpcifs; i++) {
		const struct nm_rpcif *r = &nm_rpcifs[i];

		if (strcmp(r->uuid, s) != 0)
			continue;
		if (r->major == major)
			return r;
		if (r->major == -1)
			any = r;
	}
	return any;
}
