/*
 * link.c: attribution, the direct-quote pass: the words around each quote
 * become a string of chunk classes, one letter a chunk (the alphabet is
 * CHUNK_CLASSES in lexicon.h, the one table that qt_cuepat_parse() checks
 * patterns against; documented in data/en/patterns.txt), and the patterns of
 * data/LANG/patterns.txt are matched against it.  C parses the phrases (a
 * speaker, an appositive, a parenthesis); which arrangements of them tie
 * a quote to a speaker is data.  A split quote ("A," he said, "B.")
 * becomes one quote of two parts.  Reads tokens, quotes and entities;
 * writes each quote's mention, cue, rule and speaker, and marks the
 * quotes merged into others.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "attrib_int.h"
#include "choose.h"
#include "cues.h"
#include "speaker.h"
#include "subject_int.h"
#include "tagger.h"

#define SHAPE_MAX 96    /* chunks in one window */
#define AFTER_TOKENS 48 /* tokens looked at after a quote */
#define HEAD_TOKENS                                                            \
	12               /* tokens looked at at the start of a long
                          * sentence (BEFORE_TOKENS at its end) */
#define LEADIN_TOKENS 24 /* tokens before a lead-in colon */

typedef struct {
	size_t a, b; /* tokens [a, b) */
	speaker sp;  /* for speaker chunks */
} chunk;

typedef struct {
	char s[SHAPE_MAX + 16]; /* NUL-terminated, and room for JIT reads */
	chunk ch[SHAPE_MAX];
	size_t n;
} shape;

/*
 * The patterns a chunk string can match at all.  Many quotes have the
 * same string on a side (',"CN.' for '"Q," said Ann Lee.'), and most of
 * a side's patterns do not match it: for each string seen, the patterns
 * of the side whose first match is not "none" (a match or an error),
 * in order.  What a pattern matches depends on the string alone, so
 * match_side() tries only these and finds what it found before.  A
 * direct-mapped table, per document (qt_link_quotes()).
 */
#define SIDE_MEMO_SLOTS 512      /* at least; a power of two */
#define SIDE_MEMO_SLOTS_MAX 8192 /* at most */
#define SIDE_MEMO_HITS 24
/* (fewer quotes than that: the table costs more than it saves) */
#define SIDE_MEMO_QUOTES 8

typedef struct {
	uint8_t used, side, n, nhits;
	uint16_t hit[SIDE_MEMO_HITS]; /* pattern indexes */
	char s[SHAPE_MAX];
} side_slot;

struct side_memo {
	size_t mask; /* slots - 1 */
	side_slot slot[];
};

/* One line to the caller's trace function (quoth_options.trace), if
 * any: the library itself never prints. */
static void trace(const actx *c, const char *fmt, ...)
        __attribute__((format(printf, 2, 3)));

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
		return sp->ent >= 0 ? CH_NAME : CH_NEW_NAME;
	case SK_ORG:
		return sp->ent >= 0 ? CH_ORG : CH_ORG_WRITTEN;
	case SK_PRONOUN:
		return sp->gender ? CH_PRONOUN : CH_PRONOUN_OTHER;
	default:
		return sp->ent >= 0 ? CH_ROLE : CH_DESCRIBED;
	}
}

static bool
is_speaker_class(char k)
{
	switch (k) {
	case CH_NAME:
	case CH_NEW_NAME:
	case CH_ORG:
	case CH_ORG_WRITTEN:
	case CH_ROLE:
	case CH_DESCRIBED:
	case CH_PRONOUN:
	case CH_PRONOUN_OTHER:
		return true;
	default:
		return false;
	}
}

/* Do the last chunks of sh read speaker (and its appositive), cue,
 * listener ("Ada Finch told the Harbour Gazette")? */
