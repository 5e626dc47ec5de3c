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
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "probe_sys.h"

/*
 * What all workers share: the port list and the per-port results (each
 * index is written by one worker only), counters for progress, and a stop
 * flag.  Each worker owns every port whose index is w mod nworkers, with
 * its own epoll set, window, RTT estimate and share of the rate: on two
 * cores two workers halve the wall time, since most of a connect scan's
 * cost is the kernel's own work on each SYN and RST.
 */
struct tcp_shared {
	const struct nm_target *t;
	const struct nm_scan_opts *o;
	const uint16_t	*ports;
	size_t		 n;
	uint8_t		*state, *reason, *tries;
	int32_t		*rtt;
	int		 nworkers;
	int		 retries;
	int		 max_inflight;	/* per worker */
	int64_t		 start, deadline;
	size_t		 done, open, filtered, lost, selfconn;	/* atomic */
	int		 stop;					/* atomic */
	struct sockaddr_storage base;
	socklen_t	 salen;
};

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

struct tcp_worker {
	struct tcp_shared *sh;
	int		 id;
	pthread_t	 thread;
	int		 rc;
	struct nm_error	 err;

	int		 ep;
	struct slot	*byfd;		/* indexed by descriptor */
	int		 byfd_cap;
	NM_VEC(struct fifo_ent) fifo;	/* in flight, oldest first */
	size_t		 fifo_head;
	NM_VEC(uint32_t) retry;		/* ports waiting for another try */
	size_t		 retry_head;
	NM_VEC(int)	 spare;		/* idle sockets to reuse */
	size_t		 next;		/* next port's first try */
	uint32_t	 seq;
	int		 inflight;
	double		 cwnd, ssthresh;
	struct nm_rtt	 rtt_est;
	struct nm_pace	 pace;
	int64_t		 last_report;
};

static void
finish(struct tcp_worker *w, uint32_t idx, int state, int reason)
{
	struct tcp_shared *sh = w->sh;

	sh->state[idx] = (uint8_t)state;
	sh->reason[idx] = (uint8_t)reason;
	__atomic_fetch_add(&sh->done, 1, __ATOMIC_RELAXED);
	if (state == NM_PS_OPEN)
		__atomic_fetch_add(&sh->open, 1, __ATOMIC_RELAXED);
	else if (state == NM_PS_FILTERED)
		__atomic_fetch_add(&sh->filtered, 1, __ATOMIC_RELAXED);
}

static void
window_grow(struct tcp_worker *w)
{
	if (w->cwnd < w->ssthresh)
		w->cwnd += 1;
	else
		w->cwnd += 1 / w->cwnd;
	if (w->cwnd > w->sh->max_inflight)
		w->cwnd = w->sh->max_inflight;
}

