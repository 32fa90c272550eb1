/*
 * words.c: attribution, its lowest layer: word predicates over the tokens
 * (is this word a determiner, a preposition, a possessive, a
 * contraction?) and the cached lexicon lookup every later file uses.
 * Reads tokens, text and the language data; writes only the lookup cache
 * of the context.  The word classes are data: data/en/words.txt (closed
 * classes, W_*) and data/en/classes.txt (content words, CL_*).
 */
#include <stdlib.h>
#include <utf8proc.h>

#include "attrib_int.h"
#include "subject_int.h"

/*
 * The speech verbs generated from WordNet behind the hand list: a
 * lowercase word that cues.txt does not list is looked up in
 * wn-speech-verbs.txt and given the value a hand entry would have:
 * speech with a subject and a clause ("that" or a verb after it: no k);
 * -s forms present (p); forms neither past nor -s base (b); and CUE_WN,
 * which qt_cue_at() reads to ask for more context.  Belief verbs (t
 * only) are no speech cues.  Only lowercase words: "Cited" opening a
 * headline is no cue either way.
 */
static int
wn_cue(const actx *c, size_t a)
{
	int v;

	if (c->t[a].flags & TF_CAP)
		return -1;
	v = qt_lex(c, LEX_SPEECH, a, a + 1);
	if (v < 0 || !(v & WNV_SPEECH))
		return -1;
	if (v & WNV_PRESENT)
		return CUE_SPEECH | CUE_CLAUSE | CUE_PRESENT | CUE_WN;
	if (v & WNV_PAST)
		return CUE_SPEECH | CUE_CLAUSE | CUE_WN;
	return CUE_SPEECH | CUE_CLAUSE | CUE_BASE | CUE_WN;
}

/* qt_lex() (attrib_int.h) in full: the words that have no symbol, a
 * phrase, and a cue only WordNet's speech verbs know. */
int
qt_lex_at(const actx *c, int which, size_t a, size_t b)
{
	int32_t *slot;
	int v;

	if (a >= b || b > c->n)
		return -1;
	/* one word: its symbol's value */
	if (b == a + 1 && c->t[a].sym) {
		v = qt_sym_value(c->ld, c->t[a].sym, which);
		return v >= 0 || which != LEX_CUES ? v : wn_cue(c, a);
	}
	if (!c->lexc || b != a + 2 || which != LEX_CUES) {
		v = qt_lex_tokens(c->ld, which, c->text, c->t, a, b);
		return v >= 0 || which != LEX_CUES || b != a + 1 ? v
		                                                 : wn_cue(c, a);
	}
	/* a cue's two words: looked up once per token */
	slot = &c->lexc[a];
	if (*slot)
		return *slot - 2;
	v = qt_lex_tokens(c->ld, which, c->text, c->t, a, b);
	*slot = v + 2;
	return v;
}

/* The flags of word k in lexicon `which`, 0 when k is no word or not
 * listed.  Only a word written in ASCII matches: these classes were
 * compared byte for byte before they became data, and the fold would
 * let "can’t" match "can't" (a later change may want it to). */
int
qt_class_flags_at(const actx *c, int which, size_t k)
{
	const token *t;
	size_t m;
	int v;

	if (k >= c->n || c->t[k].kind != TK_WORD)
		return 0;
	v = qt_lex(c, which, k, k + 1);
	if (v <= 0)
		return 0;
	t = &c->t[k];
	if (t->sym)
		return (t->sym & SYM_NONASCII) ? 0 : v;
	for (m = t->start; m < t->end; m++)
		if ((unsigned char)c->text[m] >= 0x80)
			return 0;
	return v;
}

/* who, whose, which, where: a relative clause opens at token k. */
bool
qt_wh_relative(const actx *c, size_t k)
{
	return word_is(c, k, W_WH_RELATIVE);
}

