#!/usr/bin/env python3
"""Measure `quoth --gender-from-names` on a set of articles.

    tools/gender_names_eval.py [--quoth build/quoth] FILE...

Runs `quoth speakers --gender-from-names -f jsonl` and prints:
  coverage: the share of person speakers (kind person, one row per speaker
      and document) that get a gender, from the article or the name;
  agreement: for the person speakers whose gender the article states, how
      often the gender their first name gives (looked up here, separately,
      in data/en/first-names.txt with the rule of src/result.c) is the same,
      among those whose first name gives one;
  and that every gender has a gender_source.
"""
import argparse
import json
import subprocess
import sys
import unicodedata


def load_names(path):
    names = {}
    with open(path, encoding='utf-8') as f:
        for line in f:
            if line.startswith('#') or not line.strip():
                continue
            n, g = line.rstrip('\n').split('\t')
            names[n] = 'male' if g == 'm' else 'female'
    return names


def name_gender(names, speaker):
    """The rule of name_gender() in src/result.c."""
    first, sep, _ = speaker.partition(' ')
    if not sep or len(first.encode()) < 2:
        return None
    f = unicodedata.normalize('NFKD', first).casefold()
    f = ''.join(c for c in f if not unicodedata.combining(c))
    if '.' in f or any(c.isdigit() for c in f):
        return None
    whole = f.replace('-', '').replace("'", '')
    g = names.get(whole)
    if g is None and '-' in f:
        head = f.split('-')[0].replace("'", '')
        if len(head) > 1:
            g = names.get(head)
    return g


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--quoth', default='build/quoth')
    ap.add_argument('--names', default='data/en/first-names.txt')
    ap.add_argument('files', nargs='+')
    a = ap.parse_args()
    names = load_names(a.names)
    out = subprocess.run([a.quoth, 'speakers', '--gender-from-names', '-f',
                          'jsonl', *a.files], check=True,
                         capture_output=True, text=True).stdout
    rows = [json.loads(l) for l in out.splitlines()]
    person = [r for r in rows if r['kind'] == 'person']
    src = {}
    for r in person:
        src[r['gender_source']] = src.get(r['gender_source'], 0) + 1
    unsourced = sum(1 for r in rows if r['gender'] and not r['gender_source'])
    gendered = sum(1 for r in person if r['gender'])
    print(f'person speakers: {len(person)}; with a gender: {gendered} '
          f'({100 * gendered / max(1, len(person)):.1f} %); by source: '
          + ', '.join(f'{k or "none"} {v}' for k, v in sorted(
              src.items(), key=lambda kv: kv[0] or '')))
    art = [r for r in person if r['gender_source'] == 'article']
    guessed = [(r, name_gender(names, r['speaker'])) for r in art]
    guessed = [(r, g) for r, g in guessed if g]
    agree = sum(1 for r, g in guessed if g == r['gender'])
    print(f'article-gendered person speakers: {len(art)}; with a name '
          f'guess: {len(guessed)}; agreeing: {agree} '
          f'({100 * agree / max(1, len(guessed)):.1f} %)')
    print(f'genders without a source: {unsourced}')
    for r, g in guessed:
        if g != r['gender']:
            print(f'  disagree: {r["doc"]}: {r["speaker"]}: article '
                  f'{r["gender"]}, name {g}', file=sys.stderr)
    return 0


if __name__ == '__main__':
    sys.exit(main())
