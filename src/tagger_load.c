/*
 * tagger_load.c: parsing a tagger's weights file (format at the top of
 * tagger.c) into the tables of tagger_int.h; the names of the tags.
 */
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon.h"
#include "tagger_int.h"

static const char *const pos_names[QT_POS_COUNT_] = {
        "OTHER", "NOUN", "PROPN", "VERB", "ADJ",   "ADV",
        "PRON",  "DET",  "ADP",   "NUM",  "PUNCT",
};

static const char *const ner_names[QT_NER_COUNT_] = {
        "O",
        "PERSON",
        "ORGANIZATION",
        "LOCATION",
};

static const char *const model_kinds[] = {"joint", "pos", "ner"};

const char *
qt_tagger_pos_name(int pos)
{
	return pos >= 0 && pos < QT_POS_COUNT_ ? pos_names[pos] : "?";
}

const char *
qt_tagger_ner_name(int ner)
{
	return ner >= 0 && ner < QT_NER_COUNT_ ? ner_names[ner] : "?";
}

static int
name_index(const char *const *names, int n, const char *s, size_t len)
{
	int i;

	for (i = 0; i < n; i++)
		if (strlen(names[i]) == len && memcmp(names[i], s, len) == 0)
			return i;
	return -1;
}

/* ---- loading ------------------------------------------------------------ */

/* A number no other tagger of the process has (for qt_tagger_work's
 * cache). */
static uint64_t
next_serial(void)
{
	static atomic_uint_fast64_t serial;

	return atomic_fetch_add(&serial, 1) + 1;
}

/* The word at data[*pos..end) up to a space; *pos moves past it and one
 * space.  Returns its length (0 at the end). */
static size_t
next_word(const char *data, size_t *pos, size_t end, const char **w)
{
	size_t a = *pos, b = a;

	while (b < end && data[b] != ' ')
		b++;
	*w = data + a;
	*pos = b < end ? b + 1 : b;
	return b - a;
}

static bool
line_is(const char *s, size_t n, const char *word, size_t *rest)
{
	size_t k = strlen(word);

	if (n < k + 1 || memcmp(s, word, k) != 0 || s[k] != ' ')
		return false;
	*rest = k + 1;
	return true;
}

/* `labels A B C`: label names and what each sets. */
static bool
parse_labels(qt_tagger *tg, model *m, const char *s, size_t n, const char **why)
{
	size_t pos = 0;
	const char *w;
	size_t len;

	m->nlabels = 0;
	while ((len = next_word(s, &pos, n, &w)) > 0) {
		const char *bar = memchr(w, '|', len);
		int p = QT_POS_OTHER, e = QT_NER_O;

		if (m->nlabels == QT_MAX_LABELS || len > 255) {
			*why = "too many labels";
			return false;
		}
		if (m->kind == MODEL_JOINT) {
			size_t pl = bar ? (size_t)(bar - w) : 0;
			if (!bar)
				return (*why = "a joint label is POS|NER"),
				       false;
			p = name_index(pos_names, QT_POS_COUNT_, w, pl);
			e = name_index(ner_names, QT_NER_COUNT_, bar + 1,
			               len - pl - 1);
		} else if (m->kind == MODEL_POS) {
			p = name_index(pos_names, QT_POS_COUNT_, w, len);
		} else {
			e = name_index(ner_names, QT_NER_COUNT_, w, len);
		}
		if (p < 0 || e < 0) {
			*why = "unknown label";
			return false;
		}
		m->lname[m->nlabels] = tg->keys.len;
		m->llen[m->nlabels] = (uint8_t)len;
		m->lpos[m->nlabels] = (uint8_t)p;
		m->lner[m->nlabels] = (uint8_t)e;
		qbuf_put(&tg->keys, w, len);
		m->nlabels++;
	}
	if (m->nlabels == 0)
		return (*why = "no labels"), false;
	return true;
}

/* The decimal integer at *p (up to a space or e), optionally negative, in
 * [lo, hi], of at most nine digits; *p moves past it and one space.  (The
 * bulk of loading a tagger: one digit a step, no other test in the
 * loop.) */
