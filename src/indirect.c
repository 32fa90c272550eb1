/*
 * indirect.c: attribution, the reported-speech pass.  In a sentence
 * without a direct quote: SPEAKER CUE [OBJECT] [that] CLAUSE ("Hegseth
 * said a return to the borders was unrealistic"), CLAUSE, SPEAKER CUE.,
 * or According to SPEAKER, CLAUSE.  A clause holding partial quotes
 * becomes one mixed quote whose verbatim spans are those fragments.
 * Reads tokens, quotes and entities; adds indirect and mixed quotes and
 * marks the partial quotes they absorb.
 */
#include <stdlib.h>

#include "attrib_int.h"
#include "boilerplate.h"
#include "split.h"
#include "tagger.h"
#include "time_phrase.h"

/* The longest phrase of a data file, in words (data.c allows six). */
#define PHRASE_MAX_WORDS 6
/* Adverbials skipped between a cue and its clause: "said on Tuesday, in
 * a statement, that"; three cover what news prose stacks there. */
#define ADVERBIALS_MAX 3
/* A prepositional phrase between a cue and its clause has up to five
 * words after the preposition ("before the judge", "in this
 * instance"); a longer run is the clause itself. */
#define PREP_PHRASE_WORDS 5
/* The words of a listener and setting between a cue and its "that"
 * ("told a crowd of 300 supporters in Tarnby on Saturday that"). */
#define SETTING_TOKENS 16

static quote *
new_quote(actx *c)
{
	quoth_result *r = c->r;
	quote *q;

	if (r->nq == r->capq) {
		size_t cap = r->capq ? r->capq * 2 : 16;
		quote *nq = qt_xrealloc_array(r->q, cap, sizeof(quote));
		if (!nq) {
			c->failed = true;
			return NULL;
		}
		r->q = nq;
		r->capq = cap;
	}
	if (r->nq >= c->qa_cap) {
		qattr *na = qt_xrealloc_array(c->qa, r->capq, sizeof(qattr));
		if (!na) {
			c->failed = true;
			return NULL;
		}
		c->qa = na;
		c->qa_cap = r->capq;
	}
	q = &r->q[r->nq];
	memset(q, 0, sizeof(*q));
	memset(&c->qa[r->nq], 0, sizeof(qattr));
	q->parts = calloc(1, sizeof(qpart));
	if (!q->parts) {
		c->failed = true;
		return NULL;
	}
	r->nq++;
	q->nparts = 1;
	q->entity = -1;
	q->mention_start = q->mention_end = QUOTH_NONE;
	q->cue_start = q->cue_end = QUOTH_NONE;
	return q;
}

/* Is token range [a, b] free of direct quotes (partial ones are fine)? */
static bool
no_direct_in(const actx *c, const uint8_t *dir, size_t a, size_t b)
{
	(void)dir;
	if (b >= c->n)
		b = c->n - 1;
	return a > b || c->dirpre[b + 1] == c->dirpre[a];
}

/* Does the word after the head noun at w of an appositive ending at b
 * show that the appositive ends the clause: the end, a relative clause
 * ("that", "which"), a reduced one ("a position her party rejects"), a
 * participle ("a view shared by")?  A statement noun may also take a
 * comma ("a claim, which"); any other noun must run to the end with no
 * "and" or "or" ("a loaf, a box that we need and milk" is a list), no
 * comma or dash. */
static bool
appositive_tail(const actx *c, size_t w, size_t b, bool statement)
{
	const token *n = &c->t[w + 1];
	size_t k;

	if (w == b)
		return true;
	/* (no list, and nothing after the appositive: not "the Shoal,
	 * an outcrop in the sea, would ...") */
	if (!statement)
		for (k = w + 1; k <= b; k++)
			if (wordeq(c, k, "and") || wordeq(c, k, "or") ||
			    is_p(&c->t[k], ',') || is_dash(&c->t[k]) ||
			    is_p(&c->t[k], ';'))
				return false;
	return wordeq(c, w + 1, "that") || wordeq(c, w + 1, "which") ||
	       word_is(c, w + 1, W_NP_DET) || word_is(c, w + 1, W_ARTICLE) ||
	       qt_subject_pronoun(c, w + 1) ||
	       (is_w(n) && (n->flags & TF_CAP)) || qt_past_verb(c, w + 1) ||
	       (is_w(n) && n->end - n->start > 3 &&
	        memcmp(c->text + n->end - 2, "ed", 2) == 0) ||
	       (statement && is_p(n, ','));
}

/* The end of what was said in [a, b] before an appositive that sums it
 * up (", a claim that the council disputes", ", an allegation Park
 * denies", "— a position her party rejects", ", a view shared by
 * few"): the writer's comment, not the speaker's words.  After a comma
 * or a dash, "a" or "an", at most two words and a noun (a statement
 * noun of WordNet's statement tree: claim, charge, assertion; or, not
 * after a name, a noun by the tagger), then what appositive_tail()
 * allows.  b when
 * there is none. */
static size_t
before_summary_appositive(const actx *c, size_t a, size_t b)
{
	size_t m, w;

	for (m = a + 3; m + 2 <= b; m++) {
		if (!(is_p(&c->t[m], ',') || is_dash(&c->t[m])) || c->inq[m] ||
		    !(wordeq(c, m + 1, "a") || wordeq(c, m + 1, "an")))
			continue;
		for (w = m + 2; w <= b && w < m + 5; w++) {
			bool statement;
			int dv;
			if (!is_w(&c->t[w]) || (c->t[w].flags & TF_CAP) ||
			    c->inq[w])
				break;
			/* (WordNet's statement tree alone: "charge" is
			 * a person too, which qt_doc_noun() refuses) */
			dv = qt_lex(c, LEX_DOCS, w, w + 1);
			statement = dv >= 0 && (dv & WND_STATEMENT);
			/* (a noun after a name is the name's appositive:
			 * "the Promenade, a seaside walk") */
			if (!statement &&
			    (qt_pos_at(c, w) != QT_POS_NOUN ||
			     (c->t[m - 1].flags & TF_CAP) ||
			     (w < b && qt_pos_at(c, w + 1) == QT_POS_NOUN)))
				continue;
			if (appositive_tail(c, w, b, statement))
				return m - 1;
			break;
		}
	}
	return b;
}

