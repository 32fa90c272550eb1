/*
 * canon.c: attribution, after the entities are collected: what broad
 * knowledge says about the names the lists cannot type, and which names
 * are other names' short forms.  A name whose last word is an
 * organisation noun or a workplace in WordNet ("Brightwater Dairy", "Kell
 * Design Studio", "Pine Valley Council") is an organisation's; an acronym
 * in parentheses after a name ("the Office of Rural Water (ORW)") stands
 * for that name, which is what its quotes give as the speaker.  Reads
 * tokens, entities and mentions; writes entity types and links.
 */
#include <stdlib.h>
#include <string.h>

#include "attrib_int.h"
#include "names.h"
#include "namesake.h"
#include "tagger.h"

/* Does the name of e carry no sign of a person: no title, honorific, age
 * or gender? */
static bool
impersonal(const entity *e)
{
	return !e->org && !e->strong && !e->gender && !e->title && !e->place;
}

/* Is the capitalised word at k the plural of an organisation word
 * (orgs.txt, wn-orgs.txt: "Services", "Industries", "Charities")? */
static bool
plural_org_word(const actx *c, size_t k)
{
	size_t n = c->t[k].end - c->t[k].start;
	char f[24];

	if (n < 5 || n >= sizeof(f) ||
	    !qt_ascii_lower(f, c->text + c->t[k].start, n, QT_LOWER_LETTERS) ||
	    f[n - 1] != 's' || f[n - 2] == 's')
		return false;
	if (f[n - 3] == 'i' && f[n - 2] == 'e') {
		f[n - 3] = 'y';
		n -= 2;
	} else {
		n--;
	}
	return qt_lexicon_get(c->ld->lex[LEX_ORGS], f, n) >= 0 ||
	       (n > 3 && f[n - 1] == 'e' && f[n - 2] == 's' &&
	        qt_lexicon_get(c->ld->lex[LEX_ORGS], f, n - 1) >= 0);
}

/* "Harbour Rescue Services", "Kell Valley Charities": does the name of
 * mention m end in the plural of an organisation word, with three words
 * or more, or two whose first is no given name ("Tyra Banks" is a
 * person's)? */
static bool
plural_org_name(const actx *c, const mention_rec *m)
{
	size_t h = m->end - 1;

	/* (the plural first: a given-name look-up costs far more) */
	return plural_org_word(c, h) &&
	       (m->end >= m->tok + 3 || !qt_first_name_at(c, m->tok)) &&
	       !qt_first_name_at(c, h);
}

/*
 * "Brightwater Dairy cut 40 jobs": a name of two or more words whose last
 * word is a singular organisation noun or a workplace in WordNet
 * (wn-org-nouns.txt flags s and e: council, authority, dairy, studio,
 * bakery), written capitalised and not as a possessive, names an
 * organisation when nothing in the article shows a person.  The tagger
 * calls most such names PERSON: the lexicon knows better.  Returns the
 * number of entities typed.
 */
size_t
qt_type_org_names(actx *c)
{
	size_t i, typed = 0;

	for (i = 0; i < c->ments.len; i++) {
		const mention_rec *m = QVEC_AT(&c->ments, mention_rec, i);
		entity *e = ent_at(c, m->ent);
		size_t h = m->end - 1;
		int v;

		if (!impersonal(e) || m->end < m->tok + 2 || c->inq[h] ||
		    !is_w(&c->t[h]) || !(c->t[h].flags & TF_CAP) ||
		    (c->t[h].flags & TF_ALLCAP) || qt_possessive(c, h) ||
		    !strchr(e->name, ' '))
			continue;
		v = qt_lex(c, LEX_ORGNOUNS, h, h + 1);
		if ((v < 0 || !(v & WNO_HEAD)) && !plural_org_name(c, m))
			continue;
		e->headorg = true;
		typed++;
	}
	return typed;
}

/* "Harlow Freight said it would", "Harlow Freight says that its": does
 * "it" or "its" open the clause reported after mention m's own cue? */
static bool
said_it(const actx *c, const mention_rec *m)
{
	size_t j = m->end;
	int v;

	while (j < c->n && j < m->end + 3 && qt_is_filler(c, j) &&
	       qt_cue_at(c, j) < 0)
		j++;
	v = qt_cue_at(c, j);
	if (v < 0 || (v & CUE_OBJECT))
		return false;
	j += qt_cue_len(c, j);
	if (wordeq(c, j, "that"))
		j++;
	if (j >= c->n || c->inq[j])
		return false;
	if (wordeq(c, j, "its"))
		return true;
	/* the subject of the clause ("said it would"), not an object
	 * ("called it 'predatory'", "puts it,") */
	return wordeq(c, j, "it") && j + 1 < c->n && !c->inq[j + 1] &&
	       qt_pos_at(c, j + 1) == QT_POS_VERB;
}

/* "Harlow Freight, which runs trucks, cut jobs": mention m opens its
 * sentence and "which" (no "who") follows it after a comma.  (Not later
 * in a sentence: in "an interview with Ann Lee, which aired" the
 * "which" is the interview's.) */
static bool
which_follows(const actx *c, const mention_rec *m)
{
	size_t a = m->tok;

	if (a > 0 && wordeq(c, a - 1, "the"))
		a--;
	return a == sentence_start(c, m->tok) && m->end + 1 < c->n &&
	       is_p(&c->t[m->end], ',') && wordeq(c, m->end + 1, "which") &&
	       !c->inq[m->end + 1];
}

/* A lowercase word at k for an organisation's members (WordNet: flag m of
 * wn-person-nouns.txt or wn-org-nouns.txt): "employees", "shareholders",
 * "workforce" (not "staff": a politician has staff). */
