#!/bin/sh
# The chrome battery (issue 12, session 12: tests/data/chrome/): site chrome after news
# paragraphs and doubled words, with look-alikes that must stay quiet, in all six
# languages. Every row not marked as a kind tqc misses yet must come out as written.
set -u
TQC=${TQC:-./tqc}
here=$(cd "$(dirname "$0")" && pwd)
. "$(dirname "$0")/e2e_lib.sh"
if ! command -v python3 >/dev/null 2>&1; then
    skip "chrome battery" "no python3"
else
    out=$(python3 "$here/eval_chrome.py" --tqc "$TQC" --strict 2>&1)
    check "chrome battery: boilerplate and repeated-word rows as written" $? "$out"
fi
echo "# e2e_chrome: $((n - fail)) passed, $fail failed"
[ "$fail" -eq 0 ]
