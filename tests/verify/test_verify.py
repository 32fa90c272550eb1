#!/usr/bin/env python3
"""`quoth verify` end to end (SPEC "verify", issue 4) on the fictional
transcripts and drafts of this directory:

    transcript.txt   plain transcript: speaker labels, [00:00:05] times,
                     [inaudible], (Applause.)
    hearing.vtt      WebVTT with <v> voices, tags, an entity, NOTE block
    radio.srt        SRT with "NAME:" labels, {\\an8} and [laughs]
    draft.txt        one quote for each way a quote goes wrong
    hearing-draft.txt, radio-draft.txt, clean-draft.txt

    test_verify.py QUOTH [unittest options]

Quotes are found by their text, so the tests do not depend on the order
in which the extractor reports them; where a test needs the article's
speaker it uses quotes whose attribution is not in doubt ("X said").
"""

import csv
import io
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unittest

QUOTH = None
HERE = os.path.dirname(os.path.abspath(__file__))

COLUMNS = ['doc', 'n', 'type', 'speaker', 'status', 'similarity', 'quote',
           'source', 'source_start', 'source_end', 'source_line', 'timestamp',
           'source_words', 'diff', 'speaker_label', 'speaker_mismatch']


def path(name):
    return os.path.join(HERE, name)


def read(name, mode='rb'):
    with open(name, mode) as f:
        return f.read()


def write(name, data):
    with open(name, 'w') as f:
        f.write(data)


def run(args, stdin=b'', env=None):
    full_env = dict(os.environ, LC_ALL='C.UTF-8')
    full_env.pop('NO_COLOR', None)
    if env:
        full_env.update(env)
    return subprocess.run([QUOTH, 'verify'] + args, input=stdin,
                          capture_output=True, env=full_env, timeout=120)


def rows(args, **kw):
    p = run(args + ['-f', 'jsonl'], **kw)
    return p, [json.loads(line) for line in p.stdout.decode().splitlines()]


def find(recs, text):
    hits = [r for r in recs if text in (r['quote'] or '')]
    assert len(hits) == 1, (text, [r['quote'] for r in recs])
    return hits[0]


