#!/usr/bin/env python3
"""Turn data/<lang>/*.txt into a C include file: one string literal per file.

    embed.py OUTPUT FILE...

Each file becomes an entry {"<lang>/<name>", "<bytes>", <length>} of the
array `builtin_data`, so a fresh build runs without installed files.

A tagger's weights (tagger.txt, format at the top of src/tagger.c) are
not copied as text: they become the tables of a qt_tagger_image
(src/tagger.h) in `builtin_taggers`, so that loading them copies arrays
instead of parsing two megabytes of decimal numbers at every start-up
(tagger_load.c's qt_tagger_from_image()).  The text file stays the
source; a file that does not parse stops the build.

The first-name list (first-names.txt, about 98,000 `name<TAB>flag`
lines) is not copied as text either: it becomes a qt_name_table in
`builtin_names`, the names in sorted order, each followed by its flag
letter in uppercase, with the offset of every NAMES_STEP-th name, which
data.c's qt_first_name() searches by bisection.  Parsing the list into a
hash table cost about 59 million instructions at each start-up; the
table costs nothing until a name is looked up.  The build stops on a
line that is not a lowercase ASCII name, a tab and one flag letter the
`# flags:` header declares, or on names out of order.
"""
import os
import sys


def literal(data):
    # A brace list of bytes, not a string literal: ISO C caps string
    # literals at 4095 bytes (-Woverlength-strings).
    rows = []
    for i in range(0, len(data), 16):
        rows.append(', '.join('0x%02x' % b for b in data[i:i + 16]))
    return '{\n\t' + ',\n\t'.join(rows + ['0x00']) + '\n}'


def numbers(values):
    """A brace list of integers (at least one element: C has no empty
    arrays)."""
    values = list(values) or [0]
    rows = []
    for i in range(0, len(values), 16):
        rows.append(', '.join(str(v) for v in values[i:i + 16]))
    return '{\n\t' + ',\n\t'.join(rows) + '\n}'


def c_string(s):
    return '"' + s.replace('\\', '\\\\').replace('"', '\\"') + '"'


class TaggerError(Exception):
    pass


def parse_tagger(path, data):
    """The models of a tagger file: [(kind, labels, [(key, [(label,
    weight)...])...])...] and its template number.  Checks the syntax
    the C loader checks; tagger_load.c checks the rest (label names,
    repeated features, the template) when it loads the tables."""
    lines = data.split(b'\n')
    if lines and lines[-1] == b'':
        lines.pop()
    lines = [ln[:-1] if ln.endswith(b'\r') else ln for ln in lines]
    if not lines or lines[0] != b'quoth-tagger 1':
        raise TaggerError('%s:1: not a quoth tagger file' % path)
    models, template, i = [], None, 1
    while i < len(lines):
        ln, i = lines[i], i + 1
        if not ln or ln.startswith(b'#'):
            continue
        word, _, rest = ln.partition(b' ')
        if word == b'template':
            template = int(rest)
        elif word == b'model':
            models.append([rest.decode('ascii'), None, []])
        elif word == b'labels' and models and models[-1][1] is None:
            models[-1][1] = rest.decode('ascii')
        elif word == b'features' and models and models[-1][1]:
            nl = len(models[-1][1].split(' '))
            for k in range(int(rest)):
                if i + k >= len(lines):
                    raise TaggerError('%s: fewer feature lines than '
                                      'announced' % path)
                key, tab, w = lines[i + k].partition(b'\t')
                w = [int(x) for x in w.split(b' ')] if tab else []
                if (not key or len(key) > 256 or not w or len(w) % 2 or
                        len(w) > 2 * nl or
                        any(not 0 <= x < nl for x in w[0::2]) or
                        any(abs(x) > 1000000 for x in w[1::2])):
                    raise TaggerError('%s:%d: bad feature line'
                                      % (path, i + k + 1))
                key.decode('utf-8')
                models[-1][2].append((key, list(zip(w[0::2], w[1::2]))))
            i += int(rest)
        else:
            raise TaggerError('%s:%d: unexpected line' % (path, i))
    if template is None or not models or not all(m[2] for m in models):
        raise TaggerError('%s: no complete model' % path)
    return template, models


MASK = (1 << 64) - 1


def feat_hash(key):
    """tagger_int.h's feat_hash(): qt_mix_bytes() seeded with the length,
    eight bytes a step as a little-endian machine loads them."""
    h = len(key)
    for i in range(0, len(key), 8):
        w = int.from_bytes(key[i:i + 8].ljust(8, b'\0'), 'little')
        h = ((h ^ w) * 0x9E3779B97F4A7C15) & MASK
        h ^= h >> 29
    return h ^ (h >> 32)


def feature_index(hashes):
    """The open-addressing table qt_tagger_load() builds: a power of two
    of at least twice the features, each feature's index + 1 at its hash's
    slot or the first free one after it (in file order)."""
    cap = 16
    while cap < 2 * len(hashes):
        cap *= 2
    index = [0] * cap
    for i, h in enumerate(hashes):
        j = h & (cap - 1)
        while index[j]:
            j = (j + 1) & (cap - 1)
        index[j] = i + 1
    return cap, index


