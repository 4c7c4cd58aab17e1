#!/usr/bin/env python3
"""A held-out set (tests/data/heldout/, tests/data/heldout2/): loading it, and checking it
is well made.

Run alone it is the set's checker: the articles are numbered from 01 without a gap and each
language has as many as the others, every gold span is found in its file at its occurrence,
the clean controls have no rows, each defective article has some (the clean controls are
the articles numbered from the one gold.tsv's `# clean-from: NN` line names, 13 without
one), every
article is UTF-8 in NFC with one paragraph a line and a blank line between paragraphs, and
every class has at least two rows in each language, or as many as --at-least asks
(`--at-least 1` for every class, `--at-least fragment=3` for one). Exit 1 with one line a
problem.

    python3 tests/heldout_gold.py [FOLDER] [--at-least [CLASS=]N]...
"""
import argparse
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_DIR = os.path.join(HERE, 'data', 'heldout')

# The defect classes of the set; a row's rules must be among them.
CLASSES = ('missing-space', 'spelling', 'capitalization', 'fragment', 'quotes',
           'repeated-word', 'spacing', 'boilerplate', 'stray-heading', 'number',
           'untranslated', 'encoding')
NAME = re.compile(r'^(\d\d)-([a-z]{2})-[a-z0-9-]+\.txt$')
CLEAN_FROM = 13   # articles numbered from here on are clean controls, unless gold.tsv says
CLEAN_FROM_LINE = re.compile(r'^#\s*clean-from:\s*(\d+)\s*$')


def clean_from(folder):
    """The number of the set's first clean control: gold.tsv's `# clean-from: NN` line."""
    with open(os.path.join(folder, 'gold.tsv'), encoding='utf-8') as f:
        for line in f:
            m = CLEAN_FROM_LINE.match(line.rstrip('\n'))
            if m:
                return int(m.group(1))
    return CLEAN_FROM


class Row:
    def __init__(self, line_no, file, rules, span, occurrence, note):
        self.line_no = line_no
        self.file = file
        self.rules = rules            # list; rules[0] is the class
        self.span = span
        self.occurrence = occurrence
        self.note = note
        self.start = self.end = None  # byte offsets in the file, once located

    @property
    def cls(self):
        return self.rules[0]


def articles(folder):
    """(name, number, lang) of each article file, in name order."""
    out = []
    for name in sorted(os.listdir(folder)):
        m = NAME.match(name)
        if m:
            out.append((name, int(m.group(1)), m.group(2)))
    return out


def read_gold(folder):
    rows = []
    with open(os.path.join(folder, 'gold.tsv'), encoding='utf-8', newline='\n') as f:
        header_seen = False
        for line_no, line in enumerate(f, 1):
            line = line.rstrip('\n')
            if not line or line.startswith('#'):
                continue
            if not header_seen:   # the column names
                header_seen = True
                continue
            cells = line.split('\t')
            if len(cells) != 5:
                raise ValueError('gold.tsv:%d: %d columns, not 5' % (line_no, len(cells)))
            file, rules, span, occurrence, note = cells
            rows.append(Row(line_no, file, rules.split('|'), span, int(occurrence), note))
    return rows


def find_nth(text, span, n):
    """Where the n-th (1-based) place that span starts at is, every start counted; -1 if none."""
    i = text.find(span)
    while i != -1 and n > 1:
        i = text.find(span, i + 1)
        n -= 1
    return i


def locate(rows, texts):
    """Set each row's byte span; return the problems met."""
    problems = []
    for r in rows:
        text = texts.get(r.file)
        if text is None:
            problems.append('gold.tsv:%d: no article %s' % (r.line_no, r.file))
            continue
        i = find_nth(text, r.span, r.occurrence) if r.span else -1
        if i < 0:
            problems.append('gold.tsv:%d: %r not found %d time(s) in %s'
                            % (r.line_no, r.span, r.occurrence, r.file))
            continue
        r.start = len(text[:i].encode('utf-8'))
        r.end = r.start + len(r.span.encode('utf-8'))
    return problems


