/*
 * fuzz.h: what the libFuzzer targets in tests/fuzz/ share.
 *
 * Each target defines LLVMFuzzerTestOneInput().  Built with
 * -Dfuzz=true (clang), libFuzzer supplies main(); always, replay.c
 * supplies a plain main() that feeds the seed corpus to the same function
 * under `meson test` (suite fuzz-replay), so every seed, including each
 * crash turned into a regression seed, runs on every build.
 *
 * The targets check the library's documented contract, not just "no
 * crash": a broken promise calls fuzz_fail(), which prints what was
 * expected and aborts, so libFuzzer keeps the input and replay fails.
 */
#ifndef QUOTH_FUZZ_H
#define QUOTH_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

#define fuzz_fail(...)                                                         \
	do {                                                                   \
		fprintf(stderr, "%s:%d: contract broken: ", __FILE__,          \
		        __LINE__);                                             \
		fprintf(stderr, __VA_ARGS__);                                  \
		fputc('\n', stderr);                                           \
		abort();                                                       \
	} while (0)

#define fuzz_check(cond, ...)                                                  \
	do {                                                                   \
		if (!(cond))                                                   \
			fuzz_fail(__VA_ARGS__);                                \
	} while (0)

/*
 * Offset of the first byte of s[0..n) that does not start a valid UTF-8
 * sequence (overlong forms, surrogates, code points above U+10FFFF, stray
 * continuation bytes and cut sequences are invalid), or (size_t)-1; the
 * number of such bytes in *count.  An invalid sequence counts as one bad
 * byte and decoding resumes at the next byte, which is how the library
 * counts (text.c).
 */
static inline size_t
fuzz_utf8_first_invalid(const unsigned char *s, size_t n, size_t *count)
{
	size_t i = 0, first = (size_t)-1, bad = 0;

	while (i < n) {
		unsigned c = s[i];
		size_t len = 0, k;
		uint32_t cp = 0, min = 0;

		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF) {
			len = 2;
			cp = c & 0x1F;
			min = 0x80;
		} else if (c >= 0xE0 && c <= 0xEF) {
			len = 3;
			cp = c & 0x0F;
			min = 0x800;
		} else if (c >= 0xF0 && c <= 0xF4) {
			len = 4;
			cp = c & 0x07;
			min = 0x10000;
		}
		if (len && i + len <= n) {
			for (k = 1; k < len; k++) {
				if ((s[i + k] & 0xC0) != 0x80)
					break;
				cp = (cp << 6) | (s[i + k] & 0x3F);
			}
			if (k == len && cp >= min && cp <= 0x10FFFF &&
			    !(cp >= 0xD800 && cp <= 0xDFFF)) {
				i += len;
				continue;
			}
		}
		if (first == (size_t)-1)
			first = i;
		bad++;
		i++;
	}
	if (count)
		*count = bad;
	return first;
}

/* Is s[0..n) valid UTF-8 (NUL bytes allowed)? */
static inline int
fuzz_utf8_valid(const char *s, size_t n)
{
	return fuzz_utf8_first_invalid((const unsigned char *)s, n, NULL) ==
	       (size_t)-1;
}

#endif
