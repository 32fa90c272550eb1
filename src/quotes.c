/*
 * quotes.c: the quote state machine.
 *
 * Each paragraph is scanned once, left to right, with a stack of open
 * marks.  A mark's role comes from its shape in context:
 *
 *   L = white space, an opening bracket or dash, or the paragraph start
 *       before the mark;  R = white space, closing punctuation or the
 *       paragraph end after it.
 *
 *   mark shape     stack has an open mark       nothing open
 *                  of the same level
 *   ------------   ---------------------------  -------------------------
 *   L and not R    push (nested)                push (open)
 *   R and not L    pop to it (close)            level 1: stray, ignored
 *                                               level 2: apostrophe
 *   both / neither pop to it (close)            push (open)
 *
 *   A mark that may only open („ 「) always pushes; one that may only
 *   close (」) never does.  “ closes an open „ (German style).
 *   Closing a level-1 mark pops any level-2 marks left open inside it:
 *   those were apostrophes after all.
 *
 *   At the paragraph end:
 *   - the outermost open level-1 mark ends its quote at the paragraph
 *     end, unless the next paragraph starts with an opening mark of the
 *     same level: then the quote goes on as a new part (the newsroom
 *     multi-paragraph quote: each paragraph re-opens, the last closes);
 *   - an outermost open level-2 mark goes on the same way, and is
 *     otherwise an apostrophe ('em, 'cause) and no quote at all.
 *
 * Then each quote is typed: DIRECT when it stands as a clause of its own
 * (it starts the paragraph or follows sentence punctuation, a colon, a
 * comma or a dash, and ends the sentence or meets its cue), PARTIAL when
 * it is a fragment inside the writer's sentence, and dropped when it is a
 * scare quote, a title, a term or a nickname (a short fragment with no
 * speech cue in its sentence, or one led in by "so-called", "dubbed",
 * "the film" and the like from data/<lang>/scare.txt).
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "private.h"
#include "quote_cues.h"

#define FLAG(c) (1 << ((c) - 'a'))

typedef struct {
	size_t tok;
	uint8_t level;
} open_mark;

/* A top-level quoted span found in one paragraph. */
typedef struct {
	size_t open, close; /* token indices; close QUOTH_NONE if unclosed */
	size_t last;        /* last token of the span */
	uint32_t para;
	uint8_t level;
	bool nested; /* a double pair inside the closed single quote before
	              * it: a quote only if that one is none (see below) */
} raw_span;

static bool
is_open_punct(const token *t)
{
	return t->kind == TK_PUNCT &&
	       (t->cp == '(' || t->cp == '[' || t->cp == '{' ||
	        t->cp == 0x2014 || t->cp == 0x2013 || t->cp == '-' ||
	        t->cp == '/' || t->cp == ':' || t->cp == 0x2026);
}

static bool
is_close_punct(const token *t)
{
	return t->kind == TK_PUNCT &&
	       (t->cp == ')' || t->cp == ']' || t->cp == '}' || t->cp == ',' ||
	        t->cp == '.' || t->cp == ';' || t->cp == ':' || t->cp == '!' ||
	        t->cp == '?' || t->cp == 0x2014 || t->cp == 0x2013 ||
	        t->cp == '-' || t->cp == 0x2026);
}

static bool
is_break(const token *t)
{
	return t->kind == TK_PARA || t->kind == TK_NEWLINE;
}

/* Shape of the mark at i within paragraph tokens [pa, pb). */
static void
mark_shape(const token *t, size_t i, size_t pa, size_t pb, bool *L, bool *R)
{
	const token *prev = i > pa ? &t[i - 1] : NULL;
	const token *next = i + 1 < pb ? &t[i + 1] : NULL;

	*L = !prev || (t[i].flags & TF_SPACE_BEFORE) || is_break(prev) ||
	     is_open_punct(prev) ||
	     (prev->kind == TK_QUOTE && prev->role == MR_OPEN);
	*R = !next || (t[i].flags & TF_SPACE_AFTER) || is_break(next) ||
	     is_close_punct(next) || next->kind == TK_QUOTE;
}

/* The stack of open marks for one paragraph, and the level-1 pairs closed
 * directly inside the outermost mark (see flush()). */
typedef struct {
	open_mark *m;
	size_t n;
	size_t max;
	qvec inner; /* raw_span */
} mark_stack;

static ptrdiff_t
find_level(const mark_stack *st, uint8_t level)
{
	size_t k = st->n;

	while (k-- > 0)
		if (st->m[k].level == level)
			return (ptrdiff_t)k;
	return -1;
}

static bool
add_span(qvec *spans, const token *t, size_t open, size_t close, size_t last)
{
	raw_span *s = qvec_push(spans);

	if (!s)
		return false;
	s->open = open;
	s->close = close;
	s->last = last;
	s->para = t[open].para;
	s->level = qt_quote_marks[t[open].mark].level;
	s->nested = false;
	return true;
}

/*
 * The outermost mark is still open where its paragraph (or line) ends:
 * record it as an unclosed span ending at token `last`.  One exception:
 * a straight " left open around properly closed curly pairs (a stray
 * mark wrapping a paragraph: `"Trump said “No.” Then...`) was no quote
 * mark at all, and the inner pairs are the quotes; so was a single quote
 * left open around closed double pairs.
 */
static bool
flush(mark_stack *st, token *t, size_t last, qvec *spans)
{
	size_t i;
	bool stray;

	if (st->n == 0)
		return true;
	for (i = 1; i < st->n; i++)
		t[st->m[i].tok].role = st->m[i].level == 2 ? MR_APOS : MR_NONE;
	/* an open single quote around closed pairs was an apostrophe
	 * (in ‘08); an open straight " around curly pairs a stray mark */
	stray = st->inner.len > 0;
	for (i = 0; stray && st->m[0].level == 1 && i < st->inner.len; i++) {
		raw_span *in = QVEC_AT(&st->inner, raw_span, i);
		if (t[in->open].cp == t[st->m[0].tok].cp)
			stray = false;
	}
	if (stray) {
		t[st->m[0].tok].role = MR_NONE;
		for (i = 0; i < st->inner.len; i++) {
			raw_span *in = QVEC_AT(&st->inner, raw_span, i);
			if (!add_span(spans, t, in->open, in->close, in->close))
				return false;
		}
	} else if (!add_span(spans, t, st->m[0].tok, QUOTH_NONE, last)) {
		return false;
	}
	st->n = 0;
	st->inner.len = 0;
	return true;
}

