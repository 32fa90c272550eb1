/*
 * lexicon.c: language data, below every stage that looks words up: a set
 * of case-folded phrases with a flag mask each (open addressing, a hash
 * of eight bytes a step, kept in the slot so that a probe compares bytes
 * only when the hashes agree), and the lookup of a token span in it,
 * folded as data.c folds the files' phrases.  The phrases live in one
 * arena of blocks that never move (one allocation per 64 KiB, not one
 * per phrase).  Reads tokens and text, writes nothing but its own
 * tables.
 */
#include <stdlib.h>
#include <string.h>

#include "lexicon.h"
#include "text.h"

typedef struct {
	const char *key; /* folded phrase, NUL-terminated, in the arena */
	uint32_t len;
	uint32_t hash;
	int value;
} lex_entry;

/* A block of the key arena; blocks are chained for freeing. */
typedef struct lex_block {
	struct lex_block *next;
	size_t used, cap;
	char b[];
} lex_block;

#define BLOCK_SIZE 65536

struct lexicon {
	lex_entry *slots;
	size_t cap; /* power of two */
	size_t n;
	size_t max_words;
	lex_block *blocks; /* the newest first */
};

lexicon *
qt_lexicon_new(void)
{
	lexicon *lx = calloc(1, sizeof(*lx));

	if (!lx)
		return NULL;
	lx->cap = 64;
	lx->slots = calloc(lx->cap, sizeof(lex_entry));
	if (!lx->slots) {
		free(lx);
		return NULL;
	}
	return lx;
}

void
qt_lexicon_free(lexicon *lx)
{
	lex_block *b, *next;

	if (!lx)
		return;
	for (b = lx->blocks; b; b = next) {
		next = b->next;
		free(b);
	}
	free(lx->slots);
	free(lx);
}

/* A copy of s[0..n) with a NUL after it, in lx's arena. */
static char *
arena_copy(lexicon *lx, const char *s, size_t n)
{
	lex_block *b = lx->blocks;
	char *d;

	if (!b || b->cap - b->used < n + 1) {
		size_t cap = n + 1 > BLOCK_SIZE ? n + 1 : BLOCK_SIZE;
		b = malloc(sizeof(*b) + cap);
		if (!b)
			return NULL;
		b->cap = cap;
		b->used = 0;
		b->next = lx->blocks;
		lx->blocks = b;
	}
	d = b->b + b->used;
	memcpy(d, s, n);
	d[n] = '\0';
	b->used += n + 1;
	return d;
}

/* The table's hash of s[0..n): eight bytes a step, the tail
 * zero-padded. */
static uint32_t
lex_hash(const char *s, size_t n)
{
	uint64_t h = qt_mix_bytes(n, s, n);

	h = (h ^ (h >> 32)) * 0xBF58476D1CE4E5B9ull;
	return (uint32_t)(h ^ (h >> 31));
}

static lex_entry *
find_slot(lex_entry *slots, size_t cap, const char *s, size_t n, uint32_t h)
{
	size_t i = (size_t)h & (cap - 1);

	while (slots[i].key && !(slots[i].hash == h && slots[i].len == n &&
	                         memcmp(slots[i].key, s, n) == 0))
		i = (i + 1) & (cap - 1);
	return &slots[i];
}

/* Make room for cap slots (a power of two above the entries). */
static bool
resize(lexicon *lx, size_t cap)
{
	size_t i;
	lex_entry *slots = calloc(cap, sizeof(lex_entry));

	if (!slots)
		return false;
	for (i = 0; i < lx->cap; i++)
		if (lx->slots[i].key)
			*find_slot(slots, cap, lx->slots[i].key,
			           lx->slots[i].len,
			           lx->slots[i].hash) = lx->slots[i];
	free(lx->slots);
	lx->slots = slots;
	lx->cap = cap;
	return true;
}

bool
qt_lexicon_reserve(lexicon *lx, size_t n)
{
	size_t cap = lx->cap;

	while ((lx->n + n) * 2 > cap)
		cap *= 2;
	return cap == lx->cap || resize(lx, cap);
}

