/*
 * verify.c: quotes against source transcripts: judging, and the public
 * API of verify (quoth_verify(), quoth_verify_quote(), quoth_check_*).
 *
 * Reads an extraction result (or bare spans) of the article and a source
 * set; writes one quoth_check item per quote: its status, similarity,
 * the passage found (source, offsets, line, timestamp, speaker label),
 * the passage's words, the word diff, and whether the transcript names
 * another speaker.  The work is done by the stages below, each calling
 * only the ones before it:
 *
 *   verify_words.c   words and their normal forms
 *   verify_source.c  the source set: plain / WebVTT / SRT, word index
 *   verify_search.c  verbatim span -> quote tokens (words, "[insertions]",
 *                    ellipses) -> pieces (split at ellipses) ->
 *                    candidate regions from the index
 *   verify_align.c   word-level alignment in a bounded window -> pieces
 *                    chained in source order
 *   verify_diff.c    the word diff and the passage words
 *   verify.c         status, similarity, speaker mismatch
 *
 * Cost: adding a source is linear in its size; judging a piece costs the
 * index lists of its rarer words, capped, plus a few dynamic-programming
 * alignments over windows a small multiple of the piece long.  So the
 * work grows linearly with the sources and never with sources x article.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "verify_align.h"
#include "verify_diff.h"

/* One span's result. */
typedef struct {
	quoth_verify_status status;
	double sim;
	bool found;
	size_t src, a, b; /* global words */
	size_t label;     /* turn mark of the passage, or QUOTH_NONE */
	bool mismatch;
} span_res;

/* ---- judging one span --------------------------------------------------- */

/*
 * Judging one span runs these steps in order (judge_span()):
 * locate_span() finds the passage of every piece, refine_chosen() checks
 * and widens them, render_pieces() writes the diff and counts the words,
 * settle() turns the counts into a status.
 */

/* What render_pieces() counts over a span's pieces. */
typedef struct {
	size_t m;       /* quote words */
	size_t matched; /* of them found in the passages */
	size_t pw;      /* passage words that count */
	bool changed;   /* a word changed, a piece missing, an order swapped */
	bool elided;    /* brackets, or a cut marked by an ellipsis */
} span_count;

/* The span text[a..b) in tokens and pieces, each piece's candidates, and
 * one chosen per piece.  False when out of memory (pieces freed). */
static bool
locate_span(vctx *c, size_t a, size_t b)
{
	size_t i;

	c->ntok = 0;
	c->span_a = a;
	c->span_b = b;
	qt_tokenize_span(c, a, b);
	qt_make_pieces(c);
	for (i = 0; i < c->npc && !c->nomem; i++)
		qt_locate_piece(c, i);
	if (!c->nomem)
		qt_chain_pieces(c);
	if (c->nomem) {
		qt_free_pieces(c);
		return false;
	}
	return true;
}

/* Whether the quote shows its own edits: a "[bracketed insertion]" or a
 * bracket inside a word ("[W]e"), which make an exact quote "elided". */
static bool
has_brackets(const vctx *c)
{
	size_t i;

	for (i = 0; i < c->ntok; i++)
		if (c->tok[i].kind == QT_BRACKET ||
		    (c->tok[i].kind == QT_WORD &&
		     (c->tok[i].flags & QF_BRACKETED)))
			return true;
	return false;
}

/* Re-check every chosen passage on its normal forms, and widen the first
 * and the last over words moved into the quote. */
static void
refine_chosen(vctx *c)
{
	size_t i, first = QUOTH_NONE, last = 0;

	for (i = 0; i < c->npc; i++)
		if (c->pc[i].chosen >= 0) {
			if (first == QUOTH_NONE)
				first = i;
			last = i;
		}
	if (first != QUOTH_NONE) {
		align *al = &c->pc[first].cand[c->pc[first].chosen];
		const source *src = &c->s->src[al->src];
		size_t hi = src->w0 + src->nw;
		qt_recheck(c, al);
		if (last != first)
			hi = al->b; /* do not widen into the next piece */
		qt_widen(c, al, src->w0, hi > al->b ? hi : al->b);
		if (last != first) {
			align *bl = &c->pc[last].cand[c->pc[last].chosen];
			qt_recheck(c, bl);
			qt_widen(c, bl, bl->a, src->w0 + src->nw);
		}
		for (i = first + 1; i < last; i++)
			if (c->pc[i].chosen >= 0)
				qt_recheck(c, &c->pc[i].cand[c->pc[i].chosen]);
	}
}

