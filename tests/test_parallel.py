#!/usr/bin/env python3
"""Beyond one machine (issue 12 item 7): quoth is a streaming filter, so
GNU parallel can split a JSON Lines corpus into blocks, run one quoth per
block and keep the output in input order:

    parallel --pipe -k --block 10M quoth --input jsonl -f jsonl

gives the same records, in the same order, as one process, as long as the
articles carry ids (README "Many machines").  Without ids the fallback
line numbers restart in every block, which this test shows too.

    test_parallel.py QUOTH

Exit status 77 (skipped) when GNU parallel is not installed.
"""

import json
import os
import random
import shutil
import subprocess
import sys
import tempfile

SKIP = 77

FIRST = ['Ana', 'Tom', 'Lena', 'Omar', 'Grace', 'Ivo', 'Mira', 'Paul',
         'Sade', 'Hugo']
LAST = ['Ruiz', 'Baker', 'Okafor', 'Lindqvist', 'Marsh', 'Petrov', 'Hale',
        'Nakamura', 'Duarte', 'Quinn']
TITLES = ['Mayor', 'Councillor', 'Professor', 'Inspector', 'Dr']
THINGS = ['the pier', 'the school roof', 'the tram line', 'the library',
          'the flood wall', 'the harbour bridge', 'the night buses']
CUES = ['said', 'told reporters', 'added', 'said on Monday']


def article(rng, i):
    """A short invented article: a direct quote, a split quote or an
    indirect one, with a named speaker and a pronoun."""
    name = '%s %s' % (rng.choice(FIRST), rng.choice(LAST))
    thing = rng.choice(THINGS)
    paras = ['%s %s opened the meeting on item %d.' % (rng.choice(TITLES),
                                                         name, i)]
    shape = rng.randrange(3)
    if shape == 0:
        paras.append('"We will fix %s this year," %s %s.' %
                     (thing, name, rng.choice(CUES)))
    elif shape == 1:
        paras.append('"The money is there," %s said, "and so is the '
                     'will to rebuild %s."' % (name.split()[1], thing))
    else:
        paras.append('%s said work on %s would start in May.' %
                     (name.split()[1], thing))
    if rng.randrange(2):
        paras.append('\u201cIt is about time,\u201d she said.')
    return '\n\n'.join(paras)


def long_article(rng, n):
    """n invented paragraphs of quotes, names and pronouns."""
    return '\n\n'.join(article(rng, i) for i in range(n))


