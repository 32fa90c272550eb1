/*
 * verify_source.c: the source set, verify's second stage.
 *
 * Reads source texts (transcripts in plain text, WebVTT or SRT, press
 * releases, earlier stories) and writes, per quoth_sources set, the
 * words of every source with their byte spans and hashes
 * (verify_words.c), the speaker turns ("HEGSETH:", "<v Pete Hegseth>",
 * ">>") and timestamps that apply from a word on, the line starts, and
 * one word index over the whole set:
 *
 *   source text -> lines -> (format: plain / WebVTT / SRT) -> words with
 *   byte span, speaker turn and timestamp -> one word index over the set
 *
 * Cost: adding a source is linear in its size (one pass to split words,
 * one counting pass to index them); lookups are binary searches.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "verify_source.h"

#define LABEL_MAX 64  /* longest speaker label before its colon */
#define PAREN_MAX 120 /* longest (stage direction) */
#define TS_MAX 40     /* longest timestamp text kept */
#define MAX_SOURCE_BYTES ((size_t)UINT32_MAX)
#define MAX_WORDS ((size_t)UINT32_MAX - 2)

void
qt_set_error(quoth_error *err, quoth_status st, const char *msg)
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
	size_t ncolon;       /* "NAME:" labels seen */
	size_t lower, upper; /* ASCII letters seen in words */
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
	if (!qt_grow((void **)&set->w, &set->capw, set->nw + 1,
	             sizeof(sword))) {
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
	set->w[set->nw].hash = qt_word_hash(&p->nb, p->t + a, b - a);
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
		if (!qt_grow((void **)arr, cap, *n + 1, sizeof(smark))) {
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
	} else if (j < end && !qt_is_space(t[j])) {
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
match_label(const char *t, size_t i, size_t end, bool subtitle, size_t *la,
            size_t *lb, size_t *ta, size_t *tb)
{
	size_t j = i, ntok = 0, n, k, a, b;
	bool paren = false;
	int32_t cp;

	*la = *lb = i;
	*ta = *tb = 0;
	while (j < end && j - i <= LABEL_MAX) {
		if (t[j] == ':')
			break;
		if (qt_is_space(t[j])) {
			j++;
			continue;
		}
		if (t[j] == '(' && ntok > 0) {
			const char *c = memchr(t + j, ')', end - j);
			if (!c || (size_t)(c - t) - j > 40)
				goto dot_label;
			if (match_ts(t, j, end, &a, &b) ==
			    (size_t)(c - t) - j + 1) {
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
		    qt_skip_space(t, j + k, end) == end) {
			*ta = a;
			*tb = b;
			return end;
		}
		k = j;
		while (k < end && !qt_is_space(t[k]) && t[k] != ':' &&
		       t[k] != '(')
			k++;
		cp = qt_decode(t, end, j, &n);
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
				cp = qt_decode(t, k, q, &n);
				if (!qt_is_word_cp(cp) && cp != '.' &&
				    cp != '-' && !qt_is_apos(cp))
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
	/* subtitles: "<i>HOST:</i> Welcome" closes the markup after it */
	if (j + 1 < end && !qt_is_space(t[j + 1]) &&
	    !(subtitle && t[j + 1] == '<'))
		goto dot_label;
	return j + 1;
dot_label:
	/* "Q. How do you..." / "A. We will..." */
	if (end - i >= 2 && (t[i] == 'Q' || t[i] == 'A') && t[i + 1] == '.' &&
	    (end - i == 2 || qt_is_space(t[i + 2]))) {
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
	if (i + 2 < b && t[i + 1] == 'v' &&
	    (t[i + 2] == ' ' || t[i + 2] == '.')) {
		a = i + 2;
		while (a < b && !qt_is_space(t[a]))
			a++; /* classes: <v.loud Name> */
		a = qt_skip_space(t, a, b);
		while (b > a && qt_is_space(t[b - 1]))
			b--;
		if (b > a)
			push_mark(p, true, a,
			          b - a > LABEL_MAX ? LABEL_MAX : b - a,
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
		if (qt_ascii_alnum(uc)) {
			br = false;
			k = qt_word_end(t, end, i, true, &br);
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
			if (qt_inword_bracket(t, end, i, false) == 0 &&
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
		} else if (subtitle && c == '{' && i + 1 < end &&
		           t[i + 1] == '\\') {
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
			while (k < end && k - i < 10 &&
			       isalnum((unsigned char)t[k]))
				k++;
			if (k < end && t[k] == ';' && k > i + 1) {
				i = k + 1;
				continue;
			}
		}
		cp = qt_decode(t, end, i, &n);
		if (qt_is_word_cp(cp) ||
		    (c == '[' && qt_inword_bracket(t, end, i, false))) {
			br = false;
			k = qt_word_end(
			        t, end,
			        c == '[' ? qt_inword_bracket(t, end, i, false)
			                 : i,
			        true, &br);
			push_word(p, i, k);
			i = k;
			continue;
		}
		i += n;
	}
}

/* Subtitle style markup at t[i]: "<i>", "<b>", "<font color=...>",
 * "{\an8}" (not a "<v Name>" voice, which starts a turn).  Returns the
 * offset after it, or 0. */
static size_t
style_markup(const char *t, size_t i, size_t end)
{
	const char *c;
	size_t lim = end - i > NOISE_MAX ? i + NOISE_MAX : end;

	if (end - i < 3)
		return 0;
	if (t[i] == '{' && t[i + 1] == '\\')
		c = memchr(t + i, '}', lim - i);
	else if (t[i] == '<' &&
	         !(t[i + 1] == 'v' && (t[i + 2] == ' ' || t[i + 2] == '.')))
		c = memchr(t + i, '>', lim - i);
	else
		return 0;
	return c ? (size_t)(c - t) + 1 : 0;
}

/* One line t[a..b) (without its line end). */
static void
parse_line(parser *p, size_t a, size_t b, bool subtitle)
{
	const char *t = p->t;
	size_t i = qt_skip_space(t, a, b), k, la, lb, ta, tb;

	for (;;) {
		if (i < b && (k = match_ts(t, i, b, &ta, &tb)) != 0) {
			push_ts(p, ta, tb);
			i = qt_skip_space(t, i + k, b);
		} else if (b - i >= 2 && t[i] == '>' && t[i + 1] == '>') {
			/* caption speaker change, name unknown */
			push_mark(p, true, i, 0, MARK_CHANGE);
			i = qt_skip_space(t, i + 2, b);
		} else if (subtitle && b - i >= 2 && t[i] == '-' &&
		           t[i + 1] == ' ') {
			push_mark(p, true, i, 0, MARK_CHANGE);
			i = qt_skip_space(t, i + 1, b);
		} else if (subtitle && (k = style_markup(t, i, b)) != 0) {
			/* "<i>HOST:</i> ...", "{\an8}HOST: ...": the label
			 * is inside */
			i = qt_skip_space(t, k, b);
		} else {
			break;
		}
	}
	if (i < b &&
	    (k = match_label(t, i, b, subtitle, &la, &lb, &ta, &tb)) != 0) {
		push_mark(p, true, la, lb - la, MARK_COLON);
		p->ncolon++;
		if (ta < tb)
			push_ts(p, ta, tb);
		i = qt_skip_space(t, k, b);
		if (i < b && (k = match_ts(t, i, b, &ta, &tb)) != 0) {
			push_ts(p, ta, tb);
			i = qt_skip_space(t, i + k, b);
		}
	}
	scan_words(p, i, b, subtitle);
}

static bool
line_blank(const char *t, size_t a, size_t b)
{
	return qt_skip_space(t, a, b) == b;
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

static bool
starts_word(const char *t, size_t a, size_t b, const char *w)
{
	size_t n = strlen(w);

	return b - a >= n && memcmp(t + a, w, n) == 0 &&
	       (b - a == n || qt_is_space(t[a + n]));
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
		b = qt_trim_end(t, a, e);
		i = e < len ? e + 1 : len;
		if (line_blank(t, a, b)) {
			block_start = true;
			skipping = false;
			continue;
		}
		if (skipping)
			continue;
		if (block_start && vtt &&
		    (starts_word(t, a, b, "NOTE") ||
		     starts_word(t, a, b, "STYLE") ||
		     starts_word(t, a, b, "REGION"))) {
			skipping = true;
			continue;
		}
		if (has_arrow(t, a, b, &at)) {
			size_t ta = qt_skip_space(t, a, at),
			       tb = qt_trim_end(t, ta, at);
			push_ts(p, ta, tb);
			block_start = false;
			continue;
		}
		if (block_start && i < len) {
			ne = line_end(t, i, len);
			nb = qt_trim_end(t, i, ne);
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
		parse_line(p, i, qt_trim_end(t, i, e), false);
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
	    (len - i == 6 || qt_is_space(t[i + 6]) || t[i + 6] == '\n'))
		return QUOTH_SOURCE_WEBVTT;
	e = line_end(t, i, len);
	b = qt_trim_end(t, i, e);
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

	if (!qt_grow((void **)&src->lines, &cap, 1, sizeof(uint32_t)))
		return false;
	src->lines[0] = 0;
	while (i < src->len &&
	       (c = memchr(src->text + i, '\n', src->len - i))) {
		i = (size_t)(c - src->text) + 1;
		if (!qt_grow((void **)&src->lines, &cap, n + 1,
		             sizeof(uint32_t)))
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
		qt_set_error(err, QUOTH_ERR_ARG, "no source set or text");
		return QUOTH_ERR_ARG;
	}
	if (len >= MAX_SOURCE_BYTES) {
		qt_set_error(err, QUOTH_ERR_LIMIT,
		             "source text larger than 4 GiB");
		return QUOTH_ERR_LIMIT;
	}
	if (!qt_grow((void **)&s->src, &s->capsrc, s->nsrc + 1, sizeof(source)))
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
	if (st == QUOTH_OK && p->ncolon < 2 &&
	    src->format == QUOTH_SOURCE_PLAIN) {
		/* One "WASHINGTON:" or "Note:" does not make a labelled
		 * plain transcript; a transcript has turns.  In subtitles a
		 * cue that begins "NAME:" is a label, even the only one. */
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
		qt_set_error(err, st,
		             st == QUOTH_ERR_LIMIT
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
	qt_set_error(err, QUOTH_ERR_NOMEM, "out of memory");
	return QUOTH_ERR_NOMEM;
}

/* ---- index ---------------------------------------------------------- */

quoth_status
quoth_sources_index(quoth_sources *s, quoth_error *err)
{
	size_t nb = 1024, b, p, mask;
	uint32_t *head, *post;

	if (!s) {
		qt_set_error(err, QUOTH_ERR_ARG, "no source set");
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
		qt_set_error(err, QUOTH_ERR_NOMEM, "out of memory");
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
size_t
qt_source_of(const quoth_sources *s, size_t g)
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
size_t
qt_mark_at(const smark *arr, size_t first, size_t n, size_t g)
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

size_t
qt_line_of(const source *src, size_t off)
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
	w->line = qt_line_of(src, sw->start);
	w->label = NULL;
	w->label_len = 0;
	w->timestamp = NULL;
	w->timestamp_len = 0;
	m = qt_mark_at(s->turn, src->t0, src->nt, g);
	if (m != QUOTH_NONE && s->turn[m].len > 0) {
		w->label = src->text + s->turn[m].off;
		w->label_len = s->turn[m].len;
	}
	m = qt_mark_at(s->ts, src->s0, src->ns, g);
	if (m != QUOTH_NONE) {
		w->timestamp = src->text + s->ts[m].off;
		w->timestamp_len = s->ts[m].len;
	}
	return 1;
}

/* Turn labels of one source compared without case ("Hegseth", "HEGSETH"). */
bool
qt_label_eq(const source *src, const smark *x, const smark *y)
{
	const char *a, *b;
	size_t i;

	if (x->len != y->len)
		return false;
	a = src->text + x->off;
	b = src->text + y->off;
	for (i = 0; i < x->len; i++)
		if (tolower((unsigned char)a[i]) !=
		    tolower((unsigned char)b[i]))
			return false;
	return true;
}
