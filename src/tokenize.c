/*
 * tokenize.c: UTF-8 text -> tokens with byte spans and classes.
 *
 * Character classes come from utf8proc (letters, digits, marks, spaces);
 * an ASCII fast path avoids the property lookup for the common case.
 * White space is not emitted: it sets TF_SPACE_BEFORE/AFTER on the
 * neighbouring tokens.  Line breaks are emitted, and a run of line breaks
 * holding a blank line becomes one TK_PARA token; in a document without
 * any blank line every line break is a TK_PARA (SPEC: then every line is a
 * paragraph).
 *
 * Apostrophes are resolved here when the word around them decides it
 * (Ukraine's, shouldn't, '90s, rock 'n' roll); a mark at a word's end
 * (farmers' market) stays a TK_QUOTE for quotes.c, which knows whether a
 * single quote is open.
 *
 * Old corpora and e-texts spell the marks in ASCII: `` and '' for the
 * double quotes (TeX, the Penn Treebank), ` and ' for the single ones.
 * `` and ` only open; '' goes both ways, as typewriters used it.  A `
 * inside a word or before a decade is an apostrophe (don`t, `90s).
 *
 * A name in mojibake (UTF-8 read as Latin-1, once or more: FranÃ§ois,
 * FranÃÂ§ois, GarcÃ + soft hyphen + a) stays one word: mojibake_tail().
 */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "text.h"
#include "tokens.h"

/* level 1: primary (double) marks, level 2: nested (single) marks. */
const quote_mark qt_quote_marks[] = {
        {0x0022, 1, 1, 1}, /* " */
        {0x201C, 1, 1, 1}, /* “ (closes after „ in German) */
        {0x201D, 1, 1, 1}, /* ” (opens in Swedish style) */
        {0x201E, 1, 1, 0}, /* „ */
        {0x201F, 1, 1, 0}, /* ‟ */
        {0x00AB, 1, 1, 1}, /* « (closes in Danish style) */
        {0x00BB, 1, 1, 1}, /* » */
        {0x300C, 1, 1, 0}, /* 「 */
        {0x300D, 1, 0, 1}, /* 」 */
        {0x0027, 2, 1, 1}, /* ' */
        {0x2018, 2, 1, 1}, /* ‘ */
        {0x2019, 2, 1, 1}, /* ’ */
        {0x201A, 2, 1, 0}, /* ‚ */
        {0x201B, 2, 1, 0}, /* ‛ */
        {0x2039, 2, 1, 1}, /* ‹ */
        {0x203A, 2, 1, 1}, /* › */
        {0x300E, 2, 1, 0}, /* 『 */
        {0x300F, 2, 0, 1}, /* 』 */
        {0x0060, 2, 1, 0}, /* ` (`like this'; `` opens as ‟ does) */
};
const size_t qt_quote_marks_n = QUOTH_ARRAY_LEN(qt_quote_marks);

int
qt_quote_mark_find(int32_t cp)
{
	size_t i;

	if (cp != '"' && cp != '\'' && cp != '`' && cp < 0xAB)
		return -1;
	for (i = 0; i < qt_quote_marks_n; i++)
		if (qt_quote_marks[i].cp == cp)
			return (int)i;
	return -1;
}

enum cclass { C_LETTER, C_UPPER, C_DIGIT, C_MARK, C_SPACE, C_NL, C_OTHER };

/* The class of each ASCII byte: C_LETTER a-z, C_UPPER A-Z, C_DIGIT 0-9,
 * C_NL LF VT FF CR, C_SPACE the other controls (NUL, tab, DEL) and the
 * space, C_OTHER the rest.  The tokenizer's fast path reads a byte and
 * looks it up: no decoding and no call. */
#define L C_LETTER
#define U C_UPPER
#define D C_DIGIT
#define N C_NL
#define S C_SPACE
#define O C_OTHER
static const uint8_t ascii_cls[128] = {
        S, S, S, S, S, S, S, S, S, S, N, N, N, N, S, S, S, S, S, S, S, S,
        S, S, S, S, S, S, S, S, S, S, S, O, O, O, O, O, O, O, O, O, O, O,
        O, O, O, O, D, D, D, D, D, D, D, D, D, D, O, O, O, O, O, O, O, U,
        U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U,
        U, U, U, O, O, O, O, O, O, L, L, L, L, L, L, L, L, L, L, L, L, L,
        L, L, L, L, L, L, L, L, L, L, L, L, L, O, O, O, O, S,
};
#undef L
#undef U
#undef D
#undef N
#undef S
#undef O

