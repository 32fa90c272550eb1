/*
 * test_lexicon.c: the built-in data files, lookups of folded phrases,
 * --data-dir overrides and data-file syntax errors naming file:line.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "private.h"

#define FLAG(c) (1 << ((c) - 'a'))

static int
get(const lexicon *lx, const char *s)
{
	return qt_lexicon_get(lx, s, strlen(s));
}

/* A fresh directory DIR with DIR/en/ in it; `dir` gets its path. */
static void
make_data_dir(char *dir, size_t n)
{
	char sub[512];
	const char *tmp = getenv("TMPDIR");

	snprintf(dir, n, "%s/quoth-lex-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(sub, sizeof(sub), "%s/en", dir);
	ck_assert_int_eq(mkdir(sub, 0700), 0);
}

static void
write_file(const char *dir, const char *name, const char *data, size_t len)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof(path), "%s/en/%s", dir, name);
	f = fopen(path, "wb");
	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(fwrite(data, 1, len, f), len);
	ck_assert_int_eq(fclose(f), 0);
}

static void
remove_data_dir(const char *dir, const char *name)
{
	char path[512];

	snprintf(path, sizeof(path), "%s/en/%s", dir, name);
	unlink(path);
	snprintf(path, sizeof(path), "%s/en", dir);
	rmdir(path);
	rmdir(dir);
}

/* Load a data dir whose en/cues.txt is `data`; expect a lexicon error
 * whose message names cues.txt and `line`. */
static void
expect_syntax_error(const char *data, size_t len, size_t line)
{
	char dir[256], want[64];
	lang_data ld;
	quoth_error err;
	quoth_status st;

	make_data_dir(dir, sizeof(dir));
	write_file(dir, "cues.txt", data, len);
	memset(&err, 0, sizeof(err));
	st = qt_lang_data_load(&ld, "en", dir, &err);
	remove_data_dir(dir, "cues.txt");
	ck_assert_int_eq(st, QUOTH_ERR_LEXICON);
	ck_assert_int_eq(err.status, QUOTH_ERR_LEXICON);
	ck_assert_uint_eq(err.line, line);
	snprintf(want, sizeof(want), "cues.txt:%zu:", line);
	ck_assert_msg(strstr(err.message, want) != NULL,
	              "message \"%s\" does not name %s", err.message, want);
	/* lang_data_load cleaned up after itself */
	ck_assert_ptr_null(ld.lex[0]);
}

START_TEST(test_builtin_load)
{
	lang_data ld;
	quoth_error err;
	int i;

	ck_assert_int_eq(qt_lang_data_load(&ld, "en", NULL, &err), QUOTH_OK);
	for (i = 0; i < LEX_COUNT_; i++)
		ck_assert_ptr_nonnull(ld.lex[i]);
	ck_assert_int_ge(get(ld.lex[LEX_ABBREV], "mr."), 0);
	ck_assert_int_ge(get(ld.lex[LEX_TITLES], "minister"), 0);
	ck_assert_uint_ge(qt_lexicon_max_words(ld.lex[LEX_CUES]), 2);
	ck_assert_uint_le(qt_lexicon_max_words(ld.lex[LEX_CUES]), 6);
	qt_lang_data_free(&ld);
	/* free twice is harmless: the pointers were cleared */
	qt_lang_data_free(&ld);
}
END_TEST

START_TEST(test_cue_flags)
{
	lang_data ld;
	quoth_error err;
	int v;

	ck_assert_int_eq(qt_lang_data_load(&ld, "en", NULL, &err), QUOTH_OK);
	v = get(ld.lex[LEX_CUES], "said");
	ck_assert_int_ge(v, 0);
	ck_assert(v & FLAG('s'));
	ck_assert(v & FLAG('i'));
	ck_assert(v & FLAG('c'));
	ck_assert(!(v & FLAG('n')));
	v = get(ld.lex[LEX_CUES], "according to");
	ck_assert_int_ge(v, 0);
	ck_assert(v & FLAG('n'));
	/* lookups are on folded text: the caller folds */
	ck_assert_int_eq(get(ld.lex[LEX_CUES], "Said"), -1);
	ck_assert_int_eq(get(ld.lex[LEX_CUES], "according"), -1);
	ck_assert_int_eq(get(ld.lex[LEX_CUES], "banana"), -1);
	qt_lang_data_free(&ld);
}
END_TEST

