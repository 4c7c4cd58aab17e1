#!/usr/bin/env python3
"""Extraction F1 of tqc's HTML reader against a reader view's expected output.

Usage: eval_extract.py TQC PAGES_DIR [--worst N] [--findings]

PAGES_DIR holds one folder a page with source.html and expected.html (Mozilla
Readability's test-page layout). For each page the text tqc extracts (`tqc segment`)
is compared with the text of expected.html as bags of words (lower-cased runs of
letters and digits): precision, recall, F1. Prints the median, the mean and the worst
pages. With --findings, also the findings at warning or above per 1,000 words of
article text on the pages detected as English (`tqc check --format jsonl`).
A measurement, not a test: it always exits 0 unless it cannot run.
"""
import collections
import html.parser
import json
import os
import re
import statistics
import subprocess
import sys

WORD = re.compile(r"\w+", re.UNICODE)
# Elements whose text a reader does not read as prose (as tqc's reader drops them).
SKIP = {"script", "style", "noscript", "template"}


class Text(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in SKIP:
            self.skip += 1
        self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in SKIP and self.skip:
            self.skip -= 1
        self.parts.append(" ")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def words(text):
    return collections.Counter(w.lower() for w in WORD.findall(text))


def f1(got, want):
    common = sum((got & want).values())
    ng, nw = sum(got.values()), sum(want.values())
    if ng == 0 and nw == 0:
        return 1.0, 1.0, 1.0
    p = common / ng if ng else 0.0
    r = common / nw if nw else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main():
    args = sys.argv[1:]
    worst, findings = 8, False
    if "--worst" in args:
        i = args.index("--worst")
        worst = int(args[i + 1])
        del args[i:i + 2]
    if "--findings" in args:
        args.remove("--findings")
        findings = True
    if len(args) != 2:
        sys.exit(__doc__)
    tqc, root = args
    rows = []
    en_words = en_findings = en_pages = 0
    by_rule = collections.Counter()
    for name in sorted(os.listdir(root)):
        src = os.path.join(root, name, "source.html")
        exp = os.path.join(root, name, "expected.html")
        if not (os.path.isfile(src) and os.path.isfile(exp)):
            continue
        run = subprocess.run([tqc, "segment", "--input", "html", src],
                             capture_output=True)
        got = words(run.stdout.decode("utf-8", "replace"))
        t = Text()
        with open(exp, encoding="utf-8", errors="replace") as fh:
            t.feed(fh.read())
        want = words("".join(t.parts))
        p, r, f = f1(got, want)
        rows.append((f, p, r, name, run.returncode))
        if findings:
            chk = subprocess.run([tqc, "check", "--format", "jsonl", src],
                                 capture_output=True)
            recs = [json.loads(l) for l in chk.stdout.decode("utf-8", "replace").splitlines()
                    if l.strip().startswith("{")]
            langs = {x.get("lang") for x in recs if x.get("lang")}
            # English pages: the ones whose findings tqc made in English (a page with no
            # finding at all says nothing of its language and is left out, and so is one
            # whose language tqc says it cannot tell: lorem ipsum is not edited English).
            unsure = b"cannot tell its language" in chk.stderr
            if langs != {"en"} or unsure:
                continue
            n = sum(got.values())
            bad = [x for x in recs if x.get("severity") in ("warning", "error")]
            en_pages += 1
            en_words += n
            en_findings += len(bad)
            by_rule.update(x.get("rule", "?") for x in bad)
    if not rows:
        sys.exit("eval_extract: no pages in " + root)
    fs = [r[0] for r in rows]
    print("pages %d  median F1 %.3f  mean F1 %.3f  below 0.5: %d  (targets: median >= 0.99,"
          " mean >= 0.95, none below 0.5)" % (len(fs), statistics.median(fs),
                                              statistics.mean(fs), sum(f < 0.5 for f in fs)))
    print("worst pages (F1 precision recall page):")
    for f, p, r, name, rc in sorted(rows)[:worst]:
        print("  %.3f  %.3f  %.3f  %s%s" % (f, p, r, name, "" if rc == 0 else "  (exit %d)" % rc))
    if findings:
        per = 1000.0 * en_findings / en_words if en_words else 0.0
        print("English pages %d: %d findings at warning or above in %d words = %.2f per 1,000"
              " words (target <= 2)" % (en_pages, en_findings, en_words, per))
        if by_rule:
            print("  by rule: " + ", ".join("%s %d" % kv for kv in by_rule.most_common()))


if __name__ == "__main__":
    main()
