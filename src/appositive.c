/*
 * appositive.c: attribution: what stands between a speaker phrase and its
 * cue, read forward: an appositive (", a doctor at the clinic,", with a
 * title in quote marks inside it), a parenthesis ("(D-Wis.)"), a name's
 * own clause (", Dan Bell stepped up ..."), and the nominal attributions
 * ("in the words of Ben Hale", "Ben Hale's statement").  Split from
 * speaker.c, which reads the speaker phrase itself.
 */
#include "appositive.h"
#include "attrib_int.h"
#include "speaker.h"

/* Is token k a finite verb after a subject: a common irregular past
 * ("gave", "met"), an auxiliary, or a lowercase word in -ed ("stepped",
 * "rallied")? */
bool
qt_finite_verb(const actx *c, size_t k)
{
	const token *t = &c->t[k];

	if (k >= c->n || !is_w(t) || (t->flags & TF_CAP) || c->inq[k])
		return false;
	return qt_past_verb(c, k) || word_is(c, k, W_AUX) ||
	       (t->end - t->start > 4 &&
	        memcmp(c->text + t->end - 2, "ed", 2) == 0);
}

/* Does a name and its verb follow the comma at i ("Here in Fargo, Dan
 * Bell stepped up his attacks, saying")?  A clause, no appositive. */
bool
qt_name_clause(const actx *c, size_t i)
{
	size_t k;

	for (k = i + 1; k < c->n && k < i + 5 && is_w(&c->t[k]) &&
	                (c->t[k].flags & TF_CAP) && !c->inq[k];
	     k++)
		;
	return k > i + 1 && qt_finite_verb(c, k);
}

/* The most tokens of a title in quote marks inside an appositive
 * ("author of \"The Salt Road,\""), marks included. */
#define APPOSITIVE_TITLE_TOKENS 10

/* A title in quote marks opening at k inside an appositive: a short
 * quoted span of words that opens with a capital, in one sentence
 * ("The Salt Road", "Low Tide"); the token of its closing mark, or k. */
size_t
qt_quoted_title_end(const actx *c, size_t k)
{
	size_t e;

	if (k + 2 >= c->n || c->t[k].kind != TK_QUOTE || !is_w(&c->t[k + 1]) ||
	    !(c->t[k + 1].flags & TF_CAP))
		return k;
	for (e = k + 1; e < c->n && e <= k + APPOSITIVE_TITLE_TOKENS; e++) {
		if (c->t[e].kind == TK_QUOTE)
			return e;
		if (is_break_tok(&c->t[e]) || c->t[e].sent != c->t[k].sent ||
		    (!is_w(&c->t[e]) && !is_p(&c->t[e], ',') &&
		     !qt_apos_mark(c, e) && !qt_inner_dot(c, e)))
			return k;
	}
	return k;
}

/* The opening mark of the title in quote marks that closes at e, read
 * back (APPOSITIVE_TITLE_TOKENS at most): it opens after a lowercase
 * word ("author of", "who wrote") or a comma, never a direct quote, and
 * qt_quoted_title_end() reads it forward to e again.  e when none. */
size_t
qt_quoted_title_open(const actx *c, size_t e)
{
	size_t k;

	if (e < 3 || e >= c->n || c->t[e].kind != TK_QUOTE)
		return e;
	for (k = e - 1; k > 0 && k + APPOSITIVE_TITLE_TOKENS > e; k--) {
		const token *p;
		if (c->t[k].kind != TK_QUOTE)
			continue;
		p = &c->t[k - 1];
		if (c->dirpre[e + 1] != c->dirpre[k] ||
		    qt_quoted_title_end(c, k) != e ||
		    c->t[k - 1].sent != c->t[e].sent ||
		    !(is_p(p, ',') || (is_w(p) && !(p->flags & TF_CAP))))
			return e;
		return k;
	}
	return e;
}

/* Skip an appositive ", a doctor at the clinic," forward from a comma at
 * i: returns the token after the closing comma, or i.  A title in quote
 * marks is part of it (", author of \"The Salt Road,\""; the closing
 * comma inside the marks). */
size_t
qt_skip_appositive(const actx *c, size_t i)
{
	size_t k, e;

	if (i >= c->n || !is_p(&c->t[i], ','))
		return i;
	for (k = i + 1; k < c->n && k <= i + 16; k++) {
		if (qt_inner_dot(c, k) || qt_apos_mark(c, k))
			continue;
		if (k > i + 1 && c->t[k].kind == TK_QUOTE &&
		    (e = qt_quoted_title_end(c, k)) > k) {
			if (is_p(&c->t[e - 1], ','))
				return e + 1;
			k = e;
			continue;
		}
		if (is_break_tok(&c->t[k]) || c->t[k].kind == TK_QUOTE ||
		    (c->t[k].kind == TK_PUNCT &&
		     (c->t[k].cp == '.' || c->t[k].cp == ';' ||
		      c->t[k].cp == ':')))
			return i;
		/* (a relative clause may hold a cue of its own: "Cruz,
		 * who has proposed repealing it, said") */
		if (qt_cue_at(c, k) >= 0 && !is_p(&c->t[k - 1], ',') &&
		    !qt_wh_relative(c, i + 1))
			return i;
		if (is_p(&c->t[k], ','))
			return k + 1;
	}
	return i;
}

/* Skip a parenthesis at i ("(D-Wis.)"): the token after it, or i. */
size_t
qt_skip_paren(const actx *c, size_t i)
{
	size_t k;

	if (i >= c->n || !is_p(&c->t[i], '('))
		return i;
	for (k = i + 1; k < c->n && k < i + 10; k++) {
		if (is_p(&c->t[k], ')'))
			return k + 1;
		if (is_break_tok(&c->t[k]) || c->t[k].kind == TK_QUOTE)
			break;
	}
	return i;
}

/*
 * A nominal attribution at j: "in the words of Ben Hale" (the cue is "in
 * the words of", *cue_end after it) or "in Ben Hale's words" (the cue is
 * "in ... words": *cue_end after "in").  The speaker phrase in sp, and
 * the token after the whole attribution; j when there is none.
 */
size_t
qt_nominal_attribution(actx *c, size_t j, size_t end, speaker *sp,
                       size_t *cue_end, int last_speaker)
{
	size_t m;

	if (!wordeq(c, j, "in") || j + 2 >= end)
		return j;
	if (j + 4 < end && wordeq(c, j + 1, "the") &&
	    wordeq(c, j + 2, "words") && wordeq(c, j + 3, "of")) {
		m = qt_parse_source(c, j + 4, sp, last_speaker);
		*cue_end = j + 4;
		return m > j + 4 && m <= end ? m : j;
	}
	m = qt_parse_speaker_fwd(c, j + 1, sp, last_speaker);
	if (m > j + 1 && m < end && sp->kind != SK_PRONOUN &&
	    sp->kind != SK_NONE && qt_possessive(c, m - 1) &&
	    wordeq(c, m, "words")) {
		*cue_end = j + 1;
		return m + 1;
	}
	return j;
}

/* A document noun after a possessive speaker phrase ending before m ("Ben
 * Hale's statement", "the union's letter"): the token after it, or m.
 * The possessor issued it and is the speaker. */
size_t
qt_possessor_document(const actx *c, size_t m, size_t end)
{
	if (m > 0 && m < end && qt_possessive(c, m - 1) &&
	    qt_doc_noun(c, m, WND_SINGULAR, CL_WRITTEN))
		return m + 1;
	return m;
}
