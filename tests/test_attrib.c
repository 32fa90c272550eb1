/*
 * test_attrib.c: who said it, through the public API: cues before and
 * after, inverted cues, colons, pronouns and gender, appositives, names
 * inside quotes, surnames resolving to full names with titles, indirect
 * and according-to speech, floating quotes, and no speaker at all.
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
extract(const char *s)
{
	quoth_result *r = NULL;
	quoth_error err;

	ck_assert_int_eq(quoth_extract(ex, s, strlen(s), &r, &err), QUOTH_OK);
	ck_assert_ptr_nonnull(r);
	return r;
}

static size_t
off(const char *s, const char *needle)
{
	const char *p = strstr(s, needle);

	ck_assert_msg(p != NULL, "\"%s\" not in \"%s\"", needle, s);
	return (size_t)(p - s);
}

/* Field f of quote i equals want (NULL: the field is absent). */
static void
assert_field(const quoth_result *r, size_t i, quoth_field f,
             const char *want)
{
	size_t len = 99;
	const char *got = quoth_quote_str(r, i, f, &len);

	if (!want) {
		ck_assert_msg(got == NULL, "field %d of quote %zu: \"%s\", "
		              "expected none", (int)f, i, got ? got : "");
		ck_assert_uint_eq(len, 0);
		return;
	}
	ck_assert_msg(got != NULL, "field %d of quote %zu absent, expected "
	              "\"%s\"", (int)f, i, want);
	ck_assert_str_eq(got, want);
	ck_assert_uint_eq(len, strlen(want));
}

static void
assert_attr(const quoth_result *r, size_t i, const char *speaker,
            const char *mention, const char *cue, const char *rule)
{
	assert_field(r, i, QUOTH_FIELD_SPEAKER, speaker);
	assert_field(r, i, QUOTH_FIELD_MENTION, mention);
	assert_field(r, i, QUOTH_FIELD_CUE, cue);
	assert_field(r, i, QUOTH_FIELD_RULE, rule);
}

START_TEST(test_cue_after_name_first)
{
	const char *s = "\"We will win,\" Jane Doe said.";
	quoth_result *r = extract(s);
	size_t a, b;

	ck_assert_uint_eq(quoth_result_count(r), 1);
	assert_attr(r, 0, "Jane Doe", "Jane Doe", "said", "cue-after");
	ck_assert_int_eq(quoth_quote_span(r, 0, QUOTH_SPAN_MENTION, &a, &b), 1);
	ck_assert_uint_eq(a, off(s, "Jane"));
	ck_assert_uint_eq(b, off(s, " said"));
	ck_assert_int_eq(quoth_quote_span(r, 0, QUOTH_SPAN_CUE, &a, &b), 1);
	ck_assert_uint_eq(a, off(s, "said"));
	ck_assert_uint_eq(b, off(s, "said") + 4);
	/* no evidence of gender in the text: none is guessed */
	assert_field(r, 0, QUOTH_FIELD_GENDER, NULL);
	/* the context is the whole sentence */
	assert_field(r, 0, QUOTH_FIELD_CONTEXT, s);
	quoth_result_free(r);
}
END_TEST

START_TEST(test_cue_after_inverted)
{
	const char *s = "\"We will win,\" said Jane Doe.";
	quoth_result *r = extract(s);

	ck_assert_uint_eq(quoth_result_count(r), 1);
	assert_attr(r, 0, "Jane Doe", "Jane Doe", "said", "cue-after");
	quoth_result_free(r);
}
END_TEST

START_TEST(test_cue_before_colon)
{
	const char *s = "Jane Doe said: \"We will win.\"";
	quoth_result *r = extract(s);

	ck_assert_uint_eq(quoth_result_count(r), 1);
	ck_assert_int_eq(quoth_quote_type(r, 0), QUOTH_DIRECT);
	assert_field(r, 0, QUOTH_FIELD_SPEAKER, "Jane Doe");
	assert_field(r, 0, QUOTH_FIELD_MENTION, "Jane Doe");
	assert_field(r, 0, QUOTH_FIELD_CUE, "said");
	assert_field(r, 0, QUOTH_FIELD_QUOTE, "We will win.");
	quoth_result_free(r);
}
END_TEST

START_TEST(test_pronoun_after_honorific)
{
	/* "Mr" is the article's evidence of gender, dotted or not */
	const char *cases[] = {
		"Mr. Tom Hardy runs the mill in town. \"We are busy,\" he "
		"added.",
		"Mr Tom Hardy runs the mill in town. \"We are busy,\" he "
		"added.",
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		quoth_result *r = extract(cases[i]);
		ck_assert_uint_eq(quoth_result_count(r), 1);
		assert_attr(r, 0, "Tom Hardy", "he", "added", "pronoun");
		assert_field(r, 0, QUOTH_FIELD_GENDER, "male");
		quoth_result_free(r);
	}
}
END_TEST

START_TEST(test_pronoun_after_named_quote)
{
	const char *s = "\"Orders are up,\" Tom Hardy said.\n\n"
	                "\"We have more work than ever,\" he added.";
	quoth_result *r = extract(s);

	ck_assert_uint_eq(quoth_result_count(r), 2);
	assert_attr(r, 0, "Tom Hardy", "Tom Hardy", "said", "cue-after");
	assert_attr(r, 1, "Tom Hardy", "he", "added", "pronoun");
	/* "he" is the article's evidence, for both quotes of the man */
	assert_field(r, 1, QUOTH_FIELD_GENDER, "male");
	assert_field(r, 0, QUOTH_FIELD_GENDER, "male");
	quoth_result_free(r);
}
END_TEST

START_TEST(test_she_after_he)
{
	const char *s = "\"We are busy,\" Tom Hardy said. \"We are not,\" "
	                "Mary Parks said. \"Orders fell,\" she added. "
	                "\"Orders rose,\" he added.";
	quoth_result *r = extract(s);

	ck_assert_uint_eq(quoth_result_count(r), 4);
	assert_attr(r, 2, "Mary Parks", "she", "added", "pronoun");
	assert_field(r, 2, QUOTH_FIELD_GENDER, "female");
	assert_attr(r, 3, "Tom Hardy", "he", "added", "pronoun");
	assert_field(r, 3, QUOTH_FIELD_GENDER, "male");
	quoth_result_free(r);
}
END_TEST

START_TEST(test_she_resolves_to_woman_across_paragraphs)
{
	const char *cases[] = {
		"Mr. Tom Hardy spoke first. \"We are busy,\" he said.\n\n"
		"Ms. Mary Parks disagreed. \"We are not,\" she said.",
		"Mr Tom Hardy spoke first. \"We are busy,\" he said.\n\n"
		"Ms Mary Parks disagreed. \"We are not,\" she said.",
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		quoth_result *r = extract(cases[i]);
		ck_assert_uint_eq(quoth_result_count(r), 2);
		assert_attr(r, 0, "Tom Hardy", "he", "said", "pronoun");
		assert_field(r, 0, QUOTH_FIELD_GENDER, "male");
		assert_attr(r, 1, "Mary Parks", "she", "said", "pronoun");
		assert_field(r, 1, QUOTH_FIELD_GENDER, "female");
		quoth_result_free(r);
	}
}
END_TEST

START_TEST(test_name_inside_quote_is_not_speaker)
{
	const char *s = "\"Trump asked me to go,\" Hegseth said.";
	quoth_result *r = extract(s);

	ck_assert_uint_eq(quoth_result_count(r), 1);
	assert_attr(r, 0, "Hegseth", "Hegseth", "said", "cue-after");
	quoth_result_free(r);
}
END_TEST

START_TEST(test_appositive)
{
	const char *s = "\"The ward is full,\" Hugh Hill, a doctor at the "
	                "clinic, said.";
	quoth_result *r = extract(s);
	size_t a, b;

	ck_assert_uint_eq(quoth_result_count(r), 1);
	assert_field(r, 0, QUOTH_FIELD_SPEAKER, "Hugh Hill");
	assert_field(r, 0, QUOTH_FIELD_MENTION, "Hugh Hill");
	assert_field(r, 0, QUOTH_FIELD_CUE, "said");
	assert_field(r, 0, QUOTH_FIELD_RULE, "appositive");
	ck_assert_int_eq(quoth_quote_span(r, 0, QUOTH_SPAN_CUE, &a, &b), 1);
	ck_assert_uint_eq(a, off(s, "said"));
	quoth_result_free(r);
}
END_TEST

START_TEST(test_surname_resolves_to_full_name_and_title)
{
	const char *s = "Defence Minister Ana Ruiz arrived on Tuesday.\n\n"
	                "\"We will not retreat,\" Ruiz said.";
	quoth_result *r = extract(s);
	const char *title;

	ck_assert_uint_eq(quoth_result_count(r), 1);
	assert_attr(r, 0, "Ana Ruiz", "Ruiz", "said", "cue-after");
	title = quoth_quote_str(r, 0, QUOTH_FIELD_TITLE, NULL);
	ck_assert_ptr_nonnull(title);
	ck_assert_ptr_nonnull(strstr(title, "Minister"));
	quoth_result_free(r);
}
END_TEST

