/*
 * pronoun.c: attribution: what "they" stands for when no group noun
 * from the hand lists is the subject right before it (they.c has those
 * rules).  Number agreement: "they" takes a plural, never a single
 * person: a plural noun for people or bodies (WordNet: "economists",
 * "companies"), two or more people named together as the subject of a
 * clause ("Ada Finch and Joel Baptiste said"), or the last speaker when
 * that speaker was such a plural.  And what needs no search of the
 * mentions: "it" for the last speaker when that was a thing, "her
 * statement" for whom "her" stands.  Reads tokens, quotes, entities and
 * mentions; returns token spans or answers, writes nothing.
 */
#include "attrib_int.h"
#include "tagger.h"

/* Can mention m be one of several people named together: a name that
 * nothing marks as a place or an organisation, outside quotes and
 * reported speech? */
static bool
member_ok(const actx *c, const mention_rec *m)
{
	const entity *e = ent_at(c, m->ent);

	return !e->org && !e->nonperson && !c->inq[m->tok] &&
	       !(c->inrep && c->inrep[m->tok]) &&
	       (e->person || e->strong || e->first_multi != QUOTH_NONE);
}

/* The first token of the title words ("Professors", "Sen.") right before
 * token a, back to lo at most. */
static size_t
back_over_titles(const actx *c, size_t a, size_t lo)
{
	while (a > lo && a - 1 > 0 && is_w(&c->t[a - 1]) &&
	       c->t[a - 1].sent == c->t[a].sent &&
	       qt_lex(c, LEX_TITLES, a - 1, a) >= 0)
		a--;
	if (a > lo + 1 && is_p(&c->t[a - 1], '.') &&
	    qt_lex(c, LEX_HONORIFICS, a - 2, a - 1) >= 0)
		a -= 2;
	return a;
}

/*
 * "Ada Finch and Joel Baptiste said ...", "Professors Finch and Baptiste
 * write": the newest people named together ("A and B", "A, B and C") in
 * [lo, tok), the first of them the subject of its clause and no
 * possessive after the last.  Their span (with the titles before them)
 * goes to *ga, *gb; false when there is none.
 */
bool
qt_they_names(const actx *c, size_t lo, size_t tok, size_t *ga, size_t *gb)
{
	size_t k = qt_first_mention(c, tok), j;

	while (k-- > 0) {
		const mention_rec *m2 = QVEC_AT(&c->ments, mention_rec, k);
		const mention_rec *m1;
		size_t a, b, sep;
		if (m2->tok >= tok)
			continue;
		if (m2->tok < lo || k == 0)
			return false;
		if (!member_ok(c, m2) || qt_possessive(c, m2->end - 1))
			continue;
		/* "and", then titles at most, before the last name */
		a = back_over_titles(c, m2->tok, lo);
		if (a == 0 || !wordeq(c, a - 1, "and"))
			continue;
		sep = a - 1;
		for (j = k; j-- > 0;) {
			const mention_rec *m0;
			m1 = QVEC_AT(&c->ments, mention_rec, j);
			if (m1->end != sep || !member_ok(c, m1) ||
			    m1->ent == m2->ent)
				break;
			a = back_over_titles(c, m1->tok, lo);
			/* ("A, B and C": back over the commas) */
			if (j > 0 && a >= 2 && is_p(&c->t[a - 1], ',')) {
				m0 = QVEC_AT(&c->ments, mention_rec, j - 1);
				if (m0->end == a - 1 && member_ok(c, m0)) {
					sep = a - 1;
					continue;
				}
			}
			if (!qt_subject_like(c, m1))
				break;
			/* a verb, a comma or "of" after the last */
			b = m2->end;
			if (b >= c->n ||
			    !((is_w(&c->t[b]) && !(c->t[b].flags & TF_CAP)) ||
			      is_p(&c->t[b], ',')))
				break;
			*ga = a;
			*gb = b;
			return true;
		}
	}
	return false;
}

/* Is someone the subject of a clause in [a, b), or any people named or
 * described there, even as objects ("The mayor thanked the volunteers.
 * They said ..." is no one's)?  With `tagged`, a noun for people only
 * WordNet knows counts where the tagger reads a noun ("It was dry." has
 * none). */
