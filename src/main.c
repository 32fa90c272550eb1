/*
 * main.c (CLI): the quoth command line, a thin client of quoth.h.
 * Reads the arguments, the input files or JSON Lines corpora (through
 * cli_util.c and corpus.c) and standard input; writes records to standard
 * output or -o FILE (cli_output.c) and messages to stderr.
 *
 *     quoth [OPTIONS] [FILE...]            quotes, one record each
 *     quoth speakers [OPTIONS] [FILE...]   one record per speaker (speakers.c)
 *     quoth verify ...                     quotes against sources (cli_verify.c)
 *
 * Documents flow through a small pipeline: each of the -j N threads takes
 * the next input (a file name, or a line of a JSON Lines corpus), reads,
 * extracts and renders it into memory, and the rendered documents are
 * written in input order (run_threads()).  A bounded number of documents
 * is in flight, so memory stays bounded on corpora of any size.  With
 * -j 1 the same steps run in the main thread, and records are written as
 * each window of a long document is done.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>
#ifdef __GLIBC__
#include <malloc.h>
#include <stdint.h>
#include <sys/mman.h>
#endif

#include "cli.h"
#include "cli_html.h"
#include "cli_map.h"
#include "quoth.h"

#define MAX_JOBS 1024

/* What every document is processed with; read-only once threads run. */
struct settings {
	const quoth_extractor *ex;
	quoth_options opt;
	enum cli_format format;
	int excel;
	int color;
	unsigned width;
	int speakers;
	struct cli_audit *audit; /* speakers --total or -f html, else NULL */
	const struct cli_column *cols; /* the records: quotes or speakers */
	size_t ncols;
	const char *noun;
	int jsonl;
	int text; /* --text: read what looks binary or UTF-16 anyway */
	const char *id_field;
	const char *text_field;
};

/* One document in flight. */
struct job {
	const char *path; /* the file, or the corpus the line came from */
	char *line;       /* JSONL input: the raw line */
	size_t len;
	size_t lineno;
	size_t bytes;        /* input bytes, for the progress line */
	struct cli_buf out;  /* rendered records */
	struct cli_buf msgs; /* messages for stderr */
	int failed;          /* exit status 2 */
	struct sink *sink;   /* -j 1: records are written window by window */
	int halt;            /* that writing failed: the run ends */
};

/* quoth_options.trace for QUOTH_DEBUG_SHAPES: one line, written whole
 * (stdio locks the stream, so lines of several threads do not mix). */
static void
trace_shapes(void *arg, const char *line)
{
	(void)arg;
	fprintf(stderr, "quoth: %s\n", line);
}

/*
 * Transparent huge pages for the heap of the calling thread, where the
 * system gives them only when asked (Debian's default, "madvise").  Each
 * new page of memory costs a fault, and in a virtual machine a dear one:
 * the tagger's cache alone (tagger_rec.c) touches some 10 MB of fresh
 * memory per thread.  On a 10 MB corpus with -j 2 that was 10,000 faults
 * and a fifth of the CPU time; with huge pages, about 1,000.  (What
 * GLIBC_TUNABLES=glibc.malloc.hugetlb=1 does, without asking the user.)
 * Each thread's arena is a heap of its own, a 64 MB mapping aligned to
 * its size (glibc's HEAP_MAX_SIZE on 64-bit systems), grown in place:
 * advised once, whole, when the block just allocated lies at its start.
 * Only advice: where it does not apply, nothing changes.  Not for the
 * main arena of a run on one thread: there, with the kernel's default
 * "defrag=madvise", faults that stop to compact memory cost more than
 * they save (10 MB of text: task-clock +10 %).
 */
static void
huge_heap(void)
{
#if defined(__GLIBC__) && defined(MADV_HUGEPAGE) && UINTPTR_MAX > 0xffffffffu
	const uintptr_t heap = (uintptr_t)64 << 20;
	void *p = malloc(1);
	uintptr_t at = (uintptr_t)p, lo = at & ~(heap - 1);

	/* (a new heap opens with its header and its arena, and this is its
	 * first block: further in, the heap is an older one, the main
	 * arena, or another allocator's, and is left as it is) */
	if (p && at - lo < ((uintptr_t)64 << 10))
		madvise((void *)lo, heap, MADV_HUGEPAGE);
	free(p);
#endif
}

/* ---- one document ------------------------------------------------------ */

/*
 * A message about a place in the document.  For a file that is
 * FILE:LINE:COL; for a corpus line, FILE:LINE of the corpus and then the
 * position inside the text field.
 */
static void doc_msg(const struct settings *st, struct job *job, size_t line,
                    size_t col, const char *fmt, ...)
        __attribute__((format(printf, 5, 6)));

