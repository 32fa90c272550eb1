/*
 * speaker.c: attribution: the speaker phrase that starts at a token,
 * read forward: a pronoun ("he"), a name with its titles ("US Defence
 * Secretary Pete Hegseth"), a possessive's person ("Vancouver's Bo
 * Horvat") or group ("Trudeau's office"), a description ending in a title
 * or organisation ("the Pentagon chief", "a spokeswoman"), or a source
 * after "according to".  Reads tokens and the entity table; writes the
 * speaker it returns.
 */
#include <stdlib.h>

#include "attrib_int.h"
#include "names.h"
#include "speaker.h"
#include "tagger.h"

/* A name is at most NAME_RUN_TOKENS words, initials and particles
 * ("Ursula von der Leyen", "Peter T. King", "the National Institute on
 * Drug Abuse"): a longer capitalised run is a headline. */
#define NAME_RUN_TOKENS 8
/* The lowercase words between an affiliation and a person, or after a
 * possessive ("MSNBC host Chris Matthews", "Tulsa police Chief", "Hillary
 * Clinton's right-hand woman"): a role is short. */
#define ROLE_AFTER_TOKENS 4
/* The words of a described speaker after its determiner ("the lanky,
 * bespectacled professor"): longer phrases hold a verb. */
#define DESCRIBED_TOKENS 5

static size_t parse_speaker_at(actx *c, size_t i, speaker *sp,
                               int last_speaker);

/* Is the capitalised word at i no name, organisation, title or
 * honorific the article or the lists know? */
static bool
unknown_word(actx *c, size_t i)
{
	return qt_entity_find(c, i, i + 1) < 0 &&
	       qt_lex(c, LEX_ORGS, i, i + 1) < 0 &&
	       qt_lex(c, LEX_TITLES, i, i + 1) < 0 &&
	       qt_lex(c, LEX_HONORIFICS, i, i + 1) < 0;
}

/* Is the tagger's part of speech `pos` one no name has (a verb, an
 * adjective, an adverb, a determiner)? */
static bool
not_name_pos(int pos)
{
	return pos == QT_POS_VERB || pos == QT_POS_ADJ || pos == QT_POS_ADV ||
	       pos == QT_POS_DET;
}

/* Is the capitalised word at i, opening its sentence, a common word to
 * the tagger: an adjective, or a common noun or a number there and
 * inside a sentence too (qt_opener_is_common()), no proper name? */
static bool
common_word(actx *c, size_t i)
{
	int pos = qt_pos_at(c, i);

	return pos == QT_POS_ADJ ||
	       ((pos == QT_POS_NOUN || pos == QT_POS_NUM) &&
	        qt_opener_is_common(c, i));
}

/*
 * A capitalised word that opens its sentence (or follows a break or a
 * dash) and is no name the article knows, but a word it also writes in
 * lowercase ("Guns", "Early", "Based") or one read as an adverb or a
 * participle ("Hastily", "Horrified", "Appearing").  Such a word starts
 * no speaker.
 */
static bool
common_opener(actx *c, size_t i)
{
	const token *t = &c->t[i];
	size_t n = t->end - t->start, e;

	if (!is_w(t) || !(t->flags & TF_CAP) || (t->flags & TF_ALLCAP) ||
	    qt_possessive(c, i))
		return false;
	if (i > 0 && c->t[i - 1].sent == t->sent &&
	    !is_break_tok(&c->t[i - 1]) && !is_dash(&c->t[i - 1]))
		return false;
	/* (a run goes on: "New Hampshire", "White House") */
	for (e = i + 1; e < c->n && e < i + 4 && is_w(&c->t[e]) &&
	                (c->t[e].flags & TF_CAP);
	     e++)
		;
	if (e > i + 1)
		return false;
	/* "Minutes later, the board said", "Years ago, she": a time
	 * phrase, no name (but "Lund later said") */
	if (e + 1 < c->n && is_p(&c->t[e + 1], ',') &&
	    qt_relative_time_word(c, e))
		return true;
	/* a determiner before a lowercase word opens a description, even
	 * when the article never writes it in lowercase ("One beekeeper
	 * put it bluntly", "Another voter said") */
	if (qt_np_det(c, i) && e < c->n && is_w(&c->t[e]) &&
	    !(c->t[e].flags & TF_CAP))
		return true;
	/* written in lowercase too, or an adverb or a participle (the
	 * cheap tests first: this runs for many words) */
	if (!qt_lower_has(c, i) &&
	    !(n >= 5 && (memcmp(c->text + t->end - 2, "ly", 2) == 0 ||
	                 memcmp(c->text + t->end - 3, "ing", 3) == 0 ||
	                 memcmp(c->text + t->end - 2, "ed", 2) == 0)))
		/* ("Multiple outlets reported", "Good information
		 * can": a word the tagger reads as describing the noun
		 * after it; "Frustrations with the plan", "Thirteen
		 * years earlier", "Audiences can expect": a common noun
		 * or a number, no proper name) */
		return i + 1 < c->n && is_w(&c->t[i + 1]) &&
		       !(c->t[i + 1].flags & TF_CAP) && unknown_word(c, i) &&
		       (qt_cue_at(c, i + 1) < 0
		                ? common_word(c, i)
		                /* ("Thirteen said": a number of people,
		                 * no name) */
		                : qt_pos_at(c, i) == QT_POS_NUM);
	/* (a name before its cue, appositive or parenthesis: "Beijing
	 * said", "Brown, a farmer,", "Kelly (D) said"; but "Conversely,
	 * Trump said"; and not a participle or an adjective the tagger
	 * reads so: "Having announced that ...", "Current rules allow") */
	if (i + 1 < c->n &&
	    ((qt_cue_at(c, i + 1) >= 0 &&
	      !(unknown_word(c, i) && not_name_pos(qt_pos_at(c, i)))) ||
	     is_p(&c->t[i + 1], '(') ||
	     (is_p(&c->t[i + 1], ',') && i + 2 < c->n && qt_np_det(c, i + 2) &&
	      memcmp(c->text + t->end - 2, "ly", 2) != 0)))
		return false;
	return unknown_word(c, i);
}

/*
 * "Read said", "From said", "Will added": a capitalised word that is
 * also a cue or a function word is a surname where one stands: a cue
 * after it ("said") or, inside its sentence, a comma, and the article
 * named a person in full with that surname before (Ian Read, Al From).
 */
bool
qt_surname_word(actx *c, size_t j)
{
	const token *t = &c->t[j];
	const entity *e;
	int k;
	bool first;

	if (j + 1 >= c->n || !is_w(t) || !(t->flags & TF_CAP) ||
	    (t->flags & TF_ALLCAP) || c->inq[j])
		return false;
	first = j == 0 || c->t[j - 1].sent != t->sent ||
	        is_break_tok(&c->t[j - 1]);
	if (!((is_w(&c->t[j + 1]) && !(c->t[j + 1].flags & TF_CAP) &&
	       qt_cue_at(c, j + 1) >= 0) ||
	      (!first && is_p(&c->t[j + 1], ','))))
		return false;
	k = qt_entity_by_mention_tok(c, j, j + 1);
	if (k < 0)
		k = qt_entity_find(c, j, j + 1);
	e = ent_at(c, k);
	return e && !e->org && !e->place && !e->nonperson &&
	       e->first_multi != QUOTH_NONE && e->first_multi < j;
}

