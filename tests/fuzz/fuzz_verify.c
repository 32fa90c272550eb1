/*
 * fuzz_verify.c: quoth_verify() and quoth_verify_quote() on any article
 * and any sources.
 *
 * Input: one option byte, then the article, then up to four source texts,
 * each introduced by a NUL byte (the article holds no NUL here; the
 * extraction target covers NUL bytes in articles).
 *
 *     bit 0     QUOTH_VERIFY_ALL
 *     bit 1     index the sources first (quoth_sources_index)
 *     bit 2     also check spans taken from the input's last bytes with
 *               quoth_verify_quote(), some beyond the text on purpose
 *     bit 3     no extractor for verify (ex may be NULL)
 *
 * Checks: sources keep their words inside their text; a check has one
 * entry per quote, with a valid status, similarity, part, source span and
 * NUL-terminated UTF-8 strings; spans beyond the text are QUOTH_ERR_ARG.
 */
#include <string.h>

#include "fuzz.h"
#include "fuzz_result.h"
#include "quoth.h"

#define MAX_SOURCES 4

static quoth_extractor *ex;

static void
check_sources(const quoth_sources *s, const size_t *lens, size_t n)
{
	size_t i, k;
	quoth_source_word w;

	fuzz_check(quoth_sources_count(s) == n, "%zu sources, %zu added",
	           quoth_sources_count(s), n);
	for (i = 0; i < n; i++) {
		size_t nw = quoth_sources_nwords(s, i), prev = 0;
		quoth_source_format f = quoth_sources_format(s, i);

		fuzz_check(f == QUOTH_SOURCE_PLAIN ||
		                   f == QUOTH_SOURCE_WEBVTT ||
		                   f == QUOTH_SOURCE_SRT,
		           "source %zu: format %d", i, (int)f);
		fuzz_check(quoth_sources_name(s, i) != NULL, "no name");
		for (k = 0; k < nw; k++) {
			fuzz_check(quoth_sources_word(s, i, k, &w),
			           "source %zu: word %zu of %zu missing", i, k,
			           nw);
			fuzz_check(w.start < w.end && w.end <= lens[i],
			           "source %zu word %zu: [%zu, %zu) of %zu", i,
			           k, w.start, w.end, lens[i]);
			fuzz_check(w.start >= prev,
			           "source %zu: word %zu "
			           "before the previous one",
			           i, k);
			prev = w.start;
			fuzz_check(w.line >= 1, "source %zu word %zu: line 0",
			           i, k);
			fuzz_check(w.label || w.label_len == 0,
			           "label length without a label");
			fuzz_check(w.timestamp || w.timestamp_len == 0,
			           "timestamp length without a timestamp");
		}
		fuzz_check(!quoth_sources_word(s, i, nw, &w),
		           "source %zu: a word past the last", i);
	}
	fuzz_check(!quoth_sources_word(s, n, 0, &w), "a source past the last");
}

