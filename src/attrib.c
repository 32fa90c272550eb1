/*
 * attrib.c: who said it.  The attribution stage, after the quote stage:
 * it reads the tokens, sentences and quotes (direct and partial) and
 * writes each quote's speaker, cue and rule, adds indirect and mixed
 * quotes, and fills the strings.  This file holds only the order of its
 * passes (qt_attribute()) and what they share; attrib_int.h lists the files
 * that do the work.
 *
 * SPEAKER is a pronoun, a run of capitalised name words (with titles and
 * honorifics before it), a description ending in a title noun ("the
 * Pentagon chief", "a spokeswoman") or an organisation ("the Kremlin").
 * Names resolve to the fullest form the article gives; pronouns to the
 * most recent person of agreeing gender named outside quotes; definite
 * descriptions to the person the article gave that title, or else the
 * last speaker.
 */
#include <stdlib.h>

#include "attrib.h"
#include "attrib_int.h"

#ifndef BARE_TERM_WORDS
#define BARE_TERM_WORDS 1
#endif

/* A quote's sort key: a quote and its side-table entry are some 300
 * bytes, so the keys are sorted and the pairs moved once. */
typedef struct {
	size_t start, first_tok;
	int type;
	size_t pos; /* its index before sorting */
} quote_key;

/* Fill ulo/uhi: each token's sentence, cut at line breaks.  A break ends
 * its unit for ulo and opens the next one for uhi.  (ulo forwards, uhi
 * backwards: each a token's sentence and kind, no unit written twice.) */
static bool
sentence_units(actx *c)
{
	const token *t = c->t;
	size_t i, n = c->n;
	uint32_t lo = 0, hi, *ulo, *uhi;

	c->ulo = qt_xmalloc_array(n, sizeof(uint32_t));
	c->uhi = qt_xmalloc_array(n, sizeof(uint32_t));
	if (!c->ulo || !c->uhi)
		return false;
	if (!n)
		return true;
	ulo = c->ulo;
	uhi = c->uhi;
	/* a unit for ulo starts at a new sentence or after a break */
	ulo[0] = 0;
	for (i = 1; i < n; i++) {
		if (t[i].sent != t[i - 1].sent || is_break_tok(&t[i - 1]))
			lo = (uint32_t)i;
		ulo[i] = lo;
	}
	/* one for uhi ends before a new sentence or a break */
	hi = (uint32_t)(n - 1);
	uhi[n - 1] = hi;
	for (i = n - 1; i-- > 0;) {
		if (t[i + 1].sent != t[i].sent || is_break_tok(&t[i + 1]))
			hi = (uint32_t)i;
		uhi[i] = hi;
	}
	return true;
}

/* Text order: by start, then first token, then type; ties keep the order
 * they had (as a stable sort would). */
static int
cmp_pos(const void *a, const void *b)
{
	const quote_key *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->first_tok != y->first_tok)
		return x->first_tok < y->first_tok ? -1 : 1;
	if (x->type != y->type)
		return x->type < y->type ? -1 : 1;
	return x->pos < y->pos ? -1 : x->pos > y->pos ? 1 : 0;
}

/* Sort c->r->q and the side table c->qa in step into text order. */
static bool
sort_quotes(actx *c)
{
	quoth_result *r = c->r;
	quote_key *k;
	size_t i;

	if (r->nq < 2)
		return true;
	for (i = 1; i < r->nq; i++) {
		quote_key x = {r->q[i - 1].parts[0].start,
		               r->q[i - 1].first_tok, (int)r->q[i - 1].type,
		               i - 1},
		          y = {r->q[i].parts[0].start, r->q[i].first_tok,
		               (int)r->q[i].type, i};
		if (cmp_pos(&x, &y) > 0)
			break;
	}
	if (i == r->nq)
		return true; /* (in order already) */
	k = qt_xmalloc_array(r->nq, sizeof(*k));
	if (!k)
		return false;
	for (i = 0; i < r->nq; i++) {
		k[i].start = r->q[i].parts[0].start;
		k[i].first_tok = r->q[i].first_tok;
		k[i].type = (int)r->q[i].type;
		k[i].pos = i;
	}
	qsort(k, r->nq, sizeof(*k), cmp_pos);
	/* slot i takes the quote from k[i].pos: each cycle of that
	 * permutation is moved round in place through one spare record, and
	 * a slot filled is marked done (pos = itself).  (Copying both
	 * arrays out and back cost a byte an instruction: callgrind.) */
	for (i = 0; i < r->nq; i++) {
		size_t j = i, from;
		quote tq;
		qattr ta;
		if (k[i].pos == i)
			continue;
		tq = r->q[i];
		ta = c->qa[i];
		while ((from = k[j].pos) != i) {
			r->q[j] = r->q[from];
			c->qa[j] = c->qa[from];
			k[j].pos = j;
			j = from;
		}
		r->q[j] = tq;
		c->qa[j] = ta;
		k[j].pos = j;
	}
	free(k);
	return true;
}

