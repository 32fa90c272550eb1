/*
 * window.c: quoth_extract_each(), a long document a window of whole
 * paragraphs at a time, so that memory follows the window, not the
 * document.
 *
 * One look at the whole text first: does it hold a blank line (SPEC: a
 * document without one has one paragraph per line)?  Then windows.  The
 * core of a window, [core, next), is what it reports: the quotes that
 * start there.  Around it the pipeline also reads a lead (at least
 * MARGIN bytes and LEAD_PARAS paragraphs before the core) and a tail
 * (MARGIN bytes and TAIL_PARAS paragraphs after it), so that a quote near
 * the edge finds what it would find in the whole document: the earlier
 * quote a continuation takes its speaker from, the person a pronoun
 * stands for, the cue in the next paragraph.  Mentions further away than
 * that cannot reach across (the entity table is the window's): on news,
 * where an article is a few kilobytes, that changes nothing.
 *
 * Where a core ends is decided once the quote finder has run on its
 * window, before attribution (the costly half): at the first paragraph
 * break past the window size that no quote of the window runs over (a
 * multi-paragraph quote is never cut).  A quote over the break moves it
 * past the quote and the tokens and quotes are found again; attribution
 * runs once, unless it widens a quote over the break (then the window
 * runs again).  When every break in reach is inside a quote, the window
 * is processed again twice as large.
 *
 * Paragraph and line numbers are counted on: the paragraph of the first
 * token after the next lead, and the line of its offset, in this window's
 * tokens and line map.  Every window starts at a line break, so its
 * lines are whole lines and columns count as in the whole document.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "window.h"

#define DEFAULT_WINDOW ((size_t)1 << 20)
#define MARGIN ((size_t)32 << 10)
#define LEAD_PARAS 4
#define TAIL_PARAS 2
#define MAX_MARKS 32768
/* (threads) windows in a row that started where predicted before the
 * windows after a miss are worked ahead again */
#define STREAK 4
/* quotes handed over per call of the caller's handler (deliver()) */
#define HAND_OVER 1024

/* The window size: QUOTH_WINDOW_BYTES (tests set it small), else 1 MiB. */
static size_t
window_bytes(void)
{
	const char *s = getenv("QUOTH_WINDOW_BYTES");
	char *end;
	unsigned long long v;

	if (!s || !*s)
		return DEFAULT_WINDOW;
	v = strtoull(s, &end, 10);
	if (*end || v == 0)
		return DEFAULT_WINDOW;
	return (size_t)v;
}