static inline bool
scan_int(const char **p, const char *e, long lo, long hi, long *out)
{
	const char *s = *p, *d0;
	long v;
	unsigned d;
	bool neg = s < e && *s == '-';

	s += neg;
	d0 = s;
	if (s >= e || (d = (unsigned)(unsigned char)*s - '0') > 9)
		return false;
	v = (long)d;
	while (++s < e && (d = (unsigned)(unsigned char)*s - '0') <= 9) {
		if (s - d0 >= 9)
			return false;
		v = v * 10 + (long)d;
	}
	if (s < e && *s != ' ')
		return false;
	if (neg)
		v = -v;
	if (v < lo || v > hi)
		return false;
	*out = v;
	*p = s < e ? s + 1 : s;
	return true;
}

/* A decimal integer, optionally negative, in [lo, hi], that is the whole
 * of s[0..n). */
static bool
parse_int(const char *s, size_t n, long lo, long hi, long *out)
{
	const char *p = s;

	/* (no space in it: scan_int() would stop there) */
	return !memchr(s, ' ', n) && scan_int(&p, s + n, lo, hi, out);
}

/* Room for `more` pairs in tg->pairs (false when out of memory). */
static bool
pair_room(qt_tagger *tg, size_t more)
{
	pair *np;
	size_t cap;

	if (tg->pcap - tg->npairs >= more)
		return true;
	for (cap = tg->pcap ? tg->pcap : 4096; cap - tg->npairs < more;)
		cap *= 2;
	np = qt_xrealloc_array(tg->pairs, cap, sizeof(*np));
	if (!np) {
		tg->failed = true;
		return false;
	}
	tg->pairs = np;
	tg->pcap = cap;
	return true;
}

/* The feature table of model m for n features (false when out of
 * memory). */
static bool
model_room(model *m, size_t n)
{
	for (m->cap = 16; m->cap < n * 2; m->cap *= 2)
		;
	m->slots = qt_xmalloc_array(n, sizeof(feat));
	m->index = m->index_image ? m->index
	                          : calloc(m->cap, sizeof(*m->index));
	return m->slots && m->index;
}

/* Is s[0..n) valid UTF-8?  (ASCII eight bytes at a time.) */
static bool
valid_utf8(const char *s, size_t n)
{
	uint64_t w, high = 0;
	size_t i = 0;

	for (; i + 8 <= n; i += 8) {
		memcpy(&w, s + i, 8);
		high |= w;
	}
	for (; i < n; i++)
		high |= (unsigned char)s[i];
	return !(high & 0x8080808080808080ull) ||
	       qt_text_first_invalid(s, n, NULL) == QUOTH_NONE;
}

static bool feature_line(qt_tagger *tg, model *m, const char *s, size_t n,
                         const char **why);

/* `FEATURE<TAB>LABEL WEIGHT ...` into model m; an error on a line that
 * is not UTF-8 says so, as qt_data_line() would have (the weights parse
 * only as ASCII: a valid feature line is valid UTF-8 when its feature
 * is). */
static bool
parse_feature(qt_tagger *tg, model *m, const char *s, size_t n,
              const char **why)
{
	if (feature_line(tg, m, s, n, why))
		return true;
	if (*why && !valid_utf8(s, n))
		*why = "invalid UTF-8";
	return false;
}

