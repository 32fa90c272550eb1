/*
 * entities.c: attribution, first pass: the people and organisations the
 * article names outside quotes.  Each capitalised run becomes a mention
 * of an entity (the fullest name given: "Hegseth" is "Pete Hegseth"),
 * with its title ("US Defence Secretary"), the roles the article gave it
 * (for "the mayor" later), whether it is a person, an organisation or a
 * place, and the gender the article shows ("Mr", "her husband", "Vickers
 * said he").  Reads tokens, the quotes' token marks and the lexicons;
 * writes the entity and mention tables of the context.
 */
#include <stdlib.h>

#include "attrib_int.h"
#include "boilerplate.h"
#include "entindex.h"
#include "names.h"
#include "namesake.h"
#include "roles.h"
#include "tagger.h"

/* The longest list of roles kept per entity, in bytes. */
#define ROLES_MAX 256

static int first_name_match(const actx *c, const char *name, size_t len);

/* The last word of a name (its surname), as a pointer into it. */
static const char *
last_word(const char *s, size_t n, size_t *wl)
{
	size_t i = n;

	while (i > 0 && s[i - 1] != ' ')
		i--;
	*wl = n - i;
	return s + i;
}

static const char *
first_word(const char *s, size_t n, size_t *wl)
{
	size_t i = 0;

	while (i < n && s[i] != ' ')
		i++;
	*wl = i;
	return s;
}

/*
 * A surname alone (words [a, b), with the gender its honorific shows)
 * and the n fuller names ns[] it matches, newest first; `exact` the
 * entity of that surname alone, or -1; `most` to take, where nothing
 * else decides, the one named most so far (else the newest).  One
 * namesake is that one; of two or more, the one the evidence names
 * (qt_namesake_pick()), else the surname's own entity, else the learned
 * choice or the hand order's (qt_namesake_choose()).
 */
static int
namesake(const actx *c, const int *ns, size_t n, int exact, size_t a, size_t b,
         int gender, bool most)
{
	size_t i, hand = 0;
	int k;

	if (n == 1)
		return exact >= 0 ? exact : ns[0];
	k = qt_namesake_pick(c, ns, n, b, gender, exact < 0);
	if (exact >= 0 && k < 0)
		return exact;
	for (i = 1; most && i < n; i++)
		if (ent_at(c, ns[i])->nment > ent_at(c, ns[hand])->nment)
			hand = i;
	return qt_namesake_choose(c, ns, n, a, hand, k);
}

/* The bytes of a name looked up (entity_for(), qt_entity_find()): room
 * for the names of nearly every article without a malloc. */
#define NAME_BUF 128

/* The text of words [a, b) (qt_span_text()), in buf (NAME_BUF bytes)
 * when it fits, else in memory of its own; NULL when out of memory. */
static char *
span_name(const actx *c, size_t a, size_t b, char *buf, size_t *len)
{
	if (qt_span_text_into(c, a, b, buf, NAME_BUF, len))
		return buf;
	return qt_span_text(c, a, b, len);
}

/* *name (from span_name()) as memory an entity owns: buf copied, or
 * *name itself, which the caller no longer frees (*name becomes NULL);
 * NULL when out of memory. */
static char *
own_name(char **name, const char *buf, size_t len)
{
	char *own = *name;

	if (own == buf) {
		own = malloc(len + 1);
		if (own)
			memcpy(own, buf, len + 1);
	}
	*name = NULL;
	return own;
}

/* The known entity named by words [a, b): the same name, or the surname
 * of a fuller one (of two or more, the one the evidence names:
 * namesake()); -1 when none. */
int
qt_entity_find(actx *c, size_t a, size_t b)
{
	size_t len, i, wl, ewl, fl, nns = 0;
	char nbuf[NAME_BUF];
	char *name = span_name(c, a, b, nbuf, &len);
	const char *lw, *fw;
	int found = -1, ns[NAMESAKE_MAX];
	bool single;

	if (!name)
		return -1;
	single = !strchr(name, ' ');
	lw = last_word(name, len, &wl);
	fw = first_word(name, len, &fl);
	/* (an exact name shares its surname: the surname's chain holds
	 * every candidate, newest first) */
	for (i = (size_t)qt_eidx_by_last(c, lw, wl);
	     i != (size_t)-1 && i + ENTITY_WINDOW > c->ents.len;
	     i = (size_t)qt_eidx_next_last(c, (int)i)) {
		entity *e = QVEC_AT(&c->ents, entity, i);
		const char *elw = qt_eidx_last_word(c, (int)i, &ewl);
		size_t efl;
		if (e->name_len == len && memcmp(e->name, name, len) == 0) {
			found = (int)i;
			if (single)
				continue; /* (the namesakes are weighed too) */
			break;
		}
		if (ewl != wl || memcmp(elw, lw, wl) != 0)
			continue;
		/* the same surname: a surname alone is that person, but
		 * "Hillary Clinton" is not "Bill Clinton" */
		first_word(e->name, e->name_len, &efl);
		if (single) {
			/* ("Porters" is no surname of "Black Train
			 * Porters": a plural noun for people) */
			if (nns < NAMESAKE_MAX && !qt_plural_people(c, a, b))
				ns[nns++] = (int)i;
		} else if (!strchr(e->name, ' ') ||
		           (efl == fl && memcmp(e->name, fw, fl) == 0)) {
			found = (int)i;
			break;
		}
	}
	if (single && nns > 0)
		found = namesake(c, ns, nns, found, a, b, 0, false);
	if (found < 0 && single)
		found = first_name_match(c, name, len);
	if (name != nbuf)
		free(name);
	return found;
}

/* A single name that is the first word of exactly one fuller name of a
 * person ("Wang" for Wang Qishan, "Michael" for Michael Greenspan), or
 * -1. */
