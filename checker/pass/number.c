/* number: numbers, times and dates that change between source and target, and numbers
 * left in another locale's notation.
 * Bilingual (doc->source): every number of the source should be in the target and no
 * other, read as values so that locale conversions pass (`3,5` = `3.5`, `1.000` =
 * `1,000`, `11h43` = `11:43 am`, `15h43` = `3:43 pm`, `€ 5` = `€5`; lang/bitext.h). A target
 * number that matches none of the source's is reported (naming the source number it
 * probably replaced when exactly one is left over); a source number missing from the
 * target is reported on the whole segment. Integers up to ten are skipped either way:
 * translations write them out as words.
 * Monolingual, by the profile's `decimal-separator` and `time-separator`: a decimal
 * comma (`3,5 million`), dots grouping thousands (`1.000.000`) or a time written `11h43`
 * or `11 h 43` in a language that writes `3.5`, `1,000,000` and `11:43`; a decimal point,
 * commas grouping thousands or a 12-hour time (`twelve-hour-marks`) in one that writes
 * `3,5`, `1.000` and `21:30`; a time written with a colon (`6:30`) where the language
 * writes `6h30`; a date whose month cannot be one in the profile's `date-order` (`08/31`
 * where the day comes first), or where the varieties differ (English), in the order of the
 * variety the article is spelt in. A number beside a word of `version-words` is a version, and
 * one with two places before a word of `clock-words` a time. */
#include "pass/pass.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "core/alloc.h"
#include "lang/bitext.h"
#include "lang/lex.h"
#include "core/text.h"

/* Numbers compared per segment; a segment with more is a table, checked up to here. */
#define NUM_MAX 256

typedef struct num {
    tqc_span span;
    tqc_num_atom atoms[TQC_NUM_MAX_ATOMS];
    size_t atom_count;
    bool used[TQC_NUM_MAX_ATOMS];
} num;

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* The numbers of doc: number tokens, and the digit runs inside words (`G20`, and
 * scripts written without spaces, where `30公里` is part of a longer word). */
static size_t collect(const tqc_doc *doc, num *out, size_t cap)
{
    size_t n = 0;
    for (size_t k = 0; k < doc->token_count && n < cap; k++) {
        const tqc_token *t = &doc->tokens[k];
        if (t->kind != TQC_TOK_NUMBER && !(t->kind == TQC_TOK_WORD && (t->flags & TQC_TF_DIGIT)))
            continue;
        const char *s = doc->text;
        for (size_t i = t->span.start; i < t->span.end && n < cap;) {
            if (!is_digit(s[i])) {
                i++;
                continue;
            }
            size_t j = i;
            while (j < t->span.end && (is_digit(s[j]) || s[j] == '.' || s[j] == ',' ||
                                       s[j] == ':' || s[j] == '/' || s[j] == '-' ||
                                       ((s[j] == 'h' || s[j] == 'H') && j + 1 < t->span.end &&
                                        is_digit(s[j + 1]))))
                j++;
            out[n].span = tqc_span_make(i, j);
            out[n].atom_count = tqc_num_read(doc->text, out[n].span, out[n].atoms);
            memset(out[n].used, 0, sizeof out[n].used);
            n++;
            i = j;
        }
    }
    return n;
}

/* Longest number (and glued suffix) judged by the notation checks. */
#define NUM_MAX_TEXT 64

static bool is_ascii_letter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static char ascii_lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* The code point at i (0 when i is out of the text). */
static int32_t cp_at(const tqc_doc *doc, size_t i)
{
    int32_t cp = 0;
    if (i < doc->len && !tqc_text_decode(doc->text + i, doc->len - i, &cp))
        cp = 0;
    return cp;
}

static bool is_currency(int32_t cp)
{
    return cp > 0 && utf8proc_category(cp) == UTF8PROC_CATEGORY_SC;
}

/* The word token that follows token k after at most one space, or SIZE_MAX. */
static size_t next_word(const tqc_doc *doc, size_t k)
{
    if (k + 1 >= doc->token_count)
        return SIZE_MAX;
    const tqc_token *t = &doc->tokens[k + 1];
    if (t->kind != TQC_TOK_WORD || (t->flags & TQC_TF_NEWLINE_BEFORE) ||
        t->span.start - doc->tokens[k].span.end > 3)
        return SIZE_MAX;
    return k + 1;
}

static bool listed_lower(const tqc_lang *lang, const char *list, const char *s, size_t n)
{
    char lower[128];
    size_t m = tqc_text_case(s, n, TQC_CASE_LOWER, lower, sizeof lower);
    return m && tqc_lang_in(lang, list, lower, m);
}

/* Whether token k follows a name or a code in its sentence (`Debian 11.2`, `Windows
 * 3.1`, `iOS 17.2`): then it is a version more often than a quantity. */
static bool after_name(const tqc_doc *doc, size_t k)
{
    if (k == 0)
        return false;
    const tqc_token *p = &doc->tokens[k - 1];
    if (p->kind != TQC_TOK_WORD || p->sentence != doc->tokens[k].sentence ||
        (p->flags & TQC_TF_SENT_START))
        return false;
    int32_t cp;
    return (p->flags & TQC_TF_DIGIT) ||
           (tqc_text_decode(doc->text + p->span.start, tqc_span_len(p->span), &cp) &&
            tqc_text_is_upper(cp));
}

/* Modifiers looked through between a count and its noun. */
#define NUM_MODIFIER_HOPS 2

/* Whether the number of token k (its digits end at digits_end) measures a quantity: a
 * percent or currency sign beside it, a unit glued to it, a word of the profile's
 * `quantity-words` list after it (`million`, `Prozent`, `euros`, `km`), or, unless it
 * follows a name (a version), a word the lexicon knows as a noun (`7.5 disques`; without
 * a lexicon, a known lower-case word that is no function word or auxiliary). A
 * bare `4.7` may be a version, a date or a time; `4.7%` is a number. Returns 2 for a
 * sign or a listed word, 1 for a noun (`20.15 Uhr` is still a time), 0 for none. */
