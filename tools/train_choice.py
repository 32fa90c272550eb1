#!/usr/bin/env python3
"""Train and cross-validate quoth's learned choice between candidate links.

    train_choice.py [--quoth build/quoth] [--eval ../shared/eval]
                    [--out data/en/choice-weights.txt] [--folds 5]
                    [--l2 1.0] [--iterations 300] [--dump-dir DIR]

Where two or more candidate links of a quote compete (patterns of several
sides of a quote, or several patterns of one side, proposing different
speaker phrases; src/choose.c), the hand order takes the first.  This
script

1. runs quoth on every TRAIN-half article (GGT ids with id % 4 == 0,
   PolNeAR ids 0000-0839), one at a time, with QUOTH_DUMP_CANDIDATES set,
   which makes src/choose.c append every quote's candidates and their
   generic features (side, rule, kind of speaker phrase, distance buckets,
   paragraph breaks, salience so far, the previous speaker, ...);
2. labels each candidate from the gold (score.py's own rules, imported
   from the eval folder): right when its mention span overlaps the gold
   speaker mention, or its entity's name matches the expected name (GGT:
   the resolved full name; PolNeAR: the name in the gold mention) by the
   scorer's lenient rule (same normalised name, or same last word);
3. fits a binary logistic regression (standard library only: L2, full
   batch gradient descent with a fixed number of iterations, features in
   sorted order, so the result is deterministic) on the candidates of
   quotes where at least two compete;
4. cross-validates BY DOCUMENT (documents in sorted order, fold = index
   modulo --folds) and compares, on the same held-out folds, the model's
   choice (the highest-scoring candidate, or none below the threshold)
   with the hand order's (the first candidate);
5. writes the weights of a model fit on all competing quotes to --out,
   with a header naming the command, the data and the CV numbers.  The
   C side (src/choose.c) uses the model only when the header line
   `# adopted: yes` is present, which this script writes only when the
   model beats the hand order in every fold.

The same run fits the namesakes' choice (src/namesake.c,
qt_namesake_choose()): where a surname alone matches two or more fuller
names and no evidence decides, which one it is.  Its examples are the
train-half ties whose answer is known: the one the article's own evidence
named (gender of an honorific or of the reported clause's pronoun, a
person among non-persons; src/namesake.c dumps it), or on GGT the resolved
name of a gold speaker mention covering the surname.  Its features are
how often, how lately and how early each namesake was named (nothing of
gender, which labels the examples).  It is cross-validated by document
against the hand order (the one named most so far, or the newest) and
written as `ns:` weights, with `ns:adopted 1` only when it beats the hand
order in every fold.

Nothing of the article texts is written: feature names are generic
(bucketed numbers, rule names from patterns.txt, speaker kinds).
"""

import argparse
import math
import os
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

LENIENT = 0.3


def train_docs(evaldir):
    """(folder, id, path) of every train-half article, in sorted order."""
    out = []
    for folder, keep in (('ggt', lambda i: i % 4 == 0),
                         ('polnear', lambda i: i <= 839)):
        d = os.path.join(evaldir, 'dev', folder)
        for f in sorted(os.listdir(d)):
            if f.endswith('.txt') and f[:4].isdigit() and keep(int(f[:4])):
                out.append((folder, f[:4], os.path.join(d, f)))
    return out


def run_dump(quoth, path, tmpdir, key):
    dump = os.path.join(tmpdir, key + '.tsv')
    if os.path.exists(dump):
        os.unlink(dump)
    env = dict(os.environ, QUOTH_DUMP_CANDIDATES=dump)
    subprocess.run([quoth, '-f', 'jsonl', path], env=env, check=True,
                   stdout=subprocess.DEVNULL)
    quotes, ties, seen = [], [], set()
    if not os.path.exists(dump):
        return quotes, ties
    with open(dump, encoding='utf-8') as f:
        tie = None
        for line in f:
            p = line.rstrip('\n').split('\t')
            if p[0] == 'N':
                # a surname's namesakes (the first record of an offset:
                # a lookup may weigh the same mention again)
                tie = None
                if p[1] not in seen:
                    tie = {'start': int(p[1]), 'hand': int(p[3]),
                           'evidence': int(p[4]), 'cands': []}
                    ties.append(tie)
                    seen.add(p[1])
            elif p[0] == 'M':
                if tie is not None:
                    tie['cands'].append({'ent': int(p[2]), 'name': p[3],
                                         'feats': sorted(set(p[4].split()))})
            elif p[0] == 'Q':
                quotes.append({'start': int(p[1]), 'end': int(p[2]),
                               'linked': p[4] == '1', 'cands': []})
            elif p[0] == 'C':
                quotes[-1]['cands'].append({
                    'rank': int(p[1]), 'ms': int(p[2]), 'me': int(p[3]),
                    'ent': None if p[4] == '-' else p[4],
                    'feats': sorted(set(p[6].split()))})
    return quotes, ties


