#!/bin/sh
# build-it.sh - regenerate the Italian files tqc loads from dictionaries/it/:
#   it/news-names.txt, it/news-terms.txt  from the hand-written candidate lists in
#       candidates/it/, keeping the words it_IT Hunspell rejects;
#   it/freq.tsv  unigram counts of the Italian manual pages (manpages-it), the
#       Italian Debian Reference (debian-reference-it) and the Italian fortunes
#       (fortunes-it, without its offensive section fortunes-it-off). Elided words
#       (rules/it/elisions: l', dell', un') are cut off the word after them first, so
#       that `anno` is counted in `l'anno`.
#
# usage (from anywhere): sh dictionaries/build-it.sh [names|freq]   (default: both)
#
# Needs the Debian packages hunspell, hunspell-it, manpages-it, debian-reference-it, debian-handbook,
# fortunes-it, groff, bsdextrautils (col), perl. SOURCE_DATE_EPOCH fixes the date
# written into freq.tsv.

set -eu
LC_ALL=C
export LC_ALL

here=$(cd "$(dirname "$0")" && pwd)
lang=it
dict=it_IT
cand=$here/candidates/$lang
out=$here/$lang
what=${1:-all}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/build-$lang.XXXXXX")
trap 'rm -rf "$tmp"' EXIT HUP INT TERM
mkdir -p "$out"

if [ "$what" = all ] || [ "$what" = names ]; then
    sh "$here/build-supplements.sh" "$lang" "$dict" hunspell-it
fi

if [ "$what" = all ] || [ "$what" = freq ]; then
    sh "$here/debian-text.sh" man /usr/share/man/$lang > "$tmp/manpages-$lang.txt"
    sh "$here/debian-text.sh" gz /usr/share/debian-reference/debian-reference.$lang.txt.gz \
        > "$tmp/debian-reference-$lang.txt"
    # shellcheck disable=SC2046
    sh "$here/html-text.sh" $(ls /usr/share/doc/debian-handbook/html/it-IT/*.html | sort) \
        > "$tmp/debian-handbook-$lang.txt"
    # The UTF-8 editions (*.u8) of the fortune files; the plain ones are Latin-1.
    # shellcheck disable=SC2046
    sh "$here/debian-text.sh" fortunes $(ls /usr/share/games/fortunes/it/*.u8 | sort) \
        > "$tmp/fortunes-$lang.txt"
    for f in "$tmp"/*.txt; do
        sh "$here/split-elisions.sh" "$here/../rules/$lang/elisions" < "$f" > "$f.split"
        mv "$f.split" "$f"
    done
    v() { dpkg-query -W -f='${Version}' "$1" 2>/dev/null || echo unknown; }
    FREQ_SOURCE="Debian manpages-it $(v manpages-it) (every page under /usr/share/man/it, rendered with groff), debian-reference-it $(v debian-reference-it) (debian-reference.it.txt.gz), debian-handbook $(v debian-handbook) (html/it-IT/*.html, text only) and fortunes-it $(v fortunes-it) (/usr/share/games/fortunes/it/*.u8); elided words split off by split-elisions.sh" \
    FREQ_LICENCE="manpages-it: GPL-3+ for the translations (debian/copyright of manpages-l10n), the pages under their own free licences; debian-reference: GPL-2+; debian-handbook: GPL-2+ or CC-BY-SA-3.0 (its debian/copyright); fortunes-it: declared public domain by its compilers, quotations of other authors (its debian/copyright)" \
    sh "$here/make-freq-utf8.sh" "$tmp/freq.tsv" "$tmp"/*.txt
    # The temporary paths in the header say nothing; name the files by what they are.
    sed -e "s|$tmp/|(extracted) |g" -e "s|$here/|dictionaries/|g" "$tmp/freq.tsv" > "$out/freq.tsv"
    printf 'freq.tsv: %s words\n' "$(grep -vc '^#' "$out/freq.tsv")"
fi