/* Does the quoted part end in '!' or '?' inside its marks ("BERNIE!")? */
static bool
shout(const actx *c, const quote *q)
{
	size_t k = q->parts[0].tok_close;

	return k != QUOTH_NONE && k > 0 && c->t[k - 1].kind == TK_PUNCT &&
	       (c->t[k - 1].cp == '!' || c->t[k - 1].cp == '?');
}

/* Remove the quotes merged into others (split quotes, fragments inside
 * mixed speech), keeping the order. */
static void
drop_absorbed(actx *c)
{
	quoth_result *r = c->r;
	size_t i, k = 0;

	for (i = 0; i < r->nq; i++) {
		if (c->qa[i].absorbed) {
			qt_quote_clear(&r->q[i]);
			continue;
		}
		c->qa[k] = c->qa[i];
		r->q[k++] = r->q[i];
	}
	r->nq = k;
}

/* A fragment of one or two words that no cue claimed is a term or a
 * scare quote after all ("the so-called 'X'" without the so-called). */
static void
drop_bare_terms(actx *c)
{
	size_t i, k = 0;
	quoth_result *r = c->r;

	for (i = 0; i < r->nq; i++) {
		quote *q = &r->q[i];
		if (q->type == QUOTH_PARTIAL && q->cue_start == QUOTH_NONE &&
		    q->nparts == 1 && !shout(c, q) &&
		    qt_words_in(c, q->parts[0].tok_open,
		                q->parts[0].tok_close != QUOTH_NONE
		                        ? q->parts[0].tok_close
		                        : q->last_tok) <= BARE_TERM_WORDS) {
			qt_quote_clear(q);
			continue;
		}
		c->qa[k] = c->qa[i];
		r->q[k++] = *q;
	}
	r->nq = k;
}

/* Mark the tokens inside quotes (c->inq; dir and used for direct ones)
 * and fill the per-token tables the passes read: sentence units,
 * direct-quote counts, the article's lowercase words.  False when out
 * of memory. */
static bool
prepare(actx *c, uint8_t *dir, uint8_t *used)
{
	quoth_result *r = c->r;
	size_t i, k;
	uint32_t run = 0;

	for (i = 0; i < r->nq; i++) {
		quote *q = &r->q[i];
		for (k = 0; k < q->nparts; k++) {
			size_t a = q->parts[k].tok_open, b;
			b = q->parts[k].tok_close != QUOTH_NONE
			            ? q->parts[k].tok_close
			            : qt_tok_of(c, q->parts[k].end) - 1;
			for (; a <= b && a < c->n; a++) {
				c->inq[a] = 1;
				if (q->type == QUOTH_DIRECT)
					dir[a] = used[a] = 1;
			}
		}
	}
	c->dirpre = qt_xmalloc_array(c->n + 1, sizeof(uint32_t));
	if (!c->dirpre || !sentence_units(c))
		return false;
	/* (the count in a local: dir is 0 or 1) */
	c->dirpre[0] = run;
	for (i = 0; i < c->n; i++) {
		run += dir[i];
		c->dirpre[i + 1] = run;
	}
	if (!qt_lower_build(c))
		return false;
	return true;
}

/* A quote's last word: "none" for the rule of a quote nobody linked,
 * and a fragment with its cue in reach is mixed speech. */
static void
final_types(quoth_result *r)
{
	size_t i;

	for (i = 0; i < r->nq; i++) {
		if (!r->q[i].rule)
			r->q[i].rule = "none";
		/* a fragment with its cue in reach is mixed speech */
		if (r->q[i].type == QUOTH_PARTIAL &&
		    r->q[i].cue_start != QUOTH_NONE)
			r->q[i].type = QUOTH_MIXED;
	}
}

/* Free what the context owns. */
static void
context_free(actx *c)
{
	size_t i;

	for (i = 0; i < c->ents.len; i++) {
		entity *e = QVEC_AT(&c->ents, entity, i);
		free(e->name);
		free(e->title);
		free(e->roles);
	}
	qvec_free(&c->ents);
	qvec_free(&c->ments);
	qt_eidx_free(c);
	qt_cuepat_match_data_free(c->md);
	free(c->lexc);
	free(c->cuec);
	free(c->posc);
	free(c->inrep);
	free(c->capt);
	free(c->subjc);
	qt_lower_free(c);
	free(c->ulo);
	free(c->uhi);
	free(c->dirpre);
	free(c->inq);
	free(c->qa);
}

