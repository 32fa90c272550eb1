/*
 * verify_diff.c: diff rendering, verify's fifth stage.
 *
 * Reads the chosen alignments (verify_align.c), the article's text and
 * the sources' text; writes the word diff of a span ("We [-must-]
 * {+should+} act") into c->diff and the passage's own words into
 * c->words.  A quote word is shown as written, a source word with the
 * punctuation glued to it; deleted and inserted runs are gathered in
 * c->dels and c->inss and flushed as one change block.
 */
#include <string.h>

#include "verify_diff.h"

/*
 * Writing words.  A quote word is shown as written, with the punctuation
 * that follows it up to the next word (white space runs become one
 * space), so the diff reads like the quote; a source word with the
 * punctuation glued to it.  Words written without white space between
 * them in their text ("well-known") stay glued.
 */
/* The glue slot of buffer b (the diff, the passage words and the pending
 * change block are written in turns, each keeps its own). */
static struct glue *
glue_of(vctx *c, const qbuf *b)
{
	size_t i;

	for (i = 0; i < QUOTH_ARRAY_LEN(c->glue); i++)
		if (c->glue[i].buf == b)
			return &c->glue[i];
	for (i = 0; i < QUOTH_ARRAY_LEN(c->glue); i++)
		if (!c->glue[i].buf) {
			c->glue[i].buf = b;
			return &c->glue[i];
		}
	return &c->glue[0]; /* cannot happen: four buffers */
}

void
qt_glue_reset(vctx *c)
{
	memset(c->glue, 0, sizeof(c->glue));
}

static void
put_text(vctx *c, qbuf *b, const char *text, size_t s, size_t e,
         const char *next)
{
	struct glue *g = glue_of(c, b);
	size_t i, run;

	if (!(g->at && g->at == text + s) && b->len > 0 &&
	    b->ptr[b->len - 1] != ' ')
		qbuf_putc(b, ' ');
	i = s;
	while (i < e) {
		run = i;
		while (run < e && !qt_is_space(text[run]) && text[run] != '\n')
			run++;
		qbuf_put_utf8(b, text + i, run - i);
		if (run >= e)
			break;
		while (run < e && (qt_is_space(text[run]) || text[run] == '\n'))
			run++;
		qbuf_putc(b, ' ');
		i = run;
	}
	g->at = next;
}

void
qt_quote_tok(vctx *c, qbuf *b, size_t qi)
{
	const char *t = c->text;
	size_t s = c->tok[qi].start, e, full;

	full = qi + 1 < c->ntok ? c->tok[qi + 1].start : c->span_b;
	if (qi == 0) /* an opening mark of a nested quote, say */
		s = qt_skip_space(t, c->span_a, s);
	e = full;
	while (e > c->tok[qi].end &&
	       (qt_is_space(t[e - 1]) || t[e - 1] == '\n'))
		e--;
	put_text(c, b, t, s, e,
	         e == full && qi + 1 < c->ntok ? t + full : NULL);
}

static void
src_word(vctx *c, qbuf *b, size_t g)
{
	const quoth_sources *s = c->s;
	const source *src = &s->src[qt_source_of(s, g)];
	const char *t = src->text;
	size_t e = s->w[g].end, lim;

	lim = g + 1 < src->w0 + src->nw ? s->w[g + 1].start : src->len;
	while (e < lim && !qt_is_space(t[e]) && t[e] != '\n' &&
	       !strchr("[(<{&", t[e]))
		e++;
	put_text(c, b, t, s->w[g].start, e, e == lim ? t + lim : NULL);
}

void
qt_put_mark(vctx *c, qbuf *b, const char *mark)
{
	if (b->len > 0 && b->ptr[b->len - 1] != ' ')
		qbuf_putc(b, ' ');
	qbuf_puts(b, mark);
	glue_of(c, b)->at = NULL;
}

void
qt_flush_change(vctx *c)
{
	if (c->dels.len) {
		qt_put_mark(c, &c->diff, "[-");
		qbuf_put(&c->diff, c->dels.ptr, c->dels.len);
		qbuf_puts(&c->diff, "-]");
	}
	if (c->inss.len) {
		qt_put_mark(c, &c->diff, "{+");
		qbuf_put(&c->diff, c->inss.ptr, c->inss.len);
		qbuf_puts(&c->diff, "+}");
	}
	c->dels.len = 0;
	c->inss.len = 0;
	glue_of(c, &c->dels)->at = NULL;
	glue_of(c, &c->inss)->at = NULL;
}

/* Diff and passage words of one piece's alignment. */
void
qt_render_align(vctx *c, const align *al)
{
	size_t k, n;

	for (k = 0; k < al->nops; k++) {
		const aop *o = &al->ops[k];
		switch (o->op) {
		case OP_MATCH:
			if (c->dels.len || c->inss.len)
				qt_flush_change(c);
			qt_quote_tok(c, &c->diff, o->qi);
			src_word(c, &c->words, o->sw);
			break;
		case OP_CASE:
		case OP_SUB:
			src_word(c, &c->dels, o->sw);
			qt_quote_tok(c, &c->inss, o->qi);
			src_word(c, &c->words, o->sw);
			break;
		case OP_INS:
			qt_quote_tok(c, &c->inss, o->qi);
			break;
		case OP_DEL:
			src_word(c, &c->dels, o->sw);
			src_word(c, &c->words, o->sw);
			break;
		case OP_BRK:
			for (n = 0; n < o->n; n++) {
				src_word(c, &c->dels, o->sw + n);
				src_word(c, &c->words, o->sw + n);
			}
			qt_quote_tok(c, &c->inss, o->qi);
			break;
		default:
			break;
		}
	}
	qt_flush_change(c);
}

/* A piece nothing was found for: all its words are added. */
void
qt_render_missing(vctx *c, const piece *p)
{
	size_t i;

	for (i = p->t0; i < p->t1; i++)
		qt_quote_tok(c, &c->inss, i);
	qt_flush_change(c);
}

/* Show the words of source si in [a, b) that were cut without an
 * ellipsis (a few by name, more as "…"). */
void
qt_render_gap(vctx *c, size_t si, size_t a, size_t b, size_t anchor, size_t n)
{
	const quoth_sources *s = c->s;
	const source *src = &s->src[si];
	size_t at = qt_mark_at(s->turn, src->t0, src->nt, anchor), g, t;

	if (c->dels.len || c->inss.len)
		qt_flush_change(c);
	if (n > GAP_SHOWN) {
		qt_put_mark(c, &c->diff, "[-…-]");
		qt_put_mark(c, &c->words, "…");
		return;
	}
	if (at != QUOTH_NONE && s->turn[at].len == 0)
		at = QUOTH_NONE;
	for (g = a; g < b; g++) {
		if (at != QUOTH_NONE) {
			t = qt_mark_at(s->turn, src->t0, src->nt, g);
			if (t != QUOTH_NONE && s->turn[t].len > 0 &&
			    !qt_label_eq(src, &s->turn[at], &s->turn[t]))
				continue;
		}
		src_word(c, &c->dels, g);
		src_word(c, &c->words, g);
	}
	qt_flush_change(c);
}
