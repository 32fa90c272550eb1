/*
 * split.h: where a reported clause ends because a second statement, with
 * its own cue, is joined to it (split.c).
 */
#ifndef QUOTH_SPLIT_H
#define QUOTH_SPLIT_H

#include "attrib_int.h"

/* The last token of the reported clause [k, se] before a second
 * statement joined to it ("..., and she said", "; two engineers said",
 * "and added that", "and she accused"), or se when there is none.
 * *verb (when verb is not NULL): the second statement's verb when it is
 * no cue taking a clause ("accused", "quipped"), else QUOTH_NONE. */
size_t qt_split_clause_end(actx *c, size_t k, size_t se, size_t *verb);

/* Does the clause at k hold a finite verb early on: an auxiliary, a modal
 * or a form of "be" ("the backstop would be", "it was closing")? */
bool qt_has_finite_verb(const actx *c, size_t k, size_t se);

/* Is the cue at m a participle in -ing ("insisting", "adding")? */
bool qt_participle_cue(const actx *c, size_t m);

bool qt_relative_between(const actx *c, size_t a, size_t m);

/* Does "..., SPEAKER CUE." close the sentence [sa, se] after the cue at
 * i ("Holm said A, the Ledger reported.")?  Then the cue at i stands in
 * the closing speaker's report and makes no record of its own. */
bool qt_cue_after_frames(actx *c, size_t i, size_t sa, size_t se);

#endif
