/*
 * test_choose.c: the learned choice between candidate links
 * (src/choose.c): the loader of choice-weights.txt and its errors, the
 * threshold below which no candidate is taken, and the shipped weights
 * (data/en/choice-weights.txt, path in QUOTH_CHOICE_WEIGHTS) on
 * candidates described by hand.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lexicon.h"
#include "quoth.h"

/* Features as one NUL-separated buffer, from a space-separated string;
 * the count goes to *nf. */
static void
feats(const char *s, char *buf, size_t bufsz, size_t *nf)
{
	size_t i, n = strlen(s);

	ck_assert_uint_lt(n, bufsz);
	memcpy(buf, s, n + 1);
	*nf = 1;
	for (i = 0; i < n; i++)
		if (buf[i] == ' ') {
			buf[i] = '\0';
			(*nf)++;
		}
}

static choice_model *
parse(const char *data, quoth_error *err, quoth_status *st)
{
	choice_model *m = NULL;

	*st = qt_choice_parse(&m, "w.txt", data, strlen(data), err);
	return m;
}

static char *
read_all(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *b;
	long n;

	ck_assert_msg(f != NULL, "cannot open %s", path);
	ck_assert_int_eq(fseek(f, 0, SEEK_END), 0);
	n = ftell(f);
	ck_assert_int_ge(n, 0);
	rewind(f);
	b = malloc((size_t)n + 1);
	ck_assert_ptr_nonnull(b);
	ck_assert_uint_eq(fread(b, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	b[n] = '\0';
	*len = (size_t)n;
	return b;
}

static choice_model *shipped;

static void
load_shipped(void)
{
	const char *path = getenv("QUOTH_CHOICE_WEIGHTS");
	quoth_error err;
	size_t len;
	char *data;
	quoth_status st;

	ck_assert_msg(path != NULL, "QUOTH_CHOICE_WEIGHTS is not set");
	data = read_all(path, &len);
	st = qt_choice_parse(&shipped, path, data, len, &err);
	free(data);
	ck_assert_msg(st == QUOTH_OK, "%s", err.message);
}

static void
unload_shipped(void)
{
	qt_choice_free(shipped);
	shipped = NULL;
}

START_TEST(test_parse)
{
	quoth_error err;
	quoth_status st;
	choice_model *m = parse("# a model\n# adopted: yes\nthreshold\t0.25\n"
	                        "side=after\t1.5\nbias\t-0.5\n",
	                        &err, &st);
	char buf[256];
	size_t nf;
	double z[2];

	ck_assert_msg(st == QUOTH_OK, "%s", err.message);
	ck_assert_uint_eq(qt_choice_size(m), 2);
	ck_assert(qt_choice_adopted(m));
	feats("bias side=after", buf, sizeof(buf), &nf);
	ck_assert_double_eq_tol(qt_choice_score(m, buf, nf), 1.0, 1e-9);
	/* a feature the model does not know weighs nothing */
	feats("bias unknown", buf, sizeof(buf), &nf);
	ck_assert_double_eq_tol(qt_choice_score(m, buf, nf), -0.5, 1e-9);
	/* the best of several; the earlier on a tie */
	z[0] = 0.2;
	z[1] = 1.0;
	ck_assert_uint_eq(qt_choice_best(m, z, 2), 1);
	z[0] = 1.0;
	ck_assert_uint_eq(qt_choice_best(m, z, 2), 0);
	/* below the threshold (p = 0.25 is log-odds -1.10): nobody */
	z[0] = z[1] = -1.5;
	ck_assert_uint_eq(qt_choice_best(m, z, 2), QUOTH_NONE);
	ck_assert_uint_eq(qt_choice_best(m, z, 0), QUOTH_NONE);
	qt_choice_free(m);

	/* without the header line the model is only described, not used */
	m = parse("bias\t1\n", &err, &st);
	ck_assert_int_eq(st, QUOTH_OK);
	ck_assert(!qt_choice_adopted(m));
	qt_choice_free(m);
}
END_TEST

/* Each malformed file: its error names the file and the line. */
START_TEST(test_errors)
{
	static const struct {
		const char *data, *msg;
	} bad[] = {
	        {"bias 1\n", "w.txt:1: expected"},
	        {"# x\nbias\t\n", "w.txt:2: expected"},
	        {"bias\t1\nside=after\tlots\n", "w.txt:2: 'lots' is not"},
	        {"bias\t1\nthreshold\t1.5\n", "w.txt:2: the threshold"},
	        {"bias\t1e9\n", "w.txt:1: '1e9' is not"},
	        {"bias\t1\nbias\t2\n", "'bias' given twice"},
	        {"# adopted: yes\nthreshold\t0.5\n", "w.txt:2: no weights"},
	        {"", "w.txt:1: no weights"},
	        {"bias\t\xff\n", "w.txt:1: not UTF-8"},
	};
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		quoth_error err;
		quoth_status st;
		choice_model *m = parse(bad[i].data, &err, &st);
		ck_assert_ptr_null(m);
		ck_assert_int_eq(st, QUOTH_ERR_LEXICON);
		ck_assert_msg(strstr(err.message, bad[i].msg) != NULL,
		              "case %zu: '%s' lacks '%s'", i, err.message,
		              bad[i].msg);
	}
}
END_TEST

/* The shipped file is a real model: adopted, with a threshold, and many
 * weights (it fails when the file is emptied). */
START_TEST(test_shipped_model)
{
	ck_assert(qt_choice_adopted(shipped));
	ck_assert_uint_ge(qt_choice_size(shipped), 20);
}
END_TEST

/*
 * A fragment at the end of its sentence: the hand order takes "he" of a
 * cue in the NEXT sentence (after side, first), while the sentence of the
 * fragment opens with a person named by a title who is its cue's subject
 * (before side).  The model takes the named person.
 */
START_TEST(test_shipped_choice)
{
	char b0[1024], b1[1024];
	size_t n0, n1;
	double z[2];

	feats("bias side=after rule=pronoun side_rule=after:pronoun "
	      "kind=heshe side_kind=after:heshe rank=0 first=1 ncand=2 dist=1 "
	      "cuedist=2 cue_after_sp=1 para=0 samesent=0 sp_opens_sent=1 "
	      "width=1 fallback=0 nolast noent qtype=3",
	      b0, sizeof(b0), &n0);
	feats("bias side=before rule=cue-before side_rule=before:cue-before "
	      "kind=name side_kind=before:name rank=1 first=0 ncand=2 "
	      "dist=3-4 cuedist=3-4 cue_after_sp=1 para=0 samesent=1 "
	      "sp_opens_sent=0 width=5-8 fallback=0 nolast sal=1 salmost=1 "
	      "person=1 strong=1 orgent=0 nonperson=0 place=0 gender=0 "
	      "multiword=1 qtype=3",
	      b1, sizeof(b1), &n1);
	z[0] = qt_choice_score(shipped, b0, n0);
	z[1] = qt_choice_score(shipped, b1, n1);
	ck_assert_msg(z[1] > z[0], "%g <= %g", z[1], z[0]);
	ck_assert_uint_eq(qt_choice_best(shipped, z, 2), 1);
}
END_TEST

/* Two equal candidates far from the quote, in another paragraph, with
 * nothing known of either: the model takes neither. */
START_TEST(test_shipped_abstains)
{
	char b[1024];
	size_t n;
	double z[2];

	feats("bias side=before rule=colon side_rule=before:colon "
	      "kind=newname side_kind=before:newname rank=0 first=1 ncand=2 "
	      "dist=17+ cuedist=17+ para=2 samesent=0 sp_opens_sent=1 "
	      "width=1 nolast noent qtype=0",
	      b, sizeof(b), &n);
	z[0] = z[1] = qt_choice_score(shipped, b, n);
	ck_assert_msg(qt_choice_best(shipped, z, 2) == QUOTH_NONE, "score %g",
	              z[0]);
}
END_TEST

/* Extract text with the candidate dump on; the dump's contents go to
 * buf (at most bufsz - 1 bytes). */
static void
extract_dumping(const char *text, char *buf, size_t bufsz)
{
	char path[] = "/tmp/quoth-choose-XXXXXX";
	quoth_options opt;
	quoth_extractor *ex = NULL;
	quoth_result *r = NULL;
	quoth_error err;
	FILE *f;
	size_t n;
	int fd = mkstemp(path);

	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(setenv("QUOTH_DUMP_CANDIDATES", path, 1), 0);
	quoth_options_init(&opt);
	ck_assert_msg(quoth_extractor_new(&opt, &ex, &err) == QUOTH_OK, "%s",
	              err.message);
	ck_assert_msg(quoth_extract(ex, text, strlen(text), &r, &err) ==
	                      QUOTH_OK,
	              "%s", err.message);
	quoth_result_free(r);
	quoth_extractor_free(ex);
	ck_assert_int_eq(unsetenv("QUOTH_DUMP_CANDIDATES"), 0);
	f = fdopen(fd, "rb");
	ck_assert_ptr_nonnull(f);
	n = fread(buf, 1, bufsz - 1, f);
	buf[n] = '\0';
	fclose(f);
	unlink(path);
}

/* The dump the trainer reads: a Q line per quote with candidates, then
 * a C line per candidate in the hand order, with generic features; the
 * fragment of the spec's case has two, "He" after it first. */
START_TEST(test_dump)
{
	static char buf[16384];
	const char *q, *c0, *c1;
	size_t qs, qe, n;
	int linked;

	extract_dumping("The harbour board met on Monday. Board lawyer Tom "
	                "Quill called the review \"a slow and careful "
	                "march.\" He said the file would close in the "
	                "spring.",
	                buf, sizeof(buf));
	q = strstr(buf, "Q\t");
	ck_assert_msg(q != NULL, "no quote in the dump: %s", buf);
	ck_assert_int_eq(
	        sscanf(q, "Q\t%zu\t%zu\t%zu\t%d", &qs, &qe, &n, &linked), 4);
	ck_assert_uint_eq(n, 2);
	ck_assert_int_eq(linked, 1);
	ck_assert_uint_lt(qs, qe);
	c0 = strstr(q, "\nC\t0\t");
	c1 = strstr(q, "\nC\t1\t");
	ck_assert_ptr_nonnull(c0);
	ck_assert_ptr_nonnull(c1);
	ck_assert(strstr(c0, "side=after") < c1);
	ck_assert(strstr(c0, "kind=heshe") < c1);
	ck_assert_ptr_nonnull(strstr(c1, "Tom Quill\tcue-before\t"));
	ck_assert_ptr_nonnull(strstr(c1, "side=before"));
	ck_assert_ptr_nonnull(strstr(c1, "samesent=1"));
}
END_TEST

/* The namesakes' dump: an N line per surname alone that two fuller
 * names share (offset, count, the hand order's index, the entity the
 * evidence named), then an M line per namesake with its features.
 * "Clinton said she" after "Hillary Clinton said she": the evidence
 * names Hillary Clinton, while Bill Clinton, named more, is the hand
 * order's. */
START_TEST(test_dump_namesakes)
{
	static char buf[16384];
	const char *nl, *m0, *m1, *hand_m, *ev_m;
	size_t off, n, hand;
	int ev;
	char key[32];

	extract_dumping("Hillary Clinton said she was proud of the library. "
	                "Bill Clinton opened it on Monday, and Bill Clinton "
	                "cut the ribbon. On Tuesday, Clinton said she would "
	                "come back next year.",
	                buf, sizeof(buf));
	nl = strstr(buf, "N\t");
	ck_assert_msg(nl != NULL, "no namesakes in the dump: %s", buf);
	ck_assert_int_eq(
	        sscanf(nl, "N\t%zu\t%zu\t%zu\t%d", &off, &n, &hand, &ev), 4);
	ck_assert_uint_eq(n, 2);
	ck_assert_int_ge(ev, 0);
	m0 = strstr(nl, "\nM\t0\t");
	m1 = strstr(nl, "\nM\t1\t");
	ck_assert_ptr_nonnull(m0);
	ck_assert_ptr_nonnull(m1);
	hand_m = hand == 0 ? m0 : m1;
	ck_assert_ptr_nonnull(strstr(hand_m, "\tBill Clinton\t"));
	ck_assert_ptr_nonnull(strstr(hand_m, "ns:salmost=1"));
	snprintf(key, sizeof(key), "\t%d\tHillary Clinton\t", ev);
	ev_m = hand == 0 ? m1 : m0;
	ck_assert_ptr_nonnull(strstr(ev_m, key));
	ck_assert_ptr_nonnull(strstr(ev_m, "ns:salmost=0"));
}
END_TEST

static Suite *
choose_suite(void)
{
	Suite *s = suite_create("choose");
	TCase *tc = tcase_create("loader");
	TCase *ts = tcase_create("shipped");

	tcase_add_test(tc, test_parse);
	tcase_add_test(tc, test_errors);
	tcase_add_test(tc, test_dump);
	tcase_add_test(tc, test_dump_namesakes);
	suite_add_tcase(s, tc);
	tcase_add_checked_fixture(ts, load_shipped, unload_shipped);
	tcase_add_test(ts, test_shipped_model);
	tcase_add_test(ts, test_shipped_choice);
	tcase_add_test(ts, test_shipped_abstains);
	suite_add_tcase(s, ts);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(choose_suite());
	int failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
