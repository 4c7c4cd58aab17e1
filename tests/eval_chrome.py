#!/usr/bin/env python3
"""The chrome battery (tests/data/chrome/, issue 12, session 12): site chrome after news
paragraphs and doubled words, each with look-alikes that must stay quiet, in all six
languages. boilerplate.tsv rows are caught by a boilerplate or stray-heading finding at
warning or above; repeated.tsv rows by a repeated-word finding (error rows: an error with
a safe fix). A quiet row is a false alarm when such a finding at warning or above falls on
it. Prints per file, language and expectation: rows right / rows. An expectation written
with a leading `?` (`?flag`) is a kind tqc does not handle yet: counted, not asserted.

    python3 tests/eval_chrome.py [--tqc ./tqc] [--verbose] [--strict]
With --strict, exits 1 when a row not marked `?` is wrong (tests/e2e_chrome.sh).
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
FILES = {'boilerplate.tsv': {'boilerplate', 'stray-heading'},
         'repeated.tsv': {'repeated-word'}}
RANK = {'info': 0, 'warning': 1, 'error': 2}


def load(path):
    rows = []
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if not line or line.startswith('#'):
                continue
            lang, expect, text = line.split('\t', 2)
            open_kind = expect.startswith('?')
            expect = expect.lstrip('?')
            text = text.replace(' ¶ ', '\n\n').replace('↵', '\n')
            rows.append((lang, expect, open_kind, text + '\n'))
    return rows


def findings(tqc, lang, text, tmp):
    path = os.path.join(tmp, 'row.txt')
    with open(path, 'w', encoding='utf-8') as f:
        f.write(text)
    out = subprocess.run([tqc, 'check', '--lang', lang, '--format', 'jsonl', path],
                         capture_output=True, text=True)
    if out.returncode not in (0, 1):
        sys.exit('tqc failed: ' + out.stderr)
    return [json.loads(l) for l in out.stdout.splitlines() if l.strip()]


def rule_id(f):
    r = f.get('rule')
    return r.get('id') if isinstance(r, dict) else r


def right(expect, found):
    top = max((RANK.get(f.get('severity'), 0) for f in found), default=-1)
    if expect == 'quiet':
        return top < 1
    if expect == 'flag':
        return top >= 1
    return any(f.get('severity') == 'error' and f.get('fix') for f in found)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--tqc', default='./tqc')
    ap.add_argument('--verbose', action='store_true')
    ap.add_argument('--strict', action='store_true')
    args = ap.parse_args()
    wrong = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name, rules in FILES.items():
            score = defaultdict(lambda: [0, 0])
            for lang, expect, open_kind, text in load(os.path.join(HERE, 'data/chrome', name)):
                found = [f for f in findings(args.tqc, lang, text, tmp)
                         if rule_id(f) in rules]
                ok = right(expect, found)
                kind = 'quiet' if expect == 'quiet' else 'defect'
                score[(lang, kind)][0] += ok
                score[(lang, kind)][1] += 1
                wrong += not ok and not open_kind
                if not ok and (args.verbose or (args.strict and not open_kind)):
                    sev = ','.join(f.get('severity', '?') for f in found) or '-'
                    mark = '?' if open_kind else ''
                    print(f'  MISS {name} {lang} {mark}{expect} [{sev}] {text.strip()!r}')
            tot = {k: [sum(v[0] for (l, kk), v in score.items() if kk == k),
                       sum(v[1] for (l, kk), v in score.items() if kk == k)]
                   for k in ('defect', 'quiet')}
            per = ' '.join(f'{l}:{score[(l, "defect")][0]}/{score[(l, "defect")][1]},'
                           f'{score[(l, "quiet")][0]}/{score[(l, "quiet")][1]}'
                           for l in sorted({l for l, _ in score}))
            print(f'{name}: defects {tot["defect"][0]}/{tot["defect"][1]}, '
                  f'quiet {tot["quiet"][0]}/{tot["quiet"][1]}  ({per})')
    return 1 if args.strict and wrong else 0


if __name__ == '__main__':
    sys.exit(main())
