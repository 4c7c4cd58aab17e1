#!/bin/sh
# End-to-end tests of `tqc fix` and `tqc diff` on markup files (issue 5): on a scraped
# HTML page (tests/data/fix-html/page.html: site chrome, links ending against words,
# entities, a caption) a fix edits the page's own bytes where the text maps 1:1, and
# only the fixed words' bytes change; the page still parses, with the same tags; a fix
# whose span crosses a tag, an entity or a collapsed line break stays a suggestion, even
# with --all-fixes; chrome is never touched; XLIFF and JSONL targets are fixed in place.
# Prints `ok N - name` / `not ok N - name`; exits 1 on a failure. Uses $TQC.
set -u
TQC=${TQC:-./tqc}
case $TQC in /*) ;; *) TQC=$(pwd)/$TQC ;; esac  # the tests cd into $tmp
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
TQC_DATA_DIR=${TQC_DATA_DIR:-$root}
export TQC_DATA_DIR
data=$here/data/fix-html
. "$here/e2e_lib.sh"
has() { grep -q -- "$1" "$2"; }

# apply_fixes JSONL IN OUT: IN with every safe fix of `tqc check --format jsonl` (those
# with a "fix" object: the ones tqc can place in the file) applied at its byte offset,
# the last first so earlier offsets hold. Replacements here are plain ASCII words.
apply_fixes() {
    cp "$2" "$3"
    sed -n 's/.*"fix":{"offset":\([0-9]*\),"length":\([0-9]*\),"replacement":"\([^"\\]*\)","safe":true}.*/\1 \2 \3/p' "$1" |
        sort -rn | while read -r off len rep; do
            { head -c "$off" "$3"; printf '%s' "$rep"; tail -c +"$((off + len + 1))" "$3"; } >"$3.new"
            mv "$3.new" "$3"
        done
}

cd "$tmp" || exit 1
cp "$data/page.html" page.html
cp "$data/page.html" orig.html

# --- diff and fix agree, and patch applies the diff ---
"$TQC" diff page.html >page.diff 2>err; rc=$?
check "diff on an HTML page prints a diff, exit 1" "$([ "$rc" = 1 ] && [ -s page.diff ]; echo $?)" "exit $rc: $(cat err)"
has '^--- page.html$' page.diff
check "the diff names the HTML file" $?
patch -s -o patched.html page.html <page.diff >patch.out 2>&1
check "patch accepts the diff" $? "$(cat patch.out)"
"$TQC" fix page.html 2>err; rc=$?
check "fix on an HTML page exits 0" "$rc" "$(cat err)"
cmp -s patched.html page.html
check "fix writes the bytes the diff shows" $?

# --- only the fixed words' bytes change ---
"$TQC" check --format jsonl orig.html >orig.jsonl 2>/dev/null
fixes=$(grep -c '"fix":{[^}]*"safe":true}' orig.jsonl)
check "check offers $fixes safe fixes it can place in the page" "$([ "$fixes" -ge 2 ]; echo $?)" "$(cat orig.jsonl)"
apply_fixes orig.jsonl orig.html expected.html
cmp -s expected.html page.html
check "fix changes only the fixed words' bytes (the page is the original with the fixes spliced in at their offsets)" $? \
    "$(diff expected.html page.html | head -10)"
has 'closed the main road between São Paulo' page.html &&
    has 'about three days on the mountain' page.html
check "the fixed words read right in the page" $?

# --- the page still parses, with the same tags ---
grep -o '<[^>]*>' orig.html >tags.orig
grep -o '<[^>]*>' page.html >tags.fixed
cmp -s tags.orig tags.fixed
check "the fixed page has the same tags, in the same order" $? "$(diff tags.orig tags.fixed | head -5)"
"$TQC" check --format jsonl page.html >fixed.jsonl 2>err; rc=$?
check "the fixed page still parses (exit $rc, nothing on stderr)" "$([ "$rc" -le 1 ] && [ ! -s err ]; echo $?)" "$(cat err)"
if command -v xmllint >/dev/null 2>&1; then
    xmllint --html --noout orig.html 2>&1 | sed 's/^[^:]*:[0-9]*: //' | sort >lint.orig
    xmllint --html --noout page.html 2>&1 | sed 's/^[^:]*:[0-9]*: //' | sort >lint.fixed
    cmp -s lint.orig lint.fixed
    check "xmllint --html says of the fixed page what it says of the original" $? "$(diff lint.orig lint.fixed | head -5)"
fi
"$TQC" segment page.html >seg.out 2>&1
has 'Heavy rain closed the main road' seg.out
check "the fixed page reads as fixed text" $? "$(head -5 seg.out)"
if grep -q '"text":"dayson"' fixed.jsonl || grep -q '"text":"the the","suggestions":\["the"\],"sentence":"Heavy' fixed.jsonl; then
    not_ok "the fixed findings are gone" "$(cat fixed.jsonl)"