static int
first_name_match(const actx *c, const char *name, size_t len)
{
	size_t i, fl;
	int found = -1;

	for (i = (size_t)qt_eidx_by_first(c, name, len);
	     i != (size_t)-1 && i + ENTITY_WINDOW > c->ents.len;
	     i = (size_t)qt_eidx_next_first(c, (int)i)) {
		const entity *e = QVEC_AT(&c->ents, entity, i);
		if (e->org || !strchr(e->name, ' '))
			continue;
		first_word(e->name, e->name_len, &fl);
		if (fl == len && memcmp(e->name, name, len) == 0) {
			if (found >= 0 && found != (int)i)
				return -1; /* two people: no guess */
			found = (int)i;
		}
	}
	return found;
}

/* Remember a title of e ("Mayor", then "then-Surrey mayoral candidate")
 * for the role mentions that refer to it later. */
static void
add_role(actx *c, int ei, const char *title, size_t len)
{
	entity *e = QVEC_AT(&c->ents, entity, (size_t)ei);
	qbuf f = {0};
	char *r;
	bool first = e->roles == NULL;

	qt_text_fold(&f, title, len);
	if (f.failed || !f.ptr || e->roles_len + f.len + 2 > ROLES_MAX) {
		qbuf_free(&f);
		return;
	}
	r = realloc(e->roles, e->roles_len + f.len + 2);
	if (r) {
		memcpy(r + e->roles_len, f.ptr, f.len);
		r[e->roles_len + f.len] = '|';
		e->roles_len += f.len + 1;
		r[e->roles_len] = '\0';
		e->roles = r;
		if (first)
			(void)qt_eidx_roled(c, ei);
	}
	qbuf_free(&f);
}

/* Find or add the entity for the name words [a, b). */
static int
entity_for(actx *c, size_t a, size_t b, const char *title, size_t title_len,
           int gender, bool org)
{
	size_t len, i, wl, ewl;
	char nbuf[NAME_BUF];
	char *name = span_name(c, a, b, nbuf, &len);
	const char *lw;
	entity *e;
	int best = -1, ns[NAMESAKE_MAX];
	size_t nns = 0;
	bool single;

	if (!name) {
		c->failed = true;
		return -1;
	}
	single = strchr(name, ' ') == NULL;
	lw = last_word(name, len, &wl);
	/* exact name, or a surname / first-name-only reference to a fuller one
	 * (among the latest ENTITY_WINDOW entities: lookbacks stay bounded) */
	for (i = (size_t)qt_eidx_by_last(c, lw, wl);
	     i != (size_t)-1 && i + ENTITY_WINDOW > c->ents.len;
	     i = (size_t)qt_eidx_next_last(c, (int)i)) {
		const char *elw;
		e = QVEC_AT(&c->ents, entity, i);
		if (e->org != org)
			continue;
		if (e->name_len == len && memcmp(e->name, name, len) == 0) {
			best = (int)i;
			if (single)
				continue; /* (the namesakes are weighed too) */
			break;
		}
		elw = qt_eidx_last_word(c, (int)i, &ewl);
		if (single && ewl == wl && memcmp(elw, lw, wl) == 0) {
			/* a surname alone: the fuller name was a person */
			if (nns < NAMESAKE_MAX)
				ns[nns++] = (int)i;
			continue;
		}
		/* "Al Hashish" after "Fouzia Al Hashish": the same */
		if (!single && e->name_len > len + 1 &&
		    e->name[e->name_len - len - 1] == ' ' &&
		    memcmp(e->name + e->name_len - len, name, len) == 0) {
			best = (int)i;
			break;
		}
		/* "Pete Hegseth" after a lone "Hegseth": upgrade */
		if (!single && !strchr(e->name, ' ') && ewl == wl &&
		    memcmp(elw, lw, wl) == 0) {
			char *own = own_name(&name, nbuf, len);
			best = (int)i;
			if (!own) {
				c->failed = true;
				break;
			}
			free(e->name);
			e->name = own;
			e->name_len = len;
			if (!qt_eidx_renamed(c, best))
				c->failed = true;
			break;
		}
	}
	if (single && nns > 0)
		best = namesake(c, ns, nns, best, a, b, gender, true);
	if (best >= 0 && single && strchr(ent_at(c, best)->name, ' ') && !org &&
	    !ent_at(c, best)->org)
		QVEC_AT(&c->ents, entity, (size_t)best)->person = true;
	if (best < 0 && single && !org)
		best = first_name_match(c, name, len);
	if (best < 0) {
		char *own = own_name(&name, nbuf, len);
		e = own ? qvec_push(&c->ents) : NULL;
		if (!e) {
			free(own);
			c->failed = true;
			return -1;
		}
		e->name = own;
		e->name_len = len;
		e->org = org;
		e->first_multi = QUOTH_NONE;
		best = (int)c->ents.len - 1;
		if (!qt_eidx_added(c, best))
			c->failed = true;
	}
	if (name != nbuf)
		free(name);
	e = ent_at(c, best);
	if (title && title_len && !e->title) {
		e->title = malloc(title_len + 1);
		if (e->title) {
			memcpy(e->title, title, title_len);
			e->title[title_len] = '\0';
		}
	}
	if (title && title_len)
		add_role(c, best, title, title_len);
	if (gender && !e->gender)
		e->gender = gender;
	if (!org && (gender || (title && title_len)))
		e->person = e->strong = true;
	return best;
}

