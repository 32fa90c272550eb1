/*
 * test_tokenize.c: qt_tokenize() byte spans, kinds, flags, paragraphs and the
 * invalid-UTF-8 count.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "private.h"

/* Tokenize a NUL-terminated string (skipping `skip` bytes). */
static void
tok(token_list *tl, const char *s, size_t skip)
{
	memset(tl, 0, sizeof(*tl));
	ck_assert(qt_tokenize(s, strlen(s), skip, tl));
}

/* Index of the first token whose text is exactly `w`; fails if none. */
static size_t
find(const token_list *tl, const char *s, const char *w)
{
	size_t i, n = strlen(w);

	for (i = 0; i < tl->n; i++)
		if (tl->t[i].end - tl->t[i].start == n &&
		    memcmp(s + tl->t[i].start, w, n) == 0)
			return i;
	ck_abort_msg("no token \"%s\" in \"%s\"", w, s);
	return 0;
}

/* Number of tokens of a kind. */
static size_t
count_kind(const token_list *tl, enum tok_kind k)
{
	size_t i, c = 0;

	for (i = 0; i < tl->n; i++)
		if (tl->t[i].kind == k)
			c++;
	return c;
}

START_TEST(test_words_numbers_punct_spans)
{
	const char *s = "Rain fell, 12 mm.";
	token_list tl;

	tok(&tl, s, 0);
	ck_assert_uint_eq(tl.n, 6);
	ck_assert_uint_eq(tl.t[0].kind, TK_WORD);
	ck_assert_uint_eq(tl.t[0].start, 0);
	ck_assert_uint_eq(tl.t[0].end, 4);
	ck_assert_uint_eq(tl.t[1].kind, TK_WORD);
	ck_assert_uint_eq(tl.t[1].start, 5);
	ck_assert_uint_eq(tl.t[1].end, 9);
	ck_assert_uint_eq(tl.t[2].kind, TK_PUNCT);
	ck_assert_uint_eq(tl.t[2].start, 9);
	ck_assert_uint_eq(tl.t[2].end, 10);
	ck_assert_int_eq(tl.t[2].cp, ',');
	ck_assert(!(tl.t[2].flags & TF_SPACE_BEFORE));
	ck_assert(tl.t[2].flags & TF_SPACE_AFTER);
	ck_assert_uint_eq(tl.t[3].kind, TK_NUM);
	ck_assert_uint_eq(tl.t[3].start, 11);
	ck_assert_uint_eq(tl.t[3].end, 13);
	ck_assert(tl.t[3].flags & TF_HAS_DIGIT);
	ck_assert_uint_eq(tl.t[4].kind, TK_WORD);
	ck_assert_uint_eq(tl.t[5].kind, TK_PUNCT);
	ck_assert_uint_eq(tl.t[5].start, 16);
	ck_assert_uint_eq(tl.t[5].end, 17);
	ck_assert_uint_eq(tl.nparas, 1);
	qt_token_list_free(&tl);
}
END_TEST

START_TEST(test_multibyte_word_span)
{
	/* é is two bytes, ö two: spans are bytes, not code points */
	const char *s = "café Köln";
	token_list tl;

	tok(&tl, s, 0);
	ck_assert_uint_eq(tl.n, 2);
	ck_assert_uint_eq(tl.t[0].start, 0);
	ck_assert_uint_eq(tl.t[0].end, 5);
	ck_assert_uint_eq(tl.t[1].start, 6);
	ck_assert_uint_eq(tl.t[1].end, 11);
	ck_assert(tl.t[1].flags & TF_CAP);
	qt_token_list_free(&tl);
}
END_TEST

START_TEST(test_internal_apostrophes)
{
	const char *s = "Ukraine’s envoy shouldn’t leave; Spain's won't.";
	token_list tl;
	size_t i;

	tok(&tl, s, 0);
	i = find(&tl, s, "Ukraine’s");
	ck_assert_uint_eq(tl.t[i].kind, TK_WORD);
	i = find(&tl, s, "shouldn’t");
	ck_assert_uint_eq(tl.t[i].kind, TK_WORD);
	i = find(&tl, s, "Spain's");
	ck_assert_uint_eq(tl.t[i].kind, TK_WORD);
	i = find(&tl, s, "won't");
	ck_assert_uint_eq(tl.t[i].kind, TK_WORD);
	ck_assert_uint_eq(count_kind(&tl, TK_QUOTE), 0);
	qt_token_list_free(&tl);
}
END_TEST

