/*
 * verify.c: quotes against source transcripts.
 *
 * Pipeline:
 *
 *   source text -> lines -> (format: plain / WebVTT / SRT) -> words with
 *   byte span, speaker turn and timestamp -> one word index over the set
 *
 *   verbatim span -> quote tokens (words, "[insertions]", ellipses) ->
 *   pieces (split at ellipses) -> candidate regions from the index ->
 *   word-level alignment in a bounded window -> pieces chained in source
 *   order -> status, similarity, diff
 *
 * Cost: adding a source is linear in its size (one pass to split words,
 * one counting pass to index them).  Locating a piece costs the lengths of
 * the index lists of its rarer words, capped by VOTE_BUDGET, plus a few
 * dynamic-programming alignments over windows a small multiple of the
 * piece long.  Only a quote made solely of very common words scans one
 * whole list, which is bounded by the source size.  So the work grows
 * linearly with the sources and never with sources x article.
 *
 * Words are compared by a 32-bit hash of their normal form (NFKC, case
 * folded, curly and straight apostrophes and dash forms made equal, via
 * utf8proc with a custom mapping by Unicode category).  The passages that
 * are finally reported are compared again on their real normal forms, so
 * a hash collision can only cost a candidate, never produce a wrong
 * "exact".
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "private.h"

/* Bytes of a word that are normalised and compared (longer "words" are
 * URLs or garbage; their tail does not matter). */
#define WORD_MAX_BYTES 256
/* NFKC can expand a code point to 18; 2048 covers any 256-byte word
 * except contrived ones, which are then compared as raw bytes. */
#define NORM_CP_MAX 2048
#define LABEL_MAX 64    /* longest speaker label before its colon */
#define NOISE_MAX 200   /* longest [transcriber note] */
#define PAREN_MAX 120   /* longest (stage direction) */
#define TS_MAX 40       /* longest timestamp text kept */
#define CHUNK_WORDS 200 /* pieces are aligned in chunks of this many words */
#define NCAND 4         /* candidate regions tried per piece */
#define NCAND_MAX (2 * NCAND) /* plus one after each of the previous
                               * piece's candidates */
#define GAP_SHOWN 8     /* words cut without an ellipsis shown in a diff */
#define CHAIN_BACK 8    /* a piece chains to one of the 8 before it */
#define SLACK_MAX 64    /* extra window words around a region */
#define GAP_SCAN 4096   /* words looked at between two pieces */
#define VOTE_BUDGET 20000 /* index entries read per piece, at most */
/* Index entries read in one quoth_verify() call before every further
 * piece is held to SMALL_BUDGET: an article of 16,000 identical quotes
 * against a source of 16,000 identical lines must not take minutes. */
#define WORK_BUDGET 20000000
#define SMALL_BUDGET 2000
#define VOTE_ENOUGH 2000  /* ... and once this many from ANCHORS words */
#define ANCHORS 4
#define QUICK_MAX 64    /* candidate regions given a quick score */
#define MAX_SOURCE_BYTES ((size_t)UINT32_MAX)
#define MAX_WORDS ((size_t)UINT32_MAX - 2)

/* ======================================================================
 * Characters and words
 * ====================================================================== */

static int32_t
decode(const char *s, size_t len, size_t i, size_t *n)
{
	unsigned char c = (unsigned char)s[i];
	utf8proc_int32_t cp;
	utf8proc_ssize_t r;
	size_t avail = len - i;

	if (c < 0x80) {
		*n = 1;
		return c;
	}
	if (avail > 4)
		avail = 4;
	r = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
	                     (utf8proc_ssize_t)avail, &cp);
	if (r <= 0) {
		*n = 1;
		return -1;
	}
	*n = (size_t)r;
	return cp;
}

/* ASCII letters and digits, for the fast paths over English text. */
static bool
ascii_alnum(unsigned char c)
{
	return (unsigned char)((c | 0x20) - 'a') < 26 ||
	       (unsigned char)(c - '0') < 10;
}

/* Letters, marks and digits make words; everything else separates them
 * (so punctuation is never compared: transcribers punctuate at will). */
static bool
is_word_cp(int32_t cp)
{
	utf8proc_category_t cat;

	if (cp < 0)
		return false;
	if (cp < 0x80)
		return ascii_alnum((unsigned char)cp);
	cat = utf8proc_category(cp);
	return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_NO;
}

static bool
is_digit_cp(int32_t cp)
{
	return cp >= '0' && cp <= '9';
}

/* The apostrophe forms that join "don't", "Ukraine's".  Curly marks are
 * quote marks elsewhere, but between two letters they are apostrophes. */
static bool
is_apos(int32_t cp)
{
	return cp == '\'' || cp == 0x2019 || cp == 0x2018 || cp == 0x02BC ||
	       cp == 0xFF07 || cp == 0x2032 || cp == '`';
}

static bool
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

static size_t
skip_space(const char *s, size_t i, size_t end)
{
	while (i < end && is_space(s[i]))
		i++;
	return i;
}

/*
 * "[W]e", "respons[e]": a bracket of word characters glued to a word is an
 * editorial change inside the word, not an insertion.  Returns the offset
 * after ']', or 0.  `after_word` says a word character precedes '['.
 */