static void
add_mention(actx *c, size_t tok, size_t end, int ent)
{
	mention_rec *m;
	entity *e;

	if (ent < 0)
		return;
	m = qvec_push(&c->ments);
	if (!m) {
		c->failed = true;
		return;
	}
	m->tok = tok;
	m->end = end;
	m->ent = ent;
	/* (out of memory, the chains of mentions are only unusable) */
	(void)qt_eidx_mentioned(c, c->ments.len - 1);
	e = QVEC_AT(&c->ents, entity, (size_t)ent);
	if (e->nment++ == 0)
		e->first_tok = tok;
	e->last_tok = tok;
	if (e->first_multi == QUOTH_NONE && end > tok + 1 &&
	    qt_words_in(c, tok, end - 1) >= 2)
		e->first_multi = tok;
}

/*
 * What one mention of name words [na, b) (the capitalised run started at
 * a) shows about its entity: a person ("Jane Doe, 45,", "Jane Doe, a
 * nurse,") or not ("the Out of the Cold program", "in Antigonish", "Dixon
 * Hall, a non-profit agency,").  Titles and honorifics before the name
 * were already counted by entity_for().
 */
/*
 * What an apposition after a name at token b says: 1 a person ("Jane
 * Doe, 45,", "Jane Doe, a nurse,"), -1 an organisation ("Dixon Hall, a
 * non-profit agency,"), 0 nothing.  The head noun of ", a chocolate
 * company based in ...," is its last word before a preposition or a
 * relative word.
 */
int
qt_apposition_kind(const actx *c, size_t b)
{
	size_t k;

	if (b + 2 >= c->n || !is_p(&c->t[b], ','))
		return 0;
	if (c->t[b + 1].kind == TK_NUM &&
	    (is_p(&c->t[b + 2], ',') || is_p(&c->t[b + 2], '.') ||
	     is_break_tok(&c->t[b + 2])))
		return 1;
	if (!qt_np_det(c, b + 1))
		return 0;
	for (k = b + 2;
	     k < c->n && k < b + 8 && is_w(&c->t[k]) && !c->inq[k] &&
	     !qt_is_prep(c, k) && !wordeq(c, k, "of") && !qt_rel_word(c, k);
	     k++)
		;
	if (k == b + 2)
		return 0;
	if (qt_lex(c, LEX_ORGS, k - 1, k) >= 0 &&
	    qt_lex(c, LEX_TITLES, k - 1, k) < 0)
		return -1;
	if (qt_lex(c, LEX_TITLES, k - 1, k) >= 0)
		return 1;
	return 0;
}

static void
person_signals(actx *c, size_t a, size_t na, size_t b, entity *e)
{
	/* "in Antigonish", "the New Democrats said"; but "the Clinton
	 * campaign" is a person's campaign: after "the", a lowercase word
	 * must be a verb-like one (a cue, an auxiliary, "-ed") */
	bool head = b >= c->n || !is_w(&c->t[b]) || (c->t[b].flags & TF_CAP) ||
	            qt_cue_at(c, b) >= 0 || qt_is_filler(c, b) ||
	            (c->t[b].end - c->t[b].start > 3 &&
	             memcmp(c->text + c->t[b].end - 2, "ed", 2) == 0);

	/* ("took aim at Finch" once the article named Ada Finch, gave her
	 * a title or a gender, or heard her speak: "at" follows verbs of
	 * aiming and looking too, and does not outweigh a person) */
	bool person_at = wordeq(c, a - 1, "at") &&
	                 (e->person || e->strong || e->gender || e->title);

	if (qt_possessive(c, b - 1))
		head = false;
	if (na == a && a > 0 && word_is(c, a - 1, W_PLACE_PREP) &&
	    !qt_possessive(c, b - 1) && c->t[a - 1].sent == c->t[a].sent &&
	    (!wordeq(c, a - 1, "the") || head) && !person_at) {
		e->nonperson = true;
		if (!wordeq(c, a - 1, "the"))
			e->place = true;
	}
	/* "The Forecaddie" opening a sentence (no title in between) */
	if (na == a + 1 && wordeq(c, a, "the") && head)
		e->nonperson = true;
	switch (qt_apposition_kind(c, b)) {
	case 1:
		e->strong = e->person = true;
		break;
	case -1:
		e->nonperson = true;
		break;
	default:
		break;
	}
}

/*
 * "the mayor", "the prime minister" outside quotes: a role the article
 * gave one person so far, a mention of that person (so that a "he" after
 * "On Monday, the mayor repeated the claim." finds him).  Returns the
 * token after it, or i.
 */
static size_t
role_mention(actx *c, size_t i)
{
	size_t j, k;
	int e, tv;

	if (!wordeq(c, i, "the") || c->inq[i])
		return i;
	for (j = i + 1; j < c->n && j < i + 4; j++) {
		if (!is_w(&c->t[j]) || c->inq[j] || qt_possessive(c, j))
			return i;
		/* (lowercase: "the Republican", "the GOP" name parties) */
		if ((c->t[j].flags & TF_CAP) || qt_cue_at(c, j) >= 0)
			return i;
		tv = qt_lex(c, LEX_TITLES, j, j + 1);
		if (tv >= 0 && !(tv & TITLE_GROUP))
			break;
	}
	if (j >= c->n || j >= i + 4)
		return i;
	j++;
	/* the words after "the" and any "former" */
	for (k = i + 1;
	     k < j - 1 && (wordeq(c, k, "former") || wordeq(c, k, "new")); k++)
		;
	/* "the lawyer for the union" when the article gave someone that
	 * role with its phrase ("Dana Kell, the lawyer for the union,"):
	 * the longest such phrase */
	/* (first whether any role holds the title word and its "for":
	 * one look-up where most phrases would take several) */
	if (j < c->n && !qt_possessive(c, j - 1) &&
	    qt_role_phrase_end(c, j) > j &&
	    qt_entity_by_role_words(c, k, j + 1, false) >= 0) {
		size_t f;
		for (f = qt_role_phrase_end(c, j); f > j + 1; f--) {
			e = qt_entity_by_role_phrase(c, k, f);
			if (e >= 0 && !ent_at(c, e)->org) {
				add_mention(c, i, f, e);
				return f;
			}
		}
	}
	/* "the mayor Tom Baker", "the minister of finance", "the
	 * minister's office": not the role alone */
	if (j < c->n && ((is_w(&c->t[j]) && (c->t[j].flags & TF_CAP)) ||
	                 wordeq(c, j, "of") || wordeq(c, j, "for") ||
	                 qt_possessive(c, j - 1)))
		return i;
	e = qt_entity_by_role_words(c, k, j, true);
	if (e < 0 || ent_at(c, e)->org)
		return i;
	add_mention(c, i, j, e);
	return j;
}

