/* joins: a word run into a number or an acronym, for the missing-space pass.
 *
 * Letters and digits share a token in many correct forms: codes and models in capitals
 * (`A380`, `CO2`, `G7`), units and ordinals after a number (`5km`, `21st`, `1er`, the
 * profile list `number-suffixes`), letters between digits (`4x4`, `9h15`). A run-on is a
 * whole word on either side: a preposition glued to a year (`in2019`, `nel2019`), a count
 * glued to its noun (`300people`, `12Millionen`). Which side is a word the lexicon says,
 * so the verdict follows its parts of speech, not a list of shapes:
 *   - word, then number: a function word of the language (an error with a safe fix:
 *     no correct text writes `since1990`), or a common word of four letters or more the
 *     lexicon and the dictionary know (a warning: `rund40`); in capitals or mixed case it
 *     is a code (`MP3`, `iOS17`), capitalised a name (`Windows10`) unless the language
 *     capitalises nouns and the lexicon has it as one (`Jahr2020`);
 *   - number, then word: a function word, or a common word of three letters or more, not
 *     a suffix or unit of `number-suffixes` (`2020er`, `1ère`, `9am`) nor in capitals
 *     (`5GHz`): a warning. A word before a number with an ordinal ending is read the
 *     same (`the2nd`, `le1er`).
 * An acronym in capitals run into a word in lower case (`NATOsummit`, `FMIdans`) splits
 * after the capitals, or before the last one when that begins a word (`EUKommission`);
 * endings that acronyms take (`NGOs`, the list `acronym-endings`) and a name after the
 * cut (`JPMorgan`) are no run-on. A form the article writes twice is its own term: a
 * hint at most. */
#include "pass/joins.h"

#include <stdio.h>
#include <string.h>

#include "core/text.h"
#include "lang/lex.h"
#include "lang/split.h"

/* Longer tokens are not looked at: no run-on of two words is this long. */
#define JOIN_MAX_WORD 128
/* A common word run into a number counts from these lengths: shorter ones are unit
 * symbols and abbreviations as often (`km2`, `5bn`). */
#define JOIN_WORD_BEFORE_CHARS 4
#define JOIN_WORD_AFTER_CHARS 3
/* A function word counts from two letters: single letters are codes (`m2`, `x86`). */
#define JOIN_FUNCTION_CHARS 2
/* A common word before a number of fewer digits is a name with its version as often. */
#define JOIN_COUNT_DIGITS 2
/* A common word after an acronym counts from this length (`IPsec` is a term). */
#define JOIN_ACRONYM_TAIL_CHARS 4

enum { RUN_NONE, RUN_LETTERS, RUN_DIGITS };

static bool letter(int32_t cp)
{
    return tqc_text_is_letter(cp) || tqc_text_is_mark(cp);
}

/* Splits s into runs of letters and of digits (a digit run may hold the marks a number
 * is written with between digits: `12,5`, `1.000`): cuts gets where the second and the
 * third begin, *first which kind comes first. Returns how many runs, 2 or 3; 0 for any
 * other shape. */
static size_t runs_of(const char *s, size_t len, size_t cuts[2], int *first)
{
    int kind = RUN_NONE;
    size_t runs = 0;
    for (size_t i = 0; i < len;) {
        int32_t cp, next = -1;
        size_t n = tqc_text_decode(s + i, len - i, &cp);
        if (i + n < len)
            tqc_text_decode(s + i + n, len - i - n, &next);
        int k;
        if (letter(cp))
            k = RUN_LETTERS;
        else if (tqc_text_is_digit(cp))
            k = RUN_DIGITS;
        else if ((cp == '.' || cp == ',' || cp == ':' || cp == '/') && kind == RUN_DIGITS &&
                 tqc_text_is_digit(next))
            k = RUN_DIGITS;
        else
            return 0;
        if (k != kind) {
            if (++runs > 3)
                return 0;
            if (runs == 1)
                *first = k;
            else
                cuts[runs - 2] = i;
            kind = k;
        }
        i += n;
    }
    return runs >= 2 ? runs : 0;
}