/* Adverbs and auxiliaries allowed between a speaker and the cue. */
bool
qt_is_filler(const actx *c, size_t i)
{
	size_t n;

	if (i >= c->n || !is_w(&c->t[i]))
		return false;
	/* "Priebus later Thursday told Fox News" */
	if (c->t[i].flags & TF_CAP)
		return word_is(c, i, W_WEEKDAY);
	if (word_is(c, i, W_FILLER))
		return true;
	n = c->t[i].end - c->t[i].start;
	return n > 4 && strncmp(c->text + c->t[i].end - 2, "ly", 2) == 0;
}

/* Name particles inside a name: Ursula von der Leyen, Fouzia Al Hashish. */
bool
qt_is_particle(const actx *c, size_t i)
{
	return word_is(c, i, W_NAME_PARTICLE);
}

/* Does token i end in an apostrophe (' or ’) and `tail`, with a letter
 * before the apostrophe? */
bool
qt_apos_tail(const actx *c, size_t i, const char *tail)
{
	const token *p = &c->t[i];
	size_t tl = strlen(tail), n = p->end - p->start;

	/* (most words end otherwise: this runs for many tokens) */
	if (n < tl + 2 || c->text[p->end - 1] != tail[tl - 1] ||
	    memcmp(c->text + p->end - tl, tail, tl) != 0)
		return false;
	return c->text[p->end - tl - 1] == '\'' ||
	       (n >= tl + 4 &&
	        memcmp(c->text + p->end - tl - 3, "\xe2\x80\x99", 3) == 0);
}

/* Can word i end in an apostrophe and a tail of one or two bytes at
 * all (qt_apos_tail() of "s", "re", "ve", "ll", "d", "m"): is there a '
 * two or three bytes before its end, or the lead byte of ’ four or
 * five?  A test of four bytes instead of one qt_apos_tail() per tail for
 * the words that have none (nearly all). */
static bool
may_have_apos(const actx *c, size_t i)
{
	const token *t = &c->t[i];
	const char *e = c->text + t->end;
	size_t n = t->end - t->start;

	return (n >= 3 && e[-2] == '\'') || (n >= 4 && e[-3] == '\'') ||
	       (n >= 5 && e[-4] == '\xe2') || (n >= 6 && e[-5] == '\xe2');
}

/* The length of word i before its apostrophe (' or ’) and `tail`; the
 * caller has checked qt_apos_tail(). */
static size_t
apos_stem(const actx *c, size_t i, const char *tail)
{
	const token *t = &c->t[i];
	size_t tl = strlen(tail);

	return t->end - t->start - tl -
	       (c->text[t->end - tl - 1] == '\'' ? 1 : 3);
}

/* Does word i end in a contraction: I've, We're, I'm, I'd, I'll, and
 * "is" after a pronoun: It's, That's, There's? */
bool
qt_contraction(const actx *c, size_t i)
{
	static const char *const tail[] = {"ve", "re", "m", "d", "ll"};
	char stem[8];
	size_t k, n;
	int v;

	if (!may_have_apos(c, i))
		return false;
	for (k = 0; k < QUOTH_ARRAY_LEN(tail); k++)
		if (qt_apos_tail(c, i, tail[k]))
			return true;
	if (!qt_apos_tail(c, i, "s"))
		return false;
	n = apos_stem(c, i, "s");
	if (n == 0 || n >= sizeof(stem))
		return false;
	qt_ascii_lower(stem, c->text + c->t[i].start, n, QT_LOWER_ANY);
	v = qt_lexicon_get(c->ld->lex[LEX_WORDS], stem, n);
	return v >= 0 && (v & W_IS_CONTRACTION);
}

/* The pronoun flags of a subject pronoun contracted with its auxiliary
 * ("He's", "She’s", "They're", "We've"), or -1. */
int
qt_pronoun_contracted(const actx *c, size_t i)
{
	static const char *const tail[] = {"s", "re", "ve", "ll", "d", "m"};
	const token *t = &c->t[i];
	char stem[8];
	size_t k, n;
	int v;

	if (!may_have_apos(c, i))
		return -1;
	for (k = 0; k < QUOTH_ARRAY_LEN(tail); k++) {
		if (!qt_apos_tail(c, i, tail[k]))
			continue;
		n = apos_stem(c, i, tail[k]);
		if (n == 0 || n >= sizeof(stem))
			return -1;
		qt_ascii_lower(stem, c->text + t->start, n, QT_LOWER_ANY);
		v = qt_lexicon_get(c->ld->lex[LEX_PRONOUNS], stem, n);
		/* (only subjects: not "his's") */
		if (v < 0 || (v & (PRON_OBJECT | PRON_FIRST_SECOND)))
			return -1;
		return v;
	}
	return -1;
}

