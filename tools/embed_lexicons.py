#!/usr/bin/env python3
"""Turn the word lists of data/<lang>/ into the tables data.c would build
from them: a C include file of qt_lexicon_image (src/lexicon.h).

    embed_lexicons.py OUTPUT FILE...

Loading the word lists (parsing each line, folding and hashing its
phrase, placing it in an open-addressing table) cost about 29 million
instructions at every start-up; copying the finished table costs about
nothing.  The text files stay the source: this script builds each table
exactly as data.c's parse_file() and lexicon.c do (the same reservation,
the same hash, the same probing, in file order; titles.txt then
wn-title-nouns.txt, orgs.txt then wn-orgs.txt, into one table), and
writes each table whole, slot by slot, and its phrases: lexicon.c reads
it where it lies in the library.

A file the C loader would reject (a bad flag, an empty phrase, more than
six words, invalid UTF-8), or with a character outside ASCII whose
folding this script does not know for sure, gets no image: data.c then
parses the text at start-up as before, with its error messages.  So do
the files of a --data-dir and those QUOTH_WN_OFF leaves out (data.c).
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from embed import MASK, literal, numbers  # noqa: E402

# data.c's lex_more: a second file read into the same table
MORE = {'titles.txt': 'wn-title-nouns.txt', 'orgs.txt': 'wn-orgs.txt'}


class NoImage(Exception):
    """The file is left to the C loader."""


def lex_hash(s):
    """lexicon.c's lex_hash(): qt_mix_bytes() seeded with the length,
    eight bytes a step as a little-endian machine loads them, then
    finished."""
    h = len(s)
    for i in range(0, len(s), 8):
        w = int.from_bytes(s[i:i + 8].ljust(8, b'\0'), 'little')
        h = ((h ^ w) * 0x9E3779B97F4A7C15) & MASK
        h ^= h >> 29
    h = ((h ^ (h >> 32)) * 0xBF58476D1CE4E5B9) & MASK
    return (h ^ (h >> 31)) & 0xFFFFFFFF


class Lexicon:
    """lexicon.c's table: slots of [key offset, len, hash, value]."""

    def __init__(self):
        self.cap, self.n, self.max_words = 64, 0, 0
        self.slots = [None] * self.cap
        self.keys = bytearray()

    def find(self, slots, key, h):
        i = h & (len(slots) - 1)
        while slots[i] is not None and not (
                slots[i][2] == h and self.key(slots[i]) == key):
            i = (i + 1) & (len(slots) - 1)
        return i

    def key(self, e):
        return bytes(self.keys[e[0]:e[0] + e[1]])

    def resize(self, cap):
        slots = [None] * cap
        for e in self.slots:
            if e is not None:
                slots[self.find(slots, self.key(e), e[2])] = e
        self.slots, self.cap = slots, cap

    def reserve(self, n):
        cap = self.cap
        while (self.n + n) * 2 > cap:
            cap *= 2
        if cap != self.cap:
            self.resize(cap)

    def add(self, s, value):
        if (self.n + 1) * 2 > self.cap:
            self.resize(self.cap * 2)
        h = lex_hash(s)
        i = self.find(self.slots, s, h)
        if self.slots[i] is not None:
            self.slots[i][3] |= value
            return
        self.slots[i] = [len(self.keys), len(s), h, value]
        self.keys += s + b'\0'
        self.n += 1
        self.max_words = max(self.max_words, s.count(b' ') + 1)


def declared_flags(line):
    """data.c's declared_flags()."""
    tag = b'# flags:'
    if not line.startswith(tag):
        return 0
    mask = 0
    for p in range(len(tag), len(line) - 1):
        c = line[p]
        if (ord('a') <= c <= ord('z') and line[p + 1] == ord('=') and
                line[p - 1] in b' \t:'):
            mask |= 1 << (c - ord('a'))
    return mask


