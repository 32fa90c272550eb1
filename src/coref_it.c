/*
 * coref_it.c: attribution: what a speaker mention that is no personal
 * pronoun refers to.  "it": an organisation or a document; "the
 * company": the organisation the article introduced; "a Vancouver
 * coach": the person named in the next sentence; and the window an
 * antecedent is looked for in (this paragraph, or the one before when
 * the pronoun opens its own).  "he" and "she", and whether a mention is
 * the subject of its clause, are coref.c's.  Reads tokens, quotes,
 * entities and mentions; returns entities or token spans, writes
 * nothing.
 */
#include <stdlib.h>
#include <string.h>

#include "attrib_int.h"
#include "tagger.h"
/* Is the word at h, lowercased, the plural of a noun whose first sense
 * is an organisation, a group or a workplace (wn-org-nouns.txt h:
 * "farms", "dairies", "unions", "businesses"; with `listed` also one of
 * orgs.txt: "groups", "banks"), not of one that is something else first
 * ("markets", "streets", "classes")? */
static bool
plural_of_org_head(const actx *c, size_t h, bool listed)
{
	size_t n = c->t[h].end - c->t[h].start;
	char f[24];
	int v;

	if (n < 4 || n >= sizeof(f) ||
	    !qt_ascii_lower(f, c->text + c->t[h].start, n, QT_LOWER_LETTERS) ||
	    f[n - 1] != 's')
		return false;
	/* "dairies" -> "dairy", "farms" -> "farm", "businesses" ->
	 * "business" */
	if (n > 4 && f[n - 3] == 'i' && f[n - 2] == 'e') {
		f[n - 3] = 'y';
		n -= 2;
	} else {
		n--;
	}
	v = qt_lexicon_get(c->ld->lex[LEX_ORGNOUNS], f, n);
	if (v < 0 && listed && n > 3 && f[n - 1] == 'e' && f[n - 2] == 's')
		v = qt_lexicon_get(c->ld->lex[LEX_ORGNOUNS], f, --n);
	return (v > 0 && (v & WNO_HEAD)) ||
	       (listed && qt_lexicon_get(c->ld->lex[LEX_ORGS], f, n) >= 0);
}

/* Is the capitalised last word of mention m the plural of a name head
 * of wn-org-nouns.txt ("Tarnby Farms", "Pell Studios", "Orford
 * Dairies": farm, studio, dairy)?  The singular ("Tarnby Farm") types
 * the name an organisation's (canon.c); a plural is a surname too
 * often (Mills, Banks) to type the name, but where "the firm" looks for
 * an organisation it is evidence for one. */
static bool
plural_head(const actx *c, const mention_rec *m)
{
	size_t h = m->end - 1;

	return m->end >= m->tok + 2 && is_w(&c->t[h]) &&
	       (c->t[h].flags & TF_CAP) && !(c->t[h].flags & TF_ALLCAP) &&
	       plural_of_org_head(c, h, false);
}

/* Can "it" stand for e?  Not a person; but a one-word name that is a
 * person only because it spoke ("Facebook said"), with nothing else
 * about it that shows a person (a title, an age, he/she, a full name),
 * may be an organisation.  A name of two or more words needs a sign of
 * an organisation: the article's (org, "the X", "X, which"), its head
 * noun's, or `shaped` (mention m's plural head: plural_head()); such a
 * name with none is a person's far more often ("Ada Finch met the
 * board.  It said" is not hers). */
static bool
it_ok(const entity *e, bool shaped)
{
	if (strchr(e->name, ' ') && !e->org && !e->headorg && !e->nonperson &&
	    !shaped)
		return false;
	return e->org || !e->person ||
	       (!e->strong && !e->gender && e->first_multi == QUOTH_NONE &&
	        !strchr(e->name, ' '));
}

/* What "it" at token tok stands for: the newest of the last speaker (if
 * not a person) and the organisations named since as clause subjects
 * within two paragraphs ("Facebook told employees ... It also told
 * workers").  -1 when there is none. */
