/*
 * kind.h: what a speaker entity is (the `kind` of its quotes): kind.c,
 * and the tagger's votes on it (classes.c).
 */
#ifndef QUOTH_KIND_H
#define QUOTH_KIND_H

#include "attrib_int.h"
#include "tagger.h"

bool qt_ner_votes(const actx *c, int ent, size_t votes[QT_NER_COUNT_]);
int qt_entity_kind(const actx *c, int ent);

#endif
