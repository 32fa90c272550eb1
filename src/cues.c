/*
 * cues.c: the cue test, shared by the quote stage and attribution: is
 * this word a speech verb ("said", "told", "went on", "according to"),
 * and, in attribution, is it one here (not a noun, "his remarks"; not a
 * name, "Ohio State"; a base form only after an auxiliary or a plural
 * subject).  Reads tokens and the cue lexicon (data/LANG/cues.txt);
 * writes nothing.
 */
#include <stdlib.h>

#include "attrib_int.h"
#include "subject_int.h"

/* The longest idiom of saying in cues.txt, in words: "had this to say". */
#define CUE_IDIOM_WORDS 4

/* Is the word at token i a cue of a class in `need` (cues.txt flags),
 * by the lexicon alone?  The quote stage asks this to tell speech from
 * scare quotes; attribution asks cue_at(), which also reads the context.
 * Both look the word up in the same cue lexicon. */
bool
qt_cue_word(const char *text, const token *t, size_t i, const lang_data *ld,
            int need)
{
	int v;

	if (t[i].kind != TK_WORD)
		return false;
	v = qt_lex_tokens(ld, LEX_CUES, text, t, i, i + 1);
	return v >= 0 && (v & need);
}

/* "the Gulf States Council warned": is the capitalised word at j inside
 * a run after "the" that ends in an organisation's head noun (WordNet)
 * before a lowercase word, so one name and no cue? */
static bool
org_run_after_the(const actx *c, size_t j)
{
	size_t a = j - 1, k = j + 1;
	int o;
	while (a > 0 && is_w(&c->t[a - 1]) && (c->t[a - 1].flags & TF_CAP) &&
	       !wordeq(c, a - 1, "the") && c->t[a - 1].sent == c->t[j].sent &&
	       j - a < 4)
		a--;
	while (k + 1 < c->n && is_w(&c->t[k + 1]) &&
	       (c->t[k + 1].flags & TF_CAP) &&
	       c->t[k + 1].sent == c->t[j].sent && k < j + 4)
		k++;
	o = k < c->n && is_w(&c->t[k]) && (c->t[k].flags & TF_CAP)
	            ? qt_lex(c, LEX_ORGNOUNS, k, k + 1)
	            : -1;
	if (a > 0 && wordeq(c, a - 1, "the") && o >= 0 && (o & WNO_HEAD) &&
	    k + 1 < c->n && is_w(&c->t[k + 1]) && !(c->t[k + 1].flags & TF_CAP))
		return true;
	return false;
}

/* The capitalised words after a cue word inside a name that
 * qt_name_part_cue() reads to the sentence's verb. */
#define NAME_RUN_AFTER_CUE 5

/* Is the word at r, in the sentence of token j, a lowercase finite
 * speech cue ("warned", "said")? */
static bool
lower_cue_at(const actx *c, size_t r, size_t j)
{
	int w;

	if (r >= c->n || !is_w(&c->t[r]) || (c->t[r].flags & TF_CAP) ||
	    c->inq[r] || c->t[r].sent != c->t[j].sent)
		return false;
	w = qt_lex(c, LEX_CUES, r, r + 1);
	return w >= 0 && (w & CUE_SPEECH) && !(w & CUE_BASE);
}

/*
 * Is the capitalised cue word at token j part of a name: after another
 * capitalised word, a base form ("Ohio State University") or the last
 * word of the run ("the United States", "The Washington Post")?  A
 * finite form with a name after it is a headline's verb ("Hollande Says
 * Trump ...").
 */
