/* missing-space: words run together with the space lost, as when a link or a line
 * break is dropped in scraping: `meetingwhile`, `hourson`, a case change inside a
 * token (`capitalPyongyang`), a proper noun glued to a function word (`Parisat`), and a
 * sentence end without its space (`agreement.The`).
 *
 * Only tokens the dictionary rejects are examined; their readings as two or three
 * dictionary words are ranked by word frequency (split.h). Whether the best reading
 * is a run-on or the token is a name weighs the evidence: names recur in an article,
 * run-ons seldom do; a run-on's parts are common words, usually with a function word
 * as glue, while a name read as words gives rare or odd parts (`Hartsfield` ->
 * `Harts field`). Words the corpus attests, acronyms, and tokens with digits,
 * hyphens, apostrophes or inner periods are left alone. */
#include "pass.h"

#include <stdio.h>
#include <string.h>

#include "split.h"
#include "strmap.h"
#include "text.h"

/* Shorter unknown tokens are abbreviations and names far more often than run-ons. */
#define MS_MIN_CHARS 4
/* Readings kept per token: the best and a few close alternatives. */
#define MS_MAX_READINGS 4
/* An alternative reading is suggested only when at least this likely relative to the
 * best one; a fix is safe only when the best is this many times likelier than the next. */
#define MS_ALT_RATIO 0.01
#define MS_SAFE_RATIO 20.0
/* A content part counts as a common word from this corpus count (the list keeps >= 2). */
#define MS_COMMON 2
/* A proper noun glued to a function word inside a sentence (`Parisat`) must be this
 * common in the corpus: a name read as words (`Matsu no`) has a rare first part. */
#define MS_PROPER_COMMON 10
#define MS_MAX_WORD 256

typedef struct ms_run {
    const tqc_ctx *ctx;
    tqc_strmap *counts;       /* token text -> occurrences, built on first need */
    bool counted;
} ms_run;

/* How often this exact token text occurs in the document. */
static uint64_t occurrences(ms_run *r, const char *s, size_t len)
{
    if (!r->counted) {
        r->counted = true;
        r->counts = tqc_strmap_new();
        const tqc_doc *doc = r->ctx->doc;
        for (size_t k = 0; r->counts && k < doc->token_count; k++) {
            const tqc_token *t = &doc->tokens[k];
            if (t->kind != TQC_TOK_WORD)
                continue;
            const char *ts = tqc_doc_at(doc, t->span);
            size_t tl = tqc_span_len(t->span);
            uint64_t n = 0;
            tqc_strmap_get(r->counts, ts, tl, &n);
            tqc_strmap_put(r->counts, ts, tl, n + 1);
        }
    }
    uint64_t n = 1;
    tqc_strmap_get(r->counts, s, len, &n);
    return n;
}

static int32_t first_cp(const tqc_doc *doc, const tqc_token *t)
{
    int32_t cp;
    tqc_text_decode(doc->text + t->span.start, tqc_span_len(t->span), &cp);
    return cp;
}

/* true when token k opens its sentence, past any opening quotes or brackets. */
static bool sentence_initial(const tqc_doc *doc, size_t k)
{
    for (size_t j = k; j-- > 0;) {
        const tqc_token *t = &doc->tokens[j];
        if (t->sentence != doc->tokens[k].sentence)
            return true;
        if (t->kind != TQC_TOK_PUNCT)
            return false;
        int32_t cp = first_cp(doc, t);
        if (cp == '.' || cp == '!' || cp == '?' || cp == ':')
            return true;
        if (!(cp == '"' || cp == '\'' || cp == '(' || cp == '[' || cp == 0x201C ||
              cp == 0x2018 || cp == 0xAB || cp == '-' || cp == 0x2013 || cp == 0x2014))
            return false;
    }
    return true;
}

static size_t chars_in(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; n++) {
        int32_t cp;
        i += tqc_text_decode(s + i, len - i, &cp);
    }
    return n;
}

/* A word of one capital and then only lower-case letters (`Pyongyang`). */
static bool title_shaped(const char *s, size_t len)
{
    bool first = true;
    for (size_t i = 0; i < len;) {
        int32_t cp;
        i += tqc_text_decode(s + i, len - i, &cp);
        if (!tqc_text_is_letter(cp) || (first ? !tqc_text_is_upper(cp) : !tqc_text_is_lower(cp)))
            return false;
        first = false;
    }
    return !first;
}

static bool common_part(const tqc_split_part *p)
{
    return p->function || p->freq >= MS_COMMON;
}

/* "(no space after 'hours')" or "(no spaces after 'of' and 'the')". */
static void where_text(const char *word, const tqc_split *s, char *out, size_t cap)
{
    const tqc_split_part *a = &s->part[0], *b = &s->part[1];
    if (s->count == 2)
        snprintf(out, cap, "no space after '%.*s'", (int)(a->end - a->start), word + a->start);
    else
        snprintf(out, cap, "no spaces after '%.*s' and '%.*s'", (int)(a->end - a->start),
                 word + a->start, (int)(b->end - b->start), word + b->start);
}

