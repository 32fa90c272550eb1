/*
 * test_quotes.c: the quote state machine, through the public API: quote
 * marks of many styles, nesting, multi-paragraph and split quotes,
 * unclosed marks, scare quotes, apostrophes, offsets with a BOM or CRLF,
 * pathological input, strict UTF-8, limits and the types mask.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "quoth.h"

static quoth_extractor *ex;

static void
setup(void)
{
	quoth_error err;

	ex = NULL;
	ck_assert_int_eq(quoth_extractor_new(NULL, &ex, &err), QUOTH_OK);
}

static void
teardown(void)
{
	quoth_extractor_free(ex);
	ex = NULL;
}

static quoth_result *
extract_with(const quoth_extractor *x, const char *s, size_t len)
{
	quoth_result *r = NULL;
	quoth_error err;

	ck_assert_int_eq(quoth_extract(x, s, len, &r, &err), QUOTH_OK);
	ck_assert_ptr_nonnull(r);
	return r;
}

static quoth_result *
extract(const char *s)
{
	return extract_with(ex, s, strlen(s));
}

/* Byte offset of the first `needle` in s at or after `from`. */
static size_t
off_from(const char *s, size_t from, const char *needle)
{
	const char *p = strstr(s + from, needle);

	ck_assert_msg(p != NULL, "\"%s\" not in \"%s\"", needle, s);
	return (size_t)(p - s);
}

static size_t
off(const char *s, const char *needle)
{
	return off_from(s, 0, needle);
}

static const char *
field(const quoth_result *r, size_t i, quoth_field f)
{
	return quoth_quote_str(r, i, f, NULL);
}

static void
assert_span(const quoth_result *r, size_t i, size_t start, size_t end)
{
	size_t s = 1234567, e = 1234567;

	ck_assert_int_eq(quoth_quote_span(r, i, QUOTH_SPAN_QUOTE, &s, &e), 1);
	ck_assert_uint_eq(s, start);
	ck_assert_uint_eq(e, end);
}

static void
assert_part(const quoth_result *r, size_t i, size_t k, size_t start, size_t end)
{
	size_t s = 1234567, e = 1234567;

	quoth_quote_part(r, i, k, &s, &e);
	ck_assert_uint_eq(s, start);
	ck_assert_uint_eq(e, end);
}

static void
assert_verbatim(const quoth_result *r, size_t i, size_t k, size_t start,
                size_t end)
{
	size_t s = 1234567, e = 1234567;

	ck_assert_uint_gt(quoth_quote_nverbatim(r, i), k);
	quoth_quote_verbatim(r, i, k, &s, &e);
	ck_assert_uint_eq(s, start);
	ck_assert_uint_eq(e, end);
}

/* One direct quote covering [start, end) with text `q`. */
static void
assert_one_direct(const char *s, size_t start, size_t end, const char *q)
{
	quoth_result *r = extract(s);

	ck_assert_uint_eq(quoth_result_count(r), 1);
	ck_assert_int_eq(quoth_quote_type(r, 0), QUOTH_DIRECT);
	assert_span(r, 0, start, end);
	ck_assert_uint_eq(quoth_quote_nparts(r, 0), 1);
	assert_part(r, 0, 0, start, end);
	ck_assert_str_eq(field(r, 0, QUOTH_FIELD_QUOTE), q);
	quoth_result_free(r);
}

START_TEST(test_straight_direct_cue_after)
{
	const char *s = "\"We will win,\" Jane Doe said.";
	quoth_result *r = extract(s);
	size_t len;

	ck_assert_uint_eq(quoth_result_count(r), 1);
	ck_assert_int_eq(quoth_quote_type(r, 0), QUOTH_DIRECT);
	assert_span(r, 0, 0, 14);
	ck_assert_uint_eq(quoth_quote_nparts(r, 0), 1);
	assert_part(r, 0, 0, 0, 14);
	ck_assert_uint_eq(quoth_quote_nverbatim(r, 0), 1);
	assert_verbatim(r, 0, 0, 1, 13);
	ck_assert_str_eq(quoth_quote_str(r, 0, QUOTH_FIELD_QUOTE, &len),
	                 "We will win,");
	ck_assert_uint_eq(len, 12);
	quoth_result_free(r);
}
END_TEST

START_TEST(test_curly_marks)
{
	const char *s = "“We will win,” Jane Doe said.";
	quoth_result *r;

	assert_one_direct(s, 0, off(s, "”") + 3, "We will win,");
	r = extract(s);
	assert_verbatim(r, 0, 0, 3, off(s, "”"));
	quoth_result_free(r);
}
END_TEST

START_TEST(test_guillemets_with_inner_spaces)
{
	const char *s = "Marie Leclerc said: « Nous partirons demain. »";

	assert_one_direct(s, off(s, "«"), strlen(s), "Nous partirons demain.");
}
END_TEST

