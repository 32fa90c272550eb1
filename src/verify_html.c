/*
 * verify_html.c (CLI): one draft's section of `quoth verify -f html`.
 *
 * Reads the draft's text, its quoth_result and the quoth_check verify made
 * of it; writes HTML (cli_html.h):
 *
 *     heading and summary   "12 quotes: 9 exact, 2 altered, 1 missing"
 *     the draft             every verbatim span (the words verify checks;
 *                           an indirect quote's whole span) highlighted in
 *                           its status's colour, and after each quote a
 *                           label with its number and status in words
 *     beside it, the checks status, similarity, speaker, the word diff
 *                           (<del> source words, <ins> the draft's), and
 *                           the source passage with file, line, timestamp
 *                           and speaker label
 *
 * The status is always written out, never shown by colour alone.
 */
#include <stdlib.h>
#include <string.h>

#include "write_html.h"

static const char *const status_sign[CLI_HTML_NSTATUS] = {
        "\xE2\x9C\x93", /* ✓ exact */
        "\xE2\x9C\x93", /* ✓ elided */
        "\xE2\x89\xA0", /* ≠ altered */
        "\xE2\x9C\x97", /* ✗ missing */
        "\xE2\x80\x93", /* – indirect */
};

static const char *
status_name(quoth_verify_status st)
{
	return quoth_verify_status_name(st);
}

static size_t
status_index(quoth_verify_status st)
{
	return (size_t)st < CLI_HTML_NSTATUS ? (size_t)st
	                                     : CLI_HTML_NSTATUS - 1;
}

/* "✓ exact" inside a label of its colour, linking to `href_id`. */
static void
status_label(struct cli_buf *b, const char *prefix, const char *kind, size_t n,
             const char *id_kind, quoth_verify_status st)
{
	cli_buf_printf(b, "<a class=\"v v-%s\" href=\"#%s-%s%zu\"",
	               status_name(st), prefix, kind, n);
	if (id_kind)
		cli_buf_printf(b, " id=\"%s-%s%zu\"", prefix, id_kind, n);
	cli_buf_printf(b, ">%zu %s&#160;%s</a>", n,
	               status_sign[status_index(st)], status_name(st));
}

/* The hover text of quote i: number, type, status, similarity, speaker,
 * and the diff in verify's text notation when there is one to see. */
static void
check_title(struct cli_buf *b, const quoth_result *r, const quoth_check *chk,
            size_t i)
{
	struct cli_buf t = {0};
	quoth_verify_status st = quoth_check_status(chk, i);
	const char *s;
	size_t n;

	cli_buf_printf(&t, "Quote %zu, %s: %s", i + 1,
	               quoth_type_name(quoth_quote_type(r, i)),
	               status_name(st));
	if (st != QUOTH_VERIFY_INDIRECT)
		cli_buf_printf(&t, " (similarity %.3f)",
		               quoth_check_similarity(chk, i));
	s = quoth_quote_str(r, i, QUOTH_FIELD_SPEAKER, &n);
	cli_buf_puts(&t, "\nSpeaker: ");
	cli_buf_put(&t, s ? s : "not found", s ? n : 9);
	s = quoth_check_str(chk, i, QUOTH_CHECK_DIFF, &n);
	if (s && st != QUOTH_VERIFY_EXACT) {
		cli_buf_puts(&t, "\nDiff: ");
		cli_buf_put(&t, s, n);
	}
	if (t.failed)
		b->failed = 1;
	else
		cli_html_text(b, t.ptr, t.len);
	cli_buf_free(&t);
}

/* The highlights of quote i: its verbatim spans (or, with none, its
 * parts) in its status's colour, and its label after the last one. */
