/*
 * test_api.c: the public API contract: options defaults, constructors and
 * destructors, NULL handling, status and type names, empty input and the
 * accessors' behaviour out of range.
 */
#include <check.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "quoth.h"

START_TEST(test_options_init_defaults)
{
	quoth_options opt;

	memset(&opt, 0xAB, sizeof(opt));
	quoth_options_init(&opt);
	ck_assert_uint_eq(opt.size, sizeof(quoth_options));
	ck_assert_ptr_nonnull(opt.lang);
	ck_assert_str_eq(opt.lang, "en");
	ck_assert_ptr_null(opt.data_dir);
	ck_assert_uint_eq(opt.flags, 0);
	ck_assert_uint_eq(opt.types, QUOTH_TYPES_ALL);
	ck_assert_uint_eq(opt.max_doc_bytes, (size_t)1 << 30);
	ck_assert_uint_eq(opt.max_quote_bytes, (size_t)64 << 10);
	ck_assert_uint_eq(opt.max_depth, 8);
}
END_TEST

START_TEST(test_extractor_new_null_options)
{
	quoth_extractor *ex = NULL;
	quoth_result *r = NULL;
	quoth_error err;
	const char *s = "\"Fine,\" Ann Lee said.";

	ck_assert_int_eq(quoth_extractor_new(NULL, &ex, &err), QUOTH_OK);
	ck_assert_ptr_nonnull(ex);
	ck_assert_int_eq(quoth_extract(ex, s, strlen(s), &r, &err), QUOTH_OK);
	ck_assert_uint_eq(quoth_result_count(r), 1);
	quoth_result_free(r);
	quoth_extractor_free(ex);
	/* err may be NULL */
	ex = NULL;
	ck_assert_int_eq(quoth_extractor_new(NULL, &ex, NULL), QUOTH_OK);
	quoth_extractor_free(ex);
}
END_TEST

START_TEST(test_null_frees)
{
	quoth_extractor_free(NULL);
	quoth_result_free(NULL);
	ck_assert_uint_eq(quoth_result_count(NULL), 0);
	ck_assert_uint_eq(quoth_quote_nparts(NULL, 0), 0);
	ck_assert_uint_eq(quoth_quote_nverbatim(NULL, 0), 0);
	ck_assert_ptr_null(quoth_quote_str(NULL, 0, QUOTH_FIELD_QUOTE, NULL));
	ck_assert_uint_eq(quoth_result_warnings(NULL, QUOTH_WARN_UTF8, NULL),
	                  0);
}
END_TEST

START_TEST(test_strerror_each_status)
{
	const quoth_status all[] = {
	        QUOTH_OK,      QUOTH_ERR_NOMEM,   QUOTH_ERR_UTF8,
	        QUOTH_ERR_IO,  QUOTH_ERR_LEXICON, QUOTH_ERR_LIMIT,
	        QUOTH_ERR_ARG,
	};
	size_t i, j;

	for (i = 0; i < sizeof(all) / sizeof(all[0]); i++) {
		const char *m = quoth_strerror(all[i]);
		ck_assert_ptr_nonnull(m);
		ck_assert_uint_gt(strlen(m), 0);
		for (j = 0; j < i; j++)
			ck_assert_str_ne(m, quoth_strerror(all[j]));
	}
	ck_assert_str_eq(quoth_strerror(QUOTH_OK), "success");
	ck_assert_str_eq(quoth_strerror(QUOTH_ERR_UTF8), "invalid UTF-8");
	/* an unknown code still gives text */
	ck_assert_ptr_nonnull(quoth_strerror((quoth_status)-99));
	ck_assert_uint_gt(strlen(quoth_strerror((quoth_status)-99)), 0);
}
END_TEST

START_TEST(test_type_names)
{
	ck_assert_str_eq(quoth_type_name(QUOTH_DIRECT), "direct");
	ck_assert_str_eq(quoth_type_name(QUOTH_MIXED), "mixed");
	ck_assert_str_eq(quoth_type_name(QUOTH_INDIRECT), "indirect");
	ck_assert_str_eq(quoth_type_name(QUOTH_PARTIAL), "partial");
	ck_assert_ptr_nonnull(quoth_type_name((quoth_type)42));
}
END_TEST