int
qt_resolve_it(const actx *c, size_t tok, int last_ent, size_t last_tok)
{
	size_t k = qt_first_mention(c, tok), stop;
	uint32_t para = c->t[tok].para;
	const entity *ls = ent_at(c, last_ent);

	stop = k > MENTION_WINDOW ? k - MENTION_WINDOW : 0;
	while (k-- > stop) {
		const mention_rec *m = QVEC_AT(&c->ments, mention_rec, k);
		const entity *e;
		if (m->tok >= tok)
			continue;
		if (c->t[m->tok].para + 2 < para)
			break;
		if (ls && it_ok(ls, false) && m->tok < last_tok)
			break; /* the last speaker is newer */
		e = ent_at(c, m->ent);
		/* persons are no "it"; a one-word name seen once is too
		 * uncertain */
		if (!it_ok(e, plural_head(c, m)) ||
		    (!strchr(e->name, ' ') && !e->org && e->nment < 2))
			continue;
		if (qt_subject_like(c, m))
			return m->ent;
	}
	return ls && it_ok(ls, false) ? last_ent : -1;
}

/* "the Icelanders' release", "the nurses' union": is token b the
 * apostrophe of a plural's possessive, a token of its own right after
 * the word before it? */
bool
qt_plural_apostrophe(const actx *c, size_t b)
{
	return b > 0 && b < c->n && c->t[b].start == c->t[b - 1].end &&
	       c->text[c->t[b - 1].end - 1] == 's' &&
	       (c->text[c->t[b].start] == '\'' ||
	        (c->t[b].end - c->t[b].start == 3 &&
	         memcmp(c->text + c->t[b].start, "\xe2\x80\x99", 3) == 0));
}

/* Mention m is a plural's possessive ("the Icelanders' release"). */
static bool
plural_possessive(const actx *c, const mention_rec *m)
{
	return qt_plural_apostrophe(c, m->end);
}

/* Is mention m one word that WordNet knows only as a plural noun for
 * people ("Canadians", "Democrats"): a group of people, no body? */
static bool
people_plural(const actx *c, const mention_rec *m)
{
	int v;

	if (m->end != m->tok + 1)
		return false;
	v = qt_lex(c, LEX_PERSONS, m->tok, m->end);
	return v >= 0 && (v & WNP_PLURAL) && !(v & WNP_SINGULAR);
}

/* The capitalised country adjective in [a, h) ("the Mexican government":
 * a demonym WordNet knows as an adjective too, wn-person-nouns.txt d and
 * j), or QUOTH_NONE. */
static size_t
country_adjective(const actx *c, size_t a, size_t h)
{
	size_t k;

	for (k = a; k < h; k++) {
		int v;
		if (!is_w(&c->t[k]) || !(c->t[k].flags & TF_CAP))
			continue;
		v = qt_lex(c, LEX_PERSONS, k, k + 1);
		if (v >= 0 && (v & WNP_DEMONYM) && (v & WNP_MODIFIER))
			return k;
	}
	return QUOTH_NONE;
}

/* Does the name of e hold the word at token k ("Mexican" in "Mexican
 * Foreign Ministry")? */
static bool
name_has_word(const actx *c, const entity *e, size_t k)
{
	size_t n = c->t[k].end - c->t[k].start;
	const char *w = c->text + c->t[k].start, *p = e->name, *sp;

	for (;; p = sp + 1) {
		sp = strchr(p, ' ');
		if ((size_t)((sp ? sp : p + strlen(p)) - p) == n &&
		    memcmp(p, w, n) == 0)
			return true;
		if (!sp)
			return false;
	}
}

/*
 * "The company said", "the agency told": the organisation named in this
 * paragraph or the two before, when exactly one is in reach.  A name
 * counts unless the article shows it to be a person (title, gender, age)
 * or a place ("in X"); two candidates, or none, leave the description as
 * written.
 */