static bool
feature_line(qt_tagger *tg, model *m, const char *s, size_t n, const char **why)
{
	const char *tab = memchr(s, '\t', n), *p, *e = s + n;
	size_t klen, first = tg->npairs;
	uint64_t h;
	uint32_t *ix;
	feat *f;

	if (!tab || tab == s)
		return (*why = "expected FEATURE<TAB>weights"), false;
	klen = (size_t)(tab - s);
	if (klen > QT_MAX_FEATURE)
		return (*why = "feature too long"), false;
	if (!valid_utf8(s, klen))
		return (*why = "invalid UTF-8"), false;
	h = feat_hash(s, klen);
	ix = find_slot(m, tg->keys.ptr, s, klen, h);
	if (*ix)
		return (*why = "feature repeated"), false;
	/* (a line has at most a pair a label: room for them all at once) */
	if (!pair_room(tg, m->nlabels + 1))
		return (*why = NULL), false;
	for (p = tab + 1; p < e;) {
		long label, weight;

		if (!scan_int(&p, e, 0, (long)m->nlabels - 1, &label) ||
		    !scan_int(&p, e, -QT_MAX_WEIGHT, QT_MAX_WEIGHT, &weight))
			return (*why = "expected LABEL WEIGHT pairs"), false;
		if (tg->npairs - first > m->nlabels)
			return (*why = "expected LABEL WEIGHT pairs"), false;
		tg->pairs[tg->npairs].label = (uint16_t)label;
		tg->pairs[tg->npairs].weight = (int32_t)weight;
		tg->npairs++;
	}
	if (tg->npairs == first || tg->npairs - first > m->nlabels)
		return (*why = "expected LABEL WEIGHT pairs"), false;
	f = &m->slots[m->n];
	f->hash = h;
	f->key = tg->keys.len;
	f->klen = (uint32_t)klen;
	f->pair = first;
	f->npairs = (uint32_t)(tg->npairs - first);
	qbuf_put(&tg->keys, s, klen);
	*ix = (uint32_t)++m->n;
	return !tg->keys.failed || (*why = NULL, false);
}

/* The dense rows of the features with DENSE_MIN pairs or more, `rows`
 * of them (SIZE_MAX: not counted yet); false when out of memory. */
static bool
make_dense(qt_tagger *tg, size_t rows)
{
	size_t mi, i, j, most = 0, r = 0;
	bool count = rows == SIZE_MAX;

	if (count)
		rows = 0;
	for (mi = 0; mi < tg->nmodels; mi++) {
		const model *m = &tg->m[mi];
		if (m->nlabels > most)
			most = m->nlabels;
		for (i = 0; count && i < m->n; i++)
			rows += m->slots[i].npairs >= DENSE_MIN;
	}
	tg->stride = (most + DENSE_LANES - 1) / DENSE_LANES * DENSE_LANES;
	if (!rows)
		return true;
	/* (not calloc(): each row is zeroed as it is made, and every row
	 * is made; zeroing the block apart cost 0.5M instructions of a
	 * start-up's 10.6M) */
	tg->dense = qt_xmalloc_array(rows, tg->stride * sizeof(*tg->dense));
	if (!tg->dense)
		return false;
	for (mi = 0; mi < tg->nmodels; mi++) {
		model *m = &tg->m[mi];
		for (i = 0; i < m->n; i++) {
			feat *f = &m->slots[i];
			int32_t *row = tg->dense + r * tg->stride;
			if (f->npairs < DENSE_MIN)
				continue;
			memset(row, 0, tg->stride * sizeof(*row));
			for (j = 0; j < f->npairs; j++)
				row[tg->pairs[f->pair + j].label] +=
				        tg->pairs[f->pair + j].weight;
			f->pair = r++ * tg->stride;
			f->npairs |= DENSE_ROW;
		}
	}
	return true;
}

/* The end of loading tg (`ok` so far): its dense rows made, it goes
 * to *out; else it is freed, and err says "NAME[:LINE]: why" (why NULL:
 * out of memory; the line of a file, none of built-in tables). */
static quoth_status
finish_load(qt_tagger *tg, bool ok, const char *why, const char *name,
            const size_t *lineno, size_t rows, qt_tagger **out,
            quoth_error *err)
{
	char at[32] = "";

	if (ok && !tg->keys.failed && !tg->failed && make_dense(tg, rows)) {
		tg->serial = next_serial();
#if QT_AVX2_SUM
		__builtin_cpu_init();
		tg->avx2 = __builtin_cpu_supports("avx2");
#endif
		*out = tg;
		return QUOTH_OK;
	}
	qt_tagger_free(tg);
	if (ok)
		why = NULL;
	if (lineno)
		snprintf(at, sizeof(at), ":%zu", *lineno);
	if (!why)
		return qt_data_fail(err, QUOTH_ERR_NOMEM, lineno ? *lineno : 0,
		                    "%s%s: out of memory", name, at);
	return qt_data_fail(err, QUOTH_ERR_LEXICON, lineno ? *lineno : 0,
	                    "%s%s: %s", name, at, why);
}