static size_t
inword_bracket(const char *s, size_t len, size_t i, bool after_word)
{
	size_t j = i + 1, n, lim = i + 40 < len ? i + 40 : len;
	int32_t cp;

	while (j < lim && s[j] != ']') {
		cp = decode(s, len, j, &n);
		if (!is_word_cp(cp))
			return 0;
		j += n;
	}
	if (j >= lim || j == i + 1)
		return 0;
	j++; /* the ']' */
	if (after_word)
		return j;
	if (j < len && is_word_cp(decode(s, len, j, &n)))
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
static size_t
word_end(const char *s, size_t len, size_t i, bool brackets, bool *bracketed)
{
	int32_t cp, next, prev = -1;
	size_t n, n2, k;

	while (i < len) {
		if (ascii_alnum((unsigned char)s[i])) {
			while (i + 1 < len && ascii_alnum((unsigned char)s[i + 1]))
				i++;
			prev = (unsigned char)s[i++];
			continue;
		}
		cp = decode(s, len, i, &n);
		if (is_word_cp(cp)) {
			prev = cp;
			i += n;
			continue;
		}
		if (brackets && cp == '[' && prev >= 0 &&
		    (k = inword_bracket(s, len, i, true)) != 0) {
			*bracketed = true;
			prev = 'a';
			i = k;
			continue;
		}
		if (i + n >= len || prev < 0 ||
		    !(is_apos(cp) || cp == '.' || cp == ','))
			return i;
		next = decode(s, len, i + n, &n2);
		if (!is_word_cp(next))
			return i;
		if (is_apos(cp) || cp == '.' ||
		    (cp == ',' && is_digit_cp(prev) && is_digit_cp(next))) {
			i += n;
			continue;
		}
		return i;
	}
	return i;
}

/* ---- normal forms --------------------------------------------------- */

typedef struct {
	utf8proc_int32_t cp[NORM_CP_MAX + 1];
	char raw[WORD_MAX_BYTES];
} normbuf;

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
		if (i % 2 == 1 ? w[i] != '.' : !ascii_alnum((unsigned char)w[i]) ||
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
static const char *
norm_word(normbuf *nb, const char *s, size_t n, bool fold, size_t *out_len)
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

static uint32_t
word_hash(normbuf *nb, const char *s, size_t n)
{
	size_t k;
	const char *p;

	/* most words are plain ASCII: fold and hash them in one pass (the
	 * same bytes norm_word() would give) */
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
	p = norm_word(nb, s, n, true, &k);
	return hash_bytes(p, k);
}

/* ======================================================================
 * Source sets
 * ====================================================================== */

typedef struct {
	uint32_t start, end; /* bytes in the source text */
	uint32_t hash;       /* of the folded normal form */
} sword;

enum { MARK_COLON, MARK_VOICE, MARK_CHANGE };

/* A speaker turn or a timestamp: applies from global word `word` on. */
typedef struct {
	uint32_t word;
	uint32_t off;  /* label / timestamp text in the source */
	uint16_t len;
	uint8_t kind;  /* turns: MARK_* */
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
	bool caseless;   /* no lowercase letter: case is not judged */
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

static bool
grow(void **p, size_t *cap, size_t need, size_t elem)
{
	size_t ncap, bytes;
	void *q;

	if (need <= *cap)
		return true;
	ncap = *cap ? *cap : 16;
	while (ncap < need) {
		if (ncap > SIZE_MAX / 2)
			return false;
		ncap *= 2;
	}
	if (!size_mul(ncap, elem, &bytes))
		return false;
	q = realloc(*p, bytes);
	if (!q)
		return false;
	*p = q;
	*cap = ncap;
	return true;
}

static void
set_error(quoth_error *err, quoth_status st, const char *msg)
{
	if (!err)
		return;
	memset(err, 0, sizeof(*err));
	err->status = st;
	snprintf(err->message, sizeof(err->message), "%s", msg);
}

quoth_status
quoth_sources_new(quoth_sources **out)
{
	quoth_sources *s;

	if (!out)
		return QUOTH_ERR_ARG;
	s = calloc(1, sizeof(*s));
	if (!s)
		return QUOTH_ERR_NOMEM;
	*out = s;
	return QUOTH_OK;
}

static void
source_free(source *src)
{
	free(src->name);
	free(src->text);
	free(src->lines);
}

void
quoth_sources_free(quoth_sources *s)
{
	size_t i;

	if (!s)
		return;
	for (i = 0; i < s->nsrc; i++)
		source_free(&s->src[i]);
	free(s->src);
	free(s->w);
	free(s->turn);
	free(s->ts);
	free(s->head);
	free(s->post);
	free(s);
}

size_t
quoth_sources_count(const quoth_sources *s)
{
	return s ? s->nsrc : 0;
}

const char *
quoth_sources_name(const quoth_sources *s, size_t i)
{
	return s && i < s->nsrc ? s->src[i].name : NULL;
}

quoth_source_format
quoth_sources_format(const quoth_sources *s, size_t i)
{
	return s && i < s->nsrc ? s->src[i].format : QUOTH_SOURCE_PLAIN;
}

size_t
quoth_sources_nwords(const quoth_sources *s, size_t i)
{
	return s && i < s->nsrc ? s->src[i].nw : 0;
}

/* ---- parsing ---------------------------------------------------------- */

typedef struct {
	quoth_sources *set;
	source *src;
	const char *t;
	size_t len;
	size_t ncolon;        /* "NAME:" labels seen */
	size_t lower, upper;  /* ASCII letters seen in words */
	quoth_status st;
	normbuf nb;
} parser;

static void
push_word(parser *p, size_t a, size_t b)
{
	quoth_sources *set = p->set;
	size_t i;

	if (p->st != QUOTH_OK)
		return;
	if (set->nw >= MAX_WORDS) {
		p->st = QUOTH_ERR_LIMIT;
		return;
	}
	if (!grow((void **)&set->w, &set->capw, set->nw + 1, sizeof(sword))) {
		p->st = QUOTH_ERR_NOMEM;
		return;
	}
	for (i = a; i < b; i++) {
		char c = p->t[i];
		if (c >= 'a' && c <= 'z')
			p->lower++;
		else if (c >= 'A' && c <= 'Z')
			p->upper++;
	}
	set->w[set->nw].start = (uint32_t)a;
	set->w[set->nw].end = (uint32_t)b;
	set->w[set->nw].hash = word_hash(&p->nb, p->t + a, b - a);
	set->nw++;
}

/* Record a turn or timestamp starting at the next word.  One that no word
 * followed is replaced, so empty cues and label-only lines leave nothing. */
static void
push_mark(parser *p, bool turn, size_t off, size_t len, int kind)
{
	quoth_sources *set = p->set;
	smark **arr = turn ? &set->turn : &set->ts;
	size_t *n = turn ? &set->nturn : &set->nts;
	size_t *cap = turn ? &set->capturn : &set->capts;
	size_t first = turn ? p->src->t0 : p->src->s0;
	smark *m;

	if (p->st != QUOTH_OK)
		return;
	if (len > UINT16_MAX)
		len = UINT16_MAX;
	if (*n > first && (*arr)[*n - 1].word == set->nw) {
		m = &(*arr)[*n - 1];
	} else {
		if (!grow((void **)arr, cap, *n + 1, sizeof(smark))) {
			p->st = QUOTH_ERR_NOMEM;
			return;
		}
		m = &(*arr)[(*n)++];
	}
	m->word = (uint32_t)set->nw;
	m->off = (uint32_t)off;
	m->len = (uint16_t)len;
	m->kind = (uint8_t)kind;
}

static size_t
digits(const char *t, size_t i, size_t end, size_t max)
{
	size_t k = 0;

	while (i + k < end && k < max && t[i + k] >= '0' && t[i + k] <= '9')
		k++;
	return k;
}

/*
 * A timestamp at t[i]: "12:31", "00:12:31", "0:03", "00:12:31.500",
 * "00:12:31,500", optionally in [] or ().  A bare one must be followed by
 * white space or the end of the line.  Returns its length (brackets
 * included) and the time text in [*ta, *tb), or 0.
 */
static size_t
match_ts(const char *t, size_t i, size_t end, size_t *ta, size_t *tb)
{
	size_t j = i, k;
	char open = 0;

	if (j < end && (t[j] == '[' || t[j] == '(')) {
		open = t[j];
		j++;
	}
	*ta = j;
	k = digits(t, j, end, 2);
	if (k == 0)
		return 0;
	j += k;
	if (j >= end || t[j] != ':' || digits(t, j + 1, end, 3) != 2)
		return 0;
	j += 3;
	if (j < end && t[j] == ':') {
		if (digits(t, j + 1, end, 3) != 2)
			return 0;
		j += 3;
	}
	if (j + 1 < end && (t[j] == '.' || t[j] == ',') &&
	    (k = digits(t, j + 1, end, 3)) > 0)
		j += 1 + k;
	*tb = j;
	if (open) {
		if (j >= end || t[j] != (open == '[' ? ']' : ')'))
			return 0;
		j++;
	} else if (j < end && !is_space(t[j])) {
		return 0;
	}
	return j - i;
}

static void
push_ts(parser *p, size_t a, size_t b)
{
	push_mark(p, false, a, b - a > TS_MAX ? TS_MAX : b - a, 0);
}

/* A lowercase particle inside a name ("Secretary of State", "de Gaulle"). */
static bool
name_particle(const char *s, size_t n)
{
	size_t i;

	if (n == 0 || n > 3)
		return false;
	for (i = 0; i < n; i++)
		if (s[i] < 'a' || s[i] > 'z')
			return false;
	return true;
}

/*
 * A speaker label at t[i]: "HEGSETH:", "Pete Hegseth:", "Speaker 1:",
 * "Q:", "Q.", "Sec. Hegseth (through interpreter):", "Pete Hegseth
 * (00:12):" and, without a colon, "Speaker 1  0:03" alone on its line
 * (otter.ai).  Every word starts with a capital (or is a number after a
 * word, or a short particle), so prose ("He said: ...") is not a label.
 * Returns the offset after the label, the label in [*la, *lb), and a
 * timestamp found inside it in [*ta, *tb) (*ta == *tb when none).
 */
static size_t
match_label(const char *t, size_t i, size_t end, size_t *la, size_t *lb,
            size_t *ta, size_t *tb)
{
	size_t j = i, ntok = 0, n, k, a, b;
	bool paren = false;
	int32_t cp;

	*la = *lb = i;
	*ta = *tb = 0;
	while (j < end && j - i <= LABEL_MAX) {
		if (t[j] == ':')
			break;
		if (is_space(t[j])) {
			j++;
			continue;
		}
		if (t[j] == '(' && ntok > 0) {
			const char *c = memchr(t + j, ')', end - j);
			if (!c || (size_t)(c - t) - j > 40)
				goto dot_label;
			if (match_ts(t, j, end, &a, &b) == (size_t)(c - t) - j + 1) {
				*ta = a;
				*tb = b;
			}
			paren = true;
			j = (size_t)(c - t) + 1;
			continue;
		}
		if (paren)
			goto dot_label;
		/* otter.ai: "Speaker 1  0:03" then the text on the next lines */
		if (ntok > 0 && (k = match_ts(t, j, end, &a, &b)) != 0 &&
		    skip_space(t, j + k, end) == end) {
			*ta = a;
			*tb = b;
			return end;
		}
		k = j;
		while (k < end && !is_space(t[k]) && t[k] != ':' && t[k] != '(')
			k++;
		cp = decode(t, end, j, &n);
		if (digits(t, j, k, k - j) == k - j) {
			if (ntok == 0)
				goto dot_label; /* "10:30" is a time, not a label */
		} else if (name_particle(t + j, k - j)) {
			if (ntok == 0)
				goto dot_label;
		} else {
			size_t q = j;
			if (cp < 0 || !utf8proc_isupper(cp))
				goto dot_label;
			while (q < k) {
				cp = decode(t, k, q, &n);
				if (!is_word_cp(cp) && cp != '.' && cp != '-' &&
				    !is_apos(cp))
					goto dot_label;
				q += n;
			}
		}
		ntok++;
		*lb = k;
		j = k;
	}
	if (ntok == 0 || ntok > 6 || j >= end || j - i > LABEL_MAX)
		goto dot_label;
	if (j + 1 < end && !is_space(t[j + 1]))
		goto dot_label;
	return j + 1;
dot_label:
	/* "Q. How do you..." / "A. We will..." */
	if (end - i >= 2 && (t[i] == 'Q' || t[i] == 'A') && t[i + 1] == '.' &&
	    (end - i == 2 || is_space(t[i + 2]))) {
		*la = i;
		*lb = i + 1;
		return i + 2;
	}
	return 0;
}

/* "[inaudible]", "[crosstalk 00:12:31]", "[00:12:31]": skipped, with any
 * timestamp inside recorded.  Returns the offset after ']', or 0. */
static size_t
noise_bracket(parser *p, size_t i, size_t end)
{
	const char *t = p->t;
	const char *c;
	size_t lim = end - i > NOISE_MAX ? i + NOISE_MAX : end, j, a, b;

	c = memchr(t + i, ']', lim - i);
	if (!c)
		return 0;
	for (j = i + 1; j < (size_t)(c - t); j++) {
		if (t[j] >= '0' && t[j] <= '9' &&
		    (j == i + 1 || t[j - 1] < '0' || t[j - 1] > '9') &&
		    match_ts(t, j, (size_t)(c - t), &a, &b)) {
			push_ts(p, a, b);
			break;
		}
	}
	return (size_t)(c - t) + 1;
}

/*
 * "(Applause.)", "(laughs)", "(inaudible)", "(00:12:31)": a stage
 * direction of at most four words that ends with a full stop or has no
 * capital, or a timestamp.  "(DoD)" and real parenthetical text are words.
 */
static size_t
noise_paren(parser *p, size_t i, size_t end)
{
	const char *t = p->t;
	const char *c;
	size_t lim = end - i > PAREN_MAX ? i + PAREN_MAX : end, j, k, a, b;
	size_t words = 0, upper = 0;
	bool in_word = false;

	c = memchr(t + i, ')', lim - i);
	if (!c)
		return 0;
	k = (size_t)(c - t);
	if ((j = match_ts(t, i, end, &a, &b)) == k - i + 1) {
		push_ts(p, a, b);
		return k + 1;
	}
	for (j = i + 1; j < k; j++) {
		unsigned char ch = (unsigned char)t[j];
		bool wc = ch >= 0x80 || isalnum(ch);
		if (wc && !in_word)
			words++;
		in_word = wc;
		if (ch >= 'A' && ch <= 'Z')
			upper++;
	}
	if (words == 0 || words > 4)
		return 0;
	if (t[k - 1] == '.' || upper == 0)
		return k + 1;
	return 0;
}

/* Subtitle markup: "<v Pete Hegseth>" starts a turn; "<i>", "</v>",
 * "<00:00:01.500>", "<c.yellow>" are skipped.  Returns the offset after
 * '>', or 0. */
static size_t
subtitle_tag(parser *p, size_t i, size_t end)
{
	const char *t = p->t;
	const char *c;
	size_t lim = end - i > NOISE_MAX ? i + NOISE_MAX : end, a, b;

	c = memchr(t + i, '>', lim - i);
	if (!c)
		return 0;
	b = (size_t)(c - t);
	if (i + 2 < b && t[i + 1] == 'v' && (t[i + 2] == ' ' || t[i + 2] == '.')) {
		a = i + 2;
		while (a < b && !is_space(t[a]))
			a++; /* classes: <v.loud Name> */
		a = skip_space(t, a, b);
		while (b > a && is_space(t[b - 1]))
			b--;
		if (b > a)
			push_mark(p, true, a, b - a > LABEL_MAX ? LABEL_MAX : b - a,
			          MARK_VOICE);
	}
	return (size_t)(c - t) + 1;
}

static void
scan_words(parser *p, size_t i, size_t end, bool subtitle)
{
	const char *t = p->t;
	size_t n, k;
	int32_t cp;
	bool br;

	while (i < end && p->st == QUOTH_OK) {
		char c = t[i];
		unsigned char uc = (unsigned char)c;
		/* fast paths: plain ASCII words and separators */
		if (ascii_alnum(uc)) {
			br = false;
			k = word_end(t, end, i, true, &br);
			push_word(p, i, k);
			i = k;
			continue;
		}
		if (uc < 0x80 && c != '[' && c != '(' &&
		    !(subtitle && (c == '<' || c == '{' || c == '&'))) {
			i++;
			continue;
		}
		if (c == '[') {
			if (inword_bracket(t, end, i, false) == 0 &&
			    (k = noise_bracket(p, i, end)) != 0) {
				i = k;
				continue;
			}
		} else if (c == '(') {
			if ((k = noise_paren(p, i, end)) != 0) {
				i = k;
				continue;
			}
		} else if (subtitle && c == '<') {
			if ((k = subtitle_tag(p, i, end)) != 0) {
				i = k;
				continue;
			}
		} else if (subtitle && c == '{' && i + 1 < end && t[i + 1] == '\\') {
			const char *q = memchr(t + i, '}', end - i);
			if (q) {
				i = (size_t)(q - t) + 1;
				continue;
			}
		} else if (subtitle && c == '&') {
			/* "&amp;", "&#39;": an entity is never a word */
			k = i + 1;
			if (k < end && t[k] == '#')
				k++;
			while (k < end && k - i < 10 && isalnum((unsigned char)t[k]))
				k++;
			if (k < end && t[k] == ';' && k > i + 1) {
				i = k + 1;
				continue;
			}
		}
		cp = decode(t, end, i, &n);
		if (is_word_cp(cp) || (c == '[' && inword_bracket(t, end, i, false))) {
			br = false;
			k = word_end(t, end, c == '[' ? inword_bracket(t, end, i, false) : i,
			             true, &br);
			push_word(p, i, k);
			i = k;
			continue;
		}
		i += n;
	}
}

/* One line t[a..b) (without its line end). */
static void
parse_line(parser *p, size_t a, size_t b, bool subtitle)
{
	const char *t = p->t;
	size_t i = skip_space(t, a, b), k, la, lb, ta, tb;

	for (;;) {
		if (i < b && (k = match_ts(t, i, b, &ta, &tb)) != 0) {
			push_ts(p, ta, tb);
			i = skip_space(t, i + k, b);
		} else if (b - i >= 2 && t[i] == '>' && t[i + 1] == '>') {
			/* caption speaker change, name unknown */
			push_mark(p, true, i, 0, MARK_CHANGE);
			i = skip_space(t, i + 2, b);
		} else if (subtitle && b - i >= 2 && t[i] == '-' && t[i + 1] == ' ') {
			push_mark(p, true, i, 0, MARK_CHANGE);
			i = skip_space(t, i + 1, b);
		} else {
			break;
		}
	}
	if (i < b && (k = match_label(t, i, b, &la, &lb, &ta, &tb)) != 0) {
		push_mark(p, true, la, lb - la, MARK_COLON);
		p->ncolon++;
		if (ta < tb)
			push_ts(p, ta, tb);
		i = skip_space(t, k, b);
		if (i < b && (k = match_ts(t, i, b, &ta, &tb)) != 0) {
			push_ts(p, ta, tb);
			i = skip_space(t, i + k, b);
		}
	}
	scan_words(p, i, b, subtitle);
}

static bool
line_blank(const char *t, size_t a, size_t b)
{
	return skip_space(t, a, b) == b;
}

static bool
has_arrow(const char *t, size_t a, size_t b, size_t *at)
{
	size_t i;

	for (i = a; i + 3 <= b; i++)
		if (t[i] == '-' && t[i + 1] == '-' && t[i + 2] == '>') {
			*at = i;
			return true;
		}
	return false;
}

static size_t
line_end(const char *t, size_t i, size_t len)
{
	const char *c = memchr(t + i, '\n', len - i);

	return c ? (size_t)(c - t) : len;
}

static size_t
trim_end(const char *t, size_t a, size_t b)
{
	while (b > a && is_space(t[b - 1]))
		b--;
	return b;
}

static bool
starts_word(const char *t, size_t a, size_t b, const char *w)
{
	size_t n = strlen(w);

	return b - a >= n && memcmp(t + a, w, n) == 0 &&
	       (b - a == n || is_space(t[a + n]));
}

/*
 * WebVTT and SRT: blocks separated by blank lines.  A timing line
 * ("00:00:01.000 --> 00:00:04.000 ...") starts a cue and gives the time
 * of its words; the line before it (a cue number or id) is not text.
 * WebVTT's header and NOTE, STYLE and REGION blocks are skipped.
 */
static void
parse_subtitles(parser *p, size_t i, bool vtt)
{
	const char *t = p->t;
	size_t len = p->len, a, b, e, at, nb, ne;
	bool block_start = true, skipping = vtt;

	while (i < len && p->st == QUOTH_OK) {
		a = i;
		e = line_end(t, a, len);
		b = trim_end(t, a, e);
		i = e < len ? e + 1 : len;
		if (line_blank(t, a, b)) {
			block_start = true;
			skipping = false;
			continue;
		}
		if (skipping)
			continue;
		if (block_start && vtt &&
		    (starts_word(t, a, b, "NOTE") || starts_word(t, a, b, "STYLE") ||
		     starts_word(t, a, b, "REGION"))) {
			skipping = true;
			continue;
		}
		if (has_arrow(t, a, b, &at)) {
			size_t ta = skip_space(t, a, at), tb = trim_end(t, ta, at);
			push_ts(p, ta, tb);
			block_start = false;
			continue;
		}
		if (block_start && i < len) {
			ne = line_end(t, i, len);
			nb = trim_end(t, i, ne);
			if (has_arrow(t, i, nb, &at)) {
				block_start = false;
				continue; /* cue number or identifier */
			}
		}
		block_start = false;
		parse_line(p, a, b, true);
	}
}

static void
parse_plain(parser *p, size_t i)
{
	const char *t = p->t;
	size_t len = p->len, e;

	while (i < len && p->st == QUOTH_OK) {
		e = line_end(t, i, len);
		parse_line(p, i, trim_end(t, i, e), false);
		i = e < len ? e + 1 : len;
	}
}

static quoth_source_format
detect_format(const char *t, size_t len, size_t i)
{
	size_t e, b, at;

	while (i < len) {
		e = line_end(t, i, len);
		if (!line_blank(t, i, e))
			break;
		i = e + 1;
	}
	if (i >= len)
		return QUOTH_SOURCE_PLAIN;
	if (len - i >= 6 && memcmp(t + i, "WEBVTT", 6) == 0 &&
	    (len - i == 6 || is_space(t[i + 6]) || t[i + 6] == '\n'))
		return QUOTH_SOURCE_WEBVTT;
	e = line_end(t, i, len);
	b = trim_end(t, i, e);
	if (b > i && digits(t, i, b, b - i) == b - i && e < len) {
		size_t a2 = e + 1, e2 = line_end(t, a2, len);
		if (has_arrow(t, a2, e2, &at))
			return QUOTH_SOURCE_SRT;
	}
	return QUOTH_SOURCE_PLAIN;
}

static bool
build_lines(source *src)
{
	size_t n = 1, cap = 0, i = 0;
	const char *c;

	if (!grow((void **)&src->lines, &cap, 1, sizeof(uint32_t)))
		return false;
	src->lines[0] = 0;
	while (i < src->len && (c = memchr(src->text + i, '\n', src->len - i))) {
		i = (size_t)(c - src->text) + 1;
		if (!grow((void **)&src->lines, &cap, n + 1, sizeof(uint32_t)))
			return false;
		src->lines[n++] = (uint32_t)i;
	}
	src->nlines = n;
	return true;
}

quoth_status
quoth_sources_add(quoth_sources *s, const char *name, const char *text,
                  size_t len, quoth_error *err)
{
	parser *p;
	source *src;
	size_t start = 0, nw0, nturn0, nts0, i, k;
	quoth_status st;

	if (!s || (!text && len > 0)) {
		set_error(err, QUOTH_ERR_ARG, "no source set or text");
		return QUOTH_ERR_ARG;
	}
	if (len >= MAX_SOURCE_BYTES) {
		set_error(err, QUOTH_ERR_LIMIT, "source text larger than 4 GiB");
		return QUOTH_ERR_LIMIT;
	}
	if (!grow((void **)&s->src, &s->capsrc, s->nsrc + 1, sizeof(source)))
		goto nomem;
	p = malloc(sizeof(*p));
	if (!p)
		goto nomem;
	src = &s->src[s->nsrc];
	memset(src, 0, sizeof(*src));
	src->name = strdup(name ? name : "");
	src->text = malloc(len + 1);
	if (!src->name || !src->text) {
		free(p);
		source_free(src);
		goto nomem;
	}
	if (len)
		memcpy(src->text, text, len);
	src->text[len] = '\0';
	src->len = len;
	nw0 = s->nw;
	nturn0 = s->nturn;
	nts0 = s->nts;
	src->w0 = nw0;
	src->t0 = nturn0;
	src->s0 = nts0;

	memset(p, 0, offsetof(parser, nb));
	p->set = s;
	p->src = src;
	p->t = src->text;
	p->len = len;
	if (len >= 3 && memcmp(src->text, "\xEF\xBB\xBF", 3) == 0)
		start = 3;
	src->format = detect_format(src->text, len, start);
	if (src->format == QUOTH_SOURCE_PLAIN)
		parse_plain(p, start);
	else
		parse_subtitles(p, start, src->format == QUOTH_SOURCE_WEBVTT);
	st = p->st;
	if (st == QUOTH_OK && !build_lines(src))
		st = QUOTH_ERR_NOMEM;
	if (st == QUOTH_OK && p->ncolon < 2) {
		/* One "WASHINGTON:" or "Note:" does not make a labelled
		 * transcript; a transcript has turns. */
		for (i = k = nturn0; i < s->nturn; i++)
			if (s->turn[i].kind != MARK_COLON)
				s->turn[k++] = s->turn[i];
		s->nturn = k;
	}
	src->caseless = p->upper > 0 && p->lower == 0;
	free(p);
	if (st != QUOTH_OK) {
		s->nw = nw0;
		s->nturn = nturn0;
		s->nts = nts0;
		source_free(src);
		set_error(err, st, st == QUOTH_ERR_LIMIT
		                       ? "too many words in the sources"
		                       : "out of memory");
		return st;
	}
	src->nw = s->nw - nw0;
	src->nt = s->nturn - nturn0;
	src->ns = s->nts - nts0;
	s->nsrc++;
	return QUOTH_OK;
nomem:
	set_error(err, QUOTH_ERR_NOMEM, "out of memory");
	return QUOTH_ERR_NOMEM;
}

/* ---- index ---------------------------------------------------------- */

quoth_status
quoth_sources_index(quoth_sources *s, quoth_error *err)
{
	size_t nb = 1024, b, p, mask;
	uint32_t *head, *post;

	if (!s) {
		set_error(err, QUOTH_ERR_ARG, "no source set");
		return QUOTH_ERR_ARG;
	}
	if (s->head && s->indexed == s->nw)
		return QUOTH_OK;
	/* About four words per bucket on average, far fewer distinct ones:
	 * a bucket's size is a good estimate of its word's frequency. */
	while (nb < s->nw / 4)
		nb *= 2;
	head = calloc(nb + 1, sizeof(uint32_t));
	post = malloc((s->nw ? s->nw : 1) * sizeof(uint32_t));
	if (!head || !post) {
		free(head);
		free(post);
		set_error(err, QUOTH_ERR_NOMEM, "out of memory");
		return QUOTH_ERR_NOMEM;
	}
	mask = nb - 1;
	for (p = 0; p < s->nw; p++)
		head[(s->w[p].hash & mask) + 1]++;
	for (b = 1; b <= nb; b++)
		head[b] += head[b - 1];
	for (p = 0; p < s->nw; p++)
		post[head[s->w[p].hash & mask]++] = (uint32_t)p;
	for (b = nb; b > 0; b--)
		head[b] = head[b - 1];
	head[0] = 0;
	free(s->head);
	free(s->post);
	s->head = head;
	s->post = post;
	s->nbuckets = nb;
	s->indexed = s->nw;
	return QUOTH_OK;
}

/* ---- lookups ---------------------------------------------------------- */

/* Source holding global word g. */
static size_t
source_of(const quoth_sources *s, size_t g)
{
	size_t lo = 0, hi = s->nsrc;

	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (s->src[mid].w0 <= g)
			lo = mid;
		else
			hi = mid;
	}
	/* sources without words share w0 with the next one */
	while (lo + 1 < s->nsrc && s->src[lo].nw == 0 && s->src[lo + 1].w0 <= g)
		lo++;
	return lo;
}

/* Index of the last mark in arr[first, first + n) whose word <= g, or
 * QUOTH_NONE. */
static size_t
mark_at(const smark *arr, size_t first, size_t n, size_t g)
{
	size_t lo = first, hi = first + n;

	if (n == 0 || arr[first].word > g)
		return QUOTH_NONE;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (arr[mid].word <= g)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

static size_t
line_of(const source *src, size_t off)
{
	size_t lo = 0, hi = src->nlines;

	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (src->lines[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	return lo + 1;
}

int
quoth_sources_word(const quoth_sources *s, size_t i, size_t k,
                   quoth_source_word *w)
{
	const source *src;
	const sword *sw;
	size_t g, m;

	if (!s || i >= s->nsrc || k >= s->src[i].nw || !w)
		return 0;
	src = &s->src[i];
	g = src->w0 + k;
	sw = &s->w[g];
	w->start = sw->start;
	w->end = sw->end;
	w->line = line_of(src, sw->start);
	w->label = NULL;
	w->label_len = 0;
	w->timestamp = NULL;
	w->timestamp_len = 0;
	m = mark_at(s->turn, src->t0, src->nt, g);
	if (m != QUOTH_NONE && s->turn[m].len > 0) {
		w->label = src->text + s->turn[m].off;
		w->label_len = s->turn[m].len;
	}
	m = mark_at(s->ts, src->s0, src->ns, g);
	if (m != QUOTH_NONE) {
		w->timestamp = src->text + s->ts[m].off;
		w->timestamp_len = s->ts[m].len;
	}
	return 1;
}

/* ======================================================================
 * Verification
 * ====================================================================== */

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
	OP_MATCH,  /* same word */
	OP_CASE,   /* same word, case changed beyond the first letter */
	OP_SUB,    /* quote word in place of a source word */
	OP_INS,    /* quote word not in the source */
	OP_DEL,    /* source word left out of the quote */
	OP_SKIP,   /* a word of another speaker's turn: ignored */
	OP_BRK     /* a bracketed insertion standing for n source words */
};

typedef struct {
	uint8_t op;
	uint32_t qi; /* token (MATCH..INS, BRK) */
	uint32_t sw; /* global source word (MATCH..SUB, DEL, SKIP, BRK) */
	uint32_t n;  /* BRK: source words it stands for */
} aop;

typedef struct {
	size_t src;
	size_t a, b;       /* global words of the passage */
	size_t matched;    /* quote words found (OP_MATCH, OP_CASE) */
	size_t pw;         /* passage words that count */
	size_t anchor;     /* global word whose turn is the passage's */
	long score;
	aop *ops;
	size_t nops;
} align;

enum { B_START, B_ELLIPSIS, B_JOIN };

typedef struct {
	size_t t0, t1;   /* tokens */
	size_t nwords;
	int before;      /* boundary before it: B_* */
	align cand[NCAND_MAX];
	size_t ncand;
	int chosen;      /* index into cand, or -1 */
} piece;

typedef struct {
	int64_t lo, hi, best;
	size_t votes, quick;
} cluster;

/* One span's result. */
typedef struct {
	quoth_verify_status status;
	double sim;
	bool found;
	size_t src, a, b; /* global words */
	size_t label;     /* turn mark of the passage, or QUOTH_NONE */
	bool mismatch;
} span_res;

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
	} *votes;
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
		long best; /* best chain score ending here */
		int pi, pk; /* previous piece and candidate, or -1 */
	} *chain;
	size_t capchain;
	size_t span_a, span_b; /* the verbatim span being judged */
	qbuf diff, words;   /* of the current span */
	qbuf dels, inss;    /* pending change block of the diff */
	struct glue {
		const qbuf *buf;
		const char *at; /* the next word written to buf goes without
		                 * a space when it starts here ("well-known") */
	} glue[4];
	normbuf nb1, nb2;
	bool nomem;
	size_t work;      /* index entries read so far (WORK_BUDGET) */
} vctx;

/* ---- quote tokens ---------------------------------------------------- */

static void
push_tok(vctx *c, size_t a, size_t b, int kind, unsigned flags)
{
	qtok *t;

	if (!grow((void **)&c->tok, &c->captok, c->ntok + 1, sizeof(qtok))) {
		c->nomem = true;
		return;
	}
	/* consecutive ellipses are one */
	if (kind == QT_ELLIPSIS && c->ntok > 0 &&
	    c->tok[c->ntok - 1].kind == QT_ELLIPSIS) {
		c->tok[c->ntok - 1].end = b;
		return;
	}
	t = &c->tok[c->ntok++];
	t->start = a;
	t->end = b;
	t->kind = (uint8_t)kind;
	t->flags = (uint8_t)flags;
	t->hash = kind == QT_WORD ? word_hash(&c->nb1, c->text + a, b - a) : 0;
}

/* "...", ". . .", "…" (and inside brackets, "[...]") */
static size_t
match_ellipsis(const char *t, size_t i, size_t end)
{
	size_t j = i, dots = 0, n;

	for (;;) {
		if (j < end && t[j] == '.') {
			dots++;
			j++;
		} else if (dots > 0 && j + 1 < end && t[j] == ' ' && t[j + 1] == '.') {
			j++;
		} else if (j < end && decode(t, end, j, &n) == 0x2026) {
			dots += 3;
			j += n;
		} else {
			break;
		}
	}
	return dots >= 3 ? j - i : 0;
}

/* Whether t[a..b), the text between two words, ends a sentence. */
static bool
sentence_end(const char *t, size_t a, size_t b)
{
	bool stop = false;
	size_t i;

	for (i = a; i < b; i++) {
		if (t[i] == '.' || t[i] == '?' || t[i] == '!')
			stop = true;
		else if (stop && (is_space(t[i]) || t[i] == '\n'))
			return true;
	}
	return false;
}

static void
tokenize_span(vctx *c, size_t a, size_t b)
{
	const char *t = c->text;
	size_t i = a, n, k, j;
	int32_t cp;
	bool br;

	while (i < b && !c->nomem) {
		if (t[i] == '[') {
			if ((k = inword_bracket(t, b, i, false)) != 0) {
				br = true;
				k = word_end(t, b, k, true, &br);
				push_tok(c, i, k, QT_WORD, QF_BRACKETED);
				i = k;
				continue;
			}
			{
				size_t lim = b - i > NOISE_MAX ? i + NOISE_MAX : b;
				const char *q = memchr(t + i, ']', lim - i);
				if (q) {
					j = (size_t)(q - t);
					k = skip_space(t, i + 1, j);
					if (k < j && match_ellipsis(t, k, j) ==
					                 trim_end(t, k, j) - k)
						push_tok(c, i, j + 1, QT_ELLIPSIS, 0);
					else
						push_tok(c, i, j + 1, QT_BRACKET, 0);
					i = j + 1;
					continue;
				}
			}
			i++;
			continue;
		}
		if ((k = match_ellipsis(t, i, b)) != 0) {
			push_tok(c, i, i + k, QT_ELLIPSIS, 0);
			i += k;
			continue;
		}
		cp = decode(t, b, i, &n);
		if (is_word_cp(cp)) {
			unsigned flags = 0;
			br = false;
			k = word_end(t, b, i, true, &br);
			if (br)
				flags |= QF_BRACKETED;
			if (c->ntok > 0 && c->tok[c->ntok - 1].kind == QT_WORD &&
			    utf8proc_isupper(cp) &&
			    sentence_end(t, c->tok[c->ntok - 1].end, i))
				flags |= QF_SENT;
			push_tok(c, i, k, QT_WORD, flags);
			i = k;
			continue;
		}
		i += n;
	}
}

/*
 * Split the tokens into pieces: at ellipses (gaps allowed), at sentence
 * starts when both sides have three words or more, and into chunks of
 * CHUNK_WORDS.  Sentences are located on their own because journalists
 * join sentences that the speaker did not say together; the chain then
 * finds whether they were adjacent (exact) or not (altered).
 */
static void
make_pieces(vctx *c)
{
	size_t i = 0, t0, words, *after;
	int before = B_START;
	piece *p;

	c->npc = 0;
	/* after[i]: words from token i to the next ellipsis */
	if (!grow((void **)&c->order, &c->caporder, c->ntok + 1,
	          sizeof(size_t))) {
		c->nomem = true;
		return;
	}
	after = c->order;
	after[c->ntok] = 0;
	for (i = c->ntok; i-- > 0;)
		after[i] = c->tok[i].kind == QT_ELLIPSIS
		                   ? 0
		                   : after[i + 1] + (c->tok[i].kind == QT_WORD);
	i = 0;
	while (i < c->ntok && !c->nomem) {
		if (c->tok[i].kind == QT_ELLIPSIS) {
			if (c->npc > 0)
				before = B_ELLIPSIS;
			i++;
			continue;
		}
		t0 = i;
		words = 0;
		/* tokens, not words, bound a chunk: a chunk of brackets must
		 * not make a wide alignment */
		while (i < c->ntok && c->tok[i].kind != QT_ELLIPSIS &&
		       i - t0 < CHUNK_WORDS) {
			if (c->tok[i].kind == QT_WORD && words >= 3 &&
			    (c->tok[i].flags & QF_SENT) && after[i] >= 3)
				break;
			if (c->tok[i].kind == QT_WORD) {
				/* the first letter of a span, of a piece after an
				 * ellipsis and of a sentence may change case */
				if (words == 0 && (before != B_JOIN ||
				                   (c->tok[i].flags & QF_SENT)))
					c->tok[i].flags |= QF_FIRST;
				words++;
			}
			i++;
		}
		if (words == 0)
			continue; /* only "[...]" insertions: nothing to find */
		if (!grow((void **)&c->pc, &c->cappc, c->npc + 1, sizeof(piece))) {
			c->nomem = true;
			return;
		}
		p = &c->pc[c->npc++];
		memset(p, 0, sizeof(*p));
		p->t0 = t0;
		p->t1 = i;
		p->nwords = words;
		p->before = before;
		p->chosen = -1;
		before = B_JOIN; /* a chunk boundary, unless an ellipsis follows */
	}
}

/* ---- candidate regions ------------------------------------------------- */

static void
vote(vctx *c, int64_t d, size_t j)
{
	if (!grow((void **)&c->votes, &c->capvotes, c->nvotes + 1,
	          sizeof(struct vote))) {
		c->nomem = true;
		return;
	}
	c->votes[c->nvotes].d = d;
	c->votes[c->nvotes].j = j;
	c->nvotes++;
}

static int
cmp_vote(const void *a, const void *b)
{
	const struct vote *x = a, *y = b;

	if (x->d != y->d)
		return (x->d > y->d) - (x->d < y->d);
	return (x->j > y->j) - (x->j < y->j);
}

typedef struct {
	size_t freq; /* size of the word's index bucket */
	size_t j;    /* position in the piece */
} wfreq;

static int
cmp_freq(const void *a, const void *b)
{
	const wfreq *x = a, *y = b;

	if (x->freq != y->freq)
		return (x->freq > y->freq) - (x->freq < y->freq);
	return (x->j > y->j) - (x->j < y->j);
}

static int
cmp_votes(const void *a, const void *b)
{
	const cluster *x = a, *y = b;

	if (x->votes != y->votes)
		return x->votes < y->votes ? 1 : -1;
	return (x->lo > y->lo) - (x->lo < y->lo);
}

static int
cmp_quick(const void *a, const void *b)
{
	const cluster *x = a, *y = b;

	if (x->quick != y->quick)
		return x->quick < y->quick ? 1 : -1;
	return cmp_votes(a, b);
}

/* The second half of find_regions()'s qw array. */
static size_t *
qw_seen(size_t *qw, size_t m)
{
	return qw + m;
}

/* Word tokens of piece p: their indices in c->order[0..m). */
static size_t
piece_words(vctx *c, const piece *p)
{
	size_t i, m = 0;

	if (!grow((void **)&c->order, &c->caporder, p->t1 - p->t0 + 1,
	          sizeof(size_t))) {
		c->nomem = true;
		return 0;
	}
	for (i = p->t0; i < p->t1; i++)
		if (c->tok[i].kind == QT_WORD)
			c->order[m++] = i;
	return m;
}

/* How well the piece's words stand at diagonal d: two points for a word
 * on the diagonal, one for a word shifted by up to two (a dropped or
 * added word shifts the rest). */
static size_t
quick_score(vctx *c, const size_t *qw, size_t m, int64_t d, size_t w0,
            size_t w1)
{
	const sword *w = c->s->w;
	size_t j, score = 0;
	int64_t k, pos;

	for (j = 0; j < m; j++) {
		pos = d + (int64_t)j;
		if (pos >= (int64_t)w0 && pos < (int64_t)w1 &&
		    w[pos].hash == c->tok[qw[j]].hash) {
			score += 2; /* on the diagonal */
			continue;
		}
		for (k = -2; k <= 2; k++) {
			pos = d + (int64_t)j + k;
			if (pos >= (int64_t)w0 && pos < (int64_t)w1 &&
			    w[pos].hash == c->tok[qw[j]].hash) {
				score++;
				break;
			}
		}
	}
	return score;
}

/*
 * Keep the QUICK_MAX clusters with most votes (ties: first in the source)
 * without sorting them all: a histogram of vote counts gives the cut.
 */
static bool
keep_top(vctx *c, size_t *ncl)
{
	size_t k, maxv = 0, cut, acc = 0, out = 0, *hist;

	for (k = 0; k < *ncl; k++)
		if (c->cl[k].votes > maxv)
			maxv = c->cl[k].votes;
	hist = calloc(maxv + 1, sizeof(size_t));
	if (!hist) {
		c->nomem = true;
		return false;
	}
	for (k = 0; k < *ncl; k++)
		hist[c->cl[k].votes]++;
	for (cut = maxv; cut > 0; cut--) {
		if (acc + hist[cut] >= QUICK_MAX)
			break;
		acc += hist[cut];
	}
	/* every cluster above the cut, then those at it in source order */
	for (k = 0; k < *ncl; k++)
		if (c->cl[k].votes > cut)
			c->cl[out++] = c->cl[k];
	for (k = 0; k < *ncl && out < QUICK_MAX; k++)
		if (c->cl[k].votes == cut)
			c->cl[out++] = c->cl[k];
	free(hist);
	*ncl = out;
	return true;
}

/*
 * A piece made only of very common words ("it is what it is"): every
 * occurrence of its rarest word j is scored by how many of the piece's
 * words stand on the same diagonal, and only the QUICK_MAX best vote.
 * Linear in that word's list, which is bounded by the source size.
 */
static void
common_votes(vctx *c, const size_t *qw, size_t m, size_t j, uint32_t h,
             size_t b)
{
	const quoth_sources *s = c->s;
	size_t e, k, n = 0, worst = 0, score;
	struct {
		size_t score;
		int64_t d;
	} top[QUICK_MAX];

	size_t stop = s->head[b + 1];

	/* past the call's budget, a bounded sample of the list */
	if (c->work > WORK_BUDGET && stop - s->head[b] > SMALL_BUDGET)
		stop = s->head[b] + SMALL_BUDGET;
	c->work += stop - s->head[b];
	for (e = s->head[b]; e < stop; e++) {
		size_t pos = s->post[e];
		int64_t d = (int64_t)pos - (int64_t)j;
		if (s->w[pos].hash != h)
			continue;
		score = 0;
		for (k = 0; k < m; k++) {
			int64_t g = d + (int64_t)k;
			if (g >= 0 && g < (int64_t)s->nw &&
			    s->w[g].hash == c->tok[qw[k]].hash)
				score++;
		}
		if (n < QUICK_MAX) {
			top[n].score = score;
			top[n].d = d;
			n++;
		} else if (score > top[worst].score) {
			top[worst].score = score;
			top[worst].d = d;
		} else {
			continue;
		}
		if (n == QUICK_MAX)
			for (worst = 0, k = 1; k < n; k++)
				if (top[k].score < top[worst].score)
					worst = k;
	}
	for (k = 0; k < n; k++)
		vote(c, top[k].d, j);
}

/*
 * Candidate regions of piece p: every occurrence of its rarer words votes
 * for a diagonal (source position minus position in the piece); nearby
 * diagonals form a cluster; the clusters with most votes get a quick
 * score, and the best NCAND are returned in c->cl[0..c->ncl).
 */
static void
find_regions(vctx *c, const piece *p)
{
	const quoth_sources *s = c->s;
	size_t m, j, k, b, used = 0, mask = s->nbuckets - 1, ncl = 0, budget;
	size_t *qw;
	wfreq *freq;
	int64_t tol, span;

	c->nvotes = 0;
	c->ncl = 0;
	if (s->nw == 0)
		return;
	m = piece_words(c, p);
	if (c->nomem || m == 0)
		return;
	freq = malloc(m * sizeof(wfreq));
	qw = malloc(2 * m * sizeof(size_t)); /* and qw_seen() */
	if (!freq || !qw) {
		free(freq);
		free(qw);
		c->nomem = true;
		return;
	}
	memcpy(qw, c->order, m * sizeof(size_t));
	for (j = 0; j < m; j++) {
		b = c->tok[qw[j]].hash & mask;
		freq[j].freq = s->head[b + 1] - s->head[b];
		freq[j].j = j;
	}
	qsort(freq, m, sizeof(wfreq), cmp_freq);
	for (k = 0; k < m && !c->nomem; k++) {
		uint32_t h;
		size_t e, f = freq[k].freq;
		bool common;

		j = freq[k].j;
		if (f == 0)
			continue;
		/* rare words place a piece; common ones only add work */
		budget = c->work > WORK_BUDGET ? SMALL_BUDGET : VOTE_BUDGET;
		if (used > 0 && (used + f > budget ||
		                 (k >= ANCHORS && used + f > VOTE_ENOUGH)))
			break;
		/* Only very common words: read the rarest one's whole list
		 * but keep the places where a neighbour matches too. */
		common = used == 0 && f > budget;
		h = c->tok[qw[j]].hash;
		b = h & mask;
		if (common) {
			common_votes(c, qw, m, j, h, b);
			break;
		}
		for (e = s->head[b]; e < s->head[b + 1]; e++) {
			size_t pos = s->post[e];
			if (s->w[pos].hash == h)
				vote(c, (int64_t)pos - (int64_t)j, j);
		}
		used += f;
		c->work += f;
	}
	free(freq);
	if (c->nomem || c->nvotes == 0) {
		free(qw);
		return;
	}
	qsort(c->votes, c->nvotes, sizeof(struct vote), cmp_vote);
	tol = 3 + (int64_t)m / 8;
	span = (int64_t)m + 8;
	/* A cluster counts the distinct piece words voting for it: ten
	 * "the"s near each other must not outweigh the place where every
	 * word of the piece stands.  seen[j] is the last cluster (+1) that
	 * word j voted for. */
	for (k = 0; k < m; k++)
		qw_seen(qw, m)[k] = 0;
	{
		size_t run = 0, best_run = 0, *seen = qw_seen(qw, m);
		for (k = 0; k < c->nvotes; k++) {
			int64_t d = c->votes[k].d;
			cluster *cl;
			if (ncl == 0 || d - c->cl[ncl - 1].hi > tol ||
			    d - c->cl[ncl - 1].lo > span) {
				if (!grow((void **)&c->cl, &c->capcl, ncl + 1,
				          sizeof(cluster))) {
					c->nomem = true;
					free(qw);
					return;
				}
				cl = &c->cl[ncl++];
				cl->lo = cl->hi = cl->best = d;
				cl->votes = 0;
				cl->quick = 0;
				run = best_run = 0;
			}
			cl = &c->cl[ncl - 1];
			run = (d == cl->hi) ? run + 1 : 1;
			cl->hi = d;
			if (seen[c->votes[k].j] != ncl) {
				seen[c->votes[k].j] = ncl;
				cl->votes++;
			}
			if (run > best_run) {
				best_run = run;
				cl->best = d;
			}
		}
	}
	if (ncl > QUICK_MAX && !keep_top(c, &ncl)) {
		free(qw);
		return;
	}
	qsort(c->cl, ncl, sizeof(cluster), cmp_votes);
	for (k = 0; k < ncl; k++) {
		int64_t mid = c->cl[k].best + (int64_t)m / 2;
		size_t g = mid < 0 ? 0 : (size_t)mid, si;
		if (g >= s->nw)
			g = s->nw - 1;
		si = source_of(s, g);
		c->cl[k].quick = quick_score(c, qw, m, c->cl[k].best,
		                             s->src[si].w0,
		                             s->src[si].w0 + s->src[si].nw);
	}
	qsort(c->cl, ncl, sizeof(cluster), cmp_quick);
	c->ncl = ncl > NCAND ? NCAND : ncl;
	free(qw);
}

/* ---- alignment ------------------------------------------------------------ */

/* Turn labels of one source compared without case ("Hegseth", "HEGSETH"). */
static bool
label_eq(const source *src, const smark *x, const smark *y)
{
	const char *a, *b;
	size_t i;

	if (x->len != y->len)
		return false;
	a = src->text + x->off;
	b = src->text + y->off;
	for (i = 0; i < x->len; i++)
		if (tolower((unsigned char)a[i]) != tolower((unsigned char)b[i]))
			return false;
	return true;
}

static int
cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return (x > y) - (x < y);
}

