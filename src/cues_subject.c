/*
 * cues_subject.c: two subjects of a cue that the speaker parser
 * (speaker.c, subject.c) does not read, because their head is not the
 * word before the cue:
 *  - a person or group with a post-modifier, an adjective or participle
 *    and its preposition: "People familiar with the talks say", "two
 *    officials briefed on the plan said", "those close to the mayor";
 *  - a share of those asked: "Some 29 percent said", "52 percent of
 *    voters still say", "40% of those polled said".
 * Both are described speakers (SK_ROLE) naming nobody.  Which words may
 * stand where is read from the tagger (qt_pos_at()), not from lists.
 * And the subject of the verb that governs a quoted fragment, where no
 * cue ties it: 'Ada Finch referred to Tom Lee as "a capable leader"'
 * (qt_fragment_verb_subject()).
 * Reads tokens; writes the speaker it finds.
 */
#include <string.h>

#include "attrib_int.h"
#include "cues.h"
#include "speaker.h"
#include "subject_int.h"
#include "tagger.h"

/* Words before the number of a share: "some", "only about", "as many
 * as". */
#define SHARE_LEAD_WORDS 3
/* The words of the object of a post-modifier or a share, up to the cue:
 * "with knowledge of the closed-door meeting". */
#define OBJECT_TOKENS 10
/* The words from the start of a post-modified head to its preposition:
 * "the two senior officials familiar with". */
#define POSTMOD_REACH 7
/* How far back from a cue its clause may open for these subjects. */
#define CLAUSE_TOKENS 18
/* How far back from a fragment its governing verb may stand: "referred
 * to the former governor of the state as". */
#define FRAGMENT_VERB_TOKENS 16
/* How far after a fragment a cue makes it that cue's: '"Q," Ada Finch,
 * the mayor, said'. */
#define AFTER_CUE_TOKENS 8

/* Is token k a lowercase word of one of the coarse tags in `want` (a
 * bit per enum qt_pos)? */
static bool
pos_is(const actx *c, size_t k, unsigned want)
{
	int p;

	if (k >= c->n || !is_w(&c->t[k]) || c->inq[k])
		return false;
	p = qt_pos_at(c, k);
	return p >= 0 && (want & (1u << p));
}

/* The longest ten written out, before a hyphen: "seventy-two". */
#define TENS_LEN 7

/* Is the word at k a number written out: "two" to "twelve" or a ten
 * ("twenty" ... "ninety"; words.txt, u), "one", or a ten and a unit
 * joined by a hyphen ("Twenty-four")? */
static bool
number_written(const actx *c, size_t k)
{
	const token *t;
	const char *h;
	char f[TENS_LEN];
	size_t n;
	int v;

	if (k >= c->n || c->t[k].kind != TK_WORD || c->inq[k])
		return false;
	if (qt_number_word(c, k) || wordeq(c, k, "one"))
		return true;
	/* "Twenty-four": the word before its hyphen, a ten (not
	 * "three-quarters", "seven-year-old") */
	t = &c->t[k];
	h = memchr(c->text + t->start, '-', t->end - t->start);
	n = h ? (size_t)(h - (c->text + t->start)) : 0;
	if (n < 5 || n > sizeof f ||
	    !qt_ascii_lower(f, c->text + t->start, n, QT_LOWER_LETTERS))
		return false;
	v = qt_lexicon_get(c->ld->lex[LEX_WORDS], f, n);
	return v >= 0 && (v & W_NUMBER) && f[n - 2] == 't' && f[n - 1] == 'y';
}

/* The end of a fraction or a ratio at k that counts those asked:
 * "half", "a third", "two-thirds", "three in five", "8 in 10"; or k. */