/* Letter case of a word: all lower, capitalised (one capital, then lower), or other. */
enum { CASE_LOWER, CASE_TITLE, CASE_OTHER };

static int word_case(const char *s, size_t len)
{
    bool first = true, title = false;
    for (size_t i = 0; i < len;) {
        int32_t cp;
        i += tqc_text_decode(s + i, len - i, &cp);
        if (tqc_text_is_upper(cp)) {
            if (!first)
                return CASE_OTHER;
            title = true;
        } else if (!tqc_text_is_lower(cp) && !tqc_text_is_mark(cp)) {
            return CASE_OTHER; /* `º`, `ª`: no case */
        }
        first = false;
    }
    return title ? CASE_TITLE : CASE_LOWER;
}

/* The lexicon's parts of speech for s as written and lower-cased, proper nouns aside. */
static uint32_t common_pos(const tqc_ctx *ctx, const char *s, size_t len)
{
    const tqc_lex *lex = tqc_lang_lexicon(ctx->lang);
    char lower[JOIN_MAX_WORD * 2];
    if (!lex)
        return 0;
    size_t n = tqc_text_case(s, len, TQC_CASE_LOWER, lower, sizeof lower);
    uint32_t pos = tqc_lex_pos(lex, s, len) | (n ? tqc_lex_pos(lex, lower, n) : 0);
    return pos & ~(uint32_t)TQC_POS_PROPN;
}

/* Whether s lower-cased is an entry of the profile list `list`. */
static bool listed_lower(const tqc_ctx *ctx, const char *list, const char *s, size_t len)
{
    char lower[JOIN_MAX_WORD * 2];
    size_t n = tqc_text_case(s, len, TQC_CASE_LOWER, lower, sizeof lower);
    return n && tqc_lang_in(ctx->lang, list, lower, n);
}

/* How often the text of token k stands as a token in its document. */
static size_t written_times(const tqc_ctx *ctx, size_t k)
{
    const tqc_doc *doc = ctx->doc;
    const char *s = tqc_doc_at(doc, doc->tokens[k].span);
    size_t len = tqc_span_len(doc->tokens[k].span), n = 0;
    for (size_t j = 0; j < doc->token_count; j++) {
        const tqc_token *t = &doc->tokens[j];
        n += tqc_span_len(t->span) == len && memcmp(tqc_doc_at(doc, t->span), s, len) == 0;
    }
    return n;
}

/* Reports token k as two words with joiner (a space, or a hyphen) put at byte cut of its
 * text. */
static void report_cut_with(const tqc_ctx *ctx, size_t k, size_t cut, char joiner,
                            tqc_severity sev, bool safe, const char *why)
{
    const tqc_token *t = &ctx->doc->tokens[k];
    const char *s = tqc_doc_at(ctx->doc, t->span);
    size_t len = tqc_span_len(t->span);
    char fixed[JOIN_MAX_WORD + 2];
    if (len + 1 >= sizeof fixed)
        return;
    memcpy(fixed, s, cut);
    fixed[cut] = joiner;
    memcpy(fixed + cut + 1, s + cut, len - cut);
    if (written_times(ctx, k) > 1) {
        sev = TQC_SEV_INFO; /* a term of the article's own, as a name recurs */
        safe = false;
    }
    tqc_finding *f = tqc_emit(ctx->out, ctx->pass->id, sev, t->span,
                              "'%.*s' is not a word; '%.*s' is (%s)", (int)len, s,
                              (int)(len + 1), fixed, why);
    tqc_finding_suggest(ctx->out, f, fixed, len + 1);
    tqc_finding_fix(ctx->out, f, t->span, fixed, len + 1, safe);
}

