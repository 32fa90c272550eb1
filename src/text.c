/*
 * text.c: shared utility (above buf.c only): UTF-8 decoding, the
 * invalid-byte policy, byte <-> line:column, case folding, the lines and
 * error messages of data files.  Reads text, writes buffers and line maps.
 *
 * Offsets always refer to the bytes as given: an invalid byte counts as
 * one replaced character of one byte, so nothing ever shifts.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "text.h"

int32_t
qt_text_decode(const char *s, size_t n, size_t *len, bool *bad)
{
	utf8proc_int32_t cp;
	utf8proc_ssize_t r;
	unsigned char c = (unsigned char)s[0];

	if (c < 0x80) {
		*len = 1;
		*bad = false;
		return c;
	}
	r = utf8proc_iterate((const utf8proc_uint8_t *)s,
	                     n > 4 ? 4 : (utf8proc_ssize_t)n, &cp);
	if (r < 1) {
		*len = 1;
		*bad = true;
		return 0xFFFD;
	}
	*len = (size_t)r;
	*bad = false;
	return cp;
}

size_t
qt_text_first_invalid(const char *s, size_t n, size_t *count)
{
	size_t i = 0, first = QUOTH_NONE, bad_n = 0;

	while (i < n) {
		size_t len;
		bool bad;

		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		qt_text_decode(s + i, n - i, &len, &bad);
		if (bad) {
			if (first == QUOTH_NONE)
				first = i;
			bad_n++;
		}
		i += len;
	}
	if (count)
		*count = bad_n;
	return first;
}

/* The offset after the next line end at or after `from`, or 0 when there
 * is none.  A line ends at LF, at CR not followed by LF, and at CRLF;
 * without any CR in the text (`has_cr` false) memchr() finds the LFs. */
static size_t
next_line(const char *text, size_t len, size_t from, bool has_cr)
{
	const char *p;

	if (!has_cr) {
		p = memchr(text + from, '\n', len - from);
		return p ? (size_t)(p - text) + 1 : 0;
	}
	for (; from < len; from++)
		if (text[from] == '\n' ||
		    (text[from] == '\r' &&
		     (from + 1 == len || text[from + 1] != '\n')))
			return from + 1;
	return 0;
}

bool
qt_line_map_build(line_map *m, const char *text, size_t len)
{
	size_t n = 1, k = 0, off = 0;
	bool has_cr = len && memchr(text, '\r', len) != NULL;

	while (off < len && (off = next_line(text, len, off, has_cr)) != 0)
		n++;
	m->starts = qt_xmalloc_array(n, sizeof(size_t));
	if (!m->starts)
		return false;
	m->n = n;
	m->starts[k++] = 0;
	off = 0;
	while (off < len && (off = next_line(text, len, off, has_cr)) != 0)
		m->starts[k++] = off;
	return true;
}

void
qt_line_map_locate(const line_map *m, const char *text, size_t len,
                   size_t offset, size_t *line, size_t *column)
{
	size_t lo = 0, hi = m->n, col = 1, i;

	if (offset > len)
		offset = len;
	/* Largest line start <= offset. */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (m->starts[mid] <= offset)
			lo = mid;
		else
			hi = mid;
	}
	if (line)
		*line = lo + 1;
	if (column && text) {
		for (i = m->starts[lo]; i < offset;) {
			size_t l;
			bool bad;
			qt_text_decode(text + i, len - i, &l, &bad);
			i += l;
			col++;
		}
		*column = col;
	} else if (column) {
		*column = offset - m->starts[lo] + 1;
	}
}

void
qt_line_map_free(line_map *m)
{
	free(m->starts);
	m->starts = NULL;
	m->n = 0;
}

