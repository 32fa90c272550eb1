/*
 * coref.c: attribution: whom "he" or "she" refers to: the newest person
 * of agreeing gender (the article's evidence, else the first name's)
 * named as the subject of a clause; and whether a mention is such a
 * subject, which coref_it.c ("it", "the company"), they.c and pronoun.c
 * ("they") ask too.  Reads tokens, quotes, entities and mentions;
 * returns entities, writes nothing (but the memo of an entity's
 * first-name gender and of subject_like(), and c->inrep and c->capt).
 */
#include <stdlib.h>
#include <string.h>

#include "attrib_int.h"
#include "tagger.h"

/* Is token k, in the sentence's first phrase before the name at a, a word
 * of a fronted adverbial: a number, a time word, "of" before a number (a
 * date: "On May 3", "In the fall of 2019"), a preposition, or a word that
 * is no capitalised name, cue, verb or pronoun ("the spring" is no verb)? */
static bool
opener_word(const actx *c, size_t k, size_t a)
{
	if (c->t[k].kind == TK_NUM ||
	    (is_w(&c->t[k]) && class_is(c, k, CL_TIME)) ||
	    (wordeq(c, k, "of") && k + 1 < a && c->t[k + 1].kind == TK_NUM))
		return true;
	if (!is_w(&c->t[k]) || qt_lex(c, LEX_PRONOUNS, k, k + 1) >= 0)
		return false;
	if (qt_is_prep(c, k))
		return true;
	/* (the sentence's first word is capitalised: "Two years ago") */
	if ((c->t[k].flags & TF_CAP) &&
	    !(k == 0 || c->t[k - 1].sent != c->t[k].sent ||
	      is_break_tok(&c->t[k - 1])))
		return false;
	return qt_cue_at(c, k) < 0 &&
	       (!qt_verb_like(c, k) || (k > 0 && word_is(c, k - 1, W_NP_DET)));
}

/* A name at token a after an opening phrase without a comma: "In the
 * spring Rob Lane decided", "Early in June Ada Finch quit", "In a letter
 * to the council Ada Finch", "Two years ago Rob Lane": up to ten words of
 * opener_word() from the sentence start, the first a preposition or a
 * time word ("early", "last"), or the last "ago". */
static bool
opener_before(const actx *c, size_t a)
{
	size_t k = a;

	while (k > 0 && a - k < 10 && c->t[k - 1].sent == c->t[a].sent &&
	       !c->inq[k - 1] && !is_break_tok(&c->t[k - 1]) &&
	       opener_word(c, k - 1, a))
		k--;
	if (k == a || !(k == 0 || c->t[k - 1].sent != c->t[k].sent ||
	                is_break_tok(&c->t[k - 1])))
		return false;
	/* (a noun of its own: not "At a June Trump campaign event") */
	if (word_is(c, a - 1, W_NP_DET) ||
	    (a - k == 2 && word_is(c, k + 1, W_NP_DET)))
		return false;
	return qt_is_prep(c, k) || wordeq(c, a - 1, "ago");
}

/* A subject pronoun with its verb's clitic in one token ("he's",
 * "she'd", "they're"). */
static bool
pronoun_clitic(const actx *c, size_t k)
{
	size_t n = c->t[k].end - c->t[k].start, i;
	const char *s = c->text + c->t[k].start;

	if (!is_w(&c->t[k]))
		return false;
	for (i = 1; i < n && i < 5; i++)
		if (s[i] == '\'' ||
		    (n - i >= 3 && memcmp(s + i, "\xe2\x80\x99", 3) == 0))
			break;
	if (i >= n || i >= 5)
		return false;
	return (i == 2 && strncasecmp(s, "he", 2) == 0) ||
	       (i == 3 && strncasecmp(s, "she", 3) == 0) ||
	       (i == 4 && strncasecmp(s, "they", 4) == 0);
}

