/*
 * time_phrase.c: attribution, the time phrases that stand between a cue
 * and its reported clause ("said on Monday the pier", "said Monday, Oct.
 * 2, the plant", "said two weeks ago that").  The indirect pass
 * (indirect.c) skips them, and its listener rules look past them.  Reads
 * tokens and the time class of classes.txt.
 */
#include "time_phrase.h"
#include "attrib_int.h"
#include "tagger.h"

#include <ctype.h>

/* lowercase words between the article and the time noun of a time
 * phrase, "on the same day", "in the first full week" */
#define TIME_MODIFIERS 2

/* Is word k a time word written in the plural ("weeks", "months",
 * "years": classes.txt lists the singular)? */
static bool
plural_time_word(const actx *c, size_t k)
{
	char stem[16];
	size_t n;
	int v;

	if (!is_w(&c->t[k]) || (c->t[k].flags & TF_CAP))
		return false;
	n = c->t[k].end - c->t[k].start;
	if (n < 3 || n > sizeof(stem) || c->text[c->t[k].end - 1] != 's')
		return false;
	if (!qt_ascii_lower(stem, c->text + c->t[k].start, n - 1,
	                    QT_LOWER_ASCII))
		return false;
	v = qt_lexicon_get(c->ld->lex[LEX_CLASSES], stem, n - 1);
	return v >= 0 && (v & CL_TIME);
}

/* Is word k a time word after "mid-", "early-" or "late-" ("mid-March",
 * "early-morning", "mid-2020"): the part after the hyphen is in the
 * time class of classes.txt, or a year? */
static bool
prefixed_time_word(const actx *c, size_t k)
{
	static const char *const pre[] = {"mid-", "early-", "late-"};
	char stem[16];
	const char *s = c->text + c->t[k].start;
	size_t n = c->t[k].end - c->t[k].start, i, p;
	int v;

	/* (cheap first: a hyphen after three to five letters) */
	if (n < 7 || !(s[3] == '-' || s[5] == '-' || s[4] == '-') ||
	    !is_w(&c->t[k]) || (c->t[k].flags & TF_CAP))
		return false;
	for (i = 0; i < sizeof(pre) / sizeof(pre[0]); i++) {
		p = strlen(pre[i]);
		if (n - p > sizeof(stem) || memcmp(s, pre[i], p) != 0)
			continue;
		/* "mid-2020" */
		if (n - p == 4 && (s[p] == '1' || s[p] == '2') &&
		    isdigit((unsigned char)s[p + 1]) &&
		    isdigit((unsigned char)s[p + 2]) &&
		    isdigit((unsigned char)s[p + 3]))
			return true;
		if (!qt_ascii_lower(stem, s + p, n - p, QT_LOWER_ASCII))
			return false;
		v = qt_lexicon_get(c->ld->lex[LEX_CLASSES], stem, n - p);
		return v >= 0 && (v & CL_TIME);
	}
	return false;
}

/* A year after a preposition ("in 2019", "since 1998"): four digits
 * from 1000 to 2999. */
static bool
year_at(const actx *c, size_t k)
{
	const char *s = c->text + c->t[k].start;

	return k < c->n && c->t[k].kind == TK_NUM && !c->inq[k] &&
	       c->t[k].end - c->t[k].start == 4 && (s[0] == '1' || s[0] == '2');
}

/* A word of a time phrase at k: a day, month, part of the day
 * (classes.txt, CL_TIME; "may" only as "May"; "mid-March"), the dot of an
 * abbreviated month ("Sept."), or a number after one ("March 3",
 * "Sept. 4", "March 3, 2024" up to the comma). */
bool
qt_time_word(const actx *c, size_t k)
{
	if (k >= c->n || c->inq[k])
		return false;
	if (c->t[k].kind == TK_NUM)
		return k > 0 && (class_is(c, k - 1, CL_TIME) ||
		                 (k > 1 && is_p(&c->t[k - 1], '.') &&
		                  class_is(c, k - 2, CL_TIME)));
	if (is_p(&c->t[k], '.'))
		return k > 0 && class_is(c, k - 1, CL_TIME) &&
		       qt_inner_dot(c, k) && k + 1 < c->n &&
		       c->t[k + 1].kind == TK_NUM;
	if (!is_w(&c->t[k]))
		return false;
	if (class_is(c, k, CL_TIME))
		return !word_is(c, k, W_AUX) || (c->t[k].flags & TF_CAP);
	return prefixed_time_word(c, k);
}

