#!/usr/bin/env python3
"""The HTML pages of `quoth -f html` and `quoth verify -f html`, parsed.

    test_html.py QUOTH

Every page is parsed with html.parser and must be well-formed (each end tag
closes the element opened last), carry exactly one script, the one whose
SHA-256 the Content-Security-Policy names, and nothing that fetches or
runs anything else: no event-handler attribute, no src, no link that
leaves the page.  The article shown on the page must be the input, text
for text: tests/html/injection.txt holds <script>, &amp;, </mark>,
attribute-like text and control characters, which must come back as
text.  Run from the source root (meson's workdir).
"""
import base64
import hashlib
import html
import html.parser
import json
import os
import re
import subprocess
import sys
import tempfile
import unittest

QUOTH = None
VOID = {'meta', 'br', 'img', 'hr', 'input', 'link', 'wbr', 'col', 'area',
        'base', 'source', 'track', 'embed', 'param'}
ALLOWED_ATTRS = {'class', 'id', 'href', 'title', 'lang', 'charset', 'name',
                 'content', 'http-equiv', 'aria-label', 'data-s',
                 'data-name', 'data-count'}
INJECTION = 'tests/html/injection.txt'
HARBOUR = 'data/examples/harbour.txt'
VERIFY = 'tests/verify'


def run(args, **kw):
    return subprocess.run([QUOTH] + args, capture_output=True, **kw)


class Page(html.parser.HTMLParser):
    """A page parsed into what the tests look at; `errors` lists every way
    it is not well-formed or not safe."""

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.stack = []
        self.errors = []
        self.scripts = []
        self.csp = None
        self.elements = []   # (tag, attrs dict, path of classes)
        self.article = []    # text of the first .article, labels left out
        self.texts = {}      # id of an element -> its text
        self._in_article = 0
        self._skip = 0
        self._script = None
        self._ids = []
        self.feed(text)
        self.close()
        if self.stack:
            self.errors.append('unclosed: %s' % [t for t, _ in self.stack])

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for k, v in attrs:
            if k not in ALLOWED_ATTRS:
                self.errors.append('attribute %s on <%s>' % (k, tag))
            if k == 'href' and not (v or '').startswith('#'):
                self.errors.append('link leaving the page: %r' % v)
        if a.get('http-equiv') == 'Content-Security-Policy':
            self.csp = a.get('content')
        if 'id' in a:
            if a['id'] in self._ids or a['id'] in self.texts:
                self.errors.append('duplicate id %s' % a['id'])
            self._ids.append(a['id'])
        self.elements.append((tag, a))
        if tag == 'script':
            self._script = []
        if tag in VOID:
            return
        cls = a.get('class', '').split()
        self.stack.append((tag, cls))
        if self._in_article:
            self._in_article += 1
            if tag == 'a' and ('who' in cls or 'v' in cls):
                self._skip = self._in_article
        elif 'article' in cls and not self.article:
            self._in_article = 1

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag in VOID:
            self.errors.append('end tag of void <%s>' % tag)
            return
        if not self.stack or self.stack[-1][0] != tag:
            self.errors.append('</%s> closes %s' % (
                tag, self.stack[-1][0] if self.stack else 'nothing'))
            return
        self.stack.pop()
        if tag == 'script':
            self.scripts.append(''.join(self._script))
            self._script = None
        if self._in_article:
            if self._skip == self._in_article:
                self._skip = 0
            self._in_article -= 1
            if self._in_article == 0:
                self.article = ''.join(self.article)

    def handle_data(self, data):
        if self._script is not None:
            self._script.append(data)
        if self._in_article and not self._skip:
            self.article.append(data)

    def handle_comment(self, data):
        self.errors.append('comment: %r' % data)

    def find(self, tag=None, cls=None, **attrs):
        out = []
        for t, a in self.elements:
            if tag and t != tag:
                continue
            if cls and cls not in a.get('class', '').split():
                continue
            if any(a.get(k.replace('_', '-')) != v for k, v in attrs.items()):
                continue
            out.append(a)
        return out


