#!/usr/bin/env python3
"""Behaviour of the quoth command line (SPEC "Command line", "Output fields",
"Exit status and messages"): formats parsed back, exit statuses, messages,
atomic -o, several inputs, JSON Lines corpora, threads, closed pipes.

    test_cli.py QUOTH [unittest options]

These tests check what the CLI does with whatever the library extracts;
where they need quotes they use text whose quotes are not in doubt.
"""

import csv
import io
import json
import os
import pty
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
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

FIELDS = ['doc', 'n', 'type', 'speaker', 'title', 'gender', 'gender_source',
          'kind', 'mention', 'cue', 'quote', 'start', 'end', 'parts', 'verbatim', 'mention_start',
          'mention_end', 'cue_start', 'cue_end', 'paragraph', 'line',
          'context', 'rule']
CSV_FIELDS = [f for f in FIELDS if f not in ('parts', 'verbatim')]
SPEAKER_FIELDS = ['doc', 'speaker', 'title', 'gender', 'gender_source',
                  'kind', 'direct', 'mixed', 'indirect', 'partial', 'words', 'first_paragraph']

# Quotes beyond doubt: a plain direct quote, one with a comma and doubled
# inner quotes for CSV, a split quote, and an indirect statement.
ARTICLE = (
    '"We will rebuild the pier, and we will do it this year," Mayor Ana '
    'Ruiz told reporters on Monday.\n'
    '\n'
    '"The money is there," she said, "and so is the will."\n'
    '\n'
    'Ruiz said the work would start in May.\n'
    '\n'
    '"He called it \'a \"fair\" deal\' on the radio," said Tom Baker, '
    'a councillor.\n'
)


def run(args, stdin=b'', env=None, cwd=None, **kw):
    full_env = dict(os.environ, LC_ALL='C.UTF-8')
    full_env.pop('NO_COLOR', None)
    full_env.pop('COLUMNS', None)
    if env:
        full_env.update(env)
    return subprocess.run([QUOTH] + args, input=stdin, capture_output=True,
                          env=full_env, cwd=cwd, timeout=120, **kw)


def jsonl(out):
    return [json.loads(line) for line in out.decode('utf-8').splitlines()]


class Base(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix='quoth-test-')

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def write(self, name, data):
        path = os.path.join(self.tmp, name)
        with open(path, 'wb') as f:
            f.write(data.encode('utf-8') if isinstance(data, str) else data)
        return path

    def article(self, name='a.txt', text=ARTICLE):
        return self.write(name, text)

    def ok(self, args, **kw):
        p = run(args, **kw)
        self.assertEqual(p.returncode, 0, p.stderr.decode('utf-8', 'replace'))
        return p


class TestUsage(Base):
    def test_version(self):
        # the one version string is project() in meson.build
        with open(os.path.join(ROOT, 'meson.build'), encoding='utf-8') as f:
            want = re.search(r"version : '([^']+)'", f.read()).group(1)
        p = self.ok(['--version'])
        self.assertEqual(p.stdout, ('quoth %s\n' % want).encode())

    def test_help_lists_every_option(self):
        p = self.ok(['--help'])
        text = p.stdout.decode()
        for opt in ('--format', '--output', '--input', '--id-field',
                    '--text-field', '--jobs', '--lang', '--data-dir',
                    '--types', '--strict-utf8', '--excel', '--color',
                    '--max-quote-bytes', '--max-doc-bytes', '--max-depth',
                    '--text', '--help',
                    '--version', 'speakers', 'verify'):
            self.assertIn(opt, text)
        self.assertEqual(p.stderr, b'')

    def test_usage_errors_exit_2(self):
        for args, msg in (
                (['--bogus'], b"quoth: unknown option '--bogus'"),
                (['-x'], b"quoth: unknown option '-x'"),
                (['-f'], b"quoth: option '-f' needs a value"),
                (['-f', 'xml'], b"quoth: invalid -f 'xml'"),
                (['--format=yaml'], b"quoth: invalid --format 'yaml'"),
                (['--input', 'xml'], b"quoth: invalid --input 'xml'"),
                (['-j', '-1'], b"quoth: invalid -j '-1'"),
                (['-j', 'two'], b"quoth: invalid -j 'two'"),
                (['--types', 'direct,quoted'], b"quoth: invalid --types"),
                (['--types', ''], b"quoth: invalid --types"),
                (['--color', 'sometimes'], b"quoth: invalid --color"),
                (['--max-doc-bytes', '0'], b"quoth: invalid --max-doc-bytes"),
                (['--max-quote-bytes', '12Q'],
                 b"quoth: invalid --max-quote-bytes"),
                (['--max-depth', '0'], b"quoth: invalid --max-depth '0'"),
                (['--max-depth', '2000'], b"quoth: invalid --max-depth"),
                (['speakers', '--nope'], b"quoth: unknown option '--nope'")):
            with self.subTest(args=args):
                p = run(args)
                self.assertEqual(p.returncode, 2)
                self.assertTrue(p.stderr.startswith(msg), p.stderr)
                self.assertIn(b"--help' for more information", p.stderr)
                self.assertEqual(p.stdout, b'')

    def test_max_depth_and_warning_columns(self):
        # marks nested deeper than --max-depth are text, with a warning
        # whose column counts characters, as the --strict-utf8 error's
        src = self.write('deep.txt', '\u00e9\u00e9 "a \u2018b \u201cc \u2018d '
                         '\u201ce\u2019 f\u201d g\u2019 h\u201d i"\n')
        p = run(['--max-depth', '2', '-f', 'csv', src])
        self.assertEqual(p.returncode, 0)
        self.assertIn(b'nested deeper than 2 levels', p.stderr)
        bad = self.write('col.txt', b'\xc3\xa9\xc3\xa9 \xc0 x\n')
        warn = run(['-f', 'csv', bad]).stderr
        strict = run(['--strict-utf8', '-f', 'csv', bad]).stderr
        self.assertIn(b':1:4: ', warn)
        self.assertIn(b':1:4: ', strict)

    def test_html_page(self):
        # the page itself is checked by tests/test_html.py
        p = run(['-f', 'html', self.article()])
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertTrue(p.stdout.startswith(b'<!DOCTYPE html>'))
        self.assertTrue(p.stdout.endswith(b'</html>\n'))
        p = run(['-f', 'xml', self.article()])
        self.assertEqual(p.returncode, 2)
        self.assertIn(b'jsonl or html', p.stderr)

    def test_unknown_language(self):
        p = run(['--lang', 'xx', self.article()])
        self.assertEqual(p.returncode, 2)
        self.assertTrue(p.stderr.startswith(b'quoth: '), p.stderr)

    def test_help_to_full_disk(self):
        with open('/dev/full', 'wb') as full:
            p = subprocess.run([QUOTH, '--help'], stdout=full,
                               stderr=subprocess.PIPE)
        self.assertEqual(p.returncode, 2)
        self.assertEqual(p.stderr,
                         b'quoth: write error: No space left on device\n')


