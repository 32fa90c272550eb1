#!/usr/bin/env python3
"""Measure quoth's speed and memory beside reference points, in one run.

    bench/speed.py [--sizes 10,100] [--repeat 3] [--quick] [--shared DIR]
                   [--quoth FILE] [--scratch DIR] [--keep] [--no-peer]

This script measures; it asserts nothing and never fails on a slow
number.  It builds corpora at run time (never committed) from the shared
folder beside the checkout (default `<repo>/../shared`, whatever the
current directory): the news articles `eval/dev/*/*.txt` and the texts
of `bench/` (novels, the Bible, State of the Union addresses, cut into
pieces of about 4 KB at blank lines).  Half the bytes are news and half
bench text, each shuffled with a fixed seed and repeated to reach the
size, so a smaller corpus is a prefix of a larger one.  Each size (MB =
2^20 bytes; 10 and 100 by default, `--sizes 10,100,1000` for 1 GB) is
written twice, with the same articles: as plain text (one document,
articles separated by a blank line) and as JSON Lines (one article per
line, "id" and "text").

On each corpus it runs, --repeat times (default 3), and prints the
medians of wall time, CPU time (user + system) and peak resident memory
(GNU time's %M, Debian package `time`; without /usr/bin/time,
getrusage(RUSAGE_CHILDREN) in a small Python wrapper process, one per
run, which shows its own 10 MB or so as the least any command takes):

  quoth -f jsonl -j 1 TEXT                 one document, one thread
  quoth -f jsonl --input jsonl -j 1 JSONL  streamed articles
  quoth -f jsonl --input jsonl -j 2 JSONL  on two threads
  LC_ALL=C.UTF-8 wc -w FILE                the floor: reading and splitting
  LC_ALL=C grep -c '"' FILE                memory bandwidth, near enough

and the peer, the npm package compromise 14.17.0 (`nlp(text).quotations()`,
installed under bench/node_modules from bench/package.json and its
lockfile with `npm ci` when node and npm are present, skipped with a
message otherwise), with quoth on the same fixed 1 MB of news text.
Then the ratios, of wall and of CPU time: quoth over wc -w and over grep
on the same file, compromise over quoth; the -j 2 speed-up (wall); and
peak memory over file size.  At 1 MB, wc and grep mostly measure a
process starting.

A plain-text run reads the whole document into memory and works on it a
window of paragraphs at a time: about 1.5 bytes per input byte plus a
fixed 64 MB.  A size is skipped with a message when that (or the rate
measured on a smaller size in this run, if larger) and a tenth more
would not fit in MemAvailable.  --quick is a smoke run: 1 and 10 MB, one
repeat.  Output of every run goes to the scratch directory (default
bench/out/speed, ignored by git), removed afterwards unless --keep.
The machine's load average is printed before and after: on a shared
machine the wall times move with it, the CPU times much less, so MB/s
is printed per wall second and per CPU second (user + system; at -j 2
the CPU seconds of both threads add up).
"""

import argparse
import glob
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

MB = 1 << 20
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, 'bench')
PEER_VERSION = '14.17.0'
SEED = 12
PIECE = 4096          # bench texts are cut into pieces of at least this
BYTES_PER_BYTE = 1.5  # quoth's peak RSS per input byte for one document,
FIXED_RSS = 64 * MB   # above this fixed part (language data, one window)
GNU_TIME = '/usr/bin/time'


# ---------------------------------------------------------------- corpora

def read_text(path):
    with open(path, encoding='utf-8', errors='replace') as f:
        text = f.read()
    return text.lstrip('\ufeff').replace('\r\n', '\n').replace('\r', '\n')


def news_units(shared):
    """The dev news articles, (id, text), in file-name order."""
    units = []
    for path in sorted(glob.glob(os.path.join(shared, 'eval', 'dev', '*',
                                              '*.txt'))):
        text = read_text(path).strip()
        if text:
            rel = os.path.relpath(path, os.path.join(shared, 'eval', 'dev'))
            units.append((rel[:-4], text))
    return units


