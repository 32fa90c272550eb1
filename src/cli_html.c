/*
 * cli_html.c (CLI): the parts every HTML page shares: escaping, the page
 * skeleton with its stylesheet and script, the colours, and the table of
 * contents.  Reads nothing; writes into cli_buf buffers.
 *
 * The pages are standalone files: no request leaves them (the
 * Content-Security-Policy says default-src 'none'), the stylesheet and
 * the one script are inline, and the script runs only because the policy
 * names its SHA-256 (tools/embed_script.py computes it at build time), so
 * a script that came from the input could not run even if it escaped
 * escaping.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_html.h"
#include "html_script.inc"
#include "quoth_version.h"

/* ---- escaping ------------------------------------------------------------ */

/* What replaces a code point that must not appear as itself, or NULL. */
static const char *
replacement(int32_t cp, char *buf)
{
	switch (cp) {
	case '&':
		return "&amp;";
	case '<':
		return "&lt;";
	case '>':
		return "&gt;";
	case '"':
		return "&quot;";
	case '\'':
		return "&#39;";
	case '\t':
	case '\n':
		return NULL;
	case 0x7F:
		return "\xE2\x90\xA1"; /* U+2421 SYMBOL FOR DELETE */
	default:
		break;
	}
	if (cp < 0x20) {
		/* U+2400 + cp: the Control Pictures block, E2 90 80..9F */
		buf[0] = '\xE2';
		buf[1] = '\x90';
		buf[2] = (char)(0x80 + cp);
		buf[3] = '\0';
		return buf;
	}
	/* C1 controls and noncharacters are parse errors in HTML. */
	if ((cp >= 0x80 && cp <= 0x9F) || (cp >= 0xFDD0 && cp <= 0xFDEF) ||
	    (cp & 0xFFFE) == 0xFFFE)
		return "\xEF\xBF\xBD";
	return NULL;
}

void
cli_html_text(struct cli_buf *b, const char *s, size_t n)
{
	size_t i = 0, from = 0, k;
	int32_t cp;
	char pic[4];
	const char *rep;

	while (i < n) {
		k = cli_utf8_next(s + i, n - i, &cp);
		if (cp == '\r') {
			cli_buf_put(b, s + from, i - from);
			/* CRLF is one line end; a CR at the end of a piece is
			 * the first half of one cut by a highlight. */
			if (i + 1 < n && s[i + 1] != '\n')
				cli_buf_putc(b, '\n');
			from = i + 1;
		} else if (cp == 0xFFFD && k == 1) {
			/* an invalid byte (a real U+FFFD takes 3) */
			cli_buf_put(b, s + from, i - from);
			cli_buf_puts(b, "\xEF\xBF\xBD");
			from = i + 1;
		} else if ((rep = replacement(cp, pic)) != NULL) {
			cli_buf_put(b, s + from, i - from);
			cli_buf_puts(b, rep);
			from = i + k;
		}
		i += k;
	}
	cli_buf_put(b, s + from, n - from);
}

void
cli_html_cstr(struct cli_buf *b, const char *s)
{
	if (s)
		cli_html_text(b, s, strlen(s));
}

void
cli_html_printf(struct cli_buf *b, const char *fmt, ...)
{
	struct cli_buf tmp = {0};
	va_list ap;

	va_start(ap, fmt);
	cli_buf_vprintf(&tmp, fmt, ap);
	va_end(ap);
	if (tmp.failed)
		b->failed = 1;
	else if (tmp.ptr)
		cli_html_text(b, tmp.ptr, tmp.len);
	cli_buf_free(&tmp);
}

/* ---- colours ------------------------------------------------------------- */

/* Light tints far apart in hue; all reach at least 4.5:1 against the text
 * colour, #1a1a1a (test_cli_html.c checks it). */
const char *const cli_html_palette[CLI_HTML_NCOLORS] = {
        "#ffd8a8", /* orange */
        "#a5d8ff", /* blue */
        "#b2f2bb", /* green */
        "#fcc2d7", /* pink */
        "#d0bfff", /* violet */
        "#ffec99", /* yellow */
        "#99e9f2", /* cyan */
        "#ffc9c9", /* red */
        "#c0eb75", /* lime */
        "#eebefa", /* grape */
        "#96f2d7", /* teal */
        "#e6ccb3", /* sand */
};

/* exact, elided, altered, missing, indirect */
const char *const cli_html_status_colors[CLI_HTML_NSTATUS] = {
        "#8ce99a", "#99e9f2", "#ffd43b", "#ffa8a8", "#dee2e6"};

