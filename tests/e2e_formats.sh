#!/bin/sh
# End-to-end tests of the machine output formats (issue 7): sarif, github, junit,
# checkstyle and rdjsonl, each on an article with non-ASCII text and quotes, at a path
# with spaces, a comma, accents and curly quotes. Every format is cross-checked against
# jsonl (same findings, same order), so a new pass firing on the fixture does not break
# it; exact lines are pinned for the repeated-word findings only.
# SARIF is validated against the official 2.1.0 schema with Debian's python3-jsonschema
# (a draft-04 validator); that test says SKIP where neither it nor ../shared exists.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
TQC=${TQC:-./tqc}
case $TQC in /*) ;; *) TQC=$(pwd)/$TQC ;; esac
# A binary outside the tree (make SAN=1) finds the rules here.
TQC_DATA_DIR=${TQC_DATA_DIR:-$root}
export TQC_DATA_DIR
# Debian's python, where python3-jsonschema installs (python3 on PATH may be another).
PY=/usr/bin/python3
SCHEMA=$root/../shared/schemas/sarif-schema-2.1.0.json
# Without the schema the Python checks validate structure only (they skip on "-").
[ -f "$SCHEMA" ] || SCHEMA=-
REFERENCE=$root/../shared/corpus/reference/mt-article-en.txt
. "$here/e2e_lib.sh"

have_py() { [ -x "$PY" ]; }
have_jsonschema() { have_py && "$PY" -c 'import jsonschema' 2>/dev/null && [ "$SCHEMA" != - ]; }

# run FORMAT [ARGS...]: tqc check --format FORMAT, output in $tmp/FORMAT.out, status in $rc.
run() {
    fmt=$1; shift
    "$TQC" check --format "$fmt" "$@" >"$tmp/$fmt.out" 2>"$tmp/$fmt.err"; rc=$?
}
# expect_line FILE LINE NAME: FILE has exactly this line.
expect_line() {
    if grep -qxF -- "$2" "$1"; then ok "$3"; else not_ok "$3" "no line '$2' in: $(head -c 600 "$1")"; fi
}

# The fixture, at a path that needs escaping in every format. Paths are reported
# relative to the working directory, so the tests run from $tmp.
mkdir "$tmp/news desk"
art="news desk/Zürich, “draft” 1.txt"
cp "$here/data/formats/article.txt" "$tmp/$art"
printf 'All clean here.\n' >"$tmp/news desk/clean.txt"
cd "$tmp" || exit 1

"$TQC" check --format jsonl "$art" "news desk/clean.txt" >ref.jsonl 2>/dev/null
total=$(wc -l <ref.jsonl)
errors=$(grep -c '"severity":"error"' ref.jsonl)
fixes=$(grep -c '"fix":{' ref.jsonl)
at_warning=$(grep -c '"severity":"\(error\|warning\)"' ref.jsonl)
[ "$errors" -ge 2 ] && ok "jsonl reference: $total findings, $errors errors" ||
    not_ok "jsonl reference has the fixture's two repeated words" "$(cat ref.jsonl)"

# Every machine format: exit 1 on findings, nothing on stderr, no colour even when forced,
# the same bytes on a second run.
for fmt in sarif github junit checkstyle rdjsonl; do
    run "$fmt" --color=always "$art" "news desk/clean.txt"
    check "$fmt: exit 1 on findings" "$([ "$rc" -eq 1 ]; echo $?)" "exit $rc: $(cat "$tmp/$fmt.err")"
    check "$fmt: nothing on stderr" "$([ ! -s "$tmp/$fmt.err" ]; echo $?)" "$(cat "$tmp/$fmt.err")"
    check "$fmt: no escape codes with --color=always" "$(! grep -q "$(printf '\033')" "$tmp/$fmt.out"; echo $?)"
    cp "$tmp/$fmt.out" "$tmp/$fmt.first"
    run "$fmt" "$art" "news desk/clean.txt"
    check "$fmt: deterministic" "$(cmp -s "$tmp/$fmt.out" "$tmp/$fmt.first"; echo $?)"
done

# --- github -----------------------------------------------------------------------
run github "$art" "news desk/clean.txt"
expect_line github.out "::error file=news desk/Zürich%2C “draft” 1.txt,line=1,endLine=1,col=28,endColumn=35,title=tqc%3A repeated-word::word repeated: 'the'%0ASuggestions: the" \
    "github: first repeated word, property escaping"
expect_line github.out "::error file=news desk/Zürich%2C “draft” 1.txt,line=3,endLine=3,col=107,endColumn=114,title=tqc%3A repeated-word::word repeated: 'the'%0ASuggestions: the" \
    "github: columns count characters (Ü, —, € one each)"
got=$(grep -cE '^::(error|warning|notice) ' github.out)
check "github: one command per finding ($got of $total)" "$([ "$got" -eq "$total" ] && [ "$(wc -l <github.out)" -eq "$total" ]; echo $?)"
run github --fail-on=error "$art"
check "github: --fail-on does not drop findings" "$([ "$(wc -l <github.out)" -eq "$total" ]; echo $?)"
# issue 14: SARIF names no machine path unless asked; each rule links its page.
run sarif "$art"
grep -q originalUriBaseIds sarif.out; check "sarif: no originalUriBaseIds by default" "$([ $? -ne 0 ]; echo $?)"
grep -q '"helpUri": "https\?://[^"]*/docs/rules/repeated-word.md"' sarif.out; check "sarif: rules have a helpUri" $?
TQC_SARIF_SRCROOT=1 "$TQC" check --format sarif "$art" >sarif-root.out 2>/dev/null
grep -q "\"uri\": \"file://$(pwd | sed 's/ /%20/g')/\"" sarif-root.out; check "sarif: TQC_SARIF_SRCROOT=1 names the working directory" $?
# issue 14: GitHub shows about ten annotations of a type per step; errors first, ten of
# each, the rest as plain log lines and one notice saying so.
i=0; : >many.txt
while [ $i -lt 14 ]; do printf 'Paragraph %d said the the talks ended.\n\n' $i >>many.txt; i=$((i + 1)); done
run github many.txt
check "github: at most ten errors annotated" "$([ "$(grep -c '^::error ' github.out)" -eq 10 ]; echo $?)" "$(cat github.out)"
grep -q '^::notice title=tqc::4 more findings (4 errors, 0 warnings, 0 info) are in the log above' github.out
check "github: one notice summarises the rest" $? "$(tail -2 github.out)"
check "github: the rest are plain log lines" "$([ "$(grep -c '^many.txt:[0-9]*:[0-9]*: error: word repeated' github.out)" -eq 4 ]; echo $?)"

