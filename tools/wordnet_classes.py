#!/usr/bin/env python3
"""Generate the word classes that decide who can speak from WordNet 3.0.

    tools/wordnet_classes.py [--wordnet DIR] [--out DIR] [--exceptions FILE]
    tools/wordnet_classes.py --check [same options]

Run from the top of the source tree.  Reads the WordNet 3.0 database
(Debian package wordnet-base: /usr/share/wordnet) and the hand-kept
exceptions (data/en/wn-exceptions.txt), writes data/en/wn-*.txt and prints
the number of entries per class.  --check writes into a temporary
directory instead and compares byte for byte with the files in --out;
it exits 1 when they differ and 77 (Meson's "skipped") when WordNet is not
installed.  Python 3 standard library only; the output is sorted and has no
timestamps, so the same inputs give the same bytes.

The output files have the format of the other data/en/*.txt files (see
src/lexicon.c): `phrase<TAB>flags`, `#` comment lines, phrases of one to six
words; each file's header declares its flags.

What this script relies on in the WordNet database (wndb(5WN)):

  data.noun, data.verb: one synset a line, fields separated by spaces
      (lines starting with two spaces are the licence):
        offset lex_filenum ss_type w_cnt {word lex_id} p_cnt
        {pointer_symbol synset_offset pos source/target}
        [f_cnt {+ f_num w_num}]  | gloss
      offset: 8 decimal digits, the synset's byte offset and its id;
      lex_filenum: 2 digits, the lexicographer file (10 noun.communication,
      14 noun.group, 15 noun.location, 18 noun.person, 31 verb.cognition,
      32 verb.communication, 37 verb.emotion, 39 verb.perception);
      w_cnt: 2 hex digits; word: the lemma with '_' for spaces (in
      data.adj perhaps followed by a marker: "galore(ip)");
      lex_id: 1 hex digit; p_cnt: 3 decimal digits; pointer symbols used
      here: '@' hypernym, '~' hyponym, '@i' instance hypernym, '~i'
      instance hyponym; source/target: 4 hex digits, 0000 when the pointer
      holds between whole synsets.  f_cnt (verbs only): 2 decimal digits;
      f_num: a generic sentence frame, 2 decimal digits (frame 26 is
      "Somebody ----s that CLAUSE"); w_num: 2 hex digits, 00 for every
      word of the synset, else the word's 1-based position.
  noun.exc, verb.exc: `inflected_form base_form...` a line, '_' for
      spaces: the irregular forms (plurals; past, participles, -ing and
      doubled consonants) that morphy cannot undo by its suffix rules.

data.adj and data.adv are read only for their lemmas (flag w).  Nothing
else (index.*, cntlist.rev, sense keys) is read.
"""
import argparse
import os
import re
import sys
import tempfile

WORDNET = '/usr/share/wordnet'
OUT = 'data/en'
EXCEPTIONS = 'data/en/wn-exceptions.txt'
COMMAND = 'python3 tools/wordnet_classes.py'
MAX_WORDS = 6  # src/lexicon.c rejects longer phrases

# --- reading the database -------------------------------------------------


class Synset:
    __slots__ = ('offset', 'lexfile', 'words', 'ptrs', 'frames')


def read_data(path):
    """Synsets of data.noun or data.verb by offset, and the licence text."""
    synsets = {}
    licence = []
    with open(path, encoding='ascii') as f:
        for line in f:
            if line.startswith('  '):
                licence.append(re.match(r' +\d+ ?(.*)', line).group(1).rstrip())
                continue
            fields = line.split(' | ', 1)[0].split()
            s = Synset()
            s.offset, s.lexfile = fields[0], int(fields[1])
            n = int(fields[3], 16)
            # adjectives may carry a syntactic marker: galore(ip)
            s.words = [fields[4 + 2 * i].replace('_', ' ') for i in range(n)]
            if fields[2] in 'as':
                s.words = [w.split('(')[0] for w in s.words]
            i = 4 + 2 * n
            count = int(fields[i])
            i += 1
            s.ptrs = [(fields[i + 4 * k], fields[i + 4 * k + 1])
                      for k in range(count)]
            i += 4 * count
            s.frames = []
            if fields[2] == 'v':
                count = int(fields[i])
                i += 1
                for k in range(count):
                    s.frames.append((int(fields[i + 3 * k + 1]),
                                     int(fields[i + 3 * k + 2], 16)))
            synsets[s.offset] = s
    return synsets, licence


def read_exc(path):
    """base form -> sorted inflected forms, from noun.exc or verb.exc."""
    forms = {}
    with open(path, encoding='ascii') as f:
        for line in f:
            words = line.split()
            for base in words[1:]:
                forms.setdefault(base.replace('_', ' '), set()).add(
                    words[0].replace('_', ' '))
    return {k: sorted(v) for k, v in forms.items()}


def closure(synsets, roots, symbol='~', prune=()):
    """The roots and every synset below them through `symbol` pointers,
    leaving out the subtrees under `prune`."""
    seen, todo = set(), list(roots)
    while todo:
        off = todo.pop()
        if off not in seen and off not in prune:
            seen.add(off)
            todo.extend(t for p, t in synsets[off].ptrs if p == symbol)
    return seen


def instances(synsets, classes):
    """Synsets that are instances ('~i') of any synset in `classes`."""
    return {t for off in classes for p, t in synsets[off].ptrs if p == '~i'}


def lemmas(synsets, offsets):
    return {w for off in offsets for w in synsets[off].words}


# --- the classes ------------------------------------------------------------
#
# Each rule names WordNet synsets by offset (stable within WordNet 3.0) with
# the lemma and sense in a comment, and says why.

