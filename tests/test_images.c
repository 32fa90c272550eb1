/*
 * test_images.c: the word lists' tables and the symbol table built at
 * build time (tools/embed_lexicons.py, tools/symtab_gen.c) are the ones
 * the start-up makes from the text files: every lexicon holds the same
 * phrases with the same values, and the symbol table the same entries in
 * the same order.  The text is the source tree's (QUOTH_SRC/data, loaded
 * through --data-dir, which takes no image).  A list that got no image
 * (or a cross build, which has no symbol table built in) passes too: it
 * was parsed both times.  The first-name list (tools/embed.py: a sorted
 * table of data/en/first-names.txt, searched by bisection) answers every
 * look-up as the text file parsed as a word list does: every name with
 * its flag, and words next to the names (a letter more or less) alike.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "private.h"

static lang_data built, parsed;

static void
setup(void)
{
	const char *src = getenv("QUOTH_SRC");
	char dir[4096];
	quoth_error err;

	ck_assert_ptr_nonnull(src);
	snprintf(dir, sizeof(dir), "%s/data", src);
	unsetenv("QUOTH_WN_OFF");
	ck_assert_int_eq(qt_lang_data_load(&built, "en", NULL, &err), QUOTH_OK);
	ck_assert_int_eq(qt_lang_data_load(&parsed, "en", dir, &err), QUOTH_OK);
	ck_assert_int_eq(qt_first_names_load(&built, "en", NULL, &err),
	                 QUOTH_OK);
	ck_assert_int_eq(qt_first_names_load(&parsed, "en", dir, &err),
	                 QUOTH_OK);
	/* (the text, parsed, never takes the tables built in) */
	ck_assert(!parsed.sym_builtin);
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
	const lexicon *other;
	size_t seen, differ;
};

static void
one(void *arg, const char *key, size_t len, int value)
{
	struct walk *w = arg;

	w->seen++;
	if (qt_lexicon_get(w->other, key, len) != value)
		w->differ++;
}

START_TEST(test_lexicons_agree)
{
	int i;

	for (i = 0; i < LEX_COUNT_; i++) {
		struct walk a = {parsed.lex[i], 0, 0}, b = {built.lex[i], 0, 0};

		qt_lexicon_each(built.lex[i], one, &a);
		qt_lexicon_each(parsed.lex[i], one, &b);
		ck_assert_msg(a.differ == 0 && b.differ == 0,
		              "lexicon %d: %zu and %zu phrases differ", i,
		              a.differ, b.differ);
		ck_assert_uint_eq(a.seen, b.seen);
		ck_assert_uint_eq(qt_lexicon_size(built.lex[i]),
		                  qt_lexicon_size(parsed.lex[i]));
		ck_assert_uint_eq(qt_lexicon_max_words(built.lex[i]),
		                  qt_lexicon_max_words(parsed.lex[i]));
	}
}
END_TEST

START_TEST(test_symtab_agrees)
{
	const symtab *a = built.sym, *b = parsed.sym;
	size_t i;
	int j;

	ck_assert_ptr_nonnull(a);
	ck_assert_ptr_nonnull(b);
	ck_assert_uint_eq(a->n, b->n);
	ck_assert_uint_eq(a->nslots, b->nslots);
	ck_assert(memcmp(a->slots, b->slots, a->nslots * sizeof(*a->slots)) ==
	          0);
	ck_assert(memcmp(a->byte_sym, b->byte_sym, sizeof(a->byte_sym)) == 0);
	for (i = 1; i < a->n; i++) {
		const sym_entry *x = &a->e[i], *y = &b->e[i];

		ck_assert_uint_eq(x->len, y->len);
		ck_assert_msg(memcmp(x->key, y->key, x->len) == 0,
		              "symbol %zu: '%.*s' / '%.*s'", i, (int)x->len,
		              x->key, (int)y->len, y->key);
		ck_assert_uint_eq(x->hash, y->hash);
		for (j = 0; j < LEX_COUNT_; j++)
			ck_assert_int_eq(x->val[j], y->val[j]);
		ck_assert_uint_eq(x->starts, y->starts);
		ck_assert_uint_eq(x->inner, y->inner);
		ck_assert_uint_eq(x->cls, y->cls);
	}
}
END_TEST

struct name_walk {
	size_t names, near, differ;
	char buf[64];
};

static void
name_one(void *arg, const char *key, size_t len, int value)
{
	struct name_walk *w = arg;
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

START_TEST(test_first_names_agree)
{
	struct name_walk w = {0};

	ck_assert_uint_gt(qt_first_names_count(&built), 90000);
	ck_assert_uint_eq(qt_first_names_count(&built),
	                  qt_first_names_count(&parsed));
	qt_lexicon_each(parsed.first_names, name_one, &w);
	ck_assert_uint_eq(w.names, qt_first_names_count(&built));
	ck_assert_uint_eq(w.differ, 0);
}
END_TEST

START_TEST(test_first_name_edges)
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
	Suite *s = suite_create("images");
	TCase *tc = tcase_create("core");
	SRunner *sr;
	int failed;

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_lexicons_agree);
	tcase_add_test(tc, test_symtab_agrees);
	tcase_add_test(tc, test_first_names_agree);
	tcase_add_test(tc, test_first_name_edges);
	tcase_set_timeout(tc, 120);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