static enum cclass
cclass_of(int32_t cp)
{
	const utf8proc_property_t *p;

	if (cp < 0x80)
		return (enum cclass)ascii_cls[cp];
	if (cp == 0x2028 || cp == 0x2029 || cp == 0x85)
		return C_NL;
	if (cp == 0xFEFF || cp == 0x200B)
		return C_SPACE;
	p = utf8proc_get_property(cp);
	switch (p->category) {
	case UTF8PROC_CATEGORY_LU:
	case UTF8PROC_CATEGORY_LT:
		return C_UPPER;
	case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO:
		return C_LETTER;
	case UTF8PROC_CATEGORY_ND:
	case UTF8PROC_CATEGORY_NL:
	case UTF8PROC_CATEGORY_NO:
		return C_DIGIT;
	case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC:
	case UTF8PROC_CATEGORY_ME:
		return C_MARK;
	case UTF8PROC_CATEGORY_ZS:
	case UTF8PROC_CATEGORY_CC:
	case UTF8PROC_CATEGORY_CF:
		return C_SPACE;
	case UTF8PROC_CATEGORY_ZL:
	case UTF8PROC_CATEGORY_ZP:
		return C_NL;
	default:
		return C_OTHER;
	}
}

static bool
is_alnum_class(enum cclass c)
{
	return c == C_LETTER || c == C_UPPER || c == C_DIGIT || c == C_MARK;
}

static bool
is_apostrophe_cp(int32_t cp)
{
	return cp == '\'' || cp == 0x2019 || cp == 0x02BC;
}

/* A mark typed for an apostrophe inside a word or before a decade: the
 * wrong-way ‘ (Trump‘s) and the backtick (don`t, `90s) as well. */
static bool
is_elision_cp(int32_t cp)
{
	return is_apostrophe_cp(cp) || cp == 0x2018 || cp == '`';
}

/*
 * Is `cp`, directly after `prev` inside a word, the second half of a
 * UTF-8 two-byte sequence read as Latin-1 (or Windows-1252)?  Such text
 * spells U+0080..U+00FF as Â or Ã (the lead bytes C2, C3) followed by
 * the continuation byte read as U+0080..U+00BF: ç -> Ã§, ñ -> Ã±,
 * í -> Ã + U+00AD.  Read twice, every Ã/Â becomes Ã + U+0083/U+0082
 * and the old continuation gets a Â of its own: ç -> Ã U+0083 Â §
 * (ÃƒÂ§ in Windows-1252, ÃÂ§ once the control is dropped).  So each
 * continuation directly follows an Ã or Â at every depth, and Ã, Â and
 * ƒ are letters already: no other lead, and no continuation after a
 * continuation, is needed.
 *
 * The tails are U+0080..U+00BF except
 *   U+0085       NEL stays a line break;
 *   U+00A0       no-break space stays a space: "Â" + NBSP is the most
 *                common mojibake of all and means a space, and text
 *                glued across it would fuse two words;
 *   U+00AB/BB    « » (every mark in qt_quote_marks[]) stay quote marks:
 *                Â« and Â» are themselves mojibake of guillemets, and
 *                the ë and û that Ã« and Ã» stand for lose to them.
 * That leaves the C1 controls and the soft hyphen (otherwise spaces)
 * and the symbols ¡..¿ (otherwise punctuation); the letters and digits
 * among them (ª µ º ² ³ ¹ ¼ ½ ¾) join words anyway.  Only an Â or Ã
 * inside a word opens the door, so "Ã", "§ 12", "±5" and «Ã» are
 * tokenized as before.
 */
static bool
mojibake_tail(int32_t prev, int32_t cp)
{
	if (prev != 0xC2 && prev != 0xC3)
		return false;
	if (cp < 0x80 || cp > 0xBF || cp == 0x85 || cp == 0xA0)
		return false;
	return qt_quote_mark_find(cp) < 0;
}