START_TEST(test_guillemets_with_no_break_spaces)
{
	/* U+00A0 and U+202F, as French typesetting puts them */
	const char *s = "Marie Leclerc said: \u00ab\u00a0Nous gagnerons."
	                "\u202f\u00bb";
	quoth_result *r = extract(s);
	size_t vs = 0, ve = 0;

	assert_one_direct(s, off(s, "\u00ab"), strlen(s), "Nous gagnerons.");
	ck_assert_uint_eq(quoth_quote_nverbatim(r, 0), 1);
	quoth_quote_verbatim(r, 0, 0, &vs, &ve);
	/* the verbatim span is the words, not the spaces */
	ck_assert_uint_eq(vs, off(s, "Nous"));
	ck_assert_uint_eq(ve, off(s, "gagnerons.") + strlen("gagnerons."));
	quoth_result_free(r);
}
END_TEST

START_TEST(test_german_low_high_marks)
{
	const char *s = "„Wir schaffen das“, sagte Anna Berg.";

	assert_one_direct(s, 0, off(s, "“") + 3, "Wir schaffen das");
}
END_TEST

START_TEST(test_cjk_corner_brackets)
{
	const char *s = "Tanaka said: 「We shall see.」 Then he left.";

	assert_one_direct(s, off(s, "「"), off(s, "」") + 3, "We shall see.");
}
END_TEST

START_TEST(test_mismatched_pair)
{
	const char *s = "“Shorty.\" Bill Lane said of the horse.";

	assert_one_direct(s, 0, off(s, "\"") + 1, "Shorty.");
}
END_TEST

START_TEST(test_nested_single_inside_double)
{
	const char *s = "“I heard him say ‘never again’ twice,” Jane Doe said.";
	quoth_result *r;

	assert_one_direct(s, 0, off(s, "”") + 3,
	                  "I heard him say ‘never again’ twice,");
	r = extract(s);
	ck_assert_uint_eq(quoth_quote_nverbatim(r, 0), 1);
	quoth_result_free(r);
}
END_TEST

START_TEST(test_multi_paragraph_quote)
{
	const char *s = "\"The first paragraph starts here and goes on,\n\n"
	                "\"and the second paragraph closes it,\" Jane Doe "
	                "said.";
	size_t p2 = off_from(s, 1, "\"");
	size_t close = off_from(s, p2 + 1, "\"");
	quoth_result *r = extract(s);

	ck_assert_uint_eq(quoth_result_count(r), 1);
	ck_assert_int_eq(quoth_quote_type(r, 0), QUOTH_DIRECT);
	ck_assert_uint_eq(quoth_quote_nparts(r, 0), 2);
	assert_span(r, 0, 0, close + 1);
	assert_part(r, 0, 0, 0, off(s, "\n"));
	assert_part(r, 0, 1, p2, close + 1);
	ck_assert_uint_eq(quoth_quote_nverbatim(r, 0), 2);
	assert_verbatim(r, 0, 1, p2 + 1, close);
	ck_assert_str_eq(field(r, 0, QUOTH_FIELD_QUOTE),
	                 "The first paragraph starts here and goes on, and "
	                 "the second paragraph closes it,");
	quoth_result_free(r);
}
END_TEST

START_TEST(test_unclosed_mark_ends_at_paragraph)
{
	const char *s = "\"This one never closes and runs on\n\n"
	                "The council met on Monday. \"We are done,\" Ann Lee "
	                "said.";
	size_t second = off(s, "\"We");
	quoth_result *r = extract(s);

	ck_assert_uint_eq(quoth_result_count(r), 2);
	assert_span(r, 0, 0, off(s, "\n"));
	ck_assert_str_eq(field(r, 0, QUOTH_FIELD_QUOTE),
	                 "This one never closes and runs on");
	ck_assert_int_eq(quoth_quote_type(r, 1), QUOTH_DIRECT);
	assert_span(r, 1, second, off(s, ",\"") + 2);
	ck_assert_str_eq(field(r, 1, QUOTH_FIELD_QUOTE), "We are done,");
	quoth_result_free(r);
}
END_TEST

START_TEST(test_unclosed_without_blank_lines)
{
	/* no blank line anywhere: every line is a paragraph */
	const char *s = "\"A mark that never closes\nThe next line is "
	                "plain news.\nAnd so is this one.";
	quoth_result *r = extract(s);

	ck_assert_uint_eq(quoth_result_count(r), 1);
	assert_span(r, 0, 0, off(s, "\n"));
	ck_assert_uint_eq(quoth_quote_nparts(r, 0), 1);
	quoth_result_free(r);

	/* a line re-opening the quote continues it (SPEC: each paragraph
	 * re-opens, only the last closes) */
	s = "\"A mark left open\n\"and a re-open that closes,\" Ann Lee "
	    "said.\nA plain line.";
	r = extract(s);
	ck_assert_uint_eq(quoth_result_count(r), 1);
	ck_assert_uint_eq(quoth_quote_nparts(r, 0), 2);
	assert_part(r, 0, 0, 0, off(s, "\n"));
	assert_part(r, 0, 1, off(s, "\"and"), off(s, ",\"") + 2);
	ck_assert_str_eq(field(r, 0, QUOTH_FIELD_SPEAKER), "Ann Lee");
	quoth_result_free(r);
}
END_TEST

START_TEST(test_scare_quotes_and_titles)
{
	const char *cases[] = {
	        "He watched the film \"Top Gun\" again last night.",
	        "Tenants fought the so-called \"renovictions\" all year.",
	        "Bill \"Shorty\" Lane won the race.",
	        "The boxer, known as \"Shorty\", won the fight.",
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		quoth_result *r = extract(cases[i]);
		ck_assert_msg(quoth_result_count(r) == 0,
		              "%zu quote(s) in \"%s\"", quoth_result_count(r),
		              cases[i]);
		quoth_result_free(r);
	}
}
END_TEST

