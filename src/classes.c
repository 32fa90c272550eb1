/*
 * classes.c: what the attribution stage asks of the word classes
 * generated from WordNet 3.0 (data/en/wn-*.txt, tools/wordnet_classes.py):
 * the typed tests (an organisation noun,
 * a document noun, a person noun) that the other files call.  Reads the
 * tokens and the language data; writes nothing.
 */
#include <stdlib.h>

#include "attrib_int.h"
#include "tagger.h"

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
 * "the agency", "the coalition", "the dairy"): wn-org-nouns.txt (a
 * singular, or a name head: a workplace too), or the hand-kept
 * exceptions of classes.txt (h: "the retailer", which WordNet files
 * under people). */
bool
qt_org_noun(const actx *c, size_t k)
{
	return (wn_flags(c, LEX_ORGNOUNS, k) & (WNO_SINGULAR | WNO_HEAD)) ||
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

/* A singular noun for an organisation or group (or a workplace that
 * heads business names: "the dairy") that WordNet lists and
 * is no person noun ("the coalition", "the agency"; not "the company",
 * which is also a companion), in lowercase.  (Not plurals: WordNet's
 * groups include "years" and "laws"; orgs.txt keeps "groups".) */
static bool
wn_org_only(const actx *c, size_t k)
{
	return (wn_flags(c, LEX_ORGNOUNS, k) & (WNO_SINGULAR | WNO_HEAD)) &&
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

/*
 * Names the lists cannot type ("Brightwater Dairy", "Saskatchewan",
 * "Kell Design Studio"): an entity named once that the article
 * gives no sign of being a person (no title, honorific, age or gender)
 * nor of being an organisation or a place is typed by the tagger's
 * entity class, run on the words around its first mention only (never on
 * the whole article).  A place found so (every word of the mention
 * tagged LOCATION) is marked nonperson, as "in X" would have marked it,
 * so that it speaks only as the subject of its own cue.  Returns the
 * number of entities typed.
 */
#define TYPE_CONTEXT 4

size_t
qt_type_entities(actx *c)
{
	const qt_tagger *tg = qt_lang_tagger(c->ld, &c->failed);
	qt_tagger_work *w;
	qt_tagger_tok *toks = NULL;
	qt_tag *tags = NULL;
	size_t i, k, typed = 0, cap = 0;

	if (!tg)
		return 0;
	if (!(w = qt_lang_tagger_work(c->ld))) {
		c->failed = true;
		return 0;
	}
	for (i = 0; i < c->ments.len; i++) {
		const mention_rec *m = QVEC_AT(&c->ments, mention_rec, i);
		entity *e = ent_at(c, m->ent);
		size_t s0, s1, n, votes[QT_NER_COUNT_] = {0};
		/* (a name the article repeats has shown what it is, or
		 * will: "Trump" in "Trump Tower" first is still a man) */
		if (e->first_tok != m->tok || e->nment > 1 || e->strong ||
		    e->gender || e->org || e->place || e->nonperson ||
		    c->inq[m->tok])
			continue;
		/* the mention and TYPE_CONTEXT tokens either side, within
		 * its sentence: the tagger's features reach two words */
		s0 = sentence_start(c, m->tok);
		s1 = sentence_end(c, m->tok) + 1;
		if (m->tok > s0 + TYPE_CONTEXT)
			s0 = m->tok - TYPE_CONTEXT;
		if (m->end + TYPE_CONTEXT < s1)
			s1 = m->end + TYPE_CONTEXT;
		n = s1 - s0;
		if (n > cap) {
			free(toks);
			free(tags);
			cap = n;
			toks = qt_xmalloc_array(cap, sizeof(*toks));
			tags = qt_xmalloc_array(cap, sizeof(*tags));
			if (!toks || !tags) {
				c->failed = true;
				break;
			}
		}
		for (k = 0; k < n; k++) {
			toks[k].s = c->text + c->t[s0 + k].start;
			toks[k].len = c->t[s0 + k].end - c->t[s0 + k].start;
		}
		if (!qt_tagger_tag(tg, w, toks, n, tags)) {
			c->failed = true;
			break;
		}
		for (k = m->tok; k < m->end && k < s1; k++)
			votes[tags[k - s0].ner]++;
		/* (only places: typing organisations so cost validation
		 * speakers, 0.897 -> 0.892 GGT strict; see the report of
		 * issue 11) */
		if (votes[QT_NER_LOCATION] == m->end - m->tok) {
			e->place = e->nonperson = true;
			e->person = false;
			typed++;
		}
	}
	free(toks);
	free(tags);
	qt_lang_tagger_work_done(c->ld, w);
	return typed;
}
