#!/bin/sh
# make-freq.sh - build a unigram frequency list (dictionaries/LANG/freq.tsv)
#
# usage: make-freq.sh OUT.tsv CORPUS.txt [HOLDOUT.txt]
#
# Tokenises CORPUS.txt, lower-cases, counts, and writes OUT.tsv:
#   - '#' comment lines first (provenance), then
#   - word<TAB>count lines, sorted by count descending, then word ascending
#     (byte order, LC_ALL=C); words with a count below 2 are dropped.
#
# Tokens: runs of ASCII letters, where a single ' or - between two letters is
# kept inside the token (don't, well-known, o'clock).  Everything else
# separates tokens: digits, other punctuation, non-ASCII bytes, and runs of
# two or more ' / - (so "said--and" is two tokens and a leading or trailing
# quote/hyphen is dropped: 'tis -> tis, boys' -> boys).
#
# HOLDOUT.txt (optional): every line of CORPUS.txt that occurs verbatim
# (whole line, byte for byte) in HOLDOUT.txt is skipped.  Use it to keep
# evaluation text out of the counts.
#
# Optional environment, written into the header only:
#   FREQ_SOURCE       one-line description of the corpus (default: file name)
#   FREQ_LICENCE      licence / terms of the corpus (default: "not stated")
#   SOURCE_DATE_EPOCH date to record instead of today (reproducible builds)
#
# POSIX sh + awk + sort only (works with mawk, gawk and busybox awk).
# Same input and same SOURCE_DATE_EPOCH give byte-identical output.

set -eu
LC_ALL=C
export LC_ALL

usage() {
    echo "usage: $0 OUT.tsv CORPUS.txt [HOLDOUT.txt]" >&2
    exit 2
}

[ $# -ge 2 ] && [ $# -le 3 ] || usage
cmd="$0 $*"
out=$1
corpus=$2
holdout=${3-}

[ -r "$corpus" ] || { echo "$0: cannot read corpus: $corpus" >&2; exit 1; }
if [ -n "$holdout" ]; then
    [ -r "$holdout" ] || { echo "$0: cannot read holdout: $holdout" >&2; exit 1; }
fi

if [ -n "${SOURCE_DATE_EPOCH-}" ]; then
    date=$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y-%m-%d 2>/dev/null ||
           date -u -r "$SOURCE_DATE_EPOCH" +%Y-%m-%d)
else
    date=$(date -u +%Y-%m-%d)
fi

checksum() {
    if command -v sha256sum >/dev/null 2>&1; then
        printf 'sha256 %s' "$(sha256sum < "$1" | cut -d' ' -f1)"
    else
        printf 'cksum %s' "$(cksum < "$1" | cut -d' ' -f1,2)"
    fi
}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/make-freq.XXXXXX")
trap 'rm -rf "$tmp"' EXIT HUP INT TERM

# Empty holdout file when none is given, so one awk program serves both cases.
if [ -n "$holdout" ]; then hfile=$holdout; else hfile=$tmp/empty; : > "$hfile"; fi

# Pass 1: count.  Writes "word<TAB>count" lines to counts, statistics to stats.
# The holdout is read first (FILENAME test, not NR==FNR, so an empty holdout
# works too).
awk -v hfile="$hfile" -v stats="$tmp/stats" '
BEGIN { FS = "\n" }
FILENAME == hfile { held[$0] = 1; nheld++; next }
{
    nlines++
    if ($0 in held) { skipped++; next }
    used++
    line = $0
    gsub(/[^A-Za-z\047-]+/, " ", line)      # keep letters, apostrophe, hyphen
    gsub(/[\047-][\047-]+/, " ", line)      # runs of 2+ quote/hyphen split
    n = split(line, w, " ")
    for (i = 1; i <= n; i++) {
        t = w[i]
        sub(/^[\047-]+/, "", t)             # no leading quote/hyphen
        sub(/[\047-]+$/, "", t)             # no trailing quote/hyphen
        if (t == "") continue
        cnt[tolower(t)]++
        tokens++
    }
}
END {
    for (t in cnt) { types++; if (cnt[t] >= 2) { kept++; ktok += cnt[t]; print t "\t" cnt[t] } }
    printf "%d %d %d %d %d %d %d\n", nlines, used, skipped + 0, nheld + 0, \
        tokens + 0, types + 0, kept + 0 > stats
    printf "%d\n", ktok + 0 >> stats
}' "$hfile" "$corpus" > "$tmp/counts"

# shellcheck disable=SC2046
set -- $(cat "$tmp/stats")
nlines=$1 used=$2 skipped=$3 nheld=$4 tokens=$5 types=$6 kept=$7 ktok=$8

tab=$(printf '\t')
{
    echo "# tqc unigram frequencies: word<TAB>count, count descending, then word ascending (LC_ALL=C)"
    echo "# generated: $date by dictionaries/make-freq.sh"
    echo "# command: $cmd"
    echo "# source: ${FREQ_SOURCE:-$(basename "$corpus")}"
    echo "# source licence: ${FREQ_LICENCE:-not stated}"
    echo "# corpus: $corpus ($(checksum "$corpus")), $nlines lines"
    if [ -n "$holdout" ]; then
        echo "# holdout: $holdout ($(checksum "$holdout")), $nheld lines; $skipped corpus lines occurring verbatim in it were skipped, $used used"
    else
        echo "# holdout: none; $used lines used"
    fi
    echo "# tokens: ASCII letter runs, inner single ' or - kept, lower-cased; everything else splits"
    echo "# token count: $tokens tokens, $types types; kept (count >= 2): $kept types, $ktok tokens"
    sort -t "$tab" -k2,2nr -k1,1 "$tmp/counts"
} > "$tmp/out"

mv "$tmp/out" "$out"
