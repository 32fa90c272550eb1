#!/usr/bin/env python3
"""The bad-input matrix of issue 5: whatever the bytes, quoth finishes, says
clearly what was wrong (SPEC "Exit status and messages") and never loses or
corrupts output.

    test_badinput.py QUOTH [unittest options]

Every case checks the exit status, the exact message (naming the file, and
LINE:COL where SPEC says), and that CSV output parses back with Python's
csv module into one row per JSON Lines record with every field.  Huge
inputs (100 MB, 50 MB) are generated at run time in a temporary directory;
against a sanitizer build they shrink to a fifth.  test_cli.py already
covers the plain cases of a full disk, -o into a missing directory, -o
under a file size limit, a closed pipe and malformed JSON Lines; here are
the hostile variants.
"""

import csv
import io
import json
import os
import pty
import random
import re
import resource
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import unittest

QUOTH = None
SANITIZED = False

CSV_FIELDS = ['doc', 'n', 'type', 'speaker', 'title', 'gender',
              'gender_source', 'kind', 'mention', 'cue', 'quote', 'start', 'end', 'mention_start', 'mention_end',
              'cue_start', 'cue_end', 'paragraph', 'line', 'context', 'rule']

GOOD = b'"We will rebuild the pier," Mayor Ana Ruiz told reporters.\n'


def env(timed=False):
    e = dict(os.environ, LC_ALL='C.UTF-8')
    for k in ('NO_COLOR', 'COLUMNS'):
        e.pop(k, None)
    if timed:
        # meson sets MALLOC_PERTURB_: glibc then fills every freed chunk,
        # including the remainder split off a huge free chunk on each
        # small realloc next to it, which turns a 1 s run into 10 s.
        # Timings are about quoth, not about that.
        e.pop('MALLOC_PERTURB_', None)
    return e


def jsonl(out):
    # Split on LF only: U+2028, NEL and friends are allowed inside JSON
    # strings, and str.splitlines() would cut there.
    return [json.loads(x) for x in out.split(b'\n') if x]


def run(args, stdin=b'', timeout=60, timed=False, **kw):
    if 'stdin' not in kw and stdin is not None:
        kw['input'] = stdin
    return subprocess.run([QUOTH] + args, capture_output=True,
                          env=env(timed), timeout=timeout, **kw)


def invalid_utf8(data):
    """(first offset, count) of the bytes that start no valid UTF-8
    sequence, counted as the library does: one per bad byte, decoding
    resumes at the next byte."""
    i, first, bad = 0, None, 0
    n = len(data)
    while i < n:
        c = data[i]
        if c < 0x80:
            i += 1
            continue
        length, cp, low = 0, 0, 0
        if 0xC2 <= c <= 0xDF:
            length, cp, low = 2, c & 0x1F, 0x80
        elif 0xE0 <= c <= 0xEF:
            length, cp, low = 3, c & 0x0F, 0x800
        elif 0xF0 <= c <= 0xF4:
            length, cp, low = 4, c & 0x07, 0x10000
        if length and i + length <= n:
            ok = True
            for k in range(1, length):
                if data[i + k] & 0xC0 != 0x80:
                    ok = False
                    break
                cp = (cp << 6) | (data[i + k] & 0x3F)
            if ok and low <= cp <= 0x10FFFF and not 0xD800 <= cp <= 0xDFFF:
                i += length
                continue
        if first is None:
            first = i
        bad += 1
        i += 1
    return first, bad


def line_col(data, offset, bytes_col=True):
    """1-based line and column of a byte offset (LF, CRLF and lone CR end
    lines); the column counts bytes, or code points."""
    line, start = 1, 0
    for i in range(offset):
        if data[i] == 0x0A or (data[i] == 0x0D and
                               (i + 1 >= len(data) or data[i + 1] != 0x0A)):
            line, start = line + 1, i + 1
    if bytes_col:
        return line, offset - start + 1
    return line, len(data[start:offset].decode('utf-8', 'replace')) + 1


# A quote's context may be a whole huge paragraph.
csv.field_size_limit(sys.maxsize)


class Base(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix='quoth-bad-')

    def tearDown(self):
        for root, dirs, _ in os.walk(self.tmp):
            for d in dirs:
                os.chmod(os.path.join(root, d), 0o755)
        shutil.rmtree(self.tmp, ignore_errors=True)

    def write(self, name, data):
        path = os.path.join(self.tmp, name)
        with open(path, 'wb') as f:
            f.write(data.encode() if isinstance(data, str) else data)
        return path

    def extract(self, args, status=0, timeout=60, timed=False):
        """Run with -f jsonl and -f csv; the CSV must parse back into one
        row per record, each with every field, equal to the JSON values.
        Returns (records, stderr of the CSV run)."""
        j = run(['-f', 'jsonl'] + args, timeout=timeout, timed=timed)
        self.assertEqual(j.returncode, status, j.stderr)
        recs = jsonl(j.stdout)
        c = run(['-f', 'csv'] + args, timeout=timeout, timed=timed)
        self.assertEqual(c.returncode, status, c.stderr)
        self.assertEqual(c.stderr, j.stderr)
        self.check_csv(c.stdout, recs)
        return recs, c.stderr.decode('utf-8', 'replace')

    def check_csv(self, out, recs):
        text = out.decode('utf-8')  # strict: output is valid UTF-8
        rows = list(csv.reader(io.StringIO(text, newline='')))
        self.assertEqual(rows[0], CSV_FIELDS)
        self.assertEqual(len(rows) - 1, len(recs))
        for row, rec in zip(rows[1:], recs):
            self.assertEqual(len(row), len(CSV_FIELDS))
            for name, value in zip(CSV_FIELDS, row):
                want = rec[name]
                self.assertEqual(value, '' if want is None else str(want),
                                 name)


