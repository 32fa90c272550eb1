/*
 * fuzz_lexicon.c: the data-file loader (lexicon.c) on any file content,
 * through the public API: the input is written as one file of a data
 * directory and quoth_extractor_new() loads it with opt.data_dir.
 *
 * Input: one selector byte, then the file's content.
 *
 *     bits 0-2  which file: abbrev, cues, pronouns, titles, honorifics,
 *               orgs, scare, nonnames (.txt)
 *     bit 3     write it as DIR/NAME.txt instead of DIR/en/NAME.txt
 *               (the loader's fallback)
 *     bit 6     patterns.txt instead (the cue patterns, PCRE2): "@" is
 *               patterns.txt in DIR/en, "H" in DIR
 *
 * A file either loads, and then an extractor built on it extracts a fixed
 * article with a sound result, or fails with QUOTH_ERR_LEXICON whose
 * message names the file and a line that exists.
 */
#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fuzz.h"
#include "fuzz_result.h"
#include "quoth.h"

#define NFILES 9
static const char *const files[NFILES] = {
        "abbrev.txt", "cues.txt",       "pronouns.txt",
        "titles.txt", "honorifics.txt", "orgs.txt",
        "scare.txt",  "nonnames.txt",   "patterns.txt",
};

static const char article[] =
        "\"We will rebuild the pier,\" Mayor Ana Ruiz told reporters on "
        "Monday.\n\n"
        "\"The money is there,\" she said, \"and so is the will.\"\n\n"
        "Dr. Tom Baker, a councillor, said the plan was \"a fair deal\".\n\n"
        "According to the U.S. Coast Guard, the storm was the worst in "
        "years. \xE2\x80\x9CIt\xE2\x80\x99s over,\xE2\x80\x9D said Mr. "
        "Baker.\n";

static char dir[64];
static char subdir[80];

static void
cleanup(void)
{
	char path[128];
	size_t i;

	for (i = 0; i < NFILES; i++) {
		snprintf(path, sizeof path, "%s/%s", dir, files[i]);
		unlink(path);
		snprintf(path, sizeof path, "%s/%s", subdir, files[i]);
		unlink(path);
	}
	rmdir(subdir);
	rmdir(dir);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *tmp = getenv("TMPDIR");

	if (!tmp || !*tmp || strlen(tmp) > 30)
		tmp = "/tmp";
	snprintf(dir, sizeof dir, "%s/quoth-fuzz-XXXXXX", tmp);
	if (!mkdtemp(dir))
		fuzz_fail("mkdtemp %s: %s", dir, strerror(errno));
	snprintf(subdir, sizeof subdir, "%s/en", dir);
	if (mkdir(subdir, 0700) != 0)
		fuzz_fail("mkdir %s: %s", subdir, strerror(errno));
	atexit(cleanup);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[128];
	quoth_options opt;
	quoth_extractor *ex = NULL;
	quoth_result *r = NULL;
	quoth_error err;
	quoth_status st;
	const char *name;
	size_t lines = 1, i;
	FILE *f;

	if (size == 0)
		return 0;
	name = files[(data[0] & 64) ? 8 : (data[0] & 7)];
	snprintf(path, sizeof path, "%s/%s", (data[0] & 8) ? dir : subdir,
	         name);
	f = fopen(path, "wb");
	if (!f)
		fuzz_fail("fopen %s: %s", path, strerror(errno));
	if (fwrite(data + 1, 1, size - 1, f) != size - 1 || fclose(f) != 0)
		fuzz_fail("write %s: %s", path, strerror(errno));
	for (i = 1; i < size; i++)
		if (data[i] == '\n')
			lines++;

	quoth_options_init(&opt);
	opt.data_dir = dir;
	memset(&err, 0, sizeof err);
	st = quoth_extractor_new(&opt, &ex, &err);
	unlink(path);
	if (st != QUOTH_OK) {
		fuzz_check(st == QUOTH_ERR_LEXICON,
		           "loading %s: status %d (%s)", path, (int)st,
		           err.message);
		fuzz_check(ex == NULL, "*out written on error");
		fuzz_check(err.status == st, "err.status %d, returned %d",
		           (int)err.status, (int)st);
		fuzz_check(strstr(err.message, name) != NULL,
		           "the message does not name %s: %s", name,
		           err.message);
		fuzz_check(err.line >= 1 && err.line <= lines,
		           "line %zu of a %zu-line file: %s", err.line, lines,
		           err.message);
		return 0;
	}
	fuzz_check(quoth_extract(ex, article, sizeof article - 1, &r, NULL) ==
	                   QUOTH_OK,
	           "extract with %s loaded", path);
	fuzz_check_result(r, sizeof article - 1, QUOTH_TYPES_ALL);
	quoth_result_free(r);
	quoth_extractor_free(ex);
	return 0;
}
