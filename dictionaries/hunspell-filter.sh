#!/bin/sh
# hunspell-filter.sh - keep only the candidate words that Hunspell rejects
#
# usage: hunspell-filter.sh DICT [EXCLUDE.txt ...] < CANDIDATES > OUT.txt
#
#   DICT        Hunspell dictionary name as for `hunspell -d` (en_US, de_DE, ...)
#   EXCLUDE.txt word lists whose words are dropped from the output (so that two
#               supplement files do not list the same word)
#
# CANDIDATES: '#' comment lines and blank lines are copied (runs of blank lines
# collapse to one); every other line holds one or more words separated by
# white space.  Output: the comments, and one word per line for each
# candidate that `hunspell -d DICT` rejects, in input order, each word once.
#
# A candidate is checked as one line of `hunspell -a` input; it is kept when
# Hunspell flags any part of it (the CLI splits Jong-un into Jong + un, and the
# library's BREAK rule does the same).
#
# The CLI skips digits and splits at + & / . so it cannot judge words such as
# COVID-19, G20, CO2, OPEC+ or a.m. as a whole; candidates holding any of
# those characters are kept as given.  libhunspell's Hunspell_spell(), which
# tqc links, rejects every such word in the shipped lists (checked), but it accepts some
# dotted ones (etc. no. vs.: it retries without the final dot), so check new
# ones with the library before adding them to a candidate list.
#
# POSIX sh + awk + the hunspell CLI.

set -eu
LC_ALL=C
export LC_ALL

[ $# -ge 1 ] || { echo "usage: $0 DICT [EXCLUDE.txt ...] < CANDIDATES > OUT" >&2; exit 2; }
dict=$1
shift
command -v hunspell >/dev/null 2>&1 || { echo "$0: hunspell not found" >&2; exit 1; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/hunspell-filter.XXXXXX")
trap 'rm -rf "$tmp"' EXIT HUP INT TERM

: > "$tmp/exclude"
for f in "$@"; do
    grep -v '^[[:space:]]*#' "$f" | tr -s ' \t' '\n\n' | grep -v '^$' >> "$tmp/exclude" || true
done

# skeleton: "C<TAB>comment" / "B" / "W<TAB>word";  words: one candidate a line
awk -v ex="$tmp/exclude" -v words="$tmp/words" '
BEGIN {
    while ((getline w < ex) > 0) seen[w] = 1
    blank = 1
}
/^[ \t]*#/ { print "C\t" $0; blank = 0; next }
/^[ \t]*$/ { if (!blank) print "B"; blank = 1; next }
{
    blank = 0
    for (i = 1; i <= NF; i++) {
        if ($i in seen) continue
        seen[$i] = 1
        print "W\t" $i
        print "^" $i > words
    }
}' > "$tmp/skel"
[ -f "$tmp/words" ] || : > "$tmp/words"

# One result block (ended by an empty line) per input line.  & # ? = rejected.
hunspell -d "$dict" -i UTF-8 -a < "$tmp/words" | awk '
NR == 1 && /^@\(#\)/ { next }
/^$/ { n++; print (bad ? 1 : 0); bad = 0; next }
/^[&#?]/ { bad = 1 }
' > "$tmp/verdicts"

nw=$(wc -l < "$tmp/words")
nv=$(wc -l < "$tmp/verdicts")
[ "$nw" -eq "$nv" ] || { echo "$0: hunspell returned $nv verdicts for $nw words" >&2; exit 1; }

awk -v verdicts="$tmp/verdicts" -F '\t' '
$1 == "C" { sub(/^C\t/, ""); print; next }
$1 == "B" { print ""; next }
{
    getline v < verdicts
    w = $2
    if (v == 1 || w ~ /[0-9+&\/.]/) print w
}' "$tmp/skel"
