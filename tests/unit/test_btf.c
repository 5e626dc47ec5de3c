/*
 * test_btf.c - member offsets and function ids from BTF: a blob built
 * here with nesting both ways, bit-fields and every kind's tail size,
 * broken files, and the running kernel's own BTF where it is readable.
 */
#ifdef __linux__

#include <sys/mman.h>

#include <linux/btf.h>

#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "src_linux_btf.h"

struct blob {
	uint8_t		 types[1024];
	size_t		 nt;
	char		 strs[512];
	size_t		 ns;
};

static uint32_t
str(struct blob *b, const char *s)
{
	uint32_t at = (uint32_t)b->ns;

	if (*s == '\0')
		return 0;
	memcpy(b->strs + b->ns, s, strlen(s) + 1);
	b->ns += strlen(s) + 1;
	return at;
}

static void
u32(struct blob *b, uint32_t v)
{
	memcpy(b->types + b->nt, &v, 4);
	b->nt += 4;
}

static void
type(struct blob *b, const char *name, uint32_t kind, uint32_t vlen,
    bool kflag, uint32_t size_type)
{
	u32(b, str(b, name));
	u32(b, kind << 24 | vlen | (kflag ? 1u << 31 : 0));
	u32(b, size_type);
}

static void
member(struct blob *b, const char *name, uint32_t t, uint32_t bits)
{
	u32(b, str(b, name));
	u32(b, t);
	u32(b, bits);
}

/* The blob as a file (memfd): header, types, strings. */
static int
blob_fd(struct blob *b, uint16_t magic)
{
	struct btf_header h = { .magic = magic, .version = BTF_VERSION,
	    .hdr_len = sizeof(h), .type_off = 0, .type_len = (uint32_t)b->nt,
	    .str_off = (uint32_t)b->nt, .str_len = (uint32_t)b->ns };
	int fd = memfd_create("btf", MFD_CLOEXEC);

	if (fd < 0)
		return -1;
	if (write(fd, &h, sizeof(h)) != (ssize_t)sizeof(h) ||
	    write(fd, b->types, b->nt) != (ssize_t)b->nt ||
	    write(fd, b->strs, b->ns) != (ssize_t)b->ns) {
		close(fd);
		return -1;
	}
	return fd;
}

static void
sample(struct blob *b)
{
	memset(b, 0, sizeof(*b));
	b->ns = 1;		/* offset 0: the empty string */
	type(b, "int", BTF_KIND_INT, 0, false, 4);		/* 1 */
	u32(b, 32);
	/* 2: an anonymous struct that comes before its container */
	type(b, "", BTF_KIND_STRUCT, 1, false, 16);
	member(b, "f_inode", 1, 64);
	type(b, "file", BTF_KIND_STRUCT, 3, false, 64);	/* 3 */
	member(b, "f_lock", 1, 0);
	member(b, "", 2, 128);
	member(b, "", 4, 256);
	/* 4: an anonymous union after it */
	type(b, "", BTF_KIND_UNION, 2, false, 8);
	member(b, "x", 1, 0);
	member(b, "f_mode", 1, 0);
	type(b, "inode", BTF_KIND_STRUCT, 3, true, 16);	/* 5 */
	member(b, "i_bits", 1, 3u << 24);
	member(b, "i_mode", 1, 32);
	member(b, "i_ino", 1, 64);
	type(b, "", BTF_KIND_FUNC_PROTO, 1, false, 1);		/* 6 */
	u32(b, 0); u32(b, 1);
	type(b, "bpf_iter_task_file", BTF_KIND_FUNC, 0, false, 6); /* 7 */
	type(b, "e", BTF_KIND_ENUM64, 2, false, 8);		/* 8 */
	u32(b, 0); u32(b, 0); u32(b, 0); u32(b, 0); u32(b, 0); u32(b, 0);
	type(b, ".data", BTF_KIND_DATASEC, 1, false, 8);	/* 9 */
	u32(b, 1); u32(b, 0); u32(b, 4);
	type(b, "file", BTF_KIND_FWD, 0, false, 0);		/* 10 */
}

