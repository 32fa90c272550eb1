/*
 * names.c: shapes of names that the entity scan (entities.c) asks
 * about.  A word that opens a sentence is capitalised whatever it is,
 * so a lone one is a name only on more evidence than its capital.
 * Reads the tokens, the lexicons and the tagger; writes nothing.
 */
#include "names.h"
#include "tagger.h"

/* The words tagged from a sentence opener: the opener, and the two
 * after it that the tagger reads for it. */
#define OPENER_WINDOW 3

/* The tagger's tag of the word at a, which opens its sentence, read
 * there, or with `lead` (a word, or NULL) before it as if the sentence
 * went on from it; false without a tagger, out of memory or at a
 * sentence of one word. */
static bool
opener_tag(const actx *c, size_t a, const char *lead, qt_tag *out)
{
	bool failed = false, ok = false;
	const qt_tagger *tg = qt_lang_tagger(c->ld, &failed);
	qt_tagger_work *w;
	qt_tagger_tok toks[OPENER_WINDOW + 1];
	qt_tag tags[OPENER_WINDOW + 1];
	size_t n = 0, s1 = sentence_end(c, a) + 1, k, at = 0;

	if (!tg || !(w = qt_lang_tagger_work(c->ld)))
		return false;
	if (lead) {
		toks[0].s = lead;
		toks[0].len = strlen(lead);
		n = at = 1;
	}
	for (k = a; k < s1 && k < c->n && n < at + OPENER_WINDOW; k++, n++) {
		toks[n].s = c->text + c->t[k].start;
		toks[n].len = c->t[k].end - c->t[k].start;
	}
	if (n >= at + 2 && qt_tagger_tag_first(tg, w, toks, n, at + 1, tags)) {
		*out = tags[at];
		ok = true;
	}
	qt_lang_tagger_work_done(c->ld, w);
	return ok;
}

/*
 * "Frustrations with the plan", "Thirteen years earlier": is the
 * capitalised word at a, opening its sentence, a common noun or a number
 * to the tagger even read inside a sentence (after "and"), where a
 * capital shows a name?  Unknown names the tagger takes for common words
 * at a sentence's start ("Lindqvist went further") it reads as names
 * there.
 */
bool
qt_opener_is_common(const actx *c, size_t a)
{
	qt_tag tg;

	return opener_tag(c, a, "and", &tg) &&
	       (tg.pos == QT_POS_NOUN || tg.pos == QT_POS_NUM);
}

/*
 * "Orlova spoke at the harbour.": a lone capitalised word opening its
 * sentence names a person when the article never writes it in
 * lowercase, no word list knows it (a title, an organisation word, a
 * person noun, a cue, a time word), a lowercase verb follows it (no
 * auxiliary: "Rafi is the name of a ferry" says nothing of a person), and
 * the tagger reads it as a person's proper name.
 */
bool
qt_opener_is_name(const actx *c, size_t a)
{
	qt_tag tg;

	if (a + 1 >= c->n || !is_w(&c->t[a + 1]) ||
	    (c->t[a + 1].flags & TF_CAP) || c->inq[a + 1] ||
	    (c->t[a].flags & TF_ALLCAP) || qt_possessive(c, a) ||
	    qt_lower_has(c, a) || class_is(c, a, CL_TIME) ||
	    qt_lex(c, LEX_TITLES, a, a + 1) >= 0 ||
	    qt_lex(c, LEX_ORGS, a, a + 1) >= 0 ||
	    qt_lex(c, LEX_PERSONS, a, a + 1) >= 0 ||
	    qt_lex(c, LEX_CUES, a, a + 1) >= 0 || word_is(c, a + 1, W_AUX) ||
	    qt_pos_at(c, a + 1) != QT_POS_VERB || !opener_tag(c, a, NULL, &tg))
		return false;
	return tg.pos == QT_POS_PROPN && tg.ner == QT_NER_PERSON;
}

/* The surname chains looked at for surname_of_full_name(). */
#define SURNAME_CHAIN 8

/* Is the word at a the last word of a name of two or more words that the
 * article gave ("the Clinton campaign" after Hillary Clinton)?  Asked
 * before the tagger, which costs more. */
static bool
surname_of_full_name(const actx *c, size_t a)
{
	int e = qt_eidx_by_last(c, c->text + c->t[a].start,
	                        c->t[a].end - c->t[a].start);
	size_t k;

	for (k = 0; e >= 0 && k < SURNAME_CHAIN;
	     k++, e = qt_eidx_next_last(c, e)) {
		const entity *x = ent_at(c, e);
		if (memchr(x->name, ' ', x->name_len))
			return true;
	}
	return false;
}