/* Add an indirect (or mixed) quote over tokens [a, b] (and a second part
 * [a2, b2] unless a2 is QUOTH_NONE) with link L; the partial quotes
 * inside it are absorbed as its verbatim fragments.  False when no quote
 * was added (too short, no verb, already taken): the cue is then still
 * free for another reading. */
static bool
add_indirect2(actx *c, size_t a, size_t b, size_t a2, size_t b2, const link *L,
              uint8_t *used)
{
	quote *q;
	size_t i, nfrag = 0, k, kfirst;

	/* the writer's appositive is nobody's speech: no later cue in it
	 * ("..., a charge the leaders denied, noting that") takes it */
	if (a2 == QUOTH_NONE && before_summary_appositive(c, a, b) < b) {
		for (i = before_summary_appositive(c, a, b) + 1; i <= b; i++)
			used[i] = 1;
		b = before_summary_appositive(c, a, b);
	} else if (a2 != QUOTH_NONE &&
	           before_summary_appositive(c, a2, b2) < b2) {
		for (i = before_summary_appositive(c, a2, b2) + 1; i <= b2; i++)
			used[i] = 1;
		b2 = before_summary_appositive(c, a2, b2);
	}
	while (b > a && c->t[b].kind == TK_PUNCT && c->t[b].cp != ')')
		b--;
	if (b < a || b - a > CLAUSE_MAX ||
	    (a2 != QUOTH_NONE && (b2 < a2 || b2 - a2 > CLAUSE_MAX)))
		return false;
	if (!qt_words_at_least(c, a, b, 3) && !qt_two_word_clause(c, a, b) &&
	    !(a2 != QUOTH_NONE && qt_words_at_least(c, a, b, 1) &&
	      qt_words_at_least(c, a2, b2, 2)))
		return false;
	for (i = a; i <= b; i++)
		if (used[i])
			return false;
	if (!qt_clause_has_verb(c, a, b) &&
	    (a2 == QUOTH_NONE || !qt_clause_has_verb(c, a2, b2)))
		return false;
	if (a2 != QUOTH_NONE) {
		while (b2 > a2 && c->t[b2].kind == TK_PUNCT &&
		       c->t[b2].cp != ')')
			b2--;
		if (b2 <= a2)
			a2 = QUOTH_NONE;
		for (i = a2; a2 != QUOTH_NONE && i <= b2; i++)
			if (used[i])
				a2 = QUOTH_NONE;
	}
	q = new_quote(c);
	if (!q)
		return false;
	if (a2 != QUOTH_NONE) {
		qpart *np = realloc(q->parts, 2 * sizeof(qpart));
		if (!np) {
			c->failed = true;
			return false;
		}
		q->parts = np;
		q->nparts = 2;
		q->parts[1].start = q->parts[1].vstart = c->t[a2].start;
		q->parts[1].end = q->parts[1].vend = c->t[b2].end;
		q->parts[1].tok_open = q->parts[1].tok_close = QUOTH_NONE;
		for (i = a2; i <= b2; i++)
			used[i] = 1;
	}
	q->type = QUOTH_INDIRECT;
	q->parts[0].start = c->t[a].start;
	q->parts[0].end = c->t[b].end;
	q->parts[0].vstart = q->parts[0].start;
	q->parts[0].vend = q->parts[0].end;
	q->parts[0].tok_open = q->parts[0].tok_close = QUOTH_NONE;
	q->first_tok = a;
	q->last_tok = a2 != QUOTH_NONE ? b2 : b;
	q->para = (size_t)c->t[a].para + 1;
	qt_apply_link(c, q, L);
	for (i = a; i <= b; i++)
		used[i] = 1;
	/* absorb partial quotes inside; the quotes before nq0 are sorted by
	 * start, so the candidates start at a binary-searched index */
	{
		size_t lo = 0, hi = c->nq0;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if (c->r->q[mid].parts[0].start < q->parts[0].start)
				lo = mid + 1;
			else
				hi = mid;
		}
		kfirst = lo;
	}
	for (k = kfirst; k < c->nq0 && c->r->q[k].parts[0].start <
	                                       q->parts[q->nparts - 1].end;
	     k++) {
		quote *p = &c->r->q[k];
		if (p->type == QUOTH_PARTIAL &&
		    p->parts[0].start >= q->parts[0].start &&
		    p->parts[p->nparts - 1].end <= q->parts[q->nparts - 1].end)
			nfrag++;
	}
	if (nfrag) {
		size_t *verb = calloc(2 * nfrag, sizeof(size_t)), f = 0;
		if (!verb) {
			c->failed = true;
			return false;
		}
		for (k = kfirst;
		     k < c->nq0 &&
		     c->r->q[k].parts[0].start < q->parts[q->nparts - 1].end;
		     k++) {
			quote *p = &c->r->q[k];
			if (p->type == QUOTH_PARTIAL &&
			    p->parts[0].start >= q->parts[0].start &&
			    p->parts[p->nparts - 1].end <=
			            q->parts[q->nparts - 1].end) {
				verb[2 * f] = p->parts[0].vstart;
				verb[2 * f + 1] = p->parts[p->nparts - 1].vend;
				f++;
				p->type =
				        QUOTH_MIXED; /* marked: removed below */
				c->qa[k].absorbed = true;
			}
		}
		q = &c->r->q[c->r->nq - 1];
		q->type = QUOTH_MIXED;
		q->verb = verb;
		q->nverb = nfrag;
	}
	return true;
}

/* Does an approximate count open at k: "about", "nearly", "almost",
 * "roughly", "around" or "some", then a number, "half" or a number
 * written out and a word ("about half of", "nearly 40 people")? */