class TestFormats(Base):
    def test_csv_parses_back_and_matches_jsonl(self):
        path = self.article()
        c = self.ok(['-f', 'csv', path]).stdout
        j = jsonl(self.ok(['-f', 'jsonl', path]).stdout)
        self.assertGreaterEqual(len(j), 3)
        # RFC 4180: every record ends in CRLF, and no bare LF ends one.
        self.assertTrue(c.endswith(b'\r\n'))
        rows = list(csv.reader(io.StringIO(c.decode('utf-8'), newline='')))
        self.assertEqual(rows[0], CSV_FIELDS)
        self.assertEqual(len(rows) - 1, len(j))
        for row, rec in zip(rows[1:], j):
            self.assertEqual(len(row), len(CSV_FIELDS))
            for name, value in zip(CSV_FIELDS, row):
                want = rec[name]
                want = '' if want is None else str(want)
                self.assertEqual(value, want, name)

    def test_csv_quoting(self):
        path = self.article()
        c = self.ok(['-f', 'csv', path]).stdout.decode()
        # The first quote holds a comma: its field is quoted.
        self.assertIn(',"We will rebuild the pier, and we will do it this '
                      'year,",', c)
        # Inner double quotes are doubled inside a quoted field.
        self.assertIn('""fair""', c)

    def test_jsonl_keys_types_and_spans(self):
        path = self.article()
        data = open(path, 'rb').read()
        recs = jsonl(self.ok(['-f', 'jsonl', path]).stdout)
        self.assertTrue(recs)
        for i, rec in enumerate(recs, 1):
            self.assertEqual(list(rec), FIELDS)
            self.assertEqual(rec['doc'], path)
            self.assertEqual(rec['n'], i)
            self.assertIn(rec['type'],
                          ('direct', 'mixed', 'indirect', 'partial'))
            for key in ('speaker', 'title', 'gender', 'mention', 'cue'):
                self.assertTrue(rec[key] is None or
                                (isinstance(rec[key], str) and rec[key]),
                                key)
            self.assertIn(rec['gender'], (None, 'male', 'female'))
            # the gender's source with the gender; a kind with a speaker
            self.assertEqual(rec['gender_source'] is None,
                             rec['gender'] is None)
            self.assertIn(rec['gender_source'], (None, 'article', 'name'))
            self.assertEqual(rec['kind'] is None, rec['speaker'] is None)
            self.assertIn(rec['kind'],
                          (None, 'person', 'organisation', 'place',
                           'document', 'description', 'unknown'))
            self.assertLessEqual(rec['start'], rec['end'])
            parts = rec['parts']
            self.assertGreaterEqual(len(parts), 1)
            self.assertEqual(parts[0][0], rec['start'])
            self.assertEqual(parts[-1][1], rec['end'])
            for s, e in rec['verbatim']:
                self.assertTrue(any(ps <= s <= e <= pe for ps, pe in parts))
            if rec['type'] == 'direct':
                # A direct span includes its marks; the content does not.
                span = data[rec['start']:rec['end']].decode()
                self.assertIn(span[0], '"\u201c\'')
                self.assertNotEqual(rec['quote'][:1], '"')
            if rec['type'] == 'indirect':
                self.assertEqual(rec['verbatim'], [])
            for a, b in (('mention_start', 'mention_end'),
                         ('cue_start', 'cue_end')):
                self.assertEqual(rec[a] is None, rec[b] is None)
                if rec[a] is not None:
                    self.assertLessEqual(rec[a], rec[b])
            if rec['cue'] is not None and rec['cue_start'] is not None:
                self.assertEqual(
                    data[rec['cue_start']:rec['cue_end']].decode().lower(),
                    rec['cue'].lower())
            self.assertGreaterEqual(rec['paragraph'], 1)
            self.assertGreaterEqual(rec['line'], 1)

    def test_split_quote_is_one_record_with_two_parts(self):
        path = self.article()
        recs = jsonl(self.ok(['-f', 'jsonl', path]).stdout)
        split = [r for r in recs if r['quote'].startswith('The money')]
        self.assertEqual(len(split), 1, recs)
        self.assertEqual(len(split[0]['parts']), 2)
        self.assertEqual(split[0]['quote'],
                         'The money is there, and so is the will.')

    def test_tsv(self):
        path = self.write('t.txt', '"One\ttwo,\tthree," she said.\n')
        t = self.ok(['-f', 'tsv', path]).stdout.decode()
        lines = t.split('\n')
        self.assertEqual(lines[-1], '')
        self.assertEqual(lines[0].split('\t'), CSV_FIELDS)
        self.assertNotIn('\r', t)
        for line in lines[1:-1]:
            self.assertEqual(len(line.split('\t')), len(CSV_FIELDS))
        self.assertIn('\tOne two, three,\t', t)

    def test_tsv_replaces_newlines(self):
        text = '"First paragraph.\n\n"Second paragraph," she said.\n'
        t = self.ok(['-f', 'tsv', self.write('p.txt', text)]).stdout
        lines = t.decode().split('\n')[1:-1]
        self.assertEqual(len(lines), 1, t)

    def test_empty_input(self):
        path = self.write('empty.txt', '')
        c = self.ok(['-f', 'csv', path]).stdout
        self.assertEqual(c, (','.join(CSV_FIELDS) + '\r\n').encode())
        self.assertEqual(self.ok(['-f', 'jsonl', path]).stdout, b'')
        t = self.ok(['-f', 'table', path]).stdout
        self.assertEqual(t, path.encode() + b': no quotes\n')

    def test_default_format_is_csv_when_piped(self):
        path = self.article()
        self.assertEqual(self.ok([path]).stdout,
                         self.ok(['-f', 'csv', path]).stdout)

    def test_table(self):
        path = self.article()
        t = self.ok(['-f', 'table', path], env={'COLUMNS': '60'}).stdout
        lines = t.decode().split('\n')
        n = len(jsonl(self.ok(['-f', 'jsonl', path]).stdout))
        self.assertEqual(lines[0], f'{path}: {n} quotes')
        self.assertEqual(lines[1].split(), ['n', 'type', 'speaker', 'cue',
                                            'quote'])
        self.assertEqual(len(lines), n + 3)
        for line in lines[1:-1]:
            self.assertLessEqual(len(line), 60, line)
            self.assertEqual(line, line.rstrip())
        self.assertNotIn('\x1b', t.decode())
        self.assertIn('\u2026', t.decode())  # cut quotes end in an ellipsis

    def test_table_display_width(self):
        # Wide characters take two columns: the cut respects that.
        path = self.write('w.txt', '"' + '\u6f22' * 80 + '," she said.\n')
        t = self.ok(['-f', 'table', path], env={'COLUMNS': '50'}).stdout
        import unicodedata
        for line in t.decode().split('\n')[2:-1]:
            width = sum(2 if unicodedata.east_asian_width(ch) in 'WF' else 1
                        for ch in line)
            self.assertLessEqual(width, 50, line)

    def test_color(self):
        path = self.article()
        t = self.ok(['-f', 'table', '--color', 'always', path]).stdout
        self.assertIn(b'\x1b[32mdirect\x1b[0m', t)
        t = self.ok(['-f', 'table', '--color', 'always', path],
                    env={'NO_COLOR': '1'}).stdout
        self.assertIn(b'\x1b[', t)  # always beats NO_COLOR
        for fmt in ('csv', 'tsv', 'jsonl'):
            c = self.ok(['-f', fmt, '--color', 'always', path]).stdout
            self.assertNotIn(b'\x1b', c)
        t = self.ok(['-f', 'table', '--color', 'auto', path]).stdout
        self.assertNotIn(b'\x1b', t)  # not a terminal

    def run_pty(self, args, env=None):
        full_env = dict(os.environ, LC_ALL='C.UTF-8', COLUMNS='100')
        full_env.pop('NO_COLOR', None)
        if env:
            full_env.update(env)
        pid, fd = pty.fork()
        if pid == 0:
            os.execve(QUOTH, [QUOTH] + args, full_env)
        out = b''
        while True:
            r, _, _ = select.select([fd], [], [], 30)
            if not r:
                break
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            out += chunk
        _, status = os.waitpid(pid, 0)
        os.close(fd)
        self.assertEqual(os.waitstatus_to_exitcode(status), 0, out)
        return out

    def test_terminal_default_is_coloured_table(self):
        path = self.article()
        out = self.run_pty([path])
        self.assertTrue(out.startswith(b'\x1b[1m' + path.encode()), out)
        self.assertIn(b'\x1b[32mdirect', out)
        out = self.run_pty([path], env={'NO_COLOR': '1'})
        self.assertTrue(out.startswith(path.encode() + b': '), out)
        self.assertNotIn(b'\x1b', out)
        out = self.run_pty(['--color', 'never', path])
        self.assertNotIn(b'\x1b', out)

    def test_excel(self):
        text = ('"=SUM(A1:A3) is not a formula," she said.\n\n'
                '"-1 is a number," he said.\n')
        path = self.write('x.txt', text)
        c = self.ok(['--excel', '-f', 'csv', path]).stdout
        self.assertTrue(c.startswith(b'\xef\xbb\xbfdoc,n,type,'))
        rows = list(csv.reader(io.StringIO(c[3:].decode(), newline='')))
        quotes = [r[CSV_FIELDS.index('quote')] for r in rows[1:]]
        self.assertIn("'=SUM(A1:A3) is not a formula,", quotes)
        self.assertIn("'-1 is a number,", quotes)
        # Numbers stay numbers, and without --excel nothing changes.
        self.assertTrue(all(r[1].isdigit() for r in rows[1:]))
        plain = self.ok(['-f', 'csv', path]).stdout
        self.assertFalse(plain.startswith(b'\xef\xbb\xbf'))
        self.assertNotIn(b"'=SUM", plain)
        t = self.ok(['--excel', '-f', 'tsv', path]).stdout
        self.assertTrue(t.startswith(b'\xef\xbb\xbfdoc\t'))
        self.assertIn(b"\t'=SUM(A1:A3)", t)
        j = self.ok(['--excel', '-f', 'jsonl', path]).stdout
        self.assertTrue(j.startswith(b'{'))  # JSON never gets a BOM

    def test_types(self):
        path = self.article()
        all_types = {r['type'] for r in
                     jsonl(self.ok(['-f', 'jsonl', path]).stdout)}
        self.assertIn('direct', all_types)
        recs = jsonl(self.ok(['-f', 'jsonl', '--types', 'indirect,mixed',
                              path]).stdout)
        self.assertTrue(all(r['type'] in ('indirect', 'mixed')
                            for r in recs))
        self.assertEqual([r['n'] for r in recs],
                         list(range(1, len(recs) + 1)))


