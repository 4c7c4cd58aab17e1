#!/bin/sh
# The held-out set (tests/data/heldout/, issue 12) is well made, and its scorer
# (tests/eval_heldout.py) counts what it says it counts, run on a stand-in for tqc.
set -u
here=$(cd "$(dirname "$0")" && pwd)
. "$(dirname "$0")/e2e_lib.sh"

if ! command -v python3 >/dev/null 2>&1; then
    skip "held-out set" "python3 not found"
    exit 0
fi

python3 "$here/heldout_gold.py" >"$tmp/out" 2>&1
check "every gold span is in its file, the clean controls have no rows" $? "$(cat "$tmp/out")"

# Set X (tests/data/heldout2, session 10): 24 articles, and the rows its brief asked for in
# each language: three of the four commonest classes, one of each of the others.
x_least="--at-least 1 --at-least missing-space=3 --at-least spelling=3"
x_least="$x_least --at-least capitalization=3 --at-least fragment=3"
# shellcheck disable=SC2086  # x_least is a list of arguments
python3 "$here/heldout_gold.py" "$here/data/heldout2" $x_least >"$tmp/out" 2>&1
check "set X is well made" $? "$(cat "$tmp/out")"
# shellcheck disable=SC2086
python3 "$here/heldout_gold.py" "$here/data/heldout2" $x_least --at-least untranslated=2 \
    >"$tmp/out" 2>&1
[ $? = 1 ] && grep -q '^heldout: en: 1 untranslated rows, at least 2 wanted$' "$tmp/out"
check "a class with fewer rows than --at-least asks is refused" $? "$(cat "$tmp/out")"

# Set Y (tests/data/heldout3, session 11): 36 articles, six a language, written in two
# halves at once (en, pt, es; fr, de, it) and joined by the lead; the rows its brief asked
# for in each language over three defective articles: five of the four commonest classes,
# two of each other class but encoding, which has one.
y_least="--at-least 2 --at-least encoding=1 --at-least missing-space=5 --at-least spelling=5"
y_least="$y_least --at-least capitalization=5 --at-least fragment=5"
# shellcheck disable=SC2086  # y_least is a list of arguments
python3 "$here/heldout_gold.py" "$here/data/heldout3" $y_least >"$tmp/out" 2>&1
check "set Y is well made" $? "$(cat "$tmp/out")"

# Set Z (tests/data/heldout4, session 12): as set Y, written in two halves at once (en, pt,
# es; fr, de, it) that the lead joins; until then the set is refused for its missing half.
# shellcheck disable=SC2086  # y_least is a list of arguments
python3 "$here/heldout_gold.py" "$here/data/heldout4" $y_least >"$tmp/out" 2>&1
check "set Z is well made" $? "$(cat "$tmp/out")"

# A row whose span is not at its occurrence, and a clean control with a row, are refused.
cp -r "$here/data/heldout" "$tmp/set"
awk -F'\t' 'BEGIN { OFS = "\t" } !/^#/ && $1 ~ /^01-/ && !done { $4 = 99; done = 1 } { print }' \
    "$here/data/heldout/gold.tsv" >"$tmp/set/gold.tsv"
python3 "$here/heldout_gold.py" "$tmp/set" >"$tmp/out" 2>&1
[ $? = 1 ] && grep -q 'not found 99 time' "$tmp/out"
check "a span not at its occurrence is refused" $? "$(cat "$tmp/out")"
cp "$here/data/heldout/gold.tsv" "$tmp/set/gold.tsv"
printf '13-en-library.txt\tspelling\tmaps\t1\tnot a defect\n' >>"$tmp/set/gold.tsv"
python3 "$here/heldout_gold.py" "$tmp/set" >"$tmp/out" 2>&1
[ $? = 1 ] && grep -q 'a clean control with 1 gold rows' "$tmp/out"
check "a clean control with a gold row is refused" $? "$(cat "$tmp/out")"

# The clean controls start where gold.tsv's clean-from line says: moved past article 13,
# which has no rows, it becomes a defective article without any.
{ echo '# clean-from: 14'; cat "$here/data/heldout/gold.tsv"; } >"$tmp/set/gold.tsv"
python3 "$here/heldout_gold.py" "$tmp/set" >"$tmp/out" 2>&1
[ $? = 1 ] && grep -q '^heldout: 13-en-library.txt: a defective article without gold rows$' "$tmp/out"
check "gold.tsv's clean-from line says where the clean controls start" $? "$(cat "$tmp/out")"

# The scorer on a small set and a stand-in tqc that answers from a table: a finding of a
# row's rule at warning overlapping its span catches it; one at info, or of another rule,
# does not; a finding at warning on a clean control is a false alarm and lowers precision.
mkdir "$tmp/mini"
printf 'The the cat sat on teh mat.\n' >"$tmp/mini/01-en-cat.txt"
printf 'A clean line.\n' >"$tmp/mini/13-en-clean.txt"
{
    printf '# test set\nfile\trules\tspan\toccurrence\tnote\n'
    printf '01-en-cat.txt\trepeated-word\tThe the\t1\tdoubled\n'
    printf '01-en-cat.txt\tspelling\tteh\t1\tswapped letters\n'
    printf '01-en-cat.txt\tmissing-space|spelling\tcat\t1\tnot really\n'
} >"$tmp/mini/gold.tsv"
cat >"$tmp/fake-tqc" <<'STUB'
#!/bin/sh
for last; do :; done
case "$last" in
*01-en-cat.txt)
    echo '{"file":"x","line":1,"column":5,"offset":4,"length":3,"rule":"repeated-word","severity":"warning","message":"m","text":"the"}'
    echo '{"file":"x","line":1,"column":20,"offset":19,"length":3,"rule":"spelling","severity":"info","message":"m","text":"teh"}'
    echo '{"file":"x","line":1,"column":9,"offset":8,"length":3,"rule":"capitalization","severity":"warning","message":"m","text":"cat"}'
    exit 1 ;;
*13-en-clean.txt)
    echo '{"file":"x","line":1,"column":3,"offset":2,"length":5,"rule":"spelling","severity":"error","message":"odd","text":"clean"}'
    exit 1 ;;
esac
STUB
chmod +x "$tmp/fake-tqc"
python3 "$here/eval_heldout.py" --tqc "$tmp/fake-tqc" --dir "$tmp/mini" --misses \
    --json "$tmp/mini.json" >"$tmp/out" 2>&1
check "the scorer runs" $? "$(cat "$tmp/out")"
grep -q '^recall  33.3% (1 of 3)$' "$tmp/out"
check "only a severe finding of the row's rule overlapping the span catches it" $? "$(cat "$tmp/out")"
grep -q '^precision  33.3% (1 of 3 ' "$tmp/out"
check "precision counts the findings that catch no row, clean controls included" $? "$(cat "$tmp/out")"
grep -q "^  13-en-clean.txt:1:3: error: odd \[spelling\] 'clean'$" "$tmp/out"
check "a false alarm on a clean control gets its own line" $? "$(cat "$tmp/out")"
grep -q '"caught": 1' "$tmp/mini.json"
check "the figures go to --json" $? "$(cat "$tmp/mini.json")"

echo "# e2e_heldout: $((n - fail)) passed, $fail failed"
[ "$fail" -eq 0 ]
