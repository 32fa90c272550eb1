/*
 * choose.c: attribution, where candidate links of a quote compete.  The
 * patterns of data/LANG/patterns.txt, side by side (after the quote,
 * before it, a lead-in paragraph, the sentence before), and the subject
 * of a fragment's sentence may each propose a speaker; the hand order
 * takes the first.  Here each candidate is described by generic features
 * (no words of any article: the side and rule that proposed it, the kind
 * of speaker phrase, distances, paragraph breaks, the entity's salience
 * so far, whether it spoke last) for tools/train_choice.py, which fits a
 * logistic regression on the train half and writes
 * data/LANG/choice-weights.txt.  With QUOTH_DUMP_CANDIDATES=PATH set,
 * every quote's candidates and their features are appended to PATH (a
 * hidden aid for the trainer, not part of the output).
 * (Where namesakes compete, a surname alone that two people share:
 * namesake.c.)
 */
#include <stdio.h>
#include <stdlib.h>

#include "choose.h"

void
qt_cand_add(cand_set *set, const link *L, int side, size_t pat, size_t anchor)
{
	size_t i;

	for (i = 0; i < set->n; i++)
		if (set->c[i].L.sp.a == L->sp.a && set->c[i].L.sp.b == L->sp.b)
			return;
	if (set->n >= CAND_MAX)
		return;
	set->c[set->n].L = *L;
	set->c[set->n].side = side;
	set->c[set->n].pat = pat;
	set->c[set->n].anchor = anchor;
	set->n++;
}

static const char *
side_name(int side)
{
	static const char *const names[] = {"after", "before", "leadin",
	                                    "previous", "subject"};

	return side >= 0 && side <= CAND_SUBJECT ? names[side] : "other";
}

static const char *
kind_name(const speaker *sp)
{
	switch (sp->kind) {
	case SK_NAME:
		return sp->ent >= 0 ? "name" : "newname";
	case SK_ORG:
		return sp->ent >= 0 ? "org" : "orgwritten";
	case SK_PRONOUN:
		return sp->gender == G_THING ? "it"
		       : sp->gender          ? "heshe"
		                             : "pronother";
	case SK_ROLE:
		return sp->ent >= 0 ? "role" : "described";
	default:
		return "none";
	}
}

/* Mentions of entity e before token tok (within MENTION_WINDOW). */
static size_t
mentions_before(const actx *c, int e, size_t tok)
{
	size_t k = qt_first_mention(c, tok), stop, n = 0;

	stop = k > MENTION_WINDOW ? k - MENTION_WINDOW : 0;
	while (k-- > stop)
		if (QVEC_AT(&c->ments, mention_rec, k)->ent == e)
			n++;
	return n;
}

/*
 * The feature names are written by hand, not by printf: they are made
 * for every candidate of every quote where candidates compete, and
 * vsnprintf() was most of their cost.  A name is up to four strings
 * (NULL: none) or a string and a number; the buffer as qt_cand_feat()
 * (featname.c) fills it: NUL-separated, and a name that does not fit
 * fills it (len = size).
 */
typedef struct {
	char *buf;
	size_t size, len, n;
} featbuf;

static void
feat(featbuf *f, const char *a, const char *b, const char *c2, const char *d)
{
	const char *part[4] = {a, b, c2, d};
	size_t at = f->len, i, k;

	if (f->len >= f->size)
		return;
	for (i = 0; i < 4; i++) {
		if (!part[i])
			continue;
		k = strlen(part[i]);
		if (k >= f->size - at) {
			f->len = f->size;
			return;
		}
		memcpy(f->buf + at, part[i], k);
		at += k;
	}
	f->buf[at] = '\0';
	f->len = at + 1;
	f->n++;
}

/* Name a and the number v in decimal ("first=1"). */
static void
feat_int(featbuf *f, const char *a, int v)
{
	char num[16], *p = num + sizeof(num);
	unsigned u = v < 0 ? 0u - (unsigned)v : (unsigned)v;

	*--p = '\0';
	do
		*--p = (char)('0' + u % 10);
	while (u /= 10);
	if (v < 0)
		*--p = '-';
	feat(f, a, p, NULL, NULL);
}

