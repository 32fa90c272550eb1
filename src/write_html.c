/*
 * write_html.c (CLI): the html back end of the record writer, for
 * `quoth -f html` (and, as a plain table per document, for other records
 * such as `quoth speakers -f html`).
 *
 * Reads one document's records, and for quote records the article's text
 * and its quoth_result (cli_writer_source()); writes one <section> of the
 * page (cli_html.h) per document:
 *
 *     heading and summary    "7 quotes (3 direct, ...) from 4 speakers"
 *     legend                 each speaker's colour, label, name, counts;
 *                            the line styles of the four quote types
 *     the article            every quote highlighted in its speaker's
 *                            colour, its label after it, cues and
 *                            speaker mentions marked (html_marks.c)
 *     notes                  a numbered list for print: speaker, title,
 *                            type, cue, rule, paragraph and line
 *     the quote table
 *
 * Every string from the input goes through cli_html_text().
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "write_html.h"

/* One document in the making. */
struct cli_html_doc {
	struct cli_buf name; /* the doc cell, as given (may hold NUL) */
	struct cli_buf rows; /* other records: the rendered <tr>s */
	size_t nrows;
};

/* One speaker of a document, in order of first quote. */
struct speaker {
	const char *name;
	size_t len;
	const char *label; /* short label: the last word, if unique */
	size_t label_len;
	const char *title;
	size_t title_len;
	size_t count[4]; /* by quoth_type */
	size_t total;
};

struct quote_page {
	struct speaker *sp;
	size_t nsp;
	size_t *of; /* quote i -> speaker index, SIZE_MAX when none */
	size_t nq;
	size_t none[4]; /* quotes without a speaker, by type */
	size_t nnone;
	size_t types[4];
	char prefix[16];
};

static const char *const type_help[4] = {
        "all of it inside quote marks", "reported speech with quoted words",
        "reported speech, no marks", "quoted words, no cue found"};

/* ---- the writer's back end ---------------------------------------------- */

void
cli_html_header(struct cli_writer *w)
{
	const char *title = "quoth";

	if (w->article)
		title = "quoth: quotes";
	else if (w->noun && strcmp(w->noun, "speaker") == 0)
		title = "quoth: speakers";
	cli_html_page_start(w->out, title, NULL);
}

static struct cli_html_doc *
doc_get(struct cli_writer *w)
{
	if (!w->html) {
		w->html = calloc(1, sizeof *w->html);
		if (!w->html)
			w->out->failed = 1;
	}
	return w->html;
}

void
cli_html_group(struct cli_writer *w, const char *s, size_t n)
{
	struct cli_html_doc *d = doc_get(w);

	if (!d)
		return;
	cli_buf_clear(&d->name);
	cli_buf_put(&d->name, s ? s : "", s ? n : 0);
}

void
cli_html_cell(struct cli_writer *w, const struct cli_cell *c)
{
	const struct cli_column *col = &w->cols[w->col];
	struct cli_html_doc *d;

	/* quote records are drawn from the result itself */
	if (w->article || (col->flags & (CLI_COL_JSON | CLI_COL_GROUP)))
		return;
	d = doc_get(w);
	if (!d)
		return;
	if (w->emitted++ == 0)
		cli_buf_puts(&d->rows, "<tr>");
	cli_buf_puts(&d->rows,
	             c->kind == CLI_CELL_NUM ? "<td class=\"num\">" : "<td>");
	if (c->kind != CLI_CELL_NULL)
		cli_html_text(&d->rows, c->s, c->n);
	cli_buf_puts(&d->rows, "</td>");
}

void
cli_html_row_end(struct cli_writer *w)
{
	if (w->article || !w->html)
		return;
	cli_buf_puts(&w->html->rows, "</tr>\n");
	w->html->nrows++;
}

