#!/bin/sh
# build.sh - rebuilds the clean corpora tests/data/clean/<lang>.txt (pt, es, fr, de, it)
# that the injection evaluation (tests/eval_inject.c) injects defects into and counts
# false alarms on. English uses the Brown corpus in ../shared/corpus/external instead.
#
# usage: tests/data/clean/build.sh [ROOT]
#   ROOT: where the Debian packages are unpacked (default /, i.e. installed with
#   `make deps-eval`); MQM: ../shared/corpus/external/mqm-sample-ende.jsonl (TQC_SHARED).
# Needs python3 and hunspell with the five dictionaries (make deps). Deterministic.
set -eu
here=$(dirname "$0")
root=${1:-/}
hb="$root/usr/share/doc/debian-handbook/html"
mqm="${TQC_SHARED:-$here/../../../../shared/corpus}/external/mqm-sample-ende.jsonl"
[ -d "$hb" ] || { echo "$0: $hb not found (make deps-eval installs debian-handbook)" >&2; exit 1; }
for pair in pt:pt-BR:pt_BR es:es-ES:es_ES fr:fr-FR:fr_FR de:de-DE:de_DE it:it-IT:it_IT; do
    lang=${pair%%:*}; rest=${pair#*:}; dir=${rest%%:*}; dic=${rest#*:}
    python3 "$here/extract_handbook.py" "$hb/$dir" "$dic" 60000 >"$here/$lang.txt.tmp"
    mv "$here/$lang.txt.tmp" "$here/$lang.txt"
done
# German also gets real news: the MQM target segments that the raters marked error-free.
if [ -f "$mqm" ]; then
    python3 - "$mqm" >>"$here/de.txt" <<'PY'
import json, re, sys
seen = set()
for line in open(sys.argv[1], encoding="utf-8"):
    r = json.loads(line)
    t = " ".join(r["target"].split())
    if r["errors"] or t in seen or len(t.split()) < 8 or not re.search(r"[.!?][»«“”\"]?$", t):
        continue
    seen.add(t)
    print(t + "\n")
PY
else
    echo "$0: $mqm not found: de.txt has no MQM segments" >&2
fi
# Errors of the published translations that a person confirmed (corrections.tsv): a
# clean corpus must be clean. Each must still be found exactly once.
python3 - "$here" <<'PY'
import sys
here = sys.argv[1]
texts = {}
for line in open(f"{here}/corrections.tsv", encoding="utf-8"):
    if line.startswith("#") or not line.strip():
        continue
    lang, wrong, right = line.rstrip("\n").split("\t")
    t = texts.setdefault(lang, open(f"{here}/{lang}.txt", encoding="utf-8").read())
    if t.count(wrong) != 1:
        sys.exit(f"corrections.tsv: '{wrong}' is in {lang}.txt {t.count(wrong)} times, not once")
    texts[lang] = t.replace(wrong, right)
for lang, t in texts.items():
    open(f"{here}/{lang}.txt", "w", encoding="utf-8").write(t)
PY
wc -w "$here"/??.txt