# Speech verbs, flag s.  Rule 1: a verb.communication (32) word whose
# synset gives it frame 26, "Somebody ----s that CLAUSE": a communication
# verb that takes what was said as a clause reports speech ("X said
# that", "X warned that", "X conceded that").  That is most of them, but
# not the manner-of-speaking verbs, which WordNet gives only "Somebody
# ----s" or "... something", so rule 2 adds the communication verbs below
# these synsets (not their instances: verbs have none):
SPEECH_MANNER_ROOTS = [
    '00942008',  # talk, speak, utter, mouth: express in speech (whisper, mutter, shout, stammer, ...)
    '00912066',  # exclaim, cry, cry out: utter aloud
    '00815704',  # answer, reply, respond: react verbally (retort, rejoin, counter)
]
# Rule 3: single synsets (not what lies below them) that report speech in
# news text but lack frame 26 in WordNet.
SPEECH_SYNSETS = [
    '00818992',  # insist: be emphatic
    '00965889',  # announce, declare: announce publicly or officially
    '00784360',  # ask, inquire, enquire: inquire about
    '00784745',  # ask: direct or put; seek an answer to
    '00897764',  # ask: address a question to
    '00853651',  # joke, jest: speak humorously
    '00911368',  # deplore, lament, bewail, bemoan
    '00843007',  # accuse, impeach, incriminate, criminate
    '00843486',  # charge, accuse
    '01023277',  # quote, cite: repeat a passage from
    '00871213',  # caution, admonish, monish: warn strongly
    '00953234',  # tell, narrate, recount, recite
    '00865298',  # blog
    '01032469',  # e-mail, email, netmail
    '00912491',  # shout
    '00912851',  # yell, scream
]
SPEECH_LEXFILES = {32}  # verb.communication

# Belief and finding verbs, flag t: a cognition (31), emotion (37) or
# perception (39) word with frame 26 reports what someone believes, fears
# or found rather than what they said ("X believes that", "the study found
# that", "X fears that", "X noticed that").
BELIEF_LEXFILES = {31, 37, 39}

FRAME_THAT_CLAUSE = 26

# Other communication verbs, flag c: a verb.communication (32) word that
# is neither s nor t, whose most frequent verb sense (WordNet's first in
# index.verb) is a communication one: what someone does with words to
# or about someone or something, without reporting it as a clause
# ("refer to X as", "thank", "praise", "blame", "label", "dub", "mock",
# "denounce").  No cues: a quoted fragment these govern is the words of
# their subject ('Finch referred to Lee as "a capable leader"').
COMM_LEXFILES = {32}

# Person nouns: hyponyms of person.n.01, common nouns only (the instances
# below them are individual people: Einstein, Lincoln).  Demonyms and
# kinship terms get a flag of their own.
PERSON_ROOT = '00007846'      # person, individual, someone: a human being
DEMONYM_ROOT = '09620078'     # inhabitant, dweller, denizen: Canadian, New Yorker
KIN_ROOT = '10235549'         # relative, relation: mother, cousin, in-law

# Organisation and group nouns: hyponyms of organization.n.01 and
# social_group.n.01 (which holds the first).  Their instances are named
# organisations (the United Nations, NATO, the FBI, Hamas) and get flag n.
ORG_ROOTS = [
    '08008335',  # organization, organisation: a group of people who work together
    '07950920',  # social_group: people sharing some social relation
]
# Members of an organisation, flag m: after a possessive name they show
# that the name is an organisation's ("Harlow's employees", "Harlow's
# shareholders", "Harlow's workforce"; not "Harlow's brother").  Only these
# synsets, not what lies below them (below employee lie "porter" and
# "clerk", below member "brother" and "director": a person's too), and of
# their words only those whose most frequent sense (WordNet's first in
# index.noun) is this one ("client" is first a lawyer's): persons in the
# person file, groups in the organisation file.
MEMBER_SYNSETS = [
    '10053808',  # employee: a worker who is hired to perform a job
    '09632518',  # worker: a person who works at a specific occupation
    '10644598',  # staffer, staff member
    '10657969',  # stockholder, shareholder, shareowner
    '09984659',  # customer, client: someone who pays for goods or services
    '10307234',  # member, fellow member: one of the persons who compose a social group
    '08439955',  # staff: personnel who assist their superior (dropped: a person's too)
    '08212347',  # workforce, work force, manpower, hands, men
    '08208016',  # force, personnel: a group of people willing to obey orders
    '08401554',  # clientele, patronage, business: customers collectively
    '08400965',  # membership, rank: the body of members of an organization
]

# Title nouns (wn-title-nouns.txt, loaded with titles.txt): the words for
# an office, a position or an occupation, which news writes before a name
# ("Defence Secretary Pete Hegseth", "farmer Joel Baptiste") and alone as
# the mention of a role ("the minister said").  Not every person noun: what
# someone is to others or where they live or what befell them (relative,
# inhabitant, victim, friend, adult, woman) stands before no name as a
# title, and treating all of person.n.01 so broke speaker attribution.  A
# lemma is a title when its most frequent sense (WordNet's first in
# index.noun) lies below one of these synsets, so that "smith" and
# "printer" count only as far as a person is their first meaning.
TITLE_ROOTS = [
    '09623038',  # leader: heads, executives, politicians, legislators, clergy, rulers, coaches
    '09632518',  # worker: skilled workers (officials, servicemen, military officers), employees
    '10480253',  # professional: lawyers, doctors, teachers, health professionals
    '09617867',  # expert: advisers, analysts, specialists, authorities
    '10560637',  # scientist: researchers, biologists, economists
    '10557854',  # scholar: academics, historians
    '09614315',  # creator: artists, farmers, producers, designers
    '09616922',  # entertainer: performers, actors, singers, comedians
    '09613191',  # contestant: players, athletes, rivals, challengers
    '09609232',  # capitalist: businesspeople, investors, bankers, tycoons
    '10351874',  # negotiator: representatives, diplomats, envoys, heads of state
    '10794014',  # writer, author: journalists, novelists, columnists
    '09875786',  # broadcaster: hosts, presenters, announcers
    '10638385',  # spokesperson (not all of advocate.n.01: proponents)
    '09769636',  # adjudicator: judges, referees, umpires
    '10249459',  # lawman, law officer: police officers, sheriffs, marshals
    # occupations WordNet files elsewhere under person (communicator,
    # thinker, fiduciary ...), whose neighbours are no titles (not
    # religious.n.01: "Friar" is a surname, and monk and nun need their
    # m/f flags from titles.txt anyway):
    '09615807',  # engineer: programmers, surveyors, technologists
    '10383237',  # organizer, coordinator
    '10086074',  # fiduciary: trustees, executors
    '10661563',  # strategist (not all of planner: "Planner" is a surname)
    '10521662',  # reporter, newsman, anchorman
    '10466387',  # presenter
    '09795334',  # announcer
    '10418841',  # persuader: lobbyists
    '10213319',  # interviewer (not all of inquirer: "the Inquirer" is a newspaper)
    '10451590',  # pollster
    '09860415',  # blogger
]
# Gender of a title: a synset below female person or male person, or a
# head word in -woman or -man (chairwoman, spokesman; not human, shaman).
FEMALE_ROOT = '09619168'  # female, female person
MALE_ROOT = '09624168'    # male, male person


