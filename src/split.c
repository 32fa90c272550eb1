/*
 * split.c: attribution, where a reported clause ends because a second
 * statement is joined to it.  "Ida Holm said the ferry would run, and
 * she said the fares would stay low" is two statements, each with its
 * own cue and speaker; read as one, the second speaker's words go to
 * the first.  And a sentence closed by ", SPEAKER CUE." is that
 * speaker's report: a cue inside it makes no record that runs over the
 * frame.  Reads tokens, cues, WordNet's speech verbs and the tagger; the
 * second cue or speech verb makes its own record in the indirect pass
 * (indirect.c).
 */
#include "split.h"
#include "attrib_int.h"
#include "tagger.h"

/* How far into a reported clause a new speaker's cue is looked for
 * ("X said ..., but Chapman says"): a long sentence, not a paragraph. */
#define NEXT_CUE_TOKENS 80
/* A finite verb (auxiliary, modal, "be") shows a clause when it comes
 * within the first ten tokens: subject and verb, not a noun phrase. */
#define FINITE_VERB_TOKENS 10
/* The words that modify a subject's head before it ("harbour experts",
 * "senior party officials"), walked back over to find what joins it. */
#define SUBJECT_MODIFIERS 3
/* A noun phrase before "and": up to five words ("the new harbour master's
 * office"). */
#define NP_WORDS 5
/* How far before a speech verb the word that joins its statement to the
 * clause can stand: a subject of up to four words, three modifiers and
 * the joiner ("; the new harbour board's engineers affirmed"). */
#define JOIN_REACH 8

/* Does the clause at k hold a finite verb early on: an auxiliary, a modal
 * or a form of "be" ("the backstop would be", "it was closing")?  A
 * noun phrase object ("a hefty rise in spending") does not. */
bool
qt_has_finite_verb(const actx *c, size_t k, size_t se)
{
	size_t m;

	for (m = k; m <= se && m < k + FINITE_VERB_TOKENS; m++) {
		if (!is_w(&c->t[m]))
			continue;
		if (word_is(c, m, W_AUX))
			return true;
		/* it’s, they’re with the curly apostrophe */
		if (c->t[m].end - c->t[m].start > 4 &&
		    memcmp(c->text + c->t[m].end - 4, "\xe2\x80\x99", 3) == 0 &&
		    (c->text[c->t[m].end - 1] == 's' ||
		     c->text[c->t[m].end - 1] == 'e'))
			return true;
	}
	return false;
}

/* Does a reported clause open right after the cue at m, past "also",
 * as the indirect pass reads one: "that", a subject pronoun, a finite
 * verb soon ("the dock was ready"), or any clause after a cue that
 * takes a bare one ("said families sue")?  Not a noun phrase object
 * ("pledged a revolution", "accused Finch of lying"): the indirect pass
 * makes no record of it, and the clause before keeps it. */
static bool
clause_follows(const actx *c, size_t m, size_t se)
{
	size_t k = m + qt_cue_len(c, m);
	int v = qt_cue_at(c, m);

	if (!(v & CUE_CLAUSE))
		return false;
	if (k <= se && wordeq(c, k, "also"))
		k++;
	if (k > se || c->inq[k] || !is_w(&c->t[k]))
		return false; /* (not "she said, the ...": an aside) */
	if (wordeq(c, k, "that") || qt_subject_pronoun(c, k))
		return true;
	return !word_is(c, k, W_NO_CLAUSE_START) &&
	       (((v & CUE_BARE) && !(v & CUE_OBJECT)) ||
	        qt_has_finite_verb(c, k, se));
}

/* Does a contrast open the reported clause at k ("while", "although",
 * "though", "whereas")? */
static bool
contrast_opens(const actx *c, size_t k)
{
	return wordeq(c, k, "while") || wordeq(c, k, "although") ||
	       wordeq(c, k, "though") || wordeq(c, k, "whereas");
}

/* Is [k, j] a clause that a bare "and" at j + 1 can close: it holds a
 * verb (an auxiliary, a modal, or a verb by the tagger), and its last
 * words are not themselves joined by "and", "or" or a comma ("the
 * prices rose and the council and the mayor said": a compound subject,
 * not a clause and a new one)? */
