/*
 * joint.c: attribution: two people joined by "and" who speak together
 * ("Ann Ode and Raj Patel said in a joint statement", '"Q," said Ann Ode
 * and Raj Patel').  The output has one speaker field; a journalist
 * listing sources expects both names, and the Gender Gap Tracker's
 * annotators write them so ("Nick Sandmann and Nathan Phillips"): the
 * speaker is both canonical names joined by " and ", in text order, of
 * kind person, with no gender and no entity (neither alone said it).
 * Only two named people: a list of three or more, an organisation or a
 * place among them, or anything but a name keeps the speaker the cue's
 * pattern chose.  Reads tokens and entities (through speaker.c); writes
 * the quote's speaker string and the link's mention span.
 */
#include <stdlib.h>

#include "attrib_int.h"
#include "speaker.h"

/* How many tokens back from "and" a first name may start: titles and
 * initials included ("Sen. Ann B. Ode and"). */
#define CONJUNCT_TOKENS 6

/* Is entity k a person by the article's evidence or by speaking, and
 * no organisation or place? */
static bool
person_ent(const actx *c, int k)
{
	const entity *e = ent_at(c, k);

	return e && !e->org && !e->place && !e->nonperson && !e->headorg &&
	       (e->person || e->strong || e->gender ||
	        e->first_multi != QUOTH_NONE);
}

/* May a joint subject open after token f - 1: the sentence's start, a
 * break, punctuation, a quote mark, a cue ("said Ann Ode and ...") or a
 * role word ("nuclear experts Ann Ode and ...")?  Not a verb whose
 * object the first name is ("Lee thanked Ann Ode and Raj Patel said"). */
static bool
opens_subject(actx *c, size_t f)
{
	const token *t;

	if (f == 0 || c->t[f - 1].sent != c->t[f].sent)
		return true;
	t = &c->t[f - 1];
	if (is_break_tok(t) || t->kind == TK_QUOTE)
		return true;
	if (!is_w(t))
		return !is_p(t, ',') || f < 2 || !(c->t[f - 2].flags & TF_CAP);
	return qt_cue_at(c, f - 1) >= 0 ||
	       (!(t->flags & TF_CAP) && qt_lex(c, LEX_TITLES, f - 1, f) >= 0);
}

/* The person named by a name phrase ending right before token `and`
 * (starting where opens_subject() allows): its entity, *fa its first
 * token; -1 when there is none. */
static int
conjunct_before(actx *c, size_t and, size_t *fa)
{
	size_t f, lo = and > CONJUNCT_TOKENS ? and-CONJUNCT_TOKENS : 0;
	int found = -1;
	speaker s;

	for (f = and; f-- > lo;) {
		if (c->inq[f] || is_break_tok(&c->t[f]))
			break;
		if (!is_w(&c->t[f]) || !(c->t[f].flags & TF_CAP))
			continue;
		if (qt_parse_speaker_fwd(c, f, &s, -1) == and&&s.kind ==
		            SK_NAME &&
		    person_ent(c, s.ent) && opens_subject(c, s.a)) {
			found = s.ent;
			*fa = s.a;
		}
	}
	return found;
}

/* The person named right after the "and" at token `and`: its entity,
 * *fb the token after it; -1 when there is none or the list goes on
 * ("and Raj Patel, and ..."). */
static int
conjunct_after(actx *c, size_t and, size_t *fb)
{
	speaker s;
	size_t m = qt_parse_speaker_fwd(c, and+1, &s, -1);

	if (m <= and+1 || s.kind != SK_NAME || !person_ent(c, s.ent) ||
	    (m < c->n && (wordeq(c, m, "and") || wordeq(c, m, "or"))))
		return -1;
	*fb = m;
	return s.ent;
}

/* Is the one capitalised word at k a bare name: no function, time or
 * title word, and, when the article knows it, never written with a first
 * name, a title, an honorific or a gender, and no place? */
static bool
bare_name_word(actx *c, size_t k)
{
	const entity *e;

	if (!is_w(&c->t[k]) || !(c->t[k].flags & TF_CAP) || c->inq[k] ||
	    qt_lex(c, LEX_WORDS, k, k + 1) >= 0 || class_is(c, k, CL_TIME) ||
	    qt_lex(c, LEX_TITLES, k, k + 1) >= 0 || qt_cue_at(c, k) >= 0)
		return false;
	e = ent_at(c, qt_entity_find(c, k, k + 1));
	return !e || (e->first_multi == QUOTH_NONE && !e->strong &&
	              !e->gender && !e->place && !qt_place_name(c, e) &&
	              !memchr(e->name, ' ', e->name_len));
}