class Draft(unittest.TestCase):
    """draft.txt against transcript.txt: every status."""

    @classmethod
    def setUpClass(cls):
        cls.proc, cls.recs = rows(['--source', path('transcript.txt'),
                                   path('draft.txt')])

    def q(self, text):
        return find(self.recs, text)

    def test_exit_status_is_1(self):
        self.assertEqual(self.proc.returncode, 1, self.proc.stderr)
        self.assertEqual(self.proc.stderr, b'')

    def test_exact(self):
        r = self.q('forty million dollars,')
        self.assertEqual(r['status'], 'exact')
        self.assertEqual(r['similarity'], 1.0)
        self.assertEqual(r['source'], path('transcript.txt'))
        self.assertEqual(r['timestamp'], '00:00:25')
        self.assertEqual(r['speaker_label'], 'MARGARET OKAFOR')
        self.assertFalse(r['speaker_mismatch'])
        src = read(path('transcript.txt'))
        self.assertEqual(src[r['source_start']:r['source_end']],
                         b'The barrier will cost about forty million dollars')
        self.assertEqual(r['source_line'], 9)

    def test_typography_only(self):
        # curly marks, an en dash for an em dash, a line break
        self.assertEqual(self.q('Nobody will be left behind')['status'],
                         'exact')
        self.assertEqual(self.q('I\u2019ll admit that')['status'], 'exact')

    def test_one_word_changed(self):
        r = self.q('security of this valley')
        self.assertEqual(r['status'], 'altered')
        self.assertIn('[-safety-] {+security+}', r['diff'])
        self.assertAlmostEqual(r['similarity'], 12 / 13, places=3)

    def test_word_dropped(self):
        r = self.q('rebuilding the houses')
        self.assertEqual(r['status'], 'altered')
        self.assertIn('the [-same-] houses', r['diff'])

    def test_words_reordered(self):
        r = self.q('town, frankly,')
        self.assertEqual(r['status'], 'altered')
        self.assertIn('[-Frankly,-]', r['diff'])
        self.assertIn('{+frankly,+}', r['diff'])

    def test_sentences_joined(self):
        r = self.q('The reports will be published before the summer. We')
        self.assertEqual(r['status'], 'altered')
        self.assertIn('[-\u2026-]', r['diff'])
        # adjacent sentences across a line break of the source stay exact
        self.assertEqual(self.q('Good morning, and thank you')['status'],
                         'exact')

    def test_ellipsis(self):
        r = self.q('dollars ... an investment')
        self.assertEqual(r['status'], 'elided')
        self.assertEqual(r['similarity'], 1.0)

    def test_bracketed_insertion(self):
        r = self.q('[The ministry]')
        self.assertEqual(r['status'], 'elided')
        self.assertIn('[-They-] {+[The ministry]+}', r['diff'])

    def test_two_turns_of_one_speaker(self):
        r = self.q('Because the first contractor walked away')
        self.assertEqual(r['status'], 'exact')
        self.assertFalse(r['speaker_mismatch'])
        self.assertEqual(r['timestamp'], '00:02:14')

    def test_wrong_speaker(self):
        hits = [r for r in self.recs
                if (r['quote'] or '').startswith('They have not shown')]
        self.assertEqual(len(hits), 1)
        r = hits[0]
        self.assertEqual(r['status'], 'exact')
        self.assertEqual(r['speaker_label'], 'DANIEL REYES')
        self.assertTrue(r['speaker_mismatch'])
        # the same words given to Reyes are no mismatch
        self.assertFalse(self.q('[The ministry]')['speaker_mismatch'])

    def test_missing(self):
        r = self.q('second barrier')
        self.assertEqual(r['status'], 'missing')
        self.assertLess(r['similarity'], 0.5)
        self.assertIsNone(r['source'])
        self.assertIsNone(r['source_start'])
        self.assertFalse(r['speaker_mismatch'])
        self.assertTrue(r['diff'].startswith('{+'))

    def test_partial(self):
        r = self.q('"an investment in the safety of this valley"')
        self.assertIn(r['type'], ('mixed', 'partial'))
        self.assertEqual(r['status'], 'exact')

    def test_indirect_not_judged(self):
        ind = [r for r in self.recs if r['type'] == 'indirect']
        self.assertTrue(ind)
        for r in ind:
            self.assertEqual(r['status'], 'indirect')
            self.assertIsNone(r['similarity'])
            self.assertIsNone(r['diff'])

    def test_all_judges_indirect(self):
        _, recs = rows(['--all', '--source', path('transcript.txt'),
                        path('draft.txt')])
        self.assertEqual(len(recs), len(self.recs))
        self.assertFalse([r for r in recs if r['status'] == 'indirect'])

    def test_columns_in_order(self):
        for r in self.recs:
            self.assertEqual(list(r), COLUMNS)
            self.assertEqual(r['doc'], path('draft.txt'))


class Subtitles(unittest.TestCase):
    def test_webvtt(self):
        p, recs = rows(['--source', path('hearing.vtt'),
                        path('hearing-draft.txt')])
        self.assertEqual(p.returncode, 1)
        r = find(recs, 'ground conditions')
        self.assertEqual(r['status'], 'exact')
        self.assertEqual(r['timestamp'], '00:00:09.000')
        self.assertEqual(r['speaker_label'], 'Tomas Vidal')
        self.assertEqual(r['source_line'], 19)
        self.assertEqual(find(recs, 'opened eighteen')['speaker_label'],
                         'Chair Lena Brandt')
        r = find(recs, 'never happen')
        self.assertEqual(r['status'], 'altered')
        self.assertIn('[-not-] {+never+}', r['diff'])

    def test_srt(self):
        p, recs = rows(['--source', path('radio.srt'),
                        path('radio-draft.txt')])
        self.assertEqual(p.returncode, 1)
        r = find(recs, 'twice the size')
        self.assertEqual(r['status'], 'exact')
        self.assertEqual(r['timestamp'], '00:00:06,200')
        self.assertEqual(find(recs, 'Nobody believed')['status'], 'exact')
        r = find(recs, 'Welcome back')
        self.assertEqual(r['speaker_label'], 'HOST')
        self.assertTrue(r['speaker_mismatch'])


