/*
 * indirect_clause.c: for the reported-speech pass (indirect.c), who the
 * subject of a cue is and where its reported clause ends:
 *  - the cue's subject (qt_cue_subject()): the subject before it, the
 *    sentence's subject of a participle or a joined verb, a described
 *    group, or the person a relative "who" names ("Ada Finch, who said
 *    she backs the plan,");
 *  - where a clause inside the writer's sentence ends: at a relative's
 *    comma (qt_who_clause_end()), at a subordinate clause's comma or
 *    before a comparison or participle the writer adds
 *    (qt_framed_clause_end());
 *  - the short lead: "Still, he said, officials have to decide"
 *    (qt_short_lead_clause());
 *  - whether a span is a clause at all (qt_clause_has_verb(),
 *    qt_two_word_clause()).
 * Reads tokens, the tagger and the speaker parser; adds no quote.
 */
#include <string.h>

#include "attrib_int.h"
#include "split.h"
#include "tagger.h"

/* Is [a, b] a two-word clause, a subject and its verb by the tagger
 * ("prices fell", "talks failed"), with only punctuation after it? */
bool
qt_two_word_clause(const actx *c, size_t a, size_t b)
{
	int p0, p1;
	size_t k;

	if (a + 1 > b || !is_w(&c->t[a]) || !is_w(&c->t[a + 1]) || c->inq[a] ||
	    c->inq[a + 1] || word_is(c, a + 1, W_AUX))
		return false;
	for (k = a + 2; k <= b; k++)
		if (c->t[k].kind != TK_PUNCT)
			return false;
	p0 = qt_pos_at(c, a);
	p1 = qt_pos_at(c, a + 1);
	return (p0 == QT_POS_NOUN || p0 == QT_POS_PROPN) && p1 == QT_POS_VERB;
}

/* A run this long is a clause even when the tagger finds no verb in it
 * ("sales account for about 10 per cent of the profits": "account" read
 * as a noun); a cue's object or setting is shorter. */
#define VERBLESS_CLAUSE_WORDS 10

/* Does [a, b] hold a verb by the tagger?  Reported speech is a clause;
 * a cue's object or setting ("told followers in an online post",
 * "Director, security response at a firm") has none. */
bool
qt_clause_has_verb(const actx *c, size_t a, size_t b)
{
	size_t k;

	/* (after "that", opening with a determiner or a subject pronoun
	 * ("the timetable works": the tagger may call "works" a noun) or
	 * with quoted words, the clause is shown) */
	if ((a > 0 && wordeq(c, a - 1, "that")) || word_is(c, a, W_NP_DET) ||
	    qt_subject_pronoun(c, a) ||
	    qt_words_at_least(c, a, b, VERBLESS_CLAUSE_WORDS))
		return true;
	for (k = a; k <= b && k < c->n; k++)
		if (c->t[k].kind == TK_QUOTE ||
		    (is_w(&c->t[k]) &&
		     (word_is(c, k, W_AUX) || qt_past_verb(c, k) ||
		      qt_pos_at(c, k) == QT_POS_VERB)))
			return true;
	return qt_has_finite_verb(c, a, b);
}

/* The words of a lead before ", SPEAKER CUE, REST": "Still", "So
 * that", "Greensboro": a longer one is a clause of its own. */
#define LEAD_WORDS 2

/* "Still, he said, officials have to decide", "Otherwise, she said,
 * countries ...": a short lead, then the speaker and the cue at i
 * between commas (in the sentence [sa, se]); what was said is the rest
 * (the lead is an adverb or the rest's subject, one part of no weight).
 * subj is qt_subject_before() of the cue when already asked (L->sp then
 * set by it), -1 when not.  The first token of the rest (L->sp set), or
 * QUOTH_NONE. */
size_t
qt_short_lead_clause(actx *c, size_t i, size_t sa, size_t se, link *L, int subj,
                     int last)
{
	size_t me, k2 = L->cue_b;

	if (!(i > sa + 2 && i <= sa + 3 + LEAD_WORDS &&
	      (subj >= 0 ? subj : qt_subject_before(c, i, &L->sp, &me, last)) &&
	      L->sp.a >= sa + 2 && L->sp.a <= sa + 1 + LEAD_WORDS &&
	      is_p(&c->t[L->sp.a - 1], ',') && L->sp.b <= i &&
	      qt_no_quote_in(c, sa, i)))
		return QUOTH_NONE;
	while (k2 < se && qt_is_filler(c, k2))
		k2++;
	if (k2 < se && is_p(&c->t[k2], ',') &&
	    qt_words_at_least(c, k2 + 1, se, 3) &&
	    qt_clause_has_verb(c, k2 + 1, se))
		return k2 + 1;
	return QUOTH_NONE;
}

/* The "who" of a relative clause whose verb is the cue at i ("Ada
 * Finch, who said", "who has long said"), or QUOTH_NONE. */
