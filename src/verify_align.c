/*
 * verify_align.c: alignment, verify's fourth stage.
 *
 * Reads a piece of a quote and the candidate regions verify_search.c
 * found for it; writes each candidate's word-level alignment (an edit
 * distance with free ends, computed in a bounded window a small multiple
 * of the piece long), chooses one candidate per piece so that the
 * chosen passages follow each other in one source (chaining), and then
 * refines the chosen passages: the matches re-checked on their real
 * normal forms, the ends widened over words moved into the quote.
 *
 *   candidate regions -> alignments in bounded windows -> pieces
 *   chained in source order -> chosen passages re-checked and widened
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "verify_align.h"

#define CHAIN_BACK 8  /* a piece chains to one of the 8 before it */
#define SLACK_MAX 64  /* extra window words around a region */
#define GAP_SCAN 4096 /* words looked at between two pieces */
#define ADJACENT_MAX                                                           \
	40              /* words a window grows by to take in the
                         * sentences around it (about one sentence) */
#define BRACKET_WORDS 4 /* source words a "[bracket]" may stand for */

static int
cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return (x > y) - (x < y);
}

/*
 * The turn a passage in the window [wa, wb) belongs to: the one with most
 * words of the piece (ties: the turn of `anchor`), so that an interjection
 * inside the passage ("Q: Thank you.") is the other speaker, never the
 * speaker.  QUOTH_NONE when the source has no turns.
 */
static size_t
best_turn(vctx *c, const piece *p, const source *src, size_t wa, size_t wb,
          size_t anchor)
{
	const quoth_sources *s = c->s;
	size_t i, m = 0, t, next, best, nt = 0, k;
	uint32_t *hs;
	struct {
		size_t turn, count;
	} seen[16];

	best = qt_mark_at(s->turn, src->t0, src->nt, anchor);
	if (src->nt == 0)
		return best;
	hs = malloc((p->t1 - p->t0) * sizeof(uint32_t));
	if (!hs) {
		c->nomem = true;
		return best;
	}
	for (i = p->t0; i < p->t1; i++)
		if (c->tok[i].kind == QT_WORD)
			hs[m++] = c->tok[i].hash;
	qsort(hs, m, sizeof(uint32_t), cmp_u32);
	t = qt_mark_at(s->turn, src->t0, src->nt, wa);
	next = t == QUOTH_NONE ? src->t0 : t + 1;
	for (i = wa; i < wb; i++) {
		while (next < src->t0 + src->nt && s->turn[next].word <= i)
			t = next++;
		if (t == QUOTH_NONE ||
		    !bsearch(&s->w[i].hash, hs, m, sizeof(uint32_t), cmp_u32))
			continue;
		for (k = 0; k < nt && seen[k].turn != t; k++)
			;
		if (k == nt) {
			if (nt == sizeof seen / sizeof seen[0])
				continue;
			seen[nt].turn = t;
			seen[nt++].count = 0;
		}
		seen[k].count++;
	}
	free(hs);
	for (k = 0, i = 0; k < nt; k++) {
		if (seen[k].count > i ||
		    (seen[k].count == i && seen[k].turn == best)) {
			i = seen[k].count;
			best = seen[k].turn;
		}
	}
	return best;
}

static void
push_op(vctx *c, int op, size_t qi, size_t sw, size_t n)
{
	aop *o;

	if (!qt_grow((void **)&c->ops, &c->capops, c->nops + 1, sizeof(aop))) {
		c->nomem = true;
		return;
	}
	o = &c->ops[c->nops++];
	o->op = (uint8_t)op;
	o->qi = (uint32_t)qi;
	o->sw = (uint32_t)sw;
	o->n = (uint32_t)n;
}