/* A hyphen that joins the parts of a word (non-European, COVID-19). */
static bool
is_hyphen_cp(int32_t cp)
{
	return cp == '-' || cp == 0x2010 || cp == 0x2011;
}

/* A soft hyphen or zero-width character (utf8proc's category Cf): it does
 * not show. */
static bool
is_format_cp(int32_t cp)
{
	return cp >= 0x80 && utf8proc_category(cp) == UTF8PROC_CATEGORY_CF;
}

/* A decoded view of the text, one entry per code point, so that the
 * tokenizer can look a few characters ahead without re-decoding. */
typedef struct {
	size_t off;
	uint8_t len;
	uint8_t cls;
	uint8_t bad;
	int32_t cp;
} cpinfo;

static inline void
decode_at(const char *text, size_t len, size_t off, cpinfo *ci)
{
	size_t l;
	bool bad;
	unsigned char b;

	if (off >= len) {
		ci->off = len;
		ci->len = 0;
		ci->cls = C_SPACE;
		ci->bad = 0;
		ci->cp = -1;
		return;
	}
	ci->off = off;
	b = (unsigned char)text[off];
	if (b < 0x80) {
		ci->cp = b;
		ci->len = 1;
		ci->bad = 0;
		ci->cls = ascii_cls[b];
		return;
	}
	ci->cp = qt_text_decode(text + off, len - off, &l, &bad);
	ci->len = (uint8_t)l;
	ci->bad = bad;
	ci->cls = (uint8_t)cclass_of(ci->cp);
}

/* Past the soft hyphens and zero-width characters at *ci: what a reader
 * sees next ("Anne-\u00adMarie" is "Anne-Marie").  (Their bytes are not
 * ASCII: an ASCII byte is looked at no further.) */
static inline void
skip_format(const char *text, size_t len, cpinfo *ci)
{
	while (ci->len > 1 && !ci->bad && is_format_cp(ci->cp))
		decode_at(text, len, ci->off + ci->len, ci);
}

static token *
grow(token_list *tl)
{
	size_t cap = tl->cap ? tl->cap * 2 : 256, bytes;
	token *p;

	if (!size_mul(cap, sizeof(token), &bytes))
		return NULL;
	p = realloc(tl->t, bytes);
	if (!p)
		return NULL;
	tl->t = p;
	tl->cap = cap;
	memset(&tl->t[tl->n], 0, sizeof(token));
	return &tl->t[tl->n++];
}

#define RESERVE_MAX ((size_t)1 << 20)

/* Room for n tokens in tl at once (news runs about five bytes a token):
 * no copying as the list doubles, and pages past the last token are never
 * touched.  False when out of memory. */
static bool
reserve(token_list *tl, size_t n)
{
	token *p;

	if (n > RESERVE_MAX)
		n = RESERVE_MAX; /* (a huge text grows as it goes) */
	if (n <= tl->cap)
		return true;
	p = qt_xrealloc_array(tl->t, n, sizeof(token));
	if (!p)
		return false;
	tl->t = p;
	tl->cap = n;
	return true;
}

/* A new zeroed token at the end of tl (NULL when out of memory): in
 * place while there is room, through grow() when full. */
static inline token *
push(token_list *tl)
{
	static const token zero;

	if (tl->n == tl->cap)
		return grow(tl);
	tl->t[tl->n] = zero;
	return &tl->t[tl->n++];
}

/* push() for a loop that keeps the list's tokens, count and room in
 * locals (*tt, *tn, *tcap): they are written back before and read again
 * after. */
static inline token *
push_synced(token_list *tl, token **tt, size_t *tn, size_t *tcap)
{
	token *t;

	tl->n = *tn;
	t = push(tl);
	*tt = tl->t;
	*tn = tl->n;
	*tcap = tl->cap;
	return t;
}

/* grow() for the loop of push_synced(), when its locals say the list
 * is full. */
static token *
grow_synced(token_list *tl, token **tt, size_t *tn, size_t *tcap)
{
	token *t;

	tl->n = *tn;
	t = grow(tl);
	*tt = tl->t;
	*tn = tl->n;
	*tcap = tl->cap;
	return t;
}

