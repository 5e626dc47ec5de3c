/*
 * compat_net.c - TCP client sockets with timeouts: POSIX (poll) and
 * Winsock (select, so that it runs on Windows 2000 too).  Sockets are
 * non-blocking so that no connect, send or recv can hang past its timeout.
 */
#ifdef _WIN32
#define WIN32_LEAN_AND_MEAN
#include <winsock2.h>
#include <ws2tcpip.h>
#include <windows.h>
typedef SOCKET nm_fd;
#define NM_BADFD INVALID_SOCKET
#define nm_closefd closesocket
#else
#include <sys/types.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <time.h>
#include <unistd.h>
typedef int nm_fd;
#define NM_BADFD (-1)
#define nm_closefd close
#endif

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compat_net.h"

struct nm_sock {
	nm_fd	 fd;
};

#ifdef _WIN32
static int
net_init(struct nm_error *err)
{
	static int done;
	WSADATA wd;

	if (done)
		return 0;
	if (WSAStartup(MAKEWORD(2, 2), &wd) != 0)
		return nm_seterr(err, NM_ERR_SYS, "cannot start Winsock");
	done = 1;
	return 0;
}

static int
last_error(void)
{
	return WSAGetLastError();
}

static const char *
error_text(int e, char *buf, size_t len)
{
	switch (e) {
	case WSAECONNREFUSED: return "connection refused";
	case WSAETIMEDOUT: return "timed out";
	case WSAEHOSTUNREACH: return "host unreachable";
	case WSAENETUNREACH: return "network unreachable";
	case WSAECONNRESET: return "connection reset by peer";
	default:
		snprintf(buf, len, "winsock error %d", e);
		return buf;
	}
}

static int
in_progress(int e)
{
	return e == WSAEWOULDBLOCK || e == WSAEINPROGRESS;
}

static int
would_block(int e)
{
	return e == WSAEWOULDBLOCK;
}

static int
set_nonblock(nm_fd fd)
{
	u_long on = 1;

	return ioctlsocket(fd, FIONBIO, &on) == 0 ? 0 : -1;
}

/* 1 ready, 0 timeout, -1 error. */
static int
wait_fd(nm_fd fd, int for_write, int timeout_ms)
{
	fd_set set, eset;
	struct timeval tv;
	int n;

	FD_ZERO(&set);
	FD_ZERO(&eset);
	FD_SET(fd, &set);
	FD_SET(fd, &eset);
	tv.tv_sec = timeout_ms / 1000;
	tv.tv_usec = (timeout_ms % 1000) * 1000;
	n = select(0, for_write ? NULL : &set, for_write ? &set : NULL,
	    &eset, &tv);
	if (n < 0)
		return -1;
	return n > 0 ? 1 : 0;
}

int64_t
nm_net_now_ms(void)
{
	static LARGE_INTEGER freq;
	LARGE_INTEGER c;

	if (freq.QuadPart == 0)
		QueryPerformanceFrequency(&freq);
	QueryPerformanceCounter(&c);
	return (int64_t)(c.QuadPart * 1000 / freq.QuadPart);
}
#else
static int
net_init(struct nm_error *err)
{
	(void)err;
	return 0;
}

static int
last_error(void)
{
	return errno;
}

static const char *
error_text(int e, char *buf, size_t len)
{
	(void)buf;
	(void)len;
	return strerror(e);
}

static int
in_progress(int e)
{
	return e == EINPROGRESS || e == EINTR;
}

static int
would_block(int e)
{
	return e == EAGAIN || e == EWOULDBLOCK || e == EINTR;
}

static int
set_nonblock(nm_fd fd)
{
	int fl = fcntl(fd, F_GETFL);

	if (fl < 0 || fcntl(fd, F_SETFL, fl | O_NONBLOCK) < 0)
		return -1;
	(void)fcntl(fd, F_SETFD, FD_CLOEXEC);
	return 0;
}

static int
wait_fd(nm_fd fd, int for_write, int timeout_ms)
{
	struct pollfd p;
	int n;

	p.fd = fd;
	p.events = for_write ? POLLOUT : POLLIN;
	p.revents = 0;
	do
		n = poll(&p, 1, timeout_ms);
	while (n < 0 && errno == EINTR);
	if (n < 0)
		return -1;
	return n > 0 ? 1 : 0;
}

int64_t
nm_net_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}
#endif

/* Connect one address; 0 ok, -1 with *e set. */
static int
connect_one(const struct addrinfo *ai, int timeout_ms, nm_fd *out, int *e)
{
	nm_fd fd;
	int soerr = 0, r;
	socklen_t sl = sizeof(soerr);

	fd = socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol);
	if (fd == NM_BADFD) {
		*e = last_error();
		return -1;
	}
	if (set_nonblock(fd) != 0) {
		*e = last_error();
		nm_closefd(fd);
		return -1;
	}
	if (connect(fd, ai->ai_addr, (socklen_t)ai->ai_addrlen) != 0) {
		*e = last_error();
		if (!in_progress(*e)) {
			nm_closefd(fd);
			return -1;
		}
		r = wait_fd(fd, 1, timeout_ms);
		if (r <= 0) {
			*e = -1;	/* timed out */
			nm_closefd(fd);
			return -1;
		}
		if (getsockopt(fd, SOL_SOCKET, SO_ERROR, (char *)&soerr,
		    &sl) != 0 || soerr != 0) {
			*e = soerr ? soerr : last_error();
			nm_closefd(fd);
			return -1;
		}
	}
	*out = fd;
	return 0;
}