/*
 * The turn a passage in the window [wa, wb) belongs to: the one with most
 * words of the piece (ties: the turn of `anchor`), so that an interjection
 * inside the passage ("Q: Thank you.") is the other speaker, never the
 * speaker.  QUOTH_NONE when the source has no turns.
 */
static size_t
best_turn(vctx *c, const piece *p, const source *src, size_t wa, size_t wb,
          size_t anchor)
{
	const quoth_sources *s = c->s;
	size_t i, m = 0, t, next, best, nt = 0, k;
	uint32_t *hs;
	struct {
		size_t turn, count;
	} seen[16];

	best = mark_at(s->turn, src->t0, src->nt, anchor);
	if (src->nt == 0)
		return best;
	hs = malloc((p->t1 - p->t0) * sizeof(uint32_t));
	if (!hs) {
		c->nomem = true;
		return best;
	}
	for (i = p->t0; i < p->t1; i++)
		if (c->tok[i].kind == QT_WORD)
			hs[m++] = c->tok[i].hash;
	qsort(hs, m, sizeof(uint32_t), cmp_u32);
	t = mark_at(s->turn, src->t0, src->nt, wa);
	next = t == QUOTH_NONE ? src->t0 : t + 1;
	for (i = wa; i < wb; i++) {
		while (next < src->t0 + src->nt && s->turn[next].word <= i)
			t = next++;
		if (t == QUOTH_NONE ||
		    !bsearch(&s->w[i].hash, hs, m, sizeof(uint32_t), cmp_u32))
			continue;
		for (k = 0; k < nt && seen[k].turn != t; k++)
			;
		if (k == nt) {
			if (nt == sizeof seen / sizeof seen[0])
				continue;
			seen[nt].turn = t;
			seen[nt++].count = 0;
		}
		seen[k].count++;
	}
	free(hs);
	for (k = 0, i = 0; k < nt; k++) {
		if (seen[k].count > i ||
		    (seen[k].count == i && seen[k].turn == best)) {
			i = seen[k].count;
			best = seen[k].turn;
		}
	}
	return best;
}

