#!/bin/sh
# End-to-end tests of tqc audit and tqc merge (issue 8): the same findings as tqc check on
# each file of a mixed tree (text, HTML, XLIFF, JSON Lines), in the same order for any -j;
# hidden and binary files skipped and counted; path lists on standard input; the summary,
# the SQLite database and the README's example queries (with the sqlite3 command when it
# is installed, else SKIP); progress on a terminal (under script(1)) and none in a pipe;
# Ctrl-C; the merge of partial audits equal to one audit of the whole, as files and as a
# map/reduce over JSON Lines; the dashboard. Each file gets the project configuration tqc
# check would give it (.tqc.ini or --config, suppressions, --baseline). The README's SQL
# queries and its Hadoop mapper are taken from README.md itself.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
TQC=${TQC:-./tqc}
case $TQC in /*) ;; *) TQC=$(pwd)/$TQC ;; esac
TQC_DATA_DIR=${TQC_DATA_DIR:-$root}
export TQC_DATA_DIR
. "$here/e2e_lib.sh"

same() { # NAME FILE1 FILE2
    if cmp -s "$2" "$3"; then ok "$1"; else not_ok "$1" "$(diff "$2" "$3" | head -5 | tr '\n' '|')"; fi
}
has() { # NAME PATTERN FILE
    if grep -q -- "$2" "$3"; then ok "$1"; else not_ok "$1" "no '$2' in: $(head -c 300 "$3")"; fi
}
# The counts of a JSON summary: its lines less the time-dependent ones.
counts() { grep -v -e '"seconds"' -e '"throughput"' -e '"jobs"' -e '"parts"' "$1"; }

# ---- a mixed tree ----
t="$tmp/corpus"
mkdir -p "$t/feedA/sub" "$t/feedB" "$t/feedC" "$t/.hidden"
printf 'The minister said the the talks would resume.\n\nKim said the the talks ended on Monday.\n' >"$t/feedA/a1.txt"
printf 'A storm hit the coast.The roads closed and and the schools too.\n' >"$t/feedA/sub/a2.txt"
printf 'The minister said the talks would resume on Monday.\n' >"$t/feedB/b1.txt"
cp "$root/corpus/en/01-port-strike.txt" "$t/feedA/port.txt"
printf 'Prices rose in May, the the office said.\n' >"$t/feedB/b 2.txt"
cp "$root/tests/data/inputs/article.html" "$t/feedB/page.html"
cp "$root/tests/data/inputs/xliff12.xlf" "$t/feedC/units.xlf"
cp "$root/tests/data/inputs/records.jsonl" "$t/feedC/records.jsonl"
printf 'Hidden the the text.\n' >"$t/.hidden/h.txt"
printf 'Hidden the the text.\n' >"$t/feedA/.h2.txt"
printf 'text\000with NUL the the\n' >"$t/feedB/blob.txt"
# What tqc check says of each file, in byte order of the paths (the audit's walk order).
find "$t" -type f ! -path '*/.*' ! -name blob.txt | LC_ALL=C sort >"$tmp/list"
: >"$tmp/check.jsonl"
: >"$tmp/check.txt"
while IFS= read -r f; do
    "$TQC" check --format jsonl "$f" >>"$tmp/check.jsonl" 2>/dev/null
    "$TQC" check --format text --no-color "$f" 2>/dev/null | grep -v '^[0-9]* errors\?, ' >>"$tmp/check.txt"
done <"$tmp/list"
[ -s "$tmp/check.jsonl" ] || not_ok "tqc check finds something in the tree"

"$TQC" audit "$t" >"$tmp/sum.txt" 2>"$tmp/err"; rc=$?
check "audit of a tree exits 0" "$rc" "exit $rc: $(head -c 300 "$tmp/err")"
has "summary counts hidden and binary files" "2 hidden, 1 binary" "$tmp/sum.txt"
has "summary has a table per rule" "repeated-word" "$tmp/sum.txt"
has "summary has a table per folder" "corpus/feedA" "$tmp/sum.txt"
for j in 1 2 3; do
    "$TQC" audit -j "$j" -q --format jsonl "$t" >"$tmp/audit$j.jsonl" 2>"$tmp/err"
    same "audit -j $j --format jsonl equals tqc check on each file" "$tmp/check.jsonl" "$tmp/audit$j.jsonl"
