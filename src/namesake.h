/*
 * namesake.h: which of two or more people sharing a surname a surname
 * alone names (namesake.c, for entities.c).
 */
#ifndef QUOTH_NAMESAKE_H
#define QUOTH_NAMESAKE_H

#include "attrib_int.h"

/* The most namesakes weighed for one surname (entities.c). */
#define NAMESAKE_MAX 8

/*
 * A surname alone, ending before token b, matches the n fuller names
 * ns[] (entity indices, newest first): "Clinton" with Bill and Hillary
 * Clinton named.  The one the article's evidence names, or -1 when
 * nothing decides: `gender` the mention's own (an honorific: "Mrs.
 * Clinton"), else the pronoun of its reported clause ("Clinton said
 * she"), against each candidate's so far (honorifics, kinship,
 * "Hillary Clinton said she"): the one of that gender, else the one
 * not of the other; with `persons`, first a person over namesakes the
 * article showed to be no person ("Kell" after Dana Kell and Fort Kell).
 * How often a candidate was named is no evidence here.
 */
int qt_namesake_pick(const actx *c, const int *ns, size_t n, size_t b,
                     int gender, bool persons);

/* The gender the pronoun of a name's own reported clause shows ("Kell
 * said she"), the name ending before token b; 0 for none. */
int qt_reported_gender(const actx *c, size_t b);

/*
 * Where no evidence decides between the namesakes ns[] of the surname
 * at token a: the choice of the learned namesake model (the `ns:`
 * weights of choice-weights.txt, used when its `ns:adopted` weight is 1)
 * over generic features (how often and how lately each was named, which
 * was named first, its title), else the hand order's, ns[hand].  With
 * QUOTH_DUMP_CANDIDATES=PATH set, appends the candidates, their
 * features and `evidence` (the entity the evidence named, or -1) to
 * PATH for tools/train_choice.py, and takes the hand order's.
 */
int qt_namesake_choose(const actx *c, const int *ns, size_t n, size_t a,
                       size_t hand, int evidence);

#endif
