/*
 * cuepat.c: language data, below the stages that use it: the cue
 * patterns of a language (data/LANG/patterns.txt), compiled with PCRE2.
 *
 * The attribution stage turns the words around a quote into a string of
 * one-letter chunk classes (a speaker phrase, a cue verb, an appositive,
 * a comma, ...; the alphabet is documented in patterns.txt) and matches
 * these patterns against it, in file order; the first match that also
 * keeps its token bound links the quote.  So the shapes of attribution
 * ('"Q," X said', '"Q," said X', 'X, a doctor, said: "Q"') are data, and
 * C only parses the noun phrases.
 *
 * This file compiles and matches; data.c reads the file's lines and
 * checks their fields.  Reads patterns and chunk strings, writes
 * compiled patterns and match spans.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cuepat.h"
#include "lexicon.h"

bool
qt_cuepat_chunk_known(int ch)
{
	switch (ch) {
#define CHUNK_CASE_(id, letter, what) case letter:
		CHUNK_CLASSES(CHUNK_CASE_)
#undef CHUNK_CASE_
		return true;
	default:
		return false;
	}
}

/* Skip a group's opening syntax after "(?" at s[i]: a name "<sp>",
 * "P<sp>" or "'sp'", a lookaround "=", "!", "<=", "<!", or ":" and
 * option letters.  Returns the index after it. */
static size_t
skip_group_syntax(const char *s, size_t n, size_t i)
{
	if (i < n && (s[i] == '<' || s[i] == 'P' || s[i] == '\'')) {
		if (s[i] == '<' && i + 1 < n &&
		    (s[i + 1] == '=' || s[i + 1] == '!'))
			return i + 2;
		while (i < n && s[i] != '>' &&
		       !(s[i] == '\'' && i > 0 && s[i - 1] != '?'))
			i++;
		return i < n ? i + 1 : n;
	}
	while (i < n && s[i] != ':' && s[i] != ')' && s[i] != '=' &&
	       s[i] != '!' && s[i] != '>')
		i++;
	return i < n && s[i] != ')' ? i + 1 : i;
}

/*
 * The literals of a pattern are chunk classes: outside a character class,
 * every character but the regex syntax ( ) | ^ $ . * + ? { } and escapes
 * of letters (\d); inside one, every character but a leading ^ and the
 * closing ].  A quantifier {m,n} is syntax; an escaped punctuation mark
 * ("\.", "\|") is a literal.
 */
size_t
qt_cuepat_unknown_chunk(const char *s, size_t n)
{
	size_t i = 0;
	bool in_class = false;

	while (i < n) {
		char ch = s[i];

		if (ch == '\\') {
			if (i + 1 < n &&
			    !((s[i + 1] >= 'a' && s[i + 1] <= 'z') ||
			      (s[i + 1] >= 'A' && s[i + 1] <= 'Z') ||
			      (s[i + 1] >= '0' && s[i + 1] <= '9')) &&
			    !qt_cuepat_chunk_known(s[i + 1]))
				return i + 1;
			i += 2;
			continue;
		}
		if (in_class) {
			if (ch == ']')
				in_class = false;
			else if (!qt_cuepat_chunk_known(ch))
				return i;
			i++;
			continue;
		}
		switch (ch) {
		case '[':
			in_class = true;
			i++;
			if (i < n && s[i] == '^')
				i++;
			if (i < n && s[i] == ']') { /* a literal ']' first */
				if (!qt_cuepat_chunk_known(']'))
					return i;
				i++;
			}
			continue;
		case '(':
			i++;
			if (i < n && s[i] == '?')
				i = skip_group_syntax(s, n, i + 1);
			continue;
		case '{':
			while (i < n && s[i] != '}')
				i++;
			i++;
			continue;
		case ')':
		case '|':
		case '^':
		case '$':
		case '.':
		case '*':
		case '+':
		case '?':
			i++;
			continue;
		default:
			if (!qt_cuepat_chunk_known(ch))
				return i;
			i++;
		}
	}
	return QUOTH_NONE;
}

