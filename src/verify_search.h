/*
 * verify_search.h: candidate search (src/verify_search.c): a verbatim
 * span's tokens and pieces, and where in the sources each piece may
 * stand.
 */
#ifndef QUOTH_VERIFY_SEARCH_H
#define QUOTH_VERIFY_SEARCH_H

#include "verify_ctx.h"

/* Tokens of the article's text[a..b) into c->tok[0..c->ntok). */
void qt_tokenize_span(vctx *c, size_t a, size_t b);
/* Split c->tok into pieces c->pc[0..c->npc). */
void qt_make_pieces(vctx *c);
/* Candidate regions of piece p, best first, in c->cl[0..c->ncl). */
void qt_find_regions(vctx *c, const piece *p);
/* First global word where piece p stands verbatim in one source (on the
 * normal forms), or QUOTH_NONE: the fallback of a bounded search. */
size_t qt_exact_region(vctx *c, const piece *p);

#endif
