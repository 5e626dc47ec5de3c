/*
 * compat_win.h - text between netmin (UTF-8) and the Windows wide
 * APIs, and Windows error codes as text; shared by the live source
 * (src_win.c) and the executors (exec_win*.c).  Windows only.
 */
#ifndef NETMIN_COMPAT_WIN_H
#define NETMIN_COMPAT_WIN_H

#ifdef _WIN32

#include <wchar.h>

#include "util.h"

wchar_t	*nm_win_wide(const char *);		/* UTF-8 in; free() it */
char	*nm_win_narrow(struct nm_arena *, const wchar_t *); /* NULL: NULL */
/* The system's text for an error code, lower-cased, with the number:
   "access is denied (5)". */
const char *nm_win_strerror(struct nm_arena *, unsigned long code);

#endif /* _WIN32 */
#endif
