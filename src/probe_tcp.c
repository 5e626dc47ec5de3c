/*
 * probe_tcp.c - TCP connect scan: many non-blocking connect()s in flight
 * under epoll, no privileges needed.
 *
 *   handshake completes        -> open
 *   RST (ECONNREFUSED)         -> closed
 *   ICMP unreachable           -> filtered (reason "unreachable")
 *   no answer to any try       -> filtered (reason "no-response")
 *
 * Timing follows TCP's own rules: the timeout is srtt + 4 * rttvar
 * (RFC 6298) from the answers seen so far, clamped to [min, max]; a silent
 * port is tried again (retries) before it is called filtered, so a lost
 * SYN does not pass for a firewall.  The number of sockets in flight is a
 * congestion window: it grows by one per answer (slow start, then one per
 * window) and halves when a retry is answered, which means the first try
 * was lost, not dropped by a rule.  A token bucket bounds the rate of new
 * connections, and the whole scan has a time budget.
 */
#include "probe.h"

#ifdef __linux__

#include <sys/epoll.h>
#include <sys/socket.h>
#include <netinet/in.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "probe_sys.h"

struct slot {
	uint32_t	 idx;		/* index into the port list */
	uint32_t	 seq;		/* 0: free */
	int64_t		 sent;
	uint8_t		 tryno;
};

struct fifo_ent {
	int		 fd;
	uint32_t	 seq;
};

struct tcp_scan {
	const struct nm_target *t;
	const uint16_t	*ports;
	size_t		 n;
	uint8_t		*state, *reason, *tries;
	int32_t		*rtt;

	int		 ep;
	struct slot	*byfd;		/* indexed by descriptor */
	int		 byfd_cap;
	NM_VEC(struct fifo_ent) fifo;	/* in-flight, oldest first */
	size_t		 fifo_head;
	NM_VEC(uint32_t) retry;		/* ports waiting for another try */
	size_t		 retry_head;
	size_t		 next;		/* next port's first try */
	uint32_t	 seq;
	int		 inflight;
	double		 cwnd, ssthresh;
	int		 max_inflight;
	struct nm_rtt	 rtt_est;
	struct nm_pace	 pace;
	size_t		 done, open, filtered;
	size_t		 lost;		/* retries that were answered */
	size_t		 selfconn;
	int		 retries;
};

static void
finish(struct tcp_scan *s, uint32_t idx, int state, int reason)
{
	s->state[idx] = (uint8_t)state;
	s->reason[idx] = (uint8_t)reason;
	s->done++;
	if (state == NM_PS_OPEN)
		s->open++;
	else if (state == NM_PS_FILTERED)
		s->filtered++;
}

static void
window_grow(struct tcp_scan *s)
{
	if (s->cwnd < s->ssthresh)
		s->cwnd += 1;
	else
		s->cwnd += 1 / s->cwnd;
	if (s->cwnd > s->max_inflight)
		s->cwnd = s->max_inflight;
}

static void
window_loss(struct tcp_scan *s)
{
	s->ssthresh = s->cwnd / 2 < 16 ? 16 : s->cwnd / 2;
	s->cwnd = s->ssthresh;
}

/* A connect() to our own address that picked the port it connects to. */
static bool
self_connect(int fd)
{
	struct sockaddr_storage a, b;
	socklen_t la = sizeof(a), lb = sizeof(b);

	if (getsockname(fd, (struct sockaddr *)&a, &la) != 0 ||
	    getpeername(fd, (struct sockaddr *)&b, &lb) != 0)
		return false;
	return la == lb && memcmp(&a, &b, la) == 0;
}

static void
requeue(struct tcp_scan *s, uint32_t idx)
{
	*NM_VEC_PUSH(&s->retry) = idx;
}