static bool
approx_count(const actx *c, size_t k)
{
	if (k + 2 >= c->n || c->inq[k + 1] ||
	    !(wordeq(c, k, "about") || wordeq(c, k, "nearly") ||
	      wordeq(c, k, "almost") || wordeq(c, k, "roughly") ||
	      wordeq(c, k, "around") || wordeq(c, k, "some")))
		return false;
	return (c->t[k + 1].kind == TK_NUM || wordeq(c, k + 1, "half") ||
	        qt_number_word(c, k + 1)) &&
	       is_w(&c->t[k + 2]) && !(c->t[k + 2].flags & TF_CAP);
}

/* Without "that", reported speech starts like a clause, not with a
 * preposition, an adverb or a number ("added 0.4 per cent", "yelled at
 * a player", "responded just a minute later", "was reported by"). */
static bool
clause_start_ok(const actx *c, size_t k)
{

	if (k >= c->n)
		return false;
	if (c->t[k].kind == TK_QUOTE)
		return true;
	if (!is_w(&c->t[k]))
		return false;
	/* (a count that opens the clause's subject: "said about half of
	 * the gap", "said nearly 40 people were hurt") */
	if (approx_count(c, k))
		return true;
	return !word_is(c, k, W_NO_CLAUSE_START);
}

static bool
add_indirect(actx *c, size_t a, size_t b, const link *L, uint8_t *used)
{
	return add_indirect2(c, a, b, QUOTH_NONE, 0, L, used);
}

/* Does a reported clause open at k: a determiner, a subject pronoun or
 * "that"? */
static bool
clause_opens(const actx *c, size_t k)
{
	return word_is(c, k, W_NP_DET) || qt_subject_pronoun(c, k) ||
	       wordeq(c, k, "that");
}

/* Are the words [a, b) no verb by the tagger ("a visit to Ohio", not
 * "the game ended")? */
static bool
no_verb_between(const actx *c, size_t a, size_t b)
{
	size_t m;

	for (m = a; m < b; m++)
		if (is_w(&c->t[m]) &&
		    (word_is(c, m, W_AUX) || qt_pos_at(c, m) == QT_POS_VERB))
			return false;
	return true;
}

/* After a cue phrase that names a document ("in a report", "in a
 * statement"), a participle phrase of the document up to "that" ("said
 * in a report released Monday that", "in a letter sent to members on
 * Friday that"): the document's, not what was said.  The token of the
 * "that", or m. */
static size_t
past_document_participle(const actx *c, size_t m, size_t se)
{
	const token *t = &c->t[m];
	size_t w;

	if (m >= se || !is_w(t) || (t->flags & TF_CAP) || c->inq[m] ||
	    !(qt_past_verb(c, m) ||
	      (t->end - t->start > 4 &&
	       memcmp(c->text + t->end - 2, "ed", 2) == 0)))
		return m;
	for (w = m + 1; w < se && w <= m + SETTING_TOKENS / 2; w++) {
		if (wordeq(c, w, "that"))
			return w + 1 < se && is_w(&c->t[w + 1]) ? w : m;
		if (!(is_w(&c->t[w]) || c->t[w].kind == TK_NUM ||
		      qt_inner_dot(c, w)) ||
		    c->inq[w] || word_is(c, w, W_AUX))
			return m;
	}
	return m;
}

/*
 * Skip the adverbials between a cue and its clause: cue phrases ("in a
 * statement"), and prepositional phrases of up to five words ("on
 * Tuesday", "before the judge", "in this instance,").  Returns the
 * clause start (at "that", after a comma, or at a subject pronoun), or k
 * when there is nothing to skip or its end is unclear.
 */
static size_t
skip_adverbials(const actx *c, size_t k, size_t se)
{
	size_t m = k, w, s0;
	int rounds;

	for (rounds = 0; rounds < ADVERBIALS_MAX && m < se; rounds++) {
		size_t best = 0, t;
		bool timed = false;
		/* a time phrase and the clause after it ("said on Dec. 3,
		 * 2019, the", "said in a hearing on Tuesday the"): read by
		 * time_phrase.c, not as a phrase up to its first comma */
		t = qt_skip_time_phrase(c, m, se);
		/* (then the clause or another adverbial: not "tweeted on
		 * Friday to say") */
		if (t > m && (clause_opens(c, t) ||
		              (qt_is_prep(c, t) && !wordeq(c, t, "to")))) {
			m = t;
			continue;
		}
		/* "states, however, that" */
		if ((wordeq(c, m, "however") || wordeq(c, m, "also") ||
		     wordeq(c, m, "though")) &&
		    m + 1 < se && is_p(&c->t[m + 1], ',')) {
			m += 2;
			continue;
		}
		if (is_p(&c->t[m], ',') && m + 2 < se &&
		    wordeq(c, m + 1, "however") && is_p(&c->t[m + 2], ',')) {
			m += 3;
			continue;
		}
		/* an adverbial cue phrase from the data */
		for (w = PHRASE_MAX_WORDS; w >= 2; w--)
			if (m + w <= se) {
				int v = qt_lex(c, LEX_CUES, m, m + w);
				if (v >= 0 && (v & CUE_ADVERBIAL)) {
					best = w;
					break;
				}
			}
		if (best) {
			m += best;
			m = past_document_participle(c, m, se);
			continue;
		}
		/* (not "to" and a verb: "pledged to fund it" is an
		 * infinitive, no prepositional phrase) */
		if (!qt_is_prep(c, m) || (wordeq(c, m, "to") && m + 1 < se &&
		                          qt_pos_at(c, m + 1) == QT_POS_VERB))
			break;
		s0 = m;
		for (w = m + 1; w < se && w <= s0 + PREP_PHRASE_WORDS; w++) {
			if (wordeq(c, w, "that") || is_p(&c->t[w], ',') ||
			    word_is(c, w, W_CLAUSE_SUBJECT))
				break;
			/* "said during a visit to Ohio on Monday the
			 * plant": a time phrase ends the phrase, then
			 * the clause */
			if (w > s0 + 1 && qt_is_prep(c, w) &&
			    qt_skip_time_phrase(c, w, se) > w &&
			    clause_opens(c, qt_skip_time_phrase(c, w, se)) &&
			    no_verb_between(c, s0 + 1, w)) {
				timed = true;
				break;
			}
			if (!is_w(&c->t[w]) && c->t[w].kind != TK_NUM &&
			    !qt_inner_dot(c, w) && !qt_apos_mark(c, w))
				return k;
		}
		if (w >= se || w > s0 + PREP_PHRASE_WORDS)
			return k;
		m = w;
		if (timed)
			continue; /* the time phrase, next round */
		if (is_p(&c->t[m], ','))
			return m + 1;
		if (!wordeq(c, m, "that"))
			return m; /* a subject pronoun starts the clause */
	}
	return m;
}