/*
 * How the passage of a piece stands to the previous one's: before it
 * (said in the other order: changed), after it with words between (cut
 * at an ellipsis: elided; cut silently: changed, and a few cut words
 * count as dropped), or right after it.
 */
static void
render_between(vctx *c, const piece *p, const align *prev, const align *al,
               span_count *n)
{
	if (al->a < prev->b) {
		/* said in the other order */
		n->changed = true;
		if (c->dels.len || c->inss.len)
			qt_flush_change(c);
		qt_put_mark(c, &c->diff, "[-…-]");
		qt_put_mark(c, &c->words, "…");
	} else if (al->a > prev->b) {
		size_t gap = qt_count_gap(c, al->src, prev->b, al->a,
		                          prev->anchor, GAP_SHOWN + 1);
		if (gap > 0 && p->before == B_ELLIPSIS) {
			n->elided = true;
			qt_put_mark(c, &c->words, "…");
		} else if (gap > 0) {
			/* sentences joined that were apart; a few cut
			 * words count as dropped */
			n->changed = true;
			qt_render_gap(c, al->src, prev->b, al->a, prev->anchor,
			              gap);
			if (gap <= GAP_SHOWN)
				n->pw += gap;
		}
	}
}

/* The diff and passage words of every piece in quote order; the words
 * counted into *n; the passage (the first found, widened over the
 * others) into r. */
static void
render_pieces(vctx *c, span_res *r, span_count *n)
{
	size_t i, k;
	const align *prev = NULL;

	for (i = 0; i < c->npc && !c->nomem; i++) {
		piece *p = &c->pc[i];
		align *al;

		if (i > 0 && p->before == B_ELLIPSIS)
			qt_put_mark(c, &c->diff, "…");
		if (p->chosen < 0) {
			n->changed = true;
			qt_render_missing(c, p);
			continue;
		}
		al = &p->cand[p->chosen];
		for (k = 0; k < al->nops; k++)
			if (al->ops[k].op != OP_MATCH &&
			    al->ops[k].op != OP_SKIP && al->ops[k].op != OP_BRK)
				n->changed = true;
		if (prev)
			render_between(c, p, prev, al, n);
		qt_render_align(c, al);
		n->matched += al->matched;
		n->pw += al->pw;
		if (!r->found) {
			r->found = true;
			r->src = al->src;
			r->a = al->a;
			r->b = al->b;
			r->label = qt_mark_at(c->s->turn, c->s->src[al->src].t0,
			                      c->s->src[al->src].nt,
			                      al->anchor);
		}
		if (al->a < r->a)
			r->a = al->a;
		if (al->b > r->b)
			r->b = al->b;
		prev = al;
	}
}

/*
 * The status from the counts: missing below similarity 0.5 (the diff
 * then shows every quote word as added), else altered when anything
 * changed, elided when only brackets and marked cuts, else exact.
 */
static void
settle(vctx *c, span_res *r, const span_count *n)
{
	size_t i, k, m = n->m;

	r->sim = m ? (double)n->matched / (double)(n->pw > m ? n->pw : m) : 0.0;
	if (!r->found || r->sim < 0.5 || m == 0) {
		r->status = QUOTH_VERIFY_MISSING;
		r->found = false;
		if (m == 0)
			r->sim = 0.0;
		c->diff.len = 0;
		c->words.len = 0;
		qt_glue_reset(c);
		for (i = 0; i < c->npc; i++) {
			if (i > 0 && c->pc[i].before == B_ELLIPSIS)
				qt_put_mark(c, &c->inss, "…");
			for (k = c->pc[i].t0; k < c->pc[i].t1; k++)
				qt_quote_tok(c, &c->inss, k);
		}
		qt_flush_change(c);
	} else if (n->changed) {
		r->status = QUOTH_VERIFY_ALTERED;
	} else if (n->elided) {
		r->status = QUOTH_VERIFY_ELIDED;
	} else {
		r->status = QUOTH_VERIFY_EXACT;
	}
}