/* ---- the page ------------------------------------------------------------ */

/*
 * The stylesheet.  Quote types differ by the line under them (solid
 * direct, dashed mixed, dotted indirect, double partial), not only by
 * colour; speaker colours and status colours are added from the tables
 * above.  Pieces stay under ISO C's 4095-byte string literal.
 */
static const char *const css[] = {
        ":root{color-scheme:light}\n"
        "body{margin:0 auto;max-width:76rem;padding:0 1.5rem 2rem;"
        "font:16px/1.55 system-ui,-apple-system,'Segoe UI',sans-serif;"
        "color:" CLI_HTML_TEXT_COLOR ";background:#fff;"
        "display:flex;flex-direction:column}\n"
        "body>header{order:-2}nav.toc{order:-1}main{order:0}"
        "body>footer{order:1;margin-top:2rem;font-size:.85rem;color:#444}\n"
        "h1{font-size:1.5rem;margin:1rem 0 .25rem}"
        "h2{font-size:1.25rem;margin:2.5rem 0 .5rem;"
        "border-bottom:2px solid #ccc;overflow-wrap:anywhere}"
        "h3{font-size:1.05rem;margin:1.5rem 0 .5rem}\n"
        "a{color:#1c4f9c}\n"
        ".summary{margin:.25rem 0 1rem}\n"
        ".article{white-space:pre-wrap;overflow-wrap:anywhere;"
        "font-family:Georgia,'Times New Roman',serif;font-size:1.05rem;"
        "line-height:2;border-left:4px solid #ddd;padding:.25rem 1rem;"
        "margin:1rem 0}\n",
        "mark.q{color:inherit;padding:.1em 0;border-bottom:3px "
        "solid " CLI_HTML_TEXT_COLOR ";-webkit-box-decoration-break:clone;"
        "box-decoration-break:clone}\n"
        "mark.direct{border-bottom-style:solid}"
        "mark.mixed{border-bottom-style:dashed}"
        "mark.indirect{border-bottom:2px dotted " CLI_HTML_TEXT_COLOR "}"
        "mark.partial{border-bottom:4px double " CLI_HTML_TEXT_COLOR "}\n"
        ".cue{font-weight:700;text-decoration:underline wavy #555;"
        "text-underline-offset:.2em}\n"
        ".mention{font-weight:600}\n"
        ".who{display:inline-block;font:600 .75rem/1.3 system-ui,sans-serif;"
        "padding:0 .4em;margin:0 .15em;border:1px solid " CLI_HTML_TEXT_COLOR
        ";border-radius:.7em;color:" CLI_HTML_TEXT_COLOR
        ";text-decoration:none;white-space:nowrap;"
        "vertical-align:.1em}\n"
        ".legend ul,.key{list-style:none;padding:0;margin:.5rem 0;"
        "display:flex;flex-wrap:wrap;gap:.4rem .9rem}\n"
        ".legend li{white-space:nowrap}"
        ".key{font-size:.9rem}.key li{display:inline}\n"
        ".filter{display:block;margin:.5rem 0}\n"
        "table{border-collapse:collapse;width:100%;font-size:.9rem;"
        "margin:1rem 0}"
        "th,td{border:1px solid #bbb;padding:.25rem .45rem;text-align:left;"
        "vertical-align:top;overflow-wrap:break-word}"
        "th{background:#f1f3f5}td.num{text-align:right}\n"
        ".notes{font-size:.9rem;padding-left:2.5rem}"
        ".notes li{margin:.2rem 0}\n"
        ".dim{background:transparent!important;opacity:.45}"
        "tr.dim,li.dim{display:none}\n"
        "nav.toc ol{columns:2 18rem}\n",
        ".v{display:inline-block;font:700 .72rem/1.3 system-ui,sans-serif;"
        "letter-spacing:.03em;text-transform:uppercase;padding:0 .4em;"
        "margin:0 .15em;border:1px solid " CLI_HTML_TEXT_COLOR ";"
        "border-radius:.25em;color:" CLI_HTML_TEXT_COLOR ";"
        "text-decoration:none;vertical-align:.1em;white-space:nowrap}\n"
        ".checks{list-style:none;padding:0}"
        ".checks>li{border:1px solid #bbb;border-left-width:6px;"
        "padding:.4rem .7rem;margin:.6rem 0}\n"
        ".diff,.passage{font-family:Georgia,'Times New Roman',serif;"
        "margin:.3rem 0;overflow-wrap:anywhere}\n"
        ".src{font-size:.85rem;color:#333}\n"
        "del{background:#ffc9c9;text-decoration:line-through}"
        "ins{background:#b2f2bb;text-decoration:underline}\n"
        ".vgrid{display:grid;grid-template-columns:minmax(0,3fr) "
        "minmax(0,2fr);gap:1.5rem;align-items:start}\n"
        "@media (max-width:60rem){.vgrid{grid-template-columns:1fr}}\n"
        "@media print{.filter{display:none}a{color:inherit}"
        ".vgrid{display:block}body{display:block}}\n",
};

