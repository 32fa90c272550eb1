/*
 * cli_rows.c (CLI): one record per quote of a result, through the writer
 * (cli_util.c and the write_*.c formats).
 */
#include <stdlib.h>

#include "cli.h"
#include "quoth.h"

/* A string field, or NULL (JSON null) when absent; `empty_absent` also
 * treats "" as absent, for the fields SPEC calls empty when unknown. */
static void
str_cell(struct cli_writer *w, const quoth_result *r, size_t i, quoth_field f,
         int empty_absent)
{
	size_t len = 0;
	const char *s = quoth_quote_str(r, i, f, &len);

	if (empty_absent && len == 0)
		s = NULL;
	cli_cell_str(w, s, len);
}

static void
span_cells(struct cli_writer *w, const quoth_result *r, size_t i,
           quoth_span_kind k)
{
	size_t s, e;

	if (quoth_quote_span(r, i, k, &s, &e)) {
		cli_cell_uint(w, s);
		cli_cell_uint(w, e);
	} else {
		cli_cell_null(w);
		cli_cell_null(w);
	}
}

/* Grow *spans to hold n pairs. */
static int
reserve_spans(size_t **spans, size_t *cap, size_t n)
{
	size_t *p;

	if (n <= *cap)
		return 0;
	if (n > (size_t)-1 / (2 * sizeof **spans))
		return -1;
	p = realloc(*spans, n * 2 * sizeof **spans);
	if (!p)
		return -1;
	*spans = p;
	*cap = n;
	return 0;
}

int
cli_quote_rows(struct cli_writer *w, const char *doc, size_t doc_len,
               int numeric, size_t first, const quoth_result *r)
{
	size_t i, k, n = quoth_result_count(r), np, par, line, cap = 0;
	size_t *spans = NULL;
	int json = w->format == CLI_FORMAT_JSONL, rc = -1;

	for (i = 0; i < n; i++) {
		cli_cell_doc_n(w, doc, doc_len, numeric);
		cli_cell_uint(w, first + i + 1);
		cli_cell_cstr(w, quoth_type_name(quoth_quote_type(r, i)));
		str_cell(w, r, i, QUOTH_FIELD_SPEAKER, 1);
		str_cell(w, r, i, QUOTH_FIELD_TITLE, 1);
		str_cell(w, r, i, QUOTH_FIELD_GENDER, 1);
		str_cell(w, r, i, QUOTH_FIELD_GENDER_SOURCE, 1);
		str_cell(w, r, i, QUOTH_FIELD_KIND, 1);
		str_cell(w, r, i, QUOTH_FIELD_MENTION, 1);
		str_cell(w, r, i, QUOTH_FIELD_CUE, 1);
		str_cell(w, r, i, QUOTH_FIELD_QUOTE, 0);
		span_cells(w, r, i, QUOTH_SPAN_QUOTE);
		if (json) {
			np = quoth_quote_nparts(r, i);
			if (reserve_spans(&spans, &cap, np) != 0)
				goto done;
			for (k = 0; k < np; k++)
				quoth_quote_part(r, i, k, &spans[2 * k],
				                 &spans[2 * k + 1]);
			cli_cell_spans(w, spans, np);
			np = quoth_quote_nverbatim(r, i);
			if (reserve_spans(&spans, &cap, np) != 0)
				goto done;
			for (k = 0; k < np; k++)
				quoth_quote_verbatim(r, i, k, &spans[2 * k],
				                     &spans[2 * k + 1]);
			cli_cell_spans(w, spans, np);
		} else {
			/* JSON-only columns: not written. */
			cli_cell_null(w);
			cli_cell_null(w);
		}
		span_cells(w, r, i, QUOTH_SPAN_MENTION);
		span_cells(w, r, i, QUOTH_SPAN_CUE);
		par = line = 0;
		quoth_quote_position(r, i, &par, &line);
		cli_cell_uint(w, par);
		cli_cell_uint(w, line);
		str_cell(w, r, i, QUOTH_FIELD_CONTEXT, 0);
		str_cell(w, r, i, QUOTH_FIELD_RULE, 0);
		cli_row_end(w);
	}
	rc = 0;
done:
	free(spans);
	return rc;
}
