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

/* The scores of one qt_tagger_tag() call, and what it reads them from. */
typedef struct {
	const qt_tagger *tg;
	const model *m;
	struct qt_tagger_cache *c; /* the records of the work */
	size_t mi;                 /* m is tg->m[mi] */
	/* the scores: 24 features a token, each adding to a label at most
	 * QT_MAX_LABELS weights of at most QT_MAX_WEIGHT, stay below
	 * INT32_MAX (1.6e9 at worst); so does any sum of some of them,
	 * so the order of adding changes no score */
	int32_t sc[QT_MAX_LABELS];
} tagging;

/* ---- resolved features ------------------------------------------------ */

/* A word's or a shape's features, each looked up once per work (a
 * qt_tagger_work keeps them from call to call): the slot of each feature
 * in m->slots, or NOFEAT when the model has no such feature.  A token's
 * record then sums the weights of the features its word and shape add at
 * each place around a token scored (its rows), so that scoring a token
 * adds a handful of rows instead of two dozen features.  The scores are
 * the same integers as looking every feature string up again: the tags
 * are the same. */
#define NOFEAT UINT32_MAX
#define UNKNOWN (UINT32_MAX - 1)
/* Records before a cache starts afresh: a bound on its memory (about 2
 * MB; an extractor keeps one work per thread) over a long run of varied
 * text. */
#define CACHE_MAX 16384
/* Token records before a cache starts afresh: each holds TR_N rows of
 * scores per model (about 1 kB for the shipped model), about 4 MB. */
#define TOKENS_MAX 16384

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

/* A record's string in a cache: where its bytes start, how many, their
 * hash (a record's kind mixed in: records of two kinds with one string
 * differ in hash). */
typedef struct {
	uint32_t key, len, hash;
} skey;

typedef struct {
	skey k;        /* in c->keys */
	uint16_t kind; /* REC_* */
	uint16_t pad;  /* padding past the sentence's ends */
	uint32_t srow; /* a shape's rows in c->srows, NOROW until made */
	uint32_t f[QT_MAX_MODELS][WF_N];
} frec;

#define NOROW UINT32_MAX

/* kinds of record; the first four records of a cache are the padding
 * past the sentence's ends, as words and as shapes (not in the table) */
enum { REC_WORD, REC_SHAPE };
enum { PAD_W_BEFORE, PAD_W_AFTER, PAD_S_BEFORE, PAD_S_AFTER, PADS };

/* A token as the tagger reads it (its bytes as given): the records of
 * its folded word and of its shape.  Its rows (c->rows, per model TR_N
 * rows of tg->stride scores) sum the weights of their features at each
 * place: TR_OWN the token scored (with the bias), TR_M2 two before it,
 * and so on.  The first two are the padding before and after a
 * sentence (not in the table). */
typedef struct {
	skey k; /* in c->raw */
	uint32_t wrec, srec;
} trec;

enum { TR_OWN, TR_M2, TR_M1, TR_P1, TR_P2, TR_N };
enum { PAD_T_BEFORE, PAD_T_AFTER, TPADS };

/* An open-addressing table of records: index + 1, 0 empty. */
typedef struct {
	uint32_t *slots;
	size_t n; /* a power of two, or 0 */
} rtable;

