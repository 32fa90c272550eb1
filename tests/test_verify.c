/*
 * test_verify.c: quotes against source transcripts (src/verify.c).
 *
 * Sources are written inline (fictional texts); quotes are checked with
 * quoth_verify_quote(), which needs no extraction, and with quoth_verify()
 * on a small extracted article.
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

	if (!ex)
		ck_assert_int_eq(quoth_extractor_new(NULL, &ex, &err),
		                 QUOTH_OK);
}

static void
teardown(void)
{
	quoth_extractor_free(ex);
	ex = NULL;
}

static quoth_sources *
sources1(const char *name, const char *text)
{
	quoth_sources *s = NULL;
	quoth_error err;

	ck_assert_int_eq(quoth_sources_new(&s), QUOTH_OK);
	ck_assert_int_eq(quoth_sources_add(s, name, text, strlen(text), &err),
	                 QUOTH_OK);
	return s;
}

/* Check `quote` (one verbatim span: the whole string) said by `speaker`. */
static quoth_check *
check1(quoth_sources *s, const char *quote, const char *speaker)
{
	size_t sp[2] = {0, strlen(quote)};
	quoth_check *c = NULL;
	quoth_error err;

	ck_assert_int_eq(quoth_verify_quote(ex, s, quote, sp[1], sp, 1, speaker,
	                                    speaker ? strlen(speaker) : 0, &c,
	                                    &err),
	                 QUOTH_OK);
	ck_assert_uint_eq(quoth_check_count(c), 1);
	return c;
}

static const char *
str(const quoth_check *c, quoth_check_field f)
{
	const char *s = quoth_check_str(c, 0, f, NULL);

	return s ? s : "(null)";
}

/* Status and diff of one quote against one source. */
static void
expect(const char *source, const char *quote, const char *speaker,
       quoth_verify_status st, const char *diff)
{
	quoth_sources *s = sources1("src.txt", source);
	quoth_check *c = check1(s, quote, speaker);

	ck_assert_msg(quoth_check_status(c, 0) == st,
	              "%s: status %s, expected %s (diff %s)", quote,
	              quoth_verify_status_name(quoth_check_status(c, 0)),
	              quoth_verify_status_name(st), str(c, QUOTH_CHECK_DIFF));
	if (diff)
		ck_assert_str_eq(str(c, QUOTH_CHECK_DIFF), diff);
	quoth_check_free(c);
	quoth_sources_free(s);
}

static const char transcript[] =
        "Briefing on the Harlow Valley barrier\n"
        "\n"
        "[00:00:05] MARGARET OKAFOR: Good morning, and thank you all for "
        "coming.\n"
        "We are here today because the river has flooded three times in five "
        "years.\n"
        "\n"
        "[00:00:21] Q: Minister, what will the new barrier cost?\n"
        "\n"
        "[00:00:25] MARGARET OKAFOR: The barrier will cost about forty million "
        "dollars, and every cent of it is an investment in the safety of this "
        "valley.\n"
        "[inaudible] We cannot keep rebuilding the same houses after every "
        "storm.\n"
        "\n"
        "[00:01:02] DANIEL REYES: They have not shown the council a single "
        "engineering report.\n"
        "Frankly, the people of this town deserve better than promises.\n"
        "\n"
        "[00:01:30] MARGARET OKAFOR: The reports will be published before the "
        "summer. (Applause.) Nobody will be left behind \xE2\x80\x94 not the "
        "farmers, not the shop owners, not the families on the east bank.\n"
        "\n"
        "[00:02:14] MARGARET OKAFOR: We are two months late, I'll admit that.\n"
        "[00:02:20] Q: Why?\n"
        "[00:02:22] MARGARET OKAFOR: Because the first contractor walked away. "
        "But the work has resumed, and the Government will finish it.\n";

/* ---- sources ------------------------------------------------------------ */

/* The words of source 0, as "word@line[label|time]" joined by spaces. */
static char *
dump_words(const quoth_sources *s, size_t i, const char *text)
{
	static char out[8192];
	size_t k, n = quoth_sources_nwords(s, i), o = 0;
	quoth_source_word w;

	out[0] = '\0';
	for (k = 0; k < n && o < sizeof out - 200; k++) {
		ck_assert(quoth_sources_word(s, i, k, &w));
		o += (size_t)snprintf(
		        out + o, sizeof out - o, "%s%.*s@%zu[%.*s|%.*s]",
		        k ? " " : "", (int)(w.end - w.start), text + w.start,
		        w.line, (int)w.label_len, w.label ? w.label : "",
		        (int)w.timestamp_len, w.timestamp ? w.timestamp : "");
	}
	return out;
}

