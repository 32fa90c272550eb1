/*
 * cli_map.h (CLI): a large regular file mapped instead of read, its pages
 * given back as the windows of quoth_extract_each() move past them.
 */
#ifndef QUOTH_CLI_MAP_H
#define QUOTH_CLI_MAP_H

#include <stddef.h>

struct cli_map {
	const char *ptr; /* the file's bytes, NULL when not mapped */
	size_t len;
	size_t given; /* bytes from ptr whose pages were given back */
	size_t seen;  /* the furthest quote start handed over */
};

/* Map `path` when it is a regular file of at least CLI_MAP_MIN bytes and
 * at most `limit`: 0 and m filled; -1 when it was not mapped (standard
 * input, a pipe, a small or too large file, an error), and the caller
 * reads the file as before (cli_read_file(), which reports errors). */
int cli_map_file(const char *path, size_t limit, struct cli_map *m);

/* Give back the pages that lie well behind `at`, the start of a quote
 * just handed over: the windows still to come read from about there on.
 * Pages given back are read again from the file if needed, so this only
 * bounds memory and never changes a result. */
void cli_map_behind(struct cli_map *m, size_t at);

/* Unmap; m is empty again. */
void cli_map_free(struct cli_map *m);

#endif