bool
qt_name_part_cue(const actx *c, size_t j)
{
	int v;
	size_t r;

	if (j == 0 || !(c->t[j].flags & TF_CAP) || !is_w(&c->t[j - 1]) ||
	    !(c->t[j - 1].flags & TF_CAP) || c->t[j - 1].sent != c->t[j].sent)
		return false;
	v = qt_lex(c, LEX_CUES, j, j + 1);
	if (v < 0)
		return false;
	if (v & CUE_BASE)
		return true;
	/* "The United States Postal Service states": the end of a place
	 * name WordNet lists is no headline's verb */
	if (qt_lex(c, LEX_PLACES, j - 1, j + 1) >= 0)
		return true;
	if (org_run_after_the(c, j))
		return true;
	/* "Federal States Insurance warned": the capitalised run after
	 * it ends at a lowercase cue, the sentence's own verb (a headline
	 * goes on in capitals: "Hollande Says Trump Is Wrong") */
	for (r = j + 1;
	     r < c->n && r < j + NAME_RUN_AFTER_CUE && is_w(&c->t[r]) &&
	     (c->t[r].flags & TF_CAP) && c->t[r].sent == c->t[j].sent;
	     r++)
		;
	if (r > j + 1 && lower_cue_at(c, r, j))
		return true;
	/* '"...," said Federal States Insurance.': the run after an
	 * inverted cue */
	for (r = j - 1;
	     r > 0 && j - r < NAME_RUN_AFTER_CUE && is_w(&c->t[r - 1]) &&
	     (c->t[r - 1].flags & TF_CAP) && c->t[r - 1].sent == c->t[j].sent;
	     r--)
		;
	if (r > 0 && lower_cue_at(c, r - 1, j))
		return true;
	return !(j + 1 < c->n && is_w(&c->t[j + 1]) &&
	         (c->t[j + 1].flags & TF_CAP) &&
	         c->t[j + 1].sent == c->t[j].sent);
}

/*
 * The cue entry starting at token i: one word ("said"), or a verb and
 * its particle ("went on", "points out"), whose length *w gets.  A verb
 * and particle before "to" are none: "went on to say" has its cue in
 * "say", "went on to win" none.
 */
static int
cue_entry(const actx *c, size_t i, size_t *w)
{
	int v = qt_lex(c, LEX_CUES, i, i + 1);
	size_t k, len;

	*w = 1;
	/* an idiom of saying, longest first: "had this to say", "summed
	 * it up" (its words in one sentence, outside quotes).  It opens
	 * with its verb: a preposition opens an adverbial cue ("in a
	 * statement"), which is read elsewhere. */
	if (i + 1 < c->n && !qt_lex_no_phrase(c->ld, LEX_CUES, c->t, i) &&
	    !qt_is_prep(c, i))
		for (len = CUE_IDIOM_WORDS; len > 2; len--) {
			int vl;
			for (k = i + 1; k < i + len && k < c->n; k++)
				if (!is_w(&c->t[k]) || c->inq[k] ||
				    c->t[k].sent != c->t[i].sent)
					break;
			if (k < i + len)
				continue;
			vl = qt_lex(c, LEX_CUES, i, i + len);
			if (vl >= 0) {
				*w = len;
				return vl;
			}
		}
	/* (not "went on to say", "went on to win": the cue is what
	 * follows; but "pointed out to reporters") */
	if ((v < 0 || !(v & CUE_SPEECH)) && i + 1 < c->n &&
	    !qt_lex_no_phrase(c->ld, LEX_CUES, c->t, i) && is_w(&c->t[i + 1]) &&
	    !c->inq[i + 1] && c->t[i + 1].sent == c->t[i].sent &&
	    !(wordeq(c, i + 2, "to") &&
	      (wordeq(c, i + 1, "on") ||
	       qt_lex(c, LEX_CUES, i + 3, i + 4) >= 0))) {
		int v2 = qt_lex(c, LEX_CUES, i, i + 2);
		if (v2 >= 0) {
			*w = 2;
			v = v2;
		}
	}
	return v;
}

/* The number of tokens of the cue at token i (1 to CUE_IDIOM_WORDS). */
size_t
qt_cue_len(const actx *c, size_t i)
{
	size_t w = 1;

	if (i < c->n && is_w(&c->t[i]) && !c->inq[i])
		cue_entry(c, i, &w);
	return w;
}

/* The words a document and the send verb before it may stand apart:
 * "a photo with a caption", "sent voters a long letter". */
#define SENT_DOC_WORDS 5

/*
 * Is the word at d a document a send verb issued, or the end of a
 * prepositional phrase after one ("sent a letter to the board that
 * said", "posted a message on Facebook saying", "tweeted a photo with a
 * caption that said")?  The document noun (classes.txt's written ones,
 * or wn-document-nouns.txt) is d or up to five words before it, over
 * no verb, and a send verb (classes.txt) stands up to five words before
 * the noun.
 */
