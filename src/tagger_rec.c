/*
 * tagger_rec.c: the records of a tagging work (tagger_rec.h): each
 * distinct token, folded word and shape of the sentences tagged with it,
 * resolved once against the model and kept from call to call, up to a
 * bound on memory.  Reads the tokens' bytes and the loaded tagger; the
 * scoring (tagger.c) reads the records.
 */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "tagger_rec.h"

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

static uint32_t
look1(const qt_tagger *tg, const model *m, const char *prefix, const char *s,
      size_t n)
{
	keybuf k;

	kb_start(&k, prefix);
	kb_put(&k, s, n);
	return qt_tagger_lookup(tg, m, &k);
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
static inline __attribute__((always_inline)) uint32_t
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

/* look_in() of an affix feature (kind AF_*, of model mi) whose bytes
 * x[0..xn) are followed by at least eight readable ones, through c's
 * table of recent affixes when they fit a word: words share their
 * affixes ("-ing", "un-"), and a word's affixes are more than half of
 * its lookups. */
enum { AF_P1, AF_S1 = AF_P1 + 3, AF_SM1 = AF_S1 + 3, AF_SP1 };

static inline __attribute__((always_inline)) uint32_t
look_affix(const qt_tagger *tg, struct qt_tagger_cache *c, size_t mi,
           unsigned kind, const prefix8 *p, char *x, size_t xn)
{
	struct affix_memo *am = c->am;
	uint64_t w;
	size_t slot;
	unsigned tag;
	uint32_t f;

	if (!am || xn == 0 || xn > 8)
		return look_in(tg, &tg->m[mi], p, x, xn);
	memcpy(&w, x, 8);
	if (xn < 8)
		w &= qt_head_mask(xn);
	tag = (unsigned)(mi << 8 | kind << 4 | xn); /* (never 0) */
	slot = (size_t)(((w ^ (uint64_t)tag << 56) * 0x9E3779B97F4A7C15ull) >>
	                (64 - AFFIX_MEMO_BITS));
	if (am->tag[slot] == tag && am->key[slot] == w)
		return am->val[slot];
	f = look_in(tg, &tg->m[mi], p, x, xn);
	am->tag[slot] = (uint16_t)tag;
	am->key[slot] = w;
	am->val[slot] = f;
	return f;
}

/* Resolve record r of c, whose string is s[0..n), against every model:
 * as resolve_long(), but each key is the string in one buffer with its
 * prefix written before it (the suffixes, written over the word, from
 * the longest). */
static void
resolve(const qt_tagger *tg, struct qt_tagger_cache *c, frec *r, const char *s,
        size_t n)
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
			                       ? look_affix(tg, c, mi,
			                                    AF_P1 + (unsigned)j,
			                                    &pre[j], x, head[j])
			                       : NOFEAT;
		/* (the padding's whole string, a word's last three) */
		xn = r->pad ? n : tail[2];
		f[WF_SM1] = look_affix(tg, c, mi, AF_SM1, &sm1, x + n - xn, xn);
		f[WF_SP1] = look_affix(tg, c, mi, AF_SP1, &sp1, x + n - xn, xn);
		for (j = 3; j-- > 0;)
			f[WF_S1 + j] = j + 1 < cps && !r->pad
			                       ? look_affix(tg, c, mi,
			                                    AF_S1 + (unsigned)j,
			                                    &suf[j],
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
	size_t mi;

	if (c->n == c->cap) {
		/* (the bound at once: a block so big is only reserved,
		 * its pages made as they are written, and it is never
		 * copied to grow; see token_room()) */
		size_t cap = c->cap ? c->cap * 2 : CACHE_MAX;
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
	for (mi = 0; mi < QT_MAX_MODELS; mi++)
		r->tw[mi] = NOROW;
	qbuf_put(&c->keys, s, n);
	if (c->keys.failed)
		return UINT32_MAX;
	resolve(tg, c, r, s, n);
	if (slot)
		*slot = (uint32_t)c->n + 1;
	return (uint32_t)c->n++;
}

/* row[0..stride) += d[0..stride), a fixed run of lanes at a time: the
 * compiler adds it as vectors. */
static inline __attribute__((always_inline)) void
add_dense(int32_t *restrict row, const int32_t *restrict d, size_t stride)
{
	size_t l, i;

	for (l = 0; l < stride; l += DENSE_LANES)
		for (i = 0; i < DENSE_LANES; i++)
			row[l + i] += d[l + i];
}

#if QT_AVX2_SUM
/* add_dense() a run of eight lanes an instruction (tg->avx2). */
__attribute__((target("avx2"))) static void
add_dense_avx2(int32_t *restrict row, const int32_t *restrict d, size_t stride)
{
	add_dense(row, d, stride);
}
#endif

void
qt_tagger_row_add(const qt_tagger *tg, const model *m, int32_t *restrict row,
                  uint32_t fid)
{
	const feat *f;
	size_t i;

	if (fid == NOFEAT)
		return;
	f = &m->slots[fid];
	if (f->npairs & DENSE_ROW) {
#if QT_AVX2_SUM
		if (tg->avx2) {
			add_dense_avx2(row, tg->dense + f->pair, tg->stride);
			return;
		}
#endif
		add_dense(row, tg->dense + f->pair, tg->stride);
		return;
	}
	for (i = 0; i < f->npairs; i++)
		row[tg->pairs[f->pair + i].label] +=
		        tg->pairs[f->pair + i].weight;
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
		size_t k;

		/* (the lanes past the labels of the scores that start from
		 * this row never win: tagger.c's sum()) */
		for (k = tg->m[mi].nlabels; k < tg->stride; k++)
			row[k] = INT32_MIN;
		qt_tagger_row_add(tg, &tg->m[mi], row, c->bias[mi]);
		for (j = 0; j < TR_N; j++)
			qt_tagger_row_add(tg, &tg->m[mi], row + j * tg->stride,
			                  g->f[mi][(int)sf[j]]);
	}
	g->srow = (uint32_t)c->sn++;
	return rows;
}

/* out[0..stride) = base + the dense rows d[0..nd), summed in a register
 * W lanes at a time (VT a vector of W; W divides DENSE_LANES): each lane
 * of out written once, not once a feature. */
#define SUM_DENSE(NAME, VT, W)                                                 \
	static inline __attribute__((always_inline)) void NAME(                \
	        int32_t *restrict out, const int32_t *restrict base,           \
	        const int32_t *const *d, size_t nd, size_t stride)             \
	{                                                                      \
		VT acc[QT_MAX_LABELS / W], x;                                  \
		size_t l, k;                                                   \
                                                                               \
		_Pragma("GCC unroll 16") for (l = 0; l < stride / W; l++)      \
		        memcpy(&acc[l], base + W * l, sizeof(x));              \
		for (k = 0; k < nd; k++) {                                     \
			_Pragma("GCC unroll 16") for (l = 0; l < stride / W;   \
			                              l++)                     \
			{                                                      \
				memcpy(&x, d[k] + W * l, sizeof(x));           \
				acc[l] += x;                                   \
			}                                                      \
		}                                                              \
		_Pragma("GCC unroll 16") for (l = 0; l < stride / W; l++)      \
		        memcpy(out + W * l, &acc[l], sizeof(x));               \
	}

/* SUM(out, base, d, nd, stride) for tg->stride as a constant (a multiple
 * of DENSE_LANES up to QT_MAX_LABELS), so that the lanes stay in
 * registers. */
#define SUM_DENSE_STRIDES(SUM, out, base, d, nd, stride)                       \
	switch (stride) {                                                      \
	case 8:                                                                \
		SUM(out, base, d, nd, 8);                                      \
		break;                                                         \
	case 16:                                                               \
		SUM(out, base, d, nd, 16);                                     \
		break;                                                         \
	case 24:                                                               \
		SUM(out, base, d, nd, 24);                                     \
		break;                                                         \
	case 32:                                                               \
		SUM(out, base, d, nd, 32);                                     \
		break;                                                         \
	case 40:                                                               \
		SUM(out, base, d, nd, 40);                                     \
		break;                                                         \
	case 48:                                                               \
		SUM(out, base, d, nd, 48);                                     \
		break;                                                         \
	case 56:                                                               \
		SUM(out, base, d, nd, 56);                                     \
		break;                                                         \
	default:                                                               \
		SUM(out, base, d, nd, QT_MAX_LABELS);                          \
		break;                                                         \
	}

typedef int32_t rec_lanes4 __attribute__((vector_size(16)));
SUM_DENSE(sum_dense4, rec_lanes4, 4)
#if QT_AVX2_SUM
typedef int32_t rec_lanes8 __attribute__((vector_size(32)));
SUM_DENSE(sum_dense8, rec_lanes8, 8)
#endif

/* each row's word features (-1 ends) */
static const signed char row_feats[TR_N][8] = {
        {WF_W, WF_P1, WF_P1 + 1, WF_P1 + 2, WF_S1, WF_S1 + 1, WF_S1 + 2, -1},
        {WF_WM2, -1},
        {WF_WM1, WF_SM1, -1},
        {WF_WP1, WF_SP1, -1},
        {WF_WP2, -1},
};

/* The rows of token record t (its shape's rows at start), summed `lanes`
 * (4 or 8) lanes a vector: each row is the shape's plus the word's dense
 * rows, summed at once, then the word's pairs.  (Copying the shape's rows
 * and adding each feature to them apart was 14.5M instructions on 2 MB of
 * news, 12.1M so.) */
static inline __attribute__((always_inline)) void
fill_rows(const qt_tagger *tg, struct qt_tagger_cache *c, uint32_t t,
          const int32_t *start, int lanes)
{
	size_t mi, j, k, st = tg->stride;

	for (mi = 0; mi < tg->nmodels; mi++) {
		const model *m = &tg->m[mi];
		const uint32_t *f = c->r[c->tr[t].wrec].f[mi];
		int32_t *row = token_rows(tg, c, t, mi);
		const int32_t *base = start + mi * TR_N * st;

		for (j = 0; j < TR_N; j++, row += st, base += st) {
			const int32_t *d[8];
			uint32_t sp[8];
			size_t nd = 0, ns = 0, i;

			for (k = 0; row_feats[j][k] >= 0; k++) {
				uint32_t fid = f[(int)row_feats[j][k]];
				const feat *x;

				if (fid == NOFEAT)
					continue;
				x = &m->slots[fid];
				if (x->npairs & DENSE_ROW)
					d[nd++] = tg->dense + x->pair;
				else
					sp[ns++] = fid;
			}
#if QT_AVX2_SUM
			if (lanes == 8) {
				SUM_DENSE_STRIDES(sum_dense8, row, base, d, nd,
				                  st);
			} else
#endif
			{
				SUM_DENSE_STRIDES(sum_dense4, row, base, d, nd,
				                  st);
			}
			for (i = 0; i < ns; i++) {
				const feat *x = &m->slots[sp[i]];
				const pair *p = tg->pairs + x->pair;
				uint32_t q;

				for (q = 0; q < x->npairs; q++)
					row[p[q].label] += p[q].weight;
			}
		}
	}
}

static void
make_rows_sse(const qt_tagger *tg, struct qt_tagger_cache *c, uint32_t t,
              const int32_t *start)
{
	fill_rows(tg, c, t, start, 4);
}

#if QT_AVX2_SUM
/* (eight lanes an instruction; only where the processor has AVX2:
 * tg->avx2) */
__attribute__((target("avx2"))) static void
make_rows_avx2(const qt_tagger *tg, struct qt_tagger_cache *c, uint32_t t,
               const int32_t *start)
{
	fill_rows(tg, c, t, start, 8);
}
#endif

/* Sum the rows of token record t: its shape's, and the features of its
 * word; false when out of memory. */
static bool
make_rows(const qt_tagger *tg, struct qt_tagger_cache *c, uint32_t t)
{
	const int32_t *start = shape_rows(tg, c, c->tr[t].srec);

	if (!start)
		return false;
#if QT_AVX2_SUM
	if (tg->avx2) {
		make_rows_avx2(tg, c, t, start);
		return true;
	}
#endif
	make_rows_sse(tg, c, t, start);
	return true;
}

/* Room for a token record more (and its rows); false when out of
 * memory. */
static bool
token_room(struct qt_tagger_cache *c)
{
	if (c->tn == c->tcap) {
		/* (room for TOKENS_MAX at once, the rows 7.9 MB for the
		 * shipped model: only reserved, the pages of the rows made
		 * as tokens fill them; doubling from 256 copied the rows
		 * five times, 4.7M instructions on 2 MB of news) */
		size_t cap = c->tcap ? c->tcap * 2 : TOKENS_MAX;
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

/* Empty c's label memo (its keys name token records that go). */
static void
memo_clear(struct qt_tagger_cache *c)
{
	if (c->memo)
		memset(c->memo, 0, sizeof(*c->memo));
}

/* Empty c for tagger tg: only the padding's records. */
static bool
cache_reset(const qt_tagger *tg, struct qt_tagger_cache *c)
{
	size_t mi, per = tg->nmodels * TR_N * tg->stride;

	/* (valid only once the pads are in: a reset that runs out of
	 * memory leaves the next use to reset again) */
	c->serial = 0;
	c->n = c->tn = c->sn = c->twn = 0;
	if (!c->am)
		c->am = malloc(sizeof(*c->am));
	if (c->am)
		memset(c->am->tag, 0, sizeof(c->am->tag));
	if (!c->sm)
		c->sm = malloc(sizeof(*c->sm));
	if (c->sm) {
		memset(c->sm->shapes.len, 0, sizeof(c->sm->shapes.len));
		memset(c->sm->toks.len, 0, sizeof(c->sm->toks.len));
	}
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
		memset(c->mkeys, 0,
		       ((size_t)1 << SHC_MEMO_BITS) * sizeof(*c->mkeys));
	memo_clear(c);
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

/* Empty c of its token records but the padding's, keeping the records
 * of words and shapes, the shapes' rows, the features shc and tw and
 * the label history (which read only those). */
static void
tokens_reset(struct qt_tagger_cache *c)
{
	c->tn = TPADS;
	c->raw.len = 0; /* (the padding's strings are empty) */
	if (c->sm)
		memset(c->sm->toks.len, 0, sizeof(c->sm->toks.len));
	if (c->tt.slots)
		memset(c->tt.slots, 0, c->tt.n * sizeof(*c->tt.slots));
	memo_clear(c);
}

void
qt_tagger_cache_free(struct qt_tagger_cache *c)
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
	free(c->twv);
	free(c->tt.slots);
	for (mi = 0; mi < QT_MAX_MODELS; mi++) {
		free(c->hist[mi]);
		free(c->hrows[mi]);
		free(c->hready[mi]);
	}
	free(c->pt);
	free(c->memo);
	free(c->sm);
	free(c->am);
	free(c->mkeys);
	free(c->mvals);
	free(c);
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
		/* (shape_char() of an ASCII byte, inline) */
		char c = s[i] >= 'A' && s[i] <= 'Z'   ? 'X'
		         : s[i] >= 'a' && s[i] <= 'z' ? 'x'
		         : s[i] >= '0' && s[i] <= '9' ? 'd'
		                                      : s[i];
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

/* The slot of s[0..n) in a short_memo and its key in *key (every byte
 * of s, given n: its first and last four, or for fewer than four its
 * first, middle and last; read so rather than copied byte by byte, 1.5M
 * instructions less on 2 MB of news); SIZE_MAX when it is empty or
 * longer than a word. */
static inline size_t
short_slot(const char *s, size_t n, uint64_t *key)
{
	uint32_t lo, hi;

	*key = 0;
	if (n == 0 || n > sizeof(*key))
		return SIZE_MAX;
	if (n >= 4) {
		memcpy(&lo, s, 4);
		memcpy(&hi, s + n - 4, 4);
		*key = (uint64_t)hi << 32 | lo;
	} else {
		*key = (uint64_t)(unsigned char)s[0] |
		       (uint64_t)(unsigned char)s[n / 2] << 8 |
		       (uint64_t)(unsigned char)s[n - 1] << 16;
	}
	return (size_t)(((*key ^ n) * 0x9E3779B97F4A7C15ull) >>
	                (64 - SHORT_MEMO_BITS));
}

/* The record of s[0..n) in m, UINT32_MAX when it is not there or m is
 * NULL (*slot, *key: where it goes, for short_put()). */
static inline uint32_t
short_get(const short_memo *m, const char *s, size_t n, size_t *slot,
          uint64_t *key)
{
	*slot = m ? short_slot(s, n, key) : SIZE_MAX;
	if (*slot == SIZE_MAX || m->len[*slot] != n || m->key[*slot] != *key)
		return UINT32_MAX;
	return m->rec[*slot];
}

static inline void
short_put(short_memo *m, size_t slot, uint64_t key, size_t n, uint32_t r)
{
	if (!m || slot == SIZE_MAX || r == UINT32_MAX)
		return;
	m->key[slot] = key;
	m->len[slot] = (uint8_t)n;
	m->rec[slot] = r;
}

/* record() of shape s[0..n), through c's table of recent shapes. */
static uint32_t
shape_record(const qt_tagger *tg, struct qt_tagger_cache *c, const char *s,
             size_t n)
{
	uint64_t key;
	size_t slot;
	short_memo *m = c->sm ? &c->sm->shapes : NULL;
	uint32_t r = short_get(m, s, n, &slot, &key);

	if (r == UINT32_MAX) {
		r = record(tg, c, REC_SHAPE, false, s, n);
		short_put(m, slot, key, n, r);
	}
	return r;
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
	b = shape_record(tg, c, w->text.ptr + mid, w->text.len - mid);
	return new_token(tg, c, slot, s, n, h, a, b);
}

bool
qt_tagger_records(const qt_tagger *tg, qt_tagger_work *w,
                  const qt_tagger_tok *toks, size_t n)
{
	struct qt_tagger_cache *c = w->cache;
	short_memo *m;
	size_t i;

	if (!c) {
		c = w->cache = calloc(1, sizeof(*c));
		if (!c)
			return false;
	}
	if (c->serial != tg->serial || c->n + 2 * n > CACHE_MAX) {
		if (!cache_reset(tg, c))
			return false;
	} else if (c->tn + n > TOKENS_MAX) {
		tokens_reset(c);
	}
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
	m = c->sm ? &c->sm->toks : NULL;
	for (i = 0; i < n; i++) {
		uint64_t key;
		size_t slot;
		uint32_t r = short_get(m, toks[i].s, toks[i].len, &slot, &key);

		if (r == UINT32_MAX) {
			r = token_record(tg, w, toks[i].s, toks[i].len);
			if (r == UINT32_MAX)
				return false;
			short_put(m, slot, key, toks[i].len, r);
		}
		c->pt[i + 2] = r;
	}
	return true;
}
