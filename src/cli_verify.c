/*
 * cli_verify.c: `quoth verify --source SRC [FILE...]`.
 *
 * Loads every source (a directory stands for its regular files, sorted),
 * then extracts each article and checks its quotes with quoth_verify().
 * CSV, TSV and JSON Lines go through the shared record writer; the table
 * is rendered here, one block per quote, because its point is the word
 * diff, coloured inside the line, which a generic cell cannot carry.
 *
 * Exit status: 2 if any source or article could not be read (the others
 * are still processed), else 1 if any quote is altered or missing or was
 * matched in another speaker's turn, else 0.
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <utf8proc.h>

#include "write_html.h"
#include "write_table.h"

static const struct cli_column verify_columns[] = {
        {"doc", CLI_COL_GROUP},
        {"n", CLI_COL_TABLE},
        {"type", CLI_COL_TABLE},
        {"speaker", CLI_COL_TABLE},
        {"status", CLI_COL_TABLE | CLI_COL_COLOR},
        {"similarity", CLI_COL_TABLE},
        {"quote", CLI_COL_TABLE | CLI_COL_FLEX},
        {"source", 0},
        {"source_start", 0},
        {"source_end", 0},
        {"source_line", 0},
        {"timestamp", 0},
        {"source_words", 0},
        {"diff", 0},
        {"speaker_label", 0},
        {"speaker_mismatch", 0},
};

#define NCOLUMNS (sizeof verify_columns / sizeof verify_columns[0])

enum {
	OPT_SOURCE = 256,
	OPT_ALL,
	OPT_COLOR,
	OPT_EXCEL,
	OPT_LANG,
	OPT_DATA_DIR,
	OPT_MAX_DOC,
	OPT_VERSION
};

static const struct option long_options[] = {
        {"source", required_argument, NULL, 's'},
        {"all", no_argument, NULL, OPT_ALL},
        {"format", required_argument, NULL, 'f'},
        {"output", required_argument, NULL, 'o'},
        {"color", required_argument, NULL, OPT_COLOR},
        {"colour", required_argument, NULL, OPT_COLOR},
        {"excel", no_argument, NULL, OPT_EXCEL},
        {"lang", required_argument, NULL, OPT_LANG},
        {"data-dir", required_argument, NULL, OPT_DATA_DIR},
        {"max-doc-bytes", required_argument, NULL, OPT_MAX_DOC},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, OPT_VERSION},
        {NULL, 0, NULL, 0},
};

struct vsettings {
	quoth_extractor *ex;
	quoth_sources *src;
	unsigned flags; /* QUOTH_VERIFY_* */
	enum cli_format format;
	int color;
	int excel;
	unsigned width;
	size_t max_doc;
	struct cli_html_toc *toc; /* -f html: the page's contents */
};

/* Per-run tallies for the exit status and the table heading. */
struct tally {
	size_t status[QUOTH_VERIFY_INDIRECT + 1];
	size_t mismatch;
};

static void
usage(void)
{
	fputs("usage: quoth verify --source SRC [--source SRC ...] [OPTIONS] "
	      "[FILE...]\n"
	      "\n"
	      "Check every quote of each FILE (stdin when none, or -) against\n"
	      "the source texts: transcripts (plain, WebVTT, SRT), press\n"
	      "releases, earlier stories.  SRC may be a directory.\n"
	      "\n"
	      "  -s, --source SRC     a source file or directory (repeatable)\n"
	      "      --all            judge indirect quotes too\n"
	      "  -f, --format FMT     table, csv, tsv, jsonl or html\n"
	      "  -o, --output FILE    write to FILE (atomically)\n"
	      "      --color WHEN     auto, always or never (and NO_COLOR)\n"
	      "      --excel          CSV/TSV for spreadsheets\n"
	      "      --lang LANG      article language (default en)\n"
	      "      --data-dir DIR   override data/<lang>/ files\n"
	      "      --max-doc-bytes N  refuse a larger article or source\n"
	      "                       (1G; K, M, G suffixes)\n"
	      "  -h, --help           this help\n"
	      "      --version        show the version\n"
	      "\n"
	      "Exit status: 0 all quotes exact or elided, 1 a quote altered,\n"
	      "missing or from another speaker, 2 an error.\n",
	      stdout);
}