done
"$TQC" audit -j 2 -q --format text --no-color "$t" 2>/dev/null | grep -v '^[0-9]* errors\?, ' >"$tmp/audit.txt"
same "audit --format text equals tqc check" "$tmp/check.txt" "$tmp/audit.txt"
grep -q 'page.html' "$tmp/audit1.jsonl" && grep -q 'units.xlf' "$tmp/audit1.jsonl" &&
    grep -q 'records.jsonl' "$tmp/audit1.jsonl"
check "HTML, XLIFF and JSON Lines files are read by their format" $?
if grep -q -e '\.h2\.txt' -e 'h\.txt' -e 'blob' "$tmp/audit1.jsonl"; then not_ok "hidden and binary files are skipped"; else ok "hidden and binary files are skipped"; fi

# Paths on standard input, one a line or NUL-terminated.
"$TQC" audit -q --format jsonl - <"$tmp/list" >"$tmp/list.jsonl" 2>"$tmp/err"
same "audit - reads a list of paths" "$tmp/check.jsonl" "$tmp/list.jsonl"
tr '\n' '\000' <"$tmp/list" | "$TQC" audit -q -0 --format jsonl - >"$tmp/list0.jsonl" 2>"$tmp/err"
same "audit -0 - reads NUL-terminated paths" "$tmp/check.jsonl" "$tmp/list0.jsonl"
"$TQC" audit -q --format jsonl --include '*.txt' --exclude sub "$t" >"$tmp/glob.jsonl" 2>&1
if grep -q -e 'page.html' -e 'a2.txt' "$tmp/glob.jsonl" || ! grep -q 'a1.txt' "$tmp/glob.jsonl"; then
    not_ok "--include and --exclude" "$(head -c 300 "$tmp/glob.jsonl")"
else ok "--include and --exclude"; fi

# Errors: usage, and a file that cannot be read (the others still audited).
"$TQC" audit --incremental "$t" >/dev/null 2>&1; check "--incremental without --db is a usage error" $(($? != 2))
"$TQC" audit -j 0 "$t" >/dev/null 2>&1; check "-j 0 is a usage error" $(($? != 2))

# Languages are told from content as check tells them: a French article among English
# ones is checked as French by both (and then has few findings, none of them English
# spelling).
mkdir -p "$tmp/langs"
cp corpus/fr/"$(ls corpus/fr | grep '\.txt$' | head -1)" "$tmp/langs/fr-article.txt"
printf 'The minister said the the talks would resume on Monday.\n' >"$tmp/langs/en-article.txt"
"$TQC" check --format jsonl "$tmp/langs/en-article.txt" "$tmp/langs/fr-article.txt" >"$tmp/lc.jsonl" 2>/dev/null
"$TQC" audit -j 2 -q --format jsonl "$tmp/langs" >"$tmp/la.jsonl" 2>/dev/null
same "audit tells each article's language as check does" "$tmp/lc.jsonl" "$tmp/la.jsonl"
"$TQC" audit -q --lang en --format jsonl "$tmp/langs" >"$tmp/len.jsonl" 2>/dev/null
if [ "$(grep -c fr-article "$tmp/len.jsonl")" -gt "$(grep -c fr-article "$tmp/la.jsonl")" ]; then
    ok "--lang en checks the French article as English (more findings)"
else
    not_ok "--lang en checks the French article as English (more findings)"
fi
"$TQC" audit --format yaml "$t" >/dev/null 2>&1; check "an unknown format is a usage error" $(($? != 2))
"$TQC" audit >/dev/null 2>&1; check "no paths is a usage error" $(($? != 2))
"$TQC" audit -q --format jsonl "$tmp/nonexistent.txt" "$t/feedA/a1.txt" >"$tmp/out" 2>"$tmp/err"; rc=$?
check "a missing file exits 2" $((rc != 2))
has "a missing file is named on stderr" "nonexistent.txt: No such file" "$tmp/err"
has "the other files are still audited" "a1.txt" "$tmp/out"