static void report(const tqc_ctx *ctx, const tqc_token *t, const tqc_split *best, size_t n,
                   tqc_severity sev, bool safe, const char *why)
{
    const char *word = tqc_doc_at(ctx->doc, t->span);
    size_t len = tqc_span_len(t->span);
    char text[MS_MAX_WORD + 4], where[MS_MAX_WORD + 64];
    size_t tl = tqc_split_format(word, &best[0], text, sizeof text);
    if (tl == 0)
        return;
    where_text(word, &best[0], where, sizeof where);
    tqc_finding *f = tqc_emit(ctx->out, ctx->pass->id, sev, t->span,
                              "'%.*s' is not a word; '%s' is (%s%s%s)", (int)len, word, text,
                              where, why ? "; " : "", why ? why : "");
    tqc_finding_suggest(ctx->out, f, text, tl);
    for (size_t i = 1; i < n && i < MS_MAX_READINGS; i++) {
        if (best[i].score < best[0].score * MS_ALT_RATIO)
            break;
        char alt[MS_MAX_WORD + 4];
        size_t al = tqc_split_format(word, &best[i], alt, sizeof alt);
        if (al)
            tqc_finding_suggest(ctx->out, f, alt, al);
    }
    tqc_finding_fix(ctx->out, f, t->span, text, tl, safe);
}

/* `capitalPyongyang`, `cityLagos`, `GrandJury`: one case change, each side a word
 * (the right side may be a name the dictionary lacks after a lower-case word). */
static void check_camel(ms_run *r, const tqc_token *t)
{
    const tqc_ctx *ctx = r->ctx;
    const char *s = tqc_doc_at(ctx->doc, t->span);
    size_t len = tqc_span_len(t->span), cut = 0, uppers_inside = 0;
    bool prev_lower = false;
    for (size_t i = 0; i < len;) {
        int32_t cp;
        size_t n = tqc_text_decode(s + i, len - i, &cp);
        if (i > 0 && tqc_text_is_upper(cp)) {
            uppers_inside++;
            if (prev_lower && cut == 0)
                cut = i;
        }
        prev_lower = tqc_text_is_lower(cp);
        i += n;
    }
    /* More than one inner capital is a brand or an acronym (`GlaxoSmithKline`, `iOS`). */
    if (uppers_inside != 1 || cut == 0)
        return;
    const char *right = s + cut;
    size_t rlen = len - cut, lchars = chars_in(s, cut), rchars = chars_in(right, rlen);
    if (lchars < 2 || rchars < 2 || !title_shaped(right, rlen))
        return;
    bool lower_first = !(t->flags & TQC_TF_CAP);
    tqc_split sp;
    bool both_known = tqc_split_at(ctx->dict, ctx->lang, s, len, &cut, 2, &sp);
    if (lower_first) {
        /* `iPhone`, `eBay` have one letter before the capital; `capitalPyongyang` a word. */
        if (!both_known) {
            if (rchars < 3 || !tqc_dict_known(ctx->dict, s, cut))
                return;
            sp.count = 2;
            sp.part[0] = (tqc_split_part){0, cut, tqc_dict_freq(ctx->dict, s, cut),
                                          tqc_split_is_function_word(ctx->lang, s, cut)};
            sp.part[1] = (tqc_split_part){cut, len, 0, false};
            sp.score = 0;
        }
        if (!common_part(&sp.part[0]))
            return;
        report(ctx, t, &sp, 1, TQC_SEV_ERROR, both_known && common_part(&sp.part[1]), NULL);
        return;
    }
    /* Two capitalised words: brand names look the same (`BlackRock`), so both parts
     * must be common words, and a name that recurs in the article is left alone. */
    if (!both_known || lchars < 3 || !common_part(&sp.part[0]) || !common_part(&sp.part[1]) ||
        occurrences(r, s, len) > 1)
        return;
    report(ctx, t, &sp, 1, TQC_SEV_WARNING, false, NULL);
}

