/*
 * segment.h: sentences and paragraphs (segment.c), and the accessors of
 * the tables it fills in the token list.
 */
#ifndef QUOTH_SEGMENT_H
#define QUOTH_SEGMENT_H

#include "lexicon.h"
#include "tokens.h"

/* Assign token.sent (sentences never cross paragraphs) and fill the
 * sentence and paragraph tables of tl.  Returns false when out of memory. */
bool qt_segment(const char *text, token_list *tl, const lang_data *ld);

/* First and last token of the sentence of token i (the last is never a
 * TK_PARA), and the first token of its paragraph. */
static inline size_t
sent_first(const token_list *tl, size_t i)
{
	return tl->sfirst[tl->t[i].sent];
}

static inline size_t
sent_last(const token_list *tl, size_t i)
{
	return tl->slast[tl->t[i].sent];
}

static inline size_t
para_first(const token_list *tl, size_t i)
{
	return tl->pfirst[tl->t[i].para];
}

/* The TK_PARA token (or n) that ends the paragraph of token i. */
static inline size_t
para_stop(const token_list *tl, size_t i)
{
	size_t p = tl->t[i].para;

	if (p + 1 < tl->nparas)
		return tl->pfirst[p + 1] - 1;
	return tl->t[tl->n - 1].kind == TK_PARA ? tl->n - 1 : tl->n;
}

#endif
