/*
 * fuzz_html.c: the HTML pages (write_html.c, verify_html.c, html_marks.c,
 * cli_html.c) on any text.
 *
 * Input: one option byte, then the text.
 *
 *     bit 0   also verify the text against its own first half and add
 *             the verify section (cli_verify_html_doc)
 *     bit 1   a document name full of markup ("<a href='x'>&\x01")
 *
 * The page must be valid UTF-8 and well-formed: every '<' opens or closes
 * one of the page's own elements (nothing from the input can open a
 * tag), attribute values hold no '<', every end tag closes the element
 * opened last, everything opened is closed, there is exactly one script,
 * and no control character other than tab and line feed appears.
 */
#include <string.h>

#include "fuzz.h"
#include "write_html.h"

static const char *const elements[] = {
        "html",   "head",       "meta", "title", "style",   "script",
        "body",   "header",     "h1",   "main",  "section", "h2",
        "h3",     "p",          "div",  "ul",    "li",      "mark",
        "span",   "a",          "b",    "ol",    "q",       "table",
        "thead",  "tbody",      "tr",   "th",    "td",      "nav",
        "footer", "blockquote", "del",  "ins",   "time",    "strong",
};

static int
known(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < sizeof elements / sizeof elements[0]; i++)
		if (strlen(elements[i]) == n && memcmp(elements[i], s, n) == 0)
			return 1;
	return 0;
}

/* Skip a raw-text element's content up to its end tag. */
static size_t
skip_raw(const char *s, size_t n, size_t i, const char *end)
{
	size_t k = strlen(end);

	for (; i + k <= n; i++)
		if (memcmp(s + i, end, k) == 0)
			return i;
	fuzz_fail("no %s", end);
}

static void
check_page(const char *s, size_t n)
{
	const char *stack[64], *name;
	size_t depth = 0, i = 0, k, e, len, scripts = 0;
	int close;

	fuzz_check(n > 15 && memcmp(s, "<!DOCTYPE html>\n", 16) == 0,
	           "no doctype");
	for (i = 16; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		fuzz_check(c >= 0x20 || c == '\t' || c == '\n',
		           "control character 0x%02x at %zu", c, i);
		fuzz_check(c != '>', "a bare '>' at %zu", i);
		if (c != '<')
			continue;
		close = s[i + 1] == '/';
		name = s + i + 1 + close;
		for (len = 0; name + len < s + n &&
		              ((name[len] >= 'a' && name[len] <= 'z') ||
		               (name[len] >= '0' && name[len] <= '9'));
		     len++)
			;
		fuzz_check(known(name, len), "unknown tag at %zu", i);
		/* to the end of the tag: attribute values hold no '<' or '>' */
		for (k = i + 1; k < n && s[k] != '>'; k++)
			fuzz_check(s[k] != '<', "'<' inside a tag at %zu", k);
		fuzz_check(k < n, "unterminated tag at %zu", i);
		if (close) {
			fuzz_check(depth > 0 &&
			                   strlen(stack[depth - 1]) == len &&
			                   memcmp(stack[depth - 1], name,
			                          len) == 0,
			           "end tag at %zu closes another element", i);
			depth--;
		} else if (!(len == 4 && memcmp(name, "meta", 4) == 0)) {
			fuzz_check(depth < 64, "nested too deep at %zu", i);
			for (e = 0; e < sizeof elements / sizeof elements[0];
			     e++)
				if (strlen(elements[e]) == len &&
				    memcmp(elements[e], name, len) == 0)
					stack[depth++] = elements[e];
		}
		i = k;
		if (!close && len == 6 && memcmp(name, "script", 6) == 0) {
			scripts++;
			i = skip_raw(s, n, i, "</script>") - 1;
		} else if (!close && len == 5 &&
		           memcmp(name, "style", 5) == 0) {
			i = skip_raw(s, n, i, "</style>") - 1;
		}
	}
	fuzz_check(depth == 0, "%zu elements left open", depth);
	fuzz_check(scripts == 1, "%zu scripts", scripts);
}

static quoth_extractor *ex;

static void
verify_section(struct cli_buf *out, const char *doc, const char *text,
               size_t len, const quoth_result *r)
{
	quoth_sources *src = NULL;
	quoth_check *chk = NULL;
	quoth_error err;

	memset(&err, 0, sizeof err);
	if (quoth_sources_new(&src) != QUOTH_OK ||
	    quoth_sources_add(src, "self<", text, len / 2, &err) != QUOTH_OK ||
	    quoth_verify(ex, src, text, len, r, QUOTH_VERIFY_ALL, &chk, &err) !=
	            QUOTH_OK) {
		quoth_sources_free(src);
		return;
	}
	cli_verify_html_doc(out, doc, text, len, r, chk);
	quoth_check_free(chk);
	quoth_sources_free(src);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char odd_name[] = "<a href='x'>&\x01\"</section>";
	struct cli_buf out = {0};
	struct cli_html_toc toc;
	struct cli_writer w;
	quoth_result *r = NULL;
	quoth_error err;
	const char *text = (const char *)data + 1, *doc = "doc.txt";
	size_t len = size ? size - 1 : 0;
	unsigned flags = size ? data[0] : 0;

	if (!ex && quoth_extractor_new(NULL, &ex, &err) != QUOTH_OK)
		fuzz_fail("quoth_extractor_new: %s", err.message);
	if (flags & 2)
		doc = odd_name;
	memset(&err, 0, sizeof err);
	if (quoth_extract(ex, text, len, &r, &err) != QUOTH_OK)
		return 0;
	memset(&toc, 0, sizeof toc);
	memset(&w, 0, sizeof w);
	w.format = CLI_FORMAT_HTML;
	w.out = &out;
	w.cols = cli_quote_columns;
	w.ncols = cli_quote_ncolumns;
	w.noun = "quote";
	cli_writer_init(&w);
	cli_writer_header(&w);
	cli_writer_source(&w, text, len, r);
	cli_writer_group(&w, doc, strlen(doc));
	cli_writer_finish(&w);
	if (flags & 1)
		verify_section(&out, doc, text, len, r);
	cli_html_toc_add(&toc, &out);
	cli_html_page_end(&out, &toc);
	cli_html_toc_free(&toc);
	if (!out.failed) {
		fuzz_check(fuzz_utf8_valid(out.ptr, out.len),
		           "page is not valid UTF-8");
		check_page(out.ptr, out.len);
	}
	cli_buf_free(&out);
	quoth_result_free(r);
	return 0;
}