START_TEST(test_decade_elisions)
{
	const char *s = "music of the ’90s and the class of ‘08 and '70s";
	token_list tl;
	size_t i;

	tok(&tl, s, 0);
	i = find(&tl, s, "’90s");
	ck_assert_uint_eq(tl.t[i].kind, TK_WORD);
	ck_assert(tl.t[i].flags & TF_HAS_DIGIT);
	i = find(&tl, s, "‘08");
	ck_assert_uint_eq(tl.t[i].kind, TK_WORD);
	i = find(&tl, s, "'70s");
	ck_assert_uint_eq(tl.t[i].kind, TK_WORD);
	ck_assert_uint_eq(count_kind(&tl, TK_QUOTE), 0);
	qt_token_list_free(&tl);
}
END_TEST

START_TEST(test_final_apostrophe_stays_quote_candidate)
{
	const char *s = "the farmers' market";
	token_list tl;
	size_t i;

	tok(&tl, s, 0);
	ck_assert_uint_eq(tl.n, 4);
	i = find(&tl, s, "farmers");
	ck_assert_uint_eq(tl.t[i].kind, TK_WORD);
	ck_assert_uint_eq(tl.t[i + 1].kind, TK_QUOTE);
	ck_assert_uint_eq(tl.t[i + 1].start, 11);
	ck_assert_uint_eq(tl.t[i + 1].end, 12);
	ck_assert_int_eq(qt_quote_marks[tl.t[i + 1].mark].cp, '\'');
	ck_assert(!(tl.t[i + 1].flags & TF_SPACE_BEFORE));
	qt_token_list_free(&tl);
}
END_TEST

START_TEST(test_rock_n_roll)
{
	const char *s = "rock ’n’ roll and rock 'n' roll";
	token_list tl;
	size_t i;

	tok(&tl, s, 0);
	i = find(&tl, s, "’n’");
	ck_assert_uint_eq(tl.t[i].kind, TK_WORD);
	i = find(&tl, s, "'n'");
	ck_assert_uint_eq(tl.t[i].kind, TK_WORD);
	ck_assert_uint_eq(count_kind(&tl, TK_QUOTE), 0);
	ck_assert_uint_eq(tl.n, 7);
	qt_token_list_free(&tl);
}
END_TEST

START_TEST(test_initialism_dot_end)
{
	const char *s = "the U.S. Army and a.m. news";
	token_list tl;
	size_t i;

	tok(&tl, s, 0);
	i = find(&tl, s, "U.S.");
	ck_assert_uint_eq(tl.t[i].kind, TK_WORD);
	ck_assert(tl.t[i].flags & TF_DOT_END);
	ck_assert(tl.t[i].flags & TF_CAP);
	ck_assert(tl.t[i].flags & TF_ALLCAP);
	ck_assert_uint_eq(tl.t[i + 1].kind, TK_WORD);
	i = find(&tl, s, "a.m.");
	ck_assert(tl.t[i].flags & TF_DOT_END);
	/* a plain word before a full stop keeps the dot apart */
	qt_token_list_free(&tl);
	s = "He left.";
	tok(&tl, s, 0);
	i = find(&tl, s, "left");
	ck_assert(!(tl.t[i].flags & TF_DOT_END));
	ck_assert_uint_eq(tl.t[i + 1].kind, TK_PUNCT);
	qt_token_list_free(&tl);
}
END_TEST