/* "He's", "she's": a person's pronoun and "has" or "is", no possessive. */
bool
qt_he_she_has(const actx *c, size_t i)
{
	int v = qt_pronoun_contracted(c, i);

	return v >= 0 && (v & (PRON_MALE | PRON_FEMALE)) &&
	       qt_apos_tail(c, i, "s");
}

/* Does word i end in a possessive 's (’s)?  (qt_apos_tail(c, i, "s")
 * written out: this runs for many tokens, most not ending in s.) */
bool
qt_possessive(const actx *c, size_t i)
{
	const token *t = &c->t[i];
	size_t n = t->end - t->start;

	if (!is_w(t) || n < 3 || c->text[t->end - 1] != 's')
		return false;
	return c->text[t->end - 2] == '\'' ||
	       (n >= 5 && memcmp(c->text + t->end - 4, "\xe2\x80\x99", 3) == 0);
}

/* Append token i's text to q without its format characters (a soft
 * hyphen or zero-width character inside a name: utf8proc's category
 * Cf), which do not show and would keep "Schwarzen\u00adegger" from
 * meeting "Schwarzenegger". */
static void
put_visible(qbuf *q, const char *s, size_t n)
{
	size_t k = 0, run = 0;

	while (k < n) {
		size_t l = 1;
		bool bad = false;
		if ((unsigned char)s[k] >= 0x80) {
			int32_t cp = qt_text_decode(s + k, n - k, &l, &bad);
			if (!bad &&
			    utf8proc_category(cp) == UTF8PROC_CATEGORY_CF) {
				qbuf_put_utf8(q, s + run, k - run);
				run = k + l;
			}
		}
		k += l ? l : 1;
	}
	qbuf_put_utf8(q, s + run, n - run);
}

char *
qt_span_text(const actx *c, size_t a, size_t b, size_t *len)
{
	qbuf q = {0};
	size_t i;

	for (i = a; i < b; i++) {
		if (i > a && (c->t[i].flags & TF_SPACE_BEFORE))
			qbuf_putc(&q, ' ');
		put_visible(&q, c->text + c->t[i].start,
		            c->t[i].end - c->t[i].start);
	}
	if (q.failed || !q.ptr) {
		qbuf_free(&q);
		return NULL;
	}
	/* drop a possessive 's */
	if (q.len > 2 && q.ptr[q.len - 1] == 's' && q.ptr[q.len - 2] == '\'')
		q.len -= 2;
	else if (q.len > 4 && q.ptr[q.len - 1] == 's' &&
	         memcmp(q.ptr + q.len - 4, "\xe2\x80\x99", 3) == 0)
		q.len -= 4;
	q.ptr[q.len] = '\0';
	*len = q.len;
	return q.ptr;
}

/* qt_span_text() into buf[0..cap) without a malloc, for the names
 * written in ASCII (nearly all; ASCII has no format character and no
 * invalid byte, so the text is the tokens' bytes as they are): true and
 * its length in *len when it fits, else false (the caller calls
 * qt_span_text()). */
bool
qt_span_text_into(const actx *c, size_t a, size_t b, char *buf, size_t cap,
                  size_t *len)
{
	size_t i, n = 0, k;

	for (i = a; i < b; i++) {
		const token *t = &c->t[i];
		size_t tn = t->end - t->start;
		if (i > a && (t->flags & TF_SPACE_BEFORE)) {
			if (n + 1 >= cap)
				return false;
			buf[n++] = ' ';
		}
		if (tn >= cap - n)
			return false;
		for (k = 0; k < tn; k++) {
			unsigned char ch = (unsigned char)c->text[t->start + k];
			if (ch >= 0x80)
				return false;
			buf[n + k] = (char)ch;
		}
		n += tn;
	}
	if (n == 0)
		return false;
	/* drop a possessive 's (an ASCII one: the text is ASCII) */
	if (n > 2 && buf[n - 1] == 's' && buf[n - 2] == '\'')
		n -= 2;
	buf[n] = '\0';
	*len = n;
	return true;
}

