/*
 * test_spec.c: runs a spec file (tests/spec/attrib.txt) through the
 * public API, one Check test per case, as cmark runs its spec.txt.
 *
 *     test_spec FILE
 *
 * The format is described at the top of tests/spec/attrib.txt.  The file
 * is read when the program starts; a malformed line stops the run before
 * any test with "Bail out! FILE:LINE: message".  A case fails with one
 * line per difference: "FILE:LINE: quote 2: speaker: expected "Ann Lee",
 * got "Tom Hardy"", LINE being the expectation's line.
 *
 * Every case is extracted with one extractor made in main() (forked test
 * processes inherit it; with CK_FORK=no they share it).  A case collects
 * all its differences and frees its result before failing, so that a
 * failure under valgrind (CK_FORK=no, where failing is a longjmp) leaks
 * nothing.
 */
#include <check.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "quoth.h"

/* What one item of an expectation line checks. */
enum check_kind {
	CK_TYPE,      /* direct | mixed | indirect | partial */
	CK_FIELD_EQ,  /* speaker=Ann Lee; speaker=- (absent) */
	CK_FIELD_HAS, /* title~Minister: present and containing */
	CK_FIELD_NOT, /* speaker!=Ann Lee: absent or different */
	CK_SPAN,      /* cue-span=said; cue-span=- (no span) */
	CK_PART,      /* part2=has never been */
	CK_NPARTS,    /* parts=2 */
	CK_NVERBATIM  /* verbatim=0 */
};

struct check {
	enum check_kind kind;
	int what;     /* quoth_field, quoth_span_kind or part number */
	char *value;  /* unescaped; NULL for "-" */
	size_t start; /* CK_SPAN, CK_PART: where value lies in the text */
	size_t end;
	size_t n; /* CK_NPARTS, CK_NVERBATIM */
};

/* One expectation line: "2. speaker=Ann Lee | cue=said". */
enum { SEL_INDEX, SEL_LAST, SEL_EACH };

struct expect {
	int sel;
	size_t index; /* 0-based, for SEL_INDEX */
	int line;
	struct check *checks;
	size_t nchecks;
};

struct spec_case {
	char *name;
	int line;
	char *text;
	size_t len;
	int has_text;
	int count_line; /* 0: no count expected */
	int at_least;
	size_t count;
	struct expect *exps;
	size_t nexps;
};

static const char *spec_path;
static struct spec_case *cases;
static size_t ncases;
static quoth_extractor *ex;

static const char *const field_names[QUOTH_FIELD_COUNT_] = {
        [QUOTH_FIELD_SPEAKER] = "speaker",
        [QUOTH_FIELD_TITLE] = "title",
        [QUOTH_FIELD_GENDER] = "gender",
        [QUOTH_FIELD_MENTION] = "mention",
        [QUOTH_FIELD_CUE] = "cue",
        [QUOTH_FIELD_QUOTE] = "quote",
        [QUOTH_FIELD_CONTEXT] = "context",
        [QUOTH_FIELD_RULE] = "rule",
        [QUOTH_FIELD_GENDER_SOURCE] = "gender_source",
        [QUOTH_FIELD_KIND] = "kind",
};

static const char *const span_names[] = {
        [QUOTH_SPAN_QUOTE] = "quote-span",
        [QUOTH_SPAN_MENTION] = "mention-span",
        [QUOTH_SPAN_CUE] = "cue-span",
        [QUOTH_SPAN_CONTEXT] = "context-span",
};

/* ---- reading the spec file ------------------------------------------- */

static void bail(int line, const char *fmt, ...)
        __attribute__((noreturn, format(printf, 2, 3)));

static void
bail(int line, const char *fmt, ...)
{
	va_list ap;

	printf("Bail out! %s:%d: ", spec_path, line);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	fflush(stdout);
	fprintf(stderr,
	        "%s:%d: malformed spec line (see the top of the "
	        "file for the format)\n",
	        spec_path, line);
	exit(EXIT_FAILURE);
}

static void *
xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p) {
		fprintf(stderr, "test_spec: out of memory\n");
		exit(EXIT_FAILURE);
	}
	return p;
}