/* Through the tokens' symbols (symtab.c), every lookup of one, two or
 * three tokens answers as the folding lookup does: words in no list,
 * words in several, capitals, non-ASCII, typographic apostrophes, a word
 * longer than the stack fold, first words of longer phrases. */
START_TEST(test_symbols_answer_as_folding)
{
	static const char text[] =
	        "ACCORDING to Mr. Smith, she Went On saying "
	        "\xe2\x80\x9cno\xe2\x80\x9d "
	        "and Pointed out that the \xc3\x89lys\xc3\xa9"
	        "e Palace, the "
	        "police\xe2\x80\x99s officials, SAID it's \xc3\x9fig "
	        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa told reporters.\n\n"
	        "Prime Minister of Canada, a spokeswoman, said: who?";
	lang_data ld;
	quoth_error err;
	token_list tl;
	size_t a, w;
	int k, known = 0;

	ck_assert_int_eq(qt_lang_data_load(&ld, "en", NULL, &err), QUOTH_OK);
	ck_assert_ptr_nonnull(ld.sym);
	memset(&tl, 0, sizeof(tl));
	ck_assert(qt_tokenize(text, sizeof(text) - 1, 0, &tl));
	qt_symbolize(&ld, text, tl.t, tl.n);
	for (a = 0; a < tl.n; a++) {
		ck_assert_uint_ne(tl.t[a].sym, 0);
		for (k = 0; k < LEX_COUNT_; k++)
			for (w = 1; w <= 3 && a + w <= tl.n; w++) {
				int want = qt_lexicon_get_tokens(
				        ld.lex[k], text, tl.t, a, a + w);
				ck_assert_int_eq(qt_lex_tokens(&ld, k, text,
				                               tl.t, a, a + w),
				                 want);
				if (w == 1)
					ck_assert_int_eq(
					        qt_sym_value(&ld, tl.t[a].sym,
					                     k),
					        want);
				if (want >= 0)
					known++;
			}
	}
	/* (the text does reach the lists: said, according to, went on) */
	ck_assert_int_gt(known, 10);
	qt_token_list_free(&tl);
	qt_lang_data_free(&ld);
}
END_TEST

/* The symbol table folds and hashes ASCII words eight bytes at a time:
 * words of 7, 8, 9, 16 and 17 bytes, the letters next to A-Z in ASCII
 * (@ [ ` {), one-byte tokens, and a word ending the text (no bytes after
 * it to read) get the symbol of their folded spelling.  A token the table
 * marks as surely no cue has no cue entry of one or two words and is no
 * speech verb. */
START_TEST(test_symbols_word_at_a_time)
{
	static const char text[] =
	        "ANNOUNC ANNOUNCE ANNOUNCED STATEMENTSTATEMEN "
	        "STATEMENTSTATEMENT @said [said `said {said} Z z A I , . "
	        "Points out, Went on, insisted, SAID";
	lang_data ld;
	quoth_error err;
	token_list tl;
	size_t a;
	int k;

	ck_assert_int_eq(qt_lang_data_load(&ld, "en", NULL, &err), QUOTH_OK);
	memset(&tl, 0, sizeof(tl));
	/* (the text's own length: the last word ends the buffer) */
	ck_assert(qt_tokenize(text, sizeof(text) - 1, 0, &tl));
	qt_symbolize(&ld, text, tl.t, tl.n);
	for (a = 0; a < tl.n; a++) {
		ck_assert_uint_ne(tl.t[a].sym, 0);
		for (k = 0; k < LEX_COUNT_; k++)
			ck_assert_int_eq(qt_sym_value(&ld, tl.t[a].sym, k),
			                 qt_lexicon_get_tokens(ld.lex[k], text,
			                                       tl.t, a, a + 1));
		if (qt_sym_no_cue(&ld, tl.t, tl.n, a)) {
			int sp = qt_lexicon_get_tokens(ld.lex[LEX_SPEECH], text,
			                               tl.t, a, a + 1);
			ck_assert_int_lt(qt_lexicon_get_tokens(ld.lex[LEX_CUES],
			                                       text, tl.t, a,
			                                       a + 1),
			                 0);
			ck_assert(sp < 0 || !(sp & WNV_SPEECH));
			if (a + 2 <= tl.n)
				ck_assert_int_lt(qt_lexicon_get_tokens(
				                         ld.lex[LEX_CUES], text,
				                         tl.t, a, a + 2),
				                 0);
		}
	}
	/* (said, SAID, ANNOUNCED are cues: not turned down) */
	ck_assert(!qt_sym_no_cue(&ld, tl.t, tl.n, tl.n - 1));
	ck_assert(!qt_sym_no_cue(&ld, tl.t, tl.n, 2));
	ck_assert(qt_sym_no_cue(&ld, tl.t, tl.n, 3));
	qt_token_list_free(&tl);
	qt_lang_data_free(&ld);
}
END_TEST

