/*
 * cli.h (CLI): helpers shared by the quoth command-line tool (main.c,
 * speakers.c, corpus.c, cli_verify.c) and its output writers.  Not
 * installed; the library itself is only ever reached through quoth.h.
 *
 * The files form layers, each calling only the ones below it:
 *
 *     main.c, cli_verify.c               the subcommands
 *     speakers.c, corpus.c, cli_output.c records, corpus input, -o FILE
 *     cli_util.c                         file input, options, writer dispatch
 *     write_csv.c, write_jsonl.c,
 *     write_table.c, write_html.c        one back end per format
 *     html_marks.c, cli_html.c           html: highlights, page, escaping
 *     cli_buf.c                          buffers, messages, UTF-8
 *
 * Conventions: functions that can fail return 0 on success and -1 on
 * failure, and print their own "quoth: ..." message unless said otherwise,
 * so that a caller only has to decide the exit status.
 */
#ifndef QUOTH_CLI_H
#define QUOTH_CLI_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "quoth.h"

/* Exit statuses (SPEC "Exit status and messages"). */
enum {
	CLI_EXIT_OK = 0,
	CLI_EXIT_DIFFERENCES = 1, /* verify found differences */
	CLI_EXIT_ERROR = 2        /* usage, unreadable input, output error */
};

/* ---- growable output buffer ------------------------------------------ */

/*
 * Writers render into memory and the caller writes whole buffers out:
 * that lets worker threads render documents in parallel while the output
 * stays in input order, and it keeps write errors (and their errno) in one
 * place, cli_output_write().  After a failed allocation `failed` is set and
 * later appends are no-ops, so callers check once at the end.
 */
struct cli_buf {
	char *ptr;
	size_t len;
	size_t cap;
	int failed;
};

void cli_buf_put(struct cli_buf *b, const char *s, size_t n);
/* Room for `extra` more bytes and a NUL: where they go (b->ptr + b->len),
 * or NULL when out of memory.  The caller writes there and sets b->len
 * and the NUL itself. */
char *cli_buf_room(struct cli_buf *b, size_t extra);
/* v in decimal, as "%zu" prints it, without printf: into dst (which
 * must have room for CLI_UINT_MAX bytes: all of them may be written, what
 * follows the digits is left undefined; no NUL) returning the length, or
 * appended to b. */
#define CLI_UINT_MAX 24
size_t cli_fmt_uint(char *dst, size_t v);
void cli_buf_put_uint(struct cli_buf *b, size_t v);
void cli_buf_puts(struct cli_buf *b, const char *s);
void cli_buf_putc(struct cli_buf *b, char c);
void cli_buf_printf(struct cli_buf *b, const char *fmt, ...)
        __attribute__((format(printf, 2, 3)));
void cli_buf_vprintf(struct cli_buf *b, const char *fmt, va_list ap)
        __attribute__((format(printf, 2, 0)));
/* Append s[0..n) as valid UTF-8: invalid bytes become U+FFFD. */
void cli_buf_put_utf8(struct cli_buf *b, const char *s, size_t n);
void cli_buf_clear(struct cli_buf *b);
void cli_buf_free(struct cli_buf *b);

/* ---- messages --------------------------------------------------------- */

/* "quoth: message\n" on stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Flush stdout after --help or --version; the exit status. */
int cli_finish_stdout(void);

/*
 * "quoth: FILE:LINE:COL: message\n" on stderr.  A zero `col` drops the
 * column and a zero `line` drops both ("quoth: FILE: message").
 */
void cli_error_at(const char *file, size_t line, size_t col, const char *fmt,
                  ...) __attribute__((format(printf, 4, 5)));

/* cli_error_at() with a va_list. */
void cli_verror_at(const char *file, size_t line, size_t col, const char *fmt,
                   va_list ap) __attribute__((format(printf, 4, 0)));

/* strerror(e) into buf[0..n), safe in worker threads; returns the text. */
const char *cli_strerror(int e, char *buf, size_t n);

/* The same message appended to a buffer (worker threads collect their
 * messages so that stderr, too, follows input order). */