START_TEST(test_indirect_speech)
{
	const char *s = "Ana Ruiz said the plan was unrealistic and would "
	                "fail.";
	quoth_result *r = extract(s);
	size_t a, b;

	ck_assert_uint_eq(quoth_result_count(r), 1);
	ck_assert_int_eq(quoth_quote_type(r, 0), QUOTH_INDIRECT);
	assert_field(r, 0, QUOTH_FIELD_QUOTE,
	             "the plan was unrealistic and would fail");
	assert_field(r, 0, QUOTH_FIELD_SPEAKER, "Ana Ruiz");
	assert_field(r, 0, QUOTH_FIELD_CUE, "said");
	ck_assert_int_eq(quoth_quote_span(r, 0, QUOTH_SPAN_QUOTE, &a, &b), 1);
	ck_assert_uint_eq(a, off(s, "the plan"));
	ck_assert_uint_eq(b, off(s, "."));
	/* indirect speech has no verbatim words */
	ck_assert_uint_eq(quoth_quote_nverbatim(r, 0), 0);
	quoth_result_free(r);
}
END_TEST

START_TEST(test_indirect_told_that)
{
	const char *s = "Tom Hardy told reporters that the mill would stay "
	                "open.";
	quoth_result *r = extract(s);

	ck_assert_uint_eq(quoth_result_count(r), 1);
	ck_assert_int_eq(quoth_quote_type(r, 0), QUOTH_INDIRECT);
	assert_field(r, 0, QUOTH_FIELD_QUOTE, "the mill would stay open");
	assert_attr(r, 0, "Tom Hardy", "Tom Hardy", "told", "cue-before");
	quoth_result_free(r);
}
END_TEST

/* a verb and its particle are one cue; the clause starts after both */
START_TEST(test_indirect_particle_cue)
{
	const char *s = "Tom Hardy pointed out that the mill would stay "
	                "open.";
	quoth_result *r = extract(s);

	ck_assert_uint_eq(quoth_result_count(r), 1);
	ck_assert_int_eq(quoth_quote_type(r, 0), QUOTH_INDIRECT);
	assert_field(r, 0, QUOTH_FIELD_QUOTE, "the mill would stay open");
	assert_attr(r, 0, "Tom Hardy", "Tom Hardy", "pointed out",
	            "cue-before");
	quoth_result_free(r);
}
END_TEST

START_TEST(test_indirect_cue_after_clause)
{
	const char *s = "The plan would fail badly, Ana Ruiz said.";
	quoth_result *r = extract(s);

	ck_assert_uint_eq(quoth_result_count(r), 1);
	ck_assert_int_eq(quoth_quote_type(r, 0), QUOTH_INDIRECT);
	assert_field(r, 0, QUOTH_FIELD_QUOTE, "The plan would fail badly");
	assert_field(r, 0, QUOTH_FIELD_SPEAKER, "Ana Ruiz");
	quoth_result_free(r);
}
END_TEST

START_TEST(test_according_to)
{
	const char *s = "According to Ana Ruiz, the plan would fail badly.";
	quoth_result *r = extract(s);
	size_t a, b;

	ck_assert_uint_eq(quoth_result_count(r), 1);
	ck_assert_int_eq(quoth_quote_type(r, 0), QUOTH_INDIRECT);
	assert_field(r, 0, QUOTH_FIELD_QUOTE, "the plan would fail badly");
	assert_attr(r, 0, "Ana Ruiz", "Ana Ruiz", "According to",
	            "according-to");
	ck_assert_int_eq(quoth_quote_span(r, 0, QUOTH_SPAN_CUE, &a, &b), 1);
	ck_assert_uint_eq(a, 0);
	ck_assert_uint_eq(b, 12);
	quoth_result_free(r);
}
END_TEST

START_TEST(test_floating_quote_continues_speaker)
{
	const char *s = "\"We are busy,\" Tom Hardy said.\n\n"
	                "\"The orders keep coming in from every county.\"";
	quoth_result *r = extract(s);
	size_t a, b;

	ck_assert_uint_eq(quoth_result_count(r), 2);
	assert_attr(r, 0, "Tom Hardy", "Tom Hardy", "said", "cue-after");
	/* the floating quote is attributed through the mention and cue it
	 * continues, in the paragraph before */
	assert_attr(r, 1, "Tom Hardy", "Tom Hardy", "said", "continuation");
	ck_assert_int_eq(quoth_quote_span(r, 1, QUOTH_SPAN_MENTION, &a, &b), 1);
	ck_assert_uint_eq(a, off(s, "Tom"));
	ck_assert_uint_eq(b, off(s, " said"));
	quoth_result_free(r);
}
END_TEST

START_TEST(test_other_person_breaks_continuation)
{
	/* SPEC: a floating quote continues the last speaker unless another
	 * person is named in between outside quotes */
	const char *who[] = {"Ms. Ann Lee", "Ms Ann Lee", "Ann Lee"};
	size_t i;

	for (i = 0; i < sizeof(who) / sizeof(who[0]); i++) {
		char s[256];
		quoth_result *r;

		snprintf(s, sizeof(s),
		         "\"We are busy,\" Tom Hardy said.\n\n%s runs the "
		         "bakery next door.\n\n\"The orders keep coming in "
		         "from every county.\"", who[i]);
		r = extract(s);
		ck_assert_uint_eq(quoth_result_count(r), 2);
		ck_assert_int_eq(quoth_quote_type(r, 1), QUOTH_DIRECT);
		assert_attr(r, 1, NULL, NULL, NULL, "none");
		quoth_result_free(r);
	}
}
END_TEST

START_TEST(test_no_cue_no_speaker)
{
	const char *s = "\"Nobody knows what happens next.\"";
	quoth_result *r = extract(s);
	size_t a = 7, b = 7;

	ck_assert_uint_eq(quoth_result_count(r), 1);
	assert_attr(r, 0, NULL, NULL, NULL, "none");
	assert_field(r, 0, QUOTH_FIELD_TITLE, NULL);
	assert_field(r, 0, QUOTH_FIELD_GENDER, NULL);
	ck_assert_int_eq(quoth_quote_span(r, 0, QUOTH_SPAN_MENTION, &a, &b), 0);
	ck_assert_int_eq(quoth_quote_span(r, 0, QUOTH_SPAN_CUE, &a, &b), 0);
	/* nothing written when the span does not exist */
	ck_assert_uint_eq(a, 7);
	ck_assert_uint_eq(b, 7);
	quoth_result_free(r);
}
END_TEST

START_TEST(test_unresolved_pronoun_gives_no_speaker)
{
	const char *s = "\"We will see,\" she said.";
	quoth_result *r = extract(s);

	ck_assert_uint_eq(quoth_result_count(r), 1);
	assert_attr(r, 0, NULL, "she", "said", "pronoun");
	quoth_result_free(r);
}
END_TEST

START_TEST(test_split_quote_attribution)
{
	const char *s = "\"I am sure,\" said Mrs. Bennet, \"it is so.\"";
	quoth_result *r = extract(s);

	ck_assert_uint_eq(quoth_result_count(r), 1);
	ck_assert_uint_eq(quoth_quote_nparts(r, 0), 2);
	assert_field(r, 0, QUOTH_FIELD_MENTION, "Mrs. Bennet");
	assert_field(r, 0, QUOTH_FIELD_GENDER, "female");
	assert_field(r, 0, QUOTH_FIELD_CUE, "said");
	quoth_result_free(r);
}
END_TEST

/* ---- patterns from the attribution work on real articles ---------------- */

START_TEST(test_affiliation_role_then_name)
{
	const char *s = "\"Nobody wins tonight,\" said KTVB host Carla Mendez.";
	quoth_result *r = extract(s);

	ck_assert_uint_eq(quoth_result_count(r), 1);
	assert_attr(r, 0, "Carla Mendez", "KTVB host Carla Mendez", "said",
	            "cue-after");
	assert_field(r, 0, QUOTH_FIELD_TITLE, "KTVB host");
	quoth_result_free(r);
}
END_TEST

START_TEST(test_name_of_organisation_before_cue)
{
	const char *s = "\"It was the least bad outcome,\" Mr. Ortiz of the "
	                "River Trust said.";
	quoth_result *r = extract(s);

	ck_assert_uint_eq(quoth_result_count(r), 1);
	assert_attr(r, 0, "Ortiz", "Mr. Ortiz", "said", "cue-after");
	assert_field(r, 0, QUOTH_FIELD_GENDER, "male");
	quoth_result_free(r);
}
END_TEST

