/*
 * verify.h - holding a plan to reality: the endpoints a netmin.plan/1
 * document predicts, compared with a new inventory of the host and,
 * optionally, with a scan of it from outside.
 *
 * Only the plan's endpoint tables matter here (plan_read.c reads the
 * document): what was open before, each step's closes, moves and
 * predicted "after" table.  Actions are not interpreted.
 */
#ifndef NETMIN_VERIFY_H
#define NETMIN_VERIFY_H

#include "netmin.h"
#include "plan.h"
#include "probe.h"

/* An endpoint, by what identifies it. */
struct nm_vref {
	uint8_t		 proto;		/* NM_TCP, NM_UDP */
	uint8_t		 family;	/* NM_INET, NM_INET6 */
	char		 addr[NM_ADDRLEN];
	int		 port;
	const char	*kb;		/* may be NULL */
};

/* What one endpoint turned out to be. */
enum nm_verdict {
	NM_V_OPEN_OK = 0,	/* predicted open, open */
	NM_V_CLOSED_OK,		/* predicted closed (a step closed it), closed */
	NM_V_MOVED_OK,		/* narrowed as predicted (the new address) */
	NM_V_STILL_OPEN,	/* predicted closed, still open */
	NM_V_NEWLY_OPEN,	/* not in the plan at all, open now */
	NM_V_GONE,		/* predicted open, closed */
	NM_V_OUTSIDE_OPEN,	/* the host says closed; reachable from outside */
	NM_V_OUTSIDE_SHUT,	/* the host says open; not reachable (info) */
	NM_V__COUNT
};

struct nm_vcheck {
	struct nm_vref	 ep;
	int		 step;		/* closing/moving step, 0 if none */
	bool		 predicted;	/* open after the steps verified */
	bool		 observed;	/* open in the new inventory */
	int		 outside;	/* enum nm_pstate; -1 not scanned */
	const char	*service;	/* what answered from outside (UDP) */
	uint8_t		 verdict;	/* enum nm_verdict */
	bool		 mismatch;	/* counts against the prediction */
};

struct nm_verify {
	int		 upto;		/* steps verified: 1..upto */
	NM_VEC(struct nm_vcheck) checks;
	size_t		 count[NM_V__COUNT];
	size_t		 mismatches;
};

const char *nm_verdict_name(int);

/*
 * Compares: plan steps 1..upto (upto 0: nothing applied yet, the plan's
 * "before"), the host's own new inventory, and (scan may be NULL) a scan
 * of target.  Fills out; never fails.
 */
void	 nm_verify_run(const struct nm_plan *, int upto,
	     const struct nm_snapshot *observed, const struct nm_scan *scan,
	     struct nm_verify *out);
void	 nm_verify_free(struct nm_verify *);

/* The ports a --target scan must cover: every TCP port; for UDP the
 * plan's and the host's UDP ports plus the default probe list. */
void	 nm_verify_ports(const struct nm_plan *,
	     const struct nm_snapshot *, struct nm_portset *);

#endif /* NETMIN_VERIFY_H */