/* A single quote closed around double pairs ('"We will win," Ana Ruiz
 * said.'): the pairs follow its span, marked nested, in case the single
 * quote turns out to be no quote (a paragraph wrapped in single marks). */
static bool
add_nested(qvec *spans, const token *t, const qvec *inner)
{
	size_t i;

	for (i = 0; i < inner->len; i++) {
		const raw_span *in = QVEC_AT(inner, raw_span, i);
		if (!add_span(spans, t, in->open, in->close, in->close))
			return false;
		QVEC_AT(spans, raw_span, spans->len - 1)->nested = true;
	}
	return true;
}

/* Run the state machine over paragraph [pa, pb); append top-level spans. */
static bool
scan_paragraph(token *t, size_t pa, size_t pb, mark_stack *st, qvec *spans,
               quoth_result *r)
{
	size_t i;

	st->n = 0;
	st->inner.len = 0;
	for (i = pa; i < pb; i++) {
		const quote_mark *qm;
		bool L, R, want_open, want_close;
		ptrdiff_t k;

		if (t[i].kind == TK_NEWLINE) {
			/* a line re-opening the open quote continues it as a
			 * new part, as a paragraph would */
			bool L2, R2;
			if (st->n == 0 || i + 1 >= pb ||
			    t[i + 1].kind != TK_QUOTE ||
			    qt_quote_marks[t[i + 1].mark].level !=
			            st->m[0].level)
				continue;
			mark_shape(t, i + 1, pa, pb, &L2, &R2);
			if (L2 && !R2 && !flush(st, t, i - 1, spans))
				return false;
			continue;
		}
		if (t[i].kind != TK_QUOTE)
			continue;
		qm = &qt_quote_marks[t[i].mark];
		mark_shape(t, i, pa, pb, &L, &R);
		k = find_level(st, qm->level);
		if (qm->level == 2 && k >= 0 && k + 1 != (ptrdiff_t)st->n)
			k = -1; /* a single quote closes only the innermost */
		if (!qm->close_ok) {
			want_open = true;
			want_close = false;
		} else if (!qm->open_ok) {
			want_open = false;
			want_close = k >= 0;
		} else if (L && !R) {
			want_open = true;
			want_close = false;
			/* “ after an open „ closes it (German style) */
			if (t[i].cp == 0x201C && k >= 0 &&
			    t[st->m[k].tok].cp == 0x201E) {
				want_open = false;
				want_close = true;
			}
		} else if (R && !L) {
			want_open = false;
			want_close = k >= 0;
		} else {
			want_close = k >= 0;
			want_open = !want_close;
			/* a lone curly closer with nothing open is no opener */
			if (want_open &&
			    (t[i].cp == 0x2019 || t[i].cp == 0x201D) && !L)
				want_open = false;
		}
		/* A closer of the other level right after the open
		 * quote's last punctuation closes it: '"We will stay,'
		 * Ana Ruiz said' and "'We will stay," she said' are a
		 * writer's slip, as “Shorty." is (no apostrophe follows a
		 * comma or a stop) */
		if (!want_close && R && !L && k < 0 && st->n > 0 &&
		    qm->close_ok && st->m[st->n - 1].level != qm->level &&
		    i > pa && t[i - 1].kind == TK_PUNCT &&
		    (t[i - 1].cp == ',' || t[i - 1].cp == '.' ||
		     t[i - 1].cp == '!' || t[i - 1].cp == '?')) {
			k = (ptrdiff_t)st->n - 1;
			want_close = true;
			want_open = false;
		}
		/* A new sentence opening a double quote while one is still
		 * open: the first was never closed (a writer's slip); end it
		 * here rather than nest. */
		if (want_open && !want_close && qm->level == 1 && st->n == 1 &&
		    st->m[0].level == 1 && i > pa &&
		    t[i - 1].kind == TK_PUNCT &&
		    (t[i - 1].cp == '.' || t[i - 1].cp == '!' ||
		     t[i - 1].cp == '?') &&
		    st->inner.len == 0) {
			if (!flush(st, t, i - 1, spans))
				return false;
			k = -1;
		}
		if (want_close) {
			size_t j;
			/* marks left open inside were apostrophes */
			for (j = (size_t)k + 1; j < st->n; j++)
				t[st->m[j].tok].role = MR_APOS;
			st->n = (size_t)k;
			t[i].role = MR_CLOSE;
			if (st->n == 0) {
				if (!add_span(spans, t, st->m[0].tok, i, i) ||
				    (st->m[0].level == 2 &&
				     !add_nested(spans, t, &st->inner)))
					return false;
				st->inner.len = 0;
			} else if (st->n == 1 && qm->level == 1) {
				raw_span *in = qvec_push(&st->inner);
				if (!in)
					return false;
				in->open = st->m[1].tok;
				in->close = i;
			}
		} else if (want_open) {
			if (st->n == st->max) {
				qt_result_warn(r, QUOTH_WARN_DEPTH, t[i].start);
				t[i].role = MR_NONE;
				continue;
			}
			st->m[st->n].tok = i;
			st->m[st->n].level = qm->level;
			st->n++;
			t[i].role = MR_OPEN;
		} else {
			t[i].role = qm->level == 2 ? MR_APOS : MR_NONE;
		}
	}
	return flush(st, t, pb - 1, spans);
}

/* ---- typing: direct, partial, or not a quote --------------------------- */

static bool
is_word(const token *t)
{
	return t->kind == TK_WORD || t->kind == TK_NUM;
}