static void
push_op(vctx *c, int op, size_t qi, size_t sw, size_t n)
{
	aop *o;

	if (!grow((void **)&c->ops, &c->capops, c->nops + 1, sizeof(aop))) {
		c->nomem = true;
		return;
	}
	o = &c->ops[c->nops++];
	o->op = (uint8_t)op;
	o->qi = (uint32_t)qi;
	o->sw = (uint32_t)sw;
	o->n = (uint32_t)n;
}

/*
 * Align piece p against the source words [wa, wb) (one source): an edit
 * distance with free start and end in the source ("fitting" alignment).
 * Substituting, adding or dropping a word costs 1; a bracketed insertion
 * stands for up to max(4, 2 x its words) source words for free; a word of
 * another speaker's turn (when the anchor's turn has a label) may be
 * skipped for free, so a quote joined across an interjection is whole.
 *
 *   C[0][j] = 0
 *   C[i][j] = min(C[i-1][j-1] + (q[i] != s[j]),  match / substitute
 *                 C[i-1][j] + 1,                  quote word added
 *                 C[i][j-1] + del[j])             source word dropped
 *   bracket: C[i][j] = min over k <= cap of C[i-1][j-k]
 */
static void
align_window(vctx *c, const piece *p, size_t si, size_t wa, size_t wb,
             size_t anchor, align *out)
{
	const quoth_sources *s = c->s;
	const source *src = &s->src[si];
	size_t R = p->t1 - p->t0, W = wb - wa, i, j, k, cells, cap, endj;
	size_t anchor_turn, t, next_turn;
	uint32_t *C, v, best;
	const smark *at = NULL;

	memset(out, 0, sizeof(*out));
	if (W == 0)
		return;
	if (!size_add(R, 1, &cells) || !size_mul(cells, W + 1, &cells) ||
	    !grow((void **)&c->dp, &c->capdp, cells, sizeof(uint32_t)) ||
	    !grow((void **)&c->delc, &c->capdelc, W, 1)) {
		c->nomem = true;
		return;
	}
	C = c->dp;
	/* deletion costs: free for other speakers' words */
	anchor_turn = best_turn(c, p, src, wa, wb, anchor);
	if (anchor_turn != QUOTH_NONE && s->turn[anchor_turn].len > 0)
		at = &s->turn[anchor_turn];
	t = mark_at(s->turn, src->t0, src->nt, wa);
	next_turn = t == QUOTH_NONE ? src->t0 : t + 1;
	for (j = 0; j < W; j++) {
		while (next_turn < src->t0 + src->nt &&
		       s->turn[next_turn].word <= wa + j)
			t = next_turn++;
		c->delc[j] = 1;
		if (at && t != QUOTH_NONE && s->turn[t].len > 0 &&
		    !label_eq(src, at, &s->turn[t]))
			c->delc[j] = 0;
	}
#define CELL(i_, j_) C[(i_) * (W + 1) + (j_)]
	for (j = 0; j <= W; j++)
		CELL(0, j) = 0;
	for (i = 1; i <= R; i++) {
		const qtok *q = &c->tok[p->t0 + i - 1];
		if (q->kind == QT_BRACKET) {
			cap = 4;
			for (j = 0; j <= W; j++) {
				v = CELL(i - 1, j);
				for (k = 1; k <= cap && k <= j; k++)
					if (CELL(i - 1, j - k) < v)
						v = CELL(i - 1, j - k);
				CELL(i, j) = v;
			}
			continue;
		}
		CELL(i, 0) = CELL(i - 1, 0) + 1;
		for (j = 1; j <= W; j++) {
			uint32_t sub = s->w[wa + j - 1].hash == q->hash ? 0 : 1;
			v = CELL(i - 1, j - 1) + sub;
			if (CELL(i - 1, j) + 1 < v)
				v = CELL(i - 1, j) + 1;
			if (CELL(i, j - 1) + c->delc[j - 1] < v)
				v = CELL(i, j - 1) + c->delc[j - 1];
			CELL(i, j) = v;
		}
	}
	best = CELL(R, 0);
	endj = 0;
	for (j = 1; j <= W; j++)
		if (CELL(R, j) < best) {
			best = CELL(R, j);
			endj = j;
		}
	/* traceback, preferring match/substitute, then added, then dropped */
	c->nops = 0;
	i = R;
	j = endj;
	while (i > 0 && !c->nomem) {
		size_t qi = p->t0 + i - 1;
		const qtok *q = &c->tok[qi];
		if (q->kind == QT_BRACKET) {
			for (k = 0; k <= 4 && k <= j; k++)
				if (CELL(i - 1, j - k) == CELL(i, j))
					break;
			if (k > j || k > 4)
				k = 0; /* cannot happen: the fill took one of these */
			push_op(c, OP_BRK, qi, wa + j - k, k);
			j -= k;
			i--;
			continue;
		}
		if (j > 0) {
			uint32_t sub = s->w[wa + j - 1].hash == q->hash ? 0 : 1;
			if (CELL(i, j) == CELL(i - 1, j - 1) + sub) {
				push_op(c, sub ? OP_SUB : OP_MATCH, qi, wa + j - 1, 0);
				i--;
				j--;
				continue;
			}
		}
		if (CELL(i, j) == CELL(i - 1, j) + 1) {
			push_op(c, OP_INS, qi, 0, 0);
			i--;
			continue;
		}
		push_op(c, c->delc[j - 1] ? OP_DEL : OP_SKIP, 0, wa + j - 1, 0);
		j--;
	}
#undef CELL
	if (c->nomem)
		return;
	/* reverse into source order, dropping skips at the edges */
	{
		size_t lo = 0, hi = c->nops;
		while (hi > lo && c->ops[lo].op == OP_SKIP)
			lo++;
		while (hi > lo && c->ops[hi - 1].op == OP_SKIP)
			hi--;
		out->nops = hi - lo;
		out->ops = malloc((out->nops ? out->nops : 1) * sizeof(aop));
		if (!out->ops) {
			c->nomem = true;
			return;
		}
		for (k = 0; k < out->nops; k++)
			out->ops[k] = c->ops[hi - 1 - k];
	}
	out->src = si;
	out->a = QUOTH_NONE;
	out->b = 0;
	out->anchor = anchor;
	for (k = 0; k < out->nops; k++) {
		const aop *o = &out->ops[k];
		size_t first = QUOTH_NONE, last = 0;
		switch (o->op) {
		case OP_MATCH:
			out->matched++;
			out->pw++;
			first = last = o->sw;
			break;
		case OP_SUB:
		case OP_DEL:
			out->pw++;
			first = last = o->sw;
			break;
		case OP_BRK:
			if (o->n > 0) {
				first = o->sw;
				last = o->sw + o->n - 1;
			}
			break;
		default:
			break;
		}
		if (first != QUOTH_NONE) {
			if (out->a == QUOTH_NONE)
				out->a = first;
			out->b = last + 1;
		}
	}
	if (out->a == QUOTH_NONE) {
		out->a = out->b = 0;
		out->matched = 0;
	} else {
		/* the turn of the first matched word names the speaker */
		for (k = 0; k < out->nops; k++)
			if (out->ops[k].op == OP_MATCH) {
				out->anchor = out->ops[k].sw;
				break;
			}
	}
	out->score = 2 * (long)out->matched - (long)(out->pw - out->matched);
}

