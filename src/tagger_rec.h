/*
 * tagger_rec.h: a tagging work's records (tagger_rec.c) as the scoring
 * (tagger.c) reads them, internal to the two.  A record is a token, a
 * folded word or a shape, resolved once against the model: the slots of
 * its features, and for a token the rows of weights it adds at each place
 * around a token scored.  The feature template is at the top of
 * tagger.c.
 */
#ifndef QUOTH_TAGGER_REC_H
#define QUOTH_TAGGER_REC_H

#include "tagger_int.h"

/* A feature string under construction; `over` when it outgrew the
 * longest feature the file can hold. */
typedef struct {
	char b[QT_MAX_FEATURE + 8]; /* (8: the hash reads whole words) */
	size_t n;
	bool over;
} keybuf;

/* feat_hash() of the key, reading it in whole words: the bytes after it
 * are zeroed first, as feat_hash() pads its tail. */
static inline uint64_t
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

static inline void
kb_put(keybuf *k, const char *s, size_t n)
{
	if (n > QT_MAX_FEATURE - k->n) {
		k->over = true;
		return;
	}
	memcpy(k->b + k->n, s, n);
	k->n += n;
}

static inline void
kb_start(keybuf *k, const char *prefix)
{
	k->n = 0;
	k->over = false;
	kb_put(k, prefix, strlen(prefix));
}

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
/* Records of words and shapes before a cache starts afresh: a bound on
 * its memory (about 1.5 MB; an extractor keeps one work per thread)
 * over a long run of varied text.  (They outlive the token records: a
 * word's features are most of the work of a new token.  12,288 rather
 * than 16,384: on the 10 MB corpus text, 3,045.0M instructions and 0.4
 * MB more resident memory than dropping them with the tokens, against
 * 3,039.4M and 0.9 MB more.) */
#define CACHE_MAX 12288
/* Token records before they start afresh (tokens_reset(): the records
 * of words and shapes stay): each holds TR_N rows of
 * scores per model (960 bytes for the shipped model), about 8 MB a work
 * at most.  With -j 2 on the 10 MB JSON Lines bench corpus resident
 * memory is 26 MB without the records, 42 MB with 8,192 of them and 49 MB
 * with 16,384, which save only 0.6 % more instructions on news (callgrind
 * on 2 MB: 802.7M against 797.7M); the bound is 64 MB. */
#define TOKENS_MAX 8192

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
	/* a word's features tw=T1|W0 per model, in c->twv from here: one
	 * for "<s>" and each label, each its slot + TW_HELD (NOFEAT + TW_HELD
	 * wraps to 1), 0 until looked up; NOROW until the word is first
	 * scored */
	uint32_t tw[QT_MAX_MODELS];
} frec;

#define NOROW UINT32_MAX
#define TW_HELD 2u

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

/*
 * The label memo: the label of a token is a pure function of the model,
 * the records of the five tokens its features read (two before it,
 * itself, two after; the padding past the ends of what is tagged among
 * them, so that the first token, the only one with fs, and the last two
 * have keys of their own) and the two labels before it: score() reads
 * nothing else.  Windows that overlap (the words around k, then around
 * k + 1) score the same tokens after the same labels again; so does a
 * phrase the article repeats.  Direct-mapped: a key that loses its slot
 * is scored again.  Its keys hold token records' numbers, so it is
 * emptied with them (tokens_reset(), cache_reset()); tagger.c reads and
 * fills it.
 */
#define LABEL_MEMO_BITS 12

typedef struct {
	uint32_t t[5]; /* t[2] 0 (PAD_T_BEFORE, never a token scored): empty */
	int8_t l2, l1;
	uint8_t mi, label;
} memo_entry;

struct label_memo {
	memo_entry e[(size_t)1 << LABEL_MEMO_BITS];
};

/* A direct-mapped table of short strings (at most eight bytes: one
 * word holds them) and their records, so that a string met again is
 * found by comparing a word, not hashed into a records' table: most
 * tokens are short words, every shape is (at most MAX_SHAPE ASCII
 * bytes). */
