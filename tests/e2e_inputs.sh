#!/bin/sh
# End-to-end tests of the input formats (issue 5): an HTML article with site chrome,
# XLIFF 1.2 and 2.0, TMX and JSONL with bilingual defects, a clean bilingual file, and
# the hardening cases (external entity, billion laughs, truncated and malformed files).
# The inputs are in tests/data/inputs/. Prints TAP-style lines; exits 1 on a failure.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
TQC=${TQC:-./tqc}
case $TQC in /*) ;; *) TQC=$(pwd)/$TQC ;; esac
TQC_DATA_DIR=${TQC_DATA_DIR:-$root}
export TQC_DATA_DIR
data=$here/data/inputs
. "$here/e2e_lib.sh"

# run NAME WANT_EXIT ARGS...: runs tqc, output in $tmp/out and $tmp/err.
run() {
    name=$1 want=$2; shift 2
    "$TQC" "$@" >"$tmp/out" 2>"$tmp/err"; got=$?
    check "$name (exit $want)" "$([ "$got" = "$want" ]; echo $?)" "exit $got: $(head -c 300 "$tmp/err")"
}
has() { grep -q -- "$1" "$2"; }
lacks() { ! grep -q -- "$1" "$2"; }
# rule<TAB>text of each jsonl finding, sorted.
pairs() { sed -n 's/.*"rule":"\([^"]*\)".*"text":"\(\([^"\\]\|\\.\)*\)".*/\1	\2/p' "$1" | sort; }

# --- HTML ---
run "html article" 1 check --format jsonl "$data/article.html"
cp "$tmp/out" "$tmp/html.jsonl"
run "its plain text" 1 check --format jsonl "$data/article.txt"
pairs "$tmp/html.jsonl" >"$tmp/html.pairs"
pairs "$tmp/out" >"$tmp/txt.pairs"
check "html gives the same findings as its plain text" \
    "$(cmp -s "$tmp/html.pairs" "$tmp/txt.pairs"; echo $?)" "$(diff "$tmp/html.pairs" "$tmp/txt.pairs" | head -5)"
check "html findings are not empty" "$([ -s "$tmp/html.pairs" ]; echo $?)"
check "html findings carry the page's line and column" \
    "$(has '"line":33,"column":138,[^}]*"text":"hourson"' "$tmp/html.jsonl"; echo $?)"
check "html offsets are the page's bytes" \
    "$(has '"line":24,"column":20,"offset":883,' "$tmp/html.jsonl"; echo $?)"
run "html text format" 1 check "$data/article.html"
check "text format names the html line" "$(has 'article.html:33:138: error: .*hourson' "$tmp/out"; echo $?)"
for chrome in 'the the' 'Teh' 'dataLayer' 'Accept' 'rights reserved' 'Most read' 'email address' 'World'; do
    check "nothing from script, style, nav, comments, forms, aside, footer: '$chrome'" \
        "$(lacks "$chrome" "$tmp/html.jsonl"; echo $?)"
done
run "segment reads html" 0 segment "$data/article.html"
check "segment shows the article's text" "$(has '^Cyclone forces evacuation of coastal towns$' "$tmp/out"; echo $?)"
check "segment shows no chrome" "$(lacks 'Daily Courier\|Subscribe\|Politics\|console' "$tmp/out"; echo $?)"
check "inline elements add no space" "$(has 'Inhambaneprovince' "$tmp/out"; echo $?)"
check "entities are decoded" "$(has 'Aid groups & volunteers' "$tmp/out"; echo $?)"
cp "$data/article.html" "$tmp/page.txt"
run "--input html overrides the extension" 1 check --input html --format jsonl "$tmp/page.txt"
check "--input html reads the page" "$(has '"text":"hourson"' "$tmp/out"; echo $?)"
run "--input with a bad format" 2 check --input docx "$data/article.html"

# --- bilingual files: number, untranslated, omission and markup defects ---
for f in xliff12.xlf xliff20.xlf memory.tmx; do
    run "$f" 1 check --format jsonl "$data/$f"
    for rule in number untranslated omission markup; do
        check "$f: $rule defect found" "$(has "\"rule\":\"$rule\"" "$tmp/out"; echo $?)" "$(cut -c1-200 "$tmp/out")"
    done
    check "$f: findings name their segment" "$(has '"segment":"' "$tmp/out"; echo $?)"