static void
align_free(align *a)
{
	free(a->ops);
	a->ops = NULL;
	a->nops = 0;
}

/* Keep alignment `al` as a candidate of p unless it repeats one. */
static void
add_candidate(piece *p, align *al)
{
	size_t l;

	if (al->matched == 0 || p->ncand >= NCAND_MAX) {
		align_free(al);
		return;
	}
	for (l = 0; l < p->ncand; l++)
		if (p->cand[l].src == al->src && p->cand[l].a == al->a &&
		    p->cand[l].b == al->b) {
			align_free(al);
			return;
		}
	p->cand[p->ncand++] = *al;
}

/*
 * Find and align candidates for piece pi: the regions the index votes for,
 * and the text right after each candidate of the previous piece (so that a
 * sentence or an ellipsis piece made of common words is still found where
 * it continues the quote).
 */
static void
locate_piece(vctx *c, size_t pi)
{
	const quoth_sources *s = c->s;
	piece *p = &c->pc[pi];
	size_t k, m = p->nwords, slack, si, wa, wb, maxw;
	int64_t lo, hi, mid;
	align al;

	find_regions(c, p);
	if (c->nomem)
		return;
	slack = 4 + m / 4;
	for (k = 0; k < p->t1 - p->t0 && slack < SLACK_MAX; k++)
		if (c->tok[p->t0 + k].kind == QT_BRACKET)
			slack += 4;
	if (pi > 0) {
		const piece *q = &c->pc[pi - 1];
		/* an ellipsis may cut a paragraph or two: look that far for
		 * the next piece, which may be a word or two found anywhere */
		size_t reach = m + slack + (p->before == B_ELLIPSIS ? 2 * m + 400 : 8);
		for (k = 0; k < q->ncand && !c->nomem; k++) {
			const source *src = &s->src[q->cand[k].src];
			wa = q->cand[k].b;
			wb = wa + reach;
			if (wb > src->w0 + src->nw)
				wb = src->w0 + src->nw;
			if (wb <= wa)
				continue;
			align_window(c, p, q->cand[k].src, wa, wb, q->cand[k].anchor,
			             &al);
			if (!c->nomem)
				add_candidate(p, &al);
			else
				align_free(&al);
		}
	}
	for (k = 0; k < c->ncl && !c->nomem; k++) {
		const cluster *cl = &c->cl[k];
		const source *src;
		mid = cl->best + (int64_t)m / 2;
		if (mid < 0)
			mid = 0;
		if (mid >= (int64_t)s->nw)
			mid = (int64_t)s->nw - 1;
		si = source_of(s, (size_t)mid);
		src = &s->src[si];
		lo = cl->lo - (int64_t)slack;
		hi = cl->hi + (int64_t)m + (int64_t)slack;
		if (lo < (int64_t)src->w0)
			lo = (int64_t)src->w0;
		if (hi > (int64_t)(src->w0 + src->nw))
			hi = (int64_t)(src->w0 + src->nw);
		if (hi <= lo)
			continue;
		wa = (size_t)lo;
		wb = (size_t)hi;
		maxw = 3 * m + 64;
		if (wb - wa > maxw) {
			/* centre the window on the best diagonal */
			size_t centre = (size_t)mid;
			wa = centre > wa + maxw / 2 ? centre - maxw / 2 : wa;
			if (wa + maxw < wb)
				wb = wa + maxw;
		}
		align_window(c, p, si, wa, wb, (size_t)mid, &al);
		if (c->nomem) {
			align_free(&al);
			return;
		}
		add_candidate(p, &al);
	}
}

