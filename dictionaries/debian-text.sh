#!/bin/sh
# debian-text.sh - plain running text from documentation that Debian ships, as corpus
# for make-freq-utf8.sh. Writes UTF-8 text to standard output.
#
# usage: debian-text.sh man DIR          every manual page under DIR (*.gz), rendered
#                                        by groff without hyphenation, in name order
#        debian-text.sh fortunes FILE... fortune files, without the % separators
#        debian-text.sh gz FILE...       gzip-compressed plain text as it is
#
# Needs groff (man), gzip and col (bsdextrautils). Deterministic: files are taken in
# byte order of their paths.

set -eu
LC_ALL=C
export LC_ALL

[ $# -ge 2 ] || { echo "usage: $0 man DIR | fortunes FILE... | gz FILE..." >&2; exit 2; }
mode=$1
shift
case $mode in
man)
    # -Kutf-8: the pages are UTF-8 (Debian policy), with or without a coding tag;
    # -rHY=0 no hyphenation (no words cut at line ends); a long line keeps sentences
    # whole; col -bx drops overstrikes, and needs a UTF-8 locale, or it escapes every
    # non-ASCII byte.
    # Character-set tables (iso_8859-1(7), ascii(7), ...) are lists of letters, not text.
    find "$1" -name '*.gz' -type f | sort |
    grep -Ev '/(iso_8859|iso-8859|latin[0-9]|cp125[0-9]|koi8|ascii|charsets|armscii|utf-8|utf8|unicode)[^/]*$' |
    while IFS= read -r f; do
        gzip -dc "$f" | groff -Kutf-8 -Tutf8 -man -rHY=0 -rLL=200n -P-c 2>/dev/null |
            LC_ALL=C.UTF-8 col -bx
    done
    ;;
fortunes)
    for f in "$@"; do
        grep -v '^%$' "$f"
    done
    ;;
gz)
    for f in "$@"; do
        gzip -dc "$f"
    done
    ;;
*)
    echo "$0: unknown mode: $mode" >&2
    exit 2
    ;;
esac
