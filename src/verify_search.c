/*
 * verify_search.c: candidate search, verify's third stage.
 *
 * Reads one verbatim span of the article and the source set's word index
 * (verify_source.c); writes the span's tokens (words, "[insertions]",
 * ellipses), its pieces, and for each piece the candidate regions of
 * the sources where it may stand, for verify_align.c to align:
 *
 *   verbatim span -> quote tokens -> pieces (split at ellipses and
 *   sentences) -> candidate regions from the index
 *
 * Cost: locating a piece costs the lengths of the index lists of its
 * rarer words, capped by VOTE_BUDGET.  Only a piece made solely of very
 * common words scans one whole list, which is bounded by the source
 * size.  So the work grows linearly with the sources and never with
 * sources x article.
 */
#include <stdlib.h>
#include <string.h>

#include "verify_search.h"

#define CHUNK_WORDS 200   /* pieces are aligned in chunks of this many words */
#define VOTE_BUDGET 20000 /* index entries read per piece, at most */
/* Index entries read in one quoth_verify() call before every further
 * piece is held to SMALL_BUDGET: an article of 16,000 identical quotes
 * against a source of 16,000 identical lines must not take minutes. */
#define WORK_BUDGET 20000000
#define SMALL_BUDGET 2000
#define VOTE_ENOUGH 2000 /* ... and once this many from ANCHORS words */
#define ANCHORS 4
#define QUICK_MAX 64 /* candidate regions given a quick score */

/* ---- quote tokens ---------------------------------------------------- */

static void
push_tok(vctx *c, size_t a, size_t b, int kind, unsigned flags)
{
	qtok *t;

	if (!qt_grow((void **)&c->tok, &c->captok, c->ntok + 1, sizeof(qtok))) {
		c->nomem = true;
		return;
	}
	/* consecutive ellipses are one */
	if (kind == QT_ELLIPSIS && c->ntok > 0 &&
	    c->tok[c->ntok - 1].kind == QT_ELLIPSIS) {
		c->tok[c->ntok - 1].end = b;
		return;
	}
	t = &c->tok[c->ntok++];
	t->start = a;
	t->end = b;
	t->kind = (uint8_t)kind;
	t->flags = (uint8_t)flags;
	t->hash = kind == QT_WORD ? qt_word_hash(&c->nb1, c->text + a, b - a)
	                          : 0;
}

/* "...", ". . .", "…" (and inside brackets, "[...]") */
static size_t
match_ellipsis(const char *t, size_t i, size_t end)
{
	size_t j = i, dots = 0, n;

	for (;;) {
		if (j < end && t[j] == '.') {
			dots++;
			j++;
		} else if (dots > 0 && j + 1 < end && t[j] == ' ' &&
		           t[j + 1] == '.') {
			j++;
		} else if (j < end && qt_decode(t, end, j, &n) == 0x2026) {
			dots += 3;
			j += n;
		} else {
			break;
		}
	}
	return dots >= 3 ? j - i : 0;
}

void
qt_tokenize_span(vctx *c, size_t a, size_t b)
{
	const char *t = c->text;
	size_t i = a, n, k, j;
	int32_t cp;
	bool br;

	while (i < b && !c->nomem) {
		if (t[i] == '[') {
			if ((k = qt_inword_bracket(t, b, i, false)) != 0) {
				br = true;
				k = qt_word_end(t, b, k, true, &br);
				push_tok(c, i, k, QT_WORD, QF_BRACKETED);
				i = k;
				continue;
			}
			{
				size_t lim = b - i > NOISE_MAX ? i + NOISE_MAX
				                               : b;
				const char *q = memchr(t + i, ']', lim - i);
				if (q) {
					j = (size_t)(q - t);
					k = qt_skip_space(t, i + 1, j);
					if (k < j &&
					    match_ellipsis(t, k, j) ==
					            qt_trim_end(t, k, j) - k)
						push_tok(c, i, j + 1,
						         QT_ELLIPSIS, 0);
					else
						push_tok(c, i, j + 1,
						         QT_BRACKET, 0);
					i = j + 1;
					continue;
				}
			}
			i++;
			continue;
		}
		if ((k = match_ellipsis(t, i, b)) != 0) {
			push_tok(c, i, i + k, QT_ELLIPSIS, 0);
			i += k;
			continue;
		}
		cp = qt_decode(t, b, i, &n);
		if (qt_is_word_cp(cp)) {
			unsigned flags = 0;
			br = false;
			k = qt_word_end(t, b, i, true, &br);
			if (br)
				flags |= QF_BRACKETED;
			if (c->ntok > 0 &&
			    c->tok[c->ntok - 1].kind == QT_WORD &&
			    utf8proc_isupper(cp) &&
			    qt_sentence_end(t, c->tok[c->ntok - 1].end, i))
				flags |= QF_SENT;
			push_tok(c, i, k, QT_WORD, flags);
			i = k;
			continue;
		}
		i += n;
	}
}

