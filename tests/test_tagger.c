/*
 * test_tagger.c: the statistical tagger (src/tagger.c).  Each feature of
 * template 1 on a hand-made one-feature model, the loader's errors, and
 * the shipped weights (data/en/tagger.txt, path in QUOTH_TAGGER_WEIGHTS)
 * on invented sentences, and the built-in copy of them (tools/embed.py)
 * against their text.
 */
#include <check.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon.h"
#include "tagger_rec.h"

#include "tagger_split.h"

static qt_tagger *
load_str(const char *data)
{
	qt_tagger *tg = NULL;
	quoth_error err;
	quoth_status st = qt_tagger_load(data, strlen(data), "t.txt", &tg,
	                                 &err);

	ck_assert_msg(st == QUOTH_OK, "%s", err.message);
	ck_assert_ptr_nonnull(tg);
	return tg;
}

/*
 * A model whose only feature is `feature`, voting for VERB over NOUN:
 * the part of speech of token `idx` of `sentence` says whether the
 * tagger built that feature string there.
 */
static int
fires(const char *feature, const char *sentence, size_t idx)
{
	char file[512];
	qt_tagger_tok toks[MAX_TOKS];
	qt_tag tags[MAX_TOKS];
	qt_tagger_work w = {0};
	qt_tagger *tg;
	size_t n = split(sentence, toks);
	int pos;

	snprintf(file, sizeof(file),
	         "quoth-tagger 1\ntemplate 1\nmodel joint\n"
	         "labels NOUN|O VERB|O\nfeatures 1\n%s\t1 10\n",
	         feature);
	tg = load_str(file);
	ck_assert(qt_tagger_tag(tg, &w, toks, n, tags));
	ck_assert_uint_lt(idx, n);
	pos = tags[idx].pos;
	ck_assert(pos == QT_POS_NOUN || pos == QT_POS_VERB);
	qt_tagger_work_free(&w);
	qt_tagger_free(tg);
	return pos == QT_POS_VERB;
}

START_TEST(test_word_features)
{
	ck_assert(fires("b", "table", 0));
	ck_assert(fires("w=running", "Running late", 0));
	ck_assert(!fires("w=running", "Running late", 1));
	/* curly apostrophes fold to ', digits to 0, ß to ss */
	ck_assert(fires("w=ukraine's", "Ukraine\u2019s", 0));
	ck_assert(fires("w=0,000", "1,234", 0));
	ck_assert(fires("w=strasse", "Stra\u00dfe", 0));
	ck_assert(fires("w=\u00e9lodie", "\u00c9LODIE", 0));
	/* affixes in code points, only when the word is longer */
	ck_assert(fires("p1=r", "running", 0));
	ck_assert(fires("p2=ru", "running", 0));
	ck_assert(fires("p3=run", "running", 0));
	ck_assert(!fires("p3=run", "run", 0));
	ck_assert(fires("s3=ing", "running", 0));
	ck_assert(fires("s1=\u00eb", "Zo\u00eb", 0));
	ck_assert(fires("s2=o\u00eb", "Zo\u00eb", 0));
	ck_assert(!fires("s3=zo\u00eb", "Zo\u00eb", 0));
}
END_TEST

START_TEST(test_shapes)
{
	ck_assert(fires("sh=Xx", "Finch", 0));
	ck_assert(fires("sh=x", "said", 0));
	ck_assert(fires("sh=X", "NATO", 0));
	ck_assert(fires("sh=X.X.", "U.S.", 0));
	ck_assert(fires("sh=XxXx", "McCain", 0));
	ck_assert(fires("sh=d,d", "1,000", 0));
	ck_assert(fires("sh=Xx", "\u00c9lodie", 0));
	ck_assert(fires("sh=Xx", "Zo\u00eb", 0));
	ck_assert(fires("sh=*", "\u2014", 0));
	ck_assert(fires("sh=\"", "\"", 0));
	/* at most five characters */
	ck_assert(fires("sh=xXxXx", "aBcDeFgH", 0));
}
END_TEST

