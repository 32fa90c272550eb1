/*
 * cli_util.c: what the quoth subcommands share: buffers, messages, whole
 * file input, option values, the atomic output file and the record
 * writer's dispatch to the per-format back ends.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <utf8proc.h>

#include "cli.h"

/* ---- buffer ----------------------------------------------------------- */

static int
buf_reserve(struct cli_buf *b, size_t extra)
{
	size_t need, cap;
	char *p;

	if (b->failed)
		return -1;
	if (extra > SIZE_MAX - b->len - 1) {
		b->failed = 1;
		return -1;
	}
	need = b->len + extra + 1; /* room for a terminating NUL */
	if (need <= b->cap)
		return 0;
	cap = b->cap ? b->cap : 256;
	while (cap < need)
		cap = cap > SIZE_MAX / 2 ? need : cap * 2;
	p = realloc(b->ptr, cap);
	if (!p) {
		b->failed = 1;
		return -1;
	}
	b->ptr = p;
	b->cap = cap;
	return 0;
}

void
cli_buf_put(struct cli_buf *b, const char *s, size_t n)
{
	if (n == 0 || buf_reserve(b, n) != 0)
		return;
	memcpy(b->ptr + b->len, s, n);
	b->len += n;
	b->ptr[b->len] = '\0';
}

void
cli_buf_puts(struct cli_buf *b, const char *s)
{
	cli_buf_put(b, s, strlen(s));
}

void
cli_buf_putc(struct cli_buf *b, char c)
{
	cli_buf_put(b, &c, 1);
}

void
cli_buf_vprintf(struct cli_buf *b, const char *fmt, va_list ap)
{
	va_list ap2;
	int n;

	va_copy(ap2, ap);
	n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0) {
		b->failed = 1;
		return;
	}
	if (buf_reserve(b, (size_t)n) != 0)
		return;
	vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void
cli_buf_printf(struct cli_buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	cli_buf_vprintf(b, fmt, ap);
	va_end(ap);
}

void
cli_buf_clear(struct cli_buf *b)
{
	b->len = 0;
	if (b->ptr)
		b->ptr[0] = '\0';
}

void
cli_buf_free(struct cli_buf *b)
{
	free(b->ptr);
	b->ptr = NULL;
	b->len = b->cap = 0;
	b->failed = 0;
}

/* ---- messages --------------------------------------------------------- */

/* strerror() is not guaranteed thread-safe and workers read files. */
static const char *
errstr(int e, char *buf, size_t n)
{
#if defined(_GNU_SOURCE)
	return strerror_r(e, buf, n);
#else
	if (strerror_r(e, buf, n) != 0)
		snprintf(buf, n, "error %d", e);
	return buf;
#endif
}

void
cli_vmsg_at(struct cli_buf *b, const char *file, size_t line, size_t col,
            const char *fmt, va_list ap)
{
	cli_buf_puts(b, "quoth: ");
	if (file) {
		cli_buf_puts(b, file);
		if (line) {
			cli_buf_printf(b, ":%zu", line);
			if (col)
				cli_buf_printf(b, ":%zu", col);
		}
		cli_buf_puts(b, ": ");
	}
	cli_buf_vprintf(b, fmt, ap);
	cli_buf_putc(b, '\n');
}

void
cli_msg_at(struct cli_buf *b, const char *file, size_t line, size_t col,
           const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	cli_vmsg_at(b, file, line, col, fmt, ap);
	va_end(ap);
}

/* Messages are built whole and written with one call so that lines from
 * different sources never interleave mid-line. */
static void
print_msg(const char *file, size_t line, size_t col, const char *fmt,
          va_list ap)
{
	struct cli_buf b = {0};

	cli_vmsg_at(&b, file, line, col, fmt, ap);
	if (b.failed)
		fputs("quoth: out of memory\n", stderr);
	else
		fwrite(b.ptr, 1, b.len, stderr);
	fflush(stderr);
	cli_buf_free(&b);
}

void
cli_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	print_msg(NULL, 0, 0, fmt, ap);
	va_end(ap);
}

void
cli_error_at(const char *file, size_t line, size_t col, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	print_msg(file, line, col, fmt, ap);
	va_end(ap);
}

int
cli_usage_hint(const char *cmd)
{
	fprintf(stderr, "Try 'quoth %s%s--help' for more information.\n",
	        cmd ? cmd : "", cmd ? " " : "");
	return CLI_EXIT_ERROR;
}