/* parse_speaker_at() with a bound on its recursion ("former former
 * former ...", "A's B's C's ..."): deeper chains are no speaker. */
size_t
qt_parse_speaker_fwd(actx *c, size_t i, speaker *sp, int last_speaker)
{
	size_t m;
	pmemo_frame fr;

	if (c->depth >= PARSE_DEPTH) {
		qt_speaker_memo_deep(c);
		speaker_none(sp);
		return i;
	}
	/* (while linking: the parse made before, see speaker_memo.c) */
	if (c->pmemo) {
		if (qt_speaker_memo_get(c, i, last_speaker, sp, &m))
			return m;
		qt_speaker_memo_enter(c, &fr);
	}
	c->depth++;
	m = parse_speaker_at(c, i, sp, last_speaker);
	c->depth--;
	if (c->pmemo)
		qt_speaker_memo_leave(c, &fr, i, last_speaker, sp, m);
	return m;
}

/*
 * The steps of parse_speaker_at(), one shape of speaker phrase each, all
 * called with the same arguments: each returns the token after the
 * phrase, or i when the shape is there but makes no speaker (and no
 * later step may try), or QUOTH_NONE when the shape is not there.
 */

/* The pronoun at i with the lexicon's flags v as the speaker sp. */
static void
pronoun_speaker(speaker *sp, size_t i, int v)
{
	sp->kind = SK_PRONOUN;
	sp->a = i;
	sp->b = i + 1;
	sp->gender = (v & PRON_MALE)     ? G_MALE
	             : (v & PRON_FEMALE) ? G_FEMALE
	                                 : 0;
	if ((v & PRON_NONPERSON) && (v & PRON_SINGULAR))
		sp->gender = G_THING; /* it: resolved in the 2nd pass */
	/* they, it: no person; he, she: resolved in qt_resolve_in_order() */
	sp->ent = -1;
}

/* A pronoun ("he", "they", "He's claiming"); an object or possessive
 * pronoun is no speaker, unless it opens a described one ("my
 * father"). */
static size_t
parse_pronoun(actx *c, size_t i, speaker *sp, int last_speaker)
{
	int v;

	v = qt_lex(c, LEX_PRONOUNS, i, i + 1);
	if (v < 0)
		v = qt_pronoun_contracted(c, i); /* "He's claiming" */
	/* "Her reply was short:", "his statement said": the possessor of
	 * a written statement is its speaker, a pronoun to resolve */
	if (v >= 0 && (v & PRON_OBJECT) && !(v & PRON_FIRST_SECOND) &&
	    /* (opening its sentence: not "according to his book", "in
	     * his announcement speech") */
	    (i == 0 || c->t[i - 1].sent != c->t[i].sent ||
	     is_break_tok(&c->t[i - 1])) &&
	    qt_np_det(c, i) && i + 1 < c->n && !c->inq[i + 1] &&
	    qt_doc_noun(c, i + 1, WND_SINGULAR, CL_WRITTEN) &&
	    /* ("her statement read" is read as a described document,
	     * whose possessor resolves the same way) */
	    (qt_cue_at(c, i + 2) < 0 || (v & (PRON_NONPERSON | PRON_PLURAL)))) {
		v &= ~PRON_OBJECT;
		pronoun_speaker(sp, i, v);
		sp->b = i + 2;
		return i + 2;
	}
	/* (a possessive opens a described speaker: "my father", "his
	 * wife") */
	if (v >= 0 &&
	    !((v & (PRON_OBJECT | PRON_FIRST_SECOND)) && qt_np_det(c, i))) {
		if (v & (PRON_OBJECT | PRON_FIRST_SECOND))
			return i;
		pronoun_speaker(sp, i, v);
		return i + 1;
	}
	return QUOTH_NONE;
}

/* "Former premier Brian Gallant", "then-candidate": the speaker after a
 * time word, whose mention takes the word in. */
static size_t
parse_prefixed(actx *c, size_t i, speaker *sp, int last_speaker)
{
	if ((wordeq(c, i, "former") || wordeq(c, i, "then") ||
	     wordeq(c, i, "outgoing") || wordeq(c, i, "incoming") ||
	     wordeq(c, i, "acting") || wordeq(c, i, "interim") ||
	     wordeq(c, i, "late")) &&
	    i + 1 < c->n) {
		size_t m = qt_parse_speaker_fwd(c, i + 1, sp, last_speaker);
		if (m > i + 1) {
			sp->a = i;
			return m;
		}
		speaker_none(sp);
		return i;
	}
	return QUOTH_NONE;
}

/* Is token k an honorific ("Lt", "Sgt") or, when `letter`, a single
 * capital letter ("S" of "S/Sgt.")? */
static bool
honorific_piece(const actx *c, size_t k, bool letter)
{
	const token *t = &c->t[k];

	return is_w(t) && (t->flags & TF_CAP) && !c->inq[k] &&
	       (qt_lex(c, LEX_HONORIFICS, k, k + 1) >= 0 ||
	        (letter && t->end - t->start == 1));
}

/* "Lt.-Gov. Mara Vint", "S/Sgt. Owen Pike": a rank written in two
 * pieces joined by a hyphen or a slash (no space around it), then the
 * person's name, who is the speaker from the first piece on. */
static size_t
parse_compound_rank(actx *c, size_t i, speaker *sp, int last_speaker)
{
	size_t k = i + 1, m;

	if (!honorific_piece(c, i, true))
		return QUOTH_NONE;
	if (k < c->n && is_p(&c->t[k], '.') &&
	    !(c->t[k].flags & TF_SPACE_BEFORE))
		k++;
	if (k + 2 >= c->n || !(is_p(&c->t[k], '-') || is_p(&c->t[k], '/')) ||
	    (c->t[k].flags & TF_SPACE_BEFORE) ||
	    (c->t[k + 1].flags & TF_SPACE_BEFORE) ||
	    !honorific_piece(c, k + 1, false))
		return QUOTH_NONE;
	m = qt_parse_speaker_fwd(c, k + 1, sp, last_speaker);
	if (m > k + 2 && sp->kind == SK_NAME) {
		sp->a = i;
		return m;
	}
	speaker_none(sp);
	return QUOTH_NONE;
}

/* "Trudeau's office": a group of the person (an organisation);
 * "Vancouver's Bo Horvat": the name after the possessive. */