/* ---- sources --------------------------------------------------------- */

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *
join_path(const char *dir, const char *name)
{
	size_t dl = strlen(dir), nl = strlen(name), total;
	char *p;

	while (dl > 1 && dir[dl - 1] == '/')
		dl--;
	if (dl > SIZE_MAX - nl - 2)
		return NULL;
	total = dl + nl + 2;
	p = malloc(total);
	if (!p)
		return NULL;
	memcpy(p, dir, dl);
	p[dl] = '/';
	memcpy(p + dl + 1, name, nl + 1);
	return p;
}

static int
add_source_file(struct vsettings *vs, const char *path)
{
	char *data = NULL, *name;
	size_t len = 0;
	quoth_error err;
	int rc = 0;

	/* The library takes sources up to 4 GiB; --max-doc-bytes (1 GiB by
	 * default) also bounds what an endless stream makes us hold. */
	if (cli_read_file(path,
	                  vs->max_doc < (size_t)UINT32_MAX - 1
	                          ? vs->max_doc
	                          : (size_t)UINT32_MAX - 1,
	                  &data, &len, NULL) != 0)
		return -1;
	name = cli_utf8_dup(path, strlen(path));
	if (!name) {
		free(data);
		cli_error("out of memory");
		return -1;
	}
	memset(&err, 0, sizeof err);
	if (quoth_sources_add(vs->src, name, data, len, &err) != QUOTH_OK) {
		cli_error_at(name, 0, 0, "%s",
		             err.message[0] ? err.message
		                            : quoth_strerror(err.status));
		rc = -1;
	}
	free(name);
	free(data);
	return rc;
}

/* Whether a file in a --source directory is a transcript, by its name:
 * .txt, .text, .md (plain transcripts, press releases, stories), .vtt,
 * .srt, in any case.  Anything else there (an old CSV or JSON Lines
 * run, a recording) is not read.  A file named by --source itself is
 * always read. */
static int
transcript_name(const char *name)
{
	static const char *const ext[] = {".txt", ".text", ".md", ".vtt",
	                                  ".srt"};
	size_t i, k, n = strlen(name), e;

	for (i = 0; i < sizeof ext / sizeof ext[0]; i++) {
		e = strlen(ext[i]);
		if (n <= e)
			continue;
		for (k = 0; k < e; k++)
			if (tolower((unsigned char)name[n - e + k]) !=
			    ext[i][k])
				break;
		if (k == e)
			return 1;
	}
	return 0;
}

/* A directory: its regular transcript files (symlinks followed), sorted
 * by name; hidden files are left out. */
static int
add_source_dir(struct vsettings *vs, const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	struct stat sb;
	char **names = NULL, **p;
	size_t n = 0, cap = 0, i;
	int rc = 0;

	if (!d) {
		cli_error_at(dir, 0, 0, "%s", strerror(errno));
		return -1;
	}
	while ((de = readdir(d)) != NULL) {
		char *path;
		if (de->d_name[0] == '.' || !transcript_name(de->d_name))
			continue;
		path = join_path(dir, de->d_name);
		if (!path) {
			rc = -1;
			break;
		}
		if (stat(path, &sb) != 0 || !S_ISREG(sb.st_mode)) {
			free(path);
			continue;
		}
		if (n == cap) {
			size_t ncap = cap ? 2 * cap : 16;
			p = ncap > SIZE_MAX / sizeof *p
			            ? NULL
			            : realloc(names, ncap * sizeof *p);
			if (!p) {
				free(path);
				rc = -1;
				break;
			}
			names = p;
			cap = ncap;
		}
		names[n++] = path;
	}
	closedir(d);
	if (rc != 0)
		cli_error("out of memory");
	else if (n == 0) {
		cli_error_at(dir, 0, 0, "no source files in this directory");
		rc = -1;
	}
	if (n > 1)
		qsort(names, n, sizeof *names, cmp_str);
	for (i = 0; i < n; i++) {
		if (add_source_file(vs, names[i]) != 0)
			rc = -1;
		free(names[i]);
	}
	free(names);
	return rc;
}

static int
add_source(struct vsettings *vs, const char *path)
{
	struct stat sb;

	if (strcmp(path, "-") != 0 && stat(path, &sb) == 0 &&
	    S_ISDIR(sb.st_mode))
		return add_source_dir(vs, path);
	return add_source_file(vs, path);
}

/* ---- the table -------------------------------------------------------- */

