/*
 * appositive.h: what appositive.c shares with the backward subject
 * reading (subject.c): a title in quote marks inside an appositive.
 */
#ifndef QUOTH_APPOSITIVE_H
#define QUOTH_APPOSITIVE_H

#include "attrib_int.h"

/* A title in quote marks opening at token k ("The Salt Road", "Low
 * Tide"): the token of its closing mark, or k when there is none.
 * (appositive.c) */
size_t qt_quoted_title_end(const actx *c, size_t k);
/* The opening mark of a title in quote marks whose closing mark is at
 * token e, inside an appositive after a word or a comma ("author of
 * \"Salt Roads,\""), or e when there is none.  (appositive.c) */
size_t qt_quoted_title_open(const actx *c, size_t e);

#endif