START_TEST(test_partial_fragment)
{
	const char *s = "The mayor called the budget \"a disgrace to the "
	                "city\" and left early.";
	size_t open = off(s, "\""), close = off_from(s, open + 1, "\"");
	quoth_result *r = extract(s);
	quoth_type t;

	ck_assert_uint_eq(quoth_result_count(r), 1);
	t = quoth_quote_type(r, 0);
	ck_assert(t == QUOTH_PARTIAL || t == QUOTH_MIXED);
	ck_assert_uint_eq(quoth_quote_nverbatim(r, 0), 1);
	assert_verbatim(r, 0, 0, open + 1, close);
	quoth_result_free(r);
}
END_TEST

START_TEST(test_partial_without_cue)
{
	/* no cue in reach: a partial quote, its content without the marks
	 * (and no verb of saying or thinking, whose subject would speak:
	 * "Critics see ...", cues_subject.c) */
	const char *s =
	        "The file holds \"a disgrace that hurts the city\" in the new "
	        "budget.";
	size_t open = off(s, "\""), close = off_from(s, open + 1, "\"");
	quoth_result *r = extract(s);

	ck_assert_uint_eq(quoth_result_count(r), 1);
	ck_assert_int_eq(quoth_quote_type(r, 0), QUOTH_PARTIAL);
	assert_span(r, 0, open, close + 1);
	assert_verbatim(r, 0, 0, open + 1, close);
	ck_assert_str_eq(field(r, 0, QUOTH_FIELD_QUOTE),
	                 "a disgrace that hurts the city");
	ck_assert_ptr_null(field(r, 0, QUOTH_FIELD_SPEAKER));
	quoth_result_free(r);
}
END_TEST

START_TEST(test_mixed_quote_verbatim)
{
	const char *s = "Jane Doe said the budget was \"a disgrace to the "
	                "city\" and would be rejected.";
	size_t open = off(s, "\""), close = off_from(s, open + 1, "\"");
	quoth_result *r = extract(s);
	size_t a, b;

	ck_assert_uint_eq(quoth_result_count(r), 1);
	ck_assert_int_eq(quoth_quote_type(r, 0), QUOTH_MIXED);
	ck_assert_int_eq(quoth_quote_span(r, 0, QUOTH_SPAN_QUOTE, &a, &b), 1);
	ck_assert_uint_lt(a, open);
	ck_assert_uint_gt(b, close);
	assert_verbatim(r, 0, 0, open + 1, close);
	ck_assert_str_eq(field(r, 0, QUOTH_FIELD_QUOTE),
	                 "the budget was \"a disgrace to the city\" and would "
	                 "be rejected");
	quoth_result_free(r);
}
END_TEST

START_TEST(test_split_quote_novel_dialogue)
{
	const char *s = "\"I am sure,\" said she, \"it is so.\"";
	size_t p2 = off(s, "\"it");
	quoth_result *r = extract(s);

	ck_assert_uint_eq(quoth_result_count(r), 1);
	ck_assert_int_eq(quoth_quote_type(r, 0), QUOTH_DIRECT);
	ck_assert_uint_eq(quoth_quote_nparts(r, 0), 2);
	assert_span(r, 0, 0, strlen(s));
	assert_part(r, 0, 0, 0, off(s, ",\"") + 2);
	assert_part(r, 0, 1, p2, strlen(s));
	ck_assert_uint_eq(quoth_quote_nverbatim(r, 0), 2);
	assert_verbatim(r, 0, 0, 1, off(s, ",\"") + 1);
	assert_verbatim(r, 0, 1, p2 + 1, strlen(s) - 1);
	ck_assert_str_eq(field(r, 0, QUOTH_FIELD_QUOTE),
	                 "I am sure, it is so.");
	ck_assert_str_eq(field(r, 0, QUOTH_FIELD_CUE), "said");
	quoth_result_free(r);
}
END_TEST

START_TEST(test_apostrophes_never_open)
{
	const char *none[] = {
	        "'Tis the season for rock 'n' roll in the '90s and ‘08.",
	        "Ukraine’s farmers shouldn’t sell at the farmers' market.",
	        "The players' union and the owners' group met on Monday.",
	};
	const char *s = "The farmers' market opened. \"It is busy,\" Jane Doe "
	                "said.";
	size_t i;

	for (i = 0; i < sizeof(none) / sizeof(none[0]); i++) {
		quoth_result *r = extract(none[i]);
		ck_assert_msg(quoth_result_count(r) == 0,
		              "%zu quote(s) in \"%s\"", quoth_result_count(r),
		              none[i]);
		quoth_result_free(r);
	}
	assert_one_direct(s, off(s, "\""), off(s, ",\"") + 2, "It is busy,");
	/* an apostrophe inside a single-quoted quote does not close it */
	s = "'We can't stop now,' she said.";
	assert_one_direct(s, 0, off(s, ",'") + 2, "We can't stop now,");
}
END_TEST