START_TEST(test_number_with_separators)
{
	const char *s = "about 3,000.5 tonnes, 1, 2.";
	token_list tl;
	size_t i;

	tok(&tl, s, 0);
	i = find(&tl, s, "3,000.5");
	ck_assert_uint_eq(tl.t[i].kind, TK_NUM);
	ck_assert(tl.t[i].flags & TF_HAS_DIGIT);
	/* a comma followed by a space is punctuation, not a separator */
	i = find(&tl, s, "1");
	ck_assert_uint_eq(tl.t[i].kind, TK_NUM);
	ck_assert_uint_eq(tl.t[i + 1].kind, TK_PUNCT);
	i = find(&tl, s, "2");
	ck_assert_uint_eq(tl.t[i + 1].kind, TK_PUNCT);
	qt_token_list_free(&tl);
}
END_TEST

START_TEST(test_joining_byte_before_what_follows)
{
	/* A hyphen, dot, comma or apostrophe after a word joins a letter or
	 * digit after it (ASCII or not); before any other byte, or the
	 * text's end, the word ends there. */
	const char *s = "ORSO, Pim-, Tova.\" Kel-\xc3\xa9n x-y Q.R. 4.5 end-";
	token_list tl;
	size_t i;

	tok(&tl, s, 0);
	i = find(&tl, s, "ORSO");
	ck_assert(tl.t[i].flags & TF_ALLCAP);
	ck_assert(!(tl.t[i].flags & TF_SPACE_AFTER));
	ck_assert_int_eq(tl.t[i + 1].cp, ',');
	i = find(&tl, s, "Pim");
	ck_assert_int_eq(tl.t[i + 1].cp, '-');
	ck_assert_int_eq(tl.t[i + 2].cp, ',');
	i = find(&tl, s, "Tova");
	ck_assert_int_eq(tl.t[i + 1].cp, '.');
	ck_assert_uint_eq(tl.t[i + 2].kind, TK_QUOTE);
	i = find(&tl, s, "Kel-\xc3\xa9n");
	ck_assert_uint_eq(tl.t[i].kind, TK_WORD);
	i = find(&tl, s, "x-y");
	ck_assert_uint_eq(tl.t[i].kind, TK_WORD);
	i = find(&tl, s, "Q.R.");
	ck_assert(tl.t[i].flags & TF_DOT_END);
	i = find(&tl, s, "4.5");
	ck_assert_uint_eq(tl.t[i].kind, TK_NUM);
	i = find(&tl, s, "end");
	ck_assert_uint_eq(i + 2, tl.n);
	ck_assert_int_eq(tl.t[i + 1].cp, '-');
	qt_token_list_free(&tl);
}
END_TEST

START_TEST(test_capital_flags)
{
	const char *s = "NATO met Paris officials in A city";
	token_list tl;
	size_t i;

	tok(&tl, s, 0);
	i = find(&tl, s, "NATO");
	ck_assert(tl.t[i].flags & TF_CAP);
	ck_assert(tl.t[i].flags & TF_ALLCAP);
	i = find(&tl, s, "met");
	ck_assert(!(tl.t[i].flags & (TF_CAP | TF_ALLCAP)));
	i = find(&tl, s, "Paris");
	ck_assert(tl.t[i].flags & TF_CAP);
	ck_assert(!(tl.t[i].flags & TF_ALLCAP));
	/* one capital letter is not "all caps" */
	i = find(&tl, s, "A");
	ck_assert(tl.t[i].flags & TF_CAP);
	ck_assert(!(tl.t[i].flags & TF_ALLCAP));
	qt_token_list_free(&tl);
}
END_TEST

/* All caps counts the letters of the whole word, ASCII or not, digits
 * and joined parts aside; a digit anywhere sets TF_HAS_DIGIT. */
