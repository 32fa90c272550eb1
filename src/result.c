/*
 * result.c: the strings of the result records, the last thing each quote
 * gets: its text, context, rule, cue and mention (from the spans the
 * stages set), and the speaker, title, gender, gender source and kind
 * of its speaker (from attribution).  Also the result's warnings and what a quote owns.
 * Reads the text, tokens, quotes and entities; writes quote strings.
 */
#include <stdint.h>
#include <stdlib.h>

#include "attrib_int.h"
#include "kind.h"

/* Bytes of context kept on each side of a quote and its cue. */
#define CONTEXT_MARGIN 400

/* The string store's blocks grow from STORE_MIN to STORE_MAX bytes; a
 * string longer than a quarter of STORE_MAX gets a block of its own. */
#define STORE_MIN 4096
#define STORE_MAX ((size_t)1 << 20)

struct qt_strblock {
	struct qt_strblock *next;
	size_t used, cap;
	char data[];
};

/* A block for n bytes after `after` in r's chain (at its head when
 * after is NULL), of cap bytes; NULL when out of memory. */
static struct qt_strblock *
new_block(quoth_result *r, struct qt_strblock *after, size_t n, size_t cap)
{
	struct qt_strblock *b;

	if (cap > SIZE_MAX - sizeof *b || !(b = malloc(sizeof *b + cap)))
		return NULL;
	b->used = n;
	b->cap = cap;
	b->next = after ? after->next : r->store;
	if (after)
		after->next = b;
	else
		r->store = b;
	return b;
}

/* n bytes of r's string store, freed with r; NULL when out of memory. */
static char *
store_alloc(quoth_result *r, size_t n)
{
	struct qt_strblock *b = r->store;
	size_t cap;

	if (b && b->cap - b->used >= n) {
		b->used += n;
		return b->data + b->used - n;
	}
	/* (behind the block in use, which keeps its room) */
	if (n > STORE_MAX / 4) {
		b = new_block(r, b, n, n);
		return b ? b->data : NULL;
	}
	cap = b ? 2 * b->cap : STORE_MIN;
	if (cap > STORE_MAX)
		cap = STORE_MAX;
	if (cap < n)
		cap = n;
	b = new_block(r, NULL, n, cap);
	return b ? b->data : NULL;
}

void
qt_store_free(quoth_result *r)
{
	struct qt_strblock *b, *next;

	for (b = r->store; b; b = next) {
		next = b->next;
		free(b);
	}
	r->store = NULL;
}

/* Field f of quote q set to a copy of s[0..n) in r's store (after
 * attribution: no stage replaces it then); false when out of memory. */
static bool
store_field(quoth_result *r, quote *q, quoth_field f, const char *s, size_t n)
{
	char *d = n < SIZE_MAX ? store_alloc(r, n + 1) : NULL;

	if (!d)
		return false;
	memcpy(d, s, n);
	d[n] = '\0';
	if (!(q->stored & (1u << f)))
		free(q->str[f]);
	q->str[f] = d;
	q->str_len[f] = n;
	q->stored |= 1u << f;
	return true;
}

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

/*
 * What the speaker written as tokens [a, b) of quote q is (QK_*), by its
 * head word (the last) and the kind of its mention: a document noun in
 * lowercase ("a statement", "the company's report"), a place ("Beijing",
 * "the United States"), an organisation (an organisation word or name:
 * "the Kremlin", "Acme Corp", "Trudeau's office", or "the" and a name),
 * a description (a role or a lowercase noun: "a senior official", "one
 * resident", "the protesters", "an expert cited in the report", "People
 * familiar with the talks"), a name
 * the article shows nothing more of (unknown).
 */