void cli_msg_at(struct cli_buf *b, const char *file, size_t line, size_t col,
                const char *fmt, ...) __attribute__((format(printf, 5, 6)));
void cli_vmsg_at(struct cli_buf *b, const char *file, size_t line, size_t col,
                 const char *fmt, va_list ap)
        __attribute__((format(printf, 5, 0)));

/* A usage error: the message, then the "Try 'quoth --help'" hint; returns
 * CLI_EXIT_ERROR.  `cmd` is the subcommand ("verify") or NULL. */
int cli_usage_error(const char *cmd, const char *fmt, ...)
        __attribute__((format(printf, 2, 3)));
/* The hint alone, after a message already printed (cli_parse_*). */
int cli_usage_hint(const char *cmd);

/* ---- input ------------------------------------------------------------ */

/*
 * Read a whole file ("-" is stdin) into a new buffer (*data, to free()).
 * A file larger than `limit` bytes is refused without reading it all.
 * On failure the message (naming the file) is appended to `msgs`, or
 * printed on stderr when `msgs` is NULL, and -1 is returned.
 */
int cli_read_file(const char *path, size_t limit, char **data, size_t *len,
                  struct cli_buf *msgs);

/*
 * The code point at s[0..n) (n > 0) in *cp and its length in bytes; an
 * invalid or truncated sequence gives U+FFFD with length 1.
 */
size_t cli_utf8_next(const char *s, size_t n, int32_t *cp);
/* White space for display and word counts: ASCII, NEL and Unicode Z*. */
int cli_is_space(int32_t cp);

/*
 * A copy of s[0..n) that is valid UTF-8 (invalid bytes become U+FFFD),
 * NUL-terminated, for file names and ids that end up in the output.
 * NULL when out of memory.
 */
char *cli_utf8_dup(const char *s, size_t n);

/*
 * grep's rule for what is not text: a file starting with a UTF-16 byte
 * order mark (FF FE or FE FF) is UTF-16; else a NUL byte among its first
 * CLI_SNIFF_BYTES bytes makes it binary.  Such inputs are reported and
 * skipped unless --text says to read them anyway.
 */
#define CLI_SNIFF_BYTES 32768
enum cli_sniff { CLI_SNIFF_TEXT, CLI_SNIFF_BINARY, CLI_SNIFF_UTF16 };
/* The kind of s[0..n) (only its first CLI_SNIFF_BYTES are looked at). */
enum cli_sniff cli_sniff(const char *s, size_t n);
/* "quoth: FILE: binary file skipped" or the UTF-16 advice, into msgs. */
void cli_sniff_msg(struct cli_buf *msgs, const char *path, enum cli_sniff k);

/* ---- option values ---------------------------------------------------- */

enum cli_format {
	CLI_FORMAT_TABLE,
	CLI_FORMAT_CSV,
	CLI_FORMAT_TSV,
	CLI_FORMAT_JSONL,
	CLI_FORMAT_HTML,
	CLI_FORMAT_AUTO /* not given: table on a terminal, else csv */
};

enum cli_color { CLI_COLOR_AUTO, CLI_COLOR_ALWAYS, CLI_COLOR_NEVER };

/* Each returns 0, or -1 after printing a usage message naming `opt`. */
int cli_parse_format(const char *opt, const char *arg, enum cli_format *out);
int cli_parse_color(const char *opt, const char *arg, enum cli_color *out);
/* A byte count: digits with an optional K, M or G suffix (powers of 1024). */
int cli_parse_size(const char *opt, const char *arg, size_t *out);
/* --max-depth: a nesting depth from 1 to 1024. */
int cli_parse_depth(const char *opt, const char *arg, size_t *out);
/* "64K" for the help text: v with the largest exact K, M or G suffix. */
const char *cli_human_size(size_t v, char *buf, size_t n);
/* An integer in [min, max]. */
int cli_parse_uint(const char *opt, const char *arg, unsigned long min,
                   unsigned long max, unsigned long *out);
