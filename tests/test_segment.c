/*
 * test_segment.c: sentence boundaries (abbreviations, initials, ? and !,
 * closing quote marks, paragraphs).
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "private.h"

static lang_data ld;

static void
setup(void)
{
	quoth_error err;

	ck_assert_int_eq(qt_lang_data_load(&ld, "en", NULL, &err), QUOTH_OK);
}

static void
teardown(void)
{
	qt_lang_data_free(&ld);
}

/* Tokenize and segment s; returns the sentence count. */
static size_t
seg(token_list *tl, const char *s)
{
	memset(tl, 0, sizeof(*tl));
	ck_assert(qt_tokenize(s, strlen(s), 0, tl));
	ck_assert(qt_segment(s, tl, &ld));
	return tl->nsent;
}

/* Sentence of the first token whose text is w. */
static uint32_t
sent_of(const token_list *tl, const char *s, const char *w)
{
	size_t i, n = strlen(w);

	for (i = 0; i < tl->n; i++)
		if (tl->t[i].end - tl->t[i].start == n &&
		    memcmp(s + tl->t[i].start, w, n) == 0)
			return tl->t[i].sent;
	ck_abort_msg("no token \"%s\" in \"%s\"", w, s);
	return 0;
}

/* Sentence of the token starting at byte offset off. */
static uint32_t
sent_at(const token_list *tl, size_t off)
{
	size_t i;

	for (i = 0; i < tl->n; i++)
		if (tl->t[i].start == off)
			return tl->t[i].sent;
	ck_abort_msg("no token at offset %zu", off);
	return 0;
}

START_TEST(test_sentence_and_paragraph_tables)
{
	/* tokens: Rain(0) fell(1) .(2) Sun(3) came(4) .(5) PARA(6) Done(7)
	 * .(8) */
	const char *s = "Rain fell. Sun came.\n\nDone.";
	token_list tl;

	ck_assert_uint_eq(seg(&tl, s), 3);
	ck_assert_uint_eq(tl.n, 9);
	ck_assert_uint_eq(sent_first(&tl, 1), 0);
	ck_assert_uint_eq(sent_last(&tl, 1), 2);
	ck_assert_uint_eq(sent_first(&tl, 4), 3);
	/* the paragraph break is not the sentence's last token */
	ck_assert_uint_eq(sent_last(&tl, 4), 5);
	ck_assert_uint_eq(sent_first(&tl, 8), 7);
	ck_assert_uint_eq(para_first(&tl, 5), 0);
	ck_assert_uint_eq(para_first(&tl, 8), 7);
	qt_token_list_free(&tl);
}
END_TEST

START_TEST(test_tables_match_every_token)
{
	/* paragraphs of several sentences, a break alone in its sentence
	 * and a trailing break: each table entry is the least (first) or
	 * greatest non-break (last) token of its number */
	const char *s = "Mira Tolk spoke. Dr. Onn agreed!\n\n\"Yes,\" he said. "
	                "It rained at 4 p.m. Monday.\n\nNo.\n\n";
	token_list tl;
	size_t i, k;

	seg(&tl, s);
	ck_assert_uint_gt(tl.nparas, 2);
	for (i = 0; i < tl.n; i++) {
		size_t lo = i, hi = i, plo = i;
		for (k = 0; k < tl.n; k++) {
			if (tl.t[k].sent == tl.t[i].sent && k < lo)
				lo = k;
			if (tl.t[k].sent == tl.t[i].sent &&
			    tl.t[k].kind != TK_PARA && k > hi)
				hi = k;
			if (tl.t[k].para == tl.t[i].para && k < plo)
				plo = k;
		}
		ck_assert_uint_eq(sent_first(&tl, i), lo);
		if (tl.t[i].kind != TK_PARA)
			ck_assert_uint_eq(sent_last(&tl, i), hi);
		ck_assert_uint_eq(para_first(&tl, i), plo);
	}
	qt_token_list_free(&tl);
}
END_TEST

START_TEST(test_plain_sentences)
{
	const char *s = "The rain stopped. The sun came out. Everyone left.";
	token_list tl;

	ck_assert_uint_eq(seg(&tl, s), 3);
	ck_assert_uint_eq(sent_of(&tl, s, "rain"), 0);
	ck_assert_uint_eq(sent_of(&tl, s, "sun"), 1);
	ck_assert_uint_eq(sent_of(&tl, s, "Everyone"), 2);
	/* the full stop belongs to the sentence it ends */
	ck_assert_uint_eq(sent_at(&tl, 16), 0);
	qt_token_list_free(&tl);
}
END_TEST

START_TEST(test_honorific_abbreviation)
{
	const char *s = "Mr. Smith said. He left.";
	token_list tl;

	ck_assert_uint_eq(seg(&tl, s), 2);
	ck_assert_uint_eq(sent_of(&tl, s, "Mr"), 0);
	ck_assert_uint_eq(sent_of(&tl, s, "Smith"), 0);
	ck_assert_uint_eq(sent_of(&tl, s, "said"), 0);
	ck_assert_uint_eq(sent_of(&tl, s, "He"), 1);
	qt_token_list_free(&tl);
}
END_TEST

START_TEST(test_initialism_before_name_word)
{
	const char *s = "She joined the U.S. Army in May.";
	token_list tl;

	ck_assert_uint_eq(seg(&tl, s), 1);
	ck_assert_uint_eq(sent_of(&tl, s, "Army"), 0);
	ck_assert_uint_eq(sent_of(&tl, s, "May"), 0);
	qt_token_list_free(&tl);
}
END_TEST