START_TEST(plain_transcript_words)
{
	static const char t[] = "[00:12:31] HEGSETH: We will [inaudible] win.\n"
	                        "Q: Why? (Laughter.)\n"
	                        "00:12:40 HEGSETH: Because (DoD) says so. "
	                        "[crosstalk 00:12:45] Yes.\n";
	quoth_sources *s = sources1("t.txt", t);

	ck_assert_int_eq(quoth_sources_format(s, 0), QUOTH_SOURCE_PLAIN);
	ck_assert_str_eq(dump_words(s, 0, t),
	                 "We@1[HEGSETH|00:12:31] will@1[HEGSETH|00:12:31] "
	                 "win@1[HEGSETH|00:12:31] Why@2[Q|00:12:31] "
	                 "Because@3[HEGSETH|00:12:40] DoD@3[HEGSETH|00:12:40] "
	                 "says@3[HEGSETH|00:12:40] so@3[HEGSETH|00:12:40] "
	                 "Yes@3[HEGSETH|00:12:45]");
	quoth_sources_free(s);
}
END_TEST

START_TEST(plain_label_formats)
{
	/* rev.com, otter.ai, "Speaker 1", titles with dots, Q./A. */
	static const char t[] = "Pete Hegseth: (00:00)\n"
	                        "Thank you.\n"
	                        "Speaker 1  0:03\n"
	                        "Next question.\n"
	                        "Sec. Hegseth (through interpreter): Fine.\n"
	                        "Q. Really?\n"
	                        "He said: no.\n";
	quoth_sources *s = sources1("t.txt", t);

	ck_assert_str_eq(
	        dump_words(s, 0, t),
	        "Thank@2[Pete Hegseth|00:00] you@2[Pete Hegseth|00:00] "
	        "Next@4[Speaker 1|0:03] question@4[Speaker 1|0:03] "
	        "Fine@5[Sec. Hegseth|0:03] Really@6[Q|0:03] "
	        "He@7[Q|0:03] said@7[Q|0:03] no@7[Q|0:03]");
	quoth_sources_free(s);
}
END_TEST

START_TEST(one_label_is_not_a_transcript)
{
	/* a dateline is not a speaker turn */
	static const char t[] = "WASHINGTON: The secretary said on Monday.\n";
	quoth_sources *s = sources1("t.txt", t);

	ck_assert_str_eq(
	        dump_words(s, 0, t),
	        "The@1[|] secretary@1[|] said@1[|] on@1[|] Monday@1[|]");
	quoth_sources_free(s);
}
END_TEST

START_TEST(webvtt_words)
{
	static const char t[] =
	        "\xEF\xBB\xBFWEBVTT - hearing\r\n"
	        "Kind: captions\r\n"
	        "\r\n"
	        "NOTE a comment\r\n"
	        "that spans lines\r\n"
	        "\r\n"
	        "intro\r\n"
	        "00:00:01.000 --> 00:00:04.500 align:start\r\n"
	        "<v.loud Lena Brandt>Order, <i>please</i>.\r\n"
	        "\r\n"
	        "2\r\n"
	        "00:04.500 --> 00:09.000\r\n"
	        "<v Tomas Vidal>Ground &amp; rock<00:05.000> differ.\r\n";
	quoth_sources *s = sources1("h.vtt", t);

	ck_assert_int_eq(quoth_sources_format(s, 0), QUOTH_SOURCE_WEBVTT);
	ck_assert_str_eq(dump_words(s, 0, t),
	                 "Order@9[Lena Brandt|00:00:01.000] "
	                 "please@9[Lena Brandt|00:00:01.000] "
	                 "Ground@13[Tomas Vidal|00:04.500] "
	                 "rock@13[Tomas Vidal|00:04.500] "
	                 "differ@13[Tomas Vidal|00:04.500]");
	quoth_sources_free(s);
}
END_TEST

START_TEST(srt_words)
{
	static const char t[] = "1\n"
	                        "00:00:00,500 --> 00:00:03,000\n"
	                        "HOST: Welcome back.\n"
	                        "\n"
	                        "2\n"
	                        "00:00:03,000 --> 00:00:06,200\n"
	                        "INES CARVALHO: {\\an8}[laughs] It floats,\n"
	                        "- really.\n";
	quoth_sources *s = sources1("r.srt", t);

	ck_assert_int_eq(quoth_sources_format(s, 0), QUOTH_SOURCE_SRT);
	ck_assert_str_eq(
	        dump_words(s, 0, t),
	        "Welcome@3[HOST|00:00:00,500] back@3[HOST|00:00:00,500] "
	        "It@7[INES CARVALHO|00:00:03,000] "
	        "floats@7[INES CARVALHO|00:00:03,000] "
	        "really@8[|00:00:03,000]");
	quoth_sources_free(s);
}
END_TEST

