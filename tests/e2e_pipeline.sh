#!/bin/sh
# End-to-end test of the one file pipeline (issue 13): every command that checks files
# (check, check --format diff, diff, fix, report, audit) takes them through the same
# stages, so inline suppressions (in text and HTML, a line or a region), --disable, a
# .tqc.ini section and a baseline hide the same findings in each; a suppression comment
# is never a finding itself; fix run twice equals fix run once; check --format diff exits
# as check does; check and audit walk a folder and tell a unit's language alike.
# Each command runs over all the files at once (a tqc run costs a dictionary load).
# Prints `ok N - name` / `not ok N - name`; exits 1 on failure.
set -u
TQC=${TQC:-./tqc}
case $TQC in /*) ;; *) TQC=$(pwd)/$TQC ;; esac
. "$(dirname "$0")/e2e_lib.sh"
same() { if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1" "got '$2', expected '$3'"; fi; }

# Line 1 is the suppression comment; line 2 holds the doubled word it suppresses; line 3
# two spaces (spacing), line 4 another doubled word (repeated-word): both safe fixes.
article() {
    printf '<!-- tqc-disable-next-line repeated-word -->\n'
    printf 'The minister said the the talks would resume next week.\n'
    printf 'The talks  resumed on Monday in the capital.\n'
    printf 'The envoy said it was a a mistake to wait.\n'
}
mkdir -p "$tmp/proj/news" "$tmp/proj/other"
article >"$tmp/a.txt"
article >"$tmp/proj/news/a.txt"
article >"$tmp/proj/other/a.txt"
# A section that applies to news/ only: other/ is checked with every rule.
printf '[news/*.txt]\ndisable = spacing\n' >"$tmp/proj/.tqc.ini"
# The comment's own words are in no dictionary; they are never a finding.
printf '<!-- tqc-disable-next-line spelling -->\nThe negotiatorz met.\n' >"$tmp/s.txt"
# A region, and a suppression in HTML: only line 1's doubled word is left.
printf 'She said the the vote was close.\n<!-- tqc-disable repeated-word -->\nHe said the the talks ended.\n<!-- tqc-enable repeated-word -->\n' >"$tmp/region.txt"
printf '<p>She said the the vote was close.</p>\n<!-- tqc-disable-next-line repeated-word -->\n<p>He said the the talks ended.</p>\n' >"$tmp/sup.html"
# JSON Lines, one doc a record: line 1 a doubled word, line 2 two spaces; the news/
# section takes the spacing rule away from its copy.
printf '{"id":"a","text":"She said the the vote was close."}\n{"id":"b","text":"The talks  resumed on Monday."}\n' >"$tmp/r.jsonl"
printf '[news/*.jsonl]\ndisable = spacing\n' >>"$tmp/proj/.tqc.ini"
cp "$tmp/r.jsonl" "$tmp/proj/news/r.jsonl"
files="$tmp/a.txt $tmp/proj/news/a.txt $tmp/proj/other/a.txt $tmp/s.txt $tmp/region.txt $tmp/sup.html $tmp/r.jsonl $tmp/proj/news/r.jsonl"
# A baseline that knows the finding of a.txt's line 4 only.
"$TQC" baseline create -q --disable spacing -o "$tmp/base.tsv" "$tmp/a.txt" 2>"$tmp/err" ||
    not_ok "baseline create" "$(cat "$tmp/err")"

# found COMMAND OPTIONS FILES: "FILE LINE" for each finding COMMAND reports (check,
# audit, report), each fix it proposes (diff, check-diff) or each line it changes (fix),
# sorted, into $tmp/found.
found() {
    cmd=$1 opts=$2 fs=$3
    case $cmd in
    check)
        # shellcheck disable=SC2086
        "$TQC" check --format jsonl $opts $fs 2>"$tmp/err" |
            sed -n 's/^{"file":"\([^"]*\)","line":\([0-9]*\),.*/\1 \2/p' ;;
    audit)
        # shellcheck disable=SC2086
        "$TQC" audit -q -j 1 --no-progress --format jsonl $opts $fs 2>"$tmp/err" |
            sed -n 's/^{"file":"\([^"]*\)","line":\([0-9]*\),.*/\1 \2/p' ;;
    diff|check-diff)
        if [ "$cmd" = diff ]; then sub=diff; else sub="check --format diff"; fi
        # shellcheck disable=SC2086
        "$TQC" $sub $opts $fs 2>"$tmp/err" |
            awk '/^# tqc: [0-9]+:[0-9]+ / { split($3, p, ":"); print file, p[1]; next }
                 /^# tqc: / { file = $3; sub(/:$/, "", file) }' ;;
    report)
        rm -f "$tmp/r.html"
        # shellcheck disable=SC2086
        "$TQC" report --html "$tmp/r.html" $opts $fs 2>"$tmp/err" &&
            sed -n 's/.*<tr data-sev="[a-z]*" data-rule="[^"]*"><td><a href="#d\([0-9]*\)-f[0-9]*">\([0-9]*\):.*/\1 \2/p' \
                "$tmp/r.html" |
            while read -r d l; do echo "$(echo $fs | cut -d' ' -f"$d") $l"; done ;;
    fix)
        # In place (its path names it in .tqc.ini sections and baselines), then put back.
        k=0
        for f in $fs; do k=$((k + 1)); cp "$f" "$tmp/orig.$k"; done
        # shellcheck disable=SC2086
        "$TQC" fix -q $opts $fs 2>"$tmp/err"
        k=0
        for f in $fs; do
            k=$((k + 1))
            awk -v f="$f" 'NR == FNR { a[FNR] = $0; next } a[FNR] != $0 { print f, FNR }' "$tmp/orig.$k" "$f"
            cp "$tmp/orig.$k" "$f"
        done ;;
    esac | sort -u >"$tmp/found"
}
# lines FILE: the lines of $tmp/found on FILE, on one line.
lines() { awk -v f="$1" '$1 == f { print $2 }' "$tmp/found" | sort -n | tr '\n' ' ' | sed 's/ $//'; }

