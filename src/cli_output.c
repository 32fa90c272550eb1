/*
 * cli_output.c (CLI): where a run's records go: standard output, a device
 * or FIFO written in place, or a regular file written atomically (a
 * temporary file in the same directory, renamed over FILE at the end).
 *
 * Reads the -o path and its directory; writes the output file (or
 * stdout) and, on failure, a "quoth: ..." message on stderr.  Signals
 * that would end the process remove the temporary file first.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli_html.h"

/* ---- signals: the temporary file never outlives the process --------- */

/*
 * Every signal whose default action ends the process.  A signal already
 * ignored when the run starts (SIGPIPE and SIGXFSZ by main(), SIGHUP under
 * nohup) stays ignored: it cannot end the process.
 */
static const int end_signals[] = {
        SIGHUP,    SIGINT,  SIGQUIT,   SIGILL,  SIGTRAP, SIGABRT, SIGBUS,
        SIGFPE,    SIGUSR1, SIGSEGV,   SIGUSR2, SIGPIPE, SIGALRM, SIGTERM,
        SIGXCPU,   SIGXFSZ, SIGVTALRM, SIGPROF, SIGSYS,
#ifdef SIGSTKFLT
        SIGSTKFLT,
#endif
#ifdef SIGPOLL
        SIGPOLL,
#endif
#ifdef SIGPWR
        SIGPWR,
#endif
};

#ifdef NSIG
#define SIGNAL_SLOTS NSIG
#else
#define SIGNAL_SLOTS 65
#endif

/* The temporary file to remove when a signal ends the run, and the
 * actions the handler replaced.  Set before the handlers are installed;
 * the handler only calls unlink(), sigaction() and raise(), which are
 * async-signal-safe. */
static char *volatile signal_tmp;
static struct sigaction old_actions[SIGNAL_SLOTS];

/* A fault the kernel raised at an instruction (not one sent by kill()):
 * returning from the handler runs the instruction again, which faults
 * again into the restored action (a sanitizer's report, or a core). */
static int
is_fault(int sig, const siginfo_t *si)
{
	return si && si->si_code > 0 &&
	       (sig == SIGSEGV || sig == SIGBUS || sig == SIGILL ||
	        sig == SIGFPE);
}

static void
on_signal(int sig, siginfo_t *si, void *ctx)
{
	int e = errno;

	(void)ctx;
	if (signal_tmp)
		unlink(signal_tmp);
	signal_tmp = NULL;
	sigaction(sig, &old_actions[sig], NULL);
	if (!is_fault(sig, si))
		raise(sig);
	errno = e;
}

/* Calls f(sig) for each signal of end_signals and the real-time ones. */
static void
each_end_signal(void (*f)(int sig, void *arg), void *arg)
{
	size_t i;
	int sig;

	for (i = 0; i < sizeof end_signals / sizeof end_signals[0]; i++)
		f(end_signals[i], arg);
#if defined(SIGRTMIN) && defined(SIGRTMAX)
	for (sig = SIGRTMIN; sig <= SIGRTMAX && sig < SIGNAL_SLOTS; sig++)
		f(sig, arg);
#else
	(void)sig;
#endif
}

static void
catch_one(int sig, void *arg)
{
	struct sigaction sa, old;

	(void)arg;
	if (sig <= 0 || sig >= SIGNAL_SLOTS || sigaction(sig, NULL, &old) != 0)
		return;
	if (!(old.sa_flags & SA_SIGINFO) && old.sa_handler == SIG_IGN)
		return;
	old_actions[sig] = old;
	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = on_signal;
	sa.sa_flags = SA_SIGINFO;
	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);
}

static void
catch_signals(void)
{
	each_end_signal(catch_one, NULL);
}

static void
add_async(int sig, void *arg)
{
	/* Blocking a fault signal would turn a fault into a plain kill. */
	if (sig != SIGSEGV && sig != SIGBUS && sig != SIGILL && sig != SIGFPE)
		sigaddset((sigset_t *)arg, sig);
}