/* "who", "which", "whose": a relative clause, not an apposition ("Golden,
 * who had another son," says nothing of Golden's gender). */
bool
qt_rel_word(const actx *c, size_t k)
{
	return word_is(c, k, W_RELATIVE);
}

bool
qt_has_cap_word(const actx *c, size_t a, size_t b)
{
	size_t k;

	for (k = a; k < b; k++)
		if (is_w(&c->t[k]) && (c->t[k].flags & TF_CAP))
			return true;
	return false;
}

/* A dot inside a name or abbreviation ("Inc.", "e.GO"): glued to a word
 * before it and not ending the sentence. */
bool
qt_inner_dot(const actx *c, size_t k)
{
	return is_p(&c->t[k], '.') && k > 0 && is_w(&c->t[k - 1]) &&
	       !(c->t[k].flags & TF_SPACE_BEFORE) && k + 1 < c->n &&
	       c->t[k + 1].sent == c->t[k].sent;
}

/* An apostrophe the quote machine set aside ("girls' school"). */
bool
qt_apos_mark(const actx *c, size_t k)
{
	return c->t[k].kind == TK_QUOTE &&
	       (c->t[k].role == MR_APOS || c->t[k].role == MR_NONE) &&
	       !c->inq[k];
}

/* Words that open a described speaker: "the", "a", "some", "another". */
bool
qt_np_det(const actx *c, size_t k)
{
	return word_is(c, k, W_NP_DET);
}

/* Determiners and quantifiers that open a described group. */
bool
qt_group_det(const actx *c, size_t k)
{
	return word_is(c, k, W_GROUP_DET);
}

/* Is token k, after a possessive name, a group of that person's: "office",
 * "staff", "campaign", "team", "government", "lawyers", "administration"? */
bool
qt_person_group(const actx *c, size_t k)
{
	return k < c->n && is_w(&c->t[k]) && !(c->t[k].flags & TF_CAP) &&
	       class_is(c, k, CL_PERSON_GROUP);
}

/* Is token k a common irregular past tense, never part of a noun
 * phrase ("sent", "gave", "met")? */
bool
qt_past_verb(const actx *c, size_t k)
{
	return class_is(c, k, CL_PAST_VERB);
}

/* Is token k a number written as a word, two to twelve? */
bool
qt_number_word(const actx *c, size_t k)
{
	return word_is(c, k, W_NUMBER);
}

/* Does the word at k end a time counted back or on from another: "ago",
 * "later", "earlier" ("two weeks ago", "Minutes later")? */
bool
qt_relative_time_word(const actx *c, size_t k)
{
	return wordeq(c, k, "ago") || wordeq(c, k, "later") ||
	       wordeq(c, k, "earlier");
}

/* A form of "be" that makes a past form after it passive ("was asked",
 * "is widely described as", "I am told"). */
bool
qt_be_form(const actx *c, size_t k)
{
	static const char *const be[] = {"am",   "is", "are",  "was",
	                                 "were", "be", "been", "being"};
	size_t i;

	for (i = 0; i < QUOTH_ARRAY_LEN(be); i++)
		if (wordeq(c, k, be[i]))
			return true;
	return false;
}

/* A word that opens a subordinate clause: "when", "because". */
bool
qt_subordinator(const actx *c, size_t j)
{
	return word_is(c, j, W_SUBORDINATOR);
}

/* Are there at least `want` words in [a, b]?  Stops counting there. */
bool
qt_words_at_least(const actx *c, size_t a, size_t b, size_t want)
{
	size_t i, n = 0;

	for (i = a; i <= b && i < c->n && n < want; i++)
		if (c->t[i].kind == TK_WORD || c->t[i].kind == TK_NUM)
			n++;
	return n >= want;
}

