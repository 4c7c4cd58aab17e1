#!/bin/sh
# The article and only the article (issue 17): each page in tests/data/extract/ is read
# by `tqc segment`, and the sentences must be its .expected file, line for line. The
# pages are small ones written for the causes found on real pages (make eval's
# tests/eval_real.sh measures those): a story split over sibling blocks, lists of links
# inside the body, widgets inside it (a gallery, a "Read more" line, a promo box, a link
# list its indentation pads out) while a
# figure and a short linked brief stay, a page wrapped whole in a form, a story inside a
# header block the page never closed, prose set in `pre`, code left out inside a
# sentence, a page's own headings, an XLIFF unit not translated yet.
set -u
TQC=${TQC:-./tqc}
here=$(cd "$(dirname "$0")" && pwd)
. "$(dirname "$0")/e2e_lib.sh"
for page in "$here"/data/extract/*.html; do
    want=${page%.html}.expected
    [ -f "$want" ] || continue
    name=$(basename "$page")
    if "$TQC" segment "$page" >"$tmp/got" 2>"$tmp/err" && diff -u "$want" "$tmp/got" >"$tmp/diff"; then
        ok "$name: the article's sentences, nothing else"
    else
        not_ok "$name: the article's sentences, nothing else" "$(cat "$tmp/err" "$tmp/diff")"
    fi
done
# Code left out inside a sentence leaves a hole, not a slip: `values are <code>a</code>,`
# gets no spacing finding, while a real space before a comma on the page still does.
"$TQC" check --lang en --format jsonl "$here/data/extract/inline-code.html" >"$tmp/code.jsonl" 2>&1
spacing=$(grep -c '"rule":"spacing"' "$tmp/code.jsonl")
if [ "$spacing" = 1 ] && grep -q '"rule":"spacing".*"line":6,"column":99\|"line":6,"column":99.*"rule":"spacing"' "$tmp/code.jsonl"; then
    ok "inline code left out: no spacing finding at the hole, the real slip found"
else
    not_ok "inline code left out: no spacing finding at the hole, the real slip found" "$(grep '"rule":"spacing"' "$tmp/code.jsonl" | head -5)"
fi
# A title-like line the page marks as a heading (h3) is most likely a subheading: info;
# the same line as a plain paragraph is still a headline left in the body: a warning.
"$TQC" check --lang en --format jsonl "$here/data/extract/subheading.html" >"$tmp/sub.jsonl" 2>&1
h=$(grep '"rule":"stray-heading"' "$tmp/sub.jsonl" | grep -c '"line":5,.*"severity":"info"')
p=$(grep '"rule":"stray-heading"' "$tmp/sub.jsonl" | grep -c '"line":7,.*"severity":"warning"')
if [ "$h" = 1 ] && [ "$p" = 1 ]; then
    ok "a heading of the page is a guess (info), the same line in a paragraph a warning"
else
    not_ok "a heading of the page is a guess (info), the same line in a paragraph a warning" "$(grep '"rule":"stray-heading"' "$tmp/sub.jsonl" | head -5)"
fi
# An XLIFF unit with an empty target is not translated yet: its source's codes are not
# reported missing one by one; a translated unit that lost a code still is.
"$TQC" check --format jsonl "$here/data/extract/empty-target.xlf" >"$tmp/xlf.jsonl" 2>&1
all=$(grep -c '"rule":"markup"' "$tmp/xlf.jsonl")
img=$(grep '"rule":"markup"' "$tmp/xlf.jsonl" | grep -c 'TAG_IMG')
if [ "$all" = 1 ] && [ "$img" = 1 ]; then
    ok "empty XLIFF target: no code reported missing; a lost code in a translation is"
else
    not_ok "empty XLIFF target: no code reported missing; a lost code in a translation is" "$(grep '"rule":"markup"' "$tmp/xlf.jsonl" | head -5)"
fi
echo "# e2e_extract: $((n - fail)) passed, $fail failed"
[ "$fail" -eq 0 ]