/*
 * Aligning piece p against the source words [wa, wb) (one source): an
 * edit distance with free start and end in the source ("fitting"
 * alignment) whose costs are the candidate's score turned round.  A
 * candidate scores two points a matched word and loses one for every
 * substituted or dropped source word (measure()); with R quote words,
 * minus the score is 3 x substituted + 2 x added + 1 x dropped - 2R,
 * so those are the costs, and the alignment the table finds is the one
 * that scores best.  With equal costs (1 each) adding eight quote words
 * was cheaper than matching them across nine dropped source words, and
 * "We want a stable harbour, but restoring the quotas ..." against "We
 * want, like our partners, a stable harbour. But we must begin by
 * admitting that restoring the quotas ..." showed the first half as
 * added.  A bracketed insertion stands for up to BRACKET_WORDS source
 * words for free; a word of another speaker's turn (when the anchor's
 * turn has a label) may be skipped for free, so a quote joined across
 * an interjection is whole.
 *
 *   C[0][j] = 0
 *   C[i][j] = min(C[i-1][j-1] + COST_SUB x (q[i] != s[j]),  match / sub
 *                 C[i-1][j] + COST_INS,                      word added
 *                 C[i][j-1] + del[j])                  source word dropped
 *   bracket: C[i][j] = min over k <= BRACKET_WORDS of C[i-1][j-k]
 *
 * align_window() runs the steps below in this order: deletion costs,
 * table, best end, traceback, ops in source order, passage measures.
 */

#define COST_SUB 3 /* a quote word in place of a source word */
#define COST_INS 2 /* a quote word not in the source */
/* dropping a source word costs c->delc[j]: 1, or 0 for another turn's */

/* The table C of R + 1 rows and W + 1 columns, row-major in c->dp. */
#define CELL(i_, j_) C[(i_) * (W + 1) + (j_)]

/*
 * Which window words the quote may leave out for free: c->delc[j] is 0
 * for a word of another speaker's turn (when the passage's own turn, the
 * one best_turn() picks, has a label), else 1.
 */
static void
deletion_costs(vctx *c, const piece *p, const source *src, size_t wa, size_t wb,
               size_t anchor)
{
	const quoth_sources *s = c->s;
	size_t j, anchor_turn, t, next_turn;
	const smark *at = NULL;

	anchor_turn = best_turn(c, p, src, wa, wb, anchor);
	if (anchor_turn != QUOTH_NONE && s->turn[anchor_turn].len > 0)
		at = &s->turn[anchor_turn];
	t = qt_mark_at(s->turn, src->t0, src->nt, wa);
	next_turn = t == QUOTH_NONE ? src->t0 : t + 1;
	for (j = 0; j < wb - wa; j++) {
		while (next_turn < src->t0 + src->nt &&
		       s->turn[next_turn].word <= wa + j)
			t = next_turn++;
		c->delc[j] = 1;
		if (at && t != QUOTH_NONE && s->turn[t].len > 0 &&
		    !qt_label_eq(src, at, &s->turn[t]))
			c->delc[j] = 0;
	}
}

/* Fill the table by the recurrence above: C[i][j] is the cost of the
 * piece's first i tokens ending at window word j. */
static void
fill_table(vctx *c, const piece *p, size_t wa, size_t W)
{
	const quoth_sources *s = c->s;
	size_t R = p->t1 - p->t0, i, j, k;
	uint32_t *C = c->dp, v;

	for (j = 0; j <= W; j++)
		CELL(0, j) = 0;
	for (i = 1; i <= R; i++) {
		const qtok *q = &c->tok[p->t0 + i - 1];
		if (q->kind == QT_BRACKET) {
			for (j = 0; j <= W; j++) {
				v = CELL(i - 1, j);
				for (k = 1; k <= BRACKET_WORDS && k <= j; k++)
					if (CELL(i - 1, j - k) < v)
						v = CELL(i - 1, j - k);
				CELL(i, j) = v;
			}
			continue;
		}
		CELL(i, 0) = CELL(i - 1, 0) + COST_INS;
		for (j = 1; j <= W; j++) {
			uint32_t sub = s->w[wa + j - 1].hash == q->hash
			                       ? 0
			                       : COST_SUB;
			v = CELL(i - 1, j - 1) + sub;
			if (CELL(i - 1, j) + COST_INS < v)
				v = CELL(i - 1, j) + COST_INS;
			if (CELL(i, j - 1) + c->delc[j - 1] < v)
				v = CELL(i, j - 1) + c->delc[j - 1];
			CELL(i, j) = v;
		}
	}
}

