/*
 * lexicon.h: the language data every stage reads: phrase sets
 * (lexicon.c), cue patterns (cuepat.c) and their loading from
 * data/<lang>/ or the built-in copies (data.c).
 */
#ifndef QUOTH_LEXICON_H
#define QUOTH_LEXICON_H

#include "tokens.h"

/* A data file's flag letter as a bit of a lookup's value. */
#define FLAG(c) (1 << ((c) - 'a'))

/* ---- lexicon.c: phrase sets --------------------------------------------- */

/* A set of case-folded phrases (one to six words) with an integer value
 * per phrase (the data file's optional second column, see data.c). */
typedef struct lexicon lexicon;

lexicon *lexicon_new(void);
void lexicon_free(lexicon *lx);
/* Look a folded phrase up; returns the value, or -1 when absent. */
int lexicon_get(const lexicon *lx, const char *s, size_t n);
/* Add a folded phrase (used by the loader and by tests). */
bool lexicon_add(lexicon *lx, const char *s, size_t n, int value);
/* Longest phrase length in words. */
size_t lexicon_max_words(const lexicon *lx);

/* Fold the token span [a, b) (word tokens joined by one space) and look
 * the phrase up in lx. */
int lexicon_get_tokens(const lexicon *lx, const char *text,
                       const token *t, size_t a, size_t b);

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
	LEX_PLACES,    /* countries, states, cities (value: flags) */
	LEX_DOCS,      /* document and message nouns (value: flags) */
	LEX_ORGNOUNS,  /* organisation and group nouns (value: flags) */
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

/* Compile the regex s[0..n) (printable ASCII) of pattern p: fills p->re
 * and its groups.  On an error, false with a message in what[0..whatsz)
 * and its byte offset in s in *off. */
bool qt_cuepat_compile(cue_pattern *p, const char *s, size_t n, char *what,
                       size_t whatsz, size_t *off);
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

/* ---- data.c: loading the data files of a language --------------------- */

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
/* Parse a patterns file (`name` for messages) and compile its patterns,
 * appending them to cp. */
quoth_status cuepat_parse(cue_patterns *cp, const char *name,
                          const char *data, size_t len, quoth_error *err);
quoth_status lang_data_load(lang_data *ld, const char *lang,
                            const char *data_dir, quoth_error *err);
void lang_data_free(lang_data *ld);

#endif