int
cli_usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	print_msg(NULL, 0, 0, fmt, ap);
	va_end(ap);
	return cli_usage_hint(cmd);
}

/* ---- input ------------------------------------------------------------ */

static void
read_error(struct cli_buf *msgs, const char *path, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void
read_error(struct cli_buf *msgs, const char *path, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	if (msgs)
		cli_vmsg_at(msgs, path, 0, 0, fmt, ap);
	else
		print_msg(path, 0, 0, fmt, ap);
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
		read_error(msgs, path, "%s", errstr(errno, ebuf, sizeof ebuf));
		return -1;
	}
	if (fstat(fd, &st) != 0) {
		read_error(msgs, path, "%s", errstr(errno, ebuf, sizeof ebuf));
		goto done;
	}
	if (S_ISDIR(st.st_mode)) {
		read_error(msgs, path, "%s", errstr(EISDIR, ebuf, sizeof ebuf));
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
			           errstr(errno, ebuf, sizeof ebuf));
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

size_t
cli_utf8_next(const char *s, size_t n, int32_t *cp)
{
	utf8proc_int32_t c;
	utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s,
	                                      (utf8proc_ssize_t)n, &c);

	if (k <= 0) {
		*cp = 0xFFFD;
		return 1;
	}
	*cp = c;
	return (size_t)k;
}

int
cli_is_space(int32_t cp)
{
	utf8proc_category_t cat;

	if (cp == ' ' || (cp >= 0x09 && cp <= 0x0d) || cp == 0x85)
		return 1;
	cat = utf8proc_category(cp);
	return cat == UTF8PROC_CATEGORY_ZS || cat == UTF8PROC_CATEGORY_ZL ||
	       cat == UTF8PROC_CATEGORY_ZP;
}

void
cli_buf_put_utf8(struct cli_buf *b, const char *s, size_t n)
{
	size_t i = 0, from = 0, k;
	int32_t cp;

	while (i < n) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		k = cli_utf8_next(s + i, n - i, &cp);
		/* An invalid byte, not a real U+FFFD (which takes 3 bytes). */
		if (cp == 0xFFFD && k == 1) {
			cli_buf_put(b, s + from, i - from);
			cli_buf_puts(b, "\xEF\xBF\xBD");
			from = i + 1;
		}
		i += k;
	}
	cli_buf_put(b, s + from, n - from);
}

char *
cli_utf8_dup(const char *s, size_t n)
{
	struct cli_buf b = {0};

	if (buf_reserve(&b, n) != 0)
		return NULL;
	cli_buf_put_utf8(&b, s, n);
	if (b.failed) {
		cli_buf_free(&b);
		return NULL;
	}
	b.ptr[b.len] = '\0';
	return b.ptr;
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

/* ---- output ----------------------------------------------------------- */

/* The temporary file to remove when a signal ends the run.  Set before
 * the handlers are installed; the handler only calls unlink(), which is
 * async-signal-safe. */
static char *volatile signal_tmp;

static void
on_signal(int sig)
{
	if (signal_tmp)
		unlink(signal_tmp);
	signal(sig, SIG_DFL);
	raise(sig);
}

static const int caught_signals[] = {SIGINT, SIGTERM, SIGHUP};

static void
catch_signals(void)
{
	struct sigaction sa;
	size_t i;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < sizeof caught_signals / sizeof caught_signals[0]; i++)
		sigaction(caught_signals[i], &sa, NULL);
}

/* Holds back the caught signals (saving the old mask in `old`) while
 * the temporary is created and the handler installed, so that a signal
 * in between is handled, and the temporary removed, once unblocked. */
static void
hold_signals(sigset_t *old)
{
	sigset_t set;
	size_t i;

	sigemptyset(&set);
	for (i = 0; i < sizeof caught_signals / sizeof caught_signals[0]; i++)
		sigaddset(&set, caught_signals[i]);
	pthread_sigmask(SIG_BLOCK, &set, old);
}

static void
release_signals(void)
{
	signal_tmp = NULL;
}

