#!/usr/bin/env python3
"""Measure quoth on the inputs that could make its work grow faster than
the text: the pathological cases of issue 12, item 4.

    bench/pathological.py [--quoth FILE] [--scratch DIR] [--scale X]
                          [--only NAME[,NAME...]] [--repeat N] [--keep]

Like speed.py this script measures and asserts nothing.  It generates
each input at run time (never committed), from invented words and, for
the long paragraph, from the news articles of the shared folder beside
the checkout (`<repo>/../shared/eval/dev/*/*.txt`), and runs
`quoth -f jsonl -j 1 FILE` on it, --repeat times (default 1), printing the
medians of wall time, CPU time (user + system), MB/s per wall and per
CPU second, and peak resident memory (GNU time's %M) against the file
size.  The bar is 10 MB/s and peak memory under 3 x the size.

  unmatched     100,000 opening quote marks that never close, in one
                paragraph of otherwise plain words
  paragraph     one paragraph (one line) of 100 MB of news text
  lines         a million one-line paragraphs, each a short quote
  dense         50,000 quotes in one paragraph

--scale multiplies every count and size (0.1 for a quick run).  Output
goes to the scratch directory (default bench/out/patho, ignored by git),
removed afterwards unless --keep.
"""

import argparse
import glob
import os
import shutil
import statistics
import subprocess
import sys
import time

MB = 1 << 20
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GNU_TIME = '/usr/bin/time'

WORDS = ('the council said harbour plan would move ahead after months of '
         'talks with residents who asked for more time to read the '
         'report before any vote').split()


def words(rng_state, n):
    """n invented-sentence words, deterministic (no random module)."""
    out = []
    k = rng_state
    for _ in range(n):
        k = (k * 1103515245 + 12345) & 0x7fffffff
        out.append(WORDS[k % len(WORDS)])
    return ' '.join(out)


def gen_unmatched(path, scale):
    n = int(100000 * scale)
    with open(path, 'w', encoding='utf-8') as f:
        for i in range(n):
            f.write('\u201c%s ' % words(i, 3))
        f.write('\n')


def gen_paragraph(path, scale, shared):
    want = int(100 * MB * scale)
    texts = []
    for p in sorted(glob.glob(os.path.join(shared, 'eval', 'dev', '*',
                                           '*.txt'))):
        with open(p, encoding='utf-8', errors='replace') as f:
            texts.append(' '.join(f.read().split()))
    if not texts:
        sys.exit('pathological.py: no news under %s/eval/dev' % shared)
    blob = ' '.join(texts).encode('utf-8')
    with open(path, 'wb') as f:
        done = 0
        while done < want:
            part = blob[:want - done]
            f.write(part)
            done += len(part)
            if done < want:
                f.write(b' ')
                done += 1
        f.write(b'\n')


def gen_lines(path, scale):
    n = int(1000000 * scale)
    with open(path, 'w', encoding='utf-8') as f:
        for i in range(n):
            f.write('"%s," she said.\n' % words(i, 2))


def gen_dense(path, scale):
    n = int(50000 * scale)
    with open(path, 'w', encoding='utf-8') as f:
        for i in range(n):
            f.write('\u201c%s,\u201d said Ann Lee. ' % words(i, 4))
        f.write('\n')


CASES = ('unmatched', 'paragraph', 'lines', 'dense')


def run_once(cmd, out):
    t0 = time.monotonic()
    with open(out, 'wb') as o:
        p = subprocess.run([GNU_TIME, '-f', '%U %S %M'] + cmd, stdout=o,
                           stderr=subprocess.PIPE)
    wall = time.monotonic() - t0
    last = p.stderr.decode(errors='replace').strip().splitlines()[-1]
    u, s, m = last.split()
    return wall, float(u) + float(s), int(m) * 1024, p.returncode


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--quoth', default=os.path.join(ROOT, 'build', 'quoth'))
    ap.add_argument('--shared', default=os.path.join(ROOT, '..', 'shared'))
    ap.add_argument('--scratch',
                    default=os.path.join(ROOT, 'bench', 'out', 'patho'))
    ap.add_argument('--scale', type=float, default=1.0)
    ap.add_argument('--only', default=','.join(CASES))
    ap.add_argument('--repeat', type=int, default=1)
    ap.add_argument('--keep', action='store_true')
    a = ap.parse_args()
    if not os.path.exists(GNU_TIME):
        sys.exit('pathological.py: needs GNU time (Debian package time)')
    os.makedirs(a.scratch, exist_ok=True)
    print('%-10s %9s %8s %8s %8s %8s %9s %6s' %
          ('case', 'MB', 'wall s', 'cpu s', 'MB/s', 'MB/cpu-s', 'peak MB',
           'x size'))
    try:
        for name in a.only.split(','):
            if name not in CASES:
                sys.exit('pathological.py: no case %r' % name)
            path = os.path.join(a.scratch, name + '.txt')
            if name == 'paragraph':
                gen_paragraph(path, a.scale, a.shared)
            else:
                globals()['gen_' + name](path, a.scale)
            size = os.path.getsize(path)
            runs = [run_once([a.quoth, '-f', 'jsonl', '-j', '1', path],
                             os.path.join(a.scratch, name + '.jsonl'))
                    for _ in range(a.repeat)]
            wall = statistics.median(r[0] for r in runs)
            cpu = statistics.median(r[1] for r in runs)
            peak = statistics.median(r[2] for r in runs)
            rc = max(r[3] for r in runs)
            print('%-10s %9.1f %8.2f %8.2f %8.1f %8.1f %9.1f %6.2f%s' %
                  (name, size / MB, wall, cpu, size / MB / wall,
                   size / MB / max(cpu, 1e-9), peak / MB, peak / size,
                   '' if rc == 0 else '  (exit %d)' % rc), flush=True)
            os.unlink(path)
    finally:
        if not a.keep:
            shutil.rmtree(a.scratch, ignore_errors=True)


if __name__ == '__main__':
    main()