static bool
someone_between(const actx *c, size_t a, size_t b, bool tagged)
{
	size_t h;

	if (qt_subject_between(c, a, b, -1))
		return true;
	for (h = a; h < b && h < c->n; h++)
		if (is_w(&c->t[h]) && !c->inq[h] &&
		    (qt_group_noun(c, h) ||
		     qt_lex(c, LEX_TITLES, h, h + 1) >= 0 ||
		     (qt_person_noun(c, h) &&
		      (!tagged || qt_pos_at(c, h) == QT_POS_NOUN))))
			return true;
	return false;
}

/* Was the last quote's speaker one known only as written, with its
 * mention, in the paragraph of token tok or the one before?  The end of
 * its mention (a token) to *h. */
static bool
last_speaker_ok(const actx *c, const quote *last, size_t tok, size_t *h)
{
	size_t a, e;

	if (!last || last->entity >= 0 || !last->str[QUOTH_FIELD_SPEAKER] ||
	    last->mention_end == QUOTH_NONE || last->last_tok >= c->n ||
	    c->t[tok].para > c->t[last->last_tok].para + 1)
		return false;
	a = qa_of(c, last)->sp_tok;
	e = qt_tok_of(c, last->mention_end);
	*h = e;
	return a < c->n && e > a && e <= c->n;
}

/*
 * Was the last quote's speaker a plural known only as written ("the
 * groups say", "Companies say", a "they" resolved to a group, "Ada Finch
 * and Joel Baptiste said"), in the paragraph of token tok or the one
 * before, with no person the subject of a clause since?  Then "they" at
 * tok is that speaker.
 */
bool
qt_they_last_group(const actx *c, const quote *last, size_t last_end,
                   size_t tok)
{
	size_t a, h;

	if (!last_speaker_ok(c, last, tok, &h))
		return false;
	a = qa_of(c, last)->sp_tok;
	h--;
	if (!(wordeq(c, a, "they") && h == a) && !qt_group_noun(c, h)) {
		/* people named together */
		size_t ga, gb;
		if (!qt_they_names(c, a, h + 1, &ga, &gb) || ga != a ||
		    gb != h + 1)
			return false;
	}
	return !someone_between(c, last_end, tok, false);
}

/*
 * '"A," said the woman. "B," she said.': was the last quote's speaker
 * one known only as written whose head is a singular noun of the
 * pronoun's gender (titles.txt, m or f: "the woman", "the mother"), in
 * the paragraph of token tok or the one before, with no one else named
 * or described since, not even as an object?  Then "he" or "she" of
 * that gender at tok is that speaker.
 */
bool
qt_pronoun_last_described(const actx *c, const quote *last, size_t last_end,
                          size_t tok, int gender)
{
	size_t h, m;
	int tv;

	if ((gender != G_MALE && gender != G_FEMALE) ||
	    !last_speaker_ok(c, last, tok, &h))
		return false;
	tv = qt_lex(c, LEX_TITLES, h - 1, h);
	if (tv < 0 || (tv & TITLE_GROUP) ||
	    !(tv & (gender == G_MALE ? TITLE_MALE : TITLE_FEMALE)))
		return false;
	for (m = qt_first_mention(c, last_end); m < c->ments.len; m++) {
		const mention_rec *mr = QVEC_AT(&c->ments, mention_rec, m);
		if (mr->tok >= tok)
			break;
		if (!c->inq[mr->tok] && !ent_at(c, mr->ent)->org)
			return false;
	}
	return !someone_between(c, last_end, tok, false);
}

/* How far the verb may stand after "along with" ("Ada Finch, along with
 * Judge Omar Lind of the Orton Court of Appeal and Joel Baptiste, a
 * professor at Orton College, wrote"): the others named there, their
 * titles and appositions, fit in 40 tokens. */
#define MAX_ALONG_TOKENS 40

/* The end of the last person named after mention mk and before token j
 * ("... and Joel Baptiste", not the apposition after him); j when none
 * is. */
static size_t
last_member_end(const actx *c, size_t mk, size_t j)
{
	size_t k = qt_first_mention(c, j);

	while (k-- > mk + 1) {
		const mention_rec *m = QVEC_AT(&c->ments, mention_rec, k);
		if (m->end <= j && member_ok(c, m))
			return m->end;
	}
	return j;
}