# Organisation words (wn-orgs.txt, loaded with orgs.txt): the nouns for a
# body that speaks as one, which news writes alone as a speaker ("the
# ministry said", "the coalition said") and at the end of an organisation's
# name ("Harlow Dairy Cooperative", "Pine Valley Council").  A lemma is one
# when its most frequent sense (WordNet's first in index.noun) lies below
# these synsets, so that "bank" (a slope), "cabinet" (furniture) and
# "house" (a dwelling) do not count; orgs.txt lists those it needs.
ORGWORD_ROOTS = [
    '08008335',  # organization: agencies, companies, parties, unions, armies, teams
    '07965085',  # body: administrations, the civil service, juries, the clergy
    '08163792',  # assembly: courts, legislatures, councils of a church
]
ORGWORD_PRUNE = {
    '08275185',  # school: a school of art or thought (cubism, the Lake Poets)
    '08168978',  # state, nation, country: a place in news text, not a speaker
    '08397255',  # military personnel, soldiery, troops: people, not a body
}


# Name heads, flag h in the organisation file: one-word nouns whose most
# frequent sense (WordNet's first in index.noun) lies below the roots
# above or below a workplace or place of business.  As the last word of a
# capitalised name they make it an organisation's or a business's name
# ("Brightwater Dairy", "Kell Design Studio", "Pine Valley Council");
# "Wall Street", "Granite State", "Homeland Security" are not, because
# street, state and security mostly mean something else.
WORKPLACE_ROOTS = [
    '04602044',  # workplace, work: a place where work is done (dairy, studio, bakery)
    '03953020',  # place of business, business establishment (store, salon, pharmacy)
    '03956922',  # plant, works, industrial plant (factory, mill, brewery, refinery)
]

# Document and message nouns: texts, messages, speech acts and proceedings
# whose speaker is their issuer ("the statement said", "the lawsuit
# alleges", "a report by the agency found").  flag -> roots.
DOCUMENT_ROOTS = {
    't': ['06722453',   # statement: a message that is stated or declared
          '06681177',   # news, intelligence, tidings: report, story, bulletin
          '07238694'],  # speech, address: a formal spoken communication
    'd': ['06470073',   # document, written document, papers: report, white paper
          '03217458',   # document: a representation of thinking by symbolic marks (letter)
          '06402202'],  # web log, blog
    'm': ['06253690'],  # message: a (usually brief) communication (letter, e-mail, note)
    'l': ['01181902',   # legal action, action at law: lawsuit, suit
          '01182654',   # lawsuit, suit, case, cause
          '06559365'],  # pleading: complaint, answer, plea
    'b': ['06589574',   # publication: book, magazine, newspaper, journal
          '06359193'],  # web site, website, internet site
}
# Subtrees of those that are no one's words: left out.
DOCUMENT_PRUNE = {
    '06732169',  # mathematical statement: equation, theorem
    '06723908',  # thing: "he said a nasty thing"
    '06724066',  # truth, true statement: truism
    '06770275',  # agreement, understanding: sale, deal, bargain
    '06675122',  # source: well, wellspring, fountainhead
    '06472025',  # commercial document: ticket, bill, invoice, receipt
    '13416345',  # security, certificate: stock, share, bond
    '06480506',  # derivative instrument: option, put, call
}
# and only the communication (10) and act (4: lawsuit) senses count:
DOCUMENT_LEXFILES = {4, 10}

# Place names: instances of these classes (and of the classes below them:
# "North American country", "Canadian province", "national capital").
PLACE_ROOTS = {
    'c': ['08544813',   # country, state, land: the territory occupied by a nation
          '08168978'],  # state, nation, country: a politically organized body of people
    'r': ['08654360'],  # state, province: a constituent administrative district
    't': ['08524735',   # city, metropolis, urban center
          '08540903',   # city: an incorporated administrative district
          '08665504'],  # town: an urban area smaller than a city
    'a': ['08691669'],  # national capital
}

# Lemmas that stand for an argument, not a word ("call one's bluff").
PLACEHOLDER = re.compile(r"\b(one's|someone's|somebody's|something)\b")

# --- inflection -------------------------------------------------------------

VOWELS = 'aeiou'


def regular_plural(word):
    """The plural by English spelling rules (the reverse of morphy's)."""
    low = word.lower()
    if re.split('[ -]', low)[-1] in MAN_NOT_COMPOUND:
        return word + 's'
    if low.endswith('ed'):
        return word                        # the accused, the deceased
    if low.endswith('man'):
        return word[:-3] + word[-3] + 'en'   # spokesman, Frenchman
    if low.endswith('ese') or low.endswith('swiss'):
        return word                        # Chinese, Japanese, Swiss
    if re.search('(s|x|z|ch|sh)$', low):
        return word + 'es'
    if low.endswith('y') and len(low) > 1 and low[-2] not in VOWELS:
        return word[:-1] + 'ies'
    return word + 's'


# Words in -man that are not compounds of "man": their plural adds -s
# (but triggerman, Englishman: -men).
MAN_NOT_COMPOUND = {'human', 'german', 'roman', 'shaman', 'norman', 'ottoman',
                    'talisman', 'brahman', 'mussulman', 'turkoman', 'ataman',
                    'hetman'}


PREPOSITIONS = {'of', 'in', 'for', 'to', 'at', 'on', 'from', 'de', 'du',
                'la', 'with', 'without', 'about', 'under', 'by', 'general'}