/* qt_has_blank_line() with carriage returns: a lone '\r' is a line
 * break too. */
static bool
blank_line_cr(const char *text, size_t len, size_t skip)
{
	size_t i;
	int breaks = 0;

	for (i = skip; i < len; i++) {
		unsigned char c = (unsigned char)text[i];
		if (c == '\n') {
			if (++breaks >= 2)
				return true;
		} else if (c == '\r') {
			if (i + 1 < len && text[i + 1] == '\n')
				continue;
			if (++breaks >= 2)
				return true;
		} else if (c != ' ' && c != '\t') {
			breaks = 0;
		}
	}
	return false;
}

/* The text checked for carriage returns at a time by qt_has_blank_line(). */
#define CR_BLOCK ((size_t)64 << 10)

/* Does the document hold a blank line (two line breaks with only white
 * space between)?  Decides what a single line break means.  Read only up
 * to the first blank line (a long document is read a window at a time,
 * and its text may be mapped: what is not read is not in memory). */
bool
qt_has_blank_line(const char *text, size_t len, size_t skip)
{
	size_t i = skip, b, e;
	const char *p;

	/* (without a carriage return: from line break to line break with
	 * memchr(), a long document of single lines read at memory speed;
	 * a block with one sends the whole text to blank_line_cr(), which
	 * finds every blank line found here too) */
	for (b = skip; b < len; b = e) {
		e = len - b > CR_BLOCK ? b + CR_BLOCK : len;
		if (memchr(text + b, '\r', e - b))
			return blank_line_cr(text, len, skip);
		while (i < e && (p = memchr(text + i, '\n', e - i)) != NULL) {
			i = (size_t)(p - text) + 1;
			while (i < len && (text[i] == ' ' || text[i] == '\t'))
				i++;
			if (i < len && text[i] == '\n')
				return true;
		}
		if (i < e)
			i = e;
	}
	return false;
}

/* The ASCII characters the rules of scan_word() may join to a word
 * after a letter or digit: apostrophes and backticks (elisions),
 * hyphens, and the separators and dots of numbers and initialisms. */
static const bool word_glue[128] = {
        ['\''] = true, ['`'] = true, ['-'] = true, [','] = true, ['.'] = true,
};

/* The ASCII letters and digits by byte (0 for every other byte): what
 * scan_word() counts of each. */
enum { WB_LOWER = 1, WB_UPPER = 2, WB_DIGIT = 4 };
#define WB_L WB_LOWER
#define WB_U WB_UPPER
#define WB_D WB_DIGIT
static const uint8_t word_bits[256] = {
        ['0'] = WB_D, ['1'] = WB_D, ['2'] = WB_D, ['3'] = WB_D, ['4'] = WB_D,
        ['5'] = WB_D, ['6'] = WB_D, ['7'] = WB_D, ['8'] = WB_D, ['9'] = WB_D,
        ['A'] = WB_U, ['B'] = WB_U, ['C'] = WB_U, ['D'] = WB_U, ['E'] = WB_U,
        ['F'] = WB_U, ['G'] = WB_U, ['H'] = WB_U, ['I'] = WB_U, ['J'] = WB_U,
        ['K'] = WB_U, ['L'] = WB_U, ['M'] = WB_U, ['N'] = WB_U, ['O'] = WB_U,
        ['P'] = WB_U, ['Q'] = WB_U, ['R'] = WB_U, ['S'] = WB_U, ['T'] = WB_U,
        ['U'] = WB_U, ['V'] = WB_U, ['W'] = WB_U, ['X'] = WB_U, ['Y'] = WB_U,
        ['Z'] = WB_U, ['a'] = WB_L, ['b'] = WB_L, ['c'] = WB_L, ['d'] = WB_L,
        ['e'] = WB_L, ['f'] = WB_L, ['g'] = WB_L, ['h'] = WB_L, ['i'] = WB_L,
        ['j'] = WB_L, ['k'] = WB_L, ['l'] = WB_L, ['m'] = WB_L, ['n'] = WB_L,
        ['o'] = WB_L, ['p'] = WB_L, ['q'] = WB_L, ['r'] = WB_L, ['s'] = WB_L,
        ['t'] = WB_L, ['u'] = WB_L, ['v'] = WB_L, ['w'] = WB_L, ['x'] = WB_L,
        ['y'] = WB_L, ['z'] = WB_L,
};
#undef WB_L
#undef WB_U
#undef WB_D