/*
 * Locate the verbatim span text[a..b) and judge it.  The diff and the
 * passage words are left in c->diff and c->words.
 */
static void
judge_span(vctx *c, size_t a, size_t b, span_res *r)
{
	span_count n;
	size_t i;

	memset(r, 0, sizeof(*r));
	memset(&n, 0, sizeof(n));
	r->label = QUOTH_NONE;
	r->status = QUOTH_VERIFY_MISSING;
	c->diff.len = 0;
	c->words.len = 0;
	c->dels.len = 0;
	c->inss.len = 0;
	qt_glue_reset(c);
	if (!locate_span(c, a, b))
		return;
	n.elided = has_brackets(c);
	for (i = 0; i < c->npc; i++)
		n.m += c->pc[i].nwords;
	refine_chosen(c);
	render_pieces(c, r, &n);
	if (c->diff.failed || c->words.failed || c->dels.failed ||
	    c->inss.failed)
		c->nomem = true;
	settle(c, r, &n);
	qt_free_pieces(c);
}

/* ---- speakers ----------------------------------------------------------- */

#define NAME_WORDS 8
#define NAME_BYTES 64

typedef struct {
	char w[NAME_WORDS][NAME_BYTES];
	size_t len[NAME_WORDS];
	size_t n;
} name_words;

static void
split_name(normbuf *nb, const char *s, size_t n, name_words *out)
{
	size_t i = 0, k, fl, cpn;
	int32_t cp;
	const char *f;
	bool br;

	out->n = 0;
	while (i < n && out->n < NAME_WORDS) {
		cp = qt_decode(s, n, i, &cpn);
		if (s[i] == '(')
			break; /* "(through interpreter)" */
		if (!qt_is_word_cp(cp)) {
			i += cpn;
			continue;
		}
		br = false;
		k = qt_word_end(s, n, i, false, &br);
		f = qt_norm_word(nb, s + i, k - i, true, &fl);
		/* "sec." and "sec" alike: drop a final dot */
		while (fl > 0 && f[fl - 1] == '.')
			fl--;
		if (fl > NAME_BYTES)
			fl = NAME_BYTES;
		memcpy(out->w[out->n], f, fl);
		out->len[out->n] = fl;
		out->n++;
		i = k;
	}
}

static bool
word_is(const name_words *nw, size_t i, const char *w)
{
	return nw->len[i] == strlen(w) && memcmp(nw->w[i], w, nw->len[i]) == 0;
}

static bool
word_in(const name_words *nw, size_t i, const char *const *list)
{
	for (; *list; list++)
		if (word_is(nw, i, *list))
			return true;
	return false;
}

/* Drop titles and honorifics ("Secretary", "Mr", "Prime Minister") using
 * the extractor's lexicons; what remains is the name. */
static void
strip_titles(const quoth_extractor *ex, name_words *nw)
{
	static const char *const articles[] = {"the", NULL};
	size_t i, k, out = 0, j;
	char phrase[3 * NAME_BYTES + 2];

	for (i = 0; i < nw->n;) {
		size_t take = 0;
		if (word_in(nw, i, articles))
			take = 1;
		for (k = 3; k >= 1 && take == 0 && ex; k--) {
			size_t pl = 0;
			if (i + k > nw->n)
				continue;
			for (j = i; j < i + k; j++) {
				if (j > i)
					phrase[pl++] = ' ';
				memcpy(phrase + pl, nw->w[j], nw->len[j]);
				pl += nw->len[j];
			}
			if (qt_lexicon_get(ex->data.lex[LEX_TITLES], phrase,
			                   pl) >= 0 ||
			    qt_lexicon_get(ex->data.lex[LEX_HONORIFICS], phrase,
			                   pl) >= 0)
				take = k;
		}
		if (take) {
			i += take;
			continue;
		}
		if (out != i) {
			memcpy(nw->w[out], nw->w[i], nw->len[i]);
			nw->len[out] = nw->len[i];
		}
		out++;
		i++;
	}
	nw->n = out;
}

