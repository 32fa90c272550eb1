/*
 * cli_html.h (CLI): what every HTML page of quoth shares (src/cli_html.c):
 * escaping, the page skeleton (inline CSS, one inline script allowed by its
 * SHA-256 in a Content-Security-Policy, no network requests), the speaker
 * and status colours, and the table of contents of a page of several
 * documents.
 *
 * The rule for every byte that comes from an input (article, source, file
 * name, JSONL id): it reaches the page only through cli_html_text(), which
 * escapes the five characters HTML gives a meaning to and makes control
 * characters visible, so no input can open a tag, end an attribute or run
 * a script.
 */
#ifndef QUOTH_CLI_HTML_H
#define QUOTH_CLI_HTML_H

#include <stddef.h>
#include <stdint.h>

#include "cli.h"

/* ---- escaping ---------------------------------------------------------- */

/*
 * Append s[0..n) as HTML text, safe both as element content and inside a
 * double- or single-quoted attribute value: & < > " ' become references;
 * tab and line feed stay; CR before LF (or at the end of s) is dropped and
 * a lone CR becomes LF; other C0 controls and DEL become their visible
 * Control Pictures (U+2400 + c, U+2421); C1 controls, noncharacters and
 * invalid UTF-8 become U+FFFD.
 */
void cli_html_text(struct cli_buf *b, const char *s, size_t n);
/* The same for a NUL-terminated string (NULL appends nothing). */
void cli_html_cstr(struct cli_buf *b, const char *s);
/* printf, then cli_html_text() on the result. */
void cli_html_printf(struct cli_buf *b, const char *fmt, ...)
        __attribute__((format(printf, 2, 3)));

/* ---- colours ------------------------------------------------------------ */

/*
 * Speaker colours: light backgrounds, each with a contrast ratio of at
 * least 4.5:1 (WCAG 2 AA for normal text) against CLI_HTML_TEXT_COLOR,
 * the colour of all text (tests/test_cli_html.c computes the ratios).
 * Speaker k of a document gets class "c<k mod CLI_HTML_NCOLORS>"; quotes
 * without a speaker get class "cx" (CLI_HTML_NO_SPEAKER).  Colour is never
 * the only signal: every highlight also carries its speaker's label.
 */
#define CLI_HTML_NCOLORS 12
#define CLI_HTML_TEXT_COLOR "#1a1a1a"
#define CLI_HTML_NO_SPEAKER "#e9ecef"
extern const char *const cli_html_palette[CLI_HTML_NCOLORS];

/* Verify statuses, indexed by quoth_verify_status (exact, elided,
 * altered, missing, indirect): backgrounds of the status labels, with
 * the same contrast guarantee. */
#define CLI_HTML_NSTATUS 5
extern const char *const cli_html_status_colors[CLI_HTML_NSTATUS];

/* ---- the page ----------------------------------------------------------- */

/*
 * Everything up to and including <main>: doctype, charset, the
 * Content-Security-Policy (no source may be fetched, only the page's own
 * script runs, identified by its SHA-256), the stylesheet (plus
 * `extra_css`, trusted text, when not NULL), the script, and an <h1>
 * holding `title` (escaped).
 */
void cli_html_page_start(struct cli_buf *b, const char *title,
                         const char *extra_css);

/* The script the page carries and its CSP source expression
 * ("'sha256-...'"), for tests. */
const char *cli_html_script(void);
const char *cli_html_script_hash(void);

/*
 * A page of several documents: each is written as one <section
 * class="doc" id="ID" data-name="NAME" data-count="N"> (NAME escaped, N
 * its number of records) and the main thread, writing them in input
 * order, notes each in the table of contents.  The contents are written
 * after the last section and shown above the first one (CSS order), so
 * that a corpus can be streamed.
 */
struct cli_html_toc {
	struct cli_buf items; /* the <li> entries */
	size_t n;             /* documents noted */
	const char *noun;     /* what N counts: "quote" */
	/* the section ids so far (a hash set), to keep them unique */
	uint32_t *ids;
	size_t nids, cap;
	int failed;
};

/* The opening tag of a document's section: `id` is a plain identifier
 * (html_doc_prefix()), `name` the document's name, `count` its records. */
void cli_html_section_start(struct cli_buf *b, const char *id, const char *name,
                            size_t len, size_t count);

/*
 * Note the section rendered in `section` (starting with the tag of
 * cli_html_section_start(), its id from html_doc_prefix()); a buffer
 * without one (a document that failed) is ignored, and so is everything
 * when `t` is NULL.  A document seen before (the same name and text) has
 * the id of the first: its id, and the ids made from it, are renumbered
 * in place so that every id on the page stays unique.
 */
void cli_html_toc_add(struct cli_html_toc *t, struct cli_buf *section);
/* Free what the contents hold. */
void cli_html_toc_free(struct cli_html_toc *t);

/* </main>, the table of contents when there were several documents, the
 * footer, </body></html>. */
void cli_html_page_end(struct cli_buf *b, const struct cli_html_toc *t);

#endif
