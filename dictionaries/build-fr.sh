#!/bin/sh
# build-fr.sh - regenerate the French files tqc loads from dictionaries/fr/:
#   fr/news-names.txt, fr/news-terms.txt  from the hand-written candidate lists in
#       candidates/fr/, keeping the words fr_FR Hunspell rejects;
#   fr/freq.tsv  unigram counts of the French manual pages (manpages-fr) and the
#       French Debian Reference (debian-reference-fr). Elided words
#       (rules/fr/elisions: l', qu', jusqu') are cut off the word after them first, so
#       that `État` is counted in `l'État`. (Debian ships no French fortunes.)
#
# usage (from anywhere): sh dictionaries/build-fr.sh [names|freq]   (default: both)
#
# Needs the Debian packages hunspell, hunspell-fr, manpages-fr, debian-reference-fr, debian-handbook,
# groff, bsdextrautils (col), perl. SOURCE_DATE_EPOCH fixes the date
# written into freq.tsv.

set -eu
LC_ALL=C
export LC_ALL

here=$(cd "$(dirname "$0")" && pwd)
lang=fr
dict=fr_FR
cand=$here/candidates/$lang
out=$here/$lang
what=${1:-all}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/build-$lang.XXXXXX")
trap 'rm -rf "$tmp"' EXIT HUP INT TERM
mkdir -p "$out"

if [ "$what" = all ] || [ "$what" = names ]; then
    sh "$here/build-supplements.sh" "$lang" "$dict" hunspell-fr
fi

if [ "$what" = all ] || [ "$what" = freq ]; then
    sh "$here/debian-text.sh" man /usr/share/man/$lang > "$tmp/manpages-$lang.txt"
    sh "$here/debian-text.sh" gz /usr/share/debian-reference/debian-reference.$lang.txt.gz \
        > "$tmp/debian-reference-$lang.txt"
    # shellcheck disable=SC2046
    sh "$here/html-text.sh" $(ls /usr/share/doc/debian-handbook/html/fr-FR/*.html | sort) \
        > "$tmp/debian-handbook-$lang.txt"
    for f in "$tmp"/*.txt; do
        sh "$here/split-elisions.sh" "$here/../rules/$lang/elisions" < "$f" > "$f.split"
        mv "$f.split" "$f"
    done
    v() { dpkg-query -W -f='${Version}' "$1" 2>/dev/null || echo unknown; }
    FREQ_SOURCE="Debian manpages-fr $(v manpages-fr) (every page under /usr/share/man/fr, rendered with groff), debian-reference-fr $(v debian-reference-fr) (debian-reference.fr.txt.gz), debian-handbook $(v debian-handbook) (html/fr-FR/*.html, text only); elided words split off by split-elisions.sh" \
    FREQ_LICENCE="manpages-fr: GPL-3+ for the translations (debian/copyright of manpages-l10n), the pages under their own free licences; debian-reference: GPL-2+; debian-handbook: GPL-2+ or CC-BY-SA-3.0 (its debian/copyright)" \
    sh "$here/make-freq-utf8.sh" "$tmp/freq.tsv" "$tmp"/*.txt
    # The temporary paths in the header say nothing; name the files by what they are.
    sed -e "s|$tmp/|(extracted) |g" -e "s|$here/|dictionaries/|g" "$tmp/freq.tsv" > "$out/freq.tsv"
    printf 'freq.tsv: %s words\n' "$(grep -vc '^#' "$out/freq.tsv")"
fi
