/*
 * speakers_html.c (CLI): `quoth speakers -f html`, the speakers tables as
 * one standalone page (cli_html.c's skeleton: no network, inline CSS):
 * one section per document, or with --total one table of the totals
 * after bar charts drawn as inline SVG: people and quotes by gender,
 * speakers and quotes by kind, the top speakers.
 *
 * A gender from a first name (--gender-from-names) is never shown as if
 * the article stated it: its bars are hatched and labelled "by first
 * name", and its table cells say so.  Every string from the input goes
 * through cli_html_text().
 */
#include <stdlib.h>
#include <string.h>

#include "cli_html.h"
#include "speakers_audit.h"

/* Chart geometry, in SVG user units (= CSS pixels). */
#define CH_LABEL 190 /* label column */
#define CH_LABEL_CHARS 24
#define CH_BAR 360 /* longest bar */
#define CH_ROW 26  /* height of one bar's row */
#define CH_TOP 6
#define CH_TOP_SPEAKERS 10 /* bars of the top-speakers chart */

static const char extra_css[] =
        ".charts{display:grid;grid-template-columns:repeat(auto-fill,"
        "minmax(36rem,1fr));gap:.5rem 2rem}\n"
        "figure{margin:.5rem 0}figcaption{font-weight:600;margin:.5rem 0}\n"
        "svg.bars{max-width:100%;height:auto;font:13px system-ui,"
        "sans-serif}\n"
        "svg.bars text{fill:" CLI_HTML_TEXT_COLOR "}\n"
        ".byname{font-style:italic}\n"
        "td.g-name{background:repeating-linear-gradient(135deg,#fff 0 6px,"
        "#e9ecef 6px 9px)}\n";

/* The gender groups of the charts. */
enum {
	GG_FEMALE_ARTICLE,
	GG_FEMALE_NAME,
	GG_MALE_ARTICLE,
	GG_MALE_NAME,
	GG_NONE,
	GG_COUNT_
};

static const char *const gg_label[GG_COUNT_] = {
        "female (article)", "female (by first name)", "male (article)",
        "male (by first name)", "no gender"};
/* fill colours: female and male share a colour per sex; the first-name
 * bars add a hatch over it */
static const char *const gg_fill[GG_COUNT_] = {"#eebefa", "url(#hf)", "#a5d8ff",
                                               "url(#hm)", "#dee2e6"};

static int
str_is(const struct audit_str *x, const char *s)
{
	return x->s && strcmp(x->s, s) == 0;
}

static int
gender_group(const struct audit_row *r)
{
	int name = str_is(&r->f[AF_GENDER_SOURCE], "name");

	if (str_is(&r->f[AF_GENDER], "female"))
		return name ? GG_FEMALE_NAME : GG_FEMALE_ARTICLE;
	if (str_is(&r->f[AF_GENDER], "male"))
		return name ? GG_MALE_NAME : GG_MALE_ARTICLE;
	return GG_NONE;
}

/* One bar of a chart. */
struct bar {
	const char *label; /* trusted text, or NULL: use `text` */
	const struct audit_str *text;
	const char *fill;
	int byname; /* label in italics (a first-name statistic) */
	size_t value;
};

/* A speaker's name as a bar label: at most CH_LABEL_CHARS characters,
 * longer ones cut with an ellipsis (the table has them whole). */
static void
short_label(struct cli_buf *b, const struct audit_str *s)
{
	size_t i = 0, k = 0;
	int32_t cp;

	while (i < s->n && k < CH_LABEL_CHARS) {
		i += cli_utf8_next(s->s + i, s->n - i, &cp);
		k++;
	}
	cli_html_text(b, s->s, i);
	if (i < s->n)
		cli_buf_puts(b, "\xE2\x80\xA6"); /* U+2026 */
}

