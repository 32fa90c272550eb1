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

#include "tagger_rec.h"

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

/* The key of shc=S-1|S0|S+1 in a cache's table of them: the model and
 * the three shapes' records, each below FIELD_MAX (never 0: the model
 * is stored + 1). */
#define FIELD_MAX ((uint64_t)1 << 20)

static inline uint64_t
shc_key(size_t mi, uint64_t a, uint64_t b, uint64_t c)
{
	return (uint64_t)(mi + 1) << 60 | a << 40 | b << 20 | c;
}

/* The slot of key in a table of 1 << SHC_MEMO_BITS: the top bits of one
 * multiplication, where every bit of the key counts. */
static inline size_t
shc_slot(uint64_t key)
{
	return (size_t)((key * 0x9E3779B97F4A7C15ull) >> (64 - SHC_MEMO_BITS));
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

/* The label of the highest sum of a's rows (at least one, the first a
 * token's own, whose lanes past the labels hold INT32_MIN: they never
 * win) and then its pairs (added through t->sc, only when it has any:
 * zeroing the scores for them first cost 1.1M instructions more on 2 MB
 * of news), for a tagger of `stride` lanes;
 * ties go to the lower label, as in the trainer: each lane keeps the
 * first vector that beats it, with its label, and the lanes then the
 * lowest label of the highest score.  (Finding the label by scanning the
 * scores again afterwards cost 2.6M instructions more on 2 MB of news.)
 * Only the first stride scores are ever added to or read (tg->stride is
 * at least every model's label count).  Inline, so that each stride the
 * callers name is a constant here: all the lanes are summed in
 * registers, a row at a time (the integers are the same in any order of
 * adding: see tagging), W lanes a vector of type VT (W divides
 * DENSE_LANES). */
typedef int32_t lanes4 __attribute__((vector_size(16)));
#if QT_AVX2_SUM
typedef int32_t lanes8 __attribute__((vector_size(32)));
#endif

#define SUM_LANES(NAME, VT, W)                                                 \
	static inline __attribute__((always_inline)) int32_t NAME(             \
	        tagging *t, const addends *a, size_t stride)                   \
	{                                                                      \
		VT acc[QT_MAX_LABELS / W], x, xi, li;                          \
		int32_t m, best;                                               \
		size_t l, j;                                                   \
                                                                               \
		for (l = 0; l < W; l++)                                        \
			li[l] = (int32_t)l;                                    \
                                                                               \
		_Pragma("GCC unroll 16") for (l = 0; l < stride / W; l++)      \
		        memcpy(&acc[l], a->row[0] + W * l, sizeof(x));         \
		for (j = 1; j < a->nr; j++) {                                  \
			const int32_t *r = a->row[j];                          \
                                                                               \
			_Pragma("GCC unroll 16") for (l = 0; l < stride / W;   \
			                              l++)                     \
			{                                                      \
				memcpy(&x, r + W * l, sizeof(x));              \
				acc[l] += x;                                   \
			}                                                      \
		}                                                              \
		if (a->ns) {                                                   \
			_Pragma("GCC unroll 16") for (l = 0; l < stride / W;   \
			                              l++)                     \
			        memcpy(t->sc + W * l, &acc[l], sizeof(x));     \
			add_pairs(t, a);                                       \
			_Pragma("GCC unroll 16") for (l = 0; l < stride / W;   \
			                              l++)                     \
			        memcpy(&acc[l], t->sc + W * l, sizeof(x));     \
		}                                                              \
		x = acc[0];                                                    \
		xi = li;                                                       \
		_Pragma("GCC unroll 16") for (l = 1; l < stride / W; l++)      \
		{                                                              \
			VT more = acc[l] > x; /* (-1 where it is) */           \
                                                                               \
			li += W;                                               \
			x = (acc[l] & more) | (x & ~more);                     \
			xi = (li & more) | (xi & ~more);                       \
		}                                                              \
		m = x[0];                                                      \
		best = xi[0];                                                  \
		for (l = 1; l < W; l++)                                        \
			if (x[l] > m || (x[l] == m && xi[l] < best)) {         \
				m = x[l];                                      \
				best = xi[l];                                  \
			}                                                      \
		return best;                                                   \
	}

/* The pairs of a, added to the sum of its rows in t->sc. */
static inline __attribute__((always_inline)) void
add_pairs(tagging *t, const addends *a)
{
	size_t i, j;

	for (j = 0; j < a->ns; j++) {
		const feat *f = &t->m->slots[a->sparse[j]];
		const pair *p = t->tg->pairs + f->pair;

		for (i = 0; i < f->npairs; i++)
			t->sc[p[i].label] += p[i].weight;
	}
}

SUM_LANES(sum_lanes4, lanes4, 4)

/* SUM(t, a, stride) for tg->stride (a multiple of DENSE_LANES up to
 * QT_MAX_LABELS). */
#define SUM_STRIDES(SUM)                                                       \
	switch (t->tg->stride) {                                               \
	case 8:                                                                \
		return SUM(t, a, 8);                                           \
	case 16:                                                               \
		return SUM(t, a, 16);                                          \
	case 24:                                                               \
		return SUM(t, a, 24);                                          \
	case 32:                                                               \
		return SUM(t, a, 32);                                          \
	case 40:                                                               \
		return SUM(t, a, 40);                                          \
	case 48:                                                               \
		return SUM(t, a, 48);                                          \
	case 56:                                                               \
		return SUM(t, a, 56);                                          \
	default:                                                               \
		return SUM(t, a, QT_MAX_LABELS);                               \
	}

static int32_t
sum_sse(tagging *t, const addends *a){SUM_STRIDES(sum_lanes4)}

#if QT_AVX2_SUM
SUM_LANES(sum_lanes8, lanes8, 8)

        /* (eight lanes an instruction; called only where the processor has
 * AVX2: tg->avx2) */
        __attribute__((target("avx2"))) static int32_t
        sum_avx2(tagging *t, const addends *a)
{
	SUM_STRIDES(sum_lanes8)
}
#endif

/* sum_lanes*() of a, four lanes a vector, or eight with AVX2 (fewer
 * instructions a score by a third; the same integers). */
static int32_t
sum(tagging *t, const addends *a)
{
#if QT_AVX2_SUM
	if (t->tg->avx2)
		return sum_avx2(t, a);
#endif
	return sum_sse(t, a);
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
	return (*h)[at] = qt_tagger_lookup(t->tg, t->m, &k);
}

/* shc=S-1|S0|S+1 of the token whose record is at pt[0], looked up
 * once per three shapes while they hold their slot in c's table (a
 * direct-mapped one rather than a map that grows: 2.6M instructions
 * less on 2 MB of news, for about 2,200 triples of shapes). */
static uint32_t
shape_context(tagging *t, const uint32_t *pt)
{
	struct qt_tagger_cache *sc = t->c;
	const trec *tr = sc->tr;
	uint32_t a = tr[pt[-1]].srec, b = tr[pt[0]].srec, c = tr[pt[1]].srec;
	uint64_t key = 0;
	size_t at = 0;
	uint32_t f;
	keybuf k;

	/* (made once the work has met SHC_AFTER tokens: zeroing it is 55K
	 * instructions, more than a short run's few looked up each time) */
	if (!sc->mkeys && !sc->mfailed && sc->tn > SHC_AFTER) {
		sc->mkeys = calloc((size_t)1 << SHC_MEMO_BITS,
		                   sizeof(*sc->mkeys));
		sc->mvals = qt_xmalloc_array((size_t)1 << SHC_MEMO_BITS,
		                             sizeof(*sc->mvals));
		if (!sc->mkeys || !sc->mvals) {
			free(sc->mkeys);
			free(sc->mvals);
			sc->mkeys = NULL;
			sc->mvals = NULL;
			sc->mfailed = true; /* (looked up each time) */
		}
	}
	if (sc->mkeys && a < FIELD_MAX && b < FIELD_MAX && c < FIELD_MAX) {
		key = shc_key(t->mi, a, b, c);
		at = shc_slot(key);
		if (sc->mkeys[at] == key)
			return sc->mvals[at];
	}
	kb_start(&k, "shc=");
	put_record(t, &k, a);
	kb_put(&k, "|", 1);
	put_record(t, &k, b);
	kb_put(&k, "|", 1);
	put_record(t, &k, c);
	f = qt_tagger_lookup(t->tg, t->m, &k);
	if (key) {
		sc->mkeys[at] = key;
		sc->mvals[at] = f;
	}
	return f;
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
		f[0] = qt_tagger_lookup(t->tg, t->m, &k);
	}
	f[1] = hist_feature(t, l2, l1);
	if (f[1] == UNKNOWN) {
		kb_start(&k, "t-2=");
		put_label(t, &k, l2);
		kb_put(&k, "|", 1);
		put_label(t, &k, l1);
		f[1] = qt_tagger_lookup(t->tg, t->m, &k);
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
		qt_tagger_row_add(t->tg, t->m, row, f[0]);
		qt_tagger_row_add(t->tg, t->m, row, f[1]);
		c->hready[t->mi][at] = 1;
	}
	a->row[a->nr++] = row;
}