# --- rdjsonl ----------------------------------------------------------------------
run rdjsonl "$art" "news desk/clean.txt"
expect_line rdjsonl.out '{"message":"word repeated: '"'"'the'"'"'","location":{"path":"news desk/Zürich, “draft” 1.txt","range":{"start":{"line":1,"column":31},"end":{"line":1,"column":38}}},"severity":"ERROR","source":{"name":"tqc"},"code":{"value":"repeated-word"},"suggestions":[{"range":{"start":{"line":1,"column":31},"end":{"line":1,"column":38}},"text":"the"}]}' \
    "rdjsonl: first repeated word, byte columns, suggestion"
check "rdjsonl: one line per finding" "$([ "$(wc -l <rdjsonl.out)" -eq "$total" ]; echo $?)"
check "rdjsonl: a suggestion per fix" "$([ "$(grep -c '"suggestions":\[{"range"' rdjsonl.out)" -eq "$fixes" ]; echo $?)"
if have_py; then
    # Each range, read from the file in bytes, is the jsonl finding's text; fixes match too.
    out=$("$PY" - rdjsonl.out ref.jsonl <<'EOF' 2>&1
import json, sys
rd = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
ref = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8")]
assert len(rd) == len(ref), (len(rd), len(ref))
def cut(path, r):
    lines = open(path, "rb").read().split(b"\n")
    s, e = r["start"], r["end"]
    if s["line"] == e["line"]:
        return lines[s["line"] - 1][s["column"] - 1:e["column"] - 1]
    return b"\n".join([lines[s["line"] - 1][s["column"] - 1:]] + lines[s["line"]:e["line"] - 1] +
                      [lines[e["line"] - 1][:e["column"] - 1]])
for d, f in zip(rd, ref):
    assert d["message"] == f["message"] and d["code"]["value"] == f["rule"], (d, f)
    assert d["severity"] == f["severity"].upper(), d
    assert cut(d["location"]["path"], d["location"]["range"]).decode() == f["text"], (d, f)
    if "fix" in f:
        s = d["suggestions"][0]
        assert s["text"] == f["fix"]["replacement"]
        data = open(d["location"]["path"], "rb").read()
        want = data[f["fix"]["offset"]:f["fix"]["offset"] + f["fix"]["length"]]
        assert cut(d["location"]["path"], s["range"]) == want, s
    else:
        assert "suggestions" not in d
EOF
)
    check "rdjsonl: valid JSON lines; ranges cut the finding's bytes from the file" $? "$out"