static bool
clause_before_and(const actx *c, size_t k, size_t j)
{
	size_t m, w;

	for (m = j, w = 0;
	     m > k && w < NP_WORDS && is_w(&c->t[m]) && !word_is(c, m, W_AUX) &&
	     qt_pos_at(c, m) != QT_POS_VERB;
	     m--, w++)
		if (wordeq(c, m - 1, "and") || wordeq(c, m - 1, "or") ||
		    is_p(&c->t[m - 1], ','))
			return false;
	/* (the words first; the tagger only when they show no verb) */
	for (m = k; m <= j; m++)
		if (is_w(&c->t[m]) && !c->inq[m] && word_is(c, m, W_AUX))
			return true;
	for (m = k; m <= j; m++)
		if (is_w(&c->t[m]) && !c->inq[m] &&
		    qt_pos_at(c, m) == QT_POS_VERB)
			return true;
	return false;
}

/* The last token of the first clause when what joins the subject at a
 * to the clause before it starts a second statement, or QUOTH_NONE:
 * "; SUBJ", "— SUBJ", ", and SUBJ", ", but SUBJ", '," and SUBJ', "and
 * he" (a pronoun: no "the council and the mayor" split in two), and
 * ", SUBJ" when the sentence or the clause opens subordinate ("Although
 * Holm said A, he argued B", "Holm admitted that while A, he argued B";
 * not "Holm added that if A, he would advise B": one statement). */
static size_t
joined_before(const actx *c, size_t k, size_t a, const speaker *sp)
{
	size_t j = a - 1, w;
	bool conj = false;

	if (a < k + 3)
		return QUOTH_NONE;
	/* (the subject's modifiers: "harbour experts affirm") */
	for (w = 0;
	     w < SUBJECT_MODIFIERS && j > k + 2 && is_w(&c->t[j]) &&
	     !c->inq[j] && !(c->t[j].flags & TF_CAP) &&
	     (qt_pos_at(c, j) == QT_POS_NOUN || qt_pos_at(c, j) == QT_POS_ADJ);
	     w++)
		j--;
	if (j < k + 2)
		return QUOTH_NONE;
	if (is_p(&c->t[j], ';') || is_dash(&c->t[j]))
		return j - 1;
	if (wordeq(c, j, "and") || wordeq(c, j, "but")) {
		conj = true;
		j--;
	} else if (contrast_opens(c, j) && is_p(&c->t[j - 1], ',')) {
		/* "..., whereas Berg acknowledged", "..., although she
		 * wrote" */
		return j - 2;
	}
	if (j > k && is_dash(&c->t[j]))
		return j - 1;
	/* (the closing quote mark stays with the clause it closes) */
	if (conj && j > k + 1 && c->t[j].kind == TK_QUOTE &&
	    is_p(&c->t[j - 1], ','))
		return j;
	if (is_p(&c->t[j], ','))
		return conj || qt_subordinator(c, sentence_start(c, k)) ||
		                       contrast_opens(c, k)
		               ? j - 1
		               : QUOTH_NONE;
	if (conj && sp->kind == SK_PRONOUN)
		return j;
	/* "A and the port authority says B": a named or described subject
	 * after a bare "and" when what comes before it is a clause, with a
	 * verb of its own (not "the council and the mayor say") */
	if (conj && j > k + 1 && clause_before_and(c, k, j))
		return j;
	return QUOTH_NONE;
}

/* A subject pronoun right before the cue at m, or before one adverb
 * there ("she argued", "he later said"): *sp is it. */
static bool
pronoun_subject(const actx *c, size_t m, speaker *sp)
{
	size_t a = m - 1;

	memset(sp, 0, sizeof(*sp));
	/* (the tagger is asked only with a pronoun before the word) */
	if (!qt_subject_pronoun(c, a) && a > 0 &&
	    qt_subject_pronoun(c, a - 1) && qt_pos_at(c, a) == QT_POS_ADV)
		a--;
	if (!qt_subject_pronoun(c, a) || c->inq[a])
		return false;
	sp->a = a;
	sp->b = a + 1;
	sp->ent = -1;
	sp->kind = SK_PRONOUN;
	return true;
}

