#!/bin/sh
# End-to-end test of baselines under edits elsewhere in the file (issue 14): an article
# with a known finding (a `Leave a Reply` line at its end, one paragraph a line) keeps it
# accepted when a paragraph is added after it or before it, or another line changes;
# a new finding is still reported.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
TQC=${TQC:-./tqc}
case $TQC in /*) ;; *) TQC=$(pwd)/$TQC ;; esac
TQC_DATA_DIR=${TQC_DATA_DIR:-$root}
export TQC_DATA_DIR
. "$here/e2e_lib.sh"
# expect CODE NAME: tqc check --baseline on article.txt
expect() {
    "$TQC" check --lang en --baseline base article.txt >out 2>err; rc=$?
    if [ "$rc" = "$1" ]; then ok "$2"; else not_ok "$2" "exit $rc: $(head -c 400 out) $(head -c 200 err)"; fi
}
cd "$tmp" || exit 1
cat >article.txt <<'TXT'
The city council approved the harbor budget on Tuesday after a long debate. The mayor told reporters that the work would begin in March and end before the summer season.
Members said the money would repair the old harbor wall before the winter storms arrive. Local fishermen welcomed the decision, saying that the damaged wall had made the harbor unsafe.
Leave a Reply
TXT
"$TQC" check --lang en article.txt >out 2>&1
grep -q '\[boilerplate\]' out && ok "the article has a boilerplate finding" || not_ok "the article has a boilerplate finding" "$(cat out)"
"$TQC" baseline create --lang en -o base article.txt >/dev/null 2>err || not_ok "baseline create" "$(cat err)"
expect 0 "accepted by its baseline"
printf 'The council will meet again in May to discuss the footpath and the lights for the market square, the mayor said.\n' >>article.txt
expect 0 "still accepted with a paragraph appended after it"
{ printf 'A new first paragraph.\n'; cat article.txt; } >a2 && mv a2 article.txt
expect 0 "still accepted with a paragraph added at the top"
sed 's/Members said/Council members said/' article.txt >a2 && mv a2 article.txt
expect 0 "still accepted with the paragraph before it edited"
printf 'They said the the vote was close.\n' >>article.txt
expect 1 "a new finding is reported"
grep -q '\[repeated-word\]' out && ! grep -q '\[boilerplate\]' out && ok "only the new finding" || not_ok "only the new finding" "$(cat out)"
echo "e2e_baseline_edits: $((n - fail)) passed, $fail failed"
[ "$fail" -eq 0 ]