/* The end of a time phrase counted back from "ago", "later" or
 * "earlier" ("two weeks ago", "a few days later", "months earlier"),
 * or k when there is none at k.  The words before it are a number or
 * a determiner and a time noun, one to three words in all. */
static size_t
relative_time_end(const actx *c, size_t k, size_t se)
{
	size_t m;
	bool unit = false;

	for (m = k; m < se && m < k + 4; m++) {
		if (c->inq[m])
			return k;
		if (m > k && qt_relative_time_word(c, m))
			break;
		if (c->t[m].kind == TK_NUM || qt_number_word(c, m) ||
		    (m == k && word_is(c, m, W_NP_DET)) ||
		    (m == k + 1 && wordeq(c, m, "few")))
			continue;
		if (!(qt_time_word(c, m) || plural_time_word(c, m)) ||
		    (c->t[m].flags & TF_CAP))
			return k;
		unit = true;
	}
	if (!unit || m >= se || m >= k + 4 || m == k)
		return k;
	return m + 1;
}

/* Is the word at k a time noun's modifier by the tagger's part of
 * speech: an adjective, an adverb or a number ("same", "next", "two"),
 * or a participle in -ing ("following")? */
static bool
time_modifier(const actx *c, size_t k)
{
	int pos = qt_pos_at(c, k);
	size_t n = c->t[k].end - c->t[k].start;

	return pos == QT_POS_ADJ || pos == QT_POS_ADV || pos == QT_POS_NUM ||
	       (pos == QT_POS_VERB && n > 5 &&
	        memcmp(c->text + c->t[k].end - 3, "ing", 3) == 0);
}

/* The time noun at k, or after one or two lowercase modifiers at k
 * ("same day", "following Monday", "first full week"): its token, or
 * QUOTH_NONE when there is none. */
static size_t
modified_time_noun(const actx *c, size_t k, size_t se)
{
	size_t m;

	for (m = k; m < se && m < k + TIME_MODIFIERS + 1; m++) {
		if (qt_time_word(c, m) && c->t[m].kind != TK_NUM)
			return m;
		/* (modifiers the tagger calls adjectives or adverbs: not
		 * "the prime minister's Dec. 28 meeting", "the letter
		 * Feb. 2") */
		if (!is_w(&c->t[m]) || (c->t[m].flags & TF_CAP) || c->inq[m] ||
		    word_is(c, m, W_AUX) || qt_cue_at(c, m) >= 0 ||
		    qt_is_prep(c, m) || qt_possessive(c, m) ||
		    !time_modifier(c, m))
			break;
	}
	return QUOTH_NONE;
}

/* Is word k "a.m." or "p.m." (dotted or not)? */
static bool
am_pm(const actx *c, size_t k)
{
	return wordeq(c, k, "a.m.") || wordeq(c, k, "p.m.") ||
	       wordeq(c, k, "a.m") || wordeq(c, k, "p.m") ||
	       wordeq(c, k, "am") || wordeq(c, k, "pm");
}

/* The end of a clock time after a preposition at k ("at 4 a.m.",
 * "around 8:40 p.m."), or k when there is none: numbers and colons,
 * then "a.m." or "p.m." (and its dot when it is a token of its own). */
static size_t
clock_time_end(const actx *c, size_t k, size_t se)
{
	size_t m = k + 1;

	if (!qt_is_prep(c, k) || m >= se || c->t[m].kind != TK_NUM)
		return k;
	while (m < se && (c->t[m].kind == TK_NUM || is_p(&c->t[m], ':')) &&
	       !c->inq[m])
		m++;
	if (m >= se || !am_pm(c, m))
		return k;
	m++;
	if (m < se && is_p(&c->t[m], '.') && !(c->t[m].flags & TF_SPACE_BEFORE))
		m++;
	return m;
}

/* Past a time phrase at the start of a reported clause ("said
 * Wednesday the bill was dead", "said on Monday night it", "said last
 * week that", "said over the weekend the", "said in 2019 the", "said
 * two weeks ago the"): what was said starts after it.  k itself when
 * there is none, or when the phrase is the clause's subject ("said last
 * year was the worst"). */
