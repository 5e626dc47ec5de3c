/*
 * src_linux_btf.c - the few facts the fd iterator needs from the
 * kernel's own type description (/sys/kernel/btf/vmlinux, BTF): where a
 * member lies in a kernel struct, and the id of a function.
 *
 * The file is 5 MiB or more, and netmin's whole live run must stay
 * smaller than ss's, so it is never copied whole: it is mapped where the
 * kernel allows (Linux 6.16+ maps the kernel's own copy, which costs no
 * memory), else streamed through a 64 KiB window (sysfs hands it out 4
 * KiB per read: 1.7 ms against 0.5 mapped).  One pass over the strings
 * finds the offsets of the names asked for, then passes over the types
 * compare those offsets (integers), so no name is looked up per type.  A member inside an anonymous struct
 * or union is found by following it, in the same pass when its type
 * comes later, in another pass when it came before.
 */
#ifdef __linux__

#include <linux/btf.h>
#include <sys/mman.h>
#include <sys/stat.h>

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "src_linux_btf.h"

#define WINDOW	65536
#define PASSES	4	/* type passes: nesting that points backwards */
#define PEND	16	/* anonymous members followed per query */
#define NAMES	15	/* names asked for: 7 members and a function */

/*
 * A reader over a region of the file.  Mapped: pos walks the mapping.
 * Streamed: buf[lo..hi) holds the bytes at file offset off + lo.  Both
 * fail alike: running into the file's end inside the region is EIO,
 * reaching the region's end is not an error.
 */
struct rd {
	int		 fd;
	const uint8_t	*map;		/* the whole file, or NULL */
	uint64_t	 maplen;
	uint64_t	 pos;		/* mapped: the cursor */
	uint8_t		*buf;		/* streamed: the window */
	size_t		 lo, hi;
	uint64_t	 off;		/* file offset of buf[0] */
	uint64_t	 end;		/* end of the region being read */
	int		 err;		/* errno of a failed read, or 0 */
};

static void
rd_at(struct rd *r, uint64_t start, uint64_t len)
{
	r->end = start + len;
	r->pos = r->off = start;
	r->lo = r->hi = 0;
}

/* The file offset of the cursor. */
static uint64_t
rd_tell(const struct rd *r)
{
	return r->map != NULL ? r->pos : r->off + r->lo;
}

/* n contiguous bytes at the cursor (n <= WINDOW), or NULL at the end. */
static const uint8_t *
rd_need(struct rd *r, size_t n)
{
	if (r->map != NULL) {
		if (r->pos < r->end && r->end > r->maplen) {
			if (r->pos + n <= r->maplen && r->pos + n <= r->end)
				return r->map + r->pos;
			r->err = EIO;	/* the region runs past the file */
			return NULL;
		}
		if (r->pos + n > r->end)
			return NULL;
		return r->map + r->pos;
	}
	if (r->hi - r->lo >= n)
		return r->buf + r->lo;
	memmove(r->buf, r->buf + r->lo, r->hi - r->lo);
	r->off += r->lo;
	r->hi -= r->lo;
	r->lo = 0;
	while (r->hi < n) {
		uint64_t left = r->end - (r->off + r->hi);
		size_t want = WINDOW - r->hi;
		ssize_t k;

		if (left == 0)
			return NULL;
		if (want > left)
			want = (size_t)left;
		k = pread(r->fd, r->buf + r->hi, want, (off_t)(r->off + r->hi));
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0) {
			r->err = k < 0 ? errno : EIO;
			return NULL;
		}
		r->hi += (size_t)k;
	}
	return r->buf;
}

/* Bytes available at the cursor without reading (at least 1 after a
   successful rd_need(r, 1)). */
static size_t
rd_avail(const struct rd *r)
{
	if (r->map != NULL) {
		uint64_t lim = r->end < r->maplen ? r->end : r->maplen;

		return r->pos < lim ? (size_t)(lim - r->pos) : 0;
	}
	return r->hi - r->lo;
}