/* Is the cue at m a participle in -ing ("insisting", "adding")? */
bool
qt_participle_cue(const actx *c, size_t m)
{
	const token *t = &c->t[m];

	return qt_cue_len(c, m) == 1 && t->end - t->start > 4 &&
	       memcmp(c->text + t->end - 3, "ing", 3) == 0 &&
	       !(t->flags & TF_CAP);
}

/* Is the word at m, no cue, a verb that reports speech by WordNet
 * (wn-speech-verbs.txt, flag s; not a belief alone: "it shows", "he
 * decided" go on with the clause) in a form that can be finite, and a
 * verb by the tagger ("experts affirm", "she quipped")? */
static bool
statement_verb(const actx *c, size_t m)
{
	int w;

	size_t j;

	/* (a subject word stands before it) */
	if (!is_w(&c->t[m]) || (c->t[m].flags & TF_CAP) || !is_w(&c->t[m - 1]))
		return false;
	w = qt_lex(c, LEX_SPEECH, m, m + 1);
	if (w < 0 || !(w & WNV_SPEECH) ||
	    !(w & (WNV_PAST | WNV_PRESENT | WNV_BASE)))
		return false;
	/* (something that can join a statement stands within reach of
	 * it, as joined_before() needs: asked before the tagger) */
	for (j = m - 1; j > 0 && m - j <= JOIN_REACH; j--)
		if (is_p(&c->t[j], ';') || is_p(&c->t[j], ',') ||
		    is_dash(&c->t[j]) || word_is(c, j, W_AND_BUT) ||
		    contrast_opens(c, j))
			return qt_pos_at(c, m) == QT_POS_VERB;
	return false;
}

/* The end of the clause [k, se] before the cue at m when the cue's
 * speaker or its joining word shows a second statement: "X, but Chapman
 * says", "While some critics say A, Jagelewski says B", "X said A and
 * added that B", "X said A, insisting B".  QUOTH_NONE when none does. */
static size_t
joined_cue(actx *c, size_t k, size_t m, size_t se, bool cue)
{
	speaker sp = {0};
	size_t a;

	/* the subject right before the cue, after a conjunction ("but
	 * nine in 10 said"); after a bare "and", the words before it are a
	 * clause ("A and others have said") */
	for (a = m; a > k + 2 && m - a < 5 &&
	            (is_w(&c->t[a - 1]) || c->t[a - 1].kind == TK_NUM) &&
	            !word_is(c, a - 1, W_AND_BUT) && !wordeq(c, a - 1, "while");
	     a--)
		;
	if (a > k + 2 && a < m &&
	    (wordeq(c, a - 1, "but") || wordeq(c, a - 1, "while") ||
	     (wordeq(c, a - 1, "and") && is_p(&c->t[a - 2], ','))))
		return is_p(&c->t[a - 2], ',') ? a - 3 : a - 2;
	/* "While some critics say A, Jagelewski says B": a name after a
	 * comma, then its own cue */
	for (a = m; a > k + 2 && m - a < 4 && is_w(&c->t[a - 1]) &&
	            (c->t[a - 1].flags & TF_CAP) && !c->inq[a - 1];
	     a--)
		;
	if (a > k + 2 && a < m && is_p(&c->t[a - 1], ',') &&
	    qt_lex(c, LEX_NONNAMES, a, a + 1) < 0)
		return a - 2;
	if (!cue || !clause_follows(c, m, se))
		return QUOTH_NONE;
	/* "X said A and added that B", "X said A but argued that B": the
	 * sentence's subject says B too */
	if ((wordeq(c, m - 1, "and") || wordeq(c, m - 1, "but")) &&
	    m - 1 > k + 2 &&
	    (wordeq(c, m + qt_cue_len(c, m), "that") ||
	     qt_subject_pronoun(c, m + qt_cue_len(c, m))) &&
	    qt_sentence_subject(c, m, &sp, -1) &&
	    !qt_relative_between(c, sp.b, m))
		return is_p(&c->t[m - 2], ',') ? m - 3 : m - 2;
	/* "X said A, insisting (that) B": a participle after a comma is the
	 * subject's second statement */
	if (is_p(&c->t[m - 1], ',') && m - 1 > k + 2 && qt_participle_cue(c, m))
		return m - 2;
	return QUOTH_NONE;
}

