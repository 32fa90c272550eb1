/*
 * extract.c: the public API: extractors, the pipeline, result accessors.
 *
 * text -> tokenize -> segment -> find_quotes -> attribute -> strings.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attrib.h"
#include "quotes_int.h"
#include "result.h"
#include "segment.h"
#include "tagger.h"
#include "window.h"

const char *
quoth_strerror(quoth_status status)
{
	switch (status) {
	case QUOTH_OK:
		return "success";
	case QUOTH_ERR_NOMEM:
		return "out of memory";
	case QUOTH_ERR_UTF8:
		return "invalid UTF-8";
	case QUOTH_ERR_IO:
		return "input/output error";
	case QUOTH_ERR_LEXICON:
		return "invalid data file";
	case QUOTH_ERR_LIMIT:
		return "limit exceeded";
	case QUOTH_ERR_ARG:
		return "invalid argument";
	}
	return "unknown error";
}

const char *
quoth_type_name(quoth_type t)
{
	switch (t) {
	case QUOTH_DIRECT:
		return "direct";
	case QUOTH_MIXED:
		return "mixed";
	case QUOTH_INDIRECT:
		return "indirect";
	case QUOTH_PARTIAL:
		return "partial";
	}
	return "unknown";
}

void
quoth_options_init(quoth_options *opt)
{
	memset(opt, 0, sizeof(*opt));
	opt->size = sizeof(*opt);
	opt->lang = "en";
	opt->types = QUOTH_TYPES_ALL;
	opt->max_doc_bytes = (size_t)1 << 30;
	opt->max_quote_bytes = (size_t)64 << 10;
	opt->max_depth = 8;
}

quoth_status
qt_extract_error(quoth_error *err, quoth_status st, size_t offset,
                 const char *msg)
{
	if (err) {
		memset(err, 0, sizeof(*err));
		err->status = st;
		err->offset = offset;
		snprintf(err->message, sizeof(err->message), "%s", msg);
	}
	return st;
}

static char *
dup_str(const char *s)
{
	size_t n = strlen(s) + 1;
	char *d = malloc(n);

	if (d)
		memcpy(d, s, n);
	return d;
}

/* The tagger (data/LANG/tagger.txt), optional: a language without one,
 * or QUOTH_TAGGER_OFF set (to measure what it decides), leaves it NULL;
 * a file that does not parse is an error.  A file of --data-dir is
 * parsed here, so that its errors show before any text; the built-in
 * tables (tools/embed.py) wait for their first use (tagger_state.c). */
static quoth_status
load_tagger(quoth_extractor *ex, quoth_error *err)
{
	char path[4096];
	const char *data;
	size_t len = 0;
	bool owned = false;
	quoth_status st = QUOTH_OK;
	const char *off = getenv("QUOTH_TAGGER_OFF");
	const qt_tagger_image *img = NULL;

	if (off && *off)
		return QUOTH_OK;
	data = qt_data_bytes(ex->lang, ex->data_dir, "tagger.txt", path,
	                     sizeof(path), &len, &owned);
	if (data) {
		st = qt_tagger_load(data, len, path, &ex->data.tagger, err);
		if (owned)
			free((char *)data);
		if (st != QUOTH_OK)
			return st;
	} else if ((img = qt_builtin_tagger(ex->lang)) != NULL) {
		snprintf(path, sizeof(path), "data/%s/tagger.txt", ex->lang);
	} else {
		return QUOTH_OK;
	}
	ex->data.tagger_state = qt_tagger_state_new(img, path);
	if (!ex->data.tagger_state)
		return qt_extract_error(err, QUOTH_ERR_NOMEM, 0,
		                        "out of memory");
	return QUOTH_OK;
}