/*
 * Is the name mention m the subject of its clause?  It (with any title or
 * "the" before it) starts a sentence or follows a comma, a conjunction or
 * a cue, and a verb or a comma follows it: SUBJ_YES.  Objects and
 * possessives ("told HuffPost Canada", "Trump's plan") are not
 * antecedents of "he"; but where a subject would stand, a possessive
 * before a lowercase noun is SUBJ_OWNER ("Omar Lind's voice was hoarse.
 * He ...": who "he" is when no one else can be).
 */
enum { SUBJ_NO, SUBJ_YES, SUBJ_OWNER };
static int
subject_like_calc(const actx *c, const mention_rec *m)
{
	size_t a = m->tok, b = m->end;
	bool before_ok = false, titled = false, modified = false;
	bool copula = false;
	int steps;

	/* back over titles and honorifics: a few words at most */
	for (steps = 0; steps < 8; steps++) {
		if (a > 0 && is_w(&c->t[a - 1]) &&
		    c->t[a - 1].sent == c->t[a].sent &&
		    ((c->t[a - 1].flags & TF_CAP) ||
		     qt_lex(c, LEX_TITLES, a - 1, a) >= 0)) {
			if (qt_lex(c, LEX_TITLES, a - 1, a) >= 0)
				titled = true;
			a--;
			continue;
		}
		/* "Republican presidential candidate Jane Doe": a
		 * lowercase modifier before a title, not a verb */
		if (titled && a > 0 && is_w(&c->t[a - 1]) &&
		    !(c->t[a].flags & TF_CAP) &&
		    c->t[a - 1].sent == c->t[a].sent && !c->inq[a - 1] &&
		    qt_cue_at(c, a - 1) < 0 && !qt_is_prep(c, a - 1) &&
		    qt_lex(c, LEX_NONNAMES, a - 1, a) < 0 &&
		    qt_lex(c, LEX_PRONOUNS, a - 1, a) < 0 &&
		    !qt_is_filler(c, a - 1) && !qt_verb_like(c, a - 1)) {
			a--;
			modified = true;
			continue;
		}
		/* the dot of "Mr." / "Gov." */
		if (a > 1 && is_p(&c->t[a - 1], '.') &&
		    qt_lex(c, LEX_HONORIFICS, a - 2, a - 1) >= 0) {
			a -= 2;
			continue;
		}
		break;
	}
	if (a > 0 && wordeq(c, a - 1, "the"))
		a--;
	/* "but a hoarse-voiced Sanders got in digs": a name after "a"
	 * and a word describing him */
	else if (a > 1 && a == m->tok && b < c->n && is_w(&c->t[b]) &&
	         !(c->t[b].flags & TF_CAP) && !qt_is_prep(c, b) &&
	         !wordeq(c, b, "and") && !wordeq(c, b, "of") &&
	         is_w(&c->t[a - 1]) && !(c->t[a - 1].flags & TF_CAP) &&
	         (wordeq(c, a - 2, "a") || wordeq(c, a - 2, "an")) &&
	         qt_cue_at(c, a - 1) < 0 && !c->inq[a - 1])
		a -= 2;
	if (a == 0 || c->t[a - 1].sent != c->t[a].sent ||
	    is_break_tok(&c->t[a - 1]) || c->t[a - 1].kind == TK_QUOTE ||
	    /* "WASHINGTON — Sen. Jo Ek said": after a dateline's dash */
	    (a > 1 && c->t[a - 1].kind == TK_PUNCT && qt_dateline(c, a - 2)))
		before_ok = true;
	/* (with lowercase modifiers, which an apposition or an object
	 * has too, a comma only before a verb: "In a memo, campaign
	 * manager Jane Doe wrote", not "his wife, presidential nominee
	 * Jane Doe, over") */
	else if ((is_p(&c->t[a - 1], ',') || is_p(&c->t[a - 1], ';')) &&
	         (!modified || (b < c->n && is_w(&c->t[b]))))
		before_ok = true;
	if (modified && !before_ok)
		return false;
	/* '"Q," said Jane Doe' names a subject, "told CTV News" a listener
	 * and "He accused Clinton" an object: the cue must stand inverted,
	 * after a quote, a comma or at the sentence start */
	if (a > 0 && !before_ok) {
		int v = qt_cue_at(c, a - 1);
		/* (or the subject of the clause reported: "Flynn said
		 * Donald Trump was right") */
		if (v >= 0 && (v & CUE_INVERTS) && !(v & CUE_OBJECT) &&
		    (a < 2 || c->t[a - 2].kind == TK_QUOTE ||
		     is_p(&c->t[a - 2], ',') || is_break_tok(&c->t[a - 2]) ||
		     c->t[a - 2].sent != c->t[a - 1].sent ||
		     (b < c->n && is_w(&c->t[b]) && !(c->t[b].flags & TF_CAP) &&
		      !qt_is_prep(c, b) && !wordeq(c, b, "of") &&
		      !wordeq(c, b, "and"))))
			before_ok = true;
	}
	/* (and "from Jordan, where Al Turkmani was with his sister": the
	 * subject of a clause of place, as of one of time, "when"; not
	 * after "who", "which" or "whose", whose clause has a subject of
	 * its own: "explain who Ali was", "in which FDIC employees took",
	 * "whose son Sean was killed") */
	if (!before_ok &&
	    (word_is(c, a - 1, W_COREF_LEAD) || wordeq(c, a - 1, "where")))
		before_ok = true;
	/* "there in the back was Omar Lind, a grocer", "The winner is
	 * Ada Finch": after an inverted or linking "be", the subject or
	 * one with it */
	if (!before_ok && !modified && a > 1 &&
	    c->t[a - 2].sent == c->t[a].sent &&
	    (wordeq(c, a - 1, "was") || wordeq(c, a - 1, "is") ||
	     wordeq(c, a - 1, "were") || wordeq(c, a - 1, "are")))
		before_ok = copula = true;
	if (!before_ok && !modified &&
	    (opener_before(c, a) || opener_before(c, m->tok)))
		before_ok = true;
	/* "Unlike Ada Finch, he has no job": the object of an opening
	 * preposition, a comma and the clause's own pronoun after it */
	if (before_ok && b + 2 < c->n && is_p(&c->t[b], ',') && a < m->tok &&
	    ((qt_subject_pronoun(c, b + 1) && qt_cue_at(c, b + 2) < 0) ||
	     pronoun_clitic(c, b + 1)) &&
	    (qt_is_prep(c, a) || qt_pos_at(c, a) == QT_POS_ADP))
		return false;
	/* "chefs such as Daniel Boulud": an example, not a subject */
	if (before_ok && a > 1 && wordeq(c, a - 1, "as") &&
	    wordeq(c, a - 2, "such"))
		before_ok = false;
	if (!before_ok || b == 0)
		return SUBJ_NO;
	/* "Harry B. Lind Jr., who leads": over the dot of a name's
	 * abbreviated suffix to the comma after it */
	if (b + 1 < c->n && qt_inner_dot(c, b) &&
	    c->t[b].sent == c->t[b - 1].sent && is_p(&c->t[b + 1], ','))
		b++;
	if (qt_possessive(c, b - 1))
		return !copula && b < c->n && is_w(&c->t[b]) &&
		                       !(c->t[b].flags & TF_CAP) && !c->inq[b]
		               ? SUBJ_OWNER
		               : SUBJ_NO;
	return b >= c->n || (is_w(&c->t[b]) && !(c->t[b].flags & TF_CAP)) ||
	                       is_p(&c->t[b], ',') || is_p(&c->t[b], '(')
	               ? SUBJ_YES
	               : SUBJ_NO;
}

