/*
 * test_patterns.c: the cue patterns (data/en/patterns.txt): every shape
 * of attribution they hold, a --data-dir file that replaces them, and
 * patterns.txt errors naming file, line and column.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cuepat.h"
#include "private.h"

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
extract_with(quoth_extractor *x, const char *s)
{
	quoth_result *r = NULL;
	quoth_error err;

	ck_assert_int_eq(quoth_extract(x, s, strlen(s), &r, &err), QUOTH_OK);
	ck_assert_ptr_nonnull(r);
	return r;
}

static void
assert_field(const quoth_result *r, size_t i, quoth_field f, const char *want,
             const char *text)
{
	size_t len = 0;
	const char *got = quoth_quote_str(r, i, f, &len);

	if (!want) {
		ck_assert_msg(got == NULL,
		              "%s: field %d is \"%s\", expected "
		              "none",
		              text, (int)f, got ? got : "");
		return;
	}
	ck_assert_msg(got != NULL, "%s: field %d absent, expected \"%s\"", text,
	              (int)f, want);
	ck_assert_msg(strcmp(got, want) == 0,
	              "%s: field %d is \"%s\", expected \"%s\"", text, (int)f,
	              got, want);
}

/* One shape: the text, which quote (by its first words), and what it
 * must be linked to. */
struct shape_case {
	const char *text;
	const char *quote_starts; /* the quote field begins with this */
	const char *speaker, *mention, *cue, *rule;
};

