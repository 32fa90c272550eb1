/*
 * choose.h: the candidate links of a quote, where they compete, and the
 * learned choice among them (choose.c).  link.c collects the candidates
 * (qt_link_candidates(): every pattern of every side that matches, in
 * the hand order); choose.c describes each by generic features (the side
 * and rule that proposed it, the kind of speaker phrase, its distance,
 * the entity's salience so far, the previous speaker, paragraph breaks)
 * for tools/train_choice.py, and scores them with the weights of
 * data/LANG/choice-weights.txt.
 */
#ifndef QUOTH_CHOOSE_H
#define QUOTH_CHOOSE_H

#include "attrib_int.h"

#define CAND_MAX 16
/* The side of a candidate: CP_* (lexicon.h), or the sentence's subject
 * for a fragment. */
#define CAND_SUBJECT CP_SIDES_

typedef struct {
	link L;
	int side;      /* CP_* or CAND_SUBJECT */
	size_t pat;    /* the pattern's index in patterns.txt order */
	size_t anchor; /* the token its side was read from */
} cand;

typedef struct cand_set {
	cand c[CAND_MAX];
	size_t n;
} cand_set;

/* Add link L (side, pattern, anchor) to the set unless one with the same
 * speaker span is there already or the set is full. */
void qt_cand_add(cand_set *set, const link *L, int side, size_t pat,
                 size_t anchor);

/* The features of candidate k of set for quote q, as names ("side=after",
 * "kind=name", ...), written into buf (NUL-separated, at most bufsz
 * bytes); their count. */
size_t qt_cand_features(const actx *c, const quote *q, const cand_set *set,
                        size_t k, int last_speaker, char *buf, size_t bufsz);

/* Is the candidate dump (QUOTH_DUMP_CANDIDATES) or the model on? */
bool qt_choice_wanted(const actx *c);

/* Which of quote q's candidates (set, in the hand order) is its link:
 * the first (the hand order's), or where two or more compete and the
 * model is adopted, the model's choice; QUOTH_NONE when there is none,
 * or the best is below the model's threshold.  Appends the candidates
 * to the dump when QUOTH_DUMP_CANDIDATES is set. */
size_t qt_choose(const actx *c, const quote *q, const cand_set *set,
                 int last_speaker);

/* A bucket of n for a feature name: 0, 1, 2, 3-4, 5-8, 9-16, 17+. */
const char *qt_cand_bucket(size_t n);

/* Appends feature name fmt (printf-style) and its NUL to buf at *len,
 * counting it in *n; a name that does not fit fills buf (*len = bufsz). */
void qt_cand_feat(char *buf, size_t bufsz, size_t *len, size_t *n,
                  const char *fmt, ...) __attribute__((format(printf, 5, 6)));

#endif