START_TEST(words_and_invalid_utf8)
{
	static const char t[] = "don\xE2\x80\x99t U.S. 1,000 well-known a\xFF"
	                        "b 3.5%";
	quoth_sources *s = sources1("t.txt", t);

	ck_assert_str_eq(dump_words(s, 0, t),
	                 "don\xE2\x80\x99t@1[|] U.S@1[|] 1,000@1[|] well@1[|] "
	                 "known@1[|] a@1[|] b@1[|] 3.5@1[|]");
	quoth_sources_free(s);
}
END_TEST

START_TEST(empty_and_errors)
{
	quoth_sources *s = sources1("empty.txt", "");
	quoth_check *c = NULL;
	quoth_error err;
	size_t sp[2] = {0, 3};

	ck_assert_uint_eq(quoth_sources_count(s), 1);
	ck_assert_uint_eq(quoth_sources_nwords(s, 0), 0);
	ck_assert_str_eq(quoth_sources_name(s, 0), "empty.txt");
	ck_assert_ptr_null(quoth_sources_name(s, 1));
	c = check1(s, "We will win", NULL);
	ck_assert_int_eq(quoth_check_status(c, 0), QUOTH_VERIFY_MISSING);
	ck_assert_str_eq(str(c, QUOTH_CHECK_DIFF), "{+We will win+}");
	ck_assert(!quoth_check_source(c, 0, NULL, NULL, NULL, NULL));
	quoth_check_free(c);
	c = NULL;
	ck_assert_int_eq(
	        quoth_verify_quote(ex, s, "ab", 2, sp, 1, NULL, 0, &c, &err),
	        QUOTH_ERR_ARG);
	ck_assert_ptr_null(c);
	ck_assert_int_eq(
	        quoth_verify_quote(ex, NULL, "ab", 2, sp, 0, NULL, 0, &c, &err),
	        QUOTH_ERR_ARG);
	ck_assert_int_eq(quoth_sources_add(NULL, "x", "y", 1, &err),
	                 QUOTH_ERR_ARG);
	ck_assert_int_eq(quoth_sources_new(NULL), QUOTH_ERR_ARG);
	quoth_sources_free(s);
	quoth_sources_free(NULL);
	quoth_check_free(NULL);
	ck_assert_uint_eq(quoth_check_count(NULL), 0);
	ck_assert_ptr_null(quoth_check_str(NULL, 0, QUOTH_CHECK_DIFF, NULL));
}
END_TEST

/* ---- statuses ------------------------------------------------------------ */

START_TEST(exact)
{
	expect(transcript, "The barrier will cost about forty million dollars",
	       "Margaret Okafor", QUOTH_VERIFY_EXACT,
	       "The barrier will cost about forty million dollars");
}
END_TEST

START_TEST(typography_only)
{
	/* curly marks, an en dash for an em dash, a line break, NFKC
	 * (fullwidth letters, the fi ligature), the first letter's case */
	expect(transcript,
	       "nobody will be left behind \xE2\x80\x93 not the farmers,\n"
	       "not the shop owners",
	       NULL, QUOTH_VERIFY_EXACT, NULL);
	expect(transcript, "We are two months late, I\xE2\x80\x99ll admit that",
	       NULL, QUOTH_VERIFY_EXACT, NULL);
	expect(transcript,
	       "\xEF\xBD\x82\xEF\xBD\x95\xEF\xBD\x94 the work has resumed, and "
	       "the Government will \xEF\xAC\x81nish it",
	       NULL, QUOTH_VERIFY_EXACT, NULL);
}
END_TEST

START_TEST(case_beyond_first_letter)
{
	expect(transcript,
	       "the work has resumed, and the government will finish it", NULL,
	       QUOTH_VERIFY_ALTERED,
	       "the work has resumed, and the [-Government-] {+government+} "
	       "will "
	       "finish it");
	/* a source without lowercase letters does not judge case */
	expect("SPEAKER ONE: WE WILL WIN THIS RACE.\nSPEAKER TWO: NO.\n",
	       "We will win this race", NULL, QUOTH_VERIFY_EXACT, NULL);
}
END_TEST

START_TEST(one_word_changed)
{
	quoth_sources *s = sources1("src.txt", transcript);
	quoth_check *c = check1(s,
	                        "every cent of it is an investment in the "
	                        "security of this valley",
	                        NULL);

	ck_assert_int_eq(quoth_check_status(c, 0), QUOTH_VERIFY_ALTERED);
	ck_assert_str_eq(str(c, QUOTH_CHECK_DIFF),
	                 "every cent of it is an investment in the [-safety-] "
	                 "{+security+} of this valley");
	ck_assert_double_eq_tol(quoth_check_similarity(c, 0), 12.0 / 13.0,
	                        1e-9);
	ck_assert_str_eq(
	        str(c, QUOTH_CHECK_SOURCE_WORDS),
	        "every cent of it is an investment in the safety of this "
	        "valley.");
	quoth_check_free(c);
	quoth_sources_free(s);
}
END_TEST