static const struct shape_case shapes[] = {
        /* "Q," X said  /  "Q," said X */
        {"\"The pier will open in May,\" Ann Lee said.", "The pier", "Ann Lee",
         "Ann Lee", "said", "cue-after"},
        {"\"The pier will open in May,\" said Ann Lee.", "The pier", "Ann Lee",
         "Ann Lee", "said", "cue-after"},
        /* X said: "Q"  /  X said "Q" */
        {"Ann Lee said: \"The pier will open in May.\"", "The pier", "Ann Lee",
         "Ann Lee", "said", "cue-before"},
        {"Ann Lee said \"the pier will open in May.\"", "\"the pier", "Ann Lee",
         "Ann Lee", "said", "cue-before"},
        /* appositives, after and before */
        {"\"It is a bad break,\" Hugh Hill, a doctor at the clinic, said.",
         "It is", "Hugh Hill", "Hugh Hill", "said", "appositive"},
        {"Hugh Hill, a doctor at the clinic, said: \"It is a bad break.\"",
         "It is", "Hugh Hill", "Hugh Hill", "said", "cue-before"},
        /* the role first, then the name in apposition */
        {"\"We close at six,\" the port director, Ruth Okoro, said.",
         "We close", "Ruth Okoro", "the port director, Ruth Okoro", "said",
         "appositive"},
        {"\"We need him home,\" his wife, Mona Reyes, wrote in a letter.",
         "We need", "Mona Reyes", "his wife, Mona Reyes", "wrote",
         "appositive"},
        /* a base form after an auxiliary, a participle after a cue */
        {"\"We need him home,\" she was quoted as saying. Mona Reyes runs "
         "the port.",
         "We need", NULL, "she", "saying", "pronoun"},
        {"Mona Reyes runs the port. \"We need him home,\" she was quoted as "
         "saying.",
         "We need", "Mona Reyes", "she", "saying", "pronoun"},
        {"\"We are busy,\" Ann Lee said, adding that the pier would take "
         "\"a few more weeks.\"",
         "a few", "Ann Lee", "Ann Lee", "adding", "participle"},
        {"Ann Lee joked in her turn to answer the question, \"We are late.\"",
         "We are", "Ann Lee", "Ann Lee", "joked", "cue-before"},
        {"\"The pier is late,\" said 9/11 widow Ann Lee.", "The pier",
         "Ann Lee", "9/11 widow Ann Lee", "said", "cue-after"},
        {"\"The pier is late,\" my father often said.", "The pier", "my father",
         "my father", "said", "role"},
        /* an organisation's words before the person after the cue */
        {"\"It was a big deal,\" said Coast State University professor Paul "
         "Beck.",
         "It was", "Paul Beck", "Coast State University professor Paul Beck",
         "said", "cue-after"},
        {"\"It was a big deal,\" wrote Post bureau chief Julia Eilp, citing "
         "people in the room.",
         "It was", "Julia Eilp", "Post bureau chief Julia Eilp", "wrote",
         "cue-after"},
        /* a sentence of attribution alone before the quote */
        {"Sam Lau, the director of the party, said in a statement. \"There "
         "are no ballots to count.\"",
         "There are", "Sam Lau", "Sam Lau", "said", "cue-before"},
        {"Sam Lau, the director of the party, said in a statement.\n\n"
         "\"There are no ballots to count.\"",
         "There are", "Sam Lau", "Sam Lau", "said", "cue-before"},
        /* ... but not one that reports a clause of its own */
        {"Police said the man was arrested. \"He ran,\" a neighbour "
         "recalled.",
         "He ran", "a neighbour", "a neighbour", "recalled", "role"},
        /* a subject, a relative clause, the cue */
        {"Another member of the club, whose name is withheld, wrote: \"We "
         "are tired.\"",
         "We are", "Another member of the club", "Another member of the club",
         "wrote", "cue-before"},
        {"Another member of the public, whose name is withheld, wrote: \"We "
         "are tired.\"",
         "We are", "Another member of the public",
         "Another member of the public", "wrote", "role"},
        /* an organisation named after a possessive */
        {"\"We are reviewing the file,\" the province's Department of Fishing "
         "said.",
         "We are", "Department of Fishing", "Department of Fishing", "said",
         "cue-after"},
        /* a capitalised cue word ends a name ("The Washington Post") */
        {"The Washington Post reported that the mayor \"will not run\" "
         "again.",
         "the mayor", "The Washington Post", "The Washington Post", "reported",
         "cue-before"},
        /* a digest's source line, and a described subject before a colon */
        {"Turnout is the story - Ann Lee: \"The young stayed home.\"",
         "The young", "Ann Lee", "Ann Lee", ":", "colon"},
        {"A spokesman for the mayor could only quip: \"The pier is late.\"",
         "The pier", "A spokesman for the mayor", "A spokesman for the mayor",
         ":", "colon"},
        /* an inverted cue before the quote */
        {"The plan is complex. Said Ellis: \"I doubt it works.\"", "I doubt",
         "Ellis", "Ellis", "Said", "cue-before"},
        /* a base form a few words after its subject */
        {"Ann Lee spoke at noon. She went on to say, \"The pier is late.\"",
         "The pier", "Ann Lee", "She", "say", "pronoun"},
        /* "as X put it", "as X said" */
        {"The plan was \"a bridge to nowhere,\" as the council memo put it.",
         "a bridge", "the council memo", "the council memo", "put it",
         "cue-after"},
        {"Rates will rise \"for some time,\" as Ann Lee said on Monday.",
         "for some", "Ann Lee", "Ann Lee", "said", "cue-after"},
        /* naming verbs */
        {"Tom Ray likened the rules to \"burning the harbour down.\"",
         "burning", "Tom Ray", "Tom Ray", "likened", "cue-before"},
        /* a clause opened by "when" names someone else */
        {"Ads show Tom Ray saying, \"That makes me smart,\" when Ann Lee "
         "blasted him.",
         "That makes", NULL, NULL, NULL, "none"},
        /* "I've" is no name */
        {"But I've got to ask you, because as \"The Daily Star said\", it "
         "matters.",
         "The Daily", NULL, NULL, NULL, "none"},
        /* the object of a preposition is no subject */
        {"In a message posted Friday, Tom Ray said he had \"areas of "
         "disagreement\" with Lee.",
         "he had", "Tom Ray", "Tom Ray", "said", "cue-before"},
        {"The board rated 32% of Republican claims as \"mostly false and "
         "misleading\" and moved on.",
         "mostly false", NULL, NULL, NULL, "none"},
        /* ... unless it is the source of a document */
        {"A statement from the Port Authority said, \"We will reopen.\"",
         "We will", "the Port Authority", "the Port Authority", "said",
         "cue-before"},
        /* ... or the agent */
        {"A statement sent by Reagan Ruiz, who joined the board last month, "
         "said \"We will obey the court.\"",
         "We will", "Reagan Ruiz", "Reagan Ruiz", "said", "cue-before"},
        /* the rest of an attribution names nobody new: the next quote
	 * continues its speaker */
        {"\"They did it before,\" said Jim Lowe, an expert at the Center "
         "for Strategic and International Studies, via email. \"They did "
         "it again.\"",
         "They did it again", "Jim Lowe", "Jim Lowe", "said", "continuation"},
        /* X told reporters */
        {"Ann Lee told reporters on Monday: \"The pier will open.\"",
         "The pier", "Ann Lee", "Ann Lee", "told", "cue-before"},
        {"\"The pier will open,\" Ann Lee told reporters.", "The pier",
         "Ann Lee", "Ann Lee", "told", "cue-after"},
        /* according to X */
        {"\"The pier will open,\" according to Ann Lee.", "The pier", "Ann Lee",
         "Ann Lee", "according to", "according-to"},
        /* "Q" -- X  and  "Q" ― X. */
        {"\"The pier will open in May.\" -- Ann Lee", "The pier", "Ann Lee",
         "Ann Lee", "-", "dash"},
        {"\"The pier will open in May.\" \xE2\x80\x95 Ann Lee.\n\nMore news.",
         "The pier", "Ann Lee", "Ann Lee", "\xE2\x80\x95", "dash"},
        /* a colon lead-in paragraph */
        {"And from Chairwoman Ann Lee:\n\n\"The pier will open in May.\"",
         "The pier", "Ann Lee", "Chairwoman Ann Lee", ":", "colon"},
        {"Ann Lee, the mayor, said on Monday:\n\n\"The pier will open.\"",
         "The pier", "Ann Lee", "Ann Lee", "said", "colon"},
        /* a participle */
        {"Ann Lee spoke for an hour, saying: \"The pier will open.\"",
         "The pier", "Ann Lee", "Ann Lee", "saying", "participle"},
        /* a colon after a subject with no cue */
        {"Ann Lee, the mayor, is more blunt: \"The pier is late.\"", "The pier",
         "Ann Lee", "Ann Lee", ":", "colon"},
        /* ", said," is the cue, not an appositive to skip */
        {"Sam Ortiz, who studies ports at the Centre for Trade, said, "
         "\"The pier is late.\"",
         "The pier", "Sam Ortiz", "Sam Ortiz", "said", "cue-before"},
        /* affiliations: "of the Centre for Port Studies" */
        {"\"The pier is late,\" Ann Lee of the Centre for Port Studies said.",
         "The pier", "Ann Lee", "Ann Lee", "said", "cue-after"},
        {"\"The pier is late,\" University of the Coast economist Ann Lee "
         "said.",
         "The pier", "Ann Lee", "University of the Coast economist Ann Lee",
         "said", "cue-after"},
        /* a parenthesis after the name */
        {"\"The pier is late,\" Rep. Ann Lee (D-Maine) said.", "The pier",
         "Ann Lee", "Rep. Ann Lee", "said", "cue-after"},
        /* traps found in review: a party in parentheses is no dateline; a
	 * one-word name before its cue is no common opener; after a quote
	 * ending in '!', "according to" and "as X put it" still link; a
	 * described group after a leading phrase; "pointed out to"; a
	 * whole name before "'s government"; a letter received is no cue */
        {"U.S. Sen. Ann Lee (R-Maine) said: \"We will fight this.\"", "We will",
         "Ann Lee", "U.S. Sen. Ann Lee", "said", "cue-before"},
        {"Beijing said in a statement: \"We oppose it.\"", "We oppose",
         "Beijing", "Beijing", "said", "cue-before"},
        {"\"We will not pay!\" according to the ministry.", "We will",
         "the ministry", "the ministry", "according to", "according-to"},
        {"\"It is a crisis!\" as the memo put it.", "It is", "the memo",
         "the memo", "put it", "cue-after"},
        {"\"We are pleased with the result,\" after the vote, city officials "
         "said.",
         "We are", "city officials", "city officials", "said", "role"},
        {"Ann Lee pointed out to reporters that \"the pier is closed.\"",
         "\"the pier", "Ann Lee", "Ann Lee", "pointed out", "cue-before"},
        {"\"We are ready,\" Tom Hardy's government said.", "We are",
         "Tom Hardy's government", "Tom Hardy's government", "said",
         "cue-after"},
        {"Mona Reyes received a letter saying \"your contract is over at the "
         "end of May.\"",
         "your contract", "Mona Reyes", "Mona Reyes", NULL, "subject"},
        /* describing words with a comma between them */
        {"\"The pier is late,\" the lanky, bespectacled professor said.",
         "The pier", "the lanky, bespectacled professor",
         "the lanky, bespectacled professor", "said", "role"},
        /* a described speaker after an inverted cue */
        {"\"Can we go to the pier?\" asks my youngest son.", "Can we",
         "my youngest son", "my youngest son", "asks", "cue-after"},
        /* the quote opens a clause that goes on past it */
        {"Ann Lee spoke.\n\n\"The roof held\" all night long, she said.",
         "The roof", "Ann Lee", "she", "said", "pronoun"},
        /* a quoted paragraph signed in the next one; a wire service's
	 * credit line is no signature */
        {"Readers wrote in.\n\n\"The pier must stay open.\"\n\n"
         "- Ann Lee, Portland.",
         "The pier", "Ann Lee", "Ann Lee", "-", "dash"},
        {"\"The pier must stay open.\"\n\n- Reuters.", "The pier", NULL, NULL,
         NULL, "none"},
        /* a digest's source line after a cue; a colon lead-in after a
	 * subordinate clause */
        {"Pollsters agree - Ann Lee: \"The pier poll was close.\"", "The pier",
         "Ann Lee", "Ann Lee", ":", "colon"},
        {"When Ann Lee retired in May, Mayor Tom Hardy released this "
         "statement:\n\n\"We thank her for her years at the pier.\"",
         "We thank", "Tom Hardy", "Mayor Tom Hardy", ":", "colon"},
        /* an -ing cue after the object of a cue or after a document is the
	 * subject's; a second leading phrase before the subject */
        {"The port director emailed staff saying: \"The pier is shut.\"",
         "The pier", "The port director", "The port director", "saying",
         "participle"},
        {"After a long, late-night meeting, the council sent voters a "
         "letter saying, \"Vote early.\"",
         "Vote early", "the council", "the council", "saying", "participle"},
        /* a described person, then what the person is of; not a phrase
	 * across "and" ("denounced her record as secretary of state and
	 * said") */
        {"Costs rose. As one veteran of the harbour building projects "
         "commented: \"I have never seen one come in on time.\"",
         "I have", "one veteran of the harbour building projects",
         "one veteran of the harbour building projects", "commented", "role"},
        {"Ann Lee attacked the plan, denounced his record as head of the "
         "port and said \"he should go.\"",
         "\"he should", "Ann Lee", "Ann Lee", "said", "cue-before"},
        /* "footage of X saying": the person shown speaking */
        {"The ad uses footage of Ann Lee asking, \"Why are we not ahead?\"",
         "Why are", "Ann Lee", "Ann Lee", "asking", "cue-before"},
        /* a relative clause with a cue of its own */
        {"\"The pier is late,\" Ann Lee, who has argued for a new pier "
         "for years, said.",
         "The pier", "Ann Lee", "Ann Lee", "said", "appositive"},
        /* a lowercase word before the name */
        {"\"The pier is late,\" said retired Army Lt. Gen. Ann Lee.",
         "The pier", "Ann Lee", "retired Army Lt. Gen. Ann Lee", "said",
         "cue-after"},
        {"\"The pier is late,\" state Sen. Ann Lee (D) said on Monday.",
         "The pier", "Ann Lee", "Sen. Ann Lee", "said", "cue-after"},
        /* "the" before an organisation's name */
        {"\"We will keep going,\" the ACU said in a statement.", "We will",
         "the ACU", "the ACU", "said", "cue-after"},
        /* a verb and its particle: one cue */
        {"\"The pier is late,\" Ann Lee went on.", "The pier", "Ann Lee",
         "Ann Lee", "went on", "cue-after"},
        {"Ann Lee spoke.\n\n\"The pier is late,\" she points out.", "The pier",
         "Ann Lee", "she", "points out", "pronoun"},
        {"\"Not a chance,\" Tom Ray shot back.", "Not a", "Tom Ray", "Tom Ray",
         "shot back", "cue-after"},
        {"Tom Ray pointed out that \"the pier is late.\"", "\"the pier",
         "Tom Ray", "Tom Ray", "pointed out", "cue-before"},
        /* more verbs of speech */
        {"\"Will the pier open in May?\" Tom Ray pressed.", "Will the",
         "Tom Ray", "Tom Ray", "pressed", "cue-after"},
        {"The plan is, as Ann Lee puts it, \"a bridge to nowhere.\"",
         "a bridge", "Ann Lee", "Ann Lee", "puts it", "cue-before"},
        {"\"We won!\" beamed Ann Lee.", "We won", "Ann Lee", "Ann Lee",
         "beamed", "cue-after"},
        /* "he's said": "he has said", no possessive */
        {"Tom Ray runs the port. Since May he's said the same thing: \"The "
         "pier is late.\"",
         "The pier", "Tom Ray", "he's", "said", "pronoun"},
        /* "with X calling it": the name is the participle's subject */
        {"The vote passed, with Ann Lee calling it \"a sad day.\"", "a sad",
         "Ann Lee", "Ann Lee", "calling", "cue-before"},
};

