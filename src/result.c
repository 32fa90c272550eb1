/*
 * result.c: the strings of the result records, the last thing each quote
 * gets: its text, context, rule, cue and mention (from the spans the
 * stages set), and the speaker, title and gender of its entity (from
 * attribution).  Also the result's warnings and what a quote owns.
 * Reads the text, tokens, quotes and entities; writes quote strings.
 */
#include <stdlib.h>

#include "attrib_int.h"

/* Bytes of context kept on each side of a quote and its cue. */
#define CONTEXT_MARGIN 400

static bool
set_field(quote *q, quoth_field f, const char *s, size_t n)
{
	char *d = malloc(n + 1);

	if (!d)
		return false;
	memcpy(d, s, n);
	d[n] = '\0';
	free(q->str[f]);
	q->str[f] = d;
	q->str_len[f] = n;
	return true;
}

/* Quote q's speaker as written: the text of tokens [a, b).  False (and
 * c->failed) when out of memory. */
bool
qt_speaker_as_written(actx *c, quote *q, size_t a, size_t b)
{
	size_t len;
	char *str = qt_span_text(c, a, b, &len);

	if (!str) {
		c->failed = true;
		return false;
	}
	free(q->str[QUOTH_FIELD_SPEAKER]);
	q->str[QUOTH_FIELD_SPEAKER] = str;
	q->str_len[QUOTH_FIELD_SPEAKER] = len;
	return true;
}

/* Quote q's speaker string copied from quote `from`'s. */
bool
qt_copy_speaker(actx *c, quote *q, const quote *from)
{
	if (set_field(q, QUOTH_FIELD_SPEAKER, from->str[QUOTH_FIELD_SPEAKER],
	              from->str_len[QUOTH_FIELD_SPEAKER]))
		return true;
	c->failed = true;
	return false;
}

bool
qt_finish_fields(actx *c)
{
	size_t i;

	for (i = 0; i < c->r->nq; i++) {
		quote *q = &c->r->q[i];
		const entity *e = ent_at(c, q->entity);

		if (!e)
			continue;
		if (!set_field(q, QUOTH_FIELD_SPEAKER, e->name, e->name_len))
			return false;
		if (e->title &&
		    !set_field(q, QUOTH_FIELD_TITLE, e->title, strlen(e->title)))
			return false;
		if (e->gender &&
		    !set_field(q, QUOTH_FIELD_GENDER,
		               e->gender == G_MALE ? "male" : "female",
		               e->gender == G_MALE ? 4 : 6))
			return false;
	}
	return true;
}

void
result_warn(quoth_result *r, quoth_warning w, size_t offset)
{
	if (r->warn_count[w]++ == 0)
		r->warn_offset[w] = offset;
}

/* Append text[a, b) with every run of white space as one space. */
static void
put_collapsed(qbuf *b, const char *text, size_t a, size_t e)
{
	size_t i = a, run = a;
	bool space = false;

	/* trim */
	while (a < e && (text[a] == ' ' || text[a] == '\n' ||
	                 text[a] == '\r' || text[a] == '\t'))
		a++;
	while (e > a && (text[e - 1] == ' ' || text[e - 1] == '\n' ||
	                 text[e - 1] == '\r' || text[e - 1] == '\t'))
		e--;
	run = a;
	for (i = a; i < e; i++) {
		char c = text[i];
		bool ws = c == ' ' || c == '\n' || c == '\r' || c == '\t';
		if (ws && !space) {
			qbuf_put_utf8(b, text + run, i - run);
			qbuf_putc(b, ' ');
			space = true;
		} else if (!ws && space) {
			run = i;
			space = false;
		}
		if (ws)
			run = i + 1;
	}
	if (!space || run < e)
		qbuf_put_utf8(b, text + run, e - run);
}

