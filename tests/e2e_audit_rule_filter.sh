#!/bin/sh
# The audit dashboard filtered by rule (issue 14): each worst article keeps its findings
# per rule in the summary (--summary-json), through `tqc merge` and an --incremental
# run from the database; the page has a radio button per rule found among them, and the
# styles each button turns on hide exactly the rows without that rule. The page stays
# without script and loads nothing.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
TQC=${TQC:-./tqc}
case $TQC in /*) ;; *) TQC=$(pwd)/$TQC ;; esac
TQC_DATA_DIR=${TQC_DATA_DIR:-$root}
export TQC_DATA_DIR
. "$here/e2e_lib.sh"

# Three articles of 100+ words: a doubled word only, a doubled space only, both.
mkdir -p "$tmp/c/x" "$tmp/c/y"
art() { # FILE REPEATS DOUBLED-WORD DOUBLED-SPACE
    python3 - "$@" <<'PY'
import sys
path, reps, dw, ds = sys.argv[1], int(sys.argv[2]), sys.argv[3] == '1', sys.argv[4] == '1'
s = 'The council met on Monday and the vote was close after a long debate. ' * 12
if dw:
    s += 'The mayor said that the the budget was approved. ' * reps
if ds:
    s += 'The report  was published on Tuesday. ' * reps
open(path, 'w').write(s + '\n')
PY
}
art "$tmp/c/x/word.txt" 3 1 0
art "$tmp/c/x/space.txt" 2 0 1
art "$tmp/c/y/both.txt" 1 1 1

"$TQC" audit -q --lang en --summary-json "$tmp/s.json" --html "$tmp/d.html" "$tmp/c" 2>"$tmp/err"
check "audit --html --summary-json exits 0" $? "$(cat "$tmp/err")"

# rules_of JSON: "path rule=count,..." a line per worst article, sorted.
rules_of() {
    python3 -c '
import json, sys, os
for a in json.load(open(sys.argv[1]))["worst"]:
    print(os.path.basename(a["path"]), ",".join("%s=%d" % kv for kv in sorted(a.get("rules", {}).items())))
' "$1" | sort
}
rules_of "$tmp/s.json" >"$tmp/s.rules"
expected="both.txt repeated-word=1,spacing=1
space.txt spacing=2
word.txt repeated-word=3"
check "the summary keeps each worst article's findings per rule" \
    "$([ "$(cat "$tmp/s.rules")" = "$expected" ]; echo $?)" "$(cat "$tmp/s.rules")"

# The page: a radio per rule; the style of each hides exactly the rows without it.
python3 - "$tmp/d.html" "$tmp/s.json" >"$tmp/page.out" 2>&1 <<'PY'
import html.parser, json, os, re, sys
page = open(sys.argv[1]).read()
worst = json.load(open(sys.argv[2]))["worst"]
class P(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(); self.radios = {}; self.labels = {}; self.rows = []; self.lab = None; self.td = 0; self.script = False
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "script": self.script = True
        if tag == "input" and a.get("type") == "radio": self.radios[a["id"]] = a
        if tag == "label": self.lab = a.get("for"); self.labels[self.lab] = ""
        if tag == "tr" and "a" in a.get("class", "").split(): self.rows.append([a["class"].split(), ""]); self.td = 0
        if tag == "td" and self.rows: self.td += 1
    def handle_endtag(self, tag):
        if tag == "label": self.lab = None
    def handle_data(self, d):
        if self.lab: self.labels[self.lab] += d
        if self.rows and self.td == 2: self.rows[-1][1] += d
p = P(); p.feed(page)
assert not p.script, "a script"
assert "rf-all" in p.radios and "checked" in p.radios["rf-all"], "no 'any rule' button checked"
names = {}
for rid, text in p.labels.items():
    if rid != "rf-all":
        names[rid] = text.split("\xa0")[0]
assert sorted(names.values()) == ["repeated-word", "spacing"], names
for rid, rule in names.items():
    k = rid[2:]
    sel = "#%s:checked~table tbody tr:not(.r%s)" % (rid, k)
    assert sel in page, "no style for " + rid
    shown = sorted(os.path.basename(name) for cls, name in p.rows if "r" + k in cls)
    want = sorted(os.path.basename(a["path"]) for a in worst if rule in a.get("rules", {}))
    assert shown == want, (rule, shown, want)
    print(rule, " ".join(shown))
PY
check "each rule's button shows exactly the worst articles with that rule" $? "$(cat "$tmp/page.out")"
grep -q "Content-Security-Policy\" content=\"default-src 'none'" "$tmp/d.html"
check "the page still loads nothing" $?

# merge of two partial audits keeps the counts; so does an --incremental run.
"$TQC" audit -q --lang en --summary-json "$tmp/p1.json" "$tmp/c/x" 2>/dev/null
"$TQC" audit -q --lang en --summary-json "$tmp/p2.json" "$tmp/c/y" 2>/dev/null
"$TQC" merge -q -o "$tmp/m.json" --html "$tmp/m.html" "$tmp/p1.json" "$tmp/p2.json" 2>"$tmp/err"
rules_of "$tmp/m.json" >"$tmp/m.rules"
check "tqc merge keeps the counts per rule" "$(cmp -s "$tmp/s.rules" "$tmp/m.rules"; echo $?)" "$(cat "$tmp/m.rules")"
grep -q 'id="rf0"' "$tmp/m.html"
check "the merged dashboard has the filter" $?
"$TQC" audit -q --lang en --db "$tmp/a.db" "$tmp/c" 2>/dev/null
"$TQC" audit -q --lang en --db "$tmp/a.db" --incremental --summary-json "$tmp/i.json" "$tmp/c" 2>"$tmp/err"
rules_of "$tmp/i.json" >"$tmp/i.rules"
check "an --incremental run keeps the unchanged files' counts per rule" \
    "$(cmp -s "$tmp/s.rules" "$tmp/i.rules"; echo $?)" "$(cat "$tmp/i.rules") $(cat "$tmp/err")"

[ "$fail" -eq 0 ]