/*
 * "Ms. Finch, along with Omar Lind and Ada Ek, a professor, wrote a
 * study.  In it, they conclude ...": a person named as the subject of a
 * clause in [lo, tok), then ", along with" (or ", together with") and
 * others, and the clause's verb after a comma (the tagger's): they are
 * what "they" stands for.  The span, from the titles before the first
 * name to the end of the last, goes to *ga, *gb; false when there is
 * none.
 */
static bool
they_along_with(const actx *c, size_t lo, size_t tok, size_t *ga, size_t *gb)
{
	size_t k = qt_first_mention(c, tok), j;

	while (k-- > 0) {
		const mention_rec *m = QVEC_AT(&c->ments, mention_rec, k);
		size_t b = m->end;
		if (m->tok >= tok)
			continue;
		if (m->tok < lo)
			return false;
		if (b + 3 >= tok || !is_p(&c->t[b], ',') ||
		    !(wordeq(c, b + 1, "along") ||
		      wordeq(c, b + 1, "together")) ||
		    !wordeq(c, b + 2, "with") || !member_ok(c, m) ||
		    !qt_subject_like(c, m))
			continue;
		for (j = b + 3; j + 1 < tok && j < b + 3 + MAX_ALONG_TOKENS &&
		                c->t[j].sent == c->t[b].sent;
		     j++)
			if (is_p(&c->t[j], ',') && is_w(&c->t[j + 1]) &&
			    !(c->t[j + 1].flags & TF_CAP) && !c->inq[j + 1] &&
			    qt_pos_at(c, j + 1) == QT_POS_VERB) {
				*ga = back_over_titles(c, m->tok, lo);
				*gb = last_member_end(c, k, j);
				return true;
			}
	}
	return false;
}

/*
 * What "they" at token tok stands for: the newer of a group noun that is
 * the subject of a clause before it (coref.c) and people named together
 * as one (qt_they_names(), they_along_with()), in its sentence or the
 * one before.  The span
 * goes to *ga, *gb; false when there is neither.
 */
bool
qt_resolve_they_all(const actx *c, size_t tok, size_t *ga, size_t *gb)
{
	size_t a1 = 0, b1 = 0, a2 = 0, b2 = 0, lo = qt_antecedent_start(c, tok);
	bool g = qt_resolve_they(c, tok, &a1, &b1);
	bool n = qt_they_names(c, lo, tok, &a2, &b2);

	/* (or one named along with others: "Ms. Finch, along with ...") */
	if (!n)
		n = they_along_with(c, lo, tok, &a2, &b2);
	if (n && (!g || a2 > a1)) {
		*ga = a2;
		*gb = b2;
		return true;
	}
	*ga = a1;
	*gb = b1;
	return g;
}

/*
 * "The nurses' union met the board.  Budgets were cut.  "Q," they
 * said.": what "they" at token tok stands for when nothing in its reach
 * agrees (qt_resolve_they_all(), qt_they_last_group() and qt_they_org()
 * found none): the same search from the start of that reach, one
 * sentence further back, when no one stands between there and tok (no
 * person the subject of a clause, no noun for people or a role, not even
 * as an object) and the sentence found is in tok's paragraph or the one
 * before.  0 for none, 1 with the entity in *ent, 2 with the span in
 * *ga, *gb.
 */
int
qt_they_further(const actx *c, size_t tok, int *ent, size_t *ga, size_t *gb)
{
	size_t lo = qt_antecedent_before_quote(c, tok), lo2;

	if (lo == 0 || lo >= tok || someone_between(c, lo, tok, true))
		return 0;
	lo2 = qt_antecedent_before_quote(c, lo);
	if (lo2 >= lo || c->t[lo2].para + 1 < c->t[tok].para)
		return 0;
	if (qt_resolve_they_all(c, lo, ga, gb))
		return 2;
	return qt_they_org(c, lo, ent, ga, gb);
}

/* An "It" opening a sentence outside quotes in the paragraphs strictly
 * between those of tokens a and tok. */