static bool
is_blank_char(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

/* Is the '\n' at i a paragraph break: any line break in a document
 * without blank lines, else the first of two with only blanks between? */
static bool
is_cut(const char *t, size_t len, size_t i, bool blank)
{
	size_t j;

	if (!blank)
		return true;
	for (j = i + 1; j < len; j++) {
		if (t[j] == '\n')
			return true;
		if (!is_blank_char(t[j]))
			return false;
	}
	return false;
}

/* Is the space at i between two sentences: after . ? or ! and before a
 * capital letter or an opening quote mark (" \u201c \u00ab)? */
static bool
is_sentence(const char *t, size_t len, size_t i)
{
	unsigned char n;

	if (i == 0 || i + 3 >= len || t[i] != ' ')
		return false;
	if (t[i - 1] != '.' && t[i - 1] != '?' && t[i - 1] != '!')
		return false;
	n = (unsigned char)t[i + 1];
	return (n >= 'A' && n <= 'Z') || n == '"' ||
	       (n == 0xe2 && (unsigned char)t[i + 2] == 0x80 &&
	        (unsigned char)t[i + 3] == 0x9c) ||
	       (n == 0xc2 && (unsigned char)t[i + 2] == 0xab);
}

/* The first break at or after `from`: a paragraph break, or in a
 * paragraph longer than `reach` a space between sentences at least
 * that far on; QUOTH_NONE when there is none. */
static size_t
next_break(const char *t, size_t len, size_t from, bool blank, size_t reach)
{
	size_t i, lim = len - from > reach ? from + reach : len;
	const char *p;

	for (i = from; i < lim; i++) {
		p = memchr(t + i, '\n', lim - i);
		if (!p)
			break;
		i = (size_t)(p - t);
		if (is_cut(t, len, i, blank))
			return i;
	}
	for (i = lim; i < len; i++)
		if ((t[i] == '\n' && is_cut(t, len, i, blank)) ||
		    is_sentence(t, len, i))
			return i;
	return QUOTH_NONE;
}

/* The first offset after the white space at `from`. */
static size_t
skip_space(const char *t, size_t len, size_t from)
{
	while (from < len && (t[from] == '\n' || is_blank_char(t[from])))
		from++;
	return from;
}

/* The last break before `from` and after `floor`, as next_break() finds
 * them (a paragraph break at the first line break of its run), or
 * QUOTH_NONE. */
static size_t
prev_break(const char *t, size_t len, size_t from, size_t floor, bool blank,
           size_t reach)
{
	size_t i = from;

	while (i > floor) {
		i--;
		if (from - i >= reach && is_sentence(t, len, i))
			return i;
		if (t[i] != '\n' || !is_cut(t, len, i, blank))
			continue;
		while (i > floor &&
		       (t[i - 1] == '\n' || is_blank_char(t[i - 1])))
			i--;
		/* the run's first line break */
		while (t[i] != '\n')
			i++;
		return i;
	}
	return QUOTH_NONE;
}

/* Where the lead of the core starting at `core` starts (not before
 * `floor`). */
static size_t
lead_start(const char *t, size_t len, size_t core, size_t floor, bool blank,
           size_t margin)
{
	size_t c = core, n = 0;

	while (c > floor) {
		c = prev_break(t, len, c, floor, blank, margin / 4);
		if (c == QUOTH_NONE)
			return floor;
		if (++n >= LEAD_PARAS && core - c >= margin)
			return c;
	}
	return floor;
}

/* Where the tail after the break `cut` ends. */
static size_t
tail_end(const char *t, size_t len, size_t cut, bool blank, size_t margin)
{
	size_t c = cut, n = 0;

	for (;;) {
		c = next_break(t, len, skip_space(t, len, c), blank,
		               margin / 4);
		if (c == QUOTH_NONE)
			return len;
		if (++n >= TAIL_PARAS && c - cut >= margin)
			return c;
	}
}

/* The first curly double quote (e2 80 9c, e2 80 9d) whose 0x80 is in
 * [from, stop) of t[0..len): the offset of that 0x80, or stop.  (memchr()
 * finds each 0xe2, a few in a thousand bytes of news: \u2019 and the
 * dashes share it.) */
static size_t
next_curly(const char *t, size_t len, size_t from, size_t stop)
{
	const char *p;
	size_t i = from > 0 ? from - 1 : 0;

	while (i + 1 < stop && (p = memchr(t + i, 0xe2, stop - 1 - i))) {
		i = (size_t)(p - t) + 1;
		if (i >= from && (unsigned char)t[i] == 0x80 && i + 1 < len &&
		    ((unsigned char)t[i + 1] == 0x9c ||
		     (unsigned char)t[i + 1] == 0x9d))
			return i;
	}
	return stop;
}

/* The first '"' in [from, stop) of t, or stop. */
static size_t
next_straight(const char *t, size_t from, size_t stop)
{
	const char *p = from < stop ? memchr(t + from, '"', stop - from) : NULL;

	return p ? (size_t)(p - t) : stop;
}

/* Where to look for the core's end: `size` bytes on, or sooner where
 * MAX_MARKS quote marks (" \u201c \u201d) make for dense quotes.  (The
 * marks of each kind found with memchr(), taken in text order: a byte
 * loop cost three instructions a byte, callgrind.) */
static size_t
target(const char *t, size_t len, size_t core, size_t size)
{
	size_t end = len - core > size ? core + size : len, marks = 0, m;
	/* a window grown past a quote (run_window()) allows more marks */
	size_t most = size > DEFAULT_WINDOW
	                      ? MAX_MARKS * (size / DEFAULT_WINDOW)
	                      : MAX_MARKS;
	size_t q = next_straight(t, core, end),
	       c = next_curly(t, len, core, end);

	while (q < end || c < end) {
		if (q < c) {
			m = q;
			q = next_straight(t, q + 1, end);
		} else {
			m = c;
			c = next_curly(t, len, c + 1, end);
		}
		if (++marks == most)
			return m;
	}
	return end;
}

/* The end of the last of r's quotes that runs over window offset `w`,
 * or 0 when none does. */
static size_t
spanned(const quoth_result *r, size_t w)
{
	size_t i, past = 0, end;

	for (i = 0; i < r->nq && r->q[i].parts[0].start < w; i++) {
		const quote *q = &r->q[i];
		end = q->parts[q->nparts - 1].end;
		if (end > w && end > past)
			past = end;
	}
	return past;
}

/* The start of the first of r's quotes that runs over window offset
 * `w`, or QUOTH_NONE. */
static size_t
quote_over(const quoth_result *r, size_t w)
{
	size_t i;

	for (i = 0; i < r->nq && r->q[i].parts[0].start < w; i++) {
		const quote *q = &r->q[i];
		if (q->parts[q->nparts - 1].end > w)
			return q->parts[0].start;
	}
	return QUOTH_NONE;
}

/* Paragraph index, in the window's tokens, of the first token at or
 * after window offset w. */
static size_t
para_at(const token_list *tl, size_t w)
{
	size_t lo = 0, hi = tl->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (tl->t[mid].start < w)
			lo = mid + 1;
		else
			hi = mid;
	}
	while (lo < tl->n &&
	       (tl->t[lo].kind == TK_PARA || tl->t[lo].kind == TK_NEWLINE))
		lo++;
	return lo < tl->n ? tl->t[lo].para : tl->nparas;
}

