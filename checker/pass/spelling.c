/* spelling: words the dictionary does not know.
 *  - a word known only in another case (`brazilian` for `Brazilian`): a proper adjective or
 *    name written in lower case, with the known form as a fix to review; in a language that
 *    capitalises its nouns, a word known only with a capital first letter is a hint
 *    (info, no safe fix): `hochdrehen` is a verb though the dictionary knows only the
 *    noun `Hochdrehen`;
 *  - an unknown lower-case word: a warning with its suggestions (the attested words one
 *    edit away); with none of those and no form of the lexicon (nor, a letter dropped or
 *    two swapped, of the dictionaries) one edit away either, a hint (info): a slip is one edit from a word, and a word with none near it is a
 *    term or a rare word as often as a misspelling;
 *  - an unknown capitalised or mixed-case word: most probably a name the dictionary
 *    lacks (`Seaton`), so a hint (info) without suggestions, unless the evidence for a
 *    slip outweighs the evidence for a name (capital_slip: one weighing in every
 *    language, the profile's `capitalised-nouns` telling where a capital is a name's).
 * Words Hunspell's lists lack that are still words are quiet: regular formations
 * (lang/morph.h), forms of the lexicon, hyphenated words whose parts are words, the word
 * after an elided article judged alone; each unless a frequent word is one edit away
 * (near_miss: `cotiene`). What a spell checker cannot judge is a hint: a hyphenated word
 * with no part of the language (`libfoo-utils`), a word with no vowel (`dpkg`), two
 * frequent words written solid where the profile has `closed-compounds = yes`, a word
 * the text writes SPELL_TERM_USES times or more with no frequent word one edit away, and
 * a word the text shows it writes on purpose (undecided: in capitals too, a manual page or
 * a function, a piece of a host, file or code name, alone in quotation marks, before or
 * after an apostrophe of elision, opening its paragraph in lower case, in a credit line, or
 * used consistently and never the uncommon word it would be a slip of).
 * Three distinct words or more of one paragraph that would each be a warning are a passage
 * in dialect, an older spelling or another language, each a hint (settle_passage).
 * A word with a suffix of the profile's `suffixes` to a base of the lexicon is a word unless
 * a frequent word but the base is one edit away (suffixed_word); a word typeset with a
 * ligature or a curly apostrophe is its plain spelling's (plain_spelling); eye dialect is a
 * hint (elided_inside, dropped_ending). A word that is a frequent word with an accent left
 * off is a warning before any loan reading (accent_slip), and a German separable verb's
 * stem whose particle closes the clause is a word (separated_verb).
 * A compound written with a hyphen more or less than the dictionary or the lexicon writes
 * it (`teen-ager`, `wornout`: tqc_ctx_compound_variant) and a word or two-word phrase of the
 * language's list of rarer words (tqc_lang_rare, English from WordNet and SCOWL: `glamor`, `nolo
 * contendere`) are hints: variant spellings, rare words and loan phrases far more often
 * than slips, which the editor still sees.
 * Tokens that are not words (URLs, e-mail addresses, handles, hashtags, numbers) and
 * words with digits, inner periods (`U.S`) or all in capitals (acronyms) are left alone,
 * and so is a word missing-space or untranslated reported (those passes run first).
 * Regional varieties: in a document whose language has no region (`en`, not `en-GB`),
 * a word unknown to its dictionary that another variety's dictionary knows (the
 * profile's `varieties`, `programme` in en_GB) is that variety's, not a misspelling.
 * When the document also uses words only the default variety knows (`program`), the
 * mixture is reported once, as info, naming which variety most of the text is in. A
 * document whose region is configured (`--lang en-GB`) gets that variety's dictionary
 * and no such leniency. A lower-case word unknown to the document's dictionary that a
 * language of the profile's `loan-languages` knows (English `kernel` in Portuguese) is a
 * hint that names it: a loanword as often as a word left untranslated. Suggestions cost
 * about a millisecond a word (lang/dict.h), so each distinct word is looked up once per
 * document and at most SPELL_MAX_SUGGESTED distinct words get them. */
#include "pass/pass.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/arena.h"
#include "lang/langid.h"
#include "lang/lex.h"
#include "lang/morph.h"
#include "lang/split.h"
#include "core/strmap.h"
#include "core/text.h"

/* Suggestions asked for and kept per word. */
#define SPELL_SUGGESTIONS 5
/* Distinct words per document that get suggestions (about a millisecond each, cached per
 * dictionary): a huge document of unknown words must not take minutes. */
#define SPELL_MAX_SUGGESTED 256
#define SPELL_MAX_WORD 256
/* Distinct words per document checked for a frequent word one edit away before they are
 * accepted as a formation (near_miss: the same cached search, about a millisecond a word). */
#define SPELL_MAX_FORMED 2048
/* The shortest part of a solid compound, in characters (compound_reading). */
#define SPELL_MIN_PART 4
/* How far apart (bytes) one slip of the keyboard puts the letter trigrams no word of the
 * language has (lang/lex.h: a letter added, dropped, changed or two swapped touches the
 * trigrams of three neighbouring places at most). */
#define SPELL_SLIP_SPREAD 2
/* The shortest part of a term made of a loan language's words (loan_compound): `web`. */
#define SPELL_MIN_LOAN_PART 3
/* A word the article writes this often, the same way each time, with no frequent word one
 * edit away, is a term of the article (`hypervisor`), not a slip of the keyboard. */
#define SPELL_TERM_USES 3
/* The longest word one edit from a common word whatever its letters (undecided). */
#define SPELL_SHORT_CHARS 3
/* The longest particle of a name (`van`, `te`, `dos`), in characters (undecided). */
#define SPELL_PARTICLE_CHARS 3
/* Code points of a word slip_of_word compares. */
#define SPELL_MAX_CPS 64
/* A word the article writes this often and never a word it would be a slip of (one of
 * its suggestions) is written so on purpose (undecided). */
#define SPELL_CONSISTENT_USES 2
/* A word seen once in this many words of the frequency list or more is common (common). */
#define SPELL_COMMON_PER 20000
/* Regional varieties of a language weighed against its default one. */
#define SPELL_MAX_VARIETIES 4
/* Distinct words the dictionary lacks, each worth a warning, within SPELL_PASSAGE_BYTES of
 * one paragraph, from which they are a passage written so on purpose (settle_passage): a
 * slip is rare, three close together are dialect, an older spelling or another language
 * (`vittels`, `wagun`). The span is about two lines of prose (undecided). */
/* The longest unknown word with a period after it read as an abbreviation (undecided). */
#define SPELL_ABBREVIATION_CHARS 4
/* The shortest capitalised word noun_slip takes for a noun misspelt, in characters: a
 * shorter one is one edit from many nouns, and an acronym written so as often (`Nat`). */
#define SPELL_NOUN_SLIP_CHARS 5
/* The most letters an apostrophe inside a word stands for in eye dialect (`bar'l`: `re`,
 * `cap'n`: `tai`) (elided_inside). */
#define SPELL_ELIDED_CHARS 3
/* The shortest stem before a dropped ending (`goin`: `go`), in characters (dropped_ending). */
#define SPELL_DROPPED_STEM 2
#define SPELL_PASSAGE_WORDS 3
#define SPELL_PASSAGE_BYTES 160

/* The suggestions made for one distinct word of the document. */
typedef struct spell_entry {
    char *list[SPELL_SUGGESTIONS];
    size_t count;
    signed char slip;   /* slip_of_word's answer for the word; -1 until asked */
    bool compound;      /* list's last is a mending of our own (compound_slip, edit_candidate) */
    bool compound_asked; /* compound_slip was asked about the word */
    signed char reading; /* rank_by_slip's best slip_kind for the word */
} spell_entry;

/* Another regional variety of the document's language, and the words only it knows. */
typedef struct spell_variety {
    const char *code;         /* `en-GB`, in the profile's `varieties` value */
    size_t code_len;
    tqc_dict *dict;           /* borrowed from ctx->langs */
    size_t words;             /* tokens only this variety knows */
    size_t first;             /* the first of them */
} spell_variety;

typedef struct spell_run {
    const tqc_ctx *ctx;
    tqc_span_index run_ons;   /* what missing-space reported: not reported again */
    tqc_span_index foreign;   /* clauses untranslated reported: their words are not ours */
    spell_variety varieties[SPELL_MAX_VARIETIES];
    size_t variety_count;
    const char *default_code; /* the variety the document's dictionary is */
    size_t default_len;
    struct {
        tqc_dict *dict;       /* borrowed from ctx->langs */
        const char *name;     /* `English` */
    } loans[SPELL_MAX_VARIETIES];
    size_t loan_count;
    size_t near_asked;        /* distinct words near_miss asked, at most SPELL_MAX_FORMED */
    tqc_strmap *near;         /* word -> near_miss's answer (1: a frequent word is near) */
    tqc_strmap *no_accent;    /* words accent_slip found no accented word for */
    tqc_strmap *uses;         /* lower-case word the dictionary lacks -> its tokens */
    tqc_strmap *forms;        /* every word as written -> its tokens */
    tqc_strmap *seen;         /* word -> index into entries */
    spell_entry *entries;
    size_t count, cap;
    size_t sentence_open;     /* the last token opening a sentence, up to the one checked */
    /* beside_code's last paragraph, tokens [code_from, code_to), and what it holds: code
     * (SIZE_MAX) or how many vowelless unknown words; asked once a paragraph, not once a
     * word (a paragraph of a megabyte was quadratic). */
    size_t code_from, code_to, code_marks;
    /* findings of the paragraph for words no typical slip makes (check_token), to be
     * hints once settle_passage has counted them */
    size_t atypical[SPELL_MAX_SUGGESTED];
    size_t atypical_count;
} spell_run;

static void run_free(spell_run *r)
{
    tqc_strmap_free(r->uses);
    tqc_strmap_free(r->forms);
    tqc_strmap_free(r->near);
    tqc_strmap_free(r->no_accent);
    for (size_t i = 0; i < r->count; i++)
        tqc_dict_free_suggestions(r->entries[i].list, r->entries[i].count);
    free(r->entries);
    tqc_strmap_free(r->seen);
}

/* How typical a slip turns a suggestion into the written word (slip_kind): how good a
 * reading of it as that word misspelt is. A slip drops a letter, doubles one, swaps two,
 * writes one for another (a key beside it, a letter of the same sound), adds a vowel or
 * the key beside a letter or leaves off an accent, and rarely touches the first letter. A
 * written word one edit from a word by none of
 * these (`pibe` beside `pie`: a `b` no neighbouring key puts there; `chipá`: an accent
 * typed on purpose, no slip of `chips`) is a rare, regional or borrowed word as often as a
 * slip. */
typedef enum {
    SLIP_ATYPICAL = 0,  /* an edit no slip makes as a rule */
    SLIP_TYPICAL,       /* a letter dropped, swapped, changed, or a key beside added */
    SLIP_DOUBLE,        /* a double letter written single, or a letter written twice */
    SLIP_ACCENT         /* the same letters but for their marks */
} slip_kind;

/* The letter cp without its marks (`é`: `e`), lower case. */
static int32_t bare_letter(int32_t cp)
{
    char enc[8], bare[16];
    size_t n = tqc_text_encode(cp, enc);
    size_t bn = n ? tqc_text_drop_mark(enc, n, -1, bare, sizeof bare) : 0;
    int32_t b = cp;
    if (bn)
        tqc_text_decode(bare, bn, &b);
    return b;
}

/* Where the letter cp sits on the keyboard the profile's `keyboard` draws (its rows from
 * the top, apart by spaces): *row and *col; false when it is not there. */
static bool key_of(const char *rows, int32_t cp, int *row, int *col)
{
    int r = 0, c = 0;
    for (size_t i = 0; rows[i];) {
        int32_t k;
        size_t n = tqc_text_decode(rows + i, strlen(rows + i), &k);
        if (!n)
            return false;
        i += n;
        if (k == ' ') {
            r++;
            c = 0;
            continue;
        }
        if (k == cp) {
            *row = r;
            *col = c;
            return true;
        }
        c++;
    }
    return false;
}

/* Whether letters a and b are keys side by side, or touching across two rows (each row
 * set half a key right of the one above). */
static bool keys_touch(const char *rows, int32_t a, int32_t b)
{
    int ra, ca, rb, cb;
    if (!rows || !key_of(rows, a, &ra, &ca) || !key_of(rows, b, &rb, &cb))
        return false;
    if (ra == rb)
        return ca - cb == 1 || cb - ca == 1;
    if (ra + 1 == rb)
        return cb == ca || cb == ca - 1;
    if (rb + 1 == ra)
        return ca == cb || ca == cb - 1;
    return false;
}

#define SLIP_MAX_CPS SPELL_MAX_CPS

/* The word s (lower-cased) as code points into cp; how many, or 0 when too long. */
static size_t code_points(const char *s, size_t len, int32_t *cp, size_t cap)
{
    char low[SPELL_MAX_WORD * 2 + 1];
    size_t ln = tqc_text_case(s, len, TQC_CASE_LOWER, low, sizeof low), n = 0;
    for (size_t i = 0; ln && i < ln && n < cap;) {
        size_t w = tqc_text_decode(low + i, ln - i, &cp[n]);
        if (!w)
            return 0;
        i += w;
        n++;
    }
    return n < cap ? n : 0;
}

/* What slip turns the suggestion g into the written word s, by the profile's `keyboard`
 * and `vowels`; a language with no keyboard drawn, or an edit of more than one letter,
 * counts as typical (nothing to weigh it by). */
static slip_kind slip_kind_of(const tqc_lang *lang, const char *s, size_t len, const char *g)
{
    const char *rows = tqc_lang_setting(lang, "keyboard", NULL);
    int32_t w[SLIP_MAX_CPS], m[SLIP_MAX_CPS];
    size_t wn = code_points(s, len, w, SLIP_MAX_CPS), mn = code_points(g, strlen(g), m,
                                                                        SLIP_MAX_CPS);
    if (!wn || !mn)
        return SLIP_TYPICAL;
    size_t i = 0;
    while (i < wn && i < mn && w[i] == m[i])
        i++;
    /* a slip rarely touches a word's first letter, a capital least (`Lummus`: `Hummus`) */
    if (i == 0 && wn && mn && bare_letter(w[0]) != bare_letter(m[0]))
        return SLIP_ATYPICAL;
    if (wn == mn) {
        size_t j = i + 1;
        while (j < wn && w[j] == m[j])
            j++;
        if (i == wn)
            return SLIP_ACCENT; /* (case only: no slip to weigh) */
        if (j == wn) {
            /* one letter changed */
            if (bare_letter(w[i]) == bare_letter(m[i]))
                return SLIP_ACCENT;
            /* A marked letter is typed on purpose: no slip for another letter. Any other
             * letter for another is a slip as often (a key beside, a letter of the same
             * sound: `offise`, a vowel for a vowel). */
            return bare_letter(w[i]) != w[i] ? SLIP_ATYPICAL : SLIP_TYPICAL;
        }
        return SLIP_TYPICAL; /* two swapped, or more than one edit */
    }
    if (wn + 1 == mn) {
        /* a letter of the word left out: doubled in the word, a double written single */
        return (i > 0 && m[i] == m[i - 1]) || (i + 1 < mn && m[i] == m[i + 1]) ? SLIP_DOUBLE
                                                                               : SLIP_TYPICAL;
    }
    if (wn == mn + 1) {
        /* a letter more: was it a key's twin or its neighbour's? */
        if (memcmp(w + i + 1, m + i, (mn - i) * sizeof *m) != 0)
            return SLIP_TYPICAL;
        if ((i > 0 && w[i] == w[i - 1]) || (i + 1 < wn && w[i] == w[i + 1]))
            return SLIP_DOUBLE;
        if (bare_letter(w[i]) != w[i])
            return SLIP_ATYPICAL;
        /* a vowel more is how a word is spelt by its sound or its parts (`takeing`) */
        const char *vowels = tqc_lang_setting(lang, "vowels", NULL);
        if (!rows || (vowels && w[i] < 0x80 && w[i] != ' ' && strchr(vowels, (int)w[i])))
            return SLIP_TYPICAL;
        int32_t x = bare_letter(w[i]);
        return (i > 0 && keys_touch(rows, x, bare_letter(w[i - 1]))) ||
                       (i + 1 < wn && keys_touch(rows, x, bare_letter(w[i + 1])))
                   ? SLIP_TYPICAL : SLIP_ATYPICAL;
    }
    return SLIP_TYPICAL;
}