/* Where the whole piece ends best: the first column of least cost. */
static size_t
best_end(const uint32_t *C, size_t R, size_t W)
{
	size_t j, endj = 0;
	uint32_t best = CELL(R, 0);

	for (j = 1; j <= W; j++)
		if (CELL(R, j) < best) {
			best = CELL(R, j);
			endj = j;
		}
	return endj;
}

/*
 * Walk back from (R, endj) and push, in reverse source order, the edit
 * each step was: match or substitute first, then a quote word added,
 * then a source word dropped (or skipped, another speaker's).
 */
static void
trace_back(vctx *c, const piece *p, size_t wa, size_t W, size_t endj)
{
	const quoth_sources *s = c->s;
	const uint32_t *C = c->dp;
	size_t i = p->t1 - p->t0, j = endj, k;

	c->nops = 0;
	while (i > 0 && !c->nomem) {
		size_t qi = p->t0 + i - 1;
		const qtok *q = &c->tok[qi];
		if (q->kind == QT_BRACKET) {
			for (k = 0; k <= BRACKET_WORDS && k <= j; k++)
				if (CELL(i - 1, j - k) == CELL(i, j))
					break;
			if (k > j || k > BRACKET_WORDS)
				k = 0; /* cannot happen: the fill took one of these */
			push_op(c, OP_BRK, qi, wa + j - k, k);
			j -= k;
			i--;
			continue;
		}
		if (j > 0) {
			uint32_t sub = s->w[wa + j - 1].hash == q->hash
			                       ? 0
			                       : COST_SUB;
			if (CELL(i, j) == CELL(i - 1, j - 1) + sub) {
				push_op(c, sub ? OP_SUB : OP_MATCH, qi,
				        wa + j - 1, 0);
				i--;
				j--;
				continue;
			}
		}
		if (CELL(i, j) == CELL(i - 1, j) + COST_INS) {
			push_op(c, OP_INS, qi, 0, 0);
			i--;
			continue;
		}
		push_op(c, c->delc[j - 1] ? OP_DEL : OP_SKIP, 0, wa + j - 1, 0);
		j--;
	}
}

#undef CELL

/* The traced ops into out->ops in source order; skipped words at either
 * end are no part of the passage. */
static void
keep_ops(vctx *c, align *out)
{
	size_t k, lo = 0, hi = c->nops;

	while (hi > lo && c->ops[lo].op == OP_SKIP)
		lo++;
	while (hi > lo && c->ops[hi - 1].op == OP_SKIP)
		hi--;
	out->nops = hi - lo;
	out->ops = malloc((out->nops ? out->nops : 1) * sizeof(aop));
	if (!out->ops) {
		c->nomem = true;
		return;
	}
	for (k = 0; k < out->nops; k++)
		out->ops[k] = c->ops[hi - 1 - k];
}

/*
 * The passage the ops cover ([out->a, out->b)), the quote words matched
 * and the passage words that count, the word whose turn names the
 * speaker (that of the first match) and the score: two points a match,
 * minus one for every other word that counts.
 */
static void
measure(align *out)
{
	size_t k;

	for (k = 0; k < out->nops; k++) {
		const aop *o = &out->ops[k];
		size_t first = QUOTH_NONE, last = 0;
		switch (o->op) {
		case OP_MATCH:
			out->matched++;
			out->pw++;
			first = last = o->sw;
			break;
		case OP_SUB:
		case OP_DEL:
			out->pw++;
			first = last = o->sw;
			break;
		case OP_BRK:
			if (o->n > 0) {
				first = o->sw;
				last = o->sw + o->n - 1;
			}
			break;
		default:
			break;
		}
		if (first != QUOTH_NONE) {
			if (out->a == QUOTH_NONE)
				out->a = first;
			out->b = last + 1;
		}
	}
	if (out->a == QUOTH_NONE) {
		out->a = out->b = 0;
		out->matched = 0;
	} else {
		/* the turn of the first matched word names the speaker */
		for (k = 0; k < out->nops; k++)
			if (out->ops[k].op == OP_MATCH) {
				out->anchor = out->ops[k].sw;
				break;
			}
	}
	out->score = 2 * (long)out->matched - (long)(out->pw - out->matched);
}