/* A comma list of direct,mixed,indirect,partial (or "all") as a mask of
 * (1u << quoth_type). */
int cli_parse_types(const char *opt, const char *arg, unsigned *out);

/* Resolve CLI_FORMAT_AUTO and the colour mode for output fd `fd`
 * (NO_COLOR, a non-empty value, turns colour off under "auto"). */
enum cli_format cli_resolve_format(enum cli_format f, int fd);
int cli_resolve_color(enum cli_color c, int fd);
/* Terminal width of `fd`, else $COLUMNS, else 80. */
unsigned cli_terminal_width(int fd);

/* ---- output ----------------------------------------------------------- */

/*
 * The output of a run: stdout, a device or FIFO written in place, or a
 * regular file written atomically (a temporary file in the same directory,
 * fsync()ed and renamed over FILE by cli_output_commit(); on failure or
 * cli_output_abort() it is removed and an existing FILE stays untouched).
 */
struct cli_output {
	int fd;
	int owned;  /* fd is ours to close */
	char *path; /* final name (symlinks resolved), NULL for stdout */
	char *tmp;  /* temporary name while atomic, else NULL */
	int error;  /* errno of the first failed write, 0 if none */
};

/* Open `path` (NULL or "-" for stdout).  Installs SIGINT/SIGTERM/SIGHUP
 * handlers that remove the temporary file. */
int cli_output_open(struct cli_output *out, const char *path);

/*
 * Write n bytes; returns 0, or -1 with out->error set.  EPIPE (SIGPIPE is
 * ignored by main) is not reported here: the caller checks
 * cli_output_closed() and ends the run quietly; any other error prints
 * "quoth: write error: ..." once.
 */
int cli_output_write(struct cli_output *out, const char *s, size_t n);
int cli_output_closed(const struct cli_output *out);

/* Finish: flush, fsync and rename a temporary file, close what we opened.
 * Returns 0, or -1 after printing the error (the temporary file removed). */
int cli_output_commit(struct cli_output *out);
/* Give up: remove the temporary file, close what we opened. */
void cli_output_abort(struct cli_output *out);

/* ---- records: one writer for table, CSV, TSV and JSON Lines ------------ */

/* Column flags. */
enum {
	CLI_COL_JSON = 1u << 0,  /* JSON only (span lists): not in CSV/TSV */
	CLI_COL_TABLE = 1u << 1, /* shown in the table format */
	CLI_COL_FLEX = 1u << 2,  /* table: takes the rest of the width */
	CLI_COL_GROUP = 1u << 3, /* table: a heading per value, not a column */
	CLI_COL_COLOR = 1u << 4  /* table: coloured by value (type, status) */
};

struct cli_column {
	const char *name; /* CSV/TSV header = JSON key */
	unsigned flags;
};

/*
 * One writer renders the records of one document (or one header) into
 * `out`.  Cells are given in column order, then cli_row_end().  Absent
 * values (cli_cell_null, or cli_cell_str with NULL) are JSON null and empty
 * in CSV, TSV and the table.
 */
struct cli_writer {
	enum cli_format format;
	const struct cli_column *cols;
	size_t ncols;
	struct cli_buf *out;
	int excel;        /* CSV/TSV: neutralise formula-like cells */
	int color;        /* table: ANSI colour */
	unsigned width;   /* table: terminal width */
	const char *noun; /* table heading: "quote" -> "3 quotes" */
	/* html: the document (cli_writer_source()) */
	const char *text;
	size_t text_len;
	const quoth_result *result;
	int article; /* html: quote records, drawn over the article */
	/* state */
	size_t col;     /* next column of the current row */
	size_t emitted; /* cells written in the current row */
	size_t rows;    /* rows written (table: of the current group) */
	struct cli_table *table;   /* table format: rows kept until the end */
	struct cli_html_doc *html; /* html format: the document so far */
};

/* Initialise `w`; only the fields above "state" need to be set first. */
void cli_writer_init(struct cli_writer *w);
/* The document the records come from: its text[0..len) and extraction
 * result.  The html format draws quote records over the article (call it
 * before cli_writer_group()); the others ignore it. */