START_TEST(test_context_features)
{
	ck_assert(fires("w-1=<s>", "Ada Finch said", 0));
	ck_assert(fires("w-2=<s>", "Ada Finch said", 1));
	ck_assert(!fires("w-2=<s>", "Ada Finch said", 2));
	ck_assert(fires("w+1=</s>", "Ada Finch said", 2));
	ck_assert(fires("w+2=</s>", "Ada Finch said", 1));
	ck_assert(fires("w-1=ada", "Ada Finch said", 1));
	ck_assert(fires("w+2=said", "Ada Finch said", 0));
	ck_assert(fires("sh-1=<s>", "Ada said", 0));
	ck_assert(fires("sh+1=x", "Ada said", 0));
	ck_assert(fires("sh-2=Xx", "Ada Finch said", 2));
	ck_assert(fires("sh+2=</s>", "Ada said", 0));
	ck_assert(fires("shc=<s>|Xx|x", "Ada said", 0));
	ck_assert(fires("shc=Xx|x|</s>", "Ada said", 1));
	ck_assert(fires("s-1=ada", "Ada Finch", 1));
	ck_assert(fires("s+1=aid", "Ada said", 0));
	ck_assert(fires("s-1=<s>", "Ada said", 0));
	ck_assert(fires("s+1=</s>", "Ada said", 1));
	ck_assert(fires("fs=Xx", "Ada Finch", 0));
	ck_assert(!fires("fs=Xx", "Ada Finch", 1));
}
END_TEST

START_TEST(test_history_features)
{
	const char *file =
	        "quoth-tagger 1\n# a comment\ntemplate 1\nmodel joint\n"
	        "labels NOUN|O VERB|O PROPN|PERSON\nfeatures 3\n"
	        "fs=Xx\t2 10\n"
	        "t-1=PROPN|PERSON\t1 10\n"
	        "tw=VERB|O|the\t0 -5 2 20\n";
	qt_tagger *tg = load_str(file);
	qt_tagger_tok toks[MAX_TOKS];
	qt_tag tags[MAX_TOKS];
	qt_tagger_work w = {0};
	size_t n = split("Ada went the way", toks);

	ck_assert(qt_tagger_tag(tg, &w, toks, n, tags));
	ck_assert_int_eq(tags[0].pos, QT_POS_PROPN);
	ck_assert_int_eq(tags[0].ner, QT_NER_PERSON);
	ck_assert_int_eq(tags[1].pos, QT_POS_VERB);  /* after PROPN|PERSON */
	ck_assert_int_eq(tags[2].pos, QT_POS_PROPN); /* "the" after VERB */
	ck_assert_int_eq(tags[3].pos, QT_POS_VERB);
	qt_tagger_work_free(&w);
	qt_tagger_free(tg);

	ck_assert(fires("t-1=<s>", "Ada said", 0));
	ck_assert(fires("t-2=<s>|<s>", "Ada said", 0));
	ck_assert(fires("tw=<s>|ada", "Ada said", 0));
	/* token 0 is NOUN|O (a tie goes to the first label): the next
	 * tokens see it */
	ck_assert(fires("t-1=NOUN|O", "Ada said", 1));
	ck_assert(fires("t-2=<s>|NOUN|O", "Ada said", 1));
	ck_assert(!fires("t-2=<s>|NOUN|O", "Ada said", 0));
}
END_TEST

START_TEST(test_two_models)
{
	const char *file = "quoth-tagger 1\ntemplate 1\n"
	                   "model pos\nlabels NOUN PROPN\nfeatures 1\n"
	                   "sh=Xx\t1 3\n"
	                   "model ner\nlabels O PERSON\nfeatures 2\n"
	                   "w=ada\t1 10\nt-1=PERSON\t1 10\n";
	qt_tagger *tg = load_str(file);
	qt_tagger_tok toks[MAX_TOKS];
	qt_tag tags[MAX_TOKS];
	qt_tagger_work w = {0};
	size_t n = split("Ada Finch said", toks);

	ck_assert(qt_tagger_tag(tg, &w, toks, n, tags));
	ck_assert_int_eq(tags[0].pos, QT_POS_PROPN);
	ck_assert_int_eq(tags[0].ner, QT_NER_PERSON);
	ck_assert_int_eq(tags[1].pos, QT_POS_PROPN);
	ck_assert_int_eq(tags[1].ner, QT_NER_PERSON);
	ck_assert_int_eq(tags[2].pos, QT_POS_NOUN);
	ck_assert_int_eq(tags[2].ner, QT_NER_PERSON); /* chained, by design */
	ck_assert_str_eq(qt_tagger_pos_name(tags[0].pos), "PROPN");
	ck_assert_str_eq(qt_tagger_ner_name(tags[0].ner), "PERSON");
	ck_assert_str_eq(qt_tagger_ner_name(99), "?");
	qt_tagger_work_free(&w);
	qt_tagger_free(tg);
}
END_TEST

