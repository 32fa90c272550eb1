/*
 * attrib.c: who said it.  Links each quote to a cue and a speaker,
 * finds indirect speech, merges split quotes and carries floating quotes.
 *
 * Cue patterns, tried in this order for each quote (tokens, not bytes):
 *
 *   after   "Q," SPEAKER [, APPOSITION,] [ADV] CUE     "Q," Hegseth told
 *           "Q," CUE SPEAKER                           "Q," said the minister
 *           "Q," according to SPEAKER
 *   before  SPEAKER [, APPOSITION,] CUE [OBJECT] [that] (: | , | nothing) "Q"
 *           According to SPEAKER, "Q"
 *   colon   a paragraph ending in ':' that names a speaker, then "Q"
 *   split   "A," he said, "B."  -> one quote, two parts
 *   carry   a quote with no cue in the paragraph or sentence after a quote
 *           of speaker S continues S (rule continuation), unless another
 *           person is named in between outside quotes
 *
 * SPEAKER is a pronoun, a run of capitalised name words (with titles and
 * honorifics before it), a description ending in a title noun ("the
 * Pentagon chief", "a spokeswoman") or an organisation ("the Kremlin").
 * Names resolve to the fullest form the article gives; pronouns to the
 * most recent person of agreeing gender named outside quotes; definite
 * descriptions to the person the article gave that title, or else the
 * last speaker.
 *
 * Indirect speech: in a sentence without a direct quote, SPEAKER CUE
 * [OBJECT] [that] CLAUSE, or CLAUSE, SPEAKER CUE., or According to
 * SPEAKER, CLAUSE.  A clause holding partial quotes becomes one mixed
 * quote whose verbatim spans are those fragments.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "private.h"

#define FLAG(c) (1 << ((c) - 'a'))
#define G_MALE 1
#define G_FEMALE 2
#define G_THING 4  /* "it": an organisation or a thing, never a person */
/* lexc slots per token: one per lexicon, and one for two-word cues */
#define LEXC_SLOTS (LEX_COUNT_ + 1)
/* Bounds on lookbacks, so that no input makes the work quadratic: the
 * entities searched for a name, the mentions searched for a pronoun. */
#define ENTITY_WINDOW 512
#define MENTION_WINDOW 512
#define CLAUSE_MAX 600
#define ROLES_MAX 256
#ifndef BARE_TERM_WORDS
#define BARE_TERM_WORDS 1
#endif

typedef struct {
	char *name;       /* canonical full name */
	size_t name_len;
	char *title;      /* or NULL */
	char *roles;      /* every title the article gave it, case-folded,
	                   * each ending in '|' (bounded by ROLES_MAX);
	                   * or NULL */
	size_t roles_len;
	int gender;       /* G_MALE, G_FEMALE or 0 */
	bool org;
	bool person;      /* a full name, an honorific, or it spoke */
	bool strong;      /* a person by the article's own evidence: an
	                   * honorific, a title, an age, "X said he" */
	bool nonperson;   /* "the X", "in X", "X, a company,": a place, an
	                   * organisation or an event */
	bool place;       /* "in X", "at X", "near X" */
	size_t nment;     /* mentions so far */
	size_t first_multi; /* first mention written with two or more words
	                     * (token), or QUOTH_NONE */
	size_t first_tok; /* its first mention (token) */
} entity;

typedef struct {
	size_t tok;       /* first token of the mention */
	size_t end;       /* token after it */
	int ent;
} mention_rec;

/*
 * What attribution remembers about quote r->q[i] between its passes, in
 * a side table parallel to r->q (kept in step when quotes are added,
 * dropped or sorted): the shared quote record holds only what the
 * result shows.
 */
typedef struct {
	int sp_kind;      /* SK_*: the kind of speaker mention */
	int sp_gender;    /* the gender the mention shows */
	size_t sp_tok;    /* the first token of the mention */
	size_t link_end;  /* the token after the cue and mention */
	bool sp_fallback; /* a role that may take the last speaker */
	bool absorbed;    /* merged into another quote (the later part of a
	                   * split quote, a fragment of mixed speech):
	                   * drop_absorbed() removes it */
} qattr;

typedef struct {
	const quoth_extractor *ex;
	const lang_data *ld;
	const char *text;
	token *t;
	size_t n;
	uint8_t *inq;     /* per token: inside a quote */
	const token_list *tl;
	size_t *ulo, *uhi; /* per token: its sentence, cut at line breaks */
	size_t *dirpre;   /* direct-quote tokens before token i */
	size_t nq0;       /* quotes r->q[0..nq0) are sorted by start */
	int depth;        /* parse_speaker_fwd() recursion */
	qvec ents;        /* entity */
	qvec ments;       /* mention_rec, in token order */
	void *md;         /* PCRE2 match data for the cue patterns */
	int32_t *lexc;    /* per token and lexicon: the one-word lookup + 2,
	                   * or 0 before it is made; then the two-word cue
	                   * lookup ("went on") the same way */
	size_t quote_byte; /* the quote being linked, for trace() */
	uint8_t *inrep;   /* per token: inside reported speech (indirect or
	                   * mixed content); set for the resolution pass */
	uint8_t *capt;    /* per paragraph: a photo caption */
	lexicon *lower;   /* the words the article writes in lowercase */
	quoth_result *r;
	qattr *qa;        /* per quote of r (see qattr) */
	size_t qa_cap;
	bool failed;
} actx;

/* The side-table entry of quote q, one of c->r->q. */
static qattr *
qa_of(const actx *c, const quote *q)
{
	return &c->qa[q - c->r->q];
}

/* A parsed speaker phrase. */
typedef struct {
	size_t a, b;      /* token span of the mention as written */
	int ent;          /* entity, or -1 */
	int kind;         /* SK_* */
	int gender;
	bool fallback;    /* a role that takes the last speaker */
} speaker;

enum { SK_NONE, SK_PRONOUN, SK_NAME, SK_ROLE, SK_ORG };

/* ---- small token predicates ---------------------------------------- */

static bool possessive(const actx *c, size_t i);
static bool apos_tail(const actx *c, size_t i, const char *tail);
static int entity_find(actx *c, size_t a, size_t b);
static bool past_verb(const actx *c, size_t k);
static bool person_group(const actx *c, size_t k);
static bool is_prep(const actx *c, size_t k);
static int first_name_match(const actx *c, const char *name, size_t len);
static size_t first_mention(const actx *c, size_t a);
static bool np_det(const actx *c, size_t k);
static size_t para_start_tok(const actx *c, size_t i);
static size_t words_in(const actx *c, size_t a, size_t b);
static bool he_she_has(const actx *c, size_t i);
static bool inner_dot(const actx *c, size_t i);
static int entity_by_role_words(const actx *c, size_t a, size_t b,
                                bool unique);

static bool
is_w(const token *t)
{
	return t->kind == TK_WORD;
}

static bool
is_p(const token *t, int32_t cp)
{
	return t->kind == TK_PUNCT && t->cp == cp;
}

/* The end of a sentence: . ! ? */
static bool
is_end_p(const token *t)
{
	return is_p(t, '.') || is_p(t, '!') || is_p(t, '?');
}

/* A dash: -, en dash, em dash. */
static bool
is_dash(const token *t)
{
	return is_p(t, '-') || is_p(t, 0x2013) || is_p(t, 0x2014);
}

static bool
wordeq(const actx *c, size_t i, const char *w)
{
	size_t n = strlen(w);

	return i < c->n && c->t[i].kind == TK_WORD &&
	       c->t[i].end - c->t[i].start == n &&
	       strncasecmp(c->text + c->t[i].start, w, n) == 0;
}

/* Is token i one of the n words of list (lowercase ASCII words; the
 * token is compared case-insensitively)? */
static bool
word_in(const actx *c, size_t i, const char *const *list, size_t n)
{
	const char *w;
	size_t k, len;
	char c0;

	if (i >= c->n || c->t[i].kind != TK_WORD)
		return false;
	w = c->text + c->t[i].start;
	len = c->t[i].end - c->t[i].start;
	c0 = (char)(w[0] >= 'A' && w[0] <= 'Z' ? w[0] + 32 : w[0]);
	/* (the first letter rules out most words of the list cheaply) */
	for (k = 0; k < n; k++)
		if (list[k][0] == c0 && strlen(list[k]) == len &&
		    strncasecmp(w, list[k], len) == 0)
			return true;
	return false;
}

static int
lex(const actx *c, int which, size_t a, size_t b)
{
	int32_t *slot;
	int v;

	if (a >= b || b > c->n)
		return -1;
	if (!c->lexc || (b != a + 1 && (b != a + 2 || which != LEX_CUES)))
		return lexicon_get_tokens(c->ld->lex[which], c->text, c->t, a,
		                          b);
	/* one word, or a cue's two: looked up once per token and lexicon */
	slot = &c->lexc[a * LEXC_SLOTS +
	                (b == a + 1 ? (size_t)which : LEX_COUNT_)];
	if (*slot)
		return *slot - 2;
	v = lexicon_get_tokens(c->ld->lex[which], c->text, c->t, a, b);
	*slot = v + 2;
	return v;
}

static bool
is_break_tok(const token *t)
{
	return t->kind == TK_PARA || t->kind == TK_NEWLINE;
}

/*
 * Is the capitalised cue word at token j part of a name: after another
 * capitalised word, a base form ("Ohio State University") or the last
 * word of the run ("the United States", "The Washington Post")?  A
 * finite form with a name after it is a headline's verb ("Hollande Says
 * Trump ...").
 */
static bool
name_part_cue(const actx *c, size_t j)
{
	int v;

	if (j == 0 || !(c->t[j].flags & TF_CAP) || !is_w(&c->t[j - 1]) ||
	    !(c->t[j - 1].flags & TF_CAP) || c->t[j - 1].sent != c->t[j].sent)
		return false;
	v = lex(c, LEX_CUES, j, j + 1);
	if (v < 0)
		return false;
	if (v & FLAG('b'))
		return true;
	return !(j + 1 < c->n && is_w(&c->t[j + 1]) &&
	         (c->t[j + 1].flags & TF_CAP) &&
	         c->t[j + 1].sent == c->t[j].sent);
}

/*
 * The cue entry starting at token i: one word ("said"), or a verb and
 * its particle ("went on", "points out"), whose length *w gets.  A verb
 * and particle before "to" are none: "went on to say" has its cue in
 * "say", "went on to win" none.
 */
static int
cue_entry(const actx *c, size_t i, size_t *w)
{
	int v = lex(c, LEX_CUES, i, i + 1);

	*w = 1;
	/* (not "went on to say", "went on to win": the cue is what
	 * follows; but "pointed out to reporters") */
	if ((v < 0 || !(v & FLAG('s'))) && i + 1 < c->n && is_w(&c->t[i + 1]) &&
	    !c->inq[i + 1] && c->t[i + 1].sent == c->t[i].sent &&
	    !(wordeq(c, i + 2, "to") &&
	      (wordeq(c, i + 1, "on") || lex(c, LEX_CUES, i + 3, i + 4) >= 0))) {
		int v2 = lex(c, LEX_CUES, i, i + 2);
		if (v2 >= 0) {
			*w = 2;
			v = v2;
		}
	}
	return v;
}

/* The number of tokens of the cue at token i (1 or 2). */
static size_t
cue_len(const actx *c, size_t i)
{
	size_t w = 1;

	if (i < c->n && is_w(&c->t[i]) && !c->inq[i])
		cue_entry(c, i, &w);
	return w;
}

/* What a person writes or puts out: "a statement saying", "her letter
 * read". */
static const char *const written[] = {
	"statement", "letter", "email", "e-mail", "release", "post", "message",
	"tweet", "note", "memo", "text", "ad", "remarks", "speech", "op-ed"};

/* who, whose, which, where: a relative clause opens at token k. */
static bool
wh_relative(const actx *c, size_t k)
{
	return wordeq(c, k, "who") || wordeq(c, k, "whose") ||
	       wordeq(c, k, "which") || wordeq(c, k, "where");
}

/*
 * Is the -ing word at token i a participle of the sentence's subject
 * with no comma before it: after a document ("sent voters a letter
 * saying", "issued a statement stating") or after the object of a
 * finite cue ("emailed supporters saying")?
 */
static bool
ing_of_subject(const actx *c, size_t i)
{
	size_t k;

	if (c->t[i].end - c->t[i].start <= 4 ||
	    strncmp(c->text + c->t[i].end - 3, "ing", 3) != 0 ||
	    !is_w(&c->t[i - 1]) || (c->t[i - 1].flags & TF_CAP))
		return false;
	/* (sent, not received: "got a letter saying") */
	if (word_in(c, i - 1, written, QUOTH_ARRAY_LEN(written))) {
		static const char *const send[] = {
			"sent", "sends", "issued", "issues", "released",
			"releases", "posted", "posts", "published", "publishes",
			"put", "puts", "send", "issue", "release", "post"};
		for (k = i - 1; k > 0 && i - k < 5; k--)
			if (word_in(c, k - 1, send, QUOTH_ARRAY_LEN(send)))
				return true;
		return false;
	}
	for (k = i - 1; k > 0 && i - k < 4 && is_w(&c->t[k]) &&
	                !(c->t[k].flags & TF_CAP) && !c->inq[k];
	     k--) {
		int v = lex(c, LEX_CUES, k, k + 1);
		if (v >= 0 && k < i - 1) {
			/* a finite cue, with its object between */
			return (v & FLAG('s')) && !(v & FLAG('b'));
		}
	}
	return false;
}

/* A cue verb at token i: returns its flags or -1. */
static int
cue_at(const actx *c, size_t i)
{
	size_t w;
	int v;

	if (i >= c->n || !is_w(&c->t[i]) || c->inq[i])
		return -1;
	v = cue_entry(c, i, &w);
	if (v < 0 || !(v & FLAG('s')))
		return -1;
	if (name_part_cue(c, i))
		return -1;
	/* Hegseth's remarks, the minister's comments: nouns (but "he's
	 * said" is "he has said") */
	if (i > 0 && is_w(&c->t[i - 1]) && !(c->t[i].flags & TF_CAP)) {
		if ((possessive(c, i - 1) &&
		     ((v & FLAG('b')) || !he_she_has(c, i - 1))) ||
		    wordeq(c, i - 1, "the") || wordeq(c, i - 1, "his") ||
		    wordeq(c, i - 1, "her") || wordeq(c, i - 1, "their") ||
		    wordeq(c, i - 1, "its") || wordeq(c, i - 1, "a"))
			return -1;
	}
	if (v & FLAG('b')) {
		/* base forms need an auxiliary or a subject pronoun before */
		static const char *const aux[] = {
			"would", "will", "did", "does", "do", "to", "has",
			"have", "had", "is", "was", "were", "are", "been",
			"be", "they", "we", "i", "you", "could", "may",
			"might", "can", "should", "must", "also", "not",
			"as" /* "was quoted as saying" */};

		if (i == 0)
			return -1;
		if (word_in(c, i - 1, aux, QUOTH_ARRAY_LEN(aux)))
			return v;
		if (ing_of_subject(c, i))
			return v | FLAG('g');
		/* plural subjects: "officials say", "residents report" */
		if (is_w(&c->t[i - 1]) && !possessive(c, i - 1) &&
		    ((!(c->t[i - 1].flags & TF_CAP) &&
		      c->t[i - 1].end - c->t[i - 1].start > 3 &&
		      c->text[c->t[i - 1].end - 1] == 's' &&
		      c->text[c->t[i - 1].end - 2] != 's' &&
		      lex(c, LEX_NONNAMES, i - 1, i) < 0) ||
		     /* "Police say", "Officials say" */
		     (lex(c, LEX_TITLES, i - 1, i) >= 0 &&
		      (lex(c, LEX_TITLES, i - 1, i) & FLAG('g'))) ||
		     wordeq(c, i - 1, "police")))
			return v;
		/* "they're saying", "we're hearing" (not "He's claiming":
		 * a possessive before a base form was refused above) */
		if (is_w(&c->t[i - 1]) && apos_tail(c, i - 1, "re"))
			return v;
		if (c->t[i].end - c->t[i].start <= 3 ||
		    strncmp(c->text + c->t[i].end - 3, "ing", 3) != 0)
			return -1;
		/* ", adding that" */
		if (is_p(&c->t[i - 1], ','))
			return v | FLAG('g');
		/* "with Sen. Jane Doe calling it": a name's clause */
		{
			size_t k = i;
			while (k > 0 && k + 6 > i &&
			       ((is_w(&c->t[k - 1]) &&
			         (c->t[k - 1].flags & TF_CAP)) ||
			        inner_dot(c, k - 1)))
				k--;
			static const char *const media[] = {
				"footage", "video", "clip", "audio",
				"recording", "tape", "photo"};
			if (k > 0 && k < i && (c->t[k].flags & TF_CAP) &&
			    (wordeq(c, k - 1, "with") ||
			     /* "footage of Hillary Clinton asking" */
			     (k > 1 && wordeq(c, k - 1, "of") &&
			      word_in(c, k - 2, media,
			              QUOTH_ARRAY_LEN(media)))))
				return v;
		}
		return -1;
	}
	return v;
}

/* Adverbs and auxiliaries allowed between a speaker and the cue. */
static bool
is_filler(const actx *c, size_t i)
{
	static const char *const fill[] = {
		"also", "later", "then", "previously", "recently", "once",
		"has", "had", "have", "would", "will", "again", "further",
		"simply", "only", "just", "repeatedly", "often", "always",
		"publicly", "privately", "earlier", "reportedly", "allegedly",
		"told", "is", "was", "were", "are", "did", "does", "not",
		"still", "even", "never"};
	static const char *const days[] = {
		"monday", "tuesday", "wednesday", "thursday", "friday",
		"saturday", "sunday"};
	size_t n;

	if (i >= c->n || !is_w(&c->t[i]))
		return false;
	/* "Priebus later Thursday told Fox News" */
	if (c->t[i].flags & TF_CAP)
		return word_in(c, i, days, QUOTH_ARRAY_LEN(days));
	if (word_in(c, i, fill, QUOTH_ARRAY_LEN(fill)))
		return true;
	n = c->t[i].end - c->t[i].start;
	return n > 4 && strncmp(c->text + c->t[i].end - 2, "ly", 2) == 0;
}

/* Name particles inside a name: Ursula von der Leyen, Fouzia Al Hashish. */
static bool
is_particle(const actx *c, size_t i)
{
	static const char *const part[] = {"de", "van", "von", "der", "da",
	                                   "du", "di", "la", "le", "bin",
	                                   "al", "del", "dos", "ter"};
	return word_in(c, i, part, QUOTH_ARRAY_LEN(part));
}

/* Does token i end in an apostrophe (' or ’) and `tail`, with a letter
 * before the apostrophe? */
static bool
apos_tail(const actx *c, size_t i, const char *tail)
{
	const token *p = &c->t[i];
	size_t tl = strlen(tail), n = p->end - p->start;

	if (n < tl + 2 || memcmp(c->text + p->end - tl, tail, tl) != 0)
		return false;
	return c->text[p->end - tl - 1] == '\'' ||
	       (n >= tl + 4 &&
	        memcmp(c->text + p->end - tl - 3, "\xe2\x80\x99", 3) == 0);
}

/* The length of word i before its apostrophe (' or ’) and `tail`; the
 * caller has checked apos_tail(). */
static size_t
apos_stem(const actx *c, size_t i, const char *tail)
{
	const token *t = &c->t[i];
	size_t tl = strlen(tail);

	return t->end - t->start - tl -
	       (c->text[t->end - tl - 1] == '\'' ? 1 : 3);
}

/* Does word i end in a contraction: I've, We're, I'm, I'd, I'll, and
 * "is" after a pronoun: It's, That's, There's? */
static bool
contraction(const actx *c, size_t i)
{
	static const char *const tail[] = {"ve", "re", "m", "d", "ll"};
	static const char *const is_after[] = {
		"it", "that", "there", "here", "what", "who", "he", "she",
		"let", "where", "this"};
	size_t k, n;

	for (k = 0; k < QUOTH_ARRAY_LEN(tail); k++)
		if (apos_tail(c, i, tail[k]))
			return true;
	if (!apos_tail(c, i, "s"))
		return false;
	n = apos_stem(c, i, "s");
	for (k = 0; k < QUOTH_ARRAY_LEN(is_after); k++)
		if (strlen(is_after[k]) == n &&
		    strncasecmp(c->text + c->t[i].start, is_after[k], n) == 0)
			return true;
	return false;
}

/* The pronoun flags of a subject pronoun contracted with its auxiliary
 * ("He's", "She’s", "They're", "We've"), or -1. */
static int
pronoun_contracted(const actx *c, size_t i)
{
	static const char *const tail[] = {"s", "re", "ve", "ll", "d", "m"};
	const token *t = &c->t[i];
	char stem[8];
	size_t k, n, m;
	int v;

	for (k = 0; k < QUOTH_ARRAY_LEN(tail); k++) {
		if (!apos_tail(c, i, tail[k]))
			continue;
		n = apos_stem(c, i, tail[k]);
		if (n == 0 || n >= sizeof(stem))
			return -1;
		for (m = 0; m < n; m++) {
			char ch = c->text[t->start + m];
			stem[m] = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
		}
		v = lexicon_get(c->ld->lex[LEX_PRONOUNS], stem, n);
		/* (only subjects: not "his's") */
		if (v < 0 || (v & (FLAG('o') | FLAG('x'))))
			return -1;
		return v;
	}
	return -1;
}

/* "He's", "she's": a person's pronoun and "has" or "is", no possessive. */
static bool
he_she_has(const actx *c, size_t i)
{
	int v = pronoun_contracted(c, i);

	return v >= 0 && (v & (FLAG('m') | FLAG('f'))) && apos_tail(c, i, "s");
}

/* Does word i end in a possessive 's (’s)? */
static bool
possessive(const actx *c, size_t i)
{
	return is_w(&c->t[i]) && apos_tail(c, i, "s");
}

/*
 * A capitalised word that opens its sentence (or follows a break or a
 * dash) and is no name the article knows, but a word it also writes in
 * lowercase ("Guns", "Early", "Based") or one read as an adverb or a
 * participle ("Hastily", "Horrified", "Appearing").  Such a word starts
 * no speaker.
 */
static bool
common_opener(actx *c, size_t i)
{
	const token *t = &c->t[i];
	size_t n = t->end - t->start, e;

	if (!is_w(t) || !(t->flags & TF_CAP) || (t->flags & TF_ALLCAP) ||
	    possessive(c, i))
		return false;
	if (i > 0 && c->t[i - 1].sent == t->sent &&
	    !is_break_tok(&c->t[i - 1]) && !is_dash(&c->t[i - 1]))
		return false;
	/* (a run goes on: "New Hampshire", "White House") */
	for (e = i + 1; e < c->n && e < i + 4 && is_w(&c->t[e]) &&
	                (c->t[e].flags & TF_CAP);
	     e++)
		;
	if (e > i + 1)
		return false;
	/* written in lowercase too, or an adverb or a participle (the
	 * cheap tests first: this runs for many words) */
	if (!(c->lower &&
	      lexicon_get_tokens(c->lower, c->text, c->t, i, i + 1) >= 0) &&
	    !(n >= 5 && (memcmp(c->text + t->end - 2, "ly", 2) == 0 ||
	                 memcmp(c->text + t->end - 3, "ing", 3) == 0 ||
	                 memcmp(c->text + t->end - 2, "ed", 2) == 0)))
		return false;
	/* (a name before its cue, appositive or parenthesis: "Beijing
	 * said", "Brown, a farmer,", "Kelly (D) said"; but "Conversely,
	 * Trump said") */
	if (i + 1 < c->n && (cue_at(c, i + 1) >= 0 ||
	                     is_p(&c->t[i + 1], '(') ||
	                     (is_p(&c->t[i + 1], ',') && i + 2 < c->n &&
	                      np_det(c, i + 2) &&
	                      memcmp(c->text + t->end - 2, "ly", 2) != 0)))
		return false;
	return entity_find(c, i, i + 1) < 0 &&
	       lex(c, LEX_ORGS, i, i + 1) < 0 &&
	       lex(c, LEX_TITLES, i, i + 1) < 0 &&
	       lex(c, LEX_HONORIFICS, i, i + 1) < 0;
}