size_t
qt_who_cue(const actx *c, size_t i)
{
	size_t k = i;

	while (k > 0 && i - k < 3 && qt_is_filler(c, k - 1))
		k--;
	if (k == 0 || !wordeq(c, k - 1, "who") || c->inq[k - 1])
		return QUOTH_NONE;
	return k - 1;
}

/* The speaker of a relative clause's cue: the person named right before
 * its "who" (and its comma), whom the article knows.  The mention is the
 * "who" as written next to the cue, resolved to that person as a
 * pronoun is; a described antecedent ("voters who said") is left alone.
 * True when sp is set; false when w is QUOTH_NONE. */
static bool
who_antecedent(actx *c, size_t w, speaker *sp, int last)
{
	size_t me, e = w;
	speaker head;

	if (w == QUOTH_NONE)
		return false;
	if (e > 0 && is_p(&c->t[e - 1], ','))
		e--;
	if (e == 0 || !qt_subject_before(c, e, &head, &me, last) ||
	    head.kind != SK_NAME || head.ent < 0 || head.b != e)
		return false;
	*sp = head;
	sp->a = w;
	sp->b = w + 1;
	return true;
}

/* The end of a relative clause's reported speech: its first comma
 * ("Ada Finch, who said she backs the plan, was not there"), or se. */
size_t
qt_who_clause_end(const actx *c, size_t k, size_t se)
{
	size_t m;

	for (m = k; m < se; m++)
		if (is_p(&c->t[m], ',') && !c->inq[m])
			return m > k ? m - 1 : se;
	return se;
}

/* The first comma outside quote marks in [k, se] that has words after
 * it, or QUOTH_NONE. */
static size_t
first_comma(const actx *c, size_t k, size_t se)
{
	size_t m;

	for (m = k + 1; m < se; m++)
		if (is_p(&c->t[m], ',') && !c->inq[m] && is_w(&c->t[m + 1]))
			return m;
	return QUOTH_NONE;
}

/*
 * Where the reported clause [k, se] of the link L ends inside the
 * writer's sentence, in this order:
 *  - the cue in a subordinate or relative clause ("While 7 percent said
 *    they are undecided, ...", "Even as Lund has said he opposes it,
 *    ...", "the pier, which Finch said was a mistake, was ..."): at the
 *    clause's comma;
 *  - a comparison or a participle the writer adds ("..., compared with
 *    38 percent who ...", "..., echoing a memo from ..."): before its
 *    comma.
 * Returns the clause's last token.
 */
size_t
qt_framed_clause_end(const actx *c, const link *L, size_t k, size_t se)
{
	size_t m, p = L->sp.a;

	if (p > 0 && p < L->cue_a &&
	    (qt_subordinator(c, p - 1) || wordeq(c, p - 1, "which") ||
	     wordeq(c, p - 1, "what")) &&
	    !wordeq(c, p - 1, "whether") && !wordeq(c, p - 1, "that") &&
	    (m = first_comma(c, k, se)) != QUOTH_NONE && m > k + 1)
		return m - 1;
	for (m = k + 2; m + 1 < se; m++) {
		const token *w = &c->t[m + 1];
		size_t n = w->end - w->start;
		if (!is_p(&c->t[m], ',') || c->inq[m] || !is_w(w) ||
		    (w->flags & TF_CAP))
			continue;
		if ((wordeq(c, m + 1, "compared") &&
		     (wordeq(c, m + 2, "with") || wordeq(c, m + 2, "to"))) ||
		    (n > 5 && memcmp(c->text + w->end - 3, "ing", 3) == 0 &&
		     !wordeq(c, m + 1, "including") &&
		     !wordeq(c, m + 1, "according") &&
		     qt_pos_at(c, m + 1) == QT_POS_VERB))
			return m - 1;
	}
	return se;
}

/* The speaker of a cue at i with flags v that the clause follows:
 * SPEAKER CUE [OBJECT] [that] CLAUSE, or a participle's ("..., adding
 * that CLAUSE"); false when there is none. */
bool
qt_cue_subject(actx *c, size_t i, int v, link *L, int last)
{
	size_t me;

	if ((v & CUE_PARTICIPLE) && qt_sentence_subject(c, i, &L->sp, last)) {
		/* the speaker is found; the clause follows */
	} else if (qt_subject_before(c, i, &L->sp, &me, last)) {
		/* the subject right before the cue */
	} else if (i > 0 &&
	           (wordeq(c, i - 1, "and") || wordeq(c, i - 1, "but")) &&
	           qt_sentence_subject(c, i, &L->sp, last) &&
	           !qt_relative_between(c, L->sp.b, i)) {
		/* "Trump bemoaned the unrest and said he thought
		 * ...": the sentence's subject (as patterns.txt's
		 * '&' shape does for direct quotes) */
	} else if (qt_clause_postmod_subject(c, i, &L->sp)) {
		/* "People familiar with the talks say", "Some 29 percent
		 * said" (cues_subject.c) */
	} else if (who_antecedent(c, qt_who_cue(c, i), &L->sp, last)) {
		/* "Ada Finch, who said she backs the plan," */
	} else {
		return false;
	}
	return true;
}