/* Other records: a plain table of the columns CSV has. */
static void
render_rows(struct cli_writer *w, struct cli_html_doc *d)
{
	struct cli_buf *out = w->out;
	size_t i;
	char id[16];

	html_doc_prefix(id, d->name.ptr ? d->name.ptr : "", d->name.len,
	                d->rows.ptr ? d->rows.ptr : "", d->rows.len);
	cli_html_section_start(out, id, d->name.ptr ? d->name.ptr : "",
	                       d->name.len, d->nrows);
	cli_buf_puts(out, "<h2>");
	cli_html_text(out, d->name.ptr ? d->name.ptr : "", d->name.len);
	cli_buf_printf(out, "</h2>\n<p class=\"summary\">%zu %s%s</p>\n",
	               d->nrows, w->noun, d->nrows == 1 ? "" : "s");
	cli_buf_puts(out, "<table>\n<thead><tr>");
	for (i = 0; i < w->ncols; i++) {
		if (w->cols[i].flags & (CLI_COL_JSON | CLI_COL_GROUP))
			continue;
		cli_buf_puts(out, "<th>");
		cli_html_cstr(out, w->cols[i].name);
		cli_buf_puts(out, "</th>");
	}
	cli_buf_puts(out, "</tr></thead>\n<tbody>\n");
	cli_buf_put(out, d->rows.ptr ? d->rows.ptr : "", d->rows.len);
	cli_buf_puts(out, "</tbody>\n</table>\n</section>\n");
	if (d->rows.failed || d->name.failed)
		out->failed = 1;
}

static void render_quotes(struct cli_writer *w, struct cli_html_doc *d);

void
cli_html_finish(struct cli_writer *w)
{
	struct cli_html_doc *d = w->html;

	if (!d)
		return;
	if (w->article)
		render_quotes(w, d);
	else
		render_rows(w, d);
	cli_buf_free(&d->name);
	cli_buf_free(&d->rows);
	free(d);
	w->html = NULL;
}

/* ---- quote records: the article with its quotes ------------------------- */

static void
str_field(const quoth_result *r, size_t i, quoth_field f, const char **s,
          size_t *n)
{
	*n = 0;
	*s = quoth_quote_str(r, i, f, n);
	if (*s && *n == 0)
		*s = NULL;
}

/* The last word of name[0..n) (the whole name when it has one). */
static void
last_word(const char *name, size_t n, const char **s, size_t *len)
{
	size_t k = n;

	while (k > 0 && name[k - 1] != ' ')
		k--;
	*s = name + k;
	*len = n - k;
	if (*len == 0) {
		*s = name;
		*len = n;
	}
}

/* Speakers in order of first quote, with their labels: the last word of
 * the name ("Hegseth"), or the whole name when two speakers share it. */
static int
collect_speakers(const quoth_result *r, struct quote_page *pg)
{
	size_t i, k, n, len;
	const char *s;
	struct speaker *sp;

	pg->nq = quoth_result_count(r);
	pg->sp = calloc(pg->nq ? pg->nq : 1, sizeof *pg->sp);
	pg->of = calloc(pg->nq ? pg->nq : 1, sizeof *pg->of);
	if (!pg->sp || !pg->of)
		return -1;
	for (i = 0; i < pg->nq; i++) {
		quoth_type t = quoth_quote_type(r, i);

		pg->types[t & 3]++;
		str_field(r, i, QUOTH_FIELD_SPEAKER, &s, &len);
		pg->of[i] = SIZE_MAX;
		if (!s) {
			pg->none[t & 3]++;
			pg->nnone++;
			continue;
		}
		for (k = 0; k < pg->nsp; k++)
			if (pg->sp[k].len == len &&
			    memcmp(pg->sp[k].name, s, len) == 0)
				break;
		sp = &pg->sp[k];
		if (k == pg->nsp) {
			pg->nsp++;
			sp->name = s;
			sp->len = len;
		}
		if (!sp->title)
			str_field(r, i, QUOTH_FIELD_TITLE, &sp->title,
			          &sp->title_len);
		sp->count[t & 3]++;
		sp->total++;
		pg->of[i] = k;
	}
	for (k = 0; k < pg->nsp; k++)
		last_word(pg->sp[k].name, pg->sp[k].len, &pg->sp[k].label,
		          &pg->sp[k].label_len);
	for (k = 0; k < pg->nsp; k++) {
		for (n = 0; n < pg->nsp; n++) {
			if (n != k &&
			    pg->sp[n].label_len == pg->sp[k].label_len &&
			    memcmp(pg->sp[n].label, pg->sp[k].label,
			           pg->sp[k].label_len) == 0) {
				pg->sp[k].label = pg->sp[k].name;
				pg->sp[k].label_len = pg->sp[k].len;
				break;
			}
		}
	}
	return 0;
}

