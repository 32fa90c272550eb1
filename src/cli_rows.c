/*
 * cli_rows.c (CLI): one record per quote of a result, through the writer
 * (cli_util.c and the write_*.c formats); JSON Lines records are written
 * here whole (json_row()), each in one reservation of the output buffer (a million
 * one-line quotes make a million records: the cell by cell path took
 * most of the time of the output).
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "quoth.h"

/* ---- JSON Lines ------------------------------------------------------ */

/* The string columns from "speaker" to "quote" (cli_quote_columns[3..10]);
 * the first seven are null when empty. */
static const quoth_field json_fields[] = {
        QUOTH_FIELD_SPEAKER,       QUOTH_FIELD_TITLE, QUOTH_FIELD_GENDER,
        QUOTH_FIELD_GENDER_SOURCE, QUOTH_FIELD_KIND,  QUOTH_FIELD_MENTION,
        QUOTH_FIELD_CUE,           QUOTH_FIELD_QUOTE};
#define NFIELDS (sizeof json_fields / sizeof json_fields[0])
/* numbers at most: n, 3 spans, paragraph, line */
#define NUMBERS 9
#define JSON_EMPTY_ABSENT 7
/* the columns of a quote record (cli_quote_columns) */
#define QUOTE_COLUMNS 23

/* The keys of the quote columns as written: `{"doc":`, `,"n":`, ...,
 * each padded to KEY_ROOM bytes so that it is copied in one fixed-size
 * memcpy (a million records have 23 million keys). */
#define KEY_ROOM 24
#define MAX_COLUMNS 32
struct json_keys {
	char s[MAX_COLUMNS][KEY_ROOM];
	unsigned char n[MAX_COLUMNS];
	size_t total; /* the bytes of all keys */
};

/* Fill k; false when a key does not fit (the columns table changed). */
static bool
json_keys_init(struct json_keys *k)
{
	size_t col, n;

	if (cli_quote_ncolumns > MAX_COLUMNS)
		return false;
	memset(k, 0, sizeof *k);
	for (col = 0; col < cli_quote_ncolumns; col++) {
		const char *name = cli_quote_columns[col].name;
		n = strlen(name);
		if (n + 4 > KEY_ROOM)
			return false;
		k->s[col][0] = col ? ',' : '{';
		k->s[col][1] = '"';
		memcpy(k->s[col] + 2, name, n);
		k->s[col][n + 2] = '"';
		k->s[col][n + 3] = ':';
		k->n[col] = (unsigned char)(n + 4);
		k->total += n + 4;
	}
	return true;
}

/* `{"key":` or `,"key":` of column col (KEY_ROOM bytes written). */
static inline char *
json_key(char *o, const struct json_keys *k, size_t col)
{
	memcpy(o, k->s[col], KEY_ROOM);
	return o + k->n[col];
}

static char *
json_null(char *o)
{
	memcpy(o, "null", 4);
	return o + 4;
}

/* A string, or null when s is NULL. */
static char *
json_str(char *o, const char *s, size_t n)
{
	return s ? cli_json_string_at(o, s, n) : json_null(o);
}

/* Columns col and col + 1: span k of quote i, or two nulls. */
static char *
json_span(char *o, const struct json_keys *keys, const quoth_result *r,
          size_t i, quoth_span_kind k, size_t col)
{
	size_t s, e;
	int has = quoth_quote_span(r, i, k, &s, &e);

	o = json_key(o, keys, col);
	o = has ? o + cli_fmt_uint(o, s) : json_null(o);
	o = json_key(o, keys, col + 1);
	return has ? o + cli_fmt_uint(o, e) : json_null(o);
}

/* The parts (verbatim 0) or verbatim spans of quote i. */
static char *
json_parts(char *o, const quoth_result *r, size_t i, int verbatim)
{
	size_t k, n, s = 0, e = 0;

	n = verbatim ? quoth_quote_nverbatim(r, i) : quoth_quote_nparts(r, i);
	*o++ = '[';
	for (k = 0; k < n; k++) {
		if (verbatim)
			quoth_quote_verbatim(r, i, k, &s, &e);
		else
			quoth_quote_part(r, i, k, &s, &e);
		if (k)
			*o++ = ',';
		*o++ = '[';
		o += cli_fmt_uint(o, s);
		*o++ = ',';
		o += cli_fmt_uint(o, e);
		*o++ = ']';
	}
	*o++ = ']';
	return o;
}

/* Record i of r as cli_quote_rows() writes it cell by cell; `doc` is
 * the value of its "doc" key, as JSON. */