static size_t
share_fraction_end(const actx *c, size_t k)
{
	const token *t = &c->t[k];
	size_t n;

	if (k >= c->n || c->inq[k])
		return k;
	if (wordeq(c, k, "half"))
		return k + 1;
	if ((wordeq(c, k, "a") || wordeq(c, k, "one")) && k + 1 < c->n &&
	    (wordeq(c, k + 1, "third") || wordeq(c, k + 1, "quarter")))
		return k + 2;
	/* "two-thirds", "three-quarters" (one word with its hyphen) */
	n = t->end - t->start;
	if (t->kind == TK_WORD && n > 7 &&
	    (c->text[t->end - 1] | 0x20) == 's' &&
	    (strncasecmp(c->text + t->end - 7, "-thirds", 7) == 0 ||
	     (n > 9 && strncasecmp(c->text + t->end - 9, "-quarters", 9) == 0)))
		return k + 1;
	/* "three in five", "8 in 10" */
	if (k + 2 < c->n && wordeq(c, k + 1, "in") &&
	    (t->kind == TK_NUM || number_written(c, k)) && !c->inq[k + 2] &&
	    (c->t[k + 2].kind == TK_NUM || number_written(c, k + 2)))
		return k + 3;
	return k;
}

/* The end of "percent", "per cent" or "%" after the number at k, or k. */
static size_t
share_unit_end(const actx *c, size_t k)
{
	const token *t = &c->t[k];
	size_t f = share_fraction_end(c, k);

	if (f > k || (t->kind != TK_NUM && !number_written(c, k)))
		return f;
	if (t->kind == TK_NUM && c->text[t->end - 1] == '%')
		return k + 1;
	if (k + 1 >= c->n || c->inq[k + 1])
		return k;
	if (is_p(&c->t[k + 1], '%') || wordeq(c, k + 1, "percent"))
		return k + 2;
	if (k + 2 < c->n && wordeq(c, k + 1, "per") && wordeq(c, k + 2, "cent"))
		return k + 3;
	return k;
}

/* A share opening at a: up to SHARE_LEAD_WORDS adverbs, determiners or
 * prepositions ("Some", "only about", "as many as"), a number and its
 * unit.  Returns the token after the unit, or a. */
static size_t
share_at(const actx *c, size_t a)
{
	const unsigned lead = (1u << QT_POS_ADV) | (1u << QT_POS_DET) |
	                      (1u << QT_POS_ADP) | (1u << QT_POS_ADJ);
	size_t k, j, e;

	/* (the number and its unit first: the tagger only then) */
	for (k = a; k < a + SHARE_LEAD_WORDS && k < c->n; k++)
		if (c->t[k].kind == TK_NUM || !is_w(&c->t[k]) || c->inq[k] ||
		    number_written(c, k) || share_fraction_end(c, k) > k)
			break;
	if (k >= c->n || c->inq[k] || (e = share_unit_end(c, k)) == k)
		return a;
	for (j = a; j < k; j++)
		if (((c->t[j].flags & TF_CAP) && j > a) ||
		    qt_cue_at(c, j) >= 0 || qt_wh_relative(c, j) ||
		    qt_rel_word(c, j) || !pos_is(c, j, lead))
			return a;
	return e;
}

/* A person or group with a post-modifier opening at a: a described head
 * ("People", "a person", "two officials"; or a group determiner alone,
 * "those"), then an adjective or participle and its preposition
 * ("familiar with", "briefed on", "close to").  Returns the token after
 * the preposition, or a. */
