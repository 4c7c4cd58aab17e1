#!/usr/bin/env python3
"""Scores tqc on tests/data/joins/battery.tsv: joins (a word run into a number, an
acronym or a name) and elisions written with a space, each beside correct look-alikes.

Each language's sentences go into one document, a paragraph each. A join row is caught
when a missing-space or spacing finding at warning or above overlaps its token and the
first suggestion, applied, turns the token into the row's fix; a correct row is a false
alarm when such a finding overlaps its token. Prints one line per language and, with
--misses, each row that failed. Exit status 0 always; tests/e2e_joins.sh sets the floor."""
import json
import os
import subprocess
import sys
import tempfile

RULES = ("missing-space", "spacing")
HERE = os.path.dirname(os.path.abspath(__file__))


def load(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            lang, kind, token, fix, sentence = line.split("\t")
            if token not in sentence:
                sys.exit("battery: token %r not in its sentence" % token)
            rows.append((lang, kind, token, fix, sentence))
    return rows


def run_lang(tqc, lang, rows):
    """Returns, for each row, the findings (start, end, first suggestion) over its token,
    offsets in bytes of the row's sentence."""
    parts, starts, off = [], [], 0
    for _, _, _, _, s in rows:
        starts.append(off)
        b = (s + "\n\n").encode("utf-8")
        parts.append(b)
        off += len(b)
    with tempfile.NamedTemporaryFile("wb", suffix=".txt", delete=False) as f:
        f.write(b"".join(parts))
        name = f.name
    try:
        out = subprocess.run([tqc, "check", "-j1", "--lang", lang, "--format", "jsonl", name],
                             capture_output=True, check=False).stdout.decode("utf-8")
    finally:
        os.unlink(name)
    found = [[] for _ in rows]
    for line in out.splitlines():
        f = json.loads(line)
        if f.get("rule") not in RULES or f.get("severity") not in ("warning", "error"):
            continue
        at = f["offset"]
        for i in range(len(rows)):
            if starts[i] <= at < starts[i] + len(parts[i]):
                sug = (f.get("suggestions") or [None])[0]
                found[i].append((at - starts[i], at - starts[i] + f["length"], sug))
    return found


def judge(row, hits):
    _, kind, token, fix, sentence = row
    sb = sentence.encode("utf-8")
    ts = sb.index(token.encode("utf-8"))
    te = ts + len(token.encode("utf-8"))
    over = [h for h in hits if h[0] < te and h[1] > ts]
    if kind == "ok":
        return not over
    want = sb[:ts] + fix.encode("utf-8") + sb[te:]
    return any(h[2] is not None and sb[:h[0]] + h[2].encode("utf-8") + sb[h[1]:] == want
               for h in over)


def main():
    args = sys.argv[1:]
    misses = "--misses" in args
    args = [a for a in args if a != "--misses"]
    tqc = args[0] if args else "./tqc"
    rows = load(os.path.join(HERE, "data", "joins", "battery.tsv"))
    langs = sorted({r[0] for r in rows})
    tot = {"join": [0, 0], "ok": [0, 0]}
    for lang in langs:
        lr = [r for r in rows if r[0] == lang]
        found = run_lang(tqc, lang, lr)
        n = {"join": [0, 0], "ok": [0, 0]}
        for r, hits in zip(lr, found):
            good = judge(r, hits)
            n[r[1]][0] += good
            n[r[1]][1] += 1
            if misses and not good:
                print("  %s %s %s: %s" % (lang, "miss" if r[1] == "join" else "false alarm",
                                          r[2], hits))
        for k in tot:
            tot[k][0] += n[k][0]
            tot[k][1] += n[k][1]
        print("%s joins %d/%d, correct text quiet %d/%d" % (lang, n["join"][0], n["join"][1],
                                                            n["ok"][0], n["ok"][1]))
    print("all joins %d/%d, correct text quiet %d/%d" % (tot["join"][0], tot["join"][1],
                                                         tot["ok"][0], tot["ok"][1]))


if __name__ == "__main__":
    main()