static bool
it_opens_between(const actx *c, size_t a, size_t tok)
{
	size_t k;

	for (k = a; k < tok && k < c->n; k++)
		if (c->t[k].para > c->t[a].para &&
		    c->t[k].para < c->t[tok].para && !c->inq[k] &&
		    wordeq(c, k, "it") && k == sentence_start(c, k))
			return true;
	return false;
}

/*
 * '"A," the editorial said. "B," it added.': "it" at token tok is the
 * last speaker known only as written when that is a thing ("the
 * editorial", "the newspaper", "the memo": "the" and a lowercase head
 * that is no person's role, nor plural; or an "it" that stood for such
 * a thing: '"A," it reads. "B," it said.') in this paragraph or the one
 * before (two before, through an "It" opening a sentence between), with
 * no person the subject of a clause in between.
 */
bool
qt_it_is_last_thing(const actx *c, const quote *last, size_t last_end,
                    size_t tok)
{
	size_t h, a;

	if (!last || last->entity >= 0 || !last->str[QUOTH_FIELD_SPEAKER] ||
	    last->mention_end == QUOTH_NONE || qa_of(c, last)->sp_tok >= c->n ||
	    last->last_tok >= c->n ||
	    c->t[tok].para > c->t[last->last_tok].para + 2)
		return false;
	a = qa_of(c, last)->sp_tok;
	h = qt_tok_of(c, last->mention_end);
	/* (two paragraphs on, through an "It" that opens a sentence
	 * between: "It also pointed up ...") */
	if (c->t[tok].para == c->t[last->last_tok].para + 2 &&
	    !it_opens_between(c, last_end, tok))
		return false;
	/* '"A," it reads. "B," it said.': the thing "it" stood for */
	if (wordeq(c, a, "it") && h == a + 1)
		return !qt_subject_between(c, last_end, tok, -1);
	if (!wordeq(c, a, "the") || h <= a + 1 || h > c->n)
		return false;
	h--;
	if (!is_w(&c->t[h]) || (c->t[h].flags & TF_CAP) ||
	    qt_lex(c, LEX_TITLES, h, h + 1) >= 0 ||
	    c->text[c->t[h].end - 1] == 's')
		return false;
	return !qt_subject_between(c, last_end, tok, -1);
}

/* How far back from a pronoun the mention of the person it stands for
 * may be and still teach a gender the first name contradicts: the
 * sentence before and the pronoun's own, in a long paragraph. */
#define CONTRADICTED_TEACH_TOKENS 60

/*
 * May "he" or "she" at token tok stand for entity e whose first name
 * most bearers of the other gender have, and teach e that gender?  Only
 * when e is named right before it and no one else is, even as an object
 * or a description: '"It hurt," said Brian Moss. "No," she said.' (the
 * article wins over the name); not "Ivy Lam thanked Tom Reyes. 'Q,' he
 * said.", nor "Greta Lusk noted that costs rose, citing Ada Finch. 'Q,'
 * he said." (qt_pronoun_resolve() leaves such a pronoun empty: a wrong
 * speaker is worse than none).
 */
bool
qt_pronoun_contradicted_sure(const actx *c, size_t tok, int e)
{
	size_t k = qt_first_mention(c, tok), j, last = QUOTH_NONE;

	for (j = k; j-- > 0;) {
		const mention_rec *m = QVEC_AT(&c->ments, mention_rec, j);
		const entity *o;
		if (m->tok >= tok)
			continue;
		if (m->tok + CONTRADICTED_TEACH_TOKENS < tok)
			break;
		if (c->capt && c->capt[c->t[m->tok].para])
			continue;
		if (m->ent == e) {
			last = m->end;
			break;
		}
		o = ent_at(c, m->ent);
		if (!o->org)
			return false; /* someone else named since */
	}
	if (last == QUOTH_NONE)
		return false;
	/* nor anyone described since ("the woman", "a resident") */
	for (j = last; j < tok; j++)
		if (is_w(&c->t[j]) && !c->inq[j] &&
		    (qt_person_noun(c, j) || qt_group_noun(c, j) ||
		     qt_lex(c, LEX_TITLES, j, j + 1) >= 0))
			return false;
	return true;
}

