/*
 * write_csv.c (CLI): CSV (RFC 4180) and TSV back ends of the record
 * writer.  Reads one cell at a time; writes its escaped text into the
 * writer's buffer (cli_buf.c), never to a file.
 *
 * CSV: a header row, CRLF line ends, a field is quoted when it holds a
 * comma, a double quote, CR, LF or NUL, and quotes inside are doubled.
 * TSV: a header row, LF line ends, tabs and line breaks inside a field
 * become spaces (TSV has no quoting, so this is the only safe choice).
 * Absent values are empty fields in both.
 */
#include <string.h>

#include "cli.h"

int
cli_excel_risky(const char *s, size_t n)
{
	/* A spreadsheet evaluates a cell that starts with one of these as a
	 * formula (tab and CR too: some import paths strip them first).
	 * (strchr would also find the terminating NUL: test it apart.) */
	return n > 0 && s[0] != '\0' && strchr("=+-@\t\r", s[0]) != NULL;
}

/*
 * TSV has no quoting, but a spreadsheet's TSV import unquotes a field that
 * starts with a quote mark as CSV would: "=cmd|' /C calc'!A0" becomes the
 * formula =cmd|... .  So a TSV cell is judged by what it is after that:
 * past its leading quote marks.
 */
static int
tsv_excel_risky(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && s[i] == '"')
		i++;
	return cli_excel_risky(s + i, n - i);
}

void
cli_csv_field(struct cli_buf *b, const char *s, size_t n, int excel)
{
	size_t i, from;
	int quote = 0;

	/* A NUL byte (a JSON Lines id may hold one) is quoted too: quoting
	 * is how CSV escapes what is not plain text. */
	for (i = 0; i < n && !quote; i++)
		quote = s[i] == ',' || s[i] == '"' || s[i] == '\r' ||
		        s[i] == '\n' || s[i] == '\0';
	if (quote)
		cli_buf_putc(b, '"');
	if (excel && cli_excel_risky(s, n))
		cli_buf_putc(b, '\'');
	if (!quote) {
		cli_buf_put(b, s, n);
		return;
	}
	for (from = i = 0; i < n; i++) {
		if (s[i] == '"') {
			cli_buf_put(b, s + from, i + 1 - from);
			cli_buf_putc(b, '"');
			from = i + 1;
		}
	}
	cli_buf_put(b, s + from, n - from);
	cli_buf_putc(b, '"');
}

void
cli_tsv_field(struct cli_buf *b, const char *s, size_t n, int excel)
{
	size_t i, from;

	if (excel && tsv_excel_risky(s, n))
		cli_buf_putc(b, '\'');
	for (from = i = 0; i < n; i++) {
		if (s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
			cli_buf_put(b, s + from, i - from);
			cli_buf_putc(b, ' ');
			from = i + 1;
		}
	}
	cli_buf_put(b, s + from, n - from);
}

void
cli_csv_cell(struct cli_writer *w, const struct cli_cell *c)
{
	if (w->emitted++)
		cli_buf_putc(w->out, ',');
	if (c->kind == CLI_CELL_STR)
		cli_csv_field(w->out, c->s, c->n, w->excel);
	else if (c->kind == CLI_CELL_NUM || c->kind == CLI_CELL_BOOL)
		cli_buf_put(w->out, c->s, c->n);
}

void
cli_csv_row_end(struct cli_writer *w)
{
	cli_buf_put(w->out, "\r\n", 2);
}

void
cli_tsv_cell(struct cli_writer *w, const struct cli_cell *c)
{
	if (w->emitted++)
		cli_buf_putc(w->out, '\t');
	if (c->kind == CLI_CELL_STR)
		cli_tsv_field(w->out, c->s, c->n, w->excel);
	else if (c->kind == CLI_CELL_NUM || c->kind == CLI_CELL_BOOL)
		cli_buf_put(w->out, c->s, c->n);
}

void
cli_tsv_row_end(struct cli_writer *w)
{
	cli_buf_putc(w->out, '\n');
}
