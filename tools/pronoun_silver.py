#!/usr/bin/env python3
"""Judge quoth's pronoun resolution against PolNeAR's silver coreference.

    pronoun_silver.py [--quoth build/quoth] [--against OTHER_QUOTH]
                      [--eval ../shared/eval]

Why: score.py's lenient speaker rule counts a record right when its
mention span overlaps the gold speaker mention.  For "he said" that mention
is the "he" itself, so on PolNeAR (no resolved names) any non-empty speaker
of a pronoun's quote scores as right, whoever it names: a change that fixes
or breaks whom "he" stands for is invisible there, and one that leaves a
wrong name empty scores as a loss.  GGT has resolved names but few such
quotes on its train half.

What: for every quote of the PolNeAR TRAIN half (ids 0000-0839 only; the
validation half is never read) whose mention is a pronoun (he, she, they,
it), the silver CoreNLP coreference chain holding that pronoun
(../shared/eval/silver/polnear/NNNN.tsv, `#coref` lines) is the judge:

    agree     a word of quoth's speaker name (two letters or more, not an
              honorific or suffix) appears in a mention of the chain
    disagree  it does not, and the chain has a capitalised non-pronoun
              mention (a name it could have matched)
    noname    it does not, and the chain has no such mention
    nochain   no chain holds the pronoun
    null      quoth gave no speaker

CoreNLP's coreference is machine output (roughly a quarter of the
disagreements on hand-checked samples are its errors), so read the counts
as a comparison between two builds, not as an accuracy: with --against,
the records whose speaker differs are listed (document id, byte offset,
verdict before -> after) with the counts of each change.  Nothing is
written; nothing of the article texts is printed but speaker names.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import unicodedata
from collections import Counter

TRAIN = range(0, 840)  # PolNeAR train ids; 0840-0923 are validation
PRONOUNS = ('he', 'she', 'they', 'it')
ALL_PRONOUNS = set(PRONOUNS) | {'him', 'her', 'his', 'them', 'we', 'i',
                                'you', 'its', 'their', 'our', 'my'}
NOT_NAME = {'jr', 'sr', 'ii', 'iii', 'iv', 'the', 'mr', 'ms', 'mrs', 'dr'}
BATCH = 200


def norm(s):
    s = unicodedata.normalize('NFKD', s)
    return ''.join(ch for ch in s if not unicodedata.combining(ch)).lower()


def run(quoth, paths):
    recs = []
    for i in range(0, len(paths), BATCH):
        out = subprocess.run([quoth, '-f', 'jsonl'] + paths[i:i + BATCH],
                             stdout=subprocess.PIPE, check=True).stdout
        recs += [json.loads(line) for line in out.decode().splitlines()
                 if line]
    by = {}
    for r in recs:
        by.setdefault(os.path.basename(r['doc'])[:4], []).append(r)
    return by


def chains_of(path):
    chains = {}
    with open(path, encoding='utf-8') as fh:
        for line in fh:
            if line.startswith('#coref'):
                _, ch, s, e, _rep = line.rstrip('\n').split('\t')
                chains.setdefault(ch, []).append((int(s), int(e)))
    return list(chains.values())


def verdict(text, data, chains, r):
    if r.get('speaker') is None:
        return 'null'
    ms = len(data[:r['mention_start']].decode('utf-8'))
    me = len(data[:r['mention_end']].decode('utf-8'))
    chain = next((ch for ch in chains
                  if any(s <= ms and me <= e and e - s <= me - ms + 2
                         for s, e in ch)), None)
    if chain is None:
        return 'nochain'
    texts = [norm(text[s:e]) for s, e in chain]
    words = [w for w in re.findall(r'\w+', norm(r['speaker']))
             if len(w) > 1 and w not in NOT_NAME]
    if words and any(re.search(r'\b' + re.escape(w) + r'\b', t)
                     for t in texts for w in words):
        return 'agree'
    if any(t not in ALL_PRONOUNS and any(ch.isupper() for ch in text[s:e])
           for (s, e), t in zip(chain, texts)):
        return 'disagree'
    return 'noname'


def judge(by, ids, dev, silver):
    out = {}
    for d in ids:
        with open(os.path.join(dev, d + '.txt'), encoding='utf-8') as fh:
            text = fh.read()
        data = text.encode('utf-8')
        chains = chains_of(os.path.join(silver, d + '.tsv'))
        for r in by.get(d, []):
            m = (r.get('mention') or '').lower()
            if m not in PRONOUNS or r.get('mention_start') is None:
                continue
            out[(d, r['start'])] = (m, verdict(text, data, chains, r),
                                    r.get('speaker'))
    return out


def counts(res):
    c = Counter((m, v) for m, v, _ in res.values())
    kinds = ('agree', 'disagree', 'noname', 'nochain', 'null')
    for p in PRONOUNS:
        print('%-5s %s' % (p, ' '.join('%s=%d' % (k, c[(p, k)])
                                       for k in kinds)))
    print('all   %s' % ' '.join(
        '%s=%d' % (k, sum(c[(p, k)] for p in PRONOUNS)) for k in kinds))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--quoth', default='build/quoth')
    ap.add_argument('--against', help='a second build to compare with')
    ap.add_argument('--eval', default='../shared/eval')
    a = ap.parse_args()
    dev = os.path.join(a.eval, 'dev', 'polnear')
    silver = os.path.join(a.eval, 'silver', 'polnear')
    ids = ['%04d' % i for i in TRAIN
           if os.path.exists(os.path.join(silver, '%04d.tsv' % i))]
    if not ids:
        sys.exit('pronoun_silver.py: no silver files under %s' % silver)
    paths = [os.path.join(dev, d + '.txt') for d in ids]
    res = judge(run(a.quoth, paths), ids, dev, silver)
    print('%s: %d train articles' % (a.quoth, len(ids)))
    counts(res)
    if not a.against:
        return
    base = judge(run(a.against, paths), ids, dev, silver)
    print('%s:' % a.against)
    counts(base)
    change = Counter()
    for k in sorted(set(res) | set(base)):
        x, y = base.get(k), res.get(k)
        if x and y and x[2] == y[2]:
            continue
        vx = x[1] if x else 'absent'
        vy = y[1] if y else 'absent'
        change[(vx, vy)] += 1
        print('  %s @%d: %s %r -> %s %r' % (k[0], k[1], vx,
                                             x[2] if x else None, vy,
                                             y[2] if y else None))
    print('changes (against -> quoth): %s' % ', '.join(
        '%s->%s %d' % (p, q, n) for (p, q), n in sorted(change.items())))


if __name__ == '__main__':
    main()