# ---- project configuration: .tqc.ini found from each file (or --config), inline
# suppressions and --baseline, as tqc check applies them ----
pr="$tmp/proj"
mkdir -p "$pr/.git" "$pr/feedA" "$pr/feedB/sub"     # .git: the config search stops here
printf 'The minister said the the talks would resume.\n' >"$pr/feedA/a.txt"
printf 'Kim said the the talks ended.\n\n<!-- tqc-disable-next-line repeated-word -->\nThe the vote was close.\n\n<!-- tqc-disable spacing -->\nThe end.\n' >"$pr/feedA/sup.txt"
printf 'The mayor said the the budget was late.\n' >"$pr/feedB/b.txt"
printf 'A storm hit the coast and and the roads closed.\n' >"$pr/feedB/sub/c.txt"
printf '<html><body><article>\n<p>The council met on Monday and the the vote was close.</p>\n<!-- tqc-disable-next-line repeated-word -->\n<p>The the mayor spoke.</p>\n</article></body></html>\n' >"$pr/feedA/p.html"
# What tqc check says of each file in the list, one by one (the paths as the walk names them).
check_each() { # LIST OUT
    : >"$2"
    while IFS= read -r f; do "$TQC" check --format jsonl "$f" >>"$2" 2>/dev/null; done <"$1"
}
find "$pr" -type f ! -path '*/.*' | LC_ALL=C sort >"$tmp/plist"
# A summary's count of one rule's findings.
rule_total() { grep -o "{\"rule\":\"$1\",[^}]*\"total\":[0-9]*}" "$2" | grep -o '[0-9]*}$' | tr -d '}'; }
"$TQC" audit -q --summary-json "$tmp/p0.json" "$pr" >/dev/null 2>"$tmp/err"
before=$(rule_total repeated-word "$tmp/p0.json")
printf '# wire copy: its doubled words are the agency'"'"'s to fix\ndisable = repeated-word\n' >"$pr/feedB/.tqc.ini"
"$TQC" audit -q --summary-json "$tmp/p1.json" "$pr" >/dev/null 2>"$tmp/err"
after=$(rule_total repeated-word "$tmp/p1.json")
[ -n "$before" ] && [ -n "$after" ] && [ "$after" -eq $((before - 2)) ]
check "a .tqc.ini disabling a rule in a subfolder changes the audit's counts" $? "repeated-word: $before, then $after"
check_each "$tmp/plist" "$tmp/pcheck.jsonl"
for j in 1 3; do
    "$TQC" audit -q -j "$j" --format jsonl "$pr" >"$tmp/paudit.jsonl" 2>"$tmp/err"
    same "audit -j $j with .tqc.ini and suppressions equals tqc check on each file" "$tmp/pcheck.jsonl" "$tmp/paudit.jsonl"
done
if grep -q -e 'sup.txt","line":4' -e 'p.html","line":4' "$tmp/paudit.jsonl"; then
    not_ok "inline suppressions are honoured (text and HTML)" "$(grep -e sup.txt -e p.html "$tmp/paudit.jsonl" | head -c 300)"
else ok "inline suppressions are honoured (text and HTML)"; fi
has "a suppression that suppressed nothing is reported" '"rule":"unused-suppression"' "$tmp/paudit.jsonl"
# Sections: a severity, a language, and fail-on (which decides JUnit's failures).
printf '[feedA/sup.txt]\nfail-on = error\nseverity.unused-suppression = warning\n[**/a.txt]\nlang = en-GB\n' >"$pr/.tqc.ini"
check_each "$tmp/plist" "$tmp/pcheck.jsonl"
"$TQC" audit -q -j 2 --format jsonl "$pr" >"$tmp/paudit.jsonl" 2>"$tmp/err"
same "per-glob sections (severity, language) as tqc check applies them" "$tmp/pcheck.jsonl" "$tmp/paudit.jsonl"
has "a section's lang is the file's language" '"lang":"en-GB"' "$tmp/paudit.jsonl"
xargs "$TQC" check --format junit <"$tmp/plist" >"$tmp/pcheck.xml" 2>/dev/null
"$TQC" audit -q -j 2 --format junit "$pr" >"$tmp/paudit.xml" 2>"$tmp/err"
same "each file's fail-on decides its JUnit failures, as in tqc check" "$tmp/pcheck.xml" "$tmp/paudit.xml"
# More distinct settings than a worker keeps checkers for, and then the first again.
for k in 1 2 3 4 5 6; do
    mkdir -p "$pr/many/m$k"
    printf 'The the mayor said the talks ,went well and and ended.\n' >"$pr/many/m$k/x.txt"
