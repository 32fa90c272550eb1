/*
 * test_window.c: quoth_extract_each() on documents of many windows
 * (QUOTH_WINDOW_BYTES set small) gives the records quoth_extract() gives
 * on the whole document: multi-paragraph quotes, continuations, pronouns,
 * paragraph and line numbers, CRLF, documents without blank lines, and
 * bad UTF-8 next to a window's edge.  The texts are invented.
 */
#include <check.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "quoth.h"

/* Paragraphs of an invented story; %1$s is a surname, %2$s a first name. */
static const char *const story[] = {
        "HARBOURTON - The council voted on Tuesday to close the old "
        "ferry pier, ending a fight that lasted three years.",
        "\"We listened to every resident who wrote to us,\" said %2$s "
        "%1$s, the council's chair. \"The pier is not safe.\"",
        "%1$s said the vote was not easy.",
        "\"It was the hardest decision of my time here,\" she added.",
        "\"The pier carried our grandparents to the mainland. It carried "
        "the mail, the doctor and the bread.",
        "\"Nobody wants to lose it. But a pier that falls into the water "
        "helps nobody,\" %1$s told reporters.",
        "Fishermen were not convinced. \"They never asked us,\" said Tom "
        "Varga, who has worked from the pier since 1990.",
        "\"We will keep fighting,\" he said.",
        "The council's engineer said the repairs would cost more than a "
        "new pier.",
};

/* n stories, surnames cycling, `sep` between paragraphs. */
static char *
make_doc(size_t n, const char *sep, size_t *len)
{
	static const char *const last[] = {"Okafor", "Lindqvist", "Moreau",
	                                   "Haddad"};
	static const char *const first[] = {"Ada", "Greta", "Claire", "Leila"};
	size_t cap = 4096 * n + 64, k, i, o = 0;
	char *d = malloc(cap);

	ck_assert_ptr_nonnull(d);
	for (k = 0; k < n; k++) {
		for (i = 0; i < sizeof story / sizeof *story; i++) {
			o += (size_t)snprintf(d + o, cap - o, story[i],
			                      last[k % 4], first[k % 4]);
			o += (size_t)snprintf(d + o, cap - o, "%s", sep);
		}
	}
	*len = o;
	return d;
}

/* The records of a run, one line each, every field. */
struct rec {
	char *buf;
	size_t len, cap, windows;
};

static void
put(struct rec *r, const char *s, size_t n)
{
	if (r->len + n + 1 > r->cap) {
		r->cap = 2 * (r->len + n + 1);
		r->buf = realloc(r->buf, r->cap);
		ck_assert_ptr_nonnull(r->buf);
	}
	memcpy(r->buf + r->len, s, n);
	r->len += n;
	r->buf[r->len] = 0;
}

static void
putf(struct rec *r, size_t a, size_t b)
{
	char t[64];
	int n = snprintf(t, sizeof t, "%zu-%zu ", a, b);
	put(r, t, (size_t)n);
}

static int
collect(void *arg, const quoth_result *res, size_t first)
{
	struct rec *r = arg;
	size_t i, k, a, b, n = quoth_result_count(res);

	r->windows++;
	for (i = 0; i < n; i++) {
		putf(r, first + i + 1, quoth_quote_type(res, i));
		for (k = 0; k < QUOTH_FIELD_COUNT_; k++) {
			size_t l = 0;
			const char *s = quoth_quote_str(res, i, k, &l);
			put(r, s ? s : "(null)", s ? l : 6);
			put(r, "|", 1);
		}
		for (k = 0; k < 4; k++)
			if (quoth_quote_span(res, i, k, &a, &b))
				putf(r, a, b);
		for (k = 0; k < quoth_quote_nparts(res, i); k++) {
			quoth_quote_part(res, i, k, &a, &b);
			putf(r, a, b);
		}
		for (k = 0; k < quoth_quote_nverbatim(res, i); k++) {
			quoth_quote_verbatim(res, i, k, &a, &b);
			putf(r, a, b);
		}
		quoth_quote_position(res, i, &a, &b);
		putf(r, a, b);
		put(r, "\n", 1);
	}
	return 0;
}

/* Records and warnings of text with windows of `window` bytes ("" for
 * the default). */
static unsigned threads; /* quoth_options.threads of run() */

