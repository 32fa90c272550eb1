/*
 * subject.c: attribution: the subject of a cue, read backward from it
 * ("Hugh Hill, a doctor at the clinic, said": Hugh Hill), over
 * appositives, parentheses and prepositional phrases, and the subject of
 * a whole sentence for participle cues ("..., saying").  Reads tokens
 * and the entity table (through speaker.c); writes the speaker it
 * returns.
 */
#include <stdlib.h>

#include "appositive.h"
#include "attrib_int.h"
#include "speaker.h"
#include "subject_int.h"
#include "tagger.h"

/* How far back from a preposition ("of", "from") the head of the noun
 * phrase it belongs to is looked for: "a statement [from] the EU", "the
 * city [of] Phoenix"; a head is one to five words before it, and a
 * longer run is more likely a clause of its own. */
#define OF_HEAD_WORDS 6

/* The windows of the backward reading, in tokens.  Each is a claim about
 * how long the phrase it skips is in news text. */
/* a parenthesis after a name: a party and a state, "(D-Wis.)" */
#define PAREN_TOKENS 10
/* the same tag between commas, "R-S.C.", "D-New York" */
#define PARTY_TAG_TOKENS 6
/* an appositive between a subject and its cue, "Hugh Hill, a doctor at
 * the clinic in ..., said"; beyond LONG_APPOSITIVE it must open as one
 * ("who", "a", "the"): a longer run is a clause of its own */
#define APPOSITIVE_TOKENS 40
#define LONG_APPOSITIVE 16
/* from a place's comma ("in Columbus, Ohio,") back to the appositive's */
#define PLACE_BACK_TOKENS 16
/* a relative clause after an appositive, "..., which represents its
 * leaders," */
#define RELATIVE_TOKENS 12
/* a relative clause with no commas between a subject and its cue, "an
 * official who spoke anonymously to discuss the budget said" */
#define RESTRICTIVE_TOKENS 20
/* a noun phrase: titles and a name, "US Defence Secretary Pete Hegseth" */
#define NP_WORDS 6
/* a described speaker back to its determiner, "one former director" */
#define DET_REACH 7
/* a name before a prepositional phrase, "Tim Guest with ..." */
#define NAME_BEFORE_PREP 4
/* a described group back to its determiner, "the school's defenders" */
#define GROUP_REACH 6
/* a described person and what they are of, "one veteran of the
 * government infrastructure projects" */
#define DESCRIBED_OF_REACH 8
/* the words between a determiner and the role, "one former director" */
#define DET_BEFORE_ROLE 3
/* a sentence's opening phrase before its main clause's subject, asked
 * for a participle cue or a quoted fragment: "Shortly after the
 * announcement of the judge's death, Senator Ada Finch issued a statement
 * saying" (one or two adverbials and their commas); for a finite cue
 * ("and said") a short one, CUE_OPENER_TOKENS: after a long opener the
 * subject of a conjunct is often a clause's own ("In the days before the
 * vote, a group of rabbis called for a boycott, and the league said") */
#define OPENER_TOKENS 16
/* from a participle cue back to the verb of the clause it hangs from
 * ("..., and then Joel Baptiste stood up on the bench, saying"): a clause
 * of its own is short; the reading stays linear in a long sentence */
#define CLAUSE_BACK_TOKENS 24
#define CUE_OPENER_TOKENS 8

static bool group_head(const actx *c, size_t a, size_t b);
static size_t postmod_title(const actx *c, size_t p);
static bool initial_plural(const actx *c, size_t a, size_t b);
static bool subject_np(actx *c, size_t end, speaker *sp, size_t *mention_end,
                       int last_speaker);

/* Parse the subject ending right before token `end` (exclusive), reading
 * backward through an appositive: "Hugh Hill, a doctor," -> Hugh Hill.
 * A subject found after "of" is the object of the real one: "another
 * member of the club said" -> "another member". */
/* "In May Rob Lane said", "Last June Ada Finch said": a capitalised
 * month or day after a word that opens a time phrase (words.txt, t) or a
 * preposition is that phrase's, no part of the name after it. */
static void
time_lead_off(const actx *c, speaker *sp)
{
	size_t a = sp->a;

	if (sp->kind == SK_NAME && a > 0 && a + 1 < sp->b && is_w(&c->t[a]) &&
	    is_w(&c->t[a - 1]) && (c->t[a].flags & TF_CAP) &&
	    (c->t[a + 1].flags & TF_CAP) && c->t[a - 1].sent == c->t[a].sent &&
	    class_is(c, a, CL_TIME) &&
	    (word_is(c, a - 1, W_TIME_PREP) || qt_is_prep(c, a - 1)))
		sp->a++;
}

/* "Secretary of the Treasury Ada Finch said": the name phrase sp after
 * the title's "of" ("the Treasury Ada Finch") ends in a name the article
 * collected ("Ada Finch", entities.c): that name is the speaker. */
static void
name_after_title_of(actx *c, speaker *sp, int last_speaker)
{
	size_t k = qt_first_mention(c, sp->a + 1), m;
	const mention_rec *mr;
	speaker nm;

	if (k >= c->ments.len)
		return;
	mr = QVEC_AT(&c->ments, mention_rec, k);
	if (mr->end != sp->b)
		return;
	m = qt_parse_speaker_fwd(c, mr->tok, &nm, last_speaker);
	if (m == sp->b && nm.kind == SK_NAME && nm.ent == mr->ent)
		*sp = nm;
}

/* Is token k "who" or "who" with a clitic ("who'd", "who've")? */
static bool
who_word(const actx *c, size_t k)
{
	const char *w = c->text + c->t[k].start;
	size_t n = c->t[k].end - c->t[k].start;

	/* (the first letter, case folded, before the call) */
	return is_w(&c->t[k]) && n >= 3 && (w[0] | 0x20) == 'w' &&
	       strncasecmp(w, "who", 3) == 0 &&
	       (n == 3 || w[3] == '\'' || (unsigned char)w[3] == 0xE2);
}

/* Is word k a form of "be" before a passive cue: qt_be_form()'s ("I am
 * told"), "I'm" ("I'm told"), and "is" contracted with a word
 * that is no person ("it's said", "that's called")?  Not "he's" or
 * "she's", whose 's is "has" before a cue ("he's said it before"). */
