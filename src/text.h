/*
 * text.h: input text (text.c): UTF-8 decoding, byte <-> line:column,
 * trimming and case folding.
 */
#ifndef QUOTH_TEXT_H
#define QUOTH_TEXT_H

#include "buf.h"

/* Decode one code point at s[0..n) (n > 0).  Invalid or truncated
 * sequences give U+FFFD with *len = 1 and *bad = true. */
int32_t qt_text_decode(const char *s, size_t n, size_t *len, bool *bad);

/* Offset of the first invalid UTF-8 byte in s[0..n), or QUOTH_NONE. */
size_t qt_text_first_invalid(const char *s, size_t n, size_t *count);

/* Line starts for byte <-> line:column conversion. */
typedef struct {
	size_t *starts; /* byte offset of each line start */
	size_t n;
} line_map;

bool qt_line_map_build(line_map *m, const char *text, size_t len);
void qt_line_map_locate(const line_map *m, const char *text, size_t len,
                        size_t offset, size_t *line, size_t *column);
void qt_line_map_free(line_map *m);

/* text[a..b) without leading / trailing white space (ASCII or Zs). */
size_t qt_text_trim_start(const char *text, size_t a, size_t b);
size_t qt_text_trim_end(const char *text, size_t a, size_t b);

/* Lowercase (case-fold) UTF-8 text into b with utf8proc; ASCII fast path. */
void qt_text_fold(qbuf *b, const char *s, size_t n);

/* Append text[0..n) to b as valid UTF-8: invalid bytes become U+FFFD. */
void qbuf_put_utf8(qbuf *b, const char *text, size_t n);

/* The data files' shared pieces (data.c, choice_model.c, tagger.c), here
 * below all of them so that none has to call another. */
/* Fill *err (when not NULL) with status st, line and a message; returns
 * st.  For data-file errors: "FILE:LINE: what". */
quoth_status qt_data_fail(quoth_error *err, quoth_status st, size_t line,
                          const char *fmt, ...)
        __attribute__((format(printf, 4, 5)));
/* The line of a data file starting at byte pos: *end is where its text
 * ends (before any \r\n), *eol its \n (or len); false when the line is
 * not valid UTF-8. */
bool qt_data_line(const char *data, size_t len, size_t pos, size_t *end,
                  size_t *eol);

#endif