/*
 * The attribution stage: its passes, in order.
 *
 *   prepare               reads quotes, tokens; writes the context's
 *                         per-token tables
 *   qt_collect_entities   reads tokens; writes entities and mentions
 *   qt_type_entities      reads entities, the tagger; types the names
 *                         the lists cannot (organisation, place)
 *   qt_type_place_names   reads entities; types the names of
 *                         countries, states and capitals (WordNet)
 *   qt_type_org_names     reads entities; types organisations by the
 *                         head noun of their name (canon.c)
 *   qt_canon_acronyms     reads mentions; ties acronyms to the names
 *                         they abbreviate
 *   qt_gender_evidence    reads mentions; writes entity genders
 *   qt_type_org_evidence  reads mentions, entities; types
 *                         organisations by "X said it", "X, which"
 *   qt_link_quotes        reads quotes, entities; writes their links
 *                         (mention, cue, rule, side table), merges split
 *                         quotes
 *   qt_find_indirect      reads sentences without direct quotes; adds
 *                         indirect and mixed quotes, absorbs fragments
 *   sort_quotes           text order, side table in step
 *   qt_resolve_in_order   reads links in text order; writes entities of
 *                         pronouns and descriptions, continuations
 *   drop_bare_terms       drops one-word fragments nobody claimed
 *   final_types           rule "none", partial with a cue -> mixed
 *   qt_finish_fields      writes speaker, title and gender strings
 */
bool
qt_attribute(const quoth_extractor *ex, const char *text, token_list *tl,
             quoth_result *r)
{
	actx c;
	uint8_t *dir = NULL, *used = NULL;
	bool ok = false;

	memset(&c, 0, sizeof(c));
	c.ex = ex;
	c.ld = &ex->data;
	c.text = text;
	c.t = tl->t;
	c.n = tl->n;
	c.r = r;
	c.tl = tl;
	qvec_init(&c.ents, sizeof(entity));
	qvec_init(&c.ments, sizeof(mention_rec));
	c.inq = calloc(c.n ? c.n : 1, 1);
	c.md = qt_cuepat_match_data();
	if (!c.md)
		goto out;
	/* (a cache only: without it lookups are slower, not wrong) */
	c.lexc = calloc(c.n ? c.n : 1, LEXC_SLOTS * sizeof(int32_t));
	c.cuec = calloc(c.n ? c.n : 1, sizeof(int32_t));
	/* (posc: the tags' parts of speech + 1, then their entity classes
	 * + 1, a half byte each: classes.c) */
	c.posc = calloc(c.n + c.n / 2 + 1, 1);
	dir = calloc(c.n ? c.n : 1, 1);
	used = calloc(c.n ? c.n : 1, 1);
	c.qa_cap = r->nq;
	c.qa = calloc(c.qa_cap ? c.qa_cap : 1, sizeof(qattr));
	if (!c.inq || !dir || !used || !c.qa)
		goto out;
	if (!prepare(&c, dir, used))
		goto out;
	qt_collect_entities(&c);
	if (c.failed || c.ents.failed || c.ments.failed)
		goto out;
	/* (a cache only, as lexc: without it coref.c is slower, not wrong) */
	c.subjc = calloc(c.ments.len ? c.ments.len : 1, 1);
	c.subjc_n = c.subjc ? c.ments.len : 0;
	qt_type_entities(&c);
	if (c.failed)
		goto out;
	qt_type_place_names(&c);
	qt_type_org_names(&c);
	qt_canon_acronyms(&c);
	qt_gender_evidence(&c);
	qt_type_org_evidence(&c);
	if (!qt_link_quotes(&c))
		goto out;
	/* drop the quotes merged into split quotes */
	drop_absorbed(&c);

	/* partial quotes with a cue become mixed over the whole clause */
	c.nq0 = r->nq;
	qt_find_indirect(&c, dir, used);
	if (c.failed)
		goto out;
	drop_absorbed(&c);
	if (!sort_quotes(&c))
		goto out;
	qt_resolve_in_order(&c);
	drop_bare_terms(&c);
	final_types(r);
	if (!qt_finish_fields(&c))
		goto out;
	ok = !c.failed;
out:
	context_free(&c);
	free(dir);
	free(used);
	return ok;
}
