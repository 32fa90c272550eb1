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
#include <unistd.h>

#include <jansson.h>

#include "cli.h"

int
cli_corpus_open(struct cli_corpus *c, const char *path, size_t limit, int text,
                struct cli_buf *msgs)
{
	char ebuf[128];

	memset(c, 0, sizeof *c);
	c->path = path;
	c->limit = limit;
	c->text = text;
	if (strcmp(path, "-") == 0) {
		c->fp = stdin;
		return 0;
	}
	c->fp = fopen(path, "r");
	if (!c->fp) {
		cli_msg_at(msgs, path, 0, 0, "%s",
		           cli_strerror(errno, ebuf, sizeof ebuf));
		return -1;
	}
	return 0;
}

static int
blank(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
			return 0;
	return 1;
}

/* Append s[0..n) to the line being read, whose first `len` bytes are
 * kept, within c->limit; -1 when the line grows too long or memory runs
 * out (*nomem). */
static int
keep_bytes(struct cli_corpus *c, size_t len, const char *s, size_t n,
           int *nomem)
{
	size_t limit = c->limit ? c->limit : (size_t)-1 - 1;
	size_t cap;
	char *p;

	/* The line plus its terminating NUL, never more than the limit
	 * allows: a longer line is skipped as it is read, so memory stays
	 * bounded by --max-doc-bytes whatever the corpus holds. */
	if (n > limit - len)
		return -1;
	if (len + n + 1 > c->cap) {
		cap = c->cap ? c->cap : 4096;
		while (cap <= len + n)
			cap = cap > ((size_t)-1) / 2 ? (size_t)-1 : cap * 2;
		if (cap > limit + 1)
			cap = limit + 1;
		p = realloc(c->line, cap);
		if (!p) {
			*nomem = 1;
			return -1;
		}
		c->line = p;
		c->cap = cap;
	}
	memcpy(c->line + len, s, n);
	return 0;
}

/* Up to CLI_SNIFF_BYTES of the stream into c->block: what one read()
 * gives (a stream without a descriptor, fmemopen() in the fuzz target,
 * is read through stdio); -1 after a read error (errno says which). */
static ssize_t
read_block(struct cli_corpus *c)
{
	int fd = fileno(c->fp);
	ssize_t n;

	if (fd >= 0) {
		do
			n = read(fd, c->block, CLI_SNIFF_BYTES);
		while (n < 0 && errno == EINTR);
	} else {
		n = (ssize_t)fread(c->block, 1, CLI_SNIFF_BYTES, c->fp);
		if (ferror(c->fp))
			n = -1;
	}
	return n;
}

/*
 * Reads the corpus's first block (what one read() gives, at most
 * CLI_SNIFF_BYTES: a corpus arriving through a pipe is not waited for) and
 * judges it as cli_sniff() judges a text file.  -1 after the message for a
 * read error, or for a binary or UTF-16 corpus, which is skipped whole.
 */
static int
first_block(struct cli_corpus *c, struct cli_buf *msgs)
{
	char ebuf[128];
	enum cli_sniff k;
	ssize_t n;

	c->probed = 1;
	c->block = malloc(CLI_SNIFF_BYTES);
	if (!c->block) {
		cli_msg_at(msgs, c->path, 0, 0, "out of memory");
		return -1;
	}
	/* Nothing is buffered in c->fp yet: the stream goes on where this
	 * read() stops.  (A stream without a descriptor, fmemopen() in the
	 * fuzz target, is read through stdio.) */
	n = read_block(c);
	if (n < 0) {
		cli_msg_at(
		        msgs, c->path, 1, 0, "read error: %s",
		        cli_strerror(errno ? errno : EIO, ebuf, sizeof ebuf));
		return -1;
	}
	c->block_len = (size_t)n;
	k = c->text ? CLI_SNIFF_TEXT : cli_sniff(c->block, c->block_len);
	if (k == CLI_SNIFF_TEXT)
		return 0;
	cli_sniff_msg(msgs, c->path, k);
	return -1;
}

/* The next block of the stream into c->block (after the first): what
 * one read() gives, as stdio would, so that a corpus arriving through a
 * pipe is handled line by line as it comes.  The bytes read, 0 at the
 * end, -1 after a read error (errno says which). */
static ssize_t
next_block(struct cli_corpus *c)
{
	ssize_t n;

	if (c->eof)
		return 0;
	c->block_pos = c->block_len = 0;
	n = read_block(c);
	if (n == 0)
		c->eof = 1;
	if (n > 0)
		c->block_len = (size_t)n;
	return n;
}

