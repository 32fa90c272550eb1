/*
 * cli_util.c (CLI): what the quoth subcommands share above the buffers:
 * whole-file input, option values, and the record writer's dispatch to the
 * per-format back ends (write_csv.c, write_jsonl.c, write_table.c).
 *
 * Reads input files (or stdin) whole and option strings; writes records
 * into cli_buf memory, never to a file descriptor.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

/* ---- input ------------------------------------------------------------ */

static void read_error(struct cli_buf *msgs, const char *path, const char *fmt,
                       ...) __attribute__((format(printf, 3, 4)));

static void
read_error(struct cli_buf *msgs, const char *path, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	if (msgs)
		cli_vmsg_at(msgs, path, 0, 0, fmt, ap);
	else
		cli_verror_at(path, 0, 0, fmt, ap);
	va_end(ap);
}

int
cli_read_file(const char *path, size_t limit, char **data, size_t *len,
              struct cli_buf *msgs)
{
	char ebuf[128];
	struct stat st;
	char *p = NULL, *q;
	size_t n = 0, cap;
	ssize_t got;
	int fd, rc = -1, is_stdin = strcmp(path, "-") == 0;

	fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		read_error(msgs, path, "%s",
		           cli_strerror(errno, ebuf, sizeof ebuf));
		return -1;
	}
	if (fstat(fd, &st) != 0) {
		read_error(msgs, path, "%s",
		           cli_strerror(errno, ebuf, sizeof ebuf));
		goto done;
	}
	if (S_ISDIR(st.st_mode)) {
		read_error(msgs, path, "%s",
		           cli_strerror(EISDIR, ebuf, sizeof ebuf));
		goto done;
	}
	/* A regular file's size is known: refuse a too large one before
	 * reading it, and read the rest in one allocation. */
	if (S_ISREG(st.st_mode) && (uintmax_t)st.st_size > limit)
		goto too_large;
	cap = S_ISREG(st.st_mode) ? (size_t)st.st_size + 1 : 65536;
	/* One byte past the limit is enough to know a stream (a pipe,
	 * /dev/zero) is too large: never allocate more than that. */
	if (limit < SIZE_MAX && cap > limit + 1)
		cap = limit + 1;
	p = malloc(cap);
	if (!p)
		goto nomem;
	for (;;) {
		if (n == cap) {
			size_t ncap = cap > SIZE_MAX / 2 ? SIZE_MAX : cap * 2;

			if (n > limit)
				goto too_large;
			if (limit < SIZE_MAX && ncap > limit + 1)
				ncap = limit + 1;
			q = realloc(p, ncap);
			if (!q)
				goto nomem;
			p = q;
			cap = ncap;
		}
		got = read(fd, p + n, cap - n);
		if (got < 0) {
			if (errno == EINTR)
				continue;
			read_error(msgs, path, "%s",
			           cli_strerror(errno, ebuf, sizeof ebuf));
			goto done;
		}
		if (got == 0)
			break;
		n += (size_t)got;
	}
	if (n > limit)
		goto too_large;
	*data = p;
	*len = n;
	p = NULL;
	rc = 0;
	goto done;

too_large:
	read_error(msgs, path,
	           "document larger than %zu bytes (see --max-doc-bytes)",
	           limit);
	goto done;
nomem:
	read_error(msgs, path, "out of memory");
done:
	free(p);
	if (!is_stdin)
		close(fd);
	return rc;
}

enum cli_sniff
cli_sniff(const char *s, size_t n)
{
	if (n >= 2 && ((s[0] == '\xFF' && s[1] == '\xFE') ||
	               (s[0] == '\xFE' && s[1] == '\xFF')))
		return CLI_SNIFF_UTF16;
	if (memchr(s, '\0', n < CLI_SNIFF_BYTES ? n : CLI_SNIFF_BYTES))
		return CLI_SNIFF_BINARY;
	return CLI_SNIFF_TEXT;
}

void
cli_sniff_msg(struct cli_buf *msgs, const char *path, enum cli_sniff k)
{
	if (k == CLI_SNIFF_UTF16)
		cli_msg_at(msgs, path, 0, 0,
		           "UTF-16 input: convert it with "
		           "iconv -f UTF-16 -t UTF-8");
	else if (k == CLI_SNIFF_BINARY)
		cli_msg_at(msgs, path, 0, 0, "binary file skipped");
}

