/*
 * partial_terms.c: attribution, what becomes of the quoted fragments
 * after linking.  A fragment its cue after claims, ending a clause of the
 * writer's sentence, makes that clause mixed speech
 * (qt_mixed_from_fragment, before the indirect pass).  A
 * quoted fragment that neither a cue nor a speaker claimed and whose
 * words hold no verb by the tagger ("an online "road map"", "the Pacific
 * "Ring of Fire,"", "a plan for a "green corridor"") is a term, a label
 * or a scare quote, which SPEC.md does not report.  A fragment with a
 * verb ("threaten to "diminish the gains"") is someone's wording and
 * stays.  Called at the end of the indirect pass (indirect.c), after
 * mixed speech took the fragments it holds; marks the terms absorbed,
 * so drop_absorbed() removes them.
 */
#include "appositive.h"
#include "attrib_int.h"
#include "tagger.h"

/* Does the quote's part [a, b] (tokens inside the marks) hold a verb by
 * the tagger, an auxiliary or a past form, a first or second person
 * pronoun, or a '!' or '?'? */
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
		/* a first or second person ("the longest of our lives",
		 * "you people") is someone talking */
		if (is_w(&c->t[k])) {
			int pv = qt_lex(c, LEX_PRONOUNS, k, k + 1);
			if (pv >= 0 && (pv & PRON_FIRST_SECOND))
				return true;
		}
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

/* Words of the writer's clause before a fragment that a cue after it
 * claims: fewer is a lead-in ("Then, "), not a reported clause. */
#define CLAUSE_BEFORE_WORDS 3

/* Does the fragment [o, cl] (its marks) end its clause: a comma inside
 * the closing mark or right after it ('"...sleeping car porters,"
 * Foster writes'), and no "as" after it? */
static bool
ends_at_comma(const actx *c, size_t cl)
{
	size_t w = cl + 1;

	if (w < c->n && is_p(&c->t[w], ','))
		w++;
	else if (!(cl > 0 && is_p(&c->t[cl - 1], ',')))
		return false;
	/* (not '"...," as Lee put it': the writer's clause, hedged) */
	return w < c->n && !wordeq(c, w, "as");
}

/* Is the fragment [o, cl] a title in quote marks inside the appositive
 * of the subject of the cue right after it ("Ana Ruiz, who wrote \"Salt
 * Roads,\" said the dock would close"): part of the subject phrase,
 * nobody's words, and the cue is the subject's? */
static bool
title_in_subject(actx *c, size_t o, size_t cl, size_t cue_start)
{
	speaker sp;
	size_t me, cue = cl + 1;

	if (cue >= c->n || c->t[cue].start != cue_start ||
	    qt_quoted_title_open(c, cl) != o)
		return false;
	return qt_subject_before(c, cue, &sp, &me, -1) && sp.b < o;
}

/* The reported clause a fragment ends: 'A bitter joke was that porters
 * were "sleepy car porters," Lund writes.'  A partial quote that its cue
 * after it claims ('"...," Lund writes'), opening after at least three
 * words of its sentence that hold no other quote and no reported speech,
 * and ending at a comma, reports the whole clause: it becomes mixed
 * speech from the sentence start, the fragment its verbatim words.
 * Before the indirect pass, which then leaves the clause alone. */
void
qt_mixed_from_fragment(actx *c, uint8_t *used)
{
	size_t i, k;

	for (i = 0; i < c->nq0 && i < c->r->nq; i++) {
		quote *q = &c->r->q[i];
		size_t o, cl, sa;

		if (q->type != QUOTH_PARTIAL || c->qa[i].absorbed ||
		    q->cue_start == QUOTH_NONE || q->nparts != 1 ||
		    q->cue_start < q->parts[0].end)
			continue;
		o = q->parts[0].tok_open;
		cl = q->parts[0].tok_close;
		if (o == QUOTH_NONE || cl == QUOTH_NONE)
			continue;
		if (title_in_subject(c, o, cl, q->cue_start)) {
			c->qa[i].absorbed = true;
			continue;
		}
		if (!ends_at_comma(c, cl))
			continue;
		sa = sentence_start(c, o);
		if (sa >= o || qt_words_in(c, sa, o - 1) < CLAUSE_BEFORE_WORDS)
			continue;
		for (k = sa; k < o; k++)
			if (c->inq[k] || used[k] || c->t[k].kind == TK_QUOTE)
				break;
		if (k < o)
			continue;
		for (k = sa; k <= cl; k++)
			used[k] = 1;
		q->parts[0].start = q->parts[0].vstart = c->t[sa].start;
		q->parts[0].vend = q->parts[0].end;
		q->parts[0].tok_open = q->parts[0].tok_close = QUOTH_NONE;
		q->first_tok = sa;
	}
}