static const char *
status_color(quoth_verify_status s)
{
	switch (s) {
	case QUOTH_VERIFY_EXACT:
		return "32";
	case QUOTH_VERIFY_ELIDED:
		return "36";
	case QUOTH_VERIFY_ALTERED:
		return "33";
	case QUOTH_VERIFY_MISSING:
		return "31";
	default:
		return NULL;
	}
}

static void
sgr(struct cli_buf *b, int color, const char *code)
{
	if (color && code)
		cli_buf_printf(b, "\x1b[%sm", code);
}

/* Display width of one code point (0 for controls and combining marks). */
static size_t
cp_width(utf8proc_int32_t cp)
{
	int w = utf8proc_charwidth(cp);

	return w > 0 ? (size_t)w : 0;
}

/* Width of s[0..n) on a terminal. */
static size_t
text_width(const char *s, size_t n)
{
	size_t i = 0, w = 0;
	utf8proc_int32_t cp;
	utf8proc_ssize_t k;

	while (i < n) {
		k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
		                     (utf8proc_ssize_t)(n - i), &cp);
		if (k <= 0) {
			k = 1;
			cp = 0xFFFD;
		}
		w += cp_width(cp);
		i += (size_t)k;
	}
	return w;
}

/*
 * The diff (or the quote) word-wrapped under its row, indented, with
 * "[-deleted-]" in red and "{+inserted+}" in green.  Words are the
 * space-separated pieces of s, which has been through the table's
 * sanitiser (no control characters, one space between words).
 */
static void
put_wrapped(struct cli_buf *b, const char *s, size_t n, size_t indent,
            unsigned width, int color)
{
	size_t i = 0, col = indent, ws, we, w;
	int in_del = 0, in_ins = 0, first = 1;
	size_t avail = width > indent + 20 ? width : indent + 60;

	cli_buf_printf(b, "%*s", (int)indent, "");
	while (i < n) {
		while (i < n && (s[i] == ' ' || s[i] == '\n' || s[i] == '\r' ||
		                 s[i] == '\t'))
			i++;
		if (i >= n)
			break;
		ws = i;
		while (i < n && s[i] != ' ' && s[i] != '\n' && s[i] != '\r' &&
		       s[i] != '\t')
			i++;
		we = i;
		w = text_width(s + ws, we - ws);
		if (!first && col + 1 + w > avail) {
			if (in_del || in_ins)
				sgr(b, color, "0");
			cli_buf_printf(b, "\n%*s", (int)indent, "");
			col = indent;
			if (in_del)
				sgr(b, color, "31");
			if (in_ins)
				sgr(b, color, "32");
		} else if (!first) {
			cli_buf_putc(b, ' ');
			col++;
		}
		first = 0;
		if (we - ws >= 2 && memcmp(s + ws, "[-", 2) == 0) {
			in_del = 1;
			sgr(b, color, "31");
		} else if (we - ws >= 2 && memcmp(s + ws, "{+", 2) == 0) {
			in_ins = 1;
			sgr(b, color, "32");
		}
		cli_buf_put(b, s + ws, we - ws);
		col += w;
		if (in_del && we - ws >= 2 &&
		    memcmp(s + we - 2, "-]", 2) == 0) {
			in_del = 0;
			sgr(b, color, "0");
		} else if (in_ins && we - ws >= 2 &&
		           memcmp(s + we - 2, "+}", 2) == 0) {
			in_ins = 0;
			sgr(b, color, "0");
		}
	}
	if (in_del || in_ins)
		sgr(b, color, "0");
	cli_buf_putc(b, '\n');
}

/* s[0..n) through the table's one sanitiser (write_table.h). */
static void
put_safe(struct cli_buf *b, const char *s, size_t n)
{
	cli_table_clean(b, s, n);
}

/* "draft.txt: 12 quotes: 9 exact, 2 altered, 1 missing; 1 speaker
 * mismatch", bold. */