int
cli_output_open(struct cli_output *out, const char *path)
{
	char ebuf[128];
	struct stat st;
	const char *slash;
	char *final = NULL, *tmp = NULL;
	size_t dirlen;
	sigset_t old_mask;
	mode_t mode, mask;
	int fd = -1, exists;

	memset(out, 0, sizeof *out);
	out->fd = STDOUT_FILENO;
	if (!path || strcmp(path, "-") == 0)
		return 0;

	exists = stat(path, &st) == 0;
	if (exists && S_ISDIR(st.st_mode)) {
		cli_error("%s: %s", path, errstr(EISDIR, ebuf, sizeof ebuf));
		return -1;
	}
	if (exists && !S_ISREG(st.st_mode)) {
		/* A device or FIFO cannot be replaced by rename(): write it
		 * in place, as a shell redirection would. */
		fd = open(path, O_WRONLY | O_CLOEXEC | O_NOCTTY);
		if (fd < 0) {
			cli_error("%s: %s", path,
			          errstr(errno, ebuf, sizeof ebuf));
			return -1;
		}
		out->path = strdup(path);
		if (!out->path) {
			close(fd);
			cli_error("out of memory");
			return -1;
		}
		out->fd = fd;
		out->owned = 1;
		return 0;
	}
	/* Refuse what a shell redirection would refuse, rather than
	 * silently replacing a read-only file. */
	if (exists && access(path, W_OK) != 0) {
		cli_error("%s: %s", path, errstr(errno, ebuf, sizeof ebuf));
		return -1;
	}
	/* Replace the file a symlink points to, not the symlink. */
	final = exists ? realpath(path, NULL) : strdup(path);
	if (!final) {
		cli_error("%s: %s", path, errstr(errno, ebuf, sizeof ebuf));
		return -1;
	}
	slash = strrchr(final, '/');
	dirlen = slash ? (size_t)(slash - final) + 1 : 0;
	hold_signals(&old_mask);
	tmp = malloc(strlen(final) + sizeof ".XXXXXX" + 1);
	if (!tmp) {
		cli_error("out of memory");
		goto fail;
	}
	sprintf(tmp, "%.*s.%s.XXXXXX", (int)dirlen, final, final + dirlen);
	fd = mkstemp(tmp);
	if (fd < 0) {
		cli_error("%s: %s", path, errstr(errno, ebuf, sizeof ebuf));
		goto fail;
	}
	/* mkstemp() makes the file 0600; give it the mode the file would
	 * have had: the old one's, or the default under the umask. */
	if (exists) {
		mode = st.st_mode & 07777;
	} else {
		mask = umask(0);
		umask(mask);
		mode = 0666 & ~mask;
	}
	if (fchmod(fd, mode) != 0 ||
	    fcntl(fd, F_SETFD, FD_CLOEXEC) != 0) {
		cli_error("%s: %s", tmp, errstr(errno, ebuf, sizeof ebuf));
		goto fail;
	}
	out->fd = fd;
	out->owned = 1;
	out->path = final;
	out->tmp = tmp;
	signal_tmp = tmp;
	catch_signals();
	pthread_sigmask(SIG_SETMASK, &old_mask, NULL);
	return 0;
fail:
	if (fd >= 0) {
		close(fd);
		unlink(tmp);
	}
	pthread_sigmask(SIG_SETMASK, &old_mask, NULL);
	free(tmp);
	free(final);
	return -1;
}

int
cli_output_write(struct cli_output *out, const char *s, size_t n)
{
	char ebuf[128];
	ssize_t k;

	if (out->error)
		return -1;
	while (n > 0) {
		k = write(out->fd, s, n);
		if (k < 0) {
			if (errno == EINTR)
				continue;
			out->error = errno;
			/* A reader that went away is not an error of ours: the
			 * caller ends the run quietly. */
			if (errno != EPIPE)
				cli_error("write error: %s",
				          errstr(errno, ebuf, sizeof ebuf));
			return -1;
		}
		s += k;
		n -= (size_t)k;
	}
	return 0;
}

int
cli_output_closed(const struct cli_output *out)
{
	return out->error == EPIPE;
}

void
cli_output_abort(struct cli_output *out)
{
	if (out->owned)
		close(out->fd);
	if (out->tmp) {
		unlink(out->tmp);
		release_signals();
	}
	free(out->tmp);
	free(out->path);
	memset(out, 0, sizeof *out);
	out->fd = -1;
}

