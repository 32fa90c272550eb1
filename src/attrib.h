/*
 * attrib.h: the attribution stage's entry point (attrib.c); its parts
 * share attrib_int.h.
 */
#ifndef QUOTH_ATTRIB_H
#define QUOTH_ATTRIB_H

#include "result.h"

/* Link quotes to cues and speakers; adds indirect quotes; turns partial
 * quotes into mixed where a cue is in reach; fills the string fields. */
bool qt_attribute(const quoth_extractor *ex, const char *text, token_list *tl,
                  quoth_result *r);

#endif