static int quantity(const tqc_ctx *ctx, size_t k, size_t digits_end)
{
    const tqc_doc *doc = ctx->doc;
    tqc_span sp = doc->tokens[k].span;
    if (digits_end < sp.end)
        return listed_lower(ctx->lang, "quantity-words", doc->text + digits_end,
                            sp.end - digits_end) ? 2 : 0;
    size_t i = sp.end, m;
    int32_t after;
    while (i < doc->len && (m = tqc_text_decode(doc->text + i, doc->len - i, &after)) &&
           tqc_text_is_space(after) && after != '\n' && i - sp.end < 4)
        i += m;
    after = cp_at(doc, i);
    if (after == '%' || after == 0x2030 || is_currency(after))
        return 2;
    size_t before_at;
    int32_t before = sp.start > 0 ? tqc_text_prev(doc->text, sp.start, &before_at) : 0;
    if (before == ' ' && sp.start > 1)
        before = tqc_text_prev(doc->text, sp.start - 1, &before_at);
    if (is_currency(before))
        return 2;
    size_t w = next_word(doc, k);
    if (w == SIZE_MAX)
        return 0;
    if (listed_lower(ctx->lang, "quantity-words", tqc_doc_at(doc, doc->tokens[w].span),
                     tqc_span_len(doc->tokens[w].span)))
        return 2;
    /* A list entry may be two words (`por ciento`, `pour cent`), one space apart. */
    size_t w2 = next_word(doc, w);
    if (w2 != SIZE_MAX && doc->tokens[w2].span.start == doc->tokens[w].span.end + 1 &&
        listed_lower(ctx->lang, "quantity-words", tqc_doc_at(doc, doc->tokens[w].span),
                     doc->tokens[w2].span.end - doc->tokens[w].span.start))
        return 2;
    if (after_name(doc, k))
        return 0;
    /* The first number of a range or a pair measures what the second does (`from 1.5 to
     * 8 MB`, `1.5 e 8 kibibyte`). */
    uint32_t link = tqc_ctx_pos_lower(ctx, w);
    if ((link & (TQC_POS_PREP | TQC_POS_CONJ)) && !(link & TQC_POS_NOUN) &&
        w + 1 < doc->token_count && doc->tokens[w + 1].kind == TQC_TOK_NUMBER &&
        !(doc->tokens[w + 1].flags & TQC_TF_NEWLINE_BEFORE))
        return quantity(ctx, w + 1, doc->tokens[w + 1].span.end);
    if (tqc_lang_lexicon(ctx->lang)) {
        /* Adjectives and adverbs may stand between a count and its noun (`47.250 dental
         * schools`, `11.250 potentially eligible voters`). */
        for (int hops = 0; w != SIZE_MAX && hops <= NUM_MODIFIER_HOPS; hops++) {
            uint32_t pos = tqc_ctx_pos(ctx, w) | tqc_ctx_pos_lower(ctx, w);
            if (pos & TQC_POS_NOUN)
                return 1;
            if (!(pos & (TQC_POS_ADJ | TQC_POS_ADV)) ||
                (pos & (TQC_POS_VFIN | TQC_POS_AUX | TQC_POS_PREP | TQC_POS_CONJ)))
                return 0;
            w = next_word(doc, w);
        }
        return 0;
    }
    /* Without a lexicon: a lower-case word the dictionary knows that is no function
     * word or auxiliary (`10.5 cicli`, not `0.5 è`, `8.5 a`). */
    const tqc_token *t = &doc->tokens[w];
    const char *ws = tqc_doc_at(doc, t->span);
    size_t wl = tqc_span_len(t->span);
    return (t->flags & TQC_TF_LOWER) && tqc_ctx_token_known(ctx, w) &&
           !tqc_lang_in(ctx->lang, "function-words", ws, wl) &&
           !tqc_lang_in(ctx->lang, "auxiliaries", ws, wl) ? 1 : 0;
}

/* Whether a conjunction and a number follow number token k (`3,4 and 5`). */
static bool before_listed_number(const tqc_ctx *ctx, size_t k)
{
    const tqc_doc *doc = ctx->doc;
    size_t w = next_word(doc, k);
    if (w == SIZE_MAX || w + 1 >= doc->token_count)
        return false;
    uint32_t pos = tqc_ctx_pos_lower(ctx, w);
    return (pos & TQC_POS_CONJ) && !(pos & TQC_POS_NOUN) &&
           doc->tokens[w + 1].kind == TQC_TOK_NUMBER &&
           !(doc->tokens[w + 1].flags & TQC_TF_NEWLINE_BEFORE);
}

/* Whether the word after token k is in the profile's list. */
static bool next_word_listed(const tqc_ctx *ctx, size_t k, const char *list)
{
    size_t w = next_word(ctx->doc, k);
    return w != SIZE_MAX && listed_lower(ctx->lang, list,
                                         tqc_doc_at(ctx->doc, ctx->doc->tokens[w].span),
                                         tqc_span_len(ctx->doc->tokens[w].span));
}

/* Whether a word of the profile's `version-words` stands right before or after number
 * token k (`Version 7.0`, `seiner 1.0 Version`, `la versión 1.1`): a version, not a
 * decimal. */
static bool beside_version_word(const tqc_ctx *ctx, size_t k)
{
    const tqc_doc *doc = ctx->doc;
    if (next_word_listed(ctx, k, "version-words"))
        return true;
    if (k == 0)
        return false;
    const tqc_token *p = &doc->tokens[k - 1];
    return p->kind == TQC_TOK_WORD && !(doc->tokens[k].flags & TQC_TF_NEWLINE_BEFORE) &&
           doc->tokens[k].span.start - p->span.end <= 3 &&
           listed_lower(ctx->lang, "version-words", tqc_doc_at(doc, p->span),
                        tqc_span_len(p->span));
}

/* Whether the profile's `twelve-hour-marks` (space-separated, `a.m. p.m.`) hold mark,
 * compared without case; glued to a number (`9pm`) a mark may drop its periods. */
static bool twelve_hour_mark(const char *marks, const char *s, size_t n, bool glued)
{
    for (const char *m = marks; *m;) {
        while (*m == ' ')
            m++;
        size_t ml = strcspn(m, " ");
        if (ml == 0)
            break;
        char bare[16];
        size_t bl = 0;
        for (size_t i = 0; i < ml && bl < sizeof bare; i++)
            if (m[i] != '.')
                bare[bl++] = m[i];
        bool same = ml == n, same_bare = glued && bl == n;
        for (size_t i = 0; i < n && (same || same_bare); i++) {
            same = same && ascii_lower(s[i]) == ascii_lower(m[i]);
            same_bare = same_bare && ascii_lower(s[i]) == ascii_lower(bare[i]);
        }
        if (same || same_bare)
            return true;
        m += ml;
    }
    return false;
}

