/*
 * test_cli_html.c: the shared HTML helpers (src/cli_html.c): escaping of
 * everything that comes from an input, the page skeleton's policy, and the
 * WCAG contrast of every colour the pages put behind text.
 */
#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "write_html.h"

/* The escaped form of s[0..n), NUL-terminated (to free()). */
static char *
esc(const char *s, size_t n)
{
	struct cli_buf b = {0};

	cli_html_text(&b, s, n);
	cli_buf_putc(&b, '\0');
	ck_assert(!b.failed);
	return b.ptr;
}

static void
check_esc(const char *in, const char *want)
{
	char *got = esc(in, strlen(in));

	ck_assert_str_eq(got, want);
	free(got);
}

START_TEST(escapes_markup)
{
	check_esc("<script>alert(1)</script>",
	          "&lt;script&gt;alert(1)&lt;/script&gt;");
	check_esc("&amp; </mark>", "&amp;amp; &lt;/mark&gt;");
	check_esc("<a title=\"x\" onmouseover='y'>",
	          "&lt;a title=&quot;x&quot; onmouseover=&#39;y&#39;&gt;");
	check_esc("plain text, “curly” ünïcode", "plain text, “curly” ünïcode");
}
END_TEST

START_TEST(controls_made_visible)
{
	/* tab and LF stay; ESC, BEL, DEL become Control Pictures */
	check_esc("a\tb\nc", "a\tb\nc");
	check_esc("\x1b[2J", "\xE2\x90\x9B[2J");
	check_esc("\x07", "\xE2\x90\x87");
	check_esc("\x7F", "\xE2\x90\xA1");
	/* CRLF is one line end, a lone CR a line end, a final CR dropped */
	check_esc("a\r\nb\rc\r", "a\nb\nc");
}
END_TEST

START_TEST(nul_and_c1_and_invalid)
{
	char *got = esc("a\0b", 3);

	ck_assert_str_eq(got, "a\xE2\x90\x80"
	                      "b");
	free(got);
	/* U+0085 (C1), U+FDD0 and U+FFFF (noncharacters), and an invalid
	 * byte all become U+FFFD */
	check_esc("\xC2\x85|\xEF\xB7\x90|\xEF\xBF\xBF|\xFF|",
	          "\xEF\xBF\xBD|\xEF\xBF\xBD|\xEF\xBF\xBD|\xEF\xBF\xBD|");
	/* a truncated sequence at the end */
	check_esc("ok\xE2\x80", "ok\xEF\xBF\xBD\xEF\xBF\xBD");
}
END_TEST

START_TEST(printf_escapes)
{
	struct cli_buf b = {0};

	cli_html_printf(&b, "%s=%d", "<b>", 3);
	cli_buf_putc(&b, '\0');
	ck_assert_str_eq(b.ptr, "&lt;b&gt;=3");
	cli_buf_free(&b);
}
END_TEST

/* ---- contrast (WCAG 2.x relative luminance) ---------------------------- */