/* ---- option values ---------------------------------------------------- */

int
cli_parse_format(const char *opt, const char *arg, enum cli_format *out)
{
	static const char *const names[] = {"table", "csv", "tsv", "jsonl",
	                                    "html"};
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		if (strcmp(arg, names[i]) == 0) {
			*out = (enum cli_format)i;
			return 0;
		}
	}
	cli_error("invalid %s '%s' (expected table, csv, tsv, jsonl or html)",
	          opt, arg);
	return -1;
}

int
cli_parse_color(const char *opt, const char *arg, enum cli_color *out)
{
	if (strcmp(arg, "auto") == 0)
		*out = CLI_COLOR_AUTO;
	else if (strcmp(arg, "always") == 0)
		*out = CLI_COLOR_ALWAYS;
	else if (strcmp(arg, "never") == 0)
		*out = CLI_COLOR_NEVER;
	else {
		cli_error("invalid %s '%s' (expected auto, always or never)",
		          opt, arg);
		return -1;
	}
	return 0;
}

int
cli_parse_uint(const char *opt, const char *arg, unsigned long min,
               unsigned long max, unsigned long *out)
{
	unsigned long v;
	char *end;

	errno = 0;
	v = strtoul(arg, &end, 10);
	/* strtoul accepts a sign and leading space: a count never has them. */
	if (arg[0] < '0' || arg[0] > '9' || *end != '\0' || errno != 0 ||
	    v < min || v > max) {
		cli_error("invalid %s '%s' (expected a number from %lu to %lu)",
		          opt, arg, min, max);
		return -1;
	}
	*out = v;
	return 0;
}

int
cli_parse_depth(const char *opt, const char *arg, size_t *out)
{
	char *end = NULL;
	unsigned long v;

	errno = 0;
	v = strtoul(arg, &end, 10);
	if (errno || !end || *end || end == arg || v < 1 || v > 1024 ||
	    arg[0] == '-') {
		fprintf(stderr,
		        "quoth: invalid %s '%s' (a nesting depth from 1 "
		        "to 1024)\n",
		        opt, arg);
		return -1;
	}
	*out = (size_t)v;
	return 0;
}

const char *
cli_human_size(size_t v, char *buf, size_t n)
{
	if (v >= (1u << 30) && v % (1u << 30) == 0)
		snprintf(buf, n, "%zuG", v >> 30);
	else if (v >= (1u << 20) && v % (1u << 20) == 0)
		snprintf(buf, n, "%zuM", v >> 20);
	else if (v >= (1u << 10) && v % (1u << 10) == 0)
		snprintf(buf, n, "%zuK", v >> 10);
	else
		snprintf(buf, n, "%zu", v);
	return buf;
}

int
cli_parse_size(const char *opt, const char *arg, size_t *out)
{
	unsigned long long v;
	unsigned shift = 0;
	char *end;

	errno = 0;
	v = strtoull(arg, &end, 10);
	if (arg[0] < '0' || arg[0] > '9' || errno != 0)
		goto bad;
	if (*end == 'K' || *end == 'k')
		shift = 10;
	else if (*end == 'M' || *end == 'm')
		shift = 20;
	else if (*end == 'G' || *end == 'g')
		shift = 30;
	else if (*end != '\0')
		goto bad;
	if (shift && end[1] != '\0')
		goto bad;
	if (v == 0 || v > (unsigned long long)SIZE_MAX >> shift)
		goto bad;
	*out = (size_t)(v << shift);
	return 0;
bad:
	cli_error("invalid %s '%s' (expected a positive byte count, "
	          "optionally with K, M or G)",
	          opt, arg);
	return -1;
}

int
cli_parse_types(const char *opt, const char *arg, unsigned *out)
{
	static const struct {
		const char *name;
		unsigned mask;
	} types[] = {
	        {"direct", 1u << QUOTH_DIRECT},
	        {"mixed", 1u << QUOTH_MIXED},
	        {"indirect", 1u << QUOTH_INDIRECT},
	        {"partial", 1u << QUOTH_PARTIAL},
	        {"all", QUOTH_TYPES_ALL},
	};
	unsigned mask = 0;
	const char *p = arg, *e;
	size_t i, n;

	for (;;) {
		e = strchr(p, ',');
		n = e ? (size_t)(e - p) : strlen(p);
		for (i = 0; i < sizeof types / sizeof types[0]; i++) {
			if (strlen(types[i].name) == n &&
			    memcmp(types[i].name, p, n) == 0)
				break;
		}
		if (i == sizeof types / sizeof types[0]) {
			cli_error("invalid %s '%s' (expected a comma list of "
			          "direct, mixed, indirect, partial or all)",
			          opt, arg);
			return -1;
		}
		mask |= types[i].mask;
		if (!e)
			break;
		p = e + 1;
	}
	*out = mask;
	return 0;
}