/*
 * Split the tokens into pieces: at ellipses (gaps allowed), at sentence
 * starts when both sides have three words or more, and into chunks of
 * CHUNK_WORDS.  Sentences are located on their own because journalists
 * join sentences that the speaker did not say together; the chain then
 * finds whether they were adjacent (exact) or not (altered).
 */
void
qt_make_pieces(vctx *c)
{
	size_t i = 0, t0, words, *after;
	int before = B_START;
	piece *p;

	c->npc = 0;
	/* after[i]: words from token i to the next ellipsis */
	if (!qt_grow((void **)&c->order, &c->caporder, c->ntok + 1,
	             sizeof(size_t))) {
		c->nomem = true;
		return;
	}
	after = c->order;
	after[c->ntok] = 0;
	for (i = c->ntok; i-- > 0;)
		after[i] = c->tok[i].kind == QT_ELLIPSIS
		                   ? 0
		                   : after[i + 1] + (c->tok[i].kind == QT_WORD);
	i = 0;
	while (i < c->ntok && !c->nomem) {
		if (c->tok[i].kind == QT_ELLIPSIS) {
			if (c->npc > 0)
				before = B_ELLIPSIS;
			i++;
			continue;
		}
		t0 = i;
		words = 0;
		/* tokens, not words, bound a chunk: a chunk of brackets must
		 * not make a wide alignment */
		while (i < c->ntok && c->tok[i].kind != QT_ELLIPSIS &&
		       i - t0 < CHUNK_WORDS) {
			if (c->tok[i].kind == QT_WORD && words >= 3 &&
			    (c->tok[i].flags & QF_SENT) && after[i] >= 3)
				break;
			if (c->tok[i].kind == QT_WORD) {
				/* the first letter of a span, of a piece after an
				 * ellipsis and of a sentence may change case */
				if (words == 0 && (before != B_JOIN ||
				                   (c->tok[i].flags & QF_SENT)))
					c->tok[i].flags |= QF_FIRST;
				words++;
			}
			i++;
		}
		if (words == 0)
			continue; /* only "[...]" insertions: nothing to find */
		if (!qt_grow((void **)&c->pc, &c->cappc, c->npc + 1,
		             sizeof(piece))) {
			c->nomem = true;
			return;
		}
		p = &c->pc[c->npc++];
		memset(p, 0, sizeof(*p));
		p->t0 = t0;
		p->t1 = i;
		p->nwords = words;
		p->before = before;
		p->chosen = -1;
		before = B_JOIN; /* a chunk boundary, unless an ellipsis follows */
	}
}

/* ---- candidate regions ------------------------------------------------- */

static void
vote(vctx *c, int64_t d, size_t j)
{
	if (!qt_grow((void **)&c->votes, &c->capvotes, c->nvotes + 1,
	             sizeof(struct vote))) {
		c->nomem = true;
		return;
	}
	c->votes[c->nvotes].d = d;
	c->votes[c->nvotes].j = j;
	c->nvotes++;
}

static int
cmp_vote(const void *a, const void *b)
{
	const struct vote *x = a, *y = b;

	if (x->d != y->d)
		return (x->d > y->d) - (x->d < y->d);
	return (x->j > y->j) - (x->j < y->j);
}

typedef struct {
	size_t freq; /* size of the word's index bucket */
	size_t j;    /* position in the piece */
} wfreq;