done
printf 'disable = spacing\n' >"$pr/many/m1/.tqc.ini"
printf 'disable = repeated-word\n' >"$pr/many/m2/.tqc.ini"
printf 'severity.repeated-word = info\n' >"$pr/many/m3/.tqc.ini"
printf 'severity.spacing = error\n' >"$pr/many/m4/.tqc.ini"
printf 'lang = en-GB\n' >"$pr/many/m5/.tqc.ini"
printf 'disable = spacing, repeated-word\n' >"$pr/many/m6/.tqc.ini"
for k in 1 2 3 4 5 6 1; do echo "$pr/many/m$k/x.txt"; done >"$tmp/mlist"
check_each "$tmp/mlist" "$tmp/mcheck.jsonl"
"$TQC" audit -q -j 1 --format jsonl - <"$tmp/mlist" >"$tmp/maudit.jsonl" 2>"$tmp/err"
same "seven files under six settings on one worker equal tqc check" "$tmp/mcheck.jsonl" "$tmp/maudit.jsonl"
rm -rf "$pr/many"
# --config names one config for every file, instead of the nearest.
printf 'disable = repeated-word, unused-suppression\n' >"$tmp/only.ini"
"$TQC" audit -q --config "$tmp/only.ini" --summary-json "$tmp/c.json" --format jsonl "$pr" >"$tmp/out" 2>"$tmp/err"
if [ -s "$tmp/out" ] || ! grep -q '"files": 5,' "$tmp/c.json"; then
    not_ok "--config FILE applies to every file" "$(head -c 300 "$tmp/out")"
else ok "--config FILE applies to every file"; fi
"$TQC" audit -q --config "$tmp/nowhere.ini" "$pr" >/dev/null 2>"$tmp/err"; rc=$?
[ "$rc" -eq 2 ] && grep -q 'nowhere.ini: No such file' "$tmp/err"
check "a missing --config exits 2, naming it" $? "exit $rc: $(head -c 200 "$tmp/err")"
printf 'disable = repeated-word\nbogus = 1\n' >"$pr/feedB/.tqc.ini"
"$TQC" audit -q -j 2 "$pr" >/dev/null 2>"$tmp/err"; rc=$?
[ "$rc" -eq 2 ] && grep -q 'feedB/.tqc.ini:2: unknown key' "$tmp/err" && [ "$(grep -c 'unknown key' "$tmp/err")" -eq 1 ]
check "a bad .tqc.ini in a subfolder stops the audit with FILE:LINE, once" $? "exit $rc: $(head -c 300 "$tmp/err")"
printf 'disable = repeated-word\n' >"$pr/feedB/.tqc.ini"
# --baseline: known findings are neither reported nor counted; new ones are both.
(cd "$pr" && "$TQC" baseline create -o .tqc-baseline . >/dev/null 2>&1)
"$TQC" audit -q --baseline "$pr/.tqc-baseline" --summary-json "$tmp/b0.json" --format jsonl "$pr" >"$tmp/out" 2>"$tmp/err"; rc=$?
[ "$rc" -eq 0 ] && [ ! -s "$tmp/out" ] && grep -q '"findings": {.*"total":0}' "$tmp/b0.json"
check "a baseline hides the findings it holds" $? "exit $rc: $(head -c 300 "$tmp/out") $(head -c 200 "$tmp/err")"
printf 'New copy came in and and it was wrong.\n' >>"$pr/feedA/a.txt"
"$TQC" audit -q -j 2 --baseline "$pr/.tqc-baseline" --summary-json "$tmp/b1.json" --format jsonl "$pr" >"$tmp/out" 2>"$tmp/err"
[ "$(wc -l <"$tmp/out")" -eq 1 ] && grep -q '"line":2,.*"text":"and and"' "$tmp/out" &&
    grep -q '"findings": {.*"total":1}' "$tmp/b1.json"
