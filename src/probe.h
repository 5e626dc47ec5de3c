/*
 * probe.h - the outside-in scanner: a TCP connect scan and UDP protocol
 * probes, the port lists they take, and the wire decoders of the replies.
 *
 * The engines (probe_tcp.c, probe_udp.c, probe_target.c) are Linux code:
 * non-blocking sockets, epoll, IP_RECVERR.  On other systems they compile
 * to stubs that return NM_ERR_UNSUPPORTED.  The port lists (probe_ports.c)
 * and the probe payloads and decoders (probe_proto.c) are plain C and run
 * everywhere, so the unit tests cover them under wine too.
 *
 * Library code: nothing here prints; progress goes through a callback.
 */
#ifndef NETMIN_PROBE_H
#define NETMIN_PROBE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "netmin.h"

/* A port's verdict, named as nmap names them. */
enum nm_pstate {
	NM_PS_UNSCANNED = 0,	/* the time budget ran out first */
	NM_PS_OPEN,
	NM_PS_CLOSED,
	NM_PS_FILTERED,
	NM_PS_OPEN_FILTERED	/* UDP silence */
};

/* What the verdict rests on (the "reason" key in JSON). */
enum nm_preason {
	NM_PR_NONE = 0,
	NM_PR_CONNECTED,	/* TCP handshake completed */
	NM_PR_REFUSED,		/* TCP RST: ECONNREFUSED */
	NM_PR_TIMEOUT,		/* no answer to any try */
	NM_PR_UNREACH,		/* ICMP host/net/admin unreachable */
	NM_PR_UDP_REPLY,	/* a datagram came back */
	NM_PR_PORT_UNREACH,	/* ICMP port unreachable */
	NM_PR_NOT_RECHECKED	/* silent, but ICMP rate limiting could hide closed */
};

struct nm_target {
	int		 family;	/* NM_INET or NM_INET6 */
	uint8_t		 addr[16];	/* network byte order */
	uint32_t	 scope;		/* IPv6 zone index, 0 if none */
	char		 text[NM_ADDRLEN + NM_ZONELEN];	/* printed address */
	const char	*name;		/* as the user gave it */
	bool		 local;		/* loopback or one of this host's addresses */
};

struct nm_portres {
	uint16_t	 port;
	uint8_t		 proto;		/* NM_TCP or NM_UDP */
	uint8_t		 state;		/* enum nm_pstate */
	uint8_t		 reason;	/* enum nm_preason */
	uint8_t		 tries;		/* probes sent */
	bool		 uncertain;	/* the verdict may be wrong; note says why */
	int32_t		 rtt_us;	/* -1 when no answer */
	const char	*service;	/* UDP: the protocol that answered */
	const char	*detail;	/* what the answer said (arena) */
	const char	*note;		/* a caveat for the reader (arena) */
};

struct nm_scan_progress {
	int		 proto;		/* NM_TCP or NM_UDP */
	size_t		 done, total;
	size_t		 open, filtered;
	double		 elapsed;	/* seconds since this protocol started */
	const char	*phase;		/* "probing", "rechecking" */
};

struct nm_scan_opts {
	int		 max_inflight;	/* sockets at once; 0: default */
	long		 rate;		/* probes per second at most; 0: default */
	int		 min_timeout_ms;	/* adaptive timeout floor */
	int		 max_timeout_ms;	/* and ceiling */
	int		 initial_timeout_ms;	/* before any RTT sample */
	int		 retries;	/* extra tries of a silent port; -1 default */
	int		 max_time_s;	/* whole scan of one protocol */
	int		 icmp_interval_ms;	/* target's ICMP rate-limit period */
	void		(*progress)(void *, const struct nm_scan_progress *);
	void		*progress_ctx;
};

/* Defaults, also printed by --help. */
#define NM_SCAN_TCP_INFLIGHT	4096
#define NM_SCAN_TCP_RATE	200000
#define NM_SCAN_UDP_INFLIGHT	64
#define NM_SCAN_UDP_RATE	2000
#define NM_SCAN_MIN_TIMEOUT_MS	100
#define NM_SCAN_MAX_TIMEOUT_MS	1500
#define NM_SCAN_INIT_TIMEOUT_MS	1000
#define NM_SCAN_UDP_MIN_TIMEOUT_MS 400
#define NM_SCAN_TCP_RETRIES	1
#define NM_SCAN_MAX_TIME_S	900
#define NM_SCAN_ICMP_INTERVAL_MS 1000