/* The colour rules: .c0 ... for speakers, .cx for none, .v-exact ...
 * for verify statuses and .b-exact ... for borders in their colours. */
static void
put_colors(struct cli_buf *b)
{
	static const char *const status[CLI_HTML_NSTATUS] = {
	        "exact", "elided", "altered", "missing", "indirect"};
	size_t i;

	for (i = 0; i < CLI_HTML_NCOLORS; i++)
		cli_buf_printf(b, ".c%zu{background:%s}", i,
		               cli_html_palette[i]);
	cli_buf_puts(b, ".cx{background:" CLI_HTML_NO_SPEAKER "}\n");
	for (i = 0; i < CLI_HTML_NSTATUS; i++)
		cli_buf_printf(b, ".v-%s{background:%s}.b-%s{border-color:%s}",
		               status[i], cli_html_status_colors[i], status[i],
		               cli_html_status_colors[i]);
	cli_buf_putc(b, '\n');
}

const char *
cli_html_script(void)
{
	return page_script;
}

const char *
cli_html_script_hash(void)
{
	return page_script_hash;
}

void
cli_html_page_start(struct cli_buf *b, const char *title, const char *extra_css)
{
	size_t i;

	cli_buf_puts(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
	                "<meta charset=\"utf-8\">\n");
	/* default-src 'none': no fetch of any kind (images, fonts, frames,
	 * connections); style-src: the inline stylesheet; script-src: only
	 * the script whose hash this is, and no inline event handler. */
	cli_buf_printf(b,
	               "<meta http-equiv=\"Content-Security-Policy\" "
	               "content=\"default-src 'none'; style-src "
	               "'unsafe-inline'; script-src %s; img-src data:; "
	               "base-uri 'none'; form-action 'none'\">\n",
	               page_script_hash);
	cli_buf_puts(
	        b,
	        "<meta name=\"viewport\" content=\"width=device-width, "
	        "initial-scale=1\">\n"
	        "<meta name=\"generator\" content=\"quoth " QUOTH_VERSION_STRING
	        "\">\n<title>");
	cli_html_cstr(b, title);
	cli_buf_puts(b, "</title>\n<style>\n");
	for (i = 0; i < sizeof css / sizeof css[0]; i++)
		cli_buf_puts(b, css[i]);
	put_colors(b);
	if (extra_css)
		cli_buf_puts(b, extra_css);
	cli_buf_puts(b, "</style>\n<script>");
	cli_buf_puts(b, page_script);
	cli_buf_puts(b, "</script>\n</head>\n<body>\n<header><h1>");
	cli_html_cstr(b, title);
	cli_buf_puts(b, "</h1></header>\n<main>\n");
}

/* ---- several documents --------------------------------------------------- */

void
cli_html_section_start(struct cli_buf *b, const char *id, const char *name,
                       size_t len, size_t count)
{
	cli_buf_puts(b, "<section class=\"doc\" id=\"");
	cli_html_cstr(b, id);
	cli_buf_puts(b, "\" data-name=\"");
	cli_html_text(b, name, len);
	cli_buf_printf(b, "\" data-count=\"%zu\">\n", count);
}

/* The value of attribute `attr` (escaped, so without '"') in the tag at
 * s[0..n), or NULL. */
static const char *
tag_attr(const char *s, size_t n, const char *attr, size_t *len)
{
	const char *end = memchr(s, '>', n), *p, *q;
	size_t an = strlen(attr);

	if (!end)
		return NULL;
	for (p = s; p + an + 2 <= end; p++) {
		if (p[0] == ' ' && memcmp(p + 1, attr, an) == 0 &&
		    p[1 + an] == '=' && p[2 + an] == '"') {
			p += an + 3;
			q = memchr(p, '"', (size_t)(end - p));
			if (!q)
				return NULL;
			*len = (size_t)(q - p);
			return p;
		}
	}
	return NULL;
}

