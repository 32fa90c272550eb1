/*
 * entindex.h: the entities with roles, kept by entindex.c beside its
 * name chains, so that a lookup by role (qt_entity_by_role_words())
 * compares only them instead of the last ENTITY_WINDOW entities; and
 * each entity's mentions, so that a look at them (namesake.c) reads
 * only its own instead of the last MENTION_WINDOW mentions.
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

/* Mention m (an index in c->ments), the newest, was added
 * (entities.c add_mention()); false when out of memory (the chains are
 * then unusable: see qt_eidx_has_mentions()). */
bool qt_eidx_mentioned(actx *c, size_t m);
/* Are the chains of each entity's mentions usable (every mention added
 * so far is in them)? */
bool qt_eidx_has_mentions(const actx *c);
/* The newest mention of entity e (an index in c->ments), -1 for none;
 * and the one of its entity before mention m, -1 for none.  Only while
 * qt_eidx_has_mentions(). */
int qt_eidx_last_mention(const actx *c, int e);
int qt_eidx_prev_mention(const actx *c, int m);

/* The last word of entity e's name (as a pointer into it) and its
 * length, kept by the index: no scan of the name.  Only for an entity
 * the index holds (one read from a chain). */
const char *qt_eidx_last_word(const actx *c, int e, size_t *wl);

#endif