static bool
is_end_punct_cp(int32_t cp)
{
	return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026;
}

/* Is token t the word w (ASCII letters, any case)?  The first letter is
 * compared before anything is counted: most tokens differ there. */
static inline bool
word_is(const char *text, const token *t, const char *w)
{
	size_t n;

	if (t->kind != TK_WORD ||
	    (((unsigned char)text[t->start] ^ (unsigned char)w[0]) & ~0x20u))
		return false;
	n = strlen(w);
	return t->end - t->start == n &&
	       strncasecmp(text + t->start, w, n) == 0;
}

/* Are the words right before token i (in the paragraph) a scare lead:
 * "so-called", "the film", "known as"?  A lead flagged `v` in the data
 * ("called", "dubbed") reports speech when a speaker stands before it
 * (he called "a disgrace", what Gilbert called "a problem").  A lead
 * flagged `t` ("film", "is reading") is one only when the quoted run is
 * shaped like a title (`titled`), also after a linking word flagged `l`
 * (her favourite film is "The Third Man"). */
enum lead { LEAD_NONE, LEAD_SCARE, LEAD_SPEECH };

/* Could token i be the speaker before a `v` lead: a pronoun, a name,
 * or "what"/"who"/"has" (what Gilbert called, who has dubbed)? */
static bool
speaker_like(const char *text, const token *t, size_t i, const lang_data *ld)
{
	const token *before = &t[i];

	return before->kind == TK_WORD &&
	       (qt_lex_tokens(ld, LEX_PRONOUNS, text, t, i, i + 1) >= 0 ||
	        word_is(text, before, "what") ||
	        word_is(text, before, "which") ||
	        word_is(text, before, "who") || word_is(text, before, "has") ||
	        word_is(text, before, "have") || word_is(text, before, "had") ||
	        ((before->flags & TF_CAP) &&
	         qt_lex_tokens(ld, LEX_NONNAMES, text, t, i, i + 1) < 0));
}

/* The longest scare phrase, in words (as "a sign reading"). */
#define MAX_LEAD_WORDS 3

/* Is the phrase [a, b) in the scare data with flag f? */
static bool
scare_flag(const char *text, const token *t, size_t a, size_t b,
           const lang_data *ld, int f)
{
	int v = qt_lex_tokens(ld, LEX_SCARE, text, t, a, b);

	return v >= 0 && (v & f);
}

/* Is there a `t` lead (a work: "film", "is reading") ending right
 * before token i? */
static bool
title_lead_before(const char *text, const token *t, size_t i, size_t pa,
                  const lang_data *ld)
{
	size_t w;

	for (w = 1; w <= MAX_LEAD_WORDS && w <= i - pa; w++)
		if (scare_flag(text, t, i - w, i, ld, FLAG('t')))
			return true;
	return false;
}

static enum lead
scare_before(const char *text, const token *t, size_t i, size_t pa,
             const lang_data *ld, bool titled)
{
	const int only = FLAG('t') | FLAG('l');
	size_t w;

	if (titled &&
	    (title_lead_before(text, t, i, pa, ld) ||
	     /* her favourite film is "The Third Man" */
	     (i - pa >= 2 && scare_flag(text, t, i - 1, i, ld, FLAG('l')) &&
	      title_lead_before(text, t, i - 1, pa, ld))))
		return LEAD_SCARE;
	for (w = 1; w <= MAX_LEAD_WORDS && w <= i - pa; w++) {
		int v = qt_lex_tokens(ld, LEX_SCARE, text, t, i - w, i);

		/* no lead at all, or one only before a title */
		if (v < 0 || (v != 0 && (v & ~only) == 0))
			continue;
		if (!(v & FLAG('v')) || i - w == pa)
			return LEAD_SCARE;
		return speaker_like(text, t, i - w - 1, ld) ? LEAD_SPEECH
		                                            : LEAD_SCARE;
	}
	/* he called their son "a hero": the verb a little further back */
	for (w = 2; w <= 4 && w < i - pa; w++) {
		int v;

		if (t[i - w].kind != TK_WORD)
			break;
		v = qt_lex_tokens(ld, LEX_SCARE, text, t, i - w, i - w + 1);
		/* "calling it a ...": the participle's subject is the
		 * sentence's, no need to see it */
		if (v >= 0 && (v & FLAG('v')) &&
		    (speaker_like(text, t, i - w - 1, ld) ||
		     (t[i - w].end - t[i - w].start > 4 &&
		      memcmp(text + t[i - w].end - 3, "ing", 3) == 0)))
			return LEAD_SPEECH;
	}
	return LEAD_NONE;
}

static bool
determiner(const char *text, const token *w)
{
	static const char *const det[] = {
	        "the", "a",   "an",    "this", "these", "those", "its",
	        "his", "her", "their", "our",  "my",    "your"};
	size_t k;

	for (k = 0; k < QUOTH_ARRAY_LEN(det); k++)
		if (word_is(text, w, det[k]))
			return true;
	return false;
}

/* Does word w go on with the clause before it: a preposition or a
 * subordinator ("before", "for", "because")? */
static bool
clause_goes_on(const char *text, const token *w)
{
	static const char *const on[] = {
	        "before", "after",   "for",  "at",    "in",      "on", "during",
	        "since",  "until",   "when", "while", "because", "to", "from",
	        "with",   "without", "over", "into",  "unless",  "if"};
	size_t k;

	if (w->kind != TK_WORD || (w->flags & TF_CAP))
		return false;
	for (k = 0; k < QUOTH_ARRAY_LEN(on); k++)
		if (word_is(text, w, on[k]))
			return true;
	return false;
}

/* Is token i a word in title position: a possessive (CNN's "This Week")
 * or a preposition (on "Face the Nation")? */
