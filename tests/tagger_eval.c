/*
 * tagger_eval.c: run the C tagger over held-out silver files and print
 * its accuracy and speed, to compare with `tools/train_tagger.py eval`
 * (both must agree token for token).  Not a test: the silver data is
 * not in the repository.
 *
 *	tagger_eval [-d DUMP] WEIGHTS SILVER_DIR [FIRST LAST]
 *
 * reads SILVER_DIR/NNNN.tsv for ids FIRST..LAST (default 840..923, the
 * held-out range), maps the CoreNLP tags to the coarse set as the
 * trainer's POS_MAP and NER_MAP do, and prints token accuracy of part of
 * speech and entity class, entity-level precision/recall/F1 (maximal runs
 * of one class) and tokens per CPU second of qt_tagger_tag() alone
 * (thread CPU time: a busy machine does not skew it).  -d writes
 * `word<TAB>POS<TAB>NER` per token (a blank line after each sentence),
 * the format of the trainer's `eval --dump`.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tagger.h"

static const struct {
	const char *penn;
	int pos;
} penn_map[] = {
        {"NN", QT_POS_NOUN},     {"NNS", QT_POS_NOUN},
        {"NNP", QT_POS_PROPN},   {"NNPS", QT_POS_PROPN},
        {"VB", QT_POS_VERB},     {"VBD", QT_POS_VERB},
        {"VBG", QT_POS_VERB},    {"VBN", QT_POS_VERB},
        {"VBP", QT_POS_VERB},    {"VBZ", QT_POS_VERB},
        {"MD", QT_POS_VERB},     {"JJ", QT_POS_ADJ},
        {"JJR", QT_POS_ADJ},     {"JJS", QT_POS_ADJ},
        {"RB", QT_POS_ADV},      {"RBR", QT_POS_ADV},
        {"RBS", QT_POS_ADV},     {"WRB", QT_POS_ADV},
        {"PRP", QT_POS_PRON},    {"PRP$", QT_POS_PRON},
        {"WP", QT_POS_PRON},     {"WP$", QT_POS_PRON},
        {"EX", QT_POS_PRON},     {"DT", QT_POS_DET},
        {"PDT", QT_POS_DET},     {"WDT", QT_POS_DET},
        {"IN", QT_POS_ADP},      {"TO", QT_POS_ADP},
        {"RP", QT_POS_ADP},      {"CD", QT_POS_NUM},
        {",", QT_POS_PUNCT},     {".", QT_POS_PUNCT},
        {":", QT_POS_PUNCT},     {"``", QT_POS_PUNCT},
        {"''", QT_POS_PUNCT},    {"-LRB-", QT_POS_PUNCT},
        {"-RRB-", QT_POS_PUNCT}, {"HYPH", QT_POS_PUNCT},
        {"NFP", QT_POS_PUNCT},
};

static int
map_pos(const char *s)
{
	size_t i;

	for (i = 0; i < sizeof(penn_map) / sizeof(penn_map[0]); i++)
		if (strcmp(penn_map[i].penn, s) == 0)
			return penn_map[i].pos;
	return QT_POS_OTHER;
}

static int
map_ner(const char *s)
{
	if (strcmp(s, "PERSON") == 0)
		return QT_NER_PERSON;
	if (strcmp(s, "ORGANIZATION") == 0)
		return QT_NER_ORGANIZATION;
	if (strcmp(s, "LOCATION") == 0 || strcmp(s, "CITY") == 0 ||
	    strcmp(s, "STATE_OR_PROVINCE") == 0 || strcmp(s, "COUNTRY") == 0)
		return QT_NER_LOCATION;
	return QT_NER_O;
}

static char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *p = NULL;
	long n;

	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 &&
	    fseek(f, 0, SEEK_SET) == 0 && (p = malloc((size_t)n + 1)) &&
	    fread(p, 1, (size_t)n, f) == (size_t)n) {
		p[n] = '\0';
		*len = (size_t)n;
	} else {
		free(p);
		p = NULL;
	}
	fclose(f);
	return p;
}

typedef struct {
	size_t n, pos_ok, ner_ok, tp, fp, fn;
	double secs;
} stats;

/* Entities as maximal runs of one class; count matches of gold g and
 * predicted p over n tokens. */
static void
count_entities(const qt_tag *g, const qt_tag *p, size_t n, stats *st)
{
	size_t i, j, ng = 0, np = 0, match = 0;

	for (i = 0; i < n; i = j) {
		j = i + 1;
		if (g[i].ner == QT_NER_O)
			continue;
		while (j < n && g[j].ner == g[i].ner)
			j++;
		ng++;
	}
	for (i = 0; i < n; i = j) {
		size_t k;
		j = i + 1;
		if (p[i].ner == QT_NER_O)
			continue;
		while (j < n && p[j].ner == p[i].ner)
			j++;
		np++;
		/* the same run in gold: same class from i to j, and
		 * bounded by other classes on both sides */
		for (k = i; k < j && g[k].ner == p[i].ner; k++)
			;
		if (k == j && (i == 0 || g[i - 1].ner != p[i].ner) &&
		    (j == n || g[j].ner != p[i].ner))
			match++;
	}
	st->tp += match;
	st->fp += np - match;
	st->fn += ng - match;
}

