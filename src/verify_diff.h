/*
 * verify_diff.h: diff rendering (src/verify_diff.c): the word diff and
 * the passage's words of the span being judged.
 */
#ifndef QUOTH_VERIFY_DIFF_H
#define QUOTH_VERIFY_DIFF_H

#include "verify_ctx.h"

#define GAP_SHOWN 8 /* words cut without an ellipsis shown in a diff */

/* Forget where the last word of each buffer ended (a new span). */
void qt_glue_reset(vctx *c);
/* Quote token qi, as written, with the punctuation after it, to b. */
void qt_quote_tok(vctx *c, qbuf *b, size_t qi);
/* A marker ("…", "[-…-]") to b, spaced, never glued to the next word. */
void qt_put_mark(vctx *c, qbuf *b, const char *mark);
/* Write the pending change block (c->dels, c->inss) to the diff. */
void qt_flush_change(vctx *c);
/* Diff and passage words of one piece's alignment. */
void qt_render_align(vctx *c, const align *al);
/* A piece nothing was found for: all its words are added. */
void qt_render_missing(vctx *c, const piece *p);
/* The n words of source si in [a, b) cut without an ellipsis. */
void qt_render_gap(vctx *c, size_t si, size_t a, size_t b, size_t anchor,
                   size_t n);

#endif
