#!/usr/bin/env python3
"""Train quoth's statistical tagger (src/tagger.c) and measure it.

    train_tagger.py train SILVER_DIR OUT [--scheme joint|split]
                    [--iterations N] [--min-count N] [--prune W]
                    [--limit N]
    train_tagger.py prune WEIGHTS OUT --prune W [--eval SILVER_DIR]
    train_tagger.py eval SILVER_DIR WEIGHTS [--dump FILE]

`train` reads the silver CoreNLP annotations (SILVER_DIR/NNNN.tsv, one
token per line `start end word POS NER head deprel`, a blank line between
sentences, `#coref` lines ignored), trains an averaged perceptron on ids
0000-0839 only, writes the pruned, integer weights to OUT and then
evaluates OUT (read back from disk, exactly as the C tagger uses it) on
ids 0840-0923.  `eval` does only the last step; `prune` drops more
weights from a written file (and evaluates the result with --eval), which is how the size/accuracy trade-off is explored
without retraining.

Labels: a coarse part of speech (Penn tags mapped, see POS_MAP) and an
entity class (PERSON, ORGANIZATION, LOCATION, O).  Scheme `joint` (the
default, what data/en/tagger.txt holds) learns one model over the
combined labels "POS|NER"; `split` learns two independent models, one
per layer; both write the same file format and src/tagger.c reads both.

Determinism: documents in sorted id order, one fixed-seed shuffle per
iteration, a fixed number of iterations, ties between labels broken by
the lower label index, weights written as integers (so that Python and C
compute identical scores) with features in sorted order.

Privacy: the file stores features (single words, affixes, shapes, a word
with the previous tag), never word sequences, and only features seen at
least --min-count times in training, in sorted order: no running text.

Python 3 standard library only.
"""

import argparse
import os
import random
import re
import sys
import time
import unicodedata

TEMPLATE_VERSION = 1
FORMAT_LINE = 'quoth-tagger 1'
TRAIN_IDS = range(0, 840)
TEST_IDS = range(840, 924)
SEED = 20240611
SCALE = 1000  # averaged weights are written as round(w * SCALE)

POS_MAP = {}
for tags, coarse in [
        ('NN NNS', 'NOUN'), ('NNP NNPS', 'PROPN'),
        ('VB VBD VBG VBN VBP VBZ MD', 'VERB'), ('JJ JJR JJS', 'ADJ'),
        ('RB RBR RBS WRB', 'ADV'), ('PRP PRP$ WP WP$ EX', 'PRON'),
        ('DT PDT WDT', 'DET'), ('IN TO RP', 'ADP'), ('CD', 'NUM'),
        (", . : `` '' -LRB- -RRB- HYPH NFP", 'PUNCT')]:
    for t in tags.split():
        POS_MAP[t] = coarse
# everything else (CC, POS, UH, FW, LS, SYM, $, #) is OTHER

NER_MAP = {'PERSON': 'PERSON', 'ORGANIZATION': 'ORGANIZATION',
           'LOCATION': 'LOCATION', 'CITY': 'LOCATION',
           'STATE_OR_PROVINCE': 'LOCATION', 'COUNTRY': 'LOCATION'}


# ---- data -------------------------------------------------------------

def read_doc(path):
    """[[(word, pos, ner), ...], ...]: the sentences of one silver file."""
    sents, cur = [], []
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if line.startswith('#'):
                continue
            if not line:
                if cur:
                    sents.append(cur)
                cur = []
                continue
            cols = line.split('\t')
            pos = POS_MAP.get(cols[3], 'OTHER')
            ner = NER_MAP.get(cols[4], 'O')
            cur.append((cols[2], pos, ner))
    if cur:
        sents.append(cur)
    return sents


def read_split(silver, ids):
    docs = []
    for i in ids:
        path = os.path.join(silver, '%04d.tsv' % i)
        if os.path.exists(path):
            docs.append(read_doc(path))
    return [s for d in docs for s in d]


# ---- features (template 1; src/tagger.c builds the same strings) --------

