#!/usr/bin/env python3
"""The capitalization pass on tests/data/capitalization/battery.tsv (issue 12): capitals a
sentence's words should not have, names and sentence starts in lower case, in every
document language, and correct text that looks suspicious (names that are common words).

A `cap` row is caught when a capitalization finding at warning or above covers its marked
span (one at info counts as `said less`); a `-` row is a false alarm when a capitalization
finding at warning or above falls on it (info counts as `said less`). A measurement, not a
test (tests/check_pass_capitalization.c holds the tests): exits 0 unless tqc fails.

    python3 tests/eval_capitalization.py [--tqc ./tqc] [--file F] [--verbose]
"""
import argparse
import os

# (one tqc run a language over a file a row, as for the untranslated sentences)
from eval_untranslated import findings, rules_of

RANK = {'info': 0, 'warning': 1, 'error': 2}


def load(path):
    rows = []
    with open(path, encoding='utf-8') as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip('\n')
            if not line or line.startswith('#'):
                continue
            lang, want, kind, marked = line.split('\t')
            a, b = marked.find('[['), marked.find(']]')
            text = marked.replace('[[', '').replace(']]', '')
            span = None
            if a >= 0:
                start = len(marked[:a].encode('utf-8'))
                end = len(marked[:b].replace('[[', '').encode('utf-8'))
                span = (start, end)
            rows.append({'n': n, 'lang': lang, 'want': want, 'kind': kind, 'text': text,
                         'span': span})
    return rows


def main():
    ap = argparse.ArgumentParser()
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument('--tqc', default='./tqc')
    ap.add_argument('--file', default=os.path.join(here, 'data/capitalization/battery.tsv'))
    ap.add_argument('--verbose', action='store_true')
    a = ap.parse_args()
    rows = load(a.file)
    found = findings(a.tqc, rows)
    tally = {}
    for r, fs in zip(rows, found):
        caps = [f for f in fs if 'capitalization' in rules_of(f)]
        if r['want'] == 'cap':
            s, e = r['span']
            on = [f for f in caps if f['offset'] < e and f['offset'] + f['length'] > s]
            best = max((RANK.get(f['severity'], 0) for f in on), default=-1)
            verdict = 'caught' if best >= 1 else 'weak' if best == 0 else 'missed'
        else:
            best = max((RANK.get(f['severity'], 0) for f in caps), default=-1)
            verdict = 'alarm' if best >= 1 else 'less' if best == 0 else 'quiet'
        t = tally.setdefault(r['lang'], {})
        t[verdict] = t.get(verdict, 0) + 1
        if a.verbose and verdict not in ('caught', 'quiet'):
            print('%s %-7s %-10s %s | %s' % (r['lang'], verdict, r['kind'], r['text'],
                  '; '.join('%s %s' % (f['severity'], f['message'][:70]) for f in caps)))
    total = {}
    for lang in sorted(tally):
        t = tally[lang]
        for k, v in t.items():
            total[k] = total.get(k, 0) + v
        print('%s: defects caught %d, said less %d, missed %d; correct rows quiet %d, '
              'said less %d, false alarms %d' % (
                  lang, t.get('caught', 0), t.get('weak', 0), t.get('missed', 0),
                  t.get('quiet', 0), t.get('less', 0), t.get('alarm', 0)))
    print('all: caught %d, missed %d, false alarms %d' % (
        total.get('caught', 0), total.get('missed', 0), total.get('alarm', 0)))


if __name__ == '__main__':
    main()
