/*
 * tagger.c: coarse part of speech and entity class per token, from an
 * averaged perceptron (data/en/tagger.txt, trained by
 * tools/train_tagger.py on machine-made CoreNLP labels).
 *
 * Reads the tokens of one sentence as (ptr, len) strings; writes a qt_tag
 * per token.  Greedy, left to right: a token's label depends on its
 * features and on the two labels chosen before it, so tagging is linear
 * in the sentence.  For "Ada Finch said the United States Army agreed."
 * the model sees, at "States", w=states, sh=Xx, p1=s ... s3=tes,
 * w-1=united, sh-1=Xx, shc=Xx|Xx|Xx, t-1=PROPN|LOCATION ... and
 * picks PROPN|LOCATION (CoreNLP's label for "United States"), not the
 * verb "states".
 *
 * Feature template 1 (keep in step with static_features() and
 * history_features() in tools/train_tagger.py; the weights file names the
 * template it was trained with and the loader refuses another):
 *
 *	b                    bias
 *	w=W0                 folded word (qt_text_fold(), ASCII digits -> 0)
 *	sh=S0                shape: X upper, x lower, d digit, other ASCII
 *	                     as is, '*' the rest; runs collapsed, at most
 *	                     MAX_SHAPE characters (Finch -> Xx, U.S. -> X.X.)
 *	p1= p2= p3= s1= s2= s3=
 *	                     prefixes / suffixes of W0 in code points, each
 *	                     only when W0 is longer than the affix
 *	w-1= w+1= w-2= w+2=  neighbouring folded words ("<s>", "</s>" past
 *	                     the sentence's ends)
 *	sh-1= sh+1= sh-2= sh+2=
 *	shc=S-1|S0|S+1
 *	s-1= s+1=            last three code points of the neighbours
 *	fs=S0                the first token of the sentence only
 *	t-1=T1  t-2=T2|T1  tw=T1|W0   the previous labels ("<s>" before)
 *
 * Every feature line in the file is at most QT_MAX_FEATURE bytes; a
 * longer feature string built at run time cannot match one and is not
 * looked up.
 *
 * File format (see the trainer's header text): `quoth-tagger 1`, comment
 * lines, `template N`, then one or more models: `model NAME` (joint, pos
 * or ner), `labels L1 L2 ...`, `features N` and N lines
 * `FEATURE<TAB>LABEL WEIGHT ...` with integer weights, so that the C and
 * Python taggers add up exactly the same scores.
 */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "tagger_int.h"

/* ---- tagging ------------------------------------------------------------ */

static char
shape_char(int32_t cp)
{
	if (cp < 0x80) {
		if (cp >= 'A' && cp <= 'Z')
			return 'X';
		if (cp >= 'a' && cp <= 'z')
			return 'x';
		if (cp >= '0' && cp <= '9')
			return 'd';
		return (char)cp;
	}
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU:
	case UTF8PROC_CATEGORY_LT:
		return 'X';
	case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO:
		return 'x';
	case UTF8PROC_CATEGORY_ND:
		return 'd';
	default:
		return '*';
	}
}

static void
put_shape(qbuf *b, const char *s, size_t n)
{
	size_t i = 0, k = 0;
	char last = 0;

	while (i < n) {
		size_t len;
		bool bad;
		char c = shape_char(qt_text_decode(s + i, n - i, &len, &bad));

		i += len;
		if (k > 0 && c == last)
			continue;
		if (k == MAX_SHAPE)
			break;
		qbuf_putc(b, c);
		last = c;
		k++;
	}
}

static size_t
count_cps(const char *s, size_t n)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++)
		k += ((unsigned char)s[i] & 0xC0) != 0x80;
	return k;
}

/* Byte length of the first k code points of s[0..n). */
static size_t
head_bytes(const char *s, size_t n, size_t k)
{
	size_t i = 0;

	while (i < n && k > 0) {
		i++;
		while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80)
			i++;
		k--;
	}
	return i;
}