static bool
member_noun(const actx *c, size_t k)
{
	int p, o;

	if (k >= c->n || !is_w(&c->t[k]) || (c->t[k].flags & TF_CAP) ||
	    c->inq[k])
		return false;
	p = qt_lex(c, LEX_PERSONS, k, k + 1);
	o = qt_lex(c, LEX_ORGNOUNS, k, k + 1);
	/* (-1: not in the class) */
	return (p > 0 && (p & WNP_MEMBER)) || (o > 0 && (o & WNO_MEMBERS));
}

/* "Harlow's employees", "Harlow's 400 workers", "Harlow's former
 * workforce": the possessive mention m is followed, after at most two
 * lowercase words or numbers, by an organisation's members. */
static bool
members_follow(const actx *c, const mention_rec *m)
{
	size_t j = m->end, k;

	if (!qt_possessive(c, m->end - 1))
		return false;
	for (k = j; k < c->n && k < j + 3; k++) {
		if (member_noun(c, k))
			return true;
		if (c->inq[k] ||
		    (c->t[k].kind != TK_NUM &&
		     (!is_w(&c->t[k]) || (c->t[k].flags & TF_CAP))))
			return false;
	}
	return false;
}

/*
 * "Harlow Freight said it would cut 40 jobs", "Harlow Freight, which
 * runs trucks,": the article treats a name as an organisation's when its
 * own reported speech opens with "it" (as its subject) or "its", a
 * sentence opens with it and ", which" (a person's would take "who"), or
 * its possessive names an organisation's members ("Harlow's employees",
 * "Harlow's shareholders", "Harlow's workforce": WordNet, members_follow()).
 * Only for a name that shows no person (impersonal(), and no
 * surname-alone mention of a full name).  A one-word name ("Forbes said
 * it") needs one such sign; a longer one, which is mostly a person's
 * ("Ann Lee said it was late" speaks of something else, and the tagger
 * calls every unknown two-word name a person's), needs "which" or two
 * signs of "it".  Such a name is marked headorg, as a name with
 * an organisation's head noun is.  Returns the number of entities typed.
 */
size_t
qt_type_org_evidence(actx *c)
{
	size_t i, typed = 0;
	uint8_t *votes = calloc(c->ents.len ? c->ents.len : 1, 1);

	if (!votes) {
		c->failed = true;
		return 0;
	}
	for (i = 0; i < c->ments.len; i++) {
		const mention_rec *m = QVEC_AT(&c->ments, mention_rec, i);
		entity *e = ent_at(c, m->ent);

		if (!impersonal(e) || e->person || e->headorg || c->inq[m->tok])
			continue;
		if (qt_possessive(c, m->end - 1)) {
			if (!members_follow(c, m))
				continue;
			votes[m->ent]++;
		} else if (which_follows(c, m))
			votes[m->ent] = 2;
		else if (said_it(c, m))
			votes[m->ent]++;
		if (votes[m->ent] < (strchr(e->name, ' ') ? 2 : 1))
			continue;
		e->headorg = true;
		typed++;
	}
	free(votes);
	return typed;
}

/* Do the letters of the acronym a[0..n) (capitals, ASCII) spell the
 * initials of name s, either of all its words or of its capitalised ones
 * ("Office of Rural Water": ORW, OORW)?  Both readings in one walk over
 * the words, which stops once both have failed: most names fail at their
 * first or second word. */
static bool
initials_match(const char *s, size_t sl, const char *a, size_t n)
{
	size_t i = 0, kc = 0, ka = 0;
	bool caps = true, all = true; /* (still possible) */

	while (i < sl && (caps || all)) {
		char ch = s[i];
		bool cap = ch >= 'A' && ch <= 'Z';
		/* (the capitalised words only: the others are skipped) */
		if (caps && cap) {
			if (kc >= n || ch != a[kc])
				caps = false;
			kc++;
		}
		/* (every word, each opening with a letter) */
		if (all) {
			if ((!cap && !(ch >= 'a' && ch <= 'z')) || ka >= n ||
			    (char)(cap ? ch : ch - 'a' + 'A') != a[ka])
				all = false;
			ka++;
		}
		while (i < sl && s[i] != ' ' && s[i] != '-')
			i++;
		while (i < sl && (s[i] == ' ' || s[i] == '-'))
			i++;
	}
	return (caps && kc == n) || (all && ka == n);
}

/* Is the word at k an acronym of 2 to 8 capitals (ASCII)? */
static bool
acronym_at(const actx *c, size_t k)
{
	size_t n, j;

	if (k >= c->n || !is_w(&c->t[k]) || !(c->t[k].flags & TF_ALLCAP))
		return false;
	n = c->t[k].end - c->t[k].start;
	if (n < 2 || n > 8)
		return false;
	for (j = 0; j < n; j++) {
		char ch = c->text[c->t[k].start + j];
		if (ch < 'A' || ch > 'Z')
			return false;
	}
	return true;
}

/* Could entity e be spelled out by an acronym: a name of two or more
 * words showing no person (no honorific, title or gender) and tied to
 * no other name?  (Nothing canon_bare_acronyms() changes: it ties only
 * names of one word.) */
static bool
spellable(const entity *e)
{
	return strchr(e->name, ' ') && !e->strong && !e->gender && !e->title &&
	       !e->canon;
}

/* The entities spellable() holds of, by the first letter of their
 * names: bucket k (0..25 for 'A'..'Z', 26 for any other first byte)
 * is ents[at[k]..at[k + 1]), in entity order. */
#define LETTERS 26
typedef struct {
	int *ents;
	size_t at[LETTERS + 2];
	/* per entry of ents: the second letter each reading of
	 * initials_match() spells, the capitalised words' and every
	 * word's (0: none) */
	char (*second)[2];
} spell_index;

/* The second letter of name s[0..sl) that initials_match() reads: of its
 * capitalised words (caps) or of all its words, each opening with a
 * letter (uppercased); 0 when that reading has none. */
