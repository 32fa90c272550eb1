/*
 * tagger.h: the statistical tagger (tagger.c), internal to libquoth.
 *
 * Coarse part of speech and entity class for the tokens of one sentence,
 * from an averaged perceptron whose weights live in data/en/tagger.txt
 * (trained by tools/train_tagger.py).  Usage:
 *
 *	qt_tagger *tg;
 *	qt_tagger_work w = {0};
 *	qt_tagger_tok toks[] = {{"Ada", 3}, {"Finch", 5}, {"said", 4}};
 *	qt_tag tags[3];
 *
 *	if (qt_tagger_load(bytes, len, "data/en/tagger.txt", &tg, &err)
 *	    == QUOTH_OK &&
 *	    qt_tagger_tag(tg, &w, toks, 3, tags))
 *		... tags[0].ner == QT_NER_PERSON ...
 *	qt_tagger_work_free(&w);
 *	qt_tagger_free(tg);
 *
 * A loaded tagger is read-only and may be shared between threads; each
 * thread brings its own qt_tagger_work.
 *
 * The model learnt CoreNLP's tokens: clitics split off ("do" "n't",
 * "Ukraine" "'s"), every quote mark and bracket a token of its own.
 * tokenize.c keeps "Ukraine's" and "shouldn't" whole; a caller gets the
 * model's accuracy by splitting those before tagging (a whole one is
 * still tagged, from its affixes and shape, but less surely).
 */
#ifndef QUOTH_TAGGER_H
#define QUOTH_TAGGER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "private.h"

/* Coarse part of speech (Penn tags mapped as POS_MAP in the trainer). */
enum qt_pos {
	QT_POS_OTHER, /* CC, POS ('s), UH, FW, SYM, $ ... */
	QT_POS_NOUN,
	QT_POS_PROPN,
	QT_POS_VERB, /* including modals */
	QT_POS_ADJ,
	QT_POS_ADV,
	QT_POS_PRON, /* including possessive and wh- pronouns */
	QT_POS_DET,
	QT_POS_ADP, /* prepositions, "to", particles */
	QT_POS_NUM,
	QT_POS_PUNCT, /* including quote marks and brackets */
	QT_POS_COUNT_
};

/* Entity class. */
enum qt_ner {
	QT_NER_O,
	QT_NER_PERSON,
	QT_NER_ORGANIZATION,
	QT_NER_LOCATION, /* also city, state, country */
	QT_NER_COUNT_
};

typedef struct {
	uint8_t pos; /* enum qt_pos */
	uint8_t ner; /* enum qt_ner */
} qt_tag;

/* One token: its bytes (UTF-8, not NUL-terminated). */
typedef struct {
	const char *s;
	size_t len;
} qt_tagger_tok;

typedef struct qt_tagger qt_tagger;

/* Scratch memory of qt_tagger_tag(), reused from call to call: start it
 * zeroed ({0}), free it with qt_tagger_work_free(). */
typedef struct {
	qbuf text; /* the folded word and shape of a new token */
	/* each distinct token's, word's and shape's features, resolved
	 * once for all the calls that reuse this work (tagger.c) */
	struct qt_tagger_cache *cache;
} qt_tagger_work;

/* A tagger's weights compiled into the library by tools/embed.py from
 * data/LANG/tagger.txt: each model's features in file order, their
 * strings back to back and their (label, weight) pairs in order. */
typedef struct {
	const char *kind;   /* "joint", "pos" or "ner" */
	const char *labels; /* the `labels` line's names, space-separated */
	size_t nfeat;
	const char *keys;
	const uint16_t *klen;  /* per feature: its string's bytes */
	const uint8_t *npairs; /* per feature: its pairs */
	const uint8_t *label;  /* per pair */
	const int32_t *weight; /* per pair */
	/* the table qt_tagger_load() would build, computed at build time:
	 * each feature's hash (on a little-endian machine; the loader checks
	 * and builds its own where they differ) and the cap slots (index + 1
	 * of a feature, 0 empty); NULL when not computed */
	const uint64_t *hash;
	const uint32_t *index;
	size_t cap;
} qt_tagger_image_model;

typedef struct {
	int feature_template; /* the file's `template` */
	size_t nmodels;
	qt_tagger_image_model m[2];
} qt_tagger_image;

/* data.c: the built-in weights of language lang, NULL when it has none. */
const qt_tagger_image *qt_builtin_tagger(const char *lang);

/* A tagger from built-in weights (`name` for messages), as
 * qt_tagger_load() makes it from their text, with no number to parse. */
quoth_status qt_tagger_from_image(const qt_tagger_image *img, const char *name,
                                  qt_tagger **out, quoth_error *err);

/* Parse a weights file data[0..len) (`name` for messages).  On success
 * *out is a new tagger (free with qt_tagger_free); on error *out is
 * untouched and err says "NAME:LINE: what". */
quoth_status qt_tagger_load(const char *data, size_t len, const char *name,
                            qt_tagger **out, quoth_error *err);
void qt_tagger_free(qt_tagger *tg);

/* tagger_state.c: an extractor's tagger state (lang_data.tagger_state)
 * for the built-in weights img (named path in messages), loaded at the
 * first qt_lang_tagger(); img NULL when ld->tagger is loaded already.
 * NULL when out of memory. */
struct qt_tagger_state *qt_tagger_state_new(const qt_tagger_image *img,
                                            const char *path);
void qt_tagger_state_free(struct qt_tagger_state *ts);

/* The tagger of ld (tagger_state.c): NULL when the language has none; the
 * built-in weights are loaded at the first call (once, whichever thread
 * calls first).  Sets *failed when that runs out of memory (and returns
 * NULL; a later call tries again). */
const qt_tagger *qt_lang_tagger(const lang_data *ld, bool *failed);
/* A work for tagging with ld's tagger, from the extractor's pool: a work
 * keeps the features it resolved from document to document.  Give it
 * back with qt_lang_tagger_work_done(); NULL when out of memory (or
 * without a tagger).  Thread-safe. */
qt_tagger_work *qt_lang_tagger_work(const lang_data *ld);
void qt_lang_tagger_work_done(const lang_data *ld, qt_tagger_work *w);

/* Tag the n tokens of one sentence into out[0..n).  Linear in n; no
 * allocation unless w must grow.  False when out of memory (out is then
 * unspecified). */
bool qt_tagger_tag(const qt_tagger *tg, qt_tagger_work *w,
                   const qt_tagger_tok *toks, size_t n, qt_tag *out);
/* qt_tagger_tag() of the first nout tokens only (out[nout..n) are
 * OTHER, O): tagging is greedy from left to right, so a token's tag
 * depends on the labels before it and the words up to two after it, never
 * on a later label, and these tags are the ones qt_tagger_tag() gives.
 * A caller that needs the tags up to a token saves scoring the rest. */
bool qt_tagger_tag_first(const qt_tagger *tg, qt_tagger_work *w,
                         const qt_tagger_tok *toks, size_t n, size_t nout,
                         qt_tag *out);
void qt_tagger_work_free(qt_tagger_work *w);

/* Names of enum values ("PROPN", "PERSON"), for messages and tests. */
const char *qt_tagger_pos_name(int pos);
const char *qt_tagger_ner_name(int ner);

#endif
