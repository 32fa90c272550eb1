/*
 * lexicon.c: language data, below every stage that looks words up: a set
 * of case-folded phrases with a flag mask each (open addressing, FNV-1a),
 * and the lookup of a token span in it, folded as data.c folds the
 * files' phrases.  Reads tokens and text, writes nothing but its own
 * tables.
 */
#include <stdlib.h>
#include <string.h>

#include "lexicon.h"
#include "text.h"

typedef struct {
	char *key; /* folded phrase, NUL-terminated */
	size_t len;
	int value;
} lex_entry;

struct lexicon {
	lex_entry *slots;
	size_t cap; /* power of two */
	size_t n;
	size_t max_words;
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
	size_t i;

	if (!lx)
		return;
	for (i = 0; i < lx->cap; i++)
		free(lx->slots[i].key);
	free(lx->slots);
	free(lx);
}

static lex_entry *
find_slot(lex_entry *slots, size_t cap, const char *s, size_t n)
{
	size_t i = (size_t)qt_hash_bytes(s, n) & (cap - 1);

	while (slots[i].key &&
	       !(slots[i].len == n && memcmp(slots[i].key, s, n) == 0))
		i = (i + 1) & (cap - 1);
	return &slots[i];
}

static bool
grow(lexicon *lx)
{
	size_t cap = lx->cap * 2, i;
	lex_entry *slots = calloc(cap, sizeof(lex_entry));

	if (!slots)
		return false;
	for (i = 0; i < lx->cap; i++)
		if (lx->slots[i].key)
			*find_slot(slots, cap, lx->slots[i].key,
			           lx->slots[i].len) = lx->slots[i];
	free(lx->slots);
	lx->slots = slots;
	lx->cap = cap;
	return true;
}

bool
qt_lexicon_add(lexicon *lx, const char *s, size_t n, int value)
{
	lex_entry *e;
	size_t words = 1, i;

	if ((lx->n + 1) * 2 > lx->cap && !grow(lx))
		return false;
	e = find_slot(lx->slots, lx->cap, s, n);
	if (e->key) {
		e->value |= value;
		return true;
	}
	e->key = malloc(n + 1);
	if (!e->key)
		return false;
	memcpy(e->key, s, n);
	e->key[n] = '\0';
	e->len = n;
	e->value = value;
	lx->n++;
	for (i = 0; i < n; i++)
		if (s[i] == ' ')
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
	e = find_slot(lx->slots, lx->cap, s, n);
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
