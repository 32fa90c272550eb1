/*
 * buf.h: shared utilities of every stage (buf.c): growable byte buffers
 * and arrays whose failures are sticky, checked size arithmetic.
 * Not installed; hidden with -fvisibility=hidden.
 */
#ifndef QUOTH_BUF_H
#define QUOTH_BUF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "quoth.h"

#define QUOTH_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))
#define QUOTH_NONE ((size_t)-1)

typedef struct {
	char *ptr;
	size_t len;
	size_t cap;
	bool failed; /* an allocation failed; later appends are no-ops */
} qbuf;

bool qbuf_reserve(qbuf *b, size_t extra);
/* qbuf_put() when the buffer must grow first (or has failed). */
void qbuf_put_slow(qbuf *b, const void *p, size_t n);
void qbuf_puts(qbuf *b, const char *s);
void qbuf_printf(qbuf *b, const char *fmt, ...)
        __attribute__((format(printf, 2, 3)));
void qbuf_free(qbuf *b);

/* Growable array of fixed-size elements; `failed` as in qbuf. */
typedef struct {
	void *ptr;
	size_t len;
	size_t cap;
	size_t elem;
	bool failed;
} qvec;

/* Append p[0..n) (and keep a NUL after it).  Inline while there is
 * room: results and folded words are written a byte at a time, and three
 * calls a byte were a tenth of the time on quote-dense text. */
static inline void
qbuf_put(qbuf *b, const void *p, size_t n)
{
	if (n != 0 && !b->failed && b->len < b->cap && b->cap - b->len > n) {
		memcpy(b->ptr + b->len, p, n);
		b->len += n;
		b->ptr[b->len] = '\0';
		return;
	}
	qbuf_put_slow(b, p, n);
}

static inline void
qbuf_putc(qbuf *b, char c)
{
	if (!b->failed && b->len < b->cap && b->cap - b->len > 1) {
		b->ptr[b->len++] = c;
		b->ptr[b->len] = '\0';
		return;
	}
	qbuf_put_slow(b, &c, 1);
}

void qvec_init(qvec *v, size_t elem);
void *qvec_push(qvec *v); /* a zeroed new element, or NULL */
void qvec_free(qvec *v);
#define QVEC_AT(v, T, i) (&((T *)(v)->ptr)[i])

/* Checked size arithmetic. */
static inline bool
size_add(size_t a, size_t b, size_t *out)
{
	if (a > SIZE_MAX - b)
		return false;
	*out = a + b;
	return true;
}

static inline bool
size_mul(size_t a, size_t b, size_t *out)
{
	if (b != 0 && a > SIZE_MAX / b)
		return false;
	*out = a * b;
	return true;
}

/* Eight bytes at a time: 0x01 and 0x80 in every byte of a word. */
#define QT_ONES UINT64_C(0x0101010101010101)
#define QT_HIGHS UINT64_C(0x8080808080808080)

/* Eight ASCII bytes (no high bit set) with A-Z lowercased: 0x20 added
 * where a byte is from 'A' to 'Z' (the sums of 7-bit bytes carry into
 * their own high bit only). */
static inline uint64_t
qt_fold8(uint64_t w)
{
	uint64_t ge_a = w + QT_ONES * (0x80 - 'A');
	uint64_t gt_z = w + QT_ONES * (0x80 - 'Z' - 1);

	return w | ((ge_a & ~gt_z & QT_HIGHS) >> 2);
}

/* What qt_ascii_lower() turns down. */
enum {
	QT_LOWER_ANY = 0,    /* nothing: other bytes are copied */
	QT_LOWER_ASCII = 1,  /* a byte of 0x80 or more */
	QT_LOWER_LETTERS = 2 /* anything but an ASCII letter */
};

/* s[0..n) into dst with ASCII 'A' to 'Z' lowercased, for a look-up in a
 * word list; false (dst partly written) when s holds a byte that
 * `reject` (QT_LOWER_*) turns down. */
static inline bool
qt_ascii_lower(char *dst, const char *s, size_t n, int reject)
{
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];
		if (ch >= 'A' && ch <= 'Z')
			ch = (unsigned char)(ch + ('a' - 'A'));
		else if ((reject == QT_LOWER_ASCII && ch >= 0x80) ||
		         (reject == QT_LOWER_LETTERS && (ch < 'a' || ch > 'z')))
			return false;
		dst[i] = (char)ch;
	}
	return true;
}

/* FNV-1a hash of s[0..n): the lexicon's and the tagger's tables. */
static inline uint64_t
qt_hash_bytes(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ull;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ull;
	}
	return h;
}

/* malloc(n * size), NULL when the product overflows. */
void *qt_xmalloc_array(size_t n, size_t size);
/* realloc(p, n * size), NULL (p untouched) when the product overflows. */
void *qt_xrealloc_array(void *p, size_t n, size_t size);

#endif