/* The block of word record wr's tw features for model t->mi in c->twv
 * (all 0, unknown, when new); NULL when out of memory. */
static uint32_t *
tw_block(tagging *t, uint32_t wr)
{
	struct qt_tagger_cache *c = t->c;
	uint32_t *at = &c->r[wr].tw[t->mi];
	size_t nl = t->m->nlabels + 1;

	if (*at != NOROW)
		return c->twv + *at;
	if (c->twcap - c->twn < nl) {
		/* (room for the bound on records at once, only reserved:
		 * the pages are made as words fill them, and growing by
		 * doubling moved other blocks, 2.4M instructions of copying
		 * on 2 MB of news) */
		size_t cap = c->twcap ? c->twcap * 2
		                      : CACHE_MAX * (QT_MAX_LABELS + 1);
		uint32_t *v;

		while (cap - c->twn < nl)
			cap *= 2;
		if (cap >= NOROW ||
		    !(v = qt_xrealloc_array(c->twv, cap, sizeof(*v))))
			return NULL;
		c->twv = v;
		c->twcap = cap;
	}
	*at = (uint32_t)c->twn;
	c->twn += nl;
	memset(c->twv + *at, 0, nl * sizeof(*c->twv));
	return c->twv + *at;
}

/* tw=T1|W0 of word record wr after label l1: looked up once per word
 * and label (a word's block of them, not a map of every pair: 4.6M
 * instructions less on 2 MB of news). */