static bool
title_position(const char *text, const token *t, size_t i)
{
	static const char *const preps[] = {"on",  "in",   "of", "from", "at",
	                                    "for", "with", "to", "by"};
	const token *w = &t[i];
	size_t k, n = w->end - w->start;

	if (w->kind != TK_WORD)
		return false;
	if (n > 2 && text[w->end - 1] == 's' &&
	    (text[w->end - 2] == '\'' ||
	     (n > 4 && memcmp(text + w->end - 4, "\xe2\x80\x99", 3) == 0)))
		return true;
	for (k = 0; k < QUOTH_ARRAY_LEN(preps); k++)
		if (word_is(text, w, preps[k]))
			return true;
	return false;
}

/* The most words a title-shaped run has when a lead before it makes it
 * a title: "The Curious Incident of the Dog in the Night-Time" has
 * nine; a longer capitalised run is a headline or a slogan. */
#define MAX_TITLE_WORDS 10

/* Do the content words look like a title ("Top Gun", "The Art of War"):
 * every word of four letters or more capitalised? */
static bool
title_like(const token *t, size_t a, size_t b)
{
	size_t i, words = 0;

	for (i = a; i < b; i++) {
		if (t[i].kind == TK_NUM) {
			words++;
			continue;
		}
		/* an exclamation or a question is shouted or asked, not
		 * a title: "Marco! Marco!", "Ted! Ted! Ted!" */
		if (t[i].kind == TK_PUNCT && (t[i].cp == '!' || t[i].cp == '?'))
			return false;
		if (t[i].kind != TK_WORD)
			continue;
		words++;
		if (!(t[i].flags & TF_CAP) && t[i].end - t[i].start >= 4)
			return false;
	}
	return words > 0;
}

enum verdict { V_DROP, V_DIRECT, V_PARTIAL };

/* How many more tokens the cue after a quote may stand away when the
 * speaker has an appositive ('"Look," Ann Lee, the mayor of Elm,
 * said'). */
#define APPOSITIVE_EXTRA 8

/* A one-word quote is speech when it ends in . ! or ? inside its marks
 * and stands alone or after a colon or a cue and comma ("Really?",
 * she asked, "Done."), not in a list ("attack," "Libya"). */
static bool
one_word_speech(const char *text, const token *t, size_t pa, size_t prev,
                const token *last, const lang_data *ld)
{
	if (last->kind != TK_PUNCT ||
	    !(last->cp == '.' || last->cp == '!' || last->cp == '?'))
		return false;
	if (prev == QUOTH_NONE || is_break(&t[prev]))
		return true;
	if (t[prev].kind == TK_QUOTE && t[prev].role == MR_CLOSE)
		return true;
	if (t[prev].kind != TK_PUNCT)
		return false;
	if (t[prev].cp == ':' || is_end_punct_cp(t[prev].cp))
		return true;
	return t[prev].cp == ',' && prev > pa &&
	       qt_cue_word(text, t, prev - 1, ld, FLAG('s'));
}

/* Tokens a cue clause ending at a comma may hold before it: the cue, its
 * speaker and a listener or time phrase ("she told the board on Friday,
 * "B"" and the frame of a split quote, '"A," Lee told reporters on
 * Tuesday, "b"'), a short clause. */
#define CUE_CLAUSE_TOKENS 12

/* Is the comma at prev the end of a cue clause: a speech word in the
 * words before it (back to a quote mark, a sentence stop or the
 * paragraph start), as in 'Lee said, "it is late"' or '"Look," Lee told
 * reporters, "it is late"'?  A list of quoted words ('"attack,"
 * "Libya," "hit"') has a quote mark right before its comma. */
static bool
cue_clause_before(const char *text, const token *t, size_t pa, size_t prev,
                  const lang_data *ld)
{
	size_t k;

	for (k = prev; k > pa && prev - k < CUE_CLAUSE_TOKENS; k--) {
		const token *w = &t[k - 1];

		if (w->kind == TK_QUOTE || is_break(w) ||
		    (w->kind == TK_PUNCT && is_end_punct_cp(w->cp)))
			return false;
		if (qt_cue_word(text, t, k - 1, ld, FLAG('s')))
			return true;
	}
	return false;
}

/* Words of a reported clause between its cue and a comma: more than a
 * listener and a time ("told the board on Friday,"). */
#define REPORTED_CLAUSE_WORDS 6

/* Does the comma at prev end a reported clause in the writer's sentence,
 * 'Ryan said it is unrealistic to think that if the fleet pulls back,
 * "our coasts will save us."': a speech word back in the sentence (no
 * quote mark, no stop between) with "that" right after it or at least
 * REPORTED_CLAUSE_WORDS words before the comma?  A lowercase quote
 * after it goes on with that clause: a fragment, not a sentence of its
 * own. */
static bool
reported_clause_before(const char *text, const token *t, size_t pa, size_t prev,
                       const lang_data *ld)
{
	size_t k, words = 0, cue = QUOTH_NONE, cue_words = 0;

	/* (back to the sentence start: no quote mark anywhere, not the
	 * frame of a split quote, '"A," said Lee, the port chief, "b"') */
	for (k = prev; k > pa; k--) {
		const token *w = &t[k - 1];

		if (w->kind == TK_QUOTE || is_break(w))
			return false;
		if (w->kind == TK_PUNCT && is_end_punct_cp(w->cp))
			break;
		if (cue == QUOTH_NONE &&
		    qt_cue_word(text, t, k - 1, ld, FLAG('s'))) {
			cue = k - 1;
			cue_words = words;
		}
		if (w->kind == TK_WORD)
			words++;
	}
	if (cue == QUOTH_NONE)
		return false;
	return cue_words >= REPORTED_CLAUSE_WORDS ||
	       (t[cue + 1].kind == TK_WORD &&
	        t[cue + 1].end - t[cue + 1].start == 4 &&
	        strncasecmp(text + t[cue + 1].start, "that", 4) == 0);
}