/* Align piece p against the words [wa, wb) of source si into *out (its
 * ops owned by *out; nothing on a failure, which sets c->nomem). */
static void
align_window(vctx *c, const piece *p, size_t si, size_t wa, size_t wb,
             size_t anchor, align *out)
{
	const source *src = &c->s->src[si];
	size_t R = p->t1 - p->t0, W = wb - wa, cells;

	memset(out, 0, sizeof(*out));
	if (W == 0)
		return;
	if (!size_add(R, 1, &cells) || !size_mul(cells, W + 1, &cells) ||
	    !qt_grow((void **)&c->dp, &c->capdp, cells, sizeof(uint32_t)) ||
	    !qt_grow((void **)&c->delc, &c->capdelc, W, 1)) {
		c->nomem = true;
		return;
	}
	deletion_costs(c, p, src, wa, wb, anchor);
	fill_table(c, p, wa, W);
	trace_back(c, p, wa, W, best_end(c->dp, R, W));
	if (c->nomem)
		return;
	keep_ops(c, out);
	if (c->nomem)
		return;
	out->src = si;
	out->a = QUOTH_NONE;
	out->b = 0;
	out->anchor = anchor;
	measure(out);
}

static void
align_free(align *a)
{
	free(a->ops);
	a->ops = NULL;
	a->nops = 0;
}

/* Keep alignment `al` as a candidate of p unless it repeats one. */
static void
add_candidate(piece *p, align *al)
{
	size_t l;

	if (al->matched == 0 || p->ncand >= NCAND_MAX) {
		align_free(al);
		return;
	}
	for (l = 0; l < p->ncand; l++)
		if (p->cand[l].src == al->src && p->cand[l].a == al->a &&
		    p->cand[l].b == al->b) {
			align_free(al);
			return;
		}
	p->cand[p->ncand++] = *al;
}

/*
 * Finding and aligning the candidates of a piece, in this order: the
 * text right after each candidate of the previous piece (so that a
 * sentence or an ellipsis piece made of common words is still found
 * where it continues the quote), the regions the index votes for, and,
 * when none of those holds the piece perfectly, the place where it
 * stands verbatim (qt_exact_region()).
 */

/* Extra window words around a region: a quarter of the piece, more for
 * its brackets, which stand for words the quote does not show. */
static size_t
window_slack(const vctx *c, const piece *p)
{
	size_t k, slack = 4 + p->nwords / 4;

	for (k = 0; k < p->t1 - p->t0 && slack < SLACK_MAX; k++)
		if (c->tok[p->t0 + k].kind == QT_BRACKET)
			slack += 4;
	return slack;
}

/* Candidates of piece pi right after those of piece pi - 1. */
static void
align_after_previous(vctx *c, size_t pi, size_t slack)
{
	const quoth_sources *s = c->s;
	piece *p = &c->pc[pi];
	const piece *q = &c->pc[pi - 1];
	size_t k, m = p->nwords, wa, wb;
	/* an ellipsis may cut a paragraph or two: look that far for
	 * the next piece, which may be a word or two found anywhere */
	size_t reach = m + slack + (p->before == B_ELLIPSIS ? 2 * m + 400 : 8);
	align al;

	for (k = 0; k < q->ncand && !c->nomem; k++) {
		const source *src = &s->src[q->cand[k].src];
		wa = q->cand[k].b;
		wb = wa + reach;
		if (wb > src->w0 + src->nw)
			wb = src->w0 + src->nw;
		if (wb <= wa)
			continue;
		align_window(c, p, q->cand[k].src, wa, wb, q->cand[k].anchor,
		             &al);
		if (!c->nomem)
			add_candidate(p, &al);
		else
			align_free(&al);
	}
}

