/*
 * quote_cues.c: the cue words counted in the sentences that hold a quote
 * (quote_cues.h).
 */
#include "quote_cues.h"

#define FLAG(c) (1 << ((c) - 'a'))

/* Does token i count as a cue word for qt_cue_in_sentence()? */
static bool
is_cue_at(const cue_counts *cc, size_t i)
{
	const token *t = cc->t;
	size_t n = cc->n;
	int need = FLAG('s') | FLAG('n') | FLAG('a');

	/* (most tokens: a word no cue test can take, by its symbol alone,
	 * nor "according to" either) */
	return !qt_sym_no_cue(cc->ld, t, n, i) &&
	       (qt_cue_word(cc->text, t, i, cc->ld, need) ||
	        /* "according to" */
	        (t[i].kind == TK_WORD && i + 1 < n &&
	         t[i + 1].kind == TK_WORD &&
	         qt_lex_tokens(cc->ld, LEX_CUES, cc->text, t, i, i + 2) >= 0));
}

/* Make cc->pre[lo..hi] (hi <= n) valid: the stretch counted grows to
 * take them in, or, apart from it, a new one starts at lo. */
static void
cues_cover(cue_counts *cc, size_t lo, size_t hi)
{
	size_t i;

	if (cc->from > cc->to || lo > cc->to || hi < cc->from) {
		cc->from = cc->to = lo;
		cc->pre[lo] = 0;
	}
	for (i = cc->from; i > lo; i--)
		cc->pre[i - 1] = cc->pre[i] - (is_cue_at(cc, i - 1) ? 1 : 0);
	for (i = cc->to; i < hi; i++)
		cc->pre[i + 1] = cc->pre[i] + (is_cue_at(cc, i) ? 1 : 0);
	if (lo < cc->from)
		cc->from = lo;
	if (hi > cc->to)
		cc->to = hi;
}

/* (cc->pre[i] counts the cue words before token i, so this is a
 * difference of counts, not a scan: one long sentence with many quotes
 * stays linear) */
bool
qt_cue_in_sentence(const token_list *tl, cue_counts *cc, size_t qa, size_t qb)
{
	size_t lo, hi;
	const size_t *pre = cc->pre;

	if (qb >= tl->n)
		qb = tl->n - 1;
	lo = sent_first(tl, qa);
	hi = sent_last(tl, qb);

	if (hi < qb)
		hi = qb;
	cues_cover(cc, lo, hi + 1);
	return (pre[hi + 1] - pre[lo]) - (pre[qb + 1] - pre[qa]) > 0;
}
