/*
 * cli_buf.c (CLI): the bottom layer every other CLI file uses: growable
 * buffers, "quoth: FILE:LINE:COL: message" text, and the UTF-8 helpers for
 * file names, ids and display widths.
 *
 * Reads only its arguments; writes buffers in memory and, for messages
 * printed at once, stderr.  It calls no other CLI file, so that the
 * writers (write_*.c) can use it while cli_util.c calls the writers.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "cli.h"

/* ---- buffer ----------------------------------------------------------- */

static int
buf_reserve(struct cli_buf *b, size_t extra)
{
	size_t need, cap;
	char *p;

	if (b->failed)
		return -1;
	if (extra > SIZE_MAX - b->len - 1) {
		b->failed = 1;
		return -1;
	}
	need = b->len + extra + 1; /* room for a terminating NUL */
	if (need <= b->cap)
		return 0;
	cap = b->cap ? b->cap : 256;
	while (cap < need)
		cap = cap > SIZE_MAX / 2 ? need : cap * 2;
	p = realloc(b->ptr, cap);
	if (!p) {
		b->failed = 1;
		return -1;
	}
	b->ptr = p;
	b->cap = cap;
	return 0;
}

void
cli_buf_put(struct cli_buf *b, const char *s, size_t n)
{
	if (n == 0 || buf_reserve(b, n) != 0)
		return;
	memcpy(b->ptr + b->len, s, n);
	b->len += n;
	b->ptr[b->len] = '\0';
}

char *
cli_buf_room(struct cli_buf *b, size_t extra)
{
	if (buf_reserve(b, extra) != 0)
		return NULL;
	return b->ptr + b->len;
}

void
cli_buf_puts(struct cli_buf *b, const char *s)
{
	cli_buf_put(b, s, strlen(s));
}

void
cli_buf_putc(struct cli_buf *b, char c)
{
	if (b->len + 2 > b->cap && buf_reserve(b, 1) != 0)
		return;
	b->ptr[b->len++] = c;
	b->ptr[b->len] = '\0';
}

size_t
cli_fmt_uint(char *dst, size_t v)
{
	static const char pairs[] = "00010203040506070809"
	                            "10111213141516171819"
	                            "20212223242526272829"
	                            "30313233343536373839"
	                            "40414243444546474849"
	                            "50515253545556575859"
	                            "60616263646566676869"
	                            "70717273747576777879"
	                            "80818283848586878889"
	                            "90919293949596979899";
	/* written backwards two digits at a time, ending at the middle of
	 * tmp, then copied whole: dst has CLI_UINT_MAX bytes of room, so
	 * a fixed-size copy (a few moves) replaces a call to memcpy */
	char tmp[2 * CLI_UINT_MAX], *e = tmp + CLI_UINT_MAX, *p = e;
	size_t q;

	while (v >= 100) {
		q = v / 100;
		p -= 2;
		memcpy(p, pairs + 2 * (v - 100 * q), 2);
		v = q;
	}
	if (v >= 10) {
		p -= 2;
		memcpy(p, pairs + 2 * v, 2);
	} else {
		*--p = (char)('0' + v);
	}
	memcpy(dst, p, CLI_UINT_MAX);
	return (size_t)(e - p);
}

void
cli_buf_put_uint(struct cli_buf *b, size_t v)
{
	char num[CLI_UINT_MAX];

	cli_buf_put(b, num, cli_fmt_uint(num, v));
}

void
cli_buf_vprintf(struct cli_buf *b, const char *fmt, va_list ap)
{
	va_list ap2;
	int n;

	va_copy(ap2, ap);
	n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0) {
		b->failed = 1;
		return;
	}
	if (buf_reserve(b, (size_t)n) != 0)
		return;
	vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void
cli_buf_printf(struct cli_buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	cli_buf_vprintf(b, fmt, ap);
	va_end(ap);
}

void
cli_buf_clear(struct cli_buf *b)
{
	b->len = 0;
	if (b->ptr)
		b->ptr[0] = '\0';
}

void
cli_buf_free(struct cli_buf *b)
{
	free(b->ptr);
	b->ptr = NULL;
	b->len = b->cap = 0;
	b->failed = 0;
}

/* ---- messages --------------------------------------------------------- */