/* Byte length of the last k code points of s[0..n). */
static size_t
tail_bytes(const char *s, size_t n, size_t k)
{
	size_t i = n;

	while (i > 0 && k > 0) {
		i--;
		while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
			i--;
		k--;
	}
	return n - i;
}

/* A feature string under construction; `over` when it outgrew the
 * longest feature the file can hold. */
typedef struct {
	char b[QT_MAX_FEATURE + 8]; /* (8: the hash reads whole words) */
	size_t n;
	bool over;
} keybuf;

/* feat_hash() of the key, reading it in whole words: the bytes after it
 * are zeroed first, as feat_hash() pads its tail. */
static uint64_t
key_hash(keybuf *k)
{
	uint64_t h = k->n, w;
	size_t i;

	memset(k->b + k->n, 0, 8);
	for (i = 0; i + 8 <= k->n; i += 8) {
		memcpy(&w, k->b + i, 8);
		h = qt_mix8(h, w);
	}
	if (i < k->n) {
		memcpy(&w, k->b + i, 8);
		h = qt_mix8(h, w);
	}
	return h ^ (h >> 32);
}

static void
kb_put(keybuf *k, const char *s, size_t n)
{
	if (n > QT_MAX_FEATURE - k->n) {
		k->over = true;
		return;
	}
	memcpy(k->b + k->n, s, n);
	k->n += n;
}

static void
kb_start(keybuf *k, const char *prefix)
{
	k->n = 0;
	k->over = false;
	kb_put(k, prefix, strlen(prefix));
}

/* The per-sentence strings and scores of one qt_tagger_tag() call. */
typedef struct {
	const qt_tagger *tg;
	const model *m;
	const char *text; /* w->text.ptr */
	const size_t *off;
	size_t n;
	struct qt_tagger_cache *c; /* the records of the work */
	size_t mi;                 /* m is tg->m[mi] */
	/* the scores: 24 features a token, each adding to a label at most
	 * QT_MAX_LABELS weights of at most QT_MAX_WEIGHT, stay below
	 * INT32_MAX (1.6e9 at worst) */
	int32_t sc[QT_MAX_LABELS];
} tagging;

/* Folded word (fold) and shape (sh) of token i, or the padding of
 * positions outside the sentence. */
static void
word_of(const tagging *t, ptrdiff_t i, const char **s, size_t *n)
{
	if (i < 0) {
		*s = "<s>";
		*n = 3;
	} else if ((size_t)i >= t->n) {
		*s = "</s>";
		*n = 4;
	} else {
		*s = t->text + t->off[3 * i];
		*n = t->off[3 * i + 1] - t->off[3 * i];
	}
}

static void
shape_of(const tagging *t, ptrdiff_t i, const char **s, size_t *n)
{
	if (i < 0 || (size_t)i >= t->n) {
		word_of(t, i, s, n);
		return;
	}
	*s = t->text + t->off[3 * i + 1];
	*n = t->off[3 * i + 2] - t->off[3 * i + 1];
}

/* ---- resolved features ------------------------------------------------ */

/* A word's or a shape's features, each looked up once per work (a
 * qt_tagger_work keeps them from call to call): the slot of each feature
 * in m->slots, or NOFEAT when the model has no such feature.  The scores
 * add the same pairs as looking every feature string up again: the
 * weights, and so the tags, are the same. */
#define NOFEAT UINT32_MAX
#define UNKNOWN (UINT32_MAX - 1)
/* Records before a cache starts afresh: a bound on its memory (about 2
 * MB; an extractor keeps one work per thread) over a long run of varied
 * text. */
#define CACHE_MAX 16384

/* a word's features: itself, as each neighbour, its affixes */
enum {
	WF_W,
	WF_WM2,
	WF_WM1,
	WF_WP1,
	WF_WP2,
	WF_P1,
	WF_S1 = WF_P1 + 3,
	WF_SM1 = WF_S1 + 3, /* its last three code points, before the token */
	WF_SP1,             /* ... and after it */
	WF_N
};
/* a shape's features */
enum { SF_SH, SF_SHM2, SF_SHM1, SF_SHP1, SF_SHP2, SF_FS, SF_N };

