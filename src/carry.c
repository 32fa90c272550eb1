/*
 * carry.c: attribution, the pass in text order over every quote: each
 * mention that names nobody is resolved (coref.c) against the speaker of
 * the quote before, and a direct quote with no cue continues that
 * speaker ('"A," she said. "B."') when nobody else has become the
 * subject of a clause in between (rule continuation).  Reads quotes,
 * tokens and entities; writes quote entities, speakers and rules.
 */
#include <stdlib.h>
#include <string.h>

#include "attrib_int.h"
#include "tagger.h"

/* How far after a quote a mention may stand and still be the speaker of
 * the cue that follows it in the same sentence: a long sentence's
 * length, so that a bounded window keeps the pass linear. */
#define FOLLOW_MENTION_TOKENS 60

/* Is a person other than `except` named after the quote in the rest of
 * its sentence ('"Wir schaffen das", sagte Anna Berg.')?  Then the quote is
 * theirs in a way quoth did not parse, not a continuation. */
static bool
named_after(const actx *c, const quote *q, int except)
{
	size_t k = q->last_tok + 1, end, m;

	if (k >= c->n || is_break_tok(&c->t[k]) ||
	    c->t[k].sent != c->t[q->last_tok].sent)
		return false;
	/* the rest of the quote's sentence only */
	end = sentence_end(c, k) + 1;
	for (m = qt_first_mention(c, k); m < c->ments.len; m++) {
		const mention_rec *mr = QVEC_AT(&c->ments, mention_rec, m);
		const entity *e;
		if (mr->tok >= end || mr->tok > k + FOLLOW_MENTION_TOKENS)
			break;
		e = ent_at(c, mr->ent);
		if (mr->ent != except && !e->org &&
		    (e->person || strchr(e->name, ' ')))
			return true;
	}
	return false;
}

/* Does a cue follow the quote ('"Q," said 9/11 widow Terry Strada'),
 * even one whose speaker was not understood?  Then it is not a floating
 * quote. */
static bool
cue_follows(const actx *c, const quote *q)
{
	size_t k = q->parts[q->nparts - 1].tok_close;

	size_t m;

	if (k == QUOTH_NONE)
		return false;
	/* a cue within the next words of the sentence, over a speaker
	 * phrase quoth may not understand */
	for (m = k + 1; m < c->n && m < k + 14; m++) {
		/* 'Q." While critics say ...': a new sentence's cue */
		if (c->t[m].sent != c->t[k].sent)
			return false;
		if (qt_cue_at(c, m) >= 0)
			return true;
		if (!is_w(&c->t[m]) && c->t[m].kind != TK_NUM &&
		    !qt_inner_dot(c, m) && !is_p(&c->t[m], ',') &&
		    !qt_apos_mark(c, m))
			return false;
	}
	return false;
}

/*
 * Is the quote introduced in its own paragraph by someone new: a speech
 * verb right before it with its own subject ('the crowd chanted, "Q"',
 * 'Another person tweeted: "Q"'), or a colon after a clause that names
 * someone other than entity `except` ('The board was conclusive in its
 * findings: "Q"')?  Then someone speaks that quoth did not parse, and the
 * quote continues nobody.  ('... and added: "Q"' and 'Then, after a
 * pause: "Q"' name nobody new.)
 */