int
qt_resolve_description(const actx *c, const quote *q)
{
	const qattr *qa = qa_of(c, q);
	size_t a = qa->sp_tok, h, k, stop, ca;
	uint32_t para;
	int found = -1;
	bool two = false;

	if (qa->sp_kind != SK_ORG || q->entity >= 0 || a >= c->n ||
	    q->mention_end == QUOTH_NONE || !wordeq(c, a, "the"))
		return -1;
	h = qt_tok_of(c, q->mention_end);
	if (h == 0 || h > a + 3)
		return -1;
	h--;
	/* "the Fisheries Board" after "the Northern Fisheries Board": a
	 * short form of an organisation's fuller name; "the PBO", an
	 * acronym of one (canon.c) */
	{
		size_t mk = qt_first_mention(c, a + 1);
		const mention_rec *m0 = mk < c->ments.len
		                                ? QVEC_AT(&c->ments,
		                                          mention_rec, mk)
		                                : NULL;
		if (m0 && m0->tok == a + 1 && m0->end == h + 1 &&
		    ent_at(c, m0->ent)->org &&
		    (qt_short_form(c, ent_at(c, m0->ent), m0->tok, m0->end) ||
		     ent_at(c, m0->ent)->canon))
			return m0->ent;
	}
	if (!qt_org_noun(c, h))
		return -1;
	/* "the Mexican government" is that country's body: an organisation
	 * named with the same adjective ("the Mexican Foreign Ministry"),
	 * or none, never another one in reach.  (Any organisation noun:
	 * whether "Kell Co." is "the Canadian company" the article rarely
	 * says, and a wrong speaker is worse than the description.) */
	ca = country_adjective(c, a + 1, h);
	para = c->t[a].para;
	k = qt_first_mention(c, a);
	stop = k > MENTION_WINDOW ? k - MENTION_WINDOW : 0;
	while (k-- > stop) {
		const mention_rec *m = QVEC_AT(&c->ments, mention_rec, k);
		const entity *e = ent_at(c, m->ent);
		if (c->t[m->tok].para + 1 < para)
			break;
		if ((c->capt && c->capt[c->t[m->tok].para]) ||
		    (c->inrep && c->inrep[m->tok]))
			continue;
		if (e->strong || e->gender || e->place ||
		    qt_possessive(c, m->end - 1) || plural_possessive(c, m) ||
		    people_plural(c, m) ||
		    (ca != QUOTH_NONE && !name_has_word(c, e, ca)))
			continue;
		/* "Pine Valley Council ... the council said": the name
		 * whose last word is the description's noun */
		if ((e->org || e->headorg) && qt_name_head_is(c, e, h))
			return m->ent;
		/* (named once and not marked as one: a headline's words;
		 * but "Brightwater Dairy cut 40 jobs", named like an
		 * organisation as the subject of its clause, is one) */
		if (!e->org && e->nment < 2 &&
		    !((e->headorg || plural_head(c, m)) &&
		      qt_subject_like(c, m)))
			continue;
		if (found >= 0 &&
		    qt_canon_entity(c, found) != qt_canon_entity(c, m->ent))
			two = true; /* two in reach: no guess, unless one
			             * is named by the noun */
		found = m->ent;
	}
	return two ? -1 : found;
}

/*
 * The first mention from token s when it opens the sentence that starts
 * there, after capitalised words at most (titles: "Justice", "Sen."); its
 * index goes to *mk.  NULL otherwise.
 */
static const mention_rec *
opening_mention(const actx *c, size_t s, size_t *mk)
{
	const mention_rec *m;
	size_t k;

	*mk = qt_first_mention(c, s);
	if (*mk >= c->ments.len)
		return NULL;
	m = QVEC_AT(&c->ments, mention_rec, *mk);
	if (m->tok > s + 3)
		return NULL;
	for (k = s; k < m->tok; k++)
		if ((!(c->t[k].flags & TF_CAP) && !is_p(&c->t[k], '.')) ||
		    qt_lex(c, LEX_NONNAMES, k, k + 1) >= 0)
			return NULL;
	return m;
}

/*
 * "A Vancouver hockey coach says ...  Stephen Gillis said ...": a speaker
 * introduced by an indefinite role ("a", "an", "one") and named in the
 * very next sentence (in its paragraph or the next one), where a new
 * person, named in full for the first time, is the subject.  -1 when the
 * next sentence does not open so.
 */
