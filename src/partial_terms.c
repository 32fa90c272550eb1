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
#include <stdlib.h>
#include <string.h>

#include "appositive.h"
#include "attrib_int.h"
#include "tagger.h"

static void mixed_after_cue(actx *c);

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

	mixed_after_cue(c);
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

/* Tokens from the cue that governs a fragment to the fragment's opening
 * mark: the object, a listener, an appositive ("called the new law",
 * "accused Ana Ruiz, the port chief, of", "described the families of the
 * town as"). */
#define GOVERN_TOKENS 40

/* The longest reported clause taken around fragments, in tokens: a
 * longer run is a list, not one statement. */
#define CLAUSE_MAX_TOKENS 120

/* May token k stand between a cue and the fragment it governs, or in the
 * clause after the fragment: a word, a number, a comma, an apostrophe,
 * a dot inside a word ("U.S."), a symbol of an amount or a bracket? */
static bool
clause_token(const actx *c, size_t k)
{
	const token *t = &c->t[k];

	if (is_w(t) || t->kind == TK_NUM || qt_apos_mark(c, k))
		return true;
	/* ("U.S. officials", not the stop before a paragraph break) */
	if (qt_inner_dot(c, k))
		return k + 1 < c->n &&
		       (is_w(&c->t[k + 1]) || c->t[k + 1].kind == TK_NUM);
	return t->kind == TK_PUNCT &&
	       (t->cp == ',' || t->cp == '$' || t->cp == '%' || t->cp == '&' ||
	        t->cp == '(' || t->cp == ')' || t->cp == '/');
}

/* Does the word at k end in "ing"? */
static bool
ing_form(const actx *c, size_t k)
{
	const token *t = &c->t[k];

	return is_w(t) && t->end - t->start > 4 &&
	       memcmp(c->text + t->end - 3, "ing", 3) == 0;
}

/* The verb of its own that starts at k ("and said", "but later
 * described"), over adverbs: a past form, a cue or a verb by the tagger
 * that is no participle ("and forcing banks to" goes on with the
 * object); or QUOTH_NONE. */
static size_t
own_verb_at(const actx *c, size_t k, size_t se)
{
	while (k <= se && qt_is_filler(c, k))
		k++;
	if (k > se || !is_w(&c->t[k]) || (c->t[k].flags & TF_CAP))
		return QUOTH_NONE;
	return qt_past_verb(c, k) || qt_cue_at(c, k) >= 0 ||
	                       (qt_pos_at(c, k) == QT_POS_VERB &&
	                        !ing_form(c, k))
	               ? k
	               : QUOTH_NONE;
}

/* Does the clause stop at the comma at k: before "according to", a
 * participle (", noting", ", adding") or a cue (", Lee said")? */
static bool
clause_stops_after_comma(const actx *c, size_t k, size_t se)
{
	size_t w = k + 1;
	const token *t;

	if (w > se || !is_w(&c->t[w]))
		return false;
	t = &c->t[w];
	if (wordeq(c, w, "according") || qt_cue_at(c, w) >= 0)
		return true;
	return !(t->flags & TF_CAP) && qt_pos_at(c, w) == QT_POS_VERB &&
	       ing_form(c, w);
}

/* Does the clause stop at the closing mark cl of a fragment that ends
 * in a comma inside it ('the "king of debt," noting that')? */
static bool
comma_closes(const actx *c, size_t cl, size_t se)
{
	return cl > 0 && is_p(&c->t[cl - 1], ',') &&
	       clause_stops_after_comma(c, cl, se);
}

/* The fragment among quotes [j, nq0) that opens at token k (a partial
 * quote of one part, closed, not absorbed), moving *j on in text order;
 * or QUOTH_NONE. */
static size_t
fragment_at(const actx *c, size_t *j, size_t k)
{
	while (*j < c->nq0 && c->r->q[*j].parts[0].start < c->t[k].start)
		(*j)++;
	if (*j < c->nq0) {
		const quote *p = &c->r->q[*j];
		if (p->type == QUOTH_PARTIAL && !c->qa[*j].absorbed &&
		    p->nparts == 1 && p->parts[0].tok_open == k &&
		    p->parts[0].tok_close != QUOTH_NONE)
			return *j;
	}
	return QUOTH_NONE;
}

/* Does a coordinator or subordinator at k open a clause with a speaker
 * and cue of its own ('"a disaster" and the council called it "a mess"',
 * 'while Ruiz described it as "fine"'): a cue within a few words after a
 * subject word, before any quote mark? */