int
cli_output_commit(struct cli_output *out)
{
	char ebuf[128];
	const char *what = NULL;
	int e = 0;

	if (out->error) {
		cli_output_abort(out);
		return -1;
	}
	if (out->tmp) {
		/* fsync before rename: otherwise a crash can leave the new
		 * name pointing at an empty file. */
		if (fsync(out->fd) != 0) {
			e = errno;
			what = "write error";
		}
	}
	if (out->owned) {
		if (close(out->fd) != 0 && !e) {
			e = errno;
			what = "write error";
		}
		out->owned = 0;
	}
	if (out->tmp && !e && rename(out->tmp, out->path) != 0) {
		e = errno;
		what = out->path;
	}
	if (e) {
		cli_error("%s: %s", what, errstr(e, ebuf, sizeof ebuf));
		cli_output_abort(out);
		return -1;
	}
	if (out->tmp)
		release_signals();
	free(out->tmp);
	free(out->path);
	memset(out, 0, sizeof *out);
	out->fd = -1;
	return 0;
}

/* ---- record writer ---------------------------------------------------- */

void
cli_writer_init(struct cli_writer *w)
{
	w->col = 0;
	w->rows = 0;
	w->emitted = 0;
	w->table = NULL;
	if (!w->noun)
		w->noun = "row";
}

void
cli_writer_header(struct cli_writer *w)
{
	size_t i;

	if (w->format != CLI_FORMAT_CSV && w->format != CLI_FORMAT_TSV)
		return;
	if (w->excel)
		cli_buf_puts(w->out, "\xEF\xBB\xBF");
	for (i = 0; i < w->ncols; i++) {
		if (w->cols[i].flags & CLI_COL_JSON)
			continue;
		if (w->emitted++)
			cli_buf_putc(w->out, w->format == CLI_FORMAT_CSV ? ','
			                                                 : '\t');
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
}

void
cli_writer_finish(struct cli_writer *w)
{
	if (w->format == CLI_FORMAT_TABLE)
		cli_table_finish(w);
}

int
cli_writer_failed(const struct cli_writer *w)
{
	return w->out->failed;
}

static void
put_cell(struct cli_writer *w, const struct cli_cell *c)
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
	default:
		break;
	}
	w->col++;
}

void
cli_cell_str(struct cli_writer *w, const char *s, size_t n)
{
	struct cli_cell c = {CLI_CELL_STR, s, n, NULL, 0};

	if (!s)
		c.kind = CLI_CELL_NULL;
	put_cell(w, &c);
}

void
cli_cell_cstr(struct cli_writer *w, const char *s)
{
	cli_cell_str(w, s, s ? strlen(s) : 0);
}

void
cli_cell_doc(struct cli_writer *w, const char *doc, int numeric)
{
	if (numeric)
		cli_cell_number_text(w, doc);
	else
		cli_cell_cstr(w, doc);
}

void
cli_cell_uint(struct cli_writer *w, size_t v)
{
	char num[32];
	struct cli_cell c = {CLI_CELL_NUM, num, 0, NULL, 0};

	c.n = (size_t)snprintf(num, sizeof num, "%zu", v);
	put_cell(w, &c);
}

void
cli_cell_number_text(struct cli_writer *w, const char *s)
{
	struct cli_cell c = {CLI_CELL_NUM, s, strlen(s), NULL, 0};

	put_cell(w, &c);
}

void
cli_cell_real(struct cli_writer *w, double v, int decimals)
{
	char num[64];
	struct cli_cell c = {CLI_CELL_NUM, num, 0, NULL, 0};
	int k = snprintf(num, sizeof num, "%.*f", decimals, v);

	/* JSON has no NaN or infinity. */
	if (k <= 0 || (size_t)k >= sizeof num || v != v || v - v != 0) {
		cli_cell_null(w);
		return;
	}
	c.n = (size_t)k;
	put_cell(w, &c);
}

void
cli_cell_bool(struct cli_writer *w, int v)
{
	struct cli_cell c = {CLI_CELL_BOOL, v ? "true" : "false", 0, NULL, 0};

	c.n = strlen(c.s);
	put_cell(w, &c);
}

void
cli_cell_null(struct cli_writer *w)
{
	struct cli_cell c = {CLI_CELL_NULL, NULL, 0, NULL, 0};

	put_cell(w, &c);
}

void
cli_cell_spans(struct cli_writer *w, const size_t *se, size_t n)
{
	struct cli_cell c = {CLI_CELL_SPANS, NULL, 0, se, n};

	put_cell(w, &c);
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

const size_t cli_quote_ncolumns =
	sizeof cli_quote_columns / sizeof cli_quote_columns[0];