/*
 * The person "he" or "she" (or "his", "her") at token tok stands for:
 * qt_resolve_pronoun(), or, when no one else can be meant, one whose
 * first name most bearers of the other gender have only through the
 * surest link ('"It hurt," said Brian Moss. "No," she said.'); -1 when
 * no one.
 */
int
qt_pronoun_resolve(const actx *c, size_t tok, int gender, int last_ent,
                   size_t last_tok)
{
	int other, e = qt_resolve_pronoun(c, tok, gender, last_ent, last_tok,
	                                  &other);

	if (e < 0 && other >= 0 && qt_pronoun_contradicted_sure(c, tok, other))
		e = other;
	return e;
}

/*
 * '"Q," her statement read.': the speaker "his" or "her" stands for when
 * the mention is that pronoun and a word for what a person writes or
 * says (statement, letter, email, tweet, post, remarks); -1 otherwise.
 */
int
qt_own_document(const actx *c, const quote *q, int last_ent, size_t last_tok)
{
	const qattr *qa = qa_of(c, q);
	size_t a = qa->sp_tok, h;
	int g;

	if (q->mention_end == QUOTH_NONE)
		return -1;
	h = qt_tok_of(c, q->mention_end);
	g = wordeq(c, a, "his") ? G_MALE : wordeq(c, a, "her") ? G_FEMALE : 0;
	if (!g || h != a + 2 || !qt_written_word(c, a + 1))
		return -1;
	return qt_pronoun_resolve(c, a, g, last_ent, last_tok);
}

/*
 * "Consider the case of Ms. Ada Finch.  While she says ...": "he" or
 * "she" at token tok that no subject took (coref.c) is the one person
 * named in its sentence or the one before (in its paragraph or the one
 * before), in any role, when the article has shown that person's gender
 * to agree and names nobody else there who could be meant (a person of
 * the same or an unknown gender).  -1 otherwise.
 */
int
qt_pronoun_near_agreeing(const actx *c, size_t tok, int gender)
{
	size_t lo = qt_antecedent_start(c, tok), k = qt_first_mention(c, tok);
	int found = -1;

	if (gender != G_MALE && gender != G_FEMALE)
		return -1;
	while (k-- > 0) {
		const mention_rec *m = QVEC_AT(&c->ments, mention_rec, k);
		const entity *e;
		if (m->tok >= tok)
			continue;
		if (m->tok < lo)
			break;
		if (c->inq[m->tok] || (c->capt && c->capt[c->t[m->tok].para]))
			continue;
		/* (a name that modifies a noun names no one there: "the
		 * Finch campaign", "a Finch rally") */
		if (m->tok > 0 && word_is(c, m->tok - 1, W_ARTICLE) &&
		    m->end < c->n && is_w(&c->t[m->end]) &&
		    !(c->t[m->end].flags & TF_CAP))
			continue;
		e = ent_at(c, m->ent);
		if (e->org || e->nonperson ||
		    !(e->person || e->strong || e->first_multi != QUOTH_NONE))
			continue;
		if (e->gender && e->gender != gender)
			continue;
		/* (another who could be meant: no guess) */
		if (!e->gender || (found >= 0 && found != m->ent))
			return -1;
		found = m->ent;
	}
	return found;
}

/* The end of a singular person described at a ("A reporter", "An
 * official with the Marine Safety Office", "A 40-year-old Tarnby
 * woman"): "a", "an" or "one", up to four words, a person noun that is
 * singular (titles.txt, WordNet), and a name after "for", "with", "from"
 * or "at"; the role's gender to *tg.  0 when a opens no such phrase. */