static bool
passive_be(const actx *c, size_t k)
{
	const char *e = c->text + c->t[k].end;
	size_t n = c->t[k].end - c->t[k].start;
	int c0;

	/* (qt_be_form()'s words have 2 to 5 letters, the first a, b, i or
	 * w: the cheap test before its eight comparisons) */
	if (n >= 2 && n <= 5) {
		c0 = c->text[c->t[k].start] | 0x20;
		if ((c0 == 'a' || c0 == 'b' || c0 == 'i' || c0 == 'w') &&
		    qt_be_form(c, k))
			return true;
	}
	/* (the cheap test first: a contraction ends in m or s) */
	if (e[-1] != 'm' && e[-1] != 's')
		return false;
	return qt_apos_tail(c, k, "m") ||
	       (qt_apos_tail(c, k, "s") && qt_contraction(c, k) &&
	        !qt_he_she_has(c, k) && !who_word(c, k));
}

/* Is the cue at token `end` passive ("Ann Lee was asked", "voters were
 * told", "the plan is said to", "I am told"): a past form, not in -ing,
 * after a form of "be" (adverbs between)?  Its subject is the listener or
 * what was said, no speaker. */
static bool
passive_cue(const actx *c, size_t end)
{
	int v = end < c->n ? qt_cue_at(c, end) : -1;
	size_t k = end, n;

	if (v < 0 || !is_w(&c->t[end]) || (v & (CUE_PRESENT | CUE_NOUN)))
		return false;
	n = c->t[end].end - c->t[end].start;
	if (n > 4 && memcmp(c->text + c->t[end].end - 3, "ing", 3) == 0)
		return false;
	for (; k > 0 && end - k < 3 && is_w(&c->t[k - 1]) &&
	       c->t[k - 1].sent == c->t[end].sent;
	     k--) {
		if (passive_be(c, k - 1))
			return true;
		if (!qt_is_filler(c, k - 1))
			break;
	}
	return false;
}

/*
 * "Voters who backed Ada Finch said", "an official who spoke anonymously
 * to discuss the budget said": a cue at `end` after a relative clause
 * with no commas, opened by "who" and a verb, has the phrase before "who"
 * for its subject (none when that phrase is no speaker), never a name
 * inside the clause.  Only for a finite cue after the clause ("who said"
 * is the clause's own, "to contend" inside it).  0 when no such clause
 * stands before the cue
 * (within RESTRICTIVE_TOKENS, with no punctuation, quote or other cue),
 * 1 when *sp is the subject, -1 when there is none.
 */
static int
relative_head(actx *c, size_t end, speaker *sp, size_t *mention_end,
              int last_speaker)
{
	size_t a = c->ulo[end], k, f;
	int v = qt_cue_at(c, end);

	/* (a finite cue, the main clause's: not "who will say", "to
	 * contend") */
	if (v < 0 || (v & CUE_BASE) || wordeq(c, end - 1, "to"))
		return 0;
	for (k = end; k > a + 1 && end - k < RESTRICTIVE_TOKENS; k--) {
		size_t w = k - 1;

		if (c->inq[w] || !is_w(&c->t[w]) ||
		    (w + 1 < end && qt_cue_at(c, w) >= 0))
			return 0;
		if (!who_word(c, w))
			continue;
		/* (the cue is the clause's own verb: "who has argued") */
		for (f = w + 1;
		     f < end && (qt_is_filler(c, f) || word_is(c, f, W_AUX));
		     f++)
			;
		if (f == end)
			return 0;
		/* (the clause's subject is "who": "who backed", "who'd
		 * rather", not "the man who Lee said was") */
		if (c->t[w].end - c->t[w].start == 3 &&
		    !(w + 1 < end && qt_pos_at(c, w + 1) == QT_POS_VERB) &&
		    !(w + 1 < end && qt_is_filler(c, w + 1)))
			return 0;
		/* (read as any subject is, "of" and "with" phrases too:
		 * "an official with the Harbour Board who was present
		 * told" is the official) */
		if (!qt_subject_before(c, w, sp, mention_end, last_speaker) ||
		    sp->b != w || sp->kind == SK_PRONOUN)
			return -1;
		return 1;
	}
	return 0;
}

bool
qt_subject_before(actx *c, size_t end, speaker *sp, size_t *mention_end,
                  int last_speaker)
{

	speaker head;
	size_t k, m, of, w;

	if (passive_cue(c, end))
		return false;
	switch (relative_head(c, end, sp, mention_end, last_speaker)) {
	case 1:
		return true;
	case -1:
		return false;
	default:
		break;
	}
	if (!subject_np(c, end, sp, mention_end, last_speaker))
		return false;
	time_lead_off(c, sp);
	if (qt_document_signer(c, end, sp, mention_end, last_speaker))
		return true;
	/* "higher than city staff say": a comparison, not speech */
	for (k = sp->a > 0 ? sp->a - 1 : 0; k < sp->b; k++)
		if (wordeq(c, k, "than"))
			return false;
	of = sp->a;
	if (of > 0 && word_is(c, of - 1, W_ARTICLE))
		of--;
	/* (the agent after "by" is a subject: "a statement e-mailed by
	 * Reagan Ruslim, who ..., said"; so is "Later Ann Tate said") */
	if (sp->kind == SK_PRONOUN || of < 1 || !word_is(c, of - 1, W_OF_PREP))
		return true;
	/* The object of a preposition is no subject ("In a Facebook
	 * message posted Friday, Cruz said", "32% of Republican claims");
	 * the subject is the phrase it belongs to, back to its determiner:
	 * read as one ("another member of the club"), or its head when
	 * that is a description the article gave nobody else ("the city of
	 * Phoenix"), or a described group ("people arrested at the camp"). */
	for (k = of - 1, w = 0; w < OF_HEAD_WORDS; k--, w++) {
		size_t st;
		if (k == 0 || !is_w(&c->t[k - 1]) || c->inq[k - 1] ||
		    c->t[k - 1].sent != c->t[of].sent ||
		    word_is(c, k - 1, W_AND_BUT) || qt_subordinator(c, k - 1))
			st = k; /* the phrase starts the clause */
		else if (qt_np_det(c, k - 1))
			st = k - 1;
		else
			continue;
		if (st >= of - 1)
			break;
		m = qt_parse_speaker_fwd(c, st, &head, last_speaker);
		/* "Secretary of Fisheries Ana Duval said": the title and
		 * its "of" phrase read forward to the name after them
		 * (speaker.c, title_of_name()), which speaks */
		if (m == sp->b && head.kind == SK_NAME && head.a > st) {
			*sp = head;
			return true;
		}
		/* "a statement from the EU said": a document's source is the
		 * speaker; so is a described one when the document's phrase
		 * stops at the preposition ("a letter from residents said",
		 * speaker.c) */
		if ((m == of - 1 || m == sp->b) && head.kind == SK_ORG &&
		    !(c->t[of - 2].flags & TF_CAP) &&
		    qt_lex(c, LEX_ORGS, of - 2, of - 1) >= 0 &&
		    (wordeq(c, of - 1, "from") || wordeq(c, of - 1, "by") ||
		     wordeq(c, of - 1, "of")) &&
		    (sp->kind != SK_ROLE ||
		     (m == of - 1 && !wordeq(c, of - 1, "of"))))
			return true;
		/* "Secretary of Defense Pete Hegseth said", "Secretary of
		 * the Treasury Ada Finch said": a capitalised title with
		 * its "of" phrase before a name is the name's */
		if (m == of - 1 &&
		    (head.kind == SK_ROLE ||
		     (head.kind == SK_NAME && head.ent < 0 &&
		      qt_title_of_word(c, of - 2))) &&
		    sp->kind == SK_NAME && wordeq(c, of - 1, "of") &&
		    (c->t[of - 2].flags & TF_CAP) &&
		    (c->t[sp->a].flags & TF_CAP)) {
			name_after_title_of(c, sp, last_speaker);
			return true;
		}
		/* "an aide close to the mayor said": the described person
		 * before an adjective and its preposition, with them */
		if (m + 1 == of - 1 && head.kind == SK_ROLE && head.ent < 0 &&
		    postmod_title(c, of - 1) != QUOTH_NONE &&
		    postmod_title(c, of - 1) + 1 == m) {
			head.b = sp->b;
			*sp = head;
			return true;
		}
		if ((m == sp->b &&
		     (head.kind == SK_ROLE || head.kind == SK_ORG)) ||
		    (m == of - 1 && head.kind == SK_ROLE && head.ent < 0)) {
			*sp = head;
			return true;
		}
		if (group_head(c, st, of - 1) &&
		    (!(c->t[of - 2].flags & TF_CAP) ||
		     initial_plural(c, st, of - 1))) {
			*mention_end = role_speaker(sp, st, end);
			while (sp->b > sp->a && qt_is_filler(c, sp->b - 1))
				sp->b--;
			return true;
		}
		break;
	}
	return false;
}