static void
tag_sentence(const qt_tagger *tg, qt_tagger_work *w, qt_tagger_tok *toks,
             qt_tag *gold, qt_tag *pred, size_t n, stats *st, FILE *dump)
{
	struct timespec a, b;
	size_t i;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &a);
	if (!qt_tagger_tag(tg, w, toks, n, pred)) {
		fprintf(stderr, "tagger_eval: out of memory\n");
		exit(1);
	}
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &b);
	st->secs += (double)(b.tv_sec - a.tv_sec) +
	            (double)(b.tv_nsec - a.tv_nsec) / 1e9;
	for (i = 0; i < n; i++) {
		st->n++;
		st->pos_ok += gold[i].pos == pred[i].pos;
		st->ner_ok += gold[i].ner == pred[i].ner;
		if (dump)
			fprintf(dump, "%.*s\t%s\t%s\n", (int)toks[i].len,
			        toks[i].s, qt_tagger_pos_name(pred[i].pos),
			        qt_tagger_ner_name(pred[i].ner));
	}
	if (dump)
		fputc('\n', dump);
	count_entities(gold, pred, n, st);
}

#define MAX_SENT 4096

int
main(int argc, char **argv)
{
	static qt_tagger_tok toks[MAX_SENT];
	static qt_tag gold[MAX_SENT], pred[MAX_SENT];
	const char *dump_path = NULL;
	FILE *dump = NULL;
	qt_tagger *tg;
	qt_tagger_work w = {0};
	quoth_error err;
	stats st = {0};
	char *data, path[4096];
	size_t len, n = 0;
	int first = 840, last = 923, id, ai = 1;
	double p, r;

	if (argc > 2 && strcmp(argv[1], "-d") == 0) {
		dump_path = argv[2];
		ai = 3;
	}
	if (argc - ai != 2 && argc - ai != 4) {
		fprintf(stderr, "usage: tagger_eval [-d DUMP] WEIGHTS "
		                "SILVER_DIR [FIRST LAST]\n");
		return 2;
	}
	if (argc - ai == 4) {
		first = atoi(argv[ai + 2]);
		last = atoi(argv[ai + 3]);
	}
	data = slurp(argv[ai], &len);
	if (!data) {
		perror(argv[ai]);
		return 1;
	}
	if (qt_tagger_load(data, len, argv[ai], &tg, &err) != QUOTH_OK) {
		fprintf(stderr, "tagger_eval: %s\n", err.message);
		return 1;
	}
	free(data);
	if (dump_path && !(dump = fopen(dump_path, "w"))) {
		perror(dump_path);
		return 1;
	}
	for (id = first; id <= last; id++) {
		char *line, *save = NULL;

		snprintf(path, sizeof(path), "%s/%04d.tsv", argv[ai + 1], id);
		data = slurp(path, &len);
		if (!data)
			continue;
		/* strtok_r would merge the blank lines that end sentences */
		for (line = data; line && *line; line = save) {
			char *nl = strchr(line, '\n'), *col[7];
			int k;

			save = nl ? nl + 1 : NULL;
			if (nl)
				*nl = '\0';
			if (line[0] == '#')
				continue;
			if (line[0] == '\0') {
				if (n)
					tag_sentence(tg, &w, toks, gold, pred,
					             n, &st, dump);
				n = 0;
				continue;
			}
			for (k = 0; k < 7; k++) {
				col[k] = line;
				line = strchr(line, '\t');
				if (!line)
					break;
				*line++ = '\0';
			}
			if (k < 4 || n == MAX_SENT) {
				fprintf(stderr, "%s: bad line\n", path);
				return 1;
			}
			toks[n].s = col[2];
			toks[n].len = strlen(col[2]);
			gold[n].pos = (uint8_t)map_pos(col[3]);
			gold[n].ner = (uint8_t)map_ner(col[4]);
			n++;
		}
		if (n)
			tag_sentence(tg, &w, toks, gold, pred, n, &st, dump);
		n = 0;
		free(data);
	}
	if (dump)
		fclose(dump);
	if (st.n == 0) {
		fprintf(stderr, "tagger_eval: no tokens\n");
		return 1;
	}
	p = st.tp + st.fp ? (double)st.tp / (double)(st.tp + st.fp) : 0;
	r = st.tp + st.fn ? (double)st.tp / (double)(st.tp + st.fn) : 0;
	printf("held-out %04d-%04d: %zu tokens, POS accuracy %.4f, NER "
	       "accuracy %.4f, entity P %.4f R %.4f F1 %.4f\n",
	       first, last, st.n, (double)st.pos_ok / (double)st.n,
	       (double)st.ner_ok / (double)st.n, p, r,
	       p + r > 0 ? 2 * p * r / (p + r) : 0.0);
	printf("speed: %.0f tokens per CPU second (%.3f s in qt_tagger_tag)\n",
	       (double)st.n / st.secs, st.secs);
	qt_tagger_work_free(&w);
	qt_tagger_free(tg);
	return 0;
}