/* What classify() reads off a quoted span and the tokens around it. */
typedef struct {
	size_t o, c;       /* the marks (c: QUOTH_NONE when unclosed) */
	size_t a, b;       /* the tokens inside */
	size_t prev, next; /* the tokens just outside, or QUOTH_NONE */
	size_t nwords;
	const token *last; /* the last token inside */
	bool starts_cap;   /* the first word is capitalised, or a number */
	bool inner_end;    /* terminal punctuation inside: ."  ,"  ?"  -" */
	bool titled;       /* closed and shaped like a title */
	bool clause_start; /* the span opens a clause */
	bool clause_end;   /* the span ends a clause */
	bool cue_before;   /* a speech word (or "said that") just before */
	bool cue_after;    /* a speech word within a few words after */
} span_shape;

/* Words and edges of the span: false when it holds no word at all. */
static bool
shape_words(const token_list *tl, size_t pa, size_t pb, const raw_span *s,
            span_shape *v)
{
	const token *t = tl->t;
	size_t i;

	v->o = s->open;
	v->c = s->close;
	v->a = v->o + 1;
	v->b = v->c == QUOTH_NONE ? s->last + 1 : v->c;
	v->nwords = 0;
	for (i = v->a; i < v->b; i++)
		if (is_word(&t[i]))
			v->nwords++;
	if (v->nwords == 0)
		return false;
	for (i = v->a; i < v->b && !is_word(&t[i]); i++)
		;
	v->starts_cap = (t[i].flags & TF_CAP) || t[i].kind == TK_NUM;
	v->last = &t[v->b - 1];
	v->inner_end = v->last->kind == TK_PUNCT &&
	               (is_end_punct_cp(v->last->cp) || v->last->cp == ',' ||
	                v->last->cp == 0x2014 || v->last->cp == 0x2013 ||
	                v->last->cp == '-');
	v->prev = v->o > pa ? v->o - 1 : QUOTH_NONE;
	v->next = v->c != QUOTH_NONE && v->c + 1 < pb ? v->c + 1 : QUOTH_NONE;
	return true;
}

/* Are tokens [a, b) one to four capitalised words, a name? */
static bool
name_run(const token *t, size_t a, size_t b)
{
	size_t k;

	if (b <= a || b - a > 4)
		return false;
	for (k = a; k < b; k++)
		if (!is_word(&t[k]) || !(t[k].flags & TF_CAP))
			return false;
	return true;
}

/* The clause around the span and the cues beside it. */
static void
shape_context(const char *text, const token_list *tl, size_t pa, size_t pb,
              const lang_data *ld, span_shape *v)
{
	const token *t = tl->t;
	size_t c = v->c, prev = v->prev, next = v->next;

	v->titled = c != QUOTH_NONE && v->nwords <= MAX_TITLE_WORDS &&
	            title_like(t, v->a, v->b);
	v->clause_start =
	        prev == QUOTH_NONE || is_break(&t[prev]) ||
	        (t[prev].kind == TK_PUNCT &&
	         (is_end_punct_cp(t[prev].cp) || t[prev].cp == ':' ||
	          t[prev].cp == ',' || t[prev].cp == ';' ||
	          t[prev].cp == 0x2014 || t[prev].cp == 0x2013 ||
	          t[prev].cp == '-' || t[prev].cp == '(')) ||
	        /* a closed quote before, or the single mark a
		 * paragraph is wrapped in ('"We will win," she
		 * said.') */
	        (t[prev].kind == TK_QUOTE &&
	         (t[prev].role == MR_CLOSE || t[prev].role == MR_OPEN)) ||
	        /* an abbreviation's dot that ends the sentence
	                   * before a quoted sentence ('said Sen. Ann Lee,
	                   * R-S.C. "I get that."') */
	        (t[prev].kind == TK_WORD && t[prev].end > t[prev].start &&
	         text[t[prev].end - 1] == '.' && v->starts_cap && v->inner_end);
	v->cue_before = prev != QUOTH_NONE &&
	                (qt_cue_word(text, t, prev, ld, FLAG('s')) ||
	                 (t[prev].kind == TK_WORD && prev > pa &&
	                  qt_cue_word(text, t, prev - 1, ld, FLAG('s')) &&
	                  t[prev].end - t[prev].start == 4 &&
	                  memcmp(text + t[prev].start, "that", 4) == 0));
	v->clause_end = c == QUOTH_NONE || next == QUOTH_NONE ||
	                is_break(&t[next]) ||
	                (t[next].kind == TK_PUNCT &&
	                 (is_end_punct_cp(t[next].cp) || t[next].cp == ',' ||
	                  t[next].cp == ';' || t[next].cp == 0x2014 ||
	                  t[next].cp == 0x2013 || t[next].cp == '-' ||
	                  t[next].cp == ')'));
	v->cue_after = false;
	/* "Q" he said / "Q," said the minister: a cue within a few words
	 * (not after a phrase the quote's clause goes on with: '"Q" before
	 * the storm, she said' is mixed speech) */
	if (c != QUOTH_NONE &&
	    !(next != QUOTH_NONE && clause_goes_on(text, &t[next]))) {
		size_t k, lim = c + 6;
		for (k = c + 1; k < pb && k <= lim; k++) {
			if (t[k].kind == TK_QUOTE || is_break(&t[k]) ||
			    (t[k].kind == TK_PUNCT && is_end_punct_cp(t[k].cp)))
				break;
			/* (past the speaker's appositive: '"Look," Ann
			 * Lee, the mayor, said') */
			if (t[k].kind == TK_PUNCT && t[k].cp == ',' &&
			    k > c + 2 && lim < c + 6 + APPOSITIVE_EXTRA &&
			    name_run(t, c + 1, k))
				lim = c + 6 + APPOSITIVE_EXTRA;
			if (qt_cue_word(text, t, k, ld, FLAG('s'))) {
				v->cue_after = true;
				break;
			}
		}
	}
}

/* Is the closed span a nickname inside a name: one or two capitalised
 * words between two capitalised words, 'Riefian "Ifan" Fajarsyah',
 * 'Thomas "Tip" O'Neill'?  (SPEC: nicknames are not quotes.) */
