#!/bin/sh
# End-to-end tests of `tqc diff` and `tqc fix` (issue 4): the diff applies with patch
# and git apply, tqc fix writes the same bytes, a second fix changes nothing, the
# applied findings are gone and none is new, and untouched lines stay byte-identical
# (CRLF, trailing spaces). Prints `ok N - name` / `not ok N - name`; exits 1 on failure.
# Uses $TQC, the reference article when ../shared is there, and tests/data/fix/.
set -u
TQC=${TQC:-./tqc}
case $TQC in /*) ;; *) TQC=$(pwd)/$TQC ;; esac  # the tests cd into their directories
here=$(cd "$(dirname "$0")" && pwd)
data=$here/data/fix
reference=$here/../../shared/corpus/reference/mt-article-en.txt
. "$(dirname "$0")/e2e_lib.sh"

# "RULE: MESSAGE" for each finding tqc check reports on $1, sorted (a multiset).
finding_keys() {
    "$TQC" check --color=never --fail-on=error "$1" 2>/dev/null |
        sed -n 's/^.*:[0-9][0-9]*:[0-9][0-9]*: [a-z]*: \(.*\) \[\([^],]*\)[^]]*\]$/\2: \1/p' | LC_ALL=C sort
}

# "RULE: MESSAGE" for each fix of the original text a diff says it applied (its
# comment lines), sorted; fixes found only after another fix are left out.
applied_keys() {
    sed -n 's/^# tqc: [0-9][0-9]*:[0-9][0-9]* \([^,:]*\)[^:]*: \(.*\)$/\1: \2/p' "$1" |
        grep -v ' (after another fix)$' | LC_ALL=C sort
}

# roundtrip NAME FILE [OPTIONS]: the whole chain on a copy of FILE.
roundtrip() {
    name=$1 src=$2; shift 2
    d=$tmp/$name
    mkdir -p "$d/git" "$d/fix"
    cp "$src" "$d/in.txt"
    cp "$src" "$d/git/in.txt"
    cp "$src" "$d/fix/in.txt"
    (cd "$d" && "$TQC" diff "$@" in.txt >in.diff 2>err); rc=$?
    if [ "$rc" = 1 ] && [ -s "$d/in.diff" ]; then ok "$name: tqc diff prints a diff, exit 1"
    else not_ok "$name: tqc diff prints a diff, exit 1" "exit $rc: $(cat "$d/err")"; return; fi
    (cd "$d" && patch -s -o fixed.txt in.txt <in.diff >patch.out 2>&1)
    check "$name: patch accepts the diff" $? "$(cat "$d/patch.out")"
    (cd "$d" && patch -s -p0 --dry-run <in.diff >patch0.out 2>&1)
    check "$name: patch -p0 finds the file by its name" $? "$(cat "$d/patch0.out")"
    if command -v git >/dev/null 2>&1; then
        (cd "$d/git" && git apply -p0 ../in.diff >../git.out 2>&1)
        check "$name: git apply -p0 accepts the diff" $? "$(cat "$d/git.out")"
        cmp -s "$d/git/in.txt" "$d/fixed.txt"
        check "$name: git apply gives the same bytes as patch" $?
    else
        echo "# SKIP $name: git apply (no git)"
    fi
    (cd "$d/fix" && "$TQC" fix "$@" in.txt 2>../fix.err)
    check "$name: tqc fix succeeds" $? "$(cat "$d/fix.err")"
    cmp -s "$d/fix/in.txt" "$d/fixed.txt"
    check "$name: tqc fix writes the bytes patch made" $? "$(cmp "$d/fix/in.txt" "$d/fixed.txt" 2>&1)"
    cp "$d/fix/in.txt" "$d/once.txt"
    (cd "$d/fix" && "$TQC" fix "$@" in.txt 2>../fix2.err)
    cmp -s "$d/fix/in.txt" "$d/once.txt"
    check "$name: a second tqc fix changes nothing" $?
    (cd "$d/fix" && "$TQC" diff "$@" in.txt >../again.diff 2>&1); rc=$?
    if [ "$rc" = 0 ] && [ ! -s "$d/again.diff" ]; then ok "$name: nothing left to diff after fixing"
    else not_ok "$name: nothing left to diff after fixing" "exit $rc: $(cat "$d/again.diff")"; fi
    # Lines the fixes did not touch are byte-identical (diff compares CRs too).
    sed -n 's/^# tqc: \([0-9][0-9]*\):.*/\1/p' "$d/in.diff" | sort -u >"$d/fix-lines"
    diff --unchanged-line-format= --new-line-format= --old-line-format='%dn
