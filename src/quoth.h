/*
 * quoth.h: who said what in news text.
 *
 * The only installed header of libquoth.  Usage:
 *
 *     quoth_options opt;
 *     quoth_options_init(&opt);              // English, built-in data
 *     quoth_extractor *ex = NULL;
 *     quoth_error err;
 *     if (quoth_extractor_new(&opt, &ex, &err) != QUOTH_OK)
 *         die(err.message);
 *     quoth_result *r = NULL;
 *     if (quoth_extract(ex, text, len, &r, &err) == QUOTH_OK) {
 *         for (size_t i = 0; i < quoth_result_count(r); i++) {
 *             size_t n;
 *             const char *who = quoth_quote_str(r, i, QUOTH_FIELD_SPEAKER, &n);
 *             const char *what = quoth_quote_str(r, i, QUOTH_FIELD_QUOTE, &n);
 *             ...
 *         }
 *         quoth_result_free(r);
 *     }
 *     quoth_extractor_free(ex);
 *
 * An extractor is immutable once created: one extractor may serve any
 * number of threads at once, each with its own results.  Text is always
 * (pointer, length) and never needs a terminating NUL.  Every offset is a
 * byte offset into the text exactly as given.
 */
#ifndef QUOTH_H
#define QUOTH_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(_WIN32)
#define QUOTH_EXPORT
#else
#define QUOTH_EXPORT __attribute__((visibility("default")))
#endif

#include "quoth_version.h" /* QUOTH_VERSION_STRING */

/** Status codes: 0 is success, every error is negative. */
typedef enum {
	QUOTH_OK = 0,
	QUOTH_ERR_NOMEM = -1,   /* out of memory */
	QUOTH_ERR_UTF8 = -2,    /* invalid UTF-8 with QUOTH_OPT_STRICT_UTF8 */
	QUOTH_ERR_IO = -3,      /* a file could not be read */
	QUOTH_ERR_LEXICON = -4, /* a data file has a syntax error */
	QUOTH_ERR_LIMIT = -5,   /* a hard limit (document size) was exceeded */
	QUOTH_ERR_ARG = -6 /* an invalid argument (NULL, unknown language) */
} quoth_status;

/** Short English text for a status code; never NULL, static storage. */
QUOTH_EXPORT const char *quoth_strerror(quoth_status status);

/**
 * Where and why something failed.  Filled by the functions that take a
 * quoth_error * (which may be NULL) whenever they return an error.
 * `message` is a complete sentence, already naming the file and line for
 * data files; `offset`, `line` and `column` locate the error in the text
 * being read (1-based line and column, column counted in code points), or
 * are 0 when they do not apply.
 */
typedef struct {
	quoth_status status;
	size_t offset;
	size_t line;
	size_t column;
	char message[512];
} quoth_error;

/** Option flags for quoth_options.flags. */
enum {
	QUOTH_OPT_STRICT_UTF8 =
	        1u << 0, /* invalid UTF-8 is an error, not replaced */
	/** A person the article gives no gender gets the gender most
	 *  bearers of their first name have (the language's
	 *  first-names.txt, loaded by quoth_extractor_new()), with
	 *  QUOTH_FIELD_GENDER_SOURCE "name"; the article's own evidence
	 *  always wins.  Only speakers of kind "person" whose name has a
	 *  first name (two words or more) get one. */
	QUOTH_OPT_GENDER_FROM_NAMES = 1u << 1
};

/** Quote types; also usable as a bit mask (1u << type) in `types`. */
typedef enum {
	QUOTH_DIRECT = 0,
	QUOTH_MIXED = 1,
	QUOTH_INDIRECT = 2,
	QUOTH_PARTIAL = 3
} quoth_type;

#define QUOTH_TYPES_ALL 0xfu

/**
 * Options for an extractor.  Always initialise with quoth_options_init(),
 * which sets `size` so that the struct can grow without breaking callers.
 */
