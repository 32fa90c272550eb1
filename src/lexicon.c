/*
 * lexicon.c: the data files of a language (data/LANG/NAME.txt).
 *
 * Format: UTF-8, one entry per line, `phrase` or `phrase<TAB>flags`;
 * `#` starts a comment line.  A phrase is one to six words; flags are
 * lowercase letters, stored as a bit mask (bit = letter - 'a').  Phrases
 * are case-folded with utf8proc, so lookups fold the same way.
 *
 * The files are compiled into the library from data/ (tools/embed.py);
 * with a data directory, a file found there replaces the built-in copy.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon.h"
#include "text.h"

struct builtin_file {
	const char *name;
	const char *data;
	size_t len;
};

#include "data.inc"

typedef struct {
	char *key; /* folded phrase, NUL-terminated */
	size_t len;
	int value;
} lex_entry;

struct lexicon {
	lex_entry *slots;
	size_t cap;  /* power of two */
	size_t n;
	size_t max_words;
};

static uint64_t
hash_bytes(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ull; /* FNV-1a */
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ull;
	}
	return h;
}

lexicon *
lexicon_new(void)
{
	lexicon *lx = calloc(1, sizeof(*lx));

	if (!lx)
		return NULL;
	lx->cap = 64;
	lx->slots = calloc(lx->cap, sizeof(lex_entry));
	if (!lx->slots) {
		free(lx);
		return NULL;
	}
	return lx;
}

void
lexicon_free(lexicon *lx)
{
	size_t i;

	if (!lx)
		return;
	for (i = 0; i < lx->cap; i++)
		free(lx->slots[i].key);
	free(lx->slots);
	free(lx);
}

static lex_entry *
find_slot(lex_entry *slots, size_t cap, const char *s, size_t n)
{
	size_t i = (size_t)hash_bytes(s, n) & (cap - 1);

	while (slots[i].key &&
	       !(slots[i].len == n && memcmp(slots[i].key, s, n) == 0))
		i = (i + 1) & (cap - 1);
	return &slots[i];
}

static bool
grow(lexicon *lx)
{
	size_t cap = lx->cap * 2, i;
	lex_entry *slots = calloc(cap, sizeof(lex_entry));

	if (!slots)
		return false;
	for (i = 0; i < lx->cap; i++)
		if (lx->slots[i].key)
			*find_slot(slots, cap, lx->slots[i].key,
			           lx->slots[i].len) = lx->slots[i];
	free(lx->slots);
	lx->slots = slots;
	lx->cap = cap;
	return true;
}

bool
lexicon_add(lexicon *lx, const char *s, size_t n, int value)
{
	lex_entry *e;
	size_t words = 1, i;

	if ((lx->n + 1) * 2 > lx->cap && !grow(lx))
		return false;
	e = find_slot(lx->slots, lx->cap, s, n);
	if (e->key) {
		e->value |= value;
		return true;
	}
	e->key = malloc(n + 1);
	if (!e->key)
		return false;
	memcpy(e->key, s, n);
	e->key[n] = '\0';
	e->len = n;
	e->value = value;
	lx->n++;
	for (i = 0; i < n; i++)
		if (s[i] == ' ')
			words++;
	if (words > lx->max_words)
		lx->max_words = words;
	return true;
}

int
lexicon_get(const lexicon *lx, const char *s, size_t n)
{
	const lex_entry *e;

	if (!lx || lx->n == 0)
		return -1;
	e = find_slot(lx->slots, lx->cap, s, n);
	return e->key ? e->value : -1;
}

size_t
lexicon_max_words(const lexicon *lx)
{
	return lx ? lx->max_words : 0;
}

int
lexicon_get_tokens(const lexicon *lx, const char *text, const token *t,
                   size_t a, size_t b)
{
	char small[128];
	qbuf fold = {0};
	size_t i, n = 0;
	int v;

	/* ASCII fast path: fold into a stack buffer, no allocation (this
	 * runs for every token and lexicon) */
	for (i = a; i < b; i++) {
		size_t k, len = t[i].end - t[i].start;
		const unsigned char *p =
		        (const unsigned char *)text + t[i].start;
		if (i > a && (t[i].flags & TF_SPACE_BEFORE)) {
			if (n == sizeof(small))
				break;
			small[n++] = ' ';
		}
		if (len > sizeof(small) - n)
			break;
		for (k = 0; k < len; k++) {
			if (p[k] >= 0x80)
				break;
			small[n++] = (char)(p[k] >= 'A' && p[k] <= 'Z' ? p[k] + 32
			                                                : p[k]);
		}
		if (k < len)
			break;
	}
	if (i == b)
		return lexicon_get(lx, small, n);

	for (i = a; i < b; i++) {
		if (i > a && (t[i].flags & TF_SPACE_BEFORE))
			qbuf_putc(&fold, ' ');
		text_fold(&fold, text + t[i].start, t[i].end - t[i].start);
	}
	if (fold.failed) {
		qbuf_free(&fold);
		return -1;
	}
	v = lexicon_get(lx, fold.ptr ? fold.ptr : "", fold.len);
	qbuf_free(&fold);
	return v;
}

static const char *const lex_files[LEX_COUNT_] = {
	[LEX_ABBREV] = "abbrev.txt",
	[LEX_CUES] = "cues.txt",
	[LEX_PRONOUNS] = "pronouns.txt",
	[LEX_TITLES] = "titles.txt",
	[LEX_HONORIFICS] = "honorifics.txt",
	[LEX_ORGS] = "orgs.txt",
	[LEX_SCARE] = "scare.txt",
	[LEX_NONNAMES] = "nonnames.txt",
};

