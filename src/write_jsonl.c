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
#include <stdbool.h>
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

/* cli_buf_room() without the call when the room is there. */
static inline char *
room(struct cli_buf *b, size_t extra)
{
	if (!b->failed && b->ptr && extra < b->cap - b->len)
		return b->ptr + b->len;
	return cli_buf_room(b, extra);
}

/* 1 for the bytes that go into a JSON string as they are: ASCII but the
 * control characters, '"' and '\\'. */
#define P16 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1
#define Z16 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
/* clang-format off */
static const unsigned char plain_byte[256] = {
	Z16, Z16,
	1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x22 '"' */
	P16, P16,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, /* 0x5c '\\' */
	P16, P16,
	Z16, Z16, Z16, Z16, Z16, Z16, Z16, Z16, /* 0x80 on: UTF-8 */
};
/* clang-format on */

static inline int
json_plain(unsigned char ch)
{
	return plain_byte[ch];
}

void
cli_json_string(struct cli_buf *b, const char *s, size_t n)
{
	char *o;

	/* The most the string can take (every byte escaped in six), then
	 * one pass straight into the buffer. */
	if (n > (SIZE_MAX - 3) / 6) {
		b->failed = 1;
		return;
	}
	if (!(o = room(b, CLI_JSON_ROOM(n) + 1)))
		return;
	o = cli_json_string_at(o, s, n);
	b->len = (size_t)(o - b->ptr);
	*o = '\0';
}

/* Is c a UTF-8 continuation byte? */
static inline bool
is_cont(char c)
{
	return ((unsigned char)c & 0xC0) == 0x80;
}

/* Nonzero when a byte of w is not json_plain(): below 0x20, '"', '\\' or
 * from 0x80 on.  (When no byte has its high bit, x - 0x0101.. * c has a
 * high bit exactly when a byte of x is below c: the first such byte
 * borrows, none before it does.) */
#define ONES UINT64_C(0x0101010101010101)
#define HIGHS UINT64_C(0x8080808080808080)
static inline uint64_t
not_plain8(uint64_t w)
{
	uint64_t q = w ^ (ONES * '"'), b = w ^ (ONES * '\\');

	return (((w - ONES * 0x20) | (q - ONES) | (b - ONES)) | w) & HIGHS;
}

/* Runs of plain ASCII are copied whole (8 bytes at a time while no byte
 * needs a look); an invalid UTF-8 byte becomes U+FFFD (the library's
 * strings are valid UTF-8, but file names and ids need not be, and the
 * output must stay valid JSON), as cli_buf_put_utf8() does. */
char *
cli_json_string_at(char *o, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	size_t i = 0, k;
	unsigned char ch;
	uint64_t w;
	int32_t cp;

	*o++ = '"';
	while (i < n) {
		/* (o has room for 6 bytes per byte of s: 8 at once fit) */
		while (i + 8 <= n) {
			memcpy(&w, s + i, 8);
			if (not_plain8(w))
				break;
			memcpy(o, &w, 8);
			o += 8;
			i += 8;
		}
		while (i < n && json_plain((unsigned char)s[i]))
			*o++ = s[i++];
		if (i == n)
			break;
		ch = (unsigned char)s[i];
		/* (a valid two-byte sequence, or one of three from U+2000 to
		 * U+2FFF, the typographic quotes and dashes: copied without
		 * a call) */
		if (((ch >= 0xC2 && ch < 0xE0) || ch == 0xE2) &&
		    n - i >= (ch < 0xE0 ? 2u : 3u) && is_cont(s[i + 1]) &&
		    (ch < 0xE0 || is_cont(s[i + 2]))) {
			k = ch < 0xE0 ? 2 : 3;
			o[0] = s[i];
			o[1] = s[i + 1];
			if (k == 3)
				o[2] = s[i + 2];
			o += k;
			i += k;
			continue;
		}
		if (ch >= 0x80) {
			k = cli_utf8_next(s + i, n - i, &cp);
			if (cp == 0xFFFD && k == 1) {
				memcpy(o, "\xEF\xBF\xBD", 3);
				o += 3;
			} else {
				memcpy(o, s + i, k);
				o += k;
			}
			i += k;
			continue;
		}
		i++;
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
	return o;
}

void
cli_jsonl_cell(struct cli_writer *w, const struct cli_cell *c)
{
	struct cli_buf *b = w->out;
	/* Keys are plain identifiers (see the column tables). */
	const char *key = w->cols[w->col].name;
	size_t kn = strlen(key);
	int inline_value = c->kind == CLI_CELL_NUM || c->kind == CLI_CELL_BOOL;
	char *o;

	/* the separator, the key and a number, true, false or null: one
	 * reservation */
	if (inline_value && c->n > SIZE_MAX / 2) {
		b->failed = 1;
		return;
	}
	if (!(o = room(b, kn + 4 + (inline_value ? c->n : 4))))
		return;
	*o++ = w->emitted++ ? ',' : '{';
	*o++ = '"';
	memcpy(o, key, kn);
	o += kn;
	*o++ = '"';
	*o++ = ':';
	if (c->kind == CLI_CELL_NULL) {
		memcpy(o, "null", 4);
		o += 4;
	} else if (inline_value) {
		memcpy(o, c->s, c->n);
		o += c->n;
	}
	b->len = (size_t)(o - b->ptr);
	*o = '\0';
	if (c->kind == CLI_CELL_STR)
		cli_json_string(b, c->s, c->n);
}

void
cli_jsonl_row_end(struct cli_writer *w)
{
	cli_buf_puts(w->out, w->emitted ? "}\n" : "{}\n");
}