/* Is the title word at k a surname here ("James Baker", "Peter T. King"):
 * flagged as one, after a name word that is no title? */
static bool
surname_title(const actx *c, size_t k)
{
	int v = qt_lex(c, LEX_TITLES, k, k + 1);
	size_t p = k - 1;

	if (k == 0 || v < 0 || !(v & TITLE_SURNAME))
		return false;
	/* (over an initial: Peter T. King) */
	if (is_p(&c->t[p], '.') && p >= 2 &&
	    c->t[p - 1].end - c->t[p - 1].start == 1)
		p -= 2;
	return is_w(&c->t[p]) && (c->t[p].flags & TF_CAP) &&
	       qt_lex(c, LEX_TITLES, p, p + 1) < 0 &&
	       qt_lex(c, LEX_HONORIFICS, p, p + 1) < 0;
}

/* "The Times said Cook provided a statement": is the lone capitalised
 * word at a, a title that is also a surname (TITLE_SURNAME: cook, baker,
 * king), the surname here?  Inside a sentence, after no determiner or
 * possessive ("the King", "her Cook"), alone in its run, and before a
 * word the tagger calls a verb. */
static bool
lone_surname(actx *c, size_t a, size_t b)
{
	int v = qt_lex(c, LEX_TITLES, a, a + 1);

	if (b != a + 1 || a == 0 || v < 0 || !(v & TITLE_SURNAME) ||
	    c->t[a - 1].sent != c->t[a].sent || is_break_tok(&c->t[a - 1]) ||
	    c->t[a - 1].kind == TK_QUOTE || qt_np_det(c, a - 1) ||
	    word_is(c, a - 1, W_ARTICLE) || qt_possessive(c, a - 1) ||
	    qt_lex(c, LEX_PRONOUNS, a - 1, a) >= 0 || b >= c->n ||
	    !is_w(&c->t[b]) || (c->t[b].flags & TF_CAP) || c->inq[b])
		return false;
	return qt_pos_at(c, b) == QT_POS_VERB;
}

/* Is there a capitalised word outside quotes at k, or after a "the"
 * at k, in the sentence of k? */
static bool
cap_after_the(const actx *c, size_t k)
{
	if (k < c->n && wordeq(c, k, "the") && !c->inq[k])
		k++;
	return k < c->n && is_w(&c->t[k]) && (c->t[k].flags & TF_CAP) &&
	       !c->inq[k] && c->t[k].sent == c->t[k - 1].sent;
}

/* The most tokens of a quoted title after its capitalised run: "Latin
 * History for Dummies". */
#define TITLE_TAIL_TOKENS 8

/* Is the capitalised run [a, b) the start of a title in quote marks
 * that the quote machine left out of its quotes ("the co-author of
 * \"Going Viral,\" said"): a mark right before it, and a closing one
 * within TITLE_TAIL_TOKENS of its sentence after it, with words and
 * punctuation between? */
static bool
quoted_title(const actx *c, size_t a, size_t b)
{
	size_t k;

	/* (a place keeps its mention: "''New York, New York''" is the
	 * city's name too) */
	if (a == 0 || c->t[a - 1].kind != TK_QUOTE ||
	    (c->t[a].flags & TF_SPACE_BEFORE) ||
	    qt_lex(c, LEX_PLACES, a, b) >= 0)
		return false;
	for (k = b; k < c->n && k <= b + TITLE_TAIL_TOKENS &&
	            c->t[k].sent == c->t[a].sent && !c->inq[k];
	     k++) {
		if (c->t[k].kind == TK_QUOTE)
			return !(c->t[k].flags & TF_SPACE_BEFORE);
		if (!is_w(&c->t[k]) && c->t[k].kind != TK_PUNCT &&
		    c->t[k].kind != TK_NUM)
			return false;
	}
	return false;
}

/* The end of the run of capitalised words at a: honorifics with their
 * dot, initials, particles, and "of" inside a title or an organisation's
 * name ("Secretary of Defense Pete Hegseth"). */