quoth_status
qt_tagger_load(const char *data, size_t len, const char *name, qt_tagger **out,
               quoth_error *err)
{
	qt_tagger *tg = calloc(1, sizeof(*tg));
	size_t pos = 0, lineno = 0, todo = 0, rest;
	bool have_template = false;
	const char *why = "not a quoth tagger file";
	model *m = NULL;

	if (!tg)
		return qt_data_fail(err, QUOTH_ERR_NOMEM, 0, "out of memory");
	while (pos < len) {
		size_t end, eol, n;
		const char *s = data + pos;
		bool ascii;

		lineno++;
		if (todo > 0) {
			/* (the bulk of the file: parse_feature() checks the
			 * line, and says when it is not UTF-8) */
			const char *nl = memchr(s, '\n', len - pos);
			eol = nl ? (size_t)(nl - data) : len;
			end = eol > pos && data[eol - 1] == '\r' ? eol - 1
			                                         : eol;
			if (!parse_feature(tg, m, s, end - pos, &why))
				goto fail;
			pos = eol + 1;
			todo--;
			continue;
		}
		if (!qt_data_split(data, len, pos, &end, &eol, &ascii)) {
			why = "invalid UTF-8";
			goto fail;
		}
		n = end - pos;
		pos = eol + 1;
		if (lineno == 1) {
			if (n != strlen(QT_FORMAT) || memcmp(s, QT_FORMAT, n))
				goto fail;
			continue;
		}
		if (n == 0 || s[0] == '#')
			continue;
		if (line_is(s, n, "template", &rest)) {
			long v;
			if (!parse_int(s + rest, n - rest, 0, 999, &v) ||
			    v != QT_TEMPLATE) {
				why = "feature template is not 1 (retrain or "
				      "update tagger.c)";
				goto fail;
			}
			have_template = true;
		} else if (line_is(s, n, "model", &rest)) {
			int k = name_index(model_kinds, 3, s + rest, n - rest);
			if (!have_template) {
				why = "`template` must come first";
				goto fail;
			}
			if (k < 0 || tg->nmodels == QT_MAX_MODELS) {
				why = "expected model joint, pos or ner "
				      "(at most two)";
				goto fail;
			}
			if (m && !m->slots) {
				why = "a model without its features";
				goto fail;
			}
			m = &tg->m[tg->nmodels++];
			m->kind = k;
		} else if (m && m->nlabels == 0 &&
		           line_is(s, n, "labels", &rest)) {
			if (!parse_labels(tg, m, s + rest, n - rest, &why))
				goto fail;
		} else if (m && m->nlabels > 0 && m->cap == 0 &&
		           line_is(s, n, "features", &rest)) {
			long v;
			/* each feature line takes at least 5 bytes: the
			 * count cannot ask for more memory than the file
			 * justifies */
			if (!parse_int(s + rest, n - rest, 1,
			               (long)((len - pos) / 5 + 1), &v)) {
				why = "bad feature count";
				goto fail;
			}
			todo = (size_t)v;
			/* (about three pairs a feature: grown once or not at
			 * all) */
			if (!pair_room(tg, 4 * todo) || !model_room(m, todo)) {
				why = NULL;
				goto fail;
			}
		} else {
			why = "unexpected line";
			goto fail;
		}
	}
	if (lineno == 0)
		goto fail; /* empty: not a quoth tagger file */
	if (todo > 0) {
		why = "fewer feature lines than announced";
		goto fail;
	}
	if (tg->nmodels == 0 || !m->slots) {
		why = "no complete model";
		goto fail;
	}
	return finish_load(tg, true, NULL, name, &lineno, SIZE_MAX, out, err);
fail:
	return finish_load(tg, false, why, name, &lineno, SIZE_MAX, out, err);
}