for cmd in check check-diff diff fix report audit; do
    found $cmd "" "$files"
    same "$cmd: a suppressed line, and the comment, are left alone" "$(lines "$tmp/a.txt")" "3 4"
    same "$cmd: a .tqc.ini section applies to its files" "$(lines "$tmp/proj/news/a.txt")" "4"
    same "$cmd: ... and not to others" "$(lines "$tmp/proj/other/a.txt")" "3 4"
    same "$cmd: the comment's own words are not findings" "$(lines "$tmp/s.txt")" ""
    same "$cmd: a tqc-disable region" "$(lines "$tmp/region.txt")" "1"
    same "$cmd: a suppression in HTML" "$(lines "$tmp/sup.html")" "1"
    same "$cmd: JSON Lines records" "$(lines "$tmp/r.jsonl")" "1 2"
    same "$cmd: a .tqc.ini section applies to JSON Lines" "$(lines "$tmp/proj/news/r.jsonl")" "1"
    found $cmd "--disable spacing" "$tmp/a.txt $tmp/r.jsonl"
    same "$cmd: --disable" "$(lines "$tmp/a.txt")" "4"
    same "$cmd: --disable in JSON Lines" "$(lines "$tmp/r.jsonl")" "1"
    found $cmd "--baseline $tmp/base.tsv" "$tmp/a.txt"
    same "$cmd: --baseline hides the findings it knows" "$(lines "$tmp/a.txt")" "3"
done

# fix twice equals fix once (with a baseline too: a known finding stays known after
# the fixes around it).
article >"$tmp/orig.txt"
for opts in "" "--baseline $tmp/base.tsv"; do
    cp "$tmp/orig.txt" "$tmp/a.txt"
    # shellcheck disable=SC2086
    "$TQC" fix -q $opts "$tmp/a.txt" 2>"$tmp/err"
    cp "$tmp/a.txt" "$tmp/once.txt"
    # shellcheck disable=SC2086
    "$TQC" fix -q $opts "$tmp/a.txt" 2>>"$tmp/err"
    if cmp -s "$tmp/once.txt" "$tmp/a.txt" && ! cmp -s "$tmp/orig.txt" "$tmp/once.txt"; then
        ok "fix twice equals fix once ${opts:+(--baseline)}"
    else
        not_ok "fix twice equals fix once ${opts:+(--baseline)}" "$(cat "$tmp/err")"
    fi
done
grep -q 'a a mistake' "$tmp/a.txt" && ok "fix --baseline leaves a known finding" ||
    not_ok "fix --baseline leaves a known finding" "$(cat "$tmp/a.txt")"
cp "$tmp/orig.txt" "$tmp/a.txt"

