#!/bin/sh
# End-to-end tests of the audit as a newcomer reads it (issue 14): the worst articles
# are ranked by errors, then warnings (an article of name hints is not the worst), and an
# incremental run reports the corpus as it stands (unchanged files count, with their
# stored findings), in the text summary, the JSON summary and the dashboard.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
TQC=${TQC:-./tqc}
case $TQC in /*) ;; *) TQC=$(pwd)/$TQC ;; esac
TQC_DATA_DIR=${TQC_DATA_DIR:-$root}
export TQC_DATA_DIR
. "$here/e2e_lib.sh"

cd "$tmp" || exit 1
mkdir corpus
# A clean paragraph of over 100 words (the worst list's floor), then one defect each.
cat >prose.txt <<'TXT'
The city council approved the harbor budget on Tuesday after a long debate. Members said the money would repair the old harbor wall before the winter storms arrive. The mayor told reporters that the work would begin in March and end before the summer season. Local fishermen welcomed the decision, saying that the damaged wall had made the harbor unsafe for small boats. The council will also spend part of the budget on a new footpath along the river and on lights for the market square. A public meeting on the plans will be held next month at the town hall, and residents are invited to attend.
TXT
{ cat prose.txt; echo; echo "The mayor said the the work would start soon."; } >corpus/a-error.txt
# Ten unknown capitalised words: ten info hints (probable names), no error or warning.
{ cat prose.txt; echo; echo "Officials met Zorvak, Quentaro, Belmisch, Tavoruk, Oskendor, Pralvic, Wendrup, Kolvista, Mernath and Sulbrecht."; } >corpus/b-names.txt
cp prose.txt corpus/c-clean.txt

"$TQC" check --lang en prose.txt >/dev/null 2>&1
check "the fixture's prose is clean" $?

# ---- worst articles: errors, then warnings ---------------------------------------------
"$TQC" audit -q --lang en --summary-json full.json corpus 2>err.txt
check "audit runs" $? "$(cat err.txt)"
first=$(sed -n '/"worst": \[/{n;p;}' full.json)
case $first in *a-error.txt*) ok "the worst article is the one with an error" ;;
    *) not_ok "the worst article is the one with an error" "$first" ;; esac
sed -n '/"worst"/,$p' full.json | grep -q b-names.txt
check "an article of info hints only is not among the worst" "$([ $? -ne 0 ]; echo $?)" "$(sed -n '/"worst"/,$p' full.json)"

# ---- --incremental reports the corpus as it stands -----------------------------------
"$TQC" audit -q --lang en --db audit.sqlite --summary-json first.json corpus 2>err.txt
check "audit --db" $? "$(cat err.txt)"
"$TQC" audit --lang en --db audit.sqlite --incremental --summary-json inc.json --html inc.html corpus >inc.txt 2>err.txt
check "audit --db --incremental" $? "$(cat err.txt)"
grep -q '"unchanged":3' inc.json; check "all three files were unchanged" $? "$(grep skipped inc.json)"
# The same corpus, the same counts: only the machine's lines and the skip counts differ.
strip() { grep -v -e '"seconds"' -e '"throughput"' -e '"jobs"' -e '"skipped"' "$1"; }
strip first.json >a.json; strip inc.json >b.json
cmp -s a.json b.json; check "the incremental summary equals the full one" $? "$(diff a.json b.json | head -10)"
grep -q '^audit: 3 files, 3 articles' inc.txt; check "the text summary counts the unchanged files" $? "$(head -3 inc.txt)"
grep -q 'findings: 12 (1 error, 0 warning, 11 info)\|findings: [1-9]' inc.txt; check "the text summary has their findings" $? "$(head -3 inc.txt)"
grep -q '3 unchanged (counted with their stored findings)' inc.txt; check "the text summary says they are counted" $? "$(head -3 inc.txt)"
grep -q 'a-error.txt' inc.html; check "the dashboard lists the worst article" $?
grep -q '0 files checked\|No findings' inc.html; check "the dashboard is not empty" "$([ $? -ne 0 ]; echo $?)"
# One file changes: it is checked again, the others still count.
echo "A new line said the the same." >>corpus/c-clean.txt
"$TQC" audit -q --lang en --db audit.sqlite --incremental --summary-json inc2.json corpus 2>err.txt
"$TQC" audit -q --lang en --summary-json full2.json corpus 2>>err.txt
strip inc2.json >a.json; strip full2.json >b.json
cmp -s a.json b.json; check "after an edit, incremental equals a full audit" $? "$(diff a.json b.json | head -10)"
echo "e2e_audit_incremental: $((n - fail)) passed, $fail failed"
[ "$fail" -eq 0 ]