START_TEST(test_empty_input)
{
	quoth_extractor *ex = NULL;
	quoth_result *r = NULL;
	quoth_error err;

	ck_assert_int_eq(quoth_extractor_new(NULL, &ex, &err), QUOTH_OK);
	ck_assert_int_eq(quoth_extract(ex, "", 0, &r, &err), QUOTH_OK);
	ck_assert_ptr_nonnull(r);
	ck_assert_uint_eq(quoth_result_count(r), 0);
	ck_assert_uint_eq(quoth_result_warnings(r, QUOTH_WARN_UTF8, NULL), 0);
	quoth_result_free(r);
	/* a NULL text of length 0 is empty input too */
	r = NULL;
	ck_assert_int_eq(quoth_extract(ex, NULL, 0, &r, &err), QUOTH_OK);
	ck_assert_uint_eq(quoth_result_count(r), 0);
	quoth_result_free(r);
	/* white space and a lone BOM */
	r = NULL;
	ck_assert_int_eq(quoth_extract(ex, " \n\r\n\t", 5, &r, &err), QUOTH_OK);
	ck_assert_uint_eq(quoth_result_count(r), 0);
	quoth_result_free(r);
	r = NULL;
	ck_assert_int_eq(quoth_extract(ex, "\xEF\xBB\xBF", 3, &r, &err),
	                 QUOTH_OK);
	ck_assert_uint_eq(quoth_result_count(r), 0);
	quoth_result_free(r);
	quoth_extractor_free(ex);
}
END_TEST

START_TEST(test_invalid_arguments)
{
	quoth_extractor *ex = NULL;
	quoth_result *r = NULL;
	quoth_options opt;
	quoth_error err;

	memset(&err, 0, sizeof(err));
	ck_assert_int_eq(quoth_extractor_new(NULL, NULL, &err), QUOTH_ERR_ARG);
	ck_assert_int_eq(err.status, QUOTH_ERR_ARG);
	ck_assert_int_eq(quoth_extractor_new(NULL, &ex, &err), QUOTH_OK);
	ck_assert_int_eq(quoth_extract(NULL, "x", 1, &r, &err), QUOTH_ERR_ARG);
	ck_assert_ptr_null(r);
	ck_assert_int_eq(quoth_extract(ex, NULL, 5, &r, &err), QUOTH_ERR_ARG);
	ck_assert_ptr_null(r);
	ck_assert_int_eq(quoth_extract(ex, "x", 1, NULL, &err), QUOTH_ERR_ARG);
	quoth_extractor_free(ex);

	/* an unknown language and a path-like one */
	quoth_options_init(&opt);
	opt.lang = "zz";
	ex = NULL;
	ck_assert_int_eq(quoth_extractor_new(&opt, &ex, &err), QUOTH_ERR_ARG);
	ck_assert_ptr_null(ex);
	opt.lang = "../en";
	ck_assert_int_eq(quoth_extractor_new(&opt, &ex, &err), QUOTH_ERR_ARG);
	ck_assert_ptr_null(ex);
	/* options not initialised (size 0) */
	memset(&opt, 0, sizeof(opt));
	ck_assert_int_eq(quoth_extractor_new(&opt, &ex, &err), QUOTH_ERR_ARG);
	ck_assert_ptr_null(ex);
}
END_TEST

START_TEST(test_missing_data_dir_falls_back)
{
	quoth_options opt;
	quoth_extractor *ex = NULL;
	quoth_result *r = NULL;
	quoth_error err;
	const char *s = "\"Fine,\" Ann Lee said.";

	quoth_options_init(&opt);
	opt.data_dir = "/nonexistent/quoth-test-dir";
	ck_assert_int_eq(quoth_extractor_new(&opt, &ex, &err), QUOTH_OK);
	ck_assert_int_eq(quoth_extract(ex, s, strlen(s), &r, &err), QUOTH_OK);
	ck_assert_uint_eq(quoth_result_count(r), 1);
	ck_assert_str_eq(quoth_quote_str(r, 0, QUOTH_FIELD_CUE, NULL), "said");
	quoth_result_free(r);
	quoth_extractor_free(ex);
}
END_TEST

