/*
 * tagger_split.h: for the tagger's unit tests (test_tagger.c,
 * test_tagger_cache.c): a sentence of words split at spaces into the
 * tagger's tokens.
 */
#ifndef QUOTH_TEST_TAGGER_SPLIT_H
#define QUOTH_TEST_TAGGER_SPLIT_H

#include <check.h>
#include <string.h>

#include "tagger.h"

#define MAX_TOKS 64

/* Split s at spaces into toks (room for MAX_TOKS); returns the count. */
static size_t
split(const char *s, qt_tagger_tok *toks)
{
	size_t n = 0;

	while (*s) {
		const char *e = strchr(s, ' ');
		size_t len = e ? (size_t)(e - s) : strlen(s);

		ck_assert_uint_lt(n, MAX_TOKS);
		toks[n].s = s;
		toks[n].len = len;
		n++;
		s += len;
		while (*s == ' ')
			s++;
	}
	return n;
}

#endif