static size_t
described_end(const actx *c, size_t a, int *tg)
{
	size_t h, b;
	int tv = -1;

	if (!(wordeq(c, a, "a") || wordeq(c, a, "an") || wordeq(c, a, "one")))
		return 0;
	for (h = a + 1;
	     h < c->n && h < a + 6 && !c->inq[h] &&
	     (is_w(&c->t[h]) || c->t[h].kind == TK_NUM || is_p(&c->t[h], '-'));
	     h++) {
		int wv = qt_lex(c, LEX_PERSONS, h, h + 1);
		tv = qt_lex(c, LEX_TITLES, h, h + 1);
		if ((c->t[h].flags & TF_CAP) || qt_verb_like(c, h) ||
		    !((tv >= 0 && !(tv & TITLE_GROUP)) ||
		      (wv >= 0 && (wv & WNP_SINGULAR) && !(wv & WNP_PLURAL))))
			continue;
		/* (the head: no noun for people right after it) */
		if (h + 1 < c->n && qt_person_noun(c, h + 1))
			continue;
		break;
	}
	if (h >= c->n || h >= a + 6 || !is_w(&c->t[h]))
		return 0;
	*tg = tv < 0                ? 0
	      : (tv & TITLE_MALE)   ? G_MALE
	      : (tv & TITLE_FEMALE) ? G_FEMALE
	                            : 0;
	b = h + 1;
	if (b + 1 < c->n && (wordeq(c, b, "for") || wordeq(c, b, "with") ||
	                     wordeq(c, b, "from") || wordeq(c, b, "at"))) {
		size_t k = b + 1;
		if (wordeq(c, k, "the"))
			k++;
		while (k < c->n && is_w(&c->t[k]) &&
		       ((c->t[k].flags & TF_CAP) ||
		        (wordeq(c, k, "of") && k + 1 < c->n &&
		         (c->t[k + 1].flags & TF_CAP))))
			k++;
		if (k > b + 1 && (c->t[k - 1].flags & TF_CAP))
			b = k;
	}
	return b;
}

/* A cue in the rest of the sentence from token b, before tok: the
 * person described there said something ("called it", "told Global
 * News"), not merely did something. */
static bool
speaks_after(const actx *c, size_t b, size_t tok)
{
	size_t k, e = sentence_end(c, b);

	for (k = b; k <= e && k < tok && k < b + 12; k++)
		if (!c->inq[k] && is_w(&c->t[k]) && qt_cue_at(c, k) >= 0)
			return true;
	return false;
}

/* A pronoun of the gender g ("she", "her") in the rest of the sentence
 * from token b, before tok: the sentence goes on about the person
 * described before b ("A woman was fined for a sign on her fence"). */
static bool
pronoun_after(const actx *c, size_t b, size_t tok, int g)
{
	size_t k, e = sentence_end(c, b);
	int v;

	for (k = b; k <= e && k < tok && k < c->n; k++) {
		if (c->inq[k] || !is_w(&c->t[k]))
			continue;
		v = qt_lex(c, LEX_PRONOUNS, k, k + 1);
		if (v >= 0 && (v & (g == G_MALE ? PRON_MALE : PRON_FEMALE)))
			return true;
	}
	return false;
}

/*
 * "A reporter for the Harbour Gazette called it a mess. 'Q,' he said.":
 * "he" or "she" at token tok that no named person took is the person
 * described as the subject that opens its sentence or the one before (in
 * its paragraph or the one before) and speaks there (or need not: the
 * role has the pronoun's gender and the sentence goes on about that
 * person with it, "A 40-year-old Orton woman was fined for a sign on her
 * fence.  'Q,' she wrote."), when the role's gender does not clash and
 * no person is the subject of a clause since.  The span goes to *ga,
 * *gb; false when there is none.  With `after` non-zero, only in
 * sentences that start after it, after an opening link word ("then",
 * "but"), and with any verb.
 */
static bool
described_before(const actx *c, size_t tok, int gender, size_t after,
                 size_t *ga, size_t *gb)
{
	size_t lo = qt_antecedent_start(c, tok), s, b;

	if (gender != G_MALE && gender != G_FEMALE)
		return false;
	if (lo < after)
		lo = after;
	for (s = sentence_start(c, tok);;) {
		int tg = 0;
		size_t a = s;
		if (s < lo)
			return false;
		/* ("Then a farmer stood up", "But a farmer ...": over an
		 * opening link word) */
		if (after && word_is(c, a, W_LINK))
			a++;
		b = !c->inq[a] && !(c->capt && c->capt[c->t[a].para])
		            ? described_end(c, a, &tg)
		            : 0;
		/* (since the last speaker: a subject with its verb right
		 * after it, in a sentence of its own outside reported
		 * speech; not "A comic tone, she said, ...") */
		if (b && after &&
		    (c->t[b].sent == c->t[tok].sent ||
		     qt_possessive(c, b - 1) || (c->inrep && c->inrep[a]) ||
		     b >= c->n || qt_pos_at(c, b) != QT_POS_VERB))
			b = 0;
		if (b && b < tok &&
		    (after || speaks_after(c, b, tok) ||
		     (tg == gender && pronoun_after(c, b, tok, gender)))) {
			if ((tg && tg != gender) ||
			    qt_subject_between(c, b, tok, -1))
				return false;
			*ga = a;
			*gb = b;
			return true;
		}
		if (s == 0)
			return false;
		s = sentence_start(c, s - 1);
	}
}

