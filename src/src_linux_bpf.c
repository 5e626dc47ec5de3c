/*
 * src_linux_bpf.c - every socket descriptor of every process in one
 * read, through a BPF task_file iterator, instead of a readlink() of
 * /proc/PID/fd/N per descriptor.
 *
 * The readlinks are nearly all of the owner lookup's cost (a path walk
 * and a name built per fd: about 2.6 us each, 130 ms of CPU at 50 000
 * sockets); the iterator walks the same fd tables inside the kernel and
 * hands back (tgid, inode) for the sockets only.  The program is
 * assembled here (22 instructions), with the member offsets it reads
 * taken from the running kernel's BTF, so nothing is compiled or
 * installed.  It only reads: the iterator lives while its fds are open,
 * and nothing stays attached after this function returns.
 *
 * It needs root (CAP_BPF and CAP_PERFMON), a kernel with BTF (5.8+),
 * and PIDs that mean the same as in /proc; the caller falls back to the
 * /proc readlinks when this returns -1.
 */
#ifdef __linux__

#include <linux/bpf.h>
#include <sys/stat.h>
#include <sys/syscall.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "src_linux.h"
#include "src_linux_btf.h"

#define BTF_VMLINUX	"/sys/kernel/btf/vmlinux"
#define PID_NS_INIT	0xEFFFFFFCu	/* the initial PID namespace's inode */

/* The context's layout (struct bpf_iter__task_file): 8-byte slots. */
#define CTX_META	0
#define CTX_TASK	8
#define CTX_FILE	24	/* 16: the fd number, not needed */

#define INS(c, d, s, o, i) ((struct bpf_insn){ .code = (c), \
	.dst_reg = (d), .src_reg = (s), .off = (o), .imm = (i) })
#define LDX(sz, d, s, o)  INS(BPF_LDX | BPF_MEM | (sz), d, s, o, 0)
#define STX(sz, d, s, o)  INS(BPF_STX | BPF_MEM | (sz), d, s, o, 0)
#define MOVR(d, s)        INS(BPF_ALU64 | BPF_MOV | BPF_X, d, s, 0, 0)
#define MOVI(d, i)        INS(BPF_ALU64 | BPF_MOV | BPF_K, d, 0, 0, i)
#define ADDI(d, i)        INS(BPF_ALU64 | BPF_ADD | BPF_K, d, 0, 0, i)
#define ANDI(d, i)        INS(BPF_ALU64 | BPF_AND | BPF_K, d, 0, 0, i)
#define JEQI(d, i, o)     INS(BPF_JMP | BPF_JEQ | BPF_K, d, 0, o, i)
#define JNEI(d, i, o)     INS(BPF_JMP | BPF_JNE | BPF_K, d, 0, o, i)
#define CALL(f)           INS(BPF_JMP | BPF_CALL, 0, 0, 0, f)
#define EXIT()            INS(BPF_JMP | BPF_EXIT, 0, 0, 0, 0)

/* One record per socket descriptor. */
struct rec {
	uint32_t	 tgid;
	uint32_t	 ino;
};

static long
sys_bpf(int cmd, union bpf_attr *a)
{
	return syscall(SYS_bpf, cmd, a, sizeof(*a));
}

/* Does /proc show PIDs as the kernel's task->tgid (the initial PID
   namespace, and a /proc mounted for it)? */
static bool
pids_are_global(void)
{
	struct stat st;
	char buf[32];
	ssize_t n;

	if (stat("/proc/self/ns/pid", &st) != 0 || st.st_ino != PID_NS_INIT)
		return false;
	n = readlink("/proc/self", buf, sizeof(buf) - 1);
	if (n <= 0)
		return false;
	buf[n] = '\0';
	return atol(buf) == (long)getpid();
}

static int
load_prog(long f_inode, long i_mode, long i_ino, long tgid, uint32_t func)
{
	/* r6 = ctx; file, inode, mode: skip all but sockets; then
	   (tgid, ino) onto the stack and seq_write() it. */
	struct bpf_insn p[] = {
		MOVR(6, 1),
		LDX(BPF_DW, 7, 6, CTX_FILE),
		JEQI(7, 0, 17),
		LDX(BPF_DW, 8, 7, (int16_t)f_inode),
		JEQI(8, 0, 15),
		LDX(BPF_H, 2, 8, (int16_t)i_mode),
		ANDI(2, S_IFMT),
		JNEI(2, S_IFSOCK, 12),
		LDX(BPF_DW, 3, 8, (int16_t)i_ino),
		LDX(BPF_DW, 4, 6, CTX_TASK),
		JEQI(4, 0, 9),
		LDX(BPF_W, 5, 4, (int16_t)tgid),
		STX(BPF_W, 10, 5, -8),
		STX(BPF_W, 10, 3, -4),
		LDX(BPF_DW, 1, 6, CTX_META),
		LDX(BPF_DW, 1, 1, 0),		/* meta->seq */
		MOVR(2, 10),
		ADDI(2, -8),
		MOVI(3, sizeof(struct rec)),
		CALL(BPF_FUNC_seq_write),
		MOVI(0, 0),
		EXIT(),
	};
	union bpf_attr a;
	/* The seq_file helpers are GPL-only in the kernel; this little
	   program is offered under it. */
	static const char license[] = "GPL";

	memset(&a, 0, sizeof(a));
	a.prog_type = BPF_PROG_TYPE_TRACING;
	a.expected_attach_type = BPF_TRACE_ITER;
	a.attach_btf_id = func;
	a.insns = (uint64_t)(uintptr_t)p;
	a.insn_cnt = NM_NELEM(p);
	a.license = (uint64_t)(uintptr_t)license;
	memcpy(a.prog_name, "netmin_fds", sizeof("netmin_fds"));
	return (int)sys_bpf(BPF_PROG_LOAD, &a);
}

