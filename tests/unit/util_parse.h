/* util_parse.h - parse a string as a capture, for parser unit tests. */
#ifndef NETMIN_TEST_UTIL_PARSE_H
#define NETMIN_TEST_UTIL_PARSE_H

#include "parse.h"

/* Parses text with the given format (NULL: detect); returns the rc. */
int	 tparse(struct nm_snapshot *, const char *text, const char *format);
/* The n-th endpoint as "tcp 0.0.0.0:135 listen 884 svchost.exe". */
const char *tep(const struct nm_snapshot *, size_t n);

/* Parses texts[0..n) as files a.txt, b.txt, ... of one snapshot. */
int	 tparse_files(struct nm_snapshot *, const char *const *texts, size_t n);
/* What the snapshot knows of a PID: "svchost.exe: RpcEptMapper RpcSs". */
const char *tproc(const struct nm_snapshot *, int pid);
/* The services of the n-th endpoint, space-separated ("-" for none). */
const char *tsvc(const struct nm_snapshot *, size_t n);
/* Every warning as "LINE: message" lines. */
const char *twarn(const struct nm_snapshot *);

#endif
