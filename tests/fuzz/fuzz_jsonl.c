/*
 * fuzz_jsonl.c: a JSON Lines corpus (--input jsonl) through the CLI's own
 * corpus reader (corpus.c: cli_corpus_next, cli_corpus_parse), the
 * extractor, and the CLI's record writers (cli_rows.c, cli_util.c,
 * write_*.c, speakers.c), with the output parsed back.
 *
 * Input: one option byte, then the corpus.
 *
 *     bits 0-1  format: csv, tsv, jsonl, table
 *     bit 2     --excel
 *     bit 3     `quoth speakers` rows instead of quote rows
 *     bit 4     --id-field url --text-field body
 *     bits 5-6  table width: 20, 60, 100, 200
 *     bit 7     table colour
 *
 * Checks: a malformed line gives one "quoth: fuzz.jsonl:LINE..." message;
 * CSV output parses (RFC 4180) into exactly one record per row written,
 * each with one field per column; TSV has one line per row and one tab
 * between columns; JSONL has one JSON object per row with every key;
 * everything written is valid UTF-8.
 */
#include <string.h>

#include <jansson.h>

#include "cli.h"
#include "fuzz.h"
#include "fuzz_result.h"
#include "quoth.h"

static quoth_extractor *ex;

/* RFC 4180: records of s[0..n), each checked to have `nfields` fields.
 * Returns the number of records. */
static size_t
csv_records(const char *s, size_t n, size_t nfields)
{
	size_t i = 0, records = 0, fields;

	while (i < n) {
		fields = 0;
		for (;;) {
			if (i < n && s[i] == '"') {
				i++;
				for (;;) {
					fuzz_check(i < n, "CSV: unterminated "
					                  "quoted field");
					if (s[i] == '"') {
						if (i + 1 < n &&
						    s[i + 1] == '"') {
							i += 2;
							continue;
						}
						i++;
						break;
					}
					i++;
				}
			} else {
				while (i < n && s[i] != ',' && s[i] != '\r' &&
				       s[i] != '\n') {
					fuzz_check(s[i] != '"',
					           "CSV: a quote "
					           "inside an unquoted field");
					i++;
				}
			}
			fields++;
			fuzz_check(i < n, "CSV: record without a line end");
			if (s[i] == ',') {
				i++;
				continue;
			}
			fuzz_check(s[i] == '\r' && i + 1 < n &&
			                   s[i + 1] == '\n',
			           "CSV: a field ends in %#x, not , or CRLF",
			           (unsigned char)s[i]);
			i += 2;
			break;
		}
		fuzz_check(fields == nfields,
		           "CSV: record %zu has %zu fields, "
		           "the header %zu",
		           records + 1, fields, nfields);
		records++;
	}
	return records;
}

static size_t
tsv_records(const char *s, size_t n, size_t nfields)
{
	size_t i, records = 0, tabs = 0;

	for (i = 0; i < n; i++) {
		fuzz_check(s[i] != '\r', "TSV: a CR in the output");
		if (s[i] == '\t')
			tabs++;
		if (s[i] == '\n') {
			fuzz_check(tabs + 1 == nfields,
			           "TSV: line %zu has %zu "
			           "fields, the header %zu",
			           records + 1, tabs + 1, nfields);
			tabs = 0;
			records++;
		}
	}
	fuzz_check(n == 0 || s[n - 1] == '\n', "TSV: no final line end");
	return records;
}

static size_t
jsonl_records(const char *s, size_t n, const struct cli_column *cols,
              size_t ncols)
{
	size_t i = 0, records = 0, k;

	while (i < n) {
		const char *nl = memchr(s + i, '\n', n - i);
		json_error_t jerr;
		json_t *obj;

		fuzz_check(nl != NULL, "JSONL: no final line end");
		obj = json_loadb(s + i, (size_t)(nl - (s + i)), JSON_ALLOW_NUL,
		                 &jerr);
		fuzz_check(obj != NULL, "JSONL: line %zu: %s", records + 1,
		           jerr.text);
		fuzz_check(json_is_object(obj) &&
		                   json_object_size(obj) == ncols,
		           "JSONL: line %zu is not an object of %zu keys",
		           records + 1, ncols);
		for (k = 0; k < ncols; k++)
			fuzz_check(json_object_get(obj, cols[k].name),
			           "JSONL: line %zu: no key %s", records + 1,
			           cols[k].name);
		json_decref(obj);
		records++;
		i = (size_t)(nl - s) + 1;
	}
	return records;
}