START_TEST(test_offsets_with_bom)
{
	const char *s = "\xEF\xBB\xBF\"We will win,\" Jane Doe said.";
	quoth_result *r = extract(s);
	size_t a, b, para, line;

	ck_assert_uint_eq(quoth_result_count(r), 1);
	assert_span(r, 0, 3, 17);
	assert_verbatim(r, 0, 0, 4, 16);
	ck_assert_int_eq(quoth_quote_span(r, 0, QUOTH_SPAN_MENTION, &a, &b), 1);
	ck_assert_uint_eq(a, off(s, "Jane"));
	ck_assert_int_eq(quoth_quote_span(r, 0, QUOTH_SPAN_CUE, &a, &b), 1);
	ck_assert_uint_eq(a, off(s, "said"));
	ck_assert_uint_eq(b, off(s, "said") + 4);
	quoth_quote_position(r, 0, &para, &line);
	ck_assert_uint_eq(para, 1);
	ck_assert_uint_eq(line, 1);
	quoth_result_free(r);
}
END_TEST

START_TEST(test_offsets_with_crlf)
{
	const char *s =
	        "Intro line here.\r\n\r\n\"We will win,\" Jane Doe "
	        "said.\r\n\r\n\"Part one goes on,\r\n\r\n\"and part two "
	        "ends,\" Ann Lee said.\r\n";
	size_t q1 = off(s, "\"We"), q2 = off(s, "\"Part"), q3 = off(s, "\"and");
	size_t end3 = off(s, "ends,\"") + 6;
	quoth_result *r = extract(s);
	size_t para, line;

	ck_assert_uint_eq(quoth_result_count(r), 2);
	assert_span(r, 0, q1, q1 + 14);
	assert_verbatim(r, 0, 0, q1 + 1, q1 + 13);
	quoth_quote_position(r, 0, &para, &line);
	ck_assert_uint_eq(para, 2);
	ck_assert_uint_eq(line, 3);
	ck_assert_uint_eq(quoth_quote_nparts(r, 1), 2);
	assert_span(r, 1, q2, end3);
	assert_part(r, 1, 0, q2, off_from(s, q2, "\r"));
	assert_part(r, 1, 1, q3, end3);
	ck_assert_str_eq(field(r, 1, QUOTH_FIELD_QUOTE),
	                 "Part one goes on, and part two ends,");
	quoth_quote_position(r, 1, &para, &line);
	ck_assert_uint_eq(para, 3);
	ck_assert_uint_eq(line, 5);
	quoth_result_free(r);
}
END_TEST

/* Build n copies of `unit` into a new buffer; *len gets its length. */
static char *
repeat(const char *unit, size_t n, size_t *len)
{
	size_t ul = strlen(unit), i;
	char *b = malloc(ul * n + 1);

	ck_assert_ptr_nonnull(b);
	for (i = 0; i < n; i++)
		memcpy(b + i * ul, unit, ul);
	b[ul * n] = '\0';
	*len = ul * n;
	return b;
}

START_TEST(test_many_unmatched_marks_complete)
{
	/* pathological shapes found by the unit battery and the code
	 * review, each once quadratic (or worse) in the library; under
	 * meson's timeout a regression shows as a failure */
	const char *units[] = {
	        "\"",
	        "“a ",
	        "« ",
	        "'x ",
	        "„",
	        "” ",
	        "\" b ",
	        "\"a\" ",
	        "\"Yes,\" he said. ",
	        "Smith said the plan was bad. ",
	        "Officials described it as \"a very bad idea\" today. ",
	        ", adding that the plan was very bad",
	        "former ",
	        "!",
	        "Aa's "};
	size_t i;

	for (i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
		size_t len;
		char *s = repeat(units[i], 20000, &len);
		quoth_result *r = NULL;
		quoth_error err;

		ck_assert_int_eq(quoth_extract(ex, s, len, &r, &err), QUOTH_OK);
		ck_assert_ptr_nonnull(r);
		quoth_result_free(r);
		free(s);
	}
}
END_TEST

/* 5,000 fragments after one cue in one sentence: each record's context
 * stays near its quote (it once reached back to the cue, so the output
 * grew with the square of the sentence). */
START_TEST(test_context_stays_near_the_quote)
{
	size_t len, i, n, total = 0;
	char *frags = repeat("and \"this is one more fragment\" ", 5000, &len);
	char *s = malloc(len + 32);
	quoth_result *r = NULL;
	quoth_error err;

	ck_assert_ptr_nonnull(s);
	snprintf(s, len + 32, "Ann Lee said %s.", frags);
	ck_assert_int_eq(quoth_extract(ex, s, strlen(s), &r, &err), QUOTH_OK);
	n = quoth_result_count(r);
	ck_assert_uint_ge(n, 4000);
	for (i = 0; i < n; i++) {
		size_t cl = 0;
		ck_assert_ptr_nonnull(
		        quoth_quote_str(r, i, QUOTH_FIELD_CONTEXT, &cl));
		ck_assert_uint_le(cl, 2000);
		total += cl;
	}
	ck_assert_uint_le(total, n * 2000);
	quoth_result_free(r);
	free(s);
	free(frags);
}
END_TEST

START_TEST(test_unclosed_mark_at_end_of_file)
{
	/* no final newline: the quote runs to the last token (this read
	 * past the token array once) */
	quoth_result *r = extract("Fans loved \"Top Gun");

	ck_assert_ptr_nonnull(r);
	quoth_result_free(r);
	r = extract("\"Top Gun");
	ck_assert_ptr_nonnull(r);
	quoth_result_free(r);
}
END_TEST