static int
written_kind(const actx *c, const quote *q, size_t a, size_t b)
{
	int sk = qa_of(c, q)->sp_kind;
	size_t a0 = a, h = b - 1, k, h2;
	bool cap, title;

	if (a >= b || b > c->n)
		return QK_UNKNOWN;
	while (h > a && !is_w(&c->t[h]))
		h--;
	if (a0 + 1 < b &&
	    (wordeq(c, a0, "the") || wordeq(c, a0, "a") || wordeq(c, a0, "an")))
		a0++;
	/* "an expert cited in the report": the head is the role before a
	 * preposition, not the noun after it */
	for (k = a0; k < h; k++)
		if (qt_is_prep(c, k))
			break;
	if (k < h)
		for (h2 = k; h2-- > a0;) {
			int tv = is_w(&c->t[h2])
			                 ? qt_lex(c, LEX_TITLES, h2, h2 + 1)
			                 : -1;
			/* (a capital only where a sentence opens, and on a
			 * plural: "People familiar with the talks", "Sources
			 * close to the family", not "Mayor of London Ada
			 * Finch") */
			if (tv >= 0 &&
			    (!(c->t[h2].flags & TF_CAP) ||
			     ((tv & TITLE_GROUP) &&
			      (h2 == 0 || c->t[h2 - 1].sent != c->t[h2].sent ||
			       is_break_tok(&c->t[h2 - 1])))))
				return QK_DESC;
		}
	/* "the Leafs in a statement", "Ada Finch of the council": a name
	 * (capitalised words only, not one that merely opens the sentence:
	 * "Some in the crowd") before the preposition is the head, not the
	 * noun after it */
	for (h2 = a0; h2 < k && is_w(&c->t[h2]) && (c->t[h2].flags & TF_CAP);
	     h2++)
		;
	if (k < h && k > a0 && h2 == k && qt_lex(c, LEX_TITLES, k - 1, k) < 0 &&
	    (k > a0 + 1 || a0 > a ||
	     !(a0 == 0 || c->t[a0 - 1].sent != c->t[a0].sent ||
	       is_break_tok(&c->t[a0 - 1])))) {
		if (qt_lex(c, LEX_PLACES, a0, k) >= 0)
			return QK_PLACE;
		return qt_lex(c, LEX_ORGS, k - 1, k) >= 0 ||
		                       qt_lex(c, LEX_ORGS, a0, k) >= 0 ||
		                       wordeq(c, a, "the")
		               ? QK_ORG
		               : QK_UNKNOWN;
	}
	cap = (c->t[h].flags & TF_CAP) != 0;
	title = qt_lex(c, LEX_TITLES, h, h + 1) >= 0;
	/* (not "the commission", "the magazine": an organisation noun
	 * too) */
	if (!cap && !title && qt_lex(c, LEX_DOCS, h, h + 1) >= 0 &&
	    qt_lex(c, LEX_ORGNOUNS, h, h + 1) < 0)
		return QK_DOC;
	if ((c->t[a0].flags & TF_CAP) && qt_lex(c, LEX_PLACES, a0, b) >= 0)
		return QK_PLACE;
	if (!title && (sk == SK_ORG || qt_lex(c, LEX_ORGS, h, h + 1) >= 0 ||
	               qt_lex(c, LEX_ORGS, a0, b) >= 0))
		return QK_ORG;
	if (sk == SK_ROLE || title || !cap)
		return QK_DESC;
	if (wordeq(c, a, "the"))
		return QK_ORG;
	return QK_UNKNOWN;
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
	q->kind = written_kind(c, q, a, b);
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
	              from->str_len[QUOTH_FIELD_SPEAKER])) {
		q->kind = from->kind;
		return true;
	}
	c->failed = true;
	return false;
}

static const char *const kind_names[] = {
        [QK_PERSON] = "person",    [QK_ORG] = "organisation",
        [QK_PLACE] = "place",      [QK_DOC] = "document",
        [QK_DESC] = "description", [QK_UNKNOWN] = "unknown",
};

/* Field f of quote q: the static string s (the fields no one else
 * writes, which qt_quote_clear() does not free: kind, gender, gender
 * source), so that no quote allocates them. */
static void
set_static(quote *q, quoth_field f, const char *s)
{
	q->str[f] = (char *)s;
	q->str_len[f] = strlen(s);
}

/* Quote q's kind string, when it has a speaker. */
static void
set_kind(quote *q, int kind)
{
	if (kind > QK_NONE && kind <= QK_UNKNOWN)
		set_static(q, QUOTH_FIELD_KIND, kind_names[kind]);
}

/* Quote q's gender and its source: the article's own evidence (the
 * entity's), else, with --gender-from-names, a person's first name. */