/* Do words [a, b) hold a noun for people ("people", "residents",
 * "officials")?  A title of a group, or a plural in -ers/-ents/-ists. */
static bool
group_head(const actx *c, size_t a, size_t b)
{
	size_t k;

	for (k = a; k < b; k++) {
		const token *t = &c->t[k];
		size_t n = t->end - t->start;
		int tv = qt_lex(c, LEX_TITLES, k, k + 1);
		if (tv >= 0 && (tv & TITLE_GROUP))
			return true;
		if (wordeq(c, k, "people"))
			return true;
		if (n > 5 && is_w(t) &&
		    (memcmp(c->text + t->end - 3, "ers", 3) == 0 ||
		     memcmp(c->text + t->end - 4, "ents", 4) == 0 ||
		     memcmp(c->text + t->end - 4, "ists", 4) == 0))
			return true;
	}
	return false;
}

/* "Officials in the region said", "Critics of the plan argue": is the
 * phrase [a, b) one word that opens its sentence, capitalised there only,
 * a plural noun for people (WordNet) and no name's head ("Friends of the
 * Earth" is capitalised in the middle of a sentence too, but no noun for
 * people)? */
static bool
initial_plural(const actx *c, size_t a, size_t b)
{
	int v;

	if (b != a + 1 || !is_w(&c->t[a]) || (c->t[a].flags & TF_ALLCAP) ||
	    (a > 0 && c->t[a - 1].sent == c->t[a].sent &&
	     c->t[a - 1].kind != TK_QUOTE))
		return false;
	v = qt_lex(c, LEX_PERSONS, a, a + 1);
	return v > 0 && (v & WNP_PLURAL);
}

/* Is the comma at token k the one in a place after a preposition, "in
 * Columbus, Ohio,": a name before it, one or two capitalised words and a
 * comma after it? */
static bool
place_before(const actx *c, size_t k)
{
	size_t a = k, b = k + 1;

	/* (a state's abbreviation too: "N.H.") */
	while (b < c->n && b < k + 5 &&
	       ((is_w(&c->t[b]) && (c->t[b].flags & TF_CAP)) ||
	        qt_inner_dot(c, b)))
		b++;
	if (b == k + 1 || b >= c->n || !is_p(&c->t[b], ','))
		return false;

	/* (to the preposition, which opens a sentence capitalised: "In
	 * Dover, N.H., ...") */
	while (a > 0 && k - a < 4 && is_w(&c->t[a - 1]) &&
	       (c->t[a - 1].flags & TF_CAP) && !word_is(c, a - 1, W_LOC_PREP))
		a--;
	/* (not a time: "In July, Sammy Aaron, the vice chairman,") */
	return a < k && a > 0 && word_is(c, a - 1, W_LOC_PREP) &&
	       !class_is(c, a, CL_TIME);
}

/* Does the run of words [p2, k) before the place's comma at k open its
 * clause with a determiner ("A pastor in Elizabeth, Colorado,"), so that
 * the place closes the subject rather than an appositive? */
static bool
place_ends_subject(const actx *c, size_t p2, size_t k)
{
	if (p2 >= k || !qt_np_det(c, p2))
		return false;
	return p2 == 0 || c->t[p2 - 1].sent != c->t[p2].sent ||
	       is_break_tok(&c->t[p2 - 1]) || c->t[p2 - 1].kind == TK_QUOTE ||
	       (c->inq[p2 - 1] && !c->inq[p2]);
}

/* The end of the subject before a cue at token `end`: over adverbs
 * ("also", "later"), a count of children after a title ("the mother of
 * three replied") and a parenthesis ("Rep. Gwen Moore (D-Wis.) said");
 * 0 when nothing is left. */