static size_t
parse_possessive(actx *c, size_t i, speaker *sp, int last_speaker)
{
	/* "Trudeau's office", "McCallum's staff": a group of the person */
	if ((c->t[i].flags & TF_CAP) && qt_possessive(c, i) &&
	    qt_person_group(c, i + 1)) {
		sp->a = i;
		sp->b = i + 2;
		sp->kind = SK_ORG;
		return i + 2;
	}
	/* "Vancouver's Bo Horvat": the name after the possessive */
	if ((c->t[i].flags & TF_CAP) && qt_possessive(c, i) && i + 1 < c->n &&
	    is_w(&c->t[i + 1]) && (c->t[i + 1].flags & TF_CAP)) {
		size_t m = qt_parse_speaker_fwd(c, i + 1, sp, last_speaker);
		if (m > i + 1 && sp->kind == SK_NAME)
			return m;
		speaker_none(sp);
	}
	return QUOTH_NONE;
}

/* The end of the run of name words at i (capitalised words, initials,
 * particles, "of" inside an organisation's name), at most
 * NAME_RUN_TOKENS. */
static size_t
name_run_end(actx *c, size_t i)
{
	size_t j = i;

	while (j < c->n && j < i + NAME_RUN_TOKENS &&
	       ((is_w(&c->t[j]) && (c->t[j].flags & TF_CAP) && !c->inq[j] &&
	         /* "Trump Says", but "Ohio State University" */
	         (qt_lex(c, LEX_CUES, j, j + 1) < 0 ||
	          (j > i && qt_name_part_cue(c, j)) ||
	          (j == i && qt_surname_word(c, j)))) ||
	        (is_p(&c->t[j], '.') && j > i &&
	         !(c->t[j].flags & TF_SPACE_BEFORE) &&
	         (c->t[j - 1].end - c->t[j - 1].start <= 4 ||
	          /* "Const.", "Capt.": an honorific's dot */
	          qt_lex(c, LEX_HONORIFICS, j - 1, j) >= 0) &&
	         j + 1 < c->n && (c->t[j + 1].flags & TF_CAP)) ||
	        (qt_is_particle(c, j) && j + 1 < c->n &&
	         ((c->t[j + 1].flags & TF_CAP) || qt_is_particle(c, j + 1))) ||
	        /* "the National Institute on Drug Abuse" */
	        (j > i &&
	         (wordeq(c, j, "of") || wordeq(c, j, "on") ||
	          wordeq(c, j, "for")) &&
	         j + 1 < c->n && is_w(&c->t[j + 1]) &&
	         (c->t[j + 1].flags & TF_CAP) &&
	         qt_lex(c, LEX_ORGS, j - 1, j) >= 0)))
		j++;
	/* "Ocean, Wind and Harbour Agency" */
	if (j > i && j < c->n && is_p(&c->t[j], ','))
		j = qt_comma_name_end(c, i, j);
	return j;
}

/* The lowercase words after a name run ending at j, up to
 * ROLE_AFTER_TOKENS: *k2_out gets the token after them, *kr_out the token
 * after their last title word ("MSNBC host", "Tulsa police Chief"); true
 * when there is one. */
static bool
role_after_run(actx *c, size_t j, size_t *k2_out, size_t *kr_out)
{
	size_t k2 = j, kr = j;
	bool role = false;

	while (k2 < c->n && k2 < j + ROLE_AFTER_TOKENS && is_w(&c->t[k2]) &&
	       !(c->t[k2].flags & TF_CAP) && !c->inq[k2] &&
	       qt_cue_at(c, k2) < 0 && !qt_is_prep(c, k2) &&
	       !wordeq(c, k2, "of")) {
		if (qt_lex(c, LEX_TITLES, k2, k2 + 1) >= 0) {
			role = true;
			kr = k2 + 1;
		}
		k2++;
	}
	*k2_out = k2;
	*kr_out = kr;
	return role;
}

/* A possessive name run [i, j), with lowercase words after it up to k2:
 * "Clinton's spokesman", "Hillary Clinton's right-hand woman": someone of
 * the person's, as written (with `role`); "Ann Lee's campaign": her
 * organisation.  QUOTH_NONE for the possessor alone ("Byrd's strategy of
 * "massive resistance"", "Bornstein's missive"). */
static size_t
possessor_phrase(actx *c, size_t i, size_t j, size_t k2, bool role, speaker *sp)
{
	size_t kr;

	if (role) {
		/* (to its first title and the titles
		 * right after it: "right-hand woman
		 * [rallied supporters]", "press
		 * secretary") */
		for (kr = j;
		     kr + 1 < k2 && qt_lex(c, LEX_TITLES, kr, kr + 1) < 0; kr++)
			;
		while (kr + 1 < k2 &&
		       qt_lex(c, LEX_TITLES, kr + 1, kr + 2) >= 0)
			kr++;
		sp->a = i;
		sp->b = kr + 1;
		sp->kind = SK_ROLE;
		return kr + 1;
	}
	if (qt_person_group(c, j)) {
		sp->a = i;
		sp->b = j + 1;
		sp->kind = SK_ORG;
		return j + 1;
	}
	return QUOTH_NONE;
}

/* What a name run [i, j) names: a known entity (a person or an
 * organisation), else an organisation or a role by its last word, else a
 * person not yet known. */
static size_t
name_kind(actx *c, size_t i, size_t j, speaker *sp)
{
	sp->a = i;
	sp->b = j;
	sp->ent = qt_entity_by_mention_tok(c, i, j);
	if (sp->ent < 0)
		sp->ent = qt_entity_find(c, i, j);
	if (sp->ent >= 0) {
		const entity *e = ent_at(c, sp->ent);
		sp->kind = e->org ? SK_ORG : SK_NAME;
	} else if (qt_lex(c, LEX_ORGS, j - 1, j) >= 0) {
		sp->kind = SK_ORG;
	} else if (qt_lex(c, LEX_TITLES, j - 1, j) >= 0) {
		sp->kind = SK_ROLE;
		sp->ent = qt_entity_by_role(c, j - 1);
	} else {
		sp->kind = SK_NAME;
	}
	return j;
}

/* Is the possessor run [a, b) ("North Dakota's", "Iowa State
 * University's") no person the article knows: a place, an organisation,
 * or a name nothing shows is a person? */
static bool
possessor_not_person(actx *c, size_t a, size_t b)
{
	int k = qt_entity_by_mention_tok(c, a, b);
	const entity *e;

	if (k < 0)
		k = qt_entity_find(c, a, b);
	e = ent_at(c, k);
	return !e || e->org || e->place || e->nonperson ||
	       !(e->person || e->strong || e->gender);
}

/*
 * "North Dakota's Ada Fisher", "Iowa State University's Dianne Bystrom":
 * a name run [i, j) with a possessive inside it is a place's or an
 * organisation's person, who is the speaker.  Only when the words after
 * the possessive are a person's name (SK_NAME, no organisation) and the
 * possessor is no person: "Ann Lee's Harbour Fund" stays as it was.
 * QUOTH_NONE when this is not that shape.
 */
