#!/bin/sh
# tqc audit --file-timeout (issues 16 and 18): a file whose check takes longer is reported
# as skipped in one line, the files after it are still checked, and the exit status says
# the audit is incomplete (2). The large article is built here, at a size whose check
# takes seconds; the limit cuts it short between passes.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
TQC=${TQC:-./tqc}
case $TQC in /*) ;; *) TQC=$(pwd)/$TQC ;; esac
TQC_DATA_DIR=${TQC_DATA_DIR:-$root}
export TQC_DATA_DIR
. "$here/e2e_lib.sh"

mkdir "$tmp/c"
# Walked in name order with -j 1: the large one first, so the small one's check runs warm.
python3 -c "import sys; sys.stdout.write('The minister said the talks ended on Monday. ' * 180000)" >"$tmp/c/a_large.txt"
echo "Kim said the the talks ended." >"$tmp/c/b_small.txt"

start=$(date +%s)
"$TQC" audit --lang en -j 1 --file-timeout 0.3 --no-progress --format jsonl "$tmp/c" \
    >"$tmp/out" 2>"$tmp/err"
rc=$?
took=$(( $(date +%s) - start ))
check "a file over --file-timeout: exit 2" "$([ "$rc" = 2 ]; echo $?)" "exit $rc: $(cat "$tmp/err")"
lines=$(grep -c 'skipped: checking took longer than 0.3 seconds (--file-timeout)' "$tmp/err")
check "it is reported as skipped, in one line naming it" \
    "$([ "$lines" = 1 ] && grep -q 'a_large.txt: skipped' "$tmp/err"; echo $?)" "$(cat "$tmp/err")"
check "the audit goes on: the next file's finding is there" \
    "$(grep -q '"file":"[^"]*b_small.txt".*"rule":"repeated-word"' "$tmp/out"; echo $?)" "$(head -c 300 "$tmp/out")"
check "no finding of the skipped file is kept" "$(! grep -q 'a_large.txt' "$tmp/out"; echo $?)"
check "the limit bounds the time (${took} s)" "$([ "$took" -le 10 ]; echo $?)"

"$TQC" audit --lang en -j 1 --file-timeout 0 --no-progress --format jsonl "$tmp/c/b_small.txt" \
    >"$tmp/out" 2>"$tmp/err"
rc=$?
check "--file-timeout 0: no limit" \
    "$([ "$rc" != 2 ] && grep -q '"rule":"repeated-word"' "$tmp/out"; echo $?)" "exit $rc: $(cat "$tmp/err")"
"$TQC" audit --file-timeout soon "$tmp/c" >/dev/null 2>"$tmp/err"
rc=$?
check "a bad --file-timeout: exit 2, one line" \
    "$([ "$rc" = 2 ] && [ "$(wc -l <"$tmp/err")" = 1 ]; echo $?)" "exit $rc: $(cat "$tmp/err")"

[ "$fail" -eq 0 ]