static void
doc_msg(const struct settings *st, struct job *job, size_t line, size_t col,
        const char *fmt, ...)
{
	struct cli_buf text = {0};
	va_list ap;

	va_start(ap, fmt);
	if (!st->jsonl) {
		cli_vmsg_at(&job->msgs, job->path, line, col, fmt, ap);
		va_end(ap);
		return;
	}
	cli_buf_vprintf(&text, fmt, ap);
	va_end(ap);
	if (line)
		cli_msg_at(&job->msgs, job->path, job->lineno, 0,
		           "in \"%s\" at %zu:%zu: %s", st->text_field, line,
		           col, text.ptr ? text.ptr : "");
	else
		cli_msg_at(&job->msgs, job->path, job->lineno, 0, "%s",
		           text.ptr ? text.ptr : "");
	if (text.failed)
		job->msgs.failed = 1;
	cli_buf_free(&text);
}

static void
report_warnings(const struct settings *st, struct job *job,
                const quoth_result *r)
{
	size_t w, count, offset, line, col;
	char what[128];

	for (w = 0; w < QUOTH_WARN_COUNT_; w++) {
		offset = 0;
		count = quoth_result_warnings(r, (quoth_warning)w, &offset);
		if (count == 0)
			continue;
		switch (w) {
		case QUOTH_WARN_UTF8:
			snprintf(what, sizeof what,
			         "invalid UTF-8 replaced by U+FFFD");
			break;
		case QUOTH_WARN_QUOTE_LEN:
			snprintf(what, sizeof what,
			         "quote longer than %zu bytes (a quote "
			         "running over several paragraphs is cut "
			         "at a paragraph end; see --max-quote-bytes)",
			         st->opt.max_quote_bytes);
			break;
		case QUOTH_WARN_DEPTH:
			snprintf(what, sizeof what,
			         "quote marks nested deeper than %zu levels "
			         "treated as text",
			         st->opt.max_depth);
			break;
		default:
			snprintf(what, sizeof what, "warning %zu", w);
			break;
		}
		line = col = 0;
		quoth_result_locate(r, offset, &line, &col);
		if (count > 1)
			doc_msg(st, job, line, col, "%s (%zu times)", what,
			        count);
		else
			doc_msg(st, job, line, col, "%s", what);
	}
}

static int flush_records(struct job *job);

/* quoth_extract_each()'s handler: one window's records, written at once
 * when nothing comes before them (-j 1). */
struct window_arg {
	struct cli_writer *w;
	struct job *job;
	const char *doc;
	size_t doc_len;
	int numeric;
	struct cli_map *map; /* the text's pages behind the windows go */
};

static int
window_rows(void *arg, const quoth_result *r, size_t first)
{
	struct window_arg *a = arg;
	size_t n = quoth_result_count(r), at, end;

	if (n) {
		quoth_quote_part(r, n - 1, 0, &at, &end);
		cli_map_behind(a->map, at);
	}

	if (cli_quote_rows(a->w, a->doc, a->doc_len, a->numeric, first, r) !=
	            0 ||
	    cli_writer_failed(a->w))
		return -1;
	return a->job->sink ? flush_records(a->job) : 0;
}

