/*
 * roles.h: the role look-ups of roles.c that attrib_int.h does not
 * declare.
 */
#ifndef QUOTH_ROLES_H
#define QUOTH_ROLES_H

#include "attrib_int.h"

/* The entity the article gave a title that ends with the words [a, b)
 * ("lawyer for the union" of "Dana Kell, the lawyer for the union,"),
 * or -1 when none or two different ones have it. */
int qt_entity_by_role_phrase(const actx *c, size_t a, size_t b);

#endif