else
    skip "rdjsonl: valid JSON lines; ranges cut the finding's bytes from the file" "no $PY"
fi

# --- checkstyle and junit: well-formed XML ------------------------------------------
xml_ok() {
    if have_py; then "$PY" -c 'import sys, xml.etree.ElementTree as E; E.parse(sys.argv[1])' "$1" 2>&1
    elif command -v xmllint >/dev/null; then xmllint --noout "$1" 2>&1
    else return 77; fi
}
for fmt in checkstyle junit; do
    run "$fmt" "$art" "news desk/clean.txt"
    out=$(xml_ok "$fmt.out"); st=$?
    if [ "$st" -eq 77 ]; then skip "$fmt: well-formed XML" "no python3 or xmllint"
    else check "$fmt: well-formed XML" "$st" "$out"; fi
done

run checkstyle "$art" "news desk/clean.txt"
expect_line checkstyle.out '  <file name="news desk/Zürich, “draft” 1.txt">' "checkstyle: one <file> per file, path escaped"
expect_line checkstyle.out '  <file name="news desk/clean.txt">' "checkstyle: clean files listed too"
expect_line checkstyle.out '    <error line="1" column="28" severity="error" message="word repeated: &apos;the&apos;" source="tqc.repeated-word"/>' \
    "checkstyle: first repeated word"
check "checkstyle: one <error> per finding" "$([ "$(grep -c '<error ' checkstyle.out)" -eq "$total" ]; echo $?)"

run junit "$art" "news desk/clean.txt"
expect_line junit.out '  <testsuite name="tqc" tests="2" failures="1" errors="0" skipped="0" time="0">' "junit: one test case per file, one failed"
expect_line junit.out '    <testcase classname="tqc" name="news desk/Zürich, “draft” 1.txt" file="news desk/Zürich, “draft” 1.txt" time="0">' \
    "junit: test case named by its path, with a time"
grep -q '^      <failure type="[a-z,-]*repeated-word[a-z,-]*" message="[0-9]* findings at or above warning">' junit.out
check "junit: the failure names its rules and how many findings" $?
grep -qF 'news desk/Zürich, “draft” 1.txt:1:28: error: word repeated: &apos;the&apos; [repeated-word]' junit.out
check "junit: failure body gives each finding's location" $?
expect_line junit.out 'Sentence: Officials called the plan &quot;a good start&quot; and said 50% of the budget, €2 billion, was already spent, while the the delegates stayed at the Hôtel Métropole.' \
    "junit: failure body carries the sentence, quotes escaped"