static bool
opens_other_speaker(const actx *c, size_t k, size_t se)
{
	size_t m;

	if (!(word_is(c, k, W_AND_BUT) || wordeq(c, k, "while") ||
	      wordeq(c, k, "whereas") || wordeq(c, k, "although") ||
	      wordeq(c, k, "though")))
		return false;
	for (m = k + 2; m <= se && m < c->n && m <= k + 6; m++) {
		if (c->t[m].kind == TK_QUOTE || is_p(&c->t[m], ','))
			return false;
		if (qt_cue_at(c, m) >= 0)
			return true;
	}
	return false;
}

/* The last token of the reported clause that holds the fragment closing
 * at cl, in the sentence ending at se: up to its end, another record
 * (occ), another quote than a fragment, a colon, semicolon or dash, a
 * comma before a participle or a cue, "and" or "but" before a verb of
 * its own ('called it "a mess" and said ...'), or a conjunction before
 * another subject and its cue (opens_other_speaker()).  Fragments on the way
 * are its too: *nfrag counts them. */
static size_t
clause_end_after(const actx *c, const uint8_t *occ, size_t i, size_t cl,
                 size_t se, size_t *nfrag)
{
	size_t k = cl + 1, e = cl, j = i + 1, f;

	*nfrag = 0;
	if (comma_closes(c, cl, se))
		return cl;
	while (k <= se && k < c->n && !occ[k]) {
		const token *t = &c->t[k];
		if (t->kind == TK_QUOTE && !qt_apos_mark(c, k)) {
			f = fragment_at(c, &j, k);
			if (f == QUOTH_NONE)
				break;
			(*nfrag)++;
			e = k = c->r->q[f].parts[0].tok_close;
			if (comma_closes(c, k, se))
				break;
			k++;
			continue;
		}
		if (!clause_token(c, k) ||
		    (is_p(t, ',') && clause_stops_after_comma(c, k, se)) ||
		    (word_is(c, k, W_AND_BUT) &&
		     own_verb_at(c, k + 1, se) != QUOTH_NONE) ||
		    opens_other_speaker(c, k, se))
			break;
		e = k++;
	}
	/* (not a comma or a conjunction at the end) */
	while (e > cl && (is_p(&c->t[e], ',') || word_is(c, e, W_AND_BUT) ||
	                  is_p(&c->t[e], '(')))
		e--;
	return e;
}

/* Give quote q (index i) the clause [s, e] as its one part, and the
 * fragments after its own inside it as verbatim spans, which it
 * absorbs.  False when out of memory. */
static bool
take_clause(actx *c, size_t i, size_t s, size_t e, size_t nfrag)
{
	quote *q = &c->r->q[i];
	size_t j = i + 1, k, f, added = 0;

	if (nfrag) {
		size_t *nv = qt_xrealloc_array(q->verb, 2 * (q->nverb + nfrag),
		                               sizeof(size_t));
		if (!nv)
			return false;
		q->verb = nv;
		/* (no more than the room made: nfrag, counted by
		 * clause_end_after() over the same tokens) */
		for (k = q->parts[0].tok_close + 1; k <= e && added < nfrag;
		     k++) {
			if (c->t[k].kind != TK_QUOTE ||
			    (f = fragment_at(c, &j, k)) == QUOTH_NONE)
				continue;
			q->verb[2 * q->nverb] = c->r->q[f].parts[0].vstart;
			q->verb[2 * q->nverb + 1] = c->r->q[f].parts[0].vend;
			q->nverb++;
			added++;
			c->qa[f].absorbed = true;
			k = c->r->q[f].parts[0].tok_close;
		}
	}
	q->parts[0].start = q->parts[0].vstart = c->t[s].start;
	q->parts[0].end = q->parts[0].vend = c->t[e].end;
	q->parts[0].tok_open = q->parts[0].tok_close = QUOTH_NONE;
	q->first_tok = s;
	q->last_tok = e;
	return true;
}

/* The first token of the clause a cue ending at v governs, up to the
 * fragment opening at o: after the cue, or after a verb of its own
 * joined by "and" ('called for talks and expressed "deep concern"'),
 * and after a preposition that ends it ("called for", "boasted of"; not
 * the "to" of an infinitive, 'vowed to "take our fight"'); QUOTH_NONE
 * when what stands between is no object (another record, other
 * punctuation, too long). */