int
qt_named_next(const actx *c, const quote *q)
{
	const qattr *qa = qa_of(c, q);
	size_t a = qa->sp_tok, k, s0, mk;
	const mention_rec *m;
	const entity *e;

	/* the role opens its sentence: "Q, said a GOP aide who ..." and
	 * "However, one source said" introduce nobody */
	if (qa->sp_kind != SK_ROLE || q->entity >= 0 || a >= c->n ||
	    !(wordeq(c, a, "a") || wordeq(c, a, "an") || wordeq(c, a, "one")) ||
	    sentence_start(c, a) != a)
		return -1;
	/* the end of the sentence of the mention, or of the quote */
	k = sentence_end(c, a);
	if (q->last_tok != QUOTH_NONE && q->last_tok > k)
		k = sentence_end(c, q->last_tok);
	for (s0 = k + 1; s0 < c->n && !is_w(&c->t[s0]) && s0 < k + 4; s0++)
		;
	if (s0 >= c->n || !is_w(&c->t[s0]) || c->inq[s0] ||
	    c->t[s0].para > c->t[a].para + 1 ||
	    (c->capt && c->capt[c->t[s0].para]))
		return -1;
	m = opening_mention(c, s0, &mk);
	if (!m)
		return -1;
	/* ... and a verb follows it ("Geert Supre, 56." is a caption) */
	e = ent_at(c, m->ent);
	if (e->org || e->nonperson || m->end < m->tok + 2 ||
	    !qt_subject_like(c, m) || m->end >= c->n || !is_w(&c->t[m->end]) ||
	    (c->t[m->end].flags & TF_CAP) || c->inq[m->end])
		return -1;
	/* new here: named before only in photo captions */
	return qt_first_outside_captions(c, mk) ? m->ent : -1;
}

/*
 * "Trudeau made the comments at a town hall.  The prime minister said
 * ...": a definite role that no title in the article matched is the
 * person who opens the sentence before it (in its paragraph or the one
 * before) as its subject.  -1 otherwise.
 */
int
qt_role_of_prev_subject(const actx *c, const quote *q)
{
	const qattr *qa = qa_of(c, q);
	size_t a = qa->sp_tok, s0, p, ps, mk, k;
	const mention_rec *m;
	const entity *e;
	int tv;

	if (qa->sp_kind != SK_ROLE || q->entity >= 0 || a >= c->n ||
	    !wordeq(c, a, "the") || q->mention_end == QUOTH_NONE)
		return -1;
	k = qt_tok_of(c, q->mention_end);
	if (k == 0 || k > a + 6)
		return -1;
	tv = qt_lex(c, LEX_TITLES, k - 1, k);
	if (tv < 0 || (tv & TITLE_GROUP))
		return -1;
	s0 = sentence_start(c, a);
	if (s0 != a || s0 == 0)
		return -1;
	for (p = s0 - 1; p > 0 && !is_w(&c->t[p]) && s0 - p < 4; p--)
		;
	ps = sentence_start(c, p);
	if (c->t[ps].para + 1 < c->t[s0].para ||
	    (c->capt && c->capt[c->t[ps].para]))
		return -1;
	m = opening_mention(c, ps, &mk);
	if (!m || m->tok >= s0)
		return -1;
	e = ent_at(c, m->ent);
	if (e->org || e->nonperson || !(e->person || e->strong) ||
	    !qt_subject_like(c, m) || qt_possessive(c, m->end - 1) ||
	    ((tv & TITLE_MALE) && e->gender == G_FEMALE) ||
	    ((tv & TITLE_FEMALE) && e->gender == G_MALE))
		return -1;
	return m->ent;
}

/* The first word of the paragraph of token p (p at most). */
static size_t
para_first_word(const actx *c, size_t p)
{
	size_t pa = para_start_tok(c, p);

	while (pa < p && !is_w(&c->t[pa]))
		pa++;
	return pa;
}

/* Is token p in a "READ MORE: ..." line (boilerplate.c)? */
bool
qt_in_label_line(const actx *c, size_t p)
{
	return qt_label_line(c->text, c->t, c->n, para_first_word(c, p));
}

/* Where the antecedent of a pronoun at tok may start: the sentence
 * before its own (in its paragraph; with `prev_para`, also in the
 * paragraph before), at most 80 tokens back. */
static size_t
antecedent_start(const actx *c, size_t tok, int prev_para)
{
	size_t s0 = sentence_start(c, tok), lo;

	if (s0 > 0) {
		size_t p = s0 - 1, pa;
		uint32_t skip = 0;
		while (p > 0 && !is_w(&c->t[p]) && s0 - p < 4)
			p--;
		/* (over a "READ MORE: ..." line between: it links to
		 * another story) */
		pa = para_first_word(c, p);
		if (prev_para && pa > 1 && c->t[p].para + 1 == c->t[tok].para &&
		    qt_label_line(c->text, c->t, c->n, pa)) {
			for (p = pa - 1; p > 0 && !is_w(&c->t[p]) && pa - p < 4;
			     p--)
				;
			skip = 1;
		}
		if (c->t[p].para + skip + (prev_para ? 1u : 0u) >=
		    c->t[tok].para)
			s0 = sentence_start(c, p);
	}
	lo = tok > 80 ? tok - 80 : 0;
	return s0 < lo ? lo : s0;
}

