/*
 * test_cli_json.c: the JSON Lines writer's string escaping
 * (src/write_jsonl.c, cli_json_string()), which writes straight into the
 * output buffer: every escape, invalid UTF-8, strings at the buffer's
 * edge, and growth from an empty buffer.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* cli_json_string(s[0..n)) appended to `before`, as a NUL-terminated
 * copy (to free()). */
static char *
json(const char *before, const char *s, size_t n)
{
	struct cli_buf b = {0};

	cli_buf_puts(&b, before);
	cli_json_string(&b, s, n);
	ck_assert(!b.failed);
	ck_assert_uint_eq(strlen(b.ptr), b.len);
	return b.ptr;
}

/* (n from the literal: it may hold NUL bytes) */
#define CHECK(lit, want) check(lit, sizeof(lit) - 1, want)

static void
check(const char *s, size_t n, const char *want)
{
	char *got = json("", s, n);

	ck_assert_str_eq(got, want);
	free(got);
}

START_TEST(test_plain_and_empty)
{
	CHECK("", "\"\"");
	CHECK("said", "\"said\"");
	CHECK("caf\xc3\xa9 \xe2\x80\x9cok\xe2\x80\x9d",
	      "\"caf\xc3\xa9 \xe2\x80\x9cok\xe2\x80\x9d\"");
	CHECK("del \x7f", "\"del \x7f\"");
}
END_TEST

START_TEST(test_every_escape)
{
	CHECK("\"\\\n\r\t\b\f", "\"\\\"\\\\\\n\\r\\t\\b\\f\"");
	CHECK("a\0b", "\"a\\u0000b\"");
	CHECK("\x01\x1f\x0b", "\"\\u0001\\u001f\\u000b\"");
}
END_TEST

START_TEST(test_invalid_utf8)
{
	/* each invalid byte one U+FFFD; a U+FFFD in the input stays one */
	CHECK("\xff", "\"\xef\xbf\xbd\"");
	CHECK("a\xc3", "\"a\xef\xbf\xbd\"");
	CHECK("\xe2\x80 x", "\"\xef\xbf\xbd\xef\xbf\xbd x\"");
	CHECK("\xef\xbf\xbd", "\"\xef\xbf\xbd\"");
}
END_TEST

/* A string made only of escapes grows six times over: the buffer grows
 * with it, from empty and from a buffer already holding text. */
START_TEST(test_growth)
{
	size_t n = 5000, i;
	char *s = malloc(n), *got, *want = malloc(6 * n + 3 + 3);

	ck_assert(s && want);
	memset(s, 1, n);
	strcpy(want, "ab\"");
	for (i = 0; i < n; i++)
		memcpy(want + 3 + 6 * i, "\\u0001", 6);
	strcpy(want + 3 + 6 * n, "\"");
	got = json("ab", s, n);
	ck_assert_str_eq(got, want);
	free(got);
	for (i = 0; i < n; i++)
		s[i] = (char)(i % 2 ? 0xff : '"');
	got = json("", s, n);
	ck_assert_uint_eq(strlen(got), 2 + n / 2 * 2 + n / 2 * 3);
	free(got);
	free(s);
	free(want);
}
END_TEST

/* Numbers as "%zu" prints them (cli_fmt_uint() writes two digits at a
 * time from the end). */
START_TEST(test_uint)
{
	char got[CLI_UINT_MAX + 1], want[64];
	size_t v, n, k;

	/* every number to 10^4, powers of two and their neighbours, and
	 * numbers near SIZE_MAX (few: the test runs under sanitizers) */
	for (k = 0; k < 14000; k++) {
		if (k < 10000)
			v = k;
		else if (k < 10192)
			v = ((size_t)1 << ((k - 10000) / 3 % 64)) + (k % 3) - 1;
		else
			v = (size_t)-1 - (k - 10192) * 977;
		n = cli_fmt_uint(got, v);
		got[n] = '\0';
		snprintf(want, sizeof want, "%zu", v);
		ck_assert_str_eq(got, want);
	}
}
END_TEST

/* One cell of a record through the JSON Lines back end. */
static void
cell(struct cli_writer *w, enum cli_cell_kind k, const char *s)
{
	struct cli_cell c = {k, s, s ? strlen(s) : 0};

	cli_jsonl_cell(w, &c);
	w->col++;
}

/* A record's cells: keys, null, number, booleans and string, in one row. */
START_TEST(test_record)
{
	static const struct cli_column cols[] = {
	        {"a", 0}, {"bb", 0}, {"yes", 0}, {"no", 0}, {"s", 0}};
	struct cli_buf b = {0};
	struct cli_writer w;
	const char *want = "{}\n{\"a\":null,\"bb\":42,\"yes\":true,"
	                   "\"no\":false,\"s\":\"x\\\"y\"}\n";

	memset(&w, 0, sizeof w);
	w.cols = cols;
	w.ncols = sizeof cols / sizeof cols[0];
	w.out = &b;
	cli_jsonl_row_end(&w);
	cell(&w, CLI_CELL_NULL, NULL);
	cell(&w, CLI_CELL_NUM, "42");
	cell(&w, CLI_CELL_BOOL, "true");
	cell(&w, CLI_CELL_BOOL, "false");
	cell(&w, CLI_CELL_STR, "x\"y");
	cli_jsonl_row_end(&w);
	ck_assert(!b.failed);
	ck_assert_str_eq(b.ptr, want);
	ck_assert_uint_eq(strlen(b.ptr), b.len);
	cli_buf_free(&b);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("cli-json");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_plain_and_empty);
	tcase_add_test(tc, test_every_escape);
	tcase_add_test(tc, test_invalid_utf8);
	tcase_add_test(tc, test_growth);
	tcase_add_test(tc, test_uint);
	tcase_add_test(tc, test_record);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(suite());
	int failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