/* Whether id v was seen; adds it if not.  -1 when out of memory. */
static int
seen_id(struct cli_html_toc *t, uint32_t v)
{
	uint32_t *ids, x;
	size_t i, cap, k;

	if (2 * (t->nids + 1) > t->cap) {
		cap = t->cap ? 2 * t->cap : 64;
		ids = cap > SIZE_MAX / sizeof *ids ? NULL
		                                   : calloc(cap, sizeof *ids);
		if (!ids)
			return -1;
		/* 0 marks a free slot: ids are stored plus one */
		for (i = 0; i < t->cap; i++) {
			if (!(x = t->ids[i]))
				continue;
			for (k = x % cap; ids[k]; k = (k + 1) % cap)
				;
			ids[k] = x;
		}
		free(t->ids);
		t->ids = ids;
		t->cap = cap;
	}
	x = v + 1 ? v + 1 : 1;
	for (k = x % t->cap; t->ids[k]; k = (k + 1) % t->cap)
		if (t->ids[k] == x)
			return 1;
	t->ids[k] = x;
	t->nids++;
	return 0;
}

/* Replace the id prefix `from` by `to` (as long) where an attribute
 * holds it: after '"' or "\"#".  Text never has a raw '"'. */
static void
rename_ids(struct cli_buf *b, const char *from, const char *to, size_t n)
{
	size_t i;

	for (i = 0; i + 1 + n <= b->len; i++) {
		if (b->ptr[i] != '"')
			continue;
		if (b->ptr[i + 1] == '#')
			i++;
		if (i + 1 + n <= b->len && memcmp(b->ptr + i + 1, from, n) == 0)
			memcpy(b->ptr + i + 1, to, n);
	}
}

/* A section's id is "d" and 8 hex digits: make it one not seen yet. */
static void
unique_id(struct cli_html_toc *t, struct cli_buf *section, const char *id,
          size_t len)
{
	char old[16], now[16];
	unsigned long v;
	int rc;

	if (len != 9 || id[0] != 'd')
		return;
	memcpy(old, id, len);
	old[len] = '\0';
	v = strtoul(old + 1, NULL, 16);
	while ((rc = seen_id(t, (uint32_t)v)) == 1)
		v = (v + 1) & 0xFFFFFFFFul;
	if (rc < 0) {
		t->failed = 1;
		return;
	}
	snprintf(now, sizeof now, "d%08lx", v);
	if (strcmp(now, old) != 0)
		rename_ids(section, old, now, len);
}

void
cli_html_toc_add(struct cli_html_toc *t, struct cli_buf *section)
{
	static const char open[] = "<section class=\"doc\"";
	const char *id, *name, *count;
	size_t ilen, nlen, clen;

	if (!t || !section->ptr || section->len < sizeof open - 1 ||
	    memcmp(section->ptr, open, sizeof open - 1) != 0)
		return;
	id = tag_attr(section->ptr, section->len, "id", &ilen);
	if (id)
		unique_id(t, section, id, ilen);
	name = tag_attr(section->ptr, section->len, "data-name", &nlen);
	count = tag_attr(section->ptr, section->len, "data-count", &clen);
	if (!id || !name || !count)
		return;
	t->n++;
	/* The values are the escaped text of the section's own tag. */
	cli_buf_puts(&t->items, "<li><a href=\"#");
	cli_buf_put(&t->items, id, ilen);
	cli_buf_puts(&t->items, "\">");
	cli_buf_put(&t->items, name, nlen);
	cli_buf_puts(&t->items, "</a> (");
	cli_buf_put(&t->items, count, clen);
	cli_buf_printf(&t->items, " %s%s)</li>\n", t->noun ? t->noun : "item",
	               clen == 1 && count[0] == '1' ? "" : "s");
}

void
cli_html_toc_free(struct cli_html_toc *t)
{
	cli_buf_free(&t->items);
	free(t->ids);
	t->ids = NULL;
	t->nids = t->cap = 0;
}

void
cli_html_page_end(struct cli_buf *b, const struct cli_html_toc *t)
{
	cli_buf_puts(b, "</main>\n");
	if (t && (t->items.failed || t->failed))
		b->failed = 1;
	if (t && t->n > 1 && t->items.ptr) {
		cli_buf_printf(b,
		               "<nav class=\"toc\" aria-label=\"Contents\">"
		               "<h2>%zu documents</h2>\n<ol>\n",
		               t->n);
		cli_buf_put(b, t->items.ptr, t->items.len);
		cli_buf_puts(b, "</ol></nav>\n");
	}
	cli_buf_puts(b, "<footer>Made by quoth " QUOTH_VERSION_STRING
	                ". This page makes no network requests; everything "
	                "from the input is shown as text.</footer>\n"
	                "</body>\n</html>\n");
}
