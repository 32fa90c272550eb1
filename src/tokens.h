/*
 * tokens.h: the token list (tokenize.c) that every later stage reads:
 * byte spans, classes and flags, quote mark candidates; the sentence and
 * paragraph tables are filled by segment.c (segment.h).
 */
#ifndef QUOTH_TOKENS_H
#define QUOTH_TOKENS_H

#include "buf.h"

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
	TF_CAP = 1u << 0,          /* starts with an uppercase letter */
	TF_ALLCAP = 1u << 1,       /* every letter uppercase, at least two */
	TF_SPACE_BEFORE = 1u << 2, /* white space or line start before it */
	TF_SPACE_AFTER = 1u << 3,  /* white space or line end after it */
	TF_DOT_END = 1u << 4, /* a word that swallowed a final '.' (U.S.) */
	TF_HAS_DIGIT = 1u << 5,
	TF_HAS_BAD = 1u << 6 /* contains an invalid UTF-8 byte */
};

/* Quote mark roles, decided by quotes.c. */
enum mark_role { MR_NONE, MR_OPEN, MR_CLOSE, MR_APOS };

typedef struct {
	uint32_t start, end; /* byte span (a document is < 4 GiB: extract.c) */
	int32_t cp;          /* first code point */
	uint8_t kind;        /* enum tok_kind */
	uint8_t flags;       /* enum tok_flag */
	uint8_t mark;        /* TK_QUOTE: index into qt_quote_marks[] */
	uint8_t role;        /* TK_QUOTE: enum mark_role */
	uint32_t para;       /* 0-based paragraph index */
	uint32_t sent;       /* 0-based sentence index (segment.c) */
	uint32_t sym;        /* its word's symbol, 0 before qt_symbolize()
	                      * (symtab.c, see lexicon.h) */
} token;

typedef struct {
	token *t;
	size_t n;
	size_t cap;
	size_t nparas;
	size_t bad_utf8;  /* invalid bytes seen */
	size_t first_bad; /* offset of the first, or QUOTH_NONE */
	/* filled by qt_segment(): first and last token of each sentence
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
	uint8_t level;    /* 1 or 2 */
	uint8_t open_ok;  /* may open */
	uint8_t close_ok; /* may close */
} quote_mark;

extern const quote_mark qt_quote_marks[];
extern const size_t qt_quote_marks_n;
int qt_quote_mark_find(int32_t cp); /* index, or -1 */

/* Tokenize text[0..len) into tl.  Returns false on allocation failure.
 * `skip` bytes at the start (a BOM) are not tokenized. */
bool qt_tokenize(const char *text, size_t len, size_t skip, token_list *tl);
void qt_token_list_free(token_list *tl);

/* Does text[skip..len) hold a blank line (two line breaks with only
 * spaces, tabs or CRs between)?  qt_tokenize() asks it of the whole text
 * to know what a single line break is (SPEC: in a document without blank
 * lines every line is a paragraph). */
bool qt_has_blank_line(const char *text, size_t len, size_t skip);

/* qt_tokenize() with that answer given: a window of a longer document
 * (window.c) is tokenized as the whole document would be. */
bool qt_tokenize_paras(const char *text, size_t len, size_t skip,
                       bool blank_paras, token_list *tl);

#endif
