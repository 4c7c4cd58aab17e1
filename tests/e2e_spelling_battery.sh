#!/bin/sh
# The spelling battery (tests/data/spelling/battery.tsv, session 12): sentences of our own
# in six languages, real-word errors the grammar rules out and slips, beside correct text a
# rule could misread and rare correct words. Correct text stays free of warnings, and the
# defects found do not fall below the figure the battery was committed with.
set -u
here=$(cd "$(dirname "$0")" && pwd)
. "$(dirname "$0")/e2e_lib.sh"

if ! command -v python3 >/dev/null 2>&1; then
    skip "spelling battery" "python3 not found"
    exit 0
fi
python3 "$here/eval_spelling_battery.py" "$TQC" --misses --quiet-strict --floor 153 \
    >"$tmp/out" 2>&1
check "the spelling battery: its correct sentences quiet, 153 rows or more right" $? \
    "$(cat "$tmp/out")"
echo "# e2e_spelling_battery: $((n - fail)) passed, $fail failed"
[ "$fail" -eq 0 ]