static size_t
cap_run_end(actx *c, size_t a)
{
	size_t b, n = c->n;

	b = a;
	while (b < n) {
		/* (not across a sentence break the segmenter found: "ties
		 * to the U.S. While Ada Finch was away") */
		if (is_w(&c->t[b]) && (c->t[b].flags & TF_CAP) && !c->inq[b] &&
		    (b == a || ((c->t[b].flags & TF_SPACE_BEFORE ||
		                 is_p(&c->t[b - 1], '.')) &&
		                c->t[b].sent == c->t[b - 1].sent))) {
			b++;
			/* Washington's NATO allies; but the University of
			 * Tarnby's School of Public Policy is one name */
			if (qt_possessive(c, b - 1)) {
				b = qt_org_possessive_end(c, a, b);
				break;
			}
			continue;
		}
		/* (an honorific's dot, however long the honorific:
		 * "Sr. Const. Ben Tamm", "Lieut. Ada Roy") */
		if (b > a && is_p(&c->t[b], '.') &&
		    !(c->t[b].flags & TF_SPACE_BEFORE) &&
		    (c->t[b - 1].end - c->t[b - 1].start <= 4 ||
		     qt_lex(c, LEX_HONORIFICS, b - 1, b) >= 0) &&
		    b + 1 < n && is_w(&c->t[b + 1]) &&
		    (c->t[b + 1].flags & TF_CAP) &&
		    c->t[b].sent == c->t[b + 1].sent) {
			b++;
			continue;
		}
		/* Secretary of Defense Pete Hegseth, Speaker of the House
		 * Nan Ode: "of" (and "the") after a title word stays in
		 * the run */
		if (b > a && (wordeq(c, b, "of") || wordeq(c, b, "for")) &&
		    qt_title_of_word(c, b - 1) && cap_after_the(c, b + 1) &&
		    /* (not "Peter King of New York") */
		    !(b > a + 1 && surname_title(c, b - 1))) {
			b += wordeq(c, b + 1, "the") ? 2 : 1;
			continue;
		}
		/* "the Department of Community Services", "the
		 * National Institute on Drug Abuse": after an
		 * organisation word, one name */
		if (b > a &&
		    (wordeq(c, b, "of") || wordeq(c, b, "on") ||
		     wordeq(c, b, "for")) &&
		    qt_lex(c, LEX_ORGS, b - 1, b) >= 0 && b + 1 < n &&
		    is_w(&c->t[b + 1]) && (c->t[b + 1].flags & TF_CAP) &&
		    !c->inq[b + 1] && c->t[b + 1].sent == c->t[b].sent &&
		    /* (the Council on Friday) */
		    qt_lex(c, LEX_NONNAMES, b + 1, b + 2) < 0) {
			b++;
			continue;
		}
		if (b > a && qt_is_particle(c, b) && b + 1 < n &&
		    is_w(&c->t[b + 1]) &&
		    ((c->t[b + 1].flags & TF_CAP) ||
		     qt_is_particle(c, b + 1))) {
			b++;
			continue;
		}
		break;
	}
	/* "the Meteorology, Climatology and Geophysics Agency" */
	if (b > a && b < n && is_p(&c->t[b], ','))
		b = qt_comma_name_end(c, a, b);
	return b;
}

/* Does the word at k put the month after it in time ("in May",
 * "since June", "by March"), not name a person ("to May Ellis")? */
static bool
month_lead(const actx *c, size_t k)
{
	return wordeq(c, k, "in") || wordeq(c, k, "since") ||
	       wordeq(c, k, "until") || wordeq(c, k, "during") ||
	       wordeq(c, k, "by") || wordeq(c, k, "through") ||
	       wordeq(c, k, "early") || wordeq(c, k, "late") ||
	       wordeq(c, k, "last") || wordeq(c, k, "next") ||
	       wordeq(c, k, "this");
}

/* Does the word at k, in the run [a, b), describe the name after it
 * rather than begin it (qt_lead_word())?  With the names the article
 * gave so far; the tagger is asked last, and not when the word begins
 * the known name ("Donald" of "Donald Trump"). */
static bool
lead_describes(actx *c, size_t a, size_t k, size_t b)
{
	int lead = qt_lead_word(c, a, k, b), e;
	size_t n = c->t[k].end - c->t[k].start, fl;
	const entity *x;

	if (lead == LEAD_NAME || lead == LEAD_DESC)
		return lead == LEAD_DESC;
	/* "Debating Finch's record": an -ing word opening a sentence (a
	 * headline), no given name ("Sterling"), that the tagger reads as
	 * a verb, before one possessive word, even a name not seen yet
	 * (but "Playing Field Promotions" is a name) */
	if (b == k + 2 && qt_possessive(c, k + 1) && n > 5 &&
	    memcmp(c->text + c->t[k].end - 3, "ing", 3) == 0 &&
	    !qt_first_name_at(c, k) && qt_pos_at(c, k) == QT_POS_VERB)
		return true;
	e = qt_entity_find(c, k + 1, b);
	if (e < 0)
		return false;
	if (lead == LEAD_IF_KNOWN)
		return true;
	x = ent_at(c, e);
	first_word(x->name, x->name_len, &fl);
	if (fl == n && memcmp(x->name, c->text + c->t[k].start, n) == 0)
		return false;
	return qt_word_not_noun(c, k);
}

/* After a title or honorific ending before k, in the run ending at b:
 * the token after its "of" phrase ("of Defense", "for Health", "of the
 * House"), part of the title; else k. */
static size_t
past_of_phrase(const actx *c, size_t k, size_t b)
{
	if (k + 1 < b && (wordeq(c, k, "of") || wordeq(c, k, "for")))
		return k + 2 < b && wordeq(c, k + 1, "the") ? k + 3 : k + 2;
	return k;
}

/* The start of the name in the run [a, b): past its leading words that
 * are not names (sentence-initial "But", titles, honorifics, words of
 * organisation names); an honorific's or title's gender goes to
 * *gender. */