/* Whether mark is one of the profile's `twelve-hour-marks-cased`, compared with case,
 * after number token k: German `9:30 AM`, where `am` alone is the preposition (`um 9 am
 * Montag`). Without minutes only after a lower-case word (`bis 9 AM`), not in a line
 * set in capitals. */
static bool cased_mark(const tqc_ctx *ctx, size_t k, int minute, const char *mark, size_t n)
{
    const char *marks = tqc_lang_setting(ctx->lang, "twelve-hour-marks-cased", NULL);
    if (!marks || (minute < 0 && (k == 0 || !(ctx->doc->tokens[k - 1].flags & TQC_TF_LOWER))))
        return false;
    for (const char *m = marks; *m;) {
        while (*m == ' ')
            m++;
        size_t ml = strcspn(m, " ");
        if (ml == n && memcmp(m, mark, n) == 0)
            return true;
        m += ml;
    }
    return false;
}

/* A 12-hour time (`8:45 p.m.`, `9pm`, `10.15 am`) in a language whose profile lists
 * the marks of the 12-hour clock as foreign (`twelve-hour-marks`): reported with the
 * time on the 24-hour clock. Returns whether it reported. */
static bool check_twelve_hour(const tqc_ctx *ctx, size_t k)
{
    const char *marks = tqc_lang_setting(ctx->lang, "twelve-hour-marks", NULL);
    if (!marks)
        return false;
    const tqc_doc *doc = ctx->doc;
    tqc_span sp = doc->tokens[k].span;
    const char *s = doc->text + sp.start;
    size_t n = tqc_span_len(sp), i = 0;
    int hour = 0, minute = -1;
    while (i < n && i < 2 && is_digit(s[i]))
        hour = hour * 10 + (s[i++] - '0');
    if (i == 0 || hour < 1 || hour > 12)
        return false;
    if (i + 2 < n && (s[i] == ':' || s[i] == '.') && is_digit(s[i + 1]) && is_digit(s[i + 2])) {
        minute = (s[i + 1] - '0') * 10 + (s[i + 2] - '0');
        i += 3;
        if (minute > 59)
            return false;
    }
    size_t end;
    const char *mark;
    size_t ml;
    if (i < n) {
        /* A glued mark: 9pm, 9:30pm. */
        mark = s + i;
        ml = n - i;
        for (size_t j = i; j < n; j++)
            if (!is_ascii_letter(s[j]))
                return false;
        if (!twelve_hour_mark(marks, mark, ml, true) && !cased_mark(ctx, k, minute, mark, ml))
            return false;
        end = sp.end;
    } else {
        /* A mark after one space: the letters and periods up to the next space. */
        size_t a = sp.end;
        if (a >= doc->len || doc->text[a] != ' ')
            return false;
        a++;
        size_t b = a;
        while (b < doc->len && b - a < 8 && (is_ascii_letter(doc->text[b]) || doc->text[b] == '.'))
            b++;
        if (b == a || (b < doc->len && tqc_text_is_letter(cp_at(doc, b))))
            return false;
        mark = doc->text + a;
        ml = b - a;
        /* A sentence's full stop after `a.m` is not part of the mark. */
        bool whole_mark = twelve_hour_mark(marks, mark, ml, false) ||
                          cased_mark(ctx, k, minute, mark, ml);
        if (!whole_mark &&
            !(ml > 1 && mark[ml - 1] == '.' && (twelve_hour_mark(marks, mark, ml - 1, false) ||
                                                cased_mark(ctx, k, minute, mark, ml - 1))))
            return false;
        if (!whole_mark)
            ml--;
        end = a + ml;
    }
    bool pm = false;
    for (size_t j = 0; j < ml; j++)
        if (ascii_lower(mark[j]) == 'p')
            pm = true;
    int h24 = pm ? (hour == 12 ? 12 : hour + 12) : (hour == 12 ? 0 : hour);
    const char *tsep = tqc_lang_setting(ctx->lang, "time-separator", ":");
    char fixed[32];
    int fl = snprintf(fixed, sizeof fixed, "%d%s%02d", h24, tsep, minute < 0 ? 0 : minute);
    tqc_span span = tqc_span_make(sp.start, end);
    tqc_finding *f = TQC_EMIT(ctx, span, "12-hour time '%.*s' where the 24-hour clock is "
                              "written: '%s'", (int)tqc_span_len(span), s, fixed);
    tqc_finding_suggest(ctx->out, f, fixed, (size_t)fl);
    return true;
}

/* What a document's numbers say of the notation it was written in: how many are written
 * as only another locale writes them, and how many as only the language does. An
 * ambiguous number (`2,345` where a comma marks decimals) is read by them: in an article
 * whose other numbers keep another locale's marks and none the language's own, it was
 * left in that notation too. */
typedef struct usage {
    size_t foreign, own;
} usage;

/* Whether s (n bytes) is one to three digits, then groups of three digits each after
 * mark, at least min_groups of them, then optionally other and digits; *decimals tells
 * whether that decimal part is there. */
static bool grouped(const char *s, size_t n, char mark, char other, size_t min_groups,
                    bool *decimals)
{
    size_t i = 0, groups = 0;
    while (i < n && i < 4 && is_digit(s[i]))
        i++;
    if (i == 0 || i > 3 || s[0] == '0')
        return false;
    while (i + 3 < n && s[i] == mark && is_digit(s[i + 1]) && is_digit(s[i + 2]) &&
           is_digit(s[i + 3]) && (i + 4 == n || !is_digit(s[i + 4]))) {
        groups++;
        i += 4;
    }
    *decimals = false;
    if (i < n && s[i] == other && i + 1 < n) {
        *decimals = true;
        for (i++; i < n && is_digit(s[i]); i++)
            ;
    }
    return groups >= min_groups && i == n;
}

