/*
 * lower.c: attribution, the words an article writes in lowercase
 * ("guns" makes a sentence-initial "Guns" no name), as a set of folded
 * words: a hash table of spans, of the text itself when the word is
 * written in lowercase ASCII (no copy), else of its folded copy.  Folded
 * as lexicon lookups fold.  A word the symbol table knows (symtab.c)
 * is one bit of a bitset instead: the same fold gave it its symbol, so
 * equal symbols are equal folded words, and most words cost no hashing.
 * Reads tokens and text; writes the set.
 */
#include <stdlib.h>

#include "attrib_int.h"

#define LOW_ARENA 0x80000000u /* len: the key is in the arena */

/* The set's hash of the folded word s[0..n): eight bytes a step. */
static inline uint32_t
low_hash(const char *s, size_t n)
{
	uint64_t h = qt_mix_bytes(n, s, n);

	return (uint32_t)(h ^ (h >> 32));
}

/* Eight ASCII-or-not bytes w: any byte outside ASCII or in A-Z? */
static inline bool
not_lower8(uint64_t w)
{
	uint64_t ge_a = (w & ~QT_HIGHS) + QT_ONES * (0x80 - 'A');
	uint64_t gt_z = (w & ~QT_HIGHS) + QT_ONES * (0x80 - 'Z' - 1);

	return ((w | (ge_a & ~gt_z)) & QT_HIGHS) != 0;
}

/* Is w[0..n) ASCII with no uppercase letter (so folded as it stands)?
 * Then *h is its low_hash().  Eight bytes a step, read whole while room
 * bytes from w can be read (the text goes on). */
static bool
ascii_lower(const char *w, size_t n, size_t room, uint32_t *h)
{
	uint64_t x, hh = n;
	size_t k = 0;

	for (; k < n; k += 8) {
		size_t r = n - k;
		if (k + 8 <= room) {
			memcpy(&x, w + k, 8);
			if (r < 8)
				x &= qt_head_mask(r);
		} else {
			x = 0;
			memcpy(&x, w + k, r < 8 ? r : 8);
		}
		if (not_lower8(x))
			return false;
		hh = qt_mix8(hh, x);
	}
	*h = (uint32_t)(hh ^ (hh >> 32));
	return true;
}

typedef struct {
	uint32_t off, len; /* in the text, or in the arena (LOW_ARENA) */
	uint32_t hash;
} low_entry;

struct lowerset {
	low_entry *e;
	size_t n, cap;
	uint32_t *slots; /* entry + 1, 0 empty; power of two */
	size_t nslots;
	qbuf arena;
	uint64_t *bits; /* symbol s written in lowercase: bit s */
	size_t nbits;   /* symbols the bitset covers */
};

static const char *
key_of(const actx *c, const low_entry *e)
{
	return (e->len & LOW_ARENA) ? c->lower->arena.ptr + e->off
	                            : c->text + e->off;
}

/* The entry + 1 of s[0..n) with hash h, or 0; *slot its slot or the
 * empty one where it goes. */
static uint32_t
find(const actx *c, const char *s, size_t n, uint32_t h, size_t *slot)
{
	const struct lowerset *ls = c->lower;
	size_t i = h & (ls->nslots - 1);

	while (ls->slots[i]) {
		const low_entry *e = &ls->e[ls->slots[i] - 1];
		if (e->hash == h && (e->len & ~LOW_ARENA) == n &&
		    memcmp(key_of(c, e), s, n) == 0)
			break;
		i = (i + 1) & (ls->nslots - 1);
	}
	*slot = i;
	return ls->slots[i];
}

static bool
grow(actx *c)
{
	struct lowerset *ls = c->lower;
	size_t ns = ls->nslots * 2, k, i;
	uint32_t *slots = calloc(ns, sizeof(uint32_t));

	if (!slots)
		return false;
	for (k = 0; k < ls->n; k++) {
		i = ls->e[k].hash & (ns - 1);
		while (slots[i])
			i = (i + 1) & (ns - 1);
		slots[i] = (uint32_t)k + 1;
	}
	free(ls->slots);
	ls->slots = slots;
	ls->nslots = ns;
	return true;
}

/* Add the key s[0..n) of low_hash() h (at off, in the arena or not). */
static bool
add(actx *c, const char *s, size_t n, uint32_t h, size_t off, bool arena)
{
	struct lowerset *ls = c->lower;
	size_t slot;

	if (n >= LOW_ARENA || off > UINT32_MAX)
		return false;
	if (find(c, s, n, h, &slot))
		return true;
	if (ls->n + 1 > ls->cap) {
		size_t cap = ls->cap * 2;
		low_entry *e = qt_xrealloc_array(ls->e, cap, sizeof(*e));
		if (!e)
			return false;
		ls->e = e;
		ls->cap = cap;
	}
	ls->e[ls->n].off = (uint32_t)off;
	ls->e[ls->n].len = (uint32_t)n | (arena ? LOW_ARENA : 0);
	ls->e[ls->n].hash = h;
	ls->slots[slot] = (uint32_t)++ls->n;
	if (ls->n * 2 > ls->nslots && !grow(c))
		return false;
	return true;
}

