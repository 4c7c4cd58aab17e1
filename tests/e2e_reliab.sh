#!/bin/sh
# End-to-end tests of issue 18 (reliability): hostile settings files and dictionaries are
# clear errors, fix never clobbers a file changed or repointed while it worked, pathological
# inputs finish fast, and fix/diff honour suppressions as check does (issue 13).
# Prints `ok N - name` / `not ok N - name`; exits 1 on failure.
set -u
TQC=${TQC:-./tqc}
case $TQC in /*) ;; *) TQC=$(pwd)/$TQC ;; esac  # the tests cd into their directories
. "$(dirname "$0")/e2e_lib.sh"
# expect_exit CODE NAME CMD...: runs CMD (killed after 20 s), checks its exit status.
expect_exit() {
    want=$1 name=$2; shift 2
    timeout -k 5 20 "$@" >"$tmp/out" 2>"$tmp/err"; got=$?
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

# --- fix never clobbers (core/atomic.h). ------------------------------------------------
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

# (Issue 13: every command honouring suppressions, --disable, .tqc.ini and baselines is
# tests/e2e_pipeline.sh.)

# --- Terminal safety: no raw control character from a file name reaches the terminal. -
esc=$(printf '\033')
bad="$tmp/x${esc}[31mred.txt"
cp "$tmp/doubled.txt" "$bad"
"$TQC" check --color=never "$bad" >"$tmp/out" 2>&1
grep -q "$esc" "$tmp/out" && not_ok "an ESC in a file name is escaped in text output" "$(od -c "$tmp/out" | head -3)" || ok "an ESC in a file name is escaped in text output"
grep -q 'x\\x1B\[31mred.txt' "$tmp/out" && ok "it is shown as \\x1B" || not_ok "it is shown as \\x1B" "$(head -2 "$tmp/out")"
"$TQC" check "$tmp/no${esc}such.txt" >"$tmp/out" 2>&1
grep -q "$esc" "$tmp/out" && not_ok "an ESC in a file name is escaped in error messages" || ok "an ESC in a file name is escaped in error messages"
"$TQC" diff --format wdiff --color=never "$bad" >"$tmp/out" 2>&1
grep -q "$esc" "$tmp/out" && not_ok "an ESC in a file name is escaped in the word diff" || ok "an ESC in a file name is escaped in the word diff"

# --- audit --db refuses someone else's database. -------------------------------------
if command -v python3 >/dev/null 2>&1; then
    mkdir "$tmp/corpus"
    cp "$tmp/doubled.txt" "$tmp/corpus/a.txt"
    python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('create table customers(id int)'); c.commit()" "$tmp/foreign.db"
    expect_exit 2 "audit --db refuses a database that is not tqc's" "$TQC" audit --db "$tmp/foreign.db" "$tmp/corpus"
    expect_grep "not a tqc database" "$tmp/err" "the refusal says why"
    python3 -c "import sqlite3,sys; n=sqlite3.connect(sys.argv[1]).execute('select count(*) from sqlite_master').fetchone()[0]; sys.exit(n != 1)" "$tmp/foreign.db" && ok "the foreign database is untouched" || not_ok "the foreign database is untouched"
    : >"$tmp/empty.db"
    expect_exit 0 "audit --db takes an empty file" "$TQC" audit --db "$tmp/empty.db" "$tmp/corpus"
    expect_exit 0 "and its own database again" "$TQC" audit --db "$tmp/empty.db" "$tmp/corpus"
fi

# --- JSONL: a bad line is its own error; every valid record after it is checked. ------
printf '{"id":"1","text":"The the one."}\n{"id":"2","text":"bad\n{"id":"3","text":"The the three."}\n{"id":"4",\n{"id":"5","text":"The the five."}\n' >"$tmp/recs.jsonl"
expect_exit 2 "a JSONL file with bad lines exits 2" "$TQC" check --format jsonl "$tmp/recs.jsonl"
[ "$(grep -c '"rule":"repeated-word"' "$tmp/out")" = 3 ] && ok "every valid record is checked, also after a bad line" || not_ok "every valid record is checked, also after a bad line" "$(cat "$tmp/out")"
[ "$(grep -c 'invalid JSON record' "$tmp/err")" = 2 ] && grep -q 'recs.jsonl:2:' "$tmp/err" && grep -q 'recs.jsonl:4:' "$tmp/err" && ok "each bad line gets its own error" || not_ok "each bad line gets its own error" "$(cat "$tmp/err")"
expect_exit 2 "audit: a JSONL file with bad lines exits 2" "$TQC" audit --format jsonl "$tmp/recs.jsonl"
[ "$(grep -c '"rule":"repeated-word"' "$tmp/out")" = 3 ] && ok "audit checks every valid record, also after a bad line" || not_ok "audit checks every valid record, also after a bad line" "$(cat "$tmp/out")"
[ "$(grep -c 'invalid JSON record' "$tmp/err")" = 2 ] && grep -q 'recs.jsonl:2:' "$tmp/err" && grep -q 'recs.jsonl:4:' "$tmp/err" && ok "audit: each bad line gets its own error" || not_ok "audit: each bad line gets its own error" "$(cat "$tmp/err")"
printf '{"id":"7","text":"The the one."}\n{"id":"8","text":"Fine."}\n{"id":"7","text":"The the again."}\n' >"$tmp/dups.jsonl"
for cmd in check:1 audit:0; do   # check exits 1 on its findings; 2 would be trouble
    code=${cmd#*:} cmd=${cmd%:*}
    expect_exit "$code" "$cmd: a duplicate id is a warning, not trouble" "$TQC" $cmd --format jsonl "$tmp/dups.jsonl"
    [ "$(grep -c '"rule":"repeated-word"' "$tmp/out")" = 2 ] && ok "$cmd: both records with the id are checked" || not_ok "$cmd: both records with the id are checked" "$(cat "$tmp/out")"
    expect_grep "warning: .*dups.jsonl:3: duplicate id '7' (first on line 1)" "$tmp/err" "$cmd: the duplicate id is named with both lines"
done

# --- audit: links out of the tree, link loops, empty folders. --------------------------
mkdir -p "$tmp/tree/sub" "$tmp/outside" "$tmp/nothing"
cp "$tmp/doubled.txt" "$tmp/tree/a.txt"
printf 'SECRETWORDXYZ the the secret.\n' >"$tmp/outside/secret.txt"
ln -s "$tmp/outside/secret.txt" "$tmp/tree/secret.txt"
ln -s a.txt "$tmp/tree/inside.txt"
ln -s loop2 "$tmp/tree/loop1"
ln -s loop1 "$tmp/tree/loop2"
"$TQC" audit --format jsonl "$tmp/tree" >"$tmp/out" 2>"$tmp/err"
grep -q 'SECRETWORDXYZ\|secret.txt' "$tmp/out" && not_ok "audit does not follow a link out of the tree" "$(grep secret "$tmp/out" | head -2)" || ok "audit does not follow a link out of the tree"
grep -q 'inside.txt' "$tmp/out" && ok "audit follows a link inside the tree" || not_ok "audit follows a link inside the tree" "$(head -3 "$tmp/out")"
grep -q 'loop1.*symbolic links' "$tmp/err" && ok "a link loop is reported" || not_ok "a link loop is reported" "$(cat "$tmp/err")"
"$TQC" audit --format jsonl --follow-links "$tmp/tree" >"$tmp/out" 2>/dev/null
grep -q 'secret.txt' "$tmp/out" && ok "--follow-links follows it" || not_ok "--follow-links follows it"
expect_exit 2 "an empty folder is reported" "$TQC" audit "$tmp/nothing"
expect_grep "no file to check" "$tmp/err" "the report says why"

# --- HTML: attribute caps with a clear error (libxml2 is quadratic in them). ----------
python3 -c "
import sys
with open(sys.argv[1], 'w') as f:
    f.write('<html><body><p ' + ' '.join('a%d=\"x\"' % i for i in range(1000000)) + '>The text.</p></body></html>\n')
" "$tmp/attrs.html"
expect_exit 2 "an element with a million attributes is refused, fast" "$TQC" check "$tmp/attrs.html"
expect_grep "attributes: refused" "$tmp/err" "the error says why"

# --- audit: a FIFO in a list of paths is refused, not waited on. ----------------------
printf '%s\n' "$tmp/fifo" >"$tmp/list.txt"
expect_exit 2 "audit refuses a FIFO given in a list of paths" sh -c "\"\$TQC\" audit - < \"$tmp/list.txt\""
expect_grep "not a regular file" "$tmp/err" "the refusal says why"

# --- audit: a FIFO or device named on the command line is refused, not waited on. -------
expect_exit 2 "audit refuses a FIFO named on the command line" "$TQC" audit "$tmp/fifo" "$tmp/doubled.txt"
expect_grep "fifo: not a regular file" "$tmp/err" "the refusal names the FIFO"
expect_exit 2 "audit refuses a device named on the command line" "$TQC" audit /dev/zero
expect_exit 0 "audit still reads a pipe handed to it as /dev/stdin" sh -c "cat \"$tmp/doubled.txt\" | \"\$TQC\" audit --input text --format jsonl /dev/stdin"
expect_grep '"rule":"repeated-word"' "$tmp/out" "the piped text is checked"

# --- audit: a file swapped for a FIFO after the walk listed it is refused, not waited on.
# The folder's large article is checked first (-j 1, name order) while the small one,
# listed already, becomes a FIFO: its open must neither block (no writer ever comes, and
# a blocked open was deaf to Ctrl-C) nor read it; the audit ends with it reported. (The
# article must outlast the 0.3 s before the swap on a fast machine: 5 MB took 0.35 s.)
if command -v python3 >/dev/null 2>&1; then
    mkdir "$tmp/swap"
    python3 -c "
import sys
s = 'The minister said the talks would resume on Monday in the capital, officials confirmed.\n\n'
open(sys.argv[1], 'w').write(s * 240000)
" "$tmp/swap/a.txt"
    cp "$tmp/doubled.txt" "$tmp/swap/b.txt"
    python3 - "$TQC" "$tmp/swap" "$tmp/out" "$tmp/err" <<'PY' >"$tmp/swap.res" 2>&1
import os, subprocess, sys, time
tqc, d, out, err = sys.argv[1:]
p = subprocess.Popen([tqc, 'audit', '-j1', d], stdout=open(out, 'wb'), stderr=open(err, 'wb'))
time.sleep(0.3)
os.unlink(d + '/b.txt')
os.mkfifo(d + '/b.txt')
try:
    print(p.wait(timeout=60))
except subprocess.TimeoutExpired:
    p.kill()
    print('still waiting 60 s after the swap')
PY
    [ "$(cat "$tmp/swap.res")" = 2 ] && grep -q 'swap/b.txt: not a regular file' "$tmp/err" \
        && ok "audit: a file swapped for a FIFO after the walk is refused, not waited on" \
        || not_ok "audit: a file swapped for a FIFO after the walk is refused, not waited on" \
                  "$(cat "$tmp/swap.res") $(head -c 300 "$tmp/err")"
fi

# --- UTF-16 with a byte order mark is decoded, not refused as binary. -----------------
python3 -c "
import sys
t = 'Élu, le ministre a dit que que les discussions reprendraient. \U0001D11E\n'
open(sys.argv[1], 'wb').write(b'\xff\xfe' + t.encode('utf-16-le'))
open(sys.argv[2], 'wb').write(b'\xfe\xff' + t.encode('utf-16-be'))
" "$tmp/le.txt" "$tmp/be.txt"
for e in le be; do
    expect_exit 1 "check reads UTF-16${e} text" "$TQC" check --format jsonl "$tmp/$e.txt"
    grep -q '"rule":"repeated-word".*"offset":24,' "$tmp/out" && ok "UTF-16${e}: the finding is at its UTF-8 offset" || not_ok "UTF-16${e}: the finding is at its UTF-8 offset" "$(cat "$tmp/out")"
    expect_grep "read as UTF-16$(echo $e | tr a-z A-Z); positions are those of its UTF-8 text" "$tmp/err" "UTF-16${e}: a note says how it was read"
    expect_exit 0 "audit reads UTF-16${e} text" "$TQC" audit --format jsonl "$tmp/$e.txt"
    expect_grep '"rule":"repeated-word"' "$tmp/out" "audit: UTF-16${e} is checked, not skipped as binary"
done

# --- Escaping for people: bidi and C1 controls in names are shown escaped. ------------
rlo=$(printf '\342\200\256') csi=$(printf '\302\233')
mkdir -p "$tmp/bidi/ev${rlo}il${csi}x"
printf 'The minister said the the talks would resume.\n' >"$tmp/bidi/ev${rlo}il${csi}x/a.txt"
expect_exit 2 "check: a missing file with bidi and C1 controls in its name" "$TQC" check "$tmp/bidi/no${rlo}pe${csi}.txt"
grep -q "no\\\\u{202E}pe\\\\x9B.txt" "$tmp/err" && ! grep -q "$rlo\|$csi" "$tmp/err" && ok "stderr shows them escaped, never raw" || not_ok "stderr shows them escaped, never raw" "$(cat "$tmp/err")"
expect_exit 1 "check: a file in a folder with controls in its name" "$TQC" check "$tmp/bidi/ev${rlo}il${csi}x/a.txt"
grep -q "ev\\\\u{202E}il\\\\x9Bx/a.txt" "$tmp/out" && ! grep -q "$rlo\|$csi" "$tmp/out" && ok "text output shows them escaped" || not_ok "text output shows them escaped" "$(head -3 "$tmp/out")"
expect_exit 0 "audit: the same folder" "$TQC" audit "$tmp/bidi"
grep -q "ev\\\\u{202E}il\\\\x9Bx" "$tmp/out" && ! grep -q "$rlo\|$csi" "$tmp/out" && ok "audit's text summary shows them escaped" || not_ok "audit's text summary shows them escaped" "$(cat "$tmp/out")"

echo "# e2e_reliab: $n tests, $fail failed"
[ "$fail" = 0 ]