static int
json_row(struct cli_writer *w, const char *doc, size_t doc_len, size_t first,
         const quoth_result *r, size_t i, const struct json_keys *keys)
{
	const char *str[NFIELDS + 3];
	size_t len[NFIELDS + 3], k, room, par = 0, line = 0, spans;
	char *o;

	/* the strings: type, speaker ... quote, context, rule */
	str[0] = quoth_type_name(quoth_quote_type(r, i));
	len[0] = str[0] ? strlen(str[0]) : 0;
	for (k = 0; k < NFIELDS; k++) {
		str[k + 1] = quoth_quote_str(r, i, json_fields[k], &len[k + 1]);
		if (k < JSON_EMPTY_ABSENT && len[k + 1] == 0)
			str[k + 1] = NULL;
	}
	str[NFIELDS + 1] = quoth_quote_str(r, i, QUOTH_FIELD_CONTEXT,
	                                   &len[NFIELDS + 1]);
	str[NFIELDS + 2] = quoth_quote_str(r, i, QUOTH_FIELD_RULE,
	                                   &len[NFIELDS + 2]);
	spans = quoth_quote_nparts(r, i) + quoth_quote_nverbatim(r, i);
	/* room for all of it: keys, numbers, escaped strings */
	room = keys->total + KEY_ROOM + 8 + NUMBERS * (CLI_UINT_MAX + 4) +
	       spans * (2 * CLI_UINT_MAX + 4) + doc_len;
	if (doc_len > SIZE_MAX / 8 || spans > SIZE_MAX / (8 * CLI_UINT_MAX))
		goto too_large;
	for (k = 0; k < NFIELDS + 3; k++) {
		if (room > SIZE_MAX / 8 || len[k] > SIZE_MAX / 8 - room)
			goto too_large;
		room += CLI_JSON_ROOM(len[k]) + 4;
	}
	if (!(o = cli_buf_room(w->out, room)))
		return 0;
	o = json_key(o, keys, 0);
	if (doc_len)
		memcpy(o, doc, doc_len);
	o += doc_len;
	o = json_key(o, keys, 1);
	o += cli_fmt_uint(o, first + i + 1);
	for (k = 0; k < NFIELDS + 1; k++) {
		o = json_key(o, keys, 2 + k);
		o = json_str(o, str[k], len[k]);
	}
	o = json_span(o, keys, r, i, QUOTH_SPAN_QUOTE, 11);
	o = json_parts(json_key(o, keys, 13), r, i, 0);
	o = json_parts(json_key(o, keys, 14), r, i, 1);
	o = json_span(o, keys, r, i, QUOTH_SPAN_MENTION, 15);
	o = json_span(o, keys, r, i, QUOTH_SPAN_CUE, 17);
	quoth_quote_position(r, i, &par, &line);
	o = json_key(o, keys, 19);
	o += cli_fmt_uint(o, par);
	o = json_key(o, keys, 20);
	o += cli_fmt_uint(o, line);
	o = json_str(json_key(o, keys, 21), str[NFIELDS + 1], len[NFIELDS + 1]);
	o = json_str(json_key(o, keys, 22), str[NFIELDS + 2], len[NFIELDS + 2]);
	*o++ = '}';
	*o++ = '\n';
	w->out->len = (size_t)(o - w->out->ptr);
	*o = '\0';
	w->rows++;
	return 0;
too_large:
	w->out->failed = 1;
	return -1;
}

static int
json_rows(struct cli_writer *w, const char *doc, size_t doc_len, int numeric,
          size_t first, const quoth_result *r)
{
	size_t i, n = quoth_result_count(r), len = doc_len;
	struct json_keys keys;
	char *json = NULL;
	int rc = 0;

	if (!json_keys_init(&keys)) {
		w->out->failed = 1; /* a column name longer than KEY_ROOM */
		return -1;
	}
	if (n == 0)
		return 0;
	/* the document's name, a string escaped once for all its records
	 * (a number as it came) */
	if (!numeric) {
		if (doc_len > (SIZE_MAX - 3) / 6 ||
		    !(json = malloc(CLI_JSON_ROOM(doc_len)))) {
			w->out->failed = 1;
			return -1;
		}
		len = (size_t)(cli_json_string_at(json, doc, doc_len) - json);
		doc = json;
	}
	for (i = 0; i < n && rc == 0; i++)
		rc = json_row(w, doc, len, first, r, i, &keys);
	free(json);
	return rc;
}

/* ---- every format ----------------------------------------------------- */

/* The cells of record i of r, one a column of cli_quote_columns, as
 * the cli_cell_*() functions would make them; numbers are written into
 * num. */