static size_t
possessor_person(actx *c, size_t i, size_t j, speaker *sp, int last_speaker)
{
	size_t p, m;
	speaker nm;
	const entity *e;

	for (p = i; p + 1 < j && !qt_possessive(c, p); p++)
		;
	if (p + 1 >= j || !possessor_not_person(c, i, p + 1))
		return QUOTH_NONE;
	m = qt_parse_speaker_fwd(c, p + 1, &nm, last_speaker);
	if (m <= p + 1 || nm.kind != SK_NAME)
		return QUOTH_NONE;
	e = ent_at(c, nm.ent);
	if (e ? (e->org || e->place || e->nonperson ||
	         !(e->person || e->strong || e->gender || m > p + 2))
	      : (m < p + 3 || qt_lex(c, LEX_ORGS, m - 1, m) >= 0 ||
	         qt_lex(c, LEX_PLACES, p + 1, m) >= 0))
		return QUOTH_NONE;
	/* (a place's or an organisation's someone, named in full, is a
	 * person: "the Harbour Authority's Ada Finch" keeps her name) */
	if (e)
		ent_set_person(c, nm.ent);
	*sp = nm;
	sp->a = i;
	return m;
}

/*
 * "Speaker of the House Nan Ode", "Secretary of the Treasury Ada Finch":
 * a title word at j - 1, its "of" phrase from j, and a name the
 * article collected right after it (entities.c took the phrase for the
 * name's title): that name, the mention as the name is written (the
 * phrase up to it ends before sp->a).  QUOTH_NONE when this is not that
 * shape.
 */
static size_t
title_of_name(actx *c, size_t j, speaker *sp, int last_speaker)
{
	size_t k = j + 1, m;
	const mention_rec *mr;
	const entity *e;
	speaker nm;

	if (j + 2 >= c->n || !wordeq(c, j, "of") || !qt_title_of_word(c, j - 1))
		return QUOTH_NONE;
	if (wordeq(c, k, "the"))
		k++;
	m = qt_first_mention(c, k + 1);
	if (m >= c->ments.len)
		return QUOTH_NONE;
	mr = QVEC_AT(&c->ments, mention_rec, m);
	if (mr->tok > k + 3)
		return QUOTH_NONE;
	for (; k < mr->tok; k++)
		if (!is_w(&c->t[k]) || !(c->t[k].flags & TF_CAP) || c->inq[k])
			return QUOTH_NONE;
	m = qt_parse_speaker_fwd(c, mr->tok, &nm, last_speaker);
	if (m != mr->end || nm.kind != SK_NAME || nm.ent != mr->ent)
		return QUOTH_NONE;
	/* (a person's full name with its title, not a place: "Senator Ann
	 * Lee, Republican of West Virginia,") */
	e = ent_at(c, nm.ent);
	if (!e || e->org || e->place || e->nonperson || mr->end < mr->tok + 2)
		return QUOTH_NONE;
	*sp = nm;
	return m;
}

/* "Vale ally Corin Mott", "Ortiz constituent Dan Bell": does the run of
 * lowercase words [j, k2) after a name end in a person noun (WordNet),
 * which, like a title, stands between an affiliation and a person? */
static bool
person_noun_last(actx *c, size_t j, size_t k2)
{
	return k2 > j && qt_person_noun(c, k2 - 1);
}

/* "1st Lt.", "2nd Sgt.": an ordinal (a number with letters) at k before
 * an honorific or a title, which the person's name follows. */
static bool
rank_ordinal(actx *c, size_t k)
{
	const token *t = &c->t[k];

	return k + 2 < c->n && t->kind == TK_NUM && t->end - t->start >= 3 &&
	       t->end - t->start <= 4 && c->text[t->end - 1] >= 'a' &&
	       c->text[t->end - 1] <= 'z' &&
	       (qt_lex(c, LEX_HONORIFICS, k + 1, k + 2) >= 0 ||
	        qt_lex(c, LEX_TITLES, k + 1, k + 2) >= 0);
}

/* Is token k a number of digits only ("Local 444", "District 9")? */
static bool
unit_number(const actx *c, size_t k)
{
	const token *t = &c->t[k];
	size_t i;

	if (k + 2 >= c->n || t->kind != TK_NUM)
		return false;
	for (i = t->start; i < t->end; i++)
		if (c->text[i] < '0' || c->text[i] > '9')
			return false;
	return true;
}

/*
 * A name run, with titles before it ("US Defence Secretary Pete
 * Hegseth"; "I've" is none).  In this order: a role and the person after
 * it ("MSNBC host Chris Matthews"), a possessive's someone or group
 * ("Clinton's spokesman"), a group by its title ("Finance officials"),
 * else the run itself.
 */
static size_t
parse_name_run(actx *c, size_t i, speaker *sp, int last_speaker)
{
	size_t j, k2, kr, m;
	bool role, rank;

	if (!((c->t[i].flags & TF_CAP) &&
	      ((qt_lex(c, LEX_NONNAMES, i, i + 1) < 0 && !qt_contraction(c, i) &&
	        !common_opener(c, i) && !qt_dateline(c, i)) ||
	       qt_surname_word(c, i))))
		return QUOTH_NONE;
	j = name_run_end(c, i);
	/* (an all-caps headline is no name: "MAYOR VOWS TO FIGHT ON") */
	if (j == i || qt_allcaps_headline(c, i, j))
		return i;
	m = possessor_person(c, i, j, sp, last_speaker);
	if (m == QUOTH_NONE)
		m = title_of_name(c, j, sp, last_speaker);
	if (m != QUOTH_NONE)
		return m;
	role = role_after_run(c, j, &k2, &kr);
	rank = k2 == j && rank_ordinal(c, j);
	if (rank)
		k2 = j + 1; /* "Coast Guard 1st Lt. Ann Rhee" */
	/* "Unifor Local 444 president Dave Cassel": a number that ends
	 * the affiliation's name, then its role */
	else if (k2 == j && unit_number(c, j))
		role = role_after_run(c, j + 1, &k2, &kr);
	if ((role || rank || person_noun_last(c, j, k2)) && k2 < c->n &&
	    is_w(&c->t[k2]) && (c->t[k2].flags & TF_CAP)) {
		speaker nm;
		size_t m2 = qt_parse_speaker_fwd(c, k2, &nm, last_speaker);
		if (m2 > k2 && nm.kind == SK_NAME) {
			*sp = nm;
			sp->a = i;
			return m2;
		}
	}
	if (qt_possessive(c, j - 1)) {
		m = possessor_phrase(c, i, j, k2, role, sp);
		if (m != QUOTH_NONE)
			return m;
	}
	/* "Finance officials", "Surrey staff": a group (up to
	 * its title word: "Finance officials had admitted") */
	if (role &&
	    (k2 >= c->n || !is_w(&c->t[k2]) || !(c->t[k2].flags & TF_CAP)) &&
	    (qt_lex(c, LEX_TITLES, k2 - 1, k2) >= 0 ||
	     (qt_lex(c, LEX_TITLES, kr - 1, kr) & TITLE_GROUP)) &&
	    (qt_entity_by_mention_tok(c, i, j) < 0 ||
	     !ent_at(c, qt_entity_by_mention_tok(c, i, j))->person)) {
		if (qt_lex(c, LEX_TITLES, k2 - 1, k2) < 0)
			k2 = kr;
		sp->a = i;
		sp->b = k2;
		sp->kind = SK_ROLE;
		return k2;
	}
	return name_kind(c, i, j, sp);
}