/* Is token i in a dateline that opens its paragraph: "WASHINGTON (AP)
 * --", "BEIRUT --", "ORLANDO, Fla. (UPI) --": a word in capitals, then
 * capitalised words up to a parenthesis or a dash? */
static bool
dateline(const actx *c, size_t i)
{
	size_t p = i, k;

	while (p > 0 && i - p < 6 && !is_break_tok(&c->t[p - 1]))
		p--;
	if ((p > 0 && !is_break_tok(&c->t[p - 1])) ||
	    !(c->t[p].flags & TF_ALLCAP))
		return false;
	for (k = p; k < c->n && k < p + 8; k++) {
		const token *t = &c->t[k];
		if ((is_w(t) && (t->flags & (TF_ALLCAP | TF_CAP))) ||
		    t->kind == TK_NUM || is_p(t, ',') || is_p(t, '.'))
			continue; /* ("WASHINGTON, Dec. 8") */
		if (is_p(t, '(')) {
			/* "(AP) --", "(Reuters) -": the agency is part of
			 * it (one capitalised word, then the dash; not "Sen.
			 * Ted Cruz (R-Texas) said") */
			return k + 3 < c->n && is_w(&c->t[k + 1]) &&
			       (c->t[k + 1].flags & (TF_ALLCAP | TF_CAP)) &&
			       is_p(&c->t[k + 2], ')') && is_dash(&c->t[k + 3]) &&
			       i <= k + 2;
		}
		return i < k && is_dash(t);
	}
	return false;
}

/* ---- entities ---------------------------------------------------------- */

static char *
span_text(const actx *c, size_t a, size_t b, size_t *len)
{
	qbuf q = {0};
	size_t i;

	for (i = a; i < b; i++) {
		if (i > a && (c->t[i].flags & TF_SPACE_BEFORE))
			qbuf_putc(&q, ' ');
		qbuf_put_utf8(&q, c->text + c->t[i].start,
		              c->t[i].end - c->t[i].start);
	}
	if (q.failed || !q.ptr) {
		qbuf_free(&q);
		return NULL;
	}
	/* drop a possessive 's */
	if (q.len > 2 && q.ptr[q.len - 1] == 's' && q.ptr[q.len - 2] == '\'')
		q.len -= 2;
	else if (q.len > 4 && q.ptr[q.len - 1] == 's' &&
	         memcmp(q.ptr + q.len - 4, "\xe2\x80\x99", 3) == 0)
		q.len -= 4;
	q.ptr[q.len] = '\0';
	*len = q.len;
	return q.ptr;
}

static entity *
ent_at(const actx *c, int e)
{
	return e >= 0 ? QVEC_AT(&c->ents, entity, (size_t)e) : NULL;
}

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

/* The known entity named by words [a, b): the same name, or the surname
 * of a fuller one; -1 when none. */