/*
 * Widen the window [*wa, *wb) of source src to the start of the sentence
 * before the one it starts in and to the end of the sentence after the
 * one it ends in, at most ADJACENT_MAX words each way: a journalist who
 * joins two adjacent sentences ("... district, but restoring ...")
 * quotes both, and the passage must be aligned against both, whichever
 * half the votes placed.
 */
static void
widen_to_sentences(const vctx *c, const source *src, size_t *wa, size_t *wb)
{
	const sword *w = c->s->w;
	size_t lo = src->w0, hi = src->w0 + src->nw, g, stops;

	for (g = *wa, stops = 0; g > lo && *wa - g < ADJACENT_MAX; g--)
		if (qt_sentence_end(src->text, w[g - 1].end, w[g].start) &&
		    ++stops == 2)
			break;
	*wa = g;
	for (g = *wb, stops = 0; g < hi && g - *wb < ADJACENT_MAX; g++)
		if (qt_sentence_end(src->text, w[g - 1].end, w[g].start) &&
		    ++stops == 2)
			break;
	*wb = g;
}

/* Candidates of piece p in the regions c->cl[0..c->ncl) voted for. */
static void
align_regions(vctx *c, piece *p, size_t slack)
{
	const quoth_sources *s = c->s;
	size_t k, m = p->nwords, si, wa, wb, maxw;
	int64_t lo, hi, mid;
	align al;

	for (k = 0; k < c->ncl && !c->nomem; k++) {
		const cluster *cl = &c->cl[k];
		const source *src;
		mid = cl->best + (int64_t)m / 2;
		if (mid < 0)
			mid = 0;
		if (mid >= (int64_t)s->nw)
			mid = (int64_t)s->nw - 1;
		si = qt_source_of(s, (size_t)mid);
		src = &s->src[si];
		lo = cl->lo - (int64_t)slack;
		hi = cl->hi + (int64_t)m + (int64_t)slack;
		if (lo < (int64_t)src->w0)
			lo = (int64_t)src->w0;
		if (hi > (int64_t)(src->w0 + src->nw))
			hi = (int64_t)(src->w0 + src->nw);
		if (hi <= lo)
			continue;
		wa = (size_t)lo;
		wb = (size_t)hi;
		maxw = 3 * m + 64;
		if (wb - wa > maxw) {
			/* centre the window on the best diagonal */
			size_t centre = (size_t)mid;
			wa = centre > wa + maxw / 2 ? centre - maxw / 2 : wa;
			if (wa + maxw < wb)
				wb = wa + maxw;
		}
		widen_to_sentences(c, src, &wa, &wb);
		align_window(c, p, si, wa, wb, (size_t)mid, &al);
		if (c->nomem) {
			align_free(&al);
			return;
		}
		add_candidate(p, &al);
	}
}

/* Whether a candidate holds every word of p, none changed or added. */
static bool
has_perfect(const piece *p)
{
	size_t k;

	for (k = 0; k < p->ncand; k++)
		if (p->cand[k].matched == p->nwords &&
		    p->cand[k].pw == p->nwords)
			return true;
	return false;
}

/* The place where p stands verbatim, as a candidate; it takes the slot of
 * the lowest-scoring candidate when all are taken. */
static void
align_exact(vctx *c, piece *p)
{
	size_t g = qt_exact_region(c, p), k, worst = 0;
	align al;

	if (g == QUOTH_NONE || c->nomem)
		return;
	align_window(c, p, qt_source_of(c->s, g), g, g + p->nwords, g, &al);
	if (c->nomem) {
		align_free(&al);
		return;
	}
	if (p->ncand >= NCAND_MAX) {
		for (k = 1; k < p->ncand; k++)
			if (p->cand[k].score < p->cand[worst].score)
				worst = k;
		align_free(&p->cand[worst]);
		p->cand[worst] = p->cand[--p->ncand];
	}
	add_candidate(p, &al);
}

