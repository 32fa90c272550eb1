/*
 * namecues.c: attribution, what the article's words show about the
 * names entities.c collected, read after the collection: a full name
 * first written after "at" that the article goes on to show as a person
 * ("took aim at Ada Finch ... Finch said") is no place.  Reads the
 * mentions; writes the entities' place flags.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "attrib_int.h"

/* Is the entity's name two words or more, none of them an organisation
 * word, and no place WordNet knows? */
static bool
personal_form(const actx *c, const entity *e)
{
	return !e->org && !e->headorg && memchr(e->name, ' ', e->name_len) &&
	       qt_place_flags(c, e) < 0;
}

/* Is mention m one word, the last word of its entity's fuller name
 * ("Bakri" of "Marco Bakri": a person's surname alone)? */
static bool
surname_alone(const actx *c, const mention_rec *m, const entity *e)
{
	size_t n = c->t[m->tok].end - c->t[m->tok].start;

	return m->end == m->tok + 1 && e->name_len > n + 1 &&
	       e->name[e->name_len - n - 1] == ' ' &&
	       memcmp(e->name + e->name_len - n, c->text + c->t[m->tok].start,
	              n) == 0;
}

/*
 * "Critics took aim at Marco Bakri on Friday. Bakri said ...": a full
 * name the article first wrote after "at" (person_signals() then typed
 * it a place) and shows as a person (its surname alone, a title, a
 * gender): a person after all, when "at" is the only place word before
 * any of its mentions.
 */
void
qt_people_seen_at(actx *c)
{
	size_t i, k;
	/* per entity: mentions after "at", after another place word, and
	 * its surname alone */
	uint32_t(*seen)[3];

	for (i = 0; i < c->ents.len; i++)
		if (ent_at(c, (int)i)->place)
			break;
	if (i == c->ents.len)
		return;
	seen = calloc(c->ents.len, sizeof(*seen));
	if (!seen) {
		c->failed = true;
		return;
	}
	for (k = 0; k < c->ments.len; k++) {
		const mention_rec *m = QVEC_AT(&c->ments, mention_rec, k);
		const entity *e = ent_at(c, m->ent);
		if (!e->place)
			continue;
		if (surname_alone(c, m, e))
			seen[m->ent][2]++;
		if (m->tok > 0 && word_is(c, m->tok - 1, W_PLACE_PREP))
			seen[m->ent][wordeq(c, m->tok - 1, "at") ? 0 : 1]++;
	}
	for (i = 0; i < c->ents.len; i++) {
		entity *e = ent_at(c, (int)i);
		if (e->place && seen[i][0] == 1 && seen[i][1] == 0 &&
		    (seen[i][2] || e->person || e->strong || e->gender ||
		     e->title) &&
		    personal_form(c, e))
			e->place = e->nonperson = false;
	}
	free(seen);
}

/* Is the word at k a title ("Secretary") or an honorific ("Speaker"),
 * which an "of" phrase may follow inside a title ("Speaker of the House
 * Nan Ode")? */
bool
qt_title_of_word(const actx *c, size_t k)
{
	return qt_lex(c, LEX_TITLES, k, k + 1) >= 0 ||
	       qt_lex(c, LEX_HONORIFICS, k, k + 1) >= 0;
}

/* Is the capitalised run [a, b) an all-caps headline, no name ("RULES
 * FOR HARBOUR BOARD", "MAYOR VOWS TO FIGHT ON"): three words or more,
 * all in capitals, one of them a closed-class word (words.txt) or a
 * cue? */
bool
qt_allcaps_headline(const actx *c, size_t a, size_t b)
{
	size_t k, words = 0;
	bool function = false;

	for (k = a; k < b; k++) {
		if (!is_w(&c->t[k]))
			continue;
		if (!(c->t[k].flags & TF_ALLCAP))
			return false;
		words++;
		if (qt_word_flags(c, k) != 0 ||
		    qt_lex(c, LEX_CUES, k, k + 1) >= 0)
			function = true;
	}
	return words >= 3 && function;
}