typedef struct {
	uint32_t key, len, hash; /* its string in c->keys */
	uint16_t kind;           /* REC_* */
	uint16_t pad;            /* padding past the sentence's ends */
	uint32_t f[QT_MAX_MODELS][WF_N];
} frec;

/* kinds of record; the first four records of a cache are the padding
 * past the sentence's ends, as words and as shapes (not in the table) */
enum { REC_WORD, REC_SHAPE };
enum { PAD_W_BEFORE, PAD_W_AFTER, PAD_S_BEFORE, PAD_S_AFTER, PADS };

struct qt_tagger_cache {
	uint64_t serial; /* of the tagger the records resolve against */
	qbuf keys;
	frec *r;
	size_t n, cap;
	uint32_t *slots; /* record index + 1, 0 empty; a power of two */
	size_t nslots;
	/* per model: the features t-1 of each label (and "<s>"), then t-2
	 * of each pair, UNKNOWN until looked up */
	uint32_t *hist[QT_MAX_MODELS];
	/* the features of several parts (b, shc, tw) by ckey(): mkeys[i]
	 * 0 = empty */
	uint64_t *mkeys;
	uint32_t *mvals;
	size_t mn, mcap;
	/* per position of the sentence (+ 2 each side): its records */
	uint32_t *wr, *sr;
	size_t tcap;
};

static uint32_t
lookup(const qt_tagger *tg, const model *m, keybuf *k)
{
	uint32_t ix;

	if (k->over)
		return NOFEAT;
	ix = *find_slot(m, tg->keys.ptr, k->b, k->n, key_hash(k));
	return ix ? ix - 1 : NOFEAT;
}

static uint32_t
look1(const qt_tagger *tg, const model *m, const char *prefix, const char *s,
      size_t n)
{
	keybuf k;

	kb_start(&k, prefix);
	kb_put(&k, s, n);
	return lookup(tg, m, &k);
}

/* Resolve record r, whose string is s[0..n), against every model. */
static void
resolve(const qt_tagger *tg, frec *r, const char *s, size_t n)
{
	static const char *const wf[] = {"w=", "w-2=", "w-1=", "w+1=", "w+2="};
	static const char *const sf[] = {
	        "sh=", "sh-2=", "sh-1=", "sh+1=", "sh+2=", "fs="};
	static const char *const pre[] = {"p1=", "p2=", "p3="};
	static const char *const suf[] = {"s1=", "s2=", "s3="};
	size_t mi, j, cps = count_cps(s, n), xn;

	for (mi = 0; mi < tg->nmodels; mi++) {
		const model *m = &tg->m[mi];
		uint32_t *f = r->f[mi];

		if (r->kind == REC_SHAPE) {
			for (j = 0; j < SF_N; j++)
				f[j] = look1(tg, m, sf[j], s, n);
			continue;
		}
		for (j = 0; j < 5; j++)
			f[WF_W + j] = look1(tg, m, wf[j], s, n);
		for (j = 1; j <= 3; j++) {
			f[WF_P1 + j - 1] = f[WF_S1 + j - 1] = NOFEAT;
			if (j >= cps || r->pad)
				continue;
			f[WF_P1 + j - 1] = look1(tg, m, pre[j - 1], s,
			                         head_bytes(s, n, j));
			xn = tail_bytes(s, n, j);
			f[WF_S1 + j - 1] = look1(tg, m, suf[j - 1], s + n - xn,
			                         xn);
		}
		/* (the padding's whole string, a word's last three) */
		xn = r->pad ? n : tail_bytes(s, n, 3);
		f[WF_SM1] = look1(tg, m, "s-1=", s + n - xn, xn);
		f[WF_SP1] = look1(tg, m, "s+1=", s + n - xn, xn);
	}
}