START_TEST(test_shape)
{
	const struct shape_case *sc = &shapes[_i];
	quoth_result *r = extract_with(ex, sc->text);
	size_t i, n = quoth_result_count(r), len;

	for (i = 0; i < n; i++) {
		const char *q = quoth_quote_str(r, i, QUOTH_FIELD_QUOTE, &len);
		if (q &&
		    strncmp(q, sc->quote_starts, strlen(sc->quote_starts)) == 0)
			break;
	}
	ck_assert_msg(i < n, "%s: no quote starting \"%s\"", sc->text,
	              sc->quote_starts);
	assert_field(r, i, QUOTH_FIELD_SPEAKER, sc->speaker, sc->text);
	assert_field(r, i, QUOTH_FIELD_MENTION, sc->mention, sc->text);
	assert_field(r, i, QUOTH_FIELD_CUE, sc->cue, sc->text);
	assert_field(r, i, QUOTH_FIELD_RULE, sc->rule, sc->text);
	quoth_result_free(r);
}
END_TEST

/* A pronoun or a role names the rule of a '+' pattern. */
/* No reported speech: a negated cue, a comparison. */
START_TEST(test_no_indirect)
{
	static const char *const texts[] = {
	        "The company did not say whether it agreed to the terms of "
	        "the deal.",
	        "The firm never told its workers that the plant would close "
	        "this year.",
	        "The costs are higher than city staff say they are in the "
	        "latest budget.",
	        /* "States" ends a name here: no cue */
	        "Exports from the United States rose sharply in the third "
	        "quarter.",
	};
	size_t i;

	for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		quoth_result *r = extract_with(ex, texts[i]);
		ck_assert_msg(quoth_result_count(r) == 0, "%s: %zu records",
		              texts[i], quoth_result_count(r));
		quoth_result_free(r);
	}
	/* "and said": the sentence's subject reports the clause */
	{
		const char *s = "Tom Ray, the rival, bemoaned the unrest in "
		                "Dover and said he thought that the police "
		                "were to blame.";
		quoth_result *r = extract_with(ex, s);
		ck_assert_uint_eq(quoth_result_count(r), 1);
		ck_assert_int_eq(quoth_quote_type(r, 0), QUOTH_INDIRECT);
		assert_field(r, 0, QUOTH_FIELD_SPEAKER, "Tom Ray", s);
		quoth_result_free(r);
	}
	/* ... while the plain statement is one */
	{
		const char *s = "The firm told its workers that the plant "
		                "would close this year.";
		quoth_result *r = extract_with(ex, s);
		ck_assert_uint_eq(quoth_result_count(r), 1);
		ck_assert_int_eq(quoth_quote_type(r, 0), QUOTH_INDIRECT);
		quoth_result_free(r);
	}
}
END_TEST