static void
run(const char *window, unsigned flags, const char *text, size_t len,
    struct rec *out, quoth_status want)
{
	quoth_options opt;
	quoth_extractor *ex = NULL;
	quoth_result *r = NULL;
	quoth_error err;
	size_t w, off, line, col;

	memset(out, 0, sizeof *out);
	setenv("QUOTH_WINDOW_BYTES", window, 1);
	quoth_options_init(&opt);
	opt.flags = flags;
	opt.threads = threads;
	ck_assert_int_eq(quoth_extractor_new(&opt, &ex, &err), QUOTH_OK);
	ck_assert_int_eq(
	        quoth_extract_each(ex, text, len, collect, out, &r, &err),
	        want);
	if (want != QUOTH_OK) {
		putf(out, err.offset, err.line);
		putf(out, err.column, 0);
	} else {
		for (w = 0; w < QUOTH_WARN_COUNT_; w++) {
			size_t n = quoth_result_warnings(r, w, &off);
			if (!n)
				continue;
			quoth_result_locate(r, off, &line, &col);
			putf(out, n, off);
			putf(out, line, col);
		}
	}
	put(out, "", 0);
	quoth_result_free(r);
	quoth_extractor_free(ex);
}

/* a and b are the same records; else where they part. */
static void
same(const struct rec *a, const struct rec *b)
{
	size_t i = 0;

	while (i < a->len && i < b->len && a->buf[i] == b->buf[i])
		i++;
	ck_assert_msg(i == a->len && i == b->len,
	              "records differ from byte %zu: \"%.80s\" vs \"%.80s\"", i,
	              a->buf + i, b->buf + i);
}

/* The same records with small windows as with one, on one thread or
 * three. */
static void
same_windowed(const char *text, size_t len, unsigned flags, const char *win)
{
	struct rec one, many;

	threads = 0;
	run("", flags, text, len, &one, QUOTH_OK);
	for (threads = 0; threads <= 3; threads += 3) {
		run(win, flags, text, len, &many, QUOTH_OK);
		ck_assert_uint_gt(many.windows, 1);
		same(&many, &one);
		free(many.buf);
	}
	threads = 0;
	ck_assert_uint_eq(one.windows, 1);
	ck_assert_uint_gt(one.len, 1000);
	free(one.buf);
}

START_TEST(test_blank_lines)
{
	size_t len;
	char *d = make_doc(6, "\n\n", &len);

	same_windowed(d, len, 0, "300");
	same_windowed(d, len, 0, "1500");
	free(d);
}
END_TEST

START_TEST(test_crlf_and_spaces)
{
	size_t len;
	char *d = make_doc(6, " \r\n \r\n", &len);

	same_windowed(d, len, 0, "400");
	free(d);
}
END_TEST

/* No blank line: every line is a paragraph (SPEC), in every window. */
START_TEST(test_line_paragraphs)
{
	size_t len;
	char *d = make_doc(6, "\n", &len);

	same_windowed(d, len, 0, "300");
	free(d);
}
END_TEST

/* One paragraph of 40 stories: cut between sentences. */
START_TEST(test_one_long_paragraph)
{
	size_t len;
	char *d = make_doc(40, " ", &len);

	ck_assert_uint_gt(len, 25000);
	same_windowed(d, len, 0, "3000");
	free(d);
}
END_TEST

/* A quote over more paragraphs than a window holds is not cut. */
START_TEST(test_long_quote_not_cut)
{
	size_t len, i, o = 0;
	char *d = malloc(20000);
	struct rec one, many;

	ck_assert_ptr_nonnull(d);
	o += (size_t)sprintf(d + o, "Ada Okafor spoke for an hour.\n\n");
	for (i = 0; i < 12; i++)
		o += (size_t)sprintf(d + o,
		                     "\"Paragraph %zu of the speech goes on "
		                     "about the pier and the ferry.\n\n",
		                     i);
	o += (size_t)sprintf(d + o, "\"That is all,\" Okafor said.\n\n");
	d[o] = 0;
	memcpy(d + o, d, o);
	len = 2 * o;
	run("", 0, d, len, &one, QUOTH_OK);
	run("200", 0, d, len, &many, QUOTH_OK);
	ck_assert_uint_gt(many.windows, 1);
	same(&many, &one);
	ck_assert_ptr_nonnull(strstr(one.buf, "Paragraph 11"));
	free(one.buf);
	free(many.buf);
	free(d);
}
END_TEST