static void
shift(size_t *v, size_t by)
{
	if (*v != QUOTH_NONE)
		*v += by;
}

/* Window offsets, paragraphs and lines to the document's. */
static void
shift_quotes(quoth_result *r, size_t off, size_t para, size_t line)
{
	size_t i, k;

	for (i = 0; i < r->nq; i++) {
		quote *q = &r->q[i];
		for (k = 0; k < q->nparts; k++) {
			q->parts[k].start += off;
			q->parts[k].end += off;
			q->parts[k].vstart += off;
			q->parts[k].vend += off;
		}
		for (k = 0; k < 2 * q->nverb; k++)
			q->verb[k] += off;
		shift(&q->mention_start, off);
		shift(&q->mention_end, off);
		shift(&q->cue_start, off);
		shift(&q->cue_end, off);
		shift(&q->ctx_start, off);
		shift(&q->ctx_end, off);
		q->para += para;
		q->line += line;
	}
	r->off_base = off;
	r->line_base = line;
}

/* The document, the same for every window. */
struct doc {
	const quoth_extractor *ex;
	const char *text;
	size_t len, skip;
	bool blank;
	size_t size, margin;
};

/* One window: where it starts (in), what it found (out). */
struct win {
	size_t lead, core;   /* its lead and core start */
	quoth_result *r;     /* the core's quotes, window offsets */
	size_t next;         /* its core's end: the next core's start */
	size_t next_lead;    /* the next window's lead */
	size_t paras, lines; /* from lead to next_lead */
	int failed;          /* out of memory */
	int state;           /* (threads) 0 queued, 1 taken, 2 done */
	bool has_pred;       /* (threads) predict() gave the window after */
	size_t pred_lead, pred_core; /* (threads) its lead and core */
};

/* The end of the last of the quotes of r, in any order, that runs over
 * window offset `w`, or 0 when none does (before attribution sorts
 * them). */
static size_t
spanned_any(const quoth_result *r, size_t w)
{
	size_t i, past = 0, end;

	for (i = 0; i < r->nq; i++) {
		const quote *q = &r->q[i];
		end = q->parts[q->nparts - 1].end;
		if (q->parts[0].start < w && end > w && end > past)
			past = end;
	}
	return past;
}