class Runs(unittest.TestCase):
    def test_clean_draft_exits_0(self):
        p, recs = rows(['--source', path('transcript.txt'),
                        path('clean-draft.txt')])
        self.assertEqual(p.returncode, 0, recs)
        self.assertTrue(recs)
        self.assertEqual({r['status'] for r in recs} -
                         {'exact', 'elided', 'indirect'}, set())

    def test_directory_and_several_sources(self):
        with tempfile.TemporaryDirectory() as d:
            for name in ('transcript.txt', 'hearing.vtt', 'radio.srt'):
                shutil.copy(path(name), d)
            os.mkdir(os.path.join(d, 'subdir'))
            write(os.path.join(d, '.hidden'), 'forty million')
            p, recs = rows(['--source', d, path('hearing-draft.txt')])
            self.assertEqual(p.returncode, 1, p.stderr)
            r = find(recs, 'ground conditions')
            self.assertEqual(r['source'], os.path.join(d, 'hearing.vtt'))
            p, recs = rows(['-s', path('radio.srt'), '-s',
                            path('transcript.txt'), path('clean-draft.txt')])
            self.assertEqual(p.returncode, 0)

    def test_formats(self):
        args = ['--source', path('transcript.txt'), path('clean-draft.txt')]
        p = run(args + ['-f', 'csv'])
        self.assertEqual(p.returncode, 0)
        text = p.stdout.decode()
        self.assertTrue(text.startswith(','.join(COLUMNS) + '\r\n'))
        recs = list(csv.DictReader(io.StringIO(text)))
        self.assertTrue(recs)
        for r in recs:
            if r['status'] != 'indirect':
                self.assertRegex(r['similarity'], r'^\d\.\d{3}$')
            self.assertIn(r['speaker_mismatch'], ('true', 'false'))
        p = run(args + ['-f', 'tsv'])
        lines = p.stdout.decode().splitlines()
        self.assertEqual(lines[0].split('\t'), COLUMNS)
        self.assertTrue(all(len(x.split('\t')) == len(COLUMNS)
                            for x in lines))
        p = run(args + ['-f', 'table', '--color', 'never'])
        out = p.stdout.decode()
        self.assertIn('clean-draft.txt: ', out)
        self.assertNotIn('\x1b[', out)

    def test_color(self):
        args = ['--source', path('transcript.txt'), path('draft.txt'),
                '-f', 'table']
        out = run(args + ['--color', 'always']).stdout.decode()
        self.assertIn('\x1b[31m[-safety-]\x1b[0m', out)
        self.assertIn('\x1b[32m{+security+}\x1b[0m', out)
        # auto: not a terminal, so no colour; NO_COLOR under always: still
        # colour, as asked
        self.assertNotIn('\x1b[', run(args).stdout.decode())
        self.assertIn('\x1b[', run(args + ['--color', 'always'],
                                   env={'NO_COLOR': '1'}).stdout.decode())

    def test_stdin_and_output_file(self):
        article = read(path('clean-draft.txt'))
        with tempfile.TemporaryDirectory() as d:
            out = os.path.join(d, 'out.jsonl')
            p = run(['--source', path('transcript.txt'), '-f', 'jsonl', '-o',
                     out], stdin=article)
            self.assertEqual(p.returncode, 0, p.stderr)
            self.assertEqual(p.stdout, b'')
            recs = [json.loads(x) for x in read(out, 'r').splitlines()]
            self.assertTrue(recs)
            self.assertEqual({r['doc'] for r in recs}, {'-'})
            self.assertEqual(os.listdir(d), ['out.jsonl'])

    def test_errors_exit_2(self):
        p = run([path('draft.txt')])
        self.assertEqual(p.returncode, 2)
        self.assertIn(b'--source', p.stderr)
        p = run(['--source', '/nonexistent/t.txt', path('draft.txt')])
        self.assertEqual(p.returncode, 2)
        self.assertIn(b'/nonexistent/t.txt', p.stderr)
        self.assertEqual(p.stdout, b'')
        with tempfile.TemporaryDirectory() as d:
            p = run(['--source', d, path('draft.txt')])
            self.assertEqual(p.returncode, 2)
        # an unreadable source or article: the rest is still checked
        p, recs = rows(['--source', path('transcript.txt'), '--source',
                        '/nonexistent/t.txt', path('clean-draft.txt'),
                        '/nonexistent/a.txt'])
        self.assertEqual(p.returncode, 2)
        self.assertTrue(recs)
        self.assertTrue(all(r['status'] in ('exact', 'elided', 'indirect')
                            for r in recs))
        p = run(['--source', path('transcript.txt'), '-f', 'xml'])
        self.assertEqual(p.returncode, 2)
        p = run(['--bogus'])
        self.assertEqual(p.returncode, 2)

    def test_help(self):
        p = run(['--help'])
        self.assertEqual(p.returncode, 0)
        self.assertIn(b'--source', p.stdout)

    def test_own_help_and_version(self):
        # issue 13 item 16: verify's own help, listing verify's options
        # (and only verify's), and --version like the main command's
        for args in (['--help'], ['-h'], ['--source', 'x', '--help']):
            p = run(args)
            self.assertEqual(p.returncode, 0, p.stderr)
            self.assertEqual(p.stderr, b'')
            text = p.stdout.decode()
            self.assertTrue(text.startswith('usage: quoth verify'), text)
            for opt in ('--source', '--all', '--format', '--output',
                        '--color', '--excel', '--lang', '--data-dir',
                        '--max-doc-bytes', '--help', '--version'):
                self.assertIn(opt, text)
            self.assertNotIn('--jobs', text)
        for args in (['--version'], ['--source', 'x', '--version']):
            p = run(args)
            self.assertEqual(p.returncode, 0, p.stderr)
            self.assertEqual(p.stderr, b'')
            self.assertRegex(p.stdout.decode(), r'^quoth \d+\.\d+\.\d+\n$')