done
run "xliff 1.2 segment ids" 1 check --format jsonl "$data/xliff12.xlf"
check "the number finding names unit t2 and the xliff line" \
    "$(has '"line":12,"column":27,[^}]*"rule":"number".*"segment":"t2"' "$tmp/out"; echo $?)"
run "clean bilingual file" 0 check "$data/clean.xlf"
check "clean bilingual file: nothing at warning or above" \
    "$(lacks 'warning\|error' "$tmp/out"; echo $?)" "$(head -c 400 "$tmp/out")"
sed 's/xml:lang="en-GB"/xml:lang="it"/' "$data/memory.tmx" >"$tmp/no-en.tmx"
run "tmx without the pinned language" 2 check --lang en "$tmp/no-en.tmx"
check "tmx language error names the language" "$(has "none with a variant in 'en'" "$tmp/err"; echo $?)"
# Issue 17: with defaults a bilingual file is checked in the languages it declares.
run "tmx in its own languages (defaults)" 1 check --format jsonl "$tmp/no-en.tmx"
check "its findings are in the file's target language" "$(has '"lang":"it"' "$tmp/out"; echo $?)" \
    "$(head -c 300 "$tmp/out")"

# --- JSONL ---
run "jsonl records" 1 check --format jsonl "$data/records.jsonl"
check "jsonl finding carries its record id" \
    "$(has '"rule":"repeated-word".*"lang":"en","segment":"r1"' "$tmp/out"; echo $?)"
check "jsonl source compared" "$(has '"rule":"number".*"segment":"r2"' "$tmp/out"; echo $?)"
check "jsonl numeric id" "$(lacks '"segment":"3"' "$tmp/out"; echo $?)"
run "malformed jsonl" 2 check "$data/bad.jsonl" "$data/records.jsonl"
check "jsonl error names file, line and column" \
    "$(has 'bad.jsonl:2:41: invalid JSON record: invalid escape' "$tmp/err"; echo $?)" "$(cat "$tmp/err")"

# --- hardening ---
run "external entity refused" 2 check --format jsonl "$data/xxe.xlf" "$data/article.txt"
check "the entity's file appears nowhere" \
    "$(cat "$tmp/out" "$tmp/err" | grep -q 'XXE-SECRET'; [ $? -ne 0 ]; echo $?)"
check "external entity error is one line naming the file and line" \
    "$([ "$(wc -l <"$tmp/err")" -eq 1 ] && has 'xxe.xlf:3:.*refused' "$tmp/err"; echo $?)" "$(cat "$tmp/err")"
check "the next file is still checked" "$(has 'article.txt' "$tmp/out"; echo $?)"
if command -v timeout >/dev/null 2>&1; then
    timeout 1 "$TQC" check "$data/billion-laughs.xlf" >"$tmp/out" 2>"$tmp/err"; got=$?
    check "billion laughs fails within a second" "$([ "$got" = 2 ]; echo $?)" "exit $got"
else
    run "billion laughs refused" 2 check "$data/billion-laughs.xlf"
fi
check "billion laughs error says why" "$(has 'billion-laughs.xlf:3:.*refused' "$tmp/err"; echo $?)" "$(cat "$tmp/err")"
run "truncated xliff" 2 check "$data/truncated.xlf" "$data/malformed.tmx" "$data/article.txt"
check "truncated: one line naming the file and where it ends" \
    "$(has 'truncated.xlf:5: file ends inside <target> opened at line 4' "$tmp/err"; echo $?)" "$(cat "$tmp/err")"
check "malformed tmx: file, line and column" \
    "$(has 'malformed.tmx:3:[0-9]*: malformed XML' "$tmp/err"; echo $?)" "$(cat "$tmp/err")"
