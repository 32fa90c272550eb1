/*
 * cuepat.c: the cue patterns of a language (data/LANG/patterns.txt),
 * compiled with PCRE2.
 *
 * The attribution stage turns the words around a quote into a string of
 * one-letter chunk classes (a speaker phrase, a cue verb, an appositive,
 * a comma, ...; the alphabet is documented in patterns.txt) and matches
 * these patterns against it, in file order; the first match that also
 * keeps its token bound links the quote.  So the shapes of attribution
 * ('"Q," X said', '"Q," said X', 'X, a doctor, said: "Q"') are data, and
 * C only parses the noun phrases.
 *
 * Format: one pattern per line, four fields separated by tabs:
 *     side  rule  max-tokens  regex
 * side is `after` (the words after a quote), `before` (the sentence
 * before it), `lead-in` (the end of a paragraph before a quoted one) or
 * `previous` (the sentence before a quote that opens its sentence);
 * rule names the rule in the output, with a trailing `+` when a pronoun
 * or role speaker names the rule instead ("pronoun", "role");
 * max-tokens bounds the distance in tokens between the cue (or `according
 * to`) and the quote, 0 for no bound; regex is a PCRE2 pattern with the
 * named groups `sp` (the speaker chunk, required), `cue`, `mention`
 * (where the mention starts when it is wider than the speaker) and `spx`
 * (words that continue a described speaker: "another member [of the
 * public]").
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon.h"
#include "text.h"

static int
side_of(const char *s, size_t n)
{
	static const char *const names[CP_SIDES_] = {"after", "before",
	                                             "lead-in", "previous"};
	int i;

	for (i = 0; i < CP_SIDES_; i++)
		if (strlen(names[i]) == n && memcmp(names[i], s, n) == 0)
			return i;
	return -1;
}

static int
group(const pcre2_code *re, const char *name)
{
	int g = pcre2_substring_number_from_name(re, (PCRE2_SPTR)name);
	return g > 0 ? g : -1;
}

/* A data-file error located at byte `col0` (0-based) of line `lineno`
 * that starts at byte `line_off` of the file: FILE:LINE:COL. */
static quoth_status
pat_fail(quoth_error *err, const char *name, size_t lineno, size_t line_off,
         size_t col0, const char *what)
{
	quoth_status st =
	    data_fail(err, QUOTH_ERR_LEXICON, lineno, "%s:%zu:%zu: %s", name,
	              lineno, col0 + 1, what);
	if (err) {
		err->column = col0 + 1;
		err->offset = line_off + col0;
	}
	return st;
}

/* Rule names the attribution stage uses itself, which a pattern must not
 * take: a quote linked by "absorbed" would vanish. */
static bool
reserved_rule(const char *r, size_t n)
{
	static const char *const names[] = {"absorbed", "none", "continuation",
	                                    "subject"};
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strlen(names[i]) == n && memcmp(names[i], r, n) == 0)
			return true;
	return false;
}

/* Parse and compile one line's fields (f[k] at byte offset fo[k] of the
 * line, which starts at byte line_off of the file); fills *p.  The
 * fields are ASCII (checked here), so bytes and columns agree. */
static quoth_status
parse_line(cue_pattern *p, const char *name, size_t lineno, size_t line_off,
           const char *f[4], const size_t fl[4], const size_t fo[4],
           quoth_error *err)
{
	int errcode, side;
	PCRE2_SIZE erroff;
	pcre2_code *re;
	unsigned long maxtok = 0;
	size_t i, rl;
	char msg[160], what[200];
	uint32_t cap = 0, minlen = 0;

	side = side_of(f[0], fl[0]);
	if (side < 0)
		return pat_fail(err, name, lineno, line_off, fo[0],
		                "side must be after, before, lead-in or "
		                "previous");
	/* rule: [a-z][a-z-]* with an optional final '+' */
	rl = fl[1] - (fl[1] && f[1][fl[1] - 1] == '+' ? 1 : 0);
	if (rl == 0 || rl >= sizeof(p->rule))
		return pat_fail(err, name, lineno, line_off, fo[1],
		                "a rule name has 1 to 23 letters");
	for (i = 0; i < rl; i++) {
		char ch = f[1][i];
		if (!((ch >= 'a' && ch <= 'z') || (ch == '-' && i > 0)))
			return pat_fail(err, name, lineno, line_off, fo[1] + i,
			                "a rule name is lowercase letters and "
			                "'-' (not first), with an optional final "
			                "'+'");
	}
	if (reserved_rule(f[1], rl))
		return pat_fail(err, name, lineno, line_off, fo[1],
		                "this rule name is quoth's own (absorbed, "
		                "none, continuation, subject)");
	if (fl[2] == 0 || fl[2] > 4)
		return pat_fail(err, name, lineno, line_off, fo[2],
		                "max-tokens must be a number from 0 to 9999");
	for (i = 0; i < fl[2]; i++) {
		if (f[2][i] < '0' || f[2][i] > '9')
			return pat_fail(err, name, lineno, line_off, fo[2] + i,
			                "max-tokens must be a number from 0 to "
			                "9999");
		maxtok = maxtok * 10 + (unsigned long)(f[2][i] - '0');
	}
	/* the subject is ASCII chunk letters: so is the pattern */
	for (i = 0; i < fl[3]; i++) {
		unsigned char ch = (unsigned char)f[3][i];
		if (ch < 0x20 || ch >= 0x7f)
			return pat_fail(err, name, lineno, line_off, fo[3] + i,
			                ch == '\t' ? "a tab in the pattern (four "
			                              "fields only)"
			                            : "the pattern must be "
			                              "printable ASCII");
	}
	if (f[3][fl[3] - 1] == ' ')
		return pat_fail(err, name, lineno, line_off, fo[3] + fl[3] - 1,
		                "a space at the end of the pattern");
	re = pcre2_compile((PCRE2_SPTR)f[3], fl[3], 0, &errcode, &erroff,
	                   NULL);
	if (!re) {
		pcre2_get_error_message(errcode, (PCRE2_UCHAR *)msg,
		                        sizeof(msg));
		snprintf(what, sizeof(what), "bad pattern: %s", msg);
		return pat_fail(err, name, lineno, line_off,
		                fo[3] + (size_t)erroff, what);
	}
	pcre2_pattern_info(re, PCRE2_INFO_CAPTURECOUNT, &cap);
	pcre2_pattern_info(re, PCRE2_INFO_MINLENGTH, &minlen);
	p->g_sp = group(re, "sp");
	p->g_cue = group(re, "cue");
	p->g_mention = group(re, "mention");
	p->g_spx = group(re, "spx");
	what[0] = '\0';
	if (cap > 15)
		snprintf(what, sizeof(what), "at most 15 groups");
	else if (p->g_sp < 0)
		snprintf(what, sizeof(what),
		         "the pattern needs one group (?<sp>...)");
	else if (minlen == 0)
		snprintf(what, sizeof(what),
		         "the pattern may match no chunk at all");
	if (what[0]) {
		pcre2_code_free(re);
		return pat_fail(err, name, lineno, line_off, fo[3], what);
	}
	/* JIT when the platform has it; the interpreter otherwise */
	(void)pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
	p->re = re;
	p->side = side;
	p->line = lineno;
	p->max_tokens = (uint32_t)maxtok;
	p->kind_rule = rl < fl[1];
	memcpy(p->rule, f[1], rl);
	p->rule[rl] = '\0';
	return QUOTH_OK;
}

