/*
 * data.c: loading the data files of a language, for the extractor (once,
 * before any text): where each file comes from (DIR/LANG/FILE or DIR/FILE
 * with --data-dir, else the copy compiled into the library from data/ by
 * tools/embed.py), and the syntax of the two kinds of file.  Reads data
 * files, writes the phrase sets (lexicon.c) and compiled patterns
 * (cuepat.c) of a lang_data; errors name FILE:LINE(:COL).
 *
 * Word lists (every file but patterns.txt): UTF-8, one entry per line,
 * `phrase` or `phrase<TAB>flags`; `#` starts a comment line.  A phrase is
 * one to six words; flags are lowercase letters, stored as a bit mask
 * (bit = letter - 'a').  Phrases are case-folded with utf8proc, so
 * lookups fold the same way.  A file declares its flag letters in
 * comment lines `# flags: a=name b=name ...` before it uses them; a
 * letter the header does not declare is an error (FILE:LINE), so that
 * a mistyped flag fails at load instead of meaning nothing.  The
 * letters' named constants are in lexicon.h (an enum per file).
 *
 * patterns.txt:
 * Format: one pattern per line, four fields separated by tabs:
 *     side  rule  max-tokens  regex
 * side is `after` (the words after a quote), `before` (the sentence
 * before it), `lead-in` (the end of a paragraph before a quoted one) or
 * `previous` (the sentence before a quote that opens its sentence);
 * rule names the rule in the output, with a trailing `+` when a pronoun
 * or role speaker names the rule instead ("pronoun", "role");
 * max-tokens bounds the distance in tokens between the cue (or `according
 * to`) and the quote, 0 for no bound; regex is a PCRE2 pattern with the
 * named groups `sp` (the speaker chunk, required), `cue`, `mention`
 * (where the mention starts when it is wider than the speaker) and `spx`
 * (words that continue a described speaker: "another member [of the
 * public]").
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <utf8proc.h>

#include "lexicon.h"
#include "tagger.h"
#include "text.h"

struct builtin_file {
	const char *name;
	const char *data;
	size_t len;
};

/* a language's tagger weights, compiled (tools/embed.py) */
struct builtin_tagger {
	const char *lang;
	const qt_tagger_image *img;
};

/* a language's first-name list, compiled (tools/embed.py): the names in
 * sorted order, each followed by its flag letter in uppercase (names are
 * lowercase ASCII), and the offset in text of every QT_NAMES_STEP-th
 * name */
#define QT_NAMES_STEP 16
struct qt_name_table {
	const char *lang;
	const char *text;
	size_t len;
	const uint32_t *block;
	size_t nblock;
	size_t count;
};

#include "data.inc"
#include "lexicons.inc"

/* a language's symbol table, built at build time (tools/symtab_gen.c)
 * on a machine of this byte order (little: 1) */
struct builtin_symtab {
	const char *lang;
	const symtab *st;
	int little;
};

#ifdef QT_NO_SYMTAB_IMAGE
/* (the generator itself, or a cross build: no table built in) */
static const struct builtin_symtab builtin_symtabs[] = {{NULL, NULL, 0}};
#else
#include "symtab.inc"
#endif

static const char *const lex_files[LEX_COUNT_] = {
        [LEX_ABBREV] = "abbrev.txt",
        [LEX_CUES] = "cues.txt",
        [LEX_PRONOUNS] = "pronouns.txt",
        [LEX_TITLES] = "titles.txt",
        [LEX_HONORIFICS] = "honorifics.txt",
        [LEX_ORGS] = "orgs.txt",
        [LEX_SCARE] = "scare.txt",
        [LEX_NONNAMES] = "nonnames.txt",
        [LEX_WORDS] = "words.txt",
        [LEX_CLASSES] = "classes.txt",
        [LEX_PLACES] = "wn-places.txt",
        [LEX_DOCS] = "wn-document-nouns.txt",
        [LEX_ORGNOUNS] = "wn-org-nouns.txt",
        [LEX_SPEECH] = "wn-speech-verbs.txt",
        [LEX_PERSONS] = "wn-person-nouns.txt",
};