def bench_units(shared):
    """The bench texts cut at blank lines into pieces of at least PIECE
    bytes (a long paragraph, such as a whole address, stays whole)."""
    units = []
    for path in sorted(glob.glob(os.path.join(shared, 'bench', '*.txt'))):
        name = os.path.basename(path)[:-4]
        paras = [p.strip() for p in re.split(r'\n[ \t]*\n',
                                             read_text(path))]
        cur, n, k = [], 0, 0
        for p in paras:
            if not p:
                continue
            cur.append(p)
            n += len(p.encode())
            if n >= PIECE:
                units.append(('%s/%d' % (name, k), '\n\n'.join(cur)))
                cur, n, k = [], 0, k + 1
        if cur:
            units.append(('%s/%d' % (name, k), '\n\n'.join(cur)))
    return units


def cycle(units, rng):
    """The units shuffled, again and again; a repeat gets a new id."""
    rnd = 0
    while True:
        order = units[:]
        rng.shuffle(order)
        for uid, text in order:
            yield (uid if rnd == 0 else '%s~%d' % (uid, rnd)), text
        rnd += 1


def mix(news, bench, share):
    """Articles with `share` of the bytes from news, the rest bench."""
    rng = random.Random(SEED)
    gn = cycle(news, rng)
    gb = cycle(bench, rng) if bench else None
    nb = tb = 0
    while True:
        if gb is None or nb <= share * tb:
            uid, text = next(gn)
            src = 'news'
        else:
            uid, text = next(gb)
            src = 'bench'
        b = len(text.encode())
        tb += b
        if src == 'news':
            nb += b
        yield src, uid, text


def write_corpus(articles, size, txt_path, jsonl_path):
    """Write articles as plain text (blank line between articles) up to
    `size` bytes, the last one cut at a line or word end, and the same
    articles as JSON Lines.  Returns counts for the header."""
    st = {'articles': 0, 'news': 0, 'txt': 0, 'jsonl': 0}
    ft = open(txt_path, 'wb', buffering=MB)
    fj = open(jsonl_path, 'wb', buffering=MB) if jsonl_path else None
    n = 0
    for src, uid, text in articles:
        b = text.encode()
        sep = 2 if n else 0
        if n + sep + len(b) + 1 > size:
            room = size - n - sep - 1
            if room < 64:
                break
            b = b[:room]
            cut = max(b.rfind(b'\n'), b.rfind(b' '))
            if cut > 0:
                b = b[:cut]
            text = b.decode('utf-8', 'ignore').rstrip()
            b = text.encode()
            if not b:
                break
        ft.write(b'\n\n' + b if n else b)
        n += sep + len(b)
        st['articles'] += 1
        if src == 'news':
            st['news'] += len(b)
        if fj:
            line = json.dumps({'id': uid, 'text': text},
                              ensure_ascii=False) + '\n'
            fj.write(line.encode())
        if n + 3 >= size:
            break
    ft.write(b'\n')
    ft.close()
    if fj:
        fj.close()
    st['txt'] = os.path.getsize(txt_path)
    if jsonl_path:
        st['jsonl'] = os.path.getsize(jsonl_path)
    return st


# ---------------------------------------------------------- measurement

class Result:
    """Medians of the runs of one command, or why there are none."""

    def __init__(self, label, size, skip=None):
        self.label, self.size, self.skip = label, size, skip
        self.wall = self.cpu = self.rss = None
        self.output = ''

    def mbs(self):
        return self.size / MB / self.wall if self.wall else None

    def mbs_cpu(self):
        return self.size / MB / self.cpu if self.cpu else None

    def rss_ratio(self):
        return self.rss * 1024.0 / self.size if self.rss else None


# Without GNU time: a small Python process runs the command and reports
# its children's peak RSS, wall and CPU time.  Not this script's own
# wait4: Linux keeps the largest RSS a child had before exec, and a child
# of this process starts as big as it (the texts loaded); the wrapper is
# small, so its floor (a few MB) only shows under wc and grep.
WRAPPER = """import resource, subprocess, sys, time
t = time.perf_counter()
rc = subprocess.run(sys.argv[2:]).returncode
wall = time.perf_counter() - t
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
with open(sys.argv[1], 'w') as f:
    f.write('%d %.6f %.6f' % (ru.ru_maxrss, wall, ru.ru_utime + ru.ru_stime))
sys.exit(rc)
"""