/* A clause ends before a new speaker's statement joined to it: "X, but
 * Chapman says that's not what...", "X, and she said ...", "X and added
 * that ...", "X and she accused Y of ...", "X, whereas Berg
 * acknowledged ...".  The verb is a cue or a speech verb by WordNet
 * (statement_verb()).  Returns the clause's last token, or se; *verb
 * (when not NULL) is the verb of a joined statement that the indirect
 * pass would not read as a cue taking a clause, else QUOTH_NONE. */
size_t
qt_split_clause_end(actx *c, size_t k, size_t se, size_t *verb)
{
	size_t m;

	if (verb)
		*verb = QUOTH_NONE;
	for (m = k + 3; m <= se && m < k + NEXT_CUE_TOKENS; m++) {
		size_t me, e;
		speaker sp = {0};
		bool cue;
		if (c->inq[m])
			continue;
		cue = qt_cue_at(c, m) >= 0;
		if (!cue && !statement_verb(c, m))
			continue;
		e = joined_cue(c, k, m, se, cue);
		if (e != QUOTH_NONE) {
			if (verb && !cue)
				*verb = m;
			return e;
		}
		/* "..., and she said", "; the union has indicated", "and
		 * Tomas Berg, the harbour master, said", "and she accused
		 * Holm of": the verb's own subject */
		if (!pronoun_subject(c, m, &sp) &&
		    !(qt_subject_before(c, m, &sp, &me, -1) && sp.b <= m) &&
		    /* "; 46 percent said": a share, or people
		     * described after their head */
		    !(cue && qt_clause_postmod_subject(c, m, &sp) &&
		      sp.b <= m && sp.a > k))
			continue;
		e = joined_before(c, k, sp.a, &sp);
		if (e == QUOTH_NONE)
			continue;
		if (verb && (!cue || !clause_follows(c, m, se)))
			*verb = m;
		return e;
	}
	return se;
}

/* The words a closing frame may have after its cue before the
 * sentence's end ("..., the paper reported late on Thursday."). */
#define FRAME_TAIL_TOKENS 4

/* Does "..., SPEAKER CUE." close the sentence [sa, se] after the cue at
 * i ("Holm said the mill would close, the Ledger reported.")?  Then the
 * sentence is the closing speaker's report, and the cue at i stands in
 * it: the record is clause_then_speaker()'s at the closing cue, as
 * indirect.c's according_frames() leaves "..., according to X." to
 * its source. */
bool
qt_cue_after_frames(actx *c, size_t i, size_t sa, size_t se)
{
	size_t j, me;
	speaker sp;

	for (j = se; j > i + 3 && j > sa && se - j <= FRAME_TAIL_TOKENS; j--) {
		int v;
		if (c->inq[j] || !is_w(&c->t[j]))
			continue;
		v = qt_cue_at(c, j);
		if (v < 0)
			continue;
		return (v & CUE_SPEECH) && !(v & CUE_BASE) &&
		       qt_subject_before(c, j, &sp, &me, -1) && sp.a > i + 2 &&
		       is_p(&c->t[sp.a - 1], ',');
	}
	return false;
}

/* Is there a relative pronoun ("who", "which") outside quotes between
 * tokens a and m?  Then a verb after "and" at m shares the relative
 * clause's subject, not the sentence's: "His remarks differed from the
 * allies, who had declared support and stressed unity" is the allies'. */
bool
qt_relative_between(const actx *c, size_t a, size_t m)
{
	size_t k;

	for (k = a; k < m; k++)
		if (!c->inq[k] &&
		    (wordeq(c, k, "who") || wordeq(c, k, "which")))
			return true;
	return false;
}
