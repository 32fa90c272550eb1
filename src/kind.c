/*
 * kind.c: what a speaker entity is, the `kind` of its quotes (SPEC
 * "Speakers"): a person, an organisation, a place or unknown, from the
 * article's evidence about the entity (entities.c, canon.c, classes.c),
 * WordNet's places (wn-places.txt) and plural nouns for people
 * (wn-person-nouns.txt), the first-name list when loaded, and
 * the tagger's entity class for one-word names nothing else types.
 * Reads the tokens, mentions and entities; writes nothing.  Output only:
 * who speaks was decided before.
 */
#include "kind.h"

/* Is e's whole name a place in WordNet (wn-places.txt: any place, a city
 * too)?  With the flags in *flags. */
static bool
name_is_place(const actx *c, const entity *e, int *flags)
{
	int v = qt_place_flags(c, e);

	if (flags)
		*flags = v;
	return v >= 0;
}

/* Is the one-word name of e the last word of another entity's name, a
 * person's ("Lund" when the article names Ada Lund): a surname, whatever
 * WordNet says the word is. */
static bool
surname_of_named(const actx *c, const entity *e)
{
	size_t i, n = e->name_len;

	for (i = 0; i < c->ents.len; i++) {
		const entity *x = ent_at(c, (int)i);

		if (x == e || x->org || x->nonperson || x->headorg ||
		    x->place || x->name_len < n + 2 ||
		    x->name[x->name_len - n - 1] != ' ' ||
		    strncasecmp(x->name + x->name_len - n, e->name, n) != 0)
			continue;
		return true;
	}
	return false;
}

/* Is e written with a state or country after a comma ("Dover, Del.",
 * "Tarn, Vermont") or after "the city of", "the town of" (a lowercase
 * singular group noun in WordNet and "of") at one of its mentions: a
 * town, when it was seen as a place? */
static bool
place_context(const actx *c, int ent)
{
	const entity *e = ent_at(c, ent);
	size_t i, k;
	int v;

	/* (mentions are in token order; e's lie between its first and
	 * its latest) */
	for (i = qt_first_mention(c, e->first_tok); i < c->ments.len; i++) {
		const mention_rec *m = QVEC_AT(&c->ments, mention_rec, i);

		if (m->tok > e->last_tok)
			break;
		if (m->ent == ent && m->tok >= 2 &&
		    wordeq(c, m->tok - 1, "of") && is_w(&c->t[m->tok - 2]) &&
		    !(c->t[m->tok - 2].flags & TF_CAP) &&
		    (v = qt_lex(c, LEX_ORGNOUNS, m->tok - 2, m->tok - 1)) >=
		            0 &&
		    (v & WNO_SINGULAR))
			return true;
		k = m->end + 1;
		if (m->ent != ent || k >= c->n || !is_p(&c->t[m->end], ',') ||
		    !is_w(&c->t[k]) || !(c->t[k].flags & TF_CAP))
			continue;
		v = qt_lex(c, LEX_PLACES, k, k + 1);
		if (v >= 0 && (v & (WNL_COUNTRY | WNL_REGION)))
			return true;
		/* "Del.", "Calif." */
		if (qt_lex(c, LEX_ABBREV, k, k + 1) >= 0 && k + 1 < c->n &&
		    is_p(&c->t[k + 1], '.'))
			return true;
	}
	return false;
}

/* Is a lowercase publication noun in WordNet (wn-document-nouns.txt:
 * website, magazine) at k, or with `org` an organisation noun that is no
 * person noun (wn-org-nouns.txt: newspaper, network, agency)? */
static bool
publication_noun(const actx *c, size_t k, bool org)
{
	int v;

	if (k >= c->n || !is_w(&c->t[k]) || (c->t[k].flags & TF_CAP))
		return false;
	v = qt_lex(c, LEX_DOCS, k, k + 1);
	if (v >= 0 && (v & WND_PUBLICATION))
		return true;
	v = qt_lex(c, LEX_ORGNOUNS, k, k + 1);
	return org && v >= 0 && (v & WNO_SINGULAR) && !qt_person_noun(c, k);
}

/* Is entity ent called a publication or an organisation at one of its
 * mentions: right after such a noun ("the news site Zanbrook", "the
 * newspaper Dagbladet"), right before a publication noun ("the Zanbrook
 * website"; not "the Clinton campaign"), or in an apposition ending in
 * one ("Zanbrook, a political news site,")? */
static bool
published(const actx *c, int ent)
{
	const entity *e = ent_at(c, ent);
	size_t i, k;

	/* (mentions are in token order; e's lie between its first and
	 * its latest) */
	for (i = qt_first_mention(c, e->first_tok); i < c->ments.len; i++) {
		const mention_rec *m = QVEC_AT(&c->ments, mention_rec, i);

		if (m->tok > e->last_tok)
			break;
		if (m->ent != ent)
			continue;
		if ((m->tok > 0 && publication_noun(c, m->tok - 1, true)) ||
		    publication_noun(c, m->end, false))
			return true;
		if (m->end + 2 >= c->n || !is_p(&c->t[m->end], ',') ||
		    !qt_np_det(c, m->end + 1))
			continue;
		for (k = m->end + 2;
		     k < c->n && k < m->end + 7 && is_w(&c->t[k]) &&
		     !publication_noun(c, k, true);
		     k++)
			;
		if (publication_noun(c, k, true))
			return true;
	}
	return false;
}