START_TEST(test_kind_names_rule)
{
	const char *s = "Ann Lee runs the port. \"We are busy,\" she said.";
	quoth_result *r = extract_with(ex, s);

	ck_assert_uint_eq(quoth_result_count(r), 1);
	assert_field(r, 0, QUOTH_FIELD_SPEAKER, "Ann Lee", s);
	assert_field(r, 0, QUOTH_FIELD_RULE, "pronoun", s);
	quoth_result_free(r);
}
END_TEST

/* ---- a patterns.txt of one's own ----------------------------------- */

static void
make_dir(char *dir, size_t n, const char *patterns)
{
	char path[512];
	const char *tmp = getenv("TMPDIR");
	FILE *f;

	snprintf(dir, n, "%s/quoth-pat-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/patterns.txt", dir);
	f = fopen(path, "wb");
	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(fputs(patterns, f) >= 0, 1);
	ck_assert_int_eq(fclose(f), 0);
}

static void
remove_dir(const char *dir)
{
	char path[512];

	snprintf(path, sizeof(path), "%s/patterns.txt", dir);
	unlink(path);
	rmdir(dir);
}

static quoth_status
load_patterns(const char *patterns, quoth_extractor **x, quoth_error *err)
{
	char dir[256];
	quoth_options opt;
	quoth_status st;

	make_dir(dir, sizeof(dir), patterns);
	quoth_options_init(&opt);
	opt.data_dir = dir;
	memset(err, 0, sizeof(*err));
	*x = NULL;
	st = quoth_extractor_new(&opt, x, err);
	remove_dir(dir);
	return st;
}