/* The length of the run of ASCII letters and digits at text[from..len):
 * found first, then what it holds (*lower when a lowercase letter, else
 * its uppercase letters counted into *uppers; TF_HAS_DIGIT in *flags
 * when a digit), so that the common word
 * costs a table read a byte. */
static inline size_t
ascii_run(const char *text, size_t len, size_t from, size_t *uppers,
          bool *lower, uint8_t *flags)
{
	const unsigned char *p = (const unsigned char *)text;
	size_t end = from, i;
	unsigned acc = 0, k;

	while (end < len && (k = word_bits[p[end]]) != 0) {
		acc |= k;
		end++;
	}
	if (acc & WB_DIGIT)
		*flags |= TF_HAS_DIGIT;
	if (acc & WB_LOWER)
		*lower = true;
	else if (acc & WB_UPPER)
		for (i = from; i < end; i++)
			*uppers += word_bits[p[i]] == WB_UPPER;
	return end - from;
}

/* Scan one word starting at `off` (an alphanumeric character): letters,
 * digits, marks, apostrophes and hyphens between letters, dots inside
 * initialisms (U.S.), separators inside numbers (3,000.5) and mojibake
 * tails (FranÃ§ois).  Returns the end offset and sets flags. */
static size_t
scan_word(const char *text, size_t len, size_t off, uint8_t *flags)
{
	cpinfo c, n1, n2;
	/* (every letter uppercase, at least two: no lowercase letter and
	 * two uppercase ones) */
	size_t end = off, uppers = 0, seg = 0, n;
	bool lower = false;
	bool first = true, digit_start, dotted = false;
	int32_t prev = -1;

	decode_at(text, len, off, &c);
	digit_start = c.cls == C_DIGIT;
	if (c.cls == C_UPPER)
		*flags |= TF_CAP;
	for (;;) {
		if (c.len == 0)
			break;
		if (is_alnum_class((enum cclass)c.cls)) {
			if (c.cls == C_UPPER) {
				uppers++;
			} else if (c.cls == C_LETTER) {
				lower = true;
			} else if (c.cls == C_DIGIT) {
				*flags |= TF_HAS_DIGIT;
			}
			if (c.bad)
				*flags |= TF_HAS_BAD;
			seg++;
			end = c.off + c.len;
			prev = c.cp;
			/* the ASCII letters and digits that follow, a byte
			 * at a time (the same steps as above) */
			if ((n = ascii_run(text, len, end, &uppers, &lower,
			                   flags))) {
				seg += n;
				end += n;
				prev = (unsigned char)text[end - 1];
			}
			/* an ASCII byte no rule below reads (a space, most
			 * punctuation) ends the word: no decoding, no look
			 * ahead */
			if (end < len && (unsigned char)text[end] < 0x80 &&
			    !word_glue[(unsigned char)text[end]])
				break;
			decode_at(text, len, end, &c);
			first = false;
			continue;
		}
		if (first)
			break;
		/* FranÃ§ois: the tail counts as no letter; the case flags
		 * see the Ã or Â, as when the tail ended the word */
		if (mojibake_tail(prev, c.cp)) {
			seg++;
			end = c.off + c.len;
			prev = c.cp;
			decode_at(text, len, end, &c);
			continue;
		}
		decode_at(text, len, c.off + c.len, &n1);
		skip_format(text, len, &n1);
		/* internal apostrophe: shouldn't, Ukraine's, O'Brien (and
		 * the wrong-way ‘ and ` some editors type: Trump‘s, don`t) */
		if (is_elision_cp(c.cp) &&
		    (n1.cls == C_LETTER || n1.cls == C_UPPER)) {
			end = n1.off;
			c = n1;
			seg = 0;
			continue;
		}
		/* a soft hyphen or zero-width character inside a word
		 * (Schwarzen\u00adegger): format characters, invisible */
		if (is_format_cp(c.cp)) {
			if (is_alnum_class((enum cclass)n1.cls)) {
				end = n1.off;
				c = n1;
				continue;
			}
			/* (before a hyphen: Lott\u200b-Baines, read on at
			 * the hyphen, which joins what follows or ends the
			 * word before the invisible character) */
			if (is_hyphen_cp(n1.cp)) {
				c = n1;
				continue;
			}
		}
		/* internal hyphen: non-European, COVID-19 */
		if (is_hyphen_cp(c.cp) && is_alnum_class((enum cclass)n1.cls)) {
			end = n1.off;
			c = n1;
			seg = 0;
			continue;
		}
		/* digit separators: 3,000 and 2.5 */
		if (digit_start && (c.cp == ',' || c.cp == '.') &&
		    n1.cls == C_DIGIT) {
			end = n1.off;
			c = n1;
			continue;
		}
		/* initialisms: U.S., U.K., a.m. (single letters and dots) */
		if (c.cp == '.' && seg == 1 && !digit_start) {
			if (n1.cls == C_LETTER || n1.cls == C_UPPER) {
				decode_at(text, len, n1.off + n1.len, &n2);
				if (n2.cp == '.') {
					end = n1.off;
					c = n1;
					seg = 0;
					dotted = true;
					continue;
				}
			}
			if (dotted) {
				end = c.off + c.len;
				*flags |= TF_DOT_END;
			}
		}
		break;
	}
	if (!lower && uppers >= 2)
		*flags |= TF_ALLCAP;
	return end;
}