/* A horizontal bar chart of bars[0..n) with a caption. */
static void
chart(struct cli_buf *b, const char *caption, const struct bar *bars, size_t n)
{
	size_t i, max = 0, w;
	unsigned h = (unsigned)(CH_TOP * 2 + CH_ROW * n);

	for (i = 0; i < n; i++)
		if (bars[i].value > max)
			max = bars[i].value;
	cli_buf_puts(b, "<figure><figcaption>");
	cli_html_cstr(b, caption);
	cli_buf_printf(b,
	               "</figcaption>\n<svg class=\"bars\" role=\"img\" "
	               "viewBox=\"0 0 %d %u\" width=\"%d\" height=\"%u\">"
	               "<title>",
	               CH_LABEL + CH_BAR + 60, h, CH_LABEL + CH_BAR + 60, h);
	cli_html_cstr(b, caption);
	cli_buf_puts(b, "</title>\n");
	for (i = 0; i < n; i++) {
		unsigned y = (unsigned)(CH_TOP + CH_ROW * i);
		w = max ? (bars[i].value * CH_BAR + max - 1) / max : 0;
		cli_buf_printf(b,
		               "<text x=\"%d\" y=\"%u\" text-anchor=\"end\"%s>",
		               CH_LABEL - 8, y + CH_ROW / 2 + 4,
		               bars[i].byname ? " font-style=\"italic\"" : "");
		if (bars[i].label)
			cli_html_cstr(b, bars[i].label);
		else
			short_label(b, bars[i].text);
		cli_buf_printf(
		        b,
		        "</text><rect x=\"%d\" y=\"%u\" width=\"%zu\" "
		        "height=\"%d\" fill=\"%s\" "
		        "stroke=\"" CLI_HTML_TEXT_COLOR
		        "\" stroke-width=\"1\"/><text x=\"%zu\" y=\"%u\">"
		        "%zu</text>\n",
		        CH_LABEL, y + 3, w, CH_ROW - 6, bars[i].fill,
		        CH_LABEL + w + 6, y + CH_ROW / 2 + 4, bars[i].value);
	}
	cli_buf_puts(b, "</svg></figure>\n");
}

/* The hatches of the first-name bars (referenced as url(#hf), url(#hm)). */
static void
hatch_defs(struct cli_buf *b)
{
	static const char *const id[2] = {"hf", "hm"};
	static const char *const base[2] = {"#eebefa", "#a5d8ff"};
	int i;

	cli_buf_puts(b, "<svg width=\"0\" height=\"0\" aria-hidden=\"true\" "
	                "style=\"position:absolute\"><defs>");
	for (i = 0; i < 2; i++)
		cli_buf_printf(
		        b,
		        "<pattern id=\"%s\" width=\"8\" height=\"8\" "
		        "patternUnits=\"userSpaceOnUse\" "
		        "patternTransform=\"rotate(45)\"><rect width=\"8\" "
		        "height=\"8\" fill=\"%s\"/><rect width=\"3\" "
		        "height=\"8\" fill=\"#495057\"/></pattern>",
		        id[i], base[i]);
	cli_buf_puts(b, "</defs></svg>\n");
}

static const char *const kinds[] = {"person",   "organisation", "place",
                                    "document", "description",  "unknown"};
#define NKINDS (sizeof kinds / sizeof kinds[0])

/* Index of a row's kind in kinds[] (NKINDS: no speaker). */
static size_t
kind_index(const struct audit_row *r)
{
	size_t k;

	for (k = 0; k < NKINDS; k++)
		if (str_is(&r->f[AF_KIND], kinds[k]))
			return k;
	return r->f[AF_SPEAKER].s ? NKINDS - 1 : NKINDS;
}