START_TEST(test_unparsed_cue_is_not_continuation)
{
	/* the second quote has its own cue, whose speaker quoth cannot
	 * parse: it must not inherit the first speaker */
	const char *s = "\"We will rebuild,\" said Mayor Ana Ruiz.\n\n"
	                "\"It is too late,\" said 9/11 survivor Lee Park.";
	quoth_result *r = extract(s);

	ck_assert_uint_eq(quoth_result_count(r), 2);
	assert_field(r, 0, QUOTH_FIELD_SPEAKER, "Ana Ruiz");
	ck_assert(quoth_quote_str(r, 1, QUOTH_FIELD_SPEAKER, NULL) == NULL ||
	          strcmp(quoth_quote_str(r, 1, QUOTH_FIELD_SPEAKER, NULL),
	                 "Ana Ruiz") != 0);
	quoth_result_free(r);
}
END_TEST

START_TEST(test_former_title_then_name)
{
	const char *s = "Former premier Dan Cole said the vote was rushed and "
	                "unfair to voters.";
	quoth_result *r = extract(s);

	ck_assert_uint_eq(quoth_result_count(r), 1);
	ck_assert_int_eq(quoth_quote_type(r, 0), QUOTH_INDIRECT);
	assert_field(r, 0, QUOTH_FIELD_SPEAKER, "Dan Cole");
	quoth_result_free(r);
}
END_TEST

START_TEST(test_husband_is_not_she)
{
	const char *s = "Mara Stone and her husband Paul Stone run a bakery.\n\n"
	                "\"We bake at four,\" she said.";
	quoth_result *r = extract(s);

	ck_assert_uint_eq(quoth_result_count(r), 1);
	assert_attr(r, 0, "Mara Stone", "she", "said", "pronoun");
	assert_field(r, 0, QUOTH_FIELD_GENDER, "female");
	quoth_result_free(r);
}
END_TEST

/* A capitalised name the article shows to be an event or a place ("The
 * River Cup opened") is no antecedent of "she", even as a clause subject
 * after the speaker's own cue. */
START_TEST(test_event_is_not_she)
{
	const char *s = "Mia Lund coaches at the club. The River Cup opened "
	                "on Monday.\n\nLund said River Cup draws big crowds."
	                "\n\n\"We train daily,\" she said.";
	quoth_result *r = extract(s);

	ck_assert_uint_eq(quoth_result_count(r), 2);
	assert_attr(r, 1, "Mia Lund", "she", "said", "pronoun");
	quoth_result_free(r);
}
END_TEST

/* "in Glen Harbour": a place; "he said" after it is the man quoted. */
START_TEST(test_place_is_not_he)
{
	const char *s = "Tom Hardy, 61, farms near the coast.\n\n"
	                "Tom Hardy said Glen Harbour has changed. Glen "
	                "Harbour grew fast, and rents in Glen Harbour rose."
	                "\n\n\"We cannot stay,\" he said.";
	quoth_result *r = extract(s);
	size_t i, n = quoth_result_count(r);

	ck_assert_uint_ge(n, 2);
	assert_attr(r, n - 1, "Tom Hardy", "he", "said", "pronoun");
	for (i = 0; i < n; i++) {
		const char *sp = quoth_quote_str(r, i, QUOTH_FIELD_SPEAKER,
		                                 NULL);
		ck_assert(sp == NULL || strcmp(sp, "Glen Harbour") != 0);
	}
	quoth_result_free(r);
}
END_TEST

/* "Pat Moss said she": the article's evidence of her gender, so a later
 * "he" goes back to the man, not to the newer woman. */
START_TEST(test_said_she_is_evidence)
{
	const char *s = "Kim Lee said he would stay on the board. Pat Moss "
	                "said she would leave.\n\n\"It is too late,\" he "
	                "said.";
	quoth_result *r = extract(s);
	size_t n = quoth_result_count(r);

	ck_assert_uint_ge(n, 1);
	assert_attr(r, n - 1, "Kim Lee", "he", "said", "pronoun");
	assert_field(r, n - 1, QUOTH_FIELD_GENDER, "male");
	quoth_result_free(r);
}
END_TEST

/* "Ann Tate said he lied ... Ann Tate said she": the pronoun after her
 * cue was someone else's once, so neither is evidence. */
START_TEST(test_conflicting_evidence_is_none)
{
	const char *s = "Ann Tate said he lied to the court. Later Ann Tate "
	                "said she was angry.";
	quoth_result *r = extract(s);
	size_t i;

	ck_assert_uint_eq(quoth_result_count(r), 2);
	for (i = 0; i < 2; i++) {
		assert_field(r, i, QUOTH_FIELD_SPEAKER, "Ann Tate");
		assert_field(r, i, QUOTH_FIELD_GENDER, NULL);
	}
	quoth_result_free(r);
}
END_TEST

/* ", who lost a son," is a relative clause, not an apposition: it says
 * nothing of the speaker's gender. */
START_TEST(test_relative_clause_gives_no_gender)
{
	const char *s = "\"It was hard,\" says Jo Rand, who lost a son in "
	                "the flood.\n\n\"I miss him,\" she said.";
	quoth_result *r = extract(s);

	ck_assert_uint_eq(quoth_result_count(r), 2);
	assert_attr(r, 1, "Jo Rand", "she", "said", "pronoun");
	assert_field(r, 1, QUOTH_FIELD_GENDER, "female");
	quoth_result_free(r);
}
END_TEST

/* A person named inside someone's reported speech is not the next "she":
 * the one who spoke is. */
START_TEST(test_name_in_reported_speech_is_not_she)
{
	const char *s = "Ana Ruiz said Mia Lund would be a fine candidate."
	                "\n\n\"We need new faces,\" she said.";
	quoth_result *r = extract(s);

	ck_assert_uint_eq(quoth_result_count(r), 2);
	assert_attr(r, 0, "Ana Ruiz", "Ana Ruiz", "said", "cue-before");
	assert_attr(r, 1, "Ana Ruiz", "she", "said", "pronoun");
	quoth_result_free(r);
}
END_TEST

/* A photo caption names who is pictured, not who speaks next. */
START_TEST(test_caption_name_is_not_he)
{
	const char *s = "Tom Hardy runs the old hall on the pier.\n\n"
	                "Peter Moss, right, greets guests at the hall. "
	                "(Jane Roe/Daily News)\n\n"
	                "\"We will open again,\" he said.";
	quoth_result *r = extract(s);

	ck_assert_uint_eq(quoth_result_count(r), 1);
	assert_attr(r, 0, "Tom Hardy", "he", "said", "pronoun");
	quoth_result_free(r);
}
END_TEST

/* "The company said": the one organisation named in reach; two in reach,
 * or only people and places, leave the description as written. */
START_TEST(test_the_company_is_the_one_named)
{
	const char *one = "A plant built by Tarvo opened in Elm Bay, and "
	                  "Tarvo hired 40 workers. Ana Ruiz, 52, runs it."
	                  "\n\n"
	                  "The company said it would hire more next year.";
	const char *two = "Shares of Tarvo and Lumen rose after a deal, and "
	                  "Lumen and Tarvo will share a plant.\n\n"
	                  "The company said it would hire more next year.";
	quoth_result *r = extract(one);

	ck_assert_uint_eq(quoth_result_count(r), 1);
	assert_attr(r, 0, "Tarvo", "The company", "said", "cue-before");
	quoth_result_free(r);
	r = extract(two);
	ck_assert_uint_eq(quoth_result_count(r), 1);
	assert_attr(r, 0, "The company", "The company", "said", "cue-before");
	quoth_result_free(r);
}
END_TEST

START_TEST(test_cue_inside_indirect_makes_two_parts)
{
	const char *s = "The river, Ruiz says, has never been this high.";
	quoth_result *r = extract(s);
	size_t a, b;

	ck_assert_uint_eq(quoth_result_count(r), 1);
	ck_assert_int_eq(quoth_quote_type(r, 0), QUOTH_INDIRECT);
	ck_assert_uint_eq(quoth_quote_nparts(r, 0), 2);
	quoth_quote_part(r, 0, 0, &a, &b);
	ck_assert_uint_eq(a, 0);
	ck_assert_uint_eq(b, off(s, ","));
	quoth_quote_part(r, 0, 1, &a, &b);
	ck_assert_uint_eq(a, off(s, "has"));
	assert_field(r, 0, QUOTH_FIELD_MENTION, "Ruiz");
	quoth_result_free(r);
}
END_TEST