static size_t
name_start(actx *c, size_t a, size_t b, int *gender)
{
	size_t na, k;
	int hv;
	/* "Tarnby General Hospital": a run that ends in an organisation's
	 * word is one name, title words and all */
	bool orgname = b > a + 1 && qt_lex(c, LEX_ORGS, b - 1, b) >= 0 &&
	               qt_lex(c, LEX_TITLES, b - 1, b) < 0;

	na = a;
	while (na < b) {
		size_t w, best = 0;
		/* "In May Rob Lane", "since June Ada Finch": a month
		 * after a preposition is no first name */
		if (na + 1 < b && na > 0 && class_is(c, na, CL_TIME) &&
		    month_lead(c, na - 1) &&
		    c->t[na - 1].sent == c->t[na].sent) {
			na++;
			continue;
		}
		/* "Person of the Year Ada Finch": a time word that is no
		 * given name, before one, is no part of the name */
		if (na + 2 < b && class_is(c, na, CL_TIME) &&
		    !qt_first_name_at(c, na) && qt_first_name_at(c, na + 1)) {
			na++;
			continue;
		}
		if (is_p(&c->t[na], '.')) {
			na++;
			continue;
		}
		hv = qt_lex(c, LEX_HONORIFICS, na, na + 1);
		if (hv >= 0) {
			if (hv & HON_MALE)
				*gender = G_MALE;
			if (hv & HON_FEMALE)
				*gender = G_FEMALE;
			na = past_of_phrase(c, na + 1, b);
			continue;
		}
		for (w = 4; w >= 1 && !orgname; w--)
			if (na + w <= b &&
			    qt_lex(c, LEX_TITLES, na, na + w) >= 0) {
				best = w;
				break;
			}
		if (best == 1 && na == a && lone_surname(c, a, b))
			break;
		/* "Mr. King", "Ms. Baker": after an honorific a
		 * title that is also a surname is the name */
		if (best == 1 && na > a &&
		    (qt_lex(c, LEX_TITLES, na, na + 1) & TITLE_SURNAME) &&
		    (qt_lex(c, LEX_HONORIFICS, na - 1, na) >= 0 ||
		     (is_p(&c->t[na - 1], '.') && na - 1 > a &&
		      qt_lex(c, LEX_HONORIFICS, na - 2, na - 1) >= 0)))
			break;
		if (best) {
			int tv = qt_lex(c, LEX_TITLES, na, na + best);
			if (tv >= 0 && (tv & TITLE_MALE))
				*gender = G_MALE;
			if (tv >= 0 && (tv & TITLE_FEMALE))
				*gender = G_FEMALE;
			na = past_of_phrase(c, na + best, b);
			continue;
		}
		if (qt_lex(c, LEX_NONNAMES, na, na + 1) >= 0 ||
		    qt_lex(c, LEX_PRONOUNS, na, na + 1) >= 0 ||
		    qt_lex(c, LEX_CUES, na, na + 1) >= 0) {
			na++;
			continue;
		}
		/* "Celebrities Julianne Moore", "Entrusting Donald Trump" */
		if (na + 1 < b && lead_describes(c, a, na, b)) {
			na++;
			continue;
		}
		/* a title word in lowercase data may still lead
		 * (US, Canadian): keep them as title if a title
		 * follows later in the run */
		for (k = na + 1; k < b; k++)
			if (qt_lex(c, LEX_TITLES, k, k + 1) >= 0 ||
			    qt_lex(c, LEX_HONORIFICS, k, k + 1) >= 0)
				break;
		if (k < b && b - k > 1 && !orgname &&
		    (qt_lex(c, LEX_TITLES, b - 1, b) < 0 ||
		     surname_title(c, b - 1))) {
			na = k;
			continue;
		}
		break;
	}
	return na;
}

/* Trim the name [*na, *b) of the run starting at a: a photo credit run
 * into it, trailing title words and dots.  True when it names an
 * organisation. */
static bool
trim_run(actx *c, size_t a, size_t *nap, size_t *bp)
{
	size_t na = *nap, b = *bp, k;
	bool org = false;

	/* a photo credit run into a name: "Getty Images Kevin
	 * Vickers", "The Canadian Press Kevin Vickers" */
	for (k = b; k > na + 1; k--)
		if (qt_lex(c, LEX_ORGS, k - 1, k) >= 0) {
			/* (not "Department of Transportation") */
			/* (nor "Lakeside County Fire Rescue": a first name
			 * opens the person's name) */
			if (b - k >= 2 && !wordeq(c, k, "of") &&
			    !wordeq(c, k, "on") && !wordeq(c, k, "for") &&
			    qt_first_name_at(c, k))
				na = k;
			break;
		}
	/* organisation words anywhere make it an organisation, and
	 * so do acronyms alone (NATO, FBI) */
	if (qt_has_org_word(c, na, b))
		org = true;
	for (k = na; k < b && (c->t[k].flags & TF_ALLCAP); k++)
		;
	if (k == b)
		org = true;
	/* trailing title words: "Hegseth Defence" is rare; a run that
	 * ends in a title word is a title ("Prime Minister") */
	/* (after a leading title the rest is the name: Councillor
	 * Tom Baker; and a title that is also a surname ends a name
	 * after another word: James Baker, Steve King) */
	while (na == a && b > na &&
	       (qt_lex(c, LEX_TITLES, b - 1, b) >= 0 ||
	        is_p(&c->t[b - 1], '.'))) {
		if ((b > na + 1 && surname_title(c, b - 1)) ||
		    lone_surname(c, na, b) ||
		    (b >= na + 2 && qt_title_ends_name(c, b - 2)))
			break;
		b--;
	}
	/* ("Business Insider": a common organisation noun left alone is
	 * no name; the title word after it was part of the name) */
	if (b == na + 1 && b < *bp && !(c->t[na].flags & TF_ALLCAP) &&
	    qt_lex(c, LEX_ORGS, na, na + 1) >= 0 && is_w(&c->t[*bp - 1]))
		b = *bp;
	while (b > na && is_p(&c->t[b - 1], '.'))
		b--;
	*nap = na;
	*bp = b;
	return org;
}

/* Single words at a sentence start are too often not names: is the name
 * [na, b) (the whole run from a) one that only refers to a name seen
 * before? */