/* Loading `data` fails with status st and a message starting `msg`. */
static void
load_fails(const char *data, size_t len, quoth_status st, const char *msg)
{
	qt_tagger *tg = (qt_tagger *)&tg; /* must stay untouched */
	quoth_error err;

	ck_assert_int_eq(qt_tagger_load(data, len, "t.txt", &tg, &err), st);
	ck_assert_ptr_eq(tg, (qt_tagger *)&tg);
	ck_assert_msg(strncmp(err.message, msg, strlen(msg)) == 0,
	              "'%s' does not start with '%s'", err.message, msg);
}

#define HEAD "quoth-tagger 1\ntemplate 1\nmodel joint\nlabels NOUN|O VERB|O\n"
#define FAILS(s, msg) load_fails(s, sizeof(s) - 1, QUOTH_ERR_LEXICON, msg)

START_TEST(test_load_errors)
{
	char big[600];

	FAILS("", "t.txt:0: not a quoth tagger file");
	FAILS("quoth-tagger 2\n", "t.txt:1: not a quoth tagger file");
	FAILS("quoth-tagger 1\ntemplate 2\n", "t.txt:2: feature template");
	FAILS("quoth-tagger 1\nmodel joint\n", "t.txt:2: `template`");
	FAILS("quoth-tagger 1\ntemplate 1\nmodel crf\n", "t.txt:3: expected");
	FAILS("quoth-tagger 1\ntemplate 1\nmodel joint\nlabels NOUN\n",
	      "t.txt:4: a joint label is POS|NER");
	FAILS("quoth-tagger 1\ntemplate 1\nmodel joint\nlabels NOUN|FOO\n",
	      "t.txt:4: unknown label");
	FAILS("quoth-tagger 1\ntemplate 1\nmodel pos\nlabels NOUN|O\n",
	      "t.txt:4: unknown label");
	FAILS("quoth-tagger 1\ntemplate 1\nmodel joint\nfeatures 1\n",
	      "t.txt:4: unexpected line");
	FAILS("quoth-tagger 1\ntemplate 1\n", "t.txt:2: no complete model");
	FAILS(HEAD, "t.txt:4: no complete model");
	/* a first model without features, a complete second one: the
	 * first would be looked up in a table never made */
	FAILS("quoth-tagger 1\ntemplate 1\nmodel pos\nlabels NOUN VERB\n"
	      "model ner\nlabels O PERSON\nfeatures 1\nw=x\t0 1\n",
	      "t.txt:5: a model without its features");
	FAILS(HEAD "features 2\nb\t1 1\n", "t.txt:6: fewer feature lines");
	FAILS(HEAD "features 1\nb\t2 1\n", "t.txt:6: expected LABEL WEIGHT");
	FAILS(HEAD "features 1\nb\t1\n", "t.txt:6: expected LABEL WEIGHT");
	FAILS(HEAD "features 1\nb\t1 x\n", "t.txt:6: expected LABEL WEIGHT");
	FAILS(HEAD "features 1\nb\t\n", "t.txt:6: expected LABEL WEIGHT");
	FAILS(HEAD "features 1\nb\t0 1 1 1 0 1\n",
	      "t.txt:6: expected LABEL WEIGHT");
	FAILS(HEAD "features 1\nb\t1 1000001\n",
	      "t.txt:6: expected LABEL WEIGHT");
	FAILS(HEAD "features 1\nb 1 1\n", "t.txt:6: expected FEATURE<TAB>");
	FAILS(HEAD "features 2\nb\t1 1\nb\t0 1\n", "t.txt:7: feature repeated");
	FAILS(HEAD "features 99999999\nb\t1 1\n", "t.txt:5: bad feature count");
	FAILS(HEAD "features 1\nw=\xff\t1 1\n", "t.txt:6: invalid UTF-8");
	snprintf(big, sizeof(big), HEAD "features 1\nw=%0300d\t1 1\n", 0);
	load_fails(big, strlen(big), QUOTH_ERR_LEXICON,
	           "t.txt:6: feature too long");
	/* a NULL err is allowed */
	{
		qt_tagger *tg = NULL;
		ck_assert_int_eq(qt_tagger_load("x", 1, "t.txt", &tg, NULL),
		                 QUOTH_ERR_LEXICON);
		ck_assert_ptr_null(tg);
	}
	/* CRLF line ends are fine */
	qt_tagger_free(load_str("quoth-tagger 1\r\ntemplate 1\r\nmodel joint"
	                        "\r\nlabels NOUN|O\r\nfeatures 1\r\n"
	                        "b\t0 1\r\n"));
	qt_tagger_free(NULL);
	qt_tagger_work_free(NULL);
}
END_TEST