static char
second_initial(const char *s, size_t sl, bool caps)
{
	size_t i = 0, k = 0;

	while (i < sl) {
		char ch = s[i];
		bool cap = ch >= 'A' && ch <= 'Z';
		if (!caps && !cap && !(ch >= 'a' && ch <= 'z'))
			return 0;
		if (cap || !caps) {
			if (k == 1)
				return (char)(cap ? ch : ch - 'a' + 'A');
			k++;
		}
		while (i < sl && s[i] != ' ' && s[i] != '-')
			i++;
		while (i < sl && (s[i] == ' ' || s[i] == '-'))
			i++;
	}
	return 0;
}

static size_t
bucket_of(const entity *e)
{
	char ch = e->name[0];

	return ch >= 'A' && ch <= 'Z' ? (size_t)(ch - 'A') : LETTERS;
}

/* Fill ix (a counting sort of the spellable entities); false when out
 * of memory (ix->ents NULL). */
static bool
spell_index_build(const actx *c, spell_index *ix)
{
	size_t i, k, fill[LETTERS + 1];

	memset(ix->at, 0, sizeof(ix->at));
	for (i = 0; i < c->ents.len; i++)
		if (spellable(ent_at(c, (int)i)))
			ix->at[bucket_of(ent_at(c, (int)i)) + 1]++;
	for (k = 0; k <= LETTERS; k++)
		ix->at[k + 1] += ix->at[k];
	ix->ents = qt_xmalloc_array(ix->at[LETTERS + 1] + 1, sizeof(int));
	ix->second = qt_xmalloc_array(ix->at[LETTERS + 1] + 1,
	                              sizeof(*ix->second));
	if (!ix->ents || !ix->second) {
		free(ix->ents);
		free(ix->second);
		ix->ents = NULL;
		ix->second = NULL;
		return false;
	}
	memcpy(fill, ix->at, sizeof(fill));
	for (i = 0; i < c->ents.len; i++) {
		const entity *e = ent_at(c, (int)i);
		if (spellable(e)) {
			size_t at = fill[bucket_of(e)]++;
			ix->ents[at] = (int)i;
			ix->second[at][0] = second_initial(e->name, e->name_len,
			                                   true);
			ix->second[at][1] = second_initial(e->name, e->name_len,
			                                   false);
		}
	}
	return true;
}

/* Does the acronym s[0..n) spell the name of entity e? */
static bool
spells(const entity *e, const char *s, size_t n)
{
	return initials_match(e->name, e->name_len, s, n);
}

/* The one entity other than `self` whose name of two or more words,
 * showing no person (no honorific, title or gender), the acronym s[0..n)
 * (capitals) spells; -1 for none or more than one.  A name opening with
 * a capital spells its own first letter first either way: only the
 * names of s[0]'s bucket of ix, and those opening with no capital, are
 * tried (ix NULL: every entity). */
static int
spelled_out(const actx *c, const spell_index *ix, int self, const char *s,
            size_t n)
{
	size_t i, b;
	int found = -1;

	if (!ix) {
		for (i = 0; i < c->ents.len; i++) {
			const entity *e = ent_at(c, (int)i);
			if ((bucket_of(e) != LETTERS && e->name[0] != s[0]) ||
			    (int)i == self || !spellable(e) || !spells(e, s, n))
				continue;
			if (found >= 0)
				return -1;
			found = (int)i;
		}
		return found;
	}
	/* (an acronym opens with a capital; should one not, only the names
	 * opening with none can match, as in the scan above.  An acronym
	 * has two letters or more: a name whose readings spell no s[1]
	 * second is passed over unread) */
	b = s[0] >= 'A' && s[0] <= 'Z' ? (size_t)(s[0] - 'A') : LETTERS;
	for (;; b = LETTERS) {
		for (i = ix->at[b]; i < ix->at[b + 1]; i++) {
			int e = ix->ents[i];
			if (e == self ||
			    (n >= 2 && ix->second[i][0] != s[1] &&
			     ix->second[i][1] != s[1]) ||
			    !spells(ent_at(c, e), s, n))
				continue;
			if (found >= 0)
				return -1;
			found = e;
		}
		if (b == LETTERS)
			return found;
	}
}

/*
 * "The Parliamentary Budget Officer released a report.  But the PBO
 * added ...": an acronym of three to eight capitals that no parenthesis
 * tied stands for the one name in the article that it spells (and, with
 * no sign of a person, names a body).  Returns the number tied.
 */
static size_t
canon_bare_acronyms(actx *c)
{
	size_t i, tied = 0;
	/* entities already looked up: an acronym named fifty times is
	 * spelled out once (NULL when out of memory: then each time) */
	unsigned char *tried = calloc(c->ents.len + 1, 1);
	spell_index ix = {0};
	bool indexed = false;

	for (i = 0; i < c->ments.len; i++) {
		const mention_rec *m = QVEC_AT(&c->ments, mention_rec, i);
		entity *a = ent_at(c, m->ent), *e;
		int full;

		if (a->canon || (tried && tried[m->ent]) ||
		    m->end != m->tok + 1 || !acronym_at(c, m->tok) ||
		    a->name_len < 3 || a->strong || a->gender ||
		    strchr(a->name, ' '))
			continue;
		if (tried)
			tried[m->ent] = 1;
		/* (the index at the first acronym: most articles have none) */
		if (!indexed) {
			indexed = true;
			(void)spell_index_build(c, &ix);
		}
		full = spelled_out(c, ix.ents ? &ix : NULL, m->ent, a->name,
		                   a->name_len);
		if (full < 0)
			continue;
		a->canon = full + 1;
		e = ent_at(c, full);
		if (e->org || e->headorg || !e->person)
			a->org = a->nonperson = true;
		tied++;
	}
	free(ix.ents);
	free(ix.second);
	free(tried);
	return tied;
}

/* Is a person of several words ("Dana Kell") surnamed w[0..wl) among
 * the entities (no organisation name: "Pine Valley Council")? */