/* "the Rev. Peter Wherry": the honorific's name; "the IFSD's Azfar Ali
 * Khan": the name after the possessive; "the province's Department of
 * Community Services": the organisation after it. */
static size_t
parse_the_name(actx *c, size_t i, speaker *sp, int last_speaker)
{
	/* "the Rev. Peter Wherry": the honorific's name */
	if (wordeq(c, i, "the") && i + 1 < c->n &&
	    qt_lex(c, LEX_HONORIFICS, i + 1, i + 2) >= 0) {
		size_t m = qt_parse_speaker_fwd(c, i + 1, sp, last_speaker);
		if (m > i + 1 && sp->kind == SK_NAME) {
			sp->a = i;
			return m;
		}
		speaker_none(sp);
	}
	/* "the IFSD's Azfar Ali Khan": the name after the possessive */
	if (wordeq(c, i, "the") && i + 2 < c->n && qt_possessive(c, i + 1) &&
	    (c->t[i + 1].flags & TF_CAP) && (c->t[i + 2].flags & TF_CAP)) {
		size_t m = qt_parse_speaker_fwd(c, i + 2, sp, last_speaker);
		if (m > i + 2 && sp->kind == SK_NAME) {
			sp->a = i;
			return m;
		}
		speaker_none(sp);
	}
	/* "the province's Department of Community Services": the
	 * organisation is named after the possessive */
	if (wordeq(c, i, "the") && i + 2 < c->n && qt_possessive(c, i + 1) &&
	    !(c->t[i + 1].flags & TF_CAP) && (c->t[i + 2].flags & TF_CAP)) {
		size_t m = qt_parse_speaker_fwd(c, i + 2, sp, last_speaker);
		if (m > i + 2 && sp->kind == SK_ORG)
			return m;
		speaker_none(sp);
	}
	return QUOTH_NONE;
}

/* The end of a described speaker's words after the determiner at i: up
 * to DESCRIBED_TOKENS words, not over a cue, a verb or a second noun
 * phrase. */
static size_t
described_end(actx *c, size_t i)
{
	size_t end;

	for (end = i + 1; end < c->n && end <= i + DESCRIBED_TOKENS; end++) {
		/* "the lanky, bespectacled professor": a comma
		 * between two describing words */
		if (is_p(&c->t[end], ',') && end > i + 1 &&
		    /* (not "after the vote, city officials") */
		    !(i > 0 && qt_is_prep(c, i - 1)) && end + 2 < c->n &&
		    is_w(&c->t[end - 1]) && !(c->t[end - 1].flags & TF_CAP) &&
		    qt_lex(c, LEX_TITLES, end - 1, end) < 0 &&
		    qt_lex(c, LEX_ORGS, end - 1, end) < 0 &&
		    is_w(&c->t[end + 1]) && !(c->t[end + 1].flags & TF_CAP) &&
		    qt_lex(c, LEX_TITLES, end + 2, end + 3) >= 0)
			continue;
		/* (numbers too: "The 26-year-old right wing") */
		if ((!is_w(&c->t[end]) && c->t[end].kind != TK_NUM) ||
		    c->inq[end])
			break;
		if (qt_cue_at(c, end) >= 0)
			break;
		/* ("a teacher in Austin": a place after the person is
		 * no part of the description) */
		if (end > i + 1 && word_is(c, end, W_LOC_PREP) &&
		    end + 1 < c->n && (c->t[end + 1].flags & TF_CAP) &&
		    !word_is(c, end + 1, W_ARTICLE))
			break;
		/* ("the council sent voters a letter", "the coach had
		 * one message": a verb) */
		if (qt_past_verb(c, end) || word_is(c, end, W_AUX))
			break;
		/* ("a liar and NBC News": a second phrase) */
		if (word_is(c, end, W_AND_BUT) && end + 1 < c->n &&
		    (c->t[end + 1].flags & TF_CAP) &&
		    !(c->t[end - 1].flags & TF_CAP))
			break;
		/* ("The first taste the audience gets": two phrases) */
		if (word_is(c, end, W_ARTICLE) && !qt_is_prep(c, end - 1) &&
		    !wordeq(c, end - 1, "of"))
			break;
	}
	return end;
}

/* The token where the name of an apposition after the comma at j starts:
 * right after it ("a spokeswoman, Jane Doe,"), or after lowercase words
 * that end in a role ("her neighbour, retired teacher Sam Ode"); c->n
 * when there is none. */
static size_t
appositive_name_at(actx *c, size_t j)
{
	size_t k;
	int tv;
	bool org;

	if (j + 2 >= c->n || !is_p(&c->t[j], ','))
		return c->n;
	for (k = j + 1;
	     k < c->n && k < j + 1 + ROLE_AFTER_TOKENS && is_w(&c->t[k]) &&
	     !(c->t[k].flags & TF_CAP) && !c->inq[k] && qt_cue_at(c, k) < 0 &&
	     !qt_is_prep(c, k) && !wordeq(c, k, "of") &&
	     !word_is(c, k, W_AND_BUT) && !word_is(c, k, W_ARTICLE) &&
	     !word_is(c, k, W_AUX);
	     k++)
		;
	if (k >= c->n || !is_w(&c->t[k]) || !(c->t[k].flags & TF_CAP) ||
	    c->inq[k])
		return c->n;
	/* (the words before the name end in a role: "retired teacher") */
	if (k > j + 1 && !qt_described_head(c, k - 1, &tv, &org))
		return c->n;
	return k;
}

/* "the lawyer for the port" [i, j) with its "for" or "of" at j: does
 * the entity the role word at j - 1 names hold that word with a phrase
 * of its own ("lawyer for the union"), which this one is not (the same
 * whole phrase is a mention, role_mention() in entities.c)? */
static bool
role_phrase_other(actx *c, size_t i, size_t j)
{
	int e = qt_entity_by_role(c, j - 1);
	const entity *x;
	char *ph;
	size_t len;
	qbuf f = {0};
	bool other = false;

	if (e < 0 || j <= i + 1)
		return false;
	x = ent_at(c, e);
	ph = qt_span_text(c, j - 1, j + 1, &len);
	if (!ph || !x->roles) {
		free(ph);
		return false;
	}
	qt_text_fold(&f, ph, len);
	free(ph);
	if (!f.failed && f.ptr) {
		const char *p;
		for (p = strstr(x->roles, f.ptr); p && !other;
		     p = strstr(p + 1, f.ptr))
			other = p == x->roles || p[-1] == ' ' || p[-1] == '|';
	}
	qbuf_free(&f);
	return other;
}

