#!/usr/bin/env python3
"""The HTML pages in a real browser: headless Chromium.

    test_html_browser.py QUOTH

Renders the pages of `quoth -f html` (data/examples/harbour.txt and
tests/html/injection.txt) and `quoth verify -f html` (the injection text
against a source that carries the same script), opens them with
`chromium --headless --dump-dom` and checks the DOM after the page's own
script ran: the highlighted quotes with their speakers' labels, the
legend, the table, the verify labels; that the page's script did run
(the CSP hash is right) and the injected ones did not (they would set
document.title to PWNED and give <body> the id "pwned").  Then a
screenshot (--screenshot --window-size=1200,1600) is decoded with zlib
and struct alone and must not be blank: its pixels vary and the speaker
and status colours are on it.

Exits 77 (skipped) when there is no chromium.  Run from the source root.
"""
import html.parser
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import unittest
import zlib

QUOTH = None
CHROMIUM = None
HARBOUR = 'data/examples/harbour.txt'
INJECTION = 'tests/html/injection.txt'
FLAGS = ['--headless', '--no-sandbox', '--disable-gpu',
         '--disable-background-networking', '--disable-component-update',
         '--no-first-run']


def chromium(args, tmp):
    """Run chromium with a fresh profile; returns stdout as text."""
    prof = tempfile.mkdtemp(dir=tmp, prefix='profile-')
    p = subprocess.run([CHROMIUM] + FLAGS + ['--user-data-dir=' + prof] +
                       args, capture_output=True, timeout=180)
    if p.returncode != 0:
        raise AssertionError('chromium failed: %s' % p.stderr[-2000:])
    return p.stdout.decode('utf-8', 'replace')


class Elements(html.parser.HTMLParser):
    """Every element of a serialised DOM as (tag, attributes)."""

    def __init__(self, text):
        super().__init__()
        self.all = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.all.append((tag, dict(attrs)))


def png_pixels(path):
    """(width, height, channels, rows of bytes) of an 8-bit PNG."""
    with open(path, 'rb') as f:
        data = f.read()
    assert data[:8] == b'\x89PNG\r\n\x1a\n', 'not a PNG'
    pos, idat, ihdr = 8, [], None
    while pos < len(data):
        n, kind = struct.unpack('>I4s', data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b'IHDR':
            ihdr = struct.unpack('>IIBBBBB', body)
        elif kind == b'IDAT':
            idat.append(body)
        pos += 12 + n
    w, h, depth, ctype, _, _, interlace = ihdr
    assert depth == 8 and interlace == 0, ihdr
    ch = {0: 1, 2: 3, 4: 2, 6: 4}[ctype]
    raw = zlib.decompress(b''.join(idat))
    stride = w * ch
    rows, prev = [], bytearray(stride)
    for y in range(h):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        if f == 1:
            for i in range(ch, stride):
                line[i] = (line[i] + line[i - ch]) & 0xFF
        elif f == 2:
            for i in range(stride):
                line[i] = (line[i] + prev[i]) & 0xFF
        elif f == 3:
            for i in range(stride):
                left = line[i - ch] if i >= ch else 0
                line[i] = (line[i] + ((left + prev[i]) >> 1)) & 0xFF
        elif f == 4:
            for i in range(stride):
                a = line[i - ch] if i >= ch else 0
                b = prev[i]
                c = prev[i - ch] if i >= ch else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + pred) & 0xFF
        rows.append(bytes(line))
        prev = line
    return w, h, ch, rows


def colours(path):
    """Count of each RGB colour in the screenshot."""
    w, h, ch, rows = png_pixels(path)
    count = {}
    for row in rows:
        for x in range(0, w * ch, ch):
            rgb = row[x:x + 3]
            count[rgb] = count.get(rgb, 0) + 1
    return w, h, count


def rgb(hexcode):
    return bytes.fromhex(hexcode.lstrip('#'))