static size_t
governed_start(const actx *c, const uint8_t *occ, size_t v, size_t o)
{
	size_t s = v + 1, k, w;

	if (o <= s || o - s > GOVERN_TOKENS)
		return QUOTH_NONE;
	for (k = s; k < o; k++) {
		if (occ[k] || c->inq[k] || !clause_token(c, k) ||
		    is_p(&c->t[k], '('))
			return QUOTH_NONE;
		if (word_is(c, k, W_AND_BUT) &&
		    (w = own_verb_at(c, k + 1, o - 1)) != QUOTH_NONE)
			s = w + 1;
	}
	if (s >= o)
		return o;
	if (s + 1 < o && qt_pos_at(c, s) == QT_POS_ADP &&
	    qt_pos_at(c, s + 1) != QT_POS_VERB)
		s++;
	return s;
}

/* Words of a short object before a fragment (fragment_stays). */
#define SHORT_OBJECT_WORDS 3

/* Does a fragment opening at o that ends its sentence (se) stay a
 * fragment, its clause from s no more than it: in a sentence that holds
 * a direct quote ('"We are busy," Ann Lee said, adding that the pier
 * would take "a few more weeks."', where the direct quote leads), or
 * after a short object that ends in a preposition or a pronoun ('likened
 * the rules to "..."', 'calling it "..."': the fragment is the
 * statement)? */
static bool
fragment_stays(const actx *c, size_t s, size_t o, size_t se)
{
	int p = qt_pos_at(c, o - 1);

	if (c->dirpre[se + 1] != c->dirpre[sentence_start(c, o)])
		return true;
	return qt_words_in(c, s, o - 1) <= SHORT_OBJECT_WORDS &&
	       (p == QT_POS_ADP || p == QT_POS_PRON);
}

/* Mark in occ the tokens of every record but the fragments that may
 * still take a clause. */
static void
mark_records(const actx *c, uint8_t *occ)
{
	size_t i, k;

	for (i = 0; i < c->r->nq; i++) {
		const quote *q = &c->r->q[i];
		if (i < c->qa_cap && c->qa[i].absorbed)
			continue;
		if (q->type == QUOTH_PARTIAL &&
		    q->parts[0].tok_open != QUOTH_NONE)
			continue;
		for (k = q->first_tok; k <= q->last_tok && k < c->n; k++)
			occ[k] = 1;
	}
}

/*
 * The reported clause around a fragment its cue before governs, where
 * the reported-speech pass found none: 'Lee called the plan "a disaster"
 * for farmers', 'Pike accused the board of "hiding the costs" from
 * residents'.  A partial quote whose cue ends before it in its sentence,
 * with only the cue's object between (words, numbers, commas; no other
 * record, quote or clause punctuation), becomes mixed speech over the
 * clause from after the cue to where the clause ends (clause_end_after),
 * its fragments the verbatim spans.  At the end of the indirect pass.
 */
static void
mixed_after_cue(actx *c)
{
	uint8_t *occ = NULL;
	size_t i;

	for (i = 0; i < c->nq0 && i < c->r->nq; i++) {
		quote *q = &c->r->q[i];
		size_t o, cl, v, s, e, se, nfrag, k;

		if (q->type != QUOTH_PARTIAL || c->qa[i].absorbed ||
		    q->cue_start == QUOTH_NONE || q->nparts != 1 ||
		    q->parts[0].tok_open == QUOTH_NONE ||
		    q->parts[0].tok_close == QUOTH_NONE ||
		    q->cue_end > q->parts[0].start)
			continue;
		o = q->parts[0].tok_open;
		cl = q->parts[0].tok_close;
		v = qt_tok_of(c, q->cue_end);
		if (v == 0 || v > o || v - 1 < sentence_start(c, o))
			continue;
		v--;
		if (!occ) {
			occ = calloc(c->n ? c->n : 1, 1);
			if (!occ) {
				c->failed = true;
				return;
			}
			mark_records(c, occ);
		}
		s = governed_start(c, occ, v, o);
		if (s == QUOTH_NONE)
			continue;
		se = sentence_end(c, cl);
		e = clause_end_after(c, occ, i, cl, se, &nfrag);
		if (e - s > CLAUSE_MAX_TOKENS)
			continue;
		if (e == cl && fragment_stays(c, s, o, se))
			continue;
		if (!take_clause(c, i, s, e, nfrag)) {
			c->failed = true;
			break;
		}
		for (k = s; k <= e; k++)
			occ[k] = 1;
	}
	free(occ);
}