/* A new result for window j, empty; NULL when out of memory. */
static quoth_result *
fresh(struct win *j)
{
	quoth_result *r = calloc(1, sizeof *r);

	j->r = r;
	if (r)
		r->keep_warn_at = true;
	return r;
}

/* Process window j of d: its quotes into j->r, where the next starts. */
static void
run_window(const struct doc *d, struct win *j)
{
	quoth_result *r;
	token_list tl;
	size_t size = d->size, cut, end, past, l, tries = 0;
	size_t from = target(d->text, d->len, j->core, size);

	memset(&tl, 0, sizeof tl);
	j->failed = 1;
	if (!(r = fresh(j)))
		return;
	for (;;) {
		cut = from < d->len ? next_break(d->text, d->len, from,
		                                 d->blank, d->margin / 4)
		                    : QUOTH_NONE;
		end = cut == QUOTH_NONE ? d->len
		                        : tail_end(d->text, d->len, cut,
		                                   d->blank, d->margin);
		if (!qt_extract_quotes(d->ex, d->text + j->lead, end - j->lead,
		                       j->lead ? 0 : d->skip, d->blank, &tl,
		                       r) ||
		    r->failed)
			goto done;
		/* the quote finder's quotes choose the break: attribution
		 * runs once, on the window that keeps every quote whole */
		past = end == d->len ? 0 : spanned_any(r, cut - j->lead);
		if (!past) {
			if (!qt_extract_attribute(d->ex, d->text + j->lead, &tl,
			                          r) ||
			    r->failed)
				goto done;
			if (end == d->len) {
				j->next = end;
				break;
			}
			/* (attribution may widen a quote: mixed, joined) */
			past = spanned(r, cut - j->lead);
			if (!past) {
				j->next = cut;
				break;
			}
		}
		/* a quote runs over the break: end after that quote */
		qt_token_list_free(&tl);
		quoth_result_free(r);
		if (!(r = fresh(j)))
			return;
		/* just past it; but twice the window (and never less than
		 * past the quote) when it runs to the window's end, or when
		 * quote after quote runs over the breaks */
		from = j->lead + past;
		if (from >= end || ++tries > 4) {
			size *= 2;
			past = target(d->text, d->len, j->core, size);
			if (past > from)
				from = past;
		}
	}
	/* where the next window's lead starts (outside every quote, as its
	 * quote marks would pair otherwise), and its paragraph and line */
	j->next_lead = j->next == d->len
	                       ? d->len
	                       : lead_start(d->text, d->len, j->next, j->lead,
	                                    d->blank, d->margin);
	while (j->next_lead > j->lead && j->next_lead < d->len &&
	       (past = quote_over(r, j->next_lead - j->lead)) != QUOTH_NONE) {
		past = prev_break(d->text, d->len, j->lead + past, j->lead,
		                  d->blank, d->margin / 4);
		j->next_lead = past == QUOTH_NONE ? j->lead : past;
	}
	j->paras = j->lines = 0;
	if (j->next_lead < d->len && j->next_lead > j->lead) {
		j->paras = para_at(&tl, j->next_lead - j->lead);
		qt_line_map_locate(&r->lines, NULL, r->len,
		                   j->next_lead - j->lead, &l, NULL);
		j->lines = l - 1;
	}
	if (qt_extract_finish(d->ex, d->text + j->lead, &tl, r,
	                      j->core - j->lead, j->next - j->lead) &&
	    !r->failed)
		j->failed = 0;
done:
	r->text = NULL;
	qt_token_list_free(&tl);
}

/* Where the windows are handed over. */
struct walk {
	const struct doc *d;
	size_t para, line; /* paragraphs and lines before the lead */
	size_t emitted;    /* quotes handed over */
	quoth_result *sum; /* the document's warnings */
	quoth_window_fn fn;
	void *arg;
};

/* The column of byte `off` in code points (the window may start in the
 * middle of its line). */
