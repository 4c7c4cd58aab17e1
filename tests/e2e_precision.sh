#!/bin/sh
# Precision on edited pages (issue 17): each page in tests/data/precision/ is small, written
# for one cause of false alarms found on real edited English pages (make eval's
# tests/eval_real.sh counts them), with a real defect or two planted beside it. Its findings
# at warning or above, as `rule<TAB>text` lines sorted, must be its .findings file: the
# planted defects found, the correct text left alone.
set -u
TQC=${TQC:-./tqc}
here=$(cd "$(dirname "$0")" && pwd)
. "$(dirname "$0")/e2e_lib.sh"
for page in "$here"/data/precision/*.html; do
    want=${page%.html}.findings
    [ -f "$want" ] || continue
    name=$(basename "$page")
    "$TQC" check --lang en --format jsonl "$page" >"$tmp/out" 2>"$tmp/err"
    grep -E '"severity":"(warning|error)"' "$tmp/out" |
        sed -n 's/.*"rule":"\([^"]*\)".*"text":"\(\([^"\\]\|\\.\)*\)".*/\1	\2/p' |
        sed 's/\\\//\//g' | sort >"$tmp/got"
    sort "$want" >"$tmp/want"
    if diff -u "$tmp/want" "$tmp/got" >"$tmp/diff"; then
        ok "$name: the planted defects, no false alarm"
    else
        not_ok "$name: the planted defects, no false alarm" "$(cat "$tmp/err" "$tmp/diff")"
    fi
done
echo "# e2e_precision: $((n - fail)) passed, $fail failed"
[ "$fail" -eq 0 ]
