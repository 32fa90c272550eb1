/*
 * time_phrase.h: time phrases between a cue and its clause (time_phrase.c).
 */
#ifndef QUOTH_TIME_PHRASE_H
#define QUOTH_TIME_PHRASE_H

#include "attrib_int.h"

/* Is token k a time word ("Monday", "week", "March", the number of a
 * date after its month)? */
bool qt_time_word(const actx *c, size_t k);
/* The end of a time phrase starting at k ("on Wednesday", "last week",
 * "Sept. 12, 2019", "two days ago"), or k when there is none. */
size_t qt_time_phrase_end(const actx *c, size_t k, size_t se);
/* Past a time phrase at k and its comma, to the clause that follows, or
 * k when what follows is no clause of its own. */
size_t qt_skip_time_phrase(const actx *c, size_t k, size_t se);

#endif
