#!/bin/sh
# make-freq-utf8.sh - build a unigram frequency list (dictionaries/LANG/freq.tsv)
# from UTF-8 text in a language written in the Latin alphabet with diacritics
# (Portuguese, Spanish, French, German, Italian, ...). make-freq.sh is the ASCII-only
# original (English); this one differs only in what a letter is and how it is
# lower-cased, and writes the same format.
#
# usage: make-freq-utf8.sh OUT.tsv CORPUS.txt...
#
# Tokens: runs of letters, where a single ' or - between two letters stays inside
# the token (d'água, guarda-chuva, disse-lhe). Letters are ASCII letters and the
# UTF-8 sequences of Latin-1 letters (U+00C0-U+00FF without the signs U+00D7 and
# U+00F7), Latin Extended-A and -B (U+0100-U+024F) and Latin Extended Additional
# (U+1E00-U+1EFF). The typographic apostrophe U+2019 counts as '. Every other byte
# separates tokens: digits, punctuation (also « » ¿ ¡ “ ” — and the no-break space),
# and runs of two or more ' or -. Tokens are lower-cased: ASCII, Latin-1 (À-Þ) and
# the regular pairs of Latin Extended-A (Ā/ā ... Ž/ž); other capitals are kept.
#
# Optional environment, written into the header only:
#   FREQ_SOURCE       one-line description of the corpus (default: file names)
#   FREQ_LICENCE      licence / terms of the corpus (default: "not stated")
#   SOURCE_DATE_EPOCH date to record instead of today (reproducible builds)
#
# POSIX sh + awk + sort (mawk, gawk and busybox awk, byte-wise under LC_ALL=C).
# Same input and same SOURCE_DATE_EPOCH give byte-identical output.

set -eu
LC_ALL=C
export LC_ALL

[ $# -ge 2 ] || { echo "usage: $0 OUT.tsv CORPUS.txt..." >&2; exit 2; }
cmd="$0 $*"
out=$1
shift
for f in "$@"; do
    [ -r "$f" ] || { echo "$0: cannot read corpus: $f" >&2; exit 1; }
done

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

tmp=$(mktemp -d "${TMPDIR:-/tmp}/make-freq-utf8.XXXXXX")
trap 'rm -rf "$tmp"' EXIT HUP INT TERM

awk -v stats="$tmp/stats" '
BEGIN {
    # One letter: ASCII, Latin-1 letters, Latin Extended-A/B, Latin Extended Additional.
    L = "([A-Za-z]|\303[\200-\226\230-\266\270-\277]|[\304-\311][\200-\277]|\341[\270-\273][\200-\277])"
    TOK = L "+([\047-]" L "+)*"
    # Lower-case map of the two-byte capitals: Latin-1 (C3 80-9E but D7), and the
    # Latin Extended-A pairs whose capital is the even code point.
    for (b = 128; b <= 158; b++)
        if (b != 151) low["\303" sprintf("%c", b)] = "\303" sprintf("%c", b + 32)
    for (cp = 256; cp < 384; cp++) {
        even = (cp >= 256 && cp <= 311) || (cp >= 330 && cp <= 375)
        odd = (cp >= 313 && cp <= 328) || cp == 377 || cp == 379 || cp == 381
        if ((even && cp % 2 == 0) || (odd && cp % 2 == 1))
            low[utf8(cp)] = utf8(cp + 1)
    }
}
function utf8(cp) {
    return sprintf("%c%c", 192 + int(cp / 64), 128 + cp % 64)
}
function lower(t,    i, c, r, n) {
    t = tolower(t)
    if (t !~ /[\300-\377]/)
        return t
    r = ""
    n = length(t)
    for (i = 1; i <= n; i++) {
        c = substr(t, i, 1)
        if (c >= "\300" && i < n && (substr(t, i, 2) in low)) {
            r = r low[substr(t, i, 2)]
            i++
        } else {
            r = r c
        }
    }
    return r
}
{
    nlines++
    line = $0
    gsub(/\342\200\231/, "\047", line)
    while (match(line, TOK)) {
        cnt[lower(substr(line, RSTART, RLENGTH))]++
        tokens++
        line = substr(line, RSTART + RLENGTH)
    }
}
END {
    for (t in cnt) { types++; if (cnt[t] >= 2) { kept++; ktok += cnt[t]; print t "\t" cnt[t] } }
    printf "%d %d %d %d %d\n", nlines + 0, tokens + 0, types + 0, kept + 0, ktok + 0 > stats
}' "$@" > "$tmp/counts"

read -r nlines tokens types kept ktok < "$tmp/stats"

tab=$(printf '\t')
{
    echo "# tqc unigram frequencies: word<TAB>count, count descending, then word ascending (LC_ALL=C)"
    echo "# generated: $date by dictionaries/make-freq-utf8.sh"
    echo "# command: $cmd"
    echo "# source: ${FREQ_SOURCE:-see the corpus files}"
    echo "# source licence: ${FREQ_LICENCE:-not stated}"
    for f in "$@"; do
        echo "# corpus: $f ($(checksum "$f")), $(wc -l < "$f" | tr -d ' ') lines"
    done
    echo "# lines: $nlines"
    echo "# tokens: runs of Latin letters (ASCII, Latin-1, Latin Extended-A/B and Additional), inner single ' or - kept, lower-cased; everything else splits"
    echo "# token count: $tokens tokens, $types types; kept (count >= 2): $kept types, $ktok tokens"
    sort -t "$tab" -k2,2nr -k1,1 "$tmp/counts"
} > "$tmp/out"

mv "$tmp/out" "$out"
