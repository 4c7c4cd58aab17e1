#!/bin/sh
# build-rare.sh - rebuilds dictionaries/en/rare.tsv: the English words and phrases of
# WordNet and SCOWL that the Hunspell dictionaries lack (variant spellings, rarer words, phrases
# of other languages English uses), which the spelling pass reports as a hint, not a
# misspelling (see dictionaries/README.md, "en/rare.tsv").
#
# usage: sh dictionaries/build-rare.sh [WORDNET_DIR [SCOWL_LIST]]
#   (defaults /usr/share/wordnet, /usr/share/dict/american-english-huge)
#
# Kept: a WordNet lemma or irregular form (the *.exc files) of 4 letters a-z or more, and
# its regular inflections where the spelling is certain (no consonant doubling guessed:
# `kidnap` gives no `kidnaped`), that both en_US and en_GB reject and whose capitalised
# form en_US rejects too (a name in lower case stays a name); a collocation of two
# words (`nolo contendere`, `per se`) with a word en_US rejects in lower case and
# capitalised (or of two letters: `Se` is a symbol, no name), the other a word en_US
# knows in lower case (not a name's part: `aaron burr`).
# Also kept, on the same terms as WordNet's words: the lower-case words of SCOWL's huge
# American list (Debian's wamerican-huge: the older and variant spellings `employe`,
# `altho`, `gayety`, `programed`), tagged WORD (no part of speech given) where WordNet
# gives none.
# Output in the lexicon's format (lang/lex.h): form<TAB>TAGS, forms in byte order.
# Needs: sh, awk, sort, the hunspell CLI with en_US and en_GB, Debian's wordnet-base and
# wamerican-huge.
set -eu
LC_ALL=C
export LC_ALL
wn=${1:-/usr/share/wordnet}
scowl=${2:-/usr/share/dict/american-english-huge}
here=$(dirname "$0")
out="$here/en/rare.tsv"
[ -f "$wn/index.noun" ] || { echo "$0: $wn/index.noun not found (apt-get install wordnet-base)" >&2; exit 1; }
command -v hunspell >/dev/null 2>&1 || { echo "$0: hunspell not found" >&2; exit 1; }
[ -f "$scowl" ] || { echo "$0: $scowl not found (apt-get install wamerican-huge)" >&2; exit 1; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/build-rare.XXXXXX")
trap 'rm -rf "$tmp"' EXIT HUP INT TERM

# Candidates: form<TAB>TAG, singles and phrases (spaces between words).
awk '
function tag_of(f) { return f ~ /noun/ ? "NOUN" : f ~ /verb/ ? "VINF" : f ~ /adj/ ? "ADJ" : "ADV" }
function out(w, t) { print w "\t" t }
# Regular inflections whose spelling is certain.
function sibilant(w) { return w ~ /(s|x|z|ch|sh)$/ }
function plural(w) {
    if (w ~ /[^aeiou]y$/) return substr(w, 1, length(w) - 1) "ies"
    return sibilant(w) ? w "es" : w "s"
}
function inflect(w, t) {
    if (t == "NOUN") { out(plural(w), "NOUN"); return }
    if (t != "VINF") return
    out(plural(w), "VFIN")
    if (w ~ /[^aeiouy]e$/) {                    # indorse: indorsed, indorsing
        out(w "d", "VFIN,VPART"); out(substr(w, 1, length(w) - 1) "ing", "VGER")
    } else if (w ~ /[^aeiou][^aeiouwy]$/ || w ~ /[aeiou][aeiou][^aeiouwxy]$/) {
        out(w "ed", "VFIN,VPART"); out(w "ing", "VGER")   # no doubling to guess
    }
}
FNR == 1 { t = tag_of(FILENAME); exc = FILENAME ~ /\.exc$/ }
/^ / { next }
{
    w = tolower($1)
    if (exc) {
        if (w ~ /^[a-z]+$/) out(w, t == "VINF" ? "VFIN,VPART" : t)
        next
    }
    if (w ~ /_/) {
        gsub(/_/, " ", w)
        n = split(w, p, " ")
        if (n == 2 && w ~ /^[a-z][a-z '\''-]*[a-z]$/) out(w, t)
        next
    }
    if (w ~ /^[a-z]+$/ && length(w) >= 4) { out(w, t); inflect(w, t) }
}' "$wn"/index.noun "$wn"/index.verb "$wn"/index.adj "$wn"/index.adv \
   "$wn"/noun.exc "$wn"/verb.exc "$wn"/adj.exc "$wn"/adv.exc >"$tmp/cand"
# SCOWL's words, after WordNet's: a form WordNet tags keeps its tags only.
grep -E '^[a-z]{4,}$' "$scowl" | awk '{ print $0 "\tWORD" }' >>"$tmp/cand"

# Singles: rejected by en_US and en_GB, and capitalised by en_US too.
awk -F'\t' '$1 !~ / / && length($1) >= 4 { print $1 }' "$tmp/cand" | sort -u >"$tmp/single"
hunspell -d en_US -l <"$tmp/single" | sort -u >"$tmp/us"
hunspell -d en_GB -l <"$tmp/us" | sort -u >"$tmp/usgb"
awk '{ print toupper(substr($0, 1, 1)) substr($0, 2) }' "$tmp/usgb" | hunspell -d en_US -l |
    awk '{ print tolower(substr($0, 1, 1)) substr($0, 2) }' | sort -u >"$tmp/keep"
# Phrases: a word en_US rejects in lower case and capitalised (`aaron burr` is a name).
awk -F'\t' '$1 ~ / / { n = split($1, p, " "); for (i = 1; i <= n; i++) print p[i] }' "$tmp/cand" |
    sort -u | hunspell -d en_US -l | sort -u >"$tmp/odd-lower"
awk '{ print toupper(substr($0, 1, 1)) substr($0, 2) }' "$tmp/odd-lower" | hunspell -d en_US -l |
    awk '{ print tolower(substr($0, 1, 1)) substr($0, 2) }' | sort -u >"$tmp/odd"

awk -F'\t' '$1 ~ / / { n = split($1, p, " "); for (i = 1; i <= n; i++) print p[i] }' "$tmp/cand" |
    sort -u >"$tmp/words"
awk -F'\t' -v keep="$tmp/keep" -v odd="$tmp/odd" -v lower="$tmp/odd-lower" -v words="$tmp/words" '
BEGIN {
    while ((getline w < keep) > 0) k[w] = 1
    while ((getline w < odd) > 0) o[w] = 1
    while ((getline w < lower) > 0) bad[w] = 1
    while ((getline w < words) > 0) if (!(w in bad)) known[w] = 1
}
{
    ok = 0
    if ($1 ~ / /) {
        n = split($1, p, " ")
        for (i = 1; i <= n; i++) {
            if (p[i] in o || (p[i] in bad && length(p[i]) <= 2)) ok = 1   # `Se` is a symbol
            else if (!(p[i] in known)) { ok = 0; break }   # a name part: no phrase
        }
    }
    else ok = ($1 in k)
    if (!ok) next
    if (!($1 in tags)) { order[++m] = $1; tags[$1] = $2; next }
    if ($2 == "WORD") next
    n = split($2, add, ",")
    for (i = 1; i <= n; i++) if (("," tags[$1] ",") !~ ("," add[i] ",")) tags[$1] = tags[$1] "," add[i]
}
END { for (i = 1; i <= m; i++) print order[i] "\t" tags[order[i]] }' "$tmp/cand" | sort -t '	' -k1,1 >"$tmp/body"

{
    echo "# en/rare.tsv: English words and phrases of WordNet and SCOWL that Hunspell lacks (form<TAB>TAGS)."
    echo "# GENERATED by dictionaries/build-rare.sh: do not edit; see dictionaries/README.md."
    echo "# Sources: wordnet-base $(dpkg-query -W -f '${Version}' wordnet-base 2>/dev/null || echo '?')" \
         "(WordNet 3.0, Princeton University, WordNet 3.0 licence);"
    echo "#   wamerican-huge $(dpkg-query -W -f '${Version}' wamerican-huge 2>/dev/null || echo '?')" \
         "(SCOWL, Kevin Atkinson and others, SCOWL licence: use, copy, modify, distribute" \
         "with the copyright notice; WORD: no part of speech given);"
    echo "# filtered with hunspell-en-us $(dpkg-query -W -f '${Version}' hunspell-en-us 2>/dev/null || echo '?')," \
         "hunspell-en-gb $(dpkg-query -W -f '${Version}' hunspell-en-gb 2>/dev/null || echo '?')"
    echo "# Forms: $(wc -l <"$tmp/body" | tr -d ' '); sorted in byte order (LC_ALL=C)."
    cat "$tmp/body"
} >"$out"
wc -l "$out"
