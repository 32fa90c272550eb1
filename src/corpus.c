/*
 * corpus.c (CLI): JSON Lines corpus input (--input jsonl): one article per
 * line, an object with an id field and a text field.  Reads the corpus
 * file (or stdin); writes the articles' ids and texts into memory and its
 * messages into the caller's buffer, never to stderr itself.
 *
 * The file is streamed: the main thread only splits lines
 * (cli_corpus_next), and each line is parsed by whichever thread extracts
 * it (cli_corpus_parse), so a corpus of any size needs memory for the
 * documents in flight only.  A malformed line is reported as
 * "quoth: FILE:LINE[:COL]: message" and skipped; the caller turns that
 * into exit status 2.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli.h"

int
cli_corpus_open(struct cli_corpus *c, const char *path, struct cli_buf *msgs)
{
	memset(c, 0, sizeof *c);
	c->path = path;
	if (strcmp(path, "-") == 0) {
		c->fp = stdin;
		return 0;
	}
	c->fp = fopen(path, "r");
	if (!c->fp) {
		cli_msg_at(msgs, path, 0, 0, "%s", strerror(errno));
		return -1;
	}
	return 0;
}

static int
blank(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' &&
		    s[i] != '\n')
			return 0;
	return 1;
}

int
cli_corpus_next(struct cli_corpus *c, char **line, size_t *len,
                size_t *lineno, struct cli_buf *msgs)
{
	ssize_t n;

	for (;;) {
		errno = 0;
		n = getline(&c->line, &c->cap, c->fp);
		if (n < 0) {
			if (ferror(c->fp)) {
				cli_msg_at(msgs, c->path, c->lineno + 1, 0,
				           "read error: %s",
				           strerror(errno ? errno : EIO));
				return -1;
			}
			return 0;
		}
		c->lineno++;
		/* A UTF-8 BOM before the first line (Windows tools write
		 * one) is not JSON: skip it, as for text input. */
		if (c->lineno == 1 && n >= 3 &&
		    memcmp(c->line, "\xEF\xBB\xBF", 3) == 0) {
			memmove(c->line, c->line + 3, (size_t)n - 3 + 1);
			n -= 3;
		}
		/* Blank lines (a trailing one is common) are not articles. */
		if (blank(c->line, (size_t)n))
			continue;
		if (n > 0 && c->line[n - 1] == '\n')
			n--;
		if (n > 0 && c->line[n - 1] == '\r')
			n--;
		/* Hand the line over; getline() allocates the next one. */
		*line = c->line;
		*len = (size_t)n;
		*lineno = c->lineno;
		c->line = NULL;
		c->cap = 0;
		return 1;
	}
}

void
cli_corpus_close(struct cli_corpus *c)
{
	if (c->fp && c->fp != stdin)
		fclose(c->fp);
	free(c->line);
	memset(c, 0, sizeof *c);
}

int
cli_corpus_parse(const char *file, size_t lineno, const char *line,
                 size_t len, const char *id_field, const char *text_field,
                 struct cli_corpus_doc *doc, struct cli_buf *msgs)
{
	json_error_t jerr;
	json_t *root, *text, *id;
	char num[32];

	memset(doc, 0, sizeof *doc);
	/* JSON_ALLOW_NUL: a "\u0000" in an article is text like any other;
	 * the extractor takes (pointer, length). */
	root = json_loadb(line, len, JSON_ALLOW_NUL, &jerr);
	if (!root) {
		cli_msg_at(msgs, file, lineno,
		           jerr.column > 0 ? (size_t)jerr.column : 0,
		           "invalid JSON: %s", jerr.text);
		return -1;
	}
	if (!json_is_object(root)) {
		cli_msg_at(msgs, file, lineno, 0, "not a JSON object");
		goto fail;
	}
	text = json_object_get(root, text_field);
	if (!json_is_string(text)) {
		cli_msg_at(msgs, file, lineno, 0,
		           text ? "field \"%s\" is not a string"
		                : "no field \"%s\"",
		           text_field);
		goto fail;
	}
	id = json_object_get(root, id_field);
	if (json_is_string(id)) {
		doc->id = cli_utf8_dup(json_string_value(id),
		                       json_string_length(id));
	} else if (json_is_number(id)) {
		doc->id = json_dumps(id, JSON_ENCODE_ANY);
		doc->numeric = 1;
	} else {
		/* No usable id: the line number names the article. */
		snprintf(num, sizeof num, "%zu", lineno);
		doc->id = strdup(num);
		doc->numeric = 1;
	}
	if (!doc->id) {
		cli_msg_at(msgs, file, lineno, 0, "out of memory");
		goto fail;
	}
	doc->root = root;
	doc->text = json_string_value(text);
	doc->len = json_string_length(text);
	return 0;
fail:
	json_decref(root);
	return -1;
}

void
cli_corpus_doc_free(struct cli_corpus_doc *doc)
{
	json_decref((json_t *)doc->root);
	free(doc->id);
	memset(doc, 0, sizeof *doc);
}