START_TEST(word_changed_at_the_edges)
{
	/* the passage may start and end anywhere; a word replaced at either
	 * end is still named */
	expect(transcript, "money for the safety of this valley", NULL,
	       QUOTH_VERIFY_ALTERED,
	       "[-investment in-] {+money for+} the safety of this valley");
	expect(transcript, "We cannot keep rebuilding the same homes", NULL,
	       QUOTH_VERIFY_ALTERED,
	       "We cannot keep rebuilding the same [-houses-] {+homes+}");
}
END_TEST

START_TEST(house_style)
{
	static const char src[] = "SMITH: The U.S. Army spent $1,000 at 9 a.m. "
	                          "on Tuesday.\nJONES: Fine.\n";

	expect(src, "The US Army spent 1000 at 9 am on Tuesday", "Smith",
	       QUOTH_VERIFY_EXACT, NULL);
	expect(src, "The U.S. Army spent $1,000", NULL, QUOTH_VERIFY_EXACT,
	       NULL);
	expect(src, "The US Army spent 1001", NULL, QUOTH_VERIFY_ALTERED,
	       "The US Army spent [-1,000-] {+1001+}");
}
END_TEST

START_TEST(diff_keeps_the_text)
{
	/* punctuation and hyphenated words read as written */
	static const char src[] = "SMITH: It is a well-known fact, sadly.\n"
	                          "JONES: No.\n";

	expect(src, "It is a well-known fact", NULL, QUOTH_VERIFY_EXACT,
	       "It is a well-known fact");
	expect(src, "It is a well-known truth, sadly", NULL,
	       QUOTH_VERIFY_ALTERED,
	       "It is a well-known [-fact,-] {+truth,+} sadly");
}
END_TEST

START_TEST(word_dropped)
{
	expect(transcript,
	       "We cannot keep rebuilding the houses after every storm", NULL,
	       QUOTH_VERIFY_ALTERED,
	       "We cannot keep rebuilding the [-same-] houses after every "
	       "storm");
}
END_TEST

START_TEST(word_added)
{
	expect(transcript, "We simply cannot keep rebuilding the same houses",
	       NULL, QUOTH_VERIFY_ALTERED,
	       "We {+simply+} cannot keep rebuilding the same houses");
}
END_TEST

START_TEST(words_reordered)
{
	expect(transcript,
	       "The people of this town, frankly, deserve better than promises",
	       NULL, QUOTH_VERIFY_ALTERED,
	       "[-Frankly,-] The people of this town, {+frankly,+} deserve "
	       "better "
	       "than promises");
	expect(transcript, "We cannot keep rebuilding the houses same", NULL,
	       QUOTH_VERIFY_ALTERED, NULL);
}
END_TEST

START_TEST(sentences_joined)
{
	/* adjacent in the source, across a line break: exact */
	expect(transcript,
	       "Good morning, and thank you all for coming. We are here today "
	       "because the river has flooded three times in five years.",
	       NULL, QUOTH_VERIFY_EXACT, NULL);
	/* far apart and in the other order: altered, the join marked */
	expect(transcript,
	       "The reports will be published before the summer. We cannot "
	       "keep "
	       "rebuilding the same houses after every storm.",
	       NULL, QUOTH_VERIFY_ALTERED,
	       "The reports will be published before the summer. "
	       "[-\xE2\x80\xA6-] "
	       "We cannot keep rebuilding the same houses after every storm.");
	/* a few words apart: the cut words are named */
	expect(transcript,
	       "The barrier will cost about forty million dollars. Every cent "
	       "of "
	       "it is an investment in the safety of this valley.",
	       NULL, QUOTH_VERIFY_ALTERED,
	       "The barrier will cost about forty million dollars. [-and-] "
	       "Every "
	       "cent of it is an investment in the safety of this valley.");
}
END_TEST