/* ' class="cK" data-s="K"' for speaker k, or the no-speaker ones. */
static void
speaker_attrs(struct cli_buf *b, size_t k)
{
	if (k == SIZE_MAX)
		cli_buf_puts(b, " cx\" data-s=\"x\"");
	else
		cli_buf_printf(b, " c%zu\" data-s=\"%zu\"",
		               k % CLI_HTML_NCOLORS, k);
}

/* "3 quotes (2 direct, 1 indirect)" */
static void
put_counts(struct cli_buf *b, const size_t count[4], size_t total)
{
	const char *sep = " (";
	int t;

	cli_buf_printf(b, "%zu quote%s", total, total == 1 ? "" : "s");
	for (t = 0; t < 4; t++) {
		if (!count[t])
			continue;
		cli_buf_printf(b, "%s%zu %s", sep, count[t],
		               quoth_type_name((quoth_type)t));
		sep = ", ";
	}
	if (total)
		cli_buf_putc(b, ')');
}

static void
put_legend(struct cli_buf *out, const struct quote_page *pg)
{
	const struct speaker *sp;
	size_t k;
	int t;

	cli_buf_puts(out, "<div class=\"legend\">\n<h3>Speakers</h3>\n<ul>\n");
	for (k = 0; k < pg->nsp; k++) {
		sp = &pg->sp[k];
		cli_buf_printf(out, "<li data-s=\"%zu\" data-name=\"", k);
		cli_html_text(out, sp->name, sp->len);
		cli_buf_puts(out, "\"><span class=\"who");
		speaker_attrs(out, k);
		cli_buf_puts(out, ">");
		cli_html_text(out, sp->label, sp->label_len);
		cli_buf_puts(out, "</span> <b>");
		cli_html_text(out, sp->name, sp->len);
		cli_buf_puts(out, "</b>");
		if (sp->title) {
			cli_buf_puts(out, ", ");
			cli_html_text(out, sp->title, sp->title_len);
		}
		cli_buf_puts(out, ": ");
		put_counts(out, sp->count, sp->total);
		cli_buf_puts(out, "</li>\n");
	}
	if (pg->nnone) {
		cli_buf_puts(out,
		             "<li data-s=\"x\" data-name=\"no speaker\">"
		             "<span class=\"who cx\" data-s=\"x\">?</span> "
		             "<b>no speaker found</b>: ");
		put_counts(out, pg->none, pg->nnone);
		cli_buf_puts(out, "</li>\n");
	}
	cli_buf_puts(out, "</ul>\n<ul class=\"key\" aria-label=\"Quote "
	                  "types\">\n");
	for (t = 0; t < 4; t++)
		cli_buf_printf(
		        out, "<li><mark class=\"q %s cx\">%s</mark> %s</li>\n",
		        quoth_type_name((quoth_type)t),
		        quoth_type_name((quoth_type)t), type_help[t]);
	cli_buf_puts(out, "<li><span class=\"cue\">cue</span> the cue words"
	                  "</li>\n<li><span class=\"mention\">mention</span> "
	                  "the speaker as named there</li>\n</ul>\n</div>\n");
}

/* The hover text of quote i: number, type, speaker, title, cue, rule. */
static void
quote_title(struct cli_buf *b, const quoth_result *r, size_t i)
{
	struct cli_buf t = {0};
	const char *s;
	size_t n;

	cli_buf_printf(&t, "Quote %zu, %s\nSpeaker: ", i + 1,
	               quoth_type_name(quoth_quote_type(r, i)));
	str_field(r, i, QUOTH_FIELD_SPEAKER, &s, &n);
	cli_buf_put(&t, s ? s : "not found", s ? n : 9);
	str_field(r, i, QUOTH_FIELD_TITLE, &s, &n);
	if (s) {
		cli_buf_puts(&t, ", ");
		cli_buf_put(&t, s, n);
	}
	str_field(r, i, QUOTH_FIELD_CUE, &s, &n);
	cli_buf_puts(&t, "\nCue: ");
	cli_buf_put(&t, s ? s : "none", s ? n : 4);
	str_field(r, i, QUOTH_FIELD_RULE, &s, &n);
	cli_buf_puts(&t, "\nRule: ");
	cli_buf_put(&t, s ? s : "none", s ? n : 4);
	if (t.failed)
		b->failed = 1;
	else
		cli_html_text(b, t.ptr, t.len);
	cli_buf_free(&t);
}