quoth_status
quoth_extractor_new(const quoth_options *opt, quoth_extractor **out,
                    quoth_error *err)
{
	quoth_extractor *ex;
	quoth_options def;
	quoth_status st;

	if (!out)
		return qt_extract_error(err, QUOTH_ERR_ARG, 0,
		                        "no output pointer");
	quoth_options_init(&def);
	if (opt) {
		/* copy what the caller's (possibly older, smaller) struct has */
		size_t n = opt->size < sizeof(def) ? opt->size : sizeof(def);
		if (n < sizeof(size_t))
			return qt_extract_error(err, QUOTH_ERR_ARG, 0,
			                        "options not initialised with "
			                        "quoth_options_init()");
		memcpy(&def, opt, n);
		def.size = sizeof(def);
	}
	if (!def.lang || !*def.lang)
		def.lang = "en";
	if (strchr(def.lang, '/') || strchr(def.lang, '.'))
		return qt_extract_error(err, QUOTH_ERR_ARG, 0,
		                        "invalid language code");
	/* the open-mark stack is allocated at this size: keep it sane */
	if (def.max_depth == 0)
		def.max_depth = 1;
	if (def.max_depth > 1024)
		return qt_extract_error(
		        err, QUOTH_ERR_ARG, 0,
		        "max_depth above 1024 is not supported");
	ex = calloc(1, sizeof(*ex));
	if (!ex)
		return qt_extract_error(err, QUOTH_ERR_NOMEM, 0,
		                        "out of memory");
	ex->lang = dup_str(def.lang);
	ex->data_dir = def.data_dir ? dup_str(def.data_dir) : NULL;
	if (!ex->lang || (def.data_dir && !ex->data_dir)) {
		quoth_extractor_free(ex);
		return qt_extract_error(err, QUOTH_ERR_NOMEM, 0,
		                        "out of memory");
	}
	def.lang = ex->lang;
	def.data_dir = ex->data_dir;
	ex->opt = def;
	st = qt_lang_data_load(&ex->data, ex->lang, ex->data_dir, err);
	if (st == QUOTH_OK && (def.flags & QUOTH_OPT_GENDER_FROM_NAMES))
		st = qt_first_names_load(&ex->data, ex->lang, ex->data_dir,
		                         err);
	if (st == QUOTH_OK)
		st = load_tagger(ex, err);
	if (st != QUOTH_OK) {
		quoth_extractor_free(ex);
		return st;
	}
	*out = ex;
	return QUOTH_OK;
}

void
quoth_extractor_free(quoth_extractor *ex)
{
	if (!ex)
		return;
	qt_tagger_free(ex->data.tagger);
	ex->data.tagger = NULL;
	qt_tagger_state_free(ex->data.tagger_state);
	ex->data.tagger_state = NULL;
	qt_lang_data_free(&ex->data);
	free(ex->lang);
	free(ex->data_dir);
	free(ex);
}

/* Drop the quotes whose type the options exclude, keeping order. */
static void
filter_types(quoth_result *r, unsigned types)
{
	size_t i, k = 0;

	for (i = 0; i < r->nq; i++) {
		if (types & (1u << r->q[i].type))
			r->q[k++] = r->q[i];
		else
			qt_quote_clear(&r->q[i]);
	}
	r->nq = k;
}

static int
cmp_quote(const void *a, const void *b)
{
	const quote *x = a, *y = b;

	if (x->parts[0].start != y->parts[0].start)
		return x->parts[0].start < y->parts[0].start ? -1 : 1;
	/* the same start: a deterministic order all the same */
	if (x->parts[x->nparts - 1].end != y->parts[y->nparts - 1].end)
		return x->parts[x->nparts - 1].end < y->parts[y->nparts - 1].end
		               ? -1
		               : 1;
	return x->type < y->type ? -1 : x->type > y->type ? 1 : 0;
}

/* Are r's quotes in cmp_quote() order already?  They mostly are after
 * attribution, and sorting them anyway (qsort() moves whole quote
 * records) was 5 % of the time on quote-dense text. */
static bool
sorted_quotes(const quoth_result *r)
{
	size_t i;

	for (i = 1; i < r->nq; i++)
		if (cmp_quote(&r->q[i - 1], &r->q[i]) > 0)
			return false;
	return true;
}

