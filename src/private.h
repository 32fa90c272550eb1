/*
 * private.h: every internal header of libquoth at once, for the files
 * that use several stages' declarations (verify.c, quotes.c, the unit
 * tests).  A stage file includes only the headers of what it calls:
 *
 *   buf.h        buffers, arrays, checked sizes        (buf.c)
 *   text.h       UTF-8, lines, folding                 (text.c)
 *   tokens.h     tokens and quote marks                (tokenize.c)
 *   lexicon.h    phrase sets, cue patterns, data files (lexicon.c,
 *                                                       cuepat.c, data.c)
 *   segment.h    sentences and paragraphs              (segment.c)
 *   boilerplate.h datelines, captions, link labels      (boilerplate.c)
 *   cues.h       the cue test                          (cues.c)
 *   result.h     quote records and results             (result.c)
 *   quotes_int.h the quote state machine               (quotes.c)
 *   attrib.h     attribution                           (attrib.c; its
 *                parts share attrib_int.h)
 *
 * Not installed.  Every symbol here is hidden (-fvisibility=hidden).
 */
#ifndef QUOTH_PRIVATE_H
#define QUOTH_PRIVATE_H

#include "attrib.h"
#include "boilerplate.h"
#include "buf.h"
#include "cues.h"
#include "lexicon.h"
#include "quotes_int.h"
#include "result.h"
#include "segment.h"
#include "text.h"
#include "tokens.h"

#endif
