/*
 * boilerplate.h: the parts of a page that are not the story's sentences
 * (boilerplate.c), for the quote stage and attribution.
 */
#ifndef QUOTH_BOILERPLATE_H
#define QUOTH_BOILERPLATE_H

#include "tokens.h"

typedef struct actx actx;

/* Does the paragraph starting at token pa open with a capitalised label
 * and a colon ("READ MORE:", "WATCH:")?  Such lines link to other
 * stories; their quotes are headlines, not speech. */
bool qt_label_line(const char *text, const token *t, size_t n, size_t pa);

/* Does the paragraph of tokens [pa, pb) end with a photo credit,
 * "(Adrian Wyld/Canadian Press)"?  Then it is a caption, which repeats
 * the story: its quotes are not reported again. */
bool qt_caption_para(const token *t, size_t pa, size_t pb);

/* Is token i in a dateline that opens its paragraph ("WASHINGTON (AP)
 * --")? */
bool qt_dateline(const actx *c, size_t i);
/* Is the capitalised run [a, b) a piece of a headline in title case? */
bool qt_headline_run(const actx *c, size_t a, size_t b);
/* Does paragraph [pa, pb) look like a photo caption or a video blurb? */
bool qt_photo_para(const actx *c, size_t pa, size_t pb);

#endif
