/*
 * lexicon.h: the language data every stage reads: phrase sets
 * (lexicon.c), cue patterns (cuepat.c) and their loading from
 * data/<lang>/ or the built-in copies (data.c).
 */
#ifndef QUOTH_LEXICON_H
#define QUOTH_LEXICON_H

#include <stdint.h>
#include <string.h>

#include "tokens.h"

/* One step of quoth's word hashes (lexicon.c's tables, symtab.c's
 * symbols, the tagger's features): h mixed with eight bytes w. */
static inline uint64_t
qt_mix8(uint64_t h, uint64_t w)
{
	h = (h ^ w) * 0x9E3779B97F4A7C15ull;
	return h ^ (h >> 29);
}

/* h mixed with s[0..n) eight bytes a step, the tail zero-padded: the
 * core those hashes share (each seeds and finishes it its own way). */
static inline uint64_t
qt_mix_bytes(uint64_t h, const char *s, size_t n)
{
	uint64_t w;
	size_t k = 0;

	for (; k + 8 <= n; k += 8) {
		memcpy(&w, s + k, 8);
		h = qt_mix8(h, w);
	}
	if (k < n) {
		w = 0;
		memcpy(&w, s + k, n - k);
		h = qt_mix8(h, w);
	}
	return h;
}

/* A mask keeping the first r (< 8) bytes of an eight-byte load, in memory
 * order whatever the byte order (symtab.c, lower.c: a word's tail read
 * whole while the text goes on). */
static inline uint64_t
qt_head_mask(size_t r)
{
	static const unsigned char ones[16] = {0xff, 0xff, 0xff, 0xff,
	                                       0xff, 0xff, 0xff, 0xff};
	uint64_t m;

	memcpy(&m, ones + 8 - r, 8);
	return m;
}

/* A data file's flag letter as a bit of a lookup's value. */
#define FLAG(c) (1 << ((c) - 'a'))

/* ---- lexicon.c: phrase sets --------------------------------------------- */

/* A set of case-folded phrases (one to six words) with an integer value
 * per phrase (the data file's optional second column, see data.c). */
typedef struct lexicon lexicon;

lexicon *qt_lexicon_new(void);
void qt_lexicon_free(lexicon *lx);
/* A slot of a lexicon's table: the offset + 1 of its phrase among the
 * lexicon's phrases (0: the slot is empty), the phrase's bytes, hash and
 * value. */
typedef struct {
	uint32_t key, len, hash;
	int32_t value;
} qt_lex_slot;

/* A lexicon's table as the loader (data.c) builds it from its files,
 * computed at build time (tools/embed_lexicons.py): its cap slots and
 * its phrases back to back, each followed by a NUL. */
typedef struct {
	const char *lang;
	const char *file, *more; /* its files (data.c's lex_files, lex_more) */
	size_t cap, n, max_words;
	const char *keys;
	const qt_lex_slot *slots;
} qt_lexicon_image;

/* The lexicon of image img, as loading its files makes it, reading the
 * image where it lies (a phrase added copies it); NULL when out of
 * memory or when the image's hashes are not this machine's. */
lexicon *qt_lexicon_from_image(const qt_lexicon_image *img);
/* Look a folded phrase up; returns the value, or -1 when absent. */
int qt_lexicon_get(const lexicon *lx, const char *s, size_t n);
/* Add a folded phrase (used by the loader and by tests). */
bool qt_lexicon_add(lexicon *lx, const char *s, size_t n, int value);
/* qt_data_line() (text.h) faster: the line of a data file starting at
 * byte pos, *end where its text ends (before any \r\n), *eol its \n (or
 * len), *ascii whether it is all ASCII; false when it is not valid
 * UTF-8.  Finds the line end with memchr() and checks for non-ASCII
 * bytes eight at a time. */
bool qt_data_split(const char *data, size_t len, size_t pos, size_t *end,
                   size_t *eol, bool *ascii);
/* Make room for n more phrases at once (the loader, which knows how many
 * lines a file has), so that adding them never grows the table. */
bool qt_lexicon_reserve(lexicon *lx, size_t n);
/* Call fn for every phrase of lx (in no particular order). */
void qt_lexicon_each(const lexicon *lx,
                     void (*fn)(void *arg, const char *key, size_t len,
                                int value),
                     void *arg);