/* Read (or parse), extract and render one document into job->out. */
static void
process(const struct settings *st, struct job *job)
{
	struct cli_corpus_doc cd;
	struct cli_writer w;
	struct cli_map map = {0};
	quoth_result *r = NULL;
	quoth_error err;
	char *data = NULL, *name = NULL;
	const char *text, *doc;
	size_t len, doc_len;
	enum cli_sniff kind;
	int numeric = 0, rc;

	memset(&cd, 0, sizeof cd);
	/* Input messages (an unreadable corpus) arrive as failed jobs. */
	if (job->failed)
		return;
	if (st->jsonl) {
		rc = cli_corpus_parse(job->path, job->lineno, job->line,
		                      job->len, st->id_field, st->text_field,
		                      &cd, &job->msgs);
		/* The parsed copy is all we need from here on. */
		free(job->line);
		job->line = NULL;
		if (rc != 0)
			goto fail;
		text = cd.text;
		len = cd.len;
		doc = cd.id;
		doc_len = cd.id_len;
		numeric = cd.numeric;
	} else {
		if (cli_map_file(job->path, st->opt.max_doc_bytes, &map) == 0) {
			text = map.ptr;
			len = map.len;
		} else if (cli_read_file(job->path, st->opt.max_doc_bytes,
		                         &data, &len, &job->msgs) != 0) {
			goto fail;
		} else {
			text = data;
		}
		/* grep's rule: what looks binary or UTF-16 is not read as
		 * text unless --text says so. */
		kind = st->text ? CLI_SNIFF_TEXT : cli_sniff(text, len);
		if (kind != CLI_SNIFF_TEXT) {
			cli_sniff_msg(&job->msgs, job->path, kind);
			goto fail;
		}
		name = cli_utf8_dup(job->path, strlen(job->path));
		if (!name)
			goto nomem;
		job->bytes = len;
		doc = name;
		doc_len = strlen(name);
	}

	memset(&w, 0, sizeof w);
	w.format = st->format;
	w.out = &job->out;
	w.excel = st->excel;
	w.color = st->color;
	w.width = st->width;
	w.cols = st->cols;
	w.ncols = st->ncols;
	w.noun = st->noun;
	cli_writer_init(&w);
	cli_writer_group(&w, doc, doc_len);
	memset(&err, 0, sizeof err);
	rc = 0;
	if (st->speakers || st->format == CLI_FORMAT_HTML) {
		/* both need the whole document's quotes at once */
		if (quoth_extract(st->ex, text, len, &r, &err) == QUOTH_OK) {
			cli_writer_source(&w, text, len, r);
			rc = st->speakers ? cli_speaker_rows(&w, doc, doc_len,
			                                     numeric, r)
			                  : cli_quote_rows(&w, doc, doc_len,
			                                   numeric, 0, r);
		}
	} else {
		struct window_arg wa = {&w, job, doc, doc_len, numeric, &map};
		if (st->format == CLI_FORMAT_TABLE)
			job->sink = NULL; /* a table is aligned at its end */
		if (quoth_extract_each(st->ex, text, len, window_rows, &wa, &r,
		                       &err) != QUOTH_OK &&
		    err.status == QUOTH_ERR_IO)
			rc = -1; /* out of memory, or the output failed */
	}
	if (!r && rc == 0) {
		cli_writer_finish(&w);
		cli_buf_free(&job->out);
		doc_msg(st, job, err.line, err.column, "%s",
		        err.message[0] ? err.message
		                       : quoth_strerror(err.status));
		goto fail;
	}
	if (r)
		report_warnings(st, job, r);
	cli_writer_finish(&w);
	if (job->halt)
		goto done; /* the run ends: see run_serial() */
	if (rc != 0 || cli_writer_failed(&w))
		goto nomem;
	goto done;

nomem:
	cli_buf_free(&job->out);
	doc_msg(st, job, 0, 0, "out of memory");
fail:
	job->failed = 1;
done:
	quoth_result_free(r);
	cli_corpus_doc_free(&cd);
	cli_map_free(&map);
	free(data);
	free(name);
}

/* ---- inputs ------------------------------------------------------------- */

struct inputs {
	char **paths;
	size_t npaths, next;
	int jsonl;
	size_t limit; /* --max-doc-bytes: the longest corpus line */
	int text;     /* --text */
	struct cli_corpus corpus;
	int corpus_open;
	size_t empty; /* corpora read to their end without an article */
};

/* Fill the next job; 0 when there are no more inputs. */
static int
next_input(struct inputs *in, struct job *job)
{
	int rc;

	memset(job, 0, sizeof *job);
	if (!in->jsonl) {
		if (in->next == in->npaths)
			return 0;
		job->path = in->paths[in->next++];
		return 1;
	}
	for (;;) {
		if (!in->corpus_open) {
			if (in->next == in->npaths)
				return 0;
			job->path = in->paths[in->next++];
			if (cli_corpus_open(&in->corpus, job->path, in->limit,
			                    in->text, &job->msgs) != 0) {
				job->failed = 1;
				return 1;
			}
			in->corpus_open = 1;
		}
		job->path = in->corpus.path;
		rc = cli_corpus_next(&in->corpus, &job->line, &job->len,
		                     &job->lineno, &job->msgs);
		job->bytes = rc == 1 ? job->len + 1 : 0; /* and its line end */
		if (rc == 1)
			return 1;
		/* A skipped line: its message, and on with the next. */
		if (rc == CLI_CORPUS_SKIPPED) {
			job->failed = 1;
			return 1;
		}
		if (rc == 0 && in->corpus.articles == 0)
			in->empty++;
		cli_corpus_close(&in->corpus);
		in->corpus_open = 0;
		if (rc < 0) {
			job->failed = 1;
			return 1;
		}
	}
}

static void
job_free(struct job *job)
{
	free(job->line);
	cli_buf_free(&job->out);
	cli_buf_free(&job->msgs);
	memset(job, 0, sizeof *job);
}

/* ---- output, in input order --------------------------------------------- */

struct sink {
	struct cli_output *out;
	enum cli_format format;
	int status;
	int wrote; /* a document was written (table: separate the next) */
	size_t processed;              /* documents read and extracted */
	struct cli_progress *progress; /* counts documents as written */
	struct cli_audit *audit;       /* collects the rows, see settings */
	struct cli_html_toc *toc;      /* -f html: the page's contents */
};

/* Write one finished job: its messages, then its records.  -1 ends the
 * run (the output failed or its reader went away). */
