/*
 * probe_udp.c - UDP scan with protocol probes.
 *
 * Each probe goes out on its own connected UDP socket with IP_RECVERR, so
 * the kernel hands us both the answer and any ICMP error the target sent
 * back, with its type and code:
 *
 *   a datagram back                 -> open (service named when it decodes)
 *   ICMP port unreachable           -> closed
 *   other ICMP unreachable          -> filtered
 *   silence                         -> open|filtered
 *
 * Silence is ambiguous twice over: a listener that ignores the probe, a
 * firewall, a lost datagram, and, on Linux targets, the ICMP rate limit
 * (net.ipv4.icmp_ratelimit: after a burst of 6, one unreachable a second
 * to a given peer), which turns closed ports silent.  So a scan has three
 * rounds.  The first probes every port in parallel.  The second probes
 * every silent port again, as one batch, once the target's limiter has
 * had icmp_interval to refill since the last ICMP we saw (or since the
 * scan began: someone else may have drained it): with a token there, no
 * ICMP back means no silent port is closed.  If ICMPs did come back, the
 * third round probes each port still silent one at a time, each behind
 * that same wait, so a closed port cannot stay silent.  Silence then is
 * open|filtered for sure; a port the time budget left unconfirmed is
 * reported open|filtered with "uncertain": true and a note.  This rests
 * on the target's limiter refilling at least one token per icmp_interval
 * (Linux: 1000 ms; --icmp-interval for others) and on nobody else
 * draining it meanwhile.
 */
#include "probe.h"

#ifdef __linux__

#include <sys/epoll.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <linux/errqueue.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "probe_sys.h"

#define ST_SILENT 100		/* internal: asked, no answer yet */

struct uslot {
	int		 fd;		/* -1: free */
	uint32_t	 idx;
	uint32_t	 nonce;
	int64_t		 sent;
};

struct udp_scan {
	struct nm_scan	*scan;
	const struct nm_target *t;
	const uint16_t	*ports;
	size_t		 n;
	uint8_t		*state, *reason, *tries;
	const char	**service, **detail;
	int32_t		*rtt;
	uint8_t		*confirmed;	/* silent while the limiter had a token */
	bool		 guaranteed;	/* this round's probes had one */

	int		 ep;
	struct uslot	*slots;
	int		 nslots, inflight;
	struct nm_rtt	 rtt_est;
	struct nm_pace	 pace;
	uint32_t	 nonce;
	size_t		 done, open, filtered;
	size_t		 icmp_seen;
	int64_t		 last_icmp;
	int64_t		 interval_ns;
	int64_t		 start, deadline, last_report;
	const struct nm_scan_opts *o;
	const char	*phase;
};

static uint32_t
next_nonce(struct udp_scan *u)
{
	/* xorshift: distinct per probe, not predictable from the port. */
	u->nonce ^= u->nonce << 13;
	u->nonce ^= u->nonce >> 17;
	u->nonce ^= u->nonce << 5;
	return u->nonce;
}

static void
decide(struct udp_scan *u, uint32_t idx, int state, int reason)
{
	if (u->state[idx] != ST_SILENT && u->state[idx] != NM_PS_UNSCANNED)
		return;
	u->state[idx] = (uint8_t)state;
	u->reason[idx] = (uint8_t)reason;
	u->done++;
	if (state == NM_PS_OPEN)
		u->open++;
	else if (state == NM_PS_FILTERED)
		u->filtered++;
}

static void
release(struct udp_scan *u, struct uslot *sl)
{
	close(sl->fd);
	sl->fd = -1;
	u->inflight--;
}