static bool
sent_document(const actx *c, size_t d)
{
	size_t h, k;

	for (h = d; h > 0 && d - h < SENT_DOC_WORDS; h--) {
		if (!is_w(&c->t[h]) || c->inq[h] || word_is(c, h, W_AUX) ||
		    wordeq(c, h, "that") || wordeq(c, h, "which"))
			return false;
		if (class_is(c, h, CL_WRITTEN) ||
		    qt_lex(c, LEX_DOCS, h, h + 1) >= 0)
			break;
		if (class_is(c, h, CL_SEND_VERB))
			return false;
	}
	if (h == 0 || d - h >= SENT_DOC_WORDS)
		return false;
	/* (a phrase after the noun starts with a preposition: not "the
	 * post office workers", "a letter this week") */
	if (h < d && !word_is(c, h + 1, W_OF_PREP))
		return false;
	/* (the noun is the verb's object, no preposition between: not
	 * "posted her message under a headline that said", "wrote in a
	 * statement to Wired explaining") */
	for (k = h; k > 0 && h - k < SENT_DOC_WORDS; k--) {
		if (class_is(c, k - 1, CL_SEND_VERB))
			return true;
		/* (a verb's particle is none: "put out a statement") */
		if (!is_w(&c->t[k - 1]) || c->inq[k - 1] ||
		    qt_is_prep(c, k - 1) || word_is(c, k - 1, W_OF_PREP))
			return false;
	}
	return false;
}

/*
 * Is the -ing word at token i a participle of the sentence's subject
 * with no comma before it: after a document ("sent voters a letter
 * saying", "issued a statement stating") or after the object of a
 * finite cue ("emailed supporters saying")?
 */
static bool
ing_of_subject(const actx *c, size_t i)
{
	size_t k;

	if (c->t[i].end - c->t[i].start <= 4 ||
	    strncmp(c->text + c->t[i].end - 3, "ing", 3) != 0 ||
	    !is_w(&c->t[i - 1]))
		return false;
	/* "posted a message on Facebook saying", "filed a lawsuit
	 * alleging" */
	if (sent_document(c, i - 1))
		return true;
	if (c->t[i - 1].flags & TF_CAP)
		return false;
	/* (sent, not received: "got a letter saying") */
	if (class_is(c, i - 1, CL_WRITTEN)) {
		for (k = i - 1; k > 0 && i - k < 5; k--)
			if (class_is(c, k - 1, CL_SEND_VERB))
				return true;
		return false;
	}
	for (k = i - 1; k > 0 && i - k < 4 && is_w(&c->t[k]) &&
	                !(c->t[k].flags & TF_CAP) && !c->inq[k];
	     k--) {
		int v = qt_lex(c, LEX_CUES, k, k + 1);
		if (v >= 0 && k < i - 1) {
			/* a finite cue, with its object between */
			return (v & CUE_SPEECH) && !(v & CUE_BASE);
		}
	}
	return false;
}

/*
 * A speech verb that only WordNet lists ("quipped", "scoffed", "mused")
 * is a cue where its use shows speech: before "that" ("she conceded
 * that"), or ending a short clause after a quote ('"...," he quipped.')
 * or right after one ('"...," quipped Ada Finch').  Elsewhere such verbs
 * are as often no report ("she spoke", "he cited a study").
 */
static bool
wn_cue_context(const actx *c, size_t i)
{
	size_t k;

	/* (not "the local contests that": a noun) */
	if (wordeq(c, i + 1, "that") && !c->inq[i + 1])
		return !(i > 1 && word_is(c, i - 2, W_ARTICLE));
	if (i > 0 && c->inq[i - 1])
		return true;
	if (i + 1 < c->n && !is_end_p(&c->t[i + 1]) &&
	    !is_p(&c->t[i + 1], ',') && !is_break_tok(&c->t[i + 1]))
		return false;
	for (k = i; k > 0 && i - k < 6; k--) {
		if (c->inq[k - 1])
			return true;
		if (!is_w(&c->t[k - 1]) && !is_p(&c->t[k - 1], '.') &&
		    !is_p(&c->t[k - 1], ','))
			return false;
		if (is_end_p(&c->t[k - 1]) && !qt_inner_dot(c, k - 1))
			return false;
	}
	return false;
}