/* Holds back the signals (saving the old mask in `old`) while the
 * temporary is created and the handlers installed, so that a signal in
 * between is handled, and the temporary removed, once unblocked. */
static void
hold_signals(sigset_t *old)
{
	sigset_t set;

	sigemptyset(&set);
	each_end_signal(add_async, &set);
	pthread_sigmask(SIG_BLOCK, &set, old);
}

static void
release_signals(void)
{
	signal_tmp = NULL;
}

/* ---- the output file ---------------------------------------------------- */

/* How many symbolic links are followed before -o gives up with ELOOP:
 * Linux's own limit for a path (MAXSYMLINKS). */
#define MAX_LINKS 40

/*
 * The name -o writes: `path` with symbolic links followed, as the shell's
 * `>` follows them.  A dangling link gives the name of its missing target
 * (created, as `>` would); a loop (or a chain over MAX_LINKS) fails with
 * ELOOP.  A malloc()ed string, or NULL with errno set.
 */
static char *
follow_links(const char *path)
{
	char target[PATH_MAX];
	struct stat st;
	const char *slash;
	char *cur = strdup(path), *next;
	size_t hops, dirlen;
	ssize_t n;

	for (hops = 0; cur; hops++) {
		if (lstat(cur, &st) != 0 || !S_ISLNK(st.st_mode))
			return cur; /* a missing name is created */
		if (hops == MAX_LINKS) {
			errno = ELOOP;
			n = -1;
		} else {
			n = readlink(cur, target, sizeof target);
		}
		if (n < 0 || (size_t)n >= sizeof target) {
			if (n >= 0)
				errno = ENAMETOOLONG;
			free(cur);
			return NULL;
		}
		/* A relative target is relative to the link's directory. */
		slash = strrchr(cur, '/');
		dirlen = target[0] == '/' || !slash ? 0
		                                    : (size_t)(slash - cur) + 1;
		next = malloc(dirlen + (size_t)n + 1);
		if (next) {
			memcpy(next, cur, dirlen);
			memcpy(next + dirlen, target, (size_t)n);
			next[dirlen + (size_t)n] = '\0';
		}
		free(cur);
		cur = next;
	}
	errno = ENOMEM;
	return NULL;
}

/*
 * The temporary name for `final`: ".NAME.XXXXXX" in the same directory,
 * NAME cut (at a character boundary) so that the whole stays within
 * NAME_MAX: a 250-byte FILE is a valid name, and its temporary must be
 * one too.  NULL when out of memory.
 */
static char *
temp_name(const char *final)
{
	static const char suffix[] = ".XXXXXX";
	const char *slash = strrchr(final, '/');
	const char *base = slash ? slash + 1 : final;
	size_t dirlen = (size_t)(base - final), n = strlen(base);
	size_t room = NAME_MAX - 1 - (sizeof suffix - 1);
	char *tmp;

	if (n > room) {
		n = room;
		/* Not in the middle of a UTF-8 sequence. */
		while (n > 0 && ((unsigned char)base[n] & 0xC0) == 0x80)
			n--;
	}
	tmp = malloc(dirlen + 1 + n + sizeof suffix);
	if (!tmp)
		return NULL;
	memcpy(tmp, final, dirlen);
	tmp[dirlen] = '.';
	memcpy(tmp + dirlen + 1, base, n);
	memcpy(tmp + dirlen + 1 + n, suffix, sizeof suffix);
	return tmp;
}

/* A device or FIFO cannot be replaced by rename(): write it in place, as
 * a shell redirection would. */