static bool
cue_precedes(const actx *c, const quote *q, int except)
{
	size_t k = q->parts[0].tok_open, p, s0, m;
	int v;

	if (k == QUOTH_NONE || k == 0 || k >= c->n)
		return false;
	p = k - 1;
	if (c->t[p].para != c->t[k].para)
		return false;
	s0 = sentence_start(c, p);
	if (is_p(&c->t[p], ':') || is_p(&c->t[p], ',')) {
		if (p == 0)
			return false;
		p--;
	}
	v = is_w(&c->t[p]) && !c->inq[p] ? qt_lex(c, LEX_CUES, p, p + 1) : -1;
	if (v >= 0 && (v & CUE_SPEECH)) {
		/* the verb's subject: a word before it, past adverbs */
		size_t j = p;
		while (j > s0 && j + 4 > p && qt_is_filler(c, j - 1))
			j--;
		/* ("upon saying", "before adding": the subject's gerund) */
		return j > s0 && is_w(&c->t[j - 1]) &&
		       !word_is(c, j - 1, W_LINK) && !qt_is_prep(c, j - 1);
	}
	if (!is_p(&c->t[k - 1], ':'))
		return false;
	/* a colon: someone else named, or a role, before it */
	for (m = qt_first_mention(c, s0); m < c->ments.len; m++) {
		const mention_rec *mr = QVEC_AT(&c->ments, mention_rec, m);
		if (mr->tok >= k)
			break;
		if (mr->ent != except)
			return true;
	}
	for (m = s0; m < k && m < s0 + BEFORE_TOKENS; m++)
		if (is_w(&c->t[m]) && !c->inq[m] &&
		    qt_lex(c, LEX_TITLES, m, m + 1) >= 0)
			return true;
	return false;
}

/*
 * Does quote q open the paragraph right after the one where the quote
 * before it (with marks of its own) and its attribution (up to token
 * last_end) end, with no word in between ('... the board statement
 * read.' then a paragraph '"Q."')?
 */
static bool
next_paragraph_quote(const actx *c, const quote *q, const quote *last,
                     size_t last_end)
{
	size_t o = q->parts[0].tok_open, k;

	/* (not after reported speech: "Staff said ..." is anyone) */
	if (last->type == QUOTH_INDIRECT || o == QUOTH_NONE || o >= c->n ||
	    o != para_start_tok(c, o) ||
	    c->t[o].para != c->t[last->last_tok].para + 1)
		return false;
	for (k = last_end; k < o; k++)
		if (c->t[k].kind == TK_WORD || c->t[k].kind == TK_NUM)
			return false;
	return true;
}

/* How far back from a fragment a semicolon after a cue may stand. */
#define SEMICOLON_TOKENS 12

/* A cue at token k that the tagger reads as a verb ('Lund argues', not
 * 'such claims'). */
static bool
cue_verb_at(const actx *c, size_t k)
{
	return qt_cue_at(c, k) >= 0 && qt_pos_at(c, k) == QT_POS_VERB;
}

/*
 * Does fragment q follow a semicolon that closes the attribution of
 * quote last in the same sentence ('Ports grew on trade, Finch writes;
 * such claims "tended to grow."'), with no cue and no other person as a
 * subject between them?  Then it goes on with what last's speaker
 * wrote.
 */
static bool
after_cue_semicolon(const actx *c, const quote *q, const quote *last,
                    int last_ent)
{
	size_t o = q->parts[0].tok_open, s, a;
	const token *t;

	if (o == QUOTH_NONE || o > q->first_tok)
		o = q->first_tok;
	if (!last || (q->type != QUOTH_PARTIAL && q->type != QUOTH_MIXED) ||
	    (q->rule && strcmp(q->rule, "subject") != 0) || o == 0 || o >= c->n)
		return false;
	a = sentence_start(c, o);
	s = o;
	while (s > a && s + SEMICOLON_TOKENS > o && !is_p(&c->t[s - 1], ';')) {
		s--;
		if (c->t[s].kind == TK_QUOTE || cue_verb_at(c, s))
			return false;
	}
	if (s <= a + 1 || !is_p(&c->t[s - 1], ';') || last->last_tok >= s - 1)
		return false;
	/* the cue ('Finch writes;') or the speaker ('writes Finch;') ends
	 * right before the semicolon */
	t = &c->t[s - 2];
	if (t->end != last->cue_end && t->end != last->mention_end)
		return false;
	return !qt_subject_between(c, s, o, last_ent);
}

/*
 * Can quote q continue the speaker of quote last: a direct quote, or a
 * fragment that opens its sentence in the same paragraph ('"A," Lee
 * said. "B" and more words.')?
 */
