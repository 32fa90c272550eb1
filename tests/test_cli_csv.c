/*
 * test_cli_csv.c: the CSV and TSV writer (src/write_csv.c): field
 * escaping, --excel, and whole rows (cli_csv_row(), the path quote
 * records take) against the cell-by-cell path they stand for.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* (n from the literal: it may hold NUL bytes) */
#define CSV(lit, excel, want)                                                  \
	field(0, lit, sizeof(lit) - 1, excel, want, sizeof(want) - 1)
#define TSV(lit, excel, want)                                                  \
	field(1, lit, sizeof(lit) - 1, excel, want, sizeof(want) - 1)

static void
field(int tsv, const char *s, size_t n, int excel, const char *want,
      size_t want_n)
{
	struct cli_buf b = {0};

	cli_buf_puts(&b, "<");
	if (tsv)
		cli_tsv_field(&b, s, n, excel);
	else
		cli_csv_field(&b, s, n, excel);
	ck_assert(!b.failed);
	ck_assert_uint_eq(b.len, want_n + 1);
	ck_assert_mem_eq(b.ptr + 1, want, b.len - 1);
	ck_assert_int_eq(b.ptr[b.len], '\0');
	cli_buf_free(&b);
}

START_TEST(test_csv_field)
{
	CSV("", 0, "");
	CSV("plain text", 0, "plain text");
	CSV("a, b", 0, "\"a, b\"");
	CSV("she said \"no\"", 0, "\"she said \"\"no\"\"\"");
	CSV("\"", 0, "\"\"\"\"");
	CSV("line\nbreak", 0, "\"line\nbreak\"");
	CSV("cr\r", 0, "\"cr\r\"");
	CSV("nul\0byte", 0, "\"nul\0byte\"");
	/* --excel: a formula-like start gets an apostrophe, inside the
	 * quotes when there are any */
	CSV("=1+2", 1, "'=1+2");
	CSV("=1+2", 0, "=1+2");
	CSV("-3, or 4", 1, "\"'-3, or 4\"");
	CSV("plain", 1, "plain");
}
END_TEST

START_TEST(test_tsv_field)
{
	TSV("a\tb\nc\rd", 0, "a b c d");
	TSV("\"x\", y", 0, "\"x\", y");
	TSV("\"=cmd\"", 1, "'\"=cmd\"");
	TSV("@x", 1, "'@x");
	TSV("@x", 0, "@x");
}
END_TEST

static const struct cli_column cols[] = {
        {"doc", 0}, {"n", 0},    {"text", 0}, {"parts", CLI_COL_JSON},
        {"ok", 0},  {"none", 0}, {"more", 0},
};
#define NCOLS (sizeof cols / sizeof cols[0])

/* One row both ways, in format f, with or without --excel: the same
 * bytes. */
static void
both_ways(enum cli_format f, int excel, const struct cli_cell *cells, size_t n)
{
	struct cli_buf a = {0}, b = {0};
	struct cli_writer w1 = {.format = f,
	                        .cols = cols,
	                        .ncols = NCOLS,
	                        .out = &a,
	                        .excel = excel};
	struct cli_writer w2 = w1;
	size_t k;

	w2.out = &b;
	for (k = 0; k < n; k++) {
		if (cols[k].flags & CLI_COL_JSON)
			continue;
		if (f == CLI_FORMAT_TSV)
			cli_tsv_cell(&w1, &cells[k]);
		else
			cli_csv_cell(&w1, &cells[k]);
	}
	if (f == CLI_FORMAT_TSV)
		cli_tsv_row_end(&w1);
	else
		cli_csv_row_end(&w1);
	cli_csv_row(&w2, cells, n);
	ck_assert(!a.failed && !b.failed);
	ck_assert_uint_eq(a.len, b.len);
	ck_assert_mem_eq(a.ptr, b.ptr, a.len);
	ck_assert_int_eq(b.ptr[b.len], '\0');
	ck_assert_uint_eq(w2.rows, 1);
	ck_assert_uint_eq(w2.col, 0);
	cli_buf_free(&a);
	cli_buf_free(&b);
}

START_TEST(test_rows)
{
	static const char text[] = "Mira Osk said \"fine, then\"\nand left";
	const struct cli_cell cells[NCOLS] = {
	        {CLI_CELL_STR, "=doc\t1", 6},
	        {CLI_CELL_NUM, "17", 2},
	        {CLI_CELL_STR, text, sizeof(text) - 1},
	        {CLI_CELL_STR, "[1,2]", 5},
	        {CLI_CELL_BOOL, "true", 4},
	        {CLI_CELL_NULL, NULL, 0},
	        {CLI_CELL_STR, "", 0},
	};
	struct cli_buf b = {0};
	struct cli_writer w = {.format = CLI_FORMAT_CSV,
	                       .cols = cols,
	                       .ncols = NCOLS,
	                       .out = &b};
	int excel;

	for (excel = 0; excel < 2; excel++) {
		both_ways(CLI_FORMAT_CSV, excel, cells, NCOLS);
		both_ways(CLI_FORMAT_TSV, excel, cells, NCOLS);
		both_ways(CLI_FORMAT_CSV, excel, cells, 3);
	}
	/* the bytes themselves, once */
	cli_csv_row(&w, cells, NCOLS);
	ck_assert_str_eq(b.ptr, "=doc\t1,17,\"Mira Osk said \"\"fine, "
	                        "then\"\"\nand left\",true,,\r\n");
	cli_buf_free(&b);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("cli-csv");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_csv_field);
	tcase_add_test(tc, test_tsv_field);
	tcase_add_test(tc, test_rows);
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