/* ---- chaining pieces ---------------------------------------------------- */

/*
 * Words of source si in [a, b) that count as cut from the quote: those of
 * other speakers' turns (when the anchor's turn has a label) do not.
 * Counting stops at `limit`.
 */
static size_t
count_gap(vctx *c, size_t si, size_t a, size_t b, size_t anchor, size_t limit)
{
	const quoth_sources *s = c->s;
	const source *src = &s->src[si];
	size_t at = mark_at(s->turn, src->t0, src->nt, anchor), t, g, n = 0;

	if (at != QUOTH_NONE && s->turn[at].len == 0)
		at = QUOTH_NONE;
	if (b - a > GAP_SCAN)
		return limit; /* far apart: a long cut, whoever spoke */
	for (g = a; g < b && n < limit; g++) {
		if (at != QUOTH_NONE) {
			t = mark_at(s->turn, src->t0, src->nt, g);
			if (t != QUOTH_NONE && s->turn[t].len > 0 &&
			    !label_eq(src, &s->turn[at], &s->turn[t]))
				continue;
		}
		n++;
	}
	return n;
}

/*
 * Choose one candidate (or none) per piece so that the chosen passages lie
 * in one source, in the quote's order, maximising the summed scores.
 * best[i][k] = score(cand k of piece i) + the best compatible chain before.
 */
static void
chain_pieces(vctx *c)
{
	size_t P = c->npc, i, k, i2, k2, need, bi = 0, bk = 0;
	long top = 0, v;
	bool any = false;

	for (i = 0; i < P; i++)
		c->pc[i].chosen = -1;
	if (!size_mul(P, NCAND_MAX, &need) ||
	    !grow((void **)&c->chain, &c->capchain, need,
	          sizeof(struct chain_cell))) {
		c->nomem = true;
		return;
	}
	for (i = 0; i < P; i++) {
		for (k = 0; k < c->pc[i].ncand; k++) {
			const align *x = &c->pc[i].cand[k];
			long b0 = x->score;
			int pi = -1, pk = -1;
			/* bounded look-back keeps a quote of a thousand
			 * short sentences linear */
			for (i2 = i > CHAIN_BACK ? i - CHAIN_BACK : 0; i2 < i; i2++)
				for (k2 = 0; k2 < c->pc[i2].ncand; k2++) {
					const align *y = &c->pc[i2].cand[k2];
					if (y->src != x->src)
						continue;
					v = c->chain[i2 * NCAND_MAX + k2].best + x->score;
					/* pieces in another order than the source's
					 * (sentences swapped): allowed, at a cost */
					if (x->a < y->b) {
						if (x->b > y->a)
							continue; /* overlapping */
						v -= 4;
					}
					/* sentences that follow each other in the
					 * source beat the same words elsewhere */
					if (i2 + 1 == i && c->pc[i].before == B_JOIN &&
					    x->a >= y->b)
						v += count_gap(c, x->src, y->b, x->a, y->anchor,
						               1) == 0
						             ? 2
						             : -2;
					if (v > b0) {
						b0 = v;
						pi = (int)i2;
						pk = (int)k2;
					}
				}
			c->chain[i * NCAND_MAX + k].best = b0;
			c->chain[i * NCAND_MAX + k].pi = pi;
			c->chain[i * NCAND_MAX + k].pk = pk;
			if (!any || b0 > top) {
				any = true;
				top = b0;
				bi = i;
				bk = k;
			}
		}
	}
	if (!any)
		return;
	for (;;) {
		int pi, pk;
		c->pc[bi].chosen = (int)bk;
		pi = c->chain[bi * NCAND_MAX + bk].pi;
		pk = c->chain[bi * NCAND_MAX + bk].pk;
		if (pi < 0)
			break;
		bi = (size_t)pi;
		bk = (size_t)pk;
	}
}

/* ---- judging one span --------------------------------------------------- */

/* Same word apart from the case of its first letter. */
static bool
same_but_first(const char *a, size_t an, const char *b, size_t bn)
{
	size_t n1, n2;
	int32_t x, y;

	if (an == 0 || bn == 0)
		return false;
	x = decode(a, an, 0, &n1);
	y = decode(b, bn, 0, &n2);
	if (x < 0 || y < 0 || utf8proc_tolower(x) != utf8proc_tolower(y))
		return false;
	return an - n1 == bn - n2 && memcmp(a + n1, b + n2, an - n1) == 0;
}

/* Re-check the matches of a chosen alignment on their normal forms: the
 * case (OP_CASE) and, should two words share a hash, the word (OP_SUB). */
static void
recheck(vctx *c, align *al)
{
	const quoth_sources *s = c->s;
	const source *src = &s->src[al->src];
	size_t k, qn, sn;
	const char *qf, *sf;

	for (k = 0; k < al->nops; k++) {
		aop *o = &al->ops[k];
		const qtok *q;
		const sword *w;
		if (o->op != OP_MATCH)
			continue;
		q = &c->tok[o->qi];
		w = &s->w[o->sw];
		qf = norm_word(&c->nb1, c->text + q->start, q->end - q->start, true,
		               &qn);
		sf = norm_word(&c->nb2, src->text + w->start, w->end - w->start, true,
		               &sn);
		if (qn != sn || memcmp(qf, sf, qn) != 0) {
			o->op = OP_SUB;
			al->matched--;
			continue;
		}
		if (src->caseless || (q->flags & QF_BRACKETED))
			continue;
		qf = norm_word(&c->nb1, c->text + q->start, q->end - q->start, false,
		               &qn);
		sf = norm_word(&c->nb2, src->text + w->start, w->end - w->start,
		               false, &sn);
		if (qn == sn && memcmp(qf, sf, qn) == 0)
			continue;
		if ((q->flags & QF_FIRST) && same_but_first(qf, qn, sf, sn))
			continue;
		o->op = OP_CASE;
	}
}

/*
 * Writing words.  A quote word is shown as written, with the punctuation
 * that follows it up to the next word (white space runs become one
 * space), so the diff reads like the quote; a source word with the
 * punctuation glued to it.  Words written without white space between
 * them in their text ("well-known") stay glued.
 */
/* The glue slot of buffer b (the diff, the passage words and the pending
 * change block are written in turns, each keeps its own). */
static struct glue *
glue_of(vctx *c, const qbuf *b)
{
	size_t i;

	for (i = 0; i < QUOTH_ARRAY_LEN(c->glue); i++)
		if (c->glue[i].buf == b)
			return &c->glue[i];
	for (i = 0; i < QUOTH_ARRAY_LEN(c->glue); i++)
		if (!c->glue[i].buf) {
			c->glue[i].buf = b;
			return &c->glue[i];
		}
	return &c->glue[0]; /* cannot happen: four buffers */
}

static void
glue_reset(vctx *c)
{
	memset(c->glue, 0, sizeof(c->glue));
}

static void
put_text(vctx *c, qbuf *b, const char *text, size_t s, size_t e,
         const char *next)
{
	struct glue *g = glue_of(c, b);
	size_t i, run;

	if (!(g->at && g->at == text + s) && b->len > 0 &&
	    b->ptr[b->len - 1] != ' ')
		qbuf_putc(b, ' ');
	i = s;
	while (i < e) {
		run = i;
		while (run < e && !is_space(text[run]) && text[run] != '\n')
			run++;
		qbuf_put_utf8(b, text + i, run - i);
		if (run >= e)
			break;
		while (run < e && (is_space(text[run]) || text[run] == '\n'))
			run++;
		qbuf_putc(b, ' ');
		i = run;
	}
	g->at = next;
}

static void
quote_tok(vctx *c, qbuf *b, size_t qi)
{
	const char *t = c->text;
	size_t s = c->tok[qi].start, e, full;

	full = qi + 1 < c->ntok ? c->tok[qi + 1].start : c->span_b;
	if (qi == 0) /* an opening mark of a nested quote, say */
		s = skip_space(t, c->span_a, s);
	e = full;
	while (e > c->tok[qi].end && (is_space(t[e - 1]) || t[e - 1] == '\n'))
		e--;
	put_text(c, b, t, s, e,
	         e == full && qi + 1 < c->ntok ? t + full : NULL);
}

static void
src_word(vctx *c, qbuf *b, size_t g)
{
	const quoth_sources *s = c->s;
	const source *src = &s->src[source_of(s, g)];
	const char *t = src->text;
	size_t e = s->w[g].end, lim;

	lim = g + 1 < src->w0 + src->nw ? s->w[g + 1].start : src->len;
	while (e < lim && !is_space(t[e]) && t[e] != '\n' &&
	       !strchr("[(<{&", t[e]))
		e++;
	put_text(c, b, t, s->w[g].start, e, e == lim ? t + lim : NULL);
}

static void
put_mark(vctx *c, qbuf *b, const char *mark)
{
	if (b->len > 0 && b->ptr[b->len - 1] != ' ')
		qbuf_putc(b, ' ');
	qbuf_puts(b, mark);
	glue_of(c, b)->at = NULL;
}

static void
flush_change(vctx *c)
{
	if (c->dels.len) {
		put_mark(c, &c->diff, "[-");
		qbuf_put(&c->diff, c->dels.ptr, c->dels.len);
		qbuf_puts(&c->diff, "-]");
	}
	if (c->inss.len) {
		put_mark(c, &c->diff, "{+");
		qbuf_put(&c->diff, c->inss.ptr, c->inss.len);
		qbuf_puts(&c->diff, "+}");
	}
	c->dels.len = 0;
	c->inss.len = 0;
	glue_of(c, &c->dels)->at = NULL;
	glue_of(c, &c->inss)->at = NULL;
}

/* Diff and passage words of one piece's alignment. */
static void
render_align(vctx *c, const align *al)
{
	size_t k, n;

	for (k = 0; k < al->nops; k++) {
		const aop *o = &al->ops[k];
		switch (o->op) {
		case OP_MATCH:
			if (c->dels.len || c->inss.len)
				flush_change(c);
			quote_tok(c, &c->diff, o->qi);
			src_word(c, &c->words, o->sw);
			break;
		case OP_CASE:
		case OP_SUB:
			src_word(c, &c->dels, o->sw);
			quote_tok(c, &c->inss, o->qi);
			src_word(c, &c->words, o->sw);
			break;
		case OP_INS:
			quote_tok(c, &c->inss, o->qi);
			break;
		case OP_DEL:
			src_word(c, &c->dels, o->sw);
			src_word(c, &c->words, o->sw);
			break;
		case OP_BRK:
			for (n = 0; n < o->n; n++) {
				src_word(c, &c->dels, o->sw + n);
				src_word(c, &c->words, o->sw + n);
			}
			quote_tok(c, &c->inss, o->qi);
			break;
		default:
			break;
		}
	}
	flush_change(c);
}

/* A piece nothing was found for: all its words are added. */
static void
render_missing(vctx *c, const piece *p)
{
	size_t i;

	for (i = p->t0; i < p->t1; i++)
		quote_tok(c, &c->inss, i);
	flush_change(c);
}

static void
free_pieces(vctx *c)
{
	size_t i, k;

	for (i = 0; i < c->npc; i++)
		for (k = 0; k < c->pc[i].ncand; k++)
			align_free(&c->pc[i].cand[k]);
	c->npc = 0;
}

static bool
insert_ops(vctx *c, align *al, size_t at, const aop *ops, size_t n)
{
	aop *p;
	size_t total;

	if (!size_add(al->nops, n, &total) ||
	    !(p = realloc(al->ops, (total ? total : 1) * sizeof(aop)))) {
		c->nomem = true;
		return false;
	}
	memmove(p + at + n, p + at, (al->nops - at) * sizeof(aop));
	memcpy(p + at, ops, n * sizeof(aop));
	al->ops = p;
	al->nops = total;
	return true;
}

/* Whether source words g and g + 1 are in one turn, no sentence between. */
static bool
same_breath(vctx *c, const source *src, size_t g)
{
	const quoth_sources *s = c->s;
	size_t t1 = mark_at(s->turn, src->t0, src->nt, g);
	size_t t2 = mark_at(s->turn, src->t0, src->nt, g + 1);

	return t1 == t2 && !sentence_end(src->text, s->w[g].end, s->w[g + 1].start);
}

/*
 * The alignment starts and ends freely, so a word moved from just before
 * the passage into the quote ("Frankly, the people" -> "the people,
 * frankly,") shows only as added, and a leading "[The ministry]" seems to
 * replace nothing.  Widen the passage over such words, at most three on
 * each side and never past [lo, hi), so the diff shows what moved and
 * what the bracket stands for.
 */
