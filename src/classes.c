/*
 * classes.c: what the attribution stage asks of the word classes
 * generated from WordNet 3.0 (data/en/wn-*.txt, tools/wordnet_classes.py):
 * the typed tests (an organisation noun,
 * a document noun, a person noun) that the other files call.  Reads the
 * tokens and the language data; writes nothing.
 */
#include <stdlib.h>

#include "attrib_int.h"
#include "kind.h"
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

/* The tokens tagged around [a, b): TYPE_CONTEXT either side, within
 * the sentence of a (the tagger's features reach two words). */
#define TYPE_CONTEXT 4

/* The words after a token that its tag depends on (the tagger's w+1,
 * w+2; its labels run from left to right and read no later label). */
#define TAG_LOOKAHEAD 2

/* Tag the window around the words [a, b) into tags[0..*n) (the window's
 * first token in *s0), with toks and tags of room for cap tokens; false
 * when the window does not fit or the tagger fails (out of memory).
 * Only the tags of the tokens before b are made (the rest are OTHER,
 * O), and the tagger reads only TAG_LOOKAHEAD words past them: those tags
 * are the ones the whole window would have. */
static bool
tag_window(const actx *c, const qt_tagger *tg, qt_tagger_work *w, size_t a,
           size_t b, qt_tagger_tok *toks, qt_tag *tags, size_t cap, size_t *s0p,
           size_t *np)
{
	size_t s0 = sentence_start(c, a), s1 = sentence_end(c, a) + 1, k;

	if (a > s0 + TYPE_CONTEXT)
		s0 = a - TYPE_CONTEXT;
	if (b + TYPE_CONTEXT < s1)
		s1 = b + TYPE_CONTEXT;
	if (s1 <= s0 || s1 - s0 > cap)
		return false;
	if (b + TAG_LOOKAHEAD < s1)
		s1 = b + TAG_LOOKAHEAD;
	for (k = s0; k < s1; k++) {
		toks[k - s0].s = c->text + c->t[k].start;
		toks[k - s0].len = c->t[k].end - c->t[k].start;
	}
	*s0p = s0;
	*np = s1 - s0;
	return qt_tagger_tag_first(tg, w, toks, s1 - s0, b > s0 ? b - s0 : 0,
	                           tags);
}

/* The tag of token k read in its own window (the words around it in
 * its sentence: tag_window() of [k, k + 1), which depends on k alone):
 * qt_pos_at()'s part of speech, and the entity class the one-word
 * mentions of qt_type_entities() and qt_ner_votes() read in the same
 * window.  Kept in c->posc (parts of speech + 1, then from c->n on the
 * entity classes + 1, half a byte each), so that each
 * token is tagged so once.  False when the tagger fails (out of
 * memory). */
static bool
word_tag(const actx *c, const qt_tagger *tg, qt_tagger_work *w, size_t k,
         qt_tag *out)
{
	qt_tagger_tok toks[2 * TYPE_CONTEXT + 1];
	qt_tag tags[2 * TYPE_CONTEXT + 1];
	size_t s0, n;
	unsigned sh = (unsigned)(k & 1) * 4;
	uint8_t *nb = c->posc ? &c->posc[c->n + k / 2] : NULL;

	if (nb && c->posc[k] && ((*nb >> sh) & 15)) {
		out->pos = (uint8_t)(c->posc[k] - 1);
		out->ner = (uint8_t)(((*nb >> sh) & 15) - 1);
		return true;
	}
	if (!tag_window(c, tg, w, k, k + 1, toks, tags, QUOTH_ARRAY_LEN(toks),
	                &s0, &n))
		return false;
	*out = tags[k - s0];
	if (nb) {
		c->posc[k] = (uint8_t)(out->pos + 1);
		*nb = (uint8_t)((*nb & ~(15u << sh)) | (unsigned)(out->ner + 1)
		                                               << sh);
	}
	return true;
}

/*
 * The tagger's part of speech (QT_POS_*) of token k, from the words
 * around it in its sentence: for rules that must know a word is a verb
 * ("said Cook provided a statement": "provided" is).  -1 without a tagger
 * or out of memory.  Tags a few words per call (remembered in c->posc):
 * for rules that ask rarely, never for every token of an article.
 */
int
qt_pos_at(const actx *c, size_t k)
{
	bool failed = false;
	const qt_tagger *tg;
	qt_tagger_work *w;
	qt_tag tg1;
	int pos = -1;

	if (k >= c->n)
		return -1;
	/* (the window, and so the tag, depends on k alone: about a
	 * quarter of the calls ask again; a tag kept was the tagger's) */
	if (c->posc && c->posc[k])
		return c->posc[k] - 1;
	if (!(tg = qt_lang_tagger(c->ld, &failed)) ||
	    !(w = qt_lang_tagger_work(c->ld)))
		return -1;
	if (word_tag(c, tg, w, k, &tg1))
		pos = tg1.pos;
	qt_lang_tagger_work_done(c->ld, w);
	return pos;
}