static void report_cut(const tqc_ctx *ctx, size_t k, size_t cut, tqc_severity sev, bool safe,
                       const char *why)
{
    report_cut_with(ctx, k, cut, ' ', sev, safe, why);
}

/* How many digits s[from..len) holds. */
static size_t digits_from(const char *s, size_t len, size_t from)
{
    size_t n = 0;
    for (size_t i = from; i < len; i++)
        n += s[i] >= '0' && s[i] <= '9';
    return n;
}

/* `in2019`, `Jahr2020`, `rund40`: the word before the number, w[0..wl). */
static void word_then_number(const tqc_ctx *ctx, size_t k, const char *w, size_t wl,
                             size_t cut)
{
    const tqc_token *t = &ctx->doc->tokens[k];
    size_t chars = tqc_text_chars(w, wl);
    int wc = word_case(w, wl);
    bool fn = chars >= JOIN_FUNCTION_CHARS && tqc_split_is_function_word(ctx->lang, w, wl);
    bool noun = tqc_lang_yes(ctx->lang, "capitalised-nouns") &&
                (common_pos(ctx, w, wl) & TQC_POS_NOUN);
    /* Capitalised: a name or a product (`Windows10`) unless a sentence opens with the
     * function word or the language capitalises the noun. */
    if (wc == CASE_OTHER ||
        (wc == CASE_TITLE && !(fn && (t->flags & TQC_TF_SENT_START)) && !noun))
        return;
    if (fn) {
        report_cut(ctx, k, cut, TQC_SEV_ERROR, true, "a function word run into a number");
        return;
    }
    /* A single digit after a common word is a version as often (`apache2`, `web3`): a
     * hint. */
    if (chars >= JOIN_WORD_BEFORE_CHARS && common_pos(ctx, w, wl) &&
        tqc_dict_known(ctx->dict, w, wl))
        report_cut(ctx, k, cut,
                   digits_from(tqc_doc_at(ctx->doc, t->span), tqc_span_len(t->span), cut) >=
                           JOIN_COUNT_DIGITS ? TQC_SEV_WARNING : TQC_SEV_INFO,
                   false, "a word run into a number");
}

/* `300people`, `12Millionen`: the word after the number, w[0..wl). */
static void number_then_word(const tqc_ctx *ctx, size_t k, const char *w, size_t wl,
                             size_t cut)
{
    int wc = word_case(w, wl);
    size_t chars = tqc_text_chars(w, wl);
    if (chars < JOIN_FUNCTION_CHARS || wc == CASE_OTHER ||
        listed_lower(ctx, "number-suffixes", w, wl))
        return;
    /* `2019in`: a function word after a number opens the next phrase. */
    if (wc == CASE_LOWER && tqc_split_is_function_word(ctx->lang, w, wl)) {
        report_cut(ctx, k, cut, TQC_SEV_WARNING, false, "a number run into a function word");
        return;
    }
    if (chars < JOIN_WORD_AFTER_CHARS)
        return;
    uint32_t pos = common_pos(ctx, w, wl);
    if (wc == CASE_TITLE && !(tqc_lang_yes(ctx->lang, "capitalised-nouns") &&
                              (pos & TQC_POS_NOUN)))
        return; /* a brand (`3Com`) */
    if (pos && tqc_dict_known(ctx->dict, w, wl))
        report_cut(ctx, k, cut, TQC_SEV_WARNING, false, "a number run into a word");
}