/* May built-in model im's feature table hold on this machine: it has
 * one, of the size model_room() makes, and the hash of its first feature
 * is this machine's?  Those of a big-endian one differ: the loader
 * hashes the features itself there.  (The last feature is checked too,
 * once its key is found: last_hash_holds().) */
static bool
image_table_may_hold(const qt_tagger_image_model *im)
{
	size_t cap;

	for (cap = 16; cap < im->nfeat * 2; cap *= 2)
		;
	return im->hash && im->index && im->cap == cap &&
	       feat_hash(im->keys, im->klen[0]) == im->hash[0];
}

/* Does the hash of im's last feature, its keys `len` bytes in all, hold
 * on this machine? */
static bool
last_hash_holds(const qt_tagger_image_model *im, size_t len)
{
	size_t last = im->nfeat - 1;

	return feat_hash(im->keys + len - im->klen[last], im->klen[last]) ==
	       im->hash[last];
}

/* Is every label of l[0..n) below nl (1 to QT_MAX_LABELS)?  Eight at a
 * time: a byte b below 0x80 with b + 0x80 - nl (no carry out of it) below
 * 0x80 is below nl.  The pairs (l[i], w[i]) go to p[0..n) on the way,
 * even when a label is not (the caller then frees them). */
static bool
copy_pairs(pair *restrict p, const uint8_t *restrict l,
           const int32_t *restrict w, size_t n, size_t nl)
{
	uint64_t lw, over = 0, add = QT_ONES * (uint64_t)(0x80 - nl);
	size_t i = 0;

#if defined(__has_builtin) && defined(__BYTE_ORDER__)
#if __has_builtin(__builtin_shufflevector) &&                                  \
        __has_builtin(__builtin_convertvector) &&                              \
        __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	/* (a pair is eight bytes, the label in the low two of the first
	 * four, the weight in the last four: four pairs are the labels
	 * and the weights as 32-bit lanes, interleaved; a start-up copies
	 * 143,000 pairs, 1.0M instructions one by one) */
	typedef uint8_t u8x4 __attribute__((vector_size(4)));
	typedef uint32_t u32x4 __attribute__((vector_size(16)));
	_Static_assert(sizeof(pair) == 8 && offsetof(pair, weight) == 4,
	               "pair layout");

	for (; i + 8 <= n; i += 8) {
		size_t k;

		memcpy(&lw, l + i, 8);
		over |= lw | ((lw & ~QT_HIGHS) + add);
		for (k = i; k < i + 8; k += 4) {
			u8x4 lv;
			u32x4 lx, wv, lo, hi;

			memcpy(&lv, l + k, 4);
			memcpy(&wv, w + k, 16);
			lx = __builtin_convertvector(lv, u32x4);
			lo = __builtin_shufflevector(lx, wv, 0, 4, 1, 5);
			hi = __builtin_shufflevector(lx, wv, 2, 6, 3, 7);
			memcpy(p + k, &lo, 16);
			memcpy(p + k + 2, &hi, 16);
		}
	}
#endif
#endif
	for (; i < n; i++) {
		over |= l[i] >= nl ? 0x80 : 0;
		p[i].label = l[i];
		p[i].weight = w[i];
	}
	return !(over & QT_HIGHS);
}

/* Model im of a built-in image into tg's next model: its strings and
 * pairs copied at once, its feature table too when its hashes hold (else
 * each feature finds its slot as feature_line() finds it); *dense counts
 * its features of DENSE_MIN pairs or more (make_dense()'s rows). */