static size_t
postmod_at(actx *c, size_t a)
{
	speaker hs;
	size_t h = a, m, k;

	/* (a preposition in reach first: the parser only then) */
	for (k = a + 1; k < c->n && k < a + POSTMOD_REACH; k++)
		if (word_is(c, k, W_OF_PREP))
			break;
	if (k >= c->n || k >= a + POSTMOD_REACH)
		return a;
	m = qt_parse_speaker_fwd(c, a, &hs, -1);
	if ((m <= a || hs.kind != SK_ROLE) && a + 1 < c->n &&
	    (c->t[a].kind == TK_NUM || qt_number_word(c, a)))
		m = qt_parse_speaker_fwd(c, ++h, &hs, -1);
	if (m > h && hs.kind == SK_ROLE)
		h = m;
	else if (h == a && qt_group_det(c, a) && !word_is(c, a, W_ARTICLE))
		h = a + 1;
	/* (a plural noun for people the parser takes for no role, or
	 * after a noun that modifies it: "team members dressed for") */
	else if (h == a && qt_plural_person_at(c, a))
		h = a + 1;
	else if (h == a && a + 1 < c->n && is_w(&c->t[a]) &&
	         !(c->t[a].flags & TF_CAP) && qt_plural_person_at(c, a + 1))
		h = a + 2;
	else
		return a;
	if (h > a && qt_plural_head_prep(c, h))
		return h + 1;
	if (h + 2 >= c->n || !is_w(&c->t[h]) || (c->t[h].flags & TF_CAP) ||
	    c->inq[h] || qt_cue_at(c, h) >= 0 || word_is(c, h, W_AUX) ||
	    !word_is(c, h + 1, W_OF_PREP) || c->inq[h + 1] ||
	    !pos_is(c, h, (1u << QT_POS_ADJ) | (1u << QT_POS_VERB)))
		return a;
	return h + 2;
}

size_t
qt_described_postmod(actx *c, size_t a, size_t lim, speaker *sp)
{
	size_t o, e, b;
	bool share;

	if (a >= lim || c->inq[a])
		return a;
	o = share_at(c, a);
	share = o > a;
	if (share) {
		if (o < lim && wordeq(c, o, "of"))
			o++;
	} else if ((o = postmod_at(c, a)) == a) {
		return a;
	}
	/* the object, up to the cue */
	for (e = o; e < lim && e < o + OBJECT_TOKENS && !c->inq[e] &&
	            (is_w(&c->t[e]) || c->t[e].kind == TK_NUM ||
	             is_dash(&c->t[e]) || qt_apos_mark(c, e)) &&
	            /* (a participle that is a cue too: "those asked
	             * said") */
	            (qt_cue_at(c, e) < 0 ||
	             (e + 1 < lim && qt_cue_at(c, e + 1) >= 0)) &&
	            !word_is(c, e, W_AND_BUT) && !qt_wh_relative(c, e) &&
	            !word_is(c, e, W_AUX);
	     e++)
		;
	/* (an infinitive is a verb's: "declined to say", "pointed to a
	 * case to say") */
	if (e >= lim || qt_cue_at(c, e) < 0 || c->inq[e] ||
	    wordeq(c, e - 1, "to"))
		return a;
	/* (a determiner before it makes the cue a noun: "voters in those
	 * states are") */
	if (pos_is(c, e - 1, 1u << QT_POS_DET) && !(share && e == o))
		return a;
	for (b = e; b > o && qt_is_filler(c, b - 1); b--)
		;
	/* (a share needs no object; a post-modifier and "of" do) */
	if (b == o && (!share || wordeq(c, o - 1, "of")))
		return a;
	role_speaker(sp, a, b);
	return e;
}

/* Does "according to" stand in the sentence after the cue at i (to
 * the sentence end se)?  The source it names is the sentence's
 * (indirect.c, according_to()). */
static bool
according_after(const actx *c, size_t i, size_t se)
{
	size_t k;

	for (k = i + 1; k + 1 <= se && k + 1 < c->n; k++)
		if (wordeq(c, k, "according") && wordeq(c, k + 1, "to"))
			return true;
	return false;
}

