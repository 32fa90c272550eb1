/*
 * namesake.c: attribution, where namesakes compete: a surname alone
 * that two or more fuller names share ("Clinton" after Bill and Hillary
 * Clinton; entities.c asks).  It goes to the one the article's evidence
 * names (gender, person), else to the learned namesake choice when its
 * weights are adopted (the `ns:` weights of data/LANG/choice-weights.txt,
 * trained by tools/train_choice.py), else to the hand order's.  With
 * QUOTH_DUMP_CANDIDATES=PATH set, the ties and their generic features are
 * appended to PATH for the trainer, as choose.c does for quotes.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "choose.h"
#include "entindex.h"
#include "namesake.h"

/* The gender the pronoun of a name's own reported clause shows: "Clinton
 * said she", "Clinton says that he" (the name ending before token b);
 * 0 when there is none.  (canon.c asks too.) */
int
qt_reported_gender(const actx *c, size_t b)
{
	size_t j = b;
	int v;

	while (j < c->n && j < b + 3 && qt_is_filler(c, j) &&
	       qt_cue_at(c, j) < 0)
		j++;
	if (j >= c->n)
		return 0;
	v = qt_cue_at(c, j);
	if (v < 0 || (v & CUE_OBJECT))
		return 0;
	j += qt_cue_len(c, j);
	if (j < c->n && wordeq(c, j, "that"))
		j++;
	if (j >= c->n || c->inq[j])
		return 0;
	return wordeq(c, j, "he") ? G_MALE : wordeq(c, j, "she") ? G_FEMALE : 0;
}

/* The newest mention of entity e in c->ments[stop, k), k the end of
 * c->ments or a mention of e; SIZE_MAX for none.  By e's chain of
 * mentions when there is one, else by a look at each. */
static size_t
mention_before(const actx *c, int e, size_t k, size_t stop)
{
	int i;

	if (!qt_eidx_has_mentions(c)) {
		while (k-- > stop)
			if (QVEC_AT(&c->ments, mention_rec, k)->ent == e)
				return k;
		return SIZE_MAX;
	}
	i = k == c->ments.len ? qt_eidx_last_mention(c, e)
	                      : qt_eidx_prev_mention(c, (int)k);
	return i >= 0 && (size_t)i >= stop ? (size_t)i : SIZE_MAX;
}

/* The token of the kinship noun (WordNet) that introduced entity e as
 * someone's relative, its first full name right after "his|her|their|
 * X's" and the noun with a comma ("His father, Piet Trell,", "her son,
 * Tom Kerr"); QUOTH_NONE when it was not so introduced.  Such a
 * namesake is the other's relative; the surname alone is the other's. */
static size_t
kin_noun(const actx *c, int e)
{
	size_t k = ent_at(c, e)->first_multi;
	int v;

	if (k == QUOTH_NONE || k < 3 || !is_p(&c->t[k - 1], ',') ||
	    !is_w(&c->t[k - 2]) || (c->t[k - 2].flags & TF_CAP))
		return QUOTH_NONE;
	v = qt_lex(c, LEX_PERSONS, k - 2, k - 1);
	if (v < 0 || !(v & WNP_KIN))
		return QUOTH_NONE;
	return wordeq(c, k - 3, "his") || wordeq(c, k - 3, "her") ||
	                       wordeq(c, k - 3, "their") ||
	                       qt_possessive(c, k - 3)
	               ? k - 2
	               : QUOTH_NONE;
}

/* The gender the article has shown so far for entity e: its own, or the
 * kinship noun that introduced it ("her son, Tom Kerr") and the pronouns
 * of the reported clauses of its full-name mentions among the last
 * MENTION_WINDOW (0 when they disagree). */
static int
namesake_gender(const actx *c, int e)
{
	const entity *x = ent_at(c, e);
	size_t k = c->ments.len;
	size_t stop = k > MENTION_WINDOW ? k - MENTION_WINDOW : 0;
	int g = 0;

	if (x->gender)
		return x->gender;
	if ((k = kin_noun(c, e)) != QUOTH_NONE) {
		int tv = qt_lex(c, LEX_TITLES, k, k + 1);
		if (tv >= 0 && (tv & TITLE_MALE))
			g = G_MALE;
		else if (tv >= 0 && (tv & TITLE_FEMALE))
			g = G_FEMALE;
	}
	k = c->ments.len;
	for (k = mention_before(c, e, k, stop); k != SIZE_MAX;
	     k = mention_before(c, e, k, stop)) {
		const mention_rec *m = QVEC_AT(&c->ments, mention_rec, k);
		int r;
		if (m->end < m->tok + 2 ||
		    qt_words_in(c, m->tok, m->end - 1) < 2)
			continue;
		r = qt_reported_gender(c, m->end);
		if (r && g && r != g)
			return 0;
		if (r)
			g = r;
	}
	return g;
}

/* The one candidate for which keep() holds, or -1 (none or several). */
static int
only(const actx *c, const int *ns, size_t n, int g,
     bool (*keep)(const actx *, int, int))
{
	size_t i;
	int found = -1;

	for (i = 0; i < n; i++)
		if (keep(c, ns[i], g)) {
			if (found >= 0)
				return -1;
			found = ns[i];
		}
	return found;
}