/* Find and align the candidates of piece pi. */
void
qt_locate_piece(vctx *c, size_t pi)
{
	piece *p = &c->pc[pi];
	size_t slack;

	qt_find_regions(c, p);
	if (c->nomem)
		return;
	slack = window_slack(c, p);
	if (pi > 0)
		align_after_previous(c, pi, slack);
	align_regions(c, p, slack);
	if (!c->nomem && !has_perfect(p))
		align_exact(c, p);
}

/* ---- chaining pieces ---------------------------------------------------- */

/*
 * Words of source si in [a, b) that count as cut from the quote: those of
 * other speakers' turns (when the anchor's turn has a label) do not.
 * Counting stops at `limit`.
 */
size_t
qt_count_gap(vctx *c, size_t si, size_t a, size_t b, size_t anchor,
             size_t limit)
{
	const quoth_sources *s = c->s;
	const source *src = &s->src[si];
	size_t at = qt_mark_at(s->turn, src->t0, src->nt, anchor), t, g, n = 0;

	if (at != QUOTH_NONE && s->turn[at].len == 0)
		at = QUOTH_NONE;
	if (b - a > GAP_SCAN)
		return limit; /* far apart: a long cut, whoever spoke */
	for (g = a; g < b && n < limit; g++) {
		if (at != QUOTH_NONE) {
			t = qt_mark_at(s->turn, src->t0, src->nt, g);
			if (t != QUOTH_NONE && s->turn[t].len > 0 &&
			    !qt_label_eq(src, &s->turn[at], &s->turn[t]))
				continue;
		}
		n++;
	}
	return n;
}

/*
 * Choose one candidate (or none) per piece so that the chosen passages lie
 * in one source, in the quote's order, maximising the summed scores.
 * best[i][k] = score(cand k of piece i) + the best compatible chain before.
 */
void
qt_chain_pieces(vctx *c)
{
	size_t P = c->npc, i, k, i2, k2, need, bi = 0, bk = 0;
	long top = 0, v;
	bool any = false;

	for (i = 0; i < P; i++)
		c->pc[i].chosen = -1;
	if (!size_mul(P, NCAND_MAX, &need) ||
	    !qt_grow((void **)&c->chain, &c->capchain, need,
	             sizeof(struct chain_cell))) {
		c->nomem = true;
		return;
	}
	for (i = 0; i < P; i++) {
		for (k = 0; k < c->pc[i].ncand; k++) {
			const align *x = &c->pc[i].cand[k];
			long b0 = x->score;
			int pi = -1, pk = -1;
			/* bounded look-back keeps a quote of a thousand
			 * short sentences linear */
			for (i2 = i > CHAIN_BACK ? i - CHAIN_BACK : 0; i2 < i;
			     i2++)
				for (k2 = 0; k2 < c->pc[i2].ncand; k2++) {
					const align *y = &c->pc[i2].cand[k2];
					if (y->src != x->src)
						continue;
					v = c->chain[i2 * NCAND_MAX + k2].best +
					    x->score;
					/* pieces in another order than the source's
					 * (sentences swapped): allowed, at a cost */
					if (x->a < y->b) {
						if (x->b > y->a)
							continue; /* overlapping */
						v -= 4;
					}
					/* sentences that follow each other in the
					 * source beat the same words elsewhere */
					if (i2 + 1 == i &&
					    c->pc[i].before == B_JOIN &&
					    x->a >= y->b)
						v += qt_count_gap(c, x->src,
						                  y->b, x->a,
						                  y->anchor,
						                  1) == 0
						             ? 2
						             : -2;
					if (v > b0) {
						b0 = v;
						pi = (int)i2;
						pk = (int)k2;
					}
				}
			c->chain[i * NCAND_MAX + k].best = b0;
			c->chain[i * NCAND_MAX + k].pi = pi;
			c->chain[i * NCAND_MAX + k].pk = pk;
			if (!any || b0 > top) {
				any = true;
				top = b0;
				bi = i;
				bk = k;
			}
		}
	}
	if (!any)
		return;
	for (;;) {
		int pi, pk;
		c->pc[bi].chosen = (int)bk;
		pi = c->chain[bi * NCAND_MAX + bk].pi;
		pk = c->chain[bi * NCAND_MAX + bk].pk;
		if (pi < 0)
			break;
		bi = (size_t)pi;
		bk = (size_t)pk;
	}
}

