/*
 * buf.c: shared utility (below every stage): growable byte buffers and
 * arrays.  Reads and writes only the buffers it is given.
 *
 * Every growth checks its size arithmetic first.  An allocation failure
 * sets `failed` and turns later appends into no-ops, so callers build a
 * whole string and check once at the end instead of after every append.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"

bool
qbuf_reserve(qbuf *b, size_t extra)
{
	size_t need, cap;
	char *p;

	if (b->failed)
		return false;
	if (!size_add(b->len, extra, &need) || !size_add(need, 1, &need)) {
		b->failed = true;
		return false;
	}
	if (need <= b->cap)
		return true;
	cap = b->cap ? b->cap : 64;
	while (cap < need) {
		if (cap > SIZE_MAX / 2) {
			cap = need;
			break;
		}
		cap *= 2;
	}
	p = realloc(b->ptr, cap);
	if (!p) {
		b->failed = true;
		return false;
	}
	b->ptr = p;
	b->cap = cap;
	return true;
}

void
qbuf_put_slow(qbuf *b, const void *p, size_t n)
{
	if (n == 0 || !qbuf_reserve(b, n))
		return;
	memcpy(b->ptr + b->len, p, n);
	b->len += n;
	b->ptr[b->len] = '\0';
}

void
qbuf_puts(qbuf *b, const char *s)
{
	qbuf_put(b, s, strlen(s));
}

void
qbuf_printf(qbuf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || !qbuf_reserve(b, (size_t)n))
		return;
	va_start(ap, fmt);
	vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

void
qbuf_free(qbuf *b)
{
	free(b->ptr);
	b->ptr = NULL;
	b->len = b->cap = 0;
	b->failed = false;
}

void *
qt_xmalloc_array(size_t n, size_t size)
{
	size_t bytes;

	if (!size_mul(n ? n : 1, size, &bytes))
		return NULL;
	return malloc(bytes);
}

void *
qt_xrealloc_array(void *p, size_t n, size_t size)
{
	size_t bytes;

	if (!size_mul(n ? n : 1, size, &bytes))
		return NULL;
	return realloc(p, bytes);
}

void
qvec_init(qvec *v, size_t elem)
{
	memset(v, 0, sizeof(*v));
	v->elem = elem;
}

void *
qvec_push(qvec *v)
{
	void *slot;

	if (v->failed)
		return NULL;
	if (v->len == v->cap) {
		size_t cap = v->cap ? v->cap * 2 : 16, bytes;
		void *p;

		if (cap < v->cap || !size_mul(cap, v->elem, &bytes)) {
			v->failed = true;
			return NULL;
		}
		p = realloc(v->ptr, bytes);
		if (!p) {
			v->failed = true;
			return NULL;
		}
		v->ptr = p;
		v->cap = cap;
	}
	slot = (char *)v->ptr + v->len * v->elem;
	memset(slot, 0, v->elem);
	v->len++;
	return slot;
}

void
qvec_free(qvec *v)
{
	free(v->ptr);
	v->ptr = NULL;
	v->len = v->cap = 0;
}