/* Why the iterator cannot run, for NETMIN_FD_READER=bpf's message. */
static int
fail(char *why, size_t len, const char *what, int e)
{
	if (e != 0)
		snprintf(why, len, "%s: %s", what, strerror(e));
	else
		snprintf(why, len, "%s", what);
	return -1;
}

static int
cmp_pid(const void *a, const void *b)
{
	const struct nm_proc_sock *x = a, *y = b;

	return (x->pid > y->pid) - (x->pid < y->pid);
}

int
nm_bpf_collect(struct nm_proc_socks *ps, char *why, size_t whylen)
{
	struct nm_btf_member m[] = {
		{ "file", "f_inode", -1 },
		{ "inode", "i_mode", -1 },
		{ "inode", "i_ino", -1 },
		{ "task_struct", "tgid", -1 },
	};
	struct nm_error e;
	union bpf_attr a;
	uint32_t func = 0, last = 0;
	int btf, prog = -1, link = -1, it = -1, rc = -1;
	size_t i, start = ps->v.n;
	struct rec buf[4096];
	bool sorted = true;

	if (sizeof(long) != 8)
		return fail(why, whylen, "a 32-bit build", 0);
	if (!pids_are_global())
		return fail(why, whylen, "netmin runs in a PID namespace of "
		    "its own, or /proc is not its namespace's", 0);
	if ((btf = open(BTF_VMLINUX, O_RDONLY | O_CLOEXEC)) < 0)
		return fail(why, whylen, BTF_VMLINUX, errno);
	if (nm_btf_lookup(btf, m, NM_NELEM(m), "bpf_iter_task_file", &func,
	    0, &e) != 0) {
		close(btf);
		return fail(why, whylen, e.msg, 0);
	}
	close(btf);
	if (func == 0)
		return fail(why, whylen, "the kernel has no bpf_iter_task_file "
		    "(before Linux 5.8)", 0);
	for (i = 0; i < NM_NELEM(m); i++)
		if (m[i].offset < 0 || m[i].offset > INT16_MAX) {
			snprintf(why, whylen, "the kernel's BTF has no "
			    "struct %s member %s", m[i].strct, m[i].member);
			return -1;
		}
	if ((prog = load_prog(m[0].offset, m[1].offset, m[2].offset,
	    m[3].offset, func)) < 0)
		return fail(why, whylen, "loading the BPF program", errno);
	memset(&a, 0, sizeof(a));
	a.link_create.prog_fd = (uint32_t)prog;
	a.link_create.attach_type = BPF_TRACE_ITER;
	if ((link = (int)sys_bpf(BPF_LINK_CREATE, &a)) < 0) {
		fail(why, whylen, "BPF_LINK_CREATE", errno);
		goto out;
	}
	memset(&a, 0, sizeof(a));
	a.iter_create.link_fd = (uint32_t)link;
	if ((it = (int)sys_bpf(BPF_ITER_CREATE, &a)) < 0) {
		fail(why, whylen, "BPF_ITER_CREATE", errno);
		goto out;
	}
	for (;;) {
		ssize_t n = read(it, buf, sizeof(buf));
		size_t k;

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 || n % (ssize_t)sizeof(*buf) != 0) {
			fail(why, whylen, "reading the iterator", n < 0 ?
			    errno : EPROTO);
			goto out;
		}
		if (n == 0)
			break;
		for (k = 0; k < (size_t)n / sizeof(*buf); k++) {
			struct nm_proc_sock *x = NM_VEC_PUSH(&ps->v);

			x->ino = buf[k].ino;
			x->pid = (int)buf[k].tgid;
			if (buf[k].tgid < last)
				sorted = false;
			if (buf[k].tgid != last)
				ps->seen++;
			last = buf[k].tgid;
		}
	}
	/* Tasks come in TID order: a thread with its own fd table comes
	   after PIDs above its process's.  Keep one run per PID. */
	/* Order within a PID does not matter: owners are by PID. */
	if (!sorted)
		qsort(ps->v.v + start, ps->v.n - start, sizeof(*ps->v.v),
		    cmp_pid);
	rc = 0;
out:
	if (rc != 0)
		ps->v.n = start;
	if (it >= 0)
		close(it);
	if (link >= 0)
		close(link);
	close(prog);
	return rc;
}

#else
typedef int nm_src_linux_bpf_unused;
#endif /* __linux__ */