/* The shapes are data: a file with one byline pattern links a quote
 * followed by a bare name, which the built-in patterns leave alone, and
 * no longer links '"Q," said X'. */
START_TEST(test_data_dir_replaces_patterns)
{
	static const char pats[] =
	        "# a byline: \"Q,\" Ann Lee.\n"
	        "after\tbyline\t0\t^,?(?<sp>[Nn])(?=[._|]|$)\n";
	const char *byline = "\"The pier will open in May,\" Ann Lee.";
	const char *inverted = "\"The pier will open,\" said Ann Lee.";
	quoth_extractor *x;
	quoth_error err;
	quoth_result *r;

	r = extract_with(ex, byline);
	assert_field(r, 0, QUOTH_FIELD_SPEAKER, NULL, byline);
	quoth_result_free(r);

	ck_assert_int_eq(load_patterns(pats, &x, &err), QUOTH_OK);
	r = extract_with(x, byline);
	ck_assert_uint_eq(quoth_result_count(r), 1);
	assert_field(r, 0, QUOTH_FIELD_SPEAKER, "Ann Lee", byline);
	assert_field(r, 0, QUOTH_FIELD_RULE, "byline", byline);
	assert_field(r, 0, QUOTH_FIELD_CUE, NULL, byline);
	quoth_result_free(r);
	r = extract_with(x, inverted);
	assert_field(r, 0, QUOTH_FIELD_SPEAKER, NULL, inverted);
	quoth_result_free(r);
	quoth_extractor_free(x);
}
END_TEST

/* A pattern that backtracks without end meets PCRE2's match limit: the
 * quote is left unlinked, quickly. */
START_TEST(test_backtracking_is_bounded)
{
	static const char pats[] =
	        "after\tslow\t0\t^(?:(?:[^|]|[^|])*)*(?<sp>~)\n";
	const char *s = "\"The pier will open,\" said Ann Lee, who runs the "
	                "port, to the council on Monday in the town hall of "
	                "the old city by the sea near the big bridge.";
	quoth_extractor *x;
	quoth_error err;
	quoth_result *r;

	ck_assert_int_eq(load_patterns(pats, &x, &err), QUOTH_OK);
	r = extract_with(x, s);
	ck_assert_uint_eq(quoth_result_count(r), 1);
	assert_field(r, 0, QUOTH_FIELD_SPEAKER, NULL, s);
	quoth_result_free(r);
	quoth_extractor_free(x);
}
END_TEST

struct bad_case {
	const char *file;
	size_t line;
	const char *says;
};

static const struct bad_case bad[] = {
        {"# ok\nafter\tx\t0\t^(?<sp>N)\nabove\tx\t0\t^(?<sp>N)\n", 3,
         "side must be"},
        {"before\tx\t0\t^(?<sp>N\n", 1, "bad pattern"},
        {"after\tx\t0\t^N\n", 1, "(?<sp>"},
        {"after\tx\t0\n", 1, "four tab-separated fields"},
        {"after\tx\tten\t^(?<sp>N)\n", 1, "max-tokens"},
        {"after\tBig\t0\t^(?<sp>N)\n", 1, "rule name"},
        {"\n\nafter\tx\t0\t^(?<sp>N)\xff\n", 3, "invalid UTF-8"},
        /* a pattern that may match no chunk would link nothing sound */
        {"after\tx\t0\t(?<sp>[Nn])?$\n", 1, "no chunk at all"},
        {"after\tx\t0\t(?<=(?<sp>.))$\n", 1, "no chunk at all"},
        {"after\tabsorbed\t0\t^(?<sp>N)\n", 1, "quoth's own"},
        /* a letter outside the chunk alphabet would never match: an error,
	 * in or out of a character class, escaped or not */
        {"# ok\nafter\tx\t0\t^(?<sp>N)Z\n", 2, "'Z' is no chunk class"},
        {"after\tx\t0\t^(?<sp>[NnQ])\n", 1, "'Q' is no chunk class"},
        {"after\tx\t0\t^(?<sp>N)\\!\n", 1, "'!' is no chunk class"},
        {"after\tx\t0\t^(?<sp>N)(?=[,.|]|$){0,2}[^\"Y]\n", 1,
         "'Y' is no chunk class"},
        {"after\t-x\t0\t^(?<sp>N)\n", 1, "rule name"},
        {"after\t+\t0\t^(?<sp>N)\n", 1, "rule name"},
        {"after\tx\t0\t^(?<sp>N)\t# a note\n", 1, "a tab"},
        {"after\tx\t0\t^(?<sp>N) \n", 1, "space at the end"},
        {"after\tx\t0\t^\xc3\xa9(?<sp>N)\n", 1, "printable ASCII"},
        {"# only a comment\n  # and an indented one\n", 2, "no patterns"},
        {"", 1, "no patterns"},
};