/* The number of phrases of lx (0 for NULL). */
size_t qt_lexicon_size(const lexicon *lx);
/* Longest phrase length in words. */
size_t qt_lexicon_max_words(const lexicon *lx);

/* Fold the token span [a, b) (word tokens joined by one space) and look
 * the phrase up in lx. */
int qt_lexicon_get_tokens(const lexicon *lx, const char *text, const token *t,
                          size_t a, size_t b);

/* The data files of one language. */
enum lex_id {
	LEX_ABBREV,     /* abbreviations that do not end a sentence */
	LEX_CUES,       /* speech verbs and phrases (value: cue class) */
	LEX_PRONOUNS,   /* pronouns (value: gender/number bits) */
	LEX_TITLES,     /* titles and roles */
	LEX_HONORIFICS, /* Mr, Ms, Dr (value: gender) */
	LEX_ORGS,       /* words that mark organisations (orgs.txt and the
	                 * generated wn-orgs.txt) */
	LEX_SCARE,      /* words before a quote that mark a term, not speech */
	LEX_NONNAMES,   /* capitalised words that are never names */
	LEX_WORDS,      /* closed-class word lists of the attribution stage */
	LEX_CLASSES,    /* content-word classes of the attribution stage */
	LEX_PLACES,     /* countries, states, cities (value: flags) */
	LEX_DOCS,       /* document and message nouns (value: flags) */
	LEX_ORGNOUNS,   /* organisation and group nouns (value: flags) */
	LEX_SPEECH,     /* speech and belief verbs, inflected (value: flags) */
	LEX_PERSONS,    /* nouns for people: roles, kinship (value: flags) */
	LEX_COUNT_
};

/* The flag letters of each file, as declared in its `# flags:` header
 * (the loader rejects any other letter). */
enum {                            /* abbrev.txt */
       ABBREV_MAY_END = FLAG('e') /* may end a sentence before a capital */
};
enum {                            /* cues.txt */
       CUE_SPEECH = FLAG('s'),    /* reports speech with a subject */
       CUE_INVERTS = FLAG('i'),   /* may stand inverted after a quote */
       CUE_OBJECT = FLAG('o'),    /* takes a listener object */
       CUE_CLAUSE = FLAG('c'),    /* introduces reported speech */
       CUE_BASE = FLAG('b'),      /* base, -ing or participle form */
       CUE_PRESENT = FLAG('p'),   /* third person singular present */
       CUE_NOUN = FLAG('n'),      /* speaker follows ("according to") */
       CUE_BARE = FLAG('k'),      /* reports a bare clause, no "that" */
       CUE_ADVERBIAL = FLAG('a'), /* "in a statement" */
       /* not in the file: qt_cue_at() adds it for a participle cue
	 * ("officials, speaking on condition") */
       CUE_PARTICIPLE = FLAG('g'),
       /* not in the file: a speech verb of wn-speech-verbs.txt that
	 * cues.txt does not list (words.c); qt_cue_at() wants more
	 * context for it */
       CUE_WN = FLAG('w')
};
enum { /* pronouns.txt */
       PRON_MALE = FLAG('m'),
       PRON_FEMALE = FLAG('f'),
       PRON_SINGULAR = FLAG('s'),
       PRON_PLURAL = FLAG('p'),
       PRON_NONPERSON = FLAG('n'), /* may refer to an organisation, a thing */
       PRON_OBJECT = FLAG('o'),    /* object or possessive form */
       PRON_FIRST_SECOND = FLAG('x')
};
enum { /* titles.txt and the generated wn-title-nouns.txt */
       TITLE_MALE = FLAG('m'),
       TITLE_FEMALE = FLAG('f'),
       TITLE_GROUP = FLAG('g'),     /* a group noun or plural */
       TITLE_SURNAME = FLAG('s'),   /* also a common surname */
       TITLE_FIRST_NAME = FLAG('n') /* also a common first name (Earl,
                                     * Dean) */
};
enum { /* honorifics.txt */
       HON_MALE = FLAG('m'),
       HON_FEMALE = FLAG('f')
};
enum {                         /* scare.txt */
       SCARE_VERB = FLAG('v'), /* "called": speech after a speaker */
       SCARE_WORK = FLAG('t'), /* a work or reading one: a title follows */
       SCARE_LINK = FLAG('l')  /* may stand between a `t` word and a title */
};

