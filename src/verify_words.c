/*
 * verify_words.c: words and their normal forms, verify's first stage.
 *
 * Reads UTF-8 text (a source or an article) a word at a time and writes
 * where each word ends, its normal form and the 32-bit hash of that form.
 * Both the source set (verify_source.c) and a quote's tokens
 * (verify_search.c) are split into words here, so the two sides always
 * agree on what a word is.
 *
 * Words are compared by a 32-bit hash of their normal form (NFKC, case
 * folded, curly and straight apostrophes and dash forms made equal, via
 * utf8proc with a custom mapping by Unicode category).  The passages that
 * are finally reported are compared again on their real normal forms, so
 * a hash collision can only cost a candidate, never produce a wrong
 * "exact".
 */
#include <string.h>

#include "verify_words.h"

static bool
is_digit_cp(int32_t cp)
{
	return cp >= '0' && cp <= '9';
}

/* The apostrophe forms that join "don't", "Ukraine's".  Curly marks are
 * quote marks elsewhere, but between two letters they are apostrophes. */
bool
qt_is_apos(int32_t cp)
{
	return cp == '\'' || cp == 0x2019 || cp == 0x2018 || cp == 0x02BC ||
	       cp == 0xFF07 || cp == 0x2032 || cp == '`';
}

/*
 * "[W]e", "respons[e]": a bracket of word characters glued to a word is an
 * editorial change inside the word, not an insertion.  Returns the offset
 * after ']', or 0.  `after_word` says a word character precedes '['.
 */
size_t
qt_inword_bracket(const char *s, size_t len, size_t i, bool after_word)
{
	size_t j = i + 1, n, lim = i + 40 < len ? i + 40 : len;
	int32_t cp;

	while (j < lim && s[j] != ']') {
		cp = qt_decode(s, len, j, &n);
		if (!qt_is_word_cp(cp))
			return 0;
		j += n;
	}
	if (j >= lim || j == i + 1)
		return 0;
	j++; /* the ']' */
	if (after_word)
		return j;
	if (j < len && qt_is_word_cp(qt_decode(s, len, j, &n)))
		return j;
	return 0;
}

/*
 * End of the word that starts at s[i].  A word is a run of letters, marks
 * and digits, joined across an apostrophe between letters ("don't"), a
 * dot between letters or digits ("U.S", "3.5") and a comma between
 * digits ("1,000").  Dashes and hyphens separate words, so every dash
 * form, and a hyphen versus a space, compare equal.
 */
size_t
qt_word_end(const char *s, size_t len, size_t i, bool brackets, bool *bracketed)
{
	int32_t cp, next, prev = -1;
	size_t n, n2, k;

	while (i < len) {
		if (qt_ascii_alnum((unsigned char)s[i])) {
			while (i + 1 < len &&
			       qt_ascii_alnum((unsigned char)s[i + 1]))
				i++;
			prev = (unsigned char)s[i++];
			continue;
		}
		cp = qt_decode(s, len, i, &n);
		if (qt_is_word_cp(cp)) {
			prev = cp;
			i += n;
			continue;
		}
		if (brackets && cp == '[' && prev >= 0 &&
		    (k = qt_inword_bracket(s, len, i, true)) != 0) {
			*bracketed = true;
			prev = 'a';
			i = k;
			continue;
		}
		if (i + n >= len || prev < 0 ||
		    !(qt_is_apos(cp) || cp == '.' || cp == ','))
			return i;
		next = qt_decode(s, len, i + n, &n2);
		if (!qt_is_word_cp(next))
			return i;
		if (qt_is_apos(cp) || cp == '.' ||
		    (cp == ',' && is_digit_cp(prev) && is_digit_cp(next))) {
			i += n;
			continue;
		}
		return i;
	}
	return i;
}

/* ---- normal forms --------------------------------------------------- */

/* Applied by utf8proc before NFKC: every initial/final quote punctuation
 * (which, inside a word, is an apostrophe) becomes "'" and every dash
 * "-", by Unicode category rather than by a table of code points. */
static utf8proc_int32_t
norm_map(utf8proc_int32_t cp, void *data)
{
	(void)data;
	if (cp < 0x80)
		return cp == '`' ? '\'' : cp;
	if (cp == 0x02BC || cp == 0x2032)
		return '\'';
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_PI:
	case UTF8PROC_CATEGORY_PF:
		return '\'';
	case UTF8PROC_CATEGORY_PD:
		return '-';
	default:
		return cp;
	}
}