bool
qt_clause_postmod_subject(actx *c, size_t i, speaker *sp)
{
	size_t sa = sentence_start(c, i), a = i;

	while (a > sa && a + CLAUSE_TOKENS > i && !c->inq[a - 1] &&
	       (is_w(&c->t[a - 1]) || c->t[a - 1].kind == TK_NUM ||
	        is_dash(&c->t[a - 1]) || qt_apos_mark(c, a - 1) ||
	        is_p(&c->t[a - 1], '%')) &&
	       !word_is(c, a - 1, W_AND_BUT) && !qt_subordinator(c, a - 1))
		a--;
	if (a + CLAUSE_TOKENS <= i || a >= i)
		return false;
	/* the clause opens at the sentence, a comma, a conjunction or a
	 * subordinator ("while 61 percent say") */
	if (a > sa && !is_p(&c->t[a - 1], ',') && !is_p(&c->t[a - 1], ';') &&
	    !is_p(&c->t[a - 1], ':') && !word_is(c, a - 1, W_AND_BUT) &&
	    !qt_subordinator(c, a - 1))
		return false;
	/* (not "said yes, compared with ...": one word before a comma is
	 * no reported clause) */
	if (according_after(c, i, sentence_end(c, i)) ||
	    (i + 1 < c->n && qt_cue_at(c, i + 1) >= 0) ||
	    (i + 2 < c->n && is_p(&c->t[i + 2], ',') && is_w(&c->t[i + 1]) &&
	     !(c->t[i + 1].flags & TF_CAP) &&
	     !(qt_class_flags_at(c, LEX_CLASSES, i + 1) & CL_TIME)) ||
	    qt_described_postmod(c, a, i + 1, sp) != i)
		return false;
	/* A share after an opening phrase ("In a poll released Monday,
	 * 51 percent said") reports what the poll found: the poll is the
	 * source, not found here. */
	if (a > sa && (qt_is_prep(c, sa) || wordeq(c, sa, "according")) &&
	    share_at(c, a) > a)
		return false;
	return true;
}

/*
 * "a group called the "Harbour Friends"", "a website dubbed "Orton
 * Rises"": a naming verb (a cue that takes no clause, no listener and
 * never inverts: "called", "dubbed", "labeled"; or WordNet's other
 * communication verbs) right after a thing (a lowercase word that is no
 * person noun, pronoun or title), with at most an article before the
 * opening mark at o, and a capital after it: the quote is a name the
 * thing bears, nobody's words.  (Not "a spokesman called "absurd"" nor
 * "the group called the plan "a disgrace"": a person, an object.)
 */
bool
qt_naming_use(const actx *c, size_t v, size_t o)
{
	size_t k = v + 1;
	int f = qt_lex(c, LEX_CUES, v, v + 1), w;

	if (f < 0 &&
	    ((w = qt_lex(c, LEX_SPEECH, v, v + 1)) < 0 || !(w & WNV_COMM)))
		return false; /* (no verb: "Bram Tell's statement:") */
	if (v == 0 || o + 1 >= c->n || !is_w(&c->t[v - 1]) ||
	    (c->t[v - 1].flags & TF_CAP) || c->inq[v - 1] ||
	    (f >= 0 &&
	     (f & (CUE_CLAUSE | CUE_INVERTS | CUE_OBJECT | CUE_BARE))) ||
	    qt_person_noun(c, v - 1) ||
	    qt_lex(c, LEX_PRONOUNS, v - 1, v) >= 0 ||
	    qt_lex(c, LEX_TITLES, v - 1, v) >= 0)
		return false;
	if (k < o && word_is(c, k, W_ARTICLE))
		k++;
	return k == o && c->t[o].kind == TK_QUOTE && is_w(&c->t[o + 1]) &&
	       (c->t[o + 1].flags & TF_CAP);
}

/*
 * Does the word at k report what its subject says, thinks or makes of
 * something: a speech, belief or other communication verb (cues.txt,
 * WordNet's classes: "referred to", "thanked", "praised"), used as a
 * verb here (the tagger: not "his call for")?
 */
static bool
reporting_verb(const actx *c, size_t k)
{
	int v;

	if (!is_w(&c->t[k]) || c->inq[k] || (c->t[k].flags & TF_CAP))
		return false;
	v = qt_lex(c, LEX_SPEECH, k, k + 1);
	if (!(v >= 0 && (v & (WNV_SPEECH | WNV_BELIEF | WNV_COMM))) &&
	    !((v = qt_lex(c, LEX_CUES, k, k + 1)) >= 0 && (v & CUE_SPEECH)))
		return false;
	return qt_pos_at(c, k) == QT_POS_VERB;
}