static size_t
column(const char *t, size_t len, size_t off)
{
	size_t i = off, col = 0;
	line_map one;

	while (i > 0 && t[i - 1] != '\n' && !(t[i - 1] == '\r' && t[i] != '\n'))
		i--;
	one.starts = &i;
	one.n = 1;
	qt_line_map_locate(&one, t, len, off, NULL, &col);
	return col;
}

/* How many of r's warnings of kind k lie in [lo, hi), and the first at
 * *off; 0 when none does. */
static size_t
core_warnings(const quoth_result *r, size_t k, size_t lo, size_t hi,
              size_t *off, size_t *cnt)
{
	size_t i, n = 0;

	*off = QUOTH_NONE;
	for (i = 0; i < r->warn_count[k]; i++) {
		size_t at = r->warn_at[k][i];

		if (at < lo || at >= hi)
			continue;
		if (n++ == 0 || at < *off)
			*off = at;
	}
	*cnt = n;
	return n;
}

/* Add window j's warnings about its core to the sum. */
static void
add_warnings(struct walk *w, const struct win *j)
{
	const struct doc *d = w->d;
	const quoth_result *r = j->r;
	size_t k, off, cnt, l;

	for (k = 0; k < QUOTH_WARN_COUNT_; k++) {
		if (!r->warn_count[k])
			continue;
		off = r->warn_offset[k] + j->lead;
		cnt = r->warn_count[k];
		if (k == QUOTH_WARN_UTF8) {
			/* the tokens counted the lead and tail too */
			off = qt_text_first_invalid(d->text + j->core,
			                            j->next - j->core, &cnt);
			if (off == QUOTH_NONE)
				continue;
			off += j->core;
		} else if (!core_warnings(r, k, j->core - j->lead,
		                          j->next - j->lead, &off, &cnt)) {
			continue;
		} else {
			off += j->lead;
		}
		if (w->sum->warn_count[k] == 0) {
			w->sum->warn_offset[k] = off;
			qt_line_map_locate(&r->lines, d->text + j->lead, r->len,
			                   off - j->lead, &l, NULL);
			w->sum->warn_line[k] = l + w->line;
			w->sum->warn_column[k] = column(d->text, d->len, off);
		}
		w->sum->warn_count[k] += cnt;
	}
}

/* Hand r's quotes to the caller HAND_OVER at a time, so that what the
 * caller makes of them (a million one-line quotes make 400 MB of JSON)
 * can go out before the next are rendered: its buffer follows
 * HAND_OVER, not the window.  0 to go on, -2 stopped by the caller. */
static int
hand_over(struct walk *w, quoth_result *r)
{
	quote *all = r->q;
	size_t n = r->nq, k = 0, m;
	int rc = 0;

	/* (once with none when the window has none, as before) */
	do {
		m = n - k < HAND_OVER ? n - k : HAND_OVER;
		r->q = all + k;
		r->nq = m;
		if (w->fn(w->arg, r, w->emitted + k) != 0)
			rc = -2;
		k += m;
	} while (rc == 0 && k < n);
	r->q = all;
	r->nq = n;
	return rc;
}

/* Hand window j's quotes over, with document offsets; free them.  0 to
 * go on, -1 out of memory, -2 stopped by the caller. */
static int
deliver(struct walk *w, struct win *j)
{
	int rc = 0;

	if (j->failed) {
		rc = -1;
	} else {
		add_warnings(w, j);
		shift_quotes(j->r, j->lead, w->para, w->line);
		memset(j->r->warn_count, 0, sizeof j->r->warn_count);
		rc = hand_over(w, j->r);
		w->emitted += j->r->nq;
		w->para += j->paras;
		w->line += j->lines;
	}
	quoth_result_free(j->r);
	j->r = NULL;
	return rc;
}

/* The windows one after another. */
static int
walk_serial(struct walk *w)
{
	struct win j;
	int rc;

	memset(&j, 0, sizeof j);
	for (;;) {
		run_window(w->d, &j);
		if ((rc = deliver(w, &j)) != 0 || j.next == w->d->len)
			return rc;
		j.lead = j.next_lead;
		j.core = j.next;
	}
}

