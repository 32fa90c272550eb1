/*
 * entindex.c: attribution, the index of the entity table: the entities
 * by the last word of their name (the surname) and, for names of two or
 * more words, by the first.  Every lookup of a name compares only the
 * entities that share a word with it instead of the last ENTITY_WINDOW
 * of them.  Each chain runs from the newest entity to the oldest, the
 * order of the linear scans it replaces.  A name changes only from one
 * word to more with the same last word (entity_for()), so the surname
 * chains never move; qt_eidx_renamed() adds the new first word.
 */
#include <stdlib.h>

#include "attrib_int.h"
#include "entindex.h"

enum { BY_LAST, BY_FIRST };

/* The first table's slots: one per INDEX_TOKENS_PER_SLOT / 2 tokens of
 * the text (at least 256, at most 2 * INDEX_SLOTS_MAX).  Callgrind
 * news2m: rehash() 1.65M -> 0.26M, the whole run 640.8M -> 638.9M. */
#define INDEX_TOKENS_PER_SLOT 32
#define INDEX_SLOTS_MAX ((size_t)1 << 15)

struct eindex {
	int32_t *head[2]; /* hash slot -> newest entity + 1, 0 empty */
	size_t nslots;    /* power of two */
	size_t used[2];
	int32_t *next[2]; /* per entity: the next older one + 1, 0 */
	/* per entity: the length of its name's word `which` (the last
	 * word ends the name, the first starts it), kept from
	 * qt_eidx_added() and qt_eidx_renamed() on */
	int32_t *wlen[2];
	size_t cap; /* of next[], wlen[] and mlast */
	/* the entities with roles (entity.roles), ascending; unusable
	 * once out of memory */
	int32_t *roled;
	size_t nroled, roled_cap;
	bool roled_failed;
	/* each entity's mentions, newest first: per entity its latest
	 * (index in c->ments + 1, 0 none; cap of them), per mention the one
	 * before it of its entity (mcap of them); unusable once out of
	 * memory */
	int32_t *mlast, *mprev;
	size_t mcap;
	bool m_failed;
};

/* The word `which` (BY_LAST, BY_FIRST) of name s[0..n). */
static const char *
name_word(const char *s, size_t n, int which, size_t *wl)
{
	size_t i;

	if (which == BY_LAST) {
		for (i = n; i > 0 && s[i - 1] != ' '; i--)
			;
		*wl = n - i;
		return s + i;
	}
	for (i = 0; i < n && s[i] != ' '; i++)
		;
	*wl = i;
	return s;
}

/* The word `which` of entity e's name, from the lengths kept. */
static const char *
ent_word(const actx *c, int e, int which, size_t *wl)
{
	const entity *x = ent_at(c, e);

	*wl = (size_t)c->eix->wlen[which][e];
	return which == BY_LAST ? x->name + x->name_len - *wl : x->name;
}

const char *
qt_eidx_last_word(const actx *c, int e, size_t *wl)
{
	return ent_word(c, e, BY_LAST, wl);
}

static bool
word_eq(const actx *c, int e, int which, const char *w, size_t wl)
{
	size_t l;
	const char *p = ent_word(c, e, which, &l);

	return l == wl && memcmp(p, w, wl) == 0;
}

/* The slot of word w in table `which`: the one holding its chain, or
 * the empty one where it goes. */
static size_t
slot_of(const actx *c, int which, const char *w, size_t wl)
{
	const struct eindex *x = c->eix;
	size_t i = (size_t)qt_hash_bytes(w, wl) & (x->nslots - 1);

	while (x->head[which][i] &&
	       !word_eq(c, x->head[which][i] - 1, which, w, wl))
		i = (i + 1) & (x->nslots - 1);
	return i;
}

static bool
rehash(actx *c)
{
	struct eindex *x = c->eix;
	size_t ns = x->nslots ? x->nslots * 2 : 256, k, w;
	int32_t *h[2], *old[2];
	size_t oldn = x->nslots;

	h[0] = calloc(ns, sizeof(int32_t));
	h[1] = calloc(ns, sizeof(int32_t));
	if (!h[0] || !h[1]) {
		free(h[0]);
		free(h[1]);
		return false;
	}
	old[0] = x->head[0];
	old[1] = x->head[1];
	x->head[0] = h[0];
	x->head[1] = h[1];
	x->nslots = ns;
	for (w = 0; w < 2; w++)
		for (k = 0; old[w] && k < oldn; k++)
			if (old[w][k]) {
				size_t wl;
				const char *p = ent_word(c, old[w][k] - 1,
				                         (int)w, &wl);
				h[w][slot_of(c, (int)w, p, wl)] = old[w][k];
			}
	free(old[0]);
	free(old[1]);
	return true;
}

/* Put entity e in chain `which` under its word, keeping the chain from
 * newest to oldest. */
static bool
link_in(actx *c, int e, int which)
{
	struct eindex *x = c->eix;
	size_t wl, s;
	const char *w;
	int32_t *p;

	if ((x->used[which] + 1) * 2 > x->nslots && !rehash(c))
		return false;
	w = ent_word(c, e, which, &wl);
	s = slot_of(c, which, w, wl);
	if (!x->head[which][s])
		x->used[which]++;
	/* (walk past the newer ones: only a renamed entity is older than
	 * the chain's head) */
	p = &x->head[which][s];
	while (*p && *p - 1 > e)
		p = &x->next[which][*p - 1];
	x->next[which][e] = *p;
	*p = e + 1;
	return true;
}

