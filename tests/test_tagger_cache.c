/*
 * test_tagger_cache.c: the tagger's caches that one work keeps from call to
 * call (tagger_rec.c's short tokens and affixes, tagger.c's tw and shc
 * features) give each token the features of its own string: a work that
 * tagged other words first tags as a fresh one does.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tagger.h"

#include "tagger_split.h"

/* A one-feature model: `feature` votes VERB over NOUN. */
static qt_tagger *
one_feature(const char *feature)
{
	char file[512];
	qt_tagger *tg = NULL;
	quoth_error err;

	snprintf(file, sizeof(file),
	         "quoth-tagger 1\ntemplate 1\nmodel joint\n"
	         "labels NOUN|O VERB|O\nfeatures 1\n%s\t1 10\n",
	         feature);
	ck_assert_int_eq(qt_tagger_load(file, strlen(file), "t.txt", &tg, &err),
	                 QUOTH_OK);
	return tg;
}

/* Is token idx of sentence a verb by tg, tagged with work w? */
static bool
verb_at(const qt_tagger *tg, qt_tagger_work *w, const char *sentence,
        size_t idx)
{
	qt_tagger_tok toks[MAX_TOKS];
	qt_tag tags[MAX_TOKS];
	size_t n = split(sentence, toks);

	ck_assert(qt_tagger_tag(tg, w, toks, n, tags));
	ck_assert_uint_lt(idx, n);
	return tags[idx].pos == QT_POS_VERB;
}

/* Words of one to eight bytes (one word of the short tokens' table)
 * that differ in one byte only are told apart, whichever came first. */
START_TEST(test_short_tokens)
{
	static const char *const pairs[][2] = {{"a", "b"},
	                                       {"ab", "ac"},
	                                       {"abc", "axc"},
	                                       {"abcd", "abxd"},
	                                       {"abcde", "abxde"},
	                                       {"abcdef", "abcxef"},
	                                       {"abcdefg", "abcxefg"},
	                                       {"abcdefgh", "abcdxfgh"},
	                                       {"abcdefgh", "abcxefgh"},
	                                       {"abcdefghi", "abcdxfghi"}};
	size_t i;

	for (i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++) {
		char feature[32];
		qt_tagger_work w = {0};
		qt_tagger *tg;

		snprintf(feature, sizeof(feature), "w=%s", pairs[i][0]);
		tg = one_feature(feature);
		ck_assert(verb_at(tg, &w, pairs[i][0], 0));
		ck_assert_msg(!verb_at(tg, &w, pairs[i][1], 0), "%s", feature);
		ck_assert(verb_at(tg, &w, pairs[i][0], 0));
		qt_tagger_work_free(&w);
		qt_tagger_free(tg);
	}
}
END_TEST

/* An affix met before as another kind of affix (the same bytes, the
 * same length) or in another word keeps its own feature. */
START_TEST(test_affix_kinds)
{
	qt_tagger_work w = {0};
	qt_tagger *tg = one_feature("s1=x");

	ck_assert(!verb_at(tg, &w, "xa", 0)); /* p1=x, not s1=x */
	ck_assert(verb_at(tg, &w, "ax", 0));
	ck_assert(!verb_at(tg, &w, "xa", 0));
	ck_assert(!verb_at(tg, &w, "ax ba", 1)); /* s-1=ax of "ba" */
	ck_assert(verb_at(tg, &w, "bax", 0));
	qt_tagger_work_free(&w);
	qt_tagger_free(tg);
	tg = one_feature("s-1=ing");
	ck_assert(!verb_at(tg, &w, "singing", 0)); /* s3=ing, not s-1 */
	ck_assert(verb_at(tg, &w, "singing ok", 1));
	ck_assert(!verb_at(tg, &w, "ok singing", 1));
	qt_tagger_work_free(&w);
	qt_tagger_free(tg);
}
END_TEST

/* tw=T1|W0 and shc=S-1|S0|S+1, held by word and by shapes, read the
 * label and the shapes of each place. */
START_TEST(test_label_word_shapes)
{
	qt_tagger_work w = {0};
	qt_tagger *tg = one_feature("tw=<s>|run");

	ck_assert(verb_at(tg, &w, "run fast", 0));
	ck_assert(!verb_at(tg, &w, "we run", 1)); /* after NOUN|O */
	ck_assert(verb_at(tg, &w, "run", 0));
	qt_tagger_work_free(&w);
	qt_tagger_free(tg);
	tg = one_feature("shc=x|Xx|d");
	ck_assert(verb_at(tg, &w, "a Bc 1", 1));
	ck_assert(!verb_at(tg, &w, "A Bc 1", 1));
	ck_assert(!verb_at(tg, &w, "a Bc d", 1));
	ck_assert(verb_at(tg, &w, "be Ada 42", 1));
	qt_tagger_work_free(&w);
	qt_tagger_free(tg);
}
END_TEST

/* The built-in weights tag every sentence alike with a work that tagged
 * the others first (in either order, and again) and with a fresh one. */
START_TEST(test_builtin_reuse)
{
	static const char *const sents[] = {
	        "Ada Finch , the mayor of Brightwater , said the plan would "
	        "fail .",
	        "Running late , she told reporters in Des Moines that "
	        "nothing was decided .",
	        "The 2,345 workers at Kell Design Studio walked out on "
	        "Tuesday .",
	        "\u00c9lodie Strau\u00df and Zo\u00eb Lee run the caf\u00e9 "
	        "on Main Street .",
	        "Finch said Finch would run ; Lee said no .",
	};
	const size_t ns = sizeof(sents) / sizeof(sents[0]);
	const qt_tagger_image *img = qt_builtin_tagger("en");
	qt_tagger_tok toks[MAX_TOKS];
	qt_tag fresh[5][MAX_TOKS], tags[MAX_TOKS];
	qt_tagger_work w = {0};
	qt_tagger *tg = NULL;
	quoth_error err;
	size_t i, k, n, pass;

	ck_assert_ptr_nonnull(img);
	ck_assert_int_eq(qt_tagger_from_image(img, "en", &tg, &err), QUOTH_OK);
	for (i = 0; i < ns; i++) {
		qt_tagger_work f = {0};

		n = split(sents[i], toks);
		ck_assert(qt_tagger_tag(tg, &f, toks, n, fresh[i]));
		qt_tagger_work_free(&f);
	}
	for (pass = 0; pass < 3; pass++)
		for (k = 0; k < ns; k++) {
			i = pass == 1 ? ns - 1 - k : k;
			n = split(sents[i], toks);
			ck_assert(qt_tagger_tag(tg, &w, toks, n, tags));
			ck_assert_mem_eq(tags, fresh[i], n * sizeof(*tags));
		}
	qt_tagger_work_free(&w);
	qt_tagger_free(tg);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("tagger_cache");
	TCase *tc = tcase_create("core");
	SRunner *sr;
	int failed;

	tcase_add_test(tc, test_short_tokens);
	tcase_add_test(tc, test_affix_kinds);
	tcase_add_test(tc, test_label_word_shapes);
	tcase_add_test(tc, test_builtin_reuse);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