static bool
surname_of_person(const actx *c, const char *w, size_t wl)
{
	int i;

	for (i = qt_eidx_by_last(c, w, wl); i >= 0;
	     i = qt_eidx_next_last(c, i)) {
		const entity *e = ent_at(c, i);
		if (e->name_len > wl + 1 &&
		    e->name[e->name_len - wl - 1] == ' ' &&
		    memcmp(e->name + e->name_len - wl, w, wl) == 0 && !e->org &&
		    !e->headorg && !e->nonperson)
			return true;
	}
	return false;
}

/* Is w[0..wl), one word, a company's legal form ("Corp", "Inc", "Ltd",
 * "LLC"): an abbreviation (abbrev.txt, with its dot) or an organisation
 * word of orgs.txt in capitals?  "TransCanada" is the short form of no
 * other name than "TransCanada Corp": the same. */
static bool
legal_form(const actx *c, const char *w, size_t wl)
{
	char f[12];
	size_t i;
	bool caps = true;

	if (wl == 0 || wl + 1 >= sizeof(f) || memchr(w, ' ', wl))
		return false;
	if (!qt_ascii_lower(f, w, wl, QT_LOWER_LETTERS))
		return false;
	for (i = 1; i < wl && caps; i++)
		caps = w[i] >= 'A' && w[i] <= 'Z';
	if (caps && qt_lexicon_get(c->ld->lex[LEX_ORGS], f, wl) >= 0)
		return true;
	f[wl] = '.';
	return qt_lexicon_get(c->ld->lex[LEX_ABBREV], f, wl + 1) >= 0;
}

/* The one organisation (its name's last word an organisation's, or
 * typed one) other than entity `self`, first named before token `before`,
 * whose longer name opens with the whole name n[0..nl) ("Brightwater
 * Dairy Cooperative" for "Brightwater" and "Brightwater Dairy"); -1 for
 * none or several. */
static int
longer_org_name(const actx *c, const char *n, size_t nl, int self,
                size_t before, bool own_org)
{
	const char *sp = memchr(n, ' ', nl);
	int i, found = -1;

	for (i = qt_eidx_by_first(c, n, sp ? (size_t)(sp - n) : nl); i >= 0;
	     i = qt_eidx_next_first(c, i)) {
		const entity *e = ent_at(c, i);
		if (i == self || e->name_len <= nl + 1 || e->name[nl] != ' ' ||
		    memcmp(e->name, n, nl) != 0 || !(e->org || e->headorg) ||
		    e->strong || e->gender || e->place || e->canon ||
		    e->first_tok >= before ||
		    (own_org &&
		     !(e->name[nl + 1] >= 'a' && e->name[nl + 1] <= 'z')) ||
		    legal_form(c, e->name + nl + 1, e->name_len - nl - 1))
			continue;
		if (found >= 0)
			return -1;
		found = i;
	}
	return found;
}

/* May the name n[0..nl) be an organisation's short form: no person's
 * surname ("Dana Kell runs Kell Design Studio.  Kell said" is Dana
 * Kell's)? */
static bool
short_name_ok(const actx *c, const char *n, size_t nl)
{
	return memchr(n, ' ', nl) || !surname_of_person(c, n, nl);
}

/* Does a mention of entity ei say "he" or "she" of itself ("Kell said
 * she would")?  Asked only of a name about to be tied. */
static bool
said_he_or_she(const actx *c, int ei)
{
	const entity *a = ent_at(c, ei);
	size_t k;

	for (k = qt_first_mention(c, a->first_tok); k < c->ments.len; k++) {
		const mention_rec *m = QVEC_AT(&c->ments, mention_rec, k);
		if (m->tok > a->last_tok)
			break;
		if (m->ent == ei && qt_reported_gender(c, m->end))
			return true;
	}
	return false;
}

/*
 * "Brightwater Dairy Cooperative opened a plant.  Brightwater said
 * ...": a shorter name that opens an organisation's longer name named
 * before it is a short form of that name, when it shows no person (no
 * title, honorific, gender or age, no "he" or "she" of its own reported
 * clause), names no place, is no person's surname, and only one such
 * organisation opens with it.  Its entity
 * points at the longer name's (entity.canon).  Returns the number tied.
 */
static size_t
canon_short_names(actx *c)
{
	size_t i, tied = 0;

	for (i = 0; i < c->ents.len; i++) {
		entity *a = ent_at(c, (int)i);
		int full;

		if (a->canon || a->strong || a->gender || a->title ||
		    a->place || (a->nonperson && !a->org))
			continue;
		/* (the chain by first word first: most names open none; a
		 * name that is an organisation's by itself only before
		 * "for", "of": "the Brennan Center for Justice", but "the
		 * White House" is not "the White House Correspondents'
		 * Association") */
		full = longer_org_name(c, a->name, a->name_len, (int)i,
		                       a->first_tok, a->org || a->headorg);
		if (full < 0 || qt_place_name(c, a) ||
		    !short_name_ok(c, a->name, a->name_len) ||
		    said_he_or_she(c, (int)i))
			continue;
		a->canon = full + 1;
		a->org = a->nonperson = true;
		tied++;
	}
	return tied;
}

/* The organisation whose short form the name at tokens [a, b) is, when
 * no entity holds it (a sentence's first word: "Brightwater said"), by
 * the tests of canon_short_names() (its last word no organisation's);
 * -1 when there is none. */
int
qt_short_org_name(const actx *c, size_t a, size_t b)
{
	char buf[128];
	size_t len;
	int full, v;

	if (b <= a || b - a > 4 || qt_lex(c, LEX_PLACES, a, b) >= 0 ||
	    qt_reported_gender(c, b) ||
	    !qt_span_text_into(c, a, b, buf, sizeof(buf), &len) ||
	    !short_name_ok(c, buf, len))
		return -1;
	v = qt_lex(c, LEX_ORGNOUNS, b - 1, b);
	full = longer_org_name(c, buf, len, -1, a,
	                       qt_lex(c, LEX_ORGS, b - 1, b) >= 0 ||
	                               (v > 0 && (v & WNO_HEAD)));
	return full;
}