static void
render(unsigned flags, const char *id, int numeric, const quoth_result *r)
{
	struct cli_writer w;
	struct cli_buf out = {0};
	size_t k, nflat = 0, got = 0, skip = 0;
	static const unsigned widths[4] = {20, 60, 100, 200};
	static const enum cli_format formats[4] = {
	        CLI_FORMAT_CSV,
	        CLI_FORMAT_TSV,
	        CLI_FORMAT_JSONL,
	        CLI_FORMAT_TABLE,
	};

	memset(&w, 0, sizeof w);
	w.format = formats[flags & 3];
	w.out = &out;
	w.excel = (flags & 4) &&
	          (w.format == CLI_FORMAT_CSV || w.format == CLI_FORMAT_TSV);
	w.color = w.format == CLI_FORMAT_TABLE && (flags & 0x80);
	w.width = widths[(flags >> 5) & 3];
	if (flags & 8) {
		w.cols = cli_speaker_columns;
		w.ncols = cli_speaker_ncolumns;
		w.noun = "speaker";
	} else {
		w.cols = cli_quote_columns;
		w.ncols = cli_quote_ncolumns;
		w.noun = "quote";
	}
	for (k = 0; k < w.ncols; k++)
		if (!(w.cols[k].flags & CLI_COL_JSON))
			nflat++;
	cli_writer_init(&w);
	cli_writer_header(&w);
	if (w.excel) {
		fuzz_check(out.len >= 3 &&
		                   memcmp(out.ptr, "\xEF\xBB\xBF", 3) == 0,
		           "--excel without a BOM");
		skip = 3;
	}
	cli_writer_group(&w, id, strlen(id));
	if (flags & 8)
		fuzz_check(cli_speaker_rows(&w, id, strlen(id), numeric, r) ==
		                   0,
		           "cli_speaker_rows failed");
	else
		fuzz_check(cli_quote_rows(&w, id, strlen(id), numeric, 0, r) ==
		                   0,
		           "cli_quote_rows failed");
	cli_writer_finish(&w);
	if (out.failed)
		goto done;
	fuzz_check(fuzz_utf8_valid(out.ptr ? out.ptr : "", out.len),
	           "format %u: output is not valid UTF-8", flags & 3);
	switch (w.format) {
	case CLI_FORMAT_CSV:
		got = csv_records(out.ptr + skip, out.len - skip, nflat) - 1;
		break;
	case CLI_FORMAT_TSV:
		got = tsv_records(out.ptr + skip, out.len - skip, nflat) - 1;
		break;
	case CLI_FORMAT_JSONL:
		got = jsonl_records(out.ptr ? out.ptr : "", out.len, w.cols,
		                    w.ncols);
		break;
	default:
		got = w.rows;
		break;
	}
	if (!(flags & 8))
		fuzz_check(got == quoth_result_count(r),
		           "%zu records for %zu "
		           "quotes",
		           got, quoth_result_count(r));
	if (w.format != CLI_FORMAT_TABLE)
		fuzz_check(got == w.rows, "%zu records for %zu rows", got,
		           w.rows);
done:
	cli_buf_free(&out);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cli_corpus c;
	struct cli_corpus_doc doc;
	struct cli_buf msgs = {0};
	quoth_result *r;
	quoth_error err;
	const char *idf, *textf;
	unsigned flags;
	char *line, *body;
	size_t len, lineno, before;
	int rc;

	if (size < 2)
		return 0;
	if (!ex) {
		json_object_seed(1);
		memset(&err, 0, sizeof err);
		if (quoth_extractor_new(NULL, &ex, &err) != QUOTH_OK)
			fuzz_fail("quoth_extractor_new: %s", err.message);
	}
	flags = data[0];
	idf = (flags & 16) ? "url" : "id";
	textf = (flags & 16) ? "body" : "text";
	/* getline() on a private copy of the corpus. */
	body = malloc(size - 1);
	if (!body)
		return 0;
	memcpy(body, data + 1, size - 1);
	memset(&c, 0, sizeof c);
	c.path = "fuzz.jsonl";
	c.fp = fmemopen(body, size - 1, "r");
	if (!c.fp) {
		free(body);
		return 0;
	}
	for (;;) {
		rc = cli_corpus_next(&c, &line, &len, &lineno, &msgs);
		if (rc <= 0)
			break;
		fuzz_check(lineno == c.lineno && lineno >= 1, "line number");
		before = msgs.len;
		rc = cli_corpus_parse(c.path, lineno, line, len, idf, textf,
		                      &doc, &msgs);
		free(line);
		if (rc != 0) {
			char want[64];
			int n = snprintf(want, sizeof want,
			                 "quoth: fuzz.jsonl:%zu:", lineno);

			fuzz_check(msgs.len > before &&
			                   memcmp(msgs.ptr + before, want,
			                          (size_t)n) == 0 &&
			                   msgs.ptr[msgs.len - 1] == '\n',
			           "malformed line %zu: message '%.*s'", lineno,
			           (int)(msgs.len - before), msgs.ptr + before);
			continue;
		}
		fuzz_check(msgs.len == before, "a message for a good line");
		fuzz_check(doc.id && doc.text,
		           "a parsed line without id or text");
		fuzz_check(fuzz_utf8_valid(doc.id, strlen(doc.id)),
		           "id is not valid UTF-8");
		r = NULL;
		fuzz_check(quoth_extract(ex, doc.text, doc.len, &r, NULL) ==
		                   QUOTH_OK,
		           "extract line %zu", lineno);
		fuzz_check_result(r, doc.len, QUOTH_TYPES_ALL);
		render(flags, doc.id, doc.numeric, r);
		quoth_result_free(r);
		cli_corpus_doc_free(&doc);
	}
	cli_corpus_close(&c);
	cli_buf_free(&msgs);
	free(body);
	return 0;
}