START_TEST(test_pronoun_and_honorific_values)
{
	lang_data ld;
	quoth_error err;
	int v;

	ck_assert_int_eq(qt_lang_data_load(&ld, "en", NULL, &err), QUOTH_OK);
	v = get(ld.lex[LEX_PRONOUNS], "she");
	ck_assert_int_ge(v, 0);
	ck_assert(v & FLAG('f'));
	ck_assert(!(v & FLAG('m')));
	v = get(ld.lex[LEX_HONORIFICS], "mr");
	ck_assert_int_ge(v, 0);
	ck_assert(v & FLAG('m'));
	qt_lang_data_free(&ld);
}
END_TEST

START_TEST(test_lexicon_get_tokens_folds)
{
	lang_data ld;
	quoth_error err;
	token_list tl;
	const char *s = "ACCORDING TO Ukraine’s";

	ck_assert_int_eq(qt_lang_data_load(&ld, "en", NULL, &err), QUOTH_OK);
	memset(&tl, 0, sizeof(tl));
	ck_assert(qt_tokenize(s, strlen(s), 0, &tl));
	ck_assert_uint_eq(tl.n, 3);
	ck_assert(qt_lexicon_get_tokens(ld.lex[LEX_CUES], s, tl.t, 0, 2) &
	          FLAG('n'));
	ck_assert_int_eq(qt_lexicon_get_tokens(ld.lex[LEX_CUES], s, tl.t, 0, 1),
	                 -1);
	qt_token_list_free(&tl);
	qt_lang_data_free(&ld);
}
END_TEST

START_TEST(test_add_and_fold)
{
	lexicon *lx = qt_lexicon_new();
	qbuf b = {0};

	ck_assert_ptr_nonnull(lx);
	ck_assert_int_eq(get(lx, "anything"), -1);
	ck_assert(qt_lexicon_add(lx, "stated", 6, FLAG('s')));
	ck_assert(qt_lexicon_add(lx, "stated", 6, FLAG('i')));
	/* adding again ORs the values */
	ck_assert_int_eq(get(lx, "stated"), FLAG('s') | FLAG('i'));
	ck_assert(qt_lexicon_add(lx, "made clear to", 13, 0));
	ck_assert_uint_eq(qt_lexicon_max_words(lx), 3);
	/* text_fold: case, non-ASCII case and typographic apostrophes */
	qt_text_fold(&b, "ÉTAT O’Neil", strlen("ÉTAT O’Neil"));
	ck_assert(!b.failed);
	ck_assert_uint_eq(b.len, strlen("état o'neil"));
	ck_assert(memcmp(b.ptr, "état o'neil", b.len) == 0);
	qbuf_free(&b);
	qt_lexicon_free(lx);
	qt_lexicon_free(NULL);
}
END_TEST

START_TEST(test_many_entries_grow)
{
	lexicon *lx = qt_lexicon_new();
	char w[32];
	int i;

	ck_assert_ptr_nonnull(lx);
	for (i = 0; i < 5000; i++) {
		int n = snprintf(w, sizeof(w), "word%d", i);
		ck_assert(qt_lexicon_add(lx, w, (size_t)n, i & 0xff));
	}
	for (i = 0; i < 5000; i += 7) {
		int n = snprintf(w, sizeof(w), "word%d", i);
		ck_assert_int_eq(qt_lexicon_get(lx, w, (size_t)n), i & 0xff);
	}
	ck_assert_int_eq(get(lx, "word5000"), -1);
	qt_lexicon_free(lx);
}
END_TEST

