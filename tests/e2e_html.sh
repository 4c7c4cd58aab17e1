#!/bin/sh
# End-to-end test of `tqc report --html` (issue 4): renders the report of the reference
# article (when ../shared is there) and of tests/data/fix/ in headless Chromium and
# asserts on the DOM: the script ran without errors, every finding is in the page,
# input text is escaped (a fixture holds <script>, <img onerror> and &), tooltips open on
# keyboard focus, filters and the view switch work, and the console stays clean.
# Prints `ok N - name` / `not ok N - name`, or one SKIP line when there is no Chromium.
# Set TQC_HTML_SHOT=FILE.png to keep a screenshot.
set -u
TQC=${TQC:-./tqc}
here=$(cd "$(dirname "$0")" && pwd)
data=$here/data/fix
reference=$here/../../shared/corpus/reference/mt-article-en.txt

browser=
for b in chromium chromium-browser google-chrome; do
    if command -v "$b" >/dev/null 2>&1; then browser=$b; break; fi
done
if [ -z "$browser" ]; then
    echo "# SKIP e2e_html: no Chromium found (apt-get install chromium); nothing was tested"
    exit 0
fi

. "$(dirname "$0")/e2e_lib.sh"

# run_browser OUT ERR ARGS...: headless Chromium, isolated and quiet on the network.
run_browser() {
    out=$1 err=$2; shift 2
    timeout 90 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --user-data-dir="$tmp/profile" --enable-logging=stderr --v=0 "$@" >"$out" 2>"$err"
}
# Console errors, script errors and blocked requests in a Chromium log.
console_errors() {
    grep -E 'CONSOLE|Uncaught|Refused to|Content Security Policy' "$1"
}

files="$data/escape.txt $data/several.txt"
if [ -f "$reference" ]; then
    files="$reference $files"
else
    echo "# SKIP reference article: $reference not found (../shared absent); fixtures only"
fi
# shellcheck disable=SC2086
if "$TQC" report --html "$tmp/report.html" $files 2>"$tmp/err" && [ -s "$tmp/report.html" ]; then
    ok "tqc report --html writes the page"
else
    not_ok "tqc report --html writes the page" "$(cat "$tmp/err")"
    echo "# e2e_html: no page, nothing more to test"
    exit 1
fi

# The canary: a page with a script error must be caught, or the console check is blind.
printf '<!DOCTYPE html><title>x</title><script>no_such_function();</script>\n' >"$tmp/canary.html"
run_browser "$tmp/canary.dom" "$tmp/canary.log" --dump-dom "file://$tmp/canary.html"
console_errors "$tmp/canary.log" >/dev/null
check "the console check sees a script error (canary)" $?

run_browser "$tmp/dom.html" "$tmp/dom.log" --dump-dom "file://$tmp/report.html"
check "Chromium renders the report" $? "$(tail -5 "$tmp/dom.log")"
errs=$(console_errors "$tmp/dom.log")
check "no console errors" "$([ -z "$errs" ] && echo 0 || echo 1)" "$errs"
grep -q '<body[^>]*data-ready="1"' "$tmp/dom.html"
check "the page script ran to the end" $?
grep -q 'data-errors=' "$tmp/dom.html"
check "the page recorded no script error" "$([ $? -ne 0 ] && echo 0 || echo 1)"

# Every finding tqc check reports is in the page: one table row and one highlight each.
want=0
for f in $files; do
    c=$("$TQC" check --format jsonl --fail-on=error "$f" | wc -l)
    want=$((want + c))
done
rows=$(grep -o '<tr data-sev="[a-z]*" data-rule="[^"]*"' "$tmp/dom.html" | wc -l)
check "every finding has a row ($want)" "$([ "$want" -gt 0 ] && [ "$rows" = "$want" ] && echo 0 || echo 1)" \
    "$rows rows"
starts=$(grep -o ' id="d[0-9]*-f[0-9]*"' "$tmp/dom.html" | sort -u | wc -l)
check "every finding is highlighted in place ($want)" "$([ "$want" -gt 0 ] && [ "$starts" = "$want" ] && echo 0 || echo 1)" \
    "$starts highlights"
if [ -f "$reference" ]; then
    grep -q 'data-rule="missing-space"' "$tmp/dom.html" && grep -q '>meetingwhile<' "$tmp/dom.html"
    check "reference: missing-space finding on 'meetingwhile' highlighted" $?
    grep -q '<del>meetingwhile</del><ins>meeting while</ins>' "$tmp/dom.html"
    check "reference: the corrected text shows the fix" $?
fi

