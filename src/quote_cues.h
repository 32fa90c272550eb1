/*
 * quote_cues.h: is there a speech cue in a quote's sentence, outside the
 * quote?  (quotes.c asks it of each quote it types; quote_cues.c.)
 */
#ifndef QUOTH_QUOTE_CUES_H
#define QUOTH_QUOTE_CUES_H

#include "private.h"

/* The cue-word prefix counts for qt_cue_in_sentence(), made where they are
 * asked for: pre[i] for i in [from, to] only, the stretch of sentences
 * last asked about (most sentences hold no quote and are never counted).
 * Only differences are read, so a stretch starts at any count (and counts
 * made backwards may wrap round: the differences are still exact). */
typedef struct {
	const char *text;
	const token *t;
	size_t n;
	const lang_data *ld;
	size_t *pre;     /* n + 1 entries */
	size_t from, to; /* the stretch counted, empty when from > to */
} cue_counts;

/* Is there a speech cue in the sentence(s) of the quote [qa, qb] (tokens
 * of tl, the list cc was made for), outside it? */
bool qt_cue_in_sentence(const token_list *tl, cue_counts *cc, size_t qa,
                        size_t qb);

#endif
