#!/bin/sh
# End-to-end tests of language detection and untranslated text (issue 6): --lang auto
# (the default) tells each file's language from its content, reports it, notes a file
# it cannot tell, and checks with that language's profile; the untranslated pass names
# the language of text left in another one. Inputs are in tests/data/lang/.
# Prints TAP-style lines; exits 1 on a failure.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
TQC=${TQC:-./tqc}
case $TQC in /*) ;; *) TQC=$(pwd)/$TQC ;; esac
TQC_DATA_DIR=${TQC_DATA_DIR:-$root}
export TQC_DATA_DIR
data=$here/data/lang
. "$here/e2e_lib.sh"

# run NAME WANT_EXIT ARGS...: runs tqc, output in $tmp/out and $tmp/err (WANT_EXIT -:
# any status but 2).
run() {
    name=$1 want=$2; shift 2
    "$TQC" "$@" >"$tmp/out" 2>"$tmp/err"; got=$?
    if [ "$want" = - ]; then
        check "$name (runs)" "$([ "$got" != 2 ]; echo $?)" "exit $got: $(head -c 300 "$tmp/err")"
    else
        check "$name (exit $want)" "$([ "$got" = "$want" ]; echo $?)" "exit $got: $(head -c 300 "$tmp/err")"
    fi
}
has() { grep -q -- "$1" "$2"; }
lacks() { ! grep -q -- "$1" "$2"; }
lines() { wc -l <"$1" | tr -d ' '; }

# --- an English article with a Portuguese sentence left in it ---
run "english article with portuguese" 1 check --format jsonl "$data/en-with-pt.txt"
check "untranslated names Portuguese" \
    "$(has '"rule":"untranslated","severity":"warning","message":"Portuguese text in an English article' "$tmp/out"; echo $?)" \
    "$(grep untranslated "$tmp/out" | head -c 300)"
check "the portuguese sentence is the span" \
    "$(has '"text":"As escolas da região vão permanecer fechadas até segunda-feira, segundo a secretaria de educação"' "$tmp/out"; echo $?)"
check "exactly one untranslated finding" "$([ "$(grep -c '"rule":"untranslated"' "$tmp/out")" = 1 ]; echo $?)"
check "jsonl reports the language told" "$(lacks '"lang":"[^e]' "$tmp/out" && has '"lang":"en"' "$tmp/out"; echo $?)"
check "no note for an article in the configured language" "$([ ! -s "$tmp/err" ]; echo $?)" "$(cat "$tmp/err")"
run "sarif" 1 check --format sarif "$data/en-with-pt.txt"
check "sarif results carry the language" "$(has '"lang": *"en"' "$tmp/out"; echo $?)"
run "loanwords, names and quoted titles" - check --format jsonl "$data/en-loanwords.txt"
check "no untranslated finding on loanwords" "$(lacks '"rule":"untranslated"' "$tmp/out"; echo $?)" \
    "$(grep untranslated "$tmp/out" | head -c 300)"

# --- a French article checked without --lang is checked as French ---
run "french article without --lang" - check "$data/fr-article.txt"
check "text format notes the language told" \
    "$(has "fr-article.txt: note: checked as French (fr), told from its content" "$tmp/out"; echo $?)" \
    "$(head -c 300 "$tmp/out")"
check "nothing on stderr" "$([ ! -s "$tmp/err" ]; echo $?)" "$(cat "$tmp/err")"
check "no untranslated finding in it" "$(lacks '\[untranslated' "$tmp/out"; echo $?)"
check "no English spelling of French words" "$(lacks "unknown word 'écoles'" "$tmp/out"; echo $?)"
run "french article, jsonl" - check --format jsonl --disable untranslated "$data/fr-article.txt"
check "jsonl findings say fr" "$(lacks '"lang":"en"' "$tmp/out"; echo $?)"
run "explicit --lang auto" - check --lang auto "$data/fr-article.txt"
check "--lang auto is the default" "$(has "checked as French (fr)" "$tmp/out"; echo $?)"
run "french article from standard input" - check - <"$data/fr-article.txt"
check "standard input is told too" "$(has "<stdin>: note: checked as French" "$tmp/out"; echo $?)"
run "--lang en pins the language" 1 check --format jsonl "$data/fr-article.txt" --lang en
check "pinned: French text reported as untranslated" \
    "$(has '"message":"French text in an English article' "$tmp/out"; echo $?)"
run "pinned: no note" 1 check "$data/fr-article.txt" --lang en
check "pinned: no note" "$(lacks "note: checked as" "$tmp/out"; echo $?)"
run "segment a french article" 0 segment "$data/fr-article.txt"
check "segment prints sentences, no note" \
    "$(has "^Les services de secours" "$tmp/out" && lacks "note:" "$tmp/out"; echo $?)"
run "diff a french article" - diff "$data/fr-article.txt"
check "diff uses the French profile (no English fix of ' :')" \
    "$(lacks "space before ':'" "$tmp/out"; echo $?)" "$(head -c 300 "$tmp/out")"

# --- several languages in one run: one checker each ---
run "two languages in one run" 1 check --format jsonl "$data/fr-article.txt" "$data/en-with-pt.txt" \
    "$data/fr-article.txt"
check "the english file still english after a french one" \
    "$(has '"message":"Portuguese text in an English article' "$tmp/out"; echo $?)"

# --- a language tqc cannot tell (no profile) ---
run "dutch article" - check "$data/nl-article.txt"
check "a clear note naming the file" \
    "$(has "^tqc: note: .*nl-article.txt: cannot tell its language (it looks like 'nl'" "$tmp/err"; echo $?)" \
    "$(cat "$tmp/err")"
check "the note is one line" "$([ "$(lines "$tmp/err")" = 1 ]; echo $?)" "$(cat "$tmp/err")"
check "it falls back to the configured default" "$(has "checking it as en$" "$tmp/err"; echo $?)"
: >"$tmp/empty.txt"
run "empty file" 0 check "$tmp/empty.txt"
check "no note for an empty file" "$([ ! -s "$tmp/err" ]; echo $?)" "$(cat "$tmp/err")"
printf 'The talks ended.\n' >"$tmp/short.txt"
run "a short english line" 0 check "$tmp/short.txt"
check "no note for a short line in the default language" "$([ ! -s "$tmp/err" ]; echo $?)" "$(cat "$tmp/err")"

# --- the configured language is the fallback, not a pin ---
mkdir -p "$tmp/proj"
printf 'lang = pt\n' >"$tmp/proj/.tqc.ini"
cp "$data/en-with-pt.txt" "$data/nl-article.txt" "$tmp/proj/"
run "config lang = pt, english file" 1 check --format jsonl "$tmp/proj/en-with-pt.txt"
check "an english file is still told English" \
    "$(has '"message":"Portuguese text in an English article' "$tmp/out"; echo $?)" "$(head -c 300 "$tmp/err")"
run "config lang = pt, dutch file" - check "$tmp/proj/nl-article.txt"
check "the untold file falls back to the configured pt" "$(has "checking it as pt$" "$tmp/err"; echo $?)" \
    "$(cat "$tmp/err")"

echo "e2e_lang: $((n - fail)) passed, $fail failed"
[ "$fail" -eq 0 ]