START_TEST(test_bad_pattern_file)
{
	const struct bad_case *bc = &bad[_i];
	quoth_extractor *x;
	quoth_error err;
	char want[64];

	ck_assert_int_eq(load_patterns(bc->file, &x, &err), QUOTH_ERR_LEXICON);
	ck_assert_ptr_null(x);
	ck_assert_uint_eq(err.line, bc->line);
	snprintf(want, sizeof(want), "patterns.txt:%zu:", bc->line);
	ck_assert_msg(strstr(err.message, want) != NULL,
	              "\"%s\" does not name %s", err.message, want);
	ck_assert_msg(strstr(err.message, bc->says) != NULL,
	              "\"%s\" does not say \"%s\"", err.message, bc->says);
}
END_TEST

/* A bad regex is located at its column on the line. */
START_TEST(test_bad_pattern_column)
{
	quoth_extractor *x;
	quoth_error err;

	/* the missing ")" is looked for after the last column, 19: 20 */
	ck_assert_int_eq(load_patterns("before\tx\t0\t^(?<sp>N\n", &x, &err),
	                 QUOTH_ERR_LEXICON);
	ck_assert_uint_eq(err.line, 1);
	ck_assert_uint_eq(err.column, 20);
	ck_assert_ptr_nonnull(strstr(err.message, "patterns.txt:1:20:"));
	/* an unknown chunk letter is named at its column, 21 */
	ck_assert_int_eq(load_patterns("before\tx\t0\t^(?<sp>N)q\n", &x, &err),
	                 QUOTH_ERR_LEXICON);
	ck_assert_uint_eq(err.column, 21);
	ck_assert_ptr_nonnull(strstr(err.message, "patterns.txt:1:21:"));
}
END_TEST

/* The trace callback sees every window and the line that matched. */
static void
collect(void *arg, const char *line)
{
	char *buf = arg;
	size_t n = strlen(buf);

	snprintf(buf + n, 1024 - n, "%s\n", line);
}

START_TEST(test_trace)
{
	char buf[1024] = "";
	quoth_options opt;
	quoth_extractor *x = NULL;
	quoth_error err;
	quoth_result *r;

	quoth_options_init(&opt);
	opt.trace = collect;
	opt.trace_arg = buf;
	ck_assert_int_eq(quoth_extractor_new(&opt, &x, &err), QUOTH_OK);
	r = extract_with(x, "\"We are late,\" Ann Lee said.");
	quoth_result_free(r);
	quoth_extractor_free(x);
	ck_assert_msg(strstr(buf, "quote at byte 0, after: NV.") != NULL,
	              "trace: %s", buf);
	ck_assert_msg(strstr(buf, "(cue-after) matched") != NULL, "trace: %s",
	              buf);
}
END_TEST

/* The built-in file: every side has patterns, every pattern a speaker. */
START_TEST(test_builtin_patterns)
{
	lang_data ld;
	quoth_error err;
	size_t i, per[CP_SIDES_] = {0};

	ck_assert_int_eq(qt_lang_data_load(&ld, "en", NULL, &err), QUOTH_OK);
	for (i = 0; i < ld.pats.n; i++) {
		ck_assert_int_gt(ld.pats.p[i].g_sp, 0);
		per[ld.pats.p[i].side]++;
	}
	for (i = 0; i < CP_SIDES_; i++)
		ck_assert_uint_gt(per[i], 0);
	qt_lang_data_free(&ld);
	ck_assert_uint_eq(ld.pats.n, 0);
}
END_TEST

/* ---- the pre-filter (cuepat.c): no pattern is skipped that matches --- */

static const char chunk_alphabet[] = {
#define ALPHA_(id, letter, what) letter,
        CHUNK_CLASSES(ALPHA_)
#undef ALPHA_
};

/* A fixed random sequence (xorshift), the same on every run. */
static uint32_t
rnd(uint64_t *st)
{
	*st ^= *st << 13;
	*st ^= *st >> 7;
	*st ^= *st << 17;
	return (uint32_t)(*st >> 32);
}

/* p against s[0..n) from `from`: what the filtered, remembered match says
 * is what PCRE2 says, and the filter lets every match through.  Returns
 * PCRE2's answer. */
static int
same_answer(const cue_pattern *p, void *md, const char *s, size_t n,
            size_t from, const char *what)
{
	size_t want[6], got[6];
	int rw = qt_cuepat_match_plain(p, s, n, from, md, want);
	int rg = qt_cuepat_match(p, s, n, from, md, got);

	ck_assert_msg(rg == rw, "%s: \"%.*s\" from %zu: %d, PCRE2 says %d",
	              what, (int)n, s, from, rg, rw);
	if (rw > 0) {
		ck_assert_msg(qt_cuepat_may_match(p, s, n, from),
		              "%s: the filter skips \"%.*s\", which matches",
		              what, (int)n, s);
		ck_assert_msg(memcmp(want, got, sizeof(want)) == 0,
		              "%s: \"%.*s\": another span", what, (int)n, s);
	}
	return rw;
}

/* Chunk strings of the shapes of attribution, to start from: after a
 * quote ('"Q," said X', '"Q," X, a doctor, said'), before one ('X said:
 * "Q"'), a lead-in colon. */