/* A second file read into the same table: the generated class that the
 * hand-kept list completes (titles.txt and orgs.txt hold what WordNet
 * does not give). */
static const char *const lex_more[LEX_COUNT_] = {
        [LEX_TITLES] = "wn-title-nouns.txt",
        [LEX_ORGS] = "wn-orgs.txt",
};

/* A `# flags: a=name b=name ...` header line [s, e): the mask of the
 * letters it declares (a lowercase letter right before '=', at the
 * start of a word), or 0 when the line is no such header. */
static int
declared_flags(const char *s, const char *e)
{
	static const char tag[] = "# flags:";
	const char *p;
	int mask = 0;

	if ((size_t)(e - s) < sizeof(tag) - 1 ||
	    memcmp(s, tag, sizeof(tag) - 1) != 0)
		return 0;
	for (p = s + sizeof(tag) - 1; p + 1 < e; p++)
		if (*p >= 'a' && *p <= 'z' && p[1] == '=' &&
		    (p[-1] == ' ' || p[-1] == '\t' || p[-1] == ':'))
			mask |= 1 << (*p - 'a');
	return mask;
}

/* The number of lines of data[0..len), for sizing the table at once. */
static size_t
count_lines(const char *data, size_t len)
{
	const char *p = data, *e = data + len;
	size_t n = 1;

	while (p < e && (p = memchr(p, '\n', (size_t)(e - p))) != NULL) {
		n++;
		p++;
	}
	return n;
}

/* The flags column s[0..n) of line `lineno` as a mask, checked against
 * the letters the header declared; -1 after an error in *st. */
static int
parse_flags(const char *s, size_t n, int declared, const char *name,
            size_t lineno, quoth_status *st, quoth_error *err)
{
	int value = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		char c = s[i];
		if (c < 'a' || c > 'z') {
			*st = qt_data_fail(err, QUOTH_ERR_LEXICON, lineno,
			                   "%s:%zu: flags must be lowercase "
			                   "letters",
			                   name, lineno);
			return -1;
		}
		if (!(declared & (1 << (c - 'a')))) {
			*st = qt_data_fail(
			        err, QUOTH_ERR_LEXICON, lineno,
			        "%s:%zu: flag '%c' is not declared in "
			        "the file's '# flags:' header",
			        name, lineno, c);
			return -1;
		}
		value |= 1 << (c - 'a');
	}
	return value;
}

/* The spaces among 8 ASCII bytes. */
static size_t
spaces8(uint64_t w)
{
	uint64_t x = w ^ (QT_ONES * ' ');
	uint64_t sp = ~((x + ~QT_HIGHS) | x) &
	              QT_HIGHS; /* the zero bytes of x */

	return (size_t)(((sp >> 7) * QT_ONES) >> 56);
}

/* Fold the phrase s[0..n) into *fold: ASCII by a lowercase copy, 8 bytes
 * at a time, the rest through qt_text_fold() (which folds ASCII the
 * same way).  The number of words of the folded phrase. */