/* The checks every document passes: its size (tokens keep 32-bit
 * offsets) and, with QUOTH_OPT_STRICT_UTF8, its encoding. */
quoth_status
qt_extract_check(const quoth_extractor *ex, const char *text, size_t len,
                 quoth_error *err)
{
	char msg[128];

	if (len > ex->opt.max_doc_bytes) {
		snprintf(msg, sizeof(msg),
		         "document of %zu bytes exceeds the limit of %zu bytes",
		         len, ex->opt.max_doc_bytes);
		return qt_extract_error(err, QUOTH_ERR_LIMIT,
		                        ex->opt.max_doc_bytes, msg);
	}
	if (len > UINT32_MAX) {
		/* tokens keep 32-bit offsets (tokens.h) */
		snprintf(msg, sizeof(msg),
		         "document of %zu bytes exceeds the limit of 4 GiB "
		         "for one document: split it",
		         len);
		return qt_extract_error(err, QUOTH_ERR_LIMIT,
		                        (size_t)UINT32_MAX, msg);
	}
	if (ex->opt.flags & QUOTH_OPT_STRICT_UTF8) {
		size_t bad = qt_text_first_invalid(text, len, NULL);
		if (bad != QUOTH_NONE) {
			quoth_status st = qt_extract_error(
			        err, QUOTH_ERR_UTF8, bad, "invalid UTF-8");
			if (err)
				qt_text_locate(text, len, bad, &err->line,
				               &err->column);
			return st;
		}
	}
	return QUOTH_OK;
}

/* The stages before attribution on text[0..len) (the whole document, or
 * one window of it, window.c): line map, tokens, sentences, quotes.
 * `blank` is the document's paragraph rule: 1 blank lines end paragraphs,
 * 0 every line break does, -1 ask the text.  False when out of memory. */
bool
qt_extract_quotes(const quoth_extractor *ex, const char *text, size_t len,
                  size_t skip, int blank, token_list *tl, quoth_result *r)
{
	bool ok;

	r->text = text;
	r->len = len;
	if (!qt_line_map_build(&r->lines, text, len))
		return false;
	ok = blank < 0 ? qt_tokenize(text, len, skip, tl)
	               : qt_tokenize_paras(text, len, skip, blank != 0, tl);
	if (!ok)
		return false;
	if (tl->bad_utf8) {
		r->warn_count[QUOTH_WARN_UTF8] = tl->bad_utf8;
		r->warn_offset[QUOTH_WARN_UTF8] = tl->first_bad;
	}
	if (tl->n == 0)
		return true;
	qt_symbolize(&ex->data, text, tl->t, tl->n);
	if (!qt_segment(text, tl, &ex->data))
		return false;
	return qt_find_quotes(ex, text, tl, r);
}

/* After qt_extract_quotes(): attribution, the quotes of r sorted by
 * start.  False when out of memory. */
bool
qt_extract_attribute(const quoth_extractor *ex, const char *text,
                     token_list *tl, quoth_result *r)
{
	if (tl->n == 0)
		return true;
	if (!qt_attribute(ex, text, tl, r))
		return false;
	if (r->nq > 1 && !sorted_quotes(r))
		qsort(r->q, r->nq, sizeof(quote), cmp_quote);
	return true;
}

bool
qt_extract_find(const quoth_extractor *ex, const char *text, size_t len,
                size_t skip, int blank, token_list *tl, quoth_result *r)
{
	return qt_extract_quotes(ex, text, len, skip, blank, tl, r) &&
	       qt_extract_attribute(ex, text, tl, r);
}

/* After qt_extract_find(): keep the quotes that start in [from, to),
 * give them their lines and strings, and drop the types not asked for.
 * False when out of memory. */
