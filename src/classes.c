/*
 * classes.c: what the attribution stage asks of the word classes
 * generated from WordNet 3.0 (data/en/wn-*.txt, tools/wordnet_classes.py):
 * the typed tests (an organisation noun,
 * a document noun, a person noun) that the other files call.  Reads the
 * tokens and the language data; writes nothing.
 */
#include "attrib_int.h"

/* The flags of lowercase word k in generated class `which`, 0 when it is
 * capitalised, no word, or not in the class. */
static int
wn_flags(const actx *c, int which, size_t k)
{
	int v;

	if (k >= c->n || !is_w(&c->t[k]) || (c->t[k].flags & TF_CAP))
		return 0;
	v = qt_lex(c, which, k, k + 1);
	return v < 0 ? 0 : v;
}

/* A singular noun for an organisation or group at k ("the company",
 * "the agency", "the coalition"): wn-org-nouns.txt, or the hand-kept
 * exceptions of classes.txt (h: "the retailer", which WordNet files
 * under people). */
bool
qt_org_noun(const actx *c, size_t k)
{
	return (wn_flags(c, LEX_ORGNOUNS, k) & WNO_SINGULAR) ||
	       class_is(c, k, CL_ORG_HEAD);
}

/* A document or message noun at k (wn-document-nouns.txt), singular or
 * plural, in lowercase, with the flags it must have any of (WND_*; 0 for
 * any), or a hand-kept one of classes.txt with flag `hand` (CL_*). */
bool
qt_doc_noun(const actx *c, size_t k, int need, int hand)
{
	int v = wn_flags(c, LEX_DOCS, k);

	/* (not "the source", "the board": a person or a body too) */
	if (v && (wn_flags(c, LEX_PERSONS, k) || wn_flags(c, LEX_ORGNOUNS, k)))
		v = 0;

	return (v && (!need || (v & need))) || (hand && class_is(c, k, hand));
}

/* A noun for a person or people at k (wn-person-nouns.txt): "baker",
 * "advocates", "partner". */
bool
qt_person_noun(const actx *c, size_t k)
{
	return wn_flags(c, LEX_PERSONS, k) != 0;
}

/* A singular noun for an organisation or group that WordNet lists and
 * is no person noun ("the coalition", "the agency"; not "the company",
 * which is also a companion), in lowercase.  (Not plurals: WordNet's
 * groups include "years" and "laws"; orgs.txt keeps "groups".) */
static bool
wn_org_only(const actx *c, size_t k)
{
	return (wn_flags(c, LEX_ORGNOUNS, k) & WNO_SINGULAR) &&
	       !qt_person_noun(c, k);
}

/*
 * The head of a described speaker at k ("the baker", "a spokeswoman",
 * "the agency", "rights advocates"): *tv gets its titles.txt value (or,
 * for a WordNet person noun, TITLE_GROUP when plural, else 0), *org
 * whether it names an organisation.  The hand lists decide first (their
 * gender and group flags); WordNet's person and organisation nouns
 * cover the rest.  False when k is no such head.
 */
bool
qt_described_head(const actx *c, size_t k, int *tv, bool *org)
{
	int t = qt_lex(c, LEX_TITLES, k, k + 1);
	int v;

	*org = false;
	*tv = t;
	if (t >= 0)
		return true;
	if (qt_lex(c, LEX_ORGS, k, k + 1) >= 0) {
		*org = true;
		return true;
	}
	v = wn_flags(c, LEX_PERSONS, k);
	/* "familiar", "better": an adjective too, a head only with no word
	 * after it but a cue ("the American said"; not "a source familiar
	 * with") */
	if ((v & WNP_MODIFIER) && !(v & WNP_PLURAL) && k + 1 < c->n &&
	    is_w(&c->t[k + 1]) && qt_cue_at(c, k + 1) < 0)
		v = 0;
	if (v) {
		*tv = (v & WNP_PLURAL) && !(v & WNP_SINGULAR) ? TITLE_GROUP : 0;
		return true;
	}
	/* so does a document or message noun: its issuer speaks ("the
	 * memorandum says", "the indictment alleges") */
	if (qt_doc_noun(c, k, WND_SINGULAR, 0) && qt_cue_at(c, k + 1) >= 0) {
		*org = true;
		return true;
	}
	/* an organisation noun only WordNet knows heads a speaker right
	 * before its cue: "the coalition said"; not "the vote, city
	 * officials said", "member of the public", "state Sen. Ann Lee" */
	if (wn_org_only(c, k) && qt_cue_at(c, k + 1) >= 0) {
		*org = true;
		return true;
	}
	return false;
}