void
qt_free_pieces(vctx *c)
{
	size_t i, k;

	for (i = 0; i < c->npc; i++)
		for (k = 0; k < c->pc[i].ncand; k++)
			align_free(&c->pc[i].cand[k]);
	c->npc = 0;
}

/* ---- the chosen passages ------------------------------------------------ */

/* Same word apart from the case of its first letter. */
static bool
same_but_first(const char *a, size_t an, const char *b, size_t bn)
{
	size_t n1, n2;
	int32_t x, y;

	if (an == 0 || bn == 0)
		return false;
	x = qt_decode(a, an, 0, &n1);
	y = qt_decode(b, bn, 0, &n2);
	if (x < 0 || y < 0 || utf8proc_tolower(x) != utf8proc_tolower(y))
		return false;
	return an - n1 == bn - n2 && memcmp(a + n1, b + n2, an - n1) == 0;
}

/* Whether source word g starts a sentence (or its source). */
static bool
source_sentence_start(const vctx *c, const source *src, size_t g)
{
	const sword *w = c->s->w;

	return g == src->w0 ||
	       qt_sentence_end(src->text, w[g - 1].end, w[g].start);
}

/* Re-check the matches of a chosen alignment on their normal forms: the
 * case (OP_CASE) and, should two words share a hash, the word (OP_SUB). */
void
qt_recheck(vctx *c, align *al)
{
	const quoth_sources *s = c->s;
	const source *src = &s->src[al->src];
	size_t k, qn, sn;
	const char *qf, *sf;

	for (k = 0; k < al->nops; k++) {
		aop *o = &al->ops[k];
		const qtok *q;
		const sword *w;
		if (o->op != OP_MATCH)
			continue;
		q = &c->tok[o->qi];
		w = &s->w[o->sw];
		qf = qt_norm_word(&c->nb1, c->text + q->start,
		                  q->end - q->start, true, &qn);
		sf = qt_norm_word(&c->nb2, src->text + w->start,
		                  w->end - w->start, true, &sn);
		if (qn != sn || memcmp(qf, sf, qn) != 0) {
			o->op = OP_SUB;
			al->matched--;
			continue;
		}
		if (src->caseless || (q->flags & QF_BRACKETED))
			continue;
		qf = qt_norm_word(&c->nb1, c->text + q->start,
		                  q->end - q->start, false, &qn);
		sf = qt_norm_word(&c->nb2, src->text + w->start,
		                  w->end - w->start, false, &sn);
		if (qn == sn && memcmp(qf, sf, qn) == 0)
			continue;
		/* the first letter is free at a sentence start on either
		 * side: "..., but restoring" for "... district. But we" */
		if (((q->flags & QF_FIRST) ||
		     source_sentence_start(c, src, o->sw)) &&
		    same_but_first(qf, qn, sf, sn))
			continue;
		o->op = OP_CASE;
	}
}

static bool
insert_ops(vctx *c, align *al, size_t at, const aop *ops, size_t n)
{
	aop *p;
	size_t total;

	if (!size_add(al->nops, n, &total) ||
	    !(p = realloc(al->ops, (total ? total : 1) * sizeof(aop)))) {
		c->nomem = true;
		return false;
	}
	memmove(p + at + n, p + at, (al->nops - at) * sizeof(aop));
	memcpy(p + at, ops, n * sizeof(aop));
	al->ops = p;
	al->nops = total;
	return true;
}