/*
 * Read one line into c->line (up to c->limit bytes); its length, without
 * the line end, in *len.  Returns 1 for a line, 0 at the end of the file,
 * -1 after a read error or for a binary or UTF-16 corpus (message in
 * `msgs`), or
 * CLI_CORPUS_SKIPPED for a line too long to keep (message in `msgs`).
 */
static int
read_line(struct cli_corpus *c, size_t *len, struct cli_buf *msgs)
{
	char ebuf[128];
	size_t n = 0, total = 0;
	int skip = 0, nomem = 0;

	if (!c->probed && first_block(c, msgs) != 0)
		return -1;
	for (;;) {
		const char *p, *nl;
		size_t take;

		if (c->block_pos == c->block_len) {
			ssize_t r;

			errno = 0;
			r = next_block(c);
			/* A read error is never taken for the end of the
			 * corpus: the articles after it would be lost. */
			if (r < 0) {
				cli_msg_at(msgs, c->path, c->lineno + 1, 0,
				           "read error: %s",
				           cli_strerror(errno ? errno : EIO,
				                        ebuf, sizeof ebuf));
				return -1;
			}
			if (r == 0) {
				if (total == 0)
					return 0;
				break;
			}
		}
		/* the rest of the line in this block, at once */
		p = c->block + c->block_pos;
		nl = memchr(p, '\n', c->block_len - c->block_pos);
		take = nl ? (size_t)(nl - p) : c->block_len - c->block_pos;
		c->block_pos += take + (nl ? 1 : 0);
		total += take;
		if (!skip && take && keep_bytes(c, n, p, take, &nomem) != 0)
			skip = 1;
		if (!skip)
			n += take;
		if (nl)
			break;
	}
	c->lineno++;
	if (!skip) {
		*len = n;
		return 1;
	}
	/* Whatever the skipped line took is given back before the next. */
	free(c->line);
	c->line = NULL;
	c->cap = 0;
	c->articles++;
	if (nomem)
		cli_msg_at(msgs, c->path, c->lineno, 0,
		           "out of memory for a line of %zu bytes: skipped "
		           "(see --max-doc-bytes)",
		           total);
	else
		cli_msg_at(msgs, c->path, c->lineno, 0,
		           "line longer than %zu bytes skipped (see "
		           "--max-doc-bytes)",
		           c->limit);
	return CLI_CORPUS_SKIPPED;
}

int
cli_corpus_next(struct cli_corpus *c, char **line, size_t *len, size_t *lineno,
                struct cli_buf *msgs)
{
	size_t n = 0;
	char *p;
	int rc;

	*line = NULL;
	*len = 0;
	for (;;) {
		rc = read_line(c, &n, msgs);
		*lineno = c->lineno;
		if (rc != 1)
			return rc;
		p = c->line ? c->line : "";
		/* A UTF-8 BOM before the first line (Windows tools write
		 * one) is not JSON: skip it, as for text input. */
		if (c->lineno == 1 && n >= 3 &&
		    memcmp(p, "\xEF\xBB\xBF", 3) == 0) {
			memmove(p, p + 3, n - 3);
			n -= 3;
		}
		/* Blank lines (a trailing one is common) are not articles. */
		if (blank(p, n))
			continue;
		c->articles++;
		if (n > 0 && p[n - 1] == '\r')
			n--;
		/* Hand the line over; the next one gets a new buffer. */
		if (!c->line) {
			c->line = malloc(1);
			if (!c->line) {
				cli_msg_at(msgs, c->path, c->lineno, 0,
				           "out of memory");
				return CLI_CORPUS_SKIPPED;
			}
		}
		c->line[n] = '\0';
		*line = c->line;
		*len = n;
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
	free(c->block);
	free(c->line);
	memset(c, 0, sizeof *c);
}

int
cli_corpus_parse(const char *file, size_t lineno, const char *line, size_t len,
                 const char *id_field, const char *text_field,
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
		/* Kept whole, NUL bytes ("\u0000") included: cut at one, two
		 * articles' ids could be the same.  jansson's strings are
		 * valid UTF-8 already. */
		doc->id_len = json_string_length(id);
		doc->id = malloc(doc->id_len + 1);
		if (doc->id) {
			memcpy(doc->id, json_string_value(id), doc->id_len);
			doc->id[doc->id_len] = '\0';
		}
	} else {
		if (json_is_number(id)) {
			doc->id = json_dumps(id, JSON_ENCODE_ANY);
		} else {
			/* No usable id: the line number names the article. */
			snprintf(num, sizeof num, "%zu", lineno);
			doc->id = strdup(num);
		}
		doc->numeric = 1;
		doc->id_len = doc->id ? strlen(doc->id) : 0;
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