def run_once(cmd, out_path, env, use_time, scratch):
    """Run cmd once: wall s, CPU s, peak RSS KB, exit status, stderr."""
    rss_path = os.path.join(scratch, 'rss.txt')
    if use_time:
        full = [GNU_TIME, '-f', '%M', '-o', rss_path] + cmd
    else:
        full = [sys.executable, '-S', '-c', WRAPPER, rss_path] + cmd
    with open(out_path, 'wb') as out, tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        p = subprocess.Popen(full, stdout=out, stderr=err, env=env)
        _, status, ru = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t0
        p.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        errtext = err.read().decode('utf-8', 'replace')
    cpu, rss = ru.ru_utime + ru.ru_stime, None
    try:
        with open(rss_path) as f:
            words = f.read().split()
        if use_time:
            rss = int(words[-1])
        else:
            rss, wall, cpu = int(words[0]), float(words[1]), float(words[2])
        os.unlink(rss_path)
    except (OSError, ValueError, IndexError):
        pass
    return wall, cpu, rss, p.returncode, errtext


def count_lines(path):
    n = 0
    with open(path, 'rb') as f:
        while True:
            block = f.read(MB)
            if not block:
                return n
            n += block.count(b'\n')


def measure(label, cmd, size, args, describe, env=None):
    """Run cmd --repeat times; `describe(out_path)` turns the last run's
    output into the output column."""
    r = Result(label, size)
    out_path = os.path.join(args.scratch, 'out.txt')
    walls, cpus, rsss = [], [], []
    for _ in range(args.repeat):
        wall, cpu, rss, rc, err = run_once(cmd, out_path, env, args.gnu_time,
                                           args.scratch)
        if rc != 0:
            first = (err.strip().splitlines() or [''])[0]
            r.skip = 'failed (exit %d): %s' % (rc, first[:60])
            break
        walls.append(wall)
        cpus.append(cpu)
        if rss is not None:
            rsss.append(rss)
    if walls and not r.skip:
        r.wall = statistics.median(walls)
        r.cpu = statistics.median(cpus)
        r.rss = statistics.median(rsss) if rsss else None
        r.output = describe(out_path)
    if os.path.exists(out_path):
        os.unlink(out_path)
    print('  ran %-46s %s' % (label[:46], fmt_s(r.wall) + ' s'
                              if r.wall else r.skip), file=sys.stderr)
    return r


def quotes_out(path):
    return '{:,} quotes'.format(count_lines(path))


def first_number(unit):
    def describe(path):
        with open(path) as f:
            words = f.read().split()
        return '{:,} {}'.format(int(words[0]), unit) if words else ''
    return describe


def peer_out(path):
    try:
        with open(path) as f:
            d = json.loads(f.read().strip().splitlines()[-1])
        return '{:,} quotations, parse {:.1f} s'.format(d['quotations'],
                                                        d['seconds'])
    except (ValueError, IndexError, KeyError):
        return ''


def mem_available():
    """MemAvailable from /proc/meminfo in bytes, or None."""
    try:
        with open('/proc/meminfo') as f:
            for line in f:
                if line.startswith('MemAvailable:'):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return None


def loadavg():
    try:
        with open('/proc/loadavg') as f:
            return ' '.join(f.read().split()[:3])
    except OSError:
        return '?'


# ----------------------------------------------------------------- peer

def peer_ready(args):
    """Install compromise under bench/ if need be; None when ready, else
    the reason to skip the peer."""
    if args.no_peer:
        return 'skipped (--no-peer)'
    if not shutil.which('node') or not shutil.which('npm'):
        return 'skipped: node and npm are needed (compromise is an npm ' \
               'package); install Node.js to compare'
    pkg = os.path.join(BENCH, 'node_modules', 'compromise', 'package.json')
    try:
        with open(pkg) as f:
            if json.load(f).get('version') == PEER_VERSION:
                return None
    except (OSError, ValueError):
        pass
    print('installing compromise@%s under bench/node_modules (npm ci)' %
          PEER_VERSION, file=sys.stderr)
    p = subprocess.run(['npm', 'ci', '--prefix', BENCH, '--no-audit',
                        '--no-fund'], stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE)
    if p.returncode != 0:
        last = (p.stderr.decode('utf-8', 'replace').strip().splitlines()
                or [''])[-1]
        return 'skipped: npm ci --prefix bench failed: %s' % last[:70]
    return None