def noun_plurals(phrase, exc):
    """Plural forms of a noun lemma: noun.exc's, else the regular one.

    In a phrase the head is pluralised: the word before a preposition
    ("secretary of state" -> "secretaries of state"; "attorney general"
    -> "attorneys general"), else the last word.
    """
    if phrase in exc:
        return exc[phrase]
    words = phrase.split(' ')
    head = len(words) - 1
    for i in range(1, len(words)):
        if words[i].lower() in PREPOSITIONS:
            head = i - 1
            break
    w = words[head]
    if '-' in w and re.search(r'-(in-law|at-law|of-)', w):
        first, rest = w.split('-', 1)
        forms = [p + '-' + rest for p in exc.get(first, [regular_plural(first)])]
    else:
        forms = exc.get(w, [regular_plural(w)])
    return [' '.join(words[:head] + [f] + words[head + 1:]) for f in forms]


def regular_verb(base):
    """(3rd person -s, past, -ing) by spelling rules, no doubling: the
    doubled forms (admitted, quipped) are all in verb.exc."""
    if re.search('(s|x|z|ch|sh)$', base) or re.search('[^aeiou]o$', base):
        z = base + 'es'
    elif re.search('[^aeiou]y$', base):
        z = base[:-1] + 'ies'
    else:
        z = base + 's'
    if base.endswith('e'):
        d = base + 'd'
    elif re.search('[^aeiou]y$', base):
        d = base[:-1] + 'ied'
    else:
        d = base + 'ed'
    if base.endswith('ie'):
        g = base[:-2] + 'ying'
    elif base.endswith('e') and not re.search('(ee|ye|oe)$', base) \
            and len(base) > 2:
        g = base[:-1] + 'ing'
    else:
        g = base + 'ing'
    return z, d, g


def verb_forms(base, exc):
    """{form: set of form flags} for one single-word verb."""
    z, d, g = regular_verb(base)
    slots = {'z': [], 'd': [], 'n': [], 'g': []}
    past = []
    for f in exc.get(base, []):
        if f.endswith('ing'):
            slots['g'].append(f)
        elif f in (z, 'has', 'is', 'does', 'goes'):
            slots['z'].append(f)
        elif re.search('(en|wn|rn|ne)$', f):
            slots['n'].append(f)           # written, shown, sworn, done
        else:
            past.append(f)
    if len(past) == 2 and not slots['n']:
        # sang/sung, began/begun: the u form is the participle
        a, b = past
        diff = [(x, y) for x, y in zip(a, b) if x != y]
        if diff == [('a', 'u')] or diff == [('u', 'a')]:
            u = a if diff[0][0] == 'u' else b
            slots['n'].append(u)
            past.remove(u)
    slots['d'].extend(past)
    if not slots['n']:
        slots['n'].extend(past)            # said, told: past and participle
    regular = {'z': z, 'd': d, 'n': d, 'g': g}
    for k, forms in slots.items():
        # British doubled -l (signalled) leaves the American form regular
        if not forms or (base.endswith('l') and
                         all(f.startswith(base + 'l') for f in forms)):
            forms.append(regular[k])
    out = {base: {'b'}}
    for k, forms in slots.items():
        for f in forms:
            out.setdefault(f, set()).add(k)
    return out


def verb_phrase_forms(lemma, exc):
    """A verb lemma's forms; a phrase inflects its first word ("point out"
    -> "pointed out"), as morphy does."""
    first, _, rest = lemma.partition(' ')
    out = {}
    for form, flags in verb_forms(first, exc).items():
        out.setdefault((form + ' ' + rest) if rest else form, set()).update(flags)
    return out


# --- exceptions ---------------------------------------------------------------

# class name -> (output file key, flag)
CLASSES = {
    'speech': ('verbs', 's'), 'belief': ('verbs', 't'), 'comm': ('verbs', 'c'),
    'person': ('person', ''), 'org': ('org', ''), 'document': ('document', ''),
    'namehead': ('org', 'h'), 'member': ('person', 'm'), 'title': ('title', ''),
    'orgword': ('orgs', ''),
    'country': ('places', 'c'), 'region': ('places', 'r'),
    'city': ('places', 't'), 'capital': ('places', 'a'),
}
EXC_LINE = re.compile(r'^([+-])(drop|add)\s+(\S+)\s+(.+?)\s+\((.+)\)\s*$')


def read_exceptions(path):
    """[(lineno, action, class, phrase, reason)]; errors name path:line."""
    out, seen = [], set()
    with open(path, encoding='utf-8') as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip('\n')
            if not line.strip() or line.startswith('#'):
                continue
            m = EXC_LINE.match(line)
            if not m or (m.group(1) == '-') != (m.group(2) == 'drop'):
                sys.exit('%s:%d: expected "-drop|+add CLASS PHRASE (reason)"'
                         % (path, lineno))
            action, cls, phrase = m.group(2), m.group(3), m.group(4)
            if cls not in CLASSES:
                sys.exit('%s:%d: unknown class %r (one of %s)'
                         % (path, lineno, cls, ', '.join(sorted(CLASSES))))
            if (cls, phrase) in seen:
                sys.exit('%s:%d: %s %r listed twice' % (path, lineno, cls, phrase))
            seen.add((cls, phrase))
            out.append((lineno, action, cls, phrase, m.group(5)))
    return out


def apply_exceptions(sets, exceptions, path):
    """Drop or add lemmas in sets[class] (a set of lemmas).  A drop that
    names no lemma names a generated form (a plural, a verb form): those are
    returned, for apply_form_drops.  Every add must be new."""
    form_drops = []
    for lineno, action, cls, phrase, _ in exceptions:
        members = sets[cls]
        if action == 'drop':
            hit = {m for m in members if m.lower() == phrase.lower()}
            if not hit:
                form_drops.append((lineno, cls, phrase))
            members -= hit
        else:
            if any(m.lower() == phrase.lower() for m in members):
                sys.exit('%s:%d: +add %s %r: already in the class'
                         % (path, lineno, cls, phrase))
            members.add(phrase)
    return form_drops


def apply_form_drops(files, form_drops, path):
    """Remove generated forms from the output; a drop that matches nothing
    is an error, so that the exceptions file cannot go stale."""
    for lineno, cls, phrase in form_drops:
        entries = files[CLASSES[cls][0]]
        if entries.pop(phrase.lower(), None) is None:
            sys.exit('%s:%d: -drop %s %r: no such lemma or form in the class'
                     % (path, lineno, cls, phrase))


# --- building ---------------------------------------------------------------


def usable(lemma):
    return (len(lemma.split(' ')) <= MAX_WORDS and not PLACEHOLDER.search(lemma)
            and '\t' not in lemma)