static size_t
fold_phrase(qbuf *fold, const char *s, size_t n, bool ascii)
{
	size_t i = 0, words = 1;
	uint64_t w;

	fold->len = 0;
	if (!ascii || !qbuf_reserve(fold, n)) {
		qt_text_fold(fold, s, n);
		for (i = 0; i < fold->len; i++)
			words += fold->ptr[i] == ' ';
		return words;
	}
	for (; i + 8 <= n; i += 8) {
		memcpy(&w, s + i, 8);
		w = qt_fold8(w);
		words += spaces8(w);
		memcpy(fold->ptr + i, &w, 8);
	}
	for (; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		fold->ptr[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
		words += c == ' ';
	}
	fold->len = n;
	return words;
}

/* Parse one data file into lx; `name` is used in messages. */
static quoth_status
parse_file(lexicon *lx, const char *name, const char *data, size_t len,
           quoth_error *err)
{
	size_t pos = 0, lineno = 0;
	qbuf fold = {0};
	quoth_status st = QUOTH_OK;
	int declared = 0; /* the flag letters of the file's header */

	if (!qt_lexicon_reserve(lx, count_lines(data, len)))
		return qt_data_fail(err, QUOTH_ERR_NOMEM, 0,
		                    "%s: out of memory", name);
	while (pos < len) {
		size_t eol, end;
		const char *tab;
		int value = 0;
		bool ascii;

		lineno++;
		if (!qt_data_split(data, len, pos, &end, &eol, &ascii)) {
			st = qt_data_fail(err, QUOTH_ERR_LEXICON, lineno,
			                  "%s:%zu: invalid UTF-8", name,
			                  lineno);
			goto out;
		}
		if (end == pos)
			goto next;
		if (data[pos] == '#') {
			declared |= declared_flags(data + pos, data + end);
			goto next;
		}
		tab = memchr(data + pos, '\t', end - pos);
		if (tab) {
			size_t t = (size_t)(tab - data);
			value = parse_flags(tab + 1, end - t - 1, declared,
			                    name, lineno, &st, err);
			if (value < 0)
				goto out;
			end = t;
		}
		while (end > pos && (data[end - 1] == ' '))
			end--;
		if (end == pos) {
			st = qt_data_fail(err, QUOTH_ERR_LEXICON, lineno,
			                  "%s:%zu: empty phrase", name, lineno);
			goto out;
		}
		if (fold_phrase(&fold, data + pos, end - pos, ascii) > 6) {
			st = qt_data_fail(err, QUOTH_ERR_LEXICON, lineno,
			                  "%s:%zu: a phrase has at most six "
			                  "words",
			                  name, lineno);
			goto out;
		}
		if (fold.failed ||
		    !qt_lexicon_add(lx, fold.ptr, fold.len, value)) {
			st = qt_data_fail(err, QUOTH_ERR_NOMEM, lineno,
			                  "%s:%zu: out of memory", name,
			                  lineno);
			goto out;
		}
	next:
		pos = eol + 1;
	}
out:
	qbuf_free(&fold);
	return st;
}

static int
side_of(const char *s, size_t n)
{
	static const char *const names[CP_SIDES_] = {"after", "before",
	                                             "lead-in", "previous"};
	int i;

	for (i = 0; i < CP_SIDES_; i++)
		if (strlen(names[i]) == n && memcmp(names[i], s, n) == 0)
			return i;
	return -1;
}

/* A data-file error located at byte `col0` (0-based) of line `lineno`
 * that starts at byte `line_off` of the file: FILE:LINE:COL. */
static quoth_status
pat_fail(quoth_error *err, const char *name, size_t lineno, size_t line_off,
         size_t col0, const char *what)
{
	quoth_status st = qt_data_fail(err, QUOTH_ERR_LEXICON, lineno,
	                               "%s:%zu:%zu: %s", name, lineno, col0 + 1,
	                               what);
	if (err) {
		err->column = col0 + 1;
		err->offset = line_off + col0;
	}
	return st;
}

/* Rule names quoth gives itself, which a pattern must not take, so that
 * a rule in the output always says which mechanism linked the quote.
 * ("absorbed" named the quotes merged into others before that became a
 * flag of their own; it stays reserved so that pattern files keep their
 * meaning.) */
static bool
reserved_rule(const char *r, size_t n)
{
	static const char *const names[] = {"absorbed", "none", "continuation",
	                                    "subject", "narrative"};
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strlen(names[i]) == n && memcmp(names[i], r, n) == 0)
			return true;
	return false;
}

/* Parse and compile one line's fields (f[k] at byte offset fo[k] of the
 * line, which starts at byte line_off of the file); fills *p.  The
 * fields are ASCII (checked here), so bytes and columns agree. */