/* Whether `small` occurs as consecutive words of `big`. */
static bool
words_within(const name_words *small, const name_words *big)
{
	size_t i, j;

	if (small->n == 0 || small->n > big->n)
		return false;
	for (i = 0; i + small->n <= big->n; i++) {
		for (j = 0; j < small->n; j++)
			if (small->len[j] != big->len[i + j] ||
			    memcmp(small->w[j], big->w[i + j], small->len[j]) !=
			            0)
				break;
		if (j == small->n)
			return true;
	}
	return false;
}

/*
 * Whether the label of a transcript turn names someone other than the
 * quote's speaker.  Labels that name nobody ("Speaker 1", "Unknown",
 * "A:", a bare title such as "THE PRESIDENT") never differ; a
 * questioner's label ("Q:", "REPORTER:", "MODERATOR:") differs from any
 * named speaker; names are the same when one contains the other or the
 * surnames agree.
 */
static bool
names_differ(vctx *c, const char *label, size_t ll, const char *spk, size_t sl)
{
	static const char *const asker[] = {
	        "q",          "question",    "questioner", "reporter",
	        "journalist", "interviewer", "moderator",  "host",
	        "audience",   "crowd",       "press",      "member",
	        NULL};
	static const char *const nobody[] = {
	        "speaker",     "unknown",     "unidentified",
	        "voice",       "a",           "answer",
	        "male",        "female",      "man",
	        "woman",       "participant", "caller",
	        "narrator",    "multiple",    "speakers",
	        "interpreter", "translator",  "announcer",
	        "off",         "camera",      "mic",
	        "all",         NULL};
	name_words L, S;
	size_t i;
	bool only_asker = true, only_nobody = true;

	if (ll == 0 || sl == 0 || !spk)
		return false;
	split_name(&c->nb1, label, ll, &L);
	split_name(&c->nb1, spk, sl, &S);
	if (L.n == 0 || S.n == 0)
		return false;
	for (i = 0; i < L.n; i++) {
		if (!word_in(&L, i, asker) && !word_is(&L, i, "the"))
			only_asker = false;
		if (!word_in(&L, i, nobody) &&
		    !isdigit((unsigned char)L.w[i][0]))
			only_nobody = false;
	}
	if (only_asker) {
		for (i = 0; i < L.n; i++)
			if (!word_is(&L, i, "the") &&
			    !word_is(&L, i, "member")) {
				name_words one;
				one.n = 1;
				memcpy(one.w[0], L.w[i], L.len[i]);
				one.len[0] = L.len[i];
				if (words_within(&one, &S))
					return false;
			}
		return true;
	}
	if (only_nobody)
		return false;
	strip_titles(c->ex, &L);
	strip_titles(c->ex, &S);
	if (L.n == 0 || S.n == 0)
		return false; /* a title alone names nobody */
	if (words_within(&L, &S) || words_within(&S, &L))
		return false;
	if (L.len[L.n - 1] == S.len[S.n - 1] &&
	    memcmp(L.w[L.n - 1], S.w[S.n - 1], L.len[L.n - 1]) == 0)
		return false;
	return true;
}

/* ======================================================================
 * Checks
 * ====================================================================== */

typedef struct {
	quoth_verify_status status;
	double sim;
	size_t part, nparts;
	bool found;
	size_t src, start, end, line;
	bool mismatch;
	size_t off[QUOTH_CHECK_FIELD_COUNT_]; /* into the pool, or NONE */
	size_t len[QUOTH_CHECK_FIELD_COUNT_];
} check_item;

struct quoth_check {
	check_item *item;
	size_t n;
	qbuf pool;
};

static void
vctx_free(vctx *c)
{
	qt_free_pieces(c);
	free(c->tok);
	free(c->pc);
	free(c->votes);
	free(c->cl);
	free(c->dp);
	free(c->delc);
	free(c->ops);
	free(c->order);
	free(c->chain);
	qbuf_free(&c->diff);
	qbuf_free(&c->words);
	qbuf_free(&c->dels);
	qbuf_free(&c->inss);
	free(c);
}

