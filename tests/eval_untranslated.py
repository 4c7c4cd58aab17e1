#!/usr/bin/env python3
"""The untranslated pass on tests/data/untranslated/sentences.tsv (issue 12): foreign
stretches inside sentences, in every document language, and sentences that must stay quiet.

A positive row is caught when an `untranslated` finding at warning or above overlaps its
stretch and names the expected language (`other`: names none of tqc's: "another language"
or a language it has no profile for; a finding at info counts as `said less`). Spelling
findings inside a stretch are counted too: the stretch must be one finding, not a string of
them. A negative row is a false alarm when any untranslated finding falls on it.
A measurement, not a test (tests/check_pass_untranslated.c holds the tests): exits 0
unless tqc fails.

    python3 tests/eval_untranslated.py [--tqc ./tqc] [--file F] [--verbose]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

NAMES = {'en': 'English', 'pt': 'Portuguese', 'es': 'Spanish', 'fr': 'French',
         'de': 'German', 'it': 'Italian'}


def load(path):
    rows = []
    with open(path, encoding='utf-8') as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip('\n')
            if not line or line.startswith('#'):
                continue
            lang, want, marked = line.split('\t')
            a = marked.find('[[')
            b = marked.find(']]')
            text = marked.replace('[[', '').replace(']]', '')
            span = None
            if a >= 0:
                start = len(marked[:a].encode('utf-8'))
                end = len(marked[:b].replace('[[', '').encode('utf-8'))
                span = (start, end)
            rows.append({'n': n, 'lang': lang, 'want': want, 'text': text, 'span': span})
    return rows


def findings(tqc, rows):
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        by_lang = {}
        for r in rows:
            path = os.path.join(tmp, 'row%03d.txt' % r['n'])
            with open(path, 'w', encoding='utf-8') as f:
                f.write(r['text'] + '\n')
            by_lang.setdefault(r['lang'], []).append(path)
            out[path] = []
        for lang, paths in sorted(by_lang.items()):
            run = subprocess.run([tqc, 'check', '-j1', '--lang', lang, '--format', 'jsonl']
                                 + paths, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            if run.returncode not in (0, 1):
                sys.exit('%s: exit %d: %s' % (tqc, run.returncode, run.stderr.decode()))
            for line in run.stdout.decode('utf-8').splitlines():
                if line.strip():
                    f = json.loads(line)
                    out[f['file']].append(f)
        return [out[os.path.join(tmp, 'row%03d.txt' % r['n'])] for r in rows]


def rules_of(f):
    return {f['rule']} | {x for x in (f.get('also') or '').split(',') if x}


def names_other(message):
    return not any(message.startswith(name + ' ') for name in NAMES.values())


def main():
    ap = argparse.ArgumentParser()
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument('--tqc', default='./tqc')
    ap.add_argument('--file', default=os.path.join(here, 'data/untranslated/sentences.tsv'))
    ap.add_argument('--verbose', action='store_true')
    args = ap.parse_args()
    rows = load(args.file)
    found = findings(args.tqc, rows)
    tally = {}
    spelled = 0
    for r, fs in zip(rows, found):
        ut = [f for f in fs if 'untranslated' in rules_of(f)]
        kind = 'negative' if r['want'] == '-' else ('other' if r['want'] == 'other' else 'named')
        t = tally.setdefault((r['lang'], kind), [0, 0, 0])
        t[1] += 1
        if kind == 'negative':
            ok = not ut
            what = 'quiet' if ok else 'FALSE ALARM'
        else:
            a, b = r['span']
            over = [f for f in ut if f['offset'] < b and a < f['offset'] + f['length']]
            if kind == 'named':
                good = [f for f in over if f['message'].startswith(NAMES[r['want']] + ' ')
                        and f['severity'] in ('warning', 'error')]
            else:
                good = [f for f in over if names_other(f['message'])]
            ok = bool(good)
            inside = [f for f in fs if f['rule'] == 'spelling'
                      and f['offset'] < b and a < f['offset'] + f['length']]
            spelled += len(inside)
            what = ('caught' if ok else 'MISSED') + \
                (' (%d spelling inside)' % len(inside) if inside else '')
        t[0] += ok
        if args.verbose or not ok:
            shown = '; '.join('%s %s [%s]' % (f['severity'], f['message'], f['text'])
                              for f in ut) or 'no untranslated finding'
            print('%3d %s %-6s %s: %s\n      %s' % (r['n'], r['lang'], r['want'], what,
                                                   r['text'], shown))
    print('\n%-10s %10s %10s %10s' % ('doc lang', 'named', 'other', 'negatives'))
    total = {'named': [0, 0], 'other': [0, 0], 'negative': [0, 0]}
    for lang in ('en', 'pt', 'es', 'fr', 'de', 'it'):
        cells = []
        for kind in ('named', 'other', 'negative'):
            ok, n = tally.get((lang, kind), [0, 0, 0])[:2]
            total[kind][0] += ok
            total[kind][1] += n
            cells.append('%d/%d' % (ok, n))
        print('%-10s %10s %10s %10s' % (lang, *cells))
    print('%-10s %10s %10s %10s' % ('all', *('%d/%d' % tuple(total[k])
                                            for k in ('named', 'other', 'negative'))))
    print('spelling findings inside foreign stretches: %d' % spelled)


if __name__ == '__main__':
    main()
