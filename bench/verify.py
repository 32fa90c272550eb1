#!/usr/bin/env python3
"""Benchmark `quoth verify`: an article with 100 quotes checked against a
1 MB transcript, a 10 MB archive and a 50 MB archive of sources.

    bench/verify.py [--quoth build/quoth] [--bench-dir DIR]
                    [--out bench/out] [--repeat 3]

The bench directory defaults to `<repo>/../shared/bench`, the shared
folder beside the checkout, whatever the current directory.

Everything is generated at run time from the public-domain texts of the
bench directory (never committed): the transcript is 1 MB of State of the
Union addresses laid out as a labelled, timestamped transcript; the
archives are directories of 1 MB files cut from all the bench texts (the
transcript among them).  The article quotes 100 sentences of the
transcript: 60 verbatim, 10 with a word changed, 10 with a word dropped,
10 with an ellipsis and 10 that were never said.

It prints the time of each run (best of --repeat), the statuses found, and
the time per MB of source: the cost must grow linearly with the sources,
so the 50 MB run should take about 50 times the 1 MB run's source work.
The fixed cost (starting up, extracting the article) is measured with an
empty source and subtracted to show that.
"""

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import time

MB = 1 << 20
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def load(bench_dir, name):
    with open(os.path.join(bench_dir, name), encoding='utf-8',
              errors='replace') as f:
        return f.read()