static bool
continues_type(const actx *c, const quote *q, const quote *last)
{
	if (q->type == QUOTH_DIRECT)
		return true;
	/* (and right after the sentence holding the quote it continues;
	 * not a term: '"Top secret" is the highest level') */
	return q->type == QUOTH_PARTIAL && last &&
	       sentence_start(c, q->first_tok) == q->first_tok &&
	       q->first_tok > 0 &&
	       sentence_start(c, q->first_tok - 1) <= last->last_tok &&
	       c->t[last->last_tok].para == c->t[q->first_tok].para &&
	       qt_words_at_least(c, q->first_tok, q->last_tok, 4);
}

/* Quote q continues quote last: it points at last's mention, and at its
 * cue when q is direct (a fragment keeps no cue: it stays partial, its
 * clause unknown). */
static void
continue_mention(quote *q, const quote *last)
{
	q->mention_start = last->mention_start;
	q->mention_end = last->mention_end;
	if (q->type == QUOTH_DIRECT) {
		q->cue_start = last->cue_start;
		q->cue_end = last->cue_end;
	}
}

/*
 * The speaker of quote q whose cue's subject is a pronoun: "it" (an
 * organisation, the thing spoken of last, a document's issuer), "he" or
 * "she" (by agreement, teaching a gender only from a sure link), "they"
 * (a plural).  1 when q was a pronoun's quote handled here, 0 when it
 * is none ("I", "we"), -1 when out of memory.  last_* are what
 * qt_resolve_in_order() carries: the last speaking entity, its token,
 * quote and end.
 */
static int
pronoun_quote(actx *c, quote *q, const qattr *qa, int last_ent, size_t last_tok,
              const quote *last_q, size_t last_end)
{
	if (qa->sp_kind == SK_PRONOUN && qa->sp_gender == G_THING) {
		q->entity = qt_resolve_it(c, qa->sp_tok, last_ent, last_tok);
		/* "it said": an organisation from now on, never the
		 * "he" of a later quote */
		if (q->entity >= 0)
			QVEC_AT(&c->ents, entity, (size_t)q->entity)->org = true;
		else if (qt_it_is_last_thing(c, last_q, last_end, qa->sp_tok)) {
			if (!qt_copy_speaker(c, q, last_q))
				return -1;
		} else {
			size_t ga, gb;
			if ((qt_resolve_it_org(c, qa->sp_tok, &ga, &gb) ||
			     qt_resolve_it_doc(c, qa->sp_tok, &ga, &gb))) {
				if (!qt_speaker_as_written(c, q, ga, gb))
					return -1;
			} else if (qt_it_issuer(c, qa->sp_tok, &q->entity, &ga,
			                        &gb) == 2 &&
			           !qt_speaker_as_written(c, q, ga, gb))
				return -1; /* "an open letter ... it stated": its
				            * issuer */
		}
	} else if (qa->sp_kind == SK_PRONOUN && qa->sp_gender) {
		q->entity = qt_pronoun_resolve(c, qa->sp_tok, qa->sp_gender,
		                               last_ent, last_tok);
		{
			/* the one person of the pronoun's gender named
			 * just before wins over one of unknown gender
			 * further back */
			int near = qt_pronoun_near_agreeing(c, qa->sp_tok,
			                                    qa->sp_gender);
			if (near >= 0 &&
			    (q->entity < 0 ||
			     ent_at(c, q->entity)->gender != qa->sp_gender))
				q->entity = near;
		}
		/* "Then a farmer stood up.": one described since the last
		 * speaker spoke is newer than that speaker */
		if (q->entity >= 0 && q->entity == last_ent) {
			size_t ga, gb;
			if (qt_pronoun_described_since(c, qa->sp_tok,
			                               qa->sp_gender, last_end,
			                               &ga, &gb)) {
				q->entity = -1;
				if (!qt_speaker_as_written(c, q, ga, gb))
					return -1;
			}
		}
		if (q->entity < 0) {
			/* "A reporter ... called it a mess. 'Q,' he said." */
			size_t ga, gb;
			if (qt_pronoun_described(c, qa->sp_tok, qa->sp_gender,
			                         &ga, &gb)) {
				if (!qt_speaker_as_written(c, q, ga, gb))
					return -1;
			} else if (qt_pronoun_last_described(
			                   c, last_q, last_end, qa->sp_tok,
			                   qa->sp_gender) &&
			           !qt_copy_speaker(c, q, last_q)) {
				return -1; /* '"A," said the woman. "B," she
				            * said.' */
			}
		} else {
			entity *e = QVEC_AT(&c->ents, entity,
			                    (size_t)q->entity);
			/* (a gender only from a sure link; one against the
			 * first name only from the surest) */
			int ng = qt_ent_gender(c, e);
			if (!e->gender &&
			    (!ng || ng == qa->sp_gender ||
			     qt_pronoun_contradicted_sure(c, qa->sp_tok,
			                                  q->entity)) &&
			    qt_pronoun_sure(c, qa->sp_tok, qa->sp_gender,
			                    q->entity))
				e->gender = qa->sp_gender;
		}
	} else if (qa->sp_kind == SK_PRONOUN && !qa->sp_gender &&
	           wordeq(c, qa->sp_tok, "they")) {
		size_t ga, gb;
		int r = 0;
		if (qt_resolve_they_all(c, qa->sp_tok, &ga, &gb)) {
			if (!qt_speaker_as_written(c, q, ga, gb))
				return -1;
		} else if (qt_they_last_group(c, last_q, last_end,
		                              qa->sp_tok)) {
			/* '"A," the groups said. "B," they added.' */
			if (!qt_copy_speaker(c, q, last_q))
				return -1;
		} else if ((r = qt_they_org(c, qa->sp_tok, &q->entity, &ga,
		                            &gb)) == 0) {
			/* "The union met the board. Budgets were cut. 'Q,'
			 * they said." */
			r = qt_they_further(c, qa->sp_tok, &q->entity, &ga,
			                    &gb);
		}
		if (r == 2 && !qt_speaker_as_written(c, q, ga, gb))
			return -1; /* "The union began a campaign. They
			            * posted ..." */
	} else {
		return 0;
	}
	return 1;
}

