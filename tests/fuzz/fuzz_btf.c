/*
 * fuzz_btf.c - libFuzzer target for the BTF reader: the input is a BTF
 * file (as /sys/kernel/btf/vmlinux), read through a memfd the way the
 * live source reads the kernel's, for the members the fd iterator uses;
 * mapped and streamed, which must agree.
 */
#include <sys/mman.h>

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "src_linux_btf.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nm_btf_member m[] = {
		{ "file", "f_inode", 0 }, { "inode", "i_mode", 0 },
		{ "inode", "i_ino", 0 }, { "task_struct", "tgid", 0 },
	}, m2[4];
	struct nm_error e;
	uint32_t id, id2;
	int fd = memfd_create("btf", MFD_CLOEXEC), rc, rc2;

	if (fd < 0)
		return 0;
	memcpy(m2, m, sizeof(m));
	if (write(fd, data, size) == (ssize_t)size) {
		rc = nm_btf_lookup(fd, m, 4, "bpf_iter_task_file", &id, 0, &e);
		rc2 = nm_btf_lookup(fd, m2, 4, "bpf_iter_task_file", &id2,
		    NM_BTF_STREAM, &e);
		if (rc != rc2 || (rc == 0 && (id != id2 ||
		    memcmp(m, m2, sizeof(m)) != 0)))
			abort();	/* the two readers disagree */
	}
	close(fd);
	return 0;
}