static int
emit(struct sink *sk, struct job *job)
{
	cli_progress_doc(sk->progress, job->bytes);
	if (job->msgs.len > 0) {
		cli_progress_clear(sk->progress);
		fwrite(job->msgs.ptr, 1, job->msgs.len, stderr);
		fflush(stderr);
	}
	if (job->msgs.failed || job->out.failed) {
		cli_error("out of memory");
		job->failed = 1;
		cli_buf_free(&job->out);
	}
	if (job->failed)
		sk->status = CLI_EXIT_ERROR;
	else
		sk->processed++;
	if (sk->audit && !job->failed)
		return cli_audit_add(sk->audit, &job->out);
	if (job->out.len == 0)
		return 0;
	cli_html_toc_add(sk->toc, &job->out);
	if (sk->format == CLI_FORMAT_TABLE && sk->wrote &&
	    cli_output_write(sk->out, "\n", 1) != 0)
		return -1;
	if (cli_output_write(sk->out, job->out.ptr, job->out.len) != 0)
		return -1;
	sk->wrote = 1;
	return 0;
}

/* Write the records rendered so far (window_rows()); -1 when writing
 * failed, which ends the run. */
static int
flush_records(struct job *job)
{
	struct sink *sk = job->sink;

	if (job->out.failed || job->out.len == 0)
		return 0;
	if (cli_output_write(sk->out, job->out.ptr, job->out.len) != 0) {
		job->halt = 1;
		return -1;
	}
	job->out.len = 0;
	sk->wrote = 1;
	return 0;
}

static void
run_serial(const struct settings *st, struct inputs *in, struct sink *sk)
{
	struct job job;

	while (next_input(in, &job)) {
		/* records as they come, but the html page and the speaker
		 * audit are written whole */
		if (!sk->audit && sk->format != CLI_FORMAT_HTML)
			job.sink = sk;
		process(st, &job);
		if (job.halt || emit(sk, &job) != 0) {
			job_free(&job);
			return;
		}
		job_free(&job);
	}
}

/*
 * -j N: N threads each take the next input,
 * process it and hand it to the output.  The thread that finishes the
 * document the output waits for writes it, and after it every finished
 * document in line; one that finishes a later document parks it in the
 * ring and takes the next input.  Nobody waits for anybody, and no thread
 * wakes another, unless RING_SLOTS documents (or PARK_BYTES of their
 * records) are in flight behind a long one: then the fast threads wait
 * for the output to catch up, so memory stays bounded whatever the
 * input holds.
 */
#define PARK_BYTES ((size_t)8 << 20)

struct pipeline {
	const struct settings *st;
	struct inputs *in;
	struct sink *sk;
	struct job *ring;
	unsigned char *done; /* per slot: processed, not yet written */
	size_t cap;
	size_t taken;          /* sequence number of the next input (in_mu) */
	size_t written;        /* of the next job to write (mu) */
	size_t parked;         /* bytes of the finished jobs not yet written */
	int eof;               /* the inputs are all taken (in_mu) */
	int writing;           /* a thread is writing: the others only park */
	int failed;            /* the output failed: take no more inputs */
	int waiting;           /* threads waiting for room */
	pthread_mutex_t in_mu; /* the inputs, and taking a slot */
	pthread_mutex_t mu;    /* the rest */
	pthread_cond_t room;
};

/* The next input into a free slot; NULL at the end or after an output
 * failure.  *seq is its place in input order. */
static struct job *
take_input(struct pipeline *pl, size_t *seq)
{
	struct job *job = NULL;
	int stop;

	pthread_mutex_lock(&pl->in_mu);
	pthread_mutex_lock(&pl->mu);
	while (!pl->failed && (pl->taken - pl->written >= pl->cap ||
	                       pl->parked >= PARK_BYTES)) {
		pl->waiting++;
		pthread_cond_wait(&pl->room, &pl->mu);
		pl->waiting--;
	}
	stop = pl->failed;
	pthread_mutex_unlock(&pl->mu);
	if (!stop && !pl->eof) {
		job = &pl->ring[pl->taken % pl->cap];
		if (next_input(pl->in, job)) {
			*seq = pl->taken++;
		} else {
			pl->eof = 1;
			job = NULL;
		}
	}
	pthread_mutex_unlock(&pl->in_mu);
	return job;
}

/* Job seq is processed: park it, and when it is the next in line and no
 * other thread is writing, write it and the parked ones after it. */
static void
commit(struct pipeline *pl, size_t seq)
{
	struct job *job;
	size_t slot, size;
	int rc;

	pthread_mutex_lock(&pl->mu);
	slot = seq % pl->cap;
	pl->done[slot] = 1;
	pl->parked += pl->ring[slot].out.len + pl->ring[slot].msgs.len;
	if (pl->writing || seq != pl->written) {
		pthread_mutex_unlock(&pl->mu);
		return;
	}
	pl->writing = 1;
	while (!pl->failed && pl->done[pl->written % pl->cap]) {
		slot = pl->written % pl->cap;
		job = &pl->ring[slot];
		size = job->out.len + job->msgs.len;
		pthread_mutex_unlock(&pl->mu);
		rc = emit(pl->sk, job);
		job_free(job);
		pthread_mutex_lock(&pl->mu);
		pl->done[slot] = 0;
		pl->parked -= size;
		pl->written++;
		if (rc != 0)
			pl->failed = 1;
		if (pl->waiting)
			pthread_cond_broadcast(&pl->room);
	}
	pl->writing = 0;
	pthread_mutex_unlock(&pl->mu);
}