START_TEST(test_strict_utf8)
{
	static const char s[] =
	        "Fine text\nbad \xff here.\n\"Yes,\" Ann Lee said.";
	quoth_options opt;
	quoth_extractor *sx = NULL;
	quoth_result *r = (quoth_result *)&opt; /* must stay untouched */
	quoth_error err;
	size_t where = 0;

	quoth_options_init(&opt);
	opt.flags |= QUOTH_OPT_STRICT_UTF8;
	ck_assert_int_eq(quoth_extractor_new(&opt, &sx, &err), QUOTH_OK);
	memset(&err, 0, sizeof(err));
	ck_assert_int_eq(quoth_extract(sx, s, sizeof(s) - 1, &r, &err),
	                 QUOTH_ERR_UTF8);
	ck_assert_ptr_eq(r, (quoth_result *)&opt);
	ck_assert_int_eq(err.status, QUOTH_ERR_UTF8);
	ck_assert_uint_eq(err.offset, 14);
	ck_assert_uint_eq(err.line, 2);
	ck_assert_uint_eq(err.column, 5);
	ck_assert(err.message[0] != '\0');
	quoth_extractor_free(sx);

	/* without the flag the byte is replaced and counted */
	r = extract_with(ex, s, sizeof(s) - 1);
	ck_assert_uint_eq(quoth_result_warnings(r, QUOTH_WARN_UTF8, &where), 1);
	ck_assert_uint_eq(where, 14);
	ck_assert_uint_eq(quoth_result_count(r), 1);
	ck_assert_str_eq(field(r, 0, QUOTH_FIELD_QUOTE), "Yes,");
	quoth_result_free(r);
}
END_TEST

START_TEST(test_invalid_utf8_in_quote_is_replaced)
{
	static const char s[] = "\"Caf\xe9 open,\" Ann Lee said.";
	quoth_result *r = extract_with(ex, s, sizeof(s) - 1);

	ck_assert_uint_eq(quoth_result_count(r), 1);
	/* the field is valid UTF-8: U+FFFD for the bad byte */
	ck_assert_str_eq(field(r, 0, QUOTH_FIELD_QUOTE),
	                 "Caf\xef\xbf\xbd open,");
	assert_span(r, 0, 0, 12);
	quoth_result_free(r);
}
END_TEST

/* The quote field is written in one pass into a buffer sized by the
 * span: white space runs become one space, and every invalid byte (a
 * run of them, a sequence cut short by a space) grows to U+FFFD. */
START_TEST(test_quote_field_collapses_and_replaces)
{
	static const char s[] = "\"One \xff\xfe\xfd\xfc  two\t\xe2\x80 "
	                        "three \t \xc3\xa9t\xc3\xa9,\" Ann Lee said.";
	quoth_result *r = extract_with(ex, s, sizeof(s) - 1);

	ck_assert_uint_eq(quoth_result_count(r), 1);
	ck_assert_str_eq(field(r, 0, QUOTH_FIELD_QUOTE),
	                 "One \xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"
	                 "\xef\xbf\xbd two \xef\xbf\xbd\xef\xbf\xbd three "
	                 "\xc3\xa9t\xc3\xa9,");
	quoth_result_free(r);
}
END_TEST

/* Quote strings of every size side by side: a quote of 10 KB (more than
 * a first block of the result's string store) and one of 320 KB (a
 * block of its own) between short ones, each string whole. */
START_TEST(test_long_and_short_quote_strings)
{
	size_t len, n, i, k;
	char *body = repeat("rain on the bay ", 20000, &len);
	size_t cap = 2 * len + 200;
	char *s = malloc(cap);
	const size_t words[] = {640, 20000};
	quoth_result *r;

	ck_assert_ptr_nonnull(s);
	n = (size_t)snprintf(s, cap,
	                     "\"%.*s\" Ida Holm said. \"We will sail,\" Ida "
	                     "Holm said. \"%.*s\" Ida Holm said. \"We will "
	                     "row,\" she said.",
	                     (int)(640 * 16 - 1), body, (int)(len - 1), body);
	r = extract_with(ex, s, n);
	ck_assert_uint_eq(quoth_result_count(r), 4);
	for (k = 0; k < 2; k++) {
		const char *q = quoth_quote_str(r, 2 * k, QUOTH_FIELD_QUOTE,
		                                &len);
		ck_assert_uint_eq(len, words[k] * 16 - 1);
		for (i = 0; i < len; i += 16)
			ck_assert_int_eq(memcmp(q + i, "rain on the bay", 15),
			                 0);
		ck_assert_str_eq(field(r, 2 * k, QUOTH_FIELD_SPEAKER),
		                 "Ida Holm");
	}
	ck_assert_str_eq(field(r, 1, QUOTH_FIELD_QUOTE), "We will sail,");
	ck_assert_str_eq(field(r, 3, QUOTH_FIELD_QUOTE), "We will row,");
	ck_assert_str_eq(field(r, 3, QUOTH_FIELD_CUE), "said");
	quoth_result_free(r);
	free(s);
	free(body);
}
END_TEST

