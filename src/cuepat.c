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

#include "private.h"

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

/* Parse and compile one line's fields; fills *p. */
static quoth_status
parse_line(cue_pattern *p, const char *name, size_t lineno, const char *f[4],
           const size_t fl[4], quoth_error *err)
{
	int errcode, side;
	PCRE2_SIZE erroff;
	pcre2_code *re;
	unsigned long maxtok = 0;
	size_t i;
	char msg[160];

	side = side_of(f[0], fl[0]);
	if (side < 0)
		return data_fail(err, QUOTH_ERR_LEXICON, lineno,
		               "%s:%zu: side must be after, before, lead-in "
		               "or previous",
		               name, lineno);
	if (fl[1] == 0 || fl[1] >= sizeof(p->rule))
		return data_fail(err, QUOTH_ERR_LEXICON, lineno,
		               "%s:%zu: rule name must be 1 to %zu bytes", name,
		               lineno, sizeof(p->rule) - 1);
	for (i = 0; i < fl[1]; i++) {
		char ch = f[1][i];
		if (!((ch >= 'a' && ch <= 'z') || ch == '-' ||
		      (ch == '+' && i == fl[1] - 1)))
			return data_fail(err, QUOTH_ERR_LEXICON, lineno,
			               "%s:%zu: rule name: lowercase letters "
			               "and '-', with an optional final '+'",
			               name, lineno);
	}
	if (fl[2] == 0 || fl[2] > 4)
		return data_fail(err, QUOTH_ERR_LEXICON, lineno,
		               "%s:%zu: max-tokens must be a number from 0 "
		               "to 9999", name, lineno);
	for (i = 0; i < fl[2]; i++) {
		if (f[2][i] < '0' || f[2][i] > '9')
			return data_fail(err, QUOTH_ERR_LEXICON, lineno,
			               "%s:%zu: max-tokens must be a number "
			               "from 0 to 9999", name, lineno);
		maxtok = maxtok * 10 + (unsigned long)(f[2][i] - '0');
	}
	re = pcre2_compile((PCRE2_SPTR)f[3], fl[3], 0, &errcode, &erroff,
	                   NULL);
	if (!re) {
		pcre2_get_error_message(errcode, (PCRE2_UCHAR *)msg,
		                        sizeof(msg));
		return data_fail(err, QUOTH_ERR_LEXICON, lineno,
		               "%s:%zu: pattern column %zu: %s", name, lineno,
		               (size_t)erroff + 1, msg);
	}
	{
		uint32_t cap = 0;
		pcre2_pattern_info(re, PCRE2_INFO_CAPTURECOUNT, &cap);
		if (cap > 15) {
			pcre2_code_free(re);
			return data_fail(err, QUOTH_ERR_LEXICON, lineno,
			               "%s:%zu: at most 15 groups", name,
			               lineno);
		}
	}
	p->g_sp = group(re, "sp");
	p->g_cue = group(re, "cue");
	p->g_mention = group(re, "mention");
	p->g_spx = group(re, "spx");
	if (p->g_sp < 0) {
		pcre2_code_free(re);
		return data_fail(err, QUOTH_ERR_LEXICON, lineno,
		               "%s:%zu: the pattern needs a group (?<sp>...)",
		               name, lineno);
	}
	/* JIT when the platform has it; the interpreter otherwise */
	(void)pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
	p->re = re;
	p->side = side;
	p->line = lineno;
	p->max_tokens = (uint32_t)maxtok;
	p->kind_rule = f[1][fl[1] - 1] == '+';
	memcpy(p->rule, f[1], fl[1] - (p->kind_rule ? 1 : 0));
	p->rule[fl[1] - (p->kind_rule ? 1 : 0)] = '\0';
	return QUOTH_OK;
}

quoth_status
cuepat_parse(cue_patterns *cp, const char *name, const char *data, size_t len,
             quoth_error *err)
{
	size_t pos = 0, lineno = 0;
	quoth_status st;

	while (pos < len) {
		size_t eol = pos, end, k, nf = 0;
		const char *f[4];
		size_t fl[4];
		cue_pattern *p;

		while (eol < len && data[eol] != '\n')
			eol++;
		lineno++;
		end = eol;
		if (end > pos && data[end - 1] == '\r')
			end--;
		if (end == pos || data[pos] == '#')
			goto next;
		if (text_first_invalid(data + pos, end - pos, NULL) !=
		    QUOTH_NONE)
			return data_fail(err, QUOTH_ERR_LEXICON, lineno,
			               "%s:%zu: invalid UTF-8", name, lineno);
		/* fields separated by one or more tabs */
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
			nf++;
			while (k < end && data[k] == '\t')
				k++;
		}
		if (nf != 4 || fl[3] == 0)
			return data_fail(err, QUOTH_ERR_LEXICON, lineno,
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
		st = parse_line(p, name, lineno, f, fl, err);
		if (st != QUOTH_OK)
			return st;
		cp->n++;
next:
		pos = eol + 1;
	}
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