/* Are the words [sa, e) before a comma and a name a noun phrase the name
 * is an appositive of, no clause: "Her lawyer, Ned Park, said", "The
 * head of Ports, Roads and Rail, Raj Patel, said"?  A described speaker,
 * and after it only an "of" phrase of capitalised names. */
static bool
np_before_name(actx *c, size_t sa, size_t e, int last)
{
	speaker sp;
	size_t m = qt_parse_speaker_fwd(c, sa, &sp, last), k;

	if (m <= sa || m > e || sp.kind != SK_ROLE)
		return false;
	if (m == e)
		return true;
	if (!(wordeq(c, m, "of") || wordeq(c, m, "for") || wordeq(c, m, "at")))
		return false;
	for (k = m + 1; k < e; k++)
		if (!((is_w(&c->t[k]) && (c->t[k].flags & TF_CAP)) ||
		      wordeq(c, k, "and") || wordeq(c, k, "the") ||
		      wordeq(c, k, "of") || is_p(&c->t[k], ',')))
			return false;
	return true;
}

static void participle_record(actx *c, size_t p, size_t se, const link *L,
                              uint8_t *used);

/* A quote was added (ok) for the link L: its speaker is the last one
 * seen.  Returns ok. */
static bool
added(bool ok, const link *L, int *last)
{
	if (ok)
		*last = L->sp.ent;
	return ok;
}

/* CLAUSE, SPEAKER CUE.  or  CLAUSE, CUE SPEAKER.: the reported clause
 * before the cue at i (the cue's token span in L, its flags v, the
 * sentence [sa, se]); "A, he says, B" makes one quote of two parts.
 * True when a quote was added (its speaker goes to *last). */
static bool
clause_then_speaker(actx *c, size_t i, int v, size_t sa, size_t se, link *L,
                    uint8_t *used, int *last)
{
	size_t me, k, ce = L->cue_b;
	/* (qt_subject_before() of the cue, once asked: -1 when not yet) */
	int subj = -1;

	if (i > sa + 3 &&
	    (is_p(&c->t[i - 1], ',') || c->t[i].flags & TF_SPACE_BEFORE)) {
		/* SPEAKER CUE at the end */
		/* (not "..., they tweet it out": the verb has its own
		 * object) */
		if (!wordeq(c, ce, "it") && !wordeq(c, ce, "them") &&
		    (subj = qt_subject_before(c, i, &L->sp, &me, *last)) &&
		    L->sp.a > sa + 2 && is_p(&c->t[L->sp.a - 1], ',') &&
		    !(L->sp.kind == SK_NAME &&
		      np_before_name(c, sa, L->sp.a - 1, *last))) {
			size_t after = ce, k2 = ce;
			while (after <= se && (qt_is_filler(c, after) ||
			                       c->t[after].kind == TK_PUNCT))
				after++;
			size_t tail = skip_adverbials(c, ce, se);
			if (after > se || !qt_words_at_least(c, ce, se, 5) ||
			    /* "..., the company wrote in its filing."
			     */
			    tail > se ||
			    (tail > ce && !qt_words_at_least(c, tail, se, 2)) ||
			    /* "..., Foster writes; ..." */
			    is_p(&c->t[ce], ';')) {
				L->rule = kind_rule(&L->sp, "cue-after");
				return added(add_indirect(c, sa, L->sp.a - 2, L,
				                          used),
				             L, last);
			}
			/* "A, he says, B": one quote in two parts */
			while (k2 < se && qt_is_filler(c, k2))
				k2++;
			/* "A, he said, adding that B": B is the
			 * participle's own record */
			if (is_p(&c->t[k2], ',') && qt_cue_at(c, k2 + 1) >= 0 &&
			    qt_participle_cue(c, k2 + 1)) {
				bool ok;
				L->rule = kind_rule(&L->sp, "cue-after");
				ok = add_indirect(c, sa, L->sp.a - 2, L, used);
				participle_record(c, k2 + 1, se, L, used);
				return added(ok, L, last);
			}
			if (is_p(&c->t[k2], ',') &&
			    qt_words_at_least(c, k2 + 1, se, 3)) {
				/* (not "A, he said, though he named no
				 * one": a concession is the writer's) */
				bool concede = wordeq(c, k2 + 1, "though") ||
				               wordeq(c, k2 + 1, "although");
				L->rule = kind_rule(&L->sp, "cue-after");
				return added(add_indirect2(c, sa, L->sp.a - 2,
				                           concede ? QUOTH_NONE
				                                   : k2 + 1,
				                           se, L, used),
				             L, last);
			}
		}
	}
	k = qt_short_lead_clause(c, i, sa, se, L, subj, *last);
	if (k != QUOTH_NONE) {
		L->rule = kind_rule(&L->sp, "cue-after");
		return added(add_indirect(c, k, se, L, used), L, last);
	}
	if (i > sa + 3 && is_p(&c->t[i - 1], ',') && (v & CUE_INVERTS)) {
		size_t m = qt_parse_speaker_fwd(c, ce, &L->sp, *last);
		if (m > ce && (m >= se - 1 || is_p(&c->t[m], ',') ||
		               is_p(&c->t[m], '('))) {
			L->rule = kind_rule(&L->sp, "cue-after");
			return added(add_indirect(c, sa, i - 2, L, used), L,
			             last);
		}
	}
	return false;
}

/* The clause after a time phrase at q that follows a listener ("told
 * the board on Monday the", "told a host on Oct. 2, 2020, the"): its
 * first token, or q when there is none. */