typedef struct {
	size_t size;            /* sizeof(quoth_options), set by init */
	const char *lang;       /* language code, default "en" */
	const char *data_dir;   /* directory of <lang>/ data files, or NULL
	                           * for the built-in copies; a file missing
	                           * there falls back to the built-in one */
	unsigned flags;         /* QUOTH_OPT_* */
	unsigned types;         /* mask of (1u << quoth_type) to report */
	size_t max_doc_bytes;   /* larger documents fail with
	                           * QUOTH_ERR_LIMIT; default 1 GiB */
	size_t max_quote_bytes; /* a quote running over several
	                           * paragraphs is cut at the end of the
	                           * paragraph that crosses this length;
	                           * one paragraph longer than it is kept;
	                           * both are warned about; default 64 KiB */
	size_t max_depth;       /* deepest nesting of quote marks tracked;
	                           * deeper marks are treated as text, with a
	                           * warning; default 8, at most 1024
	                           * (more is QUOTH_ERR_ARG) */
	void (*trace)(void *arg, const char *line);
	/* called with one line for each window of
	                           * chunk classes the cue patterns are
	                           * matched against, and for the pattern
	                           * that matched (quoth(1), ENVIRONMENT,
	                           * QUOTH_DEBUG_SHAPES); NULL for none.  It
	                           * runs in the thread of quoth_extract();
	                           * quoth_extract_each() with threads calls
	                           * it from its workers, and a window's lead
	                           * and tail, read again, are traced again */
	void *trace_arg;  /* passed to trace */
	unsigned threads; /* quoth_extract_each(): the windows of
	                           * one long document on this many threads
	                           * (default 0: in the caller's thread);
	                           * the quotes are the same */
} quoth_options;

/** Fill `opt` with the defaults. */
QUOTH_EXPORT void quoth_options_init(quoth_options *opt);

typedef struct quoth_extractor quoth_extractor;
typedef struct quoth_result quoth_result;

/**
 * Create an extractor: loads the language's data (built in, or from
 * opt->data_dir).  `opt` may be NULL for the defaults.  On success *out
 * holds a new extractor to free with quoth_extractor_free(); on error *out
 * is untouched and `err` (if not NULL) says which file and line failed.
 */
QUOTH_EXPORT quoth_status quoth_extractor_new(const quoth_options *opt,
                                              quoth_extractor **out,
                                              quoth_error *err);

/** Free an extractor; NULL is accepted. */
QUOTH_EXPORT void quoth_extractor_free(quoth_extractor *ex);

/**
 * Extract every quotation from text[0..len).  On success *out holds a new
 * result to free with quoth_result_free().  Invalid UTF-8 is replaced and
 * counted (see quoth_result_warnings) unless QUOTH_OPT_STRICT_UTF8, which
 * fails with QUOTH_ERR_UTF8 and the offending offset in `err`.
 */
QUOTH_EXPORT quoth_status quoth_extract(const quoth_extractor *ex,
                                        const char *text, size_t len,
                                        quoth_result **out, quoth_error *err);

/**
 * A caller's handler for quoth_extract_each(): called with a batch of
 * quotes from one window of the document (at most 1,024 per call, so a
 * quote-dense window comes in several calls), in document order.
 * `first` is the number of quotes handed over before this call (so quote
 * i of `r` is quote first + i + 1 of the document).  The result belongs to
 * quoth_extract_each() and is freed after the call.  Return 0 to go on,
 * anything else to stop.
 */
typedef int (*quoth_window_fn)(void *arg, const quoth_result *r, size_t first);

/**
 * Extract every quotation from text[0..len) as quoth_extract() does, in
 * bounded memory: a long document is processed a window of whole
 * paragraphs at a time (with the paragraphs around each window read for
 * context), and each window's quotes are handed to `fn`, in batches of
 * at most 1,024, before the next window is read.  Offsets, paragraph and line numbers in those results
 * are relative to the whole document.  A document shorter than one
 * window (about 1 MiB; QUOTH_WINDOW_BYTES in the environment sets it, for
 * tests) is one window, and its quotes are those of quoth_extract().
 * On success *out holds a result without quotes to free with
 * quoth_result_free(): the document's warnings (quoth_result_warnings,
 * quoth_result_locate).  QUOTH_ERR_IO when `fn` stopped the run.
 */
