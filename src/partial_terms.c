/*
 * partial_terms.c: attribution, the fragments that stay partial.  A
 * quoted fragment that neither a cue nor a speaker claimed and whose
 * words hold no verb by the tagger ("an online "road map"", "the Pacific
 * "Ring of Fire,"", "a plan for a "green corridor"") is a term, a label
 * or a scare quote, which SPEC.md does not report.  A fragment with a
 * verb ("threaten to "diminish the gains"") is someone's wording and
 * stays.  Called at the end of the indirect pass (indirect.c), after
 * mixed speech took the fragments it holds; marks the terms absorbed,
 * so drop_absorbed() removes them.
 */
#include "attrib_int.h"
#include "tagger.h"

/* Does the quote's part [a, b] (tokens inside the marks) hold a verb by
 * the tagger, an auxiliary or a past form, or end a sentence inside the
 * marks ('"Stop."')? */
static bool
fragment_has_verb(const actx *c, size_t a, size_t b)
{
	size_t k;

	for (k = a; k <= b && k < c->n; k++) {
		if (c->t[k].kind == TK_PUNCT &&
		    (c->t[k].cp == '!' || c->t[k].cp == '?'))
			return true;
		if (is_w(&c->t[k]) &&
		    (word_is(c, k, W_AUX) || qt_past_verb(c, k) ||
		     qt_pos_at(c, k) == QT_POS_VERB))
			return true;
	}
	return false;
}

/* Mark absorbed each partial quote among the first nq0 that no cue and
 * no speaker claimed, not absorbed already, one part, whose words hold
 * no verb.  (A fragment linked to a speaker is more often that
 * speaker's wording: 'Finch called it a "grave error."') */
void
qt_drop_partial_terms(actx *c)
{
	size_t i;

	for (i = 0; i < c->nq0 && i < c->r->nq; i++) {
		const quote *q = &c->r->q[i];
		size_t a, b;

		if (q->type != QUOTH_PARTIAL || c->qa[i].absorbed ||
		    q->cue_start != QUOTH_NONE || q->nparts != 1 ||
		    q->entity >= 0 || q->mention_start != QUOTH_NONE ||
		    q->parts[0].tok_open == QUOTH_NONE)
			continue;
		a = q->parts[0].tok_open + 1;
		b = q->parts[0].tok_close != QUOTH_NONE
		            ? q->parts[0].tok_close - 1
		            : q->last_tok;
		if (a > b || fragment_has_verb(c, a, b))
			continue;
		c->qa[i].absorbed = true;
	}
}
