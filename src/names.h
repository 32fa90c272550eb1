/*
 * names.h: shapes of names that the entity scan (entities.c) asks about,
 * kept by names.c: a one-word name opening a sentence.
 */
#ifndef QUOTH_NAMES_H
#define QUOTH_NAMES_H

#include "attrib_int.h"

/* Is the lone capitalised word at a, opening its sentence, a person's
 * name by itself ("Orlova spoke at the harbour")? */
bool qt_opener_is_name(const actx *c, size_t a);

#endif