/* Is the verb at v passive: a form of "be" before it, over adverbs
 * ("was found guilty of", "is widely described as")?  Its subject is
 * no speaker. */
static bool
passive_verb(const actx *c, size_t v)
{
	size_t k = v;

	while (k > 0 && qt_is_filler(c, k - 1) && !word_is(c, k - 1, W_AUX))
		k--;
	return k > 0 && qt_be_form(c, k - 1);
}

/* The subject of the verb at v, in the sentence from sa, as a speaker
 * (for "X, who thinks", X): not of a passive verb, not a thing, not a
 * verb's object. */
static bool
verb_subject(actx *c, size_t sa, size_t v, speaker *sp, int last_speaker)
{
	size_t me, k = v;

	speaker_none(sp);
	if (passive_verb(c, v))
		return false;
	/* "Dora Venn, who thinks": the phrase before the relative's
	 * comma */
	while (k > sa && qt_is_filler(c, k - 1))
		k--;
	if (k > sa + 2 && wordeq(c, k - 1, "who") && is_p(&c->t[k - 2], ',') &&
	    !c->inq[k - 2])
		v = k - 2;
	return qt_subject_before(c, v, sp, &me, last_speaker) &&
	       sp->kind != SK_NONE && sp->b <= v && sp->a >= sa &&
	       !(sp->kind == SK_PRONOUN &&
	         (sp->gender == G_THING || !sp->gender)) &&
	       !(sp->a > sa && qt_pos_at(c, sp->a - 1) == QT_POS_VERB);
}

/* The verb at v, or when "and" or "but" stands before it (after a
 * comma or not) the nearest verb before that in its clause, whose
 * subject both share: 'Finch praised the plan but described the budget
 * as "too thin"'. */
static size_t
first_conjunct(const actx *c, size_t sa, size_t v)
{
	size_t k = v;

	while (k > sa && qt_is_filler(c, k - 1))
		k--;
	if (k <= sa || !word_is(c, k - 1, W_AND_BUT) || c->inq[k - 1])
		return v;
	k--;
	if (k > sa && is_p(&c->t[k - 1], ','))
		k--;
	for (; k > sa && k + FRAGMENT_VERB_TOKENS > v; k--) {
		const token *t = &c->t[k - 1];
		/* (over an earlier quote: 'as "a capable leader" but') */
		if (c->inq[k - 1] || t->kind == TK_QUOTE)
			continue;
		if (!(is_w(t) || t->kind == TK_NUM || qt_apos_mark(c, k - 1)))
			return v;
		/* (not a participle after a comma: ", holding signs and
		 * chanting", whose subject is further back) */
		if (is_w(t) && !(t->flags & TF_CAP) &&
		    qt_pos_at(c, k - 1) == QT_POS_VERB)
			return k >= 2 && is_p(&c->t[k - 2], ',') ? v : k - 1;
	}
	return v;
}

/* Does a cue stand after the quote that closes at cl, in its clause
 * ('"the party of big government," Ada Finch said')?  Then the fragment
 * is that cue's, whether or not its speaker was read. */
static bool
cue_after_close(const actx *c, size_t cl)
{
	size_t k, se;

	if (cl == QUOTH_NONE || cl + 1 >= c->n)
		return false;
	se = sentence_end(c, cl + 1);
	for (k = cl + 1; k <= se && k < c->n && k < cl + 1 + AFTER_CUE_TOKENS;
	     k++) {
		/* (not a verb of the subject's own: 'as "Q" but described
		 * it as') */
		if (!c->inq[k] &&
		    (word_is(c, k, W_AND_BUT) || is_p(&c->t[k], ';')))
			return false;
		if (!c->inq[k] && qt_cue_at(c, k) >= 0)
			return true;
	}
	return false;
}

