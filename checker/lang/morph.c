/* morph: regular formations of known words (lang/morph.h). */
#include "lang/morph.h"

#include <stdbool.h>
#include <string.h>

#include "core/strmap.h"
#include "core/text.h"
#include "lang/lex.h"
#include "lang/split.h"

/* Longer words are not parsed: no regular formation is that long, and the buffers are
 * on the stack. */
#define MORPH_MAX_WORD 128
/* The shortest stem a prefix or enclitics may attach to, and the shortest parts of a
 * compound, in characters: a misspelling of a short word often falls apart into shorter
 * words (`bedore`: `bed` + `ore`), one of a long word rarely. */
#define MORPH_MIN_STEM 5
#define MORPH_MIN_VERB 3
#define MORPH_MIN_HEAD 3
/* A head before a linking element may be a two-letter particle (`an` + `zu` + `treiben`). */
#define MORPH_MIN_LINKED 2
#define MORPH_MIN_TAIL 4
#define MORPH_MIN_COMPOUND 7
/* The longest prefix and enclitic pronoun (or pair written as one: `glie`, `selo`), in
 * characters. */
#define MORPH_MAX_PREFIX 8
#define MORPH_MAX_ENCLITIC 5
/* Formations inside formations: `re` + `inicializar` + `lo`, `Netzwerk` + `kabel` + `los`. */
#define MORPH_MAX_DEPTH 2
/* Written stress marks that enclitics add to a verb (`quitándolo`): U+0301, the combining
 * acute accent, is how Unicode decomposes them. */
#define MORPH_STRESS_MARK 0x0301
/* The verb forms enclitics attach to as written: infinitives and gerunds. */
#define MORPH_ENCLITIC_HOSTS (TQC_POS_VINF | TQC_POS_VGER)

static bool continuation(char c) { return ((unsigned char)c & 0xC0) == 0x80; }

static size_t chars(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        c += !continuation(s[i]);
    return c;
}

/* A capitalised noun (`sicherheit` in a compound is `Sicherheit`): known to the dictionary
 * capitalised and, where the language has a lexicon, a noun there (not a name: `Abe`). */
static bool known_noun(tqc_dict *dict, const tqc_lang *lang, const char *s, size_t n)
{
    char title[MORPH_MAX_WORD * 2];
    size_t m = tqc_text_case(s, n, TQC_CASE_TITLE, title, sizeof title);
    const tqc_lex *lex = tqc_lang_lexicon(lang);
    return m && tqc_dict_known(dict, title, m) && (!lex || (tqc_lex_pos(lex, title, m) & TQC_POS_NOUN));
}

static bool lowercase_start(const char *s, size_t n)
{
    int32_t cp;
    return tqc_text_decode(s, n, &cp) && cp >= 0 && tqc_text_is_lower(cp);
}


/* Whether s may stand at one end of a formed word: not a function word, unless the
 * profile's `function-words` marks it as one that also begins words (`an-`, `sobre-`:
 * begins true) or ends them (`-lo`). A run-on such as `undwenn` or `paraservidores` is
 * two words, not a formation. With TQC_MORPH_STRICT no function word may. */
static bool joins(const tqc_lang *lang, const char *s, size_t n, bool begins, unsigned flags)
{
    if (!tqc_split_is_function_word(lang, s, n))
        return true;
    if (flags & TQC_MORPH_STRICT)
        return false;
    char mark[MORPH_MAX_WORD + 2];
    if (n + 1 >= sizeof mark)
        return false;
    if (begins) {
        memcpy(mark, s, n);
        mark[n] = '-';
    } else {
        mark[0] = '-';
        memcpy(mark + 1, s, n);
    }
    return tqc_lang_in(lang, "function-words", mark, n + 1);
}

/* A verb form enclitics attach to, as the lexicon lists it: as written, without its
 * stress mark, or with the profile's `enclitic-stem-restore` ending added back. */