/* Reads the ICMP error queued on the slot's socket. */
static void
on_error(struct udp_scan *u, struct uslot *sl, int64_t now)
{
	char cbuf[512], dummy[64];
	struct iovec iov = { dummy, sizeof(dummy) };
	struct msghdr m;
	struct cmsghdr *cm;
	int state = -1, e = 0;
	socklen_t el = sizeof(e);

	memset(&m, 0, sizeof(m));
	m.msg_iov = &iov;
	m.msg_iovlen = 1;
	m.msg_control = cbuf;
	m.msg_controllen = sizeof(cbuf);
	if (recvmsg(sl->fd, &m, MSG_ERRQUEUE | MSG_DONTWAIT) >= 0) {
		for (cm = CMSG_FIRSTHDR(&m); cm != NULL;
		    cm = CMSG_NXTHDR(&m, cm)) {
			struct sock_extended_err ee;

			if (!((cm->cmsg_level == SOL_IP &&
			    cm->cmsg_type == IP_RECVERR) ||
			    (cm->cmsg_level == SOL_IPV6 &&
			    cm->cmsg_type == IPV6_RECVERR)))
				continue;
			memcpy(&ee, CMSG_DATA(cm), sizeof(ee));
			if (ee.ee_origin == SO_EE_ORIGIN_ICMP)
				state = ee.ee_type == 3 && ee.ee_code == 3 ?
				    NM_PS_CLOSED : NM_PS_FILTERED;
			else if (ee.ee_origin == SO_EE_ORIGIN_ICMP6)
				state = ee.ee_type == 1 && ee.ee_code == 4 ?
				    NM_PS_CLOSED : NM_PS_FILTERED;
		}
	}
	(void)getsockopt(sl->fd, SOL_SOCKET, SO_ERROR, &e, &el);
	if (state < 0 && e == ECONNREFUSED)
		state = NM_PS_CLOSED;
	if (state < 0)
		return;			/* a local error; let it time out */
	u->icmp_seen++;
	u->last_icmp = now;
	nm_rtt_sample(&u->rtt_est, now - sl->sent);
	u->rtt[sl->idx] = (int32_t)((now - sl->sent) / 1000);
	decide(u, sl->idx, state, state == NM_PS_CLOSED ? NM_PR_PORT_UNREACH :
	    NM_PR_UNREACH);
	release(u, sl);
}

static void
on_reply(struct udp_scan *u, struct uslot *sl, int64_t now)
{
	uint8_t buf[4096];
	const struct nm_udp_probe *p = nm_udp_probe_for(u->ports[sl->idx]);
	struct nm_probe_ctx ctx;
	char det[300];
	ssize_t len;
	int k;

	memset(&ctx, 0, sizeof(ctx));
	ctx.nonce = sl->nonce;
	ctx.family = u->t->family;
	memcpy(ctx.addr, u->t->addr, 16);
	ctx.try_no = u->tries[sl->idx] - 1;
	for (k = 0; k < 8; k++) {
		len = recv(sl->fd, buf, sizeof(buf), MSG_DONTWAIT);
		if (len < 0) {
			if (errno == ECONNREFUSED)
				on_error(u, sl, now);
			break;
		}
		if (u->state[sl->idx] != ST_SILENT &&
		    u->state[sl->idx] != NM_PS_UNSCANNED)
			continue;		/* decided by an earlier one */
		nm_rtt_sample(&u->rtt_est, now - sl->sent);
		u->rtt[sl->idx] = (int32_t)((now - sl->sent) / 1000);
		if (p != NULL && p->decode(buf, (size_t)len, &ctx, det,
		    sizeof(det)) == 1) {
			u->service[sl->idx] = p->service;
			u->detail[sl->idx] = nm_astrdup(&u->scan->arena, det);
			decide(u, sl->idx, NM_PS_OPEN, NM_PR_UDP_REPLY);
			break;
		}
		/* Keep reading: a later datagram may be the real answer. */
		if (u->detail[sl->idx] == NULL)
			u->detail[sl->idx] = nm_asprintf(&u->scan->arena,
			    "%s%zd-byte reply", p != NULL ? "unrecognised " :
			    "", len);
	}
	if (u->detail[sl->idx] != NULL && u->state[sl->idx] == ST_SILENT)
		decide(u, sl->idx, NM_PS_OPEN, NM_PR_UDP_REPLY);
	if (sl->fd >= 0)
		release(u, sl);
}

