/*
 * cli_progress.c (CLI): the progress line of long runs on stderr.
 *
 *     quoth: 1204 documents, 38.2 MB, 12.7 MB/s, 41%, ETA 0:04
 *
 * Shown by default only when stderr is a terminal and the run has several
 * inputs or a JSON Lines corpus; --progress and --no-progress decide
 * otherwise.  The line is redrawn in place (a carriage return, then
 * spaces over what is left of the longer line before it) at most four
 * times a second, and finished with a newline.  Documents are counted as
 * they are written, in input order, so -j N counts the same way.
 *
 * Reads the sizes of the inputs (stat); writes only to stderr.
 */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

/* Seconds between two redraws. */
#define REDRAW_INTERVAL 0.25

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The total input size: the sum of the inputs' sizes when every one is a
 * regular file ("-" is standard input), else 0 (unknown). */
static unsigned long long
total_size(char *const *paths, size_t n)
{
	unsigned long long total = 0;
	struct stat st;
	size_t i;
	int rc;

	for (i = 0; i < n; i++) {
		if (strcmp(paths[i], "-") == 0)
			rc = fstat(STDIN_FILENO, &st);
		else
			rc = stat(paths[i], &st);
		if (rc != 0 || !S_ISREG(st.st_mode))
			return 0;
		total += (unsigned long long)st.st_size;
	}
	return total;
}

void
cli_progress_start(struct cli_progress *p, enum cli_progress_mode mode,
                   char *const *paths, size_t n, int corpus)
{
	memset(p, 0, sizeof *p);
	if (mode == CLI_PROGRESS_AUTO)
		p->on = isatty(STDERR_FILENO) && (n > 1 || corpus);
	else
		p->on = mode == CLI_PROGRESS_ON;
	p->forced = mode == CLI_PROGRESS_ON;
	if (!p->on)
		return;
	p->total = total_size(paths, n);
	p->start = p->last = now();
}

/* "1:02:03" or "2:03" into buf. */
static void
put_duration(char *buf, size_t n, double secs)
{
	unsigned long s = secs > 0 && secs < 1e9 ? (unsigned long)(secs + 0.5)
	                                         : 0;

	if (s >= 3600)
		snprintf(buf, n, "%lu:%02lu:%02lu", s / 3600, s / 60 % 60,
		         s % 60);
	else
		snprintf(buf, n, "%lu:%02lu", s / 60, s % 60);
}

/* Write the line over the one shown before. */
static void
draw(struct cli_progress *p, double t)
{
	char line[160], eta[32];
	double secs = t - p->start, mb = (double)p->bytes / 1e6, rate;
	size_t len, pad;
	int k;

	rate = secs > 0 ? mb / secs : 0;
	k = snprintf(line, sizeof line,
	             "quoth: %zu document%s, %.1f MB, "
	             "%.1f MB/s",
	             p->docs, p->docs == 1 ? "" : "s", mb, rate);
	len = k > 0 ? (size_t)k : 0;
	if (p->total > 0 && len < sizeof line) {
		unsigned long long left = p->bytes < p->total
		                                  ? p->total - p->bytes
		                                  : 0;

		put_duration(eta, sizeof eta,
		             p->bytes > 0
		                     ? secs * (double)left / (double)p->bytes
		                     : 0);
		k = snprintf(line + len, sizeof line - len, ", %.0f%%, ETA %s",
		             100.0 * (double)(p->total - left) /
		                     (double)p->total,
		             eta);
		len = k > 0 && (size_t)k < sizeof line - len ? len + (size_t)k
		                                             : strlen(line);
	}
	pad = p->shown > len ? p->shown - len : 0;
	fprintf(stderr, "\r%s%*s", line, (int)pad, "");
	fflush(stderr);
	p->shown = len;
	p->drawn = 1;
	p->last = t;
}

void
cli_progress_doc(struct cli_progress *p, size_t bytes)
{
	double t;

	if (!p || !p->on)
		return;
	p->docs++;
	p->bytes += bytes;
	t = now();
	if (t - p->last >= REDRAW_INTERVAL)
		draw(p, t);
}

void
cli_progress_clear(struct cli_progress *p)
{
	if (!p || !p->on || p->shown == 0)
		return;
	fprintf(stderr, "\r%*s\r", (int)p->shown, "");
	fflush(stderr);
	p->shown = 0;
}

void
cli_progress_end(struct cli_progress *p)
{
	if (!p || !p->on)
		return;
	/* A short run on a terminal leaves no line behind; one asked for
	 * with --progress always ends with its totals. */
	if (p->shown > 0 || p->forced || p->drawn) {
		draw(p, now());
		fputc('\n', stderr);
		fflush(stderr);
	}
	p->on = 0;
}