/* Where the antecedent of a pronoun at tok right after a quote ('"Q1.
 * Q2," it stated') may start: as for a pronoun at the quote's opening
 * mark, in its paragraph, since the sentences inside the quote name no
 * one who says it; qt_antecedent_start() otherwise. */
size_t
qt_antecedent_before_quote(const actx *c, size_t tok)
{
	size_t k = tok;

	while (k > 0 && tok - k < 3 && !is_w(&c->t[k - 1]) &&
	       !is_break_tok(&c->t[k - 1]))
		k--;
	if (k == tok || k == 0 || !c->inq[k - 1])
		return antecedent_start(c, tok, 1);
	while (k > 0 && c->inq[k - 1] && c->t[k - 1].para == c->t[tok].para)
		k--;
	return antecedent_start(c, k, 1);
}

/* antecedent_start() with the paragraph before, for pronoun.c and they.c. */
size_t
qt_antecedent_start(const actx *c, size_t tok)
{
	return antecedent_start(c, tok, 1);
}

/* Does the phrase at a open its sentence or a clause? */
bool
qt_opens_clause(const actx *c, size_t a)
{
	return a == sentence_start(c, a) || is_p(&c->t[a - 1], ',') ||
	       is_p(&c->t[a - 1], ';') || word_is(c, a - 1, W_SUBJECT_LEAD);
}

/* A verb (a lowercase word that is no preposition, "of" or "and") or a
 * comma right after the noun at h. */
bool
qt_verb_follows(const actx *c, size_t h)
{
	return h + 1 < c->n && !c->inq[h + 1] &&
	       ((is_w(&c->t[h + 1]) && !(c->t[h + 1].flags & TF_CAP) &&
	         !qt_is_prep(c, h + 1) && !wordeq(c, h + 1, "of") &&
	         !wordeq(c, h + 1, "and")) ||
	        is_p(&c->t[h + 1], ','));
}

/* The flags of lowercase word k in a generated class, 0 when it is
 * capitalised (except opening its sentence: "Companies say"), no word,
 * or not in the class. */
static int
plural_flags(const actx *c, int which, size_t k)
{
	int v;

	if (k >= c->n || !is_w(&c->t[k]) ||
	    ((c->t[k].flags & TF_CAP) && k != sentence_start(c, k)))
		return 0;
	v = qt_lex(c, which, k, k + 1);
	return v < 0 ? 0 : v;
}

/*
 * Is the word at k a plural noun for a group of people: 1 for a group
 * noun of titles.txt (flag g), 2 for a word WordNet knows only as the
 * plural of a person noun ("economists", "nominees") or of an
 * organisation ("companies", "unions"), 0 for no such word.
 */
int
qt_group_noun(const actx *c, size_t k)
{
	int tv = qt_lex(c, LEX_TITLES, k, k + 1), v;

	if (tv >= 0)
		return (tv & TITLE_GROUP) ? 1 : 0;
	v = plural_flags(c, LEX_PERSONS, k);
	if ((v & WNP_PLURAL) && !(v & WNP_SINGULAR))
		return 2;
	v = plural_flags(c, LEX_ORGNOUNS, k);
	return (v & WNO_PLURAL) && !(v & WNO_SINGULAR) &&
	                       plural_of_org_head(c, k, true)
	               ? 2
	               : 0;
}

/*
 * "the government is grappling with what it says", "The committee met on
 * Monday.  It said ...": the organisation that "it" at token tok stands
 * for, a definite phrase ending in an organisation word (orgs.txt) that
 * is the subject of a clause in its sentence or the one before (in its
 * paragraph).  Its token span goes to *ga, *gb; false when the nearest
 * organisation noun there is no subject, or there is none.
 */
