/* number: numbers, times and dates that change between source and target, and numbers
 * left in another locale's notation.
 * Bilingual (doc->source): every number of the source should be in the target and no
 * other, read as values so that locale conversions pass (`3,5` = `3.5`, `1.000` =
 * `1,000`, `11h43` = `11:43 am`, `15h43` = `3:43 pm`, `€ 5` = `€5`; bitext.h). A target
 * number that matches none of the source's is reported (naming the source number it
 * probably replaced when exactly one is left over); a source number missing from the
 * target is reported on the whole segment. Integers up to ten are skipped either way:
 * translations write them out as words.
 * Monolingual, by the profile's `decimal-separator` and `time-separator`: a decimal
 * comma (`3,5 million`), dots grouping thousands (`1.000.000`) or a time written `11h43`
 * in a language that writes `3.5`, `1,000,000` and `11:43`. */
#include "pass.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bitext.h"

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

/* The monolingual checks on one number token. */
static void check_notation(const tqc_ctx *ctx, tqc_span span)
{
    const char *dec = tqc_lang_setting(ctx->lang, "decimal-separator", NULL);
    const char *tsep = tqc_lang_setting(ctx->lang, "time-separator", NULL);
    const char *s = tqc_doc_at(ctx->doc, span);
    size_t n = tqc_span_len(span);
    size_t commas = 0, dots = 0, comma_at = 0, h = 0;
    bool only_digits_and_marks = true;
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
    char fixed[64];
    if (tsep && strcmp(tsep, "h") != 0 && h >= 1 && h <= 2 && h + 3 == n &&
        (s[h] == 'h' || s[h] == 'H') && is_digit(s[h + 1]) && is_digit(s[h + 2])) {
        int len = snprintf(fixed, sizeof fixed, "%.*s%s%.2s", (int)h, s, tsep, s + h + 1);
        tqc_finding *f = TQC_EMIT(ctx, span, "time written '%.*s', in another language's "
                                  "notation: write '%s'", (int)n, s, fixed);
        tqc_finding_suggest(ctx->out, f, fixed, (size_t)len);
        return;
    }
    if (!dec || strcmp(dec, ".") != 0 || !only_digits_and_marks || n + 1 > sizeof fixed)
        return;
    /* [1,1] and (0,5) are pairs of coordinates or scores, not decimals. */
    const char *t = ctx->doc->text;
    if ((span.start > 0 && (t[span.start - 1] == '[' || t[span.start - 1] == '(')) ||
        (span.end < ctx->doc->len && (t[span.end] == ']' || t[span.end] == ')')))
        return;
    if (commas == 1 && dots == 0) {
        size_t frac = n - comma_at - 1;
        if (frac == 3 || frac == 0)
            return;     /* 1,000 is a thousands separator here */
        memcpy(fixed, s, n);
        fixed[comma_at] = '.';
        fixed[n] = '\0';
        tqc_finding *f = TQC_EMIT(ctx, span, "decimal comma in '%.*s': write '%s'", (int)n, s,
                                  fixed);
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
    for (size_t k = 0; k < doc->token_count; k++)
        if (doc->tokens[k].kind == TQC_TOK_NUMBER)
            check_notation(ctx, doc->tokens[k].span);
    const tqc_doc *src = doc->source;
    if (!src)
        return;
    num *t = malloc(NUM_MAX * sizeof *t), *s = malloc(NUM_MAX * sizeof *s);
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
    .summary = "numbers, times and dates changed from the source, or in another locale's "
               "notation (`3,5 million`, `11h43`)",
    .good = "The missiles were fired at 11:43 am, and 3.5 million people live there.",
    .bad = "The missiles were fired at 11h43, and 3,5 million people live there.",
    .details = "Numbers, times and dates changed from the source (with --source or a bilingual "
               "file), or left in the source language's notation (`11h43`, `3,5 million` in "
               "English).",
    .run = run,
};
