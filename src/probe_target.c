/*
 * probe_target.c - which host a scan may target, and the Linux helpers
 * both scan engines share (clock, RTT, pacing, descriptor limit).
 *
 * A scan goes to one host.  Multicast, the limited broadcast, a local
 * network's directed broadcast or network address, and the unspecified
 * address reach many hosts or none, so they are refused unless the user
 * says --allow-broadcast.
 */
#include "probe.h"

#ifdef __linux__

#include <sys/resource.h>
#include <sys/socket.h>
#include <arpa/inet.h>
#include <netinet/in.h>

#include <errno.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netdb.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "probe_sys.h"

int64_t
nm_now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

void
nm_rtt_init(struct nm_rtt *r, int min_ms, int max_ms, int init_ms)
{
	memset(r, 0, sizeof(*r));
	r->min_ns = (int64_t)min_ms * 1000000;
	r->max_ns = (int64_t)max_ms * 1000000;
	r->init_ns = (int64_t)init_ms * 1000000;
	if (r->max_ns < r->min_ns)
		r->max_ns = r->min_ns;
}

void
nm_rtt_sample(struct nm_rtt *r, int64_t ns)
{
	double x = (double)ns, d;

	if (!r->have) {
		r->srtt = x;
		r->rttvar = x / 2;
		r->have = true;
		return;
	}
	d = r->srtt - x;
	r->rttvar = 0.75 * r->rttvar + 0.25 * (d < 0 ? -d : d);
	r->srtt = 0.875 * r->srtt + 0.125 * x;
}

int64_t
nm_rtt_timeout(const struct nm_rtt *r)
{
	int64_t t;

	if (!r->have)
		t = r->init_ns;
	else
		t = (int64_t)(r->srtt + 4 * r->rttvar);
	if (t < r->min_ns)
		t = r->min_ns;
	if (t > r->max_ns)
		t = r->max_ns;
	return t;
}

void
nm_pace_init(struct nm_pace *p, long rate)
{
	p->rate = rate > 0 ? (double)rate : 1;
	p->burst = p->rate / 100 < 1 ? 1 : p->rate / 100;
	p->tokens = p->burst;
	p->last = nm_now_ns();
}

bool
nm_pace_take(struct nm_pace *p, int64_t now)
{
	if (now > p->last) {
		p->tokens += p->rate * (double)(now - p->last) / 1e9;
		if (p->tokens > p->burst)
			p->tokens = p->burst;
		p->last = now;
	}
	if (p->tokens < 1)
		return false;
	p->tokens -= 1;
	return true;
}

int64_t
nm_pace_wait_ns(const struct nm_pace *p)
{
	double need = 1 - p->tokens;

	return need <= 0 ? 0 : (int64_t)(need / p->rate * 1e9) + 1;
}

socklen_t
nm_target_sockaddr(const struct nm_target *t, unsigned port,
    struct sockaddr_storage *ss)
{
	memset(ss, 0, sizeof(*ss));
	if (t->family == NM_INET) {
		struct sockaddr_in *s4 = (struct sockaddr_in *)ss;

		s4->sin_family = AF_INET;
		s4->sin_port = htons((uint16_t)port);
		memcpy(&s4->sin_addr, t->addr, 4);
		return sizeof(*s4);
	} else {
		struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)ss;

		s6->sin6_family = AF_INET6;
		s6->sin6_port = htons((uint16_t)port);
		memcpy(&s6->sin6_addr, t->addr, 16);
		s6->sin6_scope_id = t->scope;
		return sizeof(*s6);
	}
}

/* Raises the soft descriptor limit towards want; returns what we have. */
int
nm_raise_nofile(int want)
{
	struct rlimit rl;

	if (getrlimit(RLIMIT_NOFILE, &rl) != 0)
		return 1024;
	if (rl.rlim_cur != RLIM_INFINITY && rl.rlim_cur < (rlim_t)want) {
		rlim_t n = (rlim_t)want;

		if (rl.rlim_max != RLIM_INFINITY && n > rl.rlim_max)
			n = rl.rlim_max;
		rl.rlim_cur = n;
		(void)setrlimit(RLIMIT_NOFILE, &rl);
		(void)getrlimit(RLIMIT_NOFILE, &rl);
	}
	if (rl.rlim_cur == RLIM_INFINITY || rl.rlim_cur > 1 << 20)
		return 1 << 20;
	return (int)rl.rlim_cur;
}