static size_t
time_then_clause(const actx *c, size_t q, size_t se)
{
	size_t t = qt_time_phrase_end(c, q, se);

	if (t > q && clause_opens(c, t))
		return t;
	t = qt_skip_time_phrase(c, q, se);
	return t > q && clause_opens(c, t) ? t : q;
}

/* The clause after a listener's prepositional phrase at p ("told
 * members [of the council] the pier would close", "told a radio
 * station [in Brest] the"): the clause's own determiner or subject
 * pronoun after the phrase's object (one to four words, no verb), or p
 * when there is none. */
static size_t
past_listener_pp(const actx *c, size_t p, size_t se)
{
	size_t q;

	/* (not "to": "urged voters to transfer their trust" is a verb) */
	if (!word_is(c, p, W_NO_CLAUSE_START) || wordeq(c, p, "when") ||
	    wordeq(c, p, "where") || wordeq(c, p, "to") || c->inq[p])
		return p;
	for (q = p + 1; q < se && q < p + 6 && is_w(&c->t[q]) && !c->inq[q] &&
	                !word_is(c, q, W_AUX) && !qt_wh_word(c, q) &&
	                !wordeq(c, q, "that") && qt_cue_at(c, q) < 0 &&
	                !qt_past_verb(c, q) &&
	                /* (one phrase: not "supporters after his
	                 * victory in the South") */
	                (q == p + 1 || !word_is(c, q, W_NO_CLAUSE_START));
	     q++)
		if (q > p + 1 && !word_is(c, q - 1, W_ARTICLE) &&
		    (word_is(c, q, W_NP_DET) || qt_subject_pronoun(c, q)))
			return clause_opens(c, q) ? q : p;
	/* "told fishermen at the dock on Friday the pier" */
	if (q > p + 1 && q < se && time_then_clause(c, q, se) > q)
		return time_then_clause(c, q, se);
	return p;
}

/* The words of a listener noun phrase after its determiner: "the Senate
 * Armed Services Committee" has four, a name of up to six ("the House
 * Energy and Commerce Committee") is still one listener. */
#define LISTENER_NP_WORDS 6

/* The clause after a noun phrase listener at k ("told the council the
 * plan was ...", "told a judge she ...", "told his staff the pier"):
 * the clause's own determiner or subject pronoun right after the
 * listener's words, or k when there is none. */
static size_t
past_np_listener(const actx *c, size_t k, size_t se)
{
	size_t q4;

	if (!word_is(c, k, W_NP_DET))
		return k;
	for (q4 = k + 1;
	     q4 < se && q4 <= k + LISTENER_NP_WORDS && is_w(&c->t[q4]) &&
	     !word_is(c, q4, W_AUX) && !c->inq[q4] && !qt_is_prep(c, q4) &&
	     !qt_wh_word(c, q4) && !word_is(c, q4, W_NO_CLAUSE_START);
	     q4++)
		if (word_is(c, q4, W_NP_DET) || qt_subject_pronoun(c, q4))
			return q4 > k + 1 ? q4 : k;
	/* "told a radio station in Brest the pier would close" */
	if (q4 > k + 1 && q4 < se && past_listener_pp(c, q4, se) > q4)
		return past_listener_pp(c, q4, se);
	/* "told the board on Monday the pier would close": a time
	 * phrase after the listener */
	if (q4 > k + 1 && q4 < se && time_then_clause(c, q4, se) > q4)
		return time_then_clause(c, q4, se);
	return k;
}

/* Past the listener of a cue taking one (flag o), from k: up to 4 words
 * before "that" or the clause ("told reporters that", "told the
 * meeting", "told HuffPost Canada the issue is"). */
static size_t
skip_listener(actx *c, size_t k, size_t se)
{
	size_t m;

	for (m = k; m < se && m < k + 5; m++)
		if (wordeq(c, m, "that"))
			break;
	if (m < se && wordeq(c, m, "that"))
		k = m;
	else if (k < se && is_w(&c->t[k]) && past_np_listener(c, k, se) > k)
		k = past_np_listener(c, k, se);
	else if (k < se && is_w(&c->t[k]) &&
	         (qt_lex(c, LEX_PRONOUNS, k, k + 1) >= 0 ||
	          wordeq(c, k, "reporters")))
		k++;
	/* "warned investors the pier would close": a bare noun for
	 * people, then the clause */
	else if (k + 1 < se && is_w(&c->t[k]) && !(c->t[k].flags & TF_CAP) &&
	         qt_person_noun(c, k) && clause_opens(c, k + 1))
		k++;
	/* "told members of the council the pier would close" */
	else if (k + 1 < se && is_w(&c->t[k]) && !(c->t[k].flags & TF_CAP) &&
	         qt_person_noun(c, k) && past_listener_pp(c, k + 1, se) > k + 1)
		k = past_listener_pp(c, k + 1, se);
	else if (k < se && is_w(&c->t[k]) && (c->t[k].flags & TF_CAP)) {
		/* "told HuffPost Canada the issue is ..." */
		size_t q4 = k;
		while (q4 < se && q4 < k + 4 && is_w(&c->t[q4]) &&
		       (c->t[q4].flags & TF_CAP))
			q4++;
		if (q4 < se && is_w(&c->t[q4]) && !(c->t[q4].flags & TF_CAP))
			k = q4;
	}
	return k;
}

/* What stands between a cue and its "that" when it is no clause of its
 * own: a listener and the setting ("told a crowd of 300 supporters in
 * Tarnby on Saturday that", "told diners at a cafe in the port that"),
 * or an adverb ("said repeatedly that", "said Sunday in Brest, Maine,
 * that").  Its words are nouns, names, adjectives, adverbs,
 * determiners, prepositions and numbers by the tagger, with commas and
 * inner dots; no verb, no subject pronoun, no quote; and no verb after
 * "that" (a relative clause: "a center that works with").  A cue taking no
 * listener (flag o) has none: after "said" the phrase must open with a
 * preposition, an adverb or a time word, else a noun phrase there is
 * the clause's subject ("said the report that came out was wrong").
 * Returns the token of "that", or QUOTH_NONE. */