START_TEST(test_group_and_source_speakers)
{
	const char *s = "Health officials say the clinic will reopen next "
	                "month.\n\nAccording to preliminary findings, the "
	                "water was never unsafe.";
	quoth_result *r = extract(s);

	ck_assert_uint_eq(quoth_result_count(r), 2);
	assert_attr(r, 0, "Health officials", "Health officials", "say",
	            "role");
	assert_field(r, 1, QUOTH_FIELD_SPEAKER, "preliminary findings");
	assert_field(r, 1, QUOTH_FIELD_RULE, "according-to");
	quoth_result_free(r);
}
END_TEST

START_TEST(test_noun_object_is_not_speech)
{
	/* "added" takes a clause only with "that" or a verb in it */
	const char *s = "The home side added three more goals before the "
	                "break.";
	quoth_result *r = extract(s);

	ck_assert_uint_eq(quoth_result_count(r), 0);
	quoth_result_free(r);
}
END_TEST

/* A one-word name opening a sentence is a person when an apposition says
 * so ("Rafi, a ferry pilot,"); without one it stays no antecedent. */
START_TEST(test_single_name_with_apposition)
{
	const char *s = "Rafi, a ferry pilot on the lake, said the storm "
	                "came fast.\n\n\"We ran for the harbour,\" he said.";
	const char *trap = "Rafi is the name of the old ferry on the lake."
	                   "\n\n\"We ran for the harbour,\" he said.";
	quoth_result *r = extract(s);

	ck_assert_uint_eq(quoth_result_count(r), 2);
	assert_attr(r, 1, "Rafi", "he", "said", "pronoun");
	quoth_result_free(r);
	r = extract(trap);
	ck_assert_uint_eq(quoth_result_count(r), 1);
	assert_field(r, 0, QUOTH_FIELD_SPEAKER, NULL);
	quoth_result_free(r);
}
END_TEST

/* "the mayor" names the one person the article titled so: a later "he"
 * finds him through it; with two mayors it names nobody. */
START_TEST(test_role_mention_is_antecedent)
{
	const char *s = "Mayor Tom Baker opened the new bridge on Friday.\n\n"
	                "The bridge cost less than planned.\n\n"
	                "Traffic was light on the first day.\n\n"
	                "Residents had waited ten years.\n\n"
	                "On Monday, the mayor spoke to reporters again.\n\n"
	                "\"We kept the costs down,\" he said.";
	const char *two = "Mayor Tom Baker and former Mayor Ann Lee opened "
	                  "the new bridge on Friday.\n\n"
	                  "The bridge cost less than planned.\n\n"
	                  "Traffic was light on the first day.\n\n"
	                  "Residents had waited ten years.\n\n"
	                  "On Monday, the mayor spoke to reporters again.\n\n"
	                  "\"We kept the costs down,\" he said.";
	quoth_result *r = extract(s);

	ck_assert_uint_eq(quoth_result_count(r), 1);
	assert_attr(r, 0, "Tom Baker", "he", "said", "pronoun");
	quoth_result_free(r);
	r = extract(two);
	ck_assert_uint_eq(quoth_result_count(r), 1);
	assert_field(r, 0, QUOTH_FIELD_SPEAKER, NULL);
	quoth_result_free(r);
}
END_TEST

/* An organisation's name runs on over "of", "on", "for" after its
 * organisation word, but not into a day ("on Friday"). */
START_TEST(test_organisation_name_with_of)
{
	const char *s = "Flooding closed the road, according to the "
	                "Institute for Coastal Studies.";
	const char *day = "The Harbour Council on Friday approved the plan "
	                  "to rebuild the pier.\n\n\"We acted fast,\" it said.";
	quoth_result *r = extract(s);

	ck_assert_uint_eq(quoth_result_count(r), 1);
	assert_attr(r, 0, "the Institute for Coastal Studies",
	            "the Institute for Coastal Studies", "according to",
	            "according-to");
	quoth_result_free(r);
	r = extract(day);
	ck_assert_uint_eq(quoth_result_count(r), 1);
	assert_attr(r, 0, "Harbour Council", "it", "said", "pronoun");
	quoth_result_free(r);
}
END_TEST

/* "Port officials had warned": the group up to its title word, not the
 * place before it; a name after the role is still the person. */
START_TEST(test_group_before_auxiliary)
{
	const char *s = "Port officials had warned that the pier was unsafe."
	                "\n\nFerry captain Ann Lee had warned that the pier "
	                "was unsafe.";
	quoth_result *r = extract(s);

	ck_assert_uint_eq(quoth_result_count(r), 2);
	assert_attr(r, 0, "Port officials", "Port officials", "warned",
	            "role");
	assert_attr(r, 1, "Ann Lee", "Ferry captain Ann Lee", "warned",
	            "cue-before");
	quoth_result_free(r);
}
END_TEST

/* A one-word name that spoke is "it" when nothing shows it a person, and
 * then no "he"; a person with an age is never "it". */
START_TEST(test_it_for_organisation_that_spoke)
{
	const char *s = "Shares of Tarvo fell sharply on Friday.\n\n"
	                "Tarvo told employees on Monday that it would close "
	                "two plants.\n\n"
	                "It also told workers to expect new contracts.\n\n"
	                "\"We had no choice,\" he said.";
	const char *person = "Ana Ruiz, 52, told employees on Monday that she "
	                     "would retire.\n\n"
	                     "It also told workers to expect new contracts.";
	quoth_result *r = extract(s);

	ck_assert_uint_eq(quoth_result_count(r), 3);
	assert_attr(r, 1, "Tarvo", "It", "told", "pronoun");
	assert_field(r, 2, QUOTH_FIELD_SPEAKER, NULL);
	quoth_result_free(r);
	r = extract(person);
	ck_assert_uint_eq(quoth_result_count(r), 2);
	assert_field(r, 1, QUOTH_FIELD_SPEAKER, NULL);
	quoth_result_free(r);
}
END_TEST

/* "A ferry captain says ... Ann Lee said ...": the role is the person
 * named as a subject in the next sentence, if new there; a caption line
 * or a person named before is not the one introduced. */
START_TEST(test_role_named_in_next_sentence)
{
	const char *s = "A ferry captain says the storm came without "
	                "warning.\n\nAnn Lee said the crew had no time to "
	                "reach the harbour.";
	const char *caption = "A ferry captain says the storm came without "
	                      "warning.\n\nAnn Lee, 56.\n\nThe crew had no "
	                      "time.";
	const char *before = "Ann Lee runs the ferry.\n\nA ferry captain says "
	                     "the storm came without warning.\n\nAnn Lee said "
	                     "the crew had no time to reach the harbour.";
	quoth_result *r = extract(s);

	ck_assert_uint_eq(quoth_result_count(r), 2);
	assert_attr(r, 0, "Ann Lee", "A ferry captain", "says", "role");
	quoth_result_free(r);
	r = extract(caption);
	ck_assert_uint_eq(quoth_result_count(r), 1);
	assert_field(r, 0, QUOTH_FIELD_SPEAKER, "A ferry captain");
	quoth_result_free(r);
	r = extract(before);
	ck_assert_uint_eq(quoth_result_count(r), 2);
	assert_field(r, 0, QUOTH_FIELD_SPEAKER, "A ferry captain");
	quoth_result_free(r);
}
END_TEST

/* A caption whose credit has no brackets ("Jane Roe/THE DAILY NEWS") is
 * a caption too. */
START_TEST(test_caption_credit_without_brackets)
{
	const char *s = "Tom Hardy runs the old hall on the pier.\n\n"
	                "Peter Moss, right, greets guests at the hall. "
	                "Jane Roe/THE DAILY NEWS\n\n"
	                "\"We will open again,\" he said.";
	quoth_result *r = extract(s);

	ck_assert_uint_eq(quoth_result_count(r), 1);
	assert_attr(r, 0, "Tom Hardy", "he", "said", "pronoun");
	quoth_result_free(r);
}
END_TEST

/* "Ann Lee opened the hall. The mayor said ...": a definite role no
 * title matched is the subject of the sentence before; not a person
 * named there as an object. */
START_TEST(test_role_is_previous_subject)
{
	const char *s = "Ann Lee, 61, opened the new hall on Friday. The "
	                "mayor said it cost less than planned.";
	const char *obj = "The crowd cheered for Ann Lee, 61, on Friday. The "
	                  "mayor said it cost less than planned.";
	quoth_result *r = extract(s);

	ck_assert_uint_eq(quoth_result_count(r), 1);
	assert_attr(r, 0, "Ann Lee", "The mayor", "said", "role");
	quoth_result_free(r);
	r = extract(obj);
	ck_assert_uint_eq(quoth_result_count(r), 1);
	assert_field(r, 0, QUOTH_FIELD_SPEAKER, "The mayor");
	quoth_result_free(r);
}
END_TEST

/* A person introduced with an age, even as an object, is who speaks
 * next; a later mention with the age again introduces nobody. */