START_TEST(test_data_dir_overrides_one_file)
{
	static const char cues[] =
	        "# my cues\n# flags: s=speech i=inverted "
	        "c=clause\nproclaimed\tsi\n\nmade clear\tsc\n";
	char dir[256];
	lang_data ld;
	quoth_error err;
	quoth_status st;

	make_data_dir(dir, sizeof(dir));
	write_file(dir, "cues.txt", cues, sizeof(cues) - 1);
	st = qt_lang_data_load(&ld, "en", dir, &err);
	remove_data_dir(dir, "cues.txt");
	ck_assert_int_eq(st, QUOTH_OK);
	ck_assert_int_eq(get(ld.lex[LEX_CUES], "proclaimed"),
	                 FLAG('s') | FLAG('i'));
	ck_assert_int_eq(get(ld.lex[LEX_CUES], "made clear"),
	                 FLAG('s') | FLAG('c'));
	/* the built-in cues are gone ... */
	ck_assert_int_eq(get(ld.lex[LEX_CUES], "said"), -1);
	ck_assert_int_eq(get(ld.lex[LEX_CUES], "according to"), -1);
	/* ... and the other files are still the built-in ones */
	ck_assert_int_ge(get(ld.lex[LEX_ABBREV], "mr."), 0);
	ck_assert_int_ge(get(ld.lex[LEX_PRONOUNS], "she"), 0);
	qt_lang_data_free(&ld);
}
END_TEST

START_TEST(test_data_dir_through_public_api)
{
	static const char cues[] = "# flags: s=speech i=inverted c=clause\n"
	                           "proclaimed\tsic\n";
	static const char text[] =
	        "\"The fair opens today,\" Ann Lee proclaimed.";
	char dir[256];
	quoth_options opt;
	quoth_extractor *ex = NULL;
	quoth_result *r = NULL;
	quoth_error err;
	size_t n;
	const char *s;

	make_data_dir(dir, sizeof(dir));
	write_file(dir, "cues.txt", cues, sizeof(cues) - 1);
	quoth_options_init(&opt);
	opt.data_dir = dir;
	ck_assert_int_eq(quoth_extractor_new(&opt, &ex, &err), QUOTH_OK);
	remove_data_dir(dir, "cues.txt");
	ck_assert_int_eq(quoth_extract(ex, text, sizeof(text) - 1, &r, &err),
	                 QUOTH_OK);
	ck_assert_uint_eq(quoth_result_count(r), 1);
	s = quoth_quote_str(r, 0, QUOTH_FIELD_CUE, &n);
	ck_assert_ptr_nonnull(s);
	ck_assert_str_eq(s, "proclaimed");
	s = quoth_quote_str(r, 0, QUOTH_FIELD_SPEAKER, &n);
	ck_assert_ptr_nonnull(s);
	ck_assert_str_eq(s, "Ann Lee");
	quoth_result_free(r);
	quoth_extractor_free(ex);
}
END_TEST

START_TEST(test_error_too_many_words)
{
	static const char data[] =
	        "# flags: s=speech i=inverted c=clause\n"
	        "said\tsic\n# comment\nsay one two three four five six\tsi\n";
	expect_syntax_error(data, sizeof(data) - 1, 4);
}
END_TEST

START_TEST(test_error_flags_not_lowercase)
{
	static const char data[] = "# flags: s=speech i=inverted c=clause\n"
	                           "said\tsic\nstated\tSi\n";
	expect_syntax_error(data, sizeof(data) - 1, 3);
}
END_TEST

START_TEST(test_error_flags_digit)
{
	static const char data[] = "# flags: s=speech\n\n\nstated\ts1\n";
	expect_syntax_error(data, sizeof(data) - 1, 4);
}
END_TEST

/* A flag letter the file's `# flags:` header does not declare is an
 * error naming the file and line, not a bit nobody reads. */
START_TEST(test_error_undeclared_flag)
{
	static const char data[] = "# flags: s=speech i=inverted\n"
	                           "said\tsi\nstated\tsq\n";
	static const char none[] = "said\tsi\n";
	char dir[256];
	lang_data ld;
	quoth_error err;

	expect_syntax_error(data, sizeof(data) - 1, 3);
	/* no header: no letter is declared */
	expect_syntax_error(none, sizeof(none) - 1, 1);
	make_data_dir(dir, sizeof(dir));
	write_file(dir, "cues.txt", data, sizeof(data) - 1);
	ck_assert_int_eq(qt_lang_data_load(&ld, "en", dir, &err),
	                 QUOTH_ERR_LEXICON);
	remove_data_dir(dir, "cues.txt");
	ck_assert_msg(strstr(err.message, "cues.txt:3: flag 'q' is not "
	                                  "declared") != NULL,
	              "message: %s", err.message);
}
END_TEST