/* strerror() is not guaranteed thread-safe and workers read files. */
const char *
cli_strerror(int e, char *buf, size_t n)
{
#if defined(_GNU_SOURCE)
	return strerror_r(e, buf, n);
#else
	if (strerror_r(e, buf, n) != 0)
		snprintf(buf, n, "error %d", e);
	return buf;
#endif
}

void
cli_vmsg_at(struct cli_buf *b, const char *file, size_t line, size_t col,
            const char *fmt, va_list ap)
{
	cli_buf_puts(b, "quoth: ");
	if (file) {
		cli_buf_puts(b, file);
		if (line) {
			cli_buf_printf(b, ":%zu", line);
			if (col)
				cli_buf_printf(b, ":%zu", col);
		}
		cli_buf_puts(b, ": ");
	}
	cli_buf_vprintf(b, fmt, ap);
	cli_buf_putc(b, '\n');
}

void
cli_msg_at(struct cli_buf *b, const char *file, size_t line, size_t col,
           const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	cli_vmsg_at(b, file, line, col, fmt, ap);
	va_end(ap);
}

/* Messages are built whole and written with one call so that lines from
 * different sources never interleave mid-line. */
void
cli_verror_at(const char *file, size_t line, size_t col, const char *fmt,
              va_list ap)
{
	struct cli_buf b = {0};

	cli_vmsg_at(&b, file, line, col, fmt, ap);
	if (b.failed)
		fputs("quoth: out of memory\n", stderr);
	else
		fwrite(b.ptr, 1, b.len, stderr);
	fflush(stderr);
	cli_buf_free(&b);
}

void
cli_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	cli_verror_at(NULL, 0, 0, fmt, ap);
	va_end(ap);
}

/* Flush stdout after --help or --version: a full disk is an error, a
 * closed pipe is not (as for a run's output). */
int
cli_finish_stdout(void)
{
	if (fflush(stdout) == 0 && !ferror(stdout))
		return CLI_EXIT_OK;
	if (errno == EPIPE)
		return CLI_EXIT_OK;
	cli_error("write error: %s", strerror(errno));
	return CLI_EXIT_ERROR;
}

void
cli_error_at(const char *file, size_t line, size_t col, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	cli_verror_at(file, line, col, fmt, ap);
	va_end(ap);
}

int
cli_usage_hint(const char *cmd)
{
	fprintf(stderr, "Try 'quoth %s%s--help' for more information.\n",
	        cmd ? cmd : "", cmd ? " " : "");
	return CLI_EXIT_ERROR;
}

int
cli_usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	cli_verror_at(NULL, 0, 0, fmt, ap);
	va_end(ap);
	return cli_usage_hint(cmd);
}

/* ---- UTF-8 ------------------------------------------------------------ */

size_t
cli_utf8_next(const char *s, size_t n, int32_t *cp)
{
	utf8proc_int32_t c;
	utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s,
	                                      (utf8proc_ssize_t)n, &c);

	if (k <= 0) {
		*cp = 0xFFFD;
		return 1;
	}
	*cp = c;
	return (size_t)k;
}

int
cli_is_space(int32_t cp)
{
	utf8proc_category_t cat;

	if (cp == ' ' || (cp >= 0x09 && cp <= 0x0d) || cp == 0x85)
		return 1;
	cat = utf8proc_category(cp);
	return cat == UTF8PROC_CATEGORY_ZS || cat == UTF8PROC_CATEGORY_ZL ||
	       cat == UTF8PROC_CATEGORY_ZP;
}

void
cli_buf_put_utf8(struct cli_buf *b, const char *s, size_t n)
{
	size_t i = 0, from = 0, k;
	int32_t cp;

	while (i < n) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		k = cli_utf8_next(s + i, n - i, &cp);
		/* An invalid byte, not a real U+FFFD (which takes 3 bytes). */
		if (cp == 0xFFFD && k == 1) {
			cli_buf_put(b, s + from, i - from);
			cli_buf_puts(b, "\xEF\xBF\xBD");
			from = i + 1;
		}
		i += k;
	}
	cli_buf_put(b, s + from, n - from);
}

char *
cli_utf8_dup(const char *s, size_t n)
{
	struct cli_buf b = {0};

	if (buf_reserve(&b, n) != 0)
		return NULL;
	cli_buf_put_utf8(&b, s, n);
	if (b.failed) {
		cli_buf_free(&b);
		return NULL;
	}
	b.ptr[b.len] = '\0';
	return b.ptr;
}