static void *
worker(void *arg)
{
	struct pipeline *pl = arg;
	struct job *job;
	size_t seq = 0;

	huge_heap();
	while ((job = take_input(pl, &seq)) != NULL) {
		process(pl->st, job);
		commit(pl, seq);
	}
	return NULL;
}

static void
run_threads(const struct settings *st, struct inputs *in, struct sink *sk,
            size_t nthreads)
{
	struct pipeline pl;
	pthread_t *threads;
	size_t started = 0, i;

	memset(&pl, 0, sizeof pl);
	pl.st = st;
	pl.in = in;
	pl.sk = sk;
	pl.cap = 64 + 4 * nthreads;
	pl.ring = calloc(pl.cap, sizeof *pl.ring);
	pl.done = calloc(pl.cap, 1);
	threads = calloc(nthreads, sizeof *threads);
	if (!pl.ring || !pl.done || !threads) {
		free(threads);
		free(pl.done);
		free(pl.ring);
		run_serial(st, in, sk);
		return;
	}
	pthread_mutex_init(&pl.in_mu, NULL);
	pthread_mutex_init(&pl.mu, NULL);
	pthread_cond_init(&pl.room, NULL);
	/* N new threads, each with a heap of its own (huge_heap()); this
	 * one only waits, or works alone when none could start */
	for (i = 0; i < nthreads; i++) {
		if (pthread_create(&threads[i], NULL, worker, &pl) != 0)
			break;
		started++;
	}
	if (started == 0)
		worker(&pl);
	for (i = 0; i < started; i++)
		pthread_join(threads[i], NULL);
	/* After an output failure the jobs still parked are dropped. */
	for (; pl.written != pl.taken; pl.written++)
		job_free(&pl.ring[pl.written % pl.cap]);
	pthread_cond_destroy(&pl.room);
	pthread_mutex_destroy(&pl.mu);
	pthread_mutex_destroy(&pl.in_mu);
	free(threads);
	free(pl.done);
	free(pl.ring);
}

/* ---- options ------------------------------------------------------------ */

enum {
	OPT_INPUT = 256,
	OPT_ID_FIELD,
	OPT_TEXT_FIELD,
	OPT_LANG,
	OPT_DATA_DIR,
	OPT_TYPES,
	OPT_STRICT_UTF8,
	OPT_EXCEL,
	OPT_COLOR,
	OPT_MAX_QUOTE,
	OPT_MAX_DEPTH,
	OPT_MAX_DOC,
	OPT_PROGRESS,
	OPT_NO_PROGRESS,
	OPT_VERSION,
	OPT_GENDER_NAMES,
	OPT_TOTAL
};

static const struct option long_options[] = {
        {"format", required_argument, NULL, 'f'},
        {"output", required_argument, NULL, 'o'},
        {"input", required_argument, NULL, OPT_INPUT},
        {"id-field", required_argument, NULL, OPT_ID_FIELD},
        {"text-field", required_argument, NULL, OPT_TEXT_FIELD},
        {"jobs", required_argument, NULL, 'j'},
        {"lang", required_argument, NULL, OPT_LANG},
        {"data-dir", required_argument, NULL, OPT_DATA_DIR},
        {"types", required_argument, NULL, OPT_TYPES},
        {"strict-utf8", no_argument, NULL, OPT_STRICT_UTF8},
        {"excel", no_argument, NULL, OPT_EXCEL},
        {"color", required_argument, NULL, OPT_COLOR},
        {"colour", required_argument, NULL, OPT_COLOR},
        {"max-quote-bytes", required_argument, NULL, OPT_MAX_QUOTE},
        {"max-depth", required_argument, NULL, OPT_MAX_DEPTH},
        {"max-doc-bytes", required_argument, NULL, OPT_MAX_DOC},
        {"progress", no_argument, NULL, OPT_PROGRESS},
        {"no-progress", no_argument, NULL, OPT_NO_PROGRESS},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, OPT_VERSION},
        {"text", no_argument, NULL, 'a'},
        {"gender-from-names", no_argument, NULL, OPT_GENDER_NAMES},
        {"total", no_argument, NULL, OPT_TOTAL},
        {NULL, 0, NULL, 0},
};

/* The option as the user wrote it, for messages ("-f" or "--format"). */
static const char *
option_name(int c, int longindex, char *buf, size_t n)
{
	if (longindex >= 0)
		snprintf(buf, n, "--%s", long_options[longindex].name);
	else
		snprintf(buf, n, "-%c", c);
	return buf;
}

/* ---- the run, step by step ---------------------------------------------- */

/* What the command line asked for beyond the per-document settings. */
struct args {
	const char *cmd;    /* "speakers", or NULL for quote records */
	const char *output; /* -o FILE, NULL for standard output */
	enum cli_format format;
	enum cli_color color;
	unsigned long jobs;
	enum cli_progress_mode progress;
	int total; /* speakers --total */
};