static bool
rd_skip(struct rd *r, uint64_t n)
{
	if (r->map != NULL) {
		if (n > r->end - r->pos)
			return false;
		r->pos += n;
		return true;
	}
	if (r->hi - r->lo >= n) {
		r->lo += (size_t)n;
		return true;
	}
	n -= r->hi - r->lo;
	r->off += r->hi;
	r->lo = r->hi = 0;
	if (n > r->end - r->off)
		return false;
	r->off += n;
	return true;
}

static uint32_t
u32at(const uint8_t *p)
{
	uint32_t v;

	memcpy(&v, p, sizeof(v));
	return v;
}

/* Finds the string-section offset of every name asked for (0: absent;
   offset 0 is the empty string, which is never asked for). */
static int
find_names(struct rd *r, const char *const *names, uint32_t *at, size_t n)
{
	uint64_t start = rd_tell(r);
	size_t found = 0, i, len, lens[NAMES];

	for (i = 0; i < n; i++) {
		at[i] = 0;
		lens[i] = strlen(names[i]);
	}
	while (found < n) {
		const uint8_t *p = rd_need(r, 1), *z;
		size_t avail;
		uint32_t pos;

		if (p == NULL)
			break;
		avail = rd_avail(r);
		z = memchr(p, '\0', avail);
		if (z == NULL) {
			/* Longer than the bytes we have: read on. */
			if (avail >= WINDOW / 2) {
				rd_skip(r, avail);	/* no name of ours */
				while ((p = rd_need(r, 1)) != NULL &&
				    *p != '\0')
					rd_skip(r, 1);
				if (p != NULL)
					rd_skip(r, 1);
				continue;
			}
			if (rd_need(r, avail + 1) == NULL)
				break;	/* unterminated at the end */
			continue;
		}
		pos = (uint32_t)(rd_tell(r) - start);
		len = (size_t)(z - p);
		/* Lengths first: about 100 000 strings go by. */
		for (i = 0; i < n; i++)
			if (len == lens[i] && at[i] == 0 && pos != 0 &&
			    memcmp(p, names[i], len) == 0) {
				at[i] = pos;
				found++;
			}
		rd_skip(r, (size_t)(z - p) + 1);
	}
	return r->err != 0 ? -1 : 0;
}

/* Bytes that follow a type's 12-byte header, by kind; -1 if unknown. */
static long
tail_size(uint32_t info)
{
	uint32_t vlen = info & 0xffff;

	switch ((info >> 24) & 0x1f) {
	case BTF_KIND_INT: case BTF_KIND_VAR: case BTF_KIND_DECL_TAG:
		return 4;
	case BTF_KIND_PTR: case BTF_KIND_FWD: case BTF_KIND_TYPEDEF:
	case BTF_KIND_VOLATILE: case BTF_KIND_CONST: case BTF_KIND_RESTRICT:
	case BTF_KIND_FUNC: case BTF_KIND_FLOAT: case BTF_KIND_TYPE_TAG:
		return 0;
	case BTF_KIND_ARRAY:
		return 12;
	case BTF_KIND_STRUCT: case BTF_KIND_UNION: case BTF_KIND_DATASEC:
	case BTF_KIND_ENUM64:
		return 12L * vlen;
	case BTF_KIND_ENUM: case BTF_KIND_FUNC_PROTO:
		return 8L * vlen;
	}
	return -1;
}

struct query {
	uint32_t	 sname, mname;	/* name offsets */
	uint32_t	 pend[PEND];	/* anonymous struct/union ids */
	uint32_t	 base[PEND];	/* their offset in the struct */
	bool		 seen[PEND];
	size_t		 npend;
	bool		 top;		/* the named struct was read */
	long		 off;		/* result, or -1 */
};

struct feed {
	struct query	*q;
	uint32_t	 base;		/* the type's offset in q's struct */
};