static quoth_status
parse_line(cue_pattern *p, const char *name, size_t lineno, size_t line_off,
           const char *f[4], const size_t fl[4], const size_t fo[4],
           quoth_error *err)
{
	int side;
	size_t erroff;
	unsigned long maxtok = 0;
	size_t i, rl;
	char what[200];

	side = side_of(f[0], fl[0]);
	if (side < 0)
		return pat_fail(err, name, lineno, line_off, fo[0],
		                "side must be after, before, lead-in or "
		                "previous");
	/* rule: [a-z][a-z-]* with an optional final '+' */
	rl = fl[1] - (fl[1] && f[1][fl[1] - 1] == '+' ? 1 : 0);
	if (rl == 0 || rl >= sizeof(p->rule))
		return pat_fail(err, name, lineno, line_off, fo[1],
		                "a rule name has 1 to 23 letters");
	for (i = 0; i < rl; i++) {
		char ch = f[1][i];
		if (!((ch >= 'a' && ch <= 'z') || (ch == '-' && i > 0)))
			return pat_fail(
			        err, name, lineno, line_off, fo[1] + i,
			        "a rule name is lowercase letters and "
			        "'-' (not first), with an optional final "
			        "'+'");
	}
	if (reserved_rule(f[1], rl))
		return pat_fail(err, name, lineno, line_off, fo[1],
		                "this rule name is quoth's own (absorbed, "
		                "none, continuation, subject)");
	if (fl[2] == 0 || fl[2] > 4)
		return pat_fail(err, name, lineno, line_off, fo[2],
		                "max-tokens must be a number from 0 to 9999");
	for (i = 0; i < fl[2]; i++) {
		if (f[2][i] < '0' || f[2][i] > '9')
			return pat_fail(err, name, lineno, line_off, fo[2] + i,
			                "max-tokens must be a number from 0 to "
			                "9999");
		maxtok = maxtok * 10 + (unsigned long)(f[2][i] - '0');
	}
	/* the subject is ASCII chunk letters: so is the pattern */
	for (i = 0; i < fl[3]; i++) {
		unsigned char ch = (unsigned char)f[3][i];
		if (ch < 0x20 || ch >= 0x7f)
			return pat_fail(err, name, lineno, line_off, fo[3] + i,
			                ch == '\t'
			                        ? "a tab in the pattern (four "
			                          "fields only)"
			                        : "the pattern must be "
			                          "printable ASCII");
	}
	if (f[3][fl[3] - 1] == ' ')
		return pat_fail(err, name, lineno, line_off, fo[3] + fl[3] - 1,
		                "a space at the end of the pattern");
	erroff = qt_cuepat_unknown_chunk(f[3], fl[3]);
	if (erroff != QUOTH_NONE) {
		snprintf(what, sizeof(what),
		         "'%c' is no chunk class (the alphabet is in the "
		         "header of patterns.txt)",
		         f[3][erroff]);
		return pat_fail(err, name, lineno, line_off, fo[3] + erroff,
		                what);
	}
	if (!qt_cuepat_compile(p, f[3], fl[3], what, sizeof(what), &erroff))
		return pat_fail(err, name, lineno, line_off, fo[3] + erroff,
		                what);
	p->side = side;
	p->line = lineno;
	p->max_tokens = (uint32_t)maxtok;
	p->kind_rule = rl < fl[1];
	memcpy(p->rule, f[1], rl);
	p->rule[rl] = '\0';
	return QUOTH_OK;
}