/* Is token k a mark that can open or close a nickname: a quote mark
 * (“Bobby”, 'Walt') or the parenthesis `paren`? */
static bool
nick_mark(const actx *c, size_t k, int32_t paren)
{
	return c->t[k].kind == TK_QUOTE || is_p(&c->t[k], paren);
}

/* The most words a nickname between a first name and a surname has
 * ("Bobby", "Big Jim"). */
#define NICK_WORDS 2

/* When the mention starting at token k follows a nickname in quote
 * marks or parentheses that follows a capitalised word ("Robert "Bobby"
 * Lane", "Charles (Chuck) Wiley"), the token of the opening mark; else
 * QUOTH_NONE. */
static size_t
nickname_open(const actx *c, size_t k)
{
	size_t j, cl;
	bool paren;

	if (k < 4)
		return QUOTH_NONE;
	cl = k - 1;
	paren = is_p(&c->t[cl], ')');
	if (!paren && c->t[cl].kind != TK_QUOTE)
		return QUOTH_NONE;
	for (j = cl; j > 1 && cl - j < NICK_WORDS; j--) {
		if (!is_w(&c->t[j - 1]) || !(c->t[j - 1].flags & TF_CAP))
			return QUOTH_NONE;
		if (j - 1 > 1 &&
		    nick_mark(c, j - 2, paren ? '(' : 0x7fffffff) &&
		    (paren || c->t[j - 2].kind == TK_QUOTE)) {
			size_t o = j - 2;
			/* the first name: a capitalised word outside quote
			 * marks, in the same sentence */
			if (!is_w(&c->t[o - 1]) ||
			    !(c->t[o - 1].flags & TF_CAP) || c->inq[o - 1] ||
			    c->t[o - 1].sent != c->t[k].sent ||
			    !(c->t[o].flags & TF_SPACE_BEFORE))
				return QUOTH_NONE;
			return o;
		}
	}
	return QUOTH_NONE;
}

/* The entity named exactly s[0..n) that is no organisation, other than
 * `self`; -1 for none. */
static int
entity_named(const actx *c, const char *s, size_t n, int self)
{
	const char *w = s + n;
	int i;

	while (w > s && w[-1] != ' ')
		w--;
	for (i = qt_eidx_by_last(c, w, (size_t)(s + n - w)); i >= 0;
	     i = qt_eidx_next_last(c, i)) {
		const entity *e = ent_at(c, i);
		if (i != self && !e->org && e->name_len == n &&
		    memcmp(e->name, s, n) == 0)
			return i;
	}
	return -1;
}

/* Put the first name f[0..fl) before the name of entity ei ("Robert" +
 * "Lane"), a person's; false when out of memory (c->failed). */
static bool
prefix_name(actx *c, int ei, const char *f, size_t fl)
{
	entity *e = ent_at(c, ei);
	size_t nl = fl + 1 + e->name_len;
	char *full = malloc(nl + 1);

	if (!full) {
		c->failed = true;
		return false;
	}
	memcpy(full, f, fl);
	full[fl] = ' ';
	memcpy(full + fl + 1, e->name, e->name_len);
	full[nl] = '\0';
	free(e->name);
	e->name = full;
	e->name_len = nl;
	e->person = true;
	if (!qt_eidx_renamed(c, ei))
		c->failed = true;
	return true;
}

/*
 * "Robert "Bobby" Lane", "Charles (Chuck) Wiley", "Walter 'Walt'
 * Brenner": a nickname in quote marks or parentheses between a first
 * name and a surname splits the name in two.  The surname's entity
 * takes the full name without the nickname ("Robert Lane": what the
 * article calls the person), and the first name's and the nickname's
 * entities ("Bobby said") point at it.  Returns the number of names
 * joined.
 */
static size_t
canon_nicknames(actx *c)
{
	size_t i, joined = 0;

	for (i = 0; i < c->ments.len; i++) {
		const mention_rec *m = QVEC_AT(&c->ments, mention_rec, i);
		entity *b = ent_at(c, m->ent);
		const mention_rec *fm = NULL;
		size_t o, k, fl;
		const char *f;
		int a = -1, nick;

		if (m->tok < 4 || b->org || b->place || b->canon ||
		    c->inq[m->tok] ||
		    (o = nickname_open(c, m->tok)) == QUOTH_NONE)
			continue;
		/* the first name: the entity of the mention ending at the
		 * mark, else the word before it */
		k = qt_first_mention(c, o);
		if (k > 0) {
			fm = QVEC_AT(&c->ments, mention_rec, k - 1);
			if (fm->end != o)
				fm = NULL;
		}
		if (fm) {
			const entity *ae = ent_at(c, fm->ent);
			if (ae->org || ae->place || fm->ent == m->ent)
				continue;
			a = fm->ent;
			f = ae->name;
			fl = ae->name_len;
		} else {
			f = c->text + c->t[o - 1].start;
			fl = c->t[o - 1].end - c->t[o - 1].start;
		}
		/* (already the full name: "Robert Lane" named later) */
		if (b->name_len > fl && b->name[fl] == ' ' &&
		    memcmp(b->name, f, fl) == 0)
			continue;
		if (!prefix_name(c, m->ent, f, fl))
			return joined;
		if (a >= 0 && !strchr(ent_at(c, a)->name, ' ') &&
		    !ent_at(c, a)->canon)
			ent_at(c, a)->canon = m->ent + 1;
		nick = entity_named(c, c->text + c->t[o + 1].start,
		                    c->t[m->tok - 2].end - c->t[o + 1].start,
		                    m->ent);
		if (nick >= 0 && !ent_at(c, nick)->canon)
			ent_at(c, nick)->canon = m->ent + 1;
		joined++;
	}
	return joined;
}