START_TEST(test_allcap_mixed)
{
	const char *s = "G7 F1B \u00c9COLE NAT\u00e9 X-RAY Ab-CD \u00c9a "
	                "U.S. h1n1 42";
	token_list tl;
	size_t i;

	tok(&tl, s, 0);
	i = find(&tl, s, "G7"); /* one letter */
	ck_assert(!(tl.t[i].flags & TF_ALLCAP));
	ck_assert(tl.t[i].flags & TF_HAS_DIGIT);
	i = find(&tl, s, "F1B");
	ck_assert(tl.t[i].flags & TF_ALLCAP);
	ck_assert(tl.t[i].flags & TF_HAS_DIGIT);
	i = find(&tl, s, "\u00c9COLE");
	ck_assert(tl.t[i].flags & TF_ALLCAP);
	ck_assert(!(tl.t[i].flags & TF_HAS_DIGIT));
	i = find(&tl, s, "NAT\u00e9"); /* a lowercase letter outside ASCII */
	ck_assert(!(tl.t[i].flags & TF_ALLCAP));
	i = find(&tl, s, "X-RAY");
	ck_assert(tl.t[i].flags & TF_ALLCAP);
	i = find(&tl, s, "Ab-CD");
	ck_assert(!(tl.t[i].flags & TF_ALLCAP));
	i = find(&tl, s, "\u00c9a");
	ck_assert(!(tl.t[i].flags & TF_ALLCAP));
	i = find(&tl, s, "U.S.");
	ck_assert(tl.t[i].flags & TF_ALLCAP);
	i = find(&tl, s, "h1n1");
	ck_assert(!(tl.t[i].flags & (TF_CAP | TF_ALLCAP)));
	ck_assert(tl.t[i].flags & TF_HAS_DIGIT);
	i = find(&tl, s, "42");
	ck_assert(!(tl.t[i].flags & TF_ALLCAP));
	ck_assert(tl.t[i].flags & TF_HAS_DIGIT);
	qt_token_list_free(&tl);
}
END_TEST

START_TEST(test_blank_line_paragraphs)
{
	const char *s = "One line\nsame para.\n\n  \nNext para.";
	token_list tl;
	size_t i;

	tok(&tl, s, 0);
	ck_assert_uint_eq(count_kind(&tl, TK_NEWLINE), 1);
	ck_assert_uint_eq(count_kind(&tl, TK_PARA), 1);
	ck_assert_uint_eq(tl.nparas, 2);
	i = find(&tl, s, "same");
	ck_assert_uint_eq(tl.t[i].para, 0);
	ck_assert_uint_eq(tl.t[i - 1].kind, TK_NEWLINE);
	i = find(&tl, s, "Next");
	ck_assert_uint_eq(tl.t[i].para, 1);
	ck_assert_uint_eq(tl.t[i - 1].kind, TK_PARA);
	/* the break token spans the whole run of breaks and spaces */
	ck_assert_uint_eq(tl.t[i - 1].start, 19);
	ck_assert_uint_eq(tl.t[i - 1].end, 24);
	qt_token_list_free(&tl);
}
END_TEST

START_TEST(test_no_blank_line_every_line_paragraph)
{
	const char *s = "First line.\nSecond line.\nThird line.\n";
	token_list tl;
	size_t i;

	tok(&tl, s, 0);
	ck_assert_uint_eq(count_kind(&tl, TK_NEWLINE), 0);
	ck_assert_uint_ge(count_kind(&tl, TK_PARA), 2);
	ck_assert_uint_eq(tl.nparas, 3);
	i = find(&tl, s, "Second");
	ck_assert_uint_eq(tl.t[i].para, 1);
	i = find(&tl, s, "Third");
	ck_assert_uint_eq(tl.t[i].para, 2);
	qt_token_list_free(&tl);
}
END_TEST

START_TEST(test_crlf)
{
	const char *s = "Alpha\r\nbeta.\r\n\r\nGamma.";
	token_list tl;
	size_t i;

	tok(&tl, s, 0);
	ck_assert_uint_eq(count_kind(&tl, TK_NEWLINE), 1);
	ck_assert_uint_eq(count_kind(&tl, TK_PARA), 1);
	ck_assert_uint_eq(tl.nparas, 2);
	i = find(&tl, s, "beta");
	ck_assert_uint_eq(tl.t[i].start, 7);
	ck_assert_uint_eq(tl.t[i].para, 0);
	i = find(&tl, s, "Gamma");
	ck_assert_uint_eq(tl.t[i].start, 16);
	ck_assert_uint_eq(tl.t[i].para, 1);
	qt_token_list_free(&tl);

	/* CRLF only, no blank line: every line is a paragraph */
	s = "Alpha.\r\nBeta.\r\nGamma.";
	tok(&tl, s, 0);
	ck_assert_uint_eq(tl.nparas, 3);
	ck_assert_uint_eq(count_kind(&tl, TK_NEWLINE), 0);
	qt_token_list_free(&tl);
}
END_TEST

