/*
 * lexicon.c: language data, below every stage that looks words up: a set
 * of case-folded phrases with a flag mask each (open addressing, a hash
 * of eight bytes a step, kept in the slot so that a probe compares bytes
 * only when the hashes agree), and the lookup of a token span in it,
 * folded as data.c folds the files' phrases.  The phrases lie back to
 * back in one buffer, each followed by a NUL, and the slots hold their
 * offsets: so a table built at build time (tools/embed_lexicons.py) is
 * read where it lies in the library, with nothing copied, until a phrase
 * is added to it.  Reads tokens and text, writes nothing but its own
 * tables.
 */
#include <stdlib.h>
#include <string.h>

#include "lexicon.h"
#include "text.h"

struct lexicon {
	const qt_lex_slot *slots; /* own, or an image's */
	const char *keys;         /* own (own_keys.ptr), or an image's */
	size_t cap;               /* power of two */
	size_t n;
	size_t max_words;
	qt_lex_slot *own; /* the slots when they are lx's own, else NULL */
	qbuf own_keys;
};

lexicon *
qt_lexicon_new(void)
{
	lexicon *lx = calloc(1, sizeof(*lx));

	if (!lx)
		return NULL;
	lx->cap = 64;
	lx->own = calloc(lx->cap, sizeof(qt_lex_slot));
	if (!lx->own) {
		free(lx);
		return NULL;
	}
	lx->slots = lx->own;
	lx->keys = "";
	return lx;
}

void
qt_lexicon_free(lexicon *lx)
{
	if (!lx)
		return;
	qbuf_free(&lx->own_keys);
	free(lx->own);
	free(lx);
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

/* The slot of s[0..n) (hash h) among slots whose phrases are in keys:
 * the one holding it, else the empty one where it goes. */
static size_t
find_slot(const qt_lex_slot *slots, size_t cap, const char *keys, const char *s,
          size_t n, uint32_t h)
{
	size_t i = (size_t)h & (cap - 1);

	while (slots[i].key && !(slots[i].hash == h && slots[i].len == n &&
	                         memcmp(keys + slots[i].key - 1, s, n) == 0))
		i = (i + 1) & (cap - 1);
	return i;
}

/* Make lx's slots and phrases its own (an image's are read-only); false
 * when out of memory. */
static bool
own(lexicon *lx)
{
	qt_lex_slot *slots;
	size_t bytes = 0, i;

	if (lx->own)
		return true;
	slots = qt_xmalloc_array(lx->cap, sizeof(*slots));
	if (!slots)
		return false;
	memcpy(slots, lx->slots, lx->cap * sizeof(*slots));
	for (i = 0; i < lx->cap; i++)
		if (slots[i].key && slots[i].key + slots[i].len > bytes)
			bytes = slots[i].key + slots[i].len;
	qbuf_put(&lx->own_keys, lx->keys, bytes);
	if (lx->own_keys.failed) {
		free(slots);
		return false;
	}
	lx->own = slots;
	lx->slots = slots;
	lx->keys = lx->own_keys.ptr ? lx->own_keys.ptr : "";
	return true;
}

/* Make room for cap slots (a power of two above the entries). */
static bool
resize(lexicon *lx, size_t cap)
{
	size_t i;
	qt_lex_slot *slots;

	if (!own(lx))
		return false;
	slots = calloc(cap, sizeof(*slots));
	if (!slots)
		return false;
	for (i = 0; i < lx->cap; i++)
		if (lx->own[i].key)
			slots[find_slot(slots, cap, lx->keys,
			                lx->keys + lx->own[i].key - 1,
			                lx->own[i].len, lx->own[i].hash)] =
			        lx->own[i];
	free(lx->own);
	lx->own = slots;
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
	qt_lex_slot *e;
	size_t words = 1, off;
	const char *sp;
	uint32_t h;

	if (n > UINT32_MAX - 1 || !own(lx))
		return false;
	if ((lx->n + 1) * 2 > lx->cap && !resize(lx, lx->cap * 2))
		return false;
	h = lex_hash(s, n);
	e = &lx->own[find_slot(lx->slots, lx->cap, lx->keys, s, n, h)];
	if (e->key) {
		e->value |= value;
		return true;
	}
	off = lx->own_keys.len;
	qbuf_put(&lx->own_keys, s, n);
	qbuf_putc(&lx->own_keys, '\0');
	if (lx->own_keys.failed || lx->own_keys.len > UINT32_MAX) {
		lx->own_keys.len = off;
		return false;
	}
	lx->keys = lx->own_keys.ptr;
	e->key = (uint32_t)off + 1;
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

lexicon *
qt_lexicon_from_image(const qt_lexicon_image *img)
{
	lexicon *lx;
	size_t i;

	if (img->n == 0 || img->cap < 64 || (img->cap & (img->cap - 1)))
		return NULL;
	/* (the hashes were computed as a little-endian machine loads the
	 * bytes: elsewhere, the caller parses the text instead) */
	for (i = 0; !img->slots[i].key; i++)
		;
	if (lex_hash(img->keys + img->slots[i].key - 1, img->slots[i].len) !=
	    img->slots[i].hash)
		return NULL;
	lx = calloc(1, sizeof(*lx));
	if (!lx)
		return NULL;
	lx->slots = img->slots;
	lx->keys = img->keys;
	lx->cap = img->cap;
	lx->n = img->n;
	lx->max_words = img->max_words;
	return lx;
}

int
qt_lexicon_get(const lexicon *lx, const char *s, size_t n)
{
	const qt_lex_slot *e;

	if (!lx || lx->n == 0)
		return -1;
	e = &lx->slots[find_slot(lx->slots, lx->cap, lx->keys, s, n,
	                         lex_hash(s, n))];
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
			fn(arg, lx->keys + lx->slots[i].key - 1,
			   lx->slots[i].len, lx->slots[i].value);
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