/* The generational suffix w[0..wl) ends a name (with or without its
 * dot): SFX_SON for Jr, II, III, IV; SFX_FATHER for Sr; else SFX_NONE. */
enum { SFX_NONE, SFX_SON, SFX_FATHER };

static int
name_suffix(const char *w, size_t wl)
{
	static const char *const sfx[] = {"Sr", "Jr", "II", "III", "IV"};
	size_t i;

	if (wl > 1 && w[wl - 1] == '.')
		wl--;
	for (i = 0; i < sizeof(sfx) / sizeof(sfx[0]); i++)
		if (strlen(sfx[i]) == wl && memcmp(sfx[i], w, wl) == 0)
			return i == 0 ? SFX_FATHER : SFX_SON;
	return SFX_NONE;
}

/* Point entity x at y as its fuller name, when x is free to be tied and
 * no other name claimed it first (tie[x]: 0 untouched, y + 1 claimed by
 * y, -1 claimed by two or barred); y -1 bars x. */
static void
claim(const actx *c, int *tie, int x, int y)
{
	const entity *e = ent_at(c, x);

	if (x == y || e->org || e->place || e->canon)
		return;
	tie[x] = y >= 0 && (tie[x] == 0 || tie[x] == y + 1) ? y + 1 : -1;
}

/*
 * "Henry Ford III said ...  Ford said", "Jan van der Berg ...  Van der
 * Berg said": two forms of a name that the collection keeps apart.  A
 * name ending in a son's suffix (Jr, II, III, IV) is the fuller name of
 * the same name without it and of its surname alone; not "Sr": "Duncan
 * Hunter" beside "Duncan Hunter Sr." is the son, and those forms stay
 * apart; a
 * name that opens with a capitalised particle at the start of a
 * sentence ("Van der Berg", "De la Cruz", "Bin Salem") is the surname of
 * the one person whose name ends in it in lower case ("Jan van der
 * Berg").  A form two fuller names claim stays as it is.  Returns the
 * number of names tied.
 */
static size_t
canon_name_forms(actx *c)
{
	size_t i, tied = 0;
	int *tie = calloc(c->ents.len ? c->ents.len : 1, sizeof(int));

	if (!tie) {
		c->failed = true;
		return 0;
	}
	for (i = 0; i < c->ents.len; i++) {
		const entity *y = ent_at(c, (int)i);
		const char *n = y->name, *lw;
		size_t bl, wl;
		int x, sfx;

		if (y->org || y->place || !strchr(n, ' '))
			continue;
		/* the suffix: "Henry Ford" and "Ford" for "Henry Ford III" */
		for (bl = y->name_len; bl > 0 && n[bl - 1] != ' '; bl--)
			;
		sfx = name_suffix(n + bl, y->name_len - bl);
		if (sfx != SFX_NONE && bl > 1) {
			bl--;
			for (lw = n + bl; lw > n && lw[-1] != ' '; lw--)
				;
			wl = (size_t)(n + bl - lw);
			for (x = qt_eidx_by_last(c, lw, wl); x >= 0;
			     x = qt_eidx_next_last(c, x)) {
				const entity *e = ent_at(c, x);
				if ((e->name_len == bl &&
				     memcmp(e->name, n, bl) == 0) ||
				    (e->name_len == wl &&
				     memcmp(e->name, lw, wl) == 0))
					claim(c, tie, x,
					      sfx == SFX_SON ? (int)i : -1);
			}
			continue;
		}
		/* the particle: "Van der Berg" for "Jan van der Berg" */
		for (lw = n + y->name_len; lw > n && lw[-1] != ' '; lw--)
			;
		wl = (size_t)(n + y->name_len - lw);
		for (x = qt_eidx_by_last(c, lw, wl); x >= 0;
		     x = qt_eidx_next_last(c, x)) {
			const entity *e = ent_at(c, x);
			size_t el = e->name_len;
			const char *tail = n + y->name_len - el;
			if (el + 1 < y->name_len && tail[-1] == ' ' &&
			    e->name[0] >= 'A' && e->name[0] <= 'Z' &&
			    tail[0] == e->name[0] - 'A' + 'a' &&
			    memcmp(e->name + 1, tail + 1, el - 1) == 0 &&
			    strchr(e->name, ' '))
				claim(c, tie, x, (int)i);
		}
	}
	for (i = 0; i < c->ents.len; i++)
		if (tie[i] > 0) {
			ent_at(c, (int)i)->canon = tie[i];
			tied++;
		}
	free(tie);
	return tied;
}

/* Does an apposition open at token k, after a name and its comma: an
 * article, a possessive or an age ("Earl Tamm, a farmer,", "Dean
 * French, the premier's chief of staff,", "Earl Tamm, 54,")? */
static bool
apposition_opens(const actx *c, size_t k)
{
	return k < c->n && !c->inq[k] &&
	       (wordeq(c, k, "a") || wordeq(c, k, "an") ||
	        wordeq(c, k, "the") || wordeq(c, k, "his") ||
	        wordeq(c, k, "her") || c->t[k].kind == TK_NUM);
}

/*
 * "Earl Tamm, a farmer, said", "Dean French, the premier's chief of
 * staff,": a title word that is also a common first name (titles.txt
 * flag n: Earl, Dean, Major, Duke) before a surname alone, where the
 * article introduces the person with an apposition, is the first name: news names a person in
 * full where it introduces them, and a title goes before a full name
 * ("Dean Ann Ortiz").  The entity takes the two words as its name and
 * loses the title.  Returns the number of names changed.
 */