static void
pool_str(quoth_check *chk, check_item *it, int f, const char *s, size_t n)
{
	/* every field is valid UTF-8 whatever the source held: invalid
	 * bytes (or a label cut inside a character) become U+FFFD */
	it->off[f] = chk->pool.len;
	qbuf_put_utf8(&chk->pool, s, n);
	it->len[f] = chk->pool.len - it->off[f];
	qbuf_putc(&chk->pool, '\0');
}

static int
rank(quoth_verify_status s)
{
	return (int)s; /* exact < elided < altered < missing */
}

/*
 * Judge one quote from its verbatim spans se[0..2n) and fill `it`.
 * The reported passage is that of the first span found, widened to the
 * other found spans in the same source; diffs and words of the spans are
 * joined by " | ".
 */
static void
check_quote(vctx *c, quoth_check *chk, check_item *it, const size_t *se,
            size_t n, const char *spk, size_t sl)
{
	qbuf diff = {0}, words = {0};
	size_t k, f;
	span_res r, first = {0};
	bool have = false, worst_set = false;
	const quoth_sources *s = c->s;

	for (f = 0; f < QUOTH_CHECK_FIELD_COUNT_; f++) {
		it->off[f] = QUOTH_NONE;
		it->len[f] = 0;
	}
	it->nparts = n;
	it->status = QUOTH_VERIFY_MISSING;
	it->sim = 0.0;
	it->part = 0;
	for (k = 0; k < n && !c->nomem; k++) {
		judge_span(c, se[2 * k], se[2 * k + 1], &r);
		if (c->nomem)
			break;
		if (r.found && r.label != QUOTH_NONE) {
			const smark *m = &s->turn[r.label];
			if (m->len > 0 &&
			    names_differ(c, s->src[r.src].text + m->off, m->len,
			                 spk, sl))
				r.mismatch = true;
		}
		if (!worst_set || rank(r.status) > rank(it->status) ||
		    (r.status == it->status && r.sim < it->sim)) {
			worst_set = true;
			it->status = r.status;
			it->sim = r.sim;
			it->part = k;
		}
		if (r.found) {
			if (!have) {
				have = true;
				first = r;
			} else if (r.src == first.src) {
				if (r.a < first.a)
					first.a = r.a;
				if (r.b > first.b)
					first.b = r.b;
			}
			if (r.mismatch)
				it->mismatch = true;
		}
		if (k > 0) {
			qbuf_puts(&diff, " | ");
			if (words.len)
				qbuf_puts(&words, " | ");
		}
		qbuf_put(&diff, c->diff.ptr ? c->diff.ptr : "", c->diff.len);
		if (c->words.len)
			qbuf_put(&words, c->words.ptr, c->words.len);
	}
	if (!c->nomem && have) {
		const source *src = &s->src[first.src];
		size_t m;
		it->found = true;
		it->src = first.src;
		it->start = s->w[first.a].start;
		it->end = s->w[first.b - 1].end;
		it->line = qt_line_of(src, it->start);
		pool_str(chk, it, QUOTH_CHECK_SOURCE, src->name,
		         strlen(src->name));
		m = qt_mark_at(s->ts, src->s0, src->ns, first.a);
		if (m != QUOTH_NONE)
			pool_str(chk, it, QUOTH_CHECK_TIMESTAMP,
			         src->text + s->ts[m].off, s->ts[m].len);
		if (first.label != QUOTH_NONE && s->turn[first.label].len > 0)
			pool_str(chk, it, QUOTH_CHECK_SPEAKER_LABEL,
			         src->text + s->turn[first.label].off,
			         s->turn[first.label].len);
		pool_str(chk, it, QUOTH_CHECK_SOURCE_WORDS,
		         words.ptr ? words.ptr : "", words.len);
	}
	if (!c->nomem)
		pool_str(chk, it, QUOTH_CHECK_DIFF, diff.ptr ? diff.ptr : "",
		         diff.len);
	if (diff.failed || words.failed)
		c->nomem = true;
	qbuf_free(&diff);
	qbuf_free(&words);
}