/* Reads the members of a struct or union whose header was just read,
   for every query it feeds. */
static int
members(struct rd *r, uint32_t vlen, bool kflag, struct feed *f, size_t nf)
{
	uint32_t i;
	size_t k;

	for (i = 0; i < vlen; i++) {
		const uint8_t *m = rd_need(r, 12);
		uint32_t name, type, boff;

		if (m == NULL)
			return -1;
		name = u32at(m);
		type = u32at(m + 4);
		boff = u32at(m + 8);
		rd_skip(r, 12);
		if (kflag) {
			if (boff >> 24 != 0)
				continue;	/* a bit-field */
			boff &= 0xffffff;
		}
		if (boff % 8 != 0)
			continue;
		for (k = 0; k < nf; k++) {
			struct query *q = f[k].q;

			if (q->off != -1)
				continue;
			if (name == q->mname)
				q->off = (long)(f[k].base + boff / 8);
			else if (name == 0 && q->npend < PEND) {
				q->pend[q->npend] = type;
				q->base[q->npend] = f[k].base + boff / 8;
				q->seen[q->npend++] = false;
			}
		}
	}
	return 0;
}

/* The queries a struct or union with this id and name feeds. */
static size_t
wants(struct query *q, size_t nq, uint32_t id, uint32_t name, uint32_t kind,
    struct feed *f)
{
	size_t i, j, nf = 0;

	for (i = 0; i < nq; i++) {
		if (q[i].off != -1)
			continue;
		if (!q[i].top && kind == BTF_KIND_STRUCT &&
		    name == q[i].sname) {
			q[i].top = true;
			f[nf].q = &q[i];
			f[nf++].base = 0;
			continue;
		}
		for (j = 0; j < q[i].npend; j++)
			if (!q[i].seen[j] && q[i].pend[j] == id) {
				q[i].seen[j] = true;
				f[nf].q = &q[i];
				f[nf++].base = q[i].base[j];
				break;
			}
	}
	return nf;
}

/* Is every query answered (or known to have no answer)?  need_func:
   the function's id is still to be found. */
static bool
all_done(const struct query *q, size_t nq, bool need_func)
{
	size_t i;

	if (need_func)
		return false;
	for (i = 0; i < nq; i++)
		if (q[i].off == -1)
			return false;
	return true;
}

/* After a whole pass: a query whose struct never came, or with no
   anonymous member left to follow, has no answer. */
static void
settle(struct query *q, size_t nq)
{
	size_t i, j;

	for (i = 0; i < nq; i++) {
		bool open = false;

		if (q[i].off != -1)
			continue;
		for (j = 0; j < q[i].npend; j++)
			open |= !q[i].seen[j];
		if (!q[i].top || !open)
			q[i].off = -2;
	}
}

int
nm_btf_lookup(int fd, struct nm_btf_member *mv, size_t nm,
    const char *func, uint32_t *func_id, unsigned flags,
    struct nm_error *err)
{
	struct btf_header h;
	struct rd r = { .fd = fd };
	struct stat st;
	void *map = MAP_FAILED;
	const char **names;
	uint32_t *at, id, fname = 0;
	struct query *q;
	struct feed *f;
	size_t i, nn = 0;
	int pass, rc = -1;
	const uint8_t *p;