quoth_status
qt_cuepat_parse(cue_patterns *cp, const char *name, const char *data,
                size_t len, quoth_error *err)
{
	size_t pos = 0, lineno = 0;
	quoth_status st;

	while (pos < len) {
		size_t eol = pos, end, k, nf = 0, s0;
		const char *f[4];
		size_t fl[4], fo[4];
		cue_pattern *p;

		lineno++;
		if (!qt_data_line(data, len, pos, &end, &eol))
			return qt_data_fail(err, QUOTH_ERR_LEXICON, lineno,
			                    "%s:%zu: invalid UTF-8", name,
			                    lineno);
		/* blank lines and comments, indented or not */
		for (s0 = pos;
		     s0 < end && (data[s0] == ' ' || data[s0] == '\t'); s0++)
			;
		if (s0 == end || data[s0] == '#')
			goto next;
		/* four fields separated by one or more tabs; the pattern is
		 * the rest of the line */
		for (k = pos; k < end && nf < 4;) {
			size_t s = k;
			if (nf == 3) {
				k = end;
			} else {
				while (k < end && data[k] != '\t')
					k++;
			}
			f[nf] = data + s;
			fl[nf] = k - s;
			fo[nf] = s - pos;
			nf++;
			while (nf < 4 && k < end && data[k] == '\t')
				k++;
		}
		if (nf != 4 || fl[3] == 0)
			return qt_data_fail(
			        err, QUOTH_ERR_LEXICON, lineno,
			        "%s:%zu: expected four tab-separated "
			        "fields: side, rule, max-tokens, pattern",
			        name, lineno);
		if (cp->n == cp->cap) {
			size_t nc = cp->cap ? 2 * cp->cap : 16;
			cue_pattern *np = qt_xrealloc_array(cp->p, nc,
			                                    sizeof(*np));
			if (!np)
				return qt_data_fail(
				        err, QUOTH_ERR_NOMEM, lineno,
				        "%s:%zu: out of memory", name, lineno);
			cp->p = np;
			cp->cap = nc;
		}
		p = &cp->p[cp->n];
		memset(p, 0, sizeof(*p));
		st = parse_line(p, name, lineno, pos, f, fl, fo, err);
		if (st != QUOTH_OK)
			return st;
		cp->n++;
	next:
		pos = eol + 1;
	}
	if (cp->n == 0)
		return qt_data_fail(err, QUOTH_ERR_LEXICON, lineno ? lineno : 1,
		                    "%s:%zu: no patterns: no quote could be "
		                    "linked to a speaker",
		                    name, lineno ? lineno : 1);
	return QUOTH_OK;
}

static char *
read_file(const char *path, size_t *len, int *errnum)
{
	FILE *f = fopen(path, "rb");
	qbuf b = {0};
	char chunk[8192];
	size_t n;

	if (!f) {
		*errnum = errno;
		return NULL;
	}
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		qbuf_put(&b, chunk, n);
	if (ferror(f) || b.failed) {
		*errnum = ferror(f) ? errno : ENOMEM;
		fclose(f);
		qbuf_free(&b);
		return NULL;
	}
	fclose(f);
	*len = b.len;
	if (!b.ptr)
		b.ptr = calloc(1, 1);
	return b.ptr;
}

static const struct builtin_file *
builtin(const char *lang, const char *file)
{
	size_t i, ll = strlen(lang);

	for (i = 0; i < QUOTH_ARRAY_LEN(builtin_data); i++) {
		const char *nm = builtin_data[i].name;
		if (strncmp(nm, lang, ll) == 0 && nm[ll] == '/' &&
		    strcmp(nm + ll + 1, file) == 0)
			return &builtin_data[i];
	}
	return NULL;
}

/* The compiled first-name list of a language, or NULL. */
static const struct qt_name_table *
builtin_names_of(const char *lang)
{
	size_t i;

	for (i = 0; builtin_names[i].lang; i++)
		if (strcmp(builtin_names[i].lang, lang) == 0)
			return &builtin_names[i];
	return NULL;
}

const qt_tagger_image *
qt_builtin_tagger(const char *lang)
{
	const struct builtin_tagger *t;

	for (t = builtin_taggers; t->lang; t++)
		if (strcmp(t->lang, lang) == 0)
			return t->img;
	return NULL;
}

/*
 * The bytes of data file `file`: from data_dir (DIR/LANG/FILE, then
 * DIR/FILE) when given and present there, else the built-in copy.  *path
 * gets the name to use in messages; *owned is set when the bytes must be
 * freed.  NULL with *st set when the file cannot be had.
 */
static const char *
data_file(const char *lang, const char *data_dir, const char *file, char *path,
          size_t pathsz, size_t *len, bool *owned, quoth_status *st,
          quoth_error *err)
{
	const struct builtin_file *bf = builtin(lang, file);
	char *data = NULL;

	*owned = false;
	if (data_dir) {
		int errnum = 0;

		snprintf(path, pathsz, "%s/%s/%s", data_dir, lang, file);
		data = read_file(path, len, &errnum);
		if (!data && errnum == ENOENT) {
			snprintf(path, pathsz, "%s/%s", data_dir, file);
			data = read_file(path, len, &errnum);
		}
		if (!data && errnum != ENOENT) {
			*st = qt_data_fail(err, QUOTH_ERR_IO, 0, "%.400s: %s",
			                   path, strerror(errnum));
			return NULL;
		}
		if (data) {
			*owned = true;
			return data;
		}
	}
	if (bf) {
		snprintf(path, pathsz, "data/%s", bf->name);
		*len = bf->len;
		return bf->data;
	}
	*st = qt_data_fail(err, QUOTH_ERR_ARG, 0,
	                   "no data for language '%s' (%s missing)", lang,
	                   file);
	return NULL;
}