START_TEST(test_person_introduced_as_object)
{
	const char *s = "Tom Hardy, 58, runs the hall on the pier.\n\n"
	                "The program showed good results for local baker "
	                "Ann Lee, 50.\n\n\"It changed my life,\" she said.";
	const char *again = "Ann Lee, 50, sells bread at the market.\n\n"
	                    "Tom Hardy, 58, runs the hall on the pier.\n\n"
	                    "The program also helped Ann Lee, 50.\n\n"
	                    "\"It changed my life,\" he said.";
	quoth_result *r = extract(s);

	ck_assert_uint_eq(quoth_result_count(r), 1);
	assert_attr(r, 0, "Ann Lee", "she", "said", "pronoun");
	quoth_result_free(r);
	r = extract(again);
	ck_assert_uint_eq(quoth_result_count(r), 1);
	assert_attr(r, 0, "Tom Hardy", "he", "said", "pronoun");
	quoth_result_free(r);
}
END_TEST

/* A video's blurb ("... tells us about the damage. 2:41") is a caption:
 * who speaks in it is not who "she" is after it. */
START_TEST(test_video_blurb_is_caption)
{
	const char *s = "Ann Lee, 50, runs the bakery on the pier.\n\n"
	                "The storm hit the coast on Friday. Reporter Tom Hardy "
	                "tells us about the damage. 2:41\n\n"
	                "\"We lost the roof,\" she said.";
	quoth_result *r = extract(s);

	ck_assert_uint_eq(quoth_result_count(r), 2);
	assert_attr(r, 1, "Ann Lee", "she", "said", "pronoun");
	quoth_result_free(r);
}
END_TEST

/* "they" is the group named as a subject in its sentence or the one
 * before ("Harbour residents"), not a group named as an object. */
/* A capitalised word opening a sentence that the article also writes in
 * lowercase is no name: "Guns" says nothing. */
START_TEST(test_common_word_opening_sentence_is_no_speaker)
{
	const char *s = "Guns are \"the ultimate public health crisis\" in the "
	                "city, and guns kill.";
	quoth_result *r = extract(s);

	ck_assert_uint_eq(quoth_result_count(r), 1);
	assert_field(r, 0, QUOTH_FIELD_SPEAKER, NULL);
	quoth_result_free(r);
}
END_TEST

/* "She's claiming": a contracted pronoun is a pronoun, resolved to the
 * woman named before; "It's" with no cue is nobody. */
START_TEST(test_contracted_pronoun)
{
	const char *s = "Marta Ruiz, the mayor, spoke on Friday. She's claiming "
	                "that the budget is \"a big, big problem\" for the "
	                "town.\n\n"
	                "The union has grown. It's the pull of the \"if you "
	                "like your plan, you can keep your plan\" promise.";
	quoth_result *r = extract(s);

	ck_assert_uint_eq(quoth_result_count(r), 2);
	assert_field(r, 0, QUOTH_FIELD_SPEAKER, "Marta Ruiz");
	assert_field(r, 0, QUOTH_FIELD_MENTION, "She's");
	assert_field(r, 1, QUOTH_FIELD_SPEAKER, NULL);
	quoth_result_free(r);
}
END_TEST

/* A quote whose clause goes on past its closing mark, then the cue: one
 * mixed record over the clause, whoever the subject ("she" or a name). */
START_TEST(test_quote_opening_mixed_clause)
{
	const char *s = "Ann Lee spoke.\n\n"
	                "\"People were dancing\" before the storm, she said.\n\n"
	                "\"The roof held\" for an hour, Ann Lee said.";
	quoth_result *r = extract(s);

	ck_assert_uint_eq(quoth_result_count(r), 2);
	ck_assert_int_eq(quoth_quote_type(r, 0), QUOTH_MIXED);
	assert_field(r, 0, QUOTH_FIELD_QUOTE,
	             "\"People were dancing\" before the storm");
	assert_attr(r, 0, "Ann Lee", "she", "said", "pronoun");
	ck_assert_int_eq(quoth_quote_type(r, 1), QUOTH_MIXED);
	assert_attr(r, 1, "Ann Lee", "Ann Lee", "said", "cue-after");
	quoth_result_free(r);
}
END_TEST

/* "the 34-year-old mother of three replied": the age is part of the
 * description, the count of children no object of the cue. */
START_TEST(test_described_with_age_and_children)
{
	const char *s = "Mona Reyes runs the port.\n\n"
	                "Asked about the delay, the 34-year-old mother of three "
	                "replied, \"We will open in May.\"";
	quoth_result *r = extract(s);

	ck_assert_uint_eq(quoth_result_count(r), 1);
	assert_attr(r, 0, "the 34-year-old mother", "the 34-year-old mother",
	            "replied", "role");
	quoth_result_free(r);
}
END_TEST

/* People described by what they do online or in a crowd are speakers as
 * written: "one user", "Another commenter". */
START_TEST(test_described_users_and_commenters)
{
	const char *s = "The harbour plan drew anger online.\n\n"
	                "\"We want the pier back,\" one user wrote on "
	                "Facebook.\n\n"
	                "Another commenter said, \"The council has lost its "
	                "mind.\"";
	quoth_result *r = extract(s);

	ck_assert_uint_eq(quoth_result_count(r), 2);
	assert_attr(r, 0, "one user", "one user", "wrote", "role");
	assert_attr(r, 1, "Another commenter", "Another commenter", "said",
	            "role");
	quoth_result_free(r);
}
END_TEST

/* A fragment opening the sentence after '"A," X said.' continues X (and
 * stays partial, its clause unknown); a term opening a sentence far from
 * any quote does not. */
START_TEST(test_fragment_continues_speaker)
{
	const char *s = "\"We will win,\" Tom Hardy said. \"The vote is ours to "
	                "lose\" and the pier is ours too.\n\n"
	                "\"Top secret\" is the highest level of all.";
	quoth_result *r = extract(s);

	ck_assert_uint_eq(quoth_result_count(r), 3);
	ck_assert_int_eq(quoth_quote_type(r, 1), QUOTH_PARTIAL);
	assert_field(r, 1, QUOTH_FIELD_SPEAKER, "Tom Hardy");
	assert_field(r, 1, QUOTH_FIELD_RULE, "continuation");
	assert_field(r, 1, QUOTH_FIELD_CUE, NULL);
	assert_field(r, 2, QUOTH_FIELD_SPEAKER, NULL);
	quoth_result_free(r);
}
END_TEST

/* A quote that ends its sentence takes no attribution from the next
 * sentence ('"a disaster." Tom Hardy called ...'); a relative clause
 * after an appositive and a city with its state are passed over on the
 * way back to the subject. */
START_TEST(test_subject_past_sentence_and_insertions)
{
	const char *s = "Ann Lee called the plan \"a disaster.\" Tom Hardy "
	                "called the vote \"a scandal.\"\n\n"
	                "On Tuesday, Mona Reyes, the head of the port board, "
	                "which runs the docks, urged the city \"to act before "
	                "the storm.\"\n\n"
	                "Omar Haddad, during a town hall in Columbus, Ohio, "
	                "said the pier was \"the worst in the state.\"\n\n"
	                "\"We will not sell,\" Ruth Okoro said. \"It is ours!\" "
	                "she added.";
	quoth_result *r = extract(s);

	ck_assert_uint_eq(quoth_result_count(r), 6);
	assert_field(r, 0, QUOTH_FIELD_SPEAKER, "Ann Lee");
	assert_field(r, 1, QUOTH_FIELD_SPEAKER, "Tom Hardy");
	assert_field(r, 2, QUOTH_FIELD_SPEAKER, "Mona Reyes");
	assert_field(r, 3, QUOTH_FIELD_SPEAKER, "Omar Haddad");
	/* (the trap: a quote ending in '!' still takes "she added.") */
	assert_attr(r, 5, "Ruth Okoro", "she", "added", "pronoun");
	quoth_result_free(r);
}
END_TEST

/* "Clinton's spokesman" is someone of Clinton's, not Clinton; a dateline
 * ("WASHINGTON, Dec. 8 (UPI) --") is nobody. */
START_TEST(test_possessive_role_and_dateline)
{
	const char *s = "WASHINGTON, Dec. 8 (UPI) -- Ann Lee spoke in Ohio.\n\n"
	                "\"We are ready,\" Lee's spokesman said.\n\n"
	                "BEIRUT (AP) -- Supporters cheered, saying: \"We have "
	                "to be ready.\"\n\n"
	                "Lee's right-hand woman rallied supporters, saying: "
	                "\"We will win.\"";
	quoth_result *r = extract(s);

	ck_assert_uint_eq(quoth_result_count(r), 3);
	assert_attr(r, 0, "Lee's spokesman", "Lee's spokesman", "said",
	            "role");
	assert_field(r, 1, QUOTH_FIELD_SPEAKER, NULL);
	assert_field(r, 2, QUOTH_FIELD_SPEAKER, "Lee's right-hand woman");
	quoth_result_free(r);
}
END_TEST