def shown(text):
    """What the page must show for an input text: CRLF and lone CR become
    LF, control characters their Control Pictures."""
    text = text.replace('\r\n', '\n').replace('\r', '\n')
    out = []
    for ch in text:
        o = ord(ch)
        if ch in '\t\n':
            out.append(ch)
        elif o < 0x20:
            out.append(chr(0x2400 + o))
        elif o == 0x7F:
            out.append('\u2421')
        elif 0x80 <= o <= 0x9F:
            out.append('\ufffd')
        else:
            out.append(ch)
    return ''.join(out)


class HtmlCase(unittest.TestCase):
    def page(self, args, status=0):
        p = run(args)
        self.assertEqual(p.returncode, status, p.stderr)
        text = p.stdout.decode('utf-8')
        pg = Page(text)
        self.assertEqual(pg.errors, [], 'not well-formed or not safe')
        self.assertTrue(text.startswith('<!DOCTYPE html>\n'))
        # one script, allowed by its hash; nothing fetched
        self.assertEqual(len(pg.scripts), 1)
        digest = base64.b64encode(
            hashlib.sha256(pg.scripts[0].encode('utf-8')).digest()).decode()
        self.assertIn("script-src 'sha256-%s';" % digest, pg.csp)
        self.assertIn("default-src 'none'", pg.csp)
        self.assertNotIn('unsafe-inline', pg.csp.split('script-src')[1]
                         .split(';')[0])
        self.assertNotIn('http://', text)
        self.assertNotIn('https://', text)
        return pg, text