check "one line per bad file" "$([ "$(wc -l <"$tmp/err")" -eq 2 ]; echo $?)" "$(cat "$tmp/err")"
check "units before the truncation are checked" "$(has 'truncated.xlf:3:.*repeated-word' "$tmp/out"; echo $?)"
check "files after a bad one are checked" "$(has 'article.txt:' "$tmp/out"; echo $?)"
awk 'BEGIN { for (i = 0; i < 5000; i++) printf "<div>"; print "deep" }' >"$tmp/deep.html"
run "absurd html nesting refused" 2 check "$tmp/deep.html"
check "nesting error says so" "$(has 'deep.html:.*nested deeper' "$tmp/err"; echo $?)" "$(cat "$tmp/err")"
# libxml2 hands a long run of text over in pieces, the first reported one character short
# of its end: its findings still carry their own column, not the run's start.
awk 'BEGIN { printf "<p>"; for (i = 0; i < 8; i++) printf "Word after word is said here. ";
             printf "They went to the the market. ";
             for (i = 0; i < 60; i++) printf "More words come after that. "; print "</p>" }' >"$tmp/long.html"
run "a long paragraph" 1 check --lang en --format jsonl "$tmp/long.html"
check "a finding in the first piece of a long run has its own column" \
    "$(has '"line":1,"column":257,[^}]*"rule":"repeated-word"' "$tmp/out"; echo $?)" "$(cut -c1-300 "$tmp/out")"

# --- parallel plain text: --source pairs the paragraphs of a source file with the target's ---
src=$data/parallel-source.pt.txt
run "--source: a clean translation" 0 check --source "$src" "$data/parallel-clean.txt"
check "--source: a clean translation gives nothing, no note" "$([ ! -s "$tmp/out" ] && [ ! -s "$tmp/err" ]; echo $?)" \
    "$(cat "$tmp/out" "$tmp/err")"
run "--source: a defective translation" 1 check --format jsonl --source "$src" "$data/parallel-target.txt"
for rule in number untranslated omission addition; do
    check "--source: $rule found on plain text" "$(has "\"rule\":\"$rule\"" "$tmp/out"; echo $?)" "$(cut -c1-200 "$tmp/out")"
done
check "--source: the number finding names the target line and the paragraph pair" \
    "$(has '"line":9,"column":11,[^}]*"rule":"number".*"segment":"p5"' "$tmp/out"; echo $?)" "$(grep number "$tmp/out")"
check "--source: a dropped source paragraph is weighed with its neighbour (omission on p3, paired with s2-3)" \
    "$(has '"line":5,[^}]*"rule":"omission".*"segment":"p3/s2-3"' "$tmp/out"; echo $?)" "$(grep omission "$tmp/out")"
check "--source: an added target paragraph is weighed with its neighbour (addition on p1-2)" \
    "$(has '"line":1,[^}]*"rule":"addition".*"segment":"p1-2/s1"' "$tmp/out"; echo $?)" "$(grep addition "$tmp/out")"
check "--source: the note says what was paired with what" \
    "$(has "^tqc: note: .*parallel-target.txt has 6 paragraphs and its source .*parallel-source.pt.txt 6; paired by length and shared numbers and names: target paragraph 1 has no source; source paragraph 3 has no translation" "$tmp/err"; echo $?)" "$(cat "$tmp/err")"
check "--source: the note is one line" "$([ "$(wc -l <"$tmp/err")" -eq 1 ]; echo $?)" "$(cat "$tmp/err")"
run "--source: without it, no bilingual finding" 1 check --format jsonl "$data/parallel-target.txt"
check "--source: number, omission and addition need the source" \
    "$(! has '"rule":"\(number\|omission\|addition\)"' "$tmp/out"; echo $?)" "$(cut -c1-200 "$tmp/out")"
grep -v '^$' "$src" >"$tmp/src-lines.txt"
grep -v '^$' "$data/parallel-target.txt" >"$tmp/tgt-lines.txt"
run "--source: one paragraph a line" 1 check --format jsonl --source "$tmp/src-lines.txt" "$tmp/tgt-lines.txt"
check "--source: lines pair as paragraphs" "$(has '"line":5,[^}]*"rule":"number".*"segment":"p5"' "$tmp/out"; echo $?)" "$(cut -c1-200 "$tmp/out")"
run "--source with --source-lang" 1 check --format jsonl --source "$src" --source-lang pt "$data/parallel-target.txt"
run "--source of a missing file" 2 check --source "$tmp/none.txt" "$data/parallel-target.txt"
check "--source: a missing source is named" "$(has 'none.txt: No such file' "$tmp/err"; echo $?)" "$(cat "$tmp/err")"
run "--source with two files" 2 check --source "$src" "$data/parallel-target.txt" "$data/parallel-clean.txt"
run "--source with a bilingual file" 2 check --source "$src" "$data/xliff12.xlf"
check "--source on XLIFF says why" "$(has 'source is in the file\|holds its own source' "$tmp/err"; echo $?)" "$(cat "$tmp/err")"
run "--source-lang without --source" 2 check --source-lang pt "$data/parallel-target.txt"
run "--source is for check" 2 diff --source "$src" "$data/parallel-target.txt"
: >"$tmp/empty.txt"
run "--source: an empty source" 1 check --source "$tmp/empty.txt" "$data/parallel-target.txt"
check "--source: an empty source is noted" "$(has 'has no text; checked without it' "$tmp/err"; echo $?)" "$(cat "$tmp/err")"
run "--help documents --source" 0 check --help
check "--help names --source and --source-lang" "$(has '--source=SRC' "$tmp/out" && has '--source-lang=CODE' "$tmp/out"; echo $?)"

