/*
 * verify_words.h: verify's bottom stage, words and their normal forms
 * (src/verify_words.c), and the small helpers every verify stage uses.
 * Internal to libquoth; not installed.
 *
 * verify's stages, each calling only the ones listed before it:
 *
 *   verify_words.c   characters, word ends, normal forms, word hashes
 *   verify_source.c  the source set: plain / WebVTT / SRT parsers, index
 *   verify_search.c  a quote's tokens and pieces, candidate regions
 *   verify_align.c   word alignment of a piece, chaining the pieces
 *   verify_diff.c    the word diff and the passage's words
 *   verify.c         judging a quote, speakers, the public API
 */
#ifndef QUOTH_VERIFY_WORDS_H
#define QUOTH_VERIFY_WORDS_H

#include <stdlib.h>

#include <utf8proc.h>

#include "private.h"

/* Bytes of a word that are normalised and compared (longer "words" are
 * URLs or garbage; their tail does not matter). */
#define WORD_MAX_BYTES 256
/* NFKC can expand a code point to 18; 2048 covers any 256-byte word
 * except contrived ones, which are then compared as raw bytes. */
#define NORM_CP_MAX 2048

/* Scratch space for one normal form (qt_norm_word()). */
typedef struct {
	utf8proc_int32_t cp[NORM_CP_MAX + 1];
	char raw[WORD_MAX_BYTES];
} normbuf;

/* ---- characters: inline, they run once per byte of every source ----- */

/* The code point at s[i] (of s[0..len)) and its length in *n; -1 (with
 * *n = 1) for an invalid byte. */
static inline int32_t
qt_decode(const char *s, size_t len, size_t i, size_t *n)
{
	unsigned char c = (unsigned char)s[i];
	utf8proc_int32_t cp;
	utf8proc_ssize_t r;
	size_t avail = len - i;

	if (c < 0x80) {
		*n = 1;
		return c;
	}
	if (avail > 4)
		avail = 4;
	r = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
	                     (utf8proc_ssize_t)avail, &cp);
	if (r <= 0) {
		*n = 1;
		return -1;
	}
	*n = (size_t)r;
	return cp;
}

/* ASCII letters and digits, for the fast paths over English text. */
static inline bool
qt_ascii_alnum(unsigned char c)
{
	return (unsigned char)((c | 0x20) - 'a') < 26 ||
	       (unsigned char)(c - '0') < 10;
}

/* Letters, marks and digits make words; everything else separates them
 * (so punctuation is never compared: transcribers punctuate at will). */
static inline bool
qt_is_word_cp(int32_t cp)
{
	utf8proc_category_t cat;

	if (cp < 0)
		return false;
	if (cp < 0x80)
		return qt_ascii_alnum((unsigned char)cp);
	cat = utf8proc_category(cp);
	return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_NO;
}

static inline bool
qt_is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

static inline size_t
qt_skip_space(const char *s, size_t i, size_t end)
{
	while (i < end && qt_is_space(s[i]))
		i++;
	return i;
}

static inline size_t
qt_trim_end(const char *t, size_t a, size_t b)
{
	while (b > a && qt_is_space(t[b - 1]))
		b--;
	return b;
}

/* Make room for `need` elements of `elem` bytes in *p (capacity *cap),
 * doubling; false when out of memory or the size overflows. */
static inline bool
qt_grow(void **p, size_t *cap, size_t need, size_t elem)
{
	size_t ncap, bytes;
	void *q;

	if (need <= *cap)
		return true;
	ncap = *cap ? *cap : 16;
	while (ncap < need) {
		if (ncap > SIZE_MAX / 2)
			return false;
		ncap *= 2;
	}
	if (!size_mul(ncap, elem, &bytes))
		return false;
	q = realloc(*p, bytes);
	if (!q)
		return false;
	*p = q;
	*cap = ncap;
	return true;
}

/* ---- words (verify_words.c) ------------------------------------------ */

bool qt_is_apos(int32_t cp);
size_t qt_inword_bracket(const char *s, size_t len, size_t i, bool after_word);
size_t qt_word_end(const char *s, size_t len, size_t i, bool brackets,
                   bool *bracketed);
const char *qt_norm_word(normbuf *nb, const char *s, size_t n, bool fold,
                         size_t *out_len);
uint32_t qt_word_hash(normbuf *nb, const char *s, size_t n);
bool qt_sentence_end(const char *t, size_t a, size_t b);

#endif