def frame_words(s, frame):
    """The words of synset s that have the frame."""
    out = set()
    for f, w in s.frames:
        if f == frame:
            out.update(s.words if w == 0 else [s.words[w - 1]])
    return out


def verb_classes(verbs):
    speech, belief = set(), set()
    for s in verbs.values():
        if s.lexfile in SPEECH_LEXFILES:
            speech |= frame_words(s, FRAME_THAT_CLAUSE)
        if s.lexfile in BELIEF_LEXFILES:
            belief |= frame_words(s, FRAME_THAT_CLAUSE)
    manner = closure(verbs, SPEECH_MANNER_ROOTS)
    speech |= lemmas(verbs, {o for o in manner
                             if verbs[o].lexfile in SPEECH_LEXFILES})
    speech |= lemmas(verbs, SPEECH_SYNSETS)
    return {'speech': {w for w in speech if usable(w)},
            'belief': {w for w in belief if usable(w)}}


def comm_verbs(verbs, first, taken):
    """The communication verbs of flag c: lemmas of COMM_LEXFILES synsets
    whose first verb sense (first: lemma -> offset) is in those files too,
    less `taken` (the s and t verbs)."""
    out = set()
    for s in verbs.values():
        if s.lexfile not in COMM_LEXFILES:
            continue
        for w in s.words:
            off = first.get(w.lower())
            if (usable(w) and w not in taken and off and
                    verbs[off].lexfile in COMM_LEXFILES):
                out.add(w)
    return out


def first_senses(path):
    """lemma -> the offset of its most frequent noun sense, from index.noun
    (lemmas lowercase, '_' read as a space)."""
    out = {}
    with open(path, encoding='ascii') as f:
        for line in f:
            if line.startswith(' '):
                continue
            fields = line.split()
            lemma, nptr = fields[0].replace('_', ' '), int(fields[3])
            out[lemma] = fields[4 + nptr + 2]
    return out


def title_lemmas(nouns, first, modifiers, given):
    """The lemmas whose first sense lies below TITLE_ROOTS, spelled as in
    that synset (common nouns: the closure follows hyponyms, not
    instances), less those that are also an adjective or adverb in WordNet
    ("familiar", "chief", "executive": before a noun they describe it) or a
    given name in first-names.txt ("Bobby", "Archer", "Malik": before a
    surname they are the first name).  titles.txt lists those it needs."""
    titles = set().union(*(closure(nouns, [r]) for r in TITLE_ROOTS))
    out = set()
    for lemma, off in first.items():
        if off in titles and lemma not in modifiers and lemma not in given:
            out |= {w for w in nouns[off].words if w.lower() == lemma}
    return out


def orgword_lemmas(nouns, first, leave_out):
    """The lemmas whose first sense lies below ORGWORD_ROOTS (less
    ORGWORD_PRUNE), written in lowercase in that synset (not "Congress",
    "Labour": names), less those in leave_out (see org_word_leave_out())."""
    below = set().union(*(closure(nouns, [r], prune=ORGWORD_PRUNE)
                          for r in ORGWORD_ROOTS))
    return {lemma for lemma, off in first.items()
            if off in below and lemma in nouns[off].words and
            lemma not in leave_out}


def person_plurals(nouns, nexc_path):
    """One-word noun lemmas that are the plural of a noun for a person
    ("leaders", "authorities", "minors", "brethren"; not "corps"):
    noun.exc's inflected forms and the regular plurals (regular_plural())
    of the lemmas below person.n.01."""
    people = {w.lower() for w in lemmas(nouns, closure(nouns, [PERSON_ROOT]))
              if ' ' not in w}
    out = set()
    with open(nexc_path, encoding='ascii') as f:
        for line in f:
            form, base = line.split()[:2]
            if '_' not in form and base in people:
                out.add(form.lower())
    return out | {regular_plural(w) for w in people}


def ancestors(nouns, off):
    """off and every synset above it through hypernym pointers."""
    seen, todo = set(), [off]
    while todo:
        o = todo.pop()
        if o not in seen:
            seen.add(o)
            todo.extend(t for p, t in nouns[o].ptrs if p == '@')
    return seen


def title_gender(nouns, lemma, off):
    """'f', 'm' or '' for a title lemma whose first sense is off."""
    up = ancestors(nouns, off)
    head = re.split('[ -]', lemma.lower())[-1]
    if FEMALE_ROOT in up or head.endswith('woman'):
        return 'f'
    if MALE_ROOT in up or (head.endswith('man') and head not in MAN_NOT_COMPOUND):
        return 'm'
    return ''


def person_surnames(nouns):
    """One-word lemmas of named people (instances below person.n.01),
    lowercase: "Cook", "Baker", "King" are surnames too."""
    person = closure(nouns, [PERSON_ROOT])
    return {w.lower() for off in instances(nouns, person)
            for w in nouns[off].words if ' ' not in w and '-' not in w}


def noun_classes(nouns, first=None, modifiers=None, given=None,
                 org_leave_out=None):
    person = closure(nouns, [PERSON_ROOT])
    org = set().union(*(closure(nouns, [r]) for r in ORG_ROOTS))
    heads = org.union(*(closure(nouns, [r]) for r in WORKPLACE_ROOTS))
    out = {
        'person': lemmas(nouns, person),
        'demonym': lemmas(nouns, closure(nouns, [DEMONYM_ROOT])),
        'kin': lemmas(nouns, closure(nouns, [KIN_ROOT])),
        'org': lemmas(nouns, org),
        'org-named': lemmas(nouns, instances(nouns, org)),
        # (written in lowercase in that sense: not "Wei", "Han" or "York",
        # houses and dynasties that are surnames and places too)
        'namehead': {w for w, o in (first or {}).items()
                     if w.isalpha() and o in heads and w in nouns[o].words},
        'document': set(),
        'member': {w for w, o in (first or {}).items()
                   if w.isalpha() and o in MEMBER_SYNSETS and w in nouns[o].words},
        'title': title_lemmas(nouns, first or {}, modifiers or set(),
                              given or set()),
        'orgword': orgword_lemmas(nouns, first or {}, org_leave_out or set()),
    }
    for flag, roots in sorted(DOCUMENT_ROOTS.items()):
        docs = closure(nouns, roots, prune=DOCUMENT_PRUNE)
        out['document-' + flag] = lemmas(nouns, {
            o for o in docs if nouns[o].lexfile in DOCUMENT_LEXFILES})
        out['document'] |= out['document-' + flag]
    for cls, (key, flag) in CLASSES.items():
        if key == 'places':
            out[cls] = lemmas(nouns, instances(nouns, closure(nouns, PLACE_ROOTS[flag])))
    return {k: {w for w in v if usable(w)} for k, v in out.items()}