static bool verb_base(const tqc_lang *lang, const char *s, size_t n)
{
    const tqc_lex *lex = tqc_lang_lexicon(lang);
    if (!lex || chars(s, n) < MORPH_MIN_VERB)
        return false;
    if (tqc_lex_pos(lex, s, n) & MORPH_ENCLITIC_HOSTS)
        return true;
    /* An imperative is a finite form: only with the stress mark the enclitic added
     * (`reemplácelo`), which a finite form with no enclitic (`importan` + `le`) lacks. */
    char buf[MORPH_MAX_WORD * 2];
    size_t m = tqc_text_drop_mark(s, n, MORPH_STRESS_MARK, buf, sizeof buf);
    if (m && m != n && (tqc_lex_pos(lex, buf, m) & (MORPH_ENCLITIC_HOSTS | TQC_POS_VFIN)))
        return true;
    const char *restore = tqc_lang_setting(lang, "enclitic-stem-restore", NULL);
    size_t r = restore ? strlen(restore) : 0;
    if (r == 0 || n + r >= sizeof buf)
        return false;
    memcpy(buf, s, n);
    memcpy(buf + n, restore, r);
    return (tqc_lex_pos(lex, buf, n + r) & MORPH_ENCLITIC_HOSTS) != 0;
}

static bool enclitic(const tqc_lang *lang, const char *w, size_t len, int depth)
{
    if (!tqc_lang_list(lang, "enclitics"))
        return false;
    size_t cut = len;
    for (size_t c = 1; c <= MORPH_MAX_ENCLITIC && cut > 0; c++) {
        do
            cut--;
        while (cut > 0 && continuation(w[cut]));
        if (!tqc_lang_in(lang, "enclitics", w + cut, len - cut))
            continue;
        if (verb_base(lang, w, cut) || (depth + 1 < MORPH_MAX_DEPTH && enclitic(lang, w, cut, depth + 1)))
            return true;
    }
    return false;
}

static bool compound(tqc_dict *dict, const tqc_lang *lang, const char *w, size_t len, int depth,
                     unsigned flags);

static bool prefixed(tqc_dict *dict, const tqc_lang *lang, const char *w, size_t len, int depth,
                     unsigned flags)
{
    if (!tqc_lang_list(lang, "prefixes"))
        return false;
    size_t cut = 0;
    for (size_t c = 1; c <= MORPH_MAX_PREFIX && cut < len; c++) {
        do
            cut++;
        while (cut < len && continuation(w[cut]));
        if (!tqc_lang_in(lang, "prefixes", w, cut) || !joins(lang, w, cut, true, flags))
            continue;
        const char *rest = w + cut;
        size_t n = len - cut;
        if (n > 0 && rest[0] == '-') {
            rest++;
            n--;
        }
        if (chars(rest, n) < MORPH_MIN_STEM || !lowercase_start(rest, n))
            continue;
        /* No chains of prefixes: `re` + `des` + `locales` is a run-on more often. */
        if (tqc_dict_known(dict, rest, n) ||
            (depth + 1 < MORPH_MAX_DEPTH && (enclitic(lang, rest, n, depth + 1) ||
                                             compound(dict, lang, rest, n, depth + 1, flags))))
            return true;
    }
    return false;
}

/* A compound's last part gives it its class. An adverb ends one only after a particle or
 * another adverb (`dorthin`, `vorbei`): a noun or a verb before it is a word of its own
 * (`Anwohner bereits`, `haben schon`). Directional adverbs that do end compounds after
 * nouns (`flussabwärts`, `bergauf`) are prepositions too, or the lexicon lacks them. */
static bool adverb_only(const tqc_lex *lex, const char *s, size_t n)
{
    const uint32_t other = TQC_POS_VERB | TQC_POS_NOUN | TQC_POS_PROPN | TQC_POS_ADJ |
                           TQC_POS_PREP | TQC_POS_DET | TQC_POS_PRON | TQC_POS_NUM;
    uint32_t pos = lex ? tqc_lex_pos(lex, s, n) : 0;
    return (pos & TQC_POS_ADV) && !(pos & other);
}

tqc_morph_pair tqc_morph_compound_pair(const tqc_lang *lang, const char *head, size_t hn,
                                       const char *tail, size_t tn)
{
    const tqc_lex *lex = tqc_lang_lexicon(lang);
    uint32_t hp = lex ? tqc_lex_pos(lex, head, hn) : 0, tp = lex ? tqc_lex_pos(lex, tail, tn) : 0;
    const uint32_t verb_forms = TQC_POS_VFIN | TQC_POS_VINF | TQC_POS_AUX;
    bool verb_only = (hp & verb_forms) && !(hp & ~verb_forms);
    if (verb_only && !(hp & TQC_POS_VINF))
        return TQC_MORPH_PAIR_FINITE_HEAD;
    if (hp && !(hp & (TQC_POS_ADV | TQC_POS_PREP)) && adverb_only(lex, tail, tn))
        return TQC_MORPH_PAIR_ADVERB_TAIL;
    /* An infinitive opens a compound only before a full verb (`kennenlernen`,
     * `Laufenlassen`; a modal or an auxiliary ends none after a verb: `machen sollen`); as
     * a noun it takes a linking element (`lebenswert`), and a verb joins an adjective by
     * its stem (`trinkfest`). */
    if (verb_only && tp && (!(tp & TQC_POS_VERB) || (tp & TQC_POS_AUX)))
        return TQC_MORPH_PAIR_INFINITIVE_HEAD;
    return TQC_MORPH_PAIR_OK;
}