check "junit: each finding at or above warning in the failure" "$([ "$(grep -c '1.txt:[0-9]*:[0-9]*: \(error\|warning\): ' junit.out)" -eq "$at_warning" ]; echo $?)"
check "junit: one failure a failing file" "$([ "$(grep -c '<failure ' junit.out)" -eq 1 ]; echo $?)"
# issue 14: the counts a JUnit parser reads agree with the elements (python3-junitparser).
junit_counts() {
    /usr/bin/python3 - "$1" <<'PY'
import sys
from junitparser import JUnitXml, Failure
xml = JUnitXml.fromfile(sys.argv[1])
for suite in xml:
    cases = list(suite)
    fails = sum(1 for c in cases for r in c.result if isinstance(r, Failure))
    assert suite.tests == len(cases), (suite.tests, len(cases))
    assert suite.failures == fails, (suite.failures, fails)
    assert suite.errors == 0
    assert all(c.time is not None for c in cases), "a testcase without time"
    assert all(len(c.result) <= 1 for c in cases), "a testcase failing twice"
print("ok")
PY
}
if [ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import junitparser' 2>/dev/null; then
    out=$(junit_counts junit.out 2>&1)
    check "junit: junitparser's counts match the elements, each case has time" "$([ "$out" = ok ]; echo $?)" "$out"
else
    skip "junit: junitparser's counts" "no python3-junitparser"
fi
run junit --fail-on=error "$art" "news desk/clean.txt"
check "junit --fail-on=error: failures are the errors" "$([ "$(sed -n '/<failure /,/<\/failure>/p' junit.out | grep -c '1.txt:[0-9]*:[0-9]*: error: ')" -eq "$errors" ]; echo $?)"
below=$((total - errors))
got=$(sed -n '/<system-out>/,/<\/system-out>/p' junit.out | grep -c ':[0-9]*:[0-9]*: \(warning\|info\): ')
check "junit --fail-on=error: the other $below in system-out" "$([ "$got" -eq "$below" ]; echo $?)" "$(cat junit.out)"
run junit "news desk/clean.txt"
check "junit: clean run exits 0" "$rc"
expect_line junit.out '  <testsuite name="tqc" tests="1" failures="0" errors="0" skipped="0" time="0">' "junit: clean run has a passing test case"

# --- sarif ------------------------------------------------------------------------
# validate FILE: against the official schema, then tqc's promises: results match jsonl,
# URIs resolve to the files, regions cut the snippet's bytes at code-point columns,
# fixes replace the right bytes, ruleIndex points at the rule.
validate() {
    "$PY" - "$1" "$SCHEMA" "$2" <<'EOF' 2>&1
import json, os, sys, urllib.parse, urllib.request
doc = json.load(open(sys.argv[1], encoding="utf-8"))
ref = [json.loads(l) for l in open(sys.argv[3], encoding="utf-8")] if sys.argv[3] != "-" else None
try:
    import jsonschema
    if sys.argv[2] == "-":
        raise ImportError("no schema")
    schema = json.load(open(sys.argv[2], encoding="utf-8"))
    errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(doc), key=str)
    assert not errors, "\n".join("%s at %s" % (e.message, list(e.path)) for e in errors[:5])
except ImportError:
    pass
run = doc["runs"][0]
assert run["columnKind"] == "unicodeCodePoints"
rules = run["tool"]["driver"]["rules"]
bases = {k: v["uri"] for k, v in run.get("originalUriBaseIds", {}).items()}
results = run["results"]
if ref is not None:
    assert len(results) == len(ref), (len(results), len(ref))
def path_of(loc):
    root = "file://" + urllib.request.pathname2url(os.getcwd()) + "/"
    uri = urllib.parse.urljoin(bases.get(loc.get("uriBaseId"), root), loc["uri"])
    assert uri.startswith("file://"), uri
    return urllib.request.url2pathname(urllib.parse.urlparse(uri).path)
for i, r in enumerate(results):
    assert rules[r["ruleIndex"]]["id"] == r["ruleId"], r
    assert r["level"] in ("error", "warning", "note")
    assert r["partialFingerprints"]["tqc/v2"]
    pl = r["locations"][0]["physicalLocation"]
    data = open(path_of(pl["artifactLocation"]), "rb").read()
    for key in ("region", "contextRegion"):
        reg = pl[key]
        got = data[reg["byteOffset"]:reg["byteOffset"] + reg["byteLength"]]
        assert got.decode() == reg["snippet"]["text"], (reg, got)
        lines = data.decode().split("\n")
        line_start = len("\n".join(lines[:reg["startLine"] - 1]).encode()) + (reg["startLine"] > 1)
        col = len(data[line_start:reg["byteOffset"]].decode()) + 1
        assert col == reg["startColumn"], (key, col, reg)
    if ref is not None:
        f = ref[i]
        assert (r["ruleId"], r["message"]["text"]) == (f["rule"], f["message"]), (r, f)
        assert pl["region"]["byteOffset"] == f["offset"] and pl["region"]["startLine"] == f["line"]
        assert pl["region"]["startColumn"] == f["column"], (r, f)
        assert ("fix" in f) == ("fixes" in r), (r, f)
    for fix in r.get("fixes", []):
        for change in fix["artifactChanges"]:
            assert path_of(change["artifactLocation"]) == path_of(pl["artifactLocation"])
            for rep in change["replacements"]:
                d = rep["deletedRegion"]
                if ref is not None:
                    assert d["byteOffset"] == ref[i]["fix"]["offset"]
                    assert rep["insertedContent"]["text"] == ref[i]["fix"]["replacement"]
print(len(results), "results,", sum("fixes" in r for r in results), "with fixes")
EOF
}
if ! have_py; then
    skip "sarif: checks" "no $PY"
