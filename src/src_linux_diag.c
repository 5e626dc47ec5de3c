/*
 * src_linux_diag.c - sockets from the kernel through NETLINK_SOCK_DIAG
 * (inet_diag for TCP and UDP, raw_diag for raw sockets), not /proc/net
 * text: one dump per family and protocol, each reply a binary record with
 * the socket's addresses, state, inode and creator uid.
 *
 * The decoder reads the exchange as a byte stream of netlink messages,
 * requests included: a request says which family and protocol the
 * replies after it belong to (old kernels do not say it in the reply).
 * Recorded files are that same stream, so replay tests the live decoder.
 */
#ifdef __linux__

#include <sys/socket.h>
#include <sys/uio.h>

#include <arpa/inet.h>
#include <errno.h>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/sock_diag.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "src_linux.h"

/* TCP states as the kernel numbers them (include/net/tcp_states.h). */
enum {
	K_ESTABLISHED = 1, K_SYN_SENT, K_SYN_RECV, K_FIN_WAIT1, K_FIN_WAIT2,
	K_TIME_WAIT, K_CLOSE, K_CLOSE_WAIT, K_LAST_ACK, K_LISTEN, K_CLOSING,
	K_NEW_SYN_RECV
};

void
nm_diag_init(struct nm_diag_dec *d, struct nm_lsocks *socks, uint32_t ns)
{
	memset(d, 0, sizeof(*d));
	d->socks = socks;
	d->ns = ns;
}

void
nm_diag_free(struct nm_diag_dec *d)
{
	NM_VEC_FREE(&d->links);
	NM_VEC_FREE(&d->fails);
}

static void
fail(struct nm_diag_dec *d, int error)
{
	struct nm_diag_fail *f;

	d->error = error;
	if (d->proto < 0 || d->fails.n >= 16)
		return;
	f = NM_VEC_PUSH(&d->fails);
	f->family = d->family;
	f->proto = d->proto;
	f->error = error;
}

void
nm_diag_warn(struct nm_diag_dec *d, struct nm_snapshot *snap)
{
	bool raw = false;
	size_t i;

	for (i = 0; i < d->fails.n; i++) {
		const struct nm_diag_fail *f = &d->fails.v[i];

		if (f->proto == IPPROTO_RAW) {
			/* One line for both families. */
			if (!raw)
				nm_snap_warn(snap, "live", 0, "raw sockets "
				    "not listed: %s", f->error == ENOENT ?
				    "the kernel has no raw_diag module" :
				    strerror(f->error));
			raw = true;
			continue;
		}
		nm_snap_warn(snap, "live", 0, "%s %s sockets not listed: %s",
		    f->family == AF_INET ? "IPv4" : "IPv6",
		    f->proto == IPPROTO_TCP ? "TCP" : f->proto == IPPROTO_UDP ?
		    "UDP" : "other", strerror(f->error));
	}
}

const char *
nm_diag_link_name(const struct nm_diag_dec *d, uint32_t index)
{
	size_t k;

	for (k = 0; k < d->links.n; k++)
		if (d->links.v[k].index == index)
			return d->links.v[k].name;
	return NULL;
}

static uint8_t
map_state(int proto, int st)
{
	switch (st) {
	case K_ESTABLISHED: return NM_ST_ESTABLISHED;
	case K_SYN_SENT: return NM_ST_SYN_SENT;
	case K_SYN_RECV: case K_NEW_SYN_RECV: return NM_ST_SYN_RECV;
	case K_FIN_WAIT1: return NM_ST_FIN_WAIT1;
	case K_FIN_WAIT2: return NM_ST_FIN_WAIT2;
	case K_TIME_WAIT: return NM_ST_TIME_WAIT;
	case K_CLOSE: return proto == NM_TCP ? NM_ST_CLOSE : NM_ST_UNCONN;
	case K_CLOSE_WAIT: return NM_ST_CLOSE_WAIT;
	case K_LAST_ACK: return NM_ST_LAST_ACK;
	case K_LISTEN: return NM_ST_LISTEN;
	case K_CLOSING: return NM_ST_CLOSING;
	default: return NM_ST_UNKNOWN;
	}
}

