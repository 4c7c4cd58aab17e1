#!/bin/sh
# html-text.sh - the running text of HTML files, as corpus for make-freq-utf8.sh:
# tags, scripts and styles removed, character references decoded (numeric ones and the
# few named ones DocBook output uses), one line per block of text. Writes UTF-8 text
# to standard output; files are taken in the order given.
#
# usage: html-text.sh FILE.html...
#
# Needs perl (Debian's perl-base). Not an HTML parser: good enough for the generated,
# well-formed pages of Debian's documentation packages.

set -eu
[ $# -ge 1 ] || { echo "usage: $0 FILE.html..." >&2; exit 2; }
for f in "$@"; do
    perl -CSD -0777 -ne '
        s/<(script|style)\b.*?<\/\1>//gis;
        s/<(pre|code)\b.*?<\/\1>/\n/gis;   # program text is not the language
        s/<(br|p|div|li|h[1-6]|tr|td|th|dt|dd|title)\b[^>]*>/\n/gi;
        s/<[^>]*>//gs;
        s/&#(\d+);/chr($1)/ge;
        s/&#x([0-9a-fA-F]+);/chr(hex($1))/ge;
        my %e = (nbsp => "\x{a0}", amp => "&", lt => "<", gt => ">", quot => "\"",
                 apos => "\x27", laquo => "\x{ab}", raquo => "\x{bb}", rsquo => "\x{2019}",
                 lsquo => "\x{2018}", ldquo => "\x{201c}", rdquo => "\x{201d}",
                 bdquo => "\x{201e}", hellip => "\x{2026}", mdash => "\x{2014}",
                 ndash => "\x{2013}");
        s/&([a-z]+);/exists $e{$1} ? $e{$1} : " "/ge;
        s/[ \t]+/ /g;
        s/\n\s*\n+/\n/g;
        print;
    ' "$f"
done