/*
 * Decides that descriptors 0, 1 and 2 are open: any that is closed is
 * opened on /dev/null.  Otherwise the next open() takes its number: -o's
 * temporary file would become stderr (and collect the warnings) or stdin
 * (and be read as input).  -1 when that fails: nothing can be said then.
 */
static int
open_std_fds(void)
{
	int fd;

	for (fd = 0; fd <= 2; fd++) {
		if (fcntl(fd, F_GETFD) != -1 || errno != EBADF)
			continue;
		/* The lowest free number is fd itself. */
		if (open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY) != fd)
			return -1;
	}
	return 0;
}

/* Decides that a closed pipe or a file size limit ends the run as a write
 * error, not as a killed process. */
static void
ignore_write_signals(void)
{
	/* A closed output pipe shows up as EPIPE from write(), which ends
	 * the run quietly (see cli_output_write). */
	signal(SIGPIPE, SIG_IGN);
	/* Likewise a file size limit: EFBIG is a write error like ENOSPC,
	 * which removes the temporary file, instead of a killed process. */
	signal(SIGXFSZ, SIG_IGN);
}

/* Decides what a record is: a quote, or (`quoth speakers`) a speaker.
 * Consumes the subcommand word from argc/argv. */
static void
init_settings(struct settings *st, struct args *a, int *argc, char ***argv)
{
	memset(st, 0, sizeof *st);
	memset(a, 0, sizeof *a);
	quoth_options_init(&st->opt);
	st->id_field = "id";
	st->text_field = "text";
	st->cols = cli_quote_columns;
	st->ncols = cli_quote_ncolumns;
	st->noun = "quote";
	a->format = CLI_FORMAT_AUTO;
	a->color = CLI_COLOR_AUTO;
	a->jobs = 1;
	if (*argc > 1 && strcmp((*argv)[1], "speakers") == 0) {
		st->speakers = 1;
		st->cols = cli_speaker_columns;
		st->ncols = cli_speaker_ncolumns;
		st->noun = "speaker";
		a->cmd = "speakers";
		(*argc)--;
		(*argv)++;
	}
}

/* Decides what one option means.  -1 to go on; otherwise the run ends
 * here with that exit status (a usage error, --help, --version). */
static int
apply_option(int c, const char *oname, char **argv, struct settings *st,
             struct args *a)
{
	const char *cmd = a->cmd;

	switch (c) {
	case 'f':
		if (cli_parse_format(oname, optarg, &a->format) != 0)
			return cli_usage_hint(cmd);
		return -1;
	case 'o':
		a->output = optarg;
		return -1;
	case OPT_INPUT:
		if (strcmp(optarg, "jsonl") == 0)
			st->jsonl = 1;
		else if (strcmp(optarg, "text") == 0)
			st->jsonl = 0;
		else
			return cli_usage_error(cmd,
			                       "invalid --input '%s' (expected "
			                       "text or jsonl)",
			                       optarg);
		return -1;
	case OPT_ID_FIELD:
		st->id_field = optarg;
		return -1;
	case OPT_TEXT_FIELD:
		st->text_field = optarg;
		return -1;
	case 'j':
		if (cli_parse_uint(oname, optarg, 0, MAX_JOBS, &a->jobs) != 0)
			return cli_usage_hint(cmd);
		return -1;
	case OPT_LANG:
		st->opt.lang = optarg;
		return -1;
	case OPT_DATA_DIR:
		st->opt.data_dir = optarg;
		return -1;
	case OPT_TYPES:
		if (cli_parse_types(oname, optarg, &st->opt.types) != 0)
			return cli_usage_hint(cmd);
		return -1;
	case OPT_STRICT_UTF8:
		st->opt.flags |= QUOTH_OPT_STRICT_UTF8;
		return -1;
	case 'a':
		st->text = 1;
		return -1;
	case OPT_EXCEL:
		st->excel = 1;
		return -1;
	case OPT_COLOR:
		if (cli_parse_color(oname, optarg, &a->color) != 0)
			return cli_usage_hint(cmd);
		return -1;
	case OPT_MAX_QUOTE:
		if (cli_parse_size(oname, optarg, &st->opt.max_quote_bytes) !=
		    0)
			return cli_usage_hint(cmd);
		return -1;
	case OPT_MAX_DOC:
		if (cli_parse_size(oname, optarg, &st->opt.max_doc_bytes) != 0)
			return cli_usage_hint(cmd);
		return -1;
	case OPT_MAX_DEPTH:
		if (cli_parse_depth(oname, optarg, &st->opt.max_depth) != 0)
			return cli_usage_hint(cmd);
		return -1;
	case OPT_PROGRESS:
	case OPT_NO_PROGRESS:
		a->progress = c == OPT_PROGRESS ? CLI_PROGRESS_ON
		                                : CLI_PROGRESS_OFF;
		return -1;
	case OPT_GENDER_NAMES:
		st->opt.flags |= QUOTH_OPT_GENDER_FROM_NAMES;
		return -1;
	case OPT_TOTAL:
		if (!cmd)
			return cli_usage_error(cmd, "--total is an option of "
			                            "'quoth speakers'");
		a->total = 1;
		return -1;
	case 'h':
		cli_usage(cmd);
		return cli_finish_stdout();
	case OPT_VERSION:
		fputs("quoth " QUOTH_VERSION_STRING "\n", stdout);
		return cli_finish_stdout();
	case ':':
		return cli_usage_error(cmd, "option '%s' needs a value",
		                       argv[optind - 1]);
	default:
		if (optopt && optopt < 256)
			return cli_usage_error(cmd, "unknown option '-%c'",
			                       optopt);
		return cli_usage_error(cmd, "unknown option '%s'",
		                       argv[optind - 1]);
	}
}