static size_t
setting_before_that(const actx *c, size_t i, int v, size_t k, size_t se)
{
	size_t m, t = QUOTH_NONE;
	int pos;

	if (k >= se || !is_w(&c->t[k]))
		return QUOTH_NONE;
	/* first the words alone, then (rarely) the tagger */
	for (m = k; m < se && m < k + SETTING_TOKENS; m++) {
		const token *tk = &c->t[m];
		if (wordeq(c, m, "that") && !c->inq[m]) {
			t = m;
			break;
		}
		if (c->inq[m] || tk->kind == TK_QUOTE)
			return QUOTH_NONE;
		if (is_p(tk, ',') || qt_inner_dot(c, m) || qt_apos_mark(c, m) ||
		    tk->kind == TK_NUM)
			continue;
		if (!is_w(tk) || qt_subject_pronoun(c, m) || qt_wh_word(c, m) ||
		    word_is(c, m, W_AUX) || qt_cue_at(c, m) >= 0)
			return QUOTH_NONE;
	}
	/* (not a relative "that": "a group that calls itself"; not a
	 * pronoun: "despite all that, ...") */
	if (t == QUOTH_NONE || t == k || t + 1 >= se ||
	    !(is_w(&c->t[t + 1]) || c->t[t + 1].kind == TK_QUOTE) ||
	    word_is(c, t + 1, W_AUX))
		return QUOTH_NONE;
	/* (the cue is a verb: not "the most populous state in ...") */
	if (qt_pos_at(c, i) != QT_POS_VERB ||
	    qt_pos_at(c, t + 1) == QT_POS_VERB)
		return QUOTH_NONE;
	pos = qt_pos_at(c, k);
	if (!(v & CUE_OBJECT) && pos != QT_POS_ADP && pos != QT_POS_ADV &&
	    !qt_time_word(c, k))
		return QUOTH_NONE;
	for (m = k; m < t; m++) {
		if (!is_w(&c->t[m]) || qt_inner_dot(c, m) || qt_apos_mark(c, m))
			continue;
		pos = qt_pos_at(c, m);
		if (pos != QT_POS_NOUN && pos != QT_POS_PROPN &&
		    pos != QT_POS_ADJ && pos != QT_POS_ADV &&
		    pos != QT_POS_DET && pos != QT_POS_ADP &&
		    pos != QT_POS_NUM && !qt_possessive(c, m))
			return QUOTH_NONE;
	}
	return t;
}

/* Is [j, se] a noun phrase with no verb ("a view shared by the
 * council", "the harshest words yet from the mayor"): no auxiliary, no
 * cue, no quote, and no verb by the tagger but a participle before
 * "by"? */
static bool
verbless_np(const actx *c, size_t j, size_t se)
{
	size_t m;

	for (m = j + 1; m <= se && m < c->n; m++) {
		if (c->t[m].kind == TK_QUOTE || word_is(c, m, W_AUX) ||
		    qt_cue_at(c, m) >= 0 || qt_subject_pronoun(c, m))
			return false;
		if (is_w(&c->t[m]) && qt_pos_at(c, m) == QT_POS_VERB &&
		    !(m + 1 <= se && wordeq(c, m + 1, "by")))
			return false;
	}
	return true;
}

/* The last token of a reported clause [k, se] whose quoted fragment
 * closes before an appositive, a noun phrase running to the sentence's
 * end ('the plan was "a disgrace," a view shared by the council'): the
 * fragment's closing mark, as the appositive is the writer's comment on
 * the words, not what was said.  Else se. */
static size_t
fragment_appositive_end(const actx *c, size_t k, size_t se)
{
	size_t m, j;

	for (m = k + 1; m + 2 <= se && m < c->n; m++) {
		if (c->t[m].kind != TK_QUOTE || c->t[m].role != MR_CLOSE)
			continue;
		/* the comma inside the marks ("a disgrace,") or after */
		j = is_p(&c->t[m + 1], ',') ? m + 2 : m + 1;
		if (j == m + 1 && !is_p(&c->t[m - 1], ','))
			continue;
		if (j <= se && word_is(c, j, W_NP_DET) && verbless_np(c, j, se))
			return m;
	}
	return se;
}

/* Does a clause or a quote open right after the cue at m ("saying the
 * vote", "said that", "read: \"...\"", "saying school was"), not an object ("urging Congress
 * to act")? */
static bool
clause_after_cue(const actx *c, size_t m, size_t se)
{
	size_t e = m + qt_cue_len(c, m);

	while (e < se && (is_p(&c->t[e], ',') || is_p(&c->t[e], ':')))
		e++;
	/* ("saying school was cancelled": a bare noun and its auxiliary) */
	return e < se && (clause_opens(c, e) || c->t[e].kind == TK_QUOTE ||
	                  (e + 1 < se && is_w(&c->t[e]) && !c->inq[e] &&
	                   word_is(c, e + 1, W_AUX)));
}

/* Does the document noun before e have its own cue at e: a cue, or
 * "that" or "which" and a cue, maybe after a prepositional phrase of up
 * to four words ("a letter to the board that said", "a message on
 * Facebook saying")? */
static bool
document_cue(const actx *c, size_t e, size_t se)
{
	size_t m;

	for (m = e; m < se && m < e + 5; m++) {
		if (!is_w(&c->t[m]) || c->inq[m] || word_is(c, m, W_AUX))
			return false;
		if (qt_cue_at(c, m) >= 0)
			return clause_after_cue(c, m, se);
		if (wordeq(c, m, "that") || wordeq(c, m, "which"))
			return m + 1 < se && qt_cue_at(c, m + 1) >= 0 &&
			       clause_after_cue(c, m + 1, se);
		if (m == e && !qt_is_prep(c, m))
			return false;
	}
	return false;
}

/* Does a document the cue's subject wrote open at k, with its own cue
 * ("wrote a post that said the vote", "posted a short message saying
 * he")?  A determiner, up to three words to a document noun
 * (wn-document-nouns.txt, or a written one of classes.txt), then a cue,
 * or "that" or "which" and a cue: the verb's object is the document,
 * and cues.c gives its cue the writer as speaker. */