/* A token that is neither a word nor white space, whose first code point
 * c ends at off: a quote mark, the typewriter and treebank marks '' and
 * ``, an elision that only looks like a mark ('90s, rock 'n' roll), or
 * other punctuation.  Sets t's kind, mark and end; returns the offset
 * after the token. */
static size_t
scan_mark(const char *text, size_t len, size_t off, const cpinfo *c, token *t)
{
	t->end = off;
	/* '' is the typewriter double quote (''Like this,'' she said) */
	if (c->cp == '\'' && off < len && text[off] == '\'') {
		off++;
		t->end = off;
		t->kind = TK_QUOTE;
		t->mark = 0; /* as " */
		t->cp = '"';
		return off;
	}
	/* `` only opens (``Like this,'' she said) */
	if (c->cp == '`' && off < len && text[off] == '`') {
		off++;
		t->end = off;
		t->kind = TK_QUOTE;
		t->mark = (uint8_t)qt_quote_mark_find(0x201F); /* as ‟ */
		return off;
	}
	{
		int m = qt_quote_mark_find(c->cp);
		if (m < 0) {
			t->kind = TK_PUNCT;
			return off;
		}
		t->kind = TK_QUOTE;
		t->mark = (uint8_t)m;
	}
	if (is_elision_cp(c->cp)) {
		cpinfo n1, n2, n3;

		decode_at(text, len, off, &n1);
		/* '90s and ‘08 are elisions, not quotes */
		if (n1.cls == C_DIGIT) {
			decode_at(text, len, n1.off + n1.len, &n2);
			decode_at(text, len, n2.off + n2.len, &n3);
			if (n2.cls == C_DIGIT && n3.cls != C_DIGIT) {
				t->kind = TK_WORD;
				t->flags |= TF_HAS_DIGIT;
				t->end = scan_word(text, len, n1.off,
				                   &t->flags);
				off = t->end;
				return off;
			}
		}
		/* rock 'n' roll */
		if (n1.cp == 'n' && (t->flags & TF_SPACE_BEFORE)) {
			decode_at(text, len, n1.off + n1.len, &n2);
			decode_at(text, len, n2.off + n2.len, &n3);
			if (is_apostrophe_cp(n2.cp) &&
			    (n3.cls == C_SPACE || n3.len == 0)) {
				t->kind = TK_WORD;
				t->end = n3.off;
				off = t->end;
				return off;
			}
		}
	}
	return off;
}

/* The end of the word of ASCII letters and digits at text[off] when
 * scan_word() would end it there too (at the text's end, an ASCII byte
 * not in word_glue[], or one that is before the end or another ASCII
 * byte that is no letter or digit), else 0; its word_bits[] or'ed into
 * *acc, and *space_after whether a space ends it.  `stops`: text[len - 1]
 * is no ASCII letter or digit. */
