/*
 * test_shortcuts.c: the shortcuts taken for speed answer as the long ways do.
 * The symbol table's memo of the ASCII words of nine to sixteen bytes
 * (symtab.c; on from ASCII_MEMO_MIN tokens): every token of a long text
 * gets the symbol it gets alone (no memo).  The tokenizer's flags of
 * ASCII words, found without a branch.  The entity index of a long
 * text.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "private.h"
#include "quoth.h"

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

/* The tokenizer's path for ASCII words (tokenize.c ascii_word(),
 * word_token()): each word of letters and digits, ended by a space, a
 * line break, punctuation or the text's end, gets the flags their
 * definitions give, and the space after it is seen. */
START_TEST(test_ascii_word_flags)
{
	static const char *const parts[] = {
	        "said", "Said", "SAID", "A",       "a",  "x9", "9x", "2025",
	        "US",   "UsA",  "aB",   "COVID19", "Q3", "I",  "zZ",
	};
	static const char *const seps[] = {" ", "  ", ", ", ". ", "\n",
	                                   ";", " (", ") ", "! "};
	char text[8192];
	size_t n = 0, a, k;
	unsigned seed = 99;
	token_list tl;

	for (k = 0; k < 400; k++) {
		const char *w, *sp;
		seed = seed * 1103515245u + 12345u;
		w = parts[(seed >> 16) % QUOTH_ARRAY_LEN(parts)];
		seed = seed * 1103515245u + 12345u;
		sp = seps[(seed >> 16) % QUOTH_ARRAY_LEN(seps)];
		ck_assert_uint_lt(n + strlen(w) + strlen(sp), sizeof(text));
		memcpy(text + n, w, strlen(w));
		n += strlen(w);
		if (k < 399) {
			memcpy(text + n, sp, strlen(sp));
			n += strlen(sp);
		}
	}
	memset(&tl, 0, sizeof(tl));
	ck_assert(qt_tokenize(text, n, 0, &tl));
	for (a = 0; a < tl.n; a++) {
		const token *t = &tl.t[a];
		size_t i, up = 0;
		bool lower = false, digit = false;
		unsigned want = 0;
		if (t->kind != TK_WORD && t->kind != TK_NUM)
			continue;
		for (i = t->start; i < t->end; i++) {
			char ch = text[i];
			ck_assert((ch >= 'a' && ch <= 'z') ||
			          (ch >= 'A' && ch <= 'Z') ||
			          (ch >= '0' && ch <= '9'));
			up += ch >= 'A' && ch <= 'Z';
			lower |= ch >= 'a' && ch <= 'z';
			digit |= ch >= '0' && ch <= '9';
		}
		ck_assert(t->end == n ||
		          !(text[t->end] >= 'a' && text[t->end] <= 'z'));
		if (text[t->start] >= 'A' && text[t->start] <= 'Z')
			want |= TF_CAP;
		if (!lower && up >= 2)
			want |= TF_ALLCAP;
		if (digit)
			want |= TF_HAS_DIGIT;
		if (t->end == n || text[t->end] == ' ' || text[t->end] == '\n')
			want |= TF_SPACE_AFTER;
		if (t->start == 0 || text[t->start - 1] == ' ' ||
		    text[t->start - 1] == '\n')
			want |= TF_SPACE_BEFORE;
		ck_assert_uint_eq(t->flags, want);
		ck_assert_int_eq(t->kind,
		                 text[t->start] >= '0' && text[t->start] <= '9'
		                         ? TK_NUM
		                         : TK_WORD);
		ck_assert_int_eq(t->cp, (unsigned char)text[t->start]);
	}
	qt_token_list_free(&tl);
}
END_TEST

/* The entity index sized from the text's length (entindex.c): 700
 * people named in a text of some 5,600 tokens, then two quoted by
 * surname alone, the last named and one named 300 people before it,
 * each found under their full names. */
START_TEST(test_long_text_entity_index)
{
	static const char cons[] = "bdfgklmnprstvz", vow[] = "aeiou";
	static const char *const firsts[] = {"Ana", "Dana", "Tom",   "Rafi",
	                                     "Ivo", "Lena", "Oskar", "Mira"};
	char sur[700][10], *text;
	size_t cap = 64 * 1024, n = 0, k, len;
	quoth_extractor *ex = NULL;
	quoth_result *r = NULL;
	quoth_error err;
	const char *who;

	text = malloc(cap);
	ck_assert_ptr_nonnull(text);
	for (k = 0; k < 700; k++) {
		snprintf(sur[k], sizeof(sur[k]), "%c%c%c%cll%cn",
		         cons[k % 14] - 'a' + 'A', vow[(k / 14) % 5],
		         cons[(k / 70) % 14], vow[(k / 3) % 5], vow[k % 5]);
		n += (size_t)snprintf(text + n, cap - n,
		                      "%s %s met the council on Monday.\n\n",
		                      firsts[k % 8], sur[k]);
		ck_assert_uint_lt(n, cap);
	}
	n += (size_t)snprintf(text + n, cap - n,
	                      "\"We will win,\" %s said.\n\n"
	                      "\"The pier stays shut,\" %s said.\n",
	                      sur[699], sur[400]);
	ck_assert_uint_lt(n, cap);
	ck_assert_int_eq(quoth_extractor_new(NULL, &ex, &err), QUOTH_OK);
	ck_assert_int_eq(quoth_extract(ex, text, n, &r, &err), QUOTH_OK);
	ck_assert_uint_eq(quoth_result_count(r), 2);
	who = quoth_quote_str(r, 0, QUOTH_FIELD_SPEAKER, &len);
	ck_assert_ptr_nonnull(who);
	ck_assert_str_eq(who, "Rafi Zurollun");
	who = quoth_quote_str(r, 1, QUOTH_FIELD_SPEAKER, &len);
	ck_assert_ptr_nonnull(who);
	ck_assert_str_eq(who, "Ana Polollan");
	quoth_result_free(r);
	quoth_extractor_free(ex);
	free(text);
}
END_TEST

static Suite *
shortcuts_suite(void)
{
	Suite *s = suite_create("shortcuts");
	TCase *tc = tcase_create("core");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_long_word_memo_answers_as_alone);
	tcase_add_test(tc, test_ascii_word_flags);
	tcase_add_test(tc, test_long_text_entity_index);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(shortcuts_suite());
	int failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed != 0 ? EXIT_FAILURE : EXIT_SUCCESS;
}