/* Why a v4 address is not one host, looking at this host's networks. */
static const char *
v4_not_host(const uint8_t a[4], char *why, size_t whylen, bool *local)
{
	uint32_t x = (uint32_t)a[0] << 24 | (uint32_t)a[1] << 16 |
	    (uint32_t)a[2] << 8 | a[3];
	struct ifaddrs *ifs, *i;
	const char *res = NULL;

	if (a[0] == 127)
		*local = true;
	if (x == 0xffffffffu)
		return "the limited broadcast address";
	if ((x >> 28) == 0xe)
		return "a multicast address";
	if ((x >> 24) == 0)
		return "the unspecified network (0.0.0.0/8)";
	if (getifaddrs(&ifs) != 0)
		return NULL;
	for (i = ifs; i != NULL && res == NULL; i = i->ifa_next) {
		const struct sockaddr_in *ia, *im;
		uint32_t ip, mask;
		int plen;

		if (i->ifa_addr == NULL || i->ifa_netmask == NULL ||
		    i->ifa_addr->sa_family != AF_INET)
			continue;
		ia = (const struct sockaddr_in *)(const void *)i->ifa_addr;
		im = (const struct sockaddr_in *)(const void *)i->ifa_netmask;
		ip = ntohl(ia->sin_addr.s_addr);
		mask = ntohl(im->sin_addr.s_addr);
		if (ip == x)
			*local = true;
		plen = __builtin_popcount(mask);
		if (plen >= 31 || (ip & mask) != (x & mask))
			continue;
		if ((x & ~mask) == ~mask)
			res = "the broadcast address";
		else if ((x & ~mask) == 0)
			res = "the network address";
		if (res != NULL) {
			uint32_t net = ip & mask;

			snprintf(why, whylen, "%s of %s (%u.%u.%u.%u/%d)", res,
			    i->ifa_name, net >> 24, (net >> 16) & 255,
			    (net >> 8) & 255, net & 255, plen);
		}
	}
	freeifaddrs(ifs);
	return res != NULL ? why : NULL;
}

static void
v6_local(const uint8_t a[16], bool *local)
{
	static const uint8_t lo[16] = { [15] = 1 };
	struct ifaddrs *ifs, *i;

	if (memcmp(a, lo, 16) == 0) {
		*local = true;
		return;
	}
	if (getifaddrs(&ifs) != 0)
		return;
	for (i = ifs; i != NULL; i = i->ifa_next) {
		const struct sockaddr_in6 *s6;

		if (i->ifa_addr == NULL || i->ifa_addr->sa_family != AF_INET6)
			continue;
		s6 = (const struct sockaddr_in6 *)(const void *)i->ifa_addr;
		if (memcmp(&s6->sin6_addr, a, 16) == 0)
			*local = true;
	}
	freeifaddrs(ifs);
}

int
nm_target_resolve(const char *host, int family, bool allow_broadcast,
    struct nm_target *t, struct nm_error *err)
{
	struct addrinfo hints, *res = NULL, *ai, *pick = NULL;
	char why[160];
	const char *bad = NULL;
	int rc;

	memset(t, 0, sizeof(*t));
	t->name = host;
	memset(&hints, 0, sizeof(hints));
	hints.ai_family = family == NM_INET ? AF_INET :
	    family == NM_INET6 ? AF_INET6 : AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	rc = getaddrinfo(host, NULL, &hints, &res);
	if (rc != 0)
		return nm_seterr(err, NM_ERR_USAGE, "cannot resolve '%s': %s",
		    host, gai_strerror(rc));
	/* Like nmap: IPv4 unless -6 or the name has only IPv6. */
	for (ai = res; ai != NULL; ai = ai->ai_next)
		if (ai->ai_family == AF_INET && pick == NULL)
			pick = ai;
	if (pick == NULL)
		for (ai = res; ai != NULL; ai = ai->ai_next)
			if (ai->ai_family == AF_INET6 && pick == NULL)
				pick = ai;
	if (pick == NULL) {
		freeaddrinfo(res);
		return nm_seterr(err, NM_ERR_USAGE, "'%s' has no IPv4 or "
		    "IPv6 address", host);
	}
	if (pick->ai_family == AF_INET) {
		const struct sockaddr_in *s4 =
		    (const struct sockaddr_in *)(const void *)pick->ai_addr;

		t->family = NM_INET;
		memcpy(t->addr, &s4->sin_addr, 4);
		inet_ntop(AF_INET, &s4->sin_addr, t->text, sizeof(t->text));
		bad = v4_not_host(t->addr, why, sizeof(why), &t->local);
	} else {
		const struct sockaddr_in6 *s6 =
		    (const struct sockaddr_in6 *)(const void *)pick->ai_addr;
		static const uint8_t zero[16];

		t->family = NM_INET6;
		memcpy(t->addr, &s6->sin6_addr, 16);
		t->scope = s6->sin6_scope_id;
		inet_ntop(AF_INET6, &s6->sin6_addr, t->text, sizeof(t->text));
		if (t->scope != 0) {
			char ifn[IF_NAMESIZE];
			size_t l = strlen(t->text);

			if (if_indextoname(t->scope, ifn) != NULL)
				snprintf(t->text + l, sizeof(t->text) - l,
				    "%%%s", ifn);
			else
				snprintf(t->text + l, sizeof(t->text) - l,
				    "%%%u", (unsigned)t->scope);
		}
		if (t->addr[0] == 0xff)
			bad = "a multicast address";
		else if (memcmp(t->addr, zero, 16) == 0)
			bad = "the unspecified address";
		v6_local(t->addr, &t->local);
	}
	freeaddrinfo(res);
	if (bad != NULL && !allow_broadcast)
		return nm_seterr(err, NM_ERR_USAGE, "%s is %s, not one host; "
		    "give --allow-broadcast to scan it anyway", t->text, bad);
	return 0;
}

#else /* !__linux__ */

int
nm_target_resolve(const char *host, int family, bool allow_broadcast,
    struct nm_target *t, struct nm_error *err)
{
	(void)family;
	(void)allow_broadcast;
	(void)t;
	return nm_seterr(err, NM_ERR_UNSUPPORTED, "scanning '%s': the "
	    "scanner is Linux-only in this build", host);
}

#endif