static inline size_t
ascii_word(const char *text, size_t len, size_t off, bool stops, unsigned *acc,
           bool *space_after)
{
	const unsigned char *p = (const unsigned char *)text;
	size_t e = off;
	unsigned k, a = 0;

	/* (when the text's last byte is no letter or digit, the run ends
	 * there at the latest: no bound to check a byte) */
	if (stops) {
		while ((k = word_bits[p[e]]) != 0) {
			a |= k;
			e++;
		}
	} else {
		while (e < len && (k = word_bits[p[e]]) != 0) {
			a |= k;
			e++;
		}
	}
	*space_after = false;
	if (e < len) {
		/* (a space, after most words: no rule reads it) */
		if (p[e] == ' ') {
			*space_after = true;
			*acc = a;
			return e;
		}
		if (p[e] >= 0x80)
			return 0;
		/* A joining byte (said, | Smith. | farmers') joins only
		 * what follows it when that is a letter or digit, or may
		 * be one (a byte from 0x80 on): before the text's end or
		 * another ASCII byte every rule of scan_word() ends the
		 * word here too. */
		if (word_glue[p[e]] && e + 1 < len &&
		    (p[e + 1] >= 0x80 || word_bits[p[e + 1]]))
			return 0;
	}
	*acc = a;
	return e;
}

/* Token t, the word text[off..e) that ascii_word() found (acc its
 * word_bits[]), with the kind and flags scan_word() gives it. */
static inline void
word_token(const char *text, size_t off, size_t e, unsigned acc,
           bool space_before, uint32_t para, token *t)
{
	const unsigned char *p = (const unsigned char *)text;
	unsigned first = word_bits[p[off]];
	size_t i, uppers = 0;
	/* (the bits by arithmetic, no branch: TF_CAP is 1, and
	 * TF_HAS_DIGIT is WB_DIGIT three places up) */
	uint8_t flags = (uint8_t)((space_before ? TF_SPACE_BEFORE : 0) |
	                          (first == WB_UPPER) |
	                          ((acc & WB_DIGIT) << 3));

	_Static_assert(TF_CAP == 1 && TF_HAS_DIGIT == WB_DIGIT << 3,
	               "word_token() flag arithmetic");
	if (!(acc & WB_LOWER) && (acc & WB_UPPER)) {
		for (i = off; i < e; i++)
			uppers += word_bits[p[i]] == WB_UPPER;
		if (uppers >= 2)
			flags |= TF_ALLCAP;
	}
	/* (every field written at once: the slot is not zeroed first) */
	*t = (token){.start = (uint32_t)off,
	             .end = (uint32_t)e,
	             .cp = p[off],
	             .kind = first == WB_DIGIT ? TK_NUM : TK_WORD,
	             .flags = flags,
	             .para = para};
}

bool
qt_tokenize(const char *text, size_t len, size_t skip, token_list *tl)
{
	return qt_tokenize_paras(text, len, skip,
	                         qt_has_blank_line(text, len, skip), tl);
}

