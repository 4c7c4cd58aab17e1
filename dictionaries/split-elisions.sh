#!/bin/sh
# split-elisions.sh - put a space after the elided words of French or Italian (l'État,
# qu'il, dell'Unione, un'altra) so that a frequency count sees `l'` and `État` as two
# words, as tqc's split does. Filters UTF-8 text from standard input to standard output.
#
# usage: split-elisions.sh ELISIONS < TEXT > TEXT
#
# ELISIONS is a rule list (rules/<lang>/elisions): one elided word a line, lower case,
# without its apostrophe; '#' lines are comments. A listed word is split off where it
# starts a word (not after a letter) and ' or ’ and a letter follow it, in any case
# (L'Union, DELL'ANNO). Words like aujourd'hui stay whole: `aujourd` is no elided word.
#
# Needs perl (Debian's perl-base).

set -eu
[ $# -eq 1 ] || { echo "usage: $0 ELISIONS < TEXT > TEXT" >&2; exit 2; }
words=$(grep -v '^#' "$1" | grep -v '^[[:space:]]*$' | tr -d ' \t' | paste -sd'|' -)
[ -n "$words" ] || { echo "$0: no elided words in $1" >&2; exit 1; }
ELISIONS=$words perl -CSD -pe '
    BEGIN { $re = $ENV{ELISIONS}; }
    s/(?<!\p{L})((?i:$re))([\x{27}\x{2019}])(?=\p{L})/$1$2 /g;
'