/*
 * What a pattern is compiled to (cue_pattern.re points to one).
 *
 * The pre-filter: the attribution stage tries every pattern of a side on
 * each new chunk string, and most of them cannot match it because the
 * string lacks a class they need (no cue verb, no comma).  PCRE2 would
 * find that out too, but only after the set-up of a match; so at load we
 * take from the pattern the sets of bytes a match must contain one of
 * each (need[]), and skip PCRE2 when the string lacks one.  The sets come
 * from PCRE2 (its first and last code units, a length bound) and from a
 * walk over the pattern's text (must_alts()), which gives up on any
 * syntax it does not know, and then needs nothing.
 *
 * JIT compiling costs more than the matches of a short run: most of the
 * start-up on a one-line input.  So a pattern is interpreted at first and
 * JIT-compiled at its JIT_AFTER-th attempt.  Threads share the pattern:
 * the JIT code is made on a copy and then published, so that no thread
 * reads a pcre2_code while another changes it.
 */
#define NEED_MAX 8
#define JIT_AFTER 16

typedef struct {
	uint64_t w[2]; /* bytes 0..127 */
} byteset;

typedef struct {
	pcre2_code *re;            /* interpreted */
	_Atomic(pcre2_code *) jit; /* the JIT-compiled copy, once made */
	atomic_uint tries;         /* interpreted attempts, to JIT_AFTER */
	uint32_t minlen;           /* PCRE2_INFO_MINLENGTH */
	unsigned nneed;            /* sets in need[] */
	byteset need[NEED_MAX];    /* a match has a byte of each */
} cue_re;

/* A list of required sets, at most NEED_MAX (dropping one only makes
 * the filter let more strings through). */
typedef struct {
	unsigned n;
	byteset s[NEED_MAX];
} needs;

static unsigned
bits64(uint64_t x)
{
	x = x - ((x >> 1) & 0x5555555555555555ull);
	x = (x & 0x3333333333333333ull) + ((x >> 2) & 0x3333333333333333ull);
	x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0full;
	return (unsigned)((x * 0x0101010101010101ull) >> 56);
}

static unsigned
set_size(const byteset *b)
{
	return bits64(b->w[0]) + bits64(b->w[1]);
}

static void
set_add(byteset *b, unsigned char ch)
{
	b->w[ch >> 6] |= 1ull << (ch & 63);
}

/* Add b to l; when l is full, b replaces a larger set (a smaller one
 * fails on more strings). */
static void
needs_add(needs *l, const byteset *b)
{
	unsigned i, big = 0;

	if (set_size(b) == 0)
		return;
	if (l->n < NEED_MAX) {
		l->s[l->n++] = *b;
		return;
	}
	for (i = 1; i < l->n; i++)
		if (set_size(&l->s[i]) > set_size(&l->s[big]))
			big = i;
	if (set_size(b) < set_size(&l->s[big]))
		l->s[big] = *b;
}

/* The walk over a pattern's text: s[i..n), false once it met syntax it
 * does not know (the pattern then needs nothing). */
typedef struct {
	const char *s;
	size_t n, i;
	bool ok;
} walk;

static void must_alts(walk *w, needs *out);

/* A group's name up to its closing c; false when there is none. */
static bool
skip_name(walk *w, char c)
{
	while (w->i < w->n && w->s[w->i] != c) {
		char ch = w->s[w->i];
		if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
		      (ch >= '0' && ch <= '9') || ch == '_'))
			return false;
		w->i++;
	}
	if (w->i == w->n)
		return false;
	w->i++;
	return true;
}

/* A character class after its '[': its bytes in *b, or an empty *b when
 * it is negated.  Ranges, escapes and POSIX classes end the walk. */