static void
set_gender(const actx *c, quote *q, const entity *e, int kind)
{
	int g = e->gender;
	const char *src = "article";

	if (!g && kind == QK_PERSON && c->ld->gender_from_names) {
		g = name_gender(c, e->name, e->name_len);
		src = "name";
	}
	if (g) {
		set_static(q, QUOTH_FIELD_GENDER,
		           g == G_MALE ? "male" : "female");
		set_static(q, QUOTH_FIELD_GENDER_SOURCE, src);
	}
}

bool
qt_finish_fields(actx *c)
{
	/* each entity's kind, plus one, once asked (50,000 quotes of one
	 * speaker ask 50,000 times) */
	unsigned char *kinds = calloc(c->ents.len ? c->ents.len : 1, 1);
	bool ok = kinds != NULL;
	size_t i;

	for (i = 0; ok && i < c->r->nq; i++) {
		quote *q = &c->r->q[i];
		const entity *e;
		int kind;

		/* "ORW" speaks as the Office of Rural Water (canon.c) */
		q->entity = qt_canon_entity(c, q->entity);
		e = ent_at(c, q->entity);

		if (!e) {
			if (q->str[QUOTH_FIELD_SPEAKER])
				set_kind(q, q->kind ? q->kind : QK_UNKNOWN);
			continue;
		}
		if (!kinds[q->entity])
			kinds[q->entity] =
			        (unsigned char)(qt_entity_kind(c, q->entity) +
			                        1);
		kind = kinds[q->entity] - 1;
		set_kind(q, kind);
		ok = store_field(c->r, q, QUOTH_FIELD_SPEAKER, e->name,
		                 e->name_len) &&
		     (!e->title || store_field(c->r, q, QUOTH_FIELD_TITLE,
		                               e->title, strlen(e->title)));
		if (ok)
			set_gender(c, q, e, kind);
	}
	free(kinds);
	return ok;
}

void
qt_result_warn(quoth_result *r, quoth_warning w, size_t offset)
{
	if (r->keep_warn_at) {
		size_t n = r->warn_count[w];

		if (n == r->warn_at_cap[w]) {
			size_t cap = n ? 2 * n : 16;
			size_t *at = realloc(r->warn_at[w], cap * sizeof *at);

			if (!at) {
				r->failed = true;
				return;
			}
			r->warn_at[w] = at;
			r->warn_at_cap[w] = cap;
		}
		r->warn_at[w][n] = offset;
	}
	if (r->warn_count[w]++ == 0)
		r->warn_offset[w] = offset;
}

/* Whether put_collapsed() copies the 8 bytes of w as they are: ASCII from
 * ' ' on and no two spaces in a row.  (Without high bits, x - c * QT_ONES has
 * a high bit exactly when a byte of x is below c; (x & 0x7f..) + 0x7f..
 * sets the high bit of exactly the nonzero bytes, with no carry between
 * bytes.) */
static inline bool
plain8(uint64_t w)
{
	uint64_t sp = w ^ (QT_ONES * ' '), lo7 = ~QT_HIGHS;
	uint64_t is_sp = ~(((sp & lo7) + lo7) | sp) & QT_HIGHS;

	if (((w - QT_ONES * ' ') | w) & QT_HIGHS)
		return false;
	return !(is_sp & (is_sp >> 8));
}