enum cli_format
cli_resolve_format(enum cli_format f, int fd)
{
	if (f != CLI_FORMAT_AUTO)
		return f;
	return isatty(fd) ? CLI_FORMAT_TABLE : CLI_FORMAT_CSV;
}

int
cli_resolve_color(enum cli_color c, int fd)
{
	const char *no = getenv("NO_COLOR");
	const char *term = getenv("TERM");

	if (c != CLI_COLOR_AUTO)
		return c == CLI_COLOR_ALWAYS;
	/* https://no-color.org/: present and not empty disables colour. */
	if (no && no[0])
		return 0;
	if (term && strcmp(term, "dumb") == 0)
		return 0;
	return isatty(fd);
}

unsigned
cli_terminal_width(int fd)
{
	struct winsize ws;
	const char *cols = getenv("COLUMNS");
	unsigned long v;
	char *end;

	if (ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	if (cols && cols[0] >= '0' && cols[0] <= '9') {
		v = strtoul(cols, &end, 10);
		if (*end == '\0' && v >= 20 && v <= 10000)
			return (unsigned)v;
	}
	return 80;
}

/* ---- record writer ---------------------------------------------------- */

void
cli_writer_init(struct cli_writer *w)
{
	w->col = 0;
	w->rows = 0;
	w->emitted = 0;
	w->table = NULL;
	w->html = NULL;
	if (!w->noun)
		w->noun = "row";
}

void
cli_writer_source(struct cli_writer *w, const char *text, size_t len,
                  const quoth_result *r)
{
	w->text = text;
	w->text_len = len;
	w->result = r;
	w->article = r && w->cols == cli_quote_columns;
}

void
cli_writer_header(struct cli_writer *w)
{
	size_t i;

	if (w->format == CLI_FORMAT_HTML) {
		w->article = w->cols == cli_quote_columns;
		cli_html_header(w);
		return;
	}
	if (w->format != CLI_FORMAT_CSV && w->format != CLI_FORMAT_TSV)
		return;
	if (w->excel)
		cli_buf_puts(w->out, "\xEF\xBB\xBF");
	for (i = 0; i < w->ncols; i++) {
		if (w->cols[i].flags & CLI_COL_JSON)
			continue;
		if (w->emitted++)
			cli_buf_putc(w->out,
			             w->format == CLI_FORMAT_CSV ? ',' : '\t');
		/* Header names are plain identifiers: never escaped. */
		cli_buf_puts(w->out, w->cols[i].name);
	}
	cli_buf_puts(w->out, w->format == CLI_FORMAT_CSV ? "\r\n" : "\n");
	w->emitted = 0;
}

void
cli_writer_group(struct cli_writer *w, const char *s, size_t n)
{
	if (w->format == CLI_FORMAT_TABLE)
		cli_table_group(w, s, n);
	else if (w->format == CLI_FORMAT_HTML)
		cli_html_group(w, s, n);
}

void
cli_writer_finish(struct cli_writer *w)
{
	if (w->format == CLI_FORMAT_TABLE)
		cli_table_finish(w);
	else if (w->format == CLI_FORMAT_HTML)
		cli_html_finish(w);
}

int
cli_writer_failed(const struct cli_writer *w)
{
	return w->out->failed;
}

void
cli_put_cell(struct cli_writer *w, const struct cli_cell *c)
{
	if (w->col >= w->ncols)
		return; /* more cells than columns: a caller bug, drop it */
	switch (w->format) {
	case CLI_FORMAT_CSV:
		if (!(w->cols[w->col].flags & CLI_COL_JSON))
			cli_csv_cell(w, c);
		break;
	case CLI_FORMAT_TSV:
		if (!(w->cols[w->col].flags & CLI_COL_JSON))
			cli_tsv_cell(w, c);
		break;
	case CLI_FORMAT_JSONL:
		cli_jsonl_cell(w, c);
		break;
	case CLI_FORMAT_TABLE:
		cli_table_cell(w, c);
		break;
	case CLI_FORMAT_HTML:
		cli_html_cell(w, c);
		break;
	default:
		break;
	}
	w->col++;
}

void
cli_cell_str(struct cli_writer *w, const char *s, size_t n)
{
	struct cli_cell c = {CLI_CELL_STR, s, n};

	if (!s)
		c.kind = CLI_CELL_NULL;
	cli_put_cell(w, &c);
}

void
cli_cell_cstr(struct cli_writer *w, const char *s)
{
	cli_cell_str(w, s, s ? strlen(s) : 0);
}

void
cli_cell_doc_n(struct cli_writer *w, const char *doc, size_t n, int numeric)
{
	struct cli_cell c = {CLI_CELL_STR, doc, n};

	if (numeric)
		c.kind = CLI_CELL_NUM;
	cli_put_cell(w, &c);
}

void
cli_cell_doc(struct cli_writer *w, const char *doc, int numeric)
{
	cli_cell_doc_n(w, doc, strlen(doc), numeric);
}

void
cli_cell_uint(struct cli_writer *w, size_t v)
{
	char num[32];
	struct cli_cell c = {CLI_CELL_NUM, num, 0};

	c.n = cli_fmt_uint(num, v);
	cli_put_cell(w, &c);
}

void
cli_cell_number_text(struct cli_writer *w, const char *s)
{
	struct cli_cell c = {CLI_CELL_NUM, s, strlen(s)};

	cli_put_cell(w, &c);
}

void
cli_cell_real(struct cli_writer *w, double v, int decimals)
{
	char num[64];
	struct cli_cell c = {CLI_CELL_NUM, num, 0};
	int k = snprintf(num, sizeof num, "%.*f", decimals, v);

	/* JSON has no NaN or infinity. */
	if (k <= 0 || (size_t)k >= sizeof num || v != v || v - v != 0) {
		cli_cell_null(w);
		return;
	}
	c.n = (size_t)k;
	cli_put_cell(w, &c);
}

void
cli_cell_bool(struct cli_writer *w, int v)
{
	struct cli_cell c = {CLI_CELL_BOOL, v ? "true" : "false", 0};

	c.n = strlen(c.s);
	cli_put_cell(w, &c);
}

void
cli_cell_null(struct cli_writer *w)
{
	struct cli_cell c = {CLI_CELL_NULL, NULL, 0};

	cli_put_cell(w, &c);
}

void
cli_row_end(struct cli_writer *w)
{
	/* A row with missing cells is completed with nulls so that every
	 * format keeps its shape. */
	while (w->col < w->ncols)
		cli_cell_null(w);
	switch (w->format) {
	case CLI_FORMAT_CSV:
		cli_csv_row_end(w);
		break;
	case CLI_FORMAT_TSV:
		cli_tsv_row_end(w);
		break;
	case CLI_FORMAT_JSONL:
		cli_jsonl_row_end(w);
		break;
	case CLI_FORMAT_TABLE:
		cli_table_row_end(w);
		break;
	case CLI_FORMAT_HTML:
		cli_html_row_end(w);
		break;
	default:
		break;
	}
	w->col = 0;
	w->emitted = 0;
	w->rows++;
}

/* ---- quote record columns --------------------------------------------- */

/* The quote records: SPEC "Output fields", in this order. */
const struct cli_column cli_quote_columns[] = {
        {"doc", CLI_COL_GROUP},
        {"n", CLI_COL_TABLE},
        {"type", CLI_COL_TABLE | CLI_COL_COLOR},
        {"speaker", CLI_COL_TABLE},
        {"title", 0},
        {"gender", 0},
        {"gender_source", 0},
        {"kind", 0},
        {"mention", 0},
        {"cue", CLI_COL_TABLE},
        {"quote", CLI_COL_TABLE | CLI_COL_FLEX},
        {"start", 0},
        {"end", 0},
        {"parts", CLI_COL_JSON},
        {"verbatim", CLI_COL_JSON},
        {"mention_start", 0},
        {"mention_end", 0},
        {"cue_start", 0},
        {"cue_end", 0},
        {"paragraph", 0},
        {"line", 0},
        {"context", 0},
        {"rule", 0},
};

const size_t cli_quote_ncolumns = sizeof cli_quote_columns /
                                  sizeof cli_quote_columns[0];