def label(S, doc, quotes):
    """Attach 'gold' (the best lenient gold match) and each candidate's
    'y' (1 right, 0 wrong); quotes with no gold speaker get gold None."""
    for q in quotes:
        a, b = doc.byte_to_cp(q['start']), doc.byte_to_cp(q['end'])
        q['gold'] = None
        if a is None or b is None:
            continue
        s, e = S.normalise_span(doc.text, a, b)
        if s >= e:
            continue
        best, bs = None, 0.0
        for g in doc.gold:
            if g.name_src == 'none':
                continue
            x, y = S.coverage(g.start, g.end, s, e)
            if x >= LENIENT and y >= LENIENT and min(x, y) > bs:
                best, bs = g, min(x, y)
        q['gold'] = best
        if best is None:
            continue
        for cd in q['cands']:
            ms, me = doc.byte_to_cp(cd['ms']), doc.byte_to_cp(cd['me'])
            ok = S.spans_overlap((ms, me), best.sp_span)
            if not ok and cd['ent'] and best.name:
                n = S.norm_name(cd['ent'])
                ok = n == best.name or (
                    n and S.last_token(n) == S.last_token(best.name))
            cd['y'] = 1 if ok else 0


def label_ties(S, doc, ties):
    """Keep the namesake ties whose answer is known, with their 'right'
    candidate index: the one the article's own evidence named (gender:
    "Mrs. X", "X said she"; a person among non-persons), else, on GGT,
    the one whose name is the resolved name of a gold speaker mention
    covering the surname."""
    out = []
    for t in ties:
        right = [i for i, cd in enumerate(t['cands'])
                 if cd['ent'] == t['evidence']]
        if not right and t['evidence'] < 0:
            a = doc.byte_to_cp(t['start'])
            for g in doc.gold:
                if (a is not None and g.name and g.sp_span and
                        g.sp_span[0] <= a < g.sp_span[1]):
                    right = [i for i, cd in enumerate(t['cands'])
                             if S.norm_name(cd['name']) == g.name]
                    break
        if len(right) == 1:
            t['right'] = right[0]
            out.append(t)
    return out


def tie_examples(ties):
    return [(cd['feats'], 1 if i == t['right'] else 0)
            for t in ties for i, cd in enumerate(t['cands'])]


def tie_pick(w, t):
    best, bz = 0, None
    for i, cd in enumerate(t['cands']):
        z = score(w, cd['feats'])
        if bz is None or z > bz:
            best, bz = i, z
    return best


def train_ties(per_doc_ties, k, l2, iterations):
    """Cross-validate (by document, as the quote choice) and fit the
    namesake model; its header lines, weights and whether it beats the
    hand order in every fold."""
    lines, beats = [], True
    mh = mm = 0.0
    for f in range(k):
        test = [t for i, ts in enumerate(per_doc_ties) if i % k == f
                for t in ts]
        train = [t for i, ts in enumerate(per_doc_ties) if i % k != f
                 for t in ts]
        w = fit(tie_examples(train), l2, iterations)
        h = sum(1 for t in test if t['hand'] == t['right'])
        m = sum(1 for t in test if tie_pick(w, t) == t['right'])
        n = len(test)
        beats = beats and n > 0 and m > h
        mh += h / n if n else 0.0
        mm += m / n if n else 0.0
        lines.append('fold %d: n=%d hand %.3f (right %d) | model %.3f '
                     '(right %d)' % (f, n, h / n if n else 0.0, h,
                                     m / n if n else 0.0, m))
    lines.append('mean: hand %.3f, model %.3f' % (mh / k, mm / k))
    allt = [t for ts in per_doc_ties for t in ts]
    w = fit(tie_examples(allt), l2, iterations)
    return lines, w, beats, len(allt)


def sigmoid(z):
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    ez = math.exp(z)
    return ez / (1.0 + ez)


def fit(examples, l2, iterations):
    """Logistic regression: examples are (feature list, y).  Full-batch
    gradient descent with a per-feature (Adagrad) step; deterministic."""
    w = {}
    g2 = {}
    n = len(examples)
    for _ in range(iterations):
        grad = {}
        for fs, y in examples:
            z = sum(w.get(f, 0.0) for f in fs)
            d = sigmoid(z) - y
            for f in fs:
                grad[f] = grad.get(f, 0.0) + d
        for f in sorted(grad):
            gr = grad[f] / n + l2 * w.get(f, 0.0) / n
            g2[f] = g2.get(f, 0.0) + gr * gr
            w[f] = w.get(f, 0.0) - 0.5 * gr / (math.sqrt(g2[f]) + 1e-8)
    return w