/*
 * QUOTH_WN_OFF=speech,person,org,orgs,document,places,title (any): leave
 * the named generated classes empty, each named by its file wn-NAME.txt
 * or wn-NAME-*.txt ("org" is wn-org-nouns.txt, "orgs" wn-orgs.txt).  For
 * measuring what each class decides (how many attributions change without
 * it) and for the tests that check each is still used; never set in
 * normal runs.
 */
static bool
wn_left_out(const char *file)
{
	const char *off = getenv("QUOTH_WN_OFF"), *p;
	size_t n, len;

	if (!off || strncmp(file, "wn-", 3) != 0)
		return false;
	len = strcspn(file + 3, "-.");
	for (p = off; *p;) {
		n = strcspn(p, ",");
		if (n == len && strncmp(file + 3, p, n) == 0)
			return true;
		p += n + (p[n] == ',');
	}
	return false;
}

/* The bytes of data file `file` of a language that may lack it (see
 * data_file()): NULL when it cannot be had. */
const char *
qt_data_bytes(const char *lang, const char *data_dir, const char *file,
              char *path, size_t pathsz, size_t *len, bool *owned)
{
	quoth_status st = QUOTH_OK;

	return data_file(lang, data_dir, file, path, pathsz, len, owned, &st,
	                 NULL);
}

/* Read the word list `file` into lx (nothing when QUOTH_WN_OFF leaves a
 * generated class out). */
static quoth_status
load_list(lexicon *lx, const char *lang, const char *data_dir, const char *file,
          quoth_error *err)
{
	quoth_status st = QUOTH_OK;
	char path[4096];
	const char *data;
	size_t len = 0;
	bool owned;

	if (wn_left_out(file))
		return QUOTH_OK;
	data = data_file(lang, data_dir, file, path, sizeof(path), &len, &owned,
	                 &st, err);
	if (data) {
		st = parse_file(lx, path, data, len, err);
		if (owned)
			free((char *)data);
	}
	return st;
}

/* Does data_file() find `file` in data_dir (when given)? */
static bool
in_data_dir(const char *lang, const char *data_dir, const char *file)
{
	char path[4096];

	if (!data_dir)
		return false;
	/* (as data_file() reads: an error other than "no such file"
	 * is data_file()'s to report, so the text is parsed) */
	snprintf(path, sizeof(path), "%s/%s/%s", data_dir, lang, file);
	if (access(path, F_OK) == 0 || errno != ENOENT)
		return true;
	snprintf(path, sizeof(path), "%s/%s", data_dir, file);
	return access(path, F_OK) == 0 || errno != ENOENT;
}

/* The lexicon of `file` (and `more`, NULL or a second file read into
 * it) from its image compiled in (tools/embed_lexicons.py), when both
 * files are the built-in ones and loaded whole; NULL when the text is to
 * be parsed (a data directory's own file, a class QUOTH_WN_OFF leaves
 * out, no image, out of memory). */
static lexicon *
lexicon_image(const char *lang, const char *data_dir, const char *file,
              const char *more)
{
	const qt_lexicon_image *img;

	if (in_data_dir(lang, data_dir, file) || wn_left_out(file) ||
	    (more && (in_data_dir(lang, data_dir, more) || wn_left_out(more))))
		return NULL;
	for (img = builtin_lexicons; img->lang; img++)
		if (strcmp(img->lang, lang) == 0 &&
		    strcmp(img->file, file) == 0 &&
		    (more ? img->more && strcmp(img->more, more) == 0
		          : !img->more))
			return qt_lexicon_from_image(img);
	return NULL;
}

/* The built-in symbol table of lang, when its byte order is this
 * machine's; NULL otherwise (then qt_symtab_build() makes it). */