/* Whether s (n bytes) is digits, dec and one or two digits (`3,5`, `4.75`). */
static bool short_decimal(const char *s, size_t n, char dec)
{
    size_t i = 0;
    while (i < n && is_digit(s[i]))
        i++;
    return i > 0 && i + 2 <= n && n <= i + 3 && s[i] == dec && is_digit(s[n - 1]) &&
           is_digit(s[i + 1]);
}

/* The usage of the number tokens of the document, by the profile's decimal mark dec (`,`
 * or `.`): another locale's are groups parted by dec, two or more or with a decimal part
 * after the other mark (`1,204,310`, `12,500.5`; `1.000.000`, `1.250,5`); the language's own are
 * a decimal with dec (`3,5`; `4.75`) or groups parted by its `group-separator`. A number
 * glued to a letter (a code) is neither. */
static usage document_usage(const tqc_ctx *ctx, const char *dec)
{
    usage u = {0, 0};
    char mark = dec[0], other = mark == ',' ? '.' : ',';
    const char *group = tqc_lang_setting(ctx->lang, "group-separator", "");
    const tqc_doc *doc = ctx->doc;
    for (size_t k = 0; k < doc->token_count; k++) {
        const tqc_token *t = &doc->tokens[k];
        if (t->kind != TQC_TOK_NUMBER)
            continue;
        const char *s = tqc_doc_at(doc, t->span);
        size_t n = tqc_span_len(t->span);
        bool decimals;
        if (grouped(s, n, mark, other, 1, &decimals) &&
            (decimals || grouped(s, n, mark, other, 2, &decimals)))
            u.foreign++;
        else if (short_decimal(s, n, mark) ||
                 (strlen(group) == 1 && grouped(s, n, group[0], mark, 1, &decimals)))
            u.own++;
    }
    return u;
}

/* Whether the document's usage reads an ambiguous number as another locale's. */
static bool usage_foreign(const usage *u)
{
    return u->foreign > 0 && u->own == 0;
}

/* A number in the notation of a language that writes decimal points (`4.7`) or groups
 * thousands with commas (`2,500`, `1,234.5`), in a language that writes `4,7` and
 * `2.500` (or `2 500`): reported with the number in the language's notation. A lone
 * decimal point with no sign of a quantity may be a version or a date (info); two
 * digits after it may be a time or a date (`11.30`, quiet); a single comma group is
 * read as thousands when it ends in a zero (`2,500`: a decimal would drop the zeros),
 * else it may be a decimal with three digits (info). */
static void check_decimal_comma_language(const tqc_ctx *ctx, size_t k, const char *s,
                                         size_t digits, const usage *u)
{
    const char *group = tqc_lang_setting(ctx->lang, "group-separator", ".");
    size_t commas = 0, dots = 0, last_comma = 0, dot_at = 0;
    for (size_t i = 0; i < digits; i++) {
        if (s[i] == ',') {
            commas++;
            last_comma = i;
        } else if (s[i] == '.') {
            dots++;
            dot_at = i;
        }
    }
    tqc_span span = ctx->doc->tokens[k].span;
    span.end = span.start + digits;
    int level = quantity(ctx, k, span.start + digits);
    bool q = level > 0;
    char fixed[NUM_MAX_TEXT * 3 + 1];
    size_t fl = 0;
    if (dots == 1 && commas == 0) {
        size_t frac = digits - dot_at - 1, whole = dot_at;
        if (frac == 3 || whole == 0 || frac == 0)
            return;     /* 1.500 groups thousands here */
        int h = 0, m = 0;
        for (size_t i = 0; i < whole; i++)
            h = h * 10 + (s[i] - '0');
        if (frac == 2)
            m = (s[dot_at + 1] - '0') * 10 + (s[dot_at + 2] - '0');
        /* 11.30 Uhr, 12.03: a time or a date; also before a word of the clock that is a
         * unit too (`21.30 horas`, `clock-words`) */
        if (frac == 2 && whole <= 2 && h <= 31 && m <= 59 &&
            (level < 2 || (h <= 24 && next_word_listed(ctx, k, "clock-words"))))
            return;
        if (beside_version_word(ctx, k))
            return;
        tqc_span sp = ctx->doc->tokens[k].span;
        if (!q && sp.end < ctx->doc->len && ctx->doc->text[sp.end] == '.' &&
            tqc_lang_yes(ctx->lang, "ordinal-period"))
            return;     /* 4.7. is a date where ordinals take a period */
        memcpy(fixed, s, digits);
        fixed[dot_at] = ',';
        fl = digits;
        fixed[fl] = '\0';
        tqc_finding *f = tqc_emit(ctx->out, ctx->pass->id, q ? TQC_SEV_WARNING : TQC_SEV_INFO,
                                  span, "decimal point in '%.*s', where %s writes a decimal "
                                  "comma: '%s'%s", (int)digits, s,
                                  tqc_lang_setting(ctx->lang, "name", "this language"), fixed,
                                  q ? "" : " (unless it is a version or a date)");
        tqc_finding_suggest(ctx->out, f, fixed, fl);
        return;
    }
    if (commas == 0 || dots > 1 || (dots == 1 && dot_at < last_comma))
        return;     /* 1.234,5 and 1.000.000 are this language's own */
    /* Commas every three digits from the first: 2,500 or 1,234,567(.8). */
    size_t first = 0;
    while (first < digits && is_digit(s[first]))
        first++;
    if (first == 0 || first > 3 || s[0] == '0')
        return;     /* 0,250 is a decimal */
    for (size_t i = first; i < digits;) {
        if (s[i] == '.')
            break;
        if (s[i] != ',')
            return;
        for (size_t j = 1; j <= 3; j++)
            if (i + j >= digits || !is_digit(s[i + j]))
                return;
        if (i + 4 < digits && s[i + 4] != ',' && s[i + 4] != '.')
            return;
        i += 4;
    }
    bool shown = commas >= 2 || dots == 1 || s[last_comma + 3] == '0' || q;
    bool sure = shown || usage_foreign(u);
    size_t gl = strlen(group);
    for (size_t i = 0; i < digits && fl + gl < sizeof fixed; i++) {
        if (s[i] == ',') {
            memcpy(fixed + fl, group, gl);
            fl += gl;
        } else {
            fixed[fl++] = s[i] == '.' ? ',' : s[i];
        }
    }
    fixed[fl] = '\0';
    tqc_finding *f = tqc_emit(ctx->out, ctx->pass->id, sure ? TQC_SEV_WARNING : TQC_SEV_INFO,
                              span, "'%.*s' groups thousands with commas, where %s writes "
                              "'%s'%s", (int)digits, s,
                              tqc_lang_setting(ctx->lang, "name", "this language"), fixed,
                              shown ? "" : sure ? " (as the article's other numbers do)"
                                            : " (unless it is a decimal)");
    tqc_finding_suggest(ctx->out, f, fixed, fl);
}

