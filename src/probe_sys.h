/*
 * probe_sys.h - Linux helpers the scan engines share (probe_target.c):
 * clocks, RTT estimation, socket addresses, descriptor limits, pacing.
 * Included only by probe_*.c, and only inside their __linux__ parts.
 */
#ifndef NETMIN_PROBE_SYS_H
#define NETMIN_PROBE_SYS_H

#include <sys/socket.h>

#include "probe.h"

int64_t	 nm_now_ns(void);

/* Smoothed RTT and variance (RFC 6298), in nanoseconds. */
struct nm_rtt {
	double		 srtt, rttvar;
	bool		 have;
	int64_t		 min_ns, max_ns, init_ns;
};
void	 nm_rtt_init(struct nm_rtt *, int min_ms, int max_ms, int init_ms);
void	 nm_rtt_sample(struct nm_rtt *, int64_t ns);
int64_t	 nm_rtt_timeout(const struct nm_rtt *);

/* Token bucket: at most rate a second, bursts of about 10 ms. */
struct nm_pace {
	double		 rate, tokens, burst;
	int64_t		 last;
};
void	 nm_pace_init(struct nm_pace *, long rate);
bool	 nm_pace_take(struct nm_pace *, int64_t now);
int64_t	 nm_pace_wait_ns(const struct nm_pace *);

socklen_t nm_target_sockaddr(const struct nm_target *, unsigned port,
	     struct sockaddr_storage *);
int	 nm_raise_nofile(int want);

#endif