class Browser(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix='quoth-browser-')
        cls.src = os.path.join(cls.tmp, 'source.txt')
        with open(cls.src, 'w') as f:
            f.write("JO PARK: We will not print <script>document.title="
                    "'PWNED'</script> in the minutes.\n")
        cls.pages = {}
        for name, args in (
                ('quotes', ['-f', 'html', HARBOUR, INJECTION]),
                ('verify', ['verify', '-f', 'html', '--source', cls.src,
                            '--source', 'tests/verify/transcript.txt',
                            INJECTION, 'tests/verify/draft.txt'])):
            out = os.path.join(cls.tmp, name + '.html')
            p = subprocess.run([QUOTH] + args + ['-o', out],
                               capture_output=True)
            assert p.returncode in (0, 1), p.stderr
            cls.pages[name] = out

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def dom(self, name):
        return chromium(['--dump-dom', 'file://' + self.pages[name]],
                        self.tmp)

    def assert_safe(self, dom):
        # the page's own script ran (its hash is allowed) ...
        self.assertRegex(dom, r'<html lang="en" class="js">')
        # ... and nothing from the input did
        self.assertNotIn('PWNED</title>', dom)
        self.assertRegex(dom, r'<title>quoth[^<]*</title>')
        self.assertNotIn('id="pwned"', dom)
        elements = Elements(dom).all
        tags = [t for t, _ in elements]
        self.assertEqual(tags.count('script'), 1)
        self.assertNotIn('img', tags)
        for t, attrs in elements:
            for k in attrs:
                self.assertFalse(k.startswith('on'), (t, k))
            self.assertNotIn('src', attrs)
        self.assertIn('&lt;script&gt;document.title=\'PWNED\'&lt;/script&gt;',
                      dom)

    def test_quotes_page_dom(self):
        dom = self.dom('quotes')
        self.assert_safe(dom)
        # highlighted quotes with their speakers' labels
        self.assertGreaterEqual(
            len(re.findall(r'<mark class="q (direct|mixed|indirect|partial) '
                           r'c\d+" data-s="\d+" title="Quote', dom)), 8)
        for label in ('1&nbsp;Ruiz', '4&nbsp;Fenwick', '1&nbsp;Park',
                      '3&nbsp;Ode'):
            self.assertRegex(dom, r'<a class="who c\d+"[^>]*>%s</a>' % label)
        self.assertIn('<span class="cue" title="cue of quote 1">told</span>',
                      dom)
        # the legend (and the filter the script adds to it), the table
        self.assertEqual(dom.count('<div class="legend">'), 2)
        self.assertIn('data-name="Ana Ruiz"', dom)
        self.assertIn('<option value="1">Tom Fenwick</option>', dom)
        self.assertEqual(dom.count('<table class="quotes">'), 2)
        self.assertIn('<td>We cannot ask people to rebuild their lives on a '
                      'promise,</td>', dom)
        self.assertIn('<nav class="toc"', dom)

    def test_verify_page_dom(self):
        dom = self.dom('verify')
        self.assert_safe(dom)
        for st in ('exact', 'missing', 'altered', 'elided', 'indirect'):
            self.assertRegex(dom, r'<a class="v v-%s" href="#d[0-9a-f]{8}-c'
                                  r'\d+" id="[^"]+">\d+ .&nbsp;%s</a>'
                             % (st, st))
        self.assertRegex(dom, r'<p class="summary"><b>3 quotes</b> <span '
                              r'class="v v-exact">1 exact</span>')
        self.assertIn('<del>safety</del> <ins>security</ins>', dom)
        self.assertRegex(dom, r'Source: <b>[^<]*source\.txt</b>, line 1')

    def screenshot(self, name):
        png = os.path.join(self.tmp, name + '.png')
        chromium(['--screenshot=' + png, '--window-size=1200,1600',
                  '--hide-scrollbars', 'file://' + self.pages[name]],
                 self.tmp)
        w, h, count = colours(png)
        self.assertEqual((w, h), (1200, 1600))
        # not blank: many colours, and more than the background
        self.assertGreater(len(count), 50)
        top = max(count.values())
        self.assertLess(top, 0.97 * w * h)
        return count

    def test_quotes_screenshot(self):
        count = self.screenshot('quotes')
        # the first two speakers' highlight colours are painted
        self.assertGreater(count.get(rgb('#ffd8a8'), 0), 2000)
        self.assertGreater(count.get(rgb('#a5d8ff'), 0), 2000)

    def test_verify_screenshot(self):
        count = self.screenshot('verify')
        self.assertGreater(count.get(rgb('#8ce99a'), 0), 500)   # exact
        self.assertGreater(count.get(rgb('#ffa8a8'), 0), 500)   # missing


if __name__ == '__main__':
    QUOTH = os.path.abspath(sys.argv.pop(1))
    CHROMIUM = (shutil.which('chromium') or shutil.which('chromium-browser')
                or shutil.which('google-chrome'))
    if not CHROMIUM:
        print('chromium not found: skipped')
        sys.exit(77)
    unittest.main(verbosity=2)