/* Is the one-word name of e a first name in the list (when loaded)? */
static bool
people_name(const actx *c, const entity *e)
{
	qbuf f = {0};
	bool yes = false;

	qt_text_fold(&f, e->name, e->name_len);
	if (!f.failed && f.len)
		yes = c->ld->gender_from_names &&
		      qt_first_name(c->ld, f.ptr, f.len) >= 0;
	qbuf_free(&f);
	return yes;
}

/* Is the one-word name of e only a plural noun for people in WordNet
 * ("Democrats", "Residents", "Latinos"), and no first name: a group
 * described, named by nobody? */
static bool
people_plural(const actx *c, const entity *e)
{
	qbuf f = {0};
	bool yes = false;
	int v;

	qt_text_fold(&f, e->name, e->name_len);
	if (!f.failed && f.len) {
		v = qt_lexicon_get(c->ld->lex[LEX_PERSONS], f.ptr, f.len);
		yes = v >= 0 && (v & WNP_PLURAL) && !(v & WNP_SINGULAR) &&
		      qt_first_name(c->ld, f.ptr, f.len) < 0;
	}
	qbuf_free(&f);
	return yes;
}

/*
 * A one-word name the article gives no sign of a person (no honorific,
 * title, age, gender, fuller name) but that spoke, or was seen after "in"
 * or "at" ("Politico reported", "in Zanbrook"): a person when it is a
 * first name or the tagger calls it one at a mention; an organisation
 * when the tagger does; a place when it is seen as one ("in X") and
 * WordNet, the tagger or a "X, State" show a place; else unknown.
 */
static int
bare_name_kind(const actx *c, int ent, const entity *e)
{
	size_t votes[QT_NER_COUNT_] = {0};

	if (e->person && people_name(c, e))
		return QK_PERSON;
	if (!qt_ner_votes(c, ent, votes))
		return e->person ? QK_PERSON : e->place ? QK_PLACE : QK_ORG;
	if (published(c, ent))
		return QK_ORG;
	/* (not a town seen as one: "in Lund ... Lund said"; and a name
	 * seen after "in" or "at" is a person's when most of its mentions
	 * are: "the story ran in Zanbrook ... Zanbrook reported" is no
	 * person's) */
	if (e->person && votes[QT_NER_PERSON] &&
	    !(e->place && name_is_place(c, e, NULL)) &&
	    (!e->place ||
	     2 * votes[QT_NER_PERSON] > votes[QT_NER_O] + votes[QT_NER_PERSON] +
	                                        votes[QT_NER_LOCATION] +
	                                        votes[QT_NER_ORGANIZATION]))
		return QK_PERSON;
	/* a town in WordNet ("Liverpool said"), "Nice, France", "the city
	 * of Nice" */
	if (name_is_place(c, e, NULL) || (e->place && place_context(c, ent)))
		return QK_PLACE;
	if (votes[QT_NER_ORGANIZATION])
		return QK_ORG;
	/* (the tagger's "in X" is no evidence for a name that spoke: it
	 * calls "in Politico" a place) */
	if (e->place && votes[QT_NER_LOCATION] && !e->person)
		return QK_PLACE;
	/* ("the X said", "X, a company,") */
	return e->nonperson && !e->place ? QK_ORG : QK_UNKNOWN;
}

/* Is the first word of e's name a given name in first-names.txt, folded
 * as qt_name_gender() folds it (accents off, "Mary-Jane" whole then
 * "Mary", an initial "J." no name)? */
static bool
given_first(const actx *c, const entity *e)
{
	return qt_name_gender(c->ld, e->name, e->name_len) != 0;
}

/*
 * What the speaker entity ent is (QK_*): a place when its name is one in
 * WordNet, is no surname of a person the article names, and the article
 * shows no person (no honorific, title, age or gender); an organisation
 * when the article shows one ("the X", "X, a company,", an organisation
 * word, "it said"); a person when the article shows one, or the name
 * spoke and has more than one word; a one-word name with no other
 * evidence by bare_name_kind(); else unknown.
 */
int
qt_entity_kind(const actx *c, int ent)
{
	const entity *e = ent_at(c, ent);
	bool one = !memchr(e->name, ' ', e->name_len);
	bool personal = e->strong || e->gender || e->title ||
	                (one && surname_of_named(c, e));
	int pv;

	/* (a town that spoke as a name, "Clinton said", is asked of the
	 * tagger: towns are surnames too) */
	if (!personal && name_is_place(c, e, &pv) &&
	    (!one || !e->person ||
	     (pv & (WNL_COUNTRY | WNL_REGION | WNL_CAPITAL))))
		return QK_PLACE;
	if (e->org || (e->headorg && !personal))
		return QK_ORG;
	/* "Democrats said", "Residents said": a group described */
	if (one && !personal && people_plural(c, e))
		return QK_DESC;
	if (personal)
		return QK_PERSON;
	if (one && (e->person || e->nonperson))
		return bare_name_kind(c, ent, e);
	if (e->person)
		return QK_PERSON;
	if (e->nonperson)
		return e->place ? QK_PLACE : QK_ORG;
	/* "Mark Kirk", "Morris J. Brooks Jr": a name of two words or more
	 * whose first word is a given name (first-names.txt), with no sign
	 * of anything else, is a person's */
	if (!one && given_first(c, e))
		return QK_PERSON;
	return QK_UNKNOWN;
}