START_TEST(test_bom_skipped)
{
	const char *s = "\xEF\xBB\xBFHello there";
	token_list tl;

	tok(&tl, s, 3);
	ck_assert_uint_eq(tl.n, 2);
	ck_assert_uint_eq(tl.t[0].kind, TK_WORD);
	ck_assert_uint_eq(tl.t[0].start, 3);
	ck_assert_uint_eq(tl.t[0].end, 8);
	ck_assert(tl.t[0].flags & TF_CAP);
	ck_assert_uint_eq(tl.bad_utf8, 0);
	qt_token_list_free(&tl);
}
END_TEST

START_TEST(test_invalid_utf8_counted)
{
	/* \xff and \xfe are never valid; \xe2\x80 is a truncated
	 * three-byte sequence followed by a space */
	const char s[] = "ok\xff\xfe word \xe2\x80 end \xc3";
	token_list tl;

	memset(&tl, 0, sizeof(tl));
	ck_assert(qt_tokenize(s, sizeof(s) - 1, 0, &tl));
	ck_assert_uint_eq(tl.first_bad, 2);
	ck_assert_uint_eq(tl.bad_utf8, 5);
	/* nothing was swallowed: the words are still there */
	ck_assert_uint_eq(tl.t[0].start, 0);
	ck_assert_uint_eq(tl.t[0].end, 2);
	ck_assert_uint_eq(tl.t[tl.n - 1].end, sizeof(s) - 1);
	qt_token_list_free(&tl);

	/* a clean text reports none */
	tok(&tl, "all fine", 0);
	ck_assert_uint_eq(tl.bad_utf8, 0);
	ck_assert_uint_eq(tl.first_bad, QUOTH_NONE);
	qt_token_list_free(&tl);
}
END_TEST

START_TEST(test_typewriter_double_quote)
{
	const char *s = "''Go home,'' she said.";
	token_list tl;

	tok(&tl, s, 0);
	ck_assert_uint_eq(tl.t[0].kind, TK_QUOTE);
	ck_assert_uint_eq(tl.t[0].start, 0);
	ck_assert_uint_eq(tl.t[0].end, 2);
	ck_assert_int_eq(tl.t[0].cp, '"');
	ck_assert_uint_eq(qt_quote_marks[tl.t[0].mark].level, 1);
	ck_assert_uint_eq(tl.t[4].kind, TK_QUOTE);
	ck_assert_uint_eq(tl.t[4].start, 10);
	ck_assert_uint_eq(tl.t[4].end, 12);
	ck_assert_uint_eq(count_kind(&tl, TK_QUOTE), 2);
	qt_token_list_free(&tl);
}
END_TEST

START_TEST(test_treebank_and_backtick_marks)
{
	const char *s = "``Go,'' she said, `now' and `` then ''.";
	token_list tl;
	size_t i;

	tok(&tl, s, 0);
	/* `` is one opening double mark */
	ck_assert_uint_eq(tl.t[0].kind, TK_QUOTE);
	ck_assert_uint_eq(tl.t[0].start, 0);
	ck_assert_uint_eq(tl.t[0].end, 2);
	ck_assert_uint_eq(qt_quote_marks[tl.t[0].mark].level, 1);
	ck_assert(qt_quote_marks[tl.t[0].mark].open_ok);
	ck_assert(!qt_quote_marks[tl.t[0].mark].close_ok);
	/* '' the typewriter double */
	i = find(&tl, s, "''");
	ck_assert_uint_eq(tl.t[i].kind, TK_QUOTE);
	ck_assert_uint_eq(qt_quote_marks[tl.t[i].mark].level, 1);
	/* ` one opening single mark */
	i = find(&tl, s, "`");
	ck_assert_uint_eq(tl.t[i].kind, TK_QUOTE);
	ck_assert_uint_eq(qt_quote_marks[tl.t[i].mark].level, 2);
	ck_assert(!qt_quote_marks[tl.t[i].mark].close_ok);
	ck_assert_uint_eq(count_kind(&tl, TK_QUOTE), 6);
	qt_token_list_free(&tl);

	/* a backtick typed for an apostrophe */
	s = "Ukraine`s envoy don`t like the `90s";
	tok(&tl, s, 0);
	ck_assert_uint_eq(tl.t[find(&tl, s, "Ukraine`s")].kind, TK_WORD);
	ck_assert_uint_eq(tl.t[find(&tl, s, "don`t")].kind, TK_WORD);
	ck_assert_uint_eq(tl.t[find(&tl, s, "`90s")].kind, TK_WORD);
	ck_assert_uint_eq(count_kind(&tl, TK_QUOTE), 0);
	qt_token_list_free(&tl);
}
END_TEST

