#!/usr/bin/env python3
"""Golden CLI tests: run quoth on a case and compare its output byte for byte.

    run_golden.py QUOTH GOLDEN_DIR CASE [--update]

A case is a set of files in GOLDEN_DIR (tests/golden/):

    CASE.args     arguments (shell words, '#' starts a comment); when the
                  first word is a subcommand (speakers) it stays first.
                  Without it the argument is tests/golden/CASE.txt.
    CASE.FORMAT   the expected output for each FORMAT of csv, tsv, jsonl,
                  table; the run adds "-f FORMAT" to the arguments.
    CASE.stdin    optional standard input.
    CASE.stderr   optional expected standard error; without it standard
                  error must be empty.
    CASE.status   optional expected exit status (default 0).

Every case runs in the source tree's root, so file names in the output are
as a user in a checkout would see them (the man page's EXAMPLES are cases),
with COLUMNS=80 and colour off.  --update rewrites the expected files from
the actual output: review the diff before committing it.
"""

import difflib
import os
import shlex
import subprocess
import sys

FORMATS = ('csv', 'tsv', 'jsonl', 'table')
SUBCOMMANDS = ('speakers', 'verify')


def read(path, default=None):
    try:
        with open(path, 'rb') as f:
            return f.read()
    except FileNotFoundError:
        return default


def case_args(golden, case):
    raw = read(os.path.join(golden, case + '.args'))
    if raw is None:
        return [os.path.join('tests', 'golden', case + '.txt')]
    return shlex.split(raw.decode('utf-8'), comments=True)


def show_diff(name, expected, actual):
    exp = expected.decode('utf-8', 'replace').splitlines(keepends=True)
    act = actual.decode('utf-8', 'replace').splitlines(keepends=True)
    sys.stdout.writelines(difflib.unified_diff(
        exp, act, 'expected/' + name, 'actual/' + name))
    # Line ends matter (CSV is CRLF): say so when that is the difference.
    if exp == act or [l.rstrip('\r\n') for l in exp] == \
            [l.rstrip('\r\n') for l in act]:
        print(f'{name}: line ends or bytes differ: {expected[:80]!r} vs '
              f'{actual[:80]!r}')


def main():
    args = [a for a in sys.argv[1:] if a != '--update']
    update = '--update' in sys.argv[1:]
    if len(args) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    quoth, golden, case = os.path.abspath(args[0]), args[1], args[2]
    golden = os.path.abspath(golden)
    root = os.path.dirname(os.path.dirname(golden))

    words = case_args(golden, case)
    stdin = read(os.path.join(golden, case + '.stdin'), b'')
    want_err = read(os.path.join(golden, case + '.stderr'), b'')
    want_status = int(read(os.path.join(golden, case + '.status'), b'0'))
    env = dict(os.environ, COLUMNS='80', LC_ALL='C.UTF-8')
    env.pop('NO_COLOR', None)

    ran = 0
    failed = 0
    for fmt in FORMATS:
        expected_path = os.path.join(golden, case + '.' + fmt)
        expected = read(expected_path)
        if expected is None:
            continue
        ran += 1
        if words and words[0] in SUBCOMMANDS:
            argv = [quoth, words[0], '-f', fmt] + words[1:]
        else:
            argv = [quoth, '-f', fmt] + words
        proc = subprocess.run(argv, input=stdin, capture_output=True,
                              cwd=root, env=env, timeout=60)
        shown = ' '.join(shlex.quote(a) for a in ['quoth'] + argv[1:])
        if update:
            with open(expected_path, 'wb') as f:
                f.write(proc.stdout)
            if proc.stderr or os.path.exists(
                    os.path.join(golden, case + '.stderr')):
                with open(os.path.join(golden, case + '.stderr'),
                          'wb') as f:
                    f.write(proc.stderr)
            if proc.returncode != want_status:
                print(f'{shown}: exit status {proc.returncode}, expected '
                      f'{want_status} (not updated)')
            continue
        ok = True
        if proc.returncode != want_status:
            print(f'{shown}: exit status {proc.returncode}, expected '
                  f'{want_status}')
            ok = False
        if proc.stderr != want_err:
            print(f'{shown}: standard error differs')
            show_diff(case + '.stderr', want_err, proc.stderr)
            ok = False
        if proc.stdout != expected:
            print(f'{shown}: output differs')
            show_diff(case + '.' + fmt, expected, proc.stdout)
            ok = False
        if ok:
            print(f'ok {shown}')
        else:
            failed += 1
    if ran == 0:
        print(f'{case}: no expected output file ({", ".join(FORMATS)})')
        return 1
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
