/*
 * roles.c: attribution, the entities by the roles and parties the
 * article gave them (entities.c collects both): "the mayor" to the
 * entity titled "Surrey Mayor", "the Democratic front-runner" against
 * the parties in an entity's titles.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "attrib_int.h"
#include "entindex.h"
#include "roles.h"

/* Does the folded role phrase f end one of e's titles, from a word
 * start ("mayor" of "Surrey Mayor", not of "vice-mayor" or "mayoral
 * candidate")?  With `inside`, it may also be any word's start. */
static bool
role_of(const entity *e, const char *f, size_t fl, bool inside)
{
	const char *p;

	if (!e->roles || !fl)
		return false;
	for (p = strstr(e->roles, f); p; p = strstr(p + 1, f))
		if ((p == e->roles || p[-1] == ' ' || p[-1] == '|') &&
		    (inside || p[fl] == '|'))
			return true;
	return false;
}

/* The newest entity the article gave a title with the words [a, b) in
 * it (with `whole`, a title that ends with them); with `unique`, -1 when
 * two different ones have such a title. */
static int
role_words_entity(const actx *c, size_t a, size_t b, bool unique, bool whole)
{
	char *ph;
	size_t len, k, i, nr = 0;
	qbuf f = {0};
	int found = -1;
	const int32_t *roled;

	ph = qt_span_text(c, a, b, &len);
	if (!ph)
		return -1;
	qt_text_fold(&f, ph, len);
	free(ph);
	if (f.failed || !f.ptr) {
		qbuf_free(&f);
		return -1;
	}
	/* (the entities with roles, when the index has them: no other
	 * entity's role can match) */
	roled = qt_eidx_roled_list(c, &nr);
	for (i = roled ? nr : c->ents.len; i-- > 0;) {
		k = roled ? (size_t)roled[i] : i;
		if (k + ENTITY_WINDOW <= c->ents.len)
			break;
		if (!role_of(ent_at(c, (int)k), f.ptr, f.len, !whole))
			continue;
		if (found < 0) {
			found = (int)k;
			if (!unique)
				break;
		} else {
			found = -1;
			break;
		}
	}
	qbuf_free(&f);
	return found;
}

int
qt_entity_by_role_words(const actx *c, size_t a, size_t b, bool unique)
{
	return role_words_entity(c, a, b, unique, false);
}

int
qt_entity_by_role_phrase(const actx *c, size_t a, size_t b)
{
	return role_words_entity(c, a, b, true, true);
}

/* Party labels before a role ("the Democratic front-runner"), by party:
 * bit 1 Republican, bit 2 Democratic, bit 4 any other. */
static int
party_bits(const char *w, size_t n)
{
	static const struct {
		const char *w;
		int bit;
	} pl[] = {{"republican", 1}, {"gop", 1},         {"democratic", 2},
	          {"democrat", 2},   {"libertarian", 4}, {"green", 4},
	          {"independent", 4}};
	size_t k;

	for (k = 0; k < QUOTH_ARRAY_LEN(pl); k++)
		if (strlen(pl[k].w) == n && strncasecmp(w, pl[k].w, n) == 0)
			return pl[k].bit;
	return 0;
}

/* The parties named by capitalised words in [a, b). */
int
qt_party_of(const actx *c, size_t a, size_t b)
{
	size_t k;
	int bits = 0;

	for (k = a; k < b; k++)
		if (is_w(&c->t[k]) && (c->t[k].flags & TF_CAP))
			bits |= party_bits(c->text + c->t[k].start,
			                   c->t[k].end - c->t[k].start);
	return bits;
}

/* Did the article title e with a party other than those in bits, and
 * with none of them? */
bool
qt_other_party(const entity *e, int bits)
{
	const char *p = e->roles;
	int seen = 0;

	if (!p || !bits)
		return false;
	while (*p) {
		size_t n = strcspn(p, " |");
		seen |= party_bits(p, n);
		p += n;
		if (*p)
			p++;
	}
	return (seen & ~bits) && !(seen & bits);
}

/* The entity the article gave a title containing the head noun at i. */
int
qt_entity_by_role(const actx *c, size_t head)
{
	return qt_entity_by_role_words(c, head, head + 1, false);
}