START_TEST(test_quote_marks_are_candidates)
{
	const char *s = "“A” «B» „C“ 「D」 ‘E’";
	token_list tl;

	tok(&tl, s, 0);
	ck_assert_uint_eq(count_kind(&tl, TK_QUOTE), 10);
	ck_assert_uint_eq(count_kind(&tl, TK_WORD), 5);
	ck_assert_uint_eq(qt_quote_marks[tl.t[0].mark].cp, 0x201C);
	ck_assert_uint_eq(qt_quote_marks[tl.t[0].mark].level, 1);
	ck_assert_uint_eq(qt_quote_marks[tl.t[12].mark].level, 2);
	ck_assert_int_eq(qt_quote_mark_find(0x300C), (int)tl.t[9].mark);
	ck_assert_int_lt(qt_quote_mark_find('a'), 0);
	qt_token_list_free(&tl);
}
END_TEST

/* Assert that token i is a TK_WORD spanning exactly `w`. */
static void
is_word(const token_list *tl, const char *s, size_t i, const char *w)
{
	size_t n = strlen(w);

	ck_assert_uint_lt(i, tl->n);
	ck_assert_uint_eq(tl->t[i].kind, TK_WORD);
	ck_assert_uint_eq(tl->t[i].end - tl->t[i].start, n);
	ck_assert(memcmp(s + tl->t[i].start, w, n) == 0);
}

START_TEST(test_mojibake_name_one_word)
{
	/* UTF-8 read once as Latin-1: é -> Ã©, ñ -> Ã±, á -> Ã¡,
	 * ã -> Ã£, í -> Ã + soft hyphen (U+00AD, otherwise a space) */
	const char *s = "Mayor RenÃ©e PeÃ±arubia-VÃ¡zquez met JoÃ£o "
	                "MartÃ\xC2\xADnez in SÃ£o Lobel.";
	token_list tl;

	tok(&tl, s, 0);
	ck_assert_uint_eq(tl.n, 10);
	is_word(&tl, s, 1, "RenÃ©e");
	ck_assert(tl.t[1].flags & TF_CAP);
	ck_assert(!(tl.t[1].flags & TF_ALLCAP));
	is_word(&tl, s, 2, "PeÃ±arubia-VÃ¡zquez");
	is_word(&tl, s, 4, "JoÃ£o");
	is_word(&tl, s, 5, "MartÃ\xC2\xADnez");
	ck_assert(tl.t[5].flags & TF_SPACE_BEFORE);
	ck_assert(tl.t[5].flags & TF_SPACE_AFTER);
	is_word(&tl, s, 7, "SÃ£o");
	ck_assert_uint_eq(tl.t[9].kind, TK_PUNCT);
	ck_assert_uint_eq(count_kind(&tl, TK_PUNCT), 1);
	qt_token_list_free(&tl);

	/* a tail ends the word as a letter would */
	s = "Minister DÃ¡, then PapÃ¡.";
	tok(&tl, s, 0);
	ck_assert_uint_eq(tl.n, 6);
	is_word(&tl, s, 1, "DÃ¡");
	ck_assert_uint_eq(tl.t[2].kind, TK_PUNCT);
	is_word(&tl, s, 4, "PapÃ¡");
	ck_assert_uint_eq(tl.t[5].kind, TK_PUNCT);
	qt_token_list_free(&tl);
}
END_TEST