def tagger_image(f, k, lang, path, data):
    """The qt_tagger_image of tagger file `path` as C: its name."""
    template, models = parse_tagger(path, data)
    inits = []
    for mi, (kind, labels, feats) in enumerate(models):
        p = 'tagger_%d_%d_' % (k, mi)
        keys = b''.join(key for key, _ in feats)
        pairs = [pr for _, prs in feats for pr in prs]
        if len(set(key for key, _ in feats)) != len(feats):
            raise TaggerError('%s: feature repeated' % path)
        hashes = [feat_hash(key) for key, _ in feats]
        cap, index = feature_index(hashes)
        f.write('static const unsigned char %skeys[] = %s;\n'
                % (p, literal(keys)))
        f.write('static const uint16_t %sklen[] = %s;\n'
                % (p, numbers(len(key) for key, _ in feats)))
        f.write('static const uint8_t %snpairs[] = %s;\n'
                % (p, numbers(len(prs) for _, prs in feats)))
        f.write('static const uint8_t %slabel[] = %s;\n'
                % (p, numbers(lb for lb, _ in pairs)))
        f.write('static const int32_t %sweight[] = %s;\n'
                % (p, numbers(w for _, w in pairs)))
        f.write('static const uint64_t %shash[] = %s;\n'
                % (p, numbers('0x%xu' % h for h in hashes)))
        f.write('static const uint32_t %sindex[] = %s;\n'
                % (p, numbers(index)))
        inits.append('{%s, %s, %d, (const char *)%skeys, %sklen, %snpairs, '
                     '%slabel, %sweight, %shash, %sindex, %d}'
                     % (c_string(kind), c_string(labels), len(feats),
                        p, p, p, p, p, p, p, cap))
    name = 'tagger_%d' % k
    f.write('static const qt_tagger_image %s = {%d, %d, {\n\t%s}};\n'
            % (name, template, len(models), ',\n\t'.join(inits)))
    return '\t{"%s", &%s},\n' % (lang, name)


NAMES_STEP = 16  # data.c's QT_NAMES_STEP


class NamesError(Exception):
    pass


def names_table(f, k, lang, path, data):
    """The qt_name_table of first-name list `path` as C (see the top)."""
    declared, names = set(), []
    for no, ln in enumerate(data.decode('ascii').split('\n'), 1):
        ln = ln.rstrip('\r')
        if ln.startswith('# flags:'):
            declared |= {d.partition('=')[0] for d in ln[8:].split()}
        if not ln or ln.startswith('#'):
            continue
        name, tab, flag = ln.partition('\t')
        if (not tab or not name.isascii() or not name.isalpha() or
                not name.islower() or len(flag) != 1 or
                flag not in declared):
            raise NamesError('%s:%d: not a name<TAB>flag line' % (path, no))
        if names and name <= names[-1][0]:
            raise NamesError('%s:%d: out of order' % (path, no))
        names.append((name, flag))
    if not names:
        raise NamesError('%s: no names' % path)
    text, block = bytearray(), []
    for i, (name, flag) in enumerate(names):
        if i % NAMES_STEP == 0:
            block.append(len(text))
        text += (name + flag.upper()).encode('ascii')
    p = 'names_%d_' % k
    f.write('static const unsigned char %stext[] = %s;\n' % (p, literal(text)))
    f.write('static const uint32_t %sblock[] = %s;\n' % (p, numbers(block)))
    return '\t{"%s", (const char *)%stext, %d, %sblock, %d, %d},\n' % (
        lang, p, len(text), p, len(block), len(names))


def main(argv):
    out, inputs = argv[1], argv[2:]
    with open(out, 'w', encoding='ascii') as f:
        f.write('/* generated by tools/embed.py from data/: do not edit */\n')
        entries, taggers, names = [], [], []
        for k, path in enumerate(inputs):
            with open(path, 'rb') as g:
                data = g.read()
            lang = os.path.basename(os.path.dirname(path))
            if os.path.basename(path) == 'tagger.txt':
                try:
                    taggers.append(tagger_image(f, k, lang, path, data))
                except (TaggerError, ValueError) as e:
                    sys.exit('embed.py: %s' % e)
                continue
            if os.path.basename(path) == 'first-names.txt':
                try:
                    names.append(names_table(f, k, lang, path, data))
                except (NamesError, UnicodeDecodeError) as e:
                    sys.exit('embed.py: %s' % e)
                continue
            name = lang + '/' + os.path.basename(path)
            f.write('static const unsigned char builtin_%d[] = %s;\n' % (k, literal(data)))
            entries.append('\t{"%s", (const char *)builtin_%d, %d},\n' % (name, k, len(data)))
        f.write('static const struct builtin_file builtin_data[] = {\n')
        f.write(''.join(entries))
        f.write('};\n')
        f.write('static const struct builtin_tagger builtin_taggers[] = {\n')
        f.write(''.join(taggers) + '\t{NULL, NULL},\n')
        f.write('};\n')
        f.write('static const struct qt_name_table builtin_names[] = {\n')
        f.write(''.join(names) + '\t{NULL, NULL, 0, NULL, 0, 0},\n')
        f.write('};\n')


if __name__ == '__main__':
    main(sys.argv)