static void
widen(vctx *c, align *al, size_t lo, size_t hi)
{
	const quoth_sources *s = c->s;
	const source *src = &s->src[al->src];
	size_t k, g, d, n;
	aop add[3];

	if (al->nops == 0 || c->nomem)
		return;
	/* a leading bracket stands for the word before, in the same
	 * sentence of the same turn */
	if (al->ops[0].op == OP_BRK && al->ops[0].n == 0 && al->a > lo &&
	    al->a > src->w0 && same_breath(c, src, al->a - 1)) {
		al->a--;
		al->ops[0].sw = (uint32_t)al->a;
		al->ops[0].n = 1;
	}
	for (k = 0; k < al->nops; k++) {
		const aop *o = &al->ops[k];
		uint32_t h;
		bool moved = false;
		if (o->op != OP_INS)
			continue;
		h = c->tok[o->qi].hash;
		for (d = 1; d <= 3 && !moved; d++) {
			if (al->a < lo + d || al->a < src->w0 + d ||
			    !same_breath(c, src, al->a - d))
				break;
			g = al->a - d;
			if (s->w[g].hash != h)
				continue;
			for (n = 0; n < d; n++) {
				add[n].op = OP_DEL;
				add[n].qi = 0;
				add[n].sw = (uint32_t)(g + n);
				add[n].n = 0;
			}
			if (!insert_ops(c, al, 0, add, d))
				return;
			al->a = g;
			al->pw += d;
			k += d;
			moved = true;
		}
		if (moved)
			continue;
		for (d = 0; d < 3; d++) {
			g = al->b + d;
			if (g >= hi || g >= src->w0 + src->nw ||
			    !same_breath(c, src, g - 1))
				break;
			if (s->w[g].hash != h)
				continue;
			for (n = 0; n <= d; n++) {
				add[n].op = OP_DEL;
				add[n].qi = 0;
				add[n].sw = (uint32_t)(al->b + n);
				add[n].n = 0;
			}
			if (!insert_ops(c, al, al->nops, add, d + 1))
				return;
			al->b = g + 1;
			al->pw += d + 1;
			break;
		}
	}
	/* Words added at either end in place of the speaker's words in the
	 * same sentence ("Europe must" -> "Ukraine must"): substitutions,
	 * so the diff names the word replaced. */
	for (k = 0; k < al->nops && al->ops[k].op == OP_INS; k++)
		;
	while (k-- > 0 && al->a > lo && al->a > src->w0 &&
	       same_breath(c, src, al->a - 1)) {
		al->ops[k].op = OP_SUB;
		al->ops[k].sw = (uint32_t)--al->a;
		al->pw++;
	}
	for (k = al->nops; k > 0 && al->ops[k - 1].op == OP_INS; k--)
		;
	for (; k < al->nops && al->b < hi && al->b < src->w0 + src->nw &&
	       same_breath(c, src, al->b - 1);
	     k++) {
		al->ops[k].op = OP_SUB;
		al->ops[k].sw = (uint32_t)al->b++;
		al->pw++;
	}
}

/* Show the words of source si in [a, b) that were cut without an
 * ellipsis (a few by name, more as "…"). */
static void
render_gap(vctx *c, size_t si, size_t a, size_t b, size_t anchor, size_t n)
{
	const quoth_sources *s = c->s;
	const source *src = &s->src[si];
	size_t at = mark_at(s->turn, src->t0, src->nt, anchor), g, t;

	if (c->dels.len || c->inss.len)
		flush_change(c);
	if (n > GAP_SHOWN) {
		put_mark(c, &c->diff, "[-…-]");
		put_mark(c, &c->words, "…");
		return;
	}
	if (at != QUOTH_NONE && s->turn[at].len == 0)
		at = QUOTH_NONE;
	for (g = a; g < b; g++) {
		if (at != QUOTH_NONE) {
			t = mark_at(s->turn, src->t0, src->nt, g);
			if (t != QUOTH_NONE && s->turn[t].len > 0 &&
			    !label_eq(src, &s->turn[at], &s->turn[t]))
				continue;
		}
		src_word(c, &c->dels, g);
		src_word(c, &c->words, g);
	}
	flush_change(c);
}

/*
 * Locate the verbatim span text[a..b) and judge it.  The diff and the
 * passage words are left in c->diff and c->words.
 */
static void
judge_span(vctx *c, size_t a, size_t b, span_res *r)
{
	size_t i, k, m = 0, matched = 0, pw = 0, first = QUOTH_NONE, last = 0;
	bool changed = false, elided = false;
	const align *prev = NULL;

	memset(r, 0, sizeof(*r));
	r->label = QUOTH_NONE;
	r->status = QUOTH_VERIFY_MISSING;
	c->diff.len = 0;
	c->words.len = 0;
	c->dels.len = 0;
	c->inss.len = 0;
	glue_reset(c);
	c->ntok = 0;
	c->span_a = a;
	c->span_b = b;
	tokenize_span(c, a, b);
	make_pieces(c);
	for (i = 0; i < c->npc && !c->nomem; i++)
		locate_piece(c, i);
	if (!c->nomem)
		chain_pieces(c);
	if (c->nomem) {
		free_pieces(c);
		return;
	}
	for (i = 0; i < c->ntok; i++)
		if (c->tok[i].kind == QT_BRACKET ||
		    (c->tok[i].kind == QT_WORD && (c->tok[i].flags & QF_BRACKETED)))
			elided = true;
	for (i = 0; i < c->npc; i++) {
		m += c->pc[i].nwords;
		if (c->pc[i].chosen >= 0) {
			if (first == QUOTH_NONE)
				first = i;
			last = i;
		}
	}
	/* widen the first and the last passage over moved words */
	if (first != QUOTH_NONE) {
		align *al = &c->pc[first].cand[c->pc[first].chosen];
		const source *src = &c->s->src[al->src];
		size_t hi = src->w0 + src->nw;
		recheck(c, al);
		if (last != first)
			hi = al->b; /* do not widen into the next piece */
		widen(c, al, src->w0, hi > al->b ? hi : al->b);
		if (last != first) {
			align *bl = &c->pc[last].cand[c->pc[last].chosen];
			recheck(c, bl);
			widen(c, bl, bl->a, src->w0 + src->nw);
		}
		for (i = first + 1; i < last; i++)
			if (c->pc[i].chosen >= 0)
				recheck(c, &c->pc[i].cand[c->pc[i].chosen]);
	}
	for (i = 0; i < c->npc && !c->nomem; i++) {
		piece *p = &c->pc[i];
		align *al;

		if (i > 0 && p->before == B_ELLIPSIS)
			put_mark(c, &c->diff, "…");
		if (p->chosen < 0) {
			changed = true;
			render_missing(c, p);
			continue;
		}
		al = &p->cand[p->chosen];
		for (k = 0; k < al->nops; k++)
			if (al->ops[k].op != OP_MATCH && al->ops[k].op != OP_SKIP &&
			    al->ops[k].op != OP_BRK)
				changed = true;
		if (prev && al->a < prev->b) {
			/* said in the other order */
			changed = true;
			if (c->dels.len || c->inss.len)
				flush_change(c);
			put_mark(c, &c->diff, "[-…-]");
			put_mark(c, &c->words, "…");
		} else if (prev && al->a > prev->b) {
			size_t gap = count_gap(c, al->src, prev->b, al->a, prev->anchor,
			                       GAP_SHOWN + 1);
			if (gap > 0 && p->before == B_ELLIPSIS) {
				elided = true;
				put_mark(c, &c->words, "…");
			} else if (gap > 0) {
				/* sentences joined that were apart; a few cut
				 * words count as dropped */
				changed = true;
				render_gap(c, al->src, prev->b, al->a, prev->anchor, gap);
				if (gap <= GAP_SHOWN)
					pw += gap;
			}
		}
		render_align(c, al);
		matched += al->matched;
		pw += al->pw;
		if (!r->found) {
			r->found = true;
			r->src = al->src;
			r->a = al->a;
			r->b = al->b;
			r->label = mark_at(c->s->turn, c->s->src[al->src].t0,
			                   c->s->src[al->src].nt, al->anchor);
		}
		if (al->a < r->a)
			r->a = al->a;
		if (al->b > r->b)
			r->b = al->b;
		prev = al;
	}
	if (c->diff.failed || c->words.failed || c->dels.failed ||
	    c->inss.failed)
		c->nomem = true;
	r->sim = m ? (double)matched / (double)(pw > m ? pw : m) : 0.0;
	if (!r->found || r->sim < 0.5 || m == 0) {
		r->status = QUOTH_VERIFY_MISSING;
		r->found = false;
		if (m == 0)
			r->sim = 0.0;
		c->diff.len = 0;
		c->words.len = 0;
		glue_reset(c);
		for (i = 0; i < c->npc; i++) {
			if (i > 0 && c->pc[i].before == B_ELLIPSIS)
				put_mark(c, &c->inss, "…");
			for (k = c->pc[i].t0; k < c->pc[i].t1; k++)
				quote_tok(c, &c->inss, k);
		}
		flush_change(c);
	} else if (changed) {
		r->status = QUOTH_VERIFY_ALTERED;
	} else if (elided) {
		r->status = QUOTH_VERIFY_ELIDED;
	} else {
		r->status = QUOTH_VERIFY_EXACT;
	}
	free_pieces(c);
}

/* ---- speakers ----------------------------------------------------------- */

#define NAME_WORDS 8
#define NAME_BYTES 64

typedef struct {
	char w[NAME_WORDS][NAME_BYTES];
	size_t len[NAME_WORDS];
	size_t n;
} name_words;

static void
split_name(normbuf *nb, const char *s, size_t n, name_words *out)
{
	size_t i = 0, k, fl, cpn;
	int32_t cp;
	const char *f;
	bool br;

	out->n = 0;
	while (i < n && out->n < NAME_WORDS) {
		cp = decode(s, n, i, &cpn);
		if (s[i] == '(')
			break; /* "(through interpreter)" */
		if (!is_word_cp(cp)) {
			i += cpn;
			continue;
		}
		br = false;
		k = word_end(s, n, i, false, &br);
		f = norm_word(nb, s + i, k - i, true, &fl);
		/* "sec." and "sec" alike: drop a final dot */
		while (fl > 0 && f[fl - 1] == '.')
			fl--;
		if (fl > NAME_BYTES)
			fl = NAME_BYTES;
		memcpy(out->w[out->n], f, fl);
		out->len[out->n] = fl;
		out->n++;
		i = k;
	}
}

static bool
word_is(const name_words *nw, size_t i, const char *w)
{
	return nw->len[i] == strlen(w) && memcmp(nw->w[i], w, nw->len[i]) == 0;
}

static bool
word_in(const name_words *nw, size_t i, const char *const *list)
{
	for (; *list; list++)
		if (word_is(nw, i, *list))
			return true;
	return false;
}

/* Drop titles and honorifics ("Secretary", "Mr", "Prime Minister") using
 * the extractor's lexicons; what remains is the name. */
static void
strip_titles(const quoth_extractor *ex, name_words *nw)
{
	static const char *const articles[] = {"the", NULL};
	size_t i, k, out = 0, j;
	char phrase[3 * NAME_BYTES + 2];

	for (i = 0; i < nw->n;) {
		size_t take = 0;
		if (word_in(nw, i, articles))
			take = 1;
		for (k = 3; k >= 1 && take == 0 && ex; k--) {
			size_t pl = 0;
			if (i + k > nw->n)
				continue;
			for (j = i; j < i + k; j++) {
				if (j > i)
					phrase[pl++] = ' ';
				memcpy(phrase + pl, nw->w[j], nw->len[j]);
				pl += nw->len[j];
			}
			if (lexicon_get(ex->data.lex[LEX_TITLES], phrase, pl) >= 0 ||
			    lexicon_get(ex->data.lex[LEX_HONORIFICS], phrase, pl) >= 0)
				take = k;
		}
		if (take) {
			i += take;
			continue;
		}
		if (out != i) {
			memcpy(nw->w[out], nw->w[i], nw->len[i]);
			nw->len[out] = nw->len[i];
		}
		out++;
		i++;
	}
	nw->n = out;
}

/* Whether `small` occurs as consecutive words of `big`. */
static bool
words_within(const name_words *small, const name_words *big)
{
	size_t i, j;

	if (small->n == 0 || small->n > big->n)
		return false;
	for (i = 0; i + small->n <= big->n; i++) {
		for (j = 0; j < small->n; j++)
			if (small->len[j] != big->len[i + j] ||
			    memcmp(small->w[j], big->w[i + j], small->len[j]) != 0)
				break;
		if (j == small->n)
			return true;
	}
	return false;
}

/*
 * Whether the label of a transcript turn names someone other than the
 * quote's speaker.  Labels that name nobody ("Speaker 1", "Unknown",
 * "A:", a bare title such as "THE PRESIDENT") never differ; a
 * questioner's label ("Q:", "REPORTER:", "MODERATOR:") differs from any
 * named speaker; names are the same when one contains the other or the
 * surnames agree.
 */
static bool
names_differ(vctx *c, const char *label, size_t ll, const char *spk,
             size_t sl)
{
	static const char *const asker[] = {
		"q", "question", "questioner", "reporter", "journalist",
		"interviewer", "moderator", "host", "audience", "crowd", "press",
		"member", NULL};
	static const char *const nobody[] = {
		"speaker", "unknown", "unidentified", "voice", "a", "answer",
		"male", "female", "man", "woman", "participant", "caller",
		"narrator", "multiple", "speakers", "interpreter", "translator",
		"announcer", "off", "camera", "mic", "all", NULL};
	name_words L, S;
	size_t i;
	bool only_asker = true, only_nobody = true;

	if (ll == 0 || sl == 0 || !spk)
		return false;
	split_name(&c->nb1, label, ll, &L);
	split_name(&c->nb1, spk, sl, &S);
	if (L.n == 0 || S.n == 0)
		return false;
	for (i = 0; i < L.n; i++) {
		if (!word_in(&L, i, asker) && !word_is(&L, i, "the"))
			only_asker = false;
		if (!word_in(&L, i, nobody) && !isdigit((unsigned char)L.w[i][0]))
			only_nobody = false;
	}
	if (only_asker) {
		for (i = 0; i < L.n; i++)
			if (!word_is(&L, i, "the") && !word_is(&L, i, "member")) {
				name_words one;
				one.n = 1;
				memcpy(one.w[0], L.w[i], L.len[i]);
				one.len[0] = L.len[i];
				if (words_within(&one, &S))
					return false;
			}
		return true;
	}
	if (only_nobody)
		return false;
	strip_titles(c->ex, &L);
	strip_titles(c->ex, &S);
	if (L.n == 0 || S.n == 0)
		return false; /* a title alone names nobody */
	if (words_within(&L, &S) || words_within(&S, &L))
		return false;
	if (L.len[L.n - 1] == S.len[S.n - 1] &&
	    memcmp(L.w[L.n - 1], S.w[S.n - 1], L.len[L.n - 1]) == 0)
		return false;
	return true;
}