class TableIsSanitised(unittest.TestCase):
    """Issue 13 item 6: the verify table goes through the table's one
    sanitiser, so escape sequences in an article, a source or a file name
    never reach the terminal."""

    def test_no_escape_sequences(self):
        esc = '\x1b]0;pwned\x07'
        with tempfile.TemporaryDirectory() as d:
            src = os.path.join(d, 'tape' + esc + '.txt')
            write(src, 'ODA NYMAN: The tunnel opens in June and the '
                       'fares stay as they are.\n'
                       'KARL VINTER: Thank you.\n')
            art = os.path.join(d, 'story' + esc + '.txt')
            write(art, '"The tunnel opens in \x1b[2J June \x07and the '
                       'fares stay' + esc + ' as they are," Oda Nyman '
                       'said.\n\n"The bridge \x1b[31mcloses\x1b[0m in '
                       'May," Nyman said.\n')
            for color in ('never', 'always'):
                p = run(['--source', src, '-f', 'table', '--color', color,
                         art])
                out = p.stdout.decode()
                self.assertIn('tunnel', out)
                self.assertNotIn('\x07', out)
                self.assertNotIn('\x1b]', out)
                self.assertNotIn('\x1b[2J', out)
                # colour: only the table's own SGR codes
                for seq in re.findall('\x1b[^m]*m?', out):
                    self.assertRegex(seq, '^\x1b\\[[0-9;]*m$')
                if color == 'never':
                    self.assertNotIn('\x1b', out)



class RepetitiveSource(unittest.TestCase):
    """Issue 13 item 8: a verbatim quote is always found exact, however
    few words the source is made of (the candidate search bounds its
    work, then falls back to an exact search on the normal forms)."""

    def test_small_vocabulary_against_itself(self):
        rnd = random.Random(13)
        vocab = ('amber basalt cedar dune ember fjord glacier heath inlet '
                 'jetty knoll lagoon marsh nook oasis pebble quarry reef '
                 'shoal tundra upland vale wadi xeric yardang').split()
        paras = []
        for _ in range(2000):
            w = [rnd.choice(vocab) for _ in range(rnd.randint(6, 14))]
            paras.append('"%s %s," Ana Ruiz said.' % (w[0].capitalize(),
                                                        ' '.join(w[1:])))
        with tempfile.TemporaryDirectory() as d:
            draft = os.path.join(d, 'draft.txt')
            write(draft, '\n\n'.join(paras) + '\n')
            start = time.monotonic()
            p, recs = rows(['--source', draft, draft])
            took = time.monotonic() - start
        self.assertEqual(len(recs), 2000)
        bad = [r for r in recs if r['status'] != 'exact']
        self.assertEqual(bad, [])
        self.assertEqual(p.returncode, 0)
        self.assertLess(took, 60)