static int
entity_find(actx *c, size_t a, size_t b)
{
	size_t len, i, wl, ewl, fl;
	char *name = span_text(c, a, b, &len);
	const char *lw, *fw;
	int found = -1;

	if (!name)
		return -1;
	lw = last_word(name, len, &wl);
	fw = first_word(name, len, &fl);
	for (i = c->ents.len; i-- > 0 && i + ENTITY_WINDOW > c->ents.len;) {
		entity *e = QVEC_AT(&c->ents, entity, i);
		const char *elw = last_word(e->name, e->name_len, &ewl);
		size_t efl;
		if (e->name_len == len && memcmp(e->name, name, len) == 0) {
			found = (int)i;
			break;
		}
		if (ewl != wl || memcmp(elw, lw, wl) != 0)
			continue;
		/* the same surname: a surname alone is that person, but
		 * "Hillary Clinton" is not "Bill Clinton" */
		first_word(e->name, e->name_len, &efl);
		if (!strchr(name, ' ') || !strchr(e->name, ' ') ||
		    (efl == fl && memcmp(e->name, fw, fl) == 0)) {
			found = (int)i;
			break;
		}
	}
	if (found < 0 && !strchr(name, ' '))
		found = first_name_match(c, name, len);
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

	for (i = c->ents.len; i-- > 0 && i + ENTITY_WINDOW > c->ents.len;) {
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
add_role(entity *e, const char *title, size_t len)
{
	qbuf f = {0};
	char *r;

	text_fold(&f, title, len);
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
	}
	qbuf_free(&f);
}

/* Find or add the entity for the name words [a, b). */
static int
entity_for(actx *c, size_t a, size_t b, const char *title, size_t title_len,
           int gender, bool org)
{
	size_t len, i, wl, ewl;
	char *name = span_text(c, a, b, &len);
	const char *lw;
	entity *e;
	int best = -1;
	bool single;

	if (!name) {
		c->failed = true;
		return -1;
	}
	single = strchr(name, ' ') == NULL;
	lw = last_word(name, len, &wl);
	/* exact name, or a surname / first-name-only reference to a fuller one
	 * (among the latest ENTITY_WINDOW entities: lookbacks stay bounded) */
	for (i = c->ents.len; i-- > 0 && i + ENTITY_WINDOW > c->ents.len;) {
		const char *elw;
		e = QVEC_AT(&c->ents, entity, i);
		if (e->org != org)
			continue;
		if (e->name_len == len && memcmp(e->name, name, len) == 0) {
			best = (int)i;
			break;
		}
		elw = last_word(e->name, e->name_len, &ewl);
		if (single && ewl == wl && memcmp(elw, lw, wl) == 0) {
			/* a surname alone: the fuller name was a person;
			 * of two Greenspans, the one the story is about
			 * (named most so far) */
			if (best < 0 ||
			    e->nment > ent_at(c, best)->nment)
				best = (int)i;
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
			free(e->name);
			e->name = name;
			e->name_len = len;
			name = NULL;
			best = (int)i;
			break;
		}
	}
	if (best >= 0 && single && strchr(ent_at(c, best)->name, ' ') &&
	    !org && !ent_at(c, best)->org)
		QVEC_AT(&c->ents, entity, (size_t)best)->person = true;
	if (best < 0 && single && !org)
		best = first_name_match(c, name, len);
	if (best < 0) {
		e = qvec_push(&c->ents);
		if (!e) {
			free(name);
			c->failed = true;
			return -1;
		}
		e->name = name;
		e->name_len = len;
		e->org = org;
		e->first_multi = QUOTH_NONE;
		name = NULL;
		best = (int)c->ents.len - 1;
	}
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
		add_role(e, title, title_len);
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
	e = QVEC_AT(&c->ents, entity, (size_t)ent);
	if (e->nment++ == 0)
		e->first_tok = tok;
	if (e->first_multi == QUOTH_NONE && end > tok + 1 &&
	    words_in(c, tok, end - 1) >= 2)
		e->first_multi = tok;
}

/* "who", "which", "whose": a relative clause, not an apposition ("Golden,
 * who had another son," says nothing of Golden's gender). */
static bool
rel_word(const actx *c, size_t k)
{
	return wordeq(c, k, "who") || wordeq(c, k, "which") ||
	       wordeq(c, k, "whose") || wordeq(c, k, "where") ||
	       wordeq(c, k, "that") || wordeq(c, k, "when");
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
static int
apposition_kind(const actx *c, size_t b)
{
	size_t k;

	if (b + 2 >= c->n || !is_p(&c->t[b], ','))
		return 0;
	if (c->t[b + 1].kind == TK_NUM &&
	    (is_p(&c->t[b + 2], ',') || is_p(&c->t[b + 2], '.') ||
	     is_break_tok(&c->t[b + 2])))
		return 1;
	if (!np_det(c, b + 1))
		return 0;
	for (k = b + 2; k < c->n && k < b + 8 && is_w(&c->t[k]) &&
	                !c->inq[k] && !is_prep(c, k) && !wordeq(c, k, "of") &&
	                !rel_word(c, k);
	     k++)
		;
	if (k == b + 2)
		return 0;
	if (lex(c, LEX_ORGS, k - 1, k) >= 0 && lex(c, LEX_TITLES, k - 1, k) < 0)
		return -1;
	if (lex(c, LEX_TITLES, k - 1, k) >= 0)
		return 1;
	return 0;
}

static void
person_signals(actx *c, size_t a, size_t na, size_t b, entity *e)
{
	static const char *const place[] = {"the", "in", "at", "near", "across", "outside",
	                                    "inside", "throughout", "within"};
	/* "in Antigonish", "the New Democrats said"; but "the Clinton
	 * campaign" is a person's campaign: after "the", a lowercase word
	 * must be a verb-like one (a cue, an auxiliary, "-ed") */
	bool head = b >= c->n || !is_w(&c->t[b]) || (c->t[b].flags & TF_CAP) ||
	            cue_at(c, b) >= 0 || is_filler(c, b) ||
	            (c->t[b].end - c->t[b].start > 3 &&
	             memcmp(c->text + c->t[b].end - 2, "ed", 2) == 0);

	if (possessive(c, b - 1))
		head = false;
	if (na == a && a > 0 && word_in(c, a - 1, place, QUOTH_ARRAY_LEN(place)) &&
	    !possessive(c, b - 1) && c->t[a - 1].sent == c->t[a].sent &&
	    (!wordeq(c, a - 1, "the") || head)) {
		e->nonperson = true;
		if (!wordeq(c, a - 1, "the"))
			e->place = true;
	}
	/* "The Forecaddie" opening a sentence (no title in between) */
	if (na == a + 1 && wordeq(c, a, "the") && head)
		e->nonperson = true;
	switch (apposition_kind(c, b)) {
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
		if (!is_w(&c->t[j]) || c->inq[j] || possessive(c, j))
			return i;
		/* (lowercase: "the Republican", "the GOP" name parties) */
		if ((c->t[j].flags & TF_CAP) || cue_at(c, j) >= 0)
			return i;
		tv = lex(c, LEX_TITLES, j, j + 1);
		if (tv >= 0 && !(tv & FLAG('g')))
			break;
	}
	if (j >= c->n || j >= i + 4)
		return i;
	j++;
	/* "the mayor Tom Baker", "the minister of finance", "the
	 * minister's office": not the role alone */
	if (j < c->n && ((is_w(&c->t[j]) && (c->t[j].flags & TF_CAP)) ||
	                 wordeq(c, j, "of") || wordeq(c, j, "for") ||
	                 possessive(c, j - 1)))
		return i;
	/* the words after "the" and any "former" */
	for (k = i + 1; k < j - 1 && (wordeq(c, k, "former") ||
	                               wordeq(c, k, "new"));
	     k++)
		;
	e = entity_by_role_words(c, k, j, true);
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
	int v = lex(c, LEX_TITLES, k, k + 1);
	size_t p = k - 1;

	if (k == 0 || v < 0 || !(v & FLAG('s')))
		return false;
	/* (over an initial: Peter T. King) */
	if (is_p(&c->t[p], '.') && p >= 2 && c->t[p - 1].end -
	    c->t[p - 1].start == 1)
		p -= 2;
	return is_w(&c->t[p]) && (c->t[p].flags & TF_CAP) &&
	       lex(c, LEX_TITLES, p, p + 1) < 0 &&
	       lex(c, LEX_HONORIFICS, p, p + 1) < 0;
}

/*
 * Is the capitalised run [a, b) a piece of a headline in title case
 * ("Christie Is Over Marco Rubio", "Obama Says It Will ...")?  A
 * function word or a present-tense cue written with a capital inside the
 * run never belongs to a name; its words cannot be told apart into names.
 */
static bool
headline_run(const actx *c, size_t a, size_t b)
{
	static const char *const fw[] = {
	        "the", "of", "and", "or", "in", "on", "at", "for", "with",
	        "from", "by", "about", "over", "into", "after", "than", "is",
	        "are", "was", "were", "be", "been", "has", "have", "had",
	        "does", "did", "not", "can", "could", "should", "would", "he",
	        "she", "they", "his", "her", "their", "its", "we", "you",
	        "why", "what", "how", "who", "that", "this", "but", "just"};
	size_t k;

	for (k = a + 1; k < b; k++) {
		int v;
		/* (all in capitals, "NOT" and "OVER" are just words) */
		if (!is_w(&c->t[k]) || !(c->t[k].flags & TF_CAP) ||
		    (c->t[k].flags & TF_ALLCAP))
			continue;
		if (word_in(c, k, fw, QUOTH_ARRAY_LEN(fw)))
			return true;
		v = lex(c, LEX_CUES, k, k + 1);
		if (v >= 0 && (v & FLAG('p')))
			return true;
	}
	return false;
}

/*
 * Scan the text outside quotes for person names: runs of capitalised
 * words, with any titles and honorifics before them split off as the
 * title ("US Defence Secretary Pete Hegseth": name "Pete Hegseth").
 */
static void
collect_entities(actx *c)
{
	size_t i = 0, n = c->n;

	while (i < n) {
		size_t a, b, na, k;
		int gender = 0, hv;
		bool org = false;
		const char *ttl = NULL;
		size_t ttl_len = 0;
		char *tbuf = NULL;

		k = role_mention(c, i);
		if (k > i) {
			i = k;
			continue;
		}
		if (!is_w(&c->t[i]) || !(c->t[i].flags & TF_CAP) || c->inq[i]) {
			i++;
			continue;
		}
		/* the run of capitalised words, honorifics with their dot,
		 * initials and particles */
		a = i;
		b = i;
		while (b < n) {
			if (is_w(&c->t[b]) && (c->t[b].flags & TF_CAP) &&
			    !c->inq[b] &&
			    (b == a || c->t[b].flags & TF_SPACE_BEFORE ||
			     is_p(&c->t[b - 1], '.'))) {
				b++;
				if (possessive(c, b - 1))
					break; /* Washington's NATO allies */
				continue;
			}
			if (b > a && is_p(&c->t[b], '.') &&
			    !(c->t[b].flags & TF_SPACE_BEFORE) &&
			    (c->t[b - 1].end - c->t[b - 1].start <= 4) &&
			    b + 1 < n && is_w(&c->t[b + 1]) &&
			    (c->t[b + 1].flags & TF_CAP) &&
			    c->t[b].sent == c->t[b + 1].sent) {
				b++;
				continue;
			}
			/* Secretary of Defense Pete Hegseth: "of" after a
			 * title word stays in the run */
			if (b > a && (wordeq(c, b, "of") || wordeq(c, b, "for")) &&
			    lex(c, LEX_TITLES, b - 1, b) >= 0 && b + 1 < n &&
			    is_w(&c->t[b + 1]) && (c->t[b + 1].flags & TF_CAP) &&
			    /* (not "Peter King of New York") */
			    !(b > a + 1 && surname_title(c, b - 1))) {
				b++;
				continue;
			}
			/* "the Department of Community Services", "the
			 * National Institute on Drug Abuse": after an
			 * organisation word, one name */
			if (b > a && (wordeq(c, b, "of") || wordeq(c, b, "on") ||
			              wordeq(c, b, "for")) &&
			    lex(c, LEX_ORGS, b - 1, b) >= 0 && b + 1 < n &&
			    is_w(&c->t[b + 1]) && (c->t[b + 1].flags & TF_CAP) &&
			    !c->inq[b + 1] && c->t[b + 1].sent == c->t[b].sent &&
			    /* (the Council on Friday) */
			    lex(c, LEX_NONNAMES, b + 1, b + 2) < 0) {
				b++;
				continue;
			}
			if (b > a && is_particle(c, b) && b + 1 < n &&
			    is_w(&c->t[b + 1]) && ((c->t[b + 1].flags & TF_CAP) ||
			                           is_particle(c, b + 1))) {
				b++;
				continue;
			}
			break;
		}
		i = b;
		if (headline_run(c, a, b))
			continue;
		/* leading words that are not names: sentence-initial "But",
		 * titles, honorifics, and words of organisation names */
		na = a;
		while (na < b) {
			size_t w, best = 0;
			if (is_p(&c->t[na], '.')) {
				na++;
				continue;
			}
			hv = lex(c, LEX_HONORIFICS, na, na + 1);
			if (hv >= 0) {
				if (hv & FLAG('m'))
					gender = G_MALE;
				if (hv & FLAG('f'))
					gender = G_FEMALE;
				na++;
				continue;
			}
			for (w = 4; w >= 1; w--)
				if (na + w <= b && lex(c, LEX_TITLES, na, na + w) >= 0) {
					best = w;
					break;
				}
			/* "Mr. King", "Ms. Baker": after an honorific a
			 * title that is also a surname is the name */
			if (best == 1 && na > a &&
			    (lex(c, LEX_TITLES, na, na + 1) & FLAG('s')) &&
			    (lex(c, LEX_HONORIFICS, na - 1, na) >= 0 ||
			     (is_p(&c->t[na - 1], '.') && na - 1 > a &&
			      lex(c, LEX_HONORIFICS, na - 2, na - 1) >= 0)))
				break;
			if (best) {
				int tv = lex(c, LEX_TITLES, na, na + best);
				if (tv & FLAG('m'))
					gender = G_MALE;
				if (tv & FLAG('f'))
					gender = G_FEMALE;
				na += best;
				/* ... of Defense, for Health: part of it */
				if (na + 1 < b && (wordeq(c, na, "of") ||
				                   wordeq(c, na, "for")))
					na += 2;
				continue;
			}
			if (lex(c, LEX_NONNAMES, na, na + 1) >= 0 ||
			    lex(c, LEX_PRONOUNS, na, na + 1) >= 0 ||
			    lex(c, LEX_CUES, na, na + 1) >= 0) {
				na++;
				continue;
			}
			/* a title word in lowercase data may still lead
			 * (US, Canadian): keep them as title if a title
			 * follows later in the run */
			for (k = na + 1; k < b; k++)
				if (lex(c, LEX_TITLES, k, k + 1) >= 0 ||
				    lex(c, LEX_HONORIFICS, k, k + 1) >= 0)
					break;
			if (k < b && b - k > 1 &&
			    (lex(c, LEX_TITLES, b - 1, b) < 0 ||
			     surname_title(c, b - 1))) {
				na = k;
				continue;
			}
			break;
		}
		/* a photo credit run into a name: "Getty Images Kevin
		 * Vickers", "The Canadian Press Kevin Vickers" */
		for (k = b; k > na + 1; k--)
			if (lex(c, LEX_ORGS, k - 1, k) >= 0) {
				/* (not "Department of Transportation") */
				if (b - k >= 2 && !wordeq(c, k, "of") &&
				    !wordeq(c, k, "on") && !wordeq(c, k, "for"))
					na = k;
				break;
			}
		/* organisation words anywhere make it an organisation, and
		 * so do acronyms alone (NATO, FBI) */
		for (k = na; k < b; k++)
			if (lex(c, LEX_ORGS, k, k + 1) >= 0)
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
		       (lex(c, LEX_TITLES, b - 1, b) >= 0 ||
		        is_p(&c->t[b - 1], '.'))) {
			if (b > na + 1 && surname_title(c, b - 1))
				break;
			b--;
		}
		while (b > na && is_p(&c->t[b - 1], '.'))
			b--;
		if (na >= b)
			continue;
		/* single words at a sentence start are too often not names:
		 * they only refer to a name seen before */
		if (b - na == 1 && na == a && !org &&
		    (na == 0 || c->t[na - 1].sent != c->t[na].sent ||
		     is_break_tok(&c->t[na - 1])) &&
		    gender == 0 &&
		    /* ("Roman, a resident of the area, said": a name) */
		    apposition_kind(c, b) <= 0 &&
		    /* ('"Q!" Cruz said': the speaker of the quote) */
		    !(na > 0 && c->t[na - 1].kind == TK_QUOTE &&
		      !is_break_tok(&c->t[na - 1]) && cue_at(c, b) >= 0 &&
		      (cue_at(c, b) & FLAG('i')))) {
			add_mention(c, na, b, entity_find(c, na, b));
			continue;
		}
		/* the title: the words before the name in the run, or a
		 * lowercase title phrase right before it ("defence minister
		 * Boris Pistorius") */
		if (na > a) {
			size_t ta = a;
			/* (an acronym like US stays: "us" is a non-name) */
			while (ta < na &&
			       ((lex(c, LEX_NONNAMES, ta, ta + 1) >= 0 &&
			         !(c->t[ta].flags & TF_ALLCAP)) ||
			        lex(c, LEX_HONORIFICS, ta, ta + 1) >= 0))
				ta++;
			if (ta < na && lex(c, LEX_TITLES, na - 1, na) >= 0) {
				tbuf = span_text(c, ta, na, &ttl_len);
				ttl = tbuf;
			}
		} else if (a >= 1) {
			size_t w;
			for (w = 3; w >= 1; w--)
				if (a >= w && lex(c, LEX_TITLES, a - w, a) >= 0) {
					int tv = lex(c, LEX_TITLES, a - w, a);
					size_t t0 = a - w;
					/* "then-Surrey mayoral candidate": the
					 * modifiers belong to the title */
					while (t0 > 0 && a - t0 < 6 &&
					       is_w(&c->t[t0 - 1]) &&
					       !c->inq[t0 - 1] &&
					       c->t[t0 - 1].sent == c->t[a].sent &&
					       lex(c, LEX_NONNAMES, t0 - 1, t0) < 0 &&
					       lex(c, LEX_PRONOUNS, t0 - 1, t0) < 0 &&
					       cue_at(c, t0 - 1) < 0 &&
					       !is_filler(c, t0 - 1) &&
					       !possessive(c, t0 - 1))
						t0--;
					tbuf = span_text(c, t0, a, &ttl_len);
					ttl = tbuf;
					/* "her husband Michael": he */
					if (tv & FLAG('m'))
						gender = G_MALE;
					if (tv & FLAG('f'))
						gender = G_FEMALE;
					break;
				}
		}
		/* "Michael Greenspan, her husband,": the apposition's title
		 * shows the gender */
		if (!gender && !org && b + 2 < n && is_p(&c->t[b], ',') &&
		    !rel_word(c, b + 1)) {
			size_t q2;
			for (q2 = b + 1; q2 < n && q2 < b + 5 && is_w(&c->t[q2]);
			     q2++) {
				int tv = lex(c, LEX_TITLES, q2, q2 + 1);
				if (tv < 0)
					continue;
				if ((tv & FLAG('m')) && !(tv & FLAG('g')))
					gender = G_MALE;
				if ((tv & FLAG('f')) && !(tv & FLAG('g')))
					gender = G_FEMALE;
				break;
			}
		}
		{
			int e = entity_for(c, na, b, ttl, ttl_len, gender, org);
			add_mention(c, na, b, e);
			if (e >= 0 && !org)
				person_signals(c, a, na, b, ent_at(c, e));
		}
		free(tbuf);
	}
}

/* Does another entity named before token `tok` share entity e's last
 * word (Donald and Ivanka Trump)? */
static bool
surname_shared(const actx *c, int e, size_t tok)
{
	const entity *x = ent_at(c, e);
	size_t i, wl, ewl;
	const char *lw = last_word(x->name, x->name_len, &wl);

	for (i = c->ents.len; i-- > 0 && i + ENTITY_WINDOW > c->ents.len;) {
		const entity *y = QVEC_AT(&c->ents, entity, i);
		const char *elw;
		if ((int)i == e || y->org || y->first_tok >= tok)
			continue;
		elw = last_word(y->name, y->name_len, &ewl);
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
static void
gender_evidence(actx *c)
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
		if (e->org || possessive(c, m->end - 1) ||
		    (!e->person && e->first_multi == QUOTH_NONE))
			continue;
		/* "Trump said he" with two Trumps in the story: whose? */
		if (words_in(c, m->tok, m->end - 1) < 2 &&
		    surname_shared(c, m->ent, m->tok))
			continue;
		while (j < c->n && j < m->end + 3 && is_filler(c, j) &&
		       cue_at(c, j) < 0)
			j++;
		v = cue_at(c, j);
		if (v < 0 || (v & FLAG('o')))
			continue;
		j += cue_len(c, j);
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

/* ---- speaker phrases ---------------------------------------------------- */

static bool
has_cap_word(const actx *c, size_t a, size_t b)
{
	size_t k;

	for (k = a; k < b; k++)
		if (is_w(&c->t[k]) && (c->t[k].flags & TF_CAP))
			return true;
	return false;
}


/* Index of the first mention at or after token a (mentions are in
 * token order). */
static size_t
first_mention(const actx *c, size_t a)
{
	size_t lo = 0, hi = c->ments.len;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (QVEC_AT(&c->ments, mention_rec, mid)->tok < a)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static int
entity_by_mention_tok(const actx *c, size_t a, size_t b)
{
	size_t k = first_mention(c, a);

	if (k < c->ments.len && QVEC_AT(&c->ments, mention_rec, k)->tok < b)
		return QVEC_AT(&c->ments, mention_rec, k)->ent;
	return -1;
}

/* Does the folded role phrase f end one of e's titles, from a word
 * start ("mayor" of "Surrey Mayor", not of "vice-mayor" or "mayoral
 * candidate")?  With `inside`, it may also be any word's start. */
static bool
role_of(const entity *e, const char *f, size_t fl, bool inside)
{
	const char *p;

	if (!e->roles || !fl)
		return false;
	for (p = strstr(e->roles, f); p; p = strstr(p + 1, f))
		if ((p == e->roles || p[-1] == ' ' || p[-1] == '|') &&
		    (inside || p[fl] == '|'))
			return true;
	return false;
}

/* The newest entity the article gave a title with the words [a, b) in
 * it; with `unique`, -1 when two different ones have such a title. */
static int
entity_by_role_words(const actx *c, size_t a, size_t b, bool unique)
{
	char *ph;
	size_t len, k;
	qbuf f = {0};
	int found = -1;

	ph = span_text(c, a, b, &len);
	if (!ph)
		return -1;
	text_fold(&f, ph, len);
	free(ph);
	if (f.failed || !f.ptr) {
		qbuf_free(&f);
		return -1;
	}
	for (k = c->ents.len; k-- > 0 && k + ENTITY_WINDOW > c->ents.len;) {
		const entity *e = ent_at(c, (int)k);
		if (!role_of(e, f.ptr, f.len, true))
			continue;
		if (found < 0) {
			found = (int)k;
			if (!unique)
				break;
		} else {
			found = -1;
			break;
		}
	}
	qbuf_free(&f);
	return found;
}

/* Party labels before a role ("the Democratic front-runner"), by party:
 * bit 1 Republican, bit 2 Democratic, bit 4 any other. */
static int
party_bits(const char *w, size_t n)
{
	static const struct {
		const char *w;
		int bit;
	} pl[] = {{"republican", 1}, {"gop", 1},      {"democratic", 2},
	          {"democrat", 2},   {"libertarian", 4}, {"green", 4},
	          {"independent", 4}};
	size_t k;

	for (k = 0; k < QUOTH_ARRAY_LEN(pl); k++)
		if (strlen(pl[k].w) == n && strncasecmp(w, pl[k].w, n) == 0)
			return pl[k].bit;
	return 0;
}

/* The parties named by capitalised words in [a, b). */
static int
party_of(const actx *c, size_t a, size_t b)
{
	size_t k;
	int bits = 0;

	for (k = a; k < b; k++)
		if (is_w(&c->t[k]) && (c->t[k].flags & TF_CAP))
			bits |= party_bits(c->text + c->t[k].start,
			                   c->t[k].end - c->t[k].start);
	return bits;
}

/* Did the article title e with a party other than those in bits, and
 * with none of them? */
static bool
other_party(const entity *e, int bits)
{
	const char *p = e->roles;
	int seen = 0;

	if (!p || !bits)
		return false;
	while (*p) {
		size_t n = strcspn(p, " |");
		seen |= party_bits(p, n);
		p += n;
		if (*p)
			p++;
	}
	return (seen & ~bits) && !(seen & bits);
}

/* The entity the article gave a title containing the head noun at i. */
static int
entity_by_role(const actx *c, size_t head)
{
	return entity_by_role_words(c, head, head + 1, false);
}

/*
 * Parse a speaker phrase starting at token i, reading forward; returns the
 * index after it or i when there is none.
 */
static size_t parse_speaker_at(actx *c, size_t i, speaker *sp,
                               int last_speaker);

/* parse_speaker_at() with a bound on its recursion ("former former
 * former ...", "A's B's C's ..."): deeper chains are no speaker. */
static size_t
parse_speaker_fwd(actx *c, size_t i, speaker *sp, int last_speaker)
{
	size_t m;

	if (c->depth >= 4) {
		memset(sp, 0, sizeof(*sp));
		sp->ent = -1;
		return i;
	}
	c->depth++;
	m = parse_speaker_at(c, i, sp, last_speaker);
	c->depth--;
	return m;
}

static size_t
parse_speaker_at(actx *c, size_t i, speaker *sp, int last_speaker)
{
	size_t j, end;
	int v;

	memset(sp, 0, sizeof(*sp));
	sp->ent = -1;
	if (i >= c->n || !is_w(&c->t[i]) || c->inq[i])
		return i;
	v = lex(c, LEX_PRONOUNS, i, i + 1);
	if (v < 0)
		v = pronoun_contracted(c, i); /* "He's claiming" */
	/* (a possessive opens a described speaker: "my father", "his
	 * wife") */
	if (v >= 0 && !((v & (FLAG('o') | FLAG('x'))) && np_det(c, i))) {
		if (v & (FLAG('o') | FLAG('x')))
			return i;
		sp->kind = SK_PRONOUN;
		sp->a = i;
		sp->b = i + 1;
		sp->gender = (v & FLAG('m')) ? G_MALE
		             : (v & FLAG('f')) ? G_FEMALE : 0;
		if ((v & FLAG('n')) && (v & FLAG('s')))
			sp->gender = G_THING; /* it: resolved in the 2nd pass */
		if (v & FLAG('p') || v & FLAG('n'))
			sp->ent = -1; /* they, it: no person */
		else
			sp->ent = -1; /* resolved in resolve_in_order() */
		return i + 1;
	}
	/* "Former premier Brian Gallant", "then-candidate": the speaker
	 * after the time word */
	if ((wordeq(c, i, "former") || wordeq(c, i, "then") ||
	     wordeq(c, i, "outgoing") || wordeq(c, i, "incoming") ||
	     wordeq(c, i, "acting") || wordeq(c, i, "interim") ||
	     wordeq(c, i, "late")) && i + 1 < c->n) {
		size_t m = parse_speaker_fwd(c, i + 1, sp, last_speaker);
		if (m > i + 1) {
			sp->a = i;
			return m;
		}
		memset(sp, 0, sizeof(*sp));
		sp->ent = -1;
		return i;
	}
	/* "Trudeau's office", "McCallum's staff": a group of the person */
	if ((c->t[i].flags & TF_CAP) && possessive(c, i) &&
	    person_group(c, i + 1)) {
		sp->a = i;
		sp->b = i + 2;
		sp->kind = SK_ORG;
		return i + 2;
	}
	/* "Vancouver's Bo Horvat": the name after the possessive */
	if ((c->t[i].flags & TF_CAP) && possessive(c, i) && i + 1 < c->n &&
	    is_w(&c->t[i + 1]) && (c->t[i + 1].flags & TF_CAP)) {
		size_t m = parse_speaker_fwd(c, i + 1, sp, last_speaker);
		if (m > i + 1 && sp->kind == SK_NAME)
			return m;
		memset(sp, 0, sizeof(*sp));
		sp->ent = -1;
	}
	/* a name run, with titles before it ("I've" is none) */
	if ((c->t[i].flags & TF_CAP) && lex(c, LEX_NONNAMES, i, i + 1) < 0 &&
	    !contraction(c, i) && !common_opener(c, i) && !dateline(c, i)) {
		j = i;
		while (j < c->n && j < i + 8 &&
		       ((is_w(&c->t[j]) && (c->t[j].flags & TF_CAP) &&
		         !c->inq[j] &&
		         /* "Trump Says", but "Ohio State University" */
		         (lex(c, LEX_CUES, j, j + 1) < 0 ||
		          (j > i && name_part_cue(c, j)))) ||
		        (is_p(&c->t[j], '.') && j > i &&
		         !(c->t[j].flags & TF_SPACE_BEFORE) &&
		         c->t[j - 1].end - c->t[j - 1].start <= 4 &&
		         j + 1 < c->n && (c->t[j + 1].flags & TF_CAP)) ||
		        (is_particle(c, j) && j + 1 < c->n &&
		         ((c->t[j + 1].flags & TF_CAP) ||
		          is_particle(c, j + 1))) ||
		        /* "the National Institute on Drug Abuse" */
		        (j > i && (wordeq(c, j, "of") || wordeq(c, j, "on") ||
		                   wordeq(c, j, "for")) &&
		         j + 1 < c->n && is_w(&c->t[j + 1]) &&
		         (c->t[j + 1].flags & TF_CAP) &&
		         lex(c, LEX_ORGS, j - 1, j) >= 0)))
			j++;
		if (j > i) {
			/* "MSNBC host Chris Matthews", "Tulsa police Chief
			 * Chuck Jordan": an affiliation, a lowercase role,
			 * then the person */
			size_t k2 = j, kr = j;
			bool role = false;
			while (k2 < c->n && k2 < j + 4 && is_w(&c->t[k2]) &&
			       !(c->t[k2].flags & TF_CAP) && !c->inq[k2] &&
			       cue_at(c, k2) < 0 && !is_prep(c, k2) &&
			       !wordeq(c, k2, "of")) {
				if (lex(c, LEX_TITLES, k2, k2 + 1) >= 0) {
					role = true;
					kr = k2 + 1;
				}
				k2++;
			}
			if (role && k2 < c->n && is_w(&c->t[k2]) &&
			    (c->t[k2].flags & TF_CAP)) {
				speaker nm;
				size_t m2 = parse_speaker_fwd(c, k2, &nm,
				                              last_speaker);
				if (m2 > k2 && nm.kind == SK_NAME) {
					*sp = nm;
					sp->a = i;
					return m2;
				}
			}
			/* "Clinton's spokesman", "Hillary Clinton's
			 * right-hand woman": someone of the person's, as
			 * written; "Ann Lee's campaign": her organisation */
			if (possessive(c, j - 1)) {
				if (role) {
					/* (to its first title and the titles
					 * right after it: "right-hand woman
					 * [rallied supporters]", "press
					 * secretary") */
					for (kr = j; kr + 1 < k2 &&
					             lex(c, LEX_TITLES, kr,
					                 kr + 1) < 0;
					     kr++)
						;
					while (kr + 1 < k2 &&
					       lex(c, LEX_TITLES, kr + 1,
					           kr + 2) >= 0)
						kr++;
					sp->a = i;
					sp->b = kr + 1;
					sp->kind = SK_ROLE;
					return kr + 1;
				}
				if (person_group(c, j)) {
					sp->a = i;
					sp->b = j + 1;
					sp->kind = SK_ORG;
					return j + 1;
				}
				/* (else the possessor: "Byrd's strategy of
				 * "massive resistance"", "Bornstein's
				 * missive") */
			}
			/* "Finance officials", "Surrey staff": a group (up to
			 * its title word: "Finance officials had admitted") */
			if (role && (k2 >= c->n || !is_w(&c->t[k2]) ||
			             !(c->t[k2].flags & TF_CAP)) &&
			    (lex(c, LEX_TITLES, k2 - 1, k2) >= 0 ||
			     (lex(c, LEX_TITLES, kr - 1, kr) & FLAG('g'))) &&
			    (entity_by_mention_tok(c, i, j) < 0 ||
			     !ent_at(c, entity_by_mention_tok(c, i, j))->person)) {
				if (lex(c, LEX_TITLES, k2 - 1, k2) < 0)
					k2 = kr;
				sp->a = i;
				sp->b = k2;
				sp->kind = SK_ROLE;
				return k2;
			}
			sp->a = i;
			sp->b = j;
			sp->ent = entity_by_mention_tok(c, i, j);
			if (sp->ent < 0)
				sp->ent = entity_find(c, i, j);
			if (sp->ent >= 0) {
				const entity *e = ent_at(c, sp->ent);
				sp->kind = e->org ? SK_ORG : SK_NAME;
			} else if (lex(c, LEX_ORGS, j - 1, j) >= 0) {
				sp->kind = SK_ORG;
			} else if (lex(c, LEX_TITLES, j - 1, j) >= 0) {
				sp->kind = SK_ROLE;
				sp->ent = entity_by_role(c, j - 1);
			} else {
				sp->kind = SK_NAME;
			}
			return j;
		}
		if (lex(c, LEX_NONNAMES, i, i + 1) < 0)
			return i;
	}
	/* "the Rev. Peter Wherry": the honorific's name */
	if (wordeq(c, i, "the") && i + 1 < c->n &&
	    lex(c, LEX_HONORIFICS, i + 1, i + 2) >= 0) {
		size_t m = parse_speaker_fwd(c, i + 1, sp, last_speaker);
		if (m > i + 1 && sp->kind == SK_NAME) {
			sp->a = i;
			return m;
		}
		memset(sp, 0, sizeof(*sp));
		sp->ent = -1;
	}
	/* "the IFSD's Azfar Ali Khan": the name after the possessive */
	if (wordeq(c, i, "the") && i + 2 < c->n && possessive(c, i + 1) &&
	    (c->t[i + 1].flags & TF_CAP) && (c->t[i + 2].flags & TF_CAP)) {
		size_t m = parse_speaker_fwd(c, i + 2, sp, last_speaker);
		if (m > i + 2 && sp->kind == SK_NAME) {
			sp->a = i;
			return m;
		}
		memset(sp, 0, sizeof(*sp));
		sp->ent = -1;
	}
	/* "the province's Department of Community Services": the
	 * organisation is named after the possessive */
	if (wordeq(c, i, "the") && i + 2 < c->n && possessive(c, i + 1) &&
	    !(c->t[i + 1].flags & TF_CAP) && (c->t[i + 2].flags & TF_CAP)) {
		size_t m = parse_speaker_fwd(c, i + 2, sp, last_speaker);
		if (m > i + 2 && sp->kind == SK_ORG)
			return m;
		memset(sp, 0, sizeof(*sp));
		sp->ent = -1;
	}
	/* the/a/an + up to four words ending in a title or organisation */
	if (np_det(c, i)) {
		bool definite = wordeq(c, i, "the");
		for (end = i + 1; end < c->n && end <= i + 5; end++) {
			/* "the lanky, bespectacled professor": a comma
			 * between two describing words */
			if (is_p(&c->t[end], ',') && end > i + 1 &&
			    /* (not "after the vote, city officials") */
			    !(i > 0 && is_prep(c, i - 1)) &&
			    end + 2 < c->n && is_w(&c->t[end - 1]) &&
			    !(c->t[end - 1].flags & TF_CAP) &&
			    lex(c, LEX_TITLES, end - 1, end) < 0 &&
			    lex(c, LEX_ORGS, end - 1, end) < 0 &&
			    is_w(&c->t[end + 1]) &&
			    !(c->t[end + 1].flags & TF_CAP) &&
			    lex(c, LEX_TITLES, end + 2, end + 3) >= 0)
				continue;
			/* (numbers too: "The 26-year-old right wing") */
			if ((!is_w(&c->t[end]) && c->t[end].kind != TK_NUM) ||
			    c->inq[end])
				break;
			if (cue_at(c, end) >= 0)
				break;
			/* ("the council sent voters a letter": a verb) */
			if (past_verb(c, end))
				break;
			/* ("The first taste the audience gets": two phrases) */
			if ((wordeq(c, end, "the") || wordeq(c, end, "a") ||
			     wordeq(c, end, "an")) &&
			    !is_prep(c, end - 1) && !wordeq(c, end - 1, "of"))
				break;
		}
		/* the longest prefix that ends in a title or org word */
		for (j = end; j > i + 1; j--) {
			if (lex(c, LEX_TITLES, j - 1, j) >= 0 ||
			    lex(c, LEX_ORGS, j - 1, j) >= 0) {
				bool is_org = lex(c, LEX_ORGS, j - 1, j) >= 0 &&
				              lex(c, LEX_TITLES, j - 1, j) < 0;
				int tv = lex(c, LEX_TITLES, j - 1, j);
				sp->a = i;
				sp->b = j;
				sp->kind = is_org ? SK_ORG : SK_ROLE;
				if (tv >= 0 && (tv & FLAG('m')))
					sp->gender = G_MALE;
				if (tv >= 0 && (tv & FLAG('f')))
					sp->gender = G_FEMALE;
				if (!is_org && definite && !(tv & FLAG('g')) &&
				    party_of(c, i + 1, j - 1)) {
					/* "the Democratic front-runner": whom
					 * the article titled so, party and all,
					 * or by the head, or the last speaker,
					 * but none the article gave another
					 * party */
					int pt = party_of(c, i + 1, j - 1);
					int cand[2], k3;
					cand[0] = entity_by_role_words(c, i + 1,
					                               j, true);
					cand[1] = entity_by_role(c, j - 1);
					sp->ent = last_speaker;
					sp->fallback = true;
					for (k3 = 0; k3 < 2; k3++)
						if (cand[k3] >= 0 &&
						    !other_party(ent_at(c, cand[k3]),
						                 pt)) {
							sp->ent = cand[k3];
							sp->fallback = false;
							break;
						}
				} else if (!is_org && definite &&
				           !(tv & FLAG('g'))) {
					sp->ent = entity_by_role(c, j - 1);
					/* "the Pentagon chief": a role tied to
					 * an institution is the official who
					 * has been speaking; "the clerk" is
					 * nobody we know */
					if (sp->ent < 0 &&
					    has_cap_word(c, i + 1, j - 1)) {
						sp->ent = last_speaker;
						sp->fallback = true;
					}
				}
				/* "a spokeswoman, Jane Doe," names her */
				if (j + 2 < c->n && is_p(&c->t[j], ',') &&
				    (c->t[j + 1].flags & TF_CAP)) {
					int e2 = entity_by_mention_tok(c, j + 1,
					                               j + 5);
					if (e2 >= 0)
						sp->ent = e2;
				}
				return j;
			}
		}
		return i;
	}
	/* lowercase descriptors: "spokesperson Martin Magnan", "oil and
	 * gas worker Mike Wipf", "police", "justice officials" */
	if ((!(c->t[i].flags & TF_CAP) || common_opener(c, i)) &&
	    lex(c, LEX_NONNAMES, i, i + 1) < 0 && cue_at(c, i) < 0) {
		bool titled = false;
		for (j = i; j < c->n && j < i + 5 && is_w(&c->t[j]) &&
		            !c->inq[j] &&
		            (!(c->t[j].flags & TF_CAP) || j == i) &&
		            cue_at(c, j) < 0 && !is_filler(c, j) &&
		            /* "researcher at Dixon Hall": an affiliation,
		             * not a name */
		            !is_prep(c, j) && !wordeq(c, j, "of");
		     j++)
			if (lex(c, LEX_TITLES, j, j + 1) >= 0 ||
			    lex(c, LEX_ORGS, j, j + 1) >= 0)
				titled = true;
		if (!titled || j == i)
			return i;
		if (j < c->n && is_w(&c->t[j]) && (c->t[j].flags & TF_CAP)) {
			speaker nm;
			size_t m = parse_speaker_fwd(c, j, &nm, last_speaker);
			if (m > j && nm.kind == SK_NAME) {
				*sp = nm;
				sp->a = i;
				return m;
			}
		}
		if (lex(c, LEX_TITLES, j - 1, j) >= 0 ||
		    lex(c, LEX_ORGS, j - 1, j) >= 0) {
			int tv = lex(c, LEX_TITLES, j - 1, j);
			sp->a = i;
			sp->b = j;
			sp->kind = tv >= 0 ? SK_ROLE : SK_ORG;
			if (tv >= 0 && (tv & FLAG('m')))
				sp->gender = G_MALE;
			if (tv >= 0 && (tv & FLAG('f')))
				sp->gender = G_FEMALE;
			return j;
		}
	}
	return i;
}

/*
 * The source after "according to": a speaker phrase, or else any phrase
 * up to the comma or the sentence end ("preliminary findings", "a person
 * familiar with the talks"), with the person in it when one is named.
 */
static size_t
parse_source(actx *c, size_t i, speaker *sp, int last_speaker)
{
	size_t m = parse_speaker_fwd(c, i, sp, last_speaker), j, k;

	if (m > i && (m >= c->n || !is_w(&c->t[m])))
		return m;
	for (j = i; j < c->n && j < i + 12 && !c->inq[j] &&
	            (is_w(&c->t[j]) || c->t[j].kind == TK_NUM ||
	             is_p(&c->t[j], '-') ||
	             (is_p(&c->t[j], '.') && j > i && (c->t[j - 1].flags & TF_CAP) &&
	              j + 1 < c->n && c->t[j + 1].sent == c->t[j].sent));
	     j++)
		;
	if (j == i || (j < c->n && !(is_p(&c->t[j], ',') || is_p(&c->t[j], '.') ||
	                             is_break_tok(&c->t[j]) ||
	                             c->t[j].kind == TK_QUOTE ||
	                             is_p(&c->t[j], ';'))))
		return m;
	memset(sp, 0, sizeof(*sp));
	sp->ent = -1;
	sp->a = i;
	sp->b = j;
	sp->kind = SK_ROLE;
	while (sp->b > sp->a + 1 && !is_w(&c->t[sp->b - 1]) &&
	       c->t[sp->b - 1].kind != TK_NUM)
		sp->b--; /* "David Dodge." */
	/* the last person named in it: "former governor David Dodge" */
	for (k = first_mention(c, i); k < c->ments.len; k++) {
		const mention_rec *mr = QVEC_AT(&c->ments, mention_rec, k);
		if (mr->tok >= j)
			break;
		if (!ent_at(c, mr->ent)->org) {
			sp->ent = mr->ent;
			sp->kind = SK_NAME;
		}
	}
	return j;
}

/* A dot inside a name or abbreviation ("Inc.", "e.GO"): glued to a word
 * before it and not ending the sentence. */
static bool
inner_dot(const actx *c, size_t k)
{
	return is_p(&c->t[k], '.') && k > 0 && is_w(&c->t[k - 1]) &&
	       !(c->t[k].flags & TF_SPACE_BEFORE) && k + 1 < c->n &&
	       c->t[k + 1].sent == c->t[k].sent;
}

/* An apostrophe the quote machine set aside ("girls' school"). */
static bool
apos_mark(const actx *c, size_t k)
{
	return c->t[k].kind == TK_QUOTE &&
	       (c->t[k].role == MR_APOS || c->t[k].role == MR_NONE) &&
	       !c->inq[k];
}

/* Skip an appositive ", a doctor at the clinic," forward from a comma at
 * i: returns the token after the closing comma, or i. */
static size_t
skip_appositive(const actx *c, size_t i)
{
	size_t k;

	if (i >= c->n || !is_p(&c->t[i], ','))
		return i;
	for (k = i + 1; k < c->n && k <= i + 16; k++) {
		if (inner_dot(c, k) || apos_mark(c, k))
			continue;
		if (is_break_tok(&c->t[k]) || c->t[k].kind == TK_QUOTE ||
		    (c->t[k].kind == TK_PUNCT &&
		     (c->t[k].cp == '.' || c->t[k].cp == ';' ||
		      c->t[k].cp == ':')))
			return i;
		/* (a relative clause may hold a cue of its own: "Cruz,
		 * who has proposed repealing it, said") */
		if (cue_at(c, k) >= 0 && !is_p(&c->t[k - 1], ',') &&
		    !wh_relative(c, i + 1))
			return i;
		if (is_p(&c->t[k], ','))
			return k + 1;
	}
	return i;
}

/* Skip a parenthesis at i ("(D-Wis.)"): the token after it, or i. */
static size_t
skip_paren(const actx *c, size_t i)
{
	size_t k;

	if (i >= c->n || !is_p(&c->t[i], '('))
		return i;
	for (k = i + 1; k < c->n && k < i + 10; k++) {
		if (is_p(&c->t[k], ')'))
			return k + 1;
		if (is_break_tok(&c->t[k]) || c->t[k].kind == TK_QUOTE)
			break;
	}
	return i;
}

/* ---- linking one quote --------------------------------------------------- */

typedef struct {
	speaker sp;
	size_t cue_a, cue_b; /* tokens */
	const char *rule;
	size_t end_tok;      /* last token of the cue clause */
} link;

/* (the shapes of attribution are data: see match_side() and
 * data/en/patterns.txt) */

/* The rule of a link: "pronoun" or "role" when the speaker is one, as in
 * the patterns marked '+', else `rule`. */
static const char *
kind_rule(const speaker *sp, const char *rule)
{
	return sp->kind == SK_PRONOUN ? "pronoun"
	       : sp->kind == SK_ROLE  ? "role"
	                              : rule;
}


/* Words that open a described speaker: "the", "a", "some", "another". */
static bool
np_det(const actx *c, size_t k)
{
	static const char *const det[] = {
		"the", "a", "an", "some", "many", "several", "another", "one",
		"both", "all", "most", "other", "these", "those", "few", "two",
		"three", "four", "five", "his", "her", "their", "its", "our",
		"my", "your"};
	return word_in(c, k, det, QUOTH_ARRAY_LEN(det));
}

/* Determiners and quantifiers that open a described group. */
static bool
group_det(const actx *c, size_t k)
{
	static const char *const det[] = {
		"the", "some", "many", "both", "all", "most", "several",
		"other", "these", "those", "people", "few", "various", "more",
		"two", "three", "four", "five", "critics", "officials"};
	return word_in(c, k, det, QUOTH_ARRAY_LEN(det));
}

static bool subject_np(actx *c, size_t end, speaker *sp, size_t *mention_end,
                       int last_speaker);
static bool group_head(const actx *c, size_t a, size_t b);
static bool subordinator(const actx *c, size_t j);

/* Parse the subject ending right before token `end` (exclusive), reading
 * backward through an appositive: "Hugh Hill, a doctor," -> Hugh Hill.
 * A subject found after "of" is the object of the real one: "another
 * member of the club said" -> "another member". */
static bool
subject_before(actx *c, size_t end, speaker *sp, size_t *mention_end,
               int last_speaker)
{
	static const char *const preps[] = {
		"in", "on", "at", "of", "for", "with", "from", "to", "during",
		"over", "under", "through", "via", "into", "about", "among",
		"against", "across", "near", "based", "than"};
	speaker head;
	size_t k, m, of, w;

	if (!subject_np(c, end, sp, mention_end, last_speaker))
		return false;
	/* "higher than city staff say": a comparison, not speech */
	for (k = sp->a > 0 ? sp->a - 1 : 0; k < sp->b; k++)
		if (wordeq(c, k, "than"))
			return false;
	of = sp->a;
	if (of > 0 && (wordeq(c, of - 1, "the") || wordeq(c, of - 1, "a") ||
	               wordeq(c, of - 1, "an")))
		of--;
	/* (the agent after "by" is a subject: "a statement e-mailed by
	 * Reagan Ruslim, who ..., said"; so is "Later Ann Tate said") */
	if (sp->kind == SK_PRONOUN || of < 1 ||
	    !word_in(c, of - 1, preps, QUOTH_ARRAY_LEN(preps)))
		return true;
	/* The object of a preposition is no subject ("In a Facebook
	 * message posted Friday, Cruz said", "32% of Republican claims");
	 * the subject is the phrase it belongs to, back to its determiner:
	 * read as one ("another member of the club"), or its head when
	 * that is a description the article gave nobody else ("the city of
	 * Phoenix"), or a described group ("people arrested at the camp"). */
	for (k = of - 1, w = 0; w < 6; k--, w++) {
		size_t st;
		if (k == 0 || !is_w(&c->t[k - 1]) || c->inq[k - 1] ||
		    c->t[k - 1].sent != c->t[of].sent ||
		    wordeq(c, k - 1, "but") || wordeq(c, k - 1, "and") ||
		    subordinator(c, k - 1))
			st = k; /* the phrase starts the clause */
		else if (np_det(c, k - 1))
			st = k - 1;
		else
			continue;
		if (st >= of - 1)
			break;
		m = parse_speaker_fwd(c, st, &head, last_speaker);
		/* "a statement from the EU said": a document's source is the
		 * speaker */
		if ((m == of - 1 || m == sp->b) && head.kind == SK_ORG &&
		    !(c->t[of - 2].flags & TF_CAP) &&
		    lex(c, LEX_ORGS, of - 2, of - 1) >= 0 &&
		    (wordeq(c, of - 1, "from") || wordeq(c, of - 1, "by") ||
		     wordeq(c, of - 1, "of")) &&
		    sp->kind != SK_ROLE)
			return true;
		if ((m == sp->b && (head.kind == SK_ROLE ||
		                    head.kind == SK_ORG)) ||
		    (m == of - 1 && head.kind == SK_ROLE && head.ent < 0)) {
			*sp = head;
			return true;
		}
		if (group_head(c, st, of - 1) &&
		    !(c->t[of - 2].flags & TF_CAP)) {
			memset(sp, 0, sizeof(*sp));
			sp->ent = -1;
			sp->a = st;
			sp->b = *mention_end = end;
			while (sp->b > sp->a && is_filler(c, sp->b - 1))
				sp->b--;
			sp->kind = SK_ROLE;
			return true;
		}
		break;
	}
	return false;
}

/* Do words [a, b) hold a noun for people ("people", "residents",
 * "officials")?  A title of a group, or a plural in -ers/-ents/-ists. */
static bool
group_head(const actx *c, size_t a, size_t b)
{
	size_t k;

	for (k = a; k < b; k++) {
		const token *t = &c->t[k];
		size_t n = t->end - t->start;
		int tv = lex(c, LEX_TITLES, k, k + 1);
		if (tv >= 0 && (tv & FLAG('g')))
			return true;
		if (wordeq(c, k, "people"))
			return true;
		if (n > 5 && is_w(t) &&
		    (memcmp(c->text + t->end - 3, "ers", 3) == 0 ||
		     memcmp(c->text + t->end - 4, "ents", 4) == 0 ||
		     memcmp(c->text + t->end - 4, "ists", 4) == 0))
			return true;
	}
	return false;
}

/* Is token k, after a possessive name, a group of that person's: "office",
 * "staff", "campaign", "team", "government", "lawyers", "administration"? */
static bool
person_group(const actx *c, size_t k)
{
	static const char *const grp[] = {
		"office", "staff", "campaign", "team", "government", "lawyers",
		"administration"};
	return k < c->n && is_w(&c->t[k]) && !(c->t[k].flags & TF_CAP) &&
	       word_in(c, k, grp, QUOTH_ARRAY_LEN(grp));
}

/* Is token k a common irregular past tense, never part of a noun
 * phrase ("sent", "gave", "met")? */
static bool
past_verb(const actx *c, size_t k)
{
	static const char *const past[] = {
		"sent", "gave", "made", "took", "met", "held", "brought",
		"won", "lost", "paid", "kept", "left", "got", "began", "went",
		"came", "ran", "saw", "knew", "thought", "found", "felt",
		"became", "spent", "led", "sought", "struck", "threw"};
	return word_in(c, k, past, QUOTH_ARRAY_LEN(past));
}

/* Is token k a number written as a word, two to twelve? */
static bool
number_word(const actx *c, size_t k)
{
	static const char *const num[] = {
		"two", "three", "four", "five", "six", "seven", "eight",
		"nine", "ten", "eleven", "twelve"};
	return word_in(c, k, num, QUOTH_ARRAY_LEN(num));
}

/* Is the comma at token k the one in a place after a preposition, "in
 * Columbus, Ohio,": a name before it, one or two capitalised words and a
 * comma after it? */
static bool
place_before(const actx *c, size_t k)
{
	static const char *const loc[] = {"in", "at", "near", "outside",
	                                  "from"};
	size_t a = k, b = k + 1;

	while (b < c->n && b < k + 3 && is_w(&c->t[b]) &&
	       (c->t[b].flags & TF_CAP))
		b++;
	if (b == k + 1 || b >= c->n || !is_p(&c->t[b], ','))
		return false;

	while (a > 0 && k - a < 4 && is_w(&c->t[a - 1]) &&
	       (c->t[a - 1].flags & TF_CAP))
		a--;
	return a < k && a > 0 && word_in(c, a - 1, loc, QUOTH_ARRAY_LEN(loc));
}

/* subject_before() without the "of" rule. */
static bool
subject_np(actx *c, size_t end, speaker *sp, size_t *mention_end,
           int last_speaker)
{
	size_t j = end, a, k;

	while (j > 0 && is_filler(c, j - 1))
		j--;
	if (j == 0)
		return false;
	/* "the mother of three replied": a count of children after a
	 * title */
	if (j >= 3 && wordeq(c, j - 2, "of") &&
	    (c->t[j - 1].kind == TK_NUM || number_word(c, j - 1)) &&
	    lex(c, LEX_TITLES, j - 3, j - 2) >= 0)
		j -= 2;
	/* Rep. Gwen Moore (D-Wis.) said */
	if (is_p(&c->t[j - 1], ')')) {
		for (k = j - 1; k > 0 && k + 10 > j; k--)
			if (is_p(&c->t[k - 1], '(')) {
				j = k - 1;
				break;
			}
		if (j == 0)
			return false;
	}
	/* appositive: ..., X ,  */
	if (is_p(&c->t[j - 1], ',')) {
		for (k = j - 1; k > 0 && k + 40 > j; k--) {
			/* a long apposition must look like one: "Hadwin,
			 * who notched two top-10 finishes ... , said" */
			if (is_p(&c->t[k - 1], ',') && j - k > 16 &&
			    !(wh_relative(c, k) || np_det(c, k)))
				return false;
			/* "in Columbus, Ohio,": the place goes on (in an
			 * adverbial: "Clinton, during a town hall in
			 * Columbus, Ohio, said"; not in an appositive that
			 * a determiner opens: "a company based in X, Y,") */
			if (is_p(&c->t[k - 1], ',') && place_before(c, k - 1)) {
				size_t p2 = k - 1;
				while (p2 > 0 && k - p2 < 16 && is_w(&c->t[p2 - 1]))
					p2--;
				if (!(p2 > 0 && is_p(&c->t[p2 - 1], ',') &&
				      np_det(c, p2)))
					continue;
			}
			if (is_p(&c->t[k - 1], ',')) {
				/* "the director of operations, Jeff Fraser,
				 * says": the name is the appositive */
				size_t m = parse_speaker_fwd(c, k, sp,
				                             last_speaker);
				if (m == j - 1 && sp->kind == SK_NAME &&
				    lex(c, LEX_TITLES, m - 1, m) < 0) {
					*mention_end = m;
					return true;
				}
				/* "Donald Tusk, the president of the Council,
				 * which represents its leaders, urged": a
				 * relative clause after an appositive */
				if (wh_relative(c, k)) {
					size_t p2;
					for (p2 = k - 1; p2 > 0 && p2 + 12 > k &&
					                 (is_w(&c->t[p2 - 1]) ||
					                  inner_dot(c, p2 - 1));
					     p2--)
						;
					if (p2 > 1 && p2 + 12 > k &&
					    is_p(&c->t[p2 - 1], ',') &&
					    np_det(c, p2) && is_w(&c->t[p2 - 2])) {
						j = p2 - 1;
						break;
					}
				}
				j = k - 1;
				break;
			}
			if (inner_dot(c, k - 1) || apos_mark(c, k - 1))
				continue;
			if (is_break_tok(&c->t[k - 1]) ||
			    c->t[k - 1].kind == TK_QUOTE ||
			    (c->t[k - 1].kind == TK_PUNCT &&
			     c->t[k - 1].cp != '.' && c->t[k - 1].cp != '-' &&
			     c->t[k - 1].cp != '(' && c->t[k - 1].cp != ')' &&
			     c->t[k - 1].cp != '&'))
				return false;
		}
		/* "Sen. Richard Durbin (D-Ill.), noting ..., said" */
		if (j > 0 && is_p(&c->t[j - 1], ')')) {
			for (k = j - 1; k > 0 && k + 10 > j; k--)
				if (is_p(&c->t[k - 1], '(')) {
					j = k - 1;
					break;
				}
		}
		if (j == 0 || !is_w(&c->t[j - 1]))
			return false;
	}
	/* back to the start of the noun phrase: up to 6 words */
	for (a = j; a > 0 && a + 6 > j; a--) {
		const token *p = &c->t[a - 1];
		/* (numbers too: "the 34-year-old mother") */
		if (!(is_w(p) || p->kind == TK_NUM ||
		      (is_p(p, '.') && a >= 2 &&
		       (c->t[a - 2].flags & TF_CAP))) ||
		    c->inq[a - 1] || p->sent != c->t[j - 1].sent)
			break;
		/* ("he's said": "he has said"; the progressive "he's
		 * saying" is left to the sentence-initial case) */
		bool pron = is_w(p) && (lex(c, LEX_PRONOUNS, a - 1, a) >= 0 ||
		                        (he_she_has(c, a - 1) && a == j &&
		                         cue_at(c, end) >= 0 &&
		                         !(cue_at(c, end) & FLAG('b'))));
		if (is_w(p) && !(p->flags & TF_CAP) &&
		    lex(c, LEX_TITLES, a - 1, a) < 0 &&
		    lex(c, LEX_ORGS, a - 1, a) < 0 &&
		    !wordeq(c, a - 1, "the") && !wordeq(c, a - 1, "a") &&
		    !wordeq(c, a - 1, "an") && !pron && !is_particle(c, a - 1))
			break;
		if (!(p->flags & TF_CAP) && pron) {
			a--;
			break;
		}
		if (wordeq(c, a - 1, "the") || wordeq(c, a - 1, "a") ||
		    wordeq(c, a - 1, "an")) {
			a--;
			break;
		}
	}
	/* a described speaker reaches back to its determiner: "the
	 * shelter residents", "some critics", "one former director" */
	for (k = j; k > 0 && k + 7 > j; k--) {
		const token *p = &c->t[k - 1];
		if (!(is_w(p) || apos_mark(c, k - 1)) || c->inq[k - 1] ||
		    p->sent != c->t[j - 1].sent || cue_at(c, k - 1) >= 0)
			break;
		if (np_det(c, k - 1)) {
			if (k - 1 < a)
				a = k - 1;
			break;
		}
	}
	/* try each start, longest first, for a phrase that ends at j */
	for (k = a; k < j; k++) {
		size_t m = parse_speaker_fwd(c, k, sp, last_speaker);
		/* (a name may end one mark early: "Doe." "Doe,"; not one
		 * word early: "unrest in Dover and said") */
		if (m == j || (m > k && sp->kind == SK_NAME && m + 1 == j &&
		               !is_w(&c->t[m]))) {
			/* "Tim Guest with the Health Authority says": the
			 * person before the prepositional phrase */
			if (sp->kind != SK_PRONOUN && k >= 2 &&
			    (wordeq(c, k - 1, "with") || wordeq(c, k - 1, "of") ||
			     wordeq(c, k - 1, "at") || wordeq(c, k - 1, "from") ||
			     wordeq(c, k - 1, "for"))) {
				speaker sp2;
				size_t m2, b2 = k - 1, a2 = b2;
				while (a2 > 0 && a2 + 4 > b2 &&
				       is_w(&c->t[a2 - 1]) &&
				       (c->t[a2 - 1].flags & TF_CAP) &&
				       c->t[a2 - 1].sent == c->t[b2].sent)
					a2--;
				if (a2 < b2) {
					m2 = parse_speaker_fwd(c, a2, &sp2,
					                       last_speaker);
					if (m2 == b2 && sp2.kind == SK_NAME) {
						*sp = sp2;
						*mention_end = m2;
						return true;
					}
				}
			}
			*mention_end = m;
			return true;
		}
		if (m > k && (sp->kind == SK_PRONOUN) && m == j)
			return true;
	}
	/* a group described, not named: "People arrested last week said",
	 * "both groups report", "the school's defenders said" */
	for (k = j; k > 0 && k + 6 > j; k--) {
		const token *p = &c->t[k - 1];
		if (!(is_w(p) || apos_mark(c, k - 1)) || c->inq[k - 1] ||
		    p->sent != c->t[j - 1].sent || cue_at(c, k - 1) >= 0)
			break;
		if (group_det(c, k - 1) && k < j &&
		    (lex(c, LEX_TITLES, j - 1, j) >= 0 ||
		     lex(c, LEX_ORGS, j - 1, j) >= 0) &&
		    !(c->t[j - 1].flags & TF_CAP)) {
			memset(sp, 0, sizeof(*sp));
			sp->ent = -1;
			sp->a = k - 1;
			sp->b = j;
			sp->kind = SK_ROLE;
			*mention_end = j;
			return true;
		}
	}
	/* "one veteran of the government infrastructure projects
	 * commented", "a spokesman for the harbour board said": a
	 * described person, then what the person is of or for */
	for (k = j; k > 2 && k + 8 > j; k--) {
		const token *p = &c->t[k - 1];
		speaker sp2;
		size_t m2, d;
		if (!is_w(p) || c->inq[k - 1] || p->sent != c->t[j - 1].sent ||
		    cue_at(c, k - 1) >= 0 || wordeq(c, k - 1, "and") ||
		    wordeq(c, k - 1, "but") || wordeq(c, k - 1, "or"))
			break;
		if (!(wordeq(c, k - 1, "of") || wordeq(c, k - 1, "for")) ||
		    lex(c, LEX_TITLES, k - 2, k - 1) < 0 ||
		    (lex(c, LEX_TITLES, k - 2, k - 1) & FLAG('g')))
			continue;
		for (d = k - 2; d > 0 && k - 2 - d < 3 && !np_det(c, d) &&
		                is_w(&c->t[d - 1]) && !c->inq[d - 1];
		     d--)
			;
		if (!np_det(c, d))
			break;
		/* (the phrase may take in an organisation after "of":
		 * "one veteran of the government") */
		m2 = parse_speaker_fwd(c, d, &sp2, last_speaker);
		if (m2 < k - 1 || m2 > j ||
		    (sp2.kind != SK_ROLE && sp2.kind != SK_ORG))
			break;
		*sp = sp2;
		sp->kind = SK_ROLE;
		sp->ent = -1;
		sp->b = j;
		*mention_end = j;
		return true;
	}
	return false;
}

/* The subject of the sentence holding token i, for participle cues
 * ("Trump spoke for an hour, saying: ..."): a speaker phrase at the
 * sentence start or after a leading adverbial and its comma. */
static bool
sentence_subject(actx *c, size_t i, speaker *sp, int last_speaker)
{
	size_t a = c->ulo[i], k, m; /* the sentence's start */

	for (k = a; k < i && k < a + 8; k++) {
		if (k == a || is_p(&c->t[k - 1], ',')) {
			m = parse_speaker_fwd(c, k, sp, last_speaker);
			if (m > k && m < i && sp->kind != SK_NONE &&
			    (sp->kind != SK_PRONOUN || sp->gender) &&
			    !(is_w(&c->t[m]) && (c->t[m].flags & TF_CAP)))
				return true;
		}
		if (c->t[k].kind == TK_QUOTE)
			break;
	}
	return false;
}

/* ---- cue patterns over chunk classes ------------------------------------ */


/*
 * The words around a quote become a string of chunk classes, one letter a
 * chunk (the alphabet is documented in data/en/patterns.txt), and the
 * patterns of data/LANG/patterns.txt are matched against it.  C parses the
 * phrases (a speaker, an appositive, a parenthesis); which arrangements of
 * them tie a quote to a speaker is data.
 */
#define SHAPE_MAX 96     /* chunks in one window */
#define AFTER_TOKENS 48  /* tokens looked at after a quote */
#define BEFORE_TOKENS 56 /* tokens looked at before a quote ... */
#define HEAD_TOKENS 12   /* ... and at the start of a long sentence */
#define LEADIN_TOKENS 24 /* tokens before a lead-in colon */

typedef struct {
	size_t a, b;      /* tokens [a, b) */
	speaker sp;       /* for speaker chunks */
} chunk;

typedef struct {
	char s[SHAPE_MAX + 16]; /* NUL-terminated, and room for JIT reads */
	chunk ch[SHAPE_MAX];
	size_t n;
} shape;

/* An empty shape.  The whole string is zeroed: PCRE2's JIT may read a
 * few bytes past the subject's end, and those bytes must be defined. */
static void
shape_init(shape *sh)
{
	sh->n = 0;
	memset(sh->s, 0, sizeof(sh->s));
}

static char
speaker_class(const speaker *sp)
{
	switch (sp->kind) {
	case SK_NAME:
		return sp->ent >= 0 ? 'N' : 'n';
	case SK_ORG:
		return sp->ent >= 0 ? 'O' : 'K';
	case SK_PRONOUN:
		return sp->gender ? 'H' : 'U';
	default:
		return sp->ent >= 0 ? 'R' : 'D';
	}
}

static bool
is_speaker_class(char k)
{
	return k && strchr("NnOKRDHU", k) != NULL;
}

static bool
push_chunk(shape *sh, char k, size_t a, size_t b, const speaker *sp)
{
	chunk *ch;

	if (sh->n >= SHAPE_MAX)
		return false;
	ch = &sh->ch[sh->n];
	ch->a = a;
	ch->b = b;
	if (sp) {
		ch->sp = *sp;
	} else {
		memset(&ch->sp, 0, sizeof(ch->sp));
		ch->sp.ent = -1;
	}
	sh->s[sh->n++] = k;
	sh->s[sh->n] = '\0';
	return true;
}

/* "of the Sierra Club", "from the Center for Strategic Studies": a
 * preposition, "the" and a run of capitalised words (joined by "for",
 * "of", "on", "and"); the token after it, or j. */
static size_t
affiliation_at(const actx *c, size_t j)
{
	size_t q = j + 1, e = j;

	if (!(wordeq(c, j, "of") || wordeq(c, j, "from") ||
	      wordeq(c, j, "at") || wordeq(c, j, "with")))
		return j;
	if (wordeq(c, q, "the"))
		q++;
	while (q < c->n && q < j + 12 && is_w(&c->t[q]) && !c->inq[q]) {
		if (c->t[q].flags & TF_CAP)
			e = ++q;
		else if (e > j && (wordeq(c, q, "for") || wordeq(c, q, "of") ||
		                   wordeq(c, q, "on") || wordeq(c, q, "and")))
			q++;
		else
			break;
	}
	return e > j ? e : j;
}

/* ", Jane Doe," after a described speaker: the name itself, not an
 * appositive to skip ("his wife, Jane Doe, wrote"). */
static bool
name_appositive(actx *c, size_t j, size_t m, int last_speaker)
{
	speaker sp;
	size_t e = parse_speaker_fwd(c, j + 1, &sp, last_speaker);

	return e + 1 == m && sp.kind == SK_NAME && e > j + 1;
}

/* '"Q," says my two-year-old.': a described speaker after an inverted
 * cue, a determiner and lowercase words up to the sentence's end. */
static size_t
described_at(const actx *c, size_t j, speaker *sp)
{
	size_t e = j + 1;

	if (!np_det(c, j))
		return j;
	while (e < c->n && e < j + 5 && is_w(&c->t[e]) &&
	       !(c->t[e].flags & TF_CAP))
		e++;
	if (e == j + 1 || e >= c->n ||
	    !(is_p(&c->t[e], '.') || is_p(&c->t[e], ',') ||
	      is_break_tok(&c->t[e])))
		return j;
	memset(sp, 0, sizeof(*sp));
	sp->ent = -1;
	sp->a = j;
	sp->b = e;
	sp->kind = SK_ROLE;
	return e;
}

/*
 * The chunk at token j (j < end): pushes it and returns the token after
 * it.  `subjects` (the before side) re-reads the words before each cue as
 * its subject, replacing the chunks made of them.
 */
static size_t
chunk_at(actx *c, size_t j, size_t end, shape *sh, int last_speaker,
         bool subjects)
{
	const token *t = &c->t[j];
	char prev = sh->n ? sh->s[sh->n - 1] : 0;
	bool after_sp = is_speaker_class(prev) || prev == 'p' || prev == 'a';
	speaker sp;
	size_t m;
	int v;

	if (is_break_tok(t))
		return push_chunk(sh, '|', j, j + 1, NULL), j + 1;
	/* (a dot before a line break or at the end ends a sentence) */
	if ((inner_dot(c, j) &&
	     !(j + 1 < c->n && is_break_tok(&c->t[j + 1]))) ||
	    apos_mark(c, j))
		return push_chunk(sh, '_', j, j + 1, NULL), j + 1;
	if (t->kind == TK_QUOTE)
		return push_chunk(sh, '"', j, j + 1, NULL), j + 1;
	if (t->kind == TK_NUM)
		return push_chunk(sh, '#', j, j + 1, NULL), j + 1;
	if (!is_w(t)) {
		char k = 'x';
		if (is_p(t, ',')) {
			/* (", said," is no appositive) */
			m = after_sp && prev != 'a' && cue_at(c, j + 1) < 0
			            ? skip_appositive(c, j)
			            : j;
			if (m > j && m <= end &&
			    !name_appositive(c, j, m, last_speaker))
				return push_chunk(sh, 'a', j, m, NULL), m;
			k = ',';
		} else if (is_end_p(t)) {
			k = '.';
		} else if (is_p(t, ':')) {
			k = ':';
		} else if (is_p(t, '-') || is_p(t, 0x2013) ||
		           is_p(t, 0x2014) || is_p(t, 0x2015)) {
			k = '-';
		} else if (is_p(t, '(') && after_sp) {
			m = skip_paren(c, j);
			if (m > j && m <= end)
				return push_chunk(sh, 'p', j, m, NULL), m;
		}
		return push_chunk(sh, k, j, j + 1, NULL), j + 1;
	}
	if (wordeq(c, j, "according") && j + 1 < end &&
	    wordeq(c, j + 1, "to")) {
		push_chunk(sh, 'A', j, j + 2, NULL);
		m = parse_source(c, j + 2, &sp, last_speaker);
		if (m > j + 2 && m <= end)
			push_chunk(sh, speaker_class(&sp), j + 2, m, &sp);
		return m > j + 2 && m <= end ? m : j + 2;
	}
	v = cue_at(c, j);
	if (v >= 0) {
		char k = (v & FLAG('g'))   ? 'G'
		         : (v & FLAG('b')) ? 'b'
		         : (v & FLAG('i')) ? 'V'
		                           : 'v';
		if (subjects) {
			size_t me, i0;
			if (!subject_before(c, j, &sp, &me, last_speaker)) {
				/* a cue with no subject of its own: the chunk
				 * before it is none */
				if (k == 'V')
					k = 'C';
				else if (k == 'v')
					k = 'c';
			} else {
				/* the chunks from the subject on give way */
				for (i0 = sh->n; i0 > 0 && sh->ch[i0 - 1].b > sp.a;)
					i0--;
				sh->n = i0;
				push_chunk(sh, speaker_class(&sp), sp.a, sp.b, &sp);
				if (sp.b < j)
					push_chunk(sh, 'a', sp.b, j, NULL);
			}
		}
		/* ("went on": the particle is the cue's) */
		m = j + cue_len(c, j) <= end ? j + cue_len(c, j) : j + 1;
		return push_chunk(sh, k, j, m, NULL), m;
	}
	/* a second appositive right after one: "Scott Pruitt, the attorney
	 * general of Oklahoma, one of the states suing, said" */
	if (prev == 'a' && is_p(&c->t[j - 1], ',') &&
	    (sh->n < 3 || sh->s[sh->n - 2] != 'a' || sh->s[sh->n - 3] != 'a')) {
		m = skip_appositive(c, j - 1);
		if (m > j && m <= end)
			return push_chunk(sh, 'a', j, m, NULL), m;
	}
	m = parse_speaker_fwd(c, j, &sp, last_speaker);
	if (m > j && m <= end && sp.kind != SK_NONE)
		return push_chunk(sh, speaker_class(&sp), j, m, &sp), m;
	/* "the ACU": "the" before an organisation's name is its chunk (the
	 * speaker keeps its article, see apply_link()) */
	if (wordeq(c, j, "the") && j + 1 < end) {
		m = parse_speaker_fwd(c, j + 1, &sp, last_speaker);
		if (m > j + 1 && m <= end && sp.kind == SK_ORG)
			return push_chunk(sh, speaker_class(&sp), j, m, &sp), m;
	}
	if (prev == 'V') {
		m = described_at(c, j, &sp);
		if (m > j && m <= end)
			return push_chunk(sh, 'D', j, m, &sp), m;
	}
	if (after_sp) {
		m = affiliation_at(c, j);
		if (m > j && m <= end)
			return push_chunk(sh, 'o', j, m, NULL), m;
	}
	if (is_filler(c, j))
		return push_chunk(sh, 'f', j, j + 1, NULL), j + 1;
	if (wordeq(c, j, "and") || wordeq(c, j, "but"))
		return push_chunk(sh, '&', j, j + 1, NULL), j + 1;
	if (wordeq(c, j, "as"))
		return push_chunk(sh, 'S', j, j + 1, NULL), j + 1;
	if (subordinator(c, j))
		return push_chunk(sh, 's', j, j + 1, NULL), j + 1;
	return push_chunk(sh, (t->flags & TF_CAP) ? 'W' : 'w', j, j + 1, NULL),
	       j + 1;
}

/* A word that opens a subordinate clause: "when", "because". */
static bool
subordinator(const actx *c, size_t j)
{
	static const char *const sub[] = {
		"when", "while", "as", "after", "before", "because", "if",
		"since", "though", "although", "until", "unless", "whereas",
		"whether", "once"};
	return word_in(c, j, sub, QUOTH_ARRAY_LEN(sub));
}

/* One line to the caller's trace function (quoth_options.trace), if
 * any: the library itself never prints. */
static void
trace(const actx *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void
trace(const actx *c, const char *fmt, ...)
{
	char line[256];
	va_list ap;

	if (!c->ex->opt.trace)
		return;
	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	c->ex->opt.trace(c->ex->opt.trace_arg, line);
}

/* Chunk tokens [a, b) into sh (stopping when it is full). */
static void
chunk_span(actx *c, size_t a, size_t b, shape *sh, int last_speaker,
           bool subjects)
{
	while (a < b && sh->n < SHAPE_MAX)
		a = chunk_at(c, a, b, sh, last_speaker, subjects);
}

/* The index of the chunk starting at offset off of sh->s. */
static const chunk *
chunk_of(const shape *sh, size_t off)
{
	return off < sh->n ? &sh->ch[off] : NULL;
}

/*
 * Match the patterns of `side` against sh, whose window ends at token
 * `anchor` (the quote, or the lead-in colon); fills L from the first
 * match that keeps its token bound.
 */
static bool
match_side(actx *c, const shape *sh, int side, size_t anchor, link *L)
{
	const cue_patterns *cp = &c->ld->pats;
	size_t i;

	static const char *const side_name[CP_SIDES_] = {
		"after", "before", "lead-in", "previous"};

	trace(c, "quote at byte %zu, %s: %s", c->quote_byte, side_name[side],
	      sh->s);
	for (i = 0; i < cp->n; i++) {
		const cue_pattern *p = &cp->p[i];
		size_t span[6], from = 0;
		const chunk *spc = NULL, *cue = NULL, *men = NULL, *last = NULL;
		bool ok = false;
		int rc;

		if (p->side != side)
			continue;
		for (;;) {
			rc = cuepat_match(p, sh->s, sh->n, from, c->md, span);
			if (rc <= 0)
				break;
			spc = chunk_of(sh, span[2]);
			cue = span[3] != QUOTH_NONE ? chunk_of(sh, span[3]) : NULL;
			men = span[4] != QUOTH_NONE ? chunk_of(sh, span[4]) : NULL;
			last = span[1] > 0 ? chunk_of(sh, span[1] - 1) : NULL;
			/* a speaker chunk inside the match (a lookbehind
			 * may capture outside it), the cue within bounds */
			/* (on the after side nothing but the '.' before the
			 * window lies before the anchor, and it is no cue) */
			if (men && men->a < anchor && side == CP_AFTER)
				men = NULL;
			if (spc && span[2] >= span[0] && span[2] < span[1] &&
			    is_speaker_class(sh->s[span[2]]) &&
			    !(cue && side == CP_AFTER && cue->a < anchor) &&
			    (!p->max_tokens || !cue ||
			     (cue->a <= anchor &&
			      anchor - cue->a <= p->max_tokens) ||
			     (cue->a > anchor &&
			      cue->a - anchor <= p->max_tokens))) {
				ok = true;
				break;
			}
			if (span[0] >= sh->n)
				break;
			from = span[0] + 1;
		}
		if (rc < 0)
			trace(c, "  patterns.txt:%zu: matching failed (PCRE2 "
			      "limit %d)", p->line, rc);
		if (!ok)
			continue;
		trace(c, "  patterns.txt:%zu (%s) matched", p->line, p->rule);
		L->sp = spc->sp;
		if (men && men->a < L->sp.a)
			L->sp.a = men->a;
		/* "another member [of the public]": a described speaker
		 * continues over the words the pattern gives it */
		if (span[5] != QUOTH_NONE && span[5] > span[2] &&
		    L->sp.kind == SK_ROLE && L->sp.ent < 0)
			L->sp.b = sh->ch[span[5] - 1].b;
		if (cue) {
			L->cue_a = cue->a;
			L->cue_b = cue->b;
		} else {
			L->cue_a = L->cue_b = QUOTH_NONE;
		}
		L->end_tok = last ? last->b : spc->b;
		L->rule = p->kind_rule ? kind_rule(&L->sp, p->rule) : p->rule;
		return true;
	}
	return false;
}

/* Chunk tokens [a, b) and match the patterns of `side` (see
 * match_side()). */
static bool
match_span(actx *c, size_t a, size_t b, bool subjects, int side,
           size_t anchor, link *L, int last_speaker)
{
	shape sh;

	shape_init(&sh);
	chunk_span(c, a, b, &sh, last_speaker, subjects);
	return match_side(c, &sh, side, anchor, L);
}

/* "Q," SPEAKER ... CUE  or  "Q," CUE SPEAKER ...: the words from token k
 * (right after the closing mark) to the end of the sentence. */
static bool
link_after(actx *c, size_t k, link *L, int last_speaker)
{
	size_t end = k, lim = k + AFTER_TOKENS;
	shape sh;

	if (k >= c->n)
		return false;
	while (end < c->n && end < lim && c->t[end].sent == c->t[k].sent &&
	       !is_break_tok(&c->t[end]))
		end++;
	if (end < c->n && end < lim && is_break_tok(&c->t[end]))
		end++; /* the break shows */
	/* a quote that ends its paragraph, signed in the next: "- Ann Lee,
	 * Portland." (its line shows, to its end) */
	if (end == k + 1 && is_break_tok(&c->t[k]) && end + 1 < c->n &&
	    is_dash(&c->t[end]) && is_w(&c->t[end + 1]))
		while (end < c->n && end < k + 24 && !is_break_tok(&c->t[end]))
			end++;
	shape_init(&sh);
	/* '"Q." Rubio called it ...': a quote that ends its own sentence
	 * shows as a leading '.', for patterns.txt to ask for an
	 * attribution that ends the sentence ('"Q?" she asked.') */
	if (k >= 2 && c->t[k - 1].kind == TK_QUOTE && is_end_p(&c->t[k - 2]))
		push_chunk(&sh, '.', k - 2, k - 1, NULL);
	chunk_span(c, k, end, &sh, last_speaker, false);
	return match_side(c, &sh, CP_AFTER, k, L);
}

/* SPEAKER CUE ... "Q": the sentence before token o (the opening mark),
 * within paragraph start pa. */
static bool
link_before(actx *c, size_t o, size_t pa, link *L, int last_speaker)
{
	shape sh;
	size_t a = c->ulo[o];

	if (a < pa)
		a = pa;
	if (a >= o)
		return false;
	shape_init(&sh);
	if (o - a > BEFORE_TOKENS + HEAD_TOKENS) {
		/* a long sentence: its head (for the subject) and its end */
		chunk_span(c, a, a + HEAD_TOKENS, &sh, last_speaker, false);
		push_chunk(&sh, '~', a + HEAD_TOKENS, o - BEFORE_TOKENS, NULL);
		a = o - BEFORE_TOKENS;
	}
	chunk_span(c, a, o, &sh, last_speaker, true);
	return match_side(c, &sh, CP_BEFORE, o, L);
}

/* A quote opening its sentence after a sentence of attribution alone
 * ("Sam Lau, the party's director, said in a statement. "Q""): that
 * sentence, in the quote's paragraph or ending the one before. */
static bool
link_previous(actx *c, size_t o, size_t pa, link *L, int last_speaker)
{
	size_t e = o, a;

	if (o == 0 || c->ulo[o] != o)
		return false;
	while (e > 0 && (is_break_tok(&c->t[e - 1]) ||
	                 c->t[e - 1].kind == TK_QUOTE))
		e--; /* the break and any stray mark before the quote */
	if (e == 0 || (o == pa && c->t[e - 1].para + 1 != c->t[o].para))
		return false;
	a = c->ulo[e - 1];
	if (e - a > BEFORE_TOKENS)
		a = e - BEFORE_TOKENS;
	return match_span(c, a, e, true, CP_PREVIOUS, o, L, last_speaker);
}

/* A paragraph opening with a quote after one that ends in a colon ("He
 * said:", "And from Chairwoman Rosenworcel:"): colon at token col,
 * paragraph start pp. */
static bool
link_leadin(actx *c, size_t col, size_t pp, link *L, int last_speaker)
{
	size_t a = col > pp + LEADIN_TOKENS ? col - LEADIN_TOKENS : pp;

	return match_span(c, a, col + 1, true, CP_LEADIN, col, L, last_speaker);
}

/* ---- writing the result ---------------------------------------------------- */

static bool
set_field(quote *q, quoth_field f, const char *s, size_t n)
{
	char *d = malloc(n + 1);

	if (!d)
		return false;
	memcpy(d, s, n);
	d[n] = '\0';
	free(q->str[f]);
	q->str[f] = d;
	q->str_len[f] = n;
	return true;
}

/* Quote q's speaker as written: the text of tokens [a, b).  False (and
 * c->failed) when out of memory. */
static bool
speaker_as_written(actx *c, quote *q, size_t a, size_t b)
{
	size_t len;
	char *str = span_text(c, a, b, &len);

	if (!str) {
		c->failed = true;
		return false;
	}
	free(q->str[QUOTH_FIELD_SPEAKER]);
	q->str[QUOTH_FIELD_SPEAKER] = str;
	q->str_len[QUOTH_FIELD_SPEAKER] = len;
	return true;
}

/* Quote q's speaker string copied from quote `from`'s. */
static bool
copy_speaker(actx *c, quote *q, const quote *from)
{
	if (set_field(q, QUOTH_FIELD_SPEAKER, from->str[QUOTH_FIELD_SPEAKER],
	              from->str_len[QUOTH_FIELD_SPEAKER]))
		return true;
	c->failed = true;
	return false;
}

static void
apply_link(actx *c, quote *q, const link *L)
{
	speaker sp = L->sp;
	const entity *e = ent_at(c, sp.ent);
	qattr *qa = qa_of(c, q);

	/* "the EU", "The Forecaddie": an organisation keeps its article,
	 * as written */
	if ((sp.kind == SK_ORG || (sp.kind == SK_NAME && !(e && e->person))) &&
	    sp.a > 0 && wordeq(c, sp.a - 1, "the") &&
	    !(e && !e->org && e->person) && !possessive(c, sp.b - 1)) {
		sp.a--;
		sp.ent = -1;
		e = NULL;
	}
	q->mention_start = c->t[sp.a].start;
	q->mention_end = c->t[sp.b - 1].end;
	if (L->cue_a != QUOTH_NONE) {
		q->cue_start = c->t[L->cue_a].start;
		q->cue_end = c->t[L->cue_b - 1].end;
	}
	q->rule = L->rule;
	q->entity = sp.ent;
	qa->sp_kind = sp.kind;
	qa->sp_gender = sp.gender;
	qa->sp_tok = sp.a;
	qa->link_end = L->cue_a == QUOTH_NONE || sp.b > L->cue_b ? sp.b
	                                                         : L->cue_b;
	qa->sp_fallback = sp.fallback;
	/* named as the subject of a cue: a person (organisations aside) */
	if (e && !e->org && sp.kind == SK_NAME)
		QVEC_AT(&c->ents, entity, (size_t)sp.ent)->person = true;
	if (!e && sp.kind != SK_PRONOUN && sp.kind != SK_NONE) {
		/* an unresolved name, role or organisation: as written */
		if (!speaker_as_written(c, q, sp.a, sp.b))
			return;
	}
	if (e && sp.kind == SK_ROLE && sp.gender) {
		entity *me = QVEC_AT(&c->ents, entity, (size_t)sp.ent);
		if (!me->gender)
			me->gender = sp.gender;
	}
}

static bool
finish_fields(actx *c)
{
	size_t i;

	for (i = 0; i < c->r->nq; i++) {
		quote *q = &c->r->q[i];
		const entity *e = ent_at(c, q->entity);

		if (!e)
			continue;
		if (!set_field(q, QUOTH_FIELD_SPEAKER, e->name, e->name_len))
			return false;
		if (e->title &&
		    !set_field(q, QUOTH_FIELD_TITLE, e->title, strlen(e->title)))
			return false;
		if (e->gender &&
		    !set_field(q, QUOTH_FIELD_GENDER,
		               e->gender == G_MALE ? "male" : "female",
		               e->gender == G_MALE ? 4 : 6))
			return false;
	}
	return true;
}

/* ---- indirect speech ------------------------------------------------------- */

/* The sentence of token i, cut at line breaks (precomputed). */
static size_t
sentence_start(const actx *c, size_t i)
{
	return c->ulo[i];
}

static size_t
sentence_end(const actx *c, size_t i)
{
	return c->uhi[i];
}

/* Fill ulo/uhi: each token's sentence, cut at line breaks. */
static bool
sentence_units(actx *c)
{
	size_t i;

	c->ulo = xmalloc_array(c->n, sizeof(size_t));
	c->uhi = xmalloc_array(c->n, sizeof(size_t));
	if (!c->ulo || !c->uhi)
		return false;
	for (i = 0; i < c->n; i++)
		c->ulo[i] = i > 0 && c->t[i - 1].sent == c->t[i].sent &&
		                    !is_break_tok(&c->t[i - 1])
		                    ? c->ulo[i - 1]
		                    : i;
	for (i = c->n; i-- > 0;)
		c->uhi[i] = i + 1 < c->n && c->t[i + 1].sent == c->t[i].sent &&
		                    !is_break_tok(&c->t[i + 1])
		                    ? c->uhi[i + 1]
		                    : i;
	return true;
}

static quote *
new_quote(actx *c)
{
	quoth_result *r = c->r;
	quote *q;

	if (r->nq == r->capq) {
		size_t cap = r->capq ? r->capq * 2 : 16;
		quote *nq = xrealloc_array(r->q, cap, sizeof(quote));
		if (!nq) {
			c->failed = true;
			return NULL;
		}
		r->q = nq;
		r->capq = cap;
	}
	if (r->nq >= c->qa_cap) {
		qattr *na = xrealloc_array(c->qa, r->capq, sizeof(qattr));
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

/* Are there at least `want` words in [a, b]?  Stops counting there. */
static bool
words_at_least(const actx *c, size_t a, size_t b, size_t want)
{
	size_t i, n = 0;

	for (i = a; i <= b && i < c->n && n < want; i++)
		if (c->t[i].kind == TK_WORD || c->t[i].kind == TK_NUM)
			n++;
	return n >= want;
}

/* Count words in [a, b]. */
static size_t
words_in(const actx *c, size_t a, size_t b)
{
	size_t i, n = 0;

	for (i = a; i <= b && i < c->n; i++)
		if (c->t[i].kind == TK_WORD || c->t[i].kind == TK_NUM)
			n++;
	return n;
}

/* Add an indirect (or mixed) quote over tokens [a, b] with link L; the
 * partial quotes inside it are absorbed as its verbatim fragments. */
static void
add_indirect2(actx *c, size_t a, size_t b, size_t a2, size_t b2,
              const link *L, uint8_t *used)
{
	quote *q;
	size_t i, nfrag = 0, k, kfirst;

	while (b > a && c->t[b].kind == TK_PUNCT && c->t[b].cp != ')')
		b--;
	if (b < a || b - a > CLAUSE_MAX ||
	    (a2 != QUOTH_NONE && (b2 < a2 || b2 - a2 > CLAUSE_MAX)))
		return;
	if (!words_at_least(c, a, b, 3) &&
	    !(a2 != QUOTH_NONE && words_at_least(c, a, b, 1) &&
	      words_at_least(c, a2, b2, 2)))
		return;
	for (i = a; i <= b; i++)
		if (used[i])
			return;
	if (a2 != QUOTH_NONE) {
		while (b2 > a2 && c->t[b2].kind == TK_PUNCT && c->t[b2].cp != ')')
			b2--;
		if (b2 <= a2)
			a2 = QUOTH_NONE;
		for (i = a2; a2 != QUOTH_NONE && i <= b2; i++)
			if (used[i])
				a2 = QUOTH_NONE;
	}
	q = new_quote(c);
	if (!q)
		return;
	if (a2 != QUOTH_NONE) {
		qpart *np = realloc(q->parts, 2 * sizeof(qpart));
		if (!np) {
			c->failed = true;
			return;
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
	apply_link(c, q, L);
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
	for (k = kfirst; k < c->nq0 &&
	                 c->r->q[k].parts[0].start < q->parts[q->nparts - 1].end;
	     k++) {
		quote *p = &c->r->q[k];
		if (p->type == QUOTH_PARTIAL && p->parts[0].start >= q->parts[0].start &&
		    p->parts[p->nparts - 1].end <= q->parts[q->nparts - 1].end)
			nfrag++;
	}
	if (nfrag) {
		size_t *verb = calloc(2 * nfrag, sizeof(size_t)), f = 0;
		if (!verb) {
			c->failed = true;
			return;
		}
		for (k = kfirst; k < c->nq0 &&
		                 c->r->q[k].parts[0].start <
		                         q->parts[q->nparts - 1].end;
		     k++) {
			quote *p = &c->r->q[k];
			if (p->type == QUOTH_PARTIAL &&
			    p->parts[0].start >= q->parts[0].start &&
			    p->parts[p->nparts - 1].end <=
			            q->parts[q->nparts - 1].end) {
				verb[2 * f] = p->parts[0].vstart;
				verb[2 * f + 1] = p->parts[p->nparts - 1].vend;
				f++;
				p->type = QUOTH_MIXED; /* marked: removed below */
				c->qa[k].absorbed = true;
			}
		}
		q = &c->r->q[c->r->nq - 1];
		q->type = QUOTH_MIXED;
		q->verb = verb;
		q->nverb = nfrag;
	}
}

/* Without "that", reported speech starts like a clause, not with a
 * preposition, an adverb or a number ("added 0.4 per cent", "yelled at
 * a player", "responded just a minute later", "was reported by"). */
static bool
clause_start_ok(const actx *c, size_t k)
{
	static const char *const no[] = {
		"at", "by", "over", "about", "to", "with", "in", "on", "for",
		"from", "into", "onto", "of", "off", "up", "down", "out",
		"just", "twice", "once", "again", "back", "after", "before",
		"during", "when", "where", "against", "through",
		"under", "between", "among", "toward", "towards", "across"};

	if (k >= c->n)
		return false;
	if (c->t[k].kind == TK_QUOTE)
		return true;
	if (!is_w(&c->t[k]))
		return false;
	return !word_in(c, k, no, QUOTH_ARRAY_LEN(no));
}

static void
add_indirect(actx *c, size_t a, size_t b, const link *L, uint8_t *used)
{
	add_indirect2(c, a, b, QUOTH_NONE, 0, L, used);
}

static bool
is_prep(const actx *c, size_t k)
{
	static const char *const preps[] = {
		"in", "on", "at", "during", "before", "after", "for", "to",
		"with", "via", "over", "by", "last", "this", "earlier",
		"later", "through", "from", "under", "late", "early"};
	return word_in(c, k, preps, QUOTH_ARRAY_LEN(preps));
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
	static const char *const subj[] = {"he", "she", "it", "they", "we",
	                                   "i", "there", "you"};
	size_t m = k, w, s0;
	int rounds;

	for (rounds = 0; rounds < 3 && m < se; rounds++) {
		size_t best = 0;
		/* "states, however, that" */
		if ((wordeq(c, m, "however") || wordeq(c, m, "also") ||
		     wordeq(c, m, "though")) && m + 1 < se &&
		    is_p(&c->t[m + 1], ',')) {
			m += 2;
			continue;
		}
		if (is_p(&c->t[m], ',') && m + 2 < se &&
		    wordeq(c, m + 1, "however") && is_p(&c->t[m + 2], ',')) {
			m += 3;
			continue;
		}
		/* an adverbial cue phrase from the data */
		for (w = 6; w >= 2; w--)
			if (m + w <= se) {
				int v = lex(c, LEX_CUES, m, m + w);
				if (v >= 0 && (v & FLAG('a'))) {
					best = w;
					break;
				}
			}
		if (best) {
			m += best;
			continue;
		}
		if (!is_prep(c, m))
			break;
		s0 = m;
		for (w = m + 1; w < se && w <= s0 + 5; w++) {
			size_t q;
			if (wordeq(c, w, "that") || is_p(&c->t[w], ','))
				break;
			for (q = 0; q < QUOTH_ARRAY_LEN(subj); q++)
				if (wordeq(c, w, subj[q]))
					break;
			if (q < QUOTH_ARRAY_LEN(subj))
				break;
			if (!is_w(&c->t[w]) && c->t[w].kind != TK_NUM &&
			    !inner_dot(c, w) && !apos_mark(c, w))
				return k;
		}
		if (w >= se || w > s0 + 5)
			return k;
		m = w;
		if (is_p(&c->t[m], ','))
			return m + 1;
		if (!wordeq(c, m, "that"))
			return m; /* a subject pronoun starts the clause */
	}
	return m;
}

/* A clause ends before a new speaker's cue joined to it: "X, but
 * Chapman says that's not what...". */
static size_t
trim_at_next_cue(actx *c, size_t k, size_t se)
{
	size_t m;

	for (m = k + 3; m <= se && m < k + 80; m++) {
		size_t a;
		if (c->inq[m] || cue_at(c, m) < 0)
			continue;
		/* the subject right before the cue, after a conjunction */
		for (a = m; a > k + 2 && m - a < 5 && is_w(&c->t[a - 1]) &&
		            !wordeq(c, a - 1, "but") && !wordeq(c, a - 1, "and") &&
		            !wordeq(c, a - 1, "while");
		     a--)
			;
		if (a > k + 2 && a < m &&
		    (wordeq(c, a - 1, "but") || wordeq(c, a - 1, "while") ||
		     (wordeq(c, a - 1, "and") && is_p(&c->t[a - 2], ','))))
			return is_p(&c->t[a - 2], ',') ? a - 3 : a - 2;
		/* "While some critics say A, Jagelewski says B": a name
		 * after a comma, then its own cue */
		for (a = m; a > k + 2 && m - a < 4 && is_w(&c->t[a - 1]) &&
		            (c->t[a - 1].flags & TF_CAP) && !c->inq[a - 1];
		     a--)
			;
		if (a > k + 2 && a < m && is_p(&c->t[a - 1], ',') &&
		    lex(c, LEX_NONNAMES, a, a + 1) < 0)
			return a - 2;
	}
	return se;
}

/* he, she, it, they, we, I, there: a clause begins ("stated in July it
 * opposed the pipeline"). */
static bool
subject_pronoun(const actx *c, size_t k)
{
	return wordeq(c, k, "he") || wordeq(c, k, "she") ||
	       wordeq(c, k, "it") || wordeq(c, k, "they") ||
	       wordeq(c, k, "we") || wordeq(c, k, "i") ||
	       wordeq(c, k, "there");
}

static bool
wh_word(const actx *c, size_t k)
{
	return wordeq(c, k, "whether") || wordeq(c, k, "if") ||
	       wordeq(c, k, "how") || wordeq(c, k, "why") ||
	       wordeq(c, k, "what") || wordeq(c, k, "when") ||
	       wordeq(c, k, "where") || wordeq(c, k, "who");
}

/* Does the clause at k hold a finite verb early on: an auxiliary, a modal
 * or a form of "be" ("the backstop would be", "it was closing")?  A
 * noun phrase object ("a hefty rise in spending") does not. */
static bool
has_finite_verb(const actx *c, size_t k, size_t se)
{
	static const char *const aux[] = {
		"is", "are", "was", "were", "will", "would", "could", "should",
		"can", "cannot", "may", "might", "must", "has", "have", "had",
		"does", "did", "do", "isn't", "aren't", "wasn't", "weren't",
		"won't", "wouldn't", "couldn't", "shouldn't", "can't",
		"hasn't", "haven't", "hadn't", "doesn't", "didn't", "don't",
		"it's", "he's", "she's", "they're", "we're", "there's"};
	size_t m, q;

	for (m = k; m <= se && m < k + 10; m++) {
		if (!is_w(&c->t[m]))
			continue;
		for (q = 0; q < QUOTH_ARRAY_LEN(aux); q++)
			if (wordeq(c, m, aux[q]))
				return true;
		/* it’s, they’re with the curly apostrophe */
		if (c->t[m].end - c->t[m].start > 4 &&
		    memcmp(c->text + c->t[m].end - 4, "\xe2\x80\x99", 3) == 0 &&
		    (c->text[c->t[m].end - 1] == 's' ||
		     c->text[c->t[m].end - 1] == 'e'))
			return true;
	}
	return false;
}

/* Find reported speech in sentences that hold no direct quote. */
static void
find_indirect(actx *c, uint8_t *dir, uint8_t *used)
{
	size_t i, n = c->n;
	int last = -1;

	for (i = 0; i < n; i++) {
		int v;
		link L;
		size_t me, sa, se, k, ce;

		v = cue_at(c, i);
		if (v < 0 || !(v & FLAG('c')) || used[i] || c->inq[i])
			continue;
		sa = sentence_start(c, i);
		se = sentence_end(c, i);
		if (!no_direct_in(c, dir, sa, se) ||
		    label_line(c->text, c->t, c->n, para_start_tok(c, i)) ||
		    caption_para(c->t, para_start_tok(c, i), para_stop(c->tl, i)))
			continue;
		memset(&L, 0, sizeof(L));
		ce = i + cue_len(c, i); /* the token after the cue */
		L.cue_a = i;
		L.cue_b = ce;
		/* CLAUSE, SPEAKER CUE.   or   CLAUSE, CUE SPEAKER. */
		if (i > sa + 3 && (is_p(&c->t[i - 1], ',') ||
		                   c->t[i].flags & TF_SPACE_BEFORE)) {
			/* SPEAKER CUE at the end */
			if (subject_before(c, i, &L.sp, &me, last) &&
			    L.sp.a > sa + 2 && is_p(&c->t[L.sp.a - 1], ',')) {
				size_t after = ce, k2 = ce;
				while (after <= se && (is_filler(c, after) ||
				                       c->t[after].kind == TK_PUNCT))
					after++;
				size_t tail = skip_adverbials(c, ce, se);
				if (after > se || !words_at_least(c, ce, se, 5) ||
				    /* "..., the company wrote in its filing." */
				    tail > se || (tail > ce &&
				                  !words_at_least(c, tail, se, 2)) ||
				    /* "..., Foster writes; ..." */
				    is_p(&c->t[ce], ';')) {
					L.rule = kind_rule(&L.sp, "cue-after");
					add_indirect(c, sa, L.sp.a - 2, &L, used);
					last = L.sp.ent;
					continue;
				}
				/* "A, he says, B": one quote in two parts */
				while (k2 < se && is_filler(c, k2))
					k2++;
				if (is_p(&c->t[k2], ',') &&
				    words_at_least(c, k2 + 1, se, 3)) {
					L.rule = kind_rule(&L.sp, "cue-after");
					add_indirect2(c, sa, L.sp.a - 2, k2 + 1, se,
					              &L, used);
					last = L.sp.ent;
					continue;
				}
			}
		}
		if (i > sa + 3 && is_p(&c->t[i - 1], ',') && (v & FLAG('i'))) {
			size_t m = parse_speaker_fwd(c, ce, &L.sp, last);
			if (m > ce && (m >= se - 1 || is_p(&c->t[m], ',') ||
			               is_p(&c->t[m], '('))) {
				L.rule = kind_rule(&L.sp, "cue-after");
				add_indirect(c, sa, i - 2, &L, used);
				last = L.sp.ent;
				continue;
			}
		}
		/* SPEAKER CUE [OBJECT] [that] CLAUSE, or a participle:
		 * "..., adding that CLAUSE" */
		if ((v & FLAG('g')) && sentence_subject(c, i, &L.sp, last)) {
			/* the speaker is found; the clause follows */
		} else if (subject_before(c, i, &L.sp, &me, last)) {
			/* the subject right before the cue */
		} else if (i > 0 && wordeq(c, i - 1, "and") &&
		           sentence_subject(c, i, &L.sp, last) &&
		           L.sp.kind != SK_PRONOUN) {
			/* "Trump bemoaned the unrest and said he thought
			 * ...": the sentence's subject (as patterns.txt's
			 * '&' shape does for direct quotes) */
		} else {
			continue;
		}
		k = ce;
		if (v & FLAG('o')) {
			/* the listener: up to 4 words before "that" or the
			 * clause (told reporters that, told the meeting) */
			size_t m;
			for (m = k; m < se && m < k + 5; m++)
				if (wordeq(c, m, "that"))
					break;
			if (m < se && wordeq(c, m, "that"))
				k = m;
			else if (k < se && is_w(&c->t[k]) &&
			         (lex(c, LEX_PRONOUNS, k, k + 1) >= 0 ||
			          wordeq(c, k, "reporters")))
				k++;
			else if (k < se && is_w(&c->t[k]) &&
			         (c->t[k].flags & TF_CAP)) {
				/* "told HuffPost Canada the issue is ..." */
				size_t q4 = k;
				while (q4 < se && q4 < k + 4 && is_w(&c->t[q4]) &&
				       (c->t[q4].flags & TF_CAP))
					q4++;
				if (q4 < se && is_w(&c->t[q4]) &&
				    !(c->t[q4].flags & TF_CAP))
					k = q4;
			}
		}
		/* "said in a statement that", "stated in July it", "admits
		 * in this instance, there were" */
		k = skip_adverbials(c, k, se);
		if (k < se && is_p(&c->t[k], ','))
			continue; /* "said, ..." is a list or aside */
		if (wordeq(c, k, "that"))
			k++;
		else if (!clause_start_ok(c, k) ||
		         (!(v & FLAG('k')) && !wh_word(c, k) &&
		          !subject_pronoun(c, k) && !has_finite_verb(c, k, se)))
			continue; /* "Carolina added three more goals" */
		se = trim_at_next_cue(c, k, se);
		if (k >= se || !words_at_least(c, k, se, 3) ||
		    se - k > CLAUSE_MAX)
			continue;
		/* "did not say whether", "never told them": no content was
		 * reported */
		if (i > 0 && (wordeq(c, i - 1, "not") ||
		              wordeq(c, i - 1, "never") ||
		              (c->t[i - 1].end - c->t[i - 1].start > 3 &&
		               (memcmp(c->text + c->t[i - 1].end - 3, "n't",
		                       3) == 0 ||
		                (c->t[i - 1].end - c->t[i - 1].start > 5 &&
		                 memcmp(c->text + c->t[i - 1].end - 5,
		                        "n\xe2\x80\x99t", 5) == 0)))))
			continue;
		/* "was asked", "were told": passive, the subject is the
		 * listener */
		if (i > 0 && (wordeq(c, i - 1, "was") || wordeq(c, i - 1, "were") ||
		              wordeq(c, i - 1, "been") || wordeq(c, i - 1, "being")))
			continue;
		/* a clause needs a verb-like second word; keep it simple:
		 * no clause starts with a preposition + end */
		L.rule = (v & FLAG('g'))        ? "participle"
		         : L.sp.kind == SK_PRONOUN ? "pronoun"
		         : L.sp.kind == SK_ROLE  ? "role"
		                                 : "cue-before";
		add_indirect(c, k, se, &L, used);
		last = L.sp.ent;
	}
	/* According to X, CLAUSE.  and  CLAUSE, according to X. */
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
		m = parse_source(c, i + 2, &L.sp, -1);
		if (m == i + 2 || L.sp.kind == SK_PRONOUN)
			continue;
		L.cue_a = i;
		L.cue_b = i + 2;
		L.rule = "according-to";
		if (i == sa) {
			m = skip_appositive(c, m);
			while (m < se && !is_p(&c->t[m], ','))
				m++;
			if (m < se)
				add_indirect(c, m + 1, se, &L, used);
		} else if (i > sa + 1 && is_p(&c->t[i - 1], ',') &&
		           m < se && is_p(&c->t[m], ',') &&
		           words_at_least(c, m + 1, se, 3)) {
			/* "Shelter residents, according to the findings,
			 * are fearful": one quote in two parts */
			add_indirect2(c, sa, i - 2, m + 1, se, &L, used);
		} else if (i > sa + 3 && is_p(&c->t[i - 1], ',')) {
			add_indirect(c, sa, i - 2, &L, used);
		}
	}
}

/* ---- main entry ------------------------------------------------------------ */

static size_t
tok_of(const actx *c, size_t byte_off)
{
	size_t lo = 0, hi = c->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (c->t[mid].start < byte_off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static size_t
para_start_tok(const actx *c, size_t i)
{
	return para_first(c->tl, i);
}

/* A quote with its side-table entry, for sorting both in step. */
typedef struct {
	quote q;
	qattr a;
	size_t pos; /* its index before sorting */
} quote_pair;

/* Text order: by start, then first token, then type; ties keep the order
 * they had (as a stable sort would). */
static int
cmp_pos(const void *a, const void *b)
{
	const quote_pair *pa = a, *pb = b;
	const quote *x = &pa->q, *y = &pb->q;

	if (x->parts[0].start != y->parts[0].start)
		return x->parts[0].start < y->parts[0].start ? -1 : 1;
	if (x->first_tok != y->first_tok)
		return x->first_tok < y->first_tok ? -1 : 1;
	if (x->type != y->type)
		return x->type < y->type ? -1 : 1;
	return pa->pos < pb->pos ? -1 : pa->pos > pb->pos ? 1 : 0;
}

/* Sort c->r->q and the side table c->qa in step into text order. */
static bool
sort_quotes(actx *c)
{
	quoth_result *r = c->r;
	quote_pair *p;
	size_t i;

	if (r->nq < 2)
		return true;
	p = xmalloc_array(r->nq, sizeof(*p));
	if (!p)
		return false;
	for (i = 0; i < r->nq; i++) {
		p[i].q = r->q[i];
		p[i].a = c->qa[i];
		p[i].pos = i;
	}
	qsort(p, r->nq, sizeof(*p), cmp_pos);
	for (i = 0; i < r->nq; i++) {
		r->q[i] = p[i].q;
		c->qa[i] = p[i].a;
	}
	free(p);
	return true;
}

/* Does the lowercase word at k look like a verb: "-ed", "-s" (not
 * "-ss", "-ous", "-ics")? */
static bool
verb_like(const actx *c, size_t k)
{
	const char *w = c->text + c->t[k].start;
	size_t n = c->t[k].end - c->t[k].start;

	if (n < 3)
		return false;
	if ((w[n - 2] == 'e' && w[n - 1] == 'd') ||
	    (n > 4 && memcmp(w + n - 3, "ing", 3) == 0))
		return true;
	return w[n - 1] == 's' && w[n - 2] != 's' && w[n - 2] != 'u' &&
	       !(w[n - 2] == 'c' && w[n - 3] == 'i');
}

/*
 * Is the name mention m the subject of its clause?  It (with any title or
 * "the" before it) starts a sentence or follows a comma, a conjunction or
 * a cue, and a verb or a comma follows it.  Objects and possessives
 * ("told HuffPost Canada", "Trump's plan") are not antecedents of "he".
 */
static bool
subject_like(const actx *c, const mention_rec *m)
{
	static const char *const lead[] = {"and", "but", "when", "as",
	                                   "while", "after", "because",
	                                   "that", "before", "since", "so"};
	size_t a = m->tok, b = m->end;
	bool before_ok = false, titled = false, modified = false;
	int steps;

	/* back over titles and honorifics: a few words at most */
	for (steps = 0; steps < 8; steps++) {
		if (a > 0 && is_w(&c->t[a - 1]) &&
		    c->t[a - 1].sent == c->t[a].sent &&
		    ((c->t[a - 1].flags & TF_CAP) ||
		     lex(c, LEX_TITLES, a - 1, a) >= 0)) {
			if (lex(c, LEX_TITLES, a - 1, a) >= 0)
				titled = true;
			a--;
			continue;
		}
		/* "Republican presidential candidate Jane Doe": a
		 * lowercase modifier before a title, not a verb */
		if (titled && a > 0 && is_w(&c->t[a - 1]) &&
		    !(c->t[a].flags & TF_CAP) &&
		    c->t[a - 1].sent == c->t[a].sent && !c->inq[a - 1] &&
		    cue_at(c, a - 1) < 0 && !is_prep(c, a - 1) &&
		    lex(c, LEX_NONNAMES, a - 1, a) < 0 &&
		    lex(c, LEX_PRONOUNS, a - 1, a) < 0 &&
		    !is_filler(c, a - 1) && !verb_like(c, a - 1)) {
			a--;
			modified = true;
			continue;
		}
		/* the dot of "Mr." / "Gov." */
		if (a > 1 && is_p(&c->t[a - 1], '.') &&
		    lex(c, LEX_HONORIFICS, a - 2, a - 1) >= 0) {
			a -= 2;
			continue;
		}
		break;
	}
	if (a > 0 && wordeq(c, a - 1, "the"))
		a--;
	/* "but a hoarse-voiced Sanders got in digs": a name after "a"
	 * and a word describing him */
	else if (a > 1 && a == m->tok && b < c->n && is_w(&c->t[b]) &&
	         !(c->t[b].flags & TF_CAP) && !is_prep(c, b) &&
	         !wordeq(c, b, "and") && !wordeq(c, b, "of") &&
	         is_w(&c->t[a - 1]) && !(c->t[a - 1].flags & TF_CAP) &&
	         (wordeq(c, a - 2, "a") || wordeq(c, a - 2, "an")) &&
	         cue_at(c, a - 1) < 0 && !c->inq[a - 1])
		a -= 2;
	if (a == 0 || c->t[a - 1].sent != c->t[a].sent ||
	    is_break_tok(&c->t[a - 1]) || c->t[a - 1].kind == TK_QUOTE)
		before_ok = true;
	/* (with lowercase modifiers, which an apposition or an object
	 * has too, a comma only before a verb: "In a memo, campaign
	 * manager Jane Doe wrote", not "his wife, presidential nominee
	 * Jane Doe, over") */
	else if ((is_p(&c->t[a - 1], ',') || is_p(&c->t[a - 1], ';')) &&
	         (!modified || (b < c->n && is_w(&c->t[b]))))
		before_ok = true;
	if (modified && !before_ok)
		return false;
	/* '"Q," said Jane Doe' names a subject, "told CTV News" a listener
	 * and "He accused Clinton" an object: the cue must stand inverted,
	 * after a quote, a comma or at the sentence start */
	if (a > 0 && !before_ok) {
		int v = cue_at(c, a - 1);
		/* (or the subject of the clause reported: "Flynn said
		 * Donald Trump was right") */
		if (v >= 0 && (v & FLAG('i')) && !(v & FLAG('o')) &&
		    (a < 2 || c->t[a - 2].kind == TK_QUOTE ||
		     is_p(&c->t[a - 2], ',') || is_break_tok(&c->t[a - 2]) ||
		     c->t[a - 2].sent != c->t[a - 1].sent ||
		     (b < c->n && is_w(&c->t[b]) &&
		      !(c->t[b].flags & TF_CAP) && !is_prep(c, b) &&
		      !wordeq(c, b, "of") && !wordeq(c, b, "and"))))
			before_ok = true;
	}
	if (!before_ok && word_in(c, a - 1, lead, QUOTH_ARRAY_LEN(lead)))
		before_ok = true;
	/* "chefs such as Daniel Boulud": an example, not a subject */
	if (before_ok && a > 1 && wordeq(c, a - 1, "as") &&
	    wordeq(c, a - 2, "such"))
		before_ok = false;
	if (!before_ok || b == 0 || possessive(c, b - 1))
		return false;
	return b >= c->n || (is_w(&c->t[b]) && !(c->t[b].flags & TF_CAP)) ||
	       is_p(&c->t[b], ',') || is_p(&c->t[b], '(');
}

/* Can mention m of entity e be what "he" or "she" refers to?  A person
 * the article shows to be one, or a full name that nothing marks as a
 * place or an organisation (written in full by then: "Canadian" does not
 * become a person because "Western Canadian" comes later). */
static bool
antecedent_ok(const actx *c, const entity *e, const mention_rec *m)
{
	(void)c;
	if (e->org)
		return false;
	if (e->strong)
		return true;
	if (e->nonperson)
		return false;
	if (e->person)
		return true;
	return e->first_multi != QUOTH_NONE && e->first_multi <= m->tok;
}

/* Is mention mk the first of its entity outside photo captions?  (A
 * caption may name a person before the story introduces them.) */
static bool
first_outside_captions(const actx *c, size_t mk)
{
	const mention_rec *m = QVEC_AT(&c->ments, mention_rec, mk);
	size_t k, stop = mk > MENTION_WINDOW ? mk - MENTION_WINDOW : 0;

	for (k = mk; k-- > stop;) {
		const mention_rec *p = QVEC_AT(&c->ments, mention_rec, k);
		if (p->ent == m->ent &&
		    !(c->capt && c->capt[c->t[p->tok].para]))
			return false;
	}
	return true;
}

/* "results for accountant Jane Doe, 50.": a person's first mention with
 * an age, even as an object, introduces who speaks next. */
static bool
introduced(const actx *c, size_t mk)
{
	const mention_rec *m = QVEC_AT(&c->ments, mention_rec, mk);

	return m->end + 2 < c->n && is_p(&c->t[m->end], ',') &&
	       c->t[m->end + 1].kind == TK_NUM &&
	       apposition_kind(c, m->end) == 1 &&
	       first_outside_captions(c, mk);
}

/*
 * "she added", with no person in the three paragraphs before: the one
 * person the article has shown to be of that gender among those named
 * before token tok (within MENTION_WINDOW mentions), when there is
 * exactly one and no person of unknown gender was the subject of a
 * clause in those three paragraphs.  -1 otherwise.
 */
static int
only_one_of_gender(const actx *c, size_t tok, int gender)
{
	size_t k = first_mention(c, tok), stop, j, lo;
	uint32_t para = c->t[tok].para;
	int found = -1;

	if (!gender || gender == G_THING)
		return -1;
	/* "A 29-year-old Berlin woman ... she wrote": someone of that
	 * gender described, not named, in those paragraphs */
	for (j = tok, lo = tok > BEFORE_TOKENS * 8 ? tok - BEFORE_TOKENS * 8
	                                           : 0;
	     j-- > lo && c->t[j].para + 3 >= para;) {
		int tv;
		if (!is_w(&c->t[j]) || c->inq[j])
			continue;
		tv = lex(c, LEX_TITLES, j, j + 1);
		if (tv < 0 || (tv & FLAG('g')))
			continue;
		if (tv & FLAG(gender == G_MALE ? 'm' : 'f'))
			return -1;
		/* "At that moment, the French ambassador ...": a role
		 * as a subject */
		{
			size_t d = j;
			while (d > lo && j - d < 4 && is_w(&c->t[d - 1]) &&
			       !np_det(c, d - 1))
				d--;
			if (d > lo && np_det(c, d - 1) &&
			    (d - 1 == sentence_start(c, d - 1) ||
			     is_p(&c->t[d - 2], ',')))
				return -1;
		}
	}
	stop = k > MENTION_WINDOW ? k - MENTION_WINDOW : 0;
	while (k-- > stop) {
		const mention_rec *m = QVEC_AT(&c->ments, mention_rec, k);
		const entity *e = ent_at(c, m->ent);
		if (m->tok >= tok || e->org)
			continue;
		if (c->capt && c->capt[c->t[m->tok].para])
			continue;
		if (!e->gender) {
			/* (whatever else marks it: "in Trump" made a
			 * place of him) */
			if (c->t[m->tok].para + 3 >= para &&
			    (subject_like(c, m) ||
			     c->t[m->tok].sent == c->t[tok].sent))
				return -1;
			continue;
		}
		if (e->gender != gender)
			continue;
		if (found >= 0 && found != m->ent)
			return -1;
		found = m->ent;
	}
	return found;
}

/*
 * The person a pronoun at token `tok` refers to: whichever is newer, the
 * last speaker or a person of agreeing gender named since as the subject
 * of a clause (within three paragraphs).
 */
static int
resolve_pronoun(const actx *c, size_t tok, int gender, int last_ent,
                size_t last_tok)
{
	size_t k = first_mention(c, tok), stop;
	uint32_t para = c->t[tok].para;
	int best[2] = {-1, -1}; /* [0] gender shown to agree, [1] unknown */
	size_t pos[2] = {0, 0};
	const entity *ls = ent_at(c, last_ent);
	bool ls_ok;

	/* a candidate at token p: kept when its gender does not clash,
	 * and in the class of its evidence if newer than the one there */
#define CONSIDER(ent, p)                                                   \
	do {                                                               \
		const entity *e_ = ent_at(c, (ent));                       \
		int cls_;                                                  \
		if (!e_ || e_->org ||                                      \
		    (gender && e_->gender && e_->gender != gender))        \
			break;                                             \
		cls_ = gender && e_->gender == gender ? 0 : 1;             \
		if (best[cls_] < 0 || (p) > pos[cls_]) {                   \
			best[cls_] = (ent);                                \
			pos[cls_] = (p);                                   \
		}                                                          \
	} while (0)

	if (ls)
		CONSIDER(last_ent, last_tok);
	/* a person named inside someone's reported speech ("Harris said
	 * Vickers would be ...") is what was said, not who says the next
	 * thing, while that someone can still be meant */
	ls_ok = best[0] >= 0 || best[1] >= 0;
	stop = k > MENTION_WINDOW ? k - MENTION_WINDOW : 0;
	while (k-- > stop) {
		const mention_rec *m = QVEC_AT(&c->ments, mention_rec, k);
		const entity *e;
		if (m->tok >= tok)
			continue;
		if (c->t[m->tok].para + 3 < para)
			break;
		if (c->capt && c->capt[c->t[m->tok].para])
			continue; /* a photo caption names who is pictured */
		if (ls_ok && c->inrep && c->inrep[m->tok])
			continue;
		e = ent_at(c, m->ent);
		if (!antecedent_ok(c, e, m) ||
		    (!subject_like(c, m) && !introduced(c, k)))
			continue;
		CONSIDER(m->ent, m->tok);
	}
#undef CONSIDER
	/* evidence of the same gender wins; failing that, the newest */
	if (best[0] >= 0 && best[1] >= 0)
		return pos[0] >= pos[1] ? best[0] : best[1];
	if (best[0] >= 0 || best[1] >= 0)
		return best[0] >= 0 ? best[0] : best[1];
	return only_one_of_gender(c, tok, gender);
}

/* Can "it" stand for e?  Not a person; but a one-word name that is a
 * person only because it spoke ("Facebook said"), with nothing else
 * about it that shows a person (a title, an age, he/she, a full name),
 * may be an organisation. */
static bool
it_ok(const entity *e)
{
	return e->org || !e->person ||
	       (!e->strong && !e->gender && e->first_multi == QUOTH_NONE &&
	        !strchr(e->name, ' '));
}

/* What "it" at token tok stands for: the newest of the last speaker (if
 * not a person) and the organisations named since as clause subjects
 * within two paragraphs ("Facebook told employees ... It also told
 * workers").  -1 when there is none. */
static int
resolve_it(const actx *c, size_t tok, int last_ent, size_t last_tok)
{
	size_t k = first_mention(c, tok), stop;
	uint32_t para = c->t[tok].para;
	const entity *ls = ent_at(c, last_ent);

	stop = k > MENTION_WINDOW ? k - MENTION_WINDOW : 0;
	while (k-- > stop) {
		const mention_rec *m = QVEC_AT(&c->ments, mention_rec, k);
		const entity *e;
		if (m->tok >= tok)
			continue;
		if (c->t[m->tok].para + 2 < para)
			break;
		if (ls && it_ok(ls) && m->tok < last_tok)
			break; /* the last speaker is newer */
		e = ent_at(c, m->ent);
		/* persons are no "it"; a one-word name seen once is too
		 * uncertain */
		if (!it_ok(e) ||
		    (!strchr(e->name, ' ') && !e->org && e->nment < 2))
			continue;
		if (subject_like(c, m))
			return m->ent;
	}
	return ls && it_ok(ls) ? last_ent : -1;
}

/* Is a person other than entity `except` the subject of a clause in
 * tokens [a, b)? */
static bool
subject_between(const actx *c, size_t a, size_t b, int except)
{
	size_t k;

	for (k = first_mention(c, a); k < c->ments.len; k++) {
		const mention_rec *m = QVEC_AT(&c->ments, mention_rec, k);
		const entity *e;
		if (m->tok >= b)
			break;
		if (m->ent == except)
			continue;
		e = ent_at(c, m->ent);
		if (!e->org && (e->person || strchr(e->name, ' ')) &&
		    subject_like(c, m))
			return true;
	}
	return false;
}

/* Is a person other than `except` named after the quote in the rest of
 * its sentence ('"Wir schaffen das", sagte Anna Berg.')?  Then the quote is
 * theirs in a way quoth did not parse, not a continuation. */
static bool
named_after(const actx *c, const quote *q, int except)
{
	size_t k = q->last_tok + 1, end, m;

	if (k >= c->n || is_break_tok(&c->t[k]) ||
	    c->t[k].sent != c->t[q->last_tok].sent)
		return false;
	/* the rest of the quote's sentence only */
	end = sentence_end(c, k) + 1;
	for (m = first_mention(c, k); m < c->ments.len; m++) {
		const mention_rec *mr = QVEC_AT(&c->ments, mention_rec, m);
		const entity *e;
		if (mr->tok >= end || mr->tok > k + 60)
			break;
		e = ent_at(c, mr->ent);
		if (mr->ent != except && !e->org &&
		    (e->person || strchr(e->name, ' ')))
			return true;
	}
	return false;
}

/* Does a cue follow the quote ('"Q," said 9/11 widow Terry Strada'),
 * even one whose speaker was not understood?  Then it is not a floating
 * quote. */
static bool
cue_follows(const actx *c, const quote *q)
{
	size_t k = q->parts[q->nparts - 1].tok_close;

	size_t m;

	if (k == QUOTH_NONE)
		return false;
	/* a cue within the next words of the sentence, over a speaker
	 * phrase quoth may not understand */
	for (m = k + 1; m < c->n && m < k + 14; m++) {
		/* 'Q." While critics say ...': a new sentence's cue */
		if (c->t[m].sent != c->t[k].sent)
			return false;
		if (cue_at(c, m) >= 0)
			return true;
		if (!is_w(&c->t[m]) && c->t[m].kind != TK_NUM &&
		    !inner_dot(c, m) && !is_p(&c->t[m], ',') &&
		    !apos_mark(c, m))
			return false;
	}
	return false;
}

/* Does paragraph [pa, pb) look like a photo caption: a credit at its end
 * ("(Jane Roe/Daily News)", "( THE CANADIAN PRESS FILE PHOTO )") or at its
 * start ("Jane Roe / The Daily News Tom Hardy, right, ...")? */
static bool
photo_para(const actx *c, size_t pa, size_t pb)
{
	size_t k;

	if (pb <= pa)
		return false;
	if (caption_para(c->t, pa, pb))
		return true;
	if (is_p(&c->t[pb - 1], ')'))
		for (k = pb - 1; k > pa && pb - k < 12; k--) {
			if (is_p(&c->t[k - 1], '('))
				break;
			if (wordeq(c, k - 1, "photo"))
				return true;
		}
	/* a video's blurb, ending in its running time: "... 10:43" */
	if (pb >= pa + 2 && c->t[pb - 1].kind == TK_NUM &&
	    memchr(c->text + c->t[pb - 1].start, ':',
	           c->t[pb - 1].end - c->t[pb - 1].start) &&
	    is_p(&c->t[pb - 2], '.'))
		return true;
	if (pb >= pa + 4 && c->t[pb - 1].kind == TK_NUM &&
	    is_p(&c->t[pb - 2], ':') && c->t[pb - 3].kind == TK_NUM &&
	    !(c->t[pb - 2].flags & TF_SPACE_BEFORE) &&
	    !(c->t[pb - 1].flags & TF_SPACE_BEFORE) &&
	    is_p(&c->t[pb - 4], '.'))
		return true;
	/* a credit without brackets ending it: "... Jane Roe/THE DAILY
	 * NEWS" (capitalised words after the slash up to the end) */
	for (k = pb; k > pa + 1 && pb - k < 8 && is_w(&c->t[k - 1]) &&
	             (c->t[k - 1].flags & TF_CAP);
	     k--)
		;
	if (k < pb && k > pa + 1 && is_p(&c->t[k - 1], '/') &&
	    is_w(&c->t[k - 2]) && (c->t[k - 2].flags & TF_CAP))
		return true;
	/* two or three capitalised words, then a slash */
	for (k = pa; k < pb && k < pa + 3 && is_w(&c->t[k]) &&
	             (c->t[k].flags & TF_CAP);
	     k++)
		;
	return k >= pa + 2 && k < pb && is_p(&c->t[k], '/');
}

/* Fill c->inrep (tokens of indirect and mixed content) and c->capt
 * (photo-caption paragraphs) for resolve_pronoun(); on failure to
 * allocate they stay NULL and resolution works without them. */
static void
mark_reported(actx *c)
{
	size_t i, k, a, b, np;

	if (c->n == 0)
		return;
	np = (size_t)c->t[c->n - 1].para + 1;
	c->inrep = calloc(c->n, 1);
	c->capt = calloc(np, 1);
	if (c->capt)
		for (i = 0; i < c->n; i = para_stop(c->tl, i) + 1)
			c->capt[c->t[i].para] =
			        photo_para(c, i, para_stop(c->tl, i));
	if (!c->inrep)
		return;
	for (i = 0; i < c->r->nq; i++) {
		const quote *q = &c->r->q[i];
		if (q->type != QUOTH_INDIRECT && q->type != QUOTH_MIXED)
			continue;
		for (k = 0; k < q->nparts; k++) {
			a = tok_of(c, q->parts[k].start);
			b = tok_of(c, q->parts[k].end);
			for (; a < b && a < c->n; a++)
				c->inrep[a] = 1;
		}
	}
}

/*
 * "The company said", "the agency told": the organisation named in this
 * paragraph or the two before, when exactly one is in reach.  A name
 * counts unless the article shows it to be a person (title, gender, age)
 * or a place ("in X"); two candidates, or none, leave the description as
 * written.
 */
static int
resolve_description(const actx *c, const quote *q)
{
	const qattr *qa = qa_of(c, q);
	static const char *const heads[] = {
		"company", "firm", "agency", "group", "organization",
		"organisation", "corporation", "retailer", "airline", "bank",
		"charity", "startup", "automaker", "carmaker", "broadcaster",
		"publisher", "insurer", "utility", "developer", "manufacturer"};
	size_t a = qa->sp_tok, h, k, stop;
	uint32_t para;
	int found = -1;

	if (qa->sp_kind != SK_ORG || q->entity >= 0 || a >= c->n ||
	    q->mention_end == QUOTH_NONE || !wordeq(c, a, "the"))
		return -1;
	h = tok_of(c, q->mention_end);
	if (h == 0 || h > a + 3)
		return -1;
	h--;
	if (!word_in(c, h, heads, QUOTH_ARRAY_LEN(heads)))
		return -1;
	para = c->t[a].para;
	k = first_mention(c, a);
	stop = k > MENTION_WINDOW ? k - MENTION_WINDOW : 0;
	while (k-- > stop) {
		const mention_rec *m = QVEC_AT(&c->ments, mention_rec, k);
		const entity *e = ent_at(c, m->ent);
		if (c->t[m->tok].para + 1 < para)
			break;
		if ((c->capt && c->capt[c->t[m->tok].para]) ||
		    (c->inrep && c->inrep[m->tok]))
			continue;
		/* (named once and not marked as one: a headline's words) */
		if (e->strong || e->gender || e->place ||
		    possessive(c, m->end - 1) || (!e->org && e->nment < 2))
			continue;
		if (found >= 0 && found != m->ent)
			return -1; /* two in reach: no guess */
		found = m->ent;
	}
	return found;
}

/*
 * The first mention from token s when it opens the sentence that starts
 * there, after capitalised words at most (titles: "Justice", "Sen."); its
 * index goes to *mk.  NULL otherwise.
 */
static const mention_rec *
opening_mention(const actx *c, size_t s, size_t *mk)
{
	const mention_rec *m;
	size_t k;

	*mk = first_mention(c, s);
	if (*mk >= c->ments.len)
		return NULL;
	m = QVEC_AT(&c->ments, mention_rec, *mk);
	if (m->tok > s + 3)
		return NULL;
	for (k = s; k < m->tok; k++)
		if ((!(c->t[k].flags & TF_CAP) && !is_p(&c->t[k], '.')) ||
		    lex(c, LEX_NONNAMES, k, k + 1) >= 0)
			return NULL;
	return m;
}

/*
 * "A Vancouver hockey coach says ...  Stephen Gillis said ...": a speaker
 * introduced by an indefinite role ("a", "an", "one") and named in the
 * very next sentence (in its paragraph or the next one), where a new
 * person, named in full for the first time, is the subject.  -1 when the
 * next sentence does not open so.
 */
static int
named_next(const actx *c, const quote *q)
{
	const qattr *qa = qa_of(c, q);
	size_t a = qa->sp_tok, k, s0, mk;
	const mention_rec *m;
	const entity *e;

	/* the role opens its sentence: "Q, said a GOP aide who ..." and
	 * "However, one source said" introduce nobody */
	if (qa->sp_kind != SK_ROLE || q->entity >= 0 || a >= c->n ||
	    !(wordeq(c, a, "a") || wordeq(c, a, "an") || wordeq(c, a, "one")) ||
	    sentence_start(c, a) != a)
		return -1;
	/* the end of the sentence of the mention, or of the quote */
	k = sentence_end(c, a);
	if (q->last_tok != QUOTH_NONE && q->last_tok > k)
		k = sentence_end(c, q->last_tok);
	for (s0 = k + 1; s0 < c->n && !is_w(&c->t[s0]) && s0 < k + 4; s0++)
		;
	if (s0 >= c->n || !is_w(&c->t[s0]) || c->inq[s0] ||
	    c->t[s0].para > c->t[a].para + 1 ||
	    (c->capt && c->capt[c->t[s0].para]))
		return -1;
	m = opening_mention(c, s0, &mk);
	if (!m)
		return -1;
	/* ... and a verb follows it ("Geert Supre, 56." is a caption) */
	e = ent_at(c, m->ent);
	if (e->org || e->nonperson || m->end < m->tok + 2 ||
	    !subject_like(c, m) || m->end >= c->n || !is_w(&c->t[m->end]) ||
	    (c->t[m->end].flags & TF_CAP) || c->inq[m->end])
		return -1;
	/* new here: named before only in photo captions */
	return first_outside_captions(c, mk) ? m->ent : -1;
}

/*
 * "Trudeau made the comments at a town hall.  The prime minister said
 * ...": a definite role that no title in the article matched is the
 * person who opens the sentence before it (in its paragraph or the one
 * before) as its subject.  -1 otherwise.
 */
static int
role_of_prev_subject(const actx *c, const quote *q)
{
	const qattr *qa = qa_of(c, q);
	size_t a = qa->sp_tok, s0, p, ps, mk, k;
	const mention_rec *m;
	const entity *e;
	int tv;

	if (qa->sp_kind != SK_ROLE || q->entity >= 0 || a >= c->n ||
	    !wordeq(c, a, "the") || q->mention_end == QUOTH_NONE)
		return -1;
	k = tok_of(c, q->mention_end);
	if (k == 0 || k > a + 6)
		return -1;
	tv = lex(c, LEX_TITLES, k - 1, k);
	if (tv < 0 || (tv & FLAG('g')))
		return -1;
	s0 = sentence_start(c, a);
	if (s0 != a || s0 == 0)
		return -1;
	for (p = s0 - 1; p > 0 && !is_w(&c->t[p]) && s0 - p < 4; p--)
		;
	ps = sentence_start(c, p);
	if (c->t[ps].para + 1 < c->t[s0].para ||
	    (c->capt && c->capt[c->t[ps].para]))
		return -1;
	m = opening_mention(c, ps, &mk);
	if (!m || m->tok >= s0)
		return -1;
	e = ent_at(c, m->ent);
	if (e->org || e->nonperson || !(e->person || e->strong) ||
	    !subject_like(c, m) || possessive(c, m->end - 1) ||
	    ((tv & FLAG('m')) && e->gender == G_FEMALE) ||
	    ((tv & FLAG('f')) && e->gender == G_MALE))
		return -1;
	return m->ent;
}

/* Where the antecedent of a pronoun at tok may start: the sentence
 * before its own (in its paragraph; with `prev_para`, also in the
 * paragraph before), at most 80 tokens back. */
static size_t
antecedent_start(const actx *c, size_t tok, int prev_para)
{
	size_t s0 = sentence_start(c, tok), lo;

	if (s0 > 0) {
		size_t p = s0 - 1;
		while (p > 0 && !is_w(&c->t[p]) && s0 - p < 4)
			p--;
		if (c->t[p].para + (prev_para ? 1u : 0u) >= c->t[tok].para)
			s0 = sentence_start(c, p);
	}
	lo = tok > 80 ? tok - 80 : 0;
	return s0 < lo ? lo : s0;
}

/* A verb (a lowercase word that is no preposition, "of" or "and") or a
 * comma right after the noun at h. */
static bool
verb_follows(const actx *c, size_t h)
{
	return h + 1 < c->n && !c->inq[h + 1] &&
	       ((is_w(&c->t[h + 1]) && !(c->t[h + 1].flags & TF_CAP) &&
	         !is_prep(c, h + 1) && !wordeq(c, h + 1, "of") &&
	         !wordeq(c, h + 1, "and")) ||
	        is_p(&c->t[h + 1], ','));
}

/* Does the phrase at a open its sentence or a clause? */
static bool
opens_clause(const actx *c, size_t a)
{
	static const char *const lead[] = {"and", "but", "because", "while",
	                                   "as", "after", "when", "since"};

	return a == sentence_start(c, a) || is_p(&c->t[a - 1], ',') ||
	       is_p(&c->t[a - 1], ';') ||
	       word_in(c, a - 1, lead, QUOTH_ARRAY_LEN(lead));
}

/*
 * "Senate Democrats blocked the bill because they said ...", "members
 * complained about what they said": the group that "they" at token tok
 * stands for, a plural group noun (titles.txt flag g) that is the subject
 * of a clause in its sentence or the one before (in its paragraph or the
 * one before), with the capitalised words and determiner before it ("the
 * Republican senators"), or what a "they" opening a clause before it
 * stands for (depth: how many such steps were taken, two at most).  Its
 * token span goes to *ga, *gb; false when there is none.
 */
static bool
resolve_they_at(const actx *c, size_t tok, size_t *ga, size_t *gb,
                int depth)
{
	size_t s0 = antecedent_start(c, tok, 1), h, a, k;
	for (h = tok; h-- > s0;) {
		int tv;
		if (!is_w(&c->t[h]) || c->inq[h] ||
		    (c->inrep && c->inrep[h]) || possessive(c, h))
			continue;
		/* "They sent a letter. "Q," they wrote.": the "they" before
		 * stands for the same group */
		if (depth < 2 && wordeq(c, h, "they") && opens_clause(c, h))
			return resolve_they_at(c, h, ga, gb, depth + 1);
		/* (capitalised only opening its sentence: "Critics") */
		if ((c->t[h].flags & TF_CAP) && h != sentence_start(c, h))
			continue;
		tv = lex(c, LEX_TITLES, h, h + 1);
		if (tv < 0 || !(tv & FLAG('g')))
			continue;
		/* a verb, "who" or a comma after the group, or after what
		 * it is of: "Critics of the EB-5 program, like ..., see" */
		k = h;
		if (wordeq(c, h + 1, "of"))
			for (k = h + 2; k < c->n && k < h + 8 && !c->inq[k] &&
			                (is_w(&c->t[k]) || c->t[k].kind == TK_NUM ||
			                 is_p(&c->t[k], '-')) &&
			                cue_at(c, k) < 0;
			     k++)
				;
		if (!verb_follows(c, h) &&
		    !(k > h && k < c->n &&
		      (is_p(&c->t[k], ',') || cue_at(c, k) >= 0)))
			continue;
		a = h;
		while (a > s0 && a + 4 > h && is_w(&c->t[a - 1]) &&
		       !c->inq[a - 1] && (c->t[a - 1].flags & TF_CAP) &&
		       lex(c, LEX_NONNAMES, a - 1, a) < 0 &&
		       !possessive(c, a - 1))
			a--;
		if (a > s0 && (wordeq(c, a - 1, "the") ||
		               wordeq(c, a - 1, "some") ||
		               wordeq(c, a - 1, "many") ||
		               wordeq(c, a - 1, "most")))
			a--;
		/* the subject: opening the sentence or a clause */
		if (!opens_clause(c, a)) {
			/* the nearest group is no subject; "They sent a
			 * letter to Senate leaders": the subject before it
			 * may be a "they" to follow */
			size_t t0;
			for (t0 = sentence_start(c, a); depth < 2 && t0 < a; t0++)
				if (wordeq(c, t0, "they") && !c->inq[t0] &&
				    opens_clause(c, t0))
					return resolve_they_at(c, t0, ga, gb,
					                       depth + 1);
			return false;
		}
		*ga = a;
		*gb = k > h ? k : h + 1;
		return true;
	}
	return false;
}

static bool
resolve_they(const actx *c, size_t tok, size_t *ga, size_t *gb)
{
	return resolve_they_at(c, tok, ga, gb, 0);
}

/* (not "statement" or "letter": a statement is read out by whoever
 * speaks for the body, a letter is often to someone) */
static const char *const doc_nouns[] = {
	"report", "study", "survey", "post", "analysis", "paper", "audit",
	"findings"};

/* A document noun in lowercase at k: "the Post" is a newspaper. */
static bool
doc_noun(const actx *c, size_t k)
{
	return !(c->t[k].flags & TF_CAP) && !c->inq[k] &&
	       word_in(c, k, doc_nouns, QUOTH_ARRAY_LEN(doc_nouns));
}

/*
 * "the report said", "the post read": the author of the document the
 * article last introduced (within two paragraphs): "X wrote in a recent
 * report", "a study by X", "a study ... released by X", "the X study".
 * The author must be a known name; -1 otherwise.
 */
static int
doc_author(const actx *c, const quote *q)
{
	const qattr *qa = qa_of(c, q);
	size_t a = qa->sp_tok, h, k, lo, s0, j, mk;
	uint32_t para;

	if ((qa->sp_kind != SK_ROLE && qa->sp_kind != SK_ORG) ||
	    q->entity >= 0 || a + 1 >= c->n || !wordeq(c, a, "the") ||
	    q->mention_end == QUOTH_NONE)
		return -1;
	h = tok_of(c, q->mention_end);
	if (h < a + 2 || h > a + 3 || !doc_noun(c, h - 1))
		return -1;
	para = c->t[a].para;
	lo = a > 400 ? a - 400 : 0;
	for (k = a; k-- > lo;) {
		if (c->t[k].para + 2 < para)
			return -1;
		if (!doc_noun(c, k))
			continue;
		/* "the X study", "X's report": a name before the noun */
		for (j = k; j > 0 && k - j < 5 && is_w(&c->t[j - 1]) &&
		            !wordeq(c, j - 1, "the") && !wordeq(c, j - 1, "a") &&
		            !wordeq(c, j - 1, "an");
		     j--)
			;
		{
			int e = entity_by_mention_tok(c, j, k);
			if (e >= 0 && !ent_at(c, e)->nonperson)
				return e;
		}
		/* "a study [which is released Monday] by X" */
		for (j = k + 1; j < c->n && j < k + 10 && is_w(&c->t[j]) &&
		                !c->inq[j];
		     j++)
			if (wordeq(c, j, "by") || wordeq(c, j, "from")) {
				size_t n2 = first_mention(c, j + 1);
				const mention_rec *m2;
				/* (not "from the department's inspector") */
				if (n2 >= c->ments.len)
					return -1;
				m2 = QVEC_AT(&c->ments, mention_rec, n2);
				if (m2->tok >= j + 8 || possessive(c, m2->end - 1) ||
				    ent_at(c, m2->ent)->nonperson)
					return -1;
				return m2->ent;
			}
		/* "X wrote in a recent report": the subject of its
		 * sentence, before it */
		s0 = sentence_start(c, k);
		mk = first_mention(c, s0);
		if (mk < c->ments.len) {
			const mention_rec *m = QVEC_AT(&c->ments, mention_rec,
			                               mk);
			if (m->tok < k && subject_like(c, m) &&
			    !possessive(c, m->end - 1) &&
			    !ent_at(c, m->ent)->nonperson)
				return m->ent;
		}
		return -1; /* the last document: its author unknown */
	}
	return -1;
}

/*
 * Is the quote introduced in its own paragraph by someone new: a speech
 * verb right before it with its own subject ('the crowd chanted, "Q"',
 * 'Another person tweeted: "Q"'), or a colon after a clause that names
 * someone other than entity `except` ('The board was conclusive in its
 * findings: "Q"')?  Then someone speaks that quoth did not parse, and the
 * quote continues nobody.  ('... and added: "Q"' and 'Then, after a
 * pause: "Q"' name nobody new.)
 */
static bool
cue_precedes(const actx *c, const quote *q, int except)
{
	static const char *const link_words[] = {"and", "but", "then", "or"};
	size_t k = q->parts[0].tok_open, p, s0, m;
	int v;

	if (k == QUOTH_NONE || k == 0 || k >= c->n)
		return false;
	p = k - 1;
	if (c->t[p].para != c->t[k].para)
		return false;
	s0 = sentence_start(c, p);
	if (is_p(&c->t[p], ':') || is_p(&c->t[p], ',')) {
		if (p == 0)
			return false;
		p--;
	}
	v = is_w(&c->t[p]) && !c->inq[p] ? lex(c, LEX_CUES, p, p + 1) : -1;
	if (v >= 0 && (v & FLAG('s'))) {
		/* the verb's subject: a word before it, past adverbs */
		size_t j = p;
		while (j > s0 && j + 4 > p && is_filler(c, j - 1))
			j--;
		/* ("upon saying", "before adding": the subject's gerund) */
		return j > s0 && is_w(&c->t[j - 1]) &&
		       !word_in(c, j - 1, link_words,
		                QUOTH_ARRAY_LEN(link_words)) &&
		       !is_prep(c, j - 1);
	}
	if (!is_p(&c->t[k - 1], ':'))
		return false;
	/* a colon: someone else named, or a role, before it */
	for (m = first_mention(c, s0); m < c->ments.len; m++) {
		const mention_rec *mr = QVEC_AT(&c->ments, mention_rec, m);
		if (mr->tok >= k)
			break;
		if (mr->ent != except)
			return true;
	}
	for (m = s0; m < k && m < s0 + BEFORE_TOKENS; m++)
		if (is_w(&c->t[m]) && !c->inq[m] &&
		    lex(c, LEX_TITLES, m, m + 1) >= 0)
			return true;
	return false;
}

/*
 * '"A," the editorial said. "B," it added.': "it" at token tok is the
 * last speaker known only as written when that is a thing ("the
 * editorial", "the newspaper", "the memo": "the" and a lowercase head
 * that is no person's role, nor plural) in this paragraph or the one
 * before, with no person the subject of a clause in between.
 */
static bool
it_is_last_thing(const actx *c, const quote *last, size_t last_end,
                 size_t tok)
{
	size_t h;

	if (!last || last->entity >= 0 || !last->str[QUOTH_FIELD_SPEAKER] ||
	    last->mention_end == QUOTH_NONE || qa_of(c, last)->sp_tok >= c->n ||
	    !wordeq(c, qa_of(c, last)->sp_tok, "the") ||
	    c->t[tok].para > c->t[last->last_tok].para + 1)
		return false;
	h = tok_of(c, last->mention_end);
	if (h <= qa_of(c, last)->sp_tok + 1 || h > c->n)
		return false;
	h--;
	if (!is_w(&c->t[h]) || (c->t[h].flags & TF_CAP) ||
	    lex(c, LEX_TITLES, h, h + 1) >= 0 ||
	    c->text[c->t[h].end - 1] == 's')
		return false;
	return !subject_between(c, last_end, tok, -1);
}

/*
 * "the government is grappling with what it says", "The committee met on
 * Monday.  It said ...": the organisation that "it" at token tok stands
 * for, a definite phrase ending in an organisation word (orgs.txt) that
 * is the subject of a clause in its sentence or the one before (in its
 * paragraph).  Its token span goes to *ga, *gb; false when the nearest
 * organisation noun there is no subject, or there is none.
 */
static bool
resolve_it_org(const actx *c, size_t tok, size_t *ga, size_t *gb)
{
	size_t s0 = antecedent_start(c, tok, 0), h, a;
	for (h = tok; h-- > s0;) {
		if (!is_w(&c->t[h]) || c->inq[h] || (c->t[h].flags & TF_CAP) ||
		    (c->inrep && c->inrep[h]) || possessive(c, h) ||
		    lex(c, LEX_ORGS, h, h + 1) < 0 ||
		    lex(c, LEX_TITLES, h, h + 1) >= 0)
			continue;
		/* a verb or a comma after it */
		if (!verb_follows(c, h))
			return false;
		/* "the government", "the city council", "the Senate
		 * ethics committee" */
		for (a = h; a > s0 && h - a < 4 && is_w(&c->t[a - 1]) &&
		            !c->inq[a - 1] && !wordeq(c, a - 1, "the") &&
		            !possessive(c, a - 1) && cue_at(c, a - 1) < 0 &&
		            !is_prep(c, a - 1) &&
		            lex(c, LEX_NONNAMES, a - 1, a) < 0;
		     a--)
			;
		if (a == s0 || !wordeq(c, a - 1, "the"))
			return false;
		a--;
		if (!opens_clause(c, a))
			return false;
		*ga = a;
		*gb = h + 1;
		return true;
	}
	return false;
}

/*
 * '"Q," Jane Doe wrote in the affidavit.  It continued: "Q2"', 'The
 * email ...  At the bottom it reads, "Q"': "it" at token tok is the
 * written thing named last in its sentence or the one before (in its
 * paragraph or the one before): "the" (or "the X's") and affidavit,
 * email, memo, letter, statement, ...  Its token span goes to *ga, *gb;
 * false when the last such noun is not so introduced, or there is none.
 */
static bool
resolve_it_doc(const actx *c, size_t tok, size_t *ga, size_t *gb)
{
	static const char *const docs[] = {
	        "affidavit", "email", "e-mail", "memo", "letter",
	        "statement", "complaint", "filing", "lawsuit", "document",
	        "ad", "advertisement", "editorial", "article", "report",
	        "tweet", "post", "message", "note", "petition", "indictment"};
	size_t s0 = antecedent_start(c, tok, 1), h;
	for (h = tok; h-- > s0;) {
		if (!is_w(&c->t[h]) || c->inq[h] || (c->t[h].flags & TF_CAP) ||
		    possessive(c, h) ||
		    !word_in(c, h, docs, QUOTH_ARRAY_LEN(docs)))
			continue;
		/* "the email", "the campaign's statement"; not "an
		 * email", "her letter" */
		if (h == 0 || !(wordeq(c, h - 1, "the") ||
		                (h > 1 && possessive(c, h - 1) &&
		                 wordeq(c, h - 2, "the"))))
			return false;
		*ga = wordeq(c, h - 1, "the") ? h - 1 : h - 2;
		*gb = h + 1;
		return true;
	}
	return false;
}

/*
 * '"Q," her statement read.': the speaker "his" or "her" stands for when
 * the mention is that pronoun and a word for what a person writes or
 * says (statement, letter, email, tweet, post, remarks); -1 otherwise.
 */
static int
own_document(const actx *c, const quote *q, int last_ent, size_t last_tok)
{
	const qattr *qa = qa_of(c, q);
	size_t a = qa->sp_tok, h;
	int g;

	if (q->mention_end == QUOTH_NONE)
		return -1;
	h = tok_of(c, q->mention_end);
	g = wordeq(c, a, "his") ? G_MALE : wordeq(c, a, "her") ? G_FEMALE : 0;
	if (!g || h != a + 2 ||
	    !word_in(c, a + 1, written, QUOTH_ARRAY_LEN(written)))
		return -1;
	return resolve_pronoun(c, a, g, last_ent, last_tok);
}

/*
 * Can quote q continue the speaker of quote last: a direct quote, or a
 * fragment that opens its sentence in the same paragraph ('"A," Lee
 * said. "B" and more words.')?
 */
static bool
continues_type(const actx *c, const quote *q, const quote *last)
{
	if (q->type == QUOTH_DIRECT)
		return true;
	/* (and right after the sentence holding the quote it continues;
	 * not a term: '"Top secret" is the highest level') */
	return q->type == QUOTH_PARTIAL && last &&
	       sentence_start(c, q->first_tok) == q->first_tok &&
	       q->first_tok > 0 &&
	       sentence_start(c, q->first_tok - 1) <= last->last_tok &&
	       c->t[last->last_tok].para == c->t[q->first_tok].para &&
	       words_at_least(c, q->first_tok, q->last_tok, 4);
}

/* Quote q continues quote last: it points at last's mention, and at its
 * cue when q is direct (a fragment keeps no cue: it stays partial, its
 * clause unknown). */
static void
continue_mention(quote *q, const quote *last)
{
	q->mention_start = last->mention_start;
	q->mention_end = last->mention_end;
	if (q->type == QUOTH_DIRECT) {
		q->cue_start = last->cue_start;
		q->cue_end = last->cue_end;
	}
}

/*
 * Second pass, in text order, over every quote: pronouns and institution
 * roles are resolved against the speaker of the quote before (direct,
 * mixed or indirect alike); a direct quote with no cue continues that
 * speaker when it is at most two paragraphs on and nobody else has
 * become the subject of a clause in between; gender is learnt from the
 * pronouns that resolved.
 */
static void
resolve_in_order(actx *c)
{
	size_t i, last_tok = 0, last_end = 0;
	int last_ent = -1;
	size_t last_para = 0;
	const quote *last_q = NULL;

	mark_reported(c);
	for (i = 0; i < c->r->nq; i++) {
		quote *q = &c->r->q[i];
		const qattr *qa = &c->qa[i];

		if (qa->sp_kind == SK_PRONOUN && qa->sp_gender == G_THING) {
			q->entity = resolve_it(c, qa->sp_tok, last_ent, last_tok);
			/* "it said": an organisation from now on, never the
			 * "he" of a later quote */
			if (q->entity >= 0)
				QVEC_AT(&c->ents, entity, (size_t)q->entity)->org =
				        true;
			else if (it_is_last_thing(c, last_q, last_end,
			                          qa->sp_tok)) {
				if (!copy_speaker(c, q, last_q))
					return;
			} else {
				size_t ga, gb;
				if ((resolve_it_org(c, qa->sp_tok, &ga, &gb) ||
				     resolve_it_doc(c, qa->sp_tok, &ga, &gb)) &&
				    !speaker_as_written(c, q, ga, gb))
					return;
			}
		} else if (qa->sp_kind == SK_PRONOUN && qa->sp_gender) {
			q->entity = resolve_pronoun(c, qa->sp_tok, qa->sp_gender,
			                            last_ent, last_tok);
			if (q->entity >= 0) {
				entity *e = QVEC_AT(&c->ents, entity,
				                    (size_t)q->entity);
				if (!e->gender)
					e->gender = qa->sp_gender;
			}
		} else if (qa->sp_kind == SK_PRONOUN && !qa->sp_gender &&
		           wordeq(c, qa->sp_tok, "they")) {
			size_t ga, gb;
			if (resolve_they(c, qa->sp_tok, &ga, &gb) &&
			    !speaker_as_written(c, q, ga, gb))
				return;
		} else if (qa->sp_fallback) {
			q->entity = last_ent;
			/* "the GOP nominee" is nobody of another party */
			if (q->entity >= 0 && q->mention_end != QUOTH_NONE &&
			    other_party(ent_at(c, q->entity),
			                party_of(c, qa->sp_tok,
			                         tok_of(c, q->mention_end)))) {
				q->entity = -1;
				if (!speaker_as_written(c, q, qa->sp_tok,
				                        tok_of(c, q->mention_end)))
					return;
			}
		} else if ((qa->sp_kind == SK_ORG || qa->sp_kind == SK_ROLE) &&
		           q->entity < 0 &&
		           (q->entity = own_document(c, q, last_ent,
		                                     last_tok)) >= 0) {
			/* "her statement read": hers */
		} else if (qa->sp_kind == SK_ORG && q->entity < 0) {
			q->entity = resolve_description(c, q);
			if (q->entity < 0)
				q->entity = doc_author(c, q);
		} else if (qa->sp_kind == SK_ROLE && q->entity < 0) {
			q->entity = named_next(c, q);
			if (q->entity < 0)
				q->entity = role_of_prev_subject(c, q);
			if (q->entity < 0)
				q->entity = doc_author(c, q);
		} else if (!q->rule && continues_type(c, q, last_q) && last_q &&
		           last_ent < 0 && last_q->str[QUOTH_FIELD_SPEAKER] &&
		           c->t[last_q->last_tok].para ==
		                   c->t[q->first_tok].para &&
		           !cue_follows(c, q) && !cue_precedes(c, q, -1) &&
		           !subject_between(c, last_end, q->first_tok, -1)) {
			/* '"A," the commission said. "B."': a speaker known
			 * only as written carries within its paragraph */
			if (!copy_speaker(c, q, last_q))
				return;
			q->rule = "continuation";
			continue_mention(q, last_q);
		} else if (!q->rule && continues_type(c, q, last_q) &&
		           last_ent >= 0 && q->para <= last_para + 2 &&
		           !cue_follows(c, q) &&
		           !cue_precedes(c, q, last_ent) &&
		           !subject_between(c, last_end, q->first_tok,
		                            last_ent) &&
		           !named_after(c, q, last_ent)) {
			q->entity = last_ent;
			q->rule = "continuation";
			/* '"A," she said. "B."', and a quoted paragraph after
			 * it: B's speaker is the mention next to the cue it
			 * continues, which the record points at */
			if (last_q && last_q->mention_start != QUOTH_NONE)
				continue_mention(q, last_q);
		}
		/* a quote in a photo caption or a video's blurb is no
		 * speaker the story goes on with */
		if ((q->entity >= 0 || q->str[QUOTH_FIELD_SPEAKER]) &&
		    !(c->capt && c->capt[c->t[q->first_tok].para])) {
			last_q = q;
			last_ent = q->entity;
			last_tok = qa->sp_kind != SK_NONE ? qa->sp_tok
			                                 : q->first_tok;
			/* past the cue and mention: '"Q," Rally Canada's
			 * Tom Hinderks said' names nobody new */
			last_end = qa->link_end > q->last_tok ? qa->link_end
			                                     : q->last_tok;
			last_para = (size_t)c->t[q->last_tok].para + 1;
		}
	}
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
			quote_clear(&r->q[i]);
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
		    words_in(c, q->parts[0].tok_open,
		             q->parts[0].tok_close != QUOTH_NONE
		                     ? q->parts[0].tok_close
		                     : q->last_tok) <= BARE_TERM_WORDS) {
			quote_clear(q);
			continue;
		}
		c->qa[k] = c->qa[i];
		r->q[k++] = *q;
	}
	r->nq = k;
}

/* Fill c->lower with every word the article writes in lowercase, folded
 * as lexicon lookups fold them. */
static bool
lowercase_words(actx *c)
{
	qbuf fold = {0};
	size_t i;
	bool ok = true;

	c->lower = lexicon_new();
	if (!c->lower)
		return false;
	for (i = 0; i < c->n && ok; i++) {
		const token *t = &c->t[i];
		const char *w = c->text + t->start;
		size_t k, n = t->end - t->start;
		if (!is_w(t) || (t->flags & TF_CAP))
			continue;
		/* (ASCII lowercase as it stands: no folding to do) */
		for (k = 0; k < n && (unsigned char)w[k] < 0x80 &&
		            !(w[k] >= 'A' && w[k] <= 'Z');
		     k++)
			;
		if (k == n) {
			ok = lexicon_add(c->lower, w, n, 1);
			continue;
		}
		fold.len = 0;
		text_fold(&fold, w, n);
		ok = !fold.failed &&
		     lexicon_add(c->lower, fold.ptr ? fold.ptr : "", fold.len, 1);
	}
	qbuf_free(&fold);
	return ok;
}

bool
attribute(const quoth_extractor *ex, const char *text, token_list *tl,
          quoth_result *r)
{
	actx c;
	size_t i, k, nq0;
	uint8_t *dir = NULL, *used = NULL;
	int last_speaker = -1;
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
	c.md = cuepat_match_data();
	if (!c.md)
		goto out;
	/* (a cache only: without it lookups are slower, not wrong) */
	c.lexc = calloc(c.n ? c.n : 1, LEXC_SLOTS * sizeof(int32_t));
	dir = calloc(c.n ? c.n : 1, 1);
	used = calloc(c.n ? c.n : 1, 1);
	c.qa_cap = r->nq;
	c.qa = calloc(c.qa_cap ? c.qa_cap : 1, sizeof(qattr));
	if (!c.inq || !dir || !used || !c.qa)
		goto out;
	for (i = 0; i < r->nq; i++) {
		quote *q = &r->q[i];
		for (k = 0; k < q->nparts; k++) {
			size_t a = q->parts[k].tok_open, b;
			b = q->parts[k].tok_close != QUOTH_NONE
			            ? q->parts[k].tok_close
			            : tok_of(&c, q->parts[k].end) - 1;
			for (; a <= b && a < c.n; a++) {
				c.inq[a] = 1;
				if (q->type == QUOTH_DIRECT)
					dir[a] = used[a] = 1;
			}
		}
	}
	c.dirpre = xmalloc_array(c.n + 1, sizeof(size_t));
	if (!c.dirpre || !sentence_units(&c))
		goto out;
	c.dirpre[0] = 0;
	for (i = 0; i < c.n; i++)
		c.dirpre[i + 1] = c.dirpre[i] + (dir[i] ? 1 : 0);
	if (!lowercase_words(&c))
		goto out;
	collect_entities(&c);
	if (c.failed || c.ents.failed || c.ments.failed)
		goto out;
	gender_evidence(&c);

	/* direct and partial quotes, in order */
	nq0 = r->nq;
	for (i = 0; i < nq0; i++) {
		quote *q = &r->q[i];
		size_t o = q->parts[0].tok_open;
		size_t cl = q->parts[q->nparts - 1].tok_close;
		size_t after = cl != QUOTH_NONE ? cl + 1 : QUOTH_NONE;
		size_t pa = para_start_tok(&c, o);
		link L;
		bool linked = false;

		memset(&L, 0, sizeof(L));
		c.quote_byte = q->parts[0].start;
		if (after != QUOTH_NONE && after < c.n &&
		    link_after(&c, after, &L, last_speaker))
			linked = true;
		if (!linked && link_before(&c, o, pa, &L, last_speaker))
			linked = true;
		/* a colon lead-in paragraph: "He said:", "The Times reports:"
		 * (its cue and subject), or "And from the minister:" */
		if (!linked && o == pa && pa >= 2 &&
		    is_p(&c.t[pa - 2], ':') &&
		    link_leadin(&c, pa - 2, para_start_tok(&c, pa - 2), &L,
		                last_speaker))
			linked = true;
		if (!linked && link_previous(&c, o, pa, &L, last_speaker))
			linked = true;
		/* a fragment with no cue in reach, in a sentence whose
		 * subject is a person: 'she didn't want her son looked on as
		 * "another druggie"' is hers (rule subject; no cue, so it
		 * stays partial) */
		if (!linked && q->type == QUOTH_PARTIAL &&
		    sentence_subject(&c, o, &L.sp, last_speaker) &&
		    (L.sp.kind == SK_NAME ||
		     /* (not "it": "It's the pull of the "Q" promise") */
		     (L.sp.kind == SK_PRONOUN && L.sp.gender != G_THING)) &&
		    L.sp.b <= o) {
			L.cue_a = L.cue_b = QUOTH_NONE;
			L.rule = "subject";
			linked = true;
		}
		if (linked) {
			apply_link(&c, q, &L);
			/* '"Q," said X, an expert at the Center for Y and Z,
			 * via email.': the rest of the sentence after a cue
			 * that follows the quote is its attribution, naming
			 * no new speaker */
			if (L.cue_a != QUOTH_NONE && L.cue_a > q->last_tok &&
			    L.cue_a < c.n &&
			    sentence_end(&c, L.cue_a) + 1 > c.qa[i].link_end)
				c.qa[i].link_end = sentence_end(&c, L.cue_a) + 1;
			if (L.sp.ent >= 0)
				last_speaker = L.sp.ent;
			/* split quote: "A," he said, "B." */
			/* (only a cue after the quote can split it) */
			if (i + 1 < nq0 && L.end_tok > q->last_tok &&
			    L.end_tok < c.n &&
			    q->type == QUOTH_DIRECT) {
				quote *nx = &r->q[i + 1];
				size_t j = L.end_tok;
				while (j < c.n && (is_filler(&c, j) ||
				                   (is_w(&c.t[j]) &&
				                    !(c.t[j].flags & TF_CAP) &&
				                    j < L.end_tok + 4 &&
				                    !is_p(&c.t[j], ','))))
					j++;
				if (j < c.n && is_p(&c.t[j], ',') &&
				    nx->parts[0].tok_open == j + 1 &&
				    nx->type == QUOTH_DIRECT &&
				    nx->nparts + q->nparts <= QUOTH_MAX_PARTS &&
				    !(nx->parts[0].tok_close != QUOTH_NONE &&
				      link_after(&c, nx->parts[0].tok_close + 1,
				                 &L, last_speaker))) {
					qpart *np = xrealloc_array(q->parts,
					        q->nparts + nx->nparts,
					        sizeof(qpart));
					size_t *nv = xrealloc_array(q->verb,
					        2 * (q->nverb + nx->nverb),
					        sizeof(size_t));
					if (np)
						q->parts = np;
					if (nv)
						q->verb = nv;
					if (!np || !nv)
						goto out;
					memcpy(q->parts + q->nparts, nx->parts,
					       nx->nparts * sizeof(qpart));
					memcpy(q->verb + 2 * q->nverb, nx->verb,
					       2 * nx->nverb * sizeof(size_t));
					q->nparts += nx->nparts;
					q->nverb += nx->nverb;
					q->last_tok = nx->last_tok;
					c.qa[i + 1].absorbed = true;
					i++;
				}
			}
		}
		if (c.failed)
			goto out;
	}
	/* drop the quotes merged into split quotes */
	drop_absorbed(&c);

	/* partial quotes with a cue become mixed over the whole clause */
	c.nq0 = r->nq;
	find_indirect(&c, dir, used);
	if (c.failed)
		goto out;
	drop_absorbed(&c);
	if (!sort_quotes(&c))
		goto out;
	resolve_in_order(&c);
	drop_bare_terms(&c);
	for (i = 0; i < r->nq; i++) {
		if (!r->q[i].rule)
			r->q[i].rule = "none";
		/* a fragment with its cue in reach is mixed speech */
		if (r->q[i].type == QUOTH_PARTIAL &&
		    r->q[i].cue_start != QUOTH_NONE)
			r->q[i].type = QUOTH_MIXED;
	}
	if (!finish_fields(&c))
		goto out;
	ok = !c.failed;
out:
	for (i = 0; i < c.ents.len; i++) {
		entity *e = QVEC_AT(&c.ents, entity, i);
		free(e->name);
		free(e->title);
		free(e->roles);
	}
	qvec_free(&c.ents);
	qvec_free(&c.ments);
	cuepat_match_data_free(c.md);
	free(c.lexc);
	free(c.inrep);
	free(c.capt);
	lexicon_free(c.lower);
	free(c.ulo);
	free(c.uhi);
	free(c.dirpre);
	free(c.inq);
	free(c.qa);
	free(dir);
	free(used);
	return ok;
}