static void
offsets(unsigned mode)
{
	struct blob b;
	struct nm_btf_member m[] = {
		{ "file", "f_inode", 0 }, { "file", "f_mode", 0 },
		{ "inode", "i_mode", 0 }, { "inode", "i_ino", 0 },
		{ "inode", "i_bits", 0 }, { "task_struct", "tgid", 0 },
		{ "file", "f_nothing", 0 },
	};
	struct nm_error e = { 0 };
	uint32_t id = 99;
	int fd;

	sample(&b);
	fd = blob_fd(&b, BTF_MAGIC);
	CHECK(fd >= 0);
	CHECK_INT(nm_btf_lookup(fd, m, NM_NELEM(m), "bpf_iter_task_file",
	    &id, mode, &e), 0);
	CHECK_INT(m[0].offset, 16 + 8);
	CHECK_INT(m[1].offset, 32);
	CHECK_INT(m[2].offset, 4);
	CHECK_INT(m[3].offset, 8);
	CHECK_INT(m[4].offset, -1);	/* a bit-field is not loadable */
	CHECK_INT(m[5].offset, -1);	/* no such struct */
	CHECK_INT(m[6].offset, -1);	/* no such member */
	CHECK_INT(id, 7);
	close(fd);
}

static void
broken(unsigned mode)
{
	struct blob b;
	struct nm_btf_member m[] = { { "file", "f_inode", 0 } };
	struct nm_error e = { 0 };
	uint32_t id;
	int fd;

	sample(&b);
	fd = blob_fd(&b, 0x1234);
	CHECK_INT(nm_btf_lookup(fd, m, 1, NULL, &id, mode, &e), -1);
	CHECK(strstr(e.msg, "not a BTF file") != NULL);
	close(fd);
	/* A kind this reader does not know stops it: it cannot step over
	   a record whose size it does not know. */
	sample(&b);
	type(&b, "new", 31, 0, false, 0);
	fd = blob_fd(&b, BTF_MAGIC);
	CHECK_INT(nm_btf_lookup(fd, m, 1, NULL, &id, mode, &e), -1);
	CHECK(strstr(e.msg, "kind 31") != NULL);
	close(fd);
	/* Too short for its header. */
	fd = memfd_create("btf", MFD_CLOEXEC);
	CHECK(write(fd, "\x9f\xeb\x01", 3) == 3);
	CHECK_INT(nm_btf_lookup(fd, m, 1, NULL, &id, mode, &e), -1);
	close(fd);
	/* Cut short in a struct: what was read counts, nothing more. */
	sample(&b);
	b.nt = 12 * 2 + 4 + 12 + 12 + 6;
	fd = blob_fd(&b, BTF_MAGIC);
	CHECK_INT(nm_btf_lookup(fd, m, 1, "bpf_iter_task_file", &id, mode,
	    &e), 0);
	CHECK_INT(m[0].offset, -1);
	CHECK_INT(id, 0);
	close(fd);
}

static void
running(unsigned mode)
{
	struct nm_btf_member m[] = {
		{ "file", "f_inode", 0 }, { "inode", "i_ino", 0 },
		{ "task_struct", "tgid", 0 }, { "task_struct", "pid", 0 },
	};
	struct nm_error e = { 0 };
	uint32_t id = 0;
	int fd = open("/sys/kernel/btf/vmlinux", O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return;		/* a kernel without BTF: nothing to read */
	CHECK_INT(nm_btf_lookup(fd, m, NM_NELEM(m), "bpf_iter_task_file",
	    &id, mode, &e), 0);
	CHECK(m[0].offset > 0 && m[1].offset > 0);
	/* pid_t pid; pid_t tgid; side by side since Linux 2.6 */
	CHECK_INT(m[2].offset, m[3].offset + 4);
	CHECK(id > 0);
	close(fd);
}

/* Each mapped (memfd and sysfs on Linux 6.16+ map) and streamed. */
TEST(btf_offsets_through_anonymous_members)
{
	offsets(0);
	offsets(NM_BTF_STREAM);
}

TEST(btf_broken_files)
{
	broken(0);
	broken(NM_BTF_STREAM);
}

TEST(btf_running_kernel)
{
	running(0);
	running(NM_BTF_STREAM);
}

#else
typedef int nm_test_btf_unused;
#endif /* __linux__ */