/* A truncated UTF-8 sequence just before a paragraph break where a
 * window may end: replaced and warned about at the same line and
 * column, or (strict) refused there. */
START_TEST(test_bad_utf8_at_edge)
{
	size_t len, i, at;
	char *d = make_doc(6, "\n\n", &len);
	struct rec one, many;

	for (i = 0, at = 0; i < len && at < 3; i++)
		if (d[i] == '\n' && d[i + 1] == '\n' && i > 1000 * (at + 1)) {
			d[i - 2] = (char)0xe2;
			d[i - 1] = (char)0x80;
			at++;
		}
	for (i = 0; i < 2; i++) {
		unsigned f = i ? QUOTH_OPT_STRICT_UTF8 : 0;
		quoth_status want = i ? QUOTH_ERR_UTF8 : QUOTH_OK;
		run("", f, d, len, &one, want);
		run("300", f, d, len, &many, want);
		same(&many, &one);
		ck_assert_ptr_nonnull(one.buf);
		free(one.buf);
		free(many.buf);
	}
	free(d);
}
END_TEST

/* The first quote index of each hand-over (quoth_extract_each()'s
 * `first`): a window's first quote shows as one that is no multiple of
 * the hand-over size. */
struct firsts {
	size_t at[64], n;
};

static int
note_first(void *arg, const quoth_result *res, size_t first)
{
	struct firsts *f = arg;

	(void)res;
	if (f->n < sizeof f->at / sizeof *f->at)
		f->at[f->n++] = first;
	return 0;
}

/* Dense quotes end a window's core at its 32768th mark (" \u201c
 * \u201d; not \u2019 or \u2014, which share the first byte of the curly
 * ones), long before the window's bytes run out: two marks (6" and 2")
 * that make no quote, then quotes of two marks each, so that the 32768th
 * is the close of quote 16382 and the next window's first quote is
 * 16383. */
START_TEST(test_dense_marks)
{
	static const char *const para[] = {
	        "\xe2\x80\x9cYes,\xe2\x80\x9d she said \xe2\x80\x94 "
	        "it\xe2\x80\x99s late.\n\n",
	        "\"No,\" he said.\n\n"};
	size_t cap = 40 * 20000, o = 0, i;
	char *d = malloc(cap);
	quoth_options opt;
	quoth_extractor *ex = NULL;
	quoth_result *r = NULL;
	quoth_error err;
	struct firsts f;
	bool found = false;

	ck_assert_ptr_nonnull(d);
	o += (size_t)snprintf(d, cap, "The pipe is 6\" wide, 2\" thick.\n\n");
	for (i = 0; i < 20000; i++)
		o += (size_t)snprintf(d + o, cap - o, "%s", para[i % 2]);
	ck_assert_uint_gt(o, 500000);
	memset(&f, 0, sizeof f);
	/* (windows of 500,000 bytes: the 32768th mark comes sooner) */
	setenv("QUOTH_WINDOW_BYTES", "500000", 1);
	quoth_options_init(&opt);
	ck_assert_int_eq(quoth_extractor_new(&opt, &ex, &err), QUOTH_OK);
	ck_assert_int_eq(quoth_extract_each(ex, d, o, note_first, &f, &r, &err),
	                 QUOTH_OK);
	for (i = 0; i < f.n; i++)
		if (f.at[i] % 1024)
			found = found || f.at[i] == 16383;
	ck_assert_msg(found, "no window starts at quote 16383");
	quoth_result_free(r);
	quoth_extractor_free(ex);
	free(d);
}
END_TEST

static Suite *
window_suite(void)
{
	Suite *s = suite_create("window");
	TCase *tc = tcase_create("core");

	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_blank_lines);
	tcase_add_test(tc, test_crlf_and_spaces);
	tcase_add_test(tc, test_line_paragraphs);
	tcase_add_test(tc, test_long_quote_not_cut);
	tcase_add_test(tc, test_one_long_paragraph);
	tcase_add_test(tc, test_bad_utf8_at_edge);
	tcase_add_test(tc, test_dense_marks);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(window_suite());
	int failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