static bool
document_with_cue(const actx *c, size_t k, size_t se)
{
	size_t d;

	if (k >= se || !word_is(c, k, W_NP_DET))
		return false;
	for (d = k + 1; d < se && d <= k + 3; d++) {
		if (!is_w(&c->t[d]) || c->inq[d] || word_is(c, d, W_AUX))
			return false;
		if (qt_doc_noun(c, d, 0, CL_WRITTEN))
			return document_cue(c, d + 1, se);
	}
	return false;
}

/* The reported clause after the cue at i (flags v, its end at ce), in
 * the sentence ending at *se: its first token (*se cut at the next
 * speaker's cue), or QUOTH_NONE when what follows is no reported
 * speech. */
static size_t
reported_clause(actx *c, size_t i, int v, size_t ce, size_t *sep, size_t *verb)
{
	size_t k = ce, se = *sep, t;

	t = setting_before_that(c, i, v, k, se);
	if (t != QUOTH_NONE)
		k = t;
	if (v & CUE_OBJECT)
		k = skip_listener(c, k, se);
	/* "said in a statement that", "stated in July it", "admits
	 * in this instance, there were" */
	k = skip_adverbials(c, k, se);
	if (qt_skip_time_phrase(c, k, se) > k)
		/* "said earlier on Friday during a news conference
		 * that" */
		k = skip_adverbials(c, qt_skip_time_phrase(c, k, se), se);
	/* "told POLITICO earlier this week.": when, and nothing said */
	if (qt_time_phrase_end(c, k, se) + 1 >= se)
		return QUOTH_NONE;
	if (k < se && is_p(&c->t[k], ','))
		return QUOTH_NONE; /* "said, ..." is a list or aside */
	if (document_with_cue(c, k, se))
		return QUOTH_NONE; /* the document's own cue reports it */
	if (wordeq(c, k, "that"))
		k++;
	else if (!clause_start_ok(c, k) ||
	         (!(v & CUE_BARE) && !qt_wh_word(c, k) &&
	          !qt_subject_pronoun(c, k) && !qt_has_finite_verb(c, k, se)))
		return QUOTH_NONE; /* "Carolina added three more goals" */
	se = qt_split_clause_end(c, k, se, verb);
	se = fragment_appositive_end(c, k, se);
	/* ("The company said prices fell.": two words will do) */
	if (k >= se ||
	    (!qt_words_at_least(c, k, se, 3) &&
	     !qt_two_word_clause(c, k, se)) ||
	    se - k > CLAUSE_MAX)
		return QUOTH_NONE;
	/* "did not say whether", "never told them": no content was
	 * reported */
	if (i > 0 && (wordeq(c, i - 1, "not") || wordeq(c, i - 1, "never") ||
	              (c->t[i - 1].end - c->t[i - 1].start > 3 &&
	               (memcmp(c->text + c->t[i - 1].end - 3, "n't", 3) == 0 ||
	                (c->t[i - 1].end - c->t[i - 1].start > 5 &&
	                 memcmp(c->text + c->t[i - 1].end - 5, "n\xe2\x80\x99t",
	                        5) == 0)))))
		return QUOTH_NONE;
	/* "was asked", "were told": passive, the subject is the
	 * listener */
	if (i > 0 && (wordeq(c, i - 1, "was") || wordeq(c, i - 1, "were") ||
	              wordeq(c, i - 1, "been") || wordeq(c, i - 1, "being")))
		return QUOTH_NONE;
	*sep = se;
	return k;
}

/* The record of a participle cue at p ("A, Lund said, adding that B")
 * whose speaker is the one of L, the cue before it. */
static void
participle_record(actx *c, size_t p, size_t se, const link *L, uint8_t *used)
{
	link L2 = *L;
	int v = qt_cue_at(c, p);
	size_t k;

	if (v < 0 || !(v & CUE_CLAUSE))
		return;
	L2.cue_a = p;
	L2.cue_b = p + qt_cue_len(c, p);
	k = reported_clause(c, p, v, L2.cue_b, &se, NULL);
	if (k == QUOTH_NONE)
		return;
	L2.rule = "participle";
	add_indirect(c, k, se, &L2, used);
}

/* According to X, CLAUSE.  and  CLAUSE, according to X. */
static void
according_to(actx *c, uint8_t *dir, uint8_t *used)
{
	size_t i, n = c->n;

	for (i = 0; i + 2 < n; i++) {
		link L;
		size_t sa, se, m;

		if (!wordeq(c, i, "according") || !wordeq(c, i + 1, "to") ||
		    used[i] || c->inq[i])
			continue;
		sa = sentence_start(c, i);
		se = sentence_end(c, i);
		if (!no_direct_in(c, dir, sa, se))
			continue;
		memset(&L, 0, sizeof(L));
		m = qt_parse_source(c, i + 2, &L.sp, -1);
		if (m == i + 2 || L.sp.kind == SK_PRONOUN)
			continue;
		L.cue_a = i;
		L.cue_b = i + 2;
		L.rule = "according-to";
		if (i == sa) {
			m = qt_skip_appositive(c, m);
			while (m < se && !is_p(&c->t[m], ','))
				m++;
			if (m < se)
				add_indirect(c, m + 1, se, &L, used);
		} else if (i > sa + 1 && is_p(&c->t[i - 1], ',') && m < se &&
		           is_p(&c->t[m], ',') &&
		           qt_words_at_least(c, m + 1, se, 3)) {
			/* "Shelter residents, according to the findings,
		 * are fearful": one quote in two parts */
			add_indirect2(c, sa, i - 2, m + 1, se, &L, used);
		} else if (i > sa + 3 && is_p(&c->t[i - 1], ',')) {
			add_indirect(c, sa, i - 2, &L, used);
		}
	}
}

/* Does "according to SOURCE" after a comma end the sentence [sa, se]
 * ("Finch said the mill would close, according to two workers")?  Then
 * the source is the speaker of all of it (according_to()), not the cue
 * inside.  (Not one at the start: "According to EHS, A, but Lee says
 * B" has Lee's own statement.) */
