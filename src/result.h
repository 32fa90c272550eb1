/*
 * result.h: the quote records every stage fills and the result that
 * holds them (result.c builds their strings; extract.c is the API).
 */
#ifndef QUOTH_RESULT_H
#define QUOTH_RESULT_H

#include "lexicon.h"
#include "text.h"
#include "tokens.h"

typedef struct {
	size_t start, end;   /* byte span of the part, marks included when
	                    * the part is quoted */
	size_t vstart, vend; /* inside the marks */
	size_t tok_open, tok_close; /* tokens of the marks; tok_close is
	                    * QUOTH_NONE for an unclosed part */
} qpart;

#define QUOTH_MAX_PARTS 64

/* What a speaker is (SPEC "Speakers"): the output's `kind`. */
enum {
	QK_NONE, /* no speaker */
	QK_PERSON,
	QK_ORG,   /* "the Kremlin", "Acme Corp", "the ministry" */
	QK_PLACE, /* "Beijing": a place speaking for its government */
	QK_DOC,   /* "a statement": no issuer named */
	QK_DESC,  /* "a senior official": no name given */
	QK_UNKNOWN
};

/* One quote or quote candidate, through every stage.  (What only the
 * attribution stage remembers about a quote is in its own side table,
 * qattr.) */
typedef struct {
	quoth_type type;
	size_t nparts;
	qpart *parts;               /* heap */
	size_t nverb;               /* verbatim spans (for mixed: fragments) */
	size_t *verb;               /* heap, 2 * nverb offsets */
	size_t first_tok, last_tok; /* token range of the whole quote */
	size_t para, line;          /* 1-based */
	/* attribution */
	size_t mention_start, mention_end; /* QUOTH_NONE when absent */
	size_t cue_start, cue_end;
	size_t ctx_start, ctx_end;
	int entity;                    /* index into the entity table, -1 */
	int kind;                      /* QK_*: what a speaker known only as
	                        * written is (one with an entity is what
	                        * the entity is) */
	const char *rule;              /* static string */
	char *str[QUOTH_FIELD_COUNT_]; /* heap, NUL-terminated, or NULL;
	                                * kind and gender static (result.c) */
	size_t str_len[QUOTH_FIELD_COUNT_];
	unsigned stored; /* the fields (1u << f) whose strings are in the
	                  * result's store, freed with the result: those
	                  * qt_fill_strings() and qt_finish_fields() make */
} quote;

/* A block of a result's string store (result.c). */
struct qt_strblock;

struct quoth_extractor {
	quoth_options opt;
	char *lang;
	char *data_dir;
	lang_data data;
};

struct quoth_result {
	const char *text; /* borrowed during extraction only */
	size_t len;
	quote *q;
	size_t nq;
	size_t capq;
	line_map lines;
	size_t warn_count[QUOTH_WARN_COUNT_];
	size_t warn_offset[QUOTH_WARN_COUNT_];
	size_t warn_column[QUOTH_WARN_COUNT_]; /* in code points */
	/* a window of a longer document (window.c): its offsets and lines
	 * start there; a document's summary has no line map and keeps its
	 * warnings' lines here */
	size_t off_base, line_base;
	size_t warn_line[QUOTH_WARN_COUNT_];
	/* a window also keeps every warning's offset, so that only those
	 * in its core are counted (its lead and tail belong to the windows
	 * before and after it) */
	bool keep_warn_at;
	size_t *warn_at[QUOTH_WARN_COUNT_];
	size_t warn_at_cap[QUOTH_WARN_COUNT_];
	bool failed; /* allocation failure somewhere */
	/* the strings of the quotes, a block at a time: 50,000 quotes in
	 * a window made 100,000 allocations and frees for them */
	struct qt_strblock *store;
};

/* Free what a quote owns (parts, verbatim spans, strings). */
void qt_quote_clear(quote *q);

/* Record a warning (first offset kept). */
void qt_result_warn(quoth_result *r, quoth_warning w, size_t offset);

/* Set string field f of q to a copy of s[0..n); false when out of
 * memory. */
bool qt_set_field(quote *q, quoth_field f, const char *s, size_t n);

/* Quote text, context, rule, cue and mention strings for every quote of
 * r, from the spans the stages set; false when out of memory. */
bool qt_fill_strings(const char *text, const token_list *tl, quoth_result *r);

/* Free r's string store (quoth_result_free()). */
void qt_store_free(quoth_result *r);

#endif
