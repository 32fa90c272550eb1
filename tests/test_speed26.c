/*
 * test_speed26.c: the shortcuts of speed26 answer as the long ways do.
 * The symbol table's memo of the ASCII words of nine to sixteen bytes
 * (symtab.c; on from ASCII_MEMO_MIN tokens): every token of a long text
 * gets the symbol it gets alone (no memo).
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "private.h"

/* The words repeated: nine to sixteen bytes in several cases, with
 * shorter and longer ones, non-ASCII ones and words of no list. */
static const char *const words[] = {
        "government",
        "Government",
        "GOVERNMENT",
        "administration",
        "Administration",
        "spokeswoman",
        "spokeswomen",
        "announced",
        "ANNOUNCED",
        "statements",
        "STATEMENTSTATEMEN",
        "statementstatemen",
        "abcdefghi",
        "abcdefghij",
        "abcdefghijklmnop",
        "ABCDEFGHIJKLMNOP",
        "abcdefghijklmnopq",
        "\xc3\x89lys\xc3\xa9\x65",
        "caf\xc3\xa9s-bars",
        "said",
        "according",
        "to",
        "the",
        "reporters",
        "@bcdefghi",
        "[bcdefghijk",
        "`bcdefghijkl",
        "{bcdefghijklm",
        "zzzzzzzzzzzzzzzz",
        "Zzzzzzzzzzzzzzz",
};

START_TEST(test_long_word_memo_answers_as_alone)
{
	char *text;
	size_t cap = 64 * 1024, n = 0, a, k;
	lang_data ld;
	quoth_error err;
	token_list tl;
	unsigned seed = 12345;

	text = malloc(cap);
	ck_assert_ptr_nonnull(text);
	/* (a pseudo-random order, 3000 words: the memo is on and its
	 * slots are reused) */
	for (k = 0; k < 3000; k++) {
		const char *w;
		seed = seed * 1103515245u + 12345u;
		w = words[(seed >> 16) % QUOTH_ARRAY_LEN(words)];
		ck_assert_uint_lt(n + strlen(w) + 2, cap);
		memcpy(text + n, w, strlen(w));
		n += strlen(w);
		text[n++] = k % 17 == 16 ? '\n' : ' ';
	}
	/* (a long word ends the text: no sixteen bytes after it to read) */
	memcpy(text + n, "administrations", 15);
	n += 15;
	ck_assert_int_eq(qt_lang_data_load(&ld, "en", NULL, &err), QUOTH_OK);
	memset(&tl, 0, sizeof(tl));
	ck_assert(qt_tokenize(text, n, 0, &tl));
	ck_assert_uint_gt(tl.n, 2048);
	qt_symbolize(&ld, text, tl.t, tl.n);
	for (a = 0; a < tl.n; a++) {
		token one = tl.t[a];
		one.sym = 0;
		qt_symbolize(&ld, text, &one, 1);
		ck_assert_uint_ne(tl.t[a].sym, 0);
		ck_assert_uint_eq(tl.t[a].sym, one.sym);
		for (k = 0; k < LEX_COUNT_; k++)
			ck_assert_int_eq(qt_sym_value(&ld, tl.t[a].sym, (int)k),
			                 qt_lexicon_get_tokens(ld.lex[k], text,
			                                       tl.t, a, a + 1));
	}
	qt_token_list_free(&tl);
	qt_lang_data_free(&ld);
	free(text);
}
END_TEST

static Suite *
speed26_suite(void)
{
	Suite *s = suite_create("speed26");
	TCase *tc = tcase_create("core");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_long_word_memo_answers_as_alone);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(speed26_suite());
	int failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed != 0 ? EXIT_FAILURE : EXIT_SUCCESS;
}
