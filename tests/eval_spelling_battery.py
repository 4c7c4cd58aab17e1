#!/usr/bin/env python3
"""Scores tqc's spelling pass on the battery of tests/data/spelling/battery.tsv: sentences
of our own, each checked alone (`tqc check --lang L --format jsonl -`).

  warn   the word gets a spelling warning, the fix (when given) as its first suggestion
  quiet  the sentence gets no spelling warning at all
  hint   the word gets no spelling warning (a hint at most)

Prints the figures per language and expectation, and with --misses each failing row.
Exit status 1 when fewer rows than --floor pass, or with --quiet-strict when a quiet row
fails (tests/e2e_spelling_battery.sh)."""
import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def findings(tqc, lang, sentence):
    out = subprocess.run([tqc, "check", "--lang", lang, "--format", "jsonl", "-"],
                         input=sentence.encode(), stdout=subprocess.PIPE,
                         stderr=subprocess.DEVNULL, check=False).stdout.decode()
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def judge(rows, tqc):
    results = []
    for lang, expect, word, fix, sentence in rows:
        warns = [f for f in findings(tqc, lang, sentence)
                 if f.get("rule") == "spelling" and f.get("severity") in ("warning", "error")]
        on_word = [f for f in warns if f.get("text") == word]
        if expect == "warn":
            ok = bool(on_word) and (not fix or (on_word[0].get("suggestions") or [None])[0] == fix)
        elif expect == "quiet":
            ok = not warns
        else:
            ok = not on_word
        results.append((lang, expect, word, fix, sentence, ok, warns))
    return results


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("tqc", nargs="?", default=os.path.join(HERE, "..", "tqc"))
    ap.add_argument("--data", default=os.path.join(HERE, "data", "spelling", "battery.tsv"))
    ap.add_argument("--misses", action="store_true")
    ap.add_argument("--floor", type=int, default=0)
    ap.add_argument("--quiet-strict", action="store_true")
    args = ap.parse_args()
    rows = []
    with open(args.data, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) != 5:
                sys.exit("malformed battery line: " + line)
            rows.append(cols)
    results = judge(rows, args.tqc)
    table = {}
    for lang, expect, *_rest, ok, _w in [(r[0], r[1], r[5], r[6]) for r in results]:
        got, total = table.get((lang, expect), (0, 0))
        table[(lang, expect)] = (got + ok, total + 1)
    for lang in sorted({r[0] for r in results}):
        cells = ["%s %d/%d" % (e, *table[(lang, e)]) for e in ("warn", "quiet", "hint")
                 if (lang, e) in table]
        print("%s  %s" % (lang, "  ".join(cells)))
    passed = sum(r[5] for r in results)
    print("all %d/%d" % (passed, len(results)))
    if args.misses:
        for lang, expect, word, fix, sentence, ok, warns in results:
            if not ok:
                got = "; ".join("%s -> %s" % (w.get("text"), (w.get("suggestions") or ["-"])[0])
                                for w in warns) or "nothing"
                print("MISS %s %s %s->%s | %s | got: %s" % (lang, expect, word, fix, sentence, got))
    quiet_missed = sum(1 for r in results if r[1] == "quiet" and not r[5])
    return 1 if passed < args.floor or (args.quiet_strict and quiet_missed) else 0


if __name__ == "__main__":
    sys.exit(main())