QUOTH_EXPORT quoth_status quoth_extract_each(const quoth_extractor *ex,
                                             const char *text, size_t len,
                                             quoth_window_fn fn, void *arg,
                                             quoth_result **out,
                                             quoth_error *err);

/** Free a result; NULL is accepted. */
QUOTH_EXPORT void quoth_result_free(quoth_result *r);

/** Number of quotes in the result (0 for NULL). */
QUOTH_EXPORT size_t quoth_result_count(const quoth_result *r);

/** Kinds of warning a result can carry. */
typedef enum {
	QUOTH_WARN_UTF8 = 0,      /* invalid UTF-8 bytes were replaced */
	QUOTH_WARN_QUOTE_LEN = 1, /* a quote hit max_quote_bytes */
	QUOTH_WARN_DEPTH = 2,     /* quote marks nested beyond max_depth */
	QUOTH_WARN_COUNT_ = 3
} quoth_warning;

/**
 * How many times warning `w` occurred while extracting, and (when the
 * count is non-zero and `offset` is not NULL) the byte offset of the
 * first occurrence.
 */
QUOTH_EXPORT size_t quoth_result_warnings(const quoth_result *r,
                                          quoth_warning w, size_t *offset);

/** Type of quote i. */
QUOTH_EXPORT quoth_type quoth_quote_type(const quoth_result *r, size_t i);

/** Name of a type: "direct", "mixed", "indirect" or "partial". */
QUOTH_EXPORT const char *quoth_type_name(quoth_type t);

/** String fields of a quote. */
typedef enum {
	QUOTH_FIELD_SPEAKER = 0, /* canonical speaker name */
	QUOTH_FIELD_TITLE,       /* role or title of the speaker */
	QUOTH_FIELD_GENDER,      /* "male", "female" */
	QUOTH_FIELD_MENTION,     /* the mention as written ("he") */
	QUOTH_FIELD_CUE,         /* "said", "according to" */
	QUOTH_FIELD_QUOTE,       /* the content, parts joined by a space */
	QUOTH_FIELD_CONTEXT,     /* the sentence(s) around quote and cue */
	QUOTH_FIELD_RULE,        /* the rule that linked the speaker */
	/** Where the gender came from: "article" (the article's own
	 *  evidence: he/she, Mr/Ms, "the mother"), "name" (a first-name
	 *  statistic, --gender-from-names); absent when the gender is. */
	QUOTH_FIELD_GENDER_SOURCE,
	/** What the speaker is: "person", "organisation", "place" (a
	 *  capital or country speaking for its government), "document" (no
	 *  issuer named: "a statement said"), "description" (no name given:
	 *  "a senior official") or "unknown"; absent when the speaker is. */
	QUOTH_FIELD_KIND,
	QUOTH_FIELD_COUNT_
} quoth_field;

/**
 * String field `f` of quote i, as valid UTF-8 owned by the result (invalid
 * input bytes appear as U+FFFD).  Returns NULL, with *len = 0, when the
 * field is absent (an unknown speaker); `len` may be NULL.
 */
QUOTH_EXPORT const char *quoth_quote_str(const quoth_result *r, size_t i,
                                         quoth_field f, size_t *len);

/** Byte spans of a quote. */
typedef enum {
	QUOTH_SPAN_QUOTE = 0, /* first part's start to last part's end */
	QUOTH_SPAN_MENTION,   /* the speaker mention */
	QUOTH_SPAN_CUE,       /* the cue words */
	QUOTH_SPAN_CONTEXT    /* the context sentence(s) */
} quoth_span_kind;

/**
 * Byte span [*start, *end) of kind `k` of quote i.  Returns 1 and writes
 * both when the span exists, 0 (writing nothing) when it does not.
 */