def fold(w):
    """Case fold as text_fold() in src/text.c (utf8proc CASEFOLD, curly
    apostrophes to '), then ASCII digits to 0."""
    w = w.replace('\u2019', "'").replace('\u2018', "'").replace('\u02bc', "'")
    w = w.casefold()
    return ''.join('0' if '0' <= c <= '9' else c for c in w)


def shape_char(c):
    o = ord(c)
    if o < 0x80:
        if 'A' <= c <= 'Z':
            return 'X'
        if 'a' <= c <= 'z':
            return 'x'
        if '0' <= c <= '9':
            return 'd'
        return c
    cat = unicodedata.category(c)
    if cat in ('Lu', 'Lt'):
        return 'X'
    if cat[0] == 'L':
        return 'x'
    if cat == 'Nd':
        return 'd'
    return '*'


MAX_SHAPE = 5  # "Xx.X." is enough to tell initials from words


def shape(w):
    """Xxxx -> Xx, U.S. -> X.X., 1,000 -> d,d; runs collapsed, at most
    MAX_SHAPE characters."""
    out = []
    for c in w:
        s = shape_char(c)
        if out and out[-1] == s:
            continue
        if len(out) == MAX_SHAPE:
            break
        out.append(s)
    return ''.join(out)


def static_features(words):
    """The features of each token that do not depend on predicted tags."""
    n = len(words)
    fw = [fold(w) for w in words]
    sh = [shape(w) for w in words]

    def W(i):
        return fw[i] if 0 <= i < n else ('<s>' if i < 0 else '</s>')

    def S(i):
        return sh[i] if 0 <= i < n else ('<s>' if i < 0 else '</s>')

    def suf3(i):
        if 0 <= i < n:
            return fw[i][-3:]
        return '<s>' if i < 0 else '</s>'

    out = []
    for i in range(n):
        w = fw[i]
        f = ['b', 'w=' + w, 'sh=' + sh[i]]
        for k in (1, 2, 3):
            if len(w) > k:
                f.append('p%d=%s' % (k, w[:k]))
                f.append('s%d=%s' % (k, w[-k:]))
        f += ['w-1=' + W(i - 1), 'w+1=' + W(i + 1),
              'w-2=' + W(i - 2), 'w+2=' + W(i + 2),
              'sh-1=' + S(i - 1), 'sh+1=' + S(i + 1),
              'sh-2=' + S(i - 2), 'sh+2=' + S(i + 2),
              'shc=' + S(i - 1) + '|' + sh[i] + '|' + S(i + 1),
              's-1=' + suf3(i - 1), 's+1=' + suf3(i + 1)]
        if i == 0:
            f.append('fs=' + sh[i])
        out.append((f, w))
    return out


def history_features(w, t1, t2):
    """Features from the two previous predicted tags (names of this
    model's labels, '<s>' before the sentence)."""
    f = ['t-1=' + t1, 't-2=' + t2 + '|' + t1]
    if w is not None:
        f.append('tw=' + t1 + '|' + w)
    return f


# ---- the averaged perceptron --------------------------------------------

class Perceptron:
    """Averaged perceptron.  Each feature is a cell [weights, totals,
    stamps] of dicts keyed by label index: the training loop resolves a
    token's static features to cells once, not at every pass."""

    def __init__(self, labels):
        self.labels = labels
        self.cells = {}   # feature -> [weights, totals, stamps]
        self.step = 0

    def cell(self, f):
        c = self.cells.get(f)
        if c is None:
            c = self.cells[f] = [{}, {}, {}]
        return c

    def scores(self, cells):
        # per label, the sum runs in feature order: keep it so, the
        # floating-point result (and so the training) depends on it
        sc = [0.0] * len(self.labels)
        for c in cells:
            for k, v in c[0].items():
                sc[k] += v
        return sc

    def best(self, sc):
        # ties go to the lowest label index (max() keeps the first), as
        # in src/tagger.c
        return max(range(len(sc)), key=sc.__getitem__)

    def update(self, truth, guess, cells):
        self.step += 1
        if truth == guess:
            return
        step = self.step
        for row, tot, ts in cells:
            for k, d in ((truth, 1.0), (guess, -1.0)):
                v = row.get(k, 0.0)
                tot[k] = tot.get(k, 0.0) + (step - ts.get(k, 0)) * v
                ts[k] = step
                row[k] = v + d

    def averaged(self):
        avg = {}
        for f, (row, tot, ts) in self.cells.items():
            out = {}
            for k, v in row.items():
                a = (tot.get(k, 0.0) + (self.step - ts.get(k, 0)) * v) / \
                    self.step
                if a:
                    out[k] = a
            if out:
                avg[f] = out
        return avg


