#!/bin/sh
# build-nationalities.sh: writes rules/<lang>/nationalities for the languages that write
# nationality adjectives and language names in lower case (fr, es, pt, it: `le
# gouvernement français`, `el idioma alemán`), read by the capitalization pass.
#
# Source: the names of the ISO 639-1 languages (those with a two-letter code) in
# iso-codes' translations (Debian package `iso-codes`, LGPL-2.1+):
# /usr/share/iso-codes/json/iso_639-2.json for the list, and
# /usr/share/locale/<lang>/LC_MESSAGES/iso_639-2.mo for each language's names. In these
# languages the language name is the masculine singular of the nationality adjective
# (`français`, `alemán`, `português`, `tedesco`). Its other genders and numbers are made
# by the language's regular endings below, and a form is kept only when the language's
# Hunspell dictionary accepts it, so no invented form gets in, and is not a common word
# first (dictionaries/candidates/<lang>/nationalities-drop.txt: `cri`, `cree`, `venda`).
# Single-word names only; a language with two names (`español; castellano`) gives each
# (French sets a no-break space before the semicolon: trimmed).
#
# Needs: sh, sed, sort, jq, msgunfmt (gettext), hunspell with hunspell-fr, -es, -pt-pt,
# -it. Run from the repository root: sh dictionaries/build-nationalities.sh
set -eu

json=/usr/share/iso-codes/json/iso_639-2.json
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The English names of the ISO 639-1 languages.
jq -r '.["639-2"][] | select(.alpha_2 != null) | .name' "$json" | sort -u >"$tmp/names"

# Candidate forms of one lower-case masculine singular name ($1) in language $2, one a
# line: the regular gender and number endings of the language's adjectives.
forms() {
    w=$1
    echo "$w"
    case $2 in
    fr)
        printf '%s\n' "${w}e" "${w}s" "${w}es" "${w}ne" "${w}nes" ;;
    es)
        case $w in
        *o) s=${w%o}; printf '%s\n' "${s}a" "${s}os" "${s}as" ;;
        *és) s=${w%és}; printf '%s\n' "${s}esa" "${s}eses" "${s}esas" ;;
        *án) s=${w%án}; printf '%s\n' "${s}ana" "${s}anes" "${s}anas" ;;
        *ín) s=${w%ín}; printf '%s\n' "${s}ina" "${s}ines" "${s}inas" ;;
        *ón) s=${w%ón}; printf '%s\n' "${s}ona" "${s}ones" "${s}onas" ;;
        *) printf '%s\n' "${w}s" "${w}es" "${w}a" "${w}as" ;;
        esac ;;
    pt)
        case $w in
        *o) s=${w%o}; printf '%s\n' "${s}a" "${s}os" "${s}as" ;;
        *ês) s=${w%ês}; printf '%s\n' "${s}esa" "${s}eses" "${s}esas" ;;
        *ão) s=${w%ão}; printf '%s\n' "${s}ã" "${s}ães" "${s}ãs" "${s}ões" ;;
        *ol) s=${w%ol}; printf '%s\n' "${s}ola" "${s}olas" "${s}óis" ;;
        *) printf '%s\n' "${w}s" "${w}es" ;;
        esac ;;
    it)
        case $w in
        *co) s=${w%co}; printf '%s\n' "${s}ca" "${s}chi" "${s}che" "${s}ci" ;;
        *o) s=${w%o}; printf '%s\n' "${s}a" "${s}i" "${s}e" ;;
        *e) s=${w%e}; printf '%s\n' "${s}i" ;;
        esac ;;
    esac
}

# Demonyms of countries: the language's adjective endings put on a country's name
# (iso-codes' ISO 3166-1 names, translated), itself or less its last vowel (`Paraguay`:
# `paraguayo`, `Chile`: `chileno`, `Belgique`: `belge`, `Svizzera`: `svizzero`). Hunspell
# keeps the real words among them, as above; a form that is the country's name itself
# (`cuba`, `malta`: common words too) is left out.
demonyms() {
    w=$1
    case $w in
    *[aeiouáéíóúàèìòù]) stems="$w ${w%?}" ;;
    *) stems=$w ;;
    esac
    # a stressed final vowel is plain before an ending (`Perú`: `peruano`)
    stems="$stems $(printf '%s' "${w%?}" | sed 's/[áà]$/a/; s/[éè]$/e/; s/[íì]$/i/; s/[óò]$/o/; s/[úù]$/u/')"
    case $2 in
    fr) ends="e es ien ienne iens iennes en enne ens ennes ain aine ains aines ais aise ois oise éen éenne éens éennes" ;;
    es) ends="o a os as ano ana anos anas eno ena enos enas eño eña eños eñas ense enses és esa eses esas í íes ino ina inos inas" ;;
    pt) ends="o a os as ano ana anos anas eno ena enos enas ense enses ês esa eses esas eiro eira eiros eiras ino ina inos inas" ;;
    it) ends="o a i e ano ana ani ane eno ena eni ene ese esi ino ina ini ine ense ensi" ;;
    esac
    for s in $stems; do
        for e in $ends; do
            # A bare vowel (and plural) ending on a short stem makes common words
            # (`cubo`, `malo`, `toga`): it counts on the whole name (`paraguayo`) or on a
            # stem of six letters or more (`svizzero`) only.
            case $e in
            o|a|os|as|i|e|es) [ "$s" = "$w" ] || [ "${#s}" -ge 6 ] || continue ;;
            esac
            [ "$s$e" != "$w" ] && echo "$s$e"
        done
    done
}

