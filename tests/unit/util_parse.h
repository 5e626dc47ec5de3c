/* util_parse.h - parse a string as a capture, for parser unit tests. */
#ifndef NETMIN_TEST_UTIL_PARSE_H
#define NETMIN_TEST_UTIL_PARSE_H

#include "parse.h"

/* Parses text with the given format (NULL: detect); returns the rc. */
int	 tparse(struct nm_snapshot *, const char *text, const char *format);
/* The n-th endpoint as "tcp 0.0.0.0:135 listen 884 svchost.exe". */
const char *tep(const struct nm_snapshot *, size_t n);

#endif