static void
must_class(walk *w, byteset *b)
{
	bool neg = false, first = true;

	memset(b, 0, sizeof(*b));
	if (w->i < w->n && w->s[w->i] == '^') {
		neg = true;
		w->i++;
	}
	for (; w->i < w->n; w->i++, first = false) {
		unsigned char ch = (unsigned char)w->s[w->i];

		if (ch == ']' && !first)
			break;
		if (ch == '\\' || ch == '[' || ch >= 0x80 ||
		    (ch == '-' && !first && w->i + 1 < w->n &&
		     w->s[w->i + 1] != ']')) {
			w->ok = false;
			return;
		}
		set_add(b, ch);
	}
	if (w->i == w->n) {
		w->ok = false;
		return;
	}
	w->i++;
	if (neg)
		memset(b, 0, sizeof(*b));
}

/* A quantifier at w->i, if any: its least count (1 without one). */
static unsigned long
must_quant(walk *w)
{
	unsigned long min = 1;
	char ch = w->i < w->n ? w->s[w->i] : '\0';

	if (ch == '?' || ch == '*') {
		min = 0;
		w->i++;
	} else if (ch == '+') {
		w->i++;
	} else if (ch == '{') {
		size_t j = w->i + 1;
		min = 0;
		if (j == w->n || w->s[j] < '0' || w->s[j] > '9') {
			w->ok = false; /* ("{" a literal, or "{,n}") */
			return 0;
		}
		while (j < w->n && w->s[j] >= '0' && w->s[j] <= '9') {
			min = min * 10 + (unsigned long)(w->s[j] - '0');
			if (min > 100000) {
				w->ok = false;
				return 0;
			}
			j++;
		}
		if (j < w->n && w->s[j] == ',')
			for (j++; j < w->n && w->s[j] >= '0' && w->s[j] <= '9';
			     j++)
				;
		if (j == w->n || w->s[j] != '}') {
			w->ok = false;
			return 0;
		}
		w->i = j + 1;
	} else {
		return 1;
	}
	/* lazy or possessive */
	if (w->i < w->n && (w->s[w->i] == '?' || w->s[w->i] == '+'))
		w->i++;
	if (w->i < w->n && (w->s[w->i] == '?' || w->s[w->i] == '*' ||
	                    w->s[w->i] == '+' || w->s[w->i] == '{'))
		w->ok = false;
	return min;
}

/* A group after its '(': its needs in *in; *look when it is a
 * lookaround (which needs nothing of the match). */
static void
must_group(walk *w, needs *in, bool *look)
{
	*look = false;
	if (w->i < w->n && w->s[w->i] == '*') {
		w->ok = false; /* a verb: (*UTF), (*ACCEPT) */
		return;
	}
	if (w->i < w->n && w->s[w->i] == '?') {
		char c1 = w->i + 1 < w->n ? w->s[w->i + 1] : '\0';
		char c2 = w->i + 2 < w->n ? w->s[w->i + 2] : '\0';

		w->i++;
		if (c1 == ':') {
			w->i++;
		} else if (c1 == '=' || c1 == '!') {
			*look = true;
			w->i++;
		} else if (c1 == '<' && (c2 == '=' || c2 == '!')) {
			*look = true;
			w->i += 2;
		} else if (c1 == '<' || c1 == '\'') {
			w->i++;
			if (!skip_name(w, c1 == '<' ? '>' : '\'')) {
				w->ok = false;
				return;
			}
		} else if (c1 == 'P' && c2 == '<') {
			w->i += 2;
			if (!skip_name(w, '>')) {
				w->ok = false;
				return;
			}
		} else {
			/* options, atomic groups, conditions, recursion,
			 * comments, references */
			w->ok = false;
			return;
		}
	}
	must_alts(w, in);
	if (!w->ok || w->i == w->n || w->s[w->i] != ')') {
		w->ok = false;
		return;
	}
	w->i++;
}

