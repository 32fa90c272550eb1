/*
 * attrib_int.h: what the files of the attribution stage share.  The
 * stage reads the tokens, sentences and quotes of the earlier stages and
 * the language data; it writes speakers, cues, rules and the indirect
 * and mixed quotes into the result.  attrib.c runs its passes in order;
 * the files below it, each calling only those listed before it:
 *
 *   words.c       word predicates over the tokens (no state)
 *   cues.c        the cue test: is this word a speech verb here?
 *   classes.c     the WordNet classes behind the hand lists: person,
 *                 organisation and document nouns
 *   boilerplate.c datelines, captions, photo credits, headlines
 *   entities.c    people and organisations named, titles, gender
 *   speaker.c     a speaker phrase read forward from a token
 *   subject.c     the subject read backward from a cue
 *   result.c      (below link.c) the strings of the result records
 *   link.c        direct quotes: chunk shapes matched by patterns.txt,
 *                 split quotes merged
 *   indirect.c    reported speech and mixed quotes
 *   coref.c       "he" and "she"; which mentions are subjects
 *   coref_it.c    "it", descriptions, the antecedent window
 *   pronoun.c     "they" in number, "it" for the last thing, "her
 *                 statement"
 *   carry.c       the pass in text order: resolution and continuation
 *
 * Not installed; hidden with -fvisibility=hidden.
 */
#ifndef QUOTH_ATTRIB_INT_H
#define QUOTH_ATTRIB_INT_H

#include <string.h>
#include <strings.h>

#include "boilerplate.h"
#include "buf.h"
#include "cues.h"
#include "lexicon.h"
#include "result.h"
#include "segment.h"
#include "text.h"
#include "tokens.h"

#define G_MALE 1
#define G_FEMALE 2
#define G_THING 4 /* "it": an organisation or a thing, never a person */
/* lexc slots per token: the two-word cue lookup ("went on").  One-word
 * lookups need no cache: each token carries its symbol (symtab.c). */
#define LEXC_SLOTS 1
/* Bounds on lookbacks, so that no input makes the work quadratic: the
 * entities searched for a name, the mentions searched for a pronoun. */
#define ENTITY_WINDOW 512
#define MENTION_WINDOW 512
/* The longest reported clause, in tokens. */
#define CLAUSE_MAX 600
/* Tokens looked at before a quote for its attribution (link.c), and the
 * reach of the lookbacks that ask whether someone was introduced there
 * (coref.c, carry.c). */
#define BEFORE_TOKENS 56

typedef struct {
	char *name; /* canonical full name */
	size_t name_len;
	char *title; /* or NULL */
	char *roles; /* every title the article gave it, case-folded,
	                   * each ending in '|' (bounded by ROLES_MAX);
	                   * or NULL */
	size_t roles_len;
	int gender; /* G_MALE, G_FEMALE or 0 */
	bool org;
	bool person;        /* a full name, an honorific, or it spoke */
	bool strong;        /* a person by the article's own evidence: an
	                   * honorific, a title, an age, "X said he" */
	bool nonperson;     /* "the X", "in X", "X, a company,": a place, an
	                   * organisation or an event */
	bool place;         /* "in X", "at X", "near X" */
	bool headorg;       /* named like an organisation: its last word is
	                     * one in WordNet ("Brightwater Dairy"; canon.c) */
	size_t nment;       /* mentions so far */
	size_t first_multi; /* first mention written with two or more words
	                     * (token), or QUOTH_NONE */
	size_t first_tok;   /* its first mention (token) */
	size_t last_tok;    /* its latest mention so far (token) */
	int canon;          /* the entity whose fuller name this one abbreviates
	            * ("ORW" for "Office of Rural Water"), + 1; 0 none
	            * (canon.c) */
	int ngender;        /* the gender of its first name + 1, 0 before
	                     * it is asked (qt_ent_gender) */
	size_t ng_len;      /* name_len when it was asked */
} entity;