	*func_id = 0;
	if (2 * nm + 1 > NAMES)
		return nm_seterr(err, NM_ERR_USAGE, "BTF: at most %d members "
		    "at a time", (NAMES - 1) / 2);
	if (!(flags & NM_BTF_STREAM) && fstat(fd, &st) == 0 &&
	    st.st_size > 0 && (uint64_t)st.st_size <= SIZE_MAX &&
	    (map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd,
	    0)) != MAP_FAILED) {
		r.map = map;
		r.maplen = (uint64_t)st.st_size;
	} else if ((r.buf = malloc(WINDOW)) == NULL)
		return nm_seterr(err, NM_ERR_NOMEM, "out of memory");
	names = nm_xcalloc(2 * nm + 1, sizeof(*names));
	at = nm_xcalloc(2 * nm + 1, sizeof(*at));
	q = nm_xcalloc(nm ? nm : 1, sizeof(*q));
	f = nm_xcalloc(nm ? nm : 1, sizeof(*f));
	rd_at(&r, 0, sizeof(h));
	if ((p = rd_need(&r, sizeof(h))) == NULL) {
		nm_seterr(err, NM_ERR_INPUT, "BTF: %s", r.err ?
		    strerror(r.err) : "shorter than its header");
		goto out;
	}
	memcpy(&h, p, sizeof(h));
	if (h.magic != BTF_MAGIC || h.version != BTF_VERSION ||
	    h.hdr_len < sizeof(h) || h.hdr_len > 4096) {
		nm_seterr(err, NM_ERR_INPUT, "BTF: not a BTF file of this "
		    "byte order (magic %#x, version %u)", h.magic, h.version);
		goto out;
	}
	for (i = 0; i < nm; i++) {
		names[nn++] = mv[i].strct;
		names[nn++] = mv[i].member;
	}
	if (func != NULL)
		names[nn++] = func;
	rd_at(&r, (uint64_t)h.hdr_len + h.str_off, h.str_len);
	if (find_names(&r, names, at, nn) != 0) {
		nm_seterr(err, NM_ERR_IO, "BTF: %s", strerror(r.err));
		goto out;
	}
	for (i = 0; i < nm; i++) {
		q[i].sname = at[2 * i];
		q[i].mname = at[2 * i + 1];
		q[i].off = q[i].sname == 0 || q[i].mname == 0 ? -2 : -1;
		mv[i].offset = -1;
	}
	if (func != NULL)
		fname = at[nn - 1];
	/* Functions are found in the first pass or not at all. */
	for (pass = 0; pass < PASSES; pass++, fname = 0) {
		rd_at(&r, (uint64_t)h.hdr_len + h.type_off, h.type_len);
		for (id = 1;; id++) {
			uint32_t name, info, kind;
			size_t nf;
			long tail;

			if ((p = rd_need(&r, 12)) == NULL)
				break;
			name = u32at(p);
			info = u32at(p + 4);
			kind = (info >> 24) & 0x1f;
			rd_skip(&r, 12);
			if ((tail = tail_size(info)) < 0) {
				nm_seterr(err, NM_ERR_INPUT, "BTF: type %u has "
				    "kind %u, which netmin does not know", id,
				    kind);
				goto out;
			}
			if (kind == BTF_KIND_FUNC && name == fname && fname) {
				*func_id = id;
				fname = 0;
				if (all_done(q, nm, false))
					break;
			}
			if ((kind == BTF_KIND_STRUCT ||
			    kind == BTF_KIND_UNION) &&
			    (nf = wants(q, nm, id, name, kind, f)) > 0) {
				if (members(&r, info & 0xffff, info >> 31, f,
				    nf) != 0)
					break;
				/* The rest of the file is not needed. */
				if (all_done(q, nm, fname != 0))
					break;
			} else if (!rd_skip(&r, (uint64_t)tail))
				break;
		}
		if (r.err != 0) {
			nm_seterr(err, NM_ERR_IO, "BTF: %s", strerror(r.err));
			goto out;
		}
		settle(q, nm);
		if (all_done(q, nm, false))
			break;
	}
	for (i = 0; i < nm; i++)
		mv[i].offset = q[i].off >= 0 ? q[i].off : -1;
	rc = 0;
out:
	if (map != MAP_FAILED)
		munmap(map, (size_t)r.maplen);
	free(r.buf);
	free(names);
	free(at);
	free(q);
	free(f);
	return rc;
}

#else
typedef int nm_src_linux_btf_unused;
#endif /* __linux__ */
