#!/bin/sh
# End-to-end tests of issue 18 (reliability): hostile settings files and dictionaries are
# clear errors, fix never clobbers a file changed or repointed while it worked, pathological
# inputs finish fast, and fix/diff honour suppressions as check does (issue 13).
# Prints `ok N - name` / `not ok N - name`; exits 1 on failure.
set -u
TQC=${TQC:-./tqc}
case $TQC in /*) ;; *) TQC=$(pwd)/$TQC ;; esac  # the tests cd into their directories
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
n=0 fail=0

ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() {
    n=$((n + 1)); fail=$((fail + 1)); echo "not ok $n - $1"
    [ -n "${2:-}" ] && printf '%s\n' "$2" | head -20 | sed 's/^/#   /'
    return 0
}
# expect_exit CODE NAME CMD...: runs CMD (killed after 20 s), checks its exit status.
expect_exit() {
    want=$1 name=$2; shift 2
    timeout 20 "$@" >"$tmp/out" 2>"$tmp/err"; got=$?
    if [ "$got" = "$want" ]; then ok "$name"; else not_ok "$name" "exit $got, expected $want: $(head -c 300 "$tmp/err")"; fi
}
expect_grep() {
    if grep -q -- "$1" "$2"; then ok "$3"; else not_ok "$3" "no '$1' in: $(head -c 300 "$2")"; fi
}

printf 'The minister said the the talks would resume.\n' >"$tmp/doubled.txt"

# --- Hostile settings: a clear error (exit 2), never a crash or a hang. -------------
mkdir "$tmp/repo" "$tmp/repo/dicts"
printf 'SET NO-SUCH-CHARSET-42\nTRY abc\n' >"$tmp/repo/dicts/en_US.aff"
printf '1\nword\n' >"$tmp/repo/dicts/en_US.dic"
printf '[*]\ndict-dir = dicts\n' >"$tmp/repo/.tqc.ini"
cp "$tmp/doubled.txt" "$tmp/repo/a.txt"
expect_exit 2 "a .tqc.ini dict-dir whose SET iconv rejects is an error, not a crash" "$TQC" check "$tmp/repo/a.txt"
expect_grep "NO-SUCH-CHARSET-42" "$tmp/err" "the error names the encoding"
for w in /nonexistent/words.txt "$tmp/repo/dicts" /dev/zero /dev/urandom; do
    expect_exit 2 "-w $w is an error" "$TQC" check -w "$w" "$tmp/doubled.txt"
done
printf '[*]\nwords = /dev/zero\n' >"$tmp/repo/.tqc.ini"
expect_exit 2 "words = /dev/zero in .tqc.ini is an error, not a hang" "$TQC" check "$tmp/repo/a.txt"
expect_grep "not a regular file" "$tmp/err" "the error says why"
rm "$tmp/repo/.tqc.ini"
mkfifo "$tmp/fifo"
expect_exit 2 "a FIFO as --config is an error, not a hang" "$TQC" check --config "$tmp/fifo" "$tmp/doubled.txt"
expect_exit 2 "a FIFO as --baseline is an error, not a hang" "$TQC" check --baseline "$tmp/fifo" "$tmp/doubled.txt"

# --- fix never clobbers (atomic.h). ------------------------------------------------
cp "$tmp/doubled.txt" "$tmp/one.txt"
ln "$tmp/one.txt" "$tmp/two.txt"
expect_exit 2 "fix refuses a file with two hard links" "$TQC" fix "$tmp/one.txt"
expect_grep "hard links" "$tmp/err" "the refusal says why"
cmp -s "$tmp/one.txt" "$tmp/doubled.txt" && ok "the hard-linked file is untouched" || not_ok "the hard-linked file is untouched"
rm "$tmp/two.txt"
ln -s one.txt "$tmp/link.txt"
expect_exit 0 "fix through a link" "$TQC" fix "$tmp/link.txt"
[ -L "$tmp/link.txt" ] && ! grep -q "the the" "$tmp/one.txt" && ok "fix through a link fixes its target and keeps the link" || not_ok "fix through a link fixes its target and keeps the link"
ls -a "$tmp" | grep -q '\.tqc-' && not_ok "no temporary file is left" || ok "no temporary file is left"

echo "# e2e_reliab: $n tests, $fail failed"
[ "$fail" = 0 ]