def score(w, fs):
    return sum(w.get(f, 0.0) for f in fs)


def competing(quotes):
    return [q for q in quotes if q['gold'] is not None and len(q['cands']) >= 2]


def examples_of(quotes):
    return [(cd['feats'], cd['y']) for q in quotes for cd in q['cands']]


def choose(w, q, threshold):
    """Index of the model's choice, or None (abstain)."""
    best, bz = None, None
    for i, cd in enumerate(q['cands']):
        z = score(w, cd['feats'])
        if bz is None or z > bz:
            best, bz = i, z
    return best if sigmoid(bz) >= threshold else None


def tally(qs, pick):
    r = {'right': 0, 'wrong': 0, 'none': 0}
    for q in qs:
        i = pick(q)
        if i is None:
            r['none'] += 1
        elif q['cands'][i]['y']:
            r['right'] += 1
        else:
            r['wrong'] += 1
    return r


def acc(r):
    n = r['right'] + r['wrong'] + r['none']
    return r['right'] / n if n else 0.0


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--quoth', default='build/quoth')
    ap.add_argument('--eval', default='../shared/eval')
    ap.add_argument('--out', default='data/en/choice-weights.txt')
    ap.add_argument('--folds', type=int, default=5)
    ap.add_argument('--l2', type=float, default=1.0)
    ap.add_argument('--iterations', type=int, default=300)
    ap.add_argument('--dump-dir', help='keep the candidate dumps here')
    ap.add_argument('--jobs', type=int, default=2)
    args = ap.parse_args(argv)

    sys.path.insert(0, args.eval)
    import score as S  # the scorer's own name and span rules

    docs = train_docs(args.eval)
    tmp = args.dump_dir or tempfile.mkdtemp(prefix='quoth-choice-')
    os.makedirs(tmp, exist_ok=True)

    def one(d):
        folder, did, path = d
        return run_dump(args.quoth, path, tmp, folder + '-' + did)

    with ThreadPoolExecutor(max_workers=args.jobs) as ex:
        runs = list(ex.map(one, docs))
    dumps = [qs for qs, _ in runs]
    per_doc, per_doc_ties = [], []
    nties = sum(len(ts) for _, ts in runs)
    for (folder, did, path), (quotes, ties) in zip(docs, runs):
        doc = S.Doc(folder, did, path)
        doc.load_gold(path[:-4] + '.gold.jsonl')
        label(S, doc, quotes)
        per_doc.append(competing(quotes))
        per_doc_ties.append(label_ties(S, doc, ties))

    # every quote where two or more compete, with gold or without
    ncompete_all = sum(1 for quotes in dumps for q in quotes
                       if len(q['cands']) >= 2)
    allq = [q for qs in per_doc for q in qs]
    ncomp = len(allq)
    nany = sum(1 for q in allq if any(cd['y'] for cd in q['cands']))
    print('train docs %d, quotes with >=2 candidates and gold: %d '
          '(some candidate right: %d)' % (len(docs), ncomp, nany))

    # cross-validation by document
    k = args.folds
    oof = []  # (quote, fold weights)
    folds = []
    for f in range(k):
        test = [q for i, qs in enumerate(per_doc) if i % k == f for q in qs]
        train = [q for i, qs in enumerate(per_doc) if i % k != f for q in qs]
        w = fit(examples_of(train), args.l2, args.iterations)
        folds.append((test, w))
        oof.extend((q, w) for q in test)

    # the threshold: on the out-of-fold choices, the lowest that keeps
    # wrong choices at most the hand order's while right ones are most
    grid = [i / 20 for i in range(0, 20)]
    hand_all = tally(allq, lambda q: 0)
    best_t, best_key = 0.0, None
    for t in grid:
        r = {'right': 0, 'wrong': 0, 'none': 0}
        for q, w in oof:
            i = choose(w, q, t)
            key = 'none' if i is None else (
                'right' if q['cands'][i]['y'] else 'wrong')
            r[key] += 1
        key = (r['right'] - 2 * r['wrong'], -t)
        if best_key is None or key > best_key:
            best_t, best_key = t, key
    lines = []
    beats = True
    for f, (test, w) in enumerate(folds):
        h = tally(test, lambda q: 0)
        m0 = tally(test, lambda q, w=w: choose(w, q, 0.0))
        m = tally(test, lambda q, w=w: choose(w, q, best_t))
        beats = beats and acc(m) > acc(h)
        lines.append('fold %d: n=%d hand %.3f (right %d wrong %d) | model '
                     '%.3f (right %d wrong %d) | model@%.2f %.3f (right %d '
                     'wrong %d none %d)' %
                     (f, len(test), acc(h), h['right'], h['wrong'], acc(m0),
                      m0['right'], m0['wrong'], best_t, acc(m), m['right'],
                      m['wrong'], m['none']))
    mh = sum(acc(tally(t, lambda q: 0)) for t, _ in folds) / k
    mm = sum(acc(tally(t, lambda q, w=w: choose(w, q, best_t)))
             for t, w in folds) / k
    mm0 = sum(acc(tally(t, lambda q, w=w: choose(w, q, 0.0)))
              for t, w in folds) / k
    lines.append('mean: hand %.3f, model %.3f, model@%.2f %.3f' %
                 (mh, mm0, best_t, mm))
    for ln in lines:
        print(ln)

    w = fit(examples_of(allq), args.l2, args.iterations)
    full = tally(allq, lambda q: choose(w, q, best_t))
    differ = sum(1 for q in allq if choose(w, q, best_t) != 0)
    nz = sorted(f for f in w if abs(w[f]) >= 0.0005)
    picks = [choose(w, q, best_t) for quotes in dumps for q in quotes
             if len(q['cands']) >= 2]
    decided = ('model decisions on the train half: %d quotes with >=2 '
               'candidates; the model takes another than the hand order '
               'in %d, none (below the threshold) in %d' %
               (ncompete_all, sum(1 for p in picks if p not in (0, None)),
                sum(1 for p in picks if p is None)))
    print(decided)
    print('fit on all: %d features, %d non-zero; choices that differ from '
          'the hand order: %d of %d; right %d wrong %d none %d (hand: '
          'right %d wrong %d)' % (len(w), len(nz), differ, ncomp,
                                  full['right'], full['wrong'], full['none'],
                                  hand_all['right'], hand_all['wrong']))
    tlines, tw, tbeats, ntl = train_ties(per_doc_ties, k, args.l2,
                                         args.iterations)
    tnz = sorted(f for f in tw if abs(tw[f]) >= 0.0005)
    print('namesake ties on the train half: %d; with a known answer: %d'
          % (nties, ntl))
    for ln in tlines:
        print('namesakes ' + ln)
    with open(args.out, 'w', encoding='utf-8') as out:
        out.write('# choice-weights.txt: the learned choice between '
                  'candidate links of a quote\n')
        out.write('# (src/choose.c).  Generated by tools/train_choice.py '
                  '-- do not edit by hand.\n')
        out.write('# command: tools/train_choice.py --folds %d --l2 %g '
                  '--iterations %d\n' % (k, args.l2, args.iterations))
        out.write('# data: train half only: GGT ids mod4=0, PolNeAR ids '
                  '0000-0839; %d quotes with >=2 candidates\n' % ncomp)
        out.write('# model: logistic regression on generic features '
                  '(side, rule, speaker kind, distance, paragraph, '
                  'salience, previous speaker); one `feature weight` a '
                  'line\n')
        for ln in lines:
            out.write('# cv %s\n' % ln)
        out.write('# %s\n' % decided)
        out.write('# non-zero weights: %d\n' % len(nz))
        out.write('# adopted: %s\n' % ('yes' if beats else
                                       'no (the hand order is kept)'))
        out.write('# namesakes (a surname alone matching two or more fuller '
                  'names, where no evidence decides): `ns:` weights, '
                  'trained on the %d of %d train-half ties whose answer '
                  'the article\'s own gender or person evidence (or GGT\'s '
                  'resolved name) gives; features: how often, how lately '
                  'and how early each was named\n' % (ntl, nties))
        for ln in tlines:
            out.write('# namesakes cv %s\n' % ln)
        out.write('# namesakes adopted: %s\n' % (
            'yes (weight ns:adopted)' if tbeats else
            'no: the hand order is kept (adopted only when the model '
            'beats it in every fold)'))
        out.write('threshold\t%.4f\n' % best_t)
        for f in nz:
            out.write('%s\t%.4f\n' % (f, w[f]))
        if tbeats:
            out.write('ns:adopted\t1\n')
        for f in tnz:
            out.write('%s\t%.4f\n' % (f, tw[f]))
    return 0


if __name__ == '__main__':
    sys.exit(main())