static bool
lone_opener(actx *c, size_t a, size_t na, size_t b, bool org, int gender)
{
	return b - na == 1 && na == a && !org &&
	       (na == 0 || c->t[na - 1].sent != c->t[na].sent ||
	        is_break_tok(&c->t[na - 1])) &&
	       gender == 0 &&
	       /* ("Roman, a resident of the area, said": a name) */
	       qt_apposition_kind(c, b) <= 0 &&
	       /* ('"Q!" Cruz said': the speaker of the quote) */
	       !(na > 0 && c->t[na - 1].kind == TK_QUOTE &&
	         !is_break_tok(&c->t[na - 1]) && qt_cue_at(c, b) >= 0 &&
	         (qt_cue_at(c, b) & CUE_INVERTS));
}

/* The title of the name [na, b) of the run from a: the words before the
 * name in the run, or a lowercase title phrase right before it
 * ("defence minister Boris Pistorius"), as a string (its length in
 * *ttl_len), or NULL; a title's gender goes to *gender. */
static char *
run_title(actx *c, size_t a, size_t na, size_t *ttl_len, int *gender)
{
	char *tbuf = NULL;

	if (na > a) {
		size_t ta = a;
		/* (an acronym like US stays: "us" is a non-name) */
		while (ta < na && ((qt_lex(c, LEX_NONNAMES, ta, ta + 1) >= 0 &&
		                    !(c->t[ta].flags & TF_ALLCAP)) ||
		                   qt_lex(c, LEX_HONORIFICS, ta, ta + 1) >= 0 ||
		                   /* (an honorific's dot: "Dep. Chief") */
		                   (ta > a && is_p(&c->t[ta], '.'))))
			ta++;
		if (ta < na && qt_lex(c, LEX_TITLES, na - 1, na) >= 0) {
			tbuf = qt_span_text(c, ta, na, ttl_len);
		}
	} else if (a >= 1) {
		size_t w;
		for (w = 3; w >= 1; w--)
			if (a >= w && qt_lex(c, LEX_TITLES, a - w, a) >= 0) {
				int tv = qt_lex(c, LEX_TITLES, a - w, a);
				size_t t0 = a - w;
				/* "then-Surrey mayoral candidate": the
				 * modifiers belong to the title */
				while (t0 > 0 && a - t0 < 6 &&
				       is_w(&c->t[t0 - 1]) && !c->inq[t0 - 1] &&
				       c->t[t0 - 1].sent == c->t[a].sent &&
				       qt_lex(c, LEX_NONNAMES, t0 - 1, t0) <
				               0 &&
				       qt_lex(c, LEX_PRONOUNS, t0 - 1, t0) <
				               0 &&
				       qt_cue_at(c, t0 - 1) < 0 &&
				       !qt_is_filler(c, t0 - 1) &&
				       !qt_possessive(c, t0 - 1))
					t0--;
				tbuf = qt_span_text(c, t0, a, ttl_len);
				/* "her husband Michael": he */
				if (tv & TITLE_MALE)
					*gender = G_MALE;
				if (tv & TITLE_FEMALE)
					*gender = G_FEMALE;
				break;
			}
	}
	return tbuf;
}

/* "Michael Greenspan, her husband,": the gender the apposition's title
 * after the name ending at b shows, or `gender` as it was. */
static int
apposition_gender(actx *c, size_t b, int gender, bool org)
{
	size_t n = c->n;

	if (!gender && !org && b + 2 < n && is_p(&c->t[b], ',') &&
	    !qt_rel_word(c, b + 1)) {
		size_t q2;
		for (q2 = b + 1; q2 < n && q2 < b + 5 && is_w(&c->t[q2]);
		     q2++) {
			int tv = qt_lex(c, LEX_TITLES, q2, q2 + 1);
			if (tv < 0)
				continue;
			if ((tv & TITLE_MALE) && !(tv & TITLE_GROUP))
				gender = G_MALE;
			if ((tv & TITLE_FEMALE) && !(tv & TITLE_GROUP))
				gender = G_FEMALE;
			break;
		}
	}
	return gender;
}

/*
 * Scan the text outside quotes for person names: runs of capitalised
 * words, with any titles and honorifics before them split off as the
 * title ("US Defence Secretary Pete Hegseth": name "Pete Hegseth").
 * Roles the article gave someone ("the mayor") are mentions too.
 */