/* Whether the suggestion g is the word s with an ending of the profile's `suffixes` more
 * (`Hafenbehörde`: `Hafenbehörden`) and s a compound of words (lang/morph.h): s is
 * then another form of g's compound, which the dictionary lacks, not its slip. */
static bool inflected_compound(spell_run *r, const char *s, size_t len, const char *g)
{
    size_t gn = strlen(g);
    if (gn <= len || memcmp(g, s, len) != 0)
        return false;
    const tqc_strmap *suffixes = tqc_lang_list(r->ctx->lang, "suffixes");
    bool ending = false;
    for (size_t i = 0; i < tqc_strmap_count(suffixes) && !ending; i++) {
        size_t kn;
        const char *key = tqc_strmap_key(suffixes, i, &kn);
        size_t en = strcspn(key, " \t");
        ending = en == gn - len && !memcmp(key, g + len, en);
    }
    return ending &&
           tqc_morph_parse(r->ctx->dict, r->ctx->lang, s, len, 0) == TQC_MORPH_COMPOUND;
}

/* Orders e's suggestions for s by how typical a slip makes s of each (slip_kind_of: an
 * accent, a double letter, any other typical slip, then the rest), the frequency order
 * kept within each kind, and no slip at all another form of a compound the word is
 * (inflected_compound); returns the best kind, SLIP_ATYPICAL when e has none. */
static slip_kind rank_by_slip(spell_run *r, const char *s, size_t len, spell_entry *e)
{
    slip_kind kind[SPELL_SUGGESTIONS], best = SLIP_ATYPICAL;
    size_t n = e->count - (e->compound ? 1 : 0);
    for (size_t i = 0; i < n; i++) {
        kind[i] = strpbrk(e->list[i], " -") ? SLIP_TYPICAL
                  : inflected_compound(r, s, len, e->list[i])
                      ? SLIP_ATYPICAL
                      : slip_kind_of(r->ctx->lang, s, len, e->list[i]);
        if (kind[i] > best)
            best = kind[i];
    }
    /* a stable insertion sort: five words at most */
    for (size_t i = 1; i < n; i++)
        for (size_t j = i; j > 0 && kind[j] > kind[j - 1]; j--) {
            char *t = e->list[j];
            e->list[j] = e->list[j - 1];
            e->list[j - 1] = t;
            slip_kind k = kind[j];
            kind[j] = kind[j - 1];
            kind[j - 1] = k;
        }
    return best;
}

/* The suggestions for word, asked of Hunspell on its first occurrence; NULL when out
 * of memory or past the per-document budget. */
static spell_entry *suggestions(spell_run *r, const char *word, size_t len)
{
    uint64_t index;
    if (r->seen && tqc_strmap_get(r->seen, word, len, &index))
        return &r->entries[index];
    if (r->count == SPELL_MAX_SUGGESTED)
        return NULL;
    if (!r->seen && !(r->seen = tqc_strmap_new()))
        return NULL;
    if (r->count == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 8;
        spell_entry *grown = tqc_realloc(r->entries, cap * sizeof *grown);
        if (!grown)
            return NULL;
        r->entries = grown;
        r->cap = cap;
    }
    spell_entry *e = &r->entries[r->count];
    e->count = tqc_dict_suggest(r->ctx->dict, word, len, e->list, SPELL_SUGGESTIONS);
    e->slip = -1;
    e->compound = e->compound_asked = false;
    e->reading = (signed char)rank_by_slip(r, word, len, e);
    if (!tqc_strmap_put(r->seen, word, len, r->count)) {
        tqc_dict_free_suggestions(e->list, e->count);
        return NULL;
    }
    return &r->entries[r->count++];
}

/* In a language that capitalises its nouns (profile `capitalised-nouns = yes`), whether
 * fixed is word (lower case) with only its first letter capitalised: a noun, whose
 * lower-case twin is as often a verb or adjective the dictionary lacks as a noun
 * written wrong (MQM evaluation, issue 5: every such warning on German TED talks
 * rated error-free was a verb, an adjective or an interjection). */
static bool noun_form(const tqc_ctx *ctx, const char *word, size_t len, const char *fixed,
                      size_t fl)
{
    if (!tqc_lang_yes(ctx->lang, "capitalised-nouns"))
        return false;
    int32_t a, b;
    size_t na = tqc_text_decode(word, len, &a), nb = tqc_text_decode(fixed, fl, &b);
    return na && nb && len - na == fl - nb && memcmp(word + na, fixed + nb, len - na) == 0 &&
           tqc_text_is_upper(b);
}


/* Whether word (lower case) reads as two words of the document's dictionary, each at
 * least min_part characters, seen in the language's frequency list and neither a
 * function word, the reading written to *out. */
static bool two_words(const tqc_ctx *ctx, const char *s, size_t len, size_t min_part,
                      tqc_split *out)
{
    tqc_split sp[4];
    size_t n = tqc_split_find(ctx->dict, ctx->lang, s, len, sp, 4);
    for (size_t i = 0; i < n; i++) {
        if (sp[i].count != 2)
            continue;
        bool ok = true;
        for (size_t j = 0; j < 2 && ok; j++)
            ok = sp[i].part[j].chars >= min_part && !sp[i].part[j].function &&
                 sp[i].part[j].freq > 0;
        if (ok) {
            *out = sp[i];
            return true;
        }
    }
    return false;
}

/* Whether word (lower case) is a solid compound (`knuckleball`): two words of SPELL_MIN_PART
 * characters or more (two_words), the reading written to *out. Only
 * where the profile has `closed-compounds = yes` (English writes some compounds solid; the
 * Romance languages do not, and there a misspelling splits into rare words: `fera mentas`);
 * shorter or unseen parts would split too many misspellings (`bedore`, `acct ions`). */
static bool compound_reading(const tqc_ctx *ctx, const char *s, size_t len, tqc_split *out)
{
    return tqc_lang_yes(ctx->lang, "closed-compounds") &&
           two_words(ctx, s, len, SPELL_MIN_PART, out);
}

/* Whether the dictionary knows a frequent word one edit from word (a suggestion of
 * tqc_dict_suggest that is one word): then word is that word misspelt as often as a
 * formation or a form of the lexicon (`cotiene` for `contiene`, not `co` + `tiene`). */
static bool near_miss(spell_run *r, const char *s, size_t len)
{
    uint64_t known;
    if (tqc_strmap_get(r->near, s, len, &known))
        return known != 0;
    /* Past the budget, a warning rather than an unchecked acceptance. */
    if (r->near_asked == SPELL_MAX_FORMED)
        return true;
    r->near_asked++;
    char *list[SPELL_SUGGESTIONS];
    size_t n = tqc_dict_suggest(r->ctx->dict, s, len, list, SPELL_SUGGESTIONS);
    bool near = false;
    for (size_t i = 0; i < n && !near; i++)
        near = !strpbrk(list[i], " -");
    tqc_dict_free_suggestions(list, n);
    /* Remembered so that a word the text repeats is asked once; out of memory, asked again. */
    if (r->near || (r->near = tqc_strmap_new()) != NULL)
        (void)tqc_strmap_put(r->near, s, len, near);
    return near;
}

/* Code points in s (len bytes). */
static size_t chars_of(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}

/* Whether w is a form of the lexicon, or a word of the document's dictionary or of a
 * regional variety's (`gross` in Swiss German): asked of Hunspell for the few deletions
 * and swaps of a word only (slip_of_word). */
static bool known_near(spell_run *r, const tqc_lex *lex, const char *w, size_t n)
{
    if (tqc_lex_pos(lex, w, n) || tqc_dict_known(r->ctx->dict, w, n))
        return true;
    for (size_t v = 0; v < r->variety_count; v++)
        if (r->varieties[v].dict && tqc_dict_known(r->varieties[v].dict, w, n))
            return true;
    return false;
}

typedef struct near_ask {
    spell_run *r;
    const tqc_lex *lex;
} near_ask;

static bool known_edit(void *ctx, const char *w, size_t n, bool swap)
{
    near_ask *a = ctx;
    (void)swap;
    return known_near(a->r, a->lex, w, n);
}

/* Whether the lexicon lists a form one edit from the unknown lower-case word s (a letter
 * of the dictionary's TRY inserted or changed, a letter deleted or two neighbours
 * swapped; the dictionaries are asked too, see known_near), or a name a case away: then
 * s may be its slip (`recieved`, `microsoft`); with none, s is a term, a name or a rare
 * word as often as a misspelling (`hashmap`, `nitrotoluene`). Hash lookups only, no
 * Hunspell search. Without a lexicon, or a word too long to vary, true. */
static bool slip_of_word(spell_run *r, const char *s, size_t len)
{
    near_ask a = {.r = r, .lex = tqc_lang_lexicon(r->ctx->lang)};
    char title[SPELL_MAX_WORD * 2 + 8];
    if (!a.lex || len >= SPELL_MAX_WORD || chars_of(s, len) > SPELL_MAX_CPS)
        return true;
    size_t tn = tqc_text_case(s, len, TQC_CASE_TITLE, title, sizeof title);
    return (tn && known_near(r, a.lex, title, tn)) ||
           tqc_dict_each_edit(r->ctx->dict, s, len, known_edit, &a);
}

/* slip_of_word for the text of token k (s, len bytes), walked once per form and run. */
static bool token_slip(spell_run *r, size_t k, const char *s, size_t len)
{
    tqc_word *w = tqc_ctx_word(r->ctx, k);
    if (w && w->slip)
        return w->slip == 1;
    bool slip = slip_of_word(r, s, len);
    if (w)
        w->slip = slip ? 1 : 2;
    return slip;
}

/* Whether s is a base word of the lexicon with a suffix of the profile's `suffixes`
 * (`schoolers`, `bashings`, `tastierine`) and no frequent word one edit away but that base:
 * a suffix of one letter or two puts every such word one edit from its base, which is no
 * sign of a slip; another word that near is (`happyness`: `happiness`). */
static bool suffixed_word(spell_run *r, const char *s, size_t len)
{
    char base[SPELL_MAX_WORD * 2 + 1];
    size_t bn = tqc_morph_suffixed(r->ctx->dict, r->ctx->lang, s, len, base, sizeof base);
    if (!bn)
        return false;
    char *list[SPELL_SUGGESTIONS];
    size_t n = tqc_dict_suggest(r->ctx->dict, s, len, list, SPELL_SUGGESTIONS);
    bool slip = false;
    for (size_t i = 0; i < n && !slip; i++)
        slip = !strpbrk(list[i], " -") && strcmp(list[i], base) != 0;
    tqc_dict_free_suggestions(list, n);
    return !slip;
}

/* A word Hunspell's lists lack that is still a word: a regular formation of known words
 * (lang/morph.h: `reconfigurar`, `configurarlo`, `sicherheitsbezogen`), or a form the
 * lexicon lists (`removible`); in neither case one edit from a frequent word. */
static bool formed_word(spell_run *r, const char *s, size_t len, bool lexicon)
{
    const tqc_lex *lex = tqc_lang_lexicon(r->ctx->lang);
    tqc_morph_kind kind = tqc_morph_parse(r->ctx->dict, r->ctx->lang, s, len, 0);
    /* A form of the lexicon one edit from its own base only is as regular (`módems`). */
    if (kind == TQC_MORPH_NONE)
        return suffixed_word(r, s, len) ||
               (lexicon && lex && tqc_lex_pos(lex, s, len) && !near_miss(r, s, len));
    if (kind == TQC_MORPH_DERIVED && lex && near_miss(r, s, len)) {
        /* A derivation is one edit from its own infinitive as often as not (`-eur`,
         * `-er`: `partitionneur`): only a word near it that the lexicon has and not as
         * an infinitive makes it a slip (`configurabla`). (tqc_dict_suggest is cached:
         * asked again, it costs a lookup.) */
        char *list[SPELL_SUGGESTIONS];
        size_t n = tqc_dict_suggest(r->ctx->dict, s, len, list, SPELL_SUGGESTIONS);
        bool slip = false;
        for (size_t i = 0; i < n && !slip; i++) {
            uint32_t pos = tqc_lex_pos(lex, list[i], strlen(list[i]));
            slip = !strpbrk(list[i], " -") && pos && !(pos & TQC_POS_VINF);
        }
        tqc_dict_free_suggestions(list, n);
        return !slip;
    }
    return !near_miss(r, s, len);
}

typedef enum { PIECE_UNKNOWN, PIECE_OWN, PIECE_LOAN, PIECE_FOREIGN } piece_verdict;

/* A piece of a word (a part between hyphens, the word after an elided article): a word
 * of the document's language, a prefix or regular formation of it, or a word of a loan
 * language (*loan gets which). */
static piece_verdict judge_piece(spell_run *r, const char *s, size_t n, size_t *loan)
{
    const tqc_ctx *ctx = r->ctx;
    if (n == 0 || tqc_dict_known(ctx->dict, s, n) || tqc_lang_in(ctx->lang, "prefixes", s, n) ||
        formed_word(r, s, n, true))
        return PIECE_OWN;
    for (size_t i = 0; i < r->loan_count; i++) {
        if (tqc_dict_known(r->loans[i].dict, s, n)) {
            *loan = i;
            return PIECE_LOAN;
        }
    }
    return PIECE_UNKNOWN;
}

/* A lower-case word with inner hyphens (`semi-automatizados`, `hot-swap`) judged by its
 * parts, which Hunspell does not do for every language: every part the language's, or
 * some a loan language's (*loan gets the first). PIECE_UNKNOWN when a part is neither,
 * PIECE_FOREIGN when besides no part is the language's (`libnss-ldap`). */
static piece_verdict judge_hyphenated(spell_run *r, const char *s, size_t len,
                                      size_t *loan)
{
    size_t own = 0, unknown = 0, loans = 0;
    for (size_t i = 0; i <= len;) {
        const char *hy = memchr(s + i, '-', len - i);
        size_t n = hy ? (size_t)(hy - (s + i)) : len - i;
        size_t which = 0;
        piece_verdict v = judge_piece(r, s + i, n, &which);
        own += v == PIECE_OWN;
        unknown += v == PIECE_UNKNOWN;
        if (v == PIECE_LOAN && loans++ == 0)
            *loan = which;
        i += n + 1;
    }
    /* A part nothing knows beside a loan language's word (`nvidia-driver`,
     * `apparmor-profiles-extra` in Spanish): a name built of that language's words. */
    if (unknown)
        return own && !loans ? PIECE_UNKNOWN : PIECE_FOREIGN;
    return loans ? PIECE_LOAN : PIECE_OWN;
}

/* Whether the hyphenated word s, whose parts judge_hyphenated found some of the language's
 * and some unknown, has each unknown part SPELL_MIN_PART characters or more, no frequent
 * word one edit from it and no other casing the dictionary knows (*at, *n: the first such
 * part). */
static bool coined_part(spell_run *r, const char *s, size_t len, size_t *at, size_t *n)
{
    bool any = false;
    for (size_t i = 0; i <= len;) {
        const char *hy = memchr(s + i, '-', len - i);
        size_t m = hy ? (size_t)(hy - (s + i)) : len - i;
        size_t loan = 0;
        char cased[SPELL_MAX_WORD * 2 + 1];
        if (judge_piece(r, s + i, m, &loan) == PIECE_UNKNOWN) {
            /* a name in lower case (`debian-installer`) is told as one below */
            if (chars_of(s + i, m) < SPELL_MIN_PART || near_miss(r, s + i, m) ||
                tqc_dict_case_variant(r->ctx->dict, s + i, m, cased, sizeof cased))
                return false;
            if (!any) {
                *at = i;
                *n = m;
            }
            any = true;
        }
        i += m + 1;
    }
    return any;
}

/* Whether word has a letter and none of the profile's `vowels` (accents dropped):
 * an abbreviation or a code (`dpkg`, `nfs`), unless one edit from a frequent word (the
 * caller asks near_miss: `whvch`). */
static bool vowelless(const tqc_lang *lang, const char *s, size_t len)
{
    const char *vowels = tqc_lang_setting(lang, "vowels", NULL);
    char bare[SPELL_MAX_WORD * 2 + 1];
    size_t n = vowels ? tqc_text_drop_mark(s, len, -1, bare, sizeof bare) : 0;
    if (n < 2)
        return false;
    for (size_t i = 0; i < n; i++)
        if (strchr(vowels, bare[i]) && bare[i] != ' ')
            return false;
    return true;
}

/* Whether s is a word of the dictionary and a clitic the lexicon lists after its last
 * apostrophe (`today'll`, `anybody'd`): a contraction Hunspell does not form. */