START_TEST(test_max_doc_bytes)
{
	const char *s = "\"We will win,\" Jane Doe said.";
	quoth_options opt;
	quoth_extractor *lx = NULL;
	quoth_result *r = NULL;
	quoth_error err;

	quoth_options_init(&opt);
	opt.max_doc_bytes = 10;
	ck_assert_int_eq(quoth_extractor_new(&opt, &lx, &err), QUOTH_OK);
	memset(&err, 0, sizeof(err));
	ck_assert_int_eq(quoth_extract(lx, s, strlen(s), &r, &err),
	                 QUOTH_ERR_LIMIT);
	ck_assert_ptr_null(r);
	ck_assert_int_eq(err.status, QUOTH_ERR_LIMIT);
	ck_assert(err.message[0] != '\0');
	/* at the limit is fine */
	ck_assert_int_eq(quoth_extract(lx, s, 10, &r, &err), QUOTH_OK);
	quoth_result_free(r);
	quoth_extractor_free(lx);
}
END_TEST

START_TEST(test_types_mask)
{
	const char *s = "\"We will win,\" Jane Doe said.\n\n"
	                "Ann Lee said the plan was unrealistic and would fail.";
	quoth_options opt;
	quoth_extractor *tx = NULL;
	quoth_result *r;
	quoth_error err;

	r = extract(s);
	ck_assert_uint_eq(quoth_result_count(r), 2);
	ck_assert_int_eq(quoth_quote_type(r, 0), QUOTH_DIRECT);
	ck_assert_int_eq(quoth_quote_type(r, 1), QUOTH_INDIRECT);
	quoth_result_free(r);

	quoth_options_init(&opt);
	opt.types = 1u << QUOTH_INDIRECT;
	ck_assert_int_eq(quoth_extractor_new(&opt, &tx, &err), QUOTH_OK);
	r = extract_with(tx, s, strlen(s));
	ck_assert_uint_eq(quoth_result_count(r), 1);
	ck_assert_int_eq(quoth_quote_type(r, 0), QUOTH_INDIRECT);
	quoth_result_free(r);
	quoth_extractor_free(tx);

	quoth_options_init(&opt);
	opt.types = 1u << QUOTH_DIRECT;
	ck_assert_int_eq(quoth_extractor_new(&opt, &tx, &err), QUOTH_OK);
	r = extract_with(tx, s, strlen(s));
	ck_assert_uint_eq(quoth_result_count(r), 1);
	ck_assert_int_eq(quoth_quote_type(r, 0), QUOTH_DIRECT);
	ck_assert_str_eq(field(r, 0, QUOTH_FIELD_QUOTE), "We will win,");
	quoth_result_free(r);
	quoth_extractor_free(tx);
}
END_TEST

START_TEST(test_quotes_in_text_order)
{
	const char *s = "\"One,\" Ann Lee said.\n\n\"Two,\" Bob Ray said.\n\n"
	                "\"Three,\" Cy Yu said.";
	quoth_result *r = extract(s);
	size_t a0, b0, a1, b1, a2, b2;

	ck_assert_uint_eq(quoth_result_count(r), 3);
	ck_assert(quoth_quote_span(r, 0, QUOTH_SPAN_QUOTE, &a0, &b0));
	ck_assert(quoth_quote_span(r, 1, QUOTH_SPAN_QUOTE, &a1, &b1));
	ck_assert(quoth_quote_span(r, 2, QUOTH_SPAN_QUOTE, &a2, &b2));
	ck_assert_uint_lt(b0, a1);
	ck_assert_uint_lt(b1, a2);
	ck_assert_str_eq(field(r, 2, QUOTH_FIELD_QUOTE), "Three,");
	quoth_result_free(r);
}
END_TEST

/* How many records of type `type` r holds. */
static size_t
count_type(const quoth_result *r, quoth_type type)
{
	size_t i, n = 0;

	for (i = 0; i < quoth_result_count(r); i++)
		if (quoth_quote_type(r, i) == type)
			n++;
	return n;
}

START_TEST(test_titles_of_works_after_a_lead)
{
	/* a title-case run right after reading, film, song, titled (or
	 * "film is") names a work: no direct or mixed record */
	const char *titles[] = {
	        "Moss said he is reading \"The Long Way Home\".",
	        "Her favourite film is \"The Third Man\".",
	        "Her favourite film is \"The Third Man.\"",
	        "Moss said her favourite film was \"The Third Man\".",
	        "Pia Holm sang a song called \"Blue Moon Rising.\"",
	        "The report, titled \"A Plan for the Harbour,\" came out.",
	        "The band played its new single \"Salt and Iron.\"",
	        "Ruiz said so in her memoir, \"Salt and Iron.\"",
	};
	const char *s;
	quoth_result *r;
	size_t i;

	for (i = 0; i < sizeof(titles) / sizeof(titles[0]); i++) {
		r = extract(titles[i]);
		ck_assert_msg(count_type(r, QUOTH_DIRECT) == 0 &&
		                      count_type(r, QUOTH_MIXED) == 0 &&
		                      count_type(r, QUOTH_PARTIAL) == 0,
		              "a quote in \"%s\"", titles[i]);
		quoth_result_free(r);
	}
	/* speech stays speech: no lead, or a run of another shape */
	s = "\"Yes,\" she said.";
	assert_one_direct(s, 0, off(s, ",\"") + 2, "Yes,");
	s = "After the film, \"We Were Stunned,\" she said.";
	assert_one_direct(s, off(s, "\""), off(s, ",\"") + 2,
	                  "We Were Stunned,");
	s = "\"The Third Man,\" Moss said, \"is my favourite film.\"";
	r = extract(s);
	ck_assert_uint_eq(quoth_result_count(r), 1);
	ck_assert_int_eq(quoth_quote_type(r, 0), QUOTH_DIRECT);
	ck_assert_uint_eq(quoth_quote_nparts(r, 0), 2);
	quoth_result_free(r);
	r = extract("Moss said he is reading \"whatever the library still "
	            "has on the shelves\".");
	ck_assert_uint_eq(quoth_result_count(r), 1);
	ck_assert_int_eq(quoth_quote_type(r, 0), QUOTH_MIXED);
	quoth_result_free(r);
}
END_TEST

