/*
 * write_jsonl.c (CLI): JSON Lines back end of the record writer: one
 * object per record, keys in column order, UTF-8 without BOM, null for
 * absent values, span lists as [[start,end],...].  Reads one cell at a
 * time; writes JSON text into the writer's buffer (cli_buf.c).
 *
 * JSON is written here rather than through jansson's json_dumps(): the
 * records are flat, the key order is part of the contract, and building a
 * json_t tree per quote would only add allocations.
 */
#include "cli.h"

void
cli_json_string(struct cli_buf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	size_t i = 0, from = 0, k;
	unsigned char ch;
	int32_t cp;
	char esc[6] = {'\\', 'u', '0', '0', 0, 0};

	/* One pass: runs of bytes that need no escape are copied at once;
	 * an invalid UTF-8 byte becomes U+FFFD (the library's strings are
	 * valid UTF-8, but file names and ids need not be, and the output
	 * must stay valid JSON), as cli_buf_put_utf8() does. */
	cli_buf_putc(b, '"');
	while (i < n) {
		ch = (unsigned char)s[i];
		if (ch >= 0x80) {
			k = cli_utf8_next(s + i, n - i, &cp);
			if (cp == 0xFFFD && k == 1) {
				cli_buf_put(b, s + from, i - from);
				cli_buf_put(b, "\xEF\xBF\xBD", 3);
				from = i + 1;
			}
			i += k;
			continue;
		}
		if (ch >= 0x20 && ch != '"' && ch != '\\') {
			i++;
			continue;
		}
		cli_buf_put(b, s + from, i - from);
		from = ++i;
		switch (ch) {
		case '"':
			cli_buf_put(b, "\\\"", 2);
			break;
		case '\\':
			cli_buf_put(b, "\\\\", 2);
			break;
		case '\n':
			cli_buf_put(b, "\\n", 2);
			break;
		case '\r':
			cli_buf_put(b, "\\r", 2);
			break;
		case '\t':
			cli_buf_put(b, "\\t", 2);
			break;
		case '\b':
			cli_buf_put(b, "\\b", 2);
			break;
		case '\f':
			cli_buf_put(b, "\\f", 2);
			break;
		default:
			esc[4] = hex[ch >> 4];
			esc[5] = hex[ch & 15];
			cli_buf_put(b, esc, sizeof esc);
			break;
		}
	}
	cli_buf_put(b, s + from, n - from);
	cli_buf_putc(b, '"');
}

void
cli_jsonl_cell(struct cli_writer *w, const struct cli_cell *c)
{
	size_t i;

	cli_buf_putc(w->out, w->emitted++ ? ',' : '{');
	/* Keys are plain identifiers (see the column tables). */
	cli_buf_putc(w->out, '"');
	cli_buf_puts(w->out, w->cols[w->col].name);
	cli_buf_puts(w->out, "\":");
	switch (c->kind) {
	case CLI_CELL_NULL:
		cli_buf_puts(w->out, "null");
		break;
	case CLI_CELL_STR:
		cli_json_string(w->out, c->s, c->n);
		break;
	case CLI_CELL_NUM:
	case CLI_CELL_BOOL:
		cli_buf_put(w->out, c->s, c->n);
		break;
	case CLI_CELL_SPANS:
		cli_buf_putc(w->out, '[');
		for (i = 0; i < c->nspans; i++) {
			if (i)
				cli_buf_putc(w->out, ',');
			cli_buf_putc(w->out, '[');
			cli_buf_put_uint(w->out, c->spans[2 * i]);
			cli_buf_putc(w->out, ',');
			cli_buf_put_uint(w->out, c->spans[2 * i + 1]);
			cli_buf_putc(w->out, ']');
		}
		cli_buf_putc(w->out, ']');
		break;
	}
}

void
cli_jsonl_row_end(struct cli_writer *w)
{
	cli_buf_puts(w->out, w->emitted ? "}\n" : "{}\n");
}