class TestExtractPage(HtmlCase):
    def test_harbour(self):
        pg, _ = self.page(['-f', 'html', HARBOUR])
        with open(HARBOUR, encoding='utf-8') as f:
            self.assertEqual(pg.article, shown(f.read()))
        rows = json.loads('[' + ','.join(
            run(['-f', 'jsonl', HARBOUR]).stdout.decode().splitlines()) + ']')
        # every quote: a highlight of its type, a label after it with its
        # number and speaker, a note and a table row
        labels = pg.find('a', 'who')
        self.assertEqual(len(labels), len(rows))
        for q, lab in zip(rows, labels):
            n = q['n']
            self.assertIn('Quote %d, %s' % (n, q['type']), lab['title'])
            if q['speaker']:
                self.assertIn(q['speaker'], lab['title'])
                self.assertIn('Rule: ' + q['rule'], lab['title'])
            marks = [a for a in pg.find('mark', 'q')
                     if a.get('title', '').startswith('Quote %d,' % n)]
            self.assertTrue(marks, 'quote %d not highlighted' % n)
            self.assertIn(q['type'], marks[0]['class'].split())
        notes = [a for a in pg.find('li') if re.match(r'd[0-9a-f]{8}-n\d+$',
                                                     a.get('id', ''))]
        self.assertEqual(len(notes), len(rows))
        self.assertEqual(len(pg.find('tr')) - 1, len(rows))
        # the legend: every speaker with its colour class
        legend = pg.find('li', data_s='0')
        self.assertEqual(legend[0]['data-name'], 'Ana Ruiz')
        self.assertEqual(len([a for a in pg.find('span', 'cue')
                              if a.get('title', '').startswith('cue of')]),
                         sum(1 for q in rows if q['cue_start'] is not None))
        # four types, four line styles (not colour alone)
        types = {q['type'] for q in rows}
        self.assertEqual(types, {'direct', 'mixed', 'indirect', 'partial'})

    def test_labels_name_the_speaker(self):
        _, text = self.page(['-f', 'html', HARBOUR])
        self.assertIn('>1&#160;Ruiz</a>', text)
        self.assertIn('>4&#160;Fenwick</a>', text)
        self.assertIn('>6&#160;?</a>', text)   # the quote without a speaker

    def test_injection_is_text(self):
        pg, text = self.page(['-f', 'html', INJECTION])
        with open(INJECTION, encoding='utf-8', newline='') as f:
            src = f.read()
        self.assertEqual(pg.article, shown(src))
        # the only elements are the page's own
        tags = {t for t, _ in pg.elements}
        self.assertNotIn('img', tags)
        self.assertEqual(text.count('<script'), 1)
        self.assertNotIn('<img', text)
        self.assertNotIn('</mark></a></div> low', text)
        self.assertIn('&lt;/mark&gt;&lt;/a&gt;&lt;/div&gt; low', text)
        self.assertIn('&amp;amp;', text)
        self.assertIn('onmouseover=&quot;document.body.id=&#39;pwned&#39;'
                      '&quot;', text)
        for ch in '\x01\x07\x1b\x7f':
            self.assertNotIn(ch, text)
        self.assertIn('\u2401 bell \u2407 escape \u241b[2J delete \u2421',
                      text)
        # names from the input are escaped in attributes too
        self.assertIn('title="Quote 1, direct', text)

    def test_file_names_and_ids_escaped(self):
        with tempfile.TemporaryDirectory() as d:
            name = os.path.join(d, 'a"<b>\'&.txt')
            with open(name, 'w') as f:
                f.write('"It works," Ana Ruiz said.\n')
            pg, text = self.page(['-f', 'html', name, HARBOUR])
            self.assertIn('a&quot;&lt;b&gt;&#39;&amp;.txt', text)
            self.assertEqual(len(pg.find('section', 'doc')), 2)

    def test_several_files_table_of_contents(self):
        pg, _ = self.page(['-f', 'html', HARBOUR, INJECTION])
        secs = pg.find('section', 'doc')
        self.assertEqual([s['data-name'] for s in secs], [HARBOUR, INJECTION])
        links = [a['href'] for t, a in pg.elements
                 if t == 'a' and a.get('href', '').startswith('#d')
                 and '-' not in a['href']]
        self.assertEqual(links, ['#' + s['id'] for s in secs])
        self.assertEqual(len(pg.find('nav', 'toc')), 1)
        # one file: no contents
        pg, _ = self.page(['-f', 'html', HARBOUR])
        self.assertEqual(pg.find('nav', 'toc'), [])

    def test_threads_give_the_same_page(self):
        # the same file twice: its second section gets ids of its own
        files = [HARBOUR, INJECTION, HARBOUR + '-missing', INJECTION,
                 VERIFY + '/draft.txt']
        one = run(['-f', 'html', '-j', '1'] + files)
        three = run(['-f', 'html', '-j', '3'] + files)
        self.assertEqual(one.returncode, 2)
        self.assertEqual(one.stdout, three.stdout)
        pg = Page(one.stdout.decode())
        self.assertEqual(pg.errors, [])
        secs = pg.find('section', 'doc')
        self.assertEqual(len(secs), 4)
        self.assertEqual(len({s['id'] for s in secs}), 4)
        # every link inside the page goes to an element that exists
        ids = {a['id'] for _, a in pg.elements if 'id' in a}
        for _, a in pg.elements:
            if a.get('href', '').startswith('#'):
                self.assertIn(a['href'][1:], ids)

    def test_jsonl_corpus(self):
        pg, text = self.page(['-f', 'html', '--input', 'jsonl',
                              'tests/golden/articles.jsonl'], status=2)
        secs = pg.find('section', 'doc')
        self.assertGreaterEqual(len(secs), 3)
        self.assertIn('tab\there', [s['data-name'] for s in secs])

    def test_crlf_bom_and_empty(self):
        with tempfile.TemporaryDirectory() as d:
            name = os.path.join(d, 'crlf.txt')
            with open(name, 'wb') as f:
                f.write(b'\xef\xbb\xbf"One,\r\n\r\ntwo," Ana Ruiz said.\r\n'
                        b'Lone\rCR and \xff byte.\r\n')
            pg, _ = self.page(['-f', 'html', name])
            self.assertEqual(pg.article.lstrip('\ufeff'),
                             '"One,\n\ntwo," Ana Ruiz said.\nLone\nCR and '
                             '\ufffd byte.\n')
            empty = os.path.join(d, 'empty.txt')
            open(empty, 'w').close()
            pg, _ = self.page(['-f', 'html', empty])
            self.assertEqual(pg.find('table'), [])

    def test_speakers_page(self):
        pg, _ = self.page(['speakers', '-f', 'html', HARBOUR])
        self.assertEqual(len(pg.find('section', 'doc')), 1)
        self.assertGreater(len(pg.find('tr')), 1)

    def test_output_file(self):
        with tempfile.TemporaryDirectory() as d:
            out = os.path.join(d, 'page.html')
            p = run(['-f', 'html', '-o', out, HARBOUR])
            self.assertEqual(p.returncode, 0)
            with open(out, encoding='utf-8') as f:
                self.assertEqual(Page(f.read()).errors, [])


