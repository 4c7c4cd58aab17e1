#!/bin/sh
# End-to-end test of the one file pipeline (issue 13): every command that checks files
# (check, check --format diff, diff, fix, report, audit) takes them through the same
# stages, so an inline suppression, --disable, a .tqc.ini section and a baseline hide
# the same findings in each; the suppression comment itself is never a finding; fix run
# twice equals fix run once; and check --format diff exits as check does. Prints
# `ok N - name` / `not ok N - name`; exits 1 on failure.
set -u
TQC=${TQC:-./tqc}
case $TQC in /*) ;; *) TQC=$(pwd)/$TQC ;; esac
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
n=0 fail=0

ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() {
    n=$((n + 1)); fail=$((fail + 1)); echo "not ok $n - $1"
    [ -n "${2:-}" ] && printf '%s\n' "$2" | head -10 | sed 's/^/#   /'
    return 0
}
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
article >"$tmp/proj/news/a.txt"
article >"$tmp/proj/other/a.txt"
article >"$tmp/a.txt"
# A section that applies to news/ only: other/ is checked with every rule.
printf '[news/*.txt]\ndisable = spacing\n' >"$tmp/proj/.tqc.ini"
# A baseline that knows the finding of line 4 only.
"$TQC" baseline create -q --disable spacing -o "$tmp/base.tsv" "$tmp/a.txt" 2>"$tmp/err" ||
    not_ok "baseline create" "$(cat "$tmp/err")"

# lines COMMAND FILE [OPTION...]: the numbers of the lines COMMAND reports a finding on
# (check, audit, report), proposes a fix for (diff, check-diff) or changes (fix), sorted
# and on one line.
lines() {
    cmd=$1 f=$2; shift 2
    case $cmd in
    check)
        "$TQC" check --format jsonl "$@" "$f" 2>"$tmp/err" |
            sed -n 's/.*"line":\([0-9]*\),.*/\1/p' ;;
    audit)
        "$TQC" audit -q --no-progress --format jsonl "$@" "$f" 2>"$tmp/err" |
            sed -n 's/.*"line":\([0-9]*\),.*/\1/p' ;;
    diff|check-diff)
        if [ "$cmd" = diff ]; then set -- diff "$@"; else set -- check --format diff "$@"; fi
        "$TQC" "$@" "$f" 2>"$tmp/err" | sed -n 's/^# tqc: \([0-9]*\):[0-9]* .*/\1/p' ;;
    report)
        rm -f "$tmp/r.html"
        "$TQC" report --html "$tmp/r.html" "$@" "$f" 2>"$tmp/err" &&
            sed -n 's/.*<tr data-sev="[a-z]*" data-rule="[^"]*"><td><a href="[^"]*">\([0-9]*\):.*/\1/p' \
                "$tmp/r.html" ;;
    fix)
        # In place (its path names it in .tqc.ini sections and baselines), then put back.
        cp "$f" "$tmp/orig"
        "$TQC" fix -q "$@" "$f" 2>"$tmp/err" &&
            awk 'NR == FNR { a[FNR] = $0; next } a[FNR] != $0 { print FNR }' "$tmp/orig" "$f"
        cp "$tmp/orig" "$f" ;;
    esac | sort -n -u | tr '\n' ' ' | sed 's/ $//'
}

for cmd in check check-diff diff fix report audit; do
    same "$cmd: the suppressed line and the comment are left alone" \
        "$(lines $cmd "$tmp/a.txt")" "3 4"
    same "$cmd: --disable" "$(lines $cmd "$tmp/a.txt" --disable spacing)" "4"
    same "$cmd: a .tqc.ini section applies to its files" "$(lines $cmd "$tmp/proj/news/a.txt")" "4"
    same "$cmd: ... and not to others" "$(lines $cmd "$tmp/proj/other/a.txt")" "3 4"
    same "$cmd: --baseline hides the findings it knows" \
        "$(lines $cmd "$tmp/a.txt" --baseline "$tmp/base.tsv")" "3"
done

# A suppression comment is never a finding, even one that names no rule tqc knows of
# spelling (its words are not in any dictionary).
printf '<!-- tqc-disable-next-line spelling -->\nThe negotiatorz met.\n' >"$tmp/s.txt"
for cmd in check report audit; do
    same "$cmd: the comment's own words are not findings" "$(lines $cmd "$tmp/s.txt")" ""
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

# check --format diff exits as check does: 0 clean, 1 with a finding at or above
# fail-on, whatever hides the others.
printf 'The minister said the talks would resume on Monday.\n' >"$tmp/clean.txt"
printf 'The negotiatorz met on Monday.\n' >"$tmp/manual.txt"
exit_of() { "$TQC" "$@" >/dev/null 2>&1; echo $?; }
for case in "$tmp/clean.txt" "$tmp/a.txt" "$tmp/manual.txt" \
            "--disable repeated-word --fail-on error $tmp/a.txt" \
            "--disable repeated-word --min-severity error $tmp/a.txt" \
            "--disable spacing --baseline $tmp/base.tsv $tmp/a.txt"; do
    # shellcheck disable=SC2086
    want=$(exit_of check $case)
    # shellcheck disable=SC2086
    same "check --format diff exits as check: $(echo "$case" | sed "s|$tmp/||g")" \
        "$(exit_of check --format diff $case)" "$want"
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
    "$("$TQC" audit -q --no-progress --format jsonl "$tmp/tree" 2>/dev/null | files_of)" "$walked"

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
for opts in "" "--lang en-GB"; do
    # shellcheck disable=SC2086
    checked=$("$TQC" check --format jsonl $opts "$tmp/us.xlf" 2>&1)
    # shellcheck disable=SC2086
    audited=$("$TQC" audit -q --no-progress --format jsonl $opts "$tmp/us.xlf" 2>&1)
    same "check and audit check a unit in the same language ${opts:-(--lang auto)}" \
        "$audited" "$checked"
done

echo "# e2e_pipeline: $n tests, $fail failed"
[ "$fail" -eq 0 ]