/* Append text[a, b) with every run of white space as one space. */
static void
put_collapsed(qbuf *b, const char *text, size_t a, size_t e)
{
	static const char fffd[] = "\xef\xbf\xbd";
	size_t i, len;
	bool space = false, bad;
	char *o;

	/* trim */
	while (a < e && (text[a] == ' ' || text[a] == '\n' || text[a] == '\r' ||
	                 text[a] == '\t'))
		a++;
	while (e > a && (text[e - 1] == ' ' || text[e - 1] == '\n' ||
	                 text[e - 1] == '\r' || text[e - 1] == '\t'))
		e--;
	/* one pass, straight into the buffer: no byte grows but an
	 * invalid one (to U+FFFD, which reserves its two more bytes) */
	if (e <= a)
		return;
	/* (fill_quote() made the room: no call to ask for it) */
	if ((b->failed || !b->ptr || b->cap - b->len <= e - a) &&
	    !qbuf_reserve(b, e - a))
		return;
	o = b->ptr + b->len;
	for (i = a; i < e;) {
		unsigned char ch = (unsigned char)text[i];

		/* (8 bytes of printable ASCII and lone spaces, copied at
		 * once; the room is there, as no byte is dropped) */
		if (i + 8 <= e && !(space && ch == ' ')) {
			uint64_t w;

			memcpy(&w, text + i, 8);
			if (plain8(w)) {
				memcpy(o, &w, 8);
				o += 8;
				i += 8;
				space = text[i - 1] == ' ';
				continue;
			}
		}
		/* (a run of printable ASCII, copied in one go) */
		if (ch > ' ' && ch < 0x80) {
			size_t r = i + 1;
			while (r < e && (unsigned char)text[r] > ' ' &&
			       (unsigned char)text[r] < 0x80)
				r++;
			memcpy(o, text + i, r - i);
			o += r - i;
			i = r;
			space = false;
			continue;
		}
		if (ch < 0x80) {
			if (ch == ' ' || ch == '\n' || ch == '\r' ||
			    ch == '\t') {
				if (!space)
					*o++ = ' ';
				space = true;
			} else {
				*o++ = (char)ch;
				space = false;
			}
			i++;
			continue;
		}
		space = false;
		/* (a sequence cut by white space is invalid either way) */
		qt_text_decode(text + i, e - i, &len, &bad);
		if (!bad) {
			memcpy(o, text + i, len);
			o += len;
			i += len;
			continue;
		}
		b->len = (size_t)(o - b->ptr);
		if (!qbuf_reserve(b, e - i + 2))
			return;
		o = b->ptr + b->len;
		memcpy(o, fffd, 3);
		o += 3;
		i++;
	}
	b->len = (size_t)(o - b->ptr);
	b->ptr[b->len] = '\0';
}

/* Index of the token holding byte `off` (or the first after it; the
 * last token when none is), searched outward from token `hint` and then
 * by halves: what is looked for is near the quote's own tokens, in a
 * window of up to a million. */