START_TEST(test_accessors_out_of_range)
{
	quoth_extractor *ex = NULL;
	quoth_result *r = NULL;
	quoth_error err;
	const char *s = "\"Fine,\" Ann Lee said.";
	size_t a = 5, b = 5, len = 5, para = 5, line = 5;

	ck_assert_int_eq(quoth_extractor_new(NULL, &ex, &err), QUOTH_OK);
	ck_assert_int_eq(quoth_extract(ex, s, strlen(s), &r, &err), QUOTH_OK);
	ck_assert_uint_eq(quoth_result_count(r), 1);
	ck_assert_ptr_null(quoth_quote_str(r, 1, QUOTH_FIELD_QUOTE, &len));
	ck_assert_uint_eq(len, 0);
	ck_assert_ptr_null(quoth_quote_str(r, 0, QUOTH_FIELD_COUNT_, NULL));
	/* the fields appended after RULE keep the old numbers stable */
	ck_assert_int_eq(QUOTH_FIELD_RULE, 7);
	ck_assert_int_eq(QUOTH_FIELD_GENDER_SOURCE, 8);
	ck_assert_int_eq(QUOTH_FIELD_KIND, 9);
	ck_assert_str_eq(quoth_quote_str(r, 0, QUOTH_FIELD_KIND, NULL),
	                 "person");
	ck_assert_ptr_null(
	        quoth_quote_str(r, 0, QUOTH_FIELD_GENDER_SOURCE, &len));
	ck_assert_uint_eq(len, 0);
	ck_assert_int_eq(quoth_quote_span(r, 1, QUOTH_SPAN_QUOTE, &a, &b), 0);
	ck_assert_uint_eq(a, 5);
	ck_assert_uint_eq(quoth_quote_nparts(r, 1), 0);
	quoth_quote_part(r, 0, 1, &a, &b);
	ck_assert_uint_eq(a, 5);
	quoth_quote_verbatim(r, 0, 1, &a, &b);
	ck_assert_uint_eq(a, 5);
	quoth_quote_position(r, 1, &para, &line);
	ck_assert_uint_eq(para, 5);
	quoth_quote_position(r, 0, &para, &line);
	ck_assert_uint_eq(para, 1);
	ck_assert_uint_eq(line, 1);
	ck_assert_uint_eq(quoth_result_warnings(r, QUOTH_WARN_COUNT_, NULL), 0);
	quoth_result_free(r);
	quoth_extractor_free(ex);
}
END_TEST

START_TEST(test_result_locate)
{
	quoth_extractor *ex = NULL;
	quoth_result *r = NULL;
	quoth_error err;
	const char *s = "One.\r\nTwo is here.\nThree.";
	size_t line = 0, col = 0;

	ck_assert_int_eq(quoth_extractor_new(NULL, &ex, &err), QUOTH_OK);
	ck_assert_int_eq(quoth_extract(ex, s, strlen(s), &r, &err), QUOTH_OK);
	quoth_result_locate(r, 0, &line, &col);
	ck_assert_uint_eq(line, 1);
	ck_assert_uint_eq(col, 1);
	quoth_result_locate(r, 10, &line, &col); /* "is" */
	ck_assert_uint_eq(line, 2);
	ck_assert_uint_eq(col, 5);
	quoth_result_locate(r, 19, &line, &col); /* "Three" */
	ck_assert_uint_eq(line, 3);
	ck_assert_uint_eq(col, 1);
	quoth_result_free(r);
	quoth_extractor_free(ex);
}
END_TEST

START_TEST(test_extractor_reused)
{
	quoth_extractor *ex = NULL;
	quoth_error err;
	const char *texts[] = {
	        "\"One,\" Ann Lee said.",
	        "",
	        "Nothing quoted here at all.",
	        "\"Two,\" Bob Ray said. \"Three,\" he added.",
	};
	const size_t want[] = {1, 0, 0, 2};
	size_t i, round;

	ck_assert_int_eq(quoth_extractor_new(NULL, &ex, &err), QUOTH_OK);
	for (round = 0; round < 3; round++)
		for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
			quoth_result *r = NULL;
			ck_assert_int_eq(quoth_extract(ex, texts[i],
			                               strlen(texts[i]), &r,
			                               &err),
			                 QUOTH_OK);
			ck_assert_uint_eq(quoth_result_count(r), want[i]);
			quoth_result_free(r);
		}
	quoth_extractor_free(ex);
}
END_TEST

START_TEST(test_text_needs_no_nul)
{
	/* the text is (pointer, length): bytes after len are not read */
	const char s[] = "\"Stop,\" Ann Lee said. \"Go on,\" Bob Ray said.";
	size_t cut = (size_t)(strstr(s, " \"Go") - s);
	quoth_extractor *ex = NULL;
	quoth_result *r = NULL;
	quoth_error err;
	char *copy = malloc(cut);

	ck_assert_ptr_nonnull(copy);
	memcpy(copy, s, cut); /* no NUL: ASan/valgrind catch over-reads */
	ck_assert_int_eq(quoth_extractor_new(NULL, &ex, &err), QUOTH_OK);
	ck_assert_int_eq(quoth_extract(ex, copy, cut, &r, &err), QUOTH_OK);
	ck_assert_uint_eq(quoth_result_count(r), 1);
	ck_assert_str_eq(quoth_quote_str(r, 0, QUOTH_FIELD_SPEAKER, NULL),
	                 "Ann Lee");
	quoth_result_free(r);
	quoth_extractor_free(ex);
	free(copy);
}
END_TEST