START_TEST(test_single_quoted_speech_continues)
{
	/* British style: single quotes go on as double quotes do */
	const char *dbl = "\"We will rebuild,\" Ana Ruiz said. \"It will take "
	                  "time.\"";
	const char *sgl = "'We will rebuild,' Ana Ruiz said. 'It will take "
	                  "time.'";
	quoth_result *rd = extract(dbl), *rs = extract(sgl);
	size_t i;

	ck_assert_uint_eq(quoth_result_count(rd), 2);
	ck_assert_uint_eq(quoth_result_count(rs), 2);
	for (i = 0; i < 2; i++) {
		ck_assert_int_eq(quoth_quote_type(rs, i), QUOTH_DIRECT);
		ck_assert_str_eq(field(rs, i, QUOTH_FIELD_SPEAKER), "Ana Ruiz");
		ck_assert_str_eq(field(rs, i, QUOTH_FIELD_QUOTE),
		                 field(rd, i, QUOTH_FIELD_QUOTE));
		ck_assert_str_eq(field(rs, i, QUOTH_FIELD_RULE),
		                 field(rd, i, QUOTH_FIELD_RULE));
	}
	assert_span(rs, 1, off(sgl, "'It"), strlen(sgl));
	quoth_result_free(rd);
	quoth_result_free(rs);

	/* the next paragraph goes on too */
	sgl = "'We will rebuild,' Ana Ruiz said.\n\n'It will take time.'";
	rs = extract(sgl);
	ck_assert_uint_eq(quoth_result_count(rs), 2);
	ck_assert_str_eq(field(rs, 1, QUOTH_FIELD_SPEAKER), "Ana Ruiz");
	quoth_result_free(rs);

	/* with no cued single quote before it, a single-quoted line is
	 * still headline style, not speech */
	rs = extract("The council met on Monday.\n\n'It will take time.'");
	ck_assert_uint_eq(quoth_result_count(rs), 0);
	quoth_result_free(rs);
}
END_TEST

START_TEST(test_paragraph_in_single_quotes_keeps_inner_quotes)
{
	/* a paragraph wrapped in single quotes: the double-quoted speech
	 * inside it is still found */
	const char *s = "'\"We will win,\" Ana Ruiz said.'";
	quoth_result *r = extract(s);

	ck_assert_uint_eq(quoth_result_count(r), 1);
	ck_assert_int_eq(quoth_quote_type(r, 0), QUOTH_DIRECT);
	assert_span(r, 0, 1, off(s, ",\"") + 2);
	ck_assert_str_eq(field(r, 0, QUOTH_FIELD_QUOTE), "We will win,");
	ck_assert_str_eq(field(r, 0, QUOTH_FIELD_SPEAKER), "Ana Ruiz");
	quoth_result_free(r);

	s = "Bo Li spoke first.\n\n'Ana Ruiz said the plan was \"far too "
	    "slow\" and left.'";
	r = extract(s);
	ck_assert_uint_eq(quoth_result_count(r), 1);
	ck_assert_int_eq(quoth_quote_type(r, 0), QUOTH_MIXED);
	ck_assert_str_eq(field(r, 0, QUOTH_FIELD_SPEAKER), "Ana Ruiz");
	assert_verbatim(r, 0, 0, off(s, "far"), off(s, "slow") + 4);
	quoth_result_free(r);

	/* a single quote that is speech keeps its inner quote inside */
	s = "'He told me \"we will win\", and I believed him,' Ana Ruiz "
	    "said.";
	assert_one_direct(s, 0, off(s, ",'") + 2,
	                  "He told me \"we will win\", and I believed him,");
}
END_TEST