bool
qt_lexicon_add(lexicon *lx, const char *s, size_t n, int value)
{
	lex_entry *e;
	size_t words = 1;
	const char *sp;
	uint32_t h;

	if (n > UINT32_MAX - 1)
		return false;
	if ((lx->n + 1) * 2 > lx->cap && !resize(lx, lx->cap * 2))
		return false;
	h = lex_hash(s, n);
	e = find_slot(lx->slots, lx->cap, s, n, h);
	if (e->key) {
		e->value |= value;
		return true;
	}
	e->key = arena_copy(lx, s, n);
	if (!e->key)
		return false;
	e->len = (uint32_t)n;
	e->hash = h;
	e->value = value;
	lx->n++;
	/* (the spaces found by memchr(): most phrases are one word) */
	for (sp = memchr(s, ' ', n); sp;
	     sp = memchr(sp + 1, ' ', n - (size_t)(sp + 1 - s)))
		words++;
	if (words > lx->max_words)
		lx->max_words = words;
	return true;
}

int
qt_lexicon_get(const lexicon *lx, const char *s, size_t n)
{
	const lex_entry *e;

	if (!lx || lx->n == 0)
		return -1;
	e = find_slot(lx->slots, lx->cap, s, n, lex_hash(s, n));
	return e->key ? e->value : -1;
}

void
qt_lexicon_each(const lexicon *lx,
                void (*fn)(void *arg, const char *key, size_t len, int value),
                void *arg)
{
	size_t i;

	if (!lx)
		return;
	for (i = 0; i < lx->cap; i++)
		if (lx->slots[i].key)
			fn(arg, lx->slots[i].key, lx->slots[i].len,
			   lx->slots[i].value);
}

size_t
qt_lexicon_size(const lexicon *lx)
{
	return lx ? lx->n : 0;
}

size_t
qt_lexicon_max_words(const lexicon *lx)
{
	return lx ? lx->max_words : 0;
}

int
qt_lexicon_get_tokens(const lexicon *lx, const char *text, const token *t,
                      size_t a, size_t b)
{
	char small[128];
	qbuf fold = {0};
	size_t i, n = 0;
	int v;

	/* ASCII fast path: fold into a stack buffer, no allocation (this
	 * runs for every token and lexicon) */
	for (i = a; i < b; i++) {
		size_t k, len = t[i].end - t[i].start;
		const unsigned char *p = (const unsigned char *)text +
		                         t[i].start;
		if (i > a && (t[i].flags & TF_SPACE_BEFORE)) {
			if (n == sizeof(small))
				break;
			small[n++] = ' ';
		}
		if (len > sizeof(small) - n)
			break;
		for (k = 0; k < len; k++) {
			if (p[k] >= 0x80)
				break;
			small[n++] = (char)(p[k] >= 'A' && p[k] <= 'Z'
			                            ? p[k] + 32
			                            : p[k]);
		}
		if (k < len)
			break;
	}
	if (i == b)
		return qt_lexicon_get(lx, small, n);

	for (i = a; i < b; i++) {
		if (i > a && (t[i].flags & TF_SPACE_BEFORE))
			qbuf_putc(&fold, ' ');
		qt_text_fold(&fold, text + t[i].start, t[i].end - t[i].start);
	}
	if (fold.failed) {
		qbuf_free(&fold);
		return -1;
	}
	v = qt_lexicon_get(lx, fold.ptr ? fold.ptr : "", fold.len);
	qbuf_free(&fold);
	return v;
}

bool
qt_data_split(const char *data, size_t len, size_t pos, size_t *end,
              size_t *eol, bool *ascii)
{
	const char *nl = memchr(data + pos, '\n', len - pos);
	size_t e = nl ? (size_t)(nl - data) : len, i = pos;
	uint64_t w, high = 0;

	*eol = e;
	if (e > pos && data[e - 1] == '\r')
		e--;
	*end = e;
	for (; i + 8 <= e; i += 8) {
		memcpy(&w, data + i, 8);
		high |= w;
	}
	for (; i < e; i++)
		high |= (unsigned char)data[i];
	*ascii = !(high & 0x8080808080808080ull);
	return *ascii ||
	       qt_text_first_invalid(data + pos, e - pos, NULL) == QUOTH_NONE;
}