bool
qt_pronoun_described(const actx *c, size_t tok, int gender, size_t *ga,
                     size_t *gb)
{
	return described_before(c, tok, gender, 0, ga, gb);
}

/*
 * '"A," said Omar Finch. Then a farmer stood up. "B," he said.': the
 * person described as the subject that opens a sentence (after "then"
 * or "but" at most) wholly after token `after` (where the last speaker's quote
 * and attribution end), in the sentence of "he" or "she" at tok or the
 * one before, when the role's gender does not clash and nobody is the
 * subject of a clause since: the newer subject, whatever the verb, not
 * the speaker carried.  The span goes to *ga, *gb; false when there is
 * none.
 */
bool
qt_pronoun_described_since(const actx *c, size_t tok, int gender, size_t after,
                           size_t *ga, size_t *gb)
{
	return after > 0 && after < tok &&
	       described_before(c, tok, gender, after, ga, gb);
}

/* The issuer named at token a ("from the staff association", "by Ada
 * Finch"): a name that starts within two words (its entity to *ent), or
 * "the" and up to three lowercase words ending in a noun for a body or
 * people (its span to *ga, *gb).  0 for none, 1 for a name, 2 for a
 * span. */
static int
issuer_at(const actx *c, size_t a, int *ent, size_t *ga, size_t *gb)
{
	size_t mk = qt_first_mention(c, a), k;

	if (mk < c->ments.len) {
		const mention_rec *m = QVEC_AT(&c->ments, mention_rec, mk);
		if (m->tok <= a + 2 && !qt_possessive(c, m->end - 1) &&
		    !ent_at(c, m->ent)->place) {
			*ent = m->ent;
			return 1;
		}
	}
	if (a >= c->n || !wordeq(c, a, "the"))
		return 0;
	for (k = a + 1; k < c->n && k < a + 4 && is_w(&c->t[k]) &&
	                !(c->t[k].flags & TF_CAP) && !c->inq[k];
	     k++)
		if ((qt_org_noun(c, k) || qt_group_noun(c, k)) &&
		    !(k + 1 < c->n && is_w(&c->t[k + 1]) &&
		      !(c->t[k + 1].flags & TF_CAP) && qt_org_noun(c, k + 1))) {
			*ga = a;
			*gb = k + 1;
			return 2;
		}
	return 0;
}

/* "A coalition of nearly 40 groups sent a letter": "a" or "an" opening
 * the sentence at s0 and, right after it or one word on, a noun whose
 * first sense in WordNet is an organisation or a group (a name head:
 * coalition, union, council), with "of" or the verb after it; v is the
 * verb (the tagger's) before the document's "a", 40 tokens on at most.
 * The span, to the verb or a dash or comma before it ("A coalition of
 * 40 groups - including ... - sent a letter"), goes to *ga, *gb. */
static bool
body_subject(const actx *c, size_t s0, size_t v, size_t *ga, size_t *gb)
{
	size_t k, j;
	int f;

	if (!(wordeq(c, s0, "a") || wordeq(c, s0, "an")) || v <= s0 + 1 ||
	    v > s0 + 40 || c->inq[v] || qt_pos_at(c, v) != QT_POS_VERB)
		return false;
	while (v > s0 + 2 && word_is(c, v - 1, W_AUX))
		v--;
	for (k = s0 + 1; k < s0 + 3 && k < v; k++) {
		f = qt_lex(c, LEX_ORGNOUNS, k, k + 1);
		if (is_w(&c->t[k]) && f >= 0 && (f & WNO_HEAD) &&
		    !(c->t[k].flags & TF_CAP))
			break;
	}
	if (k >= s0 + 3 || k >= v || !(k + 1 == v || wordeq(c, k + 1, "of")))
		return false;
	for (j = k + 1;
	     j < v && !c->inq[j] && (is_w(&c->t[j]) || c->t[j].kind == TK_NUM);
	     j++)
		;
	*ga = s0;
	*gb = j;
	return true;
}

