#!/usr/bin/env python3
"""set-floors.py: the gate's floors from a quick injection run's JSON.

usage: build/eval_inject --quick --no-clean --json build/q.json
       python3 tests/data/inject/set-floors.py build/q.json DATE > tests/data/inject/floors.tsv

Each floor is the measured recall less 0.05 (injection) or 0.01 (gold rows), rounded
down; a cell whose floor would be 0 or less gets none."""
import json, math, sys, datetime
j = json.load(open(sys.argv[1]))
out = ["# Recall floors of the gate in make check (tests/eval_inject.c --gate; issue 11), made by set-floors.py.",
       "# `inject LANG CLASS FLOOR`: recall of the quick injection run (30 a class and language,",
       "# seed 1) at warning or above; `gold LANG FLOOR`: recall on the required rows of",
       "# corpus/LANG/*.gold.tsv. Each floor is the figure measured with this branch's tqc",
       "# (%s) less 0.05 for injection, 0.01 for gold, rounded down. Raise them as" % sys.argv[2],
       "# detection improves; a class at 0 has no floor yet."]
for r in j["inject"]:
    f = math.floor((r["recall"] - 0.05) * 100) / 100
    if f > 0:
        out.append("inject\t%s\t%s\t%.2f" % (r["lang"], r["class"], f))
for g in j["gold"]:
    rec = g["caught"] / g["required"] if g["required"] else 1
    f = math.floor((rec - 0.01) * 100) / 100
    if f > 0:
        out.append("gold\t%s\t%.2f" % (g["lang"], f))
print("\n".join(out))