/* The head of a compound before tail: a word or a capitalised noun; a noun with a
 * linking element of `compound-links` (`Sicherheits`) before a word that is no adverb
 * alone and no modal or auxiliary verb (`Mache` + `n` + `sollen` is `machen sollen`); a
 * particle (an adverb or a preposition of the lexicon: `zurück`, `an`) with one of
 * `infinitive-links` before an infinitive (`zurückzuweisen`). The pair's parts of speech
 * must allow a compound (tqc_morph_compound_pair). */
static bool compound_head(tqc_dict *dict, const tqc_lang *lang, const char *s, size_t n,
                          const char *tail, size_t tn, unsigned flags)
{
    const tqc_lex *lex = tqc_lang_lexicon(lang);
    if (tqc_morph_compound_pair(lang, s, n, tail, tn) == TQC_MORPH_PAIR_OK &&
        chars(s, n) >= MORPH_MIN_HEAD && joins(lang, s, n, true, flags) &&
        (tqc_dict_known(dict, s, n) || known_noun(dict, lang, s, n)))
        return true;
    const tqc_strmap *links = tqc_lang_list(lang, "compound-links");
    for (size_t k = 0; k < tqc_strmap_count(links); k++) {
        size_t ln;
        const char *link = tqc_strmap_key(links, k, &ln);
        if (ln < n && memcmp(s + n - ln, link, ln) == 0 && chars(s, n - ln) >= MORPH_MIN_HEAD &&
            known_noun(dict, lang, s, n - ln) && !adverb_only(lex, tail, tn) &&
            !(lex && (tqc_lex_pos(lex, tail, tn) & TQC_POS_AUX)))
            return true;
    }
    links = tqc_lang_list(lang, "infinitive-links");
    for (size_t k = 0; lex && k < tqc_strmap_count(links); k++) {
        size_t ln;
        const char *link = tqc_strmap_key(links, k, &ln);
        /* The particle is a function word as often as not (`an`, `aus`): never strict. */
        if (ln < n && memcmp(s + n - ln, link, ln) == 0 && chars(s, n - ln) >= MORPH_MIN_LINKED &&
            (tqc_lex_pos(lex, s, n - ln) & (TQC_POS_ADV | TQC_POS_PREP)) &&
            !(tqc_lex_pos(lex, s, n - ln) & TQC_POS_VERB) &&
            (tqc_lex_pos(lex, tail, tn) & TQC_POS_VINF))
            return true;
    }
    return false;
}

static bool compound(tqc_dict *dict, const tqc_lang *lang, const char *w, size_t len, int depth,
                     unsigned flags)
{
    if (!tqc_lang_yes(lang, "solid-compounds") ||
        chars(w, len) < MORPH_MIN_COMPOUND)
        return false;
    size_t head_chars = 0;
    for (size_t cut = 1; cut < len; cut++) {
        if (continuation(w[cut]))
            continue;
        if (++head_chars < MORPH_MIN_LINKED)
            continue;
        const char *tail = w + cut;
        size_t n = len - cut;
        if (chars(tail, n) < MORPH_MIN_TAIL)
            break;
        if (!(tqc_dict_known(dict, tail, n) && joins(lang, tail, n, false, flags)) &&
            !(depth + 1 < MORPH_MAX_DEPTH && compound(dict, lang, tail, n, depth + 1, flags)))
            continue;
        if (compound_head(dict, lang, w, cut, tail, n, flags) ||
            (depth + 1 < MORPH_MAX_DEPTH && prefixed(dict, lang, w, cut, depth + 1, flags)))
            return true;
    }
    return false;
}

/* A derivation of the profile's `derivations` list (`able ar`: a suffix, a space, the
 * ending of the base that it replaces, if any): the word minus the suffix, plus that
 * ending, is a word the dictionary knows that the lexicon has as an infinitive or lacks
 * (`entregables`: `entregar`, `routable`: `router`, `partitionneur`: `partitionner`). */
