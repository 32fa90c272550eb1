/*
 * documents.c: attribution: the name a description or a document stands
 * for.  "the report said" goes back to where the article introduced the
 * report ("a study from Civic Action"), "The Harbour Authority statement
 * said" to the name before the document noun, "the statement" to whoever
 * issued "a statement" before, and "the officials" that name nobody to
 * the fuller description of the same officials given before.  Split from
 * coref.c, which resolves pronouns and descriptions to people and
 * organisations.  Reads tokens, quotes, entities and mentions; writes
 * nothing.
 */
#include <stdlib.h>
#include <string.h>

#include "attrib_int.h"

/* A document noun in lowercase at k: "the Post" is a newspaper.  (Not
 * "statement" or "letter": a statement is read out by whoever speaks for
 * the body, a letter is often to someone.) */
static bool
doc_noun(const actx *c, size_t k)
{
	return !(c->t[k].flags & TF_CAP) && !c->inq[k] &&
	       qt_doc_noun(c, k, WND_DOCUMENT | WND_LEGAL, CL_REPORT_NOUN);
}

/* The token after "the" of a described speaker "the NOUN" or "the ADJ
 * NOUN" not yet linked to a name (its mention ends at NOUN), and that
 * NOUN's token at *head; QUOTH_NONE for any other speaker. */
static size_t
definite_speaker(const actx *c, const quote *q, size_t *head)
{
	const qattr *qa = qa_of(c, q);
	size_t a = qa->sp_tok, h;

	if ((qa->sp_kind != SK_ROLE && qa->sp_kind != SK_ORG) ||
	    q->entity >= 0 || a + 1 >= c->n || !wordeq(c, a, "the") ||
	    q->mention_end == QUOTH_NONE)
		return QUOTH_NONE;
	h = qt_tok_of(c, q->mention_end);
	if (h < a + 2 || h > a + 3)
		return QUOTH_NONE;
	*head = h - 1;
	return a;
}

/*
 * "The Kell Freight statement said", "according to the Harbour Trust
 * study": a speaker written "the", a name and a document or message
 * noun is that name's (not a place's: "the Tarnby report" may be
 * anyone's report on Tarnby).  -1 otherwise.
 */
static int
issuer_in_phrase(const actx *c, const quote *q)
{
	const qattr *qa = qa_of(c, q);
	size_t a = qa->sp_tok, h, mk;
	const mention_rec *m;

	if ((qa->sp_kind != SK_ROLE && qa->sp_kind != SK_ORG) ||
	    q->entity >= 0 || a + 2 >= c->n || !wordeq(c, a, "the") ||
	    q->mention_end == QUOTH_NONE)
		return -1;
	h = qt_tok_of(c, q->mention_end);
	if (h < a + 3 || h > a + 8)
		return -1;
	h--;
	if ((c->t[h].flags & TF_CAP) || c->inq[h] ||
	    !(doc_noun(c, h) || qt_doc_noun(c, h, 0, CL_DOCUMENT)) ||
	    (mk = qt_first_mention(c, a + 1)) >= c->ments.len)
		return -1;
	m = QVEC_AT(&c->ments, mention_rec, mk);
	if (m->tok != a + 1 || m->end != h || ent_at(c, m->ent)->place ||
	    qt_possessive(c, m->end - 1))
		return -1;
	return m->ent;
}

/* Are the words at tokens k and h the same (whatever their case)? */
static bool
same_word(const actx *c, size_t k, size_t h)
{
	size_t n = c->t[h].end - c->t[h].start;

	return is_w(&c->t[k]) && c->t[k].end - c->t[k].start == n &&
	       strncasecmp(c->text + c->t[k].start, c->text + c->t[h].start,
	                   n) == 0;
}

/* Does the document noun at h stand, outside quotes and in lowercase,
 * between tokens lo and a (within the two paragraphs before a's), not
 * right after "the"? */
static bool
same_noun_before(const actx *c, size_t a, size_t lo, size_t h)
{
	size_t k;

	for (k = a; k-- > lo && c->t[k].para + 2 >= c->t[a].para;)
		if (same_word(c, k, h) && doc_noun(c, k) &&
		    !(k > 0 && wordeq(c, k - 1, "the")))
			return true;
	return false;
}