static size_t
subject_end(actx *c, size_t end)
{
	size_t j = end, k;

	/* (an adverb by the tagger after a perfect auxiliary is one too,
	 * and so is "since": "has since said", "has long argued") */
	while (j > 0 &&
	       (qt_is_filler(c, j - 1) ||
	        (j >= 2 && is_w(&c->t[j - 1]) &&
	         !(c->t[j - 1].flags & TF_CAP) && !c->inq[j - 1] &&
	         (wordeq(c, j - 2, "has") || wordeq(c, j - 2, "have") ||
	          wordeq(c, j - 2, "had")) &&
	         (wordeq(c, j - 1, "since") ||
	          qt_pos_at(c, j - 1) == QT_POS_ADV))))
		j--;
	if (j == 0)
		return 0;
	/* "the mother of three replied": a count of children after a
	 * title */
	if (j >= 3 && wordeq(c, j - 2, "of") &&
	    (c->t[j - 1].kind == TK_NUM || qt_number_word(c, j - 1)) &&
	    qt_lex(c, LEX_TITLES, j - 3, j - 2) >= 0)
		j -= 2;
	/* Rep. Gwen Moore (D-Wis.) said */
	if (is_p(&c->t[j - 1], ')')) {
		for (k = j - 1; k > 0 && k + PAREN_TOKENS > j; k--)
			if (is_p(&c->t[k - 1], '(')) {
				j = k - 1;
				break;
			}
		if (j == 0)
			return 0;
	}
	return j;
}

/* Are the words [k, e) after a comma at k - 1 the rest of a list of
 * capitalised names that a title's "of" or "for" opens ("Minister of
 * Ports, Roads and Rail", "Health, Sport and Youth")? */
static bool
title_list_tail(const actx *c, size_t k, size_t e)
{
	size_t p;

	if (k < 3 || e <= k)
		return false;
	for (p = k; p < e; p++)
		if (!is_w(&c->t[p]) || c->inq[p] ||
		    !((c->t[p].flags & TF_CAP) || wordeq(c, p, "and")))
			return false;
	/* back over the list's earlier items to the "of" */
	for (p = k - 1; p > 0 && k - p < 12; p--) {
		const token *t = &c->t[p - 1];
		if (is_p(t, ',') || (is_w(t) && (t->flags & TF_CAP)))
			continue;
		return p + 2 <= k &&
		       (wordeq(c, p - 1, "of") || wordeq(c, p - 1, "for")) &&
		       p >= 2 && (c->t[p - 2].flags & TF_CAP);
	}
	return false;
}

/* Are the words [m, e) an affiliation after a name: "of Grace Church
 * in Dover", "from the Harbour Fund" (a preposition of origin, then no
 * verb or punctuation)? */
static bool
affiliation_to(const actx *c, size_t m, size_t e)
{
	size_t k;

	if (m >= e ||
	    !(wordeq(c, m, "of") || wordeq(c, m, "from") || wordeq(c, m, "at")))
		return false;
	for (k = m + 1; k < e; k++)
		if (!is_w(&c->t[k]) || qt_pos_at(c, k) == QT_POS_VERB)
			return false;
	return true;
}

/* Is the phrase at k, after a comma, a verb ("..., uses data to help
 * ports,"): the rest of a relative clause that a "who", "whose" or
 * "which" after an earlier comma opened?  That relative's first token,
 * within APPOSITIVE_TOKENS of j (the cue's comma) and the sentence; else
 * 0. */
static size_t
relative_opened(const actx *c, size_t k, size_t j)
{
	size_t p;

	if (!is_w(&c->t[k]) || (c->t[k].flags & TF_CAP) ||
	    qt_wh_relative(c, k) || qt_pos_at(c, k) != QT_POS_VERB)
		return 0;
	for (p = k - 1; p > 1 && p + APPOSITIVE_TOKENS > j &&
	                c->t[p - 1].sent == c->t[k].sent && !c->inq[p - 1];
	     p--)
		if (is_p(&c->t[p - 1], ',') && qt_wh_relative(c, p))
			return p;
	return 0;
}

/* "Sen. Ann Lee, R-S.C., a former candidate, said": a party tag
 * between a name and its appositive is one more appositive; the token
 * that ends the phrase before it (the name's end), or j. */
static size_t
party_tag_back(const actx *c, size_t j)
{
	size_t p;

	for (p = j; p > 1 && j - p < PARTY_TAG_TOKENS; p--)
		if (is_p(&c->t[p - 1], ',')) {
			if (qt_party_tag(c, p, j) && is_w(&c->t[p - 2]))
				return p - 1;
			break;
		}
	return j;
}

/*
 * An appositive before the comma at *jp, read back to the comma that
 * opens it ("Hugh Hill, a doctor at the clinic, said"): 1 when the
 * appositive is itself the speaker's name ("the director of operations,
 * Jeff Fraser, says"), with sp and *mention_end set; 0 with *jp moved to
 * the end of the phrase before it; -1 when this is no appositive.
 */
