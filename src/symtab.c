/*
 * symtab.c: one symbol table per extractor, so that every word is folded
 * and hashed once per document instead of once per lookup.  Built after
 * the data files load: each single-word phrase of any lexicon, and each
 * first word of a longer phrase, is one symbol carrying its value in
 * every lexicon and the lexicons in which it starts a longer phrase.
 * qt_symbolize(), right after tokenizing, gives every token its symbol;
 * qt_lex_tokens() then answers a one-word lookup with an array read and
 * turns down a longer phrase whose first word starts none, or one of
 * whose later words (a whole token) is the later word of none.  The later
 * words of the phrases are symbols too.  Reads the
 * lexicons and tokens; writes the tokens' `sym` and its own table.
 */
#include <stdlib.h>
#include <string.h>

#include "lexicon.h"
#include "text.h"

/* The largest folded token the ASCII path folds on the stack (as
 * qt_lexicon_get_tokens() does). */
#define SMALL_WORD 128

static inline uint64_t
mix_end(uint64_t h, size_t n)
{
	h = (h ^ n) * 0xBF58476D1CE4E5B9ull;
	return h ^ (h >> 31);
}

/* The table's hash of s[0..n): eight bytes a step, so that token_sym()
 * can fold and hash a word a word at a time. */
static uint64_t
sym_hash(const char *s, size_t n)
{
	return mix_end(qt_mix_bytes(0, s, n), n);
}

/* Are a[0..n) and b[0..n) the same bytes?  (A word is a few bytes: a
 * loop here, not a call to memcmp().) */
static inline bool
same_bytes(const char *a, const char *b, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++)
		if (a[k] != b[k])
			return false;
	return true;
}

static uint32_t
find(const symtab *st, const char *s, size_t n, uint64_t h)
{
	size_t i = (size_t)h & (st->nslots - 1);

	while (st->slots[i]) {
		const sym_entry *e = &st->e[st->slots[i]];
		if (e->hash == (uint32_t)h && e->len == n &&
		    same_bytes(e->key, s, n))
			return st->slots[i];
		i = (i + 1) & (st->nslots - 1);
	}
	return 0;
}

/* find() of a folded word held zero-padded to whole eight-byte words at
 * w (as token_sym() folds it), once the keys are padded too. */
static inline uint32_t
find_padded(const symtab *st, const uint64_t *w, size_t n, uint64_t h)
{
	size_t i = (size_t)h & (st->nslots - 1), k;

	while (st->slots[i]) {
		const sym_entry *e = &st->e[st->slots[i]];
		if (e->hash == (uint32_t)h && e->len == n) {
			const uint64_t *x = (const uint64_t *)(const void *)
			                            e->key;
			for (k = 0; k < n && x[k / 8] == w[k / 8]; k += 8)
				;
			if (k >= n)
				return st->slots[i];
		}
		i = (i + 1) & (st->nslots - 1);
	}
	return 0;
}

/* Copy every key into st->padded, zero-padded to whole eight-byte words,
 * and point the entries there.  False when out of memory. */
static bool
pad_keys(symtab *st)
{
	size_t k, words = 0, at = 0;

	for (k = 2; k < st->n; k++)
		words += (st->e[k].len + 7) / 8;
	st->padded = calloc(words ? words : 1, sizeof(uint64_t));
	if (!st->padded)
		return false;
	for (k = 2; k < st->n; k++) {
		memcpy(st->padded + at, st->e[k].key, st->e[k].len);
		st->e[k].key = (const char *)(st->padded + at);
		at += (st->e[k].len + 7) / 8;
	}
	return true;
}

/* The entry of key s[0..n), added when new (0 when out of memory). */
static uint32_t
intern(symtab *st, const char *s, size_t n)
{
	uint64_t h = sym_hash(s, n);
	uint32_t id = find(st, s, n, h);
	size_t i, k;

	if (id)
		return id;
	if (n > UINT32_MAX)
		return 0;
	if (st->n + 1 > st->cap) {
		size_t cap = st->cap ? st->cap * 2 : 1024;
		sym_entry *e = qt_xrealloc_array(st->e, cap, sizeof(*e));
		if (!e)
			return 0;
		st->e = e;
		st->cap = cap;
	}
	if ((st->n + 1) * 2 > st->nslots) {
		size_t ns = st->nslots ? st->nslots * 2 : 2048;
		uint32_t *slots = calloc(ns, sizeof(*slots));
		if (!slots)
			return 0;
		for (k = 2; k < st->n; k++) {
			i = (size_t)sym_hash(st->e[k].key, st->e[k].len) &
			    (ns - 1);
			while (slots[i])
				i = (i + 1) & (ns - 1);
			slots[i] = (uint32_t)k;
		}
		free(st->slots);
		st->slots = slots;
		st->nslots = ns;
	}
	id = (uint32_t)st->n++;
	st->e[id].key = s;
	st->e[id].len = (uint32_t)n;
	st->e[id].hash = (uint32_t)h;
	st->e[id].starts = 0;
	st->e[id].inner = 0;
	st->e[id].cls = 0;
	for (k = 0; k < LEX_COUNT_; k++)
		st->e[id].val[k] = -1;
	i = (size_t)h & (st->nslots - 1);
	while (st->slots[i])
		i = (i + 1) & (st->nslots - 1);
	st->slots[i] = id;
	return id;
}