/* Index of the token holding byte `off` (or the first after it). */
static size_t
token_at(const token_list *tl, size_t off)
{
	size_t lo = 0, hi = tl->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (tl->t[mid].end <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < tl->n ? lo : tl->n - 1;
}

static bool
set_str(quote *q, quoth_field f, qbuf *b)
{
	if (b->failed) {
		qbuf_free(b);
		return false;
	}
	q->str[f] = b->ptr ? b->ptr : calloc(1, 1);
	q->str_len[f] = b->len;
	b->ptr = NULL;
	b->len = b->cap = 0;
	return q->str[f] != NULL;
}

/* Quote text and context for every quote. */
bool
qt_fill_strings(const char *text, const token_list *tl, quoth_result *r)
{
	size_t i, k;

	for (i = 0; i < r->nq; i++) {
		quote *q = &r->q[i];
		qbuf b = {0};
		size_t lo = q->parts[0].start, hi = q->parts[q->nparts - 1].end;
		size_t ta, tb;

		for (k = 0; k < q->nparts; k++) {
			const qpart *p = &q->parts[k];
			if (k)
				qbuf_putc(&b, ' ');
			/* a quoted part gives its content without the
			 * outer marks; a reported clause is given whole */
			if (p->tok_open != QUOTH_NONE)
				put_collapsed(&b, text, p->vstart, p->vend);
			else
				put_collapsed(&b, text, p->start, p->end);
		}
		if (!set_str(q, QUOTH_FIELD_QUOTE, &b))
			return false;

		/* the cue and mention widen the context when they are
		 * near: 20,000 fragments after one "X said" must not each
		 * carry the whole sentence before them */
		if (q->cue_start != QUOTH_NONE &&
		    q->cue_start + CONTEXT_MARGIN >= lo &&
		    q->cue_end <= hi + CONTEXT_MARGIN) {
			lo = q->cue_start < lo ? q->cue_start : lo;
			hi = q->cue_end > hi ? q->cue_end : hi;
		}
		if (q->mention_start != QUOTH_NONE &&
		    q->mention_start + CONTEXT_MARGIN >= lo &&
		    q->mention_end <= hi + CONTEXT_MARGIN) {
			lo = q->mention_start < lo ? q->mention_start : lo;
			hi = q->mention_end > hi ? q->mention_end : hi;
		}
		ta = sent_first(tl, token_at(tl, lo));
		tb = sent_last(tl, token_at(tl, hi ? hi - 1 : 0));
		q->ctx_start = tl->t[ta].start;
		q->ctx_end = tl->t[tb].end;
		/* a context is the sentence(s), but not more than a window
		 * around the quote and its cue: a 300 KB sentence holding
		 * 20,000 quotes must not be copied 20,000 times */
		if (lo > CONTEXT_MARGIN && q->ctx_start < lo - CONTEXT_MARGIN)
			q->ctx_start = tl->t[token_at(tl, lo - CONTEXT_MARGIN)].start;
		if (q->ctx_end > hi + CONTEXT_MARGIN)
			q->ctx_end = tl->t[token_at(tl, hi + CONTEXT_MARGIN)].end;
		if (q->ctx_start > lo)
			q->ctx_start = lo;
		if (q->ctx_end < hi)
			q->ctx_end = hi;
		put_collapsed(&b, text, q->ctx_start, q->ctx_end);
		if (!set_str(q, QUOTH_FIELD_CONTEXT, &b))
			return false;
		if (!q->rule)
			q->rule = "none";
		qbuf_puts(&b, q->rule);
		if (!set_str(q, QUOTH_FIELD_RULE, &b))
			return false;
		if (q->cue_start != QUOTH_NONE) {
			put_collapsed(&b, text, q->cue_start, q->cue_end);
			if (!set_str(q, QUOTH_FIELD_CUE, &b))
				return false;
		}
		if (q->mention_start != QUOTH_NONE) {
			put_collapsed(&b, text, q->mention_start,
			              q->mention_end);
			if (!set_str(q, QUOTH_FIELD_MENTION, &b))
				return false;
		}
	}
	return true;
}

void
quote_clear(quote *q)
{
	int f;

	free(q->parts);
	free(q->verb);
	for (f = 0; f < QUOTH_FIELD_COUNT_; f++)
		free(q->str[f]);
}