enum { /* words.txt: closed-class words (see its header) */
       W_TIME_PREP = FLAG('t'),
       W_OF_PREP = FLAG('p'),
       W_NO_CLAUSE_START = FLAG('n'),
       W_PLACE_PREP = FLAG('l'),
       W_LOC_PREP = FLAG('q'),
       W_NP_DET = FLAG('d'),
       W_GROUP_DET = FLAG('g'),
       W_FILLER = FLAG('f'),
       W_WEEKDAY = FLAG('y'),
       W_NAME_PARTICLE = FLAG('a'),
       W_IS_CONTRACTION = FLAG('i'),
       W_NUMBER = FLAG('u'),
       W_SUBORDINATOR = FLAG('s'),
       W_AUX = FLAG('x'),
       W_CUE_AUX = FLAG('c'),
       W_COREF_LEAD = FLAG('k'),
       W_SUBJECT_LEAD = FLAG('m'),
       W_LINK = FLAG('b'),
       W_HEADLINE_WORD = FLAG('v'),
       W_CLAUSE_SUBJECT = FLAG('j'),
       W_WH_RELATIVE = FLAG('h'),
       W_RELATIVE = FLAG('r'),
       W_SUBJECT_PRONOUN = FLAG('e'),
       W_WH_WORD = FLAG('w'),
       W_ARTICLE = FLAG('z'),
       W_AND_BUT = FLAG('o')
};
enum { /* classes.txt: content-word classes (see its header) */
       CL_REPORT_NOUN = FLAG('d'),
       CL_DOCUMENT = FLAG('e'),
       CL_WRITTEN = FLAG('w'),
       CL_SEND_VERB = FLAG('s'),
       CL_MEDIA = FLAG('m'),
       CL_ORG_HEAD = FLAG('h'),
       CL_PERSON_GROUP = FLAG('g'),
       CL_PAST_VERB = FLAG('p'),
       CL_TIME = FLAG('t')
};

/* The generated WordNet classes (tools/wordnet_classes.py; each file's
 * header explains its letters). */
enum {                         /* wn-speech-verbs.txt */
       WNV_SPEECH = FLAG('s'), /* reports speech or writing */
       WNV_BELIEF = FLAG('t'), /* reports a belief or finding */
       WNV_COMM = FLAG('c'),   /* another communication verb: "thanked" */
       WNV_BASE = FLAG('b'),
       WNV_PRESENT = FLAG('z'),
       WNV_PAST = FLAG('d'),
       WNV_PARTICIPLE = FLAG('n'),
       WNV_ING = FLAG('g')
};
enum { /* wn-person-nouns.txt */
       WNP_SINGULAR = FLAG('s'),
       WNP_PLURAL = FLAG('p'),
       WNP_DEMONYM = FLAG('d'),
       WNP_KIN = FLAG('k'),
       WNP_MODIFIER = FLAG('j'), /* also an adjective or adverb */
       WNP_MEMBER = FLAG('m')    /* an organisation's: "Harlow's employees" */
};
enum { /* wn-org-nouns.txt */
       WNO_SINGULAR = FLAG('s'),
       WNO_PLURAL = FLAG('p'),
       WNO_NAME = FLAG('n'),
       WNO_WORD = FLAG('w'),
       WNO_HEAD = FLAG('h'),   /* a name head: "X Dairy", "X Council" */
       WNO_MEMBERS = FLAG('m') /* an organisation's: "Harlow's workforce" */
};
enum { /* wn-document-nouns.txt */
       WND_SINGULAR = FLAG('s'),
       WND_PLURAL = FLAG('p'),
       WND_STATEMENT = FLAG('t'),
       WND_DOCUMENT = FLAG('d'),
       WND_MESSAGE = FLAG('m'),
       WND_LEGAL = FLAG('l'),
       WND_PUBLICATION = FLAG('b')
};
enum { /* wn-places.txt */
       WNL_COUNTRY = FLAG('c'),
       WNL_REGION = FLAG('r'),
       WNL_CITY = FLAG('t'),
       WNL_CAPITAL = FLAG('a'),
       WNL_WORD = FLAG('w')
};

/* ---- cuepat.c: cue patterns over chunk classes (patterns.txt) --------- */

/* The chunk alphabet: the one-letter classes the chunker of link.c
 * writes for the words around a quote, and the only letters a pattern of
 * patterns.txt may name (qt_cuepat_parse() rejects any other, so that a
 * mistyped letter fails at load instead of never matching).  The
 * meanings are documented at length in the header of patterns.txt.
 *     X(constant, letter, meaning) */