START_TEST(test_treebank_and_typewriter_marks)
{
	/* ``...'' pair as double quotes, `...' as single quotes */
	const char *s = "``We will rebuild,'' Ana Ruiz said.";
	quoth_result *r;

	assert_one_direct(s, 0, off(s, ",''") + 3, "We will rebuild,");
	r = extract(s);
	ck_assert_str_eq(field(r, 0, QUOTH_FIELD_SPEAKER), "Ana Ruiz");
	assert_verbatim(r, 0, 0, 2, off(s, ",''") + 1);
	quoth_result_free(r);

	/* Penn Treebank text: a space on both sides of every mark */
	s = "`` We will rebuild , '' Ana Ruiz said .";
	r = extract(s);
	ck_assert_uint_eq(quoth_result_count(r), 1);
	ck_assert_int_eq(quoth_quote_type(r, 0), QUOTH_DIRECT);
	ck_assert_str_eq(field(r, 0, QUOTH_FIELD_SPEAKER), "Ana Ruiz");
	quoth_result_free(r);

	s = "`We will rebuild,' Ana Ruiz said.";
	assert_one_direct(s, 0, off(s, ",'") + 2, "We will rebuild,");

	/* nested: ``He said `never again' twice,'' */
	s = "``He told me `never again' twice,'' Ana Ruiz said.";
	assert_one_direct(s, 0, off(s, ",''") + 3,
	                  "He told me `never again' twice,");

	/* a backtick typed for an apostrophe is still one */
	r = extract("Ukraine`s farmers don`t sell in the `90s.");
	ck_assert_uint_eq(quoth_result_count(r), 0);
	quoth_result_free(r);
}
END_TEST

START_TEST(test_unbalanced_mark_does_not_flip_later_quotes)
{
	/* one stray or unclosed mark: every later paragraph (or line, in a
	 * document without blank lines) starts afresh */
	const char *docs[] = {
	        "The 6\" pipe burst, Ana Ruiz said on Monday.\n\n"
	        "Crews worked all night.\n\n"
	        "\"We will rebuild,\" Ana Ruiz said.\n\n"
	        "Bo Li said the repairs were \"far too slow\" and left.",
	        "He shouted \"stop and ran for the door, Bo Li said.\n"
	        "Crews worked all night.\n"
	        "\"We will rebuild,\" Ana Ruiz said.\n"
	        "Bo Li said the repairs were \"far too slow\" and left.",
	};
	size_t i;

	for (i = 0; i < sizeof(docs) / sizeof(docs[0]); i++) {
		const char *s = docs[i];
		quoth_result *r = extract(s);
		size_t n = quoth_result_count(r), k, found = 0;

		for (k = 0; k < n; k++) {
			const char *q = field(r, k, QUOTH_FIELD_QUOTE);
			if (strcmp(q, "We will rebuild,") == 0) {
				ck_assert_int_eq(quoth_quote_type(r, k),
				                 QUOTH_DIRECT);
				assert_span(r, k, off(s, "\"We"),
				            off(s, ",\" Ana") + 2);
				found++;
			}
			if (quoth_quote_type(r, k) == QUOTH_MIXED &&
			    strstr(q, "\"far too slow\"")) {
				assert_verbatim(r, k, 0, off(s, "far"),
				                off(s, "slow") + 4);
				found++;
			}
		}
		ck_assert_msg(found == 2, "doc %zu: %zu of 2 quotes", i, found);
		quoth_result_free(r);
	}
}
END_TEST

static Suite *
quotes_suite(void)
{
	Suite *s = suite_create("quotes");
	TCase *tc = tcase_create("quotes");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_straight_direct_cue_after);
	tcase_add_test(tc, test_curly_marks);
	tcase_add_test(tc, test_guillemets_with_inner_spaces);
	tcase_add_test(tc, test_guillemets_with_no_break_spaces);
	tcase_add_test(tc, test_german_low_high_marks);
	tcase_add_test(tc, test_cjk_corner_brackets);
	tcase_add_test(tc, test_mismatched_pair);
	tcase_add_test(tc, test_nested_single_inside_double);
	tcase_add_test(tc, test_multi_paragraph_quote);
	tcase_add_test(tc, test_unclosed_mark_ends_at_paragraph);
	tcase_add_test(tc, test_unclosed_without_blank_lines);
	tcase_add_test(tc, test_scare_quotes_and_titles);
	tcase_add_test(tc, test_partial_fragment);
	tcase_add_test(tc, test_partial_without_cue);
	tcase_add_test(tc, test_mixed_quote_verbatim);
	tcase_add_test(tc, test_split_quote_novel_dialogue);
	tcase_add_test(tc, test_apostrophes_never_open);
	tcase_add_test(tc, test_offsets_with_bom);
	tcase_add_test(tc, test_offsets_with_crlf);
	tcase_add_test(tc, test_many_unmatched_marks_complete);
	tcase_add_test(tc, test_unclosed_mark_at_end_of_file);
	tcase_add_test(tc, test_context_stays_near_the_quote);
	tcase_add_test(tc, test_strict_utf8);
	tcase_add_test(tc, test_invalid_utf8_in_quote_is_replaced);
	tcase_add_test(tc, test_quote_field_collapses_and_replaces);
	tcase_add_test(tc, test_long_and_short_quote_strings);
	tcase_add_test(tc, test_max_doc_bytes);
	tcase_add_test(tc, test_types_mask);
	tcase_add_test(tc, test_quotes_in_text_order);
	tcase_add_test(tc, test_titles_of_works_after_a_lead);
	tcase_add_test(tc, test_single_quoted_speech_continues);
	tcase_add_test(tc, test_paragraph_in_single_quotes_keeps_inner_quotes);
	tcase_add_test(tc, test_treebank_and_typewriter_marks);
	tcase_add_test(tc, test_unbalanced_mark_does_not_flip_later_quotes);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(quotes_suite());
	int failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed != 0 ? EXIT_FAILURE : EXIT_SUCCESS;
}