/*
 * '... have signed an open letter.  "Q," it stated.': "it" at token tok
 * is a document the article introduced just before ("a letter", "an open
 * letter", "their statement") in its sentence or the one before; what
 * speaks is its issuer: the one after "from" or "by" near the noun, else
 * the subject that opens that sentence (a name, "the" and a noun for a
 * body before its verb: "The council issued a statement", or a plural
 * noun for people: "Three dozen scholars have signed").  A statement
 * (wn-document-nouns.txt, t) is such a document too.  0 for none, 1 with the
 * issuer's entity in *ent, 2 with its span in *ga, *gb.
 */
int
qt_it_issuer(const actx *c, size_t tok, int *ent, size_t *ga, size_t *gb)
{
	size_t lo = qt_antecedent_before_quote(c, tok), h, j, s0, mk, intro;

	for (h = tok; h-- > lo;) {
		if (!is_w(&c->t[h]) || c->inq[h] || (c->t[h].flags & TF_CAP) ||
		    !qt_doc_noun(c, h,
		                 WND_STATEMENT | WND_DOCUMENT | WND_MESSAGE,
		                 CL_DOCUMENT) ||
		    qt_pos_at(c, h) ==
		            QT_POS_VERB || /* ("urging them to act") */
		    qt_in_label_line(c, h))
			continue;
		/* introduced here: "a", "an" or a possessive before it
		 * ("their", "its", "Thursday's") */
		for (j = h;
		     j > lo && h - j < 3 && is_w(&c->t[j - 1]) &&
		     !word_is(c, j - 1, W_ARTICLE) &&
		     !wordeq(c, j - 1, "their") && !wordeq(c, j - 1, "its") &&
		     !qt_possessive(c, j - 1);
		     j--)
			;
		if (j == 0 ||
		    !(wordeq(c, j - 1, "a") || wordeq(c, j - 1, "an") ||
		      wordeq(c, j - 1, "their") || wordeq(c, j - 1, "its") ||
		      qt_possessive(c, j - 1)))
			return 0;
		intro = j - 1;
		for (j = h + 1;
		     j < c->n && j < h + 8 && is_w(&c->t[j]) && !c->inq[j]; j++)
			if (wordeq(c, j, "from") || wordeq(c, j, "by"))
				return issuer_at(c, j + 1, ent, ga, gb);
		/* the subject that opens its sentence */
		s0 = sentence_start(c, h);
		mk = qt_first_mention(c, s0);
		if (mk < c->ments.len) {
			const mention_rec *m = QVEC_AT(&c->ments, mention_rec,
			                               mk);
			if (m->tok < h && qt_subject_like(c, m) &&
			    !qt_possessive(c, m->end - 1) &&
			    !ent_at(c, m->ent)->place) {
				*ent = m->ent;
				return 1;
			}
		}
		/* or "the" and a noun for a body: "The council issued a
		 * statement", "The council sent a letter" (a verb by its
		 * spelling, else the tagger's) */
		if (wordeq(c, s0, "the") &&
		    issuer_at(c, s0, ent, ga, gb) == 2 && *gb < h &&
		    !qt_group_noun(c, *gb) &&
		    (qt_verb_like(c, *gb) || word_is(c, *gb, W_AUX) ||
		     qt_pos_at(c, *gb) == QT_POS_VERB))
			return 2;
		if (intro > 0 && body_subject(c, s0, intro - 1, ga, gb))
			return 2;
		for (j = s0; j < h && j < s0 + 4 && is_w(&c->t[j]); j++)
			if (qt_group_noun(c, j) && j + 1 < h &&
			    (is_p(&c->t[j + 1], ',') ||
			     word_is(c, j + 1, W_AUX))) {
				*ga = s0;
				*gb = j + 1;
				return 2;
			}
		return 0;
	}
	return 0;
}
