/*
 * compat_win.c - UTF-8 <-> UTF-16 for the wide Windows APIs, and error
 * codes as text (see compat_win.h).
 */
#ifdef _WIN32

#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#include <wctype.h>

#include "compat_win.h"

wchar_t *
nm_win_wide(const char *s)
{
	int n = MultiByteToWideChar(CP_UTF8, 0, s, -1, NULL, 0);
	wchar_t *w;

	if (n <= 0)
		n = 1;
	w = nm_xcalloc((size_t)n, sizeof(*w));
	MultiByteToWideChar(CP_UTF8, 0, s, -1, w, n);
	return w;
}

char *
nm_win_narrow(struct nm_arena *a, const wchar_t *w)
{
	int n;
	char *s;

	if (w == NULL)
		return NULL;
	n = WideCharToMultiByte(CP_UTF8, 0, w, -1, NULL, 0, NULL, NULL);
	if (n <= 0)
		return nm_astrdup(a, "");
	s = nm_aalloc(a, (size_t)n);
	WideCharToMultiByte(CP_UTF8, 0, w, -1, s, n, NULL, NULL);
	return s;
}

const char *
nm_win_strerror(struct nm_arena *a, unsigned long code)
{
	wchar_t buf[256];
	DWORD n;

	n = FormatMessageW(FORMAT_MESSAGE_FROM_SYSTEM |
	    FORMAT_MESSAGE_IGNORE_INSERTS, NULL, (DWORD)code, 0, buf,
	    (DWORD)NM_NELEM(buf), NULL);
	while (n > 0 && (buf[n - 1] == L'\r' || buf[n - 1] == L'\n' ||
	    buf[n - 1] == L'.' || buf[n - 1] == L' '))
		buf[--n] = 0;
	if (n == 0)
		return nm_asprintf(a, "error %lu", code);
	buf[0] = (wchar_t)towlower(buf[0]);
	return nm_asprintf(a, "%s (%lu)", nm_win_narrow(a, buf), code);
}

#else
typedef int nm_compat_win_unused;
#endif /* _WIN32 */