static bool
addr_zero(int family, const uint32_t *a)
{
	return a[0] == 0 && (family == AF_INET ||
	    (a[1] == 0 && a[2] == 0 && a[3] == 0));
}

static bool
addr_any(int family, const uint32_t *a)
{
	return family == AF_INET6 && addr_zero(family, a);
}

/* Grow by half, no zeroing of unused capacity (it would be touched). */
static struct nm_lsock *
sock_push(struct nm_lsocks *v)
{
	struct nm_lsock *k;

	if (v->n == v->cap) {
		size_t ncap = v->cap < 64 ? 64 : v->cap + v->cap / 2;

		v->v = nm_xrealloc(v->v, ncap, sizeof(*v->v));
		v->cap = ncap;
	}
	k = &v->v[v->n++];
	memset(k, 0, sizeof(*k));
	return k;
}

static void
sock_msg(struct nm_diag_dec *d, const unsigned char *p, size_t len)
{
	struct inet_diag_msg m;
	const unsigned char *a;
	size_t off = NLMSG_ALIGN(sizeof(m));
	int v6only = -1, kproto = -1, proto;
	struct nm_lsock *k;

	if (len < sizeof(m)) {
		d->bad = true;
		return;
	}
	memcpy(&m, p, sizeof(m));
	/* Attributes: the v6-only flag and (newer kernels) the protocol. */
	a = p + off;
	while (off + sizeof(struct rtattr) <= len) {
		struct rtattr ra;
		size_t plen;

		memcpy(&ra, a, sizeof(ra));
		if (ra.rta_len < sizeof(ra) || ra.rta_len > len - off)
			break;
		plen = ra.rta_len - sizeof(ra);
		if (ra.rta_type == INET_DIAG_SKV6ONLY && plen >= 1)
			v6only = a[sizeof(ra)];
		else if (ra.rta_type == INET_DIAG_PROTOCOL && plen >= 1)
			kproto = a[sizeof(ra)];
		off += RTA_ALIGN(ra.rta_len);
		a = p + off;
	}
	if (m.idiag_family != AF_INET && m.idiag_family != AF_INET6)
		return;
	if (d->proto == IPPROTO_RAW)
		proto = NM_RAW;
	else if (kproto == IPPROTO_TCP || (kproto < 0 &&
	    d->proto == IPPROTO_TCP))
		proto = NM_TCP;
	else if (kproto == IPPROTO_UDP || (kproto < 0 &&
	    d->proto == IPPROTO_UDP))
		proto = NM_UDP;
	else
		return;		/* UDP-Lite, MPTCP...: not asked for */

	k = sock_push(d->socks);
	k->proto = (uint8_t)proto;
	k->family = m.idiag_family == AF_INET ? NM_INET : NM_INET6;
	k->state = map_state(proto, m.idiag_state);
	memcpy(k->laddr, m.id.idiag_src, k->family == NM_INET ? 4 : 16);
	/* Raw sockets: the "port" is the IP protocol they receive. */
	k->lport = ntohs(m.id.idiag_sport);
	if (m.id.idiag_dport != 0 || !addr_zero(m.idiag_family,
	    m.id.idiag_dst)) {
		k->flags |= NM_LS_PEER;
		memcpy(k->raddr, m.id.idiag_dst, k->family == NM_INET ? 4 :
		    16);
		k->rport = ntohs(m.id.idiag_dport);
	}
	if (v6only == 0 && addr_any(m.idiag_family, m.id.idiag_src))
		k->flags |= NM_LS_DUAL;
	k->ino = m.idiag_inode;
	k->uid = m.idiag_uid;
	k->ifindex = m.id.idiag_if;
	k->ns = d->ns;
}