/* QUOTH_OPT_GENDER_FROM_NAMES: a person's first name gives the gender,
 * marked "name", only when asked; the article's own evidence wins. */
START_TEST(test_gender_from_names)
{
	const char *text = "\"We open on Friday,\" said Daniel Okafor. "
	                   "\"It hurt,\" said Brian Moss. \"No,\" she said.";
	quoth_options opt;
	quoth_extractor *ex = NULL;
	quoth_result *r = NULL;
	quoth_error err;
	size_t i, n;
	int flag;

	for (flag = 0; flag < 2; flag++) {
		quoth_options_init(&opt);
		if (flag)
			opt.flags |= QUOTH_OPT_GENDER_FROM_NAMES;
		ck_assert_int_eq(quoth_extractor_new(&opt, &ex, &err),
		                 QUOTH_OK);
		ck_assert_int_eq(
		        quoth_extract(ex, text, strlen(text), &r, &err),
		        QUOTH_OK);
		ck_assert_uint_eq(quoth_result_count(r), 3);
		ck_assert_str_eq(
		        quoth_quote_str(r, 0, QUOTH_FIELD_SPEAKER, NULL),
		        "Daniel Okafor");
		if (flag) {
			ck_assert_str_eq(
			        quoth_quote_str(r, 0, QUOTH_FIELD_GENDER, NULL),
			        "male");
			ck_assert_str_eq(
			        quoth_quote_str(r, 0, QUOTH_FIELD_GENDER_SOURCE,
			                        NULL),
			        "name");
		} else {
			ck_assert_ptr_null(
			        quoth_quote_str(r, 0, QUOTH_FIELD_GENDER, &n));
			ck_assert_ptr_null(quoth_quote_str(
			        r, 0, QUOTH_FIELD_GENDER_SOURCE, &n));
		}
		/* "she": female by the article, whatever "Brian" says */
		for (i = 1; i < 3; i++) {
			ck_assert_str_eq(
			        quoth_quote_str(r, i, QUOTH_FIELD_GENDER, NULL),
			        "female");
			ck_assert_str_eq(
			        quoth_quote_str(r, i, QUOTH_FIELD_GENDER_SOURCE,
			                        NULL),
			        "article");
		}
		quoth_result_free(r);
		quoth_extractor_free(ex);
	}
}
END_TEST

/* Tokens keep 32-bit offsets: a document of 4 GiB or more is refused with
 * a clear error before a byte of it is read, even when max_doc_bytes
 * would allow it (the text passed here is far shorter than len). */
START_TEST(test_document_over_4gib_refused)
{
	quoth_options opt;
	quoth_extractor *ex = NULL;
	quoth_result *r = NULL;
	quoth_error err;
	static const char text[] = "\"Hi,\" she said.";

	if (SIZE_MAX <= UINT32_MAX)
		return; /* a 32-bit size_t cannot express the length */
	quoth_options_init(&opt);
	opt.max_doc_bytes = SIZE_MAX;
	ck_assert_int_eq(quoth_extractor_new(&opt, &ex, &err), QUOTH_OK);
	ck_assert_int_eq(
	        quoth_extract(ex, text, (size_t)UINT32_MAX + 1, &r, &err),
	        QUOTH_ERR_LIMIT);
	ck_assert_ptr_null(r);
	ck_assert_ptr_nonnull(strstr(err.message, "4 GiB"));
	ck_assert_int_eq(quoth_extract(ex, text, sizeof text - 1, &r, &err),
	                 QUOTH_OK);
	ck_assert_uint_eq(quoth_result_count(r), 1);
	quoth_result_free(r);
	quoth_extractor_free(ex);
}
END_TEST

static Suite *
api_suite(void)
{
	Suite *s = suite_create("api");
	TCase *tc = tcase_create("api");

	tcase_add_test(tc, test_options_init_defaults);
	tcase_add_test(tc, test_extractor_new_null_options);
	tcase_add_test(tc, test_null_frees);
	tcase_add_test(tc, test_strerror_each_status);
	tcase_add_test(tc, test_type_names);
	tcase_add_test(tc, test_empty_input);
	tcase_add_test(tc, test_invalid_arguments);
	tcase_add_test(tc, test_missing_data_dir_falls_back);
	tcase_add_test(tc, test_accessors_out_of_range);
	tcase_add_test(tc, test_result_locate);
	tcase_add_test(tc, test_extractor_reused);
	tcase_add_test(tc, test_text_needs_no_nul);
	tcase_add_test(tc, test_gender_from_names);
	tcase_add_test(tc, test_document_over_4gib_refused);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(api_suite());
	int failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed != 0 ? EXIT_FAILURE : EXIT_SUCCESS;
}