/* The described speaker [i, j), whose last word is a title or an
 * organisation word: its kind and gender, and the person it stands for
 * when the article says whom. */
static void
described_speaker(actx *c, size_t i, size_t j, speaker *sp, int last_speaker)
{
	bool definite = wordeq(c, i, "the");
	bool is_org;
	int tv;

	qt_described_head(c, j - 1, &tv, &is_org);
	sp->a = i;
	sp->b = j;
	sp->kind = is_org ? SK_ORG : SK_ROLE;
	if (tv >= 0 && (tv & TITLE_MALE))
		sp->gender = G_MALE;
	if (tv >= 0 && (tv & TITLE_FEMALE))
		sp->gender = G_FEMALE;
	if (!is_org && definite && !(tv & TITLE_GROUP) &&
	    qt_party_of(c, i + 1, j - 1)) {
		/* "the Democratic front-runner": whom
		 * the article titled so, party and all,
		 * or by the head, or the last speaker,
		 * but none the article gave another
		 * party */
		int pt = qt_party_of(c, i + 1, j - 1);
		int cand[2], k3;
		cand[0] = qt_entity_by_role_words(c, i + 1, j, true);
		cand[1] = qt_entity_by_role(c, j - 1);
		sp->ent = last_speaker;
		sp->fallback = true;
		c->ls_used = true;
		for (k3 = 0; k3 < 2; k3++)
			if (cand[k3] >= 0 &&
			    !qt_other_party(ent_at(c, cand[k3]), pt)) {
				sp->ent = cand[k3];
				sp->fallback = false;
				break;
			}
	} else if (!is_org && definite && !(tv & TITLE_GROUP) &&
	           /* ("the lawyer for the port": a role with a phrase
	            * of its own is nobody's the article gave a role
	            * with another, role_mention() in entities.c) */
	           !(j < c->n && (wordeq(c, j, "for") || wordeq(c, j, "of")) &&
	             role_phrase_other(c, i, j))) {
		sp->ent = qt_entity_by_role(c, j - 1);
		/* "the Pentagon chief": a role tied to
		 * an institution is the official who
		 * has been speaking; "the clerk" is
		 * nobody we know */
		if (sp->ent < 0 && qt_has_cap_word(c, i + 1, j - 1)) {
			sp->ent = last_speaker;
			sp->fallback = true;
			c->ls_used = true;
		}
	}
	/* "a spokeswoman, Jane Doe," names her; so does "her neighbour,
	 * retired teacher Sam Ode" (a role of its own before the name) */
	size_t nm = appositive_name_at(c, j);
	if (nm < c->n) {
		int e2 = qt_entity_by_mention_tok(c, nm, nm + 4);
		if (e2 >= 0) {
			sp->ent = e2;
			/* "her partner, Sam Ode": a person noun types him */
			if (!is_org && !ent_at(c, e2)->org &&
			    !ent_at(c, e2)->nonperson)
				ent_set_person(c, e2);
		}
	}
}

/* A person noun that ends a described phrase [i, j) after a
 * preposition is that preposition's object, not the phrase's head, when
 * the noun before the preposition can head it and is no person or group
 * ("an email to supporters", "the use of executive orders", "a pitch to
 * voters": the email, the use, the pitch): the end of the phrase without
 * it, or j.  A person or group before the preposition goes on ("a
 * spokeswoman for the council", "a group of rabbis"), and so do "of"
 * after a determiner or number ("one of the workers") and a head that is
 * no person ("a footnote in the report"). */
static size_t
described_object_stop(actx *c, size_t i, size_t j)
{
	size_t p;
	int tv;
	bool org;

	if (!qt_described_head(c, j - 1, &tv, &org) || org)
		return j;
	for (p = i + 2; p + 1 < j; p++) {
		if (!word_is(c, p, W_OF_PREP) || !is_w(&c->t[p - 1]) ||
		    (c->t[p - 1].flags & TF_CAP))
			continue;
		if (qt_described_head(c, p - 1, &tv, &org) &&
		    !qt_doc_noun(c, p - 1, 0, CL_WRITTEN))
			return j;
		if (qt_org_noun(c, p - 1) || qt_np_det(c, p - 1) ||
		    qt_number_word(c, p - 1) || c->t[p - 1].kind == TK_NUM)
			return j;
		return p;
	}
	return j;
}

/* The mention that starts at token tok, or NULL. */
static const mention_rec *
mention_from(const actx *c, size_t tok)
{
	size_t k = qt_first_mention(c, tok);
	const mention_rec *mr = k < c->ments.len
	                                ? QVEC_AT(&c->ments, mention_rec, k)
	                                : NULL;

	return mr && mr->tok == tok ? mr : NULL;
}

/* sp is the phrase from i to the end of the mention mr, naming its entity
 * as a speaker of `kind`; returns the phrase's end. */
static size_t
mention_speaker(size_t i, const mention_rec *mr, int kind, speaker *sp)
{
	speaker_none(sp);
	sp->a = i;
	sp->b = mr->end;
	sp->ent = mr->ent;
	sp->kind = kind;
	return mr->end;
}

/* Does the capitalised word at k read as a plural ("Gulls", "Otters"):
 * four letters or more ending in one "s", no possessive, not "-ss",
 * "-us" or "-is"? */
static bool
plural_cap_word(const actx *c, size_t k)
{
	const token *t = &c->t[k];
	const char *e = c->text + t->end;

	return is_w(t) && (t->flags & TF_CAP) && !(t->flags & TF_ALLCAP) &&
	       t->end - t->start >= 4 && e[-1] == 's' && e[-2] != 's' &&
	       e[-2] != 'u' && e[-2] != 'i' && e[-2] != '\'' &&
	       !qt_possessive(c, k);
}

/*
 * "the Harbour City Gulls", "the Kell Bay Otters": "the" and a run of
 * two capitalised words or more that ends in a plural is a team's or a
 * group's name, whole, even when an organisation word stands inside it
 * ("City"); an organisation unless the article knows it as a person or
 * a place.  QUOTH_NONE when this is not that shape.
 */