static void check_word(ms_run *r, size_t k)
{
    const tqc_ctx *ctx = r->ctx;
    const tqc_doc *doc = ctx->doc;
    const tqc_token *t = &doc->tokens[k];
    if (t->kind != TQC_TOK_WORD ||
        (t->flags & (TQC_TF_DIGIT | TQC_TF_ALLCAPS | TQC_TF_PERIOD | TQC_TF_HYPHEN | TQC_TF_APOS)))
        return;
    const char *s = tqc_doc_at(doc, t->span);
    size_t len = tqc_span_len(t->span);
    if (len > MS_MAX_WORD || tqc_dict_known(ctx->dict, s, len))
        return;
    if (chars_in(s, len) < MS_MIN_CHARS || tqc_dict_freq(ctx->dict, s, len) > 0)
        return;
    char variant[MS_MAX_WORD + 1];
    if (tqc_dict_case_variant(ctx->dict, s, len, variant, sizeof variant))
        return; /* `korean`: a case error, for the spelling pass */
    if (t->flags & TQC_TF_INNER_CAP) {
        check_camel(r, t);
        return;
    }

    tqc_split best[MS_MAX_READINGS];
    size_t n = tqc_split_find(ctx->dict, ctx->lang, s, len, best, MS_MAX_READINGS);
    if (n == 0)
        return;
    const tqc_split *b = &best[0];
    bool glue = false;
    for (size_t i = 0; i < b->count; i++) {
        if (!common_part(&b->part[i]))
            return;
        glue |= b->part[i].function;
    }
    bool clear = n == 1 || b->score >= best[1].score * MS_SAFE_RATIO;

    if (t->flags & TQC_TF_LOWER) {
        /* Content words run together that recur are the writer's compound (`ballclub`). */
        if (!glue && occurrences(r, s, len) > 1)
            return;
        report(ctx, t, best, n, glue ? TQC_SEV_ERROR : TQC_SEV_WARNING, glue && clear, NULL);
        return;
    }
    if (!(t->flags & TQC_TF_CAP) || occurrences(r, s, len) > 1)
        return; /* mixed case, or a capitalised word that recurs: a name */
    if (sentence_initial(doc, k)) {
        report(ctx, t, best, n, TQC_SEV_WARNING, false, NULL);
        return;
    }
    /* Inside a sentence a capitalised unknown word is a name unless it reads as a
     * common proper noun and a function word (`Parisat`). */
    const tqc_split_part *left = &b->part[0], *right = &b->part[1];
    if (b->count != 2 || !right->function || right->end - right->start < 2 ||
        left->freq < MS_PROPER_COMMON)
        return;
    char why[MS_MAX_WORD + 64];
    snprintf(why, sizeof why, "'%.*s' is a function word", (int)(right->end - right->start),
             s + right->start);
    report(ctx, t, best, 1, TQC_SEV_WARNING, false, why);
}

/* `agreement.The`: a sentence end with no space before the next sentence. */
static void check_sentence_join(const tqc_ctx *ctx, size_t k)
{
    const tqc_doc *doc = ctx->doc;
    const tqc_token *a = &doc->tokens[k - 1], *p = &doc->tokens[k], *b = &doc->tokens[k + 1];
    if (p->kind != TQC_TOK_PUNCT || tqc_span_len(p->span) != 1 ||
        (p->flags & TQC_TF_SPACE_BEFORE) || (b->flags & TQC_TF_SPACE_BEFORE) ||
        (a->kind != TQC_TOK_WORD && a->kind != TQC_TOK_NUMBER) || b->kind != TQC_TOK_WORD)
        return;
    char mark = doc->text[p->span.start];
    if (mark != '.' && mark != '!' && mark != '?')
        return;
    const char *as = tqc_doc_at(doc, a->span), *bs = tqc_doc_at(doc, b->span);
    size_t al = tqc_span_len(a->span), bl = tqc_span_len(b->span);
    size_t start;
    int32_t last = tqc_text_prev(as, al, &start);
    if (!(tqc_text_is_lower(last) || tqc_text_is_digit(last)) || chars_in(as, al) < 2)
        return;
    if (!title_shaped(bs, bl) || !tqc_dict_known(ctx->dict, bs, bl))
        return;
    tqc_span span = tqc_span_make(a->span.start, b->span.end);
    char fixed[2 * MS_MAX_WORD + 4];
    if (al + bl + 3 > sizeof fixed)
        return;
    memcpy(fixed, as, al);
    fixed[al] = mark;
    fixed[al + 1] = ' ';
    memcpy(fixed + al + 2, bs, bl);
    size_t fl = al + bl + 2;
    bool safe = a->kind == TQC_TOK_WORD && tqc_dict_known(ctx->dict, as, al) &&
                (tqc_split_is_function_word(ctx->lang, bs, bl) ||
                 tqc_dict_freq(ctx->dict, bs, bl) >= MS_COMMON);
    tqc_finding *f = TQC_EMIT(ctx, span, "no space after '%c' between '%.*s' and '%.*s'", mark,
                              (int)al, as, (int)bl, bs);
    tqc_finding_suggest(ctx->out, f, fixed, fl);
    tqc_finding_fix(ctx->out, f, span, fixed, fl, safe);
}

static void run(const tqc_ctx *ctx)
{
    ms_run r = {ctx, NULL, false};
    const tqc_doc *doc = ctx->doc;
    for (size_t k = 0; k < doc->token_count; k++) {
        check_word(&r, k);
        if (k > 0 && k + 1 < doc->token_count)
            check_sentence_join(ctx, k);
    }
    tqc_strmap_free(r.counts);
}

const tqc_pass tqc_pass_missing_space = {
    .id = "missing-space",
    .severity = TQC_SEV_ERROR,
    .summary = "words run together without a space (`meetingwhile`, `agreement.The`)",
    .good = "The talks ended while the delegates met in Berlin on Monday.",
    .bad = "The talksended while the delegates met in Berlin on Monday.",
    .run = run,
};