class TestInvalidUTF8(Base):
    KINDS = {
        'overlong 2-byte': b'\xc0\xaf',
        'overlong 3-byte': b'\xe0\x80\xaf',
        'overlong 4-byte': b'\xf0\x80\x80\xaf',
        'overlong NUL': b'\xc0\x80',
        'high surrogate': b'\xed\xa0\x80',
        'low surrogate': b'\xed\xbf\xbf',
        'surrogate pair (CESU-8)': b'\xed\xa0\xbd\xed\xb8\x80',
        'lone continuation': b'\x80',
        'continuation run': b'\xbf\xbf\xbf',
        'above U+10FFFF': b'\xf4\x90\x80\x80',
        '5-byte form': b'\xf8\x88\x80\x80\x80',
        'FE FF': b'\xfe\xff',
        'lead without continuation': b'\xe2 ',
    }
    CUT = {
        'cut 2-byte at EOF': b'\xc3',
        'cut 3-byte at EOF': b'\xe2\x82',
        'cut 4-byte at EOF': b'\xf0\x9f\x98',
    }

    def check_replaced(self, path, data, recs, err):
        first, count = invalid_utf8(data)
        line, col = line_col(data, first, bytes_col=False)
        want = (f'quoth: {path}:{line}:{col}: invalid UTF-8 replaced by '
                f'U+FFFD' + (f' ({count} times)' if count > 1 else '') +
                '\n')
        self.assertEqual(err, want)

    def test_each_kind_replaced_with_a_warning(self):
        for kind, bad in self.KINDS.items():
            with self.subTest(kind=kind):
                data = (b'\xc3\xa9t\xc3\xa9 "Good words first," she said.\n'
                        b'\n"Bad ' + bad + b' words here," Tom Baker said.'
                        b'\n')
                path = self.write('bad.txt', data)
                recs, err = self.extract([path])
                self.check_replaced(path, data, recs, err)
                # Offsets are the bytes as given: nothing shifts.
                q = [r for r in recs if r['quote'].startswith('Bad')]
                self.assertEqual(len(q), 1, recs)
                start = data.index(b'"Bad')
                self.assertEqual(q[0]['start'], start)
                self.assertEqual(q[0]['end'],
                                 data.index(b'" Tom') + 1)
                self.assertIn('\ufffd', q[0]['quote'])

    def test_cut_at_end_of_file(self):
        for kind, bad in self.CUT.items():
            with self.subTest(kind=kind):
                data = b'"Cut at the end," she said. ' + bad
                path = self.write('cut.txt', data)
                recs, err = self.extract([path])
                self.check_replaced(path, data, recs, err)
                self.assertEqual(len(recs), 1, recs)

    def test_strict_fails_naming_the_place(self):
        for kind, bad in list(self.KINDS.items()) + list(self.CUT.items()):
            with self.subTest(kind=kind):
                data = (b'"Fine," she said.\n\xc3\xa9\xc3\xa9 ' + bad +
                        b' and more.\n')
                path = self.write('strict.txt', data)
                good = self.write('good.txt', GOOD)
                recs, err = self.extract(['--strict-utf8', path, good],
                                         status=2)
                first, _ = invalid_utf8(data)
                line, col = line_col(data, first, bytes_col=False)
                self.assertEqual(err, f'quoth: {path}:{line}:{col}: '
                                      f'invalid UTF-8\n')
                # Nothing from the bad file, the next file still done.
                self.assertEqual({r['doc'] for r in recs}, {good})

    def test_valid_edge_code_points_are_not_replaced(self):
        # U+0080, U+07FF, U+0800, U+FFFD, U+FFFF, U+10000, U+10FFFF.
        data = ('"\u0080 \u07ff \u0800 \ufffd \uffff \U00010000 '
                '\U0010ffff," she said.\n').encode()
        path = self.write('edge.txt', data)
        recs, err = self.extract(['--strict-utf8', path])
        self.assertEqual(err, '')
        self.assertEqual(len(recs), 1)


class TestControlBytes(Base):
    def test_nul_bytes(self):
        # NUL bytes make a file binary (issue 13, item 14): --text reads
        # it anyway, NUL bytes and all.
        data = (b'"NUL \x00 inside," she said.\x00\n\n\x00\x00\n\n'
                b'"Another \x00," Tom Baker said.')
        path = self.write('nul.txt', data)
        recs, err = self.extract(['--text', path])
        self.assertEqual(err, '')
        self.assertEqual(len(recs), 2, recs)
        self.assertEqual(recs[0]['quote'], 'NUL \x00 inside,')

    def test_bom_does_not_shift_offsets(self):
        data = b'\xef\xbb\xbf"Bom first," she said.\n'
        path = self.write('bom.txt', data)
        recs, err = self.extract([path])
        self.assertEqual(err, '')
        self.assertEqual(len(recs), 1)
        self.assertEqual((recs[0]['start'], recs[0]['end']), (3, 15))
        self.assertEqual(recs[0]['quote'], 'Bom first,')
        # A BOM later on is just a character.
        data = b'"One," she said.\n\n\xef\xbb\xbf"Two," he said.\n'
        recs, err = self.extract([self.write('bom2.txt', data)])
        self.assertEqual(err, '')

    def test_crlf_and_lone_cr(self):
        data = (b'"One and two," she said.\r\n\r\n"Three and four,"\r\n'
                b'Tom Baker said.\r\n\r\n"Five and six," said Ana Ruiz.\r'
                b'\r"Seven and eight," said Tom Baker.\r')
        path = self.write('crlf.txt', data)
        recs, err = self.extract([path])
        self.assertEqual(err, '')
        by_quote = {r['quote']: r for r in recs}
        for q in ('One and two,', 'Three and four,', 'Five and six,',
                  'Seven and eight,'):
            self.assertIn(q, by_quote)
            r = by_quote[q]
            start = data.index(b'"' + q.encode())
            self.assertEqual(r['start'], start)
            self.assertEqual(r['line'], line_col(data, start)[0], q)

    def test_empty_file(self):
        path = self.write('empty.txt', b'')
        recs, err = self.extract([path])
        self.assertEqual((recs, err), ([], ''))

    def test_blank_only(self):
        for data in (b'\n', b'\n\n\n', b'   \t ', b'\r\n\r\n', b'\xef\xbb\xbf',
                     b'\x00'):
            with self.subTest(data=data):
                # (b'\x00' alone looks binary: -a reads it anyway.)
                recs, err = self.extract(['-a', self.write('blank.txt',
                                                           data)])
                self.assertEqual((recs, err), ([], ''))

    def test_no_final_newline(self):
        data = b'Intro.\n\n"Last line, no newline," she said.'
        recs, err = self.extract([self.write('nonl.txt', data)])
        self.assertEqual(err, '')
        self.assertEqual([r['quote'] for r in recs],
                         ['Last line, no newline,'])

    def test_control_characters_stay_out_of_the_table(self):
        data = (b'"Evil \x1b]0;pwned\x07 and \x1b[2J, \x08\x7f," she '
                b'said.\n')
        path = self.write('esc.txt', data)
        self.extract([path])
        t = run(['-f', 'table', '--color', 'never', path])
        self.assertEqual(t.returncode, 0)
        for c in b'\x1b\x07\x08\x7f':
            self.assertNotIn(bytes([c]), t.stdout)

    def test_binary_files(self):
        rnd = random.Random(5)
        blobs = {
            'random': bytes(rnd.getrandbits(8) for _ in range(300000)),
            'random quotes': bytes(rnd.choice(b'"\'\xe2\x80\x9c\x9d\x98\x99'
                                              b'\n ,.a\x00\xab\xbb')
                                   for _ in range(300000)),
        }
        with open(QUOTH, 'rb') as f:
            blobs['executable'] = f.read(2000000)
        for name, data in blobs.items():
            with self.subTest(name=name):
                path = self.write('blob.bin', data)
                # Binary (NUL bytes in the first 32K): skipped, unless
                # --text says to read it anyway, as below.
                if b'\x00' in data[:32768]:
                    recs, err = self.extract([path], status=2)
                    self.assertEqual((recs, err), ([], f'quoth: {path}: '
                                     'binary file skipped\n'))
                t0 = time.monotonic()
                recs, err = self.extract(['-a', path], timeout=120,
                                         timed=True)
                self.assertLess(time.monotonic() - t0, 60)
                first, count = invalid_utf8(data)
                if count:
                    # (a warning's column counts code points, as SPEC's
                    # positions do: the ELF header holds valid sequences)
                    line, col = line_col(data, first, bytes_col=False)
                    self.assertTrue(err.startswith(
                        f'quoth: {path}:{line}:{col}: invalid UTF-8 '
                        f'replaced by U+FFFD ({count} times)\n'), err)