static bool contraction(const tqc_ctx *ctx, const char *s, size_t len)
{
    const tqc_lex *lex = tqc_lang_lexicon(ctx->lang);
    for (size_t i = len; lex && i-- > 1;) {
        size_t w = s[i] == '\'' ? 1
                   : (i + 2 < len && (unsigned char)s[i] == 0xE2 &&
                      (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0x99) ? 3 : 0;
        if (!w)
            continue;
        char tail[16];
        size_t tn = len - i - w;
        if (tn == 0 || tn + 2 > sizeof tail)
            return false;
        tail[0] = '\'';
        memcpy(tail + 1, s + i + w, tn);
        return (tqc_lex_pos(lex, tail, tn + 1) & (TQC_POS_AUX | TQC_POS_VFIN)) &&
               tqc_dict_known(ctx->dict, s, i);
    }
    return false;
}

/* Whether s has a letter and no lower-case letter: an acronym (`RAID`). */
static bool all_capitals(const char *s, size_t len)
{
    bool letter = false;
    for (size_t i = 0; i < len;) {
        int32_t c;
        size_t n = tqc_text_decode(s + i, len - i, &c);
        if (!n)
            return false;
        if (tqc_text_is_lower(c))
            return false;
        letter = letter || tqc_text_is_upper(c);
        i += n;
    }
    return letter;
}

/* Whether word (lower case) reads as two words of loan language i, each at
 * least SPELL_MIN_LOAN_PART characters and seen in its frequency list, with no frequent
 * word of the document's language one edit away: a term built of another language's
 * words (`localhost`, `hotplug`), the reading written to parts. A misspelling of the
 * document's language rarely splits into frequent words of another one. */
static bool loan_compound(spell_run *r, size_t i, const char *s, size_t len, char *parts,
                          size_t cap)
{
    tqc_split sp[4];
    size_t n = tqc_split_find(r->loans[i].dict, r->ctx->lang, s, len, sp, 4);
    for (size_t j = 0; j < n; j++) {
        /* Two parts: three short ones fit too many letter strings (`port map per`). */
        bool ok = sp[j].count == 2;
        for (size_t p = 0; p < sp[j].count && ok; p++)
            ok = sp[j].part[p].chars >= SPELL_MIN_LOAN_PART && sp[j].part[p].freq > 0;
        if (ok && tqc_split_format(s, &sp[j], parts, cap))
            return !near_miss(r, s, len);
    }
    return false;
}

static void emit_loan(const spell_run *r, const tqc_token *t, size_t i)
{
    const tqc_ctx *ctx = r->ctx;
    size_t len = tqc_span_len(t->span);
    /* `kernel`, `firewall` in a Portuguese article: a loanword as often as a word left
     * untranslated, and no misspelling either way. */
    tqc_emit(ctx->out, ctx->pass->id, TQC_SEV_INFO, t->span, "'%.*s' is %s: a loanword, or "
             "left untranslated?", (int)len, tqc_doc_at(ctx->doc, t->span), r->loans[i].name);
}

/* Whether the document writes s exactly so somewhere (r->forms). */
static bool written(const spell_run *r, const char *s, size_t len)
{
    return tqc_strmap_get(r->forms, s, len, NULL);
}

/* Whether the character at p (before end) is a lower-case letter. */
static bool is_lower_at(const char *p, const char *end)
{
    int32_t c;
    return tqc_text_decode(p, (size_t)(end - p), &c) && c >= 0 && tqc_text_is_lower(c);
}

/* Whether the bytes at p (up to end) are an apostrophe: ' or U+2019. */
static size_t apostrophe_at(const char *p, const char *end)
{
    if (p < end && *p == '\'')
        return 1;
    return end - p >= 3 && (unsigned char)p[0] == 0xE2 && (unsigned char)p[1] == 0x80 &&
                   (unsigned char)p[2] == 0x99 ? 3 : 0;
}

/* Whether a single-quote mark opens a quotation earlier in token k's sentence (a mark
 * after a space or at its start, a word right after it): then an apostrophe after k may
 * close that quotation rather than mark letters left out. */
static bool single_quote_open(const tqc_ctx *ctx, size_t k)
{
    const tqc_doc *doc = ctx->doc;
    for (size_t j = k; j-- > 0;) {
        const tqc_token *t = &doc->tokens[j];
        const char *p = tqc_doc_at(doc, t->span);
        if (t->kind == TQC_TOK_PUNCT && j + 1 <= k &&
            (apostrophe_at(p, p + tqc_span_len(t->span)) ||
             (tqc_span_len(t->span) == 3 && (unsigned char)p[0] == 0xE2 &&
              (unsigned char)p[1] == 0x80 && (unsigned char)p[2] == 0x98)) &&
            ((t->flags & TQC_TF_SPACE_BEFORE) || j == 0) &&
            !(doc->tokens[j + 1].flags & TQC_TF_SPACE_BEFORE))
            return true;
        if (t->flags & TQC_TF_SENT_START)
            break;
    }
    return false;
}

/* Whether token k's word has an apostrophe glued before it after a space (`'fraid`,
 * `’bout`) that no single-quote mark closes later in its sentence (a mark glued after a
 * word and before a space or a mark): letters left out on purpose, not a quotation. */
static bool elided_start(const tqc_ctx *ctx, size_t k)
{
    const tqc_doc *doc = ctx->doc;
    if (k == 0 || (doc->tokens[k].flags & (TQC_TF_SPACE_BEFORE | TQC_TF_SENT_START)))
        return false;
    const tqc_token *a = &doc->tokens[k - 1];
    const char *p = tqc_doc_at(doc, a->span);
    size_t n = tqc_span_len(a->span);
    if (a->kind != TQC_TOK_PUNCT || n == 0 || apostrophe_at(p, p + n) != n ||
        !(k - 1 == 0 || (a->flags & (TQC_TF_SPACE_BEFORE | TQC_TF_PARA_START))))
        return false;
    for (size_t j = k + 1; j < doc->token_count; j++) {
        const tqc_token *c = &doc->tokens[j];
        if (c->sentence != doc->tokens[k].sentence)
            break;
        const char *q = tqc_doc_at(doc, c->span);
        size_t m = tqc_span_len(c->span);
        if (c->kind == TQC_TOK_PUNCT && m && apostrophe_at(q, q + m) == m &&
            !(c->flags & TQC_TF_SPACE_BEFORE) &&
            (j + 1 == doc->token_count || doc->tokens[j + 1].kind == TQC_TOK_PUNCT ||
             (doc->tokens[j + 1].flags & TQC_TF_SPACE_BEFORE)))
            return false;
    }
    return true;
}

/* Whether word is common in the language's frequency list (one in SPELL_COMMON_PER words
 * or more): a text that repeats a slip of it (`enviroment`) is wrong each time, not using a
 * term of its own. */
static bool common(const tqc_dict *dict, const char *word)
{
    uint64_t total = tqc_dict_freq_total(dict);
    return total && tqc_dict_freq(dict, word, strlen(word)) * SPELL_COMMON_PER >= total;
}

/* Whether a and b are the same letters but for their accents (`sólamente`, `solamente`):
 * an accent written wrong is a misspelling however often the text repeats it. */
static bool same_letters(const char *a, size_t alen, const char *b)
{
    char x[SPELL_MAX_WORD * 2 + 1], y[SPELL_MAX_WORD * 2 + 1];
    size_t xn = tqc_text_drop_mark(a, alen, -1, x, sizeof x);
    size_t yn = tqc_text_drop_mark(b, strlen(b), -1, y, sizeof y);
    return xn && xn == yn && memcmp(x, y, xn) == 0;
}

/* Whether token t is a capitalised word mid-sentence: a word of a name. */
static bool name_word(const tqc_token *t)
{
    return t->kind == TQC_TOK_WORD && (t->flags & TQC_TF_CAP) &&
           !(t->flags & (TQC_TF_ALLCAPS | TQC_TF_SENT_START));
}

/* Elements in which a page sets words apart as no plain words of its language: `i` (in
 * HTML, a term, a word of another language, a taxonomic name), `cite` (the title of a
 * work), `dfn` (a term being defined). */
static const char *const SPELL_SET_APART[] = {"i", "cite", "dfn"};
/* Inline code a web page leaves out of its text, a hole marked where it was (read/html.c). */
static const char *const SPELL_CODE[] = {"code", "kbd", "samp", "var"};

static bool tag_in(const char *tag, const char *const *set, size_t n)
{
    for (size_t i = 0; tag && i < n; i++)
        if (strcmp(tag, set[i]) == 0)
            return true;
    return false;
}

/* Index of the first inline boundary past offset (or at it, when at_too is false). */
static size_t inline_after(const tqc_doc *doc, size_t offset, bool at_too)
{
    size_t lo = 0, hi = doc->inline_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (doc->inlines[mid].offset < offset || (at_too && doc->inlines[mid].offset == offset))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Whether an element named in set holds the byte at offset: opened at or before it and
 * not closed since, looked for no further back than from (inline elements end with their
 * paragraph). */
static bool inside_element(const tqc_doc *doc, size_t from, size_t offset,
                           const char *const *set, size_t n)
{
    size_t closed = 0;
    for (size_t i = inline_after(doc, offset, true); i-- > 0 && doc->inlines[i].offset >= from;) {
        const tqc_doc_inline *in = &doc->inlines[i];
        if (in->kind == TQC_INLINE_STANDALONE || !tag_in(in->tag, set, n))
            continue;
        if (in->kind == TQC_INLINE_CLOSE)
            closed++;
        else if (closed == 0)
            return true;
        else
            closed--;
    }
    return false;
}

/* Whether token j is a lower-case word the dictionary lacks with no vowel (`fsc`); not an
 * abbreviation written with periods (`p.m.`, `m.p.h.`), which is prose. */
static bool vowelless_unknown(const tqc_ctx *ctx, size_t j)
{
    const tqc_token *t = &ctx->doc->tokens[j];
    return t->kind == TQC_TOK_WORD && (t->flags & TQC_TF_LOWER) &&
           !(t->flags & (TQC_TF_DIGIT | TQC_TF_PERIOD)) &&
           vowelless(ctx->lang, tqc_doc_at(ctx->doc, t->span), tqc_span_len(t->span)) &&
           !tqc_ctx_token_known(ctx, j);
}

/* Whether token k's paragraph holds code: inline code the page left out, a token that is
 * a file name, a path or an identifier (`app.js`, `client_id`), or a lower-case word the
 * dictionary lacks with no vowel other than k itself (`fsc`, `dpkg`: a command's name). */
static bool beside_code(spell_run *r, size_t k)
{
    const tqc_ctx *ctx = r->ctx;
    const tqc_doc *doc = ctx->doc;
    if (k < r->code_from || k >= r->code_to) {
        size_t a = k;
        while (a > 0 && !(doc->tokens[a].flags & TQC_TF_PARA_START))
            a--;
        size_t b = a + 1;
        while (b < doc->token_count && !(doc->tokens[b].flags & TQC_TF_PARA_START))
            b++;
        r->code_from = a;
        r->code_to = b;
        r->code_marks = 0;
        tqc_span para = doc->paragraphs[doc->sentences[doc->tokens[k].sentence].paragraph].span;
        for (size_t i = inline_after(doc, para.start, false);
             i < doc->inline_count && doc->inlines[i].offset <= para.end; i++)
            if (doc->inlines[i].kind == TQC_INLINE_STANDALONE &&
                tag_in(doc->inlines[i].tag, SPELL_CODE, sizeof SPELL_CODE / sizeof *SPELL_CODE))
                r->code_marks = SIZE_MAX;
        for (size_t j = a; j < b && r->code_marks != SIZE_MAX; j++) {
            if (doc->tokens[j].kind == TQC_TOK_CODE)
                r->code_marks = SIZE_MAX;
            else if (vowelless_unknown(ctx, j))
                r->code_marks++;
        }
    }
    return r->code_marks == SIZE_MAX || r->code_marks > (vowelless_unknown(ctx, k) ? 1u : 0u);
}

/* What shows that an unknown lower-case word (token k) was written so on purpose, as a
 * name, a code or a term a spell checker cannot judge, or NULL: the text writes it in
 * capitals too (`ntp` beside `NTP`: a command or a package named by an acronym), it names
 * a manual page (`setquota(8)`), it ends a file name (`app.js`), it stands alone between
 * quotation marks (a word mentioned, not used: «graficador»), the page sets it in italics
 * or its paragraph holds code (a foreign word, a term), it is short and stands
 * between two capitalised words (a particle of a name: `Anna ter Horst`), an apostrophe after it marks
 * letters left out on purpose (`countin'`), or the text writes it twice or more and never
 * one of the words it would be a slip of (used consistently: a term). */
static const char *undecided(spell_run *r, size_t k, const char *s, size_t len)
{
    const tqc_ctx *ctx = r->ctx;
    const tqc_doc *doc = ctx->doc;
    const tqc_token *t = &doc->tokens[k];
    const char *end = doc->text + doc->len, *after = s + len;
    char caps[SPELL_MAX_WORD * 2 + 1];
    size_t cn = tqc_text_case(s, len, TQC_CASE_UPPER, caps, sizeof caps);
    if (cn && written(r, caps, cn))
        return "the text writes it in capitals too: a name or a code";
    if (after + 1 < end && after[0] == '(') {
        const char *q = after + 1;
        while (q < end && *q >= '0' && *q <= '9')
            q++;
        if (q < end && *q == ')')
            return q > after + 1 ? "it names a manual page: a command" : "it names a function";
    }
    if (len <= 4 && s > doc->text + 1 && s[-1] == '.' && !strchr(" \t\r\n", s[-2]))
        return "it ends a file name";
    /* `arduino.cc`, `application/ld+json`, `acct:michiel@`, `[txt|pdf]`, `**yf`: a piece
     * of a host, file or media type name, an address, a code or a symbol, joined to more by
     * a mark no prose writes between words without a space. */
    if ((after + 1 < end && after[0] == '.' && after[1] >= 'a' && after[1] <= 'z') ||
        (after + 1 < end && strchr("/+@=|_\\", after[0]) && after[0] &&
         !strchr(" \t\r\n", after[1])) ||
        (s > doc->text + 1 && strchr("/+@=|_\\:*", s[-1]) && !strchr(" \t\r\n", s[-2])))
        return "it is part of a name, an address or a code";
    /* `1/8'' dia. drill rod`: a short word with a period its sentence goes on after in
     * lower case is an abbreviation (the language's lists hold the common ones). */
    if (chars_of(s, len) <= SPELL_ABBREVIATION_CHARS && after + 2 < end && after[0] == '.' &&
        after[1] == ' ' && is_lower_at(after + 2, end))
        return "its period and the lower-case word after it make it an abbreviation";
    /* `kieru`, `utage` set in italics: the page marks them as words of another language,
     * terms or titles, which the document's dictionary cannot judge. */
    size_t p = t->sentence < doc->sentence_count ? doc->sentences[t->sentence].paragraph : 0;
    size_t from = p > 0 && p < doc->paragraph_count ? doc->paragraphs[p - 1].span.end : 0;
    if (doc->inline_count &&
        inside_element(doc, from, t->span.start, SPELL_SET_APART,
                       sizeof SPELL_SET_APART / sizeof *SPELL_SET_APART))
        return "the page sets it in italics: a word of another language, a term or a title";
    /* `params`, `json` in a paragraph that names code: the words of a program's world
     * (options, formats, commands) as often as slips, which a dictionary of prose cannot
     * tell apart. */
    if (beside_code(r, k))
        return "its paragraph holds code: a term of it";
    /* Left in lower case where the sentence's capital is due: written so on purpose, a name
     * that keeps its lower case (`zlib shrinks the data`), as often as a slip of the case,
     * which capitalization reports. */
    if ((t->flags & TQC_TF_SENT_START) && (t->flags & TQC_TF_LOWER))
        return "it opens its sentence in lower case: a name written so";
    /* `Photos by cmgirl (Shutterstock), davidd`: the names of a credit line (the
     * language's `credits` words open it). */
    char key[SPELL_MAX_WORD * 2 + 1];
    const tqc_token *o = &doc->tokens[r->sentence_open];
    size_t kn = o->kind == TQC_TOK_WORD
                    ? tqc_text_case(tqc_doc_at(doc, o->span), tqc_span_len(o->span),
                                    TQC_CASE_LOWER, key, sizeof key)
                    : 0;
    if (kn && tqc_lang_in(ctx->lang, "credits", key, kn))
        return "it is in a credit line: a name";
    /* `Anna ter Horst`: a short lower-case word between two capitalised ones mid-sentence
     * is a particle of a name (`van`, `te`, `dos`). */
    if (k > 0 && k + 1 < doc->token_count && chars_of(s, len) <= SPELL_PARTICLE_CHARS &&
        name_word(&doc->tokens[k - 1]) && name_word(&doc->tokens[k + 1]))
        return "it stands between two capitalised words: a particle of a name";
    /* (French sets its marks apart with spaces: « graficateur ».) */
    if (k > 0 && k + 1 < doc->token_count &&
        (tqc_ctx_mark(ctx, k - 1, TQC_QUOTE_ROLES_QUOTES) & TQC_MARK_OPENS)) {
        size_t c = k + 1;
        if (doc->tokens[c].kind == TQC_TOK_PUNCT && !tqc_ctx_quote_mark(ctx, c) &&
            c + 1 < doc->token_count)
            c++;
        if (tqc_ctx_mark(ctx, c, TQC_QUOTE_ROLES_QUOTES) & TQC_MARK_CLOSES)
            return "it stands alone in quotation marks: a word mentioned";
    }
    size_t ap = apostrophe_at(after, end);
    int32_t next = -1;
    if (ap && after + ap < end)
        tqc_text_decode(after + ap, (size_t)(end - after - ap), &next);
    if (ap && !(next >= 0 && (tqc_text_is_letter(next) || tqc_text_is_digit(next))) &&
        !single_quote_open(ctx, k))
        return "the apostrophe after it marks letters left out on purpose";
    if (elided_start(ctx, k))
        return "the apostrophe before it marks letters left out on purpose";
    uint64_t uses = 0;
    /* Not a word with an apostrophe: its slip is often two words (`un'altro`). */
    if (!(t->flags & TQC_TF_APOS) && tqc_strmap_get(r->uses, s, len, &uses) &&
        uses >= SPELL_CONSISTENT_USES) {
        const spell_entry *e = suggestions(r, s, len);
        bool slip = !e;
        /* A word of SPELL_SHORT_CHARS letters or fewer is one edit from common words and
         * from words the text writes whatever it is (`tid`: `id`, `ti`, `pide`): written
         * SPELL_TERM_USES times, only the text writing the word it would most likely be a
         * slip of (the first suggestion) makes it one. */
        bool short_term = chars_of(s, len) <= SPELL_SHORT_CHARS && uses >= SPELL_TERM_USES;
        for (size_t i = 0; e && i < e->count && (!short_term || i == 0) && !slip; i++)
            slip = !strpbrk(e->list[i], " -") && (written(r, e->list[i], strlen(e->list[i])) ||
                                                   same_letters(s, len, e->list[i]) ||
                                                   (!short_term && common(ctx->dict, e->list[i])));
        if (!slip)
            return "the text writes it so each time and never a word it would be a slip of";
    }
    return NULL;
}

/* What shows that the word after an elided article (`l'inode`, `d'autobuilders`) is one
 * a spell checker cannot judge, as the same word standing alone would show it (below in
 * check_token), written into why; false when nothing does. */
static bool elided_rest_hint(spell_run *r, const char *s, size_t len, char *why, size_t cap)
{
    const tqc_ctx *ctx = r->ctx;
    char parts[SPELL_MAX_WORD * 2 + 8];
    for (size_t i = 0; i < r->loan_count; i++) {
        if (loan_compound(r, i, s, len, parts, sizeof parts)) {
            snprintf(why, cap, "it reads as %s '%s': a term", r->loans[i].name, parts);
            return true;
        }
    }
    size_t spread = 0;
    size_t odd = tqc_lex_odd_trigrams(tqc_lang_lexicon(ctx->lang), s, len, &spread);
    if ((vowelless(ctx->lang, s, len) || (odd >= 2 && spread > SPELL_SLIP_SPREAD)) &&
        !near_miss(r, s, len)) {
        snprintf(why, cap, "it is no %s word: a name, a code or a term",
                 tqc_lang_setting(ctx->lang, "name", "known"));
        return true;
    }
    /* The word alone counts, and this use of it. */
    uint64_t uses = 0;
    if (tqc_strmap_get(r->uses, s, len, &uses) && uses + 1 >= SPELL_TERM_USES &&
        !near_miss(r, s, len)) {
        snprintf(why, cap, "the text writes it %u times and no frequent word is one letter "
                 "away: a term", (unsigned)uses + 1);
        return true;
    }
    return false;
}

/* Whether the unknown lower-case word at token k is the finite verb of a separable verb
 * whose particle closes its clause (German `stellte ... ein`, where the profile says
 * `separable-verbs = yes`): a lower-case word later in the sentence, before a mark or at
 * its end, that written before the word makes a word of the dictionary. Hunspell lists
 * the joined forms, not the verb's stem apart. */
static bool separated_verb(spell_run *r, size_t k, const char *s, size_t len)
{
    const tqc_ctx *ctx = r->ctx;
    const tqc_doc *doc = ctx->doc;
    if (!tqc_lang_yes(ctx->lang, "separable-verbs"))
        return false;
    size_t sentence = doc->tokens[k].sentence;
    for (size_t j = k + 1; j < doc->token_count && doc->tokens[j].sentence == sentence; j++) {
        const tqc_token *p = &doc->tokens[j];
        bool closes = j + 1 == doc->token_count || doc->tokens[j + 1].kind == TQC_TOK_PUNCT ||
                      doc->tokens[j + 1].sentence != p->sentence;
        size_t pn = tqc_span_len(p->span);
        char joined[SPELL_MAX_WORD * 2 + 1];
        if (p->kind != TQC_TOK_WORD || !(p->flags & TQC_TF_LOWER) || !closes ||
            pn + len >= sizeof joined)
            continue;
        memcpy(joined, tqc_doc_at(doc, p->span), pn);
        memcpy(joined + pn, s, len);
        if (tqc_dict_known(ctx->dict, joined, pn + len))
            return true;
    }
    return false;
}

/* Closed classes: a function word of a language is the surest sign of its phrase. */
#define SPELL_FUNCTION_POS (TQC_POS_DET | TQC_POS_PREP | TQC_POS_PRON | TQC_POS_CONJ)

/* Whether word token n is a word of another language, whose lexicon is lex, that is not
 * one of the document's: unknown to its dictionary, or a function word there that the
 * document's lexicon has as no function word (`la`, `de` beside an English noun `la`,
 * `de`). */
static bool foreign_neighbour(spell_run *r, const tqc_lex *lex, size_t n)
{
    const tqc_ctx *ctx = r->ctx;
    const tqc_token *t = &ctx->doc->tokens[n];
    if (t->kind != TQC_TOK_WORD || (t->flags & (TQC_TF_DIGIT | TQC_TF_ALLCAPS)))
        return false;
    /* as written (a German noun: `der Hund`), else in lower case (`Pas une goutte`) */
    char low[SPELL_MAX_WORD * 2 + 1];
    const char *w = tqc_doc_at(ctx->doc, t->span);
    size_t ln = tqc_span_len(t->span);
    uint32_t theirs = tqc_lex_pos_foreign(lex, w, ln);
    if (!theirs) {
        ln = tqc_text_case(w, ln, TQC_CASE_LOWER, low, sizeof low);
        w = low;
        if (!ln || !(theirs = tqc_lex_pos_foreign(lex, w, ln)))
            return false;
    }
    if (!tqc_dict_known(ctx->dict, w, ln))
        return true;
    const tqc_lex *ours = tqc_lang_lexicon(ctx->lang);
    return ours && (theirs & SPELL_FUNCTION_POS) &&
           !(tqc_lex_pos(ours, w, ln) & SPELL_FUNCTION_POS);
}

/* The name of another language of tqc's whose lexicon (mapped, cheaper to open than its
 * Hunspell dictionary; asked by tqc_lex_pos_foreign, which keeps no index of it) knows the unknown lower-case word at token k and a word beside it
 * in the same sentence that is that language's and not the document's
 * (foreign_neighbour): a phrase of that language quoted in the text (`le chien`, `avant
 * garde`, `pas une goutte`), which the document's dictionary cannot judge. NULL when
 * none does. */
static const char *foreign_phrase(spell_run *r, size_t k, const char *s, size_t len)
{
    const tqc_ctx *ctx = r->ctx;
    const tqc_doc *doc = ctx->doc;
    if (!ctx->langs)
        return NULL;
    size_t own = tqc_langid_find(ctx->langs, tqc_lang_code(ctx->lang));
    for (size_t i = 0; i < tqc_langid_count(ctx->langs); i++) {
        const tqc_lang *profile = i == own ? NULL : tqc_langid_profile(ctx->langs, i);
        const tqc_lex *lex = profile ? tqc_lang_lexicon(profile) : NULL;
        if (!lex || !tqc_lex_pos_foreign(lex, s, len))
            continue;
        bool before = k > 0 && !(doc->tokens[k].flags & TQC_TF_SENT_START) &&
                      foreign_neighbour(r, lex, k - 1);
        bool after = !before && k + 1 < doc->token_count &&
                     !(doc->tokens[k + 1].flags & TQC_TF_SENT_START) &&
                     foreign_neighbour(r, lex, k + 1);
        if (before || after)
            return tqc_langid_name(ctx->langs, i);
    }
    return NULL;
}

/* The longest phrase of rare.tsv asked about, in bytes. */
#define SPELL_MAX_PHRASE 256

/* Whether the language's list of rarer words (tqc_lang_rare: variant spellings, rarer
 * words, phrases English took from other languages) has the lower-case word at token k,
 * alone (`glamor`) or with the word before or after it (`nolo contendere`, `per se`);
 * *phrase is set when it was a phrase. */
static bool rare_word(const spell_run *r, size_t k, const char *s, size_t len, bool *phrase)
{
    const tqc_lex *rare = tqc_lang_rare(r->ctx->lang);
    const tqc_doc *doc = r->ctx->doc;
    *phrase = false;
    if (!rare)
        return false;
    if (tqc_lex_pos(rare, s, len))
        return true;
    for (int side = -1; side <= 1; side += 2) {
        if ((side < 0 && k == 0) || (side > 0 && k + 1 >= doc->token_count))
            continue;
        const tqc_token *a = &doc->tokens[side < 0 ? k - 1 : k];
        const tqc_token *b = &doc->tokens[side < 0 ? k : k + 1];
        if (a->kind != TQC_TOK_WORD || b->kind != TQC_TOK_WORD || a->sentence != b->sentence ||
            b->span.start != a->span.end + 1 || doc->text[a->span.end] != ' ')
            continue;
        char buf[SPELL_MAX_PHRASE];
        size_t n = tqc_text_case(doc->text + a->span.start, b->span.end - a->span.start,
                                 TQC_CASE_LOWER, buf, sizeof buf);
        if (n && tqc_lex_pos(rare, buf, n)) {
            *phrase = true;
            return true;
        }
    }
    return false;
}

/* Whether the lower-case word s is a prefix left standing before a hyphen and a space, its
 * compound's other part to come (`pre- e post-installazione`, `pre- and post-war`). */
static bool suspended_prefix(spell_run *r, const char *s, size_t len)
{
    const tqc_doc *doc = r->ctx->doc;
    const char *end = doc->text + doc->len, *after = s + len;
    size_t loan = 0;
    return after + 1 < end && after[0] == '-' && strchr(" \t\r\n", after[1]) &&
           judge_piece(r, s, len, &loan) == PIECE_OWN;
}

/* The word with the profile's `ligatures` written out (`œ=oe`: `manœuvre`) and its
 * typographic apostrophes made plain (`’`), into out: how a loanword typeset with its
 * ligature or a curly apostrophe (`trompe-l’œil`) stands in the dictionary and the
 * lexicon. 0 when nothing changed, or out is too small. */
static size_t plain_spelling(const tqc_lang *lang, const char *s, size_t len, char *out,
                             size_t cap)
{
    const char *ligatures = tqc_lang_setting(lang, "ligatures", "");
    size_t n = 0;
    bool changed = false;
    for (size_t i = 0; i < len;) {
        int32_t c;
        size_t w = tqc_text_decode(s + i, len - i, &c);
        if (!w)
            return 0;
        const char *rep = s + i;
        size_t rn = w;
        if (c == 0x2019) {
            rep = "'";
            rn = 1;
        }
        /* `œ=oe æ=ae`: items apart by spaces, each a letter, `=`, its plain spelling */
        for (const char *p = ligatures; c >= 0x80 && rn == w && *p;) {
            const char *end = p + strcspn(p, " ");
            if ((size_t)(end - p) > w + 1 && memcmp(p, s + i, w) == 0 && p[w] == '=') {
                rep = p + w + 1;
                rn = (size_t)(end - rep);
            }
            p = end + strspn(end, " ");
        }
        changed = changed || rep != s + i;
        if (n + rn >= cap)
            return 0;
        memcpy(out + n, rep, rn);
        n += rn;
        i += w;
    }
    return changed ? n : 0;
}

/* Whether the lexicon lists s whole and s is a compound with a hyphen (`bull's-eye`,
 * `trompe-l'oeil`): an apostrophe inside a listed compound is no elision to judge apart. */
static bool listed_compound(const tqc_ctx *ctx, const char *s, size_t len)
{
    const tqc_lex *lex = tqc_lang_lexicon(ctx->lang);
    return lex && memchr(s, '-', len) && tqc_lex_pos(lex, s, len);
}

/* Whether the plain spelling of a word (plain_spelling) is a word: the dictionary's or a
 * regional variety's (`manoeuvre`), a form of the lexicon, a hyphenated word whose parts
 * are the language's, or a word after an elided article that the dictionary knows. */
static bool plain_word(spell_run *r, const char *s, size_t len)
{
    const tqc_ctx *ctx = r->ctx;
    const tqc_lex *lex = tqc_lang_lexicon(ctx->lang);
    if (known_near(r, lex, s, len))
        return true;
    size_t loan = 0;
    const char *rest;
    size_t rest_len;
    if (tqc_ctx_after_elision(ctx, s, len, &rest, &rest_len))
        return judge_piece(r, rest, rest_len, &loan) == PIECE_OWN;
    return memchr(s, '-', len) && !memchr(s, '\'', len) &&
           judge_hyphenated(r, s, len, &loan) == PIECE_OWN;
}

/* Whether an apostrophe inside the unknown word s stands for letters left out of a word
 * the dictionary suggests (`ever'body`: `everybody`, `c'n`: `can`): the suggestion is
 * the letters before it, one to SPELL_ELIDED_CHARS more, and the letters after it, as
 * eye dialect writes speech. A slip that moved an apostrophe (`does'nt`) leaves no
 * letters out. Returns that suggestion, or NULL. */
static const char *elided_inside(const char *s, size_t len, const spell_entry *e)
{
    for (size_t i = 1; e && i + 1 < len; i++) {
        size_t ap = apostrophe_at(s + i, s + len);
        if (!ap || i + ap >= len)
            continue;
        size_t tail = len - i - ap;
        for (size_t j = 0; j < e->count; j++) {
            const char *g = e->list[j];
            size_t gn = strlen(g);
            if (gn > i + tail && chars_of(g + i, gn - i - tail) <= SPELL_ELIDED_CHARS &&
                memcmp(g, s, i) == 0 && memcmp(g + gn - tail, s + i + ap, tail) == 0 &&
                !strpbrk(g, " -'"))
                return g;
        }
    }
    return NULL;
}

/* The word s written with an ending of the profile's `dropped-endings` (`in=ing`: the
 * ending as speech drops a letter of it, `=`, the ending as written) turned back into the
 * written one, when the dictionary knows that word (`nothin`: `nothing`): eye dialect, as
 * fiction and quoted speech write it. Into out; 0 when none applies. */
static size_t dropped_ending(const tqc_ctx *ctx, const char *s, size_t len, char *out,
                             size_t cap)
{
    const char *endings = tqc_lang_setting(ctx->lang, "dropped-endings", "");
    for (const char *p = endings; *p;) {
        const char *end = p + strcspn(p, " ");
        const char *eq = memchr(p, '=', (size_t)(end - p));
        size_t dn = eq ? (size_t)(eq - p) : 0, wn = eq ? (size_t)(end - eq - 1) : 0;
        if (eq && dn < len && memcmp(s + len - dn, p, dn) == 0 &&
            chars_of(s, len - dn) >= SPELL_DROPPED_STEM && len - dn + wn < cap) {
            memcpy(out, s, len - dn);
            memcpy(out + len - dn, eq + 1, wn);
            if (tqc_dict_known(ctx->dict, out, len - dn + wn))
                return len - dn + wn;
        }
        p = end + strspn(end, " ");
    }
    return 0;
}

/* Whether the lexicon has w (n bytes), as written or in lower case, as a word other than
 * a proper noun: a common word (`Région`, `Österreichers`), not only a name (`José`). */
static bool common_reading(const tqc_ctx *ctx, const char *w, size_t n)
{
    const tqc_lex *lex = tqc_lang_lexicon(ctx->lang);
    char low[SPELL_MAX_WORD * 2 + 1];
    size_t ln = lex ? tqc_text_case(w, n, TQC_CASE_LOWER, low, sizeof low) : 0;
    return lex && (((tqc_lex_pos(lex, w, n) | (ln ? tqc_lex_pos(lex, low, ln) : 0)) &
                    ~(uint32_t)TQC_POS_PROPN) != 0);
}

/* Whether the lexicon has w (n bytes), as written or in lower case. */
static bool any_reading(const tqc_ctx *ctx, const char *w, size_t n)
{
    const tqc_lex *lex = tqc_lang_lexicon(ctx->lang);
    char low[SPELL_MAX_WORD * 2 + 1];
    size_t ln = lex ? tqc_text_case(w, n, TQC_CASE_LOWER, low, sizeof low) : 0;
    return lex && (tqc_lex_pos(lex, w, n) || (ln && tqc_lex_pos(lex, low, ln)));
}

typedef struct accent_ask {
    spell_run *r;
    const char *s;
    size_t len;
    bool capital;               /* s is capitalised: only a common word's twin counts */
    bool unseen;                /* a twin the frequency list never saw may count */
    size_t chars;               /* code points in s */
    size_t bare_len;            /* s without its marks (same_letters' half for s), or 0 */
    char bare[SPELL_MAX_WORD * 2 + 1];
    uint64_t best;              /* the frequency of found, plus one */
    char found[SPELL_MAX_WORD * 2 + 1];
} accent_ask;

static bool accent_edit(void *ctx, const char *w, size_t n, bool swap)
{
    accent_ask *a = ctx;
    char word[SPELL_MAX_WORD * 2 + 1];
    /* an accent changed keeps the count of letters: deletions and insertions cannot be */
    if (swap || n >= sizeof word || chars_of(w, n) != a->chars)
        return false;
    /* a capitalised word was walked in lower case (a dictionary's TRY has few capitals:
     * `Uberall`), its edits capitalised again */
    n = a->capital ? tqc_text_case(w, n, TQC_CASE_TITLE, word, sizeof word) : n;
    if (!n)
        return false;
    if (!a->capital)
        memcpy(word, w, n);
    word[n] = '\0';
    w = word;
    tqc_dict *dict = a->r->ctx->dict;
    /* A twin the frequency list never saw counts too where the lexicon lists it (the list
     * is small: manual pages, a few novels), and only then: a rare twin of Hunspell's
     * compounding or its rarer words is no evidence against a word of its own. */
    uint64_t freq;
    char y[SPELL_MAX_WORD * 2 + 1];
    size_t yn = a->bare_len ? tqc_text_drop_mark(word, n, -1, y, sizeof y) : 0;
    if (yn != a->bare_len || memcmp(a->bare, y, yn) != 0 || (freq = tqc_dict_freq(dict, w, n) + 1) <= a->best ||
        !tqc_dict_known(dict, w, n) || (a->capital && !common_reading(a->r->ctx, w, n)) ||
        (freq == 1 && !(a->unseen && any_reading(a->r->ctx, w, n))))
        return false;
    a->best = freq;
    memcpy(a->found, word, n + 1);
    return false;
}

/* The word of the dictionary one edit from s that has s's letters but for their accents
 * (`selection`: `sélection`, `Fahigkeiten`: `Fähigkeiten`), the most frequent if several:
 * s is that word with an accent left off or put on wrong, whatever a loan language makes
 * of it. capital: only a common word's twin (common_reading), as a capitalised word may be
 * a name (`Raphaël` is no slip of `Raphael`). Into out (cap bytes); false when none is. Hash
 * lookups only. */
static bool accent_slip(spell_run *r, const char *s, size_t len, bool capital, char *out,
                        size_t cap)
{
    accent_ask a = {.r = r, .s = s, .len = len, .capital = capital, .chars = chars_of(s, len)};
    uint64_t none;
    if (len >= SPELL_MAX_WORD || (r->no_accent && tqc_strmap_get(r->no_accent, s, len, &none)))
        return false;
    char low[SPELL_MAX_WORD * 2 + 1];
    size_t ln = tqc_text_case(s, len, TQC_CASE_LOWER, low, sizeof low);
    /* s a form of the lexicon (a reformed spelling: `connaitre`) or a loan language's word
     * (`event` in French) is a word too: only a frequent twin outweighs that */
    a.unseen = ln && !any_reading(r->ctx, s, len);
    for (size_t i = 0; i < r->loan_count && a.unseen; i++)
        a.unseen = !tqc_dict_known(r->loans[i].dict, low, ln);
    if (!capital)
        ln = 0;
    /* s's letters without their marks, once a walk (no variant matches where it has none) */
    a.bare_len = tqc_text_drop_mark(s, len, -1, a.bare, sizeof a.bare);
    if (a.bare_len && ln)
        tqc_dict_each_edit(r->ctx->dict, low, ln, accent_edit, &a);
    else if (a.bare_len && !capital)
        tqc_dict_each_edit(r->ctx->dict, s, len, accent_edit, &a);
    /* A twin never seen loses to a frequent word one edit away (`tutes`: `toutes`). */
    if (!a.best || strlen(a.found) >= cap || (a.best == 1 && near_miss(r, s, len))) {
        /* Remembered: a word the text repeats is walked once (out of memory, again). */
        if (r->no_accent || (r->no_accent = tqc_strmap_new()) != NULL)
            (void)tqc_strmap_put(r->no_accent, s, len, 1);
        return false;
    }
    memcpy(out, a.found, strlen(a.found) + 1);
    return true;
}

/* A noun of the lexicon and the frequency list one edit from the capitalised piece s (n
 * bytes), written to out; false when none. */
static bool noun_near(spell_run *r, const char *s, size_t n, char *out, size_t cap)
{
    char *list[SPELL_SUGGESTIONS];
    size_t c = tqc_dict_suggest(r->ctx->dict, s, n, list, SPELL_SUGGESTIONS);
    bool found = false;
    for (size_t i = 0; i < c && !found; i++) {
        size_t gn = strlen(list[i]);
        if ((found = gn < cap && !strpbrk(list[i], " -") &&
                     (tqc_lex_pos(tqc_lang_lexicon(r->ctx->lang), list[i], gn) & TQC_POS_NOUN)))
            memcpy(out, list[i], gn + 1);
    }
    tqc_dict_free_suggestions(list, c);
    return found;
}

/* Whether piece s (n bytes) is a word of a loan language in lower case and none of the
 * document's language as written or capitalised (`builder`, `volume`; not `ersatz`): a
 * compound with one is a term of that language's world, not a slip. */
static bool loan_piece(const spell_run *r, const char *s, size_t n)
{
    char low[SPELL_MAX_WORD * 2 + 1], title[SPELL_MAX_WORD * 2 + 1];
    size_t ln = tqc_text_case(s, n, TQC_CASE_LOWER, low, sizeof low);
    size_t tn = tqc_text_case(s, n, TQC_CASE_TITLE, title, sizeof title);
    if (!ln || tqc_dict_known(r->ctx->dict, s, n) ||
        (tn && tqc_dict_known(r->ctx->dict, title, tn)))
        return false;
    for (size_t i = 0; i < r->loan_count; i++)
        if (tqc_dict_known(r->loans[i].dict, low, ln))
            return true;
    return false;
}

/* Keeps w (n bytes), a mending of our own, as the last of e's suggestions, where a later
 * occurrence of the word finds it (edit_candidate); NULL when e is NULL or full, or out of
 * memory. */
static const char *keep_mending(spell_entry *e, const char *w, size_t n)
{
    char *copy = e && e->count < SPELL_SUGGESTIONS ? tqc_malloc(n + 1) : NULL;
    if (!copy)
        return NULL;
    memcpy(copy, w, n);
    copy[n] = '\0';
    e->list[e->count++] = copy;
    e->compound = true;
    return copy;
}

/* The compound the capitalised word s is a slip of (`Stadtverkher`: `Stadtverkehr`), or
 * NULL: one of its two parts, each SPELL_MIN_PART characters or more, a word as written
 * (the head) or a noun capitalised (the tail), the other one edit from a noun of the
 * frequency list, neither a loan language's word, and the dictionary knowing the compound
 * so mended; only when one mending does (`Bahnhofshale` reads as two) and it is no
 * inflection of the word (`-s`). Kept in r's suggestions. A frequency list holds few
 * compounds, so their slips have no suggestion of their own. */
static const char *compound_slip(spell_run *r, const char *s, size_t len)
{
    const tqc_ctx *ctx = r->ctx;
    char part[SPELL_MAX_WORD * 2 + 8], near[SPELL_MAX_WORD * 2 + 8], mended[SPELL_MAX_WORD * 4];
    char found[SPELL_MAX_WORD * 4];
    size_t fn = 0;
    if (len >= SPELL_MAX_WORD)
        return NULL;
    for (size_t cut = 1; cut < len; cut++) {
        if (((unsigned char)s[cut] & 0xC0) == 0x80 || chars_of(s, cut) < SPELL_MIN_PART ||
            chars_of(s + cut, len - cut) < SPELL_MIN_PART || loan_piece(r, s, cut) ||
            loan_piece(r, s + cut, len - cut))
            continue;
        size_t tn = tqc_text_case(s + cut, len - cut, TQC_CASE_TITLE, part, sizeof part);
        size_t m = 0;
        if (tn && tqc_dict_known(ctx->dict, s, cut) && noun_near(r, part, tn, near, sizeof near)) {
            /* head + the tail mended, lower-cased again */
            size_t nn = tqc_text_case(near, strlen(near), TQC_CASE_LOWER, mended + cut,
                                      sizeof mended - cut);
            memcpy(mended, s, cut);
            m = nn ? cut + nn : 0;
        } else if (tn && (tqc_lex_pos(tqc_lang_lexicon(ctx->lang), part, tn) & TQC_POS_NOUN) &&
                   noun_near(r, s, cut, near, sizeof near)) {
            size_t hn = strlen(near);
            if (hn + len - cut < sizeof mended) {
                memcpy(mended, near, hn);
                memcpy(mended + hn, s + cut, len - cut);
                m = hn + len - cut;
            }
        }
        if (!m || (m < len && !memcmp(mended, s, m)) || !tqc_dict_known(ctx->dict, mended, m) ||
            (fn == m && !memcmp(found, mended, m)))
            continue;
        if (fn)
            return NULL;
        memcpy(found, mended, m);
        fn = m;
    }
    return fn ? keep_mending(suggestions(r, s, len), found, fn) : NULL;
}

typedef struct edit_ask {
    spell_run *r;
    const char *s;
    size_t len;
    bool nouns;                 /* the language capitalises its nouns: a noun is meant */
    size_t seen;                /* such words met */
    char found[SPELL_MAX_WORD * 2 + 1];
} edit_ask;

/* A word one edit from a->s that the dictionary knows, with the reading a capital there
 * asks for, and that a->s is not with an ending more (`Skript`, `Skripte`): the first is
 * kept; a second stops the walk, as a word with two such neighbours is no clear slip. */
static bool common_edit(void *ctx, const char *lw, size_t ln, bool swap)
{
    edit_ask *a = ctx;
    const tqc_ctx *c = a->r->ctx;
    char w[SPELL_MAX_WORD * 2 + 1];
    /* the walk is of the word in lower case, capitalised again: a first letter changed
     * counts too, and a short noun has other nouns so near as often as not */
    size_t n = tqc_text_case(lw, ln, TQC_CASE_TITLE, w, sizeof w);
    (void)swap;
    if (!n || n >= sizeof a->found || (n < a->len && !memcmp(w, a->s, n)) ||
        !tqc_dict_known(c->dict, w, n) ||
        !(a->nouns ? (tqc_lex_pos(tqc_lang_lexicon(c->lang), w, n) & TQC_POS_NOUN) != 0
                   : common_reading(c, w, n)))
        return false;
    if (a->seen && strlen(a->found) == n && !memcmp(a->found, w, n))
        return false;
    if (a->seen++)
        return true;
    memcpy(a->found, w, n);
    a->found[n] = '\0';
    return false;
}

/* The common word one edit from the unknown capitalised word s the weighing below takes
 * for the word meant, or NULL: the most frequent suggestion the lexicon has as a common
 * word (common_reading), in a language that capitalises its nouns a noun as written (a
 * German capital is a noun's), and there, with no suggestion, the compound s is a slip
 * of (compound_slip). Not a word of SPELL_NOUN_SLIP_CHARS or fewer (one edit from many
 * words, and an acronym written so as often: `Nat`), a loan language's noun (`Host` is
 * no slip of `Hast`), a word with an ending of `suffixes` (an inflection the dictionary
 * lacks: `Skripte`), nor a suggestion s is with an ending more. */
static const char *edit_candidate(spell_run *r, const char *s, size_t len, bool nouns)
{
    const tqc_ctx *ctx = r->ctx;
    char base[SPELL_MAX_WORD * 2 + 1];
    if (chars_of(s, len) < SPELL_NOUN_SLIP_CHARS || loan_piece(r, s, len) ||
        tqc_morph_suffixed(ctx->dict, ctx->lang, s, len, base, sizeof base))
        return NULL;
    spell_entry *e = suggestions(r, s, len);
    if (e && e->compound)
        return e->list[e->count - 1];
    const tqc_lex *lex = tqc_lang_lexicon(ctx->lang);
    for (size_t i = 0; e && i < e->count; i++) {
        const char *g = e->list[i];
        size_t gn = strlen(g);
        if (strpbrk(g, " -") || (gn < len && !memcmp(g, s, gn)) || inflected_compound(r, s, len, g))
            continue;
        if (nouns ? (tqc_lex_pos(lex, g, gn) & TQC_POS_NOUN) != 0 : common_reading(ctx, g, gn))
            return g;
    }
    if (!e || e->count || e->compound_asked)
        return NULL;
    e->compound_asked = true;
    /* The frequency list is small: the word the dictionary and the lexicon know one edit
     * away (`Verwaltung` for `Verwaltng`), as a compound's slip below, has no suggestion
     * of its own. */
    edit_ask a = {.r = r, .s = s, .len = len, .nouns = nouns};
    char low[SPELL_MAX_WORD * 2 + 1];
    size_t ln = tqc_text_case(s, len, TQC_CASE_LOWER, low, sizeof low);
    if (ln && !tqc_dict_each_edit(ctx->dict, low, ln, common_edit, &a) && a.seen == 1)
        return keep_mending(e, a.found, strlen(a.found));
    return nouns ? compound_slip(r, s, len) : NULL;
}

/* Whether the lexicon has w, as written or in lower case, as a noun. */
static bool common_noun(const tqc_lex *lex, const char *w)
{
    char low[SPELL_MAX_WORD * 2 + 1];
    size_t n = strlen(w), ln = lex ? tqc_text_case(w, n, TQC_CASE_LOWER, low, sizeof low) : 0;
    return lex && ((tqc_lex_pos(lex, w, n) | (ln ? tqc_lex_pos(lex, low, ln) : 0)) & TQC_POS_NOUN);
}

/* Whether word token j, beside an unknown capitalised word in its sentence, makes the two
 * a run of a name: capitalised (mid-sentence, or opening it) and no common word of the
 * lexicon (`Thomas Muller`, `Sao Paulo`), where a common noun (`die Wasserleitnug`) or a
 * function word (`Die`) is none. */
static bool name_beside(const tqc_ctx *ctx, size_t k, size_t j)
{
    const tqc_doc *doc = ctx->doc;
    if (j >= doc->token_count || doc->tokens[j].sentence != doc->tokens[k].sentence)
        return false;
    const tqc_token *t = &doc->tokens[j];
    if (t->kind != TQC_TOK_WORD || !(t->flags & TQC_TF_CAP) ||
        (t->flags & (TQC_TF_ALLCAPS | TQC_TF_DIGIT)))
        return false;
    return !((tqc_ctx_pos(ctx, j) | tqc_ctx_pos_lower(ctx, j)) & ~(uint32_t)TQC_POS_PROPN);
}

/* Whether s is capitalised and has no other capital (`Verwaltng`, not `McKinsey`). */
static bool title_case(const char *s, size_t len)
{
    char title[SPELL_MAX_WORD * 2 + 1];
    size_t n = tqc_text_case(s, len, TQC_CASE_TITLE, title, sizeof title);
    return n == len && memcmp(title, s, len) == 0;
}

/* The weights of the evidence weighed for an unknown capitalised word (capital_slip). */
enum {
    SPELL_BY_ACCENT = 3, /* a common word but for an accent: a slip in any language */
    SPELL_BY_EDIT = 1,   /* a common word one edit away: short names are too */
    SPELL_BY_SLOT = 1,   /* after a determiner or a lower-case adjective, fixed to a noun */
    SPELL_BY_ONCE = 1,   /* written once (an article repeats the names it introduces), or
                          * the word meant is common */
    SPELL_AS_CAPITAL = 2, /* capitalised mid-sentence where only names are */
    SPELL_AS_RUN = 2,    /* beside another word of a name */
    SPELL_AS_REPEATED = 1, /* written again, the same way */
    SPELL_AS_PLACE = 1,  /* right after a preposition, where a place's name stands */
    SPELL_SLIP_WEIGHT = 3 /* what the slip's evidence must outweigh the name's by */
};

/* The common word the unknown capitalised word at token k is a slip of, or NULL: one
 * weighing, the same in every language, of the evidence for a slip (a common word but
 * for an accent, or one edit away; standing where that word would, after a determiner or
 * an adjective; written once, or a slip of a common word) against the evidence for a name
 * (a capital where the language writes only names with one, the language's
 * `capitalised-nouns` saying where; another word of a name beside it; written again;
 * right after a preposition, as places are). A word whose evidence is split is a name as likely (info, below). accented
 * (cap bytes) receives an accent's fix. */
static const char *capital_slip(spell_run *r, size_t k, const char *s, size_t len,
                                char *accented, size_t cap)
{
    const tqc_ctx *ctx = r->ctx;
    const tqc_doc *doc = ctx->doc;
    const tqc_token *t = &doc->tokens[k];
    bool nouns = tqc_lang_yes(ctx->lang, "capitalised-nouns");
    int slip = 0, name = 0;
    if (!nouns && !(t->flags & TQC_TF_SENT_START))
        name += SPELL_AS_CAPITAL;
    if ((k > 0 && name_beside(ctx, k, k - 1)) || name_beside(ctx, k, k + 1))
        name += SPELL_AS_RUN;
    const tqc_token *before = k > 0 ? &doc->tokens[k - 1] : NULL;
    if (before && (before->kind != TQC_TOK_WORD || before->sentence != t->sentence))
        before = NULL;
    uint32_t prior = before ? tqc_ctx_pos_lower(ctx, k - 1) : 0;
    /* (`die` opening a sentence is a determiner still; `Rote` before a noun may be a name's) */
    bool slot = before && ((prior & TQC_POS_DET) ||
                           ((before->flags & TQC_TF_LOWER) && (prior & TQC_POS_ADJ)));
    if (!slot && (prior & TQC_POS_PREP))
        name += SPELL_AS_PLACE;
    const char *fix = NULL;
    if (accent_slip(r, s, len, true, accented, cap)) {
        fix = accented;
        slip += SPELL_BY_ACCENT;
    } else if (name == 0 && slot && (fix = edit_candidate(r, s, len, nouns)) != NULL &&
               slip_kind_of(ctx->lang, s, len, fix) != SLIP_ATYPICAL) {
        /* (asked only where it can win: suggestions are budgeted per document, and the
         * names of a long one would use them up; a word no typical slip makes of fix is
         * a name or a rare word as often: `Lummis` beside `Hummus`) */
        slip += SPELL_BY_EDIT;
    } else {
        return NULL;
    }
    /* (edit_candidate's word is a noun where nouns are capitalised, a compound's too) */
    if (slot && ((fix != accented && nouns) || common_noun(tqc_lang_lexicon(ctx->lang), fix)))
        slip += SPELL_BY_SLOT;
    /* (a slip of a common word repeated is a slip each time: `enviroment`, undecided) */
    uint64_t uses = 0;
    if (tqc_strmap_get(r->forms, s, len, &uses) && uses > 1 && !common(ctx->dict, fix))
        name += SPELL_AS_REPEATED;
    else
        slip += SPELL_BY_ONCE;
    return slip - name >= SPELL_SLIP_WEIGHT ? fix : NULL;
}

/* Real-word errors: a word of the language written for another one (`then` for `than`,
 * `das` for `dass`, `a` for `à`), which no dictionary refuses. The profile's `confusions`
 * list holds each pair with the neighbours among which the grammar rules the written word
 * out; only there is it a warning, with the other word as the fix. Where the lexicon
 * cannot tell (a neighbour it lacks), nothing. */

/* Most conditions a confusion's line sets, and the longest word of one. */
#define CONFUSION_CONDS 6
#define CONFUSION_WORD 32

/* What one condition asks of the token at offset `at` from the word, in its sentence. */
typedef enum {
    CONF_WORDS,   /* `-1=could|would`: one of these words (or marks), in lower case */
    CONF_HAS,     /* `+1:VPART`: a word the lexicon gives one of these parts of speech */
    CONF_LACKS,   /* `+1!NOUN|DET`: no word with one of them: a mark, none, or a word the
                   * lexicon knows otherwise */
    CONF_ENDS_NOT, /* `+1%o`: no word ending in one of these (a Spanish first person) */
    CONF_START,   /* `-1=^`: no token before it in its sentence */
    CONF_MARK     /* `+1=$`: a mark, or the sentence's end, there */
} confusion_test;

typedef struct confusion_cond {
    int at;                   /* -2, -1, +1 or +2 */
    confusion_test test;
    uint32_t tags;            /* CONF_HAS, CONF_LACKS (NUM takes a number token too) */
    const char *words;        /* CONF_WORDS: `|`-separated, inside the profile's list */
    size_t words_len;
} confusion_cond;

typedef struct confusion {
    char word[CONFUSION_WORD], fix[CONFUSION_WORD];
    confusion_cond cond[CONFUSION_CONDS];
    size_t conds;
} confusion;

/* The spelling pass's state for a language: its confusions, grouped by word. */
typedef struct spell_state {
    confusion *items;
    size_t count;
    tqc_strmap *first;        /* word -> index of its first confusion */
} spell_state;

static void fini(void *state)
{
    spell_state *st = state;
    if (!st)
        return;
    free(st->items);
    tqc_strmap_free(st->first);
    free(st);
}

static int confusion_order(const void *a, const void *b)
{
    return strcmp(((const confusion *)a)->word, ((const confusion *)b)->word);
}

/* Parses one condition (`-1=could|would`, `+1:VPART|VINF`, `+1!NOUN`), s (n bytes) inside
 * the profile's list, which outlives the state. */
static bool parse_condition(const char *s, size_t n, confusion_cond *c)
{
    if (n < 4 || (s[0] != '-' && s[0] != '+') || (s[1] != '1' && s[1] != '2') ||
        !strchr("=:!%", s[2]))
        return false;
    c->at = (s[1] - '0') * (s[0] == '-' ? -1 : 1);
    const char *v = s + 3;
    size_t vn = n - 3;
    if (s[2] == '=' || s[2] == '%') {
        if (s[2] == '%') {
            c->test = CONF_ENDS_NOT;
            c->words = v;
            c->words_len = vn;
            return true;
        }
        c->test = vn == 1 && *v == '^' ? CONF_START : vn == 1 && *v == '$' ? CONF_MARK : CONF_WORDS;
        c->words = v;
        c->words_len = vn;
        return (c->test != CONF_START || c->at == -1) && (c->test != CONF_MARK || c->at > 0);
    }
    c->test = s[2] == ':' ? CONF_HAS : CONF_LACKS;
    c->tags = 0;
    for (size_t i = 0; i < vn;) {
        size_t e = i;
        while (e < vn && v[e] != '|')
            e++;
        /* VERB: any verb form (lang/lex.h's TQC_POS_VERB) */
        uint32_t bit = e - i == 4 && !memcmp(v + i, "VERB", 4) ? (uint32_t)TQC_POS_VERB
                                                               : tqc_lex_tag(v + i, e - i);
        if (!bit)
            return false;
        c->tags |= bit;
        i = e + 1;
    }
    return c->tags != 0;
}

/* Parses a line of `confusions`: the word, its fix, then one to CONFUSION_CONDS
 * conditions, apart by spaces or tabs. */
static bool parse_confusion(const char *line, size_t len, confusion *c)
{
    size_t field = 0;
    c->conds = 0;
    for (size_t i = 0; i < len;) {
        while (i < len && (line[i] == ' ' || line[i] == '\t'))
            i++;
        size_t e = i;
        while (e < len && line[e] != ' ' && line[e] != '\t')
            e++;
        if (e == i)
            break;
        if (field < 2) {
            char *to = field == 0 ? c->word : c->fix;
            if (e - i >= CONFUSION_WORD)
                return false;
            memcpy(to, line + i, e - i);
            to[e - i] = '\0';
        } else if (c->conds == CONFUSION_CONDS ||
                   !parse_condition(line + i, e - i, &c->cond[c->conds++])) {
            return false;
        }
        field++;
        i = e;
    }
    return c->conds > 0;
}

static tqc_status init(const tqc_lang *lang, void **state, char *err, size_t errlen)
{
    const tqc_strmap *list = tqc_lang_list(lang, "confusions");
    size_t n = tqc_strmap_count(list);
    spell_state *st = tqc_calloc(1, sizeof *st);
    if (!st || (n && !(st->items = tqc_calloc(n, sizeof *st->items))) ||
        !(st->first = tqc_strmap_new())) {
        fini(st);
        return TQC_ENOMEM;
    }
    for (size_t i = 0; i < n; i++) {
        size_t len;
        const char *line = tqc_strmap_key(list, i, &len);
        if (!parse_confusion(line, len, &st->items[st->count])) {
            snprintf(err, errlen, "rules/%s/confusions line %u: expected `word fix` and "
                     "conditions such as -1=could|would, +1:VPART or +1!NOUN",
                     tqc_lang_base(lang), (unsigned)tqc_strmap_value(list, i));
            fini(st);
            return TQC_EINPUT;
        }
        st->count++;
    }
    if (st->count)
        qsort(st->items, st->count, sizeof *st->items, confusion_order);
    for (size_t i = st->count; i-- > 0;)
        if (!tqc_strmap_put(st->first, st->items[i].word, strlen(st->items[i].word), i)) {
            fini(st);
            return TQC_ENOMEM;
        }
    *state = st;
    return TQC_OK;
}

/* Whether token j (in k's sentence) is one of the `|`-separated words, in lower case. */
static bool token_among(const tqc_ctx *ctx, size_t j, const char *words, size_t n)
{
    const tqc_token *t = &ctx->doc->tokens[j];
    char low[CONFUSION_WORD * 2];
    size_t ln = tqc_text_case(tqc_doc_at(ctx->doc, t->span), tqc_span_len(t->span),
                              TQC_CASE_LOWER, low, sizeof low);
    for (size_t i = 0; ln && i < n;) {
        size_t e = i;
        while (e < n && words[e] != '|')
            e++;
        if (e - i == ln && !memcmp(words + i, low, ln))
            return true;
        i = e + 1;
    }
    return false;
}

/* Whether token j ends with one of the `|`-separated endings. */
static bool token_ends(const tqc_ctx *ctx, size_t j, const char *ends, size_t n)
{
    const tqc_token *t = &ctx->doc->tokens[j];
    const char *w = tqc_doc_at(ctx->doc, t->span);
    size_t wn = tqc_span_len(t->span);
    for (size_t i = 0; i < n;) {
        size_t e = i;
        while (e < n && ends[e] != '|')
            e++;
        if (e - i < wn && !memcmp(w + wn - (e - i), ends + i, e - i))
            return true;
        i = e + 1;
    }
    return false;
}

/* Whether condition c holds around token k. A neighbour outside k's sentence is none. A
 * word's parts of speech are the lexicon's as written, in lower case too where it opens
 * its sentence: a capital elsewhere is a name's or a noun's (`dass GRUB`); of a word in
 * capitals (an acronym) or with an apostrophe the lexicon cannot tell. */
static bool condition_holds(const tqc_ctx *ctx, size_t k, const confusion_cond *c)
{
    const tqc_doc *doc = ctx->doc;
    size_t sentence = doc->tokens[k].sentence;
    bool inside = c->at < 0 ? k >= (size_t)-c->at : k + (size_t)c->at < doc->token_count;
    size_t j = inside ? (size_t)((ptrdiff_t)k + c->at) : 0;
    inside = inside && doc->tokens[j].sentence == sentence;
    const tqc_token *t = inside ? &doc->tokens[j] : NULL;
    bool word = t && t->kind == TQC_TOK_WORD;
    switch (c->test) {
    case CONF_START:
        return !inside;
    case CONF_MARK:
        return !inside || t->kind == TQC_TOK_PUNCT;
    case CONF_WORDS:
        return inside && token_among(ctx, j, c->words, c->words_len);
    case CONF_ENDS_NOT:
        return !word || !token_ends(ctx, j, c->words, c->words_len);
    case CONF_HAS:
    case CONF_LACKS:
        break;
    }
    bool has = c->test == CONF_HAS;
    if (t && t->kind == TQC_TOK_NUMBER)
        return has == ((c->tags & TQC_POS_NUM) != 0);
    if (!word)
        return !has;
    /* (an acronym; a word with an apostrophe, whose parts the lexicon reads: `Mayor's`) */
    if (t->flags & (TQC_TF_ALLCAPS | TQC_TF_APOS))
        return false;
    uint32_t pos = tqc_ctx_pos(ctx, j) |
                   ((t->flags & TQC_TF_SENT_START) ? tqc_ctx_pos_lower(ctx, j) : 0);
    /* a word the lexicon lacks: it cannot tell */
    return pos && (has ? (pos & c->tags) != 0 : !(pos & c->tags));
}

/* Whether token k, a word of the dictionary, is one of a confusion's pair where its
 * neighbours rule it out: a warning with the other word as the fix (capitalised where
 * the word opens its sentence). Returns whether it reported. */
static bool confused_word(spell_run *r, size_t k)
{
    const tqc_ctx *ctx = r->ctx;
    const spell_state *st = ctx->state;
    const tqc_token *t = &ctx->doc->tokens[k];
    if (!st || !st->count || (t->flags & (TQC_TF_DIGIT | TQC_TF_ALLCAPS | TQC_TF_INNER_CAP)))
        return false;
    bool capital = (t->flags & TQC_TF_CAP) != 0;
    /* a capital elsewhere than a sentence's start is a name's, or a title's */
    if (capital && !(t->flags & TQC_TF_SENT_START))
        return false;
    /* the per-form answer first: most words are no confusion's */
    char low[CONFUSION_WORD * 2];
    if (!tqc_ctx_in_list(ctx, k, st->first, sizeof low))
        return false;
    const char *s = tqc_doc_at(ctx->doc, t->span);
    size_t ln = tqc_text_case(s, tqc_span_len(t->span), TQC_CASE_LOWER, low, sizeof low);
    uint64_t first;
    if (!ln || !tqc_strmap_get(st->first, low, ln, &first) ||
        tqc_span_index_overlaps(&r->run_ons, t->span) ||
        tqc_span_index_overlaps(&r->foreign, t->span))
        return false;
    for (size_t i = (size_t)first; i < st->count; i++) {
        const confusion *c = &st->items[i];
        if (strlen(c->word) != ln || memcmp(c->word, low, ln))
            break;
        bool holds = true;
        for (size_t j = 0; j < c->conds && holds; j++)
            holds = condition_holds(ctx, k, &c->cond[j]);
        if (!holds)
            continue;
        char fix[CONFUSION_WORD * 2];
        size_t fn = capital ? tqc_text_case(c->fix, strlen(c->fix), TQC_CASE_TITLE, fix, sizeof fix)
                            : strlen(c->fix);
        if (!capital)
            memcpy(fix, c->fix, fn + 1);
        if (!fn)
            return false;
        fix[fn] = '\0';
        tqc_finding *f = TQC_EMIT(ctx, t->span, "'%.*s' cannot stand here; did you mean "
                                  "'%s'? (a word of the language, but not one its neighbours "
                                  "allow)",
                                  (int)tqc_span_len(t->span), s, fix);
        tqc_finding_suggest(ctx->out, f, fix, fn);
        tqc_finding_fix(ctx->out, f, t->span, fix, fn, false);
        return true;
    }
    return false;
}

static void check_token(spell_run *r, const tqc_token *t)
{
    const tqc_ctx *ctx = r->ctx;
    size_t k = (size_t)(t - ctx->doc->tokens);
    if (t->kind != TQC_TOK_WORD || (t->flags & (TQC_TF_DIGIT | TQC_TF_PERIOD | TQC_TF_ALLCAPS)))
        return;
    const char *s = tqc_doc_at(ctx->doc, t->span);
    size_t len = tqc_span_len(t->span);
    if (len <= SPELL_MAX_WORD && tqc_ctx_token_known(ctx, k)) {
        (void)confused_word(r, k);
        return;
    }
    if (len < 2 || len > SPELL_MAX_WORD || tqc_ctx_abbreviation_at(ctx, k) ||
        tqc_span_index_overlaps(&r->run_ons, t->span) ||
        tqc_span_index_overlaps(&r->foreign, t->span))
        return;
    /* A piece of a word broken by a soft hyphen (U+00AD, `Netan\u00ADyahu`): the
     * tokenizer cut it there, but a reader sees one word. */
    const char *tend = ctx->doc->text + ctx->doc->len;
    if ((s >= ctx->doc->text + 2 && (unsigned char)s[-2] == 0xC2 && (unsigned char)s[-1] == 0xAD) ||
        (s + len + 1 < tend && (unsigned char)s[len] == 0xC2 && (unsigned char)s[len + 1] == 0xAD))
        return;
    if ((t->flags & TQC_TF_LOWER) && suspended_prefix(r, s, len))
        return;
    char plain[SPELL_MAX_WORD * 2 + 1];
    size_t pn = (t->flags & (TQC_TF_APOS | TQC_TF_NONASCII))
                    ? plain_spelling(ctx->lang, s, len, plain, sizeof plain) : 0;
    if ((pn && plain_word(r, plain, pn)) ||
        ((t->flags & TQC_TF_APOS) && (t->flags & TQC_TF_HYPHEN) && listed_compound(ctx, s, len)))
        return;
    for (size_t v = 0; v < r->variety_count; v++) {
        const spell_variety *var = &r->varieties[v];
        if (tqc_ctx_variety_knows(ctx, k, &(tqc_ctx_variety){var->code, var->code_len, var->dict})) {
            if (r->varieties[v].words++ == 0)
                r->varieties[v].first = k;
            return;
        }
    }
    bool lower = (t->flags & TQC_TF_LOWER) != 0;
    bool phrase = false;
    char compound[SPELL_MAX_WORD * 2 + 1];
    /* (A compound written another way is told with its form, below.) */
    if (lower && rare_word(r, k, s, len, &phrase) &&
        !tqc_ctx_compound_variant(ctx, s, len, compound, sizeof compound)) {
        /* `glamor`, `winless`, `nolo contendere`: a variant spelling, a rarer word or a
         * phrase of another language that a larger word list has, a misspelling far less
         * often than a word Hunspell lacks (those are one edit from a word they have). */
        tqc_emit(ctx->out, ctx->pass->id, TQC_SEV_INFO, t->span, "'%.*s' is not in the "
                 "dictionary, but the language's list of rarer words has it%s: a variant "
                 "spelling, a rare word or a misspelling?", (int)len, s,
                 phrase ? " in this phrase" : "");
        return;
    }
    char accented[SPELL_MAX_WORD * 2 + 1];
    if (lower && !(t->flags & (TQC_TF_HYPHEN | TQC_TF_APOS)) &&
        accent_slip(r, s, len, false, accented, sizeof accented)) {
        tqc_finding *f = TQC_EMIT(ctx, t->span, "unknown word '%.*s'; did you mean '%s'? (an "
                                  "accent or a mark left off or wrong)", (int)len, s, accented);
        tqc_finding_suggest(ctx->out, f, accented, strlen(accented));
        tqc_finding_fix(ctx->out, f, t->span, accented, strlen(accented), false);
        return;
    }
    size_t loan = 0;
    bool foreign = false;
    if (lower && (t->flags & TQC_TF_HYPHEN) && !(t->flags & TQC_TF_APOS)) {
        piece_verdict v = judge_hyphenated(r, s, len, &loan);
        foreign = v == PIECE_FOREIGN;
        if (v == PIECE_OWN)
            return;
        if (v == PIECE_LOAN) {
            emit_loan(r, t, loan);
            return;
        }
        size_t pn_at = 0, pn_len = 0;
        /* (a compound the dictionary writes another way is told with its form, below) */
        if (v == PIECE_UNKNOWN && coined_part(r, s, len, &pn_at, &pn_len) &&
            !tqc_ctx_compound_variant(ctx, s, len, compound, sizeof compound)) {
            /* `imitation-woodgrain`, `talk-aboutiveness`: a compound joining words of the
             * language to one the dictionary lacks that no frequent word is near, a
             * coinage or a term as often as a slip, which is one edit from its word. */
            tqc_emit(ctx->out, ctx->pass->id, TQC_SEV_INFO, t->span, "'%.*s' is not in the "
                     "dictionary, but it joins words of the language to '%.*s', which no "
                     "frequent word is near: a coinage or a term?", (int)len, s, (int)pn_len,
                     s + pn_at);
            return;
        }
    }
    if ((t->flags & TQC_TF_APOS) && contraction(ctx, s, len))
        return;
    const char *rest;
    size_t rest_len;
    if ((t->flags & TQC_TF_APOS) && tqc_ctx_after_elision(ctx, s, len, &rest, &rest_len)) {
        int32_t c0;
        tqc_text_decode(rest, rest_len, &c0);
        bool known_rest = tqc_dict_known(ctx->dict, rest, rest_len);
        /* `L'utilisateur` opens a sentence: the word after the article tells the case. */
        lower = c0 >= 0 && tqc_text_is_lower(c0);
        if (!known_rest && c0 >= 0 && tqc_text_is_upper(c0)) {
            /* `d'Ubuntu`: a name after the article, as a capitalised word alone. */
            tqc_emit(ctx->out, ctx->pass->id, TQC_SEV_INFO, t->span,
                     "'%.*s' is not in the dictionary (a name?)", (int)rest_len, rest);
            return;
        }
        /* A known word after it means Hunspell refused the pair (`un'altro`): left to
         * the warning below. */
        piece_verdict v = known_rest ? PIECE_UNKNOWN : judge_piece(r, rest, rest_len, &loan);
        if (v == PIECE_OWN)
            return;
        if (v == PIECE_LOAN) {
            emit_loan(r, t, loan);
            return;
        }
        char why[SPELL_MAX_WORD * 2 + 64];
        if (!known_rest && lower && elided_rest_hint(r, rest, rest_len, why, sizeof why)) {
            tqc_emit(ctx->out, ctx->pass->id, TQC_SEV_INFO, t->span, "'%.*s' is not in the "
                     "dictionary: %s?", (int)rest_len, rest, why);
            return;
        }
    }
    if (lower && separated_verb(r, k, s, len))
        return;
    char fixed[SPELL_MAX_WORD * 2 + 1];
    bool variant = tqc_ctx_case_variant(ctx, k, fixed, sizeof fixed);
    /* A word the dictionary knows only capitalised is a name in lower case (below) before
     * it is a formation or a lexicon form (`brazilian`). */
    if (lower && !variant && formed_word(r, s, len, !(t->flags & TQC_TF_APOS)))
        return;
    if (variant) {
        size_t fl = strlen(fixed);
        if (!lower || all_capitals(fixed, fl)) {
            /* `Qt`, `PCs`, `d'APT` are not in lower case: a name's or an acronym's own
             * casing. A lower-case word known only in capitals (`tap`, `raid` for `TAP`,
             * `RAID`) is a loanword or a code as often as an acronym: a hint either way. */
            tqc_finding *f = tqc_emit(ctx->out, ctx->pass->id, TQC_SEV_INFO, t->span,
                                      "'%.*s' is known only as '%s'", (int)len, s, fixed);
            tqc_finding_suggest(ctx->out, f, fixed, fl);
            return;
        }
        for (size_t i = 0; i < r->loan_count; i++) {
            /* `switch` in French: a loan language's word in lower case, not a name. */
            if (tqc_dict_known(r->loans[i].dict, s, len)) {
                emit_loan(r, t, i);
                return;
            }
        }
        uint64_t uses = 0;
        if (tqc_strmap_get(r->forms, s, len, &uses) && uses >= SPELL_TERM_USES &&
            !written(r, fixed, fl)) {
            /* Written so each time and never as the dictionary writes it: a package or
             * a brand that writes its name in lower case (`debian-installer`). */
            tqc_emit(ctx->out, ctx->pass->id, TQC_SEV_INFO, t->span, "'%.*s' is written '%s'"
                     " in the dictionary, but the text writes it so each time (%u times): a "
                     "name of its own?", (int)len, s, fixed, (unsigned)uses);
            return;
        }
        const char *why = undecided(r, k, s, len);
        if (why) {
            tqc_emit(ctx->out, ctx->pass->id, TQC_SEV_INFO, t->span, "'%.*s' is written '%s' "
                     "in the dictionary, but %s?", (int)len, s, fixed, why);
            return;
        }
        /* `le culte du moi`: beside a word of another language that is not this one's,
         * a word of a phrase of that language as often as a name in lower case. */
        const char *other = foreign_phrase(r, k, s, len);
        if (other) {
            tqc_emit(ctx->out, ctx->pass->id, TQC_SEV_INFO, t->span, "'%.*s' is written '%s' "
                     "in the dictionary, but it and a word beside it are %s: a phrase of that "
                     "language?", (int)len, s, fixed, other);
            return;
        }
        if (noun_form(ctx, s, len, fixed, fl)) {
            /* German `hochdrehen`, `ding`: the dictionary knows the noun made from a verb
             * or another word, not the word itself; a lower-case noun is still worth a
             * look, but capitalising it unattended would break every such verb. */
            tqc_finding *f = tqc_emit(ctx->out, ctx->pass->id, TQC_SEV_INFO, t->span,
                                      "'%.*s' is known only as the noun '%s'", (int)len, s,
                                      fixed);
            tqc_finding_suggest(ctx->out, f, fixed, fl);
            tqc_finding_fix(ctx->out, f, t->span, fixed, fl, false);
            return;
        }
        tqc_finding *f = TQC_EMIT(ctx, t->span,
                                  "proper adjective or name written in lower case: '%.*s' is "
                                  "written '%s'", (int)len, s, fixed);
        tqc_finding_suggest(ctx->out, f, fixed, fl);
        /* Never safe: changing a word's case changes correct text as often as not. */
        tqc_finding_fix(ctx->out, f, t->span, fixed, fl, false);
        return;
    }
    const char *meant = !lower && title_case(s, len) &&
                                !(t->flags & (TQC_TF_HYPHEN | TQC_TF_APOS))
                            ? capital_slip(r, k, s, len, accented, sizeof accented) : NULL;
    if (meant) {
        tqc_finding *f = meant == accented
            ? TQC_EMIT(ctx, t->span, "unknown word '%.*s'; did you mean '%s'? (an accent or a "
                       "mark left off or wrong)", (int)len, s, meant)
            : TQC_EMIT(ctx, t->span, "unknown word '%.*s'; did you mean '%s'? (a common word "
                       "where it stands, and no sign of a name)", (int)len, s, meant);
        tqc_finding_suggest(ctx->out, f, meant, strlen(meant));
        tqc_finding_fix(ctx->out, f, t->span, meant, strlen(meant), false);
        return;
    }
    if (!lower) {
        /* Capitalised or mixed case: a name the dictionary lacks, most probably. */
        tqc_emit(ctx->out, ctx->pass->id, TQC_SEV_INFO, t->span,
                 "'%.*s' is not in the dictionary (a name?)", (int)len, s);
        return;
    }
    if (tqc_ctx_compound_variant(ctx, s, len, compound, sizeof compound)) {
        /* `teen-ager`, `wornout`: a compound of the language written with a hyphen more
         * or less than the dictionary writes it, an older or a house spelling as often as
         * a slip. */
        tqc_finding *f = tqc_emit(ctx->out, ctx->pass->id, TQC_SEV_INFO, t->span,
                                  "'%.*s' is written '%s' in the dictionary", (int)len, s,
                                  compound);
        tqc_finding_suggest(ctx->out, f, compound, strlen(compound));
        return;
    }
    for (size_t i = 0; i < r->loan_count; i++) {
        if (tqc_dict_known(r->loans[i].dict, s, len)) {
            emit_loan(r, t, i);
            return;
        }
    }
    for (size_t i = 0; i < r->loan_count; i++) {
        /* `scsi` in a Portuguese article: a loan language's acronym (`SCSI`) in lower
         * case, as the document's own are (above), a code or a term as often as a slip. */
        char caps[SPELL_MAX_WORD * 2 + 1];
        if (tqc_dict_case_variant(r->loans[i].dict, s, len, caps, sizeof caps) &&
            all_capitals(caps, strlen(caps))) {
            tqc_finding *f = tqc_emit(ctx->out, ctx->pass->id, TQC_SEV_INFO, t->span,
                                      "'%.*s' is known only as %s '%s': an acronym in lower "
                                      "case?", (int)len, s, r->loans[i].name, caps);
            tqc_finding_suggest(ctx->out, f, caps, strlen(caps));
            return;
        }
    }
    for (size_t i = 0; i < r->loan_count; i++) {
        char parts[SPELL_MAX_WORD * 2 + 8];
        if (loan_compound(r, i, s, len, parts, sizeof parts)) {
            /* `localhost`, `hotplug` in a Portuguese article: a term made of a loan
             * language's words, which this language's dictionary cannot judge. */
            tqc_emit(ctx->out, ctx->pass->id, TQC_SEV_INFO, t->span, "'%.*s' reads as %s "
                     "'%s': a term?", (int)len, s, r->loans[i].name, parts);
            return;
        }
    }
    size_t spread = 0;
    size_t odd = tqc_lex_odd_trigrams(tqc_lang_lexicon(ctx->lang), s, len, &spread);
    if (foreign || ((vowelless(ctx->lang, s, len) || (odd >= 2 && spread > SPELL_SLIP_SPREAD)) &&
                    !near_miss(r, s, len))) {
        /* No part a word of the language (`libnss-ldap`), no vowel (`dpkg`), or letters
         * in orders no word of the language has, further apart than one slip of the
         * keyboard makes them (`slapd`, not `ribeirnhos`): a code, a name or a term of
         * another language, which a spell checker cannot judge. */
        tqc_emit(ctx->out, ctx->pass->id, TQC_SEV_INFO, t->span, "'%.*s' is no %s word: a "
                 "name, a code or a term?", (int)len, s, tqc_lang_setting(ctx->lang, "name", "known"));
        return;
    }
    tqc_split sp;
    if (compound_reading(ctx, s, len, &sp)) {
        /* Two words written solid (`knuckleball`): a compound the dictionary lacks as
         * often as two words run together, which missing-space judges. */
        char parts[SPELL_MAX_WORD * 2 + 8];
        if (tqc_split_format(s, &sp, parts, sizeof parts)) {
            tqc_emit(ctx->out, ctx->pass->id, TQC_SEV_INFO, t->span, "'%.*s' is not in the "
                     "dictionary: a compound of '%s'?", (int)len, s, parts);
            return;
        }
    }
    uint64_t uses = 0;
    if (tqc_strmap_get(r->uses, s, len, &uses) && uses >= SPELL_TERM_USES && !near_miss(r, s, len)) {
        tqc_emit(ctx->out, ctx->pass->id, TQC_SEV_INFO, t->span, "'%.*s' is not in the "
                 "dictionary, but the text writes it %u times so and no frequent word is one "
                 "letter away: a term?", (int)len, s, (unsigned)uses);
        return;
    }
    const char *why = undecided(r, k, s, len);
    if (why) {
        tqc_emit(ctx->out, ctx->pass->id, TQC_SEV_INFO, t->span, "'%.*s' is not in the "
                 "dictionary, but %s?", (int)len, s, why);
        return;
    }
    const char *lang_name = foreign_phrase(r, k, s, len);
    if (lang_name) {
        tqc_emit(ctx->out, ctx->pass->id, TQC_SEV_INFO, t->span, "'%.*s' is not in the "
                 "dictionary, but it and a word beside it are %s: a phrase of that language?",
                 (int)len, s, lang_name);
        return;
    }
    char spoken[SPELL_MAX_WORD * 2 + 1];
    size_t sn = !(t->flags & TQC_TF_APOS) ? dropped_ending(ctx, s, len, spoken, sizeof spoken) : 0;
    if (sn) {
        /* `nothin`, `goin`: a word as speech says it, which fiction and quoted speech
         * write so on purpose as often as a slip drops that letter. */
        tqc_finding *f = tqc_emit(ctx->out, ctx->pass->id, TQC_SEV_INFO, t->span, "'%.*s' is "
                                  "'%.*s' as it is spoken: eye dialect, or a slip?", (int)len, s,
                                  (int)sn, spoken);
        tqc_finding_suggest(ctx->out, f, spoken, sn);
        return;
    }
    spell_entry *e = suggestions(r, s, len);
    tqc_finding *f;
    const char *full = (t->flags & TQC_TF_APOS) ? elided_inside(s, len, e) : NULL;
    if (full) {
        /* `ever'body`, `pop'lar`: the apostrophe marks letters left out, as eye dialect
         * writes speech on purpose. */
        f = tqc_emit(ctx->out, ctx->pass->id, TQC_SEV_INFO, t->span, "'%.*s' is '%s' with "
                     "letters left out where the apostrophe is: eye dialect, or a slip?",
                     (int)len, s, full);
        tqc_finding_suggest(ctx->out, f, full, strlen(full));
        return;
    }
    /* (Hunspell suggests no word with its clitic: `enviroment'll`.) */
    /* Asked once a word: the edit walk is the costly part of an unknown word. */
    if (e && e->count == 0 && !(t->flags & TQC_TF_APOS) && e->slip < 0)
        e->slip = token_slip(r, k, s, len);
    tqc_split solid;
    if (e && e->count == 0 && !(t->flags & TQC_TF_APOS) && e->slip &&
        two_words(ctx, s, len, SPELL_SHORT_CHARS + 1, &solid)) {
        /* No frequent word one edit away, and two words of the language written solid
         * (a colour's or a place's compound in any language: `verdeazul`): a compound the
         * dictionary lacks as often as a slip of a rare word, a hint. */
        char parts[SPELL_MAX_WORD * 2 + 8];
        if (tqc_split_format(s, &solid, parts, sizeof parts)) {
            tqc_emit(ctx->out, ctx->pass->id, TQC_SEV_INFO, t->span, "'%.*s' is not in the "
                     "dictionary, and no frequent word is one letter away: a compound of "
                     "'%s'?", (int)len, s, parts);
            return;
        }
    }
    if (e && e->count == 0 && !(t->flags & TQC_TF_APOS) && !e->slip) {
        /* A slip of the keyboard is one edit from the word meant: with no word of the
         * dictionary one edit away, the unknown word is a term, a name or a rare word as
         * often as a misspelling, which a spell checker cannot tell apart: a hint. */
        tqc_emit(ctx->out, ctx->pass->id, TQC_SEV_INFO, t->span, "'%.*s' is not in the "
                 "dictionary, and no word is one letter away: a term, a name or a "
                 "misspelling?", (int)len, s);
        return;
    }
    if (e && e->count > 0 && e->reading == SLIP_ATYPICAL && !(t->flags & TQC_TF_APOS) &&
        chars_of(s, len) > SPELL_SHORT_CHARS) {
        /* One edit from a word, but by no edit a slip makes as a rule (`pibe`: `pie`): a
         * rare, regional or borrowed word as often as a misspelling, a hint; emitted as a
         * warning so that a passage counts it (settle_passage), then made one
         * (settle_atypical). A short word is one edit from many, by some slip or other. */
        f = TQC_EMIT(ctx, t->span, "'%.*s' is not in the dictionary, and no typical slip "
                     "makes it of a word ('%s'?): a rare, regional or borrowed word, or a "
                     "misspelling?", (int)len, s, e->list[0]);
        for (size_t i = 0; i < e->count; i++)
            tqc_finding_suggest(ctx->out, f, e->list[i], strlen(e->list[i]));
        if (f && r->atypical_count < SPELL_MAX_SUGGESTED)
            r->atypical[r->atypical_count++] = (size_t)(f - ctx->out->items);
        else if (f)
            f->severity = TQC_SEV_INFO; /* (past the paragraph's budget: uncounted) */
        return;
    }
    if (e && e->count > 0)
        f = TQC_EMIT(ctx, t->span, "unknown word '%.*s'; did you mean '%s'?", (int)len, s,
                     e->list[0]);
    else
        f = TQC_EMIT(ctx, t->span, "unknown word '%.*s'", (int)len, s);
    for (size_t i = 0; e && i < e->count; i++)
        tqc_finding_suggest(ctx->out, f, e->list[i], strlen(e->list[i]));
    if (e && e->count > 0)
        tqc_finding_fix(ctx->out, f, t->span, e->list[0], strlen(e->list[0]), false);
}

/* The other regional varieties of a document in a language without a region: the
 * profile's `varieties` after the first (the default, which its dictionary is) whose
 * dictionaries are installed. */
static void open_varieties(spell_run *r)
{
    tqc_ctx_variety v[SPELL_MAX_VARIETIES + 1];
    size_t n = tqc_ctx_varieties(r->ctx, v, SPELL_MAX_VARIETIES + 1);
    if (n == 0)
        return;
    r->default_code = v[0].code;
    r->default_len = v[0].code_len;
    for (size_t i = 1; i < n; i++)
        r->varieties[r->variety_count++] = (spell_variety){v[i].code, v[i].code_len, v[i].dict, 0, 0};
}

/* The languages the profile's `loan-languages` names (`en`), whose words a lower-case
 * unknown word may be borrowed from. */
static void open_loans(spell_run *r)
{
    tqc_ctx_loan loans[SPELL_MAX_VARIETIES];
    r->loan_count = tqc_ctx_loans(r->ctx, loans, SPELL_MAX_VARIETIES);
    for (size_t i = 0; i < r->loan_count; i++) {
        r->loans[i].dict = loans[i].dict;
        r->loans[i].name = loans[i].name;
    }
}

/* The name of variety code in messages (`British`): the profile's `variety-name.CODE`. */
static const char *variety_name(const tqc_lang *lang, const char *code, size_t n)
{
    char key[64];
    snprintf(key, sizeof key, "variety-name.%.*s", (int)n, code);
    const char *name = tqc_lang_setting(lang, key, NULL);
    return name ? name : "another variety's";
}

/* Once per document: the words of another variety beside words only the default one
 * knows. The text's variety is the one most of these words are in. */
static void report_mixture(spell_run *r)
{
    const tqc_ctx *ctx = r->ctx;
    const tqc_doc *doc = ctx->doc;
    for (size_t v = 0; v < r->variety_count; v++) {
        spell_variety *var = &r->varieties[v];
        if (!var->words)
            continue;
        size_t own = 0, own_first = 0;
        const tqc_ctx_variety cv = {var->code, var->code_len, var->dict};
        for (size_t k = 0; k < doc->token_count; k++) {
            if (!tqc_ctx_variety_witness(ctx, k) || !tqc_ctx_token_known(ctx, k) ||
                tqc_ctx_variety_knows(ctx, k, &cv))
                continue;
            if (own++ == 0)
                own_first = k;
        }
        if (!own)
            continue;
        bool mostly_other = var->words >= own;
        size_t odd = mostly_other ? own_first : var->first;
        const tqc_token *t = &doc->tokens[odd];
        const char *ours = variety_name(ctx->lang, r->default_code, r->default_len);
        const char *theirs = variety_name(ctx->lang, var->code, var->code_len);
        const tqc_token *o = &doc->tokens[mostly_other ? var->first : own_first];
        tqc_emit(ctx->out, ctx->pass->id, TQC_SEV_INFO, t->span, "%s and %s spellings mixed: "
                 "'%.*s' is %s, but most of the text is %s (%zu word%s such as '%.*s'; %zu "
                 "%s)", ours, theirs, (int)tqc_span_len(t->span), tqc_doc_at(doc, t->span),
                 mostly_other ? ours : theirs, mostly_other ? theirs : ours,
                 mostly_other ? var->words : own, (mostly_other ? var->words : own) == 1 ? "" : "s",
                 (int)tqc_span_len(o->span), tqc_doc_at(doc, o->span),
                 mostly_other ? own : var->words, mostly_other ? ours : theirs);
    }
}

/* How often the document writes each word token as written (r->forms) and each
 * lower-case word its dictionary lacks (r->uses); either left NULL when out of memory:
 * then no word counts as a term and no form as written elsewhere. */
static void count_uses(spell_run *r)
{
    const tqc_ctx *ctx = r->ctx;
    if (!(r->forms = tqc_strmap_new()) || !(r->uses = tqc_strmap_new()))
        goto fail;
    for (size_t k = 0; k < ctx->doc->token_count; k++) {
        const tqc_token *t = &ctx->doc->tokens[k];
        if (t->kind != TQC_TOK_WORD)
            continue;
        const char *s = tqc_doc_at(ctx->doc, t->span);
        size_t len = tqc_span_len(t->span);
        uint64_t n = 0;
        tqc_strmap_get(r->forms, s, len, &n);
        if (!tqc_strmap_put(r->forms, s, len, n + 1))
            goto fail;
        if (!(t->flags & TQC_TF_LOWER) || (t->flags & (TQC_TF_DIGIT | TQC_TF_PERIOD)) ||
            tqc_ctx_token_known(ctx, k))
            continue;
        n = 0;
        tqc_strmap_get(r->uses, s, len, &n);
        if (!tqc_strmap_put(r->uses, s, len, n + 1))
            goto fail;
    }
    return;
fail:
    tqc_strmap_free(r->uses);
    tqc_strmap_free(r->forms);
    r->uses = r->forms = NULL;
}

/* Whether the findings a and b name the same word as written. */
static bool same_word(const tqc_doc *doc, const tqc_finding *a, const tqc_finding *b)
{
    size_t n = tqc_span_len(a->span);
    return n == tqc_span_len(b->span) && !memcmp(tqc_doc_at(doc, a->span), tqc_doc_at(doc, b->span), n);
}

/* Whether f is a warning of this pass that a passage may settle: not an accent written
 * wrong (`recu` for `reçu`), a slip however many others its paragraph has. */
static bool passage_word(const tqc_ctx *ctx, const tqc_finding *f)
{
    return f->rule == ctx->pass->id && f->severity == TQC_SEV_WARNING &&
           !(f->suggestion_count &&
             same_letters(tqc_doc_at(ctx->doc, f->span), tqc_span_len(f->span), f->suggestions[0]));
}

/* Turns f into a hint that says it is one word of a passage. */
static void settle_as_passage(const tqc_ctx *ctx, tqc_finding *f)
{
    char buf[1024];
    int n = snprintf(buf, sizeof buf, "%s (one of %d words or more close together that the "
                     "dictionary lacks: dialect, an older spelling or another language?)",
                     f->message, SPELL_PASSAGE_WORDS);
    const char *msg = n > 0 ? tqc_arena_strndup(ctx->doc->arena, buf,
                                                 (size_t)n < sizeof buf ? (size_t)n : sizeof buf - 1)
                            : NULL;
    if (msg)
        f->message = msg;
    f->severity = TQC_SEV_INFO;
}

/* The warnings this pass emitted for one paragraph (findings from..end, in text order):
 * SPELL_PASSAGE_WORDS distinct words or more within SPELL_PASSAGE_BYTES of text are a
 * passage in dialect, an older spelling or another language (`the vittels were short, the
 * wagun was brokke`), whose words a spell checker cannot judge one by one, so each becomes
 * a hint (info) that says why. Slips spread over a long paragraph (a whole article on one
 * line) stay warnings. One walk: the window's distinct words are the most recent ones. */
static void settle_passage(const tqc_ctx *ctx, size_t from)
{
    tqc_findings *out = ctx->out;
    size_t recent[SPELL_PASSAGE_WORDS]; /* the last finding of each recent distinct word,
                                           most recent first */
    size_t known = 0, settled = from;
    for (size_t i = from; i < out->count; i++) {
        tqc_finding *f = &out->items[i];
        if (!passage_word(ctx, f))
            continue;
        size_t at = 0;
        while (at < known && !same_word(ctx->doc, f, &out->items[recent[at]]))
            at++;
        if (at == known && known < SPELL_PASSAGE_WORDS)
            known++;
        if (at == SPELL_PASSAGE_WORDS)
            at--;
        memmove(recent + 1, recent, at * sizeof *recent);
        recent[0] = i;
        if (known < SPELL_PASSAGE_WORDS)
            continue;
        size_t oldest = recent[SPELL_PASSAGE_WORDS - 1];
        size_t a = out->items[oldest].span.start, b = f->span.start;
        if ((a < b ? b - a : a - b) > SPELL_PASSAGE_BYTES)
            continue;
        for (size_t j = oldest > settled ? oldest : settled; j <= i; j++)
            if (passage_word(ctx, &out->items[j]))
                settle_as_passage(ctx, &out->items[j]);
        settled = i + 1;
    }
}

/* Makes the paragraph's findings for words no typical slip makes hints (check_token),
 * those a passage has not made hints already. */
static void settle_atypical(spell_run *r)
{
    for (size_t i = 0; i < r->atypical_count; i++) {
        tqc_finding *f = &r->ctx->out->items[r->atypical[i]];
        if (f->severity == TQC_SEV_WARNING)
            f->severity = TQC_SEV_INFO;
    }
    r->atypical_count = 0;
}

static void run(const tqc_ctx *ctx)
{
    spell_run r = {.ctx = ctx};
    if (!tqc_span_index_build(&r.run_ons, ctx->out, "missing-space") ||
        !tqc_span_index_build(&r.foreign, ctx->out, "untranslated")) {
        tqc_span_index_free(&r.run_ons);
        ctx->out->failed = true;
        return;
    }
    open_varieties(&r);
    open_loans(&r);
    count_uses(&r);
    /* Tokens in order, the sentence's opening kept as it goes (walking back to it from
     * each unknown word was quadratic in a sentence that never ends). */
    size_t paragraph_from = ctx->out->count;
    for (size_t k = 0; k < ctx->doc->token_count; k++) {
        if (ctx->doc->tokens[k].flags & TQC_TF_PARA_START) {
            settle_passage(ctx, paragraph_from);
            settle_atypical(&r);
            paragraph_from = ctx->out->count;
        }
        if (ctx->doc->tokens[k].flags & TQC_TF_SENT_START)
            r.sentence_open = k;
        check_token(&r, &ctx->doc->tokens[k]);
    }
    settle_passage(ctx, paragraph_from);
    settle_atypical(&r);
    report_mixture(&r);
    run_free(&r);
    tqc_span_index_free(&r.run_ons);
    tqc_span_index_free(&r.foreign);
}

const tqc_pass tqc_pass_spelling = {
    .id = "spelling",
    .severity = TQC_SEV_WARNING,
    .severities = TQC_SEV_BIT(TQC_SEV_WARNING) | TQC_SEV_BIT(TQC_SEV_INFO),
    .summary = "words the dictionary does not know, and names written in lower case",
    .good = "The Brazilian military said the launch was detected on Wednesday.",
    .bad = "The brazilian military said the lauch was detected on Wednesday.",
    .details = "Words the language's Hunspell dictionary does not know, with suggestions (one-edit"
               " corrections ranked by how typical a slip makes the word of each, then by "
               "frequency, then Hunspell's), and names written in lower "
               "case. An unknown lower-case word is a warning; an unknown capitalised word is "
               "probably a name and only a hint (info), unless it is a common word but for an "
               "accent, or one edit from a noun where a noun stands, with no sign of a name. A "
               "word one edit from words only by edits no slip makes (a key far from its "
               "neighbours, a marked letter typed for another) is a hint. A word of the "
               "language its neighbours rule out (rules/<lang>/confusions: `longer then the`, "
               "`das` for `dass`, `a` for `à`) is a warning with the word meant. Regular "
               "formations the dictionary lacks "
               "(a prefix, enclitic pronouns, a German compound) are words unless a frequent word "
               "is one edit away; a code, a package name or a word with no vowel is a hint, and so is"
               " a word the text shows it writes on purpose (in capitals too, `name(8)`, in a "
               "file or host name, alone in quotes, used the same way each time), and so are "
               "three unknown words or more of one paragraph (dialect, an older spelling or "
               "another language). Accept your own words with --words FILE or a `tqc: words` "
               "comment.",
    .init = init,
    .run = run,
    .fini = fini,
    .needs_dict = true,
};