quoth_status
cuepat_parse(cue_patterns *cp, const char *name, const char *data, size_t len,
             quoth_error *err)
{
	size_t pos = 0, lineno = 0;
	quoth_status st;

	while (pos < len) {
		size_t eol = pos, end, k, nf = 0, s0;
		const char *f[4];
		size_t fl[4], fo[4];
		cue_pattern *p;

		lineno++;
		if (!data_line(data, len, pos, &end, &eol))
			return data_fail(err, QUOTH_ERR_LEXICON, lineno,
			                 "%s:%zu: invalid UTF-8", name, lineno);
		/* blank lines and comments, indented or not */
		for (s0 = pos;
		     s0 < end && (data[s0] == ' ' || data[s0] == '\t'); s0++)
			;
		if (s0 == end || data[s0] == '#')
			goto next;
		/* four fields separated by one or more tabs; the pattern is
		 * the rest of the line */
		for (k = pos; k < end && nf < 4;) {
			size_t s = k;
			if (nf == 3) {
				k = end;
			} else {
				while (k < end && data[k] != '\t')
					k++;
			}
			f[nf] = data + s;
			fl[nf] = k - s;
			fo[nf] = s - pos;
			nf++;
			while (nf < 4 && k < end && data[k] == '\t')
				k++;
		}
		if (nf != 4 || fl[3] == 0)
			return data_fail(
			    err, QUOTH_ERR_LEXICON, lineno,
			    "%s:%zu: expected four tab-separated "
			    "fields: side, rule, max-tokens, pattern",
			    name, lineno);
		if (cp->n == cp->cap) {
			size_t nc = cp->cap ? 2 * cp->cap : 16;
			cue_pattern *np = xrealloc_array(cp->p, nc, sizeof(*np));
			if (!np)
				return data_fail(err, QUOTH_ERR_NOMEM, lineno,
				                 "%s:%zu: out of memory", name,
				                 lineno);
			cp->p = np;
			cp->cap = nc;
		}
		p = &cp->p[cp->n];
		memset(p, 0, sizeof(*p));
		st = parse_line(p, name, lineno, pos, f, fl, fo, err);
		if (st != QUOTH_OK)
			return st;
		cp->n++;
next:
		pos = eol + 1;
	}
	if (cp->n == 0)
		return data_fail(err, QUOTH_ERR_LEXICON, lineno ? lineno : 1,
		                 "%s:%zu: no patterns: no quote could be "
		                 "linked to a speaker",
		                 name, lineno ? lineno : 1);
	return QUOTH_OK;
}

void
cuepat_free(cue_patterns *cp)
{
	size_t i;

	for (i = 0; i < cp->n; i++)
		pcre2_code_free(cp->p[i].re);
	free(cp->p);
	memset(cp, 0, sizeof(*cp));
}

/* Match data and limits for one thread: the limits keep a pattern from a
 * --data-dir (or a bad one of ours) from backtracking without end. */
typedef struct {
	pcre2_match_data *md;
	pcre2_match_context *mc;
} cue_match;

void *
cuepat_match_data(void)
{
	cue_match *m = calloc(1, sizeof(*m));

	if (!m)
		return NULL;
	m->md = pcre2_match_data_create(16, NULL);
	m->mc = pcre2_match_context_create(NULL);
	if (!m->md || !m->mc) {
		cuepat_match_data_free(m);
		return NULL;
	}
	pcre2_set_match_limit(m->mc, 100000);
	pcre2_set_depth_limit(m->mc, 1000);
	return m;
}

void
cuepat_match_data_free(void *md)
{
	cue_match *m = md;

	if (!m)
		return;
	pcre2_match_data_free(m->md);
	pcre2_match_context_free(m->mc);
	free(m);
}

int
cuepat_match(const cue_pattern *p, const char *s, size_t n, size_t from,
             void *md, size_t *span)
{
	cue_match *m = md;
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