static bool
cache_grow(struct qt_tagger_cache *c)
{
	size_t ns = c->nslots ? c->nslots * 2 : 1024, i, k;
	uint32_t *slots;

	if (c->n == c->cap) {
		size_t cap = c->cap ? c->cap * 2 : 512;
		frec *r = qt_xrealloc_array(c->r, cap, sizeof(*r));
		if (!r)
			return false;
		c->r = r;
		c->cap = cap;
	}
	if ((c->n + 1) * 2 <= c->nslots)
		return true;
	slots = calloc(ns, sizeof(*slots));
	if (!slots)
		return false;
	for (k = PADS; k < c->n; k++) {
		for (i = c->r[k].hash & (ns - 1); slots[i];
		     i = (i + 1) & (ns - 1))
			;
		slots[i] = (uint32_t)k + 1;
	}
	free(c->slots);
	c->slots = slots;
	c->nslots = ns;
	return true;
}

/* The record of string s[0..n) of kind `kind`, added and resolved when
 * new (a padding record, `pad`, is always new and not in the table);
 * UINT32_MAX when out of memory. */
static uint32_t
record(const qt_tagger *tg, struct qt_tagger_cache *c, unsigned kind, bool pad,
       const char *s, size_t n)
{
	uint32_t h = (uint32_t)(feat_hash(s, n) ^ kind);
	size_t i = c->nslots ? h & (c->nslots - 1) : 0;
	frec *r;

	while (!pad && c->nslots && c->slots[i]) {
		r = &c->r[c->slots[i] - 1];
		if (r->hash == h && r->len == n && r->kind == kind &&
		    memcmp(c->keys.ptr + r->key, s, n) == 0)
			return c->slots[i] - 1;
		i = (i + 1) & (c->nslots - 1);
	}
	if (!pad) {
		if (!cache_grow(c))
			return UINT32_MAX;
		for (i = h & (c->nslots - 1); c->slots[i];
		     i = (i + 1) & (c->nslots - 1))
			;
		c->slots[i] = (uint32_t)c->n + 1;
	} else if (!cache_grow(c)) {
		return UINT32_MAX;
	}
	r = &c->r[c->n];
	r->key = (uint32_t)c->keys.len;
	r->len = (uint32_t)n;
	r->hash = h;
	r->kind = (uint16_t)kind;
	r->pad = pad;
	qbuf_put(&c->keys, s, n);
	if (c->keys.failed)
		return UINT32_MAX;
	resolve(tg, r, s, n);
	return (uint32_t)c->n++;
}

/* Empty c for tagger tg: only the padding's records. */
static bool
cache_reset(const qt_tagger *tg, struct qt_tagger_cache *c)
{
	size_t mi;

	/* (valid only once the pads are in: a reset that runs out of
	 * memory leaves the next use to reset again) */
	c->serial = 0;
	c->n = 0;
	c->keys.len = 0;
	if (c->slots)
		memset(c->slots, 0, c->nslots * sizeof(*c->slots));
	for (mi = 0; mi < QT_MAX_MODELS; mi++) {
		free(c->hist[mi]);
		c->hist[mi] = NULL;
	}
	if (c->mkeys)
		memset(c->mkeys, 0, c->mcap * sizeof(*c->mkeys));
	c->mn = 0;
	if (record(tg, c, REC_WORD, true, "<s>", 3) != PAD_W_BEFORE ||
	    record(tg, c, REC_WORD, true, "</s>", 4) != PAD_W_AFTER ||
	    record(tg, c, REC_SHAPE, true, "<s>", 3) != PAD_S_BEFORE ||
	    record(tg, c, REC_SHAPE, true, "</s>", 4) != PAD_S_AFTER)
		return false;
	c->serial = tg->serial;
	return true;
}

static void
cache_free(struct qt_tagger_cache *c)
{
	size_t mi;

	if (!c)
		return;
	qbuf_free(&c->keys);
	free(c->r);
	free(c->slots);
	for (mi = 0; mi < QT_MAX_MODELS; mi++)
		free(c->hist[mi]);
	free(c->wr);
	free(c->sr);
	free(c->mkeys);
	free(c->mvals);
	free(c);
}

/* The key of a feature of several parts in a cache's map: its kind,
 * the model, and up to three fields below FIELD_MAX (record indices,
 * labels + 1). */