def fold(phrase):
    """data.c's fold_phrase() (qt_text_fold() outside ASCII) for what
    this script knows folds to itself: ASCII, and the lowercase letters
    of Latin-1 but for the sharp s (U+00E0..U+00FF, not U+00F7)."""
    out = []
    for ch in phrase.decode('utf-8'):
        o = ord(ch)
        if o < 0x80:
            out.append(ch.lower() if 'A' <= ch <= 'Z' else ch)
        elif 0xE0 <= o <= 0xFF and o != 0xF7:
            out.append(ch)
        else:
            raise NoImage()
    return ''.join(out).encode('utf-8')


def parse_file(lx, data):
    """data.c's parse_file() into lx; NoImage where it would fail."""
    lx.reserve(data.count(b'\n') + 1)
    declared = 0
    for line in data.split(b'\n'):
        if line.endswith(b'\r'):
            line = line[:-1]
        if not line:
            continue
        try:
            text = line.decode('utf-8')
        except UnicodeDecodeError:
            raise NoImage()
        # (noncharacters: whether the C loader takes them is not this
        # script's to say)
        if any(0xFDD0 <= ord(ch) <= 0xFDEF or (ord(ch) & 0xFFFE) == 0xFFFE
               for ch in text):
            raise NoImage()
        if line[0] == ord('#'):
            declared |= declared_flags(line)
            continue
        phrase, tab, flags = line.partition(b'\t')
        value = 0
        for c in flags if tab else b'':
            if not ord('a') <= c <= ord('z'):
                raise NoImage()
            bit = 1 << (c - ord('a'))
            if not declared & bit:
                raise NoImage()
            value |= bit
        phrase = phrase.rstrip(b' ')
        if not phrase:
            raise NoImage()
        folded = fold(phrase)
        if folded.count(b' ') + 1 > 6:
            raise NoImage()
        lx.add(folded, value)


def image(f, k, lang, files):
    """The image of the lexicon of files [(name, bytes)...] as C: its
    initializer, or None when it gets none."""
    lx = Lexicon()
    try:
        for _, data in files:
            parse_file(lx, data)
    except NoImage:
        return None
    if lx.n == 0:
        return None
    p = 'lex_%d_' % k
    f.write('static const unsigned char %skeys[] = %s;\n'
            % (p, literal(bytes(lx.keys))))
    f.write('static const qt_lex_slot %sslots[%d] = {\n' % (p, lx.cap))
    for i, e in enumerate(lx.slots):
        if e is not None:
            f.write('\t[%d] = {%d, %d, 0x%xu, %d},\n'
                    % (i, e[0] + 1, e[1], e[2], e[3]))
    f.write('};\n')
    more = '"%s"' % files[1][0] if len(files) > 1 else 'NULL'
    return '\t{"%s", "%s", %s, %d, %d, %d, (const char *)%skeys, %sslots},\n' % (
        lang, files[0][0], more, lx.cap, lx.n, lx.max_words, p, p)


def main(argv):
    out, inputs = argv[1], argv[2:]
    byname = {}
    for path in inputs:
        with open(path, 'rb') as g:
            byname[path] = g.read()
    inits = []
    with open(out, 'w', encoding='ascii') as f:
        f.write('/* generated by tools/embed_lexicons.py from data/: do not '
                'edit */\n')
        seconds = set(MORE.values())
        for k, path in enumerate(inputs):
            name = os.path.basename(path)
            if name in seconds:
                continue
            d = os.path.dirname(path)
            files = [(name, byname[path])]
            if name in MORE:
                more = os.path.join(d, MORE[name])
                if more not in byname:
                    continue
                files.append((MORE[name], byname[more]))
            init = image(f, k, os.path.basename(d), files)
            if init:
                inits.append(init)
        f.write('static const qt_lexicon_image builtin_lexicons[] = {\n')
        f.write(''.join(inits) + '\t{NULL, NULL, NULL, 0, 0, 0, NULL, '
                'NULL},\n')
        f.write('};\n')


if __name__ == '__main__':
    main(sys.argv)