/* subject_like_calc(), remembered per mention in c->subjc (the tokens
 * and mentions it reads are fixed once the entities are collected): a
 * pronoun looks back over up to MENTION_WINDOW mentions, and in a long
 * paragraph each pronoun would otherwise parse the same ones again. */
static int
subject_kind(const actx *c, const mention_rec *m)
{
	const mention_rec *m0 = QVEC_AT(&c->ments, mention_rec, 0);
	size_t k = (size_t)(m - m0);
	int v;

	if (!c->subjc || m < m0 || k >= c->subjc_n)
		return subject_like_calc(c, m);
	if (c->subjc[k])
		return c->subjc[k] - 1;
	v = subject_like_calc(c, m);
	c->subjc[k] = (uint8_t)(v + 1);
	return v;
}

static bool
subject_like(const actx *c, const mention_rec *m)
{
	return subject_kind(c, m) == SUBJ_YES;
}

/* subject_like() for the other files of the stage (pronoun.c). */
bool
qt_subject_like(const actx *c, const mention_rec *m)
{
	return subject_like(c, m);
}

/*
 * The gender that decides whether "he" or "she" can stand for entity e:
 * the article's evidence, else that of most bearers of its first name
 * (first-names.txt: "Joel Baptiste" is a man's name, "Ada Finch" a
 * woman's; a name of one word, an organisation or a place none).
 */