class TestInputs(Base):
    def test_several_files_in_order(self):
        a = self.article('a.txt')
        b = self.write('b.txt', '"Short," she said.\n')
        recs = jsonl(self.ok(['-f', 'jsonl', b, a, b]).stdout)
        docs = [r['doc'] for r in recs]
        self.assertEqual(docs[0], b)
        self.assertEqual(docs[-1], b)
        self.assertIn(a, docs)
        # Numbering restarts per document.
        self.assertEqual(recs[0]['n'], 1)
        self.assertEqual(recs[-1]['n'], 1)

    def test_stdin(self):
        for args in ([], ['-']):
            p = self.ok(['-f', 'jsonl'] + args, stdin=ARTICLE.encode())
            recs = jsonl(p.stdout)
            self.assertTrue(recs)
            self.assertTrue(all(r['doc'] == '-' for r in recs))
        a = self.article()
        recs = jsonl(self.ok(['-f', 'jsonl', a, '-'],
                             stdin=b'"Hi," she said.\n').stdout)
        self.assertEqual(recs[-1]['doc'], '-')

    def test_unreadable_inputs(self):
        a = self.article()
        missing = os.path.join(self.tmp, 'missing.txt')
        p = run(['-f', 'jsonl', missing, self.tmp, a])
        self.assertEqual(p.returncode, 2)
        err = p.stderr.decode()
        self.assertIn(f'quoth: {missing}: No such file or directory\n', err)
        self.assertIn(f'quoth: {self.tmp}: Is a directory\n', err)
        # The readable file is still processed.
        recs = jsonl(p.stdout)
        self.assertTrue(recs)
        self.assertTrue(all(r['doc'] == a for r in recs))

    @unittest.skipIf(os.geteuid() == 0, 'root reads any file')
    def test_permission_denied(self):
        a = self.article()
        os.chmod(a, 0)
        p = run([a])
        self.assertEqual(p.returncode, 2)
        self.assertIn(b'Permission denied', p.stderr)

    def test_invalid_utf8(self):
        path = self.write('bad.txt', b'Line one.\n"Caf\xe9 \xff au lait," '
                          b'she said.\n')
        p = self.ok(['-f', 'jsonl', path])
        self.assertEqual(
            p.stderr.decode(),
            f'quoth: {path}:2:5: invalid UTF-8 replaced by U+FFFD '
            '(2 times)\n')
        recs = jsonl(p.stdout)
        self.assertIn('\ufffd', recs[0]['quote'])
        p = run(['--strict-utf8', '-f', 'jsonl', path])
        self.assertEqual(p.returncode, 2)
        self.assertTrue(p.stderr.startswith(f'quoth: {path}:2:5: '.encode()),
                        p.stderr)
        self.assertEqual(p.stdout, b'')

    def test_file_name_that_is_not_utf8(self):
        # The doc field must stay valid UTF-8 (and valid JSON) whatever
        # bytes the file name holds.
        name = os.path.join(self.tmp.encode(), b'bad\xff"name.txt')
        with open(name, 'wb') as f:
            f.write(b'"Hi," she said.\n')
        p = subprocess.run([QUOTH.encode(), b'-f', b'jsonl', name],
                           capture_output=True)
        self.assertEqual(p.returncode, 0)
        rec = json.loads(p.stdout.decode('utf-8'))
        self.assertEqual(rec['doc'], self.tmp + '/bad\ufffd"name.txt')

    def test_bom_and_crlf_offsets(self):
        text = '"Hello there," she said.\r\n'
        path = self.write('bom.txt', b'\xef\xbb\xbf' + text.encode())
        rec = jsonl(self.ok(['-f', 'jsonl', path]).stdout)[0]
        self.assertEqual(rec['start'], 3)  # the BOM's bytes count
        self.assertEqual(rec['quote'], 'Hello there,')

    def test_max_doc_bytes(self):
        small = self.write('s.txt', '"Hi," she said.\n')
        big = self.article('big.txt')
        p = run(['-f', 'jsonl', '--max-doc-bytes', '100', big, small])
        self.assertEqual(p.returncode, 2)
        self.assertIn(f'quoth: {big}: '.encode(), p.stderr)
        recs = jsonl(p.stdout)
        self.assertEqual({r['doc'] for r in recs}, {small})
        p = run(['-f', 'jsonl', '--max-doc-bytes', '100'],
                stdin=ARTICLE.encode())
        self.assertEqual(p.returncode, 2)
        self.assertIn(b'quoth: -: ', p.stderr)

    def test_max_quote_bytes_warns(self):
        text = '"' + 'word ' * 100 + '," she said.\n'
        p = self.ok(['-f', 'jsonl', '--max-quote-bytes', '50',
                     self.write('long.txt', text)])
        self.assertRegex(p.stderr.decode(),
                         r'^quoth: .*long\.txt:1:\d+: quote longer than 50 '
                         r'bytes')