bool
qt_resolve_it_org(const actx *c, size_t tok, size_t *ga, size_t *gb)
{
	size_t s0 = antecedent_start(c, tok, 0), h, a;
	for (h = tok; h-- > s0;) {
		if (!is_w(&c->t[h]) || c->inq[h] || (c->t[h].flags & TF_CAP) ||
		    (c->inrep && c->inrep[h]) || qt_possessive(c, h) ||
		    qt_lex(c, LEX_ORGS, h, h + 1) < 0 ||
		    qt_lex(c, LEX_TITLES, h, h + 1) >= 0)
			continue;
		/* a verb or a comma after it */
		if (!qt_verb_follows(c, h))
			return false;
		/* "the government", "the city council", "the Senate
		 * ethics committee" */
		for (a = h; a > s0 && h - a < 4 && is_w(&c->t[a - 1]) &&
		            !c->inq[a - 1] && !wordeq(c, a - 1, "the") &&
		            !qt_possessive(c, a - 1) &&
		            qt_cue_at(c, a - 1) < 0 && !qt_is_prep(c, a - 1) &&
		            qt_lex(c, LEX_NONNAMES, a - 1, a) < 0;
		     a--)
			;
		if (a == s0 || !wordeq(c, a - 1, "the"))
			return false;
		a--;
		if (!qt_opens_clause(c, a))
			return false;
		*ga = a;
		*gb = h + 1;
		return true;
	}
	return false;
}

/* Is the document noun at h only a plural in WordNet ("documents",
 * "reports")? */
static bool
doc_plural_only(const actx *c, size_t h)
{
	int v = qt_lex(c, LEX_DOCS, h, h + 1);

	return v >= 0 && (v & WND_PLURAL) && !(v & WND_SINGULAR);
}

/*
 * '"Q," Jane Doe wrote in the affidavit.  It continued: "Q2"', 'The
 * email ...  At the bottom it reads, "Q"': "it" at token tok is the
 * written thing named last in its sentence or the one before (in its
 * paragraph or the one before; before "reads", anywhere from the start
 * of the paragraph before): "the" (or "the X's") and affidavit,
 * email, memo, letter, statement, ...  Its token span goes to *ga, *gb;
 * false when the last such noun is not so introduced, or there is none.
 */
bool
qt_resolve_it_doc(const actx *c, size_t tok, size_t *ga, size_t *gb)
{
	size_t s0 = antecedent_start(c, tok, 1), h, a;

	/* "it reads": only a written thing reads, so it may be named
	 * further back, from the start of the paragraph before */
	if (tok + 1 < c->n &&
	    (wordeq(c, tok + 1, "reads") || wordeq(c, tok + 1, "read")))
		while (s0 > 1 && tok - s0 < 160) {
			size_t p = sentence_start(c, s0 - 1);
			if (c->t[p].para + 1 < c->t[tok].para)
				break;
			s0 = p;
		}
	for (h = tok; h-- > s0;) {
		if (!is_w(&c->t[h]) || c->inq[h] || (c->t[h].flags & TF_CAP) ||
		    qt_possessive(c, h) || !qt_doc_noun(c, h, 0, CL_DOCUMENT))
			continue;
		/* (a plural is no "it": "took sensitive documents with
		 * them.  It said") */
		if (doc_plural_only(c, h))
			continue;
		/* (a noun after "no" names no thing: "makes no
		 * specific mention of it") */
		if ((h > 0 && wordeq(c, h - 1, "no")) ||
		    (h > 1 && wordeq(c, h - 2, "no") && is_w(&c->t[h - 1]) &&
		     qt_pos_at(c, h - 1) == QT_POS_ADJ))
			continue;
		/* "the email", "the campaign's statement", "the Orton
		 * charter"; not "an email", "her letter" */
		for (a = h;
		     a > s0 && h - a < 3 && is_w(&c->t[a - 1]) &&
		     (c->t[a - 1].flags & TF_CAP) && !c->inq[a - 1] &&
		     !wordeq(c, a - 1, "the") && !qt_possessive(c, a - 1);
		     a--)
			;
		if (a == 0 || !(wordeq(c, a - 1, "the") ||
		                (a == h && h > 1 && qt_possessive(c, h - 1) &&
		                 wordeq(c, h - 2, "the"))))
			return false;
		*ga = wordeq(c, a - 1, "the") ? a - 1 : h - 2;
		*gb = h + 1;
		return true;
	}
	return false;
}