/* How far, in tokens, a communication verb may stand before the comma or
 * colon that opens its quote: the verb, its object and a place or time
 * ("shared her worry with an audience at a fundraiser in the Hamptons,"
 * is 12). */
#define COMM_LEADIN_TOKENS 16

/*
 * A communication verb that WordNet lists but that reports no words
 * ("thanked", "praised", "jeered", "chided": wn-speech-verbs.txt flag c)
 * is a cue when it leads in to a quote: a past form (an -s form is as
 * often a noun: "media reports, "), active, after no determiner, and its
 * sentence going on, with no other quote or cue, to a comma or colon
 * and the opening mark ("the crowd jeered, "Q"", "she thanked the
 * volunteers: "Q"").  Returns the cue flags, or -1.  (qt_sym_no_cue()
 * lets only these verbs through: symtab.c.)
 */
static int
comm_leadin(const actx *c, size_t i)
{
	size_t k, e = 0;
	int v;

	/* (a word of no lexicon has no symbol: most words) */
	if (!c->t[i].sym || (c->t[i].flags & TF_CAP))
		return -1;
	v = qt_lex(c, LEX_SPEECH, i, i + 1);
	if (v < 0 || !(v & WNV_COMM) || (v & (WNV_SPEECH | WNV_BELIEF)) ||
	    !(v & WNV_PAST))
		return -1;
	for (k = i + 1; !e && k + 2 < c->n && k < i + COMM_LEADIN_TOKENS; k++) {
		const token *t = &c->t[k];
		if (t->sent != c->t[i].sent || c->inq[k] || is_break_tok(t) ||
		    t->kind == TK_QUOTE)
			return -1;
		if ((is_p(t, ',') || is_p(t, ':')) &&
		    c->t[k + 1].kind == TK_QUOTE && c->inq[k + 2])
			e = k;
	}
	/* (passive: "had been named the most honest student,") */
	if (!e || (i > 0 && qt_be_form(c, i - 1)))
		return -1;
	/* (no noun before: "the praised plan,", "his thanks,") */
	if (i > 0 && (qt_np_det(c, i - 1) || qt_possessive(c, i - 1)))
		return -1;
	for (k = i + 1; k < e; k++)
		if (qt_lex(c, LEX_CUES, k, k + 1) >= 0)
			return -1;
	return CUE_SPEECH | CUE_WN;
}

/* The words of a prepositional phrase between a plural subject and its
 * base-form cue: "of the Harbour Fund" is 4 with the preposition. */
#define PP_OBJECT_WORDS 5

/* Does a short prepositional phrase after a plural noun for people end
 * right before the base form at i ("critics of the plan argue",
 * "officials in the region say")?  Then the base form agrees with
 * that noun. */
static bool
plural_pp_before(const actx *c, size_t i)
{
	size_t k;

	for (k = i - 1; k > 0 && i - k <= PP_OBJECT_WORDS; k--) {
		if (!is_w(&c->t[k]) || c->inq[k])
			return false;
		/* (a participle or adjective may stand between the head
		 * and the preposition: "members dressed for a game say",
		 * "officials close to the mayor say"; not "voters in each
		 * state say", "members of both parties say": the subject
		 * reader would take the noun after the quantifier for the
		 * subject) */
		if (word_is(c, k, W_OF_PREP))
			return k + 1 < i &&
			       (qt_plural_head_prep(c, k) ||
			        (k >= 2 && !wordeq(c, k, "than") &&
			         is_w(&c->t[k - 1]) &&
			         !(c->t[k - 1].flags & TF_CAP) &&
			         qt_plural_person_at(c, k - 2))) &&
			       (word_is(c, k + 1, W_ARTICLE) ||
			        !(qt_group_det(c, k + 1) ||
			          wordeq(c, k + 1, "each") ||
			          wordeq(c, k + 1, "every")));
	}
	return false;
}

/* The capitalised words of a name joined by "and" before a plural
 * verb: "Ada Finch and Tom Lund say". */
#define JOINED_NAME_WORDS 4

