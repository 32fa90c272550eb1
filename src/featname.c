/*
 * featname.c: the names of the features the learned choices read
 * (choose.c for candidate links, namesake.c for namesakes): a count
 * bucketed, a name appended to a buffer of NUL-separated names.  Calls
 * nothing of quoth's, so both can use it.
 */
#include <stdarg.h>
#include <stdio.h>

#include "choose.h"

/* A bucket of n: 0, 1, 2, 3-4, 5-8, 9-16, 17+. */
const char *
qt_cand_bucket(size_t n)
{
	return n == 0    ? "0"
	       : n == 1  ? "1"
	       : n == 2  ? "2"
	       : n <= 4  ? "3-4"
	       : n <= 8  ? "5-8"
	       : n <= 16 ? "9-16"
	                 : "17+";
}

/* Appends feature name f (printf-style) to buf at *len. */
void
qt_cand_feat(char *buf, size_t bufsz, size_t *len, size_t *n, const char *fmt,
             ...)
{
	va_list ap;
	int w;

	if (*len >= bufsz)
		return;
	va_start(ap, fmt);
	w = vsnprintf(buf + *len, bufsz - *len, fmt, ap);
	va_end(ap);
	if (w < 0 || (size_t)w + 1 > bufsz - *len) {
		*len = bufsz;
		return;
	}
	*len += (size_t)w + 1;
	(*n)++;
}