# --- issue 17: real files as they arrive, with default options ---
cat >"$tmp/fr.xlf" <<'XLF'
<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2"><file original="a" datatype="plaintext" source-language="EN-US" target-language="FR-FR"><body>
<trans-unit id="1"><source>The talks resume on Monday in Paris.</source>
<seg-source><mrk mtype="seg" mid="1">The talks resume on Monday in Paris.</mrk></seg-source>
<target><mrk mtype="seg" mid="1">Les discussions reprennent reprennent lundi à Paris.</mrk></target></trans-unit>
</body></file></xliff>
XLF
run "segmented xliff in French (defaults)" 1 check --format jsonl "$tmp/fr.xlf"
check "checked in French: the repeated word is found" "$(has '"rule":"repeated-word".*"lang":"fr' "$tmp/out"; echo $?)" \
    "$(head -c 300 "$tmp/out")$(head -c 300 "$tmp/err")"
check "segment markers are structure: no markup finding" "$(lacks '"rule":"markup"' "$tmp/out"; echo $?)"
check "the finding names the segment" "$(has '"segment":"1/1"' "$tmp/out"; echo $?)"
run "diff on it (defaults)" 1 diff "$tmp/fr.xlf"
check "the fix is made in the file's French" "$(has '^+.*reprennent lundi' "$tmp/out"; echo $?)" \
    "$(head -c 300 "$tmp/out")$(head -c 300 "$tmp/err")"
sed 's/FR-FR/zh-Hans/; s/Les discussions reprennent reprennent lundi à Paris./会谈于星期一  在巴黎恢复。/' "$tmp/fr.xlf" >"$tmp/zh.xlf"
run "xliff in a language without a dictionary" 1 check "$tmp/zh.xlf"
check "a one-line note names the file and the language" \
    "$(has "zh.xlf: no dictionary for 'zh-Hans'" "$tmp/err" && [ "$(wc -l <"$tmp/err")" -eq 1 ]; echo $?)" "$(cat "$tmp/err")"
run "tmx within one language (defaults)" 1 check --format jsonl "$data/same-language.tmx"
check "its second variant is checked: the repeated word is found" \
    "$(has '"rule":"repeated-word".*"lang":"en-GB' "$tmp/out"; echo $?)" "$(head -c 300 "$tmp/out")$(cat "$tmp/err")"
printf '<?xml version="1.0"?>\n<catalog><book>Dune</book></catalog>\n' >"$tmp/catalog.xml"
run "xml that is not xliff or tmx" 2 check "$tmp/catalog.xml"
check "it is not a format tqc reads, in one line" \
    "$(has 'not a format tqc reads' "$tmp/err" && [ "$(wc -l <"$tmp/err")" -eq 1 ]; echo $?)" "$(cat "$tmp/err")"
: >"$tmp/empty.xlf"
run "empty xliff" 2 check "$tmp/empty.xlf"
check "an empty file says so" "$(has 'empty file' "$tmp/err"; echo $?)" "$(cat "$tmp/err")"
printf '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2"><file><body><trans-unit id="1"><source>caf\351</source></trans-unit></body></file></xliff>\n' >"$tmp/latin1.xlf"
run "xliff with bytes that are not its encoding" 2 check "$tmp/latin1.xlf"
check "one line per problem (no 'Bytes:' line)" \
    "$(lacks 'Bytes:' "$tmp/err" && [ "$(wc -l <"$tmp/err")" -eq 1 ]; echo $?)" "$(cat "$tmp/err")"
