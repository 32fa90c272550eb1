/*
 * speaker.h: the speaker values that speaker.c, subject.c and link.c all
 * build: no speaker, and a described speaker by its role noun ("the
 * beekeeper", "one resident").  Header-only: each is a few stores.
 */
#ifndef QUOTH_SPEAKER_H
#define QUOTH_SPEAKER_H

#include "attrib_int.h"

/* sp is no speaker. */
static inline void
speaker_none(speaker *sp)
{
	memset(sp, 0, sizeof(*sp));
	sp->ent = -1;
}

/* sp is the described speaker at tokens [a, b), not yet resolved to
 * anyone; returns b. */
static inline size_t
role_speaker(speaker *sp, size_t a, size_t b)
{
	speaker_none(sp);
	sp->a = a;
	sp->b = b;
	sp->kind = SK_ROLE;
	return b;
}

/* Is token k a finite verb after a subject ("gave", "has", "stepped")?
 * (speaker.c) */
bool qt_finite_verb(const actx *c, size_t k);
/* Does a name and its verb follow the comma at i (a clause, no
 * appositive)?  (speaker.c) */
bool qt_name_clause(const actx *c, size_t i);

/* Is the capitalised cue or function word at j a known person's surname
 * ("Read said")?  (speaker.c) */
bool qt_surname_word(actx *c, size_t j);
/* Two people joined by "and" around the speaker phrase sp: sp's span
 * grows over both, ents[] gets them in text order.  (joint.c) */
bool qt_joint_speaker(actx *c, speaker *sp, int ents[2]);
/* Quote q's speaker string, the two names joined by " and ".
 * (joint.c) */
bool qt_joint_speaker_string(actx *c, quote *q, const int ents[2]);

#endif