class TestCorpus(Base):
    def corpus(self, lines):
        return self.write('c.jsonl', ''.join(l + '\n' for l in lines))

    def test_ids(self):
        path = self.corpus([
            json.dumps({'id': 'story-1', 'text': '"Yes," she said.'}),
            '',
            json.dumps({'id': 42, 'text': '"No," he said.'}),
            json.dumps({'text': '"Maybe," they said.'}),
            json.dumps({'id': None, 'text': '"Later," she said.'}),
        ])
        recs = jsonl(self.ok(['--input', 'jsonl', '-f', 'jsonl',
                              path]).stdout)
        self.assertEqual([r['doc'] for r in recs], ['story-1', 42, 4, 5])
        self.assertEqual(recs[0]['quote'], 'Yes,')
        c = self.ok(['--input', 'jsonl', '-f', 'csv', path]).stdout.decode()
        docs = [r[0] for r in csv.reader(io.StringIO(c, newline=''))][1:]
        self.assertEqual(docs, ['story-1', '42', '4', '5'])

    def test_offsets_are_in_the_decoded_text(self):
        text = 'Caf\u00e9 \u2014 "Bonjour," she said.'
        path = self.corpus([json.dumps({'id': 1, 'text': text})])
        rec = jsonl(self.ok(['--input', 'jsonl', '-f', 'jsonl',
                             path]).stdout)[0]
        raw = text.encode()
        self.assertEqual(raw[rec['start']:rec['end']].decode(),
                         '"Bonjour,"')

    def test_fields(self):
        path = self.corpus([
            json.dumps({'url': 'http://x/1', 'body': '"Yes," she said.',
                        'text': 'not this'})])
        recs = jsonl(self.ok(['--input', 'jsonl', '--id-field', 'url',
                              '--text-field', 'body', '-f', 'jsonl',
                              path]).stdout)
        self.assertEqual(len(recs), 1)
        self.assertEqual(recs[0]['doc'], 'http://x/1')

    def test_malformed_lines(self):
        path = self.corpus([
            json.dumps({'id': 'a', 'text': '"One," she said.'}),
            '{"id": "b", "text": oops}',
            '[1, 2]',
            json.dumps({'id': 'd', 'body': 'x'}),
            json.dumps({'id': 'e', 'text': 5}),
            json.dumps({'id': 'f', 'text': '"Six," he said.'}),
        ])
        p = run(['--input', 'jsonl', '-f', 'jsonl', path])
        self.assertEqual(p.returncode, 2)
        self.assertEqual([r['doc'] for r in jsonl(p.stdout)], ['a', 'f'])
        err = p.stderr.decode().splitlines()
        self.assertEqual(len(err), 4, err)
        self.assertTrue(err[0].startswith(f'quoth: {path}:2:'), err)
        self.assertIn('invalid JSON', err[0])
        self.assertEqual(err[1], f'quoth: {path}:3: not a JSON object')
        self.assertEqual(err[2], f'quoth: {path}:4: no field "text"')
        self.assertEqual(err[3],
                         f'quoth: {path}:5: field "text" is not a string')

    def test_stdin_and_missing_corpus(self):
        line = json.dumps({'id': 'x', 'text': '"One," she said.'}) + '\n'
        p = run(['--input', 'jsonl', '-f', 'jsonl',
                 os.path.join(self.tmp, 'nope.jsonl'), '-'],
                stdin=line.encode())
        self.assertEqual(p.returncode, 2)
        self.assertIn(b'nope.jsonl: No such file or directory', p.stderr)
        self.assertEqual([r['doc'] for r in jsonl(p.stdout)], ['x'])

    def test_streamed(self):
        # A corpus arriving line by line is processed before it ends: the
        # first record comes out while the writer still holds the pipe.
        proc = subprocess.Popen([QUOTH, '--input', 'jsonl', '-f', 'jsonl'],
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        try:
            proc.stdin.write((json.dumps({'id': 1, 'text':
                                          '"One," she said.'}) +
                              '\n').encode())
            proc.stdin.flush()
            r, _, _ = select.select([proc.stdout], [], [], 30)
            self.assertTrue(r, 'no output before the end of input')
            first = json.loads(proc.stdout.readline())
            self.assertEqual(first['doc'], 1)
        finally:
            proc.stdin.close()
            proc.stdout.read()
            proc.wait()
        self.assertEqual(proc.returncode, 0)


class TestThreads(Base):
    def test_output_order_does_not_depend_on_threads(self):
        paths = []
        for i in range(40):
            # Different sizes so that threads finish out of order.
            body = ('"Sentence %d is here," she said. ' % i) * (1 + i % 7 * 40)
            paths.append(self.write('d%02d.txt' % i, body + '\n'))
        paths.insert(5, os.path.join(self.tmp, 'missing.txt'))
        outs = []
        for j in ('1', '2', '4', '0', '16'):
            p = run(['-f', 'jsonl', '-j', j] + paths)
            self.assertEqual(p.returncode, 2)
            outs.append((p.stdout, p.stderr))
        for out in outs[1:]:
            self.assertEqual(out, outs[0])
        docs = []
        for r in jsonl(outs[0][0]):
            if not docs or docs[-1] != r['doc']:
                docs.append(r['doc'])
        self.assertEqual(docs, [p for p in paths if 'missing' not in p])

    def test_corpus_order_with_threads(self):
        lines = [json.dumps({'id': i, 'text': '"Number %d," she said.' % i})
                 for i in range(300)]
        lines.insert(100, '{broken')
        path = self.write('c.jsonl', '\n'.join(lines) + '\n')
        one = run(['--input', 'jsonl', '-f', 'jsonl', path])
        four = run(['--input', 'jsonl', '-f', 'jsonl', '-j', '4', path])
        self.assertEqual(one.returncode, 2)
        self.assertEqual((four.returncode, four.stdout, four.stderr),
                         (2, one.stdout, one.stderr))
        self.assertEqual([r['doc'] for r in jsonl(one.stdout)],
                         list(range(300)))

    def test_speakers_with_threads(self):
        paths = [self.article('a%d.txt' % i) for i in range(6)]
        one = self.ok(['speakers', '-f', 'csv'] + paths).stdout
        four = self.ok(['speakers', '-f', 'csv', '-j', '3'] + paths).stdout
        self.assertEqual(one, four)


class TestLongDocuments(Base):
    """A long document is read a window at a time (man page "Long
    documents"); QUOTH_WINDOW_BYTES makes the windows small, and the
    records must not depend on where they fall."""

    STORY = [
        '"We listened to every resident who wrote to us," said {f} {s}, '
        'the council\'s chair. "The pier is not safe."',
        '{s} said the vote was not easy.',
        '"It was the hardest decision of my time here," she added.',
        '"The pier carried our grandparents to the mainland.',
        '"Nobody wants to lose it. But a pier that falls into the water '
        'helps nobody," {s} told reporters.',
        'Fishermen were not convinced. "They never asked us," said Tom '
        'Varga. "We will keep fighting," he said.',
    ]
    NAMES = [('Ada', 'Okafor'), ('Greta', 'Lindqvist'), ('Leila', 'Haddad')]

    def long_text(self, n=12, sep='\n\n'):
        paras = []
        for i in range(n):
            f, s = self.NAMES[i % 3]
            paras += [p.format(f=f, s=s) for p in self.STORY]
        return sep.join(paras) + '\n'

    def test_windows_change_no_record(self):
        for sep in ('\n\n', '\r\n', '\n'):
            path = self.write('long.txt', self.long_text(sep=sep))
            for fmt in ('jsonl', 'csv', 'table'):
                whole = self.ok(['-f', fmt, path])
                for jobs in ('1', '2'):
                    small = self.ok(['-f', fmt, '-j', jobs, path],
                                    env={'QUOTH_WINDOW_BYTES': '500'})
                    self.assertEqual(small.stdout, whole.stdout)
                    self.assertEqual(small.stderr, whole.stderr)
            recs = jsonl(self.ok(['-f', 'jsonl', path]).stdout)
            self.assertEqual([r['n'] for r in recs],
                             list(range(1, len(recs) + 1)))
            self.assertGreater(len(recs), 60)
            self.assertEqual(recs[-1]['paragraph'], 6 * 12)

    def test_bad_utf8_at_a_window_edge(self):
        text = self.long_text().encode('utf-8')
        cut = text.index(b'\n\n', 2000)
        data = text[:cut] + b'\xe2\x80' + text[cut:]
        path = self.write('bad.txt', data)
        line = data[:cut].count(b'\n') + 1
        col = len(data[data.rindex(b'\n', 0, cut) + 1:cut].decode()) + 1
        for strict in ([], ['--strict-utf8']):
            whole = run(['-f', 'jsonl'] + strict + [path])
            small = run(['-f', 'jsonl'] + strict + [path],
                        env={'QUOTH_WINDOW_BYTES': '300'})
            self.assertEqual((small.returncode, small.stdout, small.stderr),
                             (whole.returncode, whole.stdout, whole.stderr))
            self.assertIn(('%s:%d:%d: ' % (path, line, col)).encode(),
                          small.stderr)
            self.assertEqual(small.returncode, 2 if strict else 0)

    def test_warnings_counted_once_across_windows(self):
        # marks nested too deep in three paragraphs, two of them close
        # enough to share a window's lead, core and tail
        deep = 'a "b "c "d "e "f "g "h "i "j "k deep.'
        paras = self.long_text().split('\n\n')
        for i in (10, 14, 50):
            paras[i] = deep
        path = self.write('deep.txt', '\n\n'.join(paras))
        whole = run(['-f', 'jsonl', path])
        self.assertIn(b'nested deeper than 8 levels', whole.stderr)
        self.assertIn(b'(6 times)', whole.stderr)
        for size in ('300', '700', '2000'):
            for jobs in ('1', '2'):
                small = run(['-f', 'jsonl', '-j', jobs, path],
                            env={'QUOTH_WINDOW_BYTES': size})
                # (the records may differ: a window does not see a
                # gender given far away; the warnings must not)
                self.assertEqual(small.stderr, whole.stderr)


class TestOutput(Base):
    def test_o_writes_file(self):
        a = self.article()
        out = os.path.join(self.tmp, 'out.csv')
        p = self.ok(['-o', out, a])
        self.assertEqual(p.stdout, b'')
        with open(out, 'rb') as f:
            self.assertEqual(f.read(), self.ok(['-f', 'csv', a]).stdout)
        self.assertEqual(sorted(os.listdir(self.tmp)), ['a.txt', 'out.csv'])
        # -o picks the format from the file, not from the terminal.
        self.assertEqual(os.stat(out).st_mode & 0o777,
                         0o666 & ~self.umask())

    def umask(self):
        mask = os.umask(0)
        os.umask(mask)
        return mask

    def test_o_keeps_mode_and_symlink(self):
        a = self.article()
        out = os.path.join(self.tmp, 'out.csv')
        with open(out, 'w') as f:
            f.write('old\n')
        os.chmod(out, 0o640)
        link = os.path.join(self.tmp, 'link.csv')
        os.symlink('out.csv', link)
        self.ok(['-f', 'jsonl', '-o', link, a])
        self.assertTrue(os.path.islink(link))
        self.assertEqual(os.stat(out).st_mode & 0o777, 0o640)
        with open(out, 'rb') as f:
            self.assertEqual(f.read(), self.ok(['-f', 'jsonl', a]).stdout)

    def test_o_failure_keeps_old_file(self):
        # A file size limit makes the write fail half way.
        big = self.write('big.txt', ARTICLE * 400)
        out = os.path.join(self.tmp, 'out.csv')
        with open(out, 'w') as f:
            f.write('old contents\n')

        def limit():
            resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))
        p = run(['-o', out, big], preexec_fn=limit)
        self.assertEqual(p.returncode, 2)
        self.assertEqual(p.stderr, b'quoth: write error: File too large\n')
        with open(out) as f:
            self.assertEqual(f.read(), 'old contents\n')
        self.assertEqual(sorted(os.listdir(self.tmp)), ['big.txt', 'out.csv'])

    def test_o_bad_places(self):
        a = self.article()
        p = run(['-o', os.path.join(self.tmp, 'no', 'such', 'dir.csv'), a])
        self.assertEqual(p.returncode, 2)
        self.assertIn(b'No such file or directory', p.stderr)
        self.assertEqual(p.stdout, b'')
        p = run(['-o', self.tmp, a])
        self.assertEqual(p.returncode, 2)
        self.assertIn(b'Is a directory', p.stderr)

    def test_o_with_unreadable_input_still_commits(self):
        a = self.article()
        out = os.path.join(self.tmp, 'out.jsonl')
        p = run(['-f', 'jsonl', '-o', out, a,
                 os.path.join(self.tmp, 'missing')])
        self.assertEqual(p.returncode, 2)
        with open(out, 'rb') as f:
            self.assertEqual(f.read(), self.ok(['-f', 'jsonl', a]).stdout)

    def test_o_interrupted_removes_temporary(self):
        out = os.path.join(self.tmp, 'out.csv')
        with open(out, 'w') as f:
            f.write('old\n')
        proc = subprocess.Popen([QUOTH, '-o', out], stdin=subprocess.PIPE,
                                stderr=subprocess.PIPE)
        deadline = time.time() + 30
        while time.time() < deadline and len(os.listdir(self.tmp)) < 2:
            time.sleep(0.01)
        self.assertEqual(len(os.listdir(self.tmp)), 2)  # the temporary
        proc.send_signal(signal.SIGTERM)
        proc.wait(30)
        proc.stdin.close()
        proc.stderr.close()
        self.assertEqual(proc.returncode, -signal.SIGTERM)
        self.assertEqual(os.listdir(self.tmp), ['out.csv'])
        with open(out) as f:
            self.assertEqual(f.read(), 'old\n')

    def test_o_device(self):
        p = run(['-o', '/dev/null', self.article()])
        self.assertEqual(p.returncode, 0)
        self.assertTrue(os.path.exists('/dev/null'))

    def test_full_disk(self):
        a = self.article()
        p = run(['-o', '/dev/full', a])
        self.assertEqual(p.returncode, 2)
        self.assertEqual(p.stderr,
                         b'quoth: write error: No space left on device\n')
        for j in ('1', '4'):
            with open('/dev/full', 'wb') as full:
                p = subprocess.run([QUOTH, '-j', j, a, a], stdout=full,
                                   stderr=subprocess.PIPE)
            self.assertEqual(p.returncode, 2)
            # One message, not one per document.
            self.assertEqual(p.stderr,
                             b'quoth: write error: No space left on device\n')

    def test_closed_pipe_is_quiet(self):
        big = self.write('big.txt', ARTICLE * 2000)
        for j in ('1', '4'):
            proc = subprocess.Popen([QUOTH, '-j', j, big, big, big],
                                    stdout=subprocess.PIPE,
                                    stderr=subprocess.PIPE)
            proc.stdout.readline()
            proc.stdout.close()  # the reader goes away
            err = proc.stderr.read()
            proc.stderr.close()
            proc.wait(60)
            self.assertEqual(err, b'')
            self.assertEqual(proc.returncode, 0)