#define CHUNK_CLASSES(X)                                                       \
	X(CH_NAME, 'N', "a person's name known to the article")                \
	X(CH_NEW_NAME, 'n', "a name not seen before")                          \
	X(CH_ORG, 'O', "a named organisation")                                 \
	X(CH_ORG_WRITTEN, 'K', "an organisation as written")                   \
	X(CH_ROLE, 'R', "a role tied to a person")                             \
	X(CH_DESCRIBED, 'D', "a described speaker")                            \
	X(CH_PRONOUN, 'H', "he, she, it")                                      \
	X(CH_PRONOUN_OTHER, 'U', "I, we, they, you")                           \
	X(CH_CUE_INV, 'V', "a cue verb that may stand after its quote")        \
	X(CH_CUE, 'v', "another cue verb or a cue noun")                       \
	X(CH_CUE_INV_NOSUBJ, 'C', "V with no subject before it")               \
	X(CH_CUE_NOSUBJ, 'c', "v with no subject before it")                   \
	X(CH_BASE, 'b', "a base form or participle after an auxiliary")        \
	X(CH_PARTICIPLE, 'G', "a participle cue after a comma")                \
	X(CH_ACCORDING, 'A', "according to")                                   \
	X(CH_APPOSITIVE, 'a', "an appositive")                                 \
	X(CH_PAREN, 'p', "a parenthesis after a speaker")                      \
	X(CH_AFFILIATION, 'o', "an affiliation after a speaker")               \
	X(CH_FILLER, 'f', "an adverb or auxiliary")                            \
	X(CH_AND, '&', "and, but")                                             \
	X(CH_AS, 'S', "as")                                                    \
	X(CH_SUBORD, 's', "a subordinator")                                    \
	X(CH_WORD, 'w', "another lowercase word")                              \
	X(CH_CAP_WORD, 'W', "another capitalised word")                        \
	X(CH_NUMBER, '#', "a number")                                          \
	X(CH_INNER_DOT, '_', "a dot inside a word, an apostrophe set aside")   \
	X(CH_COMMA, ',', "a comma")                                            \
	X(CH_COLON, ':', "a colon")                                            \
	X(CH_DASH, '-', "a dash")                                              \
	X(CH_END, '.', "a sentence end")                                       \
	X(CH_PUNCT, 'x', "other punctuation")                                  \
	X(CH_QUOTE, '"', "a quotation mark")                                   \
	X(CH_BREAK, '|', "a paragraph or line break")                          \
	X(CH_ELIDED, '~', "words left out of a long sentence")

enum chunk_class {
#define CHUNK_ENUM_(id, ch, what) id = ch,
	CHUNK_CLASSES(CHUNK_ENUM_)
#undef CHUNK_ENUM_
};

/* Is ch a letter of the chunk alphabet? */
bool qt_cuepat_chunk_known(int ch);
/* The byte offset in the regex s[0..n) of the first literal that is no
 * chunk class, or QUOTH_NONE when every literal is one. */
size_t qt_cuepat_unknown_chunk(const char *s, size_t n);

enum { CP_AFTER, CP_BEFORE, CP_LEADIN, CP_PREVIOUS, CP_SIDES_ };