static int
cmp_freq(const void *a, const void *b)
{
	const wfreq *x = a, *y = b;

	if (x->freq != y->freq)
		return (x->freq > y->freq) - (x->freq < y->freq);
	return (x->j > y->j) - (x->j < y->j);
}

static int
cmp_votes(const void *a, const void *b)
{
	const cluster *x = a, *y = b;

	if (x->votes != y->votes)
		return x->votes < y->votes ? 1 : -1;
	return (x->lo > y->lo) - (x->lo < y->lo);
}

static int
cmp_quick(const void *a, const void *b)
{
	const cluster *x = a, *y = b;

	if (x->quick != y->quick)
		return x->quick < y->quick ? 1 : -1;
	return cmp_votes(a, b);
}

/* The second half of qt_find_regions()'s qw array. */
static size_t *
qw_seen(size_t *qw, size_t m)
{
	return qw + m;
}

/* Word tokens of piece p: their indices in c->order[0..m). */
static size_t
piece_words(vctx *c, const piece *p)
{
	size_t i, m = 0;

	if (!qt_grow((void **)&c->order, &c->caporder, p->t1 - p->t0 + 1,
	             sizeof(size_t))) {
		c->nomem = true;
		return 0;
	}
	for (i = p->t0; i < p->t1; i++)
		if (c->tok[i].kind == QT_WORD)
			c->order[m++] = i;
	return m;
}

/* How well the piece's words stand at diagonal d: two points for a word
 * on the diagonal, one for a word shifted by up to two (a dropped or
 * added word shifts the rest). */
static size_t
quick_score(vctx *c, const size_t *qw, size_t m, int64_t d, size_t w0,
            size_t w1)
{
	const sword *w = c->s->w;
	size_t j, score = 0;
	int64_t k, pos;

	for (j = 0; j < m; j++) {
		pos = d + (int64_t)j;
		if (pos >= (int64_t)w0 && pos < (int64_t)w1 &&
		    w[pos].hash == c->tok[qw[j]].hash) {
			score += 2; /* on the diagonal */
			continue;
		}
		for (k = -2; k <= 2; k++) {
			pos = d + (int64_t)j + k;
			if (pos >= (int64_t)w0 && pos < (int64_t)w1 &&
			    w[pos].hash == c->tok[qw[j]].hash) {
				score++;
				break;
			}
		}
	}
	return score;
}

/*
 * Keep the QUICK_MAX clusters with most votes (ties: first in the source)
 * without sorting them all: a histogram of vote counts gives the cut.
 */
static bool
keep_top(vctx *c, size_t *ncl)
{
	size_t k, maxv = 0, cut, acc = 0, out = 0, *hist;

	for (k = 0; k < *ncl; k++)
		if (c->cl[k].votes > maxv)
			maxv = c->cl[k].votes;
	hist = calloc(maxv + 1, sizeof(size_t));
	if (!hist) {
		c->nomem = true;
		return false;
	}
	for (k = 0; k < *ncl; k++)
		hist[c->cl[k].votes]++;
	for (cut = maxv; cut > 0; cut--) {
		if (acc + hist[cut] >= QUICK_MAX)
			break;
		acc += hist[cut];
	}
	/* every cluster above the cut, then those at it in source order */
	for (k = 0; k < *ncl; k++)
		if (c->cl[k].votes > cut)
			c->cl[out++] = c->cl[k];
	for (k = 0; k < *ncl && out < QUICK_MAX; k++)
		if (c->cl[k].votes == cut)
			c->cl[out++] = c->cl[k];
	free(hist);
	*ncl = out;
	return true;
}

/*
 * A piece made only of very common words ("it is what it is"): every
 * occurrence of its rarest word j is scored by how many of the piece's
 * words stand on the same diagonal, and only the QUICK_MAX best vote.
 * Linear in that word's list, which is bounded by the source size.
 */
