/*
 * cues.h: the cue test (cues.c) the quote stage shares with attribution;
 * attribution's context-reading cue tests are in attrib_int.h.
 */
#ifndef QUOTH_CUES_H
#define QUOTH_CUES_H

#include "lexicon.h"
#include "tokens.h"

bool qt_cue_word(const char *text, const token *t, size_t i,
                 const lang_data *ld, int need);

typedef struct actx actx;
/* Is the verb at v a naming verb whose quote, opening at o, is a name a
 * thing bears ("a group called the "Harbour Friends"")?  (cues_subject.c) */
bool qt_naming_use(const actx *c, size_t v, size_t o);

#endif
