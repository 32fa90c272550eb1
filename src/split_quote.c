/*
 * split_quote.c: attribution, a direct quote split by its cue ('"A," he
 * said, "B."'): the second quote joins the first as its next part when
 * the cue clause ends at the comma that opens it.  Called by link.c's
 * linking pass; writes the first quote's parts and marks the second
 * absorbed.
 */
#include "attrib_int.h"

/* Tokens of adverbials between the cue of a split quote and its second
 * part ("told reporters at the White House on Tuesday,"). */
#define SPLIT_GAP_TOKENS 14

/* The commas a split quote's frame may hold before the one that opens
 * the second part: an appositive's two (", the port chief, on Monday,"). */
#define SPLIT_GAP_COMMAS 2

/* The words between a cue clause ending at token a and the comma at
 * token b that opens the next quote: '"A," Trump told reporters at the
 * White House on Tuesday, "B."', '"A," said X, the mayor of Y, "B."',
 * '"A," said X, the mayor, in a statement, "B."'.  b when they are its
 * adverbials or the speaker's appositive (up to SPLIT_GAP_TOKENS tokens
 * in the sentence, no quote, no other cue, no clause punctuation but
 * the appositive's commas), else QUOTH_NONE. */
static size_t
split_gap_end(const actx *c, size_t a, size_t b)
{
	size_t j, commas = 0;

	if (b < a || b - a > SPLIT_GAP_TOKENS || b >= c->n ||
	    !is_p(&c->t[b], ',') || a == 0 || c->t[b].sent != c->t[a - 1].sent)
		return QUOTH_NONE;
	for (j = a; j < b; j++) {
		if (c->inq[j] || c->t[j].kind == TK_QUOTE ||
		    qt_cue_at(c, j) >= 0)
			return QUOTH_NONE;
		/* (an appositive: ", the mayor of Port Elm,") */
		if (is_p(&c->t[j], ',') && ++commas <= SPLIT_GAP_COMMAS)
			continue;
		if (c->t[j].kind == TK_PUNCT && !qt_inner_dot(c, j))
			return QUOTH_NONE;
	}
	return b;
}

/* Split quote: "A," he said, "B.".  Can quote i, linked by L with a cue
 * after it, take quote i + 1 in as its next parts: does the cue clause
 * end at a comma that opens it (adverbials and an appositive between
 * allowed)?  link.c adds the last condition, that quote i + 1 has no
 * cue of its own (only a cue after the quote can split it). */
bool
qt_split_opens_next(const actx *c, size_t i, size_t nq0, const link *L)
{
	const quote *q = &c->r->q[i], *nx;
	size_t j = L->end_tok;

	if (!(i + 1 < nq0 && L->end_tok > q->last_tok && L->end_tok < c->n &&
	      q->type == QUOTH_DIRECT))
		return false;
	nx = &c->r->q[i + 1];
	while (j < c->n && (qt_is_filler(c, j) ||
	                    (is_w(&c->t[j]) && !(c->t[j].flags & TF_CAP) &&
	                     j < L->end_tok + 4 && !is_p(&c->t[j], ','))))
		j++;
	if (j < c->n &&
	    !(is_p(&c->t[j], ',') && nx->parts[0].tok_open == j + 1) &&
	    nx->parts[0].tok_open > 0)
		j = split_gap_end(c, L->end_tok, nx->parts[0].tok_open - 1);
	return j < c->n && is_p(&c->t[j], ',') &&
	       nx->parts[0].tok_open == j + 1 && nx->type == QUOTH_DIRECT &&
	       nx->nparts + q->nparts <= QUOTH_MAX_PARTS;
}

/* Quote i takes quote i + 1's parts and cue words in as its own; quote
 * i + 1 is marked absorbed.  1, or -1 when out of memory (quote i is
 * left as it was). */
int
qt_split_absorb(actx *c, size_t i)
{
	quote *q = &c->r->q[i], *nx = &c->r->q[i + 1];
	qpart *np = qt_xrealloc_array(q->parts, q->nparts + nx->nparts,
	                              sizeof(qpart));
	size_t *nv;

	if (np)
		q->parts = np;
	nv = qt_xrealloc_array(q->verb, 2 * (q->nverb + nx->nverb),
	                       sizeof(size_t));
	if (nv)
		q->verb = nv;
	if (!np || !nv)
		return -1;
	memcpy(q->parts + q->nparts, nx->parts, nx->nparts * sizeof(qpart));
	memcpy(q->verb + 2 * q->nverb, nx->verb,
	       2 * nx->nverb * sizeof(size_t));
	q->nparts += nx->nparts;
	q->nverb += nx->nverb;
	q->last_tok = nx->last_tok;
	c->qa[i + 1].absorbed = true;
	return 1;
}