static bool
nickname(const token *t, const span_shape *v)
{
	size_t k;

	if (v->c == QUOTH_NONE || v->nwords > 2 || v->prev == QUOTH_NONE ||
	    v->next == QUOTH_NONE || t[v->prev].kind != TK_WORD ||
	    t[v->next].kind != TK_WORD || !(t[v->prev].flags & TF_CAP) ||
	    !(t[v->next].flags & TF_CAP))
		return false;
	for (k = v->a; k < v->b; k++)
		if (t[k].kind != TK_WORD || !(t[k].flags & TF_CAP))
			return false;
	return v->a < v->b;
}

/* Is the span a quote, and what kind?  In order: boilerplate and markup
 * are dropped; a scare or title lead drops a term or a title; single
 * quotes need a cue or British-style speech before; then a quote after
 * its cue, a quote that is a clause of its own, and a fragment inside
 * the writer's sentence. */
static enum verdict
classify(const char *text, const token_list *tl, cue_counts *cues, size_t pa,
         size_t pb, const raw_span *s, size_t nparts, bool single_goes_on,
         const lang_data *ld)
{
	const token *t = tl->t;
	span_shape v;
	size_t o, c, a, b, prev, next, nwords;
	const token *last;

	if (!shape_words(tl, pa, pb, s, &v))
		return V_DROP;
	if (nparts > 1)
		return V_DIRECT;
	shape_context(text, tl, pa, pb, ld, &v);
	o = v.o, c = v.c, a = v.a, b = v.b, prev = v.prev, next = v.next;
	nwords = v.nwords, last = v.last;

	if (qt_label_line(text, t, tl->n, pa) || qt_caption_para(t, pa, pb) ||
	    nickname(t, &v))
		return V_DROP;
	/* markup: <tweet id="123" author="@x"> */
	if (prev != QUOTH_NONE && t[prev].kind == TK_PUNCT && t[prev].cp == '=')
		return V_DROP;
	switch (scare_before(text, t, o, pa, ld, v.titled)) {
	case LEAD_SCARE:
		/* the film "Dune" is a name, and so is a title with the
		 * sentence's stop inside (the film "The Third Man."); a
		 * sentence after a lead is quoted (the words "We are
		 * not afraid.") */
		if (!(v.inner_end && v.starts_cap) || v.titled)
			return V_DROP;
		break;
	case LEAD_SPEECH:
		v.cue_before = true;
		break;
	case LEAD_NONE:
		break;
	}
	/* a title in apposition: in his new book, "Doomed to Succeed,"
	 * (but after the film, "We Were Stunned," she said) */
	if (v.titled && !v.cue_after && prev != QUOTH_NONE && prev > pa &&
	    t[prev].kind == TK_PUNCT && t[prev].cp == ',' &&
	    title_lead_before(text, t, prev, pa, ld))
		return V_DROP;
	/* single quotes at the top level are headline style in English
	 * news ('Pretty cool.'): a quote only with a cue, or where single
	 * quotes already carry speech, British style ('We will rebuild,'
	 * she said. 'It will take time.') */
	if (s->level == 2 && !v.cue_before && !v.cue_after && !single_goes_on &&
	    !qt_cue_in_sentence(tl, cues, o, b - 1))
		return V_DROP;

	if (v.cue_before && t[prev].kind != TK_PUNCT) {
		/* X said "Q": direct when Q is a sentence of its own */
		if (v.starts_cap && nwords >= 3 &&
		    (v.inner_end ||
		     (v.clause_end && c != QUOTH_NONE && next != QUOTH_NONE &&
		      t[next].kind == TK_PUNCT && is_end_punct_cp(t[next].cp))))
			return V_DIRECT;
		return V_PARTIAL;
	}
	if (v.clause_start && (v.inner_end || v.clause_end || v.cue_after)) {
		/* "Dune". or a one-word list item ("attack," "Libya"): not
		 * speech, unless a cue follows or it is a paragraph alone */
		if (nwords == 1 && !v.cue_after &&
		    !one_word_speech(text, t, pa, prev, last, ld))
			return V_DROP;
		if (nwords <= 3 && !v.starts_cap && !v.inner_end &&
		    !v.cue_after && prev != QUOTH_NONE &&
		    t[prev].kind == TK_PUNCT && t[prev].cp == ',' &&
		    !cue_clause_before(text, t, pa, prev, ld))
			return V_DROP;
		/* the next item of such a list, after the closing mark
		 * of the one before ("attack," "the bomb," "hit") */
		if (nwords <= 3 && !v.starts_cap && !v.cue_after &&
		    prev != QUOTH_NONE && prev > pa &&
		    t[prev].kind == TK_QUOTE && t[prev].role == MR_CLOSE &&
		    t[prev - 1].kind == TK_PUNCT && t[prev - 1].cp == ',')
			return V_DROP;
		/* The movie, "Mercy Street," opens...: a title */
		if ((!v.inner_end || last->cp == ',') && !v.cue_after &&
		    title_like(t, a, b) && nwords <= 6 &&
		    !qt_cue_in_sentence(tl, cues, o,
		                        c == QUOTH_NONE ? b - 1 : c))
			return V_DROP;
		if (!v.starts_cap && !v.cue_after && prev != QUOTH_NONE &&
		    t[prev].kind == TK_PUNCT && t[prev].cp == ',' &&
		    reported_clause_before(text, t, pa, prev, ld))
			return V_PARTIAL;
		return V_DIRECT;
	}
	/* a fragment inside the writer's sentence */
	/* the "Never Trump" movement, a "term of endearment": a term */
	if (prev != QUOTH_NONE && nwords <= 4 && !v.inner_end &&
	    determiner(text, &t[prev]))
		return V_DROP;
	if (title_like(t, a, b) && nwords <= 6 && prev != QUOTH_NONE &&
	    title_position(text, t, prev))
		return V_DROP;
	if (nwords >= 2)
		return V_PARTIAL;
	/* a one-word shout: jeers and "BERNIE!" chants */
	if (last->kind == TK_PUNCT && (last->cp == '!' || last->cp == '?'))
		return V_PARTIAL;
	if (qt_cue_in_sentence(tl, cues, o, c == QUOTH_NONE ? b - 1 : c))
		return V_PARTIAL;
	return V_DROP;
}