static bool
listener_before(const shape *sh)
{
	const char *k = sh->s + sh->n;

	return sh->n >= 3 && (k[-2] == CH_CUE_INV || k[-2] == CH_CUE) &&
	       is_speaker_class(k[-1]) &&
	       (is_speaker_class(k[-3]) ||
	        (sh->n >= 4 && is_speaker_class(k[-4]) &&
	         (k[-3] == CH_APPOSITIVE || k[-3] == CH_PAREN ||
	          k[-3] == CH_AFFILIATION)));
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

/* ", Jane Doe," after a described speaker: the name itself, not an
 * appositive to skip ("his wife, Jane Doe, wrote"); a party tag is no
 * name ("Rep. Joe Hart, R-Texas, said"). */
static bool
name_appositive(actx *c, size_t j, size_t m, int last_speaker)
{
	speaker sp;
	size_t e = qt_parse_speaker_fwd(c, j + 1, &sp, last_speaker);

	return e + 1 == m && sp.kind == SK_NAME && e > j + 1 &&
	       !qt_party_tag(c, j + 1, e);
}

/*
 * "Ada Finch, who declared," and "Ivo Lund who wrote,": the cue at token
 * j with no subject of its own follows the relative "who" (and adverbs)
 * right after a name's chunk, the antecedent that is its subject.  Then
 * "who" becomes the speaker's chunk in sh, the mention next to the cue
 * as "he" would be, standing for the name's entity (a name not seen
 * before keeps its own chunk, the rest an appositive); true.
 */
static bool
who_subject(const actx *c, shape *sh, size_t j)
{
	size_t i = sh->n, w;
	speaker sp;

	while (i > 0 && sh->s[i - 1] == CH_FILLER)
		i--;
	if (i < 2 || sh->ch[i - 1].b != sh->ch[i - 1].a + 1 ||
	    !wordeq(c, sh->ch[i - 1].a, "who"))
		return false;
	w = sh->ch[--i].a;
	if (sh->s[i - 1] == CH_COMMA)
		i--;
	/* (a name: "a candidate who promised" is often someone else's
	 * description) */
	if (i == 0 || (sh->s[i - 1] != CH_NAME && sh->s[i - 1] != CH_NEW_NAME))
		return false;
	sp = sh->ch[i - 1].sp;
	sh->n = i;
	sh->s[i] = '\0';
	if (sh->s[i - 1] != CH_NAME || sp.ent < 0)
		return push_chunk(sh, CH_APPOSITIVE, sh->ch[i - 1].b, j, NULL);
	if (sh->ch[i - 1].b < w)
		push_chunk(sh, CH_APPOSITIVE, sh->ch[i - 1].b, w, NULL);
	sp.a = w;
	sp.b = w + 1;
	push_chunk(sh, CH_NAME, w, w + 1, &sp);
	return w + 1 >= j || push_chunk(sh, CH_APPOSITIVE, w + 1, j, NULL);
}

/*
 * "George Lund of The Harbour wrote,": the cue at token j with no subject
 * of its own follows a name and its affiliation (and adverbs), the name
 * opening its sentence or clause.  Then the affiliation becomes the
 * name's appositive in sh, so that the name is the subject; true.
 */
static bool
affiliated_subject(shape *sh)
{
	size_t i = sh->n;

	while (i > 0 && sh->s[i - 1] == CH_FILLER)
		i--;
	if (i < 2 || sh->s[i - 1] != CH_AFFILIATION ||
	    (sh->s[i - 2] != CH_NAME && sh->s[i - 2] != CH_NEW_NAME) ||
	    (i > 2 && sh->s[i - 3] != CH_COMMA && sh->s[i - 3] != CH_END &&
	     sh->s[i - 3] != CH_BREAK && sh->s[i - 3] != CH_QUOTE))
		return false;
	sh->s[i - 1] = CH_APPOSITIVE;
	sh->ch[i - 1].b = sh->ch[sh->n - 1].b;
	sh->n = i;
	sh->s[i] = '\0';
	return true;
}

/* The chunk of the cue at token j (qt_cue_at() gave v), and with
 * `subjects` the subject before it, which replaces the chunks made of its
 * words (chunk_at()). */
static size_t
cue_chunk(actx *c, size_t j, size_t end, shape *sh, int v, int last_speaker,
          bool subjects)
{
	speaker sp;
	size_t m;
	char k = (v & CUE_PARTICIPLE) ? CH_PARTICIPLE
	         : (v & CUE_BASE)     ? CH_BASE
	         : (v & CUE_INVERTS)  ? CH_CUE_INV
	                              : CH_CUE;
	if (subjects) {
		size_t me, i0;
		if (!qt_subject_before(c, j, &sp, &me, last_speaker)) {
			/* a cue with no subject of its own: the chunk
			 * before it is none (but a relative's antecedent) */
			if (who_subject(c, sh, j) || affiliated_subject(sh))
				;
			else if (k == CH_CUE_INV)
				k = CH_CUE_INV_NOSUBJ;
			else if (k == CH_CUE)
				k = CH_CUE_NOSUBJ;
		} else {
			/* the chunks from the subject on give way */
			for (i0 = sh->n; i0 > 0 && sh->ch[i0 - 1].b > sp.a;)
				i0--;
			sh->n = i0;
			push_chunk(sh, speaker_class(&sp), sp.a, sp.b, &sp);
			if (sp.b < j)
				push_chunk(sh, CH_APPOSITIVE, sp.b, j, NULL);
		}
	}
	/* ("went on": the particle is the cue's) */
	m = j + qt_cue_len(c, j);
	if (m > end)
		m = j + 1;
	return push_chunk(sh, k, j, m, NULL), m;
}

/*
 * The steps of chunk_at(), in its order, one kind of chunk each: each
 * pushes its chunk and returns the token after it, or returns QUOTH_NONE
 * when its kind is not at token j (and the next step is tried).  They
 * read the chunk before (prev, and after_sp: it is a speaker's, a
 * parenthesis or an appositive), and the window's end: no chunk reaches
 * past it.
 */

/* A dot inside a word or an apostrophe set aside; a dot before a line
 * break or at the end ends a sentence instead. */
static size_t
dot_chunk(const actx *c, size_t j, shape *sh, char prev)
{
	if (!((qt_inner_dot(c, j) &&
	       !(j + 1 < c->n && is_break_tok(&c->t[j + 1]))) ||
	      qt_apos_mark(c, j)))
		return QUOTH_NONE;
	/* "James Cole Jr., the director, said", "Harlow Inc. said": the
	 * dot of a name's suffix is the name's */
	if (is_p(&c->t[j], '.') &&
	    (prev == CH_NAME || prev == CH_NEW_NAME || prev == CH_ORG ||
	     prev == CH_ORG_WRITTEN) &&
	    sh->ch[sh->n - 1].b == j && (c->t[j - 1].flags & TF_CAP)) {
		sh->ch[sh->n - 1].b = j + 1;
		return j + 1;
	}
	return push_chunk(sh, CH_INNER_DOT, j, j + 1, NULL), j + 1;
}

/* The comma at token j: an appositive after a speaker (", the
 * director,"), else a comma. */
static size_t
comma_chunk(actx *c, size_t j, size_t end, shape *sh, char prev, bool after_sp,
            int last_speaker)
{
	/* (", said," is no appositive, nor is ", which read,") */
	/* (nor ", Dan Bell stepped up ...,": a clause) */
	size_t m = after_sp && prev != CH_APPOSITIVE &&
	                           qt_cue_at(c, j + 1) < 0 &&
	                           !qt_name_clause(c, j) &&
	                           !((wordeq(c, j + 1, "which") ||
	                              wordeq(c, j + 1, "that") ||
	                              wordeq(c, j + 1, "who")) &&
	                             qt_cue_at(c, j + 2) >= 0)
	                   ? qt_skip_appositive(c, j)
	                   : j;

	if (m > j && m <= end && !name_appositive(c, j, m, last_speaker))
		return push_chunk(sh, CH_APPOSITIVE, j, m, NULL), m;
	return push_chunk(sh, CH_COMMA, j, j + 1, NULL), j + 1;
}

/* Punctuation at token j (no word, number or quote mark). */
static size_t
punct_chunk(actx *c, size_t j, size_t end, shape *sh, char prev, bool after_sp,
            int last_speaker)
{
	const token *t = &c->t[j];
	char k = CH_PUNCT;
	size_t m;

	if (is_p(t, ','))
		return comma_chunk(c, j, end, sh, prev, after_sp, last_speaker);
	if (is_end_p(t)) {
		k = CH_END;
	} else if (is_p(t, ':')) {
		k = CH_COLON;
	} else if (is_p(t, '-') || is_p(t, 0x2013) || is_p(t, 0x2014) ||
	           is_p(t, 0x2015)) {
		k = CH_DASH;
	} else if (is_p(t, '(') && after_sp) {
		m = qt_skip_paren(c, j);
		/* ("told the Harbour Gazette (HG),": the listener's acronym,
		 * words after the cue) */
		if (m > j && m <= end)
			return push_chunk(sh,
			                  listener_before(sh) ? CH_WORD
			                                      : CH_PAREN,
			                  j, m, NULL),
			       m;
	}
	return push_chunk(sh, k, j, j + 1, NULL), j + 1;
}

/* "according to X", "in the words of Ben Hale", "in Ben Hale's words":
 * the attribution and its speaker. */
static size_t
according_chunk(actx *c, size_t j, size_t end, shape *sh, int last_speaker)
{
	speaker sp;
	size_t m, me0;

	if (wordeq(c, j, "according") && j + 1 < end &&
	    wordeq(c, j + 1, "to")) {
		push_chunk(sh, CH_ACCORDING, j, j + 2, NULL);
		m = qt_parse_source(c, j + 2, &sp, last_speaker);
		if (m > j + 2 && m <= end)
			push_chunk(sh, speaker_class(&sp), j + 2, m, &sp);
		return m > j + 2 && m <= end ? m : j + 2;
	}
	if ((m = qt_nominal_attribution(c, j, end, &sp, &me0, last_speaker)) >
	    j) {
		push_chunk(sh, CH_ACCORDING, j, me0, NULL);
		push_chunk(sh, speaker_class(&sp), me0, sp.b, &sp);
		if (sp.b < m)
			push_chunk(sh, CH_WORD, sp.b, m, NULL);
		return m;
	}
	return QUOTH_NONE;
}

/* A second appositive right after one: "Scott Pruitt, the attorney
 * general of Oklahoma, one of the states suing, said"; a fourth only as
 * a relative clause: "Harry Bond, 30, of Tulsa, Okla., who was among
 * those polled, said". */
static size_t
next_appositive_chunk(const actx *c, size_t j, size_t end, shape *sh, char prev)
{
	size_t m;

	if (!(prev == CH_APPOSITIVE && is_p(&c->t[j - 1], ',') &&
	      (sh->n < 3 || sh->s[sh->n - 2] != CH_APPOSITIVE ||
	       sh->s[sh->n - 3] != CH_APPOSITIVE ||
	       (qt_wh_relative(c, j) &&
	        (sh->n < 4 || sh->s[sh->n - 4] != CH_APPOSITIVE)))))
		return QUOTH_NONE;
	m = qt_skip_appositive(c, j - 1);
	return m > j && m <= end
	               ? (push_chunk(sh, CH_APPOSITIVE, j, m, NULL), m)
	               : QUOTH_NONE;
}

/* The speaker phrase at token j (Ben Hale, the minister, "the ACU"). */
static size_t
speaker_chunk(actx *c, size_t j, size_t end, shape *sh, int last_speaker)
{
	speaker sp;
	/* (no phrase inside a quote is a speaker, parse_speaker_at(): the
	 * words of the quotes in a window are a fifth of its words) */
	size_t m = c->inq[j] ? j
	                     : qt_parse_speaker_fwd(c, j, &sp, last_speaker);

	/* ("Ben Hale's statement": its issuer) */
	if (m > j && m <= end && sp.kind != SK_NONE)
		m = qt_possessor_document(c, m, end);
	if (m > j && m <= end && sp.kind != SK_NONE)
		return push_chunk(sh, speaker_class(&sp), j, m, &sp), m;
	/* "the ACU": "the" before an organisation's name is its chunk (the
	 * speaker keeps its article, see qt_apply_link()) */
	if (wordeq(c, j, "the") && j + 1 < end && !c->inq[j + 1]) {
		m = qt_parse_speaker_fwd(c, j + 1, &sp, last_speaker);
		if (m > j + 1 && m <= end && sp.kind == SK_ORG)
			return push_chunk(sh, speaker_class(&sp), j, m, &sp), m;
	}
	return QUOTH_NONE;
}

/* A described speaker: next to the quote, or after an inverted cue. */
static size_t
described_chunk(actx *c, size_t j, size_t end, shape *sh, char prev,
                bool subjects)
{
	speaker sp;
	size_t m;

	/* (only next to the quote: the window's first chunks are its comma
	 * or dash) */
	if (!subjects && (sh->n == 0 || ((prev == CH_COMMA || prev == CH_DASH ||
	                                  prev == CH_END) &&
	                                 sh->n <= 2))) {
		m = qt_described_before_cue(c, j, &sp);
		if (m > j && m <= end)
			return push_chunk(sh, CH_DESCRIBED, j, m, &sp), m;
		/* "people familiar with the talks said" (cues_subject.c) */
		m = qt_described_postmod(c, j, end, &sp);
		if (m > j && m <= end)
			return push_chunk(sh, CH_DESCRIBED, j, sp.b, &sp), sp.b;
	}
	if (prev == CH_CUE_INV) {
		m = qt_described_at(c, j, &sp);
		if (m > j && m <= end)
			return push_chunk(sh, CH_DESCRIBED, j, m, &sp), m;
	}
	return QUOTH_NONE;
}

/* Any other word: an affiliation after a speaker, a filler, "and",
 * "as", a subordinator, or a word. */
static size_t
word_chunk(const actx *c, size_t j, size_t end, shape *sh, bool after_sp)
{
	char k = (c->t[j].flags & TF_CAP) ? CH_CAP_WORD : CH_WORD;

	if (after_sp) {
		size_t m = qt_affiliation_at(c, j);
		if (m > j && m <= end)
			return push_chunk(sh, CH_AFFILIATION, j, m, NULL), m;
	}
	if (qt_is_filler(c, j))
		k = CH_FILLER;
	else if (word_is(c, j, W_AND_BUT))
		k = CH_AND;
	else if (wordeq(c, j, "as"))
		k = CH_AS;
	else if (qt_subordinator(c, j))
		k = CH_SUBORD;
	return push_chunk(sh, k, j, j + 1, NULL), j + 1;
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
	bool after_sp = is_speaker_class(prev) || prev == CH_PAREN ||
	                prev == CH_APPOSITIVE;
	size_t m;
	int v;

	if (is_break_tok(t))
		return push_chunk(sh, CH_BREAK, j, j + 1, NULL), j + 1;
	if ((m = dot_chunk(c, j, sh, prev)) != QUOTH_NONE)
		return m;
	if (t->kind == TK_QUOTE)
		return push_chunk(sh, CH_QUOTE, j, j + 1, NULL), j + 1;
	if (t->kind == TK_NUM)
		return push_chunk(sh, CH_NUMBER, j, j + 1, NULL), j + 1;
	if (!is_w(t))
		return punct_chunk(c, j, end, sh, prev, after_sp, last_speaker);
	if ((m = according_chunk(c, j, end, sh, last_speaker)) != QUOTH_NONE)
		return m;
	v = qt_cue_at(c, j);
	if (v >= 0 && !qt_surname_word(c, j))
		return cue_chunk(c, j, end, sh, v, last_speaker, subjects);
	if ((m = next_appositive_chunk(c, j, end, sh, prev)) != QUOTH_NONE ||
	    (m = speaker_chunk(c, j, end, sh, last_speaker)) != QUOTH_NONE ||
	    (m = described_chunk(c, j, end, sh, prev, subjects)) != QUOTH_NONE)
		return m;
	return word_chunk(c, j, end, sh, after_sp);
}

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

/* Is sp a place ("North Dakota", "Fargo"), by the lists or by how the
 * article uses it ("in Fargo"), and no person by the article's own
 * evidence?  A place speaks only as the subject of its own cue ("Beijing
 * said"): the colon after "..., with Bell yelling" in "At a rally in
 * Fargo, North Dakota, ..." is not its cue. */
static bool
place_speaker(const actx *c, const speaker *sp)
{
	const entity *e = ent_at(c, sp->ent);

	if ((sp->kind != SK_NAME && sp->kind != SK_ORG) || !e || e->strong ||
	    e->gender || e->title || e->person)
		return false;
	return e->place ||
	       (e->nonperson && qt_lex(c, LEX_PLACES, sp->a, sp->b) >= 0);
}

/* A speaker (chunk i) ending a colon lead-in right after a word: a verb
 * whose object it is ("did not surprise pollster Dan Shaw:") or "from"
 * ("More from Dan Shaw:"), not another preposition ("sent to Ana Ruiz:"). */
static bool
colon_object_verb(const actx *c, const shape *sh, size_t i)
{
	size_t k;

	if (i == 0 || i + 1 >= sh->n || sh->s[i + 1] != CH_COLON ||
	    (sh->s[i - 1] != CH_WORD && sh->s[i - 1] != CH_CAP_WORD))
		return true;
	k = sh->ch[i - 1].b - 1;
	return wordeq(c, k, "from") || qt_pos_at(c, k) == QT_POS_VERB;
}

/*
 * A colon lead-in whose subject is a thing as written (K: "The ruling",
 * "The news"), no organisation by WordNet nor a title, and whose object
 * is a person: the person says it, when the person ends the lead-in
 * ("The news did not surprise pollster Dan Shaw:") or has "with" and its
 * words after it ("The ruling left the pastor with one question:").
 * Returns the person's chunk, or NULL.  (An organisation keeps its
 * quote: "The council gave Mayor Ruiz a warning:".)
 */
static const chunk *
colon_object(const actx *c, const shape *sh, const chunk *spc)
{
	size_t i = (size_t)(spc - sh->ch), k, h = spc->sp.b - 1;

	if (sh->s[i] != CH_ORG_WRITTEN || (c->t[h].flags & TF_CAP) ||
	    qt_lex(c, LEX_ORGNOUNS, h, h + 1) >= 0 ||
	    qt_lex(c, LEX_TITLES, h, h + 1) >= 0)
		return NULL;
	for (k = i + 1; k < sh->n && sh->s[k] != CH_COLON; k++) {
		char x = sh->s[k];
		if (x == CH_NAME || x == CH_NEW_NAME || x == CH_ROLE ||
		    x == CH_DESCRIBED) {
			size_t e = k + 1;
			if (e < sh->n && sh->s[e] == CH_COLON)
				return colon_object_verb(c, sh, k) ? &sh->ch[k]
				                                   : NULL;
			if (e >= sh->n || !wordeq(c, sh->ch[e].a, "with"))
				return NULL;
			for (e++; e < sh->n && (sh->s[e] == CH_WORD ||
			                        sh->s[e] == CH_NUMBER ||
			                        sh->s[e] == CH_FILLER);
			     e++)
				;
			return e < sh->n && sh->s[e] == CH_COLON ? &sh->ch[k]
			                                         : NULL;
		}
		if (x != CH_WORD && x != CH_FILLER)
			return NULL;
	}
	return NULL;
}

/* The index of the chunk starting at offset off of sh->s. */
static const chunk *
chunk_of(const shape *sh, size_t off)
{
	return off < sh->n ? &sh->ch[off] : NULL;
}

/* The memo's list of the patterns of `side` that sh's string can match,
 * made now if it has none; NULL without a memo, or when more patterns
 * than a slot holds match. */
static const side_slot *
side_hits(actx *c, const shape *sh, int side)
{
	const cue_patterns *cp = &c->ld->pats;
	side_slot *e;
	uint64_t h;
	size_t i, span[6], nh = 0;
	uint16_t hit[SIDE_MEMO_HITS];

	if (!c->smemo || cp->n > UINT16_MAX)
		return NULL;
	h = qt_hash_bytes(sh->s, sh->n) ^
	    ((uint64_t)side * 0x9e3779b97f4a7c15ull);
	e = &c->smemo->slot[(h ^ (h >> 29)) & c->smemo->mask];
	if (e->used && e->side == side && e->n == sh->n &&
	    memcmp(e->s, sh->s, sh->n) == 0)
		return e;
	for (i = 0; i < cp->n; i++) {
		if (cp->p[i].side != side ||
		    qt_cuepat_match(&cp->p[i], sh->s, sh->n, 0, c->md, span) ==
		            0)
			continue;
		if (nh == SIDE_MEMO_HITS)
			return NULL;
		hit[nh++] = (uint16_t)i;
	}
	e->used = 1;
	e->side = (uint8_t)side;
	e->n = (uint8_t)sh->n;
	e->nhits = (uint8_t)nh;
	memcpy(e->hit, hit, nh * sizeof(*hit));
	memcpy(e->s, sh->s, sh->n);
	return e;
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
	const side_slot *hits = side_hits(c, sh, side);
	size_t i, k, npat = hits ? hits->nhits : cp->n;
	link scratch;

	static const char *const side_name[CP_SIDES_] = {"after", "before",
	                                                 "lead-in", "previous"};

	trace(c, "quote at byte %zu, %s: %s", c->quote_byte, side_name[side],
	      sh->s);
	for (k = 0; k < npat; k++) {
		const cue_pattern *p;
		size_t span[6], from = 0;
		const chunk *spc = NULL, *cue = NULL, *men = NULL, *last = NULL;
		bool ok = false;
		int rc;

		i = hits ? hits->hit[k] : k;
		p = &cp->p[i];
		if (p->side != side)
			continue;
		for (;;) {
			rc = qt_cuepat_match(p, sh->s, sh->n, from, c->md,
			                     span);
			if (rc <= 0)
				break;
			spc = chunk_of(sh, span[2]);
			cue = span[3] != QUOTH_NONE ? chunk_of(sh, span[3])
			                            : NULL;
			men = span[4] != QUOTH_NONE ? chunk_of(sh, span[4])
			                            : NULL;
			last = span[1] > 0 ? chunk_of(sh, span[1] - 1) : NULL;
			/* a speaker chunk inside the match (a lookbehind
			 * may capture outside it), the cue within bounds */
			/* (on the after side nothing but the '.' before the
			 * window lies before the anchor, and it is no cue) */
			if (men && men->a < anchor && side == CP_AFTER)
				men = NULL;
			if (spc && span[2] >= span[0] && span[2] < span[1] &&
			    is_speaker_class(sh->s[span[2]]) &&
			    !(cue && sh->s[span[3]] == CH_COLON &&
			      place_speaker(c, &spc->sp)) &&
			    !(cue && sh->s[span[3]] == CH_COLON &&
			      side == CP_BEFORE &&
			      !colon_object_verb(c, sh, span[2])) &&
			    /* ("a group called the "Harbour Friends"") */
			    !(cue && side == CP_BEFORE && spc->b == cue->a &&
			      qt_naming_use(c, cue->a, anchor)) &&
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
			trace(c,
			      "  patterns.txt:%zu: matching failed (PCRE2 "
			      "limit %d)",
			      p->line, rc);
		if (!ok)
			continue;
		trace(c, "  patterns.txt:%zu (%s) matched", p->line, p->rule);
		if (c->cands)
			L = &scratch;
		if (cue && sh->s[span[3]] == CH_COLON &&
		    colon_object(c, sh, spc))
			spc = colon_object(c, sh, spc);
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
		/* collecting candidates (choose.c): every pattern's match */
		if (c->cands) {
			qt_cand_add(c->cands, L, side, i, anchor);
			continue;
		}
		return true;
	}
	return false;
}

/* Chunk tokens [a, b) and match the patterns of `side` (see
 * match_side()). */
static bool
match_span(actx *c, size_t a, size_t b, bool subjects, int side, size_t anchor,
           link *L, int last_speaker)
{
	shape sh;

	shape_init(&sh);
	chunk_span(c, a, b, &sh, last_speaker, subjects);
	return match_side(c, &sh, side, anchor, L);
}

/* "Q," SPEAKER ... CUE  or  "Q," CUE SPEAKER ...: the words from token k
 * (right after the closing mark) to the end of the sentence. */
bool
qt_link_after(actx *c, size_t k, link *L, int last_speaker)
{
	size_t end = k, lim = k + AFTER_TOKENS, k0 = k;
	shape sh;

	if (k >= c->n)
		return false;
	/* ''Q 'old-school,''' said Ann Lee: the inner quote's closing
	 * apostrophe, glued to the closing mark, is not between quote and
	 * cue */
	if (k + 1 < c->n && k > 0 && qt_apos_mark(c, k) &&
	    c->t[k].start == c->t[k - 1].end) {
		k++;
		end = k;
		lim = k + AFTER_TOKENS;
	}
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
	if (k0 >= 2 && c->t[k0 - 1].kind == TK_QUOTE && is_end_p(&c->t[k0 - 2]))
		push_chunk(&sh, CH_END, k0 - 2, k0 - 1, NULL);
	chunk_span(c, k, end, &sh, last_speaker, false);
	return match_side(c, &sh, CP_AFTER, k, L);
}

/* SPEAKER CUE ... "Q": the sentence before token o (the opening mark),
 * within paragraph start pa. */
bool
qt_link_before(actx *c, size_t o, size_t pa, link *L, int last_speaker)
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
		push_chunk(&sh, CH_ELIDED, a + HEAD_TOKENS, o - BEFORE_TOKENS,
		           NULL);
		a = o - BEFORE_TOKENS;
	}
	chunk_span(c, a, o, &sh, last_speaker, true);
	return match_side(c, &sh, CP_BEFORE, o, L);
}

/* A quote opening its sentence after a sentence of attribution alone
 * ("Sam Lau, the party's director, said in a statement. "Q""): that
 * sentence, in the quote's paragraph or ending the one before. */
bool
qt_link_previous(actx *c, size_t o, size_t pa, link *L, int last_speaker)
{
	size_t e = o, a;

	if (o == 0 || c->ulo[o] != o)
		return false;
	while (e > 0 &&
	       (is_break_tok(&c->t[e - 1]) || c->t[e - 1].kind == TK_QUOTE))
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
bool
qt_link_leadin(actx *c, size_t col, size_t pp, link *L, int last_speaker)
{
	size_t a = col > pp + LEADIN_TOKENS ? col - LEADIN_TOKENS : pp;

	return match_span(c, a, col + 1, true, CP_LEADIN, col, L, last_speaker);
}

void
qt_apply_link(actx *c, quote *q, const link *L)
{
	speaker sp = L->sp;
	qattr *qa = qa_of(c, q);
	int joint[2];
	bool both = qt_joint_speaker(c, &sp, joint);
	const entity *e = ent_at(c, sp.ent); /* (none for a firm, joint.c) */

	/* "the EU", "The Forecaddie": an organisation keeps its article,
	 * as written; but "the Fisheries Board" after "the Northern
	 * Fisheries Board" is the fuller name (canon.c) */
	if ((sp.kind == SK_ORG || (sp.kind == SK_NAME && !(e && e->person))) &&
	    sp.a > 0 && wordeq(c, sp.a - 1, "the") &&
	    !(e && !e->org && e->person) && !qt_possessive(c, sp.b - 1) &&
	    !(e && e->org && qt_short_form(c, e, sp.a, sp.b))) {
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
		ent_set_person(c, sp.ent);
	if (!e && sp.kind != SK_PRONOUN && sp.kind != SK_NONE) {
		/* an unresolved name, role or organisation: as written */
		if (!qt_speaker_as_written(c, q, sp.a, sp.b))
			return;
	}
	if (e && sp.kind == SK_ROLE)
		ent_set_gender(c, sp.ent, sp.gender);
	/* "Ann Ode and Raj Patel said": both (joint.c) */
	if (both) {
		q->entity = -1;
		qa->sp_gender = 0;
		(void)qt_joint_speaker_string(c, q, joint);
	}
}

/* The link of quote q, the first that applies: a cue after it ('"Q,"
 * Hegseth told'), the sentence before it ('Hegseth said: "Q"'), a
 * lead-in paragraph ending in a colon, the sentence before one that
 * opens its sentence, or, for a fragment, its sentence's subject. */
static bool
link_quote(actx *c, quote *q, link *L, int last_speaker)
{
	size_t o = q->parts[0].tok_open;
	size_t cl = q->parts[q->nparts - 1].tok_close;
	size_t after = cl != QUOTH_NONE ? cl + 1 : QUOTH_NONE;
	size_t pa = para_start_tok(c, o);
	bool linked = false;

	memset(L, 0, sizeof(*L));
	c->quote_byte = q->parts[0].start;
	if (after != QUOTH_NONE && after < c->n &&
	    qt_link_after(c, after, L, last_speaker))
		linked = true;
	if (!linked && qt_link_before(c, o, pa, L, last_speaker))
		linked = true;
	/* a colon lead-in paragraph: "He said:", "The Times reports:"
	 * (its cue and subject), or "And from the minister:" */
	if (!linked && o == pa && pa >= 2 && is_p(&c->t[pa - 2], ':') &&
	    qt_link_leadin(c, pa - 2, para_start_tok(c, pa - 2), L,
	                   last_speaker))
		linked = true;
	if (!linked && qt_link_previous(c, o, pa, L, last_speaker))
		linked = true;
	/* a fragment with no cue in reach, in a sentence whose
	 * subject is a person: 'she didn't want her son looked on as
	 * "another druggie"' is hers (rule subject; no cue, so it
	 * stays partial) */
	if (!linked && q->type == QUOTH_PARTIAL &&
	    qt_sentence_subject(c, o, &L->sp, last_speaker) &&
	    (L->sp.kind == SK_NAME ||
	     /* (not "it": "It's the pull of the "Q" promise") */
	     (L->sp.kind == SK_PRONOUN && L->sp.gender != G_THING)) &&
	    L->sp.b <= o) {
		L->cue_a = L->cue_b = QUOTH_NONE;
		L->rule = "subject";
		linked = true;
	}
	/* or the subject of the verb that governs it: 'Finch referred
	 * to Lee as "a capable leader"' (cues_subject.c) */
	if (!linked && q->type == QUOTH_PARTIAL &&
	    qt_fragment_verb_subject(c, o, cl, &L->sp, last_speaker)) {
		L->cue_a = L->cue_b = QUOTH_NONE;
		L->rule = "subject";
		linked = true;
	}
	/* a paragraph opening with a quote after a narrative one whose
	 * verb reports its subject's words: "Ada Finch praised the
	 * plan." (cues_subject.c) */
	if (!linked && q->type == QUOTH_DIRECT && o == pa &&
	    qt_narrative_subject(c, o, cl, &L->sp, last_speaker)) {
		L->cue_a = L->cue_b = QUOTH_NONE;
		L->rule = "narrative";
		linked = true;
	}
	return linked;
}

/*
 * Every link of quote q that link_quote() could make, in its order (the
 * hand order): each side's patterns in patterns.txt order, then the
 * subject of a fragment's sentence, into *set (choose.c).  The first is
 * link_quote()'s own link.
 */
static void
link_candidates(actx *c, quote *q, cand_set *set, int last_speaker)
{
	size_t o = q->parts[0].tok_open;
	size_t cl = q->parts[q->nparts - 1].tok_close;
	size_t after = cl != QUOTH_NONE ? cl + 1 : QUOTH_NONE;
	size_t pa = para_start_tok(c, o);
	link L;

	set->n = 0;
	memset(&L, 0, sizeof(L));
	c->quote_byte = q->parts[0].start;
	c->cands = set;
	if (after != QUOTH_NONE && after < c->n)
		(void)qt_link_after(c, after, &L, last_speaker);
	(void)qt_link_before(c, o, pa, &L, last_speaker);
	if (o == pa && pa >= 2 && is_p(&c->t[pa - 2], ':'))
		(void)qt_link_leadin(c, pa - 2, para_start_tok(c, pa - 2), &L,
		                     last_speaker);
	(void)qt_link_previous(c, o, pa, &L, last_speaker);
	c->cands = NULL;
	memset(&L, 0, sizeof(L));
	if (q->type == QUOTH_PARTIAL &&
	    qt_sentence_subject(c, o, &L.sp, last_speaker) &&
	    (L.sp.kind == SK_NAME ||
	     (L.sp.kind == SK_PRONOUN && L.sp.gender != G_THING)) &&
	    L.sp.b <= o) {
		L.cue_a = L.cue_b = QUOTH_NONE;
		L.rule = "subject";
		qt_cand_add(set, &L, CAND_SUBJECT, 0, o);
	} else if (set->n == 0 && q->type == QUOTH_PARTIAL &&
	           qt_fragment_verb_subject(c, o, cl, &L.sp, last_speaker)) {
		L.cue_a = L.cue_b = QUOTH_NONE;
		L.rule = "subject";
		qt_cand_add(set, &L, CAND_SUBJECT, 0, o);
	}
	if (set->n == 0 && q->type == QUOTH_DIRECT && o == pa &&
	    qt_narrative_subject(c, o, cl, &L.sp, last_speaker)) {
		L.cue_a = L.cue_b = QUOTH_NONE;
		L.rule = "narrative";
		qt_cand_add(set, &L, CAND_SUBJECT, 0, o);
	}
}

/*
 * The link of quote q when its candidates may compete: the one
 * qt_choose() takes.  When the model takes none (its best is below the
 * threshold), q->rule becomes "none", so that no continuation gives it
 * a speaker either: a wrong name is worse than none.
 */
static bool
choose_link(actx *c, quote *q, link *L, int last_speaker)
{
	cand_set set; /* (on the stack: a malloc a quote was 2 % of the
	               * time on quote-dense text) */
	size_t k;

	memset(L, 0, sizeof(*L));
	link_candidates(c, q, &set, last_speaker);
	k = qt_choose(c, q, &set, last_speaker);
	if (k != QUOTH_NONE)
		*L = set.c[k].L;
	else if (set.n > 0)
		q->rule = "none";
	return k != QUOTH_NONE;
}

/* Split quote: "A," he said, "B." as one record (split_quote.c), unless
 * quote i + 1 has a cue after it of its own.  1 when merged, 0 when
 * not, -1 when out of memory. */
static int
merge_split(actx *c, size_t i, size_t nq0, link *L, int last_speaker)
{
	const quote *nx;

	if (!qt_split_opens_next(c, i, nq0, L))
		return 0;
	nx = &c->r->q[i + 1];
	if (nx->parts[0].tok_close != QUOTH_NONE &&
	    qt_link_after(c, nx->parts[0].tok_close + 1, L, last_speaker))
		return 0;
	return qt_split_absorb(c, i);
}

/* A memo with no string in it for nq0 quotes, or NULL when out of memory
 * (the patterns are all tried then).  Four slots a quote, as many as
 * SIDE_MEMO_SLOTS_MAX: a quote is looked at from two or three sides, and
 * a long article brings some 1.3 new strings a quote.  (With 512 slots,
 * 579 of the 8,332 look-ups of a 2 MB article found their string pushed
 * out by another and matched it again: callgrind 649.7M -> 649.0M.) */
static struct side_memo *
new_side_memo(size_t nq0)
{
	struct side_memo *m;
	size_t slots = SIDE_MEMO_SLOTS, i;

	while (slots < 4 * nq0 && slots < SIDE_MEMO_SLOTS_MAX)
		slots *= 2;
	m = malloc(sizeof(*m) + slots * sizeof(m->slot[0]));
	if (m) {
		m->mask = slots - 1;
		for (i = 0; i < slots; i++)
			m->slot[i].used = 0;
	}
	return m;
}

/* qt_link_quotes() over quotes [0, nq0). */
static bool
link_each(actx *c, size_t nq0)
{
	quoth_result *r = c->r;
	size_t i;
	int last_speaker = -1;

	for (i = 0; i < nq0; i++) {
		quote *q = &r->q[i];
		link L;

		/* every candidate, where they may compete: the learned
		 * choice (choose.c); else the hand order's first */
		bool linked = qt_choice_wanted(c)
		                      ? choose_link(c, q, &L, last_speaker)
		                      : link_quote(c, q, &L, last_speaker);

		if (linked) {
			qt_apply_link(c, q, &L);
			/* '"Q," said X, an expert at the Center for Y and Z,
			 * via email.': the rest of the sentence after a cue
			 * that follows the quote is its attribution, naming
			 * no new speaker */
			if (L.cue_a != QUOTH_NONE && L.cue_a > q->last_tok &&
			    L.cue_a < c->n &&
			    sentence_end(c, L.cue_a) + 1 > c->qa[i].link_end)
				c->qa[i].link_end = sentence_end(c, L.cue_a) +
				                    1;
			if (L.sp.ent >= 0)
				last_speaker = L.sp.ent;
			switch (merge_split(c, i, nq0, &L, last_speaker)) {
			case 1:
				i++;
				break;
			case -1:
				c->failed = true;
				return false;
			default:
				break;
			}
		}
		if (c->failed)
			return false;
	}
	return true;
}

/* The direct-quote pass: link each direct and partial quote of r (in
 * text order) to its cue and speaker, and merge split quotes; the
 * quotes merged into others are marked absorbed.  False when out of
 * memory. */
bool
qt_link_quotes(actx *c)
{
	size_t nq0 = c->r->nq;
	bool ok;

	c->dump_path = getenv("QUOTH_DUMP_CANDIDATES");
	/* (without it, or when tracing, every pattern is tried) */
	c->smemo = nq0 >= SIDE_MEMO_QUOTES && !c->ex->opt.trace
	                   ? new_side_memo(nq0)
	                   : NULL;
	/* (the speaker phrases parsed, speaker_memo.c; a cache only) */
	c->pmemo = nq0 >= SIDE_MEMO_QUOTES ? qt_speaker_memo_new(c->n) : NULL;
	ok = link_each(c, nq0);
	free(c->smemo);
	c->smemo = NULL;
	qt_speaker_memo_free(c->pmemo);
	c->pmemo = NULL;
	return ok;
}