static void
quote_cells(struct cli_cell *c, char (*num)[CLI_UINT_MAX], const char *doc,
            size_t doc_len, int numeric, size_t first, const quoth_result *r,
            size_t i)
{
	static const quoth_field fields[] = {
	        QUOTH_FIELD_SPEAKER, QUOTH_FIELD_TITLE,
	        QUOTH_FIELD_GENDER,  QUOTH_FIELD_GENDER_SOURCE,
	        QUOTH_FIELD_KIND,    QUOTH_FIELD_MENTION,
	        QUOTH_FIELD_CUE,     QUOTH_FIELD_QUOTE,
	        QUOTH_FIELD_CONTEXT, QUOTH_FIELD_RULE};
	/* (their columns: speaker ... quote, then context and rule; the
	 * first seven are null when empty) */
	static const unsigned char col[] = {3, 4, 5, 6, 7, 8, 9, 10, 21, 22};
	static const quoth_span_kind span[] = {
	        QUOTH_SPAN_QUOTE, QUOTH_SPAN_MENTION, QUOTH_SPAN_CUE};
	static const unsigned char span_col[] = {11, 15, 17};
	size_t k, s, e, par = 0, line = 0, nn = 0;
	const char *type = quoth_type_name(quoth_quote_type(r, i));

	c[0] = (struct cli_cell){numeric ? CLI_CELL_NUM : CLI_CELL_STR, doc,
	                         doc_len};
	c[1] = (struct cli_cell){CLI_CELL_NUM, num[nn], 0};
	c[1].n = cli_fmt_uint(num[nn++], first + i + 1);
	c[2] = (struct cli_cell){type ? CLI_CELL_STR : CLI_CELL_NULL, type,
	                         type ? strlen(type) : 0};
	for (k = 0; k < sizeof fields / sizeof fields[0]; k++) {
		struct cli_cell *f = &c[col[k]];
		f->kind = CLI_CELL_STR;
		f->n = 0;
		f->s = quoth_quote_str(r, i, fields[k], &f->n);
		if (!f->s || (k < JSON_EMPTY_ABSENT && f->n == 0))
			*f = (struct cli_cell){CLI_CELL_NULL, NULL, 0};
	}
	for (k = 0; k < 3; k++) {
		struct cli_cell *f = &c[span_col[k]];
		if (quoth_quote_span(r, i, span[k], &s, &e)) {
			f[0] = (struct cli_cell){CLI_CELL_NUM, num[nn], 0};
			f[0].n = cli_fmt_uint(num[nn++], s);
			f[1] = (struct cli_cell){CLI_CELL_NUM, num[nn], 0};
			f[1].n = cli_fmt_uint(num[nn++], e);
		} else {
			f[0] = f[1] = (struct cli_cell){CLI_CELL_NULL, NULL, 0};
		}
	}
	/* the JSON-only columns (parts, verbatim): not written */
	c[13] = c[14] = (struct cli_cell){CLI_CELL_NULL, NULL, 0};
	quoth_quote_position(r, i, &par, &line);
	c[19] = (struct cli_cell){CLI_CELL_NUM, num[nn], 0};
	c[19].n = cli_fmt_uint(num[nn++], par);
	c[20] = (struct cli_cell){CLI_CELL_NUM, num[nn], 0};
	c[20].n = cli_fmt_uint(num[nn++], line);
}

int
cli_quote_rows(struct cli_writer *w, const char *doc, size_t doc_len,
               int numeric, size_t first, const quoth_result *r)
{
	size_t i, k, n = quoth_result_count(r);
	struct cli_cell c[QUOTE_COLUMNS];
	char num[NUMBERS][CLI_UINT_MAX];
	bool flat = (w->format == CLI_FORMAT_CSV ||
	             w->format == CLI_FORMAT_TSV) &&
	            w->cols == cli_quote_columns && w->ncols == QUOTE_COLUMNS;

	/* JSON Lines records are whole objects, written by json_rows();
	 * CSV and TSV rows whole lines (cli_csv_row()); the other formats
	 * go cell by cell. */
	if (w->format == CLI_FORMAT_JSONL)
		return json_rows(w, doc, doc_len, numeric, first, r);
	for (i = 0; i < n; i++) {
		quote_cells(c, num, doc, doc_len, numeric, first, r, i);
		if (flat && w->col == 0) {
			cli_csv_row(w, c, QUOTE_COLUMNS);
			continue;
		}
		for (k = 0; k < QUOTE_COLUMNS; k++)
			cli_put_cell(w, &c[k]);
		cli_row_end(w);
	}
	return 0;
}