/*
 * "the report said", "the post read": the author of the document the
 * article last introduced (within two paragraphs): "X wrote in a recent
 * report", "a study by X", "a study ... released by X", "the X study";
 * the same noun where the article introduced it when it did ("a study
 * from X"), else the last document.  "The X statement said" is X's
 * (issuer_in_phrase()).  The author must be a known name that is no
 * place; -1 otherwise.
 */
int
qt_doc_author(const actx *c, const quote *q)
{
	size_t a, h, k, lo, s0, j, mk;
	uint32_t para;
	int e;
	bool same;

	if ((e = issuer_in_phrase(c, q)) >= 0)
		return e;
	a = definite_speaker(c, q, &h);
	if (a == QUOTH_NONE || !doc_noun(c, h))
		return -1;
	para = c->t[a].para;
	lo = a > 400 ? a - 400 : 0;
	same = same_noun_before(c, a, lo, h);
	for (k = a; k-- > lo;) {
		if (c->t[k].para + 2 < para)
			return -1;
		if (!doc_noun(c, k))
			continue;
		/* "A study from X ... The study used data from Y ... the
		 * study said": the same noun where it was introduced, not
		 * another document, nor "the study" again */
		if (same && (!same_word(c, k, h) || wordeq(c, k - 1, "the")))
			continue;
		/* "the X study", "X's report": a name before the noun */
		for (j = k; j > 0 && k - j < 5 && is_w(&c->t[j - 1]) &&
		            !wordeq(c, j - 1, "the") &&
		            !wordeq(c, j - 1, "a") && !wordeq(c, j - 1, "an");
		     j--)
			;
		/* (an organisation's, not a place's) */
		e = qt_entity_by_mention_tok(c, j, k);
		if (e >= 0 && !ent_at(c, e)->place)
			return e;
		/* "a study [which is released Monday] by X" */
		for (j = k + 1;
		     j < c->n && j < k + 10 && is_w(&c->t[j]) && !c->inq[j];
		     j++)
			if (wordeq(c, j, "by") || wordeq(c, j, "from")) {
				size_t n2 = qt_first_mention(c, j + 1);
				const mention_rec *m2;
				/* (not "from the department's inspector") */
				if (n2 >= c->ments.len)
					return -1;
				m2 = QVEC_AT(&c->ments, mention_rec, n2);
				if (m2->tok >= j + 8 ||
				    qt_possessive(c, m2->end - 1) ||
				    ent_at(c, m2->ent)->place)
					return -1;
				return m2->ent;
			}
		/* "X wrote in a recent report": the subject of its
		 * sentence, before it */
		s0 = sentence_start(c, k);
		mk = qt_first_mention(c, s0);
		if (mk < c->ments.len) {
			const mention_rec *m = QVEC_AT(&c->ments, mention_rec,
			                               mk);
			if (m->tok < k && qt_subject_like(c, m) &&
			    !qt_possessive(c, m->end - 1) &&
			    !ent_at(c, m->ent)->place)
				return m->ent;
		}
		return -1; /* the last document: its author unknown */
	}
	return -1;
}

/*
 * "... according to administration officials who spoke on condition of
 * anonymity.  ...  The officials said": a definite description ("the"
 * and up to two words before a lowercase head) that named nobody is the
 * speaker of the newest quote before it (within three paragraphs) that
 * was also known only as written and whose speaker mention holds the
 * same head word.  NULL otherwise.
 */
const quote *
qt_same_description(const actx *c, const quote *q)
{
	const qattr *qa = qa_of(c, q);
	size_t a = qa->sp_tok, h, i = (size_t)(q - c->r->q), k, pe;

	if (qa->sp_kind != SK_ROLE || q->entity >= 0 || a >= c->n ||
	    !wordeq(c, a, "the") || q->mention_end == QUOTH_NONE)
		return NULL;
	h = qt_tok_of(c, q->mention_end);
	if (h < a + 2 || h > a + 4 || !is_w(&c->t[h - 1]) ||
	    (c->t[h - 1].flags & TF_CAP))
		return NULL;
	h--;
	while (i-- > 0) {
		const quote *p = &c->r->q[i];
		const qattr *pa = qa_of(c, p);
		if (p->last_tok < c->n &&
		    c->t[p->last_tok].para + 3 < c->t[a].para)
			break;
		if (p->entity >= 0 || !p->str[QUOTH_FIELD_SPEAKER] ||
		    p->mention_end == QUOTH_NONE || pa->sp_tok >= c->n)
			continue;
		pe = qt_tok_of(c, p->mention_end);
		for (k = pa->sp_tok; k < pe && k < pa->sp_tok + 12; k++)
			if (same_word(c, k, h))
				return p;
	}
	return NULL;
}