QUOTH_EXPORT int quoth_quote_span(const quoth_result *r, size_t i,
                                  quoth_span_kind k, size_t *start,
                                  size_t *end);

/** Number of parts of quote i (1 unless split or multi-paragraph). */
QUOTH_EXPORT size_t quoth_quote_nparts(const quoth_result *r, size_t i);

/** Byte span of part k of quote i (a direct part includes its marks). */
QUOTH_EXPORT void quoth_quote_part(const quoth_result *r, size_t i, size_t k,
                                   size_t *start, size_t *end);

/** Number of verbatim spans (the words inside quote marks) of quote i. */
QUOTH_EXPORT size_t quoth_quote_nverbatim(const quoth_result *r, size_t i);

/** Byte span of verbatim span k of quote i (marks excluded). */
QUOTH_EXPORT void quoth_quote_verbatim(const quoth_result *r, size_t i,
                                       size_t k, size_t *start, size_t *end);

/** 1-based paragraph and line of the start of quote i; either may be NULL. */
QUOTH_EXPORT void quoth_quote_position(const quoth_result *r, size_t i,
                                       size_t *paragraph, size_t *line);

/**
 * 1-based line and column of byte `offset` of the text the result was
 * extracted from, for messages.  At the offset of one of the result's
 * warnings the column counts code points (as quoth_error's does);
 * elsewhere it counts bytes, since the result does not keep the text.
 * Either may be NULL.
 */
QUOTH_EXPORT void quoth_result_locate(const quoth_result *r, size_t offset,
                                      size_t *line, size_t *column);

/* ---- verify: quotes against source transcripts ---------------------- */
/* (verify section begin) */
/*
 * A source set holds the texts quotes are checked against: interview
 * transcripts (plain text with speaker labels such as "HEGSETH:",
 * "Speaker 1:", "Q:" and timestamps such as "00:12:31" or "[00:12:31]"),
 * WebVTT and SRT subtitle files, press releases, earlier stories.  Each
 * text is split into words once, keeping every word's byte span, line,
 * speaker label and timestamp; cue numbers, timing lines, markup and
 * transcriber notes ("[inaudible]", "(Applause.)") are not words.
 *
 * quoth_verify() then locates the verbatim spans of every quote of a
 * quoth_result in the set.  Words are compared after NFKC normalisation,
 * with curly and straight marks, dash forms, white space and line breaks
 * made equal, and house style ignored ("U.S."/"US", "1,000"/"1000");
 * punctuation is not compared.  The case of a word counts, except for the
 * first letter of each verbatim span, of each piece after an ellipsis and
 * of each sentence, and except in a source written without lowercase
 * letters.  Sentences of a quote are located one by one: joined sentences
 * that were not adjacent in the source make the quote altered.
 *
 * Similarity of a passage = matched words / max(quote words, passage
 * words), where quote words leave out bracketed insertions, and passage
 * words leave out the words an ellipsis or a bracketed insertion stands
 * for and the words of other speakers' turns inside the passage, but
 * include up to 8 words cut between joined sentences.  A word whose case
 * changed counts as matched (and makes the quote altered).
 */

/** Formats of a source text, detected by quoth_sources_add(). */
typedef enum {
	QUOTH_SOURCE_PLAIN = 0, /* plain text, optionally speaker-labelled */
	QUOTH_SOURCE_WEBVTT = 1,
	QUOTH_SOURCE_SRT = 2
} quoth_source_format;

/** A set of source texts, with a word index over all of them. */
typedef struct quoth_sources quoth_sources;

/**
 * Create an empty source set in *out (free with quoth_sources_free()).
 * Returns QUOTH_ERR_NOMEM, leaving *out untouched, when out of memory.
 */
QUOTH_EXPORT quoth_status quoth_sources_new(quoth_sources **out);

/** Free a source set; NULL is accepted. */
QUOTH_EXPORT void quoth_sources_free(quoth_sources *s);