static void
window_loss(struct tcp_worker *w)
{
	w->ssthresh = w->cwnd / 2 < 16 ? 16 : w->cwnd / 2;
	w->cwnd = w->ssthresh;
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
requeue(struct tcp_worker *w, uint32_t idx)
{
	*NM_VEC_PUSH(&w->retry) = idx;
}

static void
drop_fd(struct tcp_worker *w, int fd, bool rst)
{
	if (rst) {
		struct linger lg = { 1, 0 };

		/* RST, not FIN: no TIME_WAIT here, no half-open peer there. */
		(void)setsockopt(fd, SOL_SOCKET, SO_LINGER, &lg, sizeof(lg));
	}
	(void)epoll_ctl(w->ep, EPOLL_CTL_DEL, fd, NULL);
	close(fd);
}

/* The connection on fd is decided: err is 0 (connected) or an errno. */
static void
answered(struct tcp_worker *w, int fd, int err, bool reusable, int64_t now)
{
	struct tcp_shared *sh = w->sh;
	struct slot *sl = &w->byfd[fd];
	uint32_t idx = sl->idx;
	int64_t took = now - sl->sent;

	sl->seq = 0;
	w->inflight--;
	if (err == 0 && sh->t->local && self_connect(fd)) {
		/* No listener there: the kernel connected us to ourselves. */
		drop_fd(w, fd, true);
		__atomic_fetch_add(&sh->selfconn, 1, __ATOMIC_RELAXED);
		if (sh->tries[idx] < 4)
			requeue(w, idx);
		else
			finish(w, idx, NM_PS_CLOSED, NM_PR_REFUSED);
		return;
	}
	if (err == ECONNREFUSED && reusable)
		*NM_VEC_PUSH(&w->spare) = fd;	/* unconnected again: reuse */
	else
		drop_fd(w, fd, err == 0);
	/* Karn: a SYN the kernel may have retransmitted gives no sample. */
	if (took < 900000000)
		nm_rtt_sample(&w->rtt_est, took);
	if (sl->tryno > 0) {
		__atomic_fetch_add(&sh->lost, 1, __ATOMIC_RELAXED);
		window_loss(w);
	} else {
		window_grow(w);
	}
	sh->rtt[idx] = (int32_t)(took / 1000);
	if (err == 0)
		finish(w, idx, NM_PS_OPEN, NM_PR_CONNECTED);
	else if (err == ECONNREFUSED)
		finish(w, idx, NM_PS_CLOSED, NM_PR_REFUSED);
	else	/* EHOSTUNREACH, ENETUNREACH, EACCES...: an ICMP error */
		finish(w, idx, NM_PS_FILTERED, NM_PR_UNREACH);
}

static void
timed_out(struct tcp_worker *w, int fd)
{
	struct tcp_shared *sh = w->sh;
	uint32_t idx = w->byfd[fd].idx;

	w->byfd[fd].seq = 0;
	w->inflight--;
	drop_fd(w, fd, false);
	if (sh->tries[idx] <= sh->retries)
		requeue(w, idx);
	else
		finish(w, idx, NM_PS_FILTERED, NM_PR_TIMEOUT);
}

static void
track(struct tcp_worker *w, int fd, uint32_t idx, int64_t now)
{
	if (fd >= w->byfd_cap) {
		int ncap = w->byfd_cap * 2;

		while (ncap <= fd)
			ncap *= 2;
		w->byfd = nm_xrealloc(w->byfd, (size_t)ncap, sizeof(*w->byfd));
		memset(w->byfd + w->byfd_cap, 0,
		    (size_t)(ncap - w->byfd_cap) * sizeof(*w->byfd));
		w->byfd_cap = ncap;
	}
	w->byfd[fd] = (struct slot){ idx, ++w->seq ? w->seq : ++w->seq, now,
	    (uint8_t)(w->sh->tries[idx] - 1) };
	w->inflight++;
}

/*
 * Starts one try of ports[idx], on an idle socket when there is one.
 * Returns 0 when the try is under way or decided, 1 when the host ran out
 * of something (descriptors, local ports) and the port went back to the
 * queue, -1 on a hard error.
 */
static int
launch(struct tcp_worker *w, uint32_t idx)
{
	struct tcp_shared *sh = w->sh;
	struct sockaddr_storage sa = sh->base;
	struct epoll_event ev;
	int fd, e;
	bool fresh = false;
	int64_t now;

	if (sh->t->family == NM_INET)
		((struct sockaddr_in *)&sa)->sin_port = htons(sh->ports[idx]);
	else
		((struct sockaddr_in6 *)&sa)->sin6_port =
		    htons(sh->ports[idx]);
	if (w->spare.n > 0) {
		fd = w->spare.v[--w->spare.n];
	} else {
		fd = socket(sh->t->family == NM_INET ? AF_INET : AF_INET6,
		    SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
		if (fd < 0) {
			if (errno == EMFILE || errno == ENFILE ||
			    errno == ENOBUFS || errno == ENOMEM) {
				requeue(w, idx);
				return 1;
			}
			return nm_seterr(&w->err, NM_ERR_SYS, "socket: %s",
			    strerror(errno));
		}
		fresh = true;
	}
	sh->tries[idx]++;
	now = nm_now_ns();
	if (connect(fd, (struct sockaddr *)&sa, sh->salen) == 0) {
		if (fresh) {
			ev.events = EPOLLOUT;
			ev.data.fd = fd;
			(void)epoll_ctl(w->ep, EPOLL_CTL_ADD, fd, &ev);
		}
		track(w, fd, idx, now);
		answered(w, fd, 0, false, now);
		return 0;
	}
	e = errno;
	if (e == EINPROGRESS) {
		if (fresh) {
			/* Level-triggered EPOLLOUT: fires when the
			 * handshake ends either way; stays registered
			 * while the socket is reused. */
			ev.events = EPOLLOUT;
			ev.data.fd = fd;
			if (epoll_ctl(w->ep, EPOLL_CTL_ADD, fd, &ev) != 0) {
				close(fd);
				return nm_seterr(&w->err, NM_ERR_SYS,
				    "epoll_ctl: %s", strerror(errno));
			}
		}
		track(w, fd, idx, now);
		*NM_VEC_PUSH(&w->fifo) = (struct fifo_ent){ fd,
		    w->byfd[fd].seq };
		return 0;
	}
	drop_fd(w, fd, false);
	if (e == ECONNREFUSED) {
		finish(w, idx, NM_PS_CLOSED, NM_PR_REFUSED);
		return 0;
	}
	if (e == EHOSTUNREACH) {
		finish(w, idx, NM_PS_FILTERED, NM_PR_UNREACH);
		return 0;
	}
	sh->tries[idx]--;
	if (e == EADDRNOTAVAIL || e == EAGAIN || e == ENOBUFS) {
		/* Local ports or buffers ran out: slow down and retry. */
		requeue(w, idx);
		return 1;
	}
	return nm_seterr(&w->err, NM_ERR_NET, "connect to %s port %u: %s",
	    sh->t->text, sh->ports[idx], strerror(e));
}

/* Work left for this worker: retries first, they hold up the end. */
static bool
have_work(const struct tcp_worker *w)
{
	return w->retry_head < w->retry.n || w->next < w->sh->n;
}

static uint32_t
take_work(struct tcp_worker *w)
{
	uint32_t idx;

	if (w->retry_head < w->retry.n)
		return w->retry.v[w->retry_head++];
	idx = (uint32_t)w->next;
	w->next += (size_t)w->sh->nworkers;
	return idx;
}

static void
report(struct tcp_shared *sh)
{
	struct nm_scan_progress pr;

	if (sh->o->progress == NULL)
		return;
	pr.proto = NM_TCP;
	pr.done = __atomic_load_n(&sh->done, __ATOMIC_RELAXED);
	pr.total = sh->n;
	pr.open = __atomic_load_n(&sh->open, __ATOMIC_RELAXED);
	pr.filtered = __atomic_load_n(&sh->filtered, __ATOMIC_RELAXED);
	pr.elapsed = (double)(nm_now_ns() - sh->start) / 1e9;
	pr.phase = "probing";
	sh->o->progress(sh->o->progress_ctx, &pr);
}

/*
 * An event on a connecting socket.  Calling connect() again asks how it
 * ended: 0 or EISCONN when the handshake completed, the pending error
 * otherwise, and it leaves a failed socket unconnected, ready for the
 * next port (cheaper than getsockopt + close + socket + epoll_ctl).
 */
static bool
probe_now(struct tcp_worker *w, int fd, uint32_t events, int64_t now)
{
	struct sockaddr_storage sa = w->sh->base;
	int e = 0;

	if (fd < 0 || fd >= w->byfd_cap || w->byfd[fd].seq == 0)
		return true;
	if (w->sh->t->family == NM_INET)
		((struct sockaddr_in *)&sa)->sin_port =
		    htons(w->sh->ports[w->byfd[fd].idx]);
	else
		((struct sockaddr_in6 *)&sa)->sin6_port =
		    htons(w->sh->ports[w->byfd[fd].idx]);
	if (connect(fd, (struct sockaddr *)&sa, w->sh->salen) != 0)
		e = errno;
	if (e == EISCONN)
		e = 0;
	if (e == EALREADY || e == EINPROGRESS) {
		socklen_t el = sizeof(e);

		/*
		 * Still SYN_SENT, but an ICMP unreachable came back: recent
		 * kernels keep trying (a soft error, RFC 5461) and only
		 * flag it.  nmap calls that filtered; so do we.
		 */
		if (!(events & EPOLLERR) || getsockopt(fd, SOL_SOCKET,
		    SO_ERROR, &e, &el) != 0 || e == 0)
			return false;
		answered(w, fd, e, false, now);
		return true;
	}
	answered(w, fd, e, true, now);
	return true;
}

/* Expires the oldest connections; returns ns until the next expiry. */
static int64_t
expire(struct tcp_worker *w, int64_t now)
{
	int64_t to = nm_rtt_timeout(&w->rtt_est), wait_ns = 50000000;

	while (w->fifo_head < w->fifo.n) {
		struct fifo_ent *f = &w->fifo.v[w->fifo_head];
		struct slot *sl = &w->byfd[f->fd];

		if (sl->seq != f->seq) {
			w->fifo_head++;
			continue;
		}
		if (now - sl->sent < to) {
			wait_ns = sl->sent + to - now;
			break;
		}
		w->fifo_head++;
		/* Ask the socket itself: the answer may be in while this
		 * thread was not running (a busy machine). */
		if (!probe_now(w, f->fd, EPOLLERR, now))
			timed_out(w, f->fd);
	}
	if (w->fifo_head > 4096 && w->fifo_head * 2 > w->fifo.n) {
		memmove(w->fifo.v, w->fifo.v + w->fifo_head,
		    (w->fifo.n - w->fifo_head) * sizeof(*w->fifo.v));
		w->fifo.n -= w->fifo_head;
		w->fifo_head = 0;
	}
	if (w->retry_head > 4096 && w->retry_head * 2 > w->retry.n) {
		memmove(w->retry.v, w->retry.v + w->retry_head,
		    (w->retry.n - w->retry_head) * sizeof(*w->retry.v));
		w->retry.n -= w->retry_head;
		w->retry_head = 0;
	}
	return wait_ns;
}

static void *
worker_main(void *arg)
{
	struct tcp_worker *w = arg;
	struct tcp_shared *sh = w->sh;
	struct epoll_event evs[512];

	while (__atomic_load_n(&sh->done, __ATOMIC_RELAXED) < sh->n &&
	    !__atomic_load_n(&sh->stop, __ATOMIC_RELAXED)) {
		int64_t now = nm_now_ns(), wait_ns;
		bool starved = false;
		int nev, k;

		if (now >= sh->deadline)
			break;
		wait_ns = expire(w, now);
		while (have_work(w) && w->inflight < (int)w->cwnd) {
			int r;

			if (!nm_pace_take(&w->pace, now)) {
				int64_t pw = nm_pace_wait_ns(&w->pace);

				if (pw < wait_ns)
					wait_ns = pw;
				break;
			}
			r = launch(w, take_work(w));
			if (r < 0) {
				w->rc = -1;
				__atomic_store_n(&sh->stop, 1, __ATOMIC_RELAXED);
				return NULL;
			}
			if (r > 0) {
				/* Out of descriptors or local ports. */
				if (w->inflight > 16)
					w->cwnd = w->inflight;
				starved = true;
				if (wait_ns > 10000000)
					wait_ns = 10000000;
				break;
			}
		}
		if (w->inflight == 0 && !have_work(w))
			break;
		if (w->inflight == 0 && starved)
			wait_ns = 10000000;
		nev = epoll_wait(w->ep, evs, (int)NM_NELEM(evs),
		    (int)((wait_ns + 999999) / 1000000));
		if (nev < 0) {
			if (errno == EINTR)
				continue;
			w->rc = nm_seterr(&w->err, NM_ERR_SYS,
			    "epoll_wait: %s", strerror(errno));
			__atomic_store_n(&sh->stop, 1, __ATOMIC_RELAXED);
			return NULL;
		}
		now = nm_now_ns();
		for (k = 0; k < nev; k++)
			(void)probe_now(w, evs[k].data.fd, evs[k].events, now);
		if (w->id == 0 && now - w->last_report > 200000000) {
			report(sh);
			w->last_report = now;
		}
	}
	return NULL;
}

static int
worker_init(struct tcp_worker *w, struct tcp_shared *sh, int id)
{
	const struct nm_scan_opts *o = sh->o;
	long rate = o->rate > 0 ? o->rate : NM_SCAN_TCP_RATE;

	memset(w, 0, sizeof(*w));
	w->sh = sh;
	w->id = id;
	w->next = (size_t)id;
	w->cwnd = sh->max_inflight < 64 ? sh->max_inflight : 64;
	w->ssthresh = sh->max_inflight;
	nm_rtt_init(&w->rtt_est, o->min_timeout_ms > 0 ? o->min_timeout_ms :
	    NM_SCAN_MIN_TIMEOUT_MS, o->max_timeout_ms > 0 ? o->max_timeout_ms :
	    NM_SCAN_MAX_TIMEOUT_MS, o->initial_timeout_ms > 0 ?
	    o->initial_timeout_ms : NM_SCAN_INIT_TIMEOUT_MS);
	nm_pace_init(&w->pace, rate / sh->nworkers > 0 ?
	    rate / sh->nworkers : 1);
	w->byfd_cap = 1024;
	w->byfd = nm_xcalloc((size_t)w->byfd_cap, sizeof(*w->byfd));
	w->ep = epoll_create1(EPOLL_CLOEXEC);
	if (w->ep < 0)
		return nm_seterr(&w->err, NM_ERR_SYS, "epoll_create1: %s",
		    strerror(errno));
	return 0;
}

static void
worker_free(struct tcp_worker *w)
{
	size_t i;

	/* Close what is still in flight (time budget, error) or idle. */
	for (i = w->fifo_head; i < w->fifo.n; i++) {
		struct fifo_ent *f = &w->fifo.v[i];

		if (w->byfd[f->fd].seq == f->seq) {
			w->byfd[f->fd].seq = 0;
			close(f->fd);
		}
	}
	for (i = 0; i < w->spare.n; i++)
		close(w->spare.v[i]);
	if (w->ep >= 0)
		close(w->ep);
	NM_VEC_FREE(&w->fifo);
	NM_VEC_FREE(&w->retry);
	NM_VEC_FREE(&w->spare);
	free(w->byfd);
}

static int
cpu_count(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n > 4 ? 4 : (int)n;
}

int
nm_scan_tcp(struct nm_scan *scan, const uint16_t *ports, size_t n,
    const struct nm_scan_opts *o, struct nm_error *err)
{
	struct tcp_shared sh;
	struct tcp_worker *w;
	int rc = 0, have, i, started = 0, maxin;
	size_t k, unscanned = 0;

	memset(&sh, 0, sizeof(sh));
	sh.t = &scan->target;
	sh.o = o;
	sh.ports = ports;
	sh.n = n;
	sh.state = nm_xcalloc(n ? n : 1, 1);
	sh.reason = nm_xcalloc(n ? n : 1, 1);
	sh.tries = nm_xcalloc(n ? n : 1, 1);
	sh.rtt = nm_xcalloc(n ? n : 1, sizeof(*sh.rtt));
	sh.retries = o->retries >= 0 ? o->retries : NM_SCAN_TCP_RETRIES;
	/* Few ports: one worker; many: one per core. */
	sh.nworkers = n < 2048 ? 1 : cpu_count();
	maxin = o->max_inflight > 0 ? o->max_inflight : NM_SCAN_TCP_INFLIGHT;
	have = nm_raise_nofile(maxin + 64);
	if (maxin > have - 32)
		maxin = have - 32 > 8 ? have - 32 : 8;
	sh.max_inflight = maxin / sh.nworkers > 8 ? maxin / sh.nworkers : 8;
	sh.salen = nm_target_sockaddr(sh.t, 0, &sh.base);
	sh.start = nm_now_ns();
	sh.deadline = sh.start + (int64_t)(o->max_time_s > 0 ? o->max_time_s :
	    NM_SCAN_MAX_TIME_S) * 1000000000;
	w = nm_xcalloc((size_t)sh.nworkers, sizeof(*w));
	for (i = 0; i < sh.nworkers; i++)
		if (worker_init(&w[i], &sh, i) != 0) {
			*err = w[i].err;
			rc = -1;
			goto out;
		}
	/* Worker 0 runs on this thread; the others on their own. */
	for (i = 1; i < sh.nworkers; i++) {
		if (pthread_create(&w[i].thread, NULL, worker_main, &w[i]) != 0)
			break;
		started = i;
	}
	if (started < sh.nworkers - 1) {
		/* No thread for some stripes: this thread does them later. */
		sh.nworkers = started + 1;
		for (i = 0; i <= started; i++)
			w[i].next = (size_t)i;	/* nothing sent yet by 0 */
	}
	worker_main(&w[0]);
	for (i = 1; i <= started; i++)
		pthread_join(w[i].thread, NULL);
	for (i = 0; i <= started; i++)
		if (w[i].rc != 0) {
			*err = w[i].err;
			rc = -1;
			goto out;
		}
	report(&sh);
	scan->secs[NM_TCP] = (double)(nm_now_ns() - sh.start) / 1e9;

	for (k = 0; k < n; k++) {
		struct nm_portres *r = NM_VEC_PUSH(&scan->res);

		r->proto = NM_TCP;
		r->port = ports[k];
		r->state = sh.state[k];
		r->reason = sh.reason[k];
		r->tries = sh.tries[k];
		r->rtt_us = sh.state[k] == NM_PS_OPEN ||
		    sh.state[k] == NM_PS_CLOSED ? sh.rtt[k] : -1;
		if (sh.state[k] == NM_PS_UNSCANNED)
			unscanned++;
	}
	scan->scanned[NM_TCP] += n;
	if (unscanned > 0)
		nm_scan_note(scan, "tcp: the time budget (%d s) ran out; %zu "
		    "ports not scanned", o->max_time_s > 0 ? o->max_time_s :
		    NM_SCAN_MAX_TIME_S, unscanned);
	if (n > 0 && sh.filtered == n)
		nm_scan_note(scan, "tcp: no port answered: the host is down, "
		    "or drops everything it does not expect");
	if (sh.lost > 0)
		nm_scan_note(scan, "tcp: %zu tries were lost and answered on "
		    "retry; the scan slowed down", sh.lost);
out:
	for (i = 0; i < sh.nworkers; i++)
		worker_free(&w[i]);
	free(w);
	free(sh.state);
	free(sh.reason);
	free(sh.tries);
	free(sh.rtt);
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
