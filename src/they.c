/*
 * they.c: attribution: the group "they" stands for when a plural noun
 * for people or bodies is the subject right before it ("Senate
 * Democrats blocked the bill because they said", "the senator's allies
 * said they"), or a "they" before it that does.  pronoun.c tries the
 * other plurals when this finds none; when none of them does, an
 * organisation named or described as the subject before it ("The
 * Harbour Pilots Union began a campaign.  They posted ...").  Reads
 * tokens, quotes, entities and the lexicons; returns token spans or
 * entities, writes nothing.
 */
#include <string.h>

#include "attrib_int.h"
#include "kind.h"
#include "subject_int.h"
#include "tagger.h"

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

/* How many capitalised words a team's or a family's name may have
 * before its plural: "the Toronto Maple Leafs". */
#define MAX_GROUP_NAME_WORDS 3

/* Is the capitalised word at k, with no capitalised word after it, the
 * plural that ends a name after "the" ("the Rangers", "the Hendersons",
 * "the Toronto Maple Leafs"): a team, a band or a family, which "they"
 * stands for?  Not a place ("the Netherlands"), nor a word whose final
 * "s" is no plural's ("the Congress", "the Venus", "the Paris"). */
static bool
cap_name_plural(const actx *c, size_t k)
{
	size_t n = c->t[k].end - c->t[k].start, a = k;
	const char *w = c->text + c->t[k].start;

	if (n < 4 || w[n - 1] != 's' || (c->t[k].flags & TF_ALLCAP) ||
	    strchr("suiy", w[n - 2]) ||
	    (k + 1 < c->n && is_w(&c->t[k + 1]) &&
	     (c->t[k + 1].flags & TF_CAP)))
		return false;
	while (a > 0 && k - a < MAX_GROUP_NAME_WORDS && is_w(&c->t[a - 1]) &&
	       !c->inq[a - 1] && (c->t[a - 1].flags & TF_CAP) &&
	       !wordeq(c, a - 1, "the"))
		a--;
	return a > 0 && wordeq(c, a - 1, "the") &&
	       c->t[a - 1].sent == c->t[k].sent &&
	       qt_lex(c, LEX_PLACES, a, k + 1) < 0 &&
	       qt_lex(c, LEX_PLACES, k, k + 1) < 0;
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

/* Where what the group noun at h is of ends: "Critics of the EB-5
 * program, like ...": up to seven words or numbers to a comma or a cue
 * (the token there); "Members of the Tarnby Rowing Club made a video":
 * "the" and a capitalised name with a verb after it (the token after the
 * name, and *named set); "Friends of the mayor met": a verb the tagger
 * knows after lowercase words (the verb's token, and *named set). */
static size_t
of_name_end(const actx *c, size_t h, bool *named)
{
	size_t k, n = h + 2;

	if (wordeq(c, n, "the"))
		n++;
	while (n < c->n && n < h + 9 && is_w(&c->t[n]) && !c->inq[n] &&
	       (c->t[n].flags & TF_CAP))
		n++;
	if (n > h + 2 && (c->t[n - 1].flags & TF_CAP) &&
	    !qt_possessive(c, n - 1) && qt_verb_follows(c, n - 1) &&
	    !is_p(&c->t[n], ',') && qt_cue_at(c, n) < 0) {
		*named = true;
		return n;
	}
	for (k = h + 2; k < c->n && k < h + 8 && !c->inq[k] &&
	                (is_w(&c->t[k]) || c->t[k].kind == TK_NUM ||
	                 is_p(&c->t[k], '-')) &&
	                qt_cue_at(c, k) < 0;
	     k++)
		/* "Friends of the mayor met ...": the clause's verb (the
		 * tagger's, in lowercase) ends what they are of */
		if (k > h + 2 && !(c->t[k].flags & TF_CAP) &&
		    qt_pos_at(c, k) == QT_POS_VERB && !qt_is_prep(c, k)) {
			*named = true;
			return k;
		}
	return k;
}

/* A possessive determiner at k ("her rivals", "their allies"). */
static bool
owner_det(const actx *c, size_t k)
{
	int v;

	if (!word_is(c, k, W_NP_DET))
		return false;
	v = qt_lex(c, LEX_PRONOUNS, k, k + 1);
	return v >= 0 && (v & PRON_OBJECT);
}

/* Does the phrase at a open its sentence or a clause, a subordinate one
 * too ("Though executives who ... say")? */
static bool
opens_subject(const actx *c, size_t a)
{
	return qt_opens_clause(c, a) ||
	       (a > 0 && word_is(c, a - 1, W_SUBORDINATOR) &&
	        c->t[a - 1].sent == c->t[a].sent);
}

/*
 * "Some of the economists say", "A growing number of economists are
 * warning": where the phrase that the group at token a is part of
 * starts, when a follows "of" and a word for a part of it (words.txt,
 * g: "some", "many", "two") or a singular noun for a body
 * (wn-org-nouns.txt: "number", "group", "panel", after at most two
 * describing words and a determiner) that opens a clause; a otherwise.
 */
static size_t
quantity_start(const actx *c, size_t s0, size_t a)
{
	size_t q, d;

	if (a < s0 + 2 || !wordeq(c, a - 1, "of") || !is_w(&c->t[a - 2]) ||
	    c->inq[a - 2])
		return a;
	q = d = a - 2;
	if (wordeq(c, q, "the"))
		return a;
	if (!word_is(c, q, W_GROUP_DET)) {
		if ((c->t[q].flags & TF_CAP) || !qt_org_noun(c, q))
			return a;
		while (d > s0 && q - d < 2 && is_w(&c->t[d - 1]) &&
		       !c->inq[d - 1] && !(c->t[d - 1].flags & TF_CAP) &&
		       !word_is(c, d - 1, W_NP_DET) && !qt_is_prep(c, d - 1) &&
		       qt_cue_at(c, d - 1) < 0 && !word_is(c, d - 1, W_AND_BUT))
			d--;
		if (d > s0 && word_is(c, d - 1, W_NP_DET))
			d--;
	}
	return opens_subject(c, d) ? d : a;
}

/* A passive after the word at h: a form of "be" and a verb the tagger
 * reads that is no "-ing" form ("were shut", "are cut"; not "were
 * protesting"). */
static bool
passive_after(const actx *c, size_t h)
{
	size_t v = h + 2;

	if (v >= c->n || !qt_be_form(c, h + 1) || !is_w(&c->t[v]) ||
	    qt_pos_at(c, v) != QT_POS_VERB)
		return false;
	return !(c->t[v].end - c->t[v].start > 4 &&
	         memcmp(c->text + c->t[v].end - 3, "ing", 3) == 0);
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
	bool named;

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
			gk = cap_people_plural(c, h) || cap_name_plural(c, h)
			             ? 2
			             : 0;
		else
			gk = qt_group_noun(c, h);
		if (!gk)
			continue;
		/* (a plural only WordNet makes people or bodies, as the
		 * subject of a passive, is what was done to: "Schools were
		 * shut") */
		if (gk == 2 && passive_after(c, h))
			continue;
		/* (a noun for people or bodies after it is the head:
		 * "civil rights groups") */
		if (h + 1 < c->n && is_w(&c->t[h + 1]) &&
		    (qt_group_noun(c, h + 1) || qt_person_noun(c, h + 1) ||
		     qt_org_noun(c, h + 1)) &&
		    qt_pos_at(c, h + 1) == QT_POS_NOUN)
			continue;
		/* a verb, "who" or a comma after the group, or after what
		 * it is of: "Critics of the EB-5 program, like ..., see" */
		k = h;
		named = false;
		if (wordeq(c, h + 1, "of") || qt_plural_head_prep(c, h + 1))
			k = of_name_end(c, h, &named);
		if (!qt_verb_follows(c, h) &&
		    !(k > h && k < c->n &&
		      (is_p(&c->t[k], ',') || qt_cue_at(c, k) >= 0 || named)))
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
		     (!qt_verb_like(c, j - 1) ||
		      qt_pos_at(c, j - 1) == QT_POS_NOUN);
		     j--)
			;
		if (j < a && j > s0 &&
		    (wordeq(c, j - 1, "the") || owner_det(c, j - 1)))
			a = j;
		else if (j < a && opens_subject(c, j))
			a = j; /* "While civic groups like ... praised" */
		/* (a determiner that owns it too: "her rivals") */
		if (a > s0 &&
		    (wordeq(c, a - 1, "the") ||
		     word_is(c, a - 1, W_GROUP_DET) || owner_det(c, a - 1)))
			a--;
		else if (a > s0 && qt_possessive(c, a - 1))
			a = possessor_start(c, s0, a);
		if (!opens_subject(c, a))
			a = quantity_start(c, s0, a);
		/* the subject: opening the sentence or a clause */
		if (!opens_subject(c, a)) {
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

/* The mention that ends at token h, or NULL. */
static const mention_rec *
mention_ending(const actx *c, size_t h)
{
	size_t k = qt_first_mention(c, h + 1);
	const mention_rec *m;

	if (k == 0)
		return NULL;
	m = QVEC_AT(&c->ments, mention_rec, k - 1);
	return m->tok <= h && m->end == h + 1 ? m : NULL;
}

/* Is the lowercase word at h a singular noun for an organisation: one of
 * orgs.txt, or one whose first sense in WordNet is an organisation or a
 * group ("the union", "the club", "the team"; not "the year", nor "the
 * unions", a group noun for resolve_they_at())? */
static bool
org_head(const actx *c, size_t h)
{
	int v;

	if ((c->t[h].flags & TF_CAP) || qt_lex(c, LEX_TITLES, h, h + 1) >= 0 ||
	    qt_group_noun(c, h))
		return false;
	v = qt_lex(c, LEX_ORGNOUNS, h, h + 1);
	return qt_lex(c, LEX_ORGS, h, h + 1) >= 0 || (v >= 0 && (v & WNO_HEAD));
}

/* "the union", "the Tarnby ferry board": the start of the definite
 * phrase (not before lo) that ends in the organisation noun at h, with
 * up to three words before the noun; QUOTH_NONE without "the". */
static size_t
org_phrase_start(const actx *c, size_t lo, size_t h)
{
	size_t a;

	for (a = h;
	     a > lo && h - a < 4 && is_w(&c->t[a - 1]) && !c->inq[a - 1] &&
	     !wordeq(c, a - 1, "the") && !qt_possessive(c, a - 1) &&
	     qt_cue_at(c, a - 1) < 0 && !qt_is_prep(c, a - 1) &&
	     qt_lex(c, LEX_NONNAMES, a - 1, a) < 0;
	     a--)
		;
	/* "the nurses' union": a plural's possessive, its apostrophe a
	 * token of its own, between "the" and the noun */
	if (a == h && a >= lo + 3 && qt_plural_apostrophe(c, a - 1) &&
	    is_w(&c->t[a - 2]) && !(c->t[a - 2].flags & TF_CAP))
		a -= 2;
	return a > lo && wordeq(c, a - 1, "the") ? a - 1 : QUOTH_NONE;
}

/* Is a named organisation what entity e is (the article's, its head
 * noun's or the tagger's evidence), with nothing that shows a person or
 * a place? */
static bool
named_org(const actx *c, int ent)
{
	const entity *e = ent_at(c, ent);

	if (e->strong || e->gender || e->title || e->place)
		return false;
	return e->org || e->headorg || qt_entity_kind(c, ent) == QK_ORG;
}

/*
 * "The Harbour Pilots Union began a campaign.  On Monday, they posted
 * ...", '"Q," the union said.  "Q2," they added.': what "they" at token
 * tok stands for when no plural does (qt_resolve_they_all(),
 * qt_they_last_group()): the nearest organisation in its sentence or
 * the one before (in its paragraph or the one before), a name or "the"
 * and a noun for one, that is the subject of its clause (or stands
 * inverted after a quote); or what a "they" opening a clause before it
 * stands for (depth: steps taken).  Nothing when a plural noun for
 * people, a person's name, or a "they" that is no subject comes first,
 * or the nearest organisation is no subject.  0 for none, 1 with the
 * entity in *ent, 2 with the span in *ga, *gb.
 */
static int
they_org_at(const actx *c, size_t tok, int *ent, size_t *ga, size_t *gb,
            int depth)
{
	size_t lo = qt_antecedent_before_quote(c, tok), h, a;

	for (h = tok; h-- > lo;) {
		const mention_rec *m;
		if (!is_w(&c->t[h]) || c->inq[h] || (c->inrep && c->inrep[h]) ||
		    qt_in_label_line(c, h))
			continue;
		if (wordeq(c, h, "they") || wordeq(c, h, "them")) {
			if (depth < 2 && wordeq(c, h, "they") &&
			    qt_opens_clause(c, h))
				return they_org_at(c, h, ent, ga, gb,
				                   depth + 1);
			return 0;
		}
		if (wordeq(c, h, "people") || qt_group_noun(c, h) ||
		    ((c->t[h].flags & TF_CAP) && cap_people_plural(c, h)))
			return 0;
		m = mention_ending(c, h);
		if (m) {
			if (!named_org(c, m->ent)) {
				const entity *e = ent_at(c, m->ent);
				if (e->person || e->strong ||
				    qt_subject_like(c, m))
					return 0;
				h = m->tok;
				continue;
			}
			/* (opening its clause, a comma after it only
			 * opening its sentence: not "the chairs from
			 * Jefferson and Arapahoe, two ...") */
			a = m->tok > lo && wordeq(c, m->tok - 1, "the")
			            ? m->tok - 1
			            : m->tok;
			if (!qt_subject_like(c, m) ||
			    qt_possessive(c, m->end - 1) ||
			    !(qt_opens_clause(c, a) ||
			      c->t[a - 1].kind == TK_QUOTE) ||
			    (is_p(&c->t[m->end], ',') &&
			     a != sentence_start(c, a)))
				return 0;
			*ent = m->ent;
			return 1;
		}
		if (!org_head(c, h))
			continue;
		a = org_phrase_start(c, lo, h);
		if (a == QUOTH_NONE)
			continue;
		/* (an object, after a verb or a preposition in its clause,
		 * is passed: "The union met the board.  They said" is the
		 * union's) */
		if (!qt_possessive(c, h) && !qt_opens_clause(c, a) &&
		    c->t[a - 1].kind != TK_QUOTE && is_w(&c->t[a - 1])) {
			h = a;
			continue;
		}
		if (qt_possessive(c, h) || !qt_verb_follows(c, h) ||
		    !(qt_opens_clause(c, a) || c->t[a - 1].kind == TK_QUOTE))
			return 0;
		*ga = a;
		*gb = h + 1;
		return 2;
	}
	return 0;
}

int
qt_they_org(const actx *c, size_t tok, int *ent, size_t *ga, size_t *gb)
{
	return they_org_at(c, tok, ent, ga, gb, 0);
}
