#!/bin/sh
# End-to-end test of the safe-fix policy (issue 13): `tqc diff` proposes no change at all
# on clean text (the Brown press section, the clean controls of corpus/ and of the
# challenge set, when ../shared is there, and the injection evaluation's clean corpora), and on any article no safe change that only
# changes the case of words (names, proper adjectives, Latin phrases: `per se`,
# `MacLeod`, `Parque das Nações` stay as written). Prints `ok N - name` / `not ok N -
# name`; exits 1 on failure.
set -u
TQC=${TQC:-./tqc}
here=$(cd "$(dirname "$0")" && pwd)
root=$here/..
shared=$root/../shared/corpus
. "$(dirname "$0")/e2e_lib.sh"

# Clean text: the diff is empty.
for f in "$shared/external/brown-news.txt" "$root"/corpus/*/*clean*.txt \
         "$shared"/challenge/*clean*.txt; do
    [ -f "$f" ] || continue
    "$TQC" diff --color=never "$f" >"$tmp/diff" 2>"$tmp/err"
    rc=$?
    if [ "$rc" -gt 1 ]; then
        not_ok "tqc diff runs on $(basename "$f")" "exit $rc: $(cat "$tmp/err")"
    elif [ -s "$tmp/diff" ]; then
        not_ok "no safe change on clean $(basename "$f")" "$(grep '^[-+][^-+]' "$tmp/diff")"
    else
        ok "no safe change on clean $(basename "$f")"
    fi
done

# The clean corpora of the injection evaluation, in their languages (the published
# translations' own errors are corrected by tests/data/clean/build.sh). Under the
# sanitizers, their first 400 lines: the whole files take half a minute there.
for f in "$root"/tests/data/clean/??.txt; do
    lang=$(basename "$f" .txt)
    case $TQC in *build-san*) head -400 "$f" >"$tmp/$lang.txt"; f=$tmp/$lang.txt ;; esac
    "$TQC" diff --color=never --lang "$lang" "$f" >"$tmp/diff" 2>"$tmp/err"
    rc=$?
    if [ "$rc" -gt 1 ]; then
        not_ok "tqc diff runs on clean $lang" "exit $rc: $(cat "$tmp/err")"
    elif [ -s "$tmp/diff" ]; then
        not_ok "no safe change on the clean $lang corpus" "$(grep '^[-+][^-+]' "$tmp/diff")"
    else
        ok "no safe change on the clean $lang corpus"
    fi
done

# Any article: no safe change is a change of case only (a removed line and the added
# line after it equal but for case).
printf '%s\n' "He wore a grey suit and was paid a per diem, per se, by Mr. MacLeod." \
    "Dupont and DeWitt met in the Parque das Nações in Lisbon." >"$tmp/names.txt"
for f in "$tmp/names.txt" "$root"/corpus/*/*.txt; do
    [ -f "$f" ] || continue
    "$TQC" diff --color=never "$f" >"$tmp/diff" 2>"$tmp/err"
    rc=$?
    awk '/^-[^-]/ { old = tolower(substr($0, 2)); raw = $0; next }
         /^\+[^+]/ { if (substr(raw, 2) != substr($0, 2) && tolower(substr($0, 2)) == old)
                         print raw "\n" $0 }' "$tmp/diff" >"$tmp/case"
    if [ "$rc" -gt 1 ]; then
        not_ok "tqc diff runs on $(basename "$f")" "exit $rc: $(cat "$tmp/err")"
    elif [ -s "$tmp/case" ]; then
        not_ok "no safe case change in $(basename "$f")" "$(cat "$tmp/case")"
    else
        ok "no safe case change in $(basename "$f")"
    fi
done

[ "$fail" = 0 ]
