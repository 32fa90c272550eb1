/*
 * tagger_int.h: the tables of a loaded tagger, shared by its loader
 * (tagger_load.c) and the tagging (tagger.c) only.  The feature template
 * and the file format are described at the top of tagger.c.
 */
#ifndef QUOTH_TAGGER_INT_H
#define QUOTH_TAGGER_INT_H

#include <string.h>

#include "tagger.h"

#define QT_FORMAT "quoth-tagger 1"
#define QT_TEMPLATE 1
#define QT_MAX_MODELS 2
#define QT_MAX_LABELS 64
/* Longest feature string (bytes) the file may hold; words past that are
 * URLs and noise, never worth a weight. */
#define QT_MAX_FEATURE 256
/* A weight of a million (a thousand in the trainer's units) is beyond
 * anything a perceptron learns in a few passes: a bigger one is a
 * corrupt file, and the bound keeps the score sums far from overflow. */
#define QT_MAX_WEIGHT 1000000
/* "Xx.X." tells initials from words; longer shapes only split counts. */
#define MAX_SHAPE 5

/* One feature: its string in tg->keys, its (label, weight) pairs in
 * tg->pairs.  The features of a model lie in file order in m->slots, an
 * open-addressing table of their indices (m->index) finds them. */
typedef struct {
	uint64_t hash;
	size_t key;
	size_t pair; /* its first pair; with DENSE_ROW, its row in dense */
	uint32_t klen;
	uint32_t npairs; /* | DENSE_ROW when its weights are a dense row */
} feat;

/* A feature with at least DENSE_MIN pairs (the bias, common shapes, the
 * label history: the features every token adds) also has its weights as
 * a row of tg->stride int32 (zero where it has no pair), added a vector
 * at a time instead of pair by pair.  The sums are the same integers. */
#define DENSE_ROW 0x80000000u
#define DENSE_MIN 8
/* rows are added DENSE_LANES at a time */
#define DENSE_LANES 8

typedef struct {
	uint16_t label;
	int32_t weight;
} pair;

typedef struct {
	int kind; /* MODEL_* */
	size_t nlabels;
	size_t lname[QT_MAX_LABELS]; /* label name offsets in tg->keys */
	uint8_t llen[QT_MAX_LABELS];
	uint8_t lpos[QT_MAX_LABELS]; /* enum qt_pos of each label */
	uint8_t lner[QT_MAX_LABELS]; /* enum qt_ner of each label */
	feat *slots;     /* n features (room for the count announced) */
	uint32_t *index; /* cap slots: a feature's index + 1, 0 = empty
	                  * (only the index is zeroed: a table of 4-byte
	                  * slots, not of whole features) */
	size_t cap;      /* power of two, or 0 before `features` */
	size_t n;
	bool index_image; /* index is a built-in image's (not freed) */
} model;

enum { MODEL_JOINT, MODEL_POS, MODEL_NER };

/* tagger.c sums eight lanes an instruction where the processor has AVX2
 * (x86 with GCC or Clang only). */
#if (defined(__x86_64__) || defined(__i386__)) && defined(__GNUC__)
#define QT_AVX2_SUM 1
#else
#define QT_AVX2_SUM 0
#endif

struct qt_tagger {
	model m[QT_MAX_MODELS];
	size_t nmodels;
	qbuf keys;
	pair *pairs; /* every feature's (label, weight) pairs */
	size_t npairs, pcap;
	int32_t *dense;  /* the dense rows (DENSE_ROW), stride apart */
	size_t stride;   /* the most labels of a model, up to DENSE_LANES */
	bool failed;     /* out of memory while loading */
	uint64_t serial; /* tells this tagger from any other (caches) */
	bool avx2;       /* the processor has AVX2 (tagger.c's sum()) */
};

/* The feature table's hash of s[0..n): eight bytes a step (the tail
 * zero-padded), much cheaper per key than a byte at a time.  Only the
 * tagger's files hash into the table, at load and at lookup. */
static inline uint64_t
feat_hash(const char *s, size_t n)
{
	uint64_t h = qt_mix_bytes(n, s, n);

	return h ^ (h >> 32);
}

/* The index slot of feature s[0..n) (hash h) in model m: holding its
 * index + 1, or 0 where it would go. */
static inline uint32_t *
find_slot(const model *m, const char *keys, const char *s, size_t n, uint64_t h)
{
	size_t i = (size_t)h & (m->cap - 1);
	const feat *f;

	while (m->index[i]) {
		f = &m->slots[m->index[i] - 1];
		if (f->hash == h && f->klen == n &&
		    memcmp(keys + f->key, s, n) == 0)
			break;
		i = (i + 1) & (m->cap - 1);
	}
	return &m->index[i];
}

#endif
