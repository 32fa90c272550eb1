/*
 * verify_ctx.h: what verify's per-quote stages share (verify_search.c,
 * verify_align.c, verify_diff.c, verify.c): a quote's tokens, its pieces
 * with their candidate alignments, and the context of one
 * quoth_verify() call, which owns every scratch buffer so that a call
 * allocates once and reuses.
 */
#ifndef QUOTH_VERIFY_CTX_H
#define QUOTH_VERIFY_CTX_H

#include "verify_source.h"

#define NCAND 4 /* candidate regions tried per piece */
#define NCAND_MAX                                                              \
	(2 * NCAND) /* plus one after each of the previous
                               * piece's candidates */

enum { QT_WORD, QT_BRACKET, QT_ELLIPSIS };
enum {
	QF_FIRST = 1u << 0,     /* the case of its first letter is free */
	QF_BRACKETED = 1u << 1, /* "[W]e" */
	QF_SENT = 1u << 2       /* starts a sentence inside the span */
};

typedef struct {
	size_t start, end; /* bytes in the article */
	uint32_t hash;
	uint8_t kind;
	uint8_t flags;
} qtok;

/* Alignment operations, in source order. */
enum {
	OP_MATCH, /* same word */
	OP_CASE,  /* same word, case changed beyond the first letter */
	OP_SUB,   /* quote word in place of a source word */
	OP_INS,   /* quote word not in the source */
	OP_DEL,   /* source word left out of the quote */
	OP_SKIP,  /* a word of another speaker's turn: ignored */
	OP_BRK    /* a bracketed insertion standing for n source words */
};

typedef struct {
	uint8_t op;
	uint32_t qi; /* token (MATCH..INS, BRK) */
	uint32_t sw; /* global source word (MATCH..SUB, DEL, SKIP, BRK) */
	uint32_t n;  /* BRK: source words it stands for */
} aop;

typedef struct {
	size_t src;
	size_t a, b;    /* global words of the passage */
	size_t matched; /* quote words found (OP_MATCH, OP_CASE) */
	size_t pw;      /* passage words that count */
	size_t anchor;  /* global word whose turn is the passage's */
	long score;
	aop *ops;
	size_t nops;
} align;

enum { B_START, B_ELLIPSIS, B_JOIN };

typedef struct {
	size_t t0, t1; /* tokens */
	size_t nwords;
	int before; /* boundary before it: B_* */
	align cand[NCAND_MAX];
	size_t ncand;
	int chosen; /* index into cand, or -1 */
} piece;

typedef struct {
	int64_t lo, hi, best;
	size_t votes, quick;
} cluster;

typedef struct {
	const quoth_extractor *ex;
	const quoth_sources *s;
	const char *text;
	size_t len;
	qtok *tok;
	size_t ntok, captok;
	piece *pc;
	size_t npc, cappc;
	struct vote {
		int64_t d; /* diagonal: source word minus piece position */
		size_t j;  /* piece position of the voting word */
	} * votes;
	size_t nvotes, capvotes;
	cluster *cl;
	size_t ncl, capcl;
	uint32_t *dp;
	size_t capdp;
	uint8_t *delc;
	size_t capdelc;
	aop *ops;
	size_t nops, capops;
	size_t *order;
	size_t caporder;
	struct chain_cell {
		long best;  /* best chain score ending here */
		int pi, pk; /* previous piece and candidate, or -1 */
	} * chain;
	size_t capchain;
	size_t span_a, span_b; /* the verbatim span being judged */
	qbuf diff, words;      /* of the current span */
	qbuf dels, inss;       /* pending change block of the diff */
	struct glue {
		const qbuf *buf;
		const char *at; /* the next word written to buf goes without
		                 * a space when it starts here ("well-known") */
	} glue[4];
	normbuf nb1, nb2;
	bool nomem;
	size_t work; /* index entries read so far (WORK_BUDGET) */
} vctx;

#endif