static char *
xstrndup(const char *s, size_t n)
{
	char *d = xrealloc(NULL, n + 1);

	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

static int
starts(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* Byte offset of the n-th (1-based) occurrence of needle in hay, or -1. */
static long
find_nth(const char *hay, size_t hlen, const char *needle, size_t n)
{
	size_t nlen = strlen(needle), i;

	if (nlen == 0 || nlen > hlen)
		return -1;
	for (i = 0; i + nlen <= hlen; i++)
		if (memcmp(hay + i, needle, nlen) == 0 && --n == 0)
			return (long)i;
	return -1;
}

/* A value with its escapes \n, \| and \\ resolved; "-" is NULL. */
static char *
unescape(const char *s, size_t n, int line)
{
	char *d = xrealloc(NULL, n + 1);
	size_t i, k = 0;

	if (n == 1 && s[0] == '-') {
		free(d);
		return NULL;
	}
	for (i = 0; i < n; i++) {
		if (s[i] != '\\') {
			d[k++] = s[i];
			continue;
		}
		if (i + 1 == n || !strchr("n|\\", s[i + 1]))
			bail(line,
			     "unknown escape in \"%.*s\" (only \\n, \\| "
			     "and \\\\)",
			     (int)n, s);
		i++;
		d[k++] = s[i] == 'n' ? '\n' : s[i];
	}
	d[k] = '\0';
	return d;
}

static size_t
parse_count(const char *s, int line)
{
	char *end;
	unsigned long v;

	errno = 0;
	v = strtoul(s, &end, 10);
	if (end == s || *end != '\0' || errno || s[0] == '-' || s[0] == '+')
		bail(line, "\"%s\" is not a number", s);
	return (size_t)v;
}

/* Where a span's text lies: "said" is its first occurrence in the case
 * text, "said#2" the second. */
static void
locate(struct spec_case *c, struct check *k, int line)
{
	char *hash = k->value ? strrchr(k->value, '#') : NULL;
	size_t nth = 1;
	long at;

	if (!k->value)
		return;
	if (hash && hash[1] &&
	    strspn(hash + 1, "0123456789") == strlen(hash + 1)) {
		nth = parse_count(hash + 1, line);
		*hash = '\0';
	}
	at = find_nth(c->text, c->len, k->value, nth);
	if (at < 0)
		bail(line, "\"%s\" (occurrence %zu) is not in the case's text",
		     k->value, nth);
	k->start = (size_t)at;
	k->end = k->start + strlen(k->value);
}

static void
parse_item(struct spec_case *c, struct check *k, const char *s, size_t n,
           int line)
{
	static const char *const types[] = {"direct", "mixed", "indirect",
	                                    "partial"};
	size_t name_len = strcspn(s, "=~!");
	const char *op = s + name_len, *val;
	char name[32];
	size_t i;

	memset(k, 0, sizeof(*k));
	if (name_len >= n) { /* a bare word: the type */
		for (i = 0; i < 4; i++)
			if (strlen(types[i]) == n && !strncmp(s, types[i], n)) {
				k->kind = CK_TYPE;
				k->what = (int)i;
				return;
			}
		bail(line,
		     "\"%.*s\" is no type (direct, mixed, indirect, "
		     "partial) and has no '='",
		     (int)n, s);
	}
	if (name_len == 0 || name_len >= sizeof(name))
		bail(line, "no field name before \"%.*s\"", (int)n, s);
	memcpy(name, s, name_len);
	name[name_len] = '\0';
	if (op[0] == '=')
		val = op + 1;
	else if (op[0] == '~' || (op[0] == '!' && op[1] == '='))
		val = op + (op[0] == '~' ? 1 : 2);
	else
		bail(line, "\"%.*s\": expected '=', '~' or '!=' after \"%s\"",
		     (int)n, s, name);
	k->value = unescape(val, n - (size_t)(val - s), line);

	for (i = 0; i < QUOTH_FIELD_COUNT_; i++)
		if (!strcmp(name, field_names[i])) {
			k->what = (int)i;
			k->kind = op[0] == '='   ? CK_FIELD_EQ
			          : op[0] == '~' ? CK_FIELD_HAS
			                         : CK_FIELD_NOT;
			if (k->kind != CK_FIELD_EQ && !k->value)
				bail(line, "\"%s\" needs a value, not '-'",
				     name);
			return;
		}
	if (op[0] != '=')
		bail(line,
		     "'~' and '!=' apply to text fields only, not "
		     "\"%s\"",
		     name);
	for (i = 0; i < sizeof(span_names) / sizeof(span_names[0]); i++)
		if (!strcmp(name, span_names[i])) {
			k->kind = CK_SPAN;
			k->what = (int)i;
			locate(c, k, line);
			return;
		}
	if (!strcmp(name, "parts") || !strcmp(name, "verbatim")) {
		k->kind = name[0] == 'p' ? CK_NPARTS : CK_NVERBATIM;
		if (!k->value)
			bail(line, "\"%s\" needs a number", name);
		k->n = parse_count(k->value, line);
		return;
	}
	if (starts(name, "part") && name[4] >= '1' && name[4] <= '9' &&
	    strspn(name + 4, "0123456789") == strlen(name + 4)) {
		k->kind = CK_PART;
		k->what = atoi(name + 4);
		if (!k->value)
			bail(line, "\"%s\" needs the part's text", name);
		locate(c, k, line);
		return;
	}
	bail(line,
	     "unknown field \"%s\" (speaker, title, gender, mention, "
	     "cue, quote, context, rule, quote-span, mention-span, cue-span, "
	     "context-span, parts, partN, verbatim)",
	     name);
}

/* "2. speaker=Ann Lee | mention=she", "last. ...", "each. ..." */
static void
parse_expect(struct spec_case *c, const char *s, int line)
{
	struct expect e;
	const char *dot = strstr(s, ". "), *p, *q;

	memset(&e, 0, sizeof(e));
	e.line = line;
	if (!dot)
		bail(line, "expected \"N. \", \"last. \" or \"each. \"");
	if (starts(s, "last. ")) {
		e.sel = SEL_LAST;
	} else if (starts(s, "each. ")) {
		e.sel = SEL_EACH;
	} else {
		char num[16];
		size_t n = (size_t)(dot - s);

		if (n == 0 || n >= sizeof(num) || strspn(s, "0123456789") != n)
			bail(line,
			     "expected \"N. \", \"last. \" or \"each. \"");
		memcpy(num, s, n);
		num[n] = '\0';
		e.sel = SEL_INDEX;
		e.index = parse_count(num, line);
		if (e.index == 0)
			bail(line, "quotes are numbered from 1");
		e.index--;
	}
	p = dot + 2;
	for (;;) {
		size_t n;

		/* an item ends at an unescaped '|' */
		for (q = p; *q && *q != '|'; q++)
			if (*q == '\\' && q[1])
				q++;
		while (*p == ' ')
			p++;
		n = (size_t)(q - p);
		while (n > 0 && p[n - 1] == ' ')
			n--;
		if (n == 0)
			bail(line, "empty item between '|'");
		e.checks = xrealloc(e.checks,
		                    (e.nchecks + 1) * sizeof(*e.checks));
		{
			char *item = xstrndup(p, n);
			parse_item(c, &e.checks[e.nchecks], item, n, line);
			free(item);
		}
		e.nchecks++;
		if (!*q)
			break;
		p = q + 1;
	}
	c->exps = xrealloc(c->exps, (c->nexps + 1) * sizeof(*c->exps));
	c->exps[c->nexps++] = e;
}

/* "= 2 quotes", "= 1 quote", "= at least 2 quotes" */
static void
parse_count_line(struct spec_case *c, const char *s, int line)
{
	char num[16];
	size_t n;

	if (c->count_line)
		bail(line, "a second count (the first is on line %d)",
		     c->count_line);
	s += 2;
	if (starts(s, "at least ")) {
		c->at_least = 1;
		s += 9;
	}
	n = strspn(s, "0123456789");
	if (n == 0 || n >= sizeof(num) ||
	    (strcmp(s + n, " quotes") && strcmp(s + n, " quote")))
		bail(line,
		     "expected \"= N quotes\" or \"= at least N quotes\"");
	memcpy(num, s, n);
	num[n] = '\0';
	c->count = parse_count(num, line);
	c->count_line = line;
}

static int
is_expect_line(const char *s)
{
	size_t n = strspn(s, "0123456789");

	return starts(s, "last. ") || starts(s, "each. ") ||
	       (n > 0 && s[n] == '.');
}

static void
end_case(struct spec_case *c, int line)
{
	if (!c)
		return;
	if (!c->has_text)
		bail(line, "case \"%s\" (line %d) has no text ('> ' lines)",
		     c->name, c->line);
	if (!c->count_line && c->nexps == 0)
		bail(line, "case \"%s\" (line %d) expects nothing", c->name,
		     c->line);
}

static void
read_spec(void)
{
	FILE *f = fopen(spec_path, "r");
	char buf[8192];
	int line = 0;
	struct spec_case *c = NULL;
	enum { PREAMBLE, PROSE, TEXT, AFTER_TEXT, EXPECT } state = PREAMBLE;

	if (!f) {
		printf("Bail out! %s: %s\n", spec_path, strerror(errno));
		exit(EXIT_FAILURE);
	}
	while (fgets(buf, sizeof(buf), f)) {
		size_t n = strlen(buf);

		line++;
		if (n > 0 && buf[n - 1] == '\n')
			buf[--n] = '\0';
		else if (!feof(f))
			bail(line, "line longer than %zu bytes", sizeof(buf));
		if (n > 0 && buf[n - 1] == '\r')
			bail(line, "CRLF line end (write the file with LF)");

		if (starts(buf, "## ") || starts(buf, "# ")) {
			end_case(c, line);
			c = NULL;
			state = PREAMBLE;
			if (buf[1] == ' ')
				continue; /* a section title */
			cases = xrealloc(cases, (ncases + 1) * sizeof(*cases));
			c = &cases[ncases++];
			memset(c, 0, sizeof(*c));
			c->name = xstrndup(buf + 3, n - 3);
			c->line = line;
			for (size_t i = 0; i + 1 < ncases; i++)
				if (!strcmp(cases[i].name, c->name))
					bail(line,
					     "a second case \"%s\" (the "
					     "first is on line %d)",
					     c->name, cases[i].line);
			state = PROSE;
			continue;
		}
		if (state == PREAMBLE)
			continue;
		if (buf[0] == '#')
			bail(line, "a heading needs a space after its '#'");
		if (buf[0] == '>') {
			if (buf[1] != '\0' && buf[1] != ' ')
				bail(line, "a text line is '> ' and the text "
				           "('>' alone for an empty line)");
			if (state == EXPECT)
				bail(line, "text after the expectations");
			if (state == AFTER_TEXT)
				bail(line, "an empty line inside the text "
				           "(write '>' for it)");
			if (state == TEXT) {
				c->text = xrealloc(c->text, c->len + n + 1);
				c->text[c->len++] = '\n';
			}
			n = n > 2 ? n - 2 : 0;
			c->text = xrealloc(c->text, c->len + n + 1);
			memcpy(c->text + c->len, buf + 2, n);
			c->len += n;
			c->text[c->len] = '\0';
			c->has_text = 1;
			state = TEXT;
			continue;
		}
		if (buf[0] == '\0') {
			if (state == TEXT)
				state = AFTER_TEXT; /* the text is over */
			continue;
		}
		if (starts(buf, "= ") || is_expect_line(buf)) {
			if (state == PROSE)
				bail(line, "an expectation before the case's "
				           "text");
			state = EXPECT;
			if (buf[0] == '=')
				parse_count_line(c, buf, line);
			else
				parse_expect(c, buf, line);
			continue;
		}
		if (state == PROSE)
			continue; /* a note on the case */
		bail(line, "expected '> ' text, '= N quotes' or an "
		           "expectation \"N. field=value | ...\"");
	}
	if (ferror(f))
		bail(line, "read error");
	fclose(f);
	end_case(c, line + 1);
	if (ncases == 0)
		bail(line, "no cases");
}

static void
free_spec(void)
{
	size_t i, j, k;

	for (i = 0; i < ncases; i++) {
		for (j = 0; j < cases[i].nexps; j++) {
			for (k = 0; k < cases[i].exps[j].nchecks; k++)
				free(cases[i].exps[j].checks[k].value);
			free(cases[i].exps[j].checks);
		}
		free(cases[i].exps);
		free(cases[i].text);
		free(cases[i].name);
	}
	free(cases);
}

/* ---- running a case -------------------------------------------------- */

/* The differences of the running case, one line each. */
static char report[16384];
static size_t report_len;
static int first_bad_line;

static void
differ(int line, size_t quote, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (!first_bad_line)
		first_bad_line = line;
	if (report_len + 1 >= sizeof(report))
		return;
	n = snprintf(report + report_len, sizeof(report) - report_len,
	             "\n    %s:%d: ", spec_path, line);
	if (n > 0)
		report_len += (size_t)n;
	if (quote && report_len < sizeof(report))
		report_len += (size_t)snprintf(report + report_len,
		                               sizeof(report) - report_len,
		                               "quote %zu: ", quote);
	if (report_len >= sizeof(report)) {
		report_len = sizeof(report) - 1;
		return;
	}
	va_start(ap, fmt);
	n = vsnprintf(report + report_len, sizeof(report) - report_len, fmt,
	              ap);
	va_end(ap);
	if (n > 0)
		report_len += (size_t)n;
	if (report_len >= sizeof(report))
		report_len = sizeof(report) - 1;
}

static const char *
show(const char *s)
{
	return s ? s : "(none)";
}

static void
check_text(const quoth_result *r, size_t i, const struct check *k, int line)
{
	size_t len = 99;
	const char *got = quoth_quote_str(r, i, (quoth_field)k->what, &len);
	const char *name = field_names[k->what];

	if (got && len != strlen(got))
		differ(line, i + 1, "%s: length %zu, but \"%s\" has %zu bytes",
		       name, len, got, strlen(got));
	if (!got && len != 0)
		differ(line, i + 1, "%s: absent with length %zu", name, len);
	switch (k->kind) {
	case CK_FIELD_EQ:
		if ((got == NULL) != (k->value == NULL) ||
		    (got && strcmp(got, k->value)))
			differ(line, i + 1, "%s: expected \"%s\", got \"%s\"",
			       name, show(k->value), show(got));
		break;
	case CK_FIELD_HAS:
		if (!got || !strstr(got, k->value))
			differ(line, i + 1,
			       "%s: expected one containing "
			       "\"%s\", got \"%s\"",
			       name, k->value, show(got));
		break;
	case CK_FIELD_NOT:
		if (got && !strcmp(got, k->value))
			differ(line, i + 1, "%s: expected anything but \"%s\"",
			       name, k->value);
		break;
	default:
		break;
	}
}

static void
check_one(const struct spec_case *c, const quoth_result *r, size_t i,
          const struct check *k, int line)
{
	size_t a = (size_t)-7, b = (size_t)-7, n;

	switch (k->kind) {
	case CK_TYPE:
		if ((int)quoth_quote_type(r, i) != k->what)
			differ(line, i + 1, "type: expected %s, got %s",
			       quoth_type_name((quoth_type)k->what),
			       quoth_type_name(quoth_quote_type(r, i)));
		break;
	case CK_FIELD_EQ:
	case CK_FIELD_HAS:
	case CK_FIELD_NOT:
		check_text(r, i, k, line);
		break;
	case CK_SPAN:
		if (!quoth_quote_span(r, i, (quoth_span_kind)k->what, &a, &b)) {
			if (a != (size_t)-7 || b != (size_t)-7)
				differ(line, i + 1,
				       "%s: no span, but the "
				       "out-parameters were written",
				       span_names[k->what]);
			if (k->value)
				differ(line, i + 1,
				       "%s: expected \"%s\" at "
				       "%zu-%zu, got no span",
				       span_names[k->what], k->value, k->start,
				       k->end);
		} else if (!k->value) {
			differ(line, i + 1,
			       "%s: expected none, got \"%.*s\" "
			       "at %zu-%zu",
			       span_names[k->what],
			       (int)(b <= c->len && a <= b ? b - a : 0),
			       c->text + (a <= c->len ? a : 0), a, b);
		} else if (a != k->start || b != k->end) {
			differ(line, i + 1,
			       "%s: expected \"%s\" at %zu-%zu, "
			       "got \"%.*s\" at %zu-%zu",
			       span_names[k->what], k->value, k->start, k->end,
			       (int)(b <= c->len && a <= b ? b - a : 0),
			       c->text + (a <= c->len ? a : 0), a, b);
		}
		break;
	case CK_PART:
		n = quoth_quote_nparts(r, i);
		if ((size_t)k->what > n) {
			differ(line, i + 1,
			       "part%d: expected \"%s\", but the "
			       "quote has %zu part(s)",
			       k->what, k->value, n);
			break;
		}
		quoth_quote_part(r, i, (size_t)k->what - 1, &a, &b);
		if (a != k->start || b != k->end)
			differ(line, i + 1,
			       "part%d: expected \"%s\" at "
			       "%zu-%zu, got \"%.*s\" at %zu-%zu",
			       k->what, k->value, k->start, k->end,
			       (int)(b <= c->len && a <= b ? b - a : 0),
			       c->text + (a <= c->len ? a : 0), a, b);
		break;
	case CK_NPARTS:
		n = quoth_quote_nparts(r, i);
		if (n != k->n)
			differ(line, i + 1, "parts: expected %zu, got %zu",
			       k->n, n);
		break;
	case CK_NVERBATIM:
		n = quoth_quote_nverbatim(r, i);
		if (n != k->n)
			differ(line, i + 1,
			       "verbatim: expected %zu span(s), "
			       "got %zu",
			       k->n, n);
		break;
	}
}

static void
run_case(int ci)
{
	const struct spec_case *c = &cases[ci];
	quoth_result *r = NULL;
	quoth_error err;
	quoth_status st;
	size_t count, j, k, i;

	report_len = 0;
	report[0] = '\0';
	first_bad_line = 0;
	st = quoth_extract(ex, c->text, c->len, &r, &err);
	if (st != QUOTH_OK)
		_ck_assert_failed(spec_path, c->line, "Failed",
		                  "%s:%d: quoth_extract failed: %s", spec_path,
		                  c->line, err.message);
	count = quoth_result_count(r);
	if (c->count_line &&
	    (c->at_least ? count < c->count : count != c->count))
		differ(c->count_line, 0, "expected %s%zu quote(s), got %zu",
		       c->at_least ? "at least " : "", c->count, count);
	for (j = 0; j < c->nexps; j++) {
		const struct expect *e = &c->exps[j];
		size_t lo, hi;

		if (e->sel == SEL_EACH) {
			lo = 0;
			hi = count;
		} else {
			lo = e->sel == SEL_LAST ? count - 1 : e->index;
			hi = lo + 1;
			if (count == 0 || lo >= count) {
				differ(e->line, 0, "no quote %s (got %zu)",
				       e->sel == SEL_LAST ? "at all" : "there",
				       count);
				continue;
			}
		}
		for (i = lo; i < hi; i++)
			for (k = 0; k < e->nchecks; k++)
				check_one(c, r, i, &e->checks[k], e->line);
	}
	quoth_result_free(r);
	if (report_len)
		_ck_assert_failed(spec_path, first_bad_line, "Failed",
		                  "case \"%s\" differs:%s", c->name, report);
}

START_TEST(spec_case)
{
	run_case(_i);
}
END_TEST

int
main(int argc, char **argv)
{
	quoth_error err;
	Suite *s;
	TCase *tc;
	TTest *tests;
	SRunner *sr;
	size_t i;
	int failed;

	if (argc != 2) {
		fprintf(stderr, "usage: test_spec SPEC-FILE\n");
		return EXIT_FAILURE;
	}
	spec_path = argv[1];
	read_spec();
	if (quoth_extractor_new(NULL, &ex, &err) != QUOTH_OK) {
		printf("Bail out! %s\n", err.message);
		return EXIT_FAILURE;
	}

	/* One test per case, named by its heading and placed at its line
	 * (Check's TTest is what START_TEST makes; its name and place are
	 * what the TAP lines show). */
	s = suite_create("spec");
	tc = tcase_create("spec");
	tests = xrealloc(NULL, ncases * sizeof(*tests));
	for (i = 0; i < ncases; i++) {
		tests[i] = *spec_case;
		tests[i].name = cases[i].name;
		tests[i].file = spec_path;
		tests[i].line = cases[i].line;
		_tcase_add_test(tc, &tests[i], 0, 0, (int)i, (int)i + 1);
	}
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	free(tests);
	quoth_extractor_free(ex);
	free_spec();
	return failed != 0 ? EXIT_FAILURE : EXIT_SUCCESS;
}
