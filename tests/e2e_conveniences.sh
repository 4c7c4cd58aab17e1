#!/bin/sh
# End-to-end tests of the conveniences linter users expect (issue 14): --stdin-filename
# (standard input checked as PATH, with PATH's .tqc.ini sections), -q and
# --min-severity (a clean article prints no hints), and fix and baseline create saying
# what they did unless -q.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
TQC=${TQC:-./tqc}
case $TQC in /*) ;; *) TQC=$(pwd)/$TQC ;; esac
TQC_DATA_DIR=${TQC_DATA_DIR:-$root}
export TQC_DATA_DIR
. "$here/e2e_lib.sh"
run() { "$@" >out 2>err; rc=$?; }
expect() {
    want=$1 name=$2; shift 2
    run "$@"
    if [ "$rc" = "$want" ]; then ok "$name"; else not_ok "$name" "exit $rc, expected $want: $(head -c 300 out) $(head -c 300 err)"; fi
}
has() { if grep -q -- "$1" "$2"; then ok "$3"; else not_ok "$3" "no '$1' in: $(head -c 300 "$2")"; fi; }
lacks() { if grep -q -- "$1" "$2"; then not_ok "$3" "'$1' in: $(head -c 300 "$2")"; else ok "$3"; fi; }
cd "$tmp" || exit 1

# ---- --stdin-filename ----------------------------------------------------------------
mkdir -p proj/.git proj/news
printf 'fail-on = warning\n[news/*.txt]\nfail-on = error\ndisable = spelling\n' >proj/.tqc.ini
printf 'The minister said the talks with Zorvakian envoys ended.\n' >names.txt
expect 0 "--stdin-filename: the section's settings apply (spelling off, fail-on error)" \
    sh -c "\"$TQC\" check --lang en --stdin-filename proj/news/a.txt - <names.txt"
expect 1 "without it, standard input gets the top-level settings" \
    sh -c "cd proj && \"$TQC\" check --lang en --fail-on=info - <../names.txt"
printf 'The minister said the the talks ended.\n' >doubled.txt
expect 1 "--stdin-filename: findings" sh -c "\"$TQC\" check --lang en --stdin-filename proj/news/a.txt - <doubled.txt"
has '^proj/news/a.txt:1:19: error: ' out "--stdin-filename: findings are named PATH"
"$TQC" check --lang en --stdin-filename proj/news/a.txt --format jsonl - <doubled.txt >out 2>err
has '"file":"proj/news/a.txt"' out "--stdin-filename: machine formats name PATH"

# ---- -q and --min-severity -----------------------------------------------------------
cat >hints.txt <<'TXT'
Officials from Zorvak, Quentaro and Belmisch met the minister on Monday.
TXT
run "$TQC" check --lang en hints.txt
has ': info: ' out "an article of names gets info hints"
expect 0 "--min-severity=warning: exit 0" "$TQC" check --lang en --min-severity=warning hints.txt
[ -s out ] && not_ok "--min-severity=warning: nothing printed" "$(head -5 out)" || ok "--min-severity=warning: nothing printed"
expect 1 "--min-severity=warning keeps warnings and errors" "$TQC" check --lang en --min-severity=warning doubled.txt
has 'repeated-word' out "--min-severity: the error is shown"
"$TQC" check --lang en --min-severity=error --format jsonl hints.txt doubled.txt >out 2>&1
lacks '"severity":"info"' out "--min-severity applies to machine formats"
expect 2 "--min-severity=bogus exits 2" "$TQC" check --min-severity=bogus hints.txt
expect 1 "-q" "$TQC" check --lang en -q doubled.txt
lacks 'errors\?, [0-9]* warning' out "-q: no summary line"
has 'repeated-word' out "-q: the findings are still printed"

# ---- fix and baseline create say what they did -------------------------------------
cp doubled.txt fixme.txt
expect 0 "tqc fix" "$TQC" fix --lang en fixme.txt
has '^tqc: fixed 1 finding in 1 file$' err "tqc fix says what it fixed"
cp doubled.txt fixme.txt
expect 0 "tqc fix -q" "$TQC" fix --lang en -q fixme.txt
[ -s err ] && not_ok "tqc fix -q says nothing" "$(cat err)" || ok "tqc fix -q says nothing"
expect 0 "tqc baseline create" "$TQC" baseline create --lang en -o base doubled.txt hints.txt
has '^tqc: baseline base: [0-9]* findings of 2 files accepted$' err "baseline create says what it wrote"
expect 0 "tqc baseline create -q" "$TQC" baseline create --lang en -q -o base doubled.txt
[ -s err ] && not_ok "baseline create -q says nothing" "$(cat err)" || ok "baseline create -q says nothing"

# ---- inline word accept: `tqc: words A, B` (as cspell:ignore) -------------------------
printf 'Suzuno said the launch from Brankovic went well, Suzuno added.\n' >names2.txt
run "$TQC" check --lang en --fail-on=info names2.txt
has "'Suzuno'" out "without it, the names are flagged"
{ printf '<!-- tqc: words Suzuno, Brankovic -->\n'; cat names2.txt; } >accepted.txt
expect 0 "tqc: words accepts the words in the file" "$TQC" check --lang en --fail-on=info accepted.txt
[ -s out ] && not_ok "tqc: words: nothing printed" "$(head -5 out)" || ok "tqc: words: nothing printed"
{ printf '<!-- tqc-words Suzuno -->\n'; cat names2.txt; } >half.txt
run "$TQC" check --lang en --fail-on=info half.txt
lacks "'Suzuno'" out "tqc-words (the other spelling) accepts its word"
has "'Brankovic'" out "a word it does not name is still flagged"
printf '<p>Suzuno said the talks had ended.</p>\n<!-- tqc: words Suzuno -->\n' >page.html
expect 0 "tqc: words in an HTML comment" "$TQC" check --lang en --fail-on=info page.html
{ printf '<!-- tqc: words Suzuno, Qwertzuiop -->\n'; cat names2.txt; } >stale.txt
run "$TQC" check --lang en stale.txt
has "tqc: words 'Qwertzuiop' accepted no flagged word \[unused-suppression\]" out "a word that accepted nothing is reported"
run "$TQC" check --lang en --fail-on=info names2.txt accepted.txt
has "^names2.txt:.*'Suzuno'" out "the words hold for their own file only"

echo "e2e_conveniences: $((n - fail)) passed, $fail failed"
[ "$fail" -eq 0 ]