int
qt_ent_gender(const actx *c, const entity *e)
{
	entity *w = (entity *)e; /* (the memo only) */

	if (e->gender || e->org)
		return e->gender;
	if (!e->ngender || e->ng_len != e->name_len) {
		w->ngender = 1 + name_gender(c, e->name, e->name_len);
		w->ng_len = e->name_len;
	}
	return e->ngender - 1;
}

/* Can mention m of entity e be what "he" or "she" refers to?  A person
 * the article shows to be one, or a full name that nothing marks as a
 * place or an organisation (written in full by then: "Canadian" does not
 * become a person because "Western Canadian" comes later). */
static bool
antecedent_ok(const actx *c, const entity *e, const mention_rec *m)
{
	(void)c;
	if (e->org)
		return false;
	if (e->strong)
		return true;
	if (e->nonperson)
		return false;
	if (e->person)
		return true;
	return e->first_multi != QUOTH_NONE && e->first_multi <= m->tok;
}

/* Is mention mk the first of its entity outside photo captions?  (A
 * caption may name a person before the story introduces them.) */
bool
qt_first_outside_captions(const actx *c, size_t mk)
{
	const mention_rec *m = QVEC_AT(&c->ments, mention_rec, mk);
	size_t k, stop = mk > MENTION_WINDOW ? mk - MENTION_WINDOW : 0;

	for (k = mk; k-- > stop;) {
		const mention_rec *p = QVEC_AT(&c->ments, mention_rec, k);
		if (p->ent == m->ent &&
		    !(c->capt && c->capt[c->t[p->tok].para]))
			return false;
	}
	return true;
}

/* "results for accountant Jane Doe, 50.": a person's first mention with
 * an age, even as an object, introduces who speaks next. */
static bool
introduced(const actx *c, size_t mk)
{
	const mention_rec *m = QVEC_AT(&c->ments, mention_rec, mk);

	return m->end + 2 < c->n && is_p(&c->t[m->end], ',') &&
	       c->t[m->end + 1].kind == TK_NUM &&
	       qt_apposition_kind(c, m->end) == 1 &&
	       qt_first_outside_captions(c, mk);
}

/* Is mention m the subject of a time clause after the main clause
 * ("left after Harbour Days ended", "stood up when Mayor Jo Ek
 * arrived")?  It is not the sentence's subject: a pronoun takes the
 * main subject of that sentence first. */
static bool
in_subordinate(const actx *c, const mention_rec *m)
{
	size_t a = m->tok;
	int steps;

	for (steps = 0; steps < 4 && a > 0 && is_w(&c->t[a - 1]) &&
	                c->t[a - 1].sent == c->t[a].sent &&
	                ((c->t[a - 1].flags & TF_CAP) ||
	                 qt_lex(c, LEX_TITLES, a - 1, a) >= 0) &&
	                !word_is(c, a - 1, W_SUBORDINATOR);
	     steps++)
		a--;
	if (a > 0 && wordeq(c, a - 1, "the"))
		a--;
	/* a subordinate clause after the main one, with no comma between:
	 * "X left after Y ended", "X waited while Y spoke", "X left as
	 * soon as Y spoke" (a subordinator of words.txt, s; not "When Y
	 * arrived, ...", whose main subject may be a pronoun for Y, nor
	 * "..., while Y ...", which may be a main clause too) */
	return a >= 2 && c->t[a - 1].sent == c->t[a].sent &&
	       word_is(c, a - 1, W_SUBORDINATOR) && is_w(&c->t[a - 2]) &&
	       c->t[a - 2].sent == c->t[a].sent;
}

