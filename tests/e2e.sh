#!/bin/sh
# End-to-end tests of the tqc command line. Runs its own cases, then every
# tests/e2e_*.sh. Prints TAP-style lines and a closing "N passed, N failed" line.
set -u
TQC=${TQC:-./tqc}
export TQC
here=$(dirname "$0")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
# The scripts' verdict files and lexicon stamps (lang/verdicts.h) in a cache of this run
# of their own: later scripts read what earlier ones wrote, the user's cache is left alone.
TQC_CACHE_DIR=${TQC_CACHE_DIR-$tmp/cache}
export TQC_CACHE_DIR
pass=0 fail=0 n=0

ok() { n=$((n + 1)); pass=$((pass + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); fail=$((fail + 1)); echo "not ok $n - $1"; [ -n "${2:-}" ] && printf '#   %s\n' "$2"; }
# expect_exit CODE NAME CMD...: runs CMD, checks its exit status.
expect_exit() {
    want=$1 name=$2; shift 2
    "$@" >"$tmp/out" 2>"$tmp/err"; got=$?
    if [ "$got" = "$want" ]; then ok "$name"; else not_ok "$name" "exit $got, expected $want: $(head -c 300 "$tmp/err")"; fi
}
# expect_grep PATTERN FILE NAME
expect_grep() {
    if grep -q -- "$1" "$2"; then ok "$3"; else not_ok "$3" "no '$1' in: $(head -c 300 "$2")"; fi
}

printf 'The minister said the talks would resume on Monday.\n' >"$tmp/clean.txt"
printf 'The minister said the the talks would resume.\n' >"$tmp/doubled.txt"
printf 'Kim said the the talks ended.\n' >"$tmp/with space.txt"

expect_exit 0 "clean file exits 0" "$TQC" check "$tmp/clean.txt"
[ -s "$tmp/out" ] && not_ok "clean file prints nothing" "$(cat "$tmp/out")" || ok "clean file prints nothing"
expect_exit 1 "finding exits 1" "$TQC" check "$tmp/doubled.txt"
expect_grep "doubled.txt:1:19: error: " "$tmp/out" "text format is FILE:LINE:COL: SEVERITY:"
expect_grep "\[repeated-word\]" "$tmp/out" "text format names the rule"
expect_exit 0 "--fail-on raises the threshold" "$TQC" check --fail-on=error --disable=repeated-word "$tmp/doubled.txt"
expect_exit 1 "standard input with -" sh -c "\"\$TQC\" check - < \"$tmp/doubled.txt\""
expect_grep "<stdin>:1:19" "$tmp/out" "standard input is named <stdin>"

expect_exit 1 "jsonl format" "$TQC" check --format jsonl "$tmp/with space.txt"
expect_grep '"file":"[^"]*with space.txt","line":1,"column":10,"offset":9,"length":7,"rule":"repeated-word","severity":"error"' "$tmp/out" "jsonl fields in documented order"
expect_grep '"text":"the the","suggestions":\["the"\],"sentence":"Kim said the the talks ended."' "$tmp/out" "jsonl text, suggestions, sentence"

expect_exit 1 "no colour in a pipe" "$TQC" check "$tmp/doubled.txt"
if grep -q "$(printf '\033')" "$tmp/out"; then not_ok "no escape codes in a pipe"; else ok "no escape codes in a pipe"; fi
NO_COLOR=1 expect_exit 1 "NO_COLOR beats --color=auto" "$TQC" check --color=auto "$tmp/doubled.txt"
if grep -q "$(printf '\033')" "$tmp/out"; then not_ok "NO_COLOR honoured"; else ok "NO_COLOR honoured"; fi
expect_exit 1 "--color=always forces colour" "$TQC" check --color=always "$tmp/doubled.txt"
expect_grep "$(printf '\033')\[" "$tmp/out" "colour codes with --color=always"

# Usage and input errors: exit 2, one clear line, and the other files still checked.
expect_exit 2 "unknown option" "$TQC" check --bogus "$tmp/clean.txt"
expect_exit 2 "unknown command" "$TQC" frobnicate
expect_exit 2 "no files" "$TQC" check
expect_exit 2 "bad --fail-on" "$TQC" check --fail-on=fatal "$tmp/clean.txt"
expect_exit 2 "unknown format" "$TQC" check --format=yaml "$tmp/clean.txt"
expect_exit 2 "missing file" "$TQC" check "$tmp/nonexistent.txt" "$tmp/doubled.txt"
expect_grep "nonexistent.txt: No such file or directory" "$tmp/err" "missing file named in the error"
expect_grep "doubled.txt:1:19" "$tmp/out" "next file still checked after an error"
[ "$(wc -l <"$tmp/err")" -eq 1 ] && ok "error is one line" || not_ok "error is one line" "$(cat "$tmp/err")"

printf 'text\000with NUL\n' >"$tmp/binary.bin"
expect_exit 2 "binary file refused" "$TQC" check "$tmp/binary.bin"
expect_grep "binary file" "$tmp/err" "binary file error says so"
printf 'Bad \377\376 bytes here.\n' >"$tmp/invalid.txt"
"$TQC" check "$tmp/invalid.txt" >"$tmp/out" 2>"$tmp/err"; rc=$?
[ "$rc" -le 1 ] && ok "invalid UTF-8 does not crash (exit $rc)" || not_ok "invalid UTF-8 does not crash" "exit $rc"
awk 'BEGIN { for (i = 0; i < 150000; i++) printf "alpha beta "; printf "the the end.\n" }' >"$tmp/huge-line.txt"
expect_exit 1 "a 1.5 MB line is checked" "$TQC" check --format=jsonl "$tmp/huge-line.txt"
expect_grep '"line":1,"column":1650001,"offset":1650000' "$tmp/out" "offsets and columns stay exact across chunks"
# -j: a file of many parts (chunks of text, JSON Lines records) checked on threads
# gives the same output, in the same order, as one thread.
ext=${TQC_SHARED:-../shared/corpus}/external
if [ -f "$ext/brown-news.txt" ]; then
    head -c 900000 "$ext/brown-news.txt" >"$tmp/many-parts.txt"
else
    for i in $(seq 1 4000); do cat corpus/en/*.txt; done | head -c 900000 >"$tmp/many-parts.txt"
fi
"$TQC" check -j 1 --format jsonl "$tmp/many-parts.txt" >"$tmp/j1.jsonl" 2>/dev/null
"$TQC" check -j 3 --format jsonl "$tmp/many-parts.txt" >"$tmp/j3.jsonl" 2>/dev/null
if [ -s "$tmp/j1.jsonl" ] && cmp -s "$tmp/j1.jsonl" "$tmp/j3.jsonl"; then
    ok "check -j 3 on a file of several parts: same findings, same order"
else
    not_ok "check -j 3 on a file of several parts: same findings, same order" \
        "$(wc -l <"$tmp/j1.jsonl") vs $(wc -l <"$tmp/j3.jsonl") lines"
fi
awk '{ gsub(/\\/, "\\\\"); gsub(/"/, "\\\""); printf "{\"id\":\"r%d\",\"text\":\"%s\"}\n", NR, $0 }' \
    "$tmp/many-parts.txt" | head -n 400 >"$tmp/records.jsonl"
"$TQC" check -j 1 --input jsonl --format jsonl "$tmp/records.jsonl" >"$tmp/r1.jsonl" 2>/dev/null
"$TQC" check -j 2 --input jsonl --format jsonl "$tmp/records.jsonl" >"$tmp/r2.jsonl" 2>/dev/null
if [ -s "$tmp/r1.jsonl" ] && cmp -s "$tmp/r1.jsonl" "$tmp/r2.jsonl"; then
    ok "check -j 2 on JSON Lines records: same findings, same order"
else
    not_ok "check -j 2 on JSON Lines records: same findings, same order" \
        "$(wc -l <"$tmp/r1.jsonl") vs $(wc -l <"$tmp/r2.jsonl") lines"
fi
expect_exit 2 "--jobs 0 is a usage error" "$TQC" check -j 0 "$tmp/clean.txt"

printf '\357\273\277BOM first the the line.\n' >"$tmp/bom.txt"
expect_exit 1 "UTF-8 BOM is skipped" "$TQC" check --format=jsonl "$tmp/bom.txt"
expect_grep '"line":1,"column":11,"offset":13' "$tmp/out" "offsets count the BOM bytes"
: >"$tmp/empty.txt"
expect_exit 0 "empty file" "$TQC" check "$tmp/empty.txt"

expect_exit 0 "--version" "$TQC" --version
expect_grep "^tqc [0-9]" "$tmp/out" "--version prints the version"
expect_exit 0 "--help" "$TQC" --help
expect_grep "^  check " "$tmp/out" "--help lists the commands"
expect_exit 0 "rules lists the passes" "$TQC" rules
expect_grep "^repeated-word" "$tmp/out" "rules names repeated-word"

printf 'Mr. Smith arrived. He left at 5 p.m. on Monday.\n' >"$tmp/seg.txt"
expect_exit 0 "segment" "$TQC" segment "$tmp/seg.txt"
[ "$(wc -l <"$tmp/out")" -eq 2 ] && ok "segment prints one sentence a line" || not_ok "segment prints one sentence a line" "$(cat "$tmp/out")"
expect_exit 0 "segment jsonl" "$TQC" segment --format jsonl "$tmp/seg.txt"
expect_grep '^{"offset":19,"length":28,"text":"He left at 5 p.m. on Monday."}$' "$tmp/out" "segment jsonl fields"

# The scripts of other features, E2E_JOBS lanes at once (each lane runs its share of the
# scripts in turn; a script's output is printed whole, in the scripts' order, at the end).
scripts=
for script in "$here"/e2e_*.sh; do
    [ -f "$script" ] || continue
    [ "$(basename "$script")" = e2e_lib.sh ] && continue   # sourced by the others
    scripts="$scripts $script"
done
lanes=${E2E_JOBS:-$(nproc 2>/dev/null || echo 1)}
lane=0
while [ "$lane" -lt "$lanes" ]; do
    (
        i=0
        for script in $scripts; do
            i=$((i + 1))
            [ $((i % lanes)) -eq "$lane" ] || continue
            name=$(basename "$script" .sh)
            start=$(date +%s)
            sh "$script" >"$tmp/$name.out" 2>&1
            echo "$? $(($(date +%s) - start))" >"$tmp/$name.rc"
        done
    ) &
    lane=$((lane + 1))
done
wait
for script in $scripts; do
    name=$(basename "$script" .sh)
    sed 's/^/    /' "$tmp/$name.out"
    read -r rc took <"$tmp/$name.rc"
    echo "# $name.sh: $took s"
    p=$(grep -c '^ok ' "$tmp/$name.out"); f=$(grep -c '^not ok ' "$tmp/$name.out")
    pass=$((pass + p)); fail=$((fail + f))
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then fail=$((fail + 1)); echo "not ok - $name.sh exited $rc"; fi
done

echo "e2e: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