bool tqc_join_number(const tqc_ctx *ctx, size_t k)
{
    const tqc_token *t = &ctx->doc->tokens[k];
    if ((t->kind != TQC_TOK_WORD && t->kind != TQC_TOK_NUMBER) || !(t->flags & TQC_TF_DIGIT))
        return false;
    const char *s = tqc_doc_at(ctx->doc, t->span), *rest = s;
    size_t len = tqc_span_len(t->span), rest_len = len;
    int first = RUN_NONE;
    if (len > JOIN_MAX_WORD)
        return true;
    /* `d'environ40`: the word after an elided article is the one judged. */
    if ((t->flags & TQC_TF_APOS) && !tqc_ctx_after_elision(ctx, s, len, &rest, &rest_len))
        return true;
    size_t cuts[2], runs = runs_of(rest, rest_len, cuts, &first), at = (size_t)(rest - s);
    /* Asked only of letters beside digits: numbers alone are most tokens with a digit. */
    if (runs == 0 || tqc_ctx_token_known(ctx, k))
        return true;
    if (runs == 2 && first == RUN_LETTERS)
        word_then_number(ctx, k, rest, cuts[0], at + cuts[0]);
    else if (runs == 2)
        number_then_word(ctx, k, rest + cuts[0], rest_len - cuts[0], at + cuts[0]);
    else if (runs == 3 && first == RUN_LETTERS &&
             listed_lower(ctx, "number-suffixes", rest + cuts[1], rest_len - cuts[1]))
        word_then_number(ctx, k, rest, cuts[0], at + cuts[0]); /* `the2nd`, `le1er` */
    return true;
}

bool tqc_join_acronym(const tqc_ctx *ctx, size_t k)
{
    const tqc_token *t = &ctx->doc->tokens[k];
    if (t->kind != TQC_TOK_WORD || !(t->flags & TQC_TF_CAP) ||
        (t->flags & (TQC_TF_DIGIT | TQC_TF_PERIOD | TQC_TF_HYPHEN | TQC_TF_APOS |
                     TQC_TF_ALLCAPS | TQC_TF_INNER_CAP | TQC_TF_LOWER)))
        return false;
    const char *s = tqc_doc_at(ctx->doc, t->span);
    size_t len = tqc_span_len(t->span), caps = 0, last_cap = 0, i = 0;
    if (len > JOIN_MAX_WORD)
        return false;
    /* The capitals at the start, then only lower-case letters. */
    while (i < len) {
        int32_t cp;
        size_t n = tqc_text_decode(s + i, len - i, &cp);
        if (!tqc_text_is_upper(cp))
            break;
        last_cap = i;
        caps++;
        i += n;
    }
    if (caps < 2 || i >= len || word_case(s + i, len - i) != CASE_LOWER)
        return false;
    const char *tail = s + i;
    size_t tl = len - i, tchars = tqc_text_chars(tail, tl);
    /* `EUKommission`: the last capital begins a word; `JPMorgan`: a name. */
    if (caps >= 3 && tqc_dict_known(ctx->dict, s + last_cap, len - last_cap)) {
        const tqc_lex *lex = tqc_lang_lexicon(ctx->lang);
        if (lex && (tqc_lex_pos(lex, s + last_cap, len - last_cap) & TQC_POS_PROPN))
            return true;
        if (common_pos(ctx, s + last_cap, len - last_cap) && tchars >= JOIN_WORD_AFTER_CHARS) {
            /* Where compounds are solid, an acronym's is written with a hyphen
             * (`EU-Kommission`). */
            bool solid = tqc_lang_yes(ctx->lang, "solid-compounds");
            report_cut_with(ctx, k, last_cap, solid ? '-' : ' ', TQC_SEV_WARNING, false,
                            solid ? "an acronym run into a noun: a compound takes a hyphen"
                                  : "an acronym run into a word");
            return true;
        }
    }
    if (listed_lower(ctx, "acronym-endings", tail, tl))
        return true;
    if (tchars >= JOIN_FUNCTION_CHARS && tqc_split_is_function_word(ctx->lang, tail, tl))
        report_cut(ctx, k, i, TQC_SEV_ERROR, true, "an acronym run into a function word");
    else if (tchars >= JOIN_ACRONYM_TAIL_CHARS && common_pos(ctx, tail, tl) &&
             tqc_dict_known(ctx->dict, tail, tl))
        report_cut(ctx, k, i, TQC_SEV_WARNING, false, "an acronym run into a word");
    return true;
}