def layers(scheme):
    """The models of a scheme: (name, label function) pairs."""
    if scheme == 'joint':
        return [('joint', lambda p, e: p + '|' + e)]
    return [('pos', lambda p, e: p), ('ner', lambda p, e: e)]


def train(sents, scheme, iterations, min_count, log):
    # static features once per sentence; rare features dropped before
    # training so that they never get weights
    feats = [static_features([t[0] for t in s]) for s in sents]
    count = {}
    for fs in feats:
        for f, _ in fs:
            for x in f:
                count[x] = count.get(x, 0) + 1
    keep = {x for x, c in count.items() if c >= min_count}
    # a rare word gets no word-with-tag feature either (None)
    feats = [[([x for x in f if x in keep], w if 'w=' + w in keep else None)
              for f, w in fs] for fs in feats]
    models = []
    for name, lab in layers(scheme):
        gold = [[lab(t[1], t[2]) for t in s] for s in sents]
        labels = sorted({g for gs in gold for g in gs})
        index = {x: i for i, x in enumerate(labels)}
        gold = [[index[g] for g in gs] for gs in gold]
        p = Perceptron(labels)
        cells = [[[p.cell(x) for x in f] for f, w in fs] for fs in feats]
        order = list(range(len(sents)))
        rng = random.Random(SEED)
        for it in range(iterations):
            t0 = time.time()
            right = total = 0
            for si in order:
                t1 = t2 = '<s>'
                for (f, w), cs, g in zip(feats[si], cells[si], gold[si]):
                    allc = cs + [p.cell(x)
                                 for x in history_features(w, t1, t2)]
                    guess = p.best(p.scores(allc))
                    p.update(g, guess, allc)
                    right += guess == g
                    total += 1
                    # greedy history: the predicted tag, as at run time
                    t2, t1 = t1, labels[guess]
            log('%s iteration %d: %.4f train accuracy (%.0fs)' %
                (name, it + 1, right / total, time.time() - t0))
            rng.shuffle(order)
        models.append((name, labels, p.averaged()))
    return models


def quantize(models, prune):
    """Integer weights; |w| < prune (in averaged units) dropped."""
    out = []
    lim = prune * SCALE
    for name, labels, avg in models:
        q = {}
        for f, row in avg.items():
            r = {k: int(round(v * SCALE)) for k, v in row.items()}
            r = {k: v for k, v in r.items() if v and abs(v) >= lim}
            if r:
                q[f] = r
        out.append((name, labels, q))
    return out


MAX_FEATURE = 256  # bytes; QT_MAX_FEATURE in src/tagger.c


def writable(feat):
    """Can the file hold this feature: one line, a tab after it, short
    enough for the C tagger's key buffer, and no space (CoreNLP's ". . ."
    is one token), so that a line splits on white space for awk?"""
    return (len(feat.encode('utf-8')) <= MAX_FEATURE and
            not any(c in feat for c in '\t\n\r '))


