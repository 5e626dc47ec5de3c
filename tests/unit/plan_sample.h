/* plan_sample.h - plans built by hand for reader and emitter tests. */
#ifndef NETMIN_TEST_PLAN_SAMPLE_H
#define NETMIN_TEST_PLAN_SAMPLE_H

#include "plan.h"

/* Every Windows action kind: service with dependants, registry set on an
 * absent key, multi-string removal, per-adapter NetBT, explicit command. */
void	 sample_windows_plan(struct nm_plan *);
/* Linux: unit disable (socket + service), mask, drop-in, key edit. */
void	 sample_linux_plan(struct nm_plan *);

#endif