START_TEST(test_mojibake_double_name_one_word)
{
	/* read twice, ç -> Ã§ -> Ã U+0083 Â §: as Latin-1 (the C1
	 * control kept), with the control dropped, and as Windows-1252
	 * (ƒ U+0192) */
	const char *s =
	        "Premier Fran\xC3\x83\xC2\x83\xC3\x82\xC2\xA7oise Albet, "
	        "FranÃÂ§ine Orly and ClÃƒÂ©ment Vass spoke.";
	token_list tl;

	tok(&tl, s, 0);
	ck_assert_uint_eq(tl.n, 11);
	is_word(&tl, s, 1, "Fran\xC3\x83\xC2\x83\xC3\x82\xC2\xA7oise");
	ck_assert(tl.t[1].flags & TF_CAP);
	is_word(&tl, s, 2, "Albet");
	is_word(&tl, s, 4, "FranÃÂ§ine");
	is_word(&tl, s, 7, "ClÃƒÂ©ment");
	ck_assert_uint_eq(count_kind(&tl, TK_PUNCT), 2);
	qt_token_list_free(&tl);
}
END_TEST

START_TEST(test_mojibake_rule_stays_narrow)
{
	/* symbols with no Ã or Â before them, and a lone Ã, as before */
	const char *s = "under § 12, a ±5 margin, Ã alone, x§y and a©";
	token_list tl;
	size_t i;

	tok(&tl, s, 0);
	ck_assert_uint_eq(tl.n, 18);
	i = find(&tl, s, "§");
	ck_assert_uint_eq(tl.t[i].kind, TK_PUNCT);
	ck_assert_uint_eq(tl.t[i + 1].kind, TK_NUM);
	i = find(&tl, s, "±");
	ck_assert_uint_eq(tl.t[i].kind, TK_PUNCT);
	ck_assert_uint_eq(tl.t[i + 1].kind, TK_NUM);
	ck_assert_uint_eq(tl.t[i + 1].end - tl.t[i + 1].start, 1);
	i = find(&tl, s, "Ã");
	ck_assert_uint_eq(tl.t[i].kind, TK_WORD);
	is_word(&tl, s, i + 1, "alone");
	i = find(&tl, s, "x");
	ck_assert_uint_eq(tl.t[i + 1].kind, TK_PUNCT);
	is_word(&tl, s, i + 2, "y");
	is_word(&tl, s, 16, "a");
	ck_assert_uint_eq(tl.t[17].kind, TK_PUNCT);
	ck_assert_int_eq(tl.t[17].cp, 0x00A9);
	qt_token_list_free(&tl);
}
END_TEST

START_TEST(test_mojibake_quotes_and_spaces_win)
{
	/* « » stay quote marks after Ã or Â (Â« is itself mojibake of
	 * «, and NoÃ«l's ë loses to it), a no-break space after Â stays
	 * a space, NEL (U+0085) after Ã stays a line break */
	const char *s = "«Ã» Â«ouiÂ» NoÃ«l bonÂ\xC2\xA0jourÃ\xC2\x85noche";
	token_list tl;

	tok(&tl, s, 0);
	ck_assert_uint_eq(tl.n, 14);
	ck_assert_uint_eq(count_kind(&tl, TK_QUOTE), 5);
	ck_assert_uint_eq(tl.t[0].kind, TK_QUOTE);
	ck_assert_int_eq(qt_quote_marks[tl.t[0].mark].cp, 0x00AB);
	is_word(&tl, s, 1, "Ã");
	ck_assert_uint_eq(tl.t[2].kind, TK_QUOTE);
	ck_assert_int_eq(qt_quote_marks[tl.t[2].mark].cp, 0x00BB);
	is_word(&tl, s, 3, "Â");
	ck_assert_uint_eq(tl.t[4].kind, TK_QUOTE);
	is_word(&tl, s, 5, "ouiÂ");
	ck_assert_uint_eq(tl.t[6].kind, TK_QUOTE);
	is_word(&tl, s, 7, "NoÃ");
	ck_assert_uint_eq(tl.t[8].kind, TK_QUOTE);
	ck_assert_int_eq(qt_quote_marks[tl.t[8].mark].cp, 0x00AB);
	is_word(&tl, s, 9, "l");
	is_word(&tl, s, 10, "bonÂ");
	ck_assert(tl.t[10].flags & TF_SPACE_AFTER);
	is_word(&tl, s, 11, "jourÃ");
	ck_assert_uint_eq(tl.t[12].kind, TK_PARA);
	is_word(&tl, s, 13, "noche");
	qt_token_list_free(&tl);
}
END_TEST