static bool
same_gender(const actx *c, int e, int g)
{
	return namesake_gender(c, e) == g;
}

static bool
not_other_gender(const actx *c, int e, int g)
{
	int eg = namesake_gender(c, e);

	return eg == 0 || eg == g;
}

static bool
is_person(const actx *c, int e, int g)
{
	const entity *x = ent_at(c, e);

	(void)g;
	return !x->org && !x->nonperson && !x->place;
}

static bool
not_kin(const actx *c, int e, int g)
{
	(void)g;
	return kin_noun(c, e) == QUOTH_NONE;
}

int
qt_namesake_pick(const actx *c, const int *ns, size_t n, size_t b, int gender,
                 bool persons)
{
	int g = gender ? gender : qt_reported_gender(c, b), k;

	if (n == 0)
		return -1;
	if (persons && (k = only(c, ns, n, 0, is_person)) >= 0)
		return k;
	if ((g == G_MALE || g == G_FEMALE) &&
	    ((k = only(c, ns, n, g, same_gender)) >= 0 ||
	     (k = only(c, ns, n, g, not_other_gender)) >= 0))
		return k;
	/* "Prime Minister Jan Trell ... His father, Piet Trell, ...
	 * Trell said": where gender does not decide, the one not
	 * introduced as a relative */
	return only(c, ns, n, 0, not_kin);
}

/* The features of namesake ns[k] for the surname alone at token a
 * (NUL-separated into buf, as choose.c's qt_cand_features()); their count. */
static size_t
namesake_features(const actx *c, const int *ns, size_t n, size_t k, size_t a,
                  char *buf, size_t bufsz)
{
	const entity *e = ent_at(c, ns[k]);
	size_t len = 0, nf = 0, i, more = 0, later = 0, earlier = 0;

	/* (nothing of gender or titles: the evidence that labels the
	 * trainer's examples is gender, so they would only echo it) */
	for (i = 0; i < n; i++) {
		const entity *x = ent_at(c, ns[i]);
		if (i == k)
			continue;
		more += x->nment > e->nment;
		later += x->last_tok > e->last_tok;
		earlier += x->first_tok < e->first_tok;
	}
#define F(...) qt_cand_feat(buf, bufsz, &len, &nf, __VA_ARGS__)
	F("ns:bias");
	F("ns:n=%s", qt_cand_bucket(n));
	F("ns:sal=%s", qt_cand_bucket(e->nment));
	F("ns:salmost=%d", more == 0);
	F("ns:salrank=%s", qt_cand_bucket(more));
	F("ns:newest=%d", k == 0);
	F("ns:lastmost=%d", later == 0);
	F("ns:firstmost=%d", earlier == 0);
	F("ns:since=%s",
	  qt_cand_bucket(a > e->last_tok ? c->t[a].sent - c->t[e->last_tok].sent
	                                 : 0));
	F("ns:samepara=%d", c->t[e->last_tok].para == c->t[a].para);
#undef F
	return nf;
}

static void
namesake_dump(const actx *c, const char *path, const int *ns, size_t n,
              size_t a, size_t hand, int evidence)
{
	FILE *f = fopen(path, "a");
	size_t k, i, nf, off;
	char buf[1024];

	if (!f)
		return;
	fprintf(f, "N\t%u\t%zu\t%zu\t%d\n", c->t[a].start, n, hand,
	        evidence >= 0 ? (int)evidence : -1);
	for (k = 0; k < n; k++) {
		nf = namesake_features(c, ns, n, k, a, buf, sizeof(buf));
		fprintf(f, "M\t%zu\t%d\t%s\t", k, ns[k],
		        ent_at(c, ns[k])->name);
		for (i = 0, off = 0; i < nf; i++) {
			fprintf(f, "%s%s", i ? " " : "", buf + off);
			off += strlen(buf + off) + 1;
		}
		fputc('\n', f);
	}
	fclose(f);
}

int
qt_namesake_choose(const actx *c, const int *ns, size_t n, size_t a,
                   size_t hand, int evidence)
{
	const char *dump_path = getenv("QUOTH_DUMP_CANDIDATES");
	const choice_model *m = c->ld->choice;
	char buf[1024];
	size_t k, nf, best = hand;
	double z, bz = 0;

	if (dump_path && *dump_path) {
		namesake_dump(c, dump_path, ns, n, a, hand, evidence);
		return evidence >= 0 ? evidence : ns[hand];
	}
	if (evidence >= 0)
		return evidence;
	if (!m || qt_choice_score(m, "ns:adopted", 1) < 0.5)
		return ns[hand];
	for (k = 0; k < n; k++) {
		nf = namesake_features(c, ns, n, k, a, buf, sizeof(buf));
		z = qt_choice_score(m, buf, nf);
		if (k == 0 || z > bz) {
			best = k;
			bz = z;
		}
	}
	return ns[best];
}