enum { KEY_BIAS = 1, KEY_SHC, KEY_TW };
#define FIELD_MAX ((uint64_t)1 << 20)

static inline uint64_t
ckey(unsigned kind, size_t mi, uint64_t a, uint64_t b, uint64_t c)
{
	return (uint64_t)kind << 62 | (uint64_t)mi << 60 | a << 40 | b << 20 |
	       c;
}

/* A slot for key in a map of cap slots (every bit of the key counts). */
static inline size_t
map_hash(uint64_t key, size_t cap)
{
	key = (key ^ (key >> 30)) * 0xBF58476D1CE4E5B9ull;
	key = (key ^ (key >> 27)) * 0x94D049BB133111EBull;
	return (size_t)(key ^ (key >> 31)) & (cap - 1);
}

static bool
map_grow(struct qt_tagger_cache *c)
{
	size_t cap = c->mcap ? c->mcap * 2 : 1024, i, j;
	uint64_t *keys = calloc(cap, sizeof(*keys));
	uint32_t *vals = qt_xmalloc_array(cap, sizeof(*vals));

	if (!keys || !vals) {
		free(keys);
		free(vals);
		return false;
	}
	for (i = 0; i < c->mcap; i++) {
		if (!c->mkeys[i])
			continue;
		for (j = map_hash(c->mkeys[i], cap); keys[j];
		     j = (j + 1) & (cap - 1))
			;
		keys[j] = c->mkeys[i];
		vals[j] = c->mvals[i];
	}
	free(c->mkeys);
	free(c->mvals);
	c->mkeys = keys;
	c->mvals = vals;
	c->mcap = cap;
	return true;
}

/* The slot of key's feature in c's map, UNKNOWN when new (to be filled
 * by the caller); NULL when out of memory. */
static uint32_t *
map_at(struct qt_tagger_cache *c, uint64_t key)
{
	size_t i;

	if ((c->mn + 1) * 2 > c->mcap && !map_grow(c))
		return NULL;
	for (i = map_hash(key, c->mcap); c->mkeys[i];
	     i = (i + 1) & (c->mcap - 1))
		if (c->mkeys[i] == key)
			return &c->mvals[i];
	c->mkeys[i] = key;
	c->mvals[i] = UNKNOWN;
	c->mn++;
	return &c->mvals[i];
}

/* The feature of key k (built by the caller only when *v is UNKNOWN),
 * remembered in *v when v is not NULL. */
static uint32_t
remember(tagging *t, uint32_t *v, keybuf *k)
{
	uint32_t f = lookup(t->tg, t->m, k);

	if (v)
		*v = f;
	return f;
}

/* Add the pairs of feature slot fid (NOFEAT: none). */
static inline void
add(tagging *t, uint32_t fid)
{
	const feat *f;
	const pair *p;
	size_t i;

	if (fid == NOFEAT)
		return;
	f = &t->m->slots[fid];
	if (f->npairs & DENSE_ROW) {
		const int32_t *row = t->tg->dense + f->pair;
		size_t l;

		/* (a fixed run of lanes: the compiler adds it as vectors) */
		for (l = 0; l < t->tg->stride; l += DENSE_LANES)
			for (i = 0; i < DENSE_LANES; i++)
				t->sc[l + i] += row[l + i];
		return;
	}
	p = t->tg->pairs + f->pair;
	for (i = 0; i < f->npairs; i++)
		t->sc[p[i].label] += p[i].weight;
}

/* The scores of the bias slot fid alone, the first feature a token adds:
 * its dense row copied (no zeroing, no adding), else zeros and its
 * pairs.  Only the first tg->stride scores are ever added to or read
 * (tg->stride is at least every model's label count). */
static inline void
start(tagging *t, uint32_t fid)
{
	if (fid != NOFEAT && (t->m->slots[fid].npairs & DENSE_ROW)) {
		memcpy(t->sc, t->tg->dense + t->m->slots[fid].pair,
		       t->tg->stride * sizeof(*t->sc));
		return;
	}
	memset(t->sc, 0, t->tg->stride * sizeof(*t->sc));
	add(t, fid);
}