/**
 * Add text[0..len) under `name` (a file name, reported with each match).
 * The text is copied; its format (WebVTT, SRT or plain) is detected from
 * its first lines.  Invalid UTF-8 bytes separate words and are never part
 * of one.  Fails with QUOTH_ERR_LIMIT when one text exceeds 4 GiB or the
 * set exceeds 2^32 - 2 words, QUOTH_ERR_NOMEM when out of memory; the set
 * is unchanged on failure.
 */
QUOTH_EXPORT quoth_status quoth_sources_add(quoth_sources *s, const char *name,
                                            const char *text, size_t len,
                                            quoth_error *err);

/** Number of texts in the set (0 for NULL). */
QUOTH_EXPORT size_t quoth_sources_count(const quoth_sources *s);

/** Name of text i as given to quoth_sources_add(); NUL-terminated. */
QUOTH_EXPORT const char *quoth_sources_name(const quoth_sources *s, size_t i);

/** Detected format of text i. */
QUOTH_EXPORT quoth_source_format quoth_sources_format(const quoth_sources *s,
                                                      size_t i);

/** Number of words of text i (0 for an empty or word-less text). */
QUOTH_EXPORT size_t quoth_sources_nwords(const quoth_sources *s, size_t i);

/** One word of a source text, as seen by the matcher. */
typedef struct {
	size_t start, end; /* byte span in the text as given */
	size_t line;       /* 1-based line of `start` */
	const char *label; /* speaker label of its turn ("HEGSETH"), or
	                        * NULL; not NUL-terminated, see label_len */
	size_t label_len;
	const char *timestamp; /* start time of its cue or transcript
	                        * segment as written ("00:12:31"), or NULL */
	size_t timestamp_len;
} quoth_source_word;

/**
 * Word k of text i into *w (pointers owned by the set).  Returns 1, or 0
 * (writing nothing) when i or k is out of range.
 */
QUOTH_EXPORT int quoth_sources_word(const quoth_sources *s, size_t i, size_t k,
                                    quoth_source_word *w);

/**
 * Build the word index now.  quoth_verify() builds it when texts were
 * added since the last index; call this first when several threads will
 * verify against one set, which is then read-only and may be shared.
 */
QUOTH_EXPORT quoth_status quoth_sources_index(quoth_sources *s,
                                              quoth_error *err);

/** Verification statuses, from best to worst (indirect is not judged). */
typedef enum {
	QUOTH_VERIFY_EXACT = 0,   /* verbatim up to typography */
	QUOTH_VERIFY_ELIDED = 1,  /* verbatim once "..." and [insertions]
	                            * are accounted for */
	QUOTH_VERIFY_ALTERED = 2, /* similarity >= 0.5 but words changed,
	                            * dropped, added, reordered, or case
	                            * changed beyond the first letter */
	QUOTH_VERIFY_MISSING = 3, /* no passage reaches similarity 0.5 */
	QUOTH_VERIFY_INDIRECT = 4 /* reported speech: listed, not judged */
} quoth_verify_status;

/** "exact", "elided", "altered", "missing" or "indirect". */
QUOTH_EXPORT const char *quoth_verify_status_name(quoth_verify_status s);

/** Flags for quoth_verify(). */
enum {
	QUOTH_VERIFY_ALL = 1u << 0 /* judge indirect quotes too, using the
	                            * quote's whole span */
};

/** The verification of every quote of one result. */
typedef struct quoth_check quoth_check;

/**
 * Check every quote of `r` (extracted from text[0..len), which must be
 * passed again) against the sources `src`.  Each verbatim span (each part
 * of a split quote, each quoted fragment of a mixed quote) is located on
 * its own; the quote gets the worst status of its spans.  `ex` supplies
 * the titles used to compare speaker names and may be NULL.  On success
 * *out holds a new check with one entry per quote, to free with
 * quoth_check_free().  Errors: QUOTH_ERR_ARG (NULL argument, a span
 * beyond len), QUOTH_ERR_NOMEM.
 */