def make_transcript(sotu, size):
    """1 MB of speeches as a transcript: a label and a time per paragraph."""
    words = sotu.split()
    out, n, secs, i = [], 0, 0, 0
    while n < size and i < len(words):
        para = ' '.join(words[i:i + 60])
        i += 60
        secs += 25
        line = '[%02d:%02d:%02d] THE PRESIDENT: %s\n\n' % (
            secs // 3600, secs // 60 % 60, secs % 60, para)
        if i % 600 == 0:
            line += '[%02d:%02d:%02d] Q: Thank you, Mr. President.\n\n' % (
                secs // 3600, secs // 60 % 60, secs % 60)
        out.append(line)
        n += len(line.encode())
    return ''.join(out)


def sentences(text):
    body = re.sub(r'\[[^\]]*\]|THE PRESIDENT:|Q:[^\n]*', ' ', text)
    for s in re.split(r'(?<=[.!?])\s+', body):
        s = ' '.join(s.replace('"', '').split())
        if 10 <= len(s.split()) <= 30 and s[0].isupper():
            yield s


def make_article(transcript, rng):
    pool = list(dict.fromkeys(sentences(transcript)))
    picks = rng.sample(pool, 100)
    paras, kinds = [], []
    for k, s in enumerate(picks):
        w = s.rstrip('.!?').split()
        if k < 60:
            kind, q = 'exact', ' '.join(w)
        elif k < 70:
            j = rng.randrange(1, len(w) - 1)
            w[j] = 'banana'
            kind, q = 'altered', ' '.join(w)
        elif k < 80:
            j = rng.randrange(1, len(w) - 1)
            del w[j]
            kind, q = 'altered', ' '.join(w)
        elif k < 90:
            kind, q = 'elided', ' '.join(w[:4] + ['...'] + w[-4:])
        else:
            rng.shuffle(w)
            kind, q = 'missing', ' '.join(['Zebras'] + w[:6] + ['quietly'])
        kinds.append(kind)
        paras.append('"%s," the president said.' % q)
    return 'The president spoke to Congress.\n\n' + '\n\n'.join(paras) + \
        '\n', kinds


def make_archive(directory, texts, transcript, total):
    """`total` bytes as 1 MB files: the transcript, then slices of all the
    bench texts taken at spread-out offsets (wrapping around)."""
    os.makedirs(directory, exist_ok=True)
    with open(os.path.join(directory, '000-transcript.txt'), 'w') as f:
        f.write(transcript)
    blob = '\n'.join(texts)
    size = len(transcript.encode())
    k, off = 1, 0
    while size < total:
        piece = blob[off:off + MB]
        if len(piece) < MB:
            piece += blob[:MB - len(piece)]
        # whole lines only, so no file starts mid-word
        piece = piece[piece.find('\n') + 1:]
        with open(os.path.join(directory, '%03d-archive.txt' % k), 'w') as f:
            f.write(piece)
        size += len(piece.encode())
        off = (off + 457 * 1024 + 7) % len(blob)
        k += 1
    return size


def timed(cmd, repeat):
    best, proc = None, None
    for _ in range(repeat):
        t = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True)
        dt = time.perf_counter() - t
        best = dt if best is None else min(best, dt)
    return best, proc


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--quoth', default=os.path.join(ROOT, 'build', 'quoth'))
    ap.add_argument('--bench-dir', default=os.path.join(
        os.path.dirname(ROOT), 'shared', 'bench'))
    ap.add_argument('--out', default=os.path.join(ROOT, 'bench', 'out'))
    ap.add_argument('--repeat', type=int, default=3)
    args = ap.parse_args()

    rng = random.Random(4)
    out = os.path.join(args.out, 'verify')
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    names = ['sotu.txt', 'austen_all.txt', 'moby_dick.txt', 'web_bible.txt']
    texts = [load(args.bench_dir, n) for n in names]
    transcript = make_transcript(texts[0], MB)
    article, kinds = make_article(transcript, rng)
    tpath = os.path.join(out, 'transcript.txt')
    apath = os.path.join(out, 'article.txt')
    with open(tpath, 'w') as f:
        f.write(transcript)
    with open(apath, 'w') as f:
        f.write(article)
    empty = os.path.join(out, 'empty.txt')
    open(empty, 'w').close()
    sizes = {}
    for label, total in (('10 MB', 10 * MB), ('50 MB', 50 * MB)):
        d = os.path.join(out, 'archive-' + label.split()[0])
        sizes[label] = make_archive(d, texts[1:] + texts[:1], transcript,
                                    total)

    runs = [('empty', empty, 0), ('1 MB', tpath, len(transcript.encode())),
            ('10 MB', os.path.join(out, 'archive-10'), sizes['10 MB']),
            ('50 MB', os.path.join(out, 'archive-50'), sizes['50 MB'])]
    print('article: %d quotes (%s)' % (len(kinds), ', '.join(
        '%d %s' % (kinds.count(k), k)
        for k in ('exact', 'altered', 'elided', 'missing'))))
    base = None
    results = {}
    for label, src, size in runs:
        dt, proc = timed([args.quoth, 'verify', '-f', 'jsonl', '--source',
                          src, apath], args.repeat)
        if proc.returncode not in (0, 1):
            sys.exit('quoth verify failed: ' + proc.stderr.decode())
        recs = [json.loads(x) for x in proc.stdout.decode().splitlines()]
        got = {}
        for r in recs:
            got[r['status']] = got.get(r['status'], 0) + 1
        if base is None:
            base = dt
        results[label] = (dt, size)
        print('%-6s source %6.1f MB  %7.3f s  (sources %7.3f s)  %s' % (
            label, size / MB, dt, dt - base,
            ', '.join('%d %s' % (v, k) for k, v in sorted(got.items()))))
    one, one_mb = results['1 MB']
    fifty, fifty_mb = results['50 MB']
    ten, ten_mb = results['10 MB']
    print('source work per MB: 1 MB %.1f ms/MB, 10 MB %.1f ms/MB, '
          '50 MB %.1f ms/MB' % (
              1000 * (one - base) / (one_mb / MB),
              1000 * (ten - base) / (ten_mb / MB),
              1000 * (fifty - base) / (fifty_mb / MB)))
    print('ratio 50 MB / 1 MB: size %.1fx, time %.1fx, source work %.1fx' % (
        fifty_mb / one_mb, fifty / one, (fifty - base) / (one - base)))


if __name__ == '__main__':
    main()