# ---------------------------------------------------------------- report

def fmt_s(x):
    return '%.3f' % x if x < 100 else '%.1f' % x


def fmt_rate(x):
    if x is None:
        return '-'
    if x >= 100:
        return '%.0f' % x
    if x >= 10:
        return '%.1f' % x
    if x >= 1:
        return '%.2f' % x
    return '%.3f' % x


def fmt_mb(n):
    return '%.1f MB' % (n / MB) if n >= MB else '%.0f KB' % (n / 1024.0)


def print_rows(rows):
    print('%-8s %-5s %-34s %8s %8s %8s %8s %10s %8s  %s' % (
        'corpus', 'input', 'command', 'wall s', 'cpu s', 'MB/s',
        'MB/cpu-s', 'peak RSS', 'RSS/size', 'output'))
    for corpus, kind, r in rows:
        if r.skip:
            print('%-8s %-5s %-34s %s' % (corpus, kind, r.label, r.skip))
            continue
        print('%-8s %-5s %-34s %8s %8s %8s %8s %10s %8s  %s' % (
            corpus, kind, r.label, fmt_s(r.wall), fmt_s(r.cpu),
            fmt_rate(r.mbs()), fmt_rate(r.mbs_cpu()), fmt_mb(r.rss * 1024) if r.rss else '-',
            fmt_rate(r.rss_ratio()),
            r.output))


def times(x):
    return '%.1fx' % x if x < 100 else '%.0fx' % x


def ratio(a, b, cpu=True):
    """'wall ratio / CPU ratio' of two results, '-' when one is missing."""
    if a is None or b is None or not a.wall or not b.wall:
        return '-'
    if not cpu or not a.cpu or not b.cpu:
        return times(a.wall / b.wall)
    return '%s / %s' % (times(a.wall / b.wall), times(a.cpu / b.cpu))


def print_ratios(per_size):
    labels = [s for s in per_size]
    print('%-42s' % 'ratios: wall / cpu (of the medians)' +
          ''.join('%16s' % ('%d MB' % s) for s in labels))

    def line(name, f):
        print('%-42s' % name + ''.join('%16s' % f(per_size[s])
                                       for s in labels))

    line('quoth text -j 1 / wc -w (same file)',
         lambda d: ratio(d.get('qt'), d.get('wct')))
    line('quoth text -j 1 / grep -c \'"\' (same file)',
         lambda d: ratio(d.get('qt'), d.get('grt')))
    line('quoth jsonl -j 1 / wc -w (same file)',
         lambda d: ratio(d.get('qj1'), d.get('wcj')))
    line('quoth jsonl -j 1 / grep -c \'"\' (same file)',
         lambda d: ratio(d.get('qj1'), d.get('grj')))
    line('-j 2 speed-up (jsonl -j 1 / -j 2, wall)',
         lambda d: ratio(d.get('qj1'), d.get('qj2'), cpu=False))

    def rss(key):
        def f(d):
            r = d.get(key)
            return '-' if r is None or r.rss is None else \
                '%.1f' % r.rss_ratio()
        return f
    line('peak RSS / file size: quoth text -j 1', rss('qt'))
    line('peak RSS / file size: quoth jsonl -j 1', rss('qj1'))
    line('peak RSS / file size: quoth jsonl -j 2', rss('qj2'))


# ------------------------------------------------------------------ main