size_t
qt_cand_features(const actx *c, const quote *q, const cand_set *set, size_t k,
                 int last_speaker, char *buf, size_t bufsz)
{
	const cand *cd = &set->c[k];
	const speaker *sp = &cd->L.sp;
	const entity *e = ent_at(c, sp->ent);
	size_t dist, i, sal = 0, best_sal = 0;
	size_t o = q->parts[0].tok_open, qe = q->last_tok;
	bool after = sp->a > qe, most = true;
	const char *sd = side_name(cd->side), *kn = kind_name(sp);
	const char *rule = cd->L.rule ? cd->L.rule : "none";
	featbuf fb = {buf, bufsz, 0, 0}, *f = &fb;

	feat(f, "bias", NULL, NULL, NULL);
	feat(f, "side=", sd, NULL, NULL);
	feat(f, "rule=", rule, NULL, NULL);
	feat(f, "side_rule=", sd, ":", rule);
	feat(f, "kind=", kn, NULL, NULL);
	feat(f, "side_kind=", sd, ":", kn);
	feat(f, "rank=", qt_cand_bucket(k), NULL, NULL);
	feat_int(f, "first=", k == 0);
	feat(f, "ncand=", qt_cand_bucket(set->n), NULL, NULL);
	dist = after ? sp->a - (qe < c->n ? qe : sp->a)
	             : (o > sp->b ? o - sp->b : 0);
	feat(f, "dist=", qt_cand_bucket(dist), NULL, NULL);
	if (cd->L.cue_a != QUOTH_NONE && cd->L.cue_a < c->n) {
		size_t cd2 = cd->L.cue_a > qe  ? cd->L.cue_a - qe
		             : o > cd->L.cue_a ? o - cd->L.cue_a
		                               : 0;
		feat(f, "cuedist=", qt_cand_bucket(cd2), NULL, NULL);
		feat_int(f, "cue_after_sp=", cd->L.cue_a >= sp->b);
	} else {
		feat(f, "nocue", NULL, NULL, NULL);
	}
	if (sp->a < c->n && o < c->n) {
		size_t at = after ? (qe < c->n ? qe : o) : o;
		uint32_t pq = c->t[at].para, ps = c->t[sp->a].para;
		feat(f, "para=", qt_cand_bucket(pq > ps ? pq - ps : ps - pq),
		     NULL, NULL);
		feat_int(f, "samesent=", c->t[sp->a].sent == c->t[at].sent);
		feat_int(f,
		         "sp_opens_sent=", sentence_start(c, sp->a) == sp->a);
	}
	feat(f, "width=", qt_cand_bucket(sp->b > sp->a ? sp->b - sp->a : 0),
	     NULL, NULL);
	feat_int(f, "fallback=", sp->fallback);
	if (last_speaker < 0)
		feat(f, "nolast", NULL, NULL, NULL);
	else if (sp->ent >= 0)
		feat_int(f, "islast=", sp->ent == last_speaker);
	if (e) {
		sal = mentions_before(c, sp->ent, o);
		for (i = 0; i < set->n; i++) {
			int ei = set->c[i].L.sp.ent;
			size_t s2;
			if (i == k || ei < 0 || ei == sp->ent)
				continue;
			s2 = mentions_before(c, ei, o);
			if (s2 > best_sal)
				best_sal = s2;
			if (s2 > sal)
				most = false;
		}
		feat(f, "sal=", qt_cand_bucket(sal), NULL, NULL);
		feat_int(f, "salmost=", most);
		feat_int(f, "person=", e->person);
		feat_int(f, "strong=", e->strong);
		feat_int(f, "orgent=", e->org);
		feat_int(f, "nonperson=", e->nonperson);
		feat_int(f, "place=", e->place);
		feat_int(f, "gender=", e->gender != 0);
		feat_int(f, "multiword=", strchr(e->name, ' ') != NULL);
	} else {
		feat(f, "noent", NULL, NULL, NULL);
	}
	feat_int(f, "qtype=", (int)q->type);
	return fb.n;
}

/* The model's choice among set's candidates (qt_choice_best()). */
static size_t
pick(const actx *c, const choice_model *m, const quote *q, const cand_set *set,
     int last_speaker)
{
	char buf[2048];
	double z[CAND_MAX];
	size_t k, nf;

	for (k = 0; k < set->n; k++) {
		nf = qt_cand_features(c, q, set, k, last_speaker, buf,
		                      sizeof(buf));
		z[k] = qt_choice_score(m, buf, nf);
	}
	return qt_choice_best(m, z, set->n);
}

static bool
model_on(const actx *c)
{
	return qt_choice_adopted(c->ld->choice);
}

bool
qt_choice_wanted(const actx *c)
{
	return model_on(c) || c->dump_path;
}

/* Append quote q's candidates to the dump file: a line `Q start end n
 * hand` and one `C rank mention_start mention_end entity rule features`
 * a candidate (tab-separated; features space-separated). */
static void
dump(const actx *c, const quote *q, const cand_set *set, int last_speaker,
     bool linked)
{
	FILE *f;
	size_t k;
	char buf[2048];

	if (!c->dump_path || !*c->dump_path || set->n == 0)
		return;
	f = fopen(c->dump_path, "a");
	if (!f)
		return;
	fprintf(f, "Q\t%zu\t%zu\t%zu\t%d\n", q->parts[0].start,
	        q->parts[q->nparts - 1].end, set->n, linked);
	for (k = 0; k < set->n; k++) {
		const speaker *sp = &set->c[k].L.sp;
		const entity *e = ent_at(c, sp->ent);
		size_t nf, i, off = 0;
		nf = qt_cand_features(c, q, set, k, last_speaker, buf,
		                      sizeof(buf));
		fprintf(f, "C\t%zu\t%zu\t%zu\t%s\t%s\t", k,
		        sp->a < c->n ? (size_t)c->t[sp->a].start : 0,
		        sp->b > 0 && sp->b <= c->n ? (size_t)c->t[sp->b - 1].end
		                                   : 0,
		        e ? e->name : "-",
		        set->c[k].L.rule ? set->c[k].L.rule : "none");
		for (i = 0; i < nf; i++) {
			fprintf(f, "%s%s", i ? " " : "", buf + off);
			off += strlen(buf + off) + 1;
		}
		fputc('\n', f);
	}
	fclose(f);
}

size_t
qt_choose(const actx *c, const quote *q, const cand_set *set, int last_speaker)
{
	dump(c, q, set, last_speaker, set->n > 0);
	if (set->n == 0)
		return QUOTH_NONE;
	/* (while dumping, the hand order: what the trainer sees does not
	 * depend on the weights in use, so retraining is reproducible) */
	if (!model_on(c) || set->n < 2 || c->dump_path)
		return 0;
	return pick(c, c->ld->choice, q, set, last_speaker);
}
