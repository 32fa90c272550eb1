/*
 * window.h: the pipeline's two halves (extract.c), which window.c runs on
 * one window of a long document at a time (quoth_extract_each()).
 */
#ifndef QUOTH_WINDOW_H
#define QUOTH_WINDOW_H

#include "result.h"
#include "tokens.h"

quoth_status qt_extract_error(quoth_error *err, quoth_status st, size_t offset,
                              const char *msg);

/* QUOTH_ERR_LIMIT when a document of len bytes is too long;
 * QUOTH_ERR_UTF8 when QUOTH_OPT_STRICT_UTF8 finds invalid UTF-8. */
quoth_status qt_extract_check(const quoth_extractor *ex, const char *text,
                              size_t len, quoth_error *err);

/* Line map, tokens (`blank`: 1 blank lines end paragraphs, 0 every line
 * break does, -1 the text decides), quotes and attribution on
 * text[0..len), quotes sorted by start.  False when out of memory. */
bool qt_extract_find(const quoth_extractor *ex, const char *text, size_t len,
                     size_t skip, int blank, token_list *tl, quoth_result *r);

/* qt_extract_find() in two halves: up to the quotes (in no set order),
 * then attribution, which sorts them. */
bool qt_extract_quotes(const quoth_extractor *ex, const char *text, size_t len,
                       size_t skip, int blank, token_list *tl, quoth_result *r);
bool qt_extract_attribute(const quoth_extractor *ex, const char *text,
                          token_list *tl, quoth_result *r);

/* Keep the quotes starting in [from, to), then their lines, strings and
 * the types asked for.  False when out of memory. */
bool qt_extract_finish(const quoth_extractor *ex, const char *text,
                       const token_list *tl, quoth_result *r, size_t from,
                       size_t to);

/* (extract.c) 1-based line and column (in code points) of byte `offset` of
 * text[0..len), without a line map. */
void qt_text_locate(const char *text, size_t len, size_t offset, size_t *line,
                    size_t *column);

#endif