static void
table_heading(const struct vsettings *vs, struct cli_buf *out, const char *doc,
              const quoth_check *chk)
{
	size_t i, n = quoth_check_count(chk);
	struct tally t;
	static const char *const names[] = {"exact", "elided", "altered",
	                                    "missing", "indirect"};
	const char *sep = ": ";

	memset(&t, 0, sizeof t);
	for (i = 0; i < n; i++) {
		t.status[quoth_check_status(chk, i)]++;
		t.mismatch += (size_t)quoth_check_speaker_mismatch(chk, i);
	}
	sgr(out, vs->color, "1");
	put_safe(out, doc, strlen(doc));
	cli_buf_printf(out, ": %zu quote%s", n, n == 1 ? "" : "s");
	for (i = 0; i <= QUOTH_VERIFY_INDIRECT; i++)
		if (t.status[i]) {
			cli_buf_printf(out, "%s%zu %s", sep, t.status[i],
			               names[i]);
			sep = ", ";
		}
	if (t.mismatch)
		cli_buf_printf(out, "; %zu speaker mismatch%s", t.mismatch,
		               t.mismatch == 1 ? "" : "es");
	sgr(out, vs->color, "0");
	cli_buf_putc(out, '\n');
}

/* Quote i's block: status, similarity, speaker and where it was found on
 * one line, then its diff (or its text) wrapped under it. */
static void
table_row(const struct vsettings *vs, struct cli_buf *out,
          const quoth_result *r, const quoth_check *chk, size_t i)
{
	quoth_verify_status st = quoth_check_status(chk, i);
	struct cli_buf clean = {0};
	const char *s;
	size_t src, start, end, line, len;
	int c = vs->color;

	cli_buf_printf(out, "%4zu  ", i + 1);
	sgr(out, c, status_color(st));
	cli_buf_printf(out, "%-8s", quoth_verify_status_name(st));
	sgr(out, c, "0");
	if (st == QUOTH_VERIFY_INDIRECT)
		cli_buf_puts(out, "       ");
	else
		cli_buf_printf(out, "  %.3f", quoth_check_similarity(chk, i));
	cli_buf_puts(out, "  ");
	s = quoth_quote_str(r, i, QUOTH_FIELD_SPEAKER, &len);
	if (s)
		put_safe(out, s, len);
	else
		cli_buf_puts(out, "(no speaker)");
	if (quoth_check_source(chk, i, &src, &start, &end, &line)) {
		s = quoth_check_str(chk, i, QUOTH_CHECK_SOURCE, &len);
		cli_buf_puts(out, "  ");
		put_safe(out, s, len);
		cli_buf_printf(out, ":%zu", line);
		s = quoth_check_str(chk, i, QUOTH_CHECK_TIMESTAMP, &len);
		if (s) {
			cli_buf_puts(out, " @");
			put_safe(out, s, len);
		}
		s = quoth_check_str(chk, i, QUOTH_CHECK_SPEAKER_LABEL, &len);
		if (s) {
			cli_buf_puts(out, "  [");
			put_safe(out, s, len);
			cli_buf_putc(out, ']');
		}
		if (quoth_check_speaker_mismatch(chk, i)) {
			cli_buf_puts(out, "  ");
			sgr(out, c, "1;31");
			cli_buf_puts(out, "speaker mismatch");
			sgr(out, c, "0");
		}
	}
	cli_buf_putc(out, '\n');
	s = quoth_check_str(chk, i, QUOTH_CHECK_DIFF, &len);
	if (!s)
		s = quoth_quote_str(r, i, QUOTH_FIELD_QUOTE, &len);
	if (!s)
		return;
	put_safe(&clean, s, len);
	if (clean.failed)
		out->failed = 1;
	else
		put_wrapped(out, clean.ptr ? clean.ptr : "", clean.len, 6,
		            vs->width, c);
	cli_buf_free(&clean);
}

static void
table_doc(const struct vsettings *vs, struct cli_buf *out, const char *doc,
          const quoth_result *r, const quoth_check *chk)
{
	size_t i, n = quoth_check_count(chk);

	table_heading(vs, out, doc, chk);
	for (i = 0; i < n && !out->failed; i++)
		table_row(vs, out, r, chk, i);
}

/* ---- records ---------------------------------------------------------- */

static void
opt_str_cell(struct cli_writer *w, const char *s, size_t n)
{
	if (s)
		cli_cell_str(w, s, n);
	else
		cli_cell_null(w);
}