size_t
qt_time_phrase_end(const actx *c, size_t k, size_t se)
{
	size_t m = k, t;

	if (relative_time_end(c, k, se) > k)
		return relative_time_end(c, k, se);
	/* "on Wednesday", "last week", "earlier this week" */
	if (m + 2 < se && qt_is_prep(c, m) && qt_is_prep(c, m + 1) &&
	    qt_time_word(c, m + 2) && c->t[m + 2].kind != TK_NUM)
		m++;
	if (m + 1 < se && (qt_is_prep(c, m) || wordeq(c, m, "next")) &&
	    qt_time_word(c, m + 1) && c->t[m + 1].kind != TK_NUM)
		m++;
	/* "in 2019", "since 1998" */
	else if (m + 1 < se && qt_is_prep(c, m) && year_at(c, m + 1))
		return m + 2;
	/* "in late 2021", "in early 2019" */
	else if (m + 2 < se && qt_is_prep(c, m) &&
	         (wordeq(c, m + 1, "late") || wordeq(c, m + 1, "early")) &&
	         year_at(c, m + 2))
		return m + 3;
	/* "over the weekend", "during the night", "in the morning", "on
	 * the same day", "on the following Monday" */
	else if (m + 2 < se && qt_is_prep(c, m) &&
	         word_is(c, m + 1, W_ARTICLE) &&
	         modified_time_noun(c, m + 2, se) != QUOTH_NONE)
		m = modified_time_noun(c, m + 2, se);
	/* "said the same day the", "said the next morning it" */
	else if (m + 2 < se && word_is(c, m, W_ARTICLE) &&
	         !qt_time_word(c, m + 1) &&
	         modified_time_noun(c, m + 1, se) != QUOTH_NONE)
		m = modified_time_noun(c, m + 1, se);
	t = clock_time_end(c, m, se);
	if (t > m)
		m = t;
	else if (!qt_time_word(c, m) || c->t[m].kind == TK_NUM)
		return k;
	while (m < se && qt_time_word(c, m))
		m++;
	/* "on the morning of March 4", "the night of Dec. 3" */
	if (m + 1 < se && m > k && wordeq(c, m, "of") &&
	    qt_time_word(c, m + 1) && c->t[m + 1].kind != TK_NUM)
		while (++m < se && qt_time_word(c, m))
			;
	/* "Sept. 12, 2019": the year after the date's comma */
	if (m + 1 < se && m > k && c->t[m - 1].kind == TK_NUM &&
	    is_p(&c->t[m], ',') && year_at(c, m + 1))
		m += 2;
	return m;
}

/* Is word m a common noun in the possessive before its head ("morning's
 * vote", "night's game"), not a name's ("Ohio's") nor a pronoun with
 * "is" ("he's a step closer", "that's the")? */
static bool
time_possessive(const actx *c, size_t m, size_t se)
{
	return m + 1 < se && is_w(&c->t[m]) && !(c->t[m].flags & TF_CAP) &&
	       qt_possessive(c, m) && qt_pronoun_contracted(c, m) < 0 &&
	       is_w(&c->t[m + 1]) && !word_is(c, m + 1, W_NP_DET) &&
	       !word_is(c, m + 1, W_AUX);
}

size_t
qt_skip_time_phrase(const actx *c, size_t k, size_t se)
{
	size_t m = qt_time_phrase_end(c, k, se);

	/* "said Tuesday morning's vote was a sham": a time word in the
	 * possessive, or a day before one ("morning's", not a name's:
	 * "said Tuesday Ohio's vote"), is the clause's subject, not when
	 * it was said */
	if (m > k && (qt_possessive(c, m - 1) || time_possessive(c, m, se)))
		return k;
	/* "said Sept. 12, 2019, the deal": the comma after the year */
	if (m > k && m + 1 < se && is_p(&c->t[m], ',') && year_at(c, m - 1))
		m++;
	/* "said Monday, Oct. 2, the plant": the date after the day */
	else if (m > k && m + 1 < se && is_p(&c->t[m], ',') &&
	         qt_time_phrase_end(c, m + 1, se) > m + 1 &&
	         qt_time_phrase_end(c, m + 1, se) < se &&
	         is_p(&c->t[qt_time_phrase_end(c, m + 1, se)], ','))
		m = qt_time_phrase_end(c, m + 1, se);
	/* "said Friday, the vote was close", "said on Monday, she would":
	 * the comma after the time, and the clause's own subject */
	if (m > k && m + 1 < se && is_p(&c->t[m], ',') &&
	    (word_is(c, m + 1, W_NP_DET) || qt_subject_pronoun(c, m + 1)))
		m++;
	if (m == k || m >= se || word_is(c, m, W_AUX) || is_p(&c->t[m], ',') ||
	    !qt_words_at_least(c, m, se, 3))
		return k;
	return m;
}
