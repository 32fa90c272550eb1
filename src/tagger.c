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

#include "lexicon.h"
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
 * tg->pairs.  A slot of the open-addressing table; klen 0 = empty. */
typedef struct {
	uint64_t hash;
	size_t key;
	size_t pair;
	uint32_t klen;
	uint32_t npairs;
} feat;

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
	feat *slots;
	size_t cap; /* power of two, or 0 before `features` */
	size_t n;
} model;

enum { MODEL_JOINT, MODEL_POS, MODEL_NER };

struct qt_tagger {
	model m[QT_MAX_MODELS];
	size_t nmodels;
	qbuf keys;
	pair *pairs; /* every feature's (label, weight) pairs */
	size_t npairs, pcap;
	bool failed; /* out of memory while loading */
};

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

/* The feature table's hash of s[0..n): eight bytes a step (the tail
 * zero-padded), much cheaper per key than a byte at a time.  Only this
 * file hashes into the table, at load and at lookup. */
static inline uint64_t
feat_mix(uint64_t h, uint64_t w)
{
	h = (h ^ w) * 0x9E3779B97F4A7C15ull;
	return h ^ (h >> 29);
}

static uint64_t
feat_hash(const char *s, size_t n)
{
	uint64_t h = n, w;
	size_t k = 0;

	for (; k + 8 <= n; k += 8) {
		memcpy(&w, s + k, 8);
		h = feat_mix(h, w);
	}
	if (k < n) {
		unsigned char tail[8] = {0};
		memcpy(tail, s + k, n - k);
		memcpy(&w, tail, 8);
		h = feat_mix(h, w);
	}
	return h ^ (h >> 32);
}

static feat *
find_slot(const model *m, const char *keys, const char *s, size_t n, uint64_t h)
{
	size_t i = (size_t)h & (m->cap - 1);

	while (m->slots[i].klen &&
	       !(m->slots[i].hash == h && m->slots[i].klen == n &&
	         memcmp(keys + m->slots[i].key, s, n) == 0))
		i = (i + 1) & (m->cap - 1);
	return &m->slots[i];
}

/* ---- loading ------------------------------------------------------------ */

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