/* The needs of one alternative: its items up to '|', ')' or the end. */
static void
must_seq(walk *w, needs *out)
{
	while (w->ok && w->i < w->n && w->s[w->i] != '|' && w->s[w->i] != ')') {
		unsigned char ch = (unsigned char)w->s[w->i];
		needs in;
		byteset b;
		bool look = false, group = false;
		unsigned k;

		memset(&b, 0, sizeof(b));
		in.n = 0;
		w->i++;
		switch (ch) {
		case '\\':
			if (w->i == w->n) {
				w->ok = false;
				return;
			}
			ch = (unsigned char)w->s[w->i++];
			/* \d, \b, \1, \Q, \x..: not a plain byte */
			if ((ch >= 'a' && ch <= 'z') ||
			    (ch >= 'A' && ch <= 'Z') ||
			    (ch >= '0' && ch <= '9') || ch >= 0x80) {
				w->ok = false;
				return;
			}
			set_add(&b, ch);
			break;
		case '[':
			must_class(w, &b);
			break;
		case '(':
			must_group(w, &in, &look);
			group = true;
			break;
		case '.':
		case '^':
		case '$':
			break;
		case '*':
		case '+':
		case '?':
		case '{':
		case ']':
		case '}':
			w->ok = false;
			return;
		default:
			if (ch >= 0x80) {
				w->ok = false;
				return;
			}
			set_add(&b, ch);
		}
		if (!w->ok || must_quant(w) == 0 || !w->ok || look)
			continue;
		if (group)
			for (k = 0; k < in.n; k++)
				needs_add(out, &in.s[k]);
		else
			needs_add(out, &b);
	}
}

/* The needs of alternatives a|b|...: a match has one of the union of a
 * set from each (the smallest), and nothing when one needs nothing. */
static void
must_alts(walk *w, needs *out)
{
	needs first, alt;
	byteset u;
	bool any = false, none = false;
	unsigned k, best;

	first.n = 0;
	must_seq(w, &first);
	while (w->ok && w->i < w->n && w->s[w->i] == '|') {
		w->i++;
		if (!any) {
			memset(&u, 0, sizeof(u));
			none = first.n == 0;
			for (k = 0, best = 0; k < first.n; k++)
				if (set_size(&first.s[k]) <
				    set_size(&first.s[best]))
					best = k;
			if (!none) {
				u.w[0] |= first.s[best].w[0];
				u.w[1] |= first.s[best].w[1];
			}
			any = true;
		}
		alt.n = 0;
		must_seq(w, &alt);
		if (alt.n == 0)
			none = true;
		for (k = 0, best = 0; k < alt.n; k++)
			if (set_size(&alt.s[k]) < set_size(&alt.s[best]))
				best = k;
		if (alt.n) {
			u.w[0] |= alt.s[best].w[0];
			u.w[1] |= alt.s[best].w[1];
		}
	}
	if (!w->ok)
		return;
	if (!any) {
		for (k = 0; k < first.n; k++)
			needs_add(out, &first.s[k]);
	} else if (!none) {
		needs_add(out, &u);
	}
}

/* The needs of pattern s[0..n) into cr: the walk's, and PCRE2's own
 * first and last code units (with both cases of a letter: an inline
 * (?i) would make them caseless, and PCRE2 does not say so). */
static void
find_needs(cue_re *cr, const char *s, size_t n)
{
	walk w = {s, n, 0, true};
	needs l;
	uint32_t t = 0, cu = 0;
	unsigned k;
	int which;

	l.n = 0;
	must_alts(&w, &l);
	if (!w.ok || w.i != n)
		l.n = 0;
	for (which = 0; which < 2; which++) {
		byteset b;

		pcre2_pattern_info(cr->re,
		                   which ? PCRE2_INFO_LASTCODETYPE
		                         : PCRE2_INFO_FIRSTCODETYPE,
		                   &t);
		if (t != 1)
			continue;
		pcre2_pattern_info(cr->re,
		                   which ? PCRE2_INFO_LASTCODEUNIT
		                         : PCRE2_INFO_FIRSTCODEUNIT,
		                   &cu);
		if (cu >= 0x80)
			continue;
		memset(&b, 0, sizeof(b));
		set_add(&b, (unsigned char)cu);
		if (cu >= 'a' && cu <= 'z')
			set_add(&b, (unsigned char)(cu - 'a' + 'A'));
		else if (cu >= 'A' && cu <= 'Z')
			set_add(&b, (unsigned char)(cu - 'A' + 'a'));
		needs_add(&l, &b);
	}
	cr->nneed = l.n;
	for (k = 0; k < l.n; k++)
		cr->need[k] = l.s[k];
}