/* Keep the lengths of the first and the last word of e's name. */
static void
set_lengths(actx *c, int e)
{
	const entity *x = ent_at(c, e);
	size_t w, wl;

	for (w = 0; w < 2; w++) {
		(void)name_word(x->name, x->name_len, (int)w, &wl);
		c->eix->wlen[w][e] = (int32_t)wl;
	}
}

bool
qt_eidx_added(actx *c, int e)
{
	struct eindex *x = c->eix;
	const entity *en = ent_at(c, e);

	if (!x) {
		x = c->eix = calloc(1, sizeof(*x));
		if (!x)
			return false;
		/* (made late, after an allocation failed, the entities
		 * before e have no mention chains) */
		x->m_failed = e > 0;
		/* (room at once for the names a text of c->n tokens
		 * has, about one a INDEX_TOKENS_PER_SLOT of them: a long
		 * one's table is not rebuilt again and again as it fills;
		 * rehash() doubles this) */
		while (x->nslots < INDEX_SLOTS_MAX &&
		       x->nslots * INDEX_TOKENS_PER_SLOT < c->n)
			x->nslots = x->nslots ? x->nslots * 2 : 128;
		if (!rehash(c)) {
			x->nslots = 0; /* (no table: as before) */
			x->m_failed = true;
			return false;
		}
	}
	if ((size_t)e >= x->cap) {
		size_t cap = x->cap ? x->cap * 2 : 256, w;
		int32_t **arr[5] = {&x->next[0], &x->next[1], &x->wlen[0],
		                    &x->wlen[1], &x->mlast};
		for (w = 0; w < 5; w++) {
			int32_t **p = arr[w];
			int32_t *n = qt_xrealloc_array(*p, cap,
			                               sizeof(int32_t));
			if (!n) {
				x->m_failed = true; /* (e has no chain) */
				return false;
			}
			*p = n;
		}
		x->cap = cap;
	}
	x->mlast[e] = 0;
	set_lengths(c, e);
	if (!link_in(c, e, BY_LAST))
		return false;
	return !memchr(en->name, ' ', en->name_len) || link_in(c, e, BY_FIRST);
}

bool
qt_eidx_renamed(actx *c, int e)
{
	if (!c->eix || (size_t)e >= c->eix->cap)
		return false;
	set_lengths(c, e);
	return link_in(c, e, BY_FIRST);
}

static int
chain(const actx *c, int which, const char *w, size_t wl)
{
	const struct eindex *x = c->eix;
	size_t s;

	if (!x)
		return -1;
	s = slot_of(c, which, w, wl);
	return x->head[which][s] - 1;
}

int
qt_eidx_by_last(const actx *c, const char *w, size_t wl)
{
	return chain(c, BY_LAST, w, wl);
}

int
qt_eidx_by_first(const actx *c, const char *w, size_t wl)
{
	return chain(c, BY_FIRST, w, wl);
}

int
qt_eidx_next_last(const actx *c, int e)
{
	return c->eix->next[BY_LAST][e] - 1;
}

int
qt_eidx_next_first(const actx *c, int e)
{
	return c->eix->next[BY_FIRST][e] - 1;
}

void
qt_eidx_free(actx *c)
{
	struct eindex *x = c->eix;

	if (!x)
		return;
	free(x->head[0]);
	free(x->head[1]);
	free(x->next[0]);
	free(x->next[1]);
	free(x->wlen[0]);
	free(x->wlen[1]);
	free(x->roled);
	free(x->mlast);
	free(x->mprev);
	free(x);
	c->eix = NULL;
}

bool
qt_eidx_roled(actx *c, int e)
{
	struct eindex *x = c->eix;
	size_t i;

	if (!x || x->roled_failed)
		return false;
	if (x->nroled == x->roled_cap) {
		size_t cap = x->roled_cap ? x->roled_cap * 2 : 64;
		int32_t *n = qt_xrealloc_array(x->roled, cap, sizeof(int32_t));
		if (!n) {
			x->roled_failed = true;
			return false;
		}
		x->roled = n;
		x->roled_cap = cap;
	}
	/* (an older entity may get its first role late: kept in order) */
	for (i = x->nroled; i > 0 && x->roled[i - 1] > e; i--)
		x->roled[i] = x->roled[i - 1];
	x->roled[i] = e;
	x->nroled++;
	return true;
}

const int32_t *
qt_eidx_roled_list(const actx *c, size_t *n)
{
	const struct eindex *x = c->eix;

	if (!x || x->roled_failed)
		return NULL;
	*n = x->nroled;
	return x->roled;
}

bool
qt_eidx_mentioned(actx *c, size_t m)
{
	struct eindex *x = c->eix;
	const mention_rec *r = QVEC_AT(&c->ments, mention_rec, m);

	if (!x || x->m_failed || m >= INT32_MAX || r->ent < 0 ||
	    (size_t)r->ent >= x->cap)
		return false;
	if (m >= x->mcap) {
		size_t cap = x->mcap ? x->mcap * 2 : 256;
		int32_t *n = qt_xrealloc_array(x->mprev, cap, sizeof(int32_t));
		if (!n) {
			x->m_failed = true;
			return false;
		}
		x->mprev = n;
		x->mcap = cap;
	}
	x->mprev[m] = x->mlast[r->ent];
	x->mlast[r->ent] = (int32_t)m + 1;
	return true;
}

bool
qt_eidx_has_mentions(const actx *c)
{
	return c->eix && !c->eix->m_failed;
}

int
qt_eidx_last_mention(const actx *c, int e)
{
	return c->eix->mlast[e] - 1;
}

int
qt_eidx_prev_mention(const actx *c, int m)
{
	return c->eix->mprev[m] - 1;
}