/*
 * House style, not words: "U.S" and "US", "a.m" and "am" (single letters
 * between dots), "1,000" and "1000" (commas between digits) compare
 * equal.  Edits w[0..n) in place and returns the new length.
 */
static size_t
house_style(char *w, size_t n)
{
	size_t i, k = 0;
	bool initials = n >= 3;

	for (i = 0; i < n; i++)
		if (i % 2 == 1 ? w[i] != '.'
		               : !qt_ascii_alnum((unsigned char)w[i]) ||
		                         (w[i] >= '0' && w[i] <= '9'))
			initials = false;
	for (i = 0; i < n; i++) {
		if (initials && w[i] == '.')
			continue;
		if (w[i] == ',' && i > 0 && i + 1 < n && w[i - 1] >= '0' &&
		    w[i - 1] <= '9' && w[i + 1] >= '0' && w[i + 1] <= '9')
			continue;
		w[k++] = w[i];
	}
	return k;
}

/*
 * Normal form of the word s[0..n): brackets dropped ("[W]e" -> "We"),
 * NFKC with marks and dashes unified, case folded when `fold`.  Returns
 * the bytes (inside nb) and their length in *out_len.
 */
const char *
qt_norm_word(normbuf *nb, const char *s, size_t n, bool fold, size_t *out_len)
{
	utf8proc_option_t opts;
	utf8proc_ssize_t r;
	bool ascii = true;
	size_t i, k = 0;

	if (n > WORD_MAX_BYTES) {
		n = WORD_MAX_BYTES;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	}
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '[' || c == ']')
			continue;
		if (c >= 0x80)
			ascii = false;
		nb->raw[k++] = (char)c;
	}
	k = house_style(nb->raw, k);
	if (ascii) {
		for (i = 0; i < k; i++) {
			char c = nb->raw[i];
			if (fold && c >= 'A' && c <= 'Z')
				c = (char)(c - 'A' + 'a');
			else if (c == '`')
				c = '\'';
			nb->raw[i] = c;
		}
		*out_len = k;
		return nb->raw;
	}
	opts = UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT;
	if (fold)
		opts |= UTF8PROC_CASEFOLD;
	r = utf8proc_decompose_custom((const utf8proc_uint8_t *)nb->raw,
	                              (utf8proc_ssize_t)k, nb->cp, NORM_CP_MAX,
	                              opts, norm_map, NULL);
	if (r >= 0 && r <= NORM_CP_MAX)
		r = utf8proc_reencode(nb->cp, r, opts);
	else
		r = -1;
	if (r < 0) {
		/* Contrived input: compare the bytes as they are. */
		*out_len = k;
		return nb->raw;
	}
	*out_len = (size_t)r;
	return (const char *)nb->cp;
}

/* murmur3's finaliser over FNV-1a: the index uses the low bits */
static uint32_t
hash_finish(uint64_t h)
{
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdu;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53u;
	h ^= h >> 33;
	return (uint32_t)h;
}

static uint32_t
hash_bytes(const char *s, size_t n)
{
	uint64_t h = 0xcbf29ce484222325u;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x100000001b3u;
	}
	return hash_finish(h);
}

uint32_t
qt_word_hash(normbuf *nb, const char *s, size_t n)
{
	size_t k;
	const char *p;

	/* most words are plain ASCII: fold and hash them in one pass (the
	 * same bytes qt_norm_word() would give) */
	if (n <= WORD_MAX_BYTES) {
		uint64_t h = 0xcbf29ce484222325u;
		for (k = 0; k < n; k++) {
			unsigned char c = (unsigned char)s[k];
			if (c >= 0x80 || c == '[' || c == ']' || c == '`' ||
			    c == '.' || c == ',')
				break;
			if (c >= 'A' && c <= 'Z')
				c = (unsigned char)(c - 'A' + 'a');
			h ^= c;
			h *= 0x100000001b3u;
		}
		if (k == n)
			return hash_finish(h);
	}
	p = qt_norm_word(nb, s, n, true, &k);
	return hash_bytes(p, k);
}

/* Whether t[a..b), the text between two words, ends a sentence. */
bool
qt_sentence_end(const char *t, size_t a, size_t b)
{
	bool stop = false;
	size_t i;

	for (i = a; i < b; i++) {
		if (t[i] == '.' || t[i] == '?' || t[i] == '!')
			stop = true;
		else if (stop && (qt_is_space(t[i]) || t[i] == '\n'))
			return true;
	}
	return false;
}
