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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
	/* JIT when the platform has it; the interpreter otherwise */
	(void)pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
	p->re = re;
	return true;
}

void
qt_cuepat_free(cue_patterns *cp)
{
	size_t i;

	for (i = 0; i < cp->n; i++)
		pcre2_code_free(cp->p[i].re);
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
	/* the last subject hashed: each pattern of a side is matched
	 * against the same one */
	char last[MEMO_SUBJECT];
	size_t last_n;
	uint64_t last_h;
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

static int match_now(const cue_pattern *p, const char *s, size_t n, size_t from,
                     cue_match *m, size_t *span);

/* The slot of (p, from, s[0..n)) in the memo, or NULL when it has none. */
static match_memo *
memo_slot(cue_match *m, const cue_pattern *p, const char *s, size_t n,
          size_t from)
{
	uint64_t h;
	size_t i;

	if (n > MEMO_SUBJECT || from > n || m->memo_failed)
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
	if (n != m->last_n || memcmp(m->last, s, n) != 0) {
		m->last_n = n;
		memcpy(m->last, s, n);
		m->last_h = qt_hash_bytes(s, n);
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
	match_memo *e = memo_slot(m, p, s, n, from);
	int rc;

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

/* qt_cuepat_match() without the memo. */
static int
match_now(const cue_pattern *p, const char *s, size_t n, size_t from,
          cue_match *m, size_t *span)
{
	int rc, g;
	PCRE2_SIZE *ov;
	int groups[3];

	rc = pcre2_match(p->re, (PCRE2_SPTR)s, n, from, 0, m->md, m->mc);
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