/* The charts of the totals. */
static void
charts(struct cli_buf *b, const struct audit_view *v)
{
	size_t people[GG_COUNT_] = {0}, quotes[GG_COUNT_] = {0};
	size_t ksp[NKINDS + 1] = {0}, kq[NKINDS + 1] = {0};
	struct bar bars[CH_TOP_SPEAKERS > NKINDS + 1 ? CH_TOP_SPEAKERS
	                                             : NKINDS + 1];
	size_t i, n;
	int g;

	for (i = 0; i < v->nrows; i++) {
		const struct audit_row *r = &v->rows[i];
		size_t k = kind_index(r);
		ksp[k] += (size_t)r->speakers;
		kq[k] += audit_quotes(r);
		if (k != 0) /* gender is about people */
			continue;
		g = gender_group(r);
		people[g] += (size_t)r->speakers;
		quotes[g] += audit_quotes(r);
	}
	hatch_defs(b);
	cli_buf_puts(b, "<h2>Charts</h2>\n<p class=\"key\">Hatched bars in "
	                "italics: gender from the first name "
	                "(--gender-from-names), a statistic, not something "
	                "the article says.</p>\n<div class=\"charts\">\n");
	for (g = 0; g < GG_COUNT_; g++) {
		bars[g].label = gg_label[g];
		bars[g].text = NULL;
		bars[g].fill = gg_fill[g];
		bars[g].byname = g == GG_FEMALE_NAME || g == GG_MALE_NAME;
		bars[g].value = people[g];
	}
	chart(b, "People quoted, by gender", bars, GG_COUNT_);
	for (g = 0; g < GG_COUNT_; g++)
		bars[g].value = quotes[g];
	chart(b, "Quotes by people, by gender", bars, GG_COUNT_);
	for (i = 0; i <= NKINDS; i++) {
		bars[i].label = i < NKINDS ? kinds[i] : "no speaker";
		bars[i].text = NULL;
		bars[i].fill = cli_html_palette[i % CLI_HTML_NCOLORS];
		bars[i].byname = 0;
		bars[i].value = ksp[i];
	}
	chart(b, "Speakers by kind", bars, NKINDS);
	for (i = 0; i <= NKINDS; i++)
		bars[i].value = kq[i];
	chart(b, "Quotes by kind of speaker", bars, NKINDS + 1);
	/* the rows come most quoted first */
	for (i = 0, n = 0; i < v->nrows && n < CH_TOP_SPEAKERS; i++) {
		const struct audit_row *r = &v->rows[i];
		if (!r->f[AF_SPEAKER].s)
			continue;
		g = gender_group(r);
		bars[n].label = NULL;
		bars[n].text = &r->f[AF_SPEAKER];
		bars[n].fill = kind_index(r) == 0 ? gg_fill[g] : "#dee2e6";
		bars[n].byname = g == GG_FEMALE_NAME || g == GG_MALE_NAME;
		bars[n].value = audit_quotes(r);
		n++;
	}
	if (n)
		chart(b, "Top speakers, by quotes", bars, n);
	cli_buf_puts(b, "</div>\n");
}

/* s escaped (nothing when absent). */
static void
put_str(struct cli_buf *b, const struct audit_str *s)
{
	if (s->s)
		cli_html_text(b, s->s, s->n);
}

static void
td_text(struct cli_buf *b, const struct audit_str *s)
{
	cli_buf_puts(b, "<td>");
	if (s->s)
		cli_html_text(b, s->s, s->n);
	cli_buf_puts(b, "</td>");
}

static void
td_num(struct cli_buf *b, size_t v)
{
	cli_buf_printf(b, "<td class=\"num\">%zu</td>", v);
}

/* The gender cell: one from a first name says so. */
static void
td_gender(struct cli_buf *b, const struct audit_row *r)
{
	if (!r->f[AF_GENDER].s) {
		cli_buf_puts(b, "<td></td>");
		return;
	}
	if (str_is(&r->f[AF_GENDER_SOURCE], "name")) {
		cli_buf_puts(b, "<td class=\"g-name byname\" title=\"from the "
		                "first name, not the article\">");
		cli_html_text(b, r->f[AF_GENDER].s, r->f[AF_GENDER].n);
		cli_buf_puts(b, " (by first name)</td>");
		return;
	}
	td_text(b, &r->f[AF_GENDER]);
}

/* The head of a speakers table (with the documents column for totals). */
static void
table_head(struct cli_buf *b, int total)
{
	cli_buf_puts(b, "<table>\n<thead><tr><th>speaker</th><th>title</th>"
	                "<th>gender</th><th>kind</th>");
	if (total)
		cli_buf_puts(b, "<th>documents</th>");
	cli_buf_puts(b, "<th>quotes</th><th>direct</th><th>mixed</th>"
	                "<th>indirect</th><th>partial</th><th>words</th>");
	if (!total)
		cli_buf_puts(b, "<th>first paragraph</th>");
	cli_buf_puts(b, "</tr></thead>\n<tbody>\n");
}