/* ---- the shipped weights ------------------------------------------------ */

static qt_tagger *shipped;

static void
load_shipped(void)
{
	const char *path = getenv("QUOTH_TAGGER_WEIGHTS");
	FILE *f;
	char *data;
	long n;
	quoth_error err;

	if (!path)
		path = "data/en/tagger.txt";
	f = fopen(path, "rb");
	ck_assert_msg(f != NULL, "cannot open %s", path);
	ck_assert_int_eq(fseek(f, 0, SEEK_END), 0);
	n = ftell(f);
	ck_assert_int_gt(n, 0);
	rewind(f);
	data = malloc((size_t)n);
	ck_assert_ptr_nonnull(data);
	ck_assert_uint_eq(fread(data, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	ck_assert_msg(qt_tagger_load(data, (size_t)n, path, &shipped, &err) ==
	                      QUOTH_OK,
	              "%s", err.message);
	free(data);
}

static void
unload_shipped(void)
{
	qt_tagger_free(shipped);
	shipped = NULL;
}

/* Tag `sentence` with the shipped model into tags. */
static size_t
tag(const char *sentence, qt_tag *tags)
{
	qt_tagger_tok toks[MAX_TOKS];
	qt_tagger_work w = {0};
	size_t n = split(sentence, toks);

	ck_assert(qt_tagger_tag(shipped, &w, toks, n, tags));
	qt_tagger_work_free(&w);
	return n;
}

#define POS(i, p) ck_assert_str_eq(qt_tagger_pos_name(tags[i].pos), #p)
#define NER(i, e) ck_assert_str_eq(qt_tagger_ner_name(tags[i].ner), #e)

START_TEST(test_shipped_names)
{
	qt_tag tags[MAX_TOKS];

	tag("Ada Finch said the United States Army agreed .", tags);
	POS(0, PROPN);
	NER(0, PERSON);
	POS(1, PROPN);
	NER(1, PERSON);
	POS(2, VERB);
	NER(2, O);
	POS(3, DET);
	/* States: a name, not the verb, inside one entity with its
	 * neighbours.  The class is not checked: the silver labels make
	 * "United States" a LOCATION nearly always, and the model carries
	 * that on to "Army" */
	POS(4, PROPN);
	POS(5, PROPN);
	POS(6, PROPN);
	ck_assert_int_ne(tags[5].ner, QT_NER_O);
	ck_assert_int_eq(tags[5].ner, tags[4].ner);
	ck_assert_int_eq(tags[6].ner, tags[5].ner);
	POS(7, VERB);
	NER(7, O);
	POS(8, PUNCT);
}
END_TEST

START_TEST(test_shipped_quote)
{
	qt_tag tags[MAX_TOKS];

	/* “ We will appeal , ” said Maria Lopez , a lawyer in Chicago . */
	tag("\u201c We will appeal , \u201d said Maria Lopez , a lawyer in "
	    "Chicago .",
	    tags);
	POS(0, PUNCT);
	POS(1, PRON);
	POS(2, VERB);
	POS(3, VERB);
	POS(6, VERB);
	NER(7, PERSON);
	NER(8, PERSON);
	POS(11, NOUN);
	NER(11, O);
	POS(12, ADP);
	NER(13, LOCATION);
}
END_TEST

START_TEST(test_shipped_pronoun)
{
	qt_tag tags[MAX_TOKS];

	tag("She told Reuters on Tuesday that 12 senators had signed it .",
	    tags);
	POS(0, PRON);
	POS(1, VERB);
	NER(2, ORGANIZATION);
	NER(4, O);
	POS(6, NUM);
	POS(7, NOUN);
}
END_TEST

/* Hostile input: nothing to check but that it is tagged at all, in
 * bounds (valgrind and ASan watch). */
START_TEST(test_shipped_hostile)
{
	static qt_tagger_tok toks[20000];
	static qt_tag tags[20000];
	static char huge[100000];
	qt_tagger_work w = {0};
	size_t i;

	ck_assert(qt_tagger_tag(shipped, &w, toks, 0, tags));
	memset(huge, 'a', sizeof(huge));
	for (i = 0; i < 20000; i++) {
		toks[i].s = i % 3 ? "\xff\xfe" : "Smith";
		toks[i].len = i % 3 ? 2 : 5;
	}
	toks[7].s = huge;
	toks[7].len = sizeof(huge);
	toks[8].s = "\xe2\x80"; /* a truncated sequence */
	toks[8].len = 2;
	toks[9].s = "";
	toks[9].len = 0;
	ck_assert(qt_tagger_tag(shipped, &w, toks, 20000, tags));
	for (i = 0; i < 20000; i++) {
		ck_assert_uint_lt(tags[i].pos, QT_POS_COUNT_);
		ck_assert_uint_lt(tags[i].ner, QT_NER_COUNT_);
	}
	/* the buffer is reused for a shorter sentence */
	ck_assert(qt_tagger_tag(shipped, &w, toks, 3, tags));
	qt_tagger_work_free(&w);
}
END_TEST

/* A feature with many pairs is added as a dense row: the same sums as
 * pair by pair, a label repeated on its line counted each time. */
START_TEST(test_dense_row)
{
	/* b votes for ten labels, VERB|O twice (5 + 6 = 11 > 10); w=late
	 * alone (two pairs) tips "late" to ADJ|O */
	static const char file[] =
	        "quoth-tagger 1\ntemplate 1\nmodel joint\n"
	        "labels NOUN|O VERB|O ADJ|O ADV|O DET|O NUM|O PRON|O ADP|O "
	        "OTHER|O PUNCT|O NOUN|PERSON\nfeatures 2\n"
	        "b\t0 10 1 5 2 1 3 1 4 1 5 1 6 1 7 1 8 1 9 1 1 6\n"
	        "w=late\t2 20 0 -3\n";
	qt_tagger_tok toks[MAX_TOKS];
	qt_tag tags[MAX_TOKS];
	qt_tagger_work w = {0};
	qt_tagger *tg = load_str(file);
	size_t n = split("running late now", toks);

	ck_assert(qt_tagger_tag(tg, &w, toks, n, tags));
	ck_assert_str_eq(qt_tagger_pos_name(tags[0].pos), "VERB");
	ck_assert_str_eq(qt_tagger_pos_name(tags[1].pos), "ADJ");
	ck_assert_str_eq(qt_tagger_pos_name(tags[2].pos), "VERB");
	qt_tagger_work_free(&w);
	qt_tagger_free(tg);
}
END_TEST

/* qt_tagger_tag_first() gives the first tags of the whole sentence, from
 * the words up to two past them, and leaves the rest OTHER, O. */
START_TEST(test_shipped_first)
{
	qt_tagger_tok toks[MAX_TOKS];
	qt_tag all[MAX_TOKS], some[MAX_TOKS];
	qt_tagger_work w = {0};
	size_t n = split("Former Senator Ada Finch of Vermont told reporters "
	                 "in Des Moines that the plan would fail .",
	                 toks),
	       k, i;

	ck_assert(qt_tagger_tag(shipped, &w, toks, n, all));
	for (k = 0; k <= n; k++) {
		size_t m = k + 2 < n ? k + 2 : n;

		memset(some, 0xff, sizeof(some));
		ck_assert(qt_tagger_tag_first(shipped, &w, toks, m, k, some));
		for (i = 0; i < k; i++) {
			ck_assert_uint_eq(some[i].pos, all[i].pos);
			ck_assert_uint_eq(some[i].ner, all[i].ner);
		}
		for (; i < m; i++) {
			ck_assert_uint_eq(some[i].pos, QT_POS_OTHER);
			ck_assert_uint_eq(some[i].ner, QT_NER_O);
		}
	}
	qt_tagger_work_free(&w);
}
END_TEST

/* a and b hold the same tables: the same features in the same slots,
 * with the same weights. */
static void
assert_same_tagger(const qt_tagger *a, const qt_tagger *b)
{
	size_t mi, i, rows = 0;

	ck_assert_uint_eq(a->nmodels, b->nmodels);
	ck_assert_uint_eq(a->npairs, b->npairs);
	ck_assert_uint_eq(a->stride, b->stride);
	for (i = 0; i < a->npairs; i++) {
		ck_assert_uint_eq(a->pairs[i].label, b->pairs[i].label);
		ck_assert_int_eq(a->pairs[i].weight, b->pairs[i].weight);
	}
	for (mi = 0; mi < a->nmodels; mi++) {
		const model *x = &a->m[mi], *y = &b->m[mi];

		ck_assert_int_eq(x->kind, y->kind);
		ck_assert_uint_eq(x->nlabels, y->nlabels);
		ck_assert_mem_eq(x->lpos, y->lpos, x->nlabels);
		ck_assert_mem_eq(x->lner, y->lner, x->nlabels);
		ck_assert_uint_eq(x->n, y->n);
		ck_assert_uint_eq(x->cap, y->cap);
		ck_assert_mem_eq(x->index, y->index,
		                 x->cap * sizeof(*x->index));
		for (i = 0; i < x->n; i++) {
			const feat *f = &x->slots[i], *g = &y->slots[i];

			ck_assert_uint_eq(f->hash, g->hash);
			ck_assert_uint_eq(f->klen, g->klen);
			ck_assert_mem_eq(a->keys.ptr + f->key,
			                 b->keys.ptr + g->key, f->klen);
			ck_assert_uint_eq(f->npairs, g->npairs);
			ck_assert_uint_eq(f->pair, g->pair);
			rows += (f->npairs & DENSE_ROW) != 0;
		}
	}
	if (rows)
		ck_assert_mem_eq(a->dense, b->dense,
		                 rows * a->stride * sizeof(*a->dense));
}

/* The built-in weights are the shipped file's, with the feature table
 * that tools/embed.py computed for them or without it (where their
 * hashes do not hold, the loader builds its own). */
START_TEST(test_shipped_builtin)
{
	const qt_tagger_image *img = qt_builtin_tagger("en");
	qt_tagger_image bare;
	qt_tagger *tg = NULL;
	quoth_error err;
	size_t mi;

	ck_assert_ptr_nonnull(img);
	ck_assert_ptr_null(qt_builtin_tagger("xx"));
	ck_assert_int_eq(qt_tagger_from_image(img, "en", &tg, &err), QUOTH_OK);
	assert_same_tagger(shipped, tg);
	qt_tagger_free(tg);
	bare = *img;
	for (mi = 0; mi < bare.nmodels; mi++)
		bare.m[mi].hash = NULL;
	ck_assert_int_eq(qt_tagger_from_image(&bare, "en", &tg, &err),
	                 QUOTH_OK);
	assert_same_tagger(shipped, tg);
	qt_tagger_free(tg);
	bare.feature_template = 2;
	ck_assert_int_eq(qt_tagger_from_image(&bare, "en", &tg, &err),
	                 QUOTH_ERR_LEXICON);
}
END_TEST

/* The rows of each token a work makes, and so the tags, are the same
 * integers whether they are summed eight lanes an instruction (AVX2,
 * where the processor has it) or four. */
START_TEST(test_shipped_lanes)
{
	static const char *const text[] = {
	        "The council said on Monday that the bridge would reopen .",
	        ("\u201c It was a hard year , \u201d said Ana Ruiz , 41 , of "
	         "Toronto ."),
	        "Officials at the U.S. Geological Survey declined to comment .",
	};
	qt_tagger_tok toks[MAX_TOKS];
	qt_tag tags[2][MAX_TOKS];
	qt_tagger_work w[2];
	bool avx2 = shipped->avx2;
	size_t i, k, n = 0;

	memset(w, 0, sizeof(w));

	for (i = 0; i < sizeof(text) / sizeof(*text); i++) {
		n = split(text[i], toks);
		for (k = 0; k < 2; k++) {
			shipped->avx2 = k == 0 && avx2;
			ck_assert(qt_tagger_tag(shipped, &w[k], toks, n,
			                        tags[k]));
		}
		shipped->avx2 = avx2;
		ck_assert_mem_eq(tags[0], tags[1], n * sizeof(**tags));
	}
	ck_assert_uint_eq(w[0].cache->tn, w[1].cache->tn);
	ck_assert_uint_eq(w[0].cache->per, w[1].cache->per);
	ck_assert_mem_eq(w[0].cache->rows, w[1].cache->rows,
	                 w[0].cache->tn * w[0].cache->per *
	                         sizeof(*w[0].cache->rows));
	for (k = 0; k < 2; k++)
		qt_tagger_work_free(&w[k]);
}
END_TEST

/* A built-in image whose pairs name a label past the model's is refused,
 * wherever the pair lies (the loader checks the labels eight at a time
 * as it copies them, the last few one by one); so is one whose hashes
 * are not this machine's but whose pairs are. */
START_TEST(test_builtin_bad_label)
{
	const qt_tagger_image *img = qt_builtin_tagger("en");
	qt_tagger_image bad;
	qt_tagger *tg = NULL;
	quoth_error err;
	size_t i, npairs = 0, at[3], k;
	uint8_t *label;

	ck_assert_ptr_nonnull(img);
	for (i = 0; i < img->m[0].nfeat; i++)
		npairs += img->m[0].npairs[i];
	ck_assert_uint_gt(npairs, 16);
	label = malloc(npairs);
	ck_assert_ptr_nonnull(label);
	at[0] = 5;
	at[1] = npairs / 2;
	at[2] = npairs - 1;
	for (k = 0; k < 3; k++) {
		bad = *img;
		memcpy(label, img->m[0].label, npairs);
		label[at[k]] = 200;
		bad.m[0].label = label;
		ck_assert_int_eq(qt_tagger_from_image(&bad, "en", &tg, &err),
		                 QUOTH_ERR_LEXICON);
		ck_assert_ptr_nonnull(strstr(err.message, "LABEL WEIGHT"));
		bad.m[0].hash = NULL;
		ck_assert_int_eq(qt_tagger_from_image(&bad, "en", &tg, &err),
		                 QUOTH_ERR_LEXICON);
	}
	free(label);
}
END_TEST

/* Of labels with the same highest score the lowest wins, as in the
 * trainer, wherever they lie among the vectors the scores are summed in
 * (four or eight lanes: labels 5, 13 and 18 in different lanes; 9 and
 * 17 in the same lane of different vectors). */
START_TEST(test_tie_lowest_label)
{
	static const char *const labels =
	        "OTHER|O NOUN|O PROPN|O VERB|O ADJ|O ADV|O PRON|O DET|O "
	        "ADP|O NUM|O PUNCT|O OTHER|PERSON NOUN|PERSON PROPN|PERSON "
	        "VERB|PERSON ADJ|PERSON ADV|PERSON PRON|PERSON DET|PERSON "
	        "ADP|PERSON";
	static const struct {
		const char *pairs;
		int pos, ner;
	} cases[] = {
	        {"13 7 5 7 18 7 2 3", QT_POS_ADV, QT_NER_O},
	        {"17 9 9 9 1 2", QT_POS_NUM, QT_NER_O},
	        {"18 4 19 4", QT_POS_DET, QT_NER_PERSON},
	};
	char file[1024];
	qt_tagger_tok toks[MAX_TOKS];
	qt_tag tags[MAX_TOKS];
	size_t i, k, n = split("one two", toks);

	for (i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		qt_tagger *tg;

		snprintf(file, sizeof(file),
		         "quoth-tagger 1\ntemplate 1\nmodel joint\n"
		         "labels %s\nfeatures 1\nb\t%s\n",
		         labels, cases[i].pairs);
		tg = load_str(file);
		for (k = 0; k < 2; k++) {
			qt_tagger_work w = {0};
			bool avx2 = tg->avx2;

			tg->avx2 = k == 0 && avx2;
			ck_assert(qt_tagger_tag(tg, &w, toks, n, tags));
			tg->avx2 = avx2;
			ck_assert_int_eq(tags[0].pos, cases[i].pos);
			ck_assert_int_eq(tags[0].ner, cases[i].ner);
			qt_tagger_work_free(&w);
		}
		qt_tagger_free(tg);
	}
}
END_TEST

/* The works an extractor lends (tagger_state.c): each claimed one is
 * apart from every other claimed one, given back it is lent again (the
 * last one given back first, with no lock), and the state frees them
 * all, wherever they wait (valgrind's leak check). */
START_TEST(test_work_pool)
{
	lang_data ld;
	qt_tagger_work *a, *b, *c, *d, *e;

	memset(&ld, 0, sizeof(ld));
	ld.tagger_state = qt_tagger_state_new(NULL, "");
	ck_assert_ptr_nonnull(ld.tagger_state);
	a = qt_lang_tagger_work(&ld);
	b = qt_lang_tagger_work(&ld);
	ck_assert_ptr_nonnull(a);
	ck_assert_ptr_nonnull(b);
	ck_assert_ptr_ne(a, b);
	qt_lang_tagger_work_done(&ld, a);
	qt_lang_tagger_work_done(&ld, b);
	c = qt_lang_tagger_work(&ld);
	d = qt_lang_tagger_work(&ld);
	e = qt_lang_tagger_work(&ld);
	ck_assert_ptr_eq(c, a);
	ck_assert_ptr_eq(d, b);
	ck_assert_ptr_ne(e, a);
	ck_assert_ptr_ne(e, b);
	qt_lang_tagger_work_done(&ld, NULL);
	qt_lang_tagger_work_done(&ld, e);
	qt_lang_tagger_work_done(&ld, d);
	qt_lang_tagger_work_done(&ld, c);
	qt_tagger_state_free(ld.tagger_state);
}
END_TEST

/* Threads that claim and give back works many times never hold one work
 * at once: each marks the work it holds and finds its mark still there
 * when it gives the work back. */
#define POOL_ROUNDS 20000

static void *
pool_thread(void *arg)
{
	const lang_data *ld = arg;
	size_t i, bad = 0;
	char mark;

	for (i = 0; i < POOL_ROUNDS; i++) {
		qt_tagger_work *w = qt_lang_tagger_work(ld);
		volatile size_t *len;

		if (!w)
			return (void *)1;
		len = &w->text.len;
		*len = (size_t)&mark;
		if (i % 7 == 0)
			sched_yield();
		bad += *len != (size_t)&mark;
		*len = 0;
		qt_lang_tagger_work_done(ld, w);
	}
	return (void *)bad;
}

START_TEST(test_work_pool_threads)
{
	lang_data ld;
	pthread_t th[4];
	void *ret;
	size_t t;

	memset(&ld, 0, sizeof(ld));
	ld.tagger_state = qt_tagger_state_new(NULL, "");
	ck_assert_ptr_nonnull(ld.tagger_state);
	for (t = 0; t < 4; t++)
		ck_assert_int_eq(pthread_create(&th[t], NULL, pool_thread, &ld),
		                 0);
	for (t = 0; t < 4; t++) {
		ck_assert_int_eq(pthread_join(th[t], &ret), 0);
		ck_assert_ptr_null(ret);
	}
	qt_tagger_state_free(ld.tagger_state);
}
END_TEST

static Suite *
tagger_suite(void)
{
	Suite *s = suite_create("tagger");
	TCase *tc = tcase_create("features");
	TCase *ts = tcase_create("shipped");

	tcase_add_test(tc, test_word_features);
	tcase_add_test(tc, test_shapes);
	tcase_add_test(tc, test_context_features);
	tcase_add_test(tc, test_history_features);
	tcase_add_test(tc, test_two_models);
	tcase_add_test(tc, test_load_errors);
	tcase_add_test(tc, test_dense_row);
	tcase_add_test(tc, test_tie_lowest_label);
	tcase_add_test(tc, test_work_pool);
	tcase_add_test(tc, test_work_pool_threads);
	suite_add_tcase(s, tc);
	tcase_add_checked_fixture(ts, load_shipped, unload_shipped);
	tcase_set_timeout(ts, 60);
	tcase_add_test(ts, test_shipped_names);
	tcase_add_test(ts, test_shipped_quote);
	tcase_add_test(ts, test_shipped_pronoun);
	tcase_add_test(ts, test_shipped_hostile);
	tcase_add_test(ts, test_shipped_first);
	tcase_add_test(ts, test_shipped_builtin);
	tcase_add_test(ts, test_builtin_bad_label);
	tcase_add_test(ts, test_shipped_lanes);
	suite_add_tcase(s, ts);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(tagger_suite());
	int failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