START_TEST(ellipsis)
{
	quoth_sources *s = sources1("src.txt", transcript);
	quoth_check *c = check1(
	        s,
	        "The barrier will cost about forty million "
	        "dollars ... an investment in the safety of this "
	        "valley",
	        NULL);

	ck_assert_int_eq(quoth_check_status(c, 0), QUOTH_VERIFY_ELIDED);
	ck_assert_double_eq(quoth_check_similarity(c, 0), 1.0);
	ck_assert_str_eq(str(c, QUOTH_CHECK_SOURCE_WORDS),
	                 "The barrier will cost about forty million dollars, "
	                 "\xE2\x80\xA6 an investment in the safety of this "
	                 "valley.");
	quoth_check_free(c);
	/* the Unicode ellipsis, and a bracketed one */
	c = check1(s,
	           "We are here today \xE2\x80\xA6 three times in five years",
	           NULL);
	ck_assert_int_eq(quoth_check_status(c, 0), QUOTH_VERIFY_ELIDED);
	quoth_check_free(c);
	c = check1(s, "We are here today [...] three times in five years",
	           NULL);
	ck_assert_int_eq(quoth_check_status(c, 0), QUOTH_VERIFY_ELIDED);
	quoth_check_free(c);
	/* an ellipsis that hides nothing (a trailing-off) is exact */
	c = check1(s, "We are here today because... the river has flooded",
	           NULL);
	ck_assert_int_eq(quoth_check_status(c, 0), QUOTH_VERIFY_EXACT);
	quoth_check_free(c);
	/* a short piece far after the first: the one after it is taken */
	c = check1(s, "Good morning ... the families", NULL);
	ck_assert_int_eq(quoth_check_status(c, 0), QUOTH_VERIFY_ELIDED);
	ck_assert_str_eq(str(c, QUOTH_CHECK_TIMESTAMP), "00:00:05");
	quoth_check_free(c);
	/* pieces out of order are not an ellipsis */
	c = check1(s, "three times in five years ... We are here today", NULL);
	ck_assert_int_eq(quoth_check_status(c, 0), QUOTH_VERIFY_ALTERED);
	quoth_check_free(c);
	quoth_sources_free(s);
}
END_TEST

START_TEST(bracketed_insertion)
{
	expect(transcript,
	       "[The ministry] have not shown the council a single engineering "
	       "report",
	       NULL, QUOTH_VERIFY_ELIDED,
	       "[-They-] {+[The ministry]+} have not shown the council a "
	       "single "
	       "engineering report");
	expect(transcript, "[The reports] will be published before the summer",
	       NULL, QUOTH_VERIFY_ELIDED, NULL);
	expect(transcript, "[W]e cannot keep rebuilding the same houses", NULL,
	       QUOTH_VERIFY_ELIDED, NULL);
	expect(transcript,
	       "Nobody [in Harlow] will be left behind \xE2\x80\x94 not the "
	       "farmers",
	       NULL, QUOTH_VERIFY_ELIDED, NULL);
}
END_TEST

START_TEST(two_turns_same_speaker)
{
	quoth_sources *s = sources1("src.txt", transcript);
	quoth_check *c = check1(
	        s,
	        "We are two months late, I'll admit that. Because "
	        "the first contractor walked away.",
	        "Margaret Okafor");
	size_t line;

	ck_assert_int_eq(quoth_check_status(c, 0), QUOTH_VERIFY_EXACT);
	ck_assert(!quoth_check_speaker_mismatch(c, 0));
	ck_assert_str_eq(str(c, QUOTH_CHECK_SPEAKER_LABEL), "MARGARET OKAFOR");
	ck_assert_str_eq(str(c, QUOTH_CHECK_TIMESTAMP), "00:02:14");
	ck_assert(quoth_check_source(c, 0, NULL, NULL, NULL, &line));
	ck_assert_uint_eq(line, 16);
	quoth_check_free(c);
	quoth_sources_free(s);
}
END_TEST

START_TEST(wrong_speaker)
{
	quoth_sources *s = sources1("src.txt", transcript);
	quoth_check *c;

	/* Reyes said it, the article gives it to Okafor */
	c = check1(
	        s,
	        "They have not shown the council a single engineering report",
	        "Margaret Okafor");
	ck_assert_int_eq(quoth_check_status(c, 0), QUOTH_VERIFY_EXACT);
	ck_assert(quoth_check_speaker_mismatch(c, 0));
	ck_assert_str_eq(str(c, QUOTH_CHECK_SPEAKER_LABEL), "DANIEL REYES");
	quoth_check_free(c);
	/* surname alone, and a title, name the same person */
	c = check1(
	        s,
	        "They have not shown the council a single engineering report",
	        "Reyes");
	ck_assert(!quoth_check_speaker_mismatch(c, 0));
	quoth_check_free(c);
	c = check1(
	        s,
	        "They have not shown the council a single engineering report",
	        "Councillor Dan Reyes");
	ck_assert(!quoth_check_speaker_mismatch(c, 0));
	quoth_check_free(c);
	/* a question put by a reporter, given to the minister */
	c = check1(s, "what will the new barrier cost", "Margaret Okafor");
	ck_assert(quoth_check_speaker_mismatch(c, 0));
	quoth_check_free(c);
	/* no speaker in the article: nothing to compare */
	c = check1(
	        s,
	        "They have not shown the council a single engineering report",
	        NULL);
	ck_assert(!quoth_check_speaker_mismatch(c, 0));
	quoth_check_free(c);
	quoth_sources_free(s);
	/* labels that name nobody never differ */
	s = sources1("t.txt", "Speaker 1: We will win.\nSpeaker 2: Sure.\n"
	                      "THE PRESIDENT: Thank you all.\nQ: Why?\n");
	c = check1(s, "We will win", "Pete Hegseth");
	ck_assert(!quoth_check_speaker_mismatch(c, 0));
	quoth_check_free(c);
	c = check1(s, "Thank you all", "Joe Biden");
	ck_assert(!quoth_check_speaker_mismatch(c, 0));
	quoth_check_free(c);
	quoth_sources_free(s);
}
END_TEST