static size_t
the_plural_name(actx *c, size_t i, speaker *sp)
{
	size_t r, k;
	const entity *e;

	if (!wordeq(c, i, "the") || i + 3 > c->n || !is_w(&c->t[i + 1]) ||
	    !(c->t[i + 1].flags & TF_CAP) || c->inq[i + 1])
		return QUOTH_NONE;
	r = name_run_end(c, i + 1);
	/* (not in a headline's capitalised words: "The Most Powerful
	 * Things Voters Said") */
	if (r < i + 3 || !plural_cap_word(c, r - 1) ||
	    (r < c->n && is_w(&c->t[r]) && (c->t[r].flags & TF_CAP)) ||
	    qt_lex(c, LEX_PLACES, i + 1, r) >= 0 ||
	    qt_lex(c, LEX_TITLES, r - 1, r) >= 0 ||
	    qt_lex(c, LEX_ORGS, r - 1, r) >= 0)
		return QUOTH_NONE;
	for (k = i + 1; k < r; k++)
		if (!is_w(&c->t[k]) || !(c->t[k].flags & TF_CAP))
			return QUOTH_NONE;
	name_kind(c, i + 1, r, sp);
	e = ent_at(c, sp->ent);
	if (e && (e->place || e->person || e->strong)) {
		speaker_none(sp);
		return QUOTH_NONE;
	}
	/* (an entity the article gave no sign of being an organisation
	 * is left out: the phrase itself speaks, as an organisation) */
	if (e && !e->org && !e->nonperson && !e->headorg)
		sp->ent = -1;
	sp->a = i;
	sp->kind = SK_ORG;
	return r;
}

/* the/a/an and up to DESCRIBED_TOKENS words ending in a title or
 * organisation word ("the Pentagon chief", "a spokeswoman"): the longest
 * such prefix. */
static size_t
parse_described(actx *c, size_t i, speaker *sp, int last_speaker)
{
	size_t j, end, m;

	if (!qt_np_det(c, i))
		return QUOTH_NONE;
	/* "the two write", "said the three": people counted, named before
	 * (a described group; "the two sides" is no speaker) */
	if (wordeq(c, i, "the") && i + 2 < c->n && qt_number_word(c, i + 1) &&
	    !c->inq[i + 1] &&
	    (qt_cue_at(c, i + 2) >= 0 ||
	     (c->t[i + 2].kind == TK_PUNCT &&
	      (is_p(&c->t[i + 2], ',') || is_p(&c->t[i + 2], '.')))))
		return role_speaker(sp, i, i + 2);
	end = described_end(c, i);
	/* "the Ocean, Wind and Harbour Agency", "the University of
	 * Tarnby's School of Public Policy": an organisation's name that
	 * the entity scan took whole is one phrase, past the description's
	 * end */
	if (i + 1 < c->n && is_w(&c->t[i + 1]) &&
	    (c->t[i + 1].flags & TF_CAP)) {
		const mention_rec *mr = mention_from(c, i + 1);
		if (mr && mr->end > end && ent_at(c, mr->ent)->org)
			return mention_speaker(i, mr, SK_ORG, sp);
	}
	m = the_plural_name(c, i, sp);
	if (m != QUOTH_NONE)
		return m;
	/* "the lawyer for the union": a role with its phrase the entity
	 * scan tied to the person the article gave it (role_mention()) */
	if (wordeq(c, i, "the") && i + 1 < c->n && is_w(&c->t[i + 1]) &&
	    !(c->t[i + 1].flags & TF_CAP)) {
		const mention_rec *mr = mention_from(c, i);
		if (mr && mr->end > i + 3 && !ent_at(c, mr->ent)->org)
			return mention_speaker(i, mr, SK_ROLE, sp);
	}
	for (j = end; j > i + 1; j--) {
		int tv;
		bool org;
		if (qt_described_head(c, j - 1, &tv, &org)) {
			size_t stop = described_object_stop(c, i, j);
			if (stop < j) {
				/* (on from the preposition's noun: the loop's
				 * j-- makes it stop) */
				j = stop + 1;
				continue;
			}
			described_speaker(c, i, j, sp, last_speaker);
			return j;
		}
	}
	return i;
}

/* "former secretary of state Ann Rhee", "director of communications Bo
 * Lee": past a title's lowercase "of" phrase at j (one or two words,
 * no article) when a person's full name follows it; else j. */
static size_t
past_title_of(actx *c, size_t j, int last_speaker)
{
	size_t k = j + 1, m;
	speaker nm;

	if (j + 3 >= c->n || !wordeq(c, j, "of") || !qt_title_of_word(c, j - 1))
		return j;
	while (k < c->n && k < j + 3 && is_w(&c->t[k]) &&
	       !(c->t[k].flags & TF_CAP) && !c->inq[k] &&
	       !word_is(c, k, W_ARTICLE) && !qt_is_prep(c, k) &&
	       qt_cue_at(c, k) < 0)
		k++;
	if (k == j + 1 || k >= c->n || !is_w(&c->t[k]) ||
	    !(c->t[k].flags & TF_CAP) || c->inq[k])
		return j;
	m = qt_parse_speaker_fwd(c, k, &nm, last_speaker);
	/* (a person: "director of research at Widmeyer Communications"
	 * names none) */
	if (m < k + 2 || nm.kind != SK_NAME ||
	    qt_lex(c, LEX_ORGS, m - 1, m) >= 0)
		return j;
	return k;
}

/* Lowercase descriptors: "spokesperson Martin Magnan", "oil and gas
 * worker Mike Wipf", "police", "justice officials". */
static size_t
parse_descriptor(actx *c, size_t i, speaker *sp, int last_speaker)
{
	size_t j;

	/* lowercase descriptors: "spokesperson Martin Magnan", "oil and
	 * gas worker Mike Wipf", "police", "justice officials" */
	/* (not a verb's object: "did not surprise pollster Dan Shaw",
	 * "left the pastor") */
	if (i > 0 && (wordeq(c, i - 1, "not") || word_is(c, i - 1, W_AUX)))
		return i;
	if ((!(c->t[i].flags & TF_CAP) || common_opener(c, i)) &&
	    qt_lex(c, LEX_NONNAMES, i, i + 1) < 0 && qt_cue_at(c, i) < 0) {
		bool titled = false;
		for (j = i;
		     j < c->n && j < i + 5 && is_w(&c->t[j]) && !c->inq[j] &&
		     (!(c->t[j].flags & TF_CAP) || j == i) &&
		     !(j > i && word_is(c, j, W_ARTICLE)) &&
		     qt_cue_at(c, j) < 0 && !qt_is_filler(c, j) &&
		     /* "researcher at Dixon Hall": an affiliation,
		             * not a name */
		     !qt_is_prep(c, j) && !word_is(c, j, W_LOC_PREP) &&
		     !wordeq(c, j, "of");
		     j++) {
			int tv;
			bool org;
			if (qt_described_head(c, j, &tv, &org))
				titled = true;
		}
		if (!titled || j == i)
			return i;
		j = past_title_of(c, j, last_speaker);
		if (j < c->n && is_w(&c->t[j]) && (c->t[j].flags & TF_CAP)) {
			speaker nm;
			size_t m = qt_parse_speaker_fwd(c, j, &nm,
			                                last_speaker);
			if (m > j && nm.kind == SK_NAME) {
				*sp = nm;
				sp->a = i;
				return m;
			}
		}
		int tv;
		bool org;
		if (qt_described_head(c, j - 1, &tv, &org)) {
			sp->a = i;
			sp->b = j;
			sp->kind = org ? SK_ORG : SK_ROLE;
			if (tv >= 0 && (tv & TITLE_MALE))
				sp->gender = G_MALE;
			if (tv >= 0 && (tv & TITLE_FEMALE))
				sp->gender = G_FEMALE;
			return j;
		}
	}
	return i;
}

