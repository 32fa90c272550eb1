/*
 * html_marks.c (CLI): an article's text as HTML with highlights laid over
 * it (quotes, cues, speaker mentions, verify statuses) and labels inserted
 * at given offsets.  Reads the text and byte ranges a page collected;
 * writes HTML into a cli_buf.
 *
 * Ranges may nest or cross ("A "B" C" with a partial inside a direct
 * quote; a mixed quote's clause that starts inside another quote), but
 * HTML elements may only nest.  So the text is cut at every range's start
 * and end, and at each cut the open elements are kept as a stack: an
 * element whose range ends there is closed together with every element
 * opened after it, and those that go on are reopened at once.  The
 * result is well-formed for any set of ranges:
 *
 *     ranges  [q1: 0..10)  [q2: 4..14)
 *     HTML    <m1>0123<m2>456789</m2></m1><m2>0123</m2>
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "write_html.h"

struct html_mark {
	size_t start, end; /* end == start for an insert */
	unsigned rank;
	int insert;
	size_t seq;        /* order of adding, the last tie-break */
	size_t open, len;  /* the tag (or the insert) in pool */
	const char *close; /* static closing tag; NULL for an insert */
};

static struct html_mark *
new_mark(struct html_marks *m)
{
	struct html_mark *p;
	size_t cap;

	if (m->failed)
		return NULL;
	if (m->n == m->cap) {
		cap = m->cap ? 2 * m->cap : 32;
		p = cap > SIZE_MAX / sizeof *p
		            ? NULL
		            : realloc(m->marks, cap * sizeof *p);
		if (!p) {
			m->failed = 1;
			return NULL;
		}
		m->marks = p;
		m->cap = cap;
	}
	p = &m->marks[m->n];
	memset(p, 0, sizeof *p);
	p->seq = m->n++;
	return p;
}

void
html_marks_add(struct html_marks *m, size_t start, size_t end, unsigned rank,
               const char *open, size_t open_len, const char *close)
{
	struct html_mark *p;

	if (start >= end)
		return;
	p = new_mark(m);
	if (!p)
		return;
	p->start = start;
	p->end = end;
	p->rank = rank;
	p->open = m->pool.len;
	p->len = open_len;
	p->close = close;
	cli_buf_put(&m->pool, open, open_len);
}

void
html_marks_insert(struct html_marks *m, size_t at, const char *html, size_t len)
{
	struct html_mark *p = new_mark(m);

	if (!p)
		return;
	p->start = p->end = at;
	p->insert = 1;
	p->open = m->pool.len;
	p->len = len;
	cli_buf_put(&m->pool, html, len);
}

/* By position; at one position inserts first (a label after the quote
 * that ends there, not inside the one that starts there), then of two
 * ranges the longer (outer) one, then the lower rank. */
static int
cmp_marks(const void *a, const void *b)
{
	const struct html_mark *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->insert != y->insert)
		return x->insert ? -1 : 1;
	if (x->end != y->end)
		return x->end > y->end ? -1 : 1;
	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static void
put_tag(struct cli_buf *out, const struct html_marks *m,
        const struct html_mark *k)
{
	cli_buf_put(out, m->pool.ptr + k->open, k->len);
}

/* Close the elements of stack[from..*depth) (innermost first) and reopen
 * those that go on past `pos`. */
static void
close_from(struct cli_buf *out, const struct html_marks *m,
           struct html_mark **stack, size_t *depth, size_t from, size_t pos)
{
	size_t j, nd = from;

	for (j = *depth; j > from; j--)
		cli_buf_puts(out, stack[j - 1]->close);
	for (j = from; j < *depth; j++) {
		if (stack[j]->end > pos) {
			stack[nd++] = stack[j];
			put_tag(out, m, stack[j]);
		}
	}
	*depth = nd;
}

void
html_marks_render(struct html_marks *m, struct cli_buf *out, const char *text,
                  size_t len)
{
	struct html_mark **stack = NULL, *k;
	size_t i, j, pos = 0, next, depth = 0;

	if (m->failed || m->pool.failed) {
		out->failed = 1;
		return;
	}
	for (i = 0; i < m->n; i++) {
		k = &m->marks[i];
		if (k->end > len)
			k->end = len;
		if (k->start > k->end)
			k->start = k->end;
	}
	if (m->n)
		qsort(m->marks, m->n, sizeof *m->marks, cmp_marks);
	stack = m->n ? malloc(m->n * sizeof *stack) : NULL;
	if (m->n && !stack) {
		out->failed = 1;
		return;
	}
	i = 0;
	for (;;) {
		next = len;
		if (i < m->n && m->marks[i].start < next)
			next = m->marks[i].start;
		for (j = 0; j < depth; j++)
			if (stack[j]->end < next)
				next = stack[j]->end;
		if (next > pos) {
			cli_html_text(out, text + pos, next - pos);
			pos = next;
		}
		for (j = 0; j < depth && stack[j]->end > pos; j++)
			;
		if (j < depth)
			close_from(out, m, stack, &depth, j, pos);
		/* what starts here: inserts and ranges, in sorted order */
		for (; i < m->n && m->marks[i].start <= pos; i++) {
			k = &m->marks[i];
			if (k->insert) {
				put_tag(out, m, k);
			} else if (k->end > pos) {
				stack[depth++] = k;
				put_tag(out, m, k);
			}
		}
		if (pos >= len)
			break;
	}
	close_from(out, m, stack, &depth, 0, len);
	free(stack);
}

void
html_marks_free(struct html_marks *m)
{
	free(m->marks);
	cli_buf_free(&m->pool);
	memset(m, 0, sizeof *m);
}

void
html_doc_prefix(char out[16], const char *name, size_t name_len,
                const char *text, size_t len)
{
	uint32_t h = 2166136261u; /* FNV-1a */
	size_t i;

	for (i = 0; i < name_len; i++)
		h = (h ^ (unsigned char)name[i]) * 16777619u;
	h = (h ^ 0xFFu) * 16777619u;
	for (i = 0; i < len; i++)
		h = (h ^ (unsigned char)text[i]) * 16777619u;
	snprintf(out, 16, "d%08x", (unsigned)h);
}