static int
open_in_place(struct cli_output *out, const char *path)
{
	char ebuf[128];
	int fd = open(path, O_WRONLY | O_CLOEXEC | O_NOCTTY);

	if (fd < 0) {
		cli_error("%s: %s", path,
		          cli_strerror(errno, ebuf, sizeof ebuf));
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

/* Creates the temporary for `final` (whose stat is `st` when `exists`)
 * and installs the handlers that remove it; prints why not. */
static int
open_temp(struct cli_output *out, const char *path, const char *final,
          const struct stat *st, int exists)
{
	char ebuf[128];
	char *tmp;
	sigset_t old_mask;
	mode_t mode, mask;
	int fd = -1;

	hold_signals(&old_mask);
	tmp = temp_name(final);
	if (!tmp) {
		cli_error("out of memory");
		goto fail;
	}
	fd = mkstemp(tmp);
	if (fd < 0) {
		cli_error("%s: %s", path,
		          cli_strerror(errno, ebuf, sizeof ebuf));
		goto fail;
	}
	/* mkstemp() makes the file 0600; give it the mode the file would
	 * have had: the old one's, or the default under the umask. */
	if (exists) {
		mode = st->st_mode & 07777;
	} else {
		mask = umask(0);
		umask(mask);
		mode = 0666 & ~mask;
	}
	if (fchmod(fd, mode) != 0 || fcntl(fd, F_SETFD, FD_CLOEXEC) != 0) {
		cli_error("%s: %s", tmp,
		          cli_strerror(errno, ebuf, sizeof ebuf));
		goto fail;
	}
	out->fd = fd;
	out->owned = 1;
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
	return -1;
}

int
cli_output_open(struct cli_output *out, const char *path)
{
	char ebuf[128];
	struct stat st;
	char *final = NULL;
	int rc = -1;

	memset(out, 0, sizeof *out);
	out->fd = STDOUT_FILENO;
	if (!path || strcmp(path, "-") == 0)
		return 0;

	if (stat(path, &st) == 0) {
		if (S_ISDIR(st.st_mode)) {
			errno = EISDIR;
			goto fail;
		}
		if (!S_ISREG(st.st_mode))
			return open_in_place(out, path);
		/* Refuse what a shell redirection would refuse, rather than
		 * silently replacing a read-only file. */
		if (access(path, W_OK) != 0)
			goto fail;
		/* Replace the file a symlink points to (the kernel's answer
		 * also covers /dev/stdout and the like), not the symlink. */
		final = realpath(path, NULL);
		if (!final)
			goto fail;
		rc = open_temp(out, path, final, &st, 1);
	} else if (errno == ENOENT) {
		/* Missing, or a dangling symlink: create its target. */
		final = follow_links(path);
		if (!final)
			goto fail;
		rc = open_temp(out, path, final, NULL, 0);
	} else {
		goto fail; /* a loop of links (ELOOP), no permission, ... */
	}
	if (rc != 0) {
		free(final);
		return -1;
	}
	out->path = final;
	return 0;
fail:
	cli_error("%s: %s", path, cli_strerror(errno, ebuf, sizeof ebuf));
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
				cli_error(
				        "write error: %s",
				        cli_strerror(errno, ebuf, sizeof ebuf));
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
		cli_error("%s: %s", what, cli_strerror(e, ebuf, sizeof ebuf));
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

int
cli_output_finish(struct cli_output *out, const char *name, int status,
                  size_t processed)
{
	if (out->tmp && processed == 0 && !out->error) {
		cli_error("%s: left untouched: no input was processed",
		          name ? name : out->path);
		cli_output_abort(out);
		return CLI_EXIT_ERROR;
	}
	if (out->error) {
		if (!cli_output_closed(out))
			status = CLI_EXIT_ERROR;
		cli_output_abort(out);
		return status;
	}
	if (cli_output_commit(out) != 0)
		return CLI_EXIT_ERROR;
	return status;
}

void
cli_output_html_end(struct cli_output *out, struct cli_html_toc *toc)
{
	struct cli_buf tail = {0};

	if (!toc)
		return;
	cli_html_page_end(&tail, toc);
	if (tail.failed)
		cli_error("out of memory");
	else
		cli_output_write(out, tail.ptr, tail.len);
	cli_buf_free(&tail);
	cli_html_toc_free(toc);
}