/* "He accused Lee of ..." makes Lee an object, not the "he" of the next
 * sentence; "a hoarse-voiced Tom Hardy" is a subject. */
START_TEST(test_pronoun_skips_objects)
{
	const char *s = "Ann Lee put Tom Hardy on the defensive, but a "
	                "hoarse-voiced Hardy got in digs. He accused Lee of "
	                "being too cozy with the banks. He noted that Lee has "
	                "taken their money.";
	quoth_result *r = extract(s);

	ck_assert_uint_eq(quoth_result_count(r), 1);
	assert_attr(r, 0, "Tom Hardy", "He", "noted", "pronoun");
	quoth_result_free(r);
}
END_TEST

/* "While some critics say A, Ann Lee says B": two reported clauses,
 * each with its speaker; "where ..." after an appositive is passed
 * over on the way to the subject. */
START_TEST(test_second_cue_ends_clause)
{
	const char *s = "While some critics say the city should not pay a middle "
	                "man, Ann Lee says the premium makes everyone work "
	                "harder.\n\n"
	                "Tom Hardy, a councillor in the harbour ward, where the "
	                "pier stands, said the pier was \"a disgrace to us "
	                "all.\"";
	quoth_result *r = extract(s);

	ck_assert_uint_eq(quoth_result_count(r), 3);
	assert_field(r, 0, QUOTH_FIELD_SPEAKER, "some critics");
	assert_field(r, 0, QUOTH_FIELD_QUOTE,
	             "the city should not pay a middle man");
	assert_attr(r, 1, "Ann Lee", "Ann Lee", "says", "cue-before");
	ck_assert_int_eq(quoth_quote_type(r, 2), QUOTH_MIXED);
	assert_attr(r, 2, "Tom Hardy", "Tom Hardy", "said", "cue-before");
	quoth_result_free(r);
}
END_TEST

/* "they" through the "They" before it, across a paragraph break, to the
 * group that opens the story ("Critics of the plan, like ..., see"). */
START_TEST(test_they_follows_they)
{
	const char *s = "Critics of the harbour plan, like Ann Lee and Tom Hardy, "
	                "see the vote as a chance. They sent a letter on "
	                "Thursday to the council leaders.\n\n"
	                "\"The plan has become a mess,\" they wrote.";
	quoth_result *r = extract(s);

	ck_assert_uint_eq(quoth_result_count(r), 1);
	assert_attr(r, 0, "Critics of the harbour plan", "they", "wrote",
	            "pronoun");
	quoth_result_free(r);
}
END_TEST

/* "front-runner" is a title: the person it names is a person, for the
 * "he" after a paragraph break. */
START_TEST(test_front_runner_title)
{
	const char *s = "GOP front-runner Tom Hardy took an opportunity on "
	                "Tuesday to address the scrutiny.\n\n"
	                "\"I have no problem with being vetted,\" he said.";
	quoth_result *r = extract(s);

	ck_assert_uint_eq(quoth_result_count(r), 1);
	assert_attr(r, 0, "Tom Hardy", "he", "said", "pronoun");
	assert_field(r, 0, QUOTH_FIELD_TITLE, "GOP front-runner");
	quoth_result_free(r);
}
END_TEST

/* "her statement read" is hers: the speaker is the woman "her" stands
 * for, and a quoted paragraph after it continues her. */
START_TEST(test_her_statement)
{
	const char *s = "Environment Minister Ann Lee announced the sessions on "
	                "Monday.\n\n"
	                "\"I have heard stories of people afraid to attend,\" her "
	                "statement read.\n\n"
	                "\"These reports are deeply concerning.\"";
	quoth_result *r = extract(s);

	ck_assert_uint_eq(quoth_result_count(r), 2);
	assert_attr(r, 0, "Ann Lee", "her statement", "read", "cue-after");
	assert_attr(r, 1, "Ann Lee", "her statement", "read", "continuation");
	quoth_result_free(r);
}
END_TEST

START_TEST(test_they_is_group_subject)
{
	const char *s = "Harbour residents complained about what they said "
	                "was a lack of notice.\n\n"
	                "The mayor thanked the volunteers on Friday. They said "
	                "the pier would reopen.";
	quoth_result *r = extract(s);

	ck_assert_uint_eq(quoth_result_count(r), 2);
	assert_attr(r, 0, "Harbour residents", "they", "said", "pronoun");
	assert_field(r, 1, QUOTH_FIELD_SPEAKER, NULL);
	quoth_result_free(r);
}
END_TEST

/* "the report said": the author of the report the article introduced
 * ("X wrote in a recent report"); a report from someone's engineer has
 * no author quoth knows. */
START_TEST(test_report_author)
{
	const char *s = "Tom Hardy, 58, wrote in a recent report that the "
	                "pier was unsafe.\n\nRepairs would cost $2 million, "
	                "the report said.";
	const char *from = "A report from the Harbour Council's engineer found "
	                   "the pier unsafe.\n\nRepairs would cost $2 "
	                   "million, the report said.";
	quoth_result *r = extract(s);

	ck_assert_uint_eq(quoth_result_count(r), 2);
	assert_attr(r, 1, "Tom Hardy", "the report", "said", "cue-after");
	quoth_result_free(r);
	r = extract(from);
	ck_assert_uint_eq(quoth_result_count(r), 1);
	assert_field(r, 0, QUOTH_FIELD_SPEAKER, "the report");
	quoth_result_free(r);
}
END_TEST

START_TEST(test_headline_words_are_no_name)
{
	/* a headline in title case runs names and words together: its
	 * words are no name for the surname to resolve to */
	const char *s = "Budget Fight Is Over For Tom Hardy.\n\n"
	                "\"We are done,\" Hardy said.\n\n"
	                "\"The vote was fair,\" Tom Hardy added.";
	/* trap: the same person named in prose keeps the full name */
	const char *prose = "Tom Hardy chairs the budget committee.\n\n"
	                    "\"We are done,\" Hardy said.";
	quoth_result *r = extract(s);

	ck_assert_uint_eq(quoth_result_count(r), 2);
	assert_attr(r, 0, "Tom Hardy", "Hardy", "said", "cue-after");
	assert_attr(r, 1, "Tom Hardy", "Tom Hardy", "added", "cue-after");
	quoth_result_free(r);
	r = extract(prose);
	ck_assert_uint_eq(quoth_result_count(r), 1);
	assert_attr(r, 0, "Tom Hardy", "Hardy", "said", "cue-after");
	quoth_result_free(r);
}
END_TEST

START_TEST(test_full_name_is_not_another_with_surname)
{
	/* "Ann Lee" in a headline is not "Tom Lee" of the story, though a
	 * surname alone is */
	const char *s = "Ann Lee Says Budget Is \"A Disgrace\".\n\n"
	                "Tom Lee, the treasurer, disagreed on Monday.\n\n"
	                "\"We are done,\" Lee said.";
	quoth_result *r = extract(s);

	ck_assert_uint_eq(quoth_result_count(r), 2);
	assert_field(r, 0, QUOTH_FIELD_SPEAKER, "Ann Lee");
	assert_attr(r, 1, "Tom Lee", "Lee", "said", "cue-after");
	quoth_result_free(r);
}
END_TEST

START_TEST(test_leading_preposition_and_auxiliary_are_no_name)
{
	/* "Given Hardy's record", "Did Hardy ...": the surname, not a new
	 * person "Given Hardy" */
	const char *s[] = {"Tom Hardy chairs the committee.\n\n"
	                   "Given Hardy's record, few were surprised.\n\n"
	                   "\"We are done,\" Hardy said.",
	                   "Tom Hardy chairs the committee.\n\n"
	                   "Did Hardy know? Nobody can say.\n\n"
	                   "\"We are done,\" Hardy said."};
	size_t i;

	for (i = 0; i < sizeof(s) / sizeof(s[0]); i++) {
		quoth_result *r = extract(s[i]);
		ck_assert_uint_eq(quoth_result_count(r), 1);
		assert_attr(r, 0, "Tom Hardy", "Hardy", "said", "cue-after");
		quoth_result_free(r);
	}
}
END_TEST

START_TEST(test_said_he_outweighs_in_name)
{
	/* "in Hardy country" looks like a place, but "Hardy said he" shows
	 * a man, whom the "he" of a quote may mean */
	const char *s = "Tom Hardy spoke at the rally on Monday.\n\n"
	                "The mood in Hardy country was upbeat.\n\n"
	                "Hardy laughed.\n\n"
	                "\"We are ready,\" he said.\n\n"
	                "Later, Hardy said he would run again.";
	/* trap: a place with no such evidence stays no "he" */
	const char *place = "Voters in Hardy County were upbeat.\n\n"
	                    "Hardy County laughed.\n\n"
	                    "\"We are ready,\" he said.";
	quoth_result *r = extract(s);

	ck_assert_uint_eq(quoth_result_count(r), 2);
	assert_attr(r, 0, "Tom Hardy", "he", "said", "pronoun");
	assert_field(r, 0, QUOTH_FIELD_GENDER, "male");
	quoth_result_free(r);
	r = extract(place);
	ck_assert_uint_eq(quoth_result_count(r), 1);
	assert_field(r, 0, QUOTH_FIELD_SPEAKER, NULL);
	quoth_result_free(r);
}
END_TEST