static int
launch(struct udp_scan *u, uint32_t idx, struct nm_error *err)
{
	struct sockaddr_storage sa;
	socklen_t salen = nm_target_sockaddr(u->t, u->ports[idx], &sa);
	const struct nm_udp_probe *p = nm_udp_probe_for(u->ports[idx]);
	struct nm_probe_ctx ctx;
	struct epoll_event ev;
	struct uslot *sl = NULL;
	uint8_t buf[1500];
	size_t len = 0;
	int fd, on = 1, i;

	for (i = 0; i < u->nslots; i++)
		if (u->slots[i].fd < 0) {
			sl = &u->slots[i];
			break;
		}
	if (sl == NULL)
		return 1;
	fd = socket(u->t->family == NM_INET ? AF_INET : AF_INET6,
	    SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return nm_seterr(err, NM_ERR_SYS, "socket: %s",
		    strerror(errno));
	if (u->t->family == NM_INET)
		(void)setsockopt(fd, SOL_IP, IP_RECVERR, &on, sizeof(on));
	else
		(void)setsockopt(fd, SOL_IPV6, IPV6_RECVERR, &on, sizeof(on));
	if (connect(fd, (struct sockaddr *)&sa, salen) != 0) {
		int e = errno;

		close(fd);
		return nm_seterr(err, NM_ERR_NET, "connect to %s port %u: %s",
		    u->t->text, u->ports[idx], strerror(e));
	}
	memset(&ctx, 0, sizeof(ctx));
	ctx.nonce = next_nonce(u);
	ctx.family = u->t->family;
	memcpy(ctx.addr, u->t->addr, 16);
	ctx.try_no = u->tries[idx];
	if (p != NULL)
		len = p->build(buf, sizeof(buf), &ctx);
	sl->fd = fd;
	sl->idx = idx;
	sl->nonce = ctx.nonce;
	sl->sent = nm_now_ns();
	u->tries[idx]++;
	u->inflight++;
	ev.events = EPOLLIN;		/* EPOLLERR is always reported */
	ev.data.u32 = (uint32_t)(sl - u->slots);
	if (epoll_ctl(u->ep, EPOLL_CTL_ADD, fd, &ev) != 0) {
		release(u, sl);
		return nm_seterr(err, NM_ERR_SYS, "epoll_ctl: %s",
		    strerror(errno));
	}
	if (send(fd, buf, len, 0) < 0) {
		if (errno == ECONNREFUSED) {
			/* An ICMP from an earlier probe of this port. */
			on_error(u, sl, sl->sent);
			return 0;
		}
		if (errno != EAGAIN && errno != ENOBUFS) {
			int e = errno;

			release(u, sl);
			return nm_seterr(err, NM_ERR_NET, "send to %s port "
			    "%u: %s", u->t->text, u->ports[idx], strerror(e));
		}
	}
	return 0;
}

static void
report(struct udp_scan *u)
{
	struct nm_scan_progress pr;

	if (u->o->progress == NULL)
		return;
	pr.proto = NM_UDP;
	pr.done = u->done;
	pr.total = u->n;
	pr.open = u->open;
	pr.filtered = u->filtered;
	pr.elapsed = (double)(nm_now_ns() - u->start) / 1e9;
	pr.phase = u->phase;
	u->o->progress(u->o->progress_ctx, &pr);
}

/*
 * One round over work[0..nwork): probe each port once.  gate: GATE_NONE
 * sends at once; GATE_BATCH first waits until the target's ICMP limiter
 * has had icmp_interval to refill since the last ICMP we saw (or since the
 * scan began), then sends the whole batch; GATE_SERIAL sends one probe
 * at a time, each behind that same wait.  Returns 0, or -1 on an error;
 * ports the deadline cut off are left as they were.
 */
enum { GATE_NONE, GATE_BATCH, GATE_SERIAL };

static int
round_(struct udp_scan *u, const uint32_t *work, size_t nwork, int gate,
    struct nm_error *err)
{
	struct epoll_event evs[64];
	size_t next = 0;
	int limit = gate == GATE_SERIAL ? 1 : u->nslots;

	while (next < nwork || u->inflight > 0) {
		int64_t now = nm_now_ns(), to = nm_rtt_timeout(&u->rtt_est);
		int64_t wait_ns = 100000000;
		int i, nev;

		if (now >= u->deadline)
			break;
		for (i = 0; i < u->nslots; i++) {
			struct uslot *sl = &u->slots[i];

			if (sl->fd < 0)
				continue;
			if (now - sl->sent >= to) {
				/* Silent this round. */
				if (u->guaranteed &&
				    u->state[sl->idx] == ST_SILENT)
					u->confirmed[sl->idx] = 1;
				release(u, sl);
			}
			else if (sl->sent + to - now < wait_ns)
				wait_ns = sl->sent + to - now;
		}
		while (next < nwork && u->inflight < limit) {
			int r;

			if ((gate == GATE_SERIAL || (gate == GATE_BATCH &&
			    next == 0)) && now < u->last_icmp + u->interval_ns) {
				int64_t w = u->last_icmp + u->interval_ns - now;

				if (w < wait_ns)
					wait_ns = w;
				break;
			}
			if (!nm_pace_take(&u->pace, now)) {
				int64_t w = nm_pace_wait_ns(&u->pace);

				if (w < wait_ns)
					wait_ns = w;
				break;
			}
			r = launch(u, work[next], err);
			if (r < 0)
				return -1;
			if (r > 0)
				break;
			next++;
		}
		if (next >= nwork && u->inflight == 0)
			break;
		if (now + wait_ns > u->deadline)
			wait_ns = u->deadline - now;
		nev = epoll_wait(u->ep, evs, (int)NM_NELEM(evs),
		    (int)((wait_ns + 999999) / 1000000));
		if (nev < 0) {
			if (errno == EINTR)
				continue;
			return nm_seterr(err, NM_ERR_SYS, "epoll_wait: %s",
			    strerror(errno));
		}
		now = nm_now_ns();
		for (i = 0; i < nev; i++) {
			uint32_t k = evs[i].data.u32;
			struct uslot *sl;

			if (k >= (uint32_t)u->nslots)
				continue;
			sl = &u->slots[k];
			if (sl->fd < 0)
				continue;
			if (evs[i].events & EPOLLERR)
				on_error(u, sl, now);
			if (sl->fd >= 0 && (evs[i].events & EPOLLIN))
				on_reply(u, sl, now);
		}
		if (now - u->last_report > 200000000) {
			report(u);
			u->last_report = now;
		}
	}
	return 0;
}

int
nm_scan_udp(struct nm_scan *scan, const uint16_t *ports, size_t n,
    const struct nm_scan_opts *o, struct nm_error *err)
{
	struct udp_scan u;
	uint32_t *work;
	size_t i, nwork = 0, unchecked = 0, rechecked_closed = 0;
	size_t closed_before = 0, closed_after = 0, icmp_before, nserial = 0;
	bool paced;
	int rc = 0, j;

	memset(&u, 0, sizeof(u));
	u.scan = scan;
	u.t = &scan->target;
	u.ports = ports;
	u.n = n;
	u.o = o;
	u.state = nm_xcalloc(n ? n : 1, 1);
	u.reason = nm_xcalloc(n ? n : 1, 1);
	u.tries = nm_xcalloc(n ? n : 1, 1);
	u.rtt = nm_xcalloc(n ? n : 1, sizeof(*u.rtt));
	u.service = nm_xcalloc(n ? n : 1, sizeof(*u.service));
	u.detail = nm_xcalloc(n ? n : 1, sizeof(*u.detail));
	u.confirmed = nm_xcalloc(n ? n : 1, 1);
	work = nm_xcalloc(n ? n : 1, sizeof(*work));
	u.nslots = o->max_inflight > 0 ? o->max_inflight : NM_SCAN_UDP_INFLIGHT;
	j = nm_raise_nofile(u.nslots + 64);
	if (u.nslots > j - 32)
		u.nslots = j - 32 > 1 ? j - 32 : 1;
	u.slots = nm_xcalloc((size_t)u.nslots, sizeof(*u.slots));
	for (j = 0; j < u.nslots; j++)
		u.slots[j].fd = -1;
	nm_rtt_init(&u.rtt_est, o->min_timeout_ms > 0 ? o->min_timeout_ms :
	    NM_SCAN_UDP_MIN_TIMEOUT_MS, o->max_timeout_ms > 0 ?
	    o->max_timeout_ms : NM_SCAN_MAX_TIMEOUT_MS,
	    o->initial_timeout_ms > 0 ? o->initial_timeout_ms :
	    NM_SCAN_INIT_TIMEOUT_MS);
	nm_pace_init(&u.pace, o->rate > 0 ? o->rate : NM_SCAN_UDP_RATE);
	u.interval_ns = (int64_t)(o->icmp_interval_ms > 0 ?
	    o->icmp_interval_ms : o->icmp_interval_ms < 0 ? 0 :
	    NM_SCAN_ICMP_INTERVAL_MS) * 1000000;
	/* NETMIN_SCAN_NONCE fixes the nonces, to record replies for tests. */
	if (getenv("NETMIN_SCAN_NONCE") != NULL)
		u.nonce = (uint32_t)strtoul(getenv("NETMIN_SCAN_NONCE"), NULL, 0);
	else
		u.nonce = (uint32_t)nm_now_ns() ^ (uint32_t)getpid() << 16;
	if (u.nonce == 0)
		u.nonce = 1;
	u.ep = epoll_create1(EPOLL_CLOEXEC);
	if (u.ep < 0) {
		rc = nm_seterr(err, NM_ERR_SYS, "epoll_create1: %s",
		    strerror(errno));
		goto out;
	}
	u.start = u.last_report = nm_now_ns();
	/* Someone may have drained the limiter just before we began. */
	u.last_icmp = u.start;
	u.deadline = u.start + (int64_t)(o->max_time_s > 0 ? o->max_time_s :
	    NM_SCAN_MAX_TIME_S) * 1000000000;

	/* Round 1: every port, in parallel. */
	for (i = 0; i < n; i++) {
		u.state[i] = ST_SILENT;
		work[i] = (uint32_t)i;
	}
	u.phase = "probing";
	if (round_(&u, work, n, GATE_NONE, err) != 0) {
		rc = -1;
		goto out;
	}
	/*
	 * Round 2: every silent port again, as one batch once the limiter
	 * has refilled.  With no ICMP back at all, the limiter could not
	 * have hidden a closed port: every silent port is confirmed.
	 * Round 3: what is still silent after an ICMP came back, one port
	 * at a time.
	 */
	for (i = 0; i < n; i++)
		if (u.state[i] == ST_SILENT && u.tries[i] > 0)
			work[nwork++] = (uint32_t)i;
	paced = u.interval_ns > 0;
	u.phase = "rechecking";
	for (i = 0; i < n; i++)
		closed_before += u.state[i] == NM_PS_CLOSED;
	icmp_before = u.icmp_seen;
	u.guaranteed = !paced;
	if (round_(&u, work, nwork, paced ? GATE_BATCH : GATE_NONE, err) != 0) {
		rc = -1;
		goto out;
	}
	if (paced && u.icmp_seen == icmp_before) {
		for (i = 0; i < nwork; i++)
			if (u.state[work[i]] == ST_SILENT && u.tries[work[i]] >= 2)
				u.confirmed[work[i]] = 1;
	} else if (paced) {
		size_t k = 0;

		for (i = 0; i < nwork; i++)
			if (u.state[work[i]] == ST_SILENT &&
			    !u.confirmed[work[i]])
				work[k++] = work[i];
		nserial = k;
		u.guaranteed = true;
		if (round_(&u, work, k, GATE_SERIAL, err) != 0) {
			rc = -1;
			goto out;
		}
	}
	for (i = 0; i < n; i++)
		closed_after += u.state[i] == NM_PS_CLOSED;
	rechecked_closed = closed_after - closed_before;
	report(&u);
	scan->secs[NM_UDP] = (double)(nm_now_ns() - u.start) / 1e9;

	for (i = 0; i < n; i++) {
		struct nm_portres *r = NM_VEC_PUSH(&scan->res);

		r->proto = NM_UDP;
		r->port = ports[i];
		r->tries = u.tries[i];
		r->rtt_us = u.state[i] == ST_SILENT || u.state[i] ==
		    NM_PS_UNSCANNED ? -1 : u.rtt[i];
		r->service = u.service[i];
		r->detail = u.detail[i];
		if (u.tries[i] == 0) {
			r->state = NM_PS_UNSCANNED;
		} else if (u.state[i] == ST_SILENT) {
			r->state = NM_PS_OPEN_FILTERED;
			r->reason = NM_PR_TIMEOUT;
			if (paced && !u.confirmed[i]) {
				/* The budget ran out before its recheck. */
				r->reason = NM_PR_NOT_RECHECKED;
				r->uncertain = true;
				r->note = "not rechecked after ICMP rate "
				    "limiting: may be closed";
				unchecked++;
			}
		} else {
			r->state = u.state[i];
			r->reason = u.reason[i];
		}
	}
	scan->scanned[NM_UDP] += n;
	if (rechecked_closed > 0)
		scan->icmp_limited = true;
	if (paced && nwork > 0) {
		scan->icmp_rechecked += nwork;
		nm_scan_note(scan, "udp: %zu silent port%s rechecked %d ms "
		    "after the last ICMP (the target's rate limit), %zu of "
		    "them one at a time; %zu turned out closed", nwork,
		    nwork == 1 ? "" : "s", (int)(u.interval_ns / 1000000),
		    nserial, rechecked_closed);
	}
	if (unchecked > 0)
		nm_scan_note(scan, "udp: the time budget ran out: %zu silent "
		    "port%s not rechecked, marked uncertain", unchecked,
		    unchecked == 1 ? "" : "s");
out:
	for (j = 0; j < u.nslots; j++)
		if (u.slots[j].fd >= 0)
			close(u.slots[j].fd);
	if (u.ep >= 0)
		close(u.ep);
	free(u.slots);
	free(u.state);
	free(u.reason);
	free(u.tries);
	free(u.rtt);
	free(u.service);
	free(u.detail);
	free(u.confirmed);
	free(work);
	return rc;
}

#else /* !__linux__ */

int
nm_scan_udp(struct nm_scan *scan, const uint16_t *ports, size_t n,
    const struct nm_scan_opts *o, struct nm_error *err)
{
	(void)scan;
	(void)ports;
	(void)n;
	(void)o;
	return nm_seterr(err, NM_ERR_UNSUPPORTED, "the UDP scanner is "
	    "Linux-only in this build");
}

#endif
