/*
 * coref.c: attribution: what a speaker mention that names nobody refers
 * to.  "he", "she": the newest person of agreeing gender (the article's
 * evidence, else the first name's) named as the subject of a clause;
 * "it": an organisation or a document ("they": a group, is they.c's and
 * pronoun.c's); "the company": the organisation
 * the article introduced ("the report": its author, is documents.c's);
 * "a Vancouver coach": the person named in the next sentence.  Reads
 * tokens, quotes, entities and mentions; returns entities or token spans,
 * writes nothing (but the memo of an entity's first-name gender).
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
static bool
first_outside_captions(const actx *c, size_t mk)
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
	       first_outside_captions(c, mk);
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
 * of a clause (within three paragraphs).  One whose first name most
 * bearers of the other gender have ("Joel Baptiste" for "she") only when
 * no one else can be meant.
 */
int
qt_resolve_pronoun(const actx *c, size_t tok, int gender, int last_ent,
                   size_t last_tok)
{
	size_t k = qt_first_mention(c, tok), stop;
	uint32_t para = c->t[tok].para;
	/* [0] gender shown to agree, [1] unknown, [2] a first name of the
	 * other gender */
	int best[3] = {-1, -1, -1}, owner = -1, only, sk, g;
	size_t pos[3] = {0, 0, 0};
	const entity *ls = ent_at(c, last_ent);
	bool ls_ok, place;

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
	/* failing that, the owner of a subject; failing all, one whose
	 * first name is of the other gender (the article may call a Robin
	 * or a Kim either) */
	only = only_one_of_gender(c, tok, gender);
	return only >= 0 ? only : owner >= 0 ? owner : best[2];
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
	size_t h = m->end - 1, n = c->t[h].end - c->t[h].start;
	char f[24];
	int v;

	if (m->end < m->tok + 2 || !is_w(&c->t[h]) || n < 4 || n >= sizeof(f) ||
	    !(c->t[h].flags & TF_CAP) || (c->t[h].flags & TF_ALLCAP))
		return false;
	if (!qt_ascii_lower(f, c->text + c->t[h].start, n, QT_LOWER_LETTERS) ||
	    f[n - 1] != 's')
		return false;
	/* "dairies" -> "dairy", "farms" -> "farm" */
	if (n > 4 && f[n - 3] == 'i' && f[n - 2] == 'e') {
		f[n - 3] = 'y';
		v = qt_lexicon_get(c->ld->lex[LEX_ORGNOUNS], f, n - 2);
	} else {
		v = qt_lexicon_get(c->ld->lex[LEX_ORGNOUNS], f, n - 1);
	}
	return v > 0 && (v & WNO_HEAD);
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
		if (subject_like(c, m))
			return m->ent;
	}
	return ls && it_ok(ls, false) ? last_ent : -1;
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

/* "the Icelanders' release": mention m is a plural's possessive, its
 * apostrophe a token of its own right after it. */
static bool
plural_possessive(const actx *c, const mention_rec *m)
{
	size_t b = m->end;

	return b < c->n && c->t[b].start == c->t[b - 1].end &&
	       c->text[c->t[b - 1].end - 1] == 's' &&
	       (c->text[c->t[b].start] == '\'' ||
	        (c->t[b].end - c->t[b].start == 3 &&
	         memcmp(c->text + c->t[b].start, "\xe2\x80\x99", 3) == 0));
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
	size_t a = qa->sp_tok, h, k, stop;
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
		    people_plural(c, m))
			continue;
		/* "Pine Valley Council ... the council said": the name
		 * whose last word is the description's noun */
		if ((e->org || e->headorg) && qt_name_head_is(c, e, h))
			return m->ent;
		/* (named once and not marked as one: a headline's words;
		 * but "Brightwater Dairy cut 40 jobs", named like an
		 * organisation as the subject of its clause, is one) */
		if (!e->org && e->nment < 2 &&
		    !((e->headorg || plural_head(c, m)) && subject_like(c, m)))
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
	    !subject_like(c, m) || m->end >= c->n || !is_w(&c->t[m->end]) ||
	    (c->t[m->end].flags & TF_CAP) || c->inq[m->end])
		return -1;
	/* new here: named before only in photo captions */
	return first_outside_captions(c, mk) ? m->ent : -1;
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
	    !subject_like(c, m) || qt_possessive(c, m->end - 1) ||
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
	return (v & WNO_PLURAL) && !(v & WNO_SINGULAR) ? 2 : 0;
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