int
nm_net_connect(const char *host, int port, int timeout_ms,
    struct nm_sock **sp, char *peer, size_t peerlen, struct nm_error *err)
{
	struct addrinfo hints, *res = NULL, *ai;
	char serv[16], ebuf[64];
	nm_fd fd = NM_BADFD;
	int rc, e = 0;

	*sp = NULL;
	if (net_init(err) != 0)
		return -1;
	memset(&hints, 0, sizeof(hints));
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_protocol = IPPROTO_TCP;
	snprintf(serv, sizeof(serv), "%d", port);
	rc = getaddrinfo(host, serv, &hints, &res);
	if (rc != 0 || res == NULL)
		return nm_seterr(err, NM_ERR_NET, "cannot resolve %s: %s",
		    host, rc ? gai_strerror(rc) : "no address");
	for (ai = res; ai != NULL; ai = ai->ai_next) {
		if (connect_one(ai, timeout_ms, &fd, &e) == 0)
			break;
	}
	if (ai == NULL) {
		freeaddrinfo(res);
		if (e == -1)
			return nm_seterr(err, NM_ERR_NET, "cannot connect to "
			    "%s port %d: no answer within %d ms", host, port,
			    timeout_ms);
		return nm_seterr(err, NM_ERR_NET, "cannot connect to %s port "
		    "%d: %s", host, port, error_text(e, ebuf, sizeof(ebuf)));
	}
	if (peer != NULL && peerlen > 0 && getnameinfo(ai->ai_addr,
	    (socklen_t)ai->ai_addrlen, peer, (socklen_t)peerlen, NULL, 0,
	    NI_NUMERICHOST) != 0)
		nm_strlcpy(peer, host, peerlen);
	freeaddrinfo(res);
	*sp = nm_xcalloc(1, sizeof(**sp));
	(*sp)->fd = fd;
	return 0;
}

/* The wait for the next chunk: the timeout, cut short by the deadline. */
static int
chunk_wait(int timeout_ms, int64_t deadline)
{
	int64_t left;

	if (deadline == 0)
		return timeout_ms;
	left = deadline - nm_net_now_ms();
	if (left <= 0)
		return -1;
	return left < timeout_ms ? (int)left : timeout_ms;
}

int
nm_net_send(struct nm_sock *s, const void *buf, size_t len, int timeout_ms,
    int64_t deadline, struct nm_error *err)
{
	const char *p = buf;
	char ebuf[64];

	while (len > 0) {
		int chunk = len > 65536 ? 65536 : (int)len;
		long n;
		int r;

#ifdef MSG_NOSIGNAL
		n = send(s->fd, p, chunk, MSG_NOSIGNAL);
#else
		n = send(s->fd, p, chunk, 0);
#endif
		if (n > 0) {
			p += n;
			len -= (size_t)n;
			continue;
		}
		if (n < 0 && !would_block(last_error()))
			return nm_seterr(err, NM_ERR_NET, "send failed: %s",
			    error_text(last_error(), ebuf, sizeof(ebuf)));
		r = chunk_wait(timeout_ms, deadline);
		if (r < 0)
			return nm_seterr(err, NM_ERR_NET, "deadline passed while "
			    "sending");
		r = wait_fd(s->fd, 1, r);
		if (r == 0)
			return nm_seterr(err, NM_ERR_NET, "send timed out after "
			    "%d ms", timeout_ms);
		if (r < 0)
			return nm_seterr(err, NM_ERR_NET, "send failed: %s",
			    error_text(last_error(), ebuf, sizeof(ebuf)));
	}
	return 0;
}

int
nm_net_recv(struct nm_sock *s, void *buf, size_t len, int timeout_ms,
    int64_t deadline, struct nm_error *err)
{
	char *p = buf, ebuf[64];
	size_t got = 0;

	while (got < len) {
		int chunk = len - got > 65536 ? 65536 : (int)(len - got);
		long n;
		int r, w = chunk_wait(timeout_ms, deadline);

		if (w < 0)
			return nm_seterr(err, NM_ERR_NET, "deadline passed while "
			    "receiving");
		r = wait_fd(s->fd, 0, w);
		if (r == 0 && w < timeout_ms)
			return nm_seterr(err, NM_ERR_NET, "deadline passed while "
			    "receiving");
		if (r == 0)
			return nm_seterr(err, NM_ERR_NET, "no data from the "
			    "server for %d ms", timeout_ms);
		if (r < 0)
			return nm_seterr(err, NM_ERR_NET, "receive failed: %s",
			    error_text(last_error(), ebuf, sizeof(ebuf)));
		n = recv(s->fd, p + got, chunk, 0);
		if (n == 0)
			return nm_seterr(err, NM_ERR_NET, "server closed the "
			    "connection");
		if (n < 0) {
			if (would_block(last_error()))
				continue;
			return nm_seterr(err, NM_ERR_NET, "receive failed: %s",
			    error_text(last_error(), ebuf, sizeof(ebuf)));
		}
		got += (size_t)n;
	}
	return 0;
}

void
nm_net_close(struct nm_sock *s)
{
	if (s == NULL)
		return;
	nm_closefd(s->fd);
	free(s);
}