/*
 * "Procter and Gamble said", "Tarwick and Bloom officials said": two
 * bare names of one word each joined by "and" (head_a the second) name
 * one firm, not two people, when nothing in the article shows either is
 * a person.  sp grows back over the first word and speaks as written:
 * an organisation, or the role it had ("officials").
 */
static void
firm_name(actx *c, speaker *sp, size_t head_a)
{
	size_t f;

	if (head_a < 2 || head_a + 1 > sp->b || !wordeq(c, head_a - 1, "and"))
		return;
	f = head_a - 2;
	if (c->t[f].sent != c->t[head_a].sent || !bare_name_word(c, f) ||
	    !bare_name_word(c, head_a) || !opens_subject(c, f) ||
	    (head_a + 1 < sp->b && (c->t[head_a + 1].flags & TF_CAP)) ||
	    (sp->kind != SK_ROLE && head_a + 1 != sp->b))
		return;
	sp->a = f;
	sp->ent = -1;
	sp->gender = 0;
	if (sp->kind == SK_NAME)
		sp->kind = SK_ORG;
}

/*
 * Two people speaking together around the speaker phrase sp (a person
 * already resolved, its head name starting at head_a): the other one is
 * named before it with "and" between ("Ann Ode and Raj Patel said"; sp
 * may already reach back over the first, as the cue-after pattern's
 * mention does), or after it ("said Ann Ode and Raj Patel").  On
 * success sp's span covers both and ents[] holds the two entities in
 * text order.
 */
static bool
joint_people(actx *c, speaker *sp, int ents[2], size_t head_a)
{
	size_t fa = 0, fb = 0;
	speaker s;
	int other;

	if (head_a > sp->a &&
	    !(qt_parse_speaker_fwd(c, head_a, &s, -1) == sp->b &&
	      s.ent == sp->ent))
		return false;
	if (head_a >= 2 && wordeq(c, head_a - 1, "and")) {
		other = conjunct_before(c, head_a - 1, &fa);
		if (other < 0 || other == sp->ent ||
		    (fa >= 2 && is_p(&c->t[fa - 1], ',') &&
		     (c->t[fa - 2].flags & TF_CAP) && qt_cue_at(c, fa - 2) < 0))
			return false;
		ents[0] = other;
		ents[1] = sp->ent;
		sp->a = fa < sp->a ? fa : sp->a;
		return true;
	}
	if (head_a == sp->a && sp->b + 1 < c->n && wordeq(c, sp->b, "and") &&
	    sp->a > 0 && qt_cue_at(c, sp->a - 1) >= 0) {
		other = conjunct_after(c, sp->b, &fb);
		if (other < 0 || other == sp->ent)
			return false;
		ents[0] = sp->ent;
		ents[1] = other;
		sp->b = fb;
		return true;
	}
	return false;
}

/*
 * Two people speaking together around the speaker phrase sp
 * (joint_people()): true, sp's span over both, ents[] the two entities
 * in text order.  Else two bare one-word names that are no people are
 * one firm's name (firm_name()): sp grows over both, and the result is
 * false.
 */
bool
qt_joint_speaker(actx *c, speaker *sp, int ents[2])
{
	size_t k, head_a = sp->a;

	if (sp->b > c->n || sp->b <= sp->a)
		return false;
	/* the head name's own start, when the mention reaches back */
	for (k = sp->a; k < sp->b; k++)
		if (wordeq(c, k, "and"))
			head_a = k + 1;
	if (sp->kind == SK_NAME && person_ent(c, sp->ent) &&
	    joint_people(c, sp, ents, head_a))
		return true;
	if (sp->kind == SK_NAME || sp->kind == SK_ORG || sp->kind == SK_ROLE)
		firm_name(c, sp, head_a);
	return false;
}

/* Quote q's speaker string: the two names joined by " and ".  False
 * (and c->failed) when out of memory. */
bool
qt_joint_speaker_string(actx *c, quote *q, const int ents[2])
{
	const entity *x = ent_at(c, ents[0]), *y = ent_at(c, ents[1]);
	size_t n = x->name_len + 5 + y->name_len;
	char *s = malloc(n + 1);

	if (!s) {
		c->failed = true;
		return false;
	}
	memcpy(s, x->name, x->name_len);
	memcpy(s + x->name_len, " and ", 5);
	memcpy(s + x->name_len + 5, y->name, y->name_len);
	s[n] = '\0';
	free(q->str[QUOTH_FIELD_SPEAKER]);
	q->str[QUOTH_FIELD_SPEAKER] = s;
	q->str_len[QUOTH_FIELD_SPEAKER] = n;
	q->kind = QK_PERSON;
	return true;
}
