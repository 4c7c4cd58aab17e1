#!/bin/sh
# Joins and elision spacing (tests/data/joins/battery.tsv, scored by tests/eval_joins.py):
# every planted join in the six languages found with the right first fix, and no finding
# at warning or above on the correct look-alikes (units, ordinals, codes, brands, acronym
# plurals, names built on particles, quotes opened with an apostrophe).
set -u
TQC=${TQC:-./tqc}
here=$(cd "$(dirname "$0")" && pwd)
. "$(dirname "$0")/e2e_lib.sh"
if ! command -v python3 >/dev/null 2>&1; then
    skip "joins battery" "no python3"
else
    python3 "$here/eval_joins.py" "$TQC" --misses >"$tmp/out" 2>&1
    last=$(tail -n 1 "$tmp/out")
    echo "# $last"
    set -- $(printf '%s\n' "$last" | sed -n 's|^all joins \([0-9]*\)/\([0-9]*\), correct text quiet \([0-9]*\)/\([0-9]*\)$|\1 \2 \3 \4|p')
    if [ $# -eq 4 ] && [ "$1" = "$2" ]; then ok "joins battery: every join found, first fix right"
    else not_ok "joins battery: every join found, first fix right" "$(cat "$tmp/out")"; fi
    if [ $# -eq 4 ] && [ "$3" = "$4" ]; then ok "joins battery: the correct look-alikes quiet"
    else not_ok "joins battery: the correct look-alikes quiet" "$(cat "$tmp/out")"; fi
fi
echo "# e2e_joins: $((n - fail)) passed, $fail failed"
[ "$fail" -eq 0 ]