static bool
according_frames(actx *c, size_t sa, size_t se)
{
	size_t j;

	for (j = sa; j + 2 <= se; j++) {
		speaker sp;
		size_t m;
		if (!wordeq(c, j, "according") || !wordeq(c, j + 1, "to") ||
		    c->inq[j] || (j > sa && !is_p(&c->t[j - 1], ',')))
			continue;
		m = qt_parse_source(c, j + 2, &sp, -1);
		if (m == j + 2 || sp.kind == SK_PRONOUN)
			continue;
		if (j > sa &&
		    (m >= se || (m + 1 == se && c->t[se].kind == TK_PUNCT)))
			return true;
	}
	return false;
}

/* Is the cue at i a verb WordNet knows only as reporting a belief or a
 * finding, never speech ("estimated", "ruled", "recalls": flag t without
 * s in wn-speech-verbs.txt)?  What follows it is the writer's summary of a
 * judgement, not reported speech. */
static bool
belief_only_cue(const actx *c, size_t i)
{
	int w = qt_lex(c, LEX_SPEECH, i, i + 1);

	return w >= 0 && (w & WNV_BELIEF) && !(w & WNV_SPEECH);
}

/* Is the cue at i the head of a noun phrase by the tagger: a noun after
 * a common noun or an adjective, and words after it ("member states
 * that", "red states would", "user reports to")?  After a name the tagger's noun is often the verb
 * ("Pew notes that"), so only a modifier the tagger calls a common noun
 * or an adjective counts. */
static bool
noun_cue(const actx *c, size_t i)
{
	int p;

	/* (a cue ending its sentence is the verb: "..., Kell Media
	 * reports.") */
	if (i == 0 || i + 1 >= c->n || c->t[i + 1].kind == TK_PUNCT ||
	    !is_w(&c->t[i - 1]) || qt_pos_at(c, i) != QT_POS_NOUN)
		return false;
	p = qt_pos_at(c, i - 1);
	return p == QT_POS_NOUN || p == QT_POS_ADJ;
}

/* A lowercase word of at least this many bytes shows a sentence of prose,
 * not a headline in title case ("Biden Says Bill Is Dead"). */
#define PROSE_WORD_BYTES 4

/* Is the cue at i a capitalised word after another word inside a
 * sentence of prose (one that holds a lowercase word of
 * PROSE_WORD_BYTES or more, sa..se): a word of a name or a title ("the
 * Boston Globe Says Goodbye exhibit", "Johnson Claims Service hired",
 * "the band Tells All played"), not a verb? */
static bool
title_cased_cue(const actx *c, size_t i, size_t sa, size_t se)
{
	size_t k;

	if (i <= sa || !(c->t[i].flags & TF_CAP) ||
	    (c->t[i].flags & TF_ALLCAP) || !is_w(&c->t[i - 1]))
		return false;
	for (k = sa; k <= se && k < c->n; k++)
		if (is_w(&c->t[k]) && !(c->t[k].flags & TF_CAP) &&
		    c->t[k].end - c->t[k].start >= PROSE_WORD_BYTES)
			return true;
	return false;
}

/*
 * Find reported speech in sentences that hold no direct quote: at each
 * cue, a clause before it (clause_then_speaker), else the cue's subject
 * (qt_cue_subject) and the clause after it (reported_clause); then the
 * clauses around "according to" (according_to).
 */
void
qt_find_indirect(actx *c, uint8_t *dir, uint8_t *used)
{
	size_t i, n = c->n, joined = QUOTH_NONE;
	int last = -1;

	qt_mixed_from_fragment(c, used);
	for (i = 0; i < n; i++) {
		int v;
		link L;
		size_t sa, se, k;

		v = qt_cue_at(c, i);
		/* the verb of a statement joined to the clause before
		 * ("..., and she accused Holm of lying"): that clause
		 * ended at it, so what follows is its own record */
		if (i == joined && (v < 0 || !(v & CUE_CLAUSE)))
			v = CUE_CLAUSE | CUE_BARE;
		if (v < 0 || !(v & CUE_CLAUSE) || used[i] || c->inq[i] ||
		    belief_only_cue(c, i) || noun_cue(c, i))
			continue;
		sa = sentence_start(c, i);
		se = sentence_end(c, i);
		if (!no_direct_in(c, dir, sa, se) ||
		    title_cased_cue(c, i, sa, se) ||
		    according_frames(c, sa, se) ||
		    qt_cue_after_frames(c, i, sa, se) ||
		    qt_label_line(c->text, c->t, c->n, para_start_tok(c, i)) ||
		    qt_photo_para(c, para_start_tok(c, i), para_stop(c->tl, i)))
			continue;
		memset(&L, 0, sizeof(L));
		L.cue_a = i;
		L.cue_b = i + qt_cue_len(c, i); /* the token after the cue */
		if (clause_then_speaker(c, i, v, sa, se, &L, used, &last) ||
		    !qt_cue_subject(c, i, v, &L, last))
			continue;
		k = reported_clause(c, i, v, L.cue_b, &se, &joined);
		if (k == QUOTH_NONE)
			continue;
		se = qt_framed_clause_end(c, &L, k, se);
		/* (the relative's own clause; not a title it names:
		 * "who wrote \"Salt Roads,\" said") */
		if (L.sp.a < c->n && L.sp.a + 1 == L.sp.b &&
		    qt_who_cue(c, i) == L.sp.a) {
			if (c->t[k].kind == TK_QUOTE)
				continue;
			se = qt_who_clause_end(c, k, se);
		}
		/* a clause needs a verb-like second word; keep it simple:
		 * no clause starts with a preposition + end */
		L.rule = (v & CUE_PARTICIPLE)      ? "participle"
		         : L.sp.kind == SK_PRONOUN ? "pronoun"
		         : L.sp.kind == SK_ROLE    ? "role"
		                                   : "cue-before";
		added(add_indirect(c, k, se, &L, used), &L, &last);
	}
	according_to(c, dir, used);
	qt_drop_partial_terms(c);
}