/* Decides the run's settings from the options, in order; leaves optind at
 * the first FILE.  -1 to go on, else the exit status to end with. */
static int
parse_args(int argc, char **argv, struct settings *st, struct args *a)
{
	char oname[64];
	int c, longindex, rc;

	opterr = 0;
	for (;;) {
		longindex = -1;
		c = getopt_long(argc, argv, ":f:o:j:ha", long_options,
		                &longindex);
		if (c == -1)
			break;
		option_name(c, longindex, oname, sizeof oname);
		rc = apply_option(c, oname, argv, st, a);
		if (rc >= 0)
			return rc;
	}
	/* -j 0: one thread per CPU. */
	if (a->jobs == 0) {
		long n = sysconf(_SC_NPROCESSORS_ONLN);

		a->jobs = n > 0 ? (unsigned long)n : 1;
		if (a->jobs > MAX_JOBS)
			a->jobs = MAX_JOBS;
	}
	return -1;
}

/* Decides that --data-dir names data: DIR and DIR/LANG must be
 * directories that can be read.  The library would quietly use its
 * built-in data instead, and a typo would go unnoticed. */
static int
check_data_dir(const quoth_options *opt)
{
	char ebuf[128];
	struct cli_buf path = {0};
	const char *dirs[2];
	DIR *d;
	size_t i;
	int rc = 0;

	if (!opt->data_dir)
		return 0;
	cli_buf_printf(&path, "%s/%s", opt->data_dir,
	               opt->lang ? opt->lang : "en");
	if (path.failed) {
		cli_error("out of memory");
		return -1;
	}
	dirs[0] = opt->data_dir;
	dirs[1] = path.ptr;
	for (i = 0; i < 2 && rc == 0; i++) {
		d = opendir(dirs[i]);
		if (!d) {
			cli_error("--data-dir %s: %s", dirs[i],
			          cli_strerror(errno, ebuf, sizeof ebuf));
			rc = -1;
		} else {
			closedir(d);
		}
	}
	cli_buf_free(&path);
	return rc;
}

/* Decides whether the language data loads; prints why not. */
static int
new_extractor(struct settings *st, quoth_extractor **ex)
{
	quoth_error err;
	const char *ds = getenv("QUOTH_DEBUG_SHAPES");

	/* QUOTH_DEBUG_SHAPES: the cue patterns' trace on stderr */
	if (ds && *ds)
		st->opt.trace = trace_shapes;
	memset(&err, 0, sizeof err);
	if (quoth_extractor_new(&st->opt, ex, &err) != QUOTH_OK) {
		cli_error("%s", err.message[0] ? err.message
		                               : quoth_strerror(err.status));
		return -1;
	}
	st->ex = *ex;
	return 0;
}

/* Opens the output and decides what it gets: the format (table on a
 * terminal), colour, width, and whether --excel applies. */
static int
open_output(struct settings *st, const struct args *a, struct cli_output *out)
{
	if (cli_output_open(out, a->output) != 0)
		return -1;
	st->format = cli_resolve_format(a->format, out->fd);
	st->color = st->format == CLI_FORMAT_TABLE &&
	            cli_resolve_color(a->color, out->fd);
	st->width = cli_terminal_width(out->fd);
	/* --excel is about spreadsheets: CSV and TSV only. */
	st->excel = st->excel && (st->format == CLI_FORMAT_CSV ||
	                          st->format == CLI_FORMAT_TSV);
	return 0;
}

/* The header row (CSV/TSV, with the --excel BOM) into `head`. */
static int
render_header(const struct settings *st, struct cli_buf *head)
{
	struct cli_writer hdr;

	memset(&hdr, 0, sizeof hdr);
	hdr.format = st->format;
	hdr.cols = st->cols;
	hdr.ncols = st->ncols;
	hdr.out = head;
	hdr.excel = st->excel;
	cli_writer_init(&hdr);
	cli_writer_header(&hdr);
	if (head->failed) {
		cli_error("out of memory");
		return -1;
	}
	return 0;
}