static bool
image_model(qt_tagger *tg, const qt_tagger_image_model *im, size_t *dense,
            const char **why)
{
	model *m = &tg->m[tg->nmodels++];
	size_t i, key0, key, keys = 0, npairs = 0, first = tg->npairs, rows = 0;
	bool hashed;

	m->kind = name_index(model_kinds, 3, im->kind, strlen(im->kind));
	if (m->kind < 0)
		return (*why = "expected model joint, pos or ner"), false;
	if (!parse_labels(tg, m, im->labels, strlen(im->labels), why))
		return false;
	if (im->nfeat == 0)
		return (*why = "a model without its features"), false;
	key0 = key = tg->keys.len; /* (after the labels' names) */
	/* (a table that holds is read where it lies: nothing writes it
	 * once loaded) */
	hashed = image_table_may_hold(im);
	if (hashed) {
		m->index = (uint32_t *)im->index;
		m->index_image = true;
	}
	if (!model_room(m, im->nfeat))
		return (*why = NULL), false;
	if (hashed) {
		/* (the table holds: each feature only takes its place, its
		 * key and pairs counted on the way: one pass over the
		 * features, not two) */
		for (i = 0; i < im->nfeat; i++) {
			feat *f = &m->slots[i];

			f->hash = im->hash[i];
			f->key = key;
			f->klen = im->klen[i];
			f->pair = first;
			f->npairs = im->npairs[i];
			key += im->klen[i];
			first += im->npairs[i];
			rows += im->npairs[i] >= DENSE_MIN;
		}
		keys = key - key0;
		npairs = first - tg->npairs;
		m->n = im->nfeat;
		if (!last_hash_holds(im, keys)) {
			/* (not this machine's after all: a table of its own) */
			m->index_image = false;
			m->index = calloc(m->cap, sizeof(*m->index));
			if (!m->index)
				return (*why = NULL), false;
			hashed = false;
		}
	} else {
		for (i = 0; i < im->nfeat; i++) {
			keys += im->klen[i];
			npairs += im->npairs[i];
		}
	}
	qbuf_put(&tg->keys, im->keys, keys);
	if (tg->keys.failed || !pair_room(tg, npairs))
		return (*why = NULL), false;
	key = key0;
	first = tg->npairs;
	for (i = 0, rows = hashed ? rows : 0; !hashed && i < im->nfeat; i++) {
		const char *s = tg->keys.ptr + key;
		feat *f = &m->slots[i];
		uint32_t *ix;

		f->hash = feat_hash(s, im->klen[i]);
		ix = find_slot(m, tg->keys.ptr, s, im->klen[i], f->hash);
		if (*ix)
			return (*why = "feature repeated"), false;
		*ix = (uint32_t)i + 1;
		f->key = key;
		f->klen = im->klen[i];
		f->pair = first;
		f->npairs = im->npairs[i];
		key += im->klen[i];
		first += im->npairs[i];
		rows += im->npairs[i] >= DENSE_MIN;
		m->n = i + 1;
	}
	if (!copy_pairs(tg->pairs + tg->npairs, im->label, im->weight, npairs,
	                m->nlabels))
		return (*why = "expected LABEL WEIGHT pairs"), false;
	tg->npairs += npairs;
	*dense += rows;
	return true;
}

quoth_status
qt_tagger_from_image(const qt_tagger_image *img, const char *name,
                     qt_tagger **out, quoth_error *err)
{
	qt_tagger *tg = calloc(1, sizeof(*tg));
	const char *why = NULL;
	size_t mi, dense = 0;

	if (!tg)
		return qt_data_fail(err, QUOTH_ERR_NOMEM, 0, "out of memory");
	if (img->feature_template != QT_TEMPLATE) {
		why = "feature template is not 1 (retrain or update tagger.c)";
		goto fail;
	}
	if (img->nmodels == 0 || img->nmodels > QT_MAX_MODELS) {
		why = "no complete model";
		goto fail;
	}
	for (mi = 0; mi < img->nmodels; mi++)
		if (!image_model(tg, &img->m[mi], &dense, &why))
			goto fail;
	return finish_load(tg, true, NULL, name, NULL, dense, out, err);
fail:
	return finish_load(tg, false, why, name, NULL, dense, out, err);
}

void
qt_tagger_free(qt_tagger *tg)
{
	size_t i;

	if (!tg)
		return;
	for (i = 0; i < tg->nmodels; i++) {
		free(tg->m[i].slots);
		if (!tg->m[i].index_image)
			free(tg->m[i].index);
	}
	qbuf_free(&tg->keys);
	free(tg->pairs);
	free(tg->dense);
	free(tg);
}