static void
table_row(struct cli_buf *b, const struct audit_row *r, int total)
{
	int t;

	cli_buf_puts(b, "<tr>");
	if (r->f[AF_SPEAKER].s)
		td_text(b, &r->f[AF_SPEAKER]);
	else
		cli_buf_puts(b, "<td><em>(no speaker)</em></td>");
	td_text(b, &r->f[AF_TITLE]);
	td_gender(b, r);
	td_text(b, &r->f[AF_KIND]);
	if (total)
		td_num(b, r->documents);
	td_num(b, audit_quotes(r));
	for (t = 0; t < 4; t++)
		td_num(b, r->count[t]);
	td_num(b, r->words);
	if (!total)
		td_num(b, r->first_paragraph);
	cli_buf_puts(b, "</tr>\n");
}

/* Without --total: one section per document with speakers, its name as
 * the heading, and (for several) a list of contents linking to them. */
static void
doc_sections(struct cli_buf *b, const struct audit_view *v)
{
	struct cli_buf toc = {0};
	size_t i = 0, j, k, n = 0;
	const struct audit_row *r;

	cli_buf_puts(&toc, "<ol>\n");
	for (i = 0; i < v->nrows; i = j) {
		r = &v->rows[i];
		for (j = i;
		     j < v->nrows && v->rows[j].doc_index == r->doc_index; j++)
			;
		n++;
		cli_buf_printf(&toc, "<li><a href=\"#doc-%zu\">", n);
		put_str(&toc, &r->f[AF_DOC]);
		cli_buf_printf(&toc, "</a> (%zu speaker%s)</li>\n", j - i,
		               j - i == 1 ? "" : "s");
	}
	cli_buf_puts(&toc, "</ol>\n");
	if (n > 1) {
		cli_buf_printf(
		        b,
		        "<nav class=\"contents\" aria-label=\"Contents\">"
		        "<h2>%zu documents with speakers</h2>\n",
		        n);
		cli_buf_put(b, toc.ptr, toc.len);
		cli_buf_puts(b, "</nav>\n");
	}
	if (toc.failed)
		b->failed = 1;
	cli_buf_free(&toc);
	for (i = 0, n = 0; i < v->nrows; i = j) {
		r = &v->rows[i];
		for (j = i;
		     j < v->nrows && v->rows[j].doc_index == r->doc_index; j++)
			;
		cli_buf_printf(b,
		               "<section class=\"doc\" id=\"doc-%zu\" "
		               "data-name=\"",
		               ++n);
		put_str(b, &r->f[AF_DOC]);
		cli_buf_printf(b, "\" data-count=\"%zu\">\n<h2>", j - i);
		put_str(b, &r->f[AF_DOC]);
		cli_buf_puts(b, "</h2>\n");
		table_head(b, 0);
		for (k = i; k < j; k++)
			table_row(b, &v->rows[k], 0);
		cli_buf_puts(b, "</tbody></table>\n</section>\n");
	}
}

void
cli_audit_html(struct cli_buf *b, const struct audit_view *v)
{
	size_t i, speakers = 0, quotes = 0;

	for (i = 0; i < v->nrows; i++) {
		speakers += (size_t)v->rows[i].speakers;
		quotes += audit_quotes(&v->rows[i]);
	}
	cli_html_page_start(b, v->total ? "Speakers: totals" : "Speakers",
	                    extra_css);
	cli_buf_printf(b,
	               "<p class=\"summary\">%zu document%s, %zu speaker%s%s, "
	               "%zu quote%s.</p>\n",
	               v->ndocs, v->ndocs == 1 ? "" : "s", speakers,
	               speakers == 1 ? "" : "s",
	               v->total ? "" : " (counted per document)", quotes,
	               quotes == 1 ? "" : "s");
	if (v->total) {
		charts(b, v);
		cli_buf_puts(b, "<h2>Speakers</h2>\n");
		table_head(b, 1);
		for (i = 0; i < v->nrows; i++)
			table_row(b, &v->rows[i], 1);
		cli_buf_puts(b, "</tbody></table>\n");
	} else {
		doc_sections(b, v);
	}
	cli_html_page_end(b, NULL);
}
