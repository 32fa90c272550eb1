#!/usr/bin/env python3
"""Benchmark extraction: throughput and memory on 1, 10 and 50 MB of prose
full of dialogue, and two shapes that once grew quadratically, side by
side in one run.

    bench/extract.py [--quoth build/quoth] [--bench-dir DIR]
                     [--out bench/out] [--repeat 3]

The bench directory defaults to `<repo>/../shared/bench`, the shared
folder beside the checkout, whatever the current directory.

The prose is cut at run time from the public-domain texts of the bench
directory (never committed); the adversarial inputs are generated here.
Each run is `quoth -f jsonl -j 1 FILE` (one thread, so the times compare);
it prints the best wall time of --repeat runs, MB/s, the peak resident
memory (/usr/bin/time), the records and output size, then the ratios of
time and memory to size: the work must grow linearly, so 50 MB should
take about 50 times 1 MB.
"""

import argparse
import os
import shutil
import subprocess
import sys
import time

MB = 1 << 20
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def prose(bench_dir, size):
    """`size` bytes of the bench texts, whole lines, repeated if need be."""
    names = ['austen_all.txt', 'moby_dick.txt', 'sotu.txt']
    blob = []
    for n in names:
        with open(os.path.join(bench_dir, n), encoding='utf-8',
                  errors='replace') as f:
            blob.append(f.read())
    text = '\n'.join(blob)
    out, n = [], 0
    while n < size:
        piece = text[:size - n]
        piece = piece[:piece.rfind('\n') + 1] or piece
        out.append(piece)
        n += len(piece.encode())
    return ''.join(out)


def fragments_after_one_cue(n):
    return 'Ann Lee said ' + ' and '.join(
        '"this is fragment number %d of many"' % i for i in range(n)) + '.\n'


def quotes_in_one_sentence(n):
    return 'Ann Lee said ' + ' and '.join('"w%d"' % i for i in range(n)) + \
        '.\n'


def run(quoth, path, repeat):
    """Best wall time of `repeat` runs, with that run's peak resident set
    (from /usr/bin/time), records and output bytes."""
    best = None
    for _ in range(repeat):
        t = time.perf_counter()
        proc = subprocess.run(['/usr/bin/time', '-f', '%M', quoth, '-f',
                               'jsonl', '-j', '1', path],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        dt = time.perf_counter() - t
        if proc.returncode != 0:
            sys.exit('quoth failed on %s: %s' % (path, proc.stderr.decode()))
        rss_kb = int(proc.stderr.decode().strip().splitlines()[-1])
        recs = proc.stdout.count(b'\n')
        if best is None or dt < best[0]:
            best = (dt, rss_kb, recs, len(proc.stdout))
    return best


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--quoth', default=os.path.join(ROOT, 'build', 'quoth'))
    ap.add_argument('--bench-dir', default=os.path.join(
        os.path.dirname(ROOT), 'shared', 'bench'))
    ap.add_argument('--out', default=os.path.join(ROOT, 'bench', 'out'))
    ap.add_argument('--repeat', type=int, default=3)
    args = ap.parse_args()

    out = os.path.join(args.out, 'extract')
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    inputs = []
    for label, size in (('1 MB', MB), ('10 MB', 10 * MB), ('50 MB', 50 * MB)):
        p = os.path.join(out, label.replace(' ', '') + '.txt')
        with open(p, 'w') as f:
            f.write(prose(args.bench_dir, size))
        inputs.append((label, p))
    for label, text in (
            ('5,000 fragments after one cue', fragments_after_one_cue(5000)),
            ('20,000 quotes in one sentence', quotes_in_one_sentence(20000))):
        p = os.path.join(out, label.split()[0].replace(',', '') + '-' +
                         label.split()[1] + '.txt')
        with open(p, 'w') as f:
            f.write(text)
        inputs.append((label, p))

    res = {}
    for label, p in inputs:
        size = os.path.getsize(p)
        dt, rss, recs, outb = run(args.quoth, p, args.repeat)
        res[label] = (dt, size, rss)
        print('%-30s %8.2f MB  %7.3f s  %6.2f MB/s  peak %6.1f MB  '
              '%7d records  %7.1f MB out' % (
                  label, size / MB, dt, size / MB / dt, rss / 1024.0, recs,
                  outb / MB))
    one, s1, m1 = res['1 MB']
    for big in ('10 MB', '50 MB'):
        t, s, m = res[big]
        print('ratio %s / 1 MB: size %.1fx, time %.1fx, peak memory %.1fx'
              % (big, s / s1, t / one, m / m1))


if __name__ == '__main__':
    main()