static symtab *
builtin_symtab_of(const char *lang)
{
	const struct builtin_symtab *b;
	uint16_t one = 1;
	unsigned char first;

	memcpy(&first, &one, 1);
	for (b = builtin_symtabs; b->lang; b++)
		if (strcmp(b->lang, lang) == 0 && b->little == (first == 1))
			/* (read-only: nothing writes a built table) */
			return (symtab *)b->st;
	return NULL;
}

/* A data directory's own first-names.txt (DIR/LANG/ or DIR/, as
 * data_file() looks), parsed into ld->first_names; without one, the
 * compiled table serves. */
static quoth_status
own_first_names(lang_data *ld, const char *lang, const char *data_dir,
                quoth_error *err)
{
	quoth_status st;
	char path[4096];
	bool own;

	if (!data_dir)
		return QUOTH_OK;
	snprintf(path, sizeof(path), "%s/%s/first-names.txt", data_dir, lang);
	own = access(path, F_OK) == 0;
	snprintf(path, sizeof(path), "%s/first-names.txt", data_dir);
	if (!own && access(path, F_OK) != 0)
		return QUOTH_OK;
	ld->first_names = qt_lexicon_new();
	if (!ld->first_names)
		return qt_data_fail(err, QUOTH_ERR_NOMEM, 0, "out of memory");
	st = load_list(ld->first_names, lang, data_dir, "first-names.txt", err);
	if (st != QUOTH_OK) {
		qt_lexicon_free(ld->first_names);
		ld->first_names = NULL;
	}
	return st;
}

quoth_status
qt_lang_data_load(lang_data *ld, const char *lang, const char *data_dir,
                  quoth_error *err)
{
	int i;
	quoth_status st = QUOTH_OK;
	char path[4096];
	const char *data;
	size_t len = 0;
	bool owned, images = true; /* every lexicon from its image */

	memset(ld, 0, sizeof(*ld));
	for (i = 0; i < LEX_COUNT_; i++) {
		ld->lex[i] = lexicon_image(lang, data_dir, lex_files[i],
		                           lex_more[i]);
		if (ld->lex[i])
			continue;
		images = false;
		ld->lex[i] = qt_lexicon_new();
		if (!ld->lex[i]) {
			qt_lang_data_free(ld);
			return qt_data_fail(err, QUOTH_ERR_NOMEM, 0,
			                    "out of memory");
		}
		st = load_list(ld->lex[i], lang, data_dir, lex_files[i], err);
		if (st == QUOTH_OK && lex_more[i])
			st = load_list(ld->lex[i], lang, data_dir, lex_more[i],
			               err);
		if (st != QUOTH_OK) {
			qt_lang_data_free(ld);
			return st;
		}
	}
	data = data_file(lang, data_dir, "patterns.txt", path, sizeof(path),
	                 &len, &owned, &st, err);
	if (data) {
		st = qt_cuepat_parse(&ld->pats, path, data, len, err);
		if (owned)
			free((char *)data);
	}
	if (st == QUOTH_OK) {
		data = data_file(lang, data_dir, "choice-weights.txt", path,
		                 sizeof(path), &len, &owned, &st, err);
		if (data) {
			st = qt_choice_parse(&ld->choice, path, data, len, err);
			if (owned)
				free((char *)data);
		}
	}
	ld->names = builtin_names_of(lang);
	if (st == QUOTH_OK)
		st = own_first_names(ld, lang, data_dir, err);
	if (st == QUOTH_OK) {
		/* (the table built in was built from the same images) */
		ld->sym = images ? builtin_symtab_of(lang) : NULL;
		ld->sym_builtin = ld->sym != NULL;
		if (!ld->sym)
			ld->sym = qt_symtab_build(ld->lex);
		if (!ld->sym)
			st = qt_data_fail(err, QUOTH_ERR_NOMEM, 0,
			                  "out of memory");
	}
	if (st != QUOTH_OK)
		qt_lang_data_free(ld);
	return st;
}