bool
qt_extract_finish(const quoth_extractor *ex, const char *text,
                  const token_list *tl, quoth_result *r, size_t from, size_t to)
{
	size_t i, k = 0;

	for (i = 0; i < r->nq; i++) {
		if (r->q[i].parts[0].start >= from &&
		    r->q[i].parts[0].start < to)
			r->q[k++] = r->q[i];
		else
			qt_quote_clear(&r->q[i]);
	}
	r->nq = k;
	for (i = 0; i < r->nq; i++) {
		quote *q = &r->q[i];
		size_t end = q->parts[q->nparts - 1].end;
		qt_line_map_locate(&r->lines, NULL, r->len, q->parts[0].start,
		                   &q->line, NULL);
		/* one paragraph is never cut: warn that it is this long */
		if (end - q->parts[0].start > ex->opt.max_quote_bytes &&
		    q->nparts == 1)
			qt_result_warn(r, QUOTH_WARN_QUOTE_LEN,
			               q->parts[0].start);
	}
	if (r->nq && !qt_fill_strings(text, tl, r))
		return false;
	filter_types(r, ex->opt.types);
	return true;
}

void
qt_text_locate(const char *text, size_t len, size_t offset, size_t *line,
               size_t *column)
{
	size_t i, start = 0, n = 1;
	line_map one;

	if (offset > len)
		offset = len;
	/* a line ends at LF, at CR not followed by LF, and at CRLF */
	for (i = 0; i < offset; i++) {
		if (text[i] == '\n' ||
		    (text[i] == '\r' &&
		     (i + 1 == len || text[i + 1] != '\n'))) {
			n++;
			start = i + 1;
		}
	}
	one.starts = &start;
	one.n = 1;
	if (line)
		*line = n;
	qt_line_map_locate(&one, text, len, offset, NULL, column);
}

quoth_status
quoth_extract(const quoth_extractor *ex, const char *text, size_t len,
              quoth_result **out, quoth_error *err)
{
	quoth_result *r;
	token_list tl;
	size_t skip = 0, i;
	quoth_status st;

	if (!ex || !out || (!text && len))
		return qt_extract_error(err, QUOTH_ERR_ARG, 0,
		                        "invalid argument");
	if (!text)
		text = "";
	if ((st = qt_extract_check(ex, text, len, err)) != QUOTH_OK)
		return st;
	memset(&tl, 0, sizeof(tl));
	r = calloc(1, sizeof(*r));
	if (!r)
		return qt_extract_error(err, QUOTH_ERR_NOMEM, 0,
		                        "out of memory");
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
		skip = 3;
	if (!qt_extract_find(ex, text, len, skip, -1, &tl, r) ||
	    !qt_extract_finish(ex, text, &tl, r, 0, SIZE_MAX))
		goto fail;
	/* the columns of the warnings, in code points, while the text is
	 * here (quoth_result_locate() has only the line map later) */
	for (i = 0; i < QUOTH_WARN_COUNT_; i++)
		if (r->warn_count[i])
			qt_line_map_locate(&r->lines, text, len,
			                   r->warn_offset[i], NULL,
			                   &r->warn_column[i]);
	qt_token_list_free(&tl);
	r->text = NULL;
	*out = r;
	return QUOTH_OK;
fail:
	st = qt_extract_error(err, QUOTH_ERR_NOMEM, 0, "out of memory");
	qt_token_list_free(&tl);
	quoth_result_free(r);
	return st;
}

void
quoth_result_free(quoth_result *r)
{
	size_t i;

	if (!r)
		return;
	for (i = 0; i < r->nq; i++)
		qt_quote_clear(&r->q[i]);
	free(r->q);
	qt_line_map_free(&r->lines);
	for (i = 0; i < QUOTH_WARN_COUNT_; i++)
		free(r->warn_at[i]);
	qt_store_free(r);
	free(r);
}

size_t
quoth_result_count(const quoth_result *r)
{
	return r ? r->nq : 0;
}

size_t
quoth_result_warnings(const quoth_result *r, quoth_warning w, size_t *offset)
{
	if (!r || (int)w < 0 || w >= QUOTH_WARN_COUNT_)
		return 0;
	if (r->warn_count[w] && offset)
		*offset = r->warn_offset[w];
	return r->warn_count[w];
}