static const char *const shape_seeds[] = {
        ",VN",   ".,AN",    "VwN.",    ".|-N",  ".NV",    ".Nv,w.", "N,nV",
        ",N,wV", "V#N",     "ww,VN.",  ",wNfb", ".wNV.",  "R&wV",   "DwwV",
        ",NaV",  ",HV",     "wN&nv",   ",VC",   "NV:",    ",VN",    "N,w,V",
        "Np,V",  "N,wV",    ".DwC",    "wNw:",  "wN:",    "wwRw:",  "wN:",
        "NvwG:", "N:",      ".VNa",    "NwGw",  "wwNbw:", "AN,w",   "DwwC",
        "NV.",   "|N,aV:",  ".NpaV,G", "Nfv",   "O,nfv",  ".N:",    "NRV",
        "VON.",  "wwW,NV.", "-N.",     ",Nwb",  ",SNV",   "NVw,wG", "Nwb:",
};

/* Every built-in pattern against those, strings a few edits away from
 * one that matched (the matches of a pattern are rare among random
 * strings) and random ones. */
START_TEST(test_filter_builtin)
{
	enum { POOL = 256, MAXLEN = 40 };
	static char pool[POOL][MAXLEN + 1];
	lang_data ld;
	quoth_error err;
	void *md = qt_cuepat_match_data();
	uint64_t st = 0x9e3779b97f4a7c15ull;
	size_t npool = 0, i, nhit = 0, *hits;
	int iter;

	ck_assert_ptr_nonnull(md);
	ck_assert_int_eq(qt_lang_data_load(&ld, "en", NULL, &err), QUOTH_OK);
	hits = calloc(ld.pats.n, sizeof(*hits));
	ck_assert_ptr_nonnull(hits);
	for (iter = 0; iter < 6000; iter++) {
		char s[MAXLEN + 16]; /* (room for JIT reads, as link.c) */
		size_t n, k, edits;
		bool matched = false;

		memset(s, 0, sizeof(s));

		if (iter <
		    (int)(sizeof(shape_seeds) / sizeof(shape_seeds[0]))) {
			strcpy(s, shape_seeds[iter]);
			n = strlen(s);
		} else if (npool && rnd(&st) % 4 != 0) {
			strcpy(s, pool[rnd(&st) % npool]);
			n = strlen(s);
			for (edits = 1 + rnd(&st) % 3; edits; edits--) {
				size_t at = n ? rnd(&st) % (n + 1) : 0;
				char ch = chunk_alphabet[rnd(&st) %
				                         sizeof(chunk_alphabet)];
				switch (rnd(&st) % 3) {
				case 0: /* insert */
					if (n == MAXLEN)
						break;
					memmove(s + at + 1, s + at, n - at + 1);
					s[at] = ch;
					n++;
					break;
				case 1: /* delete */
					if (at == n || n == 1)
						break;
					memmove(s + at, s + at + 1, n - at);
					n--;
					break;
				default: /* replace */
					if (at < n)
						s[at] = ch;
				}
			}
		} else {
			n = 1 + rnd(&st) % 12;
			for (k = 0; k < n; k++)
				s[k] = chunk_alphabet[rnd(&st) %
				                      sizeof(chunk_alphabet)];
			s[n] = '\0';
		}
		for (i = 0; i < ld.pats.n; i++) {
			if (same_answer(&ld.pats.p[i], md, s, n, 0,
			                "built-in") <= 0)
				continue;
			/* (and from the next chunk on, as link.c retries) */
			if (n > 1)
				same_answer(&ld.pats.p[i], md, s, n, 1,
				            "built-in");
			nhit += hits[i]++ == 0;
			matched = true;
		}
		if (matched)
			strcpy(pool[npool < POOL ? npool++ : rnd(&st) % POOL],
			       s);
	}
	/* the search reaches most patterns, or it tests little */
	ck_assert_msg(nhit * 4 >= ld.pats.n * 3, "%zu of %zu patterns matched",
	              nhit, ld.pats.n);
	free(hits);
	qt_lang_data_free(&ld);
	qt_cuepat_match_data_free(md);
}
END_TEST

/* Syntax the filter must read right or leave alone: each regex, the
 * strings it is tried on (every start offset), and one it must skip
 * ("" when none). */
/* Free a pattern compiled on its own (qt_cuepat_free() frees a list). */
static void
free_pattern(const cue_pattern *p)
{
	cue_patterns cp;

	cp.p = malloc(sizeof(*p));
	ck_assert_ptr_nonnull(cp.p);
	cp.p[0] = *p;
	cp.n = cp.cap = 1;
	qt_cuepat_free(&cp);
}

struct filter_case {
	const char *re;
	const char *subjects[4];
	const char *skipped;
};