static bool derived(tqc_dict *dict, const tqc_lang *lang, const char *w, size_t len)
{
    const tqc_strmap *list = tqc_lang_list(lang, "derivations");
    const tqc_lex *lex = tqc_lang_lexicon(lang);
    if (!list || !lex)
        return false;
    for (size_t i = 0; i < tqc_strmap_count(list); i++) {
        size_t n;
        const char *e = tqc_strmap_key(list, i, &n);
        if (!e)
            continue;
        const char *sp = memchr(e, ' ', n);
        size_t suf = sp ? (size_t)(sp - e) : n, base = sp ? n - suf - 1 : 0;
        if (suf >= len || !lowercase_start(w, len) || memcmp(w + len - suf, e, suf) != 0)
            continue;
        char buf[MORPH_MAX_WORD * 2];
        size_t m = len - suf;
        if (m + base >= sizeof buf)
            continue;
        memcpy(buf, w, m);
        if (base)
            memcpy(buf + m, sp + 1, base);
        if (chars(buf, m + base) < MORPH_MIN_STEM)
            continue;
        /* A base the lexicon lacks may be an infinitive it misses (`partitionner`). */
        uint32_t pos = tqc_lex_pos(lex, buf, m + base);
        if ((!pos || (pos & TQC_POS_VINF)) && tqc_dict_known(dict, buf, m + base))
            return true;
    }
    return false;
}

/* The parts of speech named by tags (`NOUN,VINF`, n bytes): lex.h's bits, 0 when one is
 * no tag. */
static uint32_t pos_of_tags(const char *tags, size_t n)
{
    uint32_t pos = 0;
    for (size_t i = 0; i < n;) {
        const char *comma = memchr(tags + i, ',', n - i);
        size_t m = comma ? (size_t)(comma - (tags + i)) : n - i;
        uint32_t bit = tqc_lex_tag(tags + i, m);
        if (!bit)
            return 0;
        pos |= bit;
        i += m + 1;
    }
    return pos;
}

size_t tqc_morph_suffixed(tqc_dict *dict, const tqc_lang *lang, const char *w, size_t len,
                          char *base, size_t cap)
{
    const tqc_strmap *list = tqc_lang_list(lang, "suffixes");
    const tqc_lex *lex = tqc_lang_lexicon(lang);
    if (!list || !lex)
        return 0;
    for (size_t i = 0; i < tqc_strmap_count(list); i++) {
        size_t n;
        const char *e = tqc_strmap_key(list, i, &n);
        const char *sp1 = e ? memchr(e, ' ', n) : NULL;
        const char *sp2 = sp1 ? memchr(sp1 + 1, ' ', n - (size_t)(sp1 + 1 - e)) : NULL;
        if (!sp2)
            continue;
        size_t suf = (size_t)(sp1 - e), end = (size_t)(sp2 - sp1 - 1);
        const char *ending = sp1 + 1;
        if (end == 1 && *ending == '-')
            end = 0;
        uint32_t want = pos_of_tags(sp2 + 1, n - (size_t)(sp2 + 1 - e));
        if (!want || suf >= len || memcmp(w + len - suf, e, suf) != 0)
            continue;
        size_t m = len - suf;
        if (m + end >= cap)
            continue;
        memcpy(base, w, m);
        memcpy(base + m, ending, end);
        base[m + end] = '\0';
        if (chars(base, m + end) >= MORPH_MIN_STEM && (tqc_lex_pos(lex, base, m + end) & want) &&
            tqc_dict_known(dict, base, m + end))
            return m + end;
    }
    return 0;
}

tqc_morph_kind tqc_morph_parse(tqc_dict *dict, const tqc_lang *lang, const char *word,
                               size_t len, unsigned flags)
{
    if (len == 0 || len > MORPH_MAX_WORD)
        return TQC_MORPH_NONE;
    if (prefixed(dict, lang, word, len, 0, flags))
        return TQC_MORPH_PREFIX;
    if (enclitic(lang, word, len, 0))
        return TQC_MORPH_ENCLITIC;
    if (compound(dict, lang, word, len, 0, flags))
        return TQC_MORPH_COMPOUND;
    if (derived(dict, lang, word, len))
        return TQC_MORPH_DERIVED;
    return TQC_MORPH_NONE;
}
