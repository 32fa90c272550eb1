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
#include <stdint.h>
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

/* The bytes that make a CSV field quoted.  A NUL byte (a JSON Lines id
 * may hold one) is quoted too: quoting is how CSV escapes what is not
 * plain text. */
static const unsigned char csv_special[256] = {
        [0] = 1, [','] = 1, ['"'] = 1, ['\r'] = 1, ['\n'] = 1};

char *
cli_csv_field_at(char *o, const char *s, size_t n, int excel)
{
	size_t i = 0;
	const char *q;

	while (i < n && !csv_special[(unsigned char)s[i]])
		i++;
	if (i == n) {
		if (excel && cli_excel_risky(s, n))
			*o++ = '\'';
		if (n)
			memcpy(o, s, n);
		return o + n;
	}
	*o++ = '"';
	if (excel && cli_excel_risky(s, n))
		*o++ = '\'';
	/* (each quote mark doubled) */
	while ((q = memchr(s, '"', n)) != NULL) {
		size_t k = (size_t)(q - s) + 1;
		memcpy(o, s, k);
		o += k;
		*o++ = '"';
		s += k;
		n -= k;
	}
	if (n)
		memcpy(o, s, n);
	o += n;
	*o++ = '"';
	return o;
}

char *
cli_tsv_field_at(char *o, const char *s, size_t n, int excel)
{
	size_t i;

	if (excel && tsv_excel_risky(s, n))
		*o++ = '\'';
	for (i = 0; i < n; i++) {
		char ch = s[i];
		*o++ = ch == '\t' || ch == '\n' || ch == '\r' ? ' ' : ch;
	}
	return o;
}

/* Field s[0..n) appended to b by `at`, which writes at most room bytes. */
static void
field_into(struct cli_buf *b, const char *s, size_t n, int excel,
           char *(*at)(char *, const char *, size_t, int), size_t room)
{
	char *o;

	if (n > (SIZE_MAX - 3) / 2) {
		b->failed = 1;
		return;
	}
	if (!(o = cli_buf_room(b, room)))
		return;
	o = at(o, s, n, excel);
	b->len = (size_t)(o - b->ptr);
	*o = '\0';
}

void
cli_csv_field(struct cli_buf *b, const char *s, size_t n, int excel)
{
	field_into(b, s, n, excel, cli_csv_field_at, CLI_CSV_ROOM(n));
}

void
cli_tsv_field(struct cli_buf *b, const char *s, size_t n, int excel)
{
	field_into(b, s, n, excel, cli_tsv_field_at, CLI_TSV_ROOM(n));
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

/*
 * A whole CSV or TSV row, cells[0..n) for the writer's first n columns
 * (the JSON-only columns dropped), in one reservation of the output
 * buffer: what cli_csv_cell() or cli_tsv_cell() and the row end write for
 * each, without a call per cell and byte.  The row must start the line.
 */
void
cli_csv_row(struct cli_writer *w, const struct cli_cell *cells, size_t n)
{
	int tsv = w->format == CLI_FORMAT_TSV;
	size_t k, room = 2, emitted = 0;
	char *o;

	if (n > w->ncols)
		n = w->ncols; /* more cells than columns: drop them */
	for (k = 0; k < n; k++) {
		if (cells[k].n > SIZE_MAX / 8 || room > SIZE_MAX / 2) {
			w->out->failed = 1;
			return;
		}
		room += CLI_CSV_ROOM(cells[k].n) + 1;
	}
	if (!(o = cli_buf_room(w->out, room)))
		return;
	for (k = 0; k < n; k++) {
		const struct cli_cell *c = &cells[k];
		if (w->cols[k].flags & CLI_COL_JSON)
			continue;
		if (emitted++)
			*o++ = tsv ? '\t' : ',';
		if (c->kind == CLI_CELL_STR)
			o = tsv ? cli_tsv_field_at(o, c->s, c->n, w->excel)
			        : cli_csv_field_at(o, c->s, c->n, w->excel);
		else if ((c->kind == CLI_CELL_NUM ||
		          c->kind == CLI_CELL_BOOL) &&
		         c->n) {
			memcpy(o, c->s, c->n);
			o += c->n;
		}
	}
	if (!tsv)
		*o++ = '\r';
	*o++ = '\n';
	w->out->len = (size_t)(o - w->out->ptr);
	*o = '\0';
	w->col = 0;
	w->emitted = 0;
	w->rows++;
}