/* Whether source words g and g + 1 are in one turn, no sentence between. */
static bool
same_breath(vctx *c, const source *src, size_t g)
{
	const quoth_sources *s = c->s;
	size_t t1 = qt_mark_at(s->turn, src->t0, src->nt, g);
	size_t t2 = qt_mark_at(s->turn, src->t0, src->nt, g + 1);

	return t1 == t2 &&
	       !qt_sentence_end(src->text, s->w[g].end, s->w[g + 1].start);
}

/*
 * The alignment starts and ends freely, so a word moved from just before
 * the passage into the quote ("Frankly, the people" -> "the people,
 * frankly,") shows only as added, and a leading "[The ministry]" seems to
 * replace nothing.  Widen the passage over such words, at most three on
 * each side and never past [lo, hi), so the diff shows what moved and
 * what the bracket stands for.
 */
void
qt_widen(vctx *c, align *al, size_t lo, size_t hi)
{
	const quoth_sources *s = c->s;
	const source *src = &s->src[al->src];
	size_t k, g, d, n;
	aop add[3];

	if (al->nops == 0 || c->nomem)
		return;
	/* a leading bracket stands for the word before, in the same
	 * sentence of the same turn */
	if (al->ops[0].op == OP_BRK && al->ops[0].n == 0 && al->a > lo &&
	    al->a > src->w0 && same_breath(c, src, al->a - 1)) {
		al->a--;
		al->ops[0].sw = (uint32_t)al->a;
		al->ops[0].n = 1;
	}
	for (k = 0; k < al->nops; k++) {
		const aop *o = &al->ops[k];
		uint32_t h;
		bool moved = false;
		if (o->op != OP_INS)
			continue;
		h = c->tok[o->qi].hash;
		for (d = 1; d <= 3 && !moved; d++) {
			if (al->a < lo + d || al->a < src->w0 + d ||
			    !same_breath(c, src, al->a - d))
				break;
			g = al->a - d;
			if (s->w[g].hash != h)
				continue;
			for (n = 0; n < d; n++) {
				add[n].op = OP_DEL;
				add[n].qi = 0;
				add[n].sw = (uint32_t)(g + n);
				add[n].n = 0;
			}
			if (!insert_ops(c, al, 0, add, d))
				return;
			al->a = g;
			al->pw += d;
			k += d;
			moved = true;
		}
		if (moved)
			continue;
		for (d = 0; d < 3; d++) {
			g = al->b + d;
			if (g >= hi || g >= src->w0 + src->nw ||
			    !same_breath(c, src, g - 1))
				break;
			if (s->w[g].hash != h)
				continue;
			for (n = 0; n <= d; n++) {
				add[n].op = OP_DEL;
				add[n].qi = 0;
				add[n].sw = (uint32_t)(al->b + n);
				add[n].n = 0;
			}
			if (!insert_ops(c, al, al->nops, add, d + 1))
				return;
			al->b = g + 1;
			al->pw += d + 1;
			break;
		}
	}
	/* Words added at either end in place of the speaker's words in the
	 * same sentence ("Europe must" -> "Ukraine must"): substitutions,
	 * so the diff names the word replaced. */
	for (k = 0; k < al->nops && al->ops[k].op == OP_INS; k++)
		;
	while (k-- > 0 && al->a > lo && al->a > src->w0 &&
	       same_breath(c, src, al->a - 1)) {
		al->ops[k].op = OP_SUB;
		al->ops[k].sw = (uint32_t)--al->a;
		al->pw++;
	}
	for (k = al->nops; k > 0 && al->ops[k - 1].op == OP_INS; k--)
		;
	for (; k < al->nops && al->b < hi && al->b < src->w0 + src->nw &&
	       same_breath(c, src, al->b - 1);
	     k++) {
		al->ops[k].op = OP_SUB;
		al->ops[k].sw = (uint32_t)al->b++;
		al->pw++;
	}
}
