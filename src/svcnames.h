/*
 * svcnames.h - port names as services(5) spells them, sorted by name then
 * protocol, for reading captures taken without -n.
 */
#ifndef NETMIN_SVCNAMES_H
#define NETMIN_SVCNAMES_H

#include <stddef.h>

struct nm_svcname {
	const char	*name;
	int		 port;
	const char	*proto;		/* "tcp", "udp", "sctp", "ddp" */
};

extern const struct nm_svcname nm_svcnames[];
extern const size_t nm_nsvcnames;

#endif