/*
 * "the city's Black population", "conservative Web sites": is the lone
 * capitalised word at a, inside its sentence, a modifier of the
 * lowercase noun after it (the tagger's adjective or common noun, where
 * names it reads as proper: "the Clinton campaign", "Trump
 * supporters")?  Such a word names no one.
 */
bool
qt_modifier_word(const actx *c, size_t a)
{
	int pos, v;
	bool adjnoun, before_noun;

	if (a == 0 || a + 1 >= c->n || c->t[a - 1].sent != c->t[a].sent ||
	    is_break_tok(&c->t[a - 1]) || c->t[a - 1].kind == TK_QUOTE ||
	    (c->t[a].flags & TF_ALLCAP) || qt_possessive(c, a))
		return false;
	/* ("they were also Black, male": a person noun that WordNet has
	 * as an adjective too, read as one) */
	v = qt_lex(c, LEX_PERSONS, a, a + 1);
	adjnoun = v >= 0 && (v & WNP_MODIFIER);
	before_noun = is_w(&c->t[a + 1]) && !(c->t[a + 1].flags & TF_CAP) &&
	              !c->inq[a + 1] && c->t[a + 1].sent == c->t[a].sent &&
	              qt_cue_at(c, a + 1) < 0;
	if (!adjnoun && !before_noun)
		return false;
	if (surname_of_full_name(c, a))
		return false;
	pos = qt_pos_at(c, a);
	/* (the word after it a noun: "a hoarse-voiced Hardy got in" is a
	 * name before its verb) */
	if (pos != QT_POS_ADJ && !(before_noun && pos == QT_POS_NOUN))
		return false;
	return !before_noun || adjnoun || qt_pos_at(c, a + 1) == QT_POS_NOUN;
}

bool
qt_plural_people(const actx *c, size_t a, size_t b)
{
	int v = b == a + 1 ? qt_lex(c, LEX_PERSONS, a, b) : -1;
	qt_tag tg;

	/* (the tagger's common noun, not "Hicks said", "Jacobs wrote":
	 * surnames that are plurals too) */
	if (v < 0 || !(v & WNP_PLURAL) || (v & WNP_SINGULAR) ||
	    qt_pos_at(c, a) != QT_POS_NOUN)
		return false;
	/* (at a sentence's start, no person's name read inside a
	 * sentence either: "and Porters were" is none, "and Parsons
	 * said" is) */
	if (a > 0 && c->t[a - 1].sent == c->t[a].sent &&
	    !is_break_tok(&c->t[a - 1]))
		return true;
	return opener_tag(c, a, "and", &tg) && tg.ner != QT_NER_PERSON;
}

/*
 * Does the title word ending the two-word run [a, a + 2) belong to the
 * name rather than stand after it: a plural person noun in WordNet
 * ("Dallas Cowboys", "United Steelworkers", "Charlie Spies": a group's
 * name, or a surname), or a group title that heads an organisation's
 * name in WordNet, written capitalised ("Toronto Police": the force,
 * not "police" of a place)?  (A singular one is left a title: kept
 * whole, "Presumptive Democratic" and its kind named no one better.)
 */
bool
qt_title_ends_name(actx *c, size_t a)
{
	int v, t;

	if (a + 2 > c->n || !is_w(&c->t[a]) || !is_w(&c->t[a + 1]))
		return false;
	v = qt_lex(c, LEX_PERSONS, a + 1, a + 2);
	if (v >= 0 && (v & WNP_PLURAL) && !(v & WNP_SINGULAR))
		return true;
	if ((c->t[a + 1].flags & (TF_CAP | TF_ALLCAP)) != TF_CAP)
		return false;
	t = qt_lex(c, LEX_TITLES, a + 1, a + 2);
	v = qt_lex(c, LEX_ORGNOUNS, a + 1, a + 2);
	return t >= 0 && (t & TITLE_GROUP) && v > 0 && (v & WNO_HEAD);
}

/* The most items and the most words of one item of a name with commas
 * inside ("Meteorology, Climatology and Geophysics Agency"). */
#define COMMA_NAME_ITEMS 5
#define COMMA_NAME_WORDS 3

/* The end of the capitalised words from k, in the sentence of k and
 * outside quotes, at most `most` of them. */
static size_t
cap_words_end(const actx *c, size_t k, size_t most)
{
	size_t e = k;

	while (e < c->n && e < k + most && is_w(&c->t[e]) &&
	       (c->t[e].flags & TF_CAP) && !c->inq[e] &&
	       c->t[e].sent == c->t[k].sent)
		e++;
	return e;
}