/* Whether the text of doc between a and b is one space, plain or no-break. */
static bool one_space(const tqc_doc *doc, size_t a, size_t b)
{
    const char *t = doc->text + a;
    return (b == a + 1 && t[0] == ' ') || (b == a + 2 && !memcmp(t, "\xc2\xa0", 2)) ||
           (b == a + 3 && !memcmp(t, "\xe2\x80\xaf", 3));
}

/* A time written with a spaced `h` (`21 h 30`, French typesetting) in a language whose
 * `time-separator` is another mark: reported with the language's own. Quiet before a
 * word of `quantity-words` (`2 h 30 min` is a duration). Returns whether it reported. */
static bool check_spaced_hours(const tqc_ctx *ctx, size_t k, const char *tsep)
{
    const tqc_doc *doc = ctx->doc;
    if (!tsep || strcmp(tsep, "h") == 0 || k + 2 >= doc->token_count)
        return false;
    const tqc_token *hour = &doc->tokens[k], *h = &doc->tokens[k + 1], *min = &doc->tokens[k + 2];
    const char *hs = tqc_doc_at(doc, hour->span), *ms = tqc_doc_at(doc, min->span);
    size_t hl = tqc_span_len(hour->span);
    if (hl < 1 || hl > 2 || !is_digit(hs[0]) || !is_digit(hs[hl - 1]) ||
        h->kind != TQC_TOK_WORD || tqc_span_len(h->span) != 1 ||
        doc->text[h->span.start] != 'h' ||
        min->kind != TQC_TOK_NUMBER || tqc_span_len(min->span) != 2 || !is_digit(ms[0]) ||
        !is_digit(ms[1]) || !one_space(doc, hour->span.end, h->span.start) ||
        !one_space(doc, h->span.end, min->span.start))
        return false;
    int hv = hl == 1 ? hs[0] - '0' : (hs[0] - '0') * 10 + hs[1] - '0';
    if (hv > 23 || (ms[0] - '0') * 10 + ms[1] - '0' > 59)
        return false;
    if (next_word_listed(ctx, k + 2, "quantity-words"))
        return false;
    char fixed[NUM_MAX_TEXT];
    int len = snprintf(fixed, sizeof fixed, "%.*s%s%.2s", (int)hl, hs, tsep, ms);
    tqc_span span = tqc_span_make(hour->span.start, min->span.end);
    tqc_finding *f = TQC_EMIT(ctx, span, "time written '%.*s', in another language's "
                              "notation: write '%s'", (int)tqc_span_len(span), hs, fixed);
    tqc_finding_suggest(ctx->out, f, fixed, (size_t)len);
    return true;
}

/* Up to two digits of s from *i as a number, or -1; *i moves past them. */
static int two_digits(const char *s, size_t n, size_t *i)
{
    int v = 0;
    size_t from = *i;
    while (*i < n && *i - from < 2 && is_digit(s[*i]))
        v = v * 10 + (s[(*i)++] - '0');
    return *i == from || (*i < n && is_digit(s[*i])) ? -1 : v;
}

/* Regional varieties weighed for a date's order. */
#define NUM_MAX_VARIETIES 4
/* A variety's spelling decides a date's order at warning when its words are this many
 * times those of every other variety (unopposed, one is enough); a mixture (which the
 * spelling pass tells) leaves it a hint. */
#define NUM_VARIETY_SURE_RATIO 3

/* The order of day and month of a document in a language whose varieties write dates
 * differently (English: `date-order.en-US = mdy`, `date-order.en-GB = dmy`) and whose
 * document names none (`en`): the order of the variety its spelling is in
 * (tqc_ctx_variety_votes), asked once per document on the first date that turns on it. */
typedef struct variety_order {
    bool asked;
    const char *order;      /* `dmy`, `mdy`; NULL: no variety leads, or none has one */
    char name[64];          /* `British English` */
    char word[64];          /* a word of its spelling (`colour`) */
    bool sure;              /* NUM_VARIETY_SURE_RATIO: a warning, else a hint */
} variety_order;

static void ask_variety(const tqc_ctx *ctx, variety_order *vo)
{
    vo->asked = true;
    tqc_ctx_variety v[NUM_MAX_VARIETIES];
    size_t votes[NUM_MAX_VARIETIES], first[NUM_MAX_VARIETIES];
    size_t n = tqc_ctx_variety_votes(ctx, v, votes, first, NUM_MAX_VARIETIES);
    size_t lead = SIZE_MAX, runner_up = 0;
    for (size_t i = 0; i < n; i++) {
        if (lead == SIZE_MAX || votes[i] > votes[lead]) {
            if (lead != SIZE_MAX)
                runner_up = votes[lead];
            lead = i;
        } else if (votes[i] > runner_up) {
            runner_up = votes[i];
        }
    }
    if (lead == SIZE_MAX || votes[lead] == 0 || votes[lead] == runner_up)
        return;
    char key[64];
    snprintf(key, sizeof key, "date-order.%.*s", (int)v[lead].code_len, v[lead].code);
    vo->order = tqc_lang_setting(ctx->lang, key, NULL);
    snprintf(key, sizeof key, "variety-name.%.*s", (int)v[lead].code_len, v[lead].code);
    snprintf(vo->name, sizeof vo->name, "%s %s", tqc_lang_setting(ctx->lang, key, "regional"),
             tqc_lang_setting(ctx->lang, "name", "this language"));
    const tqc_token *w = &ctx->doc->tokens[first[lead]];
    snprintf(vo->word, sizeof vo->word, "%.*s", (int)tqc_span_len(w->span),
             tqc_doc_at(ctx->doc, w->span));
    vo->sure = votes[lead] >= NUM_VARIETY_SURE_RATIO * runner_up;
}