static double
channel(unsigned v)
{
	double c = v / 255.0;

	return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

static double
luminance(const char *hex)
{
	unsigned long v;
	char *end;

	ck_assert_int_eq(hex[0], '#');
	ck_assert_uint_eq(strlen(hex), 7);
	v = strtoul(hex + 1, &end, 16);
	ck_assert(*end == '\0');
	return 0.2126 * channel((v >> 16) & 0xFF) +
	       0.7152 * channel((v >> 8) & 0xFF) + 0.0722 * channel(v & 0xFF);
}

static double
contrast(const char *a, const char *b)
{
	double la = luminance(a), lb = luminance(b), t;

	if (la < lb) {
		t = la;
		la = lb;
		lb = t;
	}
	return (la + 0.05) / (lb + 0.05);
}

START_TEST(contrast_formula)
{
	/* the two ends of the scale, and a known pair */
	ck_assert(fabs(contrast("#000000", "#ffffff") - 21.0) < 1e-9);
	ck_assert(fabs(contrast("#777777", "#777777") - 1.0) < 1e-9);
	ck_assert(fabs(contrast("#767676", "#ffffff") - 4.54) < 0.01);
}
END_TEST

START_TEST(palette_meets_aa)
{
	size_t i, k;

	for (i = 0; i < CLI_HTML_NCOLORS; i++) {
		ck_assert_msg(contrast(cli_html_palette[i],
		                       CLI_HTML_TEXT_COLOR) >= 4.5,
		              "speaker colour %s", cli_html_palette[i]);
		/* the notes' "Back to the text" links sit on these too */
		ck_assert_msg(contrast(cli_html_palette[i], "#1c4f9c") >= 4.5,
		              "link on speaker colour %s", cli_html_palette[i]);
		/* and the colours differ from each other */
		for (k = 0; k < i; k++)
			ck_assert_str_ne(cli_html_palette[i],
			                 cli_html_palette[k]);
	}
	ck_assert(contrast(CLI_HTML_NO_SPEAKER, CLI_HTML_TEXT_COLOR) >= 4.5);
	for (i = 0; i < CLI_HTML_NSTATUS; i++)
		ck_assert_msg(contrast(cli_html_status_colors[i],
		                       CLI_HTML_TEXT_COLOR) >= 4.5,
		              "status colour %s", cli_html_status_colors[i]);
	/* the page's text on its white background, and the link colour */
	ck_assert(contrast("#ffffff", CLI_HTML_TEXT_COLOR) >= 7.0);
	ck_assert(contrast("#ffffff", "#1c4f9c") >= 4.5);
}
END_TEST

/* ---- the page ----------------------------------------------------------- */

START_TEST(page_policy)
{
	struct cli_buf b = {0};
	struct cli_html_toc toc;
	const char *hash = cli_html_script_hash();

	memset(&toc, 0, sizeof toc);
	cli_html_page_start(&b, "a <title>", NULL);
	cli_html_page_end(&b, &toc);
	cli_buf_putc(&b, '\0');
	ck_assert(!b.failed);
	ck_assert(strncmp(b.ptr, "<!DOCTYPE html>\n", 16) == 0);
	ck_assert(strstr(b.ptr, "<meta charset=\"utf-8\">"));
	ck_assert(strstr(b.ptr, "default-src 'none'"));
	ck_assert(strncmp(hash, "'sha256-", 8) == 0);
	ck_assert(strstr(b.ptr, hash));
	/* no 'unsafe-inline' for scripts, and nothing fetched */
	ck_assert(!strstr(b.ptr, "script-src 'unsafe-inline'"));
	ck_assert(!strstr(b.ptr, "http://"));
	ck_assert(!strstr(b.ptr, "https://"));
	ck_assert(!strstr(b.ptr, "<title>a <title>"));
	ck_assert(strstr(b.ptr, "<title>a &lt;title&gt;</title>"));
	ck_assert(strstr(b.ptr, cli_html_script()));
	ck_assert(strstr(b.ptr, "</body>\n</html>\n"));
	/* one document: no table of contents */
	ck_assert(!strstr(b.ptr, "class=\"toc\""));
	cli_buf_free(&b);
}
END_TEST

START_TEST(toc_entries)
{
	struct cli_buf sec = {0}, page = {0};
	struct cli_html_toc toc;

	memset(&toc, 0, sizeof toc);
	toc.noun = "quote";
	cli_html_section_start(&sec, "d1", "a\"<b>.txt", 9, 1);
	cli_buf_puts(&sec, "</section>\n");
	cli_html_toc_add(&toc, &sec);
	cli_buf_clear(&sec);
	cli_html_section_start(&sec, "d2", "c.txt", 5, 3);
	cli_html_toc_add(&toc, &sec);
	/* a failed document writes nothing and is not counted */
	cli_buf_clear(&sec);
	cli_html_toc_add(&toc, &sec);
	ck_assert_uint_eq(toc.n, 2);
	cli_html_page_end(&page, &toc);
	cli_buf_putc(&page, '\0');
	ck_assert(strstr(page.ptr, "<a href=\"#d1\">a&quot;&lt;b&gt;.txt"
	                           "</a> (1 quote)"));
	ck_assert(strstr(page.ptr, "<a href=\"#d2\">c.txt</a> (3 quotes)"));
	cli_buf_free(&page);
	cli_html_toc_free(&toc);
	/* the same document twice: the second one's ids are renumbered,
	 * in attributes only */
	memset(&toc, 0, sizeof toc);
	cli_buf_clear(&sec);
	cli_html_section_start(&sec, "d0000000f", "x", 1, 1);
	cli_html_toc_add(&toc, &sec);
	cli_buf_clear(&sec);
	cli_html_section_start(&sec, "d0000000f", "x", 1, 1);
	cli_buf_puts(&sec, "<a href=\"#d0000000f-n1\" id=\"d0000000f-r1\">"
	                   "d0000000f</a></section>");
	cli_html_toc_add(&toc, &sec);
	cli_buf_putc(&sec, '\0');
	ck_assert(strstr(sec.ptr, "id=\"d00000010\""));
	ck_assert(strstr(sec.ptr, "<a href=\"#d00000010-n1\" "
	                          "id=\"d00000010-r1\">d0000000f</a>"));
	page.ptr = NULL;
	page.len = page.cap = 0;
	cli_html_page_end(&page, &toc);
	cli_buf_putc(&page, '\0');
	ck_assert(strstr(page.ptr, "<a href=\"#d0000000f\">x</a>"));
	ck_assert(strstr(page.ptr, "<a href=\"#d00000010\">x</a>"));
	cli_buf_free(&sec);
	cli_buf_free(&page);
	cli_html_toc_free(&toc);
}
END_TEST

/* ---- highlights over a text (html_marks.c) ----------------------------- */

static char *
render(struct html_marks *m, const char *text)
{
	struct cli_buf b = {0};

	html_marks_render(m, &b, text, strlen(text));
	html_marks_free(m);
	cli_buf_putc(&b, '\0');
	ck_assert(!b.failed);
	return b.ptr;
}

#define ADD(m, s, e, rank, open, close)                                        \
	html_marks_add(m, s, e, rank, open, strlen(open), close)

START_TEST(marks_nested_and_crossing)
{
	struct html_marks m;
	char *got;

	/* a partial inside a direct quote, a cue after it */
	memset(&m, 0, sizeof m);
	ADD(&m, 0, 12, 0, "<q1>", "</q1>");
	ADD(&m, 4, 8, 0, "<q2>", "</q2>");
	ADD(&m, 13, 17, 1, "<c>", "</c>");
	got = render(&m, "\"ab 'cd' ef\" said");
	ck_assert_str_eq(got,
	                 "<q1>&quot;ab <q2>&#39;cd&#39;</q2> ef&quot;</q1> "
	                 "<c>said</c>");
	free(got);
	/* crossing ranges: the inner one is closed and reopened */
	memset(&m, 0, sizeof m);
	ADD(&m, 0, 6, 0, "<a>", "</a>");
	ADD(&m, 3, 9, 0, "<b>", "</b>");
	got = render(&m, "012345678");
	ck_assert_str_eq(got, "<a>012<b>345</b></a><b>678</b>");
	free(got);
	/* the same range twice: the lower rank outside */
	memset(&m, 0, sizeof m);
	ADD(&m, 0, 2, 1, "<in>", "</in>");
	ADD(&m, 0, 2, 0, "<out>", "</out>");
	got = render(&m, "xy");
	ck_assert_str_eq(got, "<out><in>xy</in></out>");
	free(got);
}
END_TEST

START_TEST(marks_inserts_and_limits)
{
	struct html_marks m;
	char *got;

	/* a label where one quote ends and the next begins sits between
	 * them; ranges past the end are cut; empty ones are dropped */
	memset(&m, 0, sizeof m);
	ADD(&m, 0, 2, 0, "<a>", "</a>");
	ADD(&m, 2, 40, 0, "<b>", "</b>");
	ADD(&m, 3, 3, 0, "<e>", "</e>");
	html_marks_insert(&m, 2, "<L>", 3);
	html_marks_insert(&m, 99, "<Z>", 3);
	got = render(&m, "abcd");
	ck_assert_str_eq(got, "<a>ab</a><L><b>cd</b><Z>");
	free(got);
	/* no marks: just the escaped text */
	memset(&m, 0, sizeof m);
	got = render(&m, "<x>");
	ck_assert_str_eq(got, "&lt;x&gt;");
	free(got);
}
END_TEST

static Suite *
html_suite(void)
{
	Suite *s = suite_create("cli_html");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, escapes_markup);
	tcase_add_test(tc, controls_made_visible);
	tcase_add_test(tc, nul_and_c1_and_invalid);
	tcase_add_test(tc, printf_escapes);
	tcase_add_test(tc, contrast_formula);
	tcase_add_test(tc, palette_meets_aa);
	tcase_add_test(tc, page_policy);
	tcase_add_test(tc, toc_entries);
	tcase_add_test(tc, marks_nested_and_crossing);
	tcase_add_test(tc, marks_inserts_and_limits);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(html_suite());
	int failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