static int
appositive_back(actx *c, size_t *jp, speaker *sp, size_t *mention_end,
                int last_speaker)
{
	size_t j = *jp, k, r;

	for (k = j - 1; k > 0 && k + APPOSITIVE_TOKENS > j; k--) {
		/* a long apposition must look like one: "Hadwin,
		 * who notched two top-10 finishes ... , said" */
		if (is_p(&c->t[k - 1], ',') && j - k > LONG_APPOSITIVE &&
		    !(qt_wh_relative(c, k) || qt_np_det(c, k)))
			return -1;
		/* "in Columbus, Ohio,": the place goes on (in an
		 * adverbial: "Clinton, during a town hall in
		 * Columbus, Ohio, said"; not in an appositive that
		 * a determiner opens: "a company based in X, Y,") */
		if (is_p(&c->t[k - 1], ',') && place_before(c, k - 1)) {
			size_t p2 = k - 1;
			while (p2 > 0 && k - p2 < PLACE_BACK_TOKENS &&
			       is_w(&c->t[p2 - 1]))
				p2--;
			/* "A pastor in Elizabeth, Colorado, said": a
			 * place that ends a subject opening its clause
			 * is no appositive; the subject ends before it */
			if (place_ends_subject(c, p2, k - 1)) {
				*jp = k - 1;
				return 0;
			}
			if (!(p2 > 0 && is_p(&c->t[p2 - 1], ',') &&
			      qt_np_det(c, p2)))
				continue;
		}
		/* "Minister of Ports, Roads and Rail,": a list of
		 * capitalised names after a title's "of" is one
		 * appositive */
		if (is_p(&c->t[k - 1], ',') && title_list_tail(c, k, j - 1))
			continue;
		/* "in Aurora, Colorado, in July, said": the comma after a
		 * town's state closes no appositive; read on to the town's
		 * own comma */
		if (is_p(&c->t[k - 1], ',') && k >= 3 &&
		    (c->t[k - 2].flags & TF_CAP)) {
			size_t p = k - 2;
			while (p > 0 && k - 2 - p < 2 && is_w(&c->t[p]) &&
			       (c->t[p].flags & TF_CAP))
				p--;
			if (p + 2 < k && is_p(&c->t[p], ',') &&
			    place_before(c, p)) {
				k = p + 2;
				continue;
			}
		}
		/* "Mr. Dunmore, whose start-up, Gridwise, uses data,
		 * said": a verb after the comma goes on with a relative
		 * clause opened before; the subject is the relative's
		 * antecedent */
		if (is_p(&c->t[k - 1], ',') && (r = relative_opened(c, k, j))) {
			j = r - 1;
			break;
		}
		if (is_p(&c->t[k - 1], ',')) {
			/* "the director of operations, Jeff Fraser,
			 * says": the name is the appositive */
			size_t m = qt_parse_speaker_fwd(c, k, sp, last_speaker);
			/* (not a town's state: "a teacher in Aurora,
			 * Colorado,"; nor a party tag: "Rep. Joe Hart,
			 * R-Texas,") */
			if ((m == j - 1 || affiliation_to(c, m, j - 1)) &&
			    sp->kind == SK_NAME && !qt_party_tag(c, k, m) &&
			    qt_lex(c, LEX_TITLES, m - 1, m) < 0 &&
			    !place_before(c, k - 1)) {
				*mention_end = m;
				return 1;
			}
			/* "Here in Fargo, Dan Bell stepped up his attacks,
			 * saying": a name and its verb are a clause, no
			 * appositive (but a description takes a participle:
			 * "a customer based in Boston") */
			if (m > k && m + 1 < j &&
			    (sp->kind == SK_NAME || sp->kind == SK_PRONOUN) &&
			    qt_finite_verb(c, m)) {
				speaker_none(sp);
				return -1;
			}
			/* "Donald Tusk, the president of the Council,
			 * which represents its leaders, urged": a
			 * relative clause after an appositive */
			if (qt_wh_relative(c, k)) {
				size_t p2;
				for (p2 = k - 1;
				     p2 > 0 && p2 + RELATIVE_TOKENS > k &&
				     (is_w(&c->t[p2 - 1]) ||
				      qt_inner_dot(c, p2 - 1));
				     p2--)
					;
				if (p2 > 1 && p2 + RELATIVE_TOKENS > k &&
				    is_p(&c->t[p2 - 1], ',') &&
				    (qt_np_det(c, p2) ||
				     qt_lex(c, LEX_TITLES, p2, p2 + 1) >= 0) &&
				    is_w(&c->t[p2 - 2])) {
					j = p2 - 1;
					break;
				}
			}
			j = k - 1;
			break;
		}
		if (qt_inner_dot(c, k - 1) || qt_apos_mark(c, k - 1))
			continue;
		/* a title in quote marks inside the appositive */
		if (c->t[k - 1].kind == TK_QUOTE &&
		    qt_quoted_title_end(c, k - 1) > k - 1 &&
		    qt_quoted_title_end(c, k - 1) <= j)
			continue;
		if (is_break_tok(&c->t[k - 1]) ||
		    c->t[k - 1].kind == TK_QUOTE ||
		    (c->t[k - 1].kind == TK_PUNCT && c->t[k - 1].cp != '.' &&
		     c->t[k - 1].cp != '-' && c->t[k - 1].cp != '(' &&
		     c->t[k - 1].cp != ')' && c->t[k - 1].cp != '&'))
			return -1;
	}
	/* "Sen. Richard Durbin (D-Ill.), noting ..., said" */
	if (j > 0 && is_p(&c->t[j - 1], ')')) {
		for (k = j - 1; k > 0 && k + PAREN_TOKENS > j; k--)
			if (is_p(&c->t[k - 1], '(')) {
				j = k - 1;
				break;
			}
	}
	/* "Jill Chase, 27, a ferry worker, said": an age between commas
	 * after the name is one more appositive */
	if (j >= 3 && c->t[j - 1].kind == TK_NUM && is_p(&c->t[j - 2], ',') &&
	    is_w(&c->t[j - 3]) && (c->t[j - 3].flags & TF_CAP) &&
	    c->t[j - 1].end - c->t[j - 1].start <= 3 &&
	    c->t[j - 1].end - c->t[j - 1].start >= 1 &&
	    c->text[c->t[j - 1].start] >= '1' &&
	    c->text[c->t[j - 1].start] <= '9')
		j -= 2;
	if (j == 0 || !is_w(&c->t[j - 1]))
		return -1;
	*jp = j;
	return 0;
}

/* Where the noun phrase ending at j starts: back over up to NP_WORDS
 * capitalised words, titles and numbers to a pronoun or an article, or
 * further to the determiner of a described speaker ("the shelter
 * residents", "one former director"). */
static size_t
np_start(actx *c, size_t j, size_t end)
{
	size_t a, k;

	/* back to the start of the noun phrase: up to NP_WORDS words */
	for (a = j; a > 0 && a + NP_WORDS > j; a--) {
		const token *p = &c->t[a - 1];
		/* (numbers too: "the 34-year-old mother") */
		if (!(is_w(p) || p->kind == TK_NUM ||
		      (is_p(p, '.') && a >= 2 &&
		       (c->t[a - 2].flags & TF_CAP))) ||
		    c->inq[a - 1] || p->sent != c->t[j - 1].sent)
			break;
		/* ("he's said": "he has said"; the progressive "he's
		 * saying" is left to the sentence-initial case) */
		bool pron = is_w(p) &&
		            (qt_lex(c, LEX_PRONOUNS, a - 1, a) >= 0 ||
		             (qt_he_she_has(c, a - 1) && a == j &&
		              qt_cue_at(c, end) >= 0 &&
		              !(qt_cue_at(c, end) & CUE_BASE)));
		if (is_w(p) && !(p->flags & TF_CAP) &&
		    qt_lex(c, LEX_TITLES, a - 1, a) < 0 &&
		    qt_lex(c, LEX_ORGS, a - 1, a) < 0 &&
		    !wordeq(c, a - 1, "the") && !wordeq(c, a - 1, "a") &&
		    !wordeq(c, a - 1, "an") && !pron &&
		    !qt_is_particle(c, a - 1))
			break;
		if (!(p->flags & TF_CAP) && pron) {
			a--;
			break;
		}
		if (word_is(c, a - 1, W_ARTICLE)) {
			a--;
			break;
		}
	}
	/* a described speaker reaches back to its determiner: "the
	 * shelter residents", "some critics", "one former director" */
	for (k = j; k > 0 && k + DET_REACH > j; k--) {
		const token *p = &c->t[k - 1];
		if (!(is_w(p) || qt_apos_mark(c, k - 1)) || c->inq[k - 1] ||
		    p->sent != c->t[j - 1].sent || qt_cue_at(c, k - 1) >= 0)
			break;
		if (qt_np_det(c, k - 1)) {
			if (k - 1 < a)
				a = k - 1;
			break;
		}
	}
	return a;
}