/* Is the item [a, b) of a list a name of its own: an acronym, or one
 * with an organisation word ("the FBI, CIA and Justice Department", "the
 * Army, Navy and Air Force" list three)? */
static bool
item_named(const actx *c, size_t a, size_t b)
{
	size_t k;

	for (k = a; k < b; k++)
		if ((c->t[k].flags & TF_ALLCAP) ||
		    qt_lex(c, LEX_ORGS, k, k + 1) >= 0)
			return true;
	return false;
}

size_t
qt_comma_name_end(const actx *c, size_t a, size_t b)
{
	size_t k = b, e, items = 1;

	if (b >= c->n || !is_p(&c->t[b], ',') || item_named(c, a, b))
		return b;
	while (k + 1 < c->n && is_p(&c->t[k], ',') &&
	       items < COMMA_NAME_ITEMS && c->t[k].sent == c->t[k + 1].sent) {
		/* ", and Harbour Agency": the last item after all */
		if (wordeq(c, k + 1, "and"))
			break;
		e = cap_words_end(c, k + 1, COMMA_NAME_WORDS);
		if (e == k + 1 || item_named(c, k + 1, e))
			return b;
		k = e;
		items++;
	}
	if (k == b || k >= c->n)
		return b;
	if (is_p(&c->t[k], ','))
		k++;
	if (!wordeq(c, k, "and") || c->inq[k])
		return b;
	e = cap_words_end(c, k + 1, COMMA_NAME_WORDS + 1);
	if (e == k + 1 || qt_lex(c, LEX_ORGS, e - 1, e) < 0 ||
	    qt_lex(c, LEX_TITLES, e - 1, e) >= 0)
		return b;
	return e;
}

/* The most words of an organisation's part after its possessive ("School
 * of Public Policy", "Kennedy School of Government"). */
#define ORG_PART_WORDS 6

bool
qt_has_org_word(const actx *c, size_t a, size_t b)
{
	size_t k;

	for (k = a; k < b; k++)
		if (is_w(&c->t[k]) && qt_lex(c, LEX_ORGS, k, k + 1) >= 0)
			return true;
	return false;
}

size_t
qt_org_possessive_end(const actx *c, size_t a, size_t b)
{
	size_t e = b, last = b;

	if (b >= c->n || !qt_has_org_word(c, a, b))
		return b;
	/* capitalised words, with "of", "on" or "for" (and "the") between
	 * two of them */
	while (e < c->n && e < b + ORG_PART_WORDS && !c->inq[e] &&
	       c->t[e].sent == c->t[b - 1].sent) {
		if (is_w(&c->t[e]) && (c->t[e].flags & TF_CAP) &&
		    !qt_possessive(c, e)) {
			last = ++e;
			continue;
		}
		if (e > b && (wordeq(c, e, "of") || wordeq(c, e, "on") ||
		              wordeq(c, e, "for"))) {
			e += wordeq(c, e + 1, "the") ? 2 : 1;
			continue;
		}
		break;
	}
	return last > b && qt_has_org_word(c, b, last) ? last : b;
}

bool
qt_first_name_at(const actx *c, size_t k)
{
	qbuf f = {0};
	bool yes = false;

	if (k >= c->n || !is_w(&c->t[k]))
		return false;
	qt_text_fold(&f, c->text + c->t[k].start, c->t[k].end - c->t[k].start);
	if (!f.failed && f.len)
		yes = qt_first_name(c->ld, f.ptr, f.len) >= 0;
	qbuf_free(&f);
	return yes;
}

/* The most words of the "for"/"of" phrase after a role ("the lawyer for
 * the Harbour Workers Union of Tarnby"). */
#define ROLE_PHRASE_WORDS 8

/* The end of the phrase that "for" or "of" at k opens after a role
 * word: words outside quotes, no cue, up to ROLE_PHRASE_WORDS; k when
 * there is no such phrase. */
size_t
qt_role_phrase_end(actx *c, size_t k)
{
	size_t e;

	if (!(wordeq(c, k, "for") || wordeq(c, k, "of")))
		return k;
	for (e = k + 1;
	     e < c->n && e <= k + ROLE_PHRASE_WORDS && is_w(&c->t[e]) &&
	     !c->inq[e] && c->t[e].sent == c->t[k].sent &&
	     qt_cue_at(c, e) < 0 && !qt_possessive(c, e) && !qt_rel_word(c, e);
	     e++)
		;
	return e > k + 1 ? e : k;
}

/* Is the segment of words from k up to the next comma or end of clause
 * an item of a list ("Roads and Rail", "planning and transit"): at most
 * seven words, no article, cue or pronoun?  Its end in *e. */