else
    if have_jsonschema; then v="validates against the SARIF 2.1.0 schema (draft-04)"
    else v="structure (schema SKIP: no python3-jsonschema or ../shared)"; fi
    run sarif "$art" "news desk/clean.txt"
    out=$(validate sarif.out ref.jsonl); st=$?
    check "sarif: $v; regions, URIs and fixes match the file ($out)" "$st" "$out"
    grep -q '"uri": "news%20desk/Z%C3%BCrich%2C%20%E2%80%9Cdraft%E2%80%9D%201.txt"' sarif.out
    check "sarif: URI percent-encoded, relative to the working directory" $?
    out=$(grep -c '"fixes"' sarif.out)
    check "sarif: fixes on the findings with a fix ($out of $fixes)" "$([ "$out" -eq "$fixes" ]; echo $?)"

    run sarif "news desk/clean.txt"
    out=$(validate sarif.out -); st=$?
    check "sarif: a clean run is valid ($out), exit 0" "$([ "$st" -eq 0 ] && [ "$rc" -eq 0 ]; echo $?)" "$out"
    "$TQC" check --format sarif - <"$art" >stdin.sarif 2>/dev/null
    out=$("$PY" -c '
import json, sys
d = json.load(open(sys.argv[1]))
try:
    import jsonschema
    if sys.argv[2] == "-":
        raise ImportError("no schema")
    jsonschema.Draft4Validator(json.load(open(sys.argv[2]))).validate(d)
except ImportError:
    pass
r = d["runs"][0]["results"]
assert r and all("uri" not in x["locations"][0]["physicalLocation"]["artifactLocation"] for x in r)
' stdin.sarif "$SCHEMA" 2>&1)
    check "sarif: standard input is valid, without a URI" $? "$out"

    # Fingerprints survive unrelated edits: a new first paragraph, and a re-wrapped line.
    fingerprints() { grep -o '"tqc/v2": "[^"]*"' "$1" | sort; }
    run sarif "$art"; fingerprints sarif.out >fp.before
    { printf 'The council met on Tuesday.\n\n'; sed 's/ the the talks on/ the the\ntalks on/' "$art"; } >"news desk/edited.txt"
    mv "news desk/edited.txt" "$tmp/$art"
    run sarif "$art"; fingerprints sarif.out >fp.after
    missing=$(comm -23 fp.before fp.after)
    check "sarif: fingerprints survive a new paragraph above and a re-wrap" "$([ -z "$missing" ] && [ -s fp.before ]; echo $?)" "lost: $missing"
    sed 's/minister said the the/premier said the the/' "$here/data/formats/article.txt" >"$tmp/$art"
    run sarif "$art"; fingerprints sarif.out >fp.changed
    check "sarif: a fingerprint changes when the words beside it do" "$([ "$(comm -23 fp.before fp.changed | wc -l)" -ge 1 ]; echo $?)"
    cp "$here/data/formats/article.txt" "$tmp/$art"

    if [ -f "$REFERENCE" ]; then
        cp "$REFERENCE" "$tmp/reference article.txt"
        "$TQC" check --format jsonl "reference article.txt" >ref2.jsonl 2>/dev/null
        run sarif "reference article.txt"
        out=$(validate sarif.out ref2.jsonl); st=$?
        check "sarif: the reference article ($out) $v; regions and fixes match" "$([ "$st" -eq 0 ] && [ "$rc" -le 1 ]; echo $?)" "$out"
    else
        skip "sarif: the reference article validates" "no ../shared"
    fi
fi

# --- a bilingual file (issue 5): every format names the segment (the XLIFF unit) where
# it has a place for it, and places findings at the file's own bytes, lines and columns.
cp "$here/data/inputs/xliff12.xlf" units.xlf
"$TQC" check --format jsonl units.xlf >units.jsonl 2>/dev/null
nu=$(wc -l <units.jsonl)
grep -q '"line":12,"column":27,[^}]*"rule":"number".*"segment":"t2"' units.jsonl
check "bilingual: the jsonl reference has the number finding of unit t2 ($nu findings)" $? "$(cat units.jsonl)"
run github units.xlf
grep -q '^::warning file=units.xlf,line=12,endLine=12,col=27,endColumn=30,title=tqc%3A number in segment t2::' github.out
check "bilingual github: the title names the segment; line and columns are the file's" $? "$(head -3 github.out)"
check "bilingual github: every finding names its segment" \
    "$([ "$(grep -c 'title=tqc%3A [a-z-]* in segment t[0-9]::' github.out)" -eq "$nu" ]; echo $?)" "$(cat github.out)"
run checkstyle units.xlf
grep -q '<error line="12" column="27" severity="warning" message="[^"]* (segment t2)" source="tqc.number"/>' checkstyle.out
check "bilingual checkstyle: the message names the segment" $? "$(cat checkstyle.out)"
run junit units.xlf
grep -q '^Segment: t2$' junit.out && grep -q 'units.xlf:12:27: warning: ' junit.out
check "bilingual junit: the failure body names the segment and the file's line" $? "$(cat junit.out)"
run rdjsonl units.xlf
if have_py; then
    out=$("$PY" - rdjsonl.out units.jsonl units.xlf <<'EOF' 2>&1
import json, sys
rd = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
ref = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8")]
lines = open(sys.argv[3], "rb").read().split(b"\n")
assert len(rd) == len(ref) > 0, (len(rd), len(ref))
def cut(r):
    s, e = r["start"], r["end"]
    assert s["line"] == e["line"], r
    return lines[s["line"] - 1][s["column"] - 1:e["column"] - 1]
for d, f in zip(rd, ref):
    assert d["message"] == "%s (segment %s)" % (f["message"], f["segment"]), (d, f)
    assert d["location"]["range"]["start"]["line"] == f["line"], (d, f)
    # Byte columns: the range cuts the finding's text out of the XLIFF file.
    assert cut(d["location"]["range"]).decode() == f["text"], (d, f)
    for sug in d.get("suggestions", []):
        assert cut(sug["range"]).decode() == f["text"] and "fix" in f, (d, f)
print(len(rd), "diagnostics")
EOF
)
    check "bilingual rdjsonl: messages name the segment; byte ranges cut the findings from the file ($out)" $? "$out"
    run sarif units.xlf
    out=$("$PY" - sarif.out units.jsonl "$SCHEMA" <<'EOF' 2>&1
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
ref = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8")]
try:
    import jsonschema
    jsonschema.Draft4Validator(json.load(open(sys.argv[3], encoding="utf-8"))).validate(doc)
except (ImportError, FileNotFoundError):
    pass
results = doc["runs"][0]["results"]
data = open("units.xlf", "rb").read()
assert len(results) == len(ref) > 0
for r, f in zip(results, ref):
    assert r["properties"]["segment"] == f["segment"], (r, f)
    loc = r["locations"][0]
    assert loc["logicalLocations"][0]["name"] == f["segment"], loc
    reg = loc["physicalLocation"]["region"]
    assert reg["byteOffset"] == f["offset"] and reg["startLine"] == f["line"], (reg, f)
    assert reg["startColumn"] == f["column"], (reg, f)
    got = data[reg["byteOffset"]:reg["byteOffset"] + reg["byteLength"]].decode()
    assert got == f["text"], (got, f)
    if "snippet" in reg:
        assert reg["snippet"]["text"] == got
print(len(results), "results")
EOF
)
    check "bilingual sarif: valid; properties.segment and a logical location name the unit; byte regions are the file's ($out)" $? "$out"
else
    skip "bilingual rdjsonl and sarif" "no $PY"
fi

echo "e2e_formats: $((n - fail)) passed, $fail failed"
[ "$fail" -eq 0 ]
