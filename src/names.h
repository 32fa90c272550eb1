/*
 * names.h: shapes of names that the entity scan (entities.c) asks about,
 * kept by names.c: a one-word name opening a sentence, a name with commas
 * inside, an organisation's part named with its possessive, and the
 * titles an apposition after a name gives it.
 */
#ifndef QUOTH_NAMES_H
#define QUOTH_NAMES_H

#include "attrib_int.h"

/* Is the lone capitalised word at a, opening its sentence, a person's
 * name by itself ("Orlova spoke at the harbour")? */
bool qt_opener_is_name(const actx *c, size_t a);

/* Is the lone capitalised word at a, opening its sentence, a common
 * noun or a number even read inside a sentence ("Frustrations with the
 * plan")? */
bool qt_opener_is_common(const actx *c, size_t a);

/* Is the lone capitalised word at a, inside its sentence, the
 * tagger's adjective or common noun before the lowercase noun it
 * modifies ("the city's Black population"), or the tagger's adjective
 * that WordNet has as a person noun too ("they were Black, male")? */
bool qt_modifier_word(const actx *c, size_t a);

/* Is [a, b) one word that WordNet has only as a plural noun for people
 * ("Porters", "Democrats")? */
bool qt_plural_people(const actx *c, size_t a, size_t b);

/* Is the title word ending the two-word run from a part of the name, a
 * plural noun for people ("Dallas Cowboys", "Charlie Spies")? */
bool qt_title_ends_name(actx *c, size_t a);

/* "the Ocean, Wind and Harbour Agency": the end of the name whose first
 * item is the capitalised run [a, b) (before a comma at b), when items
 * of capitalised words joined by commas and "and" end in an
 * organisation word, and none before it is a name of its own (an
 * acronym, an organisation word); else b. */
size_t qt_comma_name_end(const actx *c, size_t a, size_t b);

/* "the University of Tarnby's School of Public Policy": the end of the
 * name when the possessive run [a, b) holds an organisation word and the
 * capitalised words after it do too; else b. */
size_t qt_org_possessive_end(const actx *c, size_t a, size_t b);

/* Does the run [a, b) hold an organisation word (orgs.txt, WordNet's
 * organisations)? */
bool qt_has_org_word(const actx *c, size_t a, size_t b);

/* Is the word at k a first name in the first-name list ("Kevin" of
 * "Getty Images Kevin Vickers"; not "Fire" of "County Fire Rescue")? */
bool qt_first_name_at(const actx *c, size_t k);

/* The end of the phrase that "for" or "of" at k opens after a role word
 * ("the lawyer for the union"): words outside quotes, no cue; k when there
 * is none. */
size_t qt_role_phrase_end(actx *c, size_t k);

/* "Dan Lee, the harbour manager, said", "Dana Kell, the lawyer for the
 * union,": the title an apposition of "the" and a description ending in
 * a title (with its "for"/"of" phrase) gives the name ending before
 * token b, as a string (its length in *len), or NULL. */
char *qt_article_apposition_title(actx *c, size_t b, size_t *len);

/* "Raj Patel, Minister of Ports, Roads and Rail, said": the title an
 * apposition opening with a title word gives the name ending before
 * token b, as a string (its length in *len), or NULL. */
char *qt_apposition_title(actx *c, size_t b, size_t *len);

#endif