START_TEST(missing)
{
	quoth_sources *s = sources1("src.txt", transcript);
	quoth_check *c = check1(s, "We will build a second barrier next year",
	                        NULL);

	ck_assert_int_eq(quoth_check_status(c, 0), QUOTH_VERIFY_MISSING);
	ck_assert(quoth_check_similarity(c, 0) < 0.5);
	ck_assert_ptr_null(quoth_check_str(c, 0, QUOTH_CHECK_SOURCE, NULL));
	ck_assert_str_eq(str(c, QUOTH_CHECK_DIFF),
	                 "{+We will build a second barrier next year+}");
	quoth_check_free(c);
	/* half the words changed is below 0.5 */
	c = check1(s, "The dam could cost about sixty billion euros", NULL);
	ck_assert_int_eq(quoth_check_status(c, 0), QUOTH_VERIFY_MISSING);
	quoth_check_free(c);
	quoth_sources_free(s);
}
END_TEST

START_TEST(partial_quote)
{
	expect(transcript, "an investment in the safety of this valley", NULL,
	       QUOTH_VERIFY_EXACT, NULL);
	expect(transcript, "Investment", NULL, QUOTH_VERIFY_EXACT, NULL);
	expect(transcript, "deserve better", NULL, QUOTH_VERIFY_EXACT, NULL);
}
END_TEST

START_TEST(split_quote_worst_part)
{
	static const char art[] = "\"The barrier will cost about forty million "
	                          "dollars,\" she said, "
	                          "\"and every cent of it is an investment in "
	                          "the security of this "
	                          "valley.\"";
	quoth_sources *s = sources1("src.txt", transcript);
	quoth_check *c = NULL;
	quoth_error err;
	size_t sp[4], nparts, start, end, src;

	sp[0] = 1;
	sp[1] = strlen("\"The barrier will cost about forty million dollars,");
	sp[2] = (size_t)(strstr(art, "and every") - art);
	sp[3] = strlen(art) - 1;
	ck_assert_int_eq(quoth_verify_quote(ex, s, art, strlen(art), sp, 2,
	                                    NULL, 0, &c, &err),
	                 QUOTH_OK);
	ck_assert_int_eq(quoth_check_status(c, 0), QUOTH_VERIFY_ALTERED);
	ck_assert_uint_eq(quoth_check_part(c, 0, &nparts), 1);
	ck_assert_uint_eq(nparts, 2);
	ck_assert_str_eq(
	        str(c, QUOTH_CHECK_DIFF),
	        "The barrier will cost about forty million dollars, | and "
	        "every cent of it is an investment in the [-safety-] "
	        "{+security+} of this valley.");
	ck_assert(quoth_check_source(c, 0, &src, &start, &end, NULL));
	ck_assert_uint_eq(src, 0);
	ck_assert_uint_eq(start, (size_t)(strstr(transcript, "The barrier") -
	                                  transcript));
	ck_assert_uint_eq(
	        end, (size_t)(strstr(transcript, "this valley.") - transcript) +
	                     strlen("this valley"));
	quoth_check_free(c);
	quoth_sources_free(s);
}
END_TEST

START_TEST(several_sources)
{
	quoth_sources *s = sources1("a.txt", "Nothing to see here at all.");
	quoth_check *c;
	quoth_error err;
	size_t src;

	ck_assert_int_eq(quoth_sources_add(s, "b.txt", transcript,
	                                   strlen(transcript), &err),
	                 QUOTH_OK);
	c = check1(s, "the river has flooded three times", NULL);
	ck_assert_int_eq(quoth_check_status(c, 0), QUOTH_VERIFY_EXACT);
	ck_assert(quoth_check_source(c, 0, &src, NULL, NULL, NULL));
	ck_assert_uint_eq(src, 1);
	ck_assert_str_eq(str(c, QUOTH_CHECK_SOURCE), "b.txt");
	quoth_check_free(c);
	/* a source added after a check is indexed for the next one */
	ck_assert_int_eq(quoth_sources_add(s, "c.vtt",
	                                   "WEBVTT\n\n00:01.000 --> 00:02.000\n"
	                                   "<v Ann>Brand new words here.\n",
	                                   strlen("WEBVTT\n\n00:01.000 --> "
	                                          "00:02.000\n<v Ann>Brand new "
	                                          "words here.\n"),
	                                   &err),
	                 QUOTH_OK);
	c = check1(s, "brand new words", "Ann Lee");
	ck_assert_int_eq(quoth_check_status(c, 0), QUOTH_VERIFY_EXACT);
	ck_assert_str_eq(str(c, QUOTH_CHECK_SOURCE), "c.vtt");
	ck_assert_str_eq(str(c, QUOTH_CHECK_TIMESTAMP), "00:01.000");
	ck_assert(!quoth_check_speaker_mismatch(c, 0));
	quoth_check_free(c);
	quoth_sources_free(s);
}
END_TEST