static uint32_t
label_word(tagging *t, uint32_t wr, int l1)
{
	uint32_t *b = tw_block(t, wr), *v = b ? b + (l1 + 1) : NULL, f;
	keybuf k;

	if (v && *v)
		return *v - TW_HELD;
	kb_start(&k, "tw=");
	put_label(t, &k, l1);
	kb_put(&k, "|", 1);
	put_record(t, &k, wr);
	f = qt_tagger_lookup(t->tg, t->m, &k);
	if (v)
		*v = f + TW_HELD;
	return f;
}

/* The label of token i after labels l2, l1, of the highest score: the
 * rows of the tokens around it (template 1 at the top, but for shc, fs
 * and the label history), then its other features. */
static int32_t
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
	return sum(t, &a);
}

/* The slot of token i after labels l2, l1 in t's memo, *hit whether it
 * holds them; NULL without a memo (every token is scored). */
static memo_entry *
memo_at(tagging *t, size_t i, int l2, int l1, bool *hit)
{
	const uint32_t *p = t->c->pt + i;
	uint64_t h;
	memo_entry *e;

	*hit = false;
	if (!t->c->memo)
		return NULL;
	h = ((uint64_t)p[0] << 32 | p[1]) * 0x9E3779B97F4A7C15ull ^
	    ((uint64_t)p[2] << 32 | p[3]) * 0xBF58476D1CE4E5B9ull ^
	    ((uint64_t)p[4] << 24 | (uint64_t)t->mi << 16 |
	     (uint64_t)(uint8_t)l2 << 8 | (uint8_t)l1) *
	            0x94D049BB133111EBull;
	e = &t->c->memo->e[h >> (64 - LABEL_MEMO_BITS)];
	*hit = e->t[2] == p[2] && e->t[0] == p[0] && e->t[1] == p[1] &&
	       e->t[3] == p[3] && e->t[4] == p[4] && e->l2 == l2 &&
	       e->l1 == l1 && e->mi == t->mi;
	return e;
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
	if (!qt_tagger_records(tg, w, toks, n))
		return false;
	t.tg = tg;
	t.c = w->cache;
	/* (made at the first call of a work; out of memory, every token
	 * is scored) */
	if (!t.c->memo)
		t.c->memo = calloc(1, sizeof(*t.c->memo));
	for (i = 0; i < n; i++)
		out[i].pos = QT_POS_OTHER, out[i].ner = QT_NER_O;
	for (mi = 0; mi < tg->nmodels; mi++) {
		int l1 = -1, l2 = -1;

		t.m = &tg->m[mi];
		t.mi = mi;
		for (i = 0; i < nout; i++) {
			bool hit;
			memo_entry *e = memo_at(&t, i, l2, l1, &hit);
			int best;

			if (hit) {
				best = e->label;
			} else {
				best = score(&t, i, l2, l1);
			}
			if (e && !hit) {
				memcpy(e->t, t.c->pt + i, sizeof(e->t));
				e->l2 = (int8_t)l2;
				e->l1 = (int8_t)l1;
				e->mi = (uint8_t)mi;
				e->label = (uint8_t)best;
			}

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
	qt_tagger_cache_free(w->cache);
	memset(w, 0, sizeof(*w));
}