quoth_status
data_fail(quoth_error *err, quoth_status st, size_t line, const char *fmt, ...)
{
	va_list ap;

	if (err) {
		memset(err, 0, sizeof(*err));
		err->status = st;
		err->line = line;
		va_start(ap, fmt);
		vsnprintf(err->message, sizeof(err->message), fmt, ap);
		va_end(ap);
	}
	return st;
}

bool
data_line(const char *data, size_t len, size_t pos, size_t *end, size_t *eol)
{
	size_t e = pos;

	while (e < len && data[e] != '\n')
		e++;
	*eol = e;
	if (e > pos && data[e - 1] == '\r')
		e--;
	*end = e;
	return text_first_invalid(data + pos, e - pos, NULL) == QUOTH_NONE;
}

/* Parse one data file into lx; `name` is used in messages. */
static quoth_status
parse_file(lexicon *lx, const char *name, const char *data, size_t len,
           quoth_error *err)
{
	size_t pos = 0, lineno = 0;
	qbuf fold = {0};
	quoth_status st = QUOTH_OK;

	while (pos < len) {
		size_t eol = pos, end, tab = QUOTH_NONE, i, words = 1;
		int value = 0;

		lineno++;
		if (!data_line(data, len, pos, &end, &eol)) {
			st = data_fail(err, QUOTH_ERR_LEXICON, lineno,
			               "%s:%zu: invalid UTF-8", name, lineno);
			goto out;
		}
		for (i = pos; i < end; i++)
			if (data[i] == '\t') {
				tab = i;
				break;
			}
		if (end == pos || data[pos] == '#')
			goto next;
		if (tab != QUOTH_NONE) {
			for (i = tab + 1; i < end; i++) {
				char c = data[i];
				if (c < 'a' || c > 'z') {
					st = data_fail(err, QUOTH_ERR_LEXICON,
					               lineno,
					               "%s:%zu: flags must be "
					               "lowercase letters",
					               name, lineno);
					goto out;
				}
				value |= 1 << (c - 'a');
			}
			end = tab;
		}
		while (end > pos && (data[end - 1] == ' '))
			end--;
		if (end == pos) {
			st = data_fail(err, QUOTH_ERR_LEXICON, lineno,
			               "%s:%zu: empty phrase", name, lineno);
			goto out;
		}
		fold.len = 0;
		text_fold(&fold, data + pos, end - pos);
		for (i = 0; i < fold.len; i++)
			if (fold.ptr[i] == ' ')
				words++;
		if (words > 6) {
			st = data_fail(err, QUOTH_ERR_LEXICON, lineno,
			               "%s:%zu: a phrase has at most six "
			               "words",
			               name, lineno);
			goto out;
		}
		if (fold.failed || !lexicon_add(lx, fold.ptr, fold.len, value)) {
			st = data_fail(err, QUOTH_ERR_NOMEM, lineno,
			               "%s:%zu: out of memory", name, lineno);
			goto out;
		}
	next:
		pos = eol + 1;
	}
out:
	qbuf_free(&fold);
	return st;
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

/*
 * The bytes of data file `file`: from data_dir (DIR/LANG/FILE, then
 * DIR/FILE) when given and present there, else the built-in copy.  *path
 * gets the name to use in messages; *owned is set when the bytes must be
 * freed.  NULL with *st set when the file cannot be had.
 */
static const char *
data_file(const char *lang, const char *data_dir, const char *file,
          char *path, size_t pathsz, size_t *len, bool *owned,
          quoth_status *st, quoth_error *err)
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
			*st = data_fail(err, QUOTH_ERR_IO, 0, "%.400s: %s",
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
	*st = data_fail(err, QUOTH_ERR_ARG, 0,
	                "no data for language '%s' (%s missing)", lang, file);
	return NULL;
}

quoth_status
lang_data_load(lang_data *ld, const char *lang, const char *data_dir,
               quoth_error *err)
{
	int i;
	quoth_status st = QUOTH_OK;
	char path[4096];
	const char *data;
	size_t len = 0;
	bool owned;

	memset(ld, 0, sizeof(*ld));
	for (i = 0; i < LEX_COUNT_; i++) {
		ld->lex[i] = lexicon_new();
		if (!ld->lex[i]) {
			lang_data_free(ld);
			return data_fail(err, QUOTH_ERR_NOMEM, 0,
			                 "out of memory");
		}
		data = data_file(lang, data_dir, lex_files[i], path,
		                 sizeof(path), &len, &owned, &st, err);
		if (data) {
			st = parse_file(ld->lex[i], path, data, len, err);
			if (owned)
				free((char *)data);
		}
		if (st != QUOTH_OK) {
			lang_data_free(ld);
			return st;
		}
	}
	data = data_file(lang, data_dir, "patterns.txt", path, sizeof(path),
	                 &len, &owned, &st, err);
	if (data) {
		st = cuepat_parse(&ld->pats, path, data, len, err);
		if (owned)
			free((char *)data);
	}
	if (st != QUOTH_OK)
		lang_data_free(ld);
	return st;
}

void
lang_data_free(lang_data *ld)
{
	int i;

	for (i = 0; i < LEX_COUNT_; i++) {
		lexicon_free(ld->lex[i]);
		ld->lex[i] = NULL;
	}
	cuepat_free(&ld->pats);
}