#define SHORT_MEMO_BITS 12

typedef struct {
	uint64_t key[1 << SHORT_MEMO_BITS]; /* its bytes (short_slot()) */
	uint8_t len[1 << SHORT_MEMO_BITS];  /* 0: empty */
	uint32_t rec[1 << SHORT_MEMO_BITS];
} short_memo;

#define SHC_MEMO_BITS 13
#define SHC_AFTER 256

/* A direct-mapped table of affix features (tagger_rec.c's look_affix()):
 * an affix of at most eight bytes (zero-padded in key), its kind, length
 * and model in tag (0: empty) and its feature's slot. */
#define AFFIX_MEMO_BITS 12

struct affix_memo {
	uint64_t key[1 << AFFIX_MEMO_BITS];
	uint32_t val[1 << AFFIX_MEMO_BITS];
	uint16_t tag[1 << AFFIX_MEMO_BITS];
};

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
	/* recent shapes and short tokens and their records (tagger_rec.c's
	 * shape_record(), qt_tagger_records()), emptied with their
	 * records; NULL until the first reset, or out of memory (a cache
	 * only: allocated, not zeroed, but for the lengths) */
	struct short_memos {
		short_memo shapes, toks;
	} * sm;
	/* recent affixes' features, emptied with the records (for another
	 * tagger); NULL out of memory (allocated, not zeroed, but for the
	 * tags) */
	struct affix_memo *am;
	/* per model: the features t-1 of each label (and "<s>"), then t-2
	 * of each pair, UNKNOWN until looked up */
	uint32_t *hist[QT_MAX_MODELS];
	/* per model: the sum of t-1 and t-2 of each pair of labels, made
	 * where hready[] is set (both NULL until the first use) */
	int32_t *hrows[QT_MAX_MODELS];
	uint8_t *hready[QT_MAX_MODELS];
	/* the words' tw=T1|W0 features (frec.tw), twn of twcap used */
	uint32_t *twv;
	size_t twn, twcap;
	/* the features shc=S-1|S0|S+1 looked up (tagger.c's
	 * shape_context()), in a direct-mapped table of 1 << SHC_MEMO_BITS
	 * by their key (0: empty), emptied with the records its keys name;
	 * NULL until the first use (mfailed: out of memory then) */
	uint64_t *mkeys;
	uint32_t *mvals;
	bool mfailed;
	/* per position of the sentence (+ 2 each side): its token record */
	uint32_t *pt;
	size_t ptcap;
	/* labels chosen before (tagger.c's label memo), NULL until the
	 * first call; emptied with the token records, whose numbers its
	 * keys hold */
	struct label_memo *memo;
};

static inline uint32_t
qt_tagger_lookup(const qt_tagger *tg, const model *m, keybuf *k)
{
	uint32_t ix;

	if (k->over)
		return NOFEAT;
	ix = *find_slot(m, tg->keys.ptr, k->b, k->n, key_hash(k));
	return ix ? ix - 1 : NOFEAT;
}

/* The rows of token record t for model mi. */
static inline int32_t *
token_rows(const qt_tagger *tg, const struct qt_tagger_cache *c, uint32_t t,
           size_t mi)
{
	return c->rows + (size_t)t * c->per + mi * TR_N * tg->stride;
}

/* The token records of toks[0..n) (and the padding) into w->cache->pt,
 * from two before the sentence; the cache made for tg when it was for
 * another tagger or grew too big.  False when out of memory. */
bool qt_tagger_records(const qt_tagger *tg, qt_tagger_work *w,
                       const qt_tagger_tok *toks, size_t n);
/* Add the weights of feature fid of model m (NOFEAT: none) to row. */
void qt_tagger_row_add(const qt_tagger *tg, const model *m,
                       int32_t *restrict row, uint32_t fid);
void qt_tagger_cache_free(struct qt_tagger_cache *c);

#endif