/* A date of three fields (`08/31/2027`, `31.08.27`) in the order of day and month the
 * language does not write, by the profile's `date-order` (`dmy` or `mdy`), or where the
 * language's varieties differ (English), by the order of the variety the document is spelt
 * in (variety_order: a hint when its spelling is mixed): reported with the two swapped. Only
 * when the order is certain, the field that would be the month being over 12
 * (`05/06/2027` may be either), and quiet when no variety leads. Returns whether it
 * reported. */
static bool check_date_order(const tqc_ctx *ctx, size_t k, variety_order *vo)
{
    const char *order = tqc_lang_setting(ctx->lang, "date-order", NULL);
    if (!order && !tqc_lang_setting(ctx->lang, "varieties", NULL))
        return false;
    tqc_span span = ctx->doc->tokens[k].span;
    const char *s = tqc_doc_at(ctx->doc, span);
    size_t n = tqc_span_len(span), i = 0;
    int a = two_digits(s, n, &i);
    size_t a_end = i;
    if (a < 0 || i >= n || (s[i] != '/' && s[i] != '.' && s[i] != '-'))
        return false;
    char sep = s[i++];
    size_t b_start = i;
    int b = two_digits(s, n, &i);
    size_t b_end = i;
    if (b < 0 || i >= n || s[i] != sep)
        return false;
    size_t year = ++i;
    while (i < n && is_digit(s[i]))
        i++;
    if (i != n || (n - year != 2 && n - year != 4))
        return false;
    /* Only one field can be a month (the other is over 12, a day): else no order is
     * wrong, and the document's variety need not be asked. */
    bool a_month = a >= 1 && a <= 12 && b >= 13 && b <= 31;
    bool b_month = b >= 1 && b <= 12 && a >= 13 && a <= 31;
    if (!a_month && !b_month)
        return false;
    /* After a name or beside a word of `version-words` it is a version (`Firefox 3.14.15`). */
    if (after_name(ctx->doc, k) || beside_version_word(ctx, k))
        return false;
    const char *who = tqc_lang_setting(ctx->lang, "name", "this language");
    bool sure = true;
    char variety[160];
    if (!order) {
        if (!vo->asked)
            ask_variety(ctx, vo);
        order = vo->order;
        sure = vo->sure;
        snprintf(variety, sizeof variety, "%s (the article's spelling: '%s')", vo->name,
                 vo->word);
        who = variety;
    }
    if (!order || (strcmp(order, "dmy") != 0 && strcmp(order, "mdy") != 0))
        return false;
    bool day_first = order[0] == 'd';
    /* Read in the language's order, the date is wrong only when its month cannot be one
     * and its day can be a month. */
    if (day_first ? !a_month : !b_month)
        return false;
    char fixed[NUM_MAX_TEXT];
    int fl = snprintf(fixed, sizeof fixed, "%.*s%c%.*s%.*s", (int)(b_end - b_start),
                      s + b_start, sep, (int)a_end, s, (int)(n - b_end), s + b_end);
    if (fl < 0 || (size_t)fl >= sizeof fixed)
        return false;
    tqc_finding *f = tqc_emit(ctx->out, ctx->pass->id, sure ? TQC_SEV_WARNING : TQC_SEV_INFO,
                              span, "date '%.*s' puts the %s first, where %s writes the %s "
                              "first: '%s'", (int)n, s, day_first ? "month" : "day", who,
                              day_first ? "day" : "month", fixed);
    tqc_finding_suggest(ctx->out, f, fixed, (size_t)fl);
    return true;
}

/* Whether the word before token k, in its sentence and one space away, is in the profile
 * list. */
static bool prev_word_listed(const tqc_ctx *ctx, size_t k, const char *list)
{
    const tqc_doc *doc = ctx->doc;
    if (k == 0)
        return false;
    const tqc_token *p = &doc->tokens[k - 1];
    return p->kind == TQC_TOK_WORD && p->sentence == doc->tokens[k].sentence &&
           doc->tokens[k].span.start - p->span.end <= 3 &&
           listed_lower(ctx->lang, list, tqc_doc_at(doc, p->span), tqc_span_len(p->span));
}

/* Whether the word after token k, or the two words after it one space apart, are an
 * entry of the profile list (`heures`, `du matin`). */
static bool next_words_listed(const tqc_ctx *ctx, size_t k, const char *list)
{
    const tqc_doc *doc = ctx->doc;
    size_t w = next_word(doc, k);
    if (w == SIZE_MAX)
        return false;
    if (next_word_listed(ctx, k, list))
        return true;
    size_t w2 = next_word(doc, w);
    return w2 != SIZE_MAX && doc->tokens[w2].span.start == doc->tokens[w].span.end + 1 &&
           listed_lower(ctx->lang, list, tqc_doc_at(doc, doc->tokens[w].span),
                        doc->tokens[w2].span.end - doc->tokens[w].span.start);
}

/* A time written with a colon (`6:30`) in a language whose `time-separator` is `h`
 * (`6h30`). A colon also writes scores, ratios and race times, so it is a warning only
 * beside a word that makes it a time of day: before it, one of `clock-prepositions` (`à`,
 * `dès`, `às`), after it, one of `clock-words` (`heures`, `du matin`); else a hint.
 * Returns whether it reported. */
static bool check_colon_time(const tqc_ctx *ctx, size_t k, const char *tsep)
{
    if (!tsep || strcmp(tsep, "h") != 0)
        return false;
    tqc_span span = ctx->doc->tokens[k].span;
    const char *s = tqc_doc_at(ctx->doc, span);
    size_t n = tqc_span_len(span), i = 0;
    int hour = two_digits(s, n, &i);
    size_t hl = i;
    if (hour < 0 || hour > 23 || i + 3 != n || s[i] != ':' || !is_digit(s[i + 1]) ||
        !is_digit(s[i + 2]) || (s[i + 1] - '0') * 10 + (s[i + 2] - '0') > 59)
        return false;
    const tqc_doc *doc = ctx->doc;
    /* `2:05:30` (a race time) ends on another colon; the token stops before one that is
     * not followed by a digit only. */
    if (span.end < doc->len && doc->text[span.end] == ':')
        return false;
    bool clock = prev_word_listed(ctx, k, "clock-prepositions") ||
                 next_words_listed(ctx, k, "clock-words");
    char fixed[NUM_MAX_TEXT];
    int fl = snprintf(fixed, sizeof fixed, "%.*s%s%.2s", (int)hl, s, tsep, s + hl + 1);
    tqc_finding *f = tqc_emit(ctx->out, ctx->pass->id, clock ? TQC_SEV_WARNING : TQC_SEV_INFO,
                              span, "time written '%.*s', in another language's notation: "
                              "write '%s'%s", (int)n, s, fixed,
                              clock ? "" : " (unless it is a score or a ratio)");
    tqc_finding_suggest(ctx->out, f, fixed, (size_t)fl);
    return true;
}