static const struct filter_case filter_cases[] = {
        {"(?<sp>N)(?:v|V)", {"Nv", "NV", "wNVw", "vN"}, "Nw"},
        {"(?<sp>N)(?:v|)w", {"Nw", "Nvw", "vw", NULL}, "vw"},
        {"(?<sp>N)(?=v)", {"Nv", "N", "Nw", NULL}, "v"},
        {"(?<=v)(?<sp>N)", {"vN", "wN", "vvN", NULL}, "w"},
        {"(?<sp>N)(?![Vv])", {"N", "Nw", "Nv", NULL}, "v"},
        {"(?<!v)(?<sp>N)", {"N", "vN", "wN", NULL}, "v"},
        {"(?<sp>N)v{0}w?", {"N", "Nv", NULL, NULL}, "n"},
        {"(?<sp>N)(?<cue>v)?", {"N", "Nv", "v", NULL}, "v"},
        {"(?<sp>N)|(?<cue>v)", {"v", "N", "w", NULL}, "w"},
        {"(?<sp>N){2}(?:v{1,3}|w+)", {"NNv", "NNww", "NN", "Nv"}, "NNN"},
        /* a range, a negated class, ']' and '-' as members */
        {"(?<sp>[N-n])", {"R", "a", "N", "#"}, ""},
        {"(?<sp>[^v])", {"N", "v", "vw", NULL}, ""},
        {"(?<sp>[]N])", {"]", "N", "w", NULL}, "w"},
        {"(?<sp>[N-])", {"-", "N", "w", NULL}, "w"},
        /* escapes: punctuation is itself, \d or \Q not */
        {"(?<sp>N)\\.\\|", {"N.|", "N|", NULL, NULL}, "N|"},
        {"(?<sp>N)\\Qv\\E", {"Nv", "N", NULL, NULL}, ""},
        {"(?<sp>N)\\x76", {"Nv", "N", NULL, NULL}, ""},
        {"(?<sp>N)\\1", {"NN", "N", NULL, NULL}, ""},
        /* options, verbs, conditions and atomic groups */
        {"(?i)(?<sp>n)v", {"NV", "nv", "Nw", NULL}, ""},
        {"(?<sp>N)(?i:v)", {"NV", "Nv", "N", NULL}, ""},
        {"(?<sp>N(*ACCEPT)v)", {"N", "Nv", NULL, NULL}, ""},
        {"(?<sp>N)(?|v|w)", {"Nv", "Nw", "N", NULL}, ""},
        {"(?<sp>N)?(?(1)v|w)", {"Nv", "w", "N", NULL}, ""},
        {"(?<sp>N)(?>v+)", {"Nvv", "N", NULL, NULL}, ""},
        {"(?<sp>N)(?#note)v", {"Nv", "N", NULL, NULL}, ""},
        {"(?<sp>N)v{,2}", {"Nv{,2}", "N", NULL, NULL}, ""},
};

START_TEST(test_filter_syntax)
{
	const struct filter_case *fc = &filter_cases[_i];
	cue_pattern p;
	char what[200];
	size_t off, k, from;
	void *md = qt_cuepat_match_data();
	int round;

	memset(&p, 0, sizeof(p));
	ck_assert_msg(qt_cuepat_compile(&p, fc->re, strlen(fc->re), what,
	                                sizeof(what), &off),
	              "%s: %s", fc->re, what);
	/* (twenty rounds: interpreted at first, then JIT-compiled) */
	for (round = 0; round < 20; round++)
		for (k = 0; k < 4 && fc->subjects[k]; k++) {
			char s[32] = ""; /* (room for JIT reads) */

			ck_assert_uint_lt(strlen(fc->subjects[k]), 16);
			strcpy(s, fc->subjects[k]);
			for (from = 0; from <= strlen(s); from++)
				same_answer(&p, md, s, strlen(s), from, fc->re);
		}
	if (fc->skipped[0])
		ck_assert_msg(!qt_cuepat_may_match(&p, fc->skipped,
		                                   strlen(fc->skipped), 0),
		              "%s: \"%s\" is not skipped", fc->re, fc->skipped);
	free_pattern(&p);
	qt_cuepat_match_data_free(md);
}
END_TEST

/* A pattern that backtracks without end fails at the match limit the
 * same way interpreted and JIT-compiled, when the filter lets it run. */
START_TEST(test_filter_limit)
{
	static const char re[] = "^(?:(?:[^|]|[^|])*)*(?<sp>~)\\|";
	/* (room for JIT reads after the string) */
	static const char s[64] = "wwwwwwwwwwwwwwwwwwwwwwwwwwwwww~w|";
	cue_pattern p;
	char what[200];
	size_t off, span[6];
	void *md = qt_cuepat_match_data();
	int round;

	memset(&p, 0, sizeof(p));
	ck_assert(qt_cuepat_compile(&p, re, strlen(re), what, sizeof(what),
	                            &off));
	ck_assert(qt_cuepat_may_match(&p, s, strlen(s), 0));
	for (round = 0; round < 20; round++)
		ck_assert_int_eq(
		        qt_cuepat_match_plain(&p, s, strlen(s), 0, md, span),
		        -1);
	free_pattern(&p);
	qt_cuepat_match_data_free(md);
}
END_TEST

static Suite *
patterns_suite(void)
{
	Suite *s = suite_create("patterns");
	TCase *tc = tcase_create("patterns");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_loop_test(tc, test_shape, 0,
	                    (int)(sizeof(shapes) / sizeof(shapes[0])));
	tcase_add_test(tc, test_kind_names_rule);
	tcase_add_test(tc, test_no_indirect);
	tcase_add_test(tc, test_data_dir_replaces_patterns);
	tcase_add_test(tc, test_backtracking_is_bounded);
	tcase_add_loop_test(tc, test_bad_pattern_file, 0,
	                    (int)(sizeof(bad) / sizeof(bad[0])));
	tcase_add_test(tc, test_builtin_patterns);
	tcase_add_test(tc, test_bad_pattern_column);
	tcase_add_test(tc, test_trace);
	tcase_add_test(tc, test_filter_builtin);
	tcase_add_loop_test(
	        tc, test_filter_syntax, 0,
	        (int)(sizeof(filter_cases) / sizeof(filter_cases[0])));
	tcase_add_test(tc, test_filter_limit);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(patterns_suite());
	int failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
