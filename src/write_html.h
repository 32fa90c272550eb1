/*
 * write_html.h: the pieces the HTML pages of `quoth -f html`
 * (write_html.c) and `quoth verify -f html` (verify_html.c) share beyond
 * cli_html.h: an article's text with highlights (html_marks.c), and the
 * verify page's document.
 */
#ifndef QUOTH_WRITE_HTML_H
#define QUOTH_WRITE_HTML_H

#include "cli_html.h"

/*
 * An article's text with highlights laid over it.  Highlights are byte
 * ranges of the text with an opening tag (trusted HTML, escaped by the
 * caller); they may overlap or nest in any way (a partial inside a
 * direct quote, a cue inside a mixed quote, two spans that cross): the
 * text is written with every element closed before any element opened
 * after it, closing and reopening an element where another one ends
 * inside it, so the result is always well-formed.  Inserts are trusted
 * HTML placed at a byte offset (a speaker's label after its quote).
 */
struct html_marks {
	struct html_mark *marks;
	size_t n, cap;
	struct cli_buf pool; /* the tags, one after the other */
	int failed;
};

/*
 * Add a highlight of text[start..end) opened by the tag `open` (e.g.
 * "<mark class=\"q direct c0\">") and closed by `close` ("</mark>").  Of
 * two highlights over the same range the lower `rank` is the outer one.
 * An empty or reversed range is ignored.  The tag is copied.
 */
void html_marks_add(struct html_marks *m, size_t start, size_t end,
                    unsigned rank, const char *open, size_t open_len,
                    const char *close);
/* Add trusted HTML to be written at byte `at`, after the highlights that
 * end there and before those that start there. */
void html_marks_insert(struct html_marks *m, size_t at, const char *html,
                       size_t len);
/* Write text[0..len) with the highlights and inserts (escaped by
 * cli_html_text()); highlights beyond len are cut at len. */
void html_marks_render(struct html_marks *m, struct cli_buf *out,
                       const char *text, size_t len);
void html_marks_free(struct html_marks *m);

/*
 * An id prefix for the elements of one document's section, from its name
 * and text ("d" and 8 hex digits): unique on a page unless the same
 * document is given twice.
 */
void html_doc_prefix(char out[16], const char *name, size_t name_len,
                     const char *text, size_t len);

/*
 * `quoth verify -f html`: one draft's section: a summary, the draft with
 * each quote marked with its status, and beside it the check of every
 * quote (status, similarity, word diff, the source passage with file,
 * line and timestamp).  Implemented in verify_html.c.
 */
void cli_verify_html_doc(struct cli_buf *out, const char *doc, const char *text,
                         size_t len, const quoth_result *r,
                         const quoth_check *chk);

#endif
