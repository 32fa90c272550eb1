/*
 * cuepat.h: cuepat.c's own entry points beside lexicon.h's, for the unit
 * tests of its pre-filter (tests/test_patterns.c).
 */
#ifndef QUOTH_CUEPAT_H
#define QUOTH_CUEPAT_H

#include <stdbool.h>
#include <stddef.h>

#include "lexicon.h"

/* May p match s[0..n) from offset `from`?  False only when it cannot:
 * qt_cuepat_match() then answers 0 without running PCRE2. */
bool qt_cuepat_may_match(const cue_pattern *p, const char *s, size_t n,
                         size_t from);
/* qt_cuepat_match() without that test and without the memo of recent
 * matches: what PCRE2 says. */
int qt_cuepat_match_plain(const cue_pattern *p, const char *s, size_t n,
                          size_t from, void *md, size_t *span);

#endif