/* A noun at h for a thing someone issues: a document noun (wn-document-
 * nouns.txt) that is no organisation noun; also one WordNet files under
 * people too in a minor sense ("letter", "suit", "charge"), when it is
 * no publication ("the source", "the guide": people first).  The caller
 * needs the same noun introduced before ("sent a letter", "filed a
 * suit"), which picks the document's sense. */
static bool
issued_noun(const actx *c, size_t h)
{
	int v;

	if (qt_doc_noun(c, h, 0, 0))
		return true;
	if ((c->t[h].flags & TF_CAP) || qt_lex(c, LEX_ORGNOUNS, h, h + 1) >= 0)
		return false;
	v = qt_lex(c, LEX_DOCS, h, h + 1);
	return v > 0 && !(v & WND_PUBLICATION) &&
	       (v & (WND_DOCUMENT | WND_LEGAL | WND_MESSAGE | WND_STATEMENT));
}

/* Does a determiner that introduces a new thing ("a", "an", "its",
 * "their", "his", "her") stand within three words before token k? */
static bool
introduced_at(const actx *c, size_t k)
{
	size_t j;

	for (j = k; j > 0 && k - j < 3 && is_w(&c->t[j - 1]); j--)
		if (wordeq(c, j - 1, "a") || wordeq(c, j - 1, "an") ||
		    wordeq(c, j - 1, "its") || wordeq(c, j - 1, "their") ||
		    wordeq(c, j - 1, "his") || wordeq(c, j - 1, "her"))
			return true;
	return false;
}

/*
 * "The Harbour Authority issued a statement.  The statement said ...":
 * "the" and a document noun is its issuer when the article introduced
 * the same noun before (within two paragraphs) with "a" or a possessive:
 * the one after "by" or "from" there, else the subject of that
 * sentence.  -1 when the last such noun has neither.
 */
int
qt_statement_issuer(const actx *c, const quote *q)
{
	size_t a, h, k, j, lo, mk;
	size_t hl;
	uint32_t para;

	a = definite_speaker(c, q, &h);
	if (a == QUOTH_NONE || !issued_noun(c, h))
		return -1;
	hl = c->t[h].end - c->t[h].start;
	para = c->t[a].para;
	lo = a > 400 ? a - 400 : 0;
	for (k = a; k-- > lo;) {
		const mention_rec *m;
		if (c->t[k].para + 2 < para)
			return -1;
		if (!is_w(&c->t[k]) || c->inq[k] ||
		    c->t[k].end - c->t[k].start != hl ||
		    strncasecmp(c->text + c->t[k].start,
		                c->text + c->t[h].start, hl) != 0)
			continue;
		if (!introduced_at(c, k))
			return -1; /* "the statement" again: its issuer is
			            * further back, or unknown */
		/* "a statement from the Harbour Authority" */
		for (j = k + 1; j < c->n && j < k + 4 && is_w(&c->t[j]); j++)
			if (wordeq(c, j, "by") || wordeq(c, j, "from")) {
				mk = qt_first_mention(c, j + 1);
				if (mk >= c->ments.len)
					return -1;
				m = QVEC_AT(&c->ments, mention_rec, mk);
				if (m->tok > j + 2 ||
				    qt_possessive(c, m->end - 1) ||
				    ent_at(c, m->ent)->place)
					return -1;
				return m->ent;
			}
		/* "The Harbour Authority issued a statement", "The Times
		 * said Cook provided a statement": the subject nearest
		 * before it in its sentence; not "The Cruz campaign sent
		 * an email", a name that modifies a noun */
		{
			int best = -1;
			for (mk = qt_first_mention(c, sentence_start(c, k));
			     mk < c->ments.len; mk++) {
				m = QVEC_AT(&c->ments, mention_rec, mk);
				if (m->tok >= k)
					break;
				if (qt_subject_like(c, m))
					best = qt_possessive(c, m->end - 1) ||
					                       ent_at(c, m->ent)
					                               ->place ||
					                       (m->end < c->n &&
					                        (qt_org_noun(
					                                 c,
					                                 m->end) ||
					                         qt_lex(c,
					                                LEX_ORGS,
					                                m->end,
					                                m->end +
					                                        1) >=
					                                 0))
					               ? -2
					               : m->ent;
			}
			return best >= 0 ? best : -1;
		}
	}
	return -1;
}