static void
record_rows(struct cli_writer *w, const char *doc, const quoth_result *r,
            const quoth_check *chk)
{
	size_t i, n = quoth_check_count(chk), len, src, start, end, line;
	const char *s;

	for (i = 0; i < n; i++) {
		quoth_verify_status st = quoth_check_status(chk, i);
		int found = quoth_check_source(chk, i, &src, &start, &end,
		                               &line);

		cli_cell_doc(w, doc, 0);
		cli_cell_uint(w, i + 1);
		cli_cell_cstr(w, quoth_type_name(quoth_quote_type(r, i)));
		s = quoth_quote_str(r, i, QUOTH_FIELD_SPEAKER, &len);
		opt_str_cell(w, s, len);
		cli_cell_cstr(w, quoth_verify_status_name(st));
		if (st == QUOTH_VERIFY_INDIRECT)
			cli_cell_null(w);
		else
			cli_cell_real(w, quoth_check_similarity(chk, i), 3);
		s = quoth_quote_str(r, i, QUOTH_FIELD_QUOTE, &len);
		opt_str_cell(w, s, len);
		s = quoth_check_str(chk, i, QUOTH_CHECK_SOURCE, &len);
		opt_str_cell(w, s, len);
		if (found) {
			cli_cell_uint(w, start);
			cli_cell_uint(w, end);
			cli_cell_uint(w, line);
		} else {
			cli_cell_null(w);
			cli_cell_null(w);
			cli_cell_null(w);
		}
		s = quoth_check_str(chk, i, QUOTH_CHECK_TIMESTAMP, &len);
		opt_str_cell(w, s, len);
		s = quoth_check_str(chk, i, QUOTH_CHECK_SOURCE_WORDS, &len);
		opt_str_cell(w, s, len);
		s = quoth_check_str(chk, i, QUOTH_CHECK_DIFF, &len);
		opt_str_cell(w, s, len);
		s = quoth_check_str(chk, i, QUOTH_CHECK_SPEAKER_LABEL, &len);
		opt_str_cell(w, s, len);
		cli_cell_bool(w, quoth_check_speaker_mismatch(chk, i));
		cli_row_end(w);
	}
}

/* ---- documents -------------------------------------------------------- */

/* Check one article; returns its exit status (0, 1 or 2) and counts it
 * in *processed once it was read and checked. */
static int
verify_doc(const struct vsettings *vs, const char *path, struct cli_output *out,
           size_t *processed)
{
	struct cli_buf buf = {0};
	struct cli_writer w;
	quoth_result *r = NULL;
	quoth_check *chk = NULL;
	quoth_error err;
	char *data = NULL, *doc = NULL;
	size_t len = 0, i, n, off, line, col, bad;
	int status = CLI_EXIT_ERROR;

	if (cli_read_file(path, vs->max_doc, &data, &len, NULL) != 0)
		return CLI_EXIT_ERROR;
	doc = cli_utf8_dup(path, strlen(path));
	if (!doc)
		goto nomem;
	memset(&err, 0, sizeof err);
	if (quoth_extract(vs->ex, data, len, &r, &err) != QUOTH_OK) {
		cli_error_at(doc, err.line, err.column, "%s",
		             err.message[0] ? err.message
		                            : quoth_strerror(err.status));
		goto done;
	}
	bad = quoth_result_warnings(r, QUOTH_WARN_UTF8, &off);
	if (bad) {
		quoth_result_locate(r, off, &line, &col);
		cli_error_at(doc, line, col,
		             "invalid UTF-8 replaced (%zu byte%s)", bad,
		             bad == 1 ? "" : "s");
	}
	memset(&err, 0, sizeof err);
	if (quoth_verify(vs->ex, vs->src, data, len, r, vs->flags, &chk,
	                 &err) != QUOTH_OK) {
		cli_error_at(doc, 0, 0, "%s",
		             err.message[0] ? err.message
		                            : quoth_strerror(err.status));
		goto done;
	}
	if (vs->format == CLI_FORMAT_TABLE) {
		table_doc(vs, &buf, doc, r, chk);
	} else if (vs->format == CLI_FORMAT_HTML) {
		cli_verify_html_doc(&buf, doc, data, len, r, chk);
		cli_html_toc_add(vs->toc, &buf);
	} else {
		memset(&w, 0, sizeof w);
		w.format = vs->format;
		w.cols = verify_columns;
		w.ncols = NCOLUMNS;
		w.out = &buf;
		w.excel = vs->excel;
		w.noun = "quote";
		cli_writer_init(&w);
		record_rows(&w, doc, r, chk);
		cli_writer_finish(&w);
		if (cli_writer_failed(&w))
			buf.failed = 1;
	}
	if (buf.failed)
		goto nomem;
	status = CLI_EXIT_OK;
	(*processed)++;
	n = quoth_check_count(chk);
	for (i = 0; i < n; i++) {
		quoth_verify_status st = quoth_check_status(chk, i);
		if (st == QUOTH_VERIFY_ALTERED || st == QUOTH_VERIFY_MISSING ||
		    quoth_check_speaker_mismatch(chk, i))
			status = CLI_EXIT_DIFFERENCES;
	}
	if (cli_output_write(out, buf.ptr ? buf.ptr : "", buf.len) != 0 &&
	    !cli_output_closed(out))
		status = CLI_EXIT_ERROR;
	goto done;
nomem:
	cli_error("out of memory");
	status = CLI_EXIT_ERROR;
done:
	cli_buf_free(&buf);
	quoth_check_free(chk);
	quoth_result_free(r);
	free(doc);
	free(data);
	return status;
}

