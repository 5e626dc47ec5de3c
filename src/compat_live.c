/*
 * compat_live.c - the live source on platforms that have none, so every
 * build links.  Linux has src_linux*.c, Windows src_win.c.
 */
#include "src.h"

#if !defined(__linux__) && !defined(_WIN32)
int
nm_src_live(struct nm_snapshot *snap, const struct nm_live_opts *o,
    struct nm_error *err)
{
	(void)snap;
	(void)o;
	return nm_seterr(err, NM_ERR_UNSUPPORTED, "reading the live host is "
	    "not supported on this platform; give a capture with --from FILE");
}
#else
/* ISO C wants at least one declaration in a translation unit. */
typedef int nm_compat_live_unused;
#endif