void
qt_text_fold(qbuf *b, const char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		size_t len;
		bool bad;
		int32_t cp;
		utf8proc_int32_t out[8];
		utf8proc_ssize_t k, j;
		utf8proc_uint8_t enc[4];

		if (c < 0x80) {
			qbuf_putc(b, (char)(c >= 'A' && c <= 'Z' ? c + 32 : c));
			i++;
			continue;
		}
		cp = qt_text_decode(s + i, n - i, &len, &bad);
		i += len;
		/* Typographic apostrophes fold to the ASCII one so that
		 * "Ukraine’s" and "Ukraine's" look the same to lexicons. */
		if (cp == 0x2019 || cp == 0x2018 || cp == 0x02BC) {
			qbuf_putc(b, '\'');
			continue;
		}
		/* A soft hyphen or zero-width character (category Cf) does
		 * not show: "sa\u00adid" is "said" to the lexicons. */
		if (!bad && utf8proc_category(cp) == UTF8PROC_CATEGORY_CF)
			continue;
		k = utf8proc_decompose_char(cp, out, 8, UTF8PROC_CASEFOLD,
		                            NULL);
		if (k < 1 || k > 8) {
			k = 1;
			out[0] = cp;
		}
		for (j = 0; j < k; j++) {
			utf8proc_ssize_t el = utf8proc_encode_char(out[j], enc);
			qbuf_put(b, enc, (size_t)el);
		}
	}
}

/* Is the character at s[0..n) white space (ASCII or Unicode Zs, such as
 * the no-break spaces French puts inside guillemets) or invisible (a soft
 * hyphen or zero-width character, category Cf: a quote's text does not
 * start or end with one)?  Sets *len. */
static bool
space_at(const char *s, size_t n, size_t *len)
{
	bool bad;
	int32_t cp = qt_text_decode(s, n, len, &bad);

	if (cp < 0x80)
		return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
		       cp == '\f' || cp == '\v';
	if (bad)
		return false;
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_ZS:
	case UTF8PROC_CATEGORY_CF:
		return true;
	default:
		return false;
	}
}

size_t
qt_text_trim_start(const char *text, size_t a, size_t b)
{
	size_t len;

	while (a < b && space_at(text + a, b - a, &len))
		a += len;
	return a;
}

size_t
qt_text_trim_end(const char *text, size_t a, size_t b)
{
	while (b > a) {
		size_t p = b - 1, len;
		/* back to the start of the last character */
		while (p > a && ((unsigned char)text[p] & 0xC0) == 0x80 &&
		       b - p < 4)
			p--;
		if (!space_at(text + p, b - p, &len) || p + len != b)
			break;
		b = p;
	}
	return b;
}

/* (a buffer append that needs the decoder: here, so that buf.c stays
 * below text.c) */
void
qbuf_put_utf8(qbuf *b, const char *text, size_t n)
{
	static const char fffd[] = "\xef\xbf\xbd";
	size_t i = 0, run = 0;

	while (i < n) {
		size_t len;
		bool bad;

		if ((unsigned char)text[i] < 0x80) {
			i++;
			continue;
		}
		qt_text_decode(text + i, n - i, &len, &bad);
		if (bad) {
			qbuf_put(b, text + run, i - run);
			qbuf_put(b, fffd, 3);
			run = i + len;
		}
		i += len;
	}
	qbuf_put(b, text + run, n - run);
}

quoth_status
qt_data_fail(quoth_error *err, quoth_status st, size_t line, const char *fmt,
             ...)
{
	va_list ap;

	if (err) {
		memset(err, 0, sizeof(*err));
		err->status = st;
		err->line = line;
		va_start(ap, fmt);
		vsnprintf(err->message, sizeof(err->message), fmt, ap);
		va_end(ap);
	}
	return st;
}

bool
qt_data_line(const char *data, size_t len, size_t pos, size_t *end, size_t *eol)
{
	size_t e = pos;

	while (e < len && data[e] != '\n')
		e++;
	*eol = e;
	if (e > pos && data[e - 1] == '\r')
		e--;
	*end = e;
	return qt_text_first_invalid(data + pos, e - pos, NULL) == QUOTH_NONE;
}
