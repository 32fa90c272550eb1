/*
 * link_phrases.c: attribution, the phrases the direct-quote pass
 * (link.c) makes chunks of: an affiliation after a name ("of the Sierra
 * Club"), a described speaker after an inverted cue ('"Q," says my
 * two-year-old.') or before a cue ('"Q," the beekeeper said.').  Reads
 * tokens; writes the speaker it returns.
 */
#include "attrib_int.h"
#include "cues.h"
#include "speaker.h"
#include "subject_int.h"

/* The words of a described speaker between a quote and its cue, its
 * determiner included: "the bespectacled, 71-year-old diplomat" is 9
 * tokens; a longer run holds a clause. */
#define DESCRIBED_CUE_TOKENS 10

/* "of the Sierra Club", "from the Center for Strategic Studies", "in
 * Austin": a preposition, "the" and a run of capitalised words (joined by "for",
 * "of", "on", "and"); the token after it, or j. */
size_t
qt_affiliation_at(const actx *c, size_t j)
{
	size_t q = j + 1, e = j;

	/* (and a place: "a teacher in Austin", "Ann Lee near Fargo") */
	if (!(wordeq(c, j, "of") || wordeq(c, j, "from") ||
	      wordeq(c, j, "at") || wordeq(c, j, "with") ||
	      word_is(c, j, W_LOC_PREP)))
		return j;
	if (wordeq(c, q, "the")) {
		/* ("an editorial in The Register": its issuer) */
		if (!(wordeq(c, j, "of") || wordeq(c, j, "from") ||
		      wordeq(c, j, "at") || wordeq(c, j, "with")))
			return j;
		q++;
	}
	while (q < c->n && q < j + 12 && is_w(&c->t[q]) && !c->inq[q]) {
		if (c->t[q].flags & TF_CAP)
			e = ++q;
		else if (e > j && (wordeq(c, q, "for") || wordeq(c, q, "of") ||
		                   wordeq(c, q, "on") || wordeq(c, q, "and")))
			q++;
		else
			break;
	}
	/* "in Austin, Texas,": a place goes on to its state or country */
	if (e > j && word_is(c, j, W_LOC_PREP) && e + 2 < c->n &&
	    is_p(&c->t[e], ',')) {
		size_t f = e + 1;
		while (f < c->n && f < e + 4 && is_w(&c->t[f]) && !c->inq[f] &&
		       (c->t[f].flags & TF_CAP))
			f++;
		if (f > e + 1 && f < c->n && is_p(&c->t[f], ','))
			e = f + 1;
	}
	return e > j ? e : j;
}

/* '"Q," says my two-year-old.': a described speaker after an inverted
 * cue, a determiner and lowercase words up to the sentence's end. */
size_t
qt_described_at(const actx *c, size_t j, speaker *sp)
{
	size_t e = j + 1;

	if (!qt_np_det(c, j))
		return j;
	/* (an age: "says the 46-year-old") */
	while (e < c->n && e < j + 5 &&
	       ((is_w(&c->t[e]) && !(c->t[e].flags & TF_CAP)) ||
	        c->t[e].kind == TK_NUM))
		e++;
	/* (a determiner alone stands for one of those just described:
	 * '"Q," tweeted another.'; not an article) */
	if ((e == j + 1 && word_is(c, j, W_ARTICLE)) || e >= c->n ||
	    !(is_p(&c->t[e], '.') || is_p(&c->t[e], ',') ||
	      is_break_tok(&c->t[e])))
		return j;
	return role_speaker(sp, j, e);
}

/* An age used as a noun: "the 46-year-old", "a 30-year-old" (one
 * token or its parts "30", "-", "year", "-", "old"). */
static bool
age_noun(const actx *c, size_t a, size_t b)
{
	const token *t = &c->t[b - 1];
	size_t n = t->end - t->start;

	if (b <= a)
		return false;
	if (n >= 8 && memcmp(c->text + t->end - 8, "year-old", 8) == 0)
		return true;
	return b >= a + 3 && wordeq(c, b - 1, "old") && is_dash(&c->t[b - 2]) &&
	       (wordeq(c, b - 3, "year") || wordeq(c, b - 3, "years"));
}

/* '"Q," the beekeeper said.': right after a quote, a determiner (or
 * "this") and up to DESCRIBED_CUE_TOKENS words before a cue are who said
 * it when the last is a described head: any person, organisation or
 * document noun of the lists or of WordNet's classes (classes.c), so a
 * noun no list names ("the weather said") is no speaker; or an age used
 * as a noun ("the 46-year-old said").  The words between may be
 * modifiers of any case, numbers and dashes, and commas between two
 * lowercase modifiers ("the bespectacled, 71-year-old diplomat"). */
size_t
qt_described_before_cue(const actx *c, size_t j, speaker *sp)
{
	size_t e = j + 1;
	int tv;
	bool org;

	if (!qt_np_det(c, j) && !wordeq(c, j, "this"))
		return j;
	while (e < c->n && e < j + DESCRIBED_CUE_TOKENS && !c->inq[e] &&
	       qt_cue_at(c, e) < 0) {
		const token *t = &c->t[e];
		/* (and an ampersand inside a capitalised name: "one
		 * P&G employee told") */
		if (t->kind == TK_NUM || (is_dash(t) && e > j + 1) ||
		    (is_p(t, '&') && e > j + 1 && e + 1 < c->n &&
		     (c->t[e - 1].flags & TF_CAP) &&
		     (c->t[e + 1].flags & TF_CAP) &&
		     !(t->flags & TF_SPACE_BEFORE))) {
			e++;
			continue;
		}
		if (is_p(t, ',') && e > j + 1 && e + 1 < c->n &&
		    is_w(&c->t[e - 1]) && !(c->t[e - 1].flags & TF_CAP) &&
		    !c->inq[e + 1] &&
		    (c->t[e + 1].kind == TK_NUM ||
		     (is_w(&c->t[e + 1]) && !(c->t[e + 1].flags & TF_CAP)))) {
			e++;
			continue;
		}
		/* (a document noun only as the head: "this source
		 * told") */
		if (!is_w(t) || qt_is_prep(c, e) ||
		    (qt_lex(c, LEX_DOCS, e, e + 1) >= 0 &&
		     qt_cue_at(c, e + 1) < 0) ||
		    word_is(c, e, W_AND_BUT) || qt_np_det(c, e))
			break;
		e++;
	}
	if (e == j + 1 || e >= c->n || qt_cue_at(c, e) < 0 ||
	    !(age_noun(c, j + 1, e) ||
	      (is_w(&c->t[e - 1]) && qt_described_head(c, e - 1, &tv, &org))))
		return j;
	return role_speaker(sp, j, e);
}