/*
 * "she added", with no person in the three paragraphs before: the one
 * person the article has shown to be of that gender among those named
 * before token tok (within MENTION_WINDOW mentions), when there is
 * exactly one and no person of unknown gender was the subject of a
 * clause in those three paragraphs.  -1 otherwise.
 */
static int
only_one_of_gender(const actx *c, size_t tok, int gender)
{
	size_t k = qt_first_mention(c, tok), stop, j, lo;
	uint32_t para = c->t[tok].para;
	int found = -1;

	if (!gender || gender == G_THING)
		return -1;
	/* "A 29-year-old Berlin woman ... she wrote": someone of that
	 * gender described, not named, in those paragraphs */
	for (j = tok,
	    lo = tok > BEFORE_TOKENS * 8 ? tok - BEFORE_TOKENS * 8 : 0;
	     j-- > lo && c->t[j].para + 3 >= para;) {
		int tv;
		if (!is_w(&c->t[j]) || c->inq[j])
			continue;
		tv = qt_lex(c, LEX_TITLES, j, j + 1);
		if (tv < 0 || (tv & TITLE_GROUP))
			continue;
		if (tv & FLAG(gender == G_MALE ? 'm' : 'f'))
			return -1;
		/* "At that moment, the French ambassador ...": a role
		 * as a subject */
		{
			size_t d = j;
			while (d > lo && j - d < 4 && is_w(&c->t[d - 1]) &&
			       !qt_np_det(c, d - 1))
				d--;
			if (d > lo && qt_np_det(c, d - 1) &&
			    (d - 1 == sentence_start(c, d - 1) ||
			     is_p(&c->t[d - 2], ',')))
				return -1;
		}
	}
	stop = k > MENTION_WINDOW ? k - MENTION_WINDOW : 0;
	while (k-- > stop) {
		const mention_rec *m = QVEC_AT(&c->ments, mention_rec, k);
		const entity *e = ent_at(c, m->ent);
		if (m->tok >= tok || e->org)
			continue;
		if (c->capt && c->capt[c->t[m->tok].para])
			continue;
		if (!e->gender) {
			/* (whatever else marks it: "in Trump" made a
			 * place of him) */
			if (c->t[m->tok].para + 3 >= para &&
			    (subject_like(c, m) ||
			     c->t[m->tok].sent == c->t[tok].sent))
				return -1;
			continue;
		}
		if (e->gender != gender)
			continue;
		if (found >= 0 && found != m->ent)
			return -1;
		found = m->ent;
	}
	return found;
}

/*
 * The person a pronoun at token `tok` refers to: whichever is newer, the
 * last speaker or a person of agreeing gender named since as the subject
 * of a clause (within three paragraphs); else -1.  When no one else can
 * be meant but one whose first name most bearers of the other gender have
 * ("Joel Baptiste" for "she"), that one goes to *other (else -1 there):
 * the caller takes it only from the surest link
 * (qt_pronoun_contradicted_sure(), pronoun.c).
 */