/* ======================================================================
 * Checks
 * ====================================================================== */

typedef struct {
	quoth_verify_status status;
	double sim;
	size_t part, nparts;
	bool found;
	size_t src, start, end, line;
	bool mismatch;
	size_t off[QUOTH_CHECK_FIELD_COUNT_]; /* into the pool, or NONE */
	size_t len[QUOTH_CHECK_FIELD_COUNT_];
} check_item;

struct quoth_check {
	check_item *item;
	size_t n;
	qbuf pool;
};

static void
vctx_free(vctx *c)
{
	free_pieces(c);
	free(c->tok);
	free(c->pc);
	free(c->votes);
	free(c->cl);
	free(c->dp);
	free(c->delc);
	free(c->ops);
	free(c->order);
	free(c->chain);
	qbuf_free(&c->diff);
	qbuf_free(&c->words);
	qbuf_free(&c->dels);
	qbuf_free(&c->inss);
	free(c);
}

static void
pool_str(quoth_check *chk, check_item *it, int f, const char *s, size_t n)
{
	/* every field is valid UTF-8 whatever the source held: invalid
	 * bytes (or a label cut inside a character) become U+FFFD */
	it->off[f] = chk->pool.len;
	qbuf_put_utf8(&chk->pool, s, n);
	it->len[f] = chk->pool.len - it->off[f];
	qbuf_putc(&chk->pool, '\0');
}

static int
rank(quoth_verify_status s)
{
	return (int)s; /* exact < elided < altered < missing */
}

/*
 * Judge one quote from its verbatim spans se[0..2n) and fill `it`.
 * The reported passage is that of the first span found, widened to the
 * other found spans in the same source; diffs and words of the spans are
 * joined by " | ".
 */
static void
check_quote(vctx *c, quoth_check *chk, check_item *it, const size_t *se,
            size_t n, const char *spk, size_t sl)
{
	qbuf diff = {0}, words = {0};
	size_t k, f;
	span_res r, first = {0};
	bool have = false, worst_set = false;
	const quoth_sources *s = c->s;

	for (f = 0; f < QUOTH_CHECK_FIELD_COUNT_; f++) {
		it->off[f] = QUOTH_NONE;
		it->len[f] = 0;
	}
	it->nparts = n;
	it->status = QUOTH_VERIFY_MISSING;
	it->sim = 0.0;
	it->part = 0;
	for (k = 0; k < n && !c->nomem; k++) {
		judge_span(c, se[2 * k], se[2 * k + 1], &r);
		if (c->nomem)
			break;
		if (r.found && r.label != QUOTH_NONE) {
			const smark *m = &s->turn[r.label];
			if (m->len > 0 &&
			    names_differ(c, s->src[r.src].text + m->off, m->len, spk, sl))
				r.mismatch = true;
		}
		if (!worst_set || rank(r.status) > rank(it->status) ||
		    (r.status == it->status && r.sim < it->sim)) {
			worst_set = true;
			it->status = r.status;
			it->sim = r.sim;
			it->part = k;
		}
		if (r.found) {
			if (!have) {
				have = true;
				first = r;
			} else if (r.src == first.src) {
				if (r.a < first.a)
					first.a = r.a;
				if (r.b > first.b)
					first.b = r.b;
			}
			if (r.mismatch)
				it->mismatch = true;
		}
		if (k > 0) {
			qbuf_puts(&diff, " | ");
			if (words.len)
				qbuf_puts(&words, " | ");
		}
		qbuf_put(&diff, c->diff.ptr ? c->diff.ptr : "", c->diff.len);
		if (c->words.len)
			qbuf_put(&words, c->words.ptr, c->words.len);
	}
	if (!c->nomem && have) {
		const source *src = &s->src[first.src];
		size_t m;
		it->found = true;
		it->src = first.src;
		it->start = s->w[first.a].start;
		it->end = s->w[first.b - 1].end;
		it->line = line_of(src, it->start);
		pool_str(chk, it, QUOTH_CHECK_SOURCE, src->name, strlen(src->name));
		m = mark_at(s->ts, src->s0, src->ns, first.a);
		if (m != QUOTH_NONE)
			pool_str(chk, it, QUOTH_CHECK_TIMESTAMP, src->text + s->ts[m].off,
			         s->ts[m].len);
		if (first.label != QUOTH_NONE && s->turn[first.label].len > 0)
			pool_str(chk, it, QUOTH_CHECK_SPEAKER_LABEL,
			         src->text + s->turn[first.label].off,
			         s->turn[first.label].len);
		pool_str(chk, it, QUOTH_CHECK_SOURCE_WORDS, words.ptr ? words.ptr : "",
		         words.len);
	}
	if (!c->nomem)
		pool_str(chk, it, QUOTH_CHECK_DIFF, diff.ptr ? diff.ptr : "", diff.len);
	if (diff.failed || words.failed)
		c->nomem = true;
	qbuf_free(&diff);
	qbuf_free(&words);
}

static quoth_status
check_new(quoth_sources *src, size_t n, quoth_check **chk, vctx **ctx,
          quoth_error *err)
{
	quoth_status st;

	*chk = NULL;
	*ctx = NULL;
	if ((st = quoth_sources_index(src, err)) != QUOTH_OK)
		return st;
	*chk = calloc(1, sizeof(**chk));
	*ctx = calloc(1, sizeof(**ctx));
	if (!*chk || !*ctx ||
	    (n > 0 && !((*chk)->item = calloc(n, sizeof(check_item))))) {
		free(*chk ? (*chk)->item : NULL);
		free(*chk);
		free(*ctx);
		*chk = NULL;
		*ctx = NULL;
		set_error(err, QUOTH_ERR_NOMEM, "out of memory");
		return QUOTH_ERR_NOMEM;
	}
	(*chk)->n = n;
	(*ctx)->s = src;
	return QUOTH_OK;
}

static quoth_status
check_done(quoth_check *chk, vctx *ctx, quoth_check **out, quoth_error *err)
{
	bool nomem = ctx->nomem || chk->pool.failed;

	vctx_free(ctx);
	if (nomem) {
		quoth_check_free(chk);
		set_error(err, QUOTH_ERR_NOMEM, "out of memory");
		return QUOTH_ERR_NOMEM;
	}
	*out = chk;
	return QUOTH_OK;
}

quoth_status
quoth_verify(const quoth_extractor *ex, quoth_sources *src, const char *text,
             size_t len, const quoth_result *r, unsigned flags,
             quoth_check **out, quoth_error *err)
{
	quoth_check *chk;
	vctx *c;
	quoth_status st;
	size_t i, k, n, nv, *se = NULL, capse = 0;

	if (!src || !r || !out || (!text && len > 0)) {
		set_error(err, QUOTH_ERR_ARG, "quoth_verify: missing argument");
		return QUOTH_ERR_ARG;
	}
	n = quoth_result_count(r);
	/* Every span must lie inside the text given, checked up front so
	 * that a wrong text fails cleanly instead of reading out of bounds. */
	for (i = 0; i < n; i++) {
		size_t a, b;
		if (quoth_quote_span(r, i, QUOTH_SPAN_QUOTE, &a, &b) && b > len) {
			set_error(err, QUOTH_ERR_ARG,
			          "quoth_verify: the result is not from this text");
			return QUOTH_ERR_ARG;
		}
		nv = quoth_quote_nverbatim(r, i);
		for (k = 0; k < nv; k++) {
			quoth_quote_verbatim(r, i, k, &a, &b);
			if (b > len || a > b) {
				set_error(err, QUOTH_ERR_ARG,
				          "quoth_verify: the result is not from this text");
				return QUOTH_ERR_ARG;
			}
		}
	}
	if ((st = check_new(src, n, &chk, &c, err)) != QUOTH_OK)
		return st;
	c->ex = ex;
	c->text = text;
	c->len = len;
	for (i = 0; i < n && !c->nomem; i++) {
		check_item *it = &chk->item[i];
		quoth_type type = quoth_quote_type(r, i);
		size_t sl = 0, a, b;
		const char *spk = quoth_quote_str(r, i, QUOTH_FIELD_SPEAKER, &sl);

		nv = quoth_quote_nverbatim(r, i);
		if (type == QUOTH_INDIRECT || nv == 0) {
			if (type == QUOTH_INDIRECT && !(flags & QUOTH_VERIFY_ALL)) {
				for (k = 0; k < QUOTH_CHECK_FIELD_COUNT_; k++)
					it->off[k] = QUOTH_NONE;
				it->status = QUOTH_VERIFY_INDIRECT;
				it->sim = -1.0;
				it->nparts = 0;
				continue;
			}
			if (!quoth_quote_span(r, i, QUOTH_SPAN_QUOTE, &a, &b))
				a = b = 0;
			if (!grow((void **)&se, &capse, 2, sizeof(size_t))) {
				c->nomem = true;
				break;
			}
			se[0] = a;
			se[1] = b;
			nv = 1;
		} else {
			if (!size_mul(nv, 2, &k) ||
			    !grow((void **)&se, &capse, k, sizeof(size_t))) {
				c->nomem = true;
				break;
			}
			for (k = 0; k < nv; k++)
				quoth_quote_verbatim(r, i, k, &se[2 * k], &se[2 * k + 1]);
		}
		check_quote(c, chk, it, se, nv, spk, sl);
	}
	free(se);
	return check_done(chk, c, out, err);
}

quoth_status
quoth_verify_quote(const quoth_extractor *ex, quoth_sources *src,
                   const char *text, size_t len, const size_t *spans,
                   size_t n, const char *speaker, size_t speaker_len,
                   quoth_check **out, quoth_error *err)
{
	quoth_check *chk;
	vctx *c;
	quoth_status st;
	size_t k;

	if (!src || !out || (!text && len > 0) || (!spans && n > 0)) {
		set_error(err, QUOTH_ERR_ARG, "quoth_verify_quote: missing argument");
		return QUOTH_ERR_ARG;
	}
	for (k = 0; k < n; k++)
		if (spans[2 * k] > spans[2 * k + 1] || spans[2 * k + 1] > len) {
			set_error(err, QUOTH_ERR_ARG,
			          "quoth_verify_quote: span outside the text");
			return QUOTH_ERR_ARG;
		}
	if ((st = check_new(src, 1, &chk, &c, err)) != QUOTH_OK)
		return st;
	c->ex = ex;
	c->text = text;
	c->len = len;
	check_quote(c, chk, &chk->item[0], spans, n, speaker,
	            speaker ? speaker_len : 0);
	return check_done(chk, c, out, err);
}

void
quoth_check_free(quoth_check *c)
{
	if (!c)
		return;
	free(c->item);
	qbuf_free(&c->pool);
	free(c);
}

size_t
quoth_check_count(const quoth_check *c)
{
	return c ? c->n : 0;
}

quoth_verify_status
quoth_check_status(const quoth_check *c, size_t i)
{
	return c && i < c->n ? c->item[i].status : QUOTH_VERIFY_MISSING;
}

const char *
quoth_verify_status_name(quoth_verify_status s)
{
	switch (s) {
	case QUOTH_VERIFY_EXACT:
		return "exact";
	case QUOTH_VERIFY_ELIDED:
		return "elided";
	case QUOTH_VERIFY_ALTERED:
		return "altered";
	case QUOTH_VERIFY_MISSING:
		return "missing";
	case QUOTH_VERIFY_INDIRECT:
		return "indirect";
	}
	return "unknown";
}

double
quoth_check_similarity(const quoth_check *c, size_t i)
{
	return c && i < c->n ? c->item[i].sim : -1.0;
}

size_t
quoth_check_part(const quoth_check *c, size_t i, size_t *nparts)
{
	if (!c || i >= c->n) {
		if (nparts)
			*nparts = 0;
		return 0;
	}
	if (nparts)
		*nparts = c->item[i].nparts;
	return c->item[i].part;
}

int
quoth_check_source(const quoth_check *c, size_t i, size_t *src,
                   size_t *start, size_t *end, size_t *line)
{
	const check_item *it;

	if (!c || i >= c->n || !c->item[i].found)
		return 0;
	it = &c->item[i];
	if (src)
		*src = it->src;
	if (start)
		*start = it->start;
	if (end)
		*end = it->end;
	if (line)
		*line = it->line;
	return 1;
}

const char *
quoth_check_str(const quoth_check *c, size_t i, quoth_check_field f,
                size_t *len)
{
	const check_item *it;

	if (len)
		*len = 0;
	if (!c || i >= c->n || (unsigned)f >= QUOTH_CHECK_FIELD_COUNT_)
		return NULL;
	it = &c->item[i];
	if (it->off[f] == QUOTH_NONE || !c->pool.ptr)
		return NULL;
	if (len)
		*len = it->len[f];
	return c->pool.ptr + it->off[f];
}

int
quoth_check_speaker_mismatch(const quoth_check *c, size_t i)
{
	return c && i < c->n && c->item[i].mismatch ? 1 : 0;
}