/* The short words qt_lower_build() last added, by their bytes as
 * written: a direct-mapped table, so that a word the article repeats
 * ("grandparents" is not in the lexicons: each time) is hashed and
 * looked up in the set once. */
#define SEEN_BITS 10

/* Fill c->lower with every word the article writes in lowercase. */
bool
qt_lower_build(actx *c)
{
	struct lowerset *ls = calloc(1, sizeof(*ls));
	/* (the text goes on at least to the last token's end) */
	size_t i, len = c->n ? c->t[c->n - 1].end : 0, nbits, nt = c->n;
	/* (the bitset and the tokens in locals: a store to the set
	 * changes neither) */
	const token *tok = c->t;
	uint64_t *bits;
	uint64_t seen[1u << SEEN_BITS];    /* zero-padded */
	uint8_t seen_len[1u << SEEN_BITS]; /* 0: empty */

	c->lower = ls;
	if (!ls)
		return false;
	ls->cap = 256;
	ls->nslots = 512;
	ls->e = malloc(ls->cap * sizeof(*ls->e));
	ls->slots = calloc(ls->nslots, sizeof(uint32_t));
	ls->nbits = qt_sym_count(c->ld);
	ls->bits = calloc(ls->nbits / 64 + 1, sizeof(uint64_t));
	if (!ls->e || !ls->slots || !ls->bits)
		return false;
	bits = ls->bits;
	nbits = ls->nbits;
	/* (only the lengths cleared: a kilobyte) */
	memset(seen_len, 0, sizeof(seen_len));
	for (i = 0; i < nt; i++) {
		const token *t = &tok[i];
		const char *w;
		size_t n, off, slot = 0;
		uint32_t s = t->sym & ~SYM_NONASCII, h;
		uint64_t x = 0;
		const char *f;
		if (!is_w(t) || (t->flags & TF_CAP))
			continue;
		if (s > 1 && s < nbits) {
			bits[s / 64] |= (uint64_t)1 << (s & 63);
			continue;
		}
		w = c->text + t->start;
		n = t->end - t->start;
		/* (the same bytes as a short word added before: in the set) */
		if (n <= 8 && t->start + 8 <= len) {
			memcpy(&x, w, 8);
			x &= qt_head_mask(n);
			slot = (size_t)(((x ^ n) * 0x9E3779B97F4A7C15ull) >>
			                (64 - SEEN_BITS));
			if (seen_len[slot] == n && seen[slot] == x)
				continue;
		}
		/* (ASCII lowercase as it stands: no folding to do) */
		if (ascii_lower(w, n, len - t->start, &h)) {
			if (!add(c, w, n, h, t->start, false))
				return false;
		} else {
			off = ls->arena.len;
			qt_text_fold(&ls->arena, w, n);
			if (ls->arena.failed)
				return false;
			f = ls->arena.ptr ? ls->arena.ptr + off : "";
			if (!add(c, f, ls->arena.len - off,
			         low_hash(f, ls->arena.len - off), off, true))
				return false;
		}
		if (n <= 8 && t->start + 8 <= len) {
			seen[slot] = x;
			seen_len[slot] = (uint8_t)n;
		}
	}
	return true;
}

/* Does the article write word i in lowercase somewhere? */
bool
qt_lower_has(const actx *c, size_t i)
{
	const token *t = &c->t[i];
	const unsigned char *p = (const unsigned char *)c->text + t->start;
	size_t k, n = t->end - t->start, slot;
	char small[128];
	qbuf f = {0};
	bool in;

	uint32_t s = t->sym & ~SYM_NONASCII;

	if (!c->lower)
		return false;
	if (s > 1 && s < c->lower->nbits)
		return (c->lower->bits[s / 64] >> (s & 63)) & 1;
	if (c->lower->n == 0)
		return false;
	for (k = 0; k < n && k < sizeof(small) && p[k] < 0x80; k++)
		small[k] = (char)(p[k] >= 'A' && p[k] <= 'Z' ? p[k] + 32
		                                             : p[k]);
	if (k == n)
		return find(c, small, n, low_hash(small, n), &slot) != 0;
	qt_text_fold(&f, c->text + t->start, n);
	in = !f.failed && find(c, f.ptr ? f.ptr : "", f.len,
	                       low_hash(f.ptr ? f.ptr : "", f.len), &slot) != 0;
	qbuf_free(&f);
	return in;
}

void
qt_lower_free(actx *c)
{
	struct lowerset *ls = c->lower;

	if (!ls)
		return;
	free(ls->e);
	free(ls->slots);
	free(ls->bits);
	qbuf_free(&ls->arena);
	free(ls);
	c->lower = NULL;
}
