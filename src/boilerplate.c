/*
 * boilerplate.c: the parts of a news page that are not the story's
 * sentences: datelines ("WASHINGTON (AP) --"), photo captions and
 * credits, link labels ("READ MORE:"), video blurbs and headlines in
 * title case.  The quote stage drops the quotes in them, attribution
 * names no speaker from them.  Reads tokens; writes nothing.
 */
#include <stdlib.h>

#include "attrib_int.h"

bool
qt_label_line(const char *text, const token *t, size_t n, size_t pa)
{
	/* the labels of link lines; datelines ("TOKYO:") are not among
	 * them */
	static const char *const labels[] = {
	        "READ",   "WATCH",       "LISTEN",   "RELATED",   "MORE",
	        "PHOTOS", "PHOTO",       "VIDEO",    "SEE",       "ALSO",
	        "CLICK",  "RECOMMENDED", "TRENDING", "SUBSCRIBE", "SIGN"};
	size_t i, k;
	bool known = false;

	for (i = pa; i < n && i < pa + 4; i++) {
		if (t[i].kind == TK_PUNCT && t[i].cp == ':')
			return i > pa && known;
		if (t[i].kind != TK_WORD || !(t[i].flags & TF_ALLCAP))
			return false;
		for (k = 0; k < QUOTH_ARRAY_LEN(labels); k++)
			if (i == pa &&
			    t[i].end - t[i].start == strlen(labels[k]) &&
			    memcmp(text + t[i].start, labels[k],
			           strlen(labels[k])) == 0)
				known = true;
	}
	return false;
}

bool
qt_caption_para(const token *t, size_t pa, size_t pb)
{
	size_t k;
	bool slash = false;

	/* the paragraph ends with ")" and a "(" a few tokens back, with a
	 * slash between: "(Adrian Wyld/Canadian Press)" */
	if (pb == pa || t[pb - 1].kind != TK_PUNCT || t[pb - 1].cp != ')')
		return false;
	for (k = pb - 1; k > pa && pb - k < 12; k--) {
		if (t[k - 1].kind == TK_PUNCT && t[k - 1].cp == '/')
			slash = true;
		if (t[k - 1].kind == TK_PUNCT && t[k - 1].cp == '(')
			return slash;
	}
	return false;
}

/* Is token i in a dateline that opens its paragraph: "WASHINGTON (AP)
 * --", "BEIRUT --", "ORLANDO, Fla. (UPI) --": a word in capitals, then
 * capitalised words up to a parenthesis or a dash? */
bool
qt_dateline(const actx *c, size_t i)
{
	size_t p = i, k;

	while (p > 0 && i - p < 6 && !is_break_tok(&c->t[p - 1]))
		p--;
	/* (a place in capitals, or capitalised before an agency:
	 * "Washington (AFP) –") */
	if ((p > 0 && !is_break_tok(&c->t[p - 1])) ||
	    !(c->t[p].flags & (TF_ALLCAP | TF_CAP)))
		return false;
	for (k = p; k < c->n && k < p + 8; k++) {
		const token *t = &c->t[k];
		if ((is_w(t) && (t->flags & (TF_ALLCAP | TF_CAP))) ||
		    t->kind == TK_NUM || is_p(t, ',') || is_p(t, '.'))
			continue; /* ("WASHINGTON, Dec. 8") */
		if (is_p(t, '(')) {
			/* "(AP) --", "(Reuters) -": the agency is part of
			 * it (one capitalised word, then the dash; not "Sen.
			 * Ted Cruz (R-Texas) said") */
			return k + 3 < c->n && is_w(&c->t[k + 1]) &&
			       (c->t[k + 1].flags & (TF_ALLCAP | TF_CAP)) &&
			       is_p(&c->t[k + 2], ')') &&
			       is_dash(&c->t[k + 3]) && i <= k + 2;
		}
		return i < k && is_dash(t) && (c->t[p].flags & TF_ALLCAP);
	}
	return false;
}

/*
 * Is the capitalised run [a, b) a piece of a headline in title case
 * ("Christie Is Over Marco Rubio", "Obama Says It Will ...")?  A
 * function word or a present-tense cue written with a capital inside the
 * run never belongs to a name; its words cannot be told apart into names.
 */
bool
qt_headline_run(const actx *c, size_t a, size_t b)
{
	size_t k;

	for (k = a + 1; k < b; k++) {
		int v;
		/* (all in capitals, "NOT" and "OVER" are just words) */
		if (!is_w(&c->t[k]) || !(c->t[k].flags & TF_CAP) ||
		    (c->t[k].flags & TF_ALLCAP))
			continue;
		if (word_is(c, k, W_HEADLINE_WORD))
			return true;
		v = qt_lex(c, LEX_CUES, k, k + 1);
		if (v >= 0 && (v & CUE_PRESENT))
			return true;
	}
	return false;
}

/* Does paragraph [pa, pb) look like a photo caption: a credit at its end
 * ("(Jane Roe/Daily News)", "( THE CANADIAN PRESS FILE PHOTO )") or at its
 * start ("Jane Roe / The Daily News Tom Hardy, right, ...")? */
bool
qt_photo_para(const actx *c, size_t pa, size_t pb)
{
	size_t k;

	if (pb <= pa)
		return false;
	if (qt_caption_para(c->t, pa, pb))
		return true;
	if (is_p(&c->t[pb - 1], ')'))
		for (k = pb - 1; k > pa && pb - k < 12; k--) {
			if (is_p(&c->t[k - 1], '('))
				break;
			if (wordeq(c, k - 1, "photo"))
				return true;
		}
	/* a video's blurb, ending in its running time: "... 10:43" */
	if (pb >= pa + 2 && c->t[pb - 1].kind == TK_NUM &&
	    memchr(c->text + c->t[pb - 1].start, ':',
	           c->t[pb - 1].end - c->t[pb - 1].start) &&
	    is_p(&c->t[pb - 2], '.'))
		return true;
	if (pb >= pa + 4 && c->t[pb - 1].kind == TK_NUM &&
	    is_p(&c->t[pb - 2], ':') && c->t[pb - 3].kind == TK_NUM &&
	    !(c->t[pb - 2].flags & TF_SPACE_BEFORE) &&
	    !(c->t[pb - 1].flags & TF_SPACE_BEFORE) && is_p(&c->t[pb - 4], '.'))
		return true;
	/* a credit without brackets ending it: "... Jane Roe/THE DAILY
	 * NEWS" (capitalised words after the slash up to the end) */
	for (k = pb; k > pa + 1 && pb - k < 8 && is_w(&c->t[k - 1]) &&
	             (c->t[k - 1].flags & TF_CAP);
	     k--)
		;
	if (k < pb && k > pa + 1 && is_p(&c->t[k - 1], '/') &&
	    is_w(&c->t[k - 2]) && (c->t[k - 2].flags & TF_CAP))
		return true;
	/* two or three capitalised words, then a slash */
	for (k = pa;
	     k < pb && k < pa + 3 && is_w(&c->t[k]) && (c->t[k].flags & TF_CAP);
	     k++)
		;
	return k >= pa + 2 && k < pb && is_p(&c->t[k], '/');
}
