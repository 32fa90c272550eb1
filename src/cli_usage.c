/*
 * cli_usage.c (CLI): the text of `quoth --help` and `quoth speakers
 * --help` (main.c parses the options; cli_verify.c has verify's help).
 * The defaults it shows come from quoth_options_init(), so the text
 * cannot drift from what the library does.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "quoth.h"

/* The first lines of --help: what `quoth` or `quoth speakers` does. */
static void
usage_intro(const char *cmd)
{
	if (cmd && strcmp(cmd, "speakers") == 0) {
		fputs("Usage: quoth speakers [OPTIONS] [FILE...]\n"
		      "Sum the quotations of news text up per speaker and "
		      "document: one record\n"
		      "per speaker with the counts of direct, mixed, indirect "
		      "and partial quotes,\n"
		      "the words quoted and the first paragraph quoted; quotes "
		      "without a speaker\n"
		      "last.  Takes the options of 'quoth' (--types, --input "
		      "jsonl, -j, ...).\n"
		      "With no FILE, or FILE -, read standard input.\n",
		      stdout);
		return;
	}
	fputs("Usage: quoth [OPTIONS] [FILE...]\n"
	      "       quoth speakers [OPTIONS] [FILE...]\n"
	      "       quoth verify --source SRC [OPTIONS] [FILE...]\n"
	      "Extract quotations from news text: who said what, with which "
	      "cue, where.\n"
	      "'speakers' sums them up per speaker; 'verify' checks them "
	      "against sources\n"
	      "(see 'quoth speakers --help', 'quoth verify --help').  With no "
	      "FILE, or\n"
	      "FILE -, read standard input (on a terminal, quoth says so; "
	      "Ctrl-D ends it).\n",
	      stdout);
}

void
cli_usage(const char *cmd)
{
	quoth_options def;
	char q[32], d[32];

	quoth_options_init(&def);
	usage_intro(cmd);
	printf("\n"
	       "  -f, --format FORMAT     table, csv, tsv, jsonl or html "
	       "(default: table when\n"
	       "                          the output is a terminal, otherwise "
	       "csv)\n"
	       "  -o, --output FILE       write to FILE atomically (a symlink "
	       "is followed):\n"
	       "                          FILE is replaced when at least one "
	       "input was\n"
	       "                          processed and writing succeeded; "
	       "untouched when\n"
	       "                          no input was processed or writing "
	       "failed\n"
	       "      --input text|jsonl  read plain text files (the default), "
	       "or JSON\n"
	       "                          Lines corpora with one article per "
	       "line\n"
	       "      --id-field NAME     JSON Lines: the field naming an "
	       "article (id)\n"
	       "      --text-field NAME   JSON Lines: the field holding its "
	       "text (text)\n"
	       "  -a, --text              read an input that looks binary (a "
	       "NUL byte in\n"
	       "                          its first 32K) or UTF-16 (a byte "
	       "order mark)\n"
	       "                          anyway; without it such an input is "
	       "skipped\n"
	       "  -j, --jobs N            extract on N threads, 0 for one per "
	       "CPU (1)\n"
	       "      --lang LANG         language of the text (%s)\n"
	       "      --data-dir DIR      read DIR/LANG/*.txt over the "
	       "built-in data; DIR\n"
	       "                          and DIR/LANG must be readable "
	       "directories\n"
	       "      --types LIST        report only these types, a comma "
	       "list of\n"
	       "                          direct, mixed, indirect, partial "
	       "(all)\n"
	       "      --strict-utf8       fail on invalid UTF-8 instead of "
	       "replacing it\n"
	       "      --excel             CSV/TSV for spreadsheets: a UTF-8 "
	       "BOM, and cells\n"
	       "                          starting with = + - @ (also after a "
	       "quote mark a\n"
	       "                          TSV import strips) prefixed with '\n"
	       "      --color WHEN        colour the table: auto, always or "
	       "never (auto;\n"
	       "                          NO_COLOR turns auto off)\n"
	       "      --max-quote-bytes N cut a longer quote at its paragraph "
	       "end (%s)\n"
	       "      --max-doc-bytes N   refuse a larger document, skip a "
	       "longer JSON\n"
	       "                          Lines line (%s); N may end in K, M "
	       "or G\n"
	       "      --max-depth N       track quote marks nested N deep, 1 "
	       "to 1024 (%zu)\n"
	       "      --progress, --no-progress  show (or not) documents, MB, "
	       "MB/s and ETA\n"
	       "                          on stderr (default: when stderr is a "
	       "terminal\n"
	       "                          and there are several inputs or a "
	       "corpus)\n"
	       "  -h, --help              show this help\n"
	       "      --version           show the version\n"
	       "\n"
	       "Exit status: 0 success (warnings included), 1 verify found "
	       "differences,\n"
	       "2 usage error, unreadable or skipped input, or output error.  "
	       "Columns:\n"
	       "quoth(1).\n",
	       def.lang ? def.lang : "en",
	       cli_human_size(def.max_quote_bytes, q, sizeof q),
	       cli_human_size(def.max_doc_bytes, d, sizeof d), def.max_depth);
	cli_audit_usage(cmd);
}