static void
mark_check(struct html_marks *m, const quoth_result *r, const quoth_check *chk,
           size_t i, const char *prefix)
{
	struct cli_buf tag = {0};
	quoth_verify_status st = quoth_check_status(chk, i);
	size_t k, nv = quoth_quote_nverbatim(r, i), np, s, e, last = 0;

	cli_buf_printf(&tag, "<mark class=\"q %s v-%s\" title=\"",
	               quoth_type_name(quoth_quote_type(r, i)),
	               status_name(st));
	check_title(&tag, r, chk, i);
	cli_buf_puts(&tag, "\">");
	np = nv ? nv : quoth_quote_nparts(r, i);
	for (k = 0; k < np; k++) {
		if (nv)
			quoth_quote_verbatim(r, i, k, &s, &e);
		else
			quoth_quote_part(r, i, k, &s, &e);
		html_marks_add(m, s, e, 0, tag.ptr, tag.len, "</mark>");
		if (e > last)
			last = e;
	}
	cli_buf_clear(&tag);
	status_label(&tag, prefix, "c", i + 1, "r", st);
	html_marks_insert(m, last, tag.ptr, tag.len);
	if (tag.failed)
		m->failed = 1;
	cli_buf_free(&tag);
}

/* A word diff "We [-must-] {+should+} act" with <del> and <ins>. */
static void
put_diff(struct cli_buf *b, const char *s, size_t n)
{
	size_t i = 0, ws, we;
	int in_del = 0, in_ins = 0, first = 1;

	while (i < n) {
		while (i < n && s[i] == ' ')
			i++;
		if (i >= n)
			break;
		ws = i;
		while (i < n && s[i] != ' ')
			i++;
		we = i;
		if (!first)
			cli_buf_putc(b, ' ');
		first = 0;
		if (!in_del && !in_ins && we - ws >= 2 &&
		    memcmp(s + ws, "[-", 2) == 0) {
			in_del = 1;
			ws += 2;
			cli_buf_puts(b, "<del>");
		} else if (!in_del && !in_ins && we - ws >= 2 &&
		           memcmp(s + ws, "{+", 2) == 0) {
			in_ins = 1;
			ws += 2;
			cli_buf_puts(b, "<ins>");
		}
		if (in_del && we - ws >= 2 &&
		    memcmp(s + we - 2, "-]", 2) == 0) {
			cli_html_text(b, s + ws, we - 2 - ws);
			cli_buf_puts(b, "</del>");
			in_del = 0;
		} else if (in_ins && we - ws >= 2 &&
		           memcmp(s + we - 2, "+}", 2) == 0) {
			cli_html_text(b, s + ws, we - 2 - ws);
			cli_buf_puts(b, "</ins>");
			in_ins = 0;
		} else {
			cli_html_text(b, s + ws, we - ws);
		}
	}
	if (in_del)
		cli_buf_puts(b, "</del>");
	if (in_ins)
		cli_buf_puts(b, "</ins>");
}

/* "Source: hearing.vtt, line 12, at 00:01:30, speaker OKAFOR" */
static void
put_source(struct cli_buf *b, const quoth_check *chk, size_t i)
{
	size_t src, start, end, line, n;
	const char *s;

	if (!quoth_check_source(chk, i, &src, &start, &end, &line)) {
		cli_buf_puts(b, "<p class=\"src\">No source passage reaches "
		                "the similarity threshold.</p>\n");
		return;
	}
	cli_buf_puts(b, "<p class=\"src\">Source: <b>");
	s = quoth_check_str(chk, i, QUOTH_CHECK_SOURCE, &n);
	if (s)
		cli_html_text(b, s, n);
	cli_buf_printf(b, "</b>, line %zu", line);
	s = quoth_check_str(chk, i, QUOTH_CHECK_TIMESTAMP, &n);
	if (s) {
		cli_buf_puts(b, ", at <time>");
		cli_html_text(b, s, n);
		cli_buf_puts(b, "</time>");
	}
	s = quoth_check_str(chk, i, QUOTH_CHECK_SPEAKER_LABEL, &n);
	if (s) {
		cli_buf_puts(b, ", speaker ");
		cli_html_text(b, s, n);
	}
	if (quoth_check_speaker_mismatch(chk, i))
		cli_buf_puts(b, " <strong class=\"v v-missing\">speaker "
		                "mismatch</strong>");
	cli_buf_puts(b, "</p>\n");
	s = quoth_check_str(chk, i, QUOTH_CHECK_SOURCE_WORDS, &n);
	if (s) {
		cli_buf_puts(b, "<blockquote class=\"passage\">");
		cli_html_text(b, s, n);
		cli_buf_puts(b, "</blockquote>\n");
	}
}