printf '<html><head><title>Caf\303\251</title><meta charset="gb2312"></head><body><p>Le caf\303\251 est tr\303\250s bon, dit-on \303\240 Paris.</p></body></html>\n' >"$tmp/gb.html"
run "utf-8 page that declares gb2312" 0 check "$tmp/gb.html"
check "a note says the declaration is contradicted" "$(has "declares charset 'gb2312'" "$tmp/err"; echo $?)" "$(cat "$tmp/err")"
check "no mojibake of tqc's own" "$(lacks 'encoding' "$tmp/out"; echo $?)" "$(head -c 300 "$tmp/out")"

# A Windows-1252 page is decoded before parsing: findings where the UTF-8 copy has them,
# and fix changes nothing in it (a UTF-8 replacement would damage the legacy bytes).
printf '<p>Le caf\351 est bon. The talks ended and the the envoy left.</p>\n' >"$tmp/cp1252.html"
iconv -f WINDOWS-1252 -t UTF-8 "$tmp/cp1252.html" >"$tmp/utf8.html"
cp "$tmp/cp1252.html" "$tmp/cp1252.orig"
run "windows-1252 page" 1 check "$tmp/cp1252.html"
sed 's/^[^:]*://' "$tmp/out" | grep 'repeated-word' >"$tmp/legacy.pos"
run "its UTF-8 copy" 1 check "$tmp/utf8.html"
sed 's/^[^:]*://' "$tmp/out" | grep 'repeated-word' >"$tmp/utf8.pos"
check "the legacy page's finding is where the UTF-8 copy has it" \
    "$([ -s "$tmp/legacy.pos" ] && cmp -s "$tmp/legacy.pos" "$tmp/utf8.pos"; echo $?)" "$(cat "$tmp/legacy.pos" "$tmp/utf8.pos")"
run "fix of the windows-1252 page" 0 fix "$tmp/cp1252.html"
check "leaves its bytes alone" "$(cmp -s "$tmp/cp1252.html" "$tmp/cp1252.orig"; echo $?)"

printf '<html><body><article><p>\345\214\227\344\272\254\346\227\266\351\227\264\345\221\250\344\272\214\357\274\214\345\274\272\351\243\216\345\205\263\351\227\255\344\272\206\346\270\257\345\217\243\357\274\214\345\211\215\345\276\200\345\262\233\345\261\277\347\232\204\346\270\241\350\275\256\350\242\253\345\217\226\346\266\210\357\274\214\347\233\264\350\207\263\345\217\246\350\241\214\351\200\232\347\237\245\343\200\202</p><p>\345\275\223\345\261\200\350\241\250\347\244\272\357\274\214\346\270\257\345\217\243\345\260\206\344\272\216\345\221\250\345\233\233\351\207\215\346\226\260\345\274\200\346\224\276\357\274\214\344\275\206\345\244\251\346\260\224\351\242\204\346\212\245\346\230\276\347\244\272\351\243\216\346\232\264\345\217\257\350\203\275\346\214\201\347\273\255\343\200\202</p></article></body></html>\n' >"$tmp/zh.html"
run "a page in a language with no profile" 0 check "$tmp/zh.html"
check "the note names the language told and what it was checked as" \
    "$(has "looks like 'zh'.*checking it as en" "$tmp/err"; echo $?)" "$(cat "$tmp/err")"

# --- fuzzing regressions: every input that once crashed a reader is read again ---
for f in "$here"/data/fuzz-regressions/*; do
    [ -f "$f" ] || continue
    case $f in *.md) continue ;; esac
    case $f in
    *html*) fmt=html ;; *xliff*) fmt=xliff ;; *tmx*) fmt=tmx ;; *jsonl*) fmt=jsonl ;; *) fmt=text ;;
    esac
    "$TQC" check --input $fmt "$f" >/dev/null 2>&1; got=$?
    check "fuzz regression $(basename "$f") reads without crashing" "$([ "$got" -le 2 ]; echo $?)" "exit $got"
done

echo "e2e_inputs: $((n - fail)) passed, $fail failed"
[ "$fail" -eq 0 ]