/* Is the word before the base form at i a plural subject that
 * plural_pp_before() and the lowercase plural test do not read: a
 * capitalised plural in -s ("Democrats", "Others", a sentence's first
 * word "Companies"), a share ("4 in 10", "16 percent of voters" ends in
 * a lowercase plural), or two names joined by "and"? */
static bool
plural_subject_before(const actx *c, size_t i)
{
	const token *p = &c->t[i - 1];
	size_t n = p->end - p->start, k;

	if (c->inq[i - 1])
		return false;
	if (p->kind == TK_NUM || wordeq(c, i - 1, "percent"))
		return true;
	/* "the two write" */
	if (i >= 2 && qt_number_word(c, i - 1) && wordeq(c, i - 2, "the"))
		return true;
	if (!is_w(p) || !(p->flags & TF_CAP))
		return false;
	if (n > 3 && c->text[p->end - 1] == 's' && c->text[p->end - 2] != 's' &&
	    c->text[p->end - 2] != '\'' && !qt_possessive(c, i - 1) &&
	    !qt_apos_mark(c, i - 1))
		return true;
	/* names joined by "and" */
	for (k = i - 1; k > 0 && i - k <= JOINED_NAME_WORDS &&
	                ((is_w(&c->t[k]) && (c->t[k].flags & TF_CAP)) ||
	                 qt_inner_dot(c, k));
	     k--)
		;
	return k > 0 && k < i - 1 && wordeq(c, k, "and") && !c->inq[k] &&
	       is_w(&c->t[k - 1]) && (c->t[k - 1].flags & TF_CAP);
}