int
qt_resolve_pronoun(const actx *c, size_t tok, int gender, int last_ent,
                   size_t last_tok, int *other)
{
	size_t k = qt_first_mention(c, tok), stop;
	uint32_t para = c->t[tok].para;
	/* [0] gender shown to agree, [1] unknown, [2] a first name of the
	 * other gender */
	int best[3] = {-1, -1, -1}, owner = -1, object = -1, only, sk, g;
	size_t pos[3] = {0, 0, 0};
	const entity *ls = ent_at(c, last_ent);
	bool ls_ok, place;

	*other = -1;

	/* a candidate at token p: kept when the gender the article shows
	 * does not clash, and in the class of its evidence if newer than
	 * the one there */
#define CONSIDER(ent, p)                                                       \
	do {                                                                   \
		const entity *e_ = ent_at(c, (ent));                           \
		int cls_;                                                      \
		int g_;                                                        \
		if (!e_ || e_->org)                                            \
			break;                                                 \
		if (gender && e_->gender && e_->gender != gender)              \
			break;                                                 \
		g_ = qt_ent_gender(c, e_);                                     \
		cls_ = gender && e_->gender == gender            ? 0           \
		       : gender != G_THING && g_ && g_ != gender ? 2           \
		                                                 : 1;          \
		if (best[cls_] < 0 || (p) > pos[cls_]) {                       \
			best[cls_] = (ent);                                    \
			pos[cls_] = (p);                                       \
		}                                                              \
	} while (0)

	/* (not a place that spoke: "China said it would buy corn. 'We
	 * are ready,' he said." is no one China) */
	place = ls && qt_place_name(c, ls);
	if (ls && !place)
		CONSIDER(last_ent, 2 * last_tok + 1);
	/* a person named inside someone's reported speech ("Harris said
	 * Vickers would be ...") is what was said, not who says the next
	 * thing, while that someone can still be meant (or was a place) */
	ls_ok = best[0] >= 0 || best[1] >= 0 || place;
	stop = k > MENTION_WINDOW ? k - MENTION_WINDOW : 0;
	while (k-- > stop) {
		const mention_rec *m = QVEC_AT(&c->ments, mention_rec, k);
		const entity *e;
		if (m->tok >= tok)
			continue;
		if (c->t[m->tok].para + 3 < para)
			break;
		/* no older mention can change the answer any more: each
		 * ranks at most 2 * m->tok + 1, and a newer one of the
		 * agreeing gender (or, with none, of unknown gender) wins
		 * (in one long paragraph the window is all mentions) */
		if ((best[0] >= 0 && 2 * m->tok + 1 <= pos[0]) ||
		    (best[0] < 0 && best[1] >= 0 && 2 * m->tok + 1 < pos[1]))
			break;
		if (c->capt && c->capt[c->t[m->tok].para])
			continue; /* a photo caption names who is pictured */
		if (ls_ok && c->inrep && c->inrep[m->tok])
			continue;
		e = ent_at(c, m->ent);
		if (!antecedent_ok(c, e, m))
			continue;
		sk = subject_kind(c, m);
		/* the newest owner of a subject whose gender agrees as
		 * far as is known ("Omar Lind's voice was hoarse") */
		if (sk == SUBJ_OWNER && owner < 0 && gender != G_THING &&
		    (!(g = qt_ent_gender(c, e)) || g == gender))
			owner = m->ent;
		/* the one person named in an object's place in the
		 * pronoun's paragraph whose gender agrees (by the article,
		 * else by the first name): "Ivy Lam thanked Tom Reyes.
		 * 'Q,' he said."; of two, neither (-2) */
		if (sk != SUBJ_YES && object != m->ent && object != -2 &&
		    gender != G_THING && c->t[m->tok].para == para &&
		    (e->gender ? e->gender == gender
		               : qt_ent_gender(c, e) == gender))
			object = object < 0 ? m->ent : -2;
		if (sk != SUBJ_YES && !introduced(c, k))
			continue;
		/* (positions doubled) a time clause's subject ranks as if
		 * at its sentence's start: the main subject of that
		 * sentence is newer */
		if (in_subordinate(c, m))
			CONSIDER(m->ent, 2 * sentence_start(c, m->tok));
		else
			CONSIDER(m->ent, 2 * m->tok + 1);
	}
#undef CONSIDER
	/* evidence of the same gender wins; failing that, the newest */
	if (best[0] >= 0 && best[1] >= 0)
		return pos[0] >= pos[1] ? best[0] : best[1];
	if (best[0] >= 0 || best[1] >= 0)
		return best[0] >= 0 ? best[0] : best[1];
	/* failing that, the one person shown to be of that gender, or the
	 * owner of a subject */
	only = only_one_of_gender(c, tok, gender);
	if (only >= 0)
		return only;
	if (owner >= 0)
		return owner;
	/* failing all, a person of the pronoun's gender named as an object
	 * in its paragraph, else one whose first name most bearers of the
	 * other gender have, for the caller to judge */
	if (object >= 0)
		return object;
	*other = best[2];
	return -1;
}