/* The symbol of the folded word f[0..n) (1: in no lexicon). */
static uint32_t
sym_of(const symtab *st, const char *f, size_t n)
{
	uint32_t id = find(st, f, n, sym_hash(f, n));

	return id ? id : 1;
}

typedef struct {
	symtab *st;
	int which;
	bool failed;
} add_arg;

static void
add_phrase(void *arg, const char *key, size_t len, int value)
{
	add_arg *a = arg;
	const char *sp = memchr(key, ' ', len);
	uint32_t id;

	if (a->failed)
		return;
	id = intern(a->st, key, sp ? (size_t)(sp - key) : len);
	if (!id) {
		a->failed = true;
		return;
	}
	if (!sp) {
		a->st->e[id].val[a->which] = value;
		return;
	}
	a->st->e[id].starts |= 1u << a->which;
	/* its later words too, for qt_lex_no_inner() */
	while (sp) {
		const char *w = sp + 1, *end = key + len;
		sp = memchr(w, ' ', (size_t)(end - w));
		id = intern(a->st, w,
		            sp ? (size_t)(sp - w) : (size_t)(end - w));
		if (!id) {
			a->failed = true;
			return;
		}
		a->st->e[id].inner |= 1u << a->which;
	}
}

/* Each symbol's SYMC_* bits, from its values (see qt_sym_no_cue()). */
static void
set_classes(symtab *st)
{
	size_t k;

	for (k = 1; k < st->n; k++) {
		sym_entry *e = &st->e[k];
		int sp = e->val[LEX_SPEECH];

		/* (the other communication verbs too: a cue when they
		 * lead in to a quote, cues.c) */
		if (e->val[LEX_CUES] >= 0 ||
		    (sp >= 0 && (sp & (WNV_SPEECH | WNV_COMM))) ||
		    (e->starts & (1u << LEX_CUES)))
			e->cls |= SYMC_CUE;
	}
}

symtab *
qt_symtab_build(lexicon *const *lex)
{
	symtab *st = calloc(1, sizeof(*st));
	add_arg a;
	int k;
	size_t total = 2;

	if (!st)
		return NULL;
	/* room for every phrase at once: no table grows while it fills.
	 * (The entries are written as they are interned: not zeroed, so
	 * that only the pages of the symbols made are touched.) */
	for (k = 0; k < LEX_COUNT_; k++)
		total += qt_lexicon_size(lex[k]);
	st->cap = total;
	for (st->nslots = 2048; st->nslots < 2 * total; st->nslots *= 2)
		;
	st->e = qt_xmalloc_array(st->cap, sizeof(*st->e));
	st->slots = calloc(st->nslots, sizeof(*st->slots));
	if (!st->e || !st->slots) {
		qt_symtab_free(st);
		return NULL;
	}
	st->n = 2;
	memset(&st->e[0], 0, 2 * sizeof(*st->e));
	for (k = 0; k < LEX_COUNT_; k++)
		st->e[1].val[k] = -1;
	st->e[1].key = "";
	a.st = st;
	a.failed = false;
	for (k = 0; k < LEX_COUNT_ && !a.failed; k++) {
		a.which = k;
		qt_lexicon_each(lex[k], add_phrase, &a);
	}
	if (a.failed) {
		qt_symtab_free(st);
		return NULL;
	}
	set_classes(st);
	if (!pad_keys(st)) {
		qt_symtab_free(st);
		return NULL;
	}
	for (k = 0; k < 128; k++) {
		char ch = (char)(k >= 'A' && k <= 'Z' ? k + 32 : k);
		st->byte_sym[k] = sym_of(st, &ch, 1);
	}
	return st;
}

void
qt_symtab_free(symtab *st)
{
	if (!st)
		return;
	free(st->e);
	free(st->slots);
	free(st->padded);
	free(st);
}

/* The symbol of the word s[0..n) folded with qt_text_fold(), with the
 * non-ASCII bit; 0 when out of memory. */
static uint32_t
fold_sym(const symtab *st, qbuf *fold, const char *s, size_t n)
{
	size_t k;

	fold->len = 0;
	fold->failed = false;
	qt_text_fold(fold, s, n);
	if (fold->failed)
		return 0; /* unknown: lookups take the long way */
	for (k = 0; k < n && (unsigned char)s[k] < 0x80; k++)
		;
	return sym_of(st, fold->ptr ? fold->ptr : "", fold->len) |
	       (k < n ? SYM_NONASCII : 0);
}