/* A cue verb at token i: returns its flags or -1. */
static int
cue_at(const actx *c, size_t i)
{
	size_t w;
	int v;

	if (i >= c->n || !is_w(&c->t[i]) || c->inq[i])
		return -1;
	v = cue_entry(c, i, &w);
	if (v < 0)
		return comm_leadin(c, i);
	if (!(v & CUE_SPEECH))
		return -1;
	if ((v & CUE_WN) && !wn_cue_context(c, i))
		return -1;
	if (qt_name_part_cue(c, i))
		return -1;
	/* Hegseth's remarks, the minister's comments: nouns (but "he's
	 * said" is "he has said") */
	if (i > 0 && is_w(&c->t[i - 1]) && !(c->t[i].flags & TF_CAP)) {
		if ((qt_possessive(c, i - 1) &&
		     ((v & CUE_BASE) || !qt_he_she_has(c, i - 1))) ||
		    wordeq(c, i - 1, "the") || wordeq(c, i - 1, "his") ||
		    wordeq(c, i - 1, "her") || wordeq(c, i - 1, "their") ||
		    wordeq(c, i - 1, "its") || wordeq(c, i - 1, "a"))
			return -1;
	}
	/* "issued a statement that read:", "posted a notice, which
	 * says": the document's clause, whose speaker is the sentence's
	 * subject, as for "issued a statement saying" */
	if (i > 1 && !(c->t[i].flags & TF_CAP) &&
	    (wordeq(c, i - 1, "that") || wordeq(c, i - 1, "which"))) {
		size_t d = i - 2, d0;
		if (d > 0 && is_p(&c->t[d], ','))
			d--;
		/* (over a time phrase: "a statement on Friday, which
		 * read") */
		for (d0 = d; d > 1 && d0 - d < 3 &&
		             (c->t[d].kind == TK_NUM ||
		              class_is(c, d, CL_TIME) || qt_is_prep(c, d));
		     d--)
			;
		/* (over the place it was posted: "posted on Facebook,
		 * which said", "posted a message on Facebook, which
		 * said") */
		if (d == d0 && d > 2 && qt_is_prep(c, d - 1) &&
		    ((c->t[d].flags & TF_CAP) || class_is(c, d, CL_WRITTEN) ||
		     qt_lex(c, LEX_DOCS, d, d + 1) >= 0)) {
			if (class_is(c, d - 2, CL_SEND_VERB))
				return v | CUE_PARTICIPLE;
			d -= 2;
		}
		/* (sent, as for "-ing": not "linked to the report,
		 * which notes", whose issuer is not the subject) */
		if (sent_document(c, d))
			return v | CUE_PARTICIPLE;
	}
	if (v & CUE_BASE) {
		/* base forms need an auxiliary or a subject pronoun before */
		if (i == 0)
			return -1;
		if (word_is(c, i - 1, W_CUE_AUX))
			return v;
		if (ing_of_subject(c, i))
			return v | CUE_PARTICIPLE;
		/* plural subjects: "officials say", "residents report" */
		if (is_w(&c->t[i - 1]) && !qt_possessive(c, i - 1) &&
		    ((!(c->t[i - 1].flags & TF_CAP) &&
		      c->t[i - 1].end - c->t[i - 1].start > 3 &&
		      c->text[c->t[i - 1].end - 1] == 's' &&
		      c->text[c->t[i - 1].end - 2] != 's' &&
		      qt_lex(c, LEX_NONNAMES, i - 1, i) < 0) ||
		     /* "Police say", "Officials say" */
		     (qt_lex(c, LEX_TITLES, i - 1, i) >= 0 &&
		      (qt_lex(c, LEX_TITLES, i - 1, i) & TITLE_GROUP)) ||
		     wordeq(c, i - 1, "police")))
			return v;
		/* "Democrats say", "Others argue", "Forecasters say", "4 in
		 * 10 say", "Ada Finch and Tom Lund say": a plural subject
		 * that is capitalised, counted or joined (a singular name
		 * takes "says") */
		if (plural_subject_before(c, i))
			return v;
		/* "critics of the plan argue", "aides to the mayor say": a
		 * plural head and its short prepositional phrase */
		if (plural_pp_before(c, i))
			return v;
		/* "they're saying", "we're hearing" (not "He's claiming":
		 * a possessive before a base form was refused above) */
		if (is_w(&c->t[i - 1]) && qt_apos_tail(c, i - 1, "re"))
			return v;
		if (c->t[i].end - c->t[i].start <= 3 ||
		    strncmp(c->text + c->t[i].end - 3, "ing", 3) != 0)
			return -1;
		/* ", adding that" */
		if (is_p(&c->t[i - 1], ','))
			return v | CUE_PARTICIPLE;
		/* 'began by saying, "Q"', 'paused before adding: "Q"': a
		 * gerund after a preposition, right before a quote, the
		 * sentence subject's */
		if ((wordeq(c, i - 1, "by") || wordeq(c, i - 1, "before") ||
		     wordeq(c, i - 1, "after") || wordeq(c, i - 1, "while")) &&
		    i + 2 < c->n &&
		    (is_p(&c->t[i + 1], ',') || is_p(&c->t[i + 1], ':')) &&
		    c->t[i + 2].kind == TK_QUOTE)
			return v | CUE_PARTICIPLE;
		/* "with Sen. Jane Doe calling it": a name's clause */
		{
			size_t k = i;
			while (k > 0 && k + 6 > i &&
			       ((is_w(&c->t[k - 1]) &&
			         (c->t[k - 1].flags & TF_CAP)) ||
			        qt_inner_dot(c, k - 1)))
				k--;
			if (k > 0 && k < i && (c->t[k].flags & TF_CAP) &&
			    (wordeq(c, k - 1, "with") ||
			     /* "footage of Hillary Clinton asking" */
			     (k > 1 && wordeq(c, k - 1, "of") &&
			      class_is(c, k - 2, CL_MEDIA))))
				return v;
		}
		return -1;
	}
	return v;
}

/* cue_at(), asked for most tokens more than once: remembered per token
 * (it reads only tokens, lexicons and the quote marks of prepare()).
 * qt_cue_at() (attrib_int.h) answers the common cases inline. */
int
qt_cue_at_full(const actx *c, size_t i)
{
	int v;

	if (i < c->n && qt_sym_no_cue(c->ld, c->t, c->n, i))
		return -1; /* (most words: no lookup, no cache) */
	if (i >= c->n || !c->cuec)
		return cue_at(c, i);
	if (c->cuec[i])
		return c->cuec[i] - 2;
	v = cue_at(c, i);
	c->cuec[i] = v + 2;
	return v;
}

/* A word for what a person writes or puts out (statement, letter, email,
 * tweet, remarks) at token k: "a statement saying", "her letter read"
 * (classes.txt, CL_WRITTEN)? */
bool
qt_written_word(const actx *c, size_t k)
{
	return class_is(c, k, CL_WRITTEN);
}