static void
common_votes(vctx *c, const size_t *qw, size_t m, size_t j, uint32_t h,
             size_t b)
{
	const quoth_sources *s = c->s;
	size_t e, k, n = 0, worst = 0, score;
	struct {
		size_t score;
		int64_t d;
	} top[QUICK_MAX];

	size_t stop = s->head[b + 1];

	/* past the call's budget, a bounded sample of the list */
	if (c->work > WORK_BUDGET && stop - s->head[b] > SMALL_BUDGET)
		stop = s->head[b] + SMALL_BUDGET;
	c->work += stop - s->head[b];
	for (e = s->head[b]; e < stop; e++) {
		size_t pos = s->post[e];
		int64_t d = (int64_t)pos - (int64_t)j;
		if (s->w[pos].hash != h)
			continue;
		score = 0;
		for (k = 0; k < m; k++) {
			int64_t g = d + (int64_t)k;
			if (g >= 0 && g < (int64_t)s->nw &&
			    s->w[g].hash == c->tok[qw[k]].hash)
				score++;
		}
		if (n < QUICK_MAX) {
			top[n].score = score;
			top[n].d = d;
			n++;
		} else if (score > top[worst].score) {
			top[worst].score = score;
			top[worst].d = d;
		} else {
			continue;
		}
		if (n == QUICK_MAX)
			for (worst = 0, k = 1; k < n; k++)
				if (top[k].score < top[worst].score)
					worst = k;
	}
	for (k = 0; k < n; k++)
		vote(c, top[k].d, j);
}

/*
 * Candidate regions of piece p: every occurrence of its rarer words votes
 * for a diagonal (source position minus position in the piece); nearby
 * diagonals form a cluster; the clusters with most votes get a quick
 * score, and the best NCAND are returned in c->cl[0..c->ncl).
 */
void
qt_find_regions(vctx *c, const piece *p)
{
	const quoth_sources *s = c->s;
	size_t m, j, k, b, used = 0, mask = s->nbuckets - 1, ncl = 0, budget;
	size_t *qw;
	wfreq *freq;
	int64_t tol, span;

	c->nvotes = 0;
	c->ncl = 0;
	if (s->nw == 0)
		return;
	m = piece_words(c, p);
	if (c->nomem || m == 0)
		return;
	freq = malloc(m * sizeof(wfreq));
	qw = malloc(2 * m * sizeof(size_t)); /* and qw_seen() */
	if (!freq || !qw) {
		free(freq);
		free(qw);
		c->nomem = true;
		return;
	}
	memcpy(qw, c->order, m * sizeof(size_t));
	for (j = 0; j < m; j++) {
		b = c->tok[qw[j]].hash & mask;
		freq[j].freq = s->head[b + 1] - s->head[b];
		freq[j].j = j;
	}
	qsort(freq, m, sizeof(wfreq), cmp_freq);
	for (k = 0; k < m && !c->nomem; k++) {
		uint32_t h;
		size_t e, f = freq[k].freq;
		bool common;

		j = freq[k].j;
		if (f == 0)
			continue;
		/* rare words place a piece; common ones only add work */
		budget = c->work > WORK_BUDGET ? SMALL_BUDGET : VOTE_BUDGET;
		if (used > 0 && (used + f > budget ||
		                 (k >= ANCHORS && used + f > VOTE_ENOUGH)))
			break;
		/* Only very common words: read the rarest one's whole list
		 * but keep the places where a neighbour matches too. */
		common = used == 0 && f > budget;
		h = c->tok[qw[j]].hash;
		b = h & mask;
		if (common) {
			common_votes(c, qw, m, j, h, b);
			break;
		}
		for (e = s->head[b]; e < s->head[b + 1]; e++) {
			size_t pos = s->post[e];
			if (s->w[pos].hash == h)
				vote(c, (int64_t)pos - (int64_t)j, j);
		}
		used += f;
		c->work += f;
	}
	free(freq);
	if (c->nomem || c->nvotes == 0) {
		free(qw);
		return;
	}
	qsort(c->votes, c->nvotes, sizeof(struct vote), cmp_vote);
	tol = 3 + (int64_t)m / 8;
	span = (int64_t)m + 8;
	/* A cluster counts the distinct piece words voting for it: ten
	 * "the"s near each other must not outweigh the place where every
	 * word of the piece stands.  seen[j] is the last cluster (+1) that
	 * word j voted for. */
	for (k = 0; k < m; k++)
		qw_seen(qw, m)[k] = 0;
	{
		size_t run = 0, best_run = 0, *seen = qw_seen(qw, m);
		for (k = 0; k < c->nvotes; k++) {
			int64_t d = c->votes[k].d;
			cluster *cl;
			if (ncl == 0 || d - c->cl[ncl - 1].hi > tol ||
			    d - c->cl[ncl - 1].lo > span) {
				if (!qt_grow((void **)&c->cl, &c->capcl,
				             ncl + 1, sizeof(cluster))) {
					c->nomem = true;
					free(qw);
					return;
				}
				cl = &c->cl[ncl++];
				cl->lo = cl->hi = cl->best = d;
				cl->votes = 0;
				cl->quick = 0;
				run = best_run = 0;
			}
			cl = &c->cl[ncl - 1];
			run = (d == cl->hi) ? run + 1 : 1;
			cl->hi = d;
			if (seen[c->votes[k].j] != ncl) {
				seen[c->votes[k].j] = ncl;
				cl->votes++;
			}
			if (run > best_run) {
				best_run = run;
				cl->best = d;
			}
		}
	}
	if (ncl > QUICK_MAX && !keep_top(c, &ncl)) {
		free(qw);
		return;
	}
	qsort(c->cl, ncl, sizeof(cluster), cmp_votes);
	for (k = 0; k < ncl; k++) {
		int64_t mid = c->cl[k].best + (int64_t)m / 2;
		size_t g = mid < 0 ? 0 : (size_t)mid, si;
		if (g >= s->nw)
			g = s->nw - 1;
		si = qt_source_of(s, g);
		c->cl[k].quick = quick_score(c, qw, m, c->cl[k].best,
		                             s->src[si].w0,
		                             s->src[si].w0 + s->src[si].nw);
	}
	qsort(c->cl, ncl, sizeof(cluster), cmp_quick);
	c->ncl = ncl > NCAND ? NCAND : ncl;
	free(qw);
}