/* Writes the header, then every document of the FILE arguments (standard
 * input when there are none) in input order.  Returns the status the
 * inputs earned, and in *processed how many inputs were read and
 * extracted; output errors are left in `out`. */
static int
run_documents(const struct settings *st, const struct args *a, char **files,
              size_t nfiles, const struct cli_buf *head, struct cli_output *out,
              size_t *processed)
{
	static char *stdin_only[] = {"-", NULL};
	struct inputs in;
	struct sink sk;
	struct cli_progress progress;
	struct cli_html_toc toc = {.noun = st->noun};

	/* Nothing on a terminal says quoth is waiting for its input. */
	if (nfiles == 0 && isatty(STDIN_FILENO))
		cli_error("reading standard input (Ctrl-D ends it; quoth "
		          "--help for usage)");
	memset(&in, 0, sizeof in);
	in.jsonl = st->jsonl;
	in.limit = st->opt.max_doc_bytes;
	in.text = st->text;
	in.paths = nfiles ? files : stdin_only;
	in.npaths = nfiles ? nfiles : 1;
	/* jansson seeds its hash function on first use; do it before any
	 * thread may race to. */
	if (st->jsonl)
		json_object_seed(0);

	memset(&sk, 0, sizeof sk);
	sk.out = out;
	sk.format = st->format;
	sk.progress = &progress;
	sk.audit = st->audit;
	sk.toc = st->format == CLI_FORMAT_HTML ? &toc : NULL;
	cli_progress_start(&progress, a->progress, in.paths, in.npaths,
	                   st->jsonl);
	if (cli_output_write(out, head->ptr ? head->ptr : "", head->len) == 0) {
		if (a->jobs > 1 && (st->jsonl || in.npaths > 1))
			/* (no more threads than files: a corpus's count of
			 * documents is not known) */
			run_threads(st, &in, &sk,
			            !st->jsonl && in.npaths < a->jobs
			                    ? in.npaths
			                    : a->jobs);
		else
			run_serial(st, &in, &sk);
		if (st->audit && cli_audit_finish(st->audit, out, st->excel,
		                                  st->color, st->width) != 0)
			sk.status = CLI_EXIT_ERROR;
	}
	cli_progress_end(&progress);
	cli_output_html_end(out, sk.toc); /* -f html: the page's end */
	if (in.corpus_open)
		cli_corpus_close(&in.corpus);
	/* An empty corpus is an input processed: it has no articles. */
	*processed = sk.processed + in.empty;
	return sk.status;
}

/* A long text is read a window at a time (window.c), and each window
 * allocates and frees arrays of a few megabytes.  glibc maps an array
 * over 128 KB on its own and unmaps it when freed, and gives the freed
 * top of the heap back to the kernel: the next window faults it all in
 * again, page by page (on a million one-line quotes, half the time).
 * Arrays up to 32 MB come from the heap instead, and up to 16 MB of its
 * freed top is kept for the next window. */
static void
keep_freed_memory(void)
{
#ifdef __GLIBC__
	mallopt(M_MMAP_THRESHOLD, 32 << 20);
	mallopt(M_TOP_PAD, 16 << 20);
#endif
}

int
main(int argc, char **argv)
{
	struct settings st;
	struct args a;
	struct cli_output out;
	struct cli_buf head = {0};
	quoth_extractor *ex = NULL;
	size_t processed = 0;
	int status;

	if (open_std_fds() != 0)
		return CLI_EXIT_ERROR;
	ignore_write_signals();
	keep_freed_memory();
	if (argc > 1 && strcmp(argv[1], "verify") == 0)
		return cli_verify(argc - 1, argv + 1);
	init_settings(&st, &a, &argc, &argv);
	status = parse_args(argc, argv, &st, &a);
	if (status >= 0)
		return status;
	/* one text file: its windows on the threads (window.c) */
	if (!st.jsonl && argc - optind <= 1)
		st.opt.threads = (unsigned)a.jobs;
	if (check_data_dir(&st.opt) != 0 || new_extractor(&st, &ex) != 0)
		return CLI_EXIT_ERROR;
	status = CLI_EXIT_ERROR;
	if (open_output(&st, &a, &out) != 0)
		goto done;
	if (a.cmd && cli_audit_new(&st.audit, a.total, &st.format) != 0) {
		cli_output_abort(&out);
		goto done;
	}
	if (render_header(&st, &head) != 0) {
		cli_output_abort(&out);
		goto done;
	}
	status = run_documents(&st, &a, argv + optind, (size_t)(argc - optind),
	                       &head, &out, &processed);
	/* -o FILE is replaced only when an input was processed and writing
	 * succeeded (SPEC "-o FILE"). */
	status = cli_output_finish(&out, a.output, status, processed);
done:
	cli_buf_free(&head);
	cli_audit_free(st.audit);
	quoth_extractor_free(ex);
	return status;
}