struct qt_tagger_cache {
	uint64_t serial; /* of the tagger the records resolve against */
	qbuf keys;
	frec *r;
	size_t n, cap;
	rtable rt;
	/* the token records, their bytes and rows (rows of per ints each) */
	qbuf raw;
	trec *tr;
	size_t tn, tcap, per;
	int32_t *rows;
	/* the rows of the shapes (as a token's rows, with the bias, without
	 * the word's features: a token's start), per ints each */
	int32_t *srows;
	size_t sn, scap;
	rtable tt;
	uint32_t bias[QT_MAX_MODELS]; /* the feature b */
	/* per model: the features t-1 of each label (and "<s>"), then t-2
	 * of each pair, UNKNOWN until looked up */
	uint32_t *hist[QT_MAX_MODELS];
	/* per model: the sum of t-1 and t-2 of each pair of labels, made
	 * where hready[] is set (both NULL until the first use) */
	int32_t *hrows[QT_MAX_MODELS];
	uint8_t *hready[QT_MAX_MODELS];
	/* the features of several parts (shc, tw) by ckey(): mkeys[i]
	 * 0 = empty */
	uint64_t *mkeys;
	uint32_t *mvals;
	size_t mn, mcap;
	/* per position of the sentence (+ 2 each side): its token record */
	uint32_t *pt;
	size_t ptcap;
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

/* Resolve record r, whose string is s[0..n), against every model (the
 * long way: each key built apart). */
static void
resolve_long(const qt_tagger *tg, frec *r, const char *s, size_t n)
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

/* A feature's prefix, right-aligned in eight bytes (what comes before
 * it is never part of a key), and its length. */
typedef struct {
	char p[9];
	uint8_t len;
} prefix8;

/* The feature of prefix p and the bytes x[0..n): p is written over the
 * eight bytes before x, and the key hashed where it lies (as feat_hash()
 * hashes it: the bytes read past its end are masked off; eight are
 * readable there). */
static uint32_t
look_in(const qt_tagger *tg, const model *m, const prefix8 *p, char *x,
        size_t n)
{
	const char *k = x - p->len;
	size_t kn = n + p->len, i;
	uint64_t h = kn, w;
	uint32_t ix;

	if (kn > QT_MAX_FEATURE)
		return NOFEAT;
	memcpy(x - 8, p->p, 8);
	for (i = 0; i + 8 <= kn; i += 8) {
		memcpy(&w, k + i, 8);
		h = qt_mix8(h, w);
	}
	if (i < kn) {
		memcpy(&w, k + i, 8);
		h = qt_mix8(h, w & qt_head_mask(kn - i));
	}
	ix = *find_slot(m, tg->keys.ptr, k, kn, h ^ (h >> 32));
	return ix ? ix - 1 : NOFEAT;
}

/* Resolve record r, whose string is s[0..n), against every model: as
 * resolve_long(), but each key is the string in one buffer with its
 * prefix written before it (the suffixes, written over the word, from
 * the longest). */
static void
resolve(const qt_tagger *tg, frec *r, const char *s, size_t n)
{
	static const prefix8 wf[5] = {{"      w=", 2},
	                              {"    w-2=", 4},
	                              {"    w-1=", 4},
	                              {"    w+1=", 4},
	                              {"    w+2=", 4}};
	static const prefix8 sf[SF_N] = {{"     sh=", 3}, {"   sh-2=", 5},
	                                 {"   sh-1=", 5}, {"   sh+1=", 5},
	                                 {"   sh+2=", 5}, {"     fs=", 3}};
	static const prefix8 pre[3] = {
	        {"     p1=", 3}, {"     p2=", 3}, {"     p3=", 3}};
	static const prefix8 suf[3] = {
	        {"     s1=", 3}, {"     s2=", 3}, {"     s3=", 3}};
	static const prefix8 sm1 = {"    s-1=", 4}, sp1 = {"    s+1=", 4};
	char b[8 + QT_MAX_FEATURE + 8], *x = b + 8;
	size_t mi, j, cps, head[3], tail[3], xn;

	if (n > QT_MAX_FEATURE) {
		resolve_long(tg, r, s, n);
		return;
	}
	cps = count_cps(s, n);
	for (j = 0; j < 3; j++) {
		head[j] = head_bytes(s, n, j + 1);
		tail[j] = tail_bytes(s, n, j + 1);
	}
	for (mi = 0; mi < tg->nmodels; mi++) {
		const model *m = &tg->m[mi];
		uint32_t *f = r->f[mi];

		memcpy(x, s, n);
		memset(x + n, 0, 8);
		if (r->kind == REC_SHAPE) {
			for (j = 0; j < SF_N; j++)
				f[j] = look_in(tg, m, &sf[j], x, n);
			continue;
		}
		for (j = 0; j < 5; j++)
			f[WF_W + j] = look_in(tg, m, &wf[j], x, n);
		for (j = 0; j < 3; j++)
			f[WF_P1 + j] = j + 1 < cps && !r->pad
			                       ? look_in(tg, m, &pre[j], x,
			                                 head[j])
			                       : NOFEAT;
		/* (the padding's whole string, a word's last three) */
		xn = r->pad ? n : tail[2];
		f[WF_SM1] = look_in(tg, m, &sm1, x + n - xn, xn);
		f[WF_SP1] = look_in(tg, m, &sp1, x + n - xn, xn);
		for (j = 3; j-- > 0;)
			f[WF_S1 + j] = j + 1 < cps && !r->pad
			                       ? look_in(tg, m, &suf[j],
			                                 x + n - tail[j],
			                                 tail[j])
			                       : NOFEAT;
	}
}

/* The slot of string s[0..n) of hash h in table t, whose records lie
 * `size` bytes apart from base, each starting with its skey (strings in
 * keys): the slot that holds it, else the empty one where it goes.  t
 * has a free slot (rt_room()). */
static uint32_t *
rt_find(const rtable *t, const void *base, size_t size, const char *keys,
        const char *s, size_t n, uint32_t h)
{
	size_t i = h & (t->n - 1);

	while (t->slots[i]) {
		const skey *k = (const skey *)((const char *)base +
		                               (t->slots[i] - 1) * size);
		if (k->hash == h && k->len == n &&
		    memcmp(keys + k->key, s, n) == 0)
			break;
		i = (i + 1) & (t->n - 1);
	}
	return &t->slots[i];
}

/* Room in t for a record more than its `count` (records [from, count)
 * in the table, as for rt_find()); false when out of memory. */
static bool
rt_room(rtable *t, const void *base, size_t size, size_t count, size_t from)
{
	size_t ns = t->n ? t->n * 2 : 1024, i, k;
	uint32_t *slots;

	if ((count + 1) * 2 <= t->n)
		return true;
	slots = calloc(ns, sizeof(*slots));
	if (!slots)
		return false;
	for (k = from; k < count; k++) {
		const skey *r = (const skey *)((const char *)base + k * size);
		for (i = r->hash & (ns - 1); slots[i]; i = (i + 1) & (ns - 1))
			;
		slots[i] = (uint32_t)k + 1;
	}
	free(t->slots);
	t->slots = slots;
	t->n = ns;
	return true;
}

/* The record of string s[0..n) of kind `kind`, added and resolved when
 * new (a padding record, `pad`, is always new and not in the table);
 * UINT32_MAX when out of memory. */
static uint32_t
record(const qt_tagger *tg, struct qt_tagger_cache *c, unsigned kind, bool pad,
       const char *s, size_t n)
{
	uint32_t h = (uint32_t)(feat_hash(s, n) ^ kind), *slot = NULL;
	frec *r;

	if (c->n == c->cap) {
		size_t cap = c->cap ? c->cap * 2 : 512;
		r = qt_xrealloc_array(c->r, cap, sizeof(*r));
		if (!r)
			return UINT32_MAX;
		c->r = r;
		c->cap = cap;
	}
	if (!rt_room(&c->rt, c->r, sizeof(*c->r), c->n, PADS))
		return UINT32_MAX;
	if (!pad) {
		slot = rt_find(&c->rt, c->r, sizeof(*c->r), c->keys.ptr, s, n,
		               h);
		if (*slot)
			return *slot - 1;
	}
	r = &c->r[c->n];
	r->k.key = (uint32_t)c->keys.len;
	r->k.len = (uint32_t)n;
	r->k.hash = h;
	r->kind = (uint16_t)kind;
	r->pad = pad;
	r->srow = NOROW;
	qbuf_put(&c->keys, s, n);
	if (c->keys.failed)
		return UINT32_MAX;
	resolve(tg, r, s, n);
	if (slot)
		*slot = (uint32_t)c->n + 1;
	return (uint32_t)c->n++;
}

/* Add the weights of feature fid of model m (NOFEAT: none) to row. */
static void
row_add(const qt_tagger *tg, const model *m, int32_t *restrict row,
        uint32_t fid)
{
	const feat *f;
	size_t i;

	if (fid == NOFEAT)
		return;
	f = &m->slots[fid];
	if (f->npairs & DENSE_ROW) {
		const int32_t *restrict d = tg->dense + f->pair;
		size_t l;

		/* (a fixed run of lanes: the compiler adds it as vectors) */
		for (l = 0; l < tg->stride; l += DENSE_LANES)
			for (i = 0; i < DENSE_LANES; i++)
				row[l + i] += d[l + i];
		return;
	}
	for (i = 0; i < f->npairs; i++)
		row[tg->pairs[f->pair + i].label] +=
		        tg->pairs[f->pair + i].weight;
}

/* The rows of token record t for model mi. */
static inline int32_t *
token_rows(const qt_tagger *tg, const struct qt_tagger_cache *c, uint32_t t,
           size_t mi)
{
	return c->rows + (size_t)t * c->per + mi * TR_N * tg->stride;
}

/* The rows of shape record sr, made at its first use: the bias and the
 * shape's features at each place; NULL when out of memory. */
static const int32_t *
shape_rows(const qt_tagger *tg, struct qt_tagger_cache *c, uint32_t sr)
{
	static const signed char sf[TR_N] = {SF_SH, SF_SHM2, SF_SHM1, SF_SHP1,
	                                     SF_SHP2};
	frec *g = &c->r[sr];
	int32_t *rows;
	size_t mi, j;

	if (g->srow != NOROW)
		return c->srows + (size_t)g->srow * c->per;
	if (c->sn == c->scap) {
		size_t cap = c->scap ? c->scap * 2 : 64;
		rows = qt_xrealloc_array(c->srows, cap, c->per * sizeof(*rows));
		if (!rows)
			return NULL;
		c->srows = rows;
		c->scap = cap;
	}
	rows = c->srows + c->sn * c->per;
	memset(rows, 0, c->per * sizeof(*rows));
	for (mi = 0; mi < tg->nmodels; mi++) {
		int32_t *row = rows + mi * TR_N * tg->stride;

		row_add(tg, &tg->m[mi], row, c->bias[mi]);
		for (j = 0; j < TR_N; j++)
			row_add(tg, &tg->m[mi], row + j * tg->stride,
			        g->f[mi][(int)sf[j]]);
	}
	g->srow = (uint32_t)c->sn++;
	return rows;
}

/* Sum the rows of token record t: its shape's, and the features of its
 * word; false when out of memory. */
static bool
make_rows(const qt_tagger *tg, struct qt_tagger_cache *c, uint32_t t)
{
	/* each row's word features (-1 ends) */
	static const signed char wf[TR_N][8] = {
	        {WF_W, WF_P1, WF_P1 + 1, WF_P1 + 2, WF_S1, WF_S1 + 1, WF_S1 + 2,
	         -1},
	        {WF_WM2, -1},
	        {WF_WM1, WF_SM1, -1},
	        {WF_WP1, WF_SP1, -1},
	        {WF_WP2, -1},
	};
	const int32_t *start = shape_rows(tg, c, c->tr[t].srec);
	size_t mi, j, k;

	if (!start)
		return false;
	memcpy(token_rows(tg, c, t, 0), start, c->per * sizeof(*start));
	for (mi = 0; mi < tg->nmodels; mi++) {
		const model *m = &tg->m[mi];
		const uint32_t *f = c->r[c->tr[t].wrec].f[mi];
		int32_t *row = token_rows(tg, c, t, mi);

		for (j = 0; j < TR_N; j++, row += tg->stride)
			for (k = 0; wf[j][k] >= 0; k++)
				row_add(tg, m, row, f[(int)wf[j][k]]);
	}
	return true;
}

/* Room for a token record more (and its rows); false when out of
 * memory. */
static bool
token_room(struct qt_tagger_cache *c)
{
	if (c->tn == c->tcap) {
		size_t cap = c->tcap ? c->tcap * 2 : 256;
		trec *tr = qt_xrealloc_array(c->tr, cap, sizeof(*tr));
		int32_t *rows;

		if (!tr)
			return false;
		c->tr = tr;
		rows = qt_xrealloc_array(c->rows, cap, c->per * sizeof(*rows));
		if (!rows)
			return false;
		c->rows = rows;
		c->tcap = cap;
	}
	return rt_room(&c->tt, c->tr, sizeof(*c->tr), c->tn, TPADS);
}

/* A new token record of word record wrec and shape record srec, its
 * string s[0..n), its rows summed (in slot, when not NULL); UINT32_MAX
 * when out of memory.  Room was made (token_room()). */
static uint32_t
new_token(const qt_tagger *tg, struct qt_tagger_cache *c, uint32_t *slot,
          const char *s, size_t n, uint32_t h, uint32_t wrec, uint32_t srec)
{
	trec *t = &c->tr[c->tn];

	if (wrec == UINT32_MAX || srec == UINT32_MAX)
		return UINT32_MAX;
	t->k.key = (uint32_t)c->raw.len;
	t->k.len = (uint32_t)n;
	t->k.hash = h;
	t->wrec = wrec;
	t->srec = srec;
	qbuf_put(&c->raw, s, n);
	if (c->raw.failed)
		return UINT32_MAX;
	if (!make_rows(tg, c, (uint32_t)c->tn))
		return UINT32_MAX;
	if (slot)
		*slot = (uint32_t)c->tn + 1;
	return (uint32_t)c->tn++;
}

/* Empty c for tagger tg: only the padding's records. */
static bool
cache_reset(const qt_tagger *tg, struct qt_tagger_cache *c)
{
	size_t mi, per = tg->nmodels * TR_N * tg->stride;

	/* (valid only once the pads are in: a reset that runs out of
	 * memory leaves the next use to reset again) */
	c->serial = 0;
	c->n = c->tn = c->sn = 0;
	c->keys.len = c->raw.len = 0;
	if (c->rt.slots)
		memset(c->rt.slots, 0, c->rt.n * sizeof(*c->rt.slots));
	if (c->tt.slots)
		memset(c->tt.slots, 0, c->tt.n * sizeof(*c->tt.slots));
	if (per != c->per) {
		/* (another tagger's rows: token_room() makes them anew) */
		c->per = per;
		c->tcap = c->scap = 0;
	}
	for (mi = 0; mi < QT_MAX_MODELS; mi++) {
		free(c->hist[mi]);
		free(c->hrows[mi]);
		free(c->hready[mi]);
		c->hist[mi] = NULL;
		c->hrows[mi] = NULL;
		c->hready[mi] = NULL;
	}
	if (c->mkeys)
		memset(c->mkeys, 0, c->mcap * sizeof(*c->mkeys));
	c->mn = 0;
	for (mi = 0; mi < tg->nmodels; mi++)
		c->bias[mi] = look1(tg, &tg->m[mi], "b", "", 0);
	if (record(tg, c, REC_WORD, true, "<s>", 3) != PAD_W_BEFORE ||
	    record(tg, c, REC_WORD, true, "</s>", 4) != PAD_W_AFTER ||
	    record(tg, c, REC_SHAPE, true, "<s>", 3) != PAD_S_BEFORE ||
	    record(tg, c, REC_SHAPE, true, "</s>", 4) != PAD_S_AFTER)
		return false;
	if (!token_room(c) ||
	    new_token(tg, c, NULL, "", 0, 0, PAD_W_BEFORE, PAD_S_BEFORE) !=
	            PAD_T_BEFORE ||
	    !token_room(c) ||
	    new_token(tg, c, NULL, "", 0, 0, PAD_W_AFTER, PAD_S_AFTER) !=
	            PAD_T_AFTER)
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
	qbuf_free(&c->raw);
	free(c->r);
	free(c->rt.slots);
	free(c->tr);
	free(c->rows);
	free(c->srows);
	free(c->tt.slots);
	for (mi = 0; mi < QT_MAX_MODELS; mi++) {
		free(c->hist[mi]);
		free(c->hrows[mi]);
		free(c->hready[mi]);
	}
	free(c->pt);
	free(c->mkeys);
	free(c->mvals);
	free(c);
}

/* The key of a feature of several parts in a cache's map: its kind,
 * the model, and up to three fields below FIELD_MAX (record indices,
 * labels + 1). */
enum { KEY_SHC = 1, KEY_TW };
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

/* What token i adds up: dense rows (up to ROWS_MAX), and the features
 * whose weights are pairs. */
#define ROWS_MAX 16
typedef struct {
	const int32_t *row[ROWS_MAX];
	uint32_t sparse[ROWS_MAX];
	size_t nr, ns;
} addends;

/* Feature fid (NOFEAT: none) into a. */
static inline void
take(const tagging *t, addends *a, uint32_t fid)
{
	const feat *f;

	if (fid == NOFEAT)
		return;
	f = &t->m->slots[fid];
	if (f->npairs & DENSE_ROW)
		a->row[a->nr++] = t->tg->dense + f->pair;
	else
		a->sparse[a->ns++] = fid;
}

/* t->sc = the sum of a's rows (at least one) and pairs.  Only the first
 * tg->stride scores are ever added to or read (tg->stride is at least
 * every model's label count). */
static void
sum(tagging *t, const addends *a)
{
	size_t l, i, j;

	/* (DENSE_LANES sums at a time, kept in registers over the rows: the
	 * compiler adds them as vectors) */
	for (l = 0; l < t->tg->stride; l += DENSE_LANES) {
		int32_t acc[DENSE_LANES];

		for (i = 0; i < DENSE_LANES; i++)
			acc[i] = a->row[0][l + i];
		for (j = 1; j + 1 < a->nr; j += 2)
			for (i = 0; i < DENSE_LANES; i++)
				acc[i] += a->row[j][l + i] +
				          a->row[j + 1][l + i];
		if (j < a->nr)
			for (i = 0; i < DENSE_LANES; i++)
				acc[i] += a->row[j][l + i];
		for (i = 0; i < DENSE_LANES; i++)
			t->sc[l + i] = acc[i];
	}
	for (j = 0; j < a->ns; j++) {
		const feat *f = &t->m->slots[a->sparse[j]];
		const pair *p = t->tg->pairs + f->pair;

		for (i = 0; i < f->npairs; i++)
			t->sc[p[i].label] += p[i].weight;
	}
}

/* The string of record r into k. */
static void
put_record(const tagging *t, keybuf *k, uint32_t r)
{
	kb_put(k, t->c->keys.ptr + t->c->r[r].k.key, t->c->r[r].k.len);
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

/* shc=S-1|S0|S+1 of the token whose record is at pt[0]. */
static uint32_t
shape_context(tagging *t, const uint32_t *pt)
{
	const trec *tr = t->c->tr;
	uint32_t a = tr[pt[-1]].srec, b = tr[pt[0]].srec, c = tr[pt[1]].srec;
	uint32_t *v = a < FIELD_MAX && b < FIELD_MAX && c < FIELD_MAX
	                      ? map_at(t->c, ckey(KEY_SHC, t->mi, a, b, c))
	                      : NULL;
	keybuf k;

	if (v && *v != UNKNOWN)
		return *v;
	kb_start(&k, "shc=");
	put_record(t, &k, a);
	kb_put(&k, "|", 1);
	put_record(t, &k, b);
	kb_put(&k, "|", 1);
	put_record(t, &k, c);
	return remember(t, v, &k);
}

/* The features t-1=T1 and t-2=T2|T1 after labels l2, l1 (-1 = before
 * the sentence) into f[0], f[1]. */
static void
history(tagging *t, int l2, int l1, uint32_t f[2])
{
	keybuf k;

	f[0] = hist_feature(t, -2, l1);
	if (f[0] == UNKNOWN) {
		kb_start(&k, "t-1=");
		put_label(t, &k, l1);
		f[0] = lookup(t->tg, t->m, &k);
	}
	f[1] = hist_feature(t, l2, l1);
	if (f[1] == UNKNOWN) {
		kb_start(&k, "t-2=");
		put_label(t, &k, l2);
		kb_put(&k, "|", 1);
		put_label(t, &k, l1);
		f[1] = lookup(t->tg, t->m, &k);
	}
}

/* The label history after l2, l1 into a: one row, the sum of t-1 and
 * t-2, made at its first use (or, out of memory, the two features). */
static void
take_history(tagging *t, addends *a, int l2, int l1)
{
	struct qt_tagger_cache *c = t->c;
	size_t nl = t->m->nlabels + 1, st = t->tg->stride;
	size_t at = (size_t)(l2 + 1) * nl + (size_t)(l1 + 1);
	uint32_t f[2];
	int32_t *row;

	if (!c->hready[t->mi]) {
		c->hrows[t->mi] = qt_xmalloc_array(nl * nl, st * sizeof(*row));
		c->hready[t->mi] = calloc(nl * nl, 1);
		if (!c->hrows[t->mi] || !c->hready[t->mi]) {
			free(c->hready[t->mi]);
			c->hready[t->mi] = NULL;
			history(t, l2, l1, f);
			take(t, a, f[0]);
			take(t, a, f[1]);
			return;
		}
	}
	row = c->hrows[t->mi] + at * st;
	if (!c->hready[t->mi][at]) {
		history(t, l2, l1, f);
		memset(row, 0, st * sizeof(*row));
		row_add(t->tg, t->m, row, f[0]);
		row_add(t->tg, t->m, row, f[1]);
		c->hready[t->mi][at] = 1;
	}
	a->row[a->nr++] = row;
}

/* tw=T1|W0 of word record wr after label l1. */
static uint32_t
label_word(tagging *t, uint32_t wr, int l1)
{
	uint32_t *v = wr < FIELD_MAX ? map_at(t->c, ckey(KEY_TW, t->mi, wr,
	                                                 (uint64_t)(l1 + 1), 0))
	                             : NULL;
	keybuf k;

	if (v && *v != UNKNOWN)
		return *v;
	kb_start(&k, "tw=");
	put_label(t, &k, l1);
	kb_put(&k, "|", 1);
	put_record(t, &k, wr);
	return remember(t, v, &k);
}

/* The scores of token i after labels l2, l1 into t->sc: the rows of the
 * tokens around it (template 1 at the top, but for shc, fs and the
 * label history), then its other features. */
static void
score(tagging *t, size_t i, int l2, int l1)
{
	const uint32_t *pt = t->c->pt + i + 2;
	const trec *tr = t->c->tr;
	size_t st = t->tg->stride;
	addends a;

	a.nr = a.ns = 0;
	a.row[a.nr++] = token_rows(t->tg, t->c, pt[0], t->mi) + TR_OWN * st;
	a.row[a.nr++] = token_rows(t->tg, t->c, pt[-2], t->mi) + TR_M2 * st;
	a.row[a.nr++] = token_rows(t->tg, t->c, pt[-1], t->mi) + TR_M1 * st;
	a.row[a.nr++] = token_rows(t->tg, t->c, pt[1], t->mi) + TR_P1 * st;
	a.row[a.nr++] = token_rows(t->tg, t->c, pt[2], t->mi) + TR_P2 * st;
	take(t, &a, shape_context(t, pt));
	if (i == 0)
		take(t, &a, t->c->r[tr[pt[0]].srec].f[t->mi][SF_FS]);
	take_history(t, &a, l2, l1);
	take(t, &a, label_word(t, tr[pt[0]].wrec, l1));
	sum(t, &a);
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

/* The folded word (digits as 0) and then the shape of token s[0..n)
 * into b (emptied first), the shape from *mid; false when out of
 * memory. */
static bool
prepare(qbuf *b, const char *s, size_t n, size_t *mid)
{
	size_t j;

	b->len = 0;
	if (ascii_prepare(b, s, n, mid))
		return true;
	qt_text_fold(b, s, n);
	if (b->failed)
		return false;
	for (j = 0; j < b->len; j++)
		if (b->ptr[j] >= '0' && b->ptr[j] <= '9')
			b->ptr[j] = '0';
	*mid = b->len;
	put_shape(b, s, n);
	return !b->failed;
}

/* The record of token s[0..n), made when new; UINT32_MAX when out of
 * memory. */
static uint32_t
token_record(const qt_tagger *tg, qt_tagger_work *w, const char *s, size_t n)
{
	struct qt_tagger_cache *c = w->cache;
	uint32_t h = (uint32_t)feat_hash(s, n), *slot, a, b;
	size_t mid;

	/* (room only for a new one: the table may grow, find its slot
	 * again) */
	slot = c->tt.n ? rt_find(&c->tt, c->tr, sizeof(*c->tr), c->raw.ptr, s,
	                         n, h)
	               : NULL;
	if (slot && *slot)
		return *slot - 1;
	if (!token_room(c))
		return UINT32_MAX;
	slot = rt_find(&c->tt, c->tr, sizeof(*c->tr), c->raw.ptr, s, n, h);
	if (!prepare(&w->text, s, n, &mid))
		return UINT32_MAX;
	a = record(tg, c, REC_WORD, false, w->text.ptr, mid);
	b = record(tg, c, REC_SHAPE, false, w->text.ptr + mid,
	           w->text.len - mid);
	return new_token(tg, c, slot, s, n, h, a, b);
}

/* The token records of the sentence (and its padding) in w's cache,
 * made for tg when it was for another tagger or grew too big. */
static bool
records(const qt_tagger *tg, qt_tagger_work *w, const qt_tagger_tok *toks,
        size_t n)
{
	struct qt_tagger_cache *c = w->cache;
	size_t i;

	if (!c) {
		c = w->cache = calloc(1, sizeof(*c));
		if (!c)
			return false;
	}
	if (c->serial != tg->serial || c->n + 2 * n > CACHE_MAX ||
	    c->tn + n > TOKENS_MAX || c->mn > 4 * CACHE_MAX)
		if (!cache_reset(tg, c))
			return false;
	if (n + 4 > c->ptcap) {
		size_t cap = n + 4 < 64 ? 64 : n + 4;
		uint32_t *pt = qt_xrealloc_array(c->pt, cap, sizeof(*pt));
		if (!pt)
			return false;
		c->pt = pt;
		c->ptcap = cap;
	}
	c->pt[0] = c->pt[1] = PAD_T_BEFORE;
	c->pt[n + 2] = c->pt[n + 3] = PAD_T_AFTER;
	for (i = 0; i < n; i++) {
		uint32_t r = token_record(tg, w, toks[i].s, toks[i].len);
		if (r == UINT32_MAX)
			return false;
		c->pt[i + 2] = r;
	}
	return true;
}

/* The label of the highest score of t->sc; ties go to the lower label,
 * as in the trainer. */
static int
best_label(tagging *t)
{
	int32_t top[DENSE_LANES], m;
	size_t l, i, k;

	/* (the lanes past the labels lose; the maximum is taken
	 * DENSE_LANES at a time, as vectors) */
	for (k = t->m->nlabels; k < t->tg->stride; k++)
		t->sc[k] = INT32_MIN;
	memcpy(top, t->sc, sizeof(top));
	for (l = DENSE_LANES; l < t->tg->stride; l += DENSE_LANES)
		for (i = 0; i < DENSE_LANES; i++)
			top[i] = t->sc[l + i] > top[i] ? t->sc[l + i] : top[i];
	for (m = top[0], i = 1; i < DENSE_LANES; i++)
		m = top[i] > m ? top[i] : m;
	for (k = 0; t->sc[k] != m; k++)
		;
	return (int)k;
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
	if (!records(tg, w, toks, n))
		return false;
	t.tg = tg;
	t.c = w->cache;
	for (i = 0; i < n; i++)
		out[i].pos = QT_POS_OTHER, out[i].ner = QT_NER_O;
	for (mi = 0; mi < tg->nmodels; mi++) {
		int l1 = -1, l2 = -1;

		t.m = &tg->m[mi];
		t.mi = mi;
		for (i = 0; i < nout; i++) {
			int best;

			score(&t, i, l2, l1);
			best = best_label(&t);
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
	cache_free(w->cache);
	memset(w, 0, sizeof(*w));
}