void cli_writer_source(struct cli_writer *w, const char *text, size_t len,
                       const quoth_result *r);
/* CSV/TSV: the header row (and the BOM with excel). Nothing for the rest. */
void cli_writer_header(struct cli_writer *w);
/* Table: lay out and append the rows kept so far; frees the table. */
void cli_writer_finish(struct cli_writer *w);
/* Table: start a group (a document) even if it has no rows. */
void cli_writer_group(struct cli_writer *w, const char *s, size_t n);
/* Non-zero when an allocation failed while rendering. */
int cli_writer_failed(const struct cli_writer *w);

void cli_cell_str(struct cli_writer *w, const char *s, size_t n);
void cli_cell_cstr(struct cli_writer *w, const char *s);
void cli_cell_uint(struct cli_writer *w, size_t v);
/* A JSON number given as text (a numeric JSONL id): unquoted in JSON. */
void cli_cell_number_text(struct cli_writer *w, const char *s);
void cli_cell_real(struct cli_writer *w, double v, int decimals);
void cli_cell_bool(struct cli_writer *w, int v);
void cli_cell_null(struct cli_writer *w);
void cli_row_end(struct cli_writer *w);

/* ---- escaping (write_csv.c, write_jsonl.c) ---------------------------- */

/* One RFC 4180 field (quoted when it holds , " CR or LF). */
void cli_csv_field(struct cli_buf *b, const char *s, size_t n, int excel);
/* One TSV field: tab, CR and LF become spaces. */
void cli_tsv_field(struct cli_buf *b, const char *s, size_t n, int excel);
/* The same written at o, which has room for CLI_CSV_ROOM(n) or
 * CLI_TSV_ROOM(n) bytes; they return the end of what they wrote. */
#define CLI_CSV_ROOM(n) (2 * (n) + 3)
#define CLI_TSV_ROOM(n) ((n) + 1)
char *cli_csv_field_at(char *o, const char *s, size_t n, int excel);
char *cli_tsv_field_at(char *o, const char *s, size_t n, int excel);
/* A JSON string with its quotes; invalid UTF-8 becomes U+FFFD. */
void cli_json_string(struct cli_buf *b, const char *s, size_t n);
/* The same written at o, which has room for CLI_JSON_ROOM(n) bytes;
 * returns the end of what it wrote. */
#define CLI_JSON_ROOM(n) (6 * (n) + 2)
char *cli_json_string_at(char *o, const char *s, size_t n);
/* Whether --excel must neutralise a cell starting with these bytes. */
int cli_excel_risky(const char *s, size_t n);

/* ---- per-format back ends of the writer (not for direct use) ----------- */

enum cli_cell_kind {
	CLI_CELL_NULL,
	CLI_CELL_STR,
	CLI_CELL_NUM, /* text is a JSON number */
	CLI_CELL_BOOL
};

struct cli_cell {
	enum cli_cell_kind kind;
	const char *s; /* STR, NUM, BOOL: text */
	size_t n;
};

void cli_csv_cell(struct cli_writer *w, const struct cli_cell *c);
void cli_csv_row_end(struct cli_writer *w);
/* CSV or TSV: a whole row of cells, at the start of a line (write_csv.c). */
void cli_csv_row(struct cli_writer *w, const struct cli_cell *cells, size_t n);
/* One cell in the writer's format (what the cli_cell_*() functions
 * call). */
void cli_put_cell(struct cli_writer *w, const struct cli_cell *c);
void cli_tsv_cell(struct cli_writer *w, const struct cli_cell *c);
void cli_tsv_row_end(struct cli_writer *w);
void cli_jsonl_cell(struct cli_writer *w, const struct cli_cell *c);
void cli_jsonl_row_end(struct cli_writer *w);
void cli_table_cell(struct cli_writer *w, const struct cli_cell *c);
void cli_table_row_end(struct cli_writer *w);
void cli_table_group(struct cli_writer *w, const char *s, size_t n);
void cli_table_finish(struct cli_writer *w);
/* write_html.c */
void cli_html_header(struct cli_writer *w);
void cli_html_cell(struct cli_writer *w, const struct cli_cell *c);
void cli_html_row_end(struct cli_writer *w);
void cli_html_group(struct cli_writer *w, const char *s, size_t n);
void cli_html_finish(struct cli_writer *w);