void
qt_collect_entities(actx *c)
{
	size_t i = 0, n = c->n;

	while (i < n) {
		size_t a, b, na, k, ttl_len = 0;
		int gender = 0, e;
		bool org, opener;
		char *tbuf;
		const token *t = c->t;

		/* (a token that is no word, or a lowercase word of other
		 * than three letters, is neither "the" nor a name's start:
		 * most tokens, passed over here in a tight loop) */
		while (i < n &&
		       (t[i].kind != TK_WORD ||
		        (!(t[i].flags & TF_CAP) && t[i].end - t[i].start != 3)))
			i++;
		if (i >= n)
			break;
		/* (the test role_mention() opens with, here: it runs for
		 * every token) */
		k = wordeq(c, i, "the") ? role_mention(c, i) : i;
		if (k > i) {
			i = k;
			continue;
		}
		if (!is_w(&c->t[i]) || !(c->t[i].flags & TF_CAP) || c->inq[i]) {
			i++;
			continue;
		}
		a = i;
		b = cap_run_end(c, a);
		i = b;
		if (qt_headline_run(c, a, b) || qt_allcaps_headline(c, a, b) ||
		    quoted_title(c, a, b))
			continue;
		na = name_start(c, a, b, &gender);
		org = trim_run(c, a, &na, &b);
		if (na >= b)
			continue;
		/* (a lone opener the tagger reads as a person's name is
		 * one: "Orlova spoke at the harbour") */
		opener = lone_opener(c, a, na, b, org, gender);
		if (opener) {
			e = qt_entity_find(c, na, b);
			if (e >= 0 || !qt_opener_is_name(c, na)) {
				add_mention(c, na, b, e);
				continue;
			}
		}
		/* ("the city's Black population": no name) */
		if (!opener && b == na + 1 && na == a && !org && !gender &&
		    qt_modifier_word(c, na))
			continue;
		tbuf = run_title(c, a, na, &ttl_len, &gender);
		gender = apposition_gender(c, b, gender, org);
		e = entity_for(c, na, b, tbuf, ttl_len, gender, org);
		add_mention(c, na, b, e);
		if (e >= 0 && opener)
			ent_at(c, e)->person = true;
		/* "Raj Patel, Minister of Ports, Roads and Rail,": the
		 * title only (no role to match, no evidence of a person) */
		if (e >= 0 && !org && !ent_at(c, e)->title)
			ent_at(c, e)->title = qt_apposition_title(c, b,
			                                          &ttl_len);
		/* "Dan Lee, the harbour manager,": a role as well, for
		 * "the harbour manager said" later (not "Ann Lee of
		 * Florida, the party chair,": Florida's) */
		if (e >= 0 && !org && !ent_at(c, e)->title &&
		    !(a > 0 &&
		      (qt_is_prep(c, a - 1) || wordeq(c, a - 1, "of") ||
		       word_is(c, a - 1, W_PLACE_PREP)))) {
			ent_at(c, e)->title = qt_article_apposition_title(
			        c, b, &ttl_len);
			if (ent_at(c, e)->title)
				add_role(c, e, ent_at(c, e)->title, ttl_len);
		}
		if (e >= 0 && !org)
			person_signals(c, a, na, b, ent_at(c, e));
		/* "SALEM, Ore. -", "PORTLAND (AP) --": the place of a
		 * dateline, which no description ("the company said")
		 * stands for */
		if (e >= 0 && na == a && !ent_at(c, e)->strong &&
		    !ent_at(c, e)->title && !ent_at(c, e)->gender &&
		    qt_dateline(c, a))
			ent_at(c, e)->place = ent_at(c, e)->nonperson = true;
		free(tbuf);
	}
	qt_people_seen_at(c);
}

/* Does another entity named before token `tok` share entity e's last
 * word (Donald and Ivanka Trump)? */
static bool
surname_shared(const actx *c, int e, size_t tok)
{
	const entity *x = ent_at(c, e);
	size_t i, wl, ewl;
	const char *lw = last_word(x->name, x->name_len, &wl);

	for (i = (size_t)qt_eidx_by_last(c, lw, wl);
	     i != (size_t)-1 && i + ENTITY_WINDOW > c->ents.len;
	     i = (size_t)qt_eidx_next_last(c, (int)i)) {
		const entity *y = QVEC_AT(&c->ents, entity, i);
		const char *elw;
		if ((int)i == e || y->org || y->first_tok >= tok)
			continue;
		elw = qt_eidx_last_word(c, (int)i, &ewl);
		if (ewl == wl && memcmp(elw, lw, wl) == 0)
			return true;
	}
	return false;
}

/*
 * The gender the article shows for a name by the pronoun it uses in the
 * name's own reported speech: "Vickers said he", "Golden says that she".
 * Runs before any pronoun is resolved, so that resolution starts from
 * the article's evidence rather than from its own guesses.
 */
void
qt_gender_evidence(actx *c)
{
	size_t k, *votes = calloc(2 * (c->ents.len ? c->ents.len : 1),
	                          sizeof(size_t));

	if (!votes) {
		c->failed = true;
		return;
	}
	for (k = 0; k < c->ments.len; k++) {
		const mention_rec *m = QVEC_AT(&c->ments, mention_rec, k);
		entity *e = QVEC_AT(&c->ents, entity, (size_t)m->ent);
		size_t j = m->end;
		int v;

		/* ("in Sanders parlance" made him a place; "Sanders said
		 * he" a person after all) */
		if (e->org || qt_possessive(c, m->end - 1) ||
		    (!e->person && e->first_multi == QUOTH_NONE))
			continue;
		/* "Trump said he" with two Trumps in the story: whose? */
		if (qt_words_in(c, m->tok, m->end - 1) < 2 &&
		    surname_shared(c, m->ent, m->tok))
			continue;
		while (j < c->n && j < m->end + 3 && qt_is_filler(c, j) &&
		       qt_cue_at(c, j) < 0)
			j++;
		v = qt_cue_at(c, j);
		if (v < 0 || (v & CUE_OBJECT))
			continue;
		j += qt_cue_len(c, j);
		if (wordeq(c, j, "that"))
			j++;
		if (j >= c->n || c->inq[j])
			continue;
		if (wordeq(c, j, "he"))
			votes[2 * (size_t)m->ent]++;
		else if (wordeq(c, j, "she"))
			votes[2 * (size_t)m->ent + 1]++;
	}
	/* "Shelby said he refused ... Shelby said she": the pronoun was
	 * someone else's at least once; no evidence then */
	for (k = 0; k < c->ents.len; k++) {
		entity *e = QVEC_AT(&c->ents, entity, k);
		size_t mv = votes[2 * k], fv = votes[2 * k + 1];
		int g = mv && !fv ? G_MALE : fv && !mv ? G_FEMALE : 0;
		if (!g || (e->gender && e->gender != g))
			continue;
		e->gender = g;
		e->strong = e->person = true;
	}
	free(votes);
}

int
qt_entity_by_mention_tok(const actx *c, size_t a, size_t b)
{
	size_t k = qt_first_mention(c, a);

	if (k < c->ments.len && QVEC_AT(&c->ments, mention_rec, k)->tok < b)
		return QVEC_AT(&c->ments, mention_rec, k)->ent;
	return -1;
}