class TestVerifyPage(HtmlCase):
    def test_statuses_diff_and_source(self):
        pg, text = self.page(['verify', '-f', 'html', '--source',
                              VERIFY + '/transcript.txt',
                              VERIFY + '/draft.txt'], status=1)
        rows = [json.loads(x) for x in run(
            ['verify', '-f', 'jsonl', '--source', VERIFY + '/transcript.txt',
             VERIFY + '/draft.txt']).stdout.decode().splitlines()]
        with open(VERIFY + '/draft.txt', encoding='utf-8') as f:
            self.assertEqual(pg.article, shown(f.read()))
        # each quote: a label in the draft and one in the checks, its
        # status in words
        for q in rows:
            st = q['status']
            marks = [a for a in pg.find('mark', 'q')
                     if a.get('title', '').startswith('Quote %d,' % q['n'])]
            self.assertTrue(marks)
            self.assertIn('v-' + st, marks[0]['class'].split())
            labels = pg.find('a', 'v-' + st)
            self.assertTrue(any(a.get('href', '').endswith('-c%d' % q['n'])
                                for a in labels), q['n'])
            self.assertRegex(text, r'>%d [^<]*&#160;%s</a>' % (q['n'], st))
        self.assertIn('<del>safety</del> <ins>security</ins>', text)
        self.assertIn('Source: <b>tests/verify/transcript.txt</b>, line 9, '
                      'at <time>00:00:25</time>, speaker MARGARET OKAFOR',
                      text)
        self.assertIn('speaker mismatch', text)
        summary = re.search(r'<p class="summary">(.*?)</p>', text).group(1)
        for st in ('exact', 'elided', 'altered', 'missing', 'indirect'):
            n = sum(1 for q in rows if q['status'] == st)
            self.assertIn('%d %s' % (n, st), summary)

    def test_injection_in_draft_and_source(self):
        with tempfile.TemporaryDirectory() as d:
            src = os.path.join(d, 'source<b>.txt')
            with open(src, 'w') as f:
                f.write('JO PARK: We will not print <script>document.title='
                        "'PWNED'</script> in the minutes.\n")
            pg, text = self.page(['verify', '-f', 'html', '--source', src,
                                  INJECTION], status=1)
            with open(INJECTION, encoding='utf-8', newline='') as f:
                self.assertEqual(pg.article, shown(f.read()))
            self.assertEqual(text.count('<script'), 1)
            self.assertIn('source&lt;b&gt;.txt', text)
            self.assertNotIn('source<b>', text)

    def test_several_drafts(self):
        pg, _ = self.page(['verify', '-f', 'html', '--source',
                           VERIFY + '/transcript.txt',
                           VERIFY + '/draft.txt',
                           VERIFY + '/clean-draft.txt'], status=1)
        self.assertEqual(len(pg.find('section', 'doc')), 2)
        self.assertEqual(len(pg.find('nav', 'toc')), 1)


if __name__ == '__main__':
    QUOTH = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)
