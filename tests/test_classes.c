/*
 * test_classes.c: the word classes generated from WordNet
 * (data/en/wn-*.txt) are there, of a useful size, and still decide
 * attributions.  Each class has a sentence whose speaker or cue depends
 * on it: the test checks the answer with the class, then leaves the
 * class empty (QUOTH_WN_OFF, see src/data.c) and checks that the answer
 * changes.  So emptying a class file, or dropping a class from the
 * decision it feeds, fails here.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "private.h"

/* A generated class: its file, the least number of entries it may have,
 * a word it must hold (as loaded), and its sentence with the answer the
 * class gives. */
typedef struct {
	const char *off; /* its name for QUOTH_WN_OFF */
	const char *file;
	int lex;
	size_t min_entries;
	const char *probe;
	const char *text;
	int field; /* QUOTH_FIELD_* of the first quote */
	const char *want;
} wn_class;

static const wn_class classes[] = {
        {"speech", "wn-speech-verbs.txt", LEX_SPEECH, 2000, "bemoaned",
         "Ada Finch bemoaned that the pier would close.", QUOTH_FIELD_SPEAKER,
         "Ada Finch"},
        {"person", "wn-person-nouns.txt", LEX_PERSONS, 15000, "heckler",
         "\"Bread is up again,\" the heckler said.", QUOTH_FIELD_SPEAKER,
         "the heckler"},
        {"org", "wn-org-nouns.txt", LEX_ORGNOUNS, 3000, "syndicate",
         "\"Prices will rise,\" the syndicate said.", QUOTH_FIELD_SPEAKER,
         "the syndicate"},
        {"document", "wn-document-nouns.txt", LEX_DOCS, 1500, "affidavit",
         "\"It is unsafe,\" the affidavit says.", QUOTH_FIELD_SPEAKER,
         "the affidavit"},
        {"places", "wn-places.txt", LEX_PLACES, 2000, "saudi arabia",
         "\"We will not sign,\" Saudi Arabia said.", QUOTH_FIELD_KIND, "place"},
        /* an organisation word only WordNet gives ("brigade"): the
         * spokeswoman speaks for the Ostrava Brigade, which is no person
         * to speak itself */
        {"orgs", "wn-orgs.txt", LEX_ORGS, 800, "brigade",
         "\"It is unsafe,\" a spokeswoman for the Ostrava Brigade said.",
         QUOTH_FIELD_SPEAKER, "a spokeswoman for the Ostrava Brigade"},
        /* the title before a name is not part of the name */
        {"title", "wn-title-nouns.txt", LEX_TITLES, 5000, "hydrologist",
         "Hydrologist Mira Quell said the marsh was drying out.",
         QUOTH_FIELD_SPEAKER, "Mira Quell"},
};

/* The entries of data/en/FILE in the source tree (QUOTH_SRC): its lines
 * that are neither comments nor empty. */
static size_t
count_entries(const char *file)
{
	const char *src = getenv("QUOTH_SRC");
	char path[4096], line[1024];
	size_t n = 0;
	FILE *f;

	ck_assert_ptr_nonnull(src);
	snprintf(path, sizeof(path), "%s/data/en/%s", src, file);
	f = fopen(path, "r");
	ck_assert_msg(f != NULL, "cannot open %s", path);
	while (fgets(line, sizeof(line), f))
		if (line[0] != '#' && line[0] != '\n')
			n++;
	fclose(f);
	return n;
}

/* Field `field` of the first quote of text, "" when there is none or it
 * is empty; with QUOTH_WN_OFF set to off (NULL: unset). */
static char *
first_field(const char *off, const char *text, int field)
{
	quoth_options opt;
	quoth_extractor *ex = NULL;
	quoth_result *r = NULL;
	quoth_error err;
	const char *s = NULL;
	size_t n = 0;
	char *out;

	if (off)
		setenv("QUOTH_WN_OFF", off, 1);
	else
		unsetenv("QUOTH_WN_OFF");
	quoth_options_init(&opt);
	ck_assert_int_eq(quoth_extractor_new(&opt, &ex, &err), QUOTH_OK);
	ck_assert_int_eq(quoth_extract(ex, text, strlen(text), &r, &err),
	                 QUOTH_OK);
	if (quoth_result_count(r) > 0)
		s = quoth_quote_str(r, 0, (quoth_field)field, &n);
	out = strdup(s ? s : "");
	ck_assert_ptr_nonnull(out);
	quoth_result_free(r);
	quoth_extractor_free(ex);
	unsetenv("QUOTH_WN_OFF");
	return out;
}

START_TEST(test_class_size_and_probe)
{
	const wn_class *k = &classes[_i];
	lang_data ld;
	quoth_error err;
	size_t n = count_entries(k->file);

	ck_assert_msg(n >= k->min_entries, "%s: %zu entries, want >= %zu",
	              k->file, n, k->min_entries);
	unsetenv("QUOTH_WN_OFF");
	ck_assert_int_eq(qt_lang_data_load(&ld, "en", NULL, &err), QUOTH_OK);
	ck_assert_msg(
	        qt_lexicon_get(ld.lex[k->lex], k->probe, strlen(k->probe)) >= 0,
	        "%s: built-in copy lacks \"%s\"", k->file, k->probe);
	qt_lang_data_free(&ld);
}
END_TEST

START_TEST(test_class_decides)
{
	const wn_class *k = &classes[_i];
	char *with = first_field(NULL, k->text, k->field);
	char *without = first_field(k->off, k->text, k->field);

	ck_assert_msg(strcmp(with, k->want) == 0, "%s: got \"%s\", want \"%s\"",
	              k->text, with, k->want);
	ck_assert_msg(strcmp(without, k->want) != 0,
	              "%s: still \"%s\" without %s: the class decides nothing",
	              k->text, without, k->file);
	free(with);
	free(without);
}
END_TEST

static Suite *
classes_suite(void)
{
	Suite *s = suite_create("classes");
	TCase *tc = tcase_create("core");
	int n = (int)(sizeof(classes) / sizeof(classes[0]));

	tcase_add_loop_test(tc, test_class_size_and_probe, 0, n);
	tcase_add_loop_test(tc, test_class_decides, 0, n);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(classes_suite());
	int failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed != 0 ? EXIT_FAILURE : EXIT_SUCCESS;
}
