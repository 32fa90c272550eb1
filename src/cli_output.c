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

#include "cli.h"

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
		cli_error("%s: %s", path, cli_strerror(EISDIR, ebuf, sizeof ebuf));
		return -1;
	}
	if (exists && !S_ISREG(st.st_mode)) {
		/* A device or FIFO cannot be replaced by rename(): write it
		 * in place, as a shell redirection would. */
		fd = open(path, O_WRONLY | O_CLOEXEC | O_NOCTTY);
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
	/* Refuse what a shell redirection would refuse, rather than
	 * silently replacing a read-only file. */
	if (exists && access(path, W_OK) != 0) {
		cli_error("%s: %s", path, cli_strerror(errno, ebuf, sizeof ebuf));
		return -1;
	}
	/* Replace the file a symlink points to, not the symlink. */
	final = exists ? realpath(path, NULL) : strdup(path);
	if (!final) {
		cli_error("%s: %s", path, cli_strerror(errno, ebuf, sizeof ebuf));
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
		cli_error("%s: %s", path, cli_strerror(errno, ebuf, sizeof ebuf));
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
		cli_error("%s: %s", tmp, cli_strerror(errno, ebuf, sizeof ebuf));
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