START_TEST(test_initialism_ends_before_pronoun)
{
	const char *s = "She moved to the U.S. She was ten.";
	token_list tl;

	ck_assert_uint_eq(seg(&tl, s), 2);
	ck_assert_uint_eq(sent_of(&tl, s, "U.S."), 0);
	ck_assert_uint_eq(sent_at(&tl, 22), 1); /* the second "She" */
	qt_token_list_free(&tl);
}
END_TEST

START_TEST(test_month_and_number_abbreviations)
{
	const char *s =
	        "The vote is on Feb. 3 this year. He wore No. 5 for years.";
	token_list tl;

	ck_assert_uint_eq(seg(&tl, s), 2);
	ck_assert_uint_eq(sent_of(&tl, s, "3"), 0);
	ck_assert_uint_eq(sent_of(&tl, s, "year"), 0);
	ck_assert_uint_eq(sent_of(&tl, s, "He"), 1);
	ck_assert_uint_eq(sent_of(&tl, s, "5"), 1);
	ck_assert_uint_eq(sent_of(&tl, s, "years"), 1);
	qt_token_list_free(&tl);
}
END_TEST

START_TEST(test_initials)
{
	const char *s = "J. Smith spoke and T. S. Eliot wrote. Then they left.";
	token_list tl;

	ck_assert_uint_eq(seg(&tl, s), 2);
	ck_assert_uint_eq(sent_of(&tl, s, "Smith"), 0);
	ck_assert_uint_eq(sent_of(&tl, s, "Eliot"), 0);
	ck_assert_uint_eq(sent_of(&tl, s, "Then"), 1);
	qt_token_list_free(&tl);
}
END_TEST

START_TEST(test_question_and_exclamation)
{
	const char *s = "Is it over? Yes! It is.";
	token_list tl;

	ck_assert_uint_eq(seg(&tl, s), 3);
	ck_assert_uint_eq(sent_of(&tl, s, "?"), 0);
	ck_assert_uint_eq(sent_of(&tl, s, "Yes"), 1);
	ck_assert_uint_eq(sent_of(&tl, s, "!"), 1);
	ck_assert_uint_eq(sent_of(&tl, s, "It"), 2);
	qt_token_list_free(&tl);
}
END_TEST

START_TEST(test_lowercase_after_dot_continues)
{
	/* a dot before a lowercase word (an unknown abbreviation, an
	 * ellipsis) does not end the sentence */
	const char *s = "They met approx. ten times in the hall.";
	token_list tl;

	ck_assert_uint_eq(seg(&tl, s), 1);
	qt_token_list_free(&tl);
}
END_TEST

START_TEST(test_closing_quote_stays_in_sentence)
{
	const char *s = "\"It is done.\" He left.";
	token_list tl;

	ck_assert_uint_eq(seg(&tl, s), 2);
	ck_assert_uint_eq(sent_at(&tl, 0), 0);  /* opening mark */
	ck_assert_uint_eq(sent_at(&tl, 11), 0); /* the full stop */
	ck_assert_uint_eq(sent_at(&tl, 12), 0); /* the closing mark */
	ck_assert_uint_eq(sent_of(&tl, s, "He"), 1);
	qt_token_list_free(&tl);

	s = "“Stop!” Then silence.";
	ck_assert_uint_eq(seg(&tl, s), 2);
	ck_assert_uint_eq(sent_at(&tl, 8), 0); /* ” after ! */
	ck_assert_uint_eq(sent_of(&tl, s, "Then"), 1);
	qt_token_list_free(&tl);
}
END_TEST

START_TEST(test_paragraph_ends_sentence)
{
	const char *s = "No full stop here\n\nAnother paragraph";
	token_list tl;

	ck_assert_uint_eq(seg(&tl, s), 2);
	ck_assert_uint_eq(sent_of(&tl, s, "here"), 0);
	ck_assert_uint_eq(sent_of(&tl, s, "Another"), 1);
	qt_token_list_free(&tl);
}
END_TEST

START_TEST(test_decimal_is_not_a_boundary)
{
	const char *s = "Prices rose 2.5 percent. Wages fell.";
	token_list tl;

	ck_assert_uint_eq(seg(&tl, s), 2);
	ck_assert_uint_eq(sent_of(&tl, s, "percent"), 0);
	ck_assert_uint_eq(sent_of(&tl, s, "Wages"), 1);
	qt_token_list_free(&tl);
}
END_TEST

static Suite *
segment_suite(void)
{
	Suite *s = suite_create("segment");
	TCase *tc = tcase_create("segment");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_tables_match_every_token);
	tcase_add_test(tc, test_plain_sentences);
	tcase_add_test(tc, test_honorific_abbreviation);
	tcase_add_test(tc, test_initialism_before_name_word);
	tcase_add_test(tc, test_initialism_ends_before_pronoun);
	tcase_add_test(tc, test_month_and_number_abbreviations);
	tcase_add_test(tc, test_initials);
	tcase_add_test(tc, test_question_and_exclamation);
	tcase_add_test(tc, test_lowercase_after_dot_continues);
	tcase_add_test(tc, test_closing_quote_stays_in_sentence);
	tcase_add_test(tc, test_paragraph_ends_sentence);
	tcase_add_test(tc, test_decimal_is_not_a_boundary);
	tcase_add_test(tc, test_sentence_and_paragraph_tables);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(segment_suite());
	int failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed != 0 ? EXIT_FAILURE : EXIT_SUCCESS;
}
