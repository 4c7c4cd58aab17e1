# lexicon-apertium.awk - maps Apertium analyses to the lexicon's tags (see README.md).
# Input: `surface<TAB>analysis` lines, analysis as lt-proc writes one (`go<vblex><pri>`,
# joined analyses with `+`: `be<vbser><pri><p3><sg>+not<adv>`).
# Output: `surface<TAB>TAG` lines, one per tag; the caller sorts and merges them.
BEGIN {
    FS = "\t"
    main["n"] = "NOUN"; main["np"] = "PROPN"; main["adj"] = "ADJ"
    main["adv"] = "ADV"; main["preadv"] = "ADV"; main["postadv"] = "ADV"
    main["det"] = "DET"; main["predet"] = "DET"; main["prn"] = "PRON"; main["rel"] = "PRON"
    main["pr"] = "PREP"; main["cnjcoo"] = "CONJ"; main["cnjsub"] = "CONJ"
    # Apertium's "adverbial conjunctions" open adverbial clauses (`because`, `although`).
    main["cnjadv"] = "CONJ"
    main["num"] = "NUM"; main["ij"] = "INTJ"
    verb["vblex"] = 1; aux["vbser"] = 1; aux["vbhaver"] = 1; aux["vbmod"] = 1
    aux["vaux"] = 1; aux["vbdo"] = 1; aux["auxser"] = 1
    nonfin["inf"] = "VINF"; nonfin["infps"] = "VINF"; nonfin["ger"] = "VGER"
    nonfin["subs"] = "VGER"; nonfin["pp"] = "VPART"; nonfin["pprs"] = "VPART"
    nonfin["ppres"] = "VPART"
}
# The tags of one analysis part: `lemma<a><b>` -> "a b".
function tags_of(part,    t, out) {
    out = ""
    while (match(part, /<[^>]*>/)) {
        t = substr(part, RSTART + 1, RLENGTH - 2)
        out = out (out == "" ? "" : " ") t
        part = substr(part, RSTART + RLENGTH)
    }
    return out
}
# The contract tags of one part, space-separated ("" when none applies).
function map_part(part,    n, t, i, out, v) {
    n = split(tags_of(part), t, " ")
    if (n == 0)
        return ""
    # A common noun written capitalised (English months, weekdays) is a proper noun.
    if (t[1] == "n" && capital)
        return "PROPN"
    if (t[1] in main)
        return main[t[1]] (t[1] == "rel" && t[2] == "adv" ? " ADV" : "")
    if (!(t[1] in verb) && !(t[1] in aux))
        return ""
    v = "VFIN"
    for (i = 2; i <= n; i++)
        if (t[i] in nonfin)
            v = nonfin[t[i]]
    out = v
    if (t[1] in aux)
        out = out " AUX"
    return out
}
{
    surface = $1
    capital = surface ~ /^[A-Z]/
    if (surface == "" || surface ~ /[ #<>+]/ || $2 ~ /#/)
        next
    np = split($2, parts, "+")
    # A contracted preposition and article (`du`, `della`, `do`) is a preposition.
    if (np == 2 && tags_of(parts[1]) ~ /^pr( |$)/ && tags_of(parts[2]) ~ /^det( |$)/) {
        print surface "\tPREP"
        next
    }
    for (p = 1; p <= np; p++) {
        m = split(map_part(parts[p]), tg, " ")
        for (j = 1; j <= m; j++)
            print surface "\t" tg[j]
    }
}