static void
check_check(const quoth_check *c, size_t want, const quoth_sources *s,
            const size_t *lens)
{
	size_t i, n = quoth_check_count(c);
	int f;

	fuzz_check(n == want, "check has %zu entries for %zu quotes", n, want);
	for (i = 0; i < n; i++) {
		quoth_verify_status st = quoth_check_status(c, i);
		double sim = quoth_check_similarity(c, i);
		size_t np = 0, part = quoth_check_part(c, i, &np);
		size_t src = (size_t)-1, a = 0, b = 0, line = 0;
		int found;

		fuzz_check((unsigned)st <= QUOTH_VERIFY_INDIRECT,
		           "entry %zu: status %d", i, (int)st);
		fuzz_check(strcmp(quoth_verify_status_name(st), "unknown") != 0,
		           "entry %zu: unnamed status", i);
		fuzz_check((sim >= 0 && sim <= 1) ||
		                   (sim == -1 && st == QUOTH_VERIFY_INDIRECT),
		           "entry %zu: similarity %g (status %s)", i, sim,
		           quoth_verify_status_name(st));
		if (st == QUOTH_VERIFY_EXACT || st == QUOTH_VERIFY_ELIDED ||
		    st == QUOTH_VERIFY_ALTERED)
			fuzz_check(sim >= 0.5 - 1e-9,
			           "entry %zu: %s with "
			           "similarity %g",
			           i, quoth_verify_status_name(st), sim);
		fuzz_check(np == 0 || part < np, "entry %zu: part %zu of %zu",
		           i, part, np);
		found = quoth_check_source(c, i, &src, &a, &b, &line);
		if (found) {
			fuzz_check(src < quoth_sources_count(s),
			           "entry %zu: source %zu", i, src);
			fuzz_check(a <= b && b <= lens[src],
			           "entry %zu: passage [%zu, %zu) of %zu", i, a,
			           b, lens[src]);
			fuzz_check(line >= 1, "entry %zu: line 0", i);
		}
		quoth_check_source(c, i, NULL, NULL, NULL, NULL);
		fuzz_check(quoth_check_speaker_mismatch(c, i) == 0 ||
		                   quoth_check_speaker_mismatch(c, i) == 1,
		           "entry %zu: mismatch not 0/1", i);
		for (f = 0; f < QUOTH_CHECK_FIELD_COUNT_; f++) {
			size_t l = 7;
			const char *str = quoth_check_str(
			        c, i, (quoth_check_field)f, &l);

			if (!str) {
				fuzz_check(l == 0,
				           "entry %zu field %d: NULL "
				           "with length %zu",
				           i, f, l);
				continue;
			}
			fuzz_check(str[l] == '\0',
			           "entry %zu field %d: not "
			           "NUL-terminated",
			           i, f);
			fuzz_check(fuzz_utf8_valid(str, l),
			           "entry %zu field "
			           "%d: invalid UTF-8",
			           i, f);
		}
	}
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned flags;
	const char *p, *end, *nul;
	char *texts[1 + MAX_SOURCES];
	size_t lens[1 + MAX_SOURCES], nsrc = 0, i;
	quoth_sources *src = NULL;
	quoth_result *r = NULL;
	quoth_check *chk = NULL;
	quoth_error err;
	quoth_status st;

	if (size == 0)
		return 0;
	if (!ex) {
		memset(&err, 0, sizeof err);
		if (quoth_extractor_new(NULL, &ex, &err) != QUOTH_OK)
			fuzz_fail("quoth_extractor_new: %s", err.message);
	}
	flags = data[0];
	p = (const char *)data + 1;
	end = (const char *)data + size;

	/* Exact-size heap copies: ASan sees any read past an end. */
	memset(texts, 0, sizeof texts);
	for (i = 0; i < 1 + MAX_SOURCES; i++) {
		nul = memchr(p, '\0', (size_t)(end - p));
		if (i == MAX_SOURCES || !nul)
			nul = end;
		lens[i] = (size_t)(nul - p);
		texts[i] = malloc(lens[i] ? lens[i] : 1);
		if (!texts[i])
			goto done;
		memcpy(texts[i], p, lens[i]);
		if (i > 0)
			nsrc++;
		if (nul == end)
			break;
		p = nul + 1;
	}

	fuzz_check(quoth_sources_new(&src) == QUOTH_OK, "quoth_sources_new");
	for (i = 0; i < nsrc; i++) {
		char name[32];

		snprintf(name, sizeof name, "source%zu.txt", i);
		memset(&err, 0, sizeof err);
		st = quoth_sources_add(src, name, texts[1 + i], lens[1 + i],
		                       &err);
		fuzz_check(st == QUOTH_OK, "quoth_sources_add: %d %s", (int)st,
		           err.message);
	}
	check_sources(src, lens + 1, nsrc);
	if (flags & 2)
		fuzz_check(quoth_sources_index(src, NULL) == QUOTH_OK,
		           "quoth_sources_index");

	fuzz_check(quoth_extract(ex, texts[0], lens[0], &r, NULL) == QUOTH_OK,
	           "extract failed");
	fuzz_check_result(r, lens[0], QUOTH_TYPES_ALL);
	memset(&err, 0, sizeof err);
	st = quoth_verify((flags & 8) ? NULL : ex, src, texts[0], lens[0], r,
	                  (flags & 1) ? QUOTH_VERIFY_ALL : 0, &chk, &err);
	fuzz_check(st == QUOTH_OK, "quoth_verify: %d %s", (int)st, err.message);
	check_check(chk, quoth_result_count(r), src, lens + 1);
	quoth_check_free(chk);
	chk = NULL;

	if ((flags & 4) && size >= 9) {
		/* Up to four spans from the input's last eight bytes: each
		 * byte pair is (start, length) scaled to the article, and a
		 * byte 0xFF pushes the span past its end. */
		const uint8_t *q = data + size - 8;
		size_t spans[8], n = 0, len = lens[0];
		int beyond = 0;

		for (i = 0; i < 4; i++) {
			size_t s = len ? (size_t)q[2 * i] * len / 256 : 0;
			size_t e = s + q[2 * i + 1] % 64;

			if (q[2 * i + 1] == 0xFF)
				e = len + 1;
			if (e > len)
				beyond = 1;
			spans[2 * n] = s;
			spans[2 * n + 1] = e;
			n++;
		}
		memset(&err, 0, sizeof err);
		st = quoth_verify_quote((flags & 8) ? NULL : ex, src, texts[0],
		                        len, spans, n, "Ana Ruiz", 8, &chk,
		                        &err);
		if (beyond) {
			fuzz_check(st == QUOTH_ERR_ARG,
			           "a span beyond the "
			           "text: status %d",
			           (int)st);
			fuzz_check(chk == NULL, "*out written on error");
		} else {
			fuzz_check(st == QUOTH_OK, "quoth_verify_quote: %d %s",
			           (int)st, err.message);
			check_check(chk, 1, src, lens + 1);
		}
	}
done:
	quoth_check_free(chk);
	quoth_result_free(r);
	quoth_sources_free(src);
	for (i = 0; i < 1 + MAX_SOURCES; i++)
		free(texts[i]);
	return 0;
}
