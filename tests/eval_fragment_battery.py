#!/usr/bin/env python3
"""Score tqc's fragment pass on the battery (tests/data/fragment/battery.tsv): each row is
a sentence before and the sentence judged; a `frag` row is caught by a fragment finding at
warning or above on the judged sentence, an `ok` row is a false alarm when it has one (a
hint, info, is allowed: it says less). Usage: eval_fragment_battery.py [--tqc PATH]
[--battery FILE] [--verbose] [--expect-at-least CAUGHT CLEAN]: the last exits 1 when fewer
fragments are caught or fewer correct sentences left alone."""
import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def judged_offset(text):
    """Byte offset of the judged (last) sentence: after the sentence before's full stop."""
    raw = text.encode()
    cut = raw.rfind(b'. ', 0, len(raw) - 1)
    return cut + 2


def run(tqc, lang, texts):
    """The fragment findings on each text's judged sentence, one tqc run a language: each
    text is a paragraph of its own (the pass reads a paragraph's sentences together)."""
    spans, body = [], b''
    for text in texts:
        raw = text.encode()
        spans.append((len(body) + judged_offset(text), len(body) + len(raw)))
        body += raw + b'\n\n'
    with tempfile.NamedTemporaryFile('wb', suffix='.txt', delete=False) as f:
        f.write(body)
        path = f.name
    try:
        out = subprocess.run([tqc, 'check', '-j1', '-l', lang, '--format', 'jsonl',
                              '--disable=untranslated', path],
                             capture_output=True, text=True, check=False).stdout
    finally:
        os.unlink(path)
    found = [[] for _ in texts]
    for line in out.splitlines():
        if not line.startswith('{'):
            continue
        f = json.loads(line)
        if f.get('rule') != 'fragment':
            continue
        for i, (start, end) in enumerate(spans):
            if f['offset'] < end and f['offset'] + f['length'] > start:
                found[i].append(f)
    return found


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--tqc', default=os.path.join(HERE, '..', 'tqc'))
    ap.add_argument('--battery', default=os.path.join(HERE, 'data', 'fragment', 'battery.tsv'))
    ap.add_argument('--verbose', action='store_true')
    ap.add_argument('--expect-at-least', nargs=2, type=int, metavar=('CAUGHT', 'CLEAN'))
    a = ap.parse_args()
    rows = []
    for line in open(a.battery, encoding='utf-8'):
        if line.startswith('#') or not line.strip():
            continue
        rows.append(line.rstrip('\n').split('\t'))
    found = {}
    for lang in dict.fromkeys(r[0] for r in rows):
        mine = [r for r in rows if r[0] == lang]
        for r, f in zip(mine, run(a.tqc, lang, [r[3] for r in mine])):
            found[id(r)] = f
    tally = {}
    for row in rows:
        lang, expect, kind, text = row
        hits = found[id(row)]
        warn = [f for f in hits if f['severity'] in ('warning', 'error')]
        t = tally.setdefault(lang, [0, 0, 0, 0, 0])   # frag caught, frag, hint, ok clean, ok
        if expect == 'frag':
            t[1] += 1
            t[0] += bool(warn)
            t[2] += bool(hits) and not warn
            good = bool(warn)
        else:
            t[4] += 1
            t[3] += not warn
            good = not warn
        if a.verbose and not good:
            what = hits[0]['severity'] if hits else 'none'
            print(f'{"MISS" if expect == "frag" else "FALSE"}\t{lang}\t{kind}\t{what}\t{text}')
    caught = sum(t[0] for t in tally.values())
    frags = sum(t[1] for t in tally.values())
    clean = sum(t[3] for t in tally.values())
    oks = sum(t[4] for t in tally.values())
    for lang, t in tally.items():
        print(f'{lang}\tfragments {t[0]}/{t[1]} (hint on {t[2]} more)\tcorrect left alone {t[3]}/{t[4]}')
    print(f'all\tfragments {caught}/{frags}\tcorrect left alone {clean}/{oks}')
    if a.expect_at_least and (caught < a.expect_at_least[0] or clean < a.expect_at_least[1]):
        sys.exit(1)


if __name__ == '__main__':
    main()