/* The window after j if no quote runs over its first break (the
 * schedule the threads work ahead on); false when j is the last. */
static bool
predict(const struct doc *d, const struct win *j, struct win *n)
{
	size_t from = target(d->text, d->len, j->core, d->size), cut;

	cut = from < d->len ? next_break(d->text, d->len, from, d->blank,
	                                 d->margin / 4)
	                    : QUOTH_NONE;
	if (cut == QUOTH_NONE ||
	    tail_end(d->text, d->len, cut, d->blank, d->margin) == d->len)
		return false;
	memset(n, 0, sizeof *n);
	n->core = cut;
	n->lead = lead_start(d->text, d->len, cut, j->lead, d->blank,
	                     d->margin);
	return true;
}

/* Windows on threads: the predicted ones ahead, handed over in order. */
struct pool {
	const struct doc *d;
	struct win *ring;
	size_t cap;
	size_t head, tail; /* windows [head, tail) in flight */
	size_t ahead;      /* how many may be: cap, 1 after a miss */
	size_t streak;     /* windows where predicted since the last miss */
	size_t taken;      /* the next one for a worker */
	int stop;
	pthread_mutex_t mu;
	pthread_cond_t work, done;
};

static void *
pool_worker(void *arg)
{
	struct pool *p = arg;
	struct win *j;

	pthread_mutex_lock(&p->mu);
	for (;;) {
		while (p->taken == p->tail && !p->stop)
			pthread_cond_wait(&p->work, &p->mu);
		if (p->taken == p->tail)
			break;
		j = &p->ring[p->taken++ % p->cap];
		pthread_mutex_unlock(&p->mu);
		run_window(p->d, j);
		pthread_mutex_lock(&p->mu);
		j->state = 2;
		pthread_cond_broadcast(&p->done);
	}
	pthread_mutex_unlock(&p->mu);
	return NULL;
}

/* The windows of p, delivered in order: each is a pure function of where
 * it starts, so one that starts where the one before really ended is the
 * window walk_serial() would have made; the others are dropped and the
 * schedule starts again from there.  Returns as deliver() does. */
static int
pool_run(struct walk *w, struct pool *p)
{
	struct win next, *j;
	size_t lead = 0, core = 0;
	bool more = true;
	int rc = 0;

	memset(&next, 0, sizeof next);
	pthread_mutex_lock(&p->mu);
	for (;;) {
		while (more && p->tail - p->head < p->ahead) {
			j = &p->ring[p->tail++ % p->cap];
			*j = next;
			more = predict(w->d, j, &next);
			j->has_pred = more;
			j->pred_lead = next.lead;
			j->pred_core = next.core;
			pthread_cond_signal(&p->work);
		}
		if (p->head == p->tail)
			break;
		j = &p->ring[p->head % p->cap];
		while (j->state != 2)
			pthread_cond_wait(&p->done, &p->mu);
		pthread_mutex_unlock(&p->mu);
		if (rc == 0 && j->lead == lead && j->core == core) {
			bool last = j->next >= w->d->len;
			lead = j->next_lead;
			core = j->next;
			rc = deliver(w, j);
			/* one window more ahead after each delivered after
			 * STREAK in a row where they were predicted, back to
			 * one after a miss (below) */
			if (++p->streak >= STREAK && p->ahead < p->cap)
				p->ahead++;
			if (rc != 0 || last) {
				more = false;
			} else if (!j->has_pred || j->pred_core != core ||
			           j->pred_lead != lead) {
				/* a quote moved the break: start again, one
				 * window at a time until one is where it
				 * was predicted (in a long paragraph full
				 * of quotes, none is: the windows worked
				 * ahead would all be dropped) */
				p->ahead = 1;
				p->streak = 0;
				memset(&next, 0, sizeof next);
				next.lead = lead;
				next.core = core;
				more = true;
			}
		} else {
			quoth_result_free(j->r);
			j->r = NULL;
		}
		pthread_mutex_lock(&p->mu);
		p->head++;
	}
	pthread_mutex_unlock(&p->mu);
	return rc;
}