/* An answer (or an error) arrived for the connection on fd. */
static void
answered(struct tcp_scan *s, int fd, int err, int64_t now)
{
	struct slot *sl = &s->byfd[fd];
	uint32_t idx = sl->idx;
	int64_t took = now - sl->sent;

	sl->seq = 0;
	s->inflight--;
	if (err == 0 && s->t->local && self_connect(fd)) {
		/* No listener there: the kernel connected us to ourselves. */
		close(fd);
		s->selfconn++;
		if (s->tries[idx] < 4)
			requeue(s, idx);
		else
			finish(s, idx, NM_PS_CLOSED, NM_PR_REFUSED);
		return;
	}
	if (err == 0) {
		struct linger lg = { 1, 0 };

		/* RST, not FIN: no TIME_WAIT here, no half-open peer there. */
		(void)setsockopt(fd, SOL_SOCKET, SO_LINGER, &lg, sizeof(lg));
	}
	close(fd);
	/* Karn: a SYN the kernel may have retransmitted gives no sample. */
	if (took < 900000000)
		nm_rtt_sample(&s->rtt_est, took);
	if (sl->tryno > 0) {
		s->lost++;
		window_loss(s);
	} else {
		window_grow(s);
	}
	s->rtt[idx] = (int32_t)(took / 1000);
	switch (err) {
	case 0:
		finish(s, idx, NM_PS_OPEN, NM_PR_CONNECTED);
		break;
	case ECONNREFUSED:
		finish(s, idx, NM_PS_CLOSED, NM_PR_REFUSED);
		break;
	default:
		/* EHOSTUNREACH, ENETUNREACH, EACCES...: an ICMP error. */
		finish(s, idx, NM_PS_FILTERED, NM_PR_UNREACH);
		break;
	}
}

static void
timed_out(struct tcp_scan *s, int fd)
{
	struct slot *sl = &s->byfd[fd];
	uint32_t idx = sl->idx;

	sl->seq = 0;
	s->inflight--;
	close(fd);
	if (s->tries[idx] <= s->retries)
		requeue(s, idx);
	else
		finish(s, idx, NM_PS_FILTERED, NM_PR_TIMEOUT);
}

/*
 * Starts one try of ports[idx].  Returns 0 when the try is under way or
 * decided, 1 when the host ran out of something (descriptors, local
 * ports) and the port went back to the queue, -1 on a hard error.
 */
static int
launch(struct tcp_scan *s, uint32_t idx, const struct sockaddr_storage *base,
    socklen_t salen, struct nm_error *err)
{
	struct sockaddr_storage sa = *base;
	struct epoll_event ev;
	int fd, e;
	int64_t now;

	if (s->t->family == NM_INET)
		((struct sockaddr_in *)&sa)->sin_port = htons(s->ports[idx]);
	else
		((struct sockaddr_in6 *)&sa)->sin6_port = htons(s->ports[idx]);
	fd = socket(s->t->family == NM_INET ? AF_INET : AF_INET6,
	    SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (fd < 0) {
		if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS ||
		    errno == ENOMEM) {
			requeue(s, idx);
			return 1;
		}
		nm_seterr(err, NM_ERR_SYS, "socket: %s", strerror(errno));
		return -1;
	}
	if (fd >= s->byfd_cap) {
		int ncap = s->byfd_cap * 2;

		while (ncap <= fd)
			ncap *= 2;
		s->byfd = nm_xrealloc(s->byfd, (size_t)ncap, sizeof(*s->byfd));
		memset(s->byfd + s->byfd_cap, 0,
		    (size_t)(ncap - s->byfd_cap) * sizeof(*s->byfd));
		s->byfd_cap = ncap;
	}
	s->tries[idx]++;
	now = nm_now_ns();
	if (connect(fd, (struct sockaddr *)&sa, salen) == 0) {
		s->byfd[fd] = (struct slot){ idx, ++s->seq, now,
		    (uint8_t)(s->tries[idx] - 1) };
		s->inflight++;
		answered(s, fd, 0, now);
		return 0;
	}
	e = errno;
	if (e == EINPROGRESS) {
		s->byfd[fd] = (struct slot){ idx, ++s->seq, now,
		    (uint8_t)(s->tries[idx] - 1) };
		ev.events = EPOLLOUT;
		ev.data.fd = fd;
		if (epoll_ctl(s->ep, EPOLL_CTL_ADD, fd, &ev) != 0) {
			nm_seterr(err, NM_ERR_SYS, "epoll_ctl: %s",
			    strerror(errno));
			close(fd);
			return -1;
		}
		*NM_VEC_PUSH(&s->fifo) = (struct fifo_ent){ fd, s->seq };
		s->inflight++;
		return 0;
	}
	close(fd);
	if (e == ECONNREFUSED) {
		finish(s, idx, NM_PS_CLOSED, NM_PR_REFUSED);
		return 0;
	}
	if (e == EHOSTUNREACH) {
		finish(s, idx, NM_PS_FILTERED, NM_PR_UNREACH);
		return 0;
	}
	s->tries[idx]--;
	if (e == EADDRNOTAVAIL || e == EAGAIN || e == ENOBUFS) {
		/* Local ports or buffers ran out: slow down and retry. */
		requeue(s, idx);
		return 1;
	}
	nm_seterr(err, NM_ERR_NET, "connect to %s port %u: %s", s->t->text,
	    s->ports[idx], strerror(e));
	return -1;
}

