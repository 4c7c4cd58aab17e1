#!/usr/bin/env python3
"""make eval's held-out section (issue 12): tqc on articles written after the rules.

Runs `tqc check --lang L --format jsonl` on each article of tests/data/heldout/ (L from the
file name) and counts a gold row caught when a finding at warning or error, whose rule (or
one of its `also` rules) is one of the row's rules, overlaps the row's span. Prints recall
per class and language and overall, precision (the findings at warning or error that catch
some gold row, over all of them, clean controls included), and each false alarm on the
clean controls, one a line; --misses also lists the rows missed and the findings on the
defective articles that catch no row. A measurement, not a test: it exits 0 unless tqc or the set
fails (2).

    python3 tests/eval_heldout.py [--tqc ./tqc] [--dir tests/data/heldout] [--json FILE]
                                  [--misses]
"""
import argparse
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import heldout_gold  # noqa: E402

SEVERE = ('warning', 'error')


def findings_of(tqc, path, lang):
    run = subprocess.run([tqc, 'check', '--lang', lang, '--format', 'jsonl', path],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if run.returncode not in (0, 1):
        raise RuntimeError('%s check %s: exit %d: %s'
                           % (tqc, path, run.returncode, run.stderr.decode(errors='replace')))
    out = []
    for line in run.stdout.decode('utf-8').splitlines():
        if line.strip():
            out.append(json.loads(line))
    return out


def rules_of(finding):
    also = finding.get('also') or ''
    return {finding['rule']} | {r for r in also.split(',') if r}


def overlaps(finding, row):
    start = finding['offset']
    end = start + max(finding['length'], 1)   # an empty span still points at a place
    return start < row.end and row.start < end


def catches(finding, row):
    return finding['file_name'] == row.file and overlaps(finding, row) \
        and bool(rules_of(finding) & set(row.rules))


def score(folder, tqc):
    arts, texts, rows, problems = heldout_gold.load(folder)
    if problems:
        raise RuntimeError('the held-out set is broken:\n' + '\n'.join(problems))
    lang_of = {name: lang for name, _, lang in arts}
    first_clean = heldout_gold.clean_from(folder)
    clean = {name for name, number, _ in arts if number >= first_clean}
    severe = []
    for name, _, lang in arts:
        for f in findings_of(tqc, os.path.join(folder, name), lang):
            if f['severity'] in SEVERE:
                f['file_name'] = name
                severe.append(f)
    caught = {id(r): any(catches(f, r) for f in severe) for r in rows}
    right = [f for f in severe if any(catches(f, r) for r in rows)]
    return arts, rows, lang_of, clean, severe, caught, right


def at_a_defect(finding, rows):
    """Whether the finding overlaps some gold span, whatever its rule."""
    return any(finding['file_name'] == r.file and overlaps(finding, r) for r in rows)


def pct(a, b):
    return '%5.1f%%' % (100.0 * a / b) if b else '    -'


def cell(a, b):
    return ('%d/%d' % (a, b)) if b else '-'


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--tqc', default='./tqc')
    ap.add_argument('--dir', default=heldout_gold.DEFAULT_DIR)
    ap.add_argument('--json', help='write the figures to this file too')
    ap.add_argument('--misses', action='store_true',
                    help='list the gold rows missed and the findings that catch none')
    args = ap.parse_args(argv[1:])
    try:
        arts, rows, lang_of, clean, severe, caught, right = score(args.dir, args.tqc)
    except (RuntimeError, OSError, ValueError) as e:
        print('eval_heldout: %s' % e, file=sys.stderr)
        return 2

    langs = sorted({lang for _, _, lang in arts})
    classes = [c for c in heldout_gold.CLASSES if any(r.cls == c for r in rows)]
    table = {}
    for r in rows:
        key = (r.cls, lang_of[r.file])
        got, total = table.get(key, (0, 0))
        table[key] = (got + caught[id(r)], total + 1)

    print('recall: gold rows caught by a finding at warning or error of one of their rules')
    print('%-15s' % 'class' + ''.join('%8s' % l for l in langs) + '%9s' % 'all')
    by_lang = {}
    for c in classes:
        line, got_c, tot_c = '%-15s' % c, 0, 0
        for l in langs:
            got, total = table.get((c, l), (0, 0))
            got_c, tot_c = got_c + got, tot_c + total
            gl, tl = by_lang.get(l, (0, 0))
            by_lang[l] = (gl + got, tl + total)
            line += '%8s' % cell(got, total)
        print(line + '%9s' % cell(got_c, tot_c))
    got_all = sum(1 for r in rows if caught[id(r)])
    print('%-15s' % 'all' + ''.join('%8s' % cell(*by_lang[l]) for l in langs)
          + '%9s' % cell(got_all, len(rows)))
    print('recall %s (%d of %d)' % (pct(got_all, len(rows)), got_all, len(rows)))

    on_clean = [f for f in severe if f['file_name'] in clean]
    print('precision %s (%d of %d findings at warning or error catch a gold row; '
          '%d on the defective articles, %d on the clean controls)'
          % (pct(len(right), len(severe)), len(right), len(severe),
             len(severe) - len(on_clean), len(on_clean)))

    right_ids = {id(f) for f in right}
    wrong = [f for f in severe if id(f) not in right_ids and f['file_name'] not in clean]
    elsewhere = [f for f in wrong if not at_a_defect(f, rows)]
    print('  of the %d on the defective articles that catch none, %d overlap a gold span '
          'under another rule, %d are elsewhere' % (len(wrong), len(wrong) - len(elsewhere),
                                                    len(elsewhere)))
    if args.misses:
        print('missed:')
        for r in rows:
            if not caught[id(r)]:
                print('  %s [%s] %r: %s' % (r.file, '|'.join(r.rules), r.span, r.note))
        print('findings on the defective articles that catch no gold row:')
        for f in wrong:
            print('  %s:%d:%d: %s: %s [%s] %r%s'
                  % (f['file_name'], f['line'], f['column'], f['severity'], f['message'],
                     f['rule'], f['text'], '' if f in elsewhere else ' (at a defect)'))
    print('false alarms on the clean controls (%d):' % len(on_clean))
    for f in on_clean:
        print('  %s:%d:%d: %s: %s [%s] %r'
              % (f['file_name'], f['line'], f['column'], f['severity'], f['message'],
                 f['rule'], f['text']))

    if args.json:
        figures = {
            'recall': {'caught': got_all, 'rows': len(rows)},
            'by_class_lang': {'%s/%s' % k: {'caught': v[0], 'rows': v[1]}
                              for k, v in sorted(table.items())},
            'precision': {'right': len(right), 'findings': len(severe)},
            'clean_false_alarms': [{'file': f['file_name'], 'line': f['line'],
                                    'column': f['column'], 'rule': f['rule'],
                                    'severity': f['severity'], 'text': f['text']}
                                   for f in on_clean],
            'missed': [{'file': r.file, 'rules': r.rules, 'span': r.span}
                       for r in rows if not caught[id(r)]],
        }
        with open(args.json, 'w', encoding='utf-8') as out:
            json.dump(figures, out, ensure_ascii=False, indent=1)
            out.write('\n')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