/* Is a person other than entity `except` the subject of a clause in
 * tokens [a, b)? */
bool
qt_subject_between(const actx *c, size_t a, size_t b, int except)
{
	size_t k;

	for (k = qt_first_mention(c, a); k < c->ments.len; k++) {
		const mention_rec *m = QVEC_AT(&c->ments, mention_rec, k);
		const entity *e;
		if (m->tok >= b)
			break;
		if (m->ent == except)
			continue;
		e = ent_at(c, m->ent);
		if (!e->org && (e->person || strchr(e->name, ' ')) &&
		    subject_like(c, m))
			return true;
	}
	return false;
}

/* Fill c->inrep (tokens of indirect and mixed content) and c->capt
 * (photo-caption paragraphs) for qt_resolve_pronoun(); on failure to
 * allocate they stay NULL and resolution works without them. */
void
qt_mark_reported(actx *c)
{
	size_t i, k, a, b, np;

	if (c->n == 0)
		return;
	np = (size_t)c->t[c->n - 1].para + 1;
	c->inrep = calloc(c->n, 1);
	c->capt = calloc(np, 1);
	if (c->capt)
		for (i = 0; i < c->n; i = para_stop(c->tl, i) + 1)
			c->capt[c->t[i].para] = qt_photo_para(
			        c, i, para_stop(c->tl, i));
	if (!c->inrep)
		return;
	for (i = 0; i < c->r->nq; i++) {
		const quote *q = &c->r->q[i];
		if (q->type != QUOTH_INDIRECT && q->type != QUOTH_MIXED)
			continue;
		for (k = 0; k < q->nparts; k++) {
			a = qt_tok_of(c, q->parts[k].start);
			b = qt_tok_of(c, q->parts[k].end);
			for (; a < b && a < c->n; a++)
				c->inrep[a] = 1;
		}
	}
}

/*
 * Is "he" or "she" at token tok, resolved to entity e, sure enough to
 * teach e its gender?  Only when no other person it could stand for (by
 * the tests of qt_resolve_pronoun) is named between the start of the
 * sentence of e's last mention and the pronoun: "Mia Cole left after
 * Harbour Days ended. 'It was loud,' she said." teaches nobody.
 */
bool
qt_pronoun_sure(const actx *c, size_t tok, int gender, int e)
{
	size_t k = qt_first_mention(c, tok), lo = QUOTH_NONE, j, stop;

	stop = k > MENTION_WINDOW ? k - MENTION_WINDOW : 0;
	for (j = k; j-- > stop;) {
		const mention_rec *m = QVEC_AT(&c->ments, mention_rec, j);
		if (m->ent == e && m->tok < tok) {
			lo = sentence_start(c, m->tok);
			break;
		}
	}
	if (lo == QUOTH_NONE)
		return false;
	for (j = k; j-- > stop;) {
		const mention_rec *m = QVEC_AT(&c->ments, mention_rec, j);
		const entity *o;
		if (m->tok < lo)
			break;
		if (m->tok >= tok || m->ent == e)
			continue;
		if (c->capt && c->capt[c->t[m->tok].para])
			continue;
		o = ent_at(c, m->ent);
		if (!antecedent_ok(c, o, m) ||
		    (gender && o->gender && o->gender != gender) ||
		    (!subject_like(c, m) && !introduced(c, j)))
			continue;
		return false;
	}
	return true;
}