class TestSpeakers(Base):
    def test_columns_and_counts(self):
        path = self.article()
        recs = jsonl(self.ok(['-f', 'jsonl', path]).stdout)
        rows = jsonl(self.ok(['speakers', '-f', 'jsonl', path]).stdout)
        self.assertTrue(rows)
        for row in rows:
            self.assertEqual(list(row), SPEAKER_FIELDS)
            self.assertEqual(row['doc'], path)
        # Every quote is counted once, under its speaker.
        for t in ('direct', 'mixed', 'indirect', 'partial'):
            self.assertEqual(sum(r[t] for r in rows),
                             sum(1 for q in recs if q['type'] == t), t)
        for row in rows:
            mine = [q for q in recs if q['speaker'] == row['speaker']]
            self.assertEqual(row['first_paragraph'], mine[0]['paragraph'])
        names = [r['speaker'] for r in rows]
        self.assertEqual(len(names), len(set(names)))
        if None in names:
            self.assertIsNone(names[-1])  # the unknown speaker comes last

    def test_words(self):
        path = self.write('w.txt', '"Don\'t stop \u2014 COVID-19 is 2 '
                          'words \u2026 or six," she said.\n')
        rows = jsonl(self.ok(['speakers', '-f', 'jsonl', path]).stdout)
        # Don't, stop, COVID-19, is, 2, words, or, six: not the dash or
        # the ellipsis.
        self.assertEqual(sum(r['words'] for r in rows), 8)

    def test_csv_and_table(self):
        path = self.article()
        c = self.ok(['speakers', '-f', 'csv', path]).stdout.decode()
        rows = list(csv.reader(io.StringIO(c, newline='')))
        self.assertEqual(rows[0], SPEAKER_FIELDS)
        t = self.ok(['speakers', '-f', 'table', path]).stdout.decode()
        self.assertRegex(t, r'^%s: \d+ speakers?\n' % re.escape(path))
        # (the gender's source is left out of the table: it is narrow)
        self.assertEqual(t.split('\n')[1].split(),
                         [f for f in SPEAKER_FIELDS[1:]
                          if f != 'gender_source'])

    def test_empty_document(self):
        path = self.write('e.txt', 'No quotes here.\n')
        c = self.ok(['speakers', '-f', 'csv', path]).stdout
        self.assertEqual(c, (','.join(SPEAKER_FIELDS) + '\r\n').encode())