quoth_status
qt_first_names_load(lang_data *ld, const char *lang, const char *data_dir,
                    quoth_error *err)
{
	(void)data_dir;
	ld->gender_from_names = true;
	if (ld->first_names || ld->names)
		return QUOTH_OK;
	return qt_data_fail(err, QUOTH_ERR_ARG, 0,
	                    "no data for language '%s' (first-names.txt "
	                    "missing)",
	                    lang);
}

/* Compare key[0..n) with the name at p (ended by an uppercase flag
 * letter): <0, 0 or >0; *end gets the name's end. */
static int
name_cmp(const char *key, size_t n, const char *p, const char **end)
{
	size_t i = 0;
	int d = 0;

	while (p[i] >= 'a' && p[i] <= 'z') {
		if (d == 0)
			d = i < n ? (unsigned char)key[i] - (unsigned char)p[i]
			          : -1;
		i++;
	}
	*end = p + i;
	if (d == 0 && n > i)
		d = 1;
	return d;
}

int
qt_first_name(const lang_data *ld, const char *s, size_t n)
{
	const struct qt_name_table *nt = ld->names;
	size_t lo = 0, hi, k;
	const char *p, *end;

	if (ld->first_names)
		return qt_lexicon_get(ld->first_names, s, n);
	if (!nt || n == 0)
		return -1;
	/* the last block whose first name is at most s, then its names */
	hi = nt->nblock;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (name_cmp(s, n, nt->text + nt->block[mid], &end) < 0)
			hi = mid;
		else
			lo = mid;
	}
	p = nt->text + nt->block[lo];
	for (k = 0; k < QT_NAMES_STEP && p < nt->text + nt->len; k++) {
		int d = name_cmp(s, n, p, &end);
		if (d == 0)
			return 1 << (*end - 'A');
		if (d < 0)
			break;
		p = end + 1;
	}
	return -1;
}

size_t
qt_first_names_count(const lang_data *ld)
{
	if (ld->first_names)
		return qt_lexicon_size(ld->first_names);
	return ld->names ? ld->names->count : 0;
}

/* The first name is the first of two or more words ("Jagmeet Singh"; a
 * lone "Trudeau" may be a surname); accents are ignored ("José" is
 * "jose"); a hyphenated one is looked up whole ("Mary-Jane" as
 * "maryjane"), then by its first part. */
int
qt_name_gender(const lang_data *ld, const char *name, size_t n)
{
	utf8proc_uint8_t *folded = NULL;
	utf8proc_ssize_t fl;
	size_t w = 0, i, k = 0, hy = 0;
	int v = -1;

	while (w < n && name[w] != ' ')
		w++;
	if (w == n || w < 2)
		return 0;
	fl = utf8proc_map(
	        (const utf8proc_uint8_t *)name, (utf8proc_ssize_t)w, &folded,
	        UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD);
	if (fl <= 0) {
		free(folded);
		return 0;
	}
	/* letters only: drop hyphens and apostrophes; an initial ("J.")
	 * or a digit is no first name */
	for (i = 0; i < (size_t)fl; i++) {
		utf8proc_uint8_t ch = folded[i];
		if (ch == '-' && !hy)
			hy = k;
		if (ch == '-' || ch == '\'')
			continue;
		if (ch == '.' || (ch >= '0' && ch <= '9'))
			goto out;
		folded[k++] = ch;
	}
	v = qt_first_name(ld, (const char *)folded, k);
	if (v < 0 && hy > 1)
		v = qt_first_name(ld, (const char *)folded, hy);
out:
	free(folded);
	if (v < 0)
		return 0;
	return v & NAME_MALE ? NAME_MALE : v & NAME_FEMALE ? NAME_FEMALE : 0;
}

void
qt_lang_data_free(lang_data *ld)
{
	int i;

	qt_lexicon_free(ld->first_names);
	ld->first_names = NULL;

	for (i = 0; i < LEX_COUNT_; i++) {
		qt_lexicon_free(ld->lex[i]);
		ld->lex[i] = NULL;
	}
	qt_cuepat_free(&ld->pats);
	qt_choice_free(ld->choice);
	ld->choice = NULL;
	if (!ld->sym_builtin)
		qt_symtab_free(ld->sym);
	ld->sym = NULL;
	ld->sym_builtin = false;
}