else
    ok "the fixed findings are gone"
fi

# --- spans that do not map 1:1 stay suggestions ---
has 'hoursbefore' orig.jsonl && ! grep '"text":"hoursbefore"' orig.jsonl | grep -q '"fix":'
check "a fix whose span crosses a tag is offered as a suggestion, not a fix" $? "$(grep hoursbefore orig.jsonl)"
has '<a href="/live">hours</a>before' page.html
check "fix leaves the span that crosses a tag alone" $?
has 'closure &#8220;a necessary precaution&#8220; and' page.html
check "fix leaves a span made of an entity alone" $?
has 'said the <b>the</b> detour' page.html
check "fix leaves a repeated word split by a tag alone" $?
printf 'said the\nthe bridge\n' >want.txt
grep -A1 'said the$' page.html | sed 's/^<p>The agency //; s/ would be.*//' >got.txt
cmp -s want.txt got.txt
check "fix leaves a span across a collapsed line break alone" $? "$(cat got.txt)"
has '^# tqc: page.html: [0-9]* fixes applied, [1-9][0-9]* findings left for a human$' page.diff
check "the diff counts the findings left for a human" $? "$(head -1 page.diff)"
"$TQC" diff --format wdiff --all-fixes --no-color orig.html >all.wdiff 2>&1
has 'missing-space: .hoursbefore. is not a word.* → hours before' all.wdiff
check "wdiff --all-fixes lists the span across a tag as left, with its suggestion" $? "$(cat all.wdiff)"
"$TQC" fix --all-fixes -o all.html orig.html 2>err; rc=$?
check "fix --all-fixes -o on HTML exits 0" "$rc" "$(cat err)"
has '<a href="/live">hours</a>before' all.html && has 'precaution&#8220; and' all.html &&
    has 'said the <b>the</b> detour' all.html
check "--all-fixes still edits nothing that does not map 1:1" $?
grep -o '<[^>]*>' all.html >tags.all
cmp -s tags.orig tags.all
check "--all-fixes keeps every tag" $? "$(diff tags.orig tags.all | head -5)"

# --- chrome, scripts and comments are never edited ---
for s in 'var tagline = "the the best news"' 'content: "By the the desk"' '>the the archive</a>' \
    '<!-- share widget: the the -->' 'Terms of the the service'; do
    has "$s" page.html
    check "untouched outside the article: $s" $?
done

# --- a second run, --dry-run ---
cp page.html second.html
"$TQC" fix second.html 2>err
cmp -s second.html page.html
check "a second fix changes nothing" $? "$(diff page.html second.html | head -5)"
"$TQC" diff second.html >second.diff 2>&1; rc=$?
check "diff after fix: nothing to fix, exit 0" "$([ "$rc" = 0 ] && [ ! -s second.diff ]; echo $?)" "exit $rc: $(head -5 second.diff)"
cp orig.html dry.html
"$TQC" fix --dry-run dry.html >dry.diff 2>&1
cmp -s dry.html orig.html && has '^+++ dry.html$' dry.diff
check "fix --dry-run on HTML prints the diff and leaves the page alone" $? "$(head -5 dry.diff)"

# --- XLIFF and JSONL: the target is fixed in the file, the source is not ---
cat >unit.xlf <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="talks.txt" source-language="pt" target-language="en" datatype="plaintext">
    <body>
      <trans-unit id="u1">
        <source>O ministro disse que as as conversas continuam.</source>
        <target>The minister said the the talks would go on.</target>
      </trans-unit>
      <trans-unit id="u2">
        <source>Fim.</source>
        <target>Talks &amp; the the end.</target>
      </trans-unit>
    </body>
  </file>
</xliff>
EOF
"$TQC" fix unit.xlf 2>err; rc=$?
check "fix on XLIFF exits 0" "$rc" "$(cat err)"
has '<target>The minister said the talks would go on.</target>' unit.xlf &&
    has '<source>O ministro disse que as as conversas continuam.</source>' unit.xlf
check "XLIFF: the target is fixed, the source is not" $? "$(cat unit.xlf)"
has '<target>Talks &amp; the end.</target>' unit.xlf
check "XLIFF: a fix beside an entity edits the right bytes" $? "$(grep Talks unit.xlf)"
printf '%s\n' '{"id": "r1", "text": "He said \"the the talks\" would resume.", "source": "Il a dit que que les pourparlers reprendraient."}' >recs.jsonl
"$TQC" fix recs.jsonl 2>err; rc=$?
check "fix on JSONL exits 0" "$rc" "$(cat err)"
has '"text": "He said \\"the talks\\" would resume.", "source": "Il a dit que que' recs.jsonl
check "JSONL: the text is fixed between escapes, the source is not" $? "$(cat recs.jsonl)"

echo "e2e_fix_html: $((n - fail)) passed, $fail failed"
[ "$fail" -eq 0 ]