/* Count words in [a, b]. */
size_t
qt_words_in(const actx *c, size_t a, size_t b)
{
	size_t i, n = 0;

	for (i = a; i <= b && i < c->n; i++)
		if (c->t[i].kind == TK_WORD || c->t[i].kind == TK_NUM)
			n++;
	return n;
}

bool
qt_is_prep(const actx *c, size_t k)
{
	return word_is(c, k, W_TIME_PREP);
}

/* he, she, it, they, we, I, there: a clause begins ("stated in July it
 * opposed the pipeline"). */
bool
qt_subject_pronoun(const actx *c, size_t k)
{
	return word_is(c, k, W_SUBJECT_PRONOUN);
}

bool
qt_wh_word(const actx *c, size_t k)
{
	return word_is(c, k, W_WH_WORD);
}

size_t
qt_tok_of(const actx *c, size_t byte_off)
{
	size_t lo = 0, hi = c->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (c->t[mid].start < byte_off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Does the lowercase word at k look like a verb: "-ed", "-s" (not
 * "-ss", "-ous", "-ics")? */
bool
qt_verb_like(const actx *c, size_t k)
{
	const char *w = c->text + c->t[k].start;
	size_t n = c->t[k].end - c->t[k].start;

	if (n < 3)
		return false;
	if ((w[n - 2] == 'e' && w[n - 1] == 'd') ||
	    (n > 4 && memcmp(w + n - 3, "ing", 3) == 0))
		return true;
	return w[n - 1] == 's' && w[n - 2] != 's' && w[n - 2] != 'u' &&
	       !(w[n - 2] == 'c' && w[n - 3] == 'i');
}

/* Are the tokens [a, b) a party and state tag after a legislator's name:
 * "R-Texas", "D-Ore.", "I-Vt", "R-S.C.", "D-New York" (one capital, a
 * hyphen, then capitalised words, dots and spaces)?  Such a tag is an
 * appositive, never a name. */
bool
qt_party_tag(const actx *c, size_t a, size_t b)
{
	const char *s;
	size_t n, i;

	if (a >= b || b > c->n)
		return false;
	s = c->text + c->t[a].start;
	n = c->t[b - 1].end - c->t[a].start;
	/* (the longest is a party and a two-word state, "D-New Hampshire") */
	if (n < 3 || n > 20 || !(s[0] == 'D' || s[0] == 'R' || s[0] == 'I') ||
	    s[1] != '-' || !(s[2] >= 'A' && s[2] <= 'Z'))
		return false;
	for (i = 3; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		      (s[i] >= 'A' && s[i] <= 'Z') || s[i] == '.' ||
		      (s[i] == ' ' && i + 1 < n && s[i + 1] >= 'A' &&
		       s[i + 1] <= 'Z')))
			return false;
	return true;
}

/* Is the word at h a plural noun for people: WordNet's plural person
 * nouns ("officials", "Critics" opening a sentence) or a group title? */
bool
qt_plural_person_at(const actx *c, size_t h)
{
	int v = qt_lex(c, LEX_PERSONS, h, h + 1);

	if (v > 0 && (v & WNP_PLURAL))
		return true;
	v = qt_lex(c, LEX_TITLES, h, h + 1);
	return v >= 0 && (v & TITLE_GROUP);
}

/* "Officials in the region", "Critics of the plan", "Aides to the mayor":
 * does a preposition at h follow a plural head at h - 1, a noun for
 * people, with no adjective between?  (Not a comparison: "people like
 * him", "more officials than ever".) */
bool
qt_plural_head_prep(const actx *c, size_t h)
{
	if (h == 0 || h + 1 >= c->n || c->inq[h] || c->inq[h + 1] ||
	    !word_is(c, h, W_OF_PREP) || wordeq(c, h, "than") ||
	    wordeq(c, h, "like") || wordeq(c, h, "unlike") ||
	    !is_w(&c->t[h + 1]))
		return false;
	return qt_plural_person_at(c, h - 1);
}