class TestFiles(Base):
    def test_directory(self):
        good = self.write('good.txt', GOOD)
        recs, err = self.extract([self.tmp, good], status=2)
        self.assertEqual(err, f'quoth: {self.tmp}: Is a directory\n')
        self.assertEqual([r['doc'] for r in recs], [good])

    def test_missing_file(self):
        good = self.write('good.txt', GOOD)
        missing = os.path.join(self.tmp, 'missing.txt')
        recs, err = self.extract([missing, good, missing], status=2)
        self.assertEqual(err, f'quoth: {missing}: No such file or '
                              f'directory\n' * 2)
        self.assertEqual([r['doc'] for r in recs], [good])

    def test_unreadable_file(self):
        good = self.write('good.txt', GOOD)
        secret = self.write('secret.txt', GOOD)
        os.chmod(secret, 0)
        if os.geteuid() != 0:
            recs, err = self.extract([secret, good], status=2)
        else:
            # Root reads anything: drop to nobody for this run.
            os.chmod(self.tmp, 0o755)

            def nobody():
                os.setgroups([])
                os.setgid(65534)
                os.setuid(65534)
            try:
                p = subprocess.run([QUOTH, '-f', 'jsonl', secret, good],
                                   capture_output=True, env=env(),
                                   preexec_fn=nobody, timeout=60)
            except (PermissionError, subprocess.SubprocessError) as e:
                self.skipTest(f'cannot run quoth as nobody: {e}')
            if p.returncode == 126 or b'ermission denied' not in p.stderr:
                self.skipTest('quoth is not runnable as nobody')
            self.assertEqual(p.returncode, 2)
            err = p.stderr.decode()
            recs = jsonl(p.stdout)
        self.assertEqual(err, f'quoth: {secret}: Permission denied\n')
        self.assertEqual([r['doc'] for r in recs], [good])

    def test_closed_stdin(self):
        # A closed descriptor 0 is opened on /dev/null (issue 13, item 2):
        # standard input is then empty, an empty document.
        p = subprocess.run([QUOTH, '-f', 'csv'], stdin=subprocess.DEVNULL,
                           capture_output=True, env=env(), timeout=60,
                           pass_fds=(), close_fds=True,
                           preexec_fn=lambda: os.close(0))
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(p.stderr, b'')
        self.assertEqual(p.stdout, (','.join(CSV_FIELDS) + '\r\n').encode())

    def test_stdin_twice(self):
        # "-" twice: the second read finds the end of input, an empty
        # document, not an error.
        p = run(['-f', 'jsonl', '-', '-'], stdin=GOOD)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(len(p.stdout.splitlines()), 1)

    def test_odd_file_names(self):
        # A name with a newline, a comma, a quote and invalid UTF-8: the
        # doc field stays one valid CSV field and one valid JSON string.
        name = b'odd,"name\n\xff.txt'
        path = os.path.join(self.tmp.encode(), name)
        with open(path, 'wb') as f:
            f.write(GOOD)
        p = subprocess.run([QUOTH.encode(), b'-f', b'csv', path],
                           capture_output=True, env=env(), timeout=60)
        self.assertEqual(p.returncode, 0, p.stderr)
        j = subprocess.run([QUOTH.encode(), b'-f', b'jsonl', path],
                           capture_output=True, env=env(), timeout=60)
        recs = jsonl(j.stdout)
        self.assertEqual(len(recs), 1)
        self.check_csv(p.stdout, recs)
        self.assertEqual(recs[0]['doc'],
                         path.decode('utf-8', 'replace'))


class TestOutput(Base):
    def big(self):
        return self.write('big.txt', GOOD * 20000)

    def test_full_disk_for_every_command(self):
        src = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                           'verify')
        corpus = self.write('c.jsonl', json.dumps(
            {'id': 1, 'text': GOOD.decode()}) + '\n')
        for args in (['speakers', self.big()],
                     ['--input', 'jsonl', '-j', '2', corpus],
                     ['verify', '--source', os.path.join(src, 'transcript.txt'),
                      os.path.join(src, 'draft.txt')],
                     ['--help']):
            with self.subTest(args=args[0]):
                with open('/dev/full', 'wb') as full:
                    p = subprocess.run([QUOTH] + args, stdout=full,
                                       stderr=subprocess.PIPE, env=env(),
                                       timeout=60)
                self.assertEqual(p.returncode, 2)
                self.assertEqual(p.stderr, b'quoth: write error: No space '
                                           b'left on device\n')

    def test_o_into_missing_directory_names_it(self):
        out = os.path.join(self.tmp, 'no', 'such', 'out.csv')
        p = run(['-o', out, self.big()])
        self.assertEqual(p.returncode, 2)
        self.assertEqual(p.stderr, f'quoth: {out}: No such file or '
                                   f'directory\n'.encode())
        self.assertFalse(os.path.exists(os.path.join(self.tmp, 'no')))

    def test_o_failing_half_way_keeps_the_old_file(self):
        big = self.big()
        out = os.path.join(self.tmp, 'out.jsonl')
        with open(out, 'w') as f:
            f.write('old\n')

        def limit():
            resource.setrlimit(resource.RLIMIT_FSIZE, (65536, 65536))
        corpus = self.write('c.jsonl', (json.dumps(
            {'id': 1, 'text': GOOD.decode() * 50}) + '\n') * 200)
        for args in (['-j', '3', big, big], ['--input', 'jsonl', corpus]):
            with self.subTest(args=args):
                p = run(['-f', 'jsonl', '-o', out] + args, preexec_fn=limit)
                self.assertEqual(p.returncode, 2)
                self.assertEqual(p.stderr,
                                 b'quoth: write error: File too large\n')
                with open(out) as f:
                    self.assertEqual(f.read(), 'old\n')
                self.assertEqual(sorted(os.listdir(self.tmp)),
                                 ['big.txt', 'c.jsonl', 'out.jsonl'])

    def test_o_in_read_only_directory(self):
        if os.geteuid() == 0:
            self.skipTest('root writes into read-only directories')
        d = os.path.join(self.tmp, 'ro')
        os.mkdir(d)
        out = os.path.join(d, 'out.csv')
        with open(out, 'w') as f:
            f.write('old\n')
        os.chmod(d, 0o555)
        p = run(['-o', out, self.big()])
        self.assertEqual(p.returncode, 2)
        self.assertIn(b'Permission denied', p.stderr)
        self.assertTrue(p.stderr.startswith(b'quoth: '), p.stderr)
        with open(out) as f:
            self.assertEqual(f.read(), 'old\n')
        self.assertEqual(os.listdir(d), ['out.csv'])

    def test_closed_pipe_through_head(self):
        big = self.big()
        corpus = self.write('c.jsonl', (json.dumps(
            {'id': 1, 'text': GOOD.decode() * 50}) + '\n') * 2000)
        src = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                           'verify')
        verify = ['verify', '--source', os.path.join(src, 'transcript.txt')]
        verify += [os.path.join(src, 'draft.txt')] * 300
        for args, status in (([big], 0), (['-j', '2', big, big], 0),
                             (['speakers', big, big], 0),
                             (['--input', 'jsonl', corpus], 0),
                             (['-f', 'table', big], 0),
                             (verify, 1)):
            with self.subTest(args=args[:2]):
                cmd = ' '.join("'%s'" % a for a in [QUOTH] + args)
                p = subprocess.run(
                    ['bash', '-c', cmd + ' | head -n 1 >/dev/null; '
                     'echo "${PIPESTATUS[0]}" >&2'],
                    capture_output=True, env=env(), timeout=60)
                # No message, and the status the inputs earned (verify:
                # the draft has differences).
                self.assertEqual(p.stderr, b'%d\n' % status)