' "$d/in.txt" "$d/fixed.txt" | sort -u >"$d/changed-lines"
    extra=$(comm -23 "$d/changed-lines" "$d/fix-lines")
    if [ -z "$extra" ] && [ -s "$d/changed-lines" ]; then ok "$name: only the fixed lines differ"
    else not_ok "$name: only the fixed lines differ" "lines changed without a fix: $extra"; fi
    # The findings the fixes answered are gone, and no finding is new.
    finding_keys "$d/in.txt" >"$d/before"
    finding_keys "$d/fixed.txt" >"$d/after"
    applied_keys "$d/in.diff" >"$d/applied"
    new=$(LC_ALL=C comm -13 "$d/before" "$d/after")
    if [ -z "$new" ]; then ok "$name: checking the fixed text finds nothing new"
    else not_ok "$name: checking the fixed text finds nothing new" "$new"; fi
    LC_ALL=C comm -23 "$d/before" "$d/after" >"$d/gone"
    left=$(LC_ALL=C comm -13 "$d/gone" "$d/applied")
    if [ -z "$left" ] && [ -s "$d/applied" ]; then ok "$name: the applied fixes' findings are gone"
    else not_ok "$name: the applied fixes' findings are gone" "still reported: $left"; fi
}

for f in crlf triple several escape; do
    roundtrip "$f" "$data/$f.txt"
done
if [ -f "$reference" ]; then
    roundtrip reference "$reference"
else
    echo "# SKIP reference article: $reference not found (../shared absent)"
fi

# CRLF and trailing spaces: every CR stays, the changed line keeps its CRLF.
d=$tmp/crlf
crs_in=$(tr -cd '\r' <"$d/in.txt" | wc -c)
crs_out=$(tr -cd '\r' <"$d/fixed.txt" | wc -c)
check "CRLF: every carriage return kept ($crs_in)" "$([ "$crs_in" = "$crs_out" ] && echo 0 || echo 1)" \
    "$crs_out carriage returns after fixing"
sed -n 3p "$d/fixed.txt" | od -c | grep -q '\\r  *\\n'
check "CRLF: the fixed line still ends in CRLF" $?
[ "$(sed -n 1p "$d/in.txt")" = "$(sed -n 1p "$d/fixed.txt")" ] && sed -n 1p "$d/fixed.txt" | grep -q 'Monday\.   '
check "trailing spaces on an untouched line kept" $?
[ "$(tail -c 2 "$d/fixed.txt")" = "  " ]
check "last line without a line break keeps its trailing spaces" $?

# The three ways out of tqc fix, and --dry-run.
d=$tmp/out
mkdir -p "$d"
cp "$data/several.txt" "$d/in.txt"
cp "$data/several.txt" "$d/orig.txt"
"$TQC" fix -o "$d/out.txt" "$d/in.txt"
check "fix -o writes OUT" $?
cmp -s "$d/out.txt" "$tmp/several/fixed.txt" && cmp -s "$d/in.txt" "$d/orig.txt"
check "fix -o leaves the input alone" $?
"$TQC" fix -o - "$d/in.txt" >"$d/stdout.txt"
cmp -s "$d/stdout.txt" "$tmp/several/fixed.txt"
check "fix -o - writes standard output" $?
"$TQC" fix - <"$d/in.txt" >"$d/pipe.txt"
cmp -s "$d/pipe.txt" "$tmp/several/fixed.txt"
check "fix - reads standard input, writes standard output" $?
"$TQC" fix --dry-run "$d/in.txt" >"$d/dry.diff"
(cd "$d" && "$TQC" diff in.txt >plain.diff)
sed 's#'"$d"'/##' "$d/dry.diff" | cmp -s - "$d/plain.diff" && cmp -s "$d/in.txt" "$d/orig.txt"
check "fix --dry-run prints the diff and writes nothing" $? "$(diff "$d/dry.diff" "$d/plain.diff")"

# In place: the mode stays, no temporary file is left, a clean file is not rewritten.
d=$tmp/mode
mkdir -p "$d"
cp "$data/triple.txt" "$d/a.txt"
chmod 640 "$d/a.txt"
"$TQC" fix "$d/a.txt"
[ "$(stat -c %a "$d/a.txt")" = 640 ]
check "fix keeps the file mode" $? "mode $(stat -c %a "$d/a.txt")"
[ "$(ls -A "$d")" = a.txt ]
check "fix leaves no temporary file" $? "$(ls -A "$d")"
grep -q '^Officials said the talks would resume\.$' "$d/a.txt"
check "a tripled word is fixed in one run" $? "$(cat "$d/a.txt")"
cp "$data/clean.txt" "$d/clean.txt"
touch -d '2000-01-01 00:00:00' "$d/clean.txt"
"$TQC" fix "$d/clean.txt" && [ "$(stat -c %Y "$d/clean.txt")" = "$(date -d '2000-01-01 00:00:00' +%s)" ]
check "fix does not rewrite a file with nothing to fix" $?
"$TQC" diff "$d/clean.txt" >"$d/clean.diff"; rc=$?
[ "$rc" = 0 ] && [ ! -s "$d/clean.diff" ]
check "diff of a clean file is empty, exit 0" $? "exit $rc"