check "a baseline lets new findings through, and counts only them" $? "$(head -c 300 "$tmp/out")"
(cd "$pr" && "$TQC" check --baseline .tqc-baseline --format jsonl feedA/a.txt) >"$tmp/c" 2>/dev/null
(cd "$pr" && "$TQC" audit -q --baseline .tqc-baseline --format jsonl feedA/a.txt) >"$tmp/a" 2>/dev/null
same "audit --baseline reports what check --baseline reports" "$tmp/c" "$tmp/a"
"$TQC" audit -q --baseline "$tmp/nowhere" "$pr" >/dev/null 2>&1
check "a missing baseline exits 2" $(($? != 2))
"$TQC" --help >"$tmp/out" 2>&1
grep -q '^  audit  *check a whole corpus' "$tmp/out" && grep -q '^  merge ' "$tmp/out"
check "tqc --help lists audit and merge" $?

# ---- the summary as JSON ----
"$TQC" audit -q --summary-json "$tmp/whole.json" "$t" >/dev/null 2>&1
files=$(grep -c . "$tmp/list")
has "summary JSON counts the files" "\"files\": $files," "$tmp/whole.json"
has "summary JSON counts the articles (one per JSONL record)" "\"articles\": $((files + 2))," "$tmp/whole.json"
total=$(wc -l <"$tmp/check.jsonl" | tr -d ' ')
grep -q "\"findings\": {.*\"total\":$total}" "$tmp/whole.json"
check "summary JSON total equals the findings printed" $? "expected total $total"