static size_t
canon_title_first_names(actx *c)
{
	size_t i, changed = 0;

	for (i = 0; i < c->ments.len; i++) {
		const mention_rec *m = QVEC_AT(&c->ments, mention_rec, i);
		entity *e = ent_at(c, m->ent);
		size_t t = m->end - 2, tl;

		/* (the mention, with its title or without: the title word
		 * right before the surname) */
		if (!e->title || e->org || e->place || strchr(e->name, ' ') ||
		    strchr(e->title, ' ') || m->end < 2 ||
		    m->end > m->tok + 2 || t + 2 <= e->first_tok ||
		    t > e->first_tok || m->end + 1 >= c->n ||
		    !is_p(&c->t[m->end], ',') ||
		    !apposition_opens(c, m->end + 1))
			continue;
		tl = c->t[t].end - c->t[t].start;
		if (!(c->t[t].flags & TF_CAP) || (c->t[t].flags & TF_ALLCAP) ||
		    tl != strlen(e->title) ||
		    memcmp(e->title, c->text + c->t[t].start, tl) != 0 ||
		    !(qt_lex(c, LEX_TITLES, t, t + 1) > 0 &&
		      (qt_lex(c, LEX_TITLES, t, t + 1) & TITLE_FIRST_NAME)))
			continue;
		if (!prefix_name(c, m->ent, e->title, tl))
			return changed;
		free(e->title);
		e->title = NULL;
		changed++;
	}
	return changed;
}

/*
 * "The Office of Rural Water (ORW) cut the budget.  ORW said ...": an
 * acronym in parentheses right after a name of two or more words whose
 * initials it spells is a short form of that name; its entity points at
 * the name's (entity.canon), so that its quotes give the name; then the
 * acronyms with no parenthesis (canon_bare_acronyms()).  Returns the
 * number of acronyms tied.
 */
size_t
qt_canon_acronyms(actx *c)
{
	size_t i, tied = 0;

	for (i = 0; i < c->ments.len; i++) {
		const mention_rec *m = QVEC_AT(&c->ments, mention_rec, i);
		entity *e = ent_at(c, m->ent), *a;
		size_t k = m->end, n;
		const char *s;
		int ae;

		if (k + 2 >= c->n || !is_p(&c->t[k], '(') ||
		    !is_p(&c->t[k + 2], ')') || !acronym_at(c, k + 1) ||
		    !strchr(e->name, ' ') || e->canon)
			continue;
		s = c->text + c->t[k + 1].start;
		n = c->t[k + 1].end - c->t[k + 1].start;
		if (!initials_match(e->name, e->name_len, s, n))
			continue;
		ae = qt_entity_by_mention_tok(c, k + 1, k + 2);
		if (ae < 0 || ae == m->ent)
			continue;
		a = ent_at(c, ae);
		if (a->canon || strchr(a->name, ' '))
			continue;
		a->canon = m->ent + 1;
		/* what the name is, the acronym is */
		if (e->org)
			a->org = a->nonperson = true;
		tied++;
	}
	tied += canon_bare_acronyms(c);
	tied += canon_nicknames(c);
	tied += canon_name_forms(c);
	tied += canon_title_first_names(c);
	return tied + canon_short_names(c);
}

/* The entity whose name e's quotes give: the fuller name an acronym
 * stands for, else e itself (-1 stays -1). */
int
qt_canon_entity(const actx *c, int e)
{
	int steps;

	for (steps = 0; e >= 0 && ent_at(c, e)->canon && steps < 4; steps++)
		e = ent_at(c, e)->canon - 1;
	return e;
}

/* Is the word at token h the last word of e's name, whatever its case
 * ("the council" and "Pine Valley Council")? */
bool
qt_name_head_is(const actx *c, const entity *e, size_t h)
{
	size_t i = e->name_len, n = c->t[h].end - c->t[h].start;

	while (i > 0 && e->name[i - 1] != ' ')
		i--;
	return e->name_len - i == n &&
	       strncasecmp(e->name + i, c->text + c->t[h].start, n) == 0;
}

/* Is the mention [a, b) a short form of e's fuller name ("Fisheries
 * Board" for "Northern Fisheries Board", "Board" for it): fewer words
 * than the name has? */
bool
qt_short_form(const actx *c, const entity *e, size_t a, size_t b)
{
	size_t i, words = 1;

	if (!e || b <= a)
		return false;
	for (i = 0; i < e->name_len; i++)
		if (e->name[i] == ' ')
			words++;
	return qt_words_in(c, a, b - 1) < words;
}

/* The head of a description "the|a|an|his|her|their|its" + up to three
 * lowercase words ending in a title or a person noun, ending right
 * before token e (exclusive); its token, or QUOTH_NONE; its determiner's
 * token in *det. */
static size_t
description_head_before(const actx *c, size_t e, size_t *det)
{
	size_t h, k;

	if (e < 2)
		return QUOTH_NONE;
	h = e - 1;
	if (!is_w(&c->t[h]) || (c->t[h].flags & TF_CAP) || c->inq[h] ||
	    !(qt_lex(c, LEX_TITLES, h, h + 1) >= 0 || qt_person_noun(c, h)))
		return QUOTH_NONE;
	for (k = h; k > 0 && h - k < 3; k--) {
		if (qt_np_det(c, k - 1) && !wordeq(c, k - 1, "this") &&
		    !wordeq(c, k - 1, "that")) {
			*det = k - 1;
			return h;
		}
		if (!is_w(&c->t[k - 1]) || (c->t[k - 1].flags & TF_CAP) ||
		    c->inq[k - 1])
			break;
	}
	return QUOTH_NONE;
}

/* Is the word at k "his", "her" or "their"? */
static bool
possessive_det(const actx *c, size_t k)
{
	return wordeq(c, k, "his") || wordeq(c, k, "her") ||
	       wordeq(c, k, "their");
}

/* Are the words at a and b the same, whatever their case? */
static bool
same_word(const actx *c, size_t a, size_t b)
{
	size_t n = c->t[a].end - c->t[a].start;

	return b < c->n && c->t[b].end - c->t[b].start == n &&
	       strncasecmp(c->text + c->t[a].start, c->text + c->t[b].start,
	                   n) == 0;
}

/*
 * "Ida Marr, chief executive of Telco, said": a role set off by a comma
 * right after a person's full name that opens its sentence (or follows
 * its opening "and" or "but") is that name's
 * apposition, and the person is the speaker.  The entity, or QUOTH_NONE.
 */