/*
 * Parse a speaker phrase starting at token i, reading forward; returns
 * the index after it or i when there is none.  The first step that
 * decides wins, in this order:
 *
 *   1. parse_pronoun     "he", "they", "He's claiming"
 *   2. parse_prefixed    "former premier Brian Gallant"
 *   3. parse_compound_rank  "Lt.-Gov. Mara Vint", "S/Sgt. Owen Pike"
 *   4. parse_possessive  "Trudeau's office", "Vancouver's Bo Horvat"
 *   5. parse_name_run    "US Defence Secretary Pete Hegseth"
 *   6. parse_the_name    "the Rev. Peter Wherry", "the IFSD's Azfar Ali
 *                        Khan"
 *   7. parse_described   "the Pentagon chief", "a spokeswoman"
 *   8. parse_descriptor  "spokesperson Martin Magnan", "police"
 *
 * (A pronoun comes first: "He" opening a sentence is no name.  A
 * possessive comes before the name run it would otherwise end.)
 */
static size_t
parse_speaker_at(actx *c, size_t i, speaker *sp, int last_speaker)
{
	size_t m;

	speaker_none(sp);
	if (i >= c->n || !is_w(&c->t[i]) || c->inq[i])
		return i;
	/* (called one by one, not through a table: the compiler inlines
	 * the small ones, and this runs for most words near a quote) */
	if ((m = parse_pronoun(c, i, sp, last_speaker)) != QUOTH_NONE ||
	    (m = parse_prefixed(c, i, sp, last_speaker)) != QUOTH_NONE ||
	    (m = parse_compound_rank(c, i, sp, last_speaker)) != QUOTH_NONE ||
	    (m = parse_possessive(c, i, sp, last_speaker)) != QUOTH_NONE ||
	    (m = parse_name_run(c, i, sp, last_speaker)) != QUOTH_NONE ||
	    (m = parse_the_name(c, i, sp, last_speaker)) != QUOTH_NONE ||
	    (m = parse_described(c, i, sp, last_speaker)) != QUOTH_NONE ||
	    (m = parse_descriptor(c, i, sp, last_speaker)) != QUOTH_NONE)
		return m;
	return i;
}

/* Is e's whole name a city or town in WordNet ("Tampa"; not one that is
 * a lowercase word too, "Reading"), with no sign of a person in the
 * article (title, honorific, gender) nor of an organisation? */
static bool
city_name(const actx *c, const entity *e)
{
	int v;

	if (e->org || e->strong || e->gender || e->title)
		return false;
	v = qt_place_flags(c, e);
	return v >= 0 && (v & WNL_CITY) && !(v & WNL_WORD);
}

/*
 * Does the word at k end a source phrase by opening a clause of its
 * own: a coordinator ("but", "and", "or", "yet") or "while", "whereas",
 * "although", "though", before a subject and its verb ("according to
 * Ann Lee but the union disagrees", "according to Ann Lee and she would
 * know"; not "according to Ann Lee and Bo Ode")?
 */
static bool
clause_opener(actx *c, size_t k)
{
	speaker nx;
	size_t m;

	if (k + 2 >= c->n || !is_w(&c->t[k]) || c->inq[k])
		return false;
	/* ("a person familiar with the talks but not authorized to speak":
	 * "but" after a noun ends the source; "complete but unofficial
	 * returns" goes on) */
	if ((wordeq(c, k, "but") || wordeq(c, k, "yet")) && k > 0 &&
	    is_w(&c->t[k - 1]) && qt_pos_at(c, k - 1) == QT_POS_NOUN)
		return true;
	if (!(wordeq(c, k, "but") || wordeq(c, k, "and") ||
	      wordeq(c, k, "or") || wordeq(c, k, "yet") ||
	      wordeq(c, k, "while") || wordeq(c, k, "whereas") ||
	      wordeq(c, k, "although") || wordeq(c, k, "though")))
		return false;
	m = qt_parse_speaker_fwd(c, k + 1, &nx, -1);
	return m > k + 1 && m < c->n && is_w(&c->t[m]) && !c->inq[m] &&
	       (qt_past_verb(c, m) || word_is(c, m, W_AUX) ||
	        qt_pos_at(c, m) == QT_POS_VERB || qt_cue_at(c, m) >= 0);
}

/*
 * The source after "according to": a speaker phrase, or else any phrase
 * up to the comma or the sentence end ("preliminary findings", "a person
 * familiar with the talks"), with the person in it when one is named.
 */
size_t
qt_parse_source(actx *c, size_t i, speaker *sp, int last_speaker)
{
	size_t m = qt_parse_speaker_fwd(c, i, sp, last_speaker), j, k;
	const entity *e;

	if (m > i && (m >= c->n || !is_w(&c->t[m]) || clause_opener(c, m)))
		return m;
	for (j = i;
	     j < c->n && j < i + 12 && !c->inq[j] &&
	     !(j > i && clause_opener(c, j)) &&
	     (is_w(&c->t[j]) || c->t[j].kind == TK_NUM || is_p(&c->t[j], '-') ||
	      (is_p(&c->t[j], '.') && j > i && (c->t[j - 1].flags & TF_CAP) &&
	       j + 1 < c->n && c->t[j + 1].sent == c->t[j].sent));
	     j++)
		;
	if (j == i || (j < c->n && !(j < i + 12 && clause_opener(c, j)) &&
	               !(is_p(&c->t[j], ',') || is_p(&c->t[j], '.') ||
	                 is_break_tok(&c->t[j]) || c->t[j].kind == TK_QUOTE ||
	                 is_p(&c->t[j], ';'))))
		return m;
	role_speaker(sp, i, j);
	while (sp->b > sp->a + 1 && !is_w(&c->t[sp->b - 1]) &&
	       c->t[sp->b - 1].kind != TK_NUM)
		sp->b--; /* "David Dodge." */
	/* the last person named in it: "former governor David Dodge" */
	for (k = qt_first_mention(c, i); k < c->ments.len; k++) {
		const mention_rec *mr = QVEC_AT(&c->ments, mention_rec, k);
		if (mr->tok >= j)
			break;
		/* (a place is no speaker by this fallback: "the lawyer
		 * for Animal Rescue Services of Manitoba", "a report by
		 * officials in Tampa": a place speaks only as the subject
		 * of its own cue) */
		e = ent_at(c, mr->ent);
		if (!e->org && !qt_place_name(c, e) && !city_name(c, e)) {
			sp->ent = mr->ent;
			sp->kind = SK_NAME;
		}
	}
	return j;
}