# One language stage (--lang auto): diff and fix check a file in the language check
# tells from its content, text or HTML: French puts a space before ':' (an English
# spacing fix), so only the doubled word is proposed, as check reports it.
fr='Le ministre a affirmé mardi que le le projet de loi sera présenté au Parlement avant la fin du mois : « Nous verrons bien », a-t-il déclaré aux journalistes réunis devant le ministère.'
printf '%s\n' "$fr" >"$tmp/fr.txt"
printf '<html><body><article><p>%s</p></article></body></html>\n' "$fr" >"$tmp/fr.html"
for cmd in check diff fix; do
    found $cmd "" "$tmp/fr.txt $tmp/fr.html"
    same "$cmd: the language told from a text's content" "$(lines "$tmp/fr.txt")" "1"
    same "$cmd: ... and from a page's" "$(lines "$tmp/fr.html")" "1"
done
"$TQC" diff "$tmp/fr.txt" 2>/dev/null | grep -q "space before" &&
    not_ok "diff: no English spacing fix in French" || ok "diff: no English spacing fix in French"

# fix refuses a UTF-16 text (check reads it decoded; fix would write it back as UTF-8)
# and leaves it as it was.
printf '\377\376T\000h\000e\000 \000t\000h\000e\000 \000v\000o\000t\000e\000\n\000' >"$tmp/u16.txt"
cp "$tmp/u16.txt" "$tmp/u16.orig"
"$TQC" fix -q "$tmp/u16.txt" 2>"$tmp/err"
same "fix: a UTF-16 text exits 2" "$?" "2"
grep -q "u16.txt: UTF-16 text is not supported by fix and diff" "$tmp/err" && cmp -s "$tmp/u16.txt" "$tmp/u16.orig" &&
    ok "fix: a UTF-16 text is refused and left alone" ||
    not_ok "fix: a UTF-16 text is refused and left alone" "$(cat "$tmp/err")"

# check --format diff exits as check does: 0 clean, 1 with a finding at or above
# fail-on (one with no safe fix too), 0 when what is left is hidden.
printf 'The minister said the talks would resume on Monday.\n' >"$tmp/clean.txt"
printf 'The negotiatorz met on Monday.\n' >"$tmp/manual.txt"
for case in "0 $tmp/clean.txt" "1 $tmp/a.txt" "1 $tmp/manual.txt" \
            "0 --disable repeated-word --fail-on error $tmp/a.txt" \
            "0 --disable repeated-word --min-severity error $tmp/a.txt" \
            "0 --disable spacing --baseline $tmp/base.tsv $tmp/a.txt"; do
    # shellcheck disable=SC2086
    "$TQC" check --format diff ${case#* } >/dev/null 2>&1
    same "check --format diff exits as check: $(echo "${case#* }" | sed "s|$tmp/||g")" "$?" "${case%% *}"
done

# One walker: a folder argument lists the same files for check as for audit: hidden
# files, links to folders and links out of the folder are left out.
mkdir -p "$tmp/tree/sub" "$tmp/outside" "$tmp/tree/.hidden"
article >"$tmp/tree/b.txt"
article >"$tmp/tree/sub/c.txt"
article >"$tmp/tree/.hidden/d.txt"
article >"$tmp/outside/e.txt"
ln -s "$tmp/outside/e.txt" "$tmp/tree/e.txt"
ln -s b.txt "$tmp/tree/f.txt"
ln -s "$tmp/outside" "$tmp/tree/g"
files_of() { sed -n 's/.*"file":"\([^"]*\)".*/\1/p' | sed "s|$tmp/tree/||" | sort -u | tr '\n' ' '; }
walked=$("$TQC" check --format jsonl "$tmp/tree" 2>/dev/null | files_of)
same "check walks a folder: no hidden file, no link out of it" "$walked" "b.txt f.txt sub/c.txt "
same "audit walks it alike" \
    "$("$TQC" audit -q -j 1 --no-progress --format jsonl "$tmp/tree" 2>/dev/null | files_of)" "$walked"

# One language stage: check and audit check each unit of a bilingual file in the same
# language (a region counts: en-US is not en-GB, whatever --lang says of the file).
cat >"$tmp/us.xlf" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file source-language="fr" target-language="en-US" datatype="plaintext" original="a.txt">
  <body>
   <trans-unit id="1">
    <source>La couleur du centre a été analysée.</source>
    <target>The color of the center was analyzed.</target>
   </trans-unit>
  </body>
 </file>
</xliff>
EOF
checked=$("$TQC" check --format jsonl --lang en-GB "$tmp/us.xlf" 2>&1)
audited=$("$TQC" audit -q -j 1 --no-progress --format jsonl --lang en-GB "$tmp/us.xlf" 2>&1)
same "check and audit check a unit in the same language" "$audited" "$checked"

echo "# e2e_pipeline: $n tests, $fail failed"
[ "$fail" -eq 0 ]