static int
worse(int a, int b)
{
	/* 2 (error) beats 1 (differences) beats 0 */
	return a > b ? a : b;
}

/* ---- the command ------------------------------------------------------ */

/* The command line, as given, before anything is opened. */
struct vargs {
	const char **sources; /* --source values, nsources of them */
	size_t nsources;
	const char *output; /* -o, or NULL for stdout */
	enum cli_format format;
	enum cli_color color;
	quoth_options opt; /* --lang, --data-dir, --max-doc-bytes */
	char **files;      /* the articles (stdin when none) */
	size_t nfiles;
};

/*
 * Read the options into *a and vs->flags, vs->excel.  Returns -1 to go
 * on, or the exit status to end with: 0 after --help, 2 after a usage
 * error (already reported).
 */
static int
parse_args(int argc, char **argv, struct vsettings *vs, struct vargs *a)
{
	static char *stdin_only[] = {"-", NULL};
	int c;

	opterr = 0;
	optind = 1;
	for (;;) {
		c = getopt_long(argc, argv, ":s:f:o:h", long_options, NULL);
		if (c == -1)
			break;
		switch (c) {
		case 's':
			a->sources[a->nsources++] = optarg;
			break;
		case OPT_ALL:
			vs->flags |= QUOTH_VERIFY_ALL;
			break;
		case 'f':
			if (cli_parse_format("--format", optarg, &a->format) !=
			    0)
				return CLI_EXIT_ERROR;
			break;
		case 'o':
			a->output = optarg;
			break;
		case OPT_COLOR:
			if (cli_parse_color("--color", optarg, &a->color) != 0)
				return CLI_EXIT_ERROR;
			break;
		case OPT_EXCEL:
			vs->excel = 1;
			break;
		case OPT_LANG:
			a->opt.lang = optarg;
			break;
		case OPT_DATA_DIR:
			a->opt.data_dir = optarg;
			break;
		case OPT_MAX_DOC:
			if (cli_parse_size("--max-doc-bytes", optarg,
			                   &a->opt.max_doc_bytes) != 0)
				return CLI_EXIT_ERROR;
			break;
		case 'h':
			usage();
			return cli_finish_stdout();
		case OPT_VERSION:
			fputs("quoth " QUOTH_VERSION_STRING "\n", stdout);
			return cli_finish_stdout();
		case ':':
			return cli_usage_error("verify",
			                       "option '%s' needs a value",
			                       argv[optind - 1]);
		default:
			if (optopt && optopt < 256)
				return cli_usage_error("verify",
				                       "unknown option '-%c'",
				                       optopt);
			return cli_usage_error("verify", "unknown option '%s'",
			                       argv[optind - 1]);
		}
	}
	if (a->nsources == 0)
		return cli_usage_error("verify", "--source is required");
	a->files = optind < argc ? argv + optind : stdin_only;
	a->nfiles = optind < argc ? (size_t)(argc - optind) : 1;
	return -1;
}

/*
 * The extractor and the indexed source set into vs.  Returns 0, or 2
 * when nothing can be verified (no extractor, no source read, no
 * index); a source that could not be read is reported, sets *status to
 * 2 and the others are still loaded.
 */
