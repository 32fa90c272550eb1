/*
 * speaker_memo.c: attribution: the speaker phrases already parsed, per
 * token, while the direct quotes are linked (link.c).  Quotes close
 * together read the same words (one quote's words after it are the next
 * one's words before it; the subject before a cue is read again by the
 * chunks around it), and a phrase is parsed again inside longer ones
 * ("former" then "premier Brian Gallant").  A parse reads the tokens,
 * the word lists and the entity table.  During linking a few facts about
 * entities change (a person, a gender): c->ent_gen counts the changes.
 * The last speaker matters only to a description that falls back on it
 * (c->ls_used), and the recursion bound only to a parse that reaches it.
 * So the parse at token i is kept with the generation it saw, the last
 * speaker when it used it, and how deep it went, and is given again
 * while these still hold.  A direct-mapped table by token: quotes are
 * linked in text order, so it keeps the recent words.
 */
#include <stdlib.h>

#include "attrib_int.h"

#define PMEMO_SLOTS 1024 /* at most; a power of two */
#define PMEMO_ANY (-2)   /* (-1 is "no last speaker") */

typedef struct {
	size_t m;     /* what the parse returned */
	unsigned gen; /* c->ent_gen when it was made */
	int ls;       /* the last speaker it used, or PMEMO_ANY */
	int deeper;   /* the recursion depth it reached, from its own */
	speaker sp;
} pmemo_slot;

/* (the tokens apart from the rest: only they are zeroed for each
 * document, a few kB; a calloc of the whole table cost more than the
 * memo saved on short articles) */
struct speaker_memo {
	uint32_t *tok; /* per slot: its token + 1, 0 when empty */
	pmemo_slot *slot;
	size_t mask; /* slots - 1 */
};

/* A memo for a document of n tokens, or NULL when out of memory. */
struct speaker_memo *
qt_speaker_memo_new(size_t n)
{
	struct speaker_memo *pm = malloc(sizeof(*pm));
	size_t slots = 64;

	while (slots < n && slots < PMEMO_SLOTS)
		slots *= 2;
	if (!pm || n >= UINT32_MAX) {
		free(pm);
		return NULL;
	}
	pm->tok = calloc(slots, sizeof(*pm->tok));
	pm->slot = malloc(slots * sizeof(*pm->slot));
	pm->mask = slots - 1;
	if (!pm->tok || !pm->slot) {
		qt_speaker_memo_free(pm);
		return NULL;
	}
	return pm;
}

void
qt_speaker_memo_free(struct speaker_memo *pm)
{
	if (!pm)
		return;
	free(pm->tok);
	free(pm->slot);
	free(pm);
}

/* The parse at token i kept in c's memo, into *sp and *m; false when
 * there is none that still holds (made before an entity changed, with
 * another last speaker, or reaching the recursion bound from here). */
bool
qt_speaker_memo_get(actx *c, size_t i, int last_speaker, speaker *sp, size_t *m)
{
	const struct speaker_memo *pm = c->pmemo;
	const pmemo_slot *s = &pm->slot[i & pm->mask];

	if (pm->tok[i & pm->mask] != i + 1 || s->gen != c->ent_gen ||
	    (s->ls != PMEMO_ANY && s->ls != last_speaker) ||
	    c->depth + s->deeper >= PARSE_DEPTH)
		return false;
	*sp = s->sp;
	*m = s->m;
	/* (what it read, the parse that asked read too) */
	c->ls_used = c->ls_used || s->ls != PMEMO_ANY;
	if (c->pm_reach < c->depth + s->deeper)
		c->pm_reach = c->depth + s->deeper;
	return true;
}

/* A parse starts at c->depth: what the one around it read so far goes
 * into *fr. */
void
qt_speaker_memo_enter(actx *c, pmemo_frame *fr)
{
	fr->gen = c->ent_gen;
	fr->ls_used = c->ls_used;
	fr->reach = c->pm_reach;
	c->ls_used = false;
	c->pm_reach = c->depth;
}

/* The parse entered with *fr gave sp and m for token i: kept, unless it
 * reached the recursion bound; what it read goes to the one around it. */
void
qt_speaker_memo_leave(actx *c, const pmemo_frame *fr, size_t i,
                      int last_speaker, const speaker *sp, size_t m)
{
	if (c->pm_reach < PARSE_DEPTH) {
		pmemo_slot *s = &c->pmemo->slot[i & c->pmemo->mask];
		c->pmemo->tok[i & c->pmemo->mask] = (uint32_t)(i + 1);
		s->m = m;
		s->gen = fr->gen;
		s->ls = c->ls_used ? last_speaker : PMEMO_ANY;
		s->deeper = c->pm_reach - c->depth;
		s->sp = *sp;
	}
	c->ls_used = c->ls_used || fr->ls_used;
	if (c->pm_reach < fr->reach)
		c->pm_reach = fr->reach;
}

/* A parse stopped at the recursion bound. */
void
qt_speaker_memo_deep(actx *c)
{
	if (c->pm_reach < c->depth)
		c->pm_reach = c->depth;
}