typedef struct {
	size_t tok; /* first token of the mention */
	size_t end; /* token after it */
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

typedef struct actx {
	const quoth_extractor *ex;
	const lang_data *ld;
	const char *text;
	token *t;
	size_t n;
	uint8_t *inq; /* per token: inside a quote */
	const token_list *tl;
	/* per token: its sentence, cut at line breaks; direct-quote tokens
	 * before token i (token indexes fit 32 bits: a document is at most
	 * 4 GiB) */
	uint32_t *ulo, *uhi;
	uint32_t *dirpre;
	size_t nq0;        /* quotes r->q[0..nq0) are sorted by start */
	int depth;         /* parse_speaker_fwd() recursion */
	qvec ents;         /* entity */
	qvec ments;        /* mention_rec, in token order */
	void *md;          /* PCRE2 match data for the cue patterns */
	int32_t *lexc;     /* per token: the two-word cue lookup ("went on")
	                   * + 2, or 0 before it is made */
	int32_t *cuec;     /* per token: qt_cue_at() + 2, or 0 */
	uint8_t *posc;     /* per token: qt_pos_at() + 1, or 0 (classes.c) */
	size_t quote_byte; /* the quote being linked, for trace() */
	uint8_t *inrep;    /* per token: inside reported speech (indirect or
	                   * mixed content); set for the resolution pass */
	uint8_t *capt;     /* per paragraph: a photo caption */
	uint8_t *subjc;    /* per mention: subject_kind() + 1, or 0 before
	                   * it is asked (coref.c); NULL: no memo */
	size_t subjc_n;
	struct lowerset *lower; /* the words it writes in lowercase */
	/* ents by surname and first name (entindex.c) */
	struct eindex *eix;
	quoth_result *r;
	struct side_memo *smemo; /* link.c: the patterns each chunk string
	                          * can match, or NULL */
	/* speaker_memo.c: the speaker phrases parsed while linking, or
	 * NULL; ent_gen counts the changes to entities made meanwhile
	 * (anything that changes an entity during linking adds one:
	 * ent_set_person(), ent_set_gender());
	 * ls_used: the parse under way read its last speaker; pm_reach:
	 * the deepest recursion it reached */
	struct speaker_memo *pmemo;
	unsigned ent_gen;
	bool ls_used;
	int pm_reach;
	struct cand_set *cands; /* when set, link.c collects every candidate
	                         * link here instead of taking the first
	                         * (choose.c) */
	/* QUOTH_DUMP_CANDIDATES, read once per document by link.c: set
	 * (even empty), the hand order chooses; not empty, choose.c appends
	 * the candidates to that file.  NULL when unset */
	const char *dump_path;
	qattr *qa; /* per quote of r (see qattr) */
	size_t qa_cap;
	bool failed;
} actx;

/* A parsed speaker phrase. */
typedef struct {
	size_t a, b; /* token span of the mention as written */
	int ent;     /* entity, or -1 */
	int kind;    /* SK_* */
	int gender;
	bool fallback; /* a role that takes the last speaker */
} speaker;

enum { SK_NONE, SK_PRONOUN, SK_NAME, SK_ROLE, SK_ORG };

/* A quote's link: its speaker and cue, the rule that tied them, and the
 * last token of the cue clause (for split quotes). */
typedef struct {
	speaker sp;
	size_t cue_a, cue_b; /* tokens */
	const char *rule;
	size_t end_tok; /* last token of the cue clause */
} link;

/* The side-table entry of quote q, one of c->r->q. */
static inline qattr *
qa_of(const actx *c, const quote *q)
{
	return &c->qa[q - c->r->q];
}

static inline bool
is_w(const token *t)
{
	return t->kind == TK_WORD;
}

static inline bool
is_p(const token *t, int32_t cp)
{
	return t->kind == TK_PUNCT && t->cp == cp;
}

/* The end of a sentence: . ! ? */
static inline bool
is_end_p(const token *t)
{
	return is_p(t, '.') || is_p(t, '!') || is_p(t, '?');
}

/* A dash: -, en dash, em dash. */
static inline bool
is_dash(const token *t)
{
	return is_p(t, '-') || is_p(t, 0x2013) || is_p(t, 0x2014);
}

static inline bool
wordeq(const actx *c, size_t i, const char *w)
{
	size_t n = strlen(w);

	/* (the first byte, case folded by its 0x20 bit, turns most words
	 * down before the call: two bytes equal but for case agree in it) */
	return i < c->n && c->t[i].kind == TK_WORD &&
	       c->t[i].end - c->t[i].start == n &&
	       (n == 0 || (c->text[c->t[i].start] | 0x20) == (w[0] | 0x20)) &&
	       strncasecmp(c->text + c->t[i].start, w, n) == 0;
}

static inline bool
is_break_tok(const token *t)
{
	return t->kind == TK_PARA || t->kind == TK_NEWLINE;
}

/* Is [a, b) free of quote marks and of quoted text? */
static inline bool
qt_no_quote_in(const actx *c, size_t a, size_t b)
{
	size_t k;

	for (k = a; k < b; k++)
		if (c->t[k].kind == TK_QUOTE || c->inq[k])
			return false;
	return true;
}

static inline entity *
ent_at(const actx *c, int e)
{
	return e >= 0 ? QVEC_AT(&c->ents, entity, (size_t)e) : NULL;
}

/* The gender (G_*) most bearers of the first name of `name` have
 * (qt_name_gender(), first-names.txt), or 0. */
static inline int
name_gender(const actx *c, const char *name, size_t n)
{
	int f = qt_name_gender(c->ld, name, n);

	return f == NAME_MALE ? G_MALE : f == NAME_FEMALE ? G_FEMALE : 0;
}

/* Entity e is a person, as linking learns it: a change counted in
 * c->ent_gen (the speaker phrases parsed before no longer hold). */
static inline void
ent_set_person(actx *c, int e)
{
	entity *en = ent_at(c, e);

	if (en && !en->person) {
		en->person = true;
		c->ent_gen++;
	}
}

/* Entity e has gender g, when linking learns it and it had none (as
 * ent_set_person()). */
static inline void
ent_set_gender(actx *c, int e, int g)
{
	entity *en = ent_at(c, e);

	if (en && !en->gender && g) {
		en->gender = g;
		c->ent_gen++;
	}
}

/* Index of the first mention at or after token a (mentions are in
 * token order). */
static inline size_t
qt_first_mention(const actx *c, size_t a)
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

/* The rule of a link: "pronoun" or "role" when the speaker is one, as in
 * the patterns marked '+', else `rule`. */
static inline const char *
kind_rule(const speaker *sp, const char *rule)
{
	return sp->kind == SK_PRONOUN ? "pronoun"
	       : sp->kind == SK_ROLE  ? "role"
	                              : rule;
}

/* The sentence of token i, cut at line breaks (precomputed). */
static inline size_t
sentence_start(const actx *c, size_t i)
{
	return c->ulo[i];
}

static inline size_t
sentence_end(const actx *c, size_t i)
{
	return c->uhi[i];
}

static inline size_t
para_start_tok(const actx *c, size_t i)
{
	return para_first(c->tl, i);
}

/* ---- words.c ---------------------------------------------------------------
 */

int qt_lex_at(const actx *c, int which, size_t a, size_t b);

/* The value of the words [a, b) in lexicon `which` (LEX_*), or -1.  One
 * word with a symbol (nearly every lookup, several a token) is answered
 * here from the symbol table; the rest by qt_lex_at(). */
static inline int
qt_lex(const actx *c, int which, size_t a, size_t b)
{
	if (a < c->n && b == a + 1 && c->t[a].sym) {
		int v = qt_sym_value(c->ld, c->t[a].sym, which);
		if (v >= 0 || which != LEX_CUES)
			return v;
	}
	return qt_lex_at(c, which, a, b);
}
int qt_class_flags_at(const actx *c, int which, size_t k);

/* The flags of word k in lexicon `which` (LEX_WORDS, LEX_CLASSES), 0 when
 * k is no word, not listed, or written outside ASCII: a word with a
 * symbol answered here, the rest by qt_class_flags_at(). */
static inline int
qt_lex_class(const actx *c, int which, size_t k)
{
	uint32_t s;
	int v;

	if (k >= c->n || c->t[k].kind != TK_WORD)
		return 0;
	if (!(s = c->t[k].sym))
		return qt_class_flags_at(c, which, k);
	if (s & SYM_NONASCII)
		return 0;
	v = qt_sym_value(c->ld, s, which);
	return v > 0 ? v : 0;
}

/* The flags of word k in words.txt (W_*) and in classes.txt (CL_*). */
static inline int
qt_word_flags(const actx *c, size_t k)
{
	return qt_lex_class(c, LEX_WORDS, k);
}

static inline int
qt_class_flags(const actx *c, size_t k)
{
	return qt_lex_class(c, LEX_CLASSES, k);
}

/* Is word k in class `flag` of words.txt (W_*)? classes.txt (CL_*)? */
static inline bool
word_is(const actx *c, size_t k, int flag)
{
	return (qt_word_flags(c, k) & flag) != 0;
}

static inline bool
class_is(const actx *c, size_t k, int flag)
{
	return (qt_class_flags(c, k) & flag) != 0;
}

bool qt_wh_relative(const actx *c, size_t k);
bool qt_is_filler(const actx *c, size_t i);
bool qt_is_particle(const actx *c, size_t i);
bool qt_apos_tail(const actx *c, size_t i, const char *tail);
bool qt_contraction(const actx *c, size_t i);
int qt_pronoun_contracted(const actx *c, size_t i);
bool qt_he_she_has(const actx *c, size_t i);
bool qt_possessive(const actx *c, size_t i);
char *qt_span_text(const actx *c, size_t a, size_t b, size_t *len);
bool qt_span_text_into(const actx *c, size_t a, size_t b, char *buf, size_t cap,
                       size_t *len);
bool qt_rel_word(const actx *c, size_t k);
bool qt_has_cap_word(const actx *c, size_t a, size_t b);
bool qt_inner_dot(const actx *c, size_t k);
bool qt_apos_mark(const actx *c, size_t k);
bool qt_np_det(const actx *c, size_t k);
bool qt_group_det(const actx *c, size_t k);
bool qt_person_group(const actx *c, size_t k);
bool qt_past_verb(const actx *c, size_t k);
bool qt_number_word(const actx *c, size_t k);
bool qt_relative_time_word(const actx *c, size_t k);
bool qt_be_form(const actx *c, size_t k);
bool qt_subordinator(const actx *c, size_t j);
bool qt_words_at_least(const actx *c, size_t a, size_t b, size_t want);
size_t qt_words_in(const actx *c, size_t a, size_t b);
bool qt_is_prep(const actx *c, size_t k);
bool qt_subject_pronoun(const actx *c, size_t k);
bool qt_wh_word(const actx *c, size_t k);
size_t qt_tok_of(const actx *c, size_t byte_off);
bool qt_verb_like(const actx *c, size_t k);

/* ---- cues.c ----------------------------------------------------------------
 */

bool qt_name_part_cue(const actx *c, size_t j);
size_t qt_cue_len(const actx *c, size_t i);
int qt_cue_at_full(const actx *c, size_t i);

/* The cue test at token i (cues.c): a word that can be no cue by its
 * symbol, and a token asked before, answered here; the rest by
 * qt_cue_at_full(). */
static inline int
qt_cue_at(const actx *c, size_t i)
{
	if (i < c->n) {
		if (qt_sym_no_cue(c->ld, c->t, c->n, i))
			return -1;
		if (c->cuec && c->cuec[i])
			return c->cuec[i] - 2;
	}
	return qt_cue_at_full(c, i);
}
bool qt_written_word(const actx *c, size_t k);

/* ---- classes.c -------------------------------------------------------------
 */

bool qt_org_noun(const actx *c, size_t k);
bool qt_doc_noun(const actx *c, size_t k, int need, int hand);
bool qt_person_noun(const actx *c, size_t k);
bool qt_described_head(const actx *c, size_t k, int *tv, bool *org);
size_t qt_type_entities(actx *c);
size_t qt_type_place_names(actx *c);
/* The WordNet place flags (WNL_*) of e's whole name, -1 when it is no
 * place in wn-places.txt. */
int qt_place_flags(const actx *c, const entity *e);
bool qt_place_name(const actx *c, const entity *e);
int qt_pos_at(const actx *c, size_t k);
/* qt_lead_word(): the word is part of the name; it describes the name;
 * it does if the rest is a name named before; it does if so and
 * qt_word_not_noun() */
enum { LEAD_NAME, LEAD_DESC, LEAD_IF_KNOWN, LEAD_POS_IF_KNOWN };
int qt_lead_word(const actx *c, size_t a, size_t k, size_t b);
bool qt_word_not_noun(const actx *c, size_t k);

/* ---- canon.c: names typed by their head noun, acronyms tied to the
 * names they abbreviate ------------------------------------------------ */

size_t qt_type_org_names(actx *c);
size_t qt_type_org_evidence(actx *c);
size_t qt_canon_acronyms(actx *c);
int qt_role_by_appositive(const actx *c, const quote *q);
int qt_canon_entity(const actx *c, int e);
bool qt_name_head_is(const actx *c, const entity *e, size_t h);
bool qt_short_form(const actx *c, const entity *e, size_t a, size_t b);
int qt_short_org_name(const actx *c, size_t a, size_t b);

/* ---- entities.c ------------------------------------------------------------
 */

int qt_entity_find(actx *c, size_t a, size_t b);
int qt_apposition_kind(const actx *c, size_t b);
void qt_collect_entities(actx *c);
void qt_gender_evidence(actx *c);
int qt_entity_by_mention_tok(const actx *c, size_t a, size_t b);
int qt_entity_by_role_words(const actx *c, size_t a, size_t b, bool unique);
int qt_party_of(const actx *c, size_t a, size_t b);
bool qt_other_party(const entity *e, int bits);
int qt_entity_by_role(const actx *c, size_t head);

/* namecues.c */
void qt_people_seen_at(actx *c);
bool qt_title_of_word(const actx *c, size_t k);
bool qt_allcaps_headline(const actx *c, size_t a, size_t b);

/* ---- lower.c: the words the article writes in lowercase ------------- */

bool qt_lower_build(actx *c);
bool qt_lower_has(const actx *c, size_t i);
void qt_lower_free(actx *c);

/* ---- entindex.c: ents by the last and the first word of the name;
 * each chain runs newest first, -1 after the oldest --------------------- */

bool qt_eidx_added(actx *c, int e);
bool qt_eidx_renamed(actx *c, int e);
int qt_eidx_by_last(const actx *c, const char *w, size_t wl);
int qt_eidx_by_first(const actx *c, const char *w, size_t wl);
int qt_eidx_next_last(const actx *c, int e);
int qt_eidx_next_first(const actx *c, int e);
void qt_eidx_free(actx *c);

/* ---- speaker_memo.c: speaker phrases parsed while linking ---------------- */

/* (qt_parse_speaker_fwd() recursion: a deeper chain is no speaker) */
#define PARSE_DEPTH 4

/* what the parse around one under way has read (speaker_memo.c) */
typedef struct {
	unsigned gen;
	bool ls_used;
	int reach;
} pmemo_frame;

struct speaker_memo *qt_speaker_memo_new(size_t n);
void qt_speaker_memo_free(struct speaker_memo *pm);
bool qt_speaker_memo_get(actx *c, size_t i, int last_speaker, speaker *sp,
                         size_t *m);
void qt_speaker_memo_enter(actx *c, pmemo_frame *fr);
void qt_speaker_memo_leave(actx *c, const pmemo_frame *fr, size_t i,
                           int last_speaker, const speaker *sp, size_t m);
void qt_speaker_memo_deep(actx *c);

/* ---- speaker.c -------------------------------------------------------------
 */

size_t qt_parse_speaker_fwd(actx *c, size_t i, speaker *sp, int last_speaker);
size_t qt_parse_source(actx *c, size_t i, speaker *sp, int last_speaker);
size_t qt_skip_appositive(const actx *c, size_t i);
size_t qt_nominal_attribution(actx *c, size_t j, size_t end, speaker *sp,
                              size_t *cue_end, int last_speaker);
size_t qt_possessor_document(const actx *c, size_t m, size_t end);
size_t qt_skip_paren(const actx *c, size_t i);

/* ---- subject.c -------------------------------------------------------------
 */

bool qt_subject_before(actx *c, size_t end, speaker *sp, size_t *mention_end,
                       int last_speaker);
bool qt_sentence_subject(actx *c, size_t i, speaker *sp, int last_speaker);

/* ---- cues_subject.c --------------------------------------------------------
 */

/* A post-modified group ("people familiar with the talks") or a share
 * ("some 29 percent of voters") opening at a, then a cue before lim:
 * returns the cue's token (sp set), or a. */
size_t qt_described_postmod(actx *c, size_t a, size_t lim, speaker *sp);
/* Such a subject opening the clause of the cue at i. */
bool qt_clause_postmod_subject(actx *c, size_t i, speaker *sp);
/* The subject of the verb governing the quoted fragment [o, cl]. */
bool qt_fragment_verb_subject(actx *c, size_t o, size_t cl, speaker *sp,
                              int last_speaker);
/* The person a one-sentence narrative paragraph before quote [o, cl],
 * which opens its paragraph, reports as speaking. */
bool qt_narrative_subject(actx *c, size_t o, size_t cl, speaker *sp,
                          int last_speaker);

/* ---- result.c --------------------------------------------------------------
 */

bool qt_speaker_as_written(actx *c, quote *q, size_t a, size_t b);
bool qt_copy_speaker(actx *c, quote *q, const quote *from);
bool qt_finish_fields(actx *c);

/* ---- link.c ----------------------------------------------------------------
 */

bool qt_link_after(actx *c, size_t k, link *L, int last_speaker);
/* split_quote.c: '"A," he said, "B."' as one record */
bool qt_split_opens_next(const actx *c, size_t i, size_t nq0, const link *L);
int qt_split_absorb(actx *c, size_t i);
bool qt_link_before(actx *c, size_t o, size_t pa, link *L, int last_speaker);
bool qt_link_previous(actx *c, size_t o, size_t pa, link *L, int last_speaker);
bool qt_link_leadin(actx *c, size_t col, size_t pp, link *L, int last_speaker);
void qt_apply_link(actx *c, quote *q, const link *L);

bool qt_link_quotes(actx *c);

/* ---- indirect.c ------------------------------------------------------------
 */

void qt_find_indirect(actx *c, uint8_t *dir, uint8_t *used);
/* partial_terms.c: a fragment no cue claimed with no verb is a term */
void qt_drop_partial_terms(actx *c);
/* partial_terms.c: a fragment its cue after claims ends a mixed clause */
void qt_mixed_from_fragment(actx *c, uint8_t *used);

/* ---- coref.c ---------------------------------------------------------------
 */

int qt_resolve_pronoun(const actx *c, size_t tok, int gender, int last_ent,
                       size_t last_tok, int *other);
bool qt_pronoun_sure(const actx *c, size_t tok, int gender, int e);
int qt_ent_gender(const actx *c, const entity *e);
bool qt_subject_between(const actx *c, size_t a, size_t b, int except);
void qt_mark_reported(actx *c);
bool qt_subject_like(const actx *c, const mention_rec *m);
bool qt_first_outside_captions(const actx *c, size_t mk);
int qt_doc_author(const actx *c, const quote *q);
int qt_statement_issuer(const actx *c, const quote *q);
const quote *qt_same_description(const actx *c, const quote *q);

/* ---- coref_it.c ------------------------------------------------------------
 */

int qt_resolve_it(const actx *c, size_t tok, int last_ent, size_t last_tok);
int qt_resolve_description(const actx *c, const quote *q);
int qt_named_next(const actx *c, const quote *q);
int qt_role_of_prev_subject(const actx *c, const quote *q);
int qt_group_noun(const actx *c, size_t k);
bool qt_plural_apostrophe(const actx *c, size_t b);
size_t qt_antecedent_before_quote(const actx *c, size_t tok);
bool qt_in_label_line(const actx *c, size_t p);
size_t qt_antecedent_start(const actx *c, size_t tok);
bool qt_opens_clause(const actx *c, size_t a);
bool qt_verb_follows(const actx *c, size_t h);
bool qt_resolve_it_org(const actx *c, size_t tok, size_t *ga, size_t *gb);
bool qt_resolve_it_doc(const actx *c, size_t tok, size_t *ga, size_t *gb);

/* ---- they.c ---------------------------------------------------------------
 */

bool qt_resolve_they(const actx *c, size_t tok, size_t *ga, size_t *gb);
int qt_they_org(const actx *c, size_t tok, int *ent, size_t *ga, size_t *gb);

/* ---- pronoun.c -------------------------------------------------------------
 */

bool qt_they_names(const actx *c, size_t lo, size_t tok, size_t *ga,
                   size_t *gb);
bool qt_they_last_group(const actx *c, const quote *last, size_t last_end,
                        size_t tok);
bool qt_pronoun_last_described(const actx *c, const quote *last,
                               size_t last_end, size_t tok, int gender);
bool qt_pronoun_described_since(const actx *c, size_t tok, int gender,
                                size_t after, size_t *ga, size_t *gb);
bool qt_resolve_they_all(const actx *c, size_t tok, size_t *ga, size_t *gb);
int qt_they_further(const actx *c, size_t tok, int *ent, size_t *ga,
                    size_t *gb);
int qt_pronoun_near_agreeing(const actx *c, size_t tok, int gender);
bool qt_pronoun_described(const actx *c, size_t tok, int gender, size_t *ga,
                          size_t *gb);
int qt_it_issuer(const actx *c, size_t tok, int *ent, size_t *ga, size_t *gb);
bool qt_it_is_last_thing(const actx *c, const quote *last, size_t last_end,
                         size_t tok);
int qt_own_document(const actx *c, const quote *q, int last_ent,
                    size_t last_tok);
bool qt_pronoun_contradicted_sure(const actx *c, size_t tok, int e);
int qt_pronoun_resolve(const actx *c, size_t tok, int gender, int last_ent,
                       size_t last_tok);

/* ---- carry.c ---------------------------------------------------------------
 */

void qt_resolve_in_order(actx *c);

/* ---- indirect_clause.c: a cue's subject and its clause's bounds ---------- */

bool qt_two_word_clause(const actx *c, size_t a, size_t b);
bool qt_clause_has_verb(const actx *c, size_t a, size_t b);
size_t qt_short_lead_clause(actx *c, size_t i, size_t sa, size_t se, link *L,
                            int subj, int last);
size_t qt_who_cue(const actx *c, size_t i);
size_t qt_who_clause_end(const actx *c, size_t k, size_t se);
size_t qt_framed_clause_end(const actx *c, const link *L, size_t k, size_t se);
bool qt_cue_subject(actx *c, size_t i, int v, link *L, int last);

#endif
