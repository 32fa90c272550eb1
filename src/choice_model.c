/*
 * choice_model.c: the weights of the learned choice between candidate
 * links (data/LANG/choice-weights.txt, written by tools/train_choice.py):
 * loading them (for data.c, with its FILE:LINE errors) and scoring a
 * candidate's features with them (for choose.c).  Format: `#` comment
 * lines, among them `# adopted: yes` when the model is to be used;
 * `threshold<TAB>p`, the probability below which no candidate is taken;
 * one `feature<TAB>weight` a line.  Calls nothing of the attribution
 * stage.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon.h"
#include "text.h"

typedef struct {
	char *name;
	double w;
} weight;

struct choice_model {
	weight *w; /* sorted by name */
	size_t n;
	double threshold; /* a probability: below it, no speaker */
	bool adopted;     /* "# adopted: yes": used, else only described */
};

void
qt_choice_free(choice_model *m)
{
	size_t i;

	if (!m)
		return;
	for (i = 0; i < m->n; i++)
		free(m->w[i].name);
	free(m->w);
	free(m);
}

static int
cmp_weight(const void *a, const void *b)
{
	return strcmp(((const weight *)a)->name, ((const weight *)b)->name);
}

/* Parse one `feature<TAB>number` line [s, e) into m; false with a
 * message in *err when it is malformed. */
static quoth_status
parse_weight(choice_model *m, size_t *cap, const char *name, size_t lineno,
             const char *s, const char *e, quoth_error *err)
{
	const char *tab = memchr(s, '\t', (size_t)(e - s));
	char num[64], *end;
	double v;
	size_t nl;

	if (!tab || tab == s || (size_t)(e - tab - 1) >= sizeof(num) ||
	    tab + 1 == e)
		return qt_data_fail(err, QUOTH_ERR_LEXICON, lineno,
		                    "%s:%zu: expected `feature<TAB>weight`",
		                    name, lineno);
	memcpy(num, tab + 1, (size_t)(e - tab - 1));
	num[e - tab - 1] = '\0';
	v = strtod(num, &end);
	if (*end || end == num || v != v || v > 1e6 || v < -1e6)
		return qt_data_fail(err, QUOTH_ERR_LEXICON, lineno,
		                    "%s:%zu: '%s' is not a weight", name,
		                    lineno, num);
	nl = (size_t)(tab - s);
	if (nl == 9 && memcmp(s, "threshold", 9) == 0) {
		if (v < 0 || v >= 1)
			return qt_data_fail(err, QUOTH_ERR_LEXICON, lineno,
			                    "%s:%zu: the threshold is a "
			                    "probability in [0, 1)",
			                    name, lineno);
		m->threshold = v;
		return QUOTH_OK;
	}
	if (m->n == *cap) {
		size_t nc = *cap ? *cap * 2 : 64;
		weight *nw = qt_xrealloc_array(m->w, nc, sizeof(*nw));
		if (!nw)
			return qt_data_fail(err, QUOTH_ERR_NOMEM, 0,
			                    "out of memory");
		m->w = nw;
		*cap = nc;
	}
	m->w[m->n].name = malloc(nl + 1);
	if (!m->w[m->n].name)
		return qt_data_fail(err, QUOTH_ERR_NOMEM, 0, "out of memory");
	memcpy(m->w[m->n].name, s, nl);
	m->w[m->n].name[nl] = '\0';
	m->w[m->n].w = v;
	m->n++;
	return QUOTH_OK;
}

quoth_status
qt_choice_parse(choice_model **out, const char *name, const char *data,
                size_t len, quoth_error *err)
{
	choice_model *m = calloc(1, sizeof(*m));
	size_t pos = 0, lineno = 0, cap = 0, i;
	quoth_status st = QUOTH_OK;

	*out = NULL;
	if (!m)
		return qt_data_fail(err, QUOTH_ERR_NOMEM, 0, "out of memory");
	while (pos < len && st == QUOTH_OK) {
		const char *s = data + pos;
		size_t end, eol;
		bool valid = qt_data_line(data, len, pos, &end, &eol);
		lineno++;
		pos = eol + 1;
		if (!valid)
			st = qt_data_fail(err, QUOTH_ERR_LEXICON, lineno,
			                  "%s:%zu: not UTF-8", name, lineno);
		else if (end == (size_t)(s - data))
			continue;
		else if (*s == '#') {
			if (end - (size_t)(s - data) >= 14 &&
			    memcmp(s, "# adopted: yes", 14) == 0)
				m->adopted = true;
		} else
			st = parse_weight(m, &cap, name, lineno, s, data + end,
			                  err);
	}
	if (st == QUOTH_OK && m->n == 0)
		st = qt_data_fail(err, QUOTH_ERR_LEXICON, lineno ? lineno : 1,
		                  "%s:%zu: no weights", name,
		                  lineno ? lineno : 1);
	if (st == QUOTH_OK) {
		qsort(m->w, m->n, sizeof(*m->w), cmp_weight);
		for (i = 1; i < m->n; i++)
			if (strcmp(m->w[i - 1].name, m->w[i].name) == 0)
				st = qt_data_fail(
				        err, QUOTH_ERR_LEXICON, 0,
				        "%s: feature '%s' given twice", name,
				        m->w[i].name);
	}
	if (st != QUOTH_OK) {
		qt_choice_free(m);
		return st;
	}
	*out = m;
	return QUOTH_OK;
}

/* The weight of feature f (0 when the model has none). */
static double
weight_of(const choice_model *m, const char *f)
{
	weight key, *hit;

	key.name = (char *)f;
	hit = bsearch(&key, m->w, m->n, sizeof(*m->w), cmp_weight);
	return hit ? hit->w : 0.0;
}

double
qt_choice_score(const choice_model *m, const char *feats, size_t nf)
{
	size_t i, off = 0;
	double z = 0;

	for (i = 0; i < nf; i++) {
		z += weight_of(m, feats + off);
		off += strlen(feats + off) + 1;
	}
	return z;
}

size_t
qt_choice_best(const choice_model *m, const double *z, size_t n)
{
	size_t k, best = 0;

	if (n == 0)
		return QUOTH_NONE;
	for (k = 1; k < n; k++)
		if (z[k] > z[best])
			best = k;
	/* the logistic of the best score against the threshold */
	return 1.0 / (1.0 + exp(-z[best])) >= m->threshold ? best : QUOTH_NONE;
}

size_t
qt_choice_size(const choice_model *m)
{
	return m ? m->n : 0;
}

bool
qt_choice_adopted(const choice_model *m)
{
	return m && m->adopted;
}
