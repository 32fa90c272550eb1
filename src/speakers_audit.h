/*
 * speakers_audit.h (CLI): the speaker rows `quoth speakers --total` and
 * `quoth speakers -f html` collect over a whole run (speakers_total.c)
 * and the page that shows them (speakers_html.c).  Not installed.
 */
#ifndef QUOTH_SPEAKERS_AUDIT_H
#define QUOTH_SPEAKERS_AUDIT_H

#include "cli.h"

/* A string of the rows: heap, NUL-terminated, n bytes (it may hold NUL
 * bytes: a JSONL id); s is NULL when absent. */
struct audit_str {
	char *s;
	size_t n;
};

/* Fields of a row (audit_row.f). */
enum {
	AF_DOC,
	AF_SPEAKER,
	AF_TITLE,
	AF_GENDER,
	AF_GENDER_SOURCE,
	AF_KIND,
	AF_COUNT_
};

/* One speaker of one document, or (--total) of the whole run. */
struct audit_row {
	struct audit_str f[AF_COUNT_];
	int doc_numeric;  /* the doc is a JSON number (a numeric JSONL id) */
	size_t doc_index; /* 0-based order of its document in the run */
	size_t count[4];  /* quotes by quoth_type */
	size_t words;
	size_t first_paragraph; /* per document only */
	size_t documents;       /* documents its quotes come from */
	int speakers;           /* 1, or 0 for the quotes without a speaker */
};

/* What the page shows. */
struct audit_view {
	int total; /* rows are totals (--total), else per document */
	const struct audit_row *rows;
	size_t nrows;
	size_t ndocs; /* documents read */
};

/* The whole page into b (speakers_html.c). */
void cli_audit_html(struct cli_buf *b, const struct audit_view *v);

/* Quotes of a row. */
static inline size_t
audit_quotes(const struct audit_row *r)
{
	return r->count[0] + r->count[1] + r->count[2] + r->count[3];
}

#endif