START_TEST(test_it_is_last_thing_that_spoke)
{
	/* "it" goes on with a thing known only as written */
	const char *s = "\"We cannot wait,\" the editorial read.\n\n"
	                "\"The time is now,\" it added.";
	/* traps: a person's role is no "it"; nor is the thing once a
	 * person has become the subject in between */
	const char *role = "\"We cannot wait,\" the mayor said.\n\n"
	                   "\"The time is now,\" it added.";
	const char *between = "\"We cannot wait,\" the editorial read.\n\n"
	                      "Ann Lee, a council member, disagreed. "
	                      "\"The time is now,\" it added.";
	quoth_result *r = extract(s);

	ck_assert_uint_eq(quoth_result_count(r), 2);
	assert_attr(r, 1, "the editorial", "it", "added", "pronoun");
	quoth_result_free(r);
	r = extract(role);
	ck_assert_uint_eq(quoth_result_count(r), 2);
	assert_field(r, 1, QUOTH_FIELD_SPEAKER, NULL);
	quoth_result_free(r);
	r = extract(between);
	ck_assert_uint_eq(quoth_result_count(r), 2);
	assert_field(r, 1, QUOTH_FIELD_SPEAKER, NULL);
	quoth_result_free(r);
}
END_TEST

START_TEST(test_title_word_as_surname)
{
	/* Baker and King are titles, and surnames after a first name or an
	 * honorific */
	const char *s = "\"We will appeal,\" said Representative Peter King "
	                "of Ohio.\n\n"
	                "Agency counsel James Baker disagreed on Monday.\n\n"
	                "\"There is no case,\" Mr. Baker said.";
	/* traps: a title alone, and a title after an honorific, stay
	 * titles */
	const char *role = "\"Bread is up again,\" the baker said.\n\n"
	                   "\"Thank you, Mr. President,\" Ann Lee said.";
	quoth_result *r = extract(s);

	ck_assert_uint_eq(quoth_result_count(r), 2);
	assert_field(r, 0, QUOTH_FIELD_SPEAKER, "Peter King");
	assert_field(r, 0, QUOTH_FIELD_TITLE, "Representative");
	assert_attr(r, 1, "James Baker", "Mr. Baker", "said", "cue-after");
	quoth_result_free(r);
	r = extract(role);
	ck_assert_uint_eq(quoth_result_count(r), 2);
	assert_field(r, 0, QUOTH_FIELD_SPEAKER, "the baker");
	assert_field(r, 1, QUOTH_FIELD_SPEAKER, "Ann Lee");
	quoth_result_free(r);
}
END_TEST

START_TEST(test_new_voice_before_quote_is_no_continuation)
{
	/* a speech verb with its own subject, or a colon after a clause
	 * naming someone else, introduces a voice quoth did not parse */
	const char *s[] = {"\"We will win,\" Tom Hardy said.\n\n"
	                   "Fans near the back chanted, \"Four more years!\"",
	                   "\"We will win,\" Tom Hardy said.\n\n"
	                   "Another person tweeted: \"Not a chance.\"",
	                   "\"We will win,\" Tom Hardy said.\n\n"
	                   "The Harbour Council was blunt in its reply: "
	                   "\"Not a chance.\""};
	/* traps: no new subject, the same speaker goes on */
	const char *same[] = {"\"We will win,\" Tom Hardy said, and added: "
	                      "\"The vote is ours.\"",
	                      "\"We will win,\" Tom Hardy said.\n\n"
	                      "Then, after a pause: \"The vote is ours.\""};
	size_t i;

	for (i = 0; i < sizeof(s) / sizeof(s[0]); i++) {
		quoth_result *r = extract(s[i]);
		ck_assert_uint_eq(quoth_result_count(r), 2);
		/* nobody, the new subject, or the subject before the colon
		 * (patterns.txt: "X is more blunt: "Q"") -- never Tom Hardy */
		assert_field(r, 1, QUOTH_FIELD_SPEAKER,
		             i == 2   ? "The Harbour Council"
		             : i == 1 ? "Another person"
		                      : NULL);
		quoth_result_free(r);
	}
	for (i = 0; i < sizeof(same) / sizeof(same[0]); i++) {
		quoth_result *r = extract(same[i]);
		ck_assert_uint_eq(quoth_result_count(r), 2);
		assert_field(r, 1, QUOTH_FIELD_SPEAKER, "Tom Hardy");
		quoth_result_free(r);
	}
}
END_TEST

START_TEST(test_campaign_titles)
{
	/* campaign and money words are titles, kept apart from the name */
	const char *s = "\"We will run,\" Billionaire Tom Hardy said.\n\n"
	                "\"We will win,\" said rival Ann Lee.";
	quoth_result *r = extract(s);

	ck_assert_uint_eq(quoth_result_count(r), 2);
	assert_field(r, 0, QUOTH_FIELD_SPEAKER, "Tom Hardy");
	assert_field(r, 0, QUOTH_FIELD_TITLE, "Billionaire");
	assert_field(r, 1, QUOTH_FIELD_SPEAKER, "Ann Lee");
	quoth_result_free(r);
}
END_TEST

START_TEST(test_party_role_is_nobody_of_other_party)
{
	/* "the Republican nominee" is whom the article titled so, not the
	 * newest nominee nor a last speaker of the other party */
	const char *s = "Republican nominee Tom Hardy spoke first.\n\n"
	                "Democratic nominee Ann Lee spoke next.\n\n"
	                "\"We will win,\" the Republican nominee said.";
	const char *other = "\"We will win,\" Democratic nominee Ann Lee "
	                    "said.\n\n"
	                    "\"Not so,\" the Republican nominee said.";
	/* trap: a party role with no party on the last speaker is hers */
	const char *same = "\"We will win,\" Ann Lee said.\n\n"
	                   "\"Not so fast,\" the Democratic nominee added.";
	quoth_result *r = extract(s);

	ck_assert_uint_eq(quoth_result_count(r), 1);
	assert_attr(r, 0, "Tom Hardy", "the Republican nominee", "said",
	            "role");
	quoth_result_free(r);
	r = extract(other);
	ck_assert_uint_eq(quoth_result_count(r), 2);
	assert_field(r, 1, QUOTH_FIELD_SPEAKER, "the Republican nominee");
	quoth_result_free(r);
	r = extract(same);
	ck_assert_uint_eq(quoth_result_count(r), 2);
	assert_field(r, 1, QUOTH_FIELD_SPEAKER, "Ann Lee");
	quoth_result_free(r);
}
END_TEST

START_TEST(test_subject_after_modified_title)
{
	/* "Retired political science professor Ann Lee disagreed": the
	 * subject, with lowercase words before its title */
	const char *s = "Tom Hardy wrote to the board on Monday.\n\n"
	                "Retired political science professor Ann Lee "
	                "disagreed with the plan.\n\n"
	                "\"It will fail,\" she said.";
	/* trap: the same words in an apposition make no subject */
	const char *appos = "Tom Hardy wrote to the board on Monday.\n\n"
	                    "The board also heard from his colleague, "
	                    "political science professor Ann Lee, on "
	                    "Monday.\n\n"
	                    "\"It will fail,\" he said.";
	quoth_result *r = extract(s);

	ck_assert_uint_eq(quoth_result_count(r), 1);
	assert_attr(r, 0, "Ann Lee", "she", "said", "pronoun");
	quoth_result_free(r);
	r = extract(appos);
	ck_assert_uint_eq(quoth_result_count(r), 1);
	assert_attr(r, 0, "Tom Hardy", "he", "said", "pronoun");
	quoth_result_free(r);
}
END_TEST