def write_weights(path, models, args, ntrain):
    cmd = ('python3 tools/train_tagger.py train SILVER_DIR %s --scheme %s '
           '--iterations %d --min-count %d --prune %g' %
           ('data/en/' + os.path.basename(path), args.scheme,
            args.iterations, args.min_count, args.prune))
    if args.limit != len(TRAIN_IDS):
        cmd += ' --limit %d' % args.limit
    with open(path, 'w', encoding='utf-8', newline='\n') as f:
        f.write(FORMAT_LINE + '\n')
        f.write('''\
# quoth statistical tagger weights (src/tagger.c): an averaged perceptron
# over coarse part of speech and entity class, greedy left to right.
#
# Source: Stanford CoreNLP's machine-made (silver) part-of-speech and
# named-entity labels of PolNeAR news articles ids 0000-0839 (%d
# sentences), /work/shared/eval/silver/polnear/, as distributed with
# PolNeAR; ids 0840-0923 held out for evaluation.  The labels are machine
# output (about 90 %% right), so is this model.  Licence note: the file
# holds only features (single folded words, affixes, word shapes, a word
# with the previous tag) seen at least %d times, in sorted order, and
# integer weights; no sequence of words, no running text of the articles.
#
# Rebuild: %s
# Feature template: %d (see static_features() in tools/train_tagger.py
# and tagger.c); weights are round(w * %d).
#
# Format: `template N`; then per model `model NAME`, `labels L1 L2 ...`,
# `features N` and N lines `FEATURE<TAB>LABEL WEIGHT[ LABEL WEIGHT...]`
# (LABEL a 0-based index into the labels line).
''' % (ntrain, args.min_count, cmd, TEMPLATE_VERSION, SCALE))
        f.write('template %d\n' % TEMPLATE_VERSION)
        for name, labels, q in models:
            f.write('model %s\n' % name)
            f.write('labels %s\n' % ' '.join(labels))
            feats = sorted(f2 for f2 in q if writable(f2))
            f.write('features %d\n' % len(feats))
            for x in feats:
                row = q[x]
                f.write(x + '\t' + ' '.join('%d %d' % (k, row[k])
                                            for k in sorted(row)) + '\n')


def prune_file(src, dst, prune):
    """Drop weights below `prune` from a written file.  Exactly what
    `train --prune` with that value would have written (the test is on
    the same rounded integers), so the header's rebuild command is
    updated to say so."""
    lim = prune * SCALE
    with open(src, encoding='utf-8') as f:
        lines = f.read().split('\n')
    out, i = [], 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if line.startswith('# Rebuild:'):
            line = re.sub(r'--prune \S+', '--prune %g' % prune, line)
            line = re.sub(r'data/en/\S+', 'data/en/' +
                          os.path.basename(dst), line)
        elif line.startswith('features '):
            n = int(line.split(' ')[1])
            kept = []
            for row in lines[i:i + n]:
                feat, _, ws = row.partition('\t')
                v = [int(x) for x in ws.split(' ')]
                pairs = [(k, w) for k, w in zip(v[0::2], v[1::2])
                         if abs(w) >= lim]
                if pairs:
                    kept.append(feat + '\t' + ' '.join(
                        '%d %d' % p for p in pairs))
            i += n
            out.append('features %d' % len(kept))
            out += kept
            continue
        out.append(line)
    with open(dst, 'w', encoding='utf-8', newline='\n') as f:
        f.write('\n'.join(out))


# ---- reading a weights file and tagging (the reference for tagger.c) ----

def read_weights(path):
    models = []
    with open(path, encoding='utf-8') as f:
        lines = f.read().split('\n')
    if lines[0] != FORMAT_LINE:
        raise SystemExit('%s: not a quoth tagger file' % path)
    i = 1
    while i < len(lines):
        line = lines[i]
        i += 1
        if not line or line.startswith('#'):
            continue
        key, _, rest = line.partition(' ')
        if key == 'template':
            if int(rest) != TEMPLATE_VERSION:
                raise SystemExit('%s: template %s, expected %d' %
                                 (path, rest, TEMPLATE_VERSION))
        elif key == 'model':
            models.append([rest, None, {}])
        elif key == 'labels':
            models[-1][1] = rest.split(' ')
        elif key == 'features':
            w = models[-1][2]
            for _ in range(int(rest)):
                feat, _, row = lines[i].partition('\t')
                i += 1
                v = [int(x) for x in row.split(' ')]
                w[feat] = list(zip(v[0::2], v[1::2]))
    return models