/* The monolingual checks on number token k. */
static void check_notation(const tqc_ctx *ctx, size_t k, const usage *u, variety_order *vo)
{
    tqc_span span = ctx->doc->tokens[k].span;
    if (check_twelve_hour(ctx, k) || check_date_order(ctx, k, vo))
        return;
    const char *dec = tqc_lang_setting(ctx->lang, "decimal-separator", NULL);
    const char *tsep = tqc_lang_setting(ctx->lang, "time-separator", NULL);
    if (check_spaced_hours(ctx, k, tsep) || check_colon_time(ctx, k, tsep))
        return;
    const char *s = tqc_doc_at(ctx->doc, span);
    size_t n = tqc_span_len(span);
    size_t commas = 0, dots = 0, comma_at = 0, h = 0, digits = 0;
    bool only_digits_and_marks = true;
    while (digits < n && (is_digit(s[digits]) || s[digits] == '.' || s[digits] == ','))
        digits++;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == ',') {
            commas++;
            comma_at = i;
        } else if (s[i] == '.') {
            dots++;
        } else if (!is_digit(s[i])) {
            only_digits_and_marks = false;
        }
    }
    while (h < n && is_digit(s[h]))
        h++;
    char fixed[NUM_MAX_TEXT];
    if (tsep && strcmp(tsep, "h") != 0 && h >= 1 && h <= 2 && h + 3 == n &&
        (s[h] == 'h' || s[h] == 'H') && is_digit(s[h + 1]) && is_digit(s[h + 2])) {
        int len = snprintf(fixed, sizeof fixed, "%.*s%s%.2s", (int)h, s, tsep, s + h + 1);
        tqc_finding *f = TQC_EMIT(ctx, span, "time written '%.*s', in another language's "
                                  "notation: write '%s'", (int)n, s, fixed);
        tqc_finding_suggest(ctx->out, f, fixed, (size_t)len);
        return;
    }
    if (!dec || n + 1 > sizeof fixed)
        return;
    /* [1,1] and (0,5) are pairs of coordinates or scores, not decimals; a number glued
     * after a letter or a period (`v4.7`, `.300`, `1.2.3`) is a code, an average or a
     * version. */
    const char *t = ctx->doc->text;
    if ((span.start > 0 && (t[span.start - 1] == '[' || t[span.start - 1] == '(') &&
         span.end < ctx->doc->len && (t[span.end] == ']' || t[span.end] == ')')) ||
        (span.start > 0 && (t[span.start - 1] == '.' || is_ascii_letter(t[span.start - 1]))))
        return;
    if (strcmp(dec, ",") == 0) {
        /* Digits with a glued unit (`4.7km`, `2,500m`) are judged by the digits. */
        bool unit = true;
        for (size_t i = digits; i < n; i++)
            unit = unit && is_ascii_letter(s[i]);
        if (digits > 0 && is_digit(s[digits - 1]) && unit && digits < NUM_MAX_TEXT)
            check_decimal_comma_language(ctx, k, s, digits, u);
        return;
    }
    if (strcmp(dec, ".") != 0 || !only_digits_and_marks)
        return;
    if (dots == 1 && commas == 0 && n >= 5 && n <= 7 && s[n - 4] == '.' && s[n - 1] == '0' &&
        s[0] != '0') {
        /* 3.000 or 40.000: one group of thousands after a dot; a decimal would not
         * carry two trailing zeros (`1.400`). 41.250 may be a precise decimal: a hint,
         * unless a quantity follows (`15.250 days`, `1.250%`): a measure is written
         * without a trailing zero. 1.234 is left alone. */
        bool shown = s[n - 2] == '0' || quantity(ctx, k, span.end) > 0;
        bool sure = shown || usage_foreign(u);
        for (size_t i = 0; i < n; i++)
            fixed[i] = s[i] == '.' ? ',' : s[i];
        fixed[n] = '\0';
        tqc_finding *f = tqc_emit(ctx->out, ctx->pass->id, sure ? TQC_SEV_WARNING : TQC_SEV_INFO,
                                  span, "'%.*s' groups thousands with a dot: write '%s'%s",
                                  (int)n, s, fixed,
                                  shown ? "" : sure ? " (as the article's other numbers do)"
                                                    : " (unless it is a decimal)");
        tqc_finding_suggest(ctx->out, f, fixed, n);
        return;
    }
    if (commas == 1 && dots == 0) {
        size_t frac = n - comma_at - 1;
        if (frac == 3 || frac == 0)
            return;     /* 1,000 is a thousands separator here */
        memcpy(fixed, s, n);
        fixed[comma_at] = '.';
        fixed[n] = '\0';
        /* With no sign of a quantity, after a name (`Luke 23,34`: a reference) or before a
         * conjunction and a number (`chapters 3,4 and 5`: a list) it may be no decimal. */
        bool unsure = quantity(ctx, k, span.end) == 0 &&
                      (after_name(ctx->doc, k) || before_listed_number(ctx, k));
        tqc_finding *f = tqc_emit(ctx->out, ctx->pass->id,
                                  unsure ? TQC_SEV_INFO : TQC_SEV_WARNING, span,
                                  "decimal comma in '%.*s': write '%s'%s", (int)n, s, fixed,
                                  unsure ? " (unless it is a reference or a list)" : "");
        tqc_finding_suggest(ctx->out, f, fixed, n);
    } else if (dots >= 2 || (dots >= 1 && commas == 1 && comma_at > 0 &&
                             memchr(s, '.', comma_at) != NULL)) {
        /* 1.000.000 or 1.234,5: dots group thousands, a comma marks decimals. */
        for (size_t i = 0; i < n; i++)
            fixed[i] = s[i] == '.' ? ',' : s[i] == ',' ? '.' : s[i];
        fixed[n] = '\0';
        /* Dots in a version or a date (1.2.3, 13.09.2023) are not thousands. */
        size_t group = 0;
        for (size_t i = n; i-- > 0;) {
            if (s[i] == '.') {
                if (group != 3)
                    return;
                group = 0;
            } else if (s[i] == ',') {
                group = 0;
            } else {
                group++;
            }
        }
        tqc_finding *f = TQC_EMIT(ctx, span, "'%.*s' groups thousands with dots: write '%s'",
                                  (int)n, s, fixed);
        tqc_finding_suggest(ctx->out, f, fixed, n);
    }
}