/* The longest words a name with commas inside may reach back over from
 * its last item ("Meteorology, Climatology and Geophysics Agency"). */
#define COMMA_NAME_REACH 12

/* "The Ocean, Wind and Harbour Agency said": a phrase starting at a
 * after "and" or a comma is the last item of a name with commas inside
 * when a mention (entities.c) ends at j and starts before a: the start
 * of that mention, with its article; else a. */
static size_t
comma_name_start(const actx *c, size_t a, size_t j)
{
	size_t k;

	if (a < 2 || !(wordeq(c, a - 1, "and") || is_p(&c->t[a - 1], ',')))
		return a;
	for (k = qt_first_mention(c, a > COMMA_NAME_REACH ? a - COMMA_NAME_REACH
	                                                  : 0);
	     k < c->ments.len; k++) {
		const mention_rec *m = QVEC_AT(&c->ments, mention_rec, k);
		if (m->tok >= a)
			break;
		if (m->end == j)
			return m->tok > 0 && word_is(c, m->tok - 1, W_ARTICLE)
			               ? m->tok - 1
			               : m->tok;
	}
	return a;
}

/* A described speaker ("a teacher", "the pastor") at a, ending right
 * before the preposition at p: sp and *mention_end set. */
static bool
described_before(actx *c, size_t a, size_t p, speaker *sp, size_t *mention_end,
                 int last_speaker)
{
	speaker sp2;
	size_t m;

	if (!qt_np_det(c, a))
		return false;
	m = qt_parse_speaker_fwd(c, a, &sp2, last_speaker);
	if (m != p || sp2.kind != SK_ROLE)
		return false;
	*sp = sp2;
	*mention_end = m;
	return true;
}

/* The speaker phrase that starts in [a, j) and ends at j, longest first
 * ("the Pentagon chief", "Pete Hegseth"); a name before a prepositional
 * phrase is the speaker ("Tim Guest with the Health Authority says"). */
static bool
phrase_ending_at(actx *c, size_t a, size_t j, speaker *sp, size_t *mention_end,
                 int last_speaker)
{
	size_t k;

	for (k = a; k < j; k++) {
		size_t m = qt_parse_speaker_fwd(c, k, sp, last_speaker);
		/* (a name may end one mark early: "Doe." "Doe,"; not one
		 * word early: "unrest in Dover and said") */
		if (m == j || (m > k && sp->kind == SK_NAME && m + 1 == j &&
		               !is_w(&c->t[m]))) {
			/* "a teacher in Austin said": the described
			 * person before a place is the speaker, never the
			 * place */
			if (sp->kind == SK_NAME && k > a + 1 &&
			    word_is(c, k - 1, W_LOC_PREP) &&
			    described_before(c, a, k - 1, sp, mention_end,
			                     last_speaker))
				return true;
			/* "Tim Guest with the Health Authority says": the
			 * person before the prepositional phrase */
			if (sp->kind != SK_PRONOUN && k >= 2 &&
			    (wordeq(c, k - 1, "with") ||
			     wordeq(c, k - 1, "of") || wordeq(c, k - 1, "at") ||
			     wordeq(c, k - 1, "from") ||
			     wordeq(c, k - 1, "for"))) {
				speaker sp2;
				size_t m2, b2 = k - 1, a2 = b2;
				while (a2 > 0 && a2 + NAME_BEFORE_PREP > b2 &&
				       is_w(&c->t[a2 - 1]) &&
				       (c->t[a2 - 1].flags & TF_CAP) &&
				       c->t[a2 - 1].sent == c->t[b2].sent)
					a2--;
				if (a2 < b2) {
					m2 = qt_parse_speaker_fwd(c, a2, &sp2,
					                          last_speaker);
					if (m2 == b2 && sp2.kind == SK_NAME) {
						*sp = sp2;
						*mention_end = m2;
						return true;
					}
				}
			}
			*mention_end = m;
			return true;
		}
		if (m > k && (sp->kind == SK_PRONOUN) && m == j)
			return true;
	}
	return false;
}

/* A group described, not named, ending at j: "People arrested last week
 * said", "both groups report", "the school's defenders said". */
static bool
described_group(actx *c, size_t j, speaker *sp, size_t *mention_end)
{
	size_t k;

	for (k = j; k > 0 && k + GROUP_REACH > j; k--) {
		const token *p = &c->t[k - 1];
		if (!(is_w(p) || qt_apos_mark(c, k - 1)) || c->inq[k - 1] ||
		    p->sent != c->t[j - 1].sent || qt_cue_at(c, k - 1) >= 0)
			break;
		if (qt_group_det(c, k - 1) && k < j &&
		    (qt_lex(c, LEX_TITLES, j - 1, j) >= 0 ||
		     qt_lex(c, LEX_ORGS, j - 1, j) >= 0) &&
		    !(c->t[j - 1].flags & TF_CAP)) {
			*mention_end = role_speaker(sp, k - 1, j);
			return true;
		}
	}
	return false;
}

/* Is the title word at h one person's (no group's: "officials")? */
static bool
single_title(const actx *c, size_t h)
{
	int v = qt_lex(c, LEX_TITLES, h, h + 1);

	return v >= 0 && !(v & TITLE_GROUP);
}

/* The title word of a described person whose post-modifier opens with
 * the preposition at p: "a spokesman for", "one veteran of", "an official
 * with (knowledge of)", or an adjective or participle and its preposition
 * between ("an aide close to", "a source familiar with", "a person briefed
 * on"); QUOTH_NONE when there is none. */