/* The highlights of quote i: its parts, mention and cue, and its label
 * after its last part. */
static void
mark_quote(struct html_marks *m, const quoth_result *r,
           const struct quote_page *pg, size_t i)
{
	struct cli_buf tag = {0};
	size_t k, np = quoth_quote_nparts(r, i), s, e, last = 0, sk = pg->of[i];
	const struct speaker *sp = sk == SIZE_MAX ? NULL : &pg->sp[sk];

	cli_buf_printf(&tag, "<mark class=\"q %s",
	               quoth_type_name(quoth_quote_type(r, i)));
	speaker_attrs(&tag, sk);
	cli_buf_puts(&tag, " title=\"");
	quote_title(&tag, r, i);
	cli_buf_puts(&tag, "\">");
	for (k = 0; k < np; k++) {
		quoth_quote_part(r, i, k, &s, &e);
		html_marks_add(m, s, e, 0, tag.ptr, tag.len, "</mark>");
		if (e > last)
			last = e;
	}
	cli_buf_clear(&tag);
	if (quoth_quote_span(r, i, QUOTH_SPAN_CUE, &s, &e)) {
		cli_buf_printf(&tag,
		               "<span class=\"cue\" title=\"cue of "
		               "quote %zu\">",
		               i + 1);
		html_marks_add(m, s, e, 1, tag.ptr, tag.len, "</span>");
		cli_buf_clear(&tag);
	}
	if (quoth_quote_span(r, i, QUOTH_SPAN_MENTION, &s, &e)) {
		cli_buf_printf(&tag,
		               "<span class=\"mention\" title=\"speaker "
		               "of quote %zu\">",
		               i + 1);
		html_marks_add(m, s, e, 1, tag.ptr, tag.len, "</span>");
		cli_buf_clear(&tag);
	}
	cli_buf_printf(&tag, "<a class=\"who");
	speaker_attrs(&tag, sk);
	cli_buf_printf(&tag, " id=\"%s-r%zu\" href=\"#%s-n%zu\" title=\"",
	               pg->prefix, i + 1, pg->prefix, i + 1);
	quote_title(&tag, r, i);
	cli_buf_printf(&tag, "\">%zu&#160;", i + 1);
	if (sp)
		cli_html_text(&tag, sp->label, sp->label_len);
	else
		cli_buf_putc(&tag, '?');
	cli_buf_puts(&tag, "</a>");
	html_marks_insert(m, last, tag.ptr, tag.len);
	if (tag.failed)
		m->failed = 1;
	cli_buf_free(&tag);
}

static void
put_article(struct cli_buf *out, const struct cli_writer *w,
            const struct quote_page *pg)
{
	struct html_marks m;
	size_t i;

	memset(&m, 0, sizeof m);
	for (i = 0; i < pg->nq; i++)
		mark_quote(&m, w->result, pg, i);
	cli_buf_puts(out, "<h3>The text</h3>\n<div class=\"article\">");
	html_marks_render(&m, out, w->text ? w->text : "", w->text_len);
	cli_buf_puts(out, "</div>\n");
	html_marks_free(&m);
}

/* "paragraph 3, line 5" */
static void
put_position(struct cli_buf *out, const quoth_result *r, size_t i)
{
	size_t par = 0, line = 0;

	quoth_quote_position(r, i, &par, &line);
	cli_buf_printf(out, "paragraph %zu, line %zu", par, line);
}