static void
cue_re_free(cue_re *cr)
{
	if (!cr)
		return;
	pcre2_code_free(cr->re);
	pcre2_code_free(atomic_load_explicit(&cr->jit, memory_order_relaxed));
	free(cr);
}

static int
group(const pcre2_code *re, const char *name)
{
	int g = pcre2_substring_number_from_name(re, (PCRE2_SPTR)name);
	return g > 0 ? g : -1;
}

/*
 * Compile the regex s[0..n) of pattern p (printable ASCII, checked by the
 * loader) and find its named groups.  On an error, false with the message
 * in what and its byte offset in s in *off: a PCRE2 error where PCRE2
 * puts it, the group rules at the pattern's start.
 */
bool
qt_cuepat_compile(cue_pattern *p, const char *s, size_t n, char *what,
                  size_t whatsz, size_t *off)
{
	int errcode;
	PCRE2_SIZE erroff;
	pcre2_code *re;
	cue_re *cr;
	char msg[160];
	uint32_t cap = 0, minlen = 0;

	re = pcre2_compile((PCRE2_SPTR)s, n, 0, &errcode, &erroff, NULL);
	if (!re) {
		pcre2_get_error_message(errcode, (PCRE2_UCHAR *)msg,
		                        sizeof(msg));
		snprintf(what, whatsz, "bad pattern: %s", msg);
		*off = (size_t)erroff;
		return false;
	}
	pcre2_pattern_info(re, PCRE2_INFO_CAPTURECOUNT, &cap);
	pcre2_pattern_info(re, PCRE2_INFO_MINLENGTH, &minlen);
	p->g_sp = group(re, "sp");
	p->g_cue = group(re, "cue");
	p->g_mention = group(re, "mention");
	p->g_spx = group(re, "spx");
	what[0] = '\0';
	if (cap > 15)
		snprintf(what, whatsz, "at most 15 groups");
	else if (p->g_sp < 0)
		snprintf(what, whatsz,
		         "the pattern needs one group (?<sp>...)");
	else if (minlen == 0)
		snprintf(what, whatsz, "the pattern may match no chunk at all");
	if (what[0]) {
		pcre2_code_free(re);
		*off = 0;
		return false;
	}
	cr = calloc(1, sizeof(*cr));
	if (!cr) {
		pcre2_code_free(re);
		snprintf(what, whatsz, "out of memory");
		*off = 0;
		return false;
	}
	cr->re = re;
	atomic_init(&cr->jit, NULL);
	atomic_init(&cr->tries, 0);
	cr->minlen = minlen;
	find_needs(cr, s, n);
	p->re = cr;
	return true;
}

void
qt_cuepat_free(cue_patterns *cp)
{
	size_t i;

	for (i = 0; i < cp->n; i++)
		cue_re_free(cp->p[i].re);
	free(cp->p);
	memset(cp, 0, sizeof(*cp));
}

/* The results of recent matches, by pattern, start offset and subject:
 * quote after quote brings the same shape (", she said ." a million
 * times), and a match is a pure function of these.  Direct-mapped; a
 * subject longer than MEMO_SUBJECT is not kept. */
#define MEMO_SLOTS 256 /* power of two */
#define MEMO_SUBJECT 120

typedef struct {
	const void *re; /* NULL: empty */
	uint32_t from, n;
	int rc;
	size_t span[6];
	char s[MEMO_SUBJECT];
} match_memo;

/* Match data and limits for one thread: the limits keep a pattern from a
 * --data-dir (or a bad one of ours) from backtracking without end. */
typedef struct {
	pcre2_match_data *md;
	pcre2_match_context *mc;
	match_memo *memo; /* MEMO_SLOTS, allocated at the first match */
	bool memo_failed; /* (out of memory: match without it) */
	/* the last subject seen: each pattern of a side is matched against
	 * the same one; its bytes (for the filter) and its hash (for the
	 * memo, made when first needed) */
	char last[MEMO_SUBJECT];
	size_t last_n;
	bool last_hashed;
	uint64_t last_h;
	byteset last_has;
} cue_match;