bool
qt_tokenize_paras(const char *text, size_t len, size_t skip, bool blank_paras,
                  token_list *tl)
{
	size_t off = skip;
	uint32_t para = 0;
	bool space_before = true, para_open = false;
	/* (does the text end in a byte that ends an ASCII word?) */
	bool stops = len > skip && !word_bits[(unsigned char)text[len - 1]];
	cpinfo c;
	/* tl's tokens, count and room in locals, written back around
	 * push() and grow(): a store to a token's flags (a byte) could
	 * change tl for all the compiler knows, which reloaded them for
	 * every token */
	token *tt;
	size_t tn, tcap;

	tl->first_bad = QUOTH_NONE;
	if (!reserve(tl, len > skip ? (len - skip) / 4 : 0))
		return false;
	tt = tl->t;
	tn = tl->n;
	tcap = tl->cap;
	while (off < len) {
		token *t;

		/* (a plain space, every other byte of text: nothing to
		 * decode) */
		if (text[off] == ' ') {
			off++;
			space_before = true;
			if (tn)
				tt[tn - 1].flags |= TF_SPACE_AFTER;
			continue;
		}
		/* (a word of ASCII letters and digits that ends at an
		 * ASCII byte no rule of scan_word() reads: most words) */
		if (word_bits[(unsigned char)text[off]]) {
			unsigned acc;
			bool sp;
			size_t e = ascii_word(text, len, off, stops, &acc, &sp);
			if (e) {
				/* (in place, not zeroed: word_token() writes
				 * the whole token) */
				if (tn < tcap)
					t = &tt[tn++];
				else if (!(t = grow_synced(tl, &tt, &tn,
				                           &tcap)))
					return false;
				para_open = true;
				word_token(text, off, e, acc, space_before,
				           para, t);
				space_before = false;
				off = e;
				/* (the space after it, as above) */
				if (sp) {
					off++;
					space_before = true;
					t->flags |= TF_SPACE_AFTER;
				}
				continue;
			}
		}
		decode_at(text, len, off, &c);
		if (c.bad) {
			if (tl->first_bad == QUOTH_NONE)
				tl->first_bad = off;
			tl->bad_utf8++;
		}
		if (c.cls == C_SPACE) {
			off += c.len;
			space_before = true;
			if (tn)
				tt[tn - 1].flags |= TF_SPACE_AFTER;
			continue;
		}
		if (c.cls == C_NL) {
			/* A run of line breaks and spaces. */
			size_t start = off, breaks = 0;
			cpinfo d = c;

			while (d.len && (d.cls == C_NL || d.cls == C_SPACE)) {
				if (d.cls == C_NL &&
				    !(d.cp == '\r' && d.off + 1 < len &&
				      text[d.off + 1] == '\n'))
					breaks++;
				if (d.bad) {
					if (tl->first_bad == QUOTH_NONE)
						tl->first_bad = d.off;
					tl->bad_utf8++;
				}
				decode_at(text, len, d.off + d.len, &d);
			}
			off = d.off;
			if (tn)
				tt[tn - 1].flags |= TF_SPACE_AFTER;
			space_before = true;
			if (!para_open)
				continue; /* leading breaks */
			t = push_synced(tl, &tt, &tn, &tcap);
			if (!t)
				return false;
			t->start = start;
			t->end = off;
			t->para = para;
			t->flags = TF_SPACE_BEFORE | TF_SPACE_AFTER;
			if (breaks >= 2 || !blank_paras || d.len == 0) {
				t->kind = TK_PARA;
				para++;
				para_open = false;
			} else {
				t->kind = TK_NEWLINE;
			}
			continue;
		}
		t = push_synced(tl, &tt, &tn, &tcap);
		if (!t)
			return false;
		para_open = true;
		t->start = off;
		t->cp = c.cp;
		t->para = para;
		if (space_before)
			t->flags |= TF_SPACE_BEFORE;
		space_before = false;
		if (is_alnum_class((enum cclass)c.cls)) {
			t->kind = c.cls == C_DIGIT ? TK_NUM : TK_WORD;
			t->end = scan_word(text, len, off, &t->flags);
			if (t->flags & TF_HAS_BAD) {
				/* counted above only for the first char */
				size_t cnt = 0, fb;
				fb = qt_text_first_invalid(text + off + c.len,
				                           t->end - off - c.len,
				                           &cnt);
				if (cnt && tl->first_bad == QUOTH_NONE)
					tl->first_bad = off + c.len + fb;
				tl->bad_utf8 += cnt;
			}
			off = t->end;
			continue;
		}
		off = scan_mark(text, len, off + c.len, &c, t);
	}
	tl->n = tn;
	tl->nparas = tl->n ? (size_t)para + (para_open ? 1 : 0) : 0;
	/* White space before end of text. */
	if (tl->n && space_before)
		tl->t[tl->n - 1].flags |= TF_SPACE_AFTER;
	if (tl->n)
		tl->t[tl->n - 1].flags |= TF_SPACE_AFTER;
	return true;
}

void
qt_token_list_free(token_list *tl)
{
	free(tl->sfirst);
	free(tl->slast);
	free(tl->pfirst);
	free(tl->t);
	memset(tl, 0, sizeof(*tl));
}