static void
link_msg(struct nm_diag_dec *d, const unsigned char *p, size_t len)
{
	struct ifinfomsg ifi;
	size_t off = NLMSG_ALIGN(sizeof(ifi));

	if (len < sizeof(ifi)) {
		d->bad = true;
		return;
	}
	memcpy(&ifi, p, sizeof(ifi));
	while (off + sizeof(struct rtattr) <= len) {
		struct rtattr ra;
		size_t plen;

		memcpy(&ra, p + off, sizeof(ra));
		if (ra.rta_len < sizeof(ra) || ra.rta_len > len - off)
			break;
		plen = ra.rta_len - sizeof(ra);
		if (ra.rta_type == IFLA_IFNAME && plen > 0 && ifi.ifi_index > 0) {
			struct nm_diag_link *l = NM_VEC_PUSH(&d->links);
			size_t n = plen < sizeof(l->name) - 1 ? plen :
			    sizeof(l->name) - 1;

			l->index = (uint32_t)ifi.ifi_index;
			memcpy(l->name, p + off + sizeof(ra), n);
			l->name[n] = '\0';
			break;
		}
		off += RTA_ALIGN(ra.rta_len);
	}
}

size_t
nm_diag_feed(struct nm_diag_dec *d, const void *buf, size_t len)
{
	const unsigned char *p = buf;
	size_t off = 0;

	while (len - off >= sizeof(struct nlmsghdr)) {
		struct nlmsghdr h;
		const unsigned char *pl;
		size_t plen;

		memcpy(&h, p + off, sizeof(h));
		if (h.nlmsg_len < sizeof(h) || h.nlmsg_len > len - off) {
			d->bad = true;
			return len;
		}
		pl = p + off + NLMSG_HDRLEN;
		plen = h.nlmsg_len - NLMSG_HDRLEN;
		if (h.nlmsg_flags & NLM_F_REQUEST) {
			/* Our request: what the next replies are. */
			if (h.nlmsg_type == SOCK_DIAG_BY_FAMILY && plen >= 2) {
				d->family = pl[0];
				d->proto = pl[1];
			} else if (h.nlmsg_type == RTM_GETLINK)
				d->proto = -1;
			d->done = false;
			d->error = 0;
		} else if (h.nlmsg_type == NLMSG_DONE ||
		    h.nlmsg_type == NLMSG_ERROR) {
			int v = 0;

			if (plen >= sizeof(v))
				memcpy(&v, pl, sizeof(v));
			if (v < 0 && v > -4096)
				fail(d, -v);
			d->done = true;
		} else if (h.nlmsg_type == SOCK_DIAG_BY_FAMILY)
			sock_msg(d, pl, plen);
		else if (h.nlmsg_type == RTM_NEWLINK)
			link_msg(d, pl, plen);
		off += NLMSG_ALIGN(h.nlmsg_len);
		if (off > len)
			off = len;
	}
	return off;
}

/* --- live ---------------------------------------------------------------- */

static int
send_req(int fd, const void *req, size_t len, struct nm_buf *save)
{
	struct sockaddr_nl sa = { .nl_family = AF_NETLINK };
	ssize_t n;

	do
		n = sendto(fd, req, len, 0, (struct sockaddr *)&sa, sizeof(sa));
	while (n < 0 && errno == EINTR);
	if (n < 0)
		return -1;
	if (save != NULL)
		nm_buf_add(save, req, len);
	return 0;
}

/* Reads replies until the dump ends; the decoder sees each datagram. */
static int
recv_dump(int fd, struct nm_diag_dec *d, unsigned char *buf, size_t cap,
    struct nm_buf *save, struct nm_error *err)
{
	while (!d->done) {
		struct sockaddr_nl sa;
		struct iovec iov = { buf, cap };
		struct msghdr mh = { .msg_name = &sa, .msg_namelen = sizeof(sa),
		    .msg_iov = &iov, .msg_iovlen = 1 };
		ssize_t n = recvmsg(fd, &mh, 0);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			return nm_seterr(err, NM_ERR_SYS, "netlink: %s",
			    strerror(errno));
		}
		if (n == 0 || (mh.msg_flags & MSG_TRUNC))
			return nm_seterr(err, NM_ERR_SYS, "netlink: %s",
			    n == 0 ? "socket closed" : "reply truncated");
		if (save != NULL)
			nm_buf_add(save, buf, (size_t)n);
		nm_diag_feed(d, buf, (size_t)n);
		if (d->bad)
			return nm_seterr(err, NM_ERR_SYS,
			    "netlink: malformed reply from the kernel");
	}
	return 0;
}