/* One entry of the checks list. */
static void
put_check(struct cli_buf *b, const quoth_result *r, const quoth_check *chk,
          size_t i, const char *prefix)
{
	quoth_verify_status st = quoth_check_status(chk, i);
	const char *s;
	size_t n;

	cli_buf_printf(b, "<li id=\"%s-c%zu\" class=\"b-%s\">", prefix, i + 1,
	               status_name(st));
	status_label(b, prefix, "r", i + 1, NULL, st);
	cli_buf_printf(b, " %s", quoth_type_name(quoth_quote_type(r, i)));
	if (st != QUOTH_VERIFY_INDIRECT)
		cli_buf_printf(b, ", similarity %.3f",
		               quoth_check_similarity(chk, i));
	s = quoth_quote_str(r, i, QUOTH_FIELD_SPEAKER, &n);
	cli_buf_puts(b, ", ");
	if (s && n) {
		cli_buf_puts(b, "<b>");
		cli_html_text(b, s, n);
		cli_buf_puts(b, "</b>");
	} else {
		cli_buf_puts(b, "no speaker found");
	}
	cli_buf_puts(b, "\n<p class=\"diff\">");
	s = quoth_check_str(chk, i, QUOTH_CHECK_DIFF, &n);
	if (s)
		put_diff(b, s, n);
	else if ((s = quoth_quote_str(r, i, QUOTH_FIELD_QUOTE, &n)) != NULL)
		cli_html_text(b, s, n);
	cli_buf_puts(b, "</p>\n");
	if (st != QUOTH_VERIFY_INDIRECT)
		put_source(b, chk, i);
	cli_buf_puts(b, "</li>\n");
}

/* "12 quotes: 9 exact, 2 altered, 1 missing; 1 speaker mismatch" */
static void
put_summary(struct cli_buf *b, const quoth_check *chk)
{
	size_t i, n = quoth_check_count(chk), count[CLI_HTML_NSTATUS] = {0};
	size_t mismatch = 0;

	for (i = 0; i < n; i++) {
		count[status_index(quoth_check_status(chk, i))]++;
		mismatch += (size_t)quoth_check_speaker_mismatch(chk, i);
	}
	cli_buf_printf(b, "<p class=\"summary\"><b>%zu quote%s</b>", n,
	               n == 1 ? "" : "s");
	for (i = 0; i < CLI_HTML_NSTATUS; i++)
		if (count[i])
			cli_buf_printf(
			        b, " <span class=\"v v-%s\">%zu %s</span>",
			        status_name((quoth_verify_status)i), count[i],
			        status_name((quoth_verify_status)i));
	if (mismatch)
		cli_buf_printf(b, "; %zu speaker mismatch%s", mismatch,
		               mismatch == 1 ? "" : "es");
	cli_buf_puts(b, "</p>\n");
}

void
cli_verify_html_doc(struct cli_buf *out, const char *doc, const char *text,
                    size_t len, const quoth_result *r, const quoth_check *chk)
{
	struct html_marks m;
	char prefix[16];
	size_t i, n = quoth_check_count(chk);

	memset(&m, 0, sizeof m);
	html_doc_prefix(prefix, doc, strlen(doc), text, len);
	cli_html_section_start(out, prefix, doc, strlen(doc), n);
	cli_buf_puts(out, "<h2>");
	cli_html_cstr(out, doc);
	cli_buf_puts(out, "</h2>\n");
	put_summary(out, chk);
	for (i = 0; i < n; i++)
		mark_check(&m, r, chk, i, prefix);
	cli_buf_puts(out, "<div class=\"vgrid\">\n<div>\n<h3>The draft</h3>\n"
	                  "<div class=\"article\">");
	html_marks_render(&m, out, text, len);
	html_marks_free(&m);
	cli_buf_puts(out, "</div>\n</div>\n<div>\n<h3>The checks</h3>\n"
	                  "<ol class=\"checks\">\n");
	for (i = 0; i < n; i++)
		put_check(out, r, chk, i, prefix);
	cli_buf_puts(out, "</ol>\n</div>\n</div>\n</section>\n");
}