static int
walk_threads(struct walk *w, unsigned n)
{
	struct pool p;
	pthread_t *th;
	unsigned i, started = 0;
	int rc;

	memset(&p, 0, sizeof p);
	p.d = w->d;
	p.cap = 2 * (size_t)n;
	p.ahead = p.cap;
	p.ring = calloc(p.cap, sizeof *p.ring);
	th = calloc(n, sizeof *th);
	if (!p.ring || !th) {
		free(p.ring);
		free(th);
		return walk_serial(w);
	}
	pthread_mutex_init(&p.mu, NULL);
	pthread_cond_init(&p.work, NULL);
	pthread_cond_init(&p.done, NULL);
	for (i = 0; i < n; i++)
		if (pthread_create(&th[started], NULL, pool_worker, &p) == 0)
			started++;
	rc = started ? pool_run(w, &p) : walk_serial(w);
	pthread_mutex_lock(&p.mu);
	p.stop = 1;
	pthread_cond_broadcast(&p.work);
	pthread_mutex_unlock(&p.mu);
	for (i = 0; i < started; i++)
		pthread_join(th[i], NULL);
	pthread_cond_destroy(&p.done);
	pthread_cond_destroy(&p.work);
	pthread_mutex_destroy(&p.mu);
	free(p.ring);
	free(th);
	return rc;
}

/* A document of one window: quoth_extract(), the quotes handed over, the
 * result kept for its warnings. */
static quoth_status
whole(const quoth_extractor *ex, const char *text, size_t len,
      quoth_window_fn fn, void *arg, quoth_result **out, quoth_error *err)
{
	quoth_result *r = NULL;
	quoth_status st = quoth_extract(ex, text, len, &r, err);
	size_t i;

	if (st != QUOTH_OK)
		return st;
	if (fn(arg, r, 0) != 0) {
		quoth_result_free(r);
		return qt_extract_error(err, QUOTH_ERR_IO, 0, "stopped");
	}
	for (i = 0; i < r->nq; i++)
		qt_quote_clear(&r->q[i]);
	r->nq = 0;
	*out = r;
	return QUOTH_OK;
}

quoth_status
quoth_extract_each(const quoth_extractor *ex, const char *text, size_t len,
                   quoth_window_fn fn, void *arg, quoth_result **out,
                   quoth_error *err)
{
	struct walk w;
	struct doc d;
	size_t size = window_bytes();
	quoth_status st;
	int rc;

	if (!ex || !out || !fn || (!text && len))
		return qt_extract_error(err, QUOTH_ERR_ARG, 0,
		                        "invalid argument");
	memset(&w, 0, sizeof w);
	memset(&d, 0, sizeof d);
	if (len <= size || !text)
		return whole(ex, text, len, fn, arg, out, err);
	if ((st = qt_extract_check(ex, text, len, err)) != QUOTH_OK)
		return st;
	d.ex = ex;
	d.text = text;
	d.len = len;
	d.size = size;
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
		d.skip = 3;
	d.blank = qt_has_blank_line(text, len, d.skip);
	d.margin = size < MARGIN ? size : MARGIN;
	w.d = &d;
	w.fn = fn;
	w.arg = arg;
	w.sum = calloc(1, sizeof *w.sum);
	if (!w.sum)
		return qt_extract_error(err, QUOTH_ERR_NOMEM, 0,
		                        "out of memory");
	rc = ex->opt.threads > 1 ? walk_threads(&w, ex->opt.threads)
	                         : walk_serial(&w);
	if (rc < 0) {
		quoth_result_free(w.sum);
		return rc == -2 ? qt_extract_error(err, QUOTH_ERR_IO, 0,
		                                   "stopped")
		                : qt_extract_error(err, QUOTH_ERR_NOMEM, 0,
		                                   "out of memory");
	}
	*out = w.sum;
	return QUOTH_OK;
}