int
nm_diag_dump(int diagfd, int routefd, struct nm_diag_dec *d, bool all,
    struct nm_buf *save, struct nm_error *err)
{
	static const struct { int family, proto; } dumps[] = {
		{ AF_INET, IPPROTO_TCP }, { AF_INET6, IPPROTO_TCP },
		{ AF_INET, IPPROTO_UDP }, { AF_INET6, IPPROTO_UDP },
		{ AF_INET, IPPROTO_RAW }, { AF_INET6, IPPROTO_RAW },
	};
	size_t cap = 64 * 1024, i, k, first = d->socks->n;
	unsigned char *buf = nm_xmalloc(cap);
	uint32_t seq = 1;
	bool need_links = false;
	int rc = 0;

	for (i = 0; i < NM_NELEM(dumps); i++) {
		struct {
			struct nlmsghdr		nh;
			struct inet_diag_req_v2	r;
		} req;

		if (dumps[i].proto == IPPROTO_RAW && !all)
			continue;
		memset(&req, 0, sizeof(req));
		req.nh.nlmsg_len = sizeof(req);
		req.nh.nlmsg_type = SOCK_DIAG_BY_FAMILY;
		req.nh.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
		req.nh.nlmsg_seq = seq++;
		req.r.sdiag_family = (uint8_t)dumps[i].family;
		req.r.sdiag_protocol = (uint8_t)dumps[i].proto;
		/* Like ss -l: TCP listeners and unconnected (bound) UDP.
		   Asking TCP for LISTEN alone lets the kernel skip its
		   established-hash walk (no CLOSE socket is in it). */
		req.r.idiag_states = all ? ~0u : dumps[i].proto == IPPROTO_TCP ?
		    1u << K_LISTEN : (1u << K_LISTEN) | (1u << K_CLOSE);
		if (dumps[i].proto == IPPROTO_RAW)
			/* inet_diag_req_raw: every raw protocol. */
			req.r.pad = IPPROTO_RAW;
		if (send_req(diagfd, &req, sizeof(req), save) != 0) {
			rc = nm_seterr(err, NM_ERR_SYS, "netlink: %s",
			    strerror(errno));
			goto out;
		}
		d->done = false;
		d->error = 0;
		/* The decoder learns family/protocol from our request. */
		d->family = dumps[i].family;
		d->proto = dumps[i].proto;
		if ((rc = recv_dump(diagfd, d, buf, cap, save, err)) != 0)
			goto out;
		/* Without IPv4 TCP there is no answer; a missing udp_diag
		   or raw_diag module costs only its part (nm_diag_warn). */
		if (d->error != 0 && dumps[i].proto == IPPROTO_TCP &&
		    dumps[i].family == AF_INET) {
			rc = nm_seterr(err, NM_ERR_SYS, "sock_diag dump failed: "
			    "%s", strerror(d->error));
			goto out;
		}
	}
	for (k = first; k < d->socks->n; k++)
		if (d->socks->v[k].ifindex != 0)
			need_links = true;
	if (need_links && routefd >= 0) {
		struct {
			struct nlmsghdr		nh;
			struct ifinfomsg	ifi;
		} req;

		memset(&req, 0, sizeof(req));
		req.nh.nlmsg_len = sizeof(req);
		req.nh.nlmsg_type = RTM_GETLINK;
		req.nh.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
		req.nh.nlmsg_seq = seq++;
		req.ifi.ifi_family = AF_UNSPEC;
		if (send_req(routefd, &req, sizeof(req), save) == 0) {
			d->done = false;
			d->proto = -1;
			if (recv_dump(routefd, d, buf, cap, save, err) != 0) {
				/* Names are a nicety: keep the indexes. */
				d->links.n = 0;	/* names are a nicety */
				err->code = NM_OK;
				err->msg[0] = '\0';
			}
		}
	}
out:
	free(buf);
	return rc;
}

#else
typedef int nm_src_linux_diag_unused;
#endif /* __linux__ */