class TestJSONL(Base):
    def corpus(self, data):
        return self.write('c.jsonl', data)

    def test_malformed_lines(self):
        good = json.dumps({'id': 'ok', 'text': GOOD.decode()}).encode()
        lines = [
            good,                                            # 1
            b'{"id": "raw-bad-utf8", "text": "\xff\xfe"}',  # 2
            b'{"id": "raw-nul", "text": "a\x00b"}',         # 3
            b'[' * 10000 + b']' * 10000,                     # 4
            b'{"id": "dup", "text": "a", "text": 5}',        # 5
            b'{"id": "lone-surrogate", "text": "\\ud800"}', # 6
            b'{"id": 1, "text": "x"} trailing',              # 7
            b'null',                                         # 8
            good,                                            # 9
            b'{"id": "cut", "te',                            # 10, no LF
        ]
        path = self.corpus(b'\n'.join(lines))
        # The raw NUL makes the corpus look binary: skipped whole, unless
        # -a reads it anyway, a malformed line at a time.
        p = run(['--input', 'jsonl', path])
        self.assertEqual((p.returncode, p.stdout.count(b'\n'), p.stderr),
                         (2, 1, f'quoth: {path}: binary file skipped\n'
                          .encode()))
        recs, err = self.extract(['-a', '--input', 'jsonl', path], status=2)
        self.assertEqual([r['doc'] for r in recs], ['ok', 'ok'])
        err = err.splitlines()
        # Every malformed line is named once, by its line number.
        bad = [2, 3, 4, 5, 6, 7, 8, 10]
        self.assertEqual(len(err), len(bad), err)
        for n, msg in zip(bad, err):
            self.assertTrue(msg.startswith(f'quoth: {path}:{n}:'), msg)

    def test_bom_first_line(self):
        path = self.corpus(b'\xef\xbb\xbf' + json.dumps(
            {'id': 'a', 'text': GOOD.decode()}).encode() + b'\r\n')
        recs, err = self.extract(['--input', 'jsonl', path])
        self.assertEqual(err, '')
        self.assertEqual([r['doc'] for r in recs], ['a'])

    def test_hostile_text_fields(self):
        texts = [
            '"NUL \u0000 here," she said.',
            '"Tab\there, comma, ""quotes"", CR\r LF\n," she said.',
            '=cmd|\' /C calc\'!A0 "+SUM(1)," she said. "-1," he said. '
            '"@x," Ana Ruiz said.',
            '\u201c' * 5000 + ' "' * 5000,
            '"\u202eRTL override \u2066isolate\u2069," she said.',
            '\ufeff"BOM inside JSON," she said.',
        ]
        path = self.corpus('\n'.join(json.dumps({'id': i, 'text': t})
                                     for i, t in enumerate(texts)) + '\n')
        for extra in ([], ['--excel'], ['-j', '3']):
            with self.subTest(extra=extra):
                args = ['--input', 'jsonl'] + extra + [path]
                j = run(['-f', 'jsonl'] + args)
                recs = jsonl(j.stdout)
                c = run(['-f', 'csv'] + args)
                self.assertEqual(c.returncode, 0, c.stderr)
                out = c.stdout
                if extra == ['--excel']:
                    self.assertTrue(out.startswith(b'\xef\xbb\xbf'))
                    out = out[3:]
                    rows = list(csv.reader(io.StringIO(out.decode(),
                                                       newline='')))
                    for row in rows[1:]:
                        for cell in row:
                            self.assertFalse(cell[:1] in ('=', '+', '-', '@')
                                             and not cell.lstrip('-')
                                             .isdigit(), row)
                    self.assertEqual(len(rows) - 1, len(recs))
                else:
                    self.check_csv(out, recs)

    def test_50mb_line(self):
        size = (10 if SANITIZED else 50) * 1000 * 1000
        unit = ('The council met on Tuesday. ' * 20 +
                '"We cannot wait," Mayor Ana Ruiz told reporters. ')
        text = (unit * (size // len(unit) + 1))[:size]
        good = json.dumps({'id': 'small', 'text': GOOD.decode()})
        path = self.corpus(json.dumps({'id': 'huge', 'text': text}) + '\n' +
                           '{"id": "cut", "text": "' + text[:size // 2] +
                           '\n' + good + '\n')
        t0 = time.monotonic()
        p = subprocess.run([QUOTH, '--input', 'jsonl', '-f', 'jsonl', path],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           env=env(timed=True), timeout=120)
        elapsed = time.monotonic() - t0
        self.assertEqual(p.returncode, 2)
        docs = [r['doc'] for r in jsonl(p.stdout)]
        self.assertGreater(docs.count('huge'), 1000)
        self.assertEqual(docs[-1], 'small')
        self.assertNotIn('cut', docs)
        err = p.stderr.decode().splitlines()
        self.assertEqual(len(err), 1, err)
        self.assertTrue(err[0].startswith(f'quoth: {path}:2:'), err)
        self.assertLess(elapsed, 60)


class TestLimits(Base):
    def test_max_doc_bytes(self):
        data = GOOD * 100
        path = self.write('doc.txt', data)
        good = self.write('good.txt', GOOD)
        recs, err = self.extract(['--max-doc-bytes', '1K', path, good],
                                 status=2)
        self.assertEqual(err, f'quoth: {path}: document larger than 1024 '
                              f'bytes (see --max-doc-bytes)\n')
        self.assertEqual([r['doc'] for r in recs], [good])
        # Standard input has no size to check first: read, then refused.
        p = run(['--max-doc-bytes', '1K'], stdin=data)
        self.assertEqual(p.returncode, 2)
        self.assertEqual(p.stderr, b'quoth: -: document larger than 1024 '
                                   b'bytes (see --max-doc-bytes)\n')
        # A corpus line: named by file and line, the others still done.
        lines = [json.dumps({'id': i, 'text': (GOOD * (1 + 99 * (i == 1)))
                             .decode()}) for i in range(3)]
        corpus = self.write('c.jsonl', '\n'.join(lines) + '\n')
        recs, err = self.extract(['--input', 'jsonl', '--max-doc-bytes', '1K',
                                  corpus], status=2)
        self.assertTrue(err.startswith(f'quoth: {corpus}:2: '), err)
        self.assertIn('1024', err)
        self.assertEqual(len(err.splitlines()), 1)
        self.assertEqual([r['doc'] for r in recs], [0, 2])

    def test_endless_stream_stops_at_the_limit(self):
        # /dev/zero never ends: quoth stops one byte past --max-doc-bytes
        # and never holds more than that, so 112 MiB of address space is
        # enough for a 64M limit (a buffer doubling past it needs 192).
        # (A sanitizer reserves terabytes of address space: no limit then.)
        def limit():
            if not SANITIZED:
                resource.setrlimit(resource.RLIMIT_AS,
                                   (112 << 20, 112 << 20))
        p = run(['--max-doc-bytes', '64M', '/dev/zero'], stdin=None,
                preexec_fn=limit)
        self.assertEqual(p.returncode, 2)
        self.assertEqual(p.stderr, b'quoth: /dev/zero: document larger than '
                                   b'67108864 bytes (see --max-doc-bytes)\n')

    def test_verify_limits_sources_and_articles(self):
        src = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                           'verify')
        draft = os.path.join(src, 'draft.txt')
        p = run(['verify', '--max-doc-bytes', '1M', '--source', '/dev/zero',
                 '--source', os.path.join(src, 'transcript.txt'), draft])
        self.assertEqual(p.returncode, 2)
        self.assertEqual(p.stderr, b'quoth: /dev/zero: document larger than '
                                   b'1048576 bytes (see --max-doc-bytes)\n')
        self.assertTrue(p.stdout)  # the other source still served
        p = run(['verify', '--max-doc-bytes', '10', '--source', draft, draft])
        self.assertEqual(p.returncode, 2)
        self.assertEqual(p.stderr.decode().splitlines(), [
            f'quoth: {draft}: document larger than 10 bytes (see '
            f'--max-doc-bytes)',
            'quoth: no source could be read: nothing to verify against'])

    def test_max_quote_bytes_is_reported(self):
        text = ('Intro.\n\n"' + 'A long paragraph of speech goes on. ' * 20 +
                '\n\n"' + 'And on. ' * 20 + '," she said.\n')
        path = self.write('long.txt', text)
        recs, err = self.extract(['--max-quote-bytes', '100', path])
        self.assertRegex(err, r'^quoth: %s:\d+:\d+: quote longer than 100 '
                              r'bytes .*--max-quote-bytes.*\n$'
                         % re.escape(path))
        self.assertTrue(any(len(r['quote'].encode()) > 100 for r in recs))

    def test_depth_is_reported(self):
        depth = 10000
        marks = ['"', "'"]
        opens = ''.join(marks[i % 2] + f'w{i} ' for i in range(depth))
        closes = ''.join(marks[i % 2] for i in reversed(range(depth)))
        path = self.write('deep.txt', 'Intro.\n\n' + opens + closes +
                          ' she said.\n')
        t0 = time.monotonic()
        recs, err = self.extract([path], timed=True)
        self.assertLess(time.monotonic() - t0, 20)
        # (The whole nest is also longer than the quote limit.)
        self.assertRegex(err, r'(?m)^quoth: %s:3:\d+: quote marks nested '
                              r'deeper than 8 levels treated as text '
                              r'\(\d+ times\)$' % re.escape(path))
        for line in err.splitlines():
            self.assertTrue(line.startswith(f'quoth: {path}:3:'), line)

    def test_unmatched_quote_marks(self):
        n = 100000
        cases = {
            'straight': '"' * n,
            'spaced': '" word ' * n,
            'curly openers': '\u201c' * n + '\n',
            'sentences': 'He said "yes. ' * n,
            'paragraphs': '"a\n\n' * n,
            'guillemets': '\u00ab ' * n + '\u00bb' * 10,
            'singles': "'tis o' ' " * n,
        }
        for name, text in cases.items():
            with self.subTest(name=name):
                path = self.write('unmatched.txt', text)
                t0 = time.monotonic()
                recs, err = self.extract([path], timeout=120, timed=True)
                self.assertLess(time.monotonic() - t0, 20, name)
                for line in err.splitlines():
                    self.assertTrue(line.startswith(f'quoth: {path}:'),
                                    line)


class TestManySpeakers(Base):
    def test_speakers_summary_stays_linear(self):
        # 50k different people quoted once each: the per-speaker summary
        # must not search its table once per quote.
        n = 50000
        text = ''.join('"Quote number %d here," Name%dson Smith%d said.\n\n'
                       % (i, i, i) for i in range(n))
        path = self.write('many.txt', text)
        r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        p = run(['speakers', '-f', 'csv', path], timeout=120, timed=True)
        r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        self.assertEqual(p.returncode, 0, p.stderr)
        rows = list(csv.reader(io.StringIO(p.stdout.decode(), newline='')))
        self.assertEqual(len(rows), n + 1)
        self.assertEqual(rows[1][1], 'Name0son Smith0')
        cpu = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
        self.assertLess(cpu, 20 if SANITIZED else 6)


class TestHuge(Base):
    """A document with no line break at all: every stage must stay linear
    (SPEC: a 100 MB line).  Timed against a tenth of it."""

    def make(self, size):
        unit = ('The council met again on Tuesday and voted on the harbour '
                'wall. ' * 40 + '"We cannot wait for the next storm," '
                'Mayor Ana Ruiz told reporters. ')
        data = (unit * (size // len(unit) + 1))[:size].encode()
        return self.write('huge%d.txt' % size, data)

    def timed(self, path, timeout):
        """CPU seconds (user + system) of one run: on a loaded machine
        wall-clock time says more about the neighbours than about us."""
        r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        p = subprocess.run([QUOTH, '-f', 'csv', path],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           env=env(timed=True), timeout=timeout)
        r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        elapsed = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
        self.assertEqual(p.returncode, 0, p.stderr[:500])
        self.assertEqual(p.stderr, b'')
        rows = p.stdout.count(b'\r\n')
        return elapsed, rows

    def test_100mb_without_newline_is_linear(self):
        big = (20 if SANITIZED else 100) * 1000 * 1000
        small = self.make(big // 10)
        t_small, rows_small = self.timed(small, 60)
        self.assertLess(t_small, 20, 'a tenth of the input took %.1fs: '
                        'not linear' % t_small)
        os.unlink(small)
        t_big, rows_big = self.timed(self.make(big), 150)
        ratio = t_big / max(t_small, 0.01)
        sys.stderr.write('\n%d MB: %.2fs, %d MB: %.2fs CPU, ratio %.1f\n'
                         % (big // 10 ** 7, t_small, big // 10 ** 6, t_big,
                            ratio))
        self.assertGreater(rows_big, 9 * rows_small)
        # Linear is 10; quadratic would be 100.
        self.assertLess(ratio, 25)


class TestIssue13(Base):
    """Issue 13, one row per item: each row failed before its fix."""

    def test_01_corpus_line_beyond_memory_or_limit(self):
        # A line too big for memory was taken for the end of the corpus:
        # the articles after it vanished, with status 0 and no message.
        small = [json.dumps({'id': i, 'text': GOOD.decode()})
                 for i in ('one', 'three')]
        size = 150 * 1000 * 1000
        path = os.path.join(self.tmp, 'big.jsonl')
        with open(path, 'wb') as f:
            f.write(small[0].encode() + b'\n{"id": "two", "text": "')
            chunk = b'w' * 1000000
            for _ in range(size // len(chunk)):
                f.write(chunk)
            f.write(b'"}\n' + small[1].encode() + b'\n')

        def limit():
            # Less than the 256 MB a doubling line buffer would want.
            resource.setrlimit(resource.RLIMIT_AS, (200 << 20, 200 << 20))
        if not SANITIZED:
            p = run(['--input', 'jsonl', '-f', 'jsonl', path], stdin=None,
                    preexec_fn=limit, timed=True, timeout=120)
            self.assertEqual(p.returncode, 2)
            self.assertEqual([r['doc'] for r in jsonl(p.stdout)],
                             ['one', 'three'])
            self.assertEqual(p.stderr.decode(), f'quoth: {path}:2: out of '
                             f'memory for a line of {size + 25} bytes: '
                             f'skipped (see --max-doc-bytes)\n')
        # --max-doc-bytes skips the line while reading it: 16 MB of
        # address space over quoth's own is plenty for a 1M limit.
        base = 0 if SANITIZED else self.address_space()

        def small_limit():
            if not SANITIZED:
                resource.setrlimit(resource.RLIMIT_AS,
                                   (base + (16 << 20), base + (16 << 20)))
        p = run(['--input', 'jsonl', '--max-doc-bytes', '1M', '-f', 'jsonl',
                 path], stdin=None, preexec_fn=small_limit, timed=True,
                timeout=120)
        self.assertEqual(p.returncode, 2)
        self.assertEqual([r['doc'] for r in jsonl(p.stdout)],
                         ['one', 'three'])
        self.assertEqual(p.stderr.decode(), f'quoth: {path}:2: line longer '
                         f'than 1048576 bytes skipped (see '
                         f'--max-doc-bytes)\n')
        # A read error is an error, never the end of the corpus.
        p = run(['--input', 'jsonl', self.tmp])
        self.assertEqual(p.returncode, 2)
        self.assertEqual(p.stderr.decode(), f'quoth: {self.tmp}:1: read '
                         f'error: Is a directory\n')

    def address_space(self):
        """quoth's address space on a small input, in bytes (VmPeak)."""
        proc = subprocess.Popen([QUOTH], stdin=subprocess.PIPE,
                                stdout=subprocess.DEVNULL, env=env())
        try:
            deadline = time.monotonic() + 30
            peak = 0
            while time.monotonic() < deadline and not peak:
                with open(f'/proc/{proc.pid}/status') as f:
                    for line in f:
                        if line.startswith('VmPeak:'):
                            peak = int(line.split()[1]) * 1024
                time.sleep(0.05)
        finally:
            proc.stdin.close()
            proc.wait(30)
        return peak + (32 << 20)  # and room for the extractor's data

    def test_02_closed_std_descriptors(self):
        # With stderr closed, -o's temporary file became descriptor 2 and
        # collected the warnings; with stdin closed, descriptor 0.
        bad = self.write('bad.txt', b'"Caf\xe9 at noon," she said.\n')
        out = os.path.join(self.tmp, 'out.jsonl')
        p = subprocess.run([QUOTH, '-f', 'jsonl', '-o', out, bad],
                           stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                           env=env(), timeout=60,
                           preexec_fn=lambda: os.close(2))
        self.assertEqual(p.returncode, 0)
        with open(out, 'rb') as f:
            recs = jsonl(f.read())
        self.assertEqual([r['quote'] for r in recs], ['Caf\ufffd at noon,'])
        out = os.path.join(self.tmp, 'out.csv')
        p = subprocess.run([QUOTH, '-o', out], capture_output=True,
                           env=env(), timeout=60,
                           preexec_fn=lambda: os.close(0))
        self.assertEqual((p.returncode, p.stderr), (0, b''))
        with open(out, 'rb') as f:
            self.assertEqual(f.read(),
                             (','.join(CSV_FIELDS) + '\r\n').encode())
        self.assertEqual(sorted(os.listdir(self.tmp)),
                         ['bad.txt', 'out.csv', 'out.jsonl'])

    def test_03_o_untouched_when_no_input_was_processed(self):
        out = self.write('out.csv', 'good old output\n')
        missing = os.path.join(self.tmp, 'missing.txt')
        p = run(['-o', out, missing])
        self.assertEqual(p.returncode, 2)
        self.assertEqual(p.stderr.decode(), f'quoth: {missing}: No such file '
                         f'or directory\nquoth: {out}: left untouched: no '
                         f'input was processed\n')
        with open(out) as f:
            self.assertEqual(f.read(), 'good old output\n')
        self.assertEqual(sorted(os.listdir(self.tmp)), ['out.csv'])
        # A corpus whose every line is malformed processed nothing either.
        bad = self.write('bad.jsonl', '{oops\n[1]\n')
        p = run(['--input', 'jsonl', '-o', out, bad])
        self.assertEqual(p.returncode, 2)
        with open(out) as f:
            self.assertEqual(f.read(), 'good old output\n')
        # One input processed: replaced, though another failed.
        good = self.write('good.txt', GOOD)
        p = run(['-o', out, missing, good])
        self.assertEqual(p.returncode, 2)
        with open(out, 'rb') as f:
            self.assertEqual(f.read(), run(['-f', 'csv', good]).stdout)
        # An empty corpus is an input processed: it has no articles.
        empty = self.write('empty.jsonl', '\n')
        p = run(['--input', 'jsonl', '-o', out, empty])
        self.assertEqual((p.returncode, p.stderr), (0, b''))
        with open(out) as f:
            self.assertEqual(f.read(), ','.join(CSV_FIELDS) + '\n')

    def test_03_o_message_names_file_as_given(self):
        # "left untouched" names -o as the user typed it, not the path
        # with its directory and symlinks resolved.
        os.mkdir(os.path.join(self.tmp, 'real'))
        os.symlink('real', os.path.join(self.tmp, 'link'))
        out = self.write('real/out.csv', 'good old output\n')
        p = run(['-o', 'link/out.csv', 'missing.txt'], cwd=self.tmp)
        self.assertEqual(p.returncode, 2)
        self.assertEqual(p.stderr.decode(), 'quoth: missing.txt: No such '
                         'file or directory\nquoth: link/out.csv: left '
                         'untouched: no input was processed\n')
        with open(out) as f:
            self.assertEqual(f.read(), 'good old output\n')

    def test_03_verify_o_follows_the_same_rule(self):
        src = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                           'verify', 'transcript.txt')
        draft = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                             'verify', 'clean-draft.txt')
        out = self.write('out.csv', 'good old output\n')
        # No input processed: untouched, exit 2, said with -o as given.
        p = run(['verify', '--source', src, '-o', 'out.csv', 'missing.txt'],
                cwd=self.tmp)
        self.assertEqual(p.returncode, 2)
        self.assertEqual(p.stderr.decode(), 'quoth: missing.txt: No such '
                         'file or directory\nquoth: out.csv: left '
                         'untouched: no input was processed\n')
        with open(out) as f:
            self.assertEqual(f.read(), 'good old output\n')
        self.assertEqual(sorted(os.listdir(self.tmp)), ['out.csv'])
        # One input processed: replaced, though another failed.
        want = run(['verify', '--source', src, '-f', 'csv', draft])
        p = run(['verify', '--source', src, '-o', 'out.csv', 'missing.txt',
                 draft], cwd=self.tmp)
        self.assertEqual(p.returncode, 2)
        with open(out, 'rb') as f:
            self.assertEqual(f.read(), want.stdout)
        self.assertEqual(sorted(os.listdir(self.tmp)), ['out.csv'])

    def test_04_o_follows_symlinks(self):
        good = self.write('good.txt', GOOD)
        want = run(['-f', 'csv', good]).stdout
        sub = os.path.join(self.tmp, 'sub')
        os.mkdir(sub)
        # A dangling link: its target is created, the link stays.
        link = os.path.join(self.tmp, 'dangling.csv')
        os.symlink('sub/target.csv', link)
        p = run(['-o', link, good])
        self.assertEqual((p.returncode, p.stderr), (0, b''))
        self.assertTrue(os.path.islink(link))
        with open(os.path.join(sub, 'target.csv'), 'rb') as f:
            self.assertEqual(f.read(), want)
        # A chain of links to a file elsewhere: the file is replaced in
        # its own directory, nothing is left beside the links.
        chain = os.path.join(self.tmp, 'chain.csv')
        os.symlink('dangling.csv', chain)
        with open(os.path.join(sub, 'target.csv'), 'w') as f:
            f.write('old\n')
        p = run(['-f', 'jsonl', '-o', chain, good])
        self.assertEqual((p.returncode, p.stderr), (0, b''))
        self.assertTrue(os.path.islink(chain) and os.path.islink(link))
        with open(os.path.join(sub, 'target.csv'), 'rb') as f:
            self.assertEqual(f.read(), run(['-f', 'jsonl', good]).stdout)
        self.assertEqual(os.listdir(sub), ['target.csv'])
        # A loop is an error, and the links stay as they were.
        a, b = (os.path.join(self.tmp, n) for n in ('a.csv', 'b.csv'))
        os.symlink('b.csv', a)
        os.symlink('a.csv', b)
        p = run(['-o', a, good])
        self.assertEqual(p.returncode, 2)
        self.assertEqual(p.stderr.decode(), f'quoth: {a}: Too many levels '
                         f'of symbolic links\n')
        self.assertEqual((os.readlink(a), os.readlink(b)), ('b.csv', 'a.csv'))
        self.assertEqual(sorted(os.listdir(self.tmp)),
                         ['a.csv', 'b.csv', 'chain.csv', 'dangling.csv',
                          'good.txt', 'sub'])

    def test_05_o_long_names_and_every_ending_signal(self):
        good = self.write('good.txt', GOOD)
        for n in (248, 255):
            with self.subTest(length=n):
                out = os.path.join(self.tmp, 'q' * (n - 4) + '.csv')
                p = run(['-o', out, good])
                self.assertEqual((p.returncode, p.stderr), (0, b''))
                os.unlink(out)
        out = self.write('out.csv', 'old\n')

        sigs = (signal.SIGQUIT, signal.SIGUSR1, signal.SIGUSR2,
                signal.SIGALRM, signal.SIGXCPU, signal.SIGVTALRM,
                signal.SIGHUP, signal.SIGTERM, signal.SIGXFSZ)

        def no_core():
            resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
            # quoth leaves a signal ignored if it was ignored when it
            # started (a shell's background job ignores SIGQUIT, nohup
            # SIGHUP): start it with each signal's default action
            for s in sigs:
                signal.signal(s, signal.SIG_DFL)
        for sig in sigs:
            with self.subTest(signal=sig.name):
                proc = subprocess.Popen([QUOTH, '-o', out], env=env(),
                                        stdin=subprocess.PIPE,
                                        stderr=subprocess.PIPE,
                                        preexec_fn=no_core, cwd=self.tmp)
                deadline = time.monotonic() + 30
                while (time.monotonic() < deadline and
                       len(os.listdir(self.tmp)) < 3):
                    time.sleep(0.01)
                self.assertEqual(len(os.listdir(self.tmp)), 3)
                proc.send_signal(sig)
                if sig == signal.SIGXFSZ:
                    # Ignored (a file size limit is a write error): the
                    # run goes on and commits.
                    time.sleep(0.2)
                    proc.stdin.write(GOOD)
                proc.stdin.close()
                proc.wait(30)
                proc.stderr.close()
                self.assertEqual(sorted(os.listdir(self.tmp)),
                                 ['good.txt', 'out.csv'])
                if sig == signal.SIGXFSZ:
                    self.assertEqual(proc.returncode, 0)
                    with open(out, 'rb') as f:
                        self.assertEqual(f.read(),
                                         run(['-f', 'csv'], GOOD).stdout)
                    with open(out, 'w') as f:
                        f.write('old\n')
                else:
                    self.assertEqual(proc.returncode, -sig)
                    with open(out) as f:
                        self.assertEqual(f.read(), 'old\n')

    def test_07_excel_tsv_cell_behind_a_quote_mark(self):
        # A TSV import unquotes "=cmd|..." into the formula =cmd|... .
        path = self.write('x.txt', '"=cmd|\' /C calc\'!A0 is here," she '
                                   'said.\n\n"+1 and -2," he said.\n')
        p = run(['--excel', '-f', 'tsv', path])
        self.assertEqual((p.returncode, p.stderr), (0, b''))
        rows = [line.split('\t') for line in
                p.stdout.decode('utf-8-sig').splitlines()[1:]]
        self.assertEqual(len(rows), 2)
        for row in rows:
            for cell in row:
                self.assertNotIn(cell.lstrip('"')[:1], ('=', '+', '-', '@'),
                                 row)
        self.assertTrue(rows[0][CSV_FIELDS.index('context')]
                        .startswith('\'"=cmd'), rows[0])

    def test_10_jsonl_ids_with_nul_and_huge_numbers(self):
        lines = [json.dumps({'id': 'a\0b', 'text': GOOD.decode()}),
                 json.dumps({'id': 'a\0c', 'text': GOOD.decode()}),
                 '{"id": 18446744073709551616, "text": "x"}']
        path = self.write('ids.jsonl', '\n'.join(lines) + '\n')
        recs, err = self.extract(['--input', 'jsonl', path], status=2)
        self.assertEqual([r['doc'] for r in recs], ['a\0b', 'a\0c'])
        self.assertEqual(err, f'quoth: {path}:3:27: invalid JSON: too big '
                              f'integer near \'18446744073709551616\'\n')
        p = run(['--input', 'jsonl', '-f', 'tsv', path])
        self.assertEqual([line.split(b'\t')[0] for line in
                          p.stdout.splitlines()[1:]], [b'a\0b', b'a\0c'])
        p = run(['speakers', '--input', 'jsonl', '-f', 'jsonl', path])
        self.assertEqual([r['doc'] for r in jsonl(p.stdout)],
                         ['a\0b', 'a\0c'])

    def test_14_binary_and_utf16_input(self):
        good = self.write('good.txt', GOOD)
        text = '"Bonjour, tout le monde," she said.\n'
        le = self.write('le.txt', b'\xff\xfe' + text.encode('utf-16-le'))
        be = self.write('be.txt', b'\xfe\xff' + text.encode('utf-16-be'))
        with open(QUOTH, 'rb') as f:
            exe = self.write('exe', f.read(100000))
        recs, err = self.extract([le, exe, be, good], status=2)
        self.assertEqual([r['doc'] for r in recs], [good])
        u16 = 'UTF-16 input: convert it with iconv -f UTF-16 -t UTF-8'
        self.assertEqual(err, f'quoth: {le}: {u16}\n'
                              f'quoth: {exe}: binary file skipped\n'
                              f'quoth: {be}: {u16}\n')
        self.extract(['--text', le])  # read anyway: status 0
        # A corpus too: /dev/zero ends with a message at once.
        p = run(['--input', 'jsonl', '/dev/zero'], stdin=None, timeout=20)
        self.assertEqual((p.returncode, p.stderr),
                         (2, b'quoth: /dev/zero: binary file skipped\n'))
        corpus = self.write('u16.jsonl', b'\xff\xfe' + json.dumps(
            {'id': 1, 'text': text}).encode('utf-16-le'))
        p = run(['--input', 'jsonl', corpus, '-'],
                stdin=(json.dumps({'id': 2, 'text': text}) + '\n').encode())
        self.assertEqual(p.returncode, 2)
        self.assertEqual(p.stderr.decode(), f'quoth: {corpus}: {u16}\n')
        self.assertEqual(p.stdout.count(b'\r\n'), 2)  # header + id 2

    def test_15_data_dir_must_exist(self):
        good = self.write('good.txt', GOOD)
        missing = os.path.join(self.tmp, 'nonexistent')
        p = run(['--data-dir', missing, good])
        self.assertEqual((p.returncode, p.stdout), (2, b''))
        self.assertEqual(p.stderr.decode(), f'quoth: --data-dir {missing}: '
                         f'No such file or directory\n')
        # DIR without DIR/LANG: the built-in data would be used silently.
        os.mkdir(missing)
        p = run(['--data-dir', missing, good])
        self.assertEqual(p.returncode, 2)
        self.assertEqual(p.stderr.decode(), f'quoth: --data-dir {missing}/en: '
                         f'No such file or directory\n')
        os.mkdir(os.path.join(missing, 'en'))
        p = run(['--data-dir', missing, good])
        self.assertEqual((p.returncode, p.stderr), (0, b''))

    def test_16_terminal_stdin_help_and_formats(self):
        pid, fd = pty.fork()
        if pid == 0:
            os.execve(QUOTH, [QUOTH, '-f', 'csv'], env())
        out = b''
        deadline = time.monotonic() + 30
        while b'reading standard input' not in out and \
                time.monotonic() < deadline:
            r, _, _ = select.select([fd], [], [], 1)
            if r:
                out += os.read(fd, 4096)
        os.write(fd, b'\x04')  # Ctrl-D
        try:
            while True:
                r, _, _ = select.select([fd], [], [], 10)
                if not r:
                    break
                out += os.read(fd, 4096)
        except OSError:
            pass
        _, status = os.waitpid(pid, 0)
        os.close(fd)
        self.assertEqual(os.waitstatus_to_exitcode(status), 0)
        self.assertIn(b'quoth: reading standard input (Ctrl-D ends it; '
                      b'quoth --help for usage)', out)
        # Not on a pipe.
        self.assertEqual(run(['-f', 'csv'], GOOD).stderr, b'')
        p = run(['speakers', '--help'])
        self.assertEqual(p.returncode, 0)
        self.assertTrue(p.stdout.startswith(b'Usage: quoth speakers '),
                        p.stdout[:100])
        p = run(['-f', 'xml'])
        self.assertEqual(p.returncode, 2)
        self.assertEqual(p.stderr, b"quoth: invalid -f 'xml' (expected "
                                   b"table, csv, tsv, jsonl or html)\nTry "
                                   b"'quoth --help' for more information.\n")

    def test_17_readme_setup_works_as_root_and_as_user(self):
        root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        with open(os.path.join(root, 'README.md')) as f:
            readme = f.read()
        m = re.search(r'^## Build, run and test\n(?:.*\n)*?\n    (.*)\n',
                      readme, re.M)
        self.assertTrue(m, 'no set-up command')
        line = m.group(1)
        self.assertFalse(line.startswith('sudo '), line)
        self.assertEqual(line.count('\n'), 0)
        # Everything before the first apt-get, then show what runs it:
        # nothing as root, sudo otherwise; on a PATH without sudo.
        prefix = line[:line.index('apt-get')]
        run_as = prefix[prefix.rindex(';') + 1:].strip()
        sh = prefix[:prefix.rindex(';') + 1] + f' echo "[{run_as}]"'
        p = subprocess.run(['sh', '-c', sh], capture_output=True,
                           env={'PATH': '/usr/bin:/bin'}, timeout=30)
        want = '[]' if os.geteuid() == 0 else '[sudo]'
        self.assertEqual((p.stdout.decode().strip(), p.stderr), (want, b''))


if __name__ == '__main__':
    QUOTH = os.path.abspath(sys.argv.pop(1))
    with open(QUOTH, 'rb') as f:
        exe = f.read()
    SANITIZED = b'__asan_init' in exe or b'__tsan_init' in exe
    unittest.main(verbosity=2)