/* The whole segment, from its first to its last non-space byte. */
static tqc_span whole(const tqc_doc *doc)
{
    size_t a = 0, b = doc->len;
    while (a < b && (doc->text[a] == ' ' || doc->text[a] == '\n' || doc->text[a] == '\t' ||
                     doc->text[a] == '\r'))
        a++;
    while (b > a && (doc->text[b - 1] == ' ' || doc->text[b - 1] == '\n' ||
                     doc->text[b - 1] == '\t' || doc->text[b - 1] == '\r'))
        b--;
    return tqc_span_make(a, b);
}

static void run(const tqc_ctx *ctx)
{
    const tqc_doc *doc = ctx->doc;
    const char *mark = tqc_lang_setting(ctx->lang, "decimal-separator", NULL);
    usage u = mark && (!strcmp(mark, ",") || !strcmp(mark, ".")) ? document_usage(ctx, mark)
                                                                 : (usage){0, 0};
    variety_order vo = {0};
    for (size_t k = 0; k < doc->token_count; k++)
        if (doc->tokens[k].kind == TQC_TOK_NUMBER)
            check_notation(ctx, k, &u, &vo);
    const tqc_doc *src = doc->source;
    if (!src)
        return;
    num *t = tqc_malloc(NUM_MAX * sizeof *t), *s = tqc_malloc(NUM_MAX * sizeof *s);
    if (!t || !s) {
        free(t);
        free(s);
        ctx->out->failed = true;
        return;
    }
    size_t nt = collect(doc, t, NUM_MAX), ns = collect(src, s, NUM_MAX);
    /* Match target atoms to source atoms; exact text first would not help: values do. */
    for (size_t i = 0; i < nt; i++)
        for (size_t a = 0; a < t[i].atom_count; a++)
            for (size_t j = 0; j < ns && !t[i].used[a]; j++)
                for (size_t b = 0; b < s[j].atom_count; b++)
                    if (!s[j].used[b] && tqc_num_match(&t[i].atoms[a], &s[j].atoms[b])) {
                        t[i].used[a] = s[j].used[b] = true;
                        break;
                    }
    /* The source numbers left over (small integers excepted). */
    size_t left = 0, left_j = 0;
    for (size_t j = 0; j < ns; j++)
        for (size_t b = 0; b < s[j].atom_count; b++)
            if (!s[j].used[b] && !s[j].atoms[b].small) {
                left++;
                left_j = j;
            }
    bool paired = false;
    for (size_t i = 0; i < nt; i++) {
        bool extra = false;
        for (size_t a = 0; a < t[i].atom_count; a++)
            extra |= !t[i].used[a] && !t[i].atoms[a].small;
        if (!extra)
            continue;
        const char *ts = tqc_doc_at(doc, t[i].span);
        int tl = (int)tqc_span_len(t[i].span);
        if (left == 1) {
            const char *ss = tqc_doc_at(src, s[left_j].span);
            int sl = (int)tqc_span_len(s[left_j].span);
            tqc_finding *f = TQC_EMIT(ctx, t[i].span, "number '%.*s' where the source has "
                                      "'%.*s'", tl, ts, sl, ss);
            /* The source's value in this language's notation, when it is unambiguous. */
            const char *dec = tqc_lang_setting(ctx->lang, "decimal-separator", NULL);
            const tqc_num_atom *sa = &s[left_j].atoms[0];
            if (dec && strcmp(dec, ".") == 0 && s[left_j].atom_count == 1 &&
                sa->reading_count == 1 && sa->readings[0][0] != 'T')
                tqc_finding_suggest(ctx->out, f, sa->readings[0], strlen(sa->readings[0]));
            paired = true;
        } else {
            TQC_EMIT(ctx, t[i].span, "number '%.*s' is not in the source", tl, ts);
        }
    }
    if (!paired)
        for (size_t j = 0; j < ns; j++) {
            bool missing = false;
            for (size_t b = 0; b < s[j].atom_count; b++)
                missing |= !s[j].used[b] && !s[j].atoms[b].small;
            if (missing)
                TQC_EMIT(ctx, whole(doc), "the source's number '%.*s' is missing from the "
                         "translation", (int)tqc_span_len(s[j].span), tqc_doc_at(src, s[j].span));
        }
    free(t);
    free(s);
}

const tqc_pass tqc_pass_number = {
    .id = "number",
    .severity = TQC_SEV_WARNING,
    .severities = TQC_SEV_BIT(TQC_SEV_WARNING) | TQC_SEV_BIT(TQC_SEV_INFO),
    .summary = "numbers, times and dates changed from the source, or in another locale's "
               "notation (`3,5 million`, `11h43`)",
    .good = "The missiles were fired at 11:43 am, and 3.5 million people live there.",
    .bad = "The missiles were fired at 11h43, and 3,5 million people live there.",
    .details = "Numbers, times and dates changed from the source (with --source or a bilingual "
               "file), or left in the source language's notation (`11h43`, `3,5 million` in "
               "English), by the profile's marks (rules/<lang>/profile): a date whose month "
               "cannot be one in the language's order of day and month (`08/31/2027` in "
               "Italian, or in English spelt British), a 12-hour time where the 24-hour clock is written, a time with a "
               "colon where `6h30` is (a hint unless a word of the clock is beside it). A "
               "number that may be either notation (`2,345` in German) is a hint, unless the "
               "article's other numbers are all in another locale's.",
    .run = run,
};