/* Is the unclosed span s (in the paragraph from token pa) a short
 * fragment that opens after a word of the writer's sentence (no cue:
 * 'called the plan "a mess and left.'), fewer than STRAY_FRAGMENT_WORDS
 * words to its paragraph's end, or any that opens after a scare lead
 * ('known as "the Iron Lady, said the dock was safe.': a name, which
 * closes within its sentence)?  A quote that runs on over paragraphs
 * opens a clause or follows its cue. */
#define STRAY_FRAGMENT_WORDS 8
static bool
stray_fragment(const char *text, const token *t, size_t pa, const raw_span *s,
               const lang_data *ld)
{
	size_t k, nw = 0;

	if (s->open == 0 || t[s->open - 1].kind != TK_WORD ||
	    qt_cue_word(text, t, s->open - 1, ld, FLAG('s')))
		return false;
	if (s->open > pa &&
	    scare_before(text, t, s->open, pa, ld, false) == LEAD_SCARE)
		return true;
	for (k = s->open + 1; k <= s->last; k++)
		if (is_word(&t[k]) && ++nw >= STRAY_FRAGMENT_WORDS)
			return false;
	return true;
}

/* Do the words before the sentence end at e, back to a comma, make the
 * writer's attribution: one to five words, one of them a cue that stands
 * inverted, one a name or a third-person pronoun (", Ivo Sand said.",
 * ", he said."; not ", I said.")? */
#define ATTRIBUTION_WORDS 5
static bool
attribution_before(const char *text, const token *t, size_t open, size_t e,
                   const lang_data *ld)
{
	size_t k = e, nw = 0;
	bool cue = false, third = false;

	for (; k > open + 1 && is_word(&t[k - 1]); k--) {
		int pv = qt_lex_tokens(ld, LEX_PRONOUNS, text, t, k - 1, k);
		if (++nw > ATTRIBUTION_WORDS)
			return false;
		if (qt_cue_word(text, t, k - 1, ld, FLAG('i')))
			cue = true;
		/* ("..., I said." is the speaker's own telling) */
		if (pv >= 0 && (pv & PRON_FIRST_SECOND))
			return false;
		if (pv >= 0 || (t[k - 1].flags & TF_CAP))
			third = true;
	}
	return cue && third && k > open + 1 && t[k - 1].kind == TK_PUNCT &&
	       t[k - 1].cp == ',';
}

/* The comma before the writer's own attribution at a sentence's end in
 * the unclosed span s ('"The crowd shouted shame, Ivo Sand said.'), or
 * QUOTH_NONE.  Its closing mark went missing before that comma: the
 * quote ends there, and the next paragraph's quote is one of its own. */
static size_t
missing_close(const char *text, const token *t, const raw_span *s,
              const lang_data *ld)
{
	size_t k, m;

	for (k = s->open + 2; k <= s->last; k++)
		if (t[k].kind == TK_PUNCT && t[k].cp == '.' &&
		    attribution_before(text, t, s->open, k, ld))
			for (m = k; m > s->open + 1; m--)
				if (t[m - 1].kind == TK_PUNCT &&
				    t[m - 1].cp == ',')
					return m - 1;
	return QUOTH_NONE;
}

/* End the unclosed span s (in the paragraph from token pa) where its
 * close is missing, at the comma before its attribution
 * (missing_close()).  When the quote opens its sentence, the comma stands
 * for the closing mark, so the quote's cue and speaker are read after it
 * as after a mark ('"It is fine, Tom Fenwick said.' is Tom Fenwick's "It
 * is fine"); a mark inside the writer's sentence ('shouted "shame and
 * walked out, Ivo Sand said', '6'2" tall, Ivo Sand said') only ends
 * before the comma, and only when `cut` (a quote that would run on into
 * the next paragraph).  False when there is no such comma. */
static bool
end_at_missing_close(const char *text, const token *t, size_t pa, raw_span *s,
                     bool cut, const lang_data *ld)
{
	size_t m = missing_close(text, t, s, ld), p = s->open - 1;

	if (m == QUOTH_NONE)
		return false;
	if (s->open == pa || is_break(&t[p]) ||
	    (t[p].kind == TK_PUNCT &&
	     (is_end_punct_cp(t[p].cp) || t[p].cp == ':')))
		s->close = s->last = m;
	else if (cut)
		s->last = m - 1;
	return true;
}

/* ---- building quotes ----------------------------------------------------- */

static void
part_of(const char *text, const token *t, const raw_span *s, qpart *p)
{
	p->tok_open = s->open;
	p->tok_close = s->close;
	p->start = t[s->open].start;
	p->vstart = t[s->open].end;
	p->end = t[s->last].end;
	p->vend = s->close != QUOTH_NONE ? t[s->close].start : p->end;
	/* « Nous gagnerons » : the verbatim words, not the spaces */
	p->vstart = qt_text_trim_start(text, p->vstart, p->vend);
	p->vend = qt_text_trim_end(text, p->vstart, p->vend);
}

/* The last span of the quote that span i opens: the spans of the
 * paragraphs (or lines) it runs on into, each re-opened by a mark, up to
 * the one that closes it. */