static size_t
postmod_title(const actx *c, size_t p)
{
	if (p < 2 || c->inq[p - 1])
		return QUOTH_NONE;
	if ((wordeq(c, p, "of") || wordeq(c, p, "for") ||
	     wordeq(c, p, "with")) &&
	    single_title(c, p - 1))
		return p - 1;
	/* (the tagger last: it is the costly test) */
	if (p >= 3 && word_is(c, p, W_OF_PREP) && !wordeq(c, p, "than") &&
	    is_w(&c->t[p - 1]) && !(c->t[p - 1].flags & TF_CAP) &&
	    !c->inq[p - 2] && single_title(c, p - 2) &&
	    qt_cue_at(c, p - 1) < 0 && !word_is(c, p - 1, W_AUX) &&
	    (qt_pos_at(c, p - 1) == QT_POS_ADJ ||
	     qt_pos_at(c, p - 1) == QT_POS_VERB ||
	     /* (the tagger reads "close to" as an adverb's) */
	     (qt_pos_at(c, p - 1) == QT_POS_ADV && wordeq(c, p, "to"))))
		return p - 2;
	return QUOTH_NONE;
}

/* "one veteran of the government infrastructure projects commented", "a
 * spokesman for the harbour board said", "an official with knowledge of
 * the plan said", "an aide close to the mayor said": a described person,
 * then what the person is of, for or close to, ending at j. */
static bool
described_of(actx *c, size_t j, speaker *sp, size_t *mention_end,
             int last_speaker)
{
	size_t k;

	/* (an infinitive's cue is no subject's: "The judge pointed to a
	 * case to say") */
	if (j > 0 && wordeq(c, j - 1, "to"))
		return false;
	for (k = j; k > 2 && k + DESCRIBED_OF_REACH > j; k--) {
		const token *p = &c->t[k - 1];
		speaker sp2;
		size_t m2, d, h;
		if (!is_w(p) || c->inq[k - 1] || p->sent != c->t[j - 1].sent ||
		    qt_cue_at(c, k - 1) >= 0 || wordeq(c, k - 1, "and") ||
		    wordeq(c, k - 1, "but") || wordeq(c, k - 1, "or"))
			break;
		/* (an object after the preposition, no infinitive: not
		 * "the senator declined to say") */
		if (k >= j ||
		    (wordeq(c, k - 1, "to") &&
		     qt_pos_at(c, k) == QT_POS_VERB) ||
		    (h = postmod_title(c, k - 1)) == QUOTH_NONE)
			continue;
		for (d = h;
		     d > 0 && h - d < DET_BEFORE_ROLE && !qt_np_det(c, d) &&
		     is_w(&c->t[d - 1]) && !c->inq[d - 1];
		     d--)
			;
		if (!qt_np_det(c, d))
			break;
		/* (the phrase may take in an organisation after "of":
		 * "one veteran of the government") */
		m2 = qt_parse_speaker_fwd(c, d, &sp2, last_speaker);
		if (m2 < h + 1 || m2 > j ||
		    (sp2.kind != SK_ROLE && sp2.kind != SK_ORG))
			break;
		*sp = sp2;
		sp->kind = SK_ROLE;
		sp->ent = -1;
		sp->b = j;
		*mention_end = j;
		return true;
	}
	return false;
}

/* "Ben Hale's statement read": the named possessor of the document noun
 * before j issued it and is the speaker (only right before its cue: not
 * "Fox's reporting often tells", "Lee's speech was interrupted"). */
static bool
possessor_of_document(actx *c, size_t j, speaker *sp, size_t *mention_end,
                      int last_speaker)
{
	size_t a;

	if (j < 2 || !qt_possessive(c, j - 2) ||
	    !(c->t[j - 2].flags & TF_CAP) ||
	    !qt_doc_noun(c, j - 1, WND_SINGULAR, CL_WRITTEN))
		return false;
	for (a = j - 2; a > 0 && j - 2 - a < NP_WORDS && is_w(&c->t[a - 1]) &&
	                (c->t[a - 1].flags & TF_CAP) &&
	                c->t[a - 1].sent == c->t[j - 2].sent;
	     a--)
		;
	for (; a < j - 1; a++)
		if (qt_parse_speaker_fwd(c, a, sp, last_speaker) == j - 1 &&
		    (sp->kind == SK_NAME || sp->kind == SK_ORG)) {
			*mention_end = j - 1;
			return true;
		}
	speaker_none(sp);
	return false;
}

/* "Another tweeted,", "Yet another said", "Thirteen said": a
 * determiner or a number alone (no article) opening its clause stands
 * for one of those just described. */
static bool
bare_determiner(const actx *c, size_t j, speaker *sp, size_t *mention_end)
{
	size_t a = j - 1;

	int v;

	/* (a present form after it is a noun: "those comments", "those
	 * rules") */
	if (j == 0 || !is_w(&c->t[a]) || word_is(c, a, W_ARTICLE) ||
	    c->inq[a] || (v = qt_lex(c, LEX_CUES, j, j + 1)) < 0 ||
	    (v & CUE_PRESENT))
		return false;
	if (a > 0 && wordeq(c, a - 1, "yet"))
		a--;
	if (a > sentence_start(c, a) && !is_p(&c->t[a - 1], ',') &&
	    !word_is(c, a - 1, W_AND_BUT))
		return false;
	/* (the tagger last: it is the costly test) */
	if (!qt_np_det(c, j - 1) && !((c->t[j - 1].flags & TF_CAP) &&
	                              qt_pos_at(c, j - 1) == QT_POS_NUM))
		return false;
	*mention_end = role_speaker(sp, j - 1, j);
	return true;
}

/*
 * subject_before() without the "of" rule: the subject phrase ending
 * right before token `end`.  In this order: its end (subject_end), back
 * over an appositive to the phrase before it (appositive_back), then the
 * phrase from its start (np_start, phrase_ending_at), else a described
 * group (described_group) or a described person "of" something
 * (described_of).
 */
static bool
subject_np(actx *c, size_t end, speaker *sp, size_t *mention_end,
           int last_speaker)
{
	size_t j, a;

	j = subject_end(c, end);
	if (j == 0)
		return false;
	/* "Ana Ruiz, author of \"Salt Roads,\" said": the appositive's
	 * comma is inside the title's marks */
	if (j >= 3 && c->t[j - 1].kind == TK_QUOTE && is_p(&c->t[j - 2], ',') &&
	    qt_quoted_title_open(c, j - 1) < j - 1)
		j--;
	if (is_p(&c->t[j - 1], ',')) {
		int v = appositive_back(c, &j, sp, mention_end, last_speaker);
		if (v != 0)
			return v > 0;
		j = party_tag_back(c, j);
	}
	a = comma_name_start(c, np_start(c, j, end), j);
	if (j == end &&
	    possessor_of_document(c, j, sp, mention_end, last_speaker))
		return true;
	return phrase_ending_at(c, a, j, sp, mention_end, last_speaker) ||
	       described_group(c, j, sp, mention_end) ||
	       described_of(c, j, sp, mention_end, last_speaker) ||
	       bare_determiner(c, j, sp, mention_end);
}