def merge(entries, phrase, flags):
    """Add phrase with flags to entries, keyed by its case-folded form (the
    loader folds case and ORs the flags of a repeated phrase); the lowercase
    spelling wins so that "mason" and "Mason" give one line."""
    key = phrase.lower()
    old = entries.get(key)
    if old:
        entries[key] = (max(old[0], phrase), old[1] | set(flags))
    else:
        entries[key] = (phrase, set(flags))


def read_given_names(path):
    """The names of data/en/first-names.txt (lowercase)."""
    with open(path, encoding='utf-8') as f:
        return {line.split('\t')[0] for line in f
                if line.strip() and not line.startswith('#')}


def build(wordnet, exceptions_path):
    first_names_path = os.path.join(os.path.dirname(exceptions_path),
                                    'first-names.txt')
    verbs, licence = read_data(os.path.join(wordnet, 'data.verb'))
    nouns, _ = read_data(os.path.join(wordnet, 'data.noun'))
    synsets = list(verbs.values()) + list(nouns.values())
    modifiers = set()  # lemmas of adjectives and adverbs, lowercase
    for pos in ('adj', 'adv'):
        more = read_data(os.path.join(wordnet, 'data.' + pos))[0].values()
        synsets += more
        modifiers |= {w.lower() for s in more for w in s.words}
    vexc = read_exc(os.path.join(wordnet, 'verb.exc'))
    nexc = read_exc(os.path.join(wordnet, 'noun.exc'))
    exceptions = read_exceptions(exceptions_path)

    sets = verb_classes(verbs)
    sets['comm'] = comm_verbs(verbs,
                              first_senses(os.path.join(wordnet, 'index.verb')),
                              sets['speech'] | sets['belief'])
    first = first_senses(os.path.join(wordnet, 'index.noun'))
    given = read_given_names(first_names_path)
    # Organisation words leave out what is also an adjective or adverb
    # ("military", "firm", "friendly": before a noun they describe it), a
    # given name in first-names.txt or the surname of a person WordNet
    # names ("Army", "Jury", "Church", "Court": in a person's name they
    # would make it an organisation's), the plural of a person noun
    # ("leaders", "authorities": people, who speak as people) and the
    # members' words ("personnel", "staff", "membership": flag m).
    members = {w for w, o in first.items() if o in MEMBER_SYNSETS}
    org_leave_out = (modifiers | given | person_surnames(nouns) | members |
                     person_plurals(nouns, os.path.join(wordnet, 'noun.exc')))
    sets.update(noun_classes(nouns, first, modifiers, given, org_leave_out))
    form_drops = apply_exceptions(sets, exceptions, exceptions_path)

    files = {k: {} for k in ('verbs', 'person', 'org', 'document', 'places',
                             'title', 'orgs')}
    for cls, flag in (('speech', 's'), ('belief', 't'), ('comm', 'c')):
        for lemma in sets[cls]:
            for form, forms in verb_phrase_forms(lemma, vexc).items():
                merge(files['verbs'], form, {flag} | forms)

    def nouns_with_plurals(key, members, extra):
        for lemma in members:
            flags = {f for f, group in extra if lemma in group}
            merge(files[key], lemma, flags | {'s'})
            for plural in noun_plurals(lemma, nexc):
                merge(files[key], plural, flags | {'p'})

    nouns_with_plurals('person', sets['person'],
                       [('d', sets['demonym']), ('k', sets['kin']),
                        ('m', sets['member'])])
    # flag j on a singular that is also an adjective or adverb ("familiar",
    # "better", "back", "American"): as the last word of a phrase it may
    # describe what follows rather than name a person
    for k, (phrase, flags) in files['person'].items():
        if 's' in flags and phrase.lower() in modifiers:
            flags.add('j')
    # A capitalised organisation noun names one organisation, whether WordNet
    # makes it an instance (Hamas) or a class (United Nations, FBI).
    named = {w for w in sets['org'] if w[:1].isupper()} | sets['org-named']
    nouns_with_plurals('org', sets['org'] - named, [])
    for lemma in named:
        merge(files['org'], lemma, 'n')
    for lemma in sets['namehead']:
        merge(files['org'], lemma, 'h')
    # the members' words that name a group: "workforce", "personnel"
    for lemma in sets['member'] - sets['person']:
        merge(files['org'], lemma, 'm')
    first = first_senses(os.path.join(wordnet, 'index.noun'))
    surnames = person_surnames(nouns)
    for lemma in sets['title']:
        off = first.get(lemma.lower())
        gender = title_gender(nouns, lemma, off) if off else ''
        surname = 's' if lemma.lower() in surnames else ''
        merge(files['title'], lemma, set(gender + surname))
        # (a capitalised plural names a party or a corps: "Democrats")
        for plural in noun_plurals(lemma, nexc) if lemma.islower() else []:
            if plural.lower() != lemma.lower():
                merge(files['title'], plural, set(gender + 'g'))
    for lemma in sets['orgword']:
        merge(files['orgs'], lemma, '')
    nouns_with_plurals('document', sets['document'],
                       [(f, sets['document-' + f]) for f in DOCUMENT_ROOTS])
    for cls, (key, flag) in CLASSES.items():
        if key == 'places':
            for lemma in sets[cls]:
                merge(files['places'], lemma, flag)
    # flag w on names spelled like a common word: "Nice", "Reading", "AIM"
    common = {w for s in synsets for w in s.words if w.islower()}
    for key in ('places', 'org'):
        for k, (phrase, flags) in files[key].items():
            if k in common and not phrase.islower():
                flags.add('w')
    apply_form_drops(files, form_drops, exceptions_path)

    counts = {cls: len(sets[cls]) for cls in CLASSES}
    counts['org named'] = len(named)
    return files, counts, licence, exceptions


# --- writing ------------------------------------------------------------------