/* The symbols of the short non-ASCII tokens qt_symbolize() last folded
 * (curly quote marks, dashes, accented short words: the same few again
 * and again), by their bytes: a direct-mapped table. */
#define MEMO_SIZE 64

typedef struct {
	uint64_t bytes[MEMO_SIZE]; /* the token, zero-padded */
	uint8_t len[MEMO_SIZE];    /* 0: empty */
	uint32_t sym[MEMO_SIZE];
} sym_memo;

/* The symbols of the short ASCII words of a document, by their bytes as
 * written ("the", "said", "The": Zipf's few again and again): a
 * direct-mapped table, looked up before a word is folded and hashed.  A
 * symbol is a function of the bytes alone, so a hit is the symbol the
 * long way gives.  Its slots grow with the document, a sixteenth of its
 * tokens (at least 256) up to 2^ASCII_MEMO_BITS (256 KB), from
 * ASCII_MEMO_MIN tokens on (a shorter one folds each word).  Callgrind:
 * news2m 785.3M -> 772.4M; GGT train articles of 4.5, 5.6 and 12.7 KB
 * 12.01M -> 11.99M, 12.29M -> 12.27M, 15.95M -> 15.90M. */
#define ASCII_MEMO_MIN 512
#define ASCII_MEMO_BITS 14

typedef struct {
	uint64_t bytes; /* zero-padded */
	uint32_t sym;
	uint8_t len; /* 0: empty */
} ascii_slot;

/* A slot of the second table: an ASCII word of nine to sixteen bytes
 * ("government", "administration"), its two eight-byte halves. */
typedef struct {
	uint64_t lo, hi; /* hi zero-padded */
	uint32_t sym;
	uint8_t len; /* 0: empty */
} ascii_slot16;

/* The words of nine to sixteen bytes are fewer: their table has a
 * quarter of the slots (at least 256). */
#define ASCII_MEMO16_LESS 2

typedef struct {
	ascii_slot *e;
	unsigned shift; /* 64 - log2 of the slots */
	ascii_slot16 *e16;
	unsigned shift16;
} ascii_memo;

/* An empty table for a document of n tokens (n >= ASCII_MEMO_MIN) into
 * *am; false when out of memory. */
static bool
ascii_memo_new(ascii_memo *am, size_t n)
{
	unsigned bits = 8;
	size_t cap, i;

	while (bits < ASCII_MEMO_BITS && ((size_t)16 << bits) < n)
		bits++;
	cap = (size_t)1 << bits;
	am->e = qt_xmalloc_array(cap, sizeof(*am->e));
	if (!am->e)
		return false;
	for (i = 0; i < cap; i++)
		am->e[i].len = 0;
	am->shift = 64 - bits;
	bits = bits >= 8 + ASCII_MEMO16_LESS ? bits - ASCII_MEMO16_LESS : 8;
	cap = (size_t)1 << bits;
	/* (without memory for it, the long words take the long way) */
	am->e16 = qt_xmalloc_array(cap, sizeof(*am->e16));
	for (i = 0; am->e16 && i < cap; i++)
		am->e16[i].len = 0;
	am->shift16 = 64 - bits;
	return true;
}

/* token_sym() the long way: an ASCII word is folded and hashed eight
 * bytes at a time; a one-byte token reads a table; a non-ASCII token of
 * at most eight bytes is looked up in *memo before it is folded. */
static uint32_t
token_sym_long(const symtab *st, const char *text, size_t len, const token *t,
               qbuf *fold, sym_memo *memo)
{
	const unsigned char *p = (const unsigned char *)text + t->start;
	size_t k = 0, n = t->end - t->start;
	uint64_t h = 0, w;
	uint64_t small[SMALL_WORD / 8 + 1];

	if (n == 1 && p[0] < 0x80)
		return st->byte_sym[p[0]];
	if (n <= SMALL_WORD) {
		for (; k < n; k += 8) {
			size_t r = n - k;
			/* (eight bytes at once while the text goes on) */
			if (t->start + k + 8 <= len)
				memcpy(&w, p + k, 8);
			else {
				w = 0;
				memcpy(&w, p + k, r < 8 ? r : 8);
			}
			if (r < 8)
				w &= qt_head_mask(r);
			if (w & QT_HIGHS)
				break;
			w = qt_fold8(w);
			small[k / 8] = w;
			h = qt_mix8(h, w);
		}
		if (k >= n) {
			uint32_t id = find_padded(st, small, n, mix_end(h, n));
			return id ? id : 1;
		}
	}
	if (n <= 8) {
		uint64_t key = 0;
		size_t slot;
		uint32_t id;

		memcpy(&key, p, n);
		slot = (size_t)(mix_end(qt_mix8(0, key), n) % MEMO_SIZE);
		if (memo->len[slot] == n && memo->bytes[slot] == key)
			return memo->sym[slot];
		id = fold_sym(st, fold, text + t->start, n);
		if (id) {
			memo->bytes[slot] = key;
			memo->len[slot] = (uint8_t)n;
			memo->sym[slot] = id;
		}
		return id;
	}
	return fold_sym(st, fold, text + t->start, n);
}

