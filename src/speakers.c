/*
 * speakers.c (CLI): `quoth speakers`, who said how much: one row per
 * speaker and document, for source audits (who gets quoted, how often,
 * how early).  Reads one document's quoth_result; writes its rows through
 * the record writer (cli_util.c).
 *
 * Speakers are grouped by their canonical name exactly as the library
 * gives it; the title and gender shown are the first ones the article
 * gives for that speaker (the gender with its source; one the article
 * states wins over one from a first name, --gender-from-names), the kind
 * the first the library gives.  Quotes without a speaker are grouped under an
 * empty speaker, last, so that their count is not lost.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "cli.h"

const struct cli_column cli_speaker_columns[] = {
        {"doc", CLI_COL_GROUP},
        {"speaker", CLI_COL_TABLE},
        {"title", CLI_COL_TABLE | CLI_COL_FLEX},
        {"gender", CLI_COL_TABLE},
        {"gender_source", 0},
        {"kind", CLI_COL_TABLE},
        {"direct", CLI_COL_TABLE},
        {"mixed", CLI_COL_TABLE},
        {"indirect", CLI_COL_TABLE},
        {"partial", CLI_COL_TABLE},
        {"words", CLI_COL_TABLE},
        {"first_paragraph", CLI_COL_TABLE},
};
const size_t cli_speaker_ncolumns = sizeof cli_speaker_columns /
                                    sizeof cli_speaker_columns[0];

struct speaker {
	/* owned by the result */
	const char *name, *title, *gender, *gender_source, *kind;
	size_t name_len, title_len, gender_len, gender_source_len, kind_len;
	size_t quotes;
	size_t count[4]; /* by quoth_type */
	size_t words;
	size_t first_paragraph;
};

/*
 * Words in s[0..n): runs of non-space characters holding at least one
 * letter or digit, so that a dash or an ellipsis standing alone is not a
 * word and "don't" or "COVID-19" is one.
 */
static size_t
count_words(const char *s, size_t n)
{
	utf8proc_category_t cat;
	int32_t cp;
	size_t i = 0, words = 0;
	int alnum = 0;

	while (i < n) {
		i += cli_utf8_next(s + i, n - i, &cp);
		if (cli_is_space(cp)) {
			words += alnum;
			alnum = 0;
			continue;
		}
		cat = utf8proc_category(cp);
		if ((cat >= UTF8PROC_CATEGORY_LU &&
		     cat <= UTF8PROC_CATEGORY_LO) ||
		    (cat >= UTF8PROC_CATEGORY_ND &&
		     cat <= UTF8PROC_CATEGORY_NO))
			alnum = 1;
	}
	return words + alnum;
}

/* The string field, or NULL when absent or empty. */
static const char *
field(const quoth_result *r, size_t i, quoth_field f, size_t *len)
{
	const char *s = quoth_quote_str(r, i, f, len);

	if (!s || *len == 0) {
		*len = 0;
		return NULL;
	}
	return s;
}

static void
put_row(struct cli_writer *w, const char *doc, size_t doc_len, int numeric,
        const struct speaker *sp)
{
	size_t t;

	cli_cell_doc_n(w, doc, doc_len, numeric);
	cli_cell_str(w, sp->name, sp->name_len);
	cli_cell_str(w, sp->title, sp->title_len);
	cli_cell_str(w, sp->gender, sp->gender_len);
	cli_cell_str(w, sp->gender_source, sp->gender_source_len);
	cli_cell_str(w, sp->kind, sp->kind_len);
	for (t = 0; t < 4; t++)
		cli_cell_uint(w, sp->count[t]);
	cli_cell_uint(w, sp->words);
	cli_cell_uint(w, sp->first_paragraph);
	cli_row_end(w);
}

/* Whether the speaker's gender is a first-name statistic. */
static int
by_name(const struct speaker *sp)
{
	return sp->gender_source && sp->gender_source_len == 4 &&
	       memcmp(sp->gender_source, "name", 4) == 0;
}

/* Quote i's gender for the speaker, unless it has none or it, too, is
 * a first-name statistic: the article's own evidence wins. */
static void
take_gender(struct speaker *sp, const quoth_result *r, size_t i)
{
	struct speaker q;

	memset(&q, 0, sizeof q);
	q.gender = field(r, i, QUOTH_FIELD_GENDER, &q.gender_len);
	if (!q.gender)
		return;
	q.gender_source = field(r, i, QUOTH_FIELD_GENDER_SOURCE,
	                        &q.gender_source_len);
	if (sp->gender && by_name(&q))
		return;
	sp->gender = q.gender;
	sp->gender_len = q.gender_len;
	sp->gender_source = q.gender_source;
	sp->gender_source_len = q.gender_source_len;
}

/* FNV-1a, for the speaker table. */
static size_t
hash_name(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ull;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ull;
	}
	return (size_t)h;
}

int
cli_speaker_rows(struct cli_writer *w, const char *doc, size_t doc_len,
                 int numeric, const quoth_result *r)
{
	struct speaker *sp = NULL, unknown, *s;
	size_t i, j, h, nsp = 0, n = quoth_result_count(r), len, par;
	size_t *slot = NULL, cap = 1;
	const char *name, *text;
	quoth_type type;

	memset(&unknown, 0, sizeof unknown);
	/* At most one speaker per quote: allocate once.  Speakers are found
	 * through an open-addressing table of indexes + 1 (0 is empty), at
	 * most half full, so that a document quoting 100k different people
	 * stays linear. */
	if (n > 0) {
		while (cap < 2 * n && cap < SIZE_MAX / 4)
			cap *= 2;
		sp = calloc(n, sizeof *sp);
		slot = calloc(cap, sizeof *slot);
		if (!sp || !slot) {
			free(sp);
			free(slot);
			return -1;
		}
	}
	for (i = 0; i < n; i++) {
		name = field(r, i, QUOTH_FIELD_SPEAKER, &len);
		s = &unknown;
		if (name) {
			for (h = hash_name(name, len) & (cap - 1); slot[h];
			     h = (h + 1) & (cap - 1)) {
				j = slot[h] - 1;
				if (sp[j].name_len == len &&
				    memcmp(sp[j].name, name, len) == 0)
					break;
			}
			if (!slot[h]) {
				slot[h] = ++nsp;
				sp[nsp - 1].name = name;
				sp[nsp - 1].name_len = len;
			}
			s = &sp[slot[h] - 1];
		}
		quoth_quote_position(r, i, &par, NULL);
		if (s->quotes++ == 0)
			s->first_paragraph = par;
		type = quoth_quote_type(r, i);
		if ((unsigned)type < 4)
			s->count[type]++;
		if (!s->title)
			s->title = field(r, i, QUOTH_FIELD_TITLE,
			                 &s->title_len);
		if (!s->gender || by_name(s))
			take_gender(s, r, i);
		if (!s->kind)
			s->kind = field(r, i, QUOTH_FIELD_KIND, &s->kind_len);
		text = quoth_quote_str(r, i, QUOTH_FIELD_QUOTE, &len);
		if (text)
			s->words += count_words(text, len);
	}
	for (j = 0; j < nsp; j++)
		put_row(w, doc, doc_len, numeric, &sp[j]);
	if (unknown.quotes)
		put_row(w, doc, doc_len, numeric, &unknown);
	free(slot);
	free(sp);
	return 0;
}
