#!/bin/sh
# End-to-end tests of the injection evaluation and its gate (issue 11): every injector's
# output passes its checks (eval_inject --self-test), the gate holds with every pass on
# and fails with `fragment` disabled, the page-chrome phrases are held apart from the
# passes' lists, and bad input is one clear line. Prints TAP-style lines; exits 1 on a
# failure.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
TQC=${TQC:-./tqc}
case $TQC in /*) ;; *) TQC=$(pwd)/$TQC ;; esac
EVAL_INJECT=${EVAL_INJECT:-$root/build/eval_inject}
case $EVAL_INJECT in /*) ;; *) EVAL_INJECT=$(pwd)/$EVAL_INJECT ;; esac
floors=$here/data/inject/floors.tsv
. "$here/e2e_lib.sh"

# run NAME WANT_EXIT ARGS...: runs eval_inject, output in $tmp/out and $tmp/err.
run() {
    name=$1 want=$2; shift 2
    "$EVAL_INJECT" "$@" >"$tmp/out" 2>"$tmp/err"; got=$?
    check "$name (exit $want)" "$([ "$got" = "$want" ]; echo $?)" \
        "exit $got: $(tail -c 400 "$tmp/out") $(head -c 300 "$tmp/err")"
}

if [ ! -x "$EVAL_INJECT" ]; then
    not_ok "eval_inject is built" "$EVAL_INJECT missing (make $EVAL_INJECT)"
    echo "e2e_inject: $((n - fail)) passed, $fail failed"
    exit 1
fi

# Every injector, in every language, makes defects that pass its class's checks (the
# span changed, the right fix gives the original back, a join the dictionary rejects, no
# finite verb in a fragment, only case or only spaces changed...).
run "self-test of the injectors" 0 --self-test
check "self-test says ok" "$(grep -q '^self-test: ok' "$tmp/out"; echo $?)" "$(grep FAIL "$tmp/out" | head -5)"
check "every language's corpus was read" \
    "$([ "$(grep -c '^self-test [a-z][a-z]: [0-9]* paragraphs' "$tmp/out")" -ge 5 ]; echo $?)"

# The gate on the fragment class (and the gold rows): holds with every pass, fails
# without the fragment pass.
run "gate holds with every pass" 0 --quick --no-clean --class fragment --tqc "$TQC" --gate "$floors"
check "gate says all hold" "$(grep -q '^gate: [0-9]* floors checked, all hold' "$tmp/out"; echo $?)"
run "gate fails with fragment disabled" 1 --quick --no-clean --class fragment --tqc "$TQC" \
    --tqc-arg --disable=fragment --gate "$floors"
check "gate names what fell" "$(grep -q '^gate: FAIL' "$tmp/out"; echo $?)" "$(tail -5 "$tmp/out")"
if grep -q '^inject.*fragment' "$floors"; then
    check "the fragment floor is among the failures" "$(grep -q '^gate: FAIL fragment' "$tmp/out"; echo $?)"
fi

# The page chrome the boilerplate and stray-heading injectors insert is held apart from
# the rules' own lists, and the harness reads no rules/ file.
overlap=""
for f in "$here"/data/inject/??.tsv; do
    lang=$(basename "$f" .tsv)
    grep -E '^(boilerplate|stray-heading)	' "$f" | cut -f2 >"$tmp/phrases"
    while IFS= read -r ph; do
        grep -qiF -- "$ph" "$root/rules/$lang/"* 2>/dev/null && overlap="$overlap [$lang] $ph"
    done <"$tmp/phrases"
done
check "no injected phrase is in rules/" "$([ -z "$overlap" ]; echo $?)" "$overlap"
check "eval_inject opens no rules/ file" "$(! grep -n '"[^"]*rules/' "$here/eval_inject.c" >/dev/null; echo $?)"

# Bad input: one clear line naming the file.
printf 'inject en fragment\n' >"$tmp/bad-floors.tsv"
run "a malformed floors file" 2 --quick --no-clean --no-gold --class spacing --lang de --tqc "$TQC" \
    --gate "$tmp/bad-floors.tsv"
check "the error names the file and line" "$(grep -q 'bad-floors.tsv:1: expected' "$tmp/err"; echo $?)" \
    "$(cat "$tmp/err")"
run "a missing tqc binary" 2 --quick --tqc "$tmp/no-such-tqc"
check "the error names the binary" "$(grep -q 'no-such-tqc: not an executable' "$tmp/err"; echo $?)" \
    "$(cat "$tmp/err")"

echo "e2e_inject: $((n - fail)) passed, $fail failed"
[ "$fail" -eq 0 ]