static int
load_sources(struct vsettings *vs, const struct vargs *a, int *status)
{
	quoth_error err;
	size_t i;

	memset(&err, 0, sizeof err);
	if (quoth_extractor_new(&a->opt, &vs->ex, &err) != QUOTH_OK) {
		cli_error("%s", err.message[0] ? err.message
		                               : quoth_strerror(err.status));
		return CLI_EXIT_ERROR;
	}
	if (quoth_sources_new(&vs->src) != QUOTH_OK) {
		cli_error("out of memory");
		return CLI_EXIT_ERROR;
	}
	for (i = 0; i < a->nsources; i++)
		if (add_source(vs, a->sources[i]) != 0)
			*status = CLI_EXIT_ERROR;
	if (quoth_sources_count(vs->src) == 0) {
		cli_error("no source could be read: nothing to verify against");
		return CLI_EXIT_ERROR;
	}
	memset(&err, 0, sizeof err);
	if (quoth_sources_index(vs->src, &err) != QUOTH_OK) {
		cli_error("%s", err.message[0] ? err.message
		                               : quoth_strerror(err.status));
		return CLI_EXIT_ERROR;
	}
	return 0;
}

/*
 * Open the output and settle what it gets: the format (table on a
 * terminal), colour, width, --excel only for CSV and TSV; then the
 * header row of CSV, TSV and JSON Lines.  Returns 0, or 2 with the
 * output closed (or never opened).
 */
static int
open_output(struct vsettings *vs, const struct vargs *a, struct cli_output *out)
{
	struct cli_writer hdr;
	struct cli_buf head = {0};

	if (cli_output_open(out, a->output) != 0)
		return CLI_EXIT_ERROR;
	vs->format = cli_resolve_format(a->format, out->fd);
	vs->color = vs->format == CLI_FORMAT_TABLE &&
	            cli_resolve_color(a->color, out->fd);
	vs->width = cli_terminal_width(out->fd);
	vs->excel = vs->excel && (vs->format == CLI_FORMAT_CSV ||
	                          vs->format == CLI_FORMAT_TSV);
	if (vs->format == CLI_FORMAT_TABLE)
		return 0;
	if (vs->format == CLI_FORMAT_HTML)
		cli_html_page_start(
		        &head, "quoth verify: quotes against sources", NULL);
	memset(&hdr, 0, sizeof hdr);
	hdr.format = vs->format;
	hdr.cols = verify_columns;
	hdr.ncols = NCOLUMNS;
	hdr.out = &head;
	hdr.excel = vs->excel;
	cli_writer_init(&hdr);
	if (vs->format != CLI_FORMAT_HTML)
		cli_writer_header(&hdr);
	if (head.failed) {
		cli_error("out of memory");
		cli_buf_free(&head);
		cli_output_abort(out);
		return CLI_EXIT_ERROR;
	}
	cli_output_write(out, head.ptr ? head.ptr : "", head.len);
	cli_buf_free(&head);
	return 0;
}

int
cli_verify(int argc, char **argv)
{
	struct vsettings vs;
	struct vargs a;
	struct cli_output out;
	struct cli_html_toc toc = {.noun = "quote"};
	size_t i, processed = 0;
	int rc, status = CLI_EXIT_OK;

	memset(&vs, 0, sizeof vs);
	memset(&a, 0, sizeof a);
	a.format = CLI_FORMAT_AUTO;
	a.color = CLI_COLOR_AUTO;
	quoth_options_init(&a.opt);
	a.sources = calloc((size_t)(argc > 0 ? argc : 1), sizeof *a.sources);
	if (!a.sources) {
		cli_error("out of memory");
		return CLI_EXIT_ERROR;
	}
	rc = parse_args(argc, argv, &vs, &a);
	if (rc >= 0) {
		free(a.sources);
		return rc;
	}
	vs.max_doc = a.opt.max_doc_bytes;
	vs.toc = &toc;
	if ((rc = load_sources(&vs, &a, &status)) != 0 ||
	    (rc = open_output(&vs, &a, &out)) != 0) {
		status = rc;
		goto done;
	}
	for (i = 0; i < a.nfiles && !out.error; i++) {
		if (i > 0 && vs.format == CLI_FORMAT_TABLE)
			cli_output_write(&out, "\n", 1);
		status = worse(status,
		               verify_doc(&vs, a.files[i], &out, &processed));
	}
	cli_output_html_end(&out, vs.format == CLI_FORMAT_HTML ? &toc : NULL);
	/* The -o rule of extraction (SPEC "-o FILE"). */
	status = cli_output_finish(&out, a.output, status, processed);
done:
	quoth_sources_free(vs.src);
	quoth_extractor_free(vs.ex);
	free(a.sources);
	return status;
}