/*
 * What the capitalised word at k, in the run of capitalised words [a, b),
 * is to the name that the words after it, [k + 1, b), make (LEAD_*).
 * The words before a name that describe it: a plural-only person noun
 * (WordNet: "Celebrities Julianne Moore", "fellow Democrats Ann Lee"),
 * a singular demonym ("Vermonter Bernie Sanders"), and at a sentence's
 * start, where every word is capitalised, a word the tagger calls a
 * verb, an adjective, an adverb, a number or a function word
 * ("Entrusting Donald Trump", "Former Obama aides", "Six Trump
 * delegates"; qt_word_not_noun()).  Each only when the rest is surely a
 * name by itself: one the article named before (LEAD_IF_KNOWN: the
 * caller knows the names), or two or more words with no organisation
 * word; so "Veterans Affairs", "Media Research Center", "Western
 * Journalism" and "Playing Field Promotions" stay whole.  Singular
 * person nouns never count: they are first names too (Hunter, Guy,
 * Don).
 */
int
qt_lead_word(const actx *c, size_t a, size_t k, size_t b)
{
	int v = qt_lex(c, LEX_PERSONS, k, k + 1);
	bool multi = b >= k + 3;
	size_t j;

	/* (a possessive hides its word from the lists: "Media Research
	 * Center's") */
	for (j = k + 1; multi && j < b; j++)
		if (qt_lex(c, LEX_ORGS, j, j + 1) >= 0 || qt_possessive(c, j))
			multi = false;
	if (v >= 0 && (v & WNP_PLURAL) && !(v & WNP_SINGULAR))
		return multi ? LEAD_DESC : LEAD_IF_KNOWN;
	if (v >= 0 && (v & WNP_DEMONYM) && (v & WNP_SINGULAR) &&
	    !(v & WNP_MODIFIER))
		return multi ? LEAD_DESC : LEAD_NAME;
	/* (a person noun leads a name: "German Ortega", "Hunter Biden") */
	if (k != a || v >= 0 ||
	    (k > 0 && c->t[k - 1].sent == c->t[k].sent &&
	     !is_break_tok(&c->t[k - 1]) && c->t[k - 1].kind != TK_QUOTE))
		return LEAD_NAME;
	return LEAD_POS_IF_KNOWN;
}

/* Does the tagger call the word at k a verb, an adjective, an adverb, a
 * number or a function word: no noun? */
bool
qt_word_not_noun(const actx *c, size_t k)
{
	int pos = qt_pos_at(c, k);

	return pos == QT_POS_VERB || pos == QT_POS_ADJ || pos == QT_POS_ADV ||
	       pos == QT_POS_NUM || pos == QT_POS_ADP || pos == QT_POS_DET ||
	       pos == QT_POS_PRON;
}

/*
 * "Iowa", "China", "Beijing", named however often: an entity whose whole
 * name is a country, a state or province, or a national capital in
 * WordNet (wn-places.txt; not a mere city or town, which are surnames
 * too: Houston, Lincoln, Clinton), and that the article shows no sign of
 * being a person (no title, honorific, gender, or fuller name), is a
 * place: nonperson, so that it speaks only as the subject of its own cue
 * and no "he" refers to it.  Returns the number of entities typed.
 */
size_t
qt_type_place_names(actx *c)
{
	size_t i, typed = 0;

	for (i = 0; i < c->ents.len; i++) {
		entity *e = ent_at(c, (int)i);

		if (e->person || e->place || !qt_place_name(c, e))
			continue;
		e->place = e->nonperson = true;
		typed++;
	}
	return typed;
}

int
qt_place_flags(const actx *c, const entity *e)
{
	qbuf f = {0};
	int v;

	qt_text_fold(&f, e->name, e->name_len);
	v = f.failed || !f.len
	            ? -1
	            : qt_lexicon_get(c->ld->lex[LEX_PLACES], f.ptr, f.len);
	qbuf_free(&f);
	return v;
}

/* Is e's whole name a country, a state or province, or a national
 * capital in WordNet (wn-places.txt), with no sign of a person in the
 * article (title, honorific, gender) nor of an organisation? */
bool
qt_place_name(const actx *c, const entity *e)
{
	int v;

	if (e->org || e->strong || e->gender || e->title)
		return false;
	v = qt_place_flags(c, e);
	return v >= 0 && (v & (WNL_COUNTRY | WNL_REGION | WNL_CAPITAL));
}

