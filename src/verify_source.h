/*
 * verify_source.h: the source set (src/verify_source.c): every source's
 * words with their byte spans and hashes, its speaker turns and
 * timestamps, and one word index over the whole set.  The stages above
 * read these structures; only verify_source.c writes them.
 */
#ifndef QUOTH_VERIFY_SOURCE_H
#define QUOTH_VERIFY_SOURCE_H

#include "verify_words.h"

#define NOISE_MAX 200 /* longest [transcriber note] */

typedef struct {
	uint32_t start, end; /* bytes in the source text */
	uint32_t hash;       /* of the folded normal form */
} sword;

enum { MARK_COLON, MARK_VOICE, MARK_CHANGE };

/* A speaker turn or a timestamp: applies from global word `word` on. */
typedef struct {
	uint32_t word;
	uint32_t off; /* label / timestamp text in the source */
	uint16_t len;
	uint8_t kind; /* turns: MARK_* */
} smark;

typedef struct {
	char *name;
	char *text;
	size_t len;
	quoth_source_format format;
	size_t w0, nw;   /* words [w0, w0 + nw) of the set */
	size_t t0, nt;   /* turns */
	size_t s0, ns;   /* timestamps */
	uint32_t *lines; /* byte offset of each line start */
	size_t nlines;
	bool caseless; /* no lowercase letter: case is not judged */
} source;

struct quoth_sources {
	source *src;
	size_t nsrc, capsrc;
	sword *w;
	size_t nw, capw;
	smark *turn;
	size_t nturn, capturn;
	smark *ts;
	size_t nts, capts;
	/* index: bucket b holds post[head[b] .. head[b + 1]) */
	uint32_t *head;
	uint32_t *post;
	size_t nbuckets;
	size_t indexed; /* words covered by the index */
};

/* Fill *err (when not NULL) with a status and a message. */
void qt_set_error(quoth_error *err, quoth_status st, const char *msg);

/* Source holding global word g. */
size_t qt_source_of(const quoth_sources *s, size_t g);
/* Index of the last mark in arr[first, first + n) whose word <= g, or
 * QUOTH_NONE. */
size_t qt_mark_at(const smark *arr, size_t first, size_t n, size_t g);
/* 1-based line of byte `off` of a source. */
size_t qt_line_of(const source *src, size_t off);
/* Turn labels of one source compared without case ("Hegseth", "HEGSETH"). */
bool qt_label_eq(const source *src, const smark *x, const smark *y);

#endif