static quoth_status
check_new(quoth_sources *src, size_t n, quoth_check **chk, vctx **ctx,
          quoth_error *err)
{
	quoth_status st;

	*chk = NULL;
	*ctx = NULL;
	if ((st = quoth_sources_index(src, err)) != QUOTH_OK)
		return st;
	*chk = calloc(1, sizeof(**chk));
	*ctx = calloc(1, sizeof(**ctx));
	if (!*chk || !*ctx ||
	    (n > 0 && !((*chk)->item = calloc(n, sizeof(check_item))))) {
		free(*chk ? (*chk)->item : NULL);
		free(*chk);
		free(*ctx);
		*chk = NULL;
		*ctx = NULL;
		qt_set_error(err, QUOTH_ERR_NOMEM, "out of memory");
		return QUOTH_ERR_NOMEM;
	}
	(*chk)->n = n;
	(*ctx)->s = src;
	return QUOTH_OK;
}

static quoth_status
check_done(quoth_check *chk, vctx *ctx, quoth_check **out, quoth_error *err)
{
	bool nomem = ctx->nomem || chk->pool.failed;

	vctx_free(ctx);
	if (nomem) {
		quoth_check_free(chk);
		qt_set_error(err, QUOTH_ERR_NOMEM, "out of memory");
		return QUOTH_ERR_NOMEM;
	}
	*out = chk;
	return QUOTH_OK;
}

quoth_status
quoth_verify(const quoth_extractor *ex, quoth_sources *src, const char *text,
             size_t len, const quoth_result *r, unsigned flags,
             quoth_check **out, quoth_error *err)
{
	quoth_check *chk;
	vctx *c;
	quoth_status st;
	size_t i, k, n, nv, *se = NULL, capse = 0;

	if (!src || !r || !out || (!text && len > 0)) {
		qt_set_error(err, QUOTH_ERR_ARG,
		             "quoth_verify: missing argument");
		return QUOTH_ERR_ARG;
	}
	n = quoth_result_count(r);
	/* Every span must lie inside the text given, checked up front so
	 * that a wrong text fails cleanly instead of reading out of bounds. */
	for (i = 0; i < n; i++) {
		size_t a, b;
		if (quoth_quote_span(r, i, QUOTH_SPAN_QUOTE, &a, &b) &&
		    b > len) {
			qt_set_error(err, QUOTH_ERR_ARG,
			             "quoth_verify: the result is not from "
			             "this text");
			return QUOTH_ERR_ARG;
		}
		nv = quoth_quote_nverbatim(r, i);
		for (k = 0; k < nv; k++) {
			quoth_quote_verbatim(r, i, k, &a, &b);
			if (b > len || a > b) {
				qt_set_error(err, QUOTH_ERR_ARG,
				             "quoth_verify: the result is not "
				             "from this text");
				return QUOTH_ERR_ARG;
			}
		}
	}
	if ((st = check_new(src, n, &chk, &c, err)) != QUOTH_OK)
		return st;
	c->ex = ex;
	c->text = text;
	c->len = len;
	for (i = 0; i < n && !c->nomem; i++) {
		check_item *it = &chk->item[i];
		quoth_type type = quoth_quote_type(r, i);
		size_t sl = 0, a, b;
		const char *spk = quoth_quote_str(r, i, QUOTH_FIELD_SPEAKER,
		                                  &sl);

		nv = quoth_quote_nverbatim(r, i);
		if (type == QUOTH_INDIRECT || nv == 0) {
			if (type == QUOTH_INDIRECT &&
			    !(flags & QUOTH_VERIFY_ALL)) {
				for (k = 0; k < QUOTH_CHECK_FIELD_COUNT_; k++)
					it->off[k] = QUOTH_NONE;
				it->status = QUOTH_VERIFY_INDIRECT;
				it->sim = -1.0;
				it->nparts = 0;
				continue;
			}
			if (!quoth_quote_span(r, i, QUOTH_SPAN_QUOTE, &a, &b))
				a = b = 0;
			if (!qt_grow((void **)&se, &capse, 2, sizeof(size_t))) {
				c->nomem = true;
				break;
			}
			se[0] = a;
			se[1] = b;
			nv = 1;
		} else {
			if (!size_mul(nv, 2, &k) ||
			    !qt_grow((void **)&se, &capse, k, sizeof(size_t))) {
				c->nomem = true;
				break;
			}
			for (k = 0; k < nv; k++)
				quoth_quote_verbatim(r, i, k, &se[2 * k],
				                     &se[2 * k + 1]);
		}
		check_quote(c, chk, it, se, nv, spk, sl);
	}
	free(se);
	return check_done(chk, c, out, err);
}