void *
qt_cuepat_match_data(void)
{
	cue_match *m = calloc(1, sizeof(*m));

	if (!m)
		return NULL;
	m->md = pcre2_match_data_create(16, NULL);
	m->mc = pcre2_match_context_create(NULL);
	if (!m->md || !m->mc) {
		qt_cuepat_match_data_free(m);
		return NULL;
	}
	pcre2_set_match_limit(m->mc, 100000);
	pcre2_set_depth_limit(m->mc, 1000);
	return m;
}

void
qt_cuepat_match_data_free(void *md)
{
	cue_match *m = md;

	if (!m)
		return;
	pcre2_match_data_free(m->md);
	pcre2_match_context_free(m->mc);
	free(m->memo);
	free(m);
}

static void
bytes_of(byteset *b, const char *s, size_t n)
{
	size_t i;

	b->w[0] = b->w[1] = 0;
	for (i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];
		if (ch < 0x80)
			set_add(b, ch);
	}
}

/* Can cr match s[from..n) with the bytes *has of s[0..n)?  False only
 * when PCRE2 would find no match.  (The sets are checked against all of
 * s: a lookbehind may look before `from`.) */
static bool
may_match(const cue_re *cr, const byteset *has, size_t n, size_t from)
{
	unsigned k;

	if (from > n) /* (PCRE2's error) */
		return true;
	if (n - from < cr->minlen)
		return false;
	for (k = 0; k < cr->nneed; k++)
		if (!(has->w[0] & cr->need[k].w[0]) &&
		    !(has->w[1] & cr->need[k].w[1]))
			return false;
	return true;
}

bool
qt_cuepat_may_match(const cue_pattern *p, const char *s, size_t n, size_t from)
{
	byteset has;

	bytes_of(&has, s, n);
	return may_match(p->re, &has, n, from);
}

static int match_now(const cue_pattern *p, const char *s, size_t n, size_t from,
                     cue_match *m, size_t *span);

/* The slot of (p, from, s[0..n)) in the memo, or NULL when it has none.
 * s[0..n) is m->last. */
static match_memo *
memo_slot(cue_match *m, const cue_pattern *p, size_t n, size_t from)
{
	uint64_t h;
	size_t i;

	if (from > n || m->memo_failed)
		return NULL;
	if (!m->memo) {
		/* (only the keys are cleared: an empty slot is a NULL re, and
		 * the rest of a slot is read after its re matched) */
		m->memo = malloc(MEMO_SLOTS * sizeof(*m->memo));
		if (!m->memo) {
			m->memo_failed = true;
			return NULL;
		}
		for (i = 0; i < MEMO_SLOTS; i++)
			m->memo[i].re = NULL;
	}
	if (!m->last_hashed) {
		m->last_h = qt_hash_bytes(m->last, n);
		m->last_hashed = true;
	}
	h = m->last_h ^
	    ((uint64_t)(uintptr_t)p->re * 31 + from) * 0x9e3779b97f4a7c15ull;
	return &m->memo[(h ^ (h >> 29)) & (MEMO_SLOTS - 1)];
}

int
qt_cuepat_match(const cue_pattern *p, const char *s, size_t n, size_t from,
                void *md, size_t *span)
{
	cue_match *m = md;
	match_memo *e = NULL;
	byteset has;
	int rc;

	if (n > MEMO_SUBJECT) {
		bytes_of(&has, s, n);
		if (!may_match(p->re, &has, n, from))
			return 0;
		return match_now(p, s, n, from, m, span);
	}
	if (n != m->last_n || memcmp(m->last, s, n) != 0) {
		m->last_n = n;
		memcpy(m->last, s, n);
		m->last_hashed = false;
		bytes_of(&m->last_has, s, n);
	}
	if (!may_match(p->re, &m->last_has, n, from))
		return 0;
	e = memo_slot(m, p, n, from);
	if (e && e->re == p->re && e->from == from && e->n == n &&
	    memcmp(e->s, s, n) == 0) {
		if (e->rc > 0)
			memcpy(span, e->span, sizeof(e->span));
		return e->rc;
	}
	rc = match_now(p, s, n, from, m, span);
	if (e) {
		e->re = p->re;
		e->from = (uint32_t)from;
		e->n = (uint32_t)n;
		e->rc = rc;
		/* (no match leaves span untouched, a hit on it too) */
		if (rc > 0)
			memcpy(e->span, span, sizeof(e->span));
		memcpy(e->s, s, n);
	}
	return rc;
}