QUOTH_EXPORT quoth_status quoth_verify(const quoth_extractor *ex,
                                       quoth_sources *src, const char *text,
                                       size_t len, const quoth_result *r,
                                       unsigned flags, quoth_check **out,
                                       quoth_error *err);

/**
 * Check one quote given directly: its verbatim spans are the n byte ranges
 * spans[2k]..spans[2k+1] of text[0..len), `speaker` (may be NULL) is its
 * speaker as the article names it.  *out holds a check with one entry.
 * For callers that do not extract (an editor checking one quote) and for
 * tests.  Errors as quoth_verify().
 */
QUOTH_EXPORT quoth_status quoth_verify_quote(
        const quoth_extractor *ex, quoth_sources *src, const char *text,
        size_t len, const size_t *spans, size_t n, const char *speaker,
        size_t speaker_len, quoth_check **out, quoth_error *err);

/** Free a check; NULL is accepted. */
QUOTH_EXPORT void quoth_check_free(quoth_check *c);

/** Number of entries (the quote count of the result); 0 for NULL. */
QUOTH_EXPORT size_t quoth_check_count(const quoth_check *c);

/** Status of entry i. */
QUOTH_EXPORT quoth_verify_status quoth_check_status(const quoth_check *c,
                                                    size_t i);

/**
 * Similarity (0..1) of entry i: that of the span that decided its status
 * (for missing, of the closest passage seen).  -1 for an indirect quote
 * that was not judged.
 */
QUOTH_EXPORT double quoth_check_similarity(const quoth_check *c, size_t i);

/**
 * Which verbatim span (0-based, in article order) decided the status of
 * entry i, and how many spans it has (*nparts, may be NULL).
 */
QUOTH_EXPORT size_t quoth_check_part(const quoth_check *c, size_t i,
                                     size_t *nparts);

/**
 * Where entry i was found: index of the source text, byte span
 * [*start, *end) of the passage in it (from the first to the last found
 * span when they lie in one text) and the 1-based line of *start.
 * Returns 1, or 0 (writing nothing) when nothing was found (missing,
 * indirect); any pointer may be NULL.
 */
QUOTH_EXPORT int quoth_check_source(const quoth_check *c, size_t i,
                                    size_t *source, size_t *start, size_t *end,
                                    size_t *line);

/** String fields of a check entry. */
typedef enum {
	QUOTH_CHECK_SOURCE = 0,    /* name of the source text */
	QUOTH_CHECK_TIMESTAMP,     /* start time of the passage, when the
	                            * source has times */
	QUOTH_CHECK_SOURCE_WORDS,  /* the passage's words, one space apart;
	                            * " | " between spans, " … " where an
	                            * ellipsis skipped words */
	QUOTH_CHECK_DIFF,          /* word diff, source -> quote:
	                            * "[-on fire-] {+burning+}"; "[-…-]"
	                            * where words were cut without an
	                            * ellipsis; " | " between spans */
	QUOTH_CHECK_SPEAKER_LABEL, /* the passage's speaker label */
	QUOTH_CHECK_FIELD_COUNT_
} quoth_check_field;

/**
 * String field `f` of entry i, valid UTF-8, NUL-terminated, owned by the
 * check.  NULL with *len = 0 when absent; `len` may be NULL.  The diff is
 * present for every judged entry (for missing, every word is inserted).
 */
QUOTH_EXPORT const char *quoth_check_str(const quoth_check *c, size_t i,
                                         quoth_check_field f, size_t *len);

/**
 * 1 when the passage of entry i lies in a turn whose label names someone
 * other than the quote's speaker (neither name contains the other, the
 * surnames differ, and the label is a name or a questioner such as "Q:",
 * not "Speaker 1" or a bare title); else 0.
 */
QUOTH_EXPORT int quoth_check_speaker_mismatch(const quoth_check *c, size_t i);
/* (verify section end) */

#ifdef __cplusplus
}
#endif

#endif