START_TEST(test_she_is_the_only_woman_named)
{
	/* no person in the three paragraphs before "she": the one woman
	 * the article has shown to be one */
	const char *s = "Ann Lee said she would keep the shelter open.\n\n"
	                "\"We are full,\" staff members said.\n\n"
	                "The shelter has 40 beds.\n\n"
	                "It opened in 1990.\n\n"
	                "The city pays for half.\n\n"
	                "\"We need more beds,\" she added.";
	/* traps: a woman described in between, and two women named */
	const char *described = "Ann Lee said she would keep the shelter "
	                        "open.\n\n"
	                        "\"We are full,\" staff members said.\n\n"
	                        "The shelter has 40 beds.\n\n"
	                        "It opened in 1990.\n\n"
	                        "A 30-year-old woman who stayed there in May "
	                        "was grateful.\n\n"
	                        "\"We need more beds,\" she added.";
	const char *two = "Ann Lee said she would keep the shelter open.\n\n"
	                  "Jane Roe said she would not.\n\n"
	                  "\"We are full,\" staff members said.\n\n"
	                  "The shelter has 40 beds.\n\n"
	                  "It opened in 1990.\n\n"
	                  "The city pays for half.\n\n"
	                  "\"We need more beds,\" she added.";
	quoth_result *r = extract(s);

	ck_assert_uint_eq(quoth_result_count(r), 3);
	assert_attr(r, 2, "Ann Lee", "she", "added", "pronoun");
	quoth_result_free(r);
	r = extract(described);
	ck_assert_uint_eq(quoth_result_count(r), 3);
	assert_field(r, 2, QUOTH_FIELD_SPEAKER, NULL);
	quoth_result_free(r);
	r = extract(two);
	ck_assert_uint_eq(quoth_result_count(r), 4);
	assert_field(r, 3, QUOTH_FIELD_SPEAKER, NULL);
	quoth_result_free(r);
}
END_TEST

START_TEST(test_it_is_organisation_subject)
{
	/* "it" is the organisation that is the subject nearby, as written */
	const char *s = "The rink is closed, and the city council is "
	                "struggling with what it says is a $2 million "
	                "shortfall.";
	/* trap: an organisation that is no subject ("of the council") */
	const char *obj = "Members of the council met on Monday, and it "
	                  "says the rink will close.";
	quoth_result *r = extract(s);

	ck_assert_uint_eq(quoth_result_count(r), 1);
	assert_attr(r, 0, "the city council", "it", "says", "pronoun");
	quoth_result_free(r);
	r = extract(obj);
	ck_assert_uint_eq(quoth_result_count(r), 1);
	assert_field(r, 0, QUOTH_FIELD_SPEAKER, NULL);
	quoth_result_free(r);
}
END_TEST

START_TEST(test_speaker_before_name_and_surname_title)
{
	/* "Speaker" before a name is a title; a title that is also a
	 * surname does not keep the run whole */
	const char *s = "\"We will vote,\" Speaker Ann Lee said.\n\n"
	                "\"No comment,\" said Agency General Counsel James "
	                "A. Baker.";
	quoth_result *r = extract(s);

	ck_assert_uint_eq(quoth_result_count(r), 2);
	assert_field(r, 0, QUOTH_FIELD_SPEAKER, "Ann Lee");
	assert_field(r, 1, QUOTH_FIELD_SPEAKER, "James A. Baker");
	assert_field(r, 1, QUOTH_FIELD_TITLE, "Agency General Counsel");
	quoth_result_free(r);
}
END_TEST

START_TEST(test_it_is_document_named_before)
{
	/* "It continued": the document the sentence before named */
	const char *s = "\"He pushed me,\" Tom Hardy wrote in the "
	                "affidavit.\n\n"
	                "It continued: \"Charges should be laid.\"";
	/* trap: a document not introduced with "the" is no "it" */
	const char *own = "\"He pushed me,\" Tom Hardy wrote in his "
	                  "affidavit.\n\n"
	                  "It continued: \"Charges should be laid.\"";
	quoth_result *r = extract(s);

	ck_assert_uint_eq(quoth_result_count(r), 2);
	assert_attr(r, 1, "the affidavit", "It", "continued", "pronoun");
	quoth_result_free(r);
	r = extract(own);
	ck_assert_uint_eq(quoth_result_count(r), 2);
	assert_field(r, 1, QUOTH_FIELD_SPEAKER, NULL);
	quoth_result_free(r);
}
END_TEST

static Suite *
attrib_suite(void)
{
	Suite *s = suite_create("attrib");
	TCase *tc = tcase_create("attrib");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_cue_after_name_first);
	tcase_add_test(tc, test_cue_after_inverted);
	tcase_add_test(tc, test_cue_before_colon);
	tcase_add_test(tc, test_pronoun_after_honorific);
	tcase_add_test(tc, test_affiliation_role_then_name);
	tcase_add_test(tc, test_name_of_organisation_before_cue);
	tcase_add_test(tc, test_unparsed_cue_is_not_continuation);
	tcase_add_test(tc, test_former_title_then_name);
	tcase_add_test(tc, test_husband_is_not_she);
	tcase_add_test(tc, test_event_is_not_she);
	tcase_add_test(tc, test_place_is_not_he);
	tcase_add_test(tc, test_said_she_is_evidence);
	tcase_add_test(tc, test_conflicting_evidence_is_none);
	tcase_add_test(tc, test_relative_clause_gives_no_gender);
	tcase_add_test(tc, test_name_in_reported_speech_is_not_she);
	tcase_add_test(tc, test_caption_name_is_not_he);
	tcase_add_test(tc, test_the_company_is_the_one_named);
	tcase_add_test(tc, test_cue_inside_indirect_makes_two_parts);
	tcase_add_test(tc, test_group_and_source_speakers);
	tcase_add_test(tc, test_noun_object_is_not_speech);
	tcase_add_test(tc, test_pronoun_after_named_quote);
	tcase_add_test(tc, test_she_after_he);
	tcase_add_test(tc, test_she_resolves_to_woman_across_paragraphs);
	tcase_add_test(tc, test_name_inside_quote_is_not_speaker);
	tcase_add_test(tc, test_appositive);
	tcase_add_test(tc, test_surname_resolves_to_full_name_and_title);
	tcase_add_test(tc, test_indirect_speech);
	tcase_add_test(tc, test_indirect_told_that);
	tcase_add_test(tc, test_indirect_particle_cue);
	tcase_add_test(tc, test_indirect_cue_after_clause);
	tcase_add_test(tc, test_according_to);
	tcase_add_test(tc, test_floating_quote_continues_speaker);
	tcase_add_test(tc, test_other_person_breaks_continuation);
	tcase_add_test(tc, test_no_cue_no_speaker);
	tcase_add_test(tc, test_unresolved_pronoun_gives_no_speaker);
	tcase_add_test(tc, test_split_quote_attribution);
	tcase_add_test(tc, test_single_name_with_apposition);
	tcase_add_test(tc, test_role_mention_is_antecedent);
	tcase_add_test(tc, test_organisation_name_with_of);
	tcase_add_test(tc, test_group_before_auxiliary);
	tcase_add_test(tc, test_it_for_organisation_that_spoke);
	tcase_add_test(tc, test_role_named_in_next_sentence);
	tcase_add_test(tc, test_caption_credit_without_brackets);
	tcase_add_test(tc, test_role_is_previous_subject);
	tcase_add_test(tc, test_person_introduced_as_object);
	tcase_add_test(tc, test_video_blurb_is_caption);
	tcase_add_test(tc, test_they_is_group_subject);
	tcase_add_test(tc, test_report_author);
	tcase_add_test(tc, test_headline_words_are_no_name);
	tcase_add_test(tc, test_full_name_is_not_another_with_surname);
	tcase_add_test(tc, test_leading_preposition_and_auxiliary_are_no_name);
	tcase_add_test(tc, test_said_he_outweighs_in_name);
	tcase_add_test(tc, test_it_is_last_thing_that_spoke);
	tcase_add_test(tc, test_title_word_as_surname);
	tcase_add_test(tc, test_new_voice_before_quote_is_no_continuation);
	tcase_add_test(tc, test_party_role_is_nobody_of_other_party);
	tcase_add_test(tc, test_campaign_titles);
	tcase_add_test(tc, test_subject_after_modified_title);
	tcase_add_test(tc, test_she_is_the_only_woman_named);
	tcase_add_test(tc, test_it_is_organisation_subject);
	tcase_add_test(tc, test_speaker_before_name_and_surname_title);
	tcase_add_test(tc, test_it_is_document_named_before);
	tcase_add_test(tc, test_common_word_opening_sentence_is_no_speaker);
	tcase_add_test(tc, test_contracted_pronoun);
	tcase_add_test(tc, test_quote_opening_mixed_clause);
	tcase_add_test(tc, test_described_with_age_and_children);
	tcase_add_test(tc, test_described_users_and_commenters);
	tcase_add_test(tc, test_fragment_continues_speaker);
	tcase_add_test(tc, test_subject_past_sentence_and_insertions);
	tcase_add_test(tc, test_possessive_role_and_dateline);
	tcase_add_test(tc, test_pronoun_skips_objects);
	tcase_add_test(tc, test_second_cue_ends_clause);
	tcase_add_test(tc, test_they_follows_they);
	tcase_add_test(tc, test_front_runner_title);
	tcase_add_test(tc, test_her_statement);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(attrib_suite());
	int failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed != 0 ? EXIT_FAILURE : EXIT_SUCCESS;
}
