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
#include <stdint.h>
#include <string.h>

#include "cli.h"

/* The escape of an ASCII byte in a JSON string: 0 none, 'u' \u00XX,
 * else the letter after the backslash. */
static const char json_esc[128] = {
        'u', 'u', 'u', 'u', 'u', 'u',         'u',           'u', 'b',
        't', 'n', 'u', 'f', 'r', 'u',         'u',           'u', 'u',
        'u', 'u', 'u', 'u', 'u', 'u',         'u',           'u', 'u',
        'u', 'u', 'u', 'u', 'u', ['"'] = '"', ['\\'] = '\\',
};

void
cli_json_string(struct cli_buf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	size_t i = 0, k;
	unsigned char ch;
	int32_t cp;
	char *o;

	/* One pass straight into the buffer, reserved for the string as it
	 * stands and the two quotes; an escape (up to six bytes for one)
	 * or U+FFFD (three) reserves what is left again.  An invalid UTF-8
	 * byte becomes U+FFFD (the library's strings are valid UTF-8, but
	 * file names and ids need not be, and the output must stay valid
	 * JSON), as cli_buf_put_utf8() does. */
	if (n > SIZE_MAX - 8) {
		b->failed = 1;
		return;
	}
	if (!(o = cli_buf_room(b, n + 2)))
		return;
	*o++ = '"';
	while (i < n) {
		ch = (unsigned char)s[i];
		if (ch < 0x80 && !json_esc[ch]) {
			*o++ = (char)ch;
			i++;
			continue;
		}
		if (ch >= 0x80) {
			k = cli_utf8_next(s + i, n - i, &cp);
			if (cp != 0xFFFD || k != 1) {
				memcpy(o, s + i, k);
				o += k;
				i += k;
				continue;
			}
		}
		b->len = (size_t)(o - b->ptr);
		if (!(o = cli_buf_room(b, n - i + 6)))
			return;
		i++;
		if (ch >= 0x80) {
			memcpy(o, "\xEF\xBF\xBD", 3);
			o += 3;
			continue;
		}
		*o++ = '\\';
		*o++ = json_esc[ch];
		if (json_esc[ch] == 'u') {
			*o++ = '0';
			*o++ = '0';
			*o++ = hex[ch >> 4];
			*o++ = hex[ch & 15];
		}
	}
	*o++ = '"';
	b->len = (size_t)(o - b->ptr);
	*o = '\0';
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