/* A decimal integer, optionally negative, in [lo, hi]. */
static bool
parse_int(const char *s, size_t n, long lo, long hi, long *out)
{
	size_t i = 0;
	bool neg = false;
	long v = 0;

	if (n > 0 && s[0] == '-') {
		neg = true;
		i = 1;
	}
	if (i == n || n - i > 9)
		return false;
	for (; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (s[i] - '0');
	}
	if (neg)
		v = -v;
	if (v < lo || v > hi)
		return false;
	*out = v;
	return true;
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

/* The decimal integer at *p (up to a space or e), as parse_int() reads
 * it; *p moves past it and one space. */
static inline bool
scan_int(const char **p, const char *e, long lo, long hi, long *out)
{
	const char *s = *p, *d0, *lim;
	long v = 0;
	unsigned d;
	bool neg = s < e && *s == '-';

	s += neg;
	d0 = s;
	lim = e - s > 10 ? s + 10 : e;
	while (s < lim && (d = (unsigned)(unsigned char)*s - '0') <= 9) {
		v = v * 10 + (long)d;
		s++;
	}
	if (s == d0 || s - d0 > 9 || (s < e && *s != ' '))
		return false;
	if (neg)
		v = -v;
	if (v < lo || v > hi)
		return false;
	*out = v;
	*p = s < e ? s + 1 : s;
	return true;
}

/* Room for one more pair in tg->pairs (false when out of memory). */
static bool
pair_room(qt_tagger *tg)
{
	pair *np;
	size_t cap;

	if (tg->npairs < tg->pcap)
		return true;
	cap = tg->pcap ? tg->pcap * 2 : 4096;
	np = qt_xrealloc_array(tg->pairs, cap, sizeof(*np));
	if (!np) {
		tg->failed = true;
		return false;
	}
	tg->pairs = np;
	tg->pcap = cap;
	return true;
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
	feat *f;

	if (!tab || tab == s)
		return (*why = "expected FEATURE<TAB>weights"), false;
	klen = (size_t)(tab - s);
	if (klen > QT_MAX_FEATURE)
		return (*why = "feature too long"), false;
	if (!valid_utf8(s, klen))
		return (*why = "invalid UTF-8"), false;
	h = feat_hash(s, klen);
	f = find_slot(m, tg->keys.ptr, s, klen, h);
	if (f->klen)
		return (*why = "feature repeated"), false;
	for (p = tab + 1; p < e;) {
		long label, weight;

		if (!scan_int(&p, e, 0, (long)m->nlabels - 1, &label) ||
		    !scan_int(&p, e, -QT_MAX_WEIGHT, QT_MAX_WEIGHT, &weight))
			return (*why = "expected LABEL WEIGHT pairs"), false;
		if (!pair_room(tg))
			return (*why = NULL), false;
		tg->pairs[tg->npairs].label = (uint16_t)label;
		tg->pairs[tg->npairs].weight = (int32_t)weight;
		tg->npairs++;
	}
	if (tg->npairs == first || tg->npairs - first > m->nlabels)
		return (*why = "expected LABEL WEIGHT pairs"), false;
	f->hash = h;
	f->key = tg->keys.len;
	f->klen = (uint32_t)klen;
	f->pair = first;
	f->npairs = (uint32_t)(tg->npairs - first);
	qbuf_put(&tg->keys, s, klen);
	m->n++;
	return !tg->keys.failed || (*why = NULL, false);
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
			static const char *const kinds[] = {"joint", "pos",
			                                    "ner"};
			int k = name_index(kinds, 3, s + rest, n - rest);
			if (!have_template) {
				why = "`template` must come first";
				goto fail;
			}
			if (k < 0 || tg->nmodels == QT_MAX_MODELS) {
				why = "expected model joint, pos or ner "
				      "(at most two)";
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
			for (m->cap = 16; m->cap < todo * 2; m->cap *= 2)
				;
			m->slots = calloc(m->cap, sizeof(feat));
			if (!m->slots) {
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
	if (tg->keys.failed || tg->failed) {
		why = NULL;
		goto fail;
	}
	*out = tg;
	return QUOTH_OK;
fail:
	qt_tagger_free(tg);
	if (!why)
		return qt_data_fail(err, QUOTH_ERR_NOMEM, lineno,
		                    "%s:%zu: out of memory", name, lineno);
	return qt_data_fail(err, QUOTH_ERR_LEXICON, lineno, "%s:%zu: %s", name,
	                    lineno, why);
}

void
qt_tagger_free(qt_tagger *tg)
{
	size_t i;

	if (!tg)
		return;
	for (i = 0; i < tg->nmodels; i++)
		free(tg->m[i].slots);
	qbuf_free(&tg->keys);
	free(tg->pairs);
	free(tg);
}

void
qt_tagger_work_free(qt_tagger_work *w)
{
	if (!w)
		return;
	qbuf_free(&w->text);
	free(w->off);
	memset(w, 0, sizeof(*w));
}

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
		h = feat_mix(h, w);
	}
	if (i < k->n) {
		memcpy(&w, k->b + i, 8);
		h = feat_mix(h, w);
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
	int64_t sc[QT_MAX_LABELS];
} tagging;

static void
score(tagging *t, keybuf *k)
{
	const feat *f;
	const pair *p;
	size_t i;

	if (k->over)
		return;
	f = find_slot(t->m, t->tg->keys.ptr, k->b, k->n, key_hash(k));
	if (!f->klen)
		return;
	p = t->tg->pairs + f->pair;
	for (i = 0; i < f->npairs; i++)
		t->sc[p[i].label] += p[i].weight;
}

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

static void
score1(tagging *t, keybuf *k, const char *prefix, const char *s, size_t n)
{
	kb_start(k, prefix);
	kb_put(k, s, n);
	score(t, k);
}

/* The static features of token i (template 1 above, without the label
 * history). */
static void
score_static(tagging *t, size_t i)
{
	static const char *const wctx[] = {"w-2=", "w-1=", "", "w+1=", "w+2="};
	static const char *const sctx[] = {"sh-2=", "sh-1=", "",
	                                   "sh+1=", "sh+2="};
	static const char *const pre[] = {"p1=", "p2=", "p3="};
	static const char *const suf[] = {"s1=", "s2=", "s3="};
	keybuf k;
	const char *w, *s, *x;
	size_t wn, sn, xn, cps, j;
	ptrdiff_t d, ii = (ptrdiff_t)i;

	word_of(t, ii, &w, &wn);
	shape_of(t, ii, &s, &sn);
	kb_start(&k, "b");
	score(t, &k);
	score1(t, &k, "w=", w, wn);
	score1(t, &k, "sh=", s, sn);
	cps = count_cps(w, wn);
	for (j = 1; j <= 3 && j < cps; j++) {
		score1(t, &k, pre[j - 1], w, head_bytes(w, wn, j));
		xn = tail_bytes(w, wn, j);
		score1(t, &k, suf[j - 1], w + wn - xn, xn);
	}
	for (d = -2; d <= 2; d++) {
		if (d == 0)
			continue;
		word_of(t, ii + d, &x, &xn);
		score1(t, &k, wctx[d + 2], x, xn);
		shape_of(t, ii + d, &x, &xn);
		score1(t, &k, sctx[d + 2], x, xn);
	}
	kb_start(&k, "shc=");
	shape_of(t, ii - 1, &x, &xn);
	kb_put(&k, x, xn);
	kb_put(&k, "|", 1);
	kb_put(&k, s, sn);
	kb_put(&k, "|", 1);
	shape_of(t, ii + 1, &x, &xn);
	kb_put(&k, x, xn);
	score(t, &k);
	for (d = -1; d <= 1; d += 2) {
		word_of(t, ii + d, &x, &xn);
		if (ii + d >= 0 && (size_t)(ii + d) < t->n) {
			size_t tail = tail_bytes(x, xn, 3);
			x += xn - tail;
			xn = tail;
		}
		score1(t, &k, d < 0 ? "s-1=" : "s+1=", x, xn);
	}
	if (i == 0)
		score1(t, &k, "fs=", s, sn);
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

/* t-1=T1, t-2=T2|T1, tw=T1|W0 for token i after labels l2, l1 (-1 =
 * before the sentence). */
static void
score_history(tagging *t, size_t i, int l2, int l1)
{
	keybuf k;
	const char *w;
	size_t wn;

	kb_start(&k, "t-1=");
	put_label(t, &k, l1);
	score(t, &k);
	kb_start(&k, "t-2=");
	put_label(t, &k, l2);
	kb_put(&k, "|", 1);
	put_label(t, &k, l1);
	score(t, &k);
	kb_start(&k, "tw=");
	put_label(t, &k, l1);
	kb_put(&k, "|", 1);
	word_of(t, (ptrdiff_t)i, &w, &wn);
	kb_put(&k, w, wn);
	score(t, &k);
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
	tagging t;
	size_t i, mi;

	if (n == 0)
		return true;
	if (!prepare(w, toks, n))
		return false;
	t.tg = tg;
	t.text = w->text.ptr;
	t.off = w->off;
	t.n = n;
	for (i = 0; i < n; i++)
		out[i].pos = QT_POS_OTHER, out[i].ner = QT_NER_O;
	for (mi = 0; mi < tg->nmodels; mi++) {
		int l1 = -1, l2 = -1;

		t.m = &tg->m[mi];
		for (i = 0; i < n; i++) {
			size_t k;
			int best = 0;

			memset(t.sc, 0, sizeof(t.sc));
			score_static(&t, i);
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