/* The static features of token i (template 1 above, without the label
 * history), from the records of the words and shapes around it (c->wr
 * and c->sr, from two before the sentence). */
static void
score_static(tagging *t, size_t i)
{
	const frec *r = t->c->r;
	const uint32_t *wr = t->c->wr + i + 2, *sr = t->c->sr + i + 2;
	const uint32_t *w = r[wr[0]].f[t->mi], *sh = r[sr[0]].f[t->mi];
	uint32_t *v;
	keybuf k;
	const char *s, *x;
	size_t sn, xn, j;
	ptrdiff_t ii = (ptrdiff_t)i;

	v = map_at(t->c, ckey(KEY_BIAS, t->mi, 0, 0, 0));
	if (v && *v != UNKNOWN) {
		start(t, *v);
	} else {
		kb_start(&k, "b");
		start(t, remember(t, v, &k));
	}
	add(t, w[WF_W]);
	add(t, sh[SF_SH]);
	for (j = 0; j < 3; j++) {
		add(t, w[WF_P1 + j]);
		add(t, w[WF_S1 + j]);
	}
	add(t, r[wr[-2]].f[t->mi][WF_WM2]);
	add(t, r[wr[-1]].f[t->mi][WF_WM1]);
	add(t, r[wr[1]].f[t->mi][WF_WP1]);
	add(t, r[wr[2]].f[t->mi][WF_WP2]);
	add(t, r[sr[-2]].f[t->mi][SF_SHM2]);
	add(t, r[sr[-1]].f[t->mi][SF_SHM1]);
	add(t, r[sr[1]].f[t->mi][SF_SHP1]);
	add(t, r[sr[2]].f[t->mi][SF_SHP2]);
	v = sr[-1] < FIELD_MAX && sr[0] < FIELD_MAX && sr[1] < FIELD_MAX
	            ? map_at(t->c, ckey(KEY_SHC, t->mi, sr[-1], sr[0], sr[1]))
	            : NULL;
	if (v && *v != UNKNOWN) {
		add(t, *v);
	} else {
		shape_of(t, ii, &s, &sn);
		kb_start(&k, "shc=");
		shape_of(t, ii - 1, &x, &xn);
		kb_put(&k, x, xn);
		kb_put(&k, "|", 1);
		kb_put(&k, s, sn);
		kb_put(&k, "|", 1);
		shape_of(t, ii + 1, &x, &xn);
		kb_put(&k, x, xn);
		add(t, remember(t, v, &k));
	}
	add(t, r[wr[-1]].f[t->mi][WF_SM1]);
	add(t, r[wr[1]].f[t->mi][WF_SP1]);
	if (i == 0)
		add(t, sh[SF_FS]);
}

static void
put_label(const tagging *t, keybuf *k, int label)
{
	if (label < 0)
		kb_put(k, "<s>", 3);
	else
		kb_put(k, t->tg->keys.ptr + t->m->lname[label],
		       t->m->llen[label]);
}

/* The slot of t-1=T1 (l2 < -1) or t-2=T2|T1, resolved once per work. */
static uint32_t
hist_feature(tagging *t, int l2, int l1)
{
	size_t nl = t->m->nlabels + 1, at, j;
	uint32_t **h = &t->c->hist[t->mi];
	keybuf k;

	if (!*h) {
		*h = qt_xmalloc_array(nl * (nl + 1), sizeof(**h));
		if (!*h)
			return UNKNOWN; /* (looked up each time instead) */
		for (j = 0; j < nl * (nl + 1); j++)
			(*h)[j] = UNKNOWN;
	}
	at = l2 < -1 ? (size_t)(l1 + 1)
	             : nl + (size_t)(l2 + 1) * nl + (size_t)(l1 + 1);
	if ((*h)[at] != UNKNOWN)
		return (*h)[at];
	if (l2 < -1) {
		kb_start(&k, "t-1=");
	} else {
		kb_start(&k, "t-2=");
		put_label(t, &k, l2);
		kb_put(&k, "|", 1);
	}
	put_label(t, &k, l1);
	return (*h)[at] = lookup(t->tg, t->m, &k);
}