def check_threads(quoth, tmp):
    """-j N against -j 1: one article far longer than the rest near the
    start (the threads after it park theirs and then wait for room),
    broken lines and a warning among the others."""
    rng = random.Random(7)
    lines = [json.dumps({'id': 'a-%04d' % i, 'text': article(rng, i)})
             for i in range(600)]
    lines[2] = json.dumps({'id': 'long', 'text': long_article(rng, 3000)})
    lines[40] = '{"id": "broken", "text": '
    lines[300] = json.dumps({'id': 'deep', 'text': 'a "b "c "d "e "f "g '
                             '"h "i "j "k deep," he said.'})
    lines[500] = '[1, 2]'
    corpus = os.path.join(tmp, 'c.jsonl')
    with open(corpus, 'w', encoding='utf-8') as f:
        f.write('\n'.join(lines) + '\n')
    files = []
    for i in range(150):
        files.append(os.path.join(tmp, 'f%03d.txt' % i))
        with open(files[-1], 'w', encoding='utf-8') as f:
            f.write(long_article(rng, 1500) if i == 1 else article(rng, i))
    files.insert(90, os.path.join(tmp, 'missing.txt'))
    failures = []

    def same(what, args, stdin=None):
        runs = {}
        for j in ('1', '2', '3', '8'):
            p = subprocess.run([quoth, '-f', 'jsonl', '-j', j] + args,
                               stdin=stdin and open(stdin, 'rb'),
                               capture_output=True, timeout=600)
            runs[j] = (p.returncode, p.stdout, p.stderr)
        ok = all(r == runs['1'] for r in runs.values())
        print('%s: -j 1, 2, 3, 8 give the same records, messages and '
              'status: %s' % ('ok' if ok else 'FAIL', what))
        if not ok:
            failures.append(what)
        return runs['1']

    rc, out, err = same('a corpus', ['--input', 'jsonl', corpus])
    docs = []
    for line in out.splitlines():
        d = json.loads(line)['doc']
        if not docs or docs[-1] != d:
            docs.append(d)
    want = [json.loads(line)['id'] for i, line in enumerate(lines)
            if i not in (40, 500)]
    order = docs == [d for d in want if d in docs] and 'long' in docs
    msgs = err.decode().splitlines()
    order = order and rc == 2 and len(msgs) == 3 and \
        ':41:' in msgs[0] and ':301:' in msgs[1] and ':501:' in msgs[2]
    print('%s: the corpus in input order, messages in order' %
          ('ok' if order else 'FAIL'))
    if not order:
        failures.append('corpus order')
    same('a corpus on stdin', ['--input', 'jsonl', '-'], stdin=corpus)
    rc, out, err = same('many files', files)
    docs = []
    for line in out.splitlines():
        d = json.loads(line)['doc']
        if not docs or docs[-1] != d:
            docs.append(d)
    ok = rc == 2 and docs == [f for f in files if 'missing' not in f]
    print('%s: many files in input order' % ('ok' if ok else 'FAIL'))
    if not ok:
        failures.append('files order')
    return failures


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    quoth = os.path.abspath(sys.argv[1])
    tmp = tempfile.mkdtemp(prefix='quoth-threads-')
    try:
        failures = check_threads(quoth, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if failures:
        print('%d failed' % len(failures))
        return 1
    parallel = shutil.which('parallel')
    if not parallel:
        print('GNU parallel is not installed: skipped')
        return SKIP
    v = subprocess.run([parallel, '--version'], capture_output=True)
    if b'GNU parallel' not in v.stdout:
        print('%s is not GNU parallel (moreutils?): skipped' % parallel)
        return SKIP

    tmp = tempfile.mkdtemp(prefix='quoth-parallel-')
    try:
        return run(quoth, parallel, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def run(quoth, parallel, tmp):
    rng = random.Random(12)
    n = 3000
    with_ids = ''.join(json.dumps({'id': 'story-%05d' % i,
                                   'text': article(rng, i)}) + '\n'
                       for i in range(n)).encode()
    without_ids = b''.join(json.dumps({'text': json.loads(line)['text']})
                           .encode() + b'\n'
                           for line in with_ids.splitlines())
    # GNU parallel keeps its state in ~/.parallel: a scratch HOME.
    env = dict(os.environ, LC_ALL='C.UTF-8', HOME=tmp)
    cmd = [quoth, '--input', 'jsonl', '-f', 'jsonl']
    recipe = [parallel, '--will-cite', '--pipe', '-k', '--block', '50k'] + cmd
    failures = []

    def check(what, ok):
        print('%s: %s' % ('ok' if ok else 'FAIL', what))
        if not ok:
            failures.append(what)

    one = subprocess.run(cmd, input=with_ids, capture_output=True, env=env,
                         timeout=600)
    many = subprocess.run(recipe, input=with_ids, capture_output=True,
                          env=env, timeout=600)
    check('one process: exit 0, no messages',
          one.returncode == 0 and one.stderr == b'')
    check('parallel: exit 0, no messages',
          many.returncode == 0 and many.stderr == b'')
    recs = [json.loads(line) for line in one.stdout.splitlines()]
    docs = [r['doc'] for r in recs]
    check('%d records from %d articles' % (len(recs), n),
          len(recs) >= n and len(set(docs)) == n)
    check('the corpus makes several 50k blocks',
          len(with_ids) > 4 * 50 * 1024)
    check('parallel gives the same records in the same order',
          many.stdout == one.stdout)

    # Without ids the doc field is the line number within each block.
    one = subprocess.run(cmd, input=without_ids, capture_output=True,
                         env=env, timeout=600)
    many = subprocess.run(recipe, input=without_ids, capture_output=True,
                          env=env, timeout=600)
    d1 = [json.loads(line)['doc'] for line in one.stdout.splitlines()]
    d2 = [json.loads(line)['doc'] for line in many.stdout.splitlines()]
    check('without ids: one process numbers the lines through',
          d1 == sorted(d1) and max(d1) == n)
    check('without ids: parallel restarts the numbers in each block',
          len(d2) == len(d1) and d2 != d1 and d2.count(1) > 3)
    # The README shows the recipe tested here.
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    with open(os.path.join(root, 'README.md'), encoding='utf-8') as f:
        readme = f.read()
    for text in ('## Many machines',
                 'parallel --pipe -k --block 10M quoth --input jsonl '
                 '-f jsonl',
                 "rdd.pipe('quoth --input jsonl -f jsonl')",
                 "-mapper 'quoth --input jsonl -f jsonl'"):
        check('README shows %s' % text, text in readme)
    if failures:
        print('%d failed' % len(failures))
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