START_TEST(verify_extracted_article)
{
	static const char art[] =
	        "Environment Minister Margaret Okafor spoke on Monday.\n\n"
	        "\"The barrier will cost about forty million dollars,\" Okafor "
	        "said.\n\n"
	        "Okafor said the valley had flooded three times.\n\n"
	        "\"We will build a second barrier next year,\" she added.\n";
	quoth_sources *s = sources1("src.txt", transcript);
	quoth_result *r = NULL;
	quoth_check *c = NULL;
	quoth_error err;
	size_t i, n, seen = 0;

	ck_assert_int_eq(quoth_extract(ex, art, strlen(art), &r, &err),
	                 QUOTH_OK);
	ck_assert_int_eq(quoth_verify(ex, s, art, strlen(art), r, 0, &c, &err),
	                 QUOTH_OK);
	n = quoth_check_count(c);
	ck_assert_uint_eq(n, quoth_result_count(r));
	for (i = 0; i < n; i++) {
		const char *q = quoth_quote_str(r, i, QUOTH_FIELD_QUOTE, NULL);
		quoth_verify_status st = quoth_check_status(c, i);
		if (quoth_quote_type(r, i) == QUOTH_INDIRECT) {
			ck_assert_int_eq(st, QUOTH_VERIFY_INDIRECT);
			ck_assert(quoth_check_similarity(c, i) < 0);
			seen |= 1;
		} else if (strstr(q, "forty million")) {
			ck_assert_int_eq(st, QUOTH_VERIFY_EXACT);
			seen |= 2;
		} else if (strstr(q, "second barrier")) {
			ck_assert_int_eq(st, QUOTH_VERIFY_MISSING);
			seen |= 4;
		}
	}
	ck_assert_uint_eq(seen, 7);
	quoth_check_free(c);
	/* --all judges the indirect quote too */
	ck_assert_int_eq(quoth_verify(ex, s, art, strlen(art), r,
	                              QUOTH_VERIFY_ALL, &c, &err),
	                 QUOTH_OK);
	for (i = 0; i < n; i++)
		ck_assert_int_ne(quoth_check_status(c, i),
		                 QUOTH_VERIFY_INDIRECT);
	quoth_check_free(c);
	c = NULL;
	/* a result from another text is refused */
	ck_assert_int_eq(quoth_verify(ex, s, art, 10, r, 0, &c, &err),
	                 QUOTH_ERR_ARG);
	ck_assert_ptr_null(c);
	quoth_result_free(r);
	quoth_sources_free(s);
}
END_TEST

/* ---- size and pathology ---------------------------------------------------- */

START_TEST(long_quote)
{
	/* longer than one alignment chunk: still exact, and one word changed
	 * deep inside is found */
	char *src = malloc(200000), *q;
	size_t n = 0, i;
	quoth_sources *s;
	quoth_check *c;

	ck_assert_ptr_nonnull(src);
	for (i = 0; i < 1500; i++)
		n += (size_t)snprintf(src + n, 200000 - n, "word%zu ", i);
	s = sources1("long.txt", src);
	q = strdup(src + strlen("word0 word1 "));
	ck_assert_ptr_nonnull(q);
	q[strlen(q) - strlen("word1499 ")] = '\0';
	c = check1(s, q, NULL);
	ck_assert_int_eq(quoth_check_status(c, 0), QUOTH_VERIFY_EXACT);
	quoth_check_free(c);
	memcpy(strstr(q, "word700 "), "wordXYZ", 7);
	c = check1(s, q, NULL);
	ck_assert_int_eq(quoth_check_status(c, 0), QUOTH_VERIFY_ALTERED);
	ck_assert_ptr_nonnull(
	        strstr(str(c, QUOTH_CHECK_DIFF), "[-word700-] {+wordXYZ+}"));
	quoth_check_free(c);
	free(q);
	free(src);
	quoth_sources_free(s);
}
END_TEST