for lang in fr es pt it; do
    case $lang in
    fr) dict=fr_FR ;; es) dict=es_ES ;; pt) dict=pt_PT ;; it) dict=it_IT ;;
    esac
    msgunfmt "/usr/share/locale/$lang/LC_MESSAGES/iso_639-2.mo" >"$tmp/$lang.po"
    # msgid "French" / msgstr "français": the translation of each listed name, lower-cased.
    sed -n '/^msgid "/{s/^msgid "\(.*\)"$/\1/;h;n;s/^msgstr "\(.*\)"$/\1/;H;x;s/\n/\t/;p;}' \
        "$tmp/$lang.po" |
        LC_ALL=C.UTF-8 sort -t '	' -k1,1 |
        LC_ALL=C.UTF-8 join -t '	' "$tmp/names" - |
        cut -f2 | tr ';' '\n' | LC_ALL=C.UTF-8 sed 's/^[ \xc2\xa0\xe2\x80\xaf]*//; s/[ \xc2\xa0\xe2\x80\xaf]*$//' |
        grep -v '[ (,-]' | grep . |
        LC_ALL=C.UTF-8 sed 's/.*/\L&/' | LC_ALL=C.UTF-8 sort -u >"$tmp/$lang.base"
    msgunfmt "/usr/share/locale/$lang/LC_MESSAGES/iso_3166-1.mo" >"$tmp/$lang.3166.po"
    jq -r '.["3166-1"][] | .name' /usr/share/iso-codes/json/iso_3166-1.json |
        LC_ALL=C.UTF-8 sort -u >"$tmp/countries"
    sed -n '/^msgid "/{s/^msgid "\(.*\)"$/\1/;h;n;s/^msgstr "\(.*\)"$/\1/;H;x;s/\n/\t/;p;}' \
        "$tmp/$lang.3166.po" |
        LC_ALL=C.UTF-8 sort -t '	' -k1,1 |
        LC_ALL=C.UTF-8 join -t '	' "$tmp/countries" - |
        cut -f2 | grep -v '[ (,-]' | grep . |
        LC_ALL=C.UTF-8 sed 's/.*/\L&/' | LC_ALL=C.UTF-8 sort -u >"$tmp/$lang.countries"
    { while read -r w; do forms "$w" "$lang"; done <"$tmp/$lang.base"
      while read -r w; do demonyms "$w" "$lang"; done <"$tmp/$lang.countries"; } |
        LC_ALL=C.UTF-8 grep -vxF -f "$tmp/$lang.countries" | LC_ALL=C.UTF-8 sort -u >"$tmp/$lang.cand"
    # hunspell -G prints the words the dictionary accepts.
    # Forms that are common words first are dropped (candidates/<lang>/nationalities-drop.txt).
    drop=dictionaries/candidates/$lang/nationalities-drop.txt
    LC_ALL=C.UTF-8 hunspell -d "$dict" -G <"$tmp/$lang.cand" | LC_ALL=C sort -u |
        { if [ -f "$drop" ]; then grep -vxF -f "$drop"; else cat; fi; } >"$tmp/$lang.ok"
    out=rules/$lang/nationalities
    {
        echo "# Nationality adjectives and language names, which this language writes in lower"
        echo "# case (read by the capitalization pass: one capitalised after a noun, where it is"
        echo "# an adjective, is reported). GENERATED by dictionaries/build-nationalities.sh from"
        echo "# iso-codes' ISO 639 and ISO 3166-1 names and Hunspell $dict: do not edit."
        echo "# $(wc -l <"$tmp/$lang.ok") forms from $(wc -l <"$tmp/$lang.base") language names and"
        echo "# $(wc -l <"$tmp/$lang.countries") country names."
        cat "$tmp/$lang.ok"
    } >"$out"
    echo "$out: $(wc -l <"$tmp/$lang.ok") forms"
done