/*
 * A quoted fragment from o to cl that no cue ties ('Ada Finch referred
 * to Tom Lee as "a capable leader"', 'the board thanked its members
 * "for their help"'): the nearest verb before it in its sentence that
 * reports what its subject says or thinks (reporting_verb()), then that
 * verb's subject (qt_subject_before()).  Only a verb whose clause holds
 * the fragment, with nothing between but words and other quotes (no
 * comma, colon, semicolon or dash: not 'As Finch spoke, the club was
 * urging "..."'); not a passive verb, whose subject is no speaker ("a
 * clerk was found guilty of"); not a subject that is some verb's object
 * ("released a statement saying", "featured photos telling"); and not
 * when a cue follows the quote in its clause.
 */
bool
qt_fragment_verb_subject(actx *c, size_t o, size_t cl, speaker *sp,
                         int last_speaker)
{
	size_t sa = sentence_start(c, o), k;

	if (cue_after_close(c, cl))
		return false;
	for (k = o; k > sa && k + FRAGMENT_VERB_TOKENS > o; k--) {
		const token *t = &c->t[k - 1];
		if (!c->inq[k - 1] && t->kind != TK_QUOTE && !is_w(t) &&
		    t->kind != TK_NUM && !qt_apos_mark(c, k - 1))
			return false;
		if (!reporting_verb(c, k - 1))
			continue;
		if (qt_naming_use(c, k - 1, o))
			return false;
		return verb_subject(c, sa, first_conjunct(c, sa, k - 1), sp,
		                    last_speaker);
	}
	return false;
}

/* A verb at k that tells of its subject's words without reporting them
 * (WordNet's other communication verbs: "praised", "outlined",
 * "thanked"; not "said" or "believes", whose clause is what was said). */
static bool
narrative_verb(const actx *c, size_t k)
{
	int v = qt_lex(c, LEX_SPEECH, k, k + 1);

	return v >= 0 && (v & WNV_COMM) && !(v & (WNV_SPEECH | WNV_BELIEF)) &&
	       reporting_verb(c, k);
}

/*
 * A paragraph that opens with quote o..cl and names no speaker, after a
 * paragraph of one sentence, with no quote in it, whose first verb
 * reports what its subject says or makes of something ("Ada Finch
 * praised the plan.", "Tom Lee, the analyst, outlined how it works."):
 * that subject, when it is a person.  (After a paragraph that holds a
 * quote, continuation decides: not past a new speaker.)
 */
bool
qt_narrative_subject(actx *c, size_t o, size_t cl, speaker *sp,
                     int last_speaker)
{
	size_t e = o, sa, k;

	speaker_none(sp);
	if (cue_after_close(c, cl))
		return false;
	while (e > 0 && is_break_tok(&c->t[e - 1]))
		e--;
	if (e == 0 || e == o || !is_end_p(&c->t[e - 1]) ||
	    c->t[e - 1].para + 1 != c->t[o].para)
		return false;
	sa = sentence_start(c, e - 1);
	if (sa != para_start_tok(c, e - 1))
		return false;
	if (!qt_no_quote_in(c, sa, e))
		return false;
	for (k = sa; k + 1 < e; k++) {
		if (!is_w(&c->t[k]) || (c->t[k].flags & TF_CAP) ||
		    qt_pos_at(c, k) != QT_POS_VERB)
			continue;
		if (!narrative_verb(c, k) ||
		    !verb_subject(c, sa, k, sp, last_speaker))
			return false;
		/* (the last speaker again: continuation's) */
		return (sp->ent < 0 || sp->ent != last_speaker) &&
		       (sp->kind == SK_NAME || sp->kind == SK_ROLE ||
		        (sp->kind == SK_PRONOUN &&
		         (sp->gender == G_MALE || sp->gender == G_FEMALE)));
	}
	return false;
}