static size_t
token_at(const token_list *tl, size_t off, size_t hint)
{
	size_t n = tl->n, lo, hi, step = 1;

	if (n == 0)
		return (size_t)-1; /* (as the search by halves gave) */
	if (hint >= n)
		hint = n - 1;
	/* tokens before lo end at or before off, those from hi on after */
	if (tl->t[hint].end <= off) {
		lo = hi = hint + 1;
		while (hi < n && tl->t[hi].end <= off) {
			lo = hi + 1;
			hi = n - lo > step ? lo + step : n;
			step *= 2;
		}
	} else {
		lo = hi = hint;
		while (lo > 0 && tl->t[lo - 1].end > off) {
			hi = lo - 1;
			lo = hi > step ? hi - step : 0;
			step *= 2;
		}
	}
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (tl->t[mid].end <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n ? lo : n - 1;
}

/* Where quote q's context is: the sentence(s) around the quote, its cue
 * and mention when they are near, but not more than CONTEXT_MARGIN
 * around them. */
static void
set_context(const token_list *tl, quote *q)
{
	size_t lo = q->parts[0].start, hi = q->parts[q->nparts - 1].end;
	size_t ta, tb;

	/* the cue and mention widen the context when they are near:
	 * 20,000 fragments after one "X said" must not each carry the
	 * whole sentence before them */
	if (q->cue_start != QUOTH_NONE && q->cue_start + CONTEXT_MARGIN >= lo &&
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
	ta = sent_first(tl, token_at(tl, lo, q->first_tok));
	tb = sent_last(tl, token_at(tl, hi ? hi - 1 : 0, q->last_tok));
	q->ctx_start = tl->t[ta].start;
	q->ctx_end = tl->t[tb].end;
	/* a context is the sentence(s), but not more than a window around
	 * the quote and its cue: a 300 KB sentence holding 20,000 quotes
	 * must not be copied 20,000 times */
	if (lo > CONTEXT_MARGIN && q->ctx_start < lo - CONTEXT_MARGIN)
		q->ctx_start =
		        tl->t[token_at(tl, lo - CONTEXT_MARGIN, ta)].start;
	if (q->ctx_end > hi + CONTEXT_MARGIN)
		q->ctx_end = tl->t[token_at(tl, hi + CONTEXT_MARGIN, tb)].end;
	if (q->ctx_start > lo)
		q->ctx_start = lo;
	if (q->ctx_end < hi)
		q->ctx_end = hi;
}

/* The strings qt_fill_strings() makes, in the order they are made. */
static const quoth_field joined_fields[] = {
        QUOTH_FIELD_QUOTE, QUOTH_FIELD_CONTEXT, QUOTH_FIELD_RULE,
        QUOTH_FIELD_CUE, QUOTH_FIELD_MENTION};
#define NJOINED (sizeof joined_fields / sizeof joined_fields[0])

/* Quote q's strings, one after another (each with its NUL), made in
 * the scratch buffer b and kept in one piece of r's store: its text,
 * context, rule, cue and mention.  False when out of memory. */
static bool
fill_quote(const char *text, const token_list *tl, quoth_result *r, quote *q,
           qbuf *b)
{
	size_t k, at[NJOINED], room;
	bool has[NJOINED];
	char *d;

	set_context(tl, q);
	if (!q->rule)
		q->rule = "none";
	has[0] = has[1] = has[2] = true;
	has[3] = q->cue_start != QUOTH_NONE;
	has[4] = q->mention_start != QUOTH_NONE;
	/* (what the text takes, which only an invalid byte grows) */
	room = q->nparts + (q->ctx_end - q->ctx_start) + strlen(q->rule) +
	       NJOINED;
	for (k = 0; k < q->nparts; k++)
		room += q->parts[k].end - q->parts[k].start;
	if (has[3])
		room += q->cue_end - q->cue_start;
	if (has[4])
		room += q->mention_end - q->mention_start;
	b->len = 0;
	qbuf_reserve(b, room);
	at[0] = 0;
	for (k = 0; k < q->nparts; k++) {
		const qpart *p = &q->parts[k];
		if (k)
			qbuf_putc(b, ' ');
		/* a quoted part gives its content without the outer marks;
		 * a reported clause is given whole */
		if (p->tok_open != QUOTH_NONE)
			put_collapsed(b, text, p->vstart, p->vend);
		else
			put_collapsed(b, text, p->start, p->end);
	}
	for (k = 1; k < NJOINED; k++) {
		qbuf_putc(b, '\0');
		at[k] = b->len;
		if (k == 1)
			put_collapsed(b, text, q->ctx_start, q->ctx_end);
		else if (k == 2)
			qbuf_puts(b, q->rule);
		else if (k == 3 && has[3])
			put_collapsed(b, text, q->cue_start, q->cue_end);
		else if (k == 4 && has[4])
			put_collapsed(b, text, q->mention_start,
			              q->mention_end);
	}
	qbuf_putc(b, '\0');
	if (b->failed || !(d = store_alloc(r, b->len)))
		return false;
	memcpy(d, b->ptr, b->len);
	for (k = 0; k < NJOINED; k++) {
		quoth_field f = joined_fields[k];
		size_t end = k + 1 < NJOINED ? at[k + 1] - 1 : b->len - 1;
		q->str[f] = has[k] ? d + at[k] : NULL;
		q->str_len[f] = has[k] ? end - at[k] : 0;
		q->stored |= 1u << f;
	}
	return true;
}

/* Quote text and context for every quote. */
bool
qt_fill_strings(const char *text, const token_list *tl, quoth_result *r)
{
	qbuf b = {0};
	size_t i;
	bool ok = true;

	for (i = 0; ok && i < r->nq; i++)
		ok = fill_quote(text, tl, r, &r->q[i], &b);
	qbuf_free(&b);
	return ok;
}

void
qt_quote_clear(quote *q)
{
	int f;

	free(q->parts);
	free(q->verb);
	for (f = 0; f < QUOTH_FIELD_COUNT_; f++) {
		/* (static: set_static()) */
		if (f == QUOTH_FIELD_KIND || f == QUOTH_FIELD_GENDER ||
		    f == QUOTH_FIELD_GENDER_SOURCE)
			continue;
		/* (in the result's store: freed with it) */
		if (!(q->stored & (1u << f)))
			free(q->str[f]);
	}
}