# Escaping: the input's markup is text, never elements.
scripts=$(grep -o '<script' "$tmp/dom.html" | wc -l)
check "only the page's own script element" "$([ "$scripts" = 1 ] && echo 0 || echo 1)" "$scripts <script> elements"
grep -q '<img' "$tmp/dom.html"
check "no element made from the input's <img>" "$([ $? -ne 0 ] && echo 0 || echo 1)"
grep -q '&lt;script&gt;alert("x")&lt;/script&gt;' "$tmp/dom.html"
check "input <script> shown as text" $?
grep -q '&lt;img src=x on' "$tmp/dom.html" && grep -q '&lt;b&gt;bold&lt;/b&gt; &amp;amp;' "$tmp/dom.html"
check "input <img>, <b> and &amp; shown as text" $?
grep -q '<a class="doc" href="https://[^"]*/docs/rules/repeated-word.md">' "$tmp/report.html"
check "the rules link their documentation (issue 14)" $?
grep -q '<h2>[^<]*escape.txt</h2>' "$tmp/dom.html"
check "file name shown" $?
# Links to the rules' documentation are navigation, not resources the page loads.
sed 's/<a class="doc" href="[^"]*">//g' "$tmp/report.html" | grep -q "https\?://"
check "the page names no external resource" "$([ $? -ne 0 ] && echo 0 || echo 1)"

# Behaviour: the same page with a probe script appended (the policy allows inline
# scripts); the probe writes what it saw into <body data-probe>.
cat >"$tmp/probe.js" <<'EOF'
<script>
(function(){
var r=[];
function disp(el){return el?getComputedStyle(el).display:'none-el';}
var m=document.querySelector('mark.f[tabindex="0"]');
var tip=m&&document.getElementById(m.getAttribute('aria-describedby'));
r.push('tooltip-role='+(tip&&tip.getAttribute('role')));
r.push('hidden-before='+disp(tip));
if(m)m.focus();
r.push('focus='+disp(tip));
r.push('window-focused='+document.hasFocus());
if(m)m.blur();
r.push('blur='+disp(tip));
var before=document.querySelectorAll('mark.f.off').length;
document.querySelector('input[data-sev="error"]').click();
document.querySelector('input[data-sev="warning"]').click();
document.querySelector('input[data-sev="info"]').click();
r.push('off-before='+before);
r.push('all-off='+(document.querySelectorAll('mark.f:not(.off)').length===0));
r.push('rows-hidden='+(document.querySelectorAll('tr[data-rule]:not([hidden])').length===0));
r.push('shown='+document.getElementById('shown').textContent);
document.querySelector('input[data-sev="error"]').click();
r.push('errors-back='+(document.querySelectorAll('mark.f:not(.off)[data-sev="error"]').length>0));
document.querySelector('input[name="view"][value="fixed"]').click();
r.push('view-fixed='+disp(document.querySelector('.cell.orig'))+'/'+disp(document.querySelector('.cell.fixed')));
document.body.setAttribute('data-probe',r.join(' '));
})();
</script>
EOF
sed '/<\/body>/{
r '"$tmp/probe.js"'
}' "$tmp/report.html" >"$tmp/probe.html"
run_browser "$tmp/probe.dom" "$tmp/probe.log" --dump-dom "file://$tmp/probe.html"
probe=$(sed -n 's/.*data-probe="\([^"]*\)".*/\1/p' "$tmp/probe.dom" | head -1)
echo "# probe: $probe"
case $probe in *tooltip-role=tooltip*) ok "tooltips are role=tooltip, linked by aria-describedby" ;;
    *) not_ok "tooltips are role=tooltip, linked by aria-describedby" "$probe" ;; esac
# A headless window that never got the input focus (a loaded machine) applies no :focus
# styles; then the stylesheet rule that opens a tooltip on focus is checked instead.
case $probe in
    *hidden-before=none*focus=block*blur=none*) ok "a tooltip opens on keyboard focus and closes on blur" ;;
    *hidden-before=none*focus=none*window-focused=false*)
        grep -q 'mark.f:not(.off):focus>.tip' "$tmp/report.html"
        check "a tooltip opens on keyboard focus (stylesheet rule; the headless window had no focus)" $? ;;
    *) not_ok "a tooltip opens on keyboard focus and closes on blur" "$probe" ;; esac
case $probe in *off-before=0*all-off=true*rows-hidden=true*shown=0*) ok "severity filters hide highlights and rows" ;;
    *) not_ok "severity filters hide highlights and rows" "$probe" ;; esac
case $probe in *errors-back=true*) ok "a filter turned back on shows its findings again" ;;
    *) not_ok "a filter turned back on shows its findings again" "$probe" ;; esac
case $probe in *view-fixed=none/block*) ok "the view switch shows the corrected text alone" ;;
    *) not_ok "the view switch shows the corrected text alone" "$probe" ;; esac
errs=$(console_errors "$tmp/probe.log")
check "no console errors while filtering" "$([ -z "$errs" ] && echo 0 || echo 1)" "$errs"

if [ -n "${TQC_HTML_SHOT:-}" ]; then
    run_browser "$tmp/shot.out" "$tmp/shot.log" --screenshot="$TQC_HTML_SHOT" --window-size=1280,2000 \
        "file://$tmp/report.html"
    check "screenshot written to $TQC_HTML_SHOT" $?
fi

echo "# e2e_html: $((n - fail)) passed, $fail failed"
[ "$fail" -eq 0 ]