quoth_status
quoth_verify_quote(const quoth_extractor *ex, quoth_sources *src,
                   const char *text, size_t len, const size_t *spans, size_t n,
                   const char *speaker, size_t speaker_len, quoth_check **out,
                   quoth_error *err)
{
	quoth_check *chk;
	vctx *c;
	quoth_status st;
	size_t k;

	if (!src || !out || (!text && len > 0) || (!spans && n > 0)) {
		qt_set_error(err, QUOTH_ERR_ARG,
		             "quoth_verify_quote: missing argument");
		return QUOTH_ERR_ARG;
	}
	for (k = 0; k < n; k++)
		if (spans[2 * k] > spans[2 * k + 1] || spans[2 * k + 1] > len) {
			qt_set_error(
			        err, QUOTH_ERR_ARG,
			        "quoth_verify_quote: span outside the text");
			return QUOTH_ERR_ARG;
		}
	if ((st = check_new(src, 1, &chk, &c, err)) != QUOTH_OK)
		return st;
	c->ex = ex;
	c->text = text;
	c->len = len;
	check_quote(c, chk, &chk->item[0], spans, n, speaker,
	            speaker ? speaker_len : 0);
	return check_done(chk, c, out, err);
}

void
quoth_check_free(quoth_check *c)
{
	if (!c)
		return;
	free(c->item);
	qbuf_free(&c->pool);
	free(c);
}

size_t
quoth_check_count(const quoth_check *c)
{
	return c ? c->n : 0;
}

quoth_verify_status
quoth_check_status(const quoth_check *c, size_t i)
{
	return c && i < c->n ? c->item[i].status : QUOTH_VERIFY_MISSING;
}

const char *
quoth_verify_status_name(quoth_verify_status s)
{
	switch (s) {
	case QUOTH_VERIFY_EXACT:
		return "exact";
	case QUOTH_VERIFY_ELIDED:
		return "elided";
	case QUOTH_VERIFY_ALTERED:
		return "altered";
	case QUOTH_VERIFY_MISSING:
		return "missing";
	case QUOTH_VERIFY_INDIRECT:
		return "indirect";
	}
	return "unknown";
}

double
quoth_check_similarity(const quoth_check *c, size_t i)
{
	return c && i < c->n ? c->item[i].sim : -1.0;
}

size_t
quoth_check_part(const quoth_check *c, size_t i, size_t *nparts)
{
	if (!c || i >= c->n) {
		if (nparts)
			*nparts = 0;
		return 0;
	}
	if (nparts)
		*nparts = c->item[i].nparts;
	return c->item[i].part;
}

int
quoth_check_source(const quoth_check *c, size_t i, size_t *src, size_t *start,
                   size_t *end, size_t *line)
{
	const check_item *it;

	if (!c || i >= c->n || !c->item[i].found)
		return 0;
	it = &c->item[i];
	if (src)
		*src = it->src;
	if (start)
		*start = it->start;
	if (end)
		*end = it->end;
	if (line)
		*line = it->line;
	return 1;
}

const char *
quoth_check_str(const quoth_check *c, size_t i, quoth_check_field f,
                size_t *len)
{
	const check_item *it;

	if (len)
		*len = 0;
	if (!c || i >= c->n || (unsigned)f >= QUOTH_CHECK_FIELD_COUNT_)
		return NULL;
	it = &c->item[i];
	if (it->off[f] == QUOTH_NONE || !c->pool.ptr)
		return NULL;
	if (len)
		*len = it->len[f];
	return c->pool.ptr + it->off[f];
}

int
quoth_check_speaker_mismatch(const quoth_check *c, size_t i)
{
	return c && i < c->n && c->item[i].mismatch ? 1 : 0;
}