/* JIT-compile a copy of cr's pattern and publish it; on failure (no JIT
 * on this platform, no memory) cr stays interpreted. */
static void
jit_now(cue_re *cr)
{
	pcre2_code *c = pcre2_code_copy(cr->re);

	if (!c)
		return;
	if (pcre2_jit_compile(c, PCRE2_JIT_COMPLETE) != 0) {
		pcre2_code_free(c);
		return;
	}
	atomic_store_explicit(&cr->jit, c, memory_order_release);
}

/* Run PCRE2: the JIT code once there is some, the interpreter before. */
static int
run(cue_re *cr, const char *s, size_t n, size_t from, cue_match *m)
{
	pcre2_code *jit = atomic_load_explicit(&cr->jit, memory_order_acquire);
	int rc;

	if (jit)
		return pcre2_jit_match(jit, (PCRE2_SPTR)s, n, from, 0, m->md,
		                       m->mc);
	if (atomic_load_explicit(&cr->tries, memory_order_relaxed) <
	            JIT_AFTER &&
	    atomic_fetch_add_explicit(&cr->tries, 1, memory_order_relaxed) ==
	            JIT_AFTER - 1)
		jit_now(cr);
	rc = pcre2_match(cr->re, (PCRE2_SPTR)s, n, from, 0, m->md, m->mc);
	/* The interpreter counts its limits its own way: when it stops at
	 * one, ask the JIT code, which has always answered (compiled at
	 * load, before). */
	if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
	    rc == PCRE2_ERROR_HEAPLIMIT) {
		if (atomic_exchange_explicit(&cr->tries, JIT_AFTER,
		                             memory_order_relaxed) < JIT_AFTER)
			jit_now(cr);
		jit = atomic_load_explicit(&cr->jit, memory_order_acquire);
		if (jit)
			rc = pcre2_jit_match(jit, (PCRE2_SPTR)s, n, from, 0,
			                     m->md, m->mc);
	}
	return rc;
}

/* qt_cuepat_match() without the filter and the memo. */
int
qt_cuepat_match_plain(const cue_pattern *p, const char *s, size_t n,
                      size_t from, void *md, size_t *span)
{
	return match_now(p, s, n, from, md, span);
}

static int
match_now(const cue_pattern *p, const char *s, size_t n, size_t from,
          cue_match *m, size_t *span)
{
	int rc, g;
	PCRE2_SIZE *ov;
	int groups[3];

	rc = run(p->re, s, n, from, m);
	if (rc < 0)
		return rc == PCRE2_ERROR_NOMATCH ? 0 : -1;
	if (rc == 0) /* (the ovector is sized for every group) */
		rc = (int)pcre2_get_ovector_count(m->md);
	ov = pcre2_get_ovector_pointer(m->md);
	span[0] = ov[0];
	span[1] = ov[1];
	groups[0] = p->g_sp;
	groups[1] = p->g_cue;
	groups[2] = p->g_mention;
	for (g = 0; g < 3; g++) {
		span[2 + g] = QUOTH_NONE;
		if (groups[g] > 0 && groups[g] < rc &&
		    ov[2 * groups[g]] != PCRE2_UNSET)
			span[2 + g] = ov[2 * groups[g]];
	}
	span[5] = QUOTH_NONE;
	if (p->g_spx > 0 && p->g_spx < rc && ov[2 * p->g_spx] != PCRE2_UNSET &&
	    ov[2 * p->g_spx + 1] > ov[2 * p->g_spx])
		span[5] = ov[2 * p->g_spx + 1];
	return 1;
}