/* The doc cell: a file name or JSONL string id, or (numeric) a JSON
 * number as text. */
void cli_cell_doc(struct cli_writer *w, const char *doc, int numeric);
/* The same for an id of n bytes that may hold NUL bytes. */
void cli_cell_doc_n(struct cli_writer *w, const char *doc, size_t n,
                    int numeric);

/* The quote records' columns: SPEC "Output fields", in this order
 * (cli_util.c). */
extern const struct cli_column cli_quote_columns[];
extern const size_t cli_quote_ncolumns;

/* The records of r's quotes, numbered from first + 1 (cli_rows.c); -1
 * when out of memory. */
int cli_quote_rows(struct cli_writer *w, const char *doc, size_t doc_len,
                   int numeric, size_t first, const quoth_result *r);

/* ---- `quoth speakers` rows (speakers.c) -------------------------------- */

extern const struct cli_column cli_speaker_columns[];
extern const size_t cli_speaker_ncolumns;

/* One row per speaker of `r` (quotes without a speaker last, under an
 * empty speaker); -1 when out of memory. */
int cli_speaker_rows(struct cli_writer *w, const char *doc, size_t doc_len,
                     int numeric, const quoth_result *r);

/* ---- `quoth speakers --total` and `-f html` (speakers_total.c) -------- */

/* The --total records' columns (man page "SPEAKERS --total"). */
extern const struct cli_column cli_total_columns[];
extern const size_t cli_total_ncolumns;

/* Rows collected over the whole run, written at its end. */
struct cli_audit;

/* With --total or -f html (`*format`), a new collector in *out, and
 * *format becomes CLI_FORMAT_JSONL: the rows every document renders are
 * for cli_audit_add().  Otherwise *out = NULL and nothing changes.  -1
 * when out of memory. */
int cli_audit_new(struct cli_audit **out, int total, enum cli_format *format);
/* Collect one document's rows (cli_speaker_rows() as JSON Lines); -1
 * when out of memory (said). */
int cli_audit_add(struct cli_audit *a, const struct cli_buf *rows);
/* Write the totals or the page to `out`; -1 on failure (said). */
int cli_audit_finish(struct cli_audit *a, struct cli_output *out, int excel,
                     int color, unsigned width);
void cli_audit_free(struct cli_audit *a);
/* --help: the audit options (of `cmd`, "speakers" or NULL). */
void cli_audit_usage(const char *cmd);

/* `quoth --help` or, with cmd "speakers", `quoth speakers --help`, on
 * standard output (cli_usage.c). */
void cli_usage(const char *cmd);

/* ---- JSON Lines corpus input (corpus.c) ------------------------------ */

struct cli_corpus {
	const char *path; /* as given, "-" for stdin */
	FILE *fp;
	size_t limit; /* longest line kept (--max-doc-bytes), 0: none */
	int text;     /* --text: read it even if it looks binary */
	size_t lineno;
	size_t articles; /* non-blank lines so far, skipped ones included */
	int probed;      /* the first block was read and judged */
	char *block;     /* the first block (cli_sniff), read before lines,
	                  * then each next block of the stream */
	size_t block_len, block_pos;
	int eof;    /* the stream has ended (as stdio's end-of-file flag) */
	char *line; /* the line being read */
	size_t cap;
};

/* Open a corpus file ("-" is stdin); -1 with a message in `msgs`.  Lines
 * longer than `limit` bytes (0: no limit) are skipped as they are read;
 * `text` turns off the binary and UTF-16 checks (cli_sniff). */
int cli_corpus_open(struct cli_corpus *c, const char *path, size_t limit,
                    int text, struct cli_buf *msgs);

/* cli_corpus_next(): a line was skipped (too long, or no memory for it);
 * the message is in `msgs` and the next call reads on. */