def main():
    ap = argparse.ArgumentParser(
        description='Measure quoth against wc -w, grep and compromise on '
                    'corpora built at run time (see the docstring).')
    ap.add_argument('--sizes', help='corpus sizes in MB, comma-separated '
                    '(default 10,100; 1000 for 1 GB)')
    ap.add_argument('--repeat', type=int, help='runs per command, the '
                    'median is printed (default 3)')
    ap.add_argument('--quick', action='store_true',
                    help='smoke run: --sizes 1,10 --repeat 1')
    ap.add_argument('--shared', default=os.path.join(os.path.dirname(ROOT),
                                                     'shared'),
                    help='the shared folder (default <repo>/../shared)')
    ap.add_argument('--quoth', default=os.path.join(ROOT, 'build', 'quoth'))
    ap.add_argument('--scratch', default=os.path.join(BENCH, 'out', 'speed'),
                    help='where corpora and outputs go (default '
                    'bench/out/speed)')
    ap.add_argument('--keep', action='store_true',
                    help='keep the corpora in --scratch afterwards')
    ap.add_argument('--no-peer', action='store_true',
                    help='do not run compromise')
    ap.add_argument('--news-share', type=float, default=0.5,
                    help='share of corpus bytes from news (default 0.5)')
    ap.add_argument('--no-gnu-time', dest='gnu_time', action='store_false',
                    help='measure through a Python wrapper even if '
                    '/usr/bin/time is there')
    args = ap.parse_args()
    if args.sizes is None:
        args.sizes = '1,10' if args.quick else '10,100'
    if args.repeat is None:
        args.repeat = 1 if args.quick else 3
    try:
        sizes = [int(s) for s in args.sizes.split(',') if s.strip()]
    except ValueError:
        ap.error('--sizes takes whole MB, e.g. 10,100,1000')
    if not sizes or min(sizes) < 1 or args.repeat < 1:
        ap.error('--sizes and --repeat must be at least 1')
    args.gnu_time = args.gnu_time and os.access(GNU_TIME, os.X_OK)
    if not os.access(args.quoth, os.X_OK):
        sys.exit('speed.py: no quoth at %s; build it first: meson setup '
                 'build && ninja -C build (or pass --quoth)' % args.quoth)
    news = news_units(args.shared)
    bench = bench_units(args.shared)
    if not news:
        sys.exit('speed.py: no news articles in %s/eval/dev/*/*.txt '
                 '(pass --shared DIR)' % args.shared)
    os.makedirs(args.scratch, exist_ok=True)

    version = subprocess.run([args.quoth, '--version'], capture_output=True,
                             text=True).stdout.strip()
    avail = mem_available()
    print('quoth speed: %s, %s, %d CPUs, MemAvailable %s, load %s' % (
        time.strftime('%Y-%m-%d %H:%M'), version or args.quoth,
        os.cpu_count() or 0, fmt_mb(avail) if avail else '?', loadavg()))
    news_b = sum(len(t.encode()) for _, t in news)
    bench_b = sum(len(t.encode()) for _, t in bench)
    print('corpora: %.0f%% of bytes news (%d articles, %s, repeated as '
          'needed), the rest bench texts (%d pieces, %s), seed %d' % (
              100 * args.news_share, len(news), fmt_mb(news_b), len(bench),
              fmt_mb(bench_b), SEED))
    print('medians of %d run%s; peak RSS from %s; MB = 2^20 bytes; MB/s '
          'over the file\'s own size' % (
              args.repeat, '' if args.repeat == 1 else 's',
              'GNU time %M' if args.gnu_time else
              'a Python wrapper\'s RUSAGE_CHILDREN'))
    print()

    quoth = [args.quoth, '-f', 'jsonl']
    utf8 = dict(os.environ, LC_ALL='C.UTF-8')
    c_env = dict(os.environ, LC_ALL='C')
    rows, per_size, bpb, notes = [], {}, BYTES_PER_BYTE, []
    for size in sorted(sizes):
        txt = os.path.join(args.scratch, 'corpus-%dMB.txt' % size)
        jsl = os.path.join(args.scratch, 'corpus-%dMB.jsonl' % size)
        free = shutil.disk_usage(args.scratch).free
        if free < 3 * size * MB:
            notes.append('%d MB: skipped, %s free in %s, needs about %s' % (
                size, fmt_mb(free), args.scratch, fmt_mb(3 * size * MB)))
            continue
        print('writing %d MB corpora' % size, file=sys.stderr)
        st = write_corpus(mix(news, bench, args.news_share), size * MB, txt,
                          jsl)
        corpus = '%d MB' % size
        notes.append('%d MB: %s articles, %.0f%% news; text %s, '
                     'jsonl %s' % (size, '{:,}'.format(st['articles']),
                                   100.0 * st['news'] / st['txt'],
                                   '{:,}'.format(st['txt']),
                                   '{:,}'.format(st['jsonl'])))
        d = per_size[size] = {}
        extra = ['--max-doc-bytes', str(st['txt'])] \
            if st['txt'] > 1 << 30 else []
        need = bpb * st['txt'] + FIXED_RSS
        avail = mem_available()
        if avail is not None and need * 1.1 > avail:
            d['qt'] = Result('quoth -f jsonl -j 1', st['txt'],
                             'skipped: one document needs about %s (%.1f '
                             'bytes per byte), MemAvailable %s' % (
                                 fmt_mb(need), bpb, fmt_mb(avail)))
        else:
            d['qt'] = measure('quoth -f jsonl -j 1', quoth + extra +
                              ['-j', '1', txt], st['txt'], args, quotes_out)
            if d['qt'].rss:
                bpb = max(bpb, (d['qt'].rss * 1024.0 - FIXED_RSS) /
                          st['txt'])
        d['wct'] = measure('wc -w', ['wc', '-w', txt], st['txt'], args,
                           first_number('words'), utf8)
        d['grt'] = measure('grep -c \'"\'', ['grep', '-c', '"', txt],
                           st['txt'], args, first_number('lines'), c_env)
        for j in (1, 2):
            d['qj%d' % j] = measure(
                'quoth -f jsonl --input jsonl -j %d' % j,
                quoth + ['--input', 'jsonl', '-j', str(j), jsl], st['jsonl'],
                args, quotes_out)
        d['wcj'] = measure('wc -w', ['wc', '-w', jsl], st['jsonl'], args,
                           first_number('words'), utf8)
        d['grj'] = measure('grep -c \'"\'', ['grep', '-c', '"', jsl],
                           st['jsonl'], args, first_number('lines'), c_env)
        for key in ('qt', 'wct', 'grt'):
            rows.append((corpus, 'text', d[key]))
        for key in ('qj1', 'qj2', 'wcj', 'grj'):
            rows.append((corpus, 'jsonl', d[key]))
        if not args.keep:
            os.unlink(txt)
            os.unlink(jsl)

    # the peer, on a fixed 1 MB of news text only
    sample = os.path.join(args.scratch, 'news-1MB.txt')
    write_corpus(mix(news, [], 1.0), MB, sample, None)
    sample_b = os.path.getsize(sample)
    why = peer_ready(args)
    if why:
        peer = Result('compromise nlp(text).quotations()', sample_b, why)
    else:
        peer = measure('compromise nlp(text).quotations()',
                       ['node', os.path.join(BENCH, 'peer.mjs'), sample],
                       sample_b, args, peer_out)
    qs = measure('quoth -f jsonl -j 1', quoth + ['-j', '1', sample],
                 sample_b, args, quotes_out)
    rows.append(('1 MB', 'news', peer))
    rows.append(('1 MB', 'news', qs))
    if not args.keep:
        os.unlink(sample)

    print_rows(rows)
    print()
    if per_size:
        print_ratios(per_size)
    if peer.wall and qs.wall and peer.rss and qs.rss:
        print('%-42s%16s  (%s vs %s MB/s; peak RSS %s vs %s)' % (
            'compromise / quoth on 1 MB news', ratio(peer, qs),
            fmt_rate(peer.mbs()), fmt_rate(qs.mbs()), fmt_mb(peer.rss * 1024),
            fmt_mb(qs.rss * 1024)))
    else:
        print('%-42s%16s  %s' % ('compromise / quoth on 1 MB news',
                                  '-', peer.skip or qs.skip or ''))
    print()
    for n in notes:
        print('corpus ' + n)
    print('load average after: %s' % loadavg())
    if not args.keep:
        try:
            os.rmdir(args.scratch)
        except OSError:
            pass


if __name__ == '__main__':
    main()