START_TEST(test_empty_and_blank)
{
	token_list tl;

	tok(&tl, "", 0);
	ck_assert_uint_eq(tl.n, 0);
	ck_assert_uint_eq(tl.nparas, 0);
	qt_token_list_free(&tl);
	tok(&tl, "  \n\n \t\n", 0);
	ck_assert_uint_eq(tl.n, 0);
	ck_assert_uint_eq(tl.nparas, 0);
	qt_token_list_free(&tl);
}
END_TEST

/* qt_has_blank_line() as the rule says it: two line breaks (LF, CRLF or
 * a lone CR) with only spaces and tabs between. */
static bool
blank_line_ref(const char *t, size_t len, size_t skip)
{
	size_t i;
	int breaks = 0;

	for (i = skip; i < len; i++) {
		if (t[i] == '\r' && i + 1 < len && t[i + 1] == '\n')
			continue;
		if (t[i] == '\n' || t[i] == '\r') {
			if (++breaks >= 2)
				return true;
		} else if (t[i] != ' ' && t[i] != '\t') {
			breaks = 0;
		}
	}
	return false;
}

/* Every short text of letters, blanks and line breaks (the fast path
 * for texts without CR included), each skip. */
START_TEST(test_blank_line_every_short_text)
{
	static const char alpha[] = "a \t\n\r";
	char t[7];
	size_t len, k, skip, code, ncodes;

	for (len = 0; len <= 6; len++) {
		ncodes = 1;
		for (k = 0; k < len; k++)
			ncodes *= 5;
		for (code = 0; code < ncodes; code++) {
			size_t c = code;
			for (k = 0; k < len; k++, c /= 5)
				t[k] = alpha[c % 5];
			for (skip = 0; skip <= len; skip++)
				ck_assert_int_eq(
				        qt_has_blank_line(t, len, skip),
				        blank_line_ref(t, len, skip));
		}
	}
}
END_TEST

static Suite *
tokenize_suite(void)
{
	Suite *s = suite_create("tokenize");
	TCase *tc = tcase_create("tokenize");

	tcase_add_test(tc, test_words_numbers_punct_spans);
	tcase_add_test(tc, test_multibyte_word_span);
	tcase_add_test(tc, test_internal_apostrophes);
	tcase_add_test(tc, test_decade_elisions);
	tcase_add_test(tc, test_final_apostrophe_stays_quote_candidate);
	tcase_add_test(tc, test_rock_n_roll);
	tcase_add_test(tc, test_initialism_dot_end);
	tcase_add_test(tc, test_number_with_separators);
	tcase_add_test(tc, test_joining_byte_before_what_follows);
	tcase_add_test(tc, test_capital_flags);
	tcase_add_test(tc, test_allcap_mixed);
	tcase_add_test(tc, test_blank_line_paragraphs);
	tcase_add_test(tc, test_no_blank_line_every_line_paragraph);
	tcase_add_test(tc, test_crlf);
	tcase_add_test(tc, test_bom_skipped);
	tcase_add_test(tc, test_invalid_utf8_counted);
	tcase_add_test(tc, test_typewriter_double_quote);
	tcase_add_test(tc, test_treebank_and_backtick_marks);
	tcase_add_test(tc, test_quote_marks_are_candidates);
	tcase_add_test(tc, test_mojibake_name_one_word);
	tcase_add_test(tc, test_mojibake_double_name_one_word);
	tcase_add_test(tc, test_mojibake_rule_stays_narrow);
	tcase_add_test(tc, test_mojibake_quotes_and_spaces_win);
	tcase_add_test(tc, test_empty_and_blank);
	tcase_add_test(tc, test_blank_line_every_short_text);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(tokenize_suite());
	int failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed != 0 ? EXIT_FAILURE : EXIT_SUCCESS;
}
