/*
 * fuzz_result.c: walk every accessor of a quoth_result and check what
 * quoth.h and SPEC promise about it (spans inside the text, parts and
 * verbatim spans consistent, strings valid UTF-8, types as requested).
 */
#include <string.h>

#include "fuzz.h"
#include "fuzz_result.h"

static void
check_span(size_t s, size_t e, size_t len, const char *what, size_t i)
{
	fuzz_check(s <= e && e <= len,
	           "quote %zu: %s span [%zu, %zu) outside [0, %zu]", i, what, s,
	           e, len);
}

void
fuzz_check_result(const quoth_result *r, size_t len, unsigned types)
{
	size_t n = quoth_result_count(r), i, k, w;

	for (w = 0; w < QUOTH_WARN_COUNT_; w++) {
		size_t off = (size_t)-1;
		size_t cnt = quoth_result_warnings(r, (quoth_warning)w, &off);

		if (cnt)
			fuzz_check(off <= len, "warning %zu at %zu > %zu", w,
			           off, len);
	}
	fuzz_check(quoth_result_warnings(r, QUOTH_WARN_COUNT_, NULL) == 0,
	           "an unknown warning kind has a count");

	for (i = 0; i < n; i++) {
		quoth_type t = quoth_quote_type(r, i);
		size_t qs = 0, qe = 0, s, e, np, nv, par = 0, line = 0;
		int f, kind;

		fuzz_check((unsigned)t <= QUOTH_PARTIAL, "quote %zu: type %d",
		           i, (int)t);
		fuzz_check(types & (1u << t),
		           "quote %zu: type %s not asked for (mask %#x)", i,
		           quoth_type_name(t), types);
		fuzz_check(strcmp(quoth_type_name(t), "unknown") != 0,
		           "quote %zu: unnamed type", i);

		for (f = 0; f < QUOTH_FIELD_COUNT_; f++) {
			size_t sl = 12345;
			const char *str = quoth_quote_str(r, i, (quoth_field)f,
			                                  &sl);

			if (!str) {
				fuzz_check(sl == 0,
				           "quote %zu field %d: NULL "
				           "with length %zu",
				           i, f, sl);
				continue;
			}
			fuzz_check(fuzz_utf8_valid(str, sl),
			           "quote %zu field %d: invalid UTF-8", i, f);
			/* The same string without asking for the length. */
			fuzz_check(quoth_quote_str(r, i, (quoth_field)f,
			                           NULL) == str,
			           "quote %zu field %d: unstable pointer", i,
			           f);
		}
		fuzz_check(
		        quoth_quote_str(r, i, QUOTH_FIELD_QUOTE, NULL) &&
		                quoth_quote_str(r, i, QUOTH_FIELD_RULE, NULL),
		        "quote %zu: no quote text or rule", i);
		{
			size_t gl = 0;
			const char *g = quoth_quote_str(
			        r, i, QUOTH_FIELD_GENDER, &gl);
			fuzz_check(!g || gl == 0 ||
			                   (gl == 4 &&
			                    memcmp(g, "male", 4) == 0) ||
			                   (gl == 6 &&
			                    memcmp(g, "female", 6) == 0),
			           "quote %zu: gender '%.*s'", i, (int)gl, g);
			/* a gender has its source; a speaker its kind */
			fuzz_check(
			        !g == !quoth_quote_str(
			                      r, i, QUOTH_FIELD_GENDER_SOURCE,
			                      NULL),
			        "quote %zu: gender source without gender", i);
			fuzz_check(!quoth_quote_str(r, i, QUOTH_FIELD_SPEAKER,
			                            NULL) ==
			                   !quoth_quote_str(r, i,
			                                    QUOTH_FIELD_KIND,
			                                    NULL),
			           "quote %zu: kind without speaker", i);
		}

		fuzz_check(quoth_quote_span(r, i, QUOTH_SPAN_QUOTE, &qs, &qe),
		           "quote %zu: no quote span", i);
		check_span(qs, qe, len, "quote", i);
		for (kind = QUOTH_SPAN_MENTION; kind <= QUOTH_SPAN_CONTEXT;
		     kind++) {
			s = e = (size_t)-7;
			if (quoth_quote_span(r, i, (quoth_span_kind)kind, &s,
			                     &e))
				check_span(s, e, len, "mention/cue/context", i);
			else
				fuzz_check(s == (size_t)-7 && e == (size_t)-7,
				           "quote %zu: absent span written", i);
		}

		np = quoth_quote_nparts(r, i);
		fuzz_check(np >= 1, "quote %zu: no parts", i);
		for (k = 0; k < np; k++) {
			quoth_quote_part(r, i, k, &s, &e);
			check_span(s, e, len, "part", i);
			fuzz_check(qs <= s && e <= qe,
			           "quote %zu: part %zu [%zu, %zu) outside "
			           "the quote [%zu, %zu)",
			           i, k, s, e, qs, qe);
			if (k == 0)
				fuzz_check(s == qs,
				           "quote %zu: first part "
				           "starts at %zu, quote at %zu",
				           i, s, qs);
			if (k == np - 1)
				fuzz_check(e == qe,
				           "quote %zu: last part "
				           "ends at %zu, quote at %zu",
				           i, e, qe);
		}
		nv = quoth_quote_nverbatim(r, i);
		if (t == QUOTH_INDIRECT)
			fuzz_check(nv == 0,
			           "indirect quote %zu has verbatim "
			           "spans",
			           i);
		for (k = 0; k < nv; k++) {
			size_t p, ps, pe;
			int inside = 0;

			quoth_quote_verbatim(r, i, k, &s, &e);
			check_span(s, e, len, "verbatim", i);
			for (p = 0; p < np && !inside; p++) {
				quoth_quote_part(r, i, p, &ps, &pe);
				inside = ps <= s && e <= pe;
			}
			fuzz_check(inside,
			           "quote %zu: verbatim [%zu, %zu) in "
			           "no part",
			           i, s, e);
		}

		quoth_quote_position(r, i, &par, &line);
		fuzz_check(par >= 1 && line >= 1,
		           "quote %zu: paragraph %zu line %zu", i, par, line);
		quoth_quote_position(r, i, NULL, NULL);
		{
			size_t l2 = 0, c2 = 0;

			quoth_result_locate(r, qs, &l2, &c2);
			fuzz_check(l2 == line,
			           "quote %zu: line %zu, but its "
			           "start locates on line %zu",
			           i, line, l2);
			fuzz_check(c2 >= 1, "quote %zu: column 0", i);
		}
	}
	/* Out-of-range offsets are clamped, never read past the map. */
	{
		size_t l = 0, c = 0;

		quoth_result_locate(r, len, &l, &c);
		fuzz_check(l >= 1 && c >= 1, "locate(len): %zu:%zu", l, c);
		quoth_result_locate(r, len + 1000, &l, &c);
		quoth_result_locate(r, (size_t)-1, NULL, NULL);
	}
}