def tag(models, words):
    """[(pos, ner), ...] for one sentence, as qt_tagger_tag() does."""
    st = static_features(words)
    pos = ['OTHER'] * len(words)
    ner = ['O'] * len(words)
    for name, labels, w in models:
        t1 = t2 = '<s>'
        for i, (f, fw) in enumerate(st):
            sc = [0] * len(labels)
            for x in f + history_features(fw, t1, t2):
                for k, v in w.get(x, ()):
                    sc[k] += v
            b = max(range(len(sc)), key=sc.__getitem__)
            t2, t1 = t1, labels[b]
            if name == 'joint':
                pos[i], ner[i] = labels[b].split('|')
            elif name == 'pos':
                pos[i] = labels[b]
            else:
                ner[i] = labels[b]
    return list(zip(pos, ner))


def entities(tags):
    """Maximal runs of one entity class: {(start, end, class)}."""
    out, i = set(), 0
    while i < len(tags):
        if tags[i] == 'O':
            i += 1
            continue
        j = i
        while j < len(tags) and tags[j] == tags[i]:
            j += 1
        out.add((i, j, tags[i]))
        i = j
    return out


def evaluate(models, sents, log, dump=None):
    n = pos_ok = ner_ok = 0
    tp = fp = fn = 0
    t0 = time.time()
    for s in sents:
        pred = tag(models, [t[0] for t in s])
        if dump:
            for t, (pp, pe) in zip(s, pred):
                dump.write('%s\t%s\t%s\n' % (t[0], pp, pe))
            dump.write('\n')
        for (w, p, e), (pp, pe) in zip(s, pred):
            n += 1
            pos_ok += p == pp
            ner_ok += e == pe
        g = entities([t[2] for t in s])
        q = entities([x[1] for x in pred])
        tp += len(g & q)
        fp += len(q - g)
        fn += len(g - q)
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    log('held-out 0840-0923: %d tokens, POS accuracy %.4f, NER accuracy '
        '%.4f, entity P %.4f R %.4f F1 %.4f (%.1fs)' %
        (n, pos_ok / n, ner_ok / n, prec, rec, f1, time.time() - t0))


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    sub = ap.add_subparsers(dest='cmd', required=True)
    t = sub.add_parser('train')
    t.add_argument('silver')
    t.add_argument('out')
    t.add_argument('--scheme', choices=['joint', 'split'], default='joint')
    t.add_argument('--iterations', type=int, default=6)
    t.add_argument('--min-count', type=int, default=3)
    t.add_argument('--prune', type=float, default=0.05)
    t.add_argument('--limit', type=int, default=len(TRAIN_IDS),
                   help='train on the first N ids only (quick trials)')
    pr = sub.add_parser('prune')
    pr.add_argument('weights')
    pr.add_argument('out')
    pr.add_argument('--prune', type=float, required=True)
    pr.add_argument('--eval', metavar='SILVER_DIR', dest='silver',
                    help='evaluate the pruned file on the held-out ids')
    e = sub.add_parser('eval')
    e.add_argument('silver')
    e.add_argument('weights')
    e.add_argument('--dump', help='write word<TAB>POS<TAB>NER per token, '
                   'as tests/tagger_eval.c -d does')
    args = ap.parse_args(argv[1:])

    def log(msg):
        print(msg, file=sys.stderr, flush=True)

    if args.cmd == 'train':
        sents = read_split(args.silver, TRAIN_IDS[:args.limit])
        log('training on %d sentences, %d tokens' %
            (len(sents), sum(len(s) for s in sents)))
        models = train(sents, args.scheme, args.iterations, args.min_count,
                       log)
        write_weights(args.out, quantize(models, args.prune), args,
                      len(sents))
        log('wrote %s: %d bytes' % (args.out, os.path.getsize(args.out)))
        weights = args.out
    elif args.cmd == 'prune':
        prune_file(args.weights, args.out, args.prune)
        log('wrote %s: %d bytes' % (args.out, os.path.getsize(args.out)))
        if not args.silver:
            return
        weights = args.out
    else:
        weights = args.weights
    dump = open(args.dump, 'w', encoding='utf-8', newline='\n') \
        if getattr(args, 'dump', None) else None
    evaluate(read_weights(weights), read_split(args.silver, TEST_IDS), log,
             dump)
    if dump:
        dump.close()


if __name__ == '__main__':
    main(sys.argv)