def load(folder=DEFAULT_DIR):
    """(articles, texts by name, rows located, problems)."""
    arts = articles(folder)
    texts = {}
    for name, _, _ in arts:
        with open(os.path.join(folder, name), 'rb') as f:
            texts[name] = f.read().decode('utf-8')
    rows = read_gold(folder)
    return arts, texts, rows, locate(rows, texts)


def check(folder=DEFAULT_DIR, least=None):
    """least: the rows wanted of each class in each language, by class; 2 where not given."""
    least = least or {}
    arts, texts, rows, problems = load(folder)
    numbers = [number for _, number, _ in arts]
    if numbers != list(range(1, len(arts) + 1)):
        problems.append('the articles are not numbered 01 to %02d without a gap' % len(arts))
    per_lang = {}
    for _, _, lang in arts:
        per_lang[lang] = per_lang.get(lang, 0) + 1
    if len(set(per_lang.values())) > 1:
        problems.append('languages with different numbers of articles: %s'
                        % ', '.join('%s %d' % kv for kv in sorted(per_lang.items())))
    by_file = {}
    for r in rows:
        by_file.setdefault(r.file, []).append(r)
        unknown = [x for x in r.rules if x not in CLASSES]
        if unknown:
            problems.append('gold.tsv:%d: unknown rule %s' % (r.line_no, ', '.join(unknown)))
    counts = {}
    first_clean = clean_from(folder)
    for name, number, lang in arts:
        text = texts[name]
        n = len(by_file.get(name, []))
        if number >= first_clean and n:
            problems.append('%s: a clean control with %d gold rows' % (name, n))
        if number < first_clean and not n:
            problems.append('%s: a defective article without gold rows' % name)
        if not unicodedata.is_normalized('NFC', text):
            problems.append('%s: not in NFC' % name)
        if '\r' in text or not text.endswith('\n'):
            problems.append('%s: CR line ends or no final newline' % name)
        lines = text.rstrip('\n').split('\n')
        for a, b in zip(lines, lines[1:]):
            if a.strip() and b.strip():
                problems.append('%s: two paragraphs without a blank line between: %.40r'
                                % (name, b))
        for r in by_file.get(name, []):
            counts[(lang, r.cls)] = counts.get((lang, r.cls), 0) + 1
    langs = sorted({lang for _, _, lang in arts})
    for lang in langs:
        for cls in CLASSES:
            wanted = least.get(cls, 2)
            if counts.get((lang, cls), 0) < wanted:
                problems.append('%s: %d %s rows, at least %d wanted'
                                % (lang, counts.get((lang, cls), 0), cls, wanted))
    return arts, rows, problems


def at_least(args):
    """The --at-least arguments as {class: rows}; a bare N applies to every class."""
    least = {}
    for arg in args:
        cls, _, n = arg.rpartition('=')
        if cls and cls not in CLASSES:
            raise ValueError('--at-least %s: no class %s' % (arg, cls))
        if not n.isdigit():
            raise ValueError('--at-least %s: not a number' % arg)
        for c in ([cls] if cls else CLASSES):
            least[c] = int(n)
    return least


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('folder', nargs='?', default=DEFAULT_DIR)
    ap.add_argument('--at-least', action='append', default=[], metavar='[CLASS=]N',
                    help='rows wanted of a class (of every class) in each language; 2 by '
                         'default; later ones win')
    args = ap.parse_args(argv[1:])
    try:
        least = at_least(args.at_least)
    except ValueError as e:
        print('heldout: %s' % e)
        return 2
    arts, rows, problems = check(args.folder, least)
    for p in problems:
        print('heldout: ' + p)
    if problems:
        return 1
    print('heldout: %d articles, %d gold rows: well made' % (len(arts), len(rows)))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