/* ---- the exact fallback ------------------------------------------------ */

/*
 * Where the words of piece p stand verbatim (hash for hash, so up to the
 * normal forms) in one source: the first global word of the earliest
 * such place, or QUOTH_NONE.  This is the fallback when the bounded
 * search above found no perfect passage: in a source made of few words
 * every region draws as many votes as the true one, and the cut to
 * QUICK_MAX clusters can leave the true one out.
 *
 * It reads the index list of the piece's rarest word and gives a place
 * up at its first differing word, so it costs that list's length times
 * the few words compared (at most CHUNK_WORDS): linear in the source,
 * and in natural text one short list.  A piece with a "[bracket]" is
 * never verbatim.
 */
size_t
qt_exact_region(vctx *c, const piece *p)
{
	const quoth_sources *s = c->s;
	size_t m, i, j, k, e, b, f, best = 0, bestf = SIZE_MAX, g0, si;
	size_t mask = s->nbuckets - 1;
	uint32_t h;

	if (s->nw == 0 || !s->head)
		return QUOTH_NONE;
	for (i = p->t0; i < p->t1; i++)
		if (c->tok[i].kind == QT_BRACKET)
			return QUOTH_NONE;
	m = piece_words(c, p);
	if (c->nomem || m == 0)
		return QUOTH_NONE;
	for (j = 0; j < m; j++) {
		b = c->tok[c->order[j]].hash & mask;
		f = s->head[b + 1] - s->head[b];
		if (f < bestf) {
			bestf = f;
			best = j;
		}
	}
	h = c->tok[c->order[best]].hash;
	b = h & mask;
	for (e = s->head[b]; e < s->head[b + 1]; e++) {
		size_t pos = s->post[e];
		if (s->w[pos].hash != h || pos < best)
			continue;
		g0 = pos - best;
		if (g0 + m > s->nw)
			break; /* the list is in source order */
		for (k = 0;
		     k < m && s->w[g0 + k].hash == c->tok[c->order[k]].hash;
		     k++)
			;
		if (k < m)
			continue;
		si = qt_source_of(s, g0);
		if (g0 + m <= s->src[si].w0 + s->src[si].nw)
			return g0;
	}
	return QUOTH_NONE;
}
