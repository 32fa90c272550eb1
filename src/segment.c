/*
 * segment.c: sentence boundaries.
 *
 * A sentence ends at . ! ? or … (with any closing quote marks and
 * brackets that follow it) when the next token could start a sentence
 * (a capital, a digit, an opening quote mark) and the word before a dot
 * is not an abbreviation from data/<lang>/abbrev.txt or an initial
 * ("J. Smith").  Abbreviations flagged `e` (etc., a.m.) and initialisms
 * that swallowed their dot (U.S.) end a sentence only before a word that
 * never starts a name (The, But, He), and not before a weekday or a date
 * that goes on with the clause ("at 4 p.m. Monday", "the U.S. March 3").
 * Paragraph breaks always end one.
 */
#include <stdlib.h>
#include <string.h>

#include "segment.h"

static inline bool
is_end_punct(const token *t)
{
	return t->kind == TK_PUNCT &&
	       (t->cp == '.' || t->cp == '!' || t->cp == '?' ||
	        t->cp == 0x2026 || t->cp == 0x203C || t->cp == 0x2049);
}

/* A quote mark glued to the word before it and followed by space or
 * end of paragraph: it closes, so it stays in this sentence. */
static bool
is_trailing_mark(const token *t)
{
	return (t->kind == TK_QUOTE && !(t->flags & TF_SPACE_BEFORE)) ||
	       (t->kind == TK_PUNCT &&
	        (t->cp == ')' || t->cp == ']' || t->cp == 0x2019));
}

static bool
can_start_sentence(const token *t)
{
	if (t->kind == TK_WORD)
		return (t->flags & TF_CAP) != 0;
	if (t->kind == TK_NUM || t->kind == TK_QUOTE)
		return true;
	if (t->kind == TK_PUNCT)
		return t->cp == '(' || t->cp == '[' || t->cp == 0x2014 ||
		       t->cp == '-';
	return false;
}

/* Is the word before the dot at index `dot` an abbreviation?  Returns
 * 0 (no), 1 (never ends a sentence), 2 (ends one before a non-name). */
static int
abbrev_kind(const char *text, const token *t, size_t dot, const lang_data *ld)
{
	const token *w;
	int v;

	if (dot == 0)
		return 0;
	w = &t[dot - 1];
	if (w->kind != TK_WORD || (t[dot].flags & TF_SPACE_BEFORE))
		return 0;
	/* an initial: one capital letter */
	if (w->end - w->start == 1 && (w->flags & TF_CAP))
		return 1;
	v = qt_lex_tokens(ld, LEX_ABBREV, text, t, dot - 1, dot + 1);
	if (v < 0)
		return 0;
	return (v & FLAG('e')) ? 2 : 1;
}

static bool
is_nonname_start(const char *text, const token *t, size_t i,
                 const lang_data *ld)
{
	if (t[i].kind != TK_WORD || !(t[i].flags & TF_CAP))
		return t[i].kind == TK_QUOTE;
	return qt_lex_tokens(ld, LEX_NONNAMES, text, t, i, i + 1) >= 0 ||
	       qt_lex_tokens(ld, LEX_PRONOUNS, text, t, i, i + 1) >= 0;
}

/* After an abbreviation, does the capital at i go on with the clause:
 * a weekday ("at 4 p.m. Monday the board") or a time word before a
 * number ("at 9 a.m. March 3")? */
static bool
is_time_after_abbrev(const char *text, const token *t, size_t n, size_t i,
                     const lang_data *ld)
{
	int v;

	if (t[i].kind != TK_WORD)
		return false;
	v = qt_lex_tokens(ld, LEX_WORDS, text, t, i, i + 1);
	if (v >= 0 && (v & W_WEEKDAY))
		return true;
	v = qt_lex_tokens(ld, LEX_CLASSES, text, t, i, i + 1);
	return v >= 0 && (v & CL_TIME) && i + 1 < n && t[i + 1].kind == TK_NUM;
}

/* Could token t end a sentence?  (false: surely not, the most tokens:
 * words without a swallowed dot, numbers, quote marks, line breaks) */
static inline bool
may_end(const token *t)
{
	return t->kind == TK_PUNCT || t->kind == TK_PARA ||
	       (t->flags & TF_DOT_END);
}

/* The sentence and paragraph tables: one pass over the tokens, whose
 * sentence and paragraph numbers never go down (the tokenizer counts
 * paragraphs, qt_segment() sentences, up only), so that the first token
 * of each is the one where its number changes. */
static bool
tables(token_list *tl, size_t nsent)
{
	size_t i, np = tl->nparas ? tl->nparas : 1;
	token *t = tl->t;

	free(tl->sfirst);
	free(tl->slast);
	free(tl->pfirst);
	tl->sfirst = calloc(nsent ? nsent : 1, sizeof(size_t));
	tl->slast = calloc(nsent ? nsent : 1, sizeof(size_t));
	tl->pfirst = calloc(np + 1, sizeof(size_t));
	tl->nsent = nsent;
	if (!tl->sfirst || !tl->slast || !tl->pfirst)
		return false;
	for (i = 0; i < tl->n; i++) {
		uint32_t s = t[i].sent, p = t[i].para;

		if (i == 0 || s != t[i - 1].sent)
			tl->sfirst[s] = i;
		if ((i == 0 || p != t[i - 1].para) && p <= np)
			tl->pfirst[p] = i;
		if (t[i].kind != TK_PARA || tl->sfirst[s] == i)
			tl->slast[s] = i;
	}
	return true;
}

bool
qt_segment(const char *text, token_list *tl, const lang_data *ld)
{
	token *t = tl->t;
	size_t n = tl->n, i, sent = 0;

	for (i = 0; i < n; i++) {
		size_t j, next;
		int ab;
		bool ends;

		t[i].sent = (uint32_t)sent;
		if (!may_end(&t[i]))
			continue;
		if (t[i].kind == TK_PARA) {
			sent++;
			continue;
		}
		if (t[i].kind == TK_WORD && (t[i].flags & TF_DOT_END) &&
		    i + 1 < n && t[i + 1].kind == TK_WORD &&
		    is_nonname_start(text, t, i + 1, ld) &&
		    !is_time_after_abbrev(text, t, n, i + 1, ld)) {
			sent++;
			continue;
		}
		if (!is_end_punct(&t[i]))
			continue;
		/* gather the run of end punctuation and closing marks */
		j = i + 1;
		while (j < n &&
		       (is_end_punct(&t[j]) || is_trailing_mark(&t[j])))
			j++;
		next = j;
		ab = t[i].cp == '.' ? abbrev_kind(text, t, i, ld) : 0;
		ends = !(next < n && t[next].kind != TK_PARA &&
		         t[next].kind != TK_NEWLINE &&
		         !can_start_sentence(&t[next])) &&
		       /* "3.5", "Yahoo!Inc" */
		       !(next < n && !(t[next].flags & TF_SPACE_BEFORE) &&
		         t[next].kind != TK_PARA &&
		         t[next].kind != TK_NEWLINE) &&
		       ab != 1 &&
		       !(ab == 2 && next < n &&
		         (!is_nonname_start(text, t, next, ld) ||
		          is_time_after_abbrev(text, t, n, next, ld)));
		/* the whole run belongs to this sentence; it is not looked at
		 * again token by token (a run of 40,000 '!' stays linear) */
		for (i = i + 1; i < next; i++)
			t[i].sent = (uint32_t)sent;
		i = next - 1;
		if (ends && next < n && t[next].kind != TK_PARA)
			sent++;
	}
	return tables(tl, n ? sent + 1 : 0);
}