class AdjacentSentences(unittest.TestCase):
    """Issue 13 item 9: two adjacent source sentences joined into one
    quote are aligned as one passage, so the diff shows the words left
    out, not the quote's first half as added."""

    def test_joined_sentences_show_what_was_cut(self):
        with tempfile.TemporaryDirectory() as d:
            src = os.path.join(d, 'briefing.txt')
            write(src, 'HALVORSEN: Good morning, everyone, and thank you '
                       'for coming out on a cold day.\n'
                       'HALVORSEN: We want, like our partners, a stable and '
                       'thriving harbour district. But we must begin by '
                       'admitting that restoring the old fishing quotas is '
                       'an unrealistic ambition. Chasing that idea will '
                       'only prolong the dispute.\n'
                       'REPORTER: Minister, what about the ferry?\n')
            art = os.path.join(d, 'story.txt')
            write(art, '"We want a stable and thriving harbour district, '
                       'but restoring the old fishing quotas is an '
                       'unrealistic ambition," Halvorsen said.\n')
            p, recs = rows(['--source', src, art])
        self.assertEqual(len(recs), 1)
        r = recs[0]
        self.assertEqual(r['status'], 'altered')
        self.assertNotIn('{+', r['diff'])
        self.assertIn('want [-like our partners,-] a stable', r['diff'])
        self.assertIn('district, but [-we must begin by admitting that-] '
                      'restoring', r['diff'])
        self.assertEqual(r['speaker_label'], 'HALVORSEN')



class SubtitleLabelsAndFolders(unittest.TestCase):
    """Issue 13 item 9: an SRT cue that begins "NAME:" is a speaker label
    (even the only one, even inside <i>), and --source DIR reads only
    transcript files."""

    DRAFT = '"The ferry will run every hour from May," Mara Lindqvist said.\n'

    def check(self, srt):
        with tempfile.TemporaryDirectory() as d:
            src = os.path.join(d, 'clip.srt')
            write(src, srt)
            art = os.path.join(d, 'story.txt')
            write(art, self.DRAFT)
            p, recs = rows(['--source', src, art])
        self.assertEqual(len(recs), 1)
        self.assertEqual(recs[0]['status'], 'exact')
        return recs[0]

    def test_one_label(self):
        r = self.check('1\n00:00:01,000 --> 00:00:03,000\n'
                       'OTTO BERG: The ferry will run every hour from '
                       'May.\n')
        self.assertEqual(r['speaker_label'], 'OTTO BERG')
        self.assertTrue(r['speaker_mismatch'])

    def test_label_in_markup(self):
        r = self.check('1\n00:00:01,000 --> 00:00:03,000\n'
                       '<i>MARA LINDQVIST:</i> The ferry will run every hour '
                       'from May.\n\n2\n00:00:03,000 --> 00:00:05,000\n'
                       '{\\an8}<b>OTTO BERG:</b> Thank you.\n')
        self.assertEqual(r['speaker_label'], 'MARA LINDQVIST')
        self.assertFalse(r['speaker_mismatch'])

    def test_folder_reads_transcripts_only(self):
        with tempfile.TemporaryDirectory() as top:
            art = os.path.join(top, 'story.txt')
            write(art, self.DRAFT)
            d = os.path.join(top, 'sources')
            os.mkdir(d)
            write(os.path.join(d, 'clip.srt'),
                  '1\n00:00:01,000 --> 00:00:03,000\n'
                  'MARA LINDQVIST: The ferry will run every hour from May.\n')
            # an old verify run left in the folder holds the quote too
            write(os.path.join(d, 'old-run.csv'),
                  'doc,quote\nstory.txt,"The ferry will run every hour '
                  'from May"\n')
            write(os.path.join(d, 'notes.TXT'), 'Nothing about ferries.\n')
            p, recs = rows(['--source', d, art])
            self.assertEqual(p.returncode, 0, p.stderr)
            self.assertEqual(recs[0]['source'], os.path.join(d, 'clip.srt'))
            os.remove(os.path.join(d, 'clip.srt'))
            p, recs = rows(['--source', d, art])
            # notes.TXT is read; the CSV is not, so the quote is missing
            self.assertEqual(recs[0]['status'], 'missing')
            os.remove(os.path.join(d, 'notes.TXT'))
            p, recs = rows(['--source', d, art])
            self.assertEqual(p.returncode, 2)
            self.assertIn(b'no source files', p.stderr)
            # named on its own, any file is a source
            p, recs = rows(['--source', os.path.join(d, 'old-run.csv'), art])
            self.assertEqual(recs[0]['status'], 'exact')


if __name__ == '__main__':
    QUOTH = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=1)
