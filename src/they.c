/*
 * they.c: attribution: the group "they" stands for when a plural noun
 * for people or bodies is the subject right before it ("Senate
 * Democrats blocked the bill because they said", "the senator's allies
 * said they"), or a "they" before it that does.  pronoun.c tries the
 * other plurals when this finds none.  Reads tokens, quotes and the
 * lexicons; returns token spans, writes nothing.
 */
#include "attrib_int.h"

/* Is the capitalised word at k, with no capitalised word after it, one
 * that WordNet knows only as the plural of a person noun ("Democrats",
 * "Republicans", "Americans")? */
static bool
cap_people_plural(const actx *c, size_t k)
{
	int v = qt_lex(c, LEX_PERSONS, k, k + 1);

	return v >= 0 && (v & WNP_PLURAL) && !(v & WNP_SINGULAR) &&
	       !(k + 1 < c->n && is_w(&c->t[k + 1]) &&
	         (c->t[k + 1].flags & TF_CAP));
}

/* "the Texas senator's allies", "Mr. Ode's friends": where the owner
 * before the plural at a starts, when it opens a clause (up to four
 * words back, not before s0); a otherwise. */
static size_t
possessor_start(const actx *c, size_t s0, size_t a)
{
	size_t p = a - 1;

	while (p > s0 && a - p < 6 && !qt_opens_clause(c, p) &&
	       !c->inq[p - 1] &&
	       ((is_w(&c->t[p - 1]) && !qt_is_prep(c, p - 1) &&
	         qt_cue_at(c, p - 1) < 0 && !word_is(c, p - 1, W_AND_BUT) &&
	         !qt_verb_like(c, p - 1)) ||
	        qt_inner_dot(c, p - 1)))
		p--;
	return qt_opens_clause(c, p) ? p : a;
}

/*
 * "Senate Democrats blocked the bill because they said ...", "members
 * complained about what they said": the group that "they" at token tok
 * stands for, a plural group noun (titles.txt flag g) that is the subject
 * of a clause in its sentence or the one before (in its paragraph or the
 * one before), with the capitalised words and determiner before it ("the
 * Republican senators"), or what a "they" opening a clause before it
 * stands for (depth: how many such steps were taken, two at most).  Its
 * token span goes to *ga, *gb; false when there is none.
 */
static bool
resolve_they_at(const actx *c, size_t tok, size_t *ga, size_t *gb, int depth)
{
	size_t s0 = qt_antecedent_start(c, tok), h, a, k, j;
	int gk;

	for (h = tok; h-- > s0;) {
		if (!is_w(&c->t[h]) || c->inq[h] || (c->inrep && c->inrep[h]) ||
		    qt_possessive(c, h))
			continue;
		/* "They sent a letter. "Q," they wrote.": the "they" before
		 * stands for the same group */
		if (depth < 2 && wordeq(c, h, "they") && qt_opens_clause(c, h))
			return resolve_they_at(c, h, ga, gb, depth + 1);
		/* (capitalised only opening its sentence: "Critics"; or
		 * a plural for people only, written so as parties and
		 * peoples are: "Senate Democrats blocked it because they
		 * said") */
		if ((c->t[h].flags & TF_CAP) && h != sentence_start(c, h))
			gk = cap_people_plural(c, h) ? 2 : 0;
		else
			gk = qt_group_noun(c, h);
		if (!gk)
			continue;
		/* a verb, "who" or a comma after the group, or after what
		 * it is of: "Critics of the EB-5 program, like ..., see" */
		k = h;
		if (wordeq(c, h + 1, "of"))
			for (k = h + 2;
			     k < c->n && k < h + 8 && !c->inq[k] &&
			     (is_w(&c->t[k]) || c->t[k].kind == TK_NUM ||
			      is_p(&c->t[k], '-')) &&
			     qt_cue_at(c, k) < 0;
			     k++)
				;
		if (!qt_verb_follows(c, h) &&
		    !(k > h && k < c->n &&
		      (is_p(&c->t[k], ',') || qt_cue_at(c, k) >= 0)))
			continue;
		a = h;
		while (a > s0 && a + 4 > h && is_w(&c->t[a - 1]) &&
		       !c->inq[a - 1] && (c->t[a - 1].flags & TF_CAP) &&
		       qt_lex(c, LEX_NONNAMES, a - 1, a) < 0 &&
		       !qt_possessive(c, a - 1))
			a--;
		/* ("the national unions": lowercase words that describe
		 * the group after its determiner) */
		for (j = a;
		     gk == 2 && j > s0 && a - j < 2 && is_w(&c->t[j - 1]) &&
		     !c->inq[j - 1] && !(c->t[j - 1].flags & TF_CAP) &&
		     !word_is(c, j - 1, W_NP_DET) && !qt_is_prep(c, j - 1) &&
		     qt_cue_at(c, j - 1) < 0 && !word_is(c, j - 1, W_AND_BUT) &&
		     !qt_verb_like(c, j - 1);
		     j--)
			;
		if (j < a && j > s0 && wordeq(c, j - 1, "the"))
			a = j;
		if (a > s0 &&
		    (wordeq(c, a - 1, "the") || word_is(c, a - 1, W_GROUP_DET)))
			a--;
		else if (a > s0 && qt_possessive(c, a - 1))
			a = possessor_start(c, s0, a);
		/* the subject: opening the sentence or a clause */
		if (!qt_opens_clause(c, a)) {
			/* (a plural only WordNet knows, as an object:
			 * "confirming the nominees", look further) */
			if (gk == 2)
				continue;
			/* the nearest group is no subject; "They sent a
			 * letter to Senate leaders": the subject before it
			 * may be a "they" to follow */
			size_t t0;
			for (t0 = sentence_start(c, a); depth < 2 && t0 < a;
			     t0++)
				if (wordeq(c, t0, "they") && !c->inq[t0] &&
				    qt_opens_clause(c, t0))
					return resolve_they_at(c, t0, ga, gb,
					                       depth + 1);
			return false;
		}
		*ga = a;
		*gb = k > h ? k : h + 1;
		return true;
	}
	return false;
}

bool
qt_resolve_they(const actx *c, size_t tok, size_t *ga, size_t *gb)
{
	return resolve_they_at(c, tok, ga, gb, 0);
}