DESCRIPTIONS = {
    'verbs': ('wn-speech-verbs.txt', """\
Verbs that report what someone said or wrote (flag s) or what someone
believes, thinks or found (flag t), and the other communication verbs
(flag c), with their inflected forms.
s: verb.communication words that WordNet gives the frame "Somebody ----s
that CLAUSE", the communication verbs below talk/speak, exclaim and answer
(whisper, shout, retort), and single synsets listed in the script (insist,
announce, ask, accuse, joke, quote, blog, e-mail, ...).
t: verb.cognition, verb.emotion and verb.perception words with that frame
(believe, think, find, conclude, estimate, fear, notice).
c: the other verb.communication words whose most frequent verb sense is
a communication one (refer, thank, praise, blame, label, dub, mock).
Forms: irregular ones from WordNet's verb.exc, others by spelling rules;
a phrase inflects its first word ("point out", "pointed out").""",
              [('s', 'reports speech or writing ("X said", "X tweeted")'),
               ('t', 'reports a belief, thought or finding ("X believes", "the study found")'),
               ('c', 'another communication verb ("X referred to Y as", "X thanked")'),
               ('b', 'base form (say)'),
               ('z', 'third person singular present (says)'),
               ('d', 'past tense (said)'),
               ('n', 'past participle (said, written)'),
               ('g', '-ing form (saying)')],
              'A spelling shared by forms of several lemmas carries all their flags\n'
              '("told": tell, speech, and tell, discern, belief).'),
    'person': ('wn-person-nouns.txt', """\
Nouns for people: roles, occupations, kinship, nationalities and demonyms
(the common nouns below WordNet's person.n.01, not its named people), in
the singular and the plural (noun.exc, else spelling rules; the head of a
phrase: "secretaries of state", "attorneys general").""",
              [('s', 'singular (baker, advocate, Canadian)'),
               ('p', 'plural (bakers, advocates, Canadians)'),
               ('d', 'an inhabitant or native of a place (below inhabitant.n.01)'),
               ('k', 'a relative (below relative.n.01: mother, cousin)'),
               ('m', 'a member of an organisation (employee, worker, shareholder, customer,\n'
                     '#      member): "Harlow\'s employees" makes Harlow an organisation'),
               ('j', 'a singular that is also an adjective or adverb in WordNet\n'
                     '#      ("familiar", "better", "American")')],
              ''),
    'org': ('wn-org-nouns.txt', """\
Organisation and group nouns (below WordNet's organization.n.01 and
social_group.n.01) in the singular and the plural, and the named
organisations that are WordNet instances of them (United Nations, NATO).""",
              [('s', 'singular common noun (company, agency)'),
               ('p', 'plural common noun (companies, groups)'),
               ('n', 'name of one organisation (a WordNet instance, or capitalised)'),
               ('w', 'a name that is also a lowercase English word in WordNet ("Labour",\n'
                     '#      "AA", "Base"): trust it only when capitalised'),
               ('h', 'a name head: a one-word noun whose first sense is an organisation, a\n'
                     '#      group or a workplace (council, company, dairy, studio); as the last\n'
                     '#      word of a capitalised name it makes the name an organisation\'s'),
               ('m', 'the members of an organisation as a group (workforce, clientele,\n'
                     '#      personnel): "Harlow\'s workforce" makes Harlow an organisation')],
              ''),
    'document': ('wn-document-nouns.txt', """\
Document, message and proceeding nouns whose speaker is their issuer ("the
statement said", "the lawsuit alleges"), singular and plural.""",
              [('s', 'singular'), ('p', 'plural'),
               ('t', 'a statement, news report or speech (below statement, news, speech/address)'),
               ('d', 'a document or written text (below the two senses of document, blog)'),
               ('m', 'a message (below message: letter, note)'),
               ('l', 'a legal action or pleading (lawsuit, suit, complaint)'),
               ('b', 'a publication or website (newspaper, journal, website)')],
              ''),
    'places': ('wn-places.txt', """\
Place names: WordNet instances of countries, states and provinces, cities
and towns, and national capitals, multi-word names as one entry ("United
States", "New York", "Saudi Arabia").""",
              [('c', 'a country'), ('r', 'a state, province or similar district'),
               ('t', 'a city or town'), ('a', 'a national capital'),
               ('w', 'also a lowercase English word in WordNet ("Nice", "Reading", "Chad"):\n'
                     '#      trust it only when capitalised')],
              ''),
    'title': ('wn-title-nouns.txt', """\
Title nouns: the words for an office, a position or an occupation, which
stand before a name ("Defence Secretary Pete Hegseth", "farmer Joel
Baptiste") or alone for a role ("the minister said").  A lemma is one when
its first sense in WordNet lies below leader, worker, professional, expert,
scientist, scholar, creator, entertainer, contestant, capitalist,
negotiator, writer, broadcaster, spokesperson, adjudicator or law officer,
or is an engineer, organizer, fiduciary, strategist, reporter, presenter,
announcer, persuader, interviewer, pollster or blogger (see TITLE_ROOTS in
the script); singular and plural.  The loader reads
this file with titles.txt into one table (src/data.c), titles.txt holding
what WordNet does not give.""",
              [('m', 'the title says the person is male (below male person, or -man)'),
               ('f', 'the title says the person is female (below female person, or -woman)'),
               ('g', 'a plural form (ministers, spokesmen)'),
               ('s', 'also the surname of a person WordNet names ("Cook", "Baker", "King"):\n'
                     '#      after another name word it ends the name')],
              ''),
    'orgs': ('wn-orgs.txt', """\
Organisation words: the nouns for a body that speaks as one ("the ministry
said", "the coalition said") and that end an organisation's name ("Pine
Valley Council").  A lemma is one when its first sense in WordNet lies
below organization, body or assembly (ORGWORD_ROOTS in the script: not
schools of thought, troops, or state and nation, which news writes as
places), written in lowercase there, and is no adjective or adverb, no
given name in data/en/first-names.txt, no surname of a person WordNet
names, no plural of a person noun ("leaders") and no members' word
("personnel", "staff").
The loader reads this file with orgs.txt into one table (src/data.c),
orgs.txt holding what WordNet does not give.""",
              [],
              ''),
}