static bool
list_item(const actx *c, size_t k, size_t *e)
{
	size_t p;

	for (p = k; p < c->n && p < k + 8 && is_w(&c->t[p]) && !c->inq[p]; p++)
		if (word_is(c, p, W_ARTICLE) || qt_cue_at(c, p) >= 0 ||
		    qt_lex(c, LEX_PRONOUNS, p, p + 1) >= 0)
			return false;
	*e = p;
	return p > k && p < c->n && !is_w(&c->t[p]);
}

/* The longest description an article-led apposition may be: "the
 * harbour manager", "the city's deputy fire chief" (words after "the"). */
#define APPOSITION_DESC_WORDS 5

/*
 * "Dan Lee, the harbour manager, said": the title an apposition of "the"
 * and a description ending in a title (not a group) gives the name ending before token b, the words after "the" up to the
 * closing comma or the clause's end.  The text (its length in *len), or
 * NULL.
 */
char *
qt_article_apposition_title(actx *c, size_t b, size_t *len)
{
	size_t k = b + 2, e;
	int tv;

	if (b + 3 >= c->n || !is_p(&c->t[b], ',') || !wordeq(c, b + 1, "the") ||
	    c->inq[b + 1])
		return NULL;
	for (e = k; e < c->n && e < k + APPOSITION_DESC_WORDS &&
	            is_w(&c->t[e]) && !c->inq[e] && qt_cue_at(c, e) < 0 &&
	            !qt_is_prep(c, e) && !wordeq(c, e, "of") &&
	            !qt_rel_word(c, e) && !(c->t[e].flags & TF_CAP);
	     e++)
		if (qt_possessive(c, e))
			return NULL;
	/* (a role, not any person noun: "Obama, the idealist," keeps the
	 * title "President" the article gives him later) */
	tv = e > k ? qt_lex(c, LEX_TITLES, e - 1, e) : -1;
	if (tv < 0 || (tv & TITLE_GROUP))
		return NULL;
	/* "the lawyer for Animal Rescue Services of Tarnby": the phrase
	 * is part of the role */
	if (e < c->n && qt_role_phrase_end(c, e) > e)
		e = qt_role_phrase_end(c, e);
	if (e >= c->n || !(is_p(&c->t[e], ',') ||
	                   (is_end_p(&c->t[e]) && !qt_inner_dot(c, e))))
		return NULL;
	return qt_span_text(c, k, e, len);
}

/*
 * The title an apposition gives the name ending before token b, "Raj
 * Patel, Minister of Ports, Roads and Rail, said": a phrase opening with
 * a title word, up to its closing comma or the clause's end; a list
 * after its "of" ("Ports, Roads and Rail") is part of it.  The text
 * (its length in *len), or NULL.
 */
char *
qt_apposition_title(actx *c, size_t b, size_t *len)
{
	size_t k = b + 1, e, w;
	bool of = false;

	if (b + 2 >= c->n || !is_p(&c->t[b], ',') || c->inq[k] ||
	    !is_w(&c->t[k]) || qt_wh_relative(c, k))
		return NULL;
	for (w = 3; w >= 1; w--)
		if (k + w <= c->n && qt_lex(c, LEX_TITLES, k, k + w) >= 0)
			break;
	/* (not a title before a name: "President Ann Lee's adviser") */
	if (w == 0 || (qt_lex(c, LEX_TITLES, k, k + w) & TITLE_GROUP) ||
	    (k + w < c->n && is_w(&c->t[k + w]) &&
	     (c->t[k + w].flags & TF_CAP)))
		return NULL;
	for (e = k; e < c->n && e < k + 16 && is_w(&c->t[e]) && !c->inq[e] &&
	            qt_cue_at(c, e) < 0;
	     e++)
		if (wordeq(c, e, "of") || wordeq(c, e, "for"))
			of = true;
	/* "of Ports, Roads and Rail,": items up to the one with "and" */
	while (of && e + 1 < c->n && is_p(&c->t[e], ',') &&
	       !wordeq(c, e - 1, "and")) {
		size_t f;
		bool has_and = false;
		if (!list_item(c, e + 1, &f))
			break;
		for (w = e + 1; w < f; w++)
			if (wordeq(c, w, "and"))
				has_and = true;
		if (!has_and &&
		    !(is_p(&c->t[f], ',') && list_item(c, f + 1, &w) &&
		      w > f + 1 && wordeq(c, w - 2, "and")))
			break;
		e = f;
		if (has_and)
			break;
	}
	if (e >= c->n || !(is_p(&c->t[e], ',') || is_end_p(&c->t[e])) ||
	    qt_inner_dot(c, e))
		return NULL;
	return qt_span_text(c, k, e, len);
}