struct nm_scan {
	struct nm_arena	 arena;
	struct nm_target target;
	NM_VEC(struct nm_portres) res;	/* every scanned port, in scan order */
	NM_VEC(const char *) notes;	/* scan-wide remarks (arena strings) */
	double		 secs[2];	/* wall time per protocol */
	size_t		 scanned[2];	/* ports per protocol */
	size_t		 icmp_rechecked;	/* UDP ports rechecked one by one */
	bool		 icmp_limited;	/* rate limiting was seen */
};

void	 nm_scan_init(struct nm_scan *);
void	 nm_scan_free(struct nm_scan *);
void	 nm_scan_note(struct nm_scan *, const char *fmt, ...) NM_PRINTF(2, 3);
const char *nm_pstate_name(int);
const char *nm_preason_name(int);

/*
 * probe_target.c: resolve HOST (a literal or a name) and refuse what is
 * not one host: multicast, limited or directed broadcast, a local
 * network's own address, the unspecified address.  family: -1 any,
 * NM_INET, NM_INET6.
 */
int	 nm_target_resolve(const char *host, int family, bool allow_broadcast,
	     struct nm_target *, struct nm_error *);

/* probe_tcp.c / probe_udp.c: scan ports[0..n) and append to scan->res. */
int	 nm_scan_tcp(struct nm_scan *, const uint16_t *ports, size_t n,
	     const struct nm_scan_opts *, struct nm_error *);
int	 nm_scan_udp(struct nm_scan *, const uint16_t *ports, size_t n,
	     const struct nm_scan_opts *, struct nm_error *);

/* probe_ports.c: port lists such as "22,80,8000-8100", "T:1-1024,U:53". */
struct nm_portset {
	uint8_t		 bits[2][8192];	/* [NM_TCP|NM_UDP][port / 8] */
	size_t		 count[2];
};
int	 nm_ports_parse(const char *spec, int default_proto,
	     struct nm_portset *, struct nm_error *);
void	 nm_ports_add(struct nm_portset *, int proto, unsigned lo,
	     unsigned hi);
bool	 nm_ports_has(const struct nm_portset *, int proto, unsigned port);
size_t	 nm_ports_list(const struct nm_portset *, int proto, uint16_t *out);
extern const uint16_t nm_udp_default_ports[];
extern const size_t nm_udp_default_nports;

/*
 * probe_proto.c: UDP probes written from the protocol specifications.
 * build() writes one datagram and returns its length (0: none); decode()
 * returns 1 when the reply is that protocol's answer to our probe and
 * writes a one-line summary into detail, 0 otherwise.
 */
struct nm_probe_ctx {
	uint32_t	 nonce;		/* transaction id / cookie */
	int		 family;	/* the target's */
	uint8_t		 addr[16];
	int		 try_no;	/* 0 first, 1 recheck */
};

struct nm_udp_probe {
	uint16_t	 port;
	const char	*service;
	const char	*what;		/* for --help and docs */
	size_t		(*build)(uint8_t *, size_t, const struct nm_probe_ctx *);
	int		(*decode)(const uint8_t *, size_t,
			    const struct nm_probe_ctx *, char *, size_t);
};

extern const struct nm_udp_probe nm_udp_probes[];	/* ends with port 0 */
const struct nm_udp_probe *nm_udp_probe_for(unsigned port);

/* The decoders, also for the fuzz targets and unit tests. */
typedef int nm_decoder_fn(const uint8_t *, size_t,
    const struct nm_probe_ctx *, char *, size_t);
nm_decoder_fn nm_dec_netbios, nm_dec_ntp, nm_dec_ssdp, nm_dec_wsd,
    nm_dec_dns, nm_dec_mdns, nm_dec_llmnr, nm_dec_snmp, nm_dec_ike,
    nm_dec_dcerpc_cl;

#endif /* NETMIN_PROBE_H */