# Several files in one diff; formats; errors.
d=$tmp/multi
mkdir -p "$d"
cp "$data/several.txt" "$data/crlf.txt" "$d/"
(cd "$d" && "$TQC" diff several.txt crlf.txt >both.diff; patch -s -p0 <both.diff)
cmp -s "$d/several.txt" "$tmp/several/fixed.txt" && cmp -s "$d/crlf.txt" "$tmp/crlf/fixed.txt"
check "one diff for two files applies with patch -p0" $?
"$TQC" diff --format wdiff --color=never "$data/several.txt" >"$tmp/w.txt"
grep -q 'said \[-the the-\]{+the+} talks' "$tmp/w.txt"
check "wdiff marks the changed words" $? "$(cat "$tmp/w.txt")"
"$TQC" diff --format wdiff --color=always "$data/several.txt" | grep -q "$(printf '\033')\\[31m\\[-"
check "wdiff is coloured with --color=always" $?
"$TQC" check --format diff "$data/several.txt" >"$tmp/cd.diff"; rc=$?
[ "$rc" = 1 ] && grep -q '^+++ ' "$tmp/cd.diff"
check "check --format diff prints the diff, exits by findings" $? "exit $rc"
"$TQC" fix -o "$tmp/x.txt" "$data/several.txt" "$data/crlf.txt" 2>"$tmp/err"; rc=$?
[ "$rc" = 2 ] && grep -q 'one input file' "$tmp/err"
check "fix -o with two files is a usage error" $? "exit $rc: $(cat "$tmp/err")"
"$TQC" fix "$tmp/does-not-exist.txt" 2>"$tmp/err"; rc=$?
[ "$rc" = 2 ] && grep -q 'does-not-exist.txt' "$tmp/err"
check "fix of a missing file exits 2 and names it" $? "exit $rc"
printf '<p>He said the the end.</p>\n' >"$tmp/page.html"
cp "$tmp/page.html" "$tmp/page.orig"
"$TQC" fix "$tmp/page.html" 2>"$tmp/err"; rc=$?
# Issue 5: fix edits an HTML page in its own bytes (tests/e2e_fix_html.sh tests it).
[ "$rc" = 0 ] && [ "$(cat "$tmp/page.html")" = '<p>He said the end.</p>' ]
check "fix edits an HTML page in its own bytes" $? "exit $rc: $(cat "$tmp/err" "$tmp/page.html")"
"$TQC" diff --format yaml "$data/several.txt" 2>/dev/null; rc=$?
check "diff --format takes diff or wdiff only" "$([ "$rc" = 2 ] && echo 0 || echo 1)" "exit $rc"

# A file of several chunks (the reader cuts at about 1 MiB): fixes in each, the same
# bytes from patch and from fix, nothing left after.
d=$tmp/big
mkdir -p "$d"
awk 'BEGIN { for (p = 0; p < 30000; p++) printf "Paragraph %d says the the talks went on.\r\n\r\n", p }' >"$d/in.txt"
(cd "$d" && "$TQC" diff in.txt >in.diff; patch -s -o fixed.txt in.txt <in.diff && cp in.txt fix.txt &&
    "$TQC" fix fix.txt && cmp -s fix.txt fixed.txt)
check "a 1.5 MB file of several chunks: patch and fix agree" $?
[ "$(grep -c 'the the' "$d/fix.txt")" = 0 ] && [ "$(grep -c '^# tqc: [0-9]' "$d/in.diff")" = 30000 ]
check "a 1.5 MB file of several chunks: every chunk fixed" $?
(cd "$d" && "$TQC" diff fix.txt >again.diff); rc=$?
check "a 1.5 MB file of several chunks: nothing left" "$([ "$rc" = 0 ] && [ ! -s "$d/again.diff" ] && echo 0 || echo 1)"

# On a terminal, diff shows the word diff (script(1) gives it a terminal).
if command -v script >/dev/null 2>&1; then
    script -qec "\"$TQC\" diff \"$data/triple.txt\"" /dev/null >"$tmp/tty.out" 2>&1
    grep -q '\[-the the the-\]' "$tmp/tty.out"
    check "diff on a terminal shows the word diff" $? "$(head -c 300 "$tmp/tty.out")"
else
    echo "# SKIP diff on a terminal: no script(1)"
fi

echo "# e2e_fix: $((n - fail)) passed, $fail failed"
[ "$fail" -eq 0 ]