class TestProgress(Base):
    """Issue 12 item 6: a progress line on stderr for long runs."""

    def corpus(self, n, name='c.jsonl'):
        lines = ''.join(json.dumps({
            'id': 'p%05d' % i,
            'text': '"We will rebuild pier %d," Mayor Ana Ruiz told '
                    'reporters.\n\nRuiz said the work would start in '
                    'May.' % i}) + '\n' for i in range(n))
        return self.write(name, lines)

    def check_progress(self, err):
        text = err.decode()
        self.assertTrue(text.startswith('\rquoth: '), err)
        self.assertTrue(text.endswith('\n'), err)
        self.assertEqual(text.count('\n'), 1, err)
        self.assertRegex(text, r'\d+ documents?, [\d.]+ MB, [\d.]+ MB/s')
        return text

    def test_forced_progress_leaves_stdout_alone(self):
        corpus = self.corpus(500)
        plain = self.ok(['--input', 'jsonl', '-f', 'jsonl', corpus])
        self.assertEqual(plain.stderr, b'')  # a pipe: no progress
        for jobs in ('1', '3'):
            with self.subTest(jobs=jobs):
                p = self.ok(['--progress', '-j', jobs, '--input', 'jsonl',
                             '-f', 'jsonl', corpus])
                self.assertEqual(p.stdout, plain.stdout)
                text = self.check_progress(p.stderr)
                # the corpus size is known: all of it was read
                self.assertIn('500 documents', text.rsplit('\r', 1)[1])
                self.assertIn('100%, ETA 0:00', text)
        # several files: their total size gives the ETA
        a, b = self.article('a.txt'), self.article('b.txt')
        plain = self.ok(['-f', 'csv', a, b])
        self.assertEqual(plain.stderr, b'')
        p = self.ok(['--progress', '-f', 'csv', a, b])
        self.assertEqual(p.stdout, plain.stdout)
        self.assertIn('2 documents', self.check_progress(p.stderr))
        self.assertIn('100%', p.stderr.decode())
        # standard input of unknown size: no ETA
        with open(corpus, 'rb') as f:
            data = f.read()
        p = self.ok(['--progress', '--input', 'jsonl', '-f', 'jsonl'],
                    stdin=data)
        self.assertNotIn('ETA', self.check_progress(p.stderr))
        # --no-progress wins when it comes last
        p = self.ok(['--progress', '--no-progress', '--input', 'jsonl',
                     '-f', 'jsonl', corpus])
        self.assertEqual(p.stderr, b'')

    def test_messages_come_before_the_last_line(self):
        bad = self.write('bad.jsonl', '{"id": 1, "text": "x"}\n{oops\n')
        p = run(['--progress', '--input', 'jsonl', '-f', 'jsonl', bad])
        self.assertEqual(p.returncode, 2)
        err = p.stderr.decode()
        self.assertRegex(err, r'^quoth: .*bad.jsonl:2:')
        self.assertTrue(err.endswith('\n'))
        self.assertIn('\rquoth: 2 documents', err)

    def run_tty_stderr(self, args, chunks):
        """Run with stderr on a terminal and stdin a pipe fed `chunks`
        with a pause between them; returns what the terminal got."""
        master, slave = pty.openpty()
        env = dict(os.environ, LC_ALL='C.UTF-8')
        p = subprocess.Popen([QUOTH] + args, stdin=subprocess.PIPE,
                             stdout=subprocess.DEVNULL, stderr=slave,
                             env=env)
        os.close(slave)
        for i, chunk in enumerate(chunks):
            if i:
                time.sleep(0.6)
            p.stdin.write(chunk)
            p.stdin.flush()
        p.stdin.close()
        out = b''
        while True:
            r, _, _ = select.select([master], [], [], 60)
            if not r:
                break
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            if not chunk:
                break
            out += chunk
        self.assertEqual(p.wait(timeout=60), 0, out)
        os.close(master)
        return out

    def test_terminal(self):
        with open(self.corpus(2000), 'rb') as f:
            data = f.read()
        half = data.index(b'\n', len(data) // 2) + 1
        chunks = [data[:half], data[half:]]
        # a corpus on a terminal: the line, redrawn, then a newline
        out = self.run_tty_stderr(['--input', 'jsonl'], chunks)
        self.assertTrue(out.startswith(b'\rquoth: '), out)
        self.assertTrue(out.endswith(b'\n'), out)
        self.assertIn(b'\rquoth: 2000 documents', out)
        out = self.run_tty_stderr(['--no-progress', '--input', 'jsonl'],
                                  chunks)
        self.assertEqual(out, b'')
        # one text document: no progress
        out = self.run_tty_stderr([], [ARTICLE.encode(), b'\n'])
        self.assertEqual(out, b'')

    def test_help_and_man_page(self):
        help_text = self.ok(['--help']).stdout.decode()
        self.assertIn('--progress', help_text)
        self.assertIn('--no-progress', help_text)
        with open(os.path.join(ROOT, 'man', 'quoth.1')) as f:
            man = f.read().replace('\\-', '-')
        self.assertIn('--progress', man)
        self.assertIn('--no-progress', man)


class TestManPage(unittest.TestCase):
    def test_renders_without_warnings(self):
        if not shutil.which('groff'):
            self.skipTest('groff not installed')
        p = subprocess.run(['groff', '-ww', '-man', '-Tutf8',
                            os.path.join(ROOT, 'man', 'quoth.1')],
                           capture_output=True)
        self.assertEqual(p.returncode, 0)
        self.assertEqual(p.stderr, b'')

    def test_documents_every_option_and_field(self):
        with open(os.path.join(ROOT, 'man', 'quoth.1')) as f:
            man = f.read().replace('\\-', '-')
        for word in FIELDS + SPEAKER_FIELDS + [
                '--format', '--output', '--input', '--id-field',
                '--text-field', '--jobs', '--lang', '--data-dir', '--types',
                '--strict-utf8', '--excel', '--color', '--max-quote-bytes',
                '--max-doc-bytes', '--text', '--help', '--version',
                '--source', '--all',
                'NO_COLOR', 'status', 'similarity', 'source_start',
                'source_end', 'source_line', 'timestamp', 'source_words',
                'diff', 'speaker_mismatch', 'abbrev.txt', 'cues.txt',
                'pronouns.txt', 'titles.txt', 'honorifics.txt', 'orgs.txt',
                'scare.txt', 'nonnames.txt']:
            self.assertIn(word, man)
        for section in ('NAME', 'SYNOPSIS', 'DESCRIPTION', 'OPTIONS',
                        'OUTPUT', 'EXIT STATUS', 'ENVIRONMENT', 'FILES',
                        'EXAMPLES', 'SEE ALSO'):
            self.assertIn('\n.SH ' + section + '\n', man)

    def test_example_is_a_golden_case(self):
        """The EXAMPLES output shown in the man page is the golden case
        tests/golden/harbour-speakers.csv, run by run_golden.py."""
        with open(os.path.join(ROOT, 'man', 'quoth.1')) as f:
            man = f.read()
        m = re.search(r'^\$ (quoth speakers .*)\n((?:[^.].*\n)+)\.EE$', man,
                      re.M)
        self.assertTrue(m, 'example not found')
        command = m.group(1).replace('\\-', '-')
        shown = m.group(2).replace('\\-', '-')
        golden = os.path.join(ROOT, 'tests', 'golden')
        with open(os.path.join(golden, 'harbour-speakers.args')) as f:
            args = f.read().split()
        self.assertEqual(command.split(),
                         ['quoth', args[0], '-f', 'csv'] + args[1:])
        with open(os.path.join(golden, 'harbour-speakers.csv'),
                  newline='') as f:
            self.assertEqual(shown, f.read().replace('\r\n', '\n'))


class TestReadme(unittest.TestCase):
    def test_example_is_a_golden_case(self):
        """The README's example output is tests/golden/harbour.table."""
        with open(os.path.join(ROOT, 'README.md')) as f:
            readme = f.read()
        m = re.search(r'^    \$ build/quoth data/examples/harbour.txt\n'
                      r'((?:    .*\n)+)', readme, re.M)
        self.assertTrue(m, 'example not found')
        shown = ''.join(l[4:] + '\n' for l in m.group(1).splitlines())
        with open(os.path.join(ROOT, 'tests', 'golden',
                               'harbour.table')) as f:
            self.assertEqual(shown, f.read())
        with open(os.path.join(ROOT, 'tests', 'golden',
                               'harbour.args')) as f:
            self.assertEqual(f.read().split(), ['data/examples/harbour.txt'])


if __name__ == '__main__':
    QUOTH = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)