/* t-1=T1, t-2=T2|T1, tw=T1|W0 for token i after labels l2, l1 (-1 =
 * before the sentence). */
static void
score_history(tagging *t, size_t i, int l2, int l1)
{
	keybuf k;
	const char *w;
	size_t wn;
	uint32_t f, wr, *v;

	f = hist_feature(t, -2, l1);
	if (f == UNKNOWN) {
		kb_start(&k, "t-1=");
		put_label(t, &k, l1);
		f = lookup(t->tg, t->m, &k);
	}
	add(t, f);
	f = hist_feature(t, l2, l1);
	if (f == UNKNOWN) {
		kb_start(&k, "t-2=");
		put_label(t, &k, l2);
		kb_put(&k, "|", 1);
		put_label(t, &k, l1);
		f = lookup(t->tg, t->m, &k);
	}
	add(t, f);
	wr = t->c->wr[i + 2];
	v = wr < FIELD_MAX ? map_at(t->c, ckey(KEY_TW, t->mi, wr,
	                                       (uint64_t)(l1 + 1), 0))
	                   : NULL;
	if (v && *v != UNKNOWN) {
		add(t, *v);
		return;
	}
	kb_start(&k, "tw=");
	put_label(t, &k, l1);
	kb_put(&k, "|", 1);
	word_of(t, (ptrdiff_t)i, &w, &wn);
	kb_put(&k, w, wn);
	add(t, remember(t, v, &k));
}

/* The records of the sentence's words and shapes (and its padding) in
 * w's cache, made for tg when it was for another tagger or grew too
 * big. */
static bool
records(const qt_tagger *tg, qt_tagger_work *w, size_t n)
{
	struct qt_tagger_cache *c = w->cache;
	size_t i;

	if (!c) {
		c = w->cache = calloc(1, sizeof(*c));
		if (!c)
			return false;
	}
	if (c->serial != tg->serial || c->n + 2 * n > CACHE_MAX ||
	    c->mn > 4 * CACHE_MAX)
		if (!cache_reset(tg, c))
			return false;
	if (n + 4 > c->tcap) {
		size_t cap = n + 4 < 64 ? 64 : n + 4;
		uint32_t *wr = qt_xrealloc_array(c->wr, cap, sizeof(*wr));
		uint32_t *sr;
		if (wr)
			c->wr = wr;
		sr = qt_xrealloc_array(c->sr, cap, sizeof(*sr));
		if (!wr || !sr)
			return false;
		c->sr = sr;
		c->tcap = cap;
	}
	c->wr[0] = c->wr[1] = PAD_W_BEFORE;
	c->wr[n + 2] = c->wr[n + 3] = PAD_W_AFTER;
	c->sr[0] = c->sr[1] = PAD_S_BEFORE;
	c->sr[n + 2] = c->sr[n + 3] = PAD_S_AFTER;
	for (i = 0; i < n; i++) {
		const char *x = w->text.ptr;
		uint32_t a = record(tg, c, REC_WORD, false, x + w->off[3 * i],
		                    w->off[3 * i + 1] - w->off[3 * i]);
		uint32_t b = record(tg, c, REC_SHAPE, false,
		                    x + w->off[3 * i + 1],
		                    w->off[3 * i + 2] - w->off[3 * i + 1]);
		if (a == UINT32_MAX || b == UINT32_MAX)
			return false;
		c->wr[i + 2] = a;
		c->sr[i + 2] = b;
	}
	return true;
}

/* The folded word (digits as 0) and then the shape of the ASCII token
 * s[0..n) appended to b, as qt_text_fold(), the digit rule and
 * put_shape() append them, with *mid where the shape starts; false (b
 * untouched) when s has a byte outside ASCII or b cannot grow (the
 * caller takes the long way, which fails as it should). */