static size_t
appositive_of_name(const actx *c, size_t a)
{
	size_t k = qt_first_mention(c, a), s0;
	const mention_rec *m;
	const entity *e;

	if (a < 3 || k == 0 || !is_p(&c->t[a - 1], ','))
		return QUOTH_NONE;
	m = QVEC_AT(&c->ments, mention_rec, k - 1);
	e = ent_at(c, m->ent);
	if (m->end != a - 1 || !e || e->org || e->place || e->nonperson ||
	    !strchr(e->name, ' ') || c->inq[m->tok])
		return QUOTH_NONE;
	/* (after a conjunction: "But Ida Marr, ...") */
	s0 = sentence_start(c, m->tok);
	if (s0 != m->tok && !(s0 + 1 == m->tok && word_is(c, s0, W_AND_BUT)))
		return QUOTH_NONE;
	return (size_t)m->ent;
}

/* The most lowercase words between the article and the head of an
 * apposition after a name ("a night-shift nurse"). */
#define APPOSITION_LEAD_WORDS 3

/* Does the apposition at k, after a name and its comma, give the
 * description whose determiner is at a (`the`: it is "the") and whose
 * head is at h: "a|an|the" (or a's possessive) and up to APPOSITION_LEAD_WORDS lowercase words
 * ending in h's word, a title or a person noun, before a comma, the
 * sentence's end or a preposition ("Rosa Ortiz, a nurse at the
 * hospital," for "the nurse"); or the age h's word gives ("Rosa Ortiz,
 * 32," for "the 32-year-old")? */
static bool
described_after(const actx *c, size_t k, size_t a, bool the, size_t h)
{
	size_t hl = c->t[h].end - c->t[h].start, j, n;
	const char *hw = c->text + c->t[h].start;

	if (k + 1 >= c->n || c->inq[k])
		return false;
	n = c->t[k].end - c->t[k].start;
	if (c->t[k].kind == TK_NUM && is_p(&c->t[k + 1], ',') && hl > n &&
	    memcmp(hw, c->text + c->t[k].start, n) == 0 &&
	    strncmp(hw + n, "-year-old", hl - n) == 0 && hl - n == 9)
		return true;
	if (!is_w(&c->t[k]) || n > 5 ||
	    !(the ? wordeq(c, k, "a") || wordeq(c, k, "an") ||
	                      wordeq(c, k, "the")
	          : same_word(c, a, k)))
		return false;
	for (j = k + 1; j < c->n && j <= k + APPOSITION_LEAD_WORDS + 1; j++) {
		if (!is_w(&c->t[j]) || (c->t[j].flags & TF_CAP) || c->inq[j])
			return false;
		if (c->t[j].end - c->t[j].start == hl &&
		    strncasecmp(c->text + c->t[j].start, hw, hl) == 0)
			return j + 1 < c->n &&
			       (is_p(&c->t[j + 1], ',') ||
			        is_end_p(&c->t[j + 1]) ||
			        qt_is_prep(c, j + 1)) &&
			       (qt_lex(c, LEX_TITLES, j, j + 1) >= 0 ||
			        qt_person_noun(c, j));
	}
	return false;
}

/*
 * "The officer, Jo Pike, patrols the river.  Later the officer said":
 * a definite description of a person that no title matched is the person
 * the article named right after the same description set off by commas
 * ("the officer, Jo Pike,", "her neighbour, Sam Ode,") before the quote,
 * within five paragraphs; "her husband said" only after "her husband,
 * Leo Chan," (the same possessive).  Only this clear evidence ties a person noun to
 * a name: "Jo Pike patrols the river.  The officer said" stays a
 * description.  -1 when there is none.
 */
int
qt_role_by_appositive(const actx *c, const quote *q)
{
	const qattr *qa = qa_of(c, q);
	size_t a = qa->sp_tok, h, k, stop, hl, dh, det = QUOTH_NONE;
	uint32_t para;
	bool the;

	if (qa->sp_kind != SK_ROLE || q->entity >= 0 || a >= c->n)
		return -1;
	if ((k = appositive_of_name(c, a)) != QUOTH_NONE)
		return (int)k;
	the = wordeq(c, a, "the");
	if (!(the || possessive_det(c, a)) || q->mention_end == QUOTH_NONE)
		return -1;
	h = qt_tok_of(c, q->mention_end);
	if (h < a + 2 || h > a + 4)
		return -1;
	h--;
	hl = c->t[h].end - c->t[h].start;
	para = c->t[a].para;
	k = qt_first_mention(c, a);
	stop = k > MENTION_WINDOW ? k - MENTION_WINDOW : 0;
	while (k-- > stop) {
		const mention_rec *m = QVEC_AT(&c->ments, mention_rec, k);
		const entity *e = ent_at(c, m->ent);
		if (c->t[m->tok].para + 5 < para)
			break;
		if (e->org || e->place || m->end >= c->n ||
		    !strchr(e->name, ' ') || m->tok >= a)
			continue;
		/* "Rosa Ortiz, a nurse at the hospital,", "Rosa Ortiz,
		 * 32,": the description or the age after the name */
		if (is_p(&c->t[m->end], ',') &&
		    described_after(c, m->end + 1, a, the, h))
			return m->ent;
		if (m->tok < 3 || !is_p(&c->t[m->tok - 1], ',') ||
		    !(is_p(&c->t[m->end], ',') || is_end_p(&c->t[m->end])))
			continue;
		dh = description_head_before(c, m->tok - 1, &det);
		if (dh != QUOTH_NONE && c->t[dh].end - c->t[dh].start == hl &&
		    strncasecmp(c->text + c->t[dh].start,
		                c->text + c->t[h].start, hl) == 0 &&
		    (the || same_word(c, a, det)))
			return m->ent;
	}
	return -1;
}