typedef struct {
	char rule[24];       /* the output's rule name */
	bool kind_rule;      /* a pronoun or role speaker names the rule */
	int side;            /* CP_* */
	uint32_t max_tokens; /* cue to quote, 0 = unbounded */
	void *re;            /* pcre2_code */
	int g_sp, g_cue, g_mention, g_spx; /* capture groups, or -1 */
	size_t line; /* in its file, for QUOTH_DEBUG_SHAPES */
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
void qt_cuepat_free(cue_patterns *cp);
/* Match data for qt_cuepat_match() (one per thread), or NULL. */
void *qt_cuepat_match_data(void);
void qt_cuepat_match_data_free(void *md);
/* Match p against s[0..n) from offset `from`: 1 with span[0..1] the match,
 * span[2..4] the starts of the groups sp, cue and mention and span[5] the
 * end of the group spx (QUOTH_NONE when absent), 0 for no match, -1 on a
 * matching error (resource limits). */
int qt_cuepat_match(const cue_pattern *p, const char *s, size_t n, size_t from,
                    void *md, size_t *span);

/* ---- data.c: loading the data files of a language --------------------- */

/* The learned choice between candidate links (choose.c): the weights of
 * choice-weights.txt. */
typedef struct choice_model choice_model;
/* symtab.c: every word of the lexicons as one symbol (see there). */
typedef struct symtab symtab;

typedef struct {
	lexicon *lex[LEX_COUNT_];
	cue_patterns pats;
	/* first-names.txt (value: NAME_MALE or NAME_FEMALE): the compiled
	 * table (data.c), or NULL for a language without one; and a data
	 * directory's own list, parsed, else NULL.  Ask qt_first_name() */
	const struct qt_name_table *names;
	lexicon *first_names;
	bool gender_from_names; /* QUOTH_OPT_GENDER_FROM_NAMES */
	choice_model *choice;
	symtab *sym;      /* built from lex[] once they are loaded */
	bool sym_builtin; /* sym is the image built in (data.c): not freed */
	/* the tagger of tagger.c (data/LANG/tagger.txt), or NULL when the
	 * language has none or QUOTH_TAGGER_OFF is set: attribution asks
	 * it for the entity class of names the lists cannot type.  Loaded
	 * and freed by extract.c (tagger.c reads data.c: not the other way
	 * round) */
	struct qt_tagger *tagger;
	/* tagger_state.c's, made by extract.c: the built-in weights, when
	 * tagger is NULL, until their first use (qt_lang_tagger() parses
	 * them then), and the tagging works that documents reuse */
	struct qt_tagger_state *tagger_state;
} lang_data;

enum { /* first-names.txt */
       NAME_MALE = FLAG('m'),
       NAME_FEMALE = FLAG('f')
};

/* Parse choice-weights.txt (data[0..len), named `name` in messages) into
 * *out: `feature<TAB>weight` lines, `threshold<TAB>p`, `#` comments, and
 * the header line `# adopted: yes` when the model is to be used.  Errors
 * name FILE:LINE. */
quoth_status qt_choice_parse(choice_model **out, const char *name,
                             const char *data, size_t len, quoth_error *err);
void qt_choice_free(choice_model *m);
/* The log-odds that a candidate is right, from its nf features (names,
 * NUL-separated, in feats). */
double qt_choice_score(const choice_model *m, const char *feats, size_t nf);
/* The best of n candidates by their scores z (the earlier on a tie), or
 * QUOTH_NONE when its probability is below the model's threshold. */
size_t qt_choice_best(const choice_model *m, const double *z, size_t n);
size_t qt_choice_size(const choice_model *m);
/* Does the file say `# adopted: yes` (the model is used)? */
bool qt_choice_adopted(const choice_model *m);

/* A token's `sym`: 0 before qt_symbolize(), else its symbol, with this
 * bit when the word has a byte outside ASCII. */
#define SYM_NONASCII 0x80000000u

/* The table itself, visible so that the lookups below are inline: they
 * run several times per token.  Built and read only through the
 * functions of this section. */
typedef struct {
	const char *key; /* borrowed from a lexicon's phrase */
	uint32_t len;
	uint32_t hash;           /* its hash's low bits, to skip memcmp() */
	int32_t val[LEX_COUNT_]; /* -1 when absent */
	uint32_t starts;         /* bit L: starts a longer phrase of L */
	uint32_t inner;          /* bit L: a later word of a phrase of L */
	uint32_t cls;            /* SYMC_* bits, derived from the above */
} sym_entry;

/* cls bits: what a lookup would answer, decided once per symbol. */
enum {
	/* a cue by cues.txt (any value), a speech verb of WordNet, or the
	 * first word of a longer cue: cue_at() may say yes */
	SYMC_CUE = 1u << 0
};

struct symtab {
	sym_entry *e; /* e[0] unused, e[1] the word in no lexicon */
	size_t n, cap;
	uint32_t *slots; /* entry index, 0 = empty; power of two */
	size_t nslots;
	uint32_t byte_sym[128]; /* the symbol of each one-byte ASCII word */
	/* every key again, zero-padded to whole eight-byte words (once
	 * the table is built, e[i].key points here): compared a word at a
	 * time */
	uint64_t *padded;
};

symtab *qt_symtab_build(lexicon *const *lex);
void qt_symtab_free(symtab *st);
/* Give every token its symbol (nothing when ld has no table). */
void qt_symbolize(const lang_data *ld, const char *text, token *t, size_t n);
/* Is no phrase of two or more tokens from token a (a + 1 must exist) in
 * ld->lex[which]?  (false: it may be) */
bool qt_lex_no_phrase(const lang_data *ld, int which, const token *t, size_t a);
/* The number of symbols (every id is below it), 0 without a table. */
size_t qt_sym_count(const lang_data *ld);

/* Is [a, b) (b > a + 1) surely no phrase of ld->lex[which] because one of
 * its later tokens, a word of the phrase by itself (spaces either side
 * within it), is the later word of no phrase of that lexicon?  (false:
 * it may be one) */
static inline bool
qt_lex_no_inner(const lang_data *ld, int which, const token *t, size_t a,
                size_t b)
{
	size_t i;

	for (i = a + 1; i < b; i++) {
		uint32_t s = t[i].sym;
		if (!s || !(t[i].flags & TF_SPACE_BEFORE) ||
		    (i + 1 < b && !(t[i + 1].flags & TF_SPACE_BEFORE)))
			continue;
		if (!(ld->sym->e[s & ~SYM_NONASCII].inner & (1u << which)))
			return true;
	}
	return false;
}

/* The value of symbol sym (not 0) in lexicon `which`, or -1. */
static inline int
qt_sym_value(const lang_data *ld, uint32_t sym, int which)
{
	return ld->sym->e[sym & ~SYM_NONASCII].val[which];
}

/* qt_lexicon_get_tokens() on ld->lex[which], through the tokens'
 * symbols when they have them. */
static inline int
qt_lex_tokens(const lang_data *ld, int which, const char *text, const token *t,
              size_t a, size_t b)
{
	uint32_t s = a < b ? t[a].sym : 0;

	if (s && ld->sym) {
		const sym_entry *e = &ld->sym->e[s & ~SYM_NONASCII];
		if (b == a + 1)
			return e->val[which];
		/* a longer phrase opens with the first word alone when a
		 * space follows it: none does unless that word starts one */
		if ((t[a + 1].flags & TF_SPACE_BEFORE) &&
		    !(e->starts & (1u << which)))
			return -1;
		if (qt_lex_no_inner(ld, which, t, a, b))
			return -1;
	}
	return qt_lexicon_get_tokens(ld->lex[which], text, t, a, b);
}

/*
 * Can token a (of n) be no cue, by its symbol alone?  True when its word
 * is no cue in cues.txt, no speech verb in wn-speech-verbs.txt and starts
 * no longer cue, and the token after it is none a two-word lookup could
 * join without a space: then the cue test (cues.c) answers -1 for it
 * whatever the context, and callers skip it without looking further.
 * False means only "ask the cue test".
 */
static inline bool
qt_sym_no_cue(const lang_data *ld, const token *t, size_t n, size_t a)
{
	uint32_t s = t[a].sym;

	if (!s || !ld->sym || (ld->sym->e[s & ~SYM_NONASCII].cls & SYMC_CUE))
		return false;
	return a + 1 >= n || (t[a + 1].flags & TF_SPACE_BEFORE) ||
	       t[a + 1].kind != TK_WORD;
}

/* Parse a patterns file (`name` for messages) and compile its patterns,
 * appending them to cp. */
quoth_status qt_cuepat_parse(cue_patterns *cp, const char *name,
                             const char *data, size_t len, quoth_error *err);
/* The bytes of an optional data file (no error when it is missing);
 * *owned: free them. */
const char *qt_data_bytes(const char *lang, const char *data_dir,
                          const char *file, char *path, size_t pathsz,
                          size_t *len, bool *owned);
quoth_status qt_lang_data_load(lang_data *ld, const char *lang,
                               const char *data_dir, quoth_error *err);
/* For --gender-from-names: set ld->gender_from_names; an error when
 * the language has no first-name list. */
quoth_status qt_first_names_load(lang_data *ld, const char *lang,
                                 const char *data_dir, quoth_error *err);
/* The flags (NAME_*) of case-folded first name s[0..n), or -1. */
int qt_first_name(const lang_data *ld, const char *s, size_t n);
/* How many names the list qt_first_name() searches holds. */
size_t qt_first_names_count(const lang_data *ld);
/* The flag (NAME_MALE or NAME_FEMALE) the first name of `name` has, or
 * 0: the first of two or more words, accents ignored, a hyphenated one
 * whole and then by its first part. */
int qt_name_gender(const lang_data *ld, const char *name, size_t n);
void qt_lang_data_free(lang_data *ld);

#endif