static bool
ascii_prepare(qbuf *b, const char *s, size_t n, size_t *mid)
{
	size_t i, k = 0;
	char *o, last = 0;

	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80)
			return false;
	if (!qbuf_reserve(b, n + MAX_SHAPE))
		return false;
	o = b->ptr + b->len;
	for (i = 0; i < n; i++) {
		char c = s[i];
		o[i] = c >= 'A' && c <= 'Z'   ? (char)(c + 32)
		       : c >= '0' && c <= '9' ? '0'
		                              : c;
	}
	o += n;
	for (i = 0; i < n; i++) {
		char c = shape_char((unsigned char)s[i]);
		if (k > 0 && c == last)
			continue;
		if (k == MAX_SHAPE)
			break;
		o[k++] = c;
		last = c;
	}
	o[k] = '\0';
	*mid = b->len + n;
	b->len += n + k;
	return true;
}

/* Fold, digits to 0, and shape of every token into w->text. */
static bool
prepare(qt_tagger_work *w, const qt_tagger_tok *toks, size_t n)
{
	size_t i, j;

	if (n > w->cap) {
		size_t cap = n < 64 ? 64 : n;
		size_t *off = qt_xrealloc_array(w->off, cap,
		                                3 * sizeof(size_t));
		if (!off)
			return false;
		w->off = off;
		w->cap = cap;
	}
	w->text.len = 0;
	for (i = 0; i < n; i++) {
		w->off[3 * i] = w->text.len;
		if (ascii_prepare(&w->text, toks[i].s, toks[i].len,
		                  &w->off[3 * i + 1])) {
			w->off[3 * i + 2] = w->text.len;
			continue;
		}
		qt_text_fold(&w->text, toks[i].s, toks[i].len);
		if (w->text.failed)
			return false;
		for (j = w->off[3 * i]; j < w->text.len; j++)
			if (w->text.ptr[j] >= '0' && w->text.ptr[j] <= '9')
				w->text.ptr[j] = '0';
		w->off[3 * i + 1] = w->text.len;
		put_shape(&w->text, toks[i].s, toks[i].len);
		w->off[3 * i + 2] = w->text.len;
	}
	return !w->text.failed;
}

bool
qt_tagger_tag(const qt_tagger *tg, qt_tagger_work *w, const qt_tagger_tok *toks,
              size_t n, qt_tag *out)
{
	return qt_tagger_tag_first(tg, w, toks, n, n, out);
}

bool
qt_tagger_tag_first(const qt_tagger *tg, qt_tagger_work *w,
                    const qt_tagger_tok *toks, size_t n, size_t nout,
                    qt_tag *out)
{
	tagging t;
	size_t i, mi;

	if (n == 0)
		return true;
	if (nout > n)
		nout = n;
	if (!prepare(w, toks, n) || !records(tg, w, n))
		return false;
	t.tg = tg;
	t.c = w->cache;
	t.text = w->text.ptr;
	t.off = w->off;
	t.n = n;
	for (i = 0; i < n; i++)
		out[i].pos = QT_POS_OTHER, out[i].ner = QT_NER_O;
	for (mi = 0; mi < tg->nmodels; mi++) {
		int l1 = -1, l2 = -1;

		t.m = &tg->m[mi];
		t.mi = mi;
		for (i = 0; i < nout; i++) {
			size_t k;
			int best = 0;

			score_static(&t, i); /* (sets t.sc first) */
			score_history(&t, i, l2, l1);
			/* ties go to the lower label, as in the trainer */
			for (k = 1; k < t.m->nlabels; k++)
				if (t.sc[k] > t.sc[best])
					best = (int)k;
			if (t.m->kind != MODEL_NER)
				out[i].pos = t.m->lpos[best];
			if (t.m->kind != MODEL_POS)
				out[i].ner = t.m->lner[best];
			l2 = l1;
			l1 = best;
		}
	}
	return true;
}

void
qt_tagger_work_free(qt_tagger_work *w)
{
	if (!w)
		return;
	qbuf_free(&w->text);
	free(w->off);
	cache_free(w->cache);
	memset(w, 0, sizeof(*w));
}