#define CLI_CORPUS_SKIPPED 2

/*
 * The next non-blank line, without its line end: 1 and *line (to free(),
 * NUL-terminated), 0 at the end, CLI_CORPUS_SKIPPED, or -1 after a read
 * error or for a binary or UTF-16 corpus, which ends it (message in
 * `msgs`).  Memory stays within the limit whatever the line's length.
 * Messages are collected rather than printed so that they reach stderr in
 * input order.
 */
int cli_corpus_next(struct cli_corpus *c, char **line, size_t *len,
                    size_t *lineno, struct cli_buf *msgs);
void cli_corpus_close(struct cli_corpus *c);

/* One parsed article. */
struct cli_corpus_doc {
	void *root;       /* the json_t holding `text` */
	const char *text; /* the text field's UTF-8 bytes */
	size_t len;
	char *id; /* the id field's value, else the line number; may
	                     hold NUL bytes: id_len is its length */
	size_t id_len;
	int numeric; /* id is a JSON number (or the line number) */
};

/*
 * Parse one line (any thread).  0 on success, to release with
 * cli_corpus_doc_free(); -1 when the line is malformed, with the
 * "quoth: FILE:LINE: ..." message appended to `msgs`.
 */
int cli_corpus_parse(const char *file, size_t lineno, const char *line,
                     size_t len, const char *id_field, const char *text_field,
                     struct cli_corpus_doc *doc, struct cli_buf *msgs);
void cli_corpus_doc_free(struct cli_corpus_doc *doc);

/* ---- subcommands ------------------------------------------------------ */

/*
 * `quoth verify ...`: argv[0] is "verify", the rest its arguments.
 * Returns the exit status.  Implemented in cli_verify.c.
 */
int cli_verify(int argc, char **argv);

/* ---- the end of a run (cli_output.c) ----------------------------------- */

/*
 * The -o rule (SPEC "-o FILE"): FILE is replaced only when at least one
 * input was processed and writing succeeded; otherwise it is left
 * untouched, and when no input was processed that is said naming FILE as
 * the user gave it (`name`).  A reader that went away ends the run
 * quietly.  Returns the exit status `status` becomes.
 */
int cli_output_finish(struct cli_output *out, const char *name, int status,
                      size_t processed);

/*
 * -f html: write the end of the page (cli_html_page_end(): the table of
 * contents `toc` collected while the documents were written, then the
 * closing tags) and free the contents.  Nothing when `toc` is NULL (the
 * other formats).  A write error is left in `out`.
 */
struct cli_html_toc;
void cli_output_html_end(struct cli_output *out, struct cli_html_toc *toc);

/* ---- the progress line (cli_progress.c) ------------------------------- */

/* --progress, --no-progress, or neither: a terminal on stderr and a run of
 * several inputs or a corpus shows it. */
enum cli_progress_mode { CLI_PROGRESS_AUTO, CLI_PROGRESS_ON, CLI_PROGRESS_OFF };

struct cli_progress {
	int on;
	int forced;   /* --progress: the final line even after a short run */
	int drawn;    /* a line was shown at some point */
	size_t shown; /* width of the line now on stderr, 0: none */
	double start, last;
	unsigned long long total; /* input bytes in all, 0: unknown */
	unsigned long long bytes; /* input bytes of the documents written */
	size_t docs;
};

/* Decide whether to show progress for the inputs paths[0..n) ("-" is
 * stdin; `corpus`: JSON Lines) and note their total size when every one
 * is a regular file. */
void cli_progress_start(struct cli_progress *p, enum cli_progress_mode mode,
                        char *const *paths, size_t n, int corpus);
/* One document written, of `bytes` input bytes; redraws at most four
 * times a second.  A NULL or inactive `p` does nothing, as below. */
void cli_progress_doc(struct cli_progress *p, size_t bytes);
/* Clear the line before another message goes to stderr. */
void cli_progress_clear(struct cli_progress *p);
/* The final line and its newline (none after a short run, unless forced). */
void cli_progress_end(struct cli_progress *p);

#endif
