/*
 * private.h: internal structures shared by the stages of libquoth.
 * Not installed.  Every symbol here is hidden (-fvisibility=hidden).
 */
#ifndef QUOTH_PRIVATE_H
#define QUOTH_PRIVATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "quoth.h"

#define QUOTH_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))
#define QUOTH_NONE ((size_t)-1)

/* ---- buf.c: growable byte buffer ---------------------------------- */

typedef struct {
	char *ptr;
	size_t len;
	size_t cap;
	bool failed; /* an allocation failed; later appends are no-ops */
} qbuf;

bool qbuf_reserve(qbuf *b, size_t extra);
void qbuf_put(qbuf *b, const void *p, size_t n);
void qbuf_putc(qbuf *b, char c);
void qbuf_puts(qbuf *b, const char *s);
void qbuf_printf(qbuf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Append text[0..n) as valid UTF-8: invalid bytes become U+FFFD. */
void qbuf_put_utf8(qbuf *b, const char *text, size_t n);
void qbuf_free(qbuf *b);

/* Growable array of fixed-size elements; `failed` as in qbuf. */
typedef struct {
	void *ptr;
	size_t len;
	size_t cap;
	size_t elem;
	bool failed;
} qvec;

void qvec_init(qvec *v, size_t elem);
void *qvec_push(qvec *v); /* a zeroed new element, or NULL */
void qvec_free(qvec *v);
#define QVEC_AT(v, T, i) (&((T *)(v)->ptr)[i])

/* Checked size arithmetic. */
static inline bool
size_add(size_t a, size_t b, size_t *out)
{
	if (a > SIZE_MAX - b)
		return false;
	*out = a + b;
	return true;
}

static inline bool
size_mul(size_t a, size_t b, size_t *out)
{
	if (b != 0 && a > SIZE_MAX / b)
		return false;
	*out = a * b;
	return true;
}

/* malloc(n * size), NULL when the product overflows. */
void *xmalloc_array(size_t n, size_t size);
/* realloc(p, n * size), NULL (p untouched) when the product overflows. */
void *xrealloc_array(void *p, size_t n, size_t size);

/* ---- text.c: UTF-8 decoding and positions --------------------------- */

/* Decode one code point at s[0..n) (n > 0).  Invalid or truncated
 * sequences give U+FFFD with *len = 1 and *bad = true. */
int32_t text_decode(const char *s, size_t n, size_t *len, bool *bad);

/* Offset of the first invalid UTF-8 byte in s[0..n), or QUOTH_NONE. */
size_t text_first_invalid(const char *s, size_t n, size_t *count);

/* Line starts for byte <-> line:column conversion. */
typedef struct {
	size_t *starts; /* byte offset of each line start */
	size_t n;
} line_map;

bool line_map_build(line_map *m, const char *text, size_t len);
void line_map_locate(const line_map *m, const char *text, size_t len,
                     size_t offset, size_t *line, size_t *column);
void line_map_free(line_map *m);

/* text[a..b) without leading / trailing white space (ASCII or Zs). */
size_t text_trim_start(const char *text, size_t a, size_t b);
size_t text_trim_end(const char *text, size_t a, size_t b);

/* Lowercase (case-fold) UTF-8 text into b with utf8proc; ASCII fast path. */
void text_fold(qbuf *b, const char *s, size_t n);

/* ---- tokenize.c ------------------------------------------------------ */

enum tok_kind {
	TK_WORD,    /* letters, digits, internal apostrophes/hyphens/dots */
	TK_NUM,     /* starts with a digit */
	TK_PUNCT,   /* any other visible character */
	TK_QUOTE,   /* a quote mark candidate (may turn out an apostrophe) */
	TK_SPACE,   /* horizontal white space (never emitted, see below) */
	TK_NEWLINE, /* one line break inside a paragraph */
	TK_PARA     /* a paragraph break (blank line(s), or a line break in
	             * a document without blank lines) */
};

enum tok_flag {
	TF_CAP = 1u << 0,      /* starts with an uppercase letter */
	TF_ALLCAP = 1u << 1,   /* every letter uppercase, at least two */
	TF_SPACE_BEFORE = 1u << 2, /* white space or line start before it */
	TF_SPACE_AFTER = 1u << 3,  /* white space or line end after it */
	TF_DOT_END = 1u << 4,  /* a word that swallowed a final '.' (U.S.) */
	TF_HAS_DIGIT = 1u << 5,
	TF_HAS_BAD = 1u << 6   /* contains an invalid UTF-8 byte */
};

/* Quote mark roles, decided by quotes.c. */
enum mark_role { MR_NONE, MR_OPEN, MR_CLOSE, MR_APOS };

typedef struct {
	size_t start, end; /* byte span */
	int32_t cp;        /* first code point */
	uint8_t kind;      /* enum tok_kind */
	uint8_t flags;     /* enum tok_flag */
	uint8_t mark;      /* TK_QUOTE: index into quote_marks[] */
	uint8_t role;      /* TK_QUOTE: enum mark_role */
	uint32_t para;     /* 0-based paragraph index */
	uint32_t sent;     /* 0-based sentence index (segment.c) */
} token;

typedef struct {
	token *t;
	size_t n;
	size_t cap;
	size_t nparas;
	size_t bad_utf8;       /* invalid bytes seen */
	size_t first_bad;      /* offset of the first, or QUOTH_NONE */
	/* filled by segment(): first and last token of each sentence
	 * (the last not counting a closing TK_PARA) and the first token of
	 * each paragraph, so that no stage has to scan for them */
	size_t *sfirst, *slast;
	size_t nsent;
	size_t *pfirst;
} token_list;

/* Quote mark table: level 1 marks are the primary (double) quotes, level
 * 2 the nested (single) ones.  `role` is the role the mark has when
 * nothing in the context decides otherwise. */
typedef struct {
	int32_t cp;
	uint8_t level;      /* 1 or 2 */
	uint8_t open_ok;    /* may open */
	uint8_t close_ok;   /* may close */
} quote_mark;

extern const quote_mark quote_marks[];
extern const size_t quote_marks_n;
int quote_mark_find(int32_t cp); /* index, or -1 */

/* Tokenize text[0..len) into tl.  Returns false on allocation failure.
 * `skip` bytes at the start (a BOM) are not tokenized. */
bool tokenize(const char *text, size_t len, size_t skip, token_list *tl);
void token_list_free(token_list *tl);

/* ---- lexicon.c: word lists from data/<lang>/ -------------------------- */

/* A set of case-folded phrases (one to six words) with an integer value
 * per phrase (the data file's optional second column, see lexicon.c). */
typedef struct lexicon lexicon;

lexicon *lexicon_new(void);
void lexicon_free(lexicon *lx);
/* Look a folded phrase up; returns the value, or -1 when absent. */
int lexicon_get(const lexicon *lx, const char *s, size_t n);
/* Add a folded phrase (used by the loader and by tests). */
bool lexicon_add(lexicon *lx, const char *s, size_t n, int value);
/* Longest phrase length in words. */
size_t lexicon_max_words(const lexicon *lx);

/* The data files of one language. */
enum lex_id {
	LEX_ABBREV,    /* abbreviations that do not end a sentence */
	LEX_CUES,      /* speech verbs and phrases (value: cue class) */
	LEX_PRONOUNS,  /* pronouns (value: gender/number bits) */
	LEX_TITLES,    /* titles and roles */
	LEX_HONORIFICS,/* Mr, Ms, Dr (value: gender) */
	LEX_ORGS,      /* words that mark organisations */
	LEX_SCARE,     /* words before a quote that mark a term, not speech */
	LEX_NONNAMES,  /* capitalised words that are never names */
	LEX_COUNT_
};

/* ---- cuepat.c: cue patterns over chunk classes (patterns.txt) --------- */

enum { CP_AFTER, CP_BEFORE, CP_LEADIN, CP_PREVIOUS, CP_SIDES_ };

typedef struct {
	char rule[24];       /* the output's rule name */
	bool kind_rule;      /* a pronoun or role speaker names the rule */
	int side;            /* CP_* */
	uint32_t max_tokens; /* cue to quote, 0 = unbounded */
	void *re;            /* pcre2_code */
	int g_sp, g_cue, g_mention, g_spx; /* capture groups, or -1 */
	size_t line;         /* in its file, for QUOTH_DEBUG_SHAPES */
} cue_pattern;

typedef struct {
	cue_pattern *p;
	size_t n, cap;
} cue_patterns;

/* Parse a patterns file (`name` for messages) and compile its patterns,
 * appending them to cp. */
quoth_status cuepat_parse(cue_patterns *cp, const char *name,
                          const char *data, size_t len, quoth_error *err);
void cuepat_free(cue_patterns *cp);
/* Match data for cuepat_match() (one per thread), or NULL. */
void *cuepat_match_data(void);
void cuepat_match_data_free(void *md);
/* Match p against s[0..n) from offset `from`: 1 with span[0..1] the match,
 * span[2..4] the starts of the groups sp, cue and mention and span[5] the
 * end of the group spx (QUOTH_NONE when absent), 0 for no match, -1 on a
 * matching error (resource limits). */
int cuepat_match(const cue_pattern *p, const char *s, size_t n, size_t from,
                 void *md, size_t *span);

typedef struct {
	lexicon *lex[LEX_COUNT_];
	cue_patterns pats;
} lang_data;

/* Fill *err (when not NULL) with status st, line and a message; returns
 * st.  For data-file errors: "FILE:LINE: what". */
quoth_status data_fail(quoth_error *err, quoth_status st, size_t line,
                       const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* The line of a data file starting at byte pos: *end is where its text
 * ends (before any \r\n), *eol its \n (or len); false when the line is
 * not valid UTF-8. */
bool data_line(const char *data, size_t len, size_t pos, size_t *end,
               size_t *eol);
quoth_status lang_data_load(lang_data *ld, const char *lang,
                            const char *data_dir, quoth_error *err);
void lang_data_free(lang_data *ld);

/* Fold the token span [a, b) (word tokens joined by one space) and look
 * the phrase up in lx. */
int lexicon_get_tokens(const lexicon *lx, const char *text,
                       const token *t, size_t a, size_t b);

/* ---- segment.c: sentences ---------------------------------------------- */

/* Assign token.sent (sentences never cross paragraphs) and fill the
 * sentence and paragraph tables of tl.  Returns false when out of memory. */
bool segment(const char *text, token_list *tl, const lang_data *ld);

/* First and last token of the sentence of token i (the last is never a
 * TK_PARA), and the first token of its paragraph. */
static inline size_t
sent_first(const token_list *tl, size_t i)
{
	return tl->sfirst[tl->t[i].sent];
}

static inline size_t
sent_last(const token_list *tl, size_t i)
{
	return tl->slast[tl->t[i].sent];
}

static inline size_t
para_first(const token_list *tl, size_t i)
{
	return tl->pfirst[tl->t[i].para];
}

/* The TK_PARA token (or n) that ends the paragraph of token i. */
static inline size_t
para_stop(const token_list *tl, size_t i)
{
	size_t p = tl->t[i].para;

	if (p + 1 < tl->nparas)
		return tl->pfirst[p + 1] - 1;
	return tl->t[tl->n - 1].kind == TK_PARA ? tl->n - 1 : tl->n;
}

/* Does the paragraph starting at token pa open with a capitalised label
 * and a colon ("READ MORE:", "WATCH:")?  Such lines link to other
 * stories; their quotes are headlines, not speech. */
bool label_line(const char *text, const token *t, size_t n, size_t pa);

/* Does the paragraph of tokens [pa, pb) end with a photo credit,
 * "(Adrian Wyld/Canadian Press)"?  Then it is a caption, which repeats
 * the story: its quotes are not reported again. */
bool caption_para(const token *t, size_t pa, size_t pb);

/* ---- quotes.c: the quote state machine --------------------------------- */

typedef struct {
	size_t start, end; /* byte span of the part, marks included when
	                    * the part is quoted */
	size_t vstart, vend; /* inside the marks */
	size_t tok_open, tok_close; /* tokens of the marks; tok_close is
	                    * QUOTH_NONE for an unclosed part */
} qpart;

#define QUOTH_MAX_PARTS 64

/* One quote or quote candidate, through every stage. */
typedef struct {
	quoth_type type;
	size_t nparts;
	qpart *parts;          /* heap */
	size_t nverb;          /* verbatim spans (for mixed: fragments) */
	size_t *verb;          /* heap, 2 * nverb offsets */
	size_t first_tok, last_tok; /* token range of the whole quote */
	size_t para, line;     /* 1-based */
	/* attribution */
	size_t mention_start, mention_end; /* QUOTH_NONE when absent */
	size_t cue_start, cue_end;
	size_t ctx_start, ctx_end;
	int entity;            /* index into the entity table, -1 */
	int sp_kind;           /* attrib.c: kind of speaker mention */
	int sp_gender;         /* attrib.c: gender the mention shows */
	size_t sp_tok;         /* attrib.c: first token of the mention */
	size_t link_end;       /* attrib.c: token after the cue/mention */
	bool sp_fallback;      /* attrib.c: a role that may take the
	                        * last speaker */
	const char *rule;      /* static string */
	char *str[QUOTH_FIELD_COUNT_]; /* heap, NUL-terminated, or NULL */
	size_t str_len[QUOTH_FIELD_COUNT_];
} quote;

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
	bool failed; /* allocation failure somewhere */
};

/* Find the quoted passages of a tokenized text and append them to r as
 * QUOTH_DIRECT or QUOTH_PARTIAL quotes; scare quotes are dropped. */
bool find_quotes(const quoth_extractor *ex, const char *text,
                 token_list *tl, quoth_result *r);

/* Free what a quote owns (parts, verbatim spans, strings). */
void quote_clear(quote *q);

/* Record a warning (first offset kept). */
void result_warn(quoth_result *r, quoth_warning w, size_t offset);

/* ---- attrib.c ----------------------------------------------------------- */

/* Link quotes to cues and speakers; adds indirect quotes; turns partial
 * quotes into mixed where a cue is in reach; fills the string fields. */
bool attribute(const quoth_extractor *ex, const char *text,
               token_list *tl, quoth_result *r);

#endif