/* Is the speaker sp, found after a comma of the sentence's opening
 * phrase, a place ("At an event in Ames, Iowa, on Sunday, Ann Lee
 * spoke, saying"): a place named in the phrase, no subject? */
static bool
place_in_phrase(const actx *c, const speaker *sp)
{
	const entity *e = ent_at(c, sp->ent);

	return sp->kind != SK_PRONOUN && sp->kind != SK_ROLE &&
	       (e ? qt_place_name(c, e) || e->place
	          : qt_lex(c, LEX_PLACES, sp->a, sp->b) >= 0);
}

/* Is the speaker sp, right after a dateline's dash, a name the article
 * knows in full or as a person (not "BOCA RATON, Fla. -- Weeds,
 * crabgrass and ...")? */
static bool
dateline_subject(const actx *c, const speaker *sp)
{
	const entity *e = ent_at(c, sp->ent);

	return e && (e->strong || memchr(e->name, ' ', e->name_len));
}

/* Does the word before token s open a clause of its own, beside or
 * under the one before it: "and", "but", "then", "where", or a
 * subordinator of time or cause ("when", "as", "after")?  Not one that
 * opens what a verb reports ("whether", "if"). */
static bool
opens_own_clause(const actx *c, size_t s)
{
	return word_is(c, s - 1, W_AND_BUT) || wordeq(c, s - 1, "then") ||
	       wordeq(c, s - 1, "where") ||
	       (qt_subordinator(c, s - 1) && !wordeq(c, s - 1, "whether") &&
	        !wordeq(c, s - 1, "if") && !wordeq(c, s - 1, "unless"));
}

/* Does the word before token s open a clause that a verb or noun before
 * it governs: "that", a wh-word ("how", "why", "whether"), or a cue
 * ("said Reyes was wrong")? */
static bool
opens_governed_clause(const actx *c, size_t s)
{
	return wordeq(c, s - 1, "that") || word_is(c, s - 1, W_WH_WORD) ||
	       wordeq(c, s - 1, "whether") || wordeq(c, s - 1, "if") ||
	       qt_cue_at(c, s - 1) >= 0;
}

/*
 * The subject of the clause a participle cue at i hangs from, when that
 * is a clause after the main one: the nearest verb before the cue, in its
 * sentence, whose subject follows "and", "then", "where" or a
 * subordinator ("Ada Finch spoke first, and then Joel Baptiste stood up,
 * saying": Baptiste; "... the pier, where fishermen had gathered,
 * chanting": the fishermen).  A clause governed by a verb or noun ("said
 * Reyes was wrong", "the idea that ...", "how he planned") is passed
 * over, and so is a subject joined to a name or pronoun by "and"; a verb
 * in -ing is no clause's.  False when the nearest clause is
 * the main one (the caller reads the sentence's subject).
 */
static bool
nearest_clause_subject(actx *c, size_t i, speaker *sp, int last_speaker)
{
	size_t a = c->ulo[i], k, me;

	for (k = i; k > a + 1 && i - k < CLAUSE_BACK_TOKENS; k--) {
		size_t v = k - 1, n = c->t[v].end - c->t[v].start;

		if (c->inq[v] || c->t[v].kind == TK_QUOTE)
			return false;
		if (!is_w(&c->t[v]) || (c->t[v].flags & TF_CAP) ||
		    (n > 4 &&
		     memcmp(c->text + c->t[v].end - 3, "ing", 3) == 0) ||
		    qt_pos_at(c, v) != QT_POS_VERB ||
		    !qt_subject_before(c, v, sp, &me, last_speaker) ||
		    sp->kind == SK_NONE || sp->a <= a || sp->b > v)
			continue;
		/* (a clause about a thing is no speaker's: "after they
		 * came out", "when it closed") */
		if (sp->kind == SK_PRONOUN && sp->gender != G_MALE &&
		    sp->gender != G_FEMALE)
			return false;
		if (opens_governed_clause(c, sp->a)) {
			k = sp->a;
			continue;
		}
		/* ("that she and the company keep": names joined, no
		 * clause) */
		if (word_is(c, sp->a - 1, W_AND_BUT) && sp->a - 1 > a &&
		    (qt_pos_at(c, sp->a - 2) == QT_POS_PRON ||
		     qt_pos_at(c, sp->a - 2) == QT_POS_PROPN)) {
			k = sp->a - 1;
			continue;
		}
		return opens_own_clause(c, sp->a);
	}
	return false;
}

/* The subject of the sentence holding token i, for participle cues
 * ("Trump spoke for an hour, saying: ..."): the subject of the clause
 * nearest before the cue (nearest_clause_subject()), else a speaker
 * phrase at the sentence start or after a leading adverbial and its
 * comma. */
bool
qt_sentence_subject(actx *c, size_t i, speaker *sp, int last_speaker)
{
	size_t a = c->ulo[i], k, m; /* the sentence's start */
	int v = qt_cue_at(c, i);
	size_t reach = v >= 0 && !(v & CUE_PARTICIPLE) ? CUE_OPENER_TOKENS
	                                               : OPENER_TOKENS;

	if (v >= 0 && (v & CUE_PARTICIPLE) &&
	    nearest_clause_subject(c, i, sp, last_speaker))
		return true;

	for (k = a; k < i && k < a + reach; k++) {
		/* (after a dateline's dash: "Tarnby (AFP) – Ada Finch
		 * spoke, saying") */
		bool dl = k > a && is_dash(&c->t[k - 1]) && qt_dateline(c, a);

		/* (not the state after a town's comma: "In Dover, N.H.,
		 * Senator Ada Finch spoke, saying") */
		if ((k == a || is_p(&c->t[k - 1], ',') || dl) &&
		    !(k > a + 1 && place_before(c, k - 1))) {
			m = qt_parse_speaker_fwd(c, k, sp, last_speaker);
			/* (there a name the article knows: not "BOCA RATON,
			 * Fla. -- Weeds, crabgrass and ...") */
			if (m > k && m < i && sp->kind != SK_NONE &&
			    (!dl || dateline_subject(c, sp)) &&
			    (sp->kind != SK_PRONOUN || sp->gender) &&
			    !(is_w(&c->t[m]) && (c->t[m].flags & TF_CAP)) &&
			    !(k > a && place_in_phrase(c, sp)))
				return true;
		}
		if (c->t[k].kind == TK_QUOTE)
			break;
	}
	return false;
}