def flag_name(description):
    """'a state, province or similar district' -> 'a-state-province'."""
    words = re.findall(r'[a-z0-9]+', description.split('(')[0].split(':')[0].lower())
    return '-'.join(words[:3])


def render(key, entries, licence, n_exc):
    name, text, flags, note = DESCRIPTIONS[key]
    lines = ['# %s: generated by tools/wordnet_classes.py from WordNet 3.0;' % name,
             '# do not edit by hand: change the rules in the script or the exceptions in',
             '# data/en/wn-exceptions.txt (%d entries) and rebuild, from the top of the tree:' % n_exc,
             '#     ' + COMMAND,
             '# Source: WordNet 3.0 (Princeton University), Debian package wordnet-base,',
             '# /usr/share/wordnet/data.{noun,verb,adj,adv}, index.noun, index.verb, noun.exc, verb.exc;',
             '# licence WordNet-3.0 (permissive), reproduced at the end of this header.',
             '#']
    lines += ['# ' + t if t else '#' for t in text.split('\n')]
    if flags:
        lines.append('# Format: phrase<TAB>flags, sorted by case-folded phrase. Flags:')
        lines += ['#   %s  %s' % f for f in flags]
        # the line the loader reads (src/data.c): a letter it does not
        # declare is an error at load
        lines.append('# flags: ' + ' '.join('%s=%s' % (c, flag_name(d))
                                            for c, d in flags))
    else:
        lines.append('# Format: one phrase a line, sorted by case-folded phrase; no flags.')
    if note:
        lines += ['# ' + t for t in note.split('\n')]
    lines.append('# Entries: %d.' % len(entries))
    lines.append('#')
    lines += [('# ' + t).rstrip() for t in licence]
    lines.append('')
    for k in sorted(entries):
        phrase, fl = entries[k]
        lines.append('%s\t%s' % (phrase, ''.join(sorted(fl))) if flags else phrase)
    return '\n'.join(lines) + '\n'


def write_all(out_dir, wordnet, exceptions_path, quiet=False):
    files, counts, licence, exceptions = build(wordnet, exceptions_path)
    # trim blank licence lines at the ends
    while licence and not licence[0]:
        licence.pop(0)
    while licence and not licence[-1]:
        licence.pop()
    written = []
    for key in DESCRIPTIONS:
        name = DESCRIPTIONS[key][0]
        path = os.path.join(out_dir, name)
        with open(path, 'w', encoding='ascii', newline='\n') as f:
            f.write(render(key, files[key], licence, len(exceptions)))
        written.append(name)
    if not quiet:
        for cls, n in counts.items():
            print('%-10s %6d lemmas' % (cls, n))
        for key in DESCRIPTIONS:
            name = DESCRIPTIONS[key][0]
            print('%-24s %6d entries %8d bytes' % (
                name, len(files[key]), os.path.getsize(os.path.join(out_dir, name))))
        drops = sum(1 for e in exceptions if e[1] == 'drop')
        print('exceptions: %d (%d drop, %d add)' % (len(exceptions), drops,
                                                   len(exceptions) - drops))
    return written


# The hand-kept lists that a generated class completes (the loader reads
# both files into one table, src/data.c): the hand list keeps only what
# WordNet cannot give.
HAND_LISTS = [('titles.txt', 'wn-title-nouns.txt'),
              ('orgs.txt', 'wn-orgs.txt')]


def redundant_entries(out_dir):
    """Entries of the hand-kept lists of HAND_LISTS that their generated
    class in out_dir already gives with at least their flags (the loader
    ORs the flags of the two files): each is an error, as
    'data/en/titles.txt:LINE: phrase: wn-title-nouns.txt gives it'."""
    out = []
    for hand, generated in HAND_LISTS:
        gen = {}
        with open(os.path.join(out_dir, generated), encoding='ascii') as f:
            for line in f:
                if line.strip() and not line.startswith('#'):
                    phrase, _, flags = line.rstrip('\n').partition('\t')
                    gen[phrase.lower()] = set(flags)
        path = os.path.join(os.path.dirname(EXCEPTIONS), hand)
        with open(os.path.join(out_dir, hand), encoding='utf-8') as f:
            for lineno, line in enumerate(f, 1):
                if line.strip() and not line.startswith('#'):
                    phrase, _, flags = line.rstrip('\n').partition('\t')
                    have = gen.get(phrase.strip().lower())
                    if have is not None and set(flags) <= have:
                        out.append('%s:%d: %s: %s gives it: remove it'
                                   % (path, lineno, phrase, generated))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--wordnet', default=WORDNET)
    ap.add_argument('--out', default=OUT)
    ap.add_argument('--exceptions', default=EXCEPTIONS)
    ap.add_argument('--check', action='store_true',
                    help='regenerate into a temporary directory and compare')
    args = ap.parse_args()
    if not os.path.exists(os.path.join(args.wordnet, 'data.noun')):
        print('%s: no WordNet database (apt-get install wordnet-base)'
              % args.wordnet, file=sys.stderr)
        sys.exit(77 if args.check else 1)
    if not args.check:
        write_all(args.out, args.wordnet, args.exceptions)
        for r in redundant_entries(args.out):
            print(r)
        return
    with tempfile.TemporaryDirectory() as tmp:
        stale = []
        for name in write_all(tmp, args.wordnet, args.exceptions, quiet=True):
            with open(os.path.join(tmp, name), 'rb') as f:
                want = f.read()
            try:
                with open(os.path.join(args.out, name), 'rb') as f:
                    have = f.read()
            except FileNotFoundError:
                have = None
            if have != want:
                stale.append(name)
                if have is None:
                    print('%s/%s: missing' % (args.out, name), file=sys.stderr)
                    continue
                a, b = have.split(b'\n'), want.split(b'\n')
                i = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y),
                         min(len(a), len(b)))
                print('%s/%s:%d: differs from the generated file'
                      % (args.out, name, i + 1), file=sys.stderr)
        if stale:
            print('stale: rebuild with `%s`' % COMMAND, file=sys.stderr)
            sys.exit(1)
        redundant = redundant_entries(args.out)
        for r in redundant:
            print(r, file=sys.stderr)
        if redundant:
            sys.exit(1)
        print('%d files up to date' % len(DESCRIPTIONS))


if __name__ == '__main__':
    main()