START_TEST(test_error_invalid_utf8)
{
	static const char data[] = "# flags: s=speech i=inverted c=clause\n"
	                           "said\tsic\nsta\xfft\tsi\n";
	expect_syntax_error(data, sizeof(data) - 1, 3);
}
END_TEST

START_TEST(test_six_words_is_fine)
{
	static const char data[] = "# flags: s=speech i=inverted\r\n"
	                           "one two three four five six\tsi\r\n";
	char dir[256];
	lang_data ld;
	quoth_error err;
	quoth_status st;

	make_data_dir(dir, sizeof(dir));
	write_file(dir, "cues.txt", data, sizeof(data) - 1);
	st = qt_lang_data_load(&ld, "en", dir, &err);
	remove_data_dir(dir, "cues.txt");
	ck_assert_int_eq(st, QUOTH_OK);
	/* CRLF line ends are accepted */
	ck_assert_int_eq(get(ld.lex[LEX_CUES], "one two three four five six"),
	                 FLAG('s') | FLAG('i'));
	ck_assert_uint_eq(qt_lexicon_max_words(ld.lex[LEX_CUES]), 6);
	qt_lang_data_free(&ld);
}
END_TEST

START_TEST(test_error_through_public_api)
{
	static const char data[] = "# flags: s=speech i=inverted c=clause\n"
	                           "said\tsic\nstated\tS\n";
	char dir[256];
	quoth_options opt;
	quoth_extractor *ex = NULL;
	quoth_error err;
	quoth_status st;

	make_data_dir(dir, sizeof(dir));
	write_file(dir, "cues.txt", data, sizeof(data) - 1);
	quoth_options_init(&opt);
	opt.data_dir = dir;
	st = quoth_extractor_new(&opt, &ex, &err);
	remove_data_dir(dir, "cues.txt");
	ck_assert_int_eq(st, QUOTH_ERR_LEXICON);
	ck_assert_ptr_null(ex);
	ck_assert_ptr_nonnull(strstr(err.message, "cues.txt:3:"));
}
END_TEST

START_TEST(test_unknown_language)
{
	lang_data ld;
	quoth_error err;

	memset(&err, 0, sizeof(err));
	ck_assert_int_eq(qt_lang_data_load(&ld, "xx", NULL, &err),
	                 QUOTH_ERR_ARG);
	ck_assert_int_eq(err.status, QUOTH_ERR_ARG);
	ck_assert_ptr_nonnull(strstr(err.message, "xx"));
}
END_TEST

static Suite *
lexicon_suite(void)
{
	Suite *s = suite_create("lexicon");
	TCase *tc = tcase_create("lexicon");

	tcase_add_test(tc, test_builtin_load);
	tcase_add_test(tc, test_cue_flags);
	tcase_add_test(tc, test_symbols_answer_as_folding);
	tcase_add_test(tc, test_symbols_word_at_a_time);
	tcase_add_test(tc, test_pronoun_and_honorific_values);
	tcase_add_test(tc, test_lexicon_get_tokens_folds);
	tcase_add_test(tc, test_add_and_fold);
	tcase_add_test(tc, test_many_entries_grow);
	tcase_add_test(tc, test_data_dir_overrides_one_file);
	tcase_add_test(tc, test_data_dir_through_public_api);
	tcase_add_test(tc, test_error_too_many_words);
	tcase_add_test(tc, test_error_flags_not_lowercase);
	tcase_add_test(tc, test_error_flags_digit);
	tcase_add_test(tc, test_error_invalid_utf8);
	tcase_add_test(tc, test_error_undeclared_flag);
	tcase_add_test(tc, test_six_words_is_fine);
	tcase_add_test(tc, test_error_through_public_api);
	tcase_add_test(tc, test_unknown_language);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(lexicon_suite());
	int failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed != 0 ? EXIT_FAILURE : EXIT_SUCCESS;
}
