/*
 * verify_align.h: alignment (src/verify_align.c): each piece aligned
 * word by word against its candidate regions, the pieces chained in
 * source order, the chosen passages re-checked and widened.
 */
#ifndef QUOTH_VERIFY_ALIGN_H
#define QUOTH_VERIFY_ALIGN_H

#include "verify_search.h"

/* Find and align the candidates of piece pi (c->pc[pi].cand). */
void qt_locate_piece(vctx *c, size_t pi);
/* Choose one candidate (or none) per piece: c->pc[i].chosen. */
void qt_chain_pieces(vctx *c);
/* Words of source si in [a, b) that count as cut from the quote, at most
 * `limit`. */
size_t qt_count_gap(vctx *c, size_t si, size_t a, size_t b, size_t anchor,
                    size_t limit);
/* Free every piece's candidates; c->npc becomes 0. */
void qt_free_pieces(vctx *c);
/* Re-check the matches of a chosen alignment on their normal forms. */
void qt_recheck(vctx *c, align *al);
/* Widen a chosen passage over words moved into the quote, within
 * [lo, hi). */
void qt_widen(vctx *c, align *al, size_t lo, size_t hi);

#endif