static const quote *
get(const quoth_result *r, size_t i)
{
	return r && i < r->nq ? &r->q[i] : NULL;
}

quoth_type
quoth_quote_type(const quoth_result *r, size_t i)
{
	const quote *q = get(r, i);
	return q ? q->type : QUOTH_DIRECT;
}

const char *
quoth_quote_str(const quoth_result *r, size_t i, quoth_field f, size_t *len)
{
	const quote *q = get(r, i);

	if (len)
		*len = 0;
	if (!q || (int)f < 0 || f >= QUOTH_FIELD_COUNT_ || !q->str[f])
		return NULL;
	if (len)
		*len = q->str_len[f];
	return q->str[f];
}

int
quoth_quote_span(const quoth_result *r, size_t i, quoth_span_kind k,
                 size_t *start, size_t *end)
{
	const quote *q = get(r, i);
	size_t s, e;

	if (!q)
		return 0;
	switch (k) {
	case QUOTH_SPAN_QUOTE:
		s = q->parts[0].start;
		e = q->parts[q->nparts - 1].end;
		break;
	case QUOTH_SPAN_MENTION:
		s = q->mention_start;
		e = q->mention_end;
		break;
	case QUOTH_SPAN_CUE:
		s = q->cue_start;
		e = q->cue_end;
		break;
	case QUOTH_SPAN_CONTEXT:
		s = q->ctx_start;
		e = q->ctx_end;
		break;
	default:
		return 0;
	}
	if (s == QUOTH_NONE)
		return 0;
	if (start)
		*start = s;
	if (end)
		*end = e;
	return 1;
}

size_t
quoth_quote_nparts(const quoth_result *r, size_t i)
{
	const quote *q = get(r, i);
	return q ? q->nparts : 0;
}

void
quoth_quote_part(const quoth_result *r, size_t i, size_t k, size_t *start,
                 size_t *end)
{
	const quote *q = get(r, i);

	if (!q || k >= q->nparts)
		return;
	if (start)
		*start = q->parts[k].start;
	if (end)
		*end = q->parts[k].end;
}

size_t
quoth_quote_nverbatim(const quoth_result *r, size_t i)
{
	const quote *q = get(r, i);
	return q ? q->nverb : 0;
}

void
quoth_quote_verbatim(const quoth_result *r, size_t i, size_t k, size_t *start,
                     size_t *end)
{
	const quote *q = get(r, i);

	if (!q || k >= q->nverb)
		return;
	if (start)
		*start = q->verb[2 * k];
	if (end)
		*end = q->verb[2 * k + 1];
}

void
quoth_quote_position(const quoth_result *r, size_t i, size_t *paragraph,
                     size_t *line)
{
	const quote *q = get(r, i);

	if (!q)
		return;
	if (paragraph)
		*paragraph = q->para;
	if (line)
		*line = q->line;
}

void
quoth_result_locate(const quoth_result *r, size_t offset, size_t *line,
                    size_t *column)
{
	size_t w;

	if (!r)
		return;
	/* the text is gone after extraction: columns count bytes, except
	 * at the offsets of the result's warnings, kept in code points */
	if (r->lines.n == 0) {
		/* a document's summary (window.c): its warnings only */
		for (w = 0; w < QUOTH_WARN_COUNT_; w++)
			if (r->warn_count[w] && r->warn_offset[w] == offset)
				break;
		if (line)
			*line = w < QUOTH_WARN_COUNT_ ? r->warn_line[w] : 0;
		if (column)
			*column = w < QUOTH_WARN_COUNT_ ? r->warn_column[w] : 0;
		return;
	}
	qt_line_map_locate(&r->lines, r->text, r->len,
	                   offset >= r->off_base ? offset - r->off_base : 0,
	                   line, column);
	if (line)
		*line += r->line_base;
	for (w = 0; column && w < QUOTH_WARN_COUNT_; w++)
		if (r->warn_count[w] && r->warn_offset[w] == offset)
			*column = r->warn_column[w];
}