static void
put_notes(struct cli_buf *out, const quoth_result *r,
          const struct quote_page *pg)
{
	const char *s;
	size_t i, n;

	cli_buf_puts(out, "<h3>Notes</h3>\n<ol class=\"notes\">\n");
	for (i = 0; i < pg->nq; i++) {
		cli_buf_printf(out, "<li id=\"%s-n%zu\" class=\"", pg->prefix,
		               i + 1);
		speaker_attrs(out, pg->of[i]);
		cli_buf_puts(out, "><b>");
		str_field(r, i, QUOTH_FIELD_SPEAKER, &s, &n);
		if (s)
			cli_html_text(out, s, n);
		else
			cli_buf_puts(out, "no speaker found");
		cli_buf_puts(out, "</b>");
		str_field(r, i, QUOTH_FIELD_TITLE, &s, &n);
		if (s) {
			cli_buf_puts(out, ", ");
			cli_html_text(out, s, n);
		}
		cli_buf_printf(out, ": %s",
		               quoth_type_name(quoth_quote_type(r, i)));
		str_field(r, i, QUOTH_FIELD_CUE, &s, &n);
		if (s) {
			cli_buf_puts(out, "; cue <q>");
			cli_html_text(out, s, n);
			cli_buf_puts(out, "</q>");
		}
		str_field(r, i, QUOTH_FIELD_RULE, &s, &n);
		cli_buf_puts(out, "; rule ");
		cli_html_text(out, s ? s : "none", s ? n : 4);
		cli_buf_puts(out, "; ");
		put_position(out, r, i);
		cli_buf_printf(out,
		               ". <a href=\"#%s-r%zu\">Back to the text"
		               "</a></li>\n",
		               pg->prefix, i + 1);
	}
	cli_buf_puts(out, "</ol>\n");
}

/* A table cell holding field f of quote i (empty when absent). */
static void
field_cell(struct cli_buf *out, const quoth_result *r, size_t i, quoth_field f)
{
	const char *s;
	size_t n;

	str_field(r, i, f, &s, &n);
	cli_buf_puts(out, "<td>");
	if (s)
		cli_html_text(out, s, n);
	cli_buf_puts(out, "</td>");
}

static void
put_table(struct cli_buf *out, const quoth_result *r,
          const struct quote_page *pg)
{
	size_t i, par, line;

	cli_buf_puts(out, "<h3>Quotes</h3>\n<table class=\"quotes\">\n"
	                  "<thead><tr><th>n</th><th>type</th><th>speaker</th>"
	                  "<th>title</th><th>cue</th><th>quote</th>"
	                  "<th>rule</th><th>paragraph</th><th>line</th></tr>"
	                  "</thead>\n<tbody>\n");
	for (i = 0; i < pg->nq; i++) {
		cli_buf_puts(out, "<tr class=\"");
		speaker_attrs(out, pg->of[i]);
		cli_buf_printf(out, "><td class=\"num\">%zu</td><td>%s</td>",
		               i + 1, quoth_type_name(quoth_quote_type(r, i)));
		field_cell(out, r, i, QUOTH_FIELD_SPEAKER);
		field_cell(out, r, i, QUOTH_FIELD_TITLE);
		field_cell(out, r, i, QUOTH_FIELD_CUE);
		field_cell(out, r, i, QUOTH_FIELD_QUOTE);
		field_cell(out, r, i, QUOTH_FIELD_RULE);
		par = line = 0;
		quoth_quote_position(r, i, &par, &line);
		cli_buf_printf(out,
		               "<td class=\"num\">%zu</td><td class=\"num\">%zu"
		               "</td></tr>\n",
		               par, line);
	}
	cli_buf_puts(out, "</tbody>\n</table>\n");
}

static void
render_quotes(struct cli_writer *w, struct cli_html_doc *d)
{
	struct cli_buf *out = w->out;
	struct quote_page pg;
	const char *name = d->name.ptr ? d->name.ptr : "";

	memset(&pg, 0, sizeof pg);
	if (collect_speakers(w->result, &pg) != 0) {
		out->failed = 1;
		goto done;
	}
	html_doc_prefix(pg.prefix, name, d->name.len, w->text ? w->text : "",
	                w->text_len);
	cli_html_section_start(out, pg.prefix, name, d->name.len, pg.nq);
	cli_buf_puts(out, "<h2>");
	cli_html_text(out, name, d->name.len);
	cli_buf_puts(out, "</h2>\n<p class=\"summary\">");
	put_counts(out, pg.types, pg.nq);
	cli_buf_printf(out, " from %zu speaker%s", pg.nsp,
	               pg.nsp == 1 ? "" : "s");
	if (pg.nnone)
		cli_buf_printf(out, "; %zu without a speaker", pg.nnone);
	cli_buf_puts(out, ".</p>\n");
	put_legend(out, &pg);
	put_article(out, w, &pg);
	if (pg.nq) {
		put_notes(out, w->result, &pg);
		put_table(out, w->result, &pg);
	}
	cli_buf_puts(out, "</section>\n");
	if (d->name.failed)
		out->failed = 1;
done:
	free(pg.sp);
	free(pg.of);
}