static size_t
chain_end(const quoth_extractor *ex, const char *text, const token_list *tl,
          qvec *spans, size_t i, quoth_result *r)
{
	const token *t = tl->t;
	const raw_span *s = QVEC_AT(spans, raw_span, i);
	const lang_data *ld = &ex->data;
	size_t j = i;

	while (j + 1 < spans->len) {
		raw_span *sj = QVEC_AT(spans, raw_span, j);
		const raw_span *sn = QVEC_AT(spans, raw_span, j + 1);

		if (sj->close != QUOTH_NONE)
			break;
		/* the next paragraph or line starts by re-opening */
		if (sn->open != sj->last + 2 || !is_break(&t[sj->last + 1]) ||
		    sn->level != sj->level || j - i + 1 >= QUOTH_MAX_PARTS)
			break;
		/* a short fragment opened inside the writer's sentence
		 * ('called it "a mess and left.') is a stray mark: it ends at
		 * its paragraph */
		if (j == i &&
		    stray_fragment(text, t, para_first(tl, sj->open), sj, ld))
			break;
		/* ('"The crowd shouted shame, Ivo Sand said.') */
		if (end_at_missing_close(text, t, para_first(tl, sj->open), sj,
		                         true, ld))
			break;
		/* a quote longer than max_quote_bytes is cut at the end of
		 * the paragraph that crosses the limit */
		if (t[sn->last].end - t[s->open].start >
		    ex->opt.max_quote_bytes) {
			qt_result_warn(r, QUOTH_WARN_QUOTE_LEN,
			               t[sn->open].start);
			break;
		}
		j++;
	}
	return j;
}

/* Add to r the quote of spans i..j, of verdict v (V_DIRECT or
 * V_PARTIAL).  False when out of memory. */
static bool
add_quote(const char *text, const token *t, const qvec *spans, size_t i,
          size_t j, enum verdict v, quoth_result *r)
{
	const raw_span *s = QVEC_AT(spans, raw_span, i);
	size_t np = j - i + 1, k;
	quote *q;

	if (r->nq == r->capq) {
		size_t cap = r->capq ? r->capq * 2 : 16;
		quote *nq = qt_xrealloc_array(r->q, cap, sizeof(quote));
		if (!nq)
			return false;
		r->q = nq;
		r->capq = cap;
	}
	q = &r->q[r->nq];
	memset(q, 0, sizeof(*q));
	/* (not zeroed: every field is written below) */
	q->parts = qt_xmalloc_array(np, sizeof(qpart));
	q->verb = qt_xmalloc_array(2 * np, sizeof(size_t));
	if (!q->parts || !q->verb) {
		free(q->parts);
		free(q->verb);
		return false;
	}
	r->nq++;
	q->type = v == V_DIRECT ? QUOTH_DIRECT : QUOTH_PARTIAL;
	q->nparts = np;
	q->nverb = np;
	for (k = 0; k < np; k++) {
		part_of(text, t, QVEC_AT(spans, raw_span, i + k), &q->parts[k]);
		q->verb[2 * k] = q->parts[k].vstart;
		q->verb[2 * k + 1] = q->parts[k].vend;
	}
	q->first_tok = s->open;
	q->last_tok = QVEC_AT(spans, raw_span, j)->last;
	q->para = (size_t)t[s->open].para + 1;
	q->entity = -1;
	q->mention_start = q->mention_end = QUOTH_NONE;
	q->cue_start = q->cue_end = QUOTH_NONE;
	return true;
}

bool
qt_find_quotes(const quoth_extractor *ex, const char *text, token_list *tl,
               quoth_result *r)
{
	token *t = tl->t;
	size_t n = tl->n, i, pa;
	cue_counts cues = {text, t, n, &ex->data, NULL, 1, 0};
	qvec spans;
	mark_stack st;
	bool ok = false, outer_dropped = false;
	/* the last quote kept: its level and paragraph */
	uint8_t kept_level = 0;
	uint32_t kept_para = 0;
	const lang_data *ld = &ex->data;

	qvec_init(&spans, sizeof(raw_span));
	cues.pre = n < SIZE_MAX ? qt_xmalloc_array(n + 1, sizeof(size_t))
	                        : NULL;
	if (!cues.pre)
		return false;
	st.max = ex->opt.max_depth ? ex->opt.max_depth : 1;
	qvec_init(&st.inner, sizeof(raw_span));
	st.m = qt_xmalloc_array(st.max, sizeof(open_mark));
	if (!st.m)
		goto out;
	for (pa = 0; pa < n;) {
		/* (the paragraph's end from segment.c's table, not a scan
		 * for its TK_PARA) */
		size_t pb = para_stop(tl, pa);
		if (!scan_paragraph(t, pa, pb, &st, &spans, r))
			goto out;
		pa = pb + 1;
	}
	if (spans.failed)
		goto out;

	for (i = 0; i < spans.len;) {
		raw_span *s = QVEC_AT(&spans, raw_span, i);
		size_t j, np, pb;
		enum verdict v;
		bool single_goes_on;

		/* the double pairs inside a single quote are quotes only
		 * when it is none */
		if (s->nested && !outer_dropped) {
			i++;
			continue;
		}
		j = chain_end(ex, text, tl, &spans, i, r);
		np = j - i + 1;
		/* a quote whose close is missing before its attribution,
		 * ended by the next opening mark in its paragraph
		 * ('"It is fine, Tom Fenwick said. "The dock is safe,"'):
		 * the quote ends at the frame's comma */
		if (np == 1 && s->close == QUOTH_NONE)
			(void)end_at_missing_close(
			        text, t, para_first(tl, s->open), s, false, ld);
		/* an unclosed single quote on its own is an apostrophe */
		if (np == 1 && s->level == 2 && s->close == QUOTH_NONE) {
			t[s->open].role = MR_APOS;
			i++;
			continue;
		}
		pa = para_first(tl, s->open);
		pb = para_stop(tl, s->open);
		/* the quote before was in single marks, in this paragraph
		 * or the one before: single quotes carry speech here */
		single_goes_on = kept_level == 2 && (s->para == kept_para ||
		                                     s->para == kept_para + 1);
		v = classify(text, tl, &cues, pa, pb, s, np, single_goes_on,
		             ld);
		if (!s->nested)
			outer_dropped = v == V_DROP;
		if (v == V_DROP) {
			i = j + 1;
			continue;
		}
		kept_level = s->level;
		kept_para = QVEC_AT(&spans, raw_span, j)->para;
		if (!add_quote(text, t, &spans, i, j, v, r))
			goto out;
		i = j + 1;
	}
	ok = true;
out:
	free(cues.pre);
	free(st.m);
	qvec_free(&st.inner);
	qvec_free(&spans);
	return ok;
}
