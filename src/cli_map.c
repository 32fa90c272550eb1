/*
 * cli_map.c (CLI): a long plain-text file mapped, not read into memory.
 *
 * quoth_extract_each() reads a long document a window of about 1 MiB at a
 * time, so the document's text is the largest thing a run keeps: read
 * into the heap, every byte stays resident to the end.  Mapped, a page is
 * read in when a window first reads it, and the pages behind the windows
 * are given back (MADV_DONTNEED): they come from the page cache again if
 * anything reads them, so results never change; only memory does.  What
 * stays resident is the windows in flight and a lag behind them.
 *
 * Small files are read as before (a mapping costs more than a read), and
 * so are standard input and pipes.  A file cut shorter while quoth reads
 * it raises SIGBUS on the pages past its new end: the handler names the
 * file and ends the run with status 2 (input that could not be read),
 * not a crash.
 */
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli_map.h"

/* files from 4 MiB: several windows of quoth_extract_each() */
#define CLI_MAP_MIN ((size_t)4 << 20)
/* what stays behind the last quote handed over: the next windows' leads
 * (tens of kilobytes before their cores) and the text of a quote that
 * runs over paragraphs; pages are given back a step at a time */
#define LAG ((size_t)2 << 20)
#define STEP ((size_t)1 << 20)
/* what stays ahead of it at the first hand-over: the windows in flight */
#define AHEAD ((size_t)8 << 20)

/* the file mapped now, for the SIGBUS message (one at a time) */
static const char *volatile mapped_path;

static void
put(const char *s)
{
	size_t n = strlen(s);
	ssize_t w;

	while (n > 0 && (w = write(STDERR_FILENO, s, n)) > 0) {
		s += w;
		n -= (size_t)w;
	}
}

static void
on_sigbus(int sig)
{
	const char *path = mapped_path;

	(void)sig;
	put("quoth: ");
	put(path ? path : "(mapped file)");
	put(": the file became shorter while it was being read\n");
	_exit(2);
}

static void
catch_sigbus(void)
{
	static int done;
	struct sigaction sa;

	if (done)
		return;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_sigbus;
	sigemptyset(&sa.sa_mask);
	if (sigaction(SIGBUS, &sa, NULL) == 0)
		done = 1;
}

int
cli_map_file(const char *path, size_t limit, struct cli_map *m)
{
	struct stat st;
	void *p;
	int fd;

	memset(m, 0, sizeof *m);
	if (strcmp(path, "-") == 0)
		return -1;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
	    (size_t)st.st_size < CLI_MAP_MIN || (size_t)st.st_size > limit ||
	    (off_t)(size_t)st.st_size != st.st_size) {
		close(fd);
		return -1;
	}
	p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (p == MAP_FAILED)
		return -1;
#ifdef MADV_SEQUENTIAL
	/* (read ahead: the windows go through it in order) */
	madvise(p, (size_t)st.st_size, MADV_SEQUENTIAL);
#endif
	m->ptr = p;
	m->len = (size_t)st.st_size;
	mapped_path = path;
	catch_sigbus();
	return 0;
}

void
cli_map_behind(struct cli_map *m, size_t at)
{
	long page = sysconf(_SC_PAGESIZE);
	size_t upto;

	if (!m->ptr || at <= m->seen)
		return;
#ifdef MADV_DONTNEED
	/* The first look at the whole text (does it hold a blank line?)
	 * may have read every page: those far ahead go until a window
	 * reads them. */
	if (!m->seen && page > 0 && m->len - at > AHEAD + STEP) {
		upto = (at + AHEAD) / (size_t)page * (size_t)page;
		madvise((char *)m->ptr + upto, m->len - upto, MADV_DONTNEED);
	}
#endif
	m->seen = at;
	if (at < LAG + STEP || page <= 0)
		return;
	upto = (at - LAG) / (size_t)page * (size_t)page;
	if (upto < m->given + STEP)
		return;
#ifdef MADV_DONTNEED
	madvise((char *)m->ptr + m->given, upto - m->given, MADV_DONTNEED);
#endif
	m->given = upto;
}

void
cli_map_free(struct cli_map *m)
{
	if (m->ptr) {
		munmap((void *)m->ptr, m->len);
		mapped_path = NULL;
	}
	memset(m, 0, sizeof *m);
}
