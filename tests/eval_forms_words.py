#!/usr/bin/env python3
"""eval_forms_words.py LANG AFF [TEXT...]: a word list for build/eval_forms (tests/eval_forms.c),
whose answers with the compiled dictionaries must equal Hunspell's (TQC_FORMS=0) on every
word: every token of the language's own texts (corpus/LANG, tests/data, and each TEXT: a
text file, or JSON Lines whose `target` or `text` field is text), each as written, in
lower case, in capitals, with an initial capital, with a letter dropped and with two
letters swapped; each lower-case token followed by six of the tails the .aff's suffixes
add from a hyphen on (`-lhe`, `-se-ia`); each token with an apostrophe or a hyphen at an
end, an apostrophe or a digit inside, a digit after or before it, each token with
digits, and each two neighbours joined by a hyphen (as written, in capitals, in lower
case); and each BREAK pattern of the .aff (`^ex-`,
`-chave$`) put before or after 300 tokens. Where the .aff compounds (COMPOUNDBEGIN or
COMPOUNDFLAG), compounds made of neighbouring tokens (the second as written, in lower
case, after a linking s) and the cuts the spelling pass asks, every start and end of
two letters or more of each word. Seeded: the same list each run.
  python3 tests/eval_forms_words.py pt /usr/share/hunspell/pt_BR.aff > pt.words
  TQC_CACHE_DIR=DIR build/eval_forms --lang pt < pt.words > with-files
  rm DIR/verdicts-*; TQC_FORMS=0 TQC_CACHE_DIR=DIR build/eval_forms --lang pt < pt.words > hunspell
  diff with-files hunspell
German with the MQM targets: python3 tests/eval_forms_words.py de /usr/share/hunspell/de_DE.aff
  ../shared/corpus/external/mqm-sample-ende.jsonl"""
import glob
import json
import random
import re
import sys


def variants(w, rnd):
    yield w
    yield w.lower()
    yield w.upper()
    yield w[:1].upper() + w[1:].lower()
    if len(w) > 2:
        i = rnd.randrange(len(w))
        yield w[:i] + w[i + 1:]
        i = rnd.randrange(len(w) - 1)
        yield w[:i] + w[i + 1] + w[i] + w[i + 2:]


def marked(w, rnd):
    """w with the marks Hunspell's BREAK and case rules read at its ends or inside, as the
    spelling pass's one-edit variants and a text's quotes and cut words put them: an
    apostrophe or a hyphen before or after it, an apostrophe inserted, a digit after,
    inside or before it, each as written, in capitals and in lower case."""
    i = rnd.randrange(len(w) + 1)
    d = str(rnd.randrange(10))
    for v in ("'" + w, w + "'", '-' + w, w + '-', w[:i] + "'" + w[i:], "'" + w + "'",
              w + d, w[:i] + d + w[i:], d + w):
        yield v
        yield v.upper()
        yield v.lower()


def main():
    lang, aff = sys.argv[1], sys.argv[2]
    rnd = random.Random(7)
    files = sorted(set(glob.glob(f'corpus/{lang}/*.txt') +
                       glob.glob(f'tests/data/**/*{lang}*.txt', recursive=True)))
    texts = [open(f, encoding='utf-8', errors='replace').read() for f in files]
    for f in sys.argv[3:]:
        for line in open(f, encoding='utf-8', errors='replace'):
            if not f.endswith('.jsonl'):
                texts.append(line)
            elif line.strip():
                o = json.loads(line)
                texts.append(o.get('target') or o.get('text') or '')
    toks, seq = set(), []
    for text in texts:
        found = re.findall(r"['’-]?[^\W\d_]+(?:[-'’][^\W\d_]+)*['’-]?", text)
        toks.update(found)
        seq.extend(found)
    tails, breaks, compounds = set(), [], False
    for line in open(aff, encoding='utf-8', errors='replace'):
        f = line.split()
        compounds |= bool(f) and f[0] in ('COMPOUNDBEGIN', 'COMPOUNDFLAG')
        if len(f) >= 5 and f[0] == 'SFX' and '-' in f[3].split('/')[0]:
            add = f[3].split('/')[0]
            tails.add(add[add.index('-'):])
        if len(f) == 2 and f[0] == 'BREAK' and not f[1].isdigit():
            breaks.append(f[1])
    out = set()
    for t in sorted(toks):
        out.update(variants(t, rnd))
        out.update(marked(t, rnd))
    # Tokens with digits (`A135`, `mp3`, `1st`), in three cases.
    for text in texts:
        for t in re.findall(r"\b[^\W_]*\d[^\W_]*\b", text):
            out.update((t, t.upper(), t.lower()))
    # Neighbours joined by a hyphen, as written and in capitals (`AVANT-GARDE`).
    for a, b in zip(seq, seq[1:]):
        w = a + '-' + b
        out.update((w, w.upper(), w.lower()))
    low = sorted(t for t in toks if t.islower() and '-' not in t)
    tl = sorted(tails)
    for t in low:
        for tail in rnd.sample(tl, min(6, len(tl))):
            w = t + tail
            out.update((w, w[:1].upper() + w[1:]))
    for b in breaks:
        for t in rnd.sample(low, min(300, len(low))):
            if b.startswith('^'):
                out.add(b[1:] + t)
            elif b.endswith('$'):
                out.add(t + b[:-1])
    if compounds:
        for a, b in zip(seq, seq[1:]):
            out.update((a + b, a + b.lower(), a + 's' + b.lower()))
        for t in sorted(toks):
            if '-' not in t:
                out.update(t[i:] for i in range(1, len(t) - 1))
                out.update(t[:i] for i in range(2, len(t)))
    for w in sorted(out):
        if w and '\n' not in w:
            print(w)


if __name__ == '__main__':
    main()
