#!/usr/bin/env python3
"""set-floors.py: the gate's floors from quick injection runs' JSON.

usage: build/eval_inject --quick --no-clean --json build/q.json
       python3 tests/data/inject/set-floors.py DATE build/q.json [MORE.json...] \\
           > tests/data/inject/floors.tsv

Each floor is the lowest recall the runs measured (say the working tree's build and the
last commit's) less 0.05 (injection) or 0.01 (gold rows), rounded down; a cell whose
floor would be 0 or less gets none."""
import json
import math
import sys

date, runs = sys.argv[1], [json.load(open(p)) for p in sys.argv[2:]]
inject, gold = {}, {}
for j in runs:
    for r in j["inject"]:
        key = (r["lang"], r["class"])
        inject[key] = min(inject.get(key, 1.0), r["recall"])
    for g in j["gold"]:
        rec = g["caught"] / g["required"] if g["required"] else 1.0
        gold[g["lang"]] = min(gold.get(g["lang"], 1.0), rec)
out = ["# Recall floors of the gate in make check (tests/eval_inject.c --gate; issue 11),",
       "# made by set-floors.py. `inject LANG CLASS FLOOR`: recall of the quick injection run",
       "# (30 a class and language, seed 1) at warning or above; `gold LANG FLOOR`: recall on",
       "# the required rows of corpus/LANG/*.gold.tsv. Each floor is the lowest figure",
       "# measured with this branch's tqc (%s) less 0.05 for injection, 0.01 for gold," % date,
       "# rounded down. Raise them as detection improves; a class at 0 has no floor yet."]
for (lang, cls), rec in inject.items():
    f = math.floor(round((rec - 0.05) * 100, 6)) / 100
    if f > 0:
        out.append("inject\t%s\t%s\t%.2f" % (lang, cls, f))
for lang, rec in gold.items():
    f = math.floor(round((rec - 0.01) * 100, 6)) / 100
    if f > 0:
        out.append("gold\t%s\t%.2f" % (lang, f))
print("\n".join(out))