/*
 * Second pass, in text order, over every quote: pronouns and institution
 * roles are resolved against the speaker of the quote before (direct,
 * mixed or indirect alike); a direct quote with no cue continues that
 * speaker when it is at most two paragraphs on and nobody else has
 * become the subject of a clause in between; gender is learnt from the
 * pronouns that resolved.
 */
void
qt_resolve_in_order(actx *c)
{
	size_t i, last_tok = 0, last_end = 0;
	int last_ent = -1, pr;
	size_t last_para = 0;
	const quote *last_q = NULL, *same;
	bool unresolved = false; /* the last quote with a speaker mention
	                          * found no one: nothing carries past it */

	qt_mark_reported(c);
	for (i = 0; i < c->r->nq; i++) {
		quote *q = &c->r->q[i];
		const qattr *qa = &c->qa[i];

		if (!unresolved &&
		    after_cue_semicolon(c, q, last_q, last_ent)) {
			q->entity = last_ent;
			if (last_ent < 0 && !qt_copy_speaker(c, q, last_q))
				return;
			q->rule = "continuation";
			continue_mention(q, last_q);
		} else if ((pr = pronoun_quote(c, q, qa, last_ent, last_tok,
		                               last_q, last_end)) < 0)
			return;
		else if (pr > 0)
			; /* a pronoun's quote: resolved above */
		else if (qa->sp_fallback) {
			q->entity = last_ent;
			/* "the GOP nominee" is nobody of another party */
			if (q->entity >= 0 && q->mention_end != QUOTH_NONE &&
			    qt_other_party(
			            ent_at(c, q->entity),
			            qt_party_of(c, qa->sp_tok,
			                        qt_tok_of(c, q->mention_end)))) {
				q->entity = -1;
				if (!qt_speaker_as_written(
				            c, q, qa->sp_tok,
				            qt_tok_of(c, q->mention_end)))
					return;
			}
		} else if (qa->sp_kind == SK_NAME && q->entity < 0 &&
		           q->mention_end != QUOTH_NONE && qa->sp_tok < c->n &&
		           (q->entity = qt_short_org_name(
		                    c, qa->sp_tok,
		                    qt_tok_of(c, q->mention_end))) >= 0) {
			/* "Brightwater said", a longer name's short form */
		} else if ((qa->sp_kind == SK_ORG || qa->sp_kind == SK_ROLE) &&
		           q->entity < 0 &&
		           (q->entity = qt_own_document(c, q, last_ent,
		                                        last_tok)) >= 0) {
			/* "her statement read": hers */
		} else if (qa->sp_kind == SK_ORG && q->entity < 0) {
			q->entity = qt_resolve_description(c, q);
			if (q->entity < 0)
				q->entity = qt_doc_author(c, q);
			if (q->entity < 0)
				q->entity = qt_statement_issuer(c, q);
		} else if (qa->sp_kind == SK_ROLE && q->entity < 0) {
			q->entity = qt_named_next(c, q);
			/* ("the officer, Jo Pike,": a person noun types
			 * her) */
			if (q->entity < 0 &&
			    (q->entity = qt_role_by_appositive(c, q)) >= 0)
				QVEC_AT(&c->ents, entity, (size_t)q->entity)
				        ->person = true;
			if (q->entity < 0)
				q->entity = qt_role_of_prev_subject(c, q);
			if (q->entity < 0)
				q->entity = qt_doc_author(c, q);
			if (q->entity < 0)
				q->entity = qt_statement_issuer(c, q);
			/* ("the officials" described before: copied) */
			if (q->entity < 0 &&
			    (same = qt_same_description(c, q)) &&
			    !qt_copy_speaker(c, q, same))
				return;
		} else if (!q->rule && !unresolved &&
		           continues_type(c, q, last_q) && last_q &&
		           last_ent < 0 && last_q->str[QUOTH_FIELD_SPEAKER] &&
		           (c->t[last_q->last_tok].para ==
		                    c->t[q->first_tok].para ||
		            next_paragraph_quote(c, q, last_q, last_end)) &&
		           !cue_follows(c, q) && !cue_precedes(c, q, -1) &&
		           !qt_subject_between(c, last_end, q->first_tok, -1)) {
			/* '"A," the commission said. "B."': a speaker known
			 * only as written carries within its paragraph, and
			 * to a quote paragraph right after it */
			if (!qt_copy_speaker(c, q, last_q))
				return;
			q->rule = "continuation";
			continue_mention(q, last_q);
		} else if (!q->rule && !unresolved &&
		           continues_type(c, q, last_q) && last_ent >= 0 &&
		           q->para <= last_para + 2 && !cue_follows(c, q) &&
		           !cue_precedes(c, q, last_ent) &&
		           !qt_subject_between(c, last_end, q->first_tok,
		                               last_ent) &&
		           !named_after(c, q, last_ent)) {
			q->entity = last_ent;
			q->rule = "continuation";
			/* '"A," she said. "B."', and a quoted paragraph after
			 * it: B's speaker is the mention next to the cue it
			 * continues, which the record points at */
			if (last_q && last_q->mention_start != QUOTH_NONE)
				continue_mention(q, last_q);
		}
		/* a quote in a photo caption or a video's blurb is no
		 * speaker the story goes on with */
		if ((q->entity >= 0 || q->str[QUOTH_FIELD_SPEAKER]) &&
		    !(c->capt && c->capt[c->t[q->first_tok].para])) {
			last_q = q;
			last_ent = q->entity;
			last_tok = qa->sp_kind != SK_NONE ? qa->sp_tok
			                                  : q->first_tok;
			/* past the cue and mention: '"Q," Rally Canada's
			 * Tom Hinderks said' names nobody new */
			last_end = qa->link_end > q->last_tok ? qa->link_end
			                                      : q->last_tok;
			last_para = (size_t)c->t[q->last_tok].para + 1;
			unresolved = false;
		} else if (qa->sp_kind != SK_NONE &&
		           !(c->capt && c->capt[c->t[q->first_tok].para])) {
			/* '"A," she said. "B."' with "she" unresolved: B is
			 * hers, whoever she is, not the speaker before her
			 * (who a later pronoun may still mean) */
			unresolved = true;
		}
	}
}