START_TEST(common_words_only)
{
	/* a big source of the same few words and a quote made of them: the
	 * index lists are huge, the work must stay bounded */
	size_t len = 4u << 20, n = 0;
	char *src = malloc(len + 64);
	quoth_sources *s;
	quoth_check *c;

	ck_assert_ptr_nonnull(src);
	while (n + 40 < len)
		n += (size_t)snprintf(src + n, len - n,
		                      "it is what it is and so on. ");
	snprintf(src + n, 64, "so it is and what on it");
	s = sources1("big.txt", src);
	c = check1(s, "so it is and what on it", NULL);
	ck_assert_int_eq(quoth_check_status(c, 0), QUOTH_VERIFY_EXACT);
	quoth_check_free(c);
	c = check1(s, "on so what it and", NULL);
	ck_assert_int_ne(quoth_check_status(c, 0), QUOTH_VERIFY_INDIRECT);
	quoth_check_free(c);
	free(src);
	quoth_sources_free(s);
}
END_TEST

START_TEST(pathological_sources)
{
	/* unclosed brackets, endless labels, timing lines without cues, a
	 * line of colons: nothing crashes and nothing is lost */
	size_t len = 1u << 20, i;
	char *t = malloc(len);
	quoth_sources *s;
	quoth_error err;
	const char *pat[] = {
	        "[[[[ ", "A: ", "00:00 --> ", "::::", "<v ", "(((( ", "&&&& "};

	ck_assert_ptr_nonnull(t);
	for (i = 0; i < sizeof pat / sizeof pat[0]; i++) {
		size_t k, pl = strlen(pat[i]);
		for (k = 0; k + pl <= len; k += pl)
			memcpy(t + k, pat[i], pl);
		ck_assert_int_eq(quoth_sources_new(&s), QUOTH_OK);
		ck_assert_int_eq(quoth_sources_add(s, "p", t, k, &err),
		                 QUOTH_OK);
		ck_assert_int_eq(quoth_sources_index(s, &err), QUOTH_OK);
		quoth_sources_free(s);
	}
	free(t);
}
END_TEST

START_TEST(pathological_quotes)
{
	/* 64 KiB quotes: all brackets, thousands of short sentences, all
	 * ellipses; each must finish quickly (the Meson timeout) */
	const char *pat[] = {"[a] ", "We cannot keep. ", "... ", "the "};
	size_t len = 64 * 1024, i;
	char *q = malloc(len + 1);
	quoth_sources *s = sources1("src.txt", transcript);
	quoth_check *c;

	ck_assert_ptr_nonnull(q);
	for (i = 0; i < sizeof pat / sizeof pat[0]; i++) {
		size_t k, pl = strlen(pat[i]);
		for (k = 0; k + pl <= len; k += pl)
			memcpy(q + k, pat[i], pl);
		q[k] = '\0';
		c = check1(s, q, NULL);
		ck_assert_int_ne(quoth_check_status(c, 0),
		                 QUOTH_VERIFY_INDIRECT);
		quoth_check_free(c);
	}
	free(q);
	quoth_sources_free(s);
}
END_TEST

static Suite *
verify_suite(void)
{
	Suite *s = suite_create("verify");
	TCase *tc;

	tc = tcase_create("sources");
	tcase_add_unchecked_fixture(tc, setup, teardown);
	tcase_add_test(tc, plain_transcript_words);
	tcase_add_test(tc, plain_label_formats);
	tcase_add_test(tc, one_label_is_not_a_transcript);
	tcase_add_test(tc, webvtt_words);
	tcase_add_test(tc, srt_words);
	tcase_add_test(tc, words_and_invalid_utf8);
	tcase_add_test(tc, empty_and_errors);
	suite_add_tcase(s, tc);

	tc = tcase_create("statuses");
	tcase_add_unchecked_fixture(tc, setup, teardown);
	tcase_add_test(tc, exact);
	tcase_add_test(tc, typography_only);
	tcase_add_test(tc, case_beyond_first_letter);
	tcase_add_test(tc, one_word_changed);
	tcase_add_test(tc, word_changed_at_the_edges);
	tcase_add_test(tc, house_style);
	tcase_add_test(tc, diff_keeps_the_text);
	tcase_add_test(tc, word_dropped);
	tcase_add_test(tc, word_added);
	tcase_add_test(tc, words_reordered);
	tcase_add_test(tc, sentences_joined);
	tcase_add_test(tc, ellipsis);
	tcase_add_test(tc, bracketed_insertion);
	tcase_add_test(tc, two_turns_same_speaker);
	tcase_add_test(tc, wrong_speaker);
	tcase_add_test(tc, missing);
	tcase_add_test(tc, partial_quote);
	tcase_add_test(tc, split_quote_worst_part);
	tcase_add_test(tc, several_sources);
	tcase_add_test(tc, verify_extracted_article);
	suite_add_tcase(s, tc);

	tc = tcase_create("limits");
	tcase_add_unchecked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, long_quote);
	tcase_add_test(tc, common_words_only);
	tcase_add_test(tc, pathological_sources);
	tcase_add_test(tc, pathological_quotes);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(verify_suite());
	int failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