# ---- SQLite ----
# The README's examples, taken from it (a fenced block of language LANG holding WORDS), so
# that what people read is what is tested.
readme_block() { # LANG WORDS
    awk -v lang="$1" -v want="$2" '
        $0 == "```" lang { inq = 1; hit = 0; buf = ""; next }
        inq && /^```$/ { if (hit) { printf "%s", buf; exit } inq = 0; next }
        inq { if (index($0, want)) hit = 1; buf = buf $0 "\n" }
    ' "$root/README.md"
}
readme_sql() { readme_block sql "$1"; }
db="$tmp/audit.sqlite"
"$TQC" audit -q --db "$db" "$t" >/dev/null 2>"$tmp/err"; rc=$?
check "audit --db exits 0" "$rc" "$(head -c 300 "$tmp/err")"
if command -v sqlite3 >/dev/null 2>&1; then
    [ "$(sqlite3 "$db" 'SELECT count(*) FROM findings')" = "$total" ]
    check "the database holds every finding" $?
    for w in 'Worst feeds' 'Rules by language' "One article's findings" 'Trend by rule'; do
        [ -n "$(readme_sql "$w")" ] || not_ok "the README has the query '$w'"
    done
    readme_sql 'Worst feeds' | sqlite3 "$db" >"$tmp/q1"
    [ "$(wc -l <"$tmp/q1")" -eq 3 ] && grep -q 'corpus/feedA|3|' "$tmp/q1"
    check "README query: worst feeds" $? "$(tr '\n' ' ' <"$tmp/q1")"
    readme_sql 'Rules by language' | sqlite3 "$db" >"$tmp/q2"
    grep -q '^en|repeated-word|error|' "$tmp/q2"
    check "README query: rules by language" $? "$(tr '\n' ' ' <"$tmp/q2")"
    readme_sql "One article's findings" | sqlite3 -cmd ".parameter set @path '$t/feedA/a1.txt'" "$db" >"$tmp/q3"
    grep -q '^1|19|repeated-word|the the|the$' "$tmp/q3"
    check "README query: one article's findings with line, column and suggestion" $? "$(head -c 200 "$tmp/q3")"
    # --incremental: nothing changed, then one file changed; README: trend between runs.
    "$TQC" audit -q --db "$db" --incremental --summary-json "$tmp/inc.json" "$t" >/dev/null 2>&1
    has "--incremental skips unchanged files" "\"unchanged\":$files}" "$tmp/inc.json"
    printf 'The the minister said the the talks would resume.\n' >"$t/feedB/b1.txt"
    "$TQC" audit -q --db "$db" --incremental --summary-json "$tmp/inc2.json" "$t" >/dev/null 2>&1
    has "--incremental checks the changed file" "\"unchanged\":$((files - 1))}" "$tmp/inc2.json"
    readme_sql 'Trend by rule' | sqlite3 "$db" >"$tmp/q4"
    head -1 "$tmp/q4" | grep -q '^repeated-word|[0-9]*|[0-9]*$' &&
        awk -F'|' 'NR == 1 { exit !($3 == $2 + 2) }' "$tmp/q4"
    check "README query: trend between the last two runs" $? "$(tr '\n' ' ' <"$tmp/q4")"
    sqlite3 "$db" "SELECT count(*) FROM runs" | grep -qx 3
    check "each audit is a run" $?
    printf 'The minister said the talks would resume on Monday.\n' >"$t/feedB/b1.txt"
else
    for q in "the database holds every finding" "README query: worst feeds" \
        "README query: rules by language" "README query: one article's findings" \
        "--incremental" "README query: trend between the last two runs"; do
        skip "$q" "no sqlite3 command"
    done
fi

# ---- progress ----
if command -v script >/dev/null 2>&1; then
    script -qc "'$TQC' audit -q --no-color '$t'" /dev/null </dev/null >"$tmp/tty" 2>&1
    grep -q "audit: [0-9,]*/[0-9,]* files .* MB/s .* findings  ETA" "$tmp/tty" && grep -q "$(printf '\r')" "$tmp/tty"
    check "progress is shown on a terminal" $? "$(od -c "$tmp/tty" | head -3 | tr '\n' ' ')"
else
    skip "progress is shown on a terminal" "no script command"
fi
"$TQC" audit -q "$t" >/dev/null 2>"$tmp/err"
if grep -q "audit:" "$tmp/err"; then not_ok "no progress in a pipe" "$(head -c 200 "$tmp/err")"; else ok "no progress in a pipe"; fi
"$TQC" audit -q --progress "$t" >/dev/null 2>"$tmp/err"
has "--progress forces it, one line at a time" '^audit: \([0-9]*\)/\1 files' "$tmp/err"

# ---- Ctrl-C: the list of paths comes from a FIFO kept open, so the audit is still
# running when SIGINT arrives. ----
mkfifo "$tmp/fifo"
"$TQC" audit --summary-json "$tmp/int.json" - <"$tmp/fifo" >"$tmp/int.txt" 2>"$tmp/int.err" &
pid=$!
exec 3>"$tmp/fifo"
echo "$t/feedA/a1.txt" >&3
sleep 2
kill -INT "$pid"
sleep 1
exec 3>&-
wait "$pid"; rc=$?
check "SIGINT exits 130" $((rc != 130)) "exit $rc: $(grep -m1 -v "^tqc: interrupted" "$tmp/int.err" | head -c 200)"
has "SIGINT still writes the summary of what was done" "audit (interrupted): 1 files" "$tmp/int.txt"
has "SIGINT still writes the summary JSON" '"interrupted": true' "$tmp/int.json"

# ---- merge: parts audited apart equal the audit of the whole ----
# The parts: one folder walked, and a list of the other files on standard input (with
# the binary file, which is counted as skipped in both); --root names the folders alike.
rm -rf "$t/.hidden"
grep -v '/feedA/' "$tmp/list" >"$tmp/part2"
echo "$t/feedB/blob.txt" >>"$tmp/part2"
"$TQC" audit -q --root "$t" --summary-json "$tmp/p1.json" --db "$tmp/p1.sqlite" "$t/feedA" >/dev/null 2>&1
"$TQC" audit -q --root "$t" --summary-json "$tmp/p2.json" --db "$tmp/p2.sqlite" - <"$tmp/part2" >/dev/null 2>&1
"$TQC" audit -q --summary-json "$tmp/all.json" --db "$tmp/all.sqlite" "$t" >/dev/null 2>&1
"$TQC" merge -q -o "$tmp/merged.json" "$tmp/p1.json" "$tmp/p2.json" >/dev/null 2>"$tmp/err"
check "merge of summaries exits 0" $? "$(head -c 300 "$tmp/err")"
counts "$tmp/all.json" >"$tmp/a"
counts "$tmp/merged.json" >"$tmp/b"
same "merged summaries equal the audit of the whole" "$tmp/a" "$tmp/b"
has "the merged summary counts its parts" '"parts": 2,' "$tmp/merged.json"
# A Hadoop reducer gets the parts one a line, on standard input.
for p in p1 p2; do tr -d '\n' <"$tmp/$p.json"; echo; done | "$TQC" merge - >"$tmp/stream.json" 2>"$tmp/err"
counts "$tmp/stream.json" >"$tmp/c"
same "merge - reads summaries one a line" "$tmp/a" "$tmp/c"
"$TQC" merge -o "$tmp/merged.sqlite" "$tmp/p1.sqlite" "$tmp/p2.sqlite" 2>"$tmp/err"
check "merge of databases exits 0" $? "$(head -c 300 "$tmp/err")"
if command -v sqlite3 >/dev/null 2>&1; then
    q="SELECT fi.path, f.line, f.column, f.rule, f.severity, f.text FROM findings f JOIN files fi ON fi.id = f.file ORDER BY 1, 2, 3, 4"
    sqlite3 "$tmp/all.sqlite" "$q" >"$tmp/a"
    sqlite3 "$tmp/merged.sqlite" "$q" >"$tmp/b"
    same "merged databases hold the findings of the whole" "$tmp/a" "$tmp/b"
    q="SELECT files, articles, words, bytes, findings, errors, warnings, infos FROM runs ORDER BY id DESC LIMIT 1"
    [ "$(sqlite3 "$tmp/all.sqlite" "$q")" = "$(sqlite3 "$tmp/merged.sqlite" "$q")" ]
    check "the merge run's totals equal the whole's" $?
    q="SELECT rule, severity, language, findings FROM run_rules WHERE run = (SELECT max(id) FROM runs) ORDER BY 1, 2, 3"
    [ "$(sqlite3 "$tmp/all.sqlite" "$q")" = "$(sqlite3 "$tmp/merged.sqlite" "$q")" ]
    check "the merge run's rules equal the whole's" $?
else
    skip "merged databases hold the findings of the whole" "no sqlite3 command"
fi
"$TQC" merge -o "$tmp/x.sqlite" "$tmp/p1.sqlite" "$tmp/p1.json" >/dev/null 2>&1
check "merge refuses summaries and databases together" $(($? != 2))
printf '{"tqc_audit_summary": 1}' >"$tmp/bad.json"
"$TQC" merge "$tmp/bad.json" >/dev/null 2>"$tmp/err"; rc=$?
check "merge refuses a malformed summary" $((rc != 2))

# ---- map/reduce over JSON Lines: each part read from standard input (as GNU parallel
# --pipe hands it over), reduced with tqc merge. ----
jl="$tmp/records.jsonl"
i=0
while [ "$i" -lt 30 ]; do
    printf '{"id":"r%d","text":"Report %d: the the council met on Monday.The vote was close and and long."}\n' "$i" "$i"
    printf '{"id":"c%d","text":"Report %d: the council met on Monday and the vote was close."}\n' "$i" "$i"
    i=$((i + 1))
done >"$jl"
"$TQC" audit -q --input jsonl --summary-json "$tmp/jl-all.json" "$jl" >/dev/null 2>&1
split -l 17 "$jl" "$tmp/jl-part."
for p in "$tmp"/jl-part.*; do
    "$TQC" audit -q --input jsonl --summary-json "$p.json" /dev/stdin <"$p" >/dev/null 2>&1
done
"$TQC" merge -q -o "$tmp/jl-merged.json" "$tmp"/jl-part.*.json 2>"$tmp/err"
# Files and folders differ (one file against parts named /dev/stdin); the counts do not.
keys() { for k in '^  "articles"' '^  "words"' '^  "bytes"' '^  "findings"' '"rule":' '"bins"'; do grep "$k" "$1"; done; }
keys "$tmp/jl-all.json" >"$tmp/a"
keys "$tmp/jl-merged.json" >"$tmp/b"
same "map (audit of each JSONL part) and reduce (merge) equal the whole" "$tmp/a" "$tmp/b"
has "each JSONL record is an article" '"articles": 60,' "$tmp/jl-all.json"
"$TQC" audit -q --input jsonl --format jsonl "$jl" >"$tmp/jl-all.jsonl" 2>/dev/null
# The README's pipelines, with blocks small enough to make several parts.
if command -v parallel >/dev/null 2>&1; then
    (cd "$tmp" && parallel --will-cite --pipe --block 1k \
        "'$TQC' audit -q -j 1 --input jsonl --format jsonl --summary-json par-{#}.json /dev/stdin" \
        <"$jl" >"$tmp/par.jsonl" 2>"$tmp/err")
    "$TQC" merge -q -o "$tmp/par.json" "$tmp"/par-*.json 2>/dev/null
    keys "$tmp/par.json" >"$tmp/b"
    same "GNU parallel --pipe map and tqc merge reduce equal the whole" "$tmp/a" "$tmp/b"
    [ "$(ls "$tmp"/par-*.json | wc -l)" -gt 1 ] &&
        [ "$(wc -l <"$tmp/par.jsonl")" -eq "$(wc -l <"$tmp/jl-all.jsonl")" ]
    check "the parallel map ran in parts and printed every finding" $?
    parallel --will-cite --pipe --block 1k "'$TQC' audit -q -j 1 --input jsonl --summary-json - /dev/stdin" \
        <"$jl" 2>/dev/null | "$TQC" merge -q -o "$tmp/par2.json" - 2>"$tmp/err"
    keys "$tmp/par2.json" >"$tmp/b"
    same "summaries streamed from parallel into tqc merge - equal the whole" "$tmp/a" "$tmp/b"
else
    skip "GNU parallel --pipe map and tqc merge reduce equal the whole" "no parallel command"
    skip "the parallel map ran in parts and printed every finding" "no parallel command"
    skip "summaries streamed from parallel into tqc merge - equal the whole" "no parallel command"
fi
# Hadoop Streaming, as the README runs it: the mapper script on each input split, the
# lines sorted, one reducer (tqc merge -). tqc is on PATH for the mapper.
mkdir -p "$tmp/bin" "$tmp/hs"
ln -s "$TQC" "$tmp/bin/tqc"
readme_block sh 'mapper.sh' >"$tmp/hs/mapper.sh"
if [ -s "$tmp/hs/mapper.sh" ]; then
    split -l 13 "$jl" "$tmp/hs/split."
    for p in "$tmp"/hs/split.*; do PATH="$tmp/bin:$PATH" sh "$tmp/hs/mapper.sh" <"$p"; done >"$tmp/hs/map.out" 2>"$tmp/err"
    LC_ALL=C sort "$tmp/hs/map.out" | "$TQC" merge - >"$tmp/hs/part-00000" 2>>"$tmp/err"
    keys "$tmp/hs/part-00000" >"$tmp/b"
    [ "$(wc -l <"$tmp/hs/map.out")" -eq "$(ls "$tmp"/hs/split.* | wc -l)" ]
    check "the README's Hadoop mapper writes one summary line a split" $? "$(head -c 300 "$tmp/err")"
    same "Hadoop Streaming map (mapper.sh) and reduce (tqc merge -) equal the whole" "$tmp/a" "$tmp/b"
else
    not_ok "the README has the Hadoop mapper"
fi

# ---- the dashboard ----
"$TQC" audit -q --html "$tmp/dash.html" "$t" >/dev/null 2>"$tmp/err"
check "audit --html exits 0" $? "$(head -c 300 "$tmp/err")"
grep -q '<svg' "$tmp/dash.html" && ! grep -qi '<script' "$tmp/dash.html" &&
    grep -q "Content-Security-Policy" "$tmp/dash.html"
check "the dashboard is self-contained SVG, without script" $?
href=$(grep -o 'href="dash-articles/[0-9]*\.html"' "$tmp/dash.html" | head -1 | sed 's/href="//; s/"$//')
if [ -n "$href" ] && grep -q 'port.txt' "$tmp/$href"; then
    ok "the worst articles link to their annotated views"
else
    not_ok "the worst articles link to their annotated views" "$(ls "$tmp")"
fi
"$TQC" merge -q -o "$tmp/m.json" --html "$tmp/m.html" "$tmp/p1.json" "$tmp/p2.json" 2>/dev/null
grep -q '2 audits merged' "$tmp/m.html"
check "merge --html draws the merged dashboard" $?

echo "e2e_audit: $((n - fail)) passed, $fail failed"
[ "$fail" -eq 0 ]