static bool
have_work(const struct tcp_scan *s)
{
	return s->retry_head < s->retry.n || s->next < s->n;
}

static uint32_t
take_work(struct tcp_scan *s)
{
	/* Retries first: they hold up the end of the scan. */
	if (s->retry_head < s->retry.n)
		return s->retry.v[s->retry_head++];
	return (uint32_t)s->next++;
}

static void
report(struct tcp_scan *s, const struct nm_scan_opts *o, int64_t start)
{
	struct nm_scan_progress pr;

	if (o->progress == NULL)
		return;
	pr.proto = NM_TCP;
	pr.done = s->done;
	pr.total = s->n;
	pr.open = s->open;
	pr.filtered = s->filtered;
	pr.elapsed = (double)(nm_now_ns() - start) / 1e9;
	pr.phase = "probing";
	o->progress(o->progress_ctx, &pr);
}

int
nm_scan_tcp(struct nm_scan *scan, const uint16_t *ports, size_t n,
    const struct nm_scan_opts *o, struct nm_error *err)
{
	struct tcp_scan s;
	struct sockaddr_storage base;
	struct epoll_event evs[512];
	socklen_t salen;
	int64_t start, deadline, last_report;
	int rc = 0, have;
	size_t i, unscanned = 0;

	memset(&s, 0, sizeof(s));
	s.ep = -1;
	s.t = &scan->target;
	s.ports = ports;
	s.n = n;
	s.state = nm_xcalloc(n ? n : 1, 1);
	s.reason = nm_xcalloc(n ? n : 1, 1);
	s.tries = nm_xcalloc(n ? n : 1, 1);
	s.rtt = nm_xcalloc(n ? n : 1, sizeof(*s.rtt));
	s.retries = o->retries >= 0 ? o->retries : NM_SCAN_TCP_RETRIES;
	s.max_inflight = o->max_inflight > 0 ? o->max_inflight :
	    NM_SCAN_TCP_INFLIGHT;
	have = nm_raise_nofile(s.max_inflight + 64);
	if (s.max_inflight > have - 32)
		s.max_inflight = have - 32 > 8 ? have - 32 : 8;
	s.cwnd = s.max_inflight < 64 ? s.max_inflight : 64;
	s.ssthresh = s.max_inflight;
	nm_rtt_init(&s.rtt_est, o->min_timeout_ms > 0 ? o->min_timeout_ms :
	    NM_SCAN_MIN_TIMEOUT_MS, o->max_timeout_ms > 0 ? o->max_timeout_ms :
	    NM_SCAN_MAX_TIMEOUT_MS, o->initial_timeout_ms > 0 ?
	    o->initial_timeout_ms : NM_SCAN_INIT_TIMEOUT_MS);
	nm_pace_init(&s.pace, o->rate > 0 ? o->rate : NM_SCAN_TCP_RATE);
	s.byfd_cap = 1024;
	s.byfd = nm_xcalloc((size_t)s.byfd_cap, sizeof(*s.byfd));
	salen = nm_target_sockaddr(s.t, 0, &base);
	s.ep = epoll_create1(EPOLL_CLOEXEC);
	if (s.ep < 0) {
		rc = nm_seterr(err, NM_ERR_SYS, "epoll_create1: %s",
		    strerror(errno));
		goto out;
	}
	start = last_report = nm_now_ns();
	deadline = start + (int64_t)(o->max_time_s > 0 ? o->max_time_s :
	    NM_SCAN_MAX_TIME_S) * 1000000000;

	while (s.done < n) {
		int64_t now = nm_now_ns(), to = nm_rtt_timeout(&s.rtt_est);
		int64_t wait_ns = 50000000;
		bool starved = false;
		int nev, k;

		if (now >= deadline)
			break;
		/* Expire the oldest connections first. */
		while (s.fifo_head < s.fifo.n) {
			struct fifo_ent *f = &s.fifo.v[s.fifo_head];
			struct slot *sl = &s.byfd[f->fd];

			if (sl->seq != f->seq) {
				s.fifo_head++;
				continue;
			}
			if (now - sl->sent < to) {
				wait_ns = sl->sent + to - now;
				break;
			}
			s.fifo_head++;
			timed_out(&s, f->fd);
		}
		if (s.fifo_head > 4096 && s.fifo_head * 2 > s.fifo.n) {
			memmove(s.fifo.v, s.fifo.v + s.fifo_head,
			    (s.fifo.n - s.fifo_head) * sizeof(*s.fifo.v));
			s.fifo.n -= s.fifo_head;
			s.fifo_head = 0;
		}
		if (s.retry_head > 4096 && s.retry_head * 2 > s.retry.n) {
			memmove(s.retry.v, s.retry.v + s.retry_head,
			    (s.retry.n - s.retry_head) * sizeof(*s.retry.v));
			s.retry.n -= s.retry_head;
			s.retry_head = 0;
		}
		/* Start what the window and the rate allow. */
		while (have_work(&s) && s.inflight < (int)s.cwnd) {
			int r;

			if (!nm_pace_take(&s.pace, now)) {
				int64_t w = nm_pace_wait_ns(&s.pace);

				if (w < wait_ns)
					wait_ns = w;
				break;
			}
			r = launch(&s, take_work(&s), &base, salen, err);
			if (r < 0) {
				rc = -1;
				goto out;
			}
			if (r > 0) {
				/* Out of descriptors or local ports. */
				if (s.inflight > 16)
					s.cwnd = s.inflight;
				starved = true;
				if (wait_ns > 10000000)
					wait_ns = 10000000;
				break;
			}
		}
		if (s.done >= n)
			break;
		if (s.inflight == 0 && !have_work(&s))
			break;
		if (s.inflight == 0 && starved)
			wait_ns = 10000000;
		nev = epoll_wait(s.ep, evs, (int)NM_NELEM(evs),
		    (int)((wait_ns + 999999) / 1000000));
		if (nev < 0) {
			if (errno == EINTR)
				continue;
			rc = nm_seterr(err, NM_ERR_SYS, "epoll_wait: %s",
			    strerror(errno));
			goto out;
		}
		now = nm_now_ns();
		for (k = 0; k < nev; k++) {
			int fd = evs[k].data.fd, e = 0;
			socklen_t el = sizeof(e);

			if (fd < 0 || fd >= s.byfd_cap || s.byfd[fd].seq == 0)
				continue;
			if (evs[k].events & (EPOLLERR | EPOLLHUP)) {
				if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &e,
				    &el) != 0)
					e = errno;
				if (e == 0)
					e = ECONNREFUSED;
			}
			answered(&s, fd, e, now);
		}
		if (now - last_report > 200000000) {
			report(&s, o, start);
			last_report = now;
		}
	}
	report(&s, o, start);
	scan->secs[NM_TCP] = (double)(nm_now_ns() - start) / 1e9;

	for (i = 0; i < n; i++) {
		struct nm_portres *r = NM_VEC_PUSH(&scan->res);

		r->proto = NM_TCP;
		r->port = ports[i];
		r->state = s.state[i];
		r->reason = s.reason[i];
		r->tries = s.tries[i];
		r->rtt_us = s.state[i] == NM_PS_OPEN ||
		    s.state[i] == NM_PS_CLOSED ? s.rtt[i] : -1;
		if (s.state[i] == NM_PS_UNSCANNED)
			unscanned++;
	}
	scan->scanned[NM_TCP] += n;
	if (unscanned > 0)
		nm_scan_note(scan, "tcp: the time budget (%d s) ran out; %zu "
		    "ports not scanned", o->max_time_s > 0 ? o->max_time_s :
		    NM_SCAN_MAX_TIME_S, unscanned);
	if (n > 0 && s.filtered == n)
		nm_scan_note(scan, "tcp: no port answered: the host is down, "
		    "or drops everything it does not expect");
	if (s.lost > 0)
		nm_scan_note(scan, "tcp: %zu tries were lost and answered on "
		    "retry; the scan slowed down", s.lost);
out:
	/* Close what is still in flight (time budget, error). */
	for (i = s.fifo_head; i < s.fifo.n; i++) {
		struct fifo_ent *f = &s.fifo.v[i];

		if (s.byfd[f->fd].seq == f->seq) {
			s.byfd[f->fd].seq = 0;
			close(f->fd);
		}
	}
	if (s.ep >= 0)
		close(s.ep);
	NM_VEC_FREE(&s.fifo);
	NM_VEC_FREE(&s.retry);
	free(s.byfd);
	free(s.state);
	free(s.reason);
	free(s.tries);
	free(s.rtt);
	return rc;
}

#else /* !__linux__ */

int
nm_scan_tcp(struct nm_scan *scan, const uint16_t *ports, size_t n,
    const struct nm_scan_opts *o, struct nm_error *err)
{
	(void)scan;
	(void)ports;
	(void)n;
	(void)o;
	return nm_seterr(err, NM_ERR_UNSUPPORTED, "the TCP scanner is "
	    "Linux-only in this build");
}

#endif