/* token_sym() of an ASCII word t of nine to sixteen bytes with sixteen
 * bytes of text to read: looked up first in am's second table. */
static uint32_t
token_sym16(const symtab *st, const char *text, size_t len, const token *t,
            qbuf *fold, sym_memo *memo, ascii_memo am)
{
	const unsigned char *p = (const unsigned char *)text + t->start;
	size_t n = t->end - t->start, slot;
	uint64_t lo, hi;
	uint32_t id;
	ascii_slot16 *e;

	memcpy(&lo, p, 8);
	memcpy(&hi, p + 8, 8);
	hi &= qt_head_mask(n - 8);
	if ((lo | hi) & QT_HIGHS)
		return token_sym_long(st, text, len, t, fold, memo);
	slot = (size_t)((((lo ^ n) * 0x9E3779B97F4A7C15ull) ^ hi) *
	                        0xBF58476D1CE4E5B9ull >>
	                am.shift16);
	e = &am.e16[slot];
	if (e->len == n && e->lo == lo && e->hi == hi)
		return e->sym;
	id = token_sym_long(st, text, len, t, fold, memo);
	if (id) {
		e->lo = lo;
		e->hi = hi;
		e->len = (uint8_t)n;
		e->sym = id;
	}
	return id;
}

/* The symbol of token t as qt_lexicon_get_tokens() folds a one-token
 * span, with the non-ASCII bit: token_sym_long(), looked up first in am
 * (by value: its fields stay in registers; when it has a table) when t is an ASCII word of two to eight bytes with
 * eight bytes of text to read. */
static inline uint32_t
token_sym(const symtab *st, const char *text, size_t len, const token *t,
          qbuf *fold, sym_memo *memo, ascii_memo am)
{
	const unsigned char *p = (const unsigned char *)text + t->start;
	size_t n = t->end - t->start, slot;
	uint64_t w;
	uint32_t id;

	if (n == 1 && p[0] < 0x80)
		return st->byte_sym[p[0]];
	if (n > 8 && n <= 16 && am.e16 && t->start + 16 <= len)
		return token_sym16(st, text, len, t, fold, memo, am);
	if (!am.e || n > 8 || n == 0 || t->start + 8 > len)
		return token_sym_long(st, text, len, t, fold, memo);
	memcpy(&w, p, 8);
	w &= qt_head_mask(n);
	if (w & QT_HIGHS)
		return token_sym_long(st, text, len, t, fold, memo);
	slot = (size_t)(((w ^ n) * 0x9E3779B97F4A7C15ull) >> am.shift);
	if (am.e[slot].len == n && am.e[slot].bytes == w)
		return am.e[slot].sym;
	id = token_sym_long(st, text, len, t, fold, memo);
	if (id) {
		am.e[slot].bytes = w;
		am.e[slot].len = (uint8_t)n;
		am.e[slot].sym = id;
	}
	return id;
}

void
qt_symbolize(const lang_data *ld, const char *text, token *t, size_t n)
{
	qbuf fold = {0};
	size_t i,
	        len = n ? t[n - 1].end : 0; /* (text goes on at least so far) */
	sym_memo memo;
	ascii_memo am;
	/* (without memory for it, the long way for every word) */
	bool have_am;

	if (!ld->sym)
		return;
	have_am = n >= ASCII_MEMO_MIN && ascii_memo_new(&am, n);
	if (!have_am) {
		am.e = NULL;
		am.e16 = NULL;
	}
	memset(memo.len, 0, sizeof(memo.len));
	for (i = 0; i < n; i++)
		t[i].sym = token_sym(ld->sym, text, len, &t[i], &fold, &memo,
		                     am);
	qbuf_free(&fold);
	if (have_am) {
		free(am.e);
		free(am.e16);
	}
}

bool
qt_lex_no_phrase(const lang_data *ld, int which, const token *t, size_t a)
{
	uint32_t s = t[a].sym;

	return s && ld->sym && (t[a + 1].flags & TF_SPACE_BEFORE) &&
	       !(ld->sym->e[s & ~SYM_NONASCII].starts & (1u << which));
}

/* The number of symbols (ids run below it), 0 without a table. */
size_t
qt_sym_count(const lang_data *ld)
{
	return ld->sym ? ld->sym->n : 0;
}