/* Entity e is a place, as the tagger reads it; one more typed. */
static void
mark_place(entity *e, size_t *typed)
{
	e->place = e->nonperson = true;
	e->person = false;
	(*typed)++;
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
size_t
qt_type_entities(actx *c)
{
	const qt_tagger *tg = NULL;
	qt_tagger_work *w = NULL;
	qt_tagger_tok *toks = NULL;
	qt_tag *tags = NULL;
	size_t i, k, typed = 0, cap = 0;

	for (i = 0; i < c->ments.len; i++) {
		const mention_rec *m = QVEC_AT(&c->ments, mention_rec, i);
		entity *e = ent_at(c, m->ent);
		size_t s0, n, votes[QT_NER_COUNT_] = {0};
		/* (a name the article repeats has shown what it is, or
		 * will: "Trump" in "Trump Tower" first is still a man) */
		if (e->first_tok != m->tok || e->nment > 1 || e->strong ||
		    e->gender || e->org || e->place || e->nonperson ||
		    c->inq[m->tok])
			continue;
		/* (the tagger and a work only for a document that needs
		 * them: loading the tagger is most of a short run) */
		if (!w) {
			tg = qt_lang_tagger(c->ld, &c->failed);
			if (!tg)
				break;
			if (!(w = qt_lang_tagger_work(c->ld))) {
				c->failed = true;
				break;
			}
		}
		/* (a word alone: its own window, tagged once) */
		if (m->end == m->tok + 1) {
			qt_tag t1;
			if (!word_tag(c, tg, w, m->tok, &t1)) {
				c->failed = true;
				break;
			}
			if (t1.ner == QT_NER_LOCATION)
				mark_place(e, &typed);
			continue;
		}
		n = m->end - m->tok + 2 * TYPE_CONTEXT;
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
		if (!tag_window(c, tg, w, m->tok, m->end, toks, tags, cap, &s0,
		                &n)) {
			c->failed = true;
			break;
		}
		for (k = m->tok; k < m->end && k < s0 + n; k++)
			votes[tags[k - s0].ner]++;
		/* (only places: typing organisations so cost validation
		 * speakers, 0.897 -> 0.892 GGT strict; see the report of
		 * issue 11) */
		if (votes[QT_NER_LOCATION] == m->end - m->tok)
			mark_place(e, &typed);
	}
	free(toks);
	free(tags);
	qt_lang_tagger_work_done(c->ld, w);
	return typed;
}

/* The mentions of one entity that qt_ner_votes() tags, at most. */
#define VOTE_MENTIONS 12

/* The longest mention qt_ner_votes() tags, in tokens. */
#define VOTE_SPAN 6

/* Index of entity ent's first mention in c->ments (they are in token
 * order), or the end of c->ments for no entity. */
static size_t
first_mention(const actx *c, int ent)
{
	if (ent < 0 || (size_t)ent >= c->ents.len)
		return c->ments.len;
	return qt_first_mention(c, ent_at(c, ent)->first_tok);
}

/*
 * What the tagger's entity class says entity ent is: votes[QT_NER_*]
 * counts its first mentions outside quotes (up to VOTE_MENTIONS) whose
 * every word it tags so, from the words around each (as
 * qt_type_entities() does).  For the kind of a speaker the article gave
 * no other evidence of: asked once per such quote, never for every
 * entity.  False without a tagger or out of memory (votes unchanged).
 */
bool
qt_ner_votes(const actx *c, int ent, size_t votes[QT_NER_COUNT_])
{
	bool failed = false;
	const qt_tagger *tg = qt_lang_tagger(c->ld, &failed);
	qt_tagger_work *w;
	qt_tagger_tok toks[2 * TYPE_CONTEXT + VOTE_SPAN];
	qt_tag tags[2 * TYPE_CONTEXT + VOTE_SPAN];
	size_t i, k, s0, n, done = 0;
	bool ok = true;

	if (!tg || !(w = qt_lang_tagger_work(c->ld)))
		return false;
	for (i = first_mention(c, ent);
	     i < c->ments.len && done < VOTE_MENTIONS; i++) {
		const mention_rec *m = QVEC_AT(&c->ments, mention_rec, i);
		size_t same[QT_NER_COUNT_] = {0};
		int t;

		if (m->tok > ent_at(c, ent)->last_tok)
			break;
		if (m->ent != ent || c->inq[m->tok] ||
		    m->end > m->tok + VOTE_SPAN)
			continue;
		/* (a word alone: its own window, tagged once) */
		if (m->end == m->tok + 1) {
			qt_tag t1;
			if (!word_tag(c, tg, w, m->tok, &t1)) {
				ok = false;
				break;
			}
			votes[t1.ner]++;
			done++;
			continue;
		}
		if (!tag_window(c, tg, w, m->tok, m->end, toks, tags,
		                QUOTH_ARRAY_LEN(toks), &s0, &n)) {
			ok = false;
			break;
		}
		for (k = m->tok; k < m->end && k < s0 + n; k++)
			same[tags[k - s0].ner]++;
		for (t = 0; t < QT_NER_COUNT_; t++)
			if (same[t] == m->end - m->tok)
				votes[t]++;
		done++;
	}
	qt_lang_tagger_work_done(c->ld, w);
	return ok;
}
