/*
 * src_linux_btf.h - member offsets and function ids from the kernel's
 * BTF, for the BPF fd iterator (src_linux_bpf.c).
 */
#ifndef NETMIN_SRC_LINUX_BTF_H
#define NETMIN_SRC_LINUX_BTF_H

#ifdef __linux__

#include "netmin.h"

struct nm_btf_member {
	const char	*strct;		/* "inode" for struct inode */
	const char	*member;
	long		 offset;	/* result: bytes, or -1 if not found */
};

#define NM_BTF_STREAM	0x01	/* read with pread() even if it maps */

/*
 * Reads BTF from fd (mapped, or streamed with pread(); never copied
 * whole): the offset of each member, and the id of the function named
 * func (0 if absent; func may be NULL).  -1 and err for a file it
 * cannot read.
 */
int	 nm_btf_lookup(int fd, struct nm_btf_member *, size_t n,
	     const char *func, uint32_t *func_id, unsigned flags,
	     struct nm_error *);

#endif /* __linux__ */
#endif
