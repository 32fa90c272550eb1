/*
 * quotes_int.h: the quote state machine (quotes.c).
 */
#ifndef QUOTH_QUOTES_INT_H
#define QUOTH_QUOTES_INT_H

#include "result.h"

/* Find the quoted passages of a tokenized text and append them to r as
 * QUOTH_DIRECT or QUOTH_PARTIAL quotes; scare quotes are dropped. */
bool qt_find_quotes(const quoth_extractor *ex, const char *text, token_list *tl,
                    quoth_result *r);

#endif
