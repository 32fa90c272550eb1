/*
 * entindex.h: the entities with roles, kept by entindex.c beside its
 * name chains, so that a lookup by role (qt_entity_by_role_words())
 * compares only them instead of the last ENTITY_WINDOW entities.
 */
#ifndef QUOTH_ENTINDEX_H
#define QUOTH_ENTINDEX_H

#include "attrib_int.h"

/* Entity e got its first role (entities.c add_role()); false when out of
 * memory (the list is then unusable: see qt_eidx_roled_list()). */
bool qt_eidx_roled(actx *c, int e);
/* The entities with roles, ascending, and their count in *n; NULL when
 * there is no list (no index, or out of memory): then scan them all. */
const int32_t *qt_eidx_roled_list(const actx *c, size_t *n);

#endif
