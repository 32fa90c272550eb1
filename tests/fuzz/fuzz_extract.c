/*
 * fuzz_extract.c: quoth_extract() on any bytes, with the options varied.
 *
 * Input: one option byte, then the text.
 *
 *     bit 0     QUOTH_OPT_STRICT_UTF8
 *     bits 1-2  max_quote_bytes: default, 16, 200, 4096
 *     bits 3-4  max_depth: default (8), 1, 2, 3
 *     bits 5-6  types: all, direct, mixed|indirect, direct|partial
 *     bit 7     max_doc_bytes 256 (else the default, 1 GiB)
 *
 * The API takes a whole document (it does not stream), so there is no
 * chunked variant.  Besides the result checks of fuzz_result.c: a text
 * never fails to extract except for strict UTF-8 (at the first invalid
 * byte, with its line and column) and the document limit; invalid UTF-8
 * is counted exactly; extracting twice gives the same quotes.
 */
#include <string.h>

#include "fuzz.h"
#include "fuzz_result.h"
#include "quoth.h"

static quoth_extractor *cache[256];

static const size_t quote_sizes[4] = {0, 16, 200, 4096};
static const size_t depths[4] = {0, 1, 2, 3};
static const unsigned type_masks[4] = {
        QUOTH_TYPES_ALL,
        1u << QUOTH_DIRECT,
        (1u << QUOTH_MIXED) | (1u << QUOTH_INDIRECT),
        (1u << QUOTH_DIRECT) | (1u << QUOTH_PARTIAL),
};

static const quoth_extractor *
extractor(unsigned flags, quoth_options *opt)
{
	quoth_error err;

	quoth_options_init(opt);
	if (flags & 1)
		opt->flags |= QUOTH_OPT_STRICT_UTF8;
	if (quote_sizes[(flags >> 1) & 3])
		opt->max_quote_bytes = quote_sizes[(flags >> 1) & 3];
	if (depths[(flags >> 3) & 3])
		opt->max_depth = depths[(flags >> 3) & 3];
	opt->types = type_masks[(flags >> 5) & 3];
	if (flags & 0x80)
		opt->max_doc_bytes = 256;
	/* Extractors are immutable and reusable: one per option byte. */
	if (!cache[flags]) {
		memset(&err, 0, sizeof err);
		if (quoth_extractor_new(opt, &cache[flags], &err) != QUOTH_OK)
			fuzz_fail("quoth_extractor_new: %s", err.message);
	}
	return cache[flags];
}

static void
same_results(const quoth_result *a, const quoth_result *b)
{
	size_t i, n = quoth_result_count(a), s1, e1, s2, e2;
	int f;

	fuzz_check(quoth_result_count(b) == n,
	           "second run: %zu quotes, "
	           "first %zu",
	           quoth_result_count(b), n);
	for (i = 0; i < n; i++) {
		fuzz_check(quoth_quote_type(a, i) == quoth_quote_type(b, i),
		           "second run: quote %zu type differs", i);
		quoth_quote_span(a, i, QUOTH_SPAN_QUOTE, &s1, &e1);
		quoth_quote_span(b, i, QUOTH_SPAN_QUOTE, &s2, &e2);
		fuzz_check(s1 == s2 && e1 == e2,
		           "second run: quote %zu span differs", i);
		for (f = 0; f < QUOTH_FIELD_COUNT_; f++) {
			size_t l1, l2;
			const char *x = quoth_quote_str(a, i, (quoth_field)f,
			                                &l1);
			const char *y = quoth_quote_str(b, i, (quoth_field)f,
			                                &l2);
			fuzz_check(l1 == l2 && (!x) == (!y) &&
			                   (!x || memcmp(x, y, l1) == 0),
			           "second run: quote %zu field %d differs", i,
			           f);
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
	const quoth_extractor *ex;
	quoth_options opt;
	quoth_result *r = NULL, *r2 = NULL;
	quoth_error err;
	quoth_status st;
	const char *text;
	size_t len, bad = 0, first;
	char *copy;

	if (size == 0)
		return 0;
	ex = extractor(data[0], &opt);
	len = size - 1;
	/* An exact-size heap copy, so that ASan sees any read past the end
	 * (the API never needs a terminating NUL). */
	copy = malloc(len ? len : 1);
	if (!copy)
		return 0;
	memcpy(copy, data + 1, len);
	text = copy;
	first = fuzz_utf8_first_invalid((const unsigned char *)text, len, &bad);

	memset(&err, 0, sizeof err);
	st = quoth_extract(ex, text, len, &r, &err);
	if (len > opt.max_doc_bytes) {
		fuzz_check(st == QUOTH_ERR_LIMIT,
		           "%zu bytes over a %zu limit: "
		           "status %d",
		           len, opt.max_doc_bytes, (int)st);
		fuzz_check(err.status == st && err.message[0],
		           "limit error without a message");
		fuzz_check(r == NULL, "*out written on error");
		goto done;
	}
	if ((opt.flags & QUOTH_OPT_STRICT_UTF8) && first != (size_t)-1) {
		size_t l = 0;

		fuzz_check(st == QUOTH_ERR_UTF8,
		           "strict: status %d for invalid "
		           "UTF-8 at %zu",
		           (int)st, first);
		fuzz_check(err.status == st && err.offset == first,
		           "strict: error at %zu, first invalid byte at %zu",
		           err.offset, first);
		fuzz_check(err.line >= 1 && err.column >= 1 && err.message[0],
		           "strict: error without line:column or message");
		/* The line is the number of line ends before the byte. */
		for (size_t i = 0; i < first; i++)
			if (text[i] == '\n' ||
			    (text[i] == '\r' && text[i + 1] != '\n'))
				l++;
		fuzz_check(err.line == l + 1, "strict: line %zu, expected %zu",
		           err.line, l + 1);
		fuzz_check(r == NULL, "*out written on error");
		goto done;
	}
	fuzz_check(st == QUOTH_OK,
	           "status %d (%s) on %zu bytes: text never "
	           "fails to extract",
	           (int)st, err.message, len);
	fuzz_check(r != NULL, "QUOTH_OK without a result");

	{
		size_t off = (size_t)-1;
		size_t cnt = quoth_result_warnings(r, QUOTH_WARN_UTF8, &off);

		fuzz_check(cnt == bad,
		           "%zu invalid UTF-8 bytes counted, %zu "
		           "in the text",
		           cnt, bad);
		if (bad)
			fuzz_check(off == first,
			           "first invalid byte reported "
			           "at %zu, is at %zu",
			           off, first);
	}
	fuzz_check_result(r, len, opt.types);

	/* Deterministic, and nothing kept between calls. */
	if (len < 4096) {
		fuzz_check(quoth_extract(ex, text, len, &r2, NULL) == QUOTH_OK,
		           "second run failed");
		same_results(r, r2);
	}
done:
	quoth_result_free(r);
	quoth_result_free(r2);
	free(copy);
	return 0;
}
