#!/bin/sh
# build-de.sh - regenerate the German files tqc loads from dictionaries/de/:
#   de/news-names.txt, de/news-terms.txt  from the hand-written candidate lists in
#       candidates/de/, keeping the words de_DE Hunspell rejects;
#   de/freq.tsv  unigram counts of the German manual pages (manpages-de), the
#       German Debian Reference (debian-reference-de) and the German fortunes
#       (fortunes-de).
#
# usage (from anywhere): sh dictionaries/build-de.sh [names|freq]   (default: both)
#
# Needs the Debian packages hunspell, hunspell-de-de, manpages-de, debian-reference-de, debian-handbook,
# fortunes-de, groff, bsdextrautils (col), perl. SOURCE_DATE_EPOCH fixes the date
# written into freq.tsv.

set -eu
LC_ALL=C
export LC_ALL

here=$(cd "$(dirname "$0")" && pwd)
lang=de
dict=de_DE
cand=$here/candidates/$lang
out=$here/$lang
what=${1:-all}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/build-$lang.XXXXXX")
trap 'rm -rf "$tmp"' EXIT HUP INT TERM
mkdir -p "$out"

if [ "$what" = all ] || [ "$what" = names ]; then
    sh "$here/build-supplements.sh" "$lang" "$dict" hunspell-de-de
fi

if [ "$what" = all ] || [ "$what" = freq ]; then
    sh "$here/debian-text.sh" man /usr/share/man/$lang > "$tmp/manpages-$lang.txt"
    sh "$here/debian-text.sh" gz /usr/share/debian-reference/debian-reference.$lang.txt.gz \
        > "$tmp/debian-reference-$lang.txt"
    # shellcheck disable=SC2046
    sh "$here/html-text.sh" $(ls /usr/share/doc/debian-handbook/html/de-DE/*.html | sort) \
        > "$tmp/debian-handbook-$lang.txt"
    # Every fortune file (UTF-8; the *.u8 names are links to the same files).
    # shellcheck disable=SC2046
    sh "$here/debian-text.sh" fortunes $(ls /usr/share/games/fortunes/de/* | grep -v '\.dat$\|\.u8$' | sort) \
        > "$tmp/fortunes-$lang.txt"
    v() { dpkg-query -W -f='${Version}' "$1" 2>/dev/null || echo unknown; }
    FREQ_SOURCE="Debian manpages-de $(v manpages-de) (every page under /usr/share/man/de, rendered with groff), debian-reference-de $(v debian-reference-de) (debian-reference.de.txt.gz), debian-handbook $(v debian-handbook) (html/de-DE/*.html, text only) and fortunes-de $(v fortunes-de) (/usr/share/games/fortunes/de/*)" \
    FREQ_LICENCE="manpages-de: GPL-3+ for the translations (debian/copyright of manpages-l10n), the pages under their own free licences; debian-reference: GPL-2+; debian-handbook: GPL-2+ or CC-BY-SA-3.0 (its debian/copyright); fortunes-de: GPL-2+ (its debian/copyright)" \
    sh "$here/make-freq-utf8.sh" "$tmp/freq.tsv" "$tmp"/*.txt
    # The temporary paths in the header say nothing; name the files by what they are.
    sed -e "s|$tmp/|(extracted) |g" -e "s|$here/|dictionaries/|g" "$tmp/freq.tsv" > "$out/freq.tsv"
    printf 'freq.tsv: %s words\n' "$(grep -vc '^#' "$out/freq.tsv")"
fi
