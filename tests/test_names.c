/*
 * test_names.c: the first-name list compiled into the library
 * (tools/embed.py makes a sorted table of data/en/first-names.txt, which
 * data.c searches by bisection) answers every look-up as the text file,
 * parsed as a word list, does: every name with its flag, and words next
 * to the names (a letter more or less) alike.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "private.h"

static lang_data built, parsed;

/* Load the compiled table, and the source tree's text file through
 * --data-dir (QUOTH_SRC/data/en/first-names.txt). */
static void
setup(void)
{
	const char *src = getenv("QUOTH_SRC");
	char dir[4096];
	quoth_error err;

	ck_assert_ptr_nonnull(src);
	snprintf(dir, sizeof(dir), "%s/data", src);
	ck_assert_int_eq(qt_lang_data_load(&built, "en", NULL, &err), QUOTH_OK);
	ck_assert_int_eq(qt_first_names_load(&built, "en", NULL, &err),
	                 QUOTH_OK);
	ck_assert_int_eq(qt_lang_data_load(&parsed, "en", dir, &err), QUOTH_OK);
	ck_assert_int_eq(qt_first_names_load(&parsed, "en", dir, &err),
	                 QUOTH_OK);
	ck_assert_ptr_null(built.first_names);
	ck_assert_ptr_nonnull(parsed.first_names);
}

static void
teardown(void)
{
	qt_lang_data_free(&built);
	qt_lang_data_free(&parsed);
}

struct walk {
	size_t names, near, differ;
	char buf[64];
};

static void
one(void *arg, const char *key, size_t len, int value)
{
	struct walk *w = arg;
	size_t k;

	w->names++;
	if (qt_first_name(&built, key, len) != value)
		w->differ++;
	if (len + 1 >= sizeof(w->buf))
		return;
	/* the name with a letter more or one less: in both or neither */
	memcpy(w->buf, key, len);
	for (k = 0; k < 2; k++) {
		size_t n = k ? len - 1 : len + 1;
		w->buf[len] = 'q';
		w->near++;
		if (qt_first_name(&built, w->buf, n) !=
		    qt_lexicon_get(parsed.first_names, w->buf, n))
			w->differ++;
	}
}

START_TEST(table_equals_text)
{
	struct walk w = {0};

	ck_assert_uint_gt(qt_first_names_count(&built), 90000);
	ck_assert_uint_eq(qt_first_names_count(&built),
	                  qt_first_names_count(&parsed));
	qt_lexicon_each(parsed.first_names, one, &w);
	ck_assert_uint_eq(w.names, qt_first_names_count(&built));
	ck_assert_uint_eq(w.differ, 0);
}
END_TEST

START_TEST(edges)
{
	/* the first and last names of the list, before the first, after
	 * the last, the empty word, and a name the list leaves out as
	 * shared by both sexes */
	ck_assert_int_eq(qt_first_name(&built, "aaban", 5),
	                 qt_lexicon_get(parsed.first_names, "aaban", 5));
	ck_assert_int_eq(qt_first_name(&built, "a", 1), -1);
	ck_assert_int_eq(qt_first_name(&built, "zzzzzzzzzzzz", 12), -1);
	ck_assert_int_eq(qt_first_name(&built, "", 0), -1);
	ck_assert_int_eq(qt_first_name(&built, "joel", 4), NAME_MALE);
	ck_assert_int_eq(qt_first_name(&built, "ada", 3), NAME_FEMALE);
	ck_assert_int_eq(qt_first_name(&built, "jordan", 6), -1);
	ck_assert_int_eq(qt_name_gender(&built, "Jos\xc3\xa9 Ruiz", 10),
	                 NAME_MALE);
	ck_assert_int_eq(qt_name_gender(&built, "Mary-Zzq Lund", 13),
	                 NAME_FEMALE);
	ck_assert_int_eq(qt_name_gender(&built, "Trudeau", 7), 0);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("names");
	TCase *tc = tcase_create("names");
	SRunner *sr;
	int failed;

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, table_equals_text);
	tcase_add_test(tc, edges);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
